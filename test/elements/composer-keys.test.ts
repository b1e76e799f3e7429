/**
 * The composer's keys are shortcuts like the KEY table's (COMP-1 send, COMP-9 styles): remapped through
 * `config.shortcuts` or `provider.shortcuts.remap`, switched off with `null`, `Mod` being Cmd on Apple
 * systems; and they act only while the focus is in the composer's box. Real keys throughout.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DcComposer } from '../../src/elements/composer/composer.js';
import '../../src/elements/composer/composer.js';
import { DcConfigError, resolveConfig, type DcConfigInput } from '../../src/model/config.js';
import { mountKit, press, signInReady, until } from '../support/kit.js';

async function holding(media: 'chat' | 'sms' | 'social', config: DcConfigInput = {}) {
  const kit = await mountKit(html`<button id="outside">Elsewhere on the page</button><dc-composer></dc-composer>`, { config });
  await signInReady(kit.store);
  const offer = kit.backend.offer(media, { text: null, customer: { name: 'Alice Martin' }, queue: 'Sales' })!;
  await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'offered');
  kit.store.accept(offer.id);
  await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'accepted');
  const composer = kit.provider.querySelector('dc-composer')!;
  await composer.updateComplete;
  const sent = () => (kit.store.state.messages[offer.id] ?? []).filter((m) => m.from === 'agent').map((m) => m.text);
  return { ...kit, composer, taskId: offer.id, sent };
}

const box = (c: DcComposer) => c.shadowRoot!.querySelector('textarea')!;
const sendButton = (c: DcComposer) => c.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send"]')!;
const styleButton = (c: DcComposer, style: string) => c.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-style="${style}"]`)!;

async function typeInBox(c: DcComposer, keys: string): Promise<void> {
  box(c).focus();
  await sendKeys({ type: keys });
  await c.updateComplete;
}

/** Selects the first `n` characters of the box with the keyboard. */
async function selectFirst(n: number): Promise<void> {
  await press('Home');
  for (let i = 0; i < n; i++) await press('Shift+ArrowRight');
}

