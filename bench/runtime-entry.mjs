// Entry for the runtimes suite under Node and Deno: runs bench/lib/runtime-suite.mjs
// and prints one JSON line. (Chromium runs the same module from bench/browser/.)
//   node bench/runtime-entry.mjs
//   node_modules/.bin/deno run -A bench/runtime-entry.mjs
import { Buffer } from 'node:buffer';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPoolSuite, runScanSuite } from './lib/runtime-suite.mjs';

const isDeno = typeof globalThis.Deno !== 'undefined';
const getEnv = (k) => (isDeno ? globalThis.Deno.env.get(k) : process.env[k]);
const env = isDeno ? { runtime: 'deno', version: globalThis.Deno.version.deno, v8: globalThis.Deno.version.v8 } : { runtime: 'node', version: process.version, v8: process.versions.v8 };
const quick = getEnv('BENCH_QUICK') === '1';
const opts = quick ? { rounds: 2, timeMs: 40, warmupMs: 15, worstRounds: 1 } : {};

const dir = getEnv('ARENAGUARD_CORPUS') ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');
const payloads = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).payload));

const pool = await runPoolSuite({ BufferImpl: Buffer, ...opts });
const scan = await runScanSuite({ payloads, ...opts });
console.log(JSON.stringify({ env, pool, scan }));
