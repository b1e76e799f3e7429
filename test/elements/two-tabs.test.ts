/**
 * HOSTILE-12: two pages of one agent (two frames of one origin here, as two tabs are) on one
 * localStorage and one server. Each writes only the drafts and queued messages it changed, and they
 * tell each other which (BroadcastChannel): nothing one page keeps is lost to the other, and a
 * message queued in one is delivered once.
 */
import { expect } from '@open-wc/testing';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import { resolveConfig } from '../../src/model/config.js';
import { task } from '../store/script-backend.js';
import { Hub, type TabBackend } from '../support/shared-server.js';
import { deepAll, watchPage, type PageWatch } from '../support/hostile.js';
import { text, until } from '../support/kit.js';

interface Tab {
  readonly provider: DcProvider;
  readonly backend: TabBackend;
}

const MEDIA = resolveConfig({}).media.map((m) => m.id);
const LONG = 15_000;

let page: PageWatch;
let frames: HTMLIFrameElement[] = [];
beforeEach(() => {
  page = watchPage();
  localStorage.clear();
});
afterEach(() => {
  page.stop();
  for (const f of frames) f.remove();
  frames = [];
});

const tabOf = (frame: HTMLIFrameElement) => (frame.contentWindow as unknown as { __tab?: Tab } | null)?.__tab;

/** Opens a page of the agent's and waits until its kit has read the server's state. */
async function openTab(): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.src = '/test/support/tab.html';
  frame.style.cssText = 'width: 900px; height: 700px';
  document.body.append(frame);
  frames.push(frame);
  await until(() => tabOf(frame)?.provider.store?.state.connection === 'online', 'the page’s kit is online', LONG);
  return frame;
}

/** Reloads a page, as the agent's F5 does, and waits for its kit to be back online. */
async function reload(frame: HTMLIFrameElement): Promise<Tab> {
  const before = tabOf(frame);
  frame.contentWindow!.location.reload();
  await until(() => {
    const tab = tabOf(frame);
    return !!tab && tab !== before && tab.provider.store?.state.connection === 'online';
  }, 'the page is back online', LONG);
  return tabOf(frame)!;
}

const store = (frame: HTMLIFrameElement) => tabOf(frame)!.provider.store!;
const draft = (text: string) => ({ text, spans: [], attachments: [] });

function newHub(): Hub {
  const hub = new Hub(MEDIA);
  const now = Date.now();
  hub.server.seq = 1;
  hub.server.tasks.set('t1', task('t1', 'chat', 'active', now - 60_000, 'Ana Lima'));
  (window as unknown as { __dcHub: Hub }).__dcHub = hub;
  return hub;
}

/** What the agent sees in a page: the composer's text and the thread's bubbles. */
async function seen(frame: HTMLIFrameElement): Promise<{ box: string; bubbles: string[] }> {
  const doc = frame.contentDocument!;
  await until(() => deepAll(doc, 'textarea').length > 0, 'the composer shows', LONG);
  const box = (deepAll(doc, 'textarea')[0] as HTMLTextAreaElement).value;
  return { box, bubbles: deepAll(doc, '[part~="bubble"]').map((b) => text(b)) };
}

describe('two pages of one agent on one storage', function () {
  this.timeout(60_000);

  it('HOSTILE-12: A queues a message offline and keeps a draft; B opens and signs in; A reloads: the draft is there, the message is sent once', async () => {
    const hub = newHub();
    const a = await openTab();
    tabOf(a)!.backend.drop();
    const clientId = store(a).send('t1', { text: 'Sent while offline' })!;
    store(a).setDraft('t1', draft('Half a thought'));
    store(a).flush();

    const b = await openTab();
    store(b).signIn();
    await until(() => Object.values(store(b).state.media).every((m) => m.signIn === 'signed-in'), 'B signed in', LONG);
    await until(() => hub.agentMessages(clientId).length === 1, 'the queued message reaches the server', LONG);

    await reload(a);
    await until(() => store(a).state.drafts['t1']?.text === 'Half a thought', 'A’s draft is back', LONG);
    const view = await seen(a);
    expect(view.box).to.equal('Half a thought');
    await until(() => deepAll(a.contentDocument!, '[part~="bubble"]').some((b) => text(b) === 'Sent while offline'), 'A shows the message', LONG);
    expect((await seen(a)).bubbles.filter((t) => t === 'Sent while offline')).to.have.length(1);
    expect(hub.agentMessages(clientId)).to.have.length(1);
    expect(Object.keys(store(a).state.outbox)).to.deep.equal([]);
    expect(page.errors).to.deep.equal([]);
  });

  it('HOSTILE-12: with B already open while A queues and writes, B never overwrites A’s entries; B sends A’s message once, and A keeps its draft', async () => {
    const hub = newHub();
    const b = await openTab();
    const a = await openTab();
    tabOf(a)!.backend.drop();
    const clientId = store(a).send('t1', { text: 'Queued in A' })!;
    store(a).setDraft('t1', draft('Written in A'));
    store(a).flush();
    // B learns of A's queued message and, being online, sends it; A is still offline.
    await until(() => hub.agentMessages(clientId).length === 1, 'B delivers the message A queued', LONG);
    expect(tabOf(a)!.backend.connection).to.equal('offline');
    await until(() => store(b).state.drafts['t1']?.text === 'Written in A', 'B shows A’s draft', LONG);
    // B signs in and writes its own state; then A changes its draft once more and reloads.
    store(b).signIn();
    await until(() => Object.values(store(b).state.media).every((m) => m.signIn === 'signed-in'), 'B signed in', LONG);
    store(b).flush();
    store(a).setDraft('t1', draft('Written in A, and finished'));
    await reload(a);
    await until(() => store(a).state.drafts['t1']?.text === 'Written in A, and finished', 'A’s latest draft is back', LONG);
    expect((await seen(a)).box).to.equal('Written in A, and finished');
    await until(() => store(b).state.drafts['t1']?.text === 'Written in A, and finished', 'B follows', LONG);
    expect(hub.agentMessages(clientId)).to.have.length(1);
    expect(hub.server.sends.filter((s) => s.clientId === clientId).length, 'sent by one page').to.equal(1);
    expect(page.errors).to.deep.equal([]);
  });
});
