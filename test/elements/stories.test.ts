/**
 * Every story, mounted as a designer sees it, in English and French: it reaches the state its name
 * promises, and passes axe. (The stories build their state through the real store and simulated backend.)
 */
import { expect } from '@open-wc/testing';
import type { StoryObj } from '@storybook/web-components-vite';
import * as bannerStories from '../../stories/connection-banner.stories.js';
import * as chatThreadStories from '../../stories/chat-thread.stories.js';
import * as composerStories from '../../stories/composer.stories.js';
import * as customerDetailsStories from '../../stories/customer-details.stories.js';
import * as desktopStories from '../../stories/desktop.stories.js';
import * as emojiPanelStories from '../../stories/emoji-panel.stories.js';
import * as notificationStories from '../../stories/notifications.stories.js';
import * as offerStories from '../../stories/offers.stories.js';
import * as pickerStories from '../../stories/state-picker.stories.js';
import * as providerStories from '../../stories/provider.stories.js';
import * as taskListStories from '../../stories/task-list.stories.js';
import * as templatePickerStories from '../../stories/template-picker.stories.js';
import * as workflowDialogStories from '../../stories/workflow-dialog.stories.js';
import * as wrapUpStories from '../../stories/wrap-up.stories.js';
import * as signOutStories from '../../stories/sign-out-confirm.stories.js';
import * as transferStories from '../../stories/transfer.stories.js';
import { scenarioOf } from '../../stories/support/scenario.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import { text, until } from '../support/dom.js';

type Module = Record<string, unknown> & { default: { args?: Record<string, unknown> } };

/** What each state-picker story must show: the picker's custom state (STATE-4 looks, FAIL-2). */
const PICKER_LOOKS: Record<string, string> = {
  NotSignedIn: 'signed-out',
  SigningIn: 'signing-in',
  SignInFailedForOne: 'partial',
  SignInFailedForAll: 'sign-in-failed',
  NoChannelAssigned: 'empty',
  AllNotReady: 'not-ready',
  AllReady: 'ready',
  Partial: 'partial',
  NotReadyWithReason: 'not-ready',
  NonRoutable: 'not-ready',
  StateChangeFailed: 'partial',
  Disconnected: 'disabled',
};

/** How many offer cards each offers story shows (OFFER-1..6). */
const OFFER_CARDS: Record<string, number> = {
  ChatOffer: 1,
  SmsOffer: 1,
  SocialOffer: 1,
  EmailOffer: 1,
  SeveralOffers: 4,
  AboutToExpire: 2,
  Missed: 0,
  Accepting: 2,
};

/** What each task-list story must show: its rows, and the custom states it is in (TASK-2..5). */
const TASK_LIST: Record<string, { rows: number; states: string[] }> = {
  Empty: { rows: 0, states: ['empty'] },
  OneTask: { rows: 1, states: [] },
  FiftyTasks: { rows: 50, states: [] },
  UnreadCounts: { rows: 4, states: ['unread'] },
  Selected: { rows: 4, states: ['unread'] },
  CollapsedWithUnread: { rows: 0, states: ['collapsed', 'unread'] },
  VoicePause: { rows: 2, states: [] },
};

/** What each desktop story must show: its custom states, the task list's rows, the offers on show (TASK-1, TASK-6). */
const DESKTOP: Record<string, { states: string[]; rows: number; offers: number }> = {
  Empty: { states: ['empty'], rows: 0, offers: 0 },
  ThreeTasks: { states: [], rows: 3, offers: 0 },
  OfferOnShow: { states: [], rows: 1, offers: 1 },
  Collapsed: { states: ['collapsed'], rows: 3, offers: 0 },
  VoiceCall: { states: ['voice'], rows: 3, offers: 0 },
  Narrow: { states: [], rows: 3, offers: 0 },
  NarrowList: { states: [], rows: 3, offers: 0 },
  NarrowOffers: { states: [], rows: 1, offers: 2 },
  Stacked: { states: [], rows: 3, offers: 0 },
  Wide: { states: [], rows: 3, offers: 0 },
};

