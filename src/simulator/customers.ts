/**
 * Made-up but plausible customers and queues for the simulated contact centre, drawn from a seeded
 * generator so that a run can be repeated.
 */
import type { MediaKind } from '../model/media.js';
import type { CustomerVariables } from '../model/tasks.js';

const FIRST = ['Camille', 'Léa', 'Hugo', 'Chloé', 'Lucas', 'Manon', 'Nathan', 'Inès', 'Olivia', 'James', 'Sophie', 'Amir', 'Yasmine', 'Thomas', 'Emma', 'Noah', 'Zoé', 'Mateo', 'Aïcha', 'Grace'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Lefebvre', 'Moreau', 'Nguyen', 'Roux', 'Fontaine', 'Smith', 'Johnson', 'Okafor', 'Haddad', 'Leclerc', 'Garcia', 'Rossi', 'Kowalski'];
const STREETS = ['rue de la République', 'avenue Jean Jaurès', 'boulevard Voltaire', 'Market Street', 'rue des Lilas', 'High Street'];
const CITIES = ['Lyon', 'Paris', 'Nantes', 'Lille', 'Montréal', 'Bordeaux', 'Toulouse', 'Leeds'];

export const QUEUES: Readonly<Record<MediaKind, readonly string[]>> = {
  chat: ['Sales chat', 'Support chat', 'Premium support'],
  sms: ['Billing SMS', 'Delivery SMS'],
  social: ['WhatsApp support', 'Messenger care'],
  email: ['Claims email', 'Customer care email', 'Billing email'],
};

const OPENERS: Readonly<Record<MediaKind, readonly string[]>> = {
  chat: [
    'Hello, I cannot log in to my account since this morning.',
    'Hi! Is the blue model still available in size M?',
    'Bonjour, ma commande n’est toujours pas arrivée.',
    'Hello, I was charged twice for the same order.',
  ],
  sms: ['Where is my parcel? Order 48213', 'STOP sending promos please', 'Can I change my delivery slot to Friday?'],
  social: ['Hi, my card was declined at checkout', 'Bonjour, je voudrais résilier mon abonnement', 'Do you ship to Belgium?'],
  email: [
    'Claim for a damaged washing machine delivered on Monday',
    'Request for a copy of my last three invoices',
    'Change of address for my contract',
  ],
};

const FOLLOW_UPS = [
  'Are you still there?',
  'Thanks, I am checking.',
  'OK, what should I do next?',
  'I tried that already.',
  'Merci beaucoup !',
  'Here is my order number: 55-1290.',
  'It says “error 402”.',
  'Perfect, thank you.',
];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const digits = (random: () => number, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

export function makeCustomer(random: () => number, kind: MediaKind): CustomerVariables {
  const first = pick(random, FIRST);
  const last = pick(random, LAST);
  const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const customer: Record<string, string> = {
    name: `${first} ${last}`,
    email: `${ascii(first)}.${ascii(last)}@example.com`,
    phone: `+33 6 ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)}`,
  };
  if (kind === 'sms') customer['sourceNumber'] = pick(random, ['36 111', '+33 1 84 88 00 00', '38 200']);
  if (kind === 'email') {
    customer['accountNumber'] = `AC-${digits(random, 6)}`;
    customer['address'] = `${1 + Math.floor(random() * 120)} ${pick(random, STREETS)}, ${pick(random, CITIES)}`;
    customer['question'] = pick(random, OPENERS.email);
  }
  return customer;
}

export function makeOpener(random: () => number, kind: MediaKind): string {
  return pick(random, OPENERS[kind]);
}

export function makeFollowUp(random: () => number): string {
  return pick(random, FOLLOW_UPS);
}

export function makeQueue(random: () => number, kind: MediaKind): string {
  return pick(random, QUEUES[kind]);
}

const REPLIES = [
  'OK, thank you.',
  'Thanks! How long will it take?',
  'I see. And what about the refund?',
  'Yes, that is correct.',
  'No, it is still not working.',
  'Great, that helps a lot.',
  'Could you send me the link again?',
  'D’accord, merci.',
  'One moment, I am looking for the number.',
  'Perfect 👍',
];

/** What a customer answers to an agent's message (a reply, after typing). */
export function makeReply(random: () => number): string {
  return pick(random, REPLIES);
}

const JOURNEYS = [
  ['Home', 'Pricing', 'Delivery options', 'Contact us'],
  ['My account', 'Orders', 'Order details', 'Help'],
  ['Help centre', 'Returns and refunds', 'Contact us'],
  ['Home', 'Product page', 'Basket', 'Payment', 'Help'],
];

/** The pages the customer visited before asking for help: the thread's journey announcement. */
export function makeJourney(random: () => number): string {
  return `Visited: ${pick(random, JOURNEYS).join(' › ')}`;
}

/** The bot that talks to customers before an agent takes over. */
export const BOT_NAME = 'Assistant';

/**
 * The bot's part of a conversation before the hand-off, around the customer's opener: lines of
 * `[author, text]`, in order.
 */
export function makeBotExchange(random: () => number, opener: string): [author: 'bot' | 'customer', text: string][] {
  const details = pick(random, [
    'My order number is 55-1290.',
    'It is about my last invoice.',
    'I already tried restarting the app.',
    'The account is in my name.',
  ]);
  return [
    ['bot', 'Hello! I am the virtual assistant. How can I help you?'],
    ['customer', opener],
    ['bot', 'I can help with that. Could you give me a few more details?'],
    ['customer', details],
    ['bot', 'Thank you. I am transferring you to an advisor, please wait a moment.'],
  ];
}

/** Other agents, who handled the customer's earlier interactions (PANE-5). */
const OTHER_AGENTS = ['Julie Mercier', 'Karim Benali', 'Sarah Collins', 'Marc Petit', 'Nadia Haddad'];

const PAST_CUSTOMER = [
  'Hello, I have a question about my contract.',
  'My parcel was left at the wrong address.',
  'Bonjour, je n’ai pas reçu ma facture.',
  'Can I change my payment date?',
  'Thank you, that is all.',
  'It works now.',
  'When will the technician come?',
];

const PAST_AGENT = [
  'Hello, I am checking your file now.',
  'I have updated your details.',
  'The technician will call you before coming.',
  'I have sent you a copy by email.',
  'Is there anything else I can do for you?',
  'Thank you for your patience.',
];

export function makeOtherAgent(random: () => number): string {
  return pick(random, OTHER_AGENTS);
}

export function makePastLine(random: () => number, from: 'customer' | 'agent'): string {
  return pick(random, from === 'customer' ? PAST_CUSTOMER : PAST_AGENT);
}

/** A number from a string (FNV-1a), to seed what is drawn for one customer the same way every time. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
