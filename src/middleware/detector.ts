// The part of the detector the middleware relies on. A `Pick` of the real
// `Detector`, so a detector from createDetector() fits as is, and tests can
// wrap one (e.g. to make it fail) without re-implementing everything.
import type { Detector, RequestLike, ScanContext, ScanResult, Threat } from '../detector/index.js';

/** One finding, as the middleware reports it (`location` is always set in middleware results). */
export type GuardThreat = Threat;
/**
 * A verdict as the middleware reads it from its detector: the same shape as `ScanResult`
 * (`blocked`, `score`, `threats`, `truncated`). Named here so a custom `GuardDetector`
 * needs no import from the core package.
 *
 * @example
 * ```ts
 * const r: GuardScanResult = await detector.analyzeRequest({ method: 'GET', url: "/search?q=1'+UNION+SELECT+password+FROM+users--" });
 * [r.blocked, r.threats.map((t) => `${t.ruleId}@${t.location}`)];
 * // [true, ['sqli.union-select@query:q', 'sqli.select-from@query:q', 'sqli.comment-truncation@query:q']]
 * ```
 */
export type GuardScanResult = ScanResult;
export type GuardRequestShape = RequestLike;
export type GuardScanContext = ScanContext;

/** What the middleware needs of a detector: the methods and fields of `Detector` it calls. */
export type GuardDetector = Pick<Detector, 'scan' | 'createStream' | 'analyzeRequest' | 'getStats' | 'healthCheck' | 'threshold'> & {
  /** The detector's arena (used for body slots when the middleware is given no `arena`). */
  readonly arena?: unknown;
  readonly paranoia?: number;
};

/** A stream of the detector, as the middleware uses it. */
export interface GuardScanStream {
  push(chunk: Uint8Array | string): unknown;
  finish(): GuardScanResult;
  /** Abandon without a verdict, giving back what the stream holds (a Detector's streams have it). */
  abort?(): void;
}

/**
 * Abandon a stream whose request ended before its scan did: its state slot goes back at once.
 * A stream without `abort` (a custom detector's) is finished instead, its result dropped.
 */
export function abortStream(stream: GuardScanStream): void {
  try {
    if (typeof stream.abort === 'function') stream.abort();
    else stream.finish();
  } catch {
    // a closed detector or arena has nothing left to give back
  }
}

/**
 * The detector's entry points for a request the middleware scans in parts (see
 * Detector.scanPart): each part counts as a scan, and the request's verdict once, when the
 * middleware has it whole. A detector without them (a custom one) is used through its
 * public methods, which count as they count.
 */
interface PartsDetector {
  scanPart?(input: string | Uint8Array, options: { context: GuardScanContext }): GuardScanResult;
  createPartStream?(options: { context: GuardScanContext }): GuardScanStream;
}

/** `detector.scan()` of one part of a request. */
export function scanPart(detector: GuardDetector, input: string | Uint8Array, context: GuardScanContext): GuardScanResult {
  const d = detector as GuardDetector & PartsDetector;
  return typeof d.scanPart === 'function' ? d.scanPart(input, { context }) : d.scan(input, { context });
}

/** `detector.createStream()` for one part of a request. */
export function partStream(detector: GuardDetector, context: GuardScanContext): GuardScanStream {
  const d = detector as GuardDetector & PartsDetector;
  return typeof d.createPartStream === 'function' ? d.createPartStream({ context }) : d.createStream({ context });
}
