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

/** IndexedDB, one database per storage key; falls back to memory where IndexedDB is refused. */
export class IdbBlobStore implements BlobStore {
  #store: UseStore | undefined;
  #memory = new MemoryBlobStore();

  constructor(name: string) {
    try {
      this.#store = typeof indexedDB === 'undefined' ? undefined : createStore(name, 'attachments');
    } catch {
      this.#store = undefined;
    }
  }

  async put(id: string, blob: Blob): Promise<void> {
    await this.#memory.put(id, blob); // at hand at once, and kept even if IndexedDB fails
    if (!this.#store) return;
    try {
      await set(id, blob, this.#store);
    } catch {
      // quota or policy: the file stays in memory for this page
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
