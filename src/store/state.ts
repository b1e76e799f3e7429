/**
 * The store's state and its reducer: plain, serialisable data and a pure function from (state, action)
 * to a new state. The `DcStore` class (store.ts) runs the effects (backend calls, retries, timers) and
 * feeds the reducer.
 */
import type { MediaState, StateTarget } from '../model/agent-state.js';
import type { GroupId, MediaId } from '../model/media.js';
import {
  customerMessageCount,
  isFinal,
  isHeld,
  taskListOrder,
  type Message,
  type Task,
  type TaskPause,
} from '../model/tasks.js';
import type { DcEvent, DcSnapshot, StateCause } from '../backend/types.js';
import type { Draft, DraftAttachment } from '../model/draft.js';
import { EMPTY_CATALOGUE, type Catalogue } from '../model/workflows.js';

export type { Draft, DraftAttachment } from '../model/draft.js';

/**
 * A message the agent sent that the server does not hold yet (COMP-12): `queued` waits for the
 * connection, `sending` is on its way, `failed` was refused and waits for Retry (PANE-4).
 */
export interface OutboxEntry {
  readonly clientId: string;
  readonly taskId: string;
  readonly text: string;
  readonly attachments: readonly DraftAttachment[];
  readonly createdAt: number;
  readonly status: 'queued' | 'sending' | 'failed';
  readonly reason?: string;
}

/** The conversation before this task (PANE-1): loading, loaded, or failed with Retry. */
export interface HistoryState {
  readonly status: 'loading' | 'loaded' | 'failed';
  readonly messages: readonly Message[];
  readonly reason?: string;
}

export interface CatalogueState {
  readonly status: 'idle' | 'loading' | 'loaded' | 'failed';
  readonly value: Catalogue;
  readonly reason?: string;
}

/** How long a customer's "typing" lasts without news. */
export const TYPING_LAPSE_MS = 6000;

/**
 * The kit's view of the connection. `resyncing`: connected, re-reading the snapshot; controls stay
 * disabled until it is `online` (FAIL-2).
 */
export type KitConnection = 'connecting' | 'resyncing' | 'online' | 'offline';

export type NotificationKind = 'error' | 'warning' | 'info' | 'success';

/**
 * A notification, as data: the element turns `code` and `params` into words in the agent's language,
 * so switching language re-renders it.
 */
export type NotificationBody =
  | {
      readonly code: 'sign-in-failed';
      readonly params: { media: MediaId; reason: string; attempt: number; retries: number; retryInMs?: number };
    }
  | {
      readonly code: 'state-change-failed';
      readonly params: {
        media: MediaId;
        reason: string;
        attempt: number;
        retries: number;
        retryInMs?: number;
        target: StateTarget;
      };
    }
  | {
      readonly code: 'state-auto-changed';
      readonly params: { media: MediaId; state: MediaState; cause: StateCause };
    }
  | {
      readonly code: 'offer-missed';
      readonly params: { media: MediaId; customer: string; group: GroupId };
    }
  | { readonly code: 'accept-failed'; readonly params: { media: MediaId; customer: string; reason: string } }
  | {
      readonly code: 'new-message';
      readonly params: { taskId: string; media: MediaId; customer: string; unread: number };
    }
  | { readonly code: 'connection-restored'; readonly params: Record<string, never> }
  | { readonly code: 'not-connected'; readonly params: Record<string, never> }
  | { readonly code: 'sign-out-blocked'; readonly params: Record<string, never> };

export type NotificationCode = NotificationBody['code'];

export type DcNotification = NotificationBody & {
  readonly id: number;
  /** A later notification with the same key replaces this one (a retry updates its own pop-over). */
  readonly key: string;
  readonly kind: NotificationKind;
  readonly at: number;
  /** An action the agent can take from the pop-over. */
  readonly action?:
    | { readonly kind: 'retry-state'; readonly media: MediaId; readonly target: StateTarget }
    | { readonly kind: 'open-task'; readonly taskId: string };
};

/** A state change the store is running or will retry. */
export interface PendingChange {
  readonly target: StateTarget;
  readonly attempt: number;
}

