/**
 * The shortcut rules (KEY table, COMP-1, COMP-9): the combination grammar with `Mod`, the composer's
 * element-scoped keys, and how keys are shown. Pure functions, no browser features.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { resolveConfig } from '../../src/model/config.js';
import {
  COMPOSER_SHORTCUT_ACTIONS,
  DEFAULT_SHORTCUTS,
  ENGLISH_KEY_NAMES,
  ariaKeys,
  composerShortcuts,
  formatKeyCombo,
  matchesCombo,
  parseKeyCombo,
  sendShortcuts,
  shortcutScope,
  shownKeys,
  type KeyLike,
  type KeyNames,
} from '../../src/model/shortcuts.js';

const press = (key: string, code: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {}): KeyLike => ({
  key,
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('model: the composer’s shortcuts', () => {
  it('COMP-1, COMP-9: the defaults: Mod+Enter sends everywhere, Enter where sendKey is enter; Mod+B, Mod+I, Mod+Shift+X style', () => {
    expect(DEFAULT_SHORTCUTS['composer.send']).to.equal('Mod+Enter');
    expect(DEFAULT_SHORTCUTS['composer.send-enter']).to.equal('Enter');
    expect(DEFAULT_SHORTCUTS['composer.bold']).to.equal('Mod+B');
    expect(DEFAULT_SHORTCUTS['composer.italic']).to.equal('Mod+I');
    expect(DEFAULT_SHORTCUTS['composer.strike']).to.equal('Mod+Shift+X');
    expect(COMPOSER_SHORTCUT_ACTIONS.every((a) => shortcutScope(a) === 'composer')).to.be.true;
    expect(shortcutScope('state.open-menu')).to.equal('page');

    expect(sendShortcuts({ sendKey: 'enter' })).to.deep.equal(['composer.send-enter', 'composer.send']);
    expect(sendShortcuts({ sendKey: 'mod+enter' })).to.deep.equal(['composer.send']);
    const chat = composerShortcuts({ sendKey: 'enter', options: ['formatting'] });
    expect(chat.map((s) => s.action)).to.deep.equal(['composer.send-enter', 'composer.send', 'composer.bold', 'composer.italic', 'composer.strike']);
    expect(chat[2]!.command).to.deep.equal({ kind: 'style', style: 'bold' });
    // Without formatting (SMS), the style keys do nothing in the composer.
    expect(composerShortcuts({ sendKey: 'mod+enter', options: ['emoji'] }).map((s) => s.action)).to.deep.equal(['composer.send']);
  });

  it('KEY: Mod is Ctrl, or Cmd on Apple systems, and only that: Ctrl+Enter is not Mod+Enter on a Mac', () => {
    const send = parseKeyCombo('Mod+Enter', 'composer');
    expect(matchesCombo(press('Enter', 'Enter', { ctrlKey: true }), send, false)).to.be.true;
    expect(matchesCombo(press('Enter', 'Enter', { metaKey: true }), send, false)).to.be.false;
    expect(matchesCombo(press('Enter', 'Enter', { metaKey: true }), send, true)).to.be.true;
    expect(matchesCombo(press('Enter', 'Enter', { ctrlKey: true }), send, true)).to.be.false;
    expect(matchesCombo(press('Enter', 'NumpadEnter', { ctrlKey: true }), send, false)).to.be.true;
    expect(matchesCombo(press('Enter', 'Enter', { ctrlKey: true, shiftKey: true }), send, false)).to.be.false;
    const strike = parseKeyCombo('Mod+Shift+X', 'composer');
    expect(matchesCombo(press('X', 'KeyX', { metaKey: true, shiftKey: true }), strike, true)).to.be.true;
  });

  it('KEY: a composer key may be Enter alone; never Shift+Enter, Tab, or a key that types; a page key needs a modifier', () => {
    expect(parseKeyCombo('Enter', 'composer').key).to.equal('enter');
    expect(parseKeyCombo('F2', 'composer').key).to.equal('f2');
    expect(parseKeyCombo('Alt+S', 'composer').alt).to.be.true;
    expect(() => parseKeyCombo('Shift+Enter', 'composer')).to.throw('always a new line');
    expect(() => parseKeyCombo('Tab', 'composer')).to.throw('template fields');
    expect(() => parseKeyCombo('Shift+Tab', 'composer')).to.throw('template fields');
    expect(() => parseKeyCombo('B', 'composer')).to.throw('or it would type');
    expect(() => parseKeyCombo('Shift+B', 'composer')).to.throw('or it would type');
    expect(() => parseKeyCombo('Enter')).to.throw('needs Ctrl, Alt or Meta');
    expect(() => parseKeyCombo('Mod+Ctrl+B')).to.throw('Mod already is Ctrl');
    expect(parseKeyCombo('Mod+Shift+L').mod).to.be.true;
  });

  it('KEY: keys are shown for the system: Mod as Ctrl or ⌘, and as aria-keyshortcuts spells them', () => {
    expect(shownKeys('Mod+Enter', false)).to.equal('Ctrl+Enter');
    expect(shownKeys('Mod+Enter', true)).to.equal('⌘+Enter');
    expect(shownKeys('mod+shift+x', false)).to.equal('Ctrl+Shift+X');
    expect(shownKeys('Cmd+B', false)).to.equal('⌘+B');
    expect(ariaKeys('Mod+Enter', false)).to.equal('Control+Enter');
    expect(ariaKeys('Mod+Shift+X', true)).to.equal('Meta+Shift+X');
    expect(ariaKeys('Ctrl+Alt+9', false)).to.equal('Control+Alt+9');
    expect(ariaKeys('Enter', true)).to.equal('Enter');
  });

  it('HOSTILE-26: keys are written in the words given for the agent’s language, named keys included', () => {
    const french: KeyNames = {
      ...ENGLISH_KEY_NAMES,
      shift: 'Maj',
      keys: { ...ENGLISH_KEY_NAMES.keys, enter: 'Entrée', escape: 'Échap', arrowup: 'Haut' },
    };
    expect(formatKeyCombo('Mod+Shift+X', french)).to.equal('Ctrl+Maj+X');
    expect(formatKeyCombo('Mod+Shift+X', french, true)).to.equal('⌘+Maj+X');
    expect(formatKeyCombo('mod+enter', french)).to.equal('Ctrl+Entrée');
    expect(formatKeyCombo('Ctrl+Alt+Escape', french)).to.equal('Ctrl+Alt+Échap');
    expect(formatKeyCombo('Ctrl+Shift+ArrowUp', french)).to.equal('Ctrl+Maj+Haut');
    expect(formatKeyCombo('Ctrl+Shift+ArrowUp')).to.equal('Ctrl+Shift+Up');
    expect(formatKeyCombo('Ctrl+F5', french)).to.equal('Ctrl+F5');
    // aria-keyshortcuts takes the key values, in every language.
    expect(ariaKeys('Ctrl+Shift+ArrowUp', false)).to.equal('Control+Shift+ArrowUp');
    expect(ariaKeys('Ctrl+PageDown', false)).to.equal('Control+PageDown');
  });

  it('KEY: the configuration takes the composer’s keys like the rest: remapped, off with null, all off with false; bad ones named', () => {
    const c = resolveConfig({ shortcuts: { 'composer.send': 'Alt+Enter', 'composer.italic': null } });
    expect(c.shortcuts['composer.send']).to.equal('Alt+Enter');
    expect(c.shortcuts['composer.italic']).to.equal(null);
    expect(c.shortcuts['composer.bold']).to.equal('Mod+B');
    expect(resolveConfig({ shortcuts: false }).shortcuts['composer.send-enter']).to.equal(null);
    expect(() => resolveConfig({ shortcuts: { 'composer.send': 'Shift+Enter' } })).to.throw('shortcuts.composer.send');
    expect(() => resolveConfig({ shortcuts: { 'state.open-menu': 'Enter' } })).to.throw('shortcuts.state.open-menu');
  });

  it('KEY: any combination with Ctrl, Alt, Meta or Mod matches exactly its own key press, on either system (property)', () => {
    const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split(''));
    const digits = fc.constantFrom(...'0123456789'.split(''));
    const named = fc.constantFrom('Enter', 'Escape', 'ArrowUp', 'F5');
    const combos = fc
      .record({
        ctrl: fc.boolean(),
        alt: fc.boolean(),
        shift: fc.boolean(),
        meta: fc.boolean(),
        mod: fc.boolean(),
        key: fc.oneof(letters, digits, named),
        apple: fc.boolean(),
        flip: fc.constantFrom('ctrlKey', 'altKey', 'shiftKey', 'metaKey'),
      })
      .filter((c) => (c.ctrl || c.alt || c.meta || c.mod) && !(c.mod && (c.ctrl || c.meta)));
    fc.assert(
      fc.property(combos, (c) => {
        const words = [c.ctrl && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', c.meta && 'Meta', c.mod && 'Mod'].filter(Boolean);
        const combo = parseKeyCombo([...words, c.key.toUpperCase()].join('+'));
        const code = /^[a-z]$/.test(c.key) ? `Key${c.key.toUpperCase()}` : /^[0-9]$/.test(c.key) ? `Digit${c.key}` : c.key;
        const event = press(/^[a-z]$/.test(c.key) && c.shift ? c.key.toUpperCase() : c.key, code, {
          ctrlKey: c.ctrl || (c.mod && !c.apple),
          altKey: c.alt,
          shiftKey: c.shift,
          metaKey: c.meta || (c.mod && c.apple),
        });
        const other = { ...event, [c.flip]: !event[c.flip] };
        return matchesCombo(event, combo, c.apple) && !matchesCombo(other, combo, c.apple);
      }),
      { seed: 20261201, numRuns: 500 },
    );
  });
});
