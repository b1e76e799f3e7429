/**
 * Ending a task on the simulated contact centre (END-1…3): End closes the conversation with the
 * customer ("Conversation closed", END-3); with the media's forced wrap-up the task then stays with the
 * agent in `wrap-up` with a deadline, until the agent sends their reasons (`wrapUp`) or the deadline
 * passes (plus a little grace for the kit's own send at zero), when the server closes it with the
 * configured default reason. Without forced wrap-up End closes it at once.
 */
import { isHeld, type Task } from '../model/tasks.js';
import { outcomeAtZero, type WrapUpOutcome } from '../model/wrap-up.js';
import { DcBackendError } from '../backend/types.js';
import type { Conversation } from './conversation.js';
import type { SimulatedServer } from './server.js';

/** How long after the deadline the server waits for the kit's own send before closing by itself. */
export const WRAP_UP_GRACE_MS = 2000;

export class WrapUps {
  #server: SimulatedServer;
  #conversation: Conversation;
  /** What each task was closed with (tests and the demo read it). */
  #outcomes = new Map<string, WrapUpOutcome & { readonly by: 'agent' | 'server' }>();

  constructor(server: SimulatedServer, conversation: Conversation) {
    this.#server = server;
    this.#conversation = conversation;
  }

  /** END-1, END-2: ends a held task: wrap-up when the media forces it, else closed. */
  end(task: Task): void {
    if (task.status === 'wrap-up') throw new DcBackendError('rejected', 'This task is already in wrap-up');
    if (!isHeld(task)) throw new DcBackendError('rejected', 'This task is not active');
    const server = this.#server;
    const wrapUp = server.mediaConfig(task.media)?.wrapUp;
    if (!wrapUp?.forced) {
      this.#conversation.finish(task, 'closed');
      return;
    }
    // The customer's side of the conversation is over: they write no more (END-3).
    server.state.left[task.id] = true;
    this.#conversation.announce(task.id, 'Conversation closed', { code: 'closed' });
    const now = server.clock.now();
    const next: Task = { ...task, status: 'wrap-up', wrapUpAt: now, wrapUpDeadline: now + wrapUp.seconds * 1000 };
    server.taskUpdate(next, 'wrap-up');
    this.arm(next);
  }

  /** END-2: the agent's Close (or the kit's send at zero): the task closes with these reasons. */
  wrapUp(taskId: string, outcome: WrapUpOutcome): void {
    const task = this.#server.lookup(taskId);
    if (!task || task.status !== 'wrap-up') throw new DcBackendError('rejected', 'This task is not in wrap-up');
    const wrapUp = this.#server.mediaConfig(task.media)?.wrapUp;
    const known = new Set(wrapUp?.reasons.map((r) => r.id) ?? []);
    const unknown = outcome.reasons.filter((r) => !known.has(r));
    if (unknown.length) throw new DcBackendError('invalid', `Unknown wrap-up reason "${unknown[0]}"`);
    if (wrapUp && !wrapUp.multiple && outcome.reasons.length > 1) throw new DcBackendError('invalid', 'Only one wrap-up reason may be given');
    this.close(task, outcome, 'agent');
  }

  /** (Re)arms the server's own close at a wrap-up task's deadline (plus the grace). */
  arm(task: Task): void {
    if (task.status !== 'wrap-up' || task.wrapUpDeadline === undefined) return;
    const server = this.#server;
    server.schedule(`wrap-up:${task.id}`, task.wrapUpDeadline + WRAP_UP_GRACE_MS - server.clock.now(), () => {
      const current = server.lookup(task.id);
      if (!current || current.status !== 'wrap-up') return;
      const wrapUp = server.mediaConfig(current.media)?.wrapUp;
      this.close(current, wrapUp ? outcomeAtZero(wrapUp, undefined) : { reasons: [] }, 'server');
    });
  }

  /** Closes a task in wrap-up (its `closed` announcement came at End). */
  close(task: Task, outcome: WrapUpOutcome, by: 'agent' | 'server'): void {
    const server = this.#server;
    server.cancel(`wrap-up:${task.id}`);
    delete server.state.left[task.id];
    this.#outcomes.set(task.id, { reasons: [...outcome.reasons], ...(outcome.note ? { note: outcome.note } : {}), by });
    const { wrapUpDeadline: _d, ...rest } = task;
    server.taskUpdate({ ...rest, status: 'closed', endedAt: server.clock.now() }, 'ended');
  }

  /** What a closed task was closed with, and by whom. */
  outcome(taskId: string): (WrapUpOutcome & { readonly by: 'agent' | 'server' }) | undefined {
    return this.#outcomes.get(taskId);
  }
}
