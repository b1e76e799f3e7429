/**
 * What survives a reload (FAIL-3, COMP-12, COMP-13): restoring the saved state when the store starts,
 * and saving it as it changes. Agent-state and outbox changes are written at once (a page closed right
 * after Send still sends it); task, message, read, selection, pause and draft changes are gathered for
 * a quarter of a second, so a burst of messages makes one write. The layout is in persist.ts, the
 * checks in schema.ts.
 *
 * Writes are per entry: a store writes a draft or an outbox entry only when it changed it, and removes
 * one only when it removed it. So two pages of one agent on one storage (two tabs, a CRM and a pop-out)
 * never overwrite each other's drafts or queued messages. When that storage is the page's localStorage,
 * which the pages share, each also tells the others on a `BroadcastChannel` which entries it wrote, and
 * each takes them in: a draft changed or cleared in one tab is the draft in the other, and a message one
 * tab queued while offline is sent by whichever tab is online (the client id keeps it to one message).
 */
import type { StoreCore } from './core.js';
import type { Message } from '../model/tasks.js';
import { customerKey, draftKey, entryOf, outboxKey, PERSIST_VERSION, PERSISTED_MESSAGES, type GuardedStorage, type PersistedCore } from './persist.js';
import { own, record, sameData, type Rec } from './records.js';
import { checkCustomerEdits, checkDraft, checkOutboxEntry, type Restored } from './schema.js';
import type { DcState, Draft, OutboxEntry } from './state.js';

/** How long task and message changes wait to be written together (see `flush`). */
export const SAVE_DELAY_MS = 250;

/** FAIL-3: the last known state, shown at once while the snapshot is fetched. */
export function restoreState(state: DcState, restored: Restored): DcState {
  let media = state.media;
  if (Object.keys(restored.media).length) {
    const merged = record<DcState['media'][string]>();
    for (const id of Object.keys(state.media)) merged[id] = own(restored.media, id) ?? state.media[id]!;
    media = merged;
  }
  const customerCounts = record<number>();
  for (const id of Object.keys(restored.messages)) {
    let n = 0;
    for (const m of restored.messages[id]!) if (m.from === 'customer') n += 1;
    customerCounts[id] = n;
  }
  return {
    ...state,
    media,
    tasks: restored.tasks,
    messages: restored.messages,
    customerCounts,
    reads: restored.reads,
    pauses: restored.pauses,
    drafts: restored.drafts,
    outbox: restored.outbox,
    wrapUps: restored.wrapUps,
    customerEdits: restored.customerEdits,
    voice: restored.voice,
    ...(restored.selectedTaskId !== undefined ? { selectedTaskId: restored.selectedTaskId } : {}),
  };
}

/** What was last written of the record at `<key>`: its slices, so a write happens only when one changed. */
type CoreSlices = Pick<DcState, 'media' | 'tasks' | 'messages' | 'reads' | 'selectedTaskId' | 'pauses' | 'voice' | 'wrapUps'>;

const slices = (s: DcState): CoreSlices => ({
  media: s.media,
  tasks: s.tasks,
  messages: s.messages,
  reads: s.reads,
  selectedTaskId: s.selectedTaskId,
  pauses: s.pauses,
  voice: s.voice,
  wrapUps: s.wrapUps,
});

const sameSlices = (a: CoreSlices, b: CoreSlices): boolean =>
  (Object.keys(a) as (keyof CoreSlices)[]).every((k) => a[k] === b[k]);

export interface PersistenceOptions {
  /** Tell other pages on the same storage which entries were written, and take in theirs. */
  share: boolean;
  /** The saved state came in an older layout: write it all again in the current one at once. */
  rewrite: boolean;
}

