/**
 * What the thread does with what customers write (PANE-2): links found in text and shown safely
 * (HOSTILE-17), initials for an avatar, the attachment URLs it lets through, and which pictures show at
 * once (HOSTILE-18). Pure functions over plain data.
 */
import { shownLinkText } from './hosts.js';
import type { Message } from './tasks.js';

export type TextSegment =
  | { readonly type: 'text'; readonly text: string }
  | {
      readonly type: 'link';
      readonly text: string;
      readonly href: string;
      /** What to show instead of `text` when its host could pass for another (its ASCII form, HOSTILE-17). */
      readonly shown?: string;
    };

/** Characters never part of a link: white space, quotes, angle brackets, controls and bidi overrides. */
const STOP = '\\s<>"\'`\\u0000-\\u001f\\u007f\\u200b-\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const LINK = new RegExp(
  `(?<![\\w@.+-])(?:(?:https?:\\/\\/|mailto:|www\\.)[^${STOP}]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)`,
  'giu',
);
const TRAILING = /[.,;:!?…'"»)\]}]$/u;
const PAIRS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/** Drops punctuation that ends a sentence rather than the link; keeps a closing bracket the link opened. */
function trimLink(raw: string): string {
  let text = raw;
  while (TRAILING.test(text)) {
    const last = text[text.length - 1]!;
    const open = PAIRS[last];
    if (open && text.split(open).length > text.split(last).length - 1) break;
    text = text.slice(0, -1);
  }
  return text;
}

/** The href for a link's text, when it is an http(s) or mailto link with somewhere to go. */
function linkHref(text: string): string | undefined {
  let candidate = text;
  if (/^www\./i.test(text)) candidate = `https://${text}`;
  else if (!/^(https?:|mailto:)/i.test(text)) candidate = `mailto:${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol === 'mailto:') return url.pathname.includes('@') ? url.href : undefined;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // "https://bank.example@evil.example" goes to evil.example: such a link is left as text.
  return url.hostname && !url.username && !url.password ? url.href : undefined;
}

/**
 * A message's text cut into plain text and links (PANE-2): `http://`, `https://` and `www.` addresses,
 * `mailto:` links and e-mail addresses become links; nothing else does (never `javascript:`, `data:`,
 * `vbscript:` or any other scheme). Punctuation that ends the sentence is left out of the link, as are
 * quotes, angle brackets, control characters and bidirectional overrides. Joining the segments' text
 * gives back the input exactly; a link whose host could pass for another also says how to show it
 * (`shown`: the host in ASCII, as browsers show it).
 */
export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let plain = '';
  let from = 0;
  for (const match of text.matchAll(LINK)) {
    const linkText = trimLink(match[0]);
    const href = linkText ? linkHref(linkText) : undefined;
    if (!href) continue;
    plain += text.slice(from, match.index);
    if (plain) segments.push({ type: 'text', text: plain });
    plain = '';
    const shown = shownLinkText(linkText, href);
    segments.push(shown === linkText ? { type: 'link', text: linkText, href } : { type: 'link', text: linkText, href, shown });
    from = match.index + linkText.length;
  }
  plain += text.slice(from);
  if (plain) segments.push({ type: 'text', text: plain });
  return segments;
}

/**
 * Up to two initials for an avatar (PANE-2): the first letter of the first and of the last word that
 * starts with a letter ("Alice Martin" → "AM", "élodie" → "É"). Empty when no word starts with a letter
 * (a phone number): the avatar then shows an icon.
 */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/[\s\-_.,]+/u)
    .filter((w) => /^\p{L}/u.test(w));
  if (words.length === 0) return '';
  const first = Array.from(words[0]!)[0]!;
  const last = words.length > 1 ? Array.from(words[words.length - 1]!)[0]! : '';
  return (first + last).toLocaleUpperCase();
}

/** Raster image types a `data:` URL may carry (SVG is left out: it may carry script). */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|jpg|gif|webp)(?:;[a-z0-9=.+-]*)*,/i;

/**
 * An attachment's URL if it is safe to link to or to show (PANE-2): http, https and blob URLs (relative
 * ones resolved against `base`), and `data:` URLs of raster images only. Anything else (`javascript:`,
 * `vbscript:`, `file:`, `data:text/html`, SVG…) gives undefined: the thread shows the file's name
 * without a link.
 */
export function safeUrl(url: string | undefined, base?: string): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  if (!trimmed) return undefined;
  if (/^data:/i.test(trimmed)) return DATA_IMAGE.test(trimmed) ? trimmed : undefined;
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(trimmed) : new URL(trimmed, base);
  } catch {
    return undefined;
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.hostname ? parsed.href : undefined;
  return parsed.protocol === 'blob:' ? parsed.href : undefined;
}

/** Image types the thread shows as thumbnails. */
const RASTER = /^image\/(?:png|jpeg|jpg|gif|webp|avif|bmp)$/i;

/** Whether an attachment is shown as a picture (raster images only) rather than as a file to download. */
export function isPicture(type: string): boolean {
  return RASTER.test(type.trim());
}

/**
 * Whether a picture in a message may load as soon as it shows (HOSTILE-18). A picture a customer sent
 * from an http(s) address would tell whoever serves it that the message was read, when and from where
 * (as remote images in an email do): it waits for the agent to ask, unless its origin is one the host
 * lists (`remoteImages`). Pictures from the contact centre's side (agents, the bot) and those that
 * need no request (`blob:`, `data:`) load at once.
 */
export function loadsAtOnce(url: string, from: Message['from'], origins: readonly string[]): boolean {
  if (from !== 'customer') return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
  return origins.includes(parsed.origin);
}
