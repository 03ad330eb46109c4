// Two (or more) scanner builds compared by the machine instructions they execute, not by time:
// valgrind (cachegrind, no cache simulation) counts every instruction of a process running a
// fixed workload, so the figure does not move with the load other processes put on a shared VM,
// where timings here swing by 2-3x within minutes. Each build runs twice, with N and 3N rounds
// of the workload; the difference divided by 2N is the cost of one round with node's start-up,
// compilation and the module's set-up cancelled out. What remains is JIT and GC noise: with
// --rounds 5000 the same build measured 41,339 and 39,981 instructions per scan (3 %); more
// rounds shrink it (list a build twice to see it). The wasm runs as TurboFan code (--no-liftoff),
// which is what a warm process runs. A dev tool for engine changes, not a suite.
//
//   cp build/arenaguard.wasm /tmp/before.wasm   # before the change
//   npm run build                               # after it
//   node bench/ab-instructions.mjs /tmp/before.wasm build/arenaguard.wasm [--text "a b c"] [--rounds N]
//
// Prints instructions per scan of the text (default: one line of ordinary form prose) for each build.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const self = fileURLToPath(import.meta.url);
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i < 0 ? fallback : process.argv[i + 1]; };

if (process.argv[2] === '--workload') {
  // Child: run `rounds` scans of `text` through the build's scanOnce (the engine alone, no host code per scan).
  const [, , , wasmFile, text, rounds, context] = process.argv;
  const { readFileSync } = await import('node:fs');
  const { createArena, createStandardPools } = await import('../dist/index.js');
  const { wasmOf } = await import('../dist/internal.js');
  const arena = await createArena({ pools: createStandardPools(), wasm: readFileSync(wasmFile), autoShrink: false });
  const ex = wasmOf(arena).exports;
  const slot = (bytes) => arena.poolFor(bytes).acquire().bytes.byteOffset;
  const st = slot(ex.scanStateBytes()), scratch = slot(ex.scanScratchBytes()), input = slot(ex.scanScratchBytes());
  const bytes = new TextEncoder().encode(text);
  new Uint8Array(ex.memory.buffer).set(bytes, input);
  let sink = 0;
  for (let i = 0, n = Number(rounds); i < n; i++) sink += ex.scanOnce(st, scratch, input, bytes.length, Number(context), 1, 0xffffffff);
  if (sink === -1) console.log('');
  process.exit(0);
}

const files = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(all[i - 1] ?? '').startsWith('--'));
if (files.length === 0) {
  console.error('usage: node bench/ab-instructions.mjs A.wasm [B.wasm ...] [--text TEXT] [--rounds N] [--context 0-6]');
  process.exit(2);
}
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('ab-instructions needs valgrind (apt-get install -y valgrind)');
  process.exit(2);
}
const text = arg('--text', 'Please call me back at 5pm, my order 1234 has not arrived yet and the tracking page shows nothing');
const rounds = Number(arg('--rounds', '20000'));
const context = arg('--context', '0');

function count(wasmFile, n) {
  const r = spawnSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null',
    process.execPath, '--no-liftoff', self, '--workload', resolve(wasmFile), text, String(n), context], { encoding: 'utf8' });
  const m = /I\s+refs:\s+([\d,]+)/.exec(r.stderr);
  if (!m) throw new Error(`no instruction count from valgrind:\n${r.stderr.slice(-2000)}`);
  return Number(m[1].replaceAll(',', ''));
}
console.log(`${text.length} characters, context ${context}; ${rounds} and ${3 * rounds} scans per build`);
for (const f of files) {
  const perScan = (count(f, 3 * rounds) - count(f, rounds)) / (2 * rounds);
  console.log(`${f.padEnd(32)} ${Math.round(perScan).toLocaleString('en-US').padStart(9)} instructions per scan`);
}
