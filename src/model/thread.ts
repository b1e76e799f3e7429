/**
 * The interaction pane's content as data (PANE-1..5): the rows of a conversation thread, built from the
 * earlier interactions with the customer, the task's own messages (its bot part included) and the
 * messages the agent sent that the server does not hold yet. Pure functions over plain data. What the
 * thread does to what customers write (links, initials, the URLs it lets through) is message-text.ts.
 */
import type { OutgoingEmail } from './email.js';
import type { Message, Receipt } from './tasks.js';

/**
 * A message the agent sent that the server does not hold yet (the store's outbox entry, COMP-12):
 * `queued` waits for the connection, `sending` is on its way, `failed` was refused (PANE-4).
 */
export interface PendingMessage {
  readonly clientId: string;
  readonly taskId: string;
  readonly text: string;
  readonly attachments: readonly { readonly id: string; readonly name: string; readonly type: string; readonly size: number }[];
  readonly createdAt: number;
  readonly status: 'queued' | 'sending' | 'failed';
  readonly reason?: string;
  /** An email reply's fields and HTML (MAIL-1: see `pendingEmailMessage`). */
  readonly email?: OutgoingEmail;
}

/** Starts an interaction: an earlier one with this customer (PANE-1, PANE-5), or this task's own. */
export interface InteractionRow {
  readonly kind: 'interaction';
  readonly key: string;
  readonly taskId: string;
  /** Whether it is the task on show (the separator then reads "This conversation"). */
  readonly current: boolean;
  readonly at: number;
}

/** Starts a calendar day (local time). */
export interface DayRow {
  readonly kind: 'day';
  readonly key: string;
  readonly at: number;
}

/** A customer's, an agent's or a bot's message (PANE-2). */
export interface MessageRow {
  readonly kind: 'message';
  readonly key: string;
  readonly message: Message;
  /** From an earlier interaction (history): it can no longer be retried. */
  readonly earlier: boolean;
}

/** A `system` message: lifecycle, journey, workflow audit, customer left, closed (PANE-3). */
export interface AnnouncementRow {
  readonly kind: 'announcement';
  readonly key: string;
  readonly message: Message;
  readonly earlier: boolean;
}

/**
 * Where the bot's part of an interaction ends and an agent's begins (PANE-1), when the server sent no
 * `handoff` announcement of its own.
 */
export interface HandoffRow {
  readonly kind: 'handoff';
  readonly key: string;
  readonly taskId: string;
  /** The bot's name, when its messages carry one. */
  readonly name?: string;
  readonly at: number;
}

/** A message the server does not hold yet (COMP-12, PANE-4). */
export interface PendingRow {
  readonly kind: 'pending';
  readonly key: string;
  readonly entry: PendingMessage;
}

export type ThreadRow = InteractionRow | DayRow | MessageRow | AnnouncementRow | HandoffRow | PendingRow;

export interface ThreadInput {
  /** The task on show. */
  readonly taskId: string;
  /** Earlier interactions with the customer, oldest first (PANE-1, PANE-5); none while loading or failed. */
  readonly history?: readonly Message[];
  /** The task's own messages, oldest first. */
  readonly messages?: readonly Message[];
  /** Outbox entries; only this task's are shown, oldest first. */
  readonly pending?: Iterable<PendingMessage>;
}

/** The local calendar day last asked for: messages come in runs on the same day, each found without a `Date`. */
let lastDay = { start: 0, end: 0, key: '' };

