/**
 * What a new user met in the composer, and what a hostile drop or file does to it (HOSTILE-19, 20, 22,
 * 30): template fields that could not be read, a thousand files dropped at once, a file whose type
 * lies about it, a toolbar whose icons did not explain themselves. Each as a person meets it: real
 * keys, real pixels, what the store holds.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { DcComposer } from '../../src/elements/composer/composer.js';
import '../../src/elements/composer/composer.js';
import '../../src/elements/desktop/desktop.js';
import '../../src/elements/chat-thread/chat-thread.js';
import { DEFAULT_MEDIA, type DcConfigInput } from '../../src/model/config.js';
import { distance, pixelsOf, rgbOf } from '../support/pixels.js';
import { mountKit, press, signInReady, text, until } from '../support/kit.js';

interface Options {
  config?: DcConfigInput;
  lang?: 'en' | 'fr';
  theme?: 'light' | 'dark';
  /** The width of the composer's column (the page is as wide as the viewport). */
  width?: string;
}

/** A kit holding one chat, on show, with the composer at the bottom of a column. */
async function holding(options: Options = {}) {
  const kit = await mountKit(
    html`<div style="padding-top: 26rem; width: ${options.width ?? '40rem'}; max-width: 100%"><dc-composer></dc-composer></div>`,
    { ...(options.config ? { config: options.config } : {}), lang: options.lang ?? 'en' },
  );
  kit.provider.setAttribute('theme', options.theme ?? 'light');
  await signInReady(kit.store);
  const offer = kit.backend.offer('chat', { text: null, customer: { name: 'Alice Martin' }, queue: 'Sales' })!;
  await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'offered');
  kit.store.accept(offer.id);
  await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'accepted');
  const composer = kit.provider.querySelector('dc-composer')!;
  await composer.updateComplete;
  return { ...kit, composer, taskId: offer.id };
}

type Kit = Awaited<ReturnType<typeof holding>>;

const root = (c: DcComposer) => c.shadowRoot!;
const box = (c: DcComposer) => root(c).querySelector('textarea')!;
const button = (c: DcComposer, action: string) => root(c).querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;

/** The agent opens the template list with the Templates button and clicks template `id`. */
async function pickTemplate(kit: Kit, id: string): Promise<void> {
  const c = kit.composer;
  kit.store.loadCatalogue();
  await until(() => kit.store.state.catalogue.status === 'loaded', 'catalogue loaded');
  button(c, 'templates').click();
  await c.updateComplete;
  const picker = root(c).querySelector('dc-template-picker')!;
  await picker.updateComplete;
  picker.shadowRoot!.querySelector<HTMLElement>(`[role="option"][data-id="${id}"]`)!.click();
  await c.updateComplete;
  await c.updateComplete;
}

/** Puts the focus in the box and types, key by key. */
async function typeInBox(c: DcComposer, keys: string): Promise<void> {
  box(c).focus();
  await sendKeys({ type: keys });
  await c.updateComplete;
}

