/**
 * Notifications: raising and dismissing them, and the rules that say which transitions announce
 * something to the agent. Those rules read the transition (before → after), never the raw event
 * alone, so that applying something again announces nothing again:
 * - a new message only for a customer message that was not in the state and now is (TASK-5);
 * - a missed offer only when an offer that was there is now gone as missed (OFFER-4);
 * - an automatic state change only when the server's word on the media changed (STATE-6);
 * - "connection restored" only on the way back online after a loss (FAIL-2).
 * Commands that fail (sign-in, a state change, an accept) raise their own, from the module that runs them.
 *
 * Those that need no action do not pile up:
 * - information (and success) leaves after `notificationSeconds`, a time kept in the state
 *   (`expiresAt`), which stops while the agent holds the notifications (the pointer or the focus on
 *   them: WCAG 2.2.1) and goes on when they let go;
 * - a warning's key names its cause (a supervisor's changes, the missed offers of a group, the lost
 *   connection…): raised again while it is on show, it stays one warning and counts (×3). Errors with
 *   the same key are replaced as they were (a retry updates its own countdown).
 */
import { customerDisplayName, isHeld, missedOfferOutcome } from '../model/tasks.js';
import type { DcConfig } from '../model/config.js';
import type { StoreCore, Transition } from './core.js';
import { arrivals } from './messages.js';
import { has, own } from './records.js';
import type { DcNotification, DcState, NotificationBody, NotificationKind } from './state.js';

/** A notification to raise: what the store turns into a `DcNotification`. */
export interface Notice {
  readonly kind: NotificationKind;
  /** A later notice with the same key replaces this one. */
  readonly key: string;
  readonly body: NotificationBody;
  readonly action?: DcNotification['action'];
}

/** The list once `notification` is raised: it replaces the one with its key; a warning again counts. */
export function raiseNotification(list: readonly DcNotification[], notification: DcNotification): readonly DcNotification[] {
  const earlier = list.find((n) => n.key === notification.key);
  if (!earlier) return [...list, notification];
  const count = earlier.kind === 'warning' && notification.kind === 'warning' ? (earlier.count ?? 1) + 1 : 1;
  return [...list.filter((n) => n !== earlier), count > 1 ? { ...notification, count } : notification];
}

/**
 * The agent holds the notifications (`held`), or lets go at `at`: while held none expires; on letting
 * go, each gets back the time it was held (or, raised meanwhile, the time since it came).
 */
export function holdNotifications(state: DcState, held: boolean, at: number): DcState {
  const since = state.notificationsHeldAt;
  if (held) return since !== undefined ? state : { ...state, notificationsHeldAt: at };
  if (since === undefined) return state;
  const notifications = state.notifications.map((n) =>
    n.expiresAt === undefined ? n : { ...n, expiresAt: n.expiresAt + Math.max(0, at - Math.max(since, n.at)) },
  );
  const { notificationsHeldAt: _, ...rest } = state;
  return { ...rest, notifications };
}

/** Without the informational notifications whose time is up at `at` (none while they are held). */
export function expireNotifications(state: DcState, at: number): DcState {
  if (state.notificationsHeldAt !== undefined) return state;
  const notifications = state.notifications.filter((n) => n.expiresAt === undefined || n.expiresAt > at);
  return notifications.length === state.notifications.length ? state : { ...state, notifications };
}

/** The notices a transition raises. Pure: the same transition always gives the same notices. */
export function noticesOf(config: DcConfig, { before, after, action }: Transition): Notice[] {
  const notices: Notice[] = [];
  if (before.connection !== 'online' && after.connection === 'online' && before.lostAt !== undefined) {
    notices.push({ kind: 'success', key: 'connection', body: { code: 'connection-restored', params: {} } });
  }
  if (action.type === 'event') {
    const event = action.event;
    if (event.type === 'media-state') {
      const media = event.state.media;
      const state = own(after.media, media);
      // A missed offer has its own notification (offer-missed), which says what changed.
      const automatic = event.cause !== 'agent' && event.cause !== 'sign-in' && event.cause !== 'missed-offer';
      // The reducer keeps the very state it held when the event brings the same one again.
      if (automatic && state && state !== own(before.media, media)) {
        notices.push({
          kind: 'warning',
          // One per cause: a supervisor's changes to three channels are one warning, counted.
          key: `auto:${event.cause}`,
          body: { code: 'state-auto-changed', params: { media, state, cause: event.cause } },
        });
      }
    } else if (event.type === 'task' && event.task.status === 'missed') {
      const task = event.task;
      const media = config.media.find((m) => m.id === task.media);
      if (media && own(before.tasks, task.id)?.status === 'offered' && !has(after.tasks, task.id)) {
        notices.push({
          kind: 'warning',
          key: `missed:${media.group}`,
          body: {
            code: 'offer-missed',
            params: { media: media.id, customer: customerDisplayName(config, task), group: missedOfferOutcome(media).notReady },
          },
        });
      }
    }
  }
  if (after.messages !== before.messages) {
    const ids =
      action.type === 'event' && action.event.type === 'message' ? [action.event.message.taskId] : Object.keys(after.messages);
    for (const id of ids) {
      const notice = newMessageNotice(config, before, after, id);
      if (notice) notices.push(notice);
    }
  }
  return notices;
}

