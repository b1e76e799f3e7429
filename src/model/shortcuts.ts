/**
 * Keyboard shortcuts (SPEC KEY table, COMP-1, COMP-9): the actions, their default keys, and pure
 * parsing and matching. The registry that listens to the keyboard lives in `src/context/shortcuts.ts`.
 *
 * Two scopes. The KEY table's actions are page-wide: they act wherever the focus is on the provider's
 * page. The composer's (send, bold, italic, strikethrough) act only while the focus is in a composer's
 * text box, so they may use keys that would otherwise type (Enter), and they leave the page's keys alone
 * everywhere else.
 */
import type { TextStyle } from './compose.js';
import type { MediaConfig } from './media.js';

/** The KEY table: actions that act wherever the focus is on the page. */
export const PAGE_SHORTCUT_ACTIONS = [
  'details.toggle',
  'state.ready-email',
  'state.ready-chat-social',
  'state.not-ready-email',
  'state.not-ready-chat-social',
  'tasks.next',
  'tasks.previous',
  'tasks.toggle-panel',
  'tasks.back',
  'state.ready-all',
  'state.open-menu',
  'state.not-ready-all',
  'offers.accept-all',
] as const;

/** The composer's actions: they act only while the focus is in its text box. */
export const COMPOSER_SHORTCUT_ACTIONS = ['composer.send', 'composer.send-enter', 'composer.bold', 'composer.italic', 'composer.strike'] as const;

export const SHORTCUT_ACTIONS = [...PAGE_SHORTCUT_ACTIONS, ...COMPOSER_SHORTCUT_ACTIONS] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];
export type ComposerShortcutAction = (typeof COMPOSER_SHORTCUT_ACTIONS)[number];

/** Where an action's keys act: anywhere on the page, or only in a composer's text box. */
export type ShortcutScope = 'page' | 'composer';

export function shortcutScope(action: ShortcutAction): ShortcutScope {
  return (COMPOSER_SHORTCUT_ACTIONS as readonly string[]).includes(action) ? 'composer' : 'page';
}

/**
 * The defaults: the KEY table, and the composer's keys. `Mod` is Ctrl, or Cmd on Apple systems.
 * `composer.send` sends in every media; `composer.send-enter` also sends, in a media whose `sendKey` is
 * `enter` (chat): elsewhere Enter makes a new line (COMP-1).
 */
export const DEFAULT_SHORTCUTS: Readonly<Record<ShortcutAction, string>> = {
  'details.toggle': 'Ctrl+Alt+8',
  'state.ready-email': 'Ctrl+Shift+4',
  'state.ready-chat-social': 'Ctrl+Shift+5',
  'state.not-ready-email': 'Ctrl+Shift+6',
  'state.not-ready-chat-social': 'Ctrl+Shift+7',
  'tasks.next': 'Ctrl+Shift+8',
  'tasks.previous': 'Ctrl+Shift+9',
  'tasks.toggle-panel': 'Ctrl+Alt+T',
  // Not in the guide's table: back from a conversation to the task list (the desktop's narrow layout).
  'tasks.back': 'Ctrl+Alt+B',
  'state.ready-all': 'Ctrl+Shift+V',
  'state.open-menu': 'Ctrl+Shift+L',
  'state.not-ready-all': 'Ctrl+Shift+Z',
  'offers.accept-all': 'Ctrl+Alt+9',
  'composer.send': 'Mod+Enter',
  'composer.send-enter': 'Enter',
  'composer.bold': 'Mod+B',
  'composer.italic': 'Mod+I',
  'composer.strike': 'Mod+Shift+X',
};

/** The composer's style shortcuts (COMP-9). */
export const STYLE_SHORTCUTS: Readonly<Record<TextStyle, ComposerShortcutAction>> = {
  bold: 'composer.bold',
  italic: 'composer.italic',
  strike: 'composer.strike',
};

/**
 * The actions that send from a media's composer (COMP-1): `composer.send` always, and
 * `composer.send-enter` too when the media's `sendKey` is `enter`. The first one is the one to show.
 */
export function sendShortcuts(media: Pick<MediaConfig, 'sendKey'>): readonly ComposerShortcutAction[] {
  return media.sendKey === 'enter' ? ['composer.send-enter', 'composer.send'] : ['composer.send'];
}

