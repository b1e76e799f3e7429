/**
 * `<dc-transfer-menu>` (XFER-1, XFER-3, XFER-4, PANE-5): the routing points of the task's media,
 * searchable; the internal note; a forced wrap-up's reason and Apply first; pending and failed; the
 * host's vetoes; and two agents side by side on one simulated centre, the second receiving the task
 * with its whole history and the note, then transferring it back.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/transfer/transfer.js';
import '../../src/elements/chat-thread/chat-thread.js';
import '../../src/elements/offers/offers.js';
import '../../src/elements/provider/provider.js';
import type { DcTransferMenu } from '../../src/elements/transfer/transfer.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import { resolveConfig, type DcConfigInput } from '../../src/model/config.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { DcStore } from '../../src/store/store.js';
import { SAMPLE_TRANSFER_TARGETS, SimulatedBackend, SimulatedCentre } from '../../src/simulator/index.js';
import { mountKit, signInReady, text, until } from '../support/kit.js';
import { deepAll } from '../support/hostile.js';

const TARGETS = {
  chat: { transferTargets: SAMPLE_TRANSFER_TARGETS.chat },
  sms: { transferTargets: SAMPLE_TRANSFER_TARGETS.sms },
};
const CONFIG: DcConfigInput = { media: { ...TARGETS, social: {} } };

function parts(menu: DcTransferMenu) {
  const root = menu.shadowRoot!;
  return {
    trigger: () => root.querySelector<HTMLButtonElement>('[part~="trigger"]')!,
    retry: () => root.querySelector<HTMLButtonElement>('[part~="retry"]'),
    menu: () => root.querySelector<HTMLElement>('[part~="menu"]'),
    search: () => root.querySelector<HTMLInputElement>('[part~="search"]'),
    note: () => root.querySelector<HTMLTextAreaElement>('[part~="note"]'),
    targets: () => [...root.querySelectorAll<HTMLButtonElement>('[part~="target"]')].map((b) => text(b)),
    target: (id: string) => root.querySelector<HTMLButtonElement>(`[part~="target"][data-target="${id}"]`),
    focused: () => root.activeElement as HTMLElement | null,
  };
}

/** A kit with a transfer menu, a thread and one accepted task of `media`. */
async function withTask(media = 'chat', options: { lang?: string; config?: DcConfigInput } = {}) {
  const kit = await mountKit(html`<dc-transfer-menu></dc-transfer-menu><dc-chat-thread></dc-chat-thread>`, {
    config: options.config ?? CONFIG,
    ...(options.lang ? { lang: options.lang } : {}),
  });
  await signInReady(kit.store);
  const offer = kit.backend.offer(media, { text: 'My invoice is wrong' })!;
  kit.store.accept(offer.id);
  await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'the task is active');
  const menu = kit.provider.querySelector('dc-transfer-menu')!;
  await menu.updateComplete;
  return { ...kit, menu, p: parts(menu), taskId: offer.id };
}

async function typeText(value: string): Promise<void> {
  await sendKeys({ type: value });
}