export interface DcState {
  readonly connection: KitConnection;
  /** When the connection was lost; cleared once the state is re-read (the banner reads it). FAIL-1. */
  readonly lostAt?: number;
  /** The last applied event's sequence number. */
  readonly lastSeq: number;
  readonly media: Readonly<Record<MediaId, MediaState>>;
  readonly pending: Readonly<Record<MediaId, PendingChange>>;
  readonly notifications: readonly DcNotification[];
  /** Offers and held tasks by id; a task that is over leaves the state. */
  readonly tasks: Readonly<Record<string, Task>>;
  /** Each task's messages, oldest first. */
  readonly messages: Readonly<Record<string, readonly Message[]>>;
  /** How many of a task's customer messages the agent has seen (unread counts derive from it). */
  readonly reads: Readonly<Record<string, number>>;
  /** The task on show (OFFER-2: an accepted task becomes it). */
  readonly selectedTaskId?: string;
  /** Whether the agent can see the kit (the page is visible and the host has not said otherwise). */
  readonly visible: boolean;
  /** A voice call is under way (the host says so); it pauses some task timers (TASK-4). */
  readonly voice: boolean;
  readonly pauses: Readonly<Record<string, TaskPause>>;
  /** Offers whose Accept is on its way to the server. */
  readonly accepting: Readonly<Record<string, true>>;
  /** Drafts by task (COMP-13). */
  readonly drafts: Readonly<Record<string, Draft>>;
  /** Sent messages the server does not hold yet, by client id, oldest first (COMP-12). */
  readonly outbox: Readonly<Record<string, OutboxEntry>>;
  /** Each task's earlier conversation, once asked for (PANE-1). */
  readonly history: Readonly<Record<string, HistoryState>>;
  /** Tasks whose customer is typing, with when that lapses (epoch ms). */
  readonly typing: Readonly<Record<string, number>>;
  /** Templates and workflows (COMP-5, COMP-10). */
  readonly catalogue: CatalogueState;
}

export type Action =
  | { type: 'connection'; status: KitConnection; at: number }
  | { type: 'snapshot'; snapshot: DcSnapshot }
  | { type: 'event'; event: DcEvent }
  | { type: 'sign-in-start'; media: MediaId; at: number }
  | { type: 'sign-in-failed'; media: MediaId; reason: string; at: number }
  | { type: 'pending'; media: MediaId; change: PendingChange | undefined }
  | { type: 'notify'; notification: DcNotification }
  | { type: 'dismiss'; id: number }
  | { type: 'seq'; seq: number }
  | { type: 'select'; taskId: string | undefined }
  | { type: 'visible'; visible: boolean }
  | { type: 'voice'; active: boolean; at: number; media: readonly MediaId[] }
  | { type: 'accepting'; taskId: string; on: boolean }
  | { type: 'draft'; taskId: string; draft: Draft | undefined }
  | { type: 'outbox'; entry: OutboxEntry }
  | { type: 'outbox-remove'; clientId: string }
  | { type: 'history'; taskId: string; history: HistoryState }
  | { type: 'catalogue'; catalogue: CatalogueState }
  | { type: 'typing-lapse'; taskId: string; at: number };