/** What a composer key press does: send, or style the selection. */
export type ComposerCommand = { readonly kind: 'send' } | { readonly kind: 'style'; readonly style: TextStyle };

/**
 * The composer's shortcuts for a media and what each does: the send keys (COMP-1), and the style keys
 * when the media offers formatting (COMP-9).
 */
export function composerShortcuts(
  media: Pick<MediaConfig, 'sendKey' | 'options'>,
): readonly { readonly action: ComposerShortcutAction; readonly command: ComposerCommand }[] {
  const send = sendShortcuts(media).map((action) => ({ action, command: { kind: 'send' } as const }));
  if (!media.options.includes('formatting')) return send;
  const styles = (Object.keys(STYLE_SHORTCUTS) as TextStyle[]).map((style) => ({
    action: STYLE_SHORTCUTS[style],
    command: { kind: 'style', style } as const,
  }));
  return [...send, ...styles];
}

/**
 * A parsed key combination. `key` is lower-case: a letter, a digit, or a named key ("enter"). `mod` is
 * Ctrl, or Meta (Cmd) on Apple systems; it is resolved when a key press is matched.
 */
export interface KeyCombo {
  readonly ctrl: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
  readonly mod: boolean;
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
  mod: 'mod',
};

/** Keys that type nothing, so that a composer shortcut may use them without Ctrl, Alt or Meta. */
const SILENT_KEY = /^(enter|f([1-9]|1[0-9]|2[0-4]))$/;

/**
 * Parses "Ctrl+Shift+L" or "Mod+Enter". Throws a `TypeError` naming the problem for anything else, so
 * that a host's bad remapping fails at configuration time, not silently at the first key press.
 *
 * A page-wide combination needs Ctrl, Alt, Meta or Mod, or it would fire while the agent types. A
 * composer combination may also be Enter (or a function key) alone; Shift+Enter is refused, as it is
 * always a new line (COMP-1), and so are Tab and Shift+Tab, which move between template fields (COMP-7).
 */
