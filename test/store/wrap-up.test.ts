/**
 * Ending and wrap-up through the real store and the simulated contact centre, on a manual clock
 * (END-1…3, STATE-8, FAIL-3).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ManualClock } from '../../src/backend/clock.js';
import { checkEvent } from '../../src/backend/events.js';
import type { BackendListener } from '../../src/backend/types.js';
import { SimulatedBackend } from '../../src/simulator/index.js';
import { WRAP_UP_GRACE_MS } from '../../src/simulator/wrap-up.js';
import { resolveConfig, type DcConfigInput } from '../../src/model/config.js';
import type { Message } from '../../src/model/tasks.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { DcStore } from '../../src/store/store.js';

const LATENCY = 50;
const reasons = [
  { id: 'solved', label: { en: 'Solved', fr: 'Résolu' } },
  { id: 'callback', label: { en: 'Call back', fr: 'Rappeler' } },
  { id: 'spam', label: 'Spam' },
];
const FORCED: DcConfigInput = {
  media: { chat: { wrapUp: { forced: true, seconds: 60, reasons, defaultReason: 'spam' } }, sms: {} },
};

async function setup(input: DcConfigInput = FORCED, storage: Storage = new MemoryStorage()) {
  const config = resolveConfig({ retryDelayMs: 1000, ...input });
  const clock = new ManualClock();
  const backend = new SimulatedBackend({ config, clock, latencyMs: LATENCY, storage: new MemoryStorage(), storageKey: 'server' });
  const announced: Message[] = [];
  backend.subscribe({
    event: (e) => {
      const m = (e as { message?: Message }).message;
      if (m?.announcement) announced.push(m);
    },
    connection: () => {},
  } satisfies BackendListener);
  const store = new DcStore({ config, backend, clock, storage });
  await clock.advance(LATENCY * 2);
  store.signIn();
  await clock.advance(LATENCY);
  store.setState('all', { availability: 'ready' });
  await clock.advance(LATENCY);
  return { config, clock, backend, store, storage, announced };
}
type Kit = Awaited<ReturnType<typeof setup>>;

async function acceptNew(kit: Kit, media: string): Promise<string> {
  const offer = kit.backend.offer(media)!;
  kit.store.accept(offer.id);
  await kit.clock.advance(LATENCY);
  return offer.id;
}

async function endInWrapUp(kit: Kit, id: string) {
  kit.store.end(id);
  await kit.clock.advance(LATENCY);
  const task = kit.store.state.tasks[id]!;
  expect(task.status, 'in wrap-up').to.equal('wrap-up');
  return task;
}

describe('store: end and wrap-up', () => {
  it('END-1, END-3: without forced wrap-up End closes at once, says so in the thread, and the last accepted task is shown', async () => {
    const kit = await setup();
    const chat = await acceptNew(kit, 'chat');
    const first = await acceptNew(kit, 'sms');
    const second = await acceptNew(kit, 'sms');
    kit.store.selectTask(second);
    kit.store.end(second);
    await kit.clock.advance(LATENCY);
    expect(kit.store.state.tasks[second], 'closed').to.equal(undefined);
    expect(kit.backend.serverTask(second)).to.equal(undefined);
    expect(kit.store.state.selectedTaskId, 'the last accepted task').to.equal(first);
    expect(kit.announced.filter((m) => m.taskId === second).map((m) => m.announcement!.code)).to.deep.equal(['closed']);
    expect(kit.store.state.tasks[chat]!.status).to.equal('active');
  });

  it('END-2, END-3: with forced wrap-up End starts the countdown; the thread says closed; Close needs a reason and then closes', async () => {
    const kit = await setup();
    const id = await acceptNew(kit, 'chat');
    const start = kit.clock.now();
    const task = await endInWrapUp(kit, id);
    expect(task.wrapUpAt).to.equal(start + LATENCY);
    expect(task.wrapUpDeadline).to.equal(task.wrapUpAt! + 60_000);
    expect(kit.store.state.selectedTaskId, 'still on show').to.equal(id);
    expect(kit.store.state.messages[id]!.at(-1)!.announcement!.code, '"Conversation closed" in the thread').to.equal('closed');
    kit.store.end(id); // End again does nothing (and says nothing to the server)
    expect(kit.store.closeWrapUp(id), 'no reason chosen').to.equal(false);
    kit.store.chooseWrapUp(id, { reasons: ['callback'], note: 'Rings back at 5' });
    expect(kit.store.state.wrapUps[id]).to.deep.equal({ reasons: ['callback'], note: 'Rings back at 5' });
    expect(kit.store.closeWrapUp(id)).to.equal(true);
    expect(kit.store.state.wrapUpSends[id]).to.deep.equal({ status: 'sending' });
    await kit.clock.advance(LATENCY);
    expect(kit.store.state.tasks[id]).to.equal(undefined);
    expect(kit.store.state.wrapUps[id], 'the choice goes with the task').to.equal(undefined);
    expect(kit.backend.serverWrapUp(id)).to.deep.equal({ reasons: ['callback'], note: 'Rings back at 5', by: 'agent' });
    expect(kit.announced.filter((m) => m.taskId === id && m.announcement!.code === 'closed')).to.have.length(1);
  });

  it('END-2: at zero the task closes by itself with the chosen reason (manual clock)', async () => {
    const kit = await setup();
    const id = await acceptNew(kit, 'chat');
    const task = await endInWrapUp(kit, id);
    kit.store.chooseWrapUp(id, { reasons: ['solved'] });
    await kit.clock.advance(task.wrapUpDeadline! - kit.clock.now() - 1);
    expect(kit.store.state.tasks[id]?.status, '1 ms before zero').to.equal('wrap-up');
    expect(kit.store.state.wrapUpSends[id]).to.equal(undefined);
    await kit.clock.advance(1);
    expect(kit.store.state.wrapUpSends[id], 'sent at zero').to.deep.equal({ status: 'sending' });
    await kit.clock.advance(LATENCY);
    expect(kit.store.state.tasks[id]).to.equal(undefined);
    expect(kit.backend.serverWrapUp(id)).to.deep.equal({ reasons: ['solved'], by: 'agent' });
  });

  it('END-2: at zero with no reason chosen the configured default goes', async () => {
    const kit = await setup();
    const id = await acceptNew(kit, 'chat');
    const task = await endInWrapUp(kit, id);
    await kit.clock.advance(task.wrapUpDeadline! - kit.clock.now() + LATENCY);
    expect(kit.store.state.tasks[id]).to.equal(undefined);
    expect(kit.backend.serverWrapUp(id)).to.deep.equal({ reasons: ['spam'], by: 'agent' });
  });

  it('END-2: a server whose kit is gone closes the task itself a little after the deadline, with the default', async () => {
    const kit = await setup();
    const id = await acceptNew(kit, 'chat');
    const task = await endInWrapUp(kit, id);
    kit.store.dispose();
    await kit.clock.advance(task.wrapUpDeadline! - kit.clock.now() + WRAP_UP_GRACE_MS - 1);
    expect(kit.backend.serverTask(id)?.status, 'within the grace').to.equal('wrap-up');
    await kit.clock.advance(1);
    expect(kit.backend.serverTask(id)).to.equal(undefined);
    expect(kit.backend.serverWrapUp(id)).to.deep.equal({ reasons: ['spam'], by: 'server' });
  });

  it('END-2, FAIL-3: the chosen reason, the note and the countdown survive a reload; zero still sends the choice', async () => {
    const storage = new MemoryStorage();
    const kit = await setup(FORCED, storage);
    const id = await acceptNew(kit, 'chat');
    const task = await endInWrapUp(kit, id);
    kit.store.chooseWrapUp(id, { reasons: ['callback'], note: 'after the reload' });
    await kit.clock.advance(20_000);
    kit.store.dispose(); // the page goes (dispose flushes)
    const again = new DcStore({ config: kit.config, backend: kit.backend, clock: kit.clock, storage });
    // At once, before the snapshot: the choice and the deadline are back.
    expect(again.state.wrapUps[id]).to.deep.equal({ reasons: ['callback'], note: 'after the reload' });
    expect(again.state.tasks[id]!.wrapUpDeadline).to.equal(task.wrapUpDeadline);
    await kit.clock.advance(LATENCY * 2);
    expect(again.state.connection).to.equal('online');
    expect(again.state.tasks[id]!.wrapUpDeadline! - again.now(), 'the countdown went on').to.equal(60_000 - 20_000 - LATENCY * 2);
    await kit.clock.advance(again.state.tasks[id]!.wrapUpDeadline! - kit.clock.now());
    await kit.clock.advance(LATENCY);
    expect(again.state.tasks[id]).to.equal(undefined);
    expect(kit.backend.serverWrapUp(id)).to.deep.equal({ reasons: ['callback'], note: 'after the reload', by: 'agent' });
  });

  it('END-2, FAIL-3: zero while the connection is down: the choice goes once it is back', async () => {
    const kit = await setup();
    const id = await acceptNew(kit, 'chat');
    const task = await endInWrapUp(kit, id);
    kit.store.chooseWrapUp(id, { reasons: ['solved'] });
    kit.backend.dropConnection();
    await kit.clock.advance(task.wrapUpDeadline! - kit.clock.now() + 500);
    expect(kit.store.state.tasks[id]?.status, 'offline at zero: still held').to.equal('wrap-up');
    expect(kit.store.state.wrapUps[id]!.reasons).to.deep.equal(['solved']);
    void kit.backend.restoreConnection();
    await kit.clock.advance(LATENCY * 4);
    expect(kit.store.state.tasks[id]).to.equal(undefined);
    expect(kit.backend.serverWrapUp(id)).to.deep.equal({ reasons: ['solved'], by: 'agent' });
  });

  it('END-2: a refused Close keeps the task with the reason, and Close again works', async () => {
    const kit = await setup();
    const id = await acceptNew(kit, 'chat');
    await endInWrapUp(kit, id);
    const reported: string[] = [];
    kit.store.onError((e) => reported.push(e.message));
    kit.store.closeWrapUp(id, { reasons: ['not-a-reason'] });
    await kit.clock.advance(LATENCY);
    expect(kit.store.state.wrapUpSends[id]).to.deep.equal({ status: 'failed', reason: 'Unknown wrap-up reason "not-a-reason"' });
    expect(reported, 'told to the host (dc-error)').to.deep.equal(['Wrap-up failed: Unknown wrap-up reason "not-a-reason"']);
    expect(kit.store.state.tasks[id]!.status).to.equal('wrap-up');
    kit.store.chooseWrapUp(id, { reasons: ['spam', 'solved'] }); // one only: the first in the config's order
    expect(kit.store.state.wrapUps[id]!.reasons).to.deep.equal(['solved']);
    kit.store.closeWrapUp(id);
    await kit.clock.advance(LATENCY);
    expect(kit.store.state.tasks[id]).to.equal(undefined);
  });
});

describe('store: sign-out with held tasks', () => {
  async function notReady(kit: Kit) {
    kit.store.setState('all', { availability: 'not-ready' });
    await kit.clock.advance(LATENCY);
  }

  it('STATE-8: sign-out asks first, listing the held tasks; going back keeps them', async () => {
    const kit = await setup({ ...FORCED, onSignOut: 'close' });
    const a = await acceptNew(kit, 'chat');
    const b = await acceptNew(kit, 'sms');
    await notReady(kit);
    let answer: boolean | undefined;
    void kit.store.signOut().then((v) => (answer = v));
    await kit.clock.advance(0);
    expect(kit.store.state.signOutRequest).to.deep.include({ taskIds: [a, b], disposition: 'close' });
    expect(answer, 'waits for the agent').to.equal(undefined);
    kit.store.confirmSignOut(false);
    await kit.clock.advance(LATENCY);
    expect(answer).to.equal(false);
    expect(kit.store.state.signOutRequest).to.equal(undefined);
    expect(Object.keys(kit.store.state.tasks)).to.have.members([a, b]);
    expect(kit.store.state.media['chat']!.signIn).to.equal('signed-in');
  });

  it('STATE-8: confirmed, tasks in wrap-up close with their reason and the others are closed per config', async () => {
    const kit = await setup({ ...FORCED, onSignOut: 'close' });
    const a = await acceptNew(kit, 'chat');
    const b = await acceptNew(kit, 'sms');
    await endInWrapUp(kit, a);
    kit.store.chooseWrapUp(a, { reasons: ['callback'] });
    await notReady(kit);
    const done = kit.store.signOut();
    await kit.clock.advance(0);
    kit.store.confirmSignOut(true);
    await kit.clock.advance(LATENCY * 4);
    expect(await done).to.equal(true);
    expect(kit.store.state.tasks).to.deep.equal({});
    expect(kit.backend.serverWrapUp(a)).to.deep.equal({ reasons: ['callback'], by: 'agent' });
    expect(kit.announced.filter((m) => m.taskId === b).map((m) => m.announcement!.code)).to.deep.equal(['closed']);
    expect(Object.values(kit.store.state.media).every((m) => m.signIn === 'signed-out')).to.equal(true);
  });

  it('STATE-8: onSignOut "transfer" transfers the active tasks back to routing', async () => {
    const kit = await setup({ media: { chat: {} } });
    const a = await acceptNew(kit, 'chat');
    await notReady(kit);
    const done = kit.store.signOut();
    await kit.clock.advance(0);
    expect(kit.store.state.signOutRequest!.disposition).to.equal('transfer');
    kit.store.confirmSignOut(true);
    await kit.clock.advance(LATENCY * 4);
    expect(await done).to.equal(true);
    expect(kit.announced.filter((m) => m.taskId === a).map((m) => m.announcement!.code)).to.deep.equal(['transferred']);
  });

  it('STATE-8: with no held task there is nothing to confirm', async () => {
    const kit = await setup();
    await notReady(kit);
    const done = kit.store.signOut();
    expect(kit.store.state.signOutRequest).to.equal(undefined);
    await kit.clock.advance(LATENCY * 2);
    expect(await done).to.equal(true);
  });
});

describe('store: wrap-up choices, any sequence', () => {
  it('END-2: whatever the agent picks, unpicks and writes, the choice stays valid, and zero sends the last one (or the default)', async () => {
    type Step = { kind: 'reasons'; ids: string[] } | { kind: 'note'; text: string } | { kind: 'wait'; ms: number };
    const id = fc.constantFrom('solved', 'callback', 'spam', 'unknown', '__proto__', '');
    const stepArb: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('reasons' as const), ids: fc.array(id, { maxLength: 4 }) }),
      fc.record({ kind: fc.constant('note' as const), text: fc.string({ maxLength: 40 }) }),
      fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 9_000 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(stepArb, { maxLength: 12 }), async (multiple, steps) => {
        const kit = await setup({ media: { chat: { wrapUp: { forced: true, seconds: 60, reasons, multiple, defaultReason: 'spam' } } } });
        try {
          const task = await acceptNew(kit, 'chat');
          await endInWrapUp(kit, task);
          let expected: { reasons: string[]; note: string } = { reasons: [], note: '' };
          for (const s of steps) {
            if (!kit.store.state.tasks[task]) break; // zero came during a wait: what was chosen then went
            if (s.kind === 'wait') await kit.clock.advance(s.ms);
            else if (s.kind === 'note') kit.store.chooseWrapUp(task, { note: s.text });
            else kit.store.chooseWrapUp(task, { reasons: s.ids });
            const choice = kit.store.state.wrapUps[task];
            if (s.kind === 'note') expected = { ...expected, note: s.text };
            if (s.kind === 'reasons') {
              const valid = reasons.map((r) => r.id).filter((r) => s.ids.includes(r));
              expected = { ...expected, reasons: multiple ? valid : valid.slice(0, 1) };
            }
            if (s.kind !== 'wait' && JSON.stringify(choice) !== JSON.stringify(expected)) return false;
          }
          await kit.clock.advance(61_000 + LATENCY);
          const sent = kit.backend.serverWrapUp(task);
          const note = expected.note.trim();
          const want = { reasons: expected.reasons.length ? expected.reasons : ['spam'], ...(note ? { note } : {}), by: 'agent' };
          return kit.store.state.tasks[task] === undefined && JSON.stringify(sent) === JSON.stringify(want);
        } finally {
          kit.store.dispose();
          kit.backend.close();
        }
      }),
      { seed: 12, numRuns: 40 },
    );
  });
});

describe('store: hostile wrap-up data', () => {
  it('END-2: any wrapUpAt / wrapUpDeadline in a task event is checked; only real times in order pass', () => {
    const known = new Set(['chat']);
    const anyValue = fc.oneof(fc.anything(), fc.double(), fc.integer(), fc.constant(undefined), fc.bigInt());
    fc.assert(
      fc.property(anyValue, anyValue, (wrapUpAt, wrapUpDeadline) => {
        const raw = {
          seq: 1,
          at: 1,
          type: 'task',
          cause: 'wrap-up',
          task: { id: 't', media: 'chat', status: 'wrap-up', queue: 'q', customer: {}, offeredAt: 1, expiresAt: 2, wrapUpAt, wrapUpDeadline },
        };
        const checked = checkEvent(raw, known);
        const time = (v: unknown) => v === undefined || (typeof v === 'number' && v >= 0 && v <= 253402300799999);
        const valid =
          time(wrapUpAt) && time(wrapUpDeadline) && !(typeof wrapUpAt === 'number' && typeof wrapUpDeadline === 'number' && wrapUpDeadline < wrapUpAt);
        return checked.ok === valid;
      }),
      { seed: 8, numRuns: 400 },
    );
  });

  it('END-2, FAIL-3: saved wrap-up choices of any shape never cost the rest of the saved state', async () => {
    const kit = await setup();
    const id = await acceptNew(kit, 'chat');
    await endInWrapUp(kit, id);
    kit.store.chooseWrapUp(id, { reasons: ['solved'] });
    kit.store.flush();
    const key = kit.config.storageKey;
    const saved = JSON.parse(kit.storage.getItem(key)!) as Record<string, unknown>;
    expect(saved['wrapUps']).to.deep.equal({ [id]: { reasons: ['solved'], note: '' } });
    kit.store.dispose();
    const warn = console.warn;
    console.warn = () => {}; // each bad choice is reported (the path ran); kept off the log
    try {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (value) => {
          const storage = new MemoryStorage();
          storage.setItem(key, JSON.stringify({ ...saved, wrapUps: { [id]: value, __proto__: value } }));
          const store = new DcStore({ config: kit.config, backend: kit.backend, clock: kit.clock, storage });
          try {
            const task = store.state.tasks[id];
            const choice = store.state.wrapUps[id];
            return task?.status === 'wrap-up' && (choice === undefined || (Array.isArray(choice.reasons) && typeof choice.note === 'string'));
        } finally {
          store.dispose();
        }
      }),
      { seed: 9, numRuns: 100 },
    );
    } finally {
      console.warn = warn;
    }
  });
});
