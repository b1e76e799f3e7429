/**
 * The store's state: plain, serialisable data, and the actions that change it. The reducer
 * (reducer.ts) is a pure function from (state, action) to a new state; the store's core (core.ts) feeds
 * it and runs the effect modules on each transition.
 *
 * Every record keyed by id (tasks, messages, reads, drafts, outbox…) is a null-prototype object: read
 * it with `Object.hasOwn` (or the helpers in records.ts), since an id may be any string.
 */
import type { OutgoingEmail } from '../model/email.js';
import type { MediaState, StateTarget } from '../model/agent-state.js';
import type { GroupId, MediaId } from '../model/media.js';
import type { Message, Task, TaskPause } from '../model/tasks.js';
import type { DcEvent, DcSnapshot, StateCause } from '../backend/types.js';
import type { Draft, DraftAttachment } from '../model/draft.js';
import type { Catalogue } from '../model/workflows.js';
import type { SignOutDisposition } from '../model/config.js';
import type { WrapUpChoice } from '../model/wrap-up.js';
import { record } from './records.js';

export type { Draft, DraftAttachment } from '../model/draft.js';

/**
 * A message the agent sent that the server does not hold yet (COMP-12): `queued` waits for the
 * connection, `sending` is on its way, `failed` was refused and waits for Retry (PANE-4).
 */
export interface OutboxEntry {
  readonly clientId: string;
  readonly taskId: string;
  readonly text: string;
  readonly attachments: readonly DraftAttachment[];
  /** An email reply's fields and HTML (MAIL-*). */
  readonly email?: OutgoingEmail;
  readonly createdAt: number;
  readonly status: 'queued' | 'sending' | 'failed';
  readonly reason?: string;
}

/** The conversation before this task (PANE-1): loading, loaded, or failed with Retry. */
export interface HistoryState {
  readonly status: 'loading' | 'loaded' | 'failed';
  readonly messages: readonly Message[];
  readonly reason?: string;
}

export interface CatalogueState {
  readonly status: 'idle' | 'loading' | 'loaded' | 'failed';
  readonly value: Catalogue;
  readonly reason?: string;
}

/**
 * A transfer the agent asked for (XFER-1, XFER-4): `pending` until the server takes it (the task event
 * `transferred` then removes it, with the task), `failed` with the server's reason until Retry, which
 * sends it again under the same client id. Kept across reloads; a pending one is sent again.
 */
export interface TransferEntry {
  readonly clientId: string;
  readonly target: string;
  readonly note: string;
  readonly wrapUp?: { readonly reasons: readonly string[]; readonly note?: string };
  readonly status: 'pending' | 'failed';
  readonly reason?: string;
  /** When the agent asked (epoch ms). */
  readonly at: number;
}
/** CUST-3: a Save of a task's customer fields: on its way, done, or refused with the reason. */
export interface CustomerSave {
  readonly status: 'saving' | 'saved' | 'failed';
  /** Why it failed: the server's reason, as given. */
  readonly reason?: string;
  /** What kind of failure (`offline`, `invalid`, `rejected`…), for the element's own words. */
  readonly code?: string;
  /** When it started (saving) or ended (saved, failed). */
  readonly at: number;
}

/** How long a customer's "typing" lasts without news. */
export const TYPING_LAPSE_MS = 6000;

/**
 * The kit's view of the connection. `resyncing`: connected, re-reading the snapshot; controls stay
 * disabled until it is `online` (FAIL-2).
 */
export type KitConnection = 'connecting' | 'resyncing' | 'online' | 'offline';

export type NotificationKind = 'error' | 'warning' | 'info' | 'success';

/**
 * A notification, as data: the element turns `code` and `params` into words in the agent's language,
 * so switching language re-renders it.
 */
