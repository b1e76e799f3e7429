import { expect, html } from '@open-wc/testing';
import { readFile, sendMouse, setViewport } from '@web/test-runner-commands';
import type { OfferOptions, SimulatedBackendOptions } from '../../src/simulator/index.js';
import '../../src/elements/chat-thread/chat-thread.js';
import type { DcChatThread } from '../../src/elements/chat-thread/chat-thread.js';
import { setDefaultLocale } from '../../src/i18n/localization.js';
import type { Message } from '../../src/model/tasks.js';
import { mountKit, press, signInReady, text, until } from '../support/kit.js';

const ALICE: OfferOptions = { queue: 'Sales', customer: { name: 'Alice Martin', email: 'alice.martin@example.com' } };

/** Receipts a few milliseconds apart, so that a message goes sent → delivered → read at once. */
const QUICK: SimulatedBackendOptions = { deliveredAfterMs: 5, readAfterMs: 5 };

interface ThreadKitOptions {
  backend?: SimulatedBackendOptions;
  offer?: OfferOptions;
  lang?: 'en' | 'fr';
  theme?: 'light' | 'dark';
  height?: number;
  /** Runs before the offer is accepted (a failure to inject, a call to hold). */
  beforeAccept?: (kit: Awaited<ReturnType<typeof mountKit>>) => void;
}

/** A provider with one thread, signed in and Ready, holding one accepted chat with Alice. */
async function mountThread(options: ThreadKitOptions = {}) {
  const kit = await mountKit(
    html`<div style="display: flex; flex-direction: column; width: 36rem; height: ${options.height ?? 420}px">
      <dc-chat-thread></dc-chat-thread>
    </div>`,
    { backend: { ...QUICK, ...options.backend }, lang: options.lang ?? 'en' },
  );
  if (options.theme) kit.provider.theme = options.theme;
  const { store, backend } = kit;
  await signInReady(store);
  options.beforeAccept?.(kit);
  const offer = backend.offer('chat', { text: 'Hello, my parcel has not arrived.', ...ALICE, ...options.offer })!;
  await until(() => store.state.tasks[offer.id]?.status === 'offered', 'offered');
  store.accept(offer.id);
  await until(() => store.state.tasks[offer.id]?.status === 'active', 'accepted');
  const thread = kit.provider.querySelector<DcChatThread>('dc-chat-thread')!;
  await thread.updateComplete;
  return { ...kit, thread, taskId: offer.id };
}

type ThreadKit = Awaited<ReturnType<typeof mountThread>>;

const root = (kit: ThreadKit) => kit.thread.shadowRoot!;
const log = (kit: ThreadKit) => root(kit).querySelector<HTMLElement>('[part~="log"]')!;
const bubbles = (kit: ThreadKit) => [...root(kit).querySelectorAll<HTMLElement>('[part~="bubble"]')];
const bubbleWith = (kit: ThreadKit, words: string) => bubbles(kit).find((b) => b.textContent === words);
const rowOf = (bubble: Element) => bubble.closest<HTMLElement>('[part~="row"]')!;
const distanceToEnd = (el: HTMLElement) => el.scrollHeight - el.scrollTop - el.clientHeight;
const historyLoaded = (kit: ThreadKit) => until(() => kit.store.state.history[kit.taskId]?.status === 'loaded', 'history loaded', 10000);

/** What a sighted agent reads: without what is only for screen readers. */
function visible(el: Element | null | undefined): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
  return text(copy);
}

/** A real click in the middle of an element. */
async function click(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'nearest' });
  const r = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

/** The agent's messages the server holds for the task. */
async function serverAgentMessages(kit: ThreadKit): Promise<Message[]> {
  const snapshot = await kit.backend.snapshot();
  return (snapshot.messages[kit.taskId] ?? []).filter((m) => m.from === 'agent');
}

/** A list of XSS vectors from the shared corpora beside the repository (shared/corpora/xss). */
async function corpus(name: string): Promise<{ payload: string }[]> {
  const raw = await readFile({ path: `../../../shared/corpora/xss/${name}` });
  expect(raw, `shared/corpora/xss/${name} beside the repository`).to.be.a('string');
  return JSON.parse(raw!) as { payload: string }[];
}

