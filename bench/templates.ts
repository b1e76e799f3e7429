/**
 * The template picker benchmark page: `<dc-template-picker>` with a catalogue of thousands of templates
 * (HOSTILE-16). `scripts/bench-templates.mjs` loads it in headless Chromium, calls `window.dcBench`,
 * and types into the picker's search field with real key events.
 */
import { afterFrame, nextPaint, rendered } from './frames.js';
import '../src/elements/internal/template-picker.js';
import type { DcTemplatePicker } from '../src/elements/internal/template-picker.js';
import type { Template, TemplateGroup } from '../src/model/templates.js';

export interface PickerOpen {
  readonly templates: number;
  /** From the picker put in the page to the frame that shows its list, presented. */
  readonly toPaintMs: number;
  /** Options in the DOM once shown. */
  readonly options: number;
}

export interface SearchRun {
  readonly keys: number;
  /** Per key: from the key event to just after the frame that shows the filtered list. */
  readonly toPaintMs: readonly number[];
  /** Options in the DOM, and the templates matching, after the last key. */
  readonly options: number;
  readonly matching: number;
}

export interface TemplatesBench {
  /** A fresh picker over `count` templates in `groups` groups, shown to the first paint. */
  open(count: number, groups: number): Promise<PickerOpen>;
  /** Focuses the search field and starts timing keys. */
  prepareSearch(): void;
  searched(): Promise<SearchRun>;
  /** Empties the search field (between runs). */
  clearSearch(): Promise<void>;
}

const page = window as unknown as { dcBench?: TemplatesBench; dcBenchError?: string };

const WORDS = ['Welcome', 'Order', 'Refund', 'Délai', 'Livraison', 'Invoice', 'Retour', 'Échange', 'Account', 'Thanks'];
const BODY =
  'Hello {{customer.name}}, your order {{Order number|A-1234}} left our warehouse on {{Date}}. Track it with the link we sent. {{agent.name}}';

/** A deterministic catalogue: names in two languages, some for chosen media, some locked. */
function catalogue(count: number, groups: number): { templates: Template[]; groups: TemplateGroup[] } {
  const groupList: TemplateGroup[] = Array.from({ length: groups }, (_, g) => ({
    id: `g${g}`,
    name: { en: `Group ${g + 1}`, fr: `Groupe ${g + 1}` },
  }));
  const templates: Template[] = Array.from({ length: count }, (_, i) => {
    const word = WORDS[i % WORDS.length]!;
    const other = WORDS[(i * 7 + 3) % WORDS.length]!;
    return {
      id: `t${i}`,
      name: { en: `${word} ${other} ${i + 1}`, fr: `${other} ${word} ${i + 1}` },
      group: `g${i % groups}`,
      locked: i % 11 === 0,
      ...(i % 5 === 0 ? { media: ['sms' as const] } : {}),
      body: `${BODY} (${i + 1})`,
    };
  });
  return { templates, groups: groupList };
}

let picker: DcTemplatePicker | undefined;
let search: { latencies: number[]; keys: number } | undefined;

async function open(count: number, groups: number): Promise<PickerOpen> {
  picker?.remove();
  const stage = document.getElementById('stage')!;
  const data = catalogue(count, groups);
  await nextPaint();
  const start = performance.now();
  const el = document.createElement('dc-template-picker') as DcTemplatePicker;
  el.templates = data.templates;
  el.groups = data.groups;
  el.media = 'chat';
  stage.append(el);
  picker = el;
  await rendered(el);
  const presented = await new Promise<number>((resolve) => requestAnimationFrame(() => afterFrame(() => resolve(performance.now()))));
  return { templates: count, toPaintMs: presented - start, options: el.shadowRoot!.querySelectorAll('[role="option"]').length };
}

function prepareSearch(): void {
  const el = picker;
  if (!el) throw new Error('open first');
  const field = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="search"]')!;
  field.focus();
  search = { latencies: [], keys: 0 };
  field.addEventListener('keydown', (event) => {
    const state = search;
    if (!state) return;
    state.keys++;
    const startedAt = event.timeStamp;
    requestAnimationFrame(() => afterFrame(() => state.latencies.push(performance.now() - startedAt)));
  });
}

async function searched(): Promise<SearchRun> {
  const el = picker;
  if (!el || !search) throw new Error('prepareSearch first');
  await rendered(el);
  await nextPaint();
  const root = el.shadowRoot!;
  const option = root.querySelector('[role="option"]');
  const matching = Number(option?.getAttribute('aria-setsize') ?? root.querySelectorAll('[role="option"]').length);
  return { keys: search.keys, toPaintMs: [...search.latencies], options: root.querySelectorAll('[role="option"]').length, matching };
}

async function clearSearch(): Promise<void> {
  const el = picker;
  if (!el) return;
  el.query = '';
  await rendered(el);
  if (search) search = { latencies: [], keys: 0 };
  const field = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="search"]')!;
  field.focus();
}

try {
  page.dcBench = { open, prepareSearch, searched, clearSearch };
} catch (error) {
  page.dcBenchError = String(error);
}
