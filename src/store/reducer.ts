/**
 * The reducer: a pure function from (state, action) to the next state, over plain data. It holds the
 * rules that make applying anything twice harmless:
 * - the sequence guard: an event whose `seq` is not above `lastSeq` returns the very same state;
 * - a message is held once per id, whatever number it comes under; a receipt, a task or a media state
 *   equal to the one held leaves that slice as it was;
 * - a snapshot keeps every slice whose content it does not change (same objects), so a resync that
 *   brings what was already known changes nothing but `lastSeq`.
 * The effect modules look at transitions (before → after), so "nothing changed" also means "nothing
 * happens".
 */
import { isFinal, isHeld, taskListOrder, type Message, type Task, type TaskPause } from '../model/tasks.js';
import type { DcEvent, DcSnapshot } from '../backend/types.js';
import { addMessage, applyReceipt, customerMessages, holdsClient, mergeMessages } from './messages.js';
import { expireNotifications, holdNotifications, raiseNotification } from './notifications.js';
import {
  filterRecord,
  has,
  own,
  record,
  sameData,
  sameEntries,
  withEntry,
  withoutEntry,
} from './records.js';
import { TYPING_LAPSE_MS, type Action, type DcState } from './state.js';

export function reduce(state: DcState, action: Action): DcState {
  switch (action.type) {
    case 'connection': {
      if (action.status === state.connection) return state;
      const lostAt =
        action.status === 'offline' ? (state.lostAt ?? action.at) : action.status === 'online' ? undefined : state.lostAt;
      const { lostAt: _dropped, ...rest } = state;
      return lostAt === undefined ? { ...rest, connection: action.status } : { ...rest, connection: action.status, lostAt };
    }
    case 'snapshot':
      return applySnapshot(state, action.snapshot);
    case 'event':
      // The sequence guard: an event already applied (a repeat, or covered by a snapshot) changes nothing.
      if (action.event.seq <= state.lastSeq) return state;
      return applyEvent({ ...state, lastSeq: action.event.seq }, action.event);
    case 'seq':
      if (action.seq === state.lastSeq) return state;
      return action.seq > state.lastSeq || action.rebase ? { ...state, lastSeq: action.seq } : state;
    case 'sign-in-start': {
      const current = own(state.media, action.media);
      if (!current) return state;
      const { signInError: _e, ...rest } = current;
      return { ...state, media: withEntry(state.media, action.media, { ...rest, signIn: 'signing-in' }) };
    }
    case 'sign-in-failed': {
      const current = own(state.media, action.media);
      if (!current) return state;
      const media = withEntry(state.media, action.media, { ...current, signIn: 'failed' as const, signInError: action.reason });
      return { ...state, media };
    }
    case 'pending': {
      const pending = action.change
        ? withEntry(state.pending, action.media, action.change)
        : withoutEntry(state.pending, action.media);
      return pending === state.pending ? state : { ...state, pending };
    }
    case 'notify':
      return { ...state, notifications: raiseNotification(state.notifications, action.notification) };
    case 'hold-notifications':
      return holdNotifications(state, action.held, action.at);
    case 'expire-notifications':
      return expireNotifications(state, action.at);
    case 'dismiss': {
      if (!state.notifications.some((n) => n.id === action.id)) return state;
      return { ...state, notifications: state.notifications.filter((n) => n.id !== action.id) };
    }
    case 'select': {
      if (action.taskId !== undefined && !has(state.tasks, action.taskId)) return state;
      return markSeen(withSelection(state, action.taskId));
    }
    case 'visible':
      return action.visible === state.visible ? state : markSeen({ ...state, visible: action.visible });
    case 'voice': {
      if (action.active === state.voice) return state;
      let pauses = state.pauses;
      for (const task of Object.values(state.tasks)) {
        if (!isHeld(task) || !action.media.includes(task.media)) continue;
        const p = own(pauses, task.id) ?? { pausedMs: 0 };
        const next: TaskPause = action.active
          ? { pausedMs: p.pausedMs, since: action.at }
          : { pausedMs: p.pausedMs + (p.since !== undefined ? Math.max(0, action.at - p.since) : 0) };
        pauses = withEntry(pauses, task.id, next);
      }
      return { ...state, voice: action.active, pauses };
    }
    case 'draft': {
      if (!has(state.tasks, action.taskId)) return state;
      const drafts = action.draft
        ? withEntry(state.drafts, action.taskId, action.draft)
        : withoutEntry(state.drafts, action.taskId);
      return drafts === state.drafts ? state : { ...state, drafts };
    }
    case 'outbox': {
      const { entry } = action;
      if (!has(state.tasks, entry.taskId)) return state;
      if (holdsClient(own(state.messages, entry.taskId), entry.clientId)) return state; // the server holds it
      const outbox = withEntry(state.outbox, entry.clientId, entry);
      return outbox === state.outbox ? state : { ...state, outbox };
    }
    case 'outbox-remove': {
      const outbox = withoutEntry(state.outbox, action.clientId);
      return outbox === state.outbox ? state : { ...state, outbox };
    }
    case 'history':
      if (!has(state.tasks, action.taskId)) return state;
      return { ...state, history: withEntry(state.history, action.taskId, action.history) };
    case 'catalogue':
      return { ...state, catalogue: action.catalogue };
    case 'typing-lapse': {
      const until = own(state.typing, action.taskId);
      return until !== undefined && until <= action.at ? { ...state, typing: withoutEntry(state.typing, action.taskId) } : state;
    }
    // End, wrap-up and sign-out (END-1…3, STATE-8)
    case 'wrap-up-choice': {
      const task = own(state.tasks, action.taskId);
      if (action.choice && !(task && isHeld(task))) return state;
      const wrapUps = action.choice
        ? withEntry(state.wrapUps, action.taskId, action.choice)
        : withoutEntry(state.wrapUps, action.taskId);
      return wrapUps === state.wrapUps ? state : { ...state, wrapUps };
    }
    case 'wrap-up-send': {
      if (action.send && own(state.tasks, action.taskId)?.status !== 'wrap-up') return state;
      const wrapUpSends = action.send
        ? withEntry(state.wrapUpSends, action.taskId, action.send)
        : withoutEntry(state.wrapUpSends, action.taskId);
      return wrapUpSends === state.wrapUpSends ? state : { ...state, wrapUpSends };
    }
    case 'sign-out-request': {
      if (action.request === state.signOutRequest) return state;
      const { signOutRequest: _r, ...rest } = state;
      return action.request ? { ...rest, signOutRequest: action.request } : rest;
    }
    case 'transfer': {
      // XFER-*: only a held task has a transfer; it goes with the task.
      if (action.entry && own(state.tasks, action.taskId)?.status !== 'active') return state;
      const transfers = action.entry
        ? withEntry(state.transfers, action.taskId, action.entry)
        : withoutEntry(state.transfers, action.taskId);
      return transfers === state.transfers ? state : { ...state, transfers };
    }
    case 'customer-edits': {
      if (!has(state.tasks, action.taskId)) return state;
      const edits = action.edits;
      const held = own(state.customerEdits, action.taskId);
      if (held && edits && sameData(held, edits)) return state;
      const customerEdits =
        edits && Object.keys(edits).length
          ? withEntry(state.customerEdits, action.taskId, edits)
          : withoutEntry(state.customerEdits, action.taskId);
      return customerEdits === state.customerEdits ? state : { ...state, customerEdits };
    }
    case 'customer-save': {
      if (action.save && !has(state.tasks, action.taskId)) return state;
      const customerSaves = action.save
        ? withEntry(state.customerSaves, action.taskId, action.save)
        : withoutEntry(state.customerSaves, action.taskId);
      return customerSaves === state.customerSaves ? state : { ...state, customerSaves };
    }
    case 'accepting': {
      const accepting = action.on
        ? withEntry(state.accepting, action.taskId, true as const)
        : withoutEntry(state.accepting, action.taskId);
      return accepting === state.accepting ? state : { ...state, accepting };
    }
  }
}

