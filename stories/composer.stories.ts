/**
 * `<dc-composer>`: the compose area of a chat, SMS or social task in every look the SPEC gives it
 * (COMP-1..13). Each story reaches its state as an agent would: signed in and Ready, an offer accepted,
 * then the agent types in the box, drops files on it, picks a template or opens a panel.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { OfferOptions } from '../src/simulator/index.js';
import type { DcComposer } from '../src/elements/composer/composer.js';
import { DEFAULT_MEDIA, type DcConfigInput } from '../src/model/config.js';
import type { MediaId } from '../src/model/media.js';
import { scenarioElement, step, type Scenario, type ScenarioStep } from './support/scenario.js';
import '../src/elements/composer/composer.js';
import '../src/elements/chat-thread/chat-thread.js';

const describe = (text: string) => ({ docs: { description: { story: text } } });

const meta: Meta = {
  title: 'Conversation/Composer',
  component: 'dc-composer',
  parameters: {
    docs: {
      description: {
        component:
          'The compose area of chat, SMS and social tasks: a text box with a live counter, Send (Enter or ' +
          'Ctrl+Enter, per media), attachments, templates (button or `/` in an empty box), formatting, emoji and ' +
          'workflows, as the media’s options allow. What the agent writes is kept per task until sent or cleared.',
      },
    },
  },
};
export default meta;

/** The composer at the bottom of a column, where it sits under a conversation; its panels open upwards. */
const column = (thread = false, width = '38rem'): TemplateResult =>
  html`<div
    style="display: flex; flex-direction: column; justify-content: flex-end; width: min(${width}, 100%); min-height: 34rem; border: 1px solid var(--dc-color-border, #c9d0d8)"
  >
    ${thread ? html`<dc-chat-thread style="flex: 1 1 auto; min-height: 14rem"></dc-chat-thread>` : ''}
    <dc-composer></dc-composer>
  </div>`;

const CUSTOMERS: Readonly<Record<'chat' | 'sms' | 'social', OfferOptions>> = {
  chat: { queue: 'Sales', customer: { name: 'Alice Martin', email: 'alice.martin@example.com' }, text: null },
  sms: { queue: 'Billing SMS', customer: { name: 'Bob Durand', phone: '+33 6 12 34 56 78' }, text: null },
  social: { queue: 'WhatsApp Support', customer: { name: 'Karim Benali', phone: '+33 7 98 76 54 32' }, text: null },
};

/** Signed in, Ready, and holding one task of `media`. */
const holding = (media: keyof typeof CUSTOMERS): ScenarioStep[] => [
  step.signIn(),
  step.ready('all'),
  step.offer(media as MediaId, CUSTOMERS[media]),
  step.accept(0),
];

interface ComposerStory {
  name: string;
  media?: keyof typeof CUSTOMERS;
  steps?: ScenarioStep[];
  config?: DcConfigInput;
  thread?: boolean;
  /** The column's width (38rem by default). */
  width?: string;
  /** What the agent does in the composer once the task is held. */
  act?: (composer: DcComposer, scenario: Scenario) => Promise<void>;
}

function composerStory(options: ComposerStory): HTMLElement {
  return scenarioElement({
    name: options.name,
    content: column(options.thread, options.width),
    ...(options.config ? { config: options.config } : {}),
    steps: options.steps ?? holding(options.media ?? 'chat'),
    after: async (s) => {
      const composer = s.provider.querySelector('dc-composer');
      if (!composer || !s.store || !options.act) return;
      await composer.updateComplete;
      await options.act(composer, s);
      await composer.updateComplete;
    },
  });
}

// ---------------------------------------------------------------------------------------------------
// What the agent does, through the composer's own controls

/** Resolves once `ready()` holds (checked every frame, for at most two seconds). */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 120 && !ready(); i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

const part = <T extends Element = HTMLElement>(c: DcComposer, selector: string) => c.shadowRoot!.querySelector<T>(selector);
const box = (c: DcComposer) => part<HTMLTextAreaElement>(c, 'textarea')!;
const inner = <K extends keyof HTMLElementTagNameMap>(c: DcComposer, tag: K) => c.shadowRoot!.querySelector(tag);

