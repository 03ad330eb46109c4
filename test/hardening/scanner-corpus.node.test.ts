// Node only (reads ../shared/corpus with node:fs): corpus payloads and their mutations —
// re-encodings, case flips, comment and whitespace insertion — never make the scanner throw,
// and chunked scans (split at every boundary, byte by byte, random sizes) agree with whole ones.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetector, type Detector, type ScanContext } from '../../src/index.js';
import { CONTEXTS, chunkPlan, encoder, shape, streamScan } from './scanner-arbitraries.js';

const CORPUS_DIR = new URL('../../../shared/corpus/', import.meta.url);
// CI lays shared/ beside the clone; a bare clone elsewhere has no corpus (say so, don't fail).
const corpusPresent = existsSync(CORPUS_DIR);
if (!corpusPresent) console.warn(`scanner-corpus: skipped, no corpus at ${CORPUS_DIR.pathname}`);

interface Row { payload: string; label: string }
function loadCorpus(): Row[] {
  const rows: Row[] = [];
  for (const name of readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(new URL(name, CORPUS_DIR), 'utf8').split('\n')) {
      if (line.trim() !== '') rows.push(JSON.parse(line) as Row);
    }
  }
  return rows;
}

const hex = (c: number, width: number) => c.toString(16).padStart(width, '0');
const utf8 = (ch: string) => [...encoder.encode(ch)];

/** Re-encodings and edits an attacker uses to slip past a filter. Each maps text to text. */
const MUTATIONS: Record<string, (s: string, r: number) => string> = {
  percent: (s) => [...s].map((ch) => utf8(ch).map((b) => `%${hex(b, 2)}`).join('')).join(''),
  percentSome: (s, r) => [...s].map((ch, i) => ((i + r) % 3 === 0 ? utf8(ch).map((b) => `%${hex(b, 2).toUpperCase()}`).join('') : ch)).join(''),
  doublePercent: (s) => [...s].map((ch) => utf8(ch).map((b) => `%25${hex(b, 2)}`).join('')).join(''),
  htmlDecimal: (s) => [...s].map((ch) => `&#${ch.codePointAt(0)};`).join(''),
  htmlHex: (s, r) => [...s].map((ch) => `&#x${hex(ch.codePointAt(0)!, 1 + (r % 4))}${r % 2 ? ';' : ''}`).join(''),
  jsHex: (s) => [...s].map((ch) => (ch.codePointAt(0)! < 0x100 ? `\\x${hex(ch.codePointAt(0)!, 2)}` : ch)).join(''),
  jsUnicode: (s) => [...s].map((ch) => (ch.codePointAt(0)! < 0x10000 ? `\\u${hex(ch.codePointAt(0)!, 4)}` : ch)).join(''),
  fullWidth: (s) => [...s].map((ch) => { const c = ch.codePointAt(0)!; return c > 0x20 && c < 0x7f ? String.fromCodePoint(c + 0xfee0) : ch; }).join(''),
  caseFlip: (s, r) => [...s].map((ch, i) => ((i * 7 + r) % 2 ? ch.toUpperCase() : ch.toLowerCase())).join(''),
  sqlComments: (s, r) => s.replace(/ /g, ['/**/', '/*x*/', '/*!*/', '--\n', '#\n'][r % 5]!),
  whitespace: (s, r) => s.replace(/ /g, [' \t ', '\n', '\r\n', '+', '%20', '%09', '\u000b', '    '][r % 8]!),
  spaceInsert: (s, r) => [...s].map((ch, i) => ((i + r) % 4 === 0 ? `${ch} ` : ch)).join(''),
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

describe.skipIf(!corpusPresent)('scanner on corpus payloads and their mutations', () => {
  let corpus: Row[];
  let d: Detector;
  let d2: Detector;
  beforeAll(async () => {
    corpus = loadCorpus();
    d = await createDetector();
    d2 = await createDetector({ paranoia: 2, arena: d.arena });
  });
  afterAll(async () => {
    await d2.close();
    await d.close();
  });

  it('the corpus is there and the detector finds most of its attacks (otherwise the rest proves little)', () => {
    expect(corpus.length).toBeGreaterThan(50_000);
    const attacks = corpus.filter((r) => r.label !== 'benign').slice(0, 2000);
    const found = attacks.filter((r) => d2.scan(r.payload, { context: 'query' }).threats.length > 0).length;
    expect(found).toBeGreaterThan(attacks.length * 0.5);
  });

  it('every corpus payload: no throw, and whole = split at three random points = (short ones) byte by byte', () => {
    let state = 12345;
    const rand = (n: number) => {
      state = (state * 1103515245 + 12345) >>> 0;
      return state % n;
    };
    for (const [i, row] of corpus.entries()) {
      const bytes = encoder.encode(row.payload);
      const context = CONTEXTS[i % CONTEXTS.length]!;
      const det = i % 2 ? d2 : d;
      const whole = det.scan(bytes, { context });
      expect(whole.threats.some((t) => t.ruleId === 'internal.error')).toBe(false);
      const cuts = [rand(bytes.length + 1), rand(bytes.length + 1), rand(bytes.length + 1)].sort((a, b) => a - b);
      const s = det.createStream({ context });
      let at = 0;
      for (const cut of [...cuts, bytes.length]) {
        s.push(bytes.subarray(at, cut));
        at = cut;
      }
      const split = s.finish();
      expect(shape(split), `${row.payload} cut at ${cuts}`).toEqual(shape(whole));
      if (bytes.length <= 48) expect(shape(streamScan(det, bytes, [1], context)), row.payload).toEqual(shape(whole));
    }
  }, 120_000); // (8 s alone, 12 s on a loaded machine: the timeout only catches a hang)

  it('mutated payloads: no throw, and chunked scans (any sizes, every boundary) equal whole scans', () => {
    const index = fc.integer({ min: 0, max: corpus.length - 1 });
    const mutation = fc.array(fc.tuple(fc.constantFrom(...MUTATION_NAMES), fc.nat(99)), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(index, mutation, chunkPlan, fc.constantFrom(...CONTEXTS), fc.boolean(), (i, steps, sizes, context: ScanContext, p2) => {
        let text = corpus[i]!.payload;
        for (const [name, r] of steps) if (text.length < 4000) text = MUTATIONS[name]!(text, r);
        const bytes = encoder.encode(text);
        const det = p2 ? d2 : d;
        const whole = det.scan(bytes, { context });
        expect(whole.threats.some((t) => t.ruleId === 'internal.error')).toBe(false);
        const expected = shape(whole);
        const results = [streamScan(det, bytes, sizes, context)];
        for (let k = 1; k < bytes.length && bytes.length <= 300; k++) {
          const s = det.createStream({ context });
          s.push(bytes.subarray(0, k)).push(bytes.subarray(k));
          results.push(s.finish());
        }
        for (const r of results) expect(shape(r)).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
    expect(d.getStats().internalErrors + d2.getStats().internalErrors).toBe(0);
  });
});
