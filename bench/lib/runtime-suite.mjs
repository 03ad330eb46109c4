// The part of the pool and scan suites that runs unchanged in Node, Deno and
// Chromium (bench/runtimes.mjs drives all three). No Node APIs here: timing is
// performance.now() (see harness.mjs), Buffer is passed in where the runtime has it.
import { measure, summary } from './harness.mjs';
import { makePoolContenders, SIZES, ORDER, BATCH } from './pool-core.mjs';

export async function runPoolSuite({ BufferImpl, rounds = 3, timeMs = 100, warmupMs = 40, batchScale = 1, onProgress } = {}) {
  const sizes = {};
  for (const size of SIZES) {
    const c = await makePoolContenders(size, { BufferImpl, batch: BATCH[size] * batchScale });
    const names = ORDER.filter((n) => n in c.batches);
    sizes[size] = measure(Object.fromEntries(names.map((n) => [n, c.batches[n]])), { batch: c.batch, rounds, timeMs, warmupMs });
    await c.close();
    onProgress?.(`pool ${size} done`);
  }
  return { rounds, timeMs, warmupMs, batchScale, sizes };
}

export const SCAN_ATTACK = "' OR 1=1 UNION SELECT username, password FROM users -- <script>alert(document.cookie)</script>";
export const WORST_CASE_SIZES = [8192, 16384, 65536];

/**
 * The scan suite (runs everywhere). arenaguard = detector.scan (public API);
 * regex = the original-style baseline (bench/lib/regex-guard.mjs): ~20
 * case-insensitive regexes over JSON.stringify of the request.
 *  - corpus: every payload once per round, as a query value (arenaguard: scan(string, {context:'query'});
 *    regex: JSON.stringify of queryRequest(payload), the request scan.mjs's baseline builds too) → payloads/s
 *  - bodies: benign and attack JSON bodies of 1/8/64 KiB (arenaguard: scan(bytes, {context:'body'}) on the raw
 *    bytes — the whole body as one text value, not the middleware's JSON walk, which settles plain values
 *    without a scan and is several times faster on these bodies; regex: JSON.stringify of the already-parsed
 *    body + regexes) → MB/s of body
 *  - worst case: '<img src' repeated to 8/16/64 KiB, no '>' (the original's worst case) → ms per scan
 * Returns null when this build has no createDetector.
 */
export async function runScanSuite({ payloads, rounds = 3, timeMs = 100, warmupMs = 40, worstRounds = 3, onProgress } = {}) {
  const ag = await import('../../dist/index.js');
  if (typeof ag.createDetector !== 'function') return null;
  const { regexVerdict, queryRequest, PATTERNS } = await import('./regex-guard.mjs');
  const { jsonBody, attackBody } = await import('./requests.mjs');
  const detector = await ag.createDetector({});
  const enc = new TextEncoder();
  const headers = { 'content-type': 'application/json', 'user-agent': 'bench' };
  let sink = 0;

  // corpus
  const corpus = { payloads: payloads.length, bytes: payloads.reduce((a, p) => a + enc.encode(p).length, 0), arenaguard: [], regex: [], flagged: { arenaguard: 0, regex: 0 } };
  const passes = {
    arenaguard() {
      let f = 0;
      for (let i = 0; i < payloads.length; i++) if (detector.scan(payloads[i], { context: 'query' }).blocked) f++;
      return f;
    },
    regex() {
      let f = 0;
      for (let i = 0; i < payloads.length; i++) if (regexVerdict(queryRequest(payloads[i]))) f++;
      return f;
    },
  };
  for (const n of Object.keys(passes)) corpus.flagged[n] = passes[n](); // warm-up + verdict counts
  for (let round = 0; round < rounds; round++) {
    for (const n of round % 2 ? ['regex', 'arenaguard'] : ['arenaguard', 'regex']) {
      const t0 = performance.now();
      sink += passes[n]();
      corpus[n].push(payloads.length / ((performance.now() - t0) / 1000));
    }
  }
  onProgress?.('scan corpus done');

  // bodies
  const bodies = {};
  for (const size of [1024, 8192, 65536]) {
    for (const kind of ['benign', 'attack']) {
      const text = kind === 'benign' ? jsonBody(size, size) : attackBody(size, SCAN_ATTACK, size);
      const bytes = enc.encode(text);
      const parsed = JSON.parse(text);
      const batch = Math.max(2, Math.round(262144 / size));
      const fns = {
        arenaguard() {
          for (let i = 0; i < batch; i++) sink += detector.scan(bytes, { context: 'body' }).score;
        },
        regex() {
          for (let i = 0; i < batch; i++) sink += regexVerdict({ url: '/orders', headers, body: parsed }) ? 1 : 0;
        },
      };
      const ns = measure(fns, { batch, rounds, timeMs, warmupMs });
      const mbps = (x) => Number(((size / x) * 1e3).toFixed(1)); // x = ns per scan; bytes/ns × 1000 = MB/s
      bodies[`${kind}${size / 1024}k`] = {
        size,
        kind,
        blocked: { arenaguard: detector.scan(bytes, { context: 'body' }).blocked, regex: regexVerdict({ url: '/orders', headers, body: parsed }) },
        mbPerSec: Object.fromEntries(Object.entries(ns).map(([n, s]) => [n, { median: mbps(s.median), min: mbps(s.max), max: mbps(s.min), runs: s.runs.map(mbps) }])),
        usPerScan: Object.fromEntries(Object.entries(ns).map(([n, s]) => [n, Number((s.median / 1e3).toFixed(2))])),
      };
    }
  }
  onProgress?.('scan bodies done');

  // the original's worst case
  const worst = {};
  for (const size of WORST_CASE_SIZES) {
    const text = '<img src'.repeat(size / 8);
    const bytes = enc.encode(text);
    const times = { arenaguard: [], regex: [] };
    detector.scan(bytes, { context: 'body' }); // warm-up
    for (let round = 0; round < worstRounds; round++) {
      let t0 = performance.now();
      // arenaguard: median of several scans per round (one is ~ms)
      const one = [];
      for (let k = 0; k < 5; k++) {
        t0 = performance.now();
        sink += detector.scan(bytes, { context: 'body' }).score;
        one.push(performance.now() - t0);
      }
      one.sort((a, b) => a - b);
      times.arenaguard.push(one[2]);
      t0 = performance.now();
      sink += regexVerdict({ url: '/upload', headers, body: text }) ? 1 : 0;
      times.regex.push(performance.now() - t0);
    }
    worst[size] = { arenaguard: summary(times.arenaguard, 3), regex: summary(times.regex, 3) };
  }
  onProgress?.('scan worst case done');
  const result = {
    rounds,
    regexPatterns: PATTERNS.length,
    corpus: { payloads: corpus.payloads, bytes: corpus.bytes, flagged: corpus.flagged, payloadsPerSec: { arenaguard: summary(corpus.arenaguard, 0), regex: summary(corpus.regex, 0) } },
    bodies,
    worstCase: worst,
    sink,
  };
  await detector.close?.();
  return result;
}
