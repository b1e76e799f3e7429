/**
 * The email reply's modes (MAIL-5, MAIL-6): which addresses and subject Reply, Reply all and Forward
 * start with, which of them the agent may edit, and what changes when the agent switches from one mode
 * to another — the body never does. Pure functions over plain data.
 */
import { addressDomain, bareAddress } from './email.js';
import { validateField } from './field-rules.js';

export type ReplyMode = 'reply' | 'reply-all' | 'forward';

/** The email being answered: its sender, its recipients and its subject. */
export interface RepliedEmail {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
}

/** The reply's fields (the body lives beside them, untouched by a mode). */
export interface ReplyFields {
  readonly mode: ReplyMode;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  /** Whether the agent may change To (Forward) or only read it (Reply, Reply all). */
  readonly toEditable: boolean;
  /** Cc: shown or hidden (the agent can hide it in Reply all, show it in Reply and Forward). */
  readonly ccShown: boolean;
}

/** Lower case for comparing addresses (`Ana@Example.com` is `ana@example.com`). */
const key = (address: string): string => address.trim().toLowerCase();

/** The addresses without repeats (case ignored, first spelling kept) and without the ones in `except`. */
function distinct(addresses: readonly string[], except: readonly string[]): string[] {
  const seen = new Set(except.map(key));
  const out: string[] = [];
  for (const a of addresses) {
    const k = key(a);
    if (k === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(a.trim());
  }
  return out;
}

const RE = /^\s*(re|aw|sv|réf|ref)\s*:\s*/i;
const FWD = /^\s*(fwd?|tr|wg|rv)\s*:\s*/i;

/** "Re: " before the subject, once (an answer to an answer keeps one). */
export function replySubject(subject: string): string {
  const s = subject.trim();
  return RE.test(s) ? `Re: ${s.replace(RE, '')}` : `Re: ${s}`;
}

/** "Fwd: " before the subject, once. */
export function forwardSubject(subject: string): string {
  const s = subject.trim();
  return FWD.test(s) ? `Fwd: ${s.replace(FWD, '')}` : `Fwd: ${s}`;
}

/** Reply: the sender. */
function replyTo(email: RepliedEmail, self: readonly string[]): string[] {
  return distinct([email.from], self);
}

/** Reply all's Cc: everyone else the email went to, less the agent's own addresses and the sender. */
function replyAllCc(email: RepliedEmail, self: readonly string[]): string[] {
  return distinct([...email.to, ...email.cc], [...self, email.from]);
}

/**
 * MAIL-5: the fields a mode starts with. Reply: To (the sender) and Subject filled and read-only.
 * Reply all: the same, with Cc filled with the other recipients, editable, and shown. Forward: Subject
 * filled, To and Cc empty and editable (the body gets the last email, which the editor loads).
 * `self` holds the agent's (or the queue's) own addresses, never replied to.
 */
export function startReply(mode: ReplyMode, email: RepliedEmail, self: readonly string[] = []): ReplyFields {
  switch (mode) {
    case 'reply':
      return { mode, to: replyTo(email, self), cc: [], subject: replySubject(email.subject), toEditable: false, ccShown: false };
    case 'reply-all':
      return { mode, to: replyTo(email, self), cc: replyAllCc(email, self), subject: replySubject(email.subject), toEditable: false, ccShown: true };
    case 'forward':
      return { mode, to: [], cc: [], subject: forwardSubject(email.subject), toEditable: true, ccShown: false };
  }
}

/**
 * MAIL-6: switching modes keeps the body and sets the fields:
 * - Reply → Reply all: To and Cc filled;
 * - Reply → Forward, Reply all → Forward: To and Cc cleared;
 * - Reply all → Reply: To filled, Cc cleared;
 * - Forward → Reply: To filled (a Cc the agent typed stays, hidden unless it has addresses);
 * - Forward → Reply all: To and Cc filled.
 * The subject follows the mode (Re: or Fwd:). Switching to the same mode changes nothing.
 */
export function switchReply(fields: ReplyFields, mode: ReplyMode, email: RepliedEmail, self: readonly string[] = []): ReplyFields {
  if (fields.mode === mode) return fields;
  const next = startReply(mode, email, self);
  if (fields.mode === 'forward' && mode === 'reply') {
    return { ...next, cc: fields.cc, ccShown: fields.cc.length > 0 };
  }
  return next;
}

/** Why an address typed in To or Cc is refused: not an address. */
export type AddressError = 'invalid';

/**
 * Splits what the agent typed in To or Cc (commas, semicolons or new lines between addresses, a
 * `Name <address>` form kept as its address) into addresses, each checked as typed (MAIL-6: "addresses
 * are validated"): `valid` in order without repeats, `invalid` as typed.
 */
export function parseAddresses(text: string): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const raw = part.trim();
    if (raw === '') continue;
    const address = bareAddress(raw);
    if (validateField(address, 'email', { required: true, maxLength: 320 }) === undefined) valid.push(address);
    else invalid.push(raw);
  }
  return { valid: distinct(valid, []), invalid };
}

/**
 * The addresses outside the customer's domain (MAIL-5's confirmation when configuration asks for it):
 * those whose domain is none of `domains` (compared without case).
 */
export function outsideDomains(addresses: readonly string[], domains: readonly string[]): string[] {
  const allowed = new Set(domains.map((d) => d.trim().toLowerCase().replace(/^@/, '')));
  return addresses.filter((a) => !allowed.has(addressDomain(a)));
}
