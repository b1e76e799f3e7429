/**
 * Transfer rules (XFER-1, XFER-3, XFER-4): which routing points a task may go to, searching them,
 * whether Transfer is possible now and why not, and what a forced wrap-up asks before a transfer.
 * Pure functions over plain data.
 */
import { needsWrapUpBeforeTransfer } from './wrap-up.js';
import type { MediaConfig } from './media.js';
import { isHeld, type Task } from './tasks.js';
import { isLocalizedText, pickText, type LocalizedText } from './text.js';

/** A routing point of a media (a queue of agents), as configured. XFER-1. */
export interface TransferTarget {
  readonly id: string;
  readonly label: LocalizedText;
}

/** At most this many routing points per media; more are refused by the configuration check. */
export const MAX_TRANSFER_TARGETS = 500;
/** The longest internal note the kit sends (XFER-4). */
export const MAX_TRANSFER_NOTE = 2000;

/**
 * Checks `config.media[m].transferTargets`: a list of `{id, label}` with distinct non-empty ids and
 * labels in one or more languages. Bad entries are reported through `bad` and left out; the rest stay.
 */
export function checkTransferTargets(value: unknown, path: string, bad: (field: string, message: string) => void): TransferTarget[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    bad(path, 'must be a list of routing points {id, label}');
    return [];
  }
  if (value.length > MAX_TRANSFER_TARGETS) bad(path, `holds more than ${MAX_TRANSFER_TARGETS} routing points`);
  const seen = new Set<string>();
  const targets: TransferTarget[] = [];
  value.slice(0, MAX_TRANSFER_TARGETS).forEach((item: unknown, i) => {
    const at = `${path}[${i}]`;
    if (typeof item !== 'object' || item === null) return bad(at, 'must be an object {id, label}');
    const { id, label } = item as Record<string, unknown>;
    if (typeof id !== 'string' || id === '') return bad(`${at}.id`, 'must be a non-empty string');
    if (seen.has(id)) return bad(`${at}.id`, `repeats "${id}"`);
    if (!isLocalizedText(label)) return bad(`${at}.label`, 'must be a string or an object of strings by locale');
    seen.add(id);
    targets.push({ id, label });
  });
  return targets;
}

/** XFER-1: the routing points of a task's media (never the voice directory); none for an unknown media. */
export function transferTargets(media: MediaConfig | undefined): readonly TransferTarget[] {
  return media?.transferTargets ?? [];
}

/**
 * Lower case without accents, for searching ("Réclamations" → "reclamations"), as the template
 * picker's search folds (templates.ts, which loads with the conversation, not up front).
 */
export function foldSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** The routing point's words in `locale`, else its id. */
export function targetLabel(target: TransferTarget, locale: string): string {
  return pickText(target.label, locale) || target.id;
}

/**
 * The routing points whose label (or id) holds every word of `query`, ignoring case and accents
 * ("reclam" finds "Réclamations"), in their configured order.
 */
export function filterTargets(targets: readonly TransferTarget[], query: string, locale: string): TransferTarget[] {
  const words = foldSearch(query).split(/\s+/u).filter(Boolean);
  if (!words.length) return [...targets];
  return targets.filter((t) => {
    const key = `${foldSearch(targetLabel(t, locale))} ${foldSearch(t.id)}`;
    return words.every((w) => key.includes(w));
  });
}

/** A transfer the store is running, or that failed (the agent retries it). */
export type TransferStatus = 'pending' | 'failed';

/**
 * Why Transfer cannot be used now: no task held, the kit not connected, a transfer already under way
 * for the task, or no routing point configured for its media.
 */
export type TransferBlock = 'not-held' | 'offline' | 'pending' | 'no-targets' | 'voice';

export function transferBlock(
  task: Task | undefined,
  media: MediaConfig | undefined,
  context: { readonly online: boolean; readonly transfer?: TransferStatus | undefined; readonly voice?: boolean },
): TransferBlock | undefined {
  if (!task || task.status !== 'active' || !isHeld(task)) return 'not-held';
  if (context.transfer === 'pending') return 'pending';
  if (!context.online) return 'offline';
  if (!transferTargets(media).length) return 'no-targets';
  // XFER-2: a media whose timers pause on a voice call waits for it to end (see transferAvailableDuringVoice).
  if (context.voice && media?.pauseOnVoice) return 'voice';
  return undefined;
}

/** While a transfer is pending, End and Send are refused (the task is on its way elsewhere). */
export function blocksTaskActions(transfer: TransferStatus | undefined): boolean {
  return transfer === 'pending';
}

/** A wrap-up reason as the transfer menu lists it. */
export interface TransferWrapUpReason {
  readonly id: string;
  readonly label: LocalizedText;
}

/** What a forced wrap-up asks before a transfer (XFER-3). */
export interface TransferWrapUpRule {
  /** The agent picks a reason (and Apply) before choosing the routing point. */
  readonly required: boolean;
  readonly reasons: readonly TransferWrapUpReason[];
  readonly multiple: boolean;
  /** Whether a note goes with the wrap-up (the wrap-up's own, not the transfer's internal note). */
  readonly note: boolean;
}

const NO_WRAP_UP: TransferWrapUpRule = { required: false, reasons: [], multiple: false, note: false };

/**
 * XFER-3: the wrap-up asked for before a transfer: when the media's wrap-up is forced and
 * `afterTransfer` is set (src/model/wrap-up.ts), with at least one reason to pick.
 */
export function transferWrapUp(media: MediaConfig | undefined): TransferWrapUpRule {
  const wrapUp = media?.wrapUp;
  if (!wrapUp || !needsWrapUpBeforeTransfer(wrapUp) || wrapUp.reasons.length === 0) return NO_WRAP_UP;
  return { required: true, reasons: wrapUp.reasons, multiple: wrapUp.multiple, note: wrapUp.note };
}

/**
 * XFER-3: whether the routing points may be chosen yet: with a forced wrap-up, once a known reason is
 * picked (one only unless several are allowed) and applied.
 */
export function wrapUpReady(rule: TransferWrapUpRule, chosen: readonly string[], applied: boolean): boolean {
  if (!rule.required) return true;
  if (!applied || !chosen.length) return false;
  if (!rule.multiple && chosen.length > 1) return false;
  return chosen.every((id) => rule.reasons.some((r) => r.id === id));
}
