/**
 * `<dc-connection-banner>`: lost connection (FAIL-1) and the state being re-read after it returns
 * (FAIL-2), with the state picker below it to show the controls disabled meanwhile.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { scenarioElement, step } from './support/scenario.js';

const describe = (text: string) => ({ docs: { description: { story: text } } });

const bannerAndPicker = () =>
  html`<dc-connection-banner></dc-connection-banner>
    <div style="padding: 0.75rem 0; min-height: 6rem"><dc-state-picker></dc-state-picker></div>`;

const meta: Meta = {
  title: 'Agent state/Connection banner',
  component: 'dc-connection-banner',
  parameters: {
    docs: {
      description: {
        component:
          'A banner across the top of the kit while the connection to the server is lost, and while the ' +
          'state is re-read after it returns. Hidden the rest of the time.',
      },
    },
  },
};
export default meta;

/** FAIL-1. */
export const Offline: StoryObj = {
  name: 'Connection lost',
  parameters: describe(
    'FAIL-1: the connection to the server dropped. The banner says so; the picker keeps the last known ' +
      'state and is disabled (FAIL-2).',
  ),
  render: () =>
    scenarioElement({
      name: 'banner-offline',
      content: bannerAndPicker(),
      steps: [step.signIn(), step.ready('all'), step.dropConnection()],
    }),
};

/** FAIL-2. */
export const Restoring: StoryObj = {
  name: 'Restoring the state',
  parameters: describe(
    'FAIL-2: connected again, the kit is re-reading every channel’s state from the server (held here, so ' +
      'the look stays); the controls stay disabled until it has.',
  ),
  render: () =>
    scenarioElement({
      name: 'banner-restoring',
      content: bannerAndPicker(),
      steps: [step.signIn(), step.ready('all'), step.dropConnection(), step.hold('snapshot'), step.restoreConnection()],
    }),
};

/** FAIL-1 (nothing to say). */
export const Online: StoryObj = {
  name: 'Online – hidden',
  parameters: describe('Connected and up to date: the banner shows nothing; the picker is enabled.'),
  render: () =>
    scenarioElement({ name: 'banner-online', content: bannerAndPicker(), steps: [step.signIn(), step.ready('all')] }),
};
