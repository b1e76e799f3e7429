/**
 * The schema of saved state: each entry read from storage (persist.ts) is checked on its own, what
 * checks out is kept, and what does not is left out and named, so that one damaged message, media or
 * draft never costs the rest (FAIL-3, COMP-13). Server data (media states, tasks, messages) goes
 * through the same checks as the backend's events; the kit's own (drafts, the outbox, reads, pauses)
 * through the checks below, which the store also applies to a draft it is handed (`checkDraft`).
 *
 * Versions: 1 (agent state only) and 2 (one record with drafts and the outbox in it) are read and
 * written again as version 3; a version the kit does not know (a newer kit's, say) is read as far as
 * its entries check out, and said so.
 */
import { addressList, checkMediaState, checkMessage, checkTask, describe, isTime, MAX_EMAIL_HTML } from '../backend/events.js';
import type { EmailDraft, OutgoingEmail } from '../model/email.js';
import type { ReplyMode } from '../model/reply-mode.js';
import type { MediaState } from '../model/agent-state.js';
import type { StyleSpan, TextStyle } from '../model/compose.js';
import type { LoadedTemplate, TemplateField } from '../model/templates.js';
import type { Message, Task, TaskPause } from '../model/tasks.js';
import { checkWrapUpChoice, type WrapUpChoice } from '../model/wrap-up.js';
import { mergeMessages } from './messages.js';
import { PERSIST_VERSION, type SavedEntries } from './persist.js';
import { own, record, type Rec } from './records.js';
import type { Draft, DraftAttachment, OutboxEntry } from './state.js';

/** What saved state gives back: every piece that checked out, and what did not. */
export interface Restored {
  readonly media: Rec<MediaState>;
  readonly tasks: Rec<Task>;
  readonly messages: Rec<readonly Message[]>;
  readonly reads: Rec<number>;
  readonly pauses: Rec<TaskPause>;
  readonly drafts: Rec<Draft>;
  readonly outbox: Rec<OutboxEntry>;
  /** END-2: chosen wrap-up reasons and notes, by task (FAIL-3). */
  readonly wrapUps: Rec<WrapUpChoice>;
  /** Unsaved customer edits by task (CUST-3, FAIL-3). */
  readonly customerEdits: Rec<Readonly<Record<string, string>>>;
  readonly selectedTaskId?: string;
  readonly voice: boolean;
  /** The version read, when it is not the current one (it is written again as the current one). */
  readonly migratedFrom?: unknown;
  readonly problems: readonly string[];
}

