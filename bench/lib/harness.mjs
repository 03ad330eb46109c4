// Runtime-neutral timing harness (Node, Deno, Chromium): no imports, only
// performance.now(). One timed sample = one call of a contender's batch
// function (which runs `batch` ops): single ops are far below timer resolution
// (Chromium coarsens performance.now() to 100 µs without cross-origin isolation).
//
// measure(): for each round, every contender runs in turn (the order rotates
// per round so no contender always goes first): a warm-up, then timed batches
// for `timeMs`; the round's figure is the median batch time / batch. The
// reported figure is the median over rounds; min/max are the extreme rounds
// (the whiskers in the charts).

export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function summary(xs, digits = 3) {
  const r = (x) => Number(x.toFixed(digits));
  return { median: r(median(xs)), min: r(Math.min(...xs)), max: r(Math.max(...xs)), runs: xs.map(r) };
}

/** Run fn repeatedly for about ms milliseconds; returns per-call durations in ms. */
export function sampleFor(fn, ms, maxSamples = 100_000) {
  const out = [];
  const end = performance.now() + ms;
  let t0 = performance.now();
  while (out.length < maxSamples) {
    fn();
    const t1 = performance.now();
    out.push(t1 - t0);
    if (t1 >= end) break;
    t0 = t1;
  }
  return out;
}

/**
 * @param {Record<string, () => void>} batches name -> function running `batch` ops
 * @param {{ batch: number, rounds: number, timeMs: number, warmupMs: number, onRound?: (i:number)=>void }} o
 * @returns {Record<string, {median:number,min:number,max:number,runs:number[]}>} ns per op
 */
export function measure(batches, { batch, rounds, timeMs, warmupMs }) {
  const names = Object.keys(batches);
  const perRound = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + round) % names.length];
      const fn = batches[name];
      sampleFor(fn, warmupMs);
      const samples = sampleFor(fn, timeMs);
      perRound[name].push((median(samples) * 1e6) / batch);
    }
  }
  return Object.fromEntries(names.map((n) => [n, summary(perRound[n], 2)]));
}

/** Deterministic PRNG (mulberry32), so every runtime builds the same inputs. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
