// What the benchmarks share: small statistics, a dev server serving the sources without a build (as
// `npm start` does), headless Chromium with the DevTools Protocol's main-thread metrics, and the
// machine's description for the reports.
import { createServer } from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import { HEADLESS_ARGS } from './chromium.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));

const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** Nearest-rank percentile. */
export function percentile(xs, p) {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
export const median = (xs) => {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
export function summary(xs) {
  return { n: xs.length, min: Math.min(...xs), median: median(xs), p95: percentile(xs, 95), max: Math.max(...xs) };
}
export const ms = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Serves the repository's sources (TypeScript compiled on the fly) on a free local port. */
export async function startBenchServer() {
  const port = await freePort();
  const server = await startDevServer({
    config: {
      rootDir: root,
      nodeResolve: { exportConditions: ['development'] },
      hostname: '127.0.0.1',
      port,
      open: false,
      watch: false,
      plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** Loads `url` afresh in `page` and waits for its `window.dcBench` (throws what the page reported). */
export async function loadBenchPage(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.dcBench || window.dcBenchError, { timeout: 30_000 });
  const error = await page.evaluate(() => window.dcBenchError);
  if (error) throw new Error(error);
}

/**
 * Opens `url` in headless Chromium and waits for the page's `window.dcBench`. Returns the page, a
 * reader of the main thread's metrics, and `check()`, which throws if the page reported an error.
 */
export async function openBenchPage(chromium, url, viewport = { width: 1280, height: 800 }) {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: HEADLESS_ARGS.filter((arg) => !arg.startsWith('--headless')),
    defaultViewport: viewport,
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error?.message ?? error)));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`);
  });
  await loadBenchPage(page, url);
  const cdp = await page.target().createCDPSession();
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const metrics = async () => {
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(list.map((m) => [m.name, m.value]));
  };
  const check = () => {
    if (pageErrors.length) throw new Error(`The page reported errors:\n  ${pageErrors.join('\n  ')}`);
  };
  return { browser, page, metrics, check };
}

/** Main-thread time between two readings of the DevTools Protocol's metrics (seconds → ms). */
export function delta(before, after) {
  const d = (name) => (after[name] - before[name]) * 1000;
  return {
    taskMs: d('TaskDuration'),
    scriptMs: d('ScriptDuration'),
    layoutMs: d('LayoutDuration'),
    recalcStyleMs: d('RecalcStyleDuration'),
    layouts: after.LayoutCount - before.LayoutCount,
    styleRecalcs: after.RecalcStyleCount - before.RecalcStyleCount,
  };
}

export async function describeMachine(browser) {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    browser: await browser.version(),
    date: new Date().toISOString(),
  };
}

/** The machine table of a report, in Markdown. */
export function machineMarkdown(machine) {
  return `| | |
| --- | --- |
| CPU | ${machine.cpu} × ${machine.cores} |
| Memory | ${machine.memoryGb} GB |
| System | ${machine.platform} |
| Browser | ${machine.browser} (headless, \`--disable-gpu\`) |
| Node | ${machine.node} |
| Date | ${machine.date} |
| Load average at the end (1, 5, 15 min) | ${machine.loadAverage.join(', ')} |`;
}

/** Stops the process with a message if the benchmark runs past `deadlineMs`, then runs `main`. */
export function runBenchmark(main, deadlineMs) {
  const deadline = setTimeout(() => {
    console.error(`The benchmark took more than ${deadlineMs / 1000} s; stopped.`);
    process.exit(1);
  }, deadlineMs);
  deadline.unref();
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`The benchmark failed: ${error?.stack ?? error}`);
      process.exit(1);
    },
  );
}
