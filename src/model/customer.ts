/**
 * The customer as the agent sees them (CUST-*): which of a task's customer variables show, in which
 * order, which the agent may edit, and how an edit is checked as the agent types (CUST-3). Pure
 * functions over plain data.
 */
import { MAX_FIELD_LENGTH, type CustomerFieldConfig, type DcConfig } from './config.js';
import type { Task } from './tasks.js';
import { validateField, type FieldError } from './field-rules.js';

/** CUST-1: the customer details show at most this many fields; more scroll. */
export const MAX_VISIBLE_FIELDS = 10;

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

/** One field of the customer details (CUST-1, CUST-3). */
export interface DetailField {
  readonly name: string;
  /** The value the server holds ('' when it holds none). */
  readonly value: string;
  /** Its configuration; undefined for a variable the configuration does not name (shown as text). */
  readonly config?: CustomerFieldConfig;
  readonly editable: boolean;
}

/** The configuration of a customer field, read for own entries only (a name may be any string). */
export function fieldConfig(config: DcConfig, name: string): CustomerFieldConfig | undefined {
  return Object.hasOwn(config.customerFields, name) ? config.customerFields[name] : undefined;
}

/** Whether the agent may edit this customer field (CUST-3). */
export function isEditable(config: DcConfig, name: string): boolean {
  return fieldConfig(config, name)?.editable === true;
}

/**
 * The fields of a task's customer details (CUST-1, CUST-3), in order: the configured fields first, in
 * configuration order, then the task's other variables as they came. A field shows when it holds a
 * value, or when the agent may edit it (an empty email the agent can fill in). The display field (the
 * customer's name in the header) shows only when it is editable, so the agent can change it.
 */
export function detailFields(config: DcConfig, task: Task): DetailField[] {
  const media = config.media.find((m) => m.id === task.media);
  const customer = task.customer;
  const names = [...Object.keys(config.customerFields)];
  for (const n of Object.keys(customer)) if (!Object.hasOwn(config.customerFields, n)) names.push(n);
  const fields: DetailField[] = [];
  for (const name of names) {
    const value = (Object.hasOwn(customer, name) ? customer[name] : undefined) ?? '';
    const field = fieldConfig(config, name);
    const editable = field?.editable === true;
    if (!value && !editable) continue;
    if (name === media?.displayField && !editable) continue;
    fields.push({ name, value, editable, ...(field ? { config: field } : {}) });
  }
  return fields;
}

/** Why a customer value is refused: a type's rule, required, too long, or not one of a choice's options. */
export type CustomerFieldError = FieldError | 'choice';

/**
 * CUST-3: checks one value as the agent types it, against its field's type, `required` and
 * `maxLength` (never longer than `MAX_FIELD_LENGTH`); returns why it is refused, if it is.
 */
export function validateCustomerField(value: string, field: CustomerFieldConfig): CustomerFieldError | undefined {
  const maxLength = Math.min(field.maxLength ?? MAX_FIELD_LENGTH, MAX_FIELD_LENGTH);
  const options = { required: field.required === true, maxLength };
  if (field.type !== 'choice') return validateField(value, field.type, options);
  const v = value.trim();
  if (v === '') return options.required ? 'required' : undefined;
  if ([...v].length > maxLength) return 'too-long';
  return field.options?.some((o) => o.value === v) ? undefined : 'choice';
}

/**
 * The edits that change something (CUST-3, CUST-4): each edited field whose value, trimmed, is not
 * what the server holds, with that trimmed value (what Save sends). An edit back to the saved value is
 * no edit.
 */
export function changedFields(task: Task, edits: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const changed: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!edits) return changed;
  for (const name of Object.keys(edits)) {
    const value = edits[name]!.trim();
    const saved = (Object.hasOwn(task.customer, name) ? task.customer[name] : undefined) ?? '';
    if (value !== saved) changed[name] = value;
  }
  return changed;
}

/** Whether a task has edits that change something: what the "Unsaved changes" dialog asks about (CUST-4). */
export function hasUnsavedEdits(task: Task, edits: Readonly<Record<string, string>> | undefined): boolean {
  return Object.keys(changedFields(task, edits)).length > 0;
}

/**
 * What refuses Save (CUST-3): each edited field that is not editable, or whose value does not check
 * out, with why.
 */
export function customerEditErrors(
  config: DcConfig,
  task: Task,
  edits: Readonly<Record<string, string>> | undefined,
): Record<string, CustomerFieldError | 'not-editable'> {
  const errors: Record<string, CustomerFieldError | 'not-editable'> = Object.create(null) as Record<string, CustomerFieldError>;
  const changed = changedFields(task, edits);
  for (const name of Object.keys(changed)) {
    const field = fieldConfig(config, name);
    if (!field?.editable) {
      errors[name] = 'not-editable';
      continue;
    }
    const error = validateCustomerField(changed[name]!, field);
    if (error) errors[name] = error;
  }
  return errors;
}
