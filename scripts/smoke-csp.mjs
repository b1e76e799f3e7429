/**
 * `npm run smoke`, part two (HOSTILE-13): the built script bundle on a page served with a strict
 * Content-Security-Policy as an HTTP header, as a locked-down CRM serves it:
 *
 *   default-src 'self'; script-src 'self'; style-src 'self';
 *   require-trusted-types-for 'script'; trusted-types lit-html dc-widgets-emoji
 *
 * The page's own script (a file: no inline script) puts a whole `<dc-desktop>` on the simulated
 * centre. The agent signs in (a click), goes Ready (Ctrl+Shift+V), accepts an offer (a click), types
 * and sends a message (keys), opens the emoji panel and picks an emoji (clicks), and sends that too.
 * No `securitypolicyviolation` may fire, and nothing may be thrown into the page; what the agent sees
 * at each step shows that the path ran.
 *
 * Then the same with the one thing the README asks a host to add for attached pictures (`img-src
 * 'self' blob:`): a picture attached and sent shows in the compose area and in the thread, and nothing
 * else is refused.
 *
 * Exits non-zero on the first failure.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChromium, HEADLESS_ARGS, HOW_TO_INSTALL } from './chromium.mjs';
import { EMOJI_POLICY } from './emoji-picker-csp.mjs';
import { dist, serveDist } from './serve-dist.mjs';


/** The policy of the issue, word for word; Lit's own policy and the emoji picker's are the kit's. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  `trusted-types lit-html ${EMOJI_POLICY}`,
].join('; ');
const WITH_PICTURES = `${STRICT_CSP}; img-src 'self' blob:`;

/** A 1×1 PNG. */
const DOT_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>dc-widgets under a strict CSP</title></head>
<body>
  <script src="/static/dc-widgets.min.js"></script>
  <script src="/page/app.js"></script>
</body></html>`;

/** The page's own script: what a host writes. */
const APP = `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});
(async () => {
  const { SimulatedBackend } = await DcWidgets.loadSimulator();
  const config = { media: { chat: {} }, agent: { id: 'a1', name: 'Camille Martin' } };
  const backend = new SimulatedBackend({ config: DcWidgets.resolveConfig(config), latencyMs: 0, deliveredAfterMs: 5, readAfterMs: 5 });
  const provider = document.createElement('dc-provider');
  provider.config = config;
  provider.backend = backend;
  provider.storage = null;
  const desktop = document.createElement('dc-desktop');
  desktop.style.height = '760px';
  provider.append(desktop);
  document.body.append(provider);
  window.__kit = { provider, backend };
})();
`;

/** The page and its script under the policy, the build under /static/. */
async function serve(policy) {
  const { server } = await serveDist({
    '/page/': { body: PAGE, headers: { 'content-type': 'text/html', 'content-security-policy': policy } },
    '/page/app.js': { body: APP, headers: { 'content-type': 'text/javascript' } },
  });
  return server;
}

const failures = [];
const check = (ok, what) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

/**
 * An element through shadow roots (`>>>` is puppeteer's deep combinator), once it is there: polled, as
 * `waitForSelector` does not always see what appears inside shadow roots.
 */
async function find(page, selector, timeout = 10000) {
  for (const end = Date.now() + timeout; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    const found = await page.$(selector);
    if (found) return found;
  }
  throw new Error(`nothing matches ${selector} after ${timeout} ms`);
}

async function openDesktop(browser, policy) {
  const server = await serve(policy);
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${server.address().port}/page/`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__kit?.provider.store, { timeout: 10000 });
  await page.evaluate(() => window.__kit.provider.store.ready);
  return { server, page, errors };
}

/** Sign in, Ready, an offer accepted: the conversation on show. */
async function signInAndAccept(page) {
  await (await find(page, '>>> [part~="sign-in-button"]', 10000)).click();
  await page.waitForFunction(() => Object.values(window.__kit.provider.store.state.media).every((m) => m.signIn === 'signed-in'), { timeout: 10000 });
  await page.keyboard.down('Control');
  await page.keyboard.down('Shift');
  await page.keyboard.press('KeyV');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Control');
  await page.waitForFunction(() => Object.values(window.__kit.provider.store.state.media).every((m) => m.availability === 'ready'), { timeout: 10000 });
  await page.evaluate(() => window.__kit.backend.offer('chat', { queue: 'Sales', customer: { name: 'Ana Lima' }, text: 'Hello, my parcel has not arrived.' }));
  await (await find(page, '>>> [part~="accept"]', 10000)).click();
  await page.waitForFunction(() => Object.values(window.__kit.provider.store.state.tasks).some((t) => t.status === 'active'), { timeout: 10000 });
}

/** The agent's messages as the thread shows them. */
const agentBubbles = (page) =>
  page.$$eval('>>> [part~="agent-bubble"]', (list) => list.map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim()));

