// Exact instruction counts per wasm function of the scanner, for one workload: valgrind's
// callgrind counts every machine instruction the process runs, node's --perf-basic-prof map
// says which wasm function each code address belongs to, and the build's .wat gives the
// functions their names. No timing noise (a shared VM swings timings 2-3x), and the cost of
// each function itself, which a sampling profiler smears over inlined callers. Calls from
// wasm into the engine's native helpers (memory.fill, memory.copy) are charged to the caller
// as "(native calls)". A dev tool for engine work (needs valgrind), not a suite.
//
//   node bench/profile-wasm.mjs --text 'settings review for settings' --context 6
//   node bench/profile-wasm.mjs --json-body            # the http suite's 1 KiB JSON body, one scanJson call
//   node bench/profile-wasm.mjs --corpus --rounds 1    # bench:scan's corpus (../shared/corpus), each payload one scanOnce
//   node bench/profile-wasm.mjs --file body.txt --context 2 --rounds 5   # a file's text; past one slot, pushed in chunks
//   node bench/profile-wasm.mjs --wasm /tmp/a.wasm --wat /tmp/a.wat --rounds 5000 --top 20
//   node bench/profile-wasm.mjs --json-body --annotate scanJson --out /tmp/scanJson.txt
//
// --annotate NAME writes the machine code V8 compiled for each wasm function whose name holds
// NAME, each instruction with its count per round: where inside a function the cost sits
// (stack reloads around calls, a test that runs more often than it should).
// Prints instructions per round (one scan) for the costliest functions, and the wasm total.
// Rounds cancel node's start-up only in proportion: use enough of them (default 5000; the
// start-up's wasm share is nil, so the per-function figures are exact either way).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i < 0 ? fallback : process.argv[i + 1]; };

if (process.env.ARENAGUARD_PROFILE_CHILD === '1') {
  // The workload, run under callgrind: `rounds` scans through the module's own exports.
  const { createArena, createStandardPools } = await import('../dist/index.js');
  const { wasmOf } = await import('../dist/internal.js');
  const arena = await createArena({ pools: createStandardPools(), wasm: readFileSync(arg('--wasm')), autoShrink: false });
  const ex = wasmOf(arena).exports;
  const slot = (bytes) => arena.poolFor(bytes).acquire().bytes.byteOffset;
  const st = slot(ex.scanStateBytes()), scratch = slot(ex.scanScratchBytes()), input = slot(ex.scanScratchBytes());
  const json = process.argv.includes('--json-body');
  const rounds = Number(arg('--rounds')), context = Number(arg('--context', '0'));
  let sink = 0;
  if (process.argv.includes('--corpus')) {
    // bench:scan's corpus task: every payload once per round, each in one scanOnce (query context unless --context)
    const corpus = new URL('../../shared/corpus/', import.meta.url);
    const payloads = ['httpparams.jsonl', 'libinjection-data.jsonl', 'crs-regression.jsonl']
      .flatMap((f) => readFileSync(new URL(f, corpus), 'utf8').split('\n').filter(Boolean).map((l) => new TextEncoder().encode(JSON.parse(l).payload)))
      .filter((b) => b.length <= ex.scanChunkBytes());
    const mem = () => new Uint8Array(ex.memory.buffer);
    for (let i = 0; i < rounds; i++) for (const b of payloads) { mem().set(b, input); sink += ex.scanOnce(st, scratch, input, b.length, context, 1, 0xffffffff); }
    if (sink === -1) console.log('');
    process.exit(0);
  }
  const text = json ? (await import('./lib/requests.mjs')).jsonBody(1024, 1024) : process.argv.includes('--file') ? readFileSync(arg('--file'), 'utf8') : arg('--text');
  const bytes = new TextEncoder().encode(text);
  // (a text longer than the input slot goes through scanBegin + scanPush in chunks, as the host pushes a body)
  const pushed = bytes.length > ex.scanScratchBytes();
  if (!pushed) new Uint8Array(ex.memory.buffer).set(bytes, input);
  if (json) for (let i = 0; i < rounds; i++) sink += ex.scanJson(st, scratch, input, bytes.length, 1, 0xffffffff);
  else if (pushed) {
    const chunk = ex.scanChunkBytes();
    for (let i = 0; i < rounds; i++) {
      ex.scanBegin(st, context, 1, 0xffffffff);
      for (let at = 0; at < bytes.length; at += chunk) {
        const piece = bytes.subarray(at, at + chunk);
        new Uint8Array(ex.memory.buffer).set(piece, input);
        sink += ex.scanPush(st, scratch, input, piece.length, at + chunk >= bytes.length ? 1 : 0);
      }
    }
  } else for (let i = 0; i < rounds; i++) sink += ex.scanOnce(st, scratch, input, bytes.length, context, 1, 0xffffffff);
  if (sink === -1) console.log('');
  process.exit(0);
}

const wasm = resolve(arg('--wasm', join(root, 'build/arenaguard.wasm')));
const wat = resolve(arg('--wat', wasm.replace(/\.wasm$/, '.wat')));
const rounds = Number(arg('--rounds', '5000'));
const top = Number(arg('--top', '30'));
const annotate = arg('--annotate');
if (!process.argv.includes('--json-body') && !process.argv.includes('--corpus') && arg('--text') === undefined && arg('--file') === undefined) {
  console.error("usage: node bench/profile-wasm.mjs (--text TEXT | --file F [--context N] | --json-body | --corpus) [--wasm W] [--wat W] [--rounds N] [--top N]");
  process.exit(2);
}

