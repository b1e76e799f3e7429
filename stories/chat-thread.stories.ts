/**
 * `<dc-chat-thread>`: the interaction pane of a chat, SMS or social task in every look the SPEC gives it
 * (PANE-1..5). Each story reaches its state as it happens on an agent desktop: signed in and Ready, an
 * offer accepted, the customer writing, the agent sending, the server refusing or failing to deliver,
 * the connection dropping.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { OfferOptions, SimulatedBackendOptions } from '../src/simulator/index.js';
import type { DcTheme } from '../src/elements/provider/provider.js';
import { scenarioElement, step, type Scenario, type ScenarioOptions, type ScenarioStep } from './support/scenario.js';
import '../src/elements/chat-thread/chat-thread.js';

const describe = (text: string) => ({ docs: { description: { story: text } } });

const meta: Meta = {
  title: 'Conversation/Chat thread',
  component: 'dc-chat-thread',
  parameters: {
    docs: {
      description: {
        component:
          'The conversation of a chat, SMS or social task: the earlier interactions with the customer, the bot’s ' +
          'part before the hand-off, and this task’s messages. Customer messages are grey with their initials; ' +
          'agent messages solid blue; every outgoing message shows its receipt, and a failed one offers Retry. ' +
          'Announcements sit between the messages. Thousands of messages scroll smoothly; the view follows new ' +
          'messages while it is at the bottom.',
      },
    },
  },
};
export default meta;

/** The pane as it sits in the tasks window: a column of fixed height that the thread fills. */
const pane = (): TemplateResult =>
  html`<div
    style="display: flex; flex-direction: column; width: min(38rem, 100%); height: 30rem; border: 1px solid var(--dc-color-border, #c9d0d8)"
  >
    <dc-chat-thread></dc-chat-thread>
  </div>`;

const ALICE: OfferOptions = {
  queue: 'Sales',
  customer: { name: 'Alice Martin', email: 'alice.martin@example.com' },
  text: 'Hello, my parcel has not arrived yet. Order 55-1290.',
};

/** Signed in, Ready, then an offer from Alice accepted: the thread shows her conversation. */
const withAlice = (offer: OfferOptions = {}): ScenarioStep[] => [
  step.signIn(),
  step.ready('all'),
  step.offer('chat', { ...ALICE, ...offer }),
  step.accept(0),
];

interface ThreadStory {
  name: string;
  steps: ScenarioStep[];
  backend?: ScenarioOptions['backend'];
  theme?: DcTheme;
  after?: (scenario: Scenario) => Promise<void>;
}

function threadStory(options: ThreadStory): HTMLElement {
  return scenarioElement({
    name: options.name,
    content: pane(),
    steps: options.steps,
    ...(options.backend ? { backend: options.backend } : {}),
    ...(options.theme ? { theme: options.theme } : {}),
    after: async (s) => {
      await options.after?.(s);
      await rowsOnShow(s);
    },
  });
}

/**
 * Resolves once the thread shows its newest rows, its history loaded unless the story holds it (the
 * virtualised list renders a frame or two after the store has settled).
 */
async function rowsOnShow(s: Scenario, limitMs = 5000): Promise<void> {
  const thread = s.provider.querySelector('dc-chat-thread');
  if (!thread) return;
  await thread.updateComplete;
  const start = performance.now();
  let last = '';
  let still = 0;
  while (still < 3 && performance.now() - start < limitMs) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const log = thread.shadowRoot?.querySelector<HTMLElement>('[part~="log"]');
    const loading = thread.matches(':state(loading)') && !s.backend.isHeld('history');
    const rows = log?.querySelectorAll('[part~="row"]').length ?? 0;
    const atEnd = !!log && log.scrollHeight - log.scrollTop - log.clientHeight <= 2;
    const now = `${rows}:${log?.scrollTop}:${log?.scrollHeight}`;
    still = !loading && rows > 0 && atEnd && now === last ? still + 1 : 0;
    last = now;
  }
}

/** A short exchange on today's task, with one reply from the agent. */
const CONVERSATION: ScenarioStep[] = [
  ...withAlice(),
  step.send(0, 'Hello Alice, I am sorry to hear that. Let me check where it is.'),
  step.message(0, 'Thank you. The tracking page is https://tracking.example.com/55-1290 and it says nothing.'),
  step.send(0, 'It left our warehouse yesterday.\nYou will receive it tomorrow before noon.'),
];

