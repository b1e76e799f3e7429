// `npm run bench` (second part): the conversation. Opens threads of 100 to 50,000 messages, each on a
// fresh page (time to the newest message painted, DOM size), beside plain Lit rendering every row;
// times an incoming message in the open thread and one for a task in the background of the whole
// desktop (main-thread time per message, and event → paint); and the cost of a keystroke in the
// composer (real key events from the DevTools Protocol). Prints a table and writes
// bench/conversation.md and bench/conversation.json. Figures, not assertions.
import { writeFileSync } from 'node:fs';
import {
  delta,
  describeMachine,
  loadBenchPage,
  machineMarkdown,
  ms,
  openBenchPage,
  runBenchmark,
  startBenchServer,
  summary,
} from './bench-support.mjs';
import { findChromium, HOW_TO_INSTALL } from './chromium.mjs';

const PLAN = {
  /** Thread openings: messages in the history → runs, each on a fresh page. */
  open: { 100: 3, 1000: 3, 10_000: 5, 50_000: 3 },
  /** The same openings with plain Lit rendering every row (50,000 would take the better part of a minute). */
  plain: { 100: 3, 1000: 3, 10_000: 3 },
  /** Incoming messages in the open thread: history sizes, messages timed (after a few untimed). */
  incomingHistory: [100, 1000, 10_000],
  incomingMessages: 40,
  /** Messages for tasks in the background of the whole desktop: task counts. */
  desktopTasks: [5, 20, 100],
  desktopHistory: 1000,
  desktopMessages: 40,
  warmupMessages: 5,
  /** Wall-clock "event → painted" in the 10,000-message thread, as before: messages at a steady rate. */
  streamed: 60,
  streamedPerSecond: 10,
  runs: 5,
  keys: 200,
  keyDelayMs: 25,
};
const DEADLINE_MS = 540_000;
const TYPED = 'Bonjour Camille, votre commande part demain matin. Merci de votre patience ! ';

