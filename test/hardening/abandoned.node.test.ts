// Node only (needs global.gc): streams a caller abandons (a request that never finishes)
// do not keep their state slots: the arena's leak detection takes them back once the
// streams are garbage, zeroed, so no payload byte stays behind in wasm memory.
import { describe, expect, it } from 'vitest';
import { createArena, createDetector, createStandardPools } from '../../src/index.js';
import { wasmOf } from '../../src/internal.js';

const gc = (globalThis as { gc?: () => void }).gc!;
const SECRET = 'zq7secretpayloadxv3'; // lower case: the lexer keeps words case-folded
const STREAMS = 500;

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

describe('abandoned streams', () => {
  it(`${STREAMS} streams dropped mid-body give their slots back after GC, zeroed`, async () => {
    const arena = await createArena({ pools: createStandardPools() });
    const d = await createDetector({ arena });
    d.scan('warm up');
    const base = arena.getStats().bytesInUse;
    (() => {
      for (let i = 0; i < STREAMS; i++) d.createStream({ context: 'body' }).push(`name=${SECRET}${i}&q=`);
    })();
    expect(arena.getStats().bytesInUse).toBeGreaterThan(base); // each holds a state slot
    // Bounded wait for the finalizers: a few GC rounds with a turn of the event loop between.
    for (let i = 0; i < 20 && arena.getStats().bytesInUse > base; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(arena.getStats().bytesInUse).toBe(base);
    const leaks = Object.values(arena.getStats().pools).reduce((n, p) => n + p.leaksDetected, 0);
    expect(leaks).toBeGreaterThanOrEqual(STREAMS);
    await d.close(); // its cached slots held the last decoded input
    const memory = new Uint8Array(wasmOf(arena).memory.buffer);
    expect(contains(memory, new TextEncoder().encode(SECRET))).toBe(false);
    await arena.close();
  });
});
