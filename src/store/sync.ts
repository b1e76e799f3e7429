/**
 * The backend's event stream into the core: events are checked, applied in sequence (the reducer's
 * guard drops what was already applied; a gap makes the store re-read the snapshot), and every
 * (re)connection re-reads the snapshot before anything is enabled again (FAIL-2). What happens after a
 * resync (queued messages sent, histories loaded, "connection restored") follows from the transition
 * to `online`, in the effect modules.
 */
import { checkEvent, checkSnapshot, seqOf } from '../backend/events.js';
import type { ConnectionStatus, DcEvent } from '../backend/types.js';
import { retryDelay } from '../model/state-rules.js';
import type { StoreCore } from './core.js';
import { has } from './records.js';

export class EventSync {
  readonly #core: StoreCore;
  /** Events that arrived while the snapshot was being read, or after a gap: applied after it. */
  #queued: DcEvent[] = [];
  #resyncing = false;
  /** Asked to resync again while one runs (the connection came back, or a gap in what was queued). */
  #again = false;
  #unsubscribe: () => void;
  readonly ready: Promise<void>;

  constructor(core: StoreCore) {
    this.#core = core;
    this.#unsubscribe = core.backend.subscribe({
      event: (raw) => this.#onEvent(raw),
      connection: (status) => this.#onConnection(status),
    });
    this.ready = this.#start();
  }

  dispose(): void {
    this.#unsubscribe();
  }

  async #start(): Promise<void> {
    const { backend } = this.#core;
    if (backend.connection === 'online') {
      await this.resync();
      return;
    }
    try {
      await backend.connect();
    } catch (error) {
      this.#core.report({ source: 'command', message: `Could not connect: ${(error as Error).message}`, detail: error });
    }
    if (backend.connection === 'offline') {
      this.#core.dispatch({ type: 'connection', status: 'offline', at: this.#core.now() });
    }
    // The backend's 'online' notice starts the resync; wait until it is done.
    await new Promise<void>((resolve) => {
      if (this.#core.state.connection === 'online') return resolve();
      const off = this.#core.subscribe((state) => {
        if (state.connection === 'online') {
          off();
          resolve();
        }
      });
    });
  }

  #onConnection(status: ConnectionStatus): void {
    if (this.#core.disposed) return;
    if (status === 'online') void this.resync();
    else this.#core.dispatch({ type: 'connection', status, at: this.#core.now() });
  }

  /** FAIL-2: re-read the snapshot before enabling anything; events that arrive meanwhile wait. */
  async resync(): Promise<void> {
    if (this.#resyncing) {
      this.#again = true;
      return;
    }
    const core = this.#core;
    this.#resyncing = true;
    core.dispatch({ type: 'connection', status: 'resyncing', at: core.now() });
    try {
      do {
        this.#again = false;
        if (!(await this.#readSnapshot())) return; // dropped again, or disposed: the next 'online' resyncs
        this.#applyQueued();
      } while (this.#again && !core.disposed);
      if (core.disposed || core.backend.connection !== 'online') return;
      core.dispatch({ type: 'connection', status: 'online', at: core.now() });
    } finally {
      this.#resyncing = false;
    }
  }

  /** The snapshot, read until it comes (with the configured backoff). False when it cannot be now. */
  async #readSnapshot(): Promise<boolean> {
    const core = this.#core;
    for (let attempt = 1; !core.disposed; attempt++) {
      if (core.backend.connection !== 'online') return false;
      try {
        const raw = await core.backend.snapshot();
        if (core.disposed) return false;
        const checked = checkSnapshot(raw, core.known);
        for (const warning of checked.warnings ?? []) core.report({ source: 'snapshot', message: warning });
        if (!checked.ok) throw new Error(checked.error);
        core.dispatch({ type: 'snapshot', snapshot: checked.value });
        return true;
      } catch (error) {
        core.report({ source: 'snapshot', message: `Snapshot failed: ${(error as Error).message}`, detail: error });
        await new Promise<void>((resolve) => core.later(retryDelay(core.config, attempt), resolve));
      }
    }
    return false;
  }

  /** Applies the waiting events that follow the snapshot; a gap among them asks for another snapshot. */
  #applyQueued(): void {
    const queued = this.#queued.sort((a, b) => a.seq - b.seq);
    this.#queued = [];
    for (const [i, event] of queued.entries()) {
      const last = this.#core.state.lastSeq;
      if (event.seq <= last) continue;
      if (event.seq > last + 1) {
        this.#queued = queued.slice(i);
        this.#again = true;
        return;
      }
      this.#core.dispatch({ type: 'event', event });
    }
  }

  #onEvent(raw: unknown): void {
    const core = this.#core;
    if (core.disposed) return;
    const checked = checkEvent(raw, core.known);
    if (!checked.ok) {
      // Reported, never thrown into the page; its seq is consumed so the stream goes on.
      core.report({ source: 'event', message: `Malformed event ignored: ${checked.error}`, detail: raw });
      const seq = seqOf(raw);
      if (seq !== undefined && seq === core.state.lastSeq + 1 && core.state.connection === 'online') {
        core.dispatch({ type: 'seq', seq });
      }
      return;
    }
    if (core.state.connection !== 'online') {
      this.#queued.push(checked.value);
      return;
    }
    this.apply(checked.value);
  }

  /** Applies one event in sequence: the very next one is applied; a later one means some were lost. */
  apply(event: DcEvent): void {
    const core = this.#core;
    const last = core.state.lastSeq;
    if (event.seq <= last) return; // the reducer would drop it too; nothing to report
    if (event.seq > last + 1) {
      // A gap: an event was lost. Re-read the whole state; this event is kept and applied after.
      this.#queued.push(event);
      void this.resync();
      return;
    }
    if (event.type === 'message' && !has(core.state.tasks, event.message.taskId)) {
      core.report({ source: 'event', message: `Message ${event.message.id} for unknown task ${event.message.taskId} ignored` });
    }
    core.dispatch({ type: 'event', event });
  }
}
