// Fixed-size log-scale latency histogram: constant memory however many scans are timed.
const BUCKETS = 96;
const MIN_MS = 0.0005;        // 0.5 µs
const STEP = Math.log(1.1);   // 10 % wide buckets
/**
 * Upper bound of each bucket (the value quantile() reports for it). Bucket i takes
 * (UPPER[i-1], UPPER[i]], as ceil(log(ms / MIN_MS) / STEP) would say, found by a binary
 * search: record() runs once per timed scan, and a Math.log costs more than 7 compares.
 */
const UPPER = Float64Array.from({ length: BUCKETS }, (_, i) => MIN_MS * Math.exp(i * STEP));

export class Histogram {
  readonly #counts = new Float64Array(BUCKETS);
  #total = 0;
  #max = 0;

  /** Count a time `weight` times (a sampled time stands for the untimed ones it was drawn among). */
  record(ms: number, weight = 1): void {
    // smallest i with ms <= UPPER[i]; the last bucket takes everything above
    let lo = 0;
    let hi = BUCKETS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ms <= UPPER[mid]!) hi = mid;
      else lo = mid + 1;
    }
    const i = lo;
    this.#counts[i]! += weight;
    this.#total += weight;
    if (ms > this.#max) this.#max = ms;
  }

  /** Upper bound of the bucket holding quantile q (0..1); 0 when empty. */
  quantile(q: number): number {
    if (this.#total === 0) return 0;
    const rank = q * this.#total;
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.#counts[i]!;
      if (seen >= rank) return Math.min(UPPER[i]!, this.#max);
    }
    return this.#max;
  }

  get max(): number { return this.#max; }
}
