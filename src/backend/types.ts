/**
 * The backend adapter interface. A backend carries commands to a contact centre and brings back one
 * ordered stream of events. The store is the only caller.
 *
 * Contract:
 * - Commands resolve when the server has accepted them and reject with a `DcBackendError` otherwise.
 *   Their effect arrives as events: the server is the source of truth, never the command's result.
 * - Every event carries `seq`, increasing by one per event on one connection's stream. The store
 *   ignores an event whose `seq` it has already applied, and re-reads `snapshot()` when it sees a gap.
 * - `snapshot()` returns the whole state the kit shows, stamped with the `seq` of the last event it
 *   includes. The store calls it after every (re)connection, before it re-enables any control (FAIL-2).
 * - Connection changes are reported on their own channel: they are about this client, not the server.
 */
import type { OutgoingEmail } from '../model/email.js';
import type { MediaState, StateTarget } from '../model/agent-state.js';
import type { SignOutDisposition } from '../model/config.js';
import type { MediaId } from '../model/media.js';
import type { Message, Receipt, Task } from '../model/tasks.js';
import type { Catalogue } from '../model/workflows.js';
import type { WrapUpOutcome } from '../model/wrap-up.js';

export type { WrapUpOutcome } from '../model/wrap-up.js';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/** Why the server changed a media's state. Anything but `agent` is an automatic change. */
export type StateCause = 'agent' | 'sign-in' | 'missed-offer' | 'system' | 'supervisor';

interface EventBase {
  readonly seq: number;
  /** Server time, epoch milliseconds. */
  readonly at: number;
}

/** A media's whole state after any change: sign-in, sign-out, Ready, Not Ready, routing. */
export interface MediaStateEvent extends EventBase {
  readonly type: 'media-state';
  readonly state: MediaState;
  readonly cause: StateCause;
}

/** Why a task changed. */
export type TaskCause =
  | 'offered'
  | 'accepted'
  | 'missed'
  | 'rescinded'
  | 'ended'
  | 'transferred'
  | 'updated'
  /** End moved the task to a forced wrap-up (END-2). */
  | 'wrap-up';

/** A task's whole state after any change of its lifecycle (OFFER-*, TASK-*). */
export interface TaskEvent extends EventBase {
  readonly type: 'task';
  readonly task: Task;
  readonly cause: TaskCause;
}

/** A message in a task's conversation (from the customer, a bot, the system, or an agent). */
export interface MessageEvent extends EventBase {
  readonly type: 'message';
  readonly message: Message;
}

/**
 * An outgoing message's receipt moved on (PANE-4). `messageId` names the server's message; a message
 * the kit has not seen yet is ignored (the message event carries its receipt too).
 */
export interface ReceiptEvent extends EventBase {
  readonly type: 'receipt';
  readonly taskId: string;
  readonly messageId: string;
  readonly receipt: Receipt;
  /** Why it failed, when `receipt` is `failed`. */
  readonly reason?: string;
}

/** The customer started or stopped typing. A `typing: true` lapses after a few seconds without news. */
export interface TypingEvent extends EventBase {
  readonly type: 'typing';
  readonly taskId: string;
  readonly typing: boolean;
}

/** The events the kit understands. Later capabilities add email events here. */
export type DcEvent = MediaStateEvent | TaskEvent | MessageEvent | ReceiptEvent | TypingEvent;
export type DcEventType = DcEvent['type'];

export interface DcSnapshot {
  /** The `seq` of the last event this snapshot includes. */
  readonly seq: number;
  readonly at: number;
  readonly media: Readonly<Record<MediaId, MediaState>>;
  /** Every task that is not over: offers on show and held tasks. */
  readonly tasks: readonly Task[];
  /** The messages of those tasks, by task id, oldest first. */
  readonly messages: Readonly<Record<string, readonly Message[]>>;
}

/** A file sent with a message. */
export interface OutgoingAttachment {
  /** The client's id for this file, stable across retries. */
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
  readonly data: Blob;
}

/** A message the agent sends (COMP-1). */
export interface OutgoingMessage {
  /**
   * The client's id for the message. The server keeps one message per client id: sending again with the
   * same id (a retry, a resend after a reconnect or a reload) never makes a second message; if the first
   * attempt failed, it tries delivery again (PANE-4, COMP-12).
   */
  readonly clientId: string;
  readonly taskId: string;
  /** What is sent, already in the channel's markup (COMP-9). */
  readonly text: string;
  readonly attachments: readonly OutgoingAttachment[];
  /** An email reply (MAIL-5..10): `text` is then its plain-text alternative, `email.html` the body. */
  readonly email?: OutgoingEmail;
}

/**
 * A transfer of a held task to a routing point of its media (XFER-1). The server keeps one transfer
 * per client id: the same request again (a retry, a resend after a reload) changes nothing more.
 */
