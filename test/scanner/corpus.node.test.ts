// Detection floors on the shared development corpus (../shared/corpus), paranoia 1. These
// pin today's measured rates (minus a small margin) so a change that loses detection or
// adds false positives fails here. Skipped when the corpus is not present.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createDetector, type Detector } from '../../src/index.js';

const dir = new URL('../../../shared/corpus/', import.meta.url);
const files = ['httpparams.jsonl', 'libinjection-data.jsonl', 'crs-regression.jsonl'];
const present = files.every((f) => existsSync(new URL(f, dir)));

let d: Detector;
const tally: Record<string, { n: number; flagged: number }> = {};
const benignByFile: Record<string, { n: number; flagged: number }> = {};

describe.skipIf(!present)('corpus detection (development set)', () => {
  beforeAll(async () => {
    d = await createDetector({ paranoia: 1 });
    for (const f of files) {
      for (const line of readFileSync(new URL(f, dir), 'utf8').split('\n')) {
        if (!line) continue;
        const { payload, label } = JSON.parse(line) as { payload: string; label: string };
        const blocked = d.scan(payload, { context: 'query' }).blocked;
        (tally[label] ??= { n: 0, flagged: 0 }).n++;
        if (blocked) tally[label]!.flagged++;
        if (label === 'benign') { (benignByFile[f] ??= { n: 0, flagged: 0 }).n++; if (blocked) benignByFile[f]!.flagged++; }
      }
    }
  }, 120_000);
  afterAll(async () => { await d?.close(); });
  const rate = (t?: { n: number; flagged: number }) => (t ? t.flagged / t.n : 0);

  it('detects attacks', () => {
    expect(rate(tally.sqli)).toBeGreaterThan(0.978);
    expect(rate(tally.xss)).toBeGreaterThan(0.979);
    expect(rate(tally.cmdi)).toBeGreaterThan(0.865);
    expect(rate(tally.path)).toBeGreaterThan(0.93);
  });
  it('keeps false positives low overall and on each hard-negative file', () => {
    expect(rate(tally.benign)).toBeLessThan(0.002);
    expect(rate(benignByFile['libinjection-data.jsonl'])).toBeLessThan(0.02);
    expect(rate(benignByFile['crs-regression.jsonl'])).toBeLessThan(0.021);
  });
});
