/**
 * `<dc-notifications>`: the pop-overs the SPEC asks for (SIGN-4, STATE-7, OFFER-4, FAIL-2), each
 * raised by real actions on the simulated contact centre. Shown inline here; in a page they pop up at
 * the top right of the window.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StateCause } from '../src/backend/types.js';
import { scenarioElement, step } from './support/scenario.js';

const MEDIA = ['chat', 'sms', 'social', 'email'] as const;
type Media = (typeof MEDIA)[number];

const describe = (text: string) => ({ docs: { description: { story: text } } });
const mediaArg = { control: 'select', options: MEDIA } as const;

/** The notifications alone, as wide as they are in the top-right corner of a page. */
const stack = () => html`<dc-notifications placement="inline" style="display: block; max-width: 26rem"></dc-notifications>`;

const meta: Meta = {
  title: 'Agent state/Notifications',
  component: 'dc-notifications',
  parameters: {
    docs: {
      description: {
        component:
          'Top-right notifications: sign-in failures and retries, failed state changes with Retry, automatic ' +
          'state changes, connection restored. Errors and warnings stay until dismissed (a warning raised again ' +
          'for its cause counts: ×3); the others leave by themselves, but not while the pointer or the focus is on one.',
      },
    },
  },
};
export default meta;

/** SIGN-4. */
export const SignInRetrying: StoryObj<{ media: Media; reason: string; retrySeconds: number }> = {
  name: 'Sign-in failed – retrying',
  args: { media: 'sms', reason: 'SMS gateway unavailable', retrySeconds: 30 },
  argTypes: { media: mediaArg, retrySeconds: { control: { type: 'number', min: 1, step: 1 } } },
  parameters: describe(
    'SIGN-4: a channel’s sign-in failed; the notification gives the server’s reason and when the next ' +
      'automatic retry happens (retry 1 of 3). The first retry delay is the `retryDelayMs` setting.',
  ),
  render: (args) =>
    scenarioElement({
      name: 'sign-in-retrying',
      content: stack(),
      config: { retryDelayMs: args.retrySeconds * 1000 },
      steps: [step.failSignIn(args.media, { reason: args.reason }), step.signIn()],
    }),
};

/** SIGN-4. */
export const SignInFailedFinal: StoryObj<{ media: Media; reason: string }> = {
  name: 'Sign-in failed – retries stopped',
  args: { media: 'sms', reason: 'SMS gateway unavailable' },
  argTypes: { media: mediaArg },
  parameters: describe(
    'SIGN-4: every automatic retry failed too (run without delay here); the notification says retries ' +
      'have stopped and the agent can use Sign In again.',
  ),
  render: (args) =>
    scenarioElement({
      name: 'sign-in-final',
      content: stack(),
      config: { retryDelayMs: 0 },
      steps: [step.failSignIn(args.media, { reason: args.reason }), step.signIn()],
    }),
};

/** STATE-7. */
export const StateChangeRetrying: StoryObj<{ media: Media; reason: string }> = {
  name: 'State change failed – retrying',
  args: { media: 'email', reason: 'Network error' },
  argTypes: { media: mediaArg },
  parameters: describe(
    'STATE-7: the agent chose All → Ready and one channel’s change failed; it is retried automatically ' +
      '(the next retry is 30 s away in this story).',
  ),
  render: (args) =>
    scenarioElement({
      name: 'state-retrying',
      content: stack(),
      config: { retryDelayMs: 30_000 },
      steps: [step.signIn(), step.failStateChange(args.media, { reason: args.reason }), step.ready('all')],
    }),
};

/** STATE-7. */
export const StateChangeFailed: StoryObj<{ media: Media; reason: string }> = {
  name: 'State change failed – Retry button',
  args: { media: 'email', reason: 'Network error' },
  argTypes: { media: mediaArg },
  parameters: describe(
    'STATE-7: the automatic retries failed too (run without delay here): the group stays partial and the ' +
      'notification offers Retry, which sets that channel again.',
  ),
  render: (args) =>
    scenarioElement({
      name: 'state-failed',
      content: stack(),
      config: { retryDelayMs: 0 },
      steps: [step.signIn(), step.failStateChange(args.media, { reason: args.reason }), step.ready('all')],
    }),
};

/** A change the agent did not make (a missed offer has its own notification: see the offers stories). */
export const AutomaticChange: StoryObj<{ media: Media; cause: StateCause }> = {
  name: 'Automatic state change – supervisor',
  args: { media: 'chat', cause: 'supervisor' },
  argTypes: {
    media: mediaArg,
    cause: { control: 'select', options: ['supervisor', 'system'] },
  },
  parameters: describe(
    'The agent was Ready and a supervisor (or the system) changed a channel; the notification says who. ' +
      'STATE-6: a Chat/Social channel takes its whole group with it.',
  ),
  render: (args) =>
    scenarioElement({
      name: 'automatic-change',
      content: stack(),
      steps: [
        step.signIn(),
        step.ready('all'),
        step.serverSetState(args.media, { availability: 'not-ready' }, args.cause),
      ],
    }),
};

/** HOSTILE-25. */
export const CountedWarning: StoryObj = {
  name: 'A warning raised again – counted',
  parameters: describe(
    'A supervisor changed Email three times while the notification was on show: one warning, its words ' +
      'the latest change, with a count (×3), rather than three stacked. Warnings stay until dismissed; ' +
      'information leaves after `notificationSeconds`, not while the pointer or the focus is on it.',
  ),
  render: () =>
    scenarioElement({
      name: 'counted-warning',
      content: stack(),
      steps: [
        step.signIn(),
        step.ready('all'),
        step.serverSetState('email', { availability: 'not-ready' }, 'supervisor'),
        step.serverSetState('email', { availability: 'ready' }, 'supervisor'),
        step.serverSetState('email', { availability: 'not-ready', reasonId: 'meeting' }, 'supervisor'),
      ],
    }),
};

/** FAIL-2. */
export const ConnectionRestored: StoryObj<{ notificationSeconds: number }> = {
  name: 'Connection restored',
  args: { notificationSeconds: 3600 },
  parameters: describe(
    'FAIL-2: the connection came back and the kit re-read the server’s state. This notification leaves by ' +
      'itself after `notificationSeconds` (8 s by default; an hour in this story so it stays to be looked at).',
  ),
  render: (args) =>
    scenarioElement({
      name: 'connection-restored',
      content: stack(),
      config: { notificationSeconds: args.notificationSeconds },
      steps: [step.signIn(), step.dropConnection(), step.restoreConnection()],
    }),
};

/** SIGN-4, STATE-7, OFFER-4, FAIL-2 together. */
export const Stacked: StoryObj = {
  name: 'Several stacked',
  parameters: describe(
    'Several at once, newest last: SMS could not sign in (SIGN-4), Email could not go Ready (STATE-7), a ' +
      'supervisor changed chat and the connection came back (FAIL-2).',
  ),
  render: () =>
    scenarioElement({
      name: 'stacked',
      content: stack(),
      config: { retryDelayMs: 0, notificationSeconds: 3600 },
      steps: [
        step.failSignIn('sms', { reason: 'SMS gateway unavailable' }),
        step.signIn(),
        step.failStateChange('email', { reason: 'Network error' }),
        step.ready('all'),
        step.serverSetState('chat', { availability: 'not-ready', reasonId: 'meeting' }, 'supervisor'),
        step.dropConnection(),
        step.restoreConnection(),
      ],
    }),
};
