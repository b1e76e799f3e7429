/**
 * `<dc-state-picker>`: every look the SPEC gives the agent-state control (SIGN-1..5, STATE-1..7,
 * FAIL-1/2), each reached by real actions on the simulated contact centre. The connection banner and
 * the notifications sit around it as on an agent desktop, so the whole situation is visible.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { DcConfigInput, MediaConfigInput } from '../src/model/config.js';
import { scenarioElement, step } from './support/scenario.js';

const MEDIA = ['chat', 'sms', 'social', 'email'] as const;
type Media = (typeof MEDIA)[number];
const REASONS = ['lunch', 'break', 'meeting', 'training'] as const;

const describe = (text: string) => ({ docs: { description: { story: text } } });

const meta: Meta = {
  title: 'Agent state/State picker',
  component: 'dc-state-picker',
  parameters: {
    docs: {
      description: {
        component:
          'The agent’s digital-channel state: the Sign In dialog until the agent signs in, then an aggregate ' +
          'icon, one icon per channel group and a menu of Ready and Not Ready choices.',
      },
    },
  },
};
export default meta;

/** The assigned channels, from a checkbox arg, in SPEC order. */
function channels(list: readonly Media[]): Record<string, MediaConfigInput> {
  return Object.fromEntries(MEDIA.filter((m) => list.includes(m)).map((m) => [m, {}]));
}

const mediaArg = { control: 'select', options: MEDIA } as const;
const reasonArg = { control: 'select', options: REASONS } as const;

// ------------------------------------------------------------------------------------------------
// Signing in

/** SIGN-1, STATE-4 (not signed in). */
export const NotSignedIn: StoryObj<{ channels: Media[] }> = {
  name: 'Not signed in – Sign In dialog',
  args: { channels: [...MEDIA] },
  argTypes: { channels: { control: 'check', options: MEDIA } },
  parameters: describe(
    'SIGN-1: until the agent signs in, the kit shows the Sign In dialog listing every assigned channel; ' +
      'the aggregate icon has its “not signed in” look (STATE-4).',
  ),
  render: (args) => scenarioElement({ name: 'not-signed-in', config: { media: channels(args.channels) } }),
};

/** SIGN-2. */
export const SigningIn: StoryObj = {
  name: 'Signing in',
  parameters: describe(
    'SIGN-2: Sign In signs every channel in at once. Here the server has not answered yet, so every ' +
      'channel stays “Signing in…” and the Sign In button is busy.',
  ),
  render: () => scenarioElement({ name: 'signing-in', steps: [step.hold('sign-in'), step.signIn()] }),
};

/** SIGN-2, SIGN-4, STATE-4 (partial). */
export const SignInFailedForOne: StoryObj<{ media: Media; reason: string }> = {
  name: 'Sign-in failed for one channel',
  args: { media: 'sms', reason: 'SMS gateway unavailable' },
  argTypes: { media: mediaArg },
  parameters: describe(
    'SIGN-2/SIGN-4: one channel’s sign-in is refused while the others sign in. The automatic retries ' +
      '(run without delay here) fail too, so the notification gives the reason and says retries have ' +
      'stopped; the aggregate icon is Partial (STATE-4).',
  ),
  render: (args) =>
    scenarioElement({
      name: 'sign-in-failed-one',
      config: { retryDelayMs: 0 },
      steps: [step.failSignIn(args.media, { reason: args.reason }), step.signIn()],
    }),
};

/** SIGN-4, STATE-4 (sign-in failed). */
export const SignInFailedForAll: StoryObj<{ reason: string }> = {
  name: 'Sign-in failed for every channel',
  args: { reason: 'Agent not licensed for digital channels' },
  parameters: describe(
    'SIGN-4, STATE-4: no channel could sign in. The dialog stays, each channel shows its failure, the ' +
      'aggregate icon has its “sign-in failed” look and each channel has its notification.',
  ),
  render: (args) =>
    scenarioElement({
      name: 'sign-in-failed-all',
      config: { retryDelayMs: 0 },
      steps: [...MEDIA.map((m) => step.failSignIn(m, { reason: args.reason })), step.signIn()],
    }),
};

/** SIGN-5. */
export const NoChannelAssigned: StoryObj = {
  name: 'No channel assigned',
  parameters: describe('SIGN-5: with no channel assigned the kit shows a clear empty state, not a broken widget.'),
  render: () => scenarioElement({ name: 'no-channel', config: { media: {} } }),
};

// ------------------------------------------------------------------------------------------------
// Signed in

/** SIGN-3, STATE-4 (all Not Ready). */
export const AllNotReady: StoryObj = {
  name: 'All Not Ready',
  parameters: describe('SIGN-3, STATE-4: just signed in, every channel is Not Ready with no reason; the timer runs.'),
  render: () => scenarioElement({ name: 'all-not-ready', steps: [step.signIn()] }),
};

/** STATE-4 (all Ready). */
export const AllReady: StoryObj = {
  name: 'All Ready',
  parameters: describe('STATE-4: the agent chose All → Ready; every channel is Ready.'),
  render: () => scenarioElement({ name: 'all-ready', steps: [step.signIn(), step.ready('all')] }),
};

/** STATE-4 (partial). */
export const Partial: StoryObj = {
  name: 'Partial – Chat/Social Ready, Email Not Ready',
  parameters: describe(
    'STATE-4: Chat/Social Channels → Ready while Email stays Not Ready; the aggregate icon and the ' +
      'label say Partial, each group icon shows its own state.',
  ),
  render: () => scenarioElement({ name: 'partial', steps: [step.signIn(), step.ready('chat-social')] }),
};

