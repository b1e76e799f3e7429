/**
 * The agent-state rules of the SPEC (SIGN-*, STATE-*), as pure functions over plain data.
 * Elements and the store call these; nothing here touches the DOM or the backend.
 */
import {
  isSignedIn,
  sameState,
  type MediaState,
  type StateScope,
  type StateTarget,
} from './agent-state.js';
import type { DcConfig } from './config.js';
import { GROUPS, type GroupId, type MediaConfig, type MediaId } from './media.js';

export type MediaStates = Readonly<Record<MediaId, MediaState>>;

export function mediaOfGroup(config: DcConfig, group: GroupId): readonly MediaConfig[] {
  return config.media.filter((m) => m.group === group);
}

/** The groups that have at least one configured media, in SPEC order (Chat/Social, then Email). */
export function activeGroups(config: DcConfig): GroupId[] {
  return GROUPS.filter((g) => config.media.some((m) => m.group === g));
}

function statesOf(states: MediaStates, media: readonly MediaConfig[]): MediaState[] {
  return media.map((m) => states[m.id]).filter((s): s is MediaState => s !== undefined);
}

// ---------------------------------------------------------------------------------------------------
// Looks (STATE-4)

/** The five looks of the aggregate icon (STATE-4), plus the transient and empty looks around them. */
export type AggregateLook =
  | 'empty' // SIGN-5: no media configured
  | 'signed-out' // not signed in
  | 'signing-in'
  | 'sign-in-failed' // no media signed in, at least one failed
  | 'not-ready' // every media signed in and Not Ready
  | 'ready' // every media signed in and Ready
  | 'partial'; // anything in between

/** A group icon's look: the aggregate looks plus Not Ready with a reason and non-routable. */
export type GroupLook =
  | 'signed-out'
  | 'signing-in'
  | 'sign-in-failed'
  | 'not-ready'
  | 'not-ready-reason'
  | 'non-routable'
  | 'ready'
  | 'partial';

function lookOf(list: readonly MediaState[]): Exclude<AggregateLook, 'empty'> {
  if (list.some((s) => s.signIn === 'signing-in')) return 'signing-in';
  const signedIn = list.filter(isSignedIn);
  if (signedIn.length === 0) {
    return list.some((s) => s.signIn === 'failed') ? 'sign-in-failed' : 'signed-out';
  }
  if (signedIn.length === list.length) {
    if (signedIn.every((s) => s.availability === 'ready' && s.routable)) return 'ready';
    if (signedIn.every((s) => s.availability === 'not-ready' || !s.routable)) return 'not-ready';
  }
  return 'partial';
}

/** STATE-4: the aggregate icon's look over every configured media. */
export function aggregateLook(config: DcConfig, states: MediaStates): AggregateLook {
  if (config.media.length === 0) return 'empty';
  return lookOf(statesOf(states, config.media));
}

/**
 * STATE-4: a group icon's look. A group whose media are all Not Ready shows the reason when they share
 * one, and non-routable when any of them lost routing after a missed offer (OFFER-4) until the agent
 * sets Ready by hand.
 */
export function groupLook(config: DcConfig, states: MediaStates, group: GroupId): GroupLook {
  const list = statesOf(states, mediaOfGroup(config, group));
  const look = lookOf(list);
  if (look !== 'not-ready') return look;
  if (list.some((s) => !s.routable)) return 'non-routable';
  const reasons = new Set(list.map((s) => s.reasonId ?? ''));
  return reasons.size === 1 && !reasons.has('') ? 'not-ready-reason' : 'not-ready';
}

/** The reason shared by every media of a group in Not Ready, if there is one. */
export function groupReason(config: DcConfig, states: MediaStates, group: GroupId): string | undefined {
  const list = statesOf(states, mediaOfGroup(config, group));
  const first = list[0]?.reasonId;
  if (first === undefined) return undefined;
  return list.every((s) => s.signIn === 'signed-in' && s.availability === 'not-ready' && s.reasonId === first)
    ? first
    : undefined;
}

/** When the group's current look began: the latest `since` of its media (a timer starts from it). */
export function groupSince(config: DcConfig, states: MediaStates, group: GroupId): number | undefined {
  const list = statesOf(states, mediaOfGroup(config, group));
  return list.length ? Math.max(...list.map((s) => s.since)) : undefined;
}

