import { expect } from '@open-wc/testing';
import { ManualClock } from '../../src/backend/clock.js';
import { SimulatedBackend } from '../../src/simulator/index.js';
import { resolveConfig, type DcConfigInput } from '../../src/model/config.js';
import { taskDuration, taskListOrder, unreadCount } from '../../src/model/tasks.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { DcStore } from '../../src/store/store.js';

const LATENCY = 50;

/** A signed-in, Ready kit on a manual clock. */
async function setup(input: DcConfigInput = {}, storage: Storage = new MemoryStorage()) {
  const config = resolveConfig({ retryDelayMs: 1000, ...input });
  const clock = new ManualClock();
  const backend = new SimulatedBackend({ config, clock, latencyMs: LATENCY, storage, storageKey: 'server' });
  const store = new DcStore({ config, backend, clock, storage });
  await clock.advance(LATENCY * 2);
  store.signIn();
  await clock.advance(LATENCY);
  store.setState('all', { availability: 'ready' });
  await clock.advance(LATENCY);
  return { config, clock, backend, store, storage };
}

type Kit = Awaited<ReturnType<typeof setup>>;

async function acceptNew(kit: Kit, media: string): Promise<string> {
  const offer = kit.backend.offer(media)!;
  kit.store.accept(offer.id);
  await kit.clock.advance(LATENCY);
  return offer.id;
}

const held = (kit: Kit) => taskListOrder(Object.values(kit.store.state.tasks)).map((t) => t.id);
const unread = (kit: Kit, id: string) => unreadCount(kit.store.state.messages[id], kit.store.state.reads[id]);

