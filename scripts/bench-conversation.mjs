// `npm run bench` (second part): the conversation. Opens a 10,000-message thread (time to the first
// paint, DOM size), measures incoming message → paint with that thread open, and the cost of a
// keystroke in the composer (real key events from the DevTools Protocol). Prints a table and writes
// bench/conversation.md and bench/conversation.json. Figures, not assertions.
import { writeFileSync } from 'node:fs';
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

const PLAN = {
  warmups: 1,
  runs: 5,
  threadMessages: 10_000,
  smallThread: 100,
  incoming: 60,
  incomingPerSecond: 10,
  keys: 200,
  keyDelayMs: 25,
};
const DEADLINE_MS = 240_000;
const TYPED = 'Bonjour Camille, votre commande part demain matin. Merci de votre patience ! ';

async function main() {
  const chromium = findChromium();
  if (!chromium) {
    console.error(HOW_TO_INSTALL.replace('The browser tests run', 'The benchmark runs').replace('npm test', 'npm run bench'));
    return 1;
  }
  const started = Date.now();
  const { server, origin } = await startBenchServer();
  let browser;
  try {
    const opened = await openBenchPage(chromium, `${origin}/bench/conversation.html`);
    browser = opened.browser;
    const { page, metrics, check } = opened;
    const { warmups, runs, threadMessages, smallThread, incoming, incomingPerSecond, keys, keyDelayMs } = PLAN;
    const raw = { open: [], openSmall: [], incoming: [], typing: [] };

    for (let i = 0; i < warmups + runs; i++) {
      const small = await page.evaluate((n) => window.dcBench.openThread(n), smallThread);
      const before = await metrics();
      const open = await page.evaluate((n) => window.dcBench.openThread(n), threadMessages);
      const after = await metrics();
      check();
      if (i >= warmups) {
        raw.openSmall.push(small);
        raw.open.push({ ...open, main: delta(before, after) });
      }
      process.stdout.write(`\rOpen a thread: run ${i + 1}/${warmups + runs}${i < warmups ? ' (warm-up)' : ''}   `);
    }
    process.stdout.write('\n');

    // The last 10,000-message thread stays open for what follows.
    for (let i = 0; i < runs; i++) {
      const run = await page.evaluate((n, rate) => window.dcBench.incoming(n, rate), incoming / runs, incomingPerSecond);
      check();
      raw.incoming.push(run);
    }
    console.log(`Incoming messages: ${incoming} measured`);

    await page.evaluate(() => window.dcBench.prepareTyping());
    for (let i = 0; i < runs; i++) {
      const text = TYPED.repeat(Math.ceil(keys / runs / TYPED.length)).slice(0, keys / runs);
      const before = await metrics();
      const t0 = Date.now();
      await page.keyboard.type(text, { delay: keyDelayMs });
      await new Promise((r) => setTimeout(r, 200));
      const wallMs = Date.now() - t0;
      const after = await metrics();
      check();
      raw.typing.push({ chars: text.length, wallMs, main: delta(before, after) });
    }
    const typed = await page.evaluate(() => window.dcBench.typed());
    check();
    const machine = await describeMachine(browser);
    const report = build(raw, typed, machine, Date.now() - started);
    console.log(`\n${report.table}\n`);
    writeFileSync(new URL('../bench/conversation.md', import.meta.url), report.markdown);
    const rounded = (_key, value) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value);
    writeFileSync(new URL('../bench/conversation.json', import.meta.url), `${JSON.stringify({ machine, plan: PLAN, raw, typed }, rounded, 2)}\n`);
    console.log('Written: bench/conversation.md, bench/conversation.json');
    return 0;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop().catch(() => {});
  }
}

