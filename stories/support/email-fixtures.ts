/**
 * Fixture emails and a small in-memory store for the email thread's stories and tests: the thread
 * selects tasks, messages and drafts and writes drafts; this store holds exactly that, so the thread
 * can be shown in every state without a contact centre behind it.
 */
import { resolveConfig, type DcConfigInput } from '../../src/model/config.js';
import type { Draft } from '../../src/model/draft.js';
import type { EmailConfig, EmailContent } from '../../src/model/email.js';
import type { Message, MessageAttachment, Task } from '../../src/model/tasks.js';
import type { DcStoreApi, StoreListener } from '../../src/store/api.js';
import { initialState, type DcState } from '../../src/store/state.js';

export const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
export const LOGO =
  'data:image/svg+xml;base64,' +
  btoa('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32"><rect width="120" height="32" rx="6" fill="#036"/><text x="12" y="22" fill="#fff" font-size="16">Shop</text></svg>');

export const CUSTOMER = 'Alice Martin <alice.martin@example.com>';
export const AGENT_ADDRESS = 'support@shop.example';
export const TASK_ID = 'email-task-1';

const at = (minutesAgo: number) => Date.now() - minutesAgo * 60_000;

let counter = 0;
/** An email message. */
export function emailMessage(options: {
  id?: string;
  from?: 'customer' | 'agent';
  email?: Partial<EmailContent>;
  text?: string;
  minutesAgo?: number;
  receipt?: Message['receipt'];
  attachments?: MessageAttachment[];
}): Message {
  const from = options.from ?? 'customer';
  const email: EmailContent = {
    from: from === 'customer' ? CUSTOMER : AGENT_ADDRESS,
    to: from === 'customer' ? [AGENT_ADDRESS] : [CUSTOMER],
    cc: [],
    subject: 'My order 55-1290 has not arrived',
    ...options.email,
  };
  return {
    id: options.id ?? `m${++counter}`,
    taskId: TASK_ID,
    from,
    text: options.text ?? 'Hello,\nmy parcel has not arrived yet.',
    at: at(options.minutesAgo ?? 0),
    ...(options.receipt ? { receipt: options.receipt } : {}),
    ...(options.attachments ? { attachments: options.attachments } : {}),
    email,
  };
}

export function announcement(code: string, minutesAgo: number, params?: Record<string, string>): Message {
  return { id: `a${++counter}`, taskId: TASK_ID, from: 'system', text: '', at: at(minutesAgo), announcement: { code, ...(params ? { params } : {}) } };
}

// -------------------------------------------------------------------------------------------------
// Fixture emails

export const PLAIN_TEXT =
  'Hello,\n\nmy parcel (order 55-1290) has not arrived yet. The tracking page https://track.example/55-1290 says "delivered".\n' +
  'Can you help? You can also reach me at alice.martin@example.com.\n\nThanks,\nAlice\n\n' +
  'On Mon, 3 Jun 2024 at 10:02, Shop Support <support@shop.example> wrote:\n> Your order has shipped.\n> Thank you for shopping with us.';

export const plainEmail = (minutesAgo = 5) => emailMessage({ text: PLAIN_TEXT, minutesAgo, email: { cc: ['Bob Martin <bob@example.com>'] } });

export const RICH_HTML =
  '<style>h1{color:#036;font-size:20px} td{padding:4px 8px;border:1px solid #ccc}</style>' +
  '<p><img src="cid:logo@shop" alt="Shop" width="120" height="32"></p>' +
  '<h1>Return request</h1><p>Hello, I would like to <b>return</b> two items from order <i>55-1290</i>:</p>' +
  '<table style="border-collapse:collapse"><tr><td>Blue mug</td><td>2</td><td>€12.00</td></tr><tr><td>Tea towel</td><td>1</td><td>€6.50</td></tr></table>' +
  '<p>The return form is here: <a href="https://shop.example/returns">shop.example/returns</a>.</p><p>Best regards,<br>Alice</p>';

export const richEmail = (minutesAgo = 3) =>
  emailMessage({
    text: 'Return request. Hello, I would like to return two items from order 55-1290.',
    minutesAgo,
    email: { html: RICH_HTML, subject: 'Return request for order 55-1290' },
    attachments: [
      { id: 'logo', name: 'logo.svg', type: 'image/svg+xml', size: 420, url: LOGO, contentId: '<logo@shop>', inline: true },
      { id: 'receipt', name: 'receipt.pdf', type: 'application/pdf', size: 48_213, url: `${PIXEL}` },
    ],
  });

/** A newsletter: a wide table, remote images (held back until loaded). `remote` is where its images come from. */
export function newsletterHtml(remote = 'https://news.example', rows = 3): string {
  const row = (i: number) =>
    `<tr><td style="padding:12px"><img src="${remote}/img/product-${i}.png" width="180" height="120" alt="Product ${i}"></td>` +
    `<td style="padding:12px;font-family:Georgia,serif"><h2 style="margin:0 0 6px">Spring offer ${i}</h2><p>Everything for the garden, ${i * 10}% off this week only. ` +
    `<a href="${remote}/offer/${i}">See the offer</a></p></td></tr>`;
  return (
    `<style>.wrap{background:#f4f4f4} .inner{width:640px;background:#fff}</style>` +
    `<div class="wrap"><table class="inner" width="640" cellpadding="0" cellspacing="0" style="background:url(${remote}/img/bg.png)">` +
    `<tr><td colspan="2"><img src="${remote}/img/banner.png" width="640" height="160" alt="Spring at Garden Co"></td></tr>` +
    Array.from({ length: rows }, (_, i) => row(i + 1)).join('') +
    `<tr><td colspan="2" style="font-size:11px;color:#666;padding:12px">You receive this email because you subscribed. <a href="${remote}/unsubscribe">Unsubscribe</a></td></tr></table></div>`
  );
}

