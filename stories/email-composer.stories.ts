/**
 * `<dc-email-composer>`: the email reply in the looks MAIL-5..11 give it. Each story reaches its state
 * as an agent would: signed in and Ready, an email accepted, then Reply, a mode, typing, a table, a
 * paste. Language and theme come from the toolbar.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DcEmailComposer } from '../src/elements/email-composer/email-composer.js';
import { DEFAULT_MEDIA, type DcConfigInput } from '../src/model/config.js';
import { overlay } from './support/email-drafts.js';
import { scenarioElement, step } from './support/scenario.js';
import '../src/elements/email-composer/email-composer.js';

const describe = (text: string) => ({ docs: { description: { story: text } } });

const meta: Meta = {
  title: 'Email/Reply',
  component: 'dc-email-composer',
  parameters: {
    docs: {
      description: {
        component:
          'The email reply: Reply, Reply all or Forward with To, Cc, Bcc and Subject as the mode allows, a rich ' +
          'body (loaded on first use) with its own toolbar, attachments, templates, emoji and workflows, ' +
          'Minimise, Maximise and Delete. The draft is kept per task until sent or deleted.',
      },
    },
  },
};
export default meta;

const CONFIG: DcConfigInput = {
  agent: { id: 'a42', name: 'Camille Martin' },
  media: {
    ...DEFAULT_MEDIA,
    email: { kind: 'email', email: { trustedDomains: ['partner.org'], signatures: [{ queue: '*', html: '<p>Camille Martin<br>Claims team</p>' }] } },
  },
};

/** Resolves once `ready()` holds (checked every frame, for at most five seconds). */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !ready(); i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

const part = <T extends Element = HTMLElement>(c: DcEmailComposer, selector: string) => c.shadowRoot!.querySelector<T>(selector);

interface EmailStory {
  name: string;
  height?: string;
  act?: (composer: DcEmailComposer) => Promise<void>;
}

function emailStory(options: EmailStory): HTMLElement {
  return scenarioElement({
    name: options.name,
    config: CONFIG,
    content: html`<div style="display: flex; flex-direction: column; width: min(40rem, 100%); height: ${options.height ?? 'auto'}">
      <dc-email-composer style="flex: 1 1 auto"></dc-email-composer>
    </div>`,
    steps: [
      step.signIn(),
      step.ready('all'),
      step.offer('email', {
        queue: 'Claims',
        customer: { name: 'Claire Dubois', email: 'claire@example.com', subject: 'My claim' },
        text: 'Hello, where is my refund? Ref 42.',
      }),
      step.accept(0),
    ],
    after: async (s) => {
      const composer = s.provider.querySelector('dc-email-composer');
      if (!composer || !s.store) return;
      composer.store = overlay(s.store).api;
      await composer.updateComplete;
      await options.act?.(composer);
      await composer.updateComplete;
    },
  });
}

/** The agent presses Reply and waits for the editor. */
async function reply(c: DcEmailComposer, mode?: 'reply-all' | 'forward'): Promise<void> {
  part(c, '[data-action="start-reply"]')?.click();
  await c.updateComplete;
  await until(() => part(c, '.ql-editor') !== null);
  if (mode) {
    part(c, `[data-mode="${mode}"]`)?.click();
    await c.updateComplete;
  }
}

async function body(c: DcEmailComposer, htmlText: string): Promise<void> {
  c.quill?.clipboard.dangerouslyPasteHTML(0, htmlText, 'user');
  part(c, '.ql-editor')?.dispatchEvent(new FocusEvent('blur'));
  await c.updateComplete;
}

/** MAIL-5. */
export const NoReply: StoryObj = {
  name: 'No reply yet',
  parameters: describe('MAIL-5: an email task with no reply in progress: a hint and a Reply button.'),
  render: () => emailStory({ name: 'email-none' }),
};

/** MAIL-5. */
export const Reply: StoryObj = {
  name: 'Reply',
  parameters: describe('MAIL-5: To and Subject filled and read-only; the signature is in the body.'),
  render: () => emailStory({ name: 'email-reply', act: (c) => reply(c).then(() => body(c, '<p>Hello Claire, your refund left today.</p>')) }),
};

