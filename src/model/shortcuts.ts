/**
 * Keyboard shortcuts (SPEC KEY table): the actions, their default keys, and pure parsing and matching.
 * The registry that listens to the keyboard lives in `src/context/shortcuts.ts`.
 */

export const SHORTCUT_ACTIONS = [
  'details.toggle',
  'state.ready-email',
  'state.ready-chat-social',
  'state.not-ready-email',
  'state.not-ready-chat-social',
  'tasks.next',
  'tasks.previous',
  'tasks.toggle-panel',
  'state.ready-all',
  'state.open-menu',
  'state.not-ready-all',
  'offers.accept-all',
] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

/** The KEY table's defaults. Ctrl+Enter (send) belongs to each media's `sendKey`, not to this table. */
export const DEFAULT_SHORTCUTS: Readonly<Record<ShortcutAction, string>> = {
  'details.toggle': 'Ctrl+Alt+8',
  'state.ready-email': 'Ctrl+Shift+4',
  'state.ready-chat-social': 'Ctrl+Shift+5',
  'state.not-ready-email': 'Ctrl+Shift+6',
  'state.not-ready-chat-social': 'Ctrl+Shift+7',
  'tasks.next': 'Ctrl+Shift+8',
  'tasks.previous': 'Ctrl+Shift+9',
  'tasks.toggle-panel': 'Ctrl+Alt+T',
  'state.ready-all': 'Ctrl+Shift+V',
  'state.open-menu': 'Ctrl+Shift+L',
  'state.not-ready-all': 'Ctrl+Shift+Z',
  'offers.accept-all': 'Ctrl+Alt+9',
};

/** A parsed key combination. `key` is lower-case: a letter, a digit, or a named key ("enter"). */
export interface KeyCombo {
  readonly ctrl: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
  readonly key: string;
}

const MODIFIERS: Record<string, keyof Omit<KeyCombo, 'key'>> = {
  ctrl: 'ctrl',
  control: 'ctrl',
  alt: 'alt',
  option: 'alt',
  shift: 'shift',
  meta: 'meta',
  cmd: 'meta',
  command: 'meta',
};

/**
 * Parses "Ctrl+Shift+L". Throws a `TypeError` naming the problem for anything else, so that a host's
 * bad remapping fails at configuration time, not silently at the first key press.
 */
export function parseKeyCombo(text: string): KeyCombo {
  const parts = text
    .split('+')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
  const combo = { ctrl: false, alt: false, shift: false, meta: false, key: '' };
  for (const [i, part] of parts.entries()) {
    const modifier = MODIFIERS[part];
    if (modifier && i < parts.length - 1) {
      combo[modifier] = true;
    } else if (i === parts.length - 1 && !modifier) {
      combo.key = part;
    } else {
      throw new TypeError(`"${text}" is not a key combination such as "Ctrl+Shift+L"`);
    }
  }
  if (!combo.key) throw new TypeError(`"${text}" names no key`);
  if (!combo.ctrl && !combo.alt && !combo.meta) {
    throw new TypeError(`"${text}" needs Ctrl, Alt or Meta, or it would fire while the agent types`);
  }
  return combo;
}

/** The parts of a KeyboardEvent the matcher reads (so tests can pass plain objects). */
export interface KeyLike {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly metaKey: boolean;
}

/**
 * Whether a key event is `combo`. Digits match by physical key (`Digit4`, `Numpad4`) because Shift
 * changes what a digit key types (and on AZERTY the digits need Shift); letters match by the character
 * the layout produces, falling back to the physical key when a modifier hides it.
 */
export function matchesCombo(event: KeyLike, combo: KeyCombo): boolean {
  if (
    event.ctrlKey !== combo.ctrl ||
    event.altKey !== combo.alt ||
    event.shiftKey !== combo.shift ||
    event.metaKey !== combo.meta
  ) {
    return false;
  }
  const key = combo.key;
  if (/^[0-9]$/.test(key)) {
    return event.code === `Digit${key}` || event.code === `Numpad${key}`;
  }
  if (/^[a-z]$/.test(key)) {
    const typed = event.key.toLowerCase();
    if (/^[a-z]$/.test(typed)) return typed === key;
    return event.code === `Key${key.toUpperCase()}`;
  }
  return event.key.toLowerCase() === key;
}

/** "Ctrl+Shift+L" → "Ctrl+Maj+L" for French readers, as the guide writes them. */
export function formatKeyCombo(text: string, locale: string): string {
  if (!locale.startsWith('fr')) return text;
  return text.replace(/\bShift\b/g, 'Maj').replace(/\bEnter\b/g, 'Entrée');
}
