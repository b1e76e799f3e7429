import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  ENGLISH_KEY_NAMES,
  SHORTCUT_ACTIONS,
  ariaKeys,
  formatKeyCombo,
  matchesCombo,
  parseKeyCombo,
  shortcutScope,
  type KeyCombo,
  type KeyNames,
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
 * page-wide action does; the host remaps keys or switches shortcuts off. The provider gives it the key
 * presses that are its kit's (`attachKit`). When several handlers register
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

  /**
   * The keys bound to `action` as the agent reads them on this system, in the words `names` gives
   * ("Ctrl+Enter", "⌘+Enter"; "Ctrl+Entrée" with the French names of `keyNames()`).
   */
  shownKeysFor(action: ShortcutAction, names: KeyNames = ENGLISH_KEY_NAMES): string | null {
    const keys = this.keysFor(action);
    return keys === null ? null : formatKeyCombo(keys, names, this.apple);
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

}

/**
 * One kit's share of its page's keys (the provider's): where the kit is, whether the host made it the
 * page's primary kit, and what it does with a key press. Several kits on one page each attach one.
 */
export interface PageKit {
  /** The kit's root: a key pressed with the focus inside it (in its light or shadow DOM) is the kit's. */
  readonly root: Element;
  /** Whether the kit takes the keys pressed while the focus is in no kit (the `primary` attribute). */
  readonly primary: boolean;
  /** Acts on the key press if it is one of the kit's shortcuts; returns whether it did. */
  handle(event: KeyboardEvent): boolean;
}

/** The kits of one page and the one listener they share. */
interface PageKeys {
  readonly kits: PageKit[];
  readonly listener: (event: Event) => void;
}

/**
 * Where a document keeps its kits. The key is registered by name, not a module's own symbol, so that
 * two builds of the kit on one page still share one listener and one rule.
 */
const PAGE_KEYS = Symbol.for('dc-widgets/page-keys');
type KeyedDocument = Document & { [PAGE_KEYS]?: PageKeys };

/**
 * Gives `kit` its share of `doc`'s keys; returns the detacher. One listener on the document serves every
 * kit: each key press goes to one kit (see `kitForKey`), and only that kit may act on it and prevent
 * its default. A key the kit does not act on is left to the page.
 */
export function attachKit(doc: Document, kit: PageKit): () => void {
  const keyed = doc as KeyedDocument;
  let page = keyed[PAGE_KEYS];
  if (!page) {
    const kits: PageKit[] = [];
    const listener = (event: Event) => {
      const target = kitForKey(event as KeyboardEvent, kits);
      target?.handle(event as KeyboardEvent);
    };
    page = { kits, listener };
    keyed[PAGE_KEYS] = page;
    doc.addEventListener('keydown', listener);
  }
  const { kits, listener } = page;
  if (!kits.includes(kit)) kits.push(kit);
  return () => {
    const at = kits.indexOf(kit);
    if (at >= 0) kits.splice(at, 1);
    if (kits.length === 0 && keyed[PAGE_KEYS] === page) {
      doc.removeEventListener('keydown', listener);
      delete keyed[PAGE_KEYS];
    }
  };
}

/**
 * The kit a key press belongs to: the one that holds the focus (the nearest, should kits nest); with
 * the focus in no kit, the first one marked primary; with none primary, the first kit. "First" is in
 * the page's order, shadow trees included.
 */
export function kitForKey(event: Event, kits: readonly PageKit[]): PageKit | undefined {
  for (const node of event.composedPath()) {
    const kit = kits.find((k) => k.root === node);
    if (kit) return kit;
  }
  const primary = kits.filter((k) => k.primary);
  const candidates = primary.length ? primary : kits;
  return candidates.reduce<PageKit | undefined>((first, kit) => (!first || comesBefore(kit.root, first.root) ? kit : first), undefined);
}

/** The node and the shadow hosts above it, outermost first. */
function hostChain(node: Node): Node[] {
  const chain: Node[] = [];
  for (let at: Node | undefined = node; at; ) {
    chain.unshift(at);
    const root = at.getRootNode();
    at = root instanceof ShadowRoot ? root.host : undefined;
  }
  return chain;
}

/** Whether `a` comes before `b` in the page, reading each shadow tree where its host is. */
function comesBefore(a: Node, b: Node): boolean {
  const ca = hostChain(a);
  const cb = hostChain(b);
  let i = 0;
  while (i < ca.length && i < cb.length && ca[i] === cb[i]) i++;
  if (i === ca.length) return i !== cb.length; // `a` hosts the tree `b` is in
  if (i === cb.length) return false;
  // The first hosts that differ sit in one tree (the document, or the shadow root of the host before).
  return (ca[i]!.compareDocumentPosition(cb[i]!) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
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
