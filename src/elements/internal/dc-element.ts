import { ContextConsumer } from '@lit/context';
import { property } from 'lit/decorators.js';
import { shortcutsContext, storeContext } from '../../context/contexts.js';
import type { ShortcutRegistry } from '../../context/shortcuts.js';
import { StoreController, type Selector } from '../../context/store-controller.js';
import { intend, type DcIntentEvent } from '../../events/events.js';
import type { DcStoreApi } from '../../store/api.js';
import { DcBaseElement } from './base.js';

/**
 * The base of every kit element that shows the store: it finds the store (a `store` property wins; else
 * the nearest `<dc-provider>` through context, shadow roots included) and its shortcut registry, selects
 * slices of state, and asks the host before acting on an intent. Behaviour lives in controllers.
 */
export class DcElement extends DcBaseElement {
  /**
   * A store to use without a `<dc-provider>` around the element (EMBED-1): a provider's `store` (or
   * its `store.api`).
   */
  @property({ attribute: false }) store?: DcStoreApi;

  #storeConsumer = new ContextConsumer(this, { context: storeContext, subscribe: true });
  #shortcutConsumer = new ContextConsumer(this, { context: shortcutsContext, subscribe: true });

  /** The store in use: the `store` property, else the provider's. */
  get activeStore(): DcStoreApi | undefined {
    return this.store ?? this.#storeConsumer.value;
  }

  /** The provider's shortcut registry, if any. */
  get shortcuts(): ShortcutRegistry | undefined {
    return this.#shortcutConsumer.value;
  }

  /** A slice of the store's state; the element re-renders when (and only when) it changes. */
  protected select<T>(selector: Selector<T>, equals?: (a: T, b: T) => boolean): StoreController<T> {
    return new StoreController(this, selector, equals);
  }

  /**
   * An agent's intent: fires the cancelable `dc-before-…` event on this element (a host may veto or
   * change it), then acts on its detail. Returns whether it acted.
   */
  protected intend<D extends object>(event: DcIntentEvent<D>, act: (detail: D) => void): boolean {
    return intend(this, event, act);
  }
}
