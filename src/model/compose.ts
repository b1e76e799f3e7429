/**
 * The composer's text rules, without DOM: how long a message is for the customer's channel (COMP-3), how
 * many SMS segments it takes, and social formatting as plain text plus style spans, turned into each
 * channel's markup on send (COMP-9). Pure functions over plain data.
 */
import { textChange, unfilledFields, type LoadedTemplate } from './templates.js';

/**
 * The length a customer's channel counts: Unicode code points. A character outside the Basic
 * Multilingual Plane (most emoji) counts once, not twice as `String.length` would; a grapheme built of
 * several code points (a flag 🇫🇷 is two regional indicators, 👍🏽 is a thumb plus a skin tone, a
 * family emoji joins several with ZWJ) counts as its code points, as SMS gateways and messaging APIs
 * do, so the kit never lets through a message the channel would reject. COMP-3.
 */
export function messageLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** How many characters `text` is over `maxChars` (0 when within), for COMP-3's red message. */
export function overLimit(text: string, maxChars: number): number {
  return Math.max(0, messageLength(text) - maxChars);
}

/** Why a message cannot be sent yet. */
export type SendBlock = 'empty' | 'over-limit' | 'unfilled-fields';

/**
 * Whether a message can be sent, and if not why (COMP-1, COMP-3, COMP-7): `text` is what would be sent
 * (in the channel's markup); a message needs text or a file, must be within `maxChars`, and a loaded
 * template's fields must all be filled.
 */
export function sendBlock(
  text: string,
  attachments: number,
  maxChars: number,
  template?: LoadedTemplate,
): SendBlock | undefined {
  if (text.trim() === '' && attachments === 0) return 'empty';
  if (overLimit(text, maxChars) > 0) return 'over-limit';
  if (template && unfilledFields(template).length > 0) return 'unfilled-fields';
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// SMS segments

/** GSM 03.38 basic character set (without ESC, which only introduces the extension table). */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** GSM 03.38 extension table: each is sent as ESC plus a character, so it counts double. */
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

export type SmsEncoding = 'gsm-7' | 'ucs-2';

export interface SmsSegments {
  /** GSM-7 unless some character is outside the GSM 03.38 basic and extension tables. */
  readonly encoding: SmsEncoding;
  /** Number of SMS the text is sent as; 0 for an empty text. */
  readonly segments: number;
  /** Units one segment holds: 160 (or 153 once split) for GSM-7, 70 (or 67) for UCS-2. */
  readonly perSegment: number;
  /** Units left in the last segment before another one starts. */
  readonly remainingInSegment: number;
}

const SMS_LIMITS: Readonly<Record<SmsEncoding, { single: number; multi: number }>> = {
  'gsm-7': { single: 160, multi: 153 },
  'ucs-2': { single: 70, multi: 67 },
};

/** Whether every character of `text` is in the GSM 03.38 basic or extension table. */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM_BASIC.has(ch) && !GSM_EXTENSION.has(ch)) return false;
  return true;
}

/**
 * How `text` is sent as SMS. Units are septets in GSM-7 (an extension-table character `^ { } \ [ ~ ] | €`
 * takes two) and UTF-16 code units in UCS-2 (an emoji outside the BMP takes two). One segment holds
 * 160 septets or 70 code units; a longer text is split into segments of 153 or 67 (the rest of each is
 * the concatenation header), and, as gateways do, a two-unit character is never split across
 * segments, so it may start the next one early.
 */
export function smsSegments(text: string): SmsSegments {
  const encoding: SmsEncoding = isGsm7(text) ? 'gsm-7' : 'ucs-2';
  const sizes: number[] = [];
  for (const ch of text) {
    sizes.push(encoding === 'gsm-7' ? (GSM_EXTENSION.has(ch) ? 2 : 1) : ch.length);
  }
  const total = sizes.reduce((a, b) => a + b, 0);
  const { single, multi } = SMS_LIMITS[encoding];
  if (total <= single) {
    return { encoding, segments: total === 0 ? 0 : 1, perSegment: single, remainingInSegment: single - total };
  }
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > multi) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { encoding, segments, perSegment: multi, remainingInSegment: multi - used };
}

