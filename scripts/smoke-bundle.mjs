/**
 * `npm run smoke`: the built script bundle on a page, as a script-tag host uses it, in headless
 * Chromium. The browser tests run the sources; this runs `dist/` (build it first), where the files
 * loaded beside the script exist only. It checks, from a page in another folder than the script:
 *  1. `<dc-provider backend="simulated">` loads `dc-widgets-simulator.js` from beside the script,
 *     shows the "Simulated contact centre" badge, and the kit signs in on it;
 *  2. `DcWidgets.loadSimulator()` gives a `SimulatedBackend` that shares the kit's classes;
 *  3. a provider with no backend says so and fires `dc-error`;
 *  4. the emoji panel loads the picker's code (`dc-widgets-emoji/picker.js`) and its data only when
 *     it first opens.
 * Exits non-zero on the first failure.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChromium, HEADLESS_ARGS, HOW_TO_INSTALL } from './chromium.mjs';
import { dist, serveDist } from './serve-dist.mjs';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>dc-widgets smoke</title></head>
<body>
  <script src="/static/dc-widgets.min.js"></script>
  <dc-provider id="simulated" backend="simulated"><dc-state-picker></dc-state-picker></dc-provider>
  <dc-provider id="none"><dc-state-picker></dc-state-picker></dc-provider>
</body></html>`;

/** The page at /page/, the build under /static/: the script's files are found from its own address. */
const serve = () => serveDist({ '/page/': { body: PAGE, headers: { 'content-type': 'text/html' } } });

const executablePath = findChromium();
if (!executablePath) {
  console.error(HOW_TO_INSTALL);
  process.exit(1);
}
if (!existsSync(join(dist, 'dc-widgets.min.js'))) {
  console.error('dist/dc-widgets.min.js is missing: run npm run build first.');
  process.exit(1);
}

const { server, requests } = await serve();
const browser = await puppeteer.launch({ executablePath, headless: true, args: HEADLESS_ARGS });
const failures = [];
const check = (ok, what) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.evaluateOnNewDocument(() => {
    window.__dcErrors = [];
    document.addEventListener('dc-error', (e) => window.__dcErrors.push(e.detail), true);
  });
  const { port } = server.address();
  await page.goto(`http://127.0.0.1:${port}/page/`, { waitUntil: 'load' });
  console.log('Smoke test of dist/dc-widgets.min.js:');

  check(!requests.some((r) => r.includes('dc-widgets-emoji')), 'nothing of the emoji panel is loaded up front');
  await page.waitForFunction(
    () => document.querySelector('#simulated').shadowRoot.querySelector('[part~="simulated-badge"]'),
    { timeout: 10000 },
  );
  const badge = await page.evaluate(() => document.querySelector('#simulated').shadowRoot.querySelector('[part~="simulated-badge"]').textContent.trim());
  check(badge === 'Simulated contact centre', `backend="simulated": the badge says "${badge}"`);
  check(requests.includes('/static/dc-widgets-simulator.js'), 'the simulator came from beside the script');
  const signedIn = await page.evaluate(async () => {
    const store = document.querySelector('#simulated').store;
    await store.ready;
    store.signIn();
    for (let i = 0; i < 100 && !Object.values(store.state.media).every((m) => m.signIn === 'signed-in'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    return Object.values(store.state.media).map((m) => m.signIn);
  });
  check(signedIn.length > 0 && signedIn.every((s) => s === 'signed-in'), `the kit signs in on the simulator (${signedIn.join(', ')})`);

  const shared = await page.evaluate(async () => {
    const { SimulatedBackend } = await window.DcWidgets.loadSimulator();
    const backend = new SimulatedBackend();
    backend.failSignIn('chat', { reason: 'x' });
    await backend.connect();
    try {
      await backend.signIn('chat');
      return 'no error';
    } catch (error) {
      return error instanceof window.DcWidgets.DcBackendError ? 'shared' : `another class: ${error}`;
    } finally {
      backend.close();
    }
  });
  check(shared === 'shared', `DcWidgets.loadSimulator(): its errors are the kit's DcBackendError (${shared})`);

  await page.waitForFunction(() => document.querySelector('#none').shadowRoot.querySelector('[part~="no-backend"]'), { timeout: 10000 });
  const none = await page.evaluate(() => ({
    text: document.querySelector('#none').shadowRoot.querySelector('[part~="no-backend"] strong').textContent.trim(),
    errors: window.__dcErrors.filter((e) => e.source === 'backend').length,
  }));
  check(none.text === 'No contact centre connected' && none.errors === 1, `no backend: "${none.text}", ${none.errors} dc-error`);

  await page.evaluate(() => {
    const panel = document.createElement('dc-emoji-panel');
    panel.open = true;
    document.body.append(panel);
  });
  await page.waitForFunction(() => document.querySelector('dc-emoji-panel').matches(':state(ready)'), { timeout: 20000 });
  check(requests.includes('/static/dc-widgets-emoji/picker.js'), 'the emoji panel loaded the picker from beside the script');
  // The picker fetches its data itself once it is on show.
  for (let i = 0; i < 100 && !requests.includes('/static/dc-widgets-emoji/en.json'); i++) await new Promise((r) => setTimeout(r, 100));
  check(requests.includes('/static/dc-widgets-emoji/en.json'), 'and its English data');
  check(errors.length === 0, `no error on the page${errors.length ? `: ${errors.join('; ')}` : ''}`);
} catch (error) {
  failures.push(String(error));
  console.error(error);
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.error(`\nSmoke test failed: ${failures.length} check(s).`);
  process.exitCode = 1;
} else {
  console.log('Smoke test passed.');
}
