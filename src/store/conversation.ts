/**
 * The conversation around the messages (PANE-1, COMP-4..13): drafts and their files, the earlier
 * history, typing both ways, the templates and workflows catalogue. What waits for the connection
 * (a history asked for offline, the catalogue) follows from the transition back online; a customer's
 * "typing" lapses from the transition that set it; files are let go once no draft or queued message
 * refers to them.
 */
import { checkMessage, errorMessage } from '../backend/events.js';
import { DcBackendError } from '../backend/types.js';
import { checkAttachments, type AttachmentCheck, type FileInspection } from '../model/attachments.js';
import type { Message } from '../model/tasks.js';
import { checkDraft } from './schema.js';
import type { BlobStore } from './blobs.js';
import type { StoreCore, Transition } from './core.js';
import { has, own } from './records.js';
import { TYPING_LAPSE_MS, type DcState, type Draft, type DraftAttachment } from './state.js';

/** The agent's typing is sent at most this often, and "stopped" after this long without a key. */
export const TYPING_THROTTLE_MS = 3000;
export const TYPING_IDLE_MS = 5000;

const EMPTY_DRAFT: Draft = { text: '', spans: [], attachments: [] };

/** A file's first bytes, for the content check; null when the file cannot be read (gone, refused). */
async function readHead(file: Blob, bytes: number): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await file.slice(0, bytes).arrayBuffer());
  } catch {
    return null;
  }
}

/**
 * HOSTILE-20: what each file is, from its first bytes (model/content.ts, loaded with the first file
 * attached). When that module cannot be loaded, every file is refused as unchecked, never let through.
 */
async function inspectFiles(files: readonly File[]): Promise<FileInspection[]> {
  let content: typeof import('../model/content.js');
  try {
    content = await import('../model/content.js');
  } catch {
    return files.map((f) => ({ refusal: { reason: 'unchecked' }, type: f.type }));
  }
  const heads = await Promise.all(files.map((f) => readHead(f, content.SNIFF_BYTES)));
  return files.map((f, i) => content.inspectFile({ name: f.name, size: f.size, type: f.type, head: heads[i] }));
}

export class Conversation {
  readonly #core: StoreCore;
  readonly #blobs: BlobStore;
  readonly #newId: () => string;
  /** Histories being fetched now. */
  #loading = new Set<string>();
  /** The catalogue's rules (src/model/workflows.ts), loaded with the first catalogue. */
  #workflowRules?: typeof import('../model/workflows.js');
  /** Per task: when the agent's typing was last sent, and the timer that sends "stopped". */
  #typingSent = new Map<string, { at: number; stop: unknown }>();

