/**
 * Senders whose remote images the agent chose to load always ("Always for this sender", MAIL-3), kept
 * in this browser's localStorage under a kit key. Hostile storage: what is read is checked (a list of
 * addresses, each short and with an @), anything else is ignored; storage that refuses is no error.
 */
import { bareAddress } from '../../model/email.js';

export const SENDERS_KEY = 'dc-widgets:email-images-senders';
const MAX_SENDERS = 500;

const valid = (a: unknown): a is string => typeof a === 'string' && a.length <= 320 && /^[^\s@]+@[^\s@]+$/.test(a);

/** The remembered senders (lower-case addresses); empty when storage is missing, refused or holds junk. */
export function allowedSenders(): ReadonlySet<string> {
  try {
    const raw = globalThis.localStorage?.getItem(SENDERS_KEY);
    if (!raw) return new Set();
    const list: unknown = JSON.parse(raw);
    if (!Array.isArray(list)) return new Set();
    return new Set(list.filter(valid).slice(0, MAX_SENDERS).map((a) => a.toLowerCase()));
  } catch {
    return new Set();
  }
}

/** Remembers a sender (`Name <address>` or an address); returns the senders now remembered. */
export function rememberSender(from: string): ReadonlySet<string> {
  const address = bareAddress(from).toLowerCase();
  const next = new Set(allowedSenders());
  if (!valid(address)) return next;
  next.add(address);
  try {
    globalThis.localStorage?.setItem(SENDERS_KEY, JSON.stringify([...next].slice(-MAX_SENDERS)));
  } catch {
    // Storage refused: the choice lasts as long as the page.
  }
  return next;
}

/** Whether a sender was remembered. */
export function senderRemembered(senders: ReadonlySet<string>, from: string): boolean {
  return senders.has(bareAddress(from).toLowerCase());
}