export interface TransferRequest {
  readonly clientId: string;
  readonly taskId: string;
  /** The routing point's id (`config.media[m].transferTargets`). */
  readonly target: string;
  /** An internal note for the next agent (XFER-4), never sent to the customer. */
  readonly note?: string;
  /** The wrap-up chosen before the transfer, when the media forces one (XFER-3). */
  readonly wrapUp?: WrapUpOutcome;
}

export interface BackendListener {
  /** One event of the ordered stream. May be malformed if the server misbehaves: the store checks. */
  event(event: unknown): void;
  connection(status: ConnectionStatus): void;
}

export type BackendErrorCode =
  | 'offline'
  | 'rejected'
  | 'timeout'
  | 'not-signed-in'
  | 'unknown-media'
  | 'unknown-task'
  | 'invalid';

/** A command that failed. `message` is the server's reason, shown to the agent as given. */
export class DcBackendError extends Error {
  readonly code: BackendErrorCode;
  constructor(code: BackendErrorCode, message: string) {
    super(message);
    this.name = 'DcBackendError';
    this.code = code;
  }
}

export interface DcBackend {
  /** Current connection status. */
  readonly connection: ConnectionStatus;
  /** Starts (or resumes) the connection; resolves once it is online. */
  connect(): Promise<void>;
  /** Stops the connection for good and releases resources. */
  close(): void;
  /** Receives events and connection changes; returns the function that stops them. */
  subscribe(listener: BackendListener): () => void;
  snapshot(): Promise<DcSnapshot>;

  /** Signs one media in (SIGN-2: the store calls it for each media, so each fails on its own). */
  signIn(media: MediaId): Promise<void>;
  /** Signs media out; active tasks are closed or transferred per `disposition` (STATE-8). */
  signOut(media: readonly MediaId[], disposition: SignOutDisposition): Promise<void>;
  /** Sets one media Ready or Not Ready with an optional reason. Ready also restores routing. */
  setState(media: MediaId, target: StateTarget): Promise<void>;

  /** Accepts an offer (OFFER-2). Rejects when it is no longer on offer. */
  accept(taskId: string): Promise<void>;
  /**
   * Ends a held task (END-1). With the media's forced wrap-up the server moves it to `wrap-up` (cause
   * `'wrap-up'`, with `wrapUpAt` and `wrapUpDeadline`); otherwise it closes it. The conversation's
   * `closed` announcement is added either way (END-3).
   */
  end(taskId: string): Promise<void>;
  /**
   * Closes a task in wrap-up with the agent's reasons and note (END-2). At its deadline the server
   * closes it by itself with the default reason if nothing came; the kit sends the chosen reasons at zero.
   */
  wrapUp(taskId: string, outcome: WrapUpOutcome): Promise<void>;

  /**
   * Sends a message; resolves once the server holds it (its message event carries the client id).
   * Idempotent by `clientId` (see {@link OutgoingMessage}). Rejects with `offline` when it cannot reach
   * the server, `rejected` when the server refuses it (the reason is shown to the agent).
   */
  send(message: OutgoingMessage): Promise<void>;
  /**
   * The conversation history with this task's customer before this task: earlier interactions with
   * other agents, oldest first (PANE-1, PANE-5). The task's own messages (its bot part included) come
   * with the task.
   */
  loadHistory(taskId: string): Promise<readonly Message[]>;
  /** The agent is (or stopped) typing in this task; the store throttles it. */
  typing(taskId: string, typing: boolean): Promise<void>;
  /** The templates and workflows the server offers this agent (COMP-5, COMP-10). */
  catalogue(): Promise<Catalogue>;
  /**
   * Runs a workflow for a task with its parameters (COMP-10). Resolves when it ran; its audit
   * announcement arrives as a message. Rejects with the server's reason when it failed.
   */
  triggerWorkflow(taskId: string, workflowId: string, params: Readonly<Record<string, string>>): Promise<void>;

  /**
   * Transfers a held task to a routing point (XFER-1, XFER-4). Idempotent by `clientId`; resolves once
   * the server took it, and the task event (status `transferred`) follows; rejects with the reason.
   * The note travels with the task as an internal message to the next agent.
   */
  transfer(request: TransferRequest): Promise<void>;
  // Customer details (CUST-3)
  /**
   * Saves the agent's edits of a held task's customer fields (`fields`: the changed ones, by variable
   * name). Resolves once saved; the task event that follows (cause `updated`) carries the values. Rejects
   * with `invalid` when the server refuses a value (the reason names it), `offline`, or the server's
   * reason.
   */
  saveCustomer(taskId: string, fields: Readonly<Record<string, string>>): Promise<void>;
}
