import { expect } from '@open-wc/testing';
import { SAMPLE_CATALOGUE } from '../../src/simulator/index.js';
import { ManualClock } from '../../src/backend/clock.js';
import { SimulatedBackend, type SimulatedBackendOptions } from '../../src/simulator/index.js';
import { DcBackendError, type DcEvent, type OutgoingMessage } from '../../src/backend/types.js';
import type { Message } from '../../src/model/tasks.js';
import { parseTemplate } from '../../src/model/templates.js';
import { MemoryStorage } from '../../src/store/persist.js';

const LATENCY = 50;

/** A connected backend with the agent signed in and Ready on every media. */
async function ready(options: SimulatedBackendOptions = {}) {
  const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock();
  const backend = new SimulatedBackend({ latencyMs: LATENCY, ...options, clock });
  const events: DcEvent[] = [];
  backend.subscribe({ event: (e) => events.push(e as DcEvent), connection: () => undefined });
  await run(clock, backend.connect());
  for (const media of backend.media) await run(clock, backend.signIn(media));
  for (const media of backend.media) await run(clock, backend.setState(media, { availability: 'ready' }));
  return { clock, backend, events };
}

/** Lets a command's round trip happen on the manual clock and returns its result. */
async function run<T>(clock: ManualClock, command: Promise<T>): Promise<T> {
  await clock.advance(LATENCY);
  return command;
}

/** Runs a command expected to fail and returns its error. */
async function failure(clock: ManualClock, command: Promise<unknown>): Promise<DcBackendError> {
  const caught = command.then(
    () => undefined,
    (e: unknown) => e,
  );
  await clock.advance(LATENCY);
  const error = await caught;
  expect(error, 'the command should fail').to.be.instanceOf(DcBackendError);
  return error as DcBackendError;
}

/** An accepted chat task's id. */
async function acceptedChat(kit: Awaited<ReturnType<typeof ready>>, text: string | null = 'Hello'): Promise<string> {
  const offer = kit.backend.offer('chat', { text })!;
  await run(kit.clock, kit.backend.accept(offer.id));
  return offer.id;
}

function outgoing(taskId: string, clientId: string, text = 'Hello, how can I help?'): OutgoingMessage {
  return { clientId, taskId, text, attachments: [] };
}

async function serverMessages(kit: { clock: ManualClock; backend: SimulatedBackend }, taskId: string): Promise<readonly Message[]> {
  const snapshot = await run(kit.clock, kit.backend.snapshot());
  return snapshot.messages[taskId] ?? [];
}

const agentMessages = (list: readonly Message[]) => list.filter((m) => m.from === 'agent');

const receiptsOf = (events: readonly DcEvent[], messageId: string) =>
  events.flatMap((e) => (e.type === 'receipt' && e.messageId === messageId ? [e.receipt] : []));

