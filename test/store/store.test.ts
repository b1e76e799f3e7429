import { expect } from '@open-wc/testing';
import { ManualClock } from '../../src/backend/clock.js';
import { SimulatedBackend } from '../../src/simulator/index.js';
import { resolveConfig, type DcConfigInput } from '../../src/model/config.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { DcStore, type DcStoreError } from '../../src/store/store.js';

/** A store on a simulated backend with a manual clock: nothing happens until time is advanced. */
async function setup(input: DcConfigInput = {}, storage: Storage = new MemoryStorage(), latencyMs = 100) {
  const config = resolveConfig({ retryDelayMs: 1000, retryMaxDelayMs: 8000, ...input });
  const clock = new ManualClock();
  const backend = new SimulatedBackend({ media: config.media.map((m) => m.id), clock, latencyMs, storage, storageKey: 'server' });
  const store = new DcStore({ config, backend, clock, storage });
  const errors: DcStoreError[] = [];
  store.onError((e) => errors.push(e));
  await clock.advance(1000);
  await store.ready;
  return { config, clock, backend, store, errors, storage };
}

async function signIn(kit: Awaited<ReturnType<typeof setup>>) {
  kit.store.signIn();
  await kit.clock.advance(1000);
}

const looks = (store: DcStore) =>
  Object.fromEntries(
    Object.values(store.state.media).map((m) => [
      m.media,
      m.signIn !== 'signed-in' ? m.signIn : m.availability === 'ready' ? 'R' : (m.reasonId ?? 'NR'),
    ]),
  );

describe('store: sign-in', () => {
  it('SIGN-2/3: signs every media in on its own; each ends Not Ready', async () => {
    const kit = await setup();
    kit.store.signIn();
    expect(Object.values(kit.store.state.media).map((m) => m.signIn)).to.deep.equal(Array(4).fill('signing-in'));
    await kit.clock.advance(1000);
    expect(looks(kit.store)).to.deep.equal({ chat: 'NR', sms: 'NR', social: 'NR', email: 'NR' });
  });

  it('SIGN-4: a failing media is retried signInRetries times with backoff, then stops with a notification', async () => {
    const kit = await setup({ signInRetries: 3 });
    kit.backend.failSignIn('sms', { reason: 'SMS gateway down' });
    kit.store.signIn();
    await kit.clock.advance(150);
    expect(kit.store.state.media['sms']!.signIn).to.equal('failed');
    expect(kit.store.state.media['sms']!.signInError).to.equal('SMS gateway down');
    expect(kit.store.state.media['chat']!.signIn).to.equal('signed-in');
    let n = kit.store.state.notifications.find((x) => x.code === 'sign-in-failed')!;
    expect(n.params).to.include({ media: 'sms', attempt: 1, retries: 3, retryInMs: 1000 });
    // retries at +1 s, +2 s, +4 s (each followed by the 100 ms round trip)
    await kit.clock.advance(1100);
    n = kit.store.state.notifications.find((x) => x.code === 'sign-in-failed')!;
    expect(n.params).to.include({ attempt: 2, retryInMs: 2000 });
    await kit.clock.advance(2100);
    await kit.clock.advance(4100);
    n = kit.store.state.notifications.find((x) => x.code === 'sign-in-failed')!;
    expect(n.params.attempt).to.equal(4);
    expect(n.params).to.not.have.property('retryInMs');
    expect(kit.store.state.notifications.filter((x) => x.code === 'sign-in-failed')).to.have.length(1);
    await kit.clock.advance(60_000);
    expect(kit.store.state.media['sms']!.signIn).to.equal('failed'); // no fifth attempt
  });

  it('SIGN-4: a media that fails twice signs in on the retry and its notification goes', async () => {
    const kit = await setup();
    kit.backend.failSignIn('email', { times: 2 });
    kit.store.signIn();
    await kit.clock.advance(150);
    expect(kit.store.state.notifications).to.have.length(1);
    await kit.clock.advance(1100 + 2100);
    expect(kit.store.state.media['email']!.signIn).to.equal('signed-in');
    expect(kit.store.state.notifications).to.have.length(0);
  });

  it('SIGN-6: canSignOut follows the state; signOut is refused while a media is Ready', async () => {
    const kit = await setup();
    await signIn(kit);
    expect(kit.store.canSignOut).to.be.true;
    kit.store.setState('email', { availability: 'ready' });
    await kit.clock.advance(200);
    expect(kit.store.canSignOut).to.be.false;
    expect(await kit.store.signOut()).to.be.false;
    expect(kit.store.state.notifications.at(-1)!.code).to.equal('sign-out-blocked');
  });

  it('STATE-8: signing out hands every media back, per onSignOut', async () => {
    const kit = await setup({ onSignOut: 'close' });
    await signIn(kit);
    const done = kit.store.signOut();
    await kit.clock.advance(200);
    expect(await done).to.be.true;
    expect(Object.values(kit.store.state.media).map((m) => m.signIn)).to.deep.equal(Array(4).fill('signed-out'));
  });
});

