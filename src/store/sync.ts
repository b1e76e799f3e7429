/**
 * The backend's event stream into the core: events are checked, applied in sequence (the reducer's
 * guard drops what was already applied; a gap makes the store re-read the snapshot), and every
 * (re)connection re-reads the snapshot before anything is enabled again (FAIL-2). What happens after a
 * resync (queued messages sent, histories loaded, "connection restored") follows from the transition
 * to `online`, in the effect modules.
 *
 * Nothing a backend sends can stop the stream:
 * - a malformed event is reported and its number used up;
 * - an event the reducer cannot apply changes nothing (state and `lastSeq` stay as they were), is
 *   reported, and the snapshot is re-read, since the kit now knows it is behind the server;
 * - a number that moves beyond reason from the last one applied (`MAX_SEQ_JUMP`), either way, is
 *   reported and taken as a new epoch: the snapshot is re-read, and if the stream still does not
 *   follow on from it, the stream's own numbering becomes the base once two events in a row agree;
 * - a snapshot is applied entry by entry: what fails its check, or what the reducer cannot take, is
 *   dropped and reported once, and the rest is applied.
 */
import { checkEvent, checkSnapshot, describe, MAX_SEQ_JUMP, seqOf } from '../backend/events.js';
import type { ConnectionStatus, DcEvent, DcSnapshot } from '../backend/types.js';
import type { Message } from '../model/tasks.js';
import { retryDelay } from '../model/state-rules.js';
import type { StoreCore } from './core.js';
import { has, own, record, withEntry } from './records.js';

/** How often one resync re-reads the snapshot because the events after it leave a gap, before giving up on them. */
const MAX_REREADS = 3;

type Placement = 'apply' | 'skip' | 'gap' | 'jump' | 'rebase';

export class EventSync {
  readonly #core: StoreCore;
  /** Events that arrived while the snapshot was being read, or after a gap: applied after it. */
  #queued: DcEvent[] = [];
  #resyncing = false;
  /** Asked to resync again while one runs (the connection came back, or a gap in what was queued). */
  #again = false;
  /**
   * A new epoch has begun (a jump beyond reason, or a snapshot whose number is not believable): the
   * next event that does not follow on from `lastSeq` sets the base instead of asking for a resync.
   */
  #rebase = false;
  /** In a new epoch, the event that may start the new numbering, until the next one confirms it. */
  #candidate: DcEvent | undefined;
  /** The last snapshot failure reported, so that retries of the same failure are not reported again. */
  #lastFailure: string | undefined;
  #unsubscribe: () => void;
  readonly ready: Promise<void>;

