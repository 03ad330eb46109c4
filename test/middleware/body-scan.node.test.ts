// The streaming JSON and form scanners: the same located findings however the
// body is cut into chunks (escapes, quotes and keys across boundaries).
import { beforeAll, describe, expect, it } from 'vitest';
import { createBodyScanner } from '../../src/middleware/body-scan.js';
import type { GuardDetector } from '../../src/middleware/detector.js';
import { testDetector } from './helpers.js';
import type { Arena } from '../../src/arena.js';
import type { Lease } from '../../src/lease.js';
import { allProbePayloads } from '../scanner/probe-files.js';

let detector: GuardDetector;
beforeAll(async () => {
  detector = await testDetector();
});

const enc = new TextEncoder();

/**
 * `inPlace`: each chunk is also written to a slot of the detector's arena and its address
 * passed, as the middleware does, so values are scanned in wasm memory where they lie.
 */
function scanIn(type: string, parts: Uint8Array[], inPlace = false) {
  const scanner = createBodyScanner(detector, type);
  const arena = (detector as { arena?: Arena }).arena!;
  const leases: Lease[] = [];
  for (const p of parts) {
    if (!inPlace) {
      scanner.push(p);
      continue;
    }
    const lease = arena.poolFor(Math.max(1, p.length)).acquire();
    leases.push(lease);
    lease.write(p);
    scanner.push(p, lease.bytes.byteOffset);
  }
  const r = scanner.finish();
  for (const lease of leases) lease.release();
  return { malformed: scanner.malformed, blocked: r.blocked, found: r.threats.map((t) => `${t.category}@${t.location}`).sort() };
}

function everySplit(type: string, text: string) {
  const bytes = enc.encode(text);
  const whole = scanIn(type, [bytes]);
  expect(scanIn(type, [bytes], true), 'in place').toEqual(whole);
  for (let cut = 0; cut <= bytes.length; cut++) {
    // Copies: a scanner must not depend on the caller keeping earlier chunks intact.
    const split = scanIn(type, [bytes.slice(0, cut), bytes.slice(cut)]);
    expect(split, `cut at ${cut}`).toEqual(whole);
    expect(scanIn(type, [bytes.slice(0, cut), bytes.slice(cut)], true), `cut at ${cut}, in place`).toEqual(whole);
  }
  return whole;
}

