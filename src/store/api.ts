/**
 * What a kit element may know of its store: the state and configuration to select from, the time, and
 * the agent's intents. No backend, no persistence, no lifecycle: an element renders state and turns
 * clicks and keys into intents; everything else stays behind this interface. `<dc-provider>` gives its
 * elements `store.api` through context; a host that cannot wrap may pass a `DcStore` (or its `api`) to an
 * element's `store` property.
 */
import type { OutgoingEmail } from '../model/email.js';
import type { StateScope, StateTarget } from '../model/agent-state.js';
import type { AttachmentCheck } from '../model/attachments.js';
import type { DcConfig } from '../model/config.js';
import type { MediaId } from '../model/media.js';
import type { WrapUpChoice, WrapUpOutcome } from '../model/wrap-up.js';
import type { Draft, DraftAttachment, DcState } from './state.js';
import type { TransferChoice } from './transfers.js';

/** A message as the agent sends it (after `dc-before-send`). */
export interface SendRequest {
  readonly text: string;
  readonly attachments?: readonly DraftAttachment[];
  /** An email reply (MAIL-5..10): `text` is then its plain-text alternative. */
  readonly email?: OutgoingEmail;
}

export type StoreListener = (state: DcState, previous: DcState) => void;

export interface DcStoreApi {
  // Reading
  readonly config: DcConfig;
  readonly state: DcState;
  /** Resolves when the first snapshot has been applied (or the first connection failed). */
  readonly ready: Promise<void>;
  /** Whether state controls and task actions may be used: connected and resynchronised (FAIL-2). */
  readonly controlsEnabled: boolean;
  /** SIGN-6: whether the agent may sign out of the desktop now. */
  readonly canSignOut: boolean;
  /** The store's clock (timers, offer countdowns, "today"). */
  now(): number;
  subscribe(listener: StoreListener): () => void;

  // Agent state (SIGN-*, STATE-*)
  signIn(): void;
  setState(scope: StateScope, target: StateTarget): void;
  setMediaState(media: MediaId, target: StateTarget): void;
  signOut(): Promise<boolean>;

  // Offers and tasks (OFFER-*, TASK-*, END-1)
  accept(taskId: string): void;
  acceptAll(): void;
  end(taskId: string): void;
  selectTask(taskId: string): void;
  selectAdjacent(step: 1 | -1): string | undefined;
  /** Something hides the kit from the agent (`collapsed`, `away`…), or stops hiding it (TASK-5). */
  setHidden(reason: string, hidden: boolean): void;
  dismissNotification(id: number): void;
  /** The agent holds the notifications (the pointer or the focus on them): none leaves until they let go. */
  holdNotifications(held: boolean): void;

  // Conversation (PANE-*, COMP-*)
  setDraft(taskId: string, draft: Draft | undefined): void;
  attach(taskId: string, files: readonly File[]): Promise<AttachmentCheck<DraftAttachment & { file?: File }>>;
  detach(taskId: string, attachmentId: string): void;
  attachmentData(attachmentId: string): Promise<Blob | undefined>;
  send(taskId: string, request: SendRequest): string | undefined;
  retry(id: string): void;
  discard(clientId: string): void;
  loadHistory(taskId: string): void;
  agentTyping(taskId: string): void;
  loadCatalogue(): void;
  triggerWorkflow(taskId: string, workflowId: string, params: Readonly<Record<string, string>>): Promise<void>;

  // End, wrap-up and sign-out (END-2, STATE-8)
  /** END-2: changes the reasons or the note chosen in a held task's wrap-up (checked against the media's config; persisted). */
  chooseWrapUp(taskId: string, change: Partial<WrapUpChoice>): void;
  /** END-2: Close: sends `outcome`, else the chosen reasons and note. False when refused (no reason chosen, offline, not in wrap-up). */
  closeWrapUp(taskId: string, outcome?: WrapUpOutcome): boolean;
  /** STATE-8: the agent's answer to the sign-out confirmation (`state.signOutRequest`). */
  confirmSignOut(signOut: boolean): void;
  // Transfer (XFER-*)
  transfer(taskId: string, choice: TransferChoice): string | undefined;
  retryTransfer(taskId: string): void;
  dismissTransfer(taskId: string): void;
  // Customer details (CUST-3, CUST-4, FAIL-3)
  /** The agent changed a customer field of a task (`undefined` takes the edit back); kept until saved or cancelled. */
  editCustomer(taskId: string, field: string, value: string | undefined): void;
  /** Cancel: the task's unsaved customer edits leave. */
  discardCustomerEdits(taskId: string): void;
  /** Saves the task's customer edits through the backend; rejects with the reason (also in `customerSaves`). */
  saveCustomer(taskId: string): Promise<void>;
}

/** The members of `DcStoreApi` that are methods, bound once per store by `storeApi`. */
const METHODS = [
  'now',
  'subscribe',
  'signIn',
  'setState',
  'setMediaState',
  'signOut',
  'accept',
  'acceptAll',
  'end',
  'selectTask',
  'selectAdjacent',
  'setHidden',
  'dismissNotification',
  'holdNotifications',
  'setDraft',
  'attach',
  'detach',
  'attachmentData',
  'send',
  'retry',
  'discard',
  'loadHistory',
  'agentTyping',
  'loadCatalogue',
  'triggerWorkflow',
  'chooseWrapUp',
  'closeWrapUp',
  'confirmSignOut',
  'transfer',
  'retryTransfer',
  'dismissTransfer',
  'editCustomer',
  'discardCustomerEdits',
  'saveCustomer',
] as const satisfies readonly (keyof DcStoreApi)[];

/**
 * A facade over `store` that holds exactly `DcStoreApi` (frozen; nothing else reachable from it), so
 * what an element is given through context cannot reach the backend.
 */
export function storeApi(store: DcStoreApi): DcStoreApi {
  const api = Object.create(null) as Record<string, unknown>;
  for (const name of METHODS) {
    const method = store[name] as (...args: unknown[]) => unknown;
    api[name] = (...args: unknown[]) => method.apply(store, args);
  }
  for (const name of ['config', 'state', 'ready', 'controlsEnabled', 'canSignOut'] as const) {
    Object.defineProperty(api, name, { get: () => store[name], enumerable: true });
  }
  return Object.freeze(api) as unknown as DcStoreApi;
}
