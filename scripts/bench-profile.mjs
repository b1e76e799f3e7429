// `npm run bench:profile [-- accept-all|messages] [tasks]`: where the main thread's time goes in one
// benchmark scenario, from a CPU profile of the page (the DevTools Protocol's sampling profiler, 100 µs).
// Prints the functions with the most self time, and the kit's files with the most time in them
// (self time of every function in the file). Profile before optimising; compare before and after.
import { findChromium, HOW_TO_INSTALL } from './chromium.mjs';
import { openBenchPage, runBenchmark, startBenchServer } from './bench-support.mjs';

const SCENARIO = process.argv[2] ?? 'accept-all';
const TASKS = Number(process.argv[3]) || (SCENARIO === 'accept-all' ? 500 : 20);

const SCENARIOS = {
  'accept-all': {
    prepare: (n) => window.dcBench.prepareAcceptAll(n),
    run: () => window.dcBench.acceptAll(),
  },
  // Customer messages for background tasks, 100 a second for 2 s.
  messages: {
    prepare: (n) => window.dcBench.prepareMessages(n),
    run: async () => {
      await window.dcBench.pumpMessages(100, 2);
      await window.dcBench.finishMessages();
    },
  },
};

async function main() {
  const chromium = findChromium();
  if (!chromium) {
    console.error(HOW_TO_INSTALL);
    return 1;
  }
  const scenario = SCENARIOS[SCENARIO];
  if (!scenario) {
    console.error(`Unknown scenario ${SCENARIO} (known: ${Object.keys(SCENARIOS).join(', ')})`);
    return 1;
  }
  const { server, origin } = await startBenchServer();
  let browser;
  try {
    const opened = await openBenchPage(chromium, `${origin}/bench/task-list.html?element=dc-task-list`);
    browser = opened.browser;
    const { page, check } = opened;
    // A warm-up, so that the profile shows the steady state and not the first compilation.
    await page.evaluate(scenario.prepare, TASKS);
    await page.evaluate(scenario.run);
    await page.evaluate(scenario.prepare, TASKS);
    const cdp = await page.target().createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.evaluate(scenario.run);
    const { profile } = await cdp.send('Profiler.stop');
    check();

    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map();
    const dt = profile.timeDeltas;
    for (let i = 0; i < profile.samples.length; i++) {
      const id = profile.samples[i];
      self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0) / 1000);
    }
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    const fn = new Map();
    const file = new Map();
    for (const [id, t] of self) {
      const { callFrame: c } = byId.get(id);
      const where = c.url ? c.url.replace(origin, '').replace(/\?.*$/, '') : '(native)';
      const name = `${c.functionName || '(anonymous)'}  ${where}:${c.lineNumber + 1}`;
      fn.set(name, (fn.get(name) ?? 0) + t);
      const key = c.url ? where : c.functionName || '(native)';
      file.set(key, (file.get(key) ?? 0) + t);
    }
    const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
    console.log(`Profile of "${SCENARIO}" with ${TASKS} tasks: ${total.toFixed(1)} ms of samples\n`);
    console.log('Self time by function:');
    for (const [k, t] of top(fn, 30)) console.log(`  ${t.toFixed(1).padStart(8)} ms  ${k}`);
    console.log('\nSelf time by file:');
    for (const [k, t] of top(file, 20)) console.log(`  ${t.toFixed(1).padStart(8)} ms  ${k}`);
    return 0;
  } finally {
    await browser?.close();
    await server.stop?.();
  }
}

runBenchmark(main, 300_000);
