/**
 * Tasks (offers and interactions) and their rules: the lifecycle, capacity, which offers may be
 * presented, what a missed offer does to the agent's state (OFFER-4), unread counts and task timers.
 * Pure functions over plain data.
 */
import type { EmailAttachmentExtras, EmailContent } from './email.js';
import { isReadyForOffers, type MediaState } from './agent-state.js';
import type { DcConfig } from './config.js';
import type { GroupId, MediaConfig, MediaId, MediaKind } from './media.js';

/**
 * offered → active → wrap-up → closed; an offer may instead be missed (not accepted in time) or
 * rescinded (withdrawn by the routing system); an active task may be transferred.
 */
export type TaskStatus = 'offered' | 'active' | 'wrap-up' | 'closed' | 'missed' | 'rescinded' | 'transferred';

/** Statuses of a task the agent holds: it counts against capacity and shows in the task list. */
export const HELD_STATUSES: readonly TaskStatus[] = ['active', 'wrap-up'];
/** Statuses after which nothing more happens to a task. */
export const FINAL_STATUSES: readonly TaskStatus[] = ['closed', 'missed', 'rescinded', 'transferred'];

/**
 * The customer as the routing system names them: variables by name (`name`, `email`, `phone`,
 * `sourceNumber`, `accountNumber`, `address`, `question`, or anything an adapter maps), all strings.
 */
export type CustomerVariables = Readonly<Record<string, string>>;

export interface Task {
  readonly id: string;
  readonly media: MediaId;
  readonly status: TaskStatus;
  /** The queue (routing point) the task came through. */
  readonly queue: string;
  readonly customer: CustomerVariables;
  /** Epoch ms: when the offer was made, and when it stops being acceptable. */
  readonly offeredAt: number;
  readonly expiresAt: number;
  readonly acceptedAt?: number;
  readonly endedAt?: number;
  /** Epoch ms: when the task entered wrap-up (END-2), set by the server. */
  readonly wrapUpAt?: number;
  /** Epoch ms: when a forced wrap-up closes by itself (END-2), set by the server; absent unless forced. */
  readonly wrapUpDeadline?: number;
}

export type MessageAuthor = 'customer' | 'agent' | 'bot' | 'system';

/**
 * Where an outgoing message is (PANE-4): `sending` until the server has it, then `sent` (the server has
 * it), `delivered` (the customer's device has it), `read`; `failed` when it could not be delivered.
 */
export type Receipt = 'sending' | 'sent' | 'delivered' | 'read' | 'failed';
export const RECEIPTS: readonly Receipt[] = ['sending', 'sent', 'delivered', 'read', 'failed'];

/** A file in a message, as the server serves it. */
export interface MessageAttachment extends EmailAttachmentExtras {
  readonly id: string;
  readonly name: string;
  /** MIME type; may be empty. */
  readonly type: string;
  /** Bytes. */
  readonly size: number;
  /** Where to download it (http(s), blob: or data: URL; anything else is not linked). */
  readonly url: string;
  /** A small image for images, when the server has one. */
  readonly thumbnailUrl?: string;
}

/**
 * What an announcement (a `system` message) says, as data: the thread words it in the agent's language
 * from `code` and `params` (PANE-3). `text` on the message is the server's own wording, shown for codes
 * the kit does not know and for free text (journey summaries).
 */
export type AnnouncementCode =
  | 'joined' // params.name: an agent joined
  | 'left' // params.name: an agent left
  | 'handoff' // params.name: the bot handed the customer over
  | 'transferred' // params.to: the conversation was transferred
  | 'journey' // text: the customer's journey before contact
  | 'workflow' // params.workflowId, params.workflow (the server's name), params.outcome ('succeeded' | 'failed'), params.detail
  | 'customer-left' // the customer left the conversation
  | 'closed'; // the conversation is closed (shown with its time)

export interface Announcement {
  readonly code: AnnouncementCode | (string & {});
  readonly params?: Readonly<Record<string, string>>;
}

