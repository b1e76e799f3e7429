/**
 * Ending a task and wrapping it up (END-1…3, XFER-3), as pure rules over plain data: the per-media
 * wrap-up configuration and its parsing, whether a task needs wrap-up, the time left (from the
 * server's timestamps, never a counter), whether Close may be pressed, and what is sent when the
 * countdown reaches zero.
 */
import { isLocalizedText, type LocalizedText } from './text.js';
import { isRecord } from './records.js';

/** A wrap-up reason an agent can pick. */
export interface WrapUpReason {
  readonly id: string;
  readonly label: LocalizedText;
}

/** One media's wrap-up settings, after defaults (`MediaConfig.wrapUp`). */
export interface WrapUpConfig {
  /** End moves the task to wrap-up with a countdown instead of closing it at once (END-2). */
  readonly forced: boolean;
  /** How long the countdown lasts, in seconds. */
  readonly seconds: number;
  readonly reasons: readonly WrapUpReason[];
  /** Whether the agent may pick several reasons. */
  readonly multiple: boolean;
  /** Sent at zero when the agent chose none (END-2); none is sent when it is absent. */
  readonly defaultReason?: string;
  /** Whether the agent may write a free-text note. */
  readonly note: boolean;
  /** A forced wrap-up also asks for a reason before a transfer (XFER-3). */
  readonly afterTransfer: boolean;
}

/** What a host passes for `media[m].wrapUp`: every field optional. */
export interface WrapUpConfigInput {
  forced?: boolean;
  seconds?: number;
  reasons?: readonly WrapUpReason[];
  multiple?: boolean;
  defaultReason?: string;
  note?: boolean;
  afterTransfer?: boolean;
}

/** What the agent has chosen so far in a task's wrap-up (kept across reloads: FAIL-3). */
export interface WrapUpChoice {
  readonly reasons: readonly string[];
  readonly note: string;
}

/** What closes a task in wrap-up (`DcBackend.wrapUp`), or goes with a transfer (XFER-3). */
export interface WrapUpOutcome {
  readonly reasons: readonly string[];
  readonly note?: string;
}

export const DEFAULT_WRAP_UP_REASONS: readonly WrapUpReason[] = [
  { id: 'resolved', label: { en: 'Resolved', fr: 'Résolu' } },
  { id: 'information', label: { en: 'Information given', fr: 'Information donnée' } },
  { id: 'follow-up', label: { en: 'Follow-up needed', fr: 'Suivi nécessaire' } },
  { id: 'unreachable', label: { en: 'Customer unreachable', fr: 'Client injoignable' } },
];

export const DEFAULT_WRAP_UP: WrapUpConfig = {
  forced: false,
  seconds: 60,
  reasons: DEFAULT_WRAP_UP_REASONS,
  multiple: false,
  note: true,
  afterTransfer: true,
};

/** The longest note the kit keeps and sends. */
export const MAX_WRAP_UP_NOTE = 2000;
/** The longest countdown a configuration may ask for (a day). */
export const MAX_WRAP_UP_SECONDS = 86_400;
/** The most reasons a configuration may list. */
export const MAX_WRAP_UP_REASONS = 100;

const WRAP_UP_KEYS: readonly (keyof WrapUpConfigInput)[] = [
  'forced',
  'seconds',
  'reasons',
  'multiple',
  'defaultReason',
  'note',
  'afterTransfer',
];

/**
 * `media[m].wrapUp` with its defaults, every problem named through `bad` (`media.chat.wrapUp.seconds …`).
 * Reads plain data only (the configuration has been copied before).
 */