/** MAIL-5, MAIL-6. */
export const ReplyAll: StoryObj = {
  name: 'Reply all',
  parameters: describe('MAIL-5, MAIL-6: To and Subject read-only, Cc shown and editable.'),
  render: () => emailStory({ name: 'email-reply-all', act: (c) => reply(c, 'reply-all') }),
};

/** MAIL-5, MAIL-6. */
export const Forward: StoryObj = {
  name: 'Forward',
  parameters: describe('MAIL-5, MAIL-6: Subject filled and editable, To and Cc empty and editable.'),
  render: () => emailStory({ name: 'email-forward', act: (c) => reply(c, 'forward') }),
};

/** MAIL-7. */
export const Formatted: StoryObj = {
  name: 'Toolbar and formats',
  parameters: describe('MAIL-7: heading, bold, italic, underline, strikethrough, colour, lists, blockquote, link and indent.'),
  render: () =>
    emailStory({
      name: 'email-formats',
      act: (c) =>
        reply(c).then(() =>
          body(
            c,
            '<h1>Your claim</h1><p><strong>Bold</strong>, <em>italic</em>, <u>underlined</u>, <s>struck</s>, <span style="color:#c0392b">red</span>.</p>' +
              '<ol><li>First</li><li>Second</li></ol><ul><li>Bullet</li></ul><blockquote>Quoted</blockquote>' +
              '<p><a href="https://example.com/help">Help centre</a></p><p class="ql-indent-1">Indented</p>',
          ),
        ),
    }),
};

/** MAIL-7. */
export const Table: StoryObj = {
  name: 'Table',
  parameters: describe('MAIL-7: a 3×3 table from the Table button; Add a row and Add a column show while the caret is in it.'),
  render: () =>
    emailStory({
      name: 'email-table',
      act: async (c) => {
        await reply(c);
        c.quill?.setSelection(0, 0, 'user');
        part(c, '[data-format="table"]')?.click();
        await c.updateComplete;
      },
    }),
};

/** MAIL-10. */
export const Minimised: StoryObj = {
  name: 'Minimised',
  parameters: describe('MAIL-10: the reply collapsed to one line (mode and subject); the draft is kept.'),
  render: () =>
    emailStory({
      name: 'email-minimised',
      act: async (c) => {
        await reply(c);
        part(c, '[data-action="minimise"]')?.click();
      },
    }),
};

/** MAIL-10. */
export const Maximised: StoryObj = {
  name: 'Maximised',
  parameters: describe('MAIL-10: the reply takes the pane’s height (here a 40rem column).'),
  render: () =>
    emailStory({
      name: 'email-maximised',
      height: '40rem',
      act: async (c) => {
        await reply(c);
        part(c, '[data-action="maximise"]')?.click();
      },
    }),
};

/** MAIL-5. */
export const OutsideDomain: StoryObj = {
  name: 'Outside-domain confirmation',
  parameters: describe('MAIL-5: an address outside the customer’s domain (and the trusted ones) asks first.'),
  render: () =>
    emailStory({
      name: 'email-outside',
      act: async (c) => {
        await reply(c, 'forward');
        const to = part<HTMLInputElement>(c, '#to');
        if (!to) return;
        to.value = 'someone@elsewhere.test';
        to.dispatchEvent(new Event('input', { bubbles: true }));
        to.dispatchEvent(new Event('change', { bubbles: true }));
      },
    }),
};

/** MAIL-7. */
export const MailClientWarning: StoryObj = {
  name: 'What mail programs drop',
  parameters: describe('MAIL-7: a pasted image and a WebP image: Gmail does not show images kept in the email, Outlook for Windows no WebP.'),
  render: () =>
    emailStory({
      name: 'email-caniemail',
      act: (c) =>
        reply(c).then(() =>
          body(c, '<p><img alt="" src="data:image/webp;base64,UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA"></p>'),
        ),
    }),
};