async function main() {
  const chromium = findChromium();
  if (!chromium) {
    console.error(HOW_TO_INSTALL.replace('The browser tests run', 'The benchmark runs').replace('npm test', 'npm run bench'));
    return 1;
  }
  const started = Date.now();
  const { server, origin } = await startBenchServer();
  const url = `${origin}/bench/conversation.html`;
  let browser;
  try {
    const opened = await openBenchPage(chromium, url);
    browser = opened.browser;
    const { page, metrics, check } = opened;
    const fresh = () => loadBenchPage(page, url);
    const raw = { open: {}, plain: {}, incoming: {}, desktop: {}, streamed: [], typing: [], bare: [] };

    // One untimed opening first: the browser's caches of the page's code are warm for every run after.
    await page.evaluate((n) => window.dcBench.openThread(n), 100);

    for (const [what, plan, kind] of [
      ['open', PLAN.open, 'thread'],
      ['plain', PLAN.plain, 'plain'],
    ]) {
      for (const [n, runs] of Object.entries(plan)) {
        const list = (raw[what][n] = []);
        for (let i = 0; i < runs; i++) {
          await fresh();
          await page.evaluate((m) => window.dcBench.prepareOpen(m), Number(n));
          const before = await metrics();
          const run = await page.evaluate((k) => window.dcBench.mount(k), kind);
          const after = await metrics();
          check();
          list.push({ ...run, main: delta(before, after) });
          process.stdout.write(`\r${what === 'open' ? 'Open a thread' : 'Plain Lit'}: ${Number(n).toLocaleString('en')} messages, run ${i + 1}/${runs}      `);
        }
      }
    }
    process.stdout.write('\n');

    /** Times `count` messages one by one, each between two ticks: main thread (TaskDuration) and wall. */
    const timeEach = async (fn, count) => {
      const out = [];
      for (let i = 0; i < PLAN.warmupMessages + count; i++) {
        await page.evaluate(() => window.dcBench.quiet());
        const before = await metrics();
        const wallMs = await page.evaluate((f) => window.dcBench[f](), fn);
        const after = await metrics();
        if (i >= PLAN.warmupMessages) out.push({ wallMs, main: delta(before, after) });
      }
      check();
      return out;
    };

    for (const history of PLAN.incomingHistory) {
      await fresh();
      await page.evaluate((n) => window.dcBench.openThread(n), history);
      raw.incoming[history] = await timeEach('incomingOne', PLAN.incomingMessages);
      process.stdout.write(`\rIncoming message, open thread: ${history.toLocaleString('en')}-message history      `);
    }
    process.stdout.write('\n');

    for (const tasks of PLAN.desktopTasks) {
      await fresh();
      await page.evaluate((t, h) => window.dcBench.openDesktop(t, h), tasks, PLAN.desktopHistory);
      raw.desktop[tasks] = await timeEach('backgroundOne', PLAN.desktopMessages);
      process.stdout.write(`\rIncoming message, background task: ${tasks} tasks      `);
    }
    process.stdout.write('\n');

    // The 10,000-message thread: messages at a steady rate, event → paint, then the composer below it.
    await fresh();
    await page.evaluate((n) => window.dcBench.openThread(n), 10_000);
    for (let i = 0; i < PLAN.runs; i++) {
      const run = await page.evaluate((n, rate) => window.dcBench.incoming(n, rate), PLAN.streamed / PLAN.runs, PLAN.streamedPerSecond);
      check();
      raw.streamed.push(run);
    }
    /** PLAN.keys characters typed as real key events, in PLAN.runs runs: main thread and wall time of each. */
    const typeRuns = async () => {
      const runs = [];
      for (let i = 0; i < PLAN.runs; i++) {
        const text = TYPED.repeat(Math.ceil(PLAN.keys / PLAN.runs / TYPED.length)).slice(0, PLAN.keys / PLAN.runs);
        const before = await metrics();
        const t0 = Date.now();
        await page.keyboard.type(text, { delay: PLAN.keyDelayMs });
        await new Promise((r) => setTimeout(r, 200));
        const wallMs = Date.now() - t0;
        const after = await metrics();
        check();
        runs.push({ chars: text.length, wallMs, main: delta(before, after) });
      }
      return runs;
    };
    await page.evaluate(() => window.dcBench.prepareTyping());
    raw.typing = await typeRuns();
    const typed = await page.evaluate(() => window.dcBench.typed());
    check();
    // The same keys into a bare <textarea> on the same page: the cost of a keystroke without the kit.
    await page.evaluate(() => window.dcBench.prepareBareTyping());
    raw.bare = await typeRuns();
    const machine = await describeMachine(browser);
    const report = build(raw, typed, machine, Date.now() - started);
    console.log(`\n${report.table}\n`);
    writeFileSync(new URL('../bench/conversation.md', import.meta.url), report.markdown);
    const rounded = (_key, value) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value);
    const figures = namedFigures(raw);
    writeFileSync(new URL('../bench/conversation.json', import.meta.url), `${JSON.stringify({ machine, plan: PLAN, figures, raw, typed }, rounded, 2)}\n`);
    console.log('Written: bench/conversation.md, bench/conversation.json');
    return 0;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop().catch(() => {});
  }
}

/** The figures bench/summary.md reads by name (scripts/bench-summary.mjs lists them). */
function namedFigures(raw) {
  const figure = (unit, what, xs) => ({ unit, what, ...summary(xs) });
  const out = {
    'thread.open.10000': figure('ms', 'open a 10,000-message thread, fresh page → newest message painted', raw.open[10_000].map((r) => r.toPaintMs)),
    'thread.open.10000.nodes': figure('nodes', 'DOM nodes of the open 10,000-message thread', raw.open[10_000].map((r) => r.nodes)),
    'thread.incoming.1000': figure('ms', 'main thread per incoming message, open thread, 1,000-message history', raw.incoming[1000].map((r) => r.main.taskMs)),
    'desktop.incoming.background.20': figure('ms', 'main thread per incoming message for a background task, 20 tasks, whole desktop', raw.desktop[20].map((r) => r.main.taskMs)),
    'desktop.keystroke': figure('ms', 'main thread per keystroke in the composer under the open thread', raw.typing.map((r) => r.main.taskMs / r.chars)),
  };
  if (raw.plain[10_000]) out['thread.open.10000.plainLit'] = figure('ms', 'plain Lit rendering every message, same run', raw.plain[10_000].map((r) => r.toPaintMs));
  if (raw.incoming[10_000]) out['thread.incoming.10000'] = figure('ms', 'the same with a 10,000-message history', raw.incoming[10_000].map((r) => r.main.taskMs));
  if (raw.bare.length) out['textarea.keystroke'] = figure('ms', 'main thread per keystroke in a bare <textarea>, same page', raw.bare.map((r) => r.main.taskMs / r.chars));
  return out;
}

