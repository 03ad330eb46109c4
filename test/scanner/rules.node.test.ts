// Every rule in rules/rules.json fires on each of its own examples (at its paranoia level),
// and the generated tables are in sync with the rule data.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { RULES, createDetector, type Detector } from '../../src/index.js';

const doc = JSON.parse(readFileSync(new URL('../../rules/rules.json', import.meta.url), 'utf8')) as {
  rules: Array<{ id: string; paranoia: 1 | 2; examples: string[]; examplesContext?: 'query' | 'path' }>;
};
let p1: Detector;
let p2: Detector;
beforeAll(async () => { p1 = await createDetector({ paranoia: 1 }); p2 = await createDetector({ paranoia: 2 }); });
afterAll(async () => { await p1.close(); await p2.close(); });

describe('rule data', () => {
  it('generated tables match rules/rules.json', () => {
    expect(RULES.map((r) => r.id)).toEqual(doc.rules.map((r) => r.id));
    const root = new URL('../..', import.meta.url).pathname;
    const before = readFileSync(new URL('../../assembly/scanner/generated/tables.ts', import.meta.url), 'utf8');
    execFileSync(process.execPath, ['scripts/gen-rules.mjs'], { cwd: root });
    expect(readFileSync(new URL('../../assembly/scanner/generated/tables.ts', import.meta.url), 'utf8')).toBe(before);
  });
  for (const rule of doc.rules) {
    for (const example of rule.examples) {
      it(`${rule.id} fires on ${JSON.stringify(example)}`, () => {
        const d = rule.paranoia === 1 ? p1 : p2;
        const context = rule.examplesContext ?? (rule.id.startsWith('path.') ? 'path' : 'query');
        const ids = d.scan(example, { context }).threats.map((t) => t.ruleId);
        expect(ids).toContain(rule.id);
      });
    }
  }
});