describe('dc-composer keys', function () {
  this.timeout(15000);

  it('COMP-1, KEY: a remapped send key sends, the old one no longer does; Shift+Enter stays a new line', async () => {
    const kit = await holding('sms', { shortcuts: { 'composer.send': 'Alt+S' } });
    const c = kit.composer;
    expect(sendButton(c).getAttribute('aria-keyshortcuts')).to.equal('Alt+S');
    expect(sendButton(c).title).to.equal('Send (Alt+S)');
    await typeInBox(c, 'Hello');
    await press('Control+Enter');
    await press('Shift+Enter');
    await sendKeys({ type: 'Bob' });
    await c.updateComplete;
    expect(kit.sent()).to.deep.equal([]);
    expect(box(c).value).to.equal('Hello\nBob');
    await press('Alt+s');
    await until(() => kit.sent().length === 1, 'sent with Alt+S');
    expect(kit.sent()).to.deep.equal(['Hello\nBob']);

    // Remapped at run time, as a host does: the new key sends, Alt+S no longer does.
    kit.provider.shortcuts!.remap('composer.send', 'Ctrl+Alt+Enter');
    await c.updateComplete;
    expect(sendButton(c).getAttribute('aria-keyshortcuts')).to.equal('Control+Alt+Enter');
    await typeInBox(c, 'Second');
    await press('Alt+s');
    await c.updateComplete;
    expect(kit.sent()).to.have.length(1);
    await press('Control+Alt+Enter');
    await until(() => kit.sent().length === 2, 'sent with Ctrl+Alt+Enter');
    expect(kit.sent()[1]).to.equal('Second');
  });

  it('COMP-1, KEY: Enter switched off makes a new line in a chat, and sends again once switched back on', async () => {
    const kit = await holding('chat');
    const c = kit.composer;
    const registry = kit.provider.shortcuts!;
    expect(sendButton(c).getAttribute('aria-keyshortcuts')).to.equal('Enter Control+Enter');
    await typeInBox(c, 'One');

    registry.remap('composer.send-enter', null);
    await c.updateComplete;
    expect(sendButton(c).getAttribute('aria-keyshortcuts')).to.equal('Control+Enter');
    await press('Enter');
    await sendKeys({ type: 'Two' });
    await c.updateComplete;
    expect(box(c).value).to.equal('One\nTwo');
    expect(kit.sent()).to.deep.equal([]);

    registry.remap('composer.send-enter', 'Enter');
    await press('Enter');
    await until(() => kit.sent().length === 1, 'sent on Enter');
    expect(kit.sent()).to.deep.equal(['One\nTwo']);

    // Ctrl+Enter sends in every media, a chat included.
    await typeInBox(c, 'Three');
    await press('Control+Enter');
    await until(() => kit.sent().length === 2, 'sent on Ctrl+Enter');
  });

  it('COMP-9, KEY: remapped style keys style, the old ones do not; a style switched off does nothing while the others work', async () => {
    const kit = await holding('social', { shortcuts: { 'composer.bold': 'Ctrl+Alt+B', 'composer.italic': null } });
    const c = kit.composer;
    const spans = () => kit.store.state.drafts[kit.taskId]?.spans ?? [];
    expect(styleButton(c, 'bold').title).to.equal('Bold (Ctrl+Alt+B)');
    expect(styleButton(c, 'italic').title).to.equal('Italic');
    expect(styleButton(c, 'italic').hasAttribute('aria-keyshortcuts')).to.equal(false);
    await typeInBox(c, 'hello world');
    await selectFirst(5);

    await press('Control+b');
    await press('Control+i');
    await c.updateComplete;
    expect(spans()).to.deep.equal([]);
    expect(box(c).value).to.equal('hello world');

    await press('Control+Alt+b');
    await c.updateComplete;
    expect(spans()).to.deep.equal([{ start: 0, end: 5, style: 'bold' }]);
    await press('Control+Shift+X');
    await c.updateComplete;
    expect(spans()).to.deep.equal([{ start: 0, end: 5, style: 'strike' }]);

    // Italic back on at run time: the same keys now work.
    kit.provider.shortcuts!.remap('composer.italic', 'Mod+I');
    await c.updateComplete;
    expect(styleButton(c, 'italic').title).to.equal('Italic (Ctrl+I)');
    await press('Control+i');
    await c.updateComplete;
    expect(spans()).to.deep.equal([{ start: 0, end: 5, style: 'italic' }]);
  });

  it('KEY: the composer’s keys act only in its box; a page-wide action on the same keys acts everywhere else', async () => {
    const kit = await holding('social', { shortcuts: { 'composer.bold': 'Ctrl+Alt+9' } });
    const c = kit.composer;
    let acceptAll = 0;
    const off = kit.provider.shortcuts!.register('offers.accept-all', () => acceptAll++);
    await typeInBox(c, 'hello');
    await selectFirst(5);

    // In the box: the composer's action, and not the page's.
    await press('Control+Alt+9');
    await c.updateComplete;
    expect(kit.store.state.drafts[kit.taskId]!.spans).to.deep.equal([{ start: 0, end: 5, style: 'bold' }]);
    expect(acceptAll).to.equal(0);

    // Elsewhere (the Send button, a button of the page): the page's, and not the composer's.
    sendButton(c).focus();
    await press('Control+Alt+9');
    kit.provider.querySelector<HTMLButtonElement>('#outside')!.focus();
    await press('Control+Alt+9');
    await press('Control+Enter');
    await c.updateComplete;
    expect(acceptAll).to.equal(2);
    expect(kit.store.state.drafts[kit.taskId]!.spans).to.deep.equal([{ start: 0, end: 5, style: 'bold' }]);
    expect(kit.sent()).to.deep.equal([]);
    off();

    box(c).focus();
    await press('Control+Enter');
    await until(() => kit.sent().length === 1, 'sent from the box');
  });

  it('KEY: shortcuts: false switches the composer’s keys off too; the Send button still sends', async () => {
    const kit = await holding('chat', { shortcuts: false });
    const c = kit.composer;
    expect(sendButton(c).hasAttribute('aria-keyshortcuts')).to.equal(false);
    await typeInBox(c, 'Hi');
    await press('Enter');
    await press('Control+Enter');
    await c.updateComplete;
    expect(kit.sent()).to.deep.equal([]);
    expect(box(c).value).to.equal('Hi\n');
    sendButton(c).click();
    await until(() => kit.sent().length === 1, 'sent with the button');
  });

  it('KEY: a composer key that would type, or that Shift+Enter and Tab own, is refused at configuration time', () => {
    for (const keys of ['Shift+Enter', 'B', 'Shift+B', 'Tab']) {
      expect(() => resolveConfig({ shortcuts: { 'composer.send': keys } }), keys).to.throw(DcConfigError);
    }
  });

  describe('on an Apple system', () => {
    const originals = {
      platform: Object.getOwnPropertyDescriptor(Navigator.prototype, 'platform'),
      userAgentData: Object.getOwnPropertyDescriptor(Navigator.prototype, 'userAgentData'),
    };
    before(() => {
      Object.defineProperty(navigator, 'platform', { configurable: true, get: () => 'MacIntel' });
      Object.defineProperty(navigator, 'userAgentData', { configurable: true, get: () => ({ platform: 'macOS' }) });
    });
    after(() => {
      delete (navigator as unknown as Record<string, unknown>)['platform'];
      delete (navigator as unknown as Record<string, unknown>)['userAgentData'];
      expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'platform')).to.deep.equal(originals.platform);
    });

    it('COMP-1, COMP-9: Cmd takes Ctrl’s place: Cmd+Enter sends, Cmd+B bolds; Ctrl+Enter and Ctrl+B do nothing', async () => {
      const kit = await holding('social');
      const c = kit.composer;
      expect(sendButton(c).getAttribute('aria-keyshortcuts')).to.equal('Meta+Enter');
      expect(sendButton(c).title).to.equal('Send (⌘+Enter)');
      expect(styleButton(c, 'bold').title).to.equal('Bold (⌘+B)');
      await typeInBox(c, 'hello');
      await selectFirst(5);
      await press('Control+b');
      await press('Control+Enter');
      await c.updateComplete;
      expect(kit.store.state.drafts[kit.taskId]!.spans).to.deep.equal([]);
      expect(kit.sent()).to.deep.equal([]);
      await press('Meta+b');
      await c.updateComplete;
      expect(kit.store.state.drafts[kit.taskId]!.spans).to.deep.equal([{ start: 0, end: 5, style: 'bold' }]);
      await press('Meta+Enter');
      await until(() => kit.sent().length === 1, 'sent on Cmd+Enter');
      expect(kit.sent()).to.deep.equal(['*hello*']);
    });
  });
});