const n = (x) => Number(x).toLocaleString('en');
const KEYS = ['min', 'median', 'p95', 'max'];

/** A Markdown table and its plain-text twin, figures right-aligned. */
function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const text = [head, ...rows].map((r) => r.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')).join('\n');
  const markdown = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  return { text, markdown };
}

function build(raw, typed, machine, elapsedMs) {
  const stats = (xs) => summary(xs);
  const cells = (s, digits = 1) => KEYS.map((k) => ms(s[k], digits));
  const openOf = (n) => stats(raw.open[n].map((r) => r.toPaintMs));
  const plainOf = (n) => (raw.plain[n] ? stats(raw.plain[n].map((r) => r.toPaintMs)) : undefined);
  const last = (list) => list[list.length - 1];

  // Headline figures: the goals of the issue that asked for them, beside what was measured.
  const open10k = openOf(10_000);
  const plain10k = plainOf(10_000);
  const dom10k = last(raw.open[10_000]);
  const inThread = stats(raw.incoming[1000].map((r) => r.main.taskMs));
  const inDesktop = stats(raw.desktop[20].map((r) => r.main.taskMs));
  const headline = table(
    ['', 'figure', 'measured', 'goal'],
    [
      ['a', 'open a 10,000-message thread, fresh page → newest message painted (median ms)', ms(open10k.median), '≤ 50'],
      ['a', 'plain Lit rendering every row, same run (median ms)', ms(plain10k.median), '—'],
      ['a', 'how many times faster than plain Lit', `${ms(plain10k.median / open10k.median)}×`, '≥ 20×'],
      ['a', "the thread's DOM nodes (text and comments included)", String(dom10k.nodes), '≤ 400'],
      ['b', 'incoming message in the open thread, 1,000-message history: main thread p95 (ms)', ms(inThread.p95, 2), '≤ 6'],
      ['d', 'incoming message for a background task, 20 tasks, whole desktop: main thread p95 (ms)', ms(inDesktop.p95, 2), '≤ 4'],
    ],
  );

  const openRows = Object.keys(raw.open).map((k) => {
    const s = openOf(k);
    const p = plainOf(k);
    const d = last(raw.open[k]);
    const main = stats(raw.open[k].map((r) => r.main.taskMs));
    return [n(k), ms(s.median), ms(s.p95), ms(main.median), p ? ms(p.median) : '—', p ? `${ms(p.median / s.median)}×` : '—', d.elements, d.nodes, d.bubbles];
  });
  const opening = table(
    ['messages', 'to paint, median', 'p95', 'main thread, median', 'plain Lit, median', 'faster', 'elements', 'nodes', 'bubbles'],
    openRows,
  );

  const perMessage = (list) => {
    const main = stats(list.map((r) => r.main.taskMs));
    const wall = stats(list.map((r) => r.wallMs));
    const layouts = stats(list.map((r) => r.main.layouts));
    return [...cells(main, 2), ms(wall.median), ms(wall.p95), ms(layouts.median, 0)];
  };
  const incomingRows = [
    ...Object.keys(raw.incoming).map((k) => [`open thread, ${n(k)}-message history`, ...perMessage(raw.incoming[k])]),
    ...Object.keys(raw.desktop).map((k) => [`background task, ${k} tasks, whole desktop`, ...perMessage(raw.desktop[k])]),
  ];
  const incoming = table(
    ['incoming message', 'main min', 'main median', 'main p95', 'main max', 'to paint, median', 'to paint, p95', 'layouts'],
    incomingRows,
  );

  const streamed = stats(raw.streamed.flatMap((r) => r.toPaintMs));
  const perKey = stats(raw.typing.map((r) => r.main.taskMs / r.chars));
  const busy = stats(raw.typing.map((r) => r.main.taskMs / r.wallMs));
  const keyPaint = stats(typed.toPaintMs);
  const other = table(
    ['', 'figure (ms)', ...KEYS],
    [
      ['b', `incoming message event → painted, 10,000-message thread, ${PLAN.streamedPerSecond} a second (${PLAN.streamed} messages)`, ...cells(streamed)],
      ['c', 'composer: main thread per keystroke (TaskDuration / keys)', ...cells(perKey, 2)],
      ['c', `composer: key event → next frame presented (${typed.keys} keys)`, ...cells(keyPaint)],
    ],
  );
  const busyLine = `Typing at one key every ${PLAN.keyDelayMs} ms kept the main thread busy ${ms(busy.median * 100, 0)} % of the time; the composer rendered ${typed.composerRenders} times for ${typed.keys} keys.`;
  const text = ['Goals', headline.text, '', 'Opening a thread (ms)', opening.text, '', 'Incoming messages (ms)', incoming.text, '', other.text, '', busyLine].join('\n');
  const markdown = `# Conversation benchmark

Produced by \`npm run bench\` (scripts/bench-conversation.mjs, pages bench/conversation.ts and
bench/plain-thread.ts). Re-running overwrites this file and conversation.json (the raw numbers). Figures
to compare runs on one machine, not limits: no test depends on them.

## Machine

${machineMarkdown(machine)}

Other work may share the cores during a run: compare medians, and re-run before drawing a conclusion
from a small difference. The whole benchmark took ${Math.round(elapsedMs / 1000)} s.

## Goals

${headline.markdown}

## Opening a thread

Milliseconds, each run on a fresh page; plain Lit is the same conversation with every row rendered.

${opening.markdown}

## Incoming messages

Milliseconds per message, ${PLAN.incomingMessages} messages timed one by one after ${PLAN.warmupMessages} untimed; "layouts" is the
median number of layouts the page ran for one message.

${incoming.markdown}

## Streamed messages and the composer

${other.markdown}

- ${busyLine}

## What is measured

- **Opening a thread (a)**: a simulated centre with one accepted chat whose earlier history holds the
  number of messages given, already loaded into the store (\`loadHistory\`), on a page loaded afresh
  for every run (after one untimed page, so that the browser's code caches are warm as they are for an
  agent). Timed from the moment \`<dc-chat-thread>\` is put in the page to two animation frames after
  the newest message is in its DOM; "main thread" is the DevTools Protocol's TaskDuration over the same
  span (from the mount: the centre and the store are ready before). DOM size counts every node in the thread's shadow root (text and comment nodes too). "Plain Lit"
  is bench/plain-thread.ts: the model's rows, every one rendered with \`repeat\` in markup like the
  thread's, opened at the newest message, timed the same way in the same run.
- **Incoming message (b, d)**: the simulated customer writes one message; timed from the backend
  emitting it (event → store → elements) to two frames after it is shown (in the open thread: its text
  in the thread's DOM; in the background: in the store, the task list and the header counting it).
  "Main" is the DevTools Protocol's TaskDuration (thread time) read just before and just after each
  message; each message is sent between two of the kit's one-second ticks, so the figure is the
  message's own work, the simulated server and the store included. In the whole desktop
  (\`<dc-desktop>\`, 72 rem wide) the last accepted task is on show with a
  ${n(PLAN.desktopHistory)}-message history, and the messages go to the other tasks in turn.
- **Streamed (b)**: with a 10,000-message thread open and following, the customer writes
  ${PLAN.streamed} messages at ${PLAN.streamedPerSecond} a second; each from the event to two frames after its text is in the DOM.
- **Composer (c)**: \`<dc-composer>\` under that thread; ${PLAN.keys} characters typed as real key events
  (DevTools Protocol), one every ${PLAN.keyDelayMs} ms. Main-thread time divided by the number of keys;
  and, inside the page, from each key event's timestamp to just after the frame that follows it is
  presented.
`;
  return { table: text, markdown };
}

runBenchmark(main, DEADLINE_MS);
