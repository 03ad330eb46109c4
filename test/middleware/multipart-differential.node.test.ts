// multipart/form-data read another way than the application reads it: each body here hands
// undici's Request.formData() (behind Hono's parseBody and fetch handlers) or busboy (multer,
// @fastify/multipart: reading per its source, lib/types/multipart.js) an attack as a text
// field, and each passed the guard. The middleware's streaming scanner (with the raw rescan
// the middleware does for a malformed body) and analyzeRequest must both block it, cut into
// chunks anywhere; well-formed bodies that browsers and undici send must still pass clean.
import { beforeAll, describe, expect, it } from 'vitest';
import { createBodyScanner } from '../../src/middleware/body-scan.js';
import type { GuardDetector } from '../../src/middleware/detector.js';
import type { Detector } from '../../src/index.js';
import { multipartBoundary } from '../../src/http/multipart.js';
import { testDetector } from './helpers.js';

let detector: GuardDetector;
beforeAll(async () => {
  detector = await testDetector();
});

const enc = new TextEncoder();
const ATK = '<script>alert(1)</script>';
const SQLI = "1' OR '1'='1";
const B = 'arenaguardRedTeamBoundary0123456789';
const TYPE = `multipart/form-data; boundary=${B}`;

/** The middleware's verdict on a body in these chunks: its scanner, then the raw rescan when it says malformed. */
function middlewareBlocks(type: string, parts: Uint8Array[]): boolean {
  const scanner = createBodyScanner(detector, type);
  for (const p of parts) scanner.push(p);
  const r = scanner.finish();
  if (r.blocked) return true;
  if (!scanner.malformed) return false;
  const whole = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    whole.set(p, at);
    at += p.length;
  }
  return detector.scan(whole, { context: 'body' }).blocked;
}

/** Blocked whole and cut in two at every byte. */
function blockedAtEverySplit(type: string, body: string): void {
  const bytes = enc.encode(body);
  expect(middlewareBlocks(type, [bytes]), 'whole').toBe(true);
  for (let cut = 0; cut <= bytes.length; cut++) {
    expect(middlewareBlocks(type, [bytes.slice(0, cut), bytes.slice(cut)]), `cut at ${cut}`).toBe(true);
  }
}

async function analyzeBlocks(type: string, body: string): Promise<boolean> {
  const d = detector as unknown as Detector;
  const request = new Request('http://h.test/up', { method: 'POST', headers: { 'content-type': type }, body });
  return (await d.analyzeRequest(request)).blocked;
}

