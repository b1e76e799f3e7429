/**
 * Backend data the kit does not own (HOSTILE-1…6): ids of any name, times no `Date` can show, snapshots
 * that cannot be applied whole, sequence numbers beyond reason, values the event check must survive, and
 * a reducer that throws. Each must leave the kit working, reported and never thrown.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ManualClock } from '../../src/backend/clock.js';
import { checkEvent, checkMessage, checkSnapshot, MAX_EMAIL_HTML, MAX_SEQ, MAX_TIME } from '../../src/backend/events.js';
import type { DcSnapshot } from '../../src/backend/types.js';
import { resolveConfig } from '../../src/model/config.js';
import type { Message } from '../../src/model/tasks.js';
import { MemoryBlobStore } from '../../src/store/blobs.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { DcStore, type DcStoreError } from '../../src/store/store.js';
import { ScriptBackend, ScriptServer, settle, task } from '../store/script-backend.js';

const config = resolveConfig({ retryDelayMs: 1000, retryMaxDelayMs: 1000 });
const MEDIA = config.media.map((m) => m.id);
const KNOWN = new Set(MEDIA);
const T = Date.UTC(2026, 10, 24, 9, 0, 0);
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);

async function setup(storage: Storage | null = null, server?: ScriptServer) {
  const clock = new ManualClock(T);
  const theServer = server ?? new ScriptServer(MEDIA, () => clock.now());
  const backend = new ScriptBackend(theServer);
  const blobs = new MemoryBlobStore();
  const store = new DcStore({ config, backend, clock, storage, blobs });
  const errors: DcStoreError[] = [];
  store.onError((e) => errors.push(e));
  await store.ready;
  return { clock, server: theServer, backend, store, storage, blobs, errors };
}

type Kit = Awaited<ReturnType<typeof setup>>;

const said = (id: string, taskId: string, at: number, text = 'Hello'): Message => ({ id, taskId, from: 'customer', text, at });

/** Drops and restores the connection: the store re-reads the snapshot. */
async function resync(kit: Kit): Promise<void> {
  kit.backend.drop();
  kit.backend.restore();
  await settle();
}

/** Makes Array.prototype.sort throw on a list holding a message that reads "poison": a reducer bug, on cue. */
function poisonSort(): () => void {
  const sort = Array.prototype.sort;
  Array.prototype.sort = function (this: unknown[], ...args: Parameters<typeof sort>) {
    if (this.some((m) => (m as Message | undefined)?.text === 'poison')) throw new TypeError('poisoned');
    return sort.apply(this, args);
  } as typeof sort;
  return () => {
    Array.prototype.sort = sort;
  };
}

