/**
 * Workflows (COMP-10): server-side actions an agent triggers from the composer (create a case, send a
 * survey, book a callback), some with input parameters the agent fills first. The kit lists them,
 * validates the parameters and asks the backend to run one; the server adds an audit announcement to the
 * thread. Pure functions over plain data.
 */
import { validateField, type FieldError, type ValueType } from './field-rules.js';
import { MEDIA_KINDS, type MediaKind } from './media.js';
import type { Template, TemplateGroup } from './templates.js';
import { isLocalizedText, type LocalizedText } from './text.js';

/** The kinds of value a workflow parameter (or an editable customer field, CUST-3) holds. */
export type ParamType = ValueType;
export const PARAM_TYPES: readonly ParamType[] = ['text', 'email', 'phone', 'number', 'date'];

export interface WorkflowParam {
  /** The name the server knows it by. */
  readonly name: string;
  readonly label: LocalizedText;
  readonly type: ParamType;
  readonly required: boolean;
  /** Longest value accepted, in characters. */
  readonly maxLength?: number;
  /**
   * The customer field (a variable of the task's customer, CUST-1) the parameter starts from when the
   * workflow is chosen (HOSTILE-29): a callback's phone from `phone`. The agent may change it.
   */
  readonly fromCustomer?: string;
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

// The value rules are shared with the customer details (CUST-3), in a module of their own so that the
// store's customer edits do not load this module (the catalogue's rules) up front.
export { validateField, type FieldError } from './field-rules.js';

/**
 * The values a workflow's parameters start from (HOSTILE-29): each parameter that names a customer
 * field gets that field's value, when the task's customer carries it (an own field holding text).
 */
export function prefillParams(workflow: Workflow, customer: Readonly<Record<string, string>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const p of workflow.params) {
    const from = p.fromCustomer;
    const value = from !== undefined && Object.hasOwn(customer, from) ? customer[from] : undefined;
    if (typeof value === 'string' && value !== '') values[p.name] = value;
  }
  return values;
}

const ISO_DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\dT:-])/g;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The dates a server writes in a workflow's announcement (`Callback on 2027-03-15 to …`), as the
 * locale writes them: "March 15, 2027", « 15 mars 2027 » (HOSTILE-29). Only whole, valid calendar
 * dates change; a time stamp (`2027-03-15T10:00`) or a longer number stays as written.
 */
export function localizeDates(text: string, locale: string): string {
  return text.replace(ISO_DATE, (whole, y: string, m: string, d: string) => {
    const date = new Date(0);
    date.setUTCFullYear(Number(y), Number(m) - 1, Number(d));
    // An impossible day (2027-02-30) rolls over into another month: left as written.
    if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return whole;
    let format = dateFormats.get(locale);
    if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })));
    return format.format(date);
  });
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

// ---------------------------------------------------------------------------------------------------
// Checking a catalogue from the backend

const isEntry = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : typeof v;
}

/** The media kinds a template or workflow names: a list of known kinds, or absent (every kind). */
function mediaKinds(v: unknown): readonly MediaKind[] | undefined | false {
  if (v === undefined) return undefined;
  return Array.isArray(v) && v.every((k) => MEDIA_KINDS.includes(k as MediaKind)) ? [...(v as MediaKind[])] : false;
}

function checkParam(raw: unknown): WorkflowParam | string {
  if (!isEntry(raw)) return `is ${describeValue(raw)}, not a parameter`;
  const { name, label, type, required, maxLength, fromCustomer } = raw;
  if (typeof name !== 'string' || name === '') return 'has no name';
  if (label !== undefined && !isLocalizedText(label)) return 'has a label that is not text';
  if (!PARAM_TYPES.includes(type as ParamType)) return `has type ${describeValue(type)}`;
  if (required !== undefined && typeof required !== 'boolean') return 'has a "required" that is not true or false';
  if (maxLength !== undefined && !(Number.isSafeInteger(maxLength) && (maxLength as number) >= 1)) return 'has a maxLength that is not a whole number';
  if (fromCustomer !== undefined && (typeof fromCustomer !== 'string' || fromCustomer === '')) {
    return 'has a fromCustomer that is not the name of a customer field';
  }
  return {
    name,
    label: (label as LocalizedText | undefined) ?? name,
    type: type as ParamType,
    required: required === true,
    ...(maxLength !== undefined ? { maxLength: maxLength as number } : {}),
    ...(fromCustomer !== undefined ? { fromCustomer: fromCustomer as string } : {}),
  };
}

