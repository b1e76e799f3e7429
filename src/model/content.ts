/**
 * What a file is (HOSTILE-20): the format its name says, the one its declared type says, and the one its
 * first bytes say (signatures, "magic bytes", and markup), which must not disagree before it is sent.
 * Pure functions over plain data. A module of its own, apart from `attachments.ts`, because only
 * attaching a file needs it: the store loads it then, and a page that never attaches never pays for it.
 */
import type { AttachmentFile, FileInspection } from './attachments.js';

/** How many of a file's first bytes the content check reads (a PDF's header may sit anywhere in its first 1,024). */
export const SNIFF_BYTES = 1024;

/** The formats the kit recognises, by their signatures ("magic bytes") or as text. */
export type ContentFormat =
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'webp'
  /** ZIP, and what is built on it: Office Open XML (.docx, .xlsx, .pptx) and OpenDocument (.odt…). */
  | 'zip'
  /** OLE compound files: Office 97–2003 (.doc, .xls, .ppt). */
  | 'ole'
  | 'rtf'
  | 'html'
  | 'xml'
  | 'svg'
  /** Windows, Linux and macOS programs, and scripts that start with `#!`. */
  | 'executable'
  /** No binary bytes, and nothing above: plain text, CSV, JSON… */
  | 'text'
  /** Binary bytes the kit does not recognise. */
  | 'unknown';

interface FormatInfo {
  /** Extensions (lower case, with the dot) and the type each is sent as. */
  readonly extensions: Readonly<Record<string, string>>;
  /** Declared types that say this format (lower case): exact, or a prefix ending in `*`. */
  readonly types: readonly string[];
  /** What a file of this format may hold besides its own format, text and unrecognised bytes. */
  readonly holds: readonly ContentFormat[];
}

const MARKUP: readonly ContentFormat[] = ['html', 'xml', 'svg'];
const OOXML = 'application/vnd.openxmlformats-officedocument.';
const ODF = 'application/vnd.oasis.opendocument.';

