/**
 * What the email reply sends (MAIL-7): the editor's HTML through a strict outbound profile of
 * DOMPurify, and the features of that HTML that Gmail or Outlook for Windows do not render, from
 * caniemail's data (caniemail-table.ts, generated at build time by scripts/generate-email.mjs).
 *
 * The profile keeps what the editor itself makes and nothing else: paragraphs, line breaks, heading 1,
 * bold, italic, underline, strikethrough, colour (`style="color"` only), lists, blockquote, links
 * (https, http, mailto), tables and images (https, http, `cid:`, or a `data:` PNG/JPEG/GIF/WebP).
 * Quill's indent classes become a left margin (mail clients have none of Quill's CSS). Anything a
 * paste or a hostile draft might hold beyond that (scripts, handlers, forms, frames, SVG, styles) is
 * gone. Pasted images stay `data:` URLs inside the HTML (the store's send has no inline part yet): the
 * warning says Gmail drops them.
 *
 * DOMPurify arrives with the editor (the email composer imports `dompurify` with `import()`, next to
 * Quill) and is handed to `useOutboundPurifier` once; nothing here loads it.
 */
import type { DOMPurify as Purify } from 'dompurify';
import { EMAIL_FEATURES, type EmailFeature } from './caniemail-table.js';

const TAGS = ['p', 'br', 'h1', 'strong', 'b', 'em', 'i', 'u', 's', 'span', 'ol', 'ul', 'li', 'blockquote', 'a', 'img', 'table', 'tbody', 'tr', 'td'];
const ATTRS = ['href', 'src', 'alt', 'style', 'colspan', 'rowspan', 'border', 'cellpadding', 'cellspacing', 'width', 'height'];
const LINK = /^(?:https?:|mailto:)/i;
const IMAGE = /^(?:https?:|cid:|data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$)/i;
/** The style properties kept, each with the values it may take (a colour, a margin in em). */
const STYLES: Readonly<Record<string, RegExp>> = {
  color: /^(?:#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\)|[a-z]{3,20})$/i,
  'margin-left': /^\d{1,2}(?:\.\d+)?em$/,
  'border-collapse': /^collapse$/,
};

let purify: Purify | undefined;
let purifier: Purify | undefined;

/** DOMPurify's default export, loaded with the editor. */
export function useOutboundPurifier(p: Purify): void {
  purify ??= p;
}

function filterStyle(value: string): string {
  const kept: string[] = [];
  for (const declaration of value.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const v = declaration.slice(colon + 1).trim();
    if (Object.hasOwn(STYLES, name) && STYLES[name]!.test(v)) kept.push(`${name}: ${v}`);
  }
  return kept.join('; ');
}

function outboundPurifier(): Purify {
  if (purifier) return purifier;
  if (!purify) throw new Error('The outbound sanitiser is not loaded');
  // An instance of its own: these hooks never reach the inbound email sanitiser's.
  const p = purify(window);
  p.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName;
    if (name === 'href') {
      data.keepAttr = node.nodeName === 'A' && LINK.test(data.attrValue.trim());
      data.forceKeepAttr = data.keepAttr || undefined;
    } else if (name === 'src') {
      data.keepAttr = node.nodeName === 'IMG' && IMAGE.test(data.attrValue.trim());
      data.forceKeepAttr = data.keepAttr || undefined;
    } else if (name === 'style') {
      data.attrValue = filterStyle(data.attrValue);
      data.keepAttr = data.attrValue !== '';
    }
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      (node as Element).setAttribute('target', '_blank');
      (node as Element).setAttribute('rel', 'noopener noreferrer');
    }
  });
  purifier = p;
  return p;
}

/** Quill's `ql-indent-N` classes as a left margin, before the classes go. */
function indentAsMargin(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const el of template.content.querySelectorAll<HTMLElement>('[class*="ql-indent-"]')) {
    const level = /ql-indent-(\d+)/.exec(el.className)?.[1];
    if (level) el.style.marginLeft = `${Number(level) * 3}em`;
  }
  for (const table of template.content.querySelectorAll('table')) {
    table.setAttribute('border', '1');
    table.setAttribute('cellpadding', '4');
    table.setAttribute('cellspacing', '0');
    table.style.borderCollapse = 'collapse';
  }
  return template.innerHTML;
}

/** The editor's HTML as it may leave the kit (strict; see the module's comment). */
export function outboundHtml(html: string): string {
  return outboundPurifier().sanitize(indentAsMargin(html), {
    ALLOWED_TAGS: TAGS,
    ALLOWED_ATTR: [...ATTRS, 'target', 'rel'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|cid:|data:image\/)/i,
    ADD_DATA_URI_TAGS: ['img'],
    KEEP_CONTENT: true,
  });
}

/** How a feature is detected in the outgoing HTML (the features of caniemail-table.ts). */
const DETECT: Readonly<Record<string, (doc: DocumentFragment) => boolean>> = {
  'image-base64': (d) => d.querySelector('img[src^="data:" i]') !== null,
  'image-webp': (d) => d.querySelector('img[src^="data:image/webp" i], img[src$=".webp" i]') !== null,
  'image-avif': (d) => d.querySelector('img[src^="data:image/avif" i], img[src$=".avif" i]') !== null,
  'image-svg': (d) => d.querySelector('img[src^="data:image/svg" i], img[src$=".svg" i]') !== null,
  'image-gif': (d) => d.querySelector('img[src^="data:image/gif" i], img[src$=".gif" i]') !== null,
  'html-table': (d) => d.querySelector('table') !== null,
  'html-lists': (d) => d.querySelector('ol, ul') !== null,
  'html-blockquote': (d) => d.querySelector('blockquote') !== null,
  'css-margin': (d) => d.querySelector('[style*="margin" i]') !== null,
  'css-padding': (d) => d.querySelector('[style*="padding" i]') !== null,
  'css-text-decoration': (d) => d.querySelector('[style*="text-decoration" i]') !== null,
  'css-border': (d) => d.querySelector('[style*="border:" i], [style*="border-width" i]') !== null,
  'css-border-collapse': (d) => d.querySelector('[style*="border-collapse" i]') !== null,
};

/** A feature of the outgoing HTML that a client drops, and which clients. */
export interface DroppedFeature {
  readonly feature: EmailFeature;
  readonly gmail: boolean;
  readonly outlook: boolean;
}

/** The features of `html` (already outbound) that Gmail or Outlook for Windows do not render at all. */
export function droppedFeatures(html: string): DroppedFeature[] {
  if (html === '') return [];
  const template = document.createElement('template');
  template.innerHTML = html;
  const out: DroppedFeature[] = [];
  for (const feature of EMAIL_FEATURES) {
    const gmail = feature.gmail === 'n';
    const outlook = feature.outlook === 'n';
    if ((gmail || outlook) && DETECT[feature.slug]?.(template.content)) out.push({ feature, gmail, outlook });
  }
  return out;
}
