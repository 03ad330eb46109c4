// Two (or more) scanner builds side by side in one process, in pure wasm: scanOnce over the
// same texts (corpus-benign prose, README prose, 'a b ' — every word an HTML tag —, plain
// English), interleaved rounds, the fastest batch of each (on a shared VM, noise only ever makes a
// batch slower). For engine changes in assembly/scanner; host costs are ab-builds.mjs's job.
// A dev tool, not a suite.
//
//   cp build/arenaguard.wasm /tmp/before.wasm   # before the change
//   npm run build                               # after it
//   node bench/ab-wasm.mjs /tmp/before.wasm build/arenaguard.wasm
import { readFileSync, existsSync } from 'node:fs';
import { createArena, createStandardPools } from '../dist/index.js';
import { wasmOf } from '../dist/internal.js';

const wasmFiles = process.argv.slice(2);
if (wasmFiles.length === 0) {
  console.error('usage: node bench/ab-wasm.mjs A.wasm [B.wasm ...]');
  process.exit(2);
}
const enc = new TextEncoder();
const SIZE = 3000; // below one chunk: one scanOnce call, no host chunking
const corpusFile = new URL('../../shared/corpus/httpparams.jsonl', import.meta.url);
let benign = '';
if (existsSync(corpusFile)) {
  for (const line of readFileSync(corpusFile, 'utf8').split('\n')) {
    if (benign.length >= SIZE) break;
    if (line && JSON.parse(line).label === 'benign') benign += JSON.parse(line).payload + ' ';
  }
}
const texts = {
  ...(benign ? { 'corpus benign': benign.slice(0, SIZE) } : {}),
  'README prose': readFileSync(new URL('../README.md', import.meta.url), 'utf8').slice(0, SIZE),
  "'a b ' (tags)": 'a b '.repeat(SIZE / 4),
  english: 'the quick brown fox jumps over the lazy dog and then some '.repeat(60).slice(0, SIZE),
};
const builds = [];
for (const file of wasmFiles) {
  const arena = await createArena({ pools: createStandardPools(), wasm: readFileSync(file), autoShrink: false });
  const ex = wasmOf(arena).exports;
  const slot = (bytes) => arena.poolFor(bytes).acquire().bytes.byteOffset;
  builds.push({ file, ex, st: slot(ex.scanStateBytes()), scratch: slot(ex.scanScratchBytes()), input: slot(ex.scanScratchBytes()) });
}
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const BATCH = 50;
const best = new Map();
for (let round = 0; round < ROUNDS; round++) {
  for (const b of builds) {
    for (const [name, text] of Object.entries(texts)) {
      const bytes = enc.encode(text);
      new Uint8Array(b.ex.memory.buffer).set(bytes, b.input);
      const t0 = performance.now();
      for (let i = 0; i < BATCH; i++) b.ex.scanOnce(b.st, b.scratch, b.input, bytes.length, 2 /* body */, 1, 0xffffffff);
      const mbPerSec = (bytes.length * BATCH) / 1e6 / ((performance.now() - t0) / 1000);
      const key = `${b.file}\t${name}`;
      best.set(key, Math.max(best.get(key) ?? 0, mbPerSec));
    }
  }
}
for (const [key, mb] of best) {
  const [file, name] = key.split('\t');
  console.log(`${file.padEnd(32)} ${name.padEnd(16)} ${mb.toFixed(1).padStart(7)} MB/s (fastest of ${ROUNDS} batches)`);
}
