/**
 * `<dc-workflow-dialog>`: the composer's workflow dialog on its own (COMP-10), with the simulated contact
 * centre's sample workflows. Each story reaches its look as the agent would: choosing a workflow (its
 * parameters show at once) and pressing Trigger.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ESCALATION_FAILURE, FAILING_WORKFLOW_ID, SAMPLE_WORKFLOWS } from '../src/simulator/index.js';
import type { DcWorkflowDialog, WorkflowRunner } from '../src/elements/internal/workflow-dialog.js';
import { scenarioElement } from './support/scenario.js';
import '../src/elements/internal/workflow-dialog.js';

const describe = (text: string) => ({ docs: { description: { story: text } } });

const meta: Meta = {
  title: 'Conversation/Workflow dialog',
  component: 'dc-workflow-dialog',
  parameters: {
    docs: {
      description: {
        component:
          'Choose a workflow and trigger it. A workflow with parameters shows them as soon as it is chosen, those ' +
          'it fills from the customer filled, each field checked for its type; Trigger reads "Running…" until the ' +
          'server answers; a failure shows its reason and keeps what was typed. Properties in (`workflows`, ' +
          '`customer`, `open`, `run`), events out (`dc-workflow-done`, `dc-close`).',
      },
    },
  },
};
export default meta;

/** The server as the sample centre behaves: the escalation fails, the rest succeed after `ms`. */
const serverRun =
  (ms = 600): WorkflowRunner =>
  (workflowId) =>
    new Promise((resolve, reject) =>
      setTimeout(() => (workflowId === FAILING_WORKFLOW_ID ? reject(new Error(ESCALATION_FAILURE)) : resolve()), ms),
    );

/** A server that never answers: the dialog stays "Running…". */
const pending: WorkflowRunner = () => new Promise(() => {});

/** What the agent does in the dialog: choose a workflow, press Trigger (`times` times). */
async function chooseAndTrigger(dialog: DcWorkflowDialog, workflowId: string, times = 1): Promise<void> {
  await dialog.updateComplete;
  const root = dialog.shadowRoot!;
  [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.value === workflowId)?.click();
  for (let i = 0; i < times; i++) {
    await dialog.updateComplete;
    root.querySelector<HTMLButtonElement>('[part~="trigger"]')?.click();
  }
  await dialog.updateComplete;
}

/** The task's customer: the callback's phone and the case's email start from it. */
const CUSTOMER = { name: 'Bob Durand', phone: '+33 6 12 34 56 78', email: 'bob.durand@example.com' };

function dialogStory(name: string, run: WorkflowRunner, act?: (dialog: DcWorkflowDialog) => Promise<void>): HTMLElement {
  return scenarioElement({
    name: `workflow-dialog-${name}`,
    content: html`<dc-workflow-dialog .workflows=${SAMPLE_WORKFLOWS} .customer=${CUSTOMER} .run=${run} open></dc-workflow-dialog>`,
    after: async (s) => {
      const dialog = s.provider.querySelector('dc-workflow-dialog');
      if (dialog && act) await act(dialog);
    },
  });
}

/** COMP-10. */
export const List: StoryObj = {
  name: 'List',
  parameters: describe('COMP-10: the workflows configured for the channel, with their descriptions.'),
  render: () => dialogStory('list', serverRun()),
};

/** COMP-10. */
export const FormWithErrors: StoryObj = {
  name: 'Form with errors',
  parameters: describe(
    'COMP-10: "Create a case" asks for a subject and the customer’s email; Trigger with both empty says what each needs.',
  ),
  render: () =>
    dialogStory('errors', serverRun(), async (dialog) => {
      await chooseAndTrigger(dialog, 'create-case', 0);
      // The agent clears the email filled from the customer, then presses Trigger.
      const email = dialog.shadowRoot!.querySelector<HTMLInputElement>('input[name="email"]');
      if (email) {
        email.value = '';
        email.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }
      await chooseAndTrigger(dialog, 'create-case', 1);
    }),
};

/** COMP-10, HOSTILE-29. */
export const WithParameters: StoryObj = {
  name: 'Workflow with parameters',
  parameters: describe(
    'HOSTILE-29: "Schedule a callback" is chosen: its parameters show at once, under the list, and the phone ' +
      'number is filled from the customer, as the workflow says. The agent picks a date and presses Trigger once.',
  ),
  render: () => dialogStory('parameters', serverRun(), (dialog) => chooseAndTrigger(dialog, 'callback', 0)),
};

/** COMP-10. */
export const Running: StoryObj = {
  name: 'Running',
  parameters: describe('COMP-10: the survey was triggered; the server has not answered yet.'),
  render: () => dialogStory('running', pending, (dialog) => chooseAndTrigger(dialog, 'survey')),
};

/** COMP-10. */
export const ServerFailure: StoryObj = {
  name: 'Server failure',
  parameters: describe('COMP-10: the escalation failed on the server: its reason shows, and the dialog stays open.'),
  render: () =>
    dialogStory('failure', serverRun(0), async (dialog) => {
      await chooseAndTrigger(dialog, FAILING_WORKFLOW_ID);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await dialog.updateComplete;
    }),
};
