import { taskListOrder, unreadCount, type Message, type Task } from '../../model/tasks.js';
import type { DcState } from '../../store/state.js';

/**
 * The unread total of the held tasks (the model's `unreadCount`), kept from one state to the next: a
 * task is counted again only when its messages or what the agent has read of them changed, so a
 * message for one task does not recount the others.
 */
export class UnreadTally {
  #tasks?: DcState['tasks'];
  #held: readonly Task[] = [];
  #counts = new Map<string, { list: readonly Message[] | undefined; read: number | undefined; unread: number }>();

  /** The held tasks in list order, worked out again only when the tasks change. */
  held(tasks: DcState['tasks']): readonly Task[] {
    if (tasks !== this.#tasks) {
      this.#tasks = tasks;
      this.#held = taskListOrder(Object.values(tasks));
      for (const id of this.#counts.keys()) if (!tasks[id]) this.#counts.delete(id);
    }
    return this.#held;
  }

  total(state: DcState): number {
    let total = 0;
    for (const task of this.held(state.tasks)) {
      const list = state.messages[task.id];
      const read = state.reads[task.id];
      let known = this.#counts.get(task.id);
      if (!known || known.list !== list || known.read !== read) {
        known = { list, read, unread: unreadCount(list, read) };
        this.#counts.set(task.id, known);
      }
      total += known.unread;
    }
    return total;
  }
}
