/**
 * The demo's "two agents side by side" (demo/two-agents.html) as a person opens it: two desktops on one
 * simulated centre; an SMS transferred with a note from Alex's desktop, through its transfer menu, is
 * offered on Sam's with its history and the note (XFER-4, PANE-5), and comes back.
 */
import { expect } from '@open-wc/testing';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import { signInReady, text, until } from '../support/kit.js';

const LOAD = 20000;
let frame: HTMLIFrameElement | undefined;
afterEach(() => {
  frame?.remove();
  frame = undefined;
});

describe('demo: two agents side by side', () => {
  it('XFER-4, PANE-5: an SMS transferred on Alex’s desktop with a note reaches Sam’s with its history, and back', async function () {
    this.timeout(60_000);
    frame = document.createElement('iframe');
    frame.src = '/demo/two-agents.html';
    frame.style.cssText = 'width: 1400px; height: 900px; border: 0';
    document.body.append(frame);
    const page = () => frame!.contentDocument?.querySelector('demo-two-agents')?.shadowRoot;
    const provider = (id: string) => page()?.querySelector<DcProvider>(`dc-provider[data-agent="${id}"]`);
    await until(() => !!provider('alex')?.store && !!provider('sam')?.store, 'both desktops loaded', LOAD);
    const alex = provider('alex')!;
    const sam = provider('sam')!;
    await alex.store!.ready;
    await sam.store!.ready;
    await signInReady(alex.store!);
    await signInReady(sam.store!);

    // Alex is offered an SMS from the panel, accepts it, and transfers it with a note from the menu.
    page()!.querySelector<HTMLButtonElement>('section[aria-label="Alex Martin"] [data-offer="sms"]')!.click();
    await until(() => Object.values(alex.store!.state.tasks).some((t) => t.status === 'offered'), 'the offer', LOAD);
    const offer = Object.values(alex.store!.state.tasks).find((t) => t.status === 'offered')!;
    alex.store!.accept(offer.id);
    await until(() => alex.store!.state.tasks[offer.id]?.status === 'active', 'accepted', LOAD);
    // The menu is in the customer details of Alex's desktop, at the top (CUST-1).
    const menuOf = () =>
      alex.querySelector('dc-desktop')?.shadowRoot?.querySelector('dc-customer-details')?.shadowRoot?.querySelector('dc-transfer-menu');
    await until(() => !!menuOf()?.shadowRoot?.querySelector('[part~="trigger"]'), 'the Transfer button in the details', LOAD);
    const menu = menuOf()!;
    await menu.updateComplete;
    menu.shadowRoot!.querySelector<HTMLButtonElement>('[part~="trigger"]')!.click();
    await until(() => !!menu.shadowRoot!.querySelector('[part~="note"]'), 'the menu opens', LOAD);
    const note = menu.shadowRoot!.querySelector<HTMLTextAreaElement>('[part~="note"]')!;
    note.value = 'Asked for a callback tomorrow';
    note.dispatchEvent(new Event('input'));
    await menu.updateComplete;
    menu.shadowRoot!.querySelector<HTMLButtonElement>('[part~="target"][data-target="sms-escalation"]')!.click();
    await until(() => !alex.store!.state.tasks[offer.id], 'it leaves Alex’s list', LOAD);

    await until(() => Object.values(sam.store!.state.tasks).some((t) => t.status === 'offered'), 'Sam is offered it', LOAD);
    const received = Object.values(sam.store!.state.tasks).find((t) => t.status === 'offered')!;
    expect(received.queue).to.equal('SMS escalation');
    expect(received.customer).to.deep.equal(offer.customer);
    sam.store!.accept(received.id);
    await until(() => sam.store!.state.tasks[received.id]?.status === 'active', 'Sam accepts', LOAD);
    const messages = sam.store!.state.messages[received.id] ?? [];
    expect(messages.find((m) => m.internal)?.text).to.equal('Asked for a callback tomorrow');
    expect(messages[0]!.from).to.equal('customer');

    // Sam's desktop shows it; Sam transfers it back; Alex is offered it with everything.
    const desktop = sam.querySelector('dc-desktop')!;
    await until(() => text(desktop.shadowRoot!.querySelector('dc-chat-thread')?.shadowRoot?.querySelector('[part~="log"]') ?? null).includes('Asked for a callback tomorrow'), 'the note on Sam’s desktop', LOAD);
    sam.store!.transfer(received.id, { target: 'billing', note: 'Callback booked' });
    await until(() => Object.values(alex.store!.state.tasks).some((t) => t.status === 'offered'), 'back to Alex', LOAD);
    const back = Object.values(alex.store!.state.tasks).find((t) => t.status === 'offered')!;
    expect((alex.store!.state.messages[back.id] ?? []).filter((m) => m.internal).map((m) => m.text)).to.deep.equal([
      'Asked for a callback tomorrow',
      'Callback booked',
    ]);
  });
});
