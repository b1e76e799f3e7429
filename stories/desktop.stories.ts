/**
 * `<dc-desktop>`: the whole gadget (TASK-1, TASK-6, EMBED-1) in the situations an agent meets, each
 * reached by real actions on the simulated contact centre: signing in, setting Ready, offers routed and
 * accepted, customers writing, a voice call reported by the host. Each desktop sits in a frame that
 * stands for the host's container (a Finesse gadget column or a CRM pane); its menus and pop-ups are
 * drawn in the top layer (offers at the window's bottom right), which the frame cannot clip.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { OfferOptions } from '../src/simulator/index.js';
import type { MediaId } from '../src/model/media.js';
import { inDiv, scenario, step, type ScenarioStep } from './support/scenario.js';
import { DcDesktop } from '../src/elements/desktop/desktop.js';
import type { LazyPart } from '../src/elements/internal/lazy-modules.js';

const describe = (text: string) => ({ docs: { description: { story: text } } });

const meta: Meta<{ width: number }> = {
  title: 'Tasks/Desktop',
  component: 'dc-desktop',
  args: { width: 1000 },
  argTypes: { width: { control: { type: 'range', min: 320, max: 1400, step: 20 } } },
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'The whole gadget, composed from the kit’s elements: the state control, the connection banner, ' +
          'notifications (top right), offers (bottom right) and the tasks window with its task list, customer ' +
          'details, interaction pane and compose area. It lays itself out from its own width: stacked in a ' +
          'narrow gadget column, side by side in a wide CRM pane. The toggle or Ctrl+Alt+T collapses it.',
      },
    },
  },
};
export default meta;

/** Customers the stories hold tasks for. */
const CUSTOMERS: readonly { media: MediaId; options: OfferOptions }[] = [
  {
    media: 'chat',
    options: {
      queue: 'Premium support',
      customer: { name: 'Alice Martin', email: 'alice.martin@example.com', phone: '+33 6 11 22 33 44' },
      text: 'Hello, I cannot log in to my account since this morning.',
    },
  },
  {
    media: 'sms',
    options: {
      queue: 'Delivery SMS',
      customer: { name: 'Nathan Roux', phone: '+33 6 12 34 56 78', sourceNumber: '36 111' },
      text: 'Can I change my delivery slot to Friday?',
    },
  },
  {
    media: 'email',
    options: {
      queue: 'Claims email',
      customer: {
        name: 'Claire Dubois',
        email: 'claire.dubois@example.com',
        accountNumber: 'AC-204471',
        address: '12 rue des Lilas, Lyon',
        question: 'Claim for a damaged washing machine delivered on Monday',
      },
      text: 'Claim for a damaged washing machine delivered on Monday',
    },
  },
];

const READY: ScenarioStep[] = [step.signIn(), step.ready('all')];

/** Offers and accepts the first `count` customers' tasks, in order (OFFER-2). */
function holdTasks(count: number): ScenarioStep[] {
  return CUSTOMERS.slice(0, count).flatMap((c) => [step.offer(c.media, c.options), step.accept(0)]);
}

/** Three tasks; the chat one is on show with a short conversation, the SMS customer has written again. */
const THREE_TASKS: ScenarioStep[] = [
  ...READY,
  ...holdTasks(3),
  step.select(0),
  step.message(0, 'I tried resetting my password twice.'),
  step.message(1, 'Friday afternoon if possible.'),
];

/**
 * The host's container: `width` wide and `height` high, clipping and transformed as a host's may be
 * (the kit's pop-ups are in the top layer, out of its reach). `collapsed` collapses the tasks window
 * once the steps have run (accepting an offer opens it).
 */
