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

// Fails on the earlier scanner, which took only a quote before the ';': a $where on a numeric field
// (this.age == <value>) is broken out of by a number. Written from the grammar, not the corpus or probes.
describe('ssjs: a number opening the value, then ; return and a value', () => {
  const hits = ['5;return true', '12; return this', '3;return 2>1', '0;  return false', '7%3Breturn%20true'];
  it.each(hits)('%s is server-side JavaScript', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.nosql-javascript');
  });
  // a word returned is prose (2; return policy, 10;return to sender); the ';' spaced from the number, a word or
  // more before it, or a number that is not the value's start
  const clean = ['2; return policy', '10;return to sender', '4 ;return true', 'v2;return true', 'page 3;return true', '1.5;return true', '0;return trueish'];
  it.each(clean)('%s is not', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('sqli.nosql-javascript');
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean], 'query'); });
});
