// Do two builds of the wasm module report the same findings? For changes meant only for
// speed: every corpus payload plus spliced mutations and the scan bench's worst-case inputs
// (repeated), in five contexts, at paranoia 2, corpus payloads with runs of plain words around
// them in four contexts, and a token soup (random runs of dictionary
// keywords, plain words, numbers, quotes, operators, escapes and spaces, which walks the
// detectors through far more states than real payloads do) in all seven contexts at
// paranoia 1 and 2, compared finding by finding (rule, span) and by score.
//
//   cp build/arenaguard.wasm /tmp/before.wasm   # before the change
//   npm run build                               # after it
//   node scripts/same-findings.mjs /tmp/before.wasm build/arenaguard.wasm [--dirty-state] [--soup N] [--show N]
//
// --dirty-state fills the second build's state block with 0xa5 before every scan (scanBegin
// must not depend on what was there). --show N prints up to N differing scans (default 5): for a
// rule change, the whole list is the review of what it changed. Exits 1 when any scan differs.
import { readFileSync, existsSync } from 'node:fs';
import { jsonBody, ADVERSARIAL_PIECES } from '../bench/lib/requests.mjs';

const [a, b] = process.argv.slice(2).filter((x) => !x.startsWith('--'));
const dirty = process.argv.includes('--dirty-state');
const showArg = process.argv.indexOf('--show');
const SHOW = showArg < 0 ? 5 : Number(process.argv[showArg + 1]);
if (!a || !b) { console.error('usage: node scripts/same-findings.mjs BEFORE.wasm AFTER.wasm [--dirty-state]'); process.exit(2); }
const corpusDir = new URL('../../shared/corpus/', import.meta.url);
const files = ['httpparams.jsonl', 'libinjection-data.jsonl', 'crs-regression.jsonl'].map((f) => new URL(f, corpusDir));
if (!files.every((f) => existsSync(f))) { console.error('same-findings needs ../shared/corpus'); process.exit(2); }
const enc = new TextEncoder();
const inputs = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => enc.encode(JSON.parse(l).payload)));
const corpusCount = inputs.length;
let seed = 7;
// (Math.imul: the product of two 32-bit numbers as a double would lose its low bits, and with them the sequence)
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
for (let i = 0; i < 20000; i++) { // splice two payloads, sometimes with one byte changed
  const x = inputs[Math.floor(rnd() * corpusCount)], y = inputs[Math.floor(rnd() * corpusCount)];
  const cut = Math.floor(rnd() * x.length);
  const m = new Uint8Array(cut + y.length);
  m.set(x.subarray(0, cut)); m.set(y, cut);
  if (rnd() < 0.3 && m.length > 0) m[Math.floor(rnd() * m.length)] = Math.floor(rnd() * 128);
  inputs.push(m);
}
inputs.push(enc.encode(jsonBody(1024, 1024)), enc.encode(jsonBody(8192, 8192)));
// the scan bench's worst-case pieces, repeated (the slow paths' loops and carried state)
for (const piece of Object.values(ADVERSARIAL_PIECES)) for (const n of [1, 2, 3, 7, 50, 400]) inputs.push(enc.encode(piece.repeat(n)));

