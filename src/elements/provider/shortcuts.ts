/**
 * The provider's keyboard shortcuts (SPEC KEY table): its shortcut registry, the state actions it runs
 * on its store whether or not a state picker is on the page, and its share of the page's keys. With
 * several kits on one page a key goes to the kit that holds the focus, else to the one marked
 * `primary`, else to the first (`attachKit` in src/context/shortcuts.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { attachKit, ShortcutRegistry, type PageKit } from '../../context/shortcuts.js';
import { DcBeforeAcceptEvent, DcBeforeStateChangeEvent, intend } from '../../events/events.js';
import type { StateScope, StateTarget } from '../../model/agent-state.js';
import { presentedOffers } from '../../model/tasks.js';
import type { DcStore } from '../../store/store.js';

type ShortcutHost = ReactiveControllerHost & HTMLElement & { readonly primary: boolean };

export class ProviderShortcuts implements ReactiveController, PageKit {
  #host: ShortcutHost;
  #registry?: ShortcutRegistry;
  #detach?: () => void;

  constructor(host: ShortcutHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The registry of the store in use (the last one, after the store is gone). */
  get registry(): ShortcutRegistry | undefined {
    return this.#registry;
  }

  get root(): Element {
    return this.#host;
  }

  get primary(): boolean {
    return this.#host.primary;
  }

  handle(event: KeyboardEvent): boolean {
    return this.#registry?.handle(event) ?? false;
  }

  /** A new store: a new registry with the configured keys, its state actions registered. */
  start(bindings: ConstructorParameters<typeof ShortcutRegistry>[0], store: DcStore): ShortcutRegistry {
    const registry = new ShortcutRegistry(bindings);
    this.#registerStateShortcuts(registry, store);
    this.#registry = registry;
    if (this.#host.isConnected) this.#listen();
    return registry;
  }

  /** The store is gone: no key acts until the next one. */
  stop(): void {
    this.#detach?.();
    this.#detach = undefined;
  }

  hostConnected(): void {
    if (this.#registry) this.#listen();
  }

  hostDisconnected(): void {
    this.stop();
  }

  #listen(): void {
    this.#detach?.();
    this.#detach = attachKit(this.#host.ownerDocument, this);
  }

  /**
   * The KEY table's state shortcuts act on the store whether or not a state picker is on the page. Each
   * asks the host first, as a click would (`dc-before-state-change`, `dc-before-accept`, on the provider).
   */
  #registerStateShortcuts(registry: ShortcutRegistry, store: DcStore): void {
    const host = this.#host;
    const state = (scope: StateScope, target: StateTarget) => () =>
      intend(host, new DcBeforeStateChangeEvent({ scope, target }), (d) => store.setState(scope, d.target));
    registry.register('state.ready-email', state('email', { availability: 'ready' }));
    registry.register('state.ready-chat-social', state('chat-social', { availability: 'ready' }));
    registry.register('state.not-ready-email', state('email', { availability: 'not-ready' }));
    registry.register('state.not-ready-chat-social', state('chat-social', { availability: 'not-ready' }));
    registry.register('state.ready-all', state('all', { availability: 'ready' }));
    registry.register('state.not-ready-all', state('all', { availability: 'not-ready' }));
    registry.register('offers.accept-all', () => {
      const offers = presentedOffers(store.config, store.state.media, Object.values(store.state.tasks), store.now());
      for (const offer of offers) {
        intend(host, new DcBeforeAcceptEvent({ taskId: offer.id, media: offer.media }), (d) => store.accept(d.taskId));
      }
    });
    // A task list on the page takes these over (it also moves focus); without one they still select.
    registry.register('tasks.next', () => store.selectAdjacent(1));
    registry.register('tasks.previous', () => store.selectAdjacent(-1));
  }
}
