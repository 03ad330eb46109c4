// Two (or more) builds of the middleware's streaming body scanner side by side in one process:
// µs per 1 KiB JSON body (the http suite's body, bench/lib/requests.mjs) and per 1 KiB of
// numbers / of short strings, each with a no-op detector (the JS tokenizer alone) and with the
// build's real detector. Interleaved rounds, the fastest round of each. A dev tool, not a suite.
//
//   cp -r dist /tmp/dist-before   # before the change
//   npm run build                 # after it
//   node bench/ab-body-scan.mjs /tmp/dist-before ./dist
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { jsonBody } from './lib/requests.mjs';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: node bench/ab-body-scan.mjs DIST_A [DIST_B ...]');
  process.exit(2);
}
const enc = new TextEncoder();
const bodies = {
  'bench JSON': enc.encode(jsonBody(1024, 1024)),
  numbers: enc.encode(JSON.stringify(Array.from({ length: 250 }, (_, i) => i * 7))),
  'short strings': enc.encode(JSON.stringify(Array.from({ length: 60 }, (_, i) => `value ${i} x`))),
};
const CLEAN = { blocked: false, score: 0, threats: [] };
const noop = { scanField: () => null, scan: () => CLEAN, createStream: () => ({ push() {}, finish: () => CLEAN }) };
const builds = [];
for (const dir of dirs) {
  const base = pathToFileURL(resolve(dir)).href;
  const { createBodyScanner } = await import(`${base}/middleware/body-scan.js`);
  const { createDetector } = await import(`${base}/index.js`);
  builds.push({ dir, createBodyScanner, detectors: { 'no-op': noop, real: await createDetector() } });
}
const N = 2000;
const best = new Map();
let sink = 0;
for (let round = 0; round < 7; round++) {
  for (const b of builds) {
    for (const [dname, detector] of Object.entries(b.detectors)) {
      for (const [bname, body] of Object.entries(bodies)) {
        const t0 = performance.now();
        for (let i = 0; i < N; i++) {
          const scanner = b.createBodyScanner(detector, 'application/json');
          scanner.push(body);
          sink += scanner.finish().score;
        }
        const us = ((performance.now() - t0) / N) * 1000;
        const key = `${b.dir}\t${dname}\t${bname}`;
        best.set(key, Math.min(best.get(key) ?? Infinity, us));
      }
    }
  }
}
for (const [key, us] of best) {
  const [dir, dname, bname] = key.split('\t');
  console.log(`${dir.padEnd(24)} ${dname.padEnd(6)} ${bname.padEnd(14)} ${us.toFixed(2).padStart(7)} µs (fastest of 7 rounds)`);
}
if (sink < 0) console.log(sink);