/** One event past the sequence guard (`state.lastSeq` is already the event's). */
function applyEvent(state: DcState, event: DcEvent): DcState {
  switch (event.type) {
    case 'media-state': {
      const current = own(state.media, event.state.media);
      if (current && sameData(current, event.state)) return state;
      return { ...state, media: withEntry(state.media, event.state.media, event.state) };
    }
    case 'task': {
      const task = event.task;
      const before = own(state.tasks, task.id);
      if (isFinal(task)) return before ? fixSelection(removeTask(state, task.id)) : state;
      const kept = before && sameData(before, task) ? before : task;
      const accepting = task.status === 'offered' ? state.accepting : withoutEntry(state.accepting, task.id);
      const next: DcState = { ...state, tasks: withEntry(state.tasks, task.id, kept), accepting };
      // OFFER-2: a task the agent has just accepted joins the list and becomes the one on show (once:
      // the same acceptance again does not take the selection back).
      const accepted = event.cause === 'accepted' && isHeld(task) && !(before && isHeld(before));
      return accepted ? markSeen(withSelection(next, task.id)) : next;
    }
    case 'message': {
      const { message } = event;
      if (!has(state.tasks, message.taskId)) return state; // its task is over, or unknown
      let next = state;
      if (message.clientId !== undefined && has(state.outbox, message.clientId)) {
        next = { ...next, outbox: withoutEntry(next.outbox, message.clientId) }; // the server holds it
      }
      const list = own(state.messages, message.taskId);
      const added = addMessage(list, message);
      if (added === list) return next;
      next = { ...next, messages: withEntry(next.messages, message.taskId, added) };
      if (message.from === 'customer') {
        const count = (own(next.customerCounts, message.taskId) ?? 0) + 1;
        next = {
          ...next,
          customerCounts: withEntry(next.customerCounts, message.taskId, count),
          typing: withoutEntry(next.typing, message.taskId),
        };
      }
      return markSeen(next);
    }
    case 'receipt': {
      const list = own(state.messages, event.taskId);
      const next = applyReceipt(list, event.messageId, event.receipt, event.reason);
      return next === list ? state : { ...state, messages: withEntry(state.messages, event.taskId, next!) };
    }
    case 'typing': {
      if (!has(state.tasks, event.taskId)) return state;
      const typing = event.typing
        ? withEntry(state.typing, event.taskId, event.at + TYPING_LAPSE_MS)
        : withoutEntry(state.typing, event.taskId);
      return typing === state.typing ? state : { ...state, typing };
    }
  }
}

