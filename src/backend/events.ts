/**
 * Checking what arrives from a backend. A backend is outside the kit's control, so every event and
 * snapshot is checked before the store applies it; what fails is reported with the reason and dropped.
 *
 * The checks are total: whatever they are handed (a BigInt, a cyclic object, a getter or a proxy that
 * throws, a revoked proxy, an array claiming a length of billions) they return a result and never
 * throw. Each field is read once, into a local, and the value returned is built from those locals
 * only, so a getter that answers differently the second time changes nothing. Records keyed by id
 * (customer variables, a snapshot's media and messages) come out as null-prototype objects: an id or
 * a variable may be any string, `__proto__` and `constructor` included.
 */
import type { MediaState } from '../model/agent-state.js';
import type { EmailContent } from '../model/email.js';
import { RECEIPTS, type Message, type MessageAttachment, type MessageAuthor, type Receipt, type Task, type TaskStatus } from '../model/tasks.js';
import type { DcEvent, DcSnapshot, StateCause, TaskCause } from './types.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const SIGN_IN = ['signed-out', 'signing-in', 'signed-in', 'failed'];
const SYSTEM = ['reserved', 'active', 'paused', 'interrupted', 'work-ready', 'work-not-ready'];
const CAUSES: StateCause[] = ['agent', 'sign-in', 'missed-offer', 'system', 'supervisor'];

/**
 * The times the kit accepts, in epoch ms: from 1970 to the last moment of year 9999. Every date
 * formatter can show those; a `Date` beyond ±8.64e15 is invalid and throws `RangeError` when it is
 * formatted, so one such time in a message would blank every render of its thread.
 */
export const MIN_TIME = 0;
export const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * The largest sequence number the kit believes. A stream at a million events a second takes 35 years
 * to get there, and it leaves room below `Number.MAX_SAFE_INTEGER`, where `seq + 1` stops being exact.
 */
export const MAX_SEQ = 2 ** 50;

/**
 * How far one event's number may move from the last one applied before the kit stops calling it a
 * gap or a replay: no connection loses or repeats a hundred thousand events. Beyond it the stream has
 * been renumbered (the server restarted) or is wrong; the store reports it and takes it as a new epoch
 * (see sync.ts).
 */
export const MAX_SEQ_JUMP = 100_000;

/** The longest lists the checks walk; a list claiming more is cut there, with a warning. */
const MAX_ATTACHMENTS = 100;
const MAX_LIST = 100_000;
const MAX_TEXT = 100_000;
/**
 * The longest email HTML the kit takes (MAIL-3): a megabyte of characters, beyond any newsletter. The
 * sanitiser parses it whole and the email frame lays it out; more than that is refused with the message.
 */
export const MAX_EMAIL_HTML = 1_000_000;
/** The most addresses in an email's To or Cc: a mailing list's worth, not a denial of service. */
const MAX_ADDRESSES = 1000;
/** The longest header (subject, address, Message-ID) the kit takes. */
const MAX_HEADER = 10_000;

/** A value, named for an error message, without running any of its code or failing on any type. */
export function describe(v: unknown): string {
  try {
    switch (typeof v) {
      case 'string':
        return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
      case 'number':
      case 'boolean':
      case 'undefined':
        return String(v);
      case 'bigint':
        return `${v}n`;
      case 'symbol':
        return 'a symbol';
      case 'function':
        return 'a function';
      default:
        return v === null ? 'null' : Array.isArray(v) ? 'a list' : 'an object';
    }
  } catch {
    return 'an unreadable value';
  }
}

/** What an error thrown by hostile code says, without trusting it to be an `Error`. */
export function errorMessage(error: unknown): string {
  try {
    if (error instanceof Error && typeof error.message === 'string') return error.message;
  } catch {
    // its message is a throwing getter too
  }
  return describe(error);
}