/**
 * What the state control's trigger says (STATE-4): a uniform Ready or Not Ready names the reason the
 * groups share (or non-routable, OFFER-4) and when it began (its timer); any other look is named alone.
 */
export interface AggregateSummary {
  readonly look: AggregateLook;
  /** For a uniform Not Ready: the reason every group shares, if one. */
  readonly reasonId?: string;
  /** For a uniform Not Ready: some group lost routing after a missed offer. */
  readonly nonRoutable: boolean;
  /** For a uniform Ready or Not Ready: when it began (the latest change of any group). */
  readonly since?: number;
}

export function aggregateSummary(config: DcConfig, states: MediaStates): AggregateSummary {
  const look = aggregateLook(config, states);
  if (look !== 'ready' && look !== 'not-ready') return { look, nonRoutable: false };
  const groups = activeGroups(config);
  const reasons = new Set(groups.map((g) => groupReason(config, states, g)));
  const reasonId = look === 'not-ready' && reasons.size === 1 ? [...reasons][0] : undefined;
  const since = Math.max(...groups.map((g) => groupSince(config, states, g) ?? 0));
  const nonRoutable = look === 'not-ready' && groups.some((g) => groupLook(config, states, g) === 'non-routable');
  return { look, nonRoutable, since, ...(reasonId !== undefined ? { reasonId } : {}) };
}

// ---------------------------------------------------------------------------------------------------
// Menu (STATE-1..3)

export type MenuEntry =
  | { readonly kind: 'ready'; readonly scope: StateScope }
  | { readonly kind: 'not-ready'; readonly scope: StateScope; readonly reasonId?: string }
  /** SIGN-4: sign in again the media whose sign-in failed (or never ran) once others are signed in. */
  | { readonly kind: 'sign-in'; readonly scope: 'all'; readonly media: readonly MediaId[] };

export interface MenuSection {
  readonly scope: StateScope;
  readonly entries: readonly MenuEntry[];
}

/**
 * STATE-1..3: the state control lists All, then each group, each with Ready and Not Ready.
 * - Reasons are offered under the groups only; All offers plain Not Ready (STATE-2). With no reasons
 *   configured, a group offers plain Not Ready.
 * - A group never offers the state it is already in in full, and so never the selected reason (STATE-3).
 *   A partial group keeps Ready, so the agent can set a failed media again (STATE-7).
 * - All offers Ready unless every media is Ready, and Not Ready unless every media already is Not Ready
 *   (with or without a reason); and Sign In while some media are signed in and others are not (SIGN-4:
 *   after the automatic retries, the agent signs the failed ones in again by hand).
 * Nothing is offered before sign-in.
 */
export function menuSections(config: DcConfig, states: MediaStates): MenuSection[] {
  const signedIn = statesOf(states, config.media).filter(isSignedIn);
  if (signedIn.length === 0) return [];
  const sections: MenuSection[] = [];
  const all: MenuEntry[] = [];
  if (!signedIn.every((s) => sameState(s, { availability: 'ready' }))) all.push({ kind: 'ready', scope: 'all' });
  if (!signedIn.every((s) => s.availability === 'not-ready')) all.push({ kind: 'not-ready', scope: 'all' });
  const retry = mediaToSignIn(config, states);
  if (retry.length) all.push({ kind: 'sign-in', scope: 'all', media: retry });
  sections.push({ scope: 'all', entries: all });

  for (const group of activeGroups(config)) {
    const list = statesOf(states, mediaOfGroup(config, group)).filter(isSignedIn);
    if (list.length === 0) continue;
    const isAll = (target: StateTarget) => list.every((s) => sameState(s, target));
    const entries: MenuEntry[] = [];
    if (!isAll({ availability: 'ready' })) entries.push({ kind: 'ready', scope: group });
    if (config.notReadyReasons.length === 0) {
      if (!isAll({ availability: 'not-ready' })) entries.push({ kind: 'not-ready', scope: group });
    } else {
      for (const reason of config.notReadyReasons) {
        if (!isAll({ availability: 'not-ready', reasonId: reason.id })) {
          entries.push({ kind: 'not-ready', scope: group, reasonId: reason.id });
        }
      }
    }
    sections.push({ scope: group, entries });
  }
  return sections;
}