/** The agent types `text` into the box. */
async function type(c: DcComposer, text: string): Promise<void> {
  const area = box(c);
  area.focus();
  area.value = text;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  await c.updateComplete;
}

/** The agent selects `word` in the box. */
function select(c: DcComposer, word: string): void {
  const area = box(c);
  const start = area.value.indexOf(word);
  area.focus();
  area.setSelectionRange(start, start + word.length);
  area.dispatchEvent(new Event('select'));
}

async function click(c: DcComposer, selector: string): Promise<void> {
  part(c, selector)?.click();
  await c.updateComplete;
}

/** The agent drops files on the composer. */
async function drop(c: DcComposer, files: File[], expectAttached: number, s: Scenario): Promise<void> {
  const data = new DataTransfer();
  for (const f of files) data.items.add(f);
  part(c, '[part~="composer"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  const taskId = s.store!.state.selectedTaskId!;
  await until(() => (s.store!.state.drafts[taskId]?.attachments.length ?? 0) >= expectAttached);
  await c.updateComplete;
}

/** A small photo, drawn on the spot (so its thumbnail shows). */
async function photo(name: string): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 64;
  const g = canvas.getContext('2d')!;
  const gradient = g.createLinearGradient(0, 0, 64, 64);
  gradient.addColorStop(0, '#4a90d9');
  gradient.addColorStop(1, '#f5a623');
  g.fillStyle = gradient;
  g.fillRect(0, 0, 64, 64);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

const pdf = (name: string, bytes: number) => new File([new Uint8Array(bytes).fill(37)], name, { type: 'application/pdf' });

/** Opens the template list and waits for the catalogue. */
async function openTemplates(c: DcComposer, s: Scenario): Promise<void> {
  await click(c, '[data-action="templates"]');
  await until(() => s.store!.state.catalogue.status === 'loaded');
  await c.updateComplete;
  await inner(c, 'dc-template-picker')?.updateComplete;
}

/** The agent picks a template in the list. */
async function pickTemplate(c: DcComposer, s: Scenario, id: string): Promise<void> {
  await openTemplates(c, s);
  inner(c, 'dc-template-picker')?.shadowRoot?.querySelector<HTMLElement>(`[role="option"][data-id="${id}"]`)?.click();
  await c.updateComplete;
  await c.updateComplete;
}

// ---------------------------------------------------------------------------------------------------

/** COMP-1, COMP-2. */
export const Empty: StoryObj = {
  name: 'Empty',
  parameters: describe(
    'COMP-1, COMP-2: a chat task, nothing typed yet. The chat media offers formatting, attachments, emoji, ' +
      'templates and workflows; Send waits for a message (Enter sends a chat, Shift+Enter makes a new line).',
  ),
  render: () => composerStory({ name: 'composer-empty' }),
};

/** COMP-1, COMP-3. */
export const WithText: StoryObj = {
  name: 'With text',
  parameters: describe('COMP-1, COMP-3: the agent is writing; the counter shows the length against the media’s limit.'),
  render: () =>
    composerStory({
      name: 'composer-text',
      act: (c) => type(c, 'Hello Alice, thanks for waiting.\nI am checking your order now.'),
    }),
};

/** COMP-3. */
export const OverTheLimit: StoryObj<{ maxChars: number }> = {
  name: 'Over the limit',
  args: { maxChars: 80 },
  argTypes: { maxChars: { control: { type: 'number', min: 10, max: 1000 } } },
  parameters: describe(
    'COMP-3: the message is longer than the media’s `maxChars` (80 here): Send is disabled and a red message ' +
      'under the box says by how many characters.',
  ),
  render: (args) =>
    composerStory({
      name: 'composer-over',
      config: { media: { ...DEFAULT_MEDIA, chat: { kind: 'chat', maxChars: args.maxChars } } },
      act: (c) =>
        type(
          c,
          'Your refund was approved this morning and will reach your account within three to five working days, ' +
            'depending on your bank.',
        ),
    }),
};

/** COMP-3 (SMS). */
export const SmsSegments: StoryObj = {
  name: 'SMS with segments',
  parameters: describe(
    'COMP-2, COMP-3: an SMS task: emoji, templates and workflows only. The counter adds how many SMS the text ' +
      'takes and its encoding (an accent outside GSM-7 would make it Unicode, with shorter segments).',
  ),
  render: () =>
    composerStory({
      name: 'composer-sms',
      media: 'sms',
      act: (c) =>
        type(
          c,
          'Hello Bob, your invoice of 42.50 EUR is available in your customer area. Payment is due on the 30th. ' +
            'Reply HELP for assistance or call us on 01 70 00 00 00, Monday to Friday.',
        ),
    }),
};

/** COMP-2, HOSTILE-30. */
export const ToolbarWithLabels: StoryObj = {
  name: 'Toolbar with labels',
  parameters: describe(
    'HOSTILE-30: where the composer has room (here 64rem) its buttons name themselves beside their icons: ' +
      'Templates and Workflows from a middling width, Attach and Emoji too from a wide one. Narrower, they are ' +
      'icons with tooltips, and the keyboard shows a focused icon’s name above it (Escape hides it).',
  ),
  render: () =>
    composerStory({
      name: 'composer-labels',
      width: '64rem',
      act: (c) => type(c, 'Let me look that up for you.'),
    }),
};

/** COMP-4. */
export const WithAttachments: StoryObj = {
  name: 'With attachments',
  parameters: describe(
    'COMP-4: two files dropped on the composer: each shows its name and size (an image its thumbnail) and an X ' +
      'to remove it, before anything is sent.',
  ),
  render: () =>
    composerStory({
      name: 'composer-attachments',
      act: async (c, s) => {
        await type(c, 'Here is the photo and the invoice you asked for.');
        await drop(c, [await photo('parcel.png'), pdf('invoice-2026-11.pdf', 48_000)], 2, s);
      },
    }),
};

/** COMP-4 (refusals). */
export const RejectedAttachment: StoryObj = {
  name: 'Rejected attachments',
  parameters: describe(
    'COMP-4: files are checked against the media’s limits before upload. A program and a file over the size ' +
      'limit are refused, each named with its reason; the valid file is attached.',
  ),
  render: () =>
    composerStory({
      name: 'composer-rejected',
      config: { media: { ...DEFAULT_MEDIA, chat: { kind: 'chat', attachments: { maxBytes: 100 * 1024 } } } },
      act: async (c, s) => {
        await drop(
          c,
          [pdf('contract.pdf', 20_000), new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }), pdf('scan.pdf', 250_000)],
          1,
          s,
        );
        await until(() => part(c, '[part~="refusals"]') !== null);
      },
    }),
};

