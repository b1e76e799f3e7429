/**
 * `<dc-wrap-up>` on the simulated centre with a manual clock, driven with real clicks and keys (END-2).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import type { DcWrapUp } from '../../src/elements/wrap-up/wrap-up.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { text, until } from '../support/dom.js';
import { config, mount, part, reasons } from '../support/wrap-up-kit.js';

const reasonButton = (el: DcWrapUp, id: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-reason="${id}"]`)!;

describe('dc-wrap-up', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('END-2: shows nothing until End; then the countdown beside a disabled Close', async () => {
    const kit = await mount();
    const id = await kit.accept();
    await kit.el.updateComplete;
    expect(kit.el.shadowRoot!.children.length === 0 || !part(kit.el, 'wrap-up'), 'an active task: nothing').to.equal(true);
    kit.store.end(id);
    await kit.advance(0);
    expect(kit.el.matches(':state(counting)')).to.equal(true);
    expect(text(part(kit.el, 'countdown'))).to.equal('1:00');
    expect(part(kit.el, 'countdown')!.getAttribute('aria-label')).to.equal('Closes by itself in 1:00');
    expect((part(kit.el, 'close') as HTMLButtonElement).disabled).to.equal(true);
    expect(text(kit.el.shadowRoot!.querySelector('.hint'))).to.equal('Choose a reason to close.');
    await kit.advance(15_400);
    expect(text(part(kit.el, 'countdown')), 'from the deadline').to.equal('0:45');
    await expect(kit.el).to.be.accessible();
  });

  it('END-2, END-3: a reason clicked turns green and enables Close; Close closes; "Conversation closed" was in the thread', async () => {
    const kit = await mount();
    const id = await kit.accept();
    kit.store.end(id);
    await kit.advance(0);
    const thread = kit.provider.querySelector('dc-chat-thread')!;
    await until(() => text(thread.shadowRoot).includes('Conversation closed'), 'the closed announcement in the thread');
    reasonButton(kit.el, 'callback').click();
    await kit.el.updateComplete;
    const chosen = reasonButton(kit.el, 'callback');
    expect(chosen.getAttribute('aria-pressed')).to.equal('true');
    expect(getComputedStyle(chosen).borderColor, 'green').to.equal('rgb(26, 127, 55)');
    expect(reasonButton(kit.el, 'solved').getAttribute('aria-pressed')).to.equal('false');
    expect(kit.el.matches(':state(chosen)')).to.equal(true);
    const close = part(kit.el, 'close') as HTMLButtonElement;
    expect(close.disabled).to.equal(false);
    close.click();
    await kit.advance(0);
    expect(kit.store.state.tasks[id]).to.equal(undefined);
    expect(kit.backend.serverWrapUp(id)).to.deep.equal({ reasons: ['callback'], by: 'agent' });
  });

  it('END-2: keyboard only: Tab to a reason, Space chooses it, type a note, Tab to… Close with Enter', async () => {
    const kit = await mount();
    const id = await kit.accept();
    kit.store.end(id);
    await kit.advance(0);
    reasonButton(kit.el, 'solved').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await kit.el.updateComplete;
    expect(kit.store.state.wrapUps[id]!.reasons).to.deep.equal(['callback']);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Rings at 5' });
    expect(kit.store.state.wrapUps[id]!.note).to.equal('Rings at 5');
    (part(kit.el, 'close') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await kit.advance(0);
    expect(kit.backend.serverWrapUp(id)).to.deep.equal({ reasons: ['callback'], note: 'Rings at 5', by: 'agent' });
  });

  it('END-2: several reasons when config allows; one replaces the other when not', async () => {
    const kit = await mount(config({ multiple: true }));
    const id = await kit.accept();
    kit.store.end(id);
    await kit.advance(0);
    reasonButton(kit.el, 'spam').click();
    reasonButton(kit.el, 'solved').click();
    await kit.el.updateComplete;
    expect(kit.store.state.wrapUps[id]!.reasons).to.deep.equal(['solved', 'spam']);
    expect([...kit.el.shadowRoot!.querySelectorAll('[aria-pressed="true"]')]).to.have.length(2);
    const single = await mount();
    const other = await single.accept();
    single.store.end(other);
    await single.advance(0);
    reasonButton(single.el, 'spam').click();
    reasonButton(single.el, 'solved').click();
    await single.el.updateComplete;
    expect(single.store.state.wrapUps[other]!.reasons).to.deep.equal(['solved']);
  });

  it('END-2: about to close by itself, then zero closes it with the chosen reason (manual clock)', async () => {
    const kit = await mount();
    const id = await kit.accept();
    kit.store.end(id);
    await kit.advance(0);
    reasonButton(kit.el, 'solved').click();
    await kit.advance(50_500);
    expect(kit.el.matches(':state(due)')).to.equal(true);
    expect(text(part(kit.el, 'countdown'))).to.equal('0:10');
    expect(text(kit.el.shadowRoot!.querySelector('[aria-live="polite"]')), 'said once, politely').to.equal(
      'This task closes by itself in less than 10 seconds.',
    );
    await kit.advance(9_499);
    expect(kit.store.state.tasks[id]?.status, 'not yet').to.equal('wrap-up');
    await kit.advance(1);
    expect(kit.store.state.tasks[id]).to.equal(undefined);
    expect(kit.backend.serverWrapUp(id)).to.deep.equal({ reasons: ['solved'], by: 'agent' });
  });

  it('END-2: dc-before-wrap-up can veto Close, or change what is sent', async () => {
    const kit = await mount();
    const id = await kit.accept();
    kit.store.end(id);
    await kit.advance(0);
    reasonButton(kit.el, 'solved').click();
    await kit.el.updateComplete;
    let seen = 0;
    const veto = (e: Event) => {
      seen += 1;
      e.preventDefault();
    };
    kit.provider.addEventListener('dc-before-wrap-up', veto);
    part(kit.el, 'close')!.click();
    await kit.advance(0);
    expect(seen, 'the intent fired').to.equal(1);
    expect(kit.store.state.tasks[id]!.status, 'vetoed').to.equal('wrap-up');
    kit.provider.removeEventListener('dc-before-wrap-up', veto);
    kit.provider.addEventListener('dc-before-wrap-up', (e) => {
      e.detail.reasons = ['callback'];
      e.detail.note = 'from the CRM';
    });
    part(kit.el, 'close')!.click();
    await kit.advance(0);
    expect(kit.backend.serverWrapUp(id)).to.deep.equal({ reasons: ['callback'], note: 'from the CRM', by: 'agent' });
  });

  it('END-2, FAIL-3: after a reload the chosen reason is still green and the countdown goes on from the deadline', async () => {
    const storage = new MemoryStorage();
    const kit = await mount(config(), 'en', storage);
    const id = await kit.accept();
    kit.store.end(id);
    await kit.advance(0);
    reasonButton(kit.el, 'callback').click();
    await kit.advance(20_000);
    kit.store.flush();
    // The page reloads: a new provider on the same storage, the same server, the same time.
    const input = config();
    const provider = await fixture<DcProvider>(html`<dc-provider .config=${input} .backend=${kit.backend} .clock=${kit.clock} .storage=${storage} lang="fr">
      <dc-wrap-up task-id=${id}></dc-wrap-up>
    </dc-provider>`);
    kit.provider.remove();
    const el = provider.querySelector('dc-wrap-up')!;
    await provider.localeReady;
    await el.updateComplete;
    expect(reasonButton(el, 'callback').getAttribute('aria-pressed'), 'before the snapshot').to.equal('true');
    expect(text(reasonButton(el, 'callback'))).to.equal('Rappeler');
    await kit.clock.advance(0);
    el.requestUpdate();
    await el.updateComplete;
    expect(text(part(el, 'countdown'))).to.equal('0:40');
    expect(text(part(el, 'close'))).to.equal('Fermer');
    await expect(el).to.be.accessible();
  });

  it('END-2: nothing clipped at 360 px, light and dark', async () => {
    await setViewport({ width: 360, height: 640 });
    for (const theme of ['light', 'dark']) {
      const kit = await mount(config({ reasons: [...reasons, { id: 'long', label: 'A very long wrap-up reason that has to wrap on a phone' }] }), 'fr');
      kit.provider.setAttribute('theme', theme);
      const id = await kit.accept();
      kit.store.end(id);
      await kit.advance(0);
      reasonButton(kit.el, 'long').click();
      await kit.el.updateComplete;
      const box = kit.el.getBoundingClientRect();
      expect(box.right, `${theme}: within the window`).to.be.at.most(360);
      for (const node of kit.el.shadowRoot!.querySelectorAll<HTMLElement>('button, textarea, .countdown, h3')) {
        const r = node.getBoundingClientRect();
        expect(r.right, `${theme}: ${node.className || node.tagName} inside`).to.be.at.most(box.right + 0.5);
        expect(node.scrollWidth, `${theme}: ${node.className || node.tagName} not cut`).to.be.at.most(node.clientWidth + 1);
      }
      await expect(kit.el).to.be.accessible();
      kit.provider.remove();
    }
  });
});
