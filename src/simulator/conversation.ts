/**
 * The simulated conversation in the tasks the agent holds: customers who type and write, on their own
 * and in reply to the agent; receipts for the agent's messages (PANE-4); the bot's part before a chat
 * reaches the agent, and the announcements the server adds to a thread (PANE-3).
 */
import type { MediaKind } from '../model/media.js';
import { messageLength } from '../model/compose.js';
import { isHeld, type Announcement, type Message, type MessageAttachment, type Receipt, type Task } from '../model/tasks.js';
import { DcBackendError, type OutgoingAttachment, type OutgoingMessage } from '../backend/types.js';
import { senderAddress, sentEmail } from '../model/email.js';
import { BOT_NAME, makeBotExchange, makeFollowUp, makeJourney, makeOpener, makeReply } from './customers.js';
import { EMAIL_SAMPLES, plainEmail, plainFollowUp, taskRandom, type EmailContext, type EmailSample, type InboundEmail } from './email-basics.js';

/** The email writers of emails.ts, once it has loaded. */
export type EmailWriters = typeof import('./emails.js');
import type { InjectedFailures } from './failures.js';
import { draw, poissonWait, type Duration } from './random.js';
import type { SimulatedServer } from './server.js';

const CUSTOMER_LEFT = 'The customer has left the conversation';

/** The timers that are the customer's doing, stopped when the customer is gone. */
const CUSTOMER_TIMERS = ['message', 'write', 'reply', 'receipt'];

export interface ConversationOptions {
  agentName: string;
  /** The agent's id: the sender of their emails when the email media has no address of its own. */
  agentId: string;
  /** Follow-up emails a minute from the customer of each held email task. */
  emailFollowUpsPerMinute: number;
  /** From the agent's email reaching the server to the mail server sending it (MAIL-1: sending → sent). */
  emailSentAfter: Duration;
  messagesPerMinute: number;
  replyRate: number;
  botHistory: boolean;
  deliveredAfter: Duration;
  readAfter: Duration;
  replyAfter: Duration;
  typingFor: Duration;
}

/** What an offer opens with (see `OfferOptions`). */
export interface Opening {
  text?: string | null;
  botHistory?: boolean;
  /** Which kind of email an email task opens with (drawn per task without it; see emails.ts). */
  email?: EmailSample;
}

export class Conversation {
  #server: SimulatedServer;
  #failures: InjectedFailures;
  #options: ConversationOptions;
  #agentTyping = new Set<string>();
  /** Until emails.ts has loaded (before `connect()` resolves), email tasks get plain emails. */
  #emails: EmailWriters | undefined;
  #typingCalls = 0;

  constructor(server: SimulatedServer, failures: InjectedFailures, options: ConversationOptions) {
    this.#server = server;
    this.#failures = failures;
    this.#options = options;
  }