export type NotificationBody =
  | {
      readonly code: 'sign-in-failed';
      readonly params: { media: MediaId; reason: string; attempt: number; retries: number; retryInMs?: number };
    }
  | {
      readonly code: 'state-change-failed';
      readonly params: {
        media: MediaId;
        reason: string;
        attempt: number;
        retries: number;
        retryInMs?: number;
        target: StateTarget;
      };
    }
  | {
      readonly code: 'state-auto-changed';
      readonly params: { media: MediaId; state: MediaState; cause: StateCause };
    }
  | {
      readonly code: 'offer-missed';
      readonly params: { media: MediaId; customer: string; group: GroupId };
    }
  | { readonly code: 'accept-failed'; readonly params: { media: MediaId; customer: string; reason: string } }
  | {
      readonly code: 'new-message';
      readonly params: { taskId: string; media: MediaId; customer: string; unread: number };
    }
  | { readonly code: 'connection-restored'; readonly params: Record<string, never> }
  | { readonly code: 'not-connected'; readonly params: Record<string, never> }
  | { readonly code: 'sign-out-blocked'; readonly params: Record<string, never> }
  /** Storage refuses to keep drafts, or attached files: they last only as long as the page. */
  | { readonly code: 'storage-unavailable'; readonly params: { what: 'drafts' | 'files' } };

export type NotificationCode = NotificationBody['code'];

export type DcNotification = NotificationBody & {
  readonly id: number;
  /**
   * A later notification with the same key replaces this one (a retry updates its own pop-over); a
   * warning's key names its cause, so that the same cause again is one warning with a count.
   */
  readonly key: string;
  readonly kind: NotificationKind;
  readonly at: number;
  /** How many times this warning was raised while on show (absent: once). */
  readonly count?: number;
  /** When an informational notification leaves (epoch ms, later while the notifications are held). */
  readonly expiresAt?: number;
  /** An action the agent can take from the pop-over. */
  readonly action?:
    | { readonly kind: 'retry-state'; readonly media: MediaId; readonly target: StateTarget }
    | { readonly kind: 'open-task'; readonly taskId: string };
};

// --- End, wrap-up and sign-out (END-1…3, STATE-8) -------------------------------------------------

/** A wrap-up's Close (or the send at zero) on its way to the server, or refused with the server's reason. */
export type WrapUpSend = { readonly status: 'sending' } | { readonly status: 'failed'; readonly reason: string };

/** STATE-8: the agent asked to sign out while holding tasks; the kit asks them to confirm first. */
export interface SignOutRequest {
  /** The held tasks at the time of asking, in the task list's order. */
  readonly taskIds: readonly string[];
  /** What happens to them (`config.onSignOut`). */
  readonly disposition: SignOutDisposition;
  readonly at: number;
}

/** A state change the store is running or will retry. */
export interface PendingChange {
  readonly target: StateTarget;
  readonly attempt: number;
}

export interface DcState {
  readonly connection: KitConnection;
  /** When the connection was lost; cleared once the state is re-read (the banner reads it). FAIL-1. */
  readonly lostAt?: number;
  /** The last applied event's sequence number. */
  readonly lastSeq: number;
  readonly media: Readonly<Record<MediaId, MediaState>>;
  readonly pending: Readonly<Record<MediaId, PendingChange>>;
  readonly notifications: readonly DcNotification[];
  /** Since when the agent holds the notifications (pointer or focus on them): none expires meanwhile. */
  readonly notificationsHeldAt?: number;
  /** Offers and held tasks by id; a task that is over leaves the state. */
  readonly tasks: Readonly<Record<string, Task>>;
  /** Each task's messages, oldest first. */
  readonly messages: Readonly<Record<string, readonly Message[]>>;
  /** How many of a task's customer messages the agent has seen (unread counts derive from it). */
  readonly reads: Readonly<Record<string, number>>;
  /**
   * How many customer messages each task's list holds, kept as messages arrive, so that an unread
   * count is `customerCounts[id] - reads[id]` without counting the list again (TASK-2/3/5).
   */
  readonly customerCounts: Readonly<Record<string, number>>;
  /** The task on show (OFFER-2: an accepted task becomes it). */
  readonly selectedTaskId?: string;
  /** Whether the agent can see the kit (the page is visible and the host has not said otherwise). */
  readonly visible: boolean;
  /** A voice call is under way (the host says so); it pauses some task timers (TASK-4). */
  readonly voice: boolean;
  readonly pauses: Readonly<Record<string, TaskPause>>;
  /** Offers whose Accept is on its way to the server. */
  readonly accepting: Readonly<Record<string, true>>;
  /** Drafts by task (COMP-13). */
  readonly drafts: Readonly<Record<string, Draft>>;
  /** Sent messages the server does not hold yet, by client id, oldest first (COMP-12). */
  readonly outbox: Readonly<Record<string, OutboxEntry>>;
  /** Each task's earlier conversation, once asked for (PANE-1). */
  readonly history: Readonly<Record<string, HistoryState>>;
  /** Tasks whose customer is typing, with when that lapses (epoch ms). */
  readonly typing: Readonly<Record<string, number>>;
  /** Templates and workflows (COMP-5, COMP-10). */
  readonly catalogue: CatalogueState;
  /** END-2: what the agent chose so far in each task's wrap-up (persisted, FAIL-3). */
  readonly wrapUps: Readonly<Record<string, WrapUpChoice>>;
  /** END-2: Close (or the send at zero) under way or refused, by task. */
  readonly wrapUpSends: Readonly<Record<string, WrapUpSend>>;
  /** STATE-8: a sign-out waiting for the agent's confirmation. */
  readonly signOutRequest?: SignOutRequest;
  /** Transfers under way or failed, by task id (XFER-*). */
  readonly transfers: Readonly<Record<string, TransferEntry>>;
  /**
   * CUST-3, FAIL-3: the agent's unsaved edits of each task's customer fields, by task then field name
   * (kept across task switches, reloads and failovers until saved or cancelled).
   */
  readonly customerEdits: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** CUST-3: each task's last Save of its customer fields (not kept across a reload). */
  readonly customerSaves: Readonly<Record<string, CustomerSave>>;
}

