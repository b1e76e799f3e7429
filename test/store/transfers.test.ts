/**
 * Transfer as an explicit state in the store (XFER-1, XFER-3, XFER-4): pending → done (the task event
 * `transferred` takes it with the task) or failed with Retry under the same client id; a pending one
 * survives a reload and is sent again with its client id; while pending, End and Send are refused.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ManualClock } from '../../src/backend/clock.js';
import { DcBackendError, type TransferRequest } from '../../src/backend/types.js';
import { resolveConfig, type DcConfig } from '../../src/model/config.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { DcStore, type DcStoreError } from '../../src/store/store.js';
import { checkTransferEntry } from '../../src/store/transfers.js';
import { ScriptBackend, ScriptServer, settle, task } from './script-backend.js';

const TARGETS = [
  { id: 'billing', label: { en: 'Billing', fr: 'Facturation' } },
  { id: 'claims', label: 'Claims' },
];
const config = resolveConfig({ media: { chat: { transferTargets: TARGETS }, sms: { transferTargets: [TARGETS[0]!] } } });
const MEDIA = config.media.map((m) => m.id);
const T = Date.UTC(2026, 10, 24, 9, 0, 0);

let ids = 0;
function open(storage: Storage | null = null, server?: ScriptServer, cfg: DcConfig = config) {
  const clock = new ManualClock(T + 60_000);
  const theServer = server ?? new ScriptServer(MEDIA, () => clock.now());
  if (!server) {
    theServer.seq = 2;
    theServer.tasks.set('a', task('a', 'chat', 'active', T, 'Ana'));
    theServer.tasks.set('b', task('b', 'chat', 'active', T + 1, 'Bo'));
  }
  const backend = new ScriptBackend(theServer);
  const warn = console.warn;
  console.warn = () => {}; // the reports are read from the store below, not the console
  let store: DcStore;
  try {
    store = new DcStore({ config: cfg, backend, clock, storage, newId: () => `id-${++ids}` });
  } finally {
    console.warn = warn;
  }
  const errors: DcStoreError[] = [];
  store.onError((e) => errors.push(e));
  return { clock, server: theServer, backend, store, errors };
}

async function online(kit: ReturnType<typeof open>): Promise<void> {
  await kit.clock.advance(10);
  await kit.store.ready;
  await settle();
}

/** The server takes the transfer: the task ends as transferred. */
function serverTakes(kit: ReturnType<typeof open>) {
  kit.backend.onTransfer = async (request: TransferRequest) => {
    const t = kit.server.tasks.get(request.taskId)!;
    kit.backend.emit({ type: 'task', task: { ...t, status: 'transferred', endedAt: kit.clock.now() }, cause: 'transferred' });
  };
}

