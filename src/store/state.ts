/**
 * The store's state and its reducer: plain, serialisable data and a pure function from (state, action)
 * to a new state. The `DcStore` class (store.ts) runs the effects (backend calls, retries, timers) and
 * feeds the reducer.
 */
import type { MediaState, StateTarget } from '../model/agent-state.js';
import type { MediaId } from '../model/media.js';
import type { DcEvent, DcSnapshot, StateCause } from '../backend/types.js';

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
  | { readonly code: 'connection-restored'; readonly params: Record<string, never> }
  | { readonly code: 'not-connected'; readonly params: Record<string, never> }
  | { readonly code: 'sign-out-blocked'; readonly params: Record<string, never> };

export type NotificationCode = NotificationBody['code'];

export type DcNotification = NotificationBody & {
  readonly id: number;
  /** A later notification with the same key replaces this one (a retry updates its own pop-over). */
  readonly key: string;
  readonly kind: NotificationKind;
  readonly at: number;
  /** An action the agent can take from the pop-over. */
  readonly action?: { readonly kind: 'retry-state'; readonly media: MediaId; readonly target: StateTarget };
};

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
  | { type: 'seq'; seq: number };

export function initialState(media: Readonly<Record<MediaId, MediaState>>): DcState {
  return { connection: 'connecting', lastSeq: 0, media, pending: {}, notifications: [] };
}

export function reduce(state: DcState, action: Action): DcState {
  switch (action.type) {
    case 'connection': {
      if (action.status === state.connection) return state;
      const lostAt =
        action.status === 'offline' ? (state.lostAt ?? action.at) : action.status === 'online' ? undefined : state.lostAt;
      const next: DcState = { ...state, connection: action.status };
      if (lostAt === undefined) {
        const { lostAt: _dropped, ...rest } = next;
        return rest;
      }
      return { ...next, lostAt };
    }
    case 'snapshot': {
      // The snapshot is the truth for every media it names; media it does not name keep what we had.
      return { ...state, lastSeq: action.snapshot.seq, media: { ...state.media, ...action.snapshot.media } };
    }
    case 'event': {
      const { event } = action;
      if (event.seq <= state.lastSeq) return state; // idempotent: already applied
      switch (event.type) {
        case 'media-state':
          return {
            ...state,
            lastSeq: event.seq,
            media: { ...state.media, [event.state.media]: event.state },
          };
      }
      return state;
    }
    case 'seq':
      return action.seq > state.lastSeq ? { ...state, lastSeq: action.seq } : state;
    case 'sign-in-start': {
      const current = state.media[action.media];
      if (!current) return state;
      const { signInError: _e, ...rest } = current;
      return { ...state, media: { ...state.media, [action.media]: { ...rest, signIn: 'signing-in' } } };
    }
    case 'sign-in-failed': {
      const current = state.media[action.media];
      if (!current) return state;
      return {
        ...state,
        media: { ...state.media, [action.media]: { ...current, signIn: 'failed', signInError: action.reason } },
      };
    }
    case 'pending': {
      const pending = { ...state.pending };
      if (action.change) pending[action.media] = action.change;
      else delete pending[action.media];
      return { ...state, pending };
    }
    case 'notify': {
      const rest = state.notifications.filter((n) => n.key !== action.notification.key);
      return { ...state, notifications: [...rest, action.notification] };
    }
    case 'dismiss': {
      if (!state.notifications.some((n) => n.id === action.id)) return state;
      return { ...state, notifications: state.notifications.filter((n) => n.id !== action.id) };
    }
  }
}