/** COMP-4, HOSTILE-19 (a drop of many files). */
export const RefusalSummary: StoryObj = {
  name: 'Many files refused',
  parameters: describe(
    'HOSTILE-19: a folder of 60 files dropped at once. Five are attached (the media’s limit); the refusals are ' +
      'summarised by reason, the first names of each, in an area that scrolls, so Send stays in sight. Up to ' +
      'five refusals are named one by one.',
  ),
  render: () =>
    composerStory({
      name: 'composer-refusal-summary',
      act: async (c, s) => {
        const files = [
          ...Array.from({ length: 52 }, (_, i) => new File([`Scan ${i + 1}`], `scan-${String(i + 1).padStart(2, '0')}.txt`, { type: 'text/plain' })),
          ...['setup.exe', 'update.exe', 'driver.exe'].map((name) => new File(['MZ'], name, { type: 'application/x-msdownload' })),
          new File(['<html><script>location.href = "https://example.com"</script></html>'], 'invoice.pdf', { type: 'application/pdf' }),
          ...['notes.txt', 'todo.txt', 'draft.txt', 'copy.txt'].map((name) => new File([], name, { type: 'text/plain' })),
        ];
        await drop(c, files, 5, s);
        await until(() => part(c, '[part~="refusals"]') !== null);
      },
    }),
};

/** COMP-5. */
export const TemplatePickerOpen: StoryObj = {
  name: 'Template picker open',
  parameters: describe(
    'COMP-5: the Templates button lists the configured groups, an “All templates” tab, “More” for every ' +
      'group and a search field. Typing / in an empty box opens the same list, searched by what follows.',
  ),
  render: () => composerStory({ name: 'composer-picker', act: (c, s) => openTemplates(c, s) }),
};

