// The pool op and its floor (bench/pool.mjs's op: acquire a 1 KiB slot, copy 200 B in, read one
// byte, release; the floor: the copy + wasm memory.fill of 1 KiB) counted in machine instructions
// instead of time: valgrind (callgrind) counts every instruction of a process, so the figure does
// not move with a shared VM's load, where the pool's timings swing 2x within minutes. Each
// contender runs twice, with 0 and N measured ops after the same warm-up; the difference over N is
// one op's cost. --no-concurrent-recompilation makes TurboFan compile on the main thread, as it
// does not get the chance to under valgrind otherwise (the loop would stay in baseline code).
// Per symbol (JIT code named through --perf-basic-prof's map): where an op's instructions go.
// Instructions are not time (a memcpy's are cheap), but a change to src/pool.ts or src/lease.ts
// that adds or removes work shows here exactly. A dev tool, not a suite.
//
//   node bench/pool-instructions.mjs [--ops N] [--dist DIR] [--top K]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i < 0 ? fallback : process.argv[i + 1]; };

if (process.argv[2] === '--workload') {
  // Child: warm up (TurboFan), promote the pool's objects to the old generation as any long-running
  // process has them (young lease objects would send every store into an old array down the write
  // barrier's slow path), then run `ops` measured ops of one contender.
  const [, , , contender, ops, dist] = process.argv;
  const { createArena, createStandardPools } = await import(`${pathToFileURL(dist).href}/index.js`);
  const { wasmOf } = await import(`${pathToFileURL(dist).href}/internal.js`);
  const arena = await createArena({ pools: createStandardPools(), zeroOnRelease: 'full', autoShrink: false, maxBytes: 64 << 20 });
  const pool = arena.poolFor(1024);
  const { exports } = wasmOf(arena);
  const payload = new Uint8Array(200).map((_, i) => (i * 31 + 7) & 0xff);
  const fixed = pool.acquire().bytes;
  const runs = {
    arenaguard(n) { let s = 0; for (let i = 0; i < n; i++) { const l = pool.acquire(); const b = l.bytes; b.set(payload); s ^= b[199]; l.release(); } return s; },
    floor(n) { let s = 0; for (let i = 0; i < n; i++) { fixed.set(payload); s ^= fixed[199]; exports.zeroFill(fixed.byteOffset, 1024); } return s; },
  };
  const run = runs[contender];
  let sink = 0;
  for (let i = 0; i < 200; i++) sink ^= run(1000);
  let junk = null;
  for (let i = 0; i < 3_000_000; i++) junk = { i, next: i % 1000 ? null : junk };
  for (let i = 0; i < 20; i++) sink ^= run(1000);
  sink ^= run(Number(ops));
  if (sink === 0.5 || junk === 0.5) console.log('');
  process.exit(0);
}

/** Callgrind's per-function counts of one run, JIT code named through the perf map. */
function profile(contender, ops, dist) {
  const out = join(tmpdir(), `pool-instr-${process.pid}-${contender}-${ops}.out`);
  const r = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`,
    process.execPath, '--no-concurrent-recompilation', '--perf-basic-prof', self, '--workload', contender, String(ops), dist], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`valgrind failed (is it installed?): ${r.stderr.slice(-500)}`);
  const text = readFileSync(out, 'utf8');
  const pid = text.match(/^pid: (\d+)/m)[1];
  const mapFile = `/tmp/perf-${pid}.map`;
  const map = existsSync(mapFile) ? readFileSync(mapFile, 'utf8').split('\n').filter(Boolean).map((l) => {
    const [a, s, ...n] = l.split(' ');
    return [parseInt(a, 16), parseInt(s, 16), n.join(' ')];
  }).sort((x, y) => x[0] - y[0]) : [];
  const annotated = spawnSync('callgrind_annotate', ['--threshold=100', out], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
  rmSync(out, { force: true });
  rmSync(mapFile, { force: true });
  const perSymbol = new Map();
  for (const line of annotated.split('\n')) {
    const m = line.match(/^\s*([\d,]+) \([^)]*\)\s+(.*)$/);
    if (!m || m[2].startsWith('PROGRAM')) continue;
    let name = m[2];
    const at = name.match(/^\?\?\?:0x([0-9a-f]+)/);
    if (at) {
      // the JIT code's name from the perf map (a binary search for the range holding the address)
      const address = parseInt(at[1], 16);
      let lo = 0, hi = map.length - 1, hit = null;
      while (lo <= hi) { const mid = (lo + hi) >> 1; if (map[mid][0] <= address) { hit = map[mid]; lo = mid + 1; } else hi = mid - 1; }
      name = hit && address < hit[0] + hit[1] ? hit[2] : 'wasm or other unnamed code';
    }
    name = name.replace(/ \[[^\]]*\]$/, '').replace(/^\?\?\?:/, '');
    perSymbol.set(name, (perSymbol.get(name) ?? 0) + Number(m[1].replace(/,/g, '')));
  }
  return perSymbol;
}

const ops = Number(arg('--ops', '1000000'));
const dist = resolve(arg('--dist', 'dist'));
const top = Number(arg('--top', '8'));
const totals = {};
for (const contender of ['arenaguard', 'floor']) {
  const base = profile(contender, 0, dist);
  const measured = profile(contender, ops, dist);
  const perOp = [...measured].map(([name, n]) => [name, (n - (base.get(name) ?? 0)) / ops]).filter(([, n]) => n > 0.5).sort((a, b) => b[1] - a[1]);
  totals[contender] = perOp.reduce((sum, [, n]) => sum + n, 0);
  console.log(`${contender}: ${totals[contender].toFixed(0)} instructions per op`);
  for (const [name, n] of perOp.slice(0, top)) console.log(`  ${n.toFixed(1).padStart(7)}  ${name.slice(0, 100)}`);
}
console.log(`arenaguard / floor: ${(totals.arenaguard / totals.floor).toFixed(2)} in instructions`);