/** Files as a drag from the desktop carries them, dropped on the composer. */
async function drop(c: DcComposer, files: readonly File[]): Promise<void> {
  const data = new DataTransfer();
  for (const f of files) data.items.add(f);
  root(c).querySelector('[part~="composer"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
}

const refusals = (c: DcComposer) => [...root(c).querySelectorAll('[role="alert"] li')].map((li) => text(li));

/** Two frames: what was rendered is on the screen. */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('dc-composer, as a new user and a hostile drop meet it', function () {
  this.timeout(20000);
  afterEach(() => setViewport({ width: 800, height: 600 }));

  describe('HOSTILE-19: a thousand files dropped at once', () => {
    /** The whole desktop, as a CRM pane gives it room, holding one chat on show. */
    async function desktopHolding() {
      const kit = await mountKit(html`<dc-desktop style="display: flex; width: 64rem; height: 720px"></dc-desktop>`);
      await signInReady(kit.store);
      const offer = kit.backend.offer('chat', { text: null, customer: { name: 'Alice Martin' }, queue: 'Sales' })!;
      await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'offered');
      kit.store.accept(offer.id);
      await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'accepted');
      kit.store.selectTask(offer.id);
      const desktop = kit.provider.querySelector('dc-desktop')!;
      await desktop.updateComplete;
      await until(() => desktop.shadowRoot!.querySelector('dc-composer') !== null, 'the composer');
      const composer = desktop.shadowRoot!.querySelector('dc-composer')!;
      await composer.updateComplete;
      return { ...kit, desktop, composer, taskId: offer.id };
    }

    it('HOSTILE-19: 995 refusals are summarised by reason in a bounded area; Send stays in the desktop and in sight', async () => {
      await setViewport({ width: 1100, height: 800 });
      const kit = await desktopHolding();
      const c = kit.composer;
      const dropped = [
        ...Array.from({ length: 970 }, (_, i) => new File([`note ${i}`], `note-${i}.txt`, { type: 'text/plain' })),
        ...Array.from({ length: 20 }, (_, i) => new File(['MZ'], `setup-${i}.exe`, { type: 'application/x-msdownload' })),
        ...Array.from({ length: 10 }, (_, i) => new File([], `empty-${i}.txt`, { type: 'text/plain' })),
      ];
      await drop(c, dropped);
      const summary = () => root(c).querySelector<HTMLElement>('[part~="refusals"]');
      await until(() => summary() !== null, 'the refusals');
      await c.updateComplete;
      expect(kit.store.state.drafts[kit.taskId]!.attachments).to.have.length(5);
      const area = summary()!;
      expect(text(area.querySelector('.refusal-summary'))).to.equal('995 files were not added:');
      expect([...area.querySelectorAll('li')].map((li) => text(li))).to.deep.equal([
        'Over the limit of 5 files per message (965): “note-5.txt”, “note-6.txt”, “note-7.txt”, “note-8.txt”, “note-9.txt”, ' +
          '“note-10.txt”, “note-11.txt”, “note-12.txt”, “note-13.txt”, “note-14.txt” and 955 more',
        'Types of file that cannot be sent (20): “setup-0.exe”, “setup-1.exe”, “setup-2.exe”, “setup-3.exe”, “setup-4.exe”, ' +
          '“setup-5.exe”, “setup-6.exe”, “setup-7.exe”, “setup-8.exe”, “setup-9.exe” and 10 more',
        'Empty (10): “empty-0.txt”, “empty-1.txt”, “empty-2.txt”, “empty-3.txt”, “empty-4.txt”, “empty-5.txt”, “empty-6.txt”, ' +
          '“empty-7.txt”, “empty-8.txt”, “empty-9.txt”',
      ]);
      // Bounded: it scrolls, and the keyboard can scroll it.
      const list = area.querySelector<HTMLElement>('.refusal-list')!;
      expect(list.scrollHeight).to.be.above(list.clientHeight);
      expect(list.tabIndex).to.equal(0);
      expect(list.getBoundingClientRect().height).to.be.below(8 * parseFloat(getComputedStyle(list).fontSize));
      // Send is inside the desktop, in sight, and nothing covers it.
      const send = root(c).querySelector<HTMLButtonElement>('[part~="send"]')!;
      const rect = send.getBoundingClientRect();
      const frame = kit.desktop.getBoundingClientRect();
      expect(rect.bottom, 'Send above the desktop’s bottom edge').to.be.at.most(frame.bottom);
      expect(rect.top).to.be.at.least(frame.top);
      const hit = root(c).elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
      expect(hit !== null && send.contains(hit), 'Send can be clicked').to.equal(true);
      await expect(c).to.be.accessible();
    });

    it('HOSTILE-19: a few refusals are still named one by one, in the same bounded area', async () => {
      const kit = await holding({ config: { media: { ...DEFAULT_MEDIA, chat: { kind: 'chat', attachments: { maxCount: 1 } } } } });
      await drop(kit.composer, [new File(['a'], 'a.txt', { type: 'text/plain' }), new File(['b'], 'b.txt', { type: 'text/plain' })]);
      await until(() => refusals(kit.composer).length === 1, 'the refusal');
      expect(refusals(kit.composer)).to.deep.equal(['“b.txt” was not attached: a message holds at most 1 files.']);
      expect(root(kit.composer).querySelector('.refusal-summary')).to.equal(null);
      expect(root(kit.composer).querySelector('[part~="refusals"] .refusal-list')).to.exist;
    });

    it('HOSTILE-19: the summary in French', async () => {
      const kit = await holding({ lang: 'fr' });
      await drop(kit.composer, Array.from({ length: 12 }, (_, i) => new File([`n${i}`], `n${i}.txt`, { type: 'text/plain' })));
      await until(() => root(kit.composer).querySelector('.refusal-summary') !== null, 'the summary');
      await kit.composer.updateComplete;
      const area = root(kit.composer).querySelector('[part~="refusals"]')!;
      expect(text(area.querySelector('.refusal-summary'))).to.equal('7 fichiers n’ont pas été joints :');
      expect(text(area.querySelector('li'))).to.equal('Au-delà de 5 fichiers par message (7) : « n5.txt », « n6.txt », « n7.txt », « n8.txt », « n9.txt », « n10.txt », « n11.txt »');
    });
  });

  describe('HOSTILE-20: a file is what its name says', () => {
    it('HOSTILE-20: report.pdf declared text/html, and a PDF that holds a web page, are refused with the reason; a real PDF goes as a PDF', async () => {
      const kit = await holding();
      const c = kit.composer;
      const page = '<!DOCTYPE html><html><script>location.href = "https://evil.example"</script></html>';
      await drop(c, [
        new File([page], 'report.pdf', { type: 'text/html' }),
        new File([page], 'invoice.pdf', { type: 'application/pdf' }),
        new File(['%PDF-1.7\n%âãÏÓ\n1 0 obj'], 'statement.pdf', { type: 'application/pdf' }),
        new File(['MZ\x90\x00\x03'], 'photo.png', { type: 'image/png' }),
      ]);
      await until(() => refusals(c).length === 3, 'the refusals');
      expect(refusals(c)).to.deep.equal([
        '“report.pdf” was not attached: its type says a web page (HTML), its name a PDF document.',
        '“invoice.pdf” was not attached: it holds a web page (HTML), not a PDF document.',
        '“photo.png” was not attached: it holds a program, not a PNG image.',
      ]);
      const draft = () => kit.store.state.drafts[kit.taskId];
      expect(draft()!.attachments.map((a) => [a.name, a.type])).to.deep.equal([['statement.pdf', 'application/pdf']]);
      root(c).querySelector<HTMLButtonElement>('[part~="send"]')!.click();
      await until(() => kit.backend.serverMessages(kit.taskId).some((m) => m.attachments?.length), 'sent');
      const sent = kit.backend.serverMessages(kit.taskId).find((m) => m.attachments?.length)!;
      expect(sent.attachments!.map((a) => [a.name, a.type])).to.deep.equal([['statement.pdf', 'application/pdf']]);
    });

    it('HOSTILE-20: in French, the reasons name the formats in French', async () => {
      const kit = await holding({ lang: 'fr' });
      await drop(kit.composer, [new File(['<html><body>x</body></html>'], 'rapport.pdf', { type: 'text/html' })]);
      await until(() => refusals(kit.composer).length === 1, 'the refusal');
      expect(refusals(kit.composer)).to.deep.equal(['« rapport.pdf » n’a pas été joint : son type indique une page web (HTML), son nom un document PDF.']);
    });
  });

  describe('HOSTILE-30: the toolbar explains itself', () => {
    const toolbar = (c: DcComposer) => root(c).querySelector<HTMLElement>('[part~="toolbar"]')!;
    /** A button's visible label: its text as drawn, or '' when it is not drawn (clipped to a point). */
    const shownLabel = (b: HTMLElement) => {
      const label = b.querySelector<HTMLElement>('.label');
      if (!label) return '';
      const rect = label.getBoundingClientRect();
      return rect.width > 2 && rect.height > 2 ? text(label) : '';
    };

    it('HOSTILE-30: with room, Templates, Workflows, Emoji and Attach show their names beside their icons, in English and French', async () => {
      await setViewport({ width: 1200, height: 800 });
      const kit = await holding({ width: '60rem' });
      const c = kit.composer;
      const shown = ['attach', 'emoji', 'templates', 'workflows'].map((a) => shownLabel(button(c, a)));
      expect(shown).to.deep.equal(['Attach', 'Emoji', 'Templates', 'Workflows']);
      // On one line: nothing wrapped.
      const tops = [...toolbar(c).querySelectorAll('button')].map((b) => Math.round(b.getBoundingClientRect().top));
      expect(new Set(tops).size, 'one row of buttons').to.equal(1);
      await expect(c).to.be.accessible();

      const fr = await holding({ width: '60rem', lang: 'fr' });
      expect(['attach', 'emoji', 'templates', 'workflows'].map((a) => shownLabel(button(fr.composer, a)))).to.deep.equal([
        'Joindre',
        'Émoticônes',
        'Modèles',
        'Flux de travail',
      ]);
    });

    it('HOSTILE-30: in a middling width the names of Templates and Workflows still show; in a narrow one, only icons', async () => {
      await setViewport({ width: 1200, height: 800 });
      const kit = await holding({ width: '50rem' });
      expect(['attach', 'emoji', 'templates', 'workflows'].map((a) => shownLabel(button(kit.composer, a)))).to.deep.equal([
        '',
        '',
        'Templates',
        'Workflows',
      ]);
      const narrow = await holding({ width: '24rem' });
      expect(['attach', 'emoji', 'templates', 'workflows'].map((a) => shownLabel(button(narrow.composer, a)))).to.deep.equal(['', '', '', '']);
    });

    it('HOSTILE-30: every toolbar button has a tooltip; at 360 px a focused icon shows its name, Escape hides it, and nothing is clipped', async () => {
      await setViewport({ width: 360, height: 800 });
      const kit = await holding({ width: '100%' });
      const c = kit.composer;
      await typeInBox(c, 'Hello');
      const buttons = [...toolbar(c).querySelectorAll<HTMLButtonElement>('button')];
      expect(buttons.map((b) => [b.dataset['action'] ?? b.dataset['style'] ?? b.getAttribute('part'), b.title !== ''])).to.deep.equal([
        ['bold', true],
        ['italic', true],
        ['strike', true],
        ['attach', true],
        ['emoji', true],
        ['templates', true],
        ['workflows', true],
        ['clear', true],
        ['send', true],
      ]);
      const frame = c.getBoundingClientRect();
      for (const b of buttons) {
        const r = b.getBoundingClientRect();
        expect(r.left >= frame.left && r.right <= frame.right, `${b.title} inside the composer`).to.equal(true);
      }
      // The keyboard reaches Templates: its name shows by it, inside the composer and the page.
      const templates = button(c, 'templates');
      expect(shownLabel(templates)).to.equal('');
      button(c, 'emoji').focus();
      await press('Tab');
      expect(root(c).activeElement === templates, 'Templates focused').to.equal(true);
      await painted();
      expect(shownLabel(templates)).to.equal('Templates');
      const tip = templates.querySelector('.label')!.getBoundingClientRect();
      expect(tip.left >= 0 && tip.right <= 360, 'the name inside the page').to.equal(true);
      // On top of what is under it (the box): the screen shows the name's own background there.
      const label = templates.querySelector<HTMLElement>('.label')!;
      const background = rgbOf(getComputedStyle(label).backgroundColor);
      const pixels = await pixelsOf(tip);
      expect(pixels.filter((p) => distance(p, background) <= 30).length / pixels.length, 'the name on top').to.be.above(0.5);
      await press('Escape');
      await painted();
      expect(shownLabel(templates), 'Escape hides it').to.equal('');
      expect(root(c).activeElement === templates, 'the focus stays').to.equal(true);
      await expect(c).to.be.accessible();
    });
  });

  describe('HOSTILE-29: workflows', () => {
    it('HOSTILE-29: the callback’s phone comes from the SMS customer, its parameters show when it is chosen, and the thread gives the date in French', async () => {
      const kit = await mountKit(
        html`<div style="padding-top: 2rem"><dc-chat-thread style="display: block; height: 20rem"></dc-chat-thread><dc-composer></dc-composer></div>`,
        { lang: 'fr' },
      );
      await signInReady(kit.store);
      const offer = kit.backend.offer('sms', { text: null, customer: { name: 'Bob Durand', phone: '+33 6 12 34 56 78' }, queue: 'Billing SMS' })!;
      await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'offered');
      kit.store.accept(offer.id);
      await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'accepted');
      const c = kit.provider.querySelector('dc-composer')!;
      await c.updateComplete;
      button(c, 'workflows').click();
      await until(() => root(c).querySelector('dc-workflow-dialog') !== null && kit.store.state.catalogue.status === 'loaded', 'the dialog');
      await c.updateComplete;
      const dialog = root(c).querySelector('dc-workflow-dialog')!;
      await dialog.updateComplete;
      const d = dialog.shadowRoot!;
      [...d.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.value === 'callback')!.click();
      await dialog.updateComplete;
      const input = (name: string) => d.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
      expect(input('phone').value).to.equal('+33 6 12 34 56 78');
      input('date').focus();
      await sendKeys({ type: '03152027' });
      d.querySelector<HTMLButtonElement>('[part~="trigger"]')!.click();
      await until(() => !dialog.open, 'the dialog closed');
      const thread = kit.provider.querySelector('dc-chat-thread')!;
      await until(() => text(thread.shadowRoot).includes('15 mars 2027'), 'the announcement, dated in French');
      expect(text(thread.shadowRoot)).to.not.include('2027-03-15');
    });
  });

  describe('HOSTILE-22: template fields are readable', () => {
    /**
     * Each field's text, as the screen shows it: some of its pixels are the text's colour (the
     * highlight is behind the glyphs, not over them), and the text's colour is not the field's.
     */
    async function expectFieldsReadable(kit: Kit, label: string): Promise<void> {
      const c = kit.composer;
      await pickTemplate(kit, 'order-status-en');
      expect(box(c).value).to.equal('Your order [Order number] left our warehouse and will be delivered tomorrow.');
      // Out of the box, so that the caret and the selection do not paint over the glyphs.
      box(c).blur();
      await painted();
      const color = rgbOf(getComputedStyle(box(c)).color);
      const fields = [...root(c).querySelectorAll<HTMLElement>('.mirror .field')];
      expect(fields.map((f) => f.textContent), label).to.deep.equal(['[Order number]', 'tomorrow']);
      for (const field of fields) {
        const background = rgbOf(getComputedStyle(field).backgroundColor);
        expect(distance(color, background), `${label}: "${field.textContent}" text and highlight differ`).to.be.above(100);
        const pixels = await pixelsOf(field.getBoundingClientRect());
        const ink = pixels.filter((p) => distance(p, color) <= 40).length;
        expect(ink, `${label}: pixels of "${field.textContent}" in the text's colour`).to.be.above(10);
      }
    }

    it('HOSTILE-22: a typed value and a default show as text on their highlight, in the light theme', async () => {
      const kit = await holding();
      await expectFieldsReadable(kit, 'light');
    });

    it('HOSTILE-22: the same in the dark theme', async () => {
      const kit = await holding({ theme: 'dark' });
      await expectFieldsReadable(kit, 'dark');
    });

    it('HOSTILE-22: the same at 360 px', async () => {
      await setViewport({ width: 360, height: 800 });
      const kit = await holding({ width: '100%' });
      await expectFieldsReadable(kit, '360 px');
      expect(root(kit.composer).querySelector('.box')!.getBoundingClientRect().right).to.be.at.most(360);
    });
  });
});
