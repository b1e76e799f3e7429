// `npm run bench`, last part: the hot paths agents feel, each beside the figure it started from and its
// goal. Reads the figures the other parts of the benchmark wrote, prints the table and writes it to
// bench/summary.md. Runs no browser; `node scripts/bench-summary.mjs` alone re-reads the last run.
//
// Every bench part writes, in its JSON file in bench/, a `figures` object of figures by stable name,
// each `{ unit, what, n, min, median, p95, max }` (what scripts/bench-support.mjs's `summary()` gives,
// plus the unit and a few words). The summary reads every bench/*.json that has one, so a part may add
// a file. The names it reads:
//
//   thread.open.10000            ms     open a 10,000-message thread, fresh page → newest message painted
//   thread.open.10000.plainLit   ms     the same thread rendered by plain Lit (every message), same run
//   thread.open.10000.nodes      nodes  DOM nodes of the open thread
//   thread.incoming.1000         ms     incoming message in the open thread, 1,000-message history
//   thread.incoming.10000        ms     the same with 10,000 (to show it does not grow with history)
//   desktop.incoming.background.20  ms  main thread per incoming message for a background task,
//                                       20 tasks, the full desktop
//   desktop.keystroke            ms     main thread per keystroke in the composer inside the desktop
//   textarea.keystroke           ms     the same for a bare <textarea>, same run
//   tasks.arrive.500             ms     500 tasks arrive in one store change → painted (bench/results.json)
//   tasks.arrive.2000            ms     the same with 2,000
//   tasks.acceptAll.500          ms     Accept all on 500 offers → painted
//   tasks.acceptAll.500.listRenders / .offersRenders / .listUpdate / .offersUpdate
//   templates.open.10000         ms     the template picker over 10,000 templates → list presented
//   templates.open.10000.options options  options in its DOM
//   templates.keystroke.10000    ms     main thread per keystroke in its search (bench/templates.json)
//   templates.keystroke.10000.paint  ms  key event → filtered list presented
//
// A figure no file holds yet is "not measured". Figures, not limits: this never fails on a slow figure.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { ms } from './bench-support.mjs';

const BENCH = new URL('../bench/', import.meta.url);

/** The issue's table: what each path cost before the work on it, and its goal. */
const PATHS = [
  {
    path: 'open a 10,000-message thread, fresh page, to newest message painted',
    today: '219 ms (plain Lit rendering all: 1,986 ms, 8.9×); 1,123 DOM nodes',
    goal: '≤ 50 ms; ≥ 20× faster than plain Lit in the same run; ≤ 400 DOM nodes',
    needs: ['thread.open.10000', 'thread.open.10000.plainLit', 'thread.open.10000.nodes'],
    now: ([open, plain, nodes]) =>
      `${medianP95(open)}; plain Lit ${ms(plain.median)} ms, ${ms(plain.median / open.median)}×; ${ms(nodes.median, 0)} nodes`,
    met: ([open, plain, nodes]) => open.median <= 50 && plain.median / open.median >= 20 && nodes.median <= 400,
  },
  {
    path: 'incoming message for a background task, 20 tasks, full desktop',
    today: '8.3 ms, p95 10.7',
    goal: '≤ 4 ms main thread p95',
    needs: ['desktop.incoming.background.20'],
    now: ([f]) => medianP95(f),
    met: ([f]) => f.p95 <= 4,
  },
  {
    path: 'incoming message in the open thread (1,000-message history)',
    today: '19.9 ms, p95 25.5',
    goal: '≤ 6 ms p95, not growing with history',
    needs: ['thread.incoming.1000'],
    also: ['thread.incoming.10000'],
    now: ([f], [more]) => `${medianP95(f)}${more ? `; 10,000 messages: ${medianP95(more)}` : ''}`,
    met: ([f], [more]) => f.p95 <= 6 && (!more || more.p95 <= 6),
  },
  {
    path: 'keystroke in the composer inside the desktop',
    today: '6.4 ms',
    goal: '≤ 2 ms over a bare textarea in the same run',
    needs: ['desktop.keystroke', 'textarea.keystroke'],
    now: ([desktop, bare]) => `${medianP95(desktop)}; bare textarea ${medianP95(bare)}; over it ${ms(desktop.median - bare.median)} ms`,
    met: ([desktop, bare]) => desktop.median - bare.median <= 2,
  },
  {
    path: '500 tasks arriving → painted',
    today: '128 ms',
    goal: '≤ 30 ms (virtualised rows); 2,000 tasks ≤ 40 ms',
    needs: ['tasks.arrive.500'],
    also: ['tasks.arrive.2000'],
    now: ([f], [more]) => `${medianP95(f)}${more ? `; 2,000 tasks: ${medianP95(more)}` : '; 2,000 tasks: not measured'}`,
    met: ([f], [more]) => f.median <= 30 && !!more && more.median <= 40,
  },
  {
    path: 'Accept all, 500 offers',
    today: 'O(n²): 2.7 s of list updates',
    goal: 'one render, ≤ 50 ms',
    needs: ['tasks.acceptAll.500', 'tasks.acceptAll.500.listRenders', 'tasks.acceptAll.500.listUpdate'],
    also: ['tasks.acceptAll.500.offersRenders', 'tasks.acceptAll.500.offersUpdate'],
    now: ([paint, renders, update], [offers, offersUpdate]) =>
      `list: ${renders.median} render${renders.median === 1 ? '' : 's'}, ${ms(update.median)} ms` +
      (offers ? `; offers: ${offers.median} render${offers.median === 1 ? '' : 's'}, ${ms(offersUpdate?.median)} ms` : '') +
      `; click → painted ${medianP95(paint)}`,
    met: ([paint, renders, update], [offers]) =>
      renders.median === 1 && (!offers || offers.median === 1) && update.median <= 50 && paint.median <= 50,
  },
  {
    path: 'template picker over 10,000 templates: open, and a keystroke in its search (issue 9)',
    today: 'open 3,977.7 ms (7,500 options in the DOM); 408.8 ms main thread per key',
    goal: 'open < 100 ms; < 16 ms per keystroke',
    needs: ['templates.open.10000', 'templates.keystroke.10000'],
    also: ['templates.open.10000.options', 'templates.keystroke.10000.paint'],
    now: ([open, key], [options, paint]) =>
      `open ${medianP95(open)}${options ? ` (${ms(options.median, 0)} options in the DOM)` : ''}; ${medianP95(key)} per key` +
      (paint ? `, key → presented p95 ${ms(paint.p95)} ms` : ''),
    met: ([open, key]) => open.median < 100 && key.median < 16,
  },
];

