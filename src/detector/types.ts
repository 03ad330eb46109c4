// Public types of the detector.
import type { Arena } from '../arena.js';
import type { RuleCategory, Severity } from './rules.generated.js';

/**
 * How a value is decoded before detection. `query` and `form` treat `+` as a space;
 * `path` is a URL path; `header` a header or cookie value; `json` a JSON string (key or
 * value) as `JSON.parse` returns it; `json-escaped` the raw text between a JSON string's
 * quotes, escapes still in it (`\"`, `\n`, `\u0027` are decoded first); `body` raw body text.
 */
export type ScanContext = 'query' | 'form' | 'body' | 'header' | 'path' | 'json' | 'json-escaped';

/** One finding. `offset`/`length` point into the scanned input, in its own units. */
export interface Threat {
  category: RuleCategory;
  ruleId: string;
  severity: Severity;
  /** What this rule adds to the anomaly score. */
  score: number;
  /** UTF-16 code units for string input, bytes for `Uint8Array` input and for streams. */
  offset: number;
  length: number;
  /** Where in a request (`analyzeRequest` only): `'query:q'`, `'body:$.user.name'`, `'header:cookie'`, `'path'`. */
  location?: string;
  /**
   * `internal.error` only, what failed: `'no-free-slot'` when the scan found no free slot (the
   * arena is short of slots: load, not a broken scanner), `'scanner-error'` otherwise. The
   * middleware answers a request whose scan found no slot 503 whatever its `failMode`.
   */
  reason?: 'no-free-slot' | 'scanner-error';
}

/** Verdict of one scan. */
export interface ScanResult {
  /** `score >= threshold`, or an internal error with `failMode: 'closed'`. */
  blocked: boolean;
  /** Anomaly score: the sum of the scores of the distinct rules that fired. */
  score: number;
  threats: Threat[];
  /**
   * Set when more findings were made than are listed: a request lists at most 100 per part
   * (its head, its body). The score and the verdict count them all; the list is only cut so
   * that a request made of thousands of attacks cannot make its own report huge.
   */
  truncated?: true;
}

/**
 * Options of `createDetector`: the arena it scans in, how strict it is
 * (`paranoia`, `threshold`), what an internal error does (`failMode`), and how
 * much of one input it scans (`maxScanBytes`). Bad values throw `RangeError`.
 *
 * @example
 * ```ts
 * const arena = await createArena();
 * const detector = await createDetector({ arena, paranoia: 1, failMode: 'closed', maxScanBytes: 256 * 1024, threshold: 5 });
 * detector.scan('hello');
 * // the detector's own slots, held until detector.close():
 * Object.fromEntries(Object.entries(arena.getStats().pools).map(([n, p]) => [n, p.inUse])); // { small: 0, medium: 1, large: 2 }
 * await detector.close();
 * arena.getStats().bytesInUse; // 0
 * ```
 */
export interface DetectorOptions {
  /**
   * Arena whose slots hold the bytes being scanned. Default: a new arena with the standard pools (closed by `detector.close()`).
   *
   * From its first scan until `close()`, the detector keeps three slots of this arena leased
   * (reused by every scan, so a scan takes no slot of its own): one of at least 2,944 bytes for
   * its scan state and two of at least 56,688 bytes (the engine's scratch size) for decoding and
   * input; with the standard pools, 1 `medium` and 2 `large`. They count in `inUse` and
   * `bytesInUse` and are listed by `pool.leaks()`; an open stream holds one more state slot.
   * Leave room for them in `maxSlots` and `maxBytes`: `createDetector` rejects an arena with
   * no usable slot of 56,688 bytes (`RangeError`), and one too full to lend them fails each
   * scan (`internal.error`) until it can.
   */
  arena?: Arena;
  /** 1 (default): few false positives. 2: more rules, more detection, more false positives. */
  paranoia?: 1 | 2;
  /** `'closed'` (default): an internal error blocks. `'open'`: it lets the input through (still reported and counted). */
  failMode?: 'closed' | 'open';
  /** Bytes scanned per input or stream; past it a `limit.oversize` finding is raised. Default 1 MiB. */
  maxScanBytes?: number;
  /** Anomaly score at which `blocked` becomes true. Default 5 (one critical rule). */
  threshold?: number;
}