function frame(
  name: string,
  steps: readonly ScenarioStep[],
  width: number,
  options: { collapsed?: boolean; height?: string; list?: boolean; content?: TemplateResult } = {},
): HTMLDivElement {
  const kit = scenario({
    name,
    steps,
    content:
      options.content ??
      html`<dc-desktop style="flex: ${options.collapsed ? 'none' : '1 1 auto'}; min-height: 0"></dc-desktop>`,
  });
  if (options.collapsed) {
    void kit.done.then(() => {
      const desktop = kit.provider.querySelector('dc-desktop');
      if (desktop) desktop.collapsed = true;
    });
  }
  if (options.list) void kit.done.then(() => kit.provider.querySelector('dc-desktop')?.back());
  return inDiv(html`<div
    style="position: relative; width: ${width}px; max-width: 100%; height: ${options.height ?? '44rem'}; transform: translateZ(0); overflow: hidden; display: flex; flex-direction: column"
  >
    ${kit.provider}
  </div>`);
}

/** TASK-1 (no task). */
export const Empty: StoryObj<{ width: number }> = {
  name: 'Empty – Ready, no task',
  parameters: describe(
    'Signed in and Ready, no task yet: the tasks window says no task is selected and where offers will appear.',
  ),
  render: (args) => frame('desktop-empty', READY, args.width),
};

/** TASK-1, TASK-2, TASK-5. */
export const ThreeTasks: StoryObj<{ width: number }> = {
  name: 'Three tasks, one selected',
  parameters: describe(
    'TASK-1: three tasks in the list (chat, SMS, email); the chat task is on show with its customer details, ' +
      'timer and End, and its conversation. The SMS customer wrote again: the list and the header count it unread.',
  ),
  render: (args) => frame('desktop-three-tasks', THREE_TASKS, args.width),
};

/** OFFER-1 over a task. */
export const OfferOnShow: StoryObj<{ width: number }> = {
  name: 'An offer on show',
  parameters: describe(
    'OFFER-1: while the agent works on a chat, an SMS offer pops up bottom right with its customer fields, ' +
      'countdown and Accept.',
  ),
  render: (args) =>
    frame('desktop-offer', [...READY, ...holdTasks(1), step.offer('sms', CUSTOMERS[1]!.options)], args.width),
};

/** TASK-1 (collapsed). */
export const Collapsed: StoryObj<{ width: number }> = {
  name: 'Collapsed',
  parameters: describe(
    'TASK-1: the tasks window collapsed (the toggle or Ctrl+Alt+T); the header still counts the tasks and ' +
      'the unread messages.',
  ),
  render: (args) => frame('desktop-collapsed', THREE_TASKS, args.width, { collapsed: true, height: '12rem' }),
};

/** TASK-1, PANE-1 for an email task, until the email elements come. */
export const EmailTask: StoryObj<{ width: number }> = {
  name: 'An email task on show (read-only)',
  parameters: describe(
    'TASK-1: the email task is on show. Its conversation shows read-only in the same thread as a chat ' +
      '(earlier interactions included); the compose area says it cannot be answered from this desktop.',
  ),
  render: (args) =>
    frame('desktop-email', [...READY, ...holdTasks(3), step.message(2, 'I attach the delivery note. The door is dented too.')], args.width),
};

/** TASK-4, TASK-6. */
export const VoiceCall: StoryObj<{ width: number }> = {
  name: 'Voice call',
  parameters: describe(
    'TASK-6: the host reports a voice call. The header says so and names the channels whose timers it ' +
      'pauses (email, by default: TASK-4); the email task shows its timer paused. The layout does not move.',
  ),
  render: (args) => frame('desktop-voice', [...READY, ...holdTasks(3), step.voice(true)], args.width),
};

/** TASK-1 in a Finesse gadget column. */
export const Stacked: StoryObj = {
  name: 'Gadget column (600 px)',
  parameters: describe(
    'A 600 px gadget column: the regions stack; the task list is a strip above the selected task that ' +
      'collapses to its header; the conversation scrolls within its pane.',
  ),
  render: () => frame('desktop-stacked', THREE_TASKS, 600, { height: '48rem' }),
};

/** TASK-1, HOSTILE-24: a CRM side panel, the conversation on show. */
export const Narrow: StoryObj = {
  name: 'Side panel (360 px): conversation',
  parameters: describe(
    'Below 30rem the desktop is a list and a conversation, one at a time. Here the chat task is on show: ' +
      'its customer details, thread and composer fill the panel; Back in the header (or Escape in the ' +
      'conversation, or Ctrl+Alt+B) returns to the task list.',
  ),
  render: () => frame('desktop-narrow', THREE_TASKS, 360, { height: '45rem' }),
};

