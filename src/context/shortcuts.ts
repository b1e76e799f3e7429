import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  SHORTCUT_ACTIONS,
  matchesCombo,
  parseKeyCombo,
  type KeyCombo,
  type ShortcutAction,
} from '../model/shortcuts.js';

export type ShortcutHandler = (event: KeyboardEvent) => void;

/**
 * The keyboard shortcuts of one provider (SPEC KEY table). Elements register what an action does; the
 * host remaps keys or switches shortcuts off. When several handlers register the same action, the
 * latest one connected answers (a second state picker on the page takes over, and gives it back).
 */
export class ShortcutRegistry {
  #bindings = new Map<ShortcutAction, { text: string; combo: KeyCombo } | null>();
  #handlers = new Map<ShortcutAction, ShortcutHandler[]>();
  /** Whether any shortcut fires. Hosts switch this off while their own modal owns the keyboard. */
  enabled = true;

  constructor(bindings: Readonly<Record<ShortcutAction, string | null>>) {
    for (const action of SHORTCUT_ACTIONS) this.remap(action, bindings[action] ?? null);
  }

  /** Binds `action` to `keys` ("Ctrl+Shift+L"), or unbinds it with `null`. Throws on bad keys. */
  remap(action: ShortcutAction, keys: string | null): void {
    if (!SHORTCUT_ACTIONS.includes(action)) throw new TypeError(`Unknown shortcut action "${action}"`);
    this.#bindings.set(action, keys === null ? null : { text: keys, combo: parseKeyCombo(keys) });
  }

  /** The keys bound to `action`, for tooltips and menus. */
  keysFor(action: ShortcutAction): string | null {
    return this.#bindings.get(action)?.text ?? null;
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

  /** Runs the action bound to this key press, if any. Returns whether one ran. */
  handle(event: KeyboardEvent): boolean {
    if (!this.enabled || event.defaultPrevented || event.repeat) return false;
    for (const [action, binding] of this.#bindings) {
      if (!binding || !matchesCombo(event, binding.combo)) continue;
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