export function initialState(media: Readonly<Record<MediaId, MediaState>>): DcState {
  return {
    connection: 'connecting',
    lastSeq: 0,
    media,
    pending: {},
    notifications: [],
    tasks: {},
    messages: {},
    reads: {},
    visible: true,
    voice: false,
    pauses: {},
    accepting: {},
    drafts: {},
    outbox: {},
    history: {},
    typing: {},
    catalogue: { status: 'idle', value: EMPTY_CATALOGUE },
  };
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Readonly<Record<string, T>> {
  if (!(key in record)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** The agent has seen every message of the task on show while the kit is visible (TASK-3). */
function markSeen(state: DcState): DcState {
  const id = state.selectedTaskId;
  if (!id || !state.visible) return state;
  const count = customerMessageCount(state.messages[id]);
  return state.reads[id] === count ? state : { ...state, reads: { ...state.reads, [id]: count } };
}

/** When the task on show is gone, the last accepted one takes its place (END-1). */
function fixSelection(state: DcState): DcState {
  if (state.selectedTaskId && state.tasks[state.selectedTaskId] && isHeld(state.tasks[state.selectedTaskId]!)) {
    return state;
  }
  const held = taskListOrder(Object.values(state.tasks));
  const last = held.sort((a, b) => (b.acceptedAt ?? 0) - (a.acceptedAt ?? 0))[0];
  const next: DcState = { ...state, selectedTaskId: last?.id };
  if (!last) delete (next as { selectedTaskId?: string }).selectedTaskId;
  return markSeen(next);
}

function removeTask(state: DcState, id: string): DcState {
  return {
    ...state,
    tasks: without(state.tasks, id),
    messages: without(state.messages, id),
    reads: without(state.reads, id),
    pauses: without(state.pauses, id),
    accepting: without(state.accepting, id),
    drafts: without(state.drafts, id),
    outbox: Object.values(state.outbox).some((e) => e.taskId === id)
      ? Object.fromEntries(Object.entries(state.outbox).filter(([, e]) => e.taskId !== id))
      : state.outbox,
    history: without(state.history, id),
    typing: without(state.typing, id),
  };
}

/** The server holds these client ids: their outbox entries are done. */
function settleOutbox(outbox: Readonly<Record<string, OutboxEntry>>, messages: Iterable<Message>): Readonly<Record<string, OutboxEntry>> {
  let next = outbox;
  for (const m of messages) if (m.clientId && next[m.clientId]) next = without(next, m.clientId);
  return next;
}

/** A message's receipt moved on; receipts only move forward, except to `failed` and out of it by a retry. */
function applyReceipt(
  list: readonly Message[] | undefined,
  messageId: string,
  receipt: Message['receipt'],
  reason: string | undefined,
): readonly Message[] | undefined {
  if (!list) return list;
  const i = list.findIndex((m) => m.id === messageId);
  if (i < 0) return list;
  const old = list[i]!;
  if (old.receipt === receipt) return list;
  const { failure: _f, ...rest } = old;
  const updated: Message = { ...rest, receipt, ...(receipt === 'failed' && reason ? { failure: reason } : {}) };
  const copy = list.slice();
  copy[i] = updated;
  return copy;
}

/** Puts a message in its task's list once (by id), in time order. */
function addMessage(list: readonly Message[] | undefined, message: Message): readonly Message[] {
  if (!list) return [message];
  if (list.some((m) => m.id === message.id)) return list;
  const last = list[list.length - 1];
  if (!last || last.at <= message.at) return [...list, message];
  return [...list, message].sort((a, b) => a.at - b.at);
}

export function reduce(state: DcState, action: Action): DcState {
  switch (action.type) {
    case 'connection': {
      if (action.status === state.connection) return state;
      const lostAt =
        action.status === 'offline' ? (state.lostAt ?? action.at) : action.status === 'online' ? undefined : state.lostAt;
      const next: DcState = { ...state, connection: action.status };
      if (lostAt === undefined) {
        const { lostAt: _dropped, ...rest } = next;
        return rest;
      }
      return { ...next, lostAt };
    }
    case 'snapshot': {
      // The snapshot is the truth for every media it names (media it does not name keep what we had)
      // and for the set of tasks: tasks it lacks are over, tasks it has are kept once each (FAIL-3).
      const snap = action.snapshot;
      const tasks: Record<string, Task> = {};
      for (const t of snap.tasks) if (!isFinal(t)) tasks[t.id] = t;
      const messages: Record<string, readonly Message[]> = {};
      for (const id of Object.keys(tasks)) {
        let list = state.messages[id];
        for (const m of snap.messages[id] ?? []) list = addMessage(list, m);
        if (list) messages[id] = list;
      }
      const keep = <T>(record: Readonly<Record<string, T>>) =>
        Object.fromEntries(Object.entries(record).filter(([id]) => id in tasks));
      const next: DcState = {
        ...state,
        lastSeq: snap.seq,
        media: { ...state.media, ...snap.media },
        tasks,
        messages,
        reads: keep(state.reads),
        pauses: keep(state.pauses),
        accepting: keep(state.accepting),
        drafts: keep(state.drafts),
        history: keep(state.history),
        typing: keep(state.typing),
        outbox: settleOutbox(
          Object.fromEntries(Object.entries(state.outbox).filter(([, e]) => e.taskId in tasks)),
          Object.values(messages).flat(),
        ),
      };
      return fixSelection(markSeen(next));
    }
    case 'event': {
      const { event } = action;
      if (event.seq <= state.lastSeq) return state; // idempotent: already applied
      switch (event.type) {
        case 'media-state':
          return {
            ...state,
            lastSeq: event.seq,
            media: { ...state.media, [event.state.media]: event.state },
          };
        case 'task': {
          const task = event.task;
          if (isFinal(task)) return fixSelection({ ...removeTask(state, task.id), lastSeq: event.seq });
          let next: DcState = {
            ...state,
            lastSeq: event.seq,
            tasks: { ...state.tasks, [task.id]: task },
            accepting: task.status === 'offered' ? state.accepting : without(state.accepting, task.id),
          };
          // OFFER-2: an accepted task joins the list and becomes the one on show.
          if (event.cause === 'accepted') next = markSeen({ ...next, selectedTaskId: task.id });
          return next;
        }
        case 'message': {
          const { message } = event;
          if (!state.tasks[message.taskId]) return { ...state, lastSeq: event.seq }; // its task is over
          const outbox = settleOutbox(state.outbox, [message]);
          const typing = message.from === 'customer' ? without(state.typing, message.taskId) : state.typing;
          const list = addMessage(state.messages[message.taskId], message);
          if (list === state.messages[message.taskId]) return { ...state, lastSeq: event.seq, outbox, typing };
          return markSeen({
            ...state,
            lastSeq: event.seq,
            outbox,
            typing,
            messages: { ...state.messages, [message.taskId]: list },
          });
        }
        case 'receipt': {
          const list = applyReceipt(state.messages[event.taskId], event.messageId, event.receipt, event.reason);
          if (list === state.messages[event.taskId]) return { ...state, lastSeq: event.seq };
          return { ...state, lastSeq: event.seq, messages: { ...state.messages, [event.taskId]: list! } };
        }
        case 'typing': {
          if (!state.tasks[event.taskId]) return { ...state, lastSeq: event.seq };
          const typing = event.typing
            ? { ...state.typing, [event.taskId]: event.at + TYPING_LAPSE_MS }
            : without(state.typing, event.taskId);
          return { ...state, lastSeq: event.seq, typing };
        }
      }
      return state;
    }
    case 'seq':
      return action.seq > state.lastSeq ? { ...state, lastSeq: action.seq } : state;
    case 'sign-in-start': {
      const current = state.media[action.media];
      if (!current) return state;
      const { signInError: _e, ...rest } = current;
      return { ...state, media: { ...state.media, [action.media]: { ...rest, signIn: 'signing-in' } } };
    }
    case 'sign-in-failed': {
      const current = state.media[action.media];
      if (!current) return state;
      return {
        ...state,
        media: { ...state.media, [action.media]: { ...current, signIn: 'failed', signInError: action.reason } },
      };
    }
    case 'pending': {
      const pending = { ...state.pending };
      if (action.change) pending[action.media] = action.change;
      else delete pending[action.media];
      return { ...state, pending };
    }
    case 'notify': {
      const rest = state.notifications.filter((n) => n.key !== action.notification.key);
      return { ...state, notifications: [...rest, action.notification] };
    }
    case 'dismiss': {
      if (!state.notifications.some((n) => n.id === action.id)) return state;
      return { ...state, notifications: state.notifications.filter((n) => n.id !== action.id) };
    }
    case 'select': {
      if (action.taskId !== undefined && !state.tasks[action.taskId]) return state;
      if (action.taskId === state.selectedTaskId) return markSeen(state);
      const next: DcState = { ...state, selectedTaskId: action.taskId };
      if (action.taskId === undefined) delete (next as { selectedTaskId?: string }).selectedTaskId;
      return markSeen(next);
    }
    case 'visible':
      return action.visible === state.visible ? state : markSeen({ ...state, visible: action.visible });
    case 'voice': {
      if (action.active === state.voice) return state;
      const pauses: Record<string, TaskPause> = { ...state.pauses };
      for (const task of Object.values(state.tasks)) {
        if (!isHeld(task) || !action.media.includes(task.media)) continue;
        const p = pauses[task.id] ?? { pausedMs: 0 };
        pauses[task.id] = action.active
          ? { pausedMs: p.pausedMs, since: action.at }
          : { pausedMs: p.pausedMs + (p.since !== undefined ? Math.max(0, action.at - p.since) : 0) };
      }
      return { ...state, voice: action.active, pauses };
    }
    case 'draft': {
      if (!state.tasks[action.taskId]) return state;
      if (!action.draft) return { ...state, drafts: without(state.drafts, action.taskId) };
      return { ...state, drafts: { ...state.drafts, [action.taskId]: action.draft } };
    }
    case 'outbox':
      if (!state.tasks[action.entry.taskId]) return state;
      if (state.messages[action.entry.taskId]?.some((m) => m.clientId === action.entry.clientId)) return state; // already held
      return { ...state, outbox: { ...state.outbox, [action.entry.clientId]: action.entry } };
    case 'outbox-remove':
      return { ...state, outbox: without(state.outbox, action.clientId) };
    case 'history':
      if (!state.tasks[action.taskId]) return state;
      return { ...state, history: { ...state.history, [action.taskId]: action.history } };
    case 'catalogue':
      return { ...state, catalogue: action.catalogue };
    case 'typing-lapse': {
      const until = state.typing[action.taskId];
      return until !== undefined && until <= action.at ? { ...state, typing: without(state.typing, action.taskId) } : state;
    }
    case 'accepting':
      return {
        ...state,
        accepting: action.on ? { ...state.accepting, [action.taskId]: true } : without(state.accepting, action.taskId),
      };
  }
}
