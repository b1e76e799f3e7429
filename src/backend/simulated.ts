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
import type { SignOutDisposition } from '../model/config.js';
import type { MediaId } from '../model/media.js';
import { realClock, type Clock } from './clock.js';
import {
  DcBackendError,
  type BackendListener,
  type ConnectionStatus,
  type DcBackend,
  type DcEvent,
  type DcSnapshot,
  type StateCause,
} from './types.js';

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
  /** The media this agent is assigned. Defaults to chat, sms, social and email. */
  media?: readonly MediaId[];
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
}

const DEFAULT_MEDIA = ['chat', 'sms', 'social', 'email'];

export class SimulatedBackend implements DcBackend {
  readonly clock: Clock;
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

  constructor(options: SimulatedBackendOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.#media = options.media ?? DEFAULT_MEDIA;
    this.#random = seededRandom(options.seed ?? 1);
    this.#latency = options.latencyMs ?? 0;
    this.#storage = options.storage ?? null;
    this.#storageKey = options.storageKey ?? 'dc-widgets:simulated-server';
    this.#server = this.#restore() ?? {
      seq: 0,
      media: Object.fromEntries(this.#media.map((m) => [m, signedOutState(m, this.clock.now())])),
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
    if (this.#linkUp && !this.#closed) this.#setConnection('online');
  }

  close(): void {
    this.#closed = true;
    this.#wantsConnection = false;
    this.#setConnection('offline');
    this.#listeners.clear();
  }

  subscribe(listener: BackendListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async snapshot(): Promise<DcSnapshot> {
    await this.#roundTrip();
    return structuredClone({ seq: this.#server.seq, at: this.clock.now(), media: this.#server.media });
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

  async signOut(media: readonly MediaId[], _disposition: SignOutDisposition): Promise<void> {
    await this.#roundTrip();
    for (const m of media) {
      this.#known(m);
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
    this.#server = {
      seq: this.#server.seq,
      media: Object.fromEntries(this.#media.map((m) => [m, signedOutState(m, this.clock.now())])),
    };
    for (const m of this.#media) this.#update(this.#server.media[m]!, 'system');
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
    this.#server.seq += 1;
    this.#persist();
    const event: DcEvent = { type: 'media-state', seq: this.#server.seq, at: this.clock.now(), state, cause };
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
      return { seq: saved.seq, media };
    } catch {
      return undefined;
    }
  }
}
