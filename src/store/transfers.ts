/**
 * Transfers as an explicit state (XFER-1, XFER-3, XFER-4): the agent asks, the entry is `pending` and
 * goes to the server under a client id; the server's `transferred` task event ends it with the task
 * (the task leaves the list); a refusal makes it `failed` with the reason, and Retry sends it again
 * under the same client id. Sending follows from the state, as the outbox's does: an entry that is
 * pending while online is sent once; one pending when the page was left is sent again on the next
 * load. While a transfer is pending, End and Send are refused.
 *
 * The entries are kept in storage under a key of their own (`<storageKey>:transfers`), checked when
 * read back like everything that comes from outside.
 */
import { DcBackendError } from '../backend/types.js';
import { blocksTaskActions, MAX_TRANSFER_NOTE, transferTargets, transferWrapUp, wrapUpReady } from '../model/transfer.js';
import type { GuardedStorage } from './persist.js';
import type { StoreCore, Transition } from './core.js';
import { own } from './records.js';
import type { TransferEntry } from './state.js';

/** What the agent chose in the transfer menu (after `dc-before-transfer`). */
export interface TransferChoice {
  readonly target: string;
  readonly note?: string;
  readonly wrapUp?: { readonly reasons: readonly string[]; readonly note?: string };
}

const MAX_SAVED = 200;

export class Transfers {
  readonly #core: StoreCore;
  readonly #newId: () => string;
  readonly #storage: GuardedStorage | undefined;
  readonly #key: string;
  /** Client ids whose request is on its way now: never sent twice at once. */
  readonly #inFlight = new Set<string>();
  #written: string | undefined;
  /** Saved transfers of tasks not known yet: taken when the first snapshot brings their task, else dropped. */
  readonly #restored = new Map<string, TransferEntry>();

