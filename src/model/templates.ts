/**
 * Message templates (COMP-5..8, MAIL-9): the template list and its filters, the template syntax, loading a
 * template into the composer, replaceable fields and locked templates. Pure functions over plain data.
 *
 * ## Template syntax
 *
 * A template body is plain text with two kinds of parameter:
 *
 * - **System parameters** (COMP-8), `{{name}}`, are substituted when the template loads:
 *   - `{{customer.name}}`, or `{{customer.<variable>}}` for any customer variable the task carries
 *     (`{{customer.email}}`, `{{customer.accountNumber}}`…);
 *   - `{{agent.name}}`: the signed-in agent's name;
 *   - `{{queue}}`: the queue the task came through;
 *   - `{{media}}`: the task's media, as the composer names it ("WhatsApp").
 *
 *   Spaces inside the braces are ignored (`{{ queue }}`). A parameter the kit does not know, or a customer
 *   variable the task does not carry, is left in the text exactly as written and reported, so the agent
 *   sees it rather than losing a word silently.
 * - **Replaceable parameters** (COMP-7), `[[Label]]` or `[[Label|default]]`, are fields the agent fills
 *   in: Tab moves between them, and Send stays blocked while one is unfilled. A field with a default
 *   loads with the default (and counts as filled); a field without one loads as `[Label]` and is unfilled
 *   until the agent types something else in it. The first `|` separates the label from the default.
 *
 * A backslash before `{{` or `[[` makes them literal: `\{{` gives `{{`, `\[[` gives `[[`. Any other
 * backslash is kept as it is. `{{` ends at the first `}}` and `[[` at the first `]]`; a parameter that is
 * not closed, that is empty, or that contains another `{{` or `[[` is an error.
 *
 * Example: `Bonjour {{customer.name}}, votre commande [[Numéro de commande]] part [[Jour|demain]]. {{agent.name}}`
 */
import type { MediaKind } from './media.js';
import { pickText, type LocalizedText } from './text.js';

/** A configured group of templates (COMP-5). */
export interface TemplateGroup {
  readonly id: string;
  readonly name: LocalizedText;
}

/** A configured template. */
export interface Template {
  readonly id: string;
  readonly name: LocalizedText;
  /** The id of its {@link TemplateGroup}. */
  readonly group: string;
  /** A locked template is sent as loaded: the agent cannot edit it (COMP-6). */
  readonly locked: boolean;
  /** The kinds of media it applies to; all of them when absent. */
  readonly media?: readonly MediaKind[];
  /** The text, in the syntax above. */
  readonly body: string;
}

/** One piece of a parsed template body. */
export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  /** A system parameter: `name` is trimmed (`customer.name`); `source` is the text as written. */
  | { readonly kind: 'system'; readonly name: string; readonly source: string }
  /** A replaceable parameter; `default` is absent when the template gives none. */
  | { readonly kind: 'field'; readonly label: string; readonly default?: string };

/** The result of {@link parseTemplate}: the segments, or what is wrong and where (index in the body). */
export type ParsedTemplate =
  | { readonly ok: true; readonly value: readonly Segment[] }
  | { readonly ok: false; readonly error: string; readonly index: number };

const OPENERS = { '{{': '}}', '[[': ']]' } as const;

/**
 * Splits a template body into text, system parameters and fields (syntax above). Adjacent text is merged
 * into one segment. Malformed input is not thrown: the result says what is wrong and the index in `body`
 * of the opener at fault.
 */
