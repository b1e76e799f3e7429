import { expect, waitUntil } from '@open-wc/testing';
import { ManualClock } from '../../src/backend/clock.js';
import { SimulatedBackend } from '../../src/simulator/index.js';
import { resolveConfig, type DcConfigInput } from '../../src/model/config.js';
import { MemoryBlobStore } from '../../src/store/blobs.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { DcStore } from '../../src/store/store.js';
import type { DcStoreError } from '../../src/store/store.js';

const LATENCY = 50;

/** A signed-in, Ready kit on a manual clock, with one accepted chat. */
async function setup(input: DcConfigInput = {}, storage: Storage = new MemoryStorage(), blobs = new MemoryBlobStore()) {
  const config = resolveConfig({ retryDelayMs: 1000, ...input });
  const clock = new ManualClock();
  const backend = new SimulatedBackend({ config, clock, latencyMs: LATENCY, storage, storageKey: 'server' });
  const store = new DcStore({ config, backend, clock, storage, blobs });
  await clock.advance(LATENCY * 2);
  store.signIn();
  await clock.advance(LATENCY);
  store.setState('all', { availability: 'ready' });
  await clock.advance(LATENCY);
  const offer = backend.offer('chat')!;
  store.accept(offer.id);
  await clock.advance(LATENCY);
  return { config, clock, backend, store, storage, blobs, taskId: offer.id };
}

type Kit = Awaited<ReturnType<typeof setup>>;

/** The page reloads a second later: new objects over the same storage and file store (the simulated server keeps its own). */
function reload(kit: Kit) {
  kit.store.dispose();
  kit.backend.close();
  const { config, storage, blobs } = kit;
  const clock = new ManualClock(kit.clock.now() + 1000);
  const backend = new SimulatedBackend({ config, clock, latencyMs: LATENCY, storage, storageKey: 'server' });
  const store = new DcStore({ config, backend, clock, storage, blobs });
  return { clock, backend, store };
}

/** What the server holds for a task: its agent messages. */
async function serverAgentMessages(kit: Pick<Kit, 'backend'>, taskId: string) {
  return kit.backend.serverMessages(taskId).filter((m) => m.from === 'agent');
}

/** Lets the backend's latency and the store's promise chains run. */
async function settle(clock: ManualClock, ms = LATENCY * 4): Promise<void> {
  for (let i = 0; i < 4; i++) await clock.advance(ms / 4);
}

