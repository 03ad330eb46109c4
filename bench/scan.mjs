// Scanner benchmark: corpus payloads/s, MB/s on 64 KiB bodies (benign, attack, adversarial)
// and the regex baseline, in one Node process, per CPU-second. Figures, not assertions.
//
//   npm run bench:scan [-- --json]
import { readFileSync, existsSync } from 'node:fs';
import { createDetector } from '../dist/index.js';
import { regexScanQuery, regexScanBody } from './regex-baseline.mjs';
import { ADVERSARIAL_PIECES } from './lib/requests.mjs';

const json = process.argv.includes('--json');
const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = QUICK ? 3 : 7;
const log = (...a) => { if (!json) console.error(...a); };

const corpusDir = new URL('../../shared/corpus/', import.meta.url);
const files = ['httpparams.jsonl', 'libinjection-data.jsonl', 'crs-regression.jsonl'];
if (!files.every((f) => existsSync(new URL(f, corpusDir)))) {
  console.error('bench:scan needs ../shared/corpus/*.jsonl');
  process.exit(2);
}
const rows = files.flatMap((f) => readFileSync(new URL(f, corpusDir), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
const payloads = rows.map((r) => r.payload);
const enc = new TextEncoder();
const payloadBytes = payloads.reduce((n, p) => n + enc.encode(p).length, 0);

const KIB64 = 64 * 1024;
/** Repeat `parts` (joined by `sep`) until exactly 64 KiB of UTF-8. */
function body64k(parts, sep) {
  let text = '';
  for (let i = 0; enc.encode(text).length < KIB64; i = (i + 1) % parts.length) text += parts[i] + sep;
  const bytes = enc.encode(text).subarray(0, KIB64);
  return { bytes, text: new TextDecoder().decode(bytes) };
}
const benignParts = rows.filter((r) => r.label === 'benign').map((r) => r.payload);
const attackParts = rows.filter((r) => r.label !== 'benign').map((r) => r.payload);
const benign = body64k(benignParts, ' ');
const attack = body64k(attackParts, '\n');
const adversarial = Object.fromEntries(Object.entries(ADVERSARIAL_PIECES).map(([name, piece]) => [name, body64k([piece], '')]));

const detector = await createDetector();

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }
// Time is this process's CPU time (user + system), not wall time: on a shared machine other
// processes would otherwise decide the figures. Tasks are measured round-robin, so each round
// of every task sees the same conditions; each figure is the median over the rounds.
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const tasks = [];
/** Register `fn`, which processes `units` per call; its rate (units/s) is filled in by runAll(). */
function task(name, fn, units) { const t = { name, fn, units, rates: [] }; tasks.push(t); return t; }
function runAll(minMs = QUICK ? 150 : 400) {
  for (const t of tasks) t.fn(); // warm up
  for (let r = 0; r < ROUNDS; r++) {
    for (const t of tasks) {
      let n = 0;
      const t0 = cpuMs();
      let dt = 0;
      do { t.fn(); n++; dt = cpuMs() - t0; } while (dt < minMs);
      t.rates.push((n * t.units) / (dt / 1000));
    }
    log(`round ${r + 1}/${ROUNDS}`);
  }
  for (const t of tasks) t.rate = median(t.rates);
}

let sink = 0;
log(`corpus: ${payloads.length} payloads, ${(payloadBytes / 1e6).toFixed(2)} MB`);
const corpusTask = task('corpus', () => { for (let i = 0; i < payloads.length; i++) sink += detector.scan(payloads[i], { context: 'query' }).score; }, payloads.length);
const bodyTask = (name, bytes) => task(name, () => { sink += detector.scan(bytes, { context: 'body' }).score; }, bytes.length);
const benignTask = bodyTask('benign64k', benign.bytes);
const attackTask = bodyTask('attack64k', attack.bytes);
const advTasks = Object.entries(adversarial).map(([name, b]) => bodyTask(`adversarial:${name}`, b.bytes));
const regexSample = payloads.filter((_, i) => i % 5 === 0); // the regexes are slow: a fifth of the corpus per call
const regexTask = task('regex corpus', () => { for (const p of regexSample) sink += regexScanQuery(p) ? 1 : 0; }, regexSample.length);
const regexBodyTask = task('regex benign64k', () => { sink += regexScanBody(benign.text) ? 1 : 0; }, KIB64);
runAll();
const corpusPps = corpusTask.rate;
const benignMb = benignTask.rate / 1e6;
const attackMb = attackTask.rate / 1e6;
for (const t of advTasks) log(`  ${t.name}: ${(t.rate / 1e6).toFixed(1)} MB/s`);
const worst = advTasks.reduce((a, b) => (b.rate < a.rate ? b : a));
const worstName = worst.name.slice('adversarial:'.length);
const worstMb = worst.rate / 1e6;
const regexPps = regexTask.rate;
const regexBenignMb = regexBodyTask.rate / 1e6;
log(`corpus ${Math.round(corpusPps)} payloads/s; benign64k ${benignMb.toFixed(1)} MB/s, attack64k ${attackMb.toFixed(1)} MB/s`);
log(`regex baseline: ${Math.round(regexPps)} payloads/s, benign64k ${regexBenignMb.toFixed(2)} MB/s`);

const round = (x, d = 1) => Number(x.toFixed(d));
const result = {
  corpus: { payloads: payloads.length, payloadsPerSec: Math.round(corpusPps), mbPerSec: round((corpusPps * payloadBytes) / payloads.length / 1e6) },
  bodies: { benign64k: { mbPerSec: round(benignMb) }, attack64k: { mbPerSec: round(attackMb) }, adversarial64k: { mbPerSec: round(worstMb), input: worstName } },
  baseline: { regex: { payloadsPerSec: Math.round(regexPps), benign64kMbPerSec: round(regexBenignMb, 2) } },
};
await detector.close();
if (sink === -1) console.error('unreachable');
if (json) console.log(JSON.stringify(result));
else {
  console.log(JSON.stringify(result, null, 2));
  console.log(`speedup vs regex: ${(corpusPps / regexPps).toFixed(1)}x payloads/s, ${(benignMb / regexBenignMb).toFixed(1)}x benign MB/s; adversarial/benign ${(worstMb / benignMb).toFixed(2)}`);
}
