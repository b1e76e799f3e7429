/**
 * One store per provider. It holds the state (plain data, see state.ts), applies the backend's events
 * idempotently, runs the agent's actions through the backend with retries, persists what must survive
 * a reload, and resynchronises from the snapshot after every (re)connection.
 */
import { type MediaState, type StateScope, type StateTarget, signedOutState } from '../model/agent-state.js';
import type { DcConfig } from '../model/config.js';
import type { MediaId } from '../model/media.js';
import {
  canSignOut,
  groupPropagation,
  mediaToSignIn,
  planStateChange,
  retryDelay,
  type MediaStates,
} from '../model/state-rules.js';
import { realClock, type Clock } from '../backend/clock.js';
import { checkEvent, checkSnapshot, seqOf } from '../backend/events.js';
import {
  DcBackendError,
  type ConnectionStatus,
  type DcBackend,
  type DcEvent,
} from '../backend/types.js';
import {
  adjacentTask,
  customerDisplayName,
  isHeld,
  mediaPausedByVoice,
  missedOfferOutcome,
  presentedOffers,
  taskListOrder,
  unreadCount,
  type Message,
  type Task,
  type TaskPause,
} from '../model/tasks.js';
import { checkAttachments, type AttachmentCheck } from '../model/attachments.js';
import { validateWorkflowParams } from '../model/workflows.js';
import { checkMessage } from '../backend/events.js';
import { IdbBlobStore, MemoryBlobStore, type BlobStore } from './blobs.js';
import { MemoryStorage, loadPersisted, savePersisted, PERSIST_VERSION, PERSISTED_MESSAGES, type PersistedState } from './persist.js';
import { storeApi, type DcStoreApi, type SendRequest, type StoreListener } from './api.js';
import {
  initialState,
  reduce,
  TYPING_LAPSE_MS,
  type Draft,
  type DraftAttachment,
  type OutboxEntry,
  type Action,
  type DcNotification,
  type DcState,
  type NotificationBody,
  type NotificationKind,
} from './state.js';

export interface DcStoreOptions {
  config: DcConfig;
  backend: DcBackend;
  /** Where FAIL-3 state is kept; `null` keeps nothing. */
  storage?: Storage | null;
  clock?: Clock;
  /**
   * Where attached files wait until sent. Default: IndexedDB when `storage` is given (so drafts and
   * queued messages keep their files across a reload), else memory.
   */
  blobs?: BlobStore;
  /** Makes client message and attachment ids; default `crypto.randomUUID`. */
  newId?: () => string;
}

export type { SendRequest } from './api.js';

/** The agent's typing is sent at most this often, and "stopped" after this long without a key. */
export const TYPING_THROTTLE_MS = 3000;
export const TYPING_IDLE_MS = 5000;

/** A problem for the integrator (not the agent): a malformed event or snapshot, a refused command. */
export interface DcStoreError {
  readonly source: 'event' | 'snapshot' | 'storage' | 'command';
  readonly message: string;
  readonly detail?: unknown;
}

type Listener = StoreListener;

/** How long task and message changes wait to be written together (see `flush`). */
const SAVE_DELAY_MS = 250;

export class DcStore implements DcStoreApi {
  readonly config: DcConfig;
  readonly backend: DcBackend;
  readonly clock: Clock;
  #state: DcState;
  #listeners = new Set<Listener>();
  #errorListeners = new Set<(error: DcStoreError) => void>();
  #storage: Storage | null;
  #known: Set<string>;
  #unsubscribe: () => void;
  #timers = new Set<unknown>();
  /** A token per media: a newer change (or sign-in) for a media makes older retries stop. */
  #tokens = new Map<MediaId, number>();
  #nextToken = 1;
  #nextNotification = 1;
  #queued: DcEvent[] = [];
  #hiddenBy = new Set<string>();
  #saveTimer: unknown;
  #resyncing = false;
  #disposed = false;
  #ready: Promise<void>;
  readonly #blobs: BlobStore;
  readonly #newId: () => string;
  /** Client ids whose send is on its way now (a resync must not send them twice at once). */
  #inFlight = new Set<string>();
  /** Histories asked for before the connection was up: loaded after the resync. */
  #historyWaiting = new Set<string>();
  /** Per task: when the agent's typing was last sent, and the timer that sends "stopped". */
  #typingSent = new Map<string, { at: number; stop: unknown }>();

