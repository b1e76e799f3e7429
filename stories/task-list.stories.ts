/**
 * `<dc-task-list>`: the left side of the tasks window in every look the SPEC gives it (TASK-2..5), each
 * reached by real actions on the simulated contact centre: offers routed to a Ready agent, accepted,
 * customers writing, a voice call reported by the host.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { OfferOptions } from '../src/simulator/index.js';
import type { MediaId } from '../src/model/media.js';
import { scenarioElement, step, type ScenarioStep } from './support/scenario.js';
import '../src/elements/task-list/task-list.js';

const describe = (text: string) => ({ docs: { description: { story: text } } });

const meta: Meta = {
  title: 'Tasks/Task list',
  component: 'dc-task-list',
  parameters: {
    docs: {
      description: {
        component:
          'The agent’s tasks, one row each: media icon, queue, running time, the customer in bold (or the ' +
          'configured display field, such as the phone number for SMS) and the unread count under the timer. ' +
          'Click a row or press Enter to show it; Up and Down move through the list; Ctrl+Shift+8 / 9 select ' +
          'the next or previous task from anywhere. The header collapses and expands the list.',
      },
    },
  },
};
export default meta;

/**
 * The list as it sits on the left of the tasks window: a column of fixed height; the list takes what it
 * needs (its header alone when collapsed) and scrolls beyond.
 */
const list = (collapsed = false) =>
  html`<div
    style="display: flex; flex-direction: column; width: 20rem; height: 26rem; border: 1px solid var(--dc-color-border, #c9d0d8)"
  >
    <dc-task-list ?collapsed=${collapsed} style="min-height: 0"></dc-task-list>
  </div>`;

/** Customers the stories hold tasks for (the display field of each media is set). */
const CUSTOMERS: readonly { media: MediaId; options: OfferOptions }[] = [
  { media: 'chat', options: { queue: 'Sales', customer: { name: 'Alice Martin', email: 'alice.martin@example.com' } } },
  { media: 'sms', options: { queue: 'Billing SMS', customer: { phone: '+33 6 12 34 56 78', sourceNumber: '+33 1 70 00 00 00' } } },
  { media: 'social', options: { queue: 'WhatsApp Support', customer: { name: 'Karim Benali', phone: '+33 7 98 76 54 32' } } },
  {
    media: 'email',
    options: { queue: 'Claims', customer: { name: 'Claire Dubois', email: 'claire.dubois@example.com' }, text: 'My claim number is 4471.' },
  },
];

/** Offers and accepts tasks one by one, so they join the list in this order (OFFER-2). */
function holdTasks(count: number): ScenarioStep[] {
  return CUSTOMERS.slice(0, count).flatMap((c) => [step.offer(c.media, c.options), step.accept(0)]);
}

const READY = [step.signIn(), step.ready('all')];

/** TASK-2 (no task). */
export const Empty: StoryObj = {
  name: 'Empty',
  parameters: describe('Signed in and Ready, no task yet: the list says so and how to receive one.'),
  render: () => scenarioElement({ name: 'task-list-empty', content: list(), steps: READY }),
};

/** TASK-2, OFFER-2. */
export const OneTask: StoryObj = {
  name: 'One task',
  parameters: describe(
    'OFFER-2, TASK-2: the agent accepted a chat; it joined the list and is on show. The row shows the chat ' +
      'icon, the queue, the running time and the customer’s name in bold.',
  ),
  render: () => scenarioElement({ name: 'task-list-one', content: list(), steps: [...READY, ...holdTasks(1)] }),
};

/** TASK-2 at capacity (performance). */
export const FiftyTasks: StoryObj<{ tasks: number }> = {
  name: 'Fifty tasks',
  args: { tasks: 50 },
  argTypes: { tasks: { control: { type: 'range', min: 1, max: 200, step: 1 } } },
  parameters: describe(
    'TASK-2: a high capacity (configured per media) with every task held: chat, SMS, social and email mixed. ' +
      'The list scrolls; rows off screen cost no layout.',
  ),
  render: (args) => {
    const media = ['chat', 'sms', 'social', 'email'] as const;
    const steps: ScenarioStep[] = [...READY];
    for (let i = 0; i < args.tasks; i++) steps.push(step.offer(media[i % media.length]!, { text: null }));
    steps.push(step.acceptAll());
    const capacity = Math.ceil(args.tasks / media.length);
    return scenarioElement({
      name: 'task-list-many',
      content: list(),
      quietMs: 20,
      config: {
        media: Object.fromEntries(media.map((m) => [m, { capacity, acceptSeconds: 600 }])),
      },
      steps,
    });
  },
};

