/**
 * Email as data (MAIL-*): what an email message carries beside a chat message's plain text, what the
 * agent's reply carries when it is sent, and the email configuration of a media. Pure types and small
 * rules; no DOM. The email thread renders `EmailContent`; the email reply builds `OutgoingEmail`.
 *
 * An email is a `Message` with `email` set: `Message.text` is its plain-text body (the text part, or
 * the HTML's text when the sender sent HTML only), `email.html` the sender's HTML when there is one.
 * That HTML is hostile: only the email frame shows it, sanitised, inside a sandboxed frame (MAIL-3).
 */
import type { ReplyMode } from './reply-mode.js';
import { isRecord, type Bad } from './records.js';
import type { Message } from './tasks.js';
import type { PendingMessage } from './thread.js';


/** The headers of an email as the thread shows them (MAIL-1). Addresses as written (`Name <a@b>` allowed). */
export interface EmailHeaders {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
}

/** The email part of a message (MAIL-1..3, MAIL-8). */
export interface EmailContent extends EmailHeaders {
  /** The sender's HTML body, untouched (hostile: sanitised only when shown). Absent for plain-text emails. */
  readonly html?: string;
  /** The email's Message-ID, when the server has it (a reply's In-Reply-To). */
  readonly messageId?: string;
}

/**
 * The state the thread shows beside an email's time (MAIL-1, the guide's "envoyé/reçu/DR"): received
 * (from the customer), sending, sent (the mail server has it), DR (a delivery report came back: the
 * recipient's server took it), failed (a bounce or a refusal). Derived from the message's author and
 * receipt: `delivered` and `read` receipts are delivery reports.
 */
export type EmailState = 'received' | 'sending' | 'sent' | 'dr' | 'failed';

export function emailState(message: { readonly from: string; readonly receipt?: string }): EmailState {
  if (message.from === 'customer') return 'received';
  switch (message.receipt) {
    case 'sending':
      return 'sending';
    case 'delivered':
    case 'read':
      return 'dr';
    case 'failed':
      return 'failed';
    default:
      return 'sent';
  }
}

/**
 * An attachment of an email, beyond a chat attachment's fields (`MessageAttachment`): `contentId` names
 * an inline image (`cid:` in the HTML); `pciBlocked` holds why the server's PCI check refused an inbound
 * file (MAIL-8: greyed, and selecting it shows this reason above the compose box).
 */
export interface EmailAttachmentExtras {
  readonly contentId?: string;
  readonly inline?: boolean;
  readonly pciBlocked?: string;
}

/** What the agent's email reply sends (MAIL-5..10), beside the message's plain-text alternative. */
export interface OutgoingEmail {
  readonly mode: ReplyMode;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly subject: string;
  /** The body as sanitised HTML (the plain-text alternative is the message's `text`). */
  readonly html: string;
  /** The message id of the email answered or forwarded. */
  readonly inReplyTo?: string;
}

/**
 * The address the agent's emails go out from (MAIL-1): the media's first own address, else the agent's
 * id (a server with no address configured still names the sender).
 */
export function senderAddress(config: Pick<EmailConfig, 'selfAddresses'>, agentId: string): string {
  return config.selfAddresses[0] ?? agentId;
}

/** The email part of the agent's sent email as the thread shows it (MAIL-1): from `from`, the rest as sent. */
export function sentEmail(email: OutgoingEmail, from: string): EmailContent {
  return { from, to: [...email.to], cc: [...email.cc], subject: email.subject, html: email.html };
}

/**
 * The agent's email while the server does not hold it yet (MAIL-1, COMP-12), as a message the email
 * thread shows like any other: sending (queued or on its way) or failed with the reason, its files
 * listed but not linked yet (no URL until the server serves them). Undefined for a chat message.
 */
export function pendingEmailMessage(entry: PendingMessage, from: string): (Message & { readonly email: EmailContent }) | undefined {
  if (!entry.email) return undefined;
  return {
    id: `c:${entry.clientId}`,
    taskId: entry.taskId,
    from: 'agent',
    text: entry.text,
    at: entry.createdAt,
    clientId: entry.clientId,
    receipt: entry.status === 'failed' ? 'failed' : 'sending',
    ...(entry.status === 'failed' && entry.reason ? { failure: entry.reason } : {}),
    ...(entry.attachments.length ? { attachments: entry.attachments.map((a) => ({ ...a, url: '' })) } : {}),
    email: sentEmail(entry.email, from),
  };
}

/**
 * The email reply's draft (COMP-13, MAIL-10): its mode and fields, and the body as the editor's HTML.
 * Kept in `Draft.email`; `Draft.text` holds the body's plain text (so a blank body is a blank draft).
 */
