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

    /** Resource requests the page made for `url` (the browser's own record of what it fetched). */
    const requested = (url: string) => performance.getEntriesByType('resource').filter((e) => e.name === url).length;

    function sendPicture(kit: ChatKit, url: string, from: 'customer' | 'agent' = 'customer') {
      kit.backend.injectRawEvent({
        type: 'message',
        seq: kit.backend.nextSeq,
        at: Date.now(),
        message: {
          id: `picture-${n}`,
          taskId: kit.taskId,
          from,
          text: 'Here is the damage',
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
      sendPicture(kit, url);
      await until(() => !!bubbleOf(kit), 'the message shows');
      const bubble = bubbleOf(kit)!;
      // The path ran: the picture is there, by name and size, with its button.
      expect(text(bubble.querySelector('[part~="held-picture"]'))).to.equal('parcel.png70 BLoad image');
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300)));
      expect(kit.thread.shadowRoot!.querySelectorAll('img'), 'no img in the thread').to.have.length(0);
      expect(requested(url), 'requests for the picture before the click').to.equal(0);
      await expect(kit.thread).to.be.accessible();

      const button = bubble.querySelector<HTMLButtonElement>('[part~="load-image"]')!;
      expect(button.getAttribute('aria-label')).to.equal('Load image parcel.png');
      const { sendMouse } = await import('@web/test-runner-commands');
      const r = button.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
      await until(() => !!bubbleOf(kit)?.querySelector('img'), 'the picture after the click');
      const img = bubbleOf(kit)!.querySelector('img')!;
      await until(() => img.complete && img.naturalWidth === 1, 'the picture loaded');
      expect(img.src).to.equal(url);
      expect(requested(url)).to.equal(1);
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
      await until(() => !!bubbleOf(kit)?.querySelector('img'), 'the agent\'s own picture at once');
      expect(bubbleOf(kit)!.querySelector('[part~="load-image"]')).to.equal(null);
    });
  });
});
