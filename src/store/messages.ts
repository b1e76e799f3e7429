/**
 * A task's message list, oldest first, with the work per message kept independent of the list's
 * length where that is cheap: whether a list holds a message id (or a client id) is a lookup, not a
 * scan. Lists stay plain immutable arrays in the state (a new message makes a new list); the lookups
 * come from an index kept beside them, out of the state.
 *
 * The index maps an id to its position, and lists share one index as long as their ids are prefixes
 * of one sequence: a list made by appending to the longest list of its index extends that index (its
 * new id at the end), a receipt update (same ids, same places) shares it, and a list grown from an
 * older one gets an index of its own. So `id` is in `list` exactly when the index places it before
 * `list.length`; a position is still checked against the list before it is believed.
 */
import type { Message, Receipt } from '../model/tasks.js';

interface Index {
  readonly ids: Map<string, number>;
  readonly clients: Map<string, number>;
  /** The length of the longest list sharing this index: the only one that may extend it. */
  length: number;
}

const indexes = new WeakMap<readonly Message[], Index>();

function build(list: readonly Message[]): Index {
  const index: Index = { ids: new Map(), clients: new Map(), length: list.length };
  list.forEach((m, i) => {
    if (!index.ids.has(m.id)) index.ids.set(m.id, i);
    if (m.clientId !== undefined && !index.clients.has(m.clientId)) index.clients.set(m.clientId, i);
  });
  indexes.set(list, index);
  return index;
}

function indexOf(list: readonly Message[]): Index {
  return indexes.get(list) ?? build(list);
}

/** Where `list` holds the message `id`, or -1. */
export function positionOf(list: readonly Message[] | undefined, id: string): number {
  if (!list || list.length === 0) return -1;
  const i = indexOf(list).ids.get(id);
  if (i === undefined || i >= list.length) return -1;
  if (list[i]!.id === id) return i;
  return list.findIndex((m) => m.id === id); // never expected; correct all the same
}

export function holds(list: readonly Message[] | undefined, id: string): boolean {
  return positionOf(list, id) >= 0;
}

/** Whether `list` holds a message sent under this client id (the server has the agent's message). */
export function holdsClient(list: readonly Message[] | undefined, clientId: string): boolean {
  if (!list || list.length === 0) return false;
  const i = indexOf(list).clients.get(clientId);
  if (i === undefined || i >= list.length) return false;
  if (list[i]!.clientId === clientId) return true;
  return list.some((m) => m.clientId === clientId); // never expected; correct all the same
}

/**
 * The list with `message` in it once, in time order: the very same list when it already holds that
 * id. Appending (the usual case) shares and extends the index; an earlier message is sorted in.
 */
export function addMessage(list: readonly Message[] | undefined, message: Message): readonly Message[] {
  if (!list || list.length === 0) return [message];
  if (holds(list, message.id)) return list;
  const last = list[list.length - 1]!;
  if (last.at <= message.at) {
    const next = [...list, message];
    const index = indexOf(list);
    if (index.length === list.length) {
      index.ids.set(message.id, list.length);
      if (message.clientId !== undefined && !index.clients.has(message.clientId)) {
        index.clients.set(message.clientId, list.length);
      }
      index.length += 1;
      indexes.set(next, index);
    } // else: `list` is an older list than its index's longest; `next` gets its own index when asked
    return next;
  }
  return [...list, message].sort((a, b) => a.at - b.at);
}

/**
 * The list with `incoming` (a snapshot's or saved list) merged in: messages it does not hold are
 * added, messages it holds take the incoming receipt when it differs (the server's word is the truth),
 * all in time order. The very same list when nothing changes.
 */
export function mergeMessages(list: readonly Message[] | undefined, incoming: readonly Message[]): readonly Message[] {
  const current = list ?? [];
  let next: Message[] | undefined;
  const seen = new Set<string>();
  for (const m of incoming) {
    if (seen.has(m.id)) continue; // the same id twice in one list: the first one stands
    seen.add(m.id);
    const i = positionOf(current, m.id);
    if (i < 0) {
      (next ??= current.slice()).push(m);
      continue;
    }
    const held = (next ?? current)[i]!;
    if (held.receipt !== m.receipt || held.failure !== m.failure) {
      next ??= current.slice();
      next[i] = withReceipt(held, m.receipt, m.failure);
    }
  }
  if (!next) return list ?? [];
  let sorted = true;
  for (let i = 1; i < next.length && sorted; i++) sorted = next[i - 1]!.at <= next[i]!.at;
  if (!sorted) next.sort((a, b) => a.at - b.at);
  return next;
}

function withReceipt(message: Message, receipt: Receipt | undefined, failure: string | undefined): Message {
  const { receipt: _r, failure: _f, ...rest } = message;
  return {
    ...rest,
    ...(receipt !== undefined ? { receipt } : {}),
    ...(receipt === 'failed' && failure ? { failure } : {}),
  };
}

/** A message's receipt moved on (PANE-4); the same list when it names no message held or changes nothing. */
export function applyReceipt(
  list: readonly Message[] | undefined,
  messageId: string,
  receipt: Receipt,
  reason: string | undefined,
): readonly Message[] | undefined {
  const i = positionOf(list, messageId);
  if (!list || i < 0) return list;
  const old = list[i]!;
  if (old.receipt === receipt) return list;
  const next = list.slice();
  next[i] = withReceipt(old, receipt, reason);
  indexes.set(next, indexOf(list)); // the same ids at the same places
  return next;
}

/** How many messages of a list are the customer's. */
export function customerMessages(list: readonly Message[] | undefined): number {
  let n = 0;
  if (list) for (const m of list) if (m.from === 'customer') n += 1;
  return n;
}

/**
 * The messages `after` holds that `before` did not and that are news: not older than the oldest
 * message `before` held. Older ones are earlier conversation filled in behind what was kept (a reload
 * keeps only the latest messages; the snapshot brings the rest back), not arrivals. Walks back from
 * the newest message only as far as the list grew.
 */
export function arrivals(before: readonly Message[] | undefined, after: readonly Message[] | undefined): Message[] {
  if (!after || after === before) return [];
  if (!before || before.length === 0) return after.slice();
  let missing = after.length - before.length;
  if (missing <= 0) return [];
  const floor = before[0]!.at;
  const found: Message[] = [];
  for (let i = after.length - 1; i >= 0 && missing > 0; i--) {
    const m = after[i]!;
    if (m.at < floor) break;
    if (!holds(before, m.id)) {
      found.push(m);
      missing -= 1;
    }
  }
  return found.reverse();
}
