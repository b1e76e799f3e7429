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
import { mediaOfGroup } from '../model/state-rules.js';
import { canPresentOffer, isHeld, missedOfferOutcome, type Message, type Task } from '../model/tasks.js';
import { realClock, type Clock } from './clock.js';
import { makeCustomer, makeFollowUp, makeOpener, makeQueue } from './customers.js';
import {
  DcBackendError,
  type BackendListener,
  type ConnectionStatus,
  type DcBackend,
  type DcEvent,
  type DcSnapshot,
  type StateCause,
  type TaskCause,
} from './types.js';

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

interface ServerState {
  seq: number;
  media: Record<MediaId, MediaState>;
  tasks: Record<string, Task>;
  messages: Record<string, Message[]>;
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
}

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

  constructor(options: SimulatedBackendOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.config = options.config ?? configFor(options.media ?? DEFAULT_MEDIA);
    this.#media = this.config.media.map((m) => m.id);
    this.#random = seededRandom(options.seed ?? 1);
    this.#latency = options.latencyMs ?? 0;
    this.#storage = options.storage ?? null;
    this.#storageKey = options.storageKey ?? 'dc-widgets:simulated-server';
    const rate = options.offersPerMinute ?? 0;
    this.#offersPerMinute = Object.fromEntries(this.#media.map((m) => [m, typeof rate === 'number' ? rate : (rate[m] ?? 0)]));
    this.#messagesPerMinute = options.messagesPerMinute ?? 0;
    this.#abandonRate = options.abandonRate ?? 0;
    this.#server = this.#restore() ?? this.#emptyServer(0);
    for (const task of Object.values(this.#server.tasks)) {
      if (task.status === 'offered') this.#armExpiry(task);
    }
  }

  #emptyServer(seq: number): ServerState {
    return {
      seq,
      media: Object.fromEntries(this.#media.map((m) => [m, signedOutState(m, this.clock.now())])),
      tasks: {},
      messages: {},
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
    const task = this.#server.tasks[taskId];
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
    this.#cancel(`message:${taskId}`);
    this.#taskUpdate({ ...task, status: 'closed', endedAt: this.clock.now() }, 'ended');
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
    if (text) this.#addMessage(id, 'customer', text);
    this.#armExpiry(task);
    if (this.#abandonRate > 0 && this.#random() < this.#abandonRate) {
      const at = (task.expiresAt - now) * (0.2 + 0.6 * this.#random());
      this.#schedule(`abandon:${id}`, at, () => this.rescind(id));
    }
    return structuredClone(task);
  }

  /** The routing system takes an offer back (the customer left, or another agent took it). */
  rescind(taskId: string): void {
    const task = this.#server.tasks[taskId];
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
    return this.#server.tasks[taskId];
  }

  /** Every task the server holds for the agent (offers and held tasks). */
  get serverTasks(): readonly Task[] {
    return Object.values(this.#server.tasks);
  }

  /**
   * OFFER-4: an offer not accepted in time goes back to routing; chat, SMS and social first lose
   * routing, then their whole group goes Not Ready; email goes Not Ready alone.
   */
  #expire(taskId: string): void {
    const task = this.#server.tasks[taskId];
    if (!task || task.status !== 'offered') return;
    this.#taskUpdate({ ...task, status: 'missed', endedAt: this.clock.now() }, 'missed');
    const media = this.config.media.find((m) => m.id === task.media)!;
    const outcome = missedOfferOutcome(media);
    for (const id of outcome.nonRoutable) {
      const current = this.#server.media[id];
      if (current?.signIn === 'signed-in') this.#update({ ...current, routable: false, since: this.clock.now() }, 'missed-offer');
    }
    for (const m of mediaOfGroup(this.config, outcome.notReady)) {
      const current = this.#server.media[m.id];
      if (current?.signIn !== 'signed-in' || current.availability === 'not-ready') continue;
      this.#update(this.#applyTarget(current, { availability: 'not-ready' }), 'missed-offer');
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
    this.#schedule(`message:${taskId}`, this.#wait(this.#messagesPerMinute), () => {
      const task = this.#server.tasks[taskId];
      if (!task || !isHeld(task)) return;
      this.customerMessage(taskId);
      this.#scheduleMessage(taskId);
    });
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

  #task(taskId: string): Task {
    const task = this.#server.tasks[taskId];
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

  #addMessage(taskId: string, from: Message['from'], text: string): Message {
    const message: Message = { id: `m${this.#server.nextId++}`, taskId, from, text, at: this.clock.now() };
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

  /** Removes every injected failure. */
  clearFailures(): void {
    this.#signInFailures.clear();
    this.#stateFailures.clear();
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
    const seq = (raw as { seq?: unknown } | null)?.seq;
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
      return { seq: saved.seq, media, tasks, messages, nextId: Number.isSafeInteger(saved.nextId) ? saved.nextId : 1 };
    } catch {
      return undefined;
    }
  }
}
