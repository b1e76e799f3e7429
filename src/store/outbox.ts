/**
 * The outbox (COMP-1, COMP-12, PANE-4): what the agent sent and the server does not hold yet. Sending
 * follows from the state, not from the command: an entry that is `queued` while the kit is online is
 * sent, once, under its client id. So a message queued while offline goes when a resync brings the
 * kit back online; one that was on its way when the page was reloaded is restored as `queued` and goes
 * again under the same client id (the server keeps one message per client id); and a retry is the
 * entry turning from `failed` back to `queued`.
 */
import { DcBackendError } from '../backend/types.js';
import { isHeld } from '../model/tasks.js';
import type { BlobStore } from './blobs.js';
import type { SendRequest } from './api.js';
import type { StoreCore, Transition } from './core.js';
import { positionOf } from './messages.js';
import type { Notifier } from './notifications.js';
import { own } from './records.js';
import type { OutboxEntry } from './state.js';

export class Outbox {
  readonly #core: StoreCore;
  readonly #notes: Notifier;
  readonly #blobs: BlobStore;
  readonly #newId: () => string;
  /** Client ids whose send is on its way now: never sent twice at once. */
  #inFlight = new Set<string>();

  constructor(core: StoreCore, notes: Notifier, blobs: BlobStore, newId: () => string) {
    this.#core = core;
    this.#notes = notes;
    this.#blobs = blobs;
    this.#newId = newId;
    core.onTransition((t) => this.#sendQueued(t));
  }

  /** Puts a message in the outbox (it goes now if online). The client id, or undefined if the task cannot take it. */
  send(taskId: string, request: SendRequest): string | undefined {
    const core = this.#core;
    const task = own(core.state.tasks, taskId);
    if (!task || !isHeld(task)) return undefined;
    const clientId = this.#newId();
    const entry: OutboxEntry = {
      clientId,
      taskId,
      text: request.text,
      attachments: request.attachments ?? [],
      // MAIL-5..10: the email's fields and HTML go with it through retries, reloads and resends.
      ...(request.email ? { email: request.email } : {}),
      createdAt: core.now(),
      status: 'queued',
    };
    core.dispatch({ type: 'outbox', entry });
    return clientId;
  }

  /**
   * PANE-4: sends a failed message again under the same client id, so it is delivered at most once.
   * `id` is an outbox entry's client id or a server message's id.
   */
  retry(id: string): void {
    const core = this.#core;
    const entry = own(core.state.outbox, id);
    if (entry) {
      if (entry.status !== 'failed') return;
      const { reason: _r, ...rest } = entry;
      core.dispatch({ type: 'outbox', entry: { ...rest, status: 'queued' } });
      return;
    }
    for (const list of Object.values(core.state.messages)) {
      const message = list[positionOf(list, id)];
      if (!message) continue;
      if (message.receipt !== 'failed' || !message.clientId || !this.#notes.requireOnline()) return;
      // The server holds this client id: it delivers its own copy again, whatever body comes with it.
      core.backend
        .send({ clientId: message.clientId, taskId: message.taskId, text: message.text, attachments: [] })
        .catch((error: unknown) =>
          core.report({ source: 'command', message: `Retry failed: ${(error as Error).message}`, detail: error }),
        );
      return;
    }
  }

  /** Drops a failed message the agent gives up on (it was never delivered). */
  discard(clientId: string): void {
    if (own(this.#core.state.outbox, clientId)?.status === 'failed') {
      this.#core.dispatch({ type: 'outbox-remove', clientId });
    }
  }

  /** An entry that is now queued while online goes: on the way back online, or when it became queued. */
  #sendQueued({ before, after }: Transition): void {
    if (after.connection !== 'online') return;
    const cameOnline = before.connection !== 'online';
    if (!cameOnline && before.outbox === after.outbox) return;
    for (const entry of Object.values(after.outbox)) {
      if (entry.status !== 'queued' || this.#inFlight.has(entry.clientId)) continue;
      if (cameOnline || own(before.outbox, entry.clientId)?.status !== 'queued') void this.#deliver(entry.clientId);
    }
  }

  async #deliver(clientId: string): Promise<void> {
    const core = this.#core;
    const entry = own(core.state.outbox, clientId);
    if (!entry) return;
    this.#inFlight.add(clientId);
    try {
      core.dispatch({ type: 'outbox', entry: { ...entry, status: 'sending' } });
      const attachments = await Promise.all(
        entry.attachments.map(async (a) => {
          const data = await this.#blobs.get(a.id);
          if (!data) throw new DcBackendError('invalid', `The file ${a.name} is no longer available`);
          return { ...a, data };
        }),
      );
      if (core.disposed) return; // the page is going: the next one sends what was saved
      await core.backend.send({
        clientId,
        taskId: entry.taskId,
        text: entry.text,
        attachments,
        ...(entry.email ? { email: entry.email } : {}),
      });
    } catch (error) {
      // A store that is gone (the page is unloading) decides nothing: what it saved is sent again.
      if (core.disposed) return;
      const current = own(core.state.outbox, clientId);
      if (!current) return; // the server's message arrived meanwhile: done
      const offline =
        (error instanceof DcBackendError && (error.code === 'offline' || error.code === 'timeout')) ||
        core.backend.connection !== 'online';
      const reason = (error as Error).message || String(error);
      // Still in flight here, so going back to `queued` waits for the next resync rather than looping.
      core.dispatch({ type: 'outbox', entry: offline ? { ...current, status: 'queued' } : { ...current, status: 'failed', reason } });
    } finally {
      this.#inFlight.delete(clientId);
    }
  }
}