export type Action =
  | { type: 'connection'; status: KitConnection; at: number }
  | { type: 'snapshot'; snapshot: DcSnapshot }
  | { type: 'event'; event: DcEvent }
  | { type: 'sign-in-start'; media: MediaId; at: number }
  | { type: 'sign-in-failed'; media: MediaId; reason: string; at: number }
  | { type: 'pending'; media: MediaId; change: PendingChange | undefined }
  | { type: 'notify'; notification: DcNotification }
  | { type: 'dismiss'; id: number }
  | { type: 'hold-notifications'; held: boolean; at: number }
  | { type: 'expire-notifications'; at: number }
  /** Uses up a sequence number (a malformed event's); `rebase` sets it even below the last (a new epoch). */
  | { type: 'seq'; seq: number; rebase?: boolean }
  | { type: 'select'; taskId: string | undefined }
  | { type: 'visible'; visible: boolean }
  | { type: 'voice'; active: boolean; at: number; media: readonly MediaId[] }
  | { type: 'accepting'; taskId: string; on: boolean }
  | { type: 'draft'; taskId: string; draft: Draft | undefined }
  | { type: 'outbox'; entry: OutboxEntry }
  | { type: 'outbox-remove'; clientId: string }
  | { type: 'history'; taskId: string; history: HistoryState }
  | { type: 'catalogue'; catalogue: CatalogueState }
  | { type: 'typing-lapse'; taskId: string; at: number }
  // End, wrap-up and sign-out (END-1…3, STATE-8)
  | { type: 'wrap-up-choice'; taskId: string; choice: WrapUpChoice | undefined }
  | { type: 'wrap-up-send'; taskId: string; send: WrapUpSend | undefined }
  | { type: 'sign-out-request'; request: SignOutRequest | undefined }
  | { type: 'transfer'; taskId: string; entry: TransferEntry | undefined }
  /** CUST-3: a task's unsaved customer edits, all of them (none: `undefined`). */
  | { type: 'customer-edits'; taskId: string; edits: Readonly<Record<string, string>> | undefined }
  | { type: 'customer-save'; taskId: string; save: CustomerSave | undefined };

export function initialState(media: Readonly<Record<MediaId, MediaState>>): DcState {
  const byMedia = record<MediaState>();
  for (const id of Object.keys(media)) byMedia[id] = media[id]!;
  return {
    connection: 'connecting',
    lastSeq: 0,
    media: byMedia,
    pending: record(),
    notifications: [],
    tasks: record(),
    messages: record(),
    reads: record(),
    customerCounts: record(),
    visible: true,
    voice: false,
    pauses: record(),
    accepting: record(),
    drafts: record(),
    outbox: record(),
    history: record(),
    typing: record(),
    catalogue: { status: 'idle', value: { templateGroups: [], templates: [], workflows: [] } },
    wrapUps: record(),
    wrapUpSends: record(),
    transfers: record(),
    customerEdits: record(),
    customerSaves: record(),
  };
}