describe('dc-transfer-menu', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('XFER-1: lists only the routing points of the task’s media; search folds case and accents; keys choose one', async () => {
    const { store, backend, menu, p, taskId } = await withTask('chat', { lang: 'fr' });
    expect(text(p.trigger())).to.equal('Transférer');
    p.trigger().focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!p.menu(), 'the menu opens');
    expect(p.menu()!.matches(':popover-open'), 'in the top layer').to.be.true;
    expect(p.targets()).to.deep.equal(['Facturation', 'Assistance technique', 'Réclamations', 'Ventes', 'Fidélisation']);
    expect(p.targets(), 'not the SMS points').to.not.include('Escalade SMS');
    expect(p.focused()).to.equal(p.search());
    await typeText('RECLAM');
    await menu.updateComplete;
    expect(p.targets()).to.deep.equal(['Réclamations']);
    await sendKeys({ press: 'Backspace' });
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'Backspace' });
    await typeText('zzz');
    await menu.updateComplete;
    expect(text(p.menu())).to.contain('Aucun point de routage ne correspond');
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Backspace' });
    await menu.updateComplete;

    // The note, then a routing point with the keys: Down from the search, Down again, Enter.
    p.note()!.focus();
    await typeText('Veut un remboursement');
    p.search()!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(text(p.focused())).to.equal('Assistance technique');
    const asked: unknown[] = [];
    menu.addEventListener('dc-before-transfer', (e) => asked.push(e.detail));
    await sendKeys({ press: 'Enter' });
    expect(asked).to.deep.equal([{ taskId, media: 'chat', target: 'support', note: 'Veut un remboursement' }]);
    await until(() => !store.state.tasks[taskId], 'XFER-4: the task leaves the list');
    expect(backend.serverTasks).to.have.length(0);
  });

  it('XFER-4: while pending, the button and the thread say so and End and Send are refused; on failure, the reason and Retry', async () => {
    const { provider, store, backend, menu, p, taskId } = await withTask();
    backend.failTransfer({ reason: 'Billing is closed' });
    p.trigger().click();
    await until(() => !!p.menu(), 'the menu opens');
    p.target('billing')!.click();
    await until(() => store.state.transfers[taskId]?.status === 'failed', 'the transfer failed');
    await menu.updateComplete;
    const thread = provider.querySelector('dc-chat-thread')!;
    await thread.updateComplete;
    expect(text(p.trigger())).to.equal('Transfer failed');
    expect(text(thread.shadowRoot!.querySelector('[part~="transfer-status"]'))).to.contain('The transfer to Billing failed: Billing is closed');
    expect(store.state.tasks[taskId]!.status, 'the agent keeps the task').to.equal('active');
    await expect(menu).to.be.accessible();

    // Retry: pending now (held by a slow server), then done.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const original = backend.transfer.bind(backend);
    backend.transfer = async (request) => {
      await held;
      return original(request);
    };
    p.retry()!.click();
    await until(() => store.state.transfers[taskId]?.status === 'pending', 'pending again');
    await menu.updateComplete;
    await thread.updateComplete;
    expect(text(p.trigger())).to.equal('Transferring…');
    expect(p.trigger().getAttribute('aria-disabled')).to.equal('true');
    expect(text(thread.shadowRoot!.querySelector('[part~="transfer-status"]'))).to.contain('Transferring to Billing');
    expect(store.send(taskId, { text: 'still there?' }), 'Send is refused').to.equal(undefined);
    store.end(taskId);
    await new Promise((r) => setTimeout(r, 20));
    expect(store.state.tasks[taskId], 'End is refused').to.exist;
    expect(backend.serverTask(taskId)!.status).to.equal('active');
    release();
    await until(() => !store.state.tasks[taskId], 'done: the task leaves the list');
  });

  it('XFER-1: dc-transfer-open can hold the menu back, and show() opens it; dc-before-transfer can veto', async () => {
    const { store, menu, p, taskId } = await withTask();
    const opened: string[] = [];
    const hold = (e: Event) => {
      opened.push((e as CustomEvent<{ taskId: string }>).detail.taskId);
      e.preventDefault();
    };
    menu.addEventListener('dc-transfer-open', hold);
    p.trigger().click();
    await menu.updateComplete;
    expect(opened).to.deep.equal([taskId]);
    expect(p.menu(), 'held back').to.equal(null);
    menu.show();
    await menu.updateComplete;
    expect(p.menu(), 'show() opens it').to.exist;
    menu.addEventListener('dc-before-transfer', (e) => e.preventDefault());
    p.target('claims')!.click();
    await menu.updateComplete;
    expect(store.state.transfers[taskId], 'vetoed').to.equal(undefined);
    expect(p.menu(), 'the menu stays open').to.exist;
    await sendKeys({ press: 'Escape' });
    await menu.updateComplete;
    expect(p.menu()).to.equal(null);
    expect(p.focused()).to.equal(p.trigger());
  });

  it('XFER-1: Transfer is disabled with its reason without routing points, and for an offer', async () => {
    const { store, menu, p, backend } = await withTask('social');
    expect(p.trigger().getAttribute('aria-disabled')).to.equal('true');
    expect(p.trigger().title).to.equal('No routing point is configured for this channel');
    p.trigger().click();
    await menu.updateComplete;
    expect(p.menu()).to.equal(null);
    const offer = backend.offer('chat')!;
    menu.taskId = offer.id;
    await until(() => !!store.state.tasks[offer.id], 'the offer arrives');
    await menu.updateComplete;
    expect(p.trigger().title).to.equal('Only an active task can be transferred');
    await expect(menu).to.be.accessible();
  });

  it('XFER-3: with a forced wrap-up, the reason and Apply come before the routing points', async () => {
    const base = resolveConfig(CONFIG);
    const reasons = [
      { id: 'solved', label: { en: 'Solved', fr: 'Résolu' } },
      { id: 'callback', label: { en: 'Call back', fr: 'Rappeler' } },
    ];
    const config = { ...base, media: base.media.map((m) => ({ ...m, wrapUp: { ...m.wrapUp, forced: true, reasons, afterTransfer: true } })) };
    const backend = new SimulatedBackend({ config });
    const store = new DcStore({ config, backend, storage: new MemoryStorage() });
    // No provider: a host that cannot wrap gives the element its store.
    const menu = await fixture<DcTransferMenu>(html`<dc-transfer-menu lang="en" .store=${store.api}></dc-transfer-menu>`);
    await store.ready;
    await signInReady(store);
    const offer = backend.offer('chat')!;
    store.accept(offer.id);
    await until(() => store.state.tasks[offer.id]?.status === 'active', 'active');
    await menu.updateComplete;
    const p = parts(menu);
    p.trigger().click();
    await until(() => !!p.menu(), 'open');
    const root = menu.shadowRoot!;
    expect(p.targets(), 'no routing point before the wrap-up').to.deep.equal([]);
    const apply = root.querySelector<HTMLButtonElement>('[part~="apply"]')!;
    expect(apply.disabled).to.be.true;
    expect(p.focused()).to.equal(root.querySelector('input[value="solved"]'));
    await sendKeys({ press: 'Space' });
    await menu.updateComplete;
    expect(apply.disabled).to.be.false;
    await expect(menu).to.be.accessible();
    apply.click();
    await until(() => p.targets().length > 0, 'the routing points after Apply');
    expect(text(root.querySelector('[part~="applied"]'))).to.contain('Wrap-up: Solved');
    let sent: unknown;
    const original = backend.transfer.bind(backend);
    backend.transfer = (request) => {
      sent = request.wrapUp;
      return original(request);
    };
    p.target('billing')!.click();
    await until(() => !store.state.tasks[offer.id], 'transferred');
    expect(sent).to.deep.equal({ reasons: ['solved'] });
    store.dispose();
  });

  it('is accessible in light and dark, open, and fits a 360 px window', async () => {
    const { provider, menu, p } = await withTask();
    await setViewport({ width: 360, height: 640 });
    p.trigger().click();
    await until(() => !!p.menu(), 'open');
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const box = p.menu()!.getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(360);
    await expect(menu).to.be.accessible();
    provider.theme = 'dark';
    await menu.updateComplete;
    await expect(menu).to.be.accessible();
  });
});

