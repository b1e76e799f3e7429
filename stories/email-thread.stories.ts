/**
 * `<dc-email-thread>`: a task's emails (MAIL-1..4, MAIL-8), built from the fixture emails in
 * stories/support/email-fixtures.ts on a small store of one email task. Language and theme follow the
 * story page's locale and theme controls (`lang` and `theme` args here).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/email-thread/email-thread.js';
import { darkTokens } from '../src/styles/tokens.js';
import type { Message } from '../src/model/tasks.js';
import { agentReply, announcement, emailConfig, emailMessage, emailStore, newsletterEmail, pciEmail, plainEmail, quotedEmail, richEmail } from './support/email-fixtures.js';

interface Args {
  lang: 'en' | 'fr';
  theme: 'light' | 'dark';
}

const meta: Meta<Args> = {
  title: 'Conversation/Email thread',
  component: 'dc-email-thread',
  args: { lang: 'en', theme: 'light' },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'fr'] }, theme: { control: 'inline-radio', options: ['light', 'dark'] } },
};
export default meta;

function pane(args: Args, messages: Message[], options: { images?: string[]; replying?: boolean; late?: Message } = {}) {
  const store = emailStore(messages, { config: emailConfig(options.images ? { imagesAllowedFrom: options.images } : {}) });
  if (options.replying) {
    const last = messages[messages.length - 1]!;
    store.setDraft('email-task-1', { text: '', spans: [], attachments: [], email: { mode: 'reply', repliedId: last.id, to: [last.email!.from], cc: [], bcc: [], subject: `Re: ${last.email!.subject}`, ccShown: false, bccShown: false, html: '' } });
  }
  if (options.late) setTimeout(() => store.add(options.late!), 300);
  return html`<div lang=${args.lang} style="${args.theme === 'dark' ? darkTokens.cssText : ''}; display:flex; flex-direction:column; width:min(40rem,100%); height:32rem; border:1px solid var(--dc-color-border, #c9d0d8)">
    <dc-email-thread .store=${store}></dc-email-thread>
  </div>`;
}

type Story = StoryObj<Args>;
export const PlainEmail: Story = { render: (a) => pane(a, [plainEmail(5)]) };
export const RichHtmlEmail: Story = { render: (a) => pane(a, [plainEmail(30), agentReply(20), richEmail(1)]) };
export const Newsletter: Story = { render: (a) => pane(a, [newsletterEmail(1)]) };
export const RemoteImagesLoaded: Story = { render: (a) => pane(a, [newsletterEmail(1)], { images: ['@garden.example'] }) };
export const QuotedHistoryFolded: Story = { render: (a) => pane(a, [plainEmail(60), agentReply(30), quotedEmail(1)]) };
export const PciBlockedAttachment: Story = { render: (a) => pane(a, [pciEmail(1)]) };
export const NewEmailWhileReplying: Story = {
  render: (a) => pane(a, [plainEmail(30), announcement('transferred', 20, { to: 'Returns' })], { replying: true, late: emailMessage({ text: 'Also, the box was open.', email: { subject: 'One more thing' } }) }),
};
export const Dark: Story = { args: { theme: 'dark' }, render: (a) => pane(a, [pciEmail(5), richEmail(1)]) };
export const French: Story = { args: { lang: 'fr' }, render: (a) => pane(a, [plainEmail(10), agentReply(2)]) };