export function parseTemplate(body: string): ParsedTemplate {
  const segments: Segment[] = [];
  let text = '';
  let i = 0;
  const flush = () => {
    if (text !== '') segments.push({ kind: 'text', text });
    text = '';
  };
  while (i < body.length) {
    const two = body.slice(i, i + 2);
    if (body[i] === '\\' && (body.startsWith('{{', i + 1) || body.startsWith('[[', i + 1))) {
      text += body.slice(i + 1, i + 3);
      i += 3;
      continue;
    }
    if (two !== '{{' && two !== '[[') {
      text += body[i];
      i += 1;
      continue;
    }
    const closer = OPENERS[two];
    const close = body.indexOf(closer, i + 2);
    if (close < 0) return { ok: false, error: `"${two}" is not closed by "${closer}"`, index: i };
    const inner = body.slice(i + 2, close);
    const nested = ['{{', '[['].find((o) => inner.includes(o));
    if (nested) return { ok: false, error: `"${two}" contains "${nested}" before its "${closer}"`, index: i };
    if (two === '{{') {
      const name = inner.trim();
      if (name === '') return { ok: false, error: 'A system parameter "{{}}" has no name', index: i };
      flush();
      segments.push({ kind: 'system', name, source: body.slice(i, close + 2) });
    } else {
      const bar = inner.indexOf('|');
      const label = (bar < 0 ? inner : inner.slice(0, bar)).trim();
      if (label === '') return { ok: false, error: 'A replaceable parameter "[[]]" has no label', index: i };
      flush();
      segments.push(bar < 0 ? { kind: 'field', label } : { kind: 'field', label, default: inner.slice(bar + 1) });
    }
    i = close + 2;
  }
  flush();
  return { ok: true, value: segments };
}

/** What system parameters are substituted with (COMP-8). */
export interface TemplateContext {
  /** The task's customer variables. */
  readonly customer: Readonly<Record<string, string>>;
  readonly agent: { readonly name: string };
  /** The task's queue. */
  readonly queue: string;
  /** The task's media as the composer names it. */
  readonly media: string;
}

/**
 * A replaceable field of a loaded template: the range `[start, end)` of {@link LoadedTemplate.text} it
 * covers (UTF-16 indices, as a textarea's selection), and `value`, the text in that range.
 */
export interface TemplateField {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly value: string;
  /** The text the field shows while unfilled: `[Label]`. */
  readonly placeholder: string;
}

/**
 * A template loaded into the composer. Fields are ranges over the plain text, not markers in it: the
 * text is exactly what is sent, and {@link applyEdit} keeps the ranges in step as the agent types.
 */
export interface LoadedTemplate {
  readonly templateId: string;
  readonly locked: boolean;
  readonly text: string;
  /** In text order, never overlapping. */
  readonly fields: readonly TemplateField[];
  /** System parameters that were not substituted (left in the text as written), each once, in order. */
  readonly unknown: readonly string[];
  /** Set when the body is malformed: the body is then loaded as plain text, with no fields. */
  readonly error?: { readonly error: string; readonly index: number };
}

/** The value of a system parameter, or undefined when the context does not know it. */
export function systemValue(name: string, context: TemplateContext): string | undefined {
  if (name === 'agent.name') return context.agent.name;
  if (name === 'queue') return context.queue;
  if (name === 'media') return context.media;
  if (name.startsWith('customer.')) {
    const key = name.slice('customer.'.length);
    return Object.hasOwn(context.customer, key) ? context.customer[key] : undefined;
  }
  return undefined;
}

/** The text an unfilled field shows. */
export const fieldPlaceholder = (label: string): string => `[${label}]`;

/**
 * Loads a template into the composer (COMP-5, COMP-8): system parameters substituted, unknown ones left
 * visible and listed in `unknown`; each replaceable field becomes a range holding its default, or its
 * placeholder `[Label]` when it has none (COMP-7). A malformed body loads verbatim with `error` set.
 */
export function loadTemplate(template: Template, context: TemplateContext): LoadedTemplate {
  const base = { templateId: template.id, locked: template.locked };
  const parsed = parseTemplate(template.body);
  if (!parsed.ok) {
    return { ...base, text: template.body, fields: [], unknown: [], error: { error: parsed.error, index: parsed.index } };
  }
  let text = '';
  const fields: TemplateField[] = [];
  const unknown: string[] = [];
  for (const segment of parsed.value) {
    if (segment.kind === 'text') {
      text += segment.text;
    } else if (segment.kind === 'system') {
      const value = systemValue(segment.name, context);
      if (value === undefined && !unknown.includes(segment.name)) unknown.push(segment.name);
      text += value ?? segment.source;
    } else {
      const placeholder = fieldPlaceholder(segment.label);
      const value = segment.default ?? placeholder;
      fields.push({ label: segment.label, start: text.length, end: text.length + value.length, value, placeholder });
      text += value;
    }
  }
  return { ...base, text, fields, unknown };
}