/** One message of a task's conversation. */
export interface Message {
  readonly id: string;
  /** The interaction it belongs to: the task's id, or an earlier interaction's in the history (PANE-1, PANE-5). */
  readonly taskId: string;
  readonly from: MessageAuthor;
  /** Plain text, never markup (PANE-2): the thread shows it as written. */
  readonly text: string;
  readonly at: number;
  /** The sender's display name (an agent's or a bot's); the customer's comes from the task. */
  readonly name?: string;
  /** The id the sending client gave an outgoing message: a send with the same id is the same message. */
  readonly clientId?: string;
  /** An outgoing message's receipt (PANE-4). */
  readonly receipt?: Receipt;
  /** Why an outgoing message failed, as the server says it. */
  readonly failure?: string;
  readonly attachments?: readonly MessageAttachment[];
  /** Set on `system` messages that are announcements (PANE-3). */
  readonly announcement?: Announcement;
  /**
   * An internal note between agents (XFER-4): written by an agent at a transfer, never sent to the
   * customer, shown in the thread to the next agent.
   */
  readonly internal?: true;
  /** Set on emails (MAIL-*): headers and the sender's HTML; `text` is then the plain-text body. */
  readonly email?: EmailContent;
}

/** The customer fields each kind shows on an offer (OFFER-5), in order, unless configured. */
export const DEFAULT_OFFER_FIELDS: Readonly<Record<MediaKind, readonly string[]>> = {
  sms: ['queue', 'phone', 'sourceNumber'],
  chat: ['name', 'email', 'queue'],
  social: ['name', 'phone', 'queue'],
  email: ['name', 'email', 'accountNumber', 'address', 'question'],
};

/** The customer field shown in bold in the task list (TASK-2), unless configured. */
export const DEFAULT_DISPLAY_FIELD: Readonly<Record<MediaKind, string>> = {
  sms: 'phone',
  chat: 'name',
  social: 'name',
  email: 'name',
};

/** The words that name a task's customer: its media's display field, else the name, else the queue. */
export function customerDisplayName(config: DcConfig, task: Task): string {
  const media = config.media.find((m) => m.id === task.media);
  const field = media?.displayField ?? 'name';
  return task.customer[field] || task.customer['name'] || task.queue;
}

/** A field's value on an offer or in the details: `queue` is the task's queue, the rest customer variables. */
export function taskFieldValue(task: Task, name: string): string {
  return name === 'queue' ? task.queue : (task.customer[name] ?? '');
}

/** Why the agent cannot write in a task now: there is none, or it is not held (an offer, or over). */
export type WriteBlock = 'no-task' | 'not-held';

/** Only a task the agent holds (active or wrapping up) of a configured media can be written in. */
export function writeBlock(task: Task | undefined, media: MediaConfig | undefined): WriteBlock | undefined {
  if (!task) return 'no-task';
  return isHeld(task) && media ? undefined : 'not-held';
}

export function isHeld(task: Task): boolean {
  return HELD_STATUSES.includes(task.status);
}

export function isFinal(task: Task): boolean {
  return FINAL_STATUSES.includes(task.status);
}

/** Tasks of a media that count against its capacity: held tasks and offers on show. OFFER-3. */
export function load(tasks: readonly Task[], media: MediaId): number {
  return tasks.filter((t) => t.media === media && (isHeld(t) || t.status === 'offered')).length;
}

/**
 * Whether a new offer of `media` may be presented (OFFER-1, OFFER-3, STATE-6): the media is signed in,
 * Ready and routable, its whole group is not Not Ready, and it is below capacity (held tasks plus
 * offers already on show).
 */
export function canPresentOffer(
  config: DcConfig,
  states: Readonly<Record<MediaId, MediaState>>,
  tasks: readonly Task[],
  media: MediaId,
): boolean {
  const m = config.media.find((x) => x.id === media);
  const state = states[media];
  if (!m || !state || !isReadyForOffers(state)) return false;
  return load(tasks, media) < m.capacity;
}

/**
 * The offers to present, oldest first (OFFER-1/3, STATE-6): those still offered and not expired, of a
 * media that is Ready and routable, within its capacity. An offer that arrives beyond capacity, or for a
 * media that is no longer Ready, waits unseen until the routing system takes it back.
 *
 * One pass to count each media's held tasks, then one over the offers: O(n log n) in the tasks. (The
 * offers render this on every change, and an Accept all of n offers is n changes.)
 */
