// The middleware's form body reader scans a chunk's whole names and values in batches
// (Detector.scanFieldList: many per wasm call) instead of one detector call each, which
// made a body of thousands of tiny fields cost ~9x a text body of its size. Its findings must be
// the ones one call per value gives: here the same bodies, cut into the same random chunks, go
// through a reader whose detector lacks the batch call, and the results (score, verdict,
// threats with offsets and locations, truncation) and the detector's counts must match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';
import { createBodyScanner } from '../../src/middleware/body-scan.js';
import type { GuardDetector } from '../../src/middleware/detector.js';
import { form, rng } from '../scanner/random-forms.js';

const FORM = 'application/x-www-form-urlencoded';
const utf8 = new TextEncoder();

/** `d` without its batch call: every other method bound to it (its private state stays its own). */
function oneByOne(d: Detector): GuardDetector {
  const plain: Record<string, unknown> = {};
  for (const key of Object.getOwnPropertyNames(Object.getPrototypeOf(d))) {
    const value = (d as unknown as Record<string, unknown>)[key];
    if (key !== 'constructor' && key !== 'scanFieldList' && typeof value === 'function') plain[key] = (value as (...a: unknown[]) => unknown).bind(d);
  }
  return plain as unknown as GuardDetector;
}

/** Cut `bytes` at random places (some chunks of one byte, some larger than a slot). */
function chunks(bytes: Uint8Array, r: () => number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    const x = r();
    const n = x < 0.2 ? 1 + Math.floor(r() * 3) : x < 0.9 ? 1 + Math.floor(r() * 200) : 1 + Math.floor(r() * 80_000);
    out.push(bytes.slice(at, at + n));
    at += n;
  }
  return out;
}

function read(detector: GuardDetector, parts: Uint8Array[]) {
  const scanner = createBodyScanner(detector, FORM);
  for (const part of parts) scanner.push(part);
  return { result: scanner.finish(), malformed: scanner.malformed };
}

// (a loop, not describe.each: the Deno shim has no describe.each)
for (const options of [{ paranoia: 1 as const }, { paranoia: 2 as const }, { paranoia: 1 as const, maxScanBytes: 40 }]) describe(`form body reader in batches, ${JSON.stringify(options)}`, () => {
  let batched: Detector;
  let reference: Detector;
  beforeAll(async () => {
    batched = await createDetector(options);
    reference = await createDetector(options);
  });
  afterAll(async () => {
    await batched.close();
    await reference.close();
  });

  it('finds what one call per value finds, on random forms cut into random chunks', () => {
    expect(typeof (batched as unknown as { scanFieldList?: unknown }).scanFieldList).toBe('function');
    const plain = oneByOne(reference);
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(seed * 31337 + options.paranoia + (options.maxScanBytes ?? 0));
      const raw = form(r, seed % 10 === 0 ? 1500 + Math.floor(r() * 2500) : Math.floor(r() * 120));
      const parts = chunks(utf8.encode(raw), r);
      const before = [batched.getStats(), reference.getStats()];
      const got = read(batched, parts);
      const want = read(plain, parts);
      expect(got, `seed ${seed}: ${JSON.stringify(raw.slice(0, 200))}`).toEqual(want);
      const after = [batched.getStats(), reference.getStats()];
      expect(after[0]!.scans - before[0]!.scans, `seed ${seed}: scans`).toBe(after[1]!.scans - before[1]!.scans);
      expect(after[0]!.bytesScanned - before[0]!.bytesScanned, `seed ${seed}: bytes`).toBe(after[1]!.bytesScanned - before[1]!.bytesScanned);
    }
  });

  it('locates a finding after thousands of clean fields, and in a field split across chunks', () => {
    const plain = oneByOne(reference);
    const clean = Array.from({ length: 3000 }, (_, i) => `f${i}=v${i % 7}`).join('&');
    const body = utf8.encode(`${clean}&user%5Bname%5D=1%27+OR+%271%27%3D%271&${clean}`);
    const whole = read(batched, [body]);
    expect(whole.result.blocked).toBe(true);
    expect(whole.result.threats[0]).toMatchObject({ category: 'sqli', location: 'body:user[name]' });
    const at = body.indexOf(0x25 /* the attack's first % */);
    for (const cut of [at - 12, at - 5, at + 3]) {
      const parts = [body.slice(0, cut), body.slice(cut)];
      expect(read(batched, parts)).toEqual(read(plain, parts));
    }
  });
});
