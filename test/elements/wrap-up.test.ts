/**
 * `<dc-wrap-up>` and `<dc-sign-out-confirm>` on the simulated centre with a manual clock, driven with
 * real clicks and keys (END-2, STATE-8).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { ManualClock } from '../../src/backend/clock.js';
import { resolveConfig, type DcConfigInput } from '../../src/model/config.js';
import { SimulatedBackend } from '../../src/simulator/index.js';
import { MemoryStorage } from '../../src/store/persist.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import '../../src/elements/provider/provider.js';
import '../../src/elements/wrap-up/wrap-up.js';
import '../../src/elements/sign-out-confirm/sign-out-confirm.js';
import '../../src/elements/chat-thread/chat-thread.js';
import type { DcWrapUp } from '../../src/elements/wrap-up/wrap-up.js';
import type { DcSignOutConfirm } from '../../src/elements/sign-out-confirm/sign-out-confirm.js';
import { text, until } from '../support/dom.js';

const reasons = [
  { id: 'solved', label: { en: 'Solved', fr: 'Résolu' } },
  { id: 'callback', label: { en: 'Call back', fr: 'Rappeler' } },
  { id: 'spam', label: { en: 'Spam', fr: 'Indésirable' } },
];
const config = (wrapUp: Record<string, unknown> = {}, more: DcConfigInput = {}): DcConfigInput => ({
  media: { chat: { wrapUp: { forced: true, seconds: 60, reasons, defaultReason: 'spam', ...wrapUp } }, sms: {} },
  ...more,
});

async function mount(input: DcConfigInput = config(), lang = 'en', storage: Storage = new MemoryStorage()) {
  const clock = new ManualClock();
  const backend = new SimulatedBackend({ config: resolveConfig(input), clock, storage: new MemoryStorage(), storageKey: 'server' });
  const provider = await fixture<DcProvider>(html`<dc-provider .config=${input} .backend=${backend} .clock=${clock} .storage=${storage} lang=${lang}>
    <dc-wrap-up></dc-wrap-up>
    <dc-chat-thread></dc-chat-thread>
    <dc-sign-out-confirm></dc-sign-out-confirm>
  </dc-provider>`);
  const store = provider.store!;
  await clock.advance(0);
  await store.ready;
  await provider.localeReady;
  store.signIn();
  await clock.advance(0);
  store.setState('all', { availability: 'ready' });
  await clock.advance(0);
  const el = provider.querySelector('dc-wrap-up')!;
  const confirm = provider.querySelector('dc-sign-out-confirm')!;
  const advance = async (ms: number) => {
    await clock.advance(ms);
    el.requestUpdate(); // the shared ticker runs on the page's clock; the test moves the store's
    await el.updateComplete;
  };
  const accept = async (media = 'chat') => {
    const offer = backend.offer(media)!;
    store.accept(offer.id);
    await clock.advance(0);
    return offer.id;
  };
  return { provider, backend, store, clock, el, confirm, advance, accept };
}

const part = (el: DcWrapUp | DcSignOutConfirm, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
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

describe('dc-sign-out-confirm', () => {
  it('STATE-8: the host signs out with held tasks: a dialog lists them; Go back keeps them, Sign out closes them', async () => {
    const kit = await mount(config({}, { onSignOut: 'close' }), 'fr');
    const a = await kit.accept('chat');
    const b = await kit.accept('sms');
    kit.store.end(a);
    await kit.advance(0);
    kit.store.setState('all', { availability: 'not-ready' });
    await kit.clock.advance(0);
    let answer: boolean | undefined;
    void kit.store.signOut().then((v) => (answer = v));
    await kit.confirm.updateComplete;
    const dialog = part(kit.confirm, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(kit.confirm.matches(':state(open)')).to.equal(true);
    expect(kit.confirm.shadowRoot!.querySelectorAll('[part~="task"]')).to.have.length(2);
    expect(text(dialog)).to.include('Ces 2 tâches seront clôturées');
    expect(kit.confirm.shadowRoot!.activeElement, '"Go back" has the focus').to.equal(part(kit.confirm, 'cancel'));
    await expect(kit.confirm).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await kit.clock.advance(0);
    await kit.confirm.updateComplete;
    expect(answer).to.equal(false);
    expect(dialog.open).to.equal(false);
    expect(Object.keys(kit.store.state.tasks)).to.have.members([a, b]);

    void kit.store.signOut().then((v) => (answer = v));
    await kit.confirm.updateComplete;
    // A host may veto it: the confirmation stays, nothing is signed out.
    let asked = 0;
    const veto = (e: Event) => {
      asked += 1;
      e.preventDefault();
    };
    kit.provider.addEventListener('dc-before-sign-out', veto);
    (part(kit.confirm, 'confirm') as HTMLButtonElement).click();
    await kit.clock.advance(0);
    expect(asked, 'dc-before-sign-out fired').to.equal(1);
    expect(dialog.open, 'vetoed: still asking').to.equal(true);
    expect(Object.keys(kit.store.state.tasks)).to.have.members([a, b]);
    kit.provider.removeEventListener('dc-before-sign-out', veto);
    (part(kit.confirm, 'confirm') as HTMLButtonElement).click();
    await kit.clock.advance(0);
    await kit.clock.advance(0);
    expect(answer).to.equal(true);
    expect(kit.store.state.tasks).to.deep.equal({});
    expect(kit.backend.serverWrapUp(a)).to.deep.equal({ reasons: ['spam'], by: 'agent' });
  });
});