describe('two agents on one simulated centre, side by side (XFER-4, PANE-5)', () => {
  it('XFER-4, PANE-5: the second agent accepts the transfer and sees the whole history and the note; a transfer back shows it all again', async () => {
    const centre = new SimulatedCentre();
    const kits: { provider: DcProvider; backend: SimulatedBackend }[] = [];
    for (const [id, name] of [
      ['alex', 'Alex Martin'],
      ['sam', 'Sam Roux'],
    ] as const) {
      const config: DcConfigInput = { ...CONFIG, agent: { id, name }, retryDelayMs: 20 };
      const backend = new SimulatedBackend({ config: resolveConfig(config), centre, agentName: name });
      const provider = await fixture<DcProvider>(
        html`<dc-provider lang="en" .config=${config} .backend=${backend} .storage=${new MemoryStorage()}
          ><dc-offers></dc-offers><dc-transfer-menu></dc-transfer-menu><dc-chat-thread></dc-chat-thread
        ></dc-provider>`,
      );
      await provider.store!.ready;
      await signInReady(provider.store!);
      kits.push({ provider, backend });
    }
    const [alex, sam] = kits as [(typeof kits)[0], (typeof kits)[0]];
    const first = alex.backend.offer('chat', { text: 'My invoice is wrong', customer: { name: 'Léa Dubois' } })!;
    alex.provider.store!.accept(first.id);
    await until(() => alex.provider.store!.state.tasks[first.id]?.status === 'active', 'Alex holds the chat');
    alex.provider.store!.send(first.id, { text: 'Let me check' });
    await until(() => alex.backend.serverMessages(first.id).some((m) => m.text === 'Let me check'), 'Alex’s message reached the server');

    // Alex transfers it with a note, through the menu.
    const menuA = alex.provider.querySelector('dc-transfer-menu')!;
    await menuA.updateComplete;
    const pa = parts(menuA);
    pa.trigger().click();
    await until(() => !!pa.note(), 'the menu opens');
    pa.note()!.focus();
    await typeText('Wants a refund of 20 €');
    pa.target('billing')!.click();
    await until(() => !alex.provider.store!.state.tasks[first.id], 'the task leaves Alex’s list');

    // Sam is offered it, accepts it from the offer pop-up, and reads everything.
    const offers = sam.provider.querySelector('dc-offers')!;
    await until(() => deepAll(offers.shadowRoot!, '[part~="accept"]').length === 1, `Sam’s offer pops up (${JSON.stringify(sam.backend.serverTasks)} ${centre.waiting.length})`);
    (deepAll(offers.shadowRoot!, '[part~="accept"]')[0] as HTMLButtonElement).click();
    const samStore = sam.provider.store!;
    await until(() => Object.values(samStore.state.tasks).some((t) => t.status === 'active'), 'Sam holds it');
    const second = Object.values(samStore.state.tasks).find((t) => t.status === 'active')!;
    expect(second.queue).to.equal('Billing');
    const threadB = sam.provider.querySelector('dc-chat-thread')!;
    await until(() => text(threadB.shadowRoot!.querySelector('[part~="log"]')).includes('Wants a refund of 20 €'), 'the note shows');
    const logB = text(threadB.shadowRoot!.querySelector('[part~="log"]'));
    expect(logB).to.contain('My invoice is wrong');
    expect(logB).to.contain('Let me check');
    expect(logB).to.contain('Internal note');
    expect(deepAll(threadB.shadowRoot!, '[part~="internal-bubble"]')).to.have.length(1);
    await expect(threadB).to.be.accessible();
    sam.provider.theme = 'dark';
    await threadB.updateComplete;
    await expect(threadB, 'the note in the dark theme').to.be.accessible();

    // Alex's old thread hears nothing more: the customer writes to Sam.
    sam.backend.customerMessage(second.id, 'Thanks, Sam');
    await until(() => samStore.state.messages[second.id]?.some((m) => m.text === 'Thanks, Sam') ?? false, 'Sam gets the message');
    expect(Object.values(alex.provider.store!.state.messages).flat().some((m) => m.text === 'Thanks, Sam')).to.be.false;

    // Sam transfers it back, with a note of his own: Alex is offered it with the whole transcript.
    samStore.transfer(second.id, { target: 'support', note: 'Refund done; the app crashes' });
    const alexStore = alex.provider.store!;
    await until(() => Object.values(alexStore.state.tasks).some((t) => t.status === 'offered'), 'Alex is offered it back');
    const back = Object.values(alexStore.state.tasks).find((t) => t.status === 'offered')!;
    alexStore.accept(back.id);
    await until(() => alexStore.state.tasks[back.id]?.status === 'active', 'Alex holds it again');
    const threadA = alex.provider.querySelector('dc-chat-thread')!;
    await until(() => text(threadA.shadowRoot!.querySelector('[part~="log"]')).includes('Refund done; the app crashes'), 'the second note shows');
    const logA = text(threadA.shadowRoot!.querySelector('[part~="log"]'));
    for (const said of ['My invoice is wrong', 'Let me check', 'Wants a refund of 20 €', 'Thanks, Sam']) expect(logA).to.contain(said);
    expect(deepAll(threadA.shadowRoot!, '[part~="internal-bubble"]')).to.have.length(2);
    for (const k of kits) k.backend.close();
    centre.close();
  });
});
