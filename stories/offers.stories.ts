/**
 * `<dc-offers>`: the offer pop-ups the SPEC asks for (OFFER-1..6), each reached by real actions on the
 * simulated contact centre: the agent signs in and sets Ready, then the centre routes offers. Shown
 * inline here, in a corner like the bottom right of a page, where they pop up in a real one.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { scenario, step, type ScenarioStep } from './support/scenario.js';
import '../src/elements/offers/offers.js';

const MEDIA = ['chat', 'sms', 'social', 'email'] as const;
type Media = (typeof MEDIA)[number];
const MISSABLE = ['chat', 'sms', 'email'] as const;
type Missable = (typeof MISSABLE)[number];

const describe = (text: string) => ({ docs: { description: { story: text } } });

/** The offers alone, in the bottom-right corner of a page-sized box. */
const corner = (): TemplateResult => html`<div
  style="display: flex; justify-content: flex-end; align-items: flex-end; min-height: 26rem; padding: 0.75rem"
>
  <dc-offers placement="inline" style="flex: 0 1 22rem"></dc-offers>
</div>`;

/** The offers with the state control and the notifications, as on an agent desktop. */
const desktop = (): TemplateResult => html`<div style="display: flex; flex-direction: column; gap: 1rem; padding: 0.75rem">
  <div style="display: flex; align-items: flex-start; gap: 1rem">
    <dc-state-picker></dc-state-picker>
    <dc-notifications placement="inline" style="flex: 0 1 26rem; margin-left: auto"></dc-notifications>
  </div>
  <div style="display: flex; justify-content: flex-end; min-height: 14rem; align-items: flex-end">
    <dc-offers placement="inline" style="flex: 0 1 22rem"></dc-offers>
  </div>
</div>`;

/** Signed in and Ready on every channel: the centre routes offers only then (OFFER-1, STATE-6). */
const READY: readonly ScenarioStep[] = [step.signIn(), step.ready('all')];

const meta: Meta = {
  title: 'Offers/Offers',
  component: 'dc-offers',
  parameters: {
    docs: {
      description: {
        component:
          'Offer pop-ups, bottom right: one card per offer with the channel, the customer fields configured ' +
          'for it, a countdown and Accept. The newest offer is on top; older ones stay nearest the corner. ' +
          'With two offers or more, Accept all (Ctrl+Alt+9) takes every one.',
      },
    },
  },
};
export default meta;

const offerOf = (media: Media): StoryObj => ({
  name: `${media === 'sms' ? 'SMS' : media[0]!.toUpperCase() + media.slice(1)} offer`,
  parameters: describe(
    `OFFER-1, OFFER-5: a ${media} offer as it pops up: the channel, the customer fields configured for ` +
      `${media} (${
        {
          chat: 'name, email and queue',
          sms: 'queue, phone number and source number',
          social: 'name, phone number and queue',
          email: 'name, email, account number, address and question',
        }[media]
      }), the countdown as text and as a shrinking bar, and Accept.`,
  ),
  render: () => scenario({ name: `offer-${media}`, content: corner(), steps: [...READY, step.offer(media)] }).provider,
});

/** OFFER-1, OFFER-5 (livechat). */
export const ChatOffer = offerOf('chat');
/** OFFER-1, OFFER-5 (SMS). */
export const SmsOffer = offerOf('sms');
/** OFFER-1, OFFER-5 (social: WhatsApp by default). */
export const SocialOffer = offerOf('social');
/** OFFER-1, OFFER-5 (email). */
export const EmailOffer = offerOf('email');

/** OFFER-1, OFFER-3, OFFER-6. */
export const SeveralOffers: StoryObj<{ channels: Media[] }> = {
  name: 'Several offers – Accept all',
  args: { channels: [...MEDIA] },
  argTypes: { channels: { control: 'check', options: MEDIA } },
  parameters: describe(
    'OFFER-1, OFFER-3, OFFER-6: offers on several channels at once, each with its own accept timer. The ' +
      'newest is on top; Accept all (Ctrl+Alt+9) accepts every one.',
  ),
  render: (args) =>
    scenario({
      name: 'several-offers',
      content: corner(),
      steps: [...READY, ...MEDIA.filter((m) => args.channels.includes(m)).map((m) => step.offer(m))],
    }).provider,
};

/** OFFER-1 (urgent). */
export const AboutToExpire: StoryObj<{ media: Media; seconds: number }> = {
  name: 'Countdown about to expire',
  args: { media: 'chat', seconds: 5 },
  argTypes: {
    media: { control: 'select', options: MEDIA },
    seconds: { control: { type: 'number', min: 1, max: 30, step: 1 } },
  },
  parameters: describe(
    'OFFER-1: an offer in its last five seconds turns urgent (colour, and the `urgent` state). It is not ' +
      'accepted, so when the countdown ends it is missed: the card leaves and the notification says what ' +
      'happened to the agent’s state (OFFER-4). Remount the story to see it again.',
  ),
  render: (args) =>
    scenario({
      name: 'about-to-expire',
      content: desktop(),
      steps: [...READY, step.offer('email'), step.offer(args.media, { acceptSeconds: args.seconds })],
    }).provider,
};

/** OFFER-4. */
export const Missed: StoryObj<{ media: Missable }> = {
  name: 'Missed offer',
  args: { media: 'chat' },
  argTypes: { media: { control: 'select', options: MISSABLE } },
  parameters: describe(
    'OFFER-4: an offer was not accepted in time. It went back to routing and its card left. Chat or SMS: ' +
      'that channel became Not Ready – non-routable, then every Chat/Social channel went Not Ready; ' +
      'Email: only Email went Not Ready. The notification says so and the state control shows it.',
  ),
  render: (args) =>
    scenario({
      name: 'missed-offer',
      content: desktop(),
      steps: [...READY, step.offer(args.media, { acceptSeconds: 0.3 }), step.wait(600)],
    }).provider,
};

/** OFFER-2 (busy). */
export const Accepting: StoryObj = {
  name: 'Accepting',
  parameters: describe(
    'OFFER-2: the agent pressed Accept on the older offer and the server has not answered yet: its button ' +
      'is busy and cannot be pressed again. (The server here never answers, so the look stays.)',
  ),
  render: () => {
    const s = scenario({
      name: 'accepting',
      content: corner(),
      config: { media: { chat: { acceptSeconds: 600 }, sms: { acceptSeconds: 600 }, social: {}, email: {} } },
      steps: [...READY, step.offer('chat'), step.offer('sms'), step.accept(0)],
    });
    // The server takes the Accept and never answers.
    s.backend.accept = () => new Promise<void>(() => {});
    return s.provider;
  },
};
