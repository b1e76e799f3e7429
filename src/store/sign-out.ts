/**
 * STATE-8: signing out while holding tasks. The host asks (`signOut()`); with held tasks the kit first
 * asks the agent to confirm, listing them (`state.signOutRequest`, shown by `<dc-sign-out-confirm>`),
 * and says what will happen to them (`config.onSignOut`: transferred back to routing, or closed). On
 * confirmation, tasks in wrap-up are closed with the reasons chosen (else the default: wrap-up is never
 * skipped), then every media signs out and the server closes or transfers the rest.
 */
import { isHeld, taskListOrder } from '../model/tasks.js';
import type { AgentState } from './agent.js';
import type { StoreCore } from './core.js';
import type { Notifier } from './notifications.js';
import { own } from './records.js';
import type { WrapUp } from './wrap-up.js';

export class SignOut {
  readonly #core: StoreCore;
  readonly #notes: Notifier;
  readonly #agent: AgentState;
  readonly #wrapUp: WrapUp;
  /** The host's `signOut()` promise, answered when the agent confirms or goes back. */
  #waiting: ((signedOut: boolean) => void)[] = [];

  constructor(core: StoreCore, notes: Notifier, agent: AgentState, wrapUp: WrapUp) {
    this.#core = core;
    this.#notes = notes;
    this.#agent = agent;
    this.#wrapUp = wrapUp;
  }

  /** The held tasks, in the task list's order. */
  #held(): string[] {
    return taskListOrder(Object.values(this.#core.state.tasks))
      .filter(isHeld)
      .map((t) => t.id);
  }

  /**
   * STATE-8, SIGN-6: resolves true once signed out; false when refused (a media not Not Ready, offline)
   * or when the agent went back from the confirmation.
   */
  request(): Promise<boolean> {
    const core = this.#core;
    if (!this.#notes.requireOnline()) return Promise.resolve(false);
    const held = this.#held();
    if (!this.#agent.canSignOut || held.length === 0) return this.#agent.signOut();
    if (!core.state.signOutRequest) {
      core.dispatch({ type: 'sign-out-request', request: { taskIds: held, disposition: core.config.onSignOut, at: core.now() } });
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** STATE-8: the agent's answer to the confirmation. */
  confirm(signOut: boolean): void {
    const core = this.#core;
    if (!core.state.signOutRequest) return;
    core.dispatch({ type: 'sign-out-request', request: undefined });
    const waiting = this.#waiting;
    this.#waiting = [];
    const answer = (value: boolean) => waiting.forEach((resolve) => resolve(value));
    if (!signOut) return answer(false);
    void this.#signOut().then(answer);
  }

  async #signOut(): Promise<boolean> {
    const core = this.#core;
    const inWrapUp = this.#held().filter((id) => own(core.state.tasks, id)?.status === 'wrap-up');
    await Promise.all(
      inWrapUp.map((id) => {
        const outcome = this.#wrapUp.outcomeAtZero(id);
        return outcome ? this.#wrapUp.send(id, outcome) : Promise.resolve(true);
      }),
    );
    return this.#agent.signOut();
  }
}