describe('store: offers and tasks', () => {
  it('OFFER-1/2: an offer appears; Accept makes it a held task, appended and shown', async () => {
    const kit = await setup();
    const first = await acceptNew(kit, 'chat');
    const offer = kit.backend.offer('sms')!;
    expect(kit.store.state.tasks[offer.id]!.status).to.equal('offered');
    kit.store.accept(offer.id);
    expect(kit.store.state.accepting[offer.id]).to.be.true;
    await kit.clock.advance(LATENCY);
    expect(kit.store.state.tasks[offer.id]!.status).to.equal('active');
    expect(kit.store.state.accepting).to.deep.equal({});
    expect(held(kit)).to.deep.equal([first, offer.id]);
    expect(kit.store.state.selectedTaskId).to.equal(offer.id);
    expect(unread(kit, offer.id)).to.equal(0); // its opening message is read as it is shown
  });

  it('OFFER-6: accept all accepts every offer on show', async () => {
    const kit = await setup();
    kit.backend.offer('chat');
    kit.backend.offer('email');
    kit.backend.offer('sms');
    kit.store.acceptAll();
    await kit.clock.advance(LATENCY);
    expect(Object.values(kit.store.state.tasks).map((t) => t.status)).to.deep.equal(['active', 'active', 'active']);
  });

  it('OFFER-3: the routing stops at capacity and while Not Ready', async () => {
    const kit = await setup({ media: { chat: { capacity: 1 }, email: {} } });
    expect(kit.backend.offer('chat')).to.exist;
    expect(kit.backend.offer('chat'), 'the offer on show fills the capacity').to.be.undefined;
    kit.store.setState('email', { availability: 'not-ready', reasonId: 'lunch' });
    await kit.clock.advance(LATENCY);
    expect(kit.backend.offer('email')).to.be.undefined;
  });

  for (const [media, after] of [
    ['chat', { chat: 'NR/non-routable', sms: 'NR', social: 'NR', email: 'R' }],
    ['sms', { chat: 'NR', sms: 'NR/non-routable', social: 'NR', email: 'R' }],
    ['email', { chat: 'R', sms: 'R', social: 'R', email: 'NR' }],
  ] as const) {
    it(`OFFER-4: a missed ${media} offer changes the state as the table says and explains it`, async () => {
      const kit = await setup();
      const offer = kit.backend.offer(media)!;
      const seconds = kit.config.media.find((m) => m.id === media)!.acceptSeconds;
      await kit.clock.advance(seconds * 1000 + LATENCY * 2);
      expect(kit.store.state.tasks[offer.id]).to.be.undefined;
      const looks = Object.fromEntries(
        Object.values(kit.store.state.media).map((m) => [
          m.media,
          (m.availability === 'ready' ? 'R' : 'NR') + (m.routable ? '' : '/non-routable'),
        ]),
      );
      expect(looks).to.deep.equal(after);
      const n = kit.store.state.notifications.filter((x) => x.code === 'offer-missed');
      expect(n).to.have.length(1);
      expect(n[0]!.params).to.include({ media, group: media === 'email' ? 'email' : 'chat-social' });
      expect(kit.store.state.notifications.filter((x) => x.code === 'state-auto-changed')).to.deep.equal([]);
    });
  }

  it('a rescinded offer disappears; accepting it afterwards fails with a notification and loses nothing', async () => {
    const kit = await setup();
    const keep = await acceptNew(kit, 'chat');
    const offer = kit.backend.offer('email')!;
    kit.store.accept(offer.id);
    kit.backend.rescind(offer.id); // withdrawn while the Accept is on its way
    await kit.clock.advance(LATENCY);
    expect(kit.store.state.tasks[offer.id]).to.be.undefined;
    expect(kit.store.state.notifications.map((n) => n.code)).to.include('accept-failed');
    expect(held(kit)).to.deep.equal([keep]);
  });

  it('TASK-3: selecting a task clears its unread count; next and previous wrap', async () => {
    const kit = await setup();
    const a = await acceptNew(kit, 'chat');
    const b = await acceptNew(kit, 'sms');
    kit.backend.customerMessage(a, 'one');
    kit.backend.customerMessage(a, 'two');
    expect(unread(kit, a)).to.equal(2);
    expect(unread(kit, b)).to.equal(0);
    kit.store.selectTask(a);
    expect(unread(kit, a)).to.equal(0);
    expect(kit.store.selectAdjacent(1)).to.equal(b);
    expect(kit.store.selectAdjacent(1)).to.equal(a);
    expect(kit.store.selectAdjacent(-1)).to.equal(b);
  });

  it('TASK-5: a message for a task not on show, or while away, raises a notification with Open', async () => {
    const kit = await setup();
    const a = await acceptNew(kit, 'chat');
    const b = await acceptNew(kit, 'email');
    kit.backend.customerMessage(a);
    const n = kit.store.state.notifications.find((x) => x.code === 'new-message')!;
    expect(n.params).to.include({ taskId: a, unread: 1 });
    expect(n.action).to.deep.equal({ kind: 'open-task', taskId: a });
    kit.store.setVisible(false);
    kit.backend.customerMessage(b);
    expect(unread(kit, b)).to.equal(1);
    kit.store.setVisible(true); // back: the task on show is read
    expect(unread(kit, b)).to.equal(0);
    kit.store.selectTask(a);
    expect(kit.store.state.notifications.find((x) => x.code === 'new-message' && x.params.taskId === a)).to.be.undefined;
  });

  it('END-1: ending a task removes it and shows the last accepted one', async () => {
    const kit = await setup();
    const a = await acceptNew(kit, 'chat');
    const b = await acceptNew(kit, 'sms');
    const c = await acceptNew(kit, 'email');
    kit.store.selectTask(a);
    kit.store.end(a);
    await kit.clock.advance(LATENCY);
    expect(held(kit)).to.deep.equal([b, c]);
    expect(kit.store.state.selectedTaskId).to.equal(c);
    expect(kit.store.state.messages[a]).to.be.undefined;
  });

  it('TASK-4: a voice call pauses the timers of media set to pause (email by default), not chat', async () => {
    const kit = await setup();
    const chat = await acceptNew(kit, 'chat');
    const email = await acceptNew(kit, 'email');
    const duration = (id: string) =>
      taskDuration(kit.store.state.tasks[id]!, kit.clock.now(), kit.store.state.pauses[id]);
    await kit.clock.advance(10_000);
    kit.store.setVoice(true);
    await kit.clock.advance(30_000);
    kit.store.setVoice(false);
    await kit.clock.advance(5_000);
    expect(duration(email)).to.equal(15_000); // 10 s before the call, 5 s after
    expect(duration(chat) - duration(email)).to.equal(30_000 + LATENCY); // chat ran through the call
  });

  it('FAIL-3: tasks, unread counts, the selection and timers survive a reload', async () => {
    const storage = new MemoryStorage();
    const kit = await setup({}, storage);
    const a = await acceptNew(kit, 'chat');
    const b = await acceptNew(kit, 'sms');
    kit.backend.customerMessage(a, 'still there?');
    await kit.clock.advance(60_000);
    kit.store.dispose();
    kit.backend.close();
    // the page reloads: new objects over the same storage (the simulated server keeps its own)
    const config = kit.config;
    const clock = new ManualClock(kit.clock.now() + 2000);
    const backend = new SimulatedBackend({ config, clock, latencyMs: LATENCY, storage, storageKey: 'server' });
    const store = new DcStore({ config, backend, clock, storage });
    expect(taskListOrder(Object.values(store.state.tasks)).map((t) => t.id)).to.deep.equal([a, b]);
    expect(unreadCount(store.state.messages[a], store.state.reads[a])).to.equal(1);
    expect(store.state.selectedTaskId).to.equal(b);
    const acceptedA = store.state.tasks[a]!.acceptedAt!;
    expect(taskDuration(store.state.tasks[a]!, clock.now())).to.equal(clock.now() - acceptedA);
    expect(clock.now() - acceptedA).to.be.greaterThan(60_000);
    await clock.advance(LATENCY * 3);
    await store.ready;
    expect(taskListOrder(Object.values(store.state.tasks)).map((t) => t.id)).to.deep.equal([a, b]);
    expect(store.state.messages[a]!.filter((m) => m.from === 'customer')).to.have.length(2);
  });

  it('FAIL-3: after a dropped connection the snapshot reconciles tasks: none lost, none doubled', async () => {
    const kit = await setup();
    const a = await acceptNew(kit, 'chat');
    const b = await acceptNew(kit, 'sms');
    kit.backend.dropConnection();
    // while away: b ends on the server, a new offer is routed, a's customer writes twice
    kit.backend.customerMessage(a, 'hello?');
    kit.backend.customerMessage(a, 'anyone?');
    await kit.backend.end(b).catch(() => undefined); // the server ends it (our command cannot reach it)
    const restore = kit.backend.restoreConnection();
    await kit.clock.advance(LATENCY * 4);
    await restore;
    expect(kit.store.state.connection).to.equal('online');
    expect(held(kit)).to.deep.equal([a, b]);
    expect(kit.store.state.messages[a]!.map((m) => m.text).slice(-2)).to.deep.equal(['hello?', 'anyone?']);
    // the same snapshot applied twice changes nothing (no doubles)
    const before = kit.store.state;
    kit.backend.dropConnection();
    const again = kit.backend.restoreConnection();
    await kit.clock.advance(LATENCY * 4);
    await again;
    expect(kit.store.state.tasks).to.deep.equal(before.tasks);
    expect(kit.store.state.messages[a]).to.have.length(before.messages[a]!.length);
  });

  it('FAIL-3: a burst of messages is written once; flush writes at once, so a reload loses nothing', async () => {
    const storage = new MemoryStorage();
    const kit = await setup({}, storage);
    const a = await acceptNew(kit, 'chat');
    await kit.clock.advance(1000);
    const key = kit.config.storageKey;
    let writes = 0;
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (k: string, v: string) => {
      if (k === key) writes += 1;
      setItem(k, v);
    };
    for (let i = 0; i < 20; i++) kit.backend.customerMessage(a, `message ${i}`);
    expect(writes).to.equal(0);
    await kit.clock.advance(250);
    expect(writes).to.equal(1);
    kit.backend.customerMessage(a, 'last words');
    kit.store.flush(); // the provider does this when the page is hidden or left
    expect(writes).to.equal(2);
    const saved = JSON.parse(storage.getItem(key)!) as { messages: Record<string, { text: string }[]> };
    expect(saved.messages[a]!.at(-1)!.text).to.equal('last words');
  });

  it('a message for an unknown task is reported and ignored', async () => {
    const kit = await setup();
    const errors: string[] = [];
    kit.store.onError((e) => errors.push(e.message));
    kit.backend.injectRawEvent({
      type: 'message',
      seq: kit.backend.nextSeq,
      at: kit.clock.now(),
      message: { id: 'x1', taskId: 'ghost', from: 'customer', text: 'hi', at: kit.clock.now() },
    });
    expect(errors.join()).to.contain('unknown task ghost');
    expect(kit.store.state.messages['ghost']).to.be.undefined;
  });
});
