/**
 * Text and files from outside the kit as the agent sees them (HOSTILE-17, 18, 32): the agent's own
 * Markdown read back without its escapes, deceptive link hosts, bidirectional controls in names, and
 * customers' remote pictures held back until the agent asks.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/chat-thread/chat-thread.js';
import '../../src/elements/composer/composer.js';
import type { DcChatThread } from '../../src/elements/chat-thread/chat-thread.js';
import type { DcComposer } from '../../src/elements/composer/composer.js';
import type { OfferOptions } from '../../src/simulator/index.js';
import type { DcConfigInput } from '../../src/model/config.js';
import fc from 'fast-check';
import '../../src/elements/desktop/desktop.js';
import { notificationText } from '../../src/elements/notifications/notifications.js';
import { resolveConfig } from '../../src/model/config.js';
import { mountKit, signInReady, text, until } from '../support/kit.js';

const ALICE: OfferOptions = { queue: 'Sales', customer: { name: 'Alice Martin', email: 'alice@example.com' } };

/** A thread and a composer on one accepted chat. */
async function mountChat(options: { config?: DcConfigInput; offer?: OfferOptions } = {}) {
  const kit = await mountKit(
    html`<div style="display: flex; flex-direction: column; width: 36rem; height: 520px">
      <dc-chat-thread></dc-chat-thread>
      <dc-composer></dc-composer>
    </div>`,
    { backend: { deliveredAfterMs: 5, readAfterMs: 5 }, ...(options.config ? { config: options.config } : {}) },
  );
  await signInReady(kit.store);
  const offer = kit.backend.offer('chat', { text: 'Hello', ...ALICE, ...options.offer })!;
  await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'offered');
  kit.store.accept(offer.id);
  await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'accepted');
  const thread = kit.provider.querySelector<DcChatThread>('dc-chat-thread')!;
  const composer = kit.provider.querySelector<DcComposer>('dc-composer')!;
  await thread.updateComplete;
  await composer.updateComplete;
  return { ...kit, thread, composer, taskId: offer.id };
}

type ChatKit = Awaited<ReturnType<typeof mountChat>>;
const bubbles = (kit: ChatKit) => [...kit.thread.shadowRoot!.querySelectorAll<HTMLElement>('[part~="bubble"]')];