// ---------------------------------------------------------------------------------------------------
// Planning a change (STATE-5, STATE-6)

/**
 * The per-media changes that an agent's pick means. Only signed-in media change, and a media already in
 * the target state is left alone (no needless command).
 * - STATE-5: plain Not Ready (All→Not Ready, or a group's Not Ready shortcut) leaves a media that is
 *   already Not Ready, with its reason, as it is; a specific reason replaces plain Not Ready.
 * - STATE-6: a Chat/Social pick always moves every Chat/Social media together.
 */
export function planStateChange(
  config: DcConfig,
  states: MediaStates,
  scope: StateScope,
  target: StateTarget,
): Map<MediaId, StateTarget> {
  const plan = new Map<MediaId, StateTarget>();
  const media = scope === 'all' ? config.media : mediaOfGroup(config, scope);
  for (const m of media) {
    const state = states[m.id];
    if (!isSignedIn(state)) continue;
    if (target.availability === 'not-ready' && !target.reasonId && state.availability === 'not-ready') {
      continue; // STATE-5: a specific reason outranks plain Not Ready (All→Not Ready, or a shortcut)
    }
    if (sameState(state, target)) continue;
    plan.set(m.id, target.availability === 'ready' ? { availability: 'ready' } : target);
  }
  return plan;
}

/**
 * STATE-6: when one Chat/Social media goes Not Ready or loses routing (a server change, a missed offer),
 * every signed-in Chat/Social media that is still Ready must go Not Ready, the non-routable one included.
 * Returns the media to move and where. Email is its own group and never follows.
 */
export function groupPropagation(
  config: DcConfig,
  states: MediaStates,
  changed: MediaId,
): Map<MediaId, StateTarget> {
  const plan = new Map<MediaId, StateTarget>();
  const source = config.media.find((m) => m.id === changed);
  const state = states[changed];
  if (!source || source.group !== 'chat-social' || !isSignedIn(state)) return plan;
  if (state.availability !== 'not-ready' && state.routable) return plan;
  const target: StateTarget = state.availability === 'not-ready' && state.reasonId
    ? { availability: 'not-ready', reasonId: state.reasonId }
    : { availability: 'not-ready' };
  // OFFER-4: a media that lost routing while Ready goes Not Ready with its group.
  if (state.availability === 'ready') plan.set(changed, target);
  for (const m of mediaOfGroup(config, 'chat-social')) {
    if (m.id === changed) continue;
    const other = states[m.id];
    if (isSignedIn(other) && other.availability === 'ready') plan.set(m.id, target);
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------------
// Sign-in, sign-out, retries (SIGN-*, STATE-7/8)

/** The media a Sign In click signs in: every configured media not already signed in (SIGN-2). */
export function mediaToSignIn(config: DcConfig, states: MediaStates): MediaId[] {
  return config.media
    .filter((m) => {
      const s = states[m.id];
      return !s || s.signIn === 'signed-out' || s.signIn === 'failed';
    })
    .map((m) => m.id);
}

/** SIGN-1: the Sign In dialog stays until at least one media is signed in. */
export function needsSignIn(config: DcConfig, states: MediaStates): boolean {
  if (config.media.length === 0) return false;
  return !statesOf(states, config.media).some(isSignedIn);
}

/**
 * SIGN-6: the agent may sign out of the desktop only when every digital media is Not Ready (a media that
 * is not signed in takes no work, so it counts as Not Ready).
 */
export function canSignOut(config: DcConfig, states: MediaStates): boolean {
  return statesOf(states, config.media).every((s) => !isSignedIn(s) || s.availability === 'not-ready');
}

/** Delay before retry number `attempt` (1-based): doubling from `retryDelayMs`, capped. SIGN-4, STATE-7. */
export function retryDelay(config: DcConfig, attempt: number): number {
  return Math.min(config.retryMaxDelayMs, config.retryDelayMs * 2 ** Math.max(0, attempt - 1));
}
