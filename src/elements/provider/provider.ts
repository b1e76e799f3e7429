import { ContextProvider } from '@lit/context';
import {
  inLocale,
  isLocaleLoaded,
  loadLocale,
  localeContext,
  msg,
  resolveLocale,
  str,
  type DcLocale,
} from '../../i18n/localization.js';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Clock } from '../../backend/clock.js';
import { loadSimulator } from '../../backend/load-simulator.js';
import type { DcBackend } from '../../backend/types.js';
import { shortcutsContext, storeContext } from '../../context/contexts.js';
import type { ShortcutRegistry } from '../../context/shortcuts.js';
import {
  DcAgentStateChangeEvent,
  DcAttentionEvent,
  DcCanSignOutChangeEvent,
  DcConnectionChangeEvent,
  DcErrorEvent,
  DcVoiceEvent,
  DcNotificationEvent,
} from '../../events/events.js';
import { DcConfigError, resolveConfig, type DcConfig, type DcConfigInput } from '../../model/config.js';
import { aggregateLook, canSignOut } from '../../model/state-rules.js';
import { unreadCountsFrom } from '../../model/tasks.js';
import type { DcState } from '../../store/state.js';
import { defaultStorage } from '../../store/persist.js';
import type { BlobStore } from '../../store/blobs.js';
import { DcStore } from '../../store/store.js';
import { base, themeSwitch } from '../../styles/tokens.js';
import { ProviderShortcuts } from './shortcuts.js';

export type DcTheme = 'light' | 'dark' | 'auto';

/** TASK-5: the unread counts (model rule), with a key that changes when any of them does. */
function attention(state: DcState): { unread: number; tasks: Readonly<Record<string, number>>; key: string } {
  const { total, byTask } = unreadCountsFrom(Object.values(state.tasks), state.customerCounts, state.reads);
  return { unread: total, tasks: byTask, key: JSON.stringify(byTask) };
}

/** The backends a provider can be given by name (the `backend` attribute). */
export type DcBackendName = 'simulated';

/** Why a provider has no backend: none given, a name it does not know, or the simulator failed to load. */
type Missing = { readonly reason: 'none' } | { readonly reason: 'unknown' | 'failed'; readonly detail: string };

/**
 * Creates the kit's store and gives it, by context, to every kit element inside it.
 *
 * Without a backend it creates no store: it says "No contact centre connected", fires `dc-error`
 * (`source: 'backend'`), and the elements inside show that the channels are unavailable.
 * `backend="simulated"` loads the simulated contact centre on first use and says so on screen.
 *
 * @summary The root of a kit: configuration, backend, language, theme and keyboard shortcuts.
 *
 * @slot - The kit elements and any host markup around them.
 *
 * @fires dc-error - An invalid configuration, no backend (or one that failed to load), or a malformed
 *   backend event (reported, never thrown).
 * @fires dc-can-sign-out-change - SIGN-6: whether the agent may sign out of the desktop changed.
 * @fires dc-agent-state-change - The agent state changed; `detail.look` is the aggregate look.
 * @fires dc-connection-change - The connection was lost, is being restored, or is back.
 * @fires dc-notification - A notification was raised (a host may mirror it).
 * @fires dc-attention - TASK-5: the unread counts changed; a host shows a red dot on its navigation or tab.
 *
 * @csspart config-error - The message shown when the configuration is invalid.
 * @csspart no-backend - The message shown while the kit has no backend.
 * @csspart simulated-badge - "Simulated contact centre", shown while `backend="simulated"` is in use.
 */
