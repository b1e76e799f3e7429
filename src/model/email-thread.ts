/**
 * The email thread as data (MAIL-1, MAIL-2, MAIL-5, MAIL-8): its rows newest first, which attachments
 * an email lists, its inline images by content id, and the draft a Reply / Reply all / Forward / Cc
 * button writes. Pure functions; not exported from src/model/index.ts (the email thread loads on first
 * use, and these with it).
 */
import type { Draft } from './draft.js';
import { EMPTY_DRAFT } from './draft.js';
import type { EmailContent, EmailDraft } from './email.js';
import { startReply, switchReply, type ReplyFields, type ReplyMode } from './reply-mode.js';
import type { Message, MessageAttachment } from './tasks.js';

/** An email of the thread (a message with `email`), or anything else as an announcement between them. */
export type EmailRow =
  | { readonly kind: 'email'; readonly key: string; readonly message: Message & { readonly email: EmailContent } }
  | { readonly kind: 'announcement'; readonly key: string; readonly message: Message };

const isEmail = (m: Message): m is Message & { readonly email: EmailContent } =>
  typeof m.email === 'object' && m.email !== null && typeof m.email.from === 'string';

/**
 * The rows, newest first (the guide: a new email appears at the top). Messages without an email
 * (announcements, and any plain message) sit between the emails where they happened. Ids repeat in
 * hostile data: the first of an id wins, so that keys stay unique.
 */
export function emailRows(messages: readonly Message[] | undefined): EmailRow[] {
  const rows: EmailRow[] = [];
  const seen = new Set<string>();
  const list = messages ?? [];
  for (let i = list.length - 1; i >= 0; i--) {
    const m = list[i];
    if (!m || typeof m.id !== 'string' || seen.has(m.id)) continue;
    seen.add(m.id);
    rows.push(isEmail(m) ? { kind: 'email', key: m.id, message: m } : { kind: 'announcement', key: m.id, message: m });
  }
  return rows;
}

/** The id of the newest email in the rows (expanded by default, MAIL-2). */
export function newestEmail(rows: readonly EmailRow[]): string | undefined {
  return rows.find((r) => r.kind === 'email')?.key;
}

const cidKey = (id: string) => id.trim().replace(/^<|>$/g, '').toLowerCase();

/** The email's inline images: content id (lower case, no angle brackets) to attachment URL. */
export function inlineImages(message: Message): Map<string, string> {
  const map = new Map<string, string>();
  for (const a of message.attachments ?? []) {
    if (typeof a.contentId === 'string' && a.contentId.trim() !== '' && !a.pciBlocked) map.set(cidKey(a.contentId), a.url);
  }
  return map;
}

/**
 * The attachments listed under an email (MAIL-8): all but its inline images (those marked inline, or
 * whose content id the HTML shows as `cid:`).
 */
export function listedAttachments(message: Message): MessageAttachment[] {
  const html = message.email?.html ?? '';
  const shown = new Set<string>();
  for (const m of html.matchAll(/cid:\s*<?([^"'\s>)]+)/gi)) shown.add(cidKey(m[1]!));
  return (message.attachments ?? []).filter((a) => !(a.inline === true || (a.contentId && shown.has(cidKey(a.contentId)))));
}

/** The reply fields an email draft stands for. */
function fieldsOf(email: EmailDraft): ReplyFields {
  return { mode: email.mode, to: email.to, cc: email.cc, subject: email.subject, toEditable: email.mode === 'forward', ccShown: email.ccShown };
}

/**
 * The draft a Reply, Reply all or Forward button on `message` writes (MAIL-5, MAIL-6): the mode's
 * fields from `startReply`, or `switchReply` when the task's draft already answers this email. What
 * the agent wrote — the body, its HTML, the files, Bcc — is never dropped: a reply started on another
 * email keeps it too (only the fields change), so a click never loses a draft.
 */
export function replyDraft(existing: Draft | undefined, message: Message & { readonly email: EmailContent }, mode: ReplyMode, self: readonly string[]): Draft {
  const base = existing ?? EMPTY_DRAFT;
  const previous = base.email;
  const fields =
    previous && previous.repliedId === message.id ? switchReply(fieldsOf(previous), mode, message.email, self) : startReply(mode, message.email, self);
  const email: EmailDraft = {
    mode: fields.mode,
    repliedId: message.id,
    to: fields.to,
    cc: fields.cc,
    bcc: previous?.bcc ?? [],
    subject: fields.subject,
    ccShown: fields.ccShown,
    bccShown: previous?.bccShown ?? false,
    html: previous?.html ?? '',
  };
  return { ...base, email };
}

/**
 * The Cc button (MAIL-1, MAIL-5): on a draft that already answers this email, Cc shows; otherwise a
 * Reply all starts, with Cc shown and filled.
 */
export function ccDraft(existing: Draft | undefined, message: Message & { readonly email: EmailContent }, self: readonly string[]): Draft {
  const previous = existing?.email;
  if (existing && previous && previous.repliedId === message.id) return { ...existing, email: { ...previous, ccShown: true } };
  return replyDraft(existing, message, 'reply-all', self);
}

/** A short line of an email's text for its collapsed summary (MAIL-2). */
export function snippet(text: string, max = 140): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The customer emails in `rows` whose ids are not in `known` (what arrived since). */
export function arrivedEmails(rows: readonly EmailRow[], known: ReadonlySet<string>): string[] {
  return rows.filter((r) => r.kind === 'email' && r.message.from === 'customer' && !known.has(r.key)).map((r) => r.key);
}