export function parseKeyCombo(text: string, scope: ShortcutScope = 'page'): KeyCombo {
  const parts = text
    .split('+')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
  const combo = { ctrl: false, alt: false, shift: false, meta: false, mod: false, key: '' };
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
  if (combo.mod && (combo.ctrl || combo.meta)) {
    throw new TypeError(`"${text}" names Mod with Ctrl or Meta: Mod already is Ctrl, or Cmd on Apple systems`);
  }
  const held = combo.ctrl || combo.alt || combo.meta || combo.mod;
  if (scope === 'composer' && !held) {
    if (combo.key === 'enter' && combo.shift) throw new TypeError(`"${text}" is always a new line in the composer`);
    if (combo.key === 'tab') throw new TypeError(`"${text}" moves between template fields in the composer`);
    if (!SILENT_KEY.test(combo.key)) {
      throw new TypeError(`"${text}" needs Ctrl, Alt, Meta or Mod (only Enter and function keys may go alone), or it would type`);
    }
  } else if (!held) {
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
 * Whether a key event is `combo`, every modifier exactly (Ctrl+Enter is not Ctrl+Shift+Enter). `Mod`
 * is Meta when `apple`, else Ctrl. Digits match by physical key (`Digit4`, `Numpad4`) because Shift
 * changes what a digit key types (and on AZERTY the digits need Shift); letters match by the character
 * the layout produces, falling back to the physical key when a modifier hides it.
 */
export function matchesCombo(event: KeyLike, combo: KeyCombo, apple = false): boolean {
  const ctrl = combo.ctrl || (combo.mod && !apple);
  const meta = combo.meta || (combo.mod && apple);
  if (event.ctrlKey !== ctrl || event.altKey !== combo.alt || event.shiftKey !== combo.shift || event.metaKey !== meta) {
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

/**
 * The words a combination is written with for the agent to read, in their language ("Maj" and
 * "Entrée" in French, as the guide writes them): the modifiers, and the named keys by their
 * `KeyboardEvent.key` value in lower case. The i18n layer gives each locale's (`keyNames()` in
 * src/i18n/labels.ts); letters, digits and function keys are written as printed on the key.
 */
export interface KeyNames {
  readonly ctrl: string;
  readonly alt: string;
  readonly shift: string;
  readonly meta: string;
  /** Cmd on Apple systems (`Mod` there). */
  readonly cmd: string;
  readonly keys: Readonly<Partial<Record<NamedKey, string>>>;
}

/** The named keys a combination may end with, by `KeyboardEvent.key` in lower case. */
export const NAMED_KEYS = [
  'enter',
  'tab',
  'escape',
  'backspace',
  'delete',
  'insert',
  'home',
  'end',
  'pageup',
  'pagedown',
  'arrowup',
  'arrowdown',
  'arrowleft',
  'arrowright',
] as const;
export type NamedKey = (typeof NAMED_KEYS)[number];

/** Each named key's `KeyboardEvent.key` value, as `aria-keyshortcuts` spells it. */
const KEY_VALUES: Readonly<Record<NamedKey, string>> = {
  enter: 'Enter',
  tab: 'Tab',
  escape: 'Escape',
  backspace: 'Backspace',
  delete: 'Delete',
  insert: 'Insert',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  arrowup: 'ArrowUp',
  arrowdown: 'ArrowDown',
  arrowleft: 'ArrowLeft',
  arrowright: 'ArrowRight',
};

/** The English words, the kit's source language (and what `shownKeys` writes). */
export const ENGLISH_KEY_NAMES: KeyNames = {
  ctrl: 'Ctrl',
  alt: 'Alt',
  shift: 'Shift',
  meta: 'Meta',
  cmd: '⌘',
  keys: {
    enter: 'Enter',
    tab: 'Tab',
    escape: 'Esc',
    backspace: 'Backspace',
    delete: 'Delete',
    insert: 'Insert',
    home: 'Home',
    end: 'End',
    pageup: 'Page Up',
    pagedown: 'Page Down',
    arrowup: 'Up',
    arrowdown: 'Down',
    arrowleft: 'Left',
    arrowright: 'Right',
  },
};

const MODIFIER_WORDS: Readonly<Record<string, 'ctrl' | 'alt' | 'shift' | 'meta' | 'cmd'>> = {
  ctrl: 'ctrl',
  control: 'ctrl',
  alt: 'alt',
  option: 'alt',
  shift: 'shift',
  meta: 'meta',
  cmd: 'cmd',
  command: 'cmd',
};

const ARIA_MODIFIERS = { ctrl: 'Control', alt: 'Alt', shift: 'Shift', meta: 'Meta', cmd: 'Meta' } as const;

function words(text: string): string[] {
  return text
    .split('+')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
}

/** A key as printed on it: "b" → "B", "f5" → "F5", anything unknown with a capital. */
function printed(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/**
 * Keys as the agent reads them, in the words of their language (`names`), on their system: `Mod` is
 * Ctrl, or Cmd (⌘) on Apple systems ("Mod+Shift+X" → "Ctrl+Maj+X" in French, "⌘+Shift+X" in English
 * on a Mac); letters upper-case.
 */
export function formatKeyCombo(text: string, names: KeyNames = ENGLISH_KEY_NAMES, apple = false): string {
  const parts = words(text);
  return parts
    .map((p, i) => {
      if (i === parts.length - 1) return names.keys[p as NamedKey] ?? printed(p);
      const modifier = p === 'mod' ? (apple ? 'cmd' : 'ctrl') : MODIFIER_WORDS[p];
      return modifier ? names[modifier] : p;
    })
    .join('+');
}

/**
 * Keys as an English reader reads them on this system: `Mod` becomes Ctrl, or ⌘ on Apple systems
 * ("Mod+Shift+X" → "Ctrl+Shift+X" or "⌘+Shift+X"); letters upper-case. For the agent's own language,
 * `formatKeyCombo` with the locale's names.
 */
export function shownKeys(text: string, apple: boolean): string {
  return formatKeyCombo(text, ENGLISH_KEY_NAMES, apple);
}

/** Keys as `aria-keyshortcuts` spells them ("Mod+B" → "Control+B", or "Meta+B" on Apple systems). */
export function ariaKeys(text: string, apple: boolean): string {
  const parts = words(text);
  return parts
    .map((p, i) => {
      if (i === parts.length - 1) return KEY_VALUES[p as NamedKey] ?? printed(p);
      const modifier = p === 'mod' ? (apple ? 'cmd' : 'ctrl') : MODIFIER_WORDS[p];
      return modifier ? ARIA_MODIFIERS[modifier] : p;
    })
    .join('+');
}
