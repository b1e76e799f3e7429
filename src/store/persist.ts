/**
 * What survives a reload (FAIL-3, COMP-12, COMP-13), as it is laid out in storage, and the storage
 * access itself.
 *
 * Layout (version 3), under the configuration's `storageKey`:
 * - `<key>`: the last known state the server is the truth for, shown at once (with the controls
 *   disabled) until the snapshot confirms or corrects it: agent state, tasks, their last messages, and
 *   the kit's own view of them (what was read, the task on show, voice pauses).
 * - `<key>:draft:<task id>`: one draft each (COMP-13).
 * - `<key>:outbox:<client id>`: one message the server does not hold yet each (COMP-12).
 * - `<key>:customer:<task id>`: one task's unsaved customer edits each (CUST-3, FAIL-3).
 *
 * A draft and an outbox entry are entries of their own so that one that cannot be written (storage
 * full) or read (damaged) takes nothing else with it, a keystroke writes one small entry rather than
 * every conversation, and two pages of one agent on one storage never overwrite each other's: each
 * writes only the entries it changed (persistence.ts).
 *
 * Earlier versions kept everything in `<key>`: version 1 the agent state only, version 2 also tasks,
 * messages, drafts and the outbox (a list). Both are read and written again as version 3 (schema.ts).
 */
import type { MediaState } from '../model/agent-state.js';
import type { MediaId } from '../model/media.js';
import type { Message, Task, TaskPause } from '../model/tasks.js';
import type { WrapUpChoice } from '../model/wrap-up.js';

export const PERSIST_VERSION = 3;

/** Messages kept per task across a reload (the thread reloads the full history from the backend). */
export const PERSISTED_MESSAGES = 200;

/** The record at `<key>` (version 3). */
export interface PersistedCore {
  readonly version: typeof PERSIST_VERSION;
  readonly savedAt: number;
  readonly media: Readonly<Record<MediaId, MediaState>>;
  readonly tasks?: readonly Task[];
  readonly messages?: Readonly<Record<string, readonly Message[]>>;
  readonly reads?: Readonly<Record<string, number>>;
  readonly selectedTaskId?: string;
  readonly voice?: boolean;
  readonly pauses?: Readonly<Record<string, TaskPause>>;
  /** END-2: the wrap-up reasons and note chosen so far, by task (FAIL-3). */
  readonly wrapUps?: Readonly<Record<string, WrapUpChoice>>;
}

export const draftKey = (key: string, taskId: string): string => `${key}:draft:${taskId}`;
export const outboxKey = (key: string, clientId: string): string => `${key}:outbox:${clientId}`;
export const customerKey = (key: string, taskId: string): string => `${key}:customer:${taskId}`;

/** Which entry a storage key is, if it is one of this kit's (`<key>`, a draft or an outbox entry). */
export function entryOf(
  key: string,
  storageKey: string,
): { kind: 'core' } | { kind: 'draft' | 'outbox' | 'customer'; id: string } | undefined {
  if (storageKey === key) return { kind: 'core' };
  for (const kind of ['draft', 'outbox', 'customer'] as const) {
    const prefix = `${key}:${kind}:`;
    if (storageKey.startsWith(prefix)) return { kind, id: storageKey.slice(prefix.length) };
  }
  return undefined;
}

/** What storage holds for a kit, parsed but not checked (schema.ts checks it, entry by entry). */
export interface SavedEntries {
  /** The record at `<key>`, when there is one. */
  readonly core?: unknown;
  readonly drafts: readonly (readonly [taskId: string, value: unknown])[];
  readonly outbox: readonly (readonly [clientId: string, value: unknown])[];
  /** Unsaved customer edits by task (CUST-3); absent in what an older kit wrote. */
  readonly customerEdits?: readonly (readonly [taskId: string, value: unknown])[];
  /** Entries that could not be read or parsed, and why. */
  readonly problems: readonly string[];
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

/**
 * What the kit uses when the page's localStorage cannot be used at all (a sandboxed frame, a browser
 * setting): memory, with the reason, which the store reports to the agent and the host.
 */
export class UnavailableStorage extends MemoryStorage {
  readonly reason: string;
  constructor(reason: string) {
    super();
    this.reason = reason;
  }
}

function reasonOf(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'unknown error';
  }
}