// ---------------------------------------------------------------------------------------------------
// Social formatting (COMP-9)

export type TextStyle = 'bold' | 'italic' | 'strike';

/**
 * A styled range of the composer's plain text: `start` inclusive, `end` exclusive, in UTF-16 code units
 * (the offsets of a textarea's `selectionStart`/`selectionEnd`). A list of spans is kept sorted, without
 * overlaps (one style per character) and with touching spans of the same style merged.
 */
export interface StyleSpan {
  readonly start: number;
  readonly end: number;
  readonly style: TextStyle;
}

/** Sorts, drops empty spans and merges touching or overlapping spans of the same style. */
function normalise(spans: readonly StyleSpan[]): StyleSpan[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: StyleSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && last.style === s.style && s.start <= last.end) {
      out[out.length - 1] = { ...last, end: Math.max(last.end, s.end) };
    } else {
      out.push({ ...s });
    }
  }
  return out;
}

/** The spans with the range `[start, end)` cut out of them (a span across it is split in two). */
function cut(spans: readonly StyleSpan[], start: number, end: number): StyleSpan[] {
  const out: StyleSpan[] = [];
  for (const s of spans) {
    if (s.end <= start || s.start >= end) {
      out.push(s);
      continue;
    }
    if (s.start < start) out.push({ start: s.start, end: start, style: s.style });
    if (s.end > end) out.push({ start: end, end: s.end, style: s.style });
  }
  return out;
}

/**
 * Applies `style` to the selection `[start, end)` (COMP-9): one style per character, so a new style
 * replaces whatever style the range had, splitting spans that reach outside it. When the whole
 * selection already has `style`, applying it again removes it (the toolbar button toggles). An empty
 * selection changes nothing. Returns a new list; `spans` is not changed.
 */
export function applyStyle(spans: readonly StyleSpan[], start: number, end: number, style: TextStyle): StyleSpan[] {
  const [from, to] = start <= end ? [start, end] : [end, start];
  const current = normalise(spans);
  if (from === to) return current;
  const covered = current.some((s) => s.style === style && s.start <= from && s.end >= to);
  const rest = cut(current, from, to);
  return normalise(covered ? rest : [...rest, { start: from, end: to, style }]);
}

/** The style of the character at `index`, if any (for the toolbar's pressed state). */
export function styleAt(spans: readonly StyleSpan[], index: number): TextStyle | undefined {
  return spans.find((s) => s.start <= index && index < s.end)?.style;
}

/**
 * How styled text is sent: `whatsapp` markers (`*bold*`, `_italic_`, `~strike~`), `markdown` (`**bold**`,
 * `*italic*`, `~~strike~~`), or `messenger`/`plain`, which have no formatting and get the text only.
 */
export type MarkupFlavour = 'whatsapp' | 'messenger' | 'plain' | 'markdown';

const MARKERS: Readonly<Record<'whatsapp' | 'markdown', Readonly<Record<TextStyle, string>>>> = {
  whatsapp: { bold: '*', italic: '_', strike: '~' },
  markdown: { bold: '**', italic: '*', strike: '~~' },
};

