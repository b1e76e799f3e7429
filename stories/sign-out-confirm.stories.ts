/**
 * Signing out with held tasks (STATE-8): the confirmation that lists them and says what happens to
 * them, reached as on an agent desktop through the real store and the simulated contact centre.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { DcConfigInput } from '../src/model/config.js';
import type { DcTheme } from '../src/elements/provider/provider.js';
import { scenarioElement, step, type ScenarioStep } from './support/scenario.js';
import '../src/elements/sign-out-confirm/sign-out-confirm.js';

const describe = (text: string) => ({ docs: { description: { story: text } } });

const meta: Meta = {
  title: 'Agent/Sign-out confirmation',
  component: 'dc-sign-out-confirm',
  parameters: {
    docs: {
      description: {
        component:
          'When the host signs the agent out while they hold tasks, a modal dialog lists the tasks and says ' +
          'whether they will be transferred back to their queue or closed (`onSignOut`). Go back (and Escape) ' +
          'keeps everything; Sign out goes ahead, after `dc-before-sign-out`.',
      },
    },
  },
};
export default meta;

/** Chat with a forced wrap-up, so that one held task is in wrap-up. */
const forced = (): DcConfigInput => ({
  media: { chat: { wrapUp: { forced: true, seconds: 60, defaultReason: 'resolved' } }, sms: {}, email: {} },
});

const ALICE = { queue: 'Sales', customer: { name: 'Alice Martin', email: 'alice.martin@example.com' }, text: 'Where is my parcel?' };

function story(name: string, config: DcConfigInput, steps: ScenarioStep[], theme?: DcTheme) {
  return scenarioElement({ name, config, content: signOutContent(), steps, ...(theme ? { theme } : {}) });
}

/** The sign-out confirmation over the agent's task list. */
const signOutContent = (): TemplateResult =>
  html`<div style="max-width: 24rem; min-height: 20rem"><dc-task-list></dc-task-list></div>
    <dc-sign-out-confirm></dc-sign-out-confirm>`;

const holding = (): ScenarioStep[] => [
  step.signIn(),
  step.ready('all'),
  step.offer('chat', ALICE),
  step.accept(0),
  step.offer('sms', { queue: 'Billing', customer: { phone: '+33 6 12 34 56 78' } }),
  step.accept(0),
  step.end(0),
  step.wrapUp(0, ['resolved']),
  step.notReady('all'),
  step.signOut(),
];

/** STATE-8. */
export const SignOutConfirmation: StoryObj = {
  name: 'Sign-out with held tasks',
  parameters: describe(
    'STATE-8: the host signs the agent out while they hold two tasks (one in wrap-up). The kit lists them and ' +
      'says they will be transferred back to their queue (`onSignOut: "transfer"`); Go back keeps everything.',
  ),
  render: () => story('sign-out-transfer', forced(), holding()),
};

/** STATE-8, EMBED-4. */
export const SignOutCloseDark: StoryObj = {
  name: 'Sign-out with held tasks – close, dark',
  parameters: describe('STATE-8 with `onSignOut: "close"`, in the dark theme: the held tasks will be closed.'),
  render: () => story('sign-out-close', { ...forced(), onSignOut: 'close' }, holding(), 'dark'),
};
