import { LitElement } from 'lit';
import { LocaleController } from '../../context/locale.js';
import { inLocale, type DcLocale } from '../../i18n/localization.js';
import { base } from '../../styles/tokens.js';

/**
 * The root of every kit element: the shared tokens, the element's `ElementInternals` with its custom
 * states (`:state(partial)`), and its language — the provider's through context, so two kits in two
 * languages sit side by side on one page (see src/i18n/localization.ts). Every update (willUpdate,
 * render, updated) runs in that language; a handler that words something outside a render wraps it in
 * `inOwnLocale`.
 */
export class DcBaseElement extends LitElement {
  static override styles = [base];

  /** The element's internals: custom states, and ARIA where an element needs it. */
  protected readonly internals: ElementInternals = this.attachInternals();

  readonly #locale = new LocaleController(this);

  /** The locale the element renders in now. */
  get renderLocale(): DcLocale {
    return this.#locale.value;
  }

  protected override performUpdate(): void {
    inLocale(this.#locale.value, () => super.performUpdate());
  }

  /** Runs `fn` (a handler that words something) in the element's language. */
  protected inOwnLocale<T>(fn: () => T): T {
    return inLocale(this.#locale.value, fn);
  }

  /**
   * Turns on the custom states in `on` and off the others of `all` (`dc-state-picker:state(partial)`).
   * Skipped where the browser has no custom states.
   */
  protected setStates(all: readonly string[], on: readonly (string | false | null | undefined)[]): void {
    const states = this.internals.states;
    if (!states) return;
    for (const name of all) {
      if (on.includes(name)) states.add(name);
      else states.delete(name);
    }
  }
}
