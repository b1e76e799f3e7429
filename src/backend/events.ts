/**
 * Checking what arrives from a backend. A backend is outside the kit's control, so every event and
 * snapshot is checked before the store applies it; what fails is reported with the reason and dropped.
 */
import type { MediaState } from '../model/agent-state.js';
import { RECEIPTS, type Message, type MessageAttachment, type MessageAuthor, type Receipt, type Task, type TaskStatus } from '../model/tasks.js';
import type { DcEvent, DcSnapshot, StateCause, TaskCause } from './types.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const SIGN_IN = ['signed-out', 'signing-in', 'signed-in', 'failed'];
const SYSTEM = ['reserved', 'active', 'paused', 'interrupted', 'work-ready', 'work-not-ready'];
const CAUSES: StateCause[] = ['agent', 'sign-in', 'missed-offer', 'system', 'supervisor'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function checkMediaState(raw: unknown, known: ReadonlySet<string>, path: string): Checked<MediaState> {
  if (!isRecord(raw)) return { ok: false, error: `${path} is not an object` };
  const { media, signIn, availability, reasonId, routable, systemState, since, signInError } = raw;
  if (typeof media !== 'string') return { ok: false, error: `${path}.media is not a string` };
  if (!known.has(media)) return { ok: false, error: `${path}.media "${media}" is not a configured media` };
  if (!SIGN_IN.includes(signIn as string)) return { ok: false, error: `${path}.signIn is ${JSON.stringify(signIn)}` };
  if (availability !== 'ready' && availability !== 'not-ready') {
    return { ok: false, error: `${path}.availability is ${JSON.stringify(availability)}` };
  }
  if (reasonId !== undefined && typeof reasonId !== 'string') return { ok: false, error: `${path}.reasonId is not a string` };
  if (typeof routable !== 'boolean') return { ok: false, error: `${path}.routable is not a boolean` };
  if (systemState !== undefined && !SYSTEM.includes(systemState as string)) {
    return { ok: false, error: `${path}.systemState is ${JSON.stringify(systemState)}` };
  }
  if (!isTime(since)) return { ok: false, error: `${path}.since is not a time` };
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
}

const STATUSES: TaskStatus[] = ['offered', 'active', 'wrap-up', 'closed', 'missed', 'rescinded', 'transferred'];
const TASK_CAUSES: TaskCause[] = ['offered', 'accepted', 'missed', 'rescinded', 'ended', 'transferred', 'updated'];
const AUTHORS: MessageAuthor[] = ['customer', 'agent', 'bot', 'system'];
const MAX_TEXT = 100_000;

function checkTask(raw: unknown, known: ReadonlySet<string>, path: string): Checked<Task> {
  if (!isRecord(raw)) return { ok: false, error: `${path} is not an object` };
  const { id, media, status, queue, customer, offeredAt, expiresAt, acceptedAt, endedAt } = raw;
  if (typeof id !== 'string' || id === '') return { ok: false, error: `${path}.id is not a string` };
  if (typeof media !== 'string' || !known.has(media)) {
    return { ok: false, error: `${path}.media ${JSON.stringify(media)} is not a configured media` };
  }
  if (!STATUSES.includes(status as TaskStatus)) return { ok: false, error: `${path}.status is ${JSON.stringify(status)}` };
  if (typeof queue !== 'string') return { ok: false, error: `${path}.queue is not a string` };
  if (!isRecord(customer) || !Object.values(customer).every((v) => typeof v === 'string')) {
    return { ok: false, error: `${path}.customer is not an object of strings` };
  }
  if (!isTime(offeredAt) || !isTime(expiresAt)) return { ok: false, error: `${path} has no valid offer times` };
  if (acceptedAt !== undefined && !isTime(acceptedAt)) return { ok: false, error: `${path}.acceptedAt is not a time` };
  if (endedAt !== undefined && !isTime(endedAt)) return { ok: false, error: `${path}.endedAt is not a time` };
  return {
    ok: true,
    value: {
      id,
      media,
      status: status as TaskStatus,
      queue,
      customer: { ...(customer as Record<string, string>) },
      offeredAt,
      expiresAt,
      ...(acceptedAt !== undefined ? { acceptedAt } : {}),
      ...(endedAt !== undefined ? { endedAt } : {}),
    },
  };
}

function checkAttachment(raw: unknown, path: string): Checked<MessageAttachment> {
  if (!isRecord(raw)) return { ok: false, error: `${path} is not an object` };
  const { id, name, type, size, url, thumbnailUrl } = raw;
  if (typeof id !== 'string' || id === '') return { ok: false, error: `${path}.id is not a string` };
  if (typeof name !== 'string') return { ok: false, error: `${path}.name is not a string` };
  if (typeof type !== 'string') return { ok: false, error: `${path}.type is not a string` };
  if (!isTime(size)) return { ok: false, error: `${path}.size is not a number of bytes` };
  if (typeof url !== 'string') return { ok: false, error: `${path}.url is not a string` };
  if (thumbnailUrl !== undefined && typeof thumbnailUrl !== 'string') {
    return { ok: false, error: `${path}.thumbnailUrl is not a string` };
  }
  return { ok: true, value: { id, name, type, size, url, ...(thumbnailUrl !== undefined ? { thumbnailUrl } : {}) } };
}

function checkMessage(raw: unknown, path: string): Checked<Message> {
  if (!isRecord(raw)) return { ok: false, error: `${path} is not an object` };
  const { id, taskId, from, text, at, name, clientId, receipt, failure, attachments, announcement } = raw;
  if (typeof id !== 'string' || id === '') return { ok: false, error: `${path}.id is not a string` };
  if (typeof taskId !== 'string' || taskId === '') return { ok: false, error: `${path}.taskId is not a string` };
  if (!AUTHORS.includes(from as MessageAuthor)) return { ok: false, error: `${path}.from is ${JSON.stringify(from)}` };
  if (typeof text !== 'string') return { ok: false, error: `${path}.text is not a string` };
  if (text.length > MAX_TEXT) return { ok: false, error: `${path}.text is longer than ${MAX_TEXT} characters` };
  if (!isTime(at)) return { ok: false, error: `${path}.at is not a time` };
  if (name !== undefined && typeof name !== 'string') return { ok: false, error: `${path}.name is not a string` };
  if (clientId !== undefined && typeof clientId !== 'string') return { ok: false, error: `${path}.clientId is not a string` };
  if (receipt !== undefined && !RECEIPTS.includes(receipt as Receipt)) {
    return { ok: false, error: `${path}.receipt is ${JSON.stringify(receipt)}` };
  }
  if (failure !== undefined && typeof failure !== 'string') return { ok: false, error: `${path}.failure is not a string` };
  let files: MessageAttachment[] | undefined;
  if (attachments !== undefined) {
    if (!Array.isArray(attachments)) return { ok: false, error: `${path}.attachments is not a list` };
    files = [];
    for (const [i, a] of attachments.entries()) {
      const file = checkAttachment(a, `${path}.attachments[${i}]`);
      if (!file.ok) return file;
      files.push(file.value);
    }
  }
  let note: Message['announcement'];
  if (announcement !== undefined) {
    if (!isRecord(announcement) || typeof announcement['code'] !== 'string') {
      return { ok: false, error: `${path}.announcement has no code` };
    }
    const params = announcement['params'];
    if (params !== undefined && (!isRecord(params) || !Object.values(params).every((v) => typeof v === 'string'))) {
      return { ok: false, error: `${path}.announcement.params is not an object of strings` };
    }
    note = { code: announcement['code'], ...(params ? { params: { ...(params as Record<string, string>) } } : {}) };
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
    },
  };
}

