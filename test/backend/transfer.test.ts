/**
 * XFER-1, XFER-3, XFER-4, PANE-5 on the simulated centre: two agents (two `SimulatedBackend`s, each
 * with its own media, tasks and event stream) share one `SimulatedCentre`; a task one transfers is
 * offered to the other with its whole history and the internal note, and a transfer back brings
 * everything to the first again.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ManualClock } from '../../src/backend/clock.js';
import { checkEvent } from '../../src/backend/events.js';
import { DcBackendError, type DcEvent, type TaskEvent } from '../../src/backend/types.js';
import { resolveConfig, type DcConfig } from '../../src/model/config.js';
import type { Message } from '../../src/model/tasks.js';
import { SAMPLE_TRANSFER_TARGETS, SimulatedBackend, SimulatedCentre } from '../../src/simulator/index.js';

const MEDIA = new Set(['chat', 'sms', 'social', 'email']);

interface Agent {
  readonly backend: SimulatedBackend;
  readonly events: DcEvent[];
}

/** A command, with the manual clock moving until the server has answered. */
async function go<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  const settled = promise.finally(() => (done = true));
  settled.catch(() => {});
  for (let i = 0; i < 20 && !done; i++) await clock.advance(0);
  return settled;
}

async function agent(clock: ManualClock, centre: SimulatedCentre | undefined, id: string, name: string, config?: DcConfig): Promise<Agent> {
  const backend = new SimulatedBackend({ clock, centre, agentId: id, agentName: name, ...(config ? { config } : {}) });
  const events: DcEvent[] = [];
  backend.subscribe({
    event: (e) => {
      const checked = checkEvent(e, MEDIA);
      if (!checked.ok) throw new Error(`a bad event: ${checked.error}`);
      events.push(checked.value as DcEvent);
    },
    connection: () => {},
  });
  await go(backend.connect());
  return { backend, events };
}

async function ready(a: Agent, media = 'chat'): Promise<void> {
  await go(a.backend.signIn(media));
  await go(a.backend.setState(media, { availability: 'ready' }));
}

const offered = (a: Agent) => a.backend.serverTasks.filter((t) => t.status === 'offered');
const words = (messages: readonly Message[]) => messages.map((m) => `${m.from}${m.internal ? '(internal)' : ''}: ${m.text}`);
const taskEvents = (a: Agent) => a.events.filter((e): e is TaskEvent => e.type === 'task');

async function settle(clock: ManualClock): Promise<void> {
  await clock.advance(0);
  await clock.advance(0);
}

let clock: ManualClock;
let centre: SimulatedCentre;
let alex: Agent;
let sam: Agent;
beforeEach(async () => {
  clock = new ManualClock();
  centre = new SimulatedCentre();
  alex = await agent(clock, centre, 'alex', 'Alex Martin');
  sam = await agent(clock, centre, 'sam', 'Sam Roux');
});
afterEach(() => {
  alex.backend.close();
  sam.backend.close();
  centre.close();
});

/** Alex holds a chat in which the customer and Alex have written. */
async function heldChat(): Promise<string> {
  await ready(alex);
  const task = alex.backend.offer('chat', { text: 'My invoice is wrong', customer: { name: 'Léa Dubois', email: 'lea@example.com' } })!;
  await go(alex.backend.accept(task.id));
  await go(alex.backend.send({ clientId: 'c1', taskId: task.id, text: 'Let me check that for you', attachments: [] }));
  alex.backend.customerMessage(task.id, 'It says 120 € instead of 100 €');
  return task.id;
}

