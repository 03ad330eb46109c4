// SQL string break-out that re-opens the quote: the value closes the query's quote, adds an
// operator and a comparison/connective, and leaves a quote open for the query's own closing
// one (x' * 2 or 'y). Written from the grammar, not from the corpus.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Detector } from '../../src/index.js';
import { detector, ruleIds } from './helpers.js';

let d: Detector;
beforeAll(async () => { d = await detector(); });
afterAll(async () => { await d.close(); });

describe('sqli quote re-opening', () => {
  it.each(["zz' / 2 or 'q", "bob' * 0 = 'k", "m' > +5 and 'w", "pp'%3+1='3", "x' - 'y' - 2 = 'z"])('%s is a string break-out', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('sqli.string-breakout');
    expect(r.blocked).toBe(true);
  });
  it.each(["rock 'n' roll and 'more", "Knockin' and rockin' all night", "it's 5 - 6 o'clock", "size 'L' or 'XL", "a' * b'"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe('sqli type cast', () => {
  it.each(["'7'::int", 'f(y)::text', "1 and ('q')::numeric>0"])('%s is a cast', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('sqli.type-cast');
    expect(r.blocked).toBe(true);
  });
  it.each(['std::string', 'fe80::1', 'Foo::Bar', 'ratio 3::2', "a ':: b"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});
