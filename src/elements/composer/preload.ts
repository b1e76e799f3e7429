/**
 * HOSTILE-31: the emoji panel, the picker and a language's data (some 85 kB gzip, and seconds through a
 * development server) are fetched ahead, when the browser is next idle after a kit on the page signs in
 * with a channel that offers emoji, so that the panel's first opening only draws. Loaded itself on the
 * first change of agent state (lazy.ts), so none of it is in what a page loads up front.
 */
import type { DcAgentStateChangeEvent } from '../../events/events.js';
import type { DcConfig } from '../../model/config.js';
import { loadPanel } from './lazy.js';

/** Runs `fn` when the browser is next idle; where it cannot say (Safari has no requestIdleCallback), soon. */
function whenIdle(fn: () => void): void {
  if (typeof globalThis.requestIdleCallback === 'function') globalThis.requestIdleCallback(() => fn(), { timeout: 5000 });
  else setTimeout(fn, 1000);
}

/** The languages whose emoji are fetched or on their way, page-wide. */
const fetching = new Set<string>();

/**
 * Fetches the emoji panel's module, the picker and the data of `locale` when the browser is next idle,
 * once per page and language. A failure is forgotten (a later sign-in or composer tries again); the
 * first opening then loads them as it always did.
 */
export function preloadEmoji(locale: string): void {
  if (fetching.has(locale)) return;
  fetching.add(locale);
  whenIdle(() => {
    loadPanel('emoji')
      .then(() => import('../internal/emoji-panel.js'))
      .then((panel) => panel.preloadEmoji(locale))
      .catch(() => fetching.delete(locale));
  });
}

/** What is read of the provider that announced a change of agent state. */
interface ProviderView {
  readonly resolvedConfig?: DcConfig | undefined;
  readonly locale?: string;
}

/**
 * A kit's agent state changed (`provider` fired `dc-agent-state-change` with `media`): once one of its
 * media that offer emoji is signed in, they are fetched ahead in its language.
 */
export function afterAgentStateChange(provider: EventTarget | undefined, media: DcAgentStateChangeEvent['detail']['media'] | undefined): void {
  const view = provider as ProviderView | undefined;
  const config = view?.resolvedConfig;
  if (!config || !media || !view.locale) return;
  if (config.media.some((m) => m.options.includes('emoji') && Object.hasOwn(media, m.id) && media[m.id]?.signIn === 'signed-in')) {
    preloadEmoji(view.locale);
  }
}
