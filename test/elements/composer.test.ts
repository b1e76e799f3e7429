import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { SimulatedBackend, type OfferOptions } from '../../src/simulator/index.js';
import type { DcComposer } from '../../src/elements/composer/composer.js';
import '../../src/elements/composer/composer.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import '../../src/elements/provider/provider.js';
import type { DcBeforeSendEvent, DcSendEvent } from '../../src/events/events.js';
import { setDefaultLocale } from '../../src/i18n/localization.js';
import { DEFAULT_MEDIA, resolveConfig, type DcConfigInput, type MediaConfigInput } from '../../src/model/config.js';
import type { Message } from '../../src/model/tasks.js';
import type { Template } from '../../src/model/templates.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { press, signInReady, text, until } from '../support/kit.js';

interface ComposerKitOptions {
  /** Per-media settings laid over the defaults. */
  media?: Readonly<Record<string, MediaConfigInput>>;
  config?: DcConfigInput;
  lang?: 'en' | 'fr';
  theme?: 'light' | 'dark';
  /** The kit's storage and the simulated server's: shared between two mounts, they make a reload. */
  storage?: Storage;
  serverStorage?: Storage;
  /** Puts the composer inside another element's shadow root (the store reaches it through context). */
  inShadow?: boolean;
}

/** A host page's own element, with the composer in its shadow root. */
class ComposerHost extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<dc-composer></dc-composer>';
  }
}
customElements.define('composer-test-host', ComposerHost);

const AGENT = { id: 'a42', name: 'Camille Martin' };

/**
 * A provider on the simulated centre (no latency) around a composer, low on the page as under a
 * conversation, so that its panels open upwards in view.
 */
async function mountComposer(options: ComposerKitOptions = {}) {
  const media = Object.fromEntries(
    Object.entries(DEFAULT_MEDIA).map(([id, m]) => [id, { ...m, ...options.media?.[id] }]),
  );
  const config: DcConfigInput = { retryDelayMs: 20, retryMaxDelayMs: 200, agent: AGENT, media, ...options.config };
  const serverStorage = options.serverStorage ?? new MemoryStorage();
  const backend = new SimulatedBackend({ config: resolveConfig(config), storage: serverStorage, storageKey: 'server' });
  const storage = options.storage ?? new MemoryStorage();
  const provider = await fixture<DcProvider>(
    html`<dc-provider
      .config=${config}
      .backend=${backend}
      .storage=${storage}
      lang=${options.lang ?? 'en'}
      theme=${options.theme ?? 'light'}
      ><div style="padding-top: 26rem">
        ${options.inShadow ? html`<composer-test-host></composer-test-host>` : html`<dc-composer></dc-composer>`}
      </div></dc-provider
    >`,
  );
  const store = provider.store!;
  await store.ready;
  await provider.localeReady;
  const composer = (provider.querySelector('composer-test-host')?.shadowRoot ?? provider).querySelector('dc-composer')!;
  await composer.updateComplete;
  return { provider, backend, store, storage, serverStorage, composer };
}

type Kit = Awaited<ReturnType<typeof mountComposer>>;

const readyForOffers = (kit: Kit): Promise<void> => signInReady(kit.store);

const CUSTOMERS: Readonly<Record<string, OfferOptions>> = {
  chat: { queue: 'Sales', customer: { name: 'Alice Martin', email: 'alice@example.com' } },
  sms: { queue: 'Billing SMS', customer: { name: 'Bob Durand', phone: '+33 6 12 34 56 78' } },
  social: { queue: 'WhatsApp Support', customer: { name: 'Karim Benali', phone: '+33 7 98 76 54 32' } },
  email: { queue: 'Claims', customer: { name: 'Claire Dubois', email: 'claire@example.com' } },
};

/** Offers a task and accepts it as the agent would; it becomes the task on show. */
async function hold(kit: Kit, media: string, options: OfferOptions = CUSTOMERS[media] ?? {}): Promise<string> {
  const offer = kit.backend.offer(media, { text: null, ...options });
  if (!offer) throw new Error(`The simulated centre refused a ${media} offer`);
  await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'offer in the store');
  kit.store.accept(offer.id);
  await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'task accepted');
  await kit.composer.updateComplete;
  return offer.id;
}

/** A kit holding one task of `media`, on show. */
async function holding(media: string, options: ComposerKitOptions = {}) {
  const kit = await mountComposer(options);
  await readyForOffers(kit);
  const taskId = await hold(kit, media);
  return { ...kit, taskId };
}