// Token soup: pieces drawn from the keyword dictionary (every class), plain words, numbers and
// the punctuation the detectors act on, glued or spaced at random.
const soupArg = process.argv.indexOf('--soup');
const SOUP = soupArg < 0 ? 60000 : Number(process.argv[soupArg + 1]);
const dictionary = JSON.parse(readFileSync(new URL('../rules/keywords.json', import.meta.url), 'utf8'));
const keywords = Object.entries(dictionary).filter(([k, v]) => !k.startsWith('_') && Array.isArray(v)).flatMap(([, v]) => v);
const plain = 'the order is ready please call me back at noon my name price total note john page x a i id s 0 1 42 3.5 0x41 5pm 2024-01-05 ana@example.com'.split(' ');
const punct = [...`'"\`;|&$(){}[]<>=!+-*/%#@.,:?^~`, '--', '/*', '*/', '||', '&&', '../', '..\\', '%27', '%2e', '&lt;', '&#x3c;', '\\x3c', '\\u003c', '${', '$(', '<!--', '-->', '\n', '\r\n', '\t', '\0', 'javascript:', 'on', '=', '1=1', "'1'='1"];
const gaps = ['', ' ', ' ', ' ', '  ', '+', '\n', '/**/', '\t'];
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const soup = [];
for (let i = 0; i < SOUP; i++) {
  const n = 1 + Math.floor(rnd() * 14);
  let s = '';
  for (let j = 0; j < n; j++) {
    const r = rnd();
    const piece = r < 0.4 ? pick(keywords) : r < 0.6 ? pick(plain) : pick(punct);
    s += (j > 0 ? pick(gaps) : '') + (rnd() < 0.1 ? piece.toUpperCase() : piece);
  }
  soup.push(enc.encode(s));
}

// Runs of plain words before, inside (at a space) and after corpus payloads: the detectors' fast paths for the words and
// spaces of ordinary text leave the state the payload's events then read (a dropped store there shows here).
const RUN_WORDS = 'please review the order from our office about blue jacket tracking number quick reply shipping address thanks again week price customer notes function everything understanding congratulation db new execute in on url call this window open return date while web meta etc'.split(' ');
const runs = [];
for (let i = 0; i < 40000; i++) {
  let run = '';
  // (half of them 256 bytes or more: long plain values)
  const long = rnd() < 0.5;
  for (let k = 1 + Math.floor(rnd() * 8); k > 0 || (long && run.length < 256); k--) run += pick(RUN_WORDS) + ' ';
  const p = new TextDecoder().decode(inputs[Math.floor(rnd() * corpusCount)]);
  const r = rnd();
  const spaces = [...p.matchAll(/ /g)].map((m) => m.index);
  const at = spaces.length ? pick(spaces) : 0;
  runs.push(enc.encode(r < 0.4 ? run + p : r < 0.7 ? `${p.slice(0, at)} ${run}${p.slice(at + 1)}` : `${p} ${run}`));
}

// Addresses well above the module's own data: the scan functions take any state/scratch/input.
const ST = 1 << 20, SCRATCH = ST + 65536, INPUT = SCRATCH + 65536, STATE_BYTES = 4096;
const load = async (file) => {
  const { instance } = await WebAssembly.instantiate(readFileSync(file), { env: { abort() { throw new Error('abort'); } } });
  instance.exports.memory.grow(64);
  return instance.exports;
};
const builds = [await load(a), await load(b)];
let scans = 0, differ = 0;
const sets = [
  ...[0, 2, 3, 4, 5].map((context) => ({ context, paranoia: 2, set: inputs })),
  ...[0, 2, 5, 6].map((context) => ({ context, paranoia: 2, set: runs })),
  ...[0, 1, 2, 3, 4, 5, 6].flatMap((context) => [1, 2].map((paranoia) => ({ context, paranoia, set: soup }))),
];
for (const { context, paranoia, set } of sets) {
  for (const input of set) {
    const out = builds.map((ex, k) => {
      const u8 = new Uint8Array(ex.memory.buffer);
      if (k === 1 && dirty) u8.fill(0xa5, ST, ST + STATE_BYTES);
      u8.set(input, INPUT);
      const n = ex.scanOnce(ST, SCRATCH, INPUT, input.length, context, paranoia, 1 << 20);
      // (each build's own layout: a change may move the findings within the state block)
      const at = ST + ex.scanFindingsOffset();
      return `${n} ${ex.scanScore(ST)} ${Array.from(u8.subarray(at, at + ex.scanFindingBytes() * Math.max(0, n))).join(',')}`;
    });
    scans++;
    if (out[0] !== out[1] && differ++ < SHOW) console.log(`differs (context ${context}, paranoia ${paranoia}): ${JSON.stringify(new TextDecoder().decode(input)).slice(0, 160)}`);
  }
}
console.log(`${scans} scans, ${differ} with different findings`);
process.exit(differ === 0 ? 0 : 1);
