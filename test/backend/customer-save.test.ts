/**
 * CUST-3 on the backend side: the simulated contact centre's `saveCustomer` (checked as a server would,
 * failing on purpose), and the `updated` task event that carries the values, checked at the boundary
 * like every event: a hostile one is reported, and the agent's unsaved edits stay.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkEvent } from '../../src/backend/events.js';
import { DcBackendError, type DcEvent, type TaskEvent } from '../../src/backend/types.js';
import { resolveConfig } from '../../src/model/config.js';
import { SimulatedBackend } from '../../src/simulator/index.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { DcStore, type DcStoreError } from '../../src/store/store.js';
import { signInReady, until } from '../support/kit.js';

const config = resolveConfig({ customerFields: { tier: { label: 'Tier', type: 'choice', editable: true, options: [{ value: 'gold', label: 'Gold' }] } } });
const KNOWN = new Set(config.media.map((m) => m.id));

async function holding() {
  const backend = new SimulatedBackend({ config });
  const events: DcEvent[] = [];
  backend.subscribe({ event: (e) => events.push(e as DcEvent), connection: () => {} });
  const store = new DcStore({ config, backend, storage: new MemoryStorage() });
  const errors: DcStoreError[] = [];
  store.onError((e) => errors.push(e));
  await store.ready;
  await signInReady(store);
  const task = backend.offer('chat', { text: null, customer: { name: 'Ana Lima', email: 'ana@example.com' } })!;
  await until(() => store.state.tasks[task.id]?.status === 'offered', 'offered');
  store.accept(task.id);
  await until(() => store.state.tasks[task.id]?.status === 'active', 'accepted');
  return { backend, store, events, errors, taskId: task.id };
}

const rejection = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as DcBackendError);

describe('saveCustomer (simulated contact centre)', function () {
  this.timeout(20000);

  it('CUST-3: a save updates the held task, and its task event (cause updated) carries the values', async () => {
    const kit = await holding();
    const before = kit.events.length;
    await kit.backend.saveCustomer(kit.taskId, { email: 'ana@new.example.com', tier: 'gold' });
    const updates = kit.events.slice(before).filter((e): e is TaskEvent => e.type === 'task');
    expect(updates.map((e) => [e.cause, e.task.customer['email'], e.task.customer['tier'], e.task.customer['name']])).to.deep.equal([
      ['updated', 'ana@new.example.com', 'gold', 'Ana Lima'],
    ]);
    await until(() => kit.store.state.tasks[kit.taskId]!.customer['email'] === 'ana@new.example.com', 'the store has it');
    // The same values again change nothing and send no event.
    await kit.backend.saveCustomer(kit.taskId, { email: 'ana@new.example.com' });
    expect(kit.events.slice(before).filter((e) => e.type === 'task')).to.have.length(1);
  });

  it('CUST-3: the server refuses fields that are not editable or do not check out, tasks it does not hold, and injected failures', async () => {
    const kit = await holding();
    expect((await rejection(kit.backend.saveCustomer(kit.taskId, { accountNumber: 'AC-1' })))!.code).to.equal('invalid');
    expect((await rejection(kit.backend.saveCustomer(kit.taskId, { tier: 'platinum' })))!.message).to.equal('Invalid fields: tier');
    expect((await rejection(kit.backend.saveCustomer(kit.taskId, { email: 42 } as never)))!.message).to.equal('Invalid fields: email');
    expect((await rejection(kit.backend.saveCustomer('__proto__', { email: 'a@b.co' })))!.code).to.equal('unknown-task');
    kit.backend.failCustomerSave({ count: 2, reason: 'CRM busy' });
    expect((await rejection(kit.backend.saveCustomer(kit.taskId, { email: 'a@b.co' })))!.message).to.equal('CRM busy');
    expect((await rejection(kit.backend.saveCustomer(kit.taskId, { email: 'a@b.co' })))!.message).to.equal('CRM busy');
    await kit.backend.saveCustomer(kit.taskId, { email: 'a@b.co' });
    kit.backend.failCustomerSave();
    kit.backend.clearFailures();
    await kit.backend.saveCustomer(kit.taskId, { email: 'c@d.co' });
    expect(kit.backend.serverTasks.find((t) => t.id === kit.taskId)!.customer['email']).to.equal('c@d.co');
  });

  it('CUST-3: a hostile updated event is reported and dropped; the task and the agent’s unsaved edits stay', async () => {
    const kit = await holding();
    kit.store.editCustomer(kit.taskId, 'email', 'ana@unsaved.example.com');
    const task = kit.store.state.tasks[kit.taskId]!;
    kit.backend.injectRawEvent({ type: 'task', seq: kit.backend.nextSeq, at: Date.now(), cause: 'updated', task: { ...task, customer: { email: { toString: 'x' } } } });
    await until(() => kit.errors.some((e) => e.source === 'event'), 'reported');
    expect(kit.store.state.tasks[kit.taskId]!.customer['email']).to.equal('ana@example.com');
    expect({ ...kit.store.state.customerEdits[kit.taskId] }).to.deep.equal({ email: 'ana@unsaved.example.com' });
    // A good update from elsewhere (the CRM) comes through; the edit stays the agent's.
    await kit.backend.saveCustomer(kit.taskId, { email: 'ana@crm.example.com' });
    await until(() => kit.store.state.tasks[kit.taskId]!.customer['email'] === 'ana@crm.example.com', 'updated');
    expect({ ...kit.store.state.customerEdits[kit.taskId] }).to.deep.equal({ email: 'ana@unsaved.example.com' });
  });

  it('CUST-3 (property): whatever customer an updated task event carries, the check returns text values in a null-prototype record, or refuses it', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 6 }), (customer) => {
        const raw = {
          type: 'task',
          seq: 1,
          at: 1,
          cause: 'updated',
          task: { id: 't', media: 'chat', status: 'active', queue: 'Q', customer, offeredAt: 1, expiresAt: 2, acceptedAt: 1 },
        };
        const checked = checkEvent(raw, KNOWN);
        if (!checked.ok) return;
        const got = (checked.value as TaskEvent).task.customer;
        expect(Object.getPrototypeOf(got)).to.equal(null);
        expect(Object.values(got).every((v) => typeof v === 'string')).to.equal(true);
      }),
      { seed: 4242, numRuns: 200 },
    );
  });
});
