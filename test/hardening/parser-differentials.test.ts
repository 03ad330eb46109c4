// Requests that a parser reads differently from the guard, found by the second red-team run
// (shared: Node, Chromium, Deno). Each delivered an attack to a real application while the
// guard passed it; each is now blocked, and ordinary requests of the same shape still pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedApp, type GuardedApp } from './guarded-app.js';
import { charsetOf, charsetPlan } from '../../src/http/charset.js';
import { gzipHeaderTexts } from '../../src/http/content-encoding.js';
import { TransferEncodingWatch } from '../../src/http/multipart.js';

let app: GuardedApp;
beforeAll(async () => {
  app = await guardedApp(async (request) => new Response(await request.text()));
});
afterAll(() => app.close());

async function post(body: BodyInit, headers: Record<string, string>, url = 'http://app.local/x'): Promise<number> {
  const res = await app.handler(new Request(url, { method: 'POST', headers, body }));
  await res.text();
  return res.status;
}

/** A gzip member whose header carries `name` and `comment` (RFC 1952), around the deflated `text`. */
async function gzipWithHeader(text: string, name: string, comment: string): Promise<Uint8Array> {
  const plain = new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
  const enc = new TextEncoder();
  const fields = [...enc.encode(name), 0, ...enc.encode(comment), 0];
  const out = new Uint8Array(plain.length + fields.length);
  out.set(plain.subarray(0, 10));
  out[3] = 0x08 | 0x10; // FNAME | FCOMMENT
  out.set(fields, 10);
  out.set(plain.subarray(10), 10 + fields.length);
  return out;
}

