import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ManualClock } from '../../src/backend/clock.js';
import type { DcEvent, StateCause } from '../../src/backend/types.js';
import type { MediaState } from '../../src/model/agent-state.js';
import { resolveConfig } from '../../src/model/config.js';
import type { Message, Receipt } from '../../src/model/tasks.js';
import type { DcState } from '../../src/store/state.js';
import { DcStore } from '../../src/store/store.js';
import { ScriptBackend, ScriptServer, settle, task } from './script-backend.js';

const config = resolveConfig({});
const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
/** Task, message and client ids an object's prototype also has: they must be ids like any other. */
const TASK_IDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 't1', 't2'];
const MESSAGE_IDS = ['valueOf', '__proto__', 'constructor'];
const CLIENT_IDS = ['constructor', 'toString', '__proto__'];
const MEDIA = ['chat', 'sms', 'email'] as const;

type EventBody = Parameters<ScriptBackend['emit']>[0];

/** What the scenario does, in order: a server event, something the agent does, or a lost connection. */
type Item =
  | { readonly do: 'event'; readonly body: EventBody }
  | { readonly do: 'select'; readonly id: string }
  | { readonly do: 'dismiss' }
  | { readonly do: 'hide'; readonly hidden: boolean }
  | { readonly do: 'resync' };

type Step =
  | { kind: 'offer' | 'accept' | 'miss' | 'end' | 'customer' | 'agent' | 'receipt' | 'select'; pick: number }
  | { kind: 'typing'; pick: number; on: boolean }
  | { kind: 'state'; media: number; ready: boolean; cause: StateCause }
  | { kind: 'dismiss' | 'resync' }
  | { kind: 'hide'; hidden: boolean };

const pick = fc.nat({ max: 50 });
const steps = fc.array(
  fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('offer' as const), pick }), weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant('accept' as const), pick }), weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant('miss' as const), pick }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('end' as const), pick }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('customer' as const), pick }), weight: 6 },
    { arbitrary: fc.record({ kind: fc.constant('agent' as const), pick }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('receipt' as const), pick }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('select' as const), pick }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('typing' as const), pick, on: fc.boolean() }), weight: 2 },
    {
      arbitrary: fc.record({
        kind: fc.constant('state' as const),
        media: fc.nat({ max: MEDIA.length - 1 }),
        ready: fc.boolean(),
        cause: fc.constantFrom<StateCause>('agent', 'supervisor', 'system'),
      }),
      weight: 2,
    },
    { arbitrary: fc.record({ kind: fc.constant('dismiss' as const) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('hide' as const), hidden: fc.boolean() }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('resync' as const) }), weight: 1 },
  ) as fc.Arbitrary<Step>,
  { minLength: 10, maxLength: 60, size: 'max' },
);

/**
 * Noise on the stream: after the `after`-th event, an event already delivered comes again with its
 * own number (`replay`), the event just delivered comes again under a new number (`again`), or an
 * earlier message does (`again-message`: the server sending a message twice).
 */
const noise = fc.array(
  fc.record({ after: fc.nat({ max: 40 }), kind: fc.constantFrom('replay', 'again', 'again-message'), pick }),
  { maxLength: 40, size: 'max' },
);

/** Turns generated steps into a valid scenario: each step acts on what exists, or is left out. */
function scenario(generated: readonly Step[]): Item[] {
  const items: Item[] = [];
  const status = new Map<string, 'offered' | 'active' | 'gone'>();
  const mediaOf = new Map<string, (typeof MEDIA)[number]>();
  let agentMessages = 0;
  const lastAgent = new Map<string, { id: string; receipt: Receipt }>();
  let messages = 0;
  const some = (wanted: 'offered' | 'active' | 'live', n: number) => {
    const ids = [...status].filter(([, s]) => (wanted === 'live' ? s !== 'gone' : s === wanted)).map(([id]) => id);
    return ids.length ? ids[n % ids.length] : undefined;
  };
  const messageId = () => MESSAGE_IDS[messages] ?? `m${messages + 1}`;
  generated.forEach((step, i) => {
    const at = T0 + (i + 1) * 1000;
    switch (step.kind) {
      case 'offer': {
        const free = TASK_IDS.filter((id) => !status.has(id));
        const id = free[step.pick % Math.max(1, free.length)];
        if (!id) return;
        status.set(id, 'offered');
        const media = MEDIA[step.pick % MEDIA.length]!;
        mediaOf.set(id, media);
        items.push({ do: 'event', body: { type: 'task', task: task(id, media, 'offered', at), cause: 'offered' } });
        return;
      }
      case 'accept':
      case 'miss': {
        const id = some('offered', step.pick);
        if (!id) return;
        const media = mediaOf.get(id)!;
        const accepted = step.kind === 'accept';
        status.set(id, accepted ? 'active' : 'gone');
        const t = task(id, media, accepted ? 'active' : 'missed', at);
        items.push({ do: 'event', body: { type: 'task', task: t, cause: accepted ? 'accepted' : 'missed' } });
        return;
      }
      case 'end': {
        const id = some('active', step.pick);
        if (!id) return;
        status.set(id, 'gone');
        const media = mediaOf.get(id)!;
        items.push({ do: 'event', body: { type: 'task', task: task(id, media, 'closed', at), cause: 'ended' } });
        return;
      }
      case 'customer':
      case 'agent': {
        const id = some('live', step.pick);
        if (!id) return;
        const mid = messageId();
        messages += 1;
        const clientId = CLIENT_IDS[agentMessages] ?? `c${agentMessages + 1}`;
        const message: Message =
          step.kind === 'customer'
            ? { id: mid, taskId: id, from: 'customer', text: `Question ${messages}`, at }
            : { id: mid, taskId: id, from: 'agent', text: `Answer ${messages}`, at, clientId, receipt: 'sent' };
        if (step.kind === 'agent') agentMessages += 1;
        if (step.kind === 'agent') lastAgent.set(id, { id: mid, receipt: 'sent' });
        items.push({ do: 'event', body: { type: 'message', message } });
        return;
      }
      case 'receipt': {
        const id = some('live', step.pick);
        const sent = id && lastAgent.get(id);
        if (!id || !sent) return;
        const next: Receipt | undefined =
          sent.receipt === 'sent' ? (step.pick % 4 === 0 ? 'failed' : 'delivered') : sent.receipt === 'delivered' ? 'read' : undefined;
        if (!next) return;
        lastAgent.set(id, { id: sent.id, receipt: next });
        items.push({
          do: 'event',
          body: { type: 'receipt', taskId: id, messageId: sent.id, receipt: next, ...(next === 'failed' ? { reason: 'Unreachable' } : {}) },
        });
        return;
      }
      case 'typing': {
        const id = some('live', step.pick);
        if (id) items.push({ do: 'event', body: { type: 'typing', taskId: id, typing: step.on } });
        return;
      }
      case 'state': {
        const media = MEDIA[step.media]!;
        const state: MediaState = step.ready
          ? { media, signIn: 'signed-in', availability: 'ready', routable: true, since: at }
          : { media, signIn: 'signed-in', availability: 'not-ready', reasonId: 'break', routable: true, since: at };
        items.push({ do: 'event', body: { type: 'media-state', state, cause: step.cause } });
        return;
      }
      case 'select': {
        const id = some('live', step.pick);
        if (id) items.push({ do: 'select', id });
        return;
      }
      case 'dismiss':
      case 'resync':
        items.push({ do: step.kind });
        return;
      case 'hide':
        items.push({ do: 'hide', hidden: step.hidden });
        return;
    }
  });
  return items;
}