/** STATE-2, STATE-4 (Not Ready with a reason). */
export const NotReadyWithReason: StoryObj<{ reason: (typeof REASONS)[number] }> = {
  name: 'Not Ready with a reason',
  args: { reason: 'lunch' },
  argTypes: { reason: reasonArg },
  parameters: describe(
    'STATE-2, STATE-4: the agent picked the same reason under Chat/Social Channels and under Email; ' +
      'the label names it (“Not Ready – Lunch”).',
  ),
  render: (args) =>
    scenarioElement({
      name: 'not-ready-reason',
      steps: [step.signIn(), step.notReady('chat-social', args.reason), step.notReady('email', args.reason)],
    }),
};

/** STATE-4 (non-routable), STATE-6, OFFER-4. */
export const NonRoutable: StoryObj = {
  name: 'Not Ready – non-routable (missed chat offer)',
  parameters: describe(
    'OFFER-4, STATE-6, STATE-4: Chat/Social was Ready and a chat offer was not accepted in time. The ' +
      'server made chat Not Ready – non-routable, the rest of the group followed into Not Ready, and a ' +
      'notification says why. Email was already Not Ready.',
  ),
  render: () =>
    scenarioElement({
      name: 'non-routable',
      steps: [
        step.signIn(),
        step.ready('chat-social'),
        step.serverSetState('chat', { availability: 'not-ready', routable: false }, 'missed-offer'),
      ],
    }),
};

/** STATE-7. */
export const StateChangeFailed: StoryObj<{ media: Media; reason: string }> = {
  name: 'State change failed – Retry',
  args: { media: 'email', reason: 'Network error' },
  argTypes: { media: mediaArg },
  parameters: describe(
    'STATE-7: the agent chose All → Ready; one channel’s change failed, and so did its automatic ' +
      'retries (run without delay here). Its group stays as it was, the aggregate icon is Partial, and ' +
      'the notification offers Retry.',
  ),
  render: (args) =>
    scenarioElement({
      name: 'state-change-failed',
      config: { retryDelayMs: 0 },
      steps: [step.signIn(), step.failStateChange(args.media, { reason: args.reason }), step.ready('all')],
    }),
};

/** FAIL-1, FAIL-2. */
export const Disconnected: StoryObj = {
  name: 'Disconnected – controls disabled',
  parameters: describe(
    'FAIL-1, FAIL-2: the connection to the server dropped while Chat/Social was Ready. The banner says ' +
      'so, and the picker keeps showing the last known state but cannot be used until the state is re-read.',
  ),
  render: () =>
    scenarioElement({
      name: 'disconnected',
      steps: [step.signIn(), step.ready('chat-social'), step.dropConnection()],
    }),
};

/** STATE-1, STATE-2, STATE-3. */
export const MenuOpen: StoryObj = {
  name: 'Menu open',
  parameters: describe(
    'STATE-1..3: the menu lists All, Chat/Social Channels and Email, each with Ready and Not Ready. ' +
      'Reasons appear under the groups only; All offers plain Not Ready. Chat/Social is Ready, so it does ' +
      'not offer Ready again; Email is “Not Ready – Lunch”, so Lunch is not offered under Email.',
  ),
  render: () =>
    scenarioElement({
      name: 'menu-open',
      steps: [step.signIn(), step.ready('chat-social'), step.notReady('email', 'lunch'), step.openMenu()],
    }),
};

// ------------------------------------------------------------------------------------------------
// Configuration

const CUSTOM: DcConfigInput = {
  media: {
    chat: { label: { en: 'Web chat', fr: 'Chat Web' } },
    whatsapp: { kind: 'social', label: 'WhatsApp' },
    messenger: { kind: 'social', label: 'Messenger' },
    email: { label: { en: 'Support mailbox', fr: 'Boîte de support' } },
  },
  notReadyReasons: [
    { id: 'coaching', label: { en: 'Coaching', fr: 'Accompagnement' } },
    { id: 'paperwork', label: { en: 'Paperwork', fr: 'Travail administratif' } },
    { id: 'team-meeting', label: { en: 'Team meeting', fr: 'Réunion d’équipe' } },
  ],
};

/** SIGN-1, OFFER-3 (configured media). */
export const CustomChannels: StoryObj<{ config: DcConfigInput }> = {
  name: 'Custom channels – Sign In',
  args: { config: CUSTOM },
  parameters: describe(
    'Configured channels with their own labels (a WhatsApp and a Messenger social channel, labels per ' +
      'language): the Sign In dialog lists them (SIGN-1).',
  ),
  render: (args) => scenarioElement({ name: 'custom-sign-in', config: args.config }),
};

/** STATE-2 (reasons from configuration). */
export const CustomReasons: StoryObj<{ config: DcConfigInput }> = {
  name: 'Custom channels – reasons menu',
  args: { config: CUSTOM },
  parameters: describe(
    'STATE-2: Not Ready reasons come from the configuration, each with its French label; Chat/Social is ' +
      '“Not Ready – Coaching”, so Coaching is not offered again under it (STATE-3).',
  ),
  render: (args) =>
    scenarioElement({
      name: 'custom-reasons',
      config: args.config,
      steps: [step.signIn(), step.notReady('chat-social', 'coaching'), step.openMenu()],
    }),
};
