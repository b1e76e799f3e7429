/**
 * Outbound attachments: the limits on size, type and count checked before upload (COMP-4, MAIL-8), sizes
 * as people read them, and the PCI rule (MAIL-8) as a pure check for card numbers. Pure functions over
 * plain data; a browser `File` fits `AttachmentFile` as it is. What a file's first bytes say it is
 * (HOSTILE-20) is `content.ts`, a module of its own that the store loads with the first file attached.
 */
import type { ContentFormat } from './content.js';

/** What the checks need to know about a file: a browser `File` or a plain object. */
export interface AttachmentFile {
  readonly name: string;
  /** Bytes. */
  readonly size: number;
  /** MIME type; may be empty when the browser does not know it. */
  readonly type: string;
}

export interface AttachmentLimits {
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
  /** Most files on one message, counting those already attached. */
  readonly maxCount: number;
  /**
   * Types accepted, as in an `<input accept>`: MIME types (`application/pdf`), families (`image/*`) or
   * extensions (`.pdf`), case-insensitive. A file is accepted if its type or its name matches one. An
   * empty list accepts every type.
   */
  readonly accept: readonly string[];
}

/** 10 MB, 5 files, common office documents, PDF, text and raster images (SVG is left out: it may carry script). */
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxCount: 5,
  accept: [
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'application/pdf',
    'text/plain',
    'text/csv',
    '.png',
    '.jpg',
    '.jpeg',
    '.gif',
    '.webp',
    '.pdf',
    '.txt',
    '.csv',
    '.rtf',
    '.doc',
    '.docx',
    '.xls',
    '.xlsx',
    '.ppt',
    '.pptx',
    '.odt',
    '.ods',
    '.odp',
  ],
};

export type AttachmentRejection =
  | 'too-large'
  | 'forbidden-type'
  | 'too-many'
  | 'empty'
  | 'duplicate'
  /** The file's first bytes could not be read. */
  | 'unreadable'
  /** The content check could not be loaded (the network failed): the agent may attach it again. */
  | 'unchecked'
  /** The type the file declares is another format than its name says (`report.pdf`, `text/html`). */
  | 'type-mismatch'
  /** The content is another format than the name (or the type) says: `report.pdf` holding HTML. */
  | 'content-mismatch';

/** One refused file: why, and for a mismatch the formats that disagree. */
export interface AttachmentRefusal<T extends AttachmentFile> {
  readonly file: T;
  readonly reason: AttachmentRejection;
  /** What the name (else the type) says the file is (`type-mismatch`, `content-mismatch`). */
  readonly claimed?: ContentFormat;
  /** What the type says (`type-mismatch`) or the content is (`content-mismatch`). */
  readonly found?: ContentFormat;
}

export interface AttachmentCheck<T extends AttachmentFile> {
  /** The added files that passed, in the order given. */
  readonly accepted: readonly T[];
  /** The added files that did not, each with its reason, in the order given. */
  readonly rejected: readonly AttachmentRefusal<T>[];
  /** The message's attachments afterwards: every existing one, then the accepted ones. */
  readonly attachments: readonly T[];
}

/** Whether `file` matches the `accept` list (see `AttachmentLimits.accept`). */
export function isAcceptedType(file: AttachmentFile, accept: readonly string[]): boolean {
  if (accept.length === 0) return true;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return accept.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (entry.startsWith('.')) return name.endsWith(entry);
    if (entry.endsWith('/*')) return type !== '' && type.startsWith(entry.slice(0, -1));
    return type !== '' && type === entry;
  });
}

const sameFile = (a: AttachmentFile, b: AttachmentFile) => a.name === b.name && a.size === b.size;

/**
 * What a look at a file says (`inspectFile` in content.ts, HOSTILE-20): why it is refused, if it is,
 * and the type it is sent as.
 */
export interface FileInspection {
  readonly refusal?: {
    readonly reason: 'unreadable' | 'unchecked' | 'type-mismatch' | 'content-mismatch';
    readonly claimed?: ContentFormat;
    readonly found?: ContentFormat;
  };
  /** The type the file is sent as. */
  readonly type: string;
}

/**
 * Checks files the agent adds (dropped or browsed) against the limits, before anything is uploaded
 * (COMP-4, MAIL-8). Each added file is either accepted or rejected with one reason, tested in this
 * order: `empty` (0 bytes), `duplicate` (same name and size as one attached or added before it), what
 * `inspect` refuses (HOSTILE-20: a file that is not what its name says, or could not be read),
 * `forbidden-type` (its name, or the type `inspect` says it goes as, against `accept`), `too-large`,
 * then `too-many` (the message already holds `maxCount`: files are taken in order until it is full, and
 * a rejected file takes no place). Files already attached are never dropped, even if the limits have
 * since become stricter.
 */