/** What each composer story must show: its custom states, and how many attachment chips (COMP-1..13). */
const COMPOSER: Record<string, { states: string[]; chips?: number; open?: string }> = {
  Empty: { states: ['empty'] },
  WithText: { states: [] },
  OverTheLimit: { states: ['over-limit'] },
  SmsSegments: { states: [] },
  ToolbarWithLabels: { states: [], open: '[data-action="workflows"] .label' },
  WithAttachments: { states: [], chips: 2 },
  RejectedAttachment: { states: [], chips: 1 },
  RefusalSummary: { states: [], chips: 5, open: '[part~="refusals"] .refusal-summary' },
  TemplatePickerOpen: { states: ['empty'], open: 'dc-template-picker' },
  TemplateWithFields: { states: [] },
  LockedTemplate: { states: ['locked'] },
  WorkflowDialogOpen: { states: ['empty'], open: 'dc-workflow-dialog[open]' },
  EmojiPanelOpen: { states: [], open: 'dc-emoji-panel' },
  FormattingApplied: { states: [] },
  OfflineQueued: { states: ['offline', 'empty'] },
  Disabled: { states: ['disabled', 'empty'] },
};

/** What each chat-thread story must show: its custom states and the receipts on show (PANE-1..4). */
const CHAT_THREAD: Record<string, { states: string[]; receipts?: string[]; parts?: Record<string, number> }> = {
  Conversation: { states: [], receipts: ['read'] },
  Loading: { states: ['loading'] },
  HistoryFailed: { states: ['failed'], parts: { 'history-retry': 1 } },
  LongHistory: { states: [], parts: { 'agent-bubble': 1, 'customer-bubble': 1, interaction: 1 } },
  BotHistory: { states: [], parts: { 'bot-bubble': 3 } },
  Announcements: { states: [] },
  Receipts: { states: [], receipts: ['sending', 'sent', 'delivered', 'failed'], parts: { retry: 2, discard: 1 } },
  Typing: { states: ['typing'] },
  Attachments: { states: [], parts: { attachment: 2 } },
  Dark: { states: [], receipts: ['read', 'failed'] },
};

/** The custom states each building-block story must show (COMP-5, COMP-6, COMP-10, COMP-11). */
const BLOCKS: Record<string, { tag: string; states: Record<string, string[]> }> = {
  'template-picker': { tag: 'dc-template-picker', states: { Loading: ['loading'], Failed: ['failed'] } },
  'workflow-dialog': {
    tag: 'dc-workflow-dialog',
    states: { FormWithErrors: ['form'], WithParameters: ['form'], Running: ['running'], ServerFailure: ['failed'] },
  },
  'emoji-panel': { tag: 'dc-emoji-panel', states: { Open: ['ready'] } },
  // END-2: the wrap-up's looks.
  'wrap-up': {
    tag: 'dc-wrap-up',
    states: {
      WrapUpCounting: ['counting'],
      WrapUpReasonChosen: ['counting', 'chosen'],
      WrapUpSeveralReasons: ['counting', 'chosen'],
      WrapUpAboutToClose: ['counting', 'due'],
      WrapUpDark: ['chosen'],
    },
  },
  // STATE-8: the sign-out confirmation.
  'sign-out-confirm': {
    tag: 'dc-sign-out-confirm',
    states: { SignOutConfirmation: ['open'], SignOutCloseDark: ['open'] },
  },
  // XFER-1, XFER-4: the menu's states (in the two agents' story, the first agent's menu has no task left).
  transfer: {
    tag: 'dc-transfer-menu',
    states: {
      Menu: ['open'],
      Searching: ['open'],
      Pending: ['pending', 'disabled'],
      Failed: ['failed'],
      NoRoutingPoint: ['disabled'],
      TwoAgentsSideBySide: ['disabled'],
    },
  },
  // CUST-1…4
  'customer-details': {
    tag: 'dc-customer-details',
    states: {
      ThreeFields: [],
      FourteenFields: ['scrolls'],
      Editing: ['unsaved'],
      InvalidValue: ['unsaved', 'invalid'],
      Saved: ['saved'],
      SaveFailed: ['unsaved', 'failed'],
      UnsavedChanges: ['unsaved'],
      Collapsed: ['collapsed'],
    },
  },
};

async function mount(module: Module, name: string, lang: 'en' | 'fr'): Promise<HTMLElement> {
  const story = module[name] as StoryObj<Record<string, unknown>>;
  const args = { ...module.default.args, ...story.args };
  const node = (story.render as (args: Record<string, unknown>, context: unknown) => HTMLElement)(args, {});
  const providers = (node.matches('dc-provider') ? [node] : [...node.querySelectorAll('dc-provider')]) as DcProvider[];
  for (const p of providers) p.lang = lang;
  document.body.append(node);
  await Promise.all(providers.map((p) => scenarioOf(p)?.done));
  await Promise.all(providers.map((p) => p.localeReady));
  for (const p of providers) {
    await p.updateComplete;
    for (const el of p.querySelectorAll('*')) await (el as { updateComplete?: Promise<unknown> }).updateComplete;
  }
  return node;
}

