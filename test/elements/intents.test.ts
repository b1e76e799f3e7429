/**
 * Intent events: before the kit acts on what the agent asked for, it fires a cancelable `dc-before-…`
 * event a host can veto or enrich. Each test shows the action going through when nobody objects, then
 * the same action vetoed (nothing changes), or changed by the host.
 */
import { expect, html } from '@open-wc/testing';
import '../../src/elements/offers/offers.js';
import '../../src/elements/state-picker/state-picker.js';
import '../../src/elements/desktop/desktop.js';
import '../../src/elements/transfer/transfer.js';
import { SAMPLE_TRANSFER_TARGETS } from '../../src/simulator/index.js';
import type { DcBeforeAcceptEvent, DcBeforeEndEvent, DcBeforeSignInEvent, DcBeforeStateChangeEvent } from '../../src/events/events.js';
import { mountKit, press, signInReady, text, until } from '../support/kit.js';

describe('intent events', () => {
  it('dc-before-sign-in: a veto keeps the agent signed out; without one Sign In signs in', async () => {
    const kit = await mountKit(html`<dc-state-picker></dc-state-picker>`);
    const picker = kit.provider.querySelector('dc-state-picker')!;
    const seen: DcBeforeSignInEvent[] = [];
    let veto = true;
    kit.provider.addEventListener('dc-before-sign-in', (e) => {
      seen.push(e);
      if (veto) e.preventDefault();
    });
    await picker.updateComplete;
    const signIn = () => picker.shadowRoot!.querySelector<HTMLButtonElement>('[part~="sign-in-button"]')!;
    signIn().click();
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).to.have.length(1);
    expect(seen[0]!.detail.media).to.have.members(['chat', 'sms', 'social', 'email']);
    expect(Object.values(kit.store.state.media).every((m) => m.signIn === 'signed-out')).to.equal(true);

    veto = false;
    signIn().click();
    await until(() => Object.values(kit.store.state.media).every((m) => m.signIn === 'signed-in'), 'signed in');
    expect(seen).to.have.length(2);
  });

  it('dc-before-state-change: a host may change the state asked for, or veto it (menu and shortcut alike)', async () => {
    const kit = await mountKit(html`<dc-state-picker></dc-state-picker>`);
    const picker = kit.provider.querySelector('dc-state-picker')!;
    await signInReady(kit.store);
    const seen: DcBeforeStateChangeEvent[] = [];
    let mode: 'lunch' | 'veto' = 'lunch';
    kit.provider.addEventListener('dc-before-state-change', (e) => {
      seen.push(e);
      if (mode === 'veto') e.preventDefault();
      else e.detail.target = { availability: 'not-ready', reasonId: 'lunch' };
    });
    picker.openMenu();
    await picker.updateComplete;
    // All → Not Ready, which the host turns into "Not Ready – Lunch".
    const item = picker.shadowRoot!.querySelector<HTMLButtonElement>('[data-scope="all"][data-kind="not-ready"][data-reason=""]')!;
    item.click();
    await until(() => Object.values(kit.store.state.media).every((m) => m.availability === 'not-ready'), 'all Not Ready');
    expect(Object.values(kit.store.state.media).map((m) => m.reasonId)).to.deep.equal(['lunch', 'lunch', 'lunch', 'lunch']);
    expect(seen[0]!.detail.scope).to.equal('all');
    expect(seen[0]!.target).to.equal(picker);

    // The shortcut asks the same question, on the provider: vetoed, Chat/Social stays Not Ready.
    mode = 'veto';
    await press('Control+Shift+Digit5');
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).to.have.length(2);
    expect(seen[1]!.target).to.equal(kit.provider);
    expect(seen[1]!.detail.scope).to.equal('chat-social');
    expect(kit.store.state.media['chat']!.availability).to.equal('not-ready');
  });

  it('dc-before-accept: fired once per offer by Accept all; a vetoed offer stays on offer, the others are accepted', async () => {
    const kit = await mountKit(html`<dc-offers placement="inline"></dc-offers>`);
    const offers = kit.provider.querySelector('dc-offers')!;
    await signInReady(kit.store);
    const first = kit.backend.offer('chat')!;
    const second = kit.backend.offer('sms')!;
    await until(() => text(offers.shadowRoot).includes('Accept all'), 'two offers on show');
    const seen: DcBeforeAcceptEvent[] = [];
    kit.provider.addEventListener('dc-before-accept', (e) => {
      seen.push(e);
      if (e.detail.taskId === second.id) e.preventDefault();
    });
    offers.shadowRoot!.querySelector<HTMLButtonElement>('[part~="accept-all"]')!.click();
    await until(() => kit.store.state.tasks[first.id]?.status === 'active', 'the first offer accepted');
    expect(seen.map((e) => e.detail.taskId)).to.have.members([first.id, second.id]);
    expect(kit.store.state.tasks[second.id]!.status).to.equal('offered');
    // Ctrl+Alt+9 asks again for what is still on offer.
    await press('Control+Alt+Digit9');
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.slice(2).map((e) => e.detail.taskId)).to.deep.equal([second.id]);
    expect(kit.store.state.tasks[second.id]!.status).to.equal('offered');
  });

  it('dc-before-end: a veto keeps the task; without one End closes it', async () => {
    const kit = await mountKit(html`<dc-desktop></dc-desktop>`);
    const desktop = kit.provider.querySelector('dc-desktop')!;
    await signInReady(kit.store);
    const offer = kit.backend.offer('chat', { text: 'Hello' })!;
    kit.store.accept(offer.id);
    // End in the customer details (the desktop's own summary End gives way to them once they load).
    const end = () => desktop.shadowRoot!.querySelector('dc-customer-details')?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="end"]');
    await until(() => !!end(), 'End on show', 15000);
    let veto = true;
    const seen: DcBeforeEndEvent[] = [];
    kit.provider.addEventListener('dc-before-end', (e) => {
      seen.push(e);
      if (veto) e.preventDefault();
    });
    end()!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(seen[0]!.detail).to.deep.equal({ taskId: offer.id, media: 'chat' });
    expect(kit.store.state.tasks[offer.id]?.status).to.equal('active');
    veto = false;
    end()!.click();
    await until(() => !kit.store.state.tasks[offer.id], 'the task ended');
  });
});

