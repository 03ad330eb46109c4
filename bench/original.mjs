// The original project's three benchmarks, rebuilt honestly.
// A "request" = acquire a slot of the right size class, copy the request bytes
// in, scan them with the detector (when this build has one; otherwise the pool
// part alone, and the results say so), release. The same requests run with
// no pool at all (Buffer.alloc per request) and with the original's naive
// pool, in the same process, interleaved.
//
//   npm run bench:original [-- --json]
//   BENCH_QUICK=1 ... (shorter, for development)
import * as arenaguard from '../dist/index.js';
import { summary } from './lib/harness.mjs';
import { NaivePool } from './lib/pool-core.mjs';
import { requestMix, sizeStats } from './lib/requests.mjs';
import { envInfo, watchGc, forceGc, loadCorpus, writeResult, table, QUICK } from './lib/node.mjs';

const json = process.argv.includes('--json');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 2 : 5));
const THROUGHPUT_REQUESTS = QUICK ? 30_000 : 100_000; // long enough that the GC cost of garbage-making variants is inside the run
const LEAK_REQUESTS = 100_000;
const WORKERS = 100;
const WORKER_REQUESTS = 100_000;
const log = (...a) => json || console.error(...a);

/** The original's published claims (its README), shown next to what we measure. Not measurements of ours. */
const CLAIMS = {
  throughput: { rps: 179_439, text: '179,439 req/s' },
  leak: { rps: 327_869, text: '327,869 req/s in a 100,000-request leak test' },
  workers: { rps: 311_526, text: '311,526 req/s with 100 concurrent async workers' },
  gc: { pausesOver5ms: 0, text: 'zero GC pauses over 5 ms' },
};

const { createArena, createStandardPools } = arenaguard;
const arena = await createArena({ pools: createStandardPools(), maxBytes: 64 << 20, autoShrink: false, zeroOnRelease: 'full' });
let detector = null;
if (typeof arenaguard.createDetector === 'function') detector = await arenaguard.createDetector({ arena });
const scanning = detector !== null;

const corpus = loadCorpus();
const requests = requestMix(corpus.map((r) => r.payload), { count: 20_000 });
const mix = sizeStats(requests);

let sink = 0;
/** scan(bytes, n, context) → a number, so the work is observable */
const readLast = (bytes) => (bytes.length ? bytes[bytes.length - 1] : 0);
const detectorScan = (bytes, context) => detector.scan(bytes, { context }).score;
let scan = scanning ? detectorScan : readLast;

const naivePools = [new NaivePool(1024), new NaivePool(8192), new NaivePool(65536)];
const naiveFor = (n) => (n <= 1024 ? naivePools[0] : n <= 8192 ? naivePools[1] : naivePools[2]);

// One request, three ways. Each returns nothing; the scan result goes to `sink`.
const variants = {
  arenaguard(q) {
    const n = q.bytes.length;
    const lease = arena.poolFor(n).acquire();
    const b = lease.bytes;
    b.set(q.bytes);
    sink += scan(n === b.length ? b : b.subarray(0, n), q.context);
    lease.release();
  },
  'no pool (Buffer.alloc)'(q) {
    const b = Buffer.alloc(q.bytes.length);
    b.set(q.bytes);
    sink += scan(b, q.context);
  },
  'naive pool (original design)'(q) {
    const n = q.bytes.length;
    const pool = naiveFor(n);
    const b = pool.acquire();
    b.set(q.bytes);
    sink += scan(n === b.length ? b : b.subarray(0, n), q.context);
    pool.release(b);
  },
};
const asyncVariants = {
  async arenaguard(q) {
    const n = q.bytes.length;
    const pool = arena.poolFor(n);
    const lease = pool.tryAcquire() ?? (await pool.acquireAsync({ timeoutMs: 5000 }));
    lease.bytes.set(q.bytes);
    await undefined; // the handler yields (as around real I/O) while it holds the slot
    // re-read lease.bytes after the await: another worker's acquire may have grown memory (old views detach)
    const b = lease.bytes;
    sink += scan(n === b.length ? b : b.subarray(0, n), q.context);
    lease.release();
  },
  async 'no pool (Buffer.alloc)'(q) {
    const b = Buffer.alloc(q.bytes.length);
    b.set(q.bytes);
    await undefined;
    sink += scan(b, q.context);
  },
  async 'naive pool (original design)'(q) {
    const n = q.bytes.length;
    const pool = naiveFor(n);
    const b = pool.acquire();
    b.set(q.bytes);
    await undefined;
    sink += scan(n === b.length ? b : b.subarray(0, n), q.context);
    pool.release(b);
  },
};
const names = Object.keys(variants);
const outstanding = (name) => (name === 'arenaguard' ? arena.pools.reduce((s, p) => s + p.getStats().inUse, 0) : name.startsWith('naive') ? naivePools.reduce((s, p) => s + p.inUse.size, 0) : 0);

