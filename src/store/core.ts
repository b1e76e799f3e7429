/**
 * The store's core: the state, `dispatch`, `subscribe`, the effect hooks, timers and error reports.
 *
 * `dispatch` runs the pure reducer. When the state changed, every transition effect sees that
 * transition (before → after, and the action that made it); an effect may dispatch in turn, and those
 * nested transitions are queued and seen in order, after the current one. When the outermost dispatch
 * is done, the settled effects (persistence, file clean-up) see the whole batch once, and then the
 * listeners are told once, with (after, before). An action that changes nothing reaches nobody.
 */
import type { Clock } from '../backend/clock.js';
import type { DcBackend } from '../backend/types.js';
import type { DcConfig } from '../model/config.js';
import type { StoreListener } from './api.js';
import { reduce } from './reducer.js';
import type { Action, DcState } from './state.js';

/**
 * A problem for the integrator (not the agent): a malformed event or snapshot, saved state that does
 * not check out or storage that fails, a catalogue entry dropped, a refused command.
 */
export interface DcStoreError {
  readonly source: 'event' | 'snapshot' | 'storage' | 'catalogue' | 'command';
  readonly message: string;
  readonly detail?: unknown;
}

/** One change of state: what it was, what it is, and the action that made the difference. */
export interface Transition {
  readonly before: DcState;
  readonly after: DcState;
  readonly action: Action;
}

/** How many errors are kept for a listener that has not come yet. */
const MAX_HELD = 100;

export class StoreCore {
  readonly config: DcConfig;
  readonly backend: DcBackend;
  readonly clock: Clock;
  /** The media the configuration names: events about any other are malformed. */
  readonly known: ReadonlySet<string>;
  #state: DcState;
  #listeners = new Set<StoreListener>();
  #errorListeners = new Set<(error: DcStoreError) => void>();
  #transitionEffects: ((t: Transition) => void)[] = [];
  #settledEffects: ((before: DcState, after: DcState) => void)[] = [];
  #queue: Transition[] = [];
  #depth = 0;
  #notifying = false;
  #timers = new Set<unknown>();
  #disposed = false;
  /** Errors reported while nobody listened (the constructor reads saved state before anyone can). */
  #held: DcStoreError[] = [];

  constructor(config: DcConfig, backend: DcBackend, clock: Clock, state: DcState) {
    this.config = config;
    this.backend = backend;
    this.clock = clock;
    this.known = new Set(config.media.map((m) => m.id));
    this.#state = state;
  }

  get state(): DcState {
    return this.#state;
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  now(): number {
    return this.clock.now();
  }

  /** Runs after every transition, nested ones included, in order. */
  onTransition(effect: (t: Transition) => void): void {
    this.#transitionEffects.push(effect);
  }

  /** Runs once per outermost dispatch that changed the state, before the listeners. */
  onSettled(effect: (before: DcState, after: DcState) => void): void {
    this.#settledEffects.push(effect);
  }

  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Problems meant for the integrator. The first listener also hears, at once and in order, what was
   * reported before anyone listened (what the constructor found in saved state, for one).
   */
  onError(listener: (error: DcStoreError) => void): () => void {
    this.#errorListeners.add(listener);
    const held = this.#held;
    this.#held = [];
    for (const error of held) this.#guard(() => listener(error), 'an error listener');
    return () => this.#errorListeners.delete(listener);
  }

  /**
   * Runs the reducer on `action`. All or nothing: if the reducer throws, the state (its `lastSeq`
   * included) stays exactly as it was, the action is reported, and false is returned.
   */
  dispatch(action: Action): boolean {
    if (this.#disposed) return false;
    let applied = true;
    this.batch(() => {
      const before = this.#state;
      let after: DcState;
      try {
        after = reduce(before, action);
      } catch (error) {
        // The reducer is pure and total; should it still throw, the action is dropped, not the page.
        applied = false;
        const source = action.type === 'event' ? 'event' : action.type === 'snapshot' ? 'snapshot' : 'command';
        const what = action.type === 'event' ? `Event ${action.event.seq} (${action.event.type})` : `Action "${action.type}"`;
        this.report({ source, message: `${what} could not be applied and was ignored: ${String(error)}`, detail: error });
        return;
      }
      if (after !== before) {
        this.#state = after;
        this.#queue.push({ before, after, action });
      }
    });
    return applied;
  }

  /** Whether the reducer takes `action` without throwing, from the state as it is now (nothing changes). */
  accepts(action: Action): boolean {
    try {
      reduce(this.#state, action);
      return true;
    } catch {
      return false;
    }
  }

  /** Runs `fn`'s dispatches as one: effects see each transition, listeners hear of them once. */
  batch(fn: () => void): void {
    const start = this.#state;
    this.#depth += 1;
    try {
      fn();
      if (this.#depth === 1) this.#drain();
    } finally {
      this.#depth -= 1;
    }
    if (this.#depth === 0 && this.#state !== start) this.#settle(start);
  }

  #drain(): void {
    // Effects dispatch while this runs; their transitions join the queue and are seen in turn.
    for (let i = 0; i < this.#queue.length; i++) {
      const transition = this.#queue[i]!;
      for (const effect of this.#transitionEffects) this.#guard(() => effect(transition), 'an effect');
    }
    this.#queue = [];
  }

  #settle(start: DcState): void {
    const end = this.#state;
    for (const effect of this.#settledEffects) this.#guard(() => effect(start, end), 'an effect');
    // A listener that dispatches starts a batch of its own; the loop below tells every listener of it
    // after this round, so each hears the changes in order and once.
    if (this.#notifying) return;
    this.#notifying = true;
    try {
      let from = start;
      while (this.#state !== from && !this.#disposed) {
        const to = this.#state;
        for (const l of [...this.#listeners]) this.#guard(() => l(to, from), 'a store listener');
        from = to;
      }
    } finally {
      this.#notifying = false;
    }
  }

  #guard(fn: () => void, what: string): void {
    try {
      fn();
    } catch (error) {
      console.error(`[dc-widgets] ${what} threw`, error);
    }
  }

  /** Runs `fn` after `ms` on the store's clock, unless the store is disposed first. */
  later(ms: number, fn: () => void): unknown {
    const handle = this.clock.setTimeout(() => {
      this.#timers.delete(handle);
      if (!this.#disposed) fn();
    }, ms);
    this.#timers.add(handle);
    return handle;
  }

  cancel(handle: unknown): void {
    if (!this.#timers.delete(handle)) return;
    this.clock.clearTimeout(handle);
  }

  /** Reported to the integrator, never thrown into the page; held for the first listener if none listens yet. */
  report(error: DcStoreError): void {
    if (this.#errorListeners.size === 0) {
      console.warn(`[dc-widgets] ${error.message}`, error.detail ?? '');
      if (this.#held.length < MAX_HELD) this.#held.push(error);
      return;
    }
    for (const l of [...this.#errorListeners]) this.#guard(() => l(error), 'an error listener');
  }

  /** After this nothing changes: dispatches are ignored, timers are cancelled, listeners let go. */
  dispose(): void {
    this.#disposed = true;
    for (const t of this.#timers) this.clock.clearTimeout(t);
    this.#timers.clear();
    this.#listeners.clear();
  }
}
