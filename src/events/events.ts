/**
 * The kit's DOM events. Every event is a class with a typed `detail`, bubbles and crosses shadow roots.
 */
import type { MediaState } from '../model/agent-state.js';
import type { AggregateLook } from '../model/state-rules.js';
import type { DcStoreError } from '../store/store.js';
import type { DcNotification, KitConnection } from '../store/state.js';

const init = { bubbles: true, composed: true } as const;

/** A problem for the integrator: an invalid configuration, a malformed backend event. Never thrown. */
export class DcErrorEvent extends Event {
  static readonly type = 'dc-error';
  readonly detail:
    | DcStoreError
    | { source: 'config'; message: string; fields: readonly string[] }
    | { source: 'locale'; message: string };
  constructor(detail: DcErrorEvent['detail']) {
    super(DcErrorEvent.type, init);
    this.detail = detail;
  }
}

/** SIGN-6: whether the agent may sign out of the desktop changed. */
export class DcCanSignOutChangeEvent extends Event {
  static readonly type = 'dc-can-sign-out-change';
  readonly detail: { canSignOut: boolean };
  constructor(canSignOut: boolean) {
    super(DcCanSignOutChangeEvent.type, init);
    this.detail = { canSignOut };
  }
}

/** The agent state changed (any media); `look` is the aggregate look (STATE-4). */
export class DcAgentStateChangeEvent extends Event {
  static readonly type = 'dc-agent-state-change';
  readonly detail: { look: AggregateLook; media: Readonly<Record<string, MediaState>> };
  constructor(detail: DcAgentStateChangeEvent['detail']) {
    super(DcAgentStateChangeEvent.type, init);
    this.detail = detail;
  }
}

/** The connection changed (FAIL-1/2): a Finesse host may mirror it. */
export class DcConnectionChangeEvent extends Event {
  static readonly type = 'dc-connection-change';
  readonly detail: { connection: KitConnection };
  constructor(connection: KitConnection) {
    super(DcConnectionChangeEvent.type, init);
    this.detail = { connection };
  }
}

/** A notification was raised; a host may mirror it in its own notification area. */
export class DcNotificationEvent extends Event {
  static readonly type = 'dc-notification';
  readonly detail: { notification: DcNotification };
  constructor(notification: DcNotification) {
    super(DcNotificationEvent.type, init);
    this.detail = { notification };
  }
}

/**
 * TASK-5: unread customer messages changed. `unread` is the total; `away` says whether the agent is
 * looking elsewhere. A host shows a red dot on its navigation item or tab while `unread > 0`.
 */
export class DcAttentionEvent extends Event {
  static readonly type = 'dc-attention';
  readonly detail: { unread: number; tasks: Readonly<Record<string, number>>; away: boolean };
  constructor(detail: DcAttentionEvent['detail']) {
    super(DcAttentionEvent.type, init);
    this.detail = detail;
  }
}

/** TASK-3: the agent selected a task (click, keys, or a notification's Open). */
export class DcTaskSelectEvent extends Event {
  static readonly type = 'dc-task-select';
  readonly detail: { taskId: string };
  constructor(taskId: string) {
    super(DcTaskSelectEvent.type, init);
    this.detail = { taskId };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dc-error': DcErrorEvent;
    'dc-can-sign-out-change': DcCanSignOutChangeEvent;
    'dc-agent-state-change': DcAgentStateChangeEvent;
    'dc-connection-change': DcConnectionChangeEvent;
    'dc-notification': DcNotificationEvent;
    'dc-attention': DcAttentionEvent;
    'dc-task-select': DcTaskSelectEvent;
    'dc-before-send': DcBeforeSendEvent;
    'dc-send': DcSendEvent;
  }
}

/**
 * COMP-1: a message is about to be sent. Cancelable: `preventDefault()` vetoes it (the draft stays as it
 * is); a host may also change `detail.text` (it is sent as changed, after the length check runs again).
 * Fired by `<dc-composer>` on itself, before the message enters the outbox.
 */
export class DcBeforeSendEvent extends Event {
  static readonly type = 'dc-before-send';
  readonly detail: {
    readonly taskId: string;
    readonly media: string;
    /** What will be sent, in the channel's markup. */
    text: string;
    readonly attachments: readonly { readonly id: string; readonly name: string; readonly type: string; readonly size: number }[];
  };
  constructor(detail: DcBeforeSendEvent['detail']) {
    super(DcBeforeSendEvent.type, { ...init, cancelable: true });
    this.detail = detail;
  }
}

/** A message entered the outbox (it is delivered exactly once from there). */
export class DcSendEvent extends Event {
  static readonly type = 'dc-send';
  readonly detail: { readonly taskId: string; readonly clientId: string; readonly text: string };
  constructor(detail: DcSendEvent['detail']) {
    super(DcSendEvent.type, init);
    this.detail = detail;
  }
}
