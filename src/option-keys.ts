// Unknown option keys: a misspelt option would otherwise be ignored, silently, and its setting
// lost. One helper for every options object of the package (arena, pools, detector, scan,
// middleware, metrics), and the closest known key for the message. Its own module: options.ts
// and standard-pools.ts both use it, and standard-pools.ts is imported by options.ts.

/**
 * An options type's keys, all of them: `Record<keyof Required<T>, true>` makes the compiler
 * refuse a list that misses a key of `T` or names one it lacks, so adding an option to an
 * interface without adding it here is a build error. One list per options type, next to its
 * validator.
 */
export type KeyList<T> = Record<keyof Required<T>, true>;

/** A value as an error message shows it: strings quoted (so `'1'` and `1` differ), the rest as text. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), case-insensitive. */
function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) { row.push(j); continue; }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** The known key closest to `key`, when one is close enough to be a likely typo (first of equals). */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(key, candidate);
    // (about 2 edits in 5 characters: "maxBodySize" finds "maxBodyBytes", "x" finds nothing)
    if (d < bestDistance && d <= Math.max(1, Math.floor(0.4 * Math.max(key.length, candidate.length)))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Throw a RangeError for the first own string key of `options` that is not in `known`:
 * a misspelt option would otherwise be ignored, silently, and its setting lost. Keys whose
 * value is `undefined` pass (the right key with that value means "the default" too, so
 * nothing is lost); symbol keys are ignored. `owner` names the function that takes the
 * options (`'createArena()'`), `at` where in them this object is (`'pools[0]'`, shown as
 * `"pools[0].maxSlot"`), and `hint` may explain a key that belongs elsewhere. Not an object:
 * no check (the caller's own type check says so).
 *
 * @example
 * ```ts
 * rejectUnknownKeys({ maxBodySize: 10 }, GUARD_OPTION_KEYS, 'arenaguard()');
 * // RangeError: unknown option "maxBodySize" for arenaguard() (did you mean "maxBodyBytes"?)
 * ```
 */
export function rejectUnknownKeys(
  options: unknown, known: KeyList<object>, owner: string, at?: string, hint?: (key: string) => string | undefined,
): void {
  if (typeof options !== 'object' || options === null) return;
  // (for-in plus hasOwn: nothing allocated per call, for the scan() options on the hot path)
  for (const key in options) {
    if (Object.hasOwn(known, key) || !Object.hasOwn(options, key)) continue;
    if ((options as Record<string, unknown>)[key] === undefined) continue;
    const list = Object.keys(known);
    const near = closestKey(key, list);
    const why = hint?.(key) ?? (near !== undefined ? `did you mean ${JSON.stringify(near)}?` : `known: ${list.join(', ')}`);
    throw new RangeError(`unknown option ${JSON.stringify(at === undefined ? key : `${at}.${key}`)} for ${owner} (${why})`);
  }
}