// CPU seconds of this process over the last runSync/runWorkers (user + system, all threads: GC helpers count too).
// On a shared machine wall time also counts time spent descheduled; the CPU-time rate does not.
let lastCpuS = 0;
function runSync(fn, count, offset = 0) {
  const c0 = process.cpuUsage();
  try {
    return runSyncWall(fn, count, offset);
  } finally {
    const c = process.cpuUsage(c0);
    lastCpuS = (c.user + c.system) / 1e6;
  }
}
function runSyncWall(fn, count, offset) {
  const t0 = performance.now();
  for (let i = 0; i < count; i++) fn(requests[(offset + i) % requests.length]);
  return performance.now() - t0;
}
async function runWorkers(fn, workers, count) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await fn(requests[i % requests.length]);
    }
  };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: workers }, worker));
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  lastCpuS = (c.user + c.system) / 1e6;
  return ms;
}
const gcTotals = Object.fromEntries(names.map((n) => [n, { events: 0, scavenges: 0, markCompacts: 0, pausesOver5ms: 0, longestPauseMs: 0 }]));
function addGc(name, c) {
  const t = gcTotals[name];
  for (const k of ['events', 'scavenges', 'markCompacts', 'pausesOver5ms']) t[k] += c[k];
  t.longestPauseMs = Math.max(t.longestPauseMs, c.longestPauseMs);
}

// warm-up: every variant over part of the mix, timed: the cost per request sets how much fits the time budget
const CALIBRATE = 2000;
let msPerRequest = 0; // summed over the variants
for (const name of names) {
  runSync(variants[name], CALIBRATE);
  msPerRequest += runSync(variants[name], CALIBRATE, CALIBRATE) / CALIBRATE;
}
// One round of the three tests for every variant costs about this; fit the budget, never the other way round.
const BUDGET_S = Number(process.env.BENCH_ORIGINAL_BUDGET_S ?? (QUICK ? 20 : 50));
const roundCost = (msPerRequest * (THROUGHPUT_REQUESTS + LEAK_REQUESTS + WORKER_REQUESTS)) / 1000;
const MIN_ROUNDS = Math.min(ROUNDS, 3); // a median needs repeated runs: when the budget is short, requests per run shrink, not the runs
const fit = Math.min(1, BUDGET_S / (roundCost * MIN_ROUNDS));
const reduced = fit < 1;
const scaled = (n) => (reduced ? Math.max(2000, Math.round((n * fit) / 1000) * 1000) : n);
const counts = { throughput: scaled(THROUGHPUT_REQUESTS), leak: scaled(LEAK_REQUESTS), workers: scaled(WORKER_REQUESTS) };
const ROUNDS_RUN = reduced ? MIN_ROUNDS : Math.max(MIN_ROUNDS, Math.min(ROUNDS, Math.floor(BUDGET_S / roundCost)));
const SUB_ROUNDS = Math.min(ROUNDS_RUN, 3);
log(`cost ≈ ${(msPerRequest * 1000).toFixed(1)} µs per request (all variants); ${reduced ? `REDUCED to ${JSON.stringify(counts)} to fit ${BUDGET_S} s` : `${ROUNDS_RUN} rounds fit ${BUDGET_S} s`}`);

// 1. throughput on the mix
log(`throughput: ${counts.throughput} requests × ${ROUNDS_RUN} rounds per variant`);
const tp = Object.fromEntries(names.map((n) => [n, []]));
const tpCpu = Object.fromEntries(names.map((n) => [n, []]));
for (let round = 0; round < ROUNDS_RUN; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(k + round) % names.length];
    const stop = watchGc(); // no forced GC first: a clean heap would hide the cost of the garbage a variant leaves
    const ms = runSync(variants[name], counts.throughput, round * 7919);
    addGc(name, await stop());
    tp[name].push(counts.throughput / (ms / 1000));
    tpCpu[name].push(counts.throughput / lastCpuS);
  }
}

// 1b. the pool part alone (no scan), same requests: what the pool itself costs, next to the full request
const POOL_ONLY_REQUESTS = QUICK ? 30_000 : 100_000;
const tpPool = Object.fromEntries(names.map((n) => [n, []]));
if (scanning) {
  scan = readLast;
  for (const name of names) runSync(variants[name], CALIBRATE);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + round) % names.length];
      const ms = runSync(variants[name], POOL_ONLY_REQUESTS, round * 7919);
      tpPool[name].push(POOL_ONLY_REQUESTS / (ms / 1000));
    }
  }
  scan = detectorScan;
}

