import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/email-thread/email-thread.js';
import type { DcEmailThread } from '../../src/elements/email-thread/email-thread.js';
import type { DcEmailFrame } from '../../src/elements/email-thread/email-frame.js';
import { SENDERS_KEY } from '../../src/elements/email-thread/senders.js';
import { darkTokens } from '../../src/styles/tokens.js';
import type { Draft } from '../../src/model/draft.js';
import type { Message } from '../../src/model/tasks.js';
import {
  AGENT_ADDRESS,
  CUSTOMER,
  agentReply,
  announcement,
  emailConfig,
  emailMessage,
  emailStore,
  newsletterEmail,
  pciEmail,
  plainEmail,
  quotedEmail,
  richEmail,
  TASK_ID,
  type EmailStore,
} from '../../stories/support/email-fixtures.js';
import { until } from '../support/dom.js';

interface Mount {
  lang?: 'en' | 'fr';
  theme?: 'light' | 'dark';
  width?: string;
  height?: number;
  draft?: Draft;
  config?: ReturnType<typeof emailConfig>;
}

/** A provider for the language and theme only (no backend), and a thread on an email store of `messages`. */
async function mount(messages: Message[], options: Mount = {}) {
  const store = emailStore(messages, { ...(options.draft ? { draft: options.draft } : {}), ...(options.config ? { config: options.config } : {}) });
  fixtureCleanup();
  const dark = options.theme === 'dark' ? darkTokens.cssText : '';
  const provider = await fixture(
    html`<div
      lang=${options.lang ?? 'en'}
      style="${dark}; display: flex; flex-direction: column; width: ${options.width ?? '40rem'}; height: ${options.height ?? 600}px; background: var(--dc-color-surface, #fff)"
    >
      <dc-email-thread .store=${store}></dc-email-thread>
    </div>`,
  );
  const thread = provider.querySelector<DcEmailThread>('dc-email-thread')!;
  await thread.updateComplete;
  await until(() => emails(thread).length > 0 || messages.length === 0, 'emails on show');
  return { provider, thread, store };
}

const root = (t: DcEmailThread) => t.shadowRoot!;
const emails = (t: DcEmailThread) => [...root(t).querySelectorAll<HTMLElement>('[part~="email"]')];
const toggles = (t: DcEmailThread) => [...root(t).querySelectorAll<HTMLButtonElement>('[part~="toggle"]')];
const frames = (t: DcEmailThread) => [...root(t).querySelectorAll<DcEmailFrame>('dc-email-frame')];
const button = (within: ParentNode, words: string) =>
  [...within.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === words || b.getAttribute('aria-label') === words);
const frameDoc = async (frame: DcEmailFrame) => (await frame.frameReady).contentDocument!;
const settle = async (t: DcEmailThread) => {
  await t.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await t.updateComplete;
};

