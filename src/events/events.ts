/**
 * The kit's DOM events. Every event is a class with a typed `detail`, bubbles and crosses shadow roots.
 */
import type { MediaState, StateScope, StateTarget } from '../model/agent-state.js';
import type { OutgoingEmail } from '../model/email.js';
import type { MediaId } from '../model/media.js';
import type { AggregateLook } from '../model/state-rules.js';
import type { DcStoreError } from '../store/store.js';
import type { DcNotification, KitConnection } from '../store/state.js';

const init = { bubbles: true, composed: true } as const;

/**
 * An agent's intent, announced before the kit acts on it: cancelable (`preventDefault()` vetoes it, and
 * nothing changes), bubbling and composed, fired on the element the agent used (or on the provider, for a
 * keyboard shortcut). Fields of `detail` that are not read-only may be changed by a listener: the kit
 * acts on what the detail says after the event. This is how a CRM vetoes or enriches any action.
 */
export abstract class DcIntentEvent<D extends object> extends Event {
  readonly detail: D;
  constructor(type: string, detail: D) {
    super(type, { ...init, cancelable: true });
    this.detail = detail;
  }
}


/** A problem for the integrator: an invalid configuration, no backend, a malformed backend event. Never thrown. */
export class DcErrorEvent extends Event {
  static readonly type = 'dc-error';
  readonly detail:
    | DcStoreError
    | { source: 'config'; message: string; fields: readonly string[] }
    | { source: 'locale'; message: string }
    | { source: 'backend'; message: string }
    | { source: 'host'; message: string };
  constructor(detail: DcErrorEvent['detail']) {
    super(DcErrorEvent.type, init);
    this.detail = detail;
  }
}

/**
 * TASK-4/6, XFER-2: the host reports that a voice call started (`active: true`) or ended. Dispatch it on
 * `<dc-provider>` or on any element inside the kit — `el.dispatchEvent(new DcVoiceEvent(true))`, or from
 * code that does not import the kit, `new CustomEvent('dc-voice', { detail: { active: true }, bubbles:
 * true })` — and the provider sets its `voice` property, as a host may also do directly.
 */
export class DcVoiceEvent extends Event {
  static readonly type = 'dc-voice';
  readonly detail: { readonly active: boolean };
  constructor(active: boolean) {
    super(DcVoiceEvent.type, init);
    this.detail = { active };
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
    'dc-voice': DcVoiceEvent;
    'dc-can-sign-out-change': DcCanSignOutChangeEvent;
    'dc-agent-state-change': DcAgentStateChangeEvent;
    'dc-connection-change': DcConnectionChangeEvent;
    'dc-notification': DcNotificationEvent;
    'dc-attention': DcAttentionEvent;
    'dc-task-select': DcTaskSelectEvent;
    'dc-before-send': DcBeforeSendEvent;
    'dc-send': DcSendEvent;
    'dc-email-maximise': DcEmailMaximiseEvent;
    'dc-before-sign-in': DcBeforeSignInEvent;
    'dc-before-state-change': DcBeforeStateChangeEvent;
    'dc-before-accept': DcBeforeAcceptEvent;
    'dc-before-end': DcBeforeEndEvent;
    'dc-before-retry': DcBeforeRetryEvent;
    'dc-before-discard': DcBeforeDiscardEvent;
    'dc-before-workflow': DcBeforeWorkflowEvent;
    'dc-before-wrap-up': DcBeforeWrapUpEvent;
    'dc-before-sign-out': DcBeforeSignOutEvent;
    'dc-transfer-open': DcTransferOpenEvent;
    'dc-before-transfer': DcBeforeTransferEvent;
    'dc-before-save': DcBeforeSaveEvent;
  }
}

/** SIGN-2: the agent asks to sign in (`detail.media`: the media that would sign in). */
export class DcBeforeSignInEvent extends DcIntentEvent<{ readonly media: readonly MediaId[] }> {
  static readonly type = 'dc-before-sign-in';
  constructor(detail: DcBeforeSignInEvent['detail']) {
    super(DcBeforeSignInEvent.type, detail);
  }
}