export function presentedOffers(
  config: DcConfig,
  states: Readonly<Record<MediaId, MediaState>>,
  tasks: readonly Task[],
  now: number,
): Task[] {
  const used = new Map<MediaId, number>();
  const offers: Task[] = [];
  for (const t of tasks) {
    if (isHeld(t)) used.set(t.media, (used.get(t.media) ?? 0) + 1);
    else if (t.status === 'offered' && t.expiresAt > now) offers.push(t);
  }
  offers.sort((a, b) => a.offeredAt - b.offeredAt);
  const result: Task[] = [];
  for (const offer of offers) {
    const m = config.media.find((x) => x.id === offer.media);
    const state = states[offer.media];
    if (!m || !state || !isReadyForOffers(state)) continue;
    const n = used.get(offer.media) ?? 0;
    if (n < m.capacity) {
      result.push(offer);
      used.set(offer.media, n + 1);
    }
  }
  return result;
}

/** Whole seconds left to accept an offer (never below zero). OFFER-1. */
export function secondsLeft(task: Task, now: number): number {
  return Math.max(0, Math.ceil((task.expiresAt - now) / 1000));
}

/**
 * OFFER-4: what a missed offer does. Chat, SMS and social: first that media becomes non-routable, then
 * the whole Chat/Social group goes Not Ready. Email: only Email goes Not Ready.
 */
export interface MissedOfferOutcome {
  /** Media that lose routing first (Not Ready – non-routable). */
  readonly nonRoutable: readonly MediaId[];
  /** The group that then goes Not Ready. */
  readonly notReady: GroupId;
}

export function missedOfferOutcome(media: MediaConfig): MissedOfferOutcome {
  if (media.group === 'email') return { nonRoutable: [], notReady: 'email' };
  return { nonRoutable: [media.id], notReady: media.group };
}

/** One change a missed offer makes to the agent's state: the media's whole state after it. OFFER-4. */
export interface MissedOfferChange {
  readonly change: 'non-routable' | 'not-ready';
  readonly state: MediaState;
}

/**
 * OFFER-4 applied to the agent's states: what a server does when an offer of `missed` runs out, as the
 * changes it makes, in order, each with the media's state after it (`since` is `now`). The media that
 * `missedOfferOutcome` names lose routing first, then every media of its group that is Ready goes Not
 * Ready (no reason; one already Not Ready keeps its reason). A media that is not signed in changes in
 * nothing, and a change that would leave a state as it is is left out. An unknown media: no change.
 */
