// Pool benchmark: one op = acquire a 1 KiB buffer, copy 200 bytes in, read one
// byte back, release. Compared in one process against the floor (the copy plus
// a wasm memory.fill of 1 KiB: the work no zeroing pool can avoid) and against
// Buffer.alloc / Buffer.allocUnsafe. GC counts come from perf_hooks GC entries.
//
//   npm run bench:pool            # table
//   npm run bench:pool -- --json  # one JSON object
import { Bench } from 'tinybench';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { createArena } from '../dist/index.js';
import { wasmOf } from '../dist/internal.js';

const json = process.argv.includes('--json');
const BATCH = 1000; // ops per timed iteration: one op is far below timer resolution
const GC_OPS = 1_000_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const payload = new Uint8Array(200).map((_, i) => (i * 31) & 0xff);
// Every safety check on: full zeroing, generation-checked release, leak tracking.
const arena = await createArena({
  pools: [{ name: 'small', slotSize: 1024, initialSlots: 64, maxSlots: 1024 }],
  zeroOnRelease: 'full',
  autoShrink: false,
});
const pool = arena.getPool('small');
const { exports } = wasmOf(arena);
const floorLease = pool.acquire(); // the "one fixed Uint8Array", in wasm memory so memory.fill can zero it
const floorView = floorLease.bytes;
const floorAddress = floorView.byteOffset;

let sink = 0;
const ops = {
  arenaguard() {
    for (let i = 0; i < BATCH; i++) {
      const lease = pool.acquire();
      lease.write(payload);
      sink += lease.bytes[199];
      lease.release();
    }
  },
  floor() {
    for (let i = 0; i < BATCH; i++) {
      floorView.set(payload);
      sink += floorView[199];
      exports.zeroFill(floorAddress, 1024);
    }
  },
  'Buffer.alloc'() {
    for (let i = 0; i < BATCH; i++) {
      const buffer = Buffer.alloc(1024);
      buffer.set(payload);
      sink += buffer[199];
    }
  },
  'Buffer.allocUnsafe'() {
    for (let i = 0; i < BATCH; i++) {
      const buffer = Buffer.allocUnsafe(1024);
      buffer.set(payload);
      sink += buffer[199];
    }
  },
};

/** ns per op for each contender: the median over ROUNDS runs of tinybench's p50, each round interleaved. */
async function measure() {
  const perRound = Object.fromEntries(Object.keys(ops).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time: 300, warmupTime: 100 });
    for (const [name, fn] of Object.entries(ops)) bench.add(name, fn);
    await bench.run();
    for (const task of bench.tasks) perRound[task.name].push((task.result.latency.p50 * 1e6) / BATCH);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    nsPerOp: Object.fromEntries(Object.entries(perRound).map(([name, xs]) => [name, Number(median(xs).toFixed(2))])),
    spread: Object.fromEntries(Object.entries(perRound).map(([name, xs]) => [name, [Math.min(...xs), Math.max(...xs)].map((x) => Number(x.toFixed(2)))])),
  };
}

/** GC events while running `ops` arenaguard ops, after a warm-up. */
async function gcCounts(count) {
  for (let i = 0; i < 20; i++) ops.arenaguard(); // warm-up: lease objects and views created
  await new Promise((resolve) => setTimeout(resolve, 50));
  const counts = { scavenges: 0, markCompacts: 0, incremental: 0, longestPauseMs: 0, ops: count };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = entry.detail?.kind ?? entry.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) counts.scavenges++;
      else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) counts.markCompacts++;
      else if (kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL) counts.incremental++;
      counts.longestPauseMs = Math.max(counts.longestPauseMs, entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const heapBefore = process.memoryUsage().heapUsed;
  for (let i = 0; i < count / BATCH; i++) ops.arenaguard();
  const heapAfter = process.memoryUsage().heapUsed;
  await new Promise((resolve) => setTimeout(resolve, 100)); // GC entries arrive asynchronously
  observer.disconnect();
  counts.heapBytesPerOp = Number(((heapAfter - heapBefore) / count).toFixed(4));
  counts.longestPauseMs = Number(counts.longestPauseMs.toFixed(3));
  return counts;
}

const gc = { arenaguard: await gcCounts(GC_OPS) };
const { nsPerOp, spread } = await measure();
const result = { nsPerOp, gc };
if (json) {
  console.log(JSON.stringify(result));
} else {
  const floor = nsPerOp.floor;
  console.log('pool: acquire 1 KiB + copy 200 B + read 1 B + release (median of %d rounds)', ROUNDS);
  for (const [name, ns] of Object.entries(nsPerOp)) {
    console.log(`  ${name.padEnd(20)} ${ns.toFixed(1).padStart(8)} ns/op   ×floor ${(ns / floor).toFixed(2)}   [min ${spread[name][0]}, max ${spread[name][1]}]`);
  }
  console.log(`  arenaguard is ${(nsPerOp['Buffer.alloc'] / nsPerOp.arenaguard).toFixed(1)}× faster than Buffer.alloc(1024)`);
  console.log('  GC over %d arenaguard ops: %j', GC_OPS, gc.arenaguard);
}
if (sink === 0.5) console.log(sink); // keep the reads observable
floorLease.release();
await arena.close();