describe('store: state changes', () => {
  it('STATE-6: a server change of one Chat/Social media takes the others to Not Ready; Email stays', async () => {
    const kit = await setup();
    await signIn(kit);
    kit.store.setState('all', { availability: 'ready' });
    await kit.clock.advance(200);
    kit.backend.serverSetState('sms', { availability: 'not-ready', reasonId: 'break' }, 'supervisor');
    await kit.clock.advance(200);
    expect(looks(kit.store)).to.deep.equal({ chat: 'break', sms: 'break', social: 'break', email: 'R' });
    const auto = kit.store.state.notifications.find((n) => n.code === 'state-auto-changed')!;
    expect(auto.params).to.include({ media: 'sms', cause: 'supervisor' });
  });

  it('OFFER-4 / STATE-6: a chat that loses routing goes non-routable, then the group goes Not Ready', async () => {
    const kit = await setup();
    await signIn(kit);
    kit.store.setState('chat-social', { availability: 'ready' });
    await kit.clock.advance(200);
    kit.backend.serverSetState('chat', { availability: 'ready', routable: false }, 'missed-offer');
    await kit.clock.advance(0);
    expect(kit.store.state.media['chat']!.routable).to.be.false;
    await kit.clock.advance(200);
    expect(looks(kit.store)).to.deep.equal({ chat: 'NR', sms: 'NR', social: 'NR', email: 'NR' });
    expect(kit.store.state.media['chat']!.routable).to.be.false; // shown as non-routable until Ready by hand
    kit.store.setState('chat-social', { availability: 'ready' });
    await kit.clock.advance(200);
    expect(kit.store.state.media['chat']!.routable).to.be.true;
  });

  it('STATE-7: a change failing for one media is retried stateRetries times, then leaves the group partial', async () => {
    const kit = await setup({ stateRetries: 2 });
    await signIn(kit);
    kit.backend.failStateChange('sms', { reason: 'Network error' });
    kit.store.setState('chat-social', { availability: 'ready' });
    await kit.clock.advance(200);
    expect(kit.store.state.pending['sms']).to.deep.include({ attempt: 1 });
    await kit.clock.advance(1200 + 2200);
    expect(looks(kit.store)).to.deep.equal({ chat: 'R', sms: 'NR', social: 'R', email: 'NR' });
    expect(kit.store.state.pending).to.deep.equal({});
    const n = kit.store.state.notifications.find((x) => x.code === 'state-change-failed')!;
    expect(n.params).to.include({ media: 'sms', attempt: 3 });
    expect(n.action).to.deep.equal({ kind: 'retry-state', media: 'sms', target: { availability: 'ready' } });
    // the agent sets that media again
    kit.backend.clearFailures();
    kit.store.setMediaState('sms', { availability: 'ready' });
    await kit.clock.advance(200);
    expect(looks(kit.store)['sms']).to.equal('R');
    expect(kit.store.state.notifications.find((x) => x.code === 'state-change-failed')).to.be.undefined;
  });

  it('STATE-7: a state change that succeeds on retry ends Ready and clears its notification', async () => {
    const kit = await setup();
    await signIn(kit);
    kit.backend.failStateChange('email', { times: 1 });
    kit.store.setState('email', { availability: 'ready' });
    await kit.clock.advance(200);
    expect(kit.store.state.notifications).to.have.length(1);
    await kit.clock.advance(1200);
    expect(looks(kit.store)['email']).to.equal('R');
    expect(kit.store.state.notifications).to.have.length(0);
  });

  it('a newer choice cancels the retries of an older one for the same media', async () => {
    const kit = await setup();
    await signIn(kit);
    kit.backend.failStateChange('email', { times: 1 });
    kit.store.setState('email', { availability: 'ready' });
    await kit.clock.advance(200);
    kit.store.setState('email', { availability: 'not-ready', reasonId: 'lunch' });
    await kit.clock.advance(5000);
    expect(looks(kit.store)['email']).to.equal('lunch');
  });
});