@customElement('dc-provider')
export class DcProvider extends LitElement {
  static override styles = [
    base,
    themeSwitch,
    css`
      :host {
        display: contents;
      }
      .config-error {
        display: block;
        margin: 0 0 0.5rem;
        padding: 0.75rem 1rem;
        border: 1px solid var(--_dc-danger);
        border-radius: var(--_dc-radius);
        background: var(--_dc-danger-surface);
        color: var(--_dc-text);
      }
      .config-error code,
      .no-backend code {
        font-family: ui-monospace, monospace;
      }
      .no-backend {
        display: block;
        margin: 0 0 0.5rem;
        padding: 0.75rem 1rem;
        border: 1px solid var(--_dc-border);
        border-radius: var(--_dc-radius);
        background: var(--_dc-warning-surface);
        color: var(--_dc-text);
      }
      .no-backend p {
        margin: 0.25rem 0 0;
      }
      .simulated-badge {
        display: block;
        inline-size: fit-content;
        max-inline-size: 100%;
        box-sizing: border-box;
        margin: 0 0 0.5rem;
        padding: 0.125rem 0.625rem;
        border: 1px dashed var(--_dc-partial);
        border-radius: 999px;
        background: var(--_dc-warning-surface);
        color: var(--_dc-text);
        font-weight: 600;
        font-size: 0.875em;
      }
    `,
  ];

  /** The configuration (see the README's reference). Changing it recreates the store. */
  @property({ attribute: false }) config?: DcConfigInput;

  /**
   * The backend adapter: a `DcBackend` object, or the name `simulated` (also as the `backend`
   * attribute), which loads the simulated contact centre on first use. None: no store, and the kit
   * says that no contact centre is connected.
   */
  @property({ converter: { fromAttribute: (value: string | null) => value ?? undefined } })
  backend?: DcBackend | DcBackendName;

  /** Where state that survives a reload is kept (FAIL-3): localStorage by default; `null` for none. */
  @property({ attribute: false }) storage?: Storage | null;

  /** The clock the store schedules retries with (tests and stories pass a manual one). */
  @property({ attribute: false }) clock?: Clock;

  /**
   * Where attached files wait until they are sent (drafts and queued messages). Default: IndexedDB when
   * storage is the page's localStorage, memory otherwise.
   */
  @property({ attribute: false }) blobs?: BlobStore;

  /** Language: `en` or `fr`. Unset: the document's `lang`, else the browser's (never `lang=""`: no language). */
  @property({ reflect: true, converter: { toAttribute: (value: string) => value || null } }) override lang = '';

  /** `light`, `dark`, or `auto` (follows the operating system). */
  @property({ reflect: true }) theme: DcTheme = 'light';

  /**
   * The host says the agent is looking elsewhere (another gadget, another tab of the CRM): new messages
   * then raise notifications and count as unread, as when the page is hidden (TASK-5).
   */
  @property({ type: Boolean, reflect: true }) away = false;

  /** The host reports a voice call (TASK-4/6): timers of media with `pauseOnVoice` pause. */
  @property({ type: Boolean, reflect: true }) voice = false;

  /**
   * With several kits on one page: this one takes the page-wide shortcuts pressed while the focus is
   * in no kit (otherwise the first kit in the page does). A key pressed inside a kit is always its own.
   */
  @property({ type: Boolean, reflect: true }) primary = false;

  @state() private configError?: DcConfigError;
  /** Set while the kit has no backend (shown once the task that left it without one is over). */
  @state() private missing?: Missing;
  /** Whether the backend in use is the simulated contact centre this provider loaded itself. */
  @state() private simulated = false;

