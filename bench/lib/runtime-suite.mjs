// The part of the pool and scan suites that runs unchanged in Node, Deno and
// Chromium (bench/runtimes.mjs drives all three). No Node APIs here: timing is
// performance.now() (see harness.mjs), Buffer is passed in where the runtime has it.
import { measure } from './harness.mjs';
import { makePoolContenders, SIZES, ORDER, BATCH } from './pool-core.mjs';

export async function runPoolSuite({ BufferImpl, rounds = 3, timeMs = 100, warmupMs = 40, batchScale = 1, onProgress } = {}) {
  const sizes = {};
  for (const size of SIZES) {
    const c = await makePoolContenders(size, { BufferImpl, batch: BATCH[size] * batchScale });
    const names = ORDER.filter((n) => n in c.batches);
    sizes[size] = measure(Object.fromEntries(names.map((n) => [n, c.batches[n]])), { batch: c.batch, rounds, timeMs, warmupMs });
    await c.close();
    onProgress?.(`pool ${size} done`);
  }
  return { rounds, timeMs, warmupMs, batchScale, sizes };
}

/** Scan suite part that runs everywhere; null when this build has no createDetector. */
export async function runScanSuite(_opts = {}) {
  return null;
}
