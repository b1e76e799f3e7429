/**
 * The customer details' effects (CUST-3, CUST-4, FAIL-3): the agent's unsaved edits of a task's
 * customer fields, kept per task and field (persistence.ts writes them, one entry per task, so they
 * survive a task switch, a reload and a failover), and Save through the backend with its outcome.
 *
 * Edits are checked where they enter: a field the configuration does not make editable is refused
 * (and reported), a value longer than any field takes is cut. Save sends only what changes, once the
 * values check out; when the server has taken them, the edits it took leave (an edit typed meanwhile
 * stays), and the task event that follows brings the values.
 */
import { errorMessage } from '../backend/events.js';
import { DcBackendError } from '../backend/types.js';
import { MAX_FIELD_LENGTH } from '../model/config.js';
import { changedFields, customerEditErrors, isEditable } from '../model/customer.js';
import type { StoreCore } from './core.js';
import { own, record } from './records.js';

export class CustomerDetails {
  readonly #core: StoreCore;
  /** Saves on their way, by task: asking again while one is on its way joins it. */
  #saving = new Map<string, Promise<void>>();

  constructor(core: StoreCore) {
    this.#core = core;
  }

  /**
   * CUST-3: the agent changed a field (`undefined` takes the edit back). An edit back to the saved
   * value is no edit. A new edit clears the last Save's message.
   */
  editCustomer(taskId: string, field: string, value: string | undefined): void {
    const core = this.#core;
    const task = own(core.state.tasks, taskId);
    if (!task) return;
    if (typeof field !== 'string' || !isEditable(core.config, field)) {
      core.report({ source: 'command', message: `Customer field ${describeName(field)} of task ${taskId} is not editable (ignored)` });
      return;
    }
    if (value !== undefined && typeof value !== 'string') {
      core.report({ source: 'command', message: `Customer field ${field} of task ${taskId}: the value is not text (ignored)` });
      return;
    }
    let text = value;
    if (text !== undefined && text.length > MAX_FIELD_LENGTH) {
      core.report({ source: 'command', message: `Customer field ${field} of task ${taskId}: cut to ${MAX_FIELD_LENGTH} characters` });
      text = text.slice(0, MAX_FIELD_LENGTH);
    }
    const edits = record<string>();
    Object.assign(edits, own(core.state.customerEdits, taskId));
    const saved = (Object.hasOwn(task.customer, field) ? task.customer[field] : undefined) ?? '';
    if (text === undefined || text === saved) delete edits[field];
    else edits[field] = text;
    core.batch(() => {
      core.dispatch({ type: 'customer-edits', taskId, edits });
      if (own(core.state.customerSaves, taskId)?.status !== 'saving') core.dispatch({ type: 'customer-save', taskId, save: undefined });
    });
  }

  /** CUST-3 (Cancel): the task's edits leave, every field shows its saved value again. */
  discardCustomerEdits(taskId: string): void {
    const core = this.#core;
    core.batch(() => {
      core.dispatch({ type: 'customer-edits', taskId, edits: undefined });
      if (own(core.state.customerSaves, taskId)?.status !== 'saving') core.dispatch({ type: 'customer-save', taskId, save: undefined });
    });
  }

  /**
   * CUST-3: saves the task's edits that change something. Resolves once the server has them (at once
   * when there is nothing to save); rejects with a `DcBackendError` (`invalid` naming the refused
   * fields, `offline`, or the server's reason), which `customerSaves[taskId]` also holds.
   */
  saveCustomer(taskId: string): Promise<void> {
    const running = this.#saving.get(taskId);
    if (running) return running;
    const promise = this.#save(taskId).finally(() => this.#saving.delete(taskId));
    this.#saving.set(taskId, promise);
    return promise;
  }

  async #save(taskId: string): Promise<void> {
    const core = this.#core;
    const task = own(core.state.tasks, taskId);
    if (!task) throw new DcBackendError('unknown-task', `Unknown task ${taskId}`);
    const edits = own(core.state.customerEdits, taskId);
    const fields = changedFields(task, edits);
    if (Object.keys(fields).length === 0) return;
    const fail = (error: DcBackendError): never => {
      core.dispatch({ type: 'customer-save', taskId, save: { status: 'failed', reason: error.message, code: error.code, at: core.now() } });
      throw error;
    };
    const refused = Object.keys(customerEditErrors(core.config, task, edits));
    if (refused.length) fail(new DcBackendError('invalid', `Invalid fields: ${refused.join(', ')}`));
    if (core.state.connection !== 'online') fail(new DcBackendError('offline', 'Not connected'));
    core.dispatch({ type: 'customer-save', taskId, save: { status: 'saving', at: core.now() } });
    try {
      await core.backend.saveCustomer(taskId, { ...fields });
    } catch (error) {
      if (core.disposed) throw error;
      fail(error instanceof DcBackendError ? error : new DcBackendError('rejected', errorMessage(error)));
    }
    if (core.disposed) return;
    // The edits the server took leave; one typed while the save was on its way stays.
    const now = own(core.state.customerEdits, taskId);
    const left = record<string>();
    for (const name of Object.keys(now ?? {})) {
      if (!Object.hasOwn(fields, name) || now![name]!.trim() !== fields[name]) left[name] = now![name]!;
    }
    core.batch(() => {
      core.dispatch({ type: 'customer-edits', taskId, edits: left });
      core.dispatch({ type: 'customer-save', taskId, save: { status: 'saved', at: core.now() } });
    });
  }
}

function describeName(name: unknown): string {
  return typeof name === 'string' ? JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name) : typeof name;
}