describe('dc-email-thread', () => {
  afterEach(() => localStorage.removeItem(SENDERS_KEY));

  it('MAIL-1: shows the subject, and each email’s from, to, cc, time and state, newest first', async () => {
    const { thread } = await mount([plainEmail(10), agentReply(5, 'delivered')]);
    expect(root(thread).querySelector('[part~="subject"]')!.textContent).to.equal('Re: My order 55-1290 has not arrived');
    // Newest first: the agent's reply, open; the customer's email below it, collapsed.
    const [reply, first] = emails(thread);
    expect(reply!.classList.contains('open')).to.equal(true);
    expect(first!.classList.contains('collapsed')).to.equal(true);
    const headers = reply!.querySelector('[part~="headers"]')!;
    expect(headers.textContent).to.contain(`From${AGENT_ADDRESS}`);
    expect(headers.textContent).to.contain(`To${CUSTOMER}`);
    expect(headers.textContent).to.contain('CcBob Martin <bob@example.com>');
    expect(reply!.querySelector('[part~="state"]')!.getAttribute('data-state')).to.equal('dr');
    expect(reply!.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-/);
    toggles(thread)[1]!.click();
    await settle(thread);
    expect(emails(thread)[1]!.querySelector('[part~="state"]')!.textContent).to.equal('Received');
  });

  it('MAIL-1: shows each state: Sent, Received, DR, Sending…, Failed', async () => {
    const msgs = [
      emailMessage({ from: 'agent', receipt: 'sending', minutesAgo: 1 }),
      emailMessage({ from: 'agent', receipt: 'sent', minutesAgo: 2 }),
      emailMessage({ from: 'agent', receipt: 'read', minutesAgo: 3 }),
      emailMessage({ from: 'agent', receipt: 'failed', minutesAgo: 4 }),
      emailMessage({ minutesAgo: 5 }),
    ].reverse();
    const { thread } = await mount(msgs);
    for (const t of toggles(thread).slice(1)) t.click();
    await settle(thread);
    const states = emails(thread).map((e) => e.querySelector('[part~="state"]')!.textContent);
    expect(states).to.deep.equal(['Sending…', 'Sent', 'DRdelivery report received', 'Failed', 'Received']);
  });

  it('MAIL-2: older emails are one line (from and snippet); a click, Enter or Space opens and closes them', async () => {
    const { thread } = await mount([plainEmail(10), agentReply(5)]);
    const older = toggles(thread)[1]!;
    expect(older.getAttribute('aria-expanded')).to.equal('false');
    expect(older.querySelector('.from')!.textContent).to.equal(CUSTOMER);
    expect(older.querySelector('.snippet')!.textContent).to.match(/^Hello, my parcel \(order 55-1290\)/);
    older.focus();
    await sendKeys({ press: 'Enter' });
    await settle(thread);
    expect(toggles(thread)[1]!.getAttribute('aria-expanded')).to.equal('true');
    expect(emails(thread)[1]!.querySelector('[part~="body"]')).to.exist;
    toggles(thread)[1]!.focus();
    await sendKeys({ press: 'Space' });
    await settle(thread);
    expect(toggles(thread)[1]!.getAttribute('aria-expanded')).to.equal('false');
    toggles(thread)[0]!.click();
    await settle(thread);
    expect(toggles(thread)[0]!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('MAIL-2: a text email’s quoted history is folded behind the ellipsis, its links safe and its line breaks kept', async () => {
    const { thread } = await mount([plainEmail(1)]);
    const email = emails(thread)[0]!;
    const body = email.querySelector<HTMLElement>('.text')!;
    expect(body.textContent).to.contain('Thanks,\nAlice');
    expect(body.textContent).not.to.contain('Your order has shipped');
    expect(getComputedStyle(body).whiteSpace).to.equal('pre-wrap');
    const links = [...body.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.target, a.rel]);
    expect(links).to.deep.equal([
      ['https://track.example/55-1290', '_blank', 'noopener noreferrer'],
      ['mailto:alice.martin@example.com', '_blank', 'noopener noreferrer'],
    ]);
    const fold = button(email, 'Show quoted history')!;
    expect(fold.getAttribute('aria-expanded')).to.equal('false');
    fold.click();
    await settle(thread);
    const shown = emails(thread)[0]!;
    expect(shown.querySelector('.quoted-text')!.textContent).to.contain('> Your order has shipped.');
    expect(button(shown, 'Hide quoted history')!.getAttribute('aria-expanded')).to.equal('true');
  });

  it('MAIL-2: an HTML email’s quoted history (gmail_quote) is folded inside the frame until the ellipsis shows it', async () => {
    const { thread } = await mount([quotedEmail(1)]);
    const frame = frames(thread)[0]!;
    let doc = await frameDoc(frame);
    expect(doc.body.textContent).to.contain('One mug is broken');
    expect(doc.body.textContent).not.to.contain('on its way again');
    const fold = frame.shadowRoot!.querySelector<HTMLButtonElement>('[part~="quoted"]')!;
    expect(fold.textContent).to.contain('Show quoted history');
    fold.click();
    await until(() => frame.showQuoted, 'quoted history shown');
    await until(() => (frame.shadowRoot!.querySelector('iframe')!.contentDocument?.body?.textContent ?? '').includes('on its way again'), 'history in the frame');
    doc = frame.shadowRoot!.querySelector('iframe')!.contentDocument!;
    expect(doc.querySelectorAll('blockquote').length).to.equal(2);
    expect(frame.shadowRoot!.querySelector('[part~="quoted"]')!.getAttribute('aria-expanded')).to.equal('true');
  });

  it('MAIL-3: an HTML email shows in a frame sandboxed without scripts or forms, with its CSP first, sized to its content', async () => {
    const { thread } = await mount([richEmail(1)]);
    const frame = frames(thread)[0]!;
    const iframe = await frame.frameReady;
    expect(iframe.getAttribute('sandbox')).to.equal('allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    const doc = iframe.contentDocument!;
    const first = doc.head.firstElementChild!;
    expect(first.getAttribute('http-equiv')).to.equal('Content-Security-Policy');
    expect(first.getAttribute('content')).to.equal("default-src 'none'; style-src 'unsafe-inline'; img-src data: blob:");
    expect(doc.querySelector('h1')!.textContent).to.equal('Return request');
    // The cid: logo comes from the email's attachment.
    expect(doc.querySelector('img')!.getAttribute('src')).to.match(/^data:image\/svg\+xml/);
    await until(() => Math.abs(iframe.offsetHeight - doc.documentElement.getBoundingClientRect().height) <= 2, 'frame as tall as its content');
    expect(doc.documentElement.scrollHeight).to.be.at.most(iframe.clientHeight + 1);
    // The email's own CSS stays in the frame: the thread's headings are not restyled.
    expect(getComputedStyle(doc.querySelector('h1')!).color).to.equal('rgb(0, 51, 102)');
  });

  it('MAIL-3: remote images are held back with a count; Load images loads them; Always remembers the sender', async () => {
    const { thread } = await mount([newsletterEmail(1, 'https://news.example')]);
    const frame = frames(thread)[0]!;
    const doc = await frameDoc(frame);
    expect([...doc.querySelectorAll('img')].every((i) => !i.hasAttribute('src'))).to.equal(true);
    const bar = frame.shadowRoot!.querySelector('[part~="images"]')!;
    expect(bar.textContent).to.contain('Remote images blocked (5)');
    button(bar, 'Load images')!.click();
    await until(() => frame.loadImages, 'images loaded');
    const loaded = await frameDoc(frame);
    expect(loaded.head.firstElementChild!.getAttribute('content')).to.contain('img-src data: blob: http: https:');
    expect(loaded.querySelector('img')!.getAttribute('src')).to.equal('https://news.example/img/banner.png');
    expect(frame.shadowRoot!.querySelector('[part~="images"]')).to.equal(null);
    expect(localStorage.getItem(SENDERS_KEY)).to.equal(null);
  });

  it('MAIL-3: Always for this sender keeps the sender (validated when read), and configured senders load at once', async () => {
    const first = await mount([newsletterEmail(1)]);
    const frame = frames(first.thread)[0]!;
    await frame.frameReady;
    button(frame.shadowRoot!, 'Always for this sender')!.click();
    await until(() => frame.loadImages, 'images loaded');
    expect(JSON.parse(localStorage.getItem(SENDERS_KEY)!)).to.deep.equal(['news@garden.example']);
    // A new thread (a reload) loads that sender's images at once.
    const again = await mount([newsletterEmail(1)]);
    await frames(again.thread)[0]!.frameReady;
    expect(frames(again.thread)[0]!.loadImages).to.equal(true);
    // Junk in storage is ignored.
    localStorage.setItem(SENDERS_KEY, '{"news@garden.example": true}');
    const junk = await mount([newsletterEmail(1)]);
    expect(frames(junk.thread)[0]!.loadImages).to.equal(false);
    localStorage.setItem(SENDERS_KEY, JSON.stringify([42, 'not an address', '<script>@x']));
    expect(frames((await mount([newsletterEmail(1)])).thread)[0]!.loadImages).to.equal(false);
    localStorage.removeItem(SENDERS_KEY);
    // config.media.email.imagesAllowedFrom.
    const configured = await mount([newsletterEmail(1)], { config: emailConfig({ imagesAllowedFrom: ['@garden.example'] }) });
    expect(frames(configured.thread)[0]!.loadImages).to.equal(true);
  });

  it('MAIL-8: attachments are listed to view and download; inline images are not listed again', async () => {
    const { thread } = await mount([richEmail(1)]);
    const items = [...root(thread).querySelectorAll<HTMLElement>('[part~="attachment"]')];
    expect(items.map((i) => i.querySelector('.name')!.textContent)).to.deep.equal(['receipt.pdf']);
    const [view, download] = [...items[0]!.querySelectorAll('a')];
    expect(view!.getAttribute('aria-label')).to.equal('View receipt.pdf');
    expect(view!.target).to.equal('_blank');
    expect(view!.rel).to.equal('noopener noreferrer');
    expect(download!.getAttribute('download')).to.equal('receipt.pdf');
    expect(download!.getAttribute('aria-label')).to.equal('Download receipt.pdf');
  });

  it('MAIL-8: a file the PCI check refused is greyed; selecting it shows the reason at the bottom edge', async () => {
    const { thread } = await mount([pciEmail(1)]);
    const blocked = root(thread).querySelector<HTMLElement>('[part~="pci-blocked"] button')!;
    expect(blocked.getAttribute('aria-disabled')).to.equal('true');
    expect(blocked.textContent).to.contain('Blocked by the security check');
    expect(root(thread).querySelector('[part~="pci-banner"]')).to.equal(null);
    blocked.focus();
    await sendKeys({ press: 'Enter' });
    await settle(thread);
    const banner = root(thread).querySelector<HTMLElement>('[part~="pci-banner"]')!;
    expect(banner.getAttribute('role')).to.equal('alert');
    expect(banner.textContent).to.contain('card-photo.jpg is unavailable: It looks like a payment card number.');
    // At the bottom edge of the thread (above the compose box).
    const host = thread.getBoundingClientRect();
    expect(Math.abs(banner.getBoundingClientRect().bottom - host.bottom)).to.be.below(2);
    button(banner, 'Dismiss')!.click();
    await settle(thread);
    expect(root(thread).querySelector('[part~="pci-banner"]')).to.equal(null);
  });

  it('MAIL-5: Reply, Reply all, Forward and Cc write the EmailDraft into the store; a switch keeps the body', async () => {
    const email = emailMessage({ id: 'e1', email: { to: [AGENT_ADDRESS, 'carol@example.com'], cc: ['bob@example.com'] } });
    const { thread, store } = await mount([email]);
    const actions = root(thread).querySelector('[part~="actions"]')!;
    button(actions, 'Reply')!.click();
    let draft = store.state.drafts[TASK_ID]!;
    expect(draft.email).to.deep.equal({
      mode: 'reply',
      repliedId: 'e1',
      to: [CUSTOMER],
      cc: [],
      bcc: [],
      subject: 'Re: My order 55-1290 has not arrived',
      ccShown: false,
      bccShown: false,
      html: '',
    });
    // The agent writes; Reply all switches (MAIL-6): body kept, To and Cc filled.
    store.setDraft(TASK_ID, { ...draft, text: 'Hello', email: { ...draft.email!, html: '<p>Hello</p>' } });
    button(actions, 'Reply all')!.click();
    draft = store.state.drafts[TASK_ID]!;
    expect(draft.text).to.equal('Hello');
    expect(draft.email).to.include({ mode: 'reply-all', html: '<p>Hello</p>', ccShown: true });
    expect(draft.email!.cc).to.deep.equal(['carol@example.com', 'bob@example.com']);
    button(actions, 'Forward')!.click();
    draft = store.state.drafts[TASK_ID]!;
    expect(draft.email).to.deep.include({ mode: 'forward', to: [], cc: [], subject: 'Fwd: My order 55-1290 has not arrived', html: '<p>Hello</p>' });
    // Cc on an email the draft answers shows Cc; on no draft, Reply all with Cc.
    button(actions, 'Cc (reply all with Cc)')!.click();
    expect(store.state.drafts[TASK_ID]!.email).to.include({ mode: 'forward', ccShown: true });
    store.setDraft(TASK_ID, undefined);
    button(actions, 'Cc (reply all with Cc)')!.click();
    expect(store.state.drafts[TASK_ID]!.email).to.include({ mode: 'reply-all', ccShown: true, repliedId: 'e1' });
  });

  it('MAIL-5: Reply on another email starts its fields there and keeps what the agent wrote', async () => {
    const older = emailMessage({ id: 'old', minutesAgo: 10, email: { subject: 'First' } });
    const newer = emailMessage({ id: 'new', minutesAgo: 1, email: { subject: 'Second', from: 'Alice <alice@other.example>' } });
    const draft: Draft = {
      text: 'typed',
      spans: [],
      attachments: [],
      email: { mode: 'reply', repliedId: 'old', to: [CUSTOMER], cc: [], bcc: ['boss@shop.example'], subject: 'Re: First', ccShown: false, bccShown: true, html: '<p>typed</p>' },
    };
    const { thread, store } = await mount([older, newer], { draft });
    button(emails(thread)[0]!, 'Reply')!.click();
    const next = store.state.drafts[TASK_ID]!;
    expect(next.text).to.equal('typed');
    expect(next.email).to.deep.equal({ ...draft.email, repliedId: 'new', to: ['Alice <alice@other.example>'], subject: 'Re: Second' });
  });

  it('MAIL-4: a customer email arriving while the agent replies shows the banner and is highlighted at the top', async () => {
    const { thread, store } = await mount([plainEmail(10)]);
    // Not replying: a new email is highlighted, without the banner.
    button(emails(thread)[0]!, 'Reply')!.click();
    await settle(thread);
    expect(root(thread).querySelector('[part~="new-email-banner"]')).to.equal(null);
    (store as EmailStore).add(emailMessage({ id: 'late', text: 'Also, the box was open.', email: { subject: 'One more thing' } }));
    await settle(thread);
    const top = emails(thread)[0]!;
    expect(top.getAttribute('part')).to.equal('email fresh');
    expect(top.querySelector('.visually-hidden')!.textContent).to.contain('New');
    expect(getComputedStyle(top).borderTopWidth).to.equal('2px');
    const banner = root(thread).querySelector<HTMLElement>('[part~="new-email-banner"]')!;
    expect(banner.textContent).to.contain('New email: show all messages to act');
    expect(root(thread).querySelector('[aria-live="polite"]')!.textContent).to.equal(`New email from ${CUSTOMER}: One more thing`);
    const log = root(thread).querySelector<HTMLElement>('[part~="log"]')!;
    log.scrollTop = 200;
    button(banner, 'Show all messages')!.click();
    await settle(thread);
    expect(log.scrollTop).to.equal(0);
    expect(root(thread).querySelector('[part~="new-email-banner"]')).to.equal(null);
    expect(thread.shadowRoot!.activeElement).to.equal(toggles(thread)[0]);
  });

  it('MAIL-4: no banner for a new email when no reply is under way, and the agent’s own email is never “new”', async () => {
    const { thread, store } = await mount([plainEmail(10)]);
    (store as EmailStore).add(agentReply(0, 'sending'));
    (store as EmailStore).add(emailMessage({ id: 'n2', text: 'Hi again' }));
    await settle(thread);
    expect(root(thread).querySelector('[part~="new-email-banner"]')).to.equal(null);
    expect(emails(thread).map((e) => e.getAttribute('part'))).to.deep.equal(['email fresh', 'email', 'email']);
  });

  it('MAIL-1: announcements sit between the emails', async () => {
    const { thread } = await mount([plainEmail(10), announcement('transferred', 6, { to: 'Billing' }), agentReply(2)]);
    const rows = [...root(thread).querySelectorAll('[part~="email"], [part~="announcement"]')].map((r) => r.getAttribute('part'));
    expect(rows).to.deep.equal(['email', 'announcement', 'email']);
    expect(root(thread).querySelector('[part~="announcement"]')!.textContent).to.contain('Conversation transferred to');
  });

  it('MAIL-1: a long thread is virtualised (only the emails near the view are in the DOM)', async () => {
    const many = Array.from({ length: 300 }, (_, i) => emailMessage({ id: `x${i}`, minutesAgo: 300 - i, text: `Email number ${i}` }));
    const { thread } = await mount(many, { height: 500 });
    await settle(thread);
    expect(emails(thread).length).to.be.below(60);
    expect(emails(thread)[0]!.textContent).to.contain(CUSTOMER);
  });

  it('MAIL-1: passes axe with an open HTML email, attachments and banners, in light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const { thread, store } = await mount([pciEmail(5), richEmail(1)], { theme });
      await frames(thread)[0]!.frameReady;
      button(emails(thread)[0]!, 'Reply')!.click();
      (store as EmailStore).add(emailMessage({ id: `late-${theme}`, email: { subject: 'Later' } }));
      await settle(thread);
      toggles(thread)[2]!.click();
      await settle(thread);
      root(thread).querySelector<HTMLElement>('[part~="pci-blocked"] button')!.click();
      await settle(thread);
      await expect(thread).to.be.accessible();
    }
  });

  it('MAIL-1: nothing is clipped at 360 px: headers, actions, attachments and a wide newsletter scroll inside its frame', async () => {
    await setViewport({ width: 360, height: 700 });
    try {
      const { thread } = await mount([pciEmail(5), newsletterEmail(1)], { width: '100%', height: 680 });
      const frame = frames(thread)[0]!;
      const iframe = await frame.frameReady;
      await settle(thread);
      const host = thread.getBoundingClientRect();
      expect(host.width).to.be.at.most(360);
      for (const el of root(thread).querySelectorAll<HTMLElement>('[part~="actions"] button, [part~="toggle"], [part~="headers"], [part~="images"] button')) {
        const r = el.getBoundingClientRect();
        expect(r.right, el.textContent ?? '').to.be.at.most(host.right + 0.5);
        expect(r.left).to.be.at.least(host.left - 0.5);
      }
      const doc = iframe.contentDocument!;
      // The 640 px table scrolls sideways inside the frame; the thread itself does not.
      expect(doc.documentElement.scrollWidth).to.be.above(doc.documentElement.clientWidth);
      expect(iframe.getBoundingClientRect().right).to.be.at.most(host.right + 0.5);
      const log = root(thread).querySelector<HTMLElement>('[part~="log"]')!;
      expect(log.scrollWidth).to.be.at.most(log.clientWidth + 1);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('MAIL-1: in French: Répondre, Répondre à tous, Transférer, Reçu, Envoyé, DR, Envoi…, Échec, and the banners', async () => {
    const msgs = [
      emailMessage({ from: 'agent', receipt: 'failed', minutesAgo: 6 }),
      emailMessage({ from: 'agent', receipt: 'sending', minutesAgo: 5 }),
      emailMessage({ from: 'agent', receipt: 'sent', minutesAgo: 4 }),
      agentReply(3, 'delivered'),
      plainEmail(2),
    ];
    await setViewport({ width: 800, height: 1600 });
    const { thread, store } = await mount(msgs, { lang: 'fr', height: 1500 });
    for (const t of toggles(thread).slice(1)) t.click();
    await settle(thread);
    const states = emails(thread).map((e) => e.querySelector('[part~="state"]')!.textContent);
    expect(states).to.deep.equal(['Reçu', 'DRaccusé de réception reçu', 'Envoyé', 'Envoi…', 'Échec']);
    const actions = emails(thread)[0]!.querySelector('[part~="actions"]')!;
    expect([...actions.querySelectorAll('button')].map((b) => b.textContent)).to.deep.equal(['Répondre', 'Répondre à tous', 'Transférer', 'Cc']);
    expect(button(emails(thread)[0]!, 'Afficher l’historique')).to.exist;
    button(actions, 'Répondre')!.click();
    (store as EmailStore).add(emailMessage({ id: 'fr-late' }));
    await settle(thread);
    expect(root(thread).querySelector('[part~="new-email-banner"]')!.textContent).to.contain('Nouvel email\u202f: afficher tous les messages pour agir');
    expect(emails(thread)[0]!.querySelector('.visually-hidden')!.textContent).to.contain('Nouveau');
    await setViewport({ width: 800, height: 600 });
  });
});