export const newsletterEmail = (minutesAgo = 60, remote?: string) =>
  emailMessage({
    text: 'Spring offers at Garden Co.',
    minutesAgo,
    email: { from: 'Garden Co <news@garden.example>', subject: 'Spring offers: up to 30% off', html: newsletterHtml(remote) },
  });

export const QUOTED_HTML =
  '<div dir="ltr">Thanks, the parcel arrived this morning. One mug is broken though: what should I do?</div><br>' +
  '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Tue, 4 Jun 2024 at 09:12, Shop Support &lt;support@shop.example&gt; wrote:<br></div>' +
  '<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">' +
  '<p>Hello Alice, your parcel is on its way again with a new tracking number.</p>' +
  '<div class="gmail_quote">On Mon, 3 Jun 2024, Alice wrote:<blockquote style="border-left:1px #ccc solid;padding-left:1ex"><p>My parcel has not arrived.</p></blockquote></div>' +
  '</blockquote></div>';

export const quotedEmail = (minutesAgo = 1) =>
  emailMessage({ text: 'Thanks, the parcel arrived this morning. One mug is broken though: what should I do?', minutesAgo, email: { html: QUOTED_HTML, subject: 'Re: My order 55-1290 has not arrived' } });

export const pciEmail = (minutesAgo = 2) =>
  emailMessage({
    text: 'Here is a photo of my card for the refund.',
    minutesAgo,
    email: { subject: 'Refund' },
    attachments: [
      { id: 'card', name: 'card-photo.jpg', type: 'image/jpeg', size: 1_204_331, url: PIXEL, pciBlocked: 'It looks like a payment card number. Ask the customer for another way to pay.' },
      { id: 'broken', name: 'broken-mug.png', type: 'image/png', size: 82_112, url: PIXEL },
    ],
  });

export const agentReply = (minutesAgo = 4, receipt: Message['receipt'] = 'delivered') =>
  emailMessage({
    from: 'agent',
    minutesAgo,
    receipt,
    text: 'Hello Alice,\nwe are sorry: we are looking into it and will come back to you today.\nShop Support',
    email: { subject: 'Re: My order 55-1290 has not arrived', cc: ['Bob Martin <bob@example.com>'] },
  });

// -------------------------------------------------------------------------------------------------
// A store of one email task

export interface EmailStore extends DcStoreApi {
  /** A message arrives in the task. */
  add(message: Message): void;
  /** What `setDraft` was given, in order. */
  readonly drafts: (Draft | undefined)[];
}

/** A configuration with one email media, the agent's own address set, and `email` over it. */
export function emailConfig(email: Partial<EmailConfig> = {}): DcConfigInput {
  return { agent: { id: 'sam', name: 'Sam' }, media: { email: { kind: 'email', email: { selfAddresses: [AGENT_ADDRESS], ...email } } } };
}

/** A store holding one accepted email task with `messages`; `draft` as the task's draft. */
export function emailStore(messages: readonly Message[], options: { config?: DcConfigInput; draft?: Draft } = {}): EmailStore {
  const config = resolveConfig(options.config ?? emailConfig());
  const media: Record<string, DcState['media'][string]> = {};
  const task: Task = {
    id: TASK_ID,
    media: 'email',
    status: 'active',
    queue: 'Support',
    customer: { name: 'Alice Martin', email: 'alice.martin@example.com' },
    offeredAt: at(30),
    expiresAt: at(29),
    acceptedAt: at(29),
  };
  let state: DcState = initialState(media);
  const rec = <T>(entries: Record<string, T>) => Object.assign(Object.create(null) as Record<string, T>, entries);
  state = {
    ...state,
    connection: 'online',
    tasks: rec({ [TASK_ID]: task }),
    messages: rec({ [TASK_ID]: [...messages] }),
    drafts: rec(options.draft ? { [TASK_ID]: options.draft } : {}),
    selectedTaskId: TASK_ID,
  };
  const listeners = new Set<StoreListener>();
  const drafts: (Draft | undefined)[] = [];
  const set = (next: DcState) => {
    const previous = state;
    state = next;
    for (const l of [...listeners]) l(state, previous);
  };
  const noop = () => undefined;
  const store = {
    config,
    get state() {
      return state;
    },
    ready: Promise.resolve(),
    controlsEnabled: true,
    canSignOut: true,
    now: () => Date.now(),
    subscribe(listener: StoreListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setDraft(taskId: string, draft: Draft | undefined) {
      drafts.push(draft);
      const next = rec({ ...state.drafts });
      if (draft) next[taskId] = draft;
      else delete next[taskId];
      set({ ...state, drafts: next });
    },
    add(message: Message) {
      set({ ...state, messages: rec({ ...state.messages, [TASK_ID]: [...(state.messages[TASK_ID] ?? []), message] }) });
    },
    drafts,
    loadHistory: noop,
    attachmentData: () => Promise.resolve(undefined),
  };
  // The store's other intents do nothing here.
  for (const name of METHODS) if (!(name in store)) (store as Record<string, unknown>)[name] = noop;
  return store as unknown as EmailStore;
}

const METHODS = [
  'signIn', 'setState', 'setMediaState', 'signOut', 'accept', 'acceptAll', 'end', 'selectTask', 'selectAdjacent', 'setHidden',
  'dismissNotification', 'holdNotifications', 'attach', 'detach', 'send', 'retry', 'discard', 'agentTyping', 'loadCatalogue',
  'triggerWorkflow', 'chooseWrapUp', 'closeWrapUp', 'confirmSignOut', 'transfer', 'retryTransfer', 'dismissTransfer',
  'editCustomer', 'discardCustomerEdits', 'saveCustomer',
];