export function resolveWrapUp(raw: unknown, path: string, bad: (field: string, message: string) => void): WrapUpConfig {
  if (raw === undefined) return DEFAULT_WRAP_UP;
  if (!isRecord(raw)) {
    bad(path, 'must be an object such as {forced, seconds, reasons}');
    return DEFAULT_WRAP_UP;
  }
  for (const key of Object.keys(raw)) {
    if (!WRAP_UP_KEYS.includes(key as keyof WrapUpConfigInput)) bad(`${path}.${key}`, 'is not a wrap-up field');
  }
  const flag = (key: 'forced' | 'multiple' | 'note' | 'afterTransfer'): boolean => {
    const value = raw[key] === undefined ? DEFAULT_WRAP_UP[key] : raw[key];
    if (typeof value === 'boolean') return value;
    bad(`${path}.${key}`, 'must be true or false');
    return DEFAULT_WRAP_UP[key];
  };
  let seconds = DEFAULT_WRAP_UP.seconds;
  const givenSeconds = raw['seconds'];
  if (givenSeconds !== undefined) {
    if (typeof givenSeconds !== 'number' || !Number.isInteger(givenSeconds) || givenSeconds < 1 || givenSeconds > MAX_WRAP_UP_SECONDS) {
      bad(`${path}.seconds`, `must be a whole number from 1 to ${MAX_WRAP_UP_SECONDS} (got ${JSON.stringify(givenSeconds)})`);
    } else seconds = givenSeconds;
  }
  let reasons = DEFAULT_WRAP_UP.reasons;
  const givenReasons = raw['reasons'];
  if (givenReasons !== undefined) {
    if (!Array.isArray(givenReasons) || givenReasons.length > MAX_WRAP_UP_REASONS) {
      bad(`${path}.reasons`, `must be a list of at most ${MAX_WRAP_UP_REASONS} {id, label}`);
    } else {
      const seen = new Set<string>();
      const kept: WrapUpReason[] = [];
      givenReasons.forEach((reason: unknown, i) => {
        const where = `${path}.reasons[${i}]`;
        if (!isRecord(reason) || typeof reason['id'] !== 'string' || reason['id'] === '') {
          bad(`${where}.id`, 'must be a non-empty string');
          return;
        }
        const id = reason['id'];
        if (seen.has(id)) bad(`${where}.id`, `repeats ${JSON.stringify(id)}`);
        seen.add(id);
        if (!isLocalizedText(reason['label'])) {
          bad(`${where}.label`, 'must be a string or an object of strings by locale');
          return;
        }
        kept.push({ id, label: reason['label'] });
      });
      reasons = kept;
    }
  }
  const defaultReason = raw['defaultReason'];
  if (defaultReason !== undefined && (typeof defaultReason !== 'string' || !reasons.some((r) => r.id === defaultReason))) {
    bad(`${path}.defaultReason`, `must be the id of one of the reasons (got ${JSON.stringify(defaultReason)})`);
  }
  return {
    forced: flag('forced'),
    seconds,
    reasons,
    multiple: flag('multiple'),
    ...(typeof defaultReason === 'string' ? { defaultReason } : {}),
    note: flag('note'),
    afterTransfer: flag('afterTransfer'),
  };
}

/** END-1/END-2: whether End on this media moves the task to wrap-up (else it closes at once). */
export function needsWrapUp(wrapUp: WrapUpConfig | undefined): boolean {
  return !!wrapUp?.forced;
}

/** XFER-3: whether a transfer of this media asks for a wrap-up reason and Apply first. */
export function needsWrapUpBeforeTransfer(wrapUp: WrapUpConfig | undefined): boolean {
  return !!wrapUp?.forced && wrapUp.afterTransfer;
}

/** The timestamps of a task in wrap-up (set by the server). */
export interface WrapUpTimes {
  readonly wrapUpAt?: number;
  readonly wrapUpDeadline?: number;
}

/**
 * END-2: milliseconds left before the task closes by itself, from the server's deadline and the
 * store's clock (so a reload or a failover finds the same countdown), never below 0; undefined when the
 * task has no deadline (wrap-up not forced).
 */
export function wrapUpRemaining(task: WrapUpTimes, now: number): number | undefined {
  if (task.wrapUpDeadline === undefined) return undefined;
  return Math.max(0, task.wrapUpDeadline - now);
}

