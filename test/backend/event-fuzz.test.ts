/**
 * A seeded fuzz of the backend's event stream, on a whole desktop: valid events (ids named like
 * Object.prototype members among them) mixed with hostile ones (wrong types, times no Date can show,
 * numbers beyond reason, cycles, BigInts, throwing getters, proxies, things that are not events).
 * Nothing may be thrown into the page, every hostile event must be reported, and afterwards the kit
 * must still sign in, go Ready, accept and send.
 *
 * Reproducible: the seed is fixed (FUZZ_SEED); fast-check prints the seed and path of a failure, which
 * `fc.assert(…, { seed, path })` replays. RUNS × EVENTS ≥ 10,000 events per run of the suite.
 */
import { expect, fixtureCleanup, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/elements/desktop/desktop.js';
import { MAX_TIME } from '../../src/backend/events.js';
import type { StateCause, TaskCause } from '../../src/backend/types.js';
import type { DcErrorEvent } from '../../src/events/events.js';
import { resolveConfig } from '../../src/model/config.js';
import { RECEIPTS, type MessageAuthor, type TaskStatus } from '../../src/model/tasks.js';
import { deepAll, watchPage } from '../support/hostile.js';
import { mountKit, signInReady, until } from '../support/kit.js';

const FUZZ_SEED = 20261124;
const RUNS = 25;
const EVENTS = 420;
/** Events injected between two looks at the page (renders, timers, resyncs run in between). */
const CHUNK = 30;

const CONFIG = resolveConfig({});
const MEDIA = CONFIG.media.map((m) => m.id);
const T0 = Date.now();
const IDS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 't1', 't2'];

type Body = Record<string, unknown> & { type: string };

// ---------------------------------------------------------------------------------------------------
// Valid events (without seq and at, which the stream gives them)

const time = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: T0 - 3_600_000, max: T0 + 3_600_000 }) }, { weight: 1, arbitrary: fc.constantFrom(0, MAX_TIME) });
const id = fc.oneof(fc.constantFrom(...IDS), fc.string({ minLength: 1, maxLength: 8 }));
const taskId = fc.constantFrom(...IDS);

const mediaState = fc.record({
  type: fc.constant('media-state'),
  cause: fc.constantFrom<StateCause>('agent', 'sign-in', 'missed-offer', 'system', 'supervisor'),
  state: fc.record({
    media: fc.constantFrom(...MEDIA),
    signIn: fc.constantFrom('signed-out', 'signing-in', 'signed-in', 'failed'),
    availability: fc.constantFrom('ready', 'not-ready'),
    routable: fc.boolean(),
    since: time,
  }),
});
const taskEvent = fc.record({
  type: fc.constant('task'),
  cause: fc.constantFrom<TaskCause>('offered', 'accepted', 'missed', 'rescinded', 'ended', 'transferred', 'updated'),
  task: fc.record({
    id: taskId,
    media: fc.constantFrom(...MEDIA),
    status: fc.constantFrom<TaskStatus>('offered', 'active', 'active', 'wrap-up', 'closed', 'missed'),
    queue: fc.string({ maxLength: 10 }),
    customer: fc.record({ name: fc.string({ maxLength: 12 }) }),
    offeredAt: time,
    expiresAt: time,
    acceptedAt: time,
  }),
});
const messageEvent = fc.record({
  type: fc.constant('message'),
  message: fc.record(
    {
      id,
      taskId,
      from: fc.constantFrom<MessageAuthor>('customer', 'agent', 'bot', 'system'),
      text: fc.string({ maxLength: 40 }),
      at: time,
      clientId: id,
      receipt: fc.constantFrom(...RECEIPTS),
    },
    { requiredKeys: ['id', 'taskId', 'from', 'text', 'at'] },
  ),
});
const receiptEvent = fc.record({ type: fc.constant('receipt'), taskId, messageId: id, receipt: fc.constantFrom(...RECEIPTS) });
const typingEvent = fc.record({ type: fc.constant('typing'), taskId, typing: fc.boolean() });

const validBody: fc.Arbitrary<Body> = fc.oneof(
  { weight: 1, arbitrary: mediaState },
  { weight: 3, arbitrary: taskEvent },
  { weight: 5, arbitrary: messageEvent },
  { weight: 2, arbitrary: receiptEvent },
  { weight: 2, arbitrary: typingEvent },
) as fc.Arbitrary<Body>;

// ---------------------------------------------------------------------------------------------------
// Hostile events, as descriptions the harness builds (cycles, proxies and getters are not data)

