/**
 * Records keyed by id (tasks, messages, reads, drafts, outbox entries…). An id comes from a server or
 * from storage and may be any string, `constructor`, `__proto__` and `toString` included, so every
 * record in the store's state is a null-prototype object, built and read only through these helpers:
 * `own` reads with `Object.hasOwn` (never an inherited member), and writes go to fresh null-prototype
 * copies (a `__proto__` key is then an ordinary entry, not the prototype). A record is never changed in
 * place: each helper returns the record itself when nothing changes, else a new one, so that state
 * slices keep their identity when nothing in them changed.
 */

export type Rec<T> = Readonly<Record<string, T>>;

/** A new, empty, null-prototype record. */
export function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The record's own entry for `id`, never an inherited member. */
export function own<T>(rec: Rec<T> | undefined, id: string): T | undefined {
  return rec !== undefined && Object.hasOwn(rec, id) ? rec[id] : undefined;
}

export function has(rec: Rec<unknown> | undefined, id: string): boolean {
  return rec !== undefined && Object.hasOwn(rec, id);
}

/** A null-prototype copy of `rec`'s own entries. */
export function copy<T>(rec: Rec<T>): Record<string, T> {
  const out = record<T>();
  for (const id of Object.keys(rec)) out[id] = rec[id]!;
  return out;
}

/** `rec` with `id` set to `value` (the same record when it already holds that very value). */
export function withEntry<T>(rec: Rec<T>, id: string, value: T): Rec<T> {
  if (Object.hasOwn(rec, id) && rec[id] === value) return rec;
  const out = copy(rec);
  out[id] = value;
  return out;
}

/** `rec` without `id` (the same record when it has no such entry). */
export function withoutEntry<T>(rec: Rec<T>, id: string): Rec<T> {
  if (!Object.hasOwn(rec, id)) return rec;
  const out = record<T>();
  for (const key of Object.keys(rec)) if (key !== id) out[key] = rec[key]!;
  return out;
}

/** The entries of `rec` that `keep` accepts (the same record when it accepts them all). */
export function filterRecord<T>(rec: Rec<T>, keep: (value: T, id: string) => boolean): Rec<T> {
  const ids = Object.keys(rec);
  if (ids.every((id) => keep(rec[id]!, id))) return rec;
  const out = record<T>();
  for (const id of ids) if (keep(rec[id]!, id)) out[id] = rec[id]!;
  return out;
}

/** A null-prototype record from entries; a later entry for the same id wins. */
export function fromEntries<T>(entries: Iterable<readonly [string, T]>): Rec<T> {
  const out = record<T>();
  for (const [id, value] of entries) out[id] = value;
  return out;
}

/**
 * The own enumerable entries of an object from outside (parsed storage, a snapshot), as a
 * null-prototype record; anything that is not an object gives an empty record.
 */
export function recordFrom<T>(source: unknown, accept: (value: unknown, id: string) => value is T): Rec<T> {
  const out = record<T>();
  if (source === null || typeof source !== 'object' || Array.isArray(source)) return out;
  for (const id of Object.keys(source)) {
    const value = (source as Record<string, unknown>)[id];
    if (accept(value, id)) out[id] = value;
  }
  return out;
}

/** Whether two records hold the same ids with identical (`===`) values. */
export function sameEntries<T>(a: Rec<T>, b: Rec<T>): boolean {
  if (a === b) return true;
  const ids = Object.keys(a);
  if (ids.length !== Object.keys(b).length) return false;
  return ids.every((id) => Object.hasOwn(b, id) && a[id] === b[id]);
}

/** Whether two pieces of plain data (JSON-like values) are equal, whatever their prototypes. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => sameData(v, other[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => Object.hasOwn(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
