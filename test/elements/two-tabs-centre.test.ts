/**
 * XFER-4, PANE-5 across two pages (two frames of one origin here, as two tabs of one browser are):
 * two agents, each on a simulated server of their own page, share one simulated contact centre through
 * a BroadcastChannel. A task one transfers is offered on the other page, with the whole history and the
 * note, and comes back the same way.
 */
import { expect } from '@open-wc/testing';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import type { SimulatedBackend, SimulatedCentre } from '../../src/simulator/index.js';
import { signInReady, text, until } from '../support/kit.js';

interface Tab {
  readonly provider: DcProvider;
  readonly backend: SimulatedBackend;
  readonly centre: SimulatedCentre;
}

const LONG = 15_000;
let frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const f of frames) f.remove();
  frames = [];
});

const tabOf = (frame: HTMLIFrameElement) => (frame.contentWindow as unknown as { __tab?: Tab } | null)?.__tab;

async function openTab(agent: string, channel: string): Promise<Tab> {
  const frame = document.createElement('iframe');
  frame.src = `/test/support/centre-tab.html?agent=${agent}&channel=${channel}`;
  frame.style.cssText = 'width: 700px; height: 600px';
  document.body.append(frame);
  frames.push(frame);
  await until(() => tabOf(frame)?.provider.store?.state.connection === 'online', `${agent}’s page is online`, LONG);
  return tabOf(frame)!;
}

const threadText = (tab: Tab) => text(tab.provider.querySelector('dc-chat-thread')!.shadowRoot!.querySelector('[part~="log"]'));

describe('two pages on one simulated centre, through a BroadcastChannel (XFER-4, PANE-5)', () => {
  it('XFER-4, PANE-5: a task transferred in one tab is offered in the other with its history and note, and transferred back', async function () {
    this.timeout(40_000); // two whole pages start, on a machine that may be busy
    const channel = `c${Math.random().toString(36).slice(2)}`;
    const alex = await openTab('alex', channel);
    const sam = await openTab('sam', channel);
    await signInReady(alex.provider.store!);
    await signInReady(sam.provider.store!);

    const a = alex.provider.store!;
    const first = alex.backend.offer('chat', { text: 'My parcel is late', customer: { name: 'Léa Dubois' } })!;
    a.accept(first.id);
    await until(() => a.state.tasks[first.id]?.status === 'active', 'Alex holds the chat', LONG);
    a.send(first.id, { text: 'Let me look' });
    await until(() => alex.backend.serverMessages(first.id).some((m) => m.text === 'Let me look'), 'sent', LONG);
    expect(a.transfer(first.id, { target: 'claims', note: 'Lost parcel, claim needed' })).to.be.a('string');
    await until(() => !a.state.tasks[first.id], 'the task leaves Alex’s page', LONG);

    // The other page: its own server is offered the conversation, with everything said so far.
    const s = sam.provider.store!;
    await until(() => Object.values(s.state.tasks).some((t) => t.status === 'offered'), 'Sam’s page gets the offer', LONG);
    const offer = Object.values(s.state.tasks).find((t) => t.status === 'offered')!;
    expect(offer.queue).to.equal('Claims');
    expect(s.state.messages[offer.id]!.map((m) => m.text)).to.include.members(['My parcel is late', 'Let me look', 'Lost parcel, claim needed']);
    expect(s.state.messages[offer.id]!.find((m) => m.text === 'Lost parcel, claim needed')).to.deep.include({ internal: true, name: 'alex' });
    s.accept(offer.id);
    await until(() => threadText(sam).includes('Lost parcel, claim needed'), 'Sam’s thread shows the note', LONG);
    expect(threadText(sam)).to.contain('Let me look');

    // And back to the first page, everything again.
    s.transfer(offer.id, { target: 'billing', note: 'Claim filed; refund question' });
    await until(() => Object.values(a.state.tasks).some((t) => t.status === 'offered'), 'Alex’s page is offered it back', LONG);
    const back = Object.values(a.state.tasks).find((t) => t.status === 'offered')!;
    a.accept(back.id);
    await until(() => threadText(alex).includes('Claim filed; refund question'), 'the whole transcript on Alex’s page', LONG);
    for (const said of ['My parcel is late', 'Let me look', 'Lost parcel, claim needed']) expect(threadText(alex)).to.contain(said);
    expect(Object.keys(s.state.tasks), 'Sam’s page holds nothing more').to.have.length(0);
  });
});