const root = (c: DcComposer) => c.shadowRoot!;
const box = (c: DcComposer) => root(c).querySelector('textarea')!;
const sendButton = (c: DcComposer) => root(c).querySelector<HTMLButtonElement>('[part~="send"]')!;
const button = (c: DcComposer, action: string) => root(c).querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
const styleButton = (c: DcComposer, style: string) => root(c).querySelector<HTMLButtonElement>(`button[data-style="${style}"]`)!;
const chips = (c: DcComposer) => [...root(c).querySelectorAll<HTMLElement>('[part~="attachment"]')];
const alerts = (c: DcComposer) => text(root(c).querySelector('[role="alert"]'));
const focused = (c: DcComposer) => root(c).activeElement;

/** Puts the focus in the box and types, key by key. */
async function typeInBox(c: DcComposer, keys: string): Promise<void> {
  box(c).focus();
  await sendKeys({ type: keys });
  await c.updateComplete;
}

const agentMessages = (kit: Kit, taskId: string): Message[] =>
  (kit.store.state.messages[taskId] ?? []).filter((m) => m.from === 'agent');
const serverAgentMessages = (kit: Kit, taskId: string): Message[] =>
  kit.backend.serverMessages(taskId).filter((m) => m.from === 'agent');

/** A real mouse click in the middle of an element. */
async function clickOn(element: Element): Promise<void> {
  const rect = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
}

/** Files as a person's file chooser or a drag from the desktop carries them. */
function files(...list: File[]): DataTransfer {
  const data = new DataTransfer();
  for (const f of list) data.items.add(f);
  return data;
}
const textFile = (name: string, content = 'hello') => new File([content], name, { type: 'text/plain' });
const pngFile = async (name: string) => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 8;
  canvas.getContext('2d')!.fillRect(0, 0, 8, 8);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
};

/** The catalogue's template `id` (the simulated centre's samples). */
async function templateOf(kit: Kit, id: string): Promise<Template> {
  kit.store.loadCatalogue();
  await until(() => kit.store.state.catalogue.status === 'loaded', 'catalogue loaded');
  return kit.store.state.catalogue.value.templates.find((t) => t.id === id)!;
}

/** The agent opens the template list with the Templates button and clicks template `id`. */
async function pickTemplate(kit: Kit, id: string): Promise<void> {
  const c = kit.composer;
  await templateOf(kit, id);
  button(c, 'templates')!.click();
  await c.updateComplete;
  const picker = root(c).querySelector('dc-template-picker')!;
  await picker.updateComplete;
  picker.shadowRoot!.querySelector<HTMLElement>(`[role="option"][data-id="${id}"]`)!.click();
  await c.updateComplete;
  await c.updateComplete;
}

