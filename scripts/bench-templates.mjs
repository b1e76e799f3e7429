// `npm run bench` (third part): the template picker with a large catalogue (HOSTILE-16). Opens
// `<dc-template-picker>` over 1,000 and 10,000 templates, each on a fresh page (time to the list
// painted, options in the DOM), then types a search with real key events (DevTools Protocol) and times
// each keystroke: main-thread time per key, and key event → frame presented. Prints a table and
// writes bench/templates.md and bench/templates.json. Figures, not assertions.
import { writeFileSync } from 'node:fs';
import { delta, describeMachine, loadBenchPage, machineMarkdown, ms, openBenchPage, runBenchmark, startBenchServer, summary } from './bench-support.mjs';
import { findChromium, HOW_TO_INSTALL } from './chromium.mjs';

const PLAN = {
  /** Catalogue sizes → fresh-page openings. */
  open: { 1000: 3, 10_000: 5 },
  groups: 40,
  /** Searches typed in the 10,000-template picker, one key every `keyDelayMs`. */
  queries: ['order', 'livraison 12', 'echange', 'refund 99'],
  keyDelayMs: 60,
};
const DEADLINE_MS = 300_000;

async function main() {
  const chromium = findChromium();
  if (!chromium) {
    console.error(HOW_TO_INSTALL.replace('The browser tests run', 'The benchmark runs').replace('npm test', 'npm run bench'));
    return 1;
  }
  const started = Date.now();
  const { server, origin } = await startBenchServer();
  const url = `${origin}/bench/templates.html`;
  let browser;
  try {
    const opened = await openBenchPage(chromium, url);
    browser = opened.browser;
    const { page, metrics, check } = opened;
    const fresh = () => loadBenchPage(page, url);
    const raw = { open: {}, search: [] };
    // One untimed opening first: the page's code is compiled and cached as it is for an agent.
    await page.evaluate((g) => window.dcBench.open(100, g), PLAN.groups);
    for (const [n, runs] of Object.entries(PLAN.open)) {
      const list = (raw.open[n] = []);
      for (let i = 0; i < runs; i++) {
        await fresh();
        const before = await metrics();
        const run = await page.evaluate((count, g) => window.dcBench.open(count, g), Number(n), PLAN.groups);
        const after = await metrics();
        check();
        list.push({ ...run, main: delta(before, after) });
        process.stdout.write(`\rOpen the picker: ${Number(n).toLocaleString('en')} templates, run ${i + 1}/${runs}      `);
      }
    }
    process.stdout.write('\n');

    await fresh();
    await page.evaluate((g) => window.dcBench.open(10_000, g), PLAN.groups);
    await page.evaluate(() => window.dcBench.prepareSearch());
    for (const query of PLAN.queries) {
      const before = await metrics();
      await page.keyboard.type(query, { delay: PLAN.keyDelayMs });
      const run = await page.evaluate(() => window.dcBench.searched());
      const after = await metrics();
      check();
      raw.search.push({ query, ...run, main: delta(before, after) });
      await page.evaluate(() => window.dcBench.clearSearch());
      process.stdout.write(`\rSearch the 10,000 templates: "${query}"      `);
    }
    process.stdout.write('\n');

    const machine = await describeMachine(browser);
    const report = build(raw, machine, Date.now() - started);
    console.log(`\n${report.table}\n`);
    writeFileSync(new URL('../bench/templates.md', import.meta.url), report.markdown);
    const rounded = (_key, value) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value);
    writeFileSync(new URL('../bench/templates.json', import.meta.url), `${JSON.stringify({ machine, plan: PLAN, figures: namedFigures(raw), raw }, rounded, 2)}\n`);
    console.log('Written: bench/templates.md, bench/templates.json');
    return 0;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop().catch(() => {});
  }
}

/** Main-thread time per key of each search, and every key's event → presented. */
const perKey = (raw) => raw.search.map((r) => r.main.taskMs / r.keys);
const keyToPaint = (raw) => raw.search.flatMap((r) => r.toPaintMs);

