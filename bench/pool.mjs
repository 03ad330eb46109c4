// Pool benchmark. One op at slot size S = get an S-byte buffer, copy
// round(S·200/1024) bytes in (200 B at 1 KiB, issue 2's op), read one byte
// back, give the buffer back. Every contender runs in this one process, rounds
// interleaved; figures are medians over rounds, min/max the extreme rounds.
// `floor` = the copy into one fixed buffer + wasm memory.fill of S bytes (the
// work no zeroing pool can avoid). GC counts come from perf_hooks GC entries.
//
//   npm run bench:pool                   # 1 KiB, table
//   npm run bench:pool -- --json         # 1 KiB, one JSON object (issue 2's contract; extra keys allowed)
//   node bench/pool.mjs --full [--json]  # 1, 8 and 64 KiB, writes bench/results/pool.json (npm run bench)
//   BENCH_ROUNDS=3 BENCH_QUICK=1 ...      # shorter runs while developing
import { measure, median } from './lib/harness.mjs';
import { makePoolContenders, SIZES, ORDER, NOTES } from './lib/pool-core.mjs';
import { envInfo, gcOver, heapPerOp, writeResult, table, QUICK } from './lib/node.mjs';

const json = process.argv.includes('--json');
const full = process.argv.includes('--full');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TIME = full ? { timeMs: QUICK ? 60 : 120, warmupMs: QUICK ? 20 : 40 } : { timeMs: QUICK ? 100 : 300, warmupMs: QUICK ? 30 : 100 };
// GC is observed over this many ops per contender and size, then scaled to 1,000,000 ops.
const GC_OPS = { 1024: 1_000_000, 8192: 250_000, 65536: 100_000 };
const GC_RUNS = Number(process.env.BENCH_GC_RUNS ?? (full && !QUICK ? 3 : 1)); // median of the counts over this many runs

async function runSize(size) {
  const c = await makePoolContenders(size, { BufferImpl: Buffer });
  const names = ORDER.filter((n) => n in c.batches);
  const gc = {};
  for (const name of names) {
    const ops = QUICK ? GC_OPS[size] / 10 : GC_OPS[size];
    const runs = [];
    for (let i = 0; i < GC_RUNS; i++) runs.push(await gcOver(c.batches[name], c.batch, ops));
    const med = (f) => median(runs.map(f));
    gc[name] = {
      ops: runs[0].ops,
      runs: GC_RUNS,
      scavenges: med((r) => r.scavenges),
      markCompacts: med((r) => r.markCompacts),
      incremental: med((r) => r.incremental),
      longestPauseMs: Math.max(...runs.map((r) => r.longestPauseMs)), // the longest seen in any run
      pausesOver5ms: runs.reduce((a, r) => a + r.pausesOver5ms, 0), // over all runs
      per1M: { scavenges: med((r) => r.per1M.scavenges), markCompacts: med((r) => r.per1M.markCompacts) },
      per1MRange: { scavenges: [Math.min(...runs.map((r) => r.per1M.scavenges)), Math.max(...runs.map((r) => r.per1M.scavenges))], markCompacts: [Math.min(...runs.map((r) => r.per1M.markCompacts)), Math.max(...runs.map((r) => r.per1M.markCompacts))] },
      ...heapPerOp(c.batches[name], c.batch),
    };
  }
  const ns = measure(Object.fromEntries(names.map((n) => [n, c.batches[n]])), { batch: c.batch, rounds: ROUNDS, ...TIME });
  const stats = c.arena.getStats();
  await c.close();
  if (c.sink() === 0.5) console.error('');
  return { size, batch: c.batch, payloadBytes: Math.round((size * 200) / 1024), ns, gc, arena: { memoryPages: stats.memoryPages, bytesReserved: stats.bytesReserved } };
}

const sizes = full ? SIZES : [1024];
const bySize = {};
for (const size of sizes) bySize[size] = await runSize(size);

const one = bySize[1024];
const result = {
  nsPerOp: Object.fromEntries(Object.entries(one.ns).map(([n, s]) => [n, s.median])),
  gc: Object.fromEntries(Object.entries(one.gc).map(([n, g]) => [n, g])),
};
if (full) {
  const file = writeResult('pool', {
    command: 'node bench/pool.mjs --full',
    method: { rounds: ROUNDS, ...TIME, gcOps: GC_OPS, gcRuns: GC_RUNS, op: 'get S-byte buffer, copy round(S*200/1024) bytes, read 1 byte, give back' },
    notes: NOTES,
    sizes: bySize,
  });
  if (!json) console.log(`wrote ${file}`);
}
if (json) {
  console.log(JSON.stringify(full ? { ...result, sizes: bySize } : result));
} else {
  console.log(`pool suite — ${envInfo().node}, ${envInfo().cpu}; median of ${ROUNDS} rounds`);
  for (const r of Object.values(bySize)) {
    const floor = r.ns.floor.median;
    console.log(`\n${r.size / 1024} KiB slot, ${r.payloadBytes} B copied:`);
    console.log(
      table(
        ['contender', 'ns/op', 'min', 'max', '× floor', 'scav/1M', 'mc/1M', 'max pause ms', 'heap B/op', 'ext B/op'],
        Object.entries(r.ns).map(([n, s]) => [n, s.median, s.min, s.max, (s.median / floor).toFixed(2), r.gc[n].per1M.scavenges, r.gc[n].per1M.markCompacts, r.gc[n].longestPauseMs, r.gc[n].heapBytesPerOp, r.gc[n].externalBytesPerOp]),
      ),
    );
  }
  const ns = result.nsPerOp;
  console.log(`\n1 KiB: arenaguard ${(ns.arenaguard / ns.floor).toFixed(2)}× floor, ${(ns['Buffer.alloc'] / ns.arenaguard).toFixed(1)}× faster than Buffer.alloc(1024)`);
}