describe('intent events in the conversation', () => {
  it('dc-before-retry and dc-before-discard: a veto leaves the failed message as it is; without one Retry delivers it', async () => {
    await import('../../src/elements/chat-thread/chat-thread.js');
    const kit = await mountKit(html`<dc-chat-thread></dc-chat-thread>`, { backend: { replyRate: 0 } });
    const thread = kit.provider.querySelector('dc-chat-thread')!;
    await signInReady(kit.store);
    const offer = kit.backend.offer('chat', { text: 'Hello' })!;
    kit.store.accept(offer.id);
    await until(() => kit.store.state.selectedTaskId === offer.id, 'the chat on show');
    kit.backend.failSends({ count: 1, mode: 'reject', reason: 'Carrier unavailable' });
    kit.store.send(offer.id, { text: 'Your refund is approved' });
    const button = (part: string) => thread.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
    await until(() => !!button('retry') && !!button('discard'), 'Retry and Discard on show');
    const seen: string[] = [];
    let veto = true;
    for (const type of ['dc-before-retry', 'dc-before-discard'] as const) {
      kit.provider.addEventListener(type, (e) => {
        seen.push(`${e.type}:${e.detail.taskId}`);
        if (veto) e.preventDefault();
      });
    }
    button('discard')!.click();
    button('retry')!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).to.deep.equal([`dc-before-discard:${offer.id}`, `dc-before-retry:${offer.id}`]);
    expect(Object.values(kit.store.state.outbox).map((e) => e.status)).to.deep.equal(['failed']);

    veto = false;
    button('retry')!.click();
    await until(() => Object.keys(kit.store.state.outbox).length === 0, 'delivered');
    expect((kit.store.state.messages[offer.id] ?? []).filter((m) => m.text === 'Your refund is approved')).to.have.length(1);
  });

  it('dc-before-workflow: a veto runs nothing and the dialog says so; without one the workflow runs', async () => {
    await import('../../src/elements/composer/composer.js');
    const kit = await mountKit(html`<dc-composer></dc-composer>`, { backend: { replyRate: 0 } });
    const composer = kit.provider.querySelector('dc-composer')!;
    await signInReady(kit.store);
    const offer = kit.backend.offer('chat', { text: 'Hello' })!;
    kit.store.accept(offer.id);
    await until(() => !!composer.shadowRoot!.querySelector('[data-action="workflows"]'), 'the workflow button');
    let veto = true;
    const seen: string[] = [];
    kit.provider.addEventListener('dc-before-workflow', (e) => {
      seen.push(e.detail.workflowId);
      if (veto) e.preventDefault();
    });
    composer.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="workflows"]')!.click();
    const dialog = () => composer.shadowRoot!.querySelector('dc-workflow-dialog');
    const radio = () =>
      [...(dialog()?.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? [])].find((r) => r.value === 'survey');
    await until(() => !!radio(), 'the workflows listed');
    const run = async () => {
      radio()!.click();
      await dialog()!.updateComplete;
      dialog()!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="trigger"]')!.click();
    };
    const announced = () => (kit.store.state.messages[offer.id] ?? []).some((m) => m.announcement?.code === 'workflow');
    await run();
    await until(() => text(dialog()!.shadowRoot).includes('The workflow was not run.'), 'the veto said');
    expect(seen).to.deep.equal(['survey']);
    expect(announced()).to.equal(false);

    veto = false;
    await run();
    await until(announced, 'the workflow ran');
    expect(seen).to.deep.equal(['survey', 'survey']);
  });
});

