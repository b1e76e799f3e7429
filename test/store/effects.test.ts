import { expect } from '@open-wc/testing';
import { ManualClock } from '../../src/backend/clock.js';
import type { DcEvent, OutgoingMessage } from '../../src/backend/types.js';
import { resolveConfig } from '../../src/model/config.js';
import { MemoryBlobStore } from '../../src/store/blobs.js';
import { MemoryStorage, readSaved } from '../../src/store/persist.js';
import type { DcNotification, DcState } from '../../src/store/state.js';
import { DcStore } from '../../src/store/store.js';
import { ScriptBackend, ScriptServer, settle, task } from './script-backend.js';

const config = resolveConfig({});
const MEDIA = config.media.map((m) => m.id);

/** A store on a scripted server, online, with two accepted chats: `a` in the background, `b` on show. */
async function setup(storage: Storage | null = null, server?: ScriptServer, clock = new ManualClock()) {
  const theServer = server ?? new ScriptServer(MEDIA, () => clock.now());
  const backend = new ScriptBackend(theServer);
  const blobs = new MemoryBlobStore();
  let n = 0;
  const store = new DcStore({ config, backend, clock, storage, blobs, newId: () => `client-${++n}` });
  await store.ready;
  return { clock, server: theServer, backend, store, storage, blobs };
}

type Kit = Awaited<ReturnType<typeof setup>>;

function acceptTwo(kit: Kit) {
  const at = kit.clock.now();
  kit.backend.emit({ type: 'task', task: task('a', 'chat', 'active', at, 'Ana'), cause: 'accepted' });
  kit.backend.emit({ type: 'task', task: task('b', 'chat', 'active', at + 10, 'Bo'), cause: 'accepted' });
}

type MessageEvent = Extract<DcEvent, { type: 'message' }>;

function customerSays(kit: Kit, id: string, taskId: string, text: string): MessageEvent {
  return kit.backend.emit({ type: 'message', message: { id, taskId, from: 'customer', text, at: kit.clock.now() } }) as MessageEvent;
}

type NewMessage = Extract<DcNotification, { code: 'new-message' }>;

const newMessages = (state: DcState, taskId: string) =>
  state.notifications.filter((n): n is NewMessage => n.code === 'new-message' && n.params.taskId === taskId);

/** Every notification raised while it runs (the provider's dc-notification sees exactly these). */
function raised(store: DcStore): string[] {
  const seen: string[] = [];
  store.subscribe((next, previous) => {
    const old = new Set(previous.notifications.map((n) => n.id));
    for (const n of next.notifications) if (!old.has(n.id)) seen.push(n.key);
  });
  return seen;
}