/** What undici's Request.formData() gives the application for field `name` (undefined: no such field, or it refused the body). */
async function undiciField(type: string, body: string, name: string): Promise<unknown> {
  try {
    return (await new Request('http://h.test/', { method: 'POST', headers: { 'content-type': type }, body }).formData()).get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

const part = (head: string, content: string) => `--${B}\r\n${head}\r\n\r\n${content}\r\n`;
const field = (content: string) => part('Content-Disposition: form-data; name="q"', content);
const LONG = 'L'.repeat(69) + 'x-'; // 71 characters

// [what, Content-Type, body, does undici hand `q` the attack (checked, so each case is a real difference)]
const cases: Array<[string, string, string, 'undici' | 'busboy']> = [
  ['a fake close delimiter in the preamble', TYPE, `x--${B}--\r\n${field(SQLI)}--${B}--\r\n`, 'busboy'],
  ['a boundary inside a quoted parameter', `multipart/form-data; x="; boundary=F "; boundary=${B}`,
    `${field(SQLI)}--${B}--\r\n--F\r\nContent-Disposition: form-data; name="z"\r\n\r\nok\r\n--F--\r\n`, 'busboy'],
  ['a boundary over 70 characters', `multipart/form-data; boundary=${LONG}`,
    `--${LONG}\r\nContent-Disposition: form-data; name="q"\r\n\r\nhello\r\n--${LONG.slice(0, 70)}Y\r\n`
    + `Content-Disposition: form-data; name="f"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n${ATK}\r\n--${LONG}--`, 'undici'],
  ['two Content-Disposition headers, the first without a filename (busboy reads the first)', TYPE,
    part('Content-Disposition: form-data; name="q"\r\nContent-Disposition: form-data; name="q"; filename="a.png"\r\nContent-Type: image/png', SQLI) + `--${B}--\r\n`, 'busboy'],
  ['two Content-Disposition headers, the last without a filename (undici reads the last)', TYPE,
    part('Content-Disposition: form-data; name="q"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\nContent-Disposition: form-data; name="q"', ATK) + `--${B}--\r\n`, 'undici'],
  ['filename="" with a non-text type (busboy: a text field)', TYPE,
    part('Content-Disposition: form-data; name="q"; filename=""\r\nContent-Type: image/png', SQLI) + `--${B}--\r\n`, 'busboy'],
  ['FILENAME= in capitals (busboy takes parameter names as written)', TYPE,
    part('Content-Disposition: form-data; name="q"; FILENAME="a.png"\r\nContent-Type: image/png', SQLI) + `--${B}--\r\n`, 'busboy'],
  ['a header line ended by \\n\\n', TYPE,
    `--${B}\r\nContent-Disposition: form-data; name="q"\n\n\r\n${ATK}\r\n${part('Content-Disposition: form-data; name="r"', 'x')}--${B}--\r\n`, 'undici'],
  ['a header line ended by Z\\n', TYPE,
    `--${B}\r\nContent-Disposition: form-data; name="q"Z\n\r\n${ATK}\r\n${part('Content-Disposition: form-data; name="r"', 'x')}--${B}--\r\n`, 'undici'],
  ['Content-Transfer-Encoding: base64', TYPE,
    part('Content-Disposition: form-data; name="q"\r\nContent-Transfer-Encoding: base64', btoa(ATK)) + `--${B}--\r\n`, 'undici'],
  ['base64 on a binary-typed file (undici decodes any part)', TYPE,
    part('Content-Disposition: form-data; name="q"; filename="a.png"\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64', btoa(ATK)) + `--${B}--\r\n`, 'undici'],
];

describe('multipart bodies a parser reads differently', () => {
  it.each(cases)('the middleware blocks %s', async (_what, type, body, parser) => {
    if (parser === 'undici') {
      const got = await undiciField(type, body, 'q');
      const text = got instanceof Blob ? await got.text() : got;
      expect(String(text)).toContain(ATK);
    }
    blockedAtEverySplit(type, body);
  });

  it.each(cases)('analyzeRequest blocks %s', async (_what, type, body) => {
    expect(await analyzeBlocks(type, body)).toBe(true);
  });
});

describe('multipartBoundary', () => {
  it('reads the boundary parameter with quoted strings and refuses ambiguous ones', () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${B}`)).toBe(B);
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b;c"')).toBe('a b;c');
    // busboy and undici read B; formidable's unanchored regex finds the quoted F first: ambiguous.
    expect(multipartBoundary('multipart/form-data; x="; boundary=F "; boundary=B')).toBeUndefined();
    expect(multipartBoundary('multipart/form-data; xboundary=F; boundary=B')).toBeUndefined();
    expect(multipartBoundary('multipart/form-data; boundary=A; Boundary=B')).toBeUndefined();
    expect(multipartBoundary(`multipart/form-data; boundary=${LONG}`)).toBeUndefined();
    expect(multipartBoundary('multipart/form-data; boundary="unclosed')).toBeUndefined();
    expect(multipartBoundary('multipart/form-data; boundary=B C')).toBeUndefined();
    expect(multipartBoundary('multipart/form-data')).toBeUndefined();
  });
});

describe('well-formed multipart bodies pass clean', () => {
  /** A body as undici serialises a FormData (what fetch() sends): its bytes and Content-Type. */
  async function serialised(fd: FormData): Promise<{ type: string; bytes: Uint8Array }> {
    const request = new Request('http://h.test/', { method: 'POST', body: fd });
    return { type: request.headers.get('content-type')!, bytes: new Uint8Array(await request.arrayBuffer()) };
  }

  it('fields, a text file and a binary file that holds attack-like bytes (not text: not scanned)', async () => {
    const fd = new FormData();
    fd.append('title', 'My garden photos');
    fd.append('notes', new Blob(['watering: monday, thursday'], { type: 'text/plain' }), 'notes.txt');
    fd.append('photo', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47]), `${ATK} ${SQLI}`, new Uint8Array([0, 1, 2, 0xff])], { type: 'image/png' }), 'garden.png');
    const { type, bytes } = await serialised(fd);
    const scanner = createBodyScanner(detector, type);
    scanner.push(bytes);
    const r = scanner.finish();
    expect({ malformed: scanner.malformed, blocked: r.blocked, threats: r.threats.length }).toEqual({ malformed: false, blocked: false, threats: 0 });
    const d = detector as unknown as Detector;
    const analyzed = await d.analyzeRequest(new Request('http://h.test/up', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(bytes) }));
    expect(analyzed.threats).toEqual([]);
  });
});