/** For each event type, paths whose value the check reads, with values that value can never be. */
const BAD_FIELDS: Record<string, Record<string, unknown[]>> = {
  'media-state': {
    cause: ['bored', 1, null],
    state: [null, 'chat', []],
    'state.media': ['fax', 7, null],
    'state.signIn': ['maybe', true],
    'state.availability': ['busy', 0],
    'state.routable': ['yes', 1, null],
    'state.since': [NaN, 'now', 1e300, -1, 8.64e15 + 1],
  },
  task: {
    cause: ['because', null],
    task: [null, 'task', 3],
    'task.id': ['', 12, null],
    'task.media': ['pigeon', 1],
    'task.status': ['done', 2],
    'task.queue': [null, 5],
    'task.customer': [null, 'Ana', [], { name: 5 }],
    'task.offeredAt': [Infinity, '2026', -5, 1e300],
    'task.expiresAt': [NaN, null],
  },
  message: {
    message: [null, 'hello', 1],
    'message.id': ['', 1, null],
    'message.taskId': ['', {}, null],
    'message.from': ['alien', 0],
    'message.text': [null, 42, {}],
    'message.at': [NaN, Infinity, 1e300, 8.64e15 + 1, -1, '09:00'],
    'message.attachments': ['file', [null], [{ id: 1 }]],
    'message.receipt': ['lost', 3],
  },
  receipt: { taskId: [null, 1], messageId: [{}, undefined], receipt: ['gone', null] },
  typing: { taskId: [null, 9], typing: ['yes', 1, null] },
};
const BIGINT_PATHS: Record<string, string> = {
  'media-state': 'state.since',
  task: 'task.offeredAt',
  message: 'message.text',
  receipt: 'messageId',
  typing: 'taskId',
};

type Hostile =
  | { kind: 'field'; body: Body; pick: number }
  | { kind: 'seq'; body: Body; seq: 'max' | 'huge' | 'neg' | 'zero' | 'frac' | 'nan' | 'string' | 'bigint' | 'jump' | 'below' }
  | { kind: 'event-time'; body: Body; at: number | string }
  | { kind: 'cycle' | 'bigint' | 'getter' | 'proxy' | 'revoked'; body: Body }
  | { kind: 'not-object'; pick: number }
  | { kind: 'type'; body: Body; type: string };

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('field' as const), body: validBody, pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('seq' as const),
      body: validBody,
      seq: fc.constantFrom('max', 'huge', 'neg', 'zero', 'frac', 'nan', 'string', 'bigint', 'jump', 'below'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('event-time' as const), body: validBody, at: fc.constantFrom(NaN, 1e300, -1, 'now', 8.64e15 + 1) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('cycle' as const, 'bigint' as const, 'getter' as const, 'proxy' as const, 'revoked' as const), body: validBody }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('not-object' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('type' as const), body: validBody, type: fc.constantFrom('constructor', '__proto__', 'toString', '', 'media_state') }) },
);

const item = fc.oneof({ weight: 3, arbitrary: validBody.map((body) => ({ valid: true as const, body })) }, { weight: 2, arbitrary: hostile.map((h) => ({ valid: false as const, h })) });

/** Sets `path` (a.b) in a copy of `body` to `value`; `undefined` removes it. */
function withPath(body: Body, path: string, value: unknown): Body {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  let target = copy;
  for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
  if (value === undefined) delete target[keys.at(-1)!];
  else target[keys.at(-1)!] = value;
  return copy as Body;
}

function parentOf(raw: Record<string, unknown>, path: string): [Record<string, unknown>, string] {
  const keys = path.split('.');
  let target = raw;
  for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
  return [target, keys.at(-1)!];
}

/** The raw event for a hostile description; `seq` is the stream's next number, `last` the kit's. */
function build(h: Hostile, seq: number, last: number): unknown {
  const at = Date.now();
  switch (h.kind) {
    case 'field': {
      const paths = Object.entries(BAD_FIELDS[h.body.type]!);
      const [path, values] = paths[h.pick % paths.length]!;
      return { ...withPath(h.body, path, values[Math.floor(h.pick / paths.length) % values.length]), seq, at };
    }
    case 'seq': {
      const bad = { max: Number.MAX_SAFE_INTEGER, huge: 2 ** 60, neg: -5, zero: 0, frac: seq + 0.5, nan: NaN, string: String(seq), bigint: BigInt(seq), jump: last + 250_000, below: -1 }[h.seq];
      return { ...h.body, seq: bad, at };
    }
    case 'event-time':
      return { ...h.body, seq, at: h.at };
    case 'type':
      return { ...h.body, type: h.type, seq, at };
    case 'cycle':
    case 'bigint':
    case 'getter': {
      const raw = { ...(structuredClone(h.body) as Record<string, unknown>), seq, at };
      const path = BIGINT_PATHS[h.body.type]!;
      const [parent, key] = parentOf(raw, path);
      if (h.kind === 'bigint') parent[key] = 5n;
      else if (h.kind === 'cycle') parent[key] = raw;
      else Object.defineProperty(parent, key, { enumerable: true, get: () => { throw new Error('a getter that throws'); } });
      return raw;
    }
    case 'proxy':
      return new Proxy({ ...h.body, seq, at }, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('keys'); } });
    case 'revoked': {
      const { proxy, revoke } = Proxy.revocable({ ...h.body, seq, at }, {});
      revoke();
      return proxy;
    }
    case 'not-object':
      return [null, 0, 'event', [], () => 'event', Symbol('event'), 12n, undefined][h.pick % 8];
  }
}