describe('store: sending, receipts, drafts, history', () => {
  it('COMP-1/PANE-4: a sent message is in the outbox at once, then held by the server once, with its receipts moving on', async () => {
    const kit = await setup();
    const clientId = kit.store.send(kit.taskId, { text: 'Hello' })!;
    expect(kit.store.state.outbox[clientId]!.status).to.equal('sending');
    await settle(kit.clock);
    expect(kit.store.state.outbox).to.deep.equal({});
    const mine = kit.store.state.messages[kit.taskId]!.filter((m) => m.clientId === clientId);
    expect(mine).to.have.length(1);
    expect(mine[0]!.text).to.equal('Hello');
    await settle(kit.clock, 10_000);
    expect(kit.store.state.messages[kit.taskId]!.find((m) => m.clientId === clientId)!.receipt).to.be.oneOf(['delivered', 'read']);
    expect(await serverAgentMessages(kit, kit.taskId)).to.have.length(1);
  });

  it('COMP-12: sent while the connection is down, a message waits as queued and is delivered exactly once when it returns', async () => {
    const kit = await setup();
    kit.backend.dropConnection();
    await settle(kit.clock);
    const clientId = kit.store.send(kit.taskId, { text: 'Are you still there?' })!;
    await settle(kit.clock);
    expect(kit.store.state.outbox[clientId]!.status).to.equal('queued');
    expect(await serverAgentMessages(kit, kit.taskId)).to.have.length(0);
    const restore = kit.backend.restoreConnection();
    await settle(kit.clock);
    await restore;
    await settle(kit.clock);
    expect(kit.store.state.outbox).to.deep.equal({});
    const held = await serverAgentMessages(kit, kit.taskId);
    expect(held.map((m) => m.clientId)).to.deep.equal([clientId]);
    expect(kit.store.state.messages[kit.taskId]!.filter((m) => m.clientId === clientId)).to.have.length(1);
  });

  it('COMP-12: a message cut off by a drop after the server took it is not doubled by the resend', async () => {
    const kit = await setup();
    const clientId = kit.store.send(kit.taskId, { text: 'Order 123 is on its way' })!;
    // the server takes it, then the connection drops before the store hears back
    kit.backend.dropConnection();
    await settle(kit.clock);
    const restore = kit.backend.restoreConnection();
    await settle(kit.clock);
    await restore;
    await settle(kit.clock);
    const held = await serverAgentMessages(kit, kit.taskId);
    expect(held.map((m) => m.clientId)).to.deep.equal([clientId]);
    expect(kit.store.state.outbox).to.deep.equal({});
  });

  it('COMP-12: a queued message survives a reload and is delivered once after it', async () => {
    const kit = await setup();
    kit.backend.dropConnection();
    await settle(kit.clock);
    const clientId = kit.store.send(kit.taskId, { text: 'Queued before the reload' })!;
    await settle(kit.clock);
    const { clock, backend, store } = reload(kit);
    expect(store.state.outbox[clientId]!.status).to.equal('queued');
    await settle(clock);
    await settle(clock);
    expect(store.state.outbox).to.deep.equal({});
    const held = await serverAgentMessages({ backend }, kit.taskId);
    expect(held.map((m) => m.clientId)).to.deep.equal([clientId]);
  });

  it('PANE-4: a refused message shows failed with the reason; Retry delivers it once under the same client id', async () => {
    const kit = await setup();
    kit.backend.failSends({ count: 1, reason: 'Carrier unavailable', mode: 'reject' });
    const clientId = kit.store.send(kit.taskId, { text: 'Your refund is approved' })!;
    await settle(kit.clock);
    expect(kit.store.state.outbox[clientId]).to.include({ status: 'failed', reason: 'Carrier unavailable' });
    kit.store.retry(clientId);
    kit.store.retry(clientId); // a double click sends nothing more
    await settle(kit.clock);
    expect(kit.store.state.outbox).to.deep.equal({});
    const held = await serverAgentMessages(kit, kit.taskId);
    expect(held.map((m) => m.clientId)).to.deep.equal([clientId]);
  });

  it('PANE-4: a message the server could not deliver is retried without a second copy', async () => {
    const kit = await setup();
    kit.backend.failSends({ count: 1, reason: 'Customer unreachable', mode: 'delivery' });
    const clientId = kit.store.send(kit.taskId, { text: 'Please confirm' })!;
    await settle(kit.clock);
    const failed = kit.store.state.messages[kit.taskId]!.find((m) => m.clientId === clientId)!;
    expect(failed.receipt).to.equal('failed');
    expect(failed.failure).to.equal('Customer unreachable');
    kit.store.retry(failed.id);
    await settle(kit.clock, 10_000);
    const mine = kit.store.state.messages[kit.taskId]!.filter((m) => m.clientId === clientId);
    expect(mine).to.have.length(1);
    expect(mine[0]!.receipt).to.be.oneOf(['sent', 'delivered', 'read']);
    expect(await serverAgentMessages(kit, kit.taskId)).to.have.length(1);
  });

  it('COMP-4: attachments are checked against the media limits; the accepted ones go with the message', async () => {
    const kit = await setup({ media: { chat: { kind: 'chat', attachments: { maxBytes: 1000, maxCount: 2, accept: ['image/png', '.pdf'] } } } });
    const png = new File([new Uint8Array(10)], 'a.png', { type: 'image/png' });
    const pdf = new File([new Uint8Array(20)], 'b.pdf', { type: 'application/pdf' });
    const big = new File([new Uint8Array(2000)], 'c.pdf', { type: 'application/pdf' });
    const exe = new File([new Uint8Array(5)], 'd.exe', { type: 'application/octet-stream' });
    const check = await kit.store.attach(kit.taskId, [png, big, exe, pdf]);
    expect(check.rejected.map((r) => [r.file.name, r.reason])).to.deep.equal([
      ['c.pdf', 'too-large'],
      ['d.exe', 'forbidden-type'],
    ]);
    const draft = kit.store.state.drafts[kit.taskId]!;
    expect(draft.attachments.map((a) => a.name)).to.deep.equal(['a.png', 'b.pdf']);
    expect((await kit.store.attachmentData(draft.attachments[0]!.id))!.size).to.equal(10);
    const third = await kit.store.attach(kit.taskId, [new File([new Uint8Array(3)], 'e.png', { type: 'image/png' })]);
    expect(third.rejected[0]!.reason).to.equal('too-many');
    kit.store.send(kit.taskId, { text: '', attachments: draft.attachments });
    await settle(kit.clock);
    const sent = kit.store.state.messages[kit.taskId]!.find((m) => m.from === 'agent')!;
    expect(sent.attachments!.map((a) => [a.name, a.size])).to.deep.equal([
      ['a.png', 10],
      ['b.pdf', 20],
    ]);
    expect(kit.store.state.drafts[kit.taskId]).to.equal(undefined);
    expect(kit.blobs.size).to.equal(0); // delivered: the files are let go
  });

  it('COMP-13: drafts are kept per task across a switch and a reload, until sent or cleared', async () => {
    const kit = await setup();
    const other = kit.backend.offer('sms')!;
    kit.store.accept(other.id);
    await settle(kit.clock);
    kit.store.setDraft(kit.taskId, { text: 'Half-written answer', spans: [], attachments: [] });
    kit.store.selectTask(other.id);
    kit.store.setDraft(other.id, { text: 'SMS draft', spans: [], attachments: [] });
    kit.store.selectTask(kit.taskId);
    expect(kit.store.state.drafts[kit.taskId]!.text).to.equal('Half-written answer');
    await kit.store.attach(kit.taskId, [new File(['abc'], 'note.txt', { type: 'text/plain' })]);
    await settle(kit.clock);
    const { clock, store } = reload(kit);
    expect(store.state.drafts[kit.taskId]!.text).to.equal('Half-written answer');
    expect(store.state.drafts[other.id]!.text).to.equal('SMS draft');
    const file = store.state.drafts[kit.taskId]!.attachments[0]!;
    expect(await (await store.attachmentData(file.id))!.text()).to.equal('abc');
    await settle(clock);
    expect(store.state.drafts[kit.taskId]!.text).to.equal('Half-written answer'); // the snapshot keeps it
    store.setDraft(other.id, undefined);
    expect(store.state.drafts[other.id]).to.equal(undefined);
  });

  it('PANE-1: the history loads after the connection is up; a failure is kept with its reason and a retry loads it', async () => {
    const kit = await setup();
    kit.backend.failHistory({ count: 1, reason: 'History service down' });
    kit.store.loadHistory(kit.taskId);
    expect(kit.store.state.history[kit.taskId]!.status).to.equal('loading');
    await settle(kit.clock);
    expect(kit.store.state.history[kit.taskId]).to.deep.include({ status: 'failed', reason: 'History service down' });
    kit.store.loadHistory(kit.taskId);
    await settle(kit.clock);
    const history = kit.store.state.history[kit.taskId]!;
    expect(history.status).to.equal('loaded');
    for (let i = 1; i < history.messages.length; i++) {
      expect(history.messages[i]!.at).to.be.at.least(history.messages[i - 1]!.at);
    }
  });

  it('a malformed history message is reported and dropped; the rest loads', async () => {
    const kit = await setup();
    const errors: DcStoreError[] = [];
    kit.store.onError((e) => errors.push(e));
    const good = { id: 'h1', taskId: 'old', from: 'customer', text: 'hi', at: 1 };
    kit.backend.loadHistory = async () => [good, { id: 'h2', taskId: 'old', from: 'martian' }] as never;
    kit.store.loadHistory(kit.taskId);
    await settle(kit.clock);
    expect(kit.store.state.history[kit.taskId]!.messages.map((m) => m.id)).to.deep.equal(['h1']);
    expect(errors.map((e) => e.message).join()).to.contain('from is "martian"');
  });

  it('typing: the customer typing shows until their message or a lapse; the agent typing is throttled', async () => {
    const kit = await setup();
    kit.backend.customerTyping(kit.taskId, true);
    await settle(kit.clock);
    expect(kit.store.state.typing[kit.taskId]).to.be.a('number');
    await kit.clock.advance(7000);
    expect(kit.store.state.typing[kit.taskId]).to.equal(undefined);
    for (let i = 0; i < 10; i++) {
      kit.store.agentTyping(kit.taskId);
      await kit.clock.advance(100);
    }
    await settle(kit.clock);
    expect(kit.backend.agentTyping(kit.taskId)).to.be.true;
    expect(kit.backend.typingCalls).to.equal(1);
    await kit.clock.advance(6000);
    expect(kit.backend.agentTyping(kit.taskId)).to.be.false;
  });

  it('COMP-10: a workflow with invalid parameters is refused before the server; a valid one adds its announcement', async () => {
    const kit = await setup();
    await settle(kit.clock);
    // The catalogue's rules load with it (a module fetched on first use), on the page's own time.
    await waitUntil(() => kit.store.state.catalogue.status !== 'loading', 'the catalogue settled');
    expect(kit.store.state.catalogue.status).to.equal('loaded');
    const workflow = kit.store.state.catalogue.value.workflows.find((w) => w.params.some((p) => p.type === 'email'))!;
    let refused: Error | undefined;
    await kit.store.triggerWorkflow(kit.taskId, workflow.id, {}).catch((e: Error) => (refused = e));
    expect(refused?.message).to.contain('Invalid parameters');
    const params = Object.fromEntries(
      workflow.params.map((p) => [p.name, { email: 'ana@example.com', phone: '+33 6 12 34 56 78', date: '2026-12-24', number: '3', text: 'Late parcel' }[p.type]]),
    );
    const run = kit.store.triggerWorkflow(kit.taskId, workflow.id, params);
    await settle(kit.clock);
    await run;
    await settle(kit.clock);
    const note = kit.store.state.messages[kit.taskId]!.find((m) => m.announcement?.code === 'workflow');
    expect(note?.announcement?.params?.['outcome']).to.equal('succeeded');
  });

  it('malformed receipt and typing events are reported and do not stop the stream', async () => {
    const kit = await setup();
    const errors: DcStoreError[] = [];
    kit.store.onError((e) => errors.push(e));
    const at = kit.clock.now();
    kit.backend.injectRawEvent({ type: 'receipt', seq: kit.backend.nextSeq, at, taskId: kit.taskId, messageId: 'x', receipt: 'teleported' });
    kit.backend.injectRawEvent({ type: 'typing', seq: kit.backend.nextSeq, at, taskId: kit.taskId, typing: 'yes' });
    kit.store.send(kit.taskId, { text: 'still works' });
    await settle(kit.clock);
    expect(errors.map((e) => e.message).join(' ')).to.contain('receipt is "teleported"').and.contain('typing needs');
    expect(kit.store.state.messages[kit.taskId]!.some((m) => m.text === 'still works')).to.be.true;
  });
});
