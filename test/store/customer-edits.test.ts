/**
 * The store's customer edits (CUST-3, CUST-4, FAIL-3) on the simulated contact centre: per task and
 * field, saved through the backend (checked there as a server would), cancelled, and kept across a
 * task switch, a reload and a failover; saved edits in storage are hostile data.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DcBackendError } from '../../src/backend/types.js';
import { resolveConfig, type DcConfigInput } from '../../src/model/config.js';
import { SimulatedBackend } from '../../src/simulator/index.js';
import { customerKey, MemoryStorage } from '../../src/store/persist.js';
import { DcStore, type DcStoreError } from '../../src/store/store.js';
import { signInReady, until } from '../support/kit.js';

const INPUT: DcConfigInput = {
  retryDelayMs: 20,
  customerFields: { tier: { label: 'Tier', type: 'choice', editable: true, options: [{ value: 'gold', label: 'Gold' }, { value: 'silver', label: 'Silver' }] } },
};
const config = resolveConfig(INPUT);
const KEY = config.storageKey;

function open(storage = new MemoryStorage(), serverStorage = new MemoryStorage()) {
  const backend = new SimulatedBackend({ config, storage: serverStorage, storageKey: 'server' });
  const store = new DcStore({ config, backend, storage });
  const errors: DcStoreError[] = [];
  store.onError((e) => errors.push(e));
  return { store, backend, storage, serverStorage, errors };
}
type Kit = ReturnType<typeof open>;

async function hold(kit: Kit, customer: Record<string, string> = { name: 'Ana Lima', email: 'ana@example.com' }): Promise<string> {
  const task = kit.backend.offer('chat', { text: null, customer })!;
  await until(() => kit.store.state.tasks[task.id]?.status === 'offered', 'offered');
  kit.store.accept(task.id);
  await until(() => kit.store.state.tasks[task.id]?.status === 'active', 'accepted');
  return task.id;
}

async function holding() {
  const kit = open();
  await kit.store.ready;
  await signInReady(kit.store);
  return { ...kit, taskId: await hold(kit) };
}

const server = (kit: Kit, id: string) => kit.backend.serverTasks.find((t) => t.id === id)!;

describe('customer edits (store)', function () {
  this.timeout(20000);

  it('CUST-3: edits are kept per task and field; an edit back to the saved value leaves; a field that is not editable is refused and reported', async () => {
    const kit = await holding();
    const other = await hold(kit, { name: 'Bo Chen' });
    kit.store.editCustomer(kit.taskId, 'email', 'ana@new.example.com');
    kit.store.editCustomer(kit.taskId, 'tier', 'silver');
    kit.store.editCustomer(other, 'name', 'Bo Chén');
    expect({ ...kit.store.state.customerEdits }).to.deep.equal({
      [kit.taskId]: { email: 'ana@new.example.com', tier: 'silver' },
      [other]: { name: 'Bo Chén' },
    });
    kit.store.editCustomer(kit.taskId, 'email', 'ana@example.com'); // back to the saved value
    kit.store.editCustomer(other, 'name', undefined);
    expect({ ...kit.store.state.customerEdits }).to.deep.equal({ [kit.taskId]: { tier: 'silver' } });
    kit.store.editCustomer(kit.taskId, 'accountNumber', 'AC-9');
    kit.store.editCustomer(kit.taskId, '__proto__', 'x');
    kit.store.editCustomer('no-such-task', 'email', 'x@example.com');
    expect({ ...kit.store.state.customerEdits }).to.deep.equal({ [kit.taskId]: { tier: 'silver' } });
    expect(kit.errors.map((e) => e.message)).to.deep.equal([
      `Customer field "accountNumber" of task ${kit.taskId} is not editable (ignored)`,
      `Customer field "__proto__" of task ${kit.taskId} is not editable (ignored)`,
    ]);
  });

  it('CUST-3: Save sends only what changed, trimmed; the task event brings the values; the edits leave, one typed meanwhile stays', async () => {
    const kit = await holding();
    let sent: Record<string, string> | undefined;
    const save = kit.backend.saveCustomer.bind(kit.backend);
    kit.backend.saveCustomer = async (taskId, fields) => {
      sent = { ...fields };
      kit.store.editCustomer(taskId, 'phone', '+33 6 11 22 33 44'); // typed while the save is on its way
      return save(taskId, fields);
    };
    kit.store.editCustomer(kit.taskId, 'email', ' ana@new.example.com ');
    kit.store.editCustomer(kit.taskId, 'name', 'Ana Lima');
    await kit.store.saveCustomer(kit.taskId);
    expect(sent).to.deep.equal({ email: 'ana@new.example.com' });
    expect(server(kit, kit.taskId).customer['email']).to.equal('ana@new.example.com');
    expect(kit.store.state.tasks[kit.taskId]!.customer['email']).to.equal('ana@new.example.com');
    expect({ ...kit.store.state.customerEdits[kit.taskId] }).to.deep.equal({ phone: '+33 6 11 22 33 44' });
    expect(kit.store.state.customerSaves[kit.taskId]!.status).to.equal('saved');
  });

  it('CUST-3: an invalid value is refused before the backend; offline fails with the reason; the server refuses what is not editable', async () => {
    const kit = await holding();
    let calls = 0;
    const save = kit.backend.saveCustomer.bind(kit.backend);
    kit.backend.saveCustomer = (taskId, fields) => {
      calls += 1;
      return save(taskId, fields);
    };
    kit.store.editCustomer(kit.taskId, 'email', 'not-an-email');
    const refused = await kit.store.saveCustomer(kit.taskId).then(() => undefined, (e: unknown) => e);
    expect(refused).to.be.instanceOf(DcBackendError);
    expect((refused as DcBackendError).code).to.equal('invalid');
    expect(calls).to.equal(0);
    expect(kit.store.state.customerSaves[kit.taskId]).to.deep.include({ status: 'failed', code: 'invalid' });

    kit.store.editCustomer(kit.taskId, 'email', 'ana@ok.example.com');
    expect(kit.store.state.customerSaves[kit.taskId], 'a new edit clears the message').to.equal(undefined);
    kit.backend.dropConnection();
    await until(() => kit.store.state.connection === 'offline', 'offline');
    const offline = await kit.store.saveCustomer(kit.taskId).then(() => undefined, (e: unknown) => e);
    expect((offline as DcBackendError).code).to.equal('offline');
    expect(calls).to.equal(0);
    expect({ ...kit.store.state.customerEdits[kit.taskId] }).to.deep.equal({ email: 'ana@ok.example.com' });
    await kit.backend.restoreConnection();
    await until(() => kit.store.state.connection === 'online', 'online');
    await kit.store.saveCustomer(kit.taskId);
    expect(calls).to.equal(1);

    // The simulated server checks as a server would: a field the configuration does not make editable.
    const direct = await kit.backend.saveCustomer(kit.taskId, { accountNumber: 'AC-1', email: 'x' }).then(() => undefined, (e: unknown) => e);
    expect((direct as DcBackendError).message).to.equal('Invalid fields: accountNumber, email');
    kit.backend.failCustomerSave({ count: 1, reason: 'CRM down' });
    kit.store.editCustomer(kit.taskId, 'tier', 'gold');
    const failed = await kit.store.saveCustomer(kit.taskId).then(() => undefined, (e: unknown) => e);
    expect((failed as DcBackendError).message).to.equal('CRM down');
    expect(kit.store.state.customerSaves[kit.taskId]).to.deep.include({ status: 'failed', reason: 'CRM down', code: 'rejected' });
    expect({ ...kit.store.state.customerEdits[kit.taskId] }).to.deep.equal({ tier: 'gold' });
  });

  it('CUST-3: Cancel drops the task’s edits; a task that ends takes its edits with it', async () => {
    const kit = await holding();
    kit.store.editCustomer(kit.taskId, 'email', 'x@example.com');
    kit.store.discardCustomerEdits(kit.taskId);
    expect(kit.store.state.customerEdits[kit.taskId]).to.equal(undefined);
    kit.store.editCustomer(kit.taskId, 'email', 'x@example.com');
    kit.store.end(kit.taskId);
    await until(() => kit.store.state.tasks[kit.taskId] === undefined, 'ended');
    expect(Object.keys(kit.store.state.customerEdits)).to.deep.equal([]);
    kit.store.flush();
    expect(kit.storage.getItem(customerKey(KEY, kit.taskId)), 'and storage forgets them').to.equal(null);
  });

  it('FAIL-3: unsaved edits survive a reload (one entry per task) and a failover; the snapshot drops those of tasks that are over', async () => {
    const kit = await holding();
    kit.store.editCustomer(kit.taskId, 'email', 'ana@reload.example.com');
    kit.store.flush();
    expect(JSON.parse(kit.storage.getItem(customerKey(KEY, kit.taskId))!)).to.deep.equal({ email: 'ana@reload.example.com' });
    kit.store.dispose();

    const again = open(kit.storage, kit.serverStorage);
    expect({ ...again.store.state.customerEdits[kit.taskId] }, 'shown at once, before the snapshot').to.deep.equal({ email: 'ana@reload.example.com' });
    await again.store.ready;
    await until(() => again.store.state.connection === 'online', 'online');
    expect({ ...again.store.state.customerEdits[kit.taskId] }).to.deep.equal({ email: 'ana@reload.example.com' });

    again.backend.dropConnection();
    await until(() => again.store.state.connection === 'offline', 'offline');
    again.store.editCustomer(kit.taskId, 'phone', '+33 6 00 11 22 33');
    await again.backend.restoreConnection();
    await until(() => again.store.state.connection === 'online', 'back online');
    expect({ ...again.store.state.customerEdits[kit.taskId] }).to.deep.equal({ email: 'ana@reload.example.com', phone: '+33 6 00 11 22 33' });
    again.store.dispose();

    // Edits saved for a task the server no longer holds leave with the snapshot.
    kit.storage.setItem(customerKey(KEY, 'gone'), JSON.stringify({ email: 'x@example.com' }));
    const third = open(kit.storage, kit.serverStorage);
    expect(third.store.state.customerEdits['gone']).to.deep.equal({ email: 'x@example.com' });
    await third.store.ready;
    await until(() => third.store.state.customerEdits['gone'] === undefined, 'dropped by the snapshot');
    expect(third.store.state.customerEdits[kit.taskId]).to.not.equal(undefined);
    third.store.dispose();
  });

  it('FAIL-3 (property): whatever a saved edits entry holds, the store starts, reports what it left out, and keeps the text values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 2 }), fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 30 }), { maxKeys: 5 }), async (junk, good) => {
        const storage = new MemoryStorage();
        storage.setItem(customerKey(KEY, 'a'), JSON.stringify(junk));
        storage.setItem(customerKey(KEY, 'b'), JSON.stringify(good));
        storage.setItem(`${customerKey(KEY, 'c')}`, '{not json');
        const kit = open(storage);
        const edits = kit.store.state.customerEdits;
        const b = edits['b'];
        if (Object.keys(good).length) expect({ ...b }).to.deep.equal({ ...good });
        else expect(b).to.equal(undefined);
        const a = edits['a'];
        if (a !== undefined) {
          expect(Object.getPrototypeOf(a)).to.equal(null);
          expect(Object.values(a).every((v) => typeof v === 'string')).to.equal(true);
        }
        expect(kit.errors.some((e) => e.source === 'storage')).to.equal(true);
        kit.store.dispose();
      }),
      { seed: 310, numRuns: 60 },
    );
  });

  it('CUST-3 (property): after any sequence of edits, the store holds the last change of each field that differs from the saved value, and a reload holds the same', async () => {
    const kit = await holding();
    const saved = kit.store.state.tasks[kit.taskId]!.customer;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('name', 'email', 'phone', 'address'), fc.option(fc.constantFrom('', 'Ana Lima', 'ana@example.com', 'x', ' y '), { nil: undefined })), { maxLength: 12 }),
        async (steps) => {
          kit.store.discardCustomerEdits(kit.taskId);
          const expected: Record<string, string> = {};
          for (const [field, value] of steps) {
            kit.store.editCustomer(kit.taskId, field, value);
            if (value === undefined || value === (saved[field] ?? '')) delete expected[field];
            else expected[field] = value;
          }
          expect({ ...(kit.store.state.customerEdits[kit.taskId] ?? {}) }).to.deep.equal(expected);
          kit.store.flush();
          const reloaded = new DcStore({ config, backend: new SimulatedBackend({ config }), storage: kit.storage });
          expect({ ...(reloaded.state.customerEdits[kit.taskId] ?? {}) }).to.deep.equal(expected);
          reloaded.dispose();
        },
      ),
      { seed: 77, numRuns: 60 },
    );
  });
});
