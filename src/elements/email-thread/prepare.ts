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
import { loadEmailSanitiser, sanitiseEmail } from '../internal/email-sanitise.js';
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

function serialise(node: Node): string {
  if (node.nodeType === Node.ELEMENT_NODE) return (node as Element).outerHTML;
  if (node.nodeType === Node.TEXT_NODE) return escapeText(node.textContent ?? '');
  return ''; // comments and the like: nothing to show
}

/** An element's start tag, as HTML (its attributes as parsed). */
function startTag(el: Element): string {
  const shallow = el.cloneNode(false) as Element;
  const outer = shallow.outerHTML;
  const end = `</${shallow.localName}>`;
  return outer.endsWith(end) ? outer.slice(0, -end.length) : outer;
}

const wrap = (chain: readonly Element[], inner: string) =>
  chain.map(startTag).join('') + inner + [...chain].reverse().map((el) => `</${el.localName}>`).join('');

/** The innermost of `depth` nested first elements under `root`, or undefined when the nesting changed. */
function innermost(root: Element, chain: readonly Element[]): Element | undefined {
  let node: Element | null = root;
  for (const shell of chain) {
    node = node.firstElementChild;
    if (!node || node.localName !== shell.localName) return undefined;
  }
  return node;
}

/** The deepest an oversized element is opened up (a newsletter nests a few tables). */
const MAX_DEPTH = 12;

/**
 * Sanitises `nodes` (children of `chain`'s innermost element in the inert parse) into `target` (in the
 * inert output document), a batch at a time. Each batch is sanitised inside copies of its real
 * ancestors' start tags, so that table rows stay rows; the sanitised rows are then taken out of the
 * copies. An element too big for one batch is opened up: its start tag sanitised alone, then its
 * children in batches. When the sanitiser changes the nesting (an ancestor it removes), the batch
 * goes in whole as the sanitiser wrote it.
 */
async function sanitiseInto(
  nodes: readonly ChildNode[],
  chain: readonly Element[],
  target: Element,
  options: PrepareOptions,
  count: { blocked: number },
): Promise<void> {
  let batch = '';
  const doc = target.ownerDocument;
  const sanitiseHere = (inner: string): Element => {
    const done = sanitiseEmail(wrap(chain, inner), options);
    count.blocked += done.blocked;
    const holder = doc.createElement('template');
    holder.innerHTML = done.html;
    const root = doc.createElement('div');
    root.append(holder.content);
    return root;
  };
  const flush = async () => {
    if (batch === '') return;
    const root = sanitiseHere(batch);
    batch = '';
    const inner = innermost(root, chain);
    if (inner) target.append(...Array.from(inner.childNodes));
    else target.append(...Array.from(root.childNodes));
    await yieldToMain();
  };
  for (const node of nodes) {
    const html = serialise(node);
    if (html.length > BATCH_CHARS && node instanceof Element && node.firstChild && chain.length < MAX_DEPTH) {
      await flush();
      const root = sanitiseHere(wrap([node], ''));
      const shell = innermost(root, [...chain, node]);
      if (shell) {
        target.append(shell);
        await sanitiseInto(Array.from(node.childNodes), [...chain, node], shell, options, count);
        continue;
      }
      // The sanitiser removed or moved the element itself: it goes in one batch, as written.
      batch = html;
      await flush();
      continue;
    }
    if (batch.length + html.length > BATCH_CHARS) await flush();
    batch += html;
  }
  await flush();
}

/** Sanitises an email in batches, yielding between them (MAIL-3), then folds its quoted history out (MAIL-2). */
export async function prepareEmail(raw: string, options: PrepareOptions): Promise<PreparedEmail> {
  // DOMPurify comes on the first email (a page without email never fetches it).
  await loadEmailSanitiser();
  // Small emails in one go: no parse of our own, no yield.
  if (raw.length <= BATCH_CHARS) return split(sanitiseEmail(raw, options));
  // Parsed inertly (no script, no fetch); the email's style sheets first, from its head too.
  const source = new DOMParser().parseFromString(raw, 'text/html');
  const output = document.implementation.createHTMLDocument('');
  await yieldToMain();
  const count = { blocked: 0 };
  const nodes = [...Array.from(source.head.querySelectorAll('style')), ...Array.from(source.body.childNodes)];
  await sanitiseInto(nodes, [], output.body, options, count);
  return split({ html: output.body.innerHTML, blocked: count.blocked });
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