/** Characters Markdown reads as formatting; escaped with a backslash in unstyled and styled text alike. */
const MARKDOWN_SPECIAL = /[\\*_~`]/g;

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/**
 * The text as the customer's channel wants it (COMP-9).
 *
 * - Markers must touch non-space characters (WhatsApp ignores `* bold *`, Markdown too), so whitespace
 *   at either edge of a span is left outside the markers, and a span of whitespace only is dropped.
 * - Neither format carries a style across a line break, so a span is marked line by line.
 * - Text that already contains marker characters: Markdown has an escape, so `\ * _ ~` and backquotes
 *   are escaped with a backslash and show as typed. WhatsApp has none; the characters are sent as typed,
 *   so `*this*` typed by hand is bold for the customer, exactly as it is when typed in WhatsApp itself.
 * - Spans are clamped to the text; where spans overlap, the later one wins.
 */
export function toChannelMarkup(text: string, spans: readonly StyleSpan[], flavour: MarkupFlavour): string {
  if (flavour === 'messenger' || flavour === 'plain') return text;
  const markers = MARKERS[flavour];
  const escape = (s: string) => (flavour === 'markdown' ? s.replace(MARKDOWN_SPECIAL, '\\$&') : s);

  // One style per UTF-16 unit, then runs of the same style, cut at line breaks and trimmed.
  const styles: (TextStyle | undefined)[] = new Array<TextStyle | undefined>(text.length).fill(undefined);
  for (const s of spans) {
    for (let i = Math.max(0, s.start); i < Math.min(text.length, s.end); i++) styles[i] = s.style;
  }
  for (let i = 0; i < text.length; i++) if (text[i] === '\n' || text[i] === '\r') styles[i] = undefined;

  let out = '';
  let i = 0;
  while (i < text.length) {
    const style = styles[i];
    let j = i + 1;
    while (j < text.length && styles[j] === style) j++;
    if (style === undefined) {
      out += escape(text.slice(i, j));
    } else {
      let a = i;
      let b = j;
      while (a < b && isSpace(text[a])) a++;
      while (b > a && isSpace(text[b - 1])) b--;
      if (a === b) {
        out += escape(text.slice(i, j));
      } else {
        const m = markers[style];
        out += escape(text.slice(i, a)) + m + escape(text.slice(a, b)) + m + escape(text.slice(b, j));
      }
    }
    i = j;
  }
  return out;
}

// Opening marker: at the start or after a space or an opening bracket or quote; closing marker: before
// the end, a space or punctuation. The styled text neither starts nor ends with a space and stays on
// one line, as WhatsApp and Markdown renderers read it.
const MARKUP: Readonly<Record<'whatsapp' | 'markdown', RegExp>> = {
  whatsapp: /(^|[\s([{"'«])([*_~])(?![\s*_~])([^\n]*?[^\s\\])\2(?=$|[\s.,;:!?)\]}"'»])/gu,
  markdown: /(^|[\s([{"'«])(\*\*|~~|\*|_)(?![\s*_~])([^\n]*?[^\s\\])\2(?=$|[\s.,;:!?)\]}"'»])/gu,
};
const MARKER_STYLES: Readonly<Record<string, TextStyle>> = { '*': 'bold', _: 'italic', '~': 'strike', '**': 'bold', '~~': 'strike' };

/** Markdown's backslash escapes: a backslash before any ASCII punctuation (CommonMark). */
const MARKDOWN_ESCAPE = /\\([!-/:-@[-`{-~])/g;

const unescapeMarkdown = (s: string) => s.replace(MARKDOWN_ESCAPE, '$1');

/**
 * The reverse of {@link toChannelMarkup}: a message in a channel's markup as plain text plus style
 * spans, so the thread shows `*bold*` from WhatsApp in bold, with the markers gone (COMP-9). One
 * level of style (no nesting); Markdown's `*x*` and `_x_` are italic; anything that is not a
 * well-formed pair stays as typed. Markdown's backslash escapes read as the character escaped
 * (`file\_name` is `file_name`, as the customer's app shows it), and an escaped marker never opens or
 * closes a style. `plain` and `messenger` text comes back unchanged, with no spans.
 */
export function fromChannelMarkup(markup: string, flavour: MarkupFlavour): { text: string; spans: StyleSpan[] } {
  if (flavour === 'plain' || flavour === 'messenger') return { text: markup, spans: [] };
  const markdown = flavour === 'markdown';
  // Each escape becomes two letters of the same length, so that the markers are found on this copy and
  // the text is cut from the markup at the same places.
  const scanned = markdown ? markup.replace(MARKDOWN_ESCAPE, 'xx') : markup;
  const read = markdown ? unescapeMarkdown : (s: string) => s;
  const spans: StyleSpan[] = [];
  let text = '';
  let from = 0;
  for (const m of scanned.matchAll(MARKUP[flavour])) {
    const [whole, before, marker, inner] = m as unknown as [string, string, string, string];
    const start = m.index + before.length + marker.length;
    text += read(markup.slice(from, m.index + before.length));
    const styled = read(markup.slice(start, start + inner.length));
    const style = markdown && marker === '*' ? 'italic' : MARKER_STYLES[marker]!;
    spans.push({ start: text.length, end: text.length + styled.length, style });
    text += styled;
    from = m.index + whole.length;
  }
  text += read(markup.slice(from));
  return { text, spans };
}

