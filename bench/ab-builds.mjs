// Two (or more) builds of dist/ side by side in one process, timed on process CPU time in
// interleaved rounds: how a change moved the host and engine together. A dev tool, not a suite.
//
//   cp -r dist /tmp/dist-before   # before the change
//   npm run build                 # after it
//   node bench/ab-builds.mjs /tmp/dist-before ./dist
//
// Prints, per build: corpus payloads/s through detector.scan (query context), µs per
// analyzeRequest of a 1 KiB JSON POST, and MB/s of detector.scan on a 64 KiB JSON body.
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { jsonBody } from './lib/requests.mjs';

const dists = process.argv.slice(2);
if (dists.length === 0) { console.error('usage: node bench/ab-builds.mjs DIST [DIST ...]'); process.exit(2); }
const corpusDir = new URL('../../shared/corpus/', import.meta.url);
const files = ['httpparams.jsonl', 'libinjection-data.jsonl', 'crs-regression.jsonl'].map((f) => new URL(f, corpusDir));
const payloads = files.every((f) => existsSync(f))
  ? files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).payload))
  : null;
const body1k = Buffer.from(jsonBody(1024, 1024));
const body64k = new TextEncoder().encode(jsonBody(65536, 65536));
const request = { method: 'POST', url: '/orders?page=2', headers: { 'content-type': 'application/json', 'user-agent': 'ab-builds' }, body: body1k };
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const subjects = [];
for (const dist of dists) {
  const mod = await import(pathToFileURL(resolve(dist, 'index.js')).href);
  subjects.push({ dist, detector: await mod.createDetector(), corpus: [], request: [], json: [] });
}
const ROUNDS = Number(process.env.ROUNDS ?? 5);
for (let r = 0; r < ROUNDS; r++) {
  for (const s of subjects) {
    if (payloads) {
      let n = 0; const t0 = cpuMs();
      do { for (const p of payloads) s.detector.scan(p, { context: 'query' }); n += payloads.length; } while (cpuMs() - t0 < 400);
      s.corpus.push(n / ((cpuMs() - t0) / 1000));
    }
    let n = 0; let t0 = cpuMs();
    do { for (let i = 0; i < 20; i++) await s.detector.analyzeRequest(request); n += 20; } while (cpuMs() - t0 < 400);
    s.request.push(((cpuMs() - t0) * 1000) / n);
    n = 0; t0 = cpuMs();
    do { s.detector.scan(body64k, { context: 'body' }); n++; } while (cpuMs() - t0 < 400);
    s.json.push((n * body64k.length) / ((cpuMs() - t0) / 1000) / 1e6);
  }
}
for (const s of subjects) {
  const corpus = payloads ? `${Math.round(median(s.corpus))} corpus payloads/s` : 'corpus: no ../shared/corpus';
  console.log(`${s.dist}: ${corpus}, analyzeRequest 1 KiB JSON ${median(s.request).toFixed(1)} µs, 64 KiB JSON ${median(s.json).toFixed(1)} MB/s (median of ${ROUNDS})`);
  await s.detector.close();
}
