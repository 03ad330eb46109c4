// Form bodies and query strings, and runs of strings in JSON arrays, are scanned in batches (Detector.scanFieldList: many values
// per wasm call). The result must be the one scanning each name and value on its own gives:
// here every pair's pieces are scanned one by one with detector.scan, as analyzeRequest did
// before, and the request's score, threats (order, offsets, locations), truncation and the
// stats' scan and byte counts must match, on random forms of every shape — short fields past
// one batch, values longer than the engine's input slot, non-ASCII stretches, attacks, the qs
// `]=` reading, empty names and values, values that are JSON documents — at both paranoias and with a small maxScanBytes.
import { describe, it, expect, afterAll } from 'vitest';
import { createDetector, type Detector, type ScanResult, type Threat } from '../../src/index.js';
import { fieldLocation, jsonPathSegment } from '../../src/detector/json-path.js';
import { form, piece, rng } from './random-forms.js';

const MAX_LISTED = 100;
const utf8 = new TextEncoder();

function safeDecode(s: string): string {
  try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; }
}

/** What analyzeRequest must say of `raw` as pairs: each name and value (and the qs key) scanned alone. */
function expected(ref: Detector, raw: string, context: 'form' | 'query', prefix: string, maxScanBytes: number, threshold: number) {
  let score = 0;
  let scans = 0;
  let bytes = 0;
  let truncated = false;
  const threats: Threat[] = [];
  const one = (value: string, name: string) => {
    if (value.length === 0) return;
    scans++;
    bytes += Math.min(utf8.encode(value).length, maxScanBytes);
    const r: ScanResult = ref.scan(value, { context });
    if (r.threats.length === 0) return;
    score += r.score;
    const where = threats.length >= MAX_LISTED ? '' : prefix === 'body' ? fieldLocation(safeDecode(name)) : `${prefix}:${safeDecode(name)}`;
    for (const t of r.threats) {
      if (threats.length < MAX_LISTED) threats.push({ ...t, location: where });
      else truncated = true;
    }
  };
  const documents: Array<[string, string]> = [];
  for (const part of raw.split('&')) {
    if (part.length === 0) continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    one(name, name);
    one(value, name);
    const qs = value.indexOf(']=');
    if (qs >= 0) one(part.slice(0, eq + 1 + qs + 1), name);
    if (/^(?:[{[]|%7[Bb]|%5[Bb])/.test(value)) documents.push([value, name]);
  }
  // A value that is itself a JSON document is read value by value too, after every pair, located at its pair: in document
  // order each key (unless the document showed it clean before) and each string, as JSON values (see request.ts scanDocument)
  for (const [value, name] of documents) {
    let doc: unknown;
    try { doc = JSON.parse(safeDecode(value)); } catch { continue; }
    if (doc === null || typeof doc !== 'object') continue;
    const clean = new Set<string>();
    const found: Threat[] = [];
    let docScore = 0;
    let docTruncated = false;
    const scanJson = (text: string): boolean => {
      if (text.length === 0) return true;
      scans++;
      bytes += Math.min(utf8.encode(text).length, maxScanBytes);
      const r: ScanResult = ref.scan(text, { context: 'json' });
      if (r.threats.length === 0) return true;
      docScore += r.score;
      for (const t of r.threats) { if (found.length < MAX_LISTED) found.push(t); else docTruncated = true; }
      return false;
    };
    const walk = (v: unknown): void => {
      if (typeof v === 'string') { scanJson(v); return; }
      if (Array.isArray(v)) { v.forEach(walk); return; }
      if (v === null || typeof v !== 'object') return;
      for (const [key, entry] of Object.entries(v)) {
        if (!clean.has(key) && scanJson(key)) clean.add(key);
        walk(entry);
      }
    };
    walk(doc);
    if (found.length === 0) continue;
    score += docScore;
    if (docTruncated) truncated = true;
    const where = prefix === 'body' ? fieldLocation(safeDecode(name)) : `${prefix}:${safeDecode(name)}`;
    for (const t of found) {
      if (threats.length < MAX_LISTED) threats.push({ ...t, location: where });
      else truncated = true;
    }
  }
  const result: ScanResult = { blocked: score >= threshold, score, threats };
  if (truncated) result.truncated = true;
  return { result, scans, bytes };
}

const byRule = (threats: Threat[]) => {
  const out: Record<string, number> = {};
  for (const t of threats) out[t.ruleId] = (out[t.ruleId] ?? 0) + 1;
  return out;
};

describe('form and query pairs scanned in batches', () => {
  // Two detectors per set of options, the scanned one and the reference, made once for the file: a
  // browser allows only so many wasm memories, and a closed one's is freed only by a later GC. The
  // scanned one's stats are compared as differences.
  const made = new Map<string, { d: Detector; ref: Detector }>();
  const detectors = async (options: { paranoia: 1 | 2; maxScanBytes?: number }) => {
    const key = JSON.stringify(options);
    let pair = made.get(key);
    if (pair === undefined) made.set(key, pair = { d: await createDetector(options), ref: await createDetector(options) });
    return pair;
  };
  afterAll(async () => { for (const { d, ref } of made.values()) { await d.close(); await ref.close(); } });
  const ruleDelta = (after: Record<string, number>, before: Record<string, number>) =>
    Object.fromEntries(Object.entries(after).filter(([id, n]) => n !== (before[id] ?? 0)).map(([id, n]) => [id, n - (before[id] ?? 0)]));

  for (const options of [{ paranoia: 1 as const }, { paranoia: 2 as const }, { paranoia: 1 as const, maxScanBytes: 40 }]) {
    it(`equal to one scan per name and value (${JSON.stringify(options)})`, async () => {
      const { d, ref } = await detectors(options);
      const maxScanBytes = ref.maxScanBytes;
      for (let seed = 1; seed <= 24; seed++) {
        const r = rng(seed * 7919 + options.paranoia + (options.maxScanBytes ?? 0));
        // (a few forms of thousands of pairs: more values than one batch holds)
        const raw = form(r, seed % 6 === 0 ? 1500 + Math.floor(r() * 2500) : Math.floor(r() * 120));
        for (const [where, context, prefix] of [['body', 'form', 'body'], ['query', 'query', 'query']] as const) {
          const before = d.getStats();
          const request = where === 'body'
            ? { method: 'POST', url: '/x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: raw }
            : { method: 'GET', url: `/x?${raw}`, headers: {} };
          const got = await d.analyzeRequest(request);
          const want = expected(ref, raw, context, prefix, maxScanBytes, d.threshold);
          const label = `seed ${seed} ${where}`;
          expect(got, label).toEqual(want.result);
          const stats = d.getStats();
          // (the path '/x' is one more scan of 2 bytes)
          expect(stats.scans - before.scans, label).toBe(want.scans + 1);
          expect(stats.bytesScanned - before.bytesScanned, label).toBe(want.bytes + 2);
          expect(ruleDelta(stats.threatsByRule, before.threatsByRule), label).toEqual(byRule(want.result.threats));
        }
      }
    });
  }

  /** A random JSON array: strings (some empty, long, non-ASCII, attacks) among numbers, nulls and nested arrays. */
  function array(r: () => number, size: number, depth = 0): unknown[] {
    const out: unknown[] = [];
    for (let i = 0; i < size; i++) {
      const y = r();
      if (y < 0.08) out.push(Math.floor(r() * 100));
      else if (y < 0.11) out.push(null);
      else if (y < 0.14 && depth < 3) out.push(array(r, Math.floor(r() * 30), depth + 1));
      else out.push(piece(r));
    }
    return out;
  }

  /** What analyzeRequest must say of a JSON array body: each string scanned alone, located by its path. */
  function expectedJson(ref: Detector, root: unknown[], maxScanBytes: number, threshold: number) {
    let score = 0, scans = 0, bytes = 0, truncated = false;
    const threats: Threat[] = [];
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value)) { value.forEach((v, i) => walk(v, path + jsonPathSegment(i))); return; }
      if (typeof value !== 'string' || value.length === 0) return;
      scans++;
      bytes += Math.min(utf8.encode(value).length, maxScanBytes);
      const r = ref.scan(value, { context: 'json' });
      if (r.threats.length === 0) return;
      score += r.score;
      const where = threats.length >= MAX_LISTED ? '' : path;
      for (const t of r.threats) {
        if (threats.length < MAX_LISTED) threats.push({ ...t, location: where });
        else truncated = true;
      }
    };
    walk(root, 'body:$');
    const result: ScanResult = { blocked: score >= threshold, score, threats };
    if (truncated) result.truncated = true;
    return { result, scans, bytes };
  }

  for (const options of [{ paranoia: 1 as const }, { paranoia: 2 as const }, { paranoia: 1 as const, maxScanBytes: 40 }]) {
    it(`JSON arrays of strings: equal to one scan per string (${JSON.stringify(options)})`, async () => {
      const { d, ref } = await detectors(options);
      for (let seed = 1; seed <= 16; seed++) {
        const r = rng(seed * 104729 + options.paranoia + (options.maxScanBytes ?? 0));
        const root = array(r, seed % 5 === 0 ? 1500 + Math.floor(r() * 2500) : Math.floor(r() * 150));
        // (parsed, as a body parser gives it, and as JSON text)
        for (const body of [root, JSON.stringify(root)]) {
          const before = d.getStats();
          const got = await d.analyzeRequest({ method: 'POST', url: '/x', headers: { 'content-type': 'application/json' }, body });
          const want = expectedJson(ref, root, ref.maxScanBytes, d.threshold);
          const label = `seed ${seed} ${typeof body}`;
          expect(got, label).toEqual(want.result);
          const stats = d.getStats();
          expect(stats.scans - before.scans, label).toBe(want.scans + 1);
          expect(stats.bytesScanned - before.bytesScanned, label).toBe(want.bytes + 2);
          expect(ruleDelta(stats.threatsByRule, before.threatsByRule), label).toEqual(byRule(want.result.threats));
        }
      }
    });
  }

  it('a form of thousands of clean fields: every one counted, nothing found', async () => {
    const { d } = await detectors({ paranoia: 1 });
    const before = d.getStats();
    let raw = '';
    for (let k = 0; k < 5000; k++) raw += `${k ? '&' : ''}a${k % 10}=v`;
    const got = d.analyzeRequestSync({ method: 'POST', url: '/x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: raw });
    expect(got).toEqual({ blocked: false, score: 0, threats: [] });
    expect(d.getStats().scans - before.scans).toBe(1 + 10000);
    expect(d.getStats().bytesScanned - before.bytesScanned).toBe(2 + 5000 * 3);
  });

  it('a trapped engine: every field fails closed on its own, as one scan each did', async () => {
    // (a detector of its own: the trap faults its arena for good)
    const d = await createDetector();
    try {
      d.injectScanFault();
      const r = d.analyzeRequestSync({ method: 'POST', url: '/x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1&&b=&=c&d]=e]=f' });
      expect(r.blocked).toBe(true);
      expect(r.threats.map((t) => `${t.ruleId}@${t.location}`)).toEqual(
        ['path', 'body:a', 'body:a', 'body:b', 'body:', 'body:d]', 'body:d]', 'body:d]'].map((where) => `internal.error@${where}`));
      expect(d.getStats().internalErrors).toBe(8);
      expect(d.getStats().scans).toBe(8);
    } finally {
      await d.close();
    }
  });

  it('a value past maxScanBytes lists its findings in the order one scan gives (a long string is streamed, as scan() streams it)', async () => {
    // (red team: with maxScanBytes 30000 the batch scanned a 40 KB value in one call, which reports
    // limit.oversize first, while scan() streams it in pieces and reports it last)
    const { d, ref } = await detectors({ paranoia: 1, maxScanBytes: 30_000 });
    const long = `<script>alert(1)</script> ${'x'.repeat(40_000)}`;
    for (const raw of [`q=${long}`, `a=1&q=${long}&b=2`, `${long}=v`, `q=${'y'.repeat(21_000)}%27+or+1=1--&r=${long}`]) {
      for (const [where, context, prefix] of [['body', 'form', 'body'], ['query', 'query', 'query']] as const) {
        const request = where === 'body'
          ? { method: 'POST', url: '/x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: raw }
          : { method: 'GET', url: `/x?${raw}`, headers: {} };
        expect(d.analyzeRequestSync(request), `${where} ${raw.slice(0, 40)}`).toEqual(expected(ref, raw, context, prefix, 30_000, d.threshold).result);
      }
    }
  });

  it('a finding after thousands of clean fields keeps its pair and offsets', async () => {
    const { d } = await detectors({ paranoia: 1 });
    let raw = '';
    for (let k = 0; k < 3000; k++) raw += `a${k % 10}=v&`;
    raw += "é=1&q=1'+or+'1'='1&w=<script>x</script>";
    const got = d.analyzeRequestSync({ method: 'GET', url: `/x?${raw}`, headers: {} });
    const want = [...d.scan("1'+or+'1'='1").threats.map((t) => ({ ...t, location: 'query:q' })),
      ...d.scan('<script>x</script>').threats.map((t) => ({ ...t, location: 'query:w' }))];
    expect(got.threats).toEqual(want);
    expect(got.blocked).toBe(true);
  });
});