export function checkAttachments<T extends AttachmentFile>(
  existing: readonly T[],
  added: readonly T[],
  limits: AttachmentLimits = DEFAULT_ATTACHMENT_LIMITS,
  inspect?: (file: T) => FileInspection,
): AttachmentCheck<T> {
  const accepted: T[] = [];
  const rejected: AttachmentRefusal<T>[] = [];
  for (const file of added) {
    const held = [...existing, ...accepted];
    let refusal: Omit<AttachmentRefusal<T>, 'file'> | undefined;
    if (file.size <= 0) refusal = { reason: 'empty' };
    else if (held.some((f) => sameFile(f, file))) refusal = { reason: 'duplicate' };
    else {
      const inspection = inspect?.(file);
      const type = inspection?.type ?? file.type;
      if (inspection?.refusal) refusal = inspection.refusal;
      else if (!isAcceptedType({ name: file.name, size: file.size, type }, limits.accept)) refusal = { reason: 'forbidden-type' };
      else if (file.size > limits.maxBytes) refusal = { reason: 'too-large' };
      else if (held.length >= limits.maxCount) refusal = { reason: 'too-many' };
    }
    if (refusal) rejected.push({ file, ...refusal });
    else accepted.push(file);
  }
  return { accepted, rejected, attachments: [...existing, ...accepted] };
}

const UNITS: Readonly<Record<string, readonly string[]>> = {
  en: ['B', 'KB', 'MB', 'GB'],
  fr: ['o', 'Ko', 'Mo', 'Go'],
};

/**
 * A size as people read it: "1.5 MB" in English, "1,5 Mo" in French (units of 1024, as file managers
 * on Windows show them and as `maxBytes` defaults are written). Bytes are whole; larger units keep at
 * most one decimal. A no-break space joins number and unit so they never wrap apart. Languages other
 * than French use the English units with their own number format.
 */
export function formatBytes(bytes: number, locale: string): string {
  const units = UNITS[locale.split('-')[0]!.toLowerCase()] ?? UNITS['en']!;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number}\u00a0${units[unit]}`;
}

// ---------------------------------------------------------------------------------------------------
// PCI (MAIL-8)

export type PciReason = 'card-number-in-name' | 'card-number-in-content';

export interface PciViolation {
  readonly reason: PciReason;
  /** The last four digits of the number found, to name it without repeating it. */
  readonly last4: string;
}

/** Luhn checksum over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Runs of digits joined by single spaces or dashes, not touching other digits. */
const DIGIT_RUN = /\d+(?:[ -]\d+)*/g;

/**
 * The first card number in `text`: 13 to 19 digits, written together or in groups separated by single
 * spaces or dashes, that pass the Luhn check and are not one digit repeated. Inside a longer run of
 * groups ("ref 12 4111 1111 1111 1111") every stretch of whole groups is tried; a run of digits with no
 * separator is only taken whole, so long references and timestamps are not cut into false positives.
 * Returns the digits, or `undefined`.
 */
export function findCardNumber(text: string): string | undefined {
  for (const match of text.matchAll(DIGIT_RUN)) {
    const groups = match[0].split(/[ -]/);
    for (let a = 0; a < groups.length; a++) {
      let digits = '';
      for (let b = a; b < groups.length; b++) {
        digits += groups[b];
        if (digits.length > 19) break;
        if (digits.length >= 13 && luhnValid(digits) && !/^(\d)\1*$/.test(digits)) return digits;
      }
    }
  }
  return undefined;
}

/** Outbound files whose content the kit reads for the PCI check: plain text types. */
export function isReadableText(file: AttachmentFile): boolean {
  const type = file.type.toLowerCase();
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    /\.(txt|csv|json|log|md|html?|xml)$/i.test(file.name)
  );
}

/**
 * The PCI rule of MAIL-8 as a pure check: whether a file name, or a text content, carries a payment
 * card number. It is a content check: the kit applies it to the names of all outbound attachments and
 * to the content of those it can read as text (`isReadableText`); binary formats (PDF, images, office
 * files) are checked by name only, and a server-side scanner remains the authority for them. Returns
 * the violation, or `undefined` when the file passes.
 */
export function pciCheck(file: { readonly name: string; readonly text?: string }): PciViolation | undefined {
  const inName = findCardNumber(file.name);
  if (inName) return { reason: 'card-number-in-name', last4: inName.slice(-4) };
  const inText = file.text === undefined ? undefined : findCardNumber(file.text);
  if (inText) return { reason: 'card-number-in-content', last4: inText.slice(-4) };
  return undefined;
}