/**
 * TASK-5: customer messages the state did not hold, for a task the agent held before and is not
 * looking at now, raise a notification with Open.
 */
function newMessageNotice(config: DcConfig, before: Transition['before'], after: Transition['after'], id: string): Notice | undefined {
  const list = own(after.messages, id);
  const previous = own(before.messages, id);
  if (list === previous || !has(before.tasks, id)) return undefined;
  const task = own(after.tasks, id);
  if (!task || !isHeld(task) || (after.selectedTaskId === id && after.visible)) return undefined;
  if (!arrivals(previous, list).some((m) => m.from === 'customer')) return undefined;
  const unread = (own(after.customerCounts, id) ?? 0) - (own(after.reads, id) ?? 0);
  if (unread <= 0) return undefined;
  return {
    kind: 'info',
    key: `message:${id}`,
    body: { code: 'new-message', params: { taskId: id, media: task.media, customer: customerDisplayName(config, task), unread } },
    action: { kind: 'open-task', taskId: id },
  };
}

export class Notifier {
  readonly #core: StoreCore;
  #next = 1;
  /** The one timer: it runs when the first informational notification's time is up. */
  #timer: unknown;

  constructor(core: StoreCore) {
    this.#core = core;
    core.onTransition((t) => {
      for (const n of noticesOf(core.config, t)) this.notify(n.kind, n.key, n.body, n.action);
    });
    core.onSettled((before, after) => {
      if (before.notifications !== after.notifications || before.notificationsHeldAt !== after.notificationsHeldAt) this.#arm();
    });
  }

  notify(kind: NotificationKind, key: string, body: NotificationBody, action?: DcNotification['action']): void {
    const core = this.#core;
    const at = core.now();
    const notification = {
      ...body,
      id: this.#next++,
      key,
      kind,
      at,
      ...(action ? { action } : {}),
      ...(kind === 'info' || kind === 'success' ? { expiresAt: at + core.config.notificationSeconds * 1000 } : {}),
    } as DcNotification;
    core.dispatch({ type: 'notify', notification });
  }

  dismiss(id: number): void {
    this.#core.dispatch({ type: 'dismiss', id });
  }

  /** The agent holds the notifications (pointer or focus on them), or lets go. */
  hold(held: boolean): void {
    this.#core.dispatch({ type: 'hold-notifications', held, at: this.#core.now() });
  }

  /** Sets the timer for the first notification whose time will be up (none while they are held). */
  #arm(): void {
    const core = this.#core;
    if (this.#timer !== undefined) core.cancel(this.#timer);
    this.#timer = undefined;
    const state = core.state;
    if (state.notificationsHeldAt !== undefined) return;
    let next = Infinity;
    for (const n of state.notifications) if (n.expiresAt !== undefined && n.expiresAt < next) next = n.expiresAt;
    if (next === Infinity) return;
    this.#timer = core.later(Math.max(0, next - core.now()), () => {
      this.#timer = undefined;
      core.dispatch({ type: 'expire-notifications', at: core.now() });
      this.#arm();
    });
  }

  dismissKey(key: string): void {
    for (const n of this.#core.state.notifications) if (n.key === key) this.dismiss(n.id);
  }

  /** Whether controls may act now (FAIL-2); if not, the agent is told so. */
  requireOnline(): boolean {
    if (this.#core.state.connection === 'online') return true;
    this.notify('warning', 'not-connected', { code: 'not-connected', params: {} });
    return false;
  }
}