interface Run {
  readonly state: DcState;
  /** Every notification raised, in order. */
  readonly raised: readonly unknown[];
  /** Every command the store sent the backend (STATE-6 propagation, …). */
  readonly calls: readonly string[];
  readonly deliveries: number;
}

async function play(items: readonly Item[], noisy: readonly { after: number; kind: string; pick: number }[] = []): Promise<Run> {
  const clock = new ManualClock(T0);
  const server = new ScriptServer(
    config.media.map((m) => m.id),
    () => clock.now(),
  );
  const backend = new ScriptBackend(server);
  const store = new DcStore({ config, backend, clock, storage: null });
  store.onError(() => undefined); // messages for tasks that are over, sent again: reported, and expected here
  await store.ready;
  const raised: unknown[] = [];
  store.subscribe((next, previous) => {
    const old = new Set(previous.notifications.map((n) => n.id));
    for (const n of next.notifications) if (!old.has(n.id)) raised.push({ id: n.id, key: n.key, code: n.code, params: n.params });
  });
  const delivered: DcEvent[] = [];
  let deliveries = 0;
  for (const item of items) {
    switch (item.do) {
      case 'event': {
        const event = backend.emit(item.body);
        delivered.push(event);
        deliveries += 1;
        for (const n of noisy.filter((x) => x.after === delivered.length - 1)) {
          deliveries += 1;
          if (n.kind === 'replay') backend.deliver(delivered[n.pick % delivered.length]);
          else if (n.kind === 'again') backend.emit(item.body);
          else {
            const said = delivered.filter((e) => e.type === 'message');
            const again = said[n.pick % said.length];
            if (again?.type === 'message') backend.emit({ type: 'message', message: again.message });
          }
        }
        break;
      }
      case 'select':
        store.selectTask(item.id);
        break;
      case 'dismiss':
        for (const n of store.state.notifications) store.dismissNotification(n.id);
        break;
      case 'hide':
        store.setHidden('elsewhere', item.hidden);
        break;
      case 'resync':
        backend.drop();
        backend.restore();
        await settle();
        break;
    }
  }
  await settle();
  const state = store.state;
  store.dispose();
  return { state, raised, calls: backend.calls, deliveries };
}

const withoutSeq = ({ lastSeq: _seq, ...rest }: DcState) => rest;

describe('store: applying events again changes nothing (property)', () => {
  it('FAIL-2 / TASK-5 / OFFER-4 / STATE-6: replays and duplicates interleaved give the state and notifications of the events applied once', async () => {
    let noiseDelivered = 0;
    let notificationsRaised = 0;
    await fc.assert(
      fc.asyncProperty(steps, noise, async (generated, noisy) => {
        const items = scenario(generated);
        const once = await play(items);
        const noisyRun = await play(items, noisy);
        expect(withoutSeq(noisyRun.state)).to.deep.equal(withoutSeq(once.state));
        expect(noisyRun.raised).to.deep.equal(once.raised);
        expect(noisyRun.calls).to.deep.equal(once.calls);
        noiseDelivered += noisyRun.deliveries - once.deliveries;
        notificationsRaised += once.raised.length;
      }),
      { seed: 20261124, numRuns: 150 },
    );
    // The property was not vacuous: noise reached the stores, and the scenarios raised notifications.
    expect(noiseDelivered).to.be.greaterThan(100);
    expect(notificationsRaised).to.be.greaterThan(100);
  });
});