/** Runs a check; whatever the input throws comes back as a failed check. */
function guarded<T>(what: string, check: () => Checked<T>): Checked<T> {
  try {
    return check();
  } catch (error) {
    return { ok: false, error: `${what} could not be read (${errorMessage(error)})` };
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A time every `Date` method and formatter takes (see `MAX_TIME`). */
export const isTime = (v: unknown): v is number => typeof v === 'number' && v >= MIN_TIME && v <= MAX_TIME;

const isSize = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** A sequence number the kit believes (see `MAX_SEQ`). */
export const isSeq = (v: unknown, min = 1): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= MAX_SEQ;

/** The own enumerable string entries of `v`, read once each, as a null-prototype record; undefined if any is not a string. */
function stringRecord(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined;
  const out = Object.create(null) as Record<string, string>;
  for (const key of Object.keys(v)) {
    const value = v[key];
    if (typeof value !== 'string') return undefined;
    out[key] = value;
  }
  return out;
}

/** The items of a list from outside, read once each, at most `max` of them (`cut` says if it was cut). */
function items(v: unknown[], max: number): { values: unknown[]; cut: boolean } {
  const length = v.length;
  const n = Math.min(typeof length === 'number' && length > 0 ? length : 0, max);
  const values: unknown[] = [];
  for (let i = 0; i < n; i++) values.push(v[i]);
  return { values, cut: length > max };
}

function checkMediaState(raw: unknown, known: ReadonlySet<string>, path: string): Checked<MediaState> {
  return guarded(path, () => {
    if (!isRecord(raw)) return { ok: false, error: `${path} is not an object` };
    const { media, signIn, availability, reasonId, routable, systemState, since, signInError } = raw;
    if (typeof media !== 'string') return { ok: false, error: `${path}.media is not a string` };
    if (!known.has(media)) return { ok: false, error: `${path}.media ${describe(media)} is not a configured media` };
    if (typeof signIn !== 'string' || !SIGN_IN.includes(signIn)) return { ok: false, error: `${path}.signIn is ${describe(signIn)}` };
    if (availability !== 'ready' && availability !== 'not-ready') {
      return { ok: false, error: `${path}.availability is ${describe(availability)}` };
    }
    if (reasonId !== undefined && typeof reasonId !== 'string') return { ok: false, error: `${path}.reasonId is not a string` };
    if (typeof routable !== 'boolean') return { ok: false, error: `${path}.routable is not a boolean` };
    if (systemState !== undefined && (typeof systemState !== 'string' || !SYSTEM.includes(systemState))) {
      return { ok: false, error: `${path}.systemState is ${describe(systemState)}` };
    }
    if (!isTime(since)) return { ok: false, error: `${path}.since is not a valid time (${describe(since)})` };
    if (signInError !== undefined && typeof signInError !== 'string') {
      return { ok: false, error: `${path}.signInError is not a string` };
    }
    const state: MediaState = {
      media,
      signIn: signIn as MediaState['signIn'],
      availability,
      routable,
      since,
      ...(reasonId !== undefined && availability === 'not-ready' ? { reasonId } : {}),
      ...(systemState !== undefined ? { systemState: systemState as MediaState['systemState'] } : {}),
      ...(signInError !== undefined ? { signInError } : {}),
    };
    return { ok: true, value: state };
  });
}

const STATUSES: TaskStatus[] = ['offered', 'active', 'wrap-up', 'closed', 'missed', 'rescinded', 'transferred'];
const TASK_CAUSES: TaskCause[] = ['offered', 'accepted', 'missed', 'rescinded', 'ended', 'transferred', 'updated', 'wrap-up'];
const AUTHORS: MessageAuthor[] = ['customer', 'agent', 'bot', 'system'];

function checkTask(raw: unknown, known: ReadonlySet<string>, path: string): Checked<Task> {
  return guarded(path, () => {
    if (!isRecord(raw)) return { ok: false, error: `${path} is not an object` };
    const { id, media, status, queue, customer, offeredAt, expiresAt, acceptedAt, endedAt, wrapUpAt, wrapUpDeadline } = raw;
    if (typeof id !== 'string' || id === '') return { ok: false, error: `${path}.id is not a string` };
    if (typeof media !== 'string' || !known.has(media)) {
      return { ok: false, error: `${path}.media ${describe(media)} is not a configured media` };
    }
    if (!STATUSES.includes(status as TaskStatus)) return { ok: false, error: `${path}.status is ${describe(status)}` };
    if (typeof queue !== 'string') return { ok: false, error: `${path}.queue is not a string` };
    const variables = stringRecord(customer);
    if (!variables) return { ok: false, error: `${path}.customer is not an object of strings` };
    if (!isTime(offeredAt) || !isTime(expiresAt)) return { ok: false, error: `${path} has no valid offer times` };
    if (acceptedAt !== undefined && !isTime(acceptedAt)) return { ok: false, error: `${path}.acceptedAt is not a valid time` };
    if (endedAt !== undefined && !isTime(endedAt)) return { ok: false, error: `${path}.endedAt is not a valid time` };
    // END-2: the wrap-up's times. A deadline before the wrap-up began is not one the server set.
    if (wrapUpAt !== undefined && !isTime(wrapUpAt)) return { ok: false, error: `${path}.wrapUpAt is not a valid time` };
    if (wrapUpDeadline !== undefined && !isTime(wrapUpDeadline)) return { ok: false, error: `${path}.wrapUpDeadline is not a valid time` };
    if (wrapUpAt !== undefined && wrapUpDeadline !== undefined && wrapUpDeadline < wrapUpAt) {
      return { ok: false, error: `${path}.wrapUpDeadline is before its wrapUpAt` };
    }
    return {
      ok: true,
      value: {
        id,
        media,
        status: status as TaskStatus,
        queue,
        customer: variables,
        offeredAt,
        expiresAt,
        ...(acceptedAt !== undefined ? { acceptedAt } : {}),
        ...(endedAt !== undefined ? { endedAt } : {}),
        ...(wrapUpAt !== undefined ? { wrapUpAt } : {}),
        ...(wrapUpDeadline !== undefined ? { wrapUpDeadline } : {}),
      },
    };
  });
}

function checkAttachment(raw: unknown, path: string): Checked<MessageAttachment> {
  return guarded(path, () => {
    if (!isRecord(raw)) return { ok: false, error: `${path} is not an object` };
    const { id, name, type, size, url, thumbnailUrl, contentId, inline, pciBlocked } = raw;
    if (typeof id !== 'string' || id === '') return { ok: false, error: `${path}.id is not a string` };
    if (typeof name !== 'string') return { ok: false, error: `${path}.name is not a string` };
    if (typeof type !== 'string') return { ok: false, error: `${path}.type is not a string` };
    if (!isSize(size)) return { ok: false, error: `${path}.size is not a number of bytes` };
    if (typeof url !== 'string') return { ok: false, error: `${path}.url is not a string` };
    if (thumbnailUrl !== undefined && typeof thumbnailUrl !== 'string') {
      return { ok: false, error: `${path}.thumbnailUrl is not a string` };
    }
    // MAIL-3, MAIL-8: an email's inline image (named by `cid:` in its HTML) and the PCI check's refusal.
    if (contentId !== undefined && (typeof contentId !== 'string' || contentId === '' || contentId.length > MAX_HEADER)) {
      return { ok: false, error: `${path}.contentId is not a content id (${describe(contentId)})` };
    }
    if (inline !== undefined && typeof inline !== 'boolean') return { ok: false, error: `${path}.inline is not a boolean` };
    if (pciBlocked !== undefined && (typeof pciBlocked !== 'string' || pciBlocked.length > MAX_HEADER)) {
      return { ok: false, error: `${path}.pciBlocked is not a reason (${describe(pciBlocked)})` };
    }
    return {
      ok: true,
      value: {
        id,
        name,
        type,
        size,
        url,
        ...(thumbnailUrl !== undefined ? { thumbnailUrl } : {}),
        ...(contentId !== undefined ? { contentId } : {}),
        ...(inline !== undefined ? { inline } : {}),
        ...(pciBlocked !== undefined ? { pciBlocked } : {}),
      },
    };
  });
}

/** A list of addresses from outside (an email's To or Cc), read once each; undefined when it is not one. */
function addressList(raw: unknown, path: string): Checked<readonly string[]> {
  if (!Array.isArray(raw)) return { ok: false, error: `${path} is not a list of addresses` };
  const { values, cut } = items(raw, MAX_ADDRESSES);
  if (cut) return { ok: false, error: `${path} holds more than ${MAX_ADDRESSES} addresses` };
  for (const [i, a] of values.entries()) {
    if (typeof a !== 'string') return { ok: false, error: `${path}[${i}] is ${describe(a)}, not an address` };
    if (a.length > MAX_HEADER) return { ok: false, error: `${path}[${i}] is longer than ${MAX_HEADER} characters` };
  }
  return { ok: true, value: values as string[] };
}

/**
 * The email part of a message (MAIL-1..3): headers as text, To and Cc as lists of addresses, the
 * sender's HTML as text of at most `MAX_EMAIL_HTML` characters (kept untouched: the email frame
 * sanitises it when it shows it), the Message-ID as text.
 */
function checkEmail(raw: unknown, path: string): Checked<EmailContent> {
  if (!isRecord(raw)) return { ok: false, error: `${path} is ${describe(raw)}, not an email` };
  const { from, to, cc, subject, html, messageId } = raw;
  if (typeof from !== 'string' || from.length > MAX_HEADER) return { ok: false, error: `${path}.from is not an address (${describe(from)})` };
  const toList = addressList(to, `${path}.to`);
  if (!toList.ok) return toList;
  const ccList = cc === undefined ? { ok: true as const, value: [] } : addressList(cc, `${path}.cc`);
  if (!ccList.ok) return ccList;
  if (typeof subject !== 'string' || subject.length > MAX_HEADER) return { ok: false, error: `${path}.subject is not a subject (${describe(subject)})` };
  if (html !== undefined && typeof html !== 'string') return { ok: false, error: `${path}.html is ${describe(html)}, not HTML text` };
  if (typeof html === 'string' && html.length > MAX_EMAIL_HTML) {
    return { ok: false, error: `${path}.html is longer than ${MAX_EMAIL_HTML} characters (${html.length}); the email is left out` };
  }
  if (messageId !== undefined && (typeof messageId !== 'string' || messageId.length > MAX_HEADER)) {
    return { ok: false, error: `${path}.messageId is not a Message-ID (${describe(messageId)})` };
  }
  return {
    ok: true,
    value: {
      from,
      to: toList.value,
      cc: ccList.value,
      subject,
      ...(html !== undefined ? { html } : {}),
      ...(messageId !== undefined ? { messageId } : {}),
    },
  };
}

function checkMessage(raw: unknown, path: string): Checked<Message> {
  return guarded(path, () => {
    if (!isRecord(raw)) return { ok: false, error: `${path} is not an object` };
    const { id, taskId, from, text, at, name, clientId, receipt, failure, attachments, announcement, internal, email } = raw;
    if (typeof id !== 'string' || id === '') return { ok: false, error: `${path}.id is not a string` };
    if (typeof taskId !== 'string' || taskId === '') return { ok: false, error: `${path}.taskId is not a string` };
    if (!AUTHORS.includes(from as MessageAuthor)) return { ok: false, error: `${path}.from is ${describe(from)}` };
    if (typeof text !== 'string') return { ok: false, error: `${path}.text is not a string` };
    if (text.length > MAX_TEXT) return { ok: false, error: `${path}.text is longer than ${MAX_TEXT} characters` };
    if (!isTime(at)) return { ok: false, error: `${path}.at is not a valid time (${describe(at)})` };
    if (name !== undefined && typeof name !== 'string') return { ok: false, error: `${path}.name is not a string` };
    if (clientId !== undefined && typeof clientId !== 'string') return { ok: false, error: `${path}.clientId is not a string` };
    if (receipt !== undefined && !RECEIPTS.includes(receipt as Receipt)) {
      return { ok: false, error: `${path}.receipt is ${describe(receipt)}` };
    }
    if (failure !== undefined && typeof failure !== 'string') return { ok: false, error: `${path}.failure is not a string` };
    // XFER-4: an internal note between agents is only ever `true`, and only an agent writes one.
    if (internal !== undefined && internal !== true) return { ok: false, error: `${path}.internal is ${describe(internal)}` };
    if (internal === true && from !== 'agent') return { ok: false, error: `${path} is an internal note not from an agent` };
    let files: MessageAttachment[] | undefined;
    if (attachments !== undefined) {
      if (!Array.isArray(attachments)) return { ok: false, error: `${path}.attachments is not a list` };
      const { values, cut } = items(attachments, MAX_ATTACHMENTS);
      if (cut) return { ok: false, error: `${path}.attachments holds more than ${MAX_ATTACHMENTS} files` };
      files = [];
      for (const [i, a] of values.entries()) {
        const file = checkAttachment(a, `${path}.attachments[${i}]`);
        if (!file.ok) return file;
        files.push(file.value);
      }
    }
    let note: Message['announcement'];
    if (announcement !== undefined) {
      if (!isRecord(announcement)) return { ok: false, error: `${path}.announcement has no code` };
      const { code, params } = announcement;
      if (typeof code !== 'string') return { ok: false, error: `${path}.announcement has no code` };
      const values = params === undefined ? undefined : stringRecord(params);
      if (params !== undefined && !values) return { ok: false, error: `${path}.announcement.params is not an object of strings` };
      note = { code, ...(values ? { params: values } : {}) };
    }
    let mail: EmailContent | undefined;
    if (email !== undefined) {
      const checked = checkEmail(email, `${path}.email`);
      if (!checked.ok) return checked;
      mail = checked.value;
    }
    return {
      ok: true,
      value: {
        id,
        taskId,
        from: from as MessageAuthor,
        text,
        at,
        ...(name !== undefined ? { name } : {}),
        ...(clientId !== undefined ? { clientId } : {}),
        ...(receipt !== undefined ? { receipt: receipt as Receipt } : {}),
        ...(failure !== undefined ? { failure } : {}),
        ...(files ? { attachments: files } : {}),
        ...(note ? { announcement: note } : {}),
        ...(internal === true ? { internal: true as const } : {}),
        ...(mail ? { email: mail } : {}),
      },
    };
  });
}

/** Reads the `seq` of something that may not be an event, for reporting; never throws. */
export function seqOf(raw: unknown): number | undefined {
  try {
    if (!isRecord(raw)) return undefined;
    const seq = raw['seq'];
    return isSeq(seq) ? seq : undefined;
  } catch {
    return undefined;
  }
}

/** Checks one event from the stream against the configured media. Never throws. */
export function checkEvent(raw: unknown, known: ReadonlySet<string>): Checked<DcEvent> {
  return guarded<DcEvent>('event', () => {
    if (!isRecord(raw)) return { ok: false, error: 'event is not an object' };
    const { seq, at, type } = raw;
    if (!isSeq(seq)) return { ok: false, error: `event has no valid seq (${describe(seq)})` };
    const where = `event ${seq}`;
    if (!isTime(at)) return { ok: false, error: `${where} has no valid time (${describe(at)})` };
    switch (type) {
      case 'media-state': {
        const { cause, state: rawState } = raw;
        if (!CAUSES.includes(cause as StateCause)) return { ok: false, error: `${where}: cause is ${describe(cause)}` };
        const state = checkMediaState(rawState, known, `${where}: state`);
        if (!state.ok) return state;
        return { ok: true, value: { type: 'media-state', seq, at, state: state.value, cause: cause as StateCause } };
      }
      case 'task': {
        const { cause, task: rawTask } = raw;
        if (!TASK_CAUSES.includes(cause as TaskCause)) return { ok: false, error: `${where}: cause is ${describe(cause)}` };
        const task = checkTask(rawTask, known, `${where}: task`);
        if (!task.ok) return task;
        return { ok: true, value: { type: 'task', seq, at, task: task.value, cause: cause as TaskCause } };
      }
      case 'message': {
        const message = checkMessage(raw['message'], `${where}: message`);
        if (!message.ok) return message;
        return { ok: true, value: { type: 'message', seq, at, message: message.value } };
      }
      case 'receipt': {
        const { taskId, messageId, receipt, reason } = raw;
        if (typeof taskId !== 'string' || typeof messageId !== 'string') {
          return { ok: false, error: `${where}: receipt names no task or message` };
        }
        if (!RECEIPTS.includes(receipt as Receipt)) return { ok: false, error: `${where}: receipt is ${describe(receipt)}` };
        if (reason !== undefined && typeof reason !== 'string') return { ok: false, error: `${where}: reason is not a string` };
        return {
          ok: true,
          value: { type: 'receipt', seq, at, taskId, messageId, receipt: receipt as Receipt, ...(reason !== undefined ? { reason } : {}) },
        };
      }
      case 'typing': {
        const { taskId, typing } = raw;
        if (typeof taskId !== 'string' || typeof typing !== 'boolean') {
          return { ok: false, error: `${where}: typing needs a taskId and a boolean` };
        }
        return { ok: true, value: { type: 'typing', seq, at, taskId, typing } };
      }
      default:
        return { ok: false, error: `${where} has unknown type ${describe(type)}` };
    }
  });
}

export { checkTask, checkMessage, checkAttachment, checkMediaState, checkEmail, addressList };

/**
 * A checked snapshot. Entries that fail their check (a media, a task, a message, a list) are left out
 * and named in `warnings`; the rest stands. `seqTrusted` is false when the snapshot's own number is
 * not one the kit believes (see `MAX_SEQ`): its content is still the truth, but the number the next
 * events continue from must come from the stream (sync.ts).
 */
export type CheckedSnapshot =
  | { ok: true; value: DcSnapshot; warnings: string[]; seqTrusted: boolean }
  | { ok: false; error: string; warnings?: string[] };

/**
 * Checks a snapshot entry by entry. Only a snapshot that is not an object at all, or has no valid
 * time, fails as a whole; everything else that is wrong is dropped with a warning. Never throws.
 */
export function checkSnapshot(raw: unknown, known: ReadonlySet<string>): CheckedSnapshot {
  const warnings: string[] = [];
  try {
    if (!isRecord(raw)) return { ok: false, error: 'snapshot is not an object' };
    const { seq: rawSeq, at, media: rawMedia, tasks: rawTasks = [], messages: rawMessages = {} } = raw;
    const seqTrusted = isSeq(rawSeq, 0);
    if (!seqTrusted) warnings.push(`snapshot.seq is not a sequence number the kit believes (${describe(rawSeq)})`);
    if (!isTime(at)) return { ok: false, error: `snapshot has no valid time (${describe(at)})` };

    const media = Object.create(null) as Record<string, MediaState>;
    if (!isRecord(rawMedia)) warnings.push('snapshot.media is not an object');
    else {
      for (const id of Object.keys(rawMedia)) {
        if (!known.has(id)) {
          warnings.push(`snapshot.media.${id} is not a configured media`);
          continue;
        }
        const state = checkMediaState(rawMedia[id], known, `snapshot.media.${id}`);
        if (!state.ok) warnings.push(state.error);
        else if (state.value.media !== id) warnings.push(`snapshot.media.${id} holds the state of ${state.value.media}`);
        else media[id] = state.value;
      }
    }

    const tasks: Task[] = [];
    if (!Array.isArray(rawTasks)) warnings.push('snapshot.tasks is not a list');
    else {
      const { values, cut } = items(rawTasks, MAX_LIST);
      if (cut) warnings.push(`snapshot.tasks holds more than ${MAX_LIST} tasks; the rest are left out`);
      const seen = new Set<string>();
      values.forEach((t, i) => {
        const task = checkTask(t, known, `snapshot.tasks[${i}]`);
        if (!task.ok) warnings.push(task.error);
        else if (seen.has(task.value.id)) warnings.push(`snapshot.tasks[${i}] repeats task ${task.value.id}`);
        else {
          seen.add(task.value.id);
          tasks.push(task.value);
        }
      });
    }

    const messages = Object.create(null) as Record<string, Message[]>;
    if (!isRecord(rawMessages)) warnings.push('snapshot.messages is not an object');
    else {
      for (const taskId of Object.keys(rawMessages)) {
        const list = guarded<unknown[]>(`snapshot.messages.${taskId}`, () => {
          const value = rawMessages[taskId];
          return Array.isArray(value) ? { ok: true, value } : { ok: false, error: `snapshot.messages.${taskId} is not a list` };
        });
        if (!list.ok) {
          warnings.push(list.error);
          continue;
        }
        const { values, cut } = items(list.value, MAX_LIST);
        if (cut) warnings.push(`snapshot.messages.${taskId} holds more than ${MAX_LIST} messages; the rest are left out`);
        const kept: Message[] = [];
        values.forEach((m, i) => {
          const message = checkMessage(m, `snapshot.messages.${taskId}[${i}]`);
          if (message.ok) kept.push(message.value);
          else warnings.push(message.error);
        });
        messages[taskId] = kept;
      }
    }
    return { ok: true, value: { seq: seqTrusted ? rawSeq : 0, at, media, tasks, messages }, warnings, seqTrusted };
  } catch (error) {
    return { ok: false, error: `snapshot could not be read (${errorMessage(error)})`, warnings };
  }
}
