// Node only (needs global.gc): 1,000,000 in-process scans through the detector — one-shot
// string and byte scans, chunked streams, now and then a whole request — keep wasm memory
// pages, slots in use and the JS heap flat once warmed up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createArena, createDetector, createStandardPools } from '../../src/index.js';
import { encoder, fragmentText } from './scanner-arbitraries.js';

const gc = (globalThis as { gc?: () => void }).gc!;
const SCANS = 1_000_000;

describe('detector soak', () => {
  it(`keeps memory pages, slots and heap flat over ${SCANS.toLocaleString('en')} scans`, async () => {
    const arena = await createArena({ pools: createStandardPools(), maxBytes: 32 * 1024 * 1024, autoShrink: false });
    const d = await createDetector({ arena });
    // A fixed set of small payloads (fixed seed: the same work every run), attacks among them.
    const attacks = ["1' OR '1'='1", '<img src=x onerror=alert(1)>', ';cat /etc/passwd', '../../../../etc/passwd', "' UNION SELECT password FROM users--", '<script>alert(1)</script>'];
    const texts = [
      ...fc.sample(fragmentText.filter((s) => s.length > 0 && s.length < 400), { numRuns: 448, seed: 20_261_127 }),
      ...Array.from({ length: 64 }, (_, i) => `x=${i}&v=${attacks[i % attacks.length]}`),
    ];
    const bytes = texts.map((t) => encoder.encode(t));
    let blocked = 0;
    let state = 1;
    const run = async (count: number) => {
      for (let i = 0; i < count; i++) {
        state ^= state << 13; state ^= state >>> 17; state ^= state << 5; state >>>= 0; // xorshift32
        const k = state % texts.length;
        const pick = (state >>> 9) & 0xff;
        let r;
        // Mostly one-shot scans (what the middleware does per value), some streams, a few requests.
        if (pick < 115) r = d.scan(texts[k]!, { context: 'query' });
        else if (pick < 230) r = d.scan(bytes[k]!, { context: 'body' });
        else if (pick < 255) {
          const b = bytes[k]!;
          const s = d.createStream({ context: 'form' });
          s.push(b.subarray(0, b.length >> 1)).push(b.subarray(b.length >> 1));
          r = s.finish();
        } else {
          r = await d.analyzeRequest({ method: 'POST', url: `/p?q=${encodeURIComponent(texts[k]!)}`, headers: { 'user-agent': 'soak' }, body: bytes[k]! });
        }
        if (r.blocked) blocked++;
        expect(r.threats.length === 0 || r.threats[0]!.ruleId !== 'internal.error').toBe(true);
      }
    };
    await run(100_000); // warm-up: slots cached, code optimised, stats maps filled
    gc();
    const pages = arena.getStats().memoryPages;
    const inUse = arena.getStats().bytesInUse;
    const heap = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    await run(SCANS);
    const seconds = (performance.now() - t0) / 1000;
    gc();
    const stats = arena.getStats();
    expect(stats.memoryPages).toBe(pages);
    expect(stats.bytesInUse).toBe(inUse); // only the detector's own cached slots
    const growth = process.memoryUsage().heapUsed - heap;
    console.log(`detector soak: ${SCANS} scans in ${seconds.toFixed(1)} s, ${stats.memoryPages} pages, heap ${growth >= 0 ? '+' : ''}${growth} bytes`);
    expect(growth).toBeLessThan(1024 * 1024); // flat: about a byte per scan at most
    expect(blocked).toBeGreaterThan(SCANS / 10); // the attacks in the set (1 in 8 payloads) were seen
    expect(d.getStats().internalErrors).toBe(0);
    await d.close();
    expect(arena.getStats().bytesInUse).toBe(0);
    await arena.close();
  }, 600_000); // (48 s beside the rest of `npm test` on 2 cores: the timeout only catches a hang)
});
