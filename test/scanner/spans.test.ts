import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Detector } from '../../src/index.js';
import { detector, spans } from './helpers.js';

let d: Detector;
beforeAll(async () => { d = await detector(); });
afterAll(async () => { await d.close(); });

describe('finding spans point into the original input', () => {
  it('plain ASCII', () => {
    const input = 'name=bob; cat /etc/passwd';
    const s = spans(input, d.scan(input));
    expect(s['path.sensitive-file']).toBe('/etc/passwd');
    expect(s['cmdi.chained-command']).toBe('; cat /etc'); // separator, command and the argument that convicted it
  });
  it('spans cover encoded text, not decoded text', () => {
    const input = 'q=%3Cscript%3Ealert(1)';
    const s = spans(input, d.scan(input));
    expect(s['xss.script-tag']).toBe('%3Cscript');
    expect(s['xss.js-sink']).toBe('alert(');
  });
  it('string offsets count UTF-16 code units past non-ASCII text', () => {
    const input = 'Grüße 😀 <iframe src=x>';
    const r = d.scan(input);
    expect(spans(input, r)['xss.dangerous-tag']).toBe('<iframe');
  });
  it('Uint8Array offsets count bytes', () => {
    const bytes = new TextEncoder().encode('é<svg>');
    const t = d.scan(bytes).threats.find((x) => x.ruleId === 'xss.dangerous-tag')!;
    expect(t.offset).toBe(2);
    expect(t.length).toBe(4);
  });
});

describe('spans end on character boundaries', () => {
  // a rule resolved by the event after "--" must end where that event ends, not one byte into it
  it.each(['4 and x --［', "joe'--｛", '8 --［'])('%s: the byte span ends where a character ends, and maps to the same UTF-16 span', (text) => {
    const enc = new TextEncoder();
    const fromString = d.scan(text, { context: 'query' });
    const fromBytes = d.scan(enc.encode(text), { context: 'query' });
    expect(fromBytes.threats.length).toBeGreaterThan(0);
    for (const s of fromString.threats) {
      const b = fromBytes.threats.find((t) => t.ruleId === s.ruleId)!;
      expect(enc.encode(text.slice(0, s.offset)).length).toBe(b.offset);
      expect(enc.encode(text.slice(0, s.offset + s.length)).length).toBe(b.offset + b.length);
    }
  });
});
