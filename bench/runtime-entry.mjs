// Entry for the runtimes suite under Node and Deno: runs bench/lib/runtime-suite.mjs
// and prints one JSON line. (Chromium runs the same module from bench/browser/.)
//   node bench/runtime-entry.mjs
//   node_modules/.bin/deno run -A bench/runtime-entry.mjs
import { Buffer } from 'node:buffer';
import { runPoolSuite, runScanSuite } from './lib/runtime-suite.mjs';

const env = globalThis.Deno ? { runtime: 'deno', version: globalThis.Deno.version.deno, v8: globalThis.Deno.version.v8 } : { runtime: 'node', version: process.version, v8: process.versions.v8 };
const quick = (globalThis.Deno ? globalThis.Deno.env.get('BENCH_QUICK') : process.env.BENCH_QUICK) === '1';
const opts = quick ? { rounds: 2, timeMs: 40, warmupMs: 15 } : {};
const pool = await runPoolSuite({ BufferImpl: Buffer, ...opts });
const scan = await runScanSuite(opts);
console.log(JSON.stringify({ env, pool, scan }));