  constructor(options: DcStoreOptions) {
    this.config = options.config;
    this.backend = options.backend;
    this.clock = options.clock ?? realClock;
    this.#storage = options.storage ?? null;
    this.#known = new Set(this.config.media.map((m) => m.id));
    this.#blobs =
      options.blobs ??
      (this.#storage && !(this.#storage instanceof MemoryStorage)
        ? new IdbBlobStore(`${this.config.storageKey}-files`)
        : new MemoryBlobStore());
    this.#newId = options.newId ?? (() => crypto.randomUUID());

    const now = this.clock.now();
    const media: Record<MediaId, MediaState> = Object.fromEntries(
      this.config.media.map((m) => [m.id, signedOutState(m.id, now)]),
    );
    const restored = this.#storage ? loadPersisted(this.#storage, this.config.storageKey) : undefined;
    this.#state = this.#restore(initialState(media), restored);

    this.#unsubscribe = this.backend.subscribe({
      event: (raw) => this.#onEvent(raw),
      connection: (status) => this.#onConnection(status),
    });
    this.#ready = this.#start();
  }

  /** FAIL-3: the last known state, shown at once while the snapshot is fetched. */
  #restore(state: DcState, saved: PersistedState | undefined): DcState {
    if (!saved) return state;
    const checked = checkSnapshot({ seq: 0, at: saved.savedAt, media: saved.media, tasks: saved.tasks ?? [], messages: saved.messages ?? {} }, this.#known);
    if (!checked.ok) {
      this.#report({ source: 'storage', message: `Saved state ignored: ${checked.error}` });
      return state;
    }
    const media = { ...state.media };
    for (const [id, m] of Object.entries(checked.value.media)) {
      // A sign-in cut short by the reload is not under way any more.
      media[id] = m.signIn === 'signing-in' ? { ...m, signIn: 'signed-out' } : m;
    }
    const tasks = Object.fromEntries(checked.value.tasks.map((t) => [t.id, t]));
    const numbers = (r: Readonly<Record<string, number>> | undefined) =>
      Object.fromEntries(Object.entries(r ?? {}).filter(([id, n]) => id in tasks && Number.isInteger(n) && n >= 0));
    const pauses = Object.fromEntries(
      Object.entries(saved.pauses ?? {}).filter(([id, p]) => id in tasks && typeof p?.pausedMs === 'number'),
    ) as Record<string, TaskPause>;
    const selected = saved.selectedTaskId && tasks[saved.selectedTaskId] ? saved.selectedTaskId : undefined;
    const drafts = Object.fromEntries(
      Object.entries(saved.drafts ?? {}).filter(([id, d]) => id in tasks && isDraft(d)),
    ) as Record<string, Draft>;
    const outbox = Object.fromEntries(
      (saved.outbox ?? [])
        .filter((e) => isOutboxEntry(e) && e.taskId in tasks)
        // Whatever was on its way when the page went is sent again (same client id: never twice).
        .map((e) => [e.clientId, e.status === 'sending' ? { ...e, status: 'queued' as const } : e]),
    ) as Record<string, OutboxEntry>;
    return {
      ...state,
      drafts,
      outbox,
      media,
      tasks,
      messages: checked.value.messages,
      reads: numbers(saved.reads),
      pauses,
      voice: saved.voice === true,
      ...(selected ? { selectedTaskId: selected } : {}),
    };
  }

  // -------------------------------------------------------------------------------------------------
  // Reading

  get state(): DcState {
    return this.#state;
  }

  /** The store's clock, read (timers, countdowns). */
  now(): number {
    return this.clock.now();
  }

  #api?: DcStoreApi;
  /** What kit elements are given: selectors and intents, never the backend (see api.ts). */
  get api(): DcStoreApi {
    return (this.#api ??= storeApi(this));
  }

  /** Resolves when the first snapshot has been applied (or the first connection failed). */
  get ready(): Promise<void> {
    return this.#ready;
  }

  /** Whether state controls may be used: connected and resynchronised (FAIL-2). */
  get controlsEnabled(): boolean {
    return this.#state.connection === 'online';
  }

  /** SIGN-6: whether the agent may sign out of the desktop now. */
  get canSignOut(): boolean {
    return canSignOut(this.config, this.#state.media);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Problems meant for the integrator (malformed events, unreadable storage). Never thrown. */
  onError(listener: (error: DcStoreError) => void): () => void {
    this.#errorListeners.add(listener);
    return () => this.#errorListeners.delete(listener);
  }

  // -------------------------------------------------------------------------------------------------
  // Agent actions

  /** SIGN-2: signs in every configured media not yet signed in; each succeeds or fails on its own. */
  signIn(): void {
    if (!this.#guardOnline()) return;
    for (const media of mediaToSignIn(this.config, this.#state.media)) {
      void this.#signIn(media, 1, this.#token(media));
    }
  }

  /**
   * Sets All or a group Ready or Not Ready. The model decides which media move (STATE-5, STATE-6);
   * each media's change is retried on its own (STATE-7).
   */
  setState(scope: StateScope, target: StateTarget): void {
    if (!this.#guardOnline()) return;
    for (const [media, mediaTarget] of planStateChange(this.config, this.#state.media, scope, target)) {
      void this.#change(media, mediaTarget, 1, this.#token(media));
    }
  }

  /** Sets one media again (the notification's Retry after STATE-7's retries ran out). */
  setMediaState(media: MediaId, target: StateTarget): void {
    if (!this.#guardOnline() || !this.#known.has(media)) return;
    void this.#change(media, target, 1, this.#token(media));
  }

  /**
   * STATE-8: signs every media out, handing active tasks over per `config.onSignOut`. Refused (false,
   * with a notification) unless every media is Not Ready (SIGN-6).
   */
  async signOut(): Promise<boolean> {
    if (!this.#guardOnline()) return false;
    if (!this.canSignOut) {
      this.#notify('warning', 'sign-out-blocked', { code: 'sign-out-blocked', params: {} });
      return false;
    }
    const media = this.config.media.map((m) => m.id).filter((m) => this.#state.media[m]?.signIn !== 'signed-out');
    media.forEach((m) => this.#token(m));
    try {
      await this.backend.signOut(media, this.config.onSignOut);
      return true;
    } catch (error) {
      this.#report({ source: 'command', message: `Sign-out failed: ${(error as Error).message}`, detail: error });
      return false;
    }
  }

  /** OFFER-2: accepts an offer; the task joins the list and becomes the one on show. */
  accept(taskId: string): void {
    const task = this.#state.tasks[taskId];
    if (!task || task.status !== 'offered' || this.#state.accepting[taskId]) return;
    if (!this.#guardOnline()) return;
    this.#dispatch({ type: 'accepting', taskId, on: true });
    this.backend.accept(taskId).catch((error: unknown) => {
      this.#dispatch({ type: 'accepting', taskId, on: false });
      this.#notify('error', `accept:${taskId}`, {
        code: 'accept-failed',
        params: { media: task.media, customer: this.#customerName(task), reason: (error as Error).message || String(error) },
      });
    });
  }

  /** OFFER-6: accepts every offer on show. */
  acceptAll(): void {
    for (const offer of presentedOffers(this.config, this.#state.media, Object.values(this.#state.tasks), this.clock.now())) {
      this.accept(offer.id);
    }
  }

  /** END-1 (plain): ends a held task; it leaves the list and the last accepted task is shown. */
  end(taskId: string): void {
    const task = this.#state.tasks[taskId];
    if (!task || !isHeld(task) || !this.#guardOnline()) return;
    this.backend.end(taskId).catch((error: unknown) => {
      this.#report({ source: 'command', message: `End failed: ${(error as Error).message}`, detail: error });
    });
  }

  /** TASK-3: shows a task and clears its unread count. */
  selectTask(taskId: string): void {
    this.#dispatch({ type: 'select', taskId });
    if (this.#state.selectedTaskId === taskId) this.#dismissKey(`message:${taskId}`);
  }

  /** Shows the next (1) or previous (-1) held task, wrapping (Ctrl+Shift+8 / 9). Returns its id. */
  selectAdjacent(step: 1 | -1): string | undefined {
    const next = adjacentTask(taskListOrder(Object.values(this.#state.tasks)), this.#state.selectedTaskId, step);
    if (next) this.selectTask(next.id);
    return next?.id;
  }

  /**
   * TASK-5: something hides the kit from the agent, or stops hiding it. The agent sees the kit only
   * while nothing hides it: the provider reports `page` (the document is hidden) and `away` (the host's
   * word); a desktop reports `collapsed`. Messages arriving meanwhile count as unread and notify.
   */
  setHidden(reason: string, hidden: boolean): void {
    if (hidden) this.#hiddenBy.add(reason);
    else this.#hiddenBy.delete(reason);
    this.#dispatch({ type: 'visible', visible: this.#hiddenBy.size === 0 });
  }

  /** Shorthand for the page's own visibility (`setHidden('page', !visible)`). */
  setVisible(visible: boolean): void {
    this.setHidden('page', !visible);
  }

  /** TASK-4/6: a voice call started or ended; it pauses the timers of media configured so. */
  setVoice(active: boolean): void {
    this.#dispatch({ type: 'voice', active, at: this.clock.now(), media: mediaPausedByVoice(this.config) });
  }

  // -------------------------------------------------------------------------------------------------
  // Conversation: drafts, sending, receipts, history, typing, templates and workflows

  /** COMP-13: keeps what the agent is writing in a task (or clears it with `undefined`). */
  setDraft(taskId: string, draft: Draft | undefined): void {
    this.#dispatch({ type: 'draft', taskId, draft });
  }

  /**
   * COMP-4: checks files against the task media's limits and attaches those that pass to the task's
   * draft. Returns the check, so the composer can say why the others were refused.
   */
  async attach(taskId: string, files: readonly File[]): Promise<AttachmentCheck<DraftAttachment & { file?: File }>> {
    const task = this.#state.tasks[taskId];
    const media = task && this.config.media.find((m) => m.id === task.media);
    const draft = this.#state.drafts[taskId] ?? { text: '', spans: [], attachments: [] };
    const added = files.map((file) => ({ id: this.#newId(), name: file.name, type: file.type, size: file.size, file }));
    const check = checkAttachments<DraftAttachment & { file?: File }>(draft.attachments, added, media?.attachments);
    if (!task || check.accepted.length === 0) return check;
    await Promise.all(check.accepted.map((a) => this.#blobs.put(a.id, a.file!)));
    const current = this.#state.drafts[taskId] ?? { text: '', spans: [], attachments: [] };
    const attachments = [...current.attachments, ...check.accepted.map(({ id, name, type, size }) => ({ id, name, type, size }))];
    this.#dispatch({ type: 'draft', taskId, draft: { ...current, attachments } });
    return check;
  }

  /** COMP-4: X removes one attachment from a draft. */
  detach(taskId: string, attachmentId: string): void {
    const draft = this.#state.drafts[taskId];
    if (!draft) return;
    this.#dispatch({ type: 'draft', taskId, draft: { ...draft, attachments: draft.attachments.filter((a) => a.id !== attachmentId) } });
  }

  /** The bytes of a draft's or a queued message's attachment (for previews). */
  attachmentData(attachmentId: string): Promise<Blob | undefined> {
    return this.#blobs.get(attachmentId);
  }

  /**
   * COMP-1, COMP-12: sends a message in a task and clears its draft. The message is in the outbox at once
   * (shown as sending); it goes now if the kit is online, else when the connection returns; it is
   * delivered once whatever happens (client ids). Returns the client id, or undefined when the task
   * cannot take messages.
   */
  send(taskId: string, request: SendRequest): string | undefined {
    const task = this.#state.tasks[taskId];
    if (!task || !isHeld(task)) return undefined;
    const clientId = this.#newId();
    const entry: OutboxEntry = {
      clientId,
      taskId,
      text: request.text,
      attachments: request.attachments ?? [],
      createdAt: this.clock.now(),
      status: 'queued',
    };
    this.#dispatch({ type: 'outbox', entry });
    this.#dispatch({ type: 'draft', taskId, draft: undefined });
    this.#stopTyping(taskId);
    void this.#deliver(clientId);
    return clientId;
  }

  /**
   * PANE-4: sends a failed message again under the same client id, so it is delivered at most once.
   * `id` is an outbox entry's client id or a server message's id.
   */
  retry(id: string): void {
    const entry = this.#state.outbox[id];
    if (entry) {
      if (entry.status !== 'failed') return;
      const { reason: _r, ...rest } = entry;
      this.#dispatch({ type: 'outbox', entry: { ...rest, status: 'queued' } });
      void this.#deliver(id);
      return;
    }
    for (const list of Object.values(this.#state.messages)) {
      const message = list.find((m) => m.id === id);
      if (!message) continue;
      if (message.receipt !== 'failed' || !message.clientId || !this.#guardOnline()) return;
      // The server holds this client id: it delivers its own copy again, whatever body comes with it.
      this.backend
        .send({ clientId: message.clientId, taskId: message.taskId, text: message.text, attachments: [] })
        .catch((error: unknown) => this.#report({ source: 'command', message: `Retry failed: ${(error as Error).message}`, detail: error }));
      return;
    }
  }

  /** Drops a failed message the agent gives up on (it was never delivered). */
  discard(clientId: string): void {
    if (this.#state.outbox[clientId]?.status === 'failed') this.#dispatch({ type: 'outbox-remove', clientId });
  }

  /**
   * PANE-1: loads the conversation before this task. Asked before the connection is up, it waits for it.
   * A failure leaves `history[taskId].status` at `failed` with the reason; call again to retry.
   */
  loadHistory(taskId: string): void {
    if (!this.#state.tasks[taskId] || this.#state.history[taskId]?.status === 'loading') return;
    this.#dispatch({ type: 'history', taskId, history: { status: 'loading', messages: [] } });
    if (this.#state.connection !== 'online') {
      this.#historyWaiting.add(taskId);
      return;
    }
    void this.#loadHistory(taskId);
  }

  /** The agent typed in a task: tells the backend, at most every few seconds, and "stopped" after a pause. */
  agentTyping(taskId: string): void {
    if (this.#state.connection !== 'online' || !this.#state.tasks[taskId]) return;
    const now = this.clock.now();
    const sent = this.#typingSent.get(taskId);
    if (sent) this.clock.clearTimeout(sent.stop);
    const stop = this.clock.setTimeout(() => this.#stopTyping(taskId), TYPING_IDLE_MS);
    if (!sent || now - sent.at >= TYPING_THROTTLE_MS) {
      this.backend.typing(taskId, true).catch(() => undefined); // best effort: typing is a courtesy
      this.#typingSent.set(taskId, { at: now, stop });
    } else {
      this.#typingSent.set(taskId, { at: sent.at, stop });
    }
  }

  /** Loads the templates and workflows (done once online; call again after a failure). */
  loadCatalogue(): void {
    if (this.#state.catalogue.status === 'loading' || this.#state.connection !== 'online') return;
    const value = this.#state.catalogue.value;
    this.#dispatch({ type: 'catalogue', catalogue: { status: 'loading', value } });
    this.backend.catalogue().then(
      (catalogue) => this.#dispatch({ type: 'catalogue', catalogue: { status: 'loaded', value: catalogue } }),
      (error: unknown) =>
        this.#dispatch({ type: 'catalogue', catalogue: { status: 'failed', value, reason: (error as Error).message || String(error) } }),
    );
  }

  /**
   * COMP-10: runs a workflow for a task. Rejects with a `DcBackendError` ('invalid' when a parameter is
   * refused, naming it; 'offline'; or the server's reason). Its audit announcement arrives as a message.
   */
  async triggerWorkflow(taskId: string, workflowId: string, params: Readonly<Record<string, string>>): Promise<void> {
    const workflow = this.#state.catalogue.value.workflows.find((w) => w.id === workflowId);
    if (!workflow) throw new DcBackendError('invalid', `Unknown workflow ${workflowId}`);
    const errors = Object.keys(validateWorkflowParams(workflow, params));
    if (errors.length) throw new DcBackendError('invalid', `Invalid parameters: ${errors.join(', ')}`);
    if (!this.#state.tasks[taskId]) throw new DcBackendError('unknown-task', `Unknown task ${taskId}`);
    if (!this.controlsEnabled) throw new DcBackendError('offline', 'Not connected');
    await this.backend.triggerWorkflow(taskId, workflowId, params);
  }

  dismissNotification(id: number): void {
    this.#dispatch({ type: 'dismiss', id });
  }

  /**
   * Writes what must survive a reload now. Agent-state changes are written at once; task and message
   * changes are gathered for a quarter of a second (a burst of messages makes one write). The provider
   * calls this when the page is hidden or left, so nothing is lost.
   */
  flush(): void {
    if (this.#saveTimer === undefined) return;
    this.clock.clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    this.#save(this.#state);
  }

  /** Stops listening to the backend and cancels retries. The backend itself stays open. */
  dispose(): void {
    this.flush();
    this.#disposed = true;
    this.#unsubscribe();
    for (const t of this.#timers) this.clock.clearTimeout(t);
    this.#timers.clear();
    this.#listeners.clear();
  }

  // -------------------------------------------------------------------------------------------------

  async #start(): Promise<void> {
    if (this.backend.connection === 'online') {
      await this.#resync();
      return;
    }
    try {
      await this.backend.connect();
    } catch (error) {
      this.#report({ source: 'command', message: `Could not connect: ${(error as Error).message}`, detail: error });
    }
    if (this.backend.connection === 'offline') this.#dispatch({ type: 'connection', status: 'offline', at: this.clock.now() });
    // The backend's 'online' notice starts the resync (#onConnection); wait until it is done.
    await new Promise<void>((resolve) => {
      if (this.#state.connection === 'online') return resolve();
      const off = this.subscribe((state) => {
        if (state.connection === 'online') {
          off();
          resolve();
        }
      });
    });
  }

  #guardOnline(): boolean {
    if (this.controlsEnabled) return true;
    this.#notify('warning', 'not-connected', { code: 'not-connected', params: {} });
    return false;
  }

  #token(media: MediaId): number {
    const token = this.#nextToken++;
    this.#tokens.set(media, token);
    return token;
  }

  #current(media: MediaId, token: number): boolean {
    return !this.#disposed && this.#tokens.get(media) === token;
  }

  async #signIn(media: MediaId, attempt: number, token: number): Promise<void> {
    this.#dispatch({ type: 'sign-in-start', media, at: this.clock.now() });
    try {
      await this.backend.signIn(media);
      if (this.#current(media, token)) this.#dismissKey(`sign-in:${media}`);
    } catch (error) {
      if (!this.#current(media, token)) return;
      const reason = (error as Error).message || String(error);
      this.#dispatch({ type: 'sign-in-failed', media, reason, at: this.clock.now() });
      const retries = this.config.signInRetries;
      const willRetry = attempt <= retries;
      const retryInMs = willRetry ? retryDelay(this.config, attempt) : undefined;
      this.#notify('error', `sign-in:${media}`, {
        code: 'sign-in-failed',
        params: { media, reason, attempt, retries, ...(retryInMs !== undefined ? { retryInMs } : {}) },
      });
      if (willRetry) this.#later(retryInMs!, () => {
        if (this.#current(media, token)) void this.#signIn(media, attempt + 1, token);
      });
    }
  }

  async #change(media: MediaId, target: StateTarget, attempt: number, token: number): Promise<void> {
    this.#dispatch({ type: 'pending', media, change: { target, attempt } });
    try {
      await this.backend.setState(media, target);
      if (!this.#current(media, token)) return;
      this.#dispatch({ type: 'pending', media, change: undefined });
      this.#dismissKey(`state:${media}`);
    } catch (error) {
      if (!this.#current(media, token)) return;
      const reason = (error as Error).message || String(error);
      const retries = this.config.stateRetries;
      const retryable = !(error instanceof DcBackendError) || error.code !== 'not-signed-in';
      const willRetry = retryable && attempt <= retries;
      const retryInMs = willRetry ? retryDelay(this.config, attempt) : undefined;
      this.#notify(
        'error',
        `state:${media}`,
        {
          code: 'state-change-failed',
          params: { media, reason, attempt, retries, target, ...(retryInMs !== undefined ? { retryInMs } : {}) },
        },
        willRetry ? undefined : { kind: 'retry-state', media, target },
      );
      if (willRetry) {
        this.#later(retryInMs!, () => {
          if (this.#current(media, token)) void this.#change(media, target, attempt + 1, token);
        });
      } else {
        this.#dispatch({ type: 'pending', media, change: undefined }); // STATE-7: the group stays partial
      }
    }
  }

  async #deliver(clientId: string): Promise<void> {
    const entry = this.#state.outbox[clientId];
    if (!entry || entry.status === 'failed' || this.#inFlight.has(clientId)) return;
    if (this.#state.connection !== 'online') {
      if (entry.status !== 'queued') this.#dispatch({ type: 'outbox', entry: { ...entry, status: 'queued' } });
      return; // COMP-12: sent after the next resync
    }
    this.#inFlight.add(clientId);
    this.#dispatch({ type: 'outbox', entry: { ...entry, status: 'sending' } });
    try {
      const attachments = await Promise.all(
        entry.attachments.map(async (a) => {
          const data = await this.#blobs.get(a.id);
          if (!data) throw new DcBackendError('invalid', `The file ${a.name} is no longer available`);
          return { ...a, data };
        }),
      );
      await this.backend.send({ clientId, taskId: entry.taskId, text: entry.text, attachments });
    } catch (error) {
      const current = this.#state.outbox[clientId];
      if (!current) return; // the server's message arrived meanwhile: done
      const offline =
        (error instanceof DcBackendError && (error.code === 'offline' || error.code === 'timeout')) ||
        this.backend.connection !== 'online';
      const reason = (error as Error).message || String(error);
      this.#dispatch({
        type: 'outbox',
        entry: offline ? { ...current, status: 'queued' } : { ...current, status: 'failed', reason },
      });
    } finally {
      this.#inFlight.delete(clientId);
    }
  }

  async #loadHistory(taskId: string): Promise<void> {
    try {
      const raw = await this.backend.loadHistory(taskId);
      if (!Array.isArray(raw)) throw new Error('history is not a list');
      const messages: Message[] = [];
      raw.forEach((m: unknown, i) => {
        const checked = checkMessage(m, `history[${i}]`);
        if (checked.ok) messages.push(checked.value);
        else this.#report({ source: 'event', message: `Malformed history message ignored: ${checked.error}`, detail: m });
      });
      messages.sort((a, b) => a.at - b.at);
      this.#dispatch({ type: 'history', taskId, history: { status: 'loaded', messages } });
    } catch (error) {
      this.#dispatch({
        type: 'history',
        taskId,
        history: { status: 'failed', messages: [], reason: (error as Error).message || String(error) },
      });
    }
  }

  #stopTyping(taskId: string): void {
    const sent = this.#typingSent.get(taskId);
    if (!sent) return;
    this.clock.clearTimeout(sent.stop);
    this.#typingSent.delete(taskId);
    if (this.#state.connection === 'online') this.backend.typing(taskId, false).catch(() => undefined);
  }

  /** Files no draft and no queued message refer to any more are let go. */
  #releaseFiles(previous: DcState, next: DcState): void {
    if (previous.drafts === next.drafts && previous.outbox === next.outbox) return;
    const held = (s: DcState) => {
      const ids = new Set<string>();
      for (const d of Object.values(s.drafts)) for (const a of d.attachments) ids.add(a.id);
      for (const e of Object.values(s.outbox)) for (const a of e.attachments) ids.add(a.id);
      return ids;
    };
    const now = held(next);
    for (const id of held(previous)) if (!now.has(id)) void this.#blobs.delete(id);
  }

  #later(ms: number, fn: () => void): void {
    const handle = this.clock.setTimeout(() => {
      this.#timers.delete(handle);
      fn();
    }, ms);
    this.#timers.add(handle);
  }

  #onConnection(status: ConnectionStatus): void {
    if (this.#disposed) return;
    const at = this.clock.now();
    if (status === 'online') {
      void this.#resync();
    } else {
      this.#dispatch({ type: 'connection', status, at });
    }
  }

  /** FAIL-2: re-read the snapshot before enabling anything; events that arrive meanwhile wait. */
  async #resync(): Promise<void> {
    if (this.#resyncing) return;
    this.#resyncing = true;
    const wasLost = this.#state.lostAt !== undefined;
    this.#dispatch({ type: 'connection', status: 'resyncing', at: this.clock.now() });
    try {
      for (let attempt = 1; !this.#disposed; attempt++) {
        if (this.backend.connection !== 'online') return; // dropped again: the next 'online' resyncs
        try {
          const raw = await this.backend.snapshot();
          const checked = checkSnapshot(raw, this.#known);
          for (const warning of checked.warnings ?? []) this.#report({ source: 'snapshot', message: warning });
          if (!checked.ok) throw new Error(checked.error);
          this.#dispatch({ type: 'snapshot', snapshot: checked.value });
          break;
        } catch (error) {
          this.#report({ source: 'snapshot', message: `Snapshot failed: ${(error as Error).message}`, detail: error });
          await new Promise<void>((resolve) => this.#later(retryDelay(this.config, attempt), resolve));
        }
      }
      if (this.#disposed || this.backend.connection !== 'online') return;
      const queued = this.#queued.sort((a, b) => a.seq - b.seq);
      this.#queued = [];
      this.#dispatch({ type: 'connection', status: 'online', at: this.clock.now() });
      if (wasLost) {
        this.#notify('success', 'connection', { code: 'connection-restored', params: {} });
      }
      for (const event of queued) this.#apply(event);
      // COMP-12: what was queued (or cut off) goes now, once: the server keeps one message per client id.
      for (const entry of Object.values(this.#state.outbox)) if (entry.status !== 'failed') void this.#deliver(entry.clientId);
      for (const taskId of this.#historyWaiting) void this.#loadHistory(taskId);
      this.#historyWaiting.clear();
      if (this.#state.catalogue.status === 'idle' || this.#state.catalogue.status === 'failed') this.loadCatalogue();
    } finally {
      this.#resyncing = false;
    }
  }

  #onEvent(raw: unknown): void {
    if (this.#disposed) return;
    const checked = checkEvent(raw, this.#known);
    if (!checked.ok) {
      // Reported, never thrown into the page; its seq is consumed so the stream goes on.
      this.#report({ source: 'event', message: `Malformed event ignored: ${checked.error}`, detail: raw });
      const seq = seqOf(raw);
      if (seq !== undefined && seq === this.#state.lastSeq + 1 && this.#state.connection === 'online') {
        this.#dispatch({ type: 'seq', seq });
      }
      return;
    }
    if (this.#state.connection !== 'online') {
      this.#queued.push(checked.value);
      return;
    }
    this.#apply(checked.value);
  }

  #apply(event: DcEvent): void {
    const state = this.#state;
    if (event.seq <= state.lastSeq) return; // already applied (a repeat, or covered by the snapshot)
    if (event.seq > state.lastSeq + 1) {
      // A gap: an event was lost. Re-read the whole state; this event is kept and applied after.
      this.#queued.push(event);
      void this.#resync();
      return;
    }
    switch (event.type) {
      case 'media-state':
        this.#applyMediaState(event.seq, event);
        return;
      case 'task': {
        this.#dispatch({ type: 'event', event });
        if (event.cause === 'missed') {
          const media = this.config.media.find((m) => m.id === event.task.media)!;
          this.#notify('warning', `missed:${media.group}`, {
            code: 'offer-missed',
            params: { media: media.id, customer: this.#customerName(event.task), group: missedOfferOutcome(media).notReady },
          });
        }
        return;
      }
      case 'message': {
        const { message } = event;
        if (!state.tasks[message.taskId]) {
          this.#report({ source: 'event', message: `Message ${message.id} for unknown task ${message.taskId} ignored` });
        }
        this.#dispatch({ type: 'event', event });
        this.#attention(message);
        return;
      }
      case 'receipt':
        this.#dispatch({ type: 'event', event });
        return;
      case 'typing':
        this.#dispatch({ type: 'event', event });
        if (event.typing) this.#later(TYPING_LAPSE_MS, () => this.#dispatch({ type: 'typing-lapse', taskId: event.taskId, at: this.clock.now() }));
        return;
    }
  }

  #applyMediaState(_seq: number, event: Extract<DcEvent, { type: 'media-state' }>): void {
    const previous = this.#state.media[event.state.media];
    this.#dispatch({ type: 'event', event });
    const next = event.state;
    // A missed offer has its own notification (offer-missed), which says what changed.
    if (event.cause !== 'agent' && event.cause !== 'sign-in' && event.cause !== 'missed-offer') {
      this.#notify('warning', `auto:${next.media}`, {
        code: 'state-auto-changed',
        params: { media: next.media, state: next, cause: event.cause },
      });
    }
    // STATE-6: a Chat/Social media leaving Ready (or losing routing) takes its group with it.
    const leftReady =
      previous?.availability === 'ready' && previous.routable && (next.availability === 'not-ready' || !next.routable);
    if (leftReady) {
      for (const [media, target] of groupPropagation(this.config, this.#state.media as MediaStates, next.media)) {
        if (this.#state.pending[media]) continue; // already moving (the agent's own group change)
        void this.#change(media, target, 1, this.#token(media));
      }
    }
  }

  /** TASK-5: a customer message for a task the agent is not looking at raises a notification. */
  #attention(message: Message): void {
    const state = this.#state;
    const task = state.tasks[message.taskId];
    if (!task || message.from !== 'customer' || task.status === 'offered') return;
    if (state.selectedTaskId === task.id && state.visible) return;
    const unread = unreadCount(state.messages[task.id], state.reads[task.id]);
    this.#notify(
      'info',
      `message:${task.id}`,
      { code: 'new-message', params: { taskId: task.id, media: task.media, customer: this.#customerName(task), unread } },
      { kind: 'open-task', taskId: task.id },
    );
  }

  #customerName(task: Task): string {
    return customerDisplayName(this.config, task);
  }

  #notify(
    kind: NotificationKind,
    key: string,
    body: NotificationBody,
    action?: DcNotification['action'],
  ): void {
    const notification = {
      ...body,
      id: this.#nextNotification++,
      key,
      kind,
      at: this.clock.now(),
      ...(action ? { action } : {}),
    } as DcNotification;
    this.#dispatch({ type: 'notify', notification });
    if (kind === 'info' || kind === 'success') {
      this.#later(this.config.notificationSeconds * 1000, () => this.dismissNotification(notification.id));
    }
  }

  #dismissKey(key: string): void {
    for (const n of this.#state.notifications) if (n.key === key) this.dismissNotification(n.id);
  }

  #report(error: DcStoreError): void {
    if (this.#errorListeners.size === 0) console.warn(`[dc-widgets] ${error.message}`, error.detail ?? '');
    for (const l of [...this.#errorListeners]) l(error);
  }

  #save(state: DcState): void {
    const messages: Record<string, readonly Message[]> = {};
    for (const [id, list] of Object.entries(state.messages)) messages[id] = list.slice(-PERSISTED_MESSAGES);
    savePersisted(this.#storage!, this.config.storageKey, {
      version: PERSIST_VERSION,
      savedAt: this.clock.now(),
      media: state.media,
      tasks: Object.values(state.tasks),
      messages,
      reads: state.reads,
      ...(state.selectedTaskId ? { selectedTaskId: state.selectedTaskId } : {}),
      voice: state.voice,
      pauses: state.pauses,
      drafts: state.drafts,
      outbox: Object.values(state.outbox),
    });
  }

  #dispatch(action: Action): void {
    const previous = this.#state;
    const next = reduce(previous, action);
    if (next === previous) return;
    this.#state = next;
    this.#releaseFiles(previous, next);
    if (this.#storage) {
      // A message on its way is written at once: a page closed right after Send still sends it (COMP-12).
      if (next.media !== previous.media || next.outbox !== previous.outbox) {
        if (this.#saveTimer !== undefined) this.clock.clearTimeout(this.#saveTimer);
        this.#saveTimer = undefined; // written now, with everything else
        this.#save(next);
      } else if (
        this.#saveTimer === undefined &&
        (next.tasks !== previous.tasks ||
          next.messages !== previous.messages ||
          next.reads !== previous.reads ||
          next.selectedTaskId !== previous.selectedTaskId ||
          next.pauses !== previous.pauses ||
          next.drafts !== previous.drafts)
      ) {
        this.#saveTimer = this.clock.setTimeout(() => {
          this.#saveTimer = undefined;
          this.#save(this.#state);
        }, SAVE_DELAY_MS);
      }
    }
    for (const l of [...this.#listeners]) {
      try {
        l(next, previous);
      } catch (error) {
        console.error('[dc-widgets] a store listener threw', error);
      }
    }
  }
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
