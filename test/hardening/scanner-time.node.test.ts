// Node only (a timing ratio wants a JIT-warmed process): 1 MiB of any adversarial input
// scans within a fixed multiple of the time 1 MiB of plain prose takes, in the same
// process. Only a ratio is checked, never an absolute time.
//
// Why 8×: the engine is one pass over the bytes — three decoding stages with bounded
// carries, then one lexer whose words cost a hash step per byte and whose punctuation calls
// each of the six detectors once with O(1) state updates. No backtracking, no nested loops
// over the input. So every input costs at most a constant per byte: the worst seen are runs
// of `&` and `%` at 4.5–5.3× prose in CPU time, `<`, `|`, `<a ` at 3–4× (every byte is
// punctuation that every detector looks at; `&` also tries the named-entity table). Under `npm test`
// other test files share the 2 cores, so time is the process's CPU time (process.cpuUsage),
// not wall time, and the fastest of 5 interleaved runs of each side is compared (noise only
// ever adds time). 8× leaves room for the rest of the noise, while a super-linear path (a
// rescan, a quadratic carry) would be 10×–1000× at 1 MiB.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';
import { FRAGMENTS, NUL_FORMS, anyInput, encoder } from './scanner-arbitraries.js';

const MiB = 1 << 20;
const MAX_RATIO = 8;
const RUNS = 5;

function fill(unit: Uint8Array): Uint8Array {
  const out = new Uint8Array(MiB);
  if (unit.length === 0) return out;
  for (let at = 0; at < MiB; at += unit.length) out.set(unit.subarray(0, Math.min(unit.length, MiB - at)), at);
  return out;
}

const fastest = (xs: number[]) => Math.min(...xs);

describe('scan time per byte', () => {
  let d: Detector;
  let plain: Uint8Array;
  beforeAll(async () => {
    d = await createDetector({ paranoia: 2, maxScanBytes: 2 * MiB }); // the whole MiB is scanned
    plain = fill(encoder.encode('the quick brown fox jumps over the lazy dog while our shop ships orders to customers in many towns every day, '));
    for (let i = 0; i < 3; i++) d.scan(plain, { context: 'body' }); // warm the JIT and the slots
  });
  afterAll(async () => {
    await d?.close();
  });

  /** Fastest CPU time of `input` over fastest CPU time of prose, measured alternately so drift hits both. */
  function ratio(input: Uint8Array, context: 'body' | 'query'): number {
    const base: number[] = [];
    const adv: number[] = [];
    const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
    for (let r = 0; r < RUNS; r++) {
      let t0 = cpu();
      d.scan(plain, { context });
      base.push(cpu() - t0);
      t0 = cpu();
      const result = d.scan(input, { context });
      adv.push(cpu() - t0);
      expect(result.threats.some((t) => t.ruleId === 'internal.error' || t.ruleId === 'limit.oversize')).toBe(false);
    }
    return fastest(adv) / fastest(base);
  }

  it(`1 MiB of adversarial input scans within ${MAX_RATIO}× the time of 1 MiB of prose`, () => {
    const seed = Date.now() % 1_000_000;
    // The worst units found when this test was written, plus fresh generated ones each run.
    const cases: Array<[string, Uint8Array]> = ['<', '&', '|', "' or '", ';', '%', '<a ', '&#x', '(', '%c0%af']
      .map((u) => [JSON.stringify(u), fill(encoder.encode(u))]);
    fc.sample(fc.array(fc.constantFrom(...FRAGMENTS, ...NUL_FORMS), { minLength: 50, maxLength: 300 }), { numRuns: 2, seed })
      .forEach((parts, i) => cases.push([`fragments#${i} (seed ${seed})`, fill(encoder.encode(parts.join('')))]));
    fc.sample(anyInput, { numRuns: 2, seed }).forEach((bytes, i) => cases.push([`generated#${i} (seed ${seed})`, fill(bytes)]));
    const worst = { name: '', ratio: 0 };
    const all: string[] = [];
    for (const [name, input] of cases) {
      const r = ratio(input, name.startsWith('"%') ? 'query' : 'body');
      all.push(`${name} ${r.toFixed(2)}`);
      if (r > worst.ratio) Object.assign(worst, { name, ratio: r });
    }
    console.log(`scan time / prose time, worst: ${worst.name} at ${worst.ratio.toFixed(2)}× (${all.join(', ')})`);
    expect(worst.ratio, worst.name).toBeLessThanOrEqual(MAX_RATIO);
  }, 120_000);
});
