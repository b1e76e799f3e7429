import { expect } from '@open-wc/testing';
import { DcConfigError, resolveConfig } from '../../src/model/config.js';
import { keyNames } from '../../src/i18n/labels.js';
import { inLocale, loadLocale } from '../../src/i18n/localization.js';
import { formatKeyCombo, matchesCombo, parseKeyCombo } from '../../src/model/shortcuts.js';
import { pickText } from '../../src/model/text.js';
import { formatDuration } from '../../src/model/time.js';

function problems(input: unknown): readonly string[] {
  try {
    resolveConfig(input as never);
  } catch (error) {
    expect(error).to.be.instanceOf(DcConfigError);
    return (error as DcConfigError).fields;
  }
  throw new Error('expected a DcConfigError');
}

describe('model: configuration', () => {
  it('defaults to chat, SMS, social and email with the SPEC defaults', () => {
    const c = resolveConfig();
    expect(c.media.map((m) => [m.id, m.group])).to.deep.equal([
      ['chat', 'chat-social'],
      ['sms', 'chat-social'],
      ['social', 'chat-social'],
      ['email', 'email'],
    ]);
    expect(c.signInRetries).to.equal(3); // SIGN-4
    expect(c.stateRetries).to.equal(3); // STATE-7
    expect(c.onSignOut).to.equal('transfer'); // STATE-8
    expect(c.media.find((m) => m.id === 'chat')!.maxChars).to.equal(1000); // COMP-3
    expect(c.media.find((m) => m.id === 'chat')!.sendKey).to.equal('enter'); // COMP-1: livechat
    expect(c.media.find((m) => m.id === 'sms')!.sendKey).to.equal('mod+enter'); // COMP-1
    expect(c.shortcuts['state.open-menu']).to.equal('Ctrl+Shift+L');
  });

  it('COMP-2: the composer options per media follow the guide; COMP-4/9 limits and markup per media', () => {
    const c = resolveConfig();
    const byId = Object.fromEntries(c.media.map((m) => [m.id, m]));
    expect(byId['chat']!.options).to.deep.equal(['attachments', 'emoji', 'templates', 'workflows', 'formatting']);
    expect(byId['sms']!.options).to.deep.equal(['emoji', 'templates', 'workflows']);
    expect(byId['email']!.options).to.include.members(['attachments', 'rich-text', 'emoji', 'workflows']);
    expect(byId['social']!.formatting).to.equal('whatsapp');
    expect(byId['sms']!.formatting).to.equal('plain');
    const custom = resolveConfig({ media: { email: { attachments: { maxBytes: 2048, accept: ['.pdf'] } } } });
    expect(custom.media[0]!.attachments).to.deep.equal({ maxBytes: 2048, maxCount: 5, accept: ['.pdf'] });
    expect(problems({ media: { chat: { options: ['fax'], formatting: 'bbcode', attachments: { maxCount: -1 } } } })).to.have.members([
      'media.chat.options',
      'media.chat.formatting',
      'media.chat.attachments.maxCount',
    ]);
  });

  it('accepts more media of a known kind, in the order given', () => {
    const c = resolveConfig({ media: { whatsapp: { kind: 'social', label: { en: 'WhatsApp', fr: 'WhatsApp' } }, email: {} } });
    expect(c.media.map((m) => `${m.id}:${m.kind}:${m.group}`)).to.deep.equal(['whatsapp:social:chat-social', 'email:email:email']);
  });

  it('names every bad field in one error', () => {
    expect(
      problems({
        media: { fax: {}, sms: { capacity: 0, acceptSeconds: 'soon', sendKey: 'space', colour: 'red' }, chat: { group: 'voice' } },
        stateRetries: -1,
        onSignOut: 'vanish',
        notReadyReasons: [{ id: 'lunch', label: 'Lunch' }, { id: 'lunch', label: 'Again' }, { label: 'x' }],
        shortcuts: { 'state.open-menu': 'L', 'do.magic': 'Ctrl+M' },
        agent: { name: 'x' },
        colour: 'blue',
      }),
    ).to.have.members([
      'colour',
      'media.fax.kind',
      'media.sms.colour',
      'media.sms.sendKey',
      'media.sms.acceptSeconds',
      'media.sms.capacity',
      'media.chat.group',
      'notReadyReasons[1].id',
      'notReadyReasons[2].id',
      'onSignOut',
      'agent',
      'shortcuts.state.open-menu',
      'shortcuts.do.magic',
      'stateRetries',
    ]);
  });

  it('says what is wrong in words', () => {
    expect(() => resolveConfig({ media: { sms: { capacity: -1 } } })).to.throw(
      'media.sms.capacity must be a whole number of at least 1 (got -1)',
    );
    expect(() => resolveConfig({ media: { fax: {} } })).to.throw('media.fax.kind must be one of chat, sms, social, email');
    expect(() => resolveConfig('nope' as never)).to.throw(DcConfigError);
  });

  it('switches every shortcut off with shortcuts: false', () => {
    const c = resolveConfig({ shortcuts: false });
    expect(Object.values(c.shortcuts).every((v) => v === null)).to.be.true;
  });

  it('allows no media at all (SIGN-5) and no reasons', () => {
    expect(resolveConfig({ media: {}, notReadyReasons: [] }).media).to.deep.equal([]);
  });
});

