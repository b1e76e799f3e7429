/**
 * Quoted history in emails (MAIL-2): where the new part of an email ends and the history it quotes
 * begins, the way real mail clients write it, so the thread can fold the history behind an ellipsis.
 * Pure functions over text and data; the HTML side (the selectors) is applied by the email frame.
 *
 * Nothing is ever dropped: `body + quoted` is the text as received, and a quote that is not recognised
 * simply stays unfolded.
 */

/** The split of an email's plain text: what the sender wrote now, and the history it quotes (may be ''). */
export interface QuoteSplit {
  readonly body: string;
  readonly quoted: string;
}

/** A line that opens a quote by itself ("On … wrote:", "-----Original Message-----"…). */
const OPENERS: readonly RegExp[] = [
  // Gmail, Apple Mail, Thunderbird in English: "On Mon, 3 Jun 2024 at 10:02, Ana <ana@example.com> wrote:"
  /^\s*On\b.{4,300}\bwrote:\s*$/i,
  // The same in French: "Le lun. 3 juin 2024 à 10:02, Ana <ana@example.com> a écrit :"
  /^\s*Le\b.{4,300}\ba\s+écrit\s*:\s*$/i,
  // German, Spanish, Italian, Dutch as Gmail writes them.
  /^\s*Am\b.{4,300}\bschrieb.{0,80}:\s*$/i,
  /^\s*El\b.{4,300}\bescribió:\s*$/i,
  /^\s*Il\b.{4,300}\bha scritto:\s*$/i,
  /^\s*Op\b.{4,300}\bschreef.{0,80}:\s*$/i,
  // Outlook (desktop, older) and Lotus: "-----Original Message-----", "-----Message d'origine-----".
  /^\s*-{2,}\s*(?:Original Message|Message d['’]origine|Ursprüngliche Nachricht|Mensaje original|Forwarded message|Message transféré)\s*-{2,}\s*$/i,
  // Apple Mail's forward: "Begin forwarded message:", "Début du message réexpédié :".
  /^\s*(?:Begin forwarded message|Début du message réexpédié)\s*:\s*$/i,
];

/** Outlook / Office 365's header block: "From:" then, within the next lines, "Sent:"/"Date:" and "To:" or "Subject:". */
const HEADER_FROM = /^\s*\*?(?:From|De|Von|Da|Van)\s*\*?\s*:\s*\S/i;
const HEADER_NEXT = /^\s*\*?(?:Sent|Date|Envoyé|Gesendet|Enviado|Inviato|Verzonden|To|À|A|An|Para|Aan|Subject|Objet|Betreff|Asunto|Oggetto|Onderwerp|Cc)\s*\*?\s*:/i;
/** Outlook's rule before its header block: a line of underscores. */
const RULE = /^\s*_{8,}\s*$/;
/** A line of a `>` quote. */
const QUOTED_LINE = /^\s*>/;

/** Whether the line at `i` opens Outlook's header block: "From:" followed by two header lines within four. */
function opensHeaderBlock(lines: readonly string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i]!)) return false;
  let headers = 0;
  for (let j = i + 1; j < Math.min(lines.length, i + 6) && headers < 2; j++) {
    if (HEADER_NEXT.test(lines[j]!)) headers++;
  }
  return headers >= 2;
}

/** The index of the line where the quoted history starts, or -1. */
function quoteStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (OPENERS.some((re) => re.test(line))) return i;
    // Gmail wraps a long "On … wrote:" over two lines.
    if (i + 1 < lines.length && /^\s*(?:On|Le)\b/i.test(line) && OPENERS.slice(0, 2).some((re) => re.test(`${line} ${lines[i + 1]!}`))) {
      return i;
    }
    if (RULE.test(line) && i + 1 < lines.length && opensHeaderBlock(lines, i + 1)) return i;
    if (opensHeaderBlock(lines, i)) return i;
    // A run of "> " lines that lasts to the end (blank lines allowed), after something written.
    if (QUOTED_LINE.test(line) && lines.slice(i).every((l) => QUOTED_LINE.test(l) || l.trim() === '')) return i;
  }
  return -1;
}

/**
 * Splits an email's plain text into its new part and its quoted history (MAIL-2). When the whole email
 * is a quote (a forward with nothing added), nothing is folded: the body would be empty.
 */
export function splitQuotedText(text: string): QuoteSplit {
  const lines = text.split('\n');
  const start = quoteStart(lines);
  if (start <= 0) return { body: text, quoted: '' };
  const head = lines.slice(0, start).join('\n');
  if (head.trim() === '') return { body: text, quoted: '' };
  return { body: `${head}\n`, quoted: lines.slice(start).join('\n') };
}

/**
 * Where mail clients put the quoted history in HTML, first match wins (MAIL-2): Gmail's
 * `gmail_quote`, Outlook / Office 365's reply header (`divRplyFwdMsg`, `appendonsend`, the
 * `border-top` rule before "From:"), Apple Mail and Thunderbird's `blockquote type=cite` (with
 * Thunderbird's `moz-cite-prefix` line), Yahoo's `yahoo_quoted`, and a plain `blockquote` that ends
 * the email. The email frame folds the first matching element and everything after it.
 */
export const HTML_QUOTE_SELECTORS: readonly string[] = [
  '.gmail_quote',
  '#appendonsend',
  '#divRplyFwdMsg',
  'div[id*="divRplyFwdMsg" i]',
  '.moz-cite-prefix',
  'blockquote[type="cite" i]',
  '.yahoo_quoted',
  'div[style*="border-top:solid #E1E1E1" i]',
  'div[style*="border-top: solid #E1E1E1" i]',
  'div[style*="border-top:solid #B5C4DF" i]',
  'div[style*="border-top: solid #B5C4DF" i]',
];
