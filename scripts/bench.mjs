// `npm run bench`: how fast the task list shows what the store holds, measured in headless Chromium.
// Serves the sources without a build (as `npm start` does), loads bench/task-list.html, runs each
// scenario several times after a warm-up, prints a table and writes bench/results.md and
// bench/results.json. Figures, not assertions: nothing here fails because something is slow.
//
// BENCH_ELEMENT=<tag> mounts another kit element instead of <dc-task-list> (a check of the bench itself).
// BENCH_SIZES=50,500 measures those list sizes only (default 50, 500 and 2,000); BENCH_RUNS=3 fewer runs.
import { existsSync, writeFileSync } from 'node:fs';
import {
  delta,
  describeMachine,
  machineMarkdown,
  ms,
  openBenchPage,
  runBenchmark,
  startBenchServer,
  summary,
} from './bench-support.mjs';
import { findChromium, HOW_TO_INSTALL } from './chromium.mjs';
const ELEMENT = process.env.BENCH_ELEMENT || 'dc-task-list';
/** Rows and unread badges are checked only on the task list. */
const LIST = ELEMENT === 'dc-task-list';
const ELEMENT_SOURCES = {
  'dc-task-list': 'src/elements/task-list/task-list.ts',
  'dc-state-picker': 'src/elements/state-picker/state-picker.ts',
};