export function missedOfferChanges(
  config: DcConfig,
  missed: MediaId,
  states: Readonly<Record<MediaId, MediaState | undefined>>,
  now: number,
): MissedOfferChange[] {
  const media = config.media.find((m) => m.id === missed);
  if (!media) return [];
  const outcome = missedOfferOutcome(media);
  const next = new Map<MediaId, MediaState>();
  const current = (id: MediaId) => next.get(id) ?? states[id];
  const changes: MissedOfferChange[] = [];
  const set = (change: MissedOfferChange['change'], state: MediaState) => {
    next.set(state.media, state);
    changes.push({ change, state });
  };
  for (const id of outcome.nonRoutable) {
    const state = current(id);
    if (state?.signIn === 'signed-in' && state.routable) set('non-routable', { ...state, routable: false, since: now });
  }
  for (const m of config.media) {
    if (m.group !== outcome.notReady) continue;
    const state = current(m.id);
    if (state?.signIn !== 'signed-in' || state.availability === 'not-ready') continue;
    set('not-ready', {
      media: state.media,
      signIn: state.signIn,
      availability: 'not-ready',
      routable: state.routable,
      since: now,
      ...(state.systemState ? { systemState: state.systemState } : {}),
    });
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------------
// Unread counts and timers

/** Customer messages of a task the agent has not read: those after the first `readCount`. TASK-2/3. */
export function unreadCount(messages: readonly Message[] | undefined, readCount: number | undefined): number {
  if (!messages) return 0;
  const fromCustomer = messages.reduce((n, m) => (m.from === 'customer' ? n + 1 : n), 0);
  return Math.max(0, fromCustomer - (readCount ?? 0));
}

/** Unread customer messages of the held tasks: per task (every held task, 0 included) and in all. TASK-2/5. */
export interface UnreadCounts {
  readonly total: number;
  readonly byTask: Readonly<Record<string, number>>;
}

/**
 * TASK-5: the unread counts a host shows as a red dot and the desktop in its header. Offers count for
 * nothing (the agent has not taken them); `messages` and `reads` are by task id.
 */
export function unreadCounts(
  tasks: Iterable<Task>,
  messages: Readonly<Record<string, readonly Message[]>>,
  reads: Readonly<Record<string, number>>,
): UnreadCounts {
  const byTask: Record<string, number> = Object.create(null);
  let total = 0;
  for (const task of tasks) {
    if (!isHeld(task)) continue;
    const n = unreadCount(messages[task.id], reads[task.id]);
    byTask[task.id] = n;
    total += n;
  }
  return { total, byTask };
}

/**
 * TASK-5: the same counts as `unreadCounts`, from how many customer messages each task has (the store
 * keeps that number as messages arrive, `DcState.customerCounts`) rather than from the messages: no
 * list is walked, so the cost does not grow with the conversations' length. Both records are by task
 * id and read as own entries only.
 */
export function unreadCountsFrom(
  tasks: Iterable<Task>,
  customerCounts: Readonly<Record<string, number>>,
  reads: Readonly<Record<string, number>>,
): UnreadCounts {
  const byTask: Record<string, number> = Object.create(null);
  let total = 0;
  for (const task of tasks) {
    if (!isHeld(task)) continue;
    const count = Object.hasOwn(customerCounts, task.id) ? customerCounts[task.id]! : 0;
    const read = Object.hasOwn(reads, task.id) ? reads[task.id]! : 0;
    const n = Math.max(0, count - read);
    byTask[task.id] = n;
    total += n;
  }
  return { total, byTask };
}

/** How many customer messages a task has: what "read" means once the agent looks at it. */
export function customerMessageCount(messages: readonly Message[] | undefined): number {
  return messages ? messages.reduce((n, m) => (m.from === 'customer' ? n + 1 : n), 0) : 0;
}

/** Voice-call pauses of one task: closed spans add up; an open one runs from `since`. TASK-4. */
export interface TaskPause {
  readonly pausedMs: number;
  readonly since?: number;
}

/**
 * A task's duration (TASK-2/4): from acceptance (or the offer) to its end or `now`, less the time a
 * voice call paused it. Derived from timestamps only, so it survives reloads and failovers.
 */
export function taskDuration(task: Task, now: number, pause?: TaskPause): number {
  const start = task.acceptedAt ?? task.offeredAt;
  const end = task.endedAt ?? now;
  const paused = (pause?.pausedMs ?? 0) + (pause?.since !== undefined ? Math.max(0, end - pause.since) : 0);
  return Math.max(0, end - start - paused);
}

/** The media whose timers a voice call pauses (TASK-4: `config.media[m].pauseOnVoice`). */
export function mediaPausedByVoice(config: DcConfig): MediaId[] {
  return config.media.filter((m) => m.pauseOnVoice).map((m) => m.id);
}

/**
 * XFER-2: whether Transfer stays available for a task of `media` while the host reports a voice call.
 * A media whose timers pause on voice (`pauseOnVoice`) is on hold with the call: Transfer is disabled
 * until the call ends. The others keep running, Transfer included.
 */
export function transferAvailableDuringVoice(config: DcConfig, media: MediaId, voice: boolean): boolean {
  if (!voice) return true;
  return !config.media.find((m) => m.id === media)?.pauseOnVoice;
}

/** The task list's order: held tasks by acceptance, oldest first (a new task is appended, OFFER-2). */
export function taskListOrder(tasks: readonly Task[]): Task[] {
  return tasks.filter(isHeld).sort((a, b) => (a.acceptedAt ?? a.offeredAt) - (b.acceptedAt ?? b.offeredAt) || (a.id < b.id ? -1 : 1));
}

/** The task after (or before) `current` in list order, wrapping around; the first one when none. */
export function adjacentTask(list: readonly Task[], current: string | undefined, step: 1 | -1): Task | undefined {
  if (list.length === 0) return undefined;
  const i = list.findIndex((t) => t.id === current);
  if (i < 0) return step === 1 ? list[0] : list[list.length - 1];
  return list[(i + step + list.length) % list.length];
}
