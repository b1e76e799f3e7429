/**
 * Where the bytes of attached files wait until they are sent: a draft's attachments and a queued
 * message's survive a reload (COMP-12, COMP-13) only if their bytes do, and Web Storage holds strings of
 * a few megabytes at most. The default keeps them in IndexedDB (through idb-keyval, a 600-byte wrapper
 * made for exactly this); tests and hosts that forbid storage use memory.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

export interface BlobStore {
  put(id: string, blob: Blob): Promise<void>;
  get(id: string): Promise<Blob | undefined>;
  delete(id: string): Promise<void>;
  /**
   * Tells `onFailure` (at once if it has already happened) when files cannot be kept beyond the page
   * any more: no IndexedDB, or it refused a write. Optional: a store that never fails need not say so.
   */
  watch?(onFailure: (reason: string) => void): void;
}

export class MemoryBlobStore implements BlobStore {
  #blobs = new Map<string, Blob>();
  async put(id: string, blob: Blob): Promise<void> {
    this.#blobs.set(id, blob);
  }
  async get(id: string): Promise<Blob | undefined> {
    return this.#blobs.get(id);
  }
  async delete(id: string): Promise<void> {
    this.#blobs.delete(id);
  }
  get size(): number {
    return this.#blobs.size;
  }
}

/**
 * IndexedDB, one database per storage key; falls back to memory where IndexedDB is missing or refuses a
 * write (the file is then kept for this page only, and `watch` says so).
 */
export class IdbBlobStore implements BlobStore {
  #store: UseStore | undefined;
  #memory = new MemoryBlobStore();
  #failure: string | undefined;
  #watchers: ((reason: string) => void)[] = [];

  constructor(name: string) {
    try {
      if (typeof indexedDB === 'undefined' || indexedDB === null) this.#fail('IndexedDB is not available');
      else this.#store = createStore(name, 'attachments');
    } catch (error) {
      this.#fail(`IndexedDB cannot be opened: ${String(error)}`);
    }
  }

  watch(onFailure: (reason: string) => void): void {
    if (this.#failure !== undefined) onFailure(this.#failure);
    else this.#watchers.push(onFailure);
  }

  #fail(reason: string): void {
    this.#store = undefined;
    if (this.#failure !== undefined) return;
    this.#failure = reason;
    for (const w of this.#watchers.splice(0)) w(reason);
  }

  async put(id: string, blob: Blob): Promise<void> {
    await this.#memory.put(id, blob); // at hand at once, and kept even if IndexedDB fails
    if (!this.#store) return;
    try {
      await set(id, blob, this.#store);
    } catch (error) {
      // quota or policy: the file stays in memory for this page
      this.#fail(`IndexedDB refused a file: ${String(error)}`);
    }
  }

  async get(id: string): Promise<Blob | undefined> {
    const held = await this.#memory.get(id);
    if (held || !this.#store) return held;
    try {
      return await get<Blob>(id, this.#store);
    } catch {
      return undefined;
    }
  }

  async delete(id: string): Promise<void> {
    await this.#memory.delete(id);
    if (!this.#store) return;
    try {
      await del(id, this.#store);
    } catch {
      // nothing to do: an orphan file is harmless
    }
  }
}