  constructor(core: StoreCore, blobs: BlobStore, newId: () => string) {
    this.#core = core;
    this.#blobs = blobs;
    this.#newId = newId;
    core.onTransition((t) => this.#onTransition(t));
    core.onSettled((before, after) => this.#releaseFiles(before, after));
  }

  // -------------------------------------------------------------------------------------------------
  // Drafts and files (COMP-4, COMP-13)

  /**
   * A draft from outside the store is checked as saved ones are: one that is not a draft is reported
   * and ignored; spans, files or a template that do not check out are reported and left out, and the
   * rest is kept (the agent's text is never dropped for a bad span).
   */
  setDraft(taskId: string, draft: Draft | undefined): void {
    if (draft === undefined) {
      this.#core.dispatch({ type: 'draft', taskId, draft });
      return;
    }
    const checked = checkDraft(draft);
    if (!checked.ok || checked.problems?.length) {
      const why = checked.ok ? `${checked.problems!.join('; ')} (left out)` : `${checked.error} (ignored)`;
      this.#core.report({ source: 'command', message: `Draft for task ${taskId}: ${why}`, detail: draft });
    }
    if (checked.ok) this.#core.dispatch({ type: 'draft', taskId, draft: checked.value });
  }

  /**
   * After a reload: files of restored drafts whose bytes are gone (IndexedDB missing, cleared or
   * refused) are taken off their drafts, so that Send never fails on a file that only looks attached.
   * Returns the names of the files taken off.
   */
  async dropLostFiles(): Promise<string[]> {
    const core = this.#core;
    const lost: string[] = [];
    const missing = new Set<string>();
    for (const draft of Object.values(core.state.drafts)) {
      for (const a of draft.attachments) {
        let data: Blob | undefined;
        try {
          data = await this.#blobs.get(a.id);
        } catch {
          data = undefined;
        }
        if (!data) {
          missing.add(a.id);
          lost.push(a.name);
        }
      }
    }
    if (!missing.size || core.disposed) return lost;
    core.batch(() => {
      for (const [taskId, draft] of Object.entries(core.state.drafts)) {
        const attachments = draft.attachments.filter((a) => !missing.has(a.id));
        if (attachments.length !== draft.attachments.length) {
          const next = { ...draft, attachments };
          // Nothing left worth keeping (model/draft.ts's isBlankDraft, whose module the store does not load).
          const blank = next.text === '' && attachments.length === 0 && !next.template && !next.email;
          core.dispatch({ type: 'draft', taskId, draft: blank ? undefined : next });
        }
      }
    });
    return lost;
  }

  /**
   * Checks files against the task media's limits, and their first bytes against their names and types
   * (HOSTILE-20: only those bytes are read), and attaches those that pass to the task's draft, each
   * with the type it is sent as.
   */
  async attach(taskId: string, files: readonly File[]): Promise<AttachmentCheck<DraftAttachment & { file?: File }>> {
    const core = this.#core;
    const task = own(core.state.tasks, taskId);
    const media = task && core.config.media.find((m) => m.id === task.media);
    const inspections = await inspectFiles(files);
    const draft = own(core.state.drafts, taskId) ?? EMPTY_DRAFT;
    // Each file goes as the type its inspection says.
    const added = files.map((file, i) => ({ id: this.#newId(), name: file.name, type: file.type, size: file.size, file, inspection: inspections[i]! }));
    const check = checkAttachments<DraftAttachment & { file?: File; inspection?: FileInspection }>(
      draft.attachments,
      added,
      media?.attachments,
      (a) => a.inspection!,
    );
    if (!task || check.accepted.length === 0) return check;
    await Promise.all(check.accepted.map((a) => this.#blobs.put(a.id, a.file!)));
    const current = own(core.state.drafts, taskId) ?? EMPTY_DRAFT;
    const attachments = [
      ...current.attachments,
      ...check.accepted.map((a) => ({ id: a.id, name: a.name, type: a.inspection!.type, size: a.size })),
    ];
    core.dispatch({ type: 'draft', taskId, draft: { ...current, attachments } });
    return check;
  }

  detach(taskId: string, attachmentId: string): void {
    const draft = own(this.#core.state.drafts, taskId);
    if (!draft) return;
    const attachments = draft.attachments.filter((a) => a.id !== attachmentId);
    this.#core.dispatch({ type: 'draft', taskId, draft: { ...draft, attachments } });
  }

  attachmentData(attachmentId: string): Promise<Blob | undefined> {
    return this.#blobs.get(attachmentId);
  }

  /** Files no draft and no queued message refer to any more are let go. */
  #releaseFiles(before: DcState, after: DcState): void {
    if (before.drafts === after.drafts && before.outbox === after.outbox) return;
    const held = (s: DcState) => {
      const ids = new Set<string>();
      for (const d of Object.values(s.drafts)) for (const a of d.attachments) ids.add(a.id);
      for (const e of Object.values(s.outbox)) for (const a of e.attachments) ids.add(a.id);
      return ids;
    };
    const now = held(after);
    for (const id of held(before)) if (!now.has(id)) void this.#blobs.delete(id);
  }

  // -------------------------------------------------------------------------------------------------
  // History (PANE-1)

  /** Loads the conversation before this task; asked before the connection is up, it waits for it. */
  loadHistory(taskId: string): void {
    const core = this.#core;
    if (!has(core.state.tasks, taskId) || own(core.state.history, taskId)?.status === 'loading') return;
    core.dispatch({ type: 'history', taskId, history: { status: 'loading', messages: [] } });
    if (core.state.connection === 'online') void this.#fetchHistory(taskId);
  }

  async #fetchHistory(taskId: string): Promise<void> {
    const core = this.#core;
    if (this.#loading.has(taskId)) return;
    this.#loading.add(taskId);
    try {
      const raw = await core.backend.loadHistory(taskId);
      if (!Array.isArray(raw)) throw new Error('history is not a list');
      const messages: Message[] = [];
      raw.forEach((m: unknown, i) => {
        const checked = checkMessage(m, `history[${i}]`);
        if (checked.ok) messages.push(checked.value);
        else core.report({ source: 'event', message: `Malformed history message ignored: ${checked.error}`, detail: m });
      });
      messages.sort((a, b) => a.at - b.at);
      core.dispatch({ type: 'history', taskId, history: { status: 'loaded', messages } });
    } catch (error) {
      const reason = (error as Error).message || String(error);
      core.dispatch({ type: 'history', taskId, history: { status: 'failed', messages: [], reason } });
    } finally {
      this.#loading.delete(taskId);
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Typing

  /** The agent typed in a task: tells the backend, at most every few seconds, and "stopped" after a pause. */
  agentTyping(taskId: string): void {
    const core = this.#core;
    if (core.state.connection !== 'online' || !has(core.state.tasks, taskId)) return;
    const now = core.now();
    const sent = this.#typingSent.get(taskId);
    if (sent) core.cancel(sent.stop);
    const stop = core.later(TYPING_IDLE_MS, () => this.stopTyping(taskId));
    if (!sent || now - sent.at >= TYPING_THROTTLE_MS) {
      core.backend.typing(taskId, true).catch(() => undefined); // best effort: typing is a courtesy
      this.#typingSent.set(taskId, { at: now, stop });
    } else {
      this.#typingSent.set(taskId, { at: sent.at, stop });
    }
  }

  stopTyping(taskId: string): void {
    const core = this.#core;
    const sent = this.#typingSent.get(taskId);
    if (!sent) return;
    core.cancel(sent.stop);
    this.#typingSent.delete(taskId);
    if (core.state.connection === 'online') core.backend.typing(taskId, false).catch(() => undefined);
  }

  // -------------------------------------------------------------------------------------------------
  // Templates and workflows (COMP-5, COMP-10)

  loadCatalogue(): void {
    const core = this.#core;
    if (core.state.catalogue.status === 'loading' || core.state.connection !== 'online') return;
    const value = core.state.catalogue.value;
    core.dispatch({ type: 'catalogue', catalogue: { status: 'loading', value } });
    // The catalogue's rules load with the catalogue, on the composer's first use: not up front.
    Promise.all([core.backend.catalogue(), import('../model/workflows.js')]).then(
      ([raw, rules]) => {
        this.#workflowRules = rules;
        const { checkCatalogue } = rules;
        // Checked like the configuration: what does not check out is left out and reported.
        const { catalogue, problems } = checkCatalogue(raw);
        if (problems.length) {
          const shown = problems.slice(0, 10).join('; ') + (problems.length > 10 ? `; and ${problems.length - 10} more` : '');
          core.report({ source: 'catalogue', message: `Catalogue entries ignored (${problems.length}): ${shown}`, detail: problems });
        }
        core.dispatch({ type: 'catalogue', catalogue: { status: 'loaded', value: catalogue } });
      },
      (error: unknown) =>
        core.dispatch({
          type: 'catalogue',
          catalogue: { status: 'failed', value, reason: errorMessage(error) },
        }),
    );
  }

  async triggerWorkflow(taskId: string, workflowId: string, params: Readonly<Record<string, string>>): Promise<void> {
    const core = this.#core;
    const workflow = core.state.catalogue.value.workflows.find((w) => w.id === workflowId);
    if (!workflow) throw new DcBackendError('invalid', `Unknown workflow ${workflowId}`);
    // Loaded with the catalogue that holds the workflow; here at once, so the request leaves at once.
    const { validateWorkflowParams } = this.#workflowRules ?? (this.#workflowRules = await import('../model/workflows.js'));
    const errors = Object.keys(validateWorkflowParams(workflow, params));
    if (errors.length) throw new DcBackendError('invalid', `Invalid parameters: ${errors.join(', ')}`);
    if (!has(core.state.tasks, taskId)) throw new DcBackendError('unknown-task', `Unknown task ${taskId}`);
    if (core.state.connection !== 'online') throw new DcBackendError('offline', 'Not connected');
    await core.backend.triggerWorkflow(taskId, workflowId, params);
  }

  // -------------------------------------------------------------------------------------------------

  #onTransition({ before, after }: Transition): void {
    if (after.connection === 'online' && before.connection !== 'online') {
      // Back online: what waited for the connection goes now.
      for (const [taskId, history] of Object.entries(after.history)) {
        if (history.status === 'loading') void this.#fetchHistory(taskId);
      }
      if (after.catalogue.status === 'idle' || after.catalogue.status === 'failed') this.loadCatalogue();
    }
    if (after.typing !== before.typing) {
      // A customer's "typing" lapses unless news comes first (the lapse checks the time it was set for).
      for (const [taskId, until] of Object.entries(after.typing)) {
        if (own(before.typing, taskId) === until) continue;
        this.#core.later(TYPING_LAPSE_MS, () => this.#core.dispatch({ type: 'typing-lapse', taskId, at: this.#core.now() }));
      }
    }
  }
}