/** "2026-3-14": a local calendar day, the key of a day separator. */
export function dayKey(at: number): string {
  if (at >= lastDay.start && at < lastDay.end) return lastDay.key;
  const d = new Date(at);
  const key = `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
  if (!Number.isFinite(at)) return key;
  // Local midnight to local midnight: 23 or 25 hours on the days the clocks change.
  const start = d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + 1);
  lastDay = { start, end: d.getTime(), key };
  return key;
}

/**
 * The keys rows already use, looked up by kind: a message's row is keyed by its client id (`c:…`, so a
 * sent message keeps its row from the outbox to its last receipt) or its id (`m:…`); separators and
 * hand-offs by their whole key. Ids and client ids are strings the messages already hold, so looking
 * them up costs no new string.
 */
interface KeyLookup {
  hasId(id: string): boolean;
  hasClient(clientId: string): boolean;
  hasKey(key: string): boolean;
}

const NO_KEYS: KeyLookup = { hasId: () => false, hasClient: () => false, hasKey: () => false };
const NONE: readonly Message[] = [];

/**
 * Rows as they are appended: rows whose keys another row already has are left out (the same message is
 * never shown twice), and a day separator goes wherever the local day changes.
 */
class RowWriter implements KeyLookup {
  rows: ThreadRow[] = [];
  /** Keys of rows written before this writer, which it must not repeat. */
  readonly #taken: KeyLookup;
  readonly #ids = new Set<string>();
  readonly #clients = new Set<string>();
  readonly #others = new Set<string>();
  /** Client ids of the messages written: the server holds them, their outbox entries are not shown. */
  readonly clientIds = new Set<string>();
  day: string | undefined;

  constructor(taken: KeyLookup = NO_KEYS, day?: string) {
    this.#taken = taken;
    this.day = day;
  }

  hasId(id: string): boolean {
    return this.#ids.has(id) || this.#taken.hasId(id);
  }

  hasClient(clientId: string): boolean {
    return this.#clients.has(clientId) || this.#taken.hasClient(clientId);
  }

  hasKey(key: string): boolean {
    return this.#others.has(key) || this.#taken.hasKey(key);
  }

  /** The rows written since the last call. */
  take(): ThreadRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  /** A separator or hand-off row, unless its key is taken; `at` places it (default: the end). */
  push(row: DayRow | InteractionRow | HandoffRow, at = this.rows.length): void {
    if (this.hasKey(row.key)) return;
    this.#others.add(row.key);
    if (at === this.rows.length) this.rows.push(row);
    else this.rows.splice(at, 0, row);
  }

  dayBefore(scope: string, at: number): void {
    const key = dayKey(at);
    if (key !== this.day) this.push({ kind: 'day', key: `day:${scope}:${key}`, at });
    this.day = key;
  }

  /** A message's row (or an announcement's): by its client id if that is free, else by its id, else none. */
  message(scope: string, m: Message, earlier: boolean): void {
    this.dayBefore(scope, m.at);
    const kind = m.from === 'system' ? 'announcement' : 'message';
    const clientId = m.clientId;
    if (clientId && !this.hasClient(clientId)) {
      this.#clients.add(clientId);
      this.rows.push({ kind, key: `c:${clientId}`, message: m, earlier });
    } else if (!this.hasId(m.id)) {
      this.#ids.add(m.id);
      this.rows.push({ kind, key: `m:${m.id}`, message: m, earlier });
    } else return;
    if (clientId) this.clientIds.add(clientId);
  }

  /** An outbox entry's row, unless a row has its client id. */
  pending(scope: string, entry: PendingMessage): void {
    this.dayBefore(scope, entry.createdAt);
    if (this.hasClient(entry.clientId)) return;
    this.#clients.add(entry.clientId);
    this.rows.push({ kind: 'pending', key: `c:${entry.clientId}`, entry });
  }
}

/** Messages of one interaction, in order. */
interface Interaction {
  readonly taskId: string;
  readonly messages: readonly Message[];
  readonly earlier: boolean;
}

/** Index of the message after which the hand-off row goes, or -1 when none is due. */
function handoffIndex(interaction: Interaction): number {
  const { messages } = interaction;
  let lastBot = -1;
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (m.announcement?.code === 'handoff') return -1; // the server says it itself
    if (m.from === 'bot') lastBot = i;
  }
  if (lastBot < 0) return -1;
  const agentAfter = messages.slice(lastBot + 1).some((m) => m.from === 'agent');
  return agentAfter || !interaction.earlier ? lastBot : -1;
}

/** The earlier interactions' rows: built once per history, unless this task's messages hide some of it. */
interface EarlierPart {
  readonly taskId: string;
  readonly history: readonly Message[];
  /** The task's own messages that are in the history too, and left out of it. */
  readonly hidden: ReadonlySet<string>;
  readonly hasHistory: boolean;
  readonly rows: readonly ThreadRow[];
  /** The keys its rows use (the task's own rows must not repeat them), and its messages' client ids. */
  readonly keys: KeyLookup;
  readonly clientIds: ReadonlySet<string>;
}

/** The ids of a history's messages, worked out the first time a new message of the task is checked against them. */
const historyIds = new WeakMap<readonly Message[], ReadonlySet<string>>();
function idsOf(history: readonly Message[]): ReadonlySet<string> {
  let ids = historyIds.get(history);
  if (!ids) {
    ids = new Set(history.map((m) => m.id));
    historyIds.set(history, ids);
  }
  return ids;
}

/**
 * The earlier interactions' rows, in one pass over the history (a long history is what a thread opens
 * with): an interaction is a run of messages of one task; its hand-off row goes after its last bot
 * message when an agent wrote after it and the server announced none, so it is placed when the
 * interaction ends.
 */
function earlierPart(taskId: string, history: readonly Message[], own: readonly Message[]): EarlierPart {
  const ownIds: ReadonlySet<string> = new Set(own.map((m) => m.id));
  const hidden = new Set<string>();
  const out = new RowWriter();
  let scope: string | undefined;
  let interactions = 0;
  let bot: Message | undefined;
  let botEnd = 0;
  let agentAfter = false;
  let announced = false;
  const close = () => {
    if (scope === undefined || !bot || announced || !agentAfter) return;
    out.push({ kind: 'handoff', key: `handoff:${scope}`, taskId: scope, ...(bot.name ? { name: bot.name } : {}), at: bot.at }, botEnd);
  };
  for (const m of history) {
    if (m.taskId === taskId) continue;
    if (ownIds.has(m.id)) {
      hidden.add(m.id);
      continue;
    }
    if (m.taskId !== scope) {
      close();
      scope = m.taskId;
      interactions++;
      out.push({ kind: 'interaction', key: `interaction:${scope}`, taskId: scope, current: false, at: m.at });
      out.day = undefined;
      bot = undefined;
      agentAfter = false;
      announced = false;
    }
    if (m.announcement?.code === 'handoff') announced = true;
    out.message(scope, m, true);
    if (m.from === 'bot') {
      bot = m;
      botEnd = out.rows.length;
      agentAfter = false;
    } else if (m.from === 'agent') agentAfter = true;
  }
  close();
  return { taskId, history, hidden, hasHistory: interactions > 0, rows: out.take(), keys: out, clientIds: out.clientIds };
}

/** Whether `earlier` still holds for the task's messages `own`: they hide exactly what they hid. */
function earlierHolds(earlier: EarlierPart, own: readonly Message[]): boolean {
  if (own.length === 0 || earlier.history.length === 0) return earlier.hidden.size === 0;
  const ids = idsOf(earlier.history);
  let hits = 0;
  for (const m of own) {
    if (!ids.has(m.id)) continue;
    if (!earlier.hidden.has(m.id)) return false;
    hits++;
  }
  return hits === earlier.hidden.size;
}

/**
 * The task's own rows so far, and the writer's state after them. The writer (its key sets) belongs to
 * the newest build made from it: an older build handed in again is rebuilt, never extended twice.
 */
interface OwnPart {
  readonly messages: readonly Message[];
  readonly rows: readonly ThreadRow[];
  readonly writer: RowWriter;
  readonly day: string | undefined;
}

const owners = new WeakMap<RowWriter, OwnPart>();

function ownPart(taskId: string, earlier: EarlierPart, own: readonly Message[]): OwnPart {
  const out = new RowWriter(earlier.keys);
  if (own.length > 0 || earlier.hasHistory) {
    if (earlier.hasHistory) {
      out.push({ kind: 'interaction', key: `interaction:${taskId}`, taskId, current: true, at: own[0]?.at ?? 0 });
    }
    const handoff = handoffIndex({ taskId, messages: own, earlier: false });
    own.forEach((m, i) => {
      out.message(taskId, m, false);
      if (i === handoff) out.push({ kind: 'handoff', key: `handoff:${taskId}`, taskId, ...(m.name ? { name: m.name } : {}), at: m.at });
    });
  }
  const part: OwnPart = { messages: own, rows: out.take(), writer: out, day: out.day };
  owners.set(out, part);
  return part;
}

/** Whether `part` is the newest build of its writer, so that its key sets are its own. */
const isNewest = (part: OwnPart) => owners.get(part.writer) === part;

/**
 * `previous` extended by the messages at the end of `own`, or undefined when that cannot be done: the
 * earlier messages changed (a receipt), one of the new ones moves the hand-off (a bot message, a
 * `handoff` announcement) or hides a message of the history, or `previous` was extended already.
 */
function extendOwn(taskId: string, earlier: EarlierPart, previous: OwnPart, own: readonly Message[]): OwnPart | undefined {
  const before = previous.messages;
  if (before.length === 0 || own.length <= before.length || !isNewest(previous)) return undefined;
  for (let i = before.length - 1; i >= 0; i--) if (own[i] !== before[i]) return undefined;
  for (let i = before.length; i < own.length; i++) {
    const m = own[i]!;
    if (m.from === 'bot' || m.announcement?.code === 'handoff' || idsOf(earlier.history).has(m.id)) return undefined;
  }
  const out = previous.writer;
  out.day = previous.day;
  for (let i = before.length; i < own.length; i++) out.message(taskId, own[i]!, false);
  const part: OwnPart = { messages: own, rows: previous.rows.concat(out.take()), writer: out, day: out.day };
  owners.set(out, part);
  return part;
}

/** The outbox's rows: this task's entries the server does not hold yet, oldest first, after everything. */
function pendingRows(input: ThreadInput, earlier: EarlierPart, own: OwnPart): ThreadRow[] {
  const held = (clientId: string) => own.writer.clientIds.has(clientId) || earlier.clientIds.has(clientId);
  const entries = [...(input.pending ?? [])]
    .filter((e) => e.taskId === input.taskId && !held(e.clientId))
    .sort((a, b) => a.createdAt - b.createdAt);
  if (entries.length === 0) return [];
  // Its own writer on top of everything written before, so that the outbox's rows, redone on every
  // change to it, never stay in the key sets the task's next messages are checked against.
  const out = new RowWriter(own.writer, own.day);
  for (const entry of entries) out.pending(input.taskId, entry);
  return out.rows;
}

/**
 * A thread's rows with what it takes to extend them (see `buildThreadRows`). `rows` is all a caller
 * reads; the rest is kept for the next build.
 */
export interface ThreadRows {
  readonly rows: readonly ThreadRow[];
  readonly input: ThreadInput;
  readonly earlier: EarlierPart;
  readonly own: OwnPart;
  readonly pending: readonly ThreadRow[];
}

/**
 * The thread's rows for `input`, exactly `threadRows(input)`, made from `previous` where the input only
 * moved on (PANE-1..5): the history's rows are built once per history (and task), a message appended
 * to the task's own appends its rows without going over the others, and the outbox's rows (few) are
 * redone when the outbox changes. Anything else (another task, a new history, a message changed in the
 * middle, a bot message) builds the task's own rows again, and the history's only when it must. The
 * work for a new message therefore does not grow with the history. `previous` is never changed.
 */
export function buildThreadRows(input: ThreadInput, previous?: ThreadRows): ThreadRows {
  const own = input.messages ?? NONE;
  const history = input.history ?? NONE;
  const same = previous !== undefined && previous.input.taskId === input.taskId;
  if (same && previous.input.history === input.history && previous.input.messages === input.messages) {
    if (previous.input.pending === input.pending) return previous;
  }
  if (same && previous.input.history === input.history && previous.input.messages === input.messages && isNewest(previous.own)) {
    const pending = pendingRows(input, previous.earlier, previous.own);
    const unchanged = pending.length === previous.pending.length && pending.every((r, i) => sameRow(r, previous.pending[i]!));
    if (unchanged) return { ...previous, input };
    return { rows: previous.earlier.rows.concat(previous.own.rows, pending), input, earlier: previous.earlier, own: previous.own, pending };
  }
  const reuse = same && previous.earlier.history === history && earlierHolds(previous.earlier, own);
  const earlier = reuse ? previous.earlier : earlierPart(input.taskId, history, own);
  const ownRows = (reuse ? extendOwn(input.taskId, earlier, previous.own, own) : undefined) ?? ownPart(input.taskId, earlier, own);
  const pending = pendingRows(input, earlier, ownRows);
  return { rows: earlier.rows.concat(ownRows.rows, pending), input, earlier, own: ownRows, pending };
}

/** Two outbox rows show the same: the same key and the same entry. */
function sameRow(a: ThreadRow, b: ThreadRow): boolean {
  return a.key === b.key && a.kind === b.kind && (a.kind !== 'pending' || a.entry === (b as PendingRow).entry);
}

/**
 * The thread's rows, oldest first (PANE-1..5): each earlier interaction behind an "earlier conversation"
 * separator, then (when there is history) a separator before this task's messages; a day separator
 * wherever the local day changes and at the start of each interaction; announcements as their own rows;
 * a hand-off row after the bot's part when the server gave none; then the messages the server does not
 * hold yet. Every row has a `key` that stays the same across updates (a sent message keeps its row from
 * outbox to delivery), for the virtualised list. The same message is never shown twice.
 */
export function threadRows(input: ThreadInput): ThreadRow[] {
  return buildThreadRows(input).rows as ThreadRow[];
}

/**
 * What the receipt under a row says (PANE-4): outgoing messages only (this agent's and earlier agents');
 * a message the server holds without a receipt is `sent`; one the server does not hold yet is `sending`
 * (queued ones too: they wait for the connection), or `failed`.
 */
export function rowReceipt(row: ThreadRow): Receipt | undefined {
  if (row.kind === 'pending') return row.entry.status === 'failed' ? 'failed' : 'sending';
  if (row.kind === 'message' && row.message.from === 'agent') return row.message.receipt ?? 'sent';
  return undefined;
}

/** Whether the agent can retry the row's message (PANE-4): a failed one of this task. */
export function canRetry(row: ThreadRow): boolean {
  return rowReceipt(row) === 'failed' && (row.kind === 'pending' || (row.kind === 'message' && !row.earlier));
}

/** How many message and announcement rows come after the row with `key` (all of them when it is gone). */
export function rowsAfter(rows: readonly ThreadRow[], key: string | undefined, count: (row: ThreadRow) => boolean): number {
  let n = 0;
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    if (row.key === key) return n;
    if (count(row)) n++;
  }
  return key === undefined ? n : 0;
}
