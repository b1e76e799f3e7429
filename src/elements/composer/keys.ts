/**
 * The composer's keys (COMP-1 send, COMP-9 styles) from the provider's shortcut registry, so that a host
 * remaps them or switches them off like the KEY table's (`config.shortcuts`, `provider.shortcuts.remap`).
 * Unlike the KEY table they act only on key presses in the composer's own box: the shell passes its
 * box's keydown here, nothing listens on the page. Without a provider's registry (a store passed as a
 * property), the defaults apply.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ShortcutRegistry } from '../../context/shortcuts.js';
import { keyNames } from '../../i18n/labels.js';
import { getLocale } from '../../i18n/localization.js';
import type { MediaConfig } from '../../model/media.js';
import {
  DEFAULT_SHORTCUTS,
  composerShortcuts,
  sendShortcuts,
  type ComposerCommand,
  type ComposerShortcutAction,
} from '../../model/shortcuts.js';

let defaults: ShortcutRegistry | undefined;

/** Follows the host's registry (it may arrive later through context) and renders again when keys are remapped. */
export class ComposerKeys implements ReactiveController {
  #host: ReactiveControllerHost & { readonly shortcuts: ShortcutRegistry | undefined };
  #watched: ShortcutRegistry | undefined;
  #unwatch: (() => void) | undefined;
  /** The labels worked out since the keys last changed (they are rendered on every key press). */
  #labels = new Map<string, { shown: string | null; aria: string | null }>();
  #labelsOf: ShortcutRegistry | undefined;
  #version = 0;

  constructor(host: ReactiveControllerHost & { readonly shortcuts: ShortcutRegistry | undefined }) {
    this.#host = host;
    host.addController(this);
  }

  /** Changes whenever the keys do (another registry, a remapping): what a render that shows keys depends on. */
  get version(): number {
    const registry = this.registry;
    if (registry !== this.#labelsOf) this.#forget(registry);
    return this.#version;
  }

  /** The registry in use: the provider's, else one with the default keys. */
  get registry(): ShortcutRegistry {
    return this.#host.shortcuts ?? (defaults ??= new ShortcutRegistry(DEFAULT_SHORTCUTS));
  }

  /** What this key press in the box does for `media`, if it is one of the composer's shortcuts. */
  command(event: KeyboardEvent, media: Pick<MediaConfig, 'sendKey' | 'options'>): ComposerCommand | undefined {
    const shortcuts = composerShortcuts(media);
    const action = this.registry.match(
      event,
      shortcuts.map((s) => s.action),
    );
    return shortcuts.find((s) => s.action === action)?.command;
  }

  /** The send keys to show for `media`: the first bound send action's, as read and as `aria-keyshortcuts` (every bound one). */
  sendKeys(media: Pick<MediaConfig, 'sendKey'>): { shown: string | null; aria: string | null } {
    return this.#keys(sendShortcuts(media));
  }

  /** A composer action's keys, as read and as `aria-keyshortcuts`. */
  keys(action: ComposerShortcutAction): { shown: string | null; aria: string | null } {
    return this.#keys([action]);
  }

  #keys(actions: readonly ComposerShortcutAction[]): { shown: string | null; aria: string | null } {
    const registry = this.registry;
    if (registry !== this.#labelsOf) this.#forget(registry);
    const id = `${getLocale()} ${actions.join(' ')}`; // the keys are written in the agent's language
    let labels = this.#labels.get(id);
    if (!labels) {
      const shown = actions.map((a) => registry.shownKeysFor(a, keyNames())).find((k) => k !== null) ?? null;
      const aria = actions.map((a) => registry.ariaKeysFor(a)).filter((k) => k !== null);
      labels = { shown, aria: aria.length ? aria.join(' ') : null };
      this.#labels.set(id, labels);
    }
    return labels;
  }

  #forget(registry: ShortcutRegistry | undefined): void {
    this.#labels.clear();
    this.#labelsOf = registry;
    this.#version++;
  }

  hostConnected(): void {
    this.#watch();
  }

  hostUpdate(): void {
    this.#watch();
  }

  hostDisconnected(): void {
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#watched = undefined;
  }

  #watch(): void {
    const registry = this.#host.shortcuts;
    if (registry === this.#watched) return;
    this.#unwatch?.();
    this.#watched = registry;
    this.#unwatch = registry?.onChange(() => {
      this.#forget(registry);
      this.#host.requestUpdate();
    });
  }
}