/**
 * Options of one `scan()` or `createStream()`: the context says how the value
 * is decoded before detection (see `ScanContext`), so pass where the value came from.
 *
 * @example
 * ```ts
 * detector.scan('../../etc/passwd', { context: 'path' }).threats.map((t) => t.ruleId);
 * // ['path.traversal-sequence', 'path.sensitive-file']
 * detector.scan("1' OR '1'='1").blocked; // true (context 'query')
 * ```
 */
export interface ScanOptions {
  /** Decoding context. Default `'query'`. */
  context?: ScanContext;
}

/** A request as `analyzeRequest` takes it when it is not a Fetch `Request`. */
export interface RequestLike {
  method?: string;
  url: string;
  headers?: Record<string, string | string[] | undefined> | Iterable<[string, string]>;
  /** Raw body, or an already-parsed JSON value. */
  body?: string | Uint8Array | ArrayBuffer | null | object;
}

/**
 * Counters since the detector was created. A *verdict* is a result a caller got: one per
 * `scan()` call, per stream (`finish()`) and per `analyzeRequest` request (the middleware's
 * requests included, counted once each with head and body together). `blocked` and the
 * threat counters count verdicts, so they agree with what the results reported.
 */
export interface DetectorStats {
  /** `analyzeRequest` calls (and requests the middleware scanned). */
  requests: number;
  /** `scan()` calls and streams: verdicts on inputs that are not requests. */
  standaloneScans: number;
  /** Values and streams scanned, a request's fields included (each request has several). */
  scans: number;
  /** Bytes scanned: an input's bytes past `maxScanBytes` are not (see `limit.oversize`). */
  bytesScanned: number;
  /** Verdicts that blocked (each request and each standalone input once), before the middleware's exclusions and mode. */
  blocked: number;
  internalErrors: number;
  /** Findings in the verdicts' results, by category (a result cut by `truncated` counts the findings it lists). */
  threatsByCategory: Record<string, number>;
  /** Findings in the verdicts' results, by rule id. */
  threatsByRule: Record<string, number>;
  /**
   * Per `scan()` call, per stream and per `analyzeRequest` (a request's fields are timed
   * together), from a fixed log-scale histogram (bucket upper bounds, so within ~10 %).
   * Sampled for short inputs: a `scan()` of fewer than 256 UTF-16 units or bytes is timed one
   * call in 8 on average, chosen at random, and its time counts 8 times, so `p50` and `p99`
   * estimate those of all calls (a clock read costs a sizeable part of such a scan). `max` is
   * the longest time measured: a short scan that was not timed is not in it. Longer inputs,
   * streams and requests are each timed. The other counters are exact.
   */
  scanTimeMs: { p50: number; p99: number; max: number };
}

/** One check of a `DetectorHealth`, shaped like the arena's `HealthCheck`. */
export interface DetectorHealthCheck { name: string; ok: boolean; detail: string }
/** The detector's health, shaped like the arena's (`arena.healthCheck()`). */
export interface DetectorHealth {
  /** True when every check passed (`status === 'ok'`), as for the arena: a `degraded` detector is not healthy, though it still scans. */
  healthy: boolean;
  /**
   * `ok`; `degraded`: scanning works but a check failed (internal errors seen, the arena
   * under pressure, or no free slot for the self-test at this moment); `failing`: scanning
   * does not work (the wasm module is unusable, the arena or the detector closed).
   */
  status: 'ok' | 'degraded' | 'failing';
  checks: DetectorHealthCheck[];
}
