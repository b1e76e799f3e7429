/**
 * One store per provider. `DcStore` composes a small core (core.ts: state, dispatch, subscribe; sync.ts:
 * events in sequence and resynchronisation) with effect modules, one per concern: the agent's state
 * (agent.ts), offers and tasks (offers.ts), the outbox (outbox.ts), the conversation (conversation.ts),
 * persistence (persistence.ts), notifications (notifications.ts) and visibility (visibility.ts). Every
 * side effect follows from a transition of the state, so applying anything twice does nothing twice.
 */
import { signedOutState, type MediaState, type StateScope, type StateTarget } from '../model/agent-state.js';
import type { DcConfig } from '../model/config.js';
import type { MediaId } from '../model/media.js';
import type { AttachmentCheck } from '../model/attachments.js';
import { realClock, type Clock } from '../backend/clock.js';
import type { DcBackend } from '../backend/types.js';
import { AgentState } from './agent.js';
import { storeApi, type DcStoreApi, type SendRequest, type StoreListener } from './api.js';
import { IdbBlobStore, MemoryBlobStore, type BlobStore } from './blobs.js';
import { Conversation } from './conversation.js';
import { CustomerDetails } from './customer.js';
import { StoreCore, type DcStoreError } from './core.js';
import { Notifier } from './notifications.js';
import { Offers } from './offers.js';
import { Outbox } from './outbox.js';
import { GuardedStorage, isSharedStorage, MemoryStorage, readSaved, UnavailableStorage } from './persist.js';
import { Persistence, restoreState } from './persistence.js';
import { restoreSaved } from './schema.js';
import { initialState, type DcState, type Draft, type DraftAttachment } from './state.js';
import { EventSync } from './sync.js';
import { Visibility } from './visibility.js';
import { SignOut } from './sign-out.js';
import { WrapUp } from './wrap-up.js';
import type { WrapUpChoice, WrapUpOutcome } from '../model/wrap-up.js';
import { Transfers, type TransferChoice } from './transfers.js';

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
export type { TransferChoice } from './transfers.js';
export type { DcStoreError } from './core.js';
export { TYPING_IDLE_MS, TYPING_THROTTLE_MS } from './conversation.js';

export class DcStore implements DcStoreApi {
  readonly config: DcConfig;
  readonly backend: DcBackend;
  readonly clock: Clock;
  readonly #core: StoreCore;
  readonly #sync: EventSync;
  readonly #notes: Notifier;
  readonly #agent: AgentState;
  readonly #offers: Offers;
  readonly #outbox: Outbox;
  readonly #conversation: Conversation;
  readonly #visibility: Visibility;
  readonly #wrapUp: WrapUp;
  readonly #signOut: SignOut;
  readonly #customer: CustomerDetails;
  readonly #persistence?: Persistence;
  readonly #transfers: Transfers;
  #api?: DcStoreApi;
  /** What could not be kept (drafts, files), each told to the agent and the host once. */
  #lost = new Set<'drafts' | 'files'>();

