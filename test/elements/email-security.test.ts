/**
 * MAIL-3 through the real elements in Chromium: every XSS payload of the shared corpora
 * (../shared/corpora/xss: DOMPurify's fixtures and the HTML5 Security Cheatsheet) rendered as an
 * email's HTML, each payload's user action (`trigger`) run where it has one. What must hold: no script
 * runs and no handler fires (the payloads' `alert(…)`, `confirm(…)`, `prompt(…)` and `print(…)` are
 * rewritten, here only, to a call that counts on the host page: a payload that ran would count), the
 * host page's DOM outside the element is unchanged, and nothing is fetched before Load images (the
 * payloads' external URLs are rewritten to a counting path of the test server, test/support/hits.mjs,
 * and the frames' own resource timings stay empty). Each check is shown to work: the same payload in a
 * frame without the kit's walls does count, and Load images does raise the request count.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import fc from 'fast-check';
import '../../src/elements/email-thread/email-thread.js';
import type { DcEmailThread } from '../../src/elements/email-thread/email-thread.js';
import { FRAME_SANDBOX, type DcEmailFrame } from '../../src/elements/email-thread/email-frame.js';
import { frameCsp, frameDocument } from '../../src/elements/email-thread/prepare.js';
import { emailMessage, emailStore } from '../../stories/support/email-fixtures.js';
import { until } from '../support/dom.js';

interface Vector {
  readonly payload: string;
  readonly trigger?: string | null;
  readonly id?: number;
  readonly title?: string;
}

async function corpus(name: string): Promise<Vector[]> {
  const raw = await readFile({ path: `../../../shared/corpora/xss/${name}` });
  expect(raw, `shared/corpora/xss/${name} beside the repository`).to.be.a('string');
  return JSON.parse(raw!) as Vector[];
}

declare global {
  interface Window {
    __dcPwn?: () => void;
    __dcPwned?: number;
  }
}

/** The sentinel: what a payload's rewritten alert(…) calls, on the host page. */
function armSentinel(): void {
  window.__dcPwned = 0;
  window.__dcPwn = () => {
    window.__dcPwned = (window.__dcPwned ?? 0) + 1;
  };
  for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
    (window as unknown as Record<string, unknown>)[name] = () => window.__dcPwn!();
  }
}

let tokens = 0;
const newToken = () => `t${Date.now().toString(36)}${++tokens}`;

/** The payload for this test: its script calls counted on the host, its external URLs counted by the test server. */
function armed(payload: string, token: string): string {
  return payload
    .replace(/\b(alert|confirm|prompt|print)\s*\(/g, 'parent.__dcPwn(')
    .replace(/(?:https?:)?\/\/([a-z0-9][a-z0-9.-]*(?::\d+)?)/gi, `${location.origin}/__dc-hits/${token}/$1`);
}

async function hits(token: string): Promise<{ count: number; paths: string[] }> {
  return (await (await fetch(`/__dc-hits-count/${token}`, { cache: 'no-store' })).json()) as { count: number; paths: string[] };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the host page looks like outside the test's own fixture. */
function hostSnapshot(): string {
  const outside = [...document.body.children].filter((el) => !el.hasAttribute('data-dc-fixture') && !el.querySelector('[data-dc-fixture]'));
  return JSON.stringify({
    head: document.head.innerHTML,
    html: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
    body: [...document.body.attributes].map((a) => `${a.name}=${a.value}`),
    outside: outside.map((el) => el.outerHTML),
    title: document.title,
    href: location.href,
    canary: canaryStyle(),
  });
}
function canaryStyle(): string {
  const s = getComputedStyle(document.getElementById('dc-canary')!);
  return [s.color, s.display, s.visibility, s.backgroundColor, s.position, s.fontSize].join('|');
}

/** The trigger's user action, run against the frame's document (its `location = …` recorded, never followed blindly). */
function runTrigger(trigger: string, frame: HTMLIFrameElement): unknown[] {
  const win = frame.contentWindow!;
  const doc = frame.contentDocument!;
  const navigations: unknown[] = [];
  const own: Record<string, unknown> = {
    document: doc,
    window: win,
    frames: win.frames,
    getComputedStyle: (el: Element, p?: string | null) => win.getComputedStyle(el, p),
    pass: () => undefined,
    fail: () => undefined,
    fuzz: () => undefined,
  };
  const locationRecorder = {
    set href(v: unknown) {
      navigations.push(v);
    },
  };
  own['location'] = locationRecorder;
  const scope = new Proxy(own, {
    has: (_t, key) => key !== Symbol.unscopables,
    get: (t, key) => (typeof key === 'string' && key in t ? t[key] : typeof key === 'string' ? (win as unknown as Record<string, unknown>)[key] : undefined),
    set: (t, key, value) => {
      if (key === 'location') navigations.push(value);
      else if (typeof key === 'string') t[key] = value;
      return true;
    },
  });
  try {
    // Sloppy-mode `with`, so that the trigger's bare names (document, location, l…) resolve in `scope`.
    new Function('scope', `with (scope) { ${trigger} }`)(scope);
  } catch {
    // A trigger written for another browser may throw here (no such element, no -o-link).
  }
  return navigations;
}

/** Whether a frame's DOM holds a script or a handler attribute (what the sanitiser must have removed). */
function executable(doc: Document): string[] {
  const found: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    if (el.localName === 'script') found.push('<script>');
    for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) found.push(`${el.localName}[${a.name}]`);
    if (['form', 'iframe', 'object', 'embed', 'base'].includes(el.localName)) found.push(`<${el.localName}>`);
  }
  return found;
}

