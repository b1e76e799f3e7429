import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { updateWhenLocaleChanges } from '@lit/localize';
import { shortcutsContext, storeContext } from '../../context/contexts.js';
import type { ShortcutRegistry } from '../../context/shortcuts.js';
import { StoreController, type Selector } from '../../context/store-controller.js';
import type { DcStore } from '../../store/store.js';
import { base } from '../../styles/tokens.js';

/**
 * The thin base of every kit element: it finds the store (a `store` property wins; else the nearest
 * `<dc-provider>` through context, shadow roots included), re-renders on a language switch, and adopts
 * the shared tokens. Behaviour lives in controllers.
 */
export class DcElement extends LitElement {
  static override styles = [base];

  /** A store to use without a `<dc-provider>` around the element (EMBED-1). */
  @property({ attribute: false }) store?: DcStore;

  #storeConsumer = new ContextConsumer(this, { context: storeContext, subscribe: true });
  #shortcutConsumer = new ContextConsumer(this, { context: shortcutsContext, subscribe: true });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The store in use: the `store` property, else the provider's. */
  get activeStore(): DcStore | undefined {
    return this.store ?? this.#storeConsumer.value;
  }

  /** The provider's shortcut registry, if any. */
  get shortcuts(): ShortcutRegistry | undefined {
    return this.#shortcutConsumer.value;
  }

  /**
   * Turns on the custom states in `on` (`:host(:state(partial))`, `dc-state-picker:state(partial)`)
   * and off the others of `all`. Skipped where the browser has no custom states.
   */
  protected setCustomStates(internals: ElementInternals, all: readonly string[], on: readonly (string | undefined)[]): void {
    const states = internals.states;
    if (!states) return;
    for (const name of all) {
      if (on.includes(name)) states.add(name);
      else states.delete(name);
    }
  }

  /** A slice of the store's state; the element re-renders when (and only when) it changes. */
  protected select<T>(selector: Selector<T>, equals?: (a: T, b: T) => boolean): StoreController<T> {
    return new StoreController(this, selector, equals);
  }
}