/**
 * The page's localStorage when it can be read (a sandboxed frame may refuse even that), else memory
 * with the reason. A localStorage that is full is still returned: what was kept can still be read, and
 * the store reports each write it cannot make.
 */
export function defaultStorage(): Storage {
  try {
    const storage = globalThis.localStorage;
    storage.getItem('__dc-widgets-probe__');
    return storage;
  } catch (error) {
    return new UnavailableStorage(reasonOf(error));
  }
}

/** Whether `storage` is the page's own localStorage, which other pages of the origin share. */
export function isSharedStorage(storage: Storage): boolean {
  try {
    return storage === globalThis.localStorage;
  } catch {
    return false;
  }
}

/** Reads every entry of the kit under `key`; never throws (what fails is named in `problems`). */
export function readSaved(storage: Storage, key: string): SavedEntries {
  const problems: string[] = [];
  const drafts: [string, unknown][] = [];
  const outbox: [string, unknown][] = [];
  const customerEdits: [string, unknown][] = [];
  let core: unknown;
  const parse = (storageKey: string): { value?: unknown } => {
    try {
      const text = storage.getItem(storageKey);
      if (text === null) return {};
      return { value: JSON.parse(text) as unknown };
    } catch (error) {
      problems.push(`${storageKey} could not be read (${reasonOf(error)})`);
      return {};
    }
  };
  const read = parse(key);
  if ('value' in read) core = read.value;
  let keys: string[] = [];
  try {
    const n = storage.length;
    for (let i = 0; i < n; i++) {
      const k = storage.key(i);
      if (k !== null) keys.push(k);
    }
  } catch (error) {
    problems.push(`the keys of storage could not be listed (${reasonOf(error)})`);
    keys = [];
  }
  for (const k of keys) {
    const entry = entryOf(key, k);
    if (!entry || entry.kind === 'core') continue;
    const parsed = parse(k);
    if (!('value' in parsed)) continue;
    (entry.kind === 'draft' ? drafts : entry.kind === 'outbox' ? outbox : customerEdits).push([entry.id, parsed.value]);
  }
  return { ...(core !== undefined ? { core } : {}), drafts, outbox, customerEdits, problems };
}

/**
 * Storage as persistence uses it: every call caught. A write that fails removes the entry's older
 * value, so that a reload never brings back an older draft in place of a newer one, and is reported
 * through `onFailure`.
 */
export class GuardedStorage {
  readonly storage: Storage;
  readonly #onFailure: (key: string, reason: string) => void;

  constructor(storage: Storage, onFailure: (key: string, reason: string) => void) {
    this.storage = storage;
    this.#onFailure = onFailure;
  }

  /** Writes `value` (or removes the entry for `null`); true when storage now holds exactly that. */
  write(key: string, value: string | null): boolean {
    try {
      if (value === null) this.storage.removeItem(key);
      else this.storage.setItem(key, value);
      return true;
    } catch (error) {
      try {
        this.storage.removeItem(key);
      } catch {
        // storage refuses everything; the failure below says so
      }
      this.#onFailure(key, reasonOf(error));
      return false;
    }
  }

  read(key: string): string | null {
    try {
      return this.storage.getItem(key);
    } catch {
      return null;
    }
  }

  /** Whether a write is possible at all now (a small probe, removed at once). */
  probe(key: string): boolean {
    const probe = `${key}:probe`;
    try {
      this.storage.setItem(probe, '1');
      this.storage.removeItem(probe);
      return true;
    } catch (error) {
      this.#onFailure(probe, reasonOf(error));
      return false;
    }
  }
}
