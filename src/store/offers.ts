/**
 * Offers and tasks (OFFER-*, TASK-3, END-1): accepting, ending, and which task is on show. What the
 * server then says (the task accepted, missed, ended) arrives as events; the reducer and the
 * notification rules make those transitions, not these commands.
 */
import { adjacentTask, customerDisplayName, presentedOffers, taskListOrder } from '../model/tasks.js';
import type { StoreCore } from './core.js';
import type { Notifier } from './notifications.js';
import { has, own } from './records.js';

export class Offers {
  readonly #core: StoreCore;
  readonly #notes: Notifier;

  constructor(core: StoreCore, notes: Notifier) {
    this.#core = core;
    this.#notes = notes;
  }

  /** OFFER-2: accepts an offer; the task joins the list and becomes the one on show. */
  accept(taskId: string): void {
    const core = this.#core;
    const task = own(core.state.tasks, taskId);
    if (!task || task.status !== 'offered' || has(core.state.accepting, taskId)) return;
    if (!this.#notes.requireOnline()) return;
    core.dispatch({ type: 'accepting', taskId, on: true });
    core.backend.accept(taskId).catch((error: unknown) => {
      core.dispatch({ type: 'accepting', taskId, on: false });
      this.#notes.notify('error', `accept:${taskId}`, {
        code: 'accept-failed',
        params: {
          media: task.media,
          customer: customerDisplayName(core.config, task),
          reason: (error as Error).message || String(error),
        },
      });
    });
  }

  /** OFFER-6: accepts every offer on show, as one change of state. */
  acceptAll(): void {
    const core = this.#core;
    const offers = presentedOffers(core.config, core.state.media, Object.values(core.state.tasks), core.now());
    core.batch(() => {
      for (const offer of offers) this.accept(offer.id);
    });
  }

  /**
   * END-1: ends an active task; it leaves the list and the last accepted task is shown. With the
   * media's forced wrap-up the server moves it to wrap-up instead (END-2; a task in wrap-up is not ended again).
   */
  end(taskId: string): void {
    const core = this.#core;
    const task = own(core.state.tasks, taskId);
    if (!task || task.status !== 'active' || !this.#notes.requireOnline()) return;
    core.backend.end(taskId).catch((error: unknown) => {
      core.report({ source: 'command', message: `End failed: ${(error as Error).message}`, detail: error });
    });
  }

  /** TASK-3: shows a task and clears its unread count (and its new-message notification). */
  selectTask(taskId: string): void {
    this.#core.dispatch({ type: 'select', taskId });
    if (this.#core.state.selectedTaskId === taskId) this.#notes.dismissKey(`message:${taskId}`);
  }

  /** Shows the next (1) or previous (-1) held task, wrapping (Ctrl+Shift+8 / 9). Returns its id. */
  selectAdjacent(step: 1 | -1): string | undefined {
    const state = this.#core.state;
    const next = adjacentTask(taskListOrder(Object.values(state.tasks)), state.selectedTaskId, step);
    if (next) this.selectTask(next.id);
    return next?.id;
  }
}