type Checked<T> = { ok: true; value: T; problems?: string[] } | { ok: false; error: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const STYLES: readonly TextStyle[] = ['bold', 'italic', 'strike'];
const STATUSES: readonly OutboxEntry['status'][] = ['queued', 'sending', 'failed'];
/** Longer drafts than any media's limit are not drafts the composer made. */
const MAX_DRAFT = 1_000_000;

function checkAttachment(raw: unknown, path: string): Checked<DraftAttachment> {
  if (!isRecord(raw)) return { ok: false, error: `${path} is ${describe(raw)}, not a file` };
  const { id, name, type, size } = raw;
  if (typeof id !== 'string' || id === '') return { ok: false, error: `${path}.id is not a string` };
  if (typeof name !== 'string') return { ok: false, error: `${path}.name is not a string` };
  if (typeof type !== 'string') return { ok: false, error: `${path}.type is not a string` };
  if (!isIndex(size)) return { ok: false, error: `${path}.size is not a number of bytes` };
  return { ok: true, value: { id, name, type, size } };
}

/** The files of a draft or an outbox entry that check out (once per id), and what was wrong with the others. */
function checkAttachments(raw: unknown, path: string): { files: DraftAttachment[]; problems: string[] } {
  const files: DraftAttachment[] = [];
  const problems: string[] = [];
  if (raw === undefined) return { files, problems };
  if (!Array.isArray(raw)) return { files, problems: [`${path} is not a list`] };
  const seen = new Set<string>();
  raw.forEach((a: unknown, i) => {
    const file = checkAttachment(a, `${path}[${i}]`);
    if (!file.ok) problems.push(file.error);
    else if (!seen.has(file.value.id)) {
      seen.add(file.value.id);
      files.push(file.value);
    }
  });
  return { files, problems };
}

/** Spans over `text` that check out, in order and without overlaps (the composer's invariant). */
function checkSpans(raw: unknown, text: string, path: string): { spans: StyleSpan[]; problems: string[] } {
  const problems: string[] = [];
  if (raw === undefined) return { spans: [], problems };
  if (!Array.isArray(raw)) return { spans: [], problems: [`${path} is not a list`] };
  const valid: StyleSpan[] = [];
  raw.forEach((s: unknown, i) => {
    const where = `${path}[${i}]`;
    if (!isRecord(s)) return void problems.push(`${where} is ${describe(s)}, not a span`);
    const { start, end, style } = s;
    if (!isIndex(start) || !isIndex(end) || start >= end || end > text.length) {
      return void problems.push(`${where} is not a range of the text`);
    }
    if (!STYLES.includes(style as TextStyle)) return void problems.push(`${where}.style is ${describe(style)}`);
    valid.push({ start, end, style: style as TextStyle });
  });
  valid.sort((a, b) => a.start - b.start || a.end - b.end);
  const spans: StyleSpan[] = [];
  for (const span of valid) {
    const last = spans.at(-1);
    if (last && span.start < last.end) problems.push(`${path} has overlapping spans`);
    else spans.push(span);
  }
  return { spans, problems };
}

/** A loaded template as the composer keeps it: fields in order, within the text, each holding its own text. */
function checkTemplate(raw: unknown, text: string, path: string): Checked<LoadedTemplate> {
  if (!isRecord(raw)) return { ok: false, error: `${path} is ${describe(raw)}, not a template` };
  const { templateId, locked, text: body, fields, unknown, error } = raw;
  if (typeof templateId !== 'string' || templateId === '') return { ok: false, error: `${path}.templateId is not a string` };
  if (typeof locked !== 'boolean') return { ok: false, error: `${path}.locked is not a boolean` };
  if (body !== text) return { ok: false, error: `${path}.text is not the draft's text` };
  if (!Array.isArray(fields)) return { ok: false, error: `${path}.fields is not a list` };
  const checkedFields: TemplateField[] = [];
  let from = 0;
  for (const [i, f] of fields.entries()) {
    const where = `${path}.fields[${i}]`;
    if (!isRecord(f)) return { ok: false, error: `${where} is ${describe(f)}, not a field` };
    const { label, start, end, value, placeholder } = f;
    if (typeof label !== 'string' || typeof placeholder !== 'string') return { ok: false, error: `${where} has no label` };
    if (!isIndex(start) || !isIndex(end) || start < from || end < start || end > text.length) {
      return { ok: false, error: `${where} is not a range of the text in order` };
    }
    if (value !== text.slice(start, end)) return { ok: false, error: `${where}.value is not the text of its range` };
    checkedFields.push({ label, start, end, value, placeholder });
    from = end;
  }
  if (!Array.isArray(unknown) || !unknown.every((u) => typeof u === 'string')) {
    return { ok: false, error: `${path}.unknown is not a list of names` };
  }
  let parseError: LoadedTemplate['error'];
  if (error !== undefined) {
    if (!isRecord(error) || typeof error['error'] !== 'string' || !isIndex(error['index'])) {
      return { ok: false, error: `${path}.error is not a parse error` };
    }
    parseError = { error: error['error'], index: error['index'] };
  }
  return {
    ok: true,
    value: { templateId, locked, text, fields: checkedFields, unknown: [...(unknown as string[])], ...(parseError ? { error: parseError } : {}) },
  };
}

const MODES: readonly ReplyMode[] = ['reply', 'reply-all', 'forward'];
const MAX_SUBJECT = 10_000;

/** The fields an email draft and an outgoing email share (MAIL-5..10): mode, To, Cc, Bcc, subject, HTML. */
function checkEmailFields(
  raw: unknown,
  path: string,
): Checked<{ mode: ReplyMode; to: readonly string[]; cc: readonly string[]; bcc: readonly string[]; subject: string; html: string }> {
  if (!isRecord(raw)) return { ok: false, error: `${path} is ${describe(raw)}, not an email` };
  const { mode, to, cc, bcc, subject, html } = raw;
  if (!MODES.includes(mode as ReplyMode)) return { ok: false, error: `${path}.mode is ${describe(mode)}` };
  const lists: (readonly string[])[] = [];
  for (const [name, value] of [['to', to], ['cc', cc], ['bcc', bcc]] as const) {
    const list = addressList(value, `${path}.${name}`);
    if (!list.ok) return list;
    lists.push(list.value);
  }
  if (typeof subject !== 'string' || subject.length > MAX_SUBJECT) return { ok: false, error: `${path}.subject is not a subject` };
  if (typeof html !== 'string') return { ok: false, error: `${path}.html is ${describe(html)}, not HTML text` };
  if (html.length > MAX_EMAIL_HTML) return { ok: false, error: `${path}.html is longer than ${MAX_EMAIL_HTML} characters` };
  return { ok: true, value: { mode: mode as ReplyMode, to: lists[0]!, cc: lists[1]!, bcc: lists[2]!, subject, html } };
}

/** An email reply's draft (MAIL-5..10, COMP-13): its fields, the message answered, which fields are shown. */
export function checkEmailDraft(raw: unknown, path = 'draft.email'): Checked<EmailDraft> {
  try {
    const fields = checkEmailFields(raw, path);
    if (!fields.ok) return fields;
    const { repliedId, ccShown, bccShown } = raw as Record<string, unknown>;
    if (typeof repliedId !== 'string' || repliedId === '') return { ok: false, error: `${path}.repliedId is not a message id` };
    if (typeof ccShown !== 'boolean' || typeof bccShown !== 'boolean') return { ok: false, error: `${path}.ccShown and bccShown must be booleans` };
    return { ok: true, value: { ...fields.value, repliedId, ccShown, bccShown } };
  } catch (error) {
    return { ok: false, error: `${path} could not be read (${describe(error)})` };
  }
}

/** The email an outbox entry sends (MAIL-5..10): its fields and the Message-ID it answers. */
export function checkOutgoingEmail(raw: unknown, path = 'outbox.email'): Checked<OutgoingEmail> {
  try {
    const fields = checkEmailFields(raw, path);
    if (!fields.ok) return fields;
    const { inReplyTo } = raw as Record<string, unknown>;
    if (inReplyTo !== undefined && (typeof inReplyTo !== 'string' || inReplyTo.length > MAX_SUBJECT)) {
      return { ok: false, error: `${path}.inReplyTo is not a Message-ID` };
    }
    return { ok: true, value: { ...fields.value, ...(inReplyTo !== undefined ? { inReplyTo } : {}) } };
  } catch (error) {
    return { ok: false, error: `${path} could not be read (${describe(error)})` };
  }
}

/**
 * A draft (COMP-13), checked part by part: its text must be a string; spans and files that do not
 * check out are dropped, and a template that does not is dropped with the text kept. `problems` names
 * what was dropped.
 */
export function checkDraft(raw: unknown, path = 'draft'): Checked<Draft> {
  try {
    if (!isRecord(raw)) return { ok: false, error: `${path} is ${describe(raw)}, not a draft` };
    const { text, spans: rawSpans, attachments: rawFiles, template: rawTemplate, email: rawEmail } = raw;
    if (typeof text !== 'string') return { ok: false, error: `${path}.text is not a string` };
    if (text.length > MAX_DRAFT) return { ok: false, error: `${path}.text is longer than ${MAX_DRAFT} characters` };
    const { spans, problems } = checkSpans(rawSpans, text, `${path}.spans`);
    const files = checkAttachments(rawFiles, `${path}.attachments`);
    problems.push(...files.problems);
    let template: LoadedTemplate | undefined;
    if (rawTemplate !== undefined) {
      const checked = checkTemplate(rawTemplate, text, `${path}.template`);
      if (checked.ok) template = checked.value;
      else problems.push(checked.error);
    }
    // MAIL-10: an email draft's fields that do not check out are dropped; its body's text stays.
    let email: EmailDraft | undefined;
    if (rawEmail !== undefined) {
      const checked = checkEmailDraft(rawEmail, `${path}.email`);
      if (checked.ok) email = checked.value;
      else problems.push(checked.error);
    }
    return {
      ok: true,
      value: { text, spans, attachments: files.files, ...(template ? { template } : {}), ...(email ? { email } : {}) },
      problems,
    };
  } catch (error) {
    return { ok: false, error: `${path} could not be read (${describe(error)})` };
  }
}

/**
 * A message waiting to be sent (COMP-12). An entry whose text is readable is never dropped for a file
 * that is not: it is kept as failed, with the reason, so that the agent decides (Retry sends what is
 * left, Discard drops it).
 */
export function checkOutboxEntry(raw: unknown, path: string): Checked<OutboxEntry> {
  if (!isRecord(raw)) return { ok: false, error: `${path} is ${describe(raw)}, not a message` };
  const { clientId, taskId, text, attachments, createdAt, status, reason, email: rawEmail } = raw;
  if (typeof clientId !== 'string' || clientId === '') return { ok: false, error: `${path}.clientId is not a string` };
  if (typeof taskId !== 'string' || taskId === '') return { ok: false, error: `${path}.taskId is not a string` };
  if (typeof text !== 'string') return { ok: false, error: `${path}.text is not a string` };
  // MAIL-5..10: an email whose fields do not check out cannot go as what the agent wrote (sent as a
  // plain message it would reach no one, or the wrong people): the entry is dropped and named.
  let email: OutgoingEmail | undefined;
  if (rawEmail !== undefined) {
    const checked = checkOutgoingEmail(rawEmail, `${path}.email`);
    if (!checked.ok) return { ok: false, error: `${checked.error}; the email is not sent` };
    email = checked.value;
  }
  const files = checkAttachments(attachments, `${path}.attachments`);
  const when = isTime(createdAt) ? createdAt : 0;
  const problems = [...files.problems];
  if (!isTime(createdAt)) problems.push(`${path}.createdAt is not a valid time`);
  let state: OutboxEntry['status'] = STATUSES.includes(status as OutboxEntry['status']) ? (status as OutboxEntry['status']) : 'queued';
  if (!STATUSES.includes(status as OutboxEntry['status'])) problems.push(`${path}.status is ${describe(status)}`);
  // Whatever was on its way when the page went is sent again (same client id: never twice).
  if (state === 'sending') state = 'queued';
  let why = typeof reason === 'string' ? reason : undefined;
  if (files.problems.length) {
    state = 'failed';
    why = 'An attached file could not be restored';
  }
  return {
    ok: true,
    value: {
      clientId,
      taskId,
      text,
      attachments: files.files,
      ...(email ? { email } : {}),
      createdAt: when,
      status: state,
      ...(state === 'failed' && why ? { reason: why } : {}),
    },
    problems,
  };
}

/** Longer customer values than any field takes are not edits the kit made. */
const MAX_EDIT = 10_000;
/** More edited fields in one task than any configuration has are not edits the kit made. */
const MAX_EDITED_FIELDS = 1000;

/**
 * One task's unsaved customer edits (CUST-3, FAIL-3): an object of text values by field name, kept in
 * a null-prototype record (a field may be named anything). A value that is not text, or too long, is
 * left out and named; the others are kept.
 */
export function checkCustomerEdits(raw: unknown, path = 'customerEdits'): Checked<Readonly<Record<string, string>>> {
  try {
    if (!isRecord(raw)) return { ok: false, error: `${path} is ${describe(raw)}, not edits by field` };
    const names = Object.keys(raw);
    if (names.length > MAX_EDITED_FIELDS) return { ok: false, error: `${path} has more than ${MAX_EDITED_FIELDS} fields` };
    const edits = record<string>();
    const problems: string[] = [];
    for (const name of names) {
      const value = raw[name];
      if (typeof value !== 'string') problems.push(`${path}.${name} is ${describe(value)}, not text`);
      else if (value.length > MAX_EDIT) problems.push(`${path}.${name} is longer than ${MAX_EDIT} characters`);
      else edits[name] = value;
    }
    return { ok: true, value: edits, problems };
  } catch (error) {
    return { ok: false, error: `${path} could not be read (${describe(error)})` };
  }
}

function checkPause(raw: unknown): raw is TaskPause {
  if (!isRecord(raw)) return false;
  const { pausedMs, since } = raw;
  return typeof pausedMs === 'number' && pausedMs >= 0 && pausedMs <= Number.MAX_SAFE_INTEGER && (since === undefined || isTime(since));
}

/** Reads saved entries (persist.ts) into the pieces of state they restore. Never throws. */
export function restoreSaved(saved: SavedEntries, known: ReadonlySet<string>): Restored {
  const problems: string[] = [...saved.problems];
  const media = record<MediaState>();
  const tasks = record<Task>();
  const messages = record<readonly Message[]>();
  const reads = record<number>();
  const pauses = record<TaskPause>();
  const drafts = record<Draft>();
  const outbox = record<OutboxEntry>();
  const wrapUps = record<WrapUpChoice>();
  const customerEdits = record<Readonly<Record<string, string>>>();
  let selectedTaskId: string | undefined;
  let voice = false;
  let migratedFrom: unknown;
  const core = saved.core;

  try {
    if (core !== undefined && !isRecord(core)) problems.push(`the saved state is ${describe(core)}, not a record`);
    else if (core !== undefined) {
      const version = core['version'];
      if (version !== PERSIST_VERSION) migratedFrom = version;
      if (version !== 1 && version !== 2 && version !== PERSIST_VERSION) {
        problems.push(`the saved state has version ${describe(version)}, which this kit does not know; what checks out is kept`);
      }
      const rawMedia = core['media'];
      if (isRecord(rawMedia)) {
        for (const id of Object.keys(rawMedia)) {
          if (!known.has(id)) continue; // a media no longer configured: nothing to restore
          const state = checkMediaState(rawMedia[id], known, `media.${id}`);
          if (!state.ok) problems.push(state.error);
          else if (state.value.media === id) {
            // A sign-in cut short by the reload is not under way any more.
            media[id] = state.value.signIn === 'signing-in' ? { ...state.value, signIn: 'signed-out' } : state.value;
          }
        }
      } else if (rawMedia !== undefined) problems.push('media is not an object');

      const rawTasks = core['tasks'];
      if (Array.isArray(rawTasks)) {
        rawTasks.forEach((t: unknown, i) => {
          const task = checkTask(t, known, `tasks[${i}]`);
          if (!task.ok) problems.push(task.error);
          else tasks[task.value.id] = task.value;
        });
      } else if (rawTasks !== undefined) problems.push('tasks is not a list');
      const inTasks = (id: string) => Object.hasOwn(tasks, id);

      const rawMessages = core['messages'];
      if (isRecord(rawMessages)) {
        for (const id of Object.keys(rawMessages)) {
          if (!inTasks(id)) continue;
          const list = rawMessages[id];
          if (!Array.isArray(list)) {
            problems.push(`messages.${id} is not a list`);
            continue;
          }
          const kept: Message[] = [];
          list.forEach((m: unknown, i) => {
            const message = checkMessage(m, `messages.${id}[${i}]`);
            if (message.ok) kept.push(message.value);
            else problems.push(message.error);
          });
          messages[id] = mergeMessages(undefined, kept); // once per id, in time order
        }
      } else if (rawMessages !== undefined) problems.push('messages is not an object');

      const rawReads = core['reads'];
      if (isRecord(rawReads)) {
        for (const id of Object.keys(rawReads)) {
          const n = rawReads[id];
          if (inTasks(id) && isIndex(n)) reads[id] = n;
          else if (inTasks(id)) problems.push(`reads.${id} is ${describe(n)}`);
        }
      }
      const rawPauses = core['pauses'];
      if (isRecord(rawPauses)) {
        for (const id of Object.keys(rawPauses)) {
          const p = rawPauses[id];
          if (inTasks(id) && checkPause(p)) pauses[id] = { pausedMs: p.pausedMs, ...(p.since !== undefined ? { since: p.since } : {}) };
          else if (inTasks(id)) problems.push(`pauses.${id} is not a pause`);
        }
      }
      // END-2, FAIL-3: the wrap-up choices of the tasks saved with them.
      const rawWrapUps = core['wrapUps'];
      if (isRecord(rawWrapUps)) {
        for (const id of Object.keys(rawWrapUps)) {
          if (!inTasks(id)) continue;
          const choice = checkWrapUpChoice(rawWrapUps[id], `wrapUps.${id}`);
          if (choice.ok) wrapUps[id] = choice.value;
          else problems.push(choice.error);
        }
      } else if (rawWrapUps !== undefined) problems.push('wrapUps is not an object');
      const selected = core['selectedTaskId'];
      if (typeof selected === 'string' && inTasks(selected)) selectedTaskId = selected;
      voice = core['voice'] === true;

      // Version 2 kept drafts and the outbox in this record.
      if (version === 2 || (version !== 1 && version !== PERSIST_VERSION)) {
        const oldDrafts = core['drafts'];
        if (isRecord(oldDrafts)) for (const id of Object.keys(oldDrafts)) takeDraft(id, oldDrafts[id]);
        else if (oldDrafts !== undefined) problems.push('drafts is not an object');
        const oldOutbox = core['outbox'];
        if (Array.isArray(oldOutbox)) oldOutbox.forEach((e: unknown, i) => takeOutbox(undefined, e, `outbox[${i}]`));
        else if (oldOutbox !== undefined) problems.push('outbox is not a list');
      }
    }
    for (const [id, value] of saved.drafts) takeDraft(id, value);
    for (const [id, value] of saved.outbox) takeOutbox(id, value, `outbox.${id}`);
    for (const [id, value] of saved.customerEdits ?? []) {
      // Kept whatever tasks were saved, as drafts are: the snapshot drops those of tasks that are over.
      const edits = checkCustomerEdits(value, `customerEdits.${id}`);
      if (!edits.ok) problems.push(edits.error);
      else {
        problems.push(...(edits.problems ?? []));
        if (Object.keys(edits.value).length) customerEdits[id] = edits.value;
      }
    }
  } catch (error) {
    problems.push(`the saved state could not be read to the end (${describe(error)})`);
  }

  // Drafts and queued messages are kept whatever tasks were saved: the snapshot says which tasks
  // still exist, and drops the rest with their drafts (a saved record that could not be written
  // must not cost the drafts, which are written apart).
  function takeDraft(id: string, value: unknown): void {
    const draft = checkDraft(value, `drafts.${id}`);
    if (!draft.ok) return void problems.push(draft.error);
    problems.push(...(draft.problems ?? []));
    drafts[id] = draft.value;
  }
  function takeOutbox(id: string | undefined, value: unknown, path: string): void {
    const entry = checkOutboxEntry(value, path);
    if (!entry.ok) return void problems.push(entry.error);
    if (id !== undefined && entry.value.clientId !== id) return void problems.push(`${path} holds the message ${entry.value.clientId}`);
    problems.push(...(entry.problems ?? []));
    const held = own(outbox, entry.value.clientId);
    if (!held || held.createdAt <= entry.value.createdAt) outbox[entry.value.clientId] = entry.value;
  }

  return {
    media,
    tasks,
    messages,
    reads,
    pauses,
    drafts,
    outbox,
    wrapUps,
    customerEdits,
    ...(selectedTaskId !== undefined ? { selectedTaskId } : {}),
    voice,
    ...(migratedFrom !== undefined ? { migratedFrom } : {}),
    problems,
  };
}