describe('hostile backend data', () => {
  it('HOSTILE-1: ids of any name (Object.prototype members included) through events, a resync and a reload', async () => {
    const id = fc.oneof(fc.constantFrom(...PROTO_NAMES), fc.string({ minLength: 1, maxLength: 12 }));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(id, { minLength: 1, maxLength: 5 }), async (ids) => {
        const storage = new MemoryStorage();
        const kit = await setup(storage);
        ids.forEach((taskId, i) => {
          kit.backend.emit({ type: 'task', task: task(taskId, 'chat', 'active', T + i), cause: 'accepted' });
          kit.backend.emit({ type: 'message', message: said(taskId, taskId, T + i) }); // a message named like its task
          kit.backend.emit({
            type: 'message',
            message: { id: `a-${taskId}`, taskId, from: 'agent', text: 'On it', at: T + i + 1, clientId: taskId, receipt: 'sent' },
          });
          kit.backend.emit({ type: 'receipt', taskId, messageId: `a-${taskId}`, receipt: 'read' });
          kit.backend.emit({ type: 'typing', taskId, typing: true });
          kit.store.setDraft(taskId, { text: `draft for ${taskId}`, spans: [], attachments: [] });
        });
        const check = (store: DcStore, where: string) => {
          const s = store.state;
          expect(Object.keys(s.tasks), where).to.have.members(ids);
          for (const taskId of ids) {
            expect(Object.hasOwn(s.tasks, taskId), `${where}: task ${taskId}`).to.be.true;
            expect(s.tasks[taskId]!.id).to.equal(taskId);
            expect(s.messages[taskId]!.slice(0, 2).map((m) => m.id), `${where}: messages of ${taskId}`).to.deep.equal([taskId, `a-${taskId}`]);
            expect(s.messages[taskId]![1]!.receipt).to.equal('read');
            expect(s.drafts[taskId]!.text, `${where}: draft of ${taskId}`).to.equal(`draft for ${taskId}`);
          }
        };
        check(kit.store, 'after the events');
        for (const taskId of ids) expect(Object.hasOwn(kit.store.state.typing, taskId)).to.be.true;
        // Offline, the customers write again: only the snapshot brings those messages.
        kit.backend.drop();
        ids.forEach((taskId, i) => kit.backend.emit({ type: 'message', message: said(`late-${taskId}`, taskId, T + i + 2) }));
        kit.backend.restore();
        await settle();
        expect(kit.store.state.connection).to.equal('online');
        for (const taskId of ids) {
          expect(kit.store.state.messages[taskId]!.map((m) => m.id), `the snapshot's messages of ${taskId}`).to.deep.equal([
            taskId,
            `a-${taskId}`,
            `late-${taskId}`,
          ]);
          expect(kit.store.state.customerCounts[taskId]).to.equal(2);
        }
        await resync(kit);
        expect(kit.store.state.messages[ids[0]!]).to.have.length(3);
        kit.store.dispose();
        const reloaded = new DcStore({ config, backend: new ScriptBackend(kit.server), clock: kit.clock, storage, blobs: kit.blobs });
        check(reloaded, 'restored from storage');
        await reloaded.ready;
        check(reloaded, 'after the reload’s snapshot');
        reloaded.dispose();
        expect(kit.errors.map((e) => e.message)).to.deep.equal([]);
        // Nothing reached a prototype.
        expect(Object.getOwnPropertyNames(Object.prototype)).to.deep.equal(PROTO_NAMES);
        expect(Object.getPrototypeOf({})).to.equal(Object.prototype);
      }),
      { seed: 9001, numRuns: 60 },
    );
  });

  it('HOSTILE-1: a snapshot keeps the messages of a task named __proto__, and names no media by an inherited key', () => {
    const raw = JSON.parse(
      JSON.stringify({ seq: 3, at: T, media: {}, tasks: [task('__proto__', 'chat', 'active', T)], messages: { ['__proto__']: [said('m1', '__proto__', T)] } }),
    ) as unknown;
    // Parsed JSON holds "__proto__" as an own key, as a server's snapshot would.
    expect(Object.hasOwn((raw as { messages: object }).messages, '__proto__')).to.be.true;
    const checked = checkSnapshot(raw, KNOWN);
    expect(checked.ok).to.be.true;
    const snap = (checked as { value: DcSnapshot }).value;
    expect(Object.hasOwn(snap.messages, '__proto__')).to.be.true;
    expect(snap.messages['__proto__']!.map((m) => m.id)).to.deep.equal(['m1']);
    expect(Object.getPrototypeOf(snap.messages)).to.equal(null);
    expect(Object.getPrototypeOf(snap.media)).to.equal(null);
    // A customer variable named like a prototype member is a variable.
    const ev = checkEvent({ type: 'task', seq: 1, at: T, cause: 'offered', task: { ...task('t', 'chat', 'offered', T), customer: JSON.parse('{"__proto__":"x","name":"Ana"}') } }, KNOWN);
    expect(ev.ok).to.be.true;
    const customer = (ev as { value: { task: { customer: Record<string, string> } } }).value.task.customer;
    expect(Object.hasOwn(customer, '__proto__')).to.be.true;
    expect(customer['__proto__']).to.equal('x');
  });

  it('HOSTILE-2: a time no Date can show is refused at the boundary, reported, and the rest of the thread stays', async () => {
    const kit = await setup();
    kit.backend.emit({ type: 'task', task: task('t', 'chat', 'active', T), cause: 'accepted' });
    kit.backend.emit({ type: 'message', message: said('ok-1', 't', T + 1) });
    const bad = [8.64e15 + 1, 1e300, NaN, Infinity, -1, MAX_TIME + 1, '2026-01-01'];
    for (const [i, at] of bad.entries()) {
      kit.backend.deliverRaw({ type: 'message', seq: ++kit.server.seq, at: T, message: said(`bad-${i}`, 't', at as number) });
    }
    kit.backend.emit({ type: 'message', message: said('ok-2', 't', MAX_TIME) }); // the last moment of year 9999 is a time
    expect(kit.store.state.messages['t']!.map((m) => m.id)).to.deep.equal(['ok-1', 'ok-2']);
    const reports = kit.errors.filter((e) => e.source === 'event' && /not a valid time/.test(e.message));
    expect(reports).to.have.length(bad.length);
    expect(new Date(kit.store.state.messages['t']![1]!.at).toLocaleString('fr')).to.be.a('string'); // formats
    // A bad time elsewhere: a task, a media state, the event itself.
    kit.backend.deliverRaw({ type: 'task', seq: ++kit.server.seq, at: T, cause: 'offered', task: { ...task('u', 'chat', 'offered', T), expiresAt: 1e300 } });
    kit.backend.deliverRaw({ type: 'typing', seq: ++kit.server.seq, at: 8.64e15 + 1, taskId: 't', typing: true });
    expect(kit.store.state.tasks['u']).to.be.undefined;
    expect(kit.store.state.typing['t']).to.be.undefined;
    expect(kit.errors).to.have.length(bad.length + 2);
    // In a snapshot: that message alone is dropped.
    kit.server.messages.get('t')!.push(said('bad-snap', 't', 1e300));
    await resync(kit);
    expect(kit.store.state.connection).to.equal('online');
    expect(kit.store.state.messages['t']!.map((m) => m.id)).to.deep.equal(['ok-1', 'ok-2']);
    expect(kit.errors.at(-1)!.message).to.contain('snapshot.messages.t[2].at is not a valid time');
  });

  it('HOSTILE-3: a snapshot with bad entries is applied without them, each reported once, and the kit comes back', async () => {
    const kit = await setup();
    const good = kit.server.snapshot();
    const hostile = JSON.parse(
      JSON.stringify({
        seq: kit.server.seq,
        at: T,
        media: { ...good.media, sms: { media: 'sms', signIn: 'maybe' }, fax: good.media['chat'] },
        tasks: [task('constructor', 'chat', 'active', T), task('__proto__', 'chat', 'active', T + 1), { id: 'broken' }, task('t', 'chat', 'active', T + 2)],
        messages: { ['__proto__']: [said('p1', '__proto__', T)], t: [said('t1', 't', T), { id: 'no-text', taskId: 't' }], nope: 'nope' },
      }),
    ) as DcSnapshot;
    kit.backend.snapshot = async () => hostile;
    await resync(kit);
    const s = kit.store.state;
    expect(s.connection).to.equal('online');
    expect(Object.keys(s.tasks)).to.have.members(['constructor', '__proto__', 't']);
    expect(s.messages['__proto__']!.map((m) => m.id)).to.deep.equal(['p1']);
    expect(s.messages['t']!.map((m) => m.id)).to.deep.equal(['t1']);
    expect(Object.hasOwn(s.messages, 'constructor')).to.be.false; // no messages entry: none, and no throw
    expect(s.media['sms']!.signIn).to.equal('signed-in'); // the bad entry is dropped: sms keeps what it had
    const said1 = kit.errors.map((e) => e.message);
    for (const part of ['snapshot.media.sms', 'snapshot.media.fax', 'snapshot.tasks[2]', 'snapshot.messages.t[1]', 'snapshot.messages.nope']) {
      expect(said1.filter((m) => m.includes(part)), part).to.have.length(1);
    }
    // The same snapshot again (a later resync) changes nothing more.
    const before = kit.store.state.tasks;
    await resync(kit);
    expect(kit.store.state.tasks).to.equal(before);
  });

  it('HOSTILE-3: a snapshot that cannot be read is reported once however often it is retried, and the kit recovers', async () => {
    const kit = await setup();
    let raw: unknown = 'not a snapshot';
    kit.backend.snapshot = async () => raw as DcSnapshot;
    kit.backend.drop();
    kit.backend.restore();
    for (let i = 0; i < 5; i++) {
      await settle();
      await kit.clock.advance(1000); // a retry each time
    }
    expect(kit.store.state.connection).to.equal('resyncing');
    expect(kit.errors.filter((e) => e.message.startsWith('Snapshot failed'))).to.have.length(1);
    raw = kit.server.snapshot();
    await kit.clock.advance(1000);
    await settle();
    expect(kit.store.state.connection).to.equal('online');
  });

  it('HOSTILE-3: a snapshot entry the reducer cannot take is dropped (its messages first) and the rest applied', async () => {
    const kit = await setup();
    kit.server.tasks.set('p', task('p', 'chat', 'active', T));
    kit.server.tasks.set('q', task('q', 'chat', 'active', T + 1));
    kit.server.messages.set('p', [said('p2', 'p', T + 20, 'poison'), said('p1', 'p', T + 10)]); // out of order: sorted on apply
    kit.server.messages.set('q', [said('q1', 'q', T + 10)]);
    const restore = poisonSort();
    try {
      await resync(kit);
    } finally {
      restore();
    }
    const s = kit.store.state;
    expect(s.connection).to.equal('online');
    expect(Object.keys(s.tasks)).to.have.members(['p', 'q']);
    expect(s.messages['q']!.map((m) => m.id)).to.deep.equal(['q1']);
    expect(s.messages['p']).to.be.undefined;
    expect(s.lastSeq).to.equal(kit.server.seq);
    expect(kit.errors.map((e) => e.message).join('\n')).to.contain('the messages of task p');
  });

  it('HOSTILE-4: snapshot.seq = MAX_SAFE_INTEGER is reported, and the events after it are applied, not ignored', async () => {
    const kit = await setup();
    kit.backend.snapshot = async () => ({ ...kit.server.snapshot(), seq: Number.MAX_SAFE_INTEGER });
    await resync(kit);
    expect(kit.store.state.connection).to.equal('online');
    expect(kit.errors.map((e) => e.message).join()).to.contain('snapshot.seq is not a sequence number the kit believes');
    kit.backend.emit({ type: 'task', task: task('t', 'chat', 'offered', T), cause: 'offered' });
    kit.backend.emit({ type: 'task', task: task('t', 'chat', 'active', T), cause: 'accepted' });
    kit.backend.emit({ type: 'message', message: said('m1', 't', T + 1) });
    expect(kit.store.state.tasks['t']!.status).to.equal('active');
    expect(kit.store.state.messages['t']!.map((m) => m.id)).to.deep.equal(['m1']);
    expect(kit.store.state.lastSeq).to.equal(kit.server.seq);
  });

  it('HOSTILE-4: an event whose number jumps beyond reason is reported once and taken as a new epoch', async () => {
    const kit = await setup();
    kit.backend.emit({ type: 'task', task: task('t', 'chat', 'active', T), cause: 'accepted' });
    const last = kit.store.state.lastSeq;
    kit.backend.deliverRaw({ type: 'message', seq: last + 1e9, at: T, message: said('far', 't', T + 1) });
    await settle();
    expect(kit.errors.filter((e) => e.message.includes('sequence jumped'))).to.have.length(1);
    expect(kit.store.state.messages['t']).to.be.undefined; // not applied
    expect(kit.store.state.connection).to.equal('online'); // re-read, and back
    expect(kit.store.state.lastSeq).to.equal(last);
    kit.backend.emit({ type: 'message', message: said('next', 't', T + 2) });
    expect(kit.store.state.messages['t']!.map((m) => m.id)).to.deep.equal(['next']);
    // Beyond what the kit believes at all: malformed.
    kit.backend.deliverRaw({ type: 'typing', seq: MAX_SEQ + 1, at: T, taskId: 't', typing: true });
    expect(kit.errors.at(-1)!.message).to.contain('no valid seq');
  });

  it('HOSTILE-4: a server that starts numbering again (a restart) is followed from its new numbers', async () => {
    const clock = new ManualClock(T);
    const server = new ScriptServer(MEDIA, () => clock.now());
    server.seq = 500_000;
    const kit = await setup(null, server);
    expect(kit.store.state.lastSeq).to.equal(500_000);
    server.seq = 0; // the server restarts
    kit.backend.emit({ type: 'task', task: task('t', 'chat', 'active', T), cause: 'accepted' });
    await settle();
    expect(kit.errors.filter((e) => e.message.includes('sequence jumped'))).to.have.length(1);
    expect(kit.store.state.tasks['t']!.status).to.equal('active'); // from the snapshot re-read
    expect(kit.store.state.lastSeq).to.equal(1);
    kit.backend.emit({ type: 'message', message: said('m1', 't', T + 1) });
    expect(kit.store.state.messages['t']!.map((m) => m.id)).to.deep.equal(['m1']);
  });

  it('HOSTILE-5: the event check never throws: BigInts, cycles, throwing getters, proxies, revoked proxies', async () => {
    const kit = await setup();
    kit.backend.emit({ type: 'task', task: task('t', 'chat', 'active', T), cause: 'accepted' });
    const next = () => kit.server.seq + 1;
    const cyclic: Record<string, unknown> = { type: 'typing', seq: next(), at: T, taskId: 't' };
    cyclic['typing'] = cyclic;
    const looped = { type: 'message', seq: next(), at: T, message: said('c', 't', T) as unknown as Record<string, unknown> };
    looped.message['attachments'] = [looped.message];
    const getter = { type: 'message', seq: next(), at: T } as Record<string, unknown>;
    Object.defineProperty(getter, 'message', { enumerable: true, get: () => { throw new Error('boom'); } });
    const nastyError = { get message(): string { throw new Error('worse'); } };
    const thrower = Object.defineProperty({ seq: next(), at: T }, 'type', { get: () => { throw nastyError; } });
    const traps = new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('keys'); }, getPrototypeOf: () => { throw new Error('proto'); } });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const longList = new Proxy([], { get: (target, key) => (key === 'length' ? 2 ** 32 - 1 : key in target ? Reflect.get(target, key) : { id: 'f', name: 'f', type: '', size: 1, url: 'x' }) });
    const hostile: unknown[] = [
      { type: 'typing', seq: 10n, at: T, taskId: 't', typing: true },
      { type: 'message', seq: next(), at: T, message: { ...said('b', 't', T), text: 5n } },
      { type: 'task', seq: next(), at: T, cause: 'updated', task: { ...task('t', 'chat', 'active', T), customer: { name: 1n } } },
      cyclic,
      looped,
      getter,
      thrower,
      traps,
      revocable.proxy,
      { type: 'message', seq: next(), at: T, message: { ...said('l', 't', T), attachments: longList } },
      { type: Symbol('message'), seq: next(), at: T },
      () => 'an event',
      Object.create(null),
    ];
    for (const raw of hostile) {
      const before = kit.errors.length;
      expect(() => checkEvent(raw, KNOWN)).to.not.throw();
      expect(checkEvent(raw, KNOWN).ok).to.be.false;
      expect(() => kit.backend.deliverRaw(raw)).to.not.throw();
      expect(kit.errors.length, 'reported').to.equal(before + 1);
    }
    expect(kit.store.state.messages['t']).to.be.undefined;
    // The stream goes on: the next event is applied.
    kit.server.seq = kit.store.state.lastSeq;
    kit.backend.emit({ type: 'message', message: said('after', 't', T + 5) });
    expect(kit.store.state.messages['t']!.map((m) => m.id)).to.deep.equal(['after']);
    expect(kit.store.state.connection).to.equal('online');
  });

  it('HOSTILE-5: checkEvent and checkSnapshot take anything', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true }), (raw) => {
        expect(checkEvent(raw, KNOWN).ok).to.be.false;
        checkSnapshot(raw, KNOWN);
      }),
      { seed: 9005, numRuns: 2000 },
    );
  });

  it('HOSTILE-6: an event the reducer throws on changes nothing, is reported, and the kit re-reads the state at once', async () => {
    const kit = await setup();
    kit.backend.emit({ type: 'task', task: task('t', 'chat', 'active', T), cause: 'accepted' });
    kit.backend.emit({ type: 'message', message: said('m2', 't', T + 20) });
    const before = kit.store.state;
    const changed: string[][] = [];
    const off = kit.store.subscribe((next, previous) =>
      changed.push((Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== previous[k])),
    );
    const restore = poisonSort();
    try {
      kit.backend.emit({ type: 'message', message: said('m1', 't', T + 10, 'poison') }); // earlier: sorted in, and the sort throws
    } finally {
      restore();
      off();
    }
    // All or nothing: the event changed nothing (lastSeq included); what follows is the resync it asks for.
    expect(changed).to.deep.equal([['connection']]);
    expect(kit.store.state.connection).to.equal('resyncing');
    expect(kit.store.state.lastSeq).to.equal(before.lastSeq);
    expect(kit.store.state.messages).to.equal(before.messages);
    const report = kit.errors.at(-1)!;
    expect(report.source).to.equal('event');
    expect(report.message).to.contain(`Event ${kit.server.seq} (message) could not be applied`);
    await settle();
    // Behind the server, the kit re-read it without waiting for the next event to look like a gap.
    expect(kit.store.state.connection).to.equal('online');
    expect(kit.store.state.lastSeq).to.equal(kit.server.seq);
    expect(kit.store.state.messages['t']!.map((m) => m.id)).to.deep.equal(['m1', 'm2']);
  });

  it('MAIL-1, MAIL-3, MAIL-8: an email with a bad part is refused alone, with the part named; the thread and its good emails stay', async () => {
    const kit = await setup();
    kit.backend.emit({ type: 'task', task: task('e', 'email', 'active', T), cause: 'accepted' });
    const headers = { from: 'Ana <ana@client.example>', to: ['support@example.com'], cc: [], subject: 'My invoice' };
    const mail = (id: string, email: unknown, attachments?: unknown) =>
      ({ ...said(id, 'e', T + 1), email, ...(attachments !== undefined ? { attachments } : {}) }) as unknown as Message;
    const file = { id: 'f1', name: 'logo.png', type: 'image/png', size: 10, url: 'data:image/png;base64,AA==' };
    kit.backend.emit({ type: 'message', message: mail('ok-1', { ...headers, html: '<p>Hi</p>', messageId: '<1@client.example>' }, [{ ...file, contentId: 'logo', inline: true }]) });
    const bad: [unknown, unknown, RegExp][] = [
      ['not an email', undefined, /message\.email is "not an email", not an email/],
      [{ ...headers, from: 5 }, undefined, /message\.email\.from is not an address/],
      [{ ...headers, to: 'support@example.com' }, undefined, /message\.email\.to is not a list of addresses/],
      [{ ...headers, cc: [null] }, undefined, /message\.email\.cc\[0\] is null, not an address/],
      [{ ...headers, subject: ['x'] }, undefined, /message\.email\.subject is not a subject/],
      [{ ...headers, html: { toString: () => '<p>' } }, undefined, /message\.email\.html is an object, not HTML text/],
      [{ ...headers, html: `<p>${'x'.repeat(MAX_EMAIL_HTML)}</p>` }, undefined, /message\.email\.html is longer than 1000000 characters \(1000007\); the email is left out/],
      [{ ...headers, messageId: 42 }, undefined, /message\.email\.messageId is not a Message-ID/],
      [headers, [{ ...file, contentId: 7 }], /attachments\[0\]\.contentId is not a content id/],
      [headers, [{ ...file, inline: 'yes' }], /attachments\[0\]\.inline is not a boolean/],
      [headers, [{ ...file, pciBlocked: true }], /attachments\[0\]\.pciBlocked is not a reason/],
    ];
    for (const [i, [email, attachments]] of bad.entries()) kit.backend.emit({ type: 'message', message: mail(`bad-${i}`, email, attachments) });
    kit.backend.emit({ type: 'message', message: mail('ok-2', headers, [{ ...file, pciBlocked: 'Card number found in the file' }]) });
    // The path ran: each bad one reported, the good ones applied around them.
    const thread = kit.store.state.messages['e']!;
    expect(thread.map((m) => m.id)).to.deep.equal(['ok-1', 'ok-2']);
    expect(thread[0]!.email).to.deep.equal({ ...headers, html: '<p>Hi</p>', messageId: '<1@client.example>' });
    expect(thread[0]!.attachments![0]).to.include({ contentId: 'logo', inline: true });
    expect(thread[1]!.attachments![0]!.pciBlocked).to.equal('Card number found in the file');
    const reports = kit.errors.filter((e) => e.source === 'event').map((e) => e.message);
    expect(reports).to.have.length(bad.length);
    bad.forEach(([, , why], i) => expect(reports[i], `case ${i}`).to.match(why));
    // In a snapshot: that email alone is dropped, the thread stays.
    kit.server.messages.get('e')!.push(mail('bad-snap', { ...headers, to: [1] }));
    await resync(kit);
    expect(kit.store.state.connection).to.equal('online');
    expect(kit.store.state.messages['e']!.map((m) => m.id)).to.deep.equal(['ok-1', 'ok-2']);
    expect(kit.errors.at(-1)!.message).to.match(/snapshot\.messages\.e\[\d+\]\.email\.to\[0\] is 1, not an address/);
  });

  it('MAIL-1, MAIL-3, MAIL-8: the email check takes any email part and keeps only well-formed fields (seeded property)', () => {
    const value = fc.anything({ withBigInt: true, withNullPrototype: true, maxDepth: 2 });
    const list = fc.oneof(fc.array(fc.string({ maxLength: 30 }), { maxLength: 4 }), value);
    const email = fc.oneof(
      fc.record(
        { from: fc.oneof(fc.string(), value), to: list, cc: list, subject: fc.oneof(fc.string(), value), html: fc.oneof(fc.string(), value), messageId: fc.oneof(fc.string(), value) },
        { requiredKeys: [] },
      ),
      value,
    );
    const extras = fc.record(
      { contentId: fc.oneof(fc.string({ minLength: 1 }), value), inline: fc.oneof(fc.boolean(), value), pciBlocked: fc.oneof(fc.string(), value) },
      { requiredKeys: [] },
    );
    const isList = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
    fc.assert(
      fc.property(email, extras, (rawEmail, rawExtras) => {
        const file = { id: 'f', name: 'a.pdf', type: 'application/pdf', size: 1, url: 'data:,', ...rawExtras };
        const checked = checkMessage({ ...said('m', 't', T), email: rawEmail, attachments: [file] }, 'message');
        if (!checked.ok) return void expect(checked.error).to.match(/^message\.(email|attachments\[0\])/);
        const { email: e, attachments } = checked.value;
        if (rawEmail === undefined) expect(e).to.equal(undefined);
        else {
          expect(typeof e!.from === 'string' && typeof e!.subject === 'string' && isList(e!.to) && isList(e!.cc)).to.be.true;
          expect(e!.html === undefined || (typeof e!.html === 'string' && e!.html.length <= MAX_EMAIL_HTML)).to.be.true;
          expect(e!.messageId === undefined || typeof e!.messageId === 'string').to.be.true;
        }
        const a = attachments![0]!;
        expect(a.contentId === undefined || (typeof a.contentId === 'string' && a.contentId !== '')).to.be.true;
        expect(a.inline === undefined || typeof a.inline === 'boolean').to.be.true;
        expect(a.pciBlocked === undefined || typeof a.pciBlocked === 'string').to.be.true;
      }),
      { seed: 11_001, numRuns: 2000 },
    );
  });
});