describe('model: shortcuts', () => {
  const key = (k: string, code: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>>) => ({
    key: k,
    code,
    ctrlKey: false,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    ...mods,
  });

  it('KEY: Ctrl+Shift+4 matches the digit key whatever Shift types ($ on QWERTY, 4 on AZERTY)', () => {
    const combo = parseKeyCombo('Ctrl+Shift+4');
    expect(matchesCombo(key('$', 'Digit4', { ctrlKey: true, shiftKey: true }), combo)).to.be.true;
    expect(matchesCombo(key('4', 'Digit4', { ctrlKey: true, shiftKey: true }), combo)).to.be.true;
    expect(matchesCombo(key('4', 'Numpad4', { ctrlKey: true, shiftKey: true }), combo)).to.be.true;
    expect(matchesCombo(key('$', 'Digit4', { ctrlKey: true }), combo)).to.be.false;
    expect(matchesCombo(key('$', 'Digit4', { ctrlKey: true, shiftKey: true, altKey: true }), combo)).to.be.false;
  });

  it('KEY: letters match the character the layout types (Z on AZERTY sits where W is on QWERTY)', () => {
    const combo = parseKeyCombo('Ctrl+Shift+Z');
    expect(matchesCombo(key('Z', 'KeyW', { ctrlKey: true, shiftKey: true }), combo)).to.be.true;
    expect(matchesCombo(key('W', 'KeyW', { ctrlKey: true, shiftKey: true }), combo)).to.be.false;
    // a layout whose modifiers hide the letter falls back to the physical key
    expect(matchesCombo(key('Unidentified', 'KeyZ', { ctrlKey: true, shiftKey: true }), combo)).to.be.true;
  });

  it('refuses combinations without Ctrl, Alt or Meta, and unknown words', () => {
    expect(() => parseKeyCombo('Shift+L')).to.throw('needs Ctrl, Alt or Meta');
    expect(() => parseKeyCombo('Ctrl+Hyper+L')).to.throw('is not a key combination');
    expect(() => parseKeyCombo('Ctrl+')).to.throw('is not a key combination');
  });

  it('writes shortcuts the French way', async () => {
    await loadLocale('fr');
    expect(inLocale('fr', () => formatKeyCombo('Ctrl+Shift+L', keyNames()))).to.equal('Ctrl+Maj+L');
    expect(inLocale('en', () => formatKeyCombo('Ctrl+Shift+L', keyNames()))).to.equal('Ctrl+Shift+L');
  });
});

describe('model: text and time', () => {
  it('picks configured text by locale, falling back to the language, English, then anything', () => {
    const t = { en: 'Lunch', fr: 'Déjeuner' };
    expect(pickText(t, 'fr-CA')).to.equal('Déjeuner');
    expect(pickText(t, 'de')).to.equal('Lunch');
    expect(pickText({ de: 'Mittag' }, 'fr')).to.equal('Mittag');
    expect(pickText('Lunch', 'fr')).to.equal('Lunch');
  });

  it('TASK-4: formats durations from milliseconds', () => {
    expect(formatDuration(0)).to.equal('0:00');
    expect(formatDuration(65_999)).to.equal('1:05');
    expect(formatDuration(3_723_000)).to.equal('1:02:03');
    expect(formatDuration(-5)).to.equal('0:00');
  });
});

describe('model: remoteImages (HOSTILE-18)', () => {
  it('HOSTILE-18: origins whose customer pictures load at once: none by default, http(s) origins only, written as origins', () => {
    expect(resolveConfig({}).remoteImages).to.deep.equal([]);
    expect(resolveConfig({ remoteImages: ['https://files.example.com', 'http://cdn.example.com:8080/', 'HTTPS://Media.Example.com'] }).remoteImages).to.deep.equal([
      'https://files.example.com',
      'http://cdn.example.com:8080',
      'https://media.example.com',
    ]);
    expect(problems({ remoteImages: 'https://files.example.com' })).to.deep.equal(['remoteImages']);
    expect(
      problems({
        remoteImages: [
          'https://ok.example.com',
          'files.example.com',
          'https://files.example.com/images/',
          'https://files.example.com/?x=1',
          'https://user:pw@files.example.com',
          'javascript:alert(1)',
          'data:image/png;base64,AAAA',
          '*',
          42,
          null,
        ],
      }),
    ).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `remoteImages[${i}]`));
  });
});
