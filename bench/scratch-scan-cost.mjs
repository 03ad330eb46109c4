// Scratch: per-value host cost of detector.scan over the corpus payloads (ns per scan), for profiling.
//   node bench/scratch-scan-cost.mjs [distDir]
import { readFileSync } from 'node:fs';
const dist = process.argv[2] ?? new URL('../dist/', import.meta.url).pathname;
const { createDetector } = await import(dist + '/index.js');
const files = ['httpparams.jsonl', 'libinjection-data.jsonl', 'crs-regression.jsonl'];
const payloads = files.flatMap((f) => readFileSync(new URL('../../shared/corpus/' + f, import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).payload));
const d = await createDetector();
let s = 0;
const once = () => { for (const p of payloads) s += d.scan(p).score; };
for (let i = 0; i < 5; i++) once();
const times = [];
for (let r = 0; r < 7; r++) { const t0 = performance.now(); once(); once(); times.push((performance.now() - t0) * 1e6 / (2 * payloads.length)); }
times.sort((a, b) => a - b);
console.log('corpus scan median', times[3].toFixed(0), 'ns/payload', s > 0);