/**
 * STATE-1..6: the agent asks for Ready or Not Ready for All, a group, or one media (a notification's
 * Retry). A host may change `detail.target` (a reason of its own, say).
 */
export class DcBeforeStateChangeEvent extends DcIntentEvent<{
  readonly scope: StateScope | { readonly media: MediaId };
  target: StateTarget;
}> {
  static readonly type = 'dc-before-state-change';
  constructor(detail: DcBeforeStateChangeEvent['detail']) {
    super(DcBeforeStateChangeEvent.type, detail);
  }
}

/** OFFER-2, OFFER-6: the agent accepts an offer (Accept all fires one per offer). */
export class DcBeforeAcceptEvent extends DcIntentEvent<{ readonly taskId: string; readonly media: MediaId }> {
  static readonly type = 'dc-before-accept';
  constructor(detail: DcBeforeAcceptEvent['detail']) {
    super(DcBeforeAcceptEvent.type, detail);
  }
}

/** END-1: the agent ends a task. */
export class DcBeforeEndEvent extends DcIntentEvent<{ readonly taskId: string; readonly media: MediaId }> {
  static readonly type = 'dc-before-end';
  constructor(detail: DcBeforeEndEvent['detail']) {
    super(DcBeforeEndEvent.type, detail);
  }
}

/** PANE-4: the agent retries a failed message (`id`: its client id or the server's message id). */
export class DcBeforeRetryEvent extends DcIntentEvent<{ readonly taskId: string; readonly id: string }> {
  static readonly type = 'dc-before-retry';
  constructor(detail: DcBeforeRetryEvent['detail']) {
    super(DcBeforeRetryEvent.type, detail);
  }
}

/** PANE-4: the agent discards a message the server refused. */
export class DcBeforeDiscardEvent extends DcIntentEvent<{ readonly taskId: string; readonly clientId: string }> {
  static readonly type = 'dc-before-discard';
  constructor(detail: DcBeforeDiscardEvent['detail']) {
    super(DcBeforeDiscardEvent.type, detail);
  }
}

/**
 * COMP-10: the agent triggers a workflow. A host may add or change `detail.params` (they are checked
 * against the workflow's parameters again).
 */
export class DcBeforeWorkflowEvent extends DcIntentEvent<{
  readonly taskId: string;
  readonly workflowId: string;
  params: Record<string, string>;
}> {
  static readonly type = 'dc-before-workflow';
  constructor(detail: DcBeforeWorkflowEvent['detail']) {
    super(DcBeforeWorkflowEvent.type, detail);
  }
}

/**
 * Asks first, then acts: dispatches `event` on `target` and, unless a listener vetoed it, runs `act`
 * with the (possibly changed) detail. Returns whether it ran.
 */
export function intend<D extends object>(target: EventTarget, event: DcIntentEvent<D>, act: (detail: D) => void): boolean {
  target.dispatchEvent(event);
  if (event.defaultPrevented) return false;
  act(event.detail);
  return true;
}

/**
 * COMP-1: a message is about to be sent. Cancelable: `preventDefault()` vetoes it (the draft stays as it
 * is); a host may also change `detail.text` (it is sent as changed, after the length check runs again).
 * Fired by `<dc-composer>` on itself, before the message enters the outbox.
 */
export class DcBeforeSendEvent extends DcIntentEvent<{
  readonly taskId: string;
  readonly media: string;
  /** What will be sent, in the channel's markup. */
  text: string;
  readonly attachments: readonly { readonly id: string; readonly name: string; readonly type: string; readonly size: number }[];
  /** An email reply's fields and sanitised HTML (MAIL-5..10); `text` is then its plain-text alternative. */
  readonly email?: OutgoingEmail;
}> {
  static readonly type = 'dc-before-send';
  constructor(detail: DcBeforeSendEvent['detail']) {
    super(DcBeforeSendEvent.type, detail);
  }
}