/** Reads the `seq` of something that may not be an event, for reporting. */
export function seqOf(raw: unknown): number | undefined {
  return isRecord(raw) && Number.isSafeInteger(raw['seq']) ? (raw['seq'] as number) : undefined;
}

/** Checks one event from the stream against the configured media. */
export function checkEvent(raw: unknown, known: ReadonlySet<string>): Checked<DcEvent> {
  if (!isRecord(raw)) return { ok: false, error: 'event is not an object' };
  const seq = raw['seq'];
  if (!Number.isSafeInteger(seq) || (seq as number) < 1) return { ok: false, error: 'event has no valid seq' };
  if (!isTime(raw['at'])) return { ok: false, error: `event ${String(seq)} has no valid time` };
  switch (raw['type']) {
    case 'media-state': {
      const cause = raw['cause'];
      if (!CAUSES.includes(cause as StateCause)) {
        return { ok: false, error: `event ${String(seq)}: cause is ${JSON.stringify(cause)}` };
      }
      const state = checkMediaState(raw['state'], known, `event ${String(seq)}: state`);
      if (!state.ok) return state;
      return {
        ok: true,
        value: { type: 'media-state', seq: seq as number, at: raw['at'], state: state.value, cause: cause as StateCause },
      };
    }
    case 'task': {
      const cause = raw['cause'];
      if (!TASK_CAUSES.includes(cause as TaskCause)) {
        return { ok: false, error: `event ${String(seq)}: cause is ${JSON.stringify(cause)}` };
      }
      const task = checkTask(raw['task'], known, `event ${String(seq)}: task`);
      if (!task.ok) return task;
      return { ok: true, value: { type: 'task', seq: seq as number, at: raw['at'], task: task.value, cause: cause as TaskCause } };
    }
    case 'message': {
      const message = checkMessage(raw['message'], `event ${String(seq)}: message`);
      if (!message.ok) return message;
      return { ok: true, value: { type: 'message', seq: seq as number, at: raw['at'], message: message.value } };
    }
    case 'receipt': {
      const { taskId, messageId, receipt, reason } = raw;
      if (typeof taskId !== 'string' || typeof messageId !== 'string') {
        return { ok: false, error: `event ${String(seq)}: receipt names no task or message` };
      }
      if (!RECEIPTS.includes(receipt as Receipt)) {
        return { ok: false, error: `event ${String(seq)}: receipt is ${JSON.stringify(receipt)}` };
      }
      if (reason !== undefined && typeof reason !== 'string') {
        return { ok: false, error: `event ${String(seq)}: reason is not a string` };
      }
      return {
        ok: true,
        value: {
          type: 'receipt',
          seq: seq as number,
          at: raw['at'],
          taskId,
          messageId,
          receipt: receipt as Receipt,
          ...(reason !== undefined ? { reason } : {}),
        },
      };
    }
    case 'typing': {
      const { taskId, typing } = raw;
      if (typeof taskId !== 'string' || typeof typing !== 'boolean') {
        return { ok: false, error: `event ${String(seq)}: typing needs a taskId and a boolean` };
      }
      return { ok: true, value: { type: 'typing', seq: seq as number, at: raw['at'], taskId, typing } };
    }
    default:
      return { ok: false, error: `event ${String(seq)} has unknown type ${JSON.stringify(raw['type'])}` };
  }
}