function medianP95(f) {
  return `${ms(f.median)} ms, p95 ${ms(f.p95)}`;
}

/** Every bench/*.json that holds figures by name: its figures, and the machine it ran on. */
function readParts() {
  const parts = [];
  for (const name of readdirSync(BENCH).filter((n) => n.endsWith('.json')).sort()) {
    let json;
    try {
      json = JSON.parse(readFileSync(new URL(name, BENCH), 'utf8'));
    } catch (error) {
      console.error(`bench/${name}: not read (${error.message})`);
      continue;
    }
    if (json && typeof json.figures === 'object' && json.figures !== null) parts.push({ file: name, figures: json.figures, machine: json.machine });
  }
  return parts;
}

const isFigure = (f) => f && typeof f === 'object' && Number.isFinite(f.median) && Number.isFinite(f.p95);

function main() {
  const parts = readParts();
  const figures = Object.assign({}, ...parts.map((p) => p.figures));
  const find = (names) => names.map((n) => (isFigure(figures[n]) ? figures[n] : undefined));
  const rows = PATHS.map((p) => {
    const needed = find(p.needs);
    const also = find(p.also ?? []);
    const missing = p.needs.filter((_, i) => !needed[i]);
    if (missing.length > 0) return { ...p, nowText: 'not measured', metText: '–', missing };
    return { ...p, nowText: p.now(needed, also), metText: p.met(needed, also) ? 'yes' : 'no', missing };
  });

  const head = ['path', 'today (the issue)', 'now (median, p95)', 'goal', 'met'];
  const cells = rows.map((r) => [r.path, r.today, r.nowText, r.goal, r.metText]);
  const machines = parts.map((p) => {
    const m = p.machine ?? {};
    return `bench/${p.file}: ${m.cpu ?? '?'} × ${m.cores ?? '?'}, ${m.memoryGb ?? '?'} GB, ${m.browser ?? '?'}, ${m.date ?? '?'}, load average at its end ${(m.loadAverage ?? []).join(' / ') || '?'}`;
  });
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' / ');
  const notMeasured = rows.flatMap((r) => r.missing);

  const table = [head, head.map(() => '---'), ...cells].map((c) => `| ${c.join(' | ')} |`);
  const text = [
    'Hot paths (issue 8, item 6): the figure the issue started from, the figure now (median, p95), the goal.',
    '',
    ...table,
    '',
    ...machines,
    `Load average now (1 / 5 / 15 min): ${load}`,
    ...(notMeasured.length ? [`Not measured yet (no figure of that name in bench/*.json): ${notMeasured.join(', ')}`] : []),
  ].join('\n');

  const markdown = `# Benchmark summary

Written by \`npm run bench\` (scripts/bench-summary.mjs) from the figures the benchmark's parts wrote in
bench/*.json; \`node scripts/bench-summary.mjs\` alone writes it again from the last run. "Today" is the
figure the work on that path started from (its run on this machine: issue 8, or the issue the path
names); "now" is the latest run's median and p95. These are figures to compare runs on one machine, not
limits. The details, and how each is measured, are in bench/results.md (the task list and the offers),
bench/conversation.md (the thread, the composer, the desktop) and bench/templates.md (the template
picker).

| ${head.join(' | ')} |
| ${head.map(() => '---').join(' | ')} |
${cells.map((c) => `| ${c.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`).join('\n')}

## Machine and load

${machines.map((m) => `- ${m}`).join('\n') || '- no bench part has written figures yet'}
- load average when this summary was written (1 / 5 / 15 min): ${load}, on ${os.cpus().length} cores

The machine is shared: other work ran beside the benchmark, and its load average says how much. Compare
medians, and re-run before drawing a conclusion from a small difference.
${notMeasured.length ? `\nNot measured yet (no figure of that name in bench/*.json): ${notMeasured.map((n) => `\`${n}\``).join(', ')}.\n` : ''}`;

  console.log(`\n${text}\n`);
  writeFileSync(new URL('summary.md', BENCH), markdown);
  console.log('Written: bench/summary.md');
  return 0;
}

process.exit(main());