describe('JSON body scanner', () => {
  it('locates findings identically at every chunk boundary, through escapes and odd keys', () => {
    const doc = '{"a":"x\\"y\\\\","b":"<script>alert(1)</script>","c":[1,true,null,{"d\\"e":"1\' OR \'1\'=\'1"}],"n":-2.5e3}';
    expect(JSON.parse(doc)).toBeTruthy();
    const r = everySplit('application/json', doc);
    expect(r.malformed).toBe(false);
    expect(r.blocked).toBe(true);
    expect(r.found).toContain('xss@body:$.b');
    expect(r.found).toContain('sqli@body:$.c[3]["d\\"e"]');
    expect(r.found.every((f) => f.includes('@body:$.b') || f.includes('@body:$.c[3]'))).toBe(true);
  });

  it('flags malformed JSON for a raw rescan, and accepts clean documents of every shape', () => {
    expect(scanIn('application/json', [enc.encode('{"a": <b>}')]).malformed).toBe(true);
    expect(scanIn('application/json', [enc.encode('{"a": "unterminated')]).malformed).toBe(true);
    expect(scanIn('application/json', [enc.encode('{"a": [1, 2}')]).malformed).toBe(true);
    expect(scanIn('application/json', [enc.encode('')]).malformed).toBe(true);
    for (const clean of ['"just a string"', '[]', '{}', '[1,2,3]', '{"deep":[[[{"x":"y"}]]]}', ' 42 ']) {
      const r = scanIn('application/vnd.api+json', [enc.encode(clean)]);
      expect(r, clean).toEqual({ malformed: false, blocked: false, found: [] });
    }
  });
  it('scans a repeated key once per chunk only while it is clean: a flagged key is flagged at every member', () => {
    // The clean-key memo: arrays of records repeat their keys; a repeat of a clean key needs no scan.
    const rows = Array.from({ length: 6 }, (_, i) => `{"sku":"A-${i}","<svg onload=alert(1)>":${i},"qty":${i}}`);
    const r = everySplit('application/json', `[${rows.join(',')}]`);
    expect([...new Set(r.found)]).toEqual(Array.from({ length: 6 }, (_, i) => `xss@body:$[${i}]["<svg onload=alert(1)>"]`));
    const scans = (detector as { getStats?: () => { scans: number } }).getStats;
    if (scans) {
      const before = scans.call(detector).scans;
      scanIn('application/json', [enc.encode(`[${rows.join(',')}]`)]);
      // Every value and every flagged key; the clean keys "sku" and "qty" once each.
      expect(scans.call(detector).scans - before).toBe(6 + 6 + 2);
    }
  });

  it('forgets clean keys when the next chunk arrives (a caller may reuse the chunk memory)', () => {
    const attackKey = '<script>alert(1)</script>';
    const first = enc.encode(`[{"${'k'.repeat(attackKey.length)}":1},`);
    const scanner = createBodyScanner(detector, 'application/json');
    const buffer = new Uint8Array(64);
    buffer.set(first);
    scanner.push(buffer.subarray(0, first.length));
    // Same memory, same offsets: the bytes a memo would still point at now hold an attack key.
    const second = enc.encode(` {"${attackKey}":2}]`);
    buffer.fill(0x20);
    buffer.set(second);
    scanner.push(buffer.subarray(0, second.length));
    const r = scanner.finish();
    expect(r.threats.map((t) => `${t.category}@${t.location}`)).toContain('xss@body:$[1]["<script>alert(1)</script>"]');
  });
});

describe('JSON body scanner: escapes read as the application will see them', () => {
  // The scanner reads string text raw (no JSON.parse); the detector decodes its escapes, so a
  // quote or newline written as \" or \n is the same attack as in analyzeRequest, which parses.
  const attacks = ['1" or "1"="1', '1" union select password from users-- -', 'a\nid', 'x" onmouseover="alert(1)', 'C:\\windows\\win.ini'];
  it.each(attacks)('%s is found in the body, at every chunk boundary', (value) => {
    const doc = JSON.stringify({ q: value });
    const r = everySplit('application/json', doc);
    expect(r.blocked).toBe(true);
  });
  it('gives the verdict analyzeRequest gives, for every held-out probe sent as a JSON value', async () => {
    const d = detector as unknown as { analyzeRequest(r: unknown): Promise<{ blocked: boolean }> };
    const differ: string[] = [];
    const probes = allProbePayloads();
    expect(probes.length).toBeGreaterThanOrEqual(3757); // every payload of the six files today
    for (const { file, payload } of probes) {
      const body = JSON.stringify({ v: payload });
      const parsed = await d.analyzeRequest({ method: 'POST', url: '/', headers: { 'content-type': 'application/json' }, body });
      if (parsed.blocked !== scanIn('application/json', [enc.encode(body)]).blocked) differ.push(`${file}: ${payload}`);
      if (parsed.blocked !== scanIn('application/json', [enc.encode(body)], true).blocked) differ.push(`${file}: ${payload} (in place)`);
    }
    expect(differ).toEqual([]);
  });
});

describe('form body scanner', () => {
  it('locates findings by field name at every chunk boundary', () => {
    const r = everySplit('application/x-www-form-urlencoded', 'title=Hello+world&comment=%3Cscript%3Ealert(1)%3C%2Fscript%3E&empty=&flag&q%5B0%5D=x');
    expect(r.found).toContain('xss@body:comment');
    expect(r.found.every((f) => f.endsWith('@body:comment'))).toBe(true);
  });
});

