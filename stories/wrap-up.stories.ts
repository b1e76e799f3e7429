/**
 * Ending a task (END-1…3): End without forced wrap-up, the wrap-up reasons with their countdown
 * (counting, a reason chosen, several reasons and a note, about to close by itself). Each is reached as
 * on an agent desktop, through the real store and the simulated contact centre. The sign-out
 * confirmation has its own stories (sign-out-confirm.stories.ts).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { DcConfigInput } from '../src/model/config.js';
import type { DcTheme } from '../src/elements/provider/provider.js';
import { scenarioElement, step, type ScenarioStep } from './support/scenario.js';
import '../src/elements/wrap-up/wrap-up.js';

const describe = (text: string) => ({ docs: { description: { story: text } } });

const meta: Meta = {
  title: 'Tasks/End and wrap-up',
  component: 'dc-wrap-up',
  parameters: {
    docs: {
      description: {
        component:
          'End closes a task, or, where the channel forces a wrap-up, starts a countdown in the wrap-up ' +
          'reasons next to a disabled Close. A chosen reason turns green and enables Close; at zero the task ' +
          'closes by itself with the chosen reasons (or the configured default). "Conversation closed" shows ' +
          'in the thread. The choice and the countdown survive a reload and a failover.',
      },
    },
  },
};
export default meta;

/** Chat with a forced wrap-up; `extra` changes its settings. */
const forced = (extra: Record<string, unknown> = {}): DcConfigInput => ({
  media: { chat: { wrapUp: { forced: true, seconds: 60, defaultReason: 'resolved', ...extra } }, sms: {}, email: {} },
});

/** The wrap-up above the thread, as in the customer details of the tasks window. */
const pane = (): TemplateResult =>
  html`<div style="display: flex; flex-direction: column; gap: 0.5rem; width: min(36rem, 100%)">
    <dc-wrap-up></dc-wrap-up>
    <div style="display: flex; flex-direction: column; height: 18rem; border: 1px solid var(--dc-color-border, #c9d0d8)">
      <dc-chat-thread></dc-chat-thread>
    </div>
  </div>`;

const ALICE = { queue: 'Sales', customer: { name: 'Alice Martin', email: 'alice.martin@example.com' }, text: 'Where is my parcel?' };

/** Signed in, Ready, Alice's chat accepted, then End. */
const ended = (...more: ScenarioStep[]): ScenarioStep[] => [
  step.signIn(),
  step.ready('all'),
  step.offer('chat', ALICE),
  step.accept(0),
  step.end(0),
  ...more,
];

function story(name: string, config: DcConfigInput, steps: ScenarioStep[], theme?: DcTheme, content: TemplateResult = pane()) {
  return scenarioElement({ name, config, content, steps, ...(theme ? { theme } : {}) });
}

/** END-1. */
export const EndWithoutWrapUp: StoryObj = {
  name: 'End without wrap-up',
  parameters: describe(
    'END-1: no forced wrap-up. End on the SMS closes it at once; it leaves the list and the last accepted task ' +
      '(the chat) is shown. Nothing to wrap up.',
  ),
  render: () =>
    story(
      'end-plain',
      { media: { chat: {}, sms: {} } },
      [
        step.signIn(),
        step.ready('all'),
        step.offer('chat', ALICE),
        step.accept(0),
        step.offer('sms', { queue: 'Billing', customer: { phone: '+33 6 12 34 56 78' } }),
        step.accept(0),
        step.end(1),
      ],
      undefined,
      html`<div style="display: grid; grid-template-columns: minmax(0, 16rem) minmax(0, 1fr); gap: 0.5rem; max-width: 52rem">
        <dc-task-list></dc-task-list>${pane()}
      </div>`,
    ),
};

/** END-2, END-3. */
export const WrapUpCounting: StoryObj = {
  name: 'Wrap-up – counting',
  parameters: describe(
    'END-2, END-3: End with a forced wrap-up. "Conversation closed" is in the thread; the countdown runs beside ' +
      'a disabled Close until a reason is chosen.',
  ),
  render: () => story('wrap-up-counting', forced(), ended()),
};

/** END-2. */
export const WrapUpReasonChosen: StoryObj = {
  name: 'Wrap-up – reason chosen',
  parameters: describe('END-2: a reason is chosen: it is green, and Close is enabled. The countdown goes on.'),
  render: () => story('wrap-up-chosen', forced(), ended(step.wrapUp(0, ['follow-up']))),
};

/** END-2. */
export const WrapUpSeveralReasons: StoryObj = {
  name: 'Wrap-up – several reasons and a note',
  parameters: describe('END-2: the channel allows several reasons; two are chosen, and the agent wrote a note.'),
  render: () =>
    story(
      'wrap-up-multiple',
      forced({ multiple: true }),
      ended(step.wrapUp(0, ['information', 'follow-up'], 'Sends the delivery slip by email tomorrow.')),
    ),
};

/** END-2. */
export const WrapUpAboutToClose: StoryObj = {
  name: 'Wrap-up – about to close by itself',
  parameters: describe(
    'END-2: the last seconds of the countdown, shown in red. At zero the task closes by itself with the chosen ' +
      'reason (here none is chosen, so the configured default, "Resolved", is sent).',
  ),
  render: () => story('wrap-up-due', forced({ seconds: 10 }), ended()),
};

/** END-2, EMBED-4. */
export const WrapUpDark: StoryObj = {
  name: 'Wrap-up – dark',
  parameters: describe('END-2 in the dark theme: a reason chosen, the note being written.'),
  render: () => story('wrap-up-dark', forced(), ended(step.wrapUp(0, ['resolved'], 'Refund confirmed.')), 'dark'),
};