/** TASK-1, TASK-5, HOSTILE-24: a CRM side panel, the task list on show. */
export const NarrowList: StoryObj = {
  name: 'Side panel (360 px): task list',
  parameters: describe(
    'Below 30rem, after Back: the task list fills the panel, the chat task still selected; the SMS ' +
      'customer wrote again, so the list and the header count it unread. A task opens with a click or Enter.',
  ),
  render: () => frame('desktop-narrow-list', THREE_TASKS, 360, { height: '45rem', list: true }),
};

/** OFFER-1, HOSTILE-24: offers in a CRM side panel. */
export const NarrowOffers: StoryObj = {
  name: 'Side panel (360 px): offers waiting',
  parameters: describe(
    'Below 30rem, offers stack compactly in the panel, one line each, above the compose area: they cover ' +
      'neither Send nor the state control.',
  ),
  render: () =>
    frame(
      'desktop-narrow-offers',
      [...READY, ...holdTasks(1), step.offer('sms', CUSTOMERS[1]!.options), step.offer('email', CUSTOMERS[2]!.options)],
      360,
      { height: '45rem' },
    ),
};

/** TASK-1 in a wide CRM pane. */
export const Wide: StoryObj = {
  name: 'Wide (1200 px CRM pane)',
  parameters: describe(
    'A 1200 px CRM pane: the task list is a column on the left; customer details sit above the interaction ' +
      'pane, the compose area at the bottom.',
  ),
  render: () => frame('desktop-wide', THREE_TASKS, 1200),
};

/**
 * Desktops whose conversation's modules never arrive, or fail to: the interaction pane's states while
 * the thread and composer load on first use (a slow network) and when they cannot be fetched.
 */
const NEVER: LazyPart = { tags: ['dc-story-never-defined'], load: () => new Promise(() => undefined) };
const FAILING: LazyPart = { tags: ['dc-story-never-defined'], load: () => Promise.reject(new Error('The network is down')) };
class LoadingDesktop extends DcDesktop {
  static override parts = { ...DcDesktop.parts, conversation: NEVER };
  // Its load never ends: `updateComplete` waits for the render only.
  protected override get pendingParts(): undefined {
    return undefined;
  }
}
class FailedDesktop extends DcDesktop {
  static override parts = { ...DcDesktop.parts, conversation: FAILING };
}
if (!customElements.get('dc-story-desktop-loading')) customElements.define('dc-story-desktop-loading', LoadingDesktop);
if (!customElements.get('dc-story-desktop-failed')) customElements.define('dc-story-desktop-failed', FailedDesktop);

const ONE_TASK: ScenarioStep[] = [...READY, ...holdTasks(1), step.select(0)];

/** The conversation on its way. */
export const ConversationLoading: StoryObj<{ width: number }> = {
  name: 'Conversation loading (slow network)',
  parameters: describe(
    'The thread and composer load on first use: until their modules arrive, the interaction pane says ' +
      '"Loading conversation…". The task, its details and the list are there at once.',
  ),
  render: (args) =>
    frame('desktop-conversation-loading', ONE_TASK, args.width, {
      content: html`<dc-story-desktop-loading style="flex: 1 1 auto; min-height: 0"></dc-story-desktop-loading>`,
    }),
};

/** The conversation could not be fetched. */
export const ConversationFailed: StoryObj<{ width: number }> = {
  name: 'Conversation failed to load (Retry)',
  parameters: describe(
    'The thread and composer could not be fetched: the interaction pane says so, with Retry. Nothing the ' +
      'agent holds is lost: the store has the task and its messages.',
  ),
  render: (args) =>
    frame('desktop-conversation-failed', ONE_TASK, args.width, {
      content: html`<dc-story-desktop-failed style="flex: 1 1 auto; min-height: 0"></dc-story-desktop-failed>`,
    }),
};
