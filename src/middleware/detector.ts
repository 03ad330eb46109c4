// The part of the detector the middleware relies on, as a structural type: the
// middleware works with any detector of this shape (tests share one between
// routes and metrics), and the detector module stays free of HTTP concerns.

/** One finding, as the middleware reports it. */
export interface GuardThreat {
  category: string;
  ruleId: string;
  severity?: number | string;
  /** Anomaly score this finding contributed. */
  score?: number;
  offset?: number;
  length?: number;
  /** Where it was found: `'query:q'`, `'body:$.user.name'`, `'header:cookie'`, `'path'`… */
  location?: string;
}

export interface GuardScanResult {
  blocked: boolean;
  score: number;
  threats: GuardThreat[];
}

export interface GuardScanStream {
  push(chunk: Uint8Array | string): unknown;
  finish(): GuardScanResult;
}

/** A request as `analyzeRequest` takes it, Node-style (no body here: the middleware streams bodies itself). */
export interface GuardRequestShape {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** Raw bytes or text, or an already-parsed JSON value. */
  body?: Uint8Array | string | object | null;
}

export interface GuardDetector {
  scan(input: Uint8Array | string, options?: { context?: string }): GuardScanResult;
  createStream(options: { context: string }): GuardScanStream;
  analyzeRequest(request: GuardRequestShape): Promise<GuardScanResult> | GuardScanResult;
  getStats(): unknown;
  healthCheck(): { healthy: boolean; status: string; checks: unknown[] };
  /** Anomaly score at which a request is blocked, when the detector exposes it. */
  readonly threshold?: number;
  /** The arena the detector scans in, when it exposes it. */
  readonly arena?: unknown;
}
