/**
 * What survives a reload (FAIL-3): the last known agent state, shown at once (with the controls disabled)
 * until the backend's snapshot confirms or corrects it. Tasks, messages, drafts and queued messages are kept
 * too; later capabilities add wrap-up reasons and customer edits to the same record.
 */
import type { MediaState } from '../model/agent-state.js';
import type { MediaId } from '../model/media.js';
import type { Message, Task, TaskPause } from '../model/tasks.js';
import type { Draft, OutboxEntry } from './state.js';

export const PERSIST_VERSION = 2;

/** Messages kept per task across a reload (the thread reloads the full history from the backend). */
export const PERSISTED_MESSAGES = 200;

export interface PersistedState {
  readonly version: typeof PERSIST_VERSION;
  readonly savedAt: number;
  readonly media: Readonly<Record<MediaId, MediaState>>;
  readonly tasks?: readonly Task[];
  readonly messages?: Readonly<Record<string, readonly Message[]>>;
  readonly reads?: Readonly<Record<string, number>>;
  readonly selectedTaskId?: string;
  readonly voice?: boolean;
  readonly pauses?: Readonly<Record<string, TaskPause>>;
  /** Drafts by task (COMP-13). */
  readonly drafts?: Readonly<Record<string, Draft>>;
  /** Messages sent and not yet held by the server (COMP-12). */
  readonly outbox?: readonly OutboxEntry[];
}

/** A `Storage` that keeps nothing beyond the page (for tests, or hosts that forbid storage). */
export class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  clear(): void {
    this.#items.clear();
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, String(value));
  }
}

/** The page's localStorage when it can be used (a sandboxed iframe may refuse it), else memory. */
export function defaultStorage(): Storage {
  try {
    const probe = '__dc-widgets-probe__';
    globalThis.localStorage.setItem(probe, '1');
    globalThis.localStorage.removeItem(probe);
    return globalThis.localStorage;
  } catch {
    return new MemoryStorage();
  }
}

export function loadPersisted(storage: Storage, key: string): PersistedState | undefined {
  try {
    const text = storage.getItem(key);
    if (!text) return undefined;
    const data = JSON.parse(text) as PersistedState | { version: 1 };
    // Version 1 kept the agent state only; it reads as version 2 without tasks.
    if ((data?.version !== 1 && data?.version !== PERSIST_VERSION) || typeof (data as PersistedState).media !== 'object') {
      return undefined;
    }
    if ((data as PersistedState).media === null) return undefined;
    return { ...(data as PersistedState), version: PERSIST_VERSION };
  } catch {
    return undefined; // unreadable: start from the server's snapshot alone
  }
}

export function savePersisted(storage: Storage, key: string, data: PersistedState): void {
  try {
    storage.setItem(key, JSON.stringify(data));
  } catch {
    // quota or policy: the kit goes on; the snapshot still restores state after a reload
  }
}