  #store?: DcStore;
  #ownedBackend?: DcBackend;
  /** Counts rebuilds, so that a simulator that loads after a newer rebuild is dropped. */
  #generation = 0;
  #missingTimer?: ReturnType<typeof setTimeout>;
  #resolved?: DcConfig;
  #storeProvider = new ContextProvider(this, { context: storeContext });
  /** The locale the kit renders in: the wanted one once its strings are loaded (English until then). */
  #localeProvider = new ContextProvider(this, { context: localeContext, initialValue: 'en' });
  #localeWanted?: DcLocale;
  #localeShown: Promise<void> = Promise.resolve();
  #localeDone?: () => void;
  #shortcutProvider = new ContextProvider(this, { context: shortcutsContext });
  #shortcuts = new ProviderShortcuts(this);
  #unsubscribe: (() => void)[] = [];
  #langObserver?: MutationObserver;
  #onVisibility = () => {
    const hidden = this.ownerDocument.visibilityState === 'hidden';
    this.#store?.setHidden('page', hidden);
    if (hidden) this.#store?.flush(); // the page may be closed or reloaded next
  };
  #onPageHide = () => this.#store?.flush();

  /**
   * The store this provider gives its elements: undefined without a backend, while the simulator
   * loads, and while the configuration is invalid.
   */
  get store(): DcStore | undefined {
    return this.#store;
  }

  /** The resolved configuration in use. */
  get resolvedConfig(): DcConfig | undefined {
    return this.#resolved;
  }

  /** The shortcut registry: remap keys or switch them off (`provider.shortcuts.enabled = false`). */
  get shortcuts(): ShortcutRegistry | undefined {
    return this.#shortcuts.registry;
  }

  /** The locale in use after resolution (provider `lang`, document, browser). */
  get locale(): DcLocale {
    return resolveLocale([this.lang, this.ownerDocument.documentElement.lang, ...navigator.languages]);
  }

  /** SIGN-6, for hosts: whether the agent may sign out of the desktop now. */
  get canSignOut(): boolean {
    return this.#store?.canSignOut ?? true;
  }

  constructor() {
    super();
    this.addEventListener(DcVoiceEvent.type, this.#onVoice);
  }

  /**
   * A host's `dc-voice` event (TASK-4/6): sets `voice`. Its detail comes from the host's code, so it is
   * read defensively: anything but `{ active: true | false }` is reported and changes nothing.
   */
  #onVoice = (event: Event) => {
    let active: unknown;
    try {
      const detail: unknown = (event as CustomEvent<unknown>).detail;
      active = detail !== null && typeof detail === 'object' ? (detail as { active?: unknown }).active : undefined;
    } catch (error) {
      active = error;
    }
    if (typeof active === 'boolean') {
      this.voice = active;
      return;
    }
    this.dispatchEvent(
      new DcErrorEvent({ source: 'host', message: 'A dc-voice event needs detail.active, true or false; the voice state is unchanged' }),
    );
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#langObserver = new MutationObserver(() => this.#applyLocale());
    this.#langObserver.observe(this.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.ownerDocument.addEventListener('visibilitychange', this.#onVisibility);
    this.ownerDocument.defaultView?.addEventListener('pagehide', this.#onPageHide);
    if (this.hasUpdated && !this.#store) this.#rebuild();
  }

  #reportVisibility(store: DcStore): void {
    store.setHidden('page', this.ownerDocument.visibilityState === 'hidden');
    store.setHidden('away', this.away);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langObserver?.disconnect();
    this.ownerDocument.removeEventListener('visibilitychange', this.#onVisibility);
    this.ownerDocument.defaultView?.removeEventListener('pagehide', this.#onPageHide);
    this.#teardown();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang') || !this.hasUpdated) this.#applyLocale();
    if (
      !this.hasUpdated ||
      changed.has('config') ||
      changed.has('backend') ||
      changed.has('storage') ||
      changed.has('clock')
    ) {
      this.#rebuild();
    }
    if (changed.has('away')) this.#store?.setHidden('away', this.away);
    if (changed.has('voice') && this.#store && this.#store.state.voice !== this.voice) this.#store.setVoice(this.voice);
  }

  /**
   * EMBED-5: this kit's language (its elements only; another kit on the page keeps its own). A locale
   * whose strings are not loaded yet is loaded first; the last one asked for wins.
   */
  #applyLocale(): void {
    const locale = this.locale;
    if (locale === this.#localeWanted) return;
    this.#localeWanted = locale;
    if (!this.#localeDone) this.#localeShown = new Promise((resolve) => (this.#localeDone = resolve));
    if (isLocaleLoaded(locale)) {
      this.#showLocale(locale);
      return;
    }
    loadLocale(locale).then(
      () => {
        if (this.#localeWanted === locale) this.#showLocale(locale);
      },
      (error: unknown) => {
        if (this.#localeWanted !== locale) return;
        this.#localeWanted = undefined; // asked again, tried again
        this.#settleLocale();
        // The strings stay in the language they were in; the host hears why.
        this.dispatchEvent(
          new DcErrorEvent({ source: 'locale', message: `The "${locale}" strings could not be loaded: ${String(error)}` }),
        );
      },
    );
  }

  #showLocale(locale: DcLocale): void {
    if (this.#localeProvider.value !== locale) {
      this.#localeProvider.setValue(locale);
      this.requestUpdate();
    }
    this.#settleLocale();
  }

  #settleLocale(): void {
    this.#localeDone?.();
    this.#localeDone = undefined;
  }

  /**
   * Resolves once the kit renders in the language asked for (its strings loaded and given to the
   * elements; they re-render on their next update). Also resolves when the strings failed to load.
   */
  get localeReady(): Promise<void> {
    if (this.isConnected) this.#applyLocale(); // a `lang` just set, before the update that would apply it
    return this.#localeShown;
  }

  /** The locale the kit renders in now (the wanted one once loaded). */
  get renderLocale(): DcLocale {
    return this.#localeProvider.value ?? 'en';
  }

  protected override performUpdate(): void {
    inLocale(this.renderLocale, () => super.performUpdate());
  }

  #rebuild(): void {
    let config: DcConfig;
    try {
      config = resolveConfig(this.config);
      this.configError = undefined;
    } catch (thrown) {
      // resolveConfig throws nothing else; should anything else still come out, it is reported alike.
      const error =
        thrown instanceof DcConfigError
          ? thrown
          : new DcConfigError([{ field: 'config', message: `could not be read (${thrown instanceof Error ? thrown.message : 'it threw'})` }]);
      this.configError = error;
      console.error(`[dc-widgets] ${error.message}`);
      this.dispatchEvent(new DcErrorEvent({ source: 'config', message: error.message, fields: error.fields }));
      return; // the previous valid configuration, if any, goes on working
    }
    this.#teardown();
    this.#resolved = config;
    const generation = ++this.#generation;
    const storage = this.storage === undefined ? defaultStorage() : this.storage;
    const backend = this.backend;
    if (backend !== undefined && backend !== null && typeof backend === 'object') {
      this.#start(config, storage, backend);
    } else if (backend === 'simulated') {
      loadSimulator().then(
        ({ SimulatedBackend, FOLLOWABLE_PACE }) => {
          if (generation !== this.#generation || !this.isConnected) return;
          const simulator = new SimulatedBackend({
            config,
            latencyMs: [150, 450],
            ...FOLLOWABLE_PACE,
            messagesPerMinute: 3,
            replyRate: 0.8,
            agentName: config.agent.name,
            botHistory: true,
            storage,
            storageKey: `${config.storageKey}:simulated-server`,
            ...(this.clock ? { clock: this.clock } : {}),
          });
          this.#ownedBackend = simulator;
          this.simulated = true;
          this.#start(config, storage, simulator);
        },
        (error: unknown) => {
          if (generation !== this.#generation) return;
          this.#noBackend({ reason: 'failed', detail: `The simulated contact centre could not be loaded: ${String(error)}` });
        },
      );
    } else if (backend === undefined || backend === null || (backend as unknown) === '') {
      this.#noBackend({ reason: 'none' });
    } else {
      this.#noBackend({ reason: 'unknown', detail: `Unknown backend ${JSON.stringify(String(backend))} (known: "simulated")` });
    }
  }

  /**
   * No store: the elements inside show that the channels are unavailable. A host that sets `backend`
   * just after the provider is created (in the same task) never sees this: the message and the
   * `dc-error` wait for that task to end.
   */
  #noBackend(missing: Missing): void {
    clearTimeout(this.#missingTimer);
    this.#missingTimer = setTimeout(() => {
      this.#missingTimer = undefined;
      this.missing = missing;
      const message =
        missing.reason === 'none'
          ? 'No contact centre connected: set the provider\'s backend (a DcBackend), or backend="simulated" to try the kit'
          : missing.detail;
      console.error(`[dc-widgets] ${message}`);
      this.dispatchEvent(new DcErrorEvent({ source: 'backend', message }));
    });
  }

  #start(config: DcConfig, storage: Storage | null, backend: DcBackend): void {
    let store: DcStore;
    try {
      store = new DcStore({
        config,
        backend,
        storage,
        ...(this.clock ? { clock: this.clock } : {}),
        ...(this.blobs ? { blobs: this.blobs } : {}),
      });
    } catch (error) {
      // Never expected (the store checks what it reads); the page is told rather than thrown at.
      this.#noBackend({ reason: 'failed', detail: `The kit could not start: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    this.#store = store;
    this.#reportVisibility(store);
    if (store.state.voice !== this.voice) store.setVoice(this.voice);
    this.#watch(store, config);
    const shortcuts = this.#shortcuts.start(config.shortcuts, store);
    this.#storeProvider.setValue(store.api);
    this.#shortcutProvider.setValue(shortcuts);
  }

  #teardown(): void {
    clearTimeout(this.#missingTimer);
    this.#missingTimer = undefined;
    this.missing = undefined;
    this.simulated = false;
    this.#generation += 1;
    this.#unsubscribe.forEach((off) => off());
    this.#unsubscribe = [];
    this.#shortcuts.stop();
    this.#store?.dispose();
    this.#store = undefined;
    this.#ownedBackend?.close();
    this.#ownedBackend = undefined;
  }

  #watch(store: DcStore, config: DcConfig): void {
    let couldSignOut = canSignOut(config, store.state.media);
    let lastAttention = attention(store.state);
    let attentionDue = false;
    this.#unsubscribe.push(
      store.onError((error) => this.dispatchEvent(new DcErrorEvent(error))),
      store.subscribe((next, previous) => {
        if (next.media !== previous.media) {
          this.dispatchEvent(new DcAgentStateChangeEvent({ look: aggregateLook(config, next.media), media: next.media }));
          const can = canSignOut(config, next.media);
          if (can !== couldSignOut) {
            couldSignOut = can;
            this.dispatchEvent(new DcCanSignOutChangeEvent(can));
          }
        }
        if (next.connection !== previous.connection) {
          this.dispatchEvent(new DcConnectionChangeEvent(next.connection));
        }
        if (next.messages !== previous.messages || next.reads !== previous.reads || next.tasks !== previous.tasks) {
          // Counted once per burst of changes (an Accept all of hundreds of offers is hundreds of
          // events back to back), not once per change: the count walks every task. A red dot a
          // moment later is no loss (in a hidden tab the browser may hold the timer up to a second).
          if (!attentionDue) {
            attentionDue = true;
            setTimeout(() => {
              attentionDue = false;
              if (this.store !== store) return;
              const now = attention(store.state);
              if (now.unread !== lastAttention.unread || now.key !== lastAttention.key) {
                lastAttention = now;
                this.dispatchEvent(new DcAttentionEvent({ unread: now.unread, tasks: now.tasks, away: !store.state.visible }));
              }
            }, 0);
          }
        }
        if (next.notifications !== previous.notifications) {
          const old = new Set(previous.notifications.map((n) => n.id));
          for (const n of next.notifications) if (!old.has(n.id)) this.dispatchEvent(new DcNotificationEvent(n));
        }
      }),
    );
  }

  protected override render() {
    const error = this.configError;
    return html`${error
        ? html`<div class="config-error" part="config-error" role="alert">
            <strong>${msg('The digital channels configuration is invalid.', { id: 'provider.config-invalid' })}</strong>
            ${this.#store
              ? msg('The previous configuration stays in use.', { id: 'provider.config-kept' })
              : msg('The channels stay unavailable until it is corrected.', { id: 'provider.config-unavailable' })}
            <br />${msg(str`Fields: ${error.fields.join(', ')}`, { id: 'provider.config-fields' })}
            <br /><code>${error.message}</code>
          </div>`
        : nothing}${this.missing && !error
        ? html`<div class="no-backend" part="no-backend" role="alert">
            <strong>${msg('No contact centre connected', { id: 'provider.no-backend' })}</strong>
            <p>${msg('The channels stay unavailable until the page connects one.', { id: 'provider.no-backend-detail' })}</p>
            ${this.missing.reason === 'none' ? nothing : html`<p><code>${this.missing.detail}</code></p>`}
          </div>`
        : nothing}${this.simulated
        ? html`<p class="simulated-badge" part="simulated-badge" role="note">
            ${msg('Simulated contact centre', { id: 'provider.simulated' })}
          </p>`
        : nothing}<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-provider': DcProvider;
  }
}
