// What the middleware observes per request, kept per detector so that
// `renderPrometheus({ detector })` reports the traffic of every middleware
// sharing that detector. A WeakMap: a dropped detector takes its numbers along.

/** Upper bounds (seconds) of the scan-duration histogram: 10 µs to 100 ms, the range a scan can plausibly take. */
export const SCAN_DURATION_BUCKETS = [
  0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
] as const;

export class GuardRecorder {
  /** Cumulative-later: per-bucket counts (not cumulative), the last one is +Inf. */
  readonly durationBuckets = new Float64Array(SCAN_DURATION_BUCKETS.length + 1);
  durationSum = 0;
  durationCount = 0;
  /** Requests answered 403, per threat category found in them. */
  readonly blockedByCategory = new Map<string, number>();
  /** Guard responses by outcome (one per status: 400, 403, 408, 413, 415, 503), and "monitored" passes. */
  readonly outcomes = new Map<string, number>();
  /** Body bytes the middleware read into slots. */
  bodyBytes = 0;

  observeScan(seconds: number): void {
    let i = 0;
    while (i < SCAN_DURATION_BUCKETS.length && seconds > SCAN_DURATION_BUCKETS[i]!) i++;
    this.durationBuckets[i]!++;
    this.durationSum += seconds;
    this.durationCount++;
  }

  countOutcome(outcome: string): void {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
  }

  countBlocked(categories: Iterable<string>): void {
    for (const category of new Set(categories)) {
      this.blockedByCategory.set(category, (this.blockedByCategory.get(category) ?? 0) + 1);
    }
  }
}

const recorders = new WeakMap<object, GuardRecorder>();

/** The recorder for `detector`, created on first use. */
export function recorderFor(detector: object): GuardRecorder {
  let recorder = recorders.get(detector);
  if (!recorder) {
    recorder = new GuardRecorder();
    recorders.set(detector, recorder);
  }
  return recorder;
}

/** The recorder for `detector` if any middleware has used it. */
export function existingRecorder(detector: object): GuardRecorder | undefined {
  return recorders.get(detector);
}
