// Server-side JavaScript (ssjs.ts): the clause's verdict replaced by `return` right after a quote
// that opened the value and a ';' ('; return true; var x=' in a $where string). The older shapes
// (this., db.<collection>.<method>(, the Date busy-wait) are in nosql-grammar.test.ts.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Detector } from '../../src/index.js';
import { detector, ruleIds, expectSameWhenSplit } from './helpers.js';

let d: Detector;
beforeAll(async () => { d = await detector(); });
afterAll(async () => { await d.close(); });

describe('ssjs: a quote opening the value, then ; return', () => {
  const hits = ["'; return true; var x='", '"; return true; var x="', "' ; return 1 == 1; //", "';return 'a'=='a' && ''=='"];
  it.each(hits)('%s is server-side JavaScript', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.nosql-javascript');
  });
  // the quote not first (code in prose), no ';' between, or a number before it (1; return policy)
  const clean = ['x = "a"; return x;', 'He said "stop"; return the keys', "'quoted' ; return later", '1; return requested',
    "'return' is a keyword", "'; returned it yesterday"];
  it.each(clean)('%s is not', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('sqli.nosql-javascript');
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean], 'query'); });
});