  constructor(options: DcStoreOptions) {
    this.config = options.config;
    this.backend = options.backend;
    this.clock = options.clock ?? realClock;
    const storage = options.storage ?? null;
    const blobs: BlobStore =
      options.blobs ??
      (storage && !(storage instanceof MemoryStorage) ? new IdbBlobStore(`${this.config.storageKey}-files`) : new MemoryBlobStore());
    const newId = options.newId ?? (() => crypto.randomUUID());

    const now = this.clock.now();
    const media: Record<MediaId, MediaState> = {};
    for (const m of this.config.media) media[m.id] = signedOutState(m.id, now);
    const known = new Set(this.config.media.map((m) => m.id));
    const saved = storage ? readSaved(storage, this.config.storageKey) : undefined;
    const restored = saved ? restoreSaved(saved, known) : undefined;
    const state = restored ? restoreState(initialState(media), restored) : initialState(media);

    // Reports from here on are held until the first error listener (the provider) comes.
    const core = (this.#core = new StoreCore(this.config, this.backend, this.clock, state));
    this.#notes = new Notifier(core);
    if (restored?.problems.length) {
      const { problems } = restored;
      const shown = problems.slice(0, 10).join('; ') + (problems.length > 10 ? `; and ${problems.length - 10} more` : '');
      core.report({ source: 'storage', message: `Saved state ignored in part (${problems.length}): ${shown}`, detail: problems });
    }
    if (storage instanceof UnavailableStorage) this.#cannotKeep('drafts', `Storage cannot be used (${storage.reason})`);
    const guarded = storage
      ? new GuardedStorage(storage, (key, reason) => this.#cannotKeep('drafts', `Storage refused to write ${key} (${reason})`))
      : undefined;
    if (guarded && !(storage instanceof MemoryStorage)) guarded.probe(this.config.storageKey);
    blobs.watch?.((reason) => this.#cannotKeep('files', `Attached files cannot be kept (${reason})`));

    this.#agent = new AgentState(core, this.#notes);
    this.#offers = new Offers(core, this.#notes);
    this.#outbox = new Outbox(core, this.#notes, blobs, newId);
    this.#conversation = new Conversation(core, blobs, newId);
    this.#visibility = new Visibility(core);
    this.#wrapUp = new WrapUp(core, this.#notes);
    this.#signOut = new SignOut(core, this.#notes, this.#agent, this.#wrapUp);
    this.#customer = new CustomerDetails(core);
    if (guarded) {
      this.#persistence = new Persistence(core, guarded, {
        share: isSharedStorage(guarded.storage),
        rewrite: restored?.migratedFrom !== undefined,
      });
    }
    this.#transfers = new Transfers(core, newId, guarded);
    if (restored) {
      void this.#conversation.dropLostFiles().then((lost) => {
        if (lost.length) this.#cannotKeep('files', `Attached files lost since the last visit: ${lost.join(', ')}`);
      });
    }
    this.#sync = new EventSync(core); // last: events may arrive at once, and every module must hear them
  }

  /**
   * Storage failed to keep drafts (or attached files): the agent is told once, by a notification,
   * and the host once, by `dc-error`. The kit goes on with what it holds in memory.
   */
  #cannotKeep(what: 'drafts' | 'files', message: string): void {
    if (this.#lost.has(what)) return;
    this.#lost.add(what);
    this.#core.report({ source: 'storage', message });
    this.#notes.notify('warning', `storage:${what}`, { code: 'storage-unavailable', params: { what } });
  }

  // -------------------------------------------------------------------------------------------------
  // Reading

  get state(): DcState {
    return this.#core.state;
  }

  /** The store's clock, read (timers, countdowns). */
  now(): number {
    return this.clock.now();
  }

  /** What kit elements are given: selectors and intents, never the backend (see api.ts). */
  get api(): DcStoreApi {
    return (this.#api ??= storeApi(this));
  }

  /** Resolves when the first snapshot has been applied (or the first connection failed). */
  get ready(): Promise<void> {
    return this.#sync.ready;
  }

  /** Whether state controls may be used: connected and resynchronised (FAIL-2). */
  get controlsEnabled(): boolean {
    return this.#core.state.connection === 'online';
  }

  /** SIGN-6: whether the agent may sign out of the desktop now. */
  get canSignOut(): boolean {
    return this.#agent.canSignOut;
  }

  /** Told once per change of state (nested changes made by the store's own effects included), with (after, before). */
  subscribe(listener: StoreListener): () => void {
    return this.#core.subscribe(listener);
  }

  /** Problems meant for the integrator (malformed events, unreadable storage). Never thrown. */
  onError(listener: (error: DcStoreError) => void): () => void {
    return this.#core.onError(listener);
  }

  // -------------------------------------------------------------------------------------------------
  // Agent state (SIGN-*, STATE-*)

  /** SIGN-2: signs every configured media not yet signed in; each succeeds or fails on its own. */
  signIn(): void {
    this.#agent.signIn();
  }

  /** Sets All or a group Ready or Not Ready (STATE-5, STATE-6); each media is retried on its own (STATE-7). */
  setState(scope: StateScope, target: StateTarget): void {
    this.#agent.setState(scope, target);
  }

  /** Sets one media again (the notification's Retry after STATE-7's retries ran out). */
  setMediaState(media: MediaId, target: StateTarget): void {
    this.#agent.setMediaState(media, target);
  }

  /**
   * STATE-8: signs every media out; held tasks are closed or transferred per `config.onSignOut`, after
   * the agent confirms (`state.signOutRequest`, answered with `confirmSignOut`). Refused (false) unless
   * every media is Not Ready (SIGN-6); false too when the agent goes back.
   */
  signOut(): Promise<boolean> {
    return this.#signOut.request();
  }

  /** STATE-8: the agent confirms the sign-out (true) or goes back (false). */
  confirmSignOut(signOut: boolean): void {
    this.#signOut.confirm(signOut);
  }

  // -------------------------------------------------------------------------------------------------
  // Wrap-up (END-2)

  /** END-2: changes the reasons or note chosen in a held task's wrap-up; kept across reloads (FAIL-3). */
  chooseWrapUp(taskId: string, change: Partial<WrapUpChoice>): void {
    this.#wrapUp.choose(taskId, change);
  }

  /** END-2: Close: sends `outcome`, else the agent's choice (a reason needed when the media lists any). */
  closeWrapUp(taskId: string, outcome?: WrapUpOutcome): boolean {
    return this.#wrapUp.close(taskId, outcome);
  }

  // -------------------------------------------------------------------------------------------------
  // Offers and tasks (OFFER-*, TASK-*, END-1)

  accept(taskId: string): void {
    this.#offers.accept(taskId);
  }

  acceptAll(): void {
    this.#offers.acceptAll();
  }

  end(taskId: string): void {
    if (this.#transfers.blocks(taskId)) return; // XFER-4: a transfer is pending
    this.#offers.end(taskId);
  }

  selectTask(taskId: string): void {
    this.#offers.selectTask(taskId);
  }

  selectAdjacent(step: 1 | -1): string | undefined {
    return this.#offers.selectAdjacent(step);
  }

  /**
   * TASK-5: something hides the kit from the agent, or stops hiding it: the provider reports `page`
   * (the document is hidden) and `away` (the host's word); a desktop reports `collapsed`.
   */
  setHidden(reason: string, hidden: boolean): void {
    this.#visibility.setHidden(reason, hidden);
  }

  /** Shorthand for the page's own visibility (`setHidden('page', !visible)`). */
  setVisible(visible: boolean): void {
    this.#visibility.setHidden('page', !visible);
  }

  /** TASK-4/6: a voice call started or ended; it pauses the timers of media configured so. */
  setVoice(active: boolean): void {
    this.#visibility.setVoice(active);
  }

  dismissNotification(id: number): void {
    this.#notes.dismiss(id);
  }

  holdNotifications(held: boolean): void {
    this.#notes.hold(held);
  }

  // -------------------------------------------------------------------------------------------------
  // Conversation (PANE-*, COMP-*)

  /** COMP-13: keeps what the agent is writing in a task (or clears it with `undefined`). */
  setDraft(taskId: string, draft: Draft | undefined): void {
    this.#conversation.setDraft(taskId, draft);
  }

  /** COMP-4: attaches the files that pass the task media's limits; returns the check (why others were refused). */
  attach(taskId: string, files: readonly File[]): Promise<AttachmentCheck<DraftAttachment & { file?: File }>> {
    return this.#conversation.attach(taskId, files);
  }

  /** COMP-4: X removes one attachment from a draft. */
  detach(taskId: string, attachmentId: string): void {
    this.#conversation.detach(taskId, attachmentId);
  }

  /** The bytes of a draft's or a queued message's attachment (for previews). */
  attachmentData(attachmentId: string): Promise<Blob | undefined> {
    return this.#conversation.attachmentData(attachmentId);
  }

  /**
   * COMP-1, COMP-12: sends a message in a task and clears its draft. The message is in the outbox at
   * once (shown as sending); it goes now if the kit is online, else when the connection returns; it is
   * delivered once whatever happens (client ids). Returns the client id, or undefined when the task
   * cannot take messages.
   */
  send(taskId: string, request: SendRequest): string | undefined {
    let clientId: string | undefined;
    if (this.#transfers.blocks(taskId)) return undefined; // XFER-4: a transfer is pending
    this.#core.batch(() => {
      clientId = this.#outbox.send(taskId, request);
      if (clientId === undefined) return;
      this.#conversation.setDraft(taskId, undefined);
      this.#conversation.stopTyping(taskId);
    });
    return clientId;
  }

  /** PANE-4: sends a failed message again under the same client id (an outbox entry's, or a server message's id). */
  retry(id: string): void {
    this.#outbox.retry(id);
  }

  /** Drops a failed message the agent gives up on (it was never delivered). */
  discard(clientId: string): void {
    this.#outbox.discard(clientId);
  }

  /** PANE-1: loads the conversation before this task; a failure keeps the reason, and calling again retries. */
  loadHistory(taskId: string): void {
    this.#conversation.loadHistory(taskId);
  }

  /** The agent typed in a task: told to the backend at most every few seconds, and "stopped" after a pause. */
  agentTyping(taskId: string): void {
    this.#conversation.agentTyping(taskId);
  }

  /** Loads the templates and workflows (done once online; call again after a failure). */
  loadCatalogue(): void {
    this.#conversation.loadCatalogue();
  }

  /**
   * COMP-10: runs a workflow for a task. Rejects with a `DcBackendError` ('invalid' when a parameter is
   * refused, naming it; 'offline'; or the server's reason). Its audit announcement arrives as a message.
   */
  triggerWorkflow(taskId: string, workflowId: string, params: Readonly<Record<string, string>>): Promise<void> {
    return this.#conversation.triggerWorkflow(taskId, workflowId, params);
  }

  // -------------------------------------------------------------------------------------------------
  // Transfer (XFER-*)

  /**
   * XFER-1/3/4: transfers an active task to a routing point of its media, with an internal note (and
   * the wrap-up a forced wrap-up asks first). Pending until the server's `transferred` event; End and
   * Send are refused meanwhile. Returns the transfer's client id, or undefined when refused.
   */
  transfer(taskId: string, choice: TransferChoice): string | undefined {
    return this.#transfers.transfer(taskId, choice);
  }

  /** XFER-4: sends a failed transfer again under the same client id. */
  retryTransfer(taskId: string): void {
    this.#transfers.retry(taskId);
  }

  /** Gives up a failed transfer: the agent keeps the task. */
  dismissTransfer(taskId: string): void {
    this.#transfers.dismiss(taskId);
  }
  // Customer details (CUST-3, CUST-4, FAIL-3)

  /** CUST-3: the agent changed a customer field (`undefined` takes the edit back); kept until saved or cancelled. */
  editCustomer(taskId: string, field: string, value: string | undefined): void {
    this.#customer.editCustomer(taskId, field, value);
  }

  /** CUST-3 (Cancel): the task's unsaved customer edits leave; every field shows its saved value. */
  discardCustomerEdits(taskId: string): void {
    this.#customer.discardCustomerEdits(taskId);
  }

  /**
   * CUST-3: saves the task's customer edits that change something. Rejects with a `DcBackendError`
   * ('invalid' naming refused fields, 'offline', or the server's reason), also kept in `customerSaves`.
   */
  saveCustomer(taskId: string): Promise<void> {
    return this.#customer.saveCustomer(taskId);
  }

  // -------------------------------------------------------------------------------------------------
  // Lifecycle

  /**
   * Writes what must survive a reload now. Agent-state changes are written at once; task and message
   * changes are gathered for a quarter of a second (a burst of messages makes one write). The provider
   * calls this when the page is hidden or left, so nothing is lost.
   */
  flush(): void {
    this.#persistence?.flush();
  }

  /** Stops listening to the backend and cancels retries. The backend itself stays open. */
  dispose(): void {
    this.flush();
    this.#persistence?.dispose();
    this.#sync.dispose();
    this.#core.dispose();
  }
}