/** TASK-2 beyond 100 tasks: the virtualised list (performance). */
export const HundredsOfTasks: StoryObj<{ tasks: number }> = {
  name: 'Hundreds of tasks (virtualised)',
  args: { tasks: 300 },
  argTypes: { tasks: { control: { type: 'range', min: 100, max: 2000, step: 50 } } },
  parameters: describe(
    'TASK-2, TASK-3: from 100 tasks on the list is virtualised: only the rows near the view are in the page, ' +
      'each saying its place in the list to screen readers. Scroll, or use Home, End and the arrows: a row ' +
      'the focus goes to is brought in first. Ctrl+Shift+8 / 9 reach the next and previous task from anywhere.',
  ),
  render: (args) => {
    const steps: ScenarioStep[] = [...READY];
    for (let i = 0; i < args.tasks; i++) steps.push(step.offer('chat', { text: null }));
    steps.push(step.acceptAll());
    return scenarioElement({
      name: 'task-list-hundreds',
      content: list(),
      quietMs: 20,
      config: { media: { chat: { capacity: args.tasks, acceptSeconds: 600 } } },
      steps,
    });
  },
};

/** TASK-2, TASK-5. */
export const UnreadCounts: StoryObj = {
  name: 'Unread counts',
  parameters: describe(
    'TASK-2, TASK-5: customers wrote in tasks the agent is not looking at; each count is highlighted under ' +
      'its timer, and the header shows the total. The SMS row shows the phone number, its display field.',
  ),
  render: () =>
    scenarioElement({
      name: 'task-list-unread',
      content: list(),
      steps: [
        ...READY,
        ...holdTasks(4),
        step.message(0, 'Are you still there?'),
        step.message(0, 'I need an answer today.'),
        step.message(0, 'Hello?'),
        step.message(1, 'Can you check my last bill?'),
        step.message(2, 'Thanks!'),
      ],
    }),
};

/** TASK-3. */
export const Selected: StoryObj<{ index: number }> = {
  name: 'Selected task',
  args: { index: 1 },
  argTypes: { index: { control: { type: 'number', min: 0, max: 3, step: 1 } } },
  parameters: describe(
    'TASK-3: the agent selected the second task; it is marked and its unread count was cleared, while the ' +
      'first task still has one unread message.',
  ),
  render: (args) =>
    scenarioElement({
      name: 'task-list-selected',
      content: list(),
      steps: [...READY, ...holdTasks(4), step.message(0, 'One more thing…'), step.message(args.index, 'Hi!'), step.select(args.index)],
    }),
};

/** TASK-3, TASK-5. */
export const CollapsedWithUnread: StoryObj = {
  name: 'Collapsed, with unread messages',
  parameters: describe(
    'TASK-3, TASK-5: the list is collapsed; its header still counts the tasks and the unread messages, so ' +
      'the agent sees new messages arrive.',
  ),
  render: () =>
    scenarioElement({
      name: 'task-list-collapsed',
      content: list(true),
      steps: [...READY, ...holdTasks(3), step.message(0, 'Hello?'), step.message(1, 'Any news?')],
    }),
};

/** TASK-4, TASK-6. */
export const VoicePause: StoryObj = {
  name: 'Voice call – email timer paused',
  parameters: describe(
    'TASK-4: the host reported a voice call. Email pauses on voice by default (`pauseOnVoice`), so its timer ' +
      'stops and shows a phone; the chat timer keeps running.',
  ),
  render: () =>
    scenarioElement({
      name: 'task-list-voice',
      content: list(),
      steps: [
        step.signIn(),
        step.ready('all'),
        step.offer('chat', CUSTOMERS[0]!.options),
        step.accept(0),
        step.offer('email', CUSTOMERS[3]!.options),
        step.accept(0),
        step.wait(1100),
        step.voice(true),
      ],
    }),
};
