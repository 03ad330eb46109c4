// Scanner fuzzing (shared: Node, Chromium, Deno). Generated adversarial input must never
// trap or throw, and a stream fed in chunks of any sizes must give exactly the verdict and
// findings (rule, byte offset, byte length) of one whole scan of the same bytes.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetector, type Detector, type ScanContext } from '../../src/index.js';
import {
  CONTEXTS, anyInput, chunkPlan, encoder, fragmentText, longToken, nesting, shape, streamScan,
} from './scanner-arbitraries.js';

// A fixed seed by default, so a run of `npm test` is repeatable; FUZZ_SEED=random (or a number)
// explores further (the regression cases at the end are what exploring found).
const seedSetting = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.FUZZ_SEED;
if (seedSetting !== 'random') fc.configureGlobal({ seed: seedSetting === undefined ? 20261128 : Number(seedSetting) });

describe('scanner fuzzing', () => {
  let d: Detector;
  let d2: Detector;
  beforeAll(async () => {
    d = await createDetector();
    d2 = await createDetector({ paranoia: 2, arena: d.arena });
  });
  afterAll(async () => {
    await d2.close();
    await d.close();
  });

  function wellFormed(det: Detector, bytes: Uint8Array, context: ScanContext) {
    const r = det.scan(bytes, { context });
    for (const t of r.threats) {
      expect(t.ruleId).not.toBe('internal.error');
      expect(t.offset).toBeGreaterThanOrEqual(0);
      expect(t.length).toBeGreaterThanOrEqual(0);
      expect(t.offset + t.length).toBeLessThanOrEqual(bytes.length);
    }
    return r;
  }

  it('never throws or traps, and findings stay inside the input, on any generated input', () => {
    fc.assert(
      fc.property(anyInput, chunkPlan, fc.constantFrom(...CONTEXTS), fc.boolean(), (bytes, sizes, context, p2) => {
        const det = p2 ? d2 : d;
        wellFormed(det, bytes, context);
        const chunked = streamScan(det, bytes, sizes, context);
        expect(chunked.threats.some((t) => t.ruleId === 'internal.error')).toBe(false);
      }),
      { numRuns: ((globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.FLAKE ? 12000 : 600) },
    );
    expect(d.getStats().internalErrors + d2.getStats().internalErrors).toBe(0);
    expect(d.arena.healthCheck().status).not.toBe('failing');
  });

  it('chunked scans give the same verdict and findings as whole scans, whatever the chunk sizes', () => {
    fc.assert(
      fc.property(anyInput, chunkPlan, fc.constantFrom(...CONTEXTS), fc.boolean(), (bytes, sizes, context, p2) => {
        const det = p2 ? d2 : d;
        const whole = wellFormed(det, bytes, context);
        expect(shape(streamScan(det, bytes, sizes, context))).toEqual(shape(whole));
      }),
      { numRuns: ((globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.FLAKE ? 16000 : 800) },
    );
  });

  it('splits at every boundary, and byte by byte: the same verdict and findings', () => {
    fc.assert(
      fc.property(fragmentText.filter((s) => s.length > 0 && s.length < 160), fc.constantFrom(...CONTEXTS), (text, context) => {
        const bytes = encoder.encode(text);
        const whole = shape(d2.scan(bytes, { context }));
        for (let k = 1; k < bytes.length; k++) {
          const s = d2.createStream({ context });
          s.push(bytes.subarray(0, k)).push(bytes.subarray(k));
          expect(shape(s.finish())).toEqual(whole);
        }
        expect(shape(streamScan(d2, bytes, [1], context))).toEqual(whole);
      }),
      { numRuns: ((globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.FLAKE ? 1200 : 60) },
    );
  });

  it('a string scans like its UTF-8 bytes (offsets map back to UTF-16 indexes), also past the one-call size', () => {
    fc.assert(
      fc.property(fc.oneof(fragmentText, longToken, nesting), fc.constantFrom(...CONTEXTS), (text, context) => {
        const bytes = encoder.encode(text);
        const fromString = d.scan(text, { context });
        const fromBytes = d.scan(bytes, { context });
        expect(fromString.blocked).toBe(fromBytes.blocked);
        expect(fromString.score).toBe(fromBytes.score);
        // A rule is reported once per scan; the order is not part of the contract.
        expect(fromString.threats.map((t) => t.ruleId).sort()).toEqual(fromBytes.threats.map((t) => t.ruleId).sort());
        for (const s of fromString.threats) {
          const b = fromBytes.threats.find((t) => t.ruleId === s.ruleId)!;
          // The UTF-16 span covers exactly the bytes of the byte span.
          expect(encoder.encode(text.slice(0, s.offset)).length).toBe(b.offset);
          expect(encoder.encode(text.slice(0, s.offset + s.length)).length).toBe(b.offset + b.length);
        }
      }),
      { numRuns: ((globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.FLAKE ? 3000 : 150) },
    );
  });

  it('input past maxScanBytes: a limit finding, no throw, and the same findings whole or chunked', async () => {
    const small = await createDetector({ arena: d.arena, maxScanBytes: 300 });
    try {
      fc.assert(
        fc.property(anyInput, chunkPlan, fc.constantFrom(...CONTEXTS), (bytes, sizes, context) => {
          const whole = small.scan(bytes, { context });
          expect(whole.threats.some((t) => t.ruleId === 'limit.oversize')).toBe(bytes.length > 300);
          expect(shape(streamScan(small, bytes, sizes, context))).toEqual(shape(whole));
        }),
        { numRuns: ((globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.FLAKE ? 4000 : 200) },
      );
    } finally {
      await small.close();
    }
  });

  it('known attacks are found whole and byte by byte (the properties above are not vacuous)', () => {
    for (const attack of ["1' OR '1'='1", '<img src=x onerror=alert(1)>', ';cat /etc/passwd', '../../../../etc/passwd']) {
      const bytes = encoder.encode(attack);
      expect(d.scan(bytes, { context: 'query' }).blocked).toBe(true);
      expect(streamScan(d, bytes, [1], 'query').blocked).toBe(true);
    }
  });

  // Regression cases: counterexamples fast-check found (fixed in 1f1341a). A byte the decoder
  // drops right after a chunk boundary moved the end of the token before it, so adjacency
  // rules missed in streams; the oversize span depended on push sizes.
  it('regression: a NUL dropped right after a chunk boundary changes nothing (`<%00(` split after `<`)', () => {
    for (const [text, k] of [['<%00(', 1], ['<\u0000(', 1], ['&lt;\u0000(', 4], ['%2e%2e/%00', 7]] as const) {
      const bytes = encoder.encode(text);
      const s = d.createStream({ context: 'query' });
      s.push(bytes.subarray(0, k)).push(bytes.subarray(k));
      expect(shape(s.finish())).toEqual(shape(d.scan(bytes, { context: 'query' })));
    }
  });

  // Found with FUZZ_SEED=random: ASP's dropped '%' (of a %S%E%L run) left a gap in the offsets, so
  // the span of the byte before it ended after the '%' scanned whole, and at the '%' when a chunk
  // ended there (path.null-byte 1+5 whole, 1+4 in chunks). The byte after the '%' now takes its place.
  it("regression: a dropped ASP '%' gives the same spans whole and chunked (`'&#0;%'%2527'` in chunks of every size)", () => {
    const bytes = encoder.encode("'&#0;%'%2527'");
    const whole = shape(d.scan(bytes, { context: 'query' }));
    expect(whole.threats).toContain('path.null-byte@1+4');
    for (let k = 1; k < bytes.length; k++) expect(shape(streamScan(d, bytes, [k], 'query'))).toEqual(whole);
  });

  it('regression: the limit.oversize finding is the same whole and chunked', async () => {
    const small = await createDetector({ arena: d.arena, maxScanBytes: 300 });
    try {
      const bytes = encoder.encode('a'.repeat(1000));
      expect(shape(streamScan(small, bytes, [500], 'query'))).toEqual(shape(small.scan(bytes, { context: 'query' })));
    } finally {
      await small.close();
    }
  });

  // Was a bug until f1fa3a4: a chunk ending right after the '0' of "0x2e" lost the escape,
  // so a stream missed what the whole scan found.
  it('regression: a textual 0x escape cut after its 0 decodes as in a whole scan (`0x5c0x2e.%00/` byte by byte)', () => {
    for (const text of ['0x5c0x2e./', '0x5c0x2e.%00/', '..0x2f..0x2fetc/passwd', 'select concat(0x2f,a)']) {
      const bytes = encoder.encode(text);
      expect(shape(streamScan(d, bytes, [1], 'query'))).toEqual(shape(d.scan(bytes, { context: 'query' })));
    }
  });
});
