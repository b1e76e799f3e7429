import { expect } from '@open-wc/testing';
import { ManualClock } from '../../src/backend/clock.js';
import { checkEvent } from '../../src/backend/events.js';
import { SimulatedBackend, seededRandom } from '../../src/simulator/index.js';
import { DcBackendError, type ConnectionStatus } from '../../src/backend/types.js';
import { MemoryStorage } from '../../src/store/persist.js';

async function online(options: ConstructorParameters<typeof SimulatedBackend>[0] = {}) {
  const clock = new ManualClock();
  const backend = new SimulatedBackend({ clock, latencyMs: 50, ...options });
  const events: unknown[] = [];
  const connection: ConnectionStatus[] = [];
  backend.subscribe({ event: (e) => events.push(e), connection: (c) => connection.push(c) });
  const done = backend.connect();
  await clock.advance(50);
  await done;
  return { clock, backend, events, connection };
}

describe('backend: simulated contact centre', () => {
  it('is deterministic from its seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).to.deep.equal(seqA);
    expect([c(), c(), c()]).to.not.deep.equal(seqA);
  });

  it('SIGN-3: emits numbered media-state events that pass the kit’s checks', async () => {
    const { clock, backend, events, connection } = await online({ media: ['chat', 'email'] });
    expect(connection).to.deep.equal(['connecting', 'online']);
    const p = backend.signIn('chat');
    await clock.advance(50);
    await p;
    expect(events).to.have.length(1);
    const checked = checkEvent(events[0], new Set(['chat', 'email']));
    expect(checked.ok).to.be.true;
    expect(events[0]).to.deep.include({ type: 'media-state', seq: 1, cause: 'sign-in' });
    expect((events[0] as { state: unknown }).state).to.deep.include({ signIn: 'signed-in', availability: 'not-ready' });
  });

  it('fails sign-in the chosen number of times with the chosen reason', async () => {
    const { clock, backend } = await online();
    backend.failSignIn('sms', { times: 1, reason: 'busy' });
    const first = backend.signIn('sms');
    const failed = first.catch((e: unknown) => e);
    await clock.advance(50);
    const error = await failed;
    expect(error).to.be.instanceOf(DcBackendError);
    expect((error as DcBackendError).message).to.equal('busy');
    const second = backend.signIn('sms');
    await clock.advance(50);
    await second;
    expect(backend.serverState('sms')!.signIn).to.equal('signed-in');
  });

  it('refuses commands while the connection is down, and loses events sent meanwhile', async () => {
    const { clock, backend, events, connection } = await online();
    backend.dropConnection();
    let error: unknown;
    await backend.signIn('chat').catch((e: unknown) => (error = e));
    expect((error as DcBackendError).code).to.equal('offline');
    backend.serverSetState('email', { availability: 'not-ready', reasonId: 'x' });
    expect(events).to.have.length(0);
    const back = backend.restoreConnection();
    await clock.advance(50);
    await back;
    expect(connection).to.deep.equal(['connecting', 'online', 'offline', 'connecting', 'online']);
    const snap = backend.snapshot();
    await clock.advance(50);
    expect((await snap).seq).to.equal(1);
  });

  it('keeps its server state in storage across a reload when asked', async () => {
    const storage = new MemoryStorage();
    const first = await online({ storage, storageKey: 's' });
    const p = first.backend.signIn('email');
    await first.clock.advance(50);
    await p;
    const second = await online({ storage, storageKey: 's' });
    expect(second.backend.serverState('email')!.signIn).to.equal('signed-in');
    expect(second.backend.nextSeq).to.equal(2);
  });

  it('rejects an unknown media with a clear error', async () => {
    const { clock, backend } = await online();
    const p = backend.setState('fax', { availability: 'ready' }).catch((e: unknown) => e);
    await clock.advance(50);
    const error = (await p) as DcBackendError;
    expect(error.code).to.equal('unknown-media');
    expect(error.message).to.equal('Unknown media "fax"');
  });
});
