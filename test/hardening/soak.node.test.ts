// Node only (needs global.gc): a long in-process soak must keep wasm memory
// pages and the JS heap flat once warmed up.
import { describe, expect, it } from 'vitest';
import { createArena, createStandardPools } from '../../src/index.js';

const gc = (globalThis as { gc?: () => void }).gc!;
const REQUESTS = 1_000_000;

describe('soak', () => {
  it(`keeps memory pages and heap flat over ${REQUESTS.toLocaleString('en')} requests`, async () => {
    const arena = await createArena({ pools: createStandardPools(), maxBytes: 32 * 1024 * 1024, autoShrink: false });
    const sizes = [64, 700, 1024, 3000, 8192, 20_000, 65536];
    const body = new Uint8Array(65536).map((_, i) => i & 0xff);
    const held: ReturnType<ReturnType<typeof arena.poolFor>['acquire']>[] = [];
    let checksum = 0;
    // Each "request" takes a slot sized for its body, copies the body in, reads it,
    // and releases; a few stay held for a while, as slow requests do.
    const run = (count: number, seed: number) => {
      let state = seed;
      for (let i = 0; i < count; i++) {
        state = (state * 1103515245 + 12345) >>> 0;
        const size = sizes[state % sizes.length]!;
        const lease = arena.poolFor(size).acquire();
        lease.write(body.subarray(0, size));
        checksum += lease.bytes[size - 1]!;
        if (state % 97 === 0 && held.length < 64) held.push(lease);
        else lease.release();
        if (state % 89 === 0 && held.length > 0) held.shift()!.release();
      }
    };
    run(100_000, 1); // warm-up: pools reach their working size, code is optimised
    for (const lease of held.splice(0)) lease.release();
    gc();
    const pagesAfterWarmup = arena.getStats().memoryPages;
    const heapAfterWarmup = process.memoryUsage().heapUsed;
    run(REQUESTS, 2);
    for (const lease of held.splice(0)) lease.release();
    gc();
    const stats = arena.getStats();
    expect(stats.memoryPages).toBe(pagesAfterWarmup);
    expect(stats.bytesInUse).toBe(0);
    const heapGrowth = process.memoryUsage().heapUsed - heapAfterWarmup;
    expect(heapGrowth).toBeLessThan(1024 * 1024); // flat: well under a byte per request
    expect(checksum).toBeGreaterThan(0);
    await arena.close();
  });
});