describe('backend: the simulated conversation', () => {
  it('COMP-1: a send makes one agent message under its client id, with the agent’s name; the same id again makes nothing new', async () => {
    const kit = await ready({ agentName: 'Dana Scully' });
    const taskId = await acceptedChat(kit);
    await run(kit.clock, kit.backend.send(outgoing(taskId, 'c-1')));
    await run(kit.clock, kit.backend.send(outgoing(taskId, 'c-1')));
    const mine = agentMessages(await serverMessages(kit, taskId));
    expect(mine).to.have.length(1);
    expect(mine[0]).to.deep.include({ clientId: 'c-1', name: 'Dana Scully', text: 'Hello, how can I help?' });
    const events = kit.events.filter((e) => e.type === 'message' && e.message.from === 'agent');
    expect(events).to.have.length(1);
  });

  it('PANE-4: receipts move on in order: sent, delivered, read; the snapshot holds the current one', async () => {
    const kit = await ready({ deliveredAfterMs: 1000, readAfterMs: 2000 });
    const taskId = await acceptedChat(kit);
    await run(kit.clock, kit.backend.send(outgoing(taskId, 'c-1')));
    const id = agentMessages(await serverMessages(kit, taskId))[0]!.id;
    expect(agentMessages(await serverMessages(kit, taskId))[0]!.receipt).to.equal('sent');
    await kit.clock.advance(1000);
    expect(agentMessages(await serverMessages(kit, taskId))[0]!.receipt).to.equal('delivered');
    await kit.clock.advance(2000);
    expect(receiptsOf(kit.events, id)).to.deep.equal(['delivered', 'read']);
    expect(agentMessages(await serverMessages(kit, taskId))[0]!.receipt).to.equal('read');
  });

  it('PANE-4: a message that could not be delivered is tried again under its client id, never doubled', async () => {
    const kit = await ready({ deliveredAfterMs: 500, readAfterMs: 500 });
    const taskId = await acceptedChat(kit);
    kit.backend.failSends({ mode: 'delivery', reason: 'Customer unreachable' });
    await run(kit.clock, kit.backend.send(outgoing(taskId, 'c-1')));
    const failed = agentMessages(await serverMessages(kit, taskId))[0]!;
    expect(failed).to.deep.include({ receipt: 'failed', failure: 'Customer unreachable' });
    await run(kit.clock, kit.backend.send(outgoing(taskId, 'c-1')));
    await kit.clock.advance(2000);
    const mine = agentMessages(await serverMessages(kit, taskId));
    expect(mine).to.have.length(1);
    expect(mine[0]!.receipt).to.equal('read');
    expect(mine[0]!.failure).to.equal(undefined);
    expect(receiptsOf(kit.events, failed.id)).to.deep.equal(['failed', 'sent', 'delivered', 'read']);
  });

  it('PANE-4: a refused send makes no message and keeps no client id, so the same id goes through next time', async () => {
    const kit = await ready();
    const taskId = await acceptedChat(kit);
    kit.backend.failSends({ count: 2, mode: 'reject', reason: 'Carrier unavailable' });
    for (let i = 0; i < 2; i++) {
      const error = await failure(kit.clock, kit.backend.send(outgoing(taskId, 'c-1')));
      expect([error.code, error.message]).to.deep.equal(['rejected', 'Carrier unavailable']);
      expect(agentMessages(await serverMessages(kit, taskId))).to.have.length(0);
    }
    await run(kit.clock, kit.backend.send(outgoing(taskId, 'c-1')));
    expect(agentMessages(await serverMessages(kit, taskId)).map((m) => m.clientId)).to.deep.equal(['c-1']);
  });

  it('COMP-12: sends are refused while the connection is down, and for tasks the agent does not hold', async () => {
    const kit = await ready();
    const taskId = await acceptedChat(kit);
    const offer = kit.backend.offer('sms')!;
    expect((await failure(kit.clock, kit.backend.send(outgoing(offer.id, 'c-1')))).code).to.equal('unknown-task');
    expect((await failure(kit.clock, kit.backend.send(outgoing('nope', 'c-2')))).code).to.equal('unknown-task');
    kit.backend.dropConnection();
    expect((await failure(kit.clock, kit.backend.send(outgoing(taskId, 'c-3')))).code).to.equal('offline');
  });

  it('COMP-3: an empty message or one longer than the media takes is invalid; an attachment alone is fine', async () => {
    const kit = await ready();
    const taskId = await acceptedChat(kit);
    const max = kit.backend.config.media.find((m) => m.id === 'chat')!.maxChars;
    const tooLong = await failure(kit.clock, kit.backend.send(outgoing(taskId, 'c-1', 'x'.repeat(max + 1))));
    expect(tooLong.code).to.equal('invalid');
    expect((await failure(kit.clock, kit.backend.send(outgoing(taskId, 'c-2', '  ')))).code).to.equal('invalid');
    await run(kit.clock, kit.backend.send(outgoing(taskId, 'c-3', '😀'.repeat(max)))); // code points, not UTF-16 units
    const data = new Blob([new Uint8Array(8)], { type: 'image/png' });
    const file = { id: 'f1', name: 'photo.png', type: 'image/png', size: 8, data };
    await run(kit.clock, kit.backend.send({ clientId: 'c-4', taskId, text: '', attachments: [file] }));
    const sent = agentMessages(await serverMessages(kit, taskId)).find((m) => m.clientId === 'c-4')!;
    const attachment = sent.attachments![0]!;
    expect(attachment).to.deep.include({ id: 'f1', name: 'photo.png', type: 'image/png', size: 8 });
    expect(attachment.url).to.match(/^blob:/);
    expect(attachment.thumbnailUrl).to.equal(attachment.url);
    expect((await (await fetch(attachment.url)).blob()).size).to.equal(8);
  });

  it('COMP-12: exactly once across a reload: a new backend on the same storage knows the client ids', async () => {
    const storage = new MemoryStorage();
    const clock = new ManualClock();
    const first = await ready({ storage, storageKey: 'server', clock, deliveredAfterMs: 1000, readAfterMs: 1000 });
    const taskId = await acceptedChat(first);
    await run(clock, first.backend.send(outgoing(taskId, 'c-1')));
    first.backend.close();
    const second = new SimulatedBackend({ storage, storageKey: 'server', clock, latencyMs: LATENCY });
    await run(clock, second.connect());
    await run(clock, second.send(outgoing(taskId, 'c-1')));
    await clock.advance(3000); // the receipts go on after the reload
    const mine = agentMessages(await serverMessages({ clock, backend: second }, taskId));
    expect(mine.map((m) => [m.clientId, m.receipt])).to.deep.equal([['c-1', 'read']]);
  });

  it('PANE-4: the customer types before replying to a message they read (replyRate), and before writing by themselves', async () => {
    const kit = await ready({ replyRate: 1, deliveredAfterMs: 100, readAfterMs: 100, replyAfterMs: 1000, typingMs: 3000 });
    const taskId = await acceptedChat(kit);
    await run(kit.clock, kit.backend.send(outgoing(taskId, 'c-1')));
    const start = kit.events.length;
    await kit.clock.advance(200 + 1000);
    const typing = kit.events.slice(start).filter((e) => e.type === 'typing');
    expect(typing.map((e) => e.type === 'typing' && e.typing)).to.deep.equal([true]);
    expect(kit.events.slice(start).some((e) => e.type === 'message')).to.be.false;
    await kit.clock.advance(3000);
    const after = kit.events.slice(start).filter((e) => e.type === 'typing' || e.type === 'message');
    expect(after.map((e) => (e.type === 'message' ? e.message.from : 'typing'))).to.deep.equal(['typing', 'customer']);

    const auto = await ready({ messagesPerMinute: 60, typingMs: 2000, seed: 3 });
    const other = await acceptedChat(auto);
    const from = auto.events.length;
    await auto.clock.advance(120_000);
    const seen = auto.events.slice(from).filter((e) => e.type === 'typing' || (e.type === 'message' && e.message.taskId === other));
    expect(seen.length).to.be.greaterThan(2);
    seen.forEach((e, i) => {
      if (e.type === 'message') expect(seen[i - 1]?.type, 'a message comes after typing').to.equal('typing');
    });
  });

  it('customerTyping and the agent’s typing: events for the kit, a record for tests', async () => {
    const kit = await ready();
    const taskId = await acceptedChat(kit);
    kit.backend.customerTyping(taskId, true);
    expect(kit.events.at(-1)).to.deep.include({ type: 'typing', taskId, typing: true });
    await run(kit.clock, kit.backend.typing(taskId, true));
    expect(kit.backend.agentTyping(taskId)).to.be.true;
    await run(kit.clock, kit.backend.typing(taskId, false));
    expect(kit.backend.agentTyping(taskId)).to.be.false;
    expect(kit.backend.typingCalls).to.equal(2);
  });

  it('PANE-3: a chat offer comes with the bot’s part: journey, exchange, hand-off, before it is accepted', async () => {
    const kit = await ready({ botHistory: true });
    const offer = kit.backend.offer('chat', { text: 'My parcel is late' })!;
    const list = await serverMessages(kit, offer.id);
    expect(list[0]!.announcement?.code).to.equal('journey');
    expect(list[0]!.text).to.match(/^Visited: .+ › /);
    expect(list.at(-1)!.announcement).to.deep.equal({ code: 'handoff', params: { name: 'Assistant' } });
    const middle = list.slice(1, -1);
    expect(middle.map((m) => m.from)).to.include.members(['bot', 'customer']);
    expect(middle.filter((m) => m.from === 'bot').every((m) => m.name === 'Assistant')).to.be.true;
    expect(middle.find((m) => m.from === 'customer')!.text).to.equal('My parcel is late');
    for (let i = 1; i < list.length; i++) expect(list[i]!.at).to.be.at.least(list[i - 1]!.at);
    expect(list.at(-1)!.at).to.equal(offer.offeredAt);
    const emitted = kit.events.flatMap((e) => (e.type === 'message' && e.message.taskId === offer.id ? [e.message.id] : []));
    expect(emitted).to.deep.equal(list.map((m) => m.id));

    const sms = await serverMessages(kit, kit.backend.offer('sms', { text: 'Hi' })!.id);
    expect(sms.map((m) => m.from)).to.deep.equal(['customer']); // SMS has no bot
    const bare = await ready();
    const plain = await serverMessages(bare, bare.backend.offer('chat', { text: 'Hi' })!.id);
    expect(plain.map((m) => m.from)).to.deep.equal(['customer']);
  });

  it('PANE-1/PANE-5: the history holds earlier interactions, oldest first, each with its agent joining and closing', async () => {
    const kit = await ready({ seed: 7 });
    const shapes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const taskId = await acceptedChat(kit);
      const history = await run(kit.clock, kit.backend.loadHistory(taskId));
      expect(await run(kit.clock, kit.backend.loadHistory(taskId))).to.deep.equal(history); // the same each time
      const interactions = [...new Set(history.map((m) => m.taskId))];
      shapes.push(interactions.length);
      for (const id of interactions) {
        const part = history.filter((m) => m.taskId === id);
        expect(id).to.not.equal(taskId);
        expect(part[0]!.announcement?.code).to.equal('joined');
        const agent = part[0]!.announcement!.params!['name'];
        expect(part.at(-1)!.announcement?.code).to.equal('closed');
        for (const m of part.filter((x) => x.from === 'agent')) expect(m).to.deep.include({ name: agent, receipt: 'read' });
      }
      for (let j = 1; j < history.length; j++) expect(history[j]!.at).to.be.greaterThan(history[j - 1]!.at);
      expect(history.at(-1)?.at ?? 0).to.be.below(kit.backend.serverTask(taskId)!.offeredAt);
      await run(kit.clock, kit.backend.end(taskId));
    }
    expect(Math.max(...shapes)).to.be.at.most(3);
    expect(new Set(shapes).size, 'customers differ').to.be.greaterThan(1);
  });

  it('PANE-5: historySize gives exactly that many messages; failHistory makes the next loads fail', async () => {
    const kit = await ready({ historySize: 10_000 });
    const taskId = await acceptedChat(kit);
    const history = await run(kit.clock, kit.backend.loadHistory(taskId));
    expect(history).to.have.length(10_000);
    expect(new Set(history.map((m) => m.id)).size).to.equal(10_000);
    kit.backend.failHistory({ count: 2, reason: 'History service down' });
    for (let i = 0; i < 2; i++) {
      const error = await failure(kit.clock, kit.backend.loadHistory(taskId));
      expect([error.code, error.message]).to.deep.equal(['rejected', 'History service down']);
    }
    expect(await run(kit.clock, kit.backend.loadHistory(taskId))).to.have.length(10_000);
  });

  it('COMP-5/COMP-10: the catalogue has groups, parseable templates in both languages, locked ones, and the workflows', async () => {
    const kit = await ready();
    const catalogue = await run(kit.clock, kit.backend.catalogue());
    expect(catalogue).to.deep.equal(SAMPLE_CATALOGUE);
    expect(catalogue.templateGroups.length).to.be.at.least(6);
    const groups = new Set(catalogue.templateGroups.map((g) => g.id));
    for (const t of catalogue.templates) {
      expect(groups.has(t.group), t.id).to.be.true;
      expect(parseTemplate(t.body).ok, t.id).to.be.true;
    }
    expect(catalogue.templates.filter((t) => t.locked).length).to.be.at.least(2);
    expect(catalogue.templates.some((t) => t.id.endsWith('-fr'))).to.be.true;
    expect(catalogue.templates.some((t) => t.media?.includes('sms') && !t.media.includes('chat'))).to.be.true;
    const bodies = catalogue.templates.map((t) => t.body).join(' ');
    for (const p of ['{{customer.name}}', '{{agent.name}}', '{{queue}}', '[[Order number]]', '[[Day|tomorrow]]']) {
      expect(bodies).to.contain(p);
    }
    expect(catalogue.workflows.map((w) => w.id)).to.deep.equal(['create-case', 'survey', 'callback', 'escalate']);
    kit.backend.failCatalogue({ reason: 'Catalogue down' });
    expect((await failure(kit.clock, kit.backend.catalogue())).message).to.equal('Catalogue down');
    await run(kit.clock, kit.backend.catalogue());
  });

  it('COMP-10: the server checks a workflow’s parameters, announces a run, and announces and reports a failure', async () => {
    const kit = await ready();
    const taskId = await acceptedChat(kit);
    const tooLong = { subject: 'x'.repeat(81), email: 'nope' };
    const invalid = await failure(kit.clock, kit.backend.triggerWorkflow(taskId, 'create-case', tooLong));
    expect([invalid.code, invalid.message]).to.deep.equal(['invalid', 'Invalid parameters: subject, email']);
    expect((await failure(kit.clock, kit.backend.triggerWorkflow(taskId, 'teleport', {}))).code).to.equal('invalid');
    await run(kit.clock, kit.backend.triggerWorkflow(taskId, 'create-case', { subject: 'Late parcel', email: 'ana@example.com' }));
    const escalated = await failure(kit.clock, kit.backend.triggerWorkflow(taskId, 'escalate', {}));
    expect([escalated.code, escalated.message]).to.deep.equal(['rejected', 'No supervisor available']);
    kit.backend.failWorkflow({ reason: 'CRM unreachable' });
    expect((await failure(kit.clock, kit.backend.triggerWorkflow(taskId, 'survey', {}))).message).to.equal('CRM unreachable');
    await run(kit.clock, kit.backend.triggerWorkflow(taskId, 'survey', {}));
    const notes = (await serverMessages(kit, taskId)).filter((m) => m.announcement?.code === 'workflow');
    expect(notes.every((m) => m.from === 'system')).to.be.true;
    const said = notes.map((m) => m.announcement!.params!);
    expect(said.map((p) => [p['workflowId'], p['workflow'], p['outcome']])).to.deep.equal([
      ['create-case', 'Create a case', 'succeeded'],
      ['escalate', 'Escalate to supervisor', 'failed'],
      ['survey', 'Send satisfaction survey', 'failed'],
      ['survey', 'Send satisfaction survey', 'succeeded'],
    ]);
    expect(notes[1]!.announcement!.params!['detail']).to.equal('No supervisor available');
    const sms = kit.backend.offer('sms')!;
    await run(kit.clock, kit.backend.accept(sms.id));
    const notForSms = await failure(kit.clock, kit.backend.triggerWorkflow(sms.id, 'escalate', {}));
    expect(notForSms.code).to.equal('invalid'); // chat and social only
  });

  it('PANE-3: ending a task announces the closing before the task closes; a customer who leaves is announced and the task stays', async () => {
    const kit = await ready();
    const taskId = await acceptedChat(kit);
    kit.backend.customerLeaves(taskId);
    const left = (await serverMessages(kit, taskId)).at(-1)!;
    expect(left).to.deep.include({ from: 'system', announcement: { code: 'customer-left' } });
    expect(kit.backend.serverTask(taskId)!.status).to.equal('active');
    await run(kit.clock, kit.backend.send(outgoing(taskId, 'c-1')));
    expect(agentMessages(await serverMessages(kit, taskId))[0]!.receipt).to.equal('failed');
    const start = kit.events.length;
    await run(kit.clock, kit.backend.end(taskId));
    const tail = kit.events.slice(start);
    expect(tail.map((e) => e.type)).to.deep.equal(['message', 'task']);
    expect(tail[0]!.type === 'message' && tail[0]!.message.announcement).to.deep.equal({ code: 'closed' });
  });

  it('PANE-3, PANE-5: signing out announces how each held conversation ended: closed, or transferred back', async () => {
    for (const disposition of ['close', 'transfer'] as const) {
      const kit = await ready();
      const taskId = await acceptedChat(kit);
      const start = kit.events.length;
      await run(kit.clock, kit.backend.signOut(kit.backend.media, disposition));
      const announced = kit.events
        .slice(start)
        .flatMap((e) => (e.type === 'message' && e.message.taskId === taskId ? [e.message.announcement?.code] : []));
      expect(announced, disposition).to.deep.equal([disposition === 'close' ? 'closed' : 'transferred']);
    }
  });

  it('receipts that move on while the connection is down are in the snapshot after it', async () => {
    const kit = await ready({ deliveredAfterMs: 1000, readAfterMs: 1000 });
    const taskId = await acceptedChat(kit);
    await run(kit.clock, kit.backend.send(outgoing(taskId, 'c-1')));
    kit.backend.dropConnection();
    const seen = kit.events.length;
    await kit.clock.advance(3000);
    expect(kit.events.length).to.equal(seen);
    const back = kit.backend.restoreConnection();
    await kit.clock.advance(LATENCY);
    await back;
    const snapshot = await run(kit.clock, kit.backend.snapshot());
    expect(snapshot.seq).to.be.greaterThan(kit.events.at(-1)!.seq); // the store sees the gap and re-reads
    expect(agentMessages(snapshot.messages[taskId]!)[0]!.receipt).to.equal('read');
  });
});
