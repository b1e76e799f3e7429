/**
 * What the simulator needs of its emails before emails.ts has loaded (see there): the kinds of
 * email, who writes to whom, the headers, and the plain email an offer's given text opens with.
 */
import type { EmailContent } from '../model/email.js';
import type { MessageAttachment } from '../model/tasks.js';
import { seededRandom } from './random.js';

export const EMAIL_SAMPLES = ['rich', 'inline-image', 'remote-images', 'quoted', 'attachments', 'plain', 'newsletter'] as const;
/** Which kind of inbound email an offer opens with (see `OfferOptions.email`). */
export type EmailSample = (typeof EMAIL_SAMPLES)[number];

/** Who writes to whom, and about what. */
export interface EmailContext {
  readonly name: string;
  readonly address: string;
  /** The contact centre's address the customer writes to. */
  readonly support: string;
  readonly subject: string;
  /** Makes ids (Message-ID, content ids) unique to the task. */
  readonly taskId: string;
  readonly at: number;
  /** The task's own generator: what is drawn here never moves the simulator's other draws. */
  readonly random: () => number;
}

/** An email as the customer's message carries it: the plain-text body, the email part, its files. */
export interface InboundEmail {
  readonly text: string;
  readonly email: EmailContent;
  readonly attachments?: readonly MessageAttachment[];
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const mailbox = (name: string, address: string) => `${name} <${address}>`;

/** Paragraphs as HTML and as text. */
export function body(paragraphs: readonly string[]): { html: string; text: string } {
  return { html: paragraphs.map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`).join('\n'), text: paragraphs.join('\n\n') };
}

/** One "Re: " before a subject, however many replies deep. */
export const replySubject = (subject: string) => (/^re:/i.test(subject) ? subject : `Re: ${subject}`);

export function headers(ctx: EmailContext, html?: string): EmailContent {
  return {
    from: mailbox(ctx.name, ctx.address),
    to: [ctx.support],
    cc: [],
    subject: ctx.subject,
    ...(html !== undefined ? { html } : {}),
    messageId: `<${ctx.taskId}.${Math.floor(ctx.random() * 1e9).toString(36)}@${ctx.address.split('@')[1] ?? 'mail.example'}>`,
  };
}

/** A task's own generator, from the server's seed and what it is for: it never moves the other draws. */
export function taskRandom(seed: number, taskId: string): () => number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < taskId.length; i++) h = Math.imul(h ^ taskId.charCodeAt(i), 0x01000193);
  return seededRandom(h >>> 0);
}

/** A plain-text email with `text` as its body (an offer's given text, a scripted message). */
export function plainEmail(ctx: EmailContext, text: string): InboundEmail {
  return { text, email: headers(ctx) };
}

/** A follow-up email of `text` alone: "Re: …", quoting nothing. */
export function plainFollowUp(ctx: EmailContext, text: string): InboundEmail {
  return { text, email: headers({ ...ctx, subject: replySubject(ctx.subject) }, `<div dir="ltr">${body(text.split('\n\n')).html}</div>`) };
}