  constructor(core: StoreCore, newId: () => string, storage: GuardedStorage | undefined) {
    this.#core = core;
    this.#newId = newId;
    this.#storage = storage;
    this.#key = `${core.config.storageKey}:transfers`;
    this.#restore();
    core.onTransition((t) => this.#effects(t));
  }

  /** Whether End and Send are refused for this task now (a transfer is pending). */
  blocks(taskId: string): boolean {
    return blocksTaskActions(own(this.#core.state.transfers, taskId)?.status);
  }

  /**
   * XFER-1: transfers an active task to one of its media's routing points. Refused (undefined) when
   * the task is not active, a transfer is already pending, the target is not one of the media's, or a
   * forced wrap-up has no reason (XFER-3). Returns the transfer's client id.
   */
  transfer(taskId: string, choice: TransferChoice): string | undefined {
    const core = this.#core;
    const task = own(core.state.tasks, taskId);
    if (!task || task.status !== 'active' || this.blocks(taskId)) return undefined;
    const media = core.config.media.find((m) => m.id === task.media);
    if (!transferTargets(media).some((t) => t.id === choice.target)) return undefined;
    // XFER-2: not while a voice call holds this media's timers.
    if (core.state.voice && media?.pauseOnVoice) return undefined;
    const rule = transferWrapUp(media);
    if (rule.required && !wrapUpReady(rule, choice.wrapUp?.reasons ?? [], true)) return undefined;
    const note = (choice.note ?? '').trim().slice(0, MAX_TRANSFER_NOTE);
    const entry: TransferEntry = {
      clientId: this.#newId(),
      target: choice.target,
      note,
      ...(rule.required && choice.wrapUp ? { wrapUp: { reasons: [...choice.wrapUp.reasons], ...(choice.wrapUp.note ? { note: choice.wrapUp.note } : {}) } } : {}),
      status: 'pending',
      at: core.now(),
    };
    core.dispatch({ type: 'transfer', taskId, entry });
    return entry.clientId;
  }

  /** XFER-4: a failed transfer goes again, under the same client id (the server keeps one). */
  retry(taskId: string): void {
    const core = this.#core;
    const entry = own(core.state.transfers, taskId);
    if (entry?.status !== 'failed') return;
    const { reason: _r, ...rest } = entry;
    core.dispatch({ type: 'transfer', taskId, entry: { ...rest, status: 'pending' } });
  }

  /** The agent gives up a failed transfer: they keep the task as it is. */
  dismiss(taskId: string): void {
    if (own(this.#core.state.transfers, taskId)?.status === 'failed') this.#core.dispatch({ type: 'transfer', taskId, entry: undefined });
  }

  #effects({ before, after, action }: Transition): void {
    if (this.#restored.size && after.tasks !== before.tasks) this.#takeRestored();
    if (action.type === 'snapshot') this.#restored.clear();
    if (after.transfers !== before.transfers) this.#save(after.transfers);
    if (after.connection !== 'online') return;
    const cameOnline = before.connection !== 'online';
    if (!cameOnline && before.transfers === after.transfers) return;
    for (const [taskId, entry] of Object.entries(after.transfers)) {
      if (entry.status !== 'pending' || this.#inFlight.has(entry.clientId)) continue;
      if (cameOnline || own(before.transfers, taskId)?.status !== 'pending') void this.#deliver(taskId, entry);
    }
  }

  async #deliver(taskId: string, entry: TransferEntry): Promise<void> {
    const core = this.#core;
    this.#inFlight.add(entry.clientId);
    try {
      await core.backend.transfer({
        clientId: entry.clientId,
        taskId,
        target: entry.target,
        ...(entry.note ? { note: entry.note } : {}),
        ...(entry.wrapUp ? { wrapUp: entry.wrapUp } : {}),
      });
      // Taken: the task event (`transferred`) follows and takes the entry with the task.
    } catch (error) {
      if (core.disposed) return; // the page is going: the next one sends what was saved
      const current = own(core.state.transfers, taskId);
      if (current?.clientId !== entry.clientId) return; // the task is gone meanwhile: done
      const offline =
        (error instanceof DcBackendError && (error.code === 'offline' || error.code === 'timeout')) ||
        core.backend.connection !== 'online';
      if (offline) return; // still pending: it goes again when the kit is back online
      const reason = (error as Error).message || String(error);
      core.dispatch({ type: 'transfer', taskId, entry: { ...current, status: 'failed', reason } });
    } finally {
      this.#inFlight.delete(entry.clientId);
    }
  }

  /** The saved transfers whose task is now held and active. */
  #takeRestored(): void {
    const core = this.#core;
    core.batch(() => {
      for (const [taskId, entry] of [...this.#restored]) {
        if (own(core.state.tasks, taskId)?.status !== 'active') continue;
        this.#restored.delete(taskId);
        core.dispatch({ type: 'transfer', taskId, entry });
      }
    });
  }

  #save(transfers: DcStateTransfers): void {
    if (!this.#storage) return;
    const ids = Object.keys(transfers);
    const text = ids.length ? JSON.stringify(Object.fromEntries(ids.map((id) => [id, transfers[id]]))) : null;
    if (text === this.#written) return;
    this.#written = text ?? undefined;
    this.#storage.write(this.#key, text);
  }

  /** Saved transfers of tasks the kit still holds, checked field by field; anything else is dropped. */
  #restore(): void {
    const text = this.#storage?.read(this.#key);
    if (!text) return;
    const core = this.#core;
    let saved: unknown;
    try {
      saved = JSON.parse(text);
    } catch {
      core.report({ source: 'storage', message: 'Saved transfers ignored: not JSON' });
      return;
    }
    if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) {
      core.report({ source: 'storage', message: 'Saved transfers ignored: not an object' });
      return;
    }
    const problems: string[] = [];
    for (const [taskId, value] of Object.entries(saved as Record<string, unknown>).slice(0, MAX_SAVED)) {
      const entry = checkTransferEntry(value);
      if (!entry) problems.push(`transfers.${taskId} is not a transfer`);
      else this.#restored.set(taskId, entry);
    }
    this.#takeRestored();
    if (problems.length) core.report({ source: 'storage', message: `Saved transfers ignored in part: ${problems.slice(0, 10).join('; ')}`, detail: problems });
  }
}

type DcStateTransfers = Readonly<Record<string, TransferEntry>>;

/** A saved transfer as the kit wrote it, or undefined. */
export function checkTransferEntry(value: unknown): TransferEntry | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const { clientId, target, note, status, reason, at, wrapUp } = v;
  if (typeof clientId !== 'string' || clientId === '' || clientId.length > 200) return undefined;
  if (typeof target !== 'string' || target === '' || target.length > 500) return undefined;
  if (typeof note !== 'string' || note.length > MAX_TRANSFER_NOTE) return undefined;
  if (status !== 'pending' && status !== 'failed') return undefined;
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > 2000)) return undefined;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return undefined;
  let outcome: TransferEntry['wrapUp'];
  if (wrapUp !== undefined) {
    if (typeof wrapUp !== 'object' || wrapUp === null) return undefined;
    const { reasons, note: wrapNote } = wrapUp as Record<string, unknown>;
    if (!Array.isArray(reasons) || reasons.length > 50 || !reasons.every((r) => typeof r === 'string')) return undefined;
    if (wrapNote !== undefined && typeof wrapNote !== 'string') return undefined;
    outcome = { reasons: reasons as string[], ...(typeof wrapNote === 'string' ? { note: wrapNote } : {}) };
  }
  return {
    clientId,
    target,
    note,
    status,
    ...(reason !== undefined ? { reason } : {}),
    at,
    ...(outcome ? { wrapUp: outcome } : {}),
  };
}
