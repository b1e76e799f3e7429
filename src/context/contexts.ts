import { ContextRoot, createContext } from '@lit/context';
import type { DcStoreApi } from '../store/api.js';
import type { ShortcutRegistry } from './shortcuts.js';

export { localeContext } from '../i18n/localization.js';

/**
 * What a `<dc-provider>` gives to every kit element inside it (through shadow roots too): its store's
 * selectors and intents (never the store itself, nor its backend). The keys are strings, not symbols,
 * so that two builds of the kit on one page still find each other.
 */
export const storeContext = createContext<DcStoreApi | undefined>('dc-widgets/store');
export const shortcutsContext = createContext<ShortcutRegistry | undefined>('dc-widgets/shortcuts');

/**
 * A consumer that asks before its provider is defined never hears back unless a ContextRoot holds the
 * request and replays it when the provider appears. One per document, attached on first import.
 */
const ROOT_FLAG = Symbol.for('dc-widgets/context-root');
const doc = globalThis.document as (Document & { [ROOT_FLAG]?: boolean }) | undefined;
if (doc && !doc[ROOT_FLAG]) {
  doc[ROOT_FLAG] = true;
  new ContextRoot().attach(doc.documentElement);
}