const MODULES: [string, Module][] = [
  ['desktop', desktopStories as unknown as Module],
  ['state-picker', pickerStories as unknown as Module],
  ['notifications', notificationStories as unknown as Module],
  ['connection-banner', bannerStories as unknown as Module],
  ['provider', providerStories as unknown as Module],
  ['offers', offerStories as unknown as Module],
  ['task-list', taskListStories as unknown as Module],
  ['composer', composerStories as unknown as Module],
  ['chat-thread', chatThreadStories as unknown as Module],
  ['template-picker', templatePickerStories as unknown as Module],
  ['workflow-dialog', workflowDialogStories as unknown as Module],
  ['emoji-panel', emojiPanelStories as unknown as Module],
  ['wrap-up', wrapUpStories as unknown as Module],
  ['sign-out-confirm', signOutStories as unknown as Module],
  ['transfer', transferStories as unknown as Module],
  ['customer-details', customerDetailsStories as unknown as Module],
];

describe('stories', function () {
  this.timeout(20000);
  let mounted: HTMLElement | undefined;
  afterEach(() => {
    mounted?.remove();
    mounted = undefined;
  });

  for (const [file, module] of MODULES) {
    for (const name of Object.keys(module).filter((k) => k !== 'default')) {
      for (const lang of ['en', 'fr'] as const) {
        it(`${file}: ${name} (${lang}) shows its state and passes axe`, async () => {
          const original = console.error;
          console.error = () => {}; // the invalid-configuration story logs its error on purpose
          try {
            mounted = await mount(module, name, lang);
          } finally {
            console.error = original;
          }
          if (file === 'state-picker' && PICKER_LOOKS[name]) {
            const picker = mounted.querySelector('dc-state-picker')!;
            expect(picker.matches(`:state(${PICKER_LOOKS[name]})`), `${name} looks ${PICKER_LOOKS[name]}`).to.be.true;
          }
          if (file === 'notifications') {
            const shown = mounted.querySelectorAll('dc-notifications');
            const count = [...shown].reduce((n, el) => n + el.shadowRoot!.querySelectorAll('[part~="notification"]').length, 0);
            expect(count, `${name} shows a notification`).to.be.greaterThan(0);
          }
          if (file === 'offers' && OFFER_CARDS[name] !== undefined) {
            const cards = mounted.querySelector('dc-offers')!.shadowRoot!.querySelectorAll('[part~="offer"]');
            expect(cards.length, `${name} shows its offers`).to.equal(OFFER_CARDS[name]);
          }
          if (file === 'task-list' && TASK_LIST[name]) {
            const list = mounted.querySelector('dc-task-list')!;
            const { rows, states } = TASK_LIST[name];
            expect(list.shadowRoot!.querySelectorAll('[part~="row"]').length, `${name} rows`).to.equal(rows);
            for (const s of states) expect(list.matches(`:state(${s})`), `${name} is ${s}`).to.be.true;
          }
          if (file === 'wrap-up' && name === 'EndWithoutWrapUp') {
            // END-1: the SMS left the list; the chat is shown and has nothing to wrap up.
            const rows = mounted.querySelector('dc-task-list')!.shadowRoot!.querySelectorAll('[part~="row"]');
            expect(rows.length, `${name} rows`).to.equal(1);
            expect(mounted.querySelector('dc-wrap-up')!.shadowRoot!.querySelector('[part~="wrap-up"]'), `${name}: no wrap-up`).to.equal(null);
          }
          const block = BLOCKS[file];
          for (const state of block?.states[name] ?? []) {
            expect(mounted.querySelector(block!.tag)!.matches(`:state(${state})`), `${name} is ${state}`).to.be.true;
          }
          if (file === 'customer-details') {
            const details = mounted.querySelector('dc-customer-details')!.shadowRoot!;
            const rows = details.querySelectorAll('[part~="field"]').length;
            if (name === 'ThreeFields') expect(rows, `${name} fields`).to.equal(3);
            if (name === 'FourteenFields') expect(rows, `${name} fields`).to.equal(14);
            expect(details.querySelector('dialog')!.open, `${name}: the Unsaved changes dialog`).to.equal(name === 'UnsavedChanges');
          }
          if (file === 'desktop' && DESKTOP[name]) {
            const desktop = mounted.querySelector('dc-desktop')!;
            const { states, rows, offers } = DESKTOP[name];
            for (const s of ['empty', 'collapsed', 'voice']) {
              expect(desktop.matches(`:state(${s})`), `${name} is ${states.includes(s) ? '' : 'not '}${s}`).to.equal(states.includes(s));
            }
            const inner = (tag: string, part: string) =>
              desktop.shadowRoot!.querySelector(tag)!.shadowRoot!.querySelectorAll(`[part~="${part}"]`).length;
            expect(inner('dc-task-list', 'row'), `${name} rows`).to.equal(rows);
            expect(inner('dc-offers', 'offer'), `${name} offers`).to.equal(offers);
          }
          if (file === 'desktop' && (name === 'ConversationLoading' || name === 'ConversationFailed')) {
            // The interaction pane's states while the conversation's modules load on first use.
            const desktop = mounted.querySelector<HTMLElement>('dc-story-desktop-loading, dc-story-desktop-failed')!;
            const role = name === 'ConversationLoading' ? 'status' : 'alert';
            await until(() => !!desktop.shadowRoot!.querySelector(`[part~="pane-status"][role="${role}"]`), `${name}: the pane says so`);
            expect(desktop.shadowRoot!.querySelector('dc-chat-thread'), `${name}: no thread`).to.equal(null);
          }
          if (file === 'composer' && COMPOSER[name]) {
            const composer = mounted.querySelector('dc-composer')!;
            const { states, chips, open } = COMPOSER[name];
            for (const s of ['disabled', 'empty', 'over-limit', 'offline', 'locked']) {
              expect(composer.matches(`:state(${s})`), `${name} is ${states.includes(s) ? '' : 'not '}${s}`).to.equal(states.includes(s));
            }
            expect(composer.shadowRoot!.querySelectorAll('[part~="attachment"]').length, `${name} chips`).to.equal(chips ?? 0);
            if (open) expect(composer.shadowRoot!.querySelector(open), `${name} shows ${open}`).to.exist;
          }
          if (file === 'chat-thread' && CHAT_THREAD[name]) {
            const thread = mounted.querySelector('dc-chat-thread')!;
            const { states, receipts = [], parts = {} } = CHAT_THREAD[name];
            for (const s of ['loading', 'failed', 'typing', 'empty']) {
              expect(thread.matches(`:state(${s})`), `${name} is ${states.includes(s) ? '' : 'not '}${s}`).to.equal(states.includes(s));
            }
            const shown = new Set([...thread.shadowRoot!.querySelectorAll<HTMLElement>('[data-receipt]')].map((r) => r.dataset['receipt']));
            for (const r of receipts) expect(shown.has(r), `${name} shows a ${r} receipt`).to.equal(true);
            for (const [part, count] of Object.entries(parts)) {
              expect(thread.shadowRoot!.querySelectorAll(`[part~="${part}"]`).length, `${name} ${part}`).to.be.at.least(count);
            }
            // PANE-1: thousands of messages, a few hundred elements.
            expect(thread.shadowRoot!.querySelectorAll('*').length, `${name} elements`).to.be.below(600);
          }
          if (file === 'transfer' && name === 'TwoAgentsSideBySide') {
            // XFER-4, PANE-5: the second agent's thread holds the first agent's message and note.
            const second = mounted.querySelectorAll('dc-chat-thread')[1]!;
            expect(second.shadowRoot!.querySelectorAll('[part~="internal-bubble"]').length, 'the note').to.equal(1);
            expect(text(second.shadowRoot!.querySelector('[part~="log"]'))).to.contain('Let me check that for you');
            expect(mounted.querySelectorAll('dc-chat-thread')[0]!.matches(':state(empty)'), 'the first agent holds nothing').to.be.true;
          }
          if (file === 'transfer' && name === 'Searching') {
            const targets = mounted.querySelector('dc-transfer-menu')!.shadowRoot!.querySelectorAll('[part~="target"]');
            expect(targets.length, 'one routing point found').to.equal(1);
          }
          if (lang === 'fr') {
            // No English label left on screen in French.
            const words = [...mounted.querySelectorAll('*')]
              .map((el) => text(el.shadowRoot))
              .join(' ');
            expect(words).to.not.match(/\b(Not Ready|Ready|Sign In|Partial|Not signed in|Dismiss)\b/);
          }
          await expect(mounted).to.be.accessible();
        });
      }
    }
  }
});