  /**
   * An offer's first message, the email's question for email, unless `text` says otherwise; chats and
   * social tasks with `botHistory` open on the bot's part of the conversation before it (PANE-3).
   */
  open(task: Task, kind: MediaKind, opening: Opening, now: number): void {
    const random = this.#server.random;
    if (kind === 'email') return this.#openEmail(task, opening);
    const text = opening.text === undefined ? makeOpener(random, kind) : opening.text;
    if (text && (opening.botHistory ?? this.#options.botHistory) && (kind === 'chat' || kind === 'social')) {
      this.#addBotHistory(task.id, text, now);
    } else if (text) this.#server.addMessage(task.id, 'customer', text);
  }

  /** COMP-1, PANE-4: an agent message, once per client id (see `SimulatedBackend.send`). */
  send(message: OutgoingMessage): void {
    const server = this.#server;
    const task = server.held(message.taskId);
    this.#checkOutgoing(task, message);
    const known = server.state.messages[task.id]?.find((m) => m.from === 'agent' && m.clientId === message.clientId);
    if (known && known.receipt !== 'failed') return;
    const failure = this.#failures.takeSend();
    if (failure?.mode === 'reject') throw new DcBackendError('rejected', failure.reason);
    let id: string;
    if (known) {
      id = known.id;
      this.#setReceipt(task.id, id, 'sent');
    } else {
      // MAIL-1: an email goes out from the media's own address, as sent; the mail server sends it next.
      const from = message.email ? senderAddress(this.#server.mediaConfig(task.media)?.email ?? { selfAddresses: [] }, this.#options.agentId) : '';
      id = server.addMessage(task.id, 'agent', message.text, {
        name: this.#options.agentName,
        clientId: message.clientId,
        receipt: message.email ? 'sending' : 'sent',
        ...(message.attachments.length ? { attachments: message.attachments.map(served) } : {}),
        ...(message.email ? { email: sentEmail(message.email, from) } : {}),
      }).id;
    }
    const undeliverable = failure?.reason ?? (server.state.left[task.id] ? CUSTOMER_LEFT : undefined);
    if (undeliverable) this.#setReceipt(task.id, id, 'failed', undeliverable);
    else this.armReceipt(task.id, id);
  }

  /** The email writers are loaded (see simulated.ts). */
  useEmails(writers: EmailWriters): void {
    this.#emails = writers;
  }

  /** The agent is (or stopped) typing in a held task. */
  agentTypes(taskId: string, typing: boolean): void {
    this.#server.held(taskId);
    this.#typingCalls += 1;
    if (typing) this.#agentTyping.add(taskId);
    else this.#agentTyping.delete(taskId);
  }

  agentTyping(taskId: string): boolean {
    return this.#agentTyping.has(taskId);
  }

  get typingCalls(): number {
    return this.#typingCalls;
  }

  /**
   * The customer writes: in an email task, a follow-up email (see `customerEmail`); one with a given
   * `text` is that text alone, quoting nothing (a scripted message reads as written).
   */
  customerMessage(taskId: string, text?: string): Message {
    const task = this.#server.task(taskId);
    if (this.#server.kind(task) === 'email') return this.customerEmail(taskId, text, text === undefined);
    return this.#server.addMessage(taskId, 'customer', text ?? makeFollowUp(this.#server.random));
  }

  /**
   * MAIL-4: the customer of an email task sends another email now: "Re: " the conversation's subject,
   * over the last email quoted as Gmail quotes it. `text` is its body (a drawn one without it).
   */
  customerEmail(taskId: string, text?: string, quoting = true): Message {
    const server = this.#server;
    const task = server.task(taskId);
    const list = server.state.messages[taskId] ?? [];
    const ctx = this.#emailContext(task, `follow-up:${list.length}`);
    const last = list.findLast((m) => m.email);
    const subject = list.find((m) => m.email)?.email?.subject ?? ctx.subject;
    const writers = this.#emails;
    const body = text ?? writers?.makeFollowUpText(ctx.random, ctx.name) ?? 'Hello,\n\nAny news about this?';
    const quoted = quoting && last ? { from: last.email!.from, at: last.at, text: last.text } : undefined;
    return this.#addEmail(taskId, writers ? writers.followUpEmail({ ...ctx, subject }, body, quoted) : plainFollowUp({ ...ctx, subject }, body));
  }

  customerTyping(taskId: string, typing: boolean): void {
    this.#server.task(taskId);
    this.#server.emit({ type: 'typing', taskId, typing });
  }

  customerLeaves(taskId: string): void {
    const server = this.#server;
    if (!isHeld(server.task(taskId)) || server.state.left[taskId]) return;
    this.#stopCustomer(taskId);
    server.state.left[taskId] = true;
    this.announce(taskId, CUSTOMER_LEFT, { code: 'customer-left' });
  }

  /**
   * A held task ends, closed or transferred: its customer stops, and the conversation's record says how
   * it ended, for whoever reads it next (PANE-3, PANE-5).
   */
  finish(task: Task, status: 'closed' | 'transferred', to: string = task.queue): Message[] {
    this.#stopCustomer(task.id);
    if (status === 'closed') this.announce(task.id, 'Conversation closed', { code: 'closed' });
    else this.announce(task.id, 'Conversation transferred', { code: 'transferred', params: { to } });
    // The record as it ends, for whoever takes the conversation next (XFER-4).
    const transcript = [...(this.#server.state.messages[task.id] ?? [])];
    const cause = status === 'closed' ? 'ended' : 'transferred';
    this.#server.taskUpdate({ ...task, status, endedAt: this.#server.clock.now() }, cause);
    return transcript;
  }

  /** A system message that is an announcement (PANE-3), worded by the server in `text`. */
  announce(taskId: string, text: string, announcement: Announcement, at?: number): Message {
    return this.#server.addMessage(taskId, 'system', text, { announcement, ...(at !== undefined ? { at } : {}) });
  }

  /** The customer of a held task writes now and then (`messagesPerMinute`), until they are gone. */
  scheduleMessage(taskId: string): void {
    const server = this.#server;
    const task = server.lookup(taskId);
    const email = !!task && server.kind(task) === 'email';
    const perMinute = email ? this.#options.emailFollowUpsPerMinute : this.#options.messagesPerMinute;
    if (perMinute <= 0 || server.closed || server.scheduled(`message:${taskId}`)) return;
    if (server.state.left[taskId]) return;
    server.schedule(`message:${taskId}`, poissonWait(server.random, perMinute), () => {
      if (!this.#customerPresent(taskId)) return;
      this.#customerWrites(taskId, email ? undefined : makeFollowUp(server.random));
      this.scheduleMessage(taskId);
    });
  }

  /**
   * Schedules an agent message's next receipt: sent → delivered → read (PANE-4). An email goes sending
   * → sent → delivered (the delivery report, MAIL-1) and is never read: mail has no read receipt here,
   * and its customer may answer once it is delivered.
   */
  armReceipt(taskId: string, messageId: string): void {
    const server = this.#server;
    const message = server.state.messages[taskId]?.find((m) => m.id === messageId);
    const email = !!message?.email;
    const next: Receipt | undefined =
      message?.receipt === 'sending'
        ? 'sent'
        : message?.receipt === 'sent'
          ? 'delivered'
          : message?.receipt === 'delivered' && !email
            ? 'read'
            : undefined;
    if (!next) return;
    const wait = draw(server.random, next === 'sent' ? this.#options.emailSentAfter : next === 'delivered' ? this.#options.deliveredAfter : this.#options.readAfter);
    server.schedule(`receipt:${taskId}:${messageId}`, wait, () => {
      if (!this.#customerPresent(taskId)) return;
      this.#setReceipt(taskId, messageId, next);
      if (next === 'read' || (email && next === 'delivered')) this.#maybeReply(taskId);
      else this.armReceipt(taskId, messageId);
    });
  }

  /** COMP-3: what the server refuses to send: nothing at all, or more than the media takes. */
  #checkOutgoing(task: Task, message: OutgoingMessage): void {
    const max = this.#server.mediaConfig(task.media)?.maxChars ?? Infinity;
    if (message.text.trim() === '' && message.attachments.length === 0) {
      throw new DcBackendError('invalid', 'The message is empty');
    }
    if (messageLength(message.text) > max) throw new DcBackendError('invalid', `The message is longer than ${max} characters`);
  }

  #setReceipt(taskId: string, messageId: string, receipt: Receipt, reason?: string): void {
    const list = this.#server.state.messages[taskId];
    const i = list?.findIndex((m) => m.id === messageId) ?? -1;
    if (!list || i < 0) return;
    const { failure: _previous, ...rest } = list[i]!;
    list[i] = { ...rest, receipt, ...(reason ? { failure: reason } : {}) };
    this.#server.emit({ type: 'receipt', taskId, messageId, receipt, ...(reason ? { reason } : {}) });
  }

  /** Whether a held task's customer is still there to write. */
  #customerPresent(taskId: string): boolean {
    const task = this.#server.lookup(taskId);
    return !!task && isHeld(task) && !this.#server.state.left[taskId];
  }

  /**
   * The customer types for a while, then their message arrives (it implies they stopped typing). An
   * email's customer writes it elsewhere: no typing is shown, the email arrives after the same while.
   */
  #customerWrites(taskId: string, text: string | undefined): void {
    const server = this.#server;
    if (server.scheduled(`write:${taskId}`)) return;
    const task = server.lookup(taskId);
    if (!task || server.kind(task) !== 'email') this.customerTyping(taskId, true);
    server.schedule(`write:${taskId}`, draw(server.random, this.#options.typingFor), () => {
      if (this.#customerPresent(taskId)) this.customerMessage(taskId, text);
    });
  }

  /** Once the agent's message is read, the customer may answer (`replyRate`). */
  #maybeReply(taskId: string): void {
    const server = this.#server;
    const rate = this.#options.replyRate;
    if (rate <= 0 || server.scheduled(`reply:${taskId}`) || server.scheduled(`write:${taskId}`)) return;
    if (server.random() >= rate) return;
    server.schedule(`reply:${taskId}`, draw(server.random, this.#options.replyAfter), () => {
      if (!this.#customerPresent(taskId)) return;
      const task = server.lookup(taskId);
      this.#customerWrites(taskId, task && server.kind(task) === 'email' ? undefined : makeReply(server.random));
    });
  }

  /** Stops everything the customer of a task had under way (typing, replies, receipts). */
  #stopCustomer(taskId: string): void {
    for (const key of this.#server.timerKeys()) {
      const [kind, id] = key.split(':');
      if (id === taskId && CUSTOMER_TIMERS.includes(kind!)) this.#server.cancel(key);
    }
  }

  /** MAIL-1..3: an email task opens on the customer's email: drawn per task, or the one asked for. */
  #openEmail(task: Task, opening: Opening): void {
    if (opening.text === null) return;
    const ctx = this.#emailContext(task, 'open');
    const sample = opening.email ?? EMAIL_SAMPLES[Math.floor(ctx.random() * EMAIL_SAMPLES.length)]!;
    const writers = this.#emails;
    if (opening.text !== undefined) this.#addEmail(task.id, plainEmail(ctx, opening.text));
    else this.#addEmail(task.id, writers ? writers.inboundEmail(sample, ctx) : plainEmail(ctx, ctx.subject));
  }

  /** Who writes in an email task, to which address, about what; drawn from the task's own generator. */
  #emailContext(task: Task, purpose: string): EmailContext {
    const server = this.#server;
    const own = server.mediaConfig(task.media)?.email.selfAddresses[0];
    return {
      name: task.customer['name'] || 'Customer',
      address: task.customer['email'] || 'customer@example.com',
      support: own ?? 'support@example.com',
      subject: task.customer['question'] || 'Your request',
      taskId: task.id,
      at: server.clock.now(),
      random: taskRandom(server.seed, `${task.id}:${purpose}`),
    };
  }

  #addEmail(taskId: string, inbound: InboundEmail): Message {
    return this.#server.addMessage(taskId, 'customer', inbound.text, {
      email: inbound.email,
      ...(inbound.attachments?.length ? { attachments: [...inbound.attachments] } : {}),
    });
  }

  /** PANE-3: the journey, the bot's exchange with the customer, and the hand-off, before the offer. */
  #addBotHistory(taskId: string, opener: string, now: number): void {
    const server = this.#server;
    const lines = makeBotExchange(server.random, opener);
    const step = 20_000;
    let at = now - (lines.length + 1) * step;
    this.announce(taskId, makeJourney(server.random), { code: 'journey' }, at);
    for (const [from, text] of lines) {
      at += step;
      server.addMessage(taskId, from, text, { at, ...(from === 'bot' ? { name: BOT_NAME } : {}) });
    }
    const handoff = { code: 'handoff', params: { name: BOT_NAME } };
    this.announce(taskId, `${BOT_NAME} handed the conversation over to an agent`, handoff, now);
  }
}

/** A sent file as the server serves it: at a URL of its own (images are their own thumbnail). */
function served(file: OutgoingAttachment): MessageAttachment {
  const url = URL.createObjectURL(file.data);
  return {
    id: file.id,
    name: file.name,
    type: file.type,
    size: file.size,
    url,
    ...(file.type.startsWith('image/') ? { thumbnailUrl: url } : {}),
  };
}
