// Node-only helpers for the bench suites: environment record, GC events from
// perf_hooks, heap bytes per op, result files.
import { PerformanceObserver, constants } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS = join(ROOT, 'bench', 'results');
/** BENCH_QUICK=1 shrinks every suite (development on a shared machine); never used for committed results. */
export const QUICK = process.env.BENCH_QUICK === '1';

function version(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000 }).trim().split('\n')[0];
  } catch {
    return null;
  }
}

let envCache;
export function envInfo() {
  if (envCache) return envCache;
  const c = cpus();
  envCache = {
    date: new Date().toISOString(),
    node: process.version,
    v8: process.versions.v8,
    deno: version(join(ROOT, 'node_modules/.bin/deno'), ['--version']),
    chromium: version('/usr/bin/chromium', ['--version']),
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    quick: QUICK,
  };
  return envCache;
}

export function writeResult(suite, data) {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${suite}.json`);
  writeFileSync(file, JSON.stringify({ suite, env: envInfo(), ...data }, null, 2) + '\n');
  return file;
}

export function readResult(suite) {
  const file = join(RESULTS, `${suite}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Watch real GC events (perf_hooks 'gc' entries). start() → stop() resolves to
 * counts: scavenges, markCompacts, incremental, weakcb, longest pause, pauses > 5 ms.
 */
export function watchGc() {
  const counts = { scavenges: 0, markCompacts: 0, incremental: 0, weakcb: 0, events: 0, longestPauseMs: 0, totalPauseMs: 0, pausesOver5ms: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = entry.detail?.kind ?? entry.kind;
      counts.events++;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) counts.scavenges++;
      else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) counts.markCompacts++;
      else if (kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL) counts.incremental++;
      else if (kind === constants.NODE_PERFORMANCE_GC_WEAKCB) counts.weakcb++;
      counts.longestPauseMs = Math.max(counts.longestPauseMs, entry.duration);
      counts.totalPauseMs += entry.duration;
      if (entry.duration > 5) counts.pausesOver5ms++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return async function stop() {
    await sleep(100); // GC entries are delivered asynchronously
    observer.disconnect();
    counts.longestPauseMs = Number(counts.longestPauseMs.toFixed(3));
    counts.totalPauseMs = Number(counts.totalPauseMs.toFixed(3));
    return counts;
  };
}

let gcFn = typeof globalThis.gc === 'function' ? globalThis.gc : null;
/** A full GC; works without --expose-gc (the flag is set at run time, gc taken from a fresh context). */
export function forceGc() {
  if (!gcFn) {
    v8.setFlagsFromString('--expose-gc');
    gcFn = vm.runInNewContext('gc');
  }
  gcFn();
  gcFn();
}

/**
 * GC events over `ops` ops of a batch function (after a forced full GC and a
 * warm-up), plus the same counts scaled to 1,000,000 ops.
 */
export async function gcOver(fn, batch, ops) {
  for (let i = 0; i < 20; i++) fn();
  forceGc();
  await sleep(20);
  const stop = watchGc();
  const t0 = performance.now();
  const n = Math.ceil(ops / batch);
  for (let i = 0; i < n; i++) fn();
  const ms = performance.now() - t0;
  const c = await stop();
  const done = n * batch;
  const scale = 1e6 / done;
  return {
    ops: done,
    ms: Number(ms.toFixed(1)),
    scavenges: c.scavenges,
    markCompacts: c.markCompacts,
    incremental: c.incremental,
    longestPauseMs: c.longestPauseMs,
    pausesOver5ms: c.pausesOver5ms,
    per1M: { scavenges: Number((c.scavenges * scale).toFixed(1)), markCompacts: Number((c.markCompacts * scale).toFixed(1)) },
  };
}

/**
 * Heap bytes allocated per op: process.memoryUsage() around single batches; a
 * batch during which a GC ran (some figure went down) is discarded; the median
 * over clean batches, minus the same for an empty batch (the probe's own cost).
 * heap = V8 heap (objects, views); external = ArrayBuffer backing stores.
 */
export function heapPerOp(fn, batch, samples = 41) {
  const probe = (f) => {
    const heap = [];
    const ext = [];
    for (let i = 0; i < samples * 4 && heap.length < samples; i++) {
      const a = process.memoryUsage();
      f();
      const b = process.memoryUsage();
      const dh = b.heapUsed - a.heapUsed;
      const de = b.arrayBuffers - a.arrayBuffers;
      if (dh >= 0 && de >= 0) {
        heap.push(dh);
        ext.push(de);
      }
    }
    const med = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1] ?? NaN;
    return { heap: med(heap), ext: med(ext), clean: heap.length };
  };
  for (let i = 0; i < 10; i++) fn();
  const empty = probe(() => {});
  const full = probe(fn);
  return {
    heapBytesPerOp: Number((Math.max(0, full.heap - empty.heap) / batch).toFixed(2)),
    externalBytesPerOp: Number((Math.max(0, full.ext - empty.ext) / batch).toFixed(2)),
    cleanSamples: full.clean,
  };
}

/** Rows of a markdown/console table. */
export function table(header, rows) {
  const w = header.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(w[i])).join('  ');
  return [line(header), line(w.map((x) => '-'.repeat(x))), ...rows.map(line)].join('\n');
}

/** Every corpus row ({ payload, label, file }) from ../shared/corpus/*.jsonl. */
export function loadCorpus() {
  const dir = process.env.ARENAGUARD_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
  const rows = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { payload, label } = JSON.parse(line);
      rows.push({ payload, label, file: f });
    }
  }
  if (rows.length === 0) throw new Error(`no corpus rows in ${dir}`);
  return rows;
}
