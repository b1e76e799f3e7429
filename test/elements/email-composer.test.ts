import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { SimulatedBackend } from '../../src/simulator/index.js';
import type { DcEmailComposer } from '../../src/elements/email-composer/email-composer.js';
import '../../src/elements/email-composer/email-composer.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import '../../src/elements/provider/provider.js';
import type { DcBeforeSendEvent, DcSendEvent } from '../../src/events/events.js';
import { DEFAULT_MEDIA, resolveConfig, type DcConfigInput } from '../../src/model/config.js';
import type { EmailDraft } from '../../src/model/email.js';
import { startReply } from '../../src/model/reply-mode.js';
import { MemoryStorage } from '../../src/store/persist.js';
import DOMPurify from 'dompurify';
import { droppedFeatures, outboundHtml, useOutboundPurifier } from '../../src/elements/email-composer/outbound.js';
import { signInReady, text, until } from '../support/kit.js';
import { overlay } from '../../stories/support/email-drafts.js';

const CUSTOMER = { name: 'Claire Dubois', email: 'claire@example.com', question: 'My claim' };

interface Options {
  lang?: 'en' | 'fr';
  theme?: 'light' | 'dark';
  storage?: Storage;
  serverStorage?: Storage;
  kept?: Map<string, EmailDraft>;
  email?: Record<string, unknown>;
  taskId?: string;
}

async function mount(options: Options = {}) {
  const media = { ...DEFAULT_MEDIA, email: { ...DEFAULT_MEDIA['email'], email: { trustedDomains: ['partner.org'], signatures: [{ queue: '*', html: '<p>Camille, Claims <img src=x onerror="window.__pwned=1"></p>' }], ...options.email } } };
  const config: DcConfigInput = { retryDelayMs: 20, retryMaxDelayMs: 200, agent: { id: 'a42', name: 'Camille Martin' }, media };
  const serverStorage = options.serverStorage ?? new MemoryStorage();
  const backend = new SimulatedBackend({ config: resolveConfig(config), storage: serverStorage, storageKey: 'server' });
  const storage = options.storage ?? new MemoryStorage();
  const provider = await fixture<DcProvider>(
    html`<dc-provider .config=${config} .backend=${backend} .storage=${storage} lang=${options.lang ?? 'en'} theme=${options.theme ?? 'light'}></dc-provider>`,
  );
  const store = provider.store!;
  await store.ready;
  await provider.localeReady;
  const kept = options.kept ?? new Map<string, EmailDraft>();
  const { api, sends } = overlay(store, kept);
  let taskId = options.taskId;
  if (!taskId) {
    await signInReady(store);
    const offer = backend.offer('email', { queue: 'Claims', customer: CUSTOMER, text: 'Hello, where is my refund? Ref 42.' })!;
    await until(() => store.state.tasks[offer.id]?.status === 'offered', 'offer');
    store.accept(offer.id);
    await until(() => store.state.tasks[offer.id]?.status === 'active', 'accepted');
    taskId = offer.id;
  }
  const el = document.createElement('dc-email-composer');
  el.store = api;
  el.taskId = taskId;
  provider.append(el);
  await el.updateComplete;
  return { provider, backend, store, api, sends, el, taskId, storage, serverStorage, kept };
}

type Kit = Awaited<ReturnType<typeof mount>>;

const root = (el: DcEmailComposer) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: DcEmailComposer, sel: string) => root(el).querySelector<T>(sel)!;
const editorHtml = (el: DcEmailComposer) => $(el, '.ql-editor').innerHTML;
const draftOf = (kit: Kit) => kit.api.state.drafts[kit.taskId];

