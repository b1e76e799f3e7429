/**
 * An inbound email's HTML made ready for the email frame (MAIL-2, MAIL-3): sanitised in batches that
 * each stay well under a long task (the main thread is given back between them), then split into the
 * new part and its quoted history (HTML_QUOTE_SELECTORS), and written into the frame's document with a
 * CSP of its own first in its head.
 *
 * Why batches: DOMPurify works on a whole document at once; a 200 kB newsletter is one long task of
 * 100 ms and more on a slow machine. The email is parsed once, inertly (DOMParser: no script, no fetch),
 * and its body's top-level children are sanitised a few kilobytes at a time. Each batch is a complete
 * subtree, so nothing of one batch can open into the next; the frame's CSP and sandbox stand behind
 * the sanitiser whatever happens.
 */
import { sanitiseEmail } from '../internal/email-sanitise.js';
import { HTML_QUOTE_SELECTORS } from '../../model/email-quotes.js';

export interface PreparedEmail {
  /** The sanitised body without its quoted history (the whole body when there is none). */
  readonly body: string;
  /** The sanitised body with its quoted history. */
  readonly full: string;
  /** Whether a quoted history was found (and folded out of `body`). */
  readonly quoted: boolean;
  /** Remote images and CSS `url()`s held back. */
  readonly blocked: number;
}

export interface PrepareOptions {
  readonly loadImages: boolean;
  /** `cid:` content ids (lower case, no angle brackets) to attachment URLs. */
  readonly inline: ReadonlyMap<string, string>;
}

/** About how much HTML one sanitise batch takes (a batch of 16 kB takes a few milliseconds). */
const BATCH_CHARS = 16_000;

/** Gives the main thread back: `scheduler.yield()` where the browser has it, else a task of its own. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The email's pieces, each a complete subtree as HTML: its style sheets (from the head too), then the body's children. */
function pieces(raw: string): string[] {
  const doc = new DOMParser().parseFromString(raw, 'text/html');
  const out: string[] = [];
  for (const style of Array.from(doc.head.querySelectorAll('style'))) out.push(style.outerHTML);
  for (const node of Array.from(doc.body.childNodes)) {
    if (node.nodeType === Node.ELEMENT_NODE) out.push((node as Element).outerHTML);
    else if (node.nodeType === Node.TEXT_NODE) out.push(escapeText(node.textContent ?? ''));
  }
  return out;
}

/** Sanitises an email in batches, yielding between them (MAIL-3), then folds its quoted history out (MAIL-2). */
export async function prepareEmail(raw: string, options: PrepareOptions): Promise<PreparedEmail> {
  // Small emails in one go: no parse of our own, no yield.
  if (raw.length <= BATCH_CHARS) return split(sanitiseEmail(raw, options));
  const parts = pieces(raw);
  await yieldToMain();
  let html = '';
  let blocked = 0;
  let batch = '';
  const flush = async () => {
    if (batch === '') return;
    const done = sanitiseEmail(batch, options);
    html += done.html;
    blocked += done.blocked;
    batch = '';
    await yieldToMain();
  };
  for (const part of parts) {
    // An oversized single piece is sanitised alone (its own batch).
    if (batch.length + part.length > BATCH_CHARS) await flush();
    batch += part;
  }
  await flush();
  return split({ html, blocked });
}

/**
 * The new part and the whole: the first element matching a quote selector, and everything after it
 * in document order, is the quoted history. When that would leave nothing written, nothing is folded.
 */
function split(sanitised: { html: string; blocked: number }): PreparedEmail {
  const { html, blocked } = sanitised;
  const doc = new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html');
  let mark: Element | null = null;
  for (const selector of HTML_QUOTE_SELECTORS) {
    try {
      mark = doc.body.querySelector(selector);
    } catch {
      mark = null;
    }
    if (mark) break;
  }
  if (!mark) return { body: html, full: html, quoted: false, blocked };
  // Cut the mark and whatever follows it, at every level up to the body.
  let node: Node = mark;
  while (node !== doc.body && node.parentNode) {
    while (node.nextSibling) node.nextSibling.remove();
    const parent: Node = node.parentNode;
    if (node === mark) (node as Element).remove();
    node = parent;
  }
  const left = doc.body;
  // Style sheets stay: the new part keeps the email's look.
  const written = (left.textContent ?? '').trim() !== '' || left.querySelector('img') !== null;
  if (!written) return { body: html, full: html, quoted: false, blocked };
  return { body: left.innerHTML, full: html, quoted: true, blocked };
}

/** The frame's CSP (MAIL-3): nothing but inline styles and data:/blob: images; remote images once loaded. */
export function frameCsp(loadImages: boolean, inline: ReadonlyMap<string, string>): string {
  const images = ['data:', 'blob:'];
  // The email's own inline images, by their exact attachment URLs (when the server serves them over http).
  for (const url of inline.values()) {
    if (/^https?:\/\/[^\s;,']+$/i.test(url)) images.push(url);
  }
  if (loadImages) images.push('http:', 'https:');
  return `default-src 'none'; style-src 'unsafe-inline'; img-src ${images.join(' ')}`;
}

/**
 * The kit's few rules inside the frame, before the email's own CSS: no margin that the frame would
 * have to guess, long words and wide images kept within the width, a wide table scrolls sideways in
 * the frame (never clipped), and the frame's own page never scrolls up and down (it is sized to fit).
 */
const FRAME_CSS =
  'html{overflow-x:auto;overflow-y:hidden;color-scheme:light;background:#fff;color:#1b1f24}' +
  'body{margin:8px;font:14px/1.45 system-ui,sans-serif;overflow-wrap:break-word}' +
  'img{max-width:100%;height:auto}pre{white-space:pre-wrap}';

/** The frame's whole document: the CSP first in the head, then the kit's CSS, then the email. */
export function frameDocument(body: string, csp: string): string {
  const policy = csp.replace(/"/g, '&quot;');
  return `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${policy}"><meta name="referrer" content="no-referrer"><style>${FRAME_CSS}</style></head><body>${body}</body></html>`;
}
