import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import {
  defaultLocale,
  isLocaleLoaded,
  loadLocale,
  localeContext,
  onDefaultLocaleChange,
  resolveLocale,
  type DcLocale,
} from '../i18n/localization.js';

/** The `lang` of the nearest ancestor that has one, through shadow roots. */
function inheritedLang(node: Element): string | undefined {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element && current.hasAttribute('lang')) {
      const lang = current.getAttribute('lang');
      if (lang) return lang;
    }
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return undefined;
}

/**
 * The locale an element renders in: its `<dc-provider>`'s (through context), else — for an element under
 * no provider — the page default (`setDefaultLocale`), the nearest `lang` attribute, the browser's
 * languages. A locale whose strings are not loaded yet is loaded, and the element renders in English
 * meanwhile, then again once they are there.
 */
export class LocaleController implements ReactiveController {
  #host: ReactiveElement;
  #consumer: ContextConsumer<typeof localeContext, ReactiveElement>;
  #offDefault?: () => void;

  constructor(host: ReactiveElement) {
    this.#host = host;
    this.#consumer = new ContextConsumer(host, { context: localeContext, subscribe: true });
    host.addController(this);
  }

  /** The locale to render in now (always one whose strings are loaded). */
  get value(): DcLocale {
    const provided = this.#consumer.value;
    if (provided) return provided;
    const wanted =
      defaultLocale() ??
      resolveLocale([this.#host.isConnected ? inheritedLang(this.#host) : undefined, ...(globalThis.navigator?.languages ?? [])]);
    if (isLocaleLoaded(wanted)) return wanted;
    loadLocale(wanted).then(
      () => this.#host.requestUpdate(),
      () => undefined, // stays in English; the provider reports load failures
    );
    return 'en';
  }

  hostConnected(): void {
    this.#offDefault = onDefaultLocaleChange(() => {
      if (!this.#consumer.value) this.#host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#offDefault?.();
    this.#offDefault = undefined;
  }
}