/**
 * The spans after the agent changed the text from `oldText` to `newText` (one contiguous change, as a
 * textarea's `input` makes), so styles stay on the characters they were given to (COMP-9):
 *
 * - spans before the change stay; spans after it move by the change in length;
 * - text typed at the end of a span, or inside it, takes its style (typing goes on in bold); text typed
 *   where a span starts does not;
 * - a span the change covers in part keeps what is left of it; a span it covers whole is dropped.
 *
 * `caret` (the caret after the edit) places an edit the two texts alone leave open (see `textChange`).
 */
export function moveSpans(spans: readonly StyleSpan[], oldText: string, newText: string, caret?: number): StyleSpan[] {
  if (oldText === newText) return normalise(spans);
  const { start: a, end: b, inserted } = textChange(oldText, newText, caret);
  const delta = inserted.length - (b - a);
  const out: StyleSpan[] = [];
  for (const s of spans) {
    if (s.end < a) out.push(s);
    else if (s.end === a) out.push(a === b ? { ...s, end: a + inserted.length } : s);
    else if (s.start >= b) out.push({ ...s, start: s.start + delta, end: s.end + delta });
    else if (a >= s.start && b <= s.end) out.push({ ...s, end: s.end + delta });
    else if (a <= s.start && b >= s.end) continue;
    else if (a < s.start) out.push({ ...s, start: a + inserted.length, end: s.end + delta });
    else out.push({ ...s, end: a });
  }
  return normalise(out);
}

/**
 * The style the toolbar shows as pressed for a selection (COMP-9): the style covering the whole
 * selection, if one does; for a caret (an empty selection), the style of the character before it, the
 * style typing goes on in.
 */
export function selectionStyle(spans: readonly StyleSpan[], start: number, end: number): TextStyle | undefined {
  const [from, to] = start <= end ? [start, end] : [end, start];
  if (from === to) return from === 0 ? undefined : styleAt(spans, from - 1);
  return spans.find((s) => s.start <= from && s.end >= to)?.style;
}

/** A stretch of text with one look: its style, if any, and the index of the field it is in, if any. */
export interface TextRun {
  readonly start: number;
  readonly end: number;
  readonly style?: TextStyle;
  readonly field?: number;
}

/**
 * Cuts `[0, length)` into runs wherever a style span or a field (a template's replaceable range)
 * starts or ends, so the composer can draw styles and fields over the text (COMP-7, COMP-9). Runs
 * cover the whole text, in order; a field of zero length gives an empty run where it sits, so an
 * emptied field still shows.
 */
export function textRuns(
  length: number,
  spans: readonly StyleSpan[],
  fields: readonly { readonly start: number; readonly end: number }[] = [],
): TextRun[] {
  const clamp = (n: number) => Math.max(0, Math.min(length, n));
  const cuts = new Set<number>([0, length]);
  for (const s of spans) [s.start, s.end].forEach((n) => cuts.add(clamp(n)));
  for (const f of fields) [f.start, f.end].forEach((n) => cuts.add(clamp(n)));
  const points = [...cuts].sort((x, y) => x - y);
  const runs: TextRun[] = [];
  const lookAt = (start: number, end: number): Omit<TextRun, 'start' | 'end'> => {
    const style = spans.find((s) => s.start <= start && s.end >= end && s.end > s.start)?.style;
    const field = fields.findIndex((f) => f.start <= start && f.end >= end);
    return { ...(style ? { style } : {}), ...(field >= 0 ? { field } : {}) };
  };
  fields.forEach((f, field) => {
    if (f.start === f.end) runs.push({ start: clamp(f.start), end: clamp(f.start), field });
  });
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end > start) runs.push({ start, end, ...lookAt(start, end) });
  }
  return runs.sort((x, y) => x.start - y.start || x.end - y.end);
}