/** Whole seconds to show for `ms` left: 0.2 s shows as 1, so that 0 shows only at zero. */
export function countdownSeconds(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}

/** The chosen reasons that the configuration still lists, once each, in the configuration's order. */
export function validReasons(wrapUp: WrapUpConfig, reasons: readonly string[]): string[] {
  const chosen = new Set(reasons);
  const kept = wrapUp.reasons.filter((r) => chosen.has(r.id)).map((r) => r.id);
  return wrapUp.multiple ? kept : kept.slice(0, 1);
}

/**
 * A choice as the kit keeps it: reasons the configuration lists (one at most unless `multiple`), a
 * note only where notes are on, cut to {@link MAX_WRAP_UP_NOTE}.
 */
export function normalizeChoice(wrapUp: WrapUpConfig, choice: Partial<WrapUpChoice>): WrapUpChoice {
  const note = wrapUp.note && typeof choice.note === 'string' ? choice.note.slice(0, MAX_WRAP_UP_NOTE) : '';
  return { reasons: validReasons(wrapUp, choice.reasons ?? []), note };
}

/** END-2: picking a reason. Single choice: it replaces the other (picking it again unpicks it); multiple: it toggles. */
export function toggleReason(wrapUp: WrapUpConfig, chosen: readonly string[], id: string): string[] {
  if (!wrapUp.reasons.some((r) => r.id === id)) return validReasons(wrapUp, chosen);
  if (chosen.includes(id)) return validReasons(wrapUp, chosen.filter((r) => r !== id));
  return wrapUp.multiple ? validReasons(wrapUp, [...chosen, id]) : [id];
}

/** Why Close cannot be pressed: no reason chosen (END-2). A configuration without reasons never blocks it. */
export type CloseBlock = 'no-reason';

export function closeBlock(wrapUp: WrapUpConfig, choice: WrapUpChoice | undefined): CloseBlock | undefined {
  if (wrapUp.reasons.length === 0) return undefined;
  return validReasons(wrapUp, choice?.reasons ?? []).length ? undefined : 'no-reason';
}

/** What Close sends: the chosen reasons and the note (when there is one). */
export function closeOutcome(wrapUp: WrapUpConfig, choice: WrapUpChoice | undefined): WrapUpOutcome {
  const note = wrapUp.note ? (choice?.note ?? '').trim().slice(0, MAX_WRAP_UP_NOTE) : '';
  return { reasons: validReasons(wrapUp, choice?.reasons ?? []), ...(note ? { note } : {}) };
}

/** END-2: what is sent at zero: the reasons the agent chose, else the configured default (else none). */
export function outcomeAtZero(wrapUp: WrapUpConfig, choice: WrapUpChoice | undefined): WrapUpOutcome {
  const outcome = closeOutcome(wrapUp, choice);
  if (outcome.reasons.length || wrapUp.defaultReason === undefined) return outcome;
  return { ...outcome, reasons: [wrapUp.defaultReason] };
}

/** Checks a wrap-up choice read from storage (FAIL-3); never throws. */
export function checkWrapUpChoice(raw: unknown, path: string): { ok: true; value: WrapUpChoice } | { ok: false; error: string } {
  try {
    if (!isRecord(raw)) return { ok: false, error: `${path} is not a wrap-up choice` };
    const { reasons, note } = raw;
    if (!Array.isArray(reasons) || reasons.length > MAX_WRAP_UP_REASONS) return { ok: false, error: `${path}.reasons is not a list of reasons` };
    const ids: string[] = [];
    for (const r of reasons as unknown[]) {
      if (typeof r !== 'string' || r === '') return { ok: false, error: `${path}.reasons holds something other than reason ids` };
      if (!ids.includes(r)) ids.push(r);
    }
    if (typeof note !== 'string') return { ok: false, error: `${path}.note is not a string` };
    return { ok: true, value: { reasons: ids, note: note.slice(0, MAX_WRAP_UP_NOTE) } };
  } catch {
    return { ok: false, error: `${path} could not be read` };
  }
}