describe('intent events of a transfer', () => {
  it('XFER-4 dc-before-transfer: a veto keeps the task; a host may rewrite the note, which the next agent gets', async () => {
    const kit = await mountKit(html`<dc-transfer-menu></dc-transfer-menu>`, {
      config: { media: { chat: { transferTargets: SAMPLE_TRANSFER_TARGETS.chat } } },
    });
    const menu = kit.provider.querySelector('dc-transfer-menu')!;
    await signInReady(kit.store);
    const offer = kit.backend.offer('chat', { text: 'Hello' })!;
    kit.store.accept(offer.id);
    await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'the task is active');
    const notes: (string | undefined)[] = [];
    const original = kit.backend.transfer.bind(kit.backend);
    kit.backend.transfer = (request) => {
      notes.push(request.note);
      return original(request);
    };
    let veto = true;
    const seen: string[] = [];
    kit.provider.addEventListener('dc-before-transfer', (e) => {
      seen.push(`${e.detail.target}:${e.detail.note}`);
      if (veto) e.preventDefault();
      else e.detail.note = `${e.detail.note} (CRM case 42)`;
    });
    const root = menu.shadowRoot!;
    await menu.updateComplete;
    root.querySelector<HTMLButtonElement>('[part~="trigger"]')!.click();
    await until(() => !!root.querySelector('[part~="note"]'), 'the menu opens');
    const note = root.querySelector<HTMLTextAreaElement>('[part~="note"]')!;
    note.value = 'VIP';
    note.dispatchEvent(new Event('input'));
    await menu.updateComplete;
    root.querySelector<HTMLButtonElement>('[part~="target"][data-target="billing"]')!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(kit.store.state.tasks[offer.id]?.status, 'vetoed: the agent keeps the task').to.equal('active');
    expect(kit.store.state.transfers[offer.id]).to.equal(undefined);
    veto = false;
    root.querySelector<HTMLButtonElement>('[part~="target"][data-target="billing"]')!.click();
    await until(() => !kit.store.state.tasks[offer.id], 'transferred');
    expect(seen).to.deep.equal(['billing:VIP', 'billing:VIP']);
    expect(notes, 'the server got the host’s note').to.deep.equal(['VIP (CRM case 42)']);
  });
});
