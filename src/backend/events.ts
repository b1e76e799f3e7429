/**
 * Checking what arrives from a backend. A backend is outside the kit's control, so every event and
 * snapshot is checked before the store applies it; what fails is reported with the reason and dropped.
 */
import type { MediaState } from '../model/agent-state.js';
import type { DcEvent, DcSnapshot, StateCause } from './types.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const SIGN_IN = ['signed-out', 'signing-in', 'signed-in', 'failed'];
const SYSTEM = ['reserved', 'active', 'paused', 'interrupted', 'work-ready', 'work-not-ready'];
const CAUSES: StateCause[] = ['agent', 'sign-in', 'missed-offer', 'system', 'supervisor'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function checkMediaState(raw: unknown, known: ReadonlySet<string>, path: string): Checked<MediaState> {
  if (!isRecord(raw)) return { ok: false, error: `${path} is not an object` };
  const { media, signIn, availability, reasonId, routable, systemState, since, signInError } = raw;
  if (typeof media !== 'string') return { ok: false, error: `${path}.media is not a string` };
  if (!known.has(media)) return { ok: false, error: `${path}.media "${media}" is not a configured media` };
  if (!SIGN_IN.includes(signIn as string)) return { ok: false, error: `${path}.signIn is ${JSON.stringify(signIn)}` };
  if (availability !== 'ready' && availability !== 'not-ready') {
    return { ok: false, error: `${path}.availability is ${JSON.stringify(availability)}` };
  }
  if (reasonId !== undefined && typeof reasonId !== 'string') return { ok: false, error: `${path}.reasonId is not a string` };
  if (typeof routable !== 'boolean') return { ok: false, error: `${path}.routable is not a boolean` };
  if (systemState !== undefined && !SYSTEM.includes(systemState as string)) {
    return { ok: false, error: `${path}.systemState is ${JSON.stringify(systemState)}` };
  }
  if (!isTime(since)) return { ok: false, error: `${path}.since is not a time` };
  if (signInError !== undefined && typeof signInError !== 'string') {
    return { ok: false, error: `${path}.signInError is not a string` };
  }
  const state: MediaState = {
    media,
    signIn: signIn as MediaState['signIn'],
    availability,
    routable,
    since,
    ...(reasonId !== undefined && availability === 'not-ready' ? { reasonId } : {}),
    ...(systemState !== undefined ? { systemState: systemState as MediaState['systemState'] } : {}),
    ...(signInError !== undefined ? { signInError } : {}),
  };
  return { ok: true, value: state };
}

/** Reads the `seq` of something that may not be an event, for reporting. */
export function seqOf(raw: unknown): number | undefined {
  return isRecord(raw) && Number.isSafeInteger(raw['seq']) ? (raw['seq'] as number) : undefined;
}

/** Checks one event from the stream against the configured media. */
export function checkEvent(raw: unknown, known: ReadonlySet<string>): Checked<DcEvent> {
  if (!isRecord(raw)) return { ok: false, error: 'event is not an object' };
  const seq = raw['seq'];
  if (!Number.isSafeInteger(seq) || (seq as number) < 1) return { ok: false, error: 'event has no valid seq' };
  if (!isTime(raw['at'])) return { ok: false, error: `event ${String(seq)} has no valid time` };
  switch (raw['type']) {
    case 'media-state': {
      const cause = raw['cause'];
      if (!CAUSES.includes(cause as StateCause)) {
        return { ok: false, error: `event ${String(seq)}: cause is ${JSON.stringify(cause)}` };
      }
      const state = checkMediaState(raw['state'], known, `event ${String(seq)}: state`);
      if (!state.ok) return state;
      return {
        ok: true,
        value: { type: 'media-state', seq: seq as number, at: raw['at'], state: state.value, cause: cause as StateCause },
      };
    }
    default:
      return { ok: false, error: `event ${String(seq)} has unknown type ${JSON.stringify(raw['type'])}` };
  }
}

/** Checks a snapshot. Media the configuration does not know are dropped and reported, not fatal. */
export function checkSnapshot(
  raw: unknown,
  known: ReadonlySet<string>,
): Checked<DcSnapshot> & { warnings?: string[] } {
  if (!isRecord(raw)) return { ok: false, error: 'snapshot is not an object' };
  if (!Number.isSafeInteger(raw['seq']) || (raw['seq'] as number) < 0) return { ok: false, error: 'snapshot has no valid seq' };
  if (!isTime(raw['at'])) return { ok: false, error: 'snapshot has no valid time' };
  if (!isRecord(raw['media'])) return { ok: false, error: 'snapshot.media is not an object' };
  const media: Record<string, MediaState> = {};
  const warnings: string[] = [];
  for (const [id, value] of Object.entries(raw['media'])) {
    if (!known.has(id)) {
      warnings.push(`snapshot.media.${id} is not a configured media`);
      continue;
    }
    const state = checkMediaState(value, known, `snapshot.media.${id}`);
    if (!state.ok) return state;
    media[id] = state.value;
  }
  return { ok: true, value: { seq: raw['seq'] as number, at: raw['at'], media }, warnings };
}
