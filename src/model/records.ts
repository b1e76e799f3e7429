/** A plain object as data from outside gives it (configuration, events, saved state): not null, not a list. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Told of each bad field of data from outside: its path and what is wrong with it. */
export type Bad = (field: string, problem: string) => void;

/** A whole number of at least `min`, or `fallback` when absent; anything else is named through `bad` and gives `fallback`. */
export function wholeNumber(bad: Bad, field: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    bad(field, `must be a whole number of at least ${min} (got ${JSON.stringify(value)})`);
    return fallback;
  }
  return value;
}
