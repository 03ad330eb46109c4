// The pool pops free lists in JS (src/pool.ts #acquireSlot) and leaves growth,
// poisoning and release to the wasm module (assembly/arena/arena.ts). Both
// acquire paths must leave linear memory exactly alike: the same random run on
// two arenas, one forced through wasm, ends with byte-identical metadata (free
// lists, generations, states, counters) and slots, in every zeroOnRelease mode.
// Node only: 360 short-lived wasm instances outrun Chromium's lazy freeing of wasm memory.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createArena, type Arena, type Lease } from '../../src/index.js';
import { wasmOf } from '../../src/internal.js';

const POOLS = [
  { name: 'tiny', slotSize: 40, initialSlots: 0, maxSlots: 9 }, // stride 48: 'full' zeroes past slotSize
  { name: 'small', slotSize: 1024, initialSlots: 2, maxSlots: 130 },
];

type Op = { op: 'acquire'; pool: number; write: number } | { op: 'release'; index: number } | { op: 'shrink' };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('acquire' as const), pool: fc.nat(1), write: fc.nat(1024) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('release' as const), index: fc.nat(200) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('shrink' as const) }) },
);

function run(arena: Arena, ops: Op[]): void {
  const held: Lease[] = [];
  let seed = 1;
  for (const o of ops) {
    if (o.op === 'acquire') {
      const lease = arena.pools[o.pool]!.tryAcquire();
      if (lease === null) continue;
      const n = Math.min(o.write, lease.byteLength);
      // write() tracks the written end for 'used'; touching `bytes` marks the whole slot.
      if (n % 3 === 0) lease.bytes.fill(seed++ & 0xff || 1, 0, n);
      else lease.write(new Uint8Array(n).fill(seed++ & 0xff || 1));
      held.push(lease);
    } else if (o.op === 'release') {
      held.splice(o.index % Math.max(1, held.length), 1)[0]?.release();
    } else {
      for (const pool of arena.pools) pool.shrink(0);
    }
  }
  for (const lease of held) lease.release();
}

/** Arena metadata (header, pool descriptors, slot metadata) and every slab byte. */
function memoryOf(arena: Arena): Uint8Array {
  const { exports, memory } = wasmOf(arena);
  const start = exports.arenaHeader() as number;
  return new Uint8Array(memory.buffer.slice(start));
}

describe('the JS acquire writes what the wasm acquire writes', () => {
  for (const zeroOnRelease of ['full', 'used', 'none'] as const) {
    it(`zeroOnRelease '${zeroOnRelease}'`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 120 }), async (ops) => {
          const options = { pools: POOLS, maxBytes: 1 << 20, autoShrink: false as const, zeroOnRelease };
          const js = await createArena(options);
          const wasm = await createArena(options);
          wasm.fastPath = false; // every acquire and release through the module
          try {
            run(js, ops);
            run(wasm, ops);
            expect(js.getStats()).toEqual(wasm.getStats());
            const a = memoryOf(js);
            const b = memoryOf(wasm);
            expect(a.length).toBe(b.length);
            expect(a.findIndex((byte, i) => byte !== b[i]), 'first differing byte after the arena header').toBe(-1);
          } finally {
            await js.close();
            await wasm.close();
          }
        }),
        { numRuns: ((globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.FLAKE ? 1200 : 60) },
      );
    }, 3_600_000);
  }
});
