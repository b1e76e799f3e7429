/**
 * The embedded simulated contact centre: the kit's default backend, used by the demo, the stories and
 * the tests. Deterministic from a seed and an injectable clock; failures are injected on purpose.
 */
import {
  signedInState,
  signedOutState,
  type MediaState,
  type StateTarget,
} from '../model/agent-state.js';
import { resolveConfig, type DcConfig, type SignOutDisposition } from '../model/config.js';
import { MEDIA_KINDS, type MediaId, type MediaKind } from '../model/media.js';
import { pickText } from '../model/text.js';
import { messageLength } from '../model/compose.js';
import {
  canPresentOffer,
  isHeld,
  missedOfferChanges,
  type Announcement,
  type Message,
  type MessageAttachment,
  type Receipt,
  type Task,
} from '../model/tasks.js';
import { validateWorkflowParams, type Catalogue, type Workflow } from '../model/workflows.js';
import { ESCALATION_FAILURE, FAILING_WORKFLOW_ID, SAMPLE_CATALOGUE } from './catalogue.js';
import { realClock, type Clock } from '../backend/clock.js';
import {
  BOT_NAME,
  hashString,
  makeBotExchange,
  makeCustomer,
  makeFollowUp,
  makeJourney,
  makeOpener,
  makeOtherAgent,
  makePastLine,
  makeQueue,
  makeReply,
} from './customers.js';
import {
  DcBackendError,
  type BackendListener,
  type ConnectionStatus,
  type DcBackend,
  type DcEvent,
  type DcSnapshot,
  type OutgoingAttachment,
  type OutgoingMessage,
  type StateCause,
  type TaskCause,
} from '../backend/types.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A small, fast, seedable PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A duration in ms: a number, or [min, max] drawn from the seeded generator. */
export type Duration = number | readonly [number, number];

export interface SimulatedBackendOptions {
  /**
   * The agent's media settings (capacity, accept timers, groups): the resolved configuration the kit
   * uses. Without it, `media` ids get the defaults of the kind they name (others behave like chat).
   */
  config?: DcConfig;
  /** The media this agent is assigned, when no `config` is given. Defaults to chat, sms, social, email. */
  media?: readonly MediaId[];
  /**
   * Offers routed to the agent by themselves: offers per minute for every media, or per media id.
   * Off by default (tests and stories make offers with `offer()`); the demo turns it on.
   */
  offersPerMinute?: number | Readonly<Record<MediaId, number>>;
  /** Customer messages per minute in each held task, by themselves. Off by default. */
  messagesPerMinute?: number;
  /** Chance (0–1) that a customer gives up an offer before its timer ends (the offer is rescinded). */
  abandonRate?: number;
  /** Seeds every random choice, so a run can be repeated. */
  seed?: number;
  clock?: Clock;
  /** Server round-trip in ms: a number, or [min, max] drawn from the seeded generator. */
  latencyMs?: number | readonly [number, number];
  /**
   * Keeps the simulated server's state in this storage, so that a page reload finds the "server" as it
   * was (the demo uses localStorage; tests leave it out).
   */
  storage?: Storage | null;
  storageKey?: string;
  /** The agent's name on the messages they send. Default "Alex Martin". */
  agentName?: string;
  /**
   * Chance (0–1) that the customer answers an agent's message once they have read it, typing first.
   * Default 0 (tests and stories make customers write with `customerMessage()`).
   */
  replyRate?: number;
  /**
   * Chat and social offers come with the bot's part of the conversation: the customer's journey, the bot
   * exchange, the hand-off (PANE-3). Default off; `offer()` can ask for it per offer.
   */
  botHistory?: boolean;
  /**
   * Forces the history of earlier interactions (PANE-5) to exactly this many messages in all, for large
   * threads and benchmarks. Without it, each customer has 0 to 3 earlier interactions.
   */
  historySize?: number;
  /** From sent to delivered (PANE-4). Default [500, 1500]. */
  deliveredAfterMs?: Duration;
  /** From delivered to read (PANE-4). Default [1500, 4000]. */
  readAfterMs?: Duration;
  /** From reading the agent's message to starting to type a reply. Default [1000, 3000]. */
  replyAfterMs?: Duration;
  /** How long the customer types before their message arrives. Default [2000, 5000]. */
  typingMs?: Duration;
}

export interface FailureOptions {
  /** How many attempts fail before one succeeds; `Infinity` (the default) fails every time. */
  times?: number;
  /** The server's reason, shown to the agent. */
  reason?: string;
}

interface Failure {
  remaining: number;
  reason: string;
}

/** The next `count` calls fail with `reason` (the conversation's failure injection). */
export interface CountedFailureOptions {
  /** How many calls fail; default 1. */
  count?: number;
  /** The server's reason, shown to the agent. */
  reason?: string;
}

export interface SendFailureOptions extends CountedFailureOptions {
  /**
   * `reject` (the default): the server refuses the send (no message is made; the same client id may be
   * sent again). `delivery`: the server takes the message but cannot deliver it (a `failed` receipt).
   */
  mode?: 'reject' | 'delivery';
}

interface SendFailure extends Failure {
  mode: 'reject' | 'delivery';
}

interface ServerState {
  seq: number;
  media: Record<MediaId, MediaState>;
  tasks: Record<string, Task>;
  messages: Record<string, Message[]>;
  /** Held tasks whose customer has left the conversation. */
  left: Record<string, true>;
  nextId: number;
}