// 2. leak check: 100,000 requests, then outstanding leases and heap growth after a full GC
log(`leak check: ${counts.leak} requests per variant × ${SUB_ROUNDS} rounds`);
const leak = Object.fromEntries(names.map((n) => [n, { rps: [], outstandingAfter: [], heapDeltaBytes: [] }]));
for (let round = 0; round < SUB_ROUNDS; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(k + round) % names.length]; // (rotated, as in the throughput rounds)
    forceGc();
    const before = outstanding(name); // the detector keeps its own scratch slots between scans: counted before, not charged to the requests
    const heap0 = process.memoryUsage().heapUsed;
    const stop = watchGc();
    const ms = runSync(variants[name], counts.leak, round * 104729);
    addGc(name, await stop());
    leak[name].outstandingAfter.push(outstanding(name) - before);
    leak[name].heldBefore = before;
    forceGc();
    leak[name].heapDeltaBytes.push(process.memoryUsage().heapUsed - heap0);
    leak[name].rps.push(counts.leak / (ms / 1000));
  }
}
const arenaStatsAfterLeak = arena.getStats();

// 3. 100 concurrent async workers sharing 100,000 requests
log(`workers: ${WORKERS} async workers × ${counts.workers} requests per variant × ${SUB_ROUNDS} rounds`);
const wk = Object.fromEntries(names.map((n) => [n, []]));
const wkCpu = Object.fromEntries(names.map((n) => [n, []]));
for (let round = 0; round < SUB_ROUNDS; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(k + round) % names.length];
    forceGc();
    const stop = watchGc();
    const ms = await runWorkers(asyncVariants[name], WORKERS, counts.workers);
    addGc(name, await stop());
    wk[name].push(counts.workers / (ms / 1000));
    wkCpu[name].push(counts.workers / lastCpuS);
  }
}
const peak = Object.fromEntries(arena.pools.map((p) => [p.name, p.getStats().peakInUse]));

const result = {
  command: 'npm run bench:original',
  scanning,
  what: scanning
    ? 'request = acquire slot, copy bytes in, detector.scan, release'
    : 'POOL PART ONLY: this build has no createDetector, so a request = acquire slot, copy bytes in, read one byte, release (no scan)',
  method: { rounds: ROUNDS_RUN, subRounds: SUB_ROUNDS, budgetSeconds: BUDGET_S, usPerRequestAllVariants: Number((msPerRequest * 1000).toFixed(1)), reduced, specified: { throughputRequests: THROUGHPUT_REQUESTS, leakRequests: LEAK_REQUESTS, workerRequests: WORKER_REQUESTS }, throughputRequests: counts.throughput, leakRequests: counts.leak, workers: WORKERS, workerRequests: counts.workers, mix: { ...mix, description: '80 % corpus payloads (all three ../shared/corpus files, as query values), 20 % benign JSON bodies log-uniform 1–64 KiB' } },
  claims: CLAIMS,
  throughput: Object.fromEntries(names.map((n) => [n, summary(tp[n], 0)])),
  throughputPerCpuSecond: Object.fromEntries(names.map((n) => [n, summary(tpCpu[n], 0)])),
  workersPerCpuSecond: Object.fromEntries(names.map((n) => [n, summary(wkCpu[n], 0)])),
  throughputPoolOnly: scanning ? { requests: POOL_ONLY_REQUESTS, ...Object.fromEntries(names.map((n) => [n, summary(tpPool[n], 0)])) } : null,
  leak: Object.fromEntries(names.map((n) => [n, { rps: summary(leak[n].rps, 0), outstandingAfter: Math.max(...leak[n].outstandingAfter), heldByDetector: leak[n].heldBefore, heapDeltaBytes: summary(leak[n].heapDeltaBytes, 0) }])),
  leakArena: { bytesInUse: arenaStatsAfterLeak.bytesInUse, bytesReserved: arenaStatsAfterLeak.bytesReserved, memoryPages: arenaStatsAfterLeak.memoryPages },
  workers: Object.fromEntries(names.map((n) => [n, summary(wk[n], 0)])),
  workersPeakInUse: peak,
  gc: gcTotals,
};
result.ratios = {
  throughputVsNoPool: Number((result.throughput.arenaguard.median / result.throughput['no pool (Buffer.alloc)'].median).toFixed(3)),
  workersVsNoPool: Number((result.workers.arenaguard.median / result.workers['no pool (Buffer.alloc)'].median).toFixed(3)),
};
const file = writeResult('original', result);
if (sink === 0.5) console.error(sink);
await arena.close();

if (json) console.log(JSON.stringify(result));
else {
  console.log(`original suite — ${envInfo().node}; ${result.what}`);
  console.log(`mix: ${JSON.stringify(mix)}`);
  console.log(
    table(
      ['variant', 'throughput req/s', 'leak test req/s', 'outstanding after', 'heap Δ after GC (B)', '100 workers req/s', 'GC events', 'pauses > 5 ms', 'longest ms'],
      names.map((n) => [n, result.throughput[n].median, result.leak[n].rps.median, result.leak[n].outstandingAfter, result.leak[n].heapDeltaBytes.median, result.workers[n].median, gcTotals[n].events, gcTotals[n].pausesOver5ms, gcTotals[n].longestPauseMs.toFixed(2)]),
    ),
  );
  console.log(`claims: ${Object.values(CLAIMS).map((c) => c.text).join('; ')}`);
  console.log(`wrote ${file}`);
}