describe('dc-composer', function () {
  this.timeout(15000);

  afterEach(async () => {
    await setDefaultLocale(undefined);
  });

  describe('sending', () => {
    it('COMP-1: a chat sends on Enter; Shift+Enter makes a new line; the focus stays in the box', async () => {
      const kit = await holding('chat');
      const c = kit.composer;
      await typeInBox(c, 'Hello');
      await press('Shift+Enter');
      await sendKeys({ type: 'Alice' });
      await c.updateComplete;
      expect(box(c).value).to.equal('Hello\nAlice');
      await press('Enter');
      await until(() => agentMessages(kit, kit.taskId).length === 1, 'the message reached the thread');
      expect(agentMessages(kit, kit.taskId)[0]!.text).to.equal('Hello\nAlice');
      await c.updateComplete;
      expect(box(c).value).to.equal('');
      expect(kit.store.state.drafts[kit.taskId]).to.equal(undefined);
      expect(focused(c)).to.equal(box(c));
    });

    it('COMP-1: an SMS sends on Ctrl+Enter, where Enter makes a new line; the Send button sends too', async () => {
      const kit = await holding('sms');
      const c = kit.composer;
      expect(sendButton(c).getAttribute('aria-keyshortcuts')).to.equal('Control+Enter');
      await typeInBox(c, 'Line one');
      await press('Enter');
      await sendKeys({ type: 'Line two' });
      await c.updateComplete;
      expect(box(c).value).to.equal('Line one\nLine two');
      expect(agentMessages(kit, kit.taskId)).to.have.length(0);
      await press('Control+Enter');
      await until(() => agentMessages(kit, kit.taskId).length === 1, 'sent on Ctrl+Enter');
      expect(agentMessages(kit, kit.taskId)[0]!.text).to.equal('Line one\nLine two');

      await typeInBox(c, 'Second');
      sendButton(c).click();
      await until(() => agentMessages(kit, kit.taskId).length === 2, 'sent with the button');
      expect(focused(c)).to.equal(box(c));
    });

    it('COMP-1: an empty box sends nothing, by key or button', async () => {
      const kit = await holding('chat');
      const c = kit.composer;
      expect(sendButton(c).disabled).to.equal(true);
      await typeInBox(c, '   ');
      await press('Enter');
      expect(Object.keys(kit.store.state.outbox)).to.have.length(0);
      expect(agentMessages(kit, kit.taskId)).to.have.length(0);
      expect(sendButton(c).disabled).to.equal(true);
    });

    it('COMP-1: dc-before-send can veto (the draft stays) or change the text (sent as changed); dc-send follows', async () => {
      const kit = await holding('chat', { media: { chat: { maxChars: 20 } } });
      const c = kit.composer;
      let veto = true;
      let change: string | undefined;
      const seen: string[] = [];
      c.addEventListener('dc-before-send', (e: DcBeforeSendEvent) => {
        seen.push(e.detail.text);
        if (veto) e.preventDefault();
        if (change !== undefined) e.detail.text = change;
      });
      const sent: DcSendEvent[] = [];
      c.addEventListener('dc-send', (e) => sent.push(e));

      await typeInBox(c, 'Hi there');
      await press('Enter');
      expect(seen).to.deep.equal(['Hi there']);
      expect(box(c).value).to.equal('Hi there');
      expect(kit.store.state.drafts[kit.taskId]?.text).to.equal('Hi there');
      expect(Object.keys(kit.store.state.outbox)).to.have.length(0);

      veto = false;
      change = 'This text is far too long to send';
      await press('Enter');
      await c.updateComplete;
      expect(alerts(c)).to.contain('13 characters over the limit');
      expect(kit.store.state.drafts[kit.taskId]?.text).to.equal('Hi there');
      expect(agentMessages(kit, kit.taskId)).to.have.length(0);

      change = 'Hi there [ref 42]';
      await press('Enter');
      await until(() => agentMessages(kit, kit.taskId).length === 1, 'sent as changed');
      expect(agentMessages(kit, kit.taskId)[0]!.text).to.equal('Hi there [ref 42]');
      expect(sent).to.have.length(1);
      expect(sent[0]!.detail.text).to.equal('Hi there [ref 42]');
      expect(sent[0]!.detail.clientId).to.equal(agentMessages(kit, kit.taskId)[0]!.clientId);
    });

    it('the agent typing is reported to the centre', async () => {
      const kit = await holding('chat');
      await typeInBox(kit.composer, 'Hel');
      await until(() => kit.backend.typingCalls > 0, 'typing reported');
      expect(kit.backend.agentTyping(kit.taskId)).to.equal(true);
    });
  });

  describe('options and limits', () => {
    it('COMP-2: the buttons follow each media’s options; an email task gets no composer yet', async () => {
      const kit = await mountComposer();
      await readyForOffers(kit);
      const c = kit.composer;
      const shown = () => ['attach', 'emoji', 'templates', 'workflows'].filter((a) => button(c, a));
      const styles = () => root(c).querySelectorAll('button[data-style]').length;

      const chat = await hold(kit, 'chat');
      expect(shown()).to.deep.equal(['attach', 'emoji', 'templates', 'workflows']);
      expect(styles()).to.equal(3);

      await hold(kit, 'sms');
      expect(shown()).to.deep.equal(['emoji', 'templates', 'workflows']);
      expect(styles()).to.equal(0);

      await hold(kit, 'email');
      expect(root(c).querySelector('textarea')).to.equal(null);

      kit.store.selectTask(chat);
      await c.updateComplete;
      expect(box(c)).to.exist;
    });

    it('COMP-3: over maxChars, Send is disabled and a red message says by how many characters', async () => {
      const kit = await holding('chat', { media: { chat: { maxChars: 10 } } });
      const c = kit.composer;
      await typeInBox(c, 'Hello Alice');
      const counter = root(c).querySelector('[part~="counter"]')!;
      expect(text(counter.querySelector('[aria-hidden]'))).to.equal('11 / 10');
      expect(sendButton(c).disabled).to.equal(true);
      const error = root(c).querySelector('[part~="error"]')!;
      expect(text(error)).to.equal('1 character over the limit: shorten the message to send it.');
      expect(getComputedStyle(error).color).to.equal('rgb(180, 35, 24)');
      expect(box(c).getAttribute('aria-invalid')).to.equal('true');
      expect(c.matches(':state(over-limit)')).to.equal(true);

      await press('Enter');
      expect(Object.keys(kit.store.state.outbox)).to.have.length(0);

      await sendKeys({ type: ' and Bob' });
      await c.updateComplete;
      expect(text(root(c).querySelector('[part~="error"]'))).to.contain('9 characters over the limit');

      for (let i = 0; i < 9; i++) await press('Backspace');
      await c.updateComplete;
      expect(root(c).querySelector('[part~="error"]')).to.equal(null);
      expect(sendButton(c).disabled).to.equal(false);
    });

    it('COMP-3: an SMS shows its segments and encoding', async () => {
      const kit = await holding('sms');
      const c = kit.composer;
      const segments = () => text(root(c).querySelector('.segments'));
      await typeInBox(c, 'Hi Bob');
      expect(segments()).to.equal('· 1 SMS · GSM-7');
      await sendKeys({ type: ' '.padEnd(160, 'x') });
      await c.updateComplete;
      expect(segments()).to.equal('· 2 SMS · GSM-7');
      await press('Control+a');
      await sendKeys({ type: 'Merci ☺' });
      await c.updateComplete;
      expect(segments()).to.equal('· 1 SMS · Unicode');
    });
  });

  describe('attachments', () => {
    it('COMP-4: files chosen with the paperclip show as chips with name, size and a thumbnail; X removes one', async () => {
      const kit = await holding('chat');
      const c = kit.composer;
      const input = root(c).querySelector<HTMLInputElement>('input[type="file"]')!;
      expect(input.multiple).to.equal(true);
      input.files = files(textFile('notes.txt', 'x'.repeat(2048)), await pngFile('photo.png')).files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => (kit.store.state.drafts[kit.taskId]?.attachments.length ?? 0) === 2, 'two attached');
      await until(() => !!root(c).querySelector('img.thumb'), 'the thumbnail');
      await c.updateComplete;
      const [notes, photo] = chips(c);
      expect(text(notes)).to.equal('notes.txt 2 KB');
      expect(text(photo!.querySelector('.chip-name'))).to.equal('photo.png');
      const thumb = photo!.querySelector('img')!;
      expect(thumb.src).to.match(/^blob:/);

      const remove = photo!.querySelector('button')!;
      expect(remove.getAttribute('aria-label')).to.equal('Remove photo.png');
      remove.focus();
      await press('Enter');
      await c.updateComplete;
      expect(chips(c).map((chip) => text(chip.querySelector('.chip-name')))).to.deep.equal(['notes.txt']);
      expect(kit.store.state.drafts[kit.taskId]!.attachments.map((a) => a.name)).to.deep.equal(['notes.txt']);
      // The focus moved to the remaining chip's X, not lost.
      expect(focused(c)).to.equal(chips(c)[0]!.querySelector('button'));

      // Sent with the message, which may be files alone.
      sendButton(c).click();
      await until(() => agentMessages(kit, kit.taskId).length === 1, 'sent');
      expect(agentMessages(kit, kit.taskId)[0]!.attachments?.map((a) => a.name)).to.deep.equal(['notes.txt']);
      await c.updateComplete;
      expect(chips(c)).to.have.length(0);
    });

    it('COMP-4: files dropped on the composer are attached, with a drop zone while they are dragged', async () => {
      const kit = await holding('social');
      const c = kit.composer;
      const zone = root(c).querySelector('[part~="composer"]')!;
      const data = files(textFile('a.txt'), textFile('b.txt', 'bb'));
      zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
      await c.updateComplete;
      expect(text(root(c).querySelector('[part~="dropzone"]'))).to.equal('Drop files here to attach them');
      box(c).dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, composed: true }));
      await until(() => (kit.store.state.drafts[kit.taskId]?.attachments.length ?? 0) === 2, 'two attached');
      await c.updateComplete;
      expect(root(c).querySelector('[part~="dropzone"]')).to.equal(null);
      expect(chips(c)).to.have.length(2);
      expect(box(c).value).to.equal('');
    });

    it('COMP-4: refused files are named with their reason in an alert; the rest is kept', async () => {
      const kit = await holding('chat', { media: { chat: { attachments: { maxBytes: 1000, maxCount: 2 } } } });
      const c = kit.composer;
      await typeInBox(c, 'Files below');
      const input = root(c).querySelector<HTMLInputElement>('input[type="file"]')!;
      input.files = files(
        textFile('ok.txt'),
        textFile('big.txt', 'x'.repeat(5000)),
        new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }),
        textFile('empty.txt', ''),
        textFile('ok.txt'),
        textFile('second.txt', 'two'),
        textFile('third.txt', 'three'),
      ).files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => alerts(c) !== '', 'the refusals');
      const items = [...root(c).querySelectorAll('[role="alert"] li')].map((li) => text(li));
      expect(items).to.deep.equal([
        '“big.txt” is too large: files can be up to 1,000 B.',
        '“setup.exe” is a type of file that cannot be sent.',
        '“empty.txt” is empty.',
        '“ok.txt” is already attached.',
        '“third.txt” was not attached: a message holds at most 2 files.',
      ]);
      expect(chips(c).map((chip) => text(chip.querySelector('.chip-name')))).to.deep.equal(['ok.txt', 'second.txt']);
      expect(box(c).value).to.equal('Files below');
    });
  });

  describe('templates', () => {
    it('COMP-5, COMP-7: a template loads with its first unfilled field selected; Tab moves between fields; Send waits for them', async () => {
      const kit = await holding('chat');
      const c = kit.composer;
      await pickTemplate(kit, 'order-status-en');
      const area = box(c);
      expect(area.value).to.equal('Your order [Order number] left our warehouse and will be delivered tomorrow.');
      expect(focused(c)).to.equal(area);
      expect(area.value.slice(area.selectionStart, area.selectionEnd)).to.equal('[Order number]');
      expect(root(c).querySelectorAll('.mirror .field')).to.have.length(2);
      expect(root(c).querySelectorAll('.mirror .field.unfilled')).to.have.length(1);
      expect(sendButton(c).disabled).to.equal(true);
      expect(text(root(c).querySelector('.problems'))).to.equal('Fill in before sending: Order number.');
      await press('Enter');
      expect(agentMessages(kit, kit.taskId)).to.have.length(0);

      await sendKeys({ type: 'A-1234' });
      await c.updateComplete;
      expect(root(c).querySelectorAll('.mirror .field.unfilled')).to.have.length(0);
      expect(sendButton(c).disabled).to.equal(false);

      await press('Tab');
      expect(area.value.slice(area.selectionStart, area.selectionEnd)).to.equal('tomorrow');
      await press('Shift+Tab');
      expect(area.value.slice(area.selectionStart, area.selectionEnd)).to.equal('A-1234');
      await press('Tab');
      await sendKeys({ type: 'on Monday' });
      await c.updateComplete;
      expect(kit.store.state.drafts[kit.taskId]!.template!.fields.map((f) => f.value)).to.deep.equal(['A-1234', 'on Monday']);

      // No field after the last one: Tab leaves the box as usual.
      await press('Tab');
      expect(focused(c)).to.not.equal(area);

      sendButton(c).click();
      await until(() => agentMessages(kit, kit.taskId).length === 1, 'sent');
      expect(agentMessages(kit, kit.taskId)[0]!.text).to.equal(
        'Your order A-1234 left our warehouse and will be delivered on Monday.',
      );
    });

    it('COMP-5: the Templates button opens the list, search focused; Escape closes it and the focus comes back', async () => {
      const kit = await holding('sms');
      const c = kit.composer;
      await templateOf(kit, 'greet-en');
      button(c, 'templates')!.focus();
      await press('Enter');
      await c.updateComplete;
      const picker = root(c).querySelector('dc-template-picker')!;
      await picker.updateComplete;
      expect(button(c, 'templates')!.getAttribute('aria-expanded')).to.equal('true');
      expect(picker.shadowRoot!.activeElement?.getAttribute('part')).to.equal('search');
      // SMS lists the SMS template and not the chat-only ones.
      const ids = () => [...picker.shadowRoot!.querySelectorAll('[role="option"]')].map((o) => o.getAttribute('data-id'));
      expect(ids()).to.include('delivery-slot-en');
      expect(ids()).to.not.include('tracking-en');
      await sendKeys({ type: 'slot' });
      await picker.updateComplete;
      expect(ids()).to.deep.equal(['delivery-slot-en', 'delivery-slot-fr']);
      await press('Escape');
      await c.updateComplete;
      expect(root(c).querySelector('dc-template-picker')).to.equal(null);
      expect(focused(c)).to.equal(button(c, 'templates'));
    });

    it('COMP-5: picking a template over text asks first; Keep my text keeps it, Replace replaces it', async () => {
      const kit = await holding('chat');
      const c = kit.composer;
      await typeInBox(c, 'My own words');
      await pickTemplate(kit, 'greet-en');
      const confirm = root(c).querySelector('.confirm')!;
      expect(text(confirm)).to.contain('Replace the text in the box with the template “Welcome (English)”?');
      expect(focused(c)).to.equal(confirm.querySelector('[data-confirm="replace"]'));
      await press('Escape');
      await c.updateComplete;
      expect(root(c).querySelector('.confirm')).to.equal(null);
      expect(box(c).value).to.equal('My own words');

      await pickTemplate(kit, 'greet-en');
      root(c).querySelector<HTMLButtonElement>('[data-confirm="replace"]')!.click();
      await c.updateComplete;
      await c.updateComplete;
      expect(box(c).value).to.match(/^Hello Alice Martin/);
    });

    it('COMP-8: system parameters are filled from the task and the agent; unknown ones are reported', async () => {
      const kit = await holding('chat');
      const c = kit.composer;
      await pickTemplate(kit, 'greet-en');
      expect(box(c).value).to.equal('Hello Alice Martin, my name is Camille Martin from Sales. How can I help you today?');
      expect(root(c).querySelector('.template-note')).to.equal(null);

      // A customer without an email address: the parameter stays as written, and the agent is told.
      const other = await hold(kit, 'social', { customer: { name: 'Karim' }, queue: 'Support' });
      expect(kit.store.state.selectedTaskId).to.equal(other);
      await pickTemplate(kit, 'password-reset-en');
      expect(box(c).value).to.equal('We have sent a reset link to {{customer.email}}. It is valid for 30 minutes.');
      expect(text(root(c).querySelector('.template-note'))).to.equal(
        'Left as written (no value for this task): {{customer.email}}.',
      );
    });

    it('COMP-6: a locked template shows its lock and refuses every edit; it can be sent or removed', async () => {
      const kit = await holding('chat');
      const c = kit.composer;
      await pickTemplate(kit, 'goodbye-en');
      const loaded = 'Thank you for contacting us, Alice Martin. Have a good day! Camille Martin';
      const area = box(c);
      expect(area.value).to.equal(loaded);
      expect(text(root(c).querySelector('[part~="template"]'))).to.contain('Locked template');
      expect(c.matches(':state(locked)')).to.equal(true);

      await sendKeys({ type: 'x' });
      await press('Backspace');
      await press('Shift+Enter');
      await c.updateComplete;
      expect(area.value).to.equal(loaded);
      expect(alerts(c)).to.equal('This template is locked: it cannot be changed. Send it as it is, or remove it.');

      const paste = new ClipboardEvent('paste', { clipboardData: new DataTransfer(), bubbles: true, cancelable: true });
      paste.clipboardData!.setData('text/plain', 'pasted');
      area.dispatchEvent(paste);
      expect(paste.defaultPrevented).to.equal(true);
      const cut = new ClipboardEvent('cut', { bubbles: true, cancelable: true });
      area.dispatchEvent(cut);
      expect(cut.defaultPrevented).to.equal(true);
      expect(kit.store.state.drafts[kit.taskId]!.text).to.equal(loaded);

      // Styles are edits too.
      area.setSelectionRange(0, 5);
      await press('Control+b');
      expect(kit.store.state.drafts[kit.taskId]!.spans).to.deep.equal([]);

      root(c).querySelector<HTMLButtonElement>('[part~="template"] button')!.click();
      await c.updateComplete;
      expect(area.value).to.equal('');
      expect(root(c).querySelector('[part~="template"]')).to.equal(null);

      await pickTemplate(kit, 'goodbye-en');
      await press('Enter');
      await until(() => agentMessages(kit, kit.taskId).length === 1, 'the locked template was sent');
      expect(agentMessages(kit, kit.taskId)[0]!.text).to.equal(loaded);
    });

    it('COMP-5: / in an empty box opens the template search; keys go to it; the pick replaces /query', async () => {
      const kit = await holding('chat');
      const c = kit.composer;
      await templateOf(kit, 'greet-en');
      await typeInBox(c, '/');
      const picker = () => root(c).querySelector('dc-template-picker');
      expect(picker()?.inline).to.equal(true);
      await sendKeys({ type: 'welc' });
      await c.updateComplete;
      expect(picker()!.query).to.equal('welc');
      await picker()!.updateComplete;
      const active = () => picker()!.shadowRoot!.querySelector('[role="option"][aria-selected="true"]')?.getAttribute('data-id');
      expect(active()).to.equal('greet-en');
      await press('ArrowDown');
      await picker()!.updateComplete;
      expect(active()).to.equal('greet-fr');
      expect(focused(c)).to.equal(box(c));
      await press('ArrowUp');
      await press('Enter');
      await c.updateComplete;
      await c.updateComplete;
      expect(picker()).to.equal(null);
      expect(box(c).value).to.equal('Hello Alice Martin, my name is Camille Martin from Sales. How can I help you today?');
      expect(agentMessages(kit, kit.taskId)).to.have.length(0);

      // Escape closes the search and keeps the text.
      await press('Control+a');
      await press('Backspace');
      await sendKeys({ type: '/abc' });
      await c.updateComplete;
      expect(picker()).to.exist;
      await press('Escape');
      await c.updateComplete;
      expect(picker()).to.equal(null);
      expect(box(c).value).to.equal('/abc');
    });
  });

  describe('formatting, emoji and workflows', () => {
    it('COMP-9: Ctrl+B / Ctrl+I / Ctrl+Shift+X style the selection, one style at a time; WhatsApp markup is sent', async () => {
      const kit = await holding('social');
      const c = kit.composer;
      await typeInBox(c, 'hello big world');
      await press('Home');
      for (let i = 0; i < 5; i++) await press('Shift+ArrowRight');
      await press('Control+b');
      await c.updateComplete;
      expect(styleButton(c, 'bold').getAttribute('aria-pressed')).to.equal('true');
      expect(root(c).querySelector('[part~="preview"] strong')?.textContent).to.equal('hello');
      expect(root(c).querySelector('.mirror .bold')?.textContent).to.equal('hello');

      await press('Control+i');
      await c.updateComplete;
      expect(styleButton(c, 'bold').getAttribute('aria-pressed')).to.equal('false');
      expect(styleButton(c, 'italic').getAttribute('aria-pressed')).to.equal('true');
      expect(kit.store.state.drafts[kit.taskId]!.spans).to.deep.equal([{ start: 0, end: 5, style: 'italic' }]);

      // "world" struck through with the toolbar button.
      await press('End');
      for (let i = 0; i < 5; i++) await press('Shift+ArrowLeft');
      styleButton(c, 'strike').click();
      await c.updateComplete;
      expect(focused(c)).to.equal(box(c));
      expect(root(c).querySelector('[part~="preview"] s')?.textContent).to.equal('world');

      // Typing before the styled words keeps the styles on them.
      await press('Home');
      await sendKeys({ type: 'Oh, ' });
      await c.updateComplete;
      expect(root(c).querySelector('[part~="preview"] em')?.textContent).to.equal('hello');

      await press('Control+Enter');
      await until(() => serverAgentMessages(kit, kit.taskId).length === 1, 'sent');
      expect(serverAgentMessages(kit, kit.taskId)[0]!.text).to.equal('Oh, _hello_ big ~world~');
    });

    it('COMP-11: a picked emoji goes in at the caret; in a locked template it is refused', async () => {
      const kit = await holding('chat');
      const c = kit.composer;
      await typeInBox(c, 'Thanks !');
      await press('ArrowLeft');
      await clickOn(button(c, 'emoji')!);
      await c.updateComplete;
      const panel = root(c).querySelector('dc-emoji-panel')!;
      expect(panel.open).to.equal(true);
      const emoji = () => [
        ...(panel.shadowRoot!.querySelector('emoji-picker')?.shadowRoot?.querySelectorAll<HTMLButtonElement>('.tabpanel button.emoji') ?? []),
      ];
      await until(() => emoji().length > 0, 'the picker shows its emoji', 8000);
      let unicode = '';
      panel.addEventListener('dc-emoji-pick', (e) => (unicode = e.detail.unicode));
      await clickOn(emoji()[0]!);
      await until(() => unicode !== '' && box(c).value !== 'Thanks !', 'the emoji inserted');
      await c.updateComplete;
      expect(box(c).value).to.equal(`Thanks ${unicode}!`);
      expect(root(c).querySelector('dc-emoji-panel')).to.equal(null);
      expect(focused(c)).to.equal(box(c));
      expect(box(c).selectionStart).to.equal(`Thanks ${unicode}`.length);

      await kit.composer.updateComplete;
      await press('Control+a');
      await press('Backspace');
      await pickTemplate(kit, 'goodbye-en');
      button(c, 'emoji')!.click();
      await c.updateComplete;
      root(c)
        .querySelector('dc-emoji-panel')!
        .dispatchEvent(new CustomEvent('dc-emoji-pick', { detail: { unicode: '😊' }, bubbles: true, composed: true }));
      await c.updateComplete;
      expect(box(c).value).to.not.contain('😊');
      expect(alerts(c)).to.contain('This template is locked');
    });

    it('COMP-10: the workflow button opens the dialog; a triggered workflow adds its announcement to the thread', async () => {
      const kit = await holding('chat');
      const c = kit.composer;
      button(c, 'workflows')!.click();
      await c.updateComplete;
      const dialog = root(c).querySelector('dc-workflow-dialog')!;
      await dialog.updateComplete;
      expect(dialog.open).to.equal(true);
      await until(() => kit.store.state.catalogue.status === 'loaded', 'catalogue loaded');
      await c.updateComplete;
      await dialog.updateComplete;
      // The escalation workflow is for chat and social; an SMS would not list it.
      expect(dialog.workflows.map((w) => w.id)).to.deep.equal(['create-case', 'survey', 'callback', 'escalate']);
      const radio = [...dialog.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.value === 'survey')!;
      radio.click();
      await dialog.updateComplete;
      dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="trigger"]')!.click();
      await until(
        () => (kit.store.state.messages[kit.taskId] ?? []).some((m) => m.announcement?.code === 'workflow'),
        'the audit announcement',
      );
      await until(() => !dialog.open, 'the dialog closed');
      await c.updateComplete;
      expect(focused(c)).to.equal(button(c, 'workflows'));
    });
  });

  describe('drafts and the connection', () => {
    it('COMP-13: drafts follow their task when the agent switches, and Clear empties one with its files', async () => {
      const kit = await mountComposer();
      await readyForOffers(kit);
      const chat = await hold(kit, 'chat');
      const c = kit.composer;
      await typeInBox(c, 'For Alice');
      const sms = await hold(kit, 'sms');
      expect(box(c).value).to.equal('');
      await typeInBox(c, 'For Bob');
      kit.store.selectTask(chat);
      await c.updateComplete;
      expect(box(c).value).to.equal('For Alice');
      kit.store.selectTask(sms);
      await c.updateComplete;
      expect(box(c).value).to.equal('For Bob');

      kit.store.selectTask(chat);
      await c.updateComplete;
      const input = root(c).querySelector<HTMLInputElement>('input[type="file"]')!;
      input.files = files(textFile('a.txt')).files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => chips(c).length === 1 || (kit.store.state.drafts[chat]?.attachments.length ?? 0) === 1, 'attached');
      await c.updateComplete;
      button(c, 'clear')!.click();
      await c.updateComplete;
      expect(box(c).value).to.equal('');
      expect(chips(c)).to.have.length(0);
      expect(kit.store.state.drafts[chat]).to.equal(undefined);
      expect(kit.store.state.drafts[sms]?.text).to.equal('For Bob');
    });

    it('COMP-13: a reload (a new store on the same storage) brings the draft back, template fields included', async () => {
      const kit = await holding('chat');
      await pickTemplate(kit, 'order-status-en');
      await sendKeys({ type: 'Z-9' });
      await kit.composer.updateComplete;
      kit.store.flush();
      kit.provider.remove();

      const again = await mountComposer({ storage: kit.storage, serverStorage: kit.serverStorage });
      await until(() => again.store.state.drafts[kit.taskId] !== undefined, 'the draft restored');
      await again.composer.updateComplete;
      expect(box(again.composer).value).to.equal('Your order Z-9 left our warehouse and will be delivered tomorrow.');
      expect(again.store.state.drafts[kit.taskId]!.template!.fields.map((f) => f.value)).to.deep.equal(['Z-9', 'tomorrow']);
      expect(sendButton(again.composer).disabled).to.equal(false);
    });

    it('COMP-12: offline, Send queues the message (a note says so); it is delivered exactly once when the connection returns', async () => {
      const kit = await holding('chat');
      const c = kit.composer;
      kit.backend.dropConnection();
      await until(() => kit.store.state.connection === 'offline', 'offline');
      await c.updateComplete;
      expect(text(root(c).querySelector('.note.offline'))).to.equal('Offline — messages are sent when the connection returns');
      await typeInBox(c, 'Sent while offline');
      await press('Enter');
      await c.updateComplete;
      const queued = Object.values(kit.store.state.outbox);
      expect(queued.map((e) => [e.text, e.status])).to.deep.equal([['Sent while offline', 'queued']]);
      expect(box(c).value).to.equal('');
      expect(serverAgentMessages(kit, kit.taskId)).to.have.length(0);

      await kit.backend.restoreConnection();
      await until(() => Object.keys(kit.store.state.outbox).length === 0, 'the outbox emptied');
      await c.updateComplete;
      expect(root(c).querySelector('.note.offline')).to.equal(null);
      const held = serverAgentMessages(kit, kit.taskId);
      expect(held.map((m) => [m.text, m.clientId])).to.deep.equal([['Sent while offline', queued[0]!.clientId]]);
      expect(agentMessages(kit, kit.taskId)).to.have.length(1);
    });
  });

  describe('disabled, languages and themes', () => {
    it('works inside another shadow root: keys, the template list and sending', async () => {
      const kit = await holding('chat', { inShadow: true });
      const c = kit.composer;
      expect(c.getRootNode()).to.be.instanceOf(ShadowRoot);
      await pickTemplate(kit, 'order-status-en');
      await sendKeys({ type: 'B-7' });
      await press('Enter');
      await until(() => agentMessages(kit, kit.taskId).length === 1, 'sent');
      expect(agentMessages(kit, kit.taskId)[0]!.text).to.equal('Your order B-7 left our warehouse and will be delivered tomorrow.');
    });

    it('is disabled with its reason while no task is held, and accessible', async () => {
      const kit = await mountComposer();
      await readyForOffers(kit);
      const c = kit.composer;
      expect(box(c).disabled).to.equal(true);
      expect(sendButton(c).disabled).to.equal(true);
      expect(text(root(c).querySelector('[part~="note"]'))).to.equal('Select a task to write a message.');
      expect(c.matches(':state(disabled)')).to.equal(true);
      await expect(c).to.be.accessible();
    });

    it('is accessible with text, attachments, a template and formatting, in French and dark', async () => {
      const kit = await holding('social', { lang: 'fr', theme: 'dark' });
      const c = kit.composer;
      await pickTemplate(kit, 'order-status-fr');
      const input = root(c).querySelector<HTMLInputElement>('input[type="file"]')!;
      input.files = files(textFile('notes.txt')).files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => chips(c).length === 1 || (kit.store.state.drafts[kit.taskId]?.attachments.length ?? 0) === 1, 'attached');
      await c.updateComplete;
      await sendKeys({ type: 'X1' });
      box(c).setSelectionRange(0, 5);
      await press('Control+b');
      await c.updateComplete;
      expect(root(c).querySelector('[part~="preview"] strong')?.textContent).to.equal('Votre');
      await expect(c).to.be.accessible();
    });
  });
});
