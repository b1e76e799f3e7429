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

export type Panel = 'templates' | 'emoji' | 'workflows';

/** Each panel's element. */
export const PANEL_TAGS = {
  templates: 'dc-template-picker',
  emoji: 'dc-emoji-panel',
  workflows: 'dc-workflow-dialog',
} as const satisfies Record<Panel, keyof HTMLElementTagNameMap>;

/** Static specifiers, so that bundlers split each panel into a chunk of its own. */
const IMPORTS: Readonly<Record<Panel, () => Promise<unknown>>> = {
  templates: () => import('../internal/template-picker.js'),
  emoji: () => import('../internal/emoji-panel.js'),
  workflows: () => import('../internal/workflow-dialog.js'),
};

/** Loads in flight or done, page-wide. */
const loads = new Map<Panel, Promise<void>>();

/** Whether the panel's element is defined (loaded here, or imported by the host itself). */
function defined(panel: Panel): boolean {
  return customElements.get(PANEL_TAGS[panel]) !== undefined;
}

/** Loads a panel's module, once per page (a failed load is forgotten). */
export function loadPanel(panel: Panel): Promise<void> {
  let loading = loads.get(panel);
  if (!loading) {
    loading = IMPORTS[panel]().then(
      () => undefined,
      (error: unknown) => {
        loads.delete(panel);
        throw error;
      },
    );
    loads.set(panel, loading);
  }
  return loading;
}

/** Where a panel's module is for one composer: on its way, there, or failed (the agent may retry). */
export type PanelStatus = 'loading' | 'ready' | 'failed';

/**
 * One composer's view of the panel modules: what it asked for and how that went. The host renders
 * again when a load settles; `settled` lets the host's `updateComplete` wait for loads in flight.
 */
export class PanelModules {
  #host: ReactiveControllerHost;
  #status = new Map<Panel, PanelStatus>();
  #pending = new Set<Promise<void>>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** The panel's status; undefined while this composer has not asked for it. */
  status(panel: Panel): PanelStatus | undefined {
    if (this.#status.get(panel) !== 'ready' && defined(panel)) this.#status.set(panel, 'ready');
    return this.#status.get(panel);
  }

  /** Starts loading the panel's module unless it is there or on its way; returns its status. */
  ensure(panel: Panel): PanelStatus {
    const status = this.status(panel);
    if (status === 'ready' || status === 'loading') return status;
    this.#status.set(panel, 'loading');
    const done = loadPanel(panel).then(
      () => void this.#status.set(panel, 'ready'),
      () => void this.#status.set(panel, 'failed'),
    );
    const tracked = done.finally(() => {
      this.#pending.delete(tracked);
      this.#host.requestUpdate();
    });
    this.#pending.add(tracked);
    this.#host.requestUpdate();
    return 'loading';
  }

  /** Resolves when every load this composer started has settled (loaded or failed); undefined when none is in flight. */
  get settled(): Promise<void> | undefined {
    return this.#pending.size ? Promise.all(this.#pending).then(() => undefined) : undefined;
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