/** Saves the state as it changes (see the top of this file); `flush` writes what is waiting now. */
export class Persistence {
  readonly #core: StoreCore;
  readonly #storage: GuardedStorage;
  readonly #key: string;
  #timer: unknown;
  /** What storage holds, as this store last wrote or read it. */
  #saved: {
    core: CoreSlices | undefined;
    drafts: Rec<Draft>;
    outbox: Rec<OutboxEntry>;
    customerEdits: DcState['customerEdits'];
  };
  /** Each entry's JSON as storage holds it, as far as this store knows (absent: no entry). */
  #written = new Map<string, string>();
  #channel: BroadcastChannel | undefined;

  constructor(core: StoreCore, storage: GuardedStorage, options: PersistenceOptions) {
    this.#core = core;
    this.#storage = storage;
    this.#key = core.config.storageKey;
    const state = core.state;
    if (options.rewrite) {
      this.#saved = { core: undefined, drafts: record(), outbox: record(), customerEdits: record() };
    } else {
      this.#saved = { core: slices(state), drafts: state.drafts, outbox: state.outbox, customerEdits: state.customerEdits };
      for (const id of Object.keys(state.customerEdits)) {
        this.#written.set(customerKey(this.#key, id), JSON.stringify(state.customerEdits[id]));
      }
      for (const id of Object.keys(state.drafts)) this.#written.set(draftKey(this.#key, id), JSON.stringify(state.drafts[id]));
      for (const id of Object.keys(state.outbox)) this.#written.set(outboxKey(this.#key, id), JSON.stringify(state.outbox[id]));
    }
    core.onSettled((before, after) => this.#onSettled(before, after));
    if (options.share && typeof BroadcastChannel === 'function') {
      try {
        this.#channel = new BroadcastChannel(`dc-widgets:${this.#key}`);
        this.#channel.onmessage = (event: MessageEvent<unknown>) => this.#takeIn(event.data);
      } catch {
        this.#channel = undefined; // pages then only share what a reload reads
      }
    }
    if (options.rewrite) this.flush();
  }

  dispose(): void {
    this.#channel?.close();
    this.#channel = undefined;
  }

  #onSettled(before: DcState, after: DcState): void {
    if (after.media !== before.media || after.outbox !== before.outbox) {
      this.flush(); // written now, with everything else
    } else if (
      this.#timer === undefined &&
      (after.tasks !== before.tasks ||
        after.messages !== before.messages ||
        after.reads !== before.reads ||
        after.selectedTaskId !== before.selectedTaskId ||
        after.pauses !== before.pauses ||
        after.voice !== before.voice ||
        after.drafts !== before.drafts ||
        after.wrapUps !== before.wrapUps ||
        after.customerEdits !== before.customerEdits)
    ) {
      this.#timer = this.#core.later(SAVE_DELAY_MS, () => {
        this.#timer = undefined;
        this.flush();
      });
    }
  }

  /** Writes now whatever changed since the last write. */
  flush(): void {
    if (this.#timer !== undefined) this.#core.cancel(this.#timer);
    this.#timer = undefined;
    const state = this.#core.state;
    const written: string[] = [];
    const now = slices(state);
    if (!this.#saved.core || !sameSlices(now, this.#saved.core)) {
      this.#writeCore(state);
      this.#saved.core = now;
    }
    const entries = <T>(saved: Rec<T>, current: Rec<T>, keyOf: (id: string) => string) => {
      if (saved === current) return;
      for (const id of new Set([...Object.keys(saved), ...Object.keys(current)])) {
        const value = own(current, id);
        if (value === own(saved, id)) continue;
        const key = keyOf(id);
        if (this.#write(key, value === undefined ? null : JSON.stringify(value))) written.push(key);
      }
    };
    entries(this.#saved.drafts, state.drafts, (id) => draftKey(this.#key, id));
    entries(this.#saved.outbox, state.outbox, (id) => outboxKey(this.#key, id));
    entries(this.#saved.customerEdits, state.customerEdits, (id) => customerKey(this.#key, id));
    this.#saved.drafts = state.drafts;
    this.#saved.outbox = state.outbox;
    this.#saved.customerEdits = state.customerEdits;
    if (written.length && this.#channel) {
      try {
        this.#channel.postMessage({ keys: written });
      } catch {
        // a closed channel: the other pages read storage on their next load
      }
    }
  }

  /**
   * The record at `<key>`. Should storage refuse it (full), it is tried again without the messages,
   * which the snapshot brings back: the agent state and the tasks are worth more than a cache.
   */
  #writeCore(state: DcState): void {
    const messages = record<readonly Message[]>();
    for (const id of Object.keys(state.messages)) messages[id] = state.messages[id]!.slice(-PERSISTED_MESSAGES);
    const data: PersistedCore = {
      version: PERSIST_VERSION,
      savedAt: this.#core.now(),
      media: state.media,
      tasks: Object.values(state.tasks),
      messages,
      reads: state.reads,
      ...(state.selectedTaskId !== undefined ? { selectedTaskId: state.selectedTaskId } : {}),
      voice: state.voice,
      pauses: state.pauses,
      wrapUps: state.wrapUps,
    };
    if (this.#storage.write(this.#key, JSON.stringify(data))) return;
    this.#storage.write(this.#key, JSON.stringify({ ...data, messages: record() }));
  }

  /** Writes one entry unless storage already holds exactly that; true when it was written. */
  #write(key: string, json: string | null): boolean {
    if ((this.#written.get(key) ?? null) === json) return false;
    const ok = this.#storage.write(key, json);
    if (ok && json !== null) this.#written.set(key, json);
    else this.#written.delete(key); // written as absent, or removed after a failed write
    return ok;
  }

  /** Another page on this storage wrote these entries: take them in (never written back). */
  #takeIn(data: unknown): void {
    const core = this.#core;
    if (core.disposed) return;
    const keys = (data as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(keys)) return;
    core.batch(() => {
      for (const key of keys) {
        if (typeof key !== 'string') continue;
        const entry = entryOf(this.#key, key);
        if (!entry || entry.kind === 'core') continue;
        const text = this.#storage.read(key);
        let value: unknown;
        try {
          value = text === null ? undefined : JSON.parse(text);
        } catch {
          continue;
        }
        if (entry.kind === 'draft') this.#takeDraft(key, entry.id, value);
        else if (entry.kind === 'customer') this.#takeCustomerEdits(key, entry.id, value);
        else this.#takeOutbox(key, entry.id, value);
      }
    });
  }

  #takeDraft(key: string, taskId: string, value: unknown): void {
    const core = this.#core;
    const held = own(core.state.drafts, taskId);
    if (value === undefined) {
      this.#written.delete(key);
      if (held) core.dispatch({ type: 'draft', taskId, draft: undefined });
      return;
    }
    const draft = checkDraft(value, `drafts.${taskId}`);
    if (!draft.ok || sameData(held, draft.value)) return;
    this.#written.set(key, JSON.stringify(draft.value));
    core.dispatch({ type: 'draft', taskId, draft: draft.value });
  }

  /** CUST-3: another page of the agent changed (or saved, or cancelled) a task's customer edits. */
  #takeCustomerEdits(key: string, taskId: string, value: unknown): void {
    const core = this.#core;
    const held = own(core.state.customerEdits, taskId);
    if (value === undefined) {
      this.#written.delete(key);
      if (held) core.dispatch({ type: 'customer-edits', taskId, edits: undefined });
      return;
    }
    const edits = checkCustomerEdits(value, `customerEdits.${taskId}`);
    if (!edits.ok || sameData(held, edits.value)) return;
    this.#written.set(key, JSON.stringify(edits.value));
    core.dispatch({ type: 'customer-edits', taskId, edits: edits.value });
  }

  /**
   * A message another page queued (it is offline) or that failed there: this page holds it too, and
   * sends it if it is online. One this page holds already is its own to track; a removal is not taken
   * in (this page learns from the server that the message arrived, and never writes it back unless
   * it changes it).
   */
  #takeOutbox(key: string, clientId: string, value: unknown): void {
    const core = this.#core;
    if (value === undefined || own(core.state.outbox, clientId)) return;
    const entry = checkOutboxEntry(value, `outbox.${clientId}`);
    if (!entry.ok || entry.value.clientId !== clientId) return;
    if ((value as { status?: unknown }).status === 'sending') return; // the other page is sending it now
    this.#written.set(key, JSON.stringify(entry.value));
    core.dispatch({ type: 'outbox', entry: entry.value });
  }
}