/**
 * Checks a catalogue from the backend (COMP-5, COMP-10) entry by entry, as the configuration is
 * checked, but without refusing the whole: a group, template or workflow that does not check out is
 * left out and named in `problems`, so that one bad entry never costs the composer its templates.
 * Anything that is not a catalogue at all (a string, `null`) gives the empty catalogue, with the reason.
 */
export function checkCatalogue(raw: unknown): { catalogue: Catalogue; problems: string[] } {
  const problems: string[] = [];
  try {
    if (!isEntry(raw)) return { catalogue: EMPTY_CATALOGUE, problems: [`the catalogue is ${describeValue(raw)}, not an object`] };
    const list = (name: string): unknown[] => {
      const v = raw[name];
      if (v === undefined) return [];
      if (Array.isArray(v)) return v;
      problems.push(`${name} is ${describeValue(v)}, not a list`);
      return [];
    };
    const ids = new Set<string>();
    const unique = (kind: string, i: number, id: unknown): id is string => {
      if (typeof id !== 'string' || id === '') return void problems.push(`${kind}[${i}] has no id`), false;
      if (ids.has(`${kind}:${id}`)) return void problems.push(`${kind}[${i}] repeats the id ${JSON.stringify(id)}`), false;
      ids.add(`${kind}:${id}`);
      return true;
    };

    const templateGroups: TemplateGroup[] = [];
    list('templateGroups').forEach((g, i) => {
      if (!isEntry(g)) return void problems.push(`templateGroups[${i}] is ${describeValue(g)}, not a group`);
      const { id, name } = g;
      if (!isLocalizedText(name)) return void problems.push(`templateGroups[${i}] has a name that is not text`);
      if (unique('templateGroups', i, id)) templateGroups.push({ id, name });
    });

    const templates: Template[] = [];
    list('templates').forEach((t, i) => {
      const where = `templates[${i}]`;
      if (!isEntry(t)) return void problems.push(`${where} is ${describeValue(t)}, not a template`);
      const { id, name, group, locked, media, body } = t;
      if (!isLocalizedText(name)) return void problems.push(`${where} has a name that is not text`);
      if (typeof group !== 'string') return void problems.push(`${where} has no group`);
      if (locked !== undefined && typeof locked !== 'boolean') return void problems.push(`${where} has a "locked" that is not true or false`);
      if (typeof body !== 'string') return void problems.push(`${where} has no body`);
      const kinds = mediaKinds(media);
      if (kinds === false) return void problems.push(`${where} names media that are not ${MEDIA_KINDS.join(', ')}`);
      if (!unique('templates', i, id)) return;
      templates.push({ id, name, group, locked: locked === true, body, ...(kinds ? { media: kinds } : {}) });
    });

    const workflows: Workflow[] = [];
    list('workflows').forEach((w, i) => {
      const where = `workflows[${i}]`;
      if (!isEntry(w)) return void problems.push(`${where} is ${describeValue(w)}, not a workflow`);
      const { id, name, description, media, params } = w;
      if (!isLocalizedText(name)) return void problems.push(`${where} has a name that is not text`);
      if (description !== undefined && !isLocalizedText(description)) return void problems.push(`${where} has a description that is not text`);
      const kinds = mediaKinds(media);
      if (kinds === false) return void problems.push(`${where} names media that are not ${MEDIA_KINDS.join(', ')}`);
      if (params !== undefined && !Array.isArray(params)) return void problems.push(`${where}.params is not a list`);
      const checked: WorkflowParam[] = [];
      const names = new Set<string>();
      for (const [j, p] of ((params as unknown[] | undefined) ?? []).entries()) {
        const param = checkParam(p);
        if (typeof param === 'string') return void problems.push(`${where}.params[${j}] ${param}`);
        if (names.has(param.name)) return void problems.push(`${where}.params[${j}] repeats the name ${JSON.stringify(param.name)}`);
        names.add(param.name);
        checked.push(param);
      }
      if (!unique('workflows', i, id)) return;
      workflows.push({
        id,
        name,
        ...(description !== undefined ? { description: description as LocalizedText } : {}),
        ...(kinds ? { media: kinds } : {}),
        params: checked,
      });
    });
    return { catalogue: { templateGroups, templates, workflows }, problems };
  } catch (error) {
    problems.push(`the catalogue could not be read (${error instanceof Error ? error.message : typeof error})`);
    return { catalogue: EMPTY_CATALOGUE, problems };
  }
}