/**
 * How long each check after a stream may take: the conversation's modules load on first use, and a CI
 * machine shared with other work can take seconds for that (a failure still fails, only later).
 */
const SLOW = 20_000;

describe('backend event fuzz', function () {
  this.timeout(300_000);

  it(`HOSTILE-1…6 fuzz: ${RUNS * EVENTS} generated events, valid and hostile; nothing thrown, every hostile one reported, and the kit works after`, async () => {
    let total = 0;
    let hostileTotal = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: EVENTS, maxLength: EVENTS }), async (items) => {
        const page = watchPage();
        try {
          const kit = await mountKit(html`<dc-desktop></dc-desktop>`);
          const reports: string[] = [];
          kit.provider.addEventListener('dc-error', (e) => reports.push((e as DcErrorEvent).detail.message));
          await signInReady(kit.store);
          /** Hostile events whose report may come only once a resync under way has read the state. */
          const later: number[] = [];
          for (const [i, it] of items.entries()) {
            const seq = kit.backend.nextSeq;
            const raw = it.valid ? { ...it.body, seq, at: Date.now() } : build(it.h, seq, kit.store.state.lastSeq);
            const before = reports.length;
            expect(() => kit.backend.injectRawEvent(raw)).to.not.throw();
            total += 1;
            if (!it.valid) {
              hostileTotal += 1;
              const jump = it.h.kind === 'seq' && it.h.seq === 'jump';
              if (jump && kit.store.state.connection !== 'online') later.push((raw as { seq: number }).seq);
              else expect(reports.length, `hostile event ${i} (${it.h.kind}) reported`).to.be.greaterThan(before);
            }
            if (i % CHUNK === CHUNK - 1) await new Promise((resolve) => setTimeout(resolve));
          }
          await until(() => kit.store.state.connection === 'online', 'online after the stream', 10_000);
          for (const seq of later) expect(reports.some((r) => r.includes(String(seq))), `jump to ${seq} reported`).to.be.true;
          // The stream is alive: the next event in sequence is applied.
          const next = kit.backend.nextSeq;
          kit.backend.injectRawEvent({ type: 'typing', seq: next, at: Date.now(), taskId: 'nobody', typing: true });
          expect(kit.store.state.lastSeq).to.equal(next);
          // A blip of the network (the kit re-reads the server's truth), then the agent's day goes on.
          kit.backend.dropConnection();
          await kit.backend.restoreConnection();
          await until(() => kit.store.state.connection === 'online', 'online after the blip', SLOW);
          await signInReady(kit.store, SLOW);
          const offer = kit.backend.offer('chat', { customer: { name: 'Ana Lima' }, text: null })!;
          await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'the offer arrives', SLOW);
          kit.store.accept(offer.id);
          await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'the offer is accepted', SLOW);
          kit.store.send(offer.id, { text: 'Bonjour Ana' });
          await until(() => kit.backend.serverMessages(offer.id).some((m) => m.text === 'Bonjour Ana'), 'the message is sent', SLOW);
          expect(kit.backend.serverMessages(offer.id).filter((m) => m.text === 'Bonjour Ana')).to.have.length(1);
          await until(() => deepAll(kit.provider, '[part~="bubble"]').some((b) => b.textContent?.includes('Bonjour Ana')), 'the thread shows it', SLOW);
          expect(page.errors, 'nothing thrown into the page').to.deep.equal([]);
        } finally {
          page.stop();
          fixtureCleanup();
        }
      }),
      {
        seed: FUZZ_SEED,
        numRuns: RUNS,
        endOnFailure: true,
        // A failure says what failed and how to replay it, without printing thousands of events.
        asyncReporter: async (details) => {
          if (!details.failed) return;
          const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
          throw new Error(`event fuzz failed (replay with seed ${details.seed}, path "${details.counterexamplePath}"): ${error}`);
        },
      },
    );
    expect(total).to.be.at.least(10_000);
    console.log(`event fuzz: ${total} events, ${hostileTotal} hostile, seed ${FUZZ_SEED}`);
  });
});