/** Receipts that move on to "delivered" after a moment and stay there: the customer reads nothing for a while. */
const DELIVERED_NOT_READ: Pick<SimulatedBackendOptions, 'deliveredAfterMs' | 'readAfterMs'> = {
  deliveredAfterMs: 800,
  readAfterMs: 600_000,
};

/** Receipts that reach "read" at once. */
const QUICK_RECEIPTS: Pick<SimulatedBackendOptions, 'deliveredAfterMs' | 'readAfterMs'> = { deliveredAfterMs: 50, readAfterMs: 50 };

/** PANE-2. */
export const Conversation: StoryObj = {
  name: 'Conversation',
  parameters: describe(
    'PANE-2: the customer’s messages in grey bubbles with her initials, the agent’s in solid blue, each with its ' +
      'sender and time. White space is kept; addresses become links that open in a new tab.',
  ),
  render: () =>
    threadStory({ name: 'thread-conversation', backend: QUICK_RECEIPTS, steps: [...CONVERSATION, step.receipts(300)] }),
};

/** PANE-1. */
export const Loading: StoryObj = {
  name: 'Loading the history',
  parameters: describe(
    'PANE-1: the task was just accepted and its earlier conversation is on its way: the thread says so above ' +
      'the messages it already has.',
  ),
  render: () => threadStory({ name: 'thread-loading', steps: [step.hold('history'), ...withAlice()] }),
};

/** PANE-1. */
export const HistoryFailed: StoryObj = {
  name: 'History failed, with Retry',
  parameters: describe(
    'PANE-1: the earlier conversation could not be loaded. The reason shows with Retry; the task’s own messages ' +
      'stay on show.',
  ),
  render: () =>
    threadStory({
      name: 'thread-history-failed',
      backend: { historySize: 12 },
      steps: [step.failHistory({ reason: 'The history service is not answering' }), ...withAlice()],
    }),
};

/** PANE-1, PANE-5. */
export const LongHistory: StoryObj<{ messages: number }> = {
  name: 'Long history',
  args: { messages: 5000 },
  argTypes: { messages: { control: { type: 'range', min: 0, max: 20000, step: 500 } } },
  parameters: describe(
    'PANE-1, PANE-5: years of earlier conversations with other agents, each behind its “Earlier conversation” ' +
      'separator. Only the rows in view are in the page, so thousands of messages scroll smoothly; the thread ' +
      'opens at the newest message. Home and End jump to either end.',
  ),
  render: (args) =>
    threadStory({ name: 'thread-long', backend: { historySize: args.messages }, steps: withAlice() }),
};

/** PANE-1, PANE-3. */
export const BotHistory: StoryObj = {
  name: 'Bot conversation before the hand-off',
  parameters: describe(
    'PANE-1, PANE-3: the customer first talked to the virtual assistant. Its messages are labelled “Automated”; ' +
      'the customer’s journey comes first and the hand-off to the agent closes the bot’s part.',
  ),
  render: () => threadStory({ name: 'thread-bot', steps: withAlice({ botHistory: true }) }),
};

/** PANE-3, PANE-5, COMP-10. */
export const Announcements: StoryObj = {
  name: 'Announcements',
  parameters: describe(
    'PANE-3: the journey summary and the hand-off, an earlier interaction with its agent joining and the ' +
      'conversation closed (with its time), a workflow that ran and one that failed, and the customer leaving.',
  ),
  render: () =>
    threadStory({
      name: 'thread-announcements',
      backend: { historySize: 6 },
      steps: [
        ...withAlice({ botHistory: true }),
        step.workflow(0, 'survey'),
        step.workflow(0, 'escalate'),
        step.customerLeaves(0),
      ],
    }),
};

/** PANE-4, COMP-12. */
export const Receipts: StoryObj = {
  name: 'Every receipt',
  parameters: describe(
    'PANE-4: under each outgoing message its receipt: read (the earlier agent’s messages), delivered, sent; a ' +
      'message the server refused (Retry or Discard) and one it could not deliver (Retry). Then the connection ' +
      'dropped: the last message waits for it, shown as sending (COMP-12).',
  ),
  render: () =>
    threadStory({
      name: 'thread-receipts',
      backend: { historySize: 6, ...DELIVERED_NOT_READ },
      steps: [
        ...withAlice(),
        step.send(0, 'Delivered: the customer’s phone has it.'),
        step.wait(1000),
        step.failSends({ mode: 'delivery', reason: 'The customer’s device is unreachable' }),
        step.send(0, 'Not delivered: Retry sends it again, once.'),
        step.failSends({ mode: 'reject', reason: 'Message refused by the server' }),
        step.send(0, 'Refused: Retry or Discard.'),
        step.send(0, 'Sent: the server has it.'),
        step.dropConnection(),
        step.send(0, 'Queued: it goes when the connection returns.'),
      ],
    }),
};