describe('multipart body scanner', () => {
  const B = '----WebKitFormBoundary7MA4YWxkTrZu0gW';
  const type = `multipart/form-data; boundary=${B}`;
  const form = (title: string, notes: string, filename = 'notes.txt', binary = 'GIF89a\u0001\u0002') =>
    `--${B}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${title}\r\n`
    + `--${B}\r\nContent-Disposition: form-data; name="notes"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n${notes}\r\n`
    + `--${B}\r\nContent-Disposition: form-data; name="photo"; filename="p.gif"\r\nContent-Type: image/gif\r\n\r\n${binary}\r\n`
    + `--${B}--\r\n`;

  it('does not mistake the MIME framing for an attack (the raw body would: --boundary looks like a SQL comment)', () => {
    const r = everySplit(type, form('My garden photos', 'watering: monday, thursday'));
    expect(r).toEqual({ malformed: false, blocked: false, found: [] });
  });

  it('locates attacks per part at every chunk boundary: field, text file, filename; binary parts are not text', () => {
    const r = everySplit(type, form('<script>alert(1)</script>', "1' UNION SELECT password FROM users --", '../../../etc/passwd', '<script>not text</script>'));
    expect(r.blocked).toBe(true);
    expect(r.found).toContain('xss@body:title');
    expect(r.found).toContain('sqli@body:notes');
    expect(r.found).toContain('path@body:notes.filename');
    expect(r.found.some((f) => f.includes('photo'))).toBe(false);
  });

  // What busboy (multer, @fastify/multipart) hands the application: each of these names a
  // traversal, and each went past the scanner's old `filename="…"` regex.
  it.each([
    ['an RFC 5987 filename*', `name="f"; filename*=UTF-8''..%2F..%2F..%2Fetc%2Fpasswd`],
    ['filename* after a harmless filename', `name="f"; filename="a.txt"; filename*=utf-8''%2e%2e%2f%2e%2e%2fetc%2fshadow`],
    ['an unquoted filename', 'name="f"; filename=../../../etc/hosts'],
    ['an escaped quote inside the filename', 'name="f"; filename="x\\" ../../../etc/passwd"'],
    ['a decoy filename in another header', 'name="f"; filename="../../etc/passwd"', 'X-Decoy: filename="safe.txt"'],
    ['a folded Content-Disposition line', 'name="f";\r\n filename="../../etc/passwd"'],
  ])('finds the filename in %s', (_what, params, before = '') => {
    const head = `${before ? `${before}\r\n` : ''}Content-Disposition: form-data; ${params}`;
    const text = `--${B}\r\n${head}\r\nContent-Type: application/octet-stream\r\n\r\nhello\r\n--${B}--\r\n`;
    expect(everySplit(type, text).found).toContain('path@body:f.filename');
  });

  it('scans field names as form names are scanned, and passes plain ones', () => {
    const part = (name: string) => `--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\nx\r\n`;
    const clean = everySplit(type, `${part('user[name]')}${part('order')}${part('select-from')}--${B}--\r\n`);
    expect(clean).toEqual({ malformed: false, blocked: false, found: [] });
    const bad = everySplit(type, `${part("1' OR '1'='1")}--${B}--\r\n`);
    expect(bad.blocked).toBe(true);
    expect(bad.found.some((f) => f.startsWith('sqli@body:'))).toBe(true);
  });

  it('flags a multipart body without its closing delimiter for a raw rescan', () => {
    const text = form('a', 'b').replace(`--${B}--\r\n`, '');
    expect(scanIn(type, [enc.encode(text)]).malformed).toBe(true);
  });

  /** Malformed (so rescanned raw) whole and cut in two at every byte. */
  function malformedAtEverySplit(text: string): void {
    const bytes = enc.encode(text);
    expect(scanIn(type, [bytes]).malformed, 'whole').toBe(true);
    for (let cut = 0; cut <= bytes.length; cut++) expect(scanIn(type, [bytes.slice(0, cut), bytes.slice(cut)]).malformed, `cut at ${cut}`).toBe(true);
  }
  const field = (name: string, value: string) => `--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

  // Framings that some parser reads another way: busboy takes a delimiter only at the start or
  // after CRLF, undici takes the first `--boundary` anywhere and bare LFs as line ends.
  it.each([
    ['--boundary mid-line in the preamble', `x--${B}--\r\n${field('q', 'a')}--${B}--\r\n`],
    ['text after the close delimiter', `${field('q', 'a')}--${B}--\r\n${field('r', 'b')}`],
    ['a delimiter followed by neither CRLF nor --', `${field('q', 'a')}--${B}x\r\n${field('r', 'b')}--${B}--\r\n`],
    ['a bare LF in a part header block', `--${B}\r\nContent-Disposition: form-data; name="q"\nX-A: b\r\n\r\na\r\n--${B}--\r\n`],
    ['a bare CR in a part header block', `--${B}\r\nContent-Disposition: form-data; name="q"\rX-A: b\r\n\r\na\r\n--${B}--\r\n`],
    ['--boundary right after the blank line (busboy: a delimiter)', `--${B}\r\nContent-Disposition: form-data; name="q"\r\n\r\n--${B}\r\n\r\na\r\n--${B}--\r\n`],
  ])('flags %s for a raw rescan', (_what, text) => {
    malformedAtEverySplit(text);
  });

  it('accepts line ends and spaces after the close delimiter, and an empty preamble line', () => {
    expect(everySplit(type, `${field('q', 'a')}--${B}--\r\n\r\n \t`)).toEqual({ malformed: false, blocked: false, found: [] });
    expect(everySplit(type, `\r\n${field('q', 'a')}--${B}--`)).toEqual({ malformed: false, blocked: false, found: [] });
  });

  it('scans text before the first delimiter (parsers drop it; another may not)', () => {
    expect(everySplit(type, `<script>alert(1)</script>\r\n${field('q', 'a')}--${B}--\r\n`).found).toContain('xss@body');
  });

  it('scans a base64 part decoded too (undici decodes it), at every chunk boundary', () => {
    const head = 'Content-Disposition: form-data; name="q"\r\nContent-Transfer-Encoding: base64';
    const encoded = btoa('<script>alert(1)</script>').replace(/(.{8})/g, '$1\r\n'); // (line breaks are skipped, as Buffer does)
    expect(everySplit(type, `--${B}\r\n${head}\r\n\r\n${encoded}\r\n--${B}--\r\n`)).toEqual({ malformed: false, blocked: true, found: ['xss@body:q', 'xss@body:q'] });
  });

  // The content is skipped as a binary file only when every parser delivers it as a file.
  it.each([
    ['filename=""', 'Content-Disposition: form-data; name="q"; filename=""\r\nContent-Type: image/png'],
    ['two Content-Dispositions', 'Content-Disposition: form-data; name="q"\r\nContent-Disposition: form-data; name="q"; filename="a.png"\r\nContent-Type: image/png'],
    ['a folded line', 'Content-Type: image/png\r\nContent-Disposition: form-data; name="q"; filename="a.png"\r\n X-Folded: yes'],
    ['FILENAME= in capitals', 'Content-Disposition: form-data; name="q"; FILENAME="a.png"\r\nContent-Type: image/png'],
    ['filename* only', `Content-Disposition: form-data; name="q"; filename*=UTF-8''a.png\r\nContent-Type: image/png`],
    ['an escaped quote', 'Content-Disposition: form-data; name="q"; filename="a\\".png"\r\nContent-Type: image/png'],
    ['a quoted-printable transfer encoding', 'Content-Disposition: form-data; name="q"; filename="a.png"\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: quoted-printable'],
    ['no Content-Type', 'Content-Disposition: form-data; name="q"; filename="a.png"'],
  ])('scans a file part with %s as text', (_what, head) => {
    expect(everySplit(type, `--${B}\r\n${head}\r\n\r\n1' OR '1'='1\r\n--${B}--\r\n`).found).toContain('sqli@body:q');
  });

  it('skips a plain binary file part', () => {
    const head = 'Content-Disposition: form-data; name="q"; filename="a.png"\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: binary';
    expect(everySplit(type, `--${B}\r\n${head}\r\n\r\n1' OR '1'='1\r\n--${B}--\r\n`)).toEqual({ malformed: false, blocked: false, found: [] });
  });
});
