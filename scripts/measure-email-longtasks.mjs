// The email frame's longest main-thread task on a 200 kB email (MAIL-3), in headless Chromium: the
// sanitise step in batches, the same email through DOMPurify in one go, and the whole frame rendered.
// Figures, not assertions: `node scripts/measure-email-longtasks.mjs [kb]` prints them as JSON.
import { loadBenchPage, openBenchPage, startBenchServer } from './bench-support.mjs';
import { findChromium, HOW_TO_INSTALL } from './chromium.mjs';

const kb = Number(process.argv[2] ?? 200);
const chromium = findChromium();
if (!chromium) {
  console.error(HOW_TO_INSTALL);
  process.exit(1);
}
const { server, origin } = await startBenchServer();
const url = `${origin}/bench/email-longtasks.html`;
let browser;
try {
  const opened = await openBenchPage(chromium, url);
  browser = opened.browser;
  const results = [];
  for (const shape of ['blocks', 'table']) {
    for (let i = 0; i < 3; i++) {
      await loadBenchPage(opened.page, url);
      results.push(await opened.page.evaluate((s, k) => window.dcBench.run(s, k), shape, kb));
    }
  }
  opened.check();
  console.log(JSON.stringify(results, null, 2));
} finally {
  await browser?.close();
  await server.stop();
}