describe('backend: two agents on one simulated centre (XFER-1, XFER-3, XFER-4, PANE-5)', () => {
  it('XFER-1: the simulator’s own configuration gives each media a few routing points', () => {
    const backend = new SimulatedBackend();
    for (const m of backend.config.media) {
      expect(m.transferTargets.length, m.id).to.be.greaterThan(2);
      expect(m.transferTargets).to.deep.equal(SAMPLE_TRANSFER_TARGETS[m.kind]);
    }
    backend.close();
  });

  it('XFER-4, PANE-5: the second agent is offered the task with the whole history and the note; the first stops receiving it', async () => {
    const taskId = await heldChat();
    await ready(sam);
    await go(alex.backend.transfer({ clientId: 't1', taskId, target: 'billing', note: 'Wants a refund of 20 €' }));
    await settle(clock);

    // The first agent's task is over (XFER-4: it leaves the list), with a `transferred` announcement.
    const ended = taskEvents(alex).at(-1)!;
    expect(ended).to.deep.include({ cause: 'transferred' });
    expect(ended.task.status).to.equal('transferred');
    expect(alex.backend.serverTask(taskId)).to.equal(undefined);
    expect(() => alex.backend.customerMessage(taskId, 'hello?')).to.throw(DcBackendError);

    // The second is offered it, through the routing point, with everything said so far.
    const [offer] = offered(sam);
    expect(offer, 'the offer').to.exist;
    expect(offer!.queue).to.equal('Billing');
    expect(offer!.customer).to.deep.equal({ name: 'Léa Dubois', email: 'lea@example.com' });
    expect(words(sam.backend.serverMessages(offer!.id))).to.deep.equal([
      'customer: My invoice is wrong',
      'agent: Let me check that for you',
      'customer: It says 120 € instead of 100 €',
      'agent(internal): Wants a refund of 20 €',
      'system: Conversation transferred',
    ]);
    const note = sam.backend.serverMessages(offer!.id)[3]!;
    expect(note).to.deep.include({ name: 'Alex Martin', internal: true });
    // The same messages reached the second agent's stream, each under the new task.
    const streamed = sam.events.filter((e) => e.type === 'message' && e.message.taskId === offer!.id);
    expect(streamed).to.have.length(5);

    // Accepted, the conversation goes on with the second agent only.
    await go(sam.backend.accept(offer!.id));
    const before = alex.events.length;
    sam.backend.customerMessage(offer!.id, 'Thanks');
    expect(sam.backend.serverMessages(offer!.id).at(-1)!.text).to.equal('Thanks');
    expect(alex.events.length, 'the first agent hears nothing more').to.equal(before);
  });

  it('XFER-4, PANE-5: a transfer back shows the first agent the whole transcript again, both notes included', async () => {
    const taskId = await heldChat();
    await ready(sam);
    await go(alex.backend.transfer({ clientId: 't1', taskId, target: 'billing', note: 'Refund of 20 €' }));
    await settle(clock);
    const first = offered(sam)[0]!;
    await go(sam.backend.accept(first.id));
    await go(sam.backend.send({ clientId: 's1', taskId: first.id, text: 'Refund done', attachments: [] }));
    await go(sam.backend.transfer({ clientId: 't2', taskId: first.id, target: 'support', note: 'Refunded; the app still crashes' }));
    await settle(clock);

    const back = offered(alex)[0]!;
    expect(back.queue).to.equal('Technical support');
    expect(words(alex.backend.serverMessages(back.id))).to.deep.equal([
      'customer: My invoice is wrong',
      'agent: Let me check that for you',
      'customer: It says 120 € instead of 100 €',
      'agent(internal): Refund of 20 €',
      'system: Conversation transferred',
      'agent: Refund done',
      'agent(internal): Refunded; the app still crashes',
      'system: Conversation transferred',
    ]);
    expect(alex.backend.serverMessages(back.id).map((m) => m.name ?? '')).to.include.members(['Alex Martin', 'Sam Roux']);
    await go(alex.backend.accept(back.id));
    expect(alex.backend.serverTask(back.id)!.status).to.equal('active');
    expect(sam.backend.serverTasks).to.have.length(0);
  });

  it('XFER-4: with nobody Ready the transfer waits at the routing point, and is offered once an agent is Ready', async () => {
    const taskId = await heldChat();
    await go(sam.backend.signIn('chat')); // Not Ready
    await go(alex.backend.transfer({ clientId: 't1', taskId, target: 'claims' }));
    await settle(clock);
    expect(offered(sam)).to.have.length(0);
    expect(centre.waiting.map((c) => c.target)).to.deep.equal(['claims']);
    expect(offered(alex), 'never back to the agent who transferred it').to.have.length(0);

    await go(sam.backend.setState('chat', { availability: 'ready' }));
    await settle(clock);
    expect(offered(sam)).to.have.length(1);
    expect(centre.waiting).to.have.length(0);
  });

  it('XFER-4: an offer the receiving agent lets time out goes back to routing, and to them again once they are Ready', async () => {
    const taskId = await heldChat();
    await ready(sam);
    await go(alex.backend.transfer({ clientId: 't1', taskId, target: 'billing' }));
    await settle(clock);
    const offer = offered(sam)[0]!;
    await clock.advance(offer.expiresAt - clock.now() + 1);
    await settle(clock);
    expect(taskEvents(sam).at(-1)).to.deep.include({ cause: 'missed' });
    // OFFER-4: the missed offer took the agent's chat out of routing; the conversation waits.
    expect(sam.backend.serverState('chat')!.routable).to.equal(false);
    expect(centre.waiting).to.have.length(1);

    await go(sam.backend.setState('chat', { availability: 'ready' }));
    await settle(clock);
    const again = offered(sam)[0]!;
    expect(again.id).to.not.equal(offer.id);
    expect(words(sam.backend.serverMessages(again.id))[0]).to.equal('customer: My invoice is wrong');
  });

  it('XFER-4: the same transfer again (same client id) transfers once; another refusal keeps the task', async () => {
    const taskId = await heldChat();
    await ready(sam);
    alex.backend.failTransfer({ reason: 'Billing is closed' });
    const refused = await go(alex.backend.transfer({ clientId: 't1', taskId, target: 'billing' })).catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(DcBackendError);
    expect((refused as Error).message).to.equal('Billing is closed');
    expect(alex.backend.serverTask(taskId)!.status, 'the agent keeps the task').to.equal('active');

    await go(alex.backend.transfer({ clientId: 't1', taskId, target: 'billing' }));
    await go(alex.backend.transfer({ clientId: 't1', taskId, target: 'billing' }));
    await settle(clock);
    expect(taskEvents(alex).filter((e) => e.cause === 'transferred')).to.have.length(1);
    expect(offered(sam)).to.have.length(1);
  });

  it('XFER-1: refuses a routing point the media does not have, and a task that is not held', async () => {
    const taskId = await heldChat();
    const unknown = await go(alex.backend.transfer({ clientId: 't1', taskId, target: 'sms-escalation' })).catch((e: unknown) => e);
    expect((unknown as DcBackendError).code).to.equal('invalid');
    const gone = await go(alex.backend.transfer({ clientId: 't2', taskId: 'nope', target: 'billing' })).catch((e: unknown) => e);
    expect((gone as DcBackendError).code).to.equal('unknown-task');
    expect(alex.backend.serverTask(taskId)!.status).to.equal('active');
  });

  it('XFER-3: with a forced wrap-up, the server refuses a transfer without a wrap-up reason', async () => {
    const base = resolveConfig({ media: { chat: { transferTargets: SAMPLE_TRANSFER_TARGETS.chat } } });
    const forced = { ...base, media: base.media.map((m) => ({ ...m, wrapUp: { ...m.wrapUp, forced: true, reasons: [{ id: 'solved', label: 'Solved' }] } })) };
    const solo = await agent(clock, undefined, 'solo', 'Solo', forced);
    await ready(solo);
    const task = solo.backend.offer('chat')!;
    await go(solo.backend.accept(task.id));
    const refused = await go(solo.backend.transfer({ clientId: 'x', taskId: task.id, target: 'billing' })).catch((e: unknown) => e);
    expect((refused as DcBackendError).message).to.match(/wrap-up reason/);
    await go(solo.backend.transfer({ clientId: 'y', taskId: task.id, target: 'billing', wrapUp: { reasons: ['solved'] } }));
    expect(solo.backend.serverTask(task.id)).to.equal(undefined);
    solo.backend.close();
  });

  it('XFER-4: a lone agent (no shared centre) transfers as before: the task ends, nothing is offered back', async () => {
    const solo = await agent(clock, undefined, 'solo', 'Solo');
    await ready(solo);
    const task = solo.backend.offer('chat')!;
    await go(solo.backend.accept(task.id));
    await go(solo.backend.transfer({ clientId: 'x', taskId: task.id, target: 'billing', note: 'for billing' }));
    await settle(clock);
    expect(taskEvents(solo).at(-1)).to.deep.include({ cause: 'transferred' });
    expect(solo.backend.serverTasks).to.have.length(0);
    solo.backend.close();
  });

  it('XFER-4: any request (hostile ids, targets, notes) is either taken or refused with a DcBackendError; the server stays whole', async () => {
    const taskId = await heldChat();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          clientId: fc.string({ maxLength: 12 }),
          taskId: fc.oneof(fc.constant(taskId), fc.constantFrom('__proto__', 'constructor', 'chat-1'), fc.string({ maxLength: 8 })),
          target: fc.oneof(fc.constantFrom('billing', 'support', '__proto__', ''), fc.string({ maxLength: 8 })),
          note: fc.option(fc.string({ maxLength: 3000 }), { nil: undefined }),
        }),
        async (request) => {
          const held = alex.backend.serverTask(taskId);
          const outcome = await go(alex.backend.transfer(request)).then(
            () => 'taken',
            (e: unknown) => e,
          );
          if (outcome !== 'taken') expect(outcome).to.be.instanceOf(DcBackendError);
          if (outcome === 'taken' && held) expect(alex.backend.serverTask(taskId)).to.equal(undefined);
          if (outcome !== 'taken' && held) expect(alex.backend.serverTask(taskId)).to.deep.equal(held);
        },
      ),
      { seed: 10_010, numRuns: 150 },
    );
    // The path ran: the task did get transferred along the way, and nothing else broke.
    expect(taskEvents(alex).filter((e) => e.cause === 'transferred').length).to.be.at.most(1);
  });
});
