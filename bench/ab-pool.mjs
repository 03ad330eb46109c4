// Two (or more) builds of dist/ side by side in one process: ns per pool op
// (acquire a 1 KiB slot, copy 200 B in, read one byte, release) against the
// floor (the copy + wasm memory.fill of 1 KiB), in interleaved rounds. A dev
// tool for changes to src/pool.ts and src/lease.ts, not a suite.
//
//   cp -r dist /tmp/dist-before   # before the change
//   npm run build                 # after it
//   node bench/ab-pool.mjs /tmp/dist-before ./dist
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, sampleFor } from './lib/harness.mjs';

const dists = process.argv.slice(2);
if (dists.length === 0) { console.error('usage: node bench/ab-pool.mjs DIST [DIST ...]'); process.exit(2); }
const SIZE = 1024;
const BATCH = 1000;
const payload = new Uint8Array(200).map((_, i) => (i * 31 + 7) & 0xff);
const out = { sink: 0 };
const batches = {};
const arenas = [];
for (const [k, dist] of dists.entries()) {
  const url = pathToFileURL(resolve(dist)).href;
  const { createArena, createStandardPools } = await import(`${url}/index.js`);
  const { wasmOf } = await import(`${url}/internal.js`);
  const arena = await createArena({ pools: createStandardPools(), zeroOnRelease: 'full', autoShrink: false, maxBytes: 64 << 20 });
  arenas.push(arena);
  const pool = arena.poolFor(SIZE);
  const label = `${k}:${dist}`;
  // A fresh function per build: closures of one literal share type feedback,
  // which would make every build's call sites polymorphic.
  batches[label] = new Function('pool', 'payload', 'out', `return function () {
    let sink = 0;
    for (let i = 0; i < ${BATCH}; i++) {
      const l = pool.acquire();
      const b = l.bytes;
      b.set(payload);
      sink ^= b[199];
      l.release();
    }
    out.sink ^= sink;
  }; // build ${k}`)(pool, payload, out);
  if (k === 0) {
    const { exports } = wasmOf(arena);
    const floorLease = pool.acquire();
    const view = floorLease.bytes;
    const address = view.byteOffset;
    batches.floor = () => {
      for (let i = 0; i < BATCH; i++) {
        view.set(payload);
        out.sink ^= view[199];
        exports.zeroFill(address, SIZE);
      }
    };
  }
}
// Promote what the arenas hold to the old generation, as in bench/pool.mjs (whose
// GC runs come first) and any long-running process: young lease objects would
// send every store of them into an old array through the write barrier's slow path.
for (const fn of Object.values(batches)) fn();
let junk = null;
for (let i = 0; i < 3_000_000; i++) junk = { i, next: i % 1000 ? null : junk };
if (junk === null) console.log('');
const ROUNDS = Number(process.env.ROUNDS ?? 7);
// Per round and contender: the fastest batch (this machine's noise only ever adds
// time, so the minimum is the steadiest figure) and the median batch.
const names = Object.keys(batches);
const fast = Object.fromEntries(names.map((n) => [n, []]));
const mid = Object.fromEntries(names.map((n) => [n, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(k + round) % names.length];
    sampleFor(batches[name], 50);
    const samples = sampleFor(batches[name], 200);
    fast[name].push((Math.min(...samples) * 1e6) / BATCH);
    mid[name].push((median(samples) * 1e6) / BATCH);
  }
}
const floorFast = median(fast.floor);
const floorMid = median(mid.floor);
for (const name of names) {
  const f = median(fast[name]);
  const m = median(mid[name]);
  console.log(`${name.padEnd(24)} fastest batch ${f.toFixed(2).padStart(6)} ns/op (${(f / floorFast).toFixed(2)}× floor)   median batch ${m.toFixed(2).padStart(6)} ns/op (${(m / floorMid).toFixed(2)}× floor)`);
}
if (out.sink === 0.5) console.log('');
for (const arena of arenas) await arena.close();
