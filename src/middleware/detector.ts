// The part of the detector the middleware relies on. A `Pick` of the real
// `Detector`, so a detector from createDetector() fits as is, and tests can
// wrap one (e.g. to make it fail) without re-implementing everything.
import type { Detector, RequestLike, ScanContext, ScanResult, Threat } from '../detector/index.js';

/** One finding, as the middleware reports it (`location` is always set in middleware results). */
export type GuardThreat = Threat;
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
}