describe('store effects follow from transitions', () => {
  it('TASK-5: a customer message raises a notification once; replayed after it was dismissed, it raises nothing', async () => {
    const kit = await setup();
    acceptTwo(kit);
    expect(kit.store.state.selectedTaskId).to.equal('b');
    const seen = raised(kit.store);
    const first = customerSays(kit, 'm1', 'a', 'Is anyone there?');
    const [note] = newMessages(kit.store.state, 'a');
    expect(note, 'the first arrival notifies').to.exist;
    expect(note!.params).to.include({ unread: 1, customer: 'Ana' });
    kit.store.dismissNotification(note!.id);
    expect(newMessages(kit.store.state, 'a')).to.deep.equal([]);
    const list = kit.store.state.messages['a'];

    kit.backend.deliver(first); // the same event, same sequence number
    kit.backend.emit({ type: 'message', message: first.message }); // again, under a new one
    expect(kit.store.state.lastSeq).to.equal(first.seq + 1); // the store took the second one in
    expect(kit.store.state.messages['a']).to.equal(list);
    expect(kit.store.state.customerCounts['a']).to.equal(1);
    expect(newMessages(kit.store.state, 'a')).to.deep.equal([]);
    expect(seen).to.deep.equal(['message:a']);

    customerSays(kit, 'm2', 'a', 'Hello?'); // a new message does notify
    expect(newMessages(kit.store.state, 'a')[0]!.params.unread).to.equal(2);
    expect(seen).to.deep.equal(['message:a', 'message:a']);
  });

  it('FAIL-2 / TASK-5: a resync whose snapshot holds messages already known raises no notification; one it adds does', async () => {
    const kit = await setup();
    acceptTwo(kit);
    customerSays(kit, 'm1', 'a', 'Is anyone there?');
    kit.store.dismissNotification(newMessages(kit.store.state, 'a')[0]!.id);
    const seen = raised(kit.store);
    const before = kit.store.state;

    kit.backend.drop();
    kit.backend.restore();
    await settle();
    expect(kit.store.state.connection).to.equal('online');
    expect(seen).to.deep.equal(['connection']); // the resync ran: "connection restored"
    expect(kit.store.state.messages).to.equal(before.messages);
    expect(kit.store.state.tasks).to.equal(before.tasks);
    expect(newMessages(kit.store.state, 'a')).to.deep.equal([]);

    // While the connection is down the customer writes again: the snapshot brings it, and that is news.
    kit.backend.drop();
    customerSays(kit, 'm2', 'a', 'Hello?');
    kit.backend.restore();
    await settle();
    expect(kit.store.state.messages['a']!.map((m) => m.id)).to.deep.equal(['m1', 'm2']);
    expect(newMessages(kit.store.state, 'a')[0]!.params.unread).to.equal(2);
    expect(seen).to.deep.equal(['connection', 'message:a', 'connection']);
  });

  it('COMP-12 / FAIL-3: a message in flight at a reload is sent again under the same client id, never marked failed', async () => {
    const storage = new MemoryStorage();
    const kit = await setup(storage);
    acceptTwo(kit);
    let abort: ((error: Error) => void) | undefined;
    kit.backend.onSend = () => new Promise<void>((_resolve, reject) => (abort = reject)); // on its way
    const clientId = kit.store.send('b', { text: 'Your parcel left this morning' })!;
    await settle();
    expect(kit.backend.calls).to.deep.equal([`send ${clientId}`]);
    expect(kit.store.state.outbox[clientId]!.status).to.equal('sending');
    expect(kit.server.sends).to.deep.equal([]);

    // The page goes; the request it had on its way fails as the page unloads.
    kit.store.dispose();
    abort!(new Error('The request was aborted'));
    await settle();
    const saved = { outbox: readSaved(storage, config.storageKey).outbox.map(([, e]) => e as { clientId: string; status: string }) };
    expect(saved.outbox.map((e) => [e.clientId, e.status])).to.deep.equal([[clientId, 'sending']]);

    // The page loads again, on the same server.
    const clock = new ManualClock(kit.clock.now() + 1000);
    const statuses: string[] = [];
    const server = kit.server;
    const backend = new ScriptBackend(server);
    const store = new DcStore({ config, backend, clock, storage, blobs: kit.blobs });
    expect(store.state.outbox[clientId]!.status).to.equal('queued');
    store.subscribe((next) => {
      const entry = next.outbox[clientId];
      if (entry && entry.status !== statuses.at(-1)) statuses.push(entry.status);
    });
    await store.ready;
    await settle();
    expect(statuses).to.include('sending');
    expect(statuses).to.not.include('failed');
    expect(server.sends.map((m: OutgoingMessage) => m.clientId)).to.deep.equal([clientId]);
    expect(store.state.outbox).to.deep.equal({});
    const mine = store.state.messages['b']!.filter((m) => m.clientId === clientId);
    expect(mine.map((m) => m.text)).to.deep.equal(['Your parcel left this morning']);
  });

  it('OFFER-4: a missed offer is announced once; the same miss again announces nothing', async () => {
    const kit = await setup();
    const seen = raised(kit.store);
    const offer = task('o1', 'sms', 'offered', kit.clock.now());
    kit.backend.emit({ type: 'task', task: offer, cause: 'offered' });
    const missed = kit.backend.emit({ type: 'task', task: { ...offer, status: 'missed', endedAt: kit.clock.now() }, cause: 'missed' });
    expect(seen).to.deep.equal(['missed:chat-social']);
    kit.backend.deliver(missed);
    kit.backend.emit({ type: 'task', task: { ...offer, status: 'missed', endedAt: kit.clock.now() }, cause: 'missed' });
    expect(kit.store.state.lastSeq).to.equal(missed.seq + 1);
    expect(seen).to.deep.equal(['missed:chat-social']);
  });

  it('STATE-6: the group follows a real Ready → Not Ready change only, not the same state again', async () => {
    const kit = await setup();
    expect(kit.store.state.media['sms']!.availability).to.equal('ready');
    const state = { ...kit.server.media.get('sms')!, availability: 'not-ready' as const, reasonId: 'break', since: kit.clock.now() };
    const change = kit.backend.emit({ type: 'media-state', state, cause: 'supervisor' });
    expect(kit.backend.calls).to.deep.equal(['setState chat not-ready break', 'setState social not-ready break']);
    expect(kit.store.state.notifications.filter((n) => n.code === 'state-auto-changed')).to.have.length(1);
    const seen = raised(kit.store);
    kit.backend.deliver(change);
    kit.backend.emit({ type: 'media-state', state, cause: 'supervisor' });
    expect(kit.store.state.lastSeq).to.equal(change.seq + 1);
    expect(kit.backend.calls).to.have.length(2);
    expect(seen).to.deep.equal([]);
  });

  it('listeners hear once per change, with (after, before), however many changes its effects made', async () => {
    const kit = await setup();
    acceptTwo(kit);
    kit.store.setDraft('b', { text: 'Your parcel', spans: [], attachments: [] });
    const calls: [DcState, DcState][] = [];
    kit.store.subscribe((next, previous) => calls.push([next, previous]));
    const before = kit.store.state;
    const clientId = kit.store.send('b', { text: 'Your parcel left this morning' })!;
    // send: the outbox entry, the draft cleared, and "sending" (an effect of the entry): one change
    expect(calls).to.have.length(1);
    const [after, previous] = calls[0]!;
    expect(previous).to.equal(before);
    expect(after).to.equal(kit.store.state);
    expect(after.drafts['b']).to.equal(undefined);
    expect(after.outbox[clientId]!.status).to.equal('sending');
    await settle();
    expect(kit.server.sends.map((m) => m.clientId)).to.deep.equal([clientId]);
    expect(kit.store.state.messages['b']!.some((m) => m.clientId === clientId)).to.be.true;
    expect(kit.store.state.outbox).to.deep.equal({});

    calls.length = 0;
    customerSays(kit, 'm1', 'a', 'Hi'); // the message and its notification
    expect(calls).to.have.length(1);
    expect(calls[0]![0].messages['a']).to.have.length(1);
    expect(newMessages(calls[0]![0], 'a')).to.have.length(1);
  });
});