/** Whether a field still needs the agent: empty (or blank), or still showing its placeholder. COMP-7. */
export function isFieldFilled(field: TemplateField): boolean {
  return field.value.trim() !== '' && field.value !== field.placeholder;
}

/** The fields the agent has not filled yet, in text order. COMP-7. */
export function unfilledFields(loaded: LoadedTemplate): TemplateField[] {
  return loaded.fields.filter((f) => !isFieldFilled(f));
}

/** Send is blocked while a replaceable field is unfilled (COMP-7). Other Send rules (COMP-3) apply too. */
export function canSend(loaded: LoadedTemplate): boolean {
  return unfilledFields(loaded).length === 0;
}

/**
 * Whether changing the loaded text to `newText` is allowed: a locked template cannot be edited (COMP-6),
 * so the element refuses the change and shows an error.
 */
export function isEditAllowed(loaded: LoadedTemplate, newText: string): boolean {
  return !loaded.locked || newText === loaded.text;
}

/**
 * The one contiguous change between two texts: `old.slice(start, end)` became `inserted`. Where the
 * texts alone leave it open (typing "l" after "l" in "hello" could be either), `caret`, the caret in
 * `newText` after the edit (a textarea's `selectionEnd`), places the change where the agent made it:
 * it ends there.
 */
export function textChange(
  oldText: string,
  newText: string,
  caret?: number,
): { start: number; end: number; inserted: string } {
  const cap = caret === undefined ? Infinity : Math.max(0, caret - Math.max(0, newText.length - oldText.length));
  const max = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < Math.min(max, cap) && oldText[prefix] === newText[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    oldText[oldText.length - 1 - suffix] === newText[newText.length - 1 - suffix]
  ) {
    suffix++;
  }
  return { start: prefix, end: oldText.length - suffix, inserted: newText.slice(prefix, newText.length - suffix) };
}

/**
 * Moves the field ranges through an edit of the text (what a textarea's `input` produces: one
 * contiguous change). An edit inside a field, or touching its edges, changes that field (the first one,
 * when two fields touch); fields after the edit shift; a field the edit only partly covers keeps what is
 * left of it plus the new text; a field the edit deletes whole (with text around it) is dropped.
 */
export function moveFields(
  fields: readonly TemplateField[],
  oldText: string,
  newText: string,
  caret?: number,
): TemplateField[] {
  const { start: a, end: b, inserted } = textChange(oldText, newText, caret);
  const delta = inserted.length - (b - a);
  const out: TemplateField[] = [];
  let claimed = false;
  for (const f of fields) {
    let start = f.start;
    let end = f.end;
    if (!claimed && a >= f.start && b <= f.end) {
      end += delta;
      claimed = true;
    } else if (b <= f.start) {
      start += delta;
      end += delta;
    } else if (a >= f.end) {
      // Before the edit: unchanged.
    } else if (a <= f.start && b >= f.end) {
      continue;
    } else if (a < f.start) {
      start = a + inserted.length;
      end += delta;
    } else {
      end = a + inserted.length;
      claimed = true;
    }
    out.push({ ...f, start, end, value: newText.slice(start, end) });
  }
  return out;
}

/**
 * The loaded template after the agent changed its text to `newText`, fields moved along; unchanged (the
 * same object) when the edit is not allowed (COMP-6). `caret` places an ambiguous edit (see `textChange`).
 */
export function applyEdit(loaded: LoadedTemplate, newText: string, caret?: number): LoadedTemplate {
  if (newText === loaded.text || !isEditAllowed(loaded, newText)) return loaded;
  return { ...loaded, text: newText, fields: moveFields(loaded.fields, loaded.text, newText, caret) };
}

/**
 * The field Tab (or Shift+Tab, `backwards`) moves to from the textarea's selection (COMP-7): the first
 * field starting at or after the selection's end, or the last one ending at or before its start, never
 * the field that is the selection itself; null when there is none, so Tab leaves the box as usual. The
 * element then selects `[start, end)` so typing replaces the field's text.
 */
export function adjacentField(
  loaded: LoadedTemplate,
  selection: { readonly start: number; readonly end: number },
  backwards = false,
): TemplateField | null {
  const isSelection = (f: TemplateField) => f.start === selection.start && f.end === selection.end;
  if (backwards) return loaded.fields.findLast((f) => f.end <= selection.start && !isSelection(f)) ?? null;
  return loaded.fields.find((f) => f.start >= selection.end && !isSelection(f)) ?? null;
}