const attached = (frame: DcEmailFrame) => frame.frameReady;

/**
 * The frame's requests that got an answer. (Chromium also times the requests its CSP blocked, with no
 * status: those never left the page.) Relative URLs (`src=x`) reach the test server without the
 * counting path; this sees them.
 */
function answered(iframe: HTMLIFrameElement): string[] {
  return (iframe.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((r) => r.responseStatus !== 0)
    .map((r) => `${r.name} (${r.responseStatus})`);
}

describe('email security (MAIL-3), through the real elements', function () {
  this.timeout(90_000);

  let canary: HTMLElement;
  before(() => {
    canary = document.createElement('div');
    canary.id = 'dc-canary';
    canary.textContent = 'host page';
    document.body.append(canary);
  });
  after(() => canary.remove());
  beforeEach(() => armSentinel());

  it('MAIL-3: the sentinel and the request counter work: a frame without the kit’s walls runs the payload and fetches', async () => {
    const token = newToken();
    const payload = armed('<img src="https://tracker.example/p.gif"><img src=x onerror="alert(1)"><script>alert(2)</script>', token);
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    frame.srcdoc = payload;
    document.body.append(frame);
    await until(() => (window.__dcPwned ?? 0) >= 2, 'the unguarded payload ran');
    let seen = 0;
    for (let i = 0; i < 40 && seen === 0; i++) {
      seen = (await hits(token)).count;
      if (seen === 0) await wait(50);
    }
    await until(() => answered(frame).length === 2, 'both images answered');
    expect(answered(frame).map((r) => r.replace(/^.*\//, ''))).to.deep.equal(['p.gif (200)', 'x (404)']);
    frame.remove();
    expect(window.__dcPwned).to.equal(2);
    expect(seen).to.equal(1);
  });

  it('MAIL-3: none of the 372 corpus payloads runs a script, changes the host page or fetches anything before Load images', async () => {
    const vectors = [...(await corpus('dompurify-fixtures.json')), ...(await corpus('h5sc-vectors.json'))];
    expect(vectors.length).to.equal(372);
    const token = newToken();
    const before = hostSnapshot();
    const failures: string[] = [];
    const BATCH = 31;
    let rendered = 0;
    let triggered = 0;
    for (let start = 0; start < vectors.length; start += BATCH) {
      const batch = vectors.slice(start, start + BATCH);
      const el = await fixture<HTMLElement>(html`<div data-dc-fixture style="width: 600px">
        ${batch.map((v) => html`<dc-email-frame .html=${armed(v.payload, token)}></dc-email-frame>`)}
      </div>`);
      const list = [...el.querySelectorAll<DcEmailFrame>('dc-email-frame')];
      const iframes = await Promise.all(list.map(attached));
      for (const [i, iframe] of iframes.entries()) {
        const v = batch[i]!;
        const name = `#${start + i} ${v.title ?? v.id ?? ''}`;
        rendered++;
        expect(iframe.getAttribute('sandbox')).to.equal(FRAME_SANDBOX);
        if (v.trigger) {
          triggered++;
          const navigations = runTrigger(v.trigger, iframe);
          for (const n of navigations) {
            if (typeof n === 'string' && /^\s*(?:javascript|vbscript|data):/i.test(n)) failures.push(`${name}: trigger would navigate to ${n.slice(0, 40)}`);
          }
        }
        const problems = executable(iframe.contentDocument!);
        if (problems.length) failures.push(`${name}: ${problems.join(', ')}`);
        const fetched = answered(iframe);
        if (fetched.length) failures.push(`${name}: fetched ${fetched.join(' ')}`);
      }
      // Time for anything deferred (timers, image errors, meta refresh) to happen.
      await wait(60);
      fixtureCleanup();
    }
    await wait(200);
    expect(rendered).to.equal(372);
    expect(triggered).to.equal(22);
    expect(failures).to.deep.equal([]);
    expect(window.__dcPwned, 'scripts run').to.equal(0);
    expect((await hits(token)).paths, 'requests made').to.deep.equal([]);
    expect(hostSnapshot()).to.equal(before);
  });

  it('MAIL-3: the corpus as one large email, sanitised in batches (flat, and inside one oversized table): nothing executable, nothing fetched', async () => {
    const vectors = [...(await corpus('dompurify-fixtures.json')), ...(await corpus('h5sc-vectors.json'))];
    const token = newToken();
    const flat = vectors.map((v) => `<div>${armed(v.payload, token)}</div>`).join('');
    const nested = `<div class="wrap"><table><tbody>${vectors.map((v) => `<tr><td>${armed(v.payload, token)}</td></tr>`).join('')}</tbody></table></div>`;
    expect(flat.length).to.be.above(32_000);
    for (const email of [flat, nested]) {
      const el = await fixture<HTMLElement>(html`<div data-dc-fixture style="width: 600px"><dc-email-frame .html=${email}></dc-email-frame></div>`);
      const iframe = await el.querySelector<DcEmailFrame>('dc-email-frame')!.frameReady;
      expect(executable(iframe.contentDocument!)).to.deep.equal([]);
      expect(answered(iframe)).to.deep.equal([]);
      // The batches kept the email: its text is there.
      expect(iframe.contentDocument!.body.textContent!.length).to.be.above(1000);
      fixtureCleanup();
    }
    await wait(200);
    expect(window.__dcPwned).to.equal(0);
    expect((await hits(token)).count).to.equal(0);
  });

  it('MAIL-3: the payloads with a user action, as emails of the real thread: nothing runs, nothing is fetched, then Load images fetches', async () => {
    const vectors = (await corpus('h5sc-vectors.json')).filter((v) => v.trigger);
    const token = newToken();
    const before = hostSnapshot();
    const remote = `https://images.example/pixel.gif`;
    for (const v of vectors) {
      const email = emailMessage({ id: `v${v.id}`, email: { html: armed(`${v.payload}<p><img src="${remote}" alt=""></p>`, token), subject: `Vector ${v.id}` } });
      const store = emailStore([email]);
      const wrap = await fixture<HTMLElement>(html`<div data-dc-fixture style="display:flex;flex-direction:column;width:40rem;height:500px"><dc-email-thread .store=${store}></dc-email-thread></div>`);
      const thread = wrap.querySelector<DcEmailThread>('dc-email-thread')!;
      await until(() => thread.shadowRoot!.querySelector('dc-email-frame') !== null, 'frame on show');
      const frame = thread.shadowRoot!.querySelector<DcEmailFrame>('dc-email-frame')!;
      const iframe = await frame.frameReady;
      runTrigger(v.trigger!, iframe);
      for (const b of Array.from(iframe.contentDocument!.querySelectorAll<HTMLElement>('a, button, [onclick]'))) b.click();
      expect(executable(iframe.contentDocument!), `vector ${v.id}`).to.deep.equal([]);
      fixtureCleanup();
    }
    await wait(200);
    expect(window.__dcPwned, 'scripts run').to.equal(0);
    expect((await hits(token)).count, 'requests before Load images').to.equal(0);
    expect(hostSnapshot()).to.equal(before);

    // Load images on the last of them: now the remote image is fetched (the counter counts).
    const store = emailStore([emailMessage({ email: { html: armed(`<p>Hi</p><img src="${remote}" alt="">`, token) } })]);
    const wrap = await fixture<HTMLElement>(html`<div data-dc-fixture style="display:flex;flex-direction:column;width:40rem;height:500px"><dc-email-thread .store=${store}></dc-email-thread></div>`);
    const thread = wrap.querySelector<DcEmailThread>('dc-email-thread')!;
    await until(() => thread.shadowRoot!.querySelector('dc-email-frame') !== null, 'frame on show');
    const frame = thread.shadowRoot!.querySelector<DcEmailFrame>('dc-email-frame')!;
    await frame.frameReady;
    await wait(100);
    expect((await hits(token)).count).to.equal(0);
    [...frame.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Load images')!.click();
    let count = 0;
    for (let i = 0; i < 60 && count === 0; i++) {
      count = (await hits(token)).count;
      if (count === 0) await wait(50);
    }
    expect(count).to.equal(1);
    expect(window.__dcPwned).to.equal(0);
  });

  it('MAIL-3: the frame’s walls hold even if the sanitiser let something through: no script, no form submission, no fetch', async () => {
    const token = newToken();
    // Written straight into the frame's document, past the sanitiser, as a sanitiser bypass would.
    const evil = armed(
      '<script>alert(1)</script><img src="https://t.example/a.gif" onerror="alert(2)">' +
        '<form action="https://forms.example/submit" method="post"><input name="q" value="x"><button id="go" type="submit">Send</button></form>' +
        '<a id="js" href="javascript:alert(3)">js</a><meta http-equiv="refresh" content="0;url=https://refresh.example/">',
      token,
    );
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', FRAME_SANDBOX);
    frame.srcdoc = frameDocument(evil, frameCsp(false, new Map()));
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument!;
    const url = frame.contentWindow!.location.href;
    doc.getElementById('go')!.click();
    doc.getElementById('js')!.click();
    await wait(400);
    expect(frame.contentWindow!.location.href, 'no navigation').to.equal(url);
    expect(frame.contentDocument!.getElementById('go'), 'still the same document').to.exist;
    expect(window.__dcPwned, 'scripts run').to.equal(0);
    expect((await hits(token)).paths, 'requests made').to.deep.equal([]);
    frame.remove();
  });

  it('MAIL-3: a form in an email never reaches the frame: nothing to submit, no navigation, no request', async () => {
    const token = newToken();
    const store = emailStore([
      emailMessage({ email: { html: armed('<p>Fill this in</p><form action="https://forms.example/s"><input name="card"><button type="submit">Pay</button><input type="submit" value="Go"></form>', token) } }),
    ]);
    const wrap = await fixture<HTMLElement>(html`<div data-dc-fixture style="display:flex;flex-direction:column;width:40rem;height:500px"><dc-email-thread .store=${store}></dc-email-thread></div>`);
    const thread = wrap.querySelector<DcEmailThread>('dc-email-thread')!;
    await until(() => thread.shadowRoot!.querySelector('dc-email-frame') !== null, 'frame on show');
    const iframe = await thread.shadowRoot!.querySelector<DcEmailFrame>('dc-email-frame')!.frameReady;
    const doc = iframe.contentDocument!;
    const href = iframe.contentWindow!.location.href;
    expect(doc.body.textContent).to.contain('Fill this in');
    expect(doc.querySelectorAll('form, input, button').length).to.equal(0);
    // Clicking where the button was does nothing either.
    for (const el of Array.from(doc.body.querySelectorAll<HTMLElement>('*'))) el.click();
    await wait(200);
    expect(iframe.contentWindow!.location.href).to.equal(href);
    expect((await hits(token)).count).to.equal(0);
  });

  it('MAIL-3: the email’s CSS does not restyle the host: global selectors, a fixed full-page overlay, @import', async () => {
    const token = newToken();
    const css = armed(
      '<style>@import url(https://css.example/evil.css); * { color: red !important; background: lime !important; } body { display: none; } ' +
        'html { filter: invert(1); } .toggle, button, dc-email-thread, #dc-canary { display: none !important; }</style>' +
        '<div style="position:fixed;inset:0;width:100vw;height:100vh;z-index:2147483647;background:rgba(255,0,0,.9)">overlay</div><p>Hello</p>',
      token,
    );
    const before = canaryStyle();
    const store = emailStore([emailMessage({ email: { html: css } })]);
    const wrap = await fixture<HTMLElement>(html`<div data-dc-fixture style="display:flex;flex-direction:column;width:40rem;height:500px"><dc-email-thread .store=${store}></dc-email-thread></div>`);
    const thread = wrap.querySelector<DcEmailThread>('dc-email-thread')!;
    await until(() => thread.shadowRoot!.querySelector('dc-email-frame') !== null, 'frame on show');
    const iframe = await thread.shadowRoot!.querySelector<DcEmailFrame>('dc-email-frame')!.frameReady;
    await wait(100);
    // Inside the frame the email's CSS applies (the path ran)...
    expect(iframe.contentWindow!.getComputedStyle(iframe.contentDocument!.body).display).to.equal('none');
    // ...and nothing outside it changed.
    expect(canaryStyle()).to.equal(before);
    const toggle = thread.shadowRoot!.querySelector<HTMLElement>('[part~="toggle"]')!;
    expect(getComputedStyle(toggle).display).to.equal('flex');
    expect(getComputedStyle(toggle).color).not.to.equal('rgb(255, 0, 0)');
    // The overlay covers at most the frame: the thread's own controls are still what a click reaches.
    const r = toggle.getBoundingClientRect();
    const hit = thread.shadowRoot!.elementFromPoint(r.left + 5, r.top + r.height / 2);
    expect(toggle.contains(hit)).to.equal(true);
    const frameBox = iframe.getBoundingClientRect();
    expect(frameBox.height).to.be.below(400);
    expect((await hits(token)).count, '@import fetched').to.equal(0);
  });

  it('MAIL-3: links in an email open in a new tab with rel=noopener noreferrer; script links lose their href', async () => {
    const store = emailStore([
      emailMessage({ email: { html: '<a href="https://shop.example/x">a</a><a href="mailto:a@b.example">b</a><a href="javascript:alert(1)">c</a><a href="http://plain.example" target="_self">d</a>' } }),
    ]);
    const wrap = await fixture<HTMLElement>(html`<div data-dc-fixture style="display:flex;flex-direction:column;width:40rem;height:500px"><dc-email-thread .store=${store}></dc-email-thread></div>`);
    const thread = wrap.querySelector<DcEmailThread>('dc-email-thread')!;
    await until(() => thread.shadowRoot!.querySelector('dc-email-frame') !== null, 'frame on show');
    const doc = (await thread.shadowRoot!.querySelector<DcEmailFrame>('dc-email-frame')!.frameReady).contentDocument!;
    const links = [...doc.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]);
    expect(links).to.deep.equal([
      ['https://shop.example/x', '_blank', 'noopener noreferrer'],
      ['mailto:a@b.example', '_blank', 'noopener noreferrer'],
      [null, null, null],
      ['http://plain.example', '_blank', 'noopener noreferrer'],
    ]);
    expect(doc.querySelector('base')).to.equal(null);
  });

  it('MAIL-3: a seeded property over random HTML: the frame’s DOM never holds a script or an on* attribute', async () => {
    const tags = ['div', 'p', 'a', 'img', 'script', 'svg', 'math', 'style', 'iframe', 'form', 'button', 'template', 'noscript', 'textarea', 'title', 'table', 'td', 'object', 'xmp', 'select'];
    const attrs = ['onerror', 'onload', 'onclick', 'ONMOUSEOVER', 'src', 'href', 'style', 'srcdoc', 'formaction', 'xlink:href', 'id', 'class'];
    const values = ['x', 'alert(1)', 'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '"><script>alert(1)</script>', '</style><img src=x onerror=alert(1)>', '<!--', 'expression(alert(1))'];
    const node: fc.Memo<string> = fc.memo((depth) =>
      fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('text', '<', '&lt;', '<!--x-->', ']]>', '</p>'),
        fc
          .tuple(fc.constantFrom(...tags), fc.array(fc.tuple(fc.constantFrom(...attrs), fc.constantFrom(...values)), { maxLength: 3 }), fc.array(depth > 1 ? node(depth - 1) : fc.constant('t'), { maxLength: 3 }))
          .map(([tag, as, kids]) => `<${tag}${as.map(([n, v]) => ` ${n}="${v}"`).join('')}>${kids.join('')}</${tag}>`),
      ),
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(node(3), { minLength: 1, maxLength: 4 }), async (parts) => {
        runs++;
        const el = await fixture<HTMLElement>(html`<div data-dc-fixture><dc-email-frame .html=${parts.join('')}></dc-email-frame></div>`);
        const iframe = await el.querySelector<DcEmailFrame>('dc-email-frame')!.frameReady;
        const found = executable(iframe.contentDocument!);
        fixtureCleanup();
        return found.length === 0;
      }),
      { seed: 20261202, numRuns: 80 },
    );
    await wait(100);
    expect(runs).to.be.at.least(80);
    expect(window.__dcPwned).to.equal(0);
  });
});
