// npm run bench: every suite in turn (each in its own process), then BENCHMARKS.md.
// Budget: the whole run stays under 10 minutes on 2 cores; each suite has a hard
// time limit so a hung suite cannot eat the others' time.
//
//   npm run bench                 # all suites
//   npm run bench -- pool http    # only these suites (the report is still regenerated from every result file)
//   BENCH_QUICK=1 npm run bench   # shortened (development only; the report marks it)
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, writeResult } from '../bench/lib/node.mjs';

const SUITES = {
  pool: { args: ['bench/pool.mjs', '--full'], limitS: 150 },
  scan: { args: ['bench/scan-suite.mjs'], limitS: 150 },
  http: { args: ['bench/http.mjs'], limitS: 150 },
  original: { args: ['bench/original.mjs'], limitS: 130 },
  runtimes: { args: ['bench/runtimes.mjs'], limitS: 180 },
};
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const run = wanted.length ? wanted : Object.keys(SUITES);
for (const w of run) if (!SUITES[w]) throw new Error(`unknown suite ${w}; known: ${Object.keys(SUITES).join(', ')}`);

function runOne(name, { args, limitS }) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    const timer = setTimeout(() => {
      console.error(`[bench] ${name}: over its ${limitS} s limit, stopping it`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, limitS * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ name, code, signal, seconds: Math.round((Date.now() - t0) / 100) / 10 });
    });
  });
}

const started = Date.now();
const outcomes = [];
for (const name of run) {
  console.log(`\n[bench] ${name} …`);
  const o = await runOne(name, SUITES[name]);
  outcomes.push(o);
  console.log(`[bench] ${name}: ${o.code === 0 ? 'ok' : `FAILED (exit ${o.code ?? o.signal})`} in ${o.seconds} s`);
}
const total0 = Math.round((Date.now() - started) / 1000);
if (wanted.length === 0) writeResult('run', { command: 'npm run bench', suites: outcomes.map((o) => ({ name: o.name, seconds: o.seconds, ok: o.code === 0 })), suitesSeconds: total0 });
const report = await runOne('report', { args: [join('scripts', 'bench-report.mjs')], limitS: 60 });
const total = Math.round((Date.now() - started) / 1000);
console.log(`\n[bench] ${outcomes.map((o) => `${o.name} ${o.seconds} s${o.code === 0 ? '' : ' FAILED'}`).join(', ')}; total ${total} s`);
process.exit(outcomes.some((o) => o.code !== 0) || report.code !== 0 ? 1 : 0);