describe('store: events', () => {
  it('applies events idempotently: a repeated or old seq changes nothing', async () => {
    const kit = await setup();
    await signIn(kit);
    const seq = kit.store.state.lastSeq;
    const before = kit.store.state;
    const stale = {
      type: 'media-state',
      seq,
      at: kit.clock.now(),
      cause: 'agent',
      state: { media: 'chat', signIn: 'signed-in', availability: 'ready', routable: true, since: kit.clock.now() },
    };
    kit.backend.injectRawEvent(stale);
    kit.backend.injectRawEvent({ ...stale, seq: seq - 2 });
    expect(kit.store.state).to.equal(before);
    expect(kit.errors).to.deep.equal([]);
  });

  it('reports a malformed event, ignores it, keeps its state and applies the next good one', async () => {
    const kit = await setup();
    await signIn(kit);
    const before = kit.store.state.media;
    const bad: unknown[] = [
      null,
      'hello',
      { type: 'media-state', seq: kit.backend.nextSeq, at: 1, cause: 'agent', state: { media: 'fax' } },
      { type: 'unknown-thing', seq: kit.backend.nextSeq, at: 1 },
      { type: 'media-state', seq: 'x' },
    ];
    for (const raw of bad) kit.backend.injectRawEvent(raw);
    expect(kit.store.state.media).to.equal(before);
    expect(kit.errors.map((e) => e.source)).to.deep.equal(Array(bad.length).fill('event'));
    expect(kit.errors[2]!.message).to.contain('"fax" is not a configured media');
    expect(kit.errors[3]!.message).to.contain('unknown type "unknown-thing"');
    kit.store.setState('email', { availability: 'ready' });
    await kit.clock.advance(200);
    expect(looks(kit.store)['email']).to.equal('R');
  });

  it('notices a gap in the sequence and re-reads the snapshot', async () => {
    const kit = await setup();
    await signIn(kit);
    kit.backend.loseEvents(1);
    kit.backend.serverSetState('email', { availability: 'not-ready', reasonId: 'meeting' }, 'supervisor'); // lost
    kit.backend.serverSetState('chat', { availability: 'not-ready', reasonId: 'break' }, 'supervisor'); // gap
    expect(kit.store.state.connection).to.equal('resyncing');
    await kit.clock.advance(200);
    expect(kit.store.state.connection).to.equal('online');
    expect(looks(kit.store)['email']).to.equal('meeting');
    expect(looks(kit.store)['chat']).to.equal('break');
    expect(kit.store.state.lastSeq).to.equal(kit.backend.nextSeq - 1);
  });
});

describe('store: failover', () => {
  it('FAIL-1/2: on a drop the state says offline; on return controls stay off until the snapshot is read', async () => {
    const kit = await setup();
    await signIn(kit);
    kit.store.setState('chat-social', { availability: 'ready' });
    await kit.clock.advance(200);
    kit.backend.dropConnection();
    expect(kit.store.state.connection).to.equal('offline');
    expect(kit.store.state.lostAt).to.be.a('number');
    expect(kit.store.controlsEnabled).to.be.false;
    kit.store.setState('all', { availability: 'ready' }); // refused while offline
    expect(kit.store.state.notifications.at(-1)!.code).to.equal('not-connected');
    // the server changes while we are away: that event is lost
    kit.backend.serverSetState('email', { availability: 'not-ready', reasonId: 'training' }, 'supervisor');
    const back = kit.backend.restoreConnection();
    await kit.clock.advance(100);
    await back;
    expect(kit.store.state.connection).to.equal('resyncing');
    expect(kit.store.controlsEnabled).to.be.false;
    await kit.clock.advance(100);
    expect(kit.store.state.connection).to.equal('online');
    expect(kit.store.state.lostAt).to.be.undefined;
    expect(looks(kit.store)).to.deep.equal({ chat: 'R', sms: 'R', social: 'R', email: 'training' });
    expect(kit.store.state.notifications.at(-1)!.code).to.equal('connection-restored');
  });

  it('FAIL-3: a reload restores the agent state at once, then the snapshot confirms it', async () => {
    const storage = new MemoryStorage();
    const first = await setup({}, storage);
    await signIn(first);
    first.store.setState('email', { availability: 'not-ready', reasonId: 'lunch' });
    first.store.setState('chat-social', { availability: 'ready' });
    await first.clock.advance(200);
    first.store.dispose();
    // the page reloads: a new store, a new backend object over the same (simulated) server storage
    const config = resolveConfig({});
    const clock = new ManualClock();
    const backend = new SimulatedBackend({ clock, latencyMs: 100, storage, storageKey: 'server' });
    const store = new DcStore({ config, backend, clock, storage });
    expect(store.state.connection).to.equal('connecting');
    expect(looks(store)).to.deep.equal({ chat: 'R', sms: 'R', social: 'R', email: 'lunch' });
    await clock.advance(300);
    await store.ready;
    expect(store.state.connection).to.equal('online');
    expect(looks(store)).to.deep.equal({ chat: 'R', sms: 'R', social: 'R', email: 'lunch' });
  });

  it('FAIL-3: unreadable saved state is ignored with a report, and the snapshot restores the truth', async () => {
    const storage = new MemoryStorage();
    const config = resolveConfig({});
    storage.setItem(config.storageKey, JSON.stringify({ version: 2, savedAt: 1, media: { chat: { media: 'chat' } } }));
    const clock = new ManualClock();
    const errors: string[] = [];
    const backend = new SimulatedBackend({ clock });
    const warn = console.warn;
    console.warn = (m: string) => errors.push(m);
    try {
      const store = new DcStore({ config, backend, clock, storage });
      expect(errors.join()).to.contain('Saved state ignored');
      await clock.advance(100);
      expect(store.state.media['chat']!.signIn).to.equal('signed-out');
    } finally {
      console.warn = warn;
    }
  });
});