// Function index -> name, in the .wat's order (the module imports no functions).
const names = [...readFileSync(wat, 'utf8').matchAll(/^ *\(func (\$\S+)/gm)].map((m) => m[1]);

const dir = mkdtempSync(join(tmpdir(), 'arenaguard-cg-'));
const out = join(dir, 'callgrind.out');
const ownFlags = ['--wasm', '--wat', '--annotate', '--out'];
const passOn = process.argv.slice(2).filter((a, i, all) => !ownFlags.includes(a) && !ownFlags.includes(all[i - 1]));
const run = spawnSync('valgrind', ['--tool=callgrind', '--dump-instr=yes', `--callgrind-out-file=${out}`,
  process.execPath, '--no-liftoff', '--perf-basic-prof', ...(annotate ? ['--print-wasm-code', '--code-comments'] : []), self, '--wasm', wasm, ...passOn, '--rounds', String(rounds)],
{ env: { ...process.env, ARENAGUARD_PROFILE_CHILD: '1' }, encoding: 'utf8', maxBuffer: 1 << 26 });
if (run.error || run.status !== 0) {
  console.error(run.error?.message ?? run.stderr.slice(-2000));
  console.error('(needs valgrind: apt-get install -y valgrind)');
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
}
const cg = readFileSync(out, 'utf8');
const pid = /^pid: (\d+)/m.exec(cg)[1];
const mapFile = `/tmp/perf-${pid}.map`;

// Code ranges from node's perf map, sorted by start address.
const ranges = readFileSync(mapFile, 'utf8').split('\n').filter(Boolean).map((line) => {
  const [a, size, ...rest] = line.split(' ');
  return { start: parseInt(a, 16), end: parseInt(a, 16) + parseInt(size, 16), name: rest.join(' ') };
}).sort((x, y) => x.start - y.start);
function wasmName(address) {
  let lo = 0, hi = ranges.length - 1, found = -1;
  while (lo <= hi) { const mid = (lo + hi) >> 1; if (ranges[mid].start <= address) { found = mid; lo = mid + 1; } else hi = mid - 1; }
  if (found < 0 || address >= ranges[found].end) return null;
  const m = /wasm-function\[(\d+)\]/.exec(ranges[found].name);
  return m ? names[Number(m[1])] ?? ranges[found].name : null;
}

// Self cost per wasm function; a call from wasm into a named native symbol adds its inclusive cost to the caller.
const cost = new Map();
const add = (name, n) => cost.set(name, (cost.get(name) ?? 0) + n);
const perAddress = new Map(); // (for --annotate)
const fnNames = new Map();
let callee = '???';
let prev = [0, 0];
let callLine = false;
let calleeKnown = false;
for (const line of cg.split('\n')) {
  const c = line[0];
  if (!c || !'0123456789+-*'.includes(c)) {
    const fn = /^c?fn=\((\d+)\)(?: (.*))?/.exec(line);
    if (fn) {
      if (fn[2]) fnNames.set(fn[1], fn[2]);
      if (line.startsWith('cfn=')) callee = fnNames.get(fn[1]) ?? '???';
    }
    callLine = line.startsWith('calls=');
    if (callLine) calleeKnown = !(callee.startsWith('???') || callee.startsWith('0x'));
    continue;
  }
  const parts = line.split(/\s+/);
  const pos = [0, 1].map((k) => {
    const p = parts[k];
    if (p.startsWith('0x')) return parseInt(p, 16);
    if (p.startsWith('+')) return prev[k] + Number(p.slice(1));
    if (p.startsWith('-')) return prev[k] - Number(p.slice(1));
    if (p === '*') return prev[k];
    return Number(p);
  });
  prev = pos;
  const n = Number(parts[2] ?? 0);
  if (callLine) {
    callLine = false;
    if (calleeKnown) { const name = wasmName(pos[0]); if (name) add(`${name} (native calls)`, n); }
    continue;
  }
  const name = wasmName(pos[0]);
  if (name) {
    add(name, n);
    if (annotate) perAddress.set(pos[0], (perAddress.get(pos[0]) ?? 0) + n);
  }
}
if (annotate) {
  // --print-wasm-code's listing: "index: N" opens function N, then one line per instruction, address first.
  const out = [];
  let inWanted = false;
  for (const line of run.stdout.split('\n')) {
    const fn = /^index: (\d+)/.exec(line);
    if (fn) { inWanted = (names[Number(fn[1])] ?? '').includes(annotate); if (inWanted) out.push(`==== ${names[Number(fn[1])]}`); continue; }
    if (!inWanted) continue;
    const at = /^(0x[0-9a-f]+)\s/.exec(line);
    if (at) out.push(`${((perAddress.get(parseInt(at[1], 16)) ?? 0) / rounds).toFixed(1).padStart(8)} ${line}`);
    else if (/^\s*(--|;;)/.test(line)) out.push(`         ${line}`); // V8's code comments
  }
  const file = arg('--out', join(tmpdir(), 'arenaguard-annotate.txt'));
  writeFileSync(file, out.join('\n'));
  console.log(`annotated ${out.filter((l) => l.startsWith('====')).length} function(s) matching "${annotate}": ${file}`);
}
rmSync(dir, { recursive: true, force: true });
rmSync(mapFile, { force: true });

// (the arena's functions run at start-up, not per round: left out)
const scanner = [...cost].sort((a, b) => b[1] - a[1]).filter(([name]) => !name.includes('/arena/'));
for (const [name, n] of scanner.slice(0, top)) console.log(`${(n / rounds).toFixed(1).padStart(10)} ${name}`);
console.log(`${(scanner.reduce((s, [, n]) => s + n, 0) / rounds).toFixed(1).padStart(10)} wasm total per round (scanner functions)`);