export interface EmailDraft {
  readonly mode: ReplyMode;
  /** The id of the message answered (or forwarded). */
  readonly repliedId: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly subject: string;
  readonly ccShown: boolean;
  readonly bccShown: boolean;
  /** The editor's body as HTML (sanitised again before it is sent). */
  readonly html: string;
}

/** A signature by queue (or `*` for any), in HTML, from configuration (MAIL-reply). */
export interface EmailSignature {
  readonly queue: string;
  readonly html: string;
}

/** An email media's own configuration (`config.media.email.email`). */
export interface EmailConfig {
  /** The agent's and the queues' own addresses: never replied to, never copied (MAIL-5). */
  readonly selfAddresses: readonly string[];
  /** Ask before sending to an address outside the customer's domain (and `trustedDomains`). */
  readonly confirmOutsideDomain: boolean;
  /** Domains the agent may write to without the confirmation, besides the customer's. */
  readonly trustedDomains: readonly string[];
  /** Signatures by queue; the first matching the task's queue, else the one for `*`. */
  readonly signatures: readonly EmailSignature[];
  /** Senders (addresses or `@domain`) whose remote images load without asking. */
  readonly imagesAllowedFrom: readonly string[];
}

export const DEFAULT_EMAIL_CONFIG: EmailConfig = Object.freeze({
  selfAddresses: Object.freeze([]),
  confirmOutsideDomain: true,
  trustedDomains: Object.freeze([]),
  signatures: Object.freeze([]),
  imagesAllowedFrom: Object.freeze([]),
});

/** The signature for a task's queue: the queue's own, else the one for every queue, else none. */
export function signatureFor(config: EmailConfig, queue: string): string | undefined {
  return (config.signatures.find((s) => s.queue === queue) ?? config.signatures.find((s) => s.queue === '*'))?.html;
}

/** The address inside `Name <address>`, or the text itself, trimmed. */
export function bareAddress(written: string): string {
  const angle = /<([^<>]*)>\s*$/.exec(written);
  return (angle ? angle[1]! : written).trim();
}

/** The domain of an address (what follows its last `@`), trimmed, in lower case. */
export function addressDomain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).trim().toLowerCase();
}

/** Whether a sender's remote images may load without asking: the address or its `@domain` is listed. */
export function imagesAllowed(allowed: readonly string[], from: string): boolean {
  const address = bareAddress(from).toLowerCase();
  const domain = `@${addressDomain(address)}`;
  return allowed.some((a) => {
    const k = a.trim().toLowerCase();
    return k === address || (k.startsWith('@') && k === domain);
  });
}

function strings(raw: unknown, path: string, bad: Bad): readonly string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || !raw.every((s) => typeof s === 'string')) {
    bad(path, 'must be a list of strings');
    return [];
  }
  return Object.freeze(raw.map((s: string) => s.trim()).filter((s) => s !== ''));
}

/** Checks `config.media[m].email` (hostile input: each bad part is named through `bad` and left at its default). */
export function resolveEmailConfig(raw: unknown, path: string, bad: Bad): EmailConfig {
  if (raw === undefined) return DEFAULT_EMAIL_CONFIG;
  if (!isRecord(raw)) {
    bad(path, 'must be an object such as {selfAddresses, confirmOutsideDomain, signatures}');
    return DEFAULT_EMAIL_CONFIG;
  }
  const confirm = raw['confirmOutsideDomain'] ?? DEFAULT_EMAIL_CONFIG.confirmOutsideDomain;
  if (typeof confirm !== 'boolean') bad(`${path}.confirmOutsideDomain`, 'must be true or false');
  const signatures: EmailSignature[] = [];
  const rawSignatures = raw['signatures'];
  if (rawSignatures !== undefined && !Array.isArray(rawSignatures)) bad(`${path}.signatures`, 'must be a list of {queue, html}');
  else if (Array.isArray(rawSignatures)) {
    rawSignatures.forEach((s: unknown, i) => {
      if (isRecord(s) && typeof s['html'] === 'string' && (s['queue'] === undefined || typeof s['queue'] === 'string')) {
        signatures.push(Object.freeze({ queue: (s['queue'] as string | undefined) ?? '*', html: s['html'] }));
      } else bad(`${path}.signatures[${i}]`, 'must be {queue, html} with html a string');
    });
  }
  return Object.freeze({
    selfAddresses: strings(raw['selfAddresses'], `${path}.selfAddresses`, bad),
    confirmOutsideDomain: typeof confirm === 'boolean' ? confirm : DEFAULT_EMAIL_CONFIG.confirmOutsideDomain,
    trustedDomains: strings(raw['trustedDomains'], `${path}.trustedDomains`, bad),
    signatures: Object.freeze(signatures),
    imagesAllowedFrom: strings(raw['imagesAllowedFrom'], `${path}.imagesAllowedFrom`, bad),
  });
}