function build(raw, typed, machine, elapsedMs) {
  const { runs, threadMessages, smallThread, incoming, incomingPerSecond, keys, keyDelayMs } = PLAN;
  const of = (list, get) => summary(list.map(get));
  const open = {
    toPaintMs: of(raw.open, (r) => r.toPaintMs),
    taskMs: of(raw.open, (r) => r.main.taskMs),
    small: of(raw.openSmall, (r) => r.toPaintMs),
  };
  const dom = raw.open[raw.open.length - 1];
  const small = raw.openSmall[raw.openSmall.length - 1];
  const incomingPaint = summary(raw.incoming.flatMap((r) => r.toPaintMs));
  const perKey = of(raw.typing, (r) => r.main.taskMs / r.chars);
  const busy = of(raw.typing, (r) => r.main.taskMs / r.wallMs);
  const keyPaint = summary(typed.toPaintMs);
  const figures = [
    ['a', `open a ${threadMessages.toLocaleString('en')}-message thread: mount → newest message painted`, open.toPaintMs],
    ['a', `main thread meanwhile (TaskDuration)`, open.taskMs],
    ['a', `open a ${smallThread}-message thread: mount → painted`, open.small],
    ['b', `incoming message event → painted in the open ${threadMessages.toLocaleString('en')}-message thread (${incoming} messages)`, incomingPaint],
    ['c', `composer: main thread per keystroke (TaskDuration / keys)`, perKey],
    ['c', `composer: key event → next frame presented (${typed.keys} keys)`, keyPaint],
  ];
  const keysOf = ['min', 'median', 'p95', 'max'];
  const texts = figures.map(([id, label, s]) => [id, label, ...keysOf.map((k) => ms(s[k], 2))]);
  const widths = [2, ...[1, 2, 3, 4, 5].map((i) => Math.max(...texts.map((t) => t[i].length), ['figure (ms)', ...keysOf][i - 1].length))];
  const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const domLine = `With ${threadMessages.toLocaleString('en')} messages the thread's DOM holds ${dom.elements} elements and ${dom.nodes} nodes (${dom.bubbles} bubbles); with ${smallThread}: ${small.elements} elements, ${small.nodes} nodes (${small.bubbles} bubbles).`;
  const busyLine = `Typing at one key every ${keyDelayMs} ms kept the main thread busy ${ms(busy.median * 100, 0)} % of the time; the composer rendered ${typed.composerRenders} times for ${typed.keys} keys.`;
  const table = [line(['', 'figure (ms)', ...keysOf]), ...texts.map((t) => line(t)), '', domLine, busyLine].join('\n');
  const markdown = `# Conversation benchmark

Produced by \`npm run bench\` (scripts/bench-conversation.mjs, page bench/conversation.ts). Re-running
overwrites this file and conversation.json (the raw numbers). Figures to compare runs on one machine, not
limits: no test depends on them.

## Machine

${machineMarkdown(machine)}

Other work may share the cores during a run: compare medians, and re-run before drawing a conclusion
from a small difference.

## Figures

Milliseconds; ${runs} runs after a warm-up for the thread openings. The whole benchmark took
${Math.round(elapsedMs / 1000)} s.

| | figure (ms) | min | median | p95 | max |
| --- | --- | --- | --- | --- | --- |
${texts.map((t) => `| ${t.join(' | ')} |`).join('\n')}

- ${domLine}
- ${busyLine}

## What is measured

- **a**: a simulated centre with one accepted chat whose earlier history holds ${threadMessages.toLocaleString('en')}
  messages, already loaded into the store (\`loadHistory\`). Timed from the moment \`<dc-chat-thread>\` is
  put in the page to two animation frames after the newest message is in its DOM. The virtualiser keeps
  only the rows near the view in the DOM, so the node count does not grow with the history.
- **b**: with that thread open and pinned to the bottom, the simulated customer writes ${incoming} messages at
  ${incomingPerSecond} a second; each is timed from the backend emitting it (event → store → thread) to
  two frames after its text is in the thread's DOM.
- **c**: \`<dc-composer>\` under the thread; ${keys} characters typed as real key events (DevTools
  Protocol), one every ${keyDelayMs} ms. Main-thread time (the DevTools Protocol's TaskDuration, all work on the
  page including the thread's once-a-second timer) divided by the number of keys; and, inside the page,
  from each key event's timestamp to just after the frame that follows it is presented.
`;
  return { table, markdown };
}

runBenchmark(main, DEADLINE_MS);
