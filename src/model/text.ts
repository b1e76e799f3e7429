/**
 * Text that comes from configuration (reason labels, media labels, queue names). A host may give one
 * string for every language or a string per locale; `pickText` chooses the best match for a locale.
 */
export type LocalizedText = string | Readonly<Record<string, string>>;

/** Picks `text` for `locale` ("fr-CA" falls back to "fr", then to "en", then to any translation). */
export function pickText(text: LocalizedText | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const base = locale.split('-')[0]!;
  return text[locale] ?? text[base] ?? text['en'] ?? Object.values(text)[0] ?? '';
}

export function isLocalizedText(value: unknown): value is LocalizedText {
  if (typeof value === 'string') return true;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.values(value as Record<string, unknown>);
  return entries.length > 0 && entries.every((v) => typeof v === 'string');
}

/**
 * Explicit directional formatting characters: embeddings and overrides (U+202A–U+202E) and isolates
 * (U+2066–U+2069). The marks (LRM, RLM, ALM) only nudge neutral characters and stay.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text from outside the kit (a customer's name, a file's name, a queue) as the kit shows it
 * (HOSTILE-17): without the characters that reorder it, so that "photo\u202Egpj.exe" shows as what it
 * is, "photogpj.exe", not as "photoexe.jpg". Right-to-left names need none of them: the browser orders
 * Arabic or Hebrew letters by itself. Shown in an isolated element (`<bdi>`, `unicode-bidi: isolate`),
 * it cannot reorder what is around it either.
 */
export function shownText(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Letters written right to left, and the right-to-left marks (RLM, ALM). */
const RIGHT_TO_LEFT =
  /[\u200F\u061C\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\p{Script=Mende_Kikakui}]/u;

/**
 * Text from outside the kit inside a sentence (a notification, an announcement, a label): shown as
 * {@link shownText} and, when it holds right-to-left letters, between FIRST STRONG ISOLATE and POP
 * DIRECTIONAL ISOLATE, so that a right-to-left name takes its own direction without moving the words
 * of the sentence around it. Left-to-right text in the kit's left-to-right sentences needs no more.
 */
export function isolated(text: string): string {
  const shown = shownText(text);
  return RIGHT_TO_LEFT.test(shown) ? `\u2068${shown}\u2069` : shown;
}
