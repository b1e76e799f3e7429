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
import type { MediaState, StateTarget } from '../model/agent-state.js';
import type { SignOutDisposition } from '../model/config.js';
import type { MediaId } from '../model/media.js';
import type { Message, Task } from '../model/tasks.js';

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
export type TaskCause = 'offered' | 'accepted' | 'missed' | 'rescinded' | 'ended' | 'transferred' | 'updated';

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

/** The events the kit understands. Later capabilities add receipts and email events here. */
export type DcEvent = MediaStateEvent | TaskEvent | MessageEvent;
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
  /** Ends a held task (END-1). */
  end(taskId: string): Promise<void>;
}
