/**
 * The composer's panels load on first use (the bytes a page pays up front, DESIGN §8): the template
 * picker, the emoji panel and the workflow dialog are separate modules, imported with `import()` the
 * first time the agent opens one. A module once loaded stays for the page's life and serves every
 * composer; a failed load is forgotten, so Retry fetches it again (browsers retry a failed `import()`).
 *
 * The emoji panel is the heavy one (its picker and a language's data, some 85 kB gzip): it is fetched
 * ahead, when the browser is idle after a kit on the page signs in with a channel that offers emoji
 * (HOSTILE-31), so that its first opening only draws (preload.ts). Nothing of it is added to what loads
 * up front but the listener that starts it.
 */
import type { ReactiveControllerHost } from 'lit';
import { LazyParts, loadPart, type LazyPart } from '../internal/lazy-modules.js';

export type Panel = 'templates' | 'emoji' | 'workflows';

/** Each panel's element, and its module behind a static specifier (bundlers split it off). */
const PANELS: Readonly<Record<Panel, LazyPart>> = {
  templates: { tags: ['dc-template-picker'], load: () => import('../internal/template-picker.js') },
  emoji: { tags: ['dc-emoji-panel'], load: () => import('../internal/emoji-panel.js') },
  workflows: { tags: ['dc-workflow-dialog'], load: () => import('../internal/workflow-dialog.js') },
};

/** Loads a panel's module, once per page (a failed load is forgotten). */
export function loadPanel(panel: Panel): Promise<void> {
  return loadPart(PANELS[panel]);
}

/**
 * One composer's view of the panel modules: what it asked for and how that went (the kit's one
 * mechanism for parts loaded on first use, src/elements/internal/lazy-modules.ts).
 */
export class PanelModules extends LazyParts<Panel> {
  constructor(host: ReactiveControllerHost) {
    super(host, PANELS);
  }
}

/**
 * The composer's module, once on the page, listens for kits signing in (the provider's bubbling,
 * composed `dc-agent-state-change`); preload.ts decides whether to fetch the emoji ahead. Page-wide.
 */
export function preloadEmojiAfterSignIn(): void {
  if (typeof document === 'undefined') return;
  document.addEventListener('dc-agent-state-change', (event) => {
    // Read while the event is dispatched: afterwards it has no path.
    const provider = event.composedPath()[0];
    const media = event.detail?.media;
    void import('./preload.js').then(
      (preload) => preload.afterAgentStateChange(provider, media),
      () => undefined,
    );
  });
}
