/**
 * The emoji data of the emoji panel (COMP-11), shipped with the kit: nothing is fetched from a CDN or
 * any other origin. The JSON files of emoji-picker-element-data are imported as modules, so every build
 * carries them (the library build in a chunk of its own per language, loaded on first use), and the
 * panel hands them to emoji-picker-element as a `data:` URL. The script-tag bundle, which cannot load a
 * chunk later, ships them as files beside itself (`dc-widgets-emoji/<lang>.json`) and hands the picker
 * their address. The
 * dev servers and Storybook give a JSON module's value; the kit's rollup builds give the JSON text
 * itself (rollup.config.mjs), so that the script-tag bundle parses nothing before the panel opens.
 *
 * Why a `data:` URL: the picker caches its data in IndexedDB. It fetches its `dataSource` with GET the
 * first time, and on later visits checks it with HEAD, then GET when no ETag comes back, comparing a
 * checksum of the data with the cached one. A `blob:` URL answers GET but fails HEAD (a network error)
 * and changes on every page; a `data:` URL answers both and stays the same from one visit to the next,
 * so the cache is filled once and refilled only when the data changes. The picker's `locale` names its
 * database (`emoji-picker-element-<locale>`): a name of the kit's own per language keeps it apart from
 * any other emoji picker on the host page.
 */
import type { I18n } from 'emoji-picker-element/shared.js';

/** The languages the emoji data comes in: French for French, English for everything else. */
export type EmojiLanguage = 'en' | 'fr';

/** What the panel gives the picker for one language. */
export interface EmojiSource {
  readonly language: EmojiLanguage;
  /** The data, as a `data:` URL. */
  readonly dataSource: string;
  /** The picker's `locale`: it names the picker's IndexedDB database. */
  readonly locale: string;
  /** The picker's own words in the language; undefined for English, the picker's default. */
  readonly i18n: I18n | undefined;
}

/** French data for a French locale ("fr", "fr-CA"), English data otherwise. */
export function emojiLanguage(locale: string): EmojiLanguage {
  return locale.toLowerCase().split(/[-_]/)[0] === 'fr' ? 'fr' : 'en';
}

// One static import per file, so that dev servers and bundlers see (and ship) each of them.
const DATA: Record<EmojiLanguage, () => Promise<{ default: unknown }>> = {
  en: () => import('emoji-picker-element-data/en/emojibase/data.json'),
  fr: () => import('emoji-picker-element-data/fr/cldr/data.json'),
};

const I18N: Record<EmojiLanguage, () => Promise<I18n | undefined>> = {
  en: async () => undefined,
  fr: async () => (await import('emoji-picker-element/i18n/fr.js')).default,
};

/**
 * JSON text as a `data:` URL. Only `%` (which the URL decodes) and `#` (which would start a fragment)
 * need escaping; the URL parser encodes the rest itself.
 */
export function jsonDataUrl(json: string): string {
  return `data:application/json;charset=utf-8,${json.replace(/%/g, '%25').replace(/#/g, '%23')}`;
}

/**
 * The picker's `dataSource` from a data module: the address of the file beside the script in the
 * script-tag bundle (`{url}`, see rollup.config.mjs), else a `data:` URL of the JSON text (the library
 * build gives the text; dev servers give the value).
 */
function dataSourceOf(data: unknown): string {
  if (typeof data === 'string') return jsonDataUrl(data);
  const url = (data as { url?: unknown } | null)?.url;
  if (!Array.isArray(data) && typeof url === 'string') return url;
  return jsonDataUrl(JSON.stringify(data));
}

const sources = new Map<EmojiLanguage, Promise<EmojiSource>>();

/**
 * The emoji data and the picker's words for a locale, loaded once per page and language. A failed load
 * is forgotten, so that asking again tries again.
 */
export function loadEmojiSource(locale: string): Promise<EmojiSource> {
  const language = emojiLanguage(locale);
  let source = sources.get(language);
  if (!source) {
    source = Promise.all([DATA[language](), I18N[language]()]).then(([data, i18n]) => ({
      language,
      dataSource: dataSourceOf(data.default),
      locale: `dc-widgets-${language}`,
      i18n,
    }));
    sources.set(language, source);
    source.catch(() => sources.delete(language));
  }
  return source;
}
