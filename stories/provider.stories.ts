/**
 * `<dc-provider>`: what a host sees when its configuration is wrong, and the kit's dark theme at a
 * glance (EMBED-4).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, render, type TemplateResult } from 'lit';
import type { DcConfigInput } from '../src/model/config.js';
import { inDiv, scenarioElement, step, type ScenarioOptions } from './support/scenario.js';

const describe = (text: string) => ({ docs: { description: { story: text } } });

const meta: Meta = {
  title: 'Agent state/Provider',
  component: 'dc-provider',
  parameters: {
    docs: {
      description: {
        component:
          'The root of a kit: configuration, backend, language, theme and keyboard shortcuts. It reports an ' +
          'invalid configuration in place (and as a `dc-error` event) instead of throwing.',
      },
    },
  },
};
export default meta;

/** EMBED-1 (configuration errors are reported, never thrown). */
export const InvalidConfiguration: StoryObj<{ config: DcConfigInput }> = {
  name: 'Invalid configuration',
  args: { config: { media: { sms: { capacity: -1 } } } },
  parameters: describe(
    'The configuration names a bad field (an SMS capacity of -1): the provider says which field and why, ' +
      'and the elements inside it show that the channels are unavailable. Edit the config arg to try others.',
  ),
  render: (args) => scenarioElement({ name: 'invalid-config', config: args.config }),
};

/** One cell of the overview: room below the picker for its pop-overs. */
function cell(options: ScenarioOptions, content: TemplateResult): TemplateResult {
  return html`<div style="position: relative; min-height: 32rem">
    ${scenarioElement({ ...options, content })}
  </div>`;
}

const pickerOnly = () =>
  html`<dc-connection-banner></dc-connection-banner>
    <div style="padding: 0.75rem 0"><dc-state-picker></dc-state-picker></div>`;
const pickerAndNotifications = () =>
  html`<div style="padding: 0 0 0.75rem"><dc-state-picker></dc-state-picker></div>
    <dc-notifications placement="inline"></dc-notifications>`;

/** EMBED-4, with SIGN-4, STATE-1..4, STATE-7, OFFER-4 and FAIL-1 on show. */
export const DarkOverview: StoryObj = {
  name: 'Dark theme overview',
  globals: { theme: 'dark' },
  parameters: describe(
    'EMBED-4: the dark theme on four situations side by side: sign-in failed for every channel (SIGN-4), ' +
      'the state menu over a partial state (STATE-1..4), the connection lost (FAIL-1), and a non-routable ' +
      'group with its notifications (OFFER-4, STATE-7). The language follows the toolbar.',
  ),
  render: () =>
    inDiv(html`<div style="display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1.5rem">
      ${cell(
        {
          name: 'overview-sign-in',
          config: { retryDelayMs: 0 },
          steps: [
            ...['chat', 'sms', 'social', 'email'].map((m) => step.failSignIn(m, { reason: 'Server unavailable' })),
            step.signIn(),
          ],
        },
        pickerOnly(),
      )}
      ${cell(
        {
          name: 'overview-menu',
          steps: [step.signIn(), step.ready('chat-social'), step.notReady('email', 'lunch'), step.openMenu()],
        },
        pickerOnly(),
      )}
      ${cell(
        { name: 'overview-offline', steps: [step.signIn(), step.ready('all'), step.dropConnection()] },
        pickerOnly(),
      )}
      ${cell(
        {
          name: 'overview-notifications',
          config: { retryDelayMs: 0 },
          steps: [
            step.signIn(),
            step.failStateChange('email', { reason: 'Network error' }),
            step.ready('all'),
            step.serverSetState('chat', { availability: 'not-ready', routable: false }, 'missed-offer'),
          ],
        },
        pickerAndNotifications(),
      )}
    </div>`),
};

/** EMBED-1: a provider that was given no backend. */
export const NoBackend: StoryObj = {
  name: 'No contact centre connected',
  parameters: describe(
    'No backend was given: the provider says that no contact centre is connected (and fires `dc-error` ' +
      'with `source: "backend"`), and the elements inside show that the channels are unavailable.',
  ),
  render: () => {
    const provider = document.createElement('dc-provider');
    provider.storage = null;
    render(pickerOnly(), provider);
    return provider;
  },
};

/** EMBED-1: `backend="simulated"`, loaded on demand, with its badge. */
export const SimulatedBadge: StoryObj = {
  name: 'Simulated contact centre',
  parameters: describe(
    '`<dc-provider backend="simulated">` loads the simulated contact centre on first use and shows a ' +
      'badge, so that nobody takes it for a production contact centre.',
  ),
  render: () => {
    const provider = document.createElement('dc-provider');
    provider.setAttribute('backend', 'simulated');
    provider.storage = null;
    render(pickerOnly(), provider);
    return provider;
  },
};