/** COMP-7, COMP-8. */
export const TemplateWithFields: StoryObj = {
  name: 'Template with replaceable fields',
  parameters: describe(
    'COMP-7, COMP-8: a template with fields to fill: the unfilled one is highlighted and selected, Tab moves ' +
      'between fields, and Send waits until each is filled (the message below says which).',
  ),
  render: () => composerStory({ name: 'composer-fields', act: (c, s) => pickTemplate(c, s, 'order-status-en') }),
};

/** COMP-6. */
export const LockedTemplate: StoryObj = {
  name: 'Locked template',
  parameters: describe(
    'COMP-6: a locked template shows a lock; the agent tried to change it, and the edit was refused with an ' +
      'error. It can still be sent as it is, or removed.',
  ),
  render: () =>
    composerStory({
      name: 'composer-locked',
      act: async (c, s) => {
        await pickTemplate(c, s, 'goodbye-en');
        const area = box(c);
        area.focus();
        area.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: '!', bubbles: true, cancelable: true }));
        await c.updateComplete;
      },
    }),
};

/** COMP-10. */
export const WorkflowDialogOpen: StoryObj = {
  name: 'Workflow dialog open',
  parameters: describe('COMP-10: the workflow button lists the configured workflows; one with parameters asks for them.'),
  render: () =>
    composerStory({
      name: 'composer-workflows',
      act: async (c, s) => {
        await click(c, '[data-action="workflows"]');
        await until(() => s.store!.state.catalogue.status === 'loaded');
        await c.updateComplete;
        await inner(c, 'dc-workflow-dialog')?.updateComplete;
      },
    }),
};

/** COMP-11. */
export const EmojiPanelOpen: StoryObj = {
  name: 'Emoji panel open',
  parameters: describe('COMP-11: the emoji panel; a picked emoji goes in at the caret.'),
  render: () =>
    composerStory({
      name: 'composer-emoji',
      act: async (c) => {
        await type(c, 'Thank you ');
        await click(c, '[data-action="emoji"]');
        await until(() => inner(c, 'dc-emoji-panel')?.matches(':state(ready)') ?? true);
        await inner(c, 'dc-emoji-panel')?.updateComplete;
      },
    }),
};

/** COMP-9. */
export const FormattingApplied: StoryObj = {
  name: 'Formatting applied',
  parameters: describe(
    'COMP-9: on WhatsApp, the agent made one word bold, one italic and one struck through (one style per ' +
      'selection). Marks under the text show the styles without changing the text’s width; the preview line ' +
      'shows them as the customer will.',
  ),
  render: () =>
    composerStory({
      name: 'composer-formatting',
      media: 'social',
      act: async (c) => {
        await type(c, 'Your parcel shipped today, not yesterday: tracking below.');
        for (const [word, style] of [
          ['shipped', 'bold'],
          ['today', 'italic'],
          ['yesterday', 'strike'],
        ] as const) {
          select(c, word);
          await click(c, `button[data-style="${style}"]`);
        }
        box(c).setSelectionRange(0, 0);
      },
    }),
};

/** COMP-12. */
export const OfflineQueued: StoryObj = {
  name: 'Offline, message queued',
  parameters: describe(
    'COMP-12: the connection dropped. The agent still sent a message: it waits in the outbox, shown as sending ' +
      'in the thread, and goes exactly once when the connection returns. The composer says so.',
  ),
  render: () =>
    composerStory({
      name: 'composer-offline',
      thread: true,
      steps: [...holding('chat'), step.dropConnection()],
      act: async (c) => {
        await type(c, 'I will send you the link in a minute.');
        await click(c, '[part~="send"]');
      },
    }),
};

/** The composer without a task. */
export const Disabled: StoryObj = {
  name: 'Disabled (no task)',
  parameters: describe('No task is on show: the box and its buttons are disabled, and the composer says why.'),
  render: () => composerStory({ name: 'composer-disabled', steps: [step.signIn(), step.ready('all')] }),
};