/** Checks a snapshot. Media the configuration does not know are dropped and reported, not fatal. */
export { checkTask, checkMessage, checkAttachment };

export function checkSnapshot(
  raw: unknown,
  known: ReadonlySet<string>,
): Checked<DcSnapshot> & { warnings?: string[] } {
  if (!isRecord(raw)) return { ok: false, error: 'snapshot is not an object' };
  if (!Number.isSafeInteger(raw['seq']) || (raw['seq'] as number) < 0) return { ok: false, error: 'snapshot has no valid seq' };
  if (!isTime(raw['at'])) return { ok: false, error: 'snapshot has no valid time' };
  if (!isRecord(raw['media'])) return { ok: false, error: 'snapshot.media is not an object' };
  const media: Record<string, MediaState> = {};
  const warnings: string[] = [];
  for (const [id, value] of Object.entries(raw['media'])) {
    if (!known.has(id)) {
      warnings.push(`snapshot.media.${id} is not a configured media`);
      continue;
    }
    const state = checkMediaState(value, known, `snapshot.media.${id}`);
    if (!state.ok) return state;
    media[id] = state.value;
  }
  // Tasks and messages: a bad one is dropped with a warning; the rest of the snapshot stands.
  const tasks: Task[] = [];
  const rawTasks = raw['tasks'] ?? [];
  if (!Array.isArray(rawTasks)) return { ok: false, error: 'snapshot.tasks is not a list' };
  rawTasks.forEach((t: unknown, i) => {
    const task = checkTask(t, known, `snapshot.tasks[${i}]`);
    if (task.ok) tasks.push(task.value);
    else warnings.push(task.error);
  });
  const messages: Record<string, Message[]> = {};
  const rawMessages = raw['messages'] ?? {};
  if (!isRecord(rawMessages)) return { ok: false, error: 'snapshot.messages is not an object' };
  for (const [taskId, list] of Object.entries(rawMessages)) {
    if (!Array.isArray(list)) {
      warnings.push(`snapshot.messages.${taskId} is not a list`);
      continue;
    }
    messages[taskId] = [];
    list.forEach((m: unknown, i) => {
      const message = checkMessage(m, `snapshot.messages.${taskId}[${i}]`);
      if (message.ok) messages[taskId]!.push(message.value);
      else warnings.push(message.error);
    });
  }
  return { ok: true, value: { seq: raw['seq'] as number, at: raw['at'], media, tasks, messages }, warnings };
}
