/**
 * The inbound email's HTML made safe to show (MAIL-3), before it goes into the email frame's sandboxed
 * `<iframe srcdoc>` (no `allow-scripts`, a CSP of its own): DOMPurify with the email profile, then the
 * kit's own rules on what survives:
 * - no script, no handler, no form (an email cannot submit anything), no `<base>`, `<meta>`, `<link>`;
 * - the email's own CSS is kept (`<style>` and `style=`) for a faithful layout, without `@import`;
 * - remote images and CSS `url()` are blocked until the agent loads them (counted, so the thread can
 *   say "Load images"); `cid:` images come from the email's attachments; `data:` images stay;
 * - links open in a new tab with `rel="noopener noreferrer"` and show their real destination (the
 *   punycode host) on hover; a link that is not http(s) or mailto loses its href.
 * The frame's CSP blocks what slips through regardless: this is the first of two walls.
 */
import type { DOMPurify as Purifier } from 'dompurify';

export interface SanitiseOptions {
  /** Whether remote images and CSS `url()` may load (the agent chose "Load images"). */
  readonly loadImages: boolean;
  /** `cid:` content ids (without angle brackets, case ignored) to the URL of the attachment. */
  readonly inline?: ReadonlyMap<string, string>;
}

export interface SanitisedEmail {
  /** Safe HTML for the frame's body (its `<style>` elements included). */
  readonly html: string;
  /** Remote images and CSS `url()`s held back (0 when `loadImages`). */
  readonly blocked: number;
}

const REMOTE = /^\s*(?:https?:)?\/\//i;
const SAFE_LINK = /^\s*(?:https?:|mailto:)/i;
// url(...) with a remote target, in a style sheet or a style attribute.
const CSS_URL = /url\(\s*(['"]?)\s*((?:https?:)?\/\/[^'")]*)\1\s*\)/gi;
const CSS_IMPORT = /@import[^;]*;?/gi;

let purifier: Purifier | undefined;
let loading: Promise<void> | undefined;
let current: { options: SanitiseOptions; blocked: number } = { options: { loadImages: false }, blocked: 0 };

function css(text: string): string {
  const { options } = current;
  const noImport = text.replace(CSS_IMPORT, '');
  if (options.loadImages) return noImport;
  return noImport.replace(CSS_URL, () => {
    current.blocked++;
    return 'none';
  });
}

/** The host a link really goes to, in punycode (what the browser will open), or '' when it has none. */
export function linkHost(href: string): string {
  try {
    const url = new URL(href);
    return url.protocol === 'mailto:' ? url.pathname : url.hostname;
  } catch {
    return '';
  }
}

/**
 * Loads DOMPurify (on the first email: a page without email never fetches it; the script-tag bundle
 * takes it from beside itself) and sets up the email profile. `sanitiseEmail` needs it done.
 */
export function loadEmailSanitiser(): Promise<void> {
  loading ??= import('dompurify').then(
    ({ default: createPurifier }) => {
      purifier = setUp(createPurifier(window));
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Whether `sanitiseEmail` can run now (`loadEmailSanitiser` has resolved). */
export function emailSanitiserReady(): boolean {
  return purifier !== undefined;
}

function setUp(p: Purifier): Purifier {
  p.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent) node.textContent = css(node.textContent);
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.hasAttribute('style')) el.setAttribute('style', css(el.getAttribute('style') ?? ''));
    for (const name of ['background', 'poster']) {
      if (el.hasAttribute(name) && REMOTE.test(el.getAttribute(name) ?? '') && !current.options.loadImages) {
        el.removeAttribute(name);
        current.blocked++;
      }
    }
    // Audio, video, <source>, <track> and the like fetch from `src` too: held back as images are.
    if (el.tagName !== 'IMG' && REMOTE.test(el.getAttribute('src') ?? '') && !current.options.loadImages) {
      el.removeAttribute('src');
      current.blocked++;
    }
    if (el.tagName === 'IMG') {
      el.removeAttribute('srcset');
      const src = el.getAttribute('src') ?? '';
      if (/^\s*cid:/i.test(src)) {
        const id = src.replace(/^\s*cid:\s*/i, '').replace(/^<|>$/g, '').toLowerCase();
        const url = current.options.inline?.get(id);
        if (url) el.setAttribute('src', url);
        else el.removeAttribute('src');
      } else if (REMOTE.test(src) && !current.options.loadImages) {
        el.setAttribute('data-dc-blocked-src', src);
        el.removeAttribute('src');
        current.blocked++;
      }
    }
    if (el.tagName === 'A') {
      const href = el.getAttribute('href');
      if (href !== null && !SAFE_LINK.test(href)) el.removeAttribute('href');
      else if (href !== null) {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
        const host = linkHost(href);
        if (host) el.setAttribute('title', host);
      }
    }
  });
  return p;
}

/** Sanitises an inbound email's HTML for the email frame (MAIL-3), once `loadEmailSanitiser` has resolved. */
export function sanitiseEmail(html: string, options: SanitiseOptions): SanitisedEmail {
  const p = purifier;
  if (!p) throw new Error('sanitiseEmail before loadEmailSanitiser() resolved');
  current = { options, blocked: 0 };
  const out = p.sanitize(html, {
    FORCE_BODY: true,
    ADD_TAGS: ['style'],
    ADD_ATTR: ['target'],
    FORBID_TAGS: ['form', 'input', 'button', 'textarea', 'select', 'option', 'base', 'meta', 'link', 'iframe', 'frame', 'object', 'embed', 'svg', 'math'],
    FORBID_ATTR: ['action', 'formaction', 'srcset', 'ping'],
    ALLOW_DATA_ATTR: false,
  }) as string;
  const result = { html: out, blocked: current.blocked };
  current = { options: { loadImages: false }, blocked: 0 };
  return result;
}
