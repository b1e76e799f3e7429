/**
 * Wrap-up (END-2): the reasons and note the agent chooses (kept per task, persisted), Close, and the
 * close at zero. The countdown is the server's deadline read on the store's clock, so a reload or a
 * failover finds it where it was; at the deadline the store sends the agent's chosen reasons (else the
 * configured default). Should the kit be offline then, it sends them as soon as it is online again; the
 * server closes the task by itself a little after its deadline if nothing came.
 */
import type { Task } from '../model/tasks.js';
import { isHeld } from '../model/tasks.js';
import {
  closeBlock,
  closeOutcome,
  normalizeChoice,
  outcomeAtZero,
  type WrapUpChoice,
  type WrapUpConfig,
  type WrapUpOutcome,
} from '../model/wrap-up.js';
import type { DcState } from './state.js';
import type { StoreCore, Transition } from './core.js';
import type { Notifier } from './notifications.js';
import { own, sameData } from './records.js';

const EMPTY: WrapUpChoice = { reasons: [], note: '' };

export class WrapUp {
  readonly #core: StoreCore;
  readonly #notes: Notifier;
  /** The close at zero armed per task, with the deadline it was armed for. */
  #timers = new Map<string, { handle: unknown; deadline: number }>();

  constructor(core: StoreCore, notes: Notifier) {
    this.#core = core;
    this.#notes = notes;
    core.onTransition((t) => this.#watch(t));
    this.#armAll(core.state); // what a reload restored
  }

  /** The wrap-up settings of a task's media. */
  configOf(task: Task): WrapUpConfig | undefined {
    return this.#core.config.media.find((m) => m.id === task.media)?.wrapUp;
  }

  /** END-2: changes what the agent has chosen in a held task's wrap-up (reasons, note); kept across reloads. */
  choose(taskId: string, change: Partial<WrapUpChoice>): void {
    const core = this.#core;
    const task = own(core.state.tasks, taskId);
    const wrapUp = task && this.configOf(task);
    if (!task || !wrapUp || !isHeld(task)) return;
    const current = own(core.state.wrapUps, taskId) ?? EMPTY;
    const next = normalizeChoice(wrapUp, { ...current, ...change });
    if (own(core.state.wrapUps, taskId) && sameData(current, next)) return;
    core.dispatch({ type: 'wrap-up-choice', taskId, choice: next });
  }

  /**
   * END-2: Close. Sends `outcome` (as a host changed it in `dc-before-wrap-up`), else the agent's
   * choice, which needs a reason when the media lists any. False when refused.
   */
  close(taskId: string, outcome?: WrapUpOutcome): boolean {
    const core = this.#core;
    const task = own(core.state.tasks, taskId);
    const wrapUp = task && this.configOf(task);
    if (!task || !wrapUp || task.status !== 'wrap-up') return false;
    const choice = own(core.state.wrapUps, taskId);
    if (!outcome && closeBlock(wrapUp, choice)) return false;
    if (!this.#notes.requireOnline()) return false;
    void this.send(taskId, outcome ?? closeOutcome(wrapUp, choice));
    return true;
  }

  /** Sends a wrap-up once at a time per task; resolves true once the server took it. */
  async send(taskId: string, outcome: WrapUpOutcome): Promise<boolean> {
    const core = this.#core;
    if (own(core.state.wrapUpSends, taskId)?.status === 'sending') return false;
    core.dispatch({ type: 'wrap-up-send', taskId, send: { status: 'sending' } });
    try {
      await core.backend.wrapUp(taskId, outcome);
      // The task event (closed) removes the task and this entry with it.
      if (!core.disposed && own(core.state.wrapUpSends, taskId)?.status === 'sending') {
        core.dispatch({ type: 'wrap-up-send', taskId, send: undefined });
      }
      return true;
    } catch (error) {
      const reason = (error as Error).message || String(error);
      core.dispatch({ type: 'wrap-up-send', taskId, send: { status: 'failed', reason } });
      core.report({ source: 'command', message: `Wrap-up failed: ${reason}`, detail: error });
      return false;
    }
  }

  /** What the kit sends for a task in wrap-up when the agent leaves it no time: the choice, else the default. */
  outcomeAtZero(taskId: string): WrapUpOutcome | undefined {
    const task = own(this.#core.state.tasks, taskId);
    const wrapUp = task && this.configOf(task);
    if (!task || !wrapUp || task.status !== 'wrap-up') return undefined;
    return outcomeAtZero(wrapUp, own(this.#core.state.wrapUps, taskId));
  }

  #watch({ before, after, action }: Transition): void {
    if (action.type === 'event' && action.event.type === 'task') {
      const id = action.event.task.id;
      if (own(before.tasks, id) !== own(after.tasks, id)) this.#arm(id, own(after.tasks, id));
    } else if (action.type === 'snapshot' || (before.tasks !== after.tasks && action.type !== 'event')) {
      for (const id of this.#timers.keys()) if (!own(after.tasks, id)) this.#arm(id, undefined);
      this.#armAll(after);
    }
    // Back online: what fell due meanwhile goes now.
    if (action.type === 'connection' && after.connection === 'online' && before.connection !== 'online') this.#armAll(after);
  }

  #armAll(state: DcState): void {
    for (const task of Object.values(state.tasks)) if (task.status === 'wrap-up') this.#arm(task.id, task);
  }

  /** Arms (or cancels) the close at zero for one task, from its deadline. */
  #arm(taskId: string, task: Task | undefined): void {
    const core = this.#core;
    const armed = this.#timers.get(taskId);
    const deadline = task?.status === 'wrap-up' ? task.wrapUpDeadline : undefined;
    if (armed && armed.deadline === deadline) return;
    if (armed) {
      core.cancel(armed.handle);
      this.#timers.delete(taskId);
    }
    if (deadline === undefined) return;
    const handle = core.later(Math.max(0, deadline - core.now()), () => {
      this.#timers.delete(taskId);
      this.#due(taskId);
    });
    this.#timers.set(taskId, { handle, deadline });
  }

  /** END-2: zero. The chosen reasons (else the default) go now, or once the kit is online again. */
  #due(taskId: string): void {
    const core = this.#core;
    const task = own(core.state.tasks, taskId);
    if (!task || task.status !== 'wrap-up') return;
    if (core.state.connection !== 'online') {
      // Armed again (at once) when the connection is back.
      return;
    }
    const outcome = this.outcomeAtZero(taskId);
    if (outcome) void this.send(taskId, outcome);
  }
}
