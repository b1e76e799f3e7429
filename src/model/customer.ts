/**
 * The customer as the agent sees them (CUST-*): which of a task's customer variables show, in which order.
 * Pure functions over plain data; later capabilities add editable fields and their checks here.
 */
import type { DcConfig } from './config.js';
import type { Task } from './tasks.js';

/**
 * The customer variables a task's details show (CUST-1), as `[name, value]`: every variable with a
 * value, the configured fields first in configuration order, then the others in the order they came;
 * the media's display field (already shown as the customer's name) left out.
 */
export function visibleCustomerFields(config: DcConfig, task: Task): [string, string][] {
  const media = config.media.find((m) => m.id === task.media);
  const names = Object.keys(task.customer);
  const order = Object.keys(config.customerFields);
  const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length + names.indexOf(n));
  return names
    .filter((n) => task.customer[n] && n !== media?.displayField)
    .sort((a, b) => rank(a) - rank(b))
    .map((n) => [n, task.customer[n]!]);
}
