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
});
