/**
 * CUST-3: the simulated contact centre keeps its customers' records: a save of a held task's customer
 * fields is checked as a server would (each field editable in the configuration, each value of its
 * type), can be made to fail on purpose (failures.ts), and otherwise updates the task, whose event
 * (cause `updated`) carries the new values.
 */
import { DcBackendError } from '../backend/types.js';
import { fieldConfig, validateCustomerField } from '../model/customer.js';
import { MAX_FIELD_LENGTH } from '../model/config.js';
import type { InjectedFailures } from './failures.js';
import type { SimulatedServer } from './server.js';

export class CustomerRecords {
  #server: SimulatedServer;
  #failures: InjectedFailures;

  constructor(server: SimulatedServer, failures: InjectedFailures) {
    this.#server = server;
    this.#failures = failures;
  }

  /** Saves `fields` into the held task's customer, or throws why not (nothing is saved then). */
  save(taskId: string, fields: Readonly<Record<string, string>>): void {
    const task = this.#server.held(taskId);
    if (fields === null || typeof fields !== 'object') throw new DcBackendError('invalid', 'No fields to save');
    const names = Object.keys(fields);
    const refused = names.filter((name) => {
      const value = fields[name];
      const field = fieldConfig(this.#server.config, name);
      return (
        typeof value !== 'string' || value.length > MAX_FIELD_LENGTH || !field?.editable || validateCustomerField(value, field) !== undefined
      );
    });
    if (refused.length) throw new DcBackendError('invalid', `Invalid fields: ${refused.join(', ')}`);
    const failure = this.#failures.takeCustomerSave();
    if (failure) throw new DcBackendError('rejected', failure);
    if (names.every((n) => task.customer[n] === fields[n])) return; // nothing changes: no event
    const customer: Record<string, string> = Object.create(null) as Record<string, string>;
    Object.assign(customer, task.customer);
    for (const name of names) customer[name] = fields[name]!;
    this.#server.taskUpdate({ ...task, customer: { ...customer } }, 'updated');
  }
}