/** Lower case without accents, for searching: "Déjà" → "deja". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** The "All templates" tab (COMP-5). */
export const ALL_TEMPLATES = 'all';

export interface TemplateFilter {
  /** Words searched in the name, ignoring case and accents. */
  readonly query?: string;
  /** A group id, or {@link ALL_TEMPLATES} (the default). */
  readonly group?: string;
  /** Only templates that apply to this kind of media. */
  readonly media?: MediaKind;
  /** The locale names are read in. */
  readonly locale: string;
}

/** Whether a template applies to a kind of media (all kinds when it names none). */
export function appliesTo(template: Template, media: MediaKind): boolean {
  return template.media === undefined || template.media.includes(media);
}

/** One template and its name folded for searching, in one locale. */
interface SearchKey {
  readonly template: Template;
  readonly key: string;
}

/**
 * Each catalogue's search keys per locale, folded once (HOSTILE-16): a search over 10,000 templates then
 * compares strings, where folding every name again on each keystroke took seconds. Keyed by the
 * templates array: a catalogue is validated into arrays of its own and never changed in place, and a
 * new catalogue is a new array that gets keys of its own (the old ones go with the old array).
 */
const searchKeys = new WeakMap<readonly Template[], Map<string, readonly SearchKey[]>>();

function searchKeysOf(templates: readonly Template[], locale: string): readonly SearchKey[] {
  let byLocale = searchKeys.get(templates);
  if (!byLocale) searchKeys.set(templates, (byLocale = new Map()));
  let keys = byLocale.get(locale);
  if (!keys) byLocale.set(locale, (keys = templates.map((template) => ({ template, key: foldText(pickText(template.name, locale)) }))));
  return keys;
}

/**
 * The templates the picker lists (COMP-5), in configured order: those of the chosen group (all of them
 * for the "All templates" tab), for the composer's media, whose name contains the query (case and
 * accents ignored; a blank query matches all).
 */
export function filterTemplates(templates: readonly Template[], filter: TemplateFilter): Template[] {
  const query = foldText(filter.query?.trim() ?? '');
  const group = filter.group ?? ALL_TEMPLATES;
  const { media } = filter;
  const out: Template[] = [];
  for (const { template: t, key } of searchKeysOf(templates, filter.locale)) {
    if ((group === ALL_TEMPLATES || t.group === group) && (media === undefined || appliesTo(t, media)) && (query === '' || key.includes(query))) {
      out.push(t);
    }
  }
  return out;
}

/**
 * The groups the picker shows (COMP-5): groups with at least one template for `media` (all of them when
 * no media is given), in configured order; `tabs` are the first `max`, `more` is the full list behind
 * "More" (empty when every group already has a tab). One pass over the templates, one over the groups.
 */
export function templateGroups(
  groups: readonly TemplateGroup[],
  templates: readonly Template[],
  options: { media?: MediaKind; max: number },
): { tabs: TemplateGroup[]; more: TemplateGroup[] } {
  const withTemplates = new Set<string>();
  for (const t of templates) if (options.media === undefined || appliesTo(t, options.media)) withTemplates.add(t.group);
  const used = groups.filter((g) => withTemplates.has(g.id));
  const max = Math.max(0, options.max);
  return { tabs: used.slice(0, max), more: used.length > max ? used : [] };
}

/** Picking a template replaces the email body; ask first when the body has text (MAIL-9). */
export function replaceNeedsConfirmation(body: string): boolean {
  return body.trim() !== '';
}

/**
 * The `/` search (COMP-5): what the agent searches for when the box holds `/` and the rest of one line
 * (the query after the slash); undefined when the box holds anything else.
 */
export function slashQuery(text: string): string | undefined {
  return text.startsWith('/') && !text.includes('\n') ? text.slice(1) : undefined;
}

/** Whether an edit from `before` to `after` opens the `/` search: a `/` typed in an empty box (COMP-5). */
export function opensSlashSearch(before: string, after: string): boolean {
  return before === '' && slashQuery(after) !== undefined;
}
