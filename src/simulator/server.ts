/**
 * The simulated server's state and what every part of the simulated contact centre does with it: the
 * ordered event stream, the connection status its listeners see, its timers, the lookups by id, and
 * the copy kept in storage so that a page reload finds the server as it was.
 */
import { signedOutState, type MediaState } from '../model/agent-state.js';
import type { DcConfig } from '../model/config.js';
import type { MediaConfig, MediaId, MediaKind } from '../model/media.js';
import { isHeld, type Message, type Task } from '../model/tasks.js';
import type { Clock } from '../backend/clock.js';
import {
  DcBackendError,
  type BackendListener,
  type ConnectionStatus,
  type DcEvent,
  type DcSnapshot,
  type StateCause,
  type TaskCause,
} from '../backend/types.js';
import { seededRandom } from './random.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What the server holds, as it is written to storage. */
export interface ServerState {
  seq: number;
  media: Record<MediaId, MediaState>;
  tasks: Record<string, Task>;
  messages: Record<string, Message[]>;
  /** Held tasks whose customer has left the conversation. */
  left: Record<string, true>;
  nextId: number;
}

export interface ServerOptions {
  clock: Clock;
  config: DcConfig;
  seed: number;
  storage: Storage | null;
  storageKey: string;
}

export class SimulatedServer {
  readonly clock: Clock;
  readonly config: DcConfig;
  readonly media: readonly MediaId[];
  readonly seed: number;
  /** The one generator every random choice is drawn from, in order. */
  readonly random: () => number;
  state: ServerState;
  /** Set for good by `close()`: no timer runs and no connection is made any more. */
  closed = false;
  #storage: Storage | null;
  #storageKey: string;
  #connection: ConnectionStatus = 'offline';
  #listeners = new Set<BackendListener>();
  #eventsToLose = 0;
  #timers = new Map<string, unknown>();
  #watchers = new Set<() => void>();

  constructor(options: ServerOptions) {
    this.clock = options.clock;
    this.config = options.config;
    this.media = this.config.media.map((m) => m.id);
    this.seed = options.seed;
    this.random = seededRandom(this.seed);
    this.#storage = options.storage;
    this.#storageKey = options.storageKey;
    this.state = this.#restore() ?? this.#emptyState(0);
  }

