/**
 * A chat-only page never downloads the email parts (MAIL-*, DESIGN §8): the requests of a page whose
 * kit has no email media, recorded by the browser, hold the chat thread and composer once a chat is
 * open, and no Quill, no DOMPurify and no email element. The same recorder then sees all three come in
 * once an email task opens on a kit with email: it would notice them. This file must be the first in
 * its page to load those modules, so it imports only the desktop.
 */
import { expect, html } from '@open-wc/testing';
import '../../src/elements/desktop/desktop.js';
import { mountKit, signInReady, until } from '../support/kit.js';

const requested = () => performance.getEntriesByType('resource').map((e) => e.name);
const EMAIL_PARTS = /node_modules\/(quill|dompurify)\/|src\/elements\/email-(thread|composer)\//;

describe('a chat-only page', function () {
  this.timeout(30000);

  it('MAIL-3, MAIL-7: loads no Quill, no DOMPurify and no email element; an email task then loads them', async () => {
    performance.setResourceTimingBufferSize(10_000);
    const chatOnly = await mountKit(html`<dc-desktop style="height: 40rem"></dc-desktop>`, {
      config: { media: { chat: {}, sms: {}, social: { kind: 'social' } } },
    });
    await signInReady(chatOnly.store);
    const offer = chatOnly.backend.offer('chat', { text: 'Bonjour' })!;
    await until(() => chatOnly.store.state.tasks[offer.id]?.status === 'offered', 'offered');
    chatOnly.store.accept(offer.id);
    const desktop = chatOnly.provider.querySelector('dc-desktop')!;
    await until(() => !!desktop.shadowRoot!.querySelector('dc-composer'), 'the chat composer');
    // The path ran: the conversation's own modules were fetched and recorded.
    expect(requested().some((u) => u.includes('src/elements/chat-thread/')), 'the chat thread fetched').to.equal(true);
    expect(requested().filter((u) => EMAIL_PARTS.test(u))).to.deep.equal([]);
    chatOnly.provider.remove();

    const withEmail = await mountKit(html`<dc-desktop style="height: 40rem"></dc-desktop>`);
    await signInReady(withEmail.store);
    const email = withEmail.backend.offer('email', { email: 'plain' })!;
    await until(() => withEmail.store.state.tasks[email.id]?.status === 'offered', 'the email offered');
    withEmail.store.accept(email.id);
    const second = withEmail.provider.querySelector('dc-desktop')!;
    await until(() => !!second.shadowRoot!.querySelector('dc-email-thread'), 'the email thread');
    second.shadowRoot!.querySelector('dc-email-thread')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="reply"]')?.click();
    await until(() => requested().some((u) => /node_modules\/quill\//.test(u)), 'Quill fetched once a reply opens', 20000);
    expect(requested().some((u) => /node_modules\/dompurify\//.test(u)), 'DOMPurify fetched').to.equal(true);
  });
});