describe('store: transfer as an explicit state (XFER-1, XFER-3, XFER-4)', () => {
  it('XFER-2: during a voice call a media whose timers pause keeps its task; the others transfer', async () => {
    const cfg = resolveConfig({ media: { chat: { transferTargets: TARGETS, pauseOnVoice: true }, sms: { transferTargets: [TARGETS[0]!] } } });
    const server = new ScriptServer(MEDIA, () => Date.now());
    server.seq = 2;
    server.tasks.set('a', task('a', 'chat', 'active', T, 'Ana'));
    server.tasks.set('s', task('s', 'sms', 'active', T + 1, 'Sol'));
    const kit = open(null, server, cfg);
    await online(kit);
    kit.store.setVoice(true);
    expect(kit.store.state.voice).to.equal(true);
    expect(kit.store.transfer('a', { target: 'billing' }), 'chat pauses on voice').to.equal(undefined);
    expect(kit.store.state.transfers['a']).to.equal(undefined);
    const sms = kit.store.transfer('s', { target: TARGETS[0]!.id });
    expect(sms, 'SMS keeps running').to.be.a('string');
    kit.store.setVoice(false);
    expect(kit.store.transfer('a', { target: 'billing' }), 'after the call').to.be.a('string');
  });

  it('XFER-4: pending while the server has not answered; End and Send are refused meanwhile; done, the task leaves the list', async () => {
    const kit = open();
    await online(kit);
    let answer!: () => void;
    kit.backend.onTransfer = (request) =>
      new Promise<void>((resolve) => {
        answer = () => {
          const t = kit.server.tasks.get(request.taskId)!;
          kit.backend.emit({ type: 'task', task: { ...t, status: 'transferred', endedAt: kit.clock.now() }, cause: 'transferred' });
          resolve();
        };
      });
    const clientId = kit.store.transfer('a', { target: 'billing', note: '  Wants a refund  ' });
    await settle();
    expect(clientId).to.equal(`id-${ids}`);
    expect(kit.store.state.transfers['a']).to.deep.include({ status: 'pending', target: 'billing', note: 'Wants a refund', clientId });
    expect(kit.backend.calls).to.include(`transfer a billing ${clientId}`);

    // End and Send are refused while it is pending; on the other task they still go (the path runs).
    kit.store.end('a');
    expect(kit.store.send('a', { text: 'hello' })).to.equal(undefined);
    expect(kit.backend.calls.filter((c) => c === 'end a')).to.have.length(0);
    expect(Object.keys(kit.store.state.outbox)).to.have.length(0);
    kit.store.end('b');
    expect(kit.backend.calls).to.include('end b');
    expect(kit.store.send('b', { text: 'hello' })).to.be.a('string');
    // A second transfer of the same task is refused while the first is pending.
    expect(kit.store.transfer('a', { target: 'claims' })).to.equal(undefined);

    answer();
    await settle();
    expect(kit.store.state.tasks['a'], 'XFER-4: the task leaves the list').to.equal(undefined);
    expect(kit.store.state.transfers['a']).to.equal(undefined);
    expect(kit.store.state.selectedTaskId).to.not.equal('a');
  });

  it('XFER-4: a refusal keeps the task with the reason; Retry sends it again under the same client id', async () => {
    const kit = open();
    await online(kit);
    kit.backend.onTransfer = async () => {
      throw new DcBackendError('rejected', 'Billing is closed');
    };
    const clientId = kit.store.transfer('a', { target: 'billing' })!;
    await settle();
    expect(kit.store.state.transfers['a']).to.deep.include({ status: 'failed', reason: 'Billing is closed', clientId });
    expect(kit.store.state.tasks['a']!.status, 'the agent keeps the task').to.equal('active');
    // Failed is not pending: End and Send work again.
    expect(kit.store.send('a', { text: 'one moment' })).to.be.a('string');

    serverTakes(kit);
    kit.store.retryTransfer('a');
    await settle();
    expect(kit.backend.calls.filter((c) => c.startsWith('transfer a'))).to.deep.equal([
      `transfer a billing ${clientId}`,
      `transfer a billing ${clientId}`,
    ]);
    expect(kit.store.state.tasks['a']).to.equal(undefined);
  });

  it('XFER-4: a pending transfer survives a reload and is sent again with the same client id', async () => {
    const storage = new MemoryStorage();
    const first = open(storage);
    await online(first);
    const clientId = first.store.transfer('a', { target: 'claims', note: 'VIP' })!; // never answered
    await settle();
    first.store.flush();
    first.store.dispose();

    const second = open(storage, first.server);
    expect(second.store.state.transfers['a'], 'restored before the connection').to.deep.include({ status: 'pending', clientId, note: 'VIP' });
    second.store.end('a');
    expect(second.backend.calls, 'End is refused after the reload too').to.not.include('end a');
    serverTakes(second);
    await online(second);
    expect(second.backend.calls).to.include(`transfer a claims ${clientId}`);
    expect(second.store.state.tasks['a']).to.equal(undefined);
    expect(second.errors).to.deep.equal([]);
  });

  it('XFER-4: offline, the transfer waits pending and goes once the kit is back online', async () => {
    const kit = open();
    await online(kit);
    kit.backend.drop();
    await settle();
    kit.backend.onTransfer = async () => {
      throw new DcBackendError('offline', 'No connection');
    };
    kit.store.transfer('a', { target: 'billing' });
    await settle();
    expect(kit.store.state.transfers['a']!.status).to.equal('pending');
    expect(kit.backend.calls.filter((c) => c.startsWith('transfer'))).to.have.length(0);
    serverTakes(kit);
    kit.backend.restore();
    await kit.clock.advance(10);
    await settle();
    expect(kit.backend.calls.filter((c) => c.startsWith('transfer'))).to.have.length(1);
    expect(kit.store.state.tasks['a']).to.equal(undefined);
  });

  it('XFER-1: refuses a routing point the media does not have, and a task that is not active', async () => {
    const kit = open();
    kit.server.tasks.set('o', task('o', 'chat', 'offered', T));
    await online(kit);
    expect(kit.store.transfer('a', { target: 'sms-escalation' })).to.equal(undefined);
    expect(kit.store.transfer('o', { target: 'billing' })).to.equal(undefined);
    expect(kit.store.transfer('__proto__', { target: 'billing' })).to.equal(undefined);
    expect(kit.store.transfer('a', { target: 'billing' }), 'the path runs').to.be.a('string');
  });

  it('XFER-3: with a forced wrap-up, a transfer needs a reason, and sends it', async () => {
    const forced = { ...config, media: config.media.map((m) => ({ ...m, wrapUp: { ...m.wrapUp, forced: true, reasons: [{ id: 'solved', label: 'Solved' }] } })) };
    const kit = open(null, undefined, forced);
    await online(kit);
    let sent: TransferRequest | undefined;
    kit.backend.onTransfer = async (r) => {
      sent = r;
    };
    expect(kit.store.transfer('a', { target: 'billing' })).to.equal(undefined);
    expect(kit.store.transfer('a', { target: 'billing', wrapUp: { reasons: ['nope'] } })).to.equal(undefined);
    expect(kit.store.transfer('a', { target: 'billing', wrapUp: { reasons: ['solved'] } })).to.be.a('string');
    await settle();
    expect(sent?.wrapUp).to.deep.equal({ reasons: ['solved'] });
  });

  it('XFER-4: saved transfers from storage are checked; anything malformed is dropped and reported, never thrown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (a, other) => {
        const storage = new MemoryStorage();
        storage.setItem(`${config.storageKey}:transfers`, JSON.stringify({ a, b: other }) ?? 'null');
        const kit = open(storage);
        await online(kit);
        for (const [id, value] of [['a', a], ['b', other]] as const) {
          const held = kit.store.state.transfers[id];
          if (held) expect(held).to.deep.equal(checkTransferEntry(JSON.parse(JSON.stringify(value ?? null))));
        }
        kit.store.dispose();
      }),
      { seed: 10_004, numRuns: 200 },
    );
    // The path ran: a well-formed one is kept.
    const storage = new MemoryStorage();
    storage.setItem(`${config.storageKey}:transfers`, JSON.stringify({ a: { clientId: 'c', target: 'billing', note: '', status: 'failed', reason: 'x', at: 1 }, zz: 3 }));
    const kit = open(storage);
    await online(kit); // its task comes with the first snapshot
    expect(kit.store.state.transfers['a']).to.deep.include({ status: 'failed', reason: 'x' });
    expect(kit.errors.map((e) => e.message).join()).to.match(/transfers\.zz/);
  });
});