describe('untrusted text', function () {
  this.timeout(20000);

  describe('HOSTILE-32: the agent’s own Markdown', () => {
    it('HOSTILE-32, COMP-9: file_name_v2.txt typed in a chat shows as typed in the agent’s bubble; the customer gets it escaped', async () => {
      const kit = await mountChat();
      kit.composer.focus();
      await sendKeys({ type: 'Send file_name_v2.txt *now*' });
      await sendKeys({ press: 'Enter' });
      await until(() => bubbles(kit).some((b) => text(b).startsWith('Send')), 'the agent bubble');
      const bubble = bubbles(kit).find((b) => text(b).startsWith('Send'))!;
      expect(text(bubble)).to.equal('Send file_name_v2.txt *now*');
      expect(bubble.querySelector('em')).to.equal(null);
      const sent = (await kit.backend.snapshot()).messages[kit.taskId]!.filter((m) => m.from === 'agent');
      expect(sent.map((m) => m.text)).to.deep.equal(['Send file\\_name\\_v2.txt \\*now\\*']);
    });
  });

  describe('HOSTILE-18: customers\' remote pictures', () => {
    /** A picture on this page's server, at an address no earlier test used. */
    let n = 0;
    const pictureUrl = () => new URL(`/test/support/pixel.png?hostile18=${Date.now()}-${++n}`, location.href).href;

    /** Counts the page's requests for `url`, from now on (the browser's own record of what it fetched). */
    function watchRequests(url: string) {
      let count = 0;
      const observer = new PerformanceObserver((list) => (count += list.getEntries().filter((e) => e.name === url).length));
      observer.observe({ type: 'resource' });
      return {
        /** The requests so far (those the observer has not been told of yet included). */
        count(): number {
          count += observer.takeRecords().filter((e) => e.name === url).length;
          return count;
        },
        stop: () => observer.disconnect(),
      };
    }

    function sendPicture(kit: ChatKit, url: string, from: 'customer' | 'agent' = 'customer') {
      kit.backend.injectRawEvent({
        type: 'message',
        seq: kit.backend.nextSeq,
        at: Date.now(),
        message: {
          id: `picture-${n}`,
          taskId: kit.taskId,
          from,
          text: from === 'agent' ? 'Here is ours' : 'Here is the damage',
          at: Date.now(),
          ...(from === 'agent' ? { clientId: `c-${n}`, receipt: 'sent' } : {}),
          attachments: [{ id: 'a1', name: 'parcel.png', type: 'image/png', size: 70, url, thumbnailUrl: url }],
        },
      });
    }

    const bubbleOf = (kit: ChatKit) => bubbles(kit).find((b) => text(b).startsWith('Here is the damage'));

    it('HOSTILE-18, PANE-2: a customer\'s https picture is not fetched until the agent clicks "Load image"; then it loads', async () => {
      const kit = await mountChat();
      const url = pictureUrl();
      const requests = watchRequests(url);
      sendPicture(kit, url);
      await until(() => !!bubbleOf(kit), 'the message shows');
      const bubble = bubbleOf(kit)!;
      // The path ran: the picture is there, by name and size, with its button.
      expect(text(bubble.querySelector('[part~="held-picture"]'))).to.equal('parcel.png70 BLoad image');
      expect(bubble.querySelectorAll('img'), 'no img in its bubble').to.have.length(0);
      // A picture of the agent's, shown after it, loads: by then the customer's would have been fetched.
      const later = pictureUrl();
      const laterRequests = watchRequests(later);
      sendPicture(kit, later, 'agent');
      await until(() => laterRequests.count() === 1, 'the agent picture fetched');
      expect(requests.count(), 'requests for the customer picture before the click').to.equal(0);
      await expect(kit.thread).to.be.accessible();

      const button = bubble.querySelector<HTMLButtonElement>('[part~="load-image"]')!;
      expect(button.getAttribute('aria-label')).to.equal('Load image parcel.png');
      const { sendMouse } = await import('@web/test-runner-commands');
      const r = button.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
      await until(() => !!bubble.querySelector('img'), 'the picture after the click');
      const img = bubble.querySelector('img')!;
      await until(() => img.complete && img.naturalWidth === 1, 'the picture loaded');
      expect(img.src).to.equal(url);
      await until(() => requests.count() > 0, 'the request');
      expect(requests.count(), 'requests for the picture after the click').to.equal(1);
      laterRequests.stop();
      requests.stop();
    });

    it('HOSTILE-18: pictures from an origin the host lists in remoteImages load at once', async () => {
      const kit = await mountChat({ config: { remoteImages: [location.origin] } });
      const url = pictureUrl();
      sendPicture(kit, url);
      await until(() => !!bubbleOf(kit)?.querySelector('img'), 'the picture at once');
      const img = bubbleOf(kit)!.querySelector('img')!;
      await until(() => img.complete && img.naturalWidth === 1, 'the picture loaded');
      expect(bubbleOf(kit)!.querySelector('[part~="load-image"]')).to.equal(null);
    });

    it('HOSTILE-18: the agent\'s own pictures load at once', async () => {
      const kit = await mountChat();
      sendPicture(kit, pictureUrl(), 'agent');
      const ours = () => bubbles(kit).find((b) => text(b).startsWith('Here is ours'));
      await until(() => !!ours()?.querySelector('img'), 'the agent\'s own picture at once');
      expect(ours()!.querySelector('[part~="load-image"]')).to.equal(null);
    });
  });

  describe('HOSTILE-17: names and links as the agent sees them', () => {
    const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/u;

    /** The first element matching `selector` in `root` or any shadow root below it. */
    function deep(root: Element | ShadowRoot | Document, selector: string): HTMLElement | undefined {
      const here = root.querySelector<HTMLElement>(selector);
      if (here) return here;
      for (const el of root.querySelectorAll('*')) {
        const found = el.shadowRoot && deep(el.shadowRoot, selector);
        if (found) return found;
      }
      return undefined;
    }

    /**
     * Whether the characters of `el` (left-to-right text) are drawn in the order they are written: on
     * each line, each one starts no further left than the one before.
     */
    function inWrittenOrder(el: Element): boolean {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let last: DOMRect | undefined;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.visually-hidden')) continue;
        const value = node.nodeValue ?? '';
        for (let i = 0; i < value.length; i++) {
          if (/\s|[\u202a-\u202e\u2066-\u2069]/u.test(value[i]!)) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const r = range.getBoundingClientRect();
          if (r.width === 0) continue;
          if (last && Math.abs(r.top - last.top) < 2 && r.left < last.left - 0.5) return false;
          last = r;
        }
      }
      return true;
    }

    it('HOSTILE-17, TASK-2, PANE-2, OFFER-1: names and file names with bidi controls never reorder the offer, task list, details or thread (seeded)', async function () {
      this.timeout(120000);
      const kit = await mountKit(html`<dc-desktop style="width: 1100px; height: 760px"></dc-desktop>`, {
        config: { media: { chat: { capacity: 100 } } },
      });
      await signInReady(kit.store);
      const desktop = kit.provider.querySelector('dc-desktop')!;
      const piece = fc.constantFrom('\u202e', '\u202d', '\u202b', '\u202a', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069', 'ab', 'c', 'x', 'gpj', 'exe', '.', '1', '-');
      const written = (min: number) => fc.array(piece, { minLength: min, maxLength: 8 }).map((p) => `N${p.join('')}`);
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(written(1), written(1), async (name, fileName) => {
          runs++;
          const shown = name.replace(/[\u202a-\u202e\u2066-\u2069]/gu, '');
          const offer = kit.backend.offer('chat', { queue: 'Sales', customer: { name }, text: 'Hi' })!;
          await until(() => !!deep(desktop.shadowRoot!, `[part~="offer"][data-task="${offer.id}"] [data-field="name"] dd`), 'the offer card');
          const field = deep(desktop.shadowRoot!, `[part~="offer"][data-task="${offer.id}"] [data-field="name"] dd`)!;
          expect(field.textContent, 'offer').to.equal(shown);
          expect(inWrittenOrder(field), `offer card of ${JSON.stringify(name)}`).to.equal(true);

          kit.store.accept(offer.id);
          await until(() => kit.store.state.selectedTaskId === offer.id, 'the task on show');
          // The customer details' name (<dc-customer-details> in the desktop's details region).
          const detailsName = () => deep(desktop.shadowRoot!, 'dc-customer-details')?.shadowRoot?.querySelector<HTMLElement>('[part~="name"]');
          await until(() => text(detailsName()) === shown, 'the details');
          const row = () => deep(desktop.shadowRoot!, `[data-task-id="${offer.id}"] [part~="name"]`);
          await until(() => !!row(), 'the task list row');
          for (const [where, el] of [
            ['task list', row()!],
            ['details', detailsName()!],
            ['thread header', deep(desktop.shadowRoot!, 'dc-chat-thread')!.shadowRoot!.querySelector('[part~="title"]')!],
          ] as const) {
            expect(CONTROLS.test(el.textContent ?? ''), where).to.equal(false);
            expect(inWrittenOrder(el), `${where} of ${JSON.stringify(name)}`).to.equal(true);
          }

          kit.backend.injectRawEvent({
            type: 'message',
            seq: kit.backend.nextSeq,
            at: Date.now(),
            message: {
              id: `m-${runs}`,
              taskId: offer.id,
              from: 'customer',
              name,
              text: 'The file',
              at: Date.now(),
              attachments: [{ id: 'f', name: fileName, type: 'application/pdf', size: 1000, url: 'https://files.example.com/f.pdf' }],
            },
          });
          const thread = deep(desktop.shadowRoot!, 'dc-chat-thread')!;
          await until(() => [...thread.shadowRoot!.querySelectorAll('[part~="attachment"] .name')].length > 0, 'the file in the thread');
          const file = [...thread.shadowRoot!.querySelectorAll<HTMLElement>('[part~="attachment"] .name')].pop()!;
          expect(file.textContent).to.equal(fileName.replace(/[\u202a-\u202e\u2066-\u2069]/gu, ''));
          expect(inWrittenOrder(file.closest('[part~="attachment"]')!), `file ${JSON.stringify(fileName)}`).to.equal(true);
          const sender = [...thread.shadowRoot!.querySelectorAll<HTMLElement>('[part~="sender"]')].pop()!;
          expect(inWrittenOrder(sender.closest('.meta')!), `sender ${JSON.stringify(name)}`).to.equal(true);
        }),
        { seed: 1717, numRuns: 25 },
      );
      expect(runs).to.equal(25);
    });

    it('HOSTILE-17: "invoice\u202Egpj.exe" reads as written in the thread, not as "invoiceexe.jpg"', async () => {
      const kit = await mountChat();
      kit.backend.injectRawEvent({
        type: 'message',
        seq: kit.backend.nextSeq,
        at: Date.now(),
        message: {
          id: 'rlo',
          taskId: kit.taskId,
          from: 'customer',
          text: 'Invoice attached',
          at: Date.now(),
          attachments: [{ id: 'f', name: 'invoice\u202egpj.exe', type: 'application/octet-stream', size: 1000, url: 'https://files.example.com/f' }],
        },
      });
      await until(() => !!kit.thread.shadowRoot!.querySelector('[part~="attachment"] .name'), 'the file');
      const name = kit.thread.shadowRoot!.querySelector<HTMLElement>('[part~="attachment"] .name')!;
      expect(name.textContent).to.equal('invoicegpj.exe');
      expect(getComputedStyle(name).unicodeBidi).to.equal('isolate');
      expect(inWrittenOrder(name)).to.equal(true);
    });

    it('HOSTILE-17: a right-to-left name in a notification is isolated from the sentence around it', () => {
      const config = resolveConfig({});
      const words = notificationText(config, { id: 1, at: 0, kind: 'info', code: 'new-message', params: { media: 'chat', customer: 'عمر\u202e', unread: 2, taskId: 't' } } as never, 0);
      expect(words).to.equal('New message from \u2068عمر\u2069 (Chat): 2 unread.');
    });

    it('HOSTILE-17, PANE-2: a link to https://аpple.com/login shows https://xn--pple-43d.com/login, where it goes', async () => {
      const kit = await mountChat();
      kit.backend.customerMessage(kit.taskId, 'Please log in at https://аpple.com/login to check');
      await until(() => bubbles(kit).some((b) => text(b).startsWith('Please log in')), 'the message');
      const link = bubbles(kit).find((b) => text(b).startsWith('Please log in'))!.querySelector('a')!;
      expect([link.textContent, link.getAttribute('href'), link.title]).to.deep.equal([
        'https://xn--pple-43d.com/login',
        'https://xn--pple-43d.com/login',
        'https://xn--pple-43d.com/login',
      ]);
      await expect(kit.thread).to.be.accessible();
    });
  });
});