/** A message entered the outbox (it is delivered exactly once from there). */
export class DcSendEvent extends Event {
  static readonly type = 'dc-send';
  readonly detail: { readonly taskId: string; readonly clientId: string; readonly text: string; readonly email?: OutgoingEmail };
  constructor(detail: DcSendEvent['detail']) {
    super(DcSendEvent.type, init);
    this.detail = detail;
  }
}

/** MAIL-10: the email reply was maximised or restored; a desktop gives it the interaction pane's height. */
export class DcEmailMaximiseEvent extends Event {
  static readonly type = 'dc-email-maximise';
  readonly detail: { readonly maximised: boolean };
  constructor(maximised: boolean) {
    super(DcEmailMaximiseEvent.type, init);
    this.detail = { maximised };
  }
}

// --- End, wrap-up and sign-out (END-2, STATE-8) ---------------------------------------------------

/**
 * END-2: the agent presses Close in a task's wrap-up. A host may change `detail.reasons` and
 * `detail.note` (what is sent), or veto it (the task stays in wrap-up; the countdown goes on).
 */
export class DcBeforeWrapUpEvent extends DcIntentEvent<{
  readonly taskId: string;
  readonly media: MediaId;
  reasons: string[];
  note: string;
}> {
  static readonly type = 'dc-before-wrap-up';
  constructor(detail: DcBeforeWrapUpEvent['detail']) {
    super(DcBeforeWrapUpEvent.type, detail);
  }
}

/**
 * STATE-8: the agent confirms signing out with held tasks (`detail.taskIds`), which are closed or
 * transferred per `detail.disposition`. A host may veto it (the confirmation stays open).
 */
export class DcBeforeSignOutEvent extends DcIntentEvent<{
  readonly taskIds: readonly string[];
  readonly disposition: 'transfer' | 'close';
}> {
  static readonly type = 'dc-before-sign-out';
  constructor(detail: DcBeforeSignOutEvent['detail']) {
    super(DcBeforeSignOutEvent.type, detail);
  }
}

/**
 * XFER-1: the agent asks to open the transfer menu (its Transfer button). Cancelable: a listener that
 * calls `preventDefault()` keeps it closed — `<dc-customer-details>` does so to ask about unsaved
 * edits first (CUST-4), then opens it with the menu's `show()`.
 */
export class DcTransferOpenEvent extends DcIntentEvent<{ readonly taskId: string }> {
  static readonly type = 'dc-transfer-open';
  constructor(detail: DcTransferOpenEvent['detail']) {
    super(DcTransferOpenEvent.type, detail);
  }
}

/**
 * XFER-1, XFER-3, XFER-4: the agent transfers a task to a routing point. Cancelable: `preventDefault()`
 * vetoes it (the agent keeps the task, the menu stays open); a host may change `detail.note`.
 */
export class DcBeforeTransferEvent extends DcIntentEvent<{
  readonly taskId: string;
  readonly media: MediaId;
  /** The routing point's id. */
  readonly target: string;
  /** The internal note for the next agent (never sent to the customer). */
  note: string;
  /** The wrap-up reasons chosen first, when the media forces a wrap-up (XFER-3). */
  readonly wrapUp?: { readonly reasons: readonly string[] };
}> {
  static readonly type = 'dc-before-transfer';
  constructor(detail: DcBeforeTransferEvent['detail']) {
    super(DcBeforeTransferEvent.type, detail);
  }
}
/**
 * CUST-3: the agent saves a task's customer fields (`detail.fields`: the changed ones, by variable name,
 * as they will be sent). Cancelable: a host validates them against its CRM and `preventDefault()`s to
 * refuse them, setting `detail.reason` to say why (shown to the agent; the edits stay). Fired by
 * `<dc-customer-details>` on itself.
 */
export class DcBeforeSaveEvent extends DcIntentEvent<{
  readonly taskId: string;
  readonly media: MediaId;
  readonly fields: Readonly<Record<string, string>>;
  /** Why the host refused the values, when it does. */
  reason?: string;
}> {
  static readonly type = 'dc-before-save';
  constructor(detail: DcBeforeSaveEvent['detail']) {
    super(DcBeforeSaveEvent.type, detail);
  }
}