/** PANE-2. */
export const Typing: StoryObj = {
  name: 'Customer typing',
  parameters: describe('The customer is typing: the thread says so under the last message (for a few seconds).'),
  render: () => threadStory({ name: 'thread-typing', steps: [...withAlice(), step.customerTyping(0)] }),
};

/** HOSTILE-17. */
export const LookAlikeLink: StoryObj = {
  name: 'Link with a look-alike address',
  parameters: describe(
    'HOSTILE-17: a customer writes https://аpple.com/login with a Cyrillic "а": the link shows the address it goes ' +
      'to, https://xn--pple-43d.com/login, as browsers show it.',
  ),
  render: () =>
    threadStory({
      name: 'thread-look-alike-link',
      steps: [...withAlice(), step.message(0, 'Your bank says: log in at https://аpple.com/login to confirm the refund.')],
    }),
};

/** HOSTILE-18. */
export const HeldPicture: StoryObj = {
  name: 'Customer picture waiting for "Load image"',
  parameters: describe(
    'HOSTILE-18: a picture a customer sent from a remote address shows by name and size with "Load image": ' +
      'nothing is fetched until the agent asks (unless its origin is listed in `remoteImages`).',
  ),
  render: () =>
    threadStory({
      name: 'thread-held-picture',
      steps: withAlice(),
      after: async (s) => {
        const taskId = s.store?.state.selectedTaskId;
        if (!taskId) return;
        const url = 'https://files.example.com/uploads/parcel-label.jpg';
        s.backend.injectRawEvent({
          type: 'message',
          seq: s.backend.nextSeq,
          at: Date.now(),
          message: {
            id: 'held-picture',
            taskId,
            from: 'customer',
            text: 'Here is a photo of the label.',
            at: Date.now(),
            attachments: [{ id: 'label', name: 'parcel-label.jpg', type: 'image/jpeg', size: 184_000, url, thumbnailUrl: url }],
          },
        });
      },
    }),
};

/** PANE-2. */
export const Attachments: StoryObj = {
  name: 'Attachments',
  parameters: describe(
    'PANE-2: a picture as a thumbnail that opens the file, and a document as a download link with its size.',
  ),
  render: () =>
    threadStory({
      name: 'thread-attachments',
      steps: withAlice(),
      after: async (s) => {
        const store = s.store;
        const taskId = store?.state.selectedTaskId;
        if (!store || !taskId) return;
        const png = await pngFile();
        const pdf = new File([new Uint8Array(48_000)], 'delivery-note.pdf', { type: 'application/pdf' });
        await store.attach(taskId, [png, pdf]);
        store.send(taskId, { text: 'Here is the delivery note and a photo of the label.', attachments: store.state.drafts[taskId]?.attachments ?? [] });
        await new Promise<void>((resolve) => {
          const off = store.subscribe((state) => {
            if (state.messages[taskId]?.some((m) => m.attachments?.length)) {
              off();
              resolve();
            }
          });
        });
      },
    }),
};

/** EMBED-4. */
export const Dark: StoryObj = {
  name: 'Dark theme',
  parameters: describe('EMBED-4: the same conversation in the dark theme, with the earlier conversation and a failure.'),
  render: () =>
    threadStory({
      name: 'thread-dark',
      theme: 'dark',
      backend: { historySize: 6, ...QUICK_RECEIPTS },
      steps: [
        ...CONVERSATION,
        step.receipts(300),
        step.failSends({ mode: 'delivery' }),
        step.send(0, 'This one could not be delivered.'),
      ],
    }),
};

/** A small picture drawn on a canvas: a label with a parcel number. */
async function pngFile(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 160;
  canvas.height = 100;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#f4e3c1';
  g.fillRect(0, 0, 160, 100);
  g.fillStyle = '#1d2127';
  g.font = '16px sans-serif';
  g.fillText('Parcel 55-1290', 16, 55);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return new File([blob ?? new Blob()], 'label.png', { type: 'image/png' });
}
