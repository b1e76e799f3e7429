import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  SHORTCUT_ACTIONS,
  ariaKeys,
  matchesCombo,
  parseKeyCombo,
  shortcutScope,
  shownKeys,
  type KeyCombo,
  type ShortcutAction,
} from '../model/shortcuts.js';

export type ShortcutHandler = (event: KeyboardEvent) => void;

/** Whether the page runs on an Apple system, where Cmd takes Ctrl's place (the `Mod` of a combination). */
export function isApplePlatform(): boolean {
  const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string } }) | undefined;
  const platform = nav?.userAgentData?.platform || nav?.platform || '';
  return /mac|iphone|ipad|ipod/i.test(platform);
}

/**
 * The keyboard shortcuts of one provider (SPEC KEY table, COMP-1, COMP-9). Elements register what a
 * page-wide action does; the host remaps keys or switches shortcuts off. When several handlers register
 * the same page-wide action, the latest one connected answers (a second state picker on the page takes
 * over, and gives it back). The composer's actions are element-scoped: the registry never runs them from
 * the page's keys; the composer asks `match` about the keys pressed in its own box.
 */
export class ShortcutRegistry {
  #bindings = new Map<ShortcutAction, { text: string; combo: KeyCombo } | null>();
  #handlers = new Map<ShortcutAction, ShortcutHandler[]>();
  #listeners = new Set<() => void>();
  /** Whether Cmd stands for `Mod` (Apple systems) rather than Ctrl. */
  readonly apple: boolean;
  /** Whether any shortcut fires. Hosts switch this off while their own modal owns the keyboard. */
  enabled = true;

  constructor(bindings: Readonly<Record<ShortcutAction, string | null>>, apple = isApplePlatform()) {
    this.apple = apple;
    for (const action of SHORTCUT_ACTIONS) this.remap(action, bindings[action] ?? null);
  }

  /** Binds `action` to `keys` ("Ctrl+Shift+L", "Mod+Enter"), or unbinds it with `null`. Throws on bad keys. */
  remap(action: ShortcutAction, keys: string | null): void {
    if (!SHORTCUT_ACTIONS.includes(action)) throw new TypeError(`Unknown shortcut action "${action}"`);
    this.#bindings.set(action, keys === null ? null : { text: keys, combo: parseKeyCombo(keys, shortcutScope(action)) });
    this.#changed();
  }

  /** The keys bound to `action` as configured ("Mod+Enter"), or null when it is off. */
  keysFor(action: ShortcutAction): string | null {
    return this.#bindings.get(action)?.text ?? null;
  }

  /** The keys bound to `action` as the agent reads them on this system ("Ctrl+Enter", "⌘+Enter"). */
  shownKeysFor(action: ShortcutAction): string | null {
    const keys = this.keysFor(action);
    return keys === null ? null : shownKeys(keys, this.apple);
  }

  /** The keys bound to `action` as `aria-keyshortcuts` spells them ("Control+Enter"). */
  ariaKeysFor(action: ShortcutAction): string | null {
    const keys = this.keysFor(action);
    return keys === null ? null : ariaKeys(keys, this.apple);
  }

  /**
   * Which of `actions` (element-scoped ones, such as the composer's) this key press is, if any. The
   * element that owns the focus asks; nothing runs here. Off while `enabled` is false.
   */
  match<A extends ShortcutAction>(event: KeyboardEvent, actions: readonly A[]): A | undefined {
    if (!this.enabled || event.defaultPrevented) return undefined;
    return actions.find((action) => {
      const binding = this.#bindings.get(action);
      return binding ? matchesCombo(event, binding.combo, this.apple) : false;
    });
  }

  /**
   * Calls `listener` after every remapping, so that elements showing keys (tooltips, `aria-keyshortcuts`)
   * show the new ones. Returns the remover.
   */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }

  register(action: ShortcutAction, handler: ShortcutHandler): () => void {
    const list = this.#handlers.get(action) ?? [];
    list.push(handler);
    this.#handlers.set(action, list);
    return () => {
      const current = this.#handlers.get(action) ?? [];
      this.#handlers.set(action, current.filter((h) => h !== handler));
    };
  }

  /** Runs the page-wide action bound to this key press, if any. Returns whether one ran. */
  handle(event: KeyboardEvent): boolean {
    if (!this.enabled || event.defaultPrevented || event.repeat) return false;
    for (const [action, binding] of this.#bindings) {
      if (!binding || shortcutScope(action) !== 'page' || !matchesCombo(event, binding.combo, this.apple)) continue;
      const handler = this.#handlers.get(action)?.at(-1);
      if (!handler) return false;
      event.preventDefault();
      event.stopPropagation();
      handler(event);
      return true;
    }
    return false;
  }

  /** Listens to key presses on `target` (the provider uses its document); returns the detacher. */
  attach(target: EventTarget): () => void {
    const listener = (event: Event) => this.handle(event as KeyboardEvent);
    target.addEventListener('keydown', listener);
    return () => target.removeEventListener('keydown', listener);
  }
}

/**
 * Registers one action's handler with whichever registry the host currently has (it may arrive later
 * through context), and unregisters on disconnect.
 */
export class ShortcutController implements ReactiveController {
  #host: ReactiveControllerHost & { readonly shortcuts: ShortcutRegistry | undefined };
  #action: ShortcutAction;
  #handler: ShortcutHandler;
  #registry: ShortcutRegistry | undefined;
  #off: (() => void) | undefined;

  constructor(
    host: ReactiveControllerHost & { readonly shortcuts: ShortcutRegistry | undefined },
    action: ShortcutAction,
    handler: ShortcutHandler,
  ) {
    this.#host = host;
    this.#action = action;
    this.#handler = handler;
    host.addController(this);
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdated(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#off?.();
    this.#off = undefined;
    this.#registry = undefined;
  }

  #sync(): void {
    const registry = this.#host.shortcuts;
    if (registry === this.#registry) return;
    this.#off?.();
    this.#registry = registry;
    this.#off = registry?.register(this.#action, this.#handler);
  }
}