const DEFAULT_MEDIA = ['chat', 'sms', 'social', 'email'];

/** What an `offer()` call may set; the rest is made up from the seed. */
export interface OfferOptions {
  customer?: Record<string, string>;
  queue?: string;
  /** The first customer message (the email's question for email); `null` for none. */
  text?: string | null;
  /** Overrides the media's accept timer. */
  acceptSeconds?: number;
  /** Overrides the backend's `botHistory` for this offer (chat and social only). */
  botHistory?: boolean;
}

const DAY = 86_400_000;
const CUSTOMER_LEFT = 'The customer has left the conversation';

function configFor(media: readonly MediaId[]): DcConfig {
  return resolveConfig({
    media: Object.fromEntries(media.map((id) => [id, MEDIA_KINDS.includes(id as MediaKind) ? {} : { kind: 'chat' }])),
  });
}

export class SimulatedBackend implements DcBackend {
  readonly clock: Clock;
  readonly config: DcConfig;
  #media: readonly MediaId[];
  #random: () => number;
  #latency: number | readonly [number, number];
  #storage: Storage | null;
  #storageKey: string;
  #server: ServerState;
  #connection: ConnectionStatus = 'offline';
  #listeners = new Set<BackendListener>();
  #signInFailures = new Map<MediaId, Failure>();
  #stateFailures = new Map<MediaId, Failure>();
  #dropEvents = 0;
  #closed = false;
  #wantsConnection = false;
  #linkUp = true;
  #offersPerMinute: Readonly<Record<MediaId, number>>;
  #messagesPerMinute: number;
  #abandonRate: number;
  #timers = new Map<string, unknown>();
  #seed: number;
  #agentName: string;
  #replyRate: number;
  #botHistory: boolean;
  #historySize: number | undefined;
  #deliveredAfter: Duration;
  #readAfter: Duration;
  #replyAfter: Duration;
  #typingFor: Duration;
  #sendFailure: SendFailure | undefined;
  #historyFailure: Failure | undefined;
  #catalogueFailure: Failure | undefined;
  #workflowFailure: Failure | undefined;
  #agentTyping = new Set<string>();
  #typingCalls = 0;