describe('parser differentials, round 2', () => {
  it("reads the charset as body-parser does: one inside another parameter's quoted value is not the charset", async () => {
    expect(charsetOf('application/json; x="; charset=utf-8 "; charset=utf-7')).toBe('utf-7');
    expect(charsetOf('text/plain; charset="UTF-8"')).toBe('utf-8');
    expect(charsetOf('text/plain; x="unclosed; charset=utf-8')).toBe(''); // (unreadable, and mentions one: refused)
    const utf7 = JSON.stringify({ q: '1+ACc- OR +ACc-1+ACc-=+ACc-1' });
    expect(await post(utf7, { 'content-type': 'application/json; x="; charset=utf-8 "; charset=utf-7' })).toBe(415);
    expect(await post('{"note":"fine"}', { 'content-type': 'application/json; charset="utf-8"' })).toBe(200);
  });

  it('takes the ASCII-compatible charsets express.text() reads as their bytes', async () => {
    for (const cs of ['windows-874', 'ibm866', 'cp866', 'tis-620', 'macintosh', 'ks_c_5601-1987', 'x-sjis']) {
      expect(await post('hello there', { 'content-type': `text/plain; charset=${cs}` }), cs).toBe(200);
    }
  });

  it('reads a form body that is JSON as JSON too (request.json() ignores the Content-Type)', async () => {
    const json = '{"q":"1\\u0027 OR \\u00271\\u0027=\\u00271"}';
    expect(await post(json, { 'content-type': 'application/x-www-form-urlencoded' })).toBe(403);
    expect(await post('{"note":"see you at noon"}', { 'content-type': 'application/x-www-form-urlencoded' })).toBe(200);
  });

  it("finds a qs key that spans the first '=' (qs splits at ']='), in a form body and in the query", async () => {
    const key = "f[1' OR '1'='1]=x";
    expect(await post(key, { 'content-type': 'application/x-www-form-urlencoded' })).toBe(403);
    const r = await app.detector.analyzeRequest({ method: 'GET', url: `/items?${key}`, headers: {} });
    expect(r.blocked).toBe(true);
    // PHP-style arrays and a value holding ']=' are ordinary.
    expect(await post('a[0]=1&a[1]=2&user[name]=Ann', { 'content-type': 'application/x-www-form-urlencoded' })).toBe(200);
    expect(await post('expr=list[1]=2&note=fine', { 'content-type': 'application/x-www-form-urlencoded' })).toBe(200);
  });

  it("scans a gzip body's header texts, which inflating skips and request.text() keeps", async () => {
    const body = await gzipWithHeader('{"note":"fine"}', 'data.json', '<script>alert(document.cookie)</script>');
    expect(gzipHeaderTexts(body).map((t) => new TextDecoder().decode(t))).toEqual(['data.json', '<script>alert(document.cookie)</script>']);
    expect(await post(body, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })).toBe(403);
    const r = await app.detector.analyzeRequest(new Request('http://app.local/x', { method: 'POST', headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' }, body }));
    expect(r.blocked).toBe(true);
    expect(await post(await gzipWithHeader('{"note":"fine"}', 'data.json', 'exported by the app'), { 'content-type': 'application/json', 'content-encoding': 'gzip' })).toBe(200);
  });

  it('scans an Accept-Language that is not a list of language ranges, even with only letters, spaces and =', async () => {
    const r = await app.detector.analyzeRequest({ method: 'GET', url: '/', headers: { 'accept-language': 'en UNION SELECT password FROM users WHERE 1=1' } });
    expect(r.threats.some((t) => t.location === 'header:accept-language')).toBe(true);
    const plain = await app.detector.analyzeRequest({ method: 'GET', url: '/', headers: { 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5' } });
    expect(plain.threats).toEqual([]);
  });

  // Round 2 on multipart: formidable's unanchored regexes, and undici's base64 parts in a body read whole.
  const XSS = '<script>alert(document.cookie)</script>';
  const mp = (boundary: string, ...parts: string[]) => `${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('')}--${boundary}--\r\n`;
  const multipart = (type: string, body: string) => post(body, { 'content-type': type });

  it('scans a file part whose Content-Type is empty (formidable takes it for a text field)', async () => {
    const part = `Content-Disposition: form-data; name="q"; filename="a.png"\r\nContent-Type: \r\n\r\n${XSS}`;
    expect(await multipart('multipart/form-data; boundary=B', mp('B', part))).toBe(403);
    const png = `Content-Disposition: form-data; name="q"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n${XSS}`;
    expect(await multipart('multipart/form-data; boundary=B', mp('B', png))).toBe(200); // (a binary file's bytes are not text)
  });

  it("reads a Content-Type with 'boundary=' twice anywhere (xboundary=F is F to formidable) as ambiguous", async () => {
    const inner = mp('F', `Content-Disposition: form-data; name="q"\r\n\r\n${XSS}`);
    const body = mp('B', `Content-Disposition: form-data; name="img"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n${inner}`);
    expect(await multipart('multipart/form-data; xboundary=F; boundary=B', body)).toBe(403);
  });

  it('scans every name-like parameter of a Content-Disposition (x-name, x-filename)', async () => {
    expect(await multipart('multipart/form-data; boundary=B', mp('B', `Content-Disposition: form-data; name="q"; x-name="${XSS}"\r\n\r\nhi`))).toBe(403);
    expect(await multipart('multipart/form-data; boundary=B', mp('B', `Content-Disposition: form-data; name="f"; filename="a.txt"; x-filename="../../../etc/passwd"\r\nContent-Type: text/plain\r\n\r\nhi`))).toBe(403);
  });

  it('takes a multipart body read whole with a base64 part for unreadable (undici decodes it)', async () => {
    const encoded = btoa(XSS);
    const part = `Content-Disposition: form-data; name="q"\r\nContent-Transfer-Encoding: base64\r\n\r\n${encoded}`;
    for (const type of ['multipart/form-data; boundary=B; boundary=B', `multipart/form-data; boundary=${'B'.repeat(71)}`]) {
      const boundary = type.includes('B'.repeat(71)) ? 'B'.repeat(71) : 'B';
      const res = await app.handler(new Request('http://app.local/x', { method: 'POST', headers: { 'content-type': type }, body: mp(boundary, part) }));
      expect(res.status, type).toBe(403);
      expect((await res.json()).threats.map((t: { ruleId: string }) => t.ruleId)).toContain('limit.unreadable-body');
    }
    // Framed one way only, the base64 part is decoded and its text found.
    expect(await multipart('multipart/form-data; boundary=B', mp('B', part))).toBe(403);
    expect(await multipart('multipart/form-data; boundary=B', mp('B', `Content-Disposition: form-data; name="q"\r\nContent-Transfer-Encoding: base64\r\n\r\n${btoa('see you at noon')}`))).toBe(200);
  });

  // Round 3: what was left, and work that grew faster than the body.
  it('reads a quoted filename* also as written (undici takes it as a plain string), and a name ended by \\" both ways', async () => {
    const star = `Content-Disposition: form-data; name="f"; filename*="<svg onload=alert(1)>'en'x.png"\r\nContent-Type: image/png\r\n\r\nx`;
    expect(await multipart('multipart/form-data; boundary=B', mp('B', star))).toBe(403);
    const escaped = `Content-Disposition: form-data; name="x\\"; filename="<svg onload=alert(1)>.png"\r\nContent-Type: image/png\r\n\r\nx`;
    expect(await multipart('multipart/form-data; boundary=B', mp('B', escaped))).toBe(403);
  });

  it('decodes a base64 part as Node does: each UTF-16 unit by its low byte (U+0141 is A)', async () => {
    const stand = [...btoa(XSS)].map((c) => String.fromCharCode(0x100 | c.charCodeAt(0))).join('');
    const part = `Content-Disposition: form-data; name="q"\r\nContent-Transfer-Encoding: base64\r\n\r\n${stand}`;
    expect(await multipart('multipart/form-data; boundary=B', mp('B', part))).toBe(403);
  });

  it('finds each gzip header text once: a field full of fake headers is one text (linear work)', () => {
    const fake = new Uint8Array(20 * 1000);
    for (let i = 0; i < fake.length; i += 20) fake.set([0x1f, 0x8b, 8, 0x08, 1, 1, 1, 1, 1, 3, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61], i);
    // (no zero byte inside: the real FNAME runs over all of them, as a crafted one would)
    const body = new Uint8Array([0x1f, 0x8b, 8, 0x08, 0, 0, 0, 0, 0, 3, ...fake, 0, 3, 0]);
    expect(gzipHeaderTexts(body).length).toBe(1);
  });

  it('passes a UTF-16 body near the body limit whose UTF-8 text is over the scan limit', async () => {
    const text = '中'.repeat(350 * 1024); // 700 KiB as UTF-16, 1.05 MB as UTF-8
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) { bytes[2 * i] = text.charCodeAt(i) & 0xff; bytes[2 * i + 1] = text.charCodeAt(i) >> 8; }
    expect(await post(bytes, { 'content-type': 'text/plain; charset=utf-16le' })).toBe(200);
  });

  it('spots a transfer encoding however the body is cut, one byte at a time included, and passes plain ones', () => {
    const cases: Array<[string, boolean]> = [
      ['Content-Transfer-Encoding: base64\r\n', true],
      ['content-transfer-encoding:7bit\r\n', false],
      ['CONTENT-TRANSFER-ENCODING :   binary\n', false],
      ['content-transfer-encontent-transfer-encoding: base64\r\n', true],
      ['xcontent-transfer-encoding: quoted-printable;', true],
      [`content-transfer-encoding:${' '.repeat(20000)}base64\r\n`, true],
    ];
    const enc = new TextEncoder();
    for (const [text, found] of cases) {
      for (const size of [text.length, 1, 7]) {
        const watch = new TransferEncodingWatch();
        const bytes = enc.encode(text);
        for (let i = 0; i < bytes.length; i += size) watch.push(bytes.subarray(i, i + size));
        expect(watch.found, `${JSON.stringify(text.slice(0, 40))} in ${size}-byte chunks`).toBe(found);
      }
    }
  });

  // Round 4: a body of thousands of attacks built a location per finding (deep JSON paths of
  // long keys), listed them all in the 403 and ran out of memory. The list is now bounded.
  it('lists at most 100 findings per part, with short locations; the score counts them all', async () => {
    const key = 'k'.repeat(200);
    let doc = JSON.stringify(Array.from({ length: 1000 }, () => '<script>alert(1)</script>'));
    for (let i = 0; i < 60; i++) doc = `{"${key}":${doc}}`;
    const res = await app.handler(new Request('http://app.local/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: doc }));
    expect(res.status).toBe(403);
    const answer = await res.json() as { threats: { location: string }[]; truncated?: boolean };
    expect(answer.threats.length).toBeLessThanOrEqual(100);
    expect(answer.truncated).toBe(true);
    const r = await app.detector.analyzeRequest({ method: 'POST', url: '/x', headers: { 'content-type': 'application/json' }, body: JSON.parse(doc) });
    expect(r.threats.length).toBe(100);
    expect(r.truncated).toBe(true);
    expect(r.score).toBeGreaterThan(100 * 5);
    expect(Math.max(...r.threats.map((t) => t.location!.length))).toBeLessThanOrEqual(513);
  });

  // Names the client chooses were looked up in plain objects: a header named 'constructor'
  // found Object.prototype.constructor as its 'plain value' test and went unscanned.
  it("looks up header names, charsets and codings the client chose in maps, not objects ('constructor')", async () => {
    const r = await app.detector.analyzeRequest({ method: 'GET', url: '/', headers: { constructor: '<script>alert(1)</script>' } });
    expect(r.blocked).toBe(true);
    expect(charsetPlan('text/plain; charset=constructor')).toBeUndefined();
    expect(await post('fine', { 'content-type': 'text/plain; charset=constructor' })).toBe(415);
    expect(await post('fine', { 'content-type': 'text/plain', 'content-encoding': 'constructor' })).toBe(415);
  });
});