async function strictPage(browser) {
  console.log(`HOSTILE-13: a whole desktop under "${STRICT_CSP}":`);
  const { server, page, errors } = await openDesktop(browser, STRICT_CSP);
  try {
    await signInAndAccept(page);
    const offered = await page.evaluate(() => window.__violations.length);
    check(true, 'signed in with a click, Ready with Ctrl+Shift+V, an offer (with its countdown bar) accepted with a click');
    check(offered === 0, `no violation so far (${offered})`);

    await (await find(page, '>>> [part~="textarea"]')).click();
    await page.keyboard.type('Your parcel leaves today.');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__kit.backend.serverMessages(Object.keys(window.__kit.provider.store.state.tasks)[0]).some((m) => m.from === 'agent'), { timeout: 10000 });
    await find(page, '>>> [part~="agent-bubble"]', 10000);
    check((await agentBubbles(page)).includes('Your parcel leaves today.'), 'a message typed and sent with Enter shows in the thread');

    await (await find(page, '>>> dc-composer >>> [data-action="emoji"]')).click();
    await page.waitForFunction(
      () => {
        const find = (root) => root.querySelector('dc-emoji-panel') ?? [...root.querySelectorAll('*')].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean);
        return find(document)?.matches(':state(ready)');
      },
      { timeout: 20000 },
    );
    // The picker fills itself once its data is read (from beside the script).
    const emoji = await find(page, '>>> emoji-picker >>> button.emoji[role="menuitem"]', 20000);
    const picked = await emoji.evaluate((b) => b.textContent ?? '');
    const buttons = await page.$$eval('>>> emoji-picker >>> button', (list) => list.length);
    check(buttons > 50 && picked.length > 0, `the emoji panel shows the picker, styled (${buttons} buttons)`);
    const navColumns = await page.$eval('>>> emoji-picker >>> .nav', (nav) => getComputedStyle(nav).gridTemplateColumns.split(' ').length);
    check(navColumns > 5, `its style bindings apply (${navColumns} category tabs in a row)`);
    await emoji.click();
    const box = await find(page, '>>> [part~="textarea"]');
    await page.waitForFunction((el, e) => el.value.includes(e), { timeout: 5000 }, box, picked);
    await box.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (e) => window.__kit.backend.serverMessages(Object.keys(window.__kit.provider.store.state.tasks)[0]).some((m) => m.text.includes(e)),
      { timeout: 10000 },
      picked,
    );
    check(true, `an emoji picked with a click (${picked}) went into the box and was sent`);

    const violations = await page.evaluate(() => window.__violations);
    check(violations.length === 0, `no securitypolicyviolation${violations.length ? `: ${violations.join('; ')}` : ''}`);
    check(errors.length === 0, `nothing thrown into the page${errors.length ? `: ${errors.join('; ')}` : ''}`);
  } finally {
    await page.close();
    server.close();
  }
}

async function picturesPage(browser) {
  console.log(`HOSTILE-13: attached pictures, with the README's "img-src 'self' blob:" added:`);
  const { server, page, errors } = await openDesktop(browser, WITH_PICTURES);
  try {
    await signInAndAccept(page);
    // A 1×1 PNG chosen with the paperclip's file chooser.
    const [chooser] = await Promise.all([page.waitForFileChooser(), (await find(page, '>>> [data-action="attach"]')).click()]);
    const png = join(mkdtempSync(join(tmpdir(), 'dc-csp-')), 'dot.png');
    writeFileSync(png, Buffer.from(DOT_PNG, 'base64'));
    await chooser.accept([png]);
    const thumb = await find(page, '>>> img.thumb', 10000);
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, { timeout: 5000 }, thumb);
    check(true, 'the attached picture shows its thumbnail in the compose area');
    await (await find(page, '>>> [part~="send"]')).click();
    const sent = await find(page, '>>> [part~="agent-bubble"] img', 10000);
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, { timeout: 5000 }, sent);
    check(true, 'and in the thread once sent');
    const violations = await page.evaluate(() => window.__violations);
    check(violations.length === 0, `no securitypolicyviolation${violations.length ? `: ${violations.join('; ')}` : ''}`);
    check(errors.length === 0, `nothing thrown into the page${errors.length ? `: ${errors.join('; ')}` : ''}`);
  } finally {
    await page.close();
    server.close();
  }
}

const executablePath = findChromium();
if (!executablePath) {
  console.error(HOW_TO_INSTALL);
  process.exit(1);
}
if (!existsSync(join(dist, 'dc-widgets.min.js'))) {
  console.error('dist/dc-widgets.min.js is missing: run npm run build first.');
  process.exit(1);
}

const browser = await puppeteer.launch({ executablePath, headless: true, args: HEADLESS_ARGS });
try {
  await strictPage(browser);
  await picturesPage(browser);
} catch (error) {
  failures.push(String(error));
  console.error(error);
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(`\nStrict CSP smoke test failed: ${failures.length} check(s).`);
  process.exitCode = 1;
} else {
  console.log('Strict CSP smoke test passed.');
}