const FORMATS: Readonly<Record<Exclude<ContentFormat, 'unknown'>, FormatInfo>> = {
  pdf: { extensions: { '.pdf': 'application/pdf' }, types: ['application/pdf', 'application/x-pdf'], holds: [] },
  png: { extensions: { '.png': 'image/png' }, types: ['image/png'], holds: [] },
  jpeg: {
    extensions: { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.jpe': 'image/jpeg', '.jfif': 'image/jpeg' },
    types: ['image/jpeg', 'image/jpg', 'image/pjpeg'],
    holds: [],
  },
  gif: { extensions: { '.gif': 'image/gif' }, types: ['image/gif'], holds: [] },
  webp: { extensions: { '.webp': 'image/webp' }, types: ['image/webp'], holds: [] },
  zip: {
    extensions: {
      '.zip': 'application/zip',
      '.docx': `${OOXML}wordprocessingml.document`,
      '.xlsx': `${OOXML}spreadsheetml.sheet`,
      '.pptx': `${OOXML}presentationml.presentation`,
      '.odt': `${ODF}text`,
      '.ods': `${ODF}spreadsheet`,
      '.odp': `${ODF}presentation`,
    },
    types: ['application/zip', 'application/x-zip-compressed', `${OOXML}*`, `${ODF}*`],
    // A password-protected Office Open XML file is an OLE container.
    holds: ['ole'],
  },
  ole: {
    extensions: { '.doc': 'application/msword', '.xls': 'application/vnd.ms-excel', '.ppt': 'application/vnd.ms-powerpoint' },
    types: ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'],
    // Word has long saved RTF under .doc.
    holds: ['rtf'],
  },
  rtf: { extensions: { '.rtf': 'application/rtf' }, types: ['application/rtf', 'text/rtf'], holds: [] },
  html: { extensions: { '.html': 'text/html', '.htm': 'text/html', '.xhtml': 'application/xhtml+xml' }, types: ['text/html', 'application/xhtml+xml'], holds: MARKUP },
  xml: { extensions: { '.xml': 'application/xml' }, types: ['application/xml', 'text/xml'], holds: MARKUP },
  svg: { extensions: { '.svg': 'image/svg+xml' }, types: ['image/svg+xml'], holds: MARKUP },
  executable: {
    extensions: { '.exe': 'application/x-msdownload', '.dll': 'application/x-msdownload', '.com': 'application/x-msdownload', '.scr': 'application/x-msdownload' },
    types: ['application/x-msdownload', 'application/x-dosexec', 'application/vnd.microsoft.portable-executable', 'application/x-executable', 'application/x-sharedlib', 'application/x-mach-binary'],
    holds: [],
  },
  text: {
    extensions: { '.txt': 'text/plain', '.csv': 'text/csv', '.tsv': 'text/tab-separated-values', '.log': 'text/plain', '.md': 'text/markdown', '.json': 'application/json' },
    types: ['text/plain', 'text/csv', 'text/x-csv', 'application/csv', 'text/tab-separated-values', 'text/markdown', 'application/json'],
    holds: MARKUP,
  },
};

/** Declared types that say nothing of the format: some systems give them to any file. */
const VAGUE_TYPES = new Set(['', 'application/octet-stream', 'application/unknown', 'binary/octet-stream']);

/** A name's extension, lower case with its dot; '' when it has none. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot).toLowerCase() : '';
}

/** The format a file's name says, if the kit knows its extension. */
export function formatOfName(name: string): Exclude<ContentFormat, 'unknown'> | undefined {
  const ext = extensionOf(name);
  if (!ext) return undefined;
  for (const [format, info] of Object.entries(FORMATS)) if (Object.hasOwn(info.extensions, ext)) return format as Exclude<ContentFormat, 'unknown'>;
  return undefined;
}

/** The format a declared type says, if the kit knows it (a vague type says none). */
export function formatOfType(type: string): Exclude<ContentFormat, 'unknown'> | undefined {
  const t = type.trim().toLowerCase().split(';')[0]!.trim();
  if (VAGUE_TYPES.has(t)) return undefined;
  for (const [format, info] of Object.entries(FORMATS)) {
    if (info.types.some((k) => (k.endsWith('*') ? t.startsWith(k.slice(0, -1)) : t === k))) return format as Exclude<ContentFormat, 'unknown'>;
  }
  return undefined;
}

/**
 * Windows gives a `.csv` the type of Excel, the program that opens it: that is the name's own
 * format, not a disagreement.
 */
const ALIASES: readonly (readonly [string, string])[] = [['.csv', 'application/vnd.ms-excel']];

const ascii = (head: Uint8Array, at: number, text: string) => {
  if (head.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (head[at + i] !== text.charCodeAt(i)) return false;
  return true;
};
const bytes = (head: Uint8Array, at: number, list: readonly number[]) => list.every((b, i) => head[at + i] === b);

/** The tags whose first appearance makes text HTML (the WHATWG MIME Sniffing standard's list). */
const HTML_TAGS = ['!doctype html', 'html', 'head', 'script', 'iframe', 'h1', 'div', 'font', 'table', 'a', 'style', 'title', 'b', 'body', 'br', 'p', '!--'];

/** The sniffing standard's binary bytes: text never holds them. */
const isBinaryByte = (b: number) => b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f);

/**
 * What a file's first bytes say it is: a signature at its start (PDF, PNG, JPEG, GIF, WebP, ZIP, OLE,
 * RTF, a program), markup (HTML by the sniffing standard's rule, XML, SVG), text when no byte is
 * binary, else `unknown`. Reads at most {@link SNIFF_BYTES}; never throws.
 */
export function sniffContent(head: Uint8Array): ContentFormat {
  const h = head.subarray(0, SNIFF_BYTES);
  if (ascii(h, 0, '%PDF-')) return 'pdf';
  if (bytes(h, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (bytes(h, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(h, 0, 'GIF87a') || ascii(h, 0, 'GIF89a')) return 'gif';
  if (ascii(h, 0, 'RIFF') && ascii(h, 8, 'WEBP')) return 'webp';
  if (ascii(h, 0, 'PK') && (bytes(h, 2, [3, 4]) || bytes(h, 2, [5, 6]) || bytes(h, 2, [7, 8]))) return 'zip';
  if (bytes(h, 0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (ascii(h, 0, '{\\rtf')) return 'rtf';
  if (
    ascii(h, 0, 'MZ') ||
    bytes(h, 0, [0x7f, 0x45, 0x4c, 0x46]) ||
    [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]].some((m) => bytes(h, 0, m)) ||
    ascii(h, 0, '#!')
  ) {
    return 'executable';
  }
  // Readers accept a PDF header anywhere in the first 1,024 bytes.
  for (let i = 1; i + 5 <= h.length; i++) if (ascii(h, i, '%PDF-')) return 'pdf';
  // UTF-16 text starts with its byte order mark, and holds zero bytes.
  if (bytes(h, 0, [0xfe, 0xff]) || bytes(h, 0, [0xff, 0xfe])) return 'text';
  let start = bytes(h, 0, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (start < h.length && [0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(h[start]!)) start++;
  const lower = (at: number, n: number) => String.fromCharCode(...h.subarray(at, at + n)).toLowerCase();
  if (h[start] === 0x3c) {
    for (const tag of HTML_TAGS) {
      const after = h[start + 1 + tag.length];
      if (lower(start + 1, tag.length) === tag && (after === 0x20 || after === 0x3e || (tag === '!--' && after !== undefined))) return 'html';
    }
    if (lower(start + 1, 3) === 'svg') return 'svg';
    if (lower(start + 1, 4) === '?xml') return /<svg[\s>]/.test(lower(start, h.length)) ? 'svg' : 'xml';
  }
  return h.some(isBinaryByte) ? 'unknown' : 'text';
}

/**
 * Whether a file is what it says (HOSTILE-20): its declared type must name the same format as its
 * name (`type-mismatch` otherwise: `report.pdf` declared `text/html`), and its first bytes, when
 * given, must not be those of another format than the name says, else the type
 * (`content-mismatch`: a `report.pdf` holding HTML, a `photo.png` holding a program). Text and bytes
 * the kit does not recognise claim no format, so they contradict nothing: a truncated or unusual file
 * is left to the allow-list, and what is refused is a file that is positively something else. A vague
 * type (`''`, `application/octet-stream`) says nothing; a name and a type the kit does not know are
 * left to the allow-list. Text formats may hold markup (a `.txt` of HTML is sent, and shown, as text).
 * Returns the refusal, or undefined when the file is what it says.
 */
export function checkContent(
  file: { readonly name: string; readonly type: string },
  head?: Uint8Array,
): { reason: 'type-mismatch' | 'content-mismatch'; claimed: ContentFormat; found: ContentFormat } | undefined {
  const named = formatOfName(file.name);
  const ext = extensionOf(file.name);
  const type = file.type.trim().toLowerCase();
  const aliased = ALIASES.some(([e, t]) => e === ext && t === type);
  const typed = aliased ? named : formatOfType(type);
  if (named && typed && named !== typed) return { reason: 'type-mismatch', claimed: named, found: typed };
  const claimed = named ?? typed;
  if (!claimed || head === undefined) return undefined;
  const found = sniffContent(head);
  if (found === 'text' || found === 'unknown' || found === claimed || FORMATS[claimed].holds.includes(found)) return undefined;
  return { reason: 'content-mismatch', claimed, found };
}

/**
 * The type a file is sent as: the type of its name's format when the kit knows the extension (so a
 * `.docx` the browser gave no type goes as a Word document, a `.csv` Windows calls Excel as CSV),
 * else its declared type, else, when its first bytes were read, the type of what they hold.
 */
export function attachmentType(file: AttachmentFile & { readonly head?: Uint8Array | null }): string {
  const named = formatOfName(file.name);
  if (named) return FORMATS[named].extensions[extensionOf(file.name)]!;
  const type = file.type.trim().toLowerCase();
  if (!VAGUE_TYPES.has(type)) return file.type;
  const found = file.head ? sniffContent(file.head) : 'unknown';
  return found === 'unknown' || found === 'text' ? file.type : Object.values(FORMATS[found].extensions)[0]!;
}

/**
 * A look at a file for `checkAttachments` (HOSTILE-20): refused when its first bytes could not be read
 * (`head` null) or it is not what it says ({@link checkContent}); otherwise the type it goes as.
 */
export function inspectFile(file: AttachmentFile & { readonly head?: Uint8Array | null }): FileInspection {
  const type = attachmentType(file);
  if (file.head === null) return { refusal: { reason: 'unreadable' }, type };
  const refusal = checkContent(file, file.head);
  return refusal ? { refusal, type } : { type };
}