const SIZES = (process.env.BENCH_SIZES ?? '50,500,2000')
  .split(',')
  .map((n) => Number(n.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);

const PLAN = {
  warmups: 1,
  runs: Math.max(1, Number(process.env.BENCH_RUNS) || 5),
  /** Runs of "tasks arrive": a second each, so three times as many for steadier medians. */
  arriveRuns: 3 * Math.max(1, Number(process.env.BENCH_RUNS) || 5),
  /** List sizes for "tasks arrive" and "Accept all" (BENCH_SIZES=50,500 overrides). */
  sizes: SIZES,
  /** The size the detailed figures are given for. */
  renderTasks: SIZES.includes(500) ? 500 : SIZES[SIZES.length - 1],
  stormTasks: 20,
  stormPerSecond: 100,
  stormSeconds: 5,
};
const DEADLINE_MS = 420_000;

async function main() {
  const chromium = findChromium();
  if (!chromium) {
    console.error(HOW_TO_INSTALL.replace('The browser tests run', 'The benchmark runs').replace('npm test', 'npm run bench'));
    return 1;
  }
  const source = ELEMENT_SOURCES[ELEMENT];
  if (source && !existsSync(new URL(`../${source}`, import.meta.url))) {
    console.error(`${source} does not exist: there is no <${ELEMENT}> to measure.`);
    return 1;
  }
  if (PLAN.sizes.length === 0) {
    console.error(`BENCH_SIZES=${process.env.BENCH_SIZES} names no list size.`);
    return 1;
  }

  const started = Date.now();
  const { server, origin } = await startBenchServer();

  let browser;
  try {
    const url = `${origin}/bench/task-list.html?element=${encodeURIComponent(ELEMENT)}`;
    const opened = await openBenchPage(chromium, url);
    browser = opened.browser;
    const { page, metrics, check } = opened;

    const { sizes, stormTasks, stormPerSecond, stormSeconds, warmups, runs } = PLAN;
    const raw = { reload: {}, acceptAll: {}, storm: [], idle: undefined };
    const measured = async (prepare, run, ...args) => {
      await page.evaluate(prepare, ...args);
      const before = await metrics();
      const result = await page.evaluate(run);
      const after = await metrics();
      return { ...result, main: delta(before, after) };
    };
    /** The list shows every task: as rows, or (virtualised) in its header and its rows' set size. */
    const checkList = (name, r, n) => {
      if (!LIST) return;
      if (r.title !== `Tasks (${n})`) throw new Error(`${name}: the list's header says "${r.title}" for ${n} tasks`);
      if (r.rows !== n && r.setSize !== n) throw new Error(`${name}: the list shows ${r.rows} rows of ${r.setSize ?? '?'} for ${n} tasks`);
    };

    // a. n tasks arrive at once (a1: short runs, so more of them); Accept all with n offers (a2)
    for (const n of sizes) {
      raw.reload[n] = [];
      raw.acceptAll[n] = [];
      for (let i = 0; i < warmups + PLAN.arriveRuns; i++) {
        const reload = await measured((k) => window.dcBench.prepareReload(k), () => window.dcBench.reload(), n);
        check();
        checkList('snapshot', reload, n);
        if (i >= warmups) raw.reload[n].push(reload);
        process.stdout.write(`\r${n} tasks arrive: run ${i + 1}/${warmups + PLAN.arriveRuns}${i < warmups ? ' (warm-up)' : ''}   `);
      }
      for (let i = 0; i < warmups + runs; i++) {
        const accept = await measured((k) => window.dcBench.prepareAcceptAll(k), () => window.dcBench.acceptAll(), n);
        check();
        checkList('Accept all', accept, n);
        if (i >= warmups) raw.acceptAll[n].push(accept);
        process.stdout.write(`\r${n} offers, Accept all: run ${i + 1}/${warmups + runs}${i < warmups ? ' (warm-up)' : ''}   `);
      }
      process.stdout.write('\n');
    }

    // b. 100 messages a second over 20 tasks, and the same list left alone for as long (the baseline)
    {
      await page.evaluate((n) => window.dcBench.prepareMessages(n), stormTasks);
      const before = await metrics();
      const idle = await page.evaluate((s) => window.dcBench.pumpMessages(0, s), stormSeconds);
      const after = await metrics();
      await page.evaluate(() => window.dcBench.finishMessages());
      raw.idle = { ...delta(before, after), wallMs: idle.wallMs, longTasks: idle.longTasks, listRenders: idle.listRenders };
      check();
      console.log(`Idle list (${stormTasks} tasks, ${stormSeconds} s, no messages): measured`);
    }
    for (let i = 0; i < warmups + runs; i++) {
      await page.evaluate((n) => window.dcBench.prepareMessages(n), stormTasks);
      const before = await metrics();
      const run = await page.evaluate((rate, s) => window.dcBench.pumpMessages(rate, s), stormPerSecond, stormSeconds);
      const after = await metrics();
      await page.evaluate(() => window.dcBench.finishMessages());
      check();
      if (run.messages !== Math.round(stormPerSecond * stormSeconds)) throw new Error(`Only ${run.messages} messages were sent`);
      if (run.unread <= 0) throw new Error('No unread message in the store after the message storm');
      if (LIST && run.rowsShowingUnread !== run.tasksWithUnread) {
        throw new Error(`${run.tasksWithUnread} tasks have unread messages but ${run.rowsShowingUnread} rows show their count`);
      }
      if (i >= warmups) raw.storm.push({ ...run, main: delta(before, after) });
      process.stdout.write(`\rMessages: run ${i + 1}/${warmups + runs}${i < warmups ? ' (warm-up)' : ''}   `);
    }
    process.stdout.write('\n');

    const machine = await describeMachine(browser);
    const report = build(raw, machine, Date.now() - started);
    console.log(`\n${report.table}\n`);
    writeFileSync(new URL('../bench/results.md', import.meta.url), report.markdown);
    const rounded = (_key, value) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value);
    writeFileSync(new URL('../bench/results.json', import.meta.url), `${JSON.stringify(report.json, rounded, 2)}\n`);
    console.log('Written: bench/results.md, bench/results.json');
    return 0;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------------
// The report

function build(raw, machine, elapsedMs) {
  const { sizes, renderTasks, stormTasks, stormPerSecond, stormSeconds, warmups, runs } = PLAN;
  const of = (list, get) => summary(list.map(get));
  // ScriptDuration leaves out script run as microtasks (Lit renders, promise callbacks): what the
  // main thread did besides layout and style is the better measure of script (plus paint and GC).
  const other = (m) => m.taskMs - m.layoutMs - m.recalcStyleMs;
  const mainOf = (list) => ({
    taskMs: of(list, (r) => r.main.taskMs),
    scriptMs: of(list, (r) => r.main.scriptMs),
    layoutMs: of(list, (r) => r.main.layoutMs),
    recalcStyleMs: of(list, (r) => r.main.recalcStyleMs),
    otherMs: of(list, (r) => other(r.main)),
    layouts: of(list, (r) => r.main.layouts),
  });
  const reloadOf = (list) => ({
    storeToPaintMs: of(list, (r) => r.storeToPaintMs),
    toPaintMs: of(list, (r) => r.toPaintMs),
    toRenderedMs: of(list, (r) => r.toRenderedMs),
    ...mainOf(list),
    listRenders: of(list, (r) => r.listRenders),
    listUpdateMs: of(list, (r) => r.listUpdateMs),
    listUpdatedMs: of(list, (r) => r.listUpdatedMs),
    rows: of(list, (r) => r.rows),
    shadowNodes: of(list, (r) => r.shadowNodes),
  });
  const acceptOf = (list) => ({
    toPaintMs: of(list, (r) => r.toPaintMs),
    toRenderedMs: of(list, (r) => r.toRenderedMs),
    ...mainOf(list),
    listRenders: of(list, (r) => r.listRenders),
    listUpdateMs: of(list, (r) => r.listUpdateMs),
    listUpdatedMs: of(list, (r) => r.listUpdatedMs),
    offersRenders: of(list, (r) => r.offersRenders),
    offersUpdateMs: of(list, (r) => r.offersUpdateMs),
  });
  const scaling = Object.fromEntries(sizes.map((n) => [n, { reload: reloadOf(raw.reload[n]), acceptAll: acceptOf(raw.acceptAll[n]) }]));
  const { reload, acceptAll: accept } = scaling[renderTasks];
  const dom = raw.reload[renderTasks][raw.reload[renderTasks].length - 1];
  const messages = raw.storm.reduce((n, r) => n + r.messages, 0);
  const perMessage = (get) => of(raw.storm, (r) => get(r.main) / r.messages);
  const idle = raw.idle;
  const idleTaskMsPerSecond = idle.taskMs / (idle.wallMs / 1000);
  const storm = {
    taskMs: perMessage((m) => m.taskMs),
    scriptMs: perMessage((m) => m.scriptMs),
    layoutMs: perMessage((m) => m.layoutMs),
    recalcStyleMs: perMessage((m) => m.recalcStyleMs),
    otherMs: perMessage(other),
    listUpdateMs: of(raw.storm, (r) => r.listUpdateMs / r.messages),
    listUpdatedMs: of(raw.storm, (r) => r.listUpdatedMs / r.messages),
    // Net of what the same list costs with no messages at all (its timers and the once-a-second tick).
    netTaskMs: of(raw.storm, (r) => (r.main.taskMs - idleTaskMsPerSecond * (r.wallMs / 1000)) / r.messages),
    busyShare: of(raw.storm, (r) => r.main.taskMs / r.wallMs),
    toPaintMs: summary(raw.storm.flatMap((r) => r.toPaintMs)),
    longTasks: of(raw.storm, (r) => r.longTasks.length),
    longestTaskMs: Math.max(0, ...raw.storm.flatMap((r) => r.longTasks)),
    listRenders: of(raw.storm, (r) => r.listRenders),
    layouts: of(raw.storm, (r) => r.main.layouts),
  };

  const n = renderTasks;
  const figures = [
    ['a1', `${n} tasks arrive in one snapshot: store change → painted`, reload.storeToPaintMs],
    ['a1', `mount of the kit → ${n} tasks painted`, reload.toPaintMs],
    ['a1', `main thread meanwhile (TaskDuration)`, reload.taskMs],
    ['a1', `of which layout / style / the rest`, [reload.layoutMs, reload.recalcStyleMs, reload.otherMs]],
    ['a1', `list: render + commit / after render`, [reload.listUpdateMs, reload.listUpdatedMs]],
    ['a2', `Accept all on ${n} offers → ${n} tasks painted`, accept.toPaintMs],
    ['a2', `main thread meanwhile (TaskDuration)`, accept.taskMs],
    ['a2', `of which layout / style / the rest`, [accept.layoutMs, accept.recalcStyleMs, accept.otherMs]],
    ['a2', `list: render + commit / after render`, [accept.listUpdateMs, accept.listUpdatedMs]],
    ['a2', `offers: render + commit`, accept.offersUpdateMs],
    ['b', `main thread per message (TaskDuration / messages)`, storm.taskMs],
    ['b', `of which layout / style / the rest`, [storm.layoutMs, storm.recalcStyleMs, storm.otherMs]],
    ['b', `main thread per message, net of the idle list`, storm.netTaskMs],
    ['b', `list per message: render + commit / after render`, [storm.listUpdateMs, storm.listUpdatedMs]],
    ['b', `message → next paint (all ${messages} messages)`, storm.toPaintMs],
  ];
  const cell = (s, key, digits) => (Array.isArray(s) ? s.map((x) => ms(x[key], digits)).join(' / ') : ms(s[key], digits));
  const keys = ['min', 'median', 'p95', 'max'];
  const texts = figures.map(([id, label, s]) => [id, label, ...keys.map((k) => cell(s, k, 2))]);
  const widths = [3, ...[1, 2, 3, 4, 5].map((i) => Math.max(...texts.map((t) => t[i].length), ['figure (ms)', ...keys][i - 1].length))];
  const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');

  // The scaling table: one line per list size.
  const mp = (s) => `${ms(s.median)} (${ms(s.p95)})`;
  const scaleHead = ['tasks', 'arrive → painted', 'list renders', 'rows / nodes in the list', 'Accept all → painted', 'list renders / ms', 'offers renders / ms', 'main thread'];
  const scaleRows = sizes.map((k) => {
    const { reload: r, acceptAll: a } = scaling[k];
    return [
      k.toLocaleString('en'),
      mp(r.storeToPaintMs),
      String(r.listRenders.median),
      `${r.rows.median} / ${r.shadowNodes.median}`,
      mp(a.toPaintMs),
      `${a.listRenders.median} / ${ms(a.listUpdateMs.median)}`,
      `${a.offersRenders.median} / ${ms(a.offersUpdateMs.median)}`,
      ms(a.taskMs.median),
    ];
  });
  const scaleWidths = scaleHead.map((h, i) => Math.max(h.length, ...scaleRows.map((r) => r[i].length)));
  const scaleLine = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(scaleWidths[i]) : c.padStart(scaleWidths[i]))).join('  ');

  const table = [
    line(['', 'figure (ms)', ...keys]),
    ...texts.map((t) => line([t[0], t[1], ...t.slice(2)])),
    '',
    'Scaling (ms, median (p95); renders and counts: medians):',
    scaleLine(scaleHead),
    ...scaleRows.map(scaleLine),
    '',
    `With ${n} tasks the list's shadow root holds ${dom.rows} rows, ${dom.shadowElements} elements, ${dom.shadowNodes} nodes in all.`,
    `For Accept all the list rendered ${accept.listRenders.median} time(s) and the offers ${accept.offersRenders.median} time(s); layouts: ${accept.layouts.median} (medians).`,
    `Messages: ${stormPerSecond}/s for ${stormSeconds} s over ${stormTasks} tasks. Main thread busy ${ms(storm.busyShare.median * 100, 0)} % of the time (the idle list: ${ms((idle.taskMs / idle.wallMs) * 100, 1)} %).`,
    `Long tasks per run: ${storm.longTasks.min} to ${storm.longTasks.max}, the longest ${ms(storm.longestTaskMs)} ms. List renders per run: ${storm.listRenders.median} for ${stormPerSecond * stormSeconds} messages (median).`,
  ].join('\n');

  const mdRow = (id, label, s) => `| ${id} | ${label} | ${keys.map((k) => cell(s, k, 2)).join(' | ')} |`;
  const markdown = `# Task list benchmark

Produced by \`npm run bench\` (scripts/bench.mjs, pages in bench/). Re-running overwrites this file and
results.json (the raw numbers, and under \`figures\` the ones bench/summary.md reads by name). These are
figures to compare runs on one machine, not limits: no test depends on them.

## Machine

${machineMarkdown(machine)}

Other work may share the ${machine.cores} cores during a run, so single figures are noisy (the slowest
runs and the long tasks most of all); compare medians, and re-run before drawing a conclusion from a
small difference.

## Figures

Milliseconds; ${runs} runs after ${warmups} warm-up run${warmups === 1 ? '' : 's'} each (a1, a second a run: ${PLAN.arriveRuns}). p95 is the nearest
rank: over ${runs} runs it is the slowest run; for "message → next paint" it is taken over every message
of the ${runs} runs. The whole benchmark took ${ms(elapsedMs / 1000, 0)} s.

| | figure (ms) | ${keys.join(' | ')} |
| --- | --- | --- | --- | --- | --- |
${figures.map(([id, label, s]) => mdRow(id, label, s)).join('\n')}

- With ${n} tasks the list's shadow root holds ${dom.rows} rows, ${dom.shadowElements} elements and ${dom.shadowNodes} nodes in all
  (text and comment nodes included).
- a1: the list rendered ${reload.listRenders.median} time(s) and the page laid out ${reload.layouts.median} time(s) (medians); its
  \`updateComplete\` resolved ${ms(reload.toRenderedMs.median)} ms after the mount.
- a2: the list rendered ${accept.listRenders.median} time(s), the offers ${accept.offersRenders.median} time(s), and the page laid out
  ${accept.layouts.median} time(s) (medians) for ${n} accepts; their \`updateComplete\` resolved ${ms(accept.toRenderedMs.median)} ms after the click.
- b: the main thread was busy ${ms(storm.busyShare.median * 100, 0)} % of the ${stormSeconds} s (median run); the same list with no messages:
  ${ms((idle.taskMs / idle.wallMs) * 100, 1)} % (${ms(idleTaskMsPerSecond, 1)} ms a second: timers and the once-a-second tick). Long tasks (over
  50 ms) per run: ${storm.longTasks.min} to ${storm.longTasks.max}, the longest ${ms(storm.longestTaskMs)} ms. The list rendered ${storm.listRenders.median} times and the page
  laid out ${storm.layouts.median} times per run for ${stormPerSecond * stormSeconds} messages (medians).

## Scaling

Milliseconds, median (p95) over ${PLAN.arriveRuns} runs (a1) and ${runs} (a2); renders, rows and nodes are medians. "Arrive → painted" is a1
(store change → painted), "Accept all → painted" is a2; "main thread" is a2's TaskDuration.

| ${scaleHead.join(' | ')} |
| ${scaleHead.map(() => '---').join(' | ')} |
${scaleRows.map((r) => `| ${r.join(' | ')} |`).join('\n')}

## What was measured, and how

The bench serves the sources with @web/dev-server and esbuild (no build, as \`npm start\` does: Lit runs
its development build), opens bench/task-list.html in headless Chromium through puppeteer-core, and
measures inside the page with \`performance.now()\`. The page mounts \`<dc-provider>\` around
\`<${ELEMENT}>\` in a 24 rem pane of a 1280 × 800 viewport, on the simulated contact centre with no
latency and one chat media whose capacity is the number of tasks. Tasks reach the store only through the
backend, its commands and its event stream; nothing is written into the store by hand. "Painted" is the
end of the first frame that shows the result: the page checks, as each frame ends (the first task after
it, when the DOM is what that frame painted), whether the list's header counts the n tasks and its rows
are there (all of them, or, virtualised, rows that say they are among n), and for Accept all that no
offer is left; the page watches its own \`requestAnimationFrame\` calls to know when a frame ends. It
reads the screen rather than the elements' \`updateComplete\`, which for a virtualised list waits until
its rows have settled, frames after they are on screen. Main-thread time comes from the Chrome DevTools
Protocol (\`Performance.getMetrics\`: TaskDuration, ScriptDuration, LayoutDuration, RecalcStyleDuration,
LayoutCount), read just before and just after the measured part, as thread time (\`timeDomain:
'threadTicks'\`) rather than wall time, so that the other work on the machine does not inflate it. It
counts everything the page's main thread did, the simulated server and the store included. "The rest" is
TaskDuration less layout and style: mostly script, plus paint recording and garbage collection.
(ScriptDuration, in results.json, leaves out script run as microtasks, which is where Lit renders, so it
reads far too low here.) "Render + commit / after render" is wall time spent in an element's own
\`update()\` (its template and the DOM changes) and \`updated()\` (its work after a render: a layout forced
there counts here), summed over its renders: the bench wraps those two methods of the mounted element.
A virtualised list renders its rows in the virtualizer's own updates as well; their time is in the main
thread's figure, not in the list's.

- **a1, n tasks in one store change** (a reload, FAIL-3, or a reconnection, FAIL-2): the simulated
  server first takes n chats, accepted, with no kit on the page; then the kit is mounted, and its first
  snapshot puts them all in the store in one change. From that change (a store subscriber notes it) to
  the paint, and from the mount to the paint.
- **a2, Accept all with n offers on show** (OFFER-6): \`<dc-offers>\` sits beside the list, as on the
  desktop; the agent signs in and goes Ready through the store, n offers arrive and show, then the bench
  clicks the offers' Accept all button (each offer is asked for on its own, \`dc-before-accept\`). The
  backend runs on a manual clock that releases its n confirmations back to back, each an "accepted"
  event the store applies (and each makes the accepted task the one on show, OFFER-2). From the click
  to the paint of the n tasks.
- **b, ${stormPerSecond} customer messages a second over ${stormTasks} tasks** (TASK-5): ${stormTasks} accepted chats on the real clock, the last
  one on show (its messages are read at once; the other ${stormTasks - 1} rows count unread messages, checked at the
  end against the store). For ${stormSeconds} s a 5 ms timer calls \`backend.customerMessage(id)\` round-robin,
  keeping to ${stormPerSecond} a second. Main-thread time is divided by the number of messages; "net of the idle
  list" first takes away what a ${stormSeconds} s run with no message costs. Long tasks come from a
  \`PerformanceObserver\` ('longtask'). "Message → next paint" runs from the \`customerMessage()\` call
  to a task posted from the next \`requestAnimationFrame\` callback, which runs once that frame is out.
`;

  // Figures by stable name, for scripts/bench-summary.mjs (and anyone comparing runs).
  const named = {};
  for (const k of sizes) {
    const { reload: r, acceptAll: a } = scaling[k];
    named[`tasks.arrive.${k}`] = { unit: 'ms', what: `${k} tasks arrive in one snapshot: store change → painted`, ...r.storeToPaintMs };
    named[`tasks.arrive.${k}.mount`] = { unit: 'ms', what: `mount of the kit → ${k} tasks painted`, ...r.toPaintMs };
    named[`tasks.arrive.${k}.main`] = { unit: 'ms', what: 'main thread (TaskDuration)', ...r.taskMs };
    named[`tasks.arrive.${k}.listRenders`] = { unit: 'renders', what: 'list renders', ...r.listRenders };
    named[`tasks.arrive.${k}.rows`] = { unit: 'rows', what: 'rows in the list’s DOM', ...r.rows };
    named[`tasks.acceptAll.${k}`] = { unit: 'ms', what: `Accept all on ${k} offers → painted`, ...a.toPaintMs };
    named[`tasks.acceptAll.${k}.main`] = { unit: 'ms', what: 'main thread (TaskDuration)', ...a.taskMs };
    named[`tasks.acceptAll.${k}.listRenders`] = { unit: 'renders', what: 'list renders', ...a.listRenders };
    named[`tasks.acceptAll.${k}.listUpdate`] = { unit: 'ms', what: 'list: render + commit, all renders', ...a.listUpdateMs };
    named[`tasks.acceptAll.${k}.offersRenders`] = { unit: 'renders', what: 'offers renders', ...a.offersRenders };
    named[`tasks.acceptAll.${k}.offersUpdate`] = { unit: 'ms', what: 'offers: render + commit, all renders', ...a.offersUpdateMs };
  }
  named[`tasks.messages.${stormTasks}.main`] = { unit: 'ms', what: 'main thread per customer message, 20 tasks, list only', ...storm.taskMs };
  named[`tasks.messages.${stormTasks}.paint`] = { unit: 'ms', what: 'customer message → next paint, list only', ...storm.toPaintMs };

  const round = (x) => Math.round(x * 100) / 100;
  const json = {
    plan: PLAN,
    element: ELEMENT,
    machine,
    elapsedMs,
    figures: named,
    summary: { scaling, reload, acceptAll: accept, storm, idle },
    raw: {
      ...raw,
      storm: raw.storm.map((r) => ({ ...r, toPaintMs: r.toPaintMs.map(round), longTasks: r.longTasks.map(round) })),
    },
  };
  return { table, markdown, json };
}

runBenchmark(main, DEADLINE_MS);
