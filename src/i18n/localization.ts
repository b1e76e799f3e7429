/**
 * The kit's own localisation: a language per kit, not per page.
 *
 * The strings are written with `msg('English', {id})` and `str` exactly as @lit/localize expects (its
 * extractor reads them, by the type brand on `msg`, into xliff/fr.xlf, and builds the French catalogue in
 * src/i18n/locales/), but the kit never calls @lit/localize's `configureLocalization`: that can run once
 * per page, so a host that localises its own Lit app with it would collide with the kit, and two kits in
 * two languages would override each other. Instead each `<dc-provider>` gives its locale to the elements
 * inside it through context (`localeContext`), and every kit element renders inside `inLocale(its
 * locale, …)`: `msg` reads the locale of the render under way, synchronously, from a module variable
 * that is set for the length of that render and restored after it. Rendering is synchronous, so two kits
 * in two languages on one page never see each other's locale.
 *
 * French is bundled with the kit (a lazy chunk in the ES-module build), loaded on first use; until it is
 * loaded a kit renders in English, never blank (a locale load never blocks the first render).
 */
import { createContext } from '@lit/context';
import { isStrTagged, joinStringsAndValues, type MsgFn, type MsgOptions, type TemplateLike, type TemplateMap } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';

export { str } from '@lit/localize';

export type DcLocale = typeof sourceLocale | (typeof targetLocales)[number];
export const LOCALES: readonly DcLocale[] = [sourceLocale, ...targetLocales];

/**
 * The locale of the nearest `<dc-provider>`, once its strings are loaded. The key is a string, not a
 * symbol, so that two builds of the kit on one page still find each other.
 */
export const localeContext = createContext<DcLocale>('dc-widgets/locale');

const LOADERS = {
  fr: () => import('./locales/fr.js'),
} satisfies Record<(typeof targetLocales)[number], () => Promise<{ templates: TemplateMap }>>;

const catalogues = new Map<DcLocale, TemplateMap>();
const loads = new Map<DcLocale, Promise<void>>();

/** The locale of the render under way (see `inLocale`); English outside any render. */
let current: DcLocale = sourceLocale;

/** The locale for elements outside any provider (presentational building blocks on their own). */
let pageDefault: DcLocale | undefined;
const defaultListeners = new Set<() => void>();

/**
 * The kit's `msg`: the template in the locale of the render under way. The same call signature and
 * type brand as @lit/localize's, so its extractor finds every string.
 */
export const msg = ((template: TemplateLike, options?: MsgOptions) => {
  const templates = current === sourceLocale ? undefined : catalogues.get(current);
  const localized = options?.id !== undefined ? templates?.[options.id] : undefined;
  if (localized !== undefined) {
    if (typeof localized === 'string') return localized;
    if (isStrTagged(localized) && typeof template !== 'string' && isStrTagged(template)) {
      // Translations hold `${n}` where the source has its n-th value: the order may differ.
      return joinStringsAndValues(localized.strings, template.values, localized.values as number[]);
    }
  }
  return typeof template !== 'string' && isStrTagged(template) ? joinStringsAndValues(template.strings, template.values) : template;
}) as MsgFn;

/** The locale `msg` and the kit's date and number formats use now. */
export function getLocale(): DcLocale {
  return current;
}

/** Runs `fn` (a render, or a handler that words something) in `locale`; nests and restores. */
export function inLocale<T>(locale: DcLocale, fn: () => T): T {
  const previous = current;
  current = locale;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** Whether `locale`'s strings are at hand (English always is). */
export function isLocaleLoaded(locale: DcLocale): boolean {
  return locale === sourceLocale || catalogues.has(locale);
}

/** Loads `locale`'s strings (once; later calls share the first load). Rejects when the chunk fails. */
export function loadLocale(locale: DcLocale): Promise<void> {
  if (isLocaleLoaded(locale)) return Promise.resolve();
  let load = loads.get(locale);
  if (!load) {
    load = LOADERS[locale as keyof typeof LOADERS]().then(
      (module) => void catalogues.set(locale, module.templates),
      (error: unknown) => {
        loads.delete(locale); // a later call tries again
        throw error;
      },
    );
    loads.set(locale, load);
  }
  return load;
}

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
 * The language of elements that sit under no `<dc-provider>` (the presentational building blocks on a
 * page or a story of their own). Elements under a provider always use the provider's. Resolves once the
 * strings are loaded and those elements re-render.
 */
export async function setDefaultLocale(locale: DcLocale | undefined): Promise<void> {
  if (locale) await loadLocale(locale);
  pageDefault = locale;
  for (const listener of [...defaultListeners]) listener();
}

/** The page default set with `setDefaultLocale`, if any. */
export function defaultLocale(): DcLocale | undefined {
  return pageDefault;
}

/** Hears `setDefaultLocale` (elements without a provider re-render). Returns the detacher. */
export function onDefaultLocaleChange(listener: () => void): () => void {
  defaultListeners.add(listener);
  return () => defaultListeners.delete(listener);
}