/** The figures bench/summary.md reads by name (scripts/bench-summary.mjs lists them). */
function namedFigures(raw) {
  const figure = (unit, what, xs) => ({ unit, what, ...summary(xs) });
  return {
    'templates.open.10000': figure('ms', 'open the template picker over 10,000 templates, fresh page → list presented', raw.open[10_000].map((r) => r.toPaintMs)),
    'templates.open.10000.options': figure('options', 'options in the DOM of the open 10,000-template picker', raw.open[10_000].map((r) => r.options)),
    'templates.keystroke.10000': figure('ms', 'main thread per keystroke in the search field, 10,000 templates', perKey(raw)),
    'templates.keystroke.10000.paint': figure('ms', 'key event → filtered list presented, 10,000 templates', keyToPaint(raw)),
  };
}

function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const text = [head, ...rows].map((r) => r.map((c, i) => (i < 1 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')).join('\n');
  const markdown = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  return { text, markdown };
}

function build(raw, machine, elapsedMs) {
  const n = (x) => Number(x).toLocaleString('en');
  const opening = table(
    ['templates', 'to paint, median', 'p95', 'main thread, median', 'options in the DOM'],
    Object.keys(raw.open).map((k) => {
      const s = summary(raw.open[k].map((r) => r.toPaintMs));
      const main = summary(raw.open[k].map((r) => r.main.taskMs));
      return [n(k), ms(s.median), ms(s.p95), ms(main.median), String(raw.open[k].at(-1).options)];
    }),
  );
  const searching = table(
    ['search', 'keys', 'main per key', 'key → presented, median', 'p95', 'max', 'matching', 'options in the DOM'],
    raw.search.map((r) => {
      const s = summary(r.toPaintMs);
      return [`"${r.query}"`, String(r.keys), ms(r.main.taskMs / r.keys, 2), ms(s.median), ms(s.p95), ms(s.max), n(r.matching), String(r.options)];
    }),
  );
  const key = summary(perKey(raw));
  const paint = summary(keyToPaint(raw));
  const open = summary(raw.open[10_000].map((r) => r.toPaintMs));
  const goals = table(
    ['figure', 'measured', 'goal'],
    [
      ['open the picker over 10,000 templates → list presented (median ms)', ms(open.median), '< 100'],
      ['main thread per keystroke in its search (median ms)', ms(key.median, 2), '< 16'],
      ['key event → filtered list presented (p95 ms)', ms(paint.p95), '—'],
    ],
  );
  const text = ['Goals', goals.text, '', 'Opening the picker (ms)', opening.text, '', 'Searching 10,000 templates (ms)', searching.text].join('\n');
  const markdown = `# Template picker benchmark

Produced by \`npm run bench\` (scripts/bench-templates.mjs, page bench/templates.ts). Re-running
overwrites this file and templates.json (the raw numbers). Figures to compare runs on one machine, not
limits: no test depends on them.

## Machine

${machineMarkdown(machine)}

Other work may share the cores during a run: compare medians. The benchmark took ${Math.round(elapsedMs / 1000)} s.

## Goals (HOSTILE-16)

${goals.markdown}

## Opening the picker

Milliseconds, each run on a fresh page.

${opening.markdown}

## Searching

Each search typed into the picker's search field of 10,000 templates, one key every ${PLAN.keyDelayMs} ms.

${searching.markdown}

## What is measured

- **Opening**: \`<dc-template-picker>\` (the composer's Templates panel) over a catalogue of the size
  given in ${PLAN.groups} groups (names in English and French with accents, a fifth for SMS only, some
  locked), for chat; from the element put in the page to just after the frame that shows its list is
  presented. "Main thread" is the DevTools Protocol's TaskDuration over the same span.
- **Searching**: real key events (DevTools Protocol) into the focused search field. "Main per key" is
  TaskDuration over the search divided by its keys; "key → presented" runs, inside the page, from each
  key event's timestamp to just after the frame that follows it.
`;
  return { table: text, markdown };
}

runBenchmark(main, DEADLINE_MS);