  constructor(core: StoreCore) {
    this.#core = core;
    this.#unsubscribe = core.backend.subscribe({
      event: (raw) => this.#guarded(() => this.#onEvent(raw)),
      connection: (status) => this.#guarded(() => this.#onConnection(status)),
    });
    this.ready = this.#start();
  }

  dispose(): void {
    this.#unsubscribe();
  }

  /** The backend's listener never throws back into the backend (nor, through it, into the page). */
  #guarded(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.#core.report({ source: 'event', message: `The event stream failed and goes on: ${String(error)}`, detail: error });
    }
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
      let reads = 0;
      do {
        this.#again = false;
        if (!(await this.#readSnapshot())) return; // dropped again, or disposed: the next 'online' resyncs
        reads += 1;
        this.#applyQueued(reads > MAX_REREADS);
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
      let failure: string;
      let detail: unknown;
      try {
        const raw: unknown = await core.backend.snapshot();
        if (core.disposed) return false;
        const checked = checkSnapshot(raw, core.known);
        if (checked.ok) {
          this.#lastFailure = undefined;
          for (const warning of checked.warnings) core.report({ source: 'snapshot', message: `Snapshot entry dropped: ${warning}` });
          this.#applySnapshot(checked.value, checked.seqTrusted);
          return true;
        }
        failure = checked.error;
        detail = raw;
      } catch (error) {
        failure = (error as Error | undefined)?.message ?? describe(error);
        detail = error;
      }
      // Retried with backoff; the same failure again is not reported again.
      if (failure !== this.#lastFailure) {
        this.#lastFailure = failure;
        core.report({ source: 'snapshot', message: `Snapshot failed: ${failure} (retrying)`, detail });
      }
      await new Promise<void>((resolve) => core.later(retryDelay(core.config, attempt), resolve));
    }
    return false;
  }

  /**
   * Applies a checked snapshot. Should the reducer refuse it, the entries it cannot take are found and
   * dropped (a task's snapshot messages first, then the task, then a media), and the rest is applied.
   */
  #applySnapshot(snapshot: DcSnapshot, seqTrusted: boolean): void {
    const core = this.#core;
    // A number the kit does not believe keeps the base it has; the stream gives the next one.
    const snap = seqTrusted ? snapshot : { ...snapshot, seq: core.state.lastSeq };
    if (!seqTrusted) this.#rebase = true;
    const fits = (s: DcSnapshot) => core.accepts({ type: 'snapshot', snapshot: s });
    if (fits(snap)) {
      core.dispatch({ type: 'snapshot', snapshot: snap });
      return;
    }
    const dropped: string[] = [];
    let kept: DcSnapshot = { ...snap, tasks: [], messages: record<readonly Message[]>() };
    if (!fits(kept)) {
      let media: DcSnapshot['media'] = record();
      for (const id of Object.keys(snap.media)) {
        const next = withEntry(media, id, snap.media[id]!);
        if (fits({ ...kept, media: next })) media = next;
        else dropped.push(`media ${id}`);
      }
      kept = { ...kept, media };
    }
    for (const task of snap.tasks) {
      const withTask: DcSnapshot = { ...kept, tasks: [...kept.tasks, task] };
      const list = own(snap.messages, task.id);
      if (list) {
        const full: DcSnapshot = { ...withTask, messages: withEntry(kept.messages, task.id, list) };
        if (fits(full)) {
          kept = full;
          continue;
        }
      }
      if (fits(withTask)) {
        kept = withTask;
        if (list) dropped.push(`the messages of task ${task.id}`);
      } else dropped.push(`task ${task.id}`);
    }
    core.report({ source: 'snapshot', message: `Snapshot applied without what it could not take: ${dropped.join(', ') || 'nothing'}` });
    if (!core.dispatch({ type: 'snapshot', snapshot: kept })) core.dispatch({ type: 'seq', seq: kept.seq });
  }

  /**
   * Where an event stands against the last one applied: the next one (apply), one already applied or
   * covered by the snapshot (skip), one after a gap, or one beyond reason (a jump, or a new base when
   * an epoch has just begun).
   */
  #place(event: DcEvent): Placement {
    const last = this.#core.state.lastSeq;
    const seq = event.seq;
    if (seq === last + 1) return 'apply';
    const replay = seq <= last && last - seq <= MAX_SEQ_JUMP;
    if (replay) return 'skip';
    if (this.#rebase) return 'rebase';
    if (seq <= last || seq - last > MAX_SEQ_JUMP) return 'jump';
    return 'gap';
  }

  /**
   * Applies the waiting events that follow the snapshot; a gap among them asks for another snapshot,
   * unless this resync has re-read it enough (`giveUp`): then the events beyond the gap are dropped.
   */
  #applyQueued(giveUp: boolean): void {
    const queued = this.#queued.sort((a, b) => a.seq - b.seq);
    this.#queued = [];
    for (const [i, event] of queued.entries()) {
      switch (this.#place(event)) {
        case 'skip':
          continue;
        case 'gap':
          if (giveUp) {
            const dropped = queued.slice(i);
            this.#core.report({
              source: 'event',
              message: `Events ${dropped[0]!.seq}–${dropped.at(-1)!.seq} dropped: the snapshot never caught up with them`,
            });
            return;
          }
          this.#queued = queued.slice(i);
          this.#again = true;
          return;
        case 'jump':
          this.#jump(event); // reported; the resync under way reads the state again
          continue;
        case 'rebase':
          this.#rebaseOn(event);
          continue;
        case 'apply':
          this.#dispatch(event);
      }
    }
  }

  #onEvent(raw: unknown): void {
    const core = this.#core;
    if (core.disposed) return;
    const checked = checkEvent(raw, core.known);
    if (!checked.ok) {
      // Reported, never thrown into the page; its seq is used up so the stream goes on.
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
    switch (this.#place(event)) {
      case 'skip':
        return; // the reducer would drop it too; nothing to report
      case 'gap':
        // An event was lost. Re-read the whole state; this event is kept and applied after.
        this.#queued.push(event);
        void this.resync();
        return;
      case 'jump':
        this.#jump(event);
        return;
      case 'rebase':
        this.#rebaseOn(event);
        return;
      case 'apply':
        this.#dispatch(event);
    }
  }

  /** A number beyond reason: a new epoch. Reported; the state is re-read; the event is not applied. */
  #jump(event: DcEvent): void {
    const last = this.#core.state.lastSeq;
    this.#core.report({
      source: 'event',
      message: `Event ${event.seq} (${event.type}) ignored: the sequence jumped from ${last}; the state is read again as a new epoch`,
    });
    this.#rebase = true;
    void this.resync();
  }

  /**
   * After a new epoch began, the stream's own numbering becomes the base, once two events in a row
   * agree on it: the first is held until the next number follows it, so that one stray number never
   * becomes the base. Each held event is reported.
   */
  #rebaseOn(event: DcEvent): void {
    const core = this.#core;
    const held = this.#candidate;
    if (held && event.seq === held.seq + 1) {
      this.#candidate = undefined;
      core.report({
        source: 'event',
        message: `The event stream goes on from ${held.seq} (the last applied was ${core.state.lastSeq}): taken as the new base`,
      });
      core.dispatch({ type: 'seq', seq: held.seq - 1, rebase: true });
      this.#dispatch(held);
      this.#dispatch(event);
      return;
    }
    this.#candidate = event;
    core.report({
      source: 'event',
      message: `Event ${event.seq} (${event.type}) held: since the sequence jumped, it is applied only if ${event.seq + 1} follows it`,
    });
  }

  #dispatch(event: DcEvent): void {
    const core = this.#core;
    if (event.type === 'message' && !has(core.state.tasks, event.message.taskId)) {
      core.report({ source: 'event', message: `Message ${event.message.id} for unknown task ${event.message.taskId} ignored` });
    }
    if (core.dispatch({ type: 'event', event })) {
      this.#rebase = false;
      this.#candidate = undefined;
      return;
    }
    // All or nothing: the state and its number are as they were, so the kit is behind the server.
    void this.resync();
  }
}
