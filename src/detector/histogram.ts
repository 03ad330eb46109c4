// Fixed-size log-scale latency histogram: constant memory however many scans are timed.
const BUCKETS = 96;
const MIN_MS = 0.0005;        // 0.5 µs
const STEP = Math.log(1.1);   // 10 % wide buckets

export class Histogram {
  readonly #counts = new Float64Array(BUCKETS);
  #total = 0;
  #max = 0;

  record(ms: number): void {
    let i = ms <= MIN_MS ? 0 : Math.ceil(Math.log(ms / MIN_MS) / STEP);
    if (i >= BUCKETS) i = BUCKETS - 1;
    this.#counts[i]!++;
    this.#total++;
    if (ms > this.#max) this.#max = ms;
  }

  /** Upper bound of the bucket holding quantile q (0..1); 0 when empty. */
  quantile(q: number): number {
    if (this.#total === 0) return 0;
    const rank = q * this.#total;
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.#counts[i]!;
      if (seen >= rank) return Math.min(MIN_MS * Math.exp(i * STEP), this.#max);
    }
    return this.#max;
  }

  get max(): number { return this.#max; }
}
