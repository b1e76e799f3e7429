/**
 * Workflows (COMP-10): server-side actions an agent triggers from the composer (create a case, send a
 * survey, book a callback), some with input parameters the agent fills first. The kit lists them,
 * validates the parameters and asks the backend to run one; the server adds an audit announcement to the
 * thread. Pure functions over plain data.
 */
import type { FieldType } from './config.js';
import type { MediaKind } from './media.js';
import type { Template, TemplateGroup } from './templates.js';
import type { LocalizedText } from './text.js';

/** The kinds of value a workflow parameter (or an editable customer field, CUST-3) holds. */
export type ParamType = FieldType | 'date';
export const PARAM_TYPES: readonly ParamType[] = ['text', 'email', 'phone', 'number', 'date'];

export interface WorkflowParam {
  /** The name the server knows it by. */
  readonly name: string;
  readonly label: LocalizedText;
  readonly type: ParamType;
  readonly required: boolean;
  /** Longest value accepted, in characters. */
  readonly maxLength?: number;
}

export interface Workflow {
  readonly id: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  /** The kinds of media it applies to; all of them when absent. */
  readonly media?: readonly MediaKind[];
  readonly params: readonly WorkflowParam[];
}

/** What the server offers the composer: templates in groups (COMP-5) and workflows (COMP-10). */
export interface Catalogue {
  readonly templateGroups: readonly TemplateGroup[];
  readonly templates: readonly Template[];
  readonly workflows: readonly Workflow[];
}

export const EMPTY_CATALOGUE: Catalogue = { templateGroups: [], templates: [], workflows: [] };

export function workflowsFor(workflows: readonly Workflow[], media: MediaKind): Workflow[] {
  return workflows.filter((w) => !w.media || w.media.includes(media));
}

/** Why a value is refused. */
export type FieldError = 'required' | 'email' | 'phone' | 'number' | 'date' | 'too-long';

// One @, something before it, a dot in the domain, no spaces: what people mean by "an email address".
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
// A leading +, then digits with the usual separators; 6 to 15 digits in all (E.164 allows 15).
const PHONE = /^\+?[\d\s().-]+$/;
const NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks one value against its type (CUST-3, COMP-10); returns why it is refused, if it is. */
export function validateField(
  value: string,
  type: ParamType,
  options: { required?: boolean; maxLength?: number } = {},
): FieldError | undefined {
  const v = value.trim();
  if (v === '') return options.required ? 'required' : undefined;
  if (options.maxLength !== undefined && [...v].length > options.maxLength) return 'too-long';
  switch (type) {
    case 'email':
      return EMAIL.test(v) ? undefined : 'email';
    case 'phone': {
      const digits = v.replace(/\D/g, '').length;
      return PHONE.test(v) && digits >= 6 && digits <= 15 ? undefined : 'phone';
    }
    case 'number':
      return NUMBER.test(v) ? undefined : 'number';
    case 'date': {
      const m = DATE.exec(v);
      if (!m) return 'date';
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? undefined : 'date';
    }
    case 'text':
      return undefined;
  }
}

/** Every refused parameter of a workflow, by name; empty when it can be triggered. */
export function validateWorkflowParams(
  workflow: Workflow,
  values: Readonly<Record<string, string>>,
): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  for (const p of workflow.params) {
    const error = validateField(values[p.name] ?? '', p.type, p);
    if (error) errors[p.name] = error;
  }
  return errors;
}
