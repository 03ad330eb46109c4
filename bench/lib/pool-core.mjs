// The pool suite's contenders, runtime-neutral (Node, Deno, Chromium).
// One op at slot size S = get an S-byte buffer, copy a payload of
// round(S * 200 / 1024) bytes into it (200 B at 1 KiB, as issue 2 defines the
// op; the same fill ratio at 8 and 64 KiB), read one byte back, give the
// buffer back where the contender has a way to.
import { createArena, createStandardPools } from '../../dist/index.js';
import { wasmOf } from '../../dist/internal.js';
import typedarrayPool from 'typedarray-pool';
import protobufPool from '@protobufjs/pool';
import { MemPool } from '@thi.ng/malloc';

export const SIZES = [1024, 8192, 65536];
export const BATCH = { 1024: 1000, 8192: 250, 65536: 100 };

/** What each contender does about stale data, shown in the report. */
export const NOTES = {
  arenaguard: 'slot in wasm memory; zeroed on release (zeroOnRelease: full); generation-checked release, leak tracking on',
  floor: 'not a pool: the copy into one fixed buffer + wasm memory.fill of S bytes (the work no zeroing pool avoids)',
  'Buffer.alloc': 'fresh zeroed buffer per op, garbage-collected',
  'Buffer.allocUnsafe': 'not zeroed; < 4 KiB comes from Node\'s shared 8 KiB pool',
  'new Uint8Array': 'fresh zeroed buffer per op, garbage-collected',
  'naive pool': 'the original\'s design: array free list + Set of in-use buffers + fill(0) on release',
  'typedarray-pool': 'mallocUint8/freeUint8; no zeroing (stale data handed out)',
  '@protobufjs/pool': 'slab allocator (8 KiB slabs, sizes ≤ 4 KiB); no release, no reuse; > 4 KiB falls through to new Uint8Array',
  '@thi.ng/malloc': 'MemPool mallocAs/free in one ArrayBuffer; new view object per op; no zeroing',
};

export function payloadFor(size) {
  const n = Math.round((size * 200) / 1024);
  return new Uint8Array(n).map((_, i) => (i * 31 + 7) & 0xff);
}

/** The original's pool, as it was written: free list array + Set of buffers in use + fill(0) on release. */
export class NaivePool {
  constructor(size) {
    this.size = size;
    this.free = [];
    this.inUse = new Set();
  }
  acquire() {
    const buffer = this.free.pop() ?? new Uint8Array(this.size);
    this.inUse.add(buffer);
    return buffer;
  }
  release(buffer) {
    if (!this.inUse.delete(buffer)) throw new Error('not from this pool');
    buffer.fill(0);
    this.free.push(buffer);
  }
}

/**
 * Build every contender for one slot size. `BufferImpl` is Node's Buffer
 * (Node, Deno's node:buffer) or undefined (browser: the Buffer contenders are skipped).
 * Returns { batches: name -> fn running `batch` ops, single: name -> fn running one op, close }.
 */
export async function makePoolContenders(size, { BufferImpl, batch = BATCH[size] } = {}) {
  const arena = await createArena({ pools: createStandardPools(), zeroOnRelease: 'full', autoShrink: false, maxBytes: 64 << 20 });
  const pool = arena.poolFor(size);
  if (pool.slotSize !== size) throw new Error(`no ${size}-byte pool (got ${pool.slotSize})`);
  const { exports } = wasmOf(arena);
  const floorLease = pool.acquire();
  const floorView = floorLease.bytes;
  const floorAddress = floorView.byteOffset;
  const payload = payloadFor(size);
  const last = payload.length - 1;
  const naive = new NaivePool(size);
  const pbAlloc = protobufPool((n) => new Uint8Array(n), Uint8Array.prototype.subarray, 8192);
  const mem = new MemPool({ size: 4 * size + 4096 });
  // Each op folds the byte it read into `sink` (so the read cannot be optimised away) by xor: a
  // sum left V8's small-integer range after ~67 M ops of all contenders, and from then on every
  // op of every contender boxed a number — ~7 ns more per op, which flattered the floor ratio.
  let sink = 0;

  // one op each; the batch versions repeat the same body inline (no call per op)
  const batches = {
    arenaguard() {
      for (let i = 0; i < batch; i++) {
        const lease = pool.acquire();
        const b = lease.bytes;
        b.set(payload);
        sink ^= b[last];
        lease.release();
      }
    },
    floor() {
      for (let i = 0; i < batch; i++) {
        floorView.set(payload);
        sink ^= floorView[last];
        exports.zeroFill(floorAddress, size);
      }
    },
    'new Uint8Array'() {
      for (let i = 0; i < batch; i++) {
        const b = new Uint8Array(size);
        b.set(payload);
        sink ^= b[last];
      }
    },
    'naive pool'() {
      for (let i = 0; i < batch; i++) {
        const b = naive.acquire();
        b.set(payload);
        sink ^= b[last];
        naive.release(b);
      }
    },
    'typedarray-pool'() {
      for (let i = 0; i < batch; i++) {
        const b = typedarrayPool.mallocUint8(size);
        b.set(payload);
        sink ^= b[last];
        typedarrayPool.freeUint8(b);
      }
    },
    '@protobufjs/pool'() {
      for (let i = 0; i < batch; i++) {
        const b = pbAlloc(size);
        b.set(payload);
        sink ^= b[last];
      }
    },
    '@thi.ng/malloc'() {
      for (let i = 0; i < batch; i++) {
        const b = mem.mallocAs('u8', size);
        b.set(payload);
        sink ^= b[last];
        mem.free(b);
      }
    },
  };
  if (BufferImpl) {
    batches['Buffer.alloc'] = function () {
      for (let i = 0; i < batch; i++) {
        const b = BufferImpl.alloc(size);
        b.set(payload);
        sink ^= b[last];
      }
    };
    batches['Buffer.allocUnsafe'] = function () {
      for (let i = 0; i < batch; i++) {
        const b = BufferImpl.allocUnsafe(size);
        b.set(payload);
        sink ^= b[last];
      }
    };
  }
  // sanity: each contender really hands out a buffer of the size and our bytes
  for (const fn of Object.values(batches)) fn();
  if (pool.getStats().inUse !== 1) throw new Error('arenaguard lease left outstanding');
  return {
    size,
    batch,
    batches,
    arena,
    sink: () => sink,
    close: async () => {
      floorLease.release();
      await arena.close();
    },
  };
}

/** Contender order in tables and charts. */
export const ORDER = ['arenaguard', 'floor', 'Buffer.alloc', 'Buffer.allocUnsafe', 'new Uint8Array', 'naive pool', 'typedarray-pool', '@protobufjs/pool', '@thi.ng/malloc'];