/**
 * FAIL-3: the snapshot is the truth for every media it names (media it does not name keep what we
 * had) and for the set of tasks: tasks it lacks are over, tasks it has are kept once each, and their
 * messages are merged with those held (none lost, none doubled).
 */
function applySnapshot(state: DcState, snap: DcSnapshot): DcState {
  const tasks = record<Task>();
  for (const t of snap.tasks) {
    if (isFinal(t)) continue;
    const before = own(state.tasks, t.id);
    tasks[t.id] = before && sameData(before, t) ? before : t;
  }
  const messages = record<readonly Message[]>();
  const counts = record<number>();
  for (const id of Object.keys(tasks)) {
    const held = own(state.messages, id);
    const incoming = own(snap.messages, id) ?? [];
    const list = incoming.length ? mergeMessages(held, incoming) : held;
    if (list === undefined) continue;
    messages[id] = list;
    counts[id] = list === held ? (own(state.customerCounts, id) ?? customerMessages(list)) : customerMessages(list);
  }
  let media = state.media;
  for (const id of Object.keys(snap.media)) {
    const m = own(snap.media, id)!;
    const current = own(media, id);
    if (!current || !sameData(current, m)) media = withEntry(media, id, m);
  }
  const inTasks = (_: unknown, id: string) => has(tasks, id);
  const next: DcState = {
    ...state,
    lastSeq: snap.seq,
    media,
    tasks: sameEntries(tasks, state.tasks) ? state.tasks : tasks,
    messages: sameEntries(messages, state.messages) ? state.messages : messages,
    customerCounts: sameEntries(counts, state.customerCounts) ? state.customerCounts : counts,
    reads: filterRecord(state.reads, inTasks),
    pauses: filterRecord(state.pauses, inTasks),
    accepting: filterRecord(state.accepting, (_, id) => own(tasks, id)?.status === 'offered'),
    drafts: filterRecord(state.drafts, inTasks),
    history: filterRecord(state.history, inTasks),
    typing: filterRecord(state.typing, inTasks),
    wrapUps: filterRecord(state.wrapUps, inTasks),
    wrapUpSends: filterRecord(state.wrapUpSends, (_, id) => own(tasks, id)?.status === 'wrap-up'),
    transfers: filterRecord(state.transfers, inTasks),
    customerEdits: filterRecord(state.customerEdits, inTasks),
    customerSaves: filterRecord(state.customerSaves, inTasks),
    outbox: filterRecord(
      state.outbox,
      (e) => has(tasks, e.taskId) && !holdsClient(own(messages, e.taskId), e.clientId),
    ),
  };
  return fixSelection(markSeen(next));
}

function withSelection(state: DcState, taskId: string | undefined): DcState {
  if (taskId === state.selectedTaskId) return state;
  const { selectedTaskId: _s, ...rest } = state;
  return taskId === undefined ? rest : { ...rest, selectedTaskId: taskId };
}

/** The agent has seen every message of the task on show while the kit is visible (TASK-3). */
function markSeen(state: DcState): DcState {
  const id = state.selectedTaskId;
  if (id === undefined || !state.visible) return state;
  const count = own(state.customerCounts, id) ?? 0;
  return own(state.reads, id) === count ? state : { ...state, reads: withEntry(state.reads, id, count) };
}

/** When the task on show is gone, the last accepted one takes its place (END-1). */
function fixSelection(state: DcState): DcState {
  const selected = state.selectedTaskId === undefined ? undefined : own(state.tasks, state.selectedTaskId);
  if (selected && isHeld(selected)) return state;
  const held = taskListOrder(Object.values(state.tasks));
  const last = held.sort((a, b) => (b.acceptedAt ?? 0) - (a.acceptedAt ?? 0))[0];
  return markSeen(withSelection(state, last?.id));
}

function removeTask(state: DcState, id: string): DcState {
  return {
    ...state,
    tasks: withoutEntry(state.tasks, id),
    messages: withoutEntry(state.messages, id),
    reads: withoutEntry(state.reads, id),
    customerCounts: withoutEntry(state.customerCounts, id),
    pauses: withoutEntry(state.pauses, id),
    accepting: withoutEntry(state.accepting, id),
    drafts: withoutEntry(state.drafts, id),
    outbox: filterRecord(state.outbox, (e) => e.taskId !== id),
    history: withoutEntry(state.history, id),
    typing: withoutEntry(state.typing, id),
    wrapUps: withoutEntry(state.wrapUps, id),
    wrapUpSends: withoutEntry(state.wrapUpSends, id),
    transfers: withoutEntry(state.transfers, id),
    customerEdits: withoutEntry(state.customerEdits, id),
    customerSaves: withoutEntry(state.customerSaves, id),
  };
}
