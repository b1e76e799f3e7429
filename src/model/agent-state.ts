import type { GroupId, MediaId } from './media.js';

/** Where a media is in signing in. SIGN-1..4. */
export type SignInStatus = 'signed-out' | 'signing-in' | 'signed-in' | 'failed';

export type Availability = 'ready' | 'not-ready';

/**
 * States a routing system may report beyond Ready/Not Ready (a Finesse adapter reports these). The kit
 * shows them in words; the rules below only read `availability` and `routable`.
 */
export type SystemState =
  | 'reserved'
  | 'active'
  | 'paused'
  | 'interrupted'
  | 'work-ready'
  | 'work-not-ready';

/** One media's agent state, as the server reports it. Plain, serialisable data. */
export interface MediaState {
  readonly media: MediaId;
  readonly signIn: SignInStatus;
  readonly availability: Availability;
  /** The Not Ready reason's id; absent for plain Not Ready and for Ready. */
  readonly reasonId?: string;
  /** False when the media is Not Ready – non-routable (after a missed offer, OFFER-4). */
  readonly routable: boolean;
  readonly systemState?: SystemState;
  /** Epoch milliseconds when this state began: timers are derived from it. */
  readonly since: number;
  /** Why the last sign-in failed, as the server said it. SIGN-4. */
  readonly signInError?: string;
}

/** What the agent (or the system) asks a media to become. */
export interface StateTarget {
  readonly availability: Availability;
  readonly reasonId?: string;
}

/** Where a state change is aimed: every media, or one group. STATE-1. */
export type StateScope = 'all' | GroupId;

export function signedOutState(media: MediaId, since: number): MediaState {
  return { media, signIn: 'signed-out', availability: 'not-ready', routable: true, since };
}

/** SIGN-3: after sign-in every media is Not Ready with no reason. */
export function signedInState(media: MediaId, since: number): MediaState {
  return { media, signIn: 'signed-in', availability: 'not-ready', routable: true, since };
}

export function isSignedIn(state: MediaState | undefined): state is MediaState {
  return state?.signIn === 'signed-in';
}

/** Ready and routable: the only state in which offers are presented. */
export function isReadyForOffers(state: MediaState): boolean {
  return state.signIn === 'signed-in' && state.availability === 'ready' && state.routable;
}

/** Whether `state` already is `target` (same availability, same reason, routable). */
export function sameState(state: MediaState, target: StateTarget): boolean {
  if (state.availability !== target.availability) return false;
  if (target.availability === 'ready') return state.routable;
  return (state.reasonId ?? undefined) === (target.reasonId ?? undefined);
}