  /** A server with every media signed out and no task, its events numbered on from `seq`. */
  #emptyState(seq: number): ServerState {
    return {
      seq,
      media: Object.fromEntries(this.media.map((m) => [m, signedOutState(m, this.clock.now())])),
      tasks: {},
      messages: {},
      left: {},
      nextId: 1,
    };
  }

  // -------------------------------------------------------------------------------------------------
  // The event stream and the connection its listeners see

  get connection(): ConnectionStatus {
    return this.#connection;
  }

  setConnection(status: ConnectionStatus): void {
    if (this.#connection === status) return;
    this.#connection = status;
    for (const l of [...this.#listeners]) l.connection(status);
  }

  subscribe(listener: BackendListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Told after every change the server makes to the agent's state or tasks, online or not: how a
   * shared contact centre (centre.ts) learns that this agent may take work now.
   */
  onChange(watcher: () => void): () => void {
    this.#watchers.add(watcher);
    return () => this.#watchers.delete(watcher);
  }

  /** Numbers an event, keeps it, and sends it to the listeners unless it is lost on the way. */
  emit(body: DistributiveOmit<DcEvent, 'seq' | 'at'>): void {
    this.state.seq += 1;
    this.#persist();
    if (this.#watchers.size && (body.type === 'media-state' || body.type === 'task')) {
      for (const w of [...this.#watchers]) queueMicrotask(w);
    }
    const event = { ...body, seq: this.state.seq, at: this.clock.now() } as DcEvent;
    if (this.#connection !== 'online') return; // lost: the snapshot after reconnecting carries it
    if (this.#eventsToLose > 0) {
      this.#eventsToLose -= 1;
      return;
    }
    const copy = structuredClone(event);
    for (const l of [...this.#listeners]) l.event(copy);
  }

  /** Sends anything down the stream; a raw event with the next sequence number uses that number up. */
  emitRaw(raw: unknown): void {
    let seq: unknown;
    try {
      seq = (raw as { seq?: unknown } | null)?.seq;
    } catch {
      seq = undefined; // a getter or a proxy that throws: it is the kit's to cope with
    }
    if (seq === this.state.seq + 1) this.state.seq += 1;
    for (const l of [...this.#listeners]) l.event(raw);
  }

  /** The next `count` events are lost on the way. */
  loseEvents(count: number): void {
    this.#eventsToLose += count;
  }

  snapshot(): DcSnapshot {
    const tasks = Object.values(this.state.tasks);
    const messages = Object.fromEntries(tasks.map((t) => [t.id, this.state.messages[t.id] ?? []]));
    return structuredClone({ seq: this.state.seq, at: this.clock.now(), media: this.state.media, tasks, messages });
  }

  /** Closes the server for good: offline, no listeners, no timers. */
  close(): void {
    this.closed = true;
    this.setConnection('offline');
    this.#listeners.clear();
    this.cancelAll();
  }

  // -------------------------------------------------------------------------------------------------
  // Timers, by key (`expire:<task id>`, `receipt:<task id>:<message id>` …), so that one can be replaced
  // or cancelled by what it is for

  schedule(key: string, ms: number, fn: () => void): void {
    this.cancel(key);
    const handle = this.clock.setTimeout(() => {
      this.#timers.delete(key);
      if (!this.closed) fn();
    }, Math.max(0, ms));
    this.#timers.set(key, handle);
  }

  cancel(key: string): void {
    const handle = this.#timers.get(key);
    if (handle !== undefined) this.clock.clearTimeout(handle);
    this.#timers.delete(key);
  }

  scheduled(key: string): boolean {
    return this.#timers.has(key);
  }

  timerKeys(): string[] {
    return [...this.#timers.keys()];
  }

  cancelAll(): void {
    for (const t of this.#timers.values()) this.clock.clearTimeout(t);
    this.#timers.clear();
  }

  // -------------------------------------------------------------------------------------------------
  // Lookups and changes

  known(media: MediaId): void {
    if (!this.state.media[media]) throw new DcBackendError('unknown-media', `Unknown media "${media}"`);
  }

  mediaConfig(media: MediaId): MediaConfig | undefined {
    return this.config.media.find((m) => m.id === media);
  }

  kind(task: Task): MediaKind {
    return this.mediaConfig(task.media)?.kind ?? 'chat';
  }

  /** The server's task by id; an id the kit sends may be any string, so never an inherited member. */
  lookup(taskId: string): Task | undefined {
    return Object.hasOwn(this.state.tasks, taskId) ? this.state.tasks[taskId] : undefined;
  }

  task(taskId: string): Task {
    const task = this.lookup(taskId);
    if (!task) throw new DcBackendError('unknown-task', `Unknown task "${taskId}"`);
    return task;
  }

  /** A task the agent holds (active or wrap-up), else `unknown-task`. */
  held(taskId: string): Task {
    const task = this.lookup(taskId);
    if (!task || !isHeld(task)) throw new DcBackendError('unknown-task', `The task "${taskId}" is not held by the agent`);
    return task;
  }

  mediaUpdate(state: MediaState, cause: StateCause): void {
    this.state.media[state.media] = state;
    this.emit({ type: 'media-state', state, cause });
  }

  /** A task that is over leaves the server with its messages. */
  taskUpdate(task: Task, cause: TaskCause): void {
    if (task.status === 'offered' || isHeld(task)) {
      this.state.tasks[task.id] = task;
    } else {
      delete this.state.tasks[task.id];
      delete this.state.messages[task.id];
    }
    this.emit({ type: 'task', task, cause });
  }

  addMessage(taskId: string, from: Message['from'], text: string, extra: Partial<Omit<Message, 'id' | 'taskId'>> = {}): Message {
    const message: Message = { id: `m${this.state.nextId++}`, taskId, from, text, at: this.clock.now(), ...extra };
    (this.state.messages[taskId] ??= []).push(message);
    this.emit({ type: 'message', message });
    return message;
  }

  /**
   * Starts again with every media signed out: the stored copy forgotten, every timer stopped, every
   * task ended. Sequence numbers and ids go on from where they were.
   */
  reset(): void {
    this.#storage?.removeItem(this.#storageKey);
    this.cancelAll();
    for (const task of Object.values(this.state.tasks)) {
      const offered = task.status === 'offered';
      this.taskUpdate({ ...task, status: offered ? 'rescinded' : 'closed', endedAt: this.clock.now() }, offered ? 'rescinded' : 'ended');
    }
    this.state = { ...this.#emptyState(this.state.seq), nextId: this.state.nextId };
  }

  // -------------------------------------------------------------------------------------------------
  // Storage

  #persist(): void {
    try {
      this.#storage?.setItem(this.#storageKey, JSON.stringify(this.state));
    } catch {
      // storage full or denied: the simulation goes on in memory
    }
  }

  /** The saved server, kept to the media this one has; undefined when there is none to read. */
  #restore(): ServerState | undefined {
    try {
      const text = this.#storage?.getItem(this.#storageKey);
      if (!text) return undefined;
      const saved = JSON.parse(text) as ServerState;
      if (!Number.isSafeInteger(saved.seq) || typeof saved.media !== 'object') return undefined;
      const media: Record<MediaId, MediaState> = {};
      for (const m of this.media) media[m] = saved.media[m] ?? signedOutState(m, this.clock.now());
      const tasks = Object.fromEntries(Object.entries(saved.tasks ?? {}).filter(([, t]) => this.media.includes(t.media)));
      const messages = Object.fromEntries(Object.entries(saved.messages ?? {}).filter(([id]) => id in tasks));
      const left = Object.fromEntries(Object.keys(saved.left ?? {}).filter((id) => id in tasks).map((id) => [id, true] as const));
      const nextId = Number.isSafeInteger(saved.nextId) ? saved.nextId : 1;
      return { seq: saved.seq, media, tasks, messages, left, nextId };
    } catch {
      return undefined;
    }
  }
}
