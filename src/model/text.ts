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
