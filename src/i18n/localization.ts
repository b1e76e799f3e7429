import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';

export type DcLocale = typeof sourceLocale | (typeof targetLocales)[number];
export const LOCALES: readonly DcLocale[] = [sourceLocale, ...targetLocales];

const LOADERS = {
  fr: () => import('./locales/fr.js'),
} satisfies Record<(typeof targetLocales)[number], () => Promise<unknown>>;

/**
 * @lit/localize in runtime mode: English is built in; French loads on demand (it is bundled with the
 * kit, never fetched from elsewhere). One locale per page: @lit/localize is configured once per page,
 * so every provider on a page shares it (the last one to ask wins).
 */
const { getLocale, setLocale: setLitLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  // One static import per locale, so that dev servers and bundlers see (and ship) each catalogue.
  loadLocale: (locale) => LOADERS[locale as (typeof targetLocales)[number]](),
});

export { getLocale };

/**
 * The kit's locale for a list of preferences, best first (a provider's `lang`, the document's `lang`,
 * the browser's languages): the first one whose language the kit speaks, else English.
 */
export function resolveLocale(preferences: readonly (string | null | undefined)[]): DcLocale {
  for (const preference of preferences) {
    if (!preference) continue;
    const base = preference.toLowerCase().split(/[-_]/)[0] as DcLocale;
    if (LOCALES.includes(base)) return base;
  }
  return sourceLocale;
}

/**
 * Switches the whole page's kit elements to `locale`; they re-render when its strings are loaded. The
 * last call wins, even while an earlier locale is still loading.
 */
export function setLocale(locale: DcLocale): Promise<void> {
  return setLitLocale(locale);
}
