/**
 * What survives a reload (FAIL-3, COMP-12, COMP-13): restoring the saved state when the store starts,
 * and saving it as it changes. Agent-state and outbox changes are written at once (a page closed right
 * after Send still sends it); task, message, read, selection, pause and draft changes are gathered for
 * a quarter of a second, so a burst of messages makes one write. The format and the storage access are
 * in persist.ts.
 */
import { checkSnapshot } from '../backend/events.js';
import type { MediaState } from '../model/agent-state.js';
import type { Message, Task, TaskPause } from '../model/tasks.js';
import type { StoreCore } from './core.js';
import { customerMessages, mergeMessages } from './messages.js';
import { PERSIST_VERSION, PERSISTED_MESSAGES, savePersisted, type PersistedState } from './persist.js';
import { fromEntries, own, record, recordFrom, withEntry } from './records.js';
import type { DcState, Draft, OutboxEntry } from './state.js';

/** How long task and message changes wait to be written together (see `flush`). */
export const SAVE_DELAY_MS = 250;

/**
 * FAIL-3: the last known state, shown at once while the snapshot is fetched. Whatever does not check
 * out is left out; an unreadable agent state leaves all of it out, with the reason.
 */
export function restoreState(
  state: DcState,
  saved: PersistedState | undefined,
  known: ReadonlySet<string>,
): { state: DcState; error?: string } {
  if (!saved) return { state };
  const checked = checkSnapshot(
    { seq: 0, at: saved.savedAt, media: saved.media, tasks: saved.tasks ?? [], messages: saved.messages ?? {} },
    known,
  );
  if (!checked.ok) return { state, error: `Saved state ignored: ${checked.error}` };
  let media = state.media;
  for (const id of Object.keys(checked.value.media)) {
    const m = own(checked.value.media, id)!;
    // A sign-in cut short by the reload is not under way any more.
    const restored: MediaState = m.signIn === 'signing-in' ? { ...m, signIn: 'signed-out' } : m;
    media = withEntry(media, id, restored);
  }
  const tasks = fromEntries<Task>(checked.value.tasks.map((t) => [t.id, t]));
  const inTasks = (id: string) => Object.hasOwn(tasks, id);
  const messages = record<readonly Message[]>();
  const customerCounts = record<number>();
  for (const id of Object.keys(checked.value.messages)) {
    if (!inTasks(id)) continue;
    const list = mergeMessages(undefined, own(checked.value.messages, id)!); // once per id, in time order
    messages[id] = list;
    customerCounts[id] = customerMessages(list);
  }
  const reads = recordFrom(saved.reads, (n, id): n is number => inTasks(id) && Number.isInteger(n) && (n as number) >= 0);
  const pauses = recordFrom(
    saved.pauses,
    (p, id): p is TaskPause => inTasks(id) && typeof (p as TaskPause | null)?.pausedMs === 'number',
  );
  const drafts = recordFrom(saved.drafts, (d, id): d is Draft => inTasks(id) && isDraft(d));
  const outbox = record<OutboxEntry>();
  for (const e of Array.isArray(saved.outbox) ? saved.outbox : []) {
    if (!isOutboxEntry(e) || !inTasks(e.taskId)) continue;
    // Whatever was on its way when the page went is sent again (same client id: never twice).
    outbox[e.clientId] = e.status === 'sending' ? { ...e, status: 'queued' } : e;
  }
  const selected = typeof saved.selectedTaskId === 'string' && inTasks(saved.selectedTaskId) ? saved.selectedTaskId : undefined;
  return {
    state: {
      ...state,
      media,
      tasks,
      messages,
      customerCounts,
      reads,
      pauses,
      drafts,
      outbox,
      voice: saved.voice === true,
      ...(selected !== undefined ? { selectedTaskId: selected } : {}),
    },
  };
}

function isDraft(value: unknown): value is Draft {
  const d = value as Draft;
  return (
    typeof d === 'object' && d !== null && typeof d.text === 'string' && Array.isArray(d.spans) && Array.isArray(d.attachments)
  );
}

function isOutboxEntry(value: unknown): value is OutboxEntry {
  const e = value as OutboxEntry;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.clientId === 'string' &&
    typeof e.taskId === 'string' &&
    typeof e.text === 'string' &&
    Array.isArray(e.attachments) &&
    typeof e.createdAt === 'number' &&
    (e.status === 'queued' || e.status === 'sending' || e.status === 'failed')
  );
}

/** Saves the state as it changes (see the top of this file); `flush` writes what is waiting now. */
export class Persistence {
  readonly #core: StoreCore;
  readonly #storage: Storage;
  #timer: unknown;

  constructor(core: StoreCore, storage: Storage) {
    this.#core = core;
    this.#storage = storage;
    core.onSettled((before, after) => this.#onSettled(before, after));
  }

  #onSettled(before: DcState, after: DcState): void {
    if (after.media !== before.media || after.outbox !== before.outbox) {
      this.flush(true); // written now, with everything else
    } else if (
      this.#timer === undefined &&
      (after.tasks !== before.tasks ||
        after.messages !== before.messages ||
        after.reads !== before.reads ||
        after.selectedTaskId !== before.selectedTaskId ||
        after.pauses !== before.pauses ||
        after.drafts !== before.drafts)
    ) {
      this.#timer = this.#core.later(SAVE_DELAY_MS, () => {
        this.#timer = undefined;
        this.#save(this.#core.state);
      });
    }
  }

  /** Writes what is waiting now (`always`: even when nothing waits). */
  flush(always = false): void {
    if (this.#timer === undefined && !always) return;
    if (this.#timer !== undefined) this.#core.cancel(this.#timer);
    this.#timer = undefined;
    this.#save(this.#core.state);
  }

  #save(state: DcState): void {
    const messages = record<readonly Message[]>();
    for (const id of Object.keys(state.messages)) messages[id] = state.messages[id]!.slice(-PERSISTED_MESSAGES);
    savePersisted(this.#storage, this.#core.config.storageKey, {
      version: PERSIST_VERSION,
      savedAt: this.#core.now(),
      media: state.media,
      tasks: Object.values(state.tasks),
      messages,
      reads: state.reads,
      ...(state.selectedTaskId !== undefined ? { selectedTaskId: state.selectedTaskId } : {}),
      voice: state.voice,
      pauses: state.pauses,
      drafts: state.drafts,
      outbox: Object.values(state.outbox),
    });
  }
}
