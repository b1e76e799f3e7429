/**
 * The email reply's stories, mounted as a designer sees them, in English and French: each reaches the
 * state its name promises and passes axe.
 */
import { expect } from '@open-wc/testing';
import type { StoryObj } from '@storybook/web-components-vite';
import * as stories from '../../stories/email-composer.stories.js';
import { scenarioOf } from '../../stories/support/scenario.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import { until } from '../support/dom.js';

/** What each story must show in the reply's shadow root. */
const EXPECT: Record<string, string> = {
  NoReply: '[data-action="start-reply"]',
  Reply: '[data-mode="reply"][aria-pressed="true"]',
  ReplyAll: '[data-mode="reply-all"][aria-pressed="true"] ~ *, #cc',
  Forward: '[data-mode="forward"][aria-pressed="true"]',
  Formatted: '.ql-editor h1',
  Table: '.ql-editor table',
  Minimised: '[data-action="restore"]',
  Maximised: '.reply.maximised',
  OutsideDomain: 'dialog[data-dialog="outside"][open]',
  MailClientWarning: '[part="warning"]',
};

describe('email composer stories', () => {
  for (const lang of ['en', 'fr'] as const) {
    for (const [name, selector] of Object.entries(EXPECT)) {
      it(`MAIL-5..10: ${name} (${lang}) shows its state and passes axe`, async () => {
        const story = (stories as unknown as Record<string, StoryObj>)[name]!;
        const node = (story.render as (a: unknown, c: unknown) => HTMLElement)({}, {});
        const provider = node as DcProvider;
        provider.lang = lang;
        document.body.append(node);
        try {
          await scenarioOf(provider)?.done;
          await provider.localeReady;
          const el = provider.querySelector('dc-email-composer')!;
          await until(() => el.shadowRoot?.querySelector(selector) !== null, `${name}: ${selector}`, 8000);
          await el.updateComplete;
          await expect(el).to.be.accessible();
        } finally {
          node.remove();
        }
      });
    }
  }
});