  constructor(options: SimulatedBackendOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.config = options.config ?? configFor(options.media ?? DEFAULT_MEDIA);
    this.#media = this.config.media.map((m) => m.id);
    this.#seed = options.seed ?? 1;
    this.#random = seededRandom(this.#seed);
    this.#latency = options.latencyMs ?? 0;
    this.#storage = options.storage ?? null;
    this.#storageKey = options.storageKey ?? 'dc-widgets:simulated-server';
    const rate = options.offersPerMinute ?? 0;
    this.#offersPerMinute = Object.fromEntries(this.#media.map((m) => [m, typeof rate === 'number' ? rate : (rate[m] ?? 0)]));
    this.#messagesPerMinute = options.messagesPerMinute ?? 0;
    this.#abandonRate = options.abandonRate ?? 0;
    this.#agentName = options.agentName ?? 'Alex Martin';
    this.#replyRate = options.replyRate ?? 0;
    this.#botHistory = options.botHistory ?? false;
    this.#historySize = options.historySize;
    this.#deliveredAfter = options.deliveredAfterMs ?? [500, 1500];
    this.#readAfter = options.readAfterMs ?? [1500, 4000];
    this.#replyAfter = options.replyAfterMs ?? [1000, 3000];
    this.#typingFor = options.typingMs ?? [2000, 5000];
    this.#server = this.#restore() ?? this.#emptyServer(0);
    for (const task of Object.values(this.#server.tasks)) {
      if (task.status === 'offered') this.#armExpiry(task);
      for (const m of this.#server.messages[task.id] ?? []) if (m.from === 'agent') this.#armReceipt(task.id, m.id);
    }
  }

  #emptyServer(seq: number): ServerState {
    return {
      seq,
      media: Object.fromEntries(this.#media.map((m) => [m, signedOutState(m, this.clock.now())])),
      tasks: {},
      messages: {},
      left: {},
      nextId: 1,
    };
  }

  get connection(): ConnectionStatus {
    return this.#connection;
  }

  /** The simulated server's own view of a media (for tests and the demo's simulator panel). */
  serverState(media: MediaId): MediaState | undefined {
    return this.#server.media[media];
  }

  get media(): readonly MediaId[] {
    return this.#media;
  }

  // -------------------------------------------------------------------------------------------------
  // DcBackend

  async connect(): Promise<void> {
    if (this.#closed) throw new DcBackendError('offline', 'This backend is closed');
    this.#wantsConnection = true;
    if (this.#connection === 'online') return;
    if (!this.#linkUp) return;
    this.#setConnection('connecting');
    await this.#delay();
    if (this.#linkUp && !this.#closed) {
      this.#setConnection('online');
      this.#startRouting();
    }
  }

  close(): void {
    this.#closed = true;
    this.#wantsConnection = false;
    this.#setConnection('offline');
    this.#listeners.clear();
    for (const t of this.#timers.values()) this.clock.clearTimeout(t);
    this.#timers.clear();
  }

  subscribe(listener: BackendListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async snapshot(): Promise<DcSnapshot> {
    await this.#roundTrip();
    const tasks = Object.values(this.#server.tasks);
    const messages = Object.fromEntries(tasks.map((t) => [t.id, this.#server.messages[t.id] ?? []]));
    return structuredClone({ seq: this.#server.seq, at: this.clock.now(), media: this.#server.media, tasks, messages });
  }

  async signIn(media: MediaId): Promise<void> {
    await this.#roundTrip();
    this.#known(media);
    const current = this.#server.media[media]!;
    if (current.signIn === 'signed-in') return;
    const failure = this.#consume(this.#signInFailures, media);
    if (failure) {
      this.#update({ ...current, signIn: 'failed', signInError: failure }, 'sign-in');
      throw new DcBackendError('rejected', failure);
    }
    this.#update(signedInState(media, this.clock.now()), 'sign-in'); // SIGN-3
  }

  async signOut(media: readonly MediaId[], disposition: SignOutDisposition): Promise<void> {
    await this.#roundTrip();
    for (const m of media) {
      this.#known(m);
      // STATE-8: the agent's tasks of that media are transferred back to routing, or closed.
      for (const task of Object.values(this.#server.tasks)) {
        if (task.media !== m) continue;
        if (task.status === 'offered') this.#taskUpdate({ ...task, status: 'rescinded', endedAt: this.clock.now() }, 'rescinded');
        else if (isHeld(task)) {
          const status = disposition === 'transfer' ? 'transferred' : 'closed';
          this.#stopCustomer(task.id);
          // PANE-3, PANE-5: the conversation's record says how it ended, for whoever reads it next.
          if (status === 'closed') this.#announce(task.id, 'Conversation closed', { code: 'closed' });
          else this.#announce(task.id, 'Conversation transferred', { code: 'transferred', params: { to: task.queue } });
          this.#taskUpdate({ ...task, status, endedAt: this.clock.now() }, disposition === 'transfer' ? 'transferred' : 'ended');
        }
      }
      this.#update(signedOutState(m, this.clock.now()), 'agent');
    }
  }

  async setState(media: MediaId, target: StateTarget): Promise<void> {
    await this.#roundTrip();
    this.#known(media);
    const current = this.#server.media[media]!;
    if (current.signIn !== 'signed-in') throw new DcBackendError('not-signed-in', `${media} is not signed in`);
    const failure = this.#consume(this.#stateFailures, media);
    if (failure) throw new DcBackendError('rejected', failure);
    this.#update(this.#applyTarget(current, target), 'agent');
  }

  async accept(taskId: string): Promise<void> {
    await this.#roundTrip();
    const task = this.#lookup(taskId);
    if (!task || task.status !== 'offered' || task.expiresAt <= this.clock.now()) {
      throw new DcBackendError('rejected', 'This offer is no longer available');
    }
    this.#cancel(`expire:${taskId}`);
    this.#cancel(`abandon:${taskId}`);
    this.#taskUpdate({ ...task, status: 'active', acceptedAt: this.clock.now() }, 'accepted');
    this.#scheduleMessage(taskId);
  }

  async end(taskId: string): Promise<void> {
    await this.#roundTrip();
    const task = this.#task(taskId);
    if (!isHeld(task)) throw new DcBackendError('rejected', 'This task is not active');
    this.#stopCustomer(taskId);
    this.#announce(taskId, 'Conversation closed', { code: 'closed' }); // PANE-3
    this.#taskUpdate({ ...task, status: 'closed', endedAt: this.clock.now() }, 'ended');
  }

  /**
   * COMP-1, PANE-4: takes an agent message, once per client id. A new id makes a `sent` message whose
   * receipt then moves on to delivered and read; an id whose message failed is delivered again (no
   * second message); any other known id changes nothing.
   */
  async send(message: OutgoingMessage): Promise<void> {
    await this.#roundTrip();
    const task = this.#held(message.taskId);
    this.#checkOutgoing(task, message);
    const known = this.#server.messages[task.id]?.find((m) => m.from === 'agent' && m.clientId === message.clientId);
    if (known && known.receipt !== 'failed') return;
    const failure = this.#takeSendFailure();
    if (failure?.mode === 'reject') throw new DcBackendError('rejected', failure.reason);
    let id: string;
    if (known) {
      id = known.id;
      this.#setReceipt(task.id, id, 'sent');
    } else {
      id = this.#addMessage(task.id, 'agent', message.text, {
        name: this.#agentName,
        clientId: message.clientId,
        receipt: 'sent',
        ...(message.attachments.length ? { attachments: message.attachments.map(served) } : {}),
      }).id;
    }
    const undeliverable = failure?.reason ?? (this.#server.left[task.id] ? CUSTOMER_LEFT : undefined);
    if (undeliverable) this.#setReceipt(task.id, id, 'failed', undeliverable);
    else this.#armReceipt(task.id, id);
  }

  /** PANE-1, PANE-5: the customer's earlier interactions, oldest first (seeded per customer). */
  async loadHistory(taskId: string): Promise<readonly Message[]> {
    await this.#roundTrip();
    const task = this.#task(taskId);
    const failure = take(this.#historyFailure);
    if (failure) throw new DcBackendError('rejected', failure);
    return this.#history(task);
  }

  /** The agent is (or stopped) typing in a held task. */
  async typing(taskId: string, typing: boolean): Promise<void> {
    await this.#roundTrip();
    this.#held(taskId);
    this.#typingCalls += 1;
    if (typing) this.#agentTyping.add(taskId);
    else this.#agentTyping.delete(taskId);
  }

  /** COMP-5, COMP-10: the sample templates and workflows (src/simulator/catalogue.ts). */
  async catalogue(): Promise<Catalogue> {
    await this.#roundTrip();
    const failure = take(this.#catalogueFailure);
    if (failure) throw new DcBackendError('rejected', failure);
    return structuredClone(SAMPLE_CATALOGUE);
  }

  /**
   * COMP-10: runs a sample workflow after checking its parameters as the server would, then adds its
   * audit announcement to the thread. A workflow that runs and fails adds a `failed` announcement and
   * rejects with the reason.
   */
  async triggerWorkflow(taskId: string, workflowId: string, params: Readonly<Record<string, string>>): Promise<void> {
    await this.#roundTrip();
    const task = this.#held(taskId);
    const workflow = this.#workflow(task, workflowId);
    const refused = Object.keys(validateWorkflowParams(workflow, params));
    if (refused.length) throw new DcBackendError('invalid', `Invalid parameters: ${refused.join(', ')}`);
    const failure = take(this.#workflowFailure) ?? (workflow.id === FAILING_WORKFLOW_ID ? ESCALATION_FAILURE : undefined);
    if (failure) {
      this.#announceWorkflow(task.id, workflow, 'failed', failure);
      throw new DcBackendError('rejected', failure);
    }
    this.#announceWorkflow(task.id, workflow, 'succeeded', this.#workflowDetail(task, workflow, params));
  }

  // -------------------------------------------------------------------------------------------------
  // Routing (OFFER-*): offers, their timers, customer messages

  /**
   * Routes an offer of `media` to the agent now, if the routing rules allow it (Ready, routable, below
   * capacity: OFFER-1/3, STATE-6). Returns the offer, or undefined when it may not be presented.
   */
  offer(media: MediaId, options: OfferOptions = {}): Task | undefined {
    this.#known(media);
    const m = this.config.media.find((x) => x.id === media)!;
    if (!canPresentOffer(this.config, this.#server.media, Object.values(this.#server.tasks), media)) return undefined;
    const now = this.clock.now();
    const id = `${media}-${this.#server.nextId++}`;
    const task: Task = {
      id,
      media,
      status: 'offered',
      queue: options.queue ?? makeQueue(this.#random, m.kind),
      customer: options.customer ?? makeCustomer(this.#random, m.kind),
      offeredAt: now,
      expiresAt: now + (options.acceptSeconds ?? m.acceptSeconds) * 1000,
    };
    this.#taskUpdate(task, 'offered');
    const text = options.text === undefined ? (m.kind === 'email' ? task.customer['question'] : makeOpener(this.#random, m.kind)) : options.text;
    if (text && (options.botHistory ?? this.#botHistory) && (m.kind === 'chat' || m.kind === 'social')) {
      this.#addBotHistory(id, text, now);
    } else if (text) this.#addMessage(id, 'customer', text);
    this.#armExpiry(task);
    if (this.#abandonRate > 0 && this.#random() < this.#abandonRate) {
      const at = (task.expiresAt - now) * (0.2 + 0.6 * this.#random());
      this.#schedule(`abandon:${id}`, at, () => this.rescind(id));
    }
    return structuredClone(task);
  }

  /** The routing system takes an offer back (the customer left, or another agent took it). */
  rescind(taskId: string): void {
    const task = this.#lookup(taskId);
    if (!task || task.status !== 'offered') return;
    this.#cancel(`expire:${taskId}`);
    this.#taskUpdate({ ...task, status: 'rescinded', endedAt: this.clock.now() }, 'rescinded');
  }

  /** The customer writes in a task (TASK-5). */
  customerMessage(taskId: string, text?: string): Message {
    this.#task(taskId);
    return this.#addMessage(taskId, 'customer', text ?? makeFollowUp(this.#random));
  }

  /** The server's own view of a task (tests, the demo). */
  serverTask(taskId: string): Task | undefined {
    return this.#lookup(taskId);
  }

  /** The server's own messages of a task it holds, with their current receipts (tests, the demo). */
  serverMessages(taskId: string): readonly Message[] {
    return this.#server.messages[taskId] ?? [];
  }

  /** Every task the server holds for the agent (offers and held tasks). */
  get serverTasks(): readonly Task[] {
    return Object.values(this.#server.tasks);
  }

  /**
   * OFFER-4: an offer not accepted in time goes back to routing, and the agent's state changes as the
   * model's rule says (`missedOfferChanges`): chat, SMS and social first lose routing, then their whole
   * group goes Not Ready; email goes Not Ready alone.
   */
  #expire(taskId: string): void {
    const task = this.#lookup(taskId);
    if (!task || task.status !== 'offered') return;
    this.#taskUpdate({ ...task, status: 'missed', endedAt: this.clock.now() }, 'missed');
    for (const { state } of missedOfferChanges(this.config, task.media, this.#server.media, this.clock.now())) {
      this.#update(state, 'missed-offer');
    }
  }

  #armExpiry(task: Task): void {
    this.#schedule(`expire:${task.id}`, task.expiresAt - this.clock.now(), () => this.#expire(task.id));
  }

  #startRouting(): void {
    for (const media of this.#media) {
      if ((this.#offersPerMinute[media] ?? 0) > 0 && !this.#timers.has(`route:${media}`)) this.#scheduleOffer(media);
    }
    for (const task of Object.values(this.#server.tasks)) if (isHeld(task)) this.#scheduleMessage(task.id);
  }

  /** Waits an exponentially distributed time (a Poisson process) with the given mean. */
  #wait(perMinute: number): number {
    return (-Math.log(1 - this.#random()) * 60_000) / perMinute;
  }

  #scheduleOffer(media: MediaId): void {
    const rate = this.#offersPerMinute[media] ?? 0;
    if (rate <= 0 || this.#closed) return;
    this.#schedule(`route:${media}`, this.#wait(rate), () => {
      if (this.#linkUp) this.offer(media);
      this.#scheduleOffer(media);
    });
  }

  #scheduleMessage(taskId: string): void {
    if (this.#messagesPerMinute <= 0 || this.#closed || this.#timers.has(`message:${taskId}`)) return;
    if (this.#server.left[taskId]) return;
    this.#schedule(`message:${taskId}`, this.#wait(this.#messagesPerMinute), () => {
      if (!this.#customerPresent(taskId)) return;
      this.#customerWrites(taskId, makeFollowUp(this.#random));
      this.#scheduleMessage(taskId);
    });
  }

  /** Whether a held task's customer is still there to write. */
  #customerPresent(taskId: string): boolean {
    const task = this.#lookup(taskId);
    return !!task && isHeld(task) && !this.#server.left[taskId];
  }

  /** The customer types for a while, then their message arrives (it implies they stopped typing). */
  #customerWrites(taskId: string, text: string): void {
    if (this.#timers.has(`write:${taskId}`)) return;
    this.customerTyping(taskId, true);
    this.#schedule(`write:${taskId}`, this.#draw(this.#typingFor), () => {
      if (this.#customerPresent(taskId)) this.customerMessage(taskId, text);
    });
  }

  /** Once the agent's message is read, the customer may answer (`replyRate`). */
  #maybeReply(taskId: string): void {
    if (this.#replyRate <= 0 || this.#timers.has(`reply:${taskId}`) || this.#timers.has(`write:${taskId}`)) return;
    if (this.#random() >= this.#replyRate) return;
    this.#schedule(`reply:${taskId}`, this.#draw(this.#replyAfter), () => {
      if (this.#customerPresent(taskId)) this.#customerWrites(taskId, makeReply(this.#random));
    });
  }

  /** Stops everything the customer of a task had under way (typing, replies, receipts). */
  #stopCustomer(taskId: string): void {
    for (const key of [...this.#timers.keys()]) {
      const [kind, id] = key.split(':');
      if (id === taskId && ['message', 'write', 'reply', 'receipt'].includes(kind!)) this.#cancel(key);
    }
  }

  /** Schedules an agent message's next receipt: sent → delivered → read (PANE-4). */
  #armReceipt(taskId: string, messageId: string): void {
    const message = this.#server.messages[taskId]?.find((m) => m.id === messageId);
    const next: Receipt | undefined =
      message?.receipt === 'sent' ? 'delivered' : message?.receipt === 'delivered' ? 'read' : undefined;
    if (!next) return;
    const wait = this.#draw(next === 'delivered' ? this.#deliveredAfter : this.#readAfter);
    this.#schedule(`receipt:${taskId}:${messageId}`, wait, () => {
      if (!this.#customerPresent(taskId)) return;
      this.#setReceipt(taskId, messageId, next);
      if (next === 'read') this.#maybeReply(taskId);
      else this.#armReceipt(taskId, messageId);
    });
  }

  #setReceipt(taskId: string, messageId: string, receipt: Receipt, reason?: string): void {
    const list = this.#server.messages[taskId];
    const i = list?.findIndex((m) => m.id === messageId) ?? -1;
    if (!list || i < 0) return;
    const { failure: _previous, ...rest } = list[i]!;
    list[i] = { ...rest, receipt, ...(reason ? { failure: reason } : {}) };
    this.#emit({ type: 'receipt', taskId, messageId, receipt, ...(reason ? { reason } : {}) });
  }

  #schedule(key: string, ms: number, fn: () => void): void {
    this.#cancel(key);
    const handle = this.clock.setTimeout(() => {
      this.#timers.delete(key);
      if (!this.#closed) fn();
    }, Math.max(0, ms));
    this.#timers.set(key, handle);
  }

  #cancel(key: string): void {
    const handle = this.#timers.get(key);
    if (handle !== undefined) this.clock.clearTimeout(handle);
    this.#timers.delete(key);
  }

  /** The server's task by id; an id the kit sends may be any string, so never an inherited member. */
  #lookup(taskId: string): Task | undefined {
    return Object.hasOwn(this.#server.tasks, taskId) ? this.#server.tasks[taskId] : undefined;
  }

  #task(taskId: string): Task {
    const task = this.#lookup(taskId);
    if (!task) throw new DcBackendError('unknown-task', `Unknown task "${taskId}"`);
    return task;
  }

  #taskUpdate(task: Task, cause: TaskCause): void {
    if (task.status === 'offered' || isHeld(task)) {
      this.#server.tasks[task.id] = task;
    } else {
      delete this.#server.tasks[task.id];
      delete this.#server.messages[task.id];
    }
    this.#emit({ type: 'task', task, cause });
  }

  #addMessage(taskId: string, from: Message['from'], text: string, extra: Partial<Omit<Message, 'id' | 'taskId'>> = {}): Message {
    const message: Message = { id: `m${this.#server.nextId++}`, taskId, from, text, at: this.clock.now(), ...extra };
    (this.#server.messages[taskId] ??= []).push(message);
    this.#emit({ type: 'message', message });
    return message;
  }

  // -------------------------------------------------------------------------------------------------
  // Failure injection and server-side events (tests, stories, the demo's simulator panel)

  /** The next `times` sign-ins of `media` fail (every one when `times` is left out). SIGN-4. */
  failSignIn(media: MediaId, options: FailureOptions = {}): void {
    this.#signInFailures.set(media, {
      remaining: options.times ?? Infinity,
      reason: options.reason ?? 'Sign-in refused by the server',
    });
  }

  /** The next `times` state changes of `media` fail. STATE-7. */
  failStateChange(media: MediaId, options: FailureOptions = {}): void {
    this.#stateFailures.set(media, {
      remaining: options.times ?? Infinity,
      reason: options.reason ?? 'Network error',
    });
  }

  /**
   * The next `count` sends fail (PANE-4): refused outright (`reject`: no message, the client id is not
   * kept) or taken but not delivered (`delivery`: the message gets a `failed` receipt with the reason).
   */
  failSends(options: SendFailureOptions = {}): void {
    const mode = options.mode ?? 'reject';
    this.#sendFailure = {
      mode,
      ...counted(options, mode === 'reject' ? 'Message refused by the server' : 'The message could not be delivered'),
    };
  }

  /** The next `count` history loads fail (PANE-1). */
  failHistory(options: CountedFailureOptions = {}): void {
    this.#historyFailure = counted(options, 'The history is not available');
  }

  /** The next `count` catalogue loads fail (COMP-5, COMP-10). */
  failCatalogue(options: CountedFailureOptions = {}): void {
    this.#catalogueFailure = counted(options, 'Templates and workflows are not available');
  }

  /** The next `count` workflow runs fail on the server, with a `failed` announcement (COMP-10). */
  failWorkflow(options: CountedFailureOptions = {}): void {
    this.#workflowFailure = counted(options, 'The workflow failed');
  }

  /** The customer starts or stops typing in a task (their next message also means they stopped). */
  customerTyping(taskId: string, typing: boolean): void {
    this.#task(taskId);
    this.#emit({ type: 'typing', taskId, typing });
  }

  /**
   * The customer leaves the conversation (PANE-3): a `customer-left` announcement. The task stays held
   * until the agent ends it; the customer writes no more, and messages to them are not delivered.
   */
  customerLeaves(taskId: string): void {
    if (!isHeld(this.#task(taskId)) || this.#server.left[taskId]) return;
    this.#stopCustomer(taskId);
    this.#server.left[taskId] = true;
    this.#announce(taskId, CUSTOMER_LEFT, { code: 'customer-left' });
  }

  /** Whether the agent is typing in a task, as the server last heard. */
  agentTyping(taskId: string): boolean {
    return this.#agentTyping.has(taskId);
  }

  /** How many typing calls (started or stopped) the server has received. */
  get typingCalls(): number {
    return this.#typingCalls;
  }

  /** Removes every injected failure. */
  clearFailures(): void {
    this.#signInFailures.clear();
    this.#stateFailures.clear();
    this.#sendFailure = undefined;
    this.#historyFailure = undefined;
    this.#catalogueFailure = undefined;
    this.#workflowFailure = undefined;
  }

  /** The connection drops: commands fail, events are lost, until `restoreConnection()`. FAIL-1. */
  dropConnection(): void {
    this.#linkUp = false;
    this.#setConnection('offline');
  }

  /** The connection comes back (after the latency), and the store re-reads the snapshot. FAIL-2. */
  async restoreConnection(): Promise<void> {
    this.#linkUp = true;
    if (this.#wantsConnection) await this.connect();
  }

  /** The server changes a media by itself (a supervisor, a routing rule, a missed offer). */
  serverSetState(media: MediaId, target: StateTarget & { routable?: boolean }, cause: StateCause = 'system'): void {
    this.#known(media);
    const next = this.#applyTarget(this.#server.media[media]!, target);
    this.#update(target.routable === undefined ? next : { ...next, routable: target.routable }, cause);
  }

  /** The next `count` events are lost on the way (the store must notice the gap and resynchronise). */
  loseEvents(count: number): void {
    this.#dropEvents += count;
  }

  /**
   * Sends anything down the event stream as if the server had: how tests feed malformed events. A raw
   * event carrying the server's next sequence number uses that number up, as a real server's would.
   */
  injectRawEvent(raw: unknown): void {
    let seq: unknown;
    try {
      seq = (raw as { seq?: unknown } | null)?.seq;
    } catch {
      seq = undefined; // a getter or a proxy that throws: it is the kit's to cope with
    }
    if (seq === this.#server.seq + 1) this.#server.seq += 1;
    for (const l of [...this.#listeners]) l.event(raw);
  }

  /** The next sequence number the server will use. */
  get nextSeq(): number {
    return this.#server.seq + 1;
  }

  /** Forgets the persisted server state (the demo's "reset" button). */
  reset(): void {
    this.#storage?.removeItem(this.#storageKey);
    for (const t of this.#timers.values()) this.clock.clearTimeout(t);
    this.#timers.clear();
    for (const task of Object.values(this.#server.tasks)) {
      this.#taskUpdate({ ...task, status: task.status === 'offered' ? 'rescinded' : 'closed', endedAt: this.clock.now() }, task.status === 'offered' ? 'rescinded' : 'ended');
    }
    this.#server = { ...this.#emptyServer(this.#server.seq), nextId: this.#server.nextId };
    for (const m of this.#media) this.#update(this.#server.media[m]!, 'system');
    if (this.#connection === 'online') this.#startRouting();
  }

  // -------------------------------------------------------------------------------------------------

  /** A task the agent holds (active or wrap-up), else `unknown-task`. */
  #held(taskId: string): Task {
    const task = this.#lookup(taskId);
    if (!task || !isHeld(task)) throw new DcBackendError('unknown-task', `The task "${taskId}" is not held by the agent`);
    return task;
  }

  #kind(task: Task): MediaKind {
    return this.config.media.find((m) => m.id === task.media)?.kind ?? 'chat';
  }

  /** COMP-3: what the server refuses to send: nothing at all, or more than the media takes. */
  #checkOutgoing(task: Task, message: OutgoingMessage): void {
    const max = this.config.media.find((m) => m.id === task.media)?.maxChars ?? Infinity;
    if (message.text.trim() === '' && message.attachments.length === 0) {
      throw new DcBackendError('invalid', 'The message is empty');
    }
    if (messageLength(message.text) > max) throw new DcBackendError('invalid', `The message is longer than ${max} characters`);
  }

  #takeSendFailure(): SendFailure | undefined {
    const failure = this.#sendFailure;
    if (!failure || take(failure) === undefined) return undefined;
    return failure;
  }

  /** A value drawn from a duration (ms). */
  #draw(duration: Duration): number {
    return typeof duration === 'number' ? duration : duration[0] + this.#random() * (duration[1] - duration[0]);
  }

  /** A system message that is an announcement (PANE-3), worded by the server in `text`. */
  #announce(taskId: string, text: string, announcement: Announcement, at?: number): Message {
    return this.#addMessage(taskId, 'system', text, { announcement, ...(at !== undefined ? { at } : {}) });
  }

  /** PANE-3: the journey, the bot's exchange with the customer, and the hand-off, before the offer. */
  #addBotHistory(taskId: string, opener: string, now: number): void {
    const lines = makeBotExchange(this.#random, opener);
    const step = 20_000;
    let at = now - (lines.length + 1) * step;
    this.#announce(taskId, makeJourney(this.#random), { code: 'journey' }, at);
    for (const [from, text] of lines) {
      at += step;
      this.#addMessage(taskId, from, text, { at, ...(from === 'bot' ? { name: BOT_NAME } : {}) });
    }
    const handoff = { code: 'handoff', params: { name: BOT_NAME } };
    this.#announce(taskId, `${BOT_NAME} handed the conversation over to an agent`, handoff, now);
  }

  /**
   * PANE-5: the customer's earlier interactions, the same on every call: each with its own id, another
   * agent joining, the conversation, and its closing. `historySize` fixes the number of messages.
   */
  #history(task: Task): Message[] {
    const customer = task.customer['email'] || task.customer['phone'] || task.customer['name'] || task.id;
    const key = hashString(customer);
    const random = seededRandom(key ^ this.#seed);
    const sizes: number[] = [];
    if (this.#historySize !== undefined) {
      for (let left = Math.max(0, Math.floor(this.#historySize)); left > 0; ) {
        const n = Math.min(left, 6 + Math.floor(random() * 10));
        sizes.push(n);
        left -= n;
      }
    } else {
      const count = Math.floor(random() * 4);
      for (let i = 0; i < count; i++) sizes.push(4 + Math.floor(random() * 7));
    }
    const messages: Message[] = [];
    sizes.forEach((size, i) => {
      const interaction = `past-${key.toString(36)}-${i + 1}`;
      const start = task.offeredAt - (sizes.length - i) * 2 * DAY;
      messages.push(...pastInteraction(random, interaction, start, size));
    });
    return messages;
  }

  /** A sample workflow that applies to the task's media, else `invalid`. */
  #workflow(task: Task, workflowId: string): Workflow {
    const workflow = SAMPLE_CATALOGUE.workflows.find((w) => w.id === workflowId);
    if (!workflow) throw new DcBackendError('invalid', `Unknown workflow "${workflowId}"`);
    const kind = this.#kind(task);
    if (workflow.media && !workflow.media.includes(kind)) {
      throw new DcBackendError('invalid', `The workflow "${workflowId}" does not apply to ${kind}`);
    }
    return workflow;
  }

  /** What a successful run did, in the server's words. */
  #workflowDetail(task: Task, workflow: Workflow, params: Readonly<Record<string, string>>): string | undefined {
    switch (workflow.id) {
      case 'create-case':
        return `Case CS-${String(10_000 + this.#server.nextId)} created`;
      case 'survey': {
        const to = task.customer['email'] || task.customer['phone'];
        return to ? `Sent to ${to}` : undefined;
      }
      case 'callback':
        return `Callback on ${params['date'] ?? ''} to ${params['phone'] ?? ''}`;
      default:
        return undefined;
    }
  }

  /** COMP-10: the audit announcement of a workflow run. */
  #announceWorkflow(taskId: string, workflow: Workflow, outcome: 'succeeded' | 'failed', detail?: string): void {
    const name = pickText(workflow.name, 'en');
    const text = `${name} ${outcome === 'succeeded' ? 'done' : 'failed'}${detail ? `: ${detail}` : ''}`;
    this.#announce(taskId, text, {
      code: 'workflow',
      params: { workflowId: workflow.id, workflow: name, outcome, ...(detail ? { detail } : {}) },
    });
  }

  #applyTarget(current: MediaState, target: StateTarget): MediaState {
    const base = {
      media: current.media,
      signIn: current.signIn,
      since: this.clock.now(),
      ...(current.systemState ? { systemState: current.systemState } : {}),
    };
    if (target.availability === 'ready') return { ...base, availability: 'ready', routable: true };
    return {
      ...base,
      availability: 'not-ready',
      routable: current.routable,
      ...(target.reasonId ? { reasonId: target.reasonId } : {}),
    };
  }

  #known(media: MediaId): void {
    if (!this.#server.media[media]) throw new DcBackendError('unknown-media', `Unknown media "${media}"`);
  }

  #consume(map: Map<MediaId, Failure>, media: MediaId): string | undefined {
    const failure = map.get(media);
    if (!failure || failure.remaining <= 0) return undefined;
    failure.remaining -= 1;
    if (failure.remaining <= 0) map.delete(media);
    return failure.reason;
  }

  #update(state: MediaState, cause: StateCause): void {
    this.#server.media[state.media] = state;
    this.#emit({ type: 'media-state', state, cause });
    // A media that is no longer Ready and routable gets no offers: the routing system takes back the
    // ones it had on show (STATE-6).
    if (state.signIn !== 'signed-in' || state.availability !== 'ready' || !state.routable) {
      for (const task of Object.values(this.#server.tasks)) {
        if (task.media === state.media && task.status === 'offered') this.rescind(task.id);
      }
    }
  }

  #emit(body: DistributiveOmit<DcEvent, 'seq' | 'at'>): void {
    this.#server.seq += 1;
    this.#persist();
    const event = { ...body, seq: this.#server.seq, at: this.clock.now() } as DcEvent;
    if (this.#connection !== 'online') return; // lost: the snapshot after reconnecting carries it
    if (this.#dropEvents > 0) {
      this.#dropEvents -= 1;
      return;
    }
    const copy = structuredClone(event);
    for (const l of [...this.#listeners]) l.event(copy);
  }

  #setConnection(status: ConnectionStatus): void {
    if (this.#connection === status) return;
    this.#connection = status;
    for (const l of [...this.#listeners]) l.connection(status);
  }

  #delay(): Promise<void> {
    const latency = this.#latency;
    const ms = typeof latency === 'number' ? latency : latency[0] + this.#random() * (latency[1] - latency[0]);
    return new Promise((resolve) => this.clock.setTimeout(resolve, ms));
  }

  async #roundTrip(): Promise<void> {
    if (this.#connection !== 'online') throw new DcBackendError('offline', 'Not connected to the server');
    await this.#delay();
    if (this.#connection !== 'online') throw new DcBackendError('offline', 'Connection lost');
  }

  #persist(): void {
    try {
      this.#storage?.setItem(this.#storageKey, JSON.stringify(this.#server));
    } catch {
      // storage full or denied: the simulation goes on in memory
    }
  }

  #restore(): ServerState | undefined {
    try {
      const text = this.#storage?.getItem(this.#storageKey);
      if (!text) return undefined;
      const saved = JSON.parse(text) as ServerState;
      if (!Number.isSafeInteger(saved.seq) || typeof saved.media !== 'object') return undefined;
      const media: Record<MediaId, MediaState> = {};
      for (const m of this.#media) media[m] = saved.media[m] ?? signedOutState(m, this.clock.now());
      const tasks = Object.fromEntries(
        Object.entries(saved.tasks ?? {}).filter(([, t]) => this.#media.includes(t.media)),
      );
      const messages = Object.fromEntries(Object.entries(saved.messages ?? {}).filter(([id]) => id in tasks));
      const left = Object.fromEntries(Object.keys(saved.left ?? {}).filter((id) => id in tasks).map((id) => [id, true] as const));
      const nextId = Number.isSafeInteger(saved.nextId) ? saved.nextId : 1;
      return { seq: saved.seq, media, tasks, messages, left, nextId };
    } catch {
      return undefined;
    }
  }
}

/** A failure injection of `count` calls (default 1). */
function counted(options: CountedFailureOptions, reason: string): Failure {
  return { remaining: options.count ?? 1, reason: options.reason ?? reason };
}

/** Uses up one call of an injected failure; its reason when the call fails. */
function take(failure: Failure | undefined): string | undefined {
  if (!failure || failure.remaining <= 0) return undefined;
  failure.remaining -= 1;
  return failure.reason;
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

/** One earlier interaction of `size` messages: another agent joins, they talk, it closes (PANE-5). */
function pastInteraction(random: () => number, taskId: string, start: number, size: number): Message[] {
  const agent = makeOtherAgent(random);
  const messages: Message[] = [];
  for (let j = 0; j < size; j++) {
    const base = { id: `${taskId}-${j + 1}`, taskId, at: start + j * 60_000 };
    if (j === 0) {
      const announcement = { code: 'joined', params: { name: agent } };
      messages.push({ ...base, from: 'system', text: `${agent} joined the conversation`, announcement });
    } else if (j === size - 1) {
      messages.push({ ...base, from: 'system', text: 'Conversation closed', announcement: { code: 'closed' } });
    } else if (j % 2 === 1) {
      messages.push({ ...base, from: 'customer', text: makePastLine(random, 'customer') });
    } else {
      messages.push({ ...base, from: 'agent', name: agent, text: makePastLine(random, 'agent'), receipt: 'read' });
    }
  }
  return messages;
}