async function clickOn(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const r = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

/** The agent presses the hint's Reply; the editor loads. */
async function startReplying(kit: Kit): Promise<void> {
  await clickOn($(kit.el, '[data-action="start-reply"]'));
  await kit.el.updateComplete;
  await until(() => root(kit.el).querySelector('.ql-editor') !== null, 'editor loaded', 15000);
  await kit.el.updateComplete;
}

/** Clicks at the end of the body and types. */
async function typeInBody(el: DcEmailComposer, keys: string): Promise<void> {
  const editor = $(el, '.ql-editor');
  editor.focus();
  el.quill!.setSelection(0, 0);
  await sendKeys({ type: keys });
  await el.updateComplete;
}

async function selectAll(el: DcEmailComposer): Promise<void> {
  el.quill!.setSelection(0, el.quill!.getLength() - 1, 'user');
  await el.updateComplete;
}

async function flush(el: DcEmailComposer): Promise<void> {
  $(el, '.ql-editor').dispatchEvent(new FocusEvent('blur'));
  await el.updateComplete;
}

describe('dc-email-composer', () => {
  afterEach(async () => {
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('MAIL-5: with no reply a hint and a Reply button; Reply starts a reply to the newest customer email, the editor loads (Quill) with the signature, sanitised', async () => {
    const kit = await mount();
    expect(text(root(kit.el))).to.contain('Choose Reply');
    const t0 = performance.now();
    await startReplying(kit);
    const ms = performance.now() - t0;
    console.log(`[email-composer] Quill and the editor loaded in ${Math.round(kit.el.loadMs ?? ms)} ms (first reply shown in ${Math.round(ms)} ms)`);
    const email = draftOf(kit)!.email!;
    expect(email.mode).to.equal('reply');
    expect(email.to).to.deep.equal(['Claire Dubois <claire@example.com>']);
    expect($<HTMLInputElement>(kit.el, '#to').readOnly).to.equal(true);
    expect($<HTMLInputElement>(kit.el, '#subject').readOnly).to.equal(true);
    expect(editorHtml(kit.el)).to.contain('Camille, Claims');
    expect(editorHtml(kit.el)).not.to.contain('onerror');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    const quillRoot = $(kit.el, '.ql-editor');
    expect(quillRoot.getAttribute('role')).to.equal('textbox');
    expect(quillRoot.getAttribute('aria-multiline')).to.equal('true');
    await expect(kit.el).to.be.accessible();
  });

  it('MAIL-7: each toolbar button formats the selection (real clicks), with aria-pressed at the caret', async () => {
    const kit = await mount();
    await startReplying(kit);
    const el = kit.el;
    const cases: [string, string][] = [
      ['bold', '<strong>'],
      ['italic', '<em>'],
      ['underline', '<u>'],
      ['strike', '<s>'],
      ['header', '<h1>'],
      ['ordered', 'data-list="ordered"'],
      ['bullet', 'data-list="bullet"'],
      ['blockquote', '<blockquote>'],
    ];
    for (const [format, mark] of cases) {
      el.quill!.setText('Hello world\n', 'user');
      await selectAll(el);
      await clickOn($(el, `[data-format="${format}"]`));
      await el.updateComplete;
      expect(editorHtml(el), format).to.contain(mark);
      expect($(el, `[data-format="${format}"]`).getAttribute('aria-pressed'), format).to.equal('true');
    }
    // Colour: a swatch.
    el.quill!.setText('Hello world\n', 'user');
    await selectAll(el);
    await clickOn($(el, '[data-format="colour"]'));
    await el.updateComplete;
    await clickOn($(el, '[data-colour="#c0392b"]'));
    await el.updateComplete;
    expect(editorHtml(el)).to.match(/color: (rgb\(192, 57, 43\)|#c0392b)/);
    // Indent.
    el.quill!.setText('Hello world\n', 'user');
    await selectAll(el);
    await clickOn($(el, '[data-format="indent"]'));
    expect(editorHtml(el)).to.contain('ql-indent-1');
    await clickOn($(el, '[data-format="outdent"]'));
    expect(editorHtml(el)).not.to.contain('ql-indent-1');
    // Keys in the editor: Ctrl+B.
    el.quill!.setText('Keys\n', 'user');
    $(el, '.ql-editor').focus();
    await selectAll(el);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'b' });
    await sendKeys({ up: 'Control' });
    expect(editorHtml(el)).to.contain('<strong>Keys</strong>');
  });

  it('MAIL-7: the toolbar is one Tab stop, Arrow keys move inside it; Link asks in an in-page dialog and takes https only', async () => {
    const kit = await mount();
    await startReplying(kit);
    const el = kit.el;
    const buttons = [...root(el).querySelectorAll<HTMLButtonElement>('.toolbar button')];
    expect(buttons.filter((b) => b.tabIndex === 0)).to.have.length(1);
    buttons[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(root(el).activeElement?.getAttribute('data-format')).to.equal('bold');
    await sendKeys({ press: 'End' });
    expect(root(el).activeElement?.getAttribute('data-format')).to.equal('templates');
    el.quill!.setText('site\n', 'user');
    await selectAll(el);
    await clickOn($(el, '[data-format="link"]'));
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog[data-dialog="link"]');
    expect(dialog.open).to.equal(true);
    $<HTMLInputElement>(el, '#link-url').focus();
    await sendKeys({ type: 'javascript:alert(1)' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#link-url').getAttribute('aria-invalid')).to.equal('true');
    $<HTMLInputElement>(el, '#link-url').value = '';
    $<HTMLInputElement>(el, '#link-url').focus();
    await sendKeys({ type: 'https://example.com/help' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(editorHtml(el)).to.contain('href="https://example.com/help"');
    expect(root(el).querySelector('dialog')).to.equal(null);
  });

  it('MAIL-7: Table inserts a 3×3 table; Add a row and Add a column grow it', async () => {
    const kit = await mount();
    await startReplying(kit);
    const el = kit.el;
    el.quill!.setText('\n', 'user');
    el.quill!.setSelection(0, 0, 'user');
    await clickOn($(el, '[data-format="table"]'));
    await el.updateComplete;
    const table = () => $(el, '.ql-editor table');
    expect(table().querySelectorAll('tr')).to.have.length(3);
    expect(table().querySelectorAll('tr')[0]!.querySelectorAll('td')).to.have.length(3);
    await clickOn($(el, '[data-format="row"]'));
    await clickOn($(el, '[data-format="column"]'));
    await el.updateComplete;
    expect(table().querySelectorAll('tr')).to.have.length(4);
    expect(table().querySelectorAll('tr')[0]!.querySelectorAll('td')).to.have.length(4);
  });

  it('MAIL-8: a pasted PNG becomes an inline <img> in the body; the caniemail warning names what Gmail drops', async () => {
    const kit = await mount();
    await startReplying(kit);
    const el = kit.el;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 4;
    canvas.getContext('2d')!.fillRect(0, 0, 4, 4);
    const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
    const data = new DataTransfer();
    data.items.add(new File([blob], 'shot.png', { type: 'image/png' }));
    $(el, '.ql-editor').focus();
    el.quill!.setSelection(0, 0, 'user');
    $(el, '.ql-editor').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
    await until(() => root(el).querySelector('.ql-editor img[src^="data:image/png"]') !== null, 'image pasted');
    await flush(el);
    expect(draftOf(kit)!.email!.html).to.contain('<img src="data:image/png');
    expect(text($(el, '[part="warning"]'))).to.contain('not shown by Gmail');
  });

  it('MAIL-8: the caniemail warning names what Outlook (Windows) drops (a WebP image), in French too', async () => {
    const kit = await mount({ lang: 'fr' });
    await startReplying(kit);
    const el = kit.el;
    // A 1×1 WebP.
    const webp = 'data:image/webp;base64,UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA';
    el.quill!.clipboard.dangerouslyPasteHTML(0, `<p><img src="${webp}"></p>`, 'user');
    await flush(el);
    const warning = text($(el, '[part="warning"]'));
    expect(warning).to.contain('Images WebP');
    expect(warning).to.contain('Outlook (Windows)');
  });

  it('MAIL-6: mode switches through the UI keep the body and set the fields', async () => {
    const kit = await mount();
    await startReplying(kit);
    const el = kit.el;
    await typeInBody(el, 'Kept body');
    const mode = (m: string) => clickOn($(el, `[data-mode="${m}"]`)).then(() => el.updateComplete);
    await mode('forward');
    let email = draftOf(kit)!.email!;
    expect(email.mode).to.equal('forward');
    expect(email.to).to.deep.equal([]);
    expect(email.subject).to.match(/^Fwd: /);
    expect($<HTMLInputElement>(el, '#to').readOnly).to.equal(false);
    expect($<HTMLInputElement>(el, '#subject').readOnly).to.equal(false);
    expect(editorHtml(el)).to.contain('Kept body');
    await mode('reply');
    email = draftOf(kit)!.email!;
    expect(email.to).to.deep.equal(['Claire Dubois <claire@example.com>']);
    expect(email.subject).to.match(/^Re: /);
    expect(editorHtml(el)).to.contain('Kept body');
    await mode('reply-all');
    email = draftOf(kit)!.email!;
    expect(email.mode).to.equal('reply-all');
    expect(email.ccShown).to.equal(true);
    expect(editorHtml(el)).to.contain('Kept body');
  });

  it('MAIL-6: an invalid address is marked (aria-invalid and a message) and Send is refused', async () => {
    const kit = await mount();
    await startReplying(kit);
    const el = kit.el;
    await clickOn($(el, '[data-mode="forward"]'));
    await el.updateComplete;
    $<HTMLInputElement>(el, '#to').focus();
    await sendKeys({ type: 'not-an-address, ' });
    await el.updateComplete;
    expect($(el, '#to').getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#to-error'))).to.contain('not-an-address');
    await typeInBody(el, 'Body');
    expect(el.send()).to.equal(undefined);
    await el.updateComplete;
    expect(kit.sends).to.have.length(0);
    expect(text(root(el).querySelector('[role="alert"]'))).to.contain('Correct the addresses');
  });

  it('MAIL-5: an address outside the customer’s domain asks for confirmation: accepted keeps it, refused removes it; trusted domains do not ask', async () => {
    const kit = await mount();
    await startReplying(kit);
    const el = kit.el;
    await clickOn($(el, '[data-mode="forward"]'));
    await el.updateComplete;
    const to = () => $<HTMLInputElement>(el, '#to');
    to().focus();
    await sendKeys({ type: 'ops@partner.org' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(root(el).querySelector('dialog')).to.equal(null);
    to().focus();
    await sendKeys({ type: ', mallory@evil.test' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog[data-dialog="outside"]').open).to.equal(true);
    expect(text($(el, 'dialog'))).to.contain('mallory@evil.test');
    await clickOn($(el, '[data-answer="no"]'));
    await el.updateComplete;
    expect(draftOf(kit)!.email!.to).to.deep.equal(['ops@partner.org']);
    to().focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ', bob@other.test' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    await clickOn($(el, '[data-answer="yes"]'));
    await el.updateComplete;
    expect(draftOf(kit)!.email!.to).to.deep.equal(['ops@partner.org', 'bob@other.test']);
  });

  it('MAIL-9: a template replaces a non-empty body after confirmation', async () => {
    const kit = await mount();
    await startReplying(kit);
    const el = kit.el;
    await typeInBody(el, 'Old words');
    kit.store.loadCatalogue();
    await until(() => kit.store.state.catalogue.status === 'loaded', 'catalogue');
    await clickOn($(el, '[data-format="templates"]'));
    await el.updateComplete;
    await until(() => root(el).querySelector('dc-template-picker') !== null, 'picker');
    const picker = $(el, 'dc-template-picker') as HTMLElement & { updateComplete: Promise<unknown> };
    await picker.updateComplete;
    const option = picker.shadowRoot!.querySelector<HTMLElement>('[role="option"]')!;
    option.click();
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog[data-dialog="template"]').open).to.equal(true);
    expect(editorHtml(el)).to.contain('Old words');
    await clickOn($(el, '[data-answer="yes"]'));
    await el.updateComplete;
    expect(editorHtml(el)).not.to.contain('Old words');
    expect(draftOf(kit)!.text.length).to.be.greaterThan(0);
  });

  it('MAIL-10: minimise keeps the draft in a one-line bar; maximise sets the state and fires the event; Delete asks, then discards', async () => {
    const kit = await mount();
    await startReplying(kit);
    const el = kit.el;
    await typeInBody(el, 'Keep me');
    await clickOn($(el, '[data-action="minimise"]'));
    await el.updateComplete;
    expect(text($(el, '.bar'))).to.contain('Reply — Re: My claim');
    expect(root(el).querySelector('.ql-editor')).to.equal(null);
    expect(draftOf(kit)!.email!.html).to.match(/Keep(&nbsp;| )me/);
    await clickOn($(el, '[data-action="restore"]'));
    await until(() => /Keep\s+me/.test(root(el).querySelector('.ql-editor')?.textContent ?? '') ?? false, 'restored');
    let fired: boolean | undefined;
    el.addEventListener('dc-email-maximise', (e) => (fired = e.detail.maximised));
    await clickOn($(el, '[data-action="maximise"]'));
    await el.updateComplete;
    expect(fired).to.equal(true);
    expect(el.hasAttribute('maximised')).to.equal(true);
    expect($(el, '.reply').classList.contains('maximised')).to.equal(true);
    await clickOn($(el, '[data-action="delete"]'));
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog[data-dialog="delete"]').open).to.equal(true);
    await clickOn($(el, '[data-answer="yes"]'));
    await el.updateComplete;
    expect(draftOf(kit)).to.equal(undefined);
    expect(text(root(el))).to.contain('Choose Reply');
  });

  it('COMP-13: the draft (mode, fields, body) survives a reload', async () => {
    const storage = new MemoryStorage();
    const serverStorage = new MemoryStorage();
    const kept = new Map<string, EmailDraft>();
    const kit = await mount({ storage, serverStorage, kept });
    await startReplying(kit);
    await clickOn($(kit.el, '[data-mode="reply-all"]'));
    await typeInBody(kit.el, 'Survives');
    await flush(kit.el);
    kit.provider.remove();
    const again = await mount({ storage, serverStorage, kept, taskId: kit.taskId });
    await until(() => root(again.el).querySelector('.ql-editor')?.textContent?.includes('Survives') ?? false, 'body restored', 15000);
    expect($(again.el, '[data-mode="reply-all"]').getAttribute('aria-pressed')).to.equal('true');
    expect(draftOf(again)!.text).to.contain('Survives');
  });

  it('MAIL-3/MAIL-7: Send puts sanitised HTML and plain text in the outbox with the OutgoingEmail; script and handlers never reach it', async () => {
    const kit = await mount();
    await startReplying(kit);
    const el = kit.el;
    await typeInBody(el, 'Hi <script>alert(1)</script> ');
    el.quill!.clipboard.dangerouslyPasteHTML(el.quill!.getLength() - 1, '<img src=x onerror="window.__pwned=2"><script>window.__pwned=3</script><b>bold</b>', 'user');
    await flush(el);
    let before: DcBeforeSendEvent['detail'] | undefined;
    let sent: DcSendEvent['detail'] | undefined;
    el.addEventListener('dc-before-send', (e) => (before = e.detail));
    el.addEventListener('dc-send', (e) => (sent = e.detail));
    await clickOn($(el, '[part="send"]'));
    await el.updateComplete;
    expect(sent?.clientId).to.be.a('string');
    const request = kit.sends[0]!;
    expect(request.email!.mode).to.equal('reply');
    expect(request.email!.to).to.deep.equal(['Claire Dubois <claire@example.com>']);
    expect(request.email!.subject).to.equal('Re: My claim');
    expect(request.email!.html).to.contain('<strong>bold</strong>');
    expect(request.email!.html).not.to.match(/onerror|<script/i);
    expect(request.text).to.contain('Hi <script>alert(1)</script>');
    expect(before!.email!.html).to.equal(request.email!.html);
    expect(sent!.email!.html).to.equal(request.email!.html);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    const entry = Object.values(kit.store.state.outbox).find((o) => o.clientId === sent!.clientId) ?? kit.store.state.messages[kit.taskId]?.find((m) => m.clientId === sent!.clientId);
    expect(entry, 'in the outbox or the thread').to.not.equal(undefined);
    await until(() => draftOf(kit) === undefined, 'draft cleared');
  });

  it('MAIL-5: French labels; 360 px nothing clipped; dark theme passes axe', async () => {
    await setViewport({ width: 360, height: 800 });
    try {
      const kit = await mount({ lang: 'fr', theme: 'dark' });
      await startReplying(kit);
      const el = kit.el;
      const names = [...root(el).querySelectorAll('.toolbar button')].map((b) => b.getAttribute('aria-label'));
      expect(names).to.include.members(['Titre 1', 'Gras', 'Italique', 'Soulignement', 'Barré', 'Couleur de police', 'Liste ordonnée', 'Liste à puces', 'Bloc de citation', 'Émoticône', 'Lien', 'Retrait à gauche', 'Retrait à droite', 'Tableau']);
      expect(text($(el, '.modes'))).to.contain('Répondre à tous');
      expect(text($(el, '.modes'))).to.contain('Transférer');
      const box = el.getBoundingClientRect();
      for (const node of root(el).querySelectorAll<HTMLElement>('button, input, .editor')) {
        const r = node.getBoundingClientRect();
        if (r.width === 0) continue;
        expect(r.right, node.outerHTML.slice(0, 60)).to.be.at.most(Math.max(box.right, 360) + 0.5);
      }
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('MAIL-5: a Forward started from the thread loads the forwarded email in the body', async () => {
    const kit = await mount();
    const messages = kit.store.state.messages[kit.taskId] ?? [];
    const customer = messages.find((m) => m.from === 'customer');
    const fields = startReply('forward', { from: CUSTOMER.email, to: [], cc: [], subject: 'My claim' });
    kit.api.setDraft(kit.taskId, {
      text: '',
      spans: [],
      attachments: [],
      email: { mode: 'forward', repliedId: customer?.id ?? '', to: fields.to, cc: fields.cc, bcc: [], subject: fields.subject, ccShown: false, bccShown: false, html: '' },
    });
    await until(() => root(kit.el).querySelector('.ql-editor') !== null, 'editor', 15000);
    await kit.el.updateComplete;
    await until(() => root(kit.el).querySelector('.ql-editor blockquote') !== null, `forwarded email loaded: ${root(kit.el).querySelector('.ql-editor')?.innerHTML}`, 3000);
    expect(text($(kit.el, '.ql-editor'))).to.contain('where is my refund');
  });

  it('MAIL-3: the outbound profile keeps the editor’s formats and drops scripts, handlers, javascript: links, styles beyond colour, and foreign tags', () => {
    useOutboundPurifier(DOMPurify);
    const out = outboundHtml(
      '<p class="ql-indent-2"><strong>b</strong> <span style="color: #c0392b; background: url(https://t.example/x)">red</span></p>' +
        '<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">j</a><a href="https://ok.example">ok</a>' +
        '<svg><a href="https://x"></a></svg><iframe src="https://x"></iframe><form><input></form><img src="data:image/png;base64,iVBORw0KGgo=">' +
        '<table><tbody><tr><td data-row="1">c</td></tr></tbody></table>',
    );
    expect(out).to.contain('<strong>b</strong>');
    expect(out).to.contain('style="margin-left: 6em"');
    expect(out).to.contain('color: #c0392b');
    expect(out).not.to.match(/onerror|<script|javascript:|url\(|<svg|<iframe|<form|<input|data-row|class=/i);
    expect(out).to.contain('href="https://ok.example"');
    expect(out).to.contain('rel="noopener noreferrer"');
    expect(out).to.contain('src="data:image/png;base64,');
    expect(out).to.contain('border-collapse: collapse');
    expect(droppedFeatures(out).map((d) => d.feature.slug)).to.include('image-base64');
  });

  it('MAIL-3: HTML a dc-before-send listener puts in the email is sanitised again before it reaches the outbox', async () => {
    const kit = await mount();
    await startReplying(kit);
    await typeInBody(kit.el, 'Hello');
    kit.el.addEventListener('dc-before-send', (e) => {
      (e.detail.email as { html: string }).html = '<p>host</p><img src=x onerror="window.__pwned=4"><script>window.__pwned=5</script>';
    });
    await clickOn($(kit.el, '[part="send"]'));
    const html = kit.sends[0]!.email!.html;
    expect(html).to.contain('<p>host</p>');
    expect(html).not.to.match(/onerror|<script/i);
  });

  it('MAIL-8: an outbound file holding a card number is removed with a message; a clean one is attached', async () => {
    const kit = await mount();
    await startReplying(kit);
    const el = kit.el;
    const input = $<HTMLInputElement>(el, 'input[type="file"]');
    const data = new DataTransfer();
    data.items.add(new File(['card 4111 1111 1111 1111 exp 12/30'], 'notes.txt', { type: 'text/plain' }));
    data.items.add(new File(['hello'], 'letter.txt', { type: 'text/plain' }));
    input.files = data.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => (draftOf(kit)?.attachments.length ?? 0) === 1, 'one file attached');
    await el.updateComplete;
    expect(draftOf(kit)!.attachments[0]!.name).to.equal('letter.txt');
    expect(text(root(el).querySelector('[role="alert"]'))).to.contain('notes.txt was removed: it holds a card number (ending 1111)');
    expect(root(el).querySelectorAll('[part="attachment"]')).to.have.length(1);
  });

  it('MAIL-11: the workflow button sits above the compose box; COMP-11: Emoticon opens the emoji panel and inserts the emoji', async () => {
    const kit = await mount();
    await startReplying(kit);
    const el = kit.el;
    const workflows = $(el, '[data-action="workflows"]');
    expect(workflows.getBoundingClientRect().bottom).to.be.at.most($(el, '.editor').getBoundingClientRect().top);
    el.quill!.setText('Hi \n', 'user');
    el.quill!.setSelection(3, 0, 'user');
    await clickOn($(el, '[data-format="emoji"]'));
    await until(() => root(el).querySelector('dc-emoji-panel') !== null, 'emoji panel');
    $(el, 'dc-emoji-panel').dispatchEvent(new CustomEvent('dc-emoji-pick', { detail: { unicode: '😀' }, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.quill!.getText()).to.contain('Hi 😀');
    expect(root(el).querySelector('dc-emoji-panel')).to.equal(null);
  });

  it('MAIL-7: Tab leaves the body (it never traps the keyboard); Ctrl+Enter in the body sends', async () => {
    const kit = await mount();
    await startReplying(kit);
    const el = kit.el;
    await typeInBody(el, 'Hello ');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.classList.contains('ql-editor') ?? false).to.equal(false);
    expect(el.quill!.getText()).not.to.contain('\t');
    await typeInBody(el, 'Sent by keys ');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await until(() => kit.sends.length === 1, 'sent with Ctrl+Enter');
    expect(kit.sends[0]!.text).to.contain('Sent by keys');
  });
});

