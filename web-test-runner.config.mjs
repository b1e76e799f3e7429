import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { cjsPrebundle } from './scripts/cjs-prebundle.mjs';
import { findChromium, HEADLESS_ARGS, HOW_TO_INSTALL } from './scripts/chromium.mjs';
import { hitsMiddleware } from './test/support/hits.mjs';
import { moduleGateMiddleware, moduleGatePlugin } from './test/support/module-gate.mjs';
import { pixelsPlugin } from './test/support/pixels.mjs';

// CHROME_PATH points at another Chrome or Chromium.
const executablePath = findChromium();
if (!executablePath) {
  console.error(HOW_TO_INSTALL);
  process.exit(1);
}

// The emoji panel's data is a data: URL, which has no ETag: emoji-picker-element says so on every load.
const ignoredBrowserLogs = [
  /Lit is in dev mode/,
  /ResizeObserver loop completed with undelivered notifications/,
  /emoji-picker-element is more efficient if the dataSource server exposes an ETag header/,
];

export default {
  // Files that hold and fail module requests on the test server (test/support/module-gate.mjs) run on
  // their own, one page at a time (npm run test:gated): a held module must not hold another page.
  files: ['test/**/*.test.ts', '!test/**/*.gated.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 10 * 60 * 1000,
  // Tests hold and fail the requests of modules loaded on first use (test/support/module-gate.mjs), and
  // count the requests that must never be made (test/support/hits.mjs).
  middleware: [hitsMiddleware, moduleGateMiddleware],
  plugins: [
    // Quill's two CommonJS dependencies, served as ES modules (scripts/cjs-prebundle.mjs).
    cjsPrebundle(),
    moduleGatePlugin(),
    // Accessible names as the browser computes them (what a screen reader says), for tests of wording.
    a11ySnapshotPlugin(),
    // Screenshots of a rectangle of a test's page, for tests of what can be read (test/support/pixels.ts).
    pixelsPlugin(),
    // `json`: JSON imported by the sources (the emoji data) is served as a JavaScript module.
    esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  browsers: [
    chromeLauncher({
      // Each test file gets a browser context of its own: its own window (so it is the page on show,
      // with animation frames) and its own storage.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        executablePath,
        headless: true,
        args: HEADLESS_ARGS,
      },
    }),
  ],
  // The virtualizer's benign ResizeObserver error reaches the runner as a lone `null` (the error object
  // of that event is null); nothing else logs a lone null.
  filterBrowserLogs: ({ args }) =>
    !(args.length === 1 && args[0] === null) &&
    !ignoredBrowserLogs.some((re) => args.some((a) => typeof a === 'string' && re.test(a))),
  testFramework: {
    config: { timeout: 10000 },
  },
};