/** Waits until a scroll area has stopped moving (five frames in a row at the same place). */
async function settled(el: HTMLElement): Promise<void> {
  let last = -1;
  let still = 0;
  while (still < 5) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    still = el.scrollTop === last ? still + 1 : 0;
    last = el.scrollTop;
  }
}

/** Waits for two frames: the virtualizer lays out and the browser paints. */
const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('dc-chat-thread', function () {
  this.timeout(20000);
  // The virtualizer's benign "ResizeObserver loop" error is no failure: test/support/dom.ts sees to it.
  // Tall threads render whole: the virtualizer renders what the window shows.
  before(() => setViewport({ width: 1000, height: 2600 }));

  afterEach(async () => {
    await sendMouse({ type: 'move', position: [0, 0] });
    await setDefaultLocale(undefined);
  });

  describe('PANE-1: history', () => {
    it('PANE-1: first load shows "Loading conversation…", a failure its reason and Retry, and Retry loads it', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const kit = await mountThread({
        backend: { historySize: 12 },
        beforeAccept: ({ backend }) => {
          backend.failHistory({ count: 1, reason: 'History service down' });
          const load = backend.loadHistory.bind(backend);
          backend.loadHistory = async (taskId) => {
            await gate;
            return load(taskId);
          };
        },
      });
      const status = () => root(kit).querySelector('[part~="history-status"]');
      await until(() => kit.thread.matches(':state(loading)'), 'loading state');
      expect(visible(status())).to.equal('Loading conversation…');
      expect(status()!.getAttribute('role')).to.equal('status');
      // The task's own messages are there meanwhile.
      await until(() => !!bubbleWith(kit, 'Hello, my parcel has not arrived.'), 'own messages while loading');

      release();
      await until(() => kit.thread.matches(':state(failed)'), 'failed state');
      await kit.thread.updateComplete;
      expect(visible(status())).to.contain('The earlier conversation could not be loaded: History service down');
      const retry = root(kit).querySelector<HTMLButtonElement>('[part~="history-retry"]')!;
      expect(text(retry)).to.equal('Retry');

      await click(retry);
      await historyLoaded(kit);
      await kit.thread.updateComplete;
      expect(kit.thread.matches(':state(failed)') || kit.thread.matches(':state(loading)')).to.equal(false);
      expect(status()).to.equal(null);
    });

    it('PANE-1/PANE-5: earlier interactions with other agents show behind "Earlier conversation", before this one', async () => {
      const kit = await mountThread({ backend: { historySize: 8 }, height: 2400 });
      await historyLoaded(kit);
      await kit.thread.updateComplete;
      await frames();
      const history = kit.store.state.history[kit.taskId]!.messages;
      const separators = [...root(kit).querySelectorAll('[part~="interaction"]')].map((el) => text(el));
      const earlierIds = new Set(history.map((m) => m.taskId));
      expect(separators.filter((s) => s.startsWith('Earlier conversation'))).to.have.length(earlierIds.size);
      expect(separators[separators.length - 1]).to.equal('This conversation');
      // An earlier agent's words are there, in a blue bubble with their name.
      const earlier = history.find((m) => m.from === 'agent')!;
      const bubble = bubbleWith(kit, earlier.text)!;
      expect(bubble.matches('[part~="agent-bubble"]')).to.equal(true);
      expect(text(rowOf(bubble).querySelector('[part~="sender"]'))).to.equal(earlier.name);
    });

    it('PANE-1: the bot conversation before the hand-off is shown, labelled, with the hand-off', async () => {
      const kit = await mountThread({ offer: { botHistory: true }, height: 1600 });
      await kit.thread.updateComplete;
      await frames();
      const bot = bubbles(kit).filter((b) => b.matches('[part~="bot-bubble"]'));
      expect(bot.length).to.be.greaterThan(0);
      expect(visible(rowOf(bot[0]!).querySelector('.meta'))).to.match(/^Assistant ?Automated/);
      const notes = [...root(kit).querySelectorAll('[part~="announcement"]')].map((el) => visible(el));
      expect(notes.some((n) => n.startsWith('Customer journey:'))).to.equal(true);
      expect(notes.some((n) => n.startsWith('Assistant handed the conversation over to an agent'))).to.equal(true);
    });
  });

  describe('PANE-2: messages', () => {
    it('PANE-2: customer in grey with initials, agent in solid blue; sender and time on each; header with name, queue and timer', async () => {
      const kit = await mountThread();
      kit.store.send(kit.taskId, { text: 'Let me check that for you.' });
      await until(() => !!bubbleWith(kit, 'Let me check that for you.'), 'agent bubble');
      const customer = bubbleWith(kit, 'Hello, my parcel has not arrived.')!;
      const agent = bubbleWith(kit, 'Let me check that for you.')!;
      const styleOf = (el: Element) => getComputedStyle(el);
      expect(customer.matches('[part~="customer-bubble"]')).to.equal(true);
      expect(styleOf(customer).backgroundColor).to.equal('rgb(244, 246, 248)'); // the raised (grey) surface
      expect(styleOf(agent).backgroundColor).to.equal('rgb(10, 92, 194)'); // the accent blue
      expect(text(rowOf(customer).querySelector('[part~="avatar"]'))).to.equal('AM');
      expect(text(rowOf(customer).querySelector('[part~="sender"]'))).to.equal('Alice Martin');
      expect(text(rowOf(agent).querySelector('[part~="sender"]'))).to.equal('Alex Martin');
      for (const b of [customer, agent]) {
        const time = rowOf(b).querySelector('time')!;
        expect(time.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
        expect(text(time)).to.match(/\d{1,2}:\d\d/); // today: the time alone
      }
      const header = root(kit).querySelector('[part~="header"]')!;
      expect(text(header.querySelector('[part~="title"]'))).to.equal('Alice Martin');
      expect(visible(header.querySelector('[part~="queue"]'))).to.equal('Sales');
      expect(visible(header.querySelector('[part~="timer"]'))).to.match(/^\d+:\d\d$/);
    });

    it('PANE-2: white space and new lines are kept; a long word wraps inside the bubble', async () => {
      const kit = await mountThread();
      const long = 'x'.repeat(400);
      kit.backend.customerMessage(kit.taskId, `Line one\n   indented line\n${long}`);
      await until(() => bubbles(kit).some((b) => b.textContent!.includes(long)), 'long message');
      const bubble = bubbles(kit).find((b) => b.textContent!.includes(long))!;
      expect(bubble.textContent).to.equal(`Line one\n   indented line\n${long}`);
      expect(getComputedStyle(bubble).whiteSpace).to.equal('pre-wrap');
      expect(bubble.getBoundingClientRect().right).to.be.at.most(log(kit).getBoundingClientRect().right);
      expect(bubble.scrollWidth).to.be.at.most(bubble.clientWidth + 1);
    });

    it('PANE-2, COMP-9: the agent\'s formatting shows styled, markers gone; a customer\'s markers stay as typed', async () => {
      const kit = await mountThread();
      kit.store.send(kit.taskId, { text: 'Call me *tomorrow* <b>please</b> ~~or not~~' });
      kit.backend.customerMessage(kit.taskId, 'I said *today*');
      await until(() => bubbles(kit).some((b) => b.textContent === 'I said *today*'), 'the customer message shows as typed');
      await until(() => bubbles(kit).some((b) => b.textContent?.startsWith('Call me tomorrow')), 'the agent message shows');
      const bubble = bubbles(kit).find((b) => b.textContent?.startsWith('Call me tomorrow'))!;
      // Chat's markup is Markdown: *x* is italic, ~~x~~ struck through; HTML stays as typed.
      expect(text(bubble)).to.equal('Call me tomorrow <b>please</b> or not');
      expect(text(bubble.querySelector('em'))).to.equal('tomorrow');
      expect(text(bubble.querySelector('s'))).to.equal('or not');
      expect(bubble.querySelector('b')).to.be.null;
    });

    it('PANE-2: markup a customer writes is shown as text and never runs (XSS corpora)', async function () {
      this.timeout(120000);
      const h5sc = await corpus('h5sc-vectors.json');
      const dompurify = await corpus('dompurify-fixtures.json');
      const flagged = (window as unknown as { __dcXss?: boolean });
      flagged.__dcXss = false;
      const spies = ['alert', 'confirm', 'prompt', 'print'] as const;
      const originals = spies.map((name) => window[name]);
      let called = 0;
      for (const name of spies) (window as unknown as Record<string, () => void>)[name] = () => void called++;
      const own = [
        '<img src=x onerror="window.__dcXss = true">',
        '<script>window.__dcXss = true</script>',
        '<svg onload="window.__dcXss = true"></svg>',
        '<iframe srcdoc="<script>parent.__dcXss = true</script>"></iframe>',
        '<a href="javascript:window.__dcXss = true">click me</a>',
      ];
      const payloads = [...own, ...h5sc.map((v) => v.payload), ...dompurify.map((v) => v.payload)];
      try {
        const kit = await mountThread({ height: 3000 });
        for (let i = 0; i < payloads.length; i += 5) {
          const chunk = payloads.slice(i, i + 5);
          for (const p of chunk) kit.backend.customerMessage(kit.taskId, p);
          const last = chunk[chunk.length - 1]!;
          await until(() => bubbles(kit).some((b) => b.textContent === last), `payload ${i} shown`);
          await frames();
          for (const b of bubbles(kit)) {
            for (const el of b.querySelectorAll('*')) {
              expect(el.localName, b.textContent!).to.equal('a');
              expect((el as HTMLAnchorElement).protocol, b.textContent!).to.be.oneOf(['http:', 'https:', 'mailto:']);
            }
          }
          for (const p of chunk.filter((x) => x.trim())) {
            const shown = bubbles(kit).find((b) => b.textContent === p);
            expect(shown, `shown as written: ${p.slice(0, 60)}`).to.exist;
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 200)); // let failed loads report, if anything loaded
        const tags = [...root(kit).querySelectorAll('script, iframe, object, embed, form, img, math, style, meta, link, base, video, audio')];
        expect(tags.map((t) => t.localName)).to.deep.equal([]);
        expect([...root(kit).querySelectorAll('svg')].every((svg) => svg.classList.contains('icon'))).to.equal(true);
      } finally {
        spies.forEach((name, i) => ((window as unknown as Record<string, unknown>)[name] = originals[i]));
      }
      expect(flagged.__dcXss, 'a global flag set by a payload').to.equal(false);
      expect(called, 'alert, confirm, prompt or print called').to.equal(0);
    });

    it('PANE-2: addresses become links that open in a new tab; javascript: never becomes a link', async () => {
      const kit = await mountThread();
      const words = 'See https://example.com/help. Or javascript:alert(1), JAVASCRIPT:alert(2) and data:text/html,<b>x</b>.';
      kit.backend.customerMessage(kit.taskId, words);
      await until(() => !!bubbleWith(kit, words), 'message shown');
      const links = [...bubbleWith(kit, words)!.querySelectorAll('a')];
      expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.target, a.rel])).to.deep.equal([
        ['https://example.com/help', 'https://example.com/help', '_blank', 'noopener noreferrer'],
      ]);
    });

    it('PANE-2: pictures show as lazy thumbnails linking to the file, other files as downloads with their size; unsafe URLs are not linked', async () => {
      const kit = await mountThread();
      const png = new File([new Uint8Array([137, 80, 78, 71])], 'photo.png', { type: 'image/png' });
      const pdf = new File([new Uint8Array(2048)], 'invoice.pdf', { type: 'application/pdf' });
      await kit.store.attach(kit.taskId, [png, pdf]);
      kit.store.send(kit.taskId, { text: 'Here you are', attachments: kit.store.state.drafts[kit.taskId]!.attachments });
      await until(() => kit.store.state.messages[kit.taskId]!.some((m) => m.attachments?.length), 'sent with files');
      await until(() => root(kit).querySelector('a[part~="attachment"] img') !== null, 'thumbnail');
      const picture = root(kit).querySelector<HTMLAnchorElement>('a[part~="attachment"].picture')!;
      const img = picture.querySelector('img')!;
      expect(img.alt).to.equal('photo.png');
      expect(img.loading).to.equal('lazy');
      expect(picture.href).to.match(/^blob:/);
      expect([picture.target, picture.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
      const file = root(kit).querySelector<HTMLAnchorElement>('a[part~="attachment"].file')!;
      expect(visible(file)).to.equal('invoice.pdf2 KB');
      expect(file.href).to.match(/^blob:/);

      // The same thread in French writes sizes the French way.
      kit.provider.lang = 'fr';
      await kit.provider.localeReady;
      await kit.thread.updateComplete;
      await frames();
      expect(root(kit).querySelector('a[part~="attachment"].file .size')!.textContent).to.equal('2\u00a0Ko');

      // A server message whose file URLs are unsafe: the names show, never as links or images.
      const seq = kit.store.state.lastSeq + 1;
      kit.backend.injectRawEvent({
        type: 'message',
        seq,
        at: Date.now(),
        message: {
          id: 'evil',
          taskId: kit.taskId,
          from: 'customer',
          text: 'Files',
          at: Date.now(),
          attachments: [
            { id: 'a1', name: 'run.html', type: 'text/html', size: 10, url: 'javascript:alert(1)' },
            { id: 'a2', name: 'pic.svg', type: 'image/svg+xml', size: 10, url: 'data:image/svg+xml,<svg onload=alert(1)>' },
            { id: 'a3', name: 'pic.png', type: 'image/png', size: 10, url: 'vbscript:msgbox(1)', thumbnailUrl: 'data:text/html,<script>alert(1)</script>' },
          ],
        },
      });
      await until(() => bubbles(kit).some((b) => b.textContent!.startsWith('Files')), 'message with unsafe files');
      const bubble = bubbles(kit).find((b) => b.textContent!.startsWith('Files'))!;
      expect(bubble.querySelectorAll('a, img')).to.have.length(0);
      expect([...bubble.querySelectorAll('[part~="attachment"] .name')].map((n) => n.textContent)).to.deep.equal([
        'run.html',
        'pic.svg',
        'pic.png',
      ]);
    });
  });

  describe('PANE-3: announcements', () => {
    it('PANE-3: customer left, workflow success and failure, joined and closed (earlier interaction) appear inline, in words', async () => {
      const kit = await mountThread({ backend: { historySize: 6 }, height: 2400 });
      await historyLoaded(kit);
      await until(() => kit.store.state.catalogue.status === 'loaded', 'catalogue');
      const workflow = kit.store.state.catalogue.value.workflows.find((w) => w.params.length === 0)!;
      await kit.store.triggerWorkflow(kit.taskId, workflow.id, {});
      kit.backend.failWorkflow({ count: 1, reason: 'CRM unreachable' });
      await kit.store.triggerWorkflow(kit.taskId, workflow.id, {}).catch(() => undefined);
      kit.backend.customerLeaves(kit.taskId);
      await until(() => kit.store.state.messages[kit.taskId]!.some((m) => m.announcement?.code === 'customer-left'), 'left');
      await kit.thread.updateComplete;
      await frames();
      const notes = [...root(kit).querySelectorAll('[part~="announcement"]')].map((el) => visible(el));
      const name = typeof workflow.name === 'string' ? workflow.name : workflow.name['en']!;
      expect(notes.some((n) => n.startsWith(`Workflow ${name} ran`)), notes.join(' | ')).to.equal(true);
      expect(notes.some((n) => n.startsWith(`Workflow ${name} failed: CRM unreachable`)), notes.join(' | ')).to.equal(true);
      expect(notes.some((n) => n.startsWith('Alice Martin left the conversation'))).to.equal(true);
      expect(notes.some((n) => / joined the conversation/.test(n))).to.equal(true);
      const closed = [...root(kit).querySelectorAll('[part~="announcement"]')].find((el) => visible(el).startsWith('Conversation closed'))!;
      expect(closed, 'closed').to.exist;
      expect(closed.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-/);
      expect(visible(closed.querySelector('time'))).to.match(/\d/);
    });
  });

  describe('PANE-4: receipts and Retry', () => {
    it('PANE-4: an outgoing message shows sending, then sent, delivered and read, with words for screen readers', async () => {
      const kit = await mountThread({ backend: { latencyMs: 150, deliveredAfterMs: 300, readAfterMs: 300 } });
      const seen = new Set<string>();
      const receiptOf = () => {
        const b = bubbleWith(kit, 'On its way');
        const r = b && rowOf(b).querySelector<HTMLElement>('[part~="receipt"]');
        if (r) seen.add(r.dataset['receipt']!);
        return r;
      };
      const observer = new MutationObserver(() => receiptOf());
      observer.observe(root(kit), { subtree: true, childList: true, attributes: true, characterData: true });
      kit.store.send(kit.taskId, { text: 'On its way' });
      await until(() => !!receiptOf(), 'receipt shown');
      expect(visible(receiptOf())).to.equal('Sending…');
      expect(text(receiptOf()!.querySelector('.visually-hidden'))).to.equal('Status:');
      await until(() => receiptOf()?.dataset['receipt'] === 'read', 'read', 5000);
      observer.disconnect();
      expect(visible(receiptOf())).to.equal('Read');
      expect([...seen]).to.include.members(['sending', 'sent', 'delivered', 'read']);
    });

    it('PANE-4/COMP-12: sent while offline, a message says it waits for the connection, and goes once when it returns', async () => {
      const kit = await mountThread();
      kit.backend.dropConnection();
      await until(() => kit.store.state.connection === 'offline', 'offline');
      kit.store.send(kit.taskId, { text: 'Are you there?' });
      await until(() => !!bubbleWith(kit, 'Are you there?'), 'queued bubble');
      const receipt = () => rowOf(bubbleWith(kit, 'Are you there?')!).querySelector('[part~="receipt"]');
      expect(visible(receipt())).to.equal('Sending when the connection returns');
      await kit.backend.restoreConnection();
      await until(() => (receipt() as HTMLElement | null)?.dataset['receipt'] === 'read', 'delivered after reconnect');
      expect((await serverAgentMessages(kit)).filter((m) => m.text === 'Are you there?')).to.have.length(1);
    });

    it('PANE-4: a refused message shows the reason; Retry (a real click) delivers it once and it shows delivered', async () => {
      const kit = await mountThread();
      kit.backend.failSends({ count: 1, reason: 'Carrier unavailable', mode: 'reject' });
      kit.store.send(kit.taskId, { text: 'Your refund is approved' });
      await until(() => !!root(kit).querySelector('[part~="retry"]'), 'Retry shown');
      const failure = root(kit).querySelector('[part~="failure"]')!;
      expect(visible(failure)).to.contain('Not delivered: Carrier unavailable');
      expect(getComputedStyle(failure).color).to.equal('rgb(180, 35, 24)'); // the danger red
      expect(root(kit).querySelector('[part~="discard"]')).to.exist;
      expect(await serverAgentMessages(kit)).to.have.length(0);

      await click(root(kit).querySelector('[part~="retry"]')!);
      const receipt = () => rowOf(bubbleWith(kit, 'Your refund is approved')!).querySelector<HTMLElement>('[part~="receipt"]');
      await until(() => receipt()?.dataset['receipt'] === 'delivered' || receipt()?.dataset['receipt'] === 'read', 'delivered');
      expect((await serverAgentMessages(kit)).map((m) => m.text)).to.deep.equal(['Your refund is approved']);
      expect(bubbles(kit).filter((b) => b.textContent === 'Your refund is approved')).to.have.length(1);
    });

    it('PANE-4: a message the server could not deliver is retried from the keyboard without a second copy', async () => {
      const kit = await mountThread();
      kit.backend.failSends({ count: 1, reason: 'Customer unreachable', mode: 'delivery' });
      kit.store.send(kit.taskId, { text: 'Please confirm' });
      await until(() => !!root(kit).querySelector('[part~="retry"]'), 'Retry shown');
      expect(visible(root(kit).querySelector('[part~="failure"]'))).to.contain('Not delivered: Customer unreachable');
      expect(root(kit).querySelector('[part~="discard"]')).to.equal(null); // the server holds it: nothing to discard

      const retry = root(kit).querySelector<HTMLButtonElement>('[part~="retry"]')!;
      retry.focus();
      await press('Enter');
      const receipt = () => rowOf(bubbleWith(kit, 'Please confirm')!).querySelector<HTMLElement>('[part~="receipt"]');
      await until(() => receipt()?.dataset['receipt'] === 'delivered' || receipt()?.dataset['receipt'] === 'read', 'delivered');
      // The button left with the failure: the focus stays in the conversation, not lost to the page.
      expect(root(kit).activeElement).to.equal(log(kit));
      const held = await serverAgentMessages(kit);
      expect(held.map((m) => [m.text, m.receipt === 'failed'])).to.deep.equal([['Please confirm', false]]);
      expect(bubbles(kit).filter((b) => b.textContent === 'Please confirm')).to.have.length(1);
    });

    it('PANE-4: Discard drops a refused message', async () => {
      const kit = await mountThread();
      kit.backend.failSends({ count: 1, mode: 'reject' });
      kit.store.send(kit.taskId, { text: 'Never mind' });
      await until(() => !!root(kit).querySelector('[part~="discard"]'), 'Discard shown');
      await click(root(kit).querySelector('[part~="discard"]')!);
      await until(() => !bubbleWith(kit, 'Never mind'), 'gone');
      expect(kit.store.state.outbox).to.deep.equal({});
      expect(await serverAgentMessages(kit)).to.have.length(0);
    });
  });

  describe('scrolling, size, typing, live region', () => {
    it('PANE-1: a 5,000-message history keeps a few hundred elements, opening at the newest message', async function () {
      this.timeout(60000);
      const kit = await mountThread({ backend: { historySize: 5000 } });
      await historyLoaded(kit);
      await kit.thread.updateComplete;
      await until(() => distanceToEnd(log(kit)) <= 2 && !!bubbleWith(kit, 'Hello, my parcel has not arrived.'), 'at the newest message');
      const count = () => root(kit).querySelectorAll('*').length;
      expect(kit.store.state.history[kit.taskId]!.messages).to.have.length(5000);
      expect(count()).to.be.below(400);
      log(kit).focus();
      await press('Home');
      await until(() => log(kit).scrollTop === 0 && !!root(kit).querySelector('[part~="interaction"]'), 'at the oldest message');
      await frames();
      expect(count()).to.be.below(400);
    });

    it('PANE-1: pinned at the bottom, a new message comes into view; scrolled up (keys), the view stays and "New messages (n)" goes back down', async () => {
      const kit = await mountThread({ backend: { historySize: 120 } });
      await historyLoaded(kit);
      await until(() => distanceToEnd(log(kit)) <= 2, 'at the end');
      kit.backend.customerMessage(kit.taskId, 'First new one');
      await until(() => !!bubbleWith(kit, 'First new one') && distanceToEnd(log(kit)) <= 2, 'new message in view');

      log(kit).focus();
      await press('PageUp');
      await press('PageUp');
      await until(() => kit.thread.matches(':state(scrolled-up)'), 'scrolled up');
      await until(() => distanceToEnd(log(kit)) > 200, 'moved up');
      await settled(log(kit));
      const anchor = bubbles(kit).find((b) => b.getBoundingClientRect().top >= log(kit).getBoundingClientRect().top)!;
      const anchorTop = anchor.getBoundingClientRect().top;
      kit.backend.customerMessage(kit.taskId, 'Second new one');
      kit.backend.customerMessage(kit.taskId, 'Third new one');
      const jump = () => root(kit).querySelector<HTMLButtonElement>('[part~="new-messages"]');
      await until(() => !!jump() && visible(jump()) === 'New messages (2)', 'New messages (2)');
      await settled(log(kit));
      // What the agent was reading has not moved.
      expect(anchor.isConnected).to.equal(true);
      expect(Math.abs(anchor.getBoundingClientRect().top - anchorTop)).to.be.at.most(1);

      await click(jump()!);
      await until(() => distanceToEnd(log(kit)) <= 2 && !!bubbleWith(kit, 'Third new one'), 'back at the newest');
      await kit.thread.updateComplete;
      expect(jump()).to.equal(null);
      expect(kit.thread.matches(':state(scrolled-up)')).to.equal(false);
      // Following again: the next message comes into view by itself.
      kit.backend.customerMessage(kit.taskId, 'Fourth new one');
      await until(() => !!bubbleWith(kit, 'Fourth new one') && distanceToEnd(log(kit)) <= 2, 'followed');
    });

    it('PANE-1: scrolled up with the End key, the view follows new messages again; the scroll area is a labelled tab stop', async () => {
      const kit = await mountThread({ backend: { historySize: 80 } });
      await historyLoaded(kit);
      const el = log(kit);
      expect(el.tabIndex).to.equal(0);
      expect(el.getAttribute('role')).to.equal('region');
      expect(el.getAttribute('aria-label')).to.equal('Conversation with Alice Martin');
      expect(el.hasAttribute('aria-live')).to.equal(false);
      el.focus();
      await press('Home');
      await until(() => kit.thread.matches(':state(scrolled-up)'), 'scrolled up');
      await press('End');
      await until(() => !kit.thread.matches(':state(scrolled-up)'), 'following again');
      kit.backend.customerMessage(kit.taskId, 'Still there?');
      await until(() => !!bubbleWith(kit, 'Still there?') && distanceToEnd(el) <= 2, 'in view');
    });

    it('PANE-2: shows "… is typing" while the customer types, and reads new customer messages out politely', async () => {
      const kit = await mountThread();
      const live = root(kit).querySelector('[aria-live="polite"]')!;
      expect(text(live)).to.equal('');
      kit.backend.customerTyping(kit.taskId, true);
      await until(() => kit.thread.matches(':state(typing)'), 'typing');
      expect(visible(root(kit).querySelector('[part~="typing"]'))).to.equal('Alice Martin is typing…');
      kit.backend.customerMessage(kit.taskId, 'Order 55-1290');
      await until(() => text(live) === 'Alice Martin: Order 55-1290', 'read out');
      expect(kit.thread.matches(':state(typing)')).to.equal(false);
      // The agent's own messages are not read out.
      kit.store.send(kit.taskId, { text: 'Thanks' });
      await until(() => !!bubbleWith(kit, 'Thanks'), 'sent');
      expect(text(live)).to.equal('Alice Martin: Order 55-1290');
    });

    it('PANE-2: shows the task named by task-id, else the selected one; nothing to show is said so', async () => {
      const kit = await mountThread();
      const other = kit.backend.offer('chat', { text: 'Second customer here', customer: { name: 'Bruno Petit' } })!;
      await until(() => !!kit.store.state.tasks[other.id], 'second offer');
      kit.store.accept(other.id);
      await until(() => kit.store.state.selectedTaskId === other.id, 'second selected');
      await kit.thread.updateComplete;
      expect(text(root(kit).querySelector('[part~="title"]'))).to.equal('Bruno Petit');
      kit.thread.taskId = kit.taskId;
      await kit.thread.updateComplete;
      expect(text(root(kit).querySelector('[part~="title"]'))).to.equal('Alice Martin');
      await until(() => !!bubbleWith(kit, 'Hello, my parcel has not arrived.'), 'first task shown');
      kit.thread.taskId = 'nope';
      await kit.thread.updateComplete;
      expect(kit.thread.matches(':state(empty)')).to.equal(true);
      expect(visible(root(kit).querySelector('[part~="empty"]'))).to.equal('No conversation selected');
    });
  });

  describe('embedding', () => {
    it('EMBED-1: works inside another shadow root within one provider, and with a store given as a property', async () => {
      const kit = await mountThread();
      const host = document.createElement('div');
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<div style="display: flex; flex-direction: column; height: 300px"><dc-chat-thread></dc-chat-thread></div>';
      kit.provider.append(host);
      const inner = shadow.querySelector<DcChatThread>('dc-chat-thread')!;
      await until(() => !!inner.shadowRoot!.querySelector('[part~="customer-bubble"]'), 'conversation inside a shadow root');
      expect(text(inner.shadowRoot!.querySelector('[part~="title"]'))).to.equal('Alice Martin');

      const alone = document.createElement('dc-chat-thread');
      alone.style.cssText = 'display: flex; height: 300px';
      alone.store = kit.store;
      document.body.append(alone);
      try {
        await until(() => !!alone.shadowRoot!.querySelector('[part~="customer-bubble"]'), 'conversation with a store property');
      } finally {
        alone.remove();
      }
    });
  });

  describe('accessibility and language', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`passes axe in the ${theme} theme with every kind of row`, async () => {
        const kit = await mountThread({ theme, backend: { historySize: 10 }, offer: { botHistory: true }, height: 1800 });
        await historyLoaded(kit);
        kit.backend.failSends({ count: 1, mode: 'reject' });
        kit.store.send(kit.taskId, { text: 'Refused one' });
        kit.store.send(kit.taskId, { text: 'Going out https://example.com' });
        kit.backend.customerTyping(kit.taskId, true);
        await until(() => !!root(kit).querySelector('[part~="retry"]') && kit.thread.matches(':state(typing)'), 'rows on show');
        await frames();
        await expect(kit.provider).to.be.accessible();
      });
    }

    it('EMBED-5: in French, dates are written the French way', async () => {
      const kit = await mountThread({ lang: 'fr', backend: { historySize: 6 }, height: 1600 });
      await historyLoaded(kit);
      await kit.thread.updateComplete;
      await frames();
      const separator = [...root(kit).querySelectorAll('[part~="interaction"]')].map((el) => text(el))[0]!;
      expect(separator).to.match(/(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)/);
    });
  });
});
