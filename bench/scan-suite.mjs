// scan suite (Node): arenaguard's detector against the original-style regex
// baseline — payloads/s on the whole corpus, MB/s on 1/8/64 KiB benign and
// attack bodies, and the time to scan the original's worst case. The same code
// (bench/lib/runtime-suite.mjs) runs under Deno and Chromium in the runtimes suite.
// Writes bench/results/scan.json; `npm run bench:scan` (the scanner's own bench) is separate.
//
//   node bench/scan-suite.mjs [--json]
import { runScanSuite } from './lib/runtime-suite.mjs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, loadCorpus, writeResult, envInfo, table, QUICK } from './lib/node.mjs';

const json = process.argv.includes('--json');
const rows = loadCorpus();
const opts = QUICK ? { rounds: 2, timeMs: 40, warmupMs: 15, worstRounds: 1 } : { rounds: 5, timeMs: 120, warmupMs: 40, worstRounds: 3 };
const r = await runScanSuite({ payloads: rows.map((x) => x.payload), ...opts });
if (r === null) {
  console.error('scan suite: this build has no createDetector; nothing measured');
  process.exit(1);
}
// The scanner's own bench (bench/scan.mjs, `npm run bench:scan -- --json`, issue 3's contract), run as it is
// and kept next to ours, when this checkout has it.
async function scannerBench() {
  const script = join(ROOT, 'bench', 'scan.mjs');
  if (!existsSync(script)) return { available: false };
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile(process.execPath, [script, '--json'], { cwd: ROOT, timeout: 150_000, maxBuffer: 16 << 20, env: process.env }, (err, stdout) => {
      const line = String(stdout).trim().split('\n').filter((l) => l.startsWith('{')).pop();
      try {
        resolve({ available: true, command: 'node bench/scan.mjs --json', result: JSON.parse(line) });
      } catch {
        resolve({ available: true, command: 'node bench/scan.mjs --json', error: String(err?.message ?? 'no JSON line on stdout').slice(0, 500) });
      }
    });
  });
}
const own = process.argv.includes('--no-scanner-bench') ? { available: false } : await scannerBench();
const labels = {};
for (const x of rows) labels[x.label] = (labels[x.label] ?? 0) + 1;
const file = writeResult('scan', { command: 'node bench/scan-suite.mjs', ...r, corpusLabels: labels, scannerBench: own });
if (json) console.log(JSON.stringify(r));
else {
  console.log(`scan suite — ${envInfo().node}; median of ${r.rounds} rounds`);
  const c = r.corpus;
  console.log(`corpus: ${c.payloads} payloads; arenaguard ${c.payloadsPerSec.arenaguard.median}/s, regex ${c.payloadsPerSec.regex.median}/s (×${(c.payloadsPerSec.arenaguard.median / c.payloadsPerSec.regex.median).toFixed(1)}); flagged: ${JSON.stringify(c.flagged)}`);
  console.log(table(['body', 'arenaguard MB/s', 'regex MB/s', '×', 'blocked (ag / regex)'], Object.entries(r.bodies).map(([k, b]) => [k, b.mbPerSec.arenaguard.median, b.mbPerSec.regex.median, (b.mbPerSec.arenaguard.median / b.mbPerSec.regex.median).toFixed(1), `${b.blocked.arenaguard} / ${b.blocked.regex}`])));
  console.log(table(['worst case', 'arenaguard ms', 'regex ms'], Object.entries(r.worstCase).map(([k, w]) => [`${k / 1024} KiB`, w.arenaguard.median, w.regex.median])));
  console.log(`wrote ${file}`);
}
