/**
 * Whether the agent can see the kit (TASK-5) and whether a voice call is under way (TASK-4/6). Several
 * things may hide the kit at once (the page, the host's `away`, a collapsed desktop); it is visible
 * only while none does. Messages arriving meanwhile count as unread and notify.
 */
import { mediaPausedByVoice } from '../model/tasks.js';
import type { StoreCore } from './core.js';

export class Visibility {
  readonly #core: StoreCore;
  #hiddenBy = new Set<string>();

  constructor(core: StoreCore) {
    this.#core = core;
  }

  setHidden(reason: string, hidden: boolean): void {
    if (hidden) this.#hiddenBy.add(reason);
    else this.#hiddenBy.delete(reason);
    this.#core.dispatch({ type: 'visible', visible: this.#hiddenBy.size === 0 });
  }

  setVoice(active: boolean): void {
    const core = this.#core;
    core.dispatch({ type: 'voice', active, at: core.now(), media: mediaPausedByVoice(core.config) });
  }
}
