// A request body in a charset other than UTF-8 (shared: Node, Chromium, Deno). Express's
// body parsers decode a body by its Content-Type's charset (express.json() takes any utf-*,
// UTF-7 included), so before the guard read charsets, `1+ACc- OR +ACc-1+ACc-=+ACc-1` sent as
// UTF-7 reached the application as `1' OR '1'='1`. Now: UTF-16 is read as the text it is,
// ASCII-compatible charsets as their bytes, and every other charset is refused (415).
// A body labelled UTF-16 is scanned in both readings: its text, which body-parser reads, and
// its bytes, which Fastify, the fetch body readers and busboy read (they ignore the label).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArena, createDetector, createStandardPools, type Arena, type Detector } from '../../src/index.js';
import { guard } from '../../src/middleware/fetch.js';
import { charsetOf, charsetPlan } from '../../src/http/charset.js';

const ATTACK = JSON.stringify({ note: 'see you', q: "1' OR '1'='1" });
const CLEAN = JSON.stringify({ note: 'see you at the café, 10:30', items: [1, 2, 3] });

function utf16(text: string, order: 'le' | 'be', bom = false): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) { view.setUint16(0, 0xfeff, order === 'le'); at = 2; }
  for (let i = 0; i < text.length; i++, at += 2) view.setUint16(at, text.charCodeAt(i), order === 'le');
  return out;
}
/** `bytes` in chunks of `size` bytes (odd sizes split UTF-16 characters). */
function chunked(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

let arena: Arena;
let bodies: Arena;
let detector: Detector;
let handler: (request: Request) => Promise<Response>;
let reached = 0;

beforeAll(async () => {
  arena = await createArena({ pools: createStandardPools(), autoShrink: false });
  bodies = await createArena({ pools: createStandardPools(), autoShrink: false });
  detector = await createDetector({ arena });
  handler = guard(async (request) => {
    await request.arrayBuffer();
    reached++;
    return new Response('ok');
  }, { detector, arena: bodies });
});
afterAll(async () => {
  await bodies.close();
  await arena.close();
});

async function post(body: Uint8Array | string | ReadableStream<Uint8Array>, contentType: string): Promise<{ status: number; json: Record<string, unknown> | undefined }> {
  const res = await handler(new Request('http://app.local/notes', {
    method: 'POST', headers: { 'content-type': contentType }, body: body as BodyInit, duplex: 'half',
  } as RequestInit));
  const text = await res.text();
  return { status: res.status, json: res.status === 200 ? undefined : JSON.parse(text) };
}
const inUse = () => Object.values(bodies.getStats().pools).reduce((n, p) => n + p.inUse, 0);

describe('charsetPlan', () => {
  it('reads the charset parameter however it is written', () => {
    expect(charsetOf('application/json')).toBeUndefined();
    expect(charsetOf('application/json; charset=UTF-8')).toBe('utf-8');
    expect(charsetOf('text/plain;CHARSET="utf-16LE"')).toBe('utf-16le');
    expect(charsetOf('text/plain; format=flowed; charset=iso-8859-1')).toBe('iso-8859-1');
    // Spaces around '=': body-parser's content-type package reads them, so does the guard.
    expect(charsetOf('text/plain; format=flowed; charset = iso-8859-1')).toBe('iso-8859-1');
  });

  it('scans UTF-8 and ASCII-compatible charsets as bytes, transcodes UTF-16, refuses the rest', () => {
    for (const cs of ['utf-8', 'utf8', 'us-ascii', 'iso-8859-1', 'ISO-8859-15', 'windows-1252', 'latin1', 'shift_jis', 'gbk', 'big5', 'koi8-r']) {
      expect(charsetPlan(`text/plain; charset=${cs}`), cs).toBe('bytes');
    }
    expect(charsetPlan('text/plain; charset=utf-16le')).toBe('utf-16le');
    expect(charsetPlan('text/plain; charset=ucs-2')).toBe('utf-16le');
    expect(charsetPlan('text/plain; charset=UTF-16BE')).toBe('utf-16be');
    expect(charsetPlan('text/plain; charset=utf-16')).toBe('utf-16');
    for (const cs of ['utf-7', 'utf-32', 'utf-32le', 'iso-2022-jp', 'hz-gb-2312', 'cp037', 'x-made-up', '']) {
      expect(charsetPlan(`text/plain; charset=${cs}`), cs).toBeUndefined();
    }
  });
});

describe('fetch guard: body charsets', () => {
  it('refuses a charset whose characters are not its bytes (UTF-7 and others) with 415, before the application', async () => {
    const before = reached;
    for (const cs of ['utf-7', 'UTF-7', 'utf-32le', 'iso-2022-jp', 'x-unknown']) {
      const r = await post(JSON.stringify({ q: '1+ACc- OR +ACc-1+ACc-=+ACc-1' }), `application/json; charset=${cs}`);
      expect(r.status, cs).toBe(415);
      expect(r.json).toMatchObject({ error: 'unsupported charset' });
    }
    expect(reached).toBe(before);
    expect(inUse()).toBe(0);
  });

  it.each([
    ['utf-16le', 'le', false],
    ['utf-16be', 'be', false],
    ['utf-16', 'le', true],
    ['utf-16', 'be', true],
  ] as const)('%s (%s, BOM %s): the attack is found where it is, and a clean body passes (no NUL-byte false positive)', async (cs, order, bom) => {
    const attack = await post(utf16(ATTACK, order, bom), `application/json; charset=${cs}`);
    expect(attack.status).toBe(403);
    const threats = (attack.json!.threats as { ruleId: string; location: string }[]);
    expect(threats.some((t) => t.location === 'body:$.q' && t.ruleId.startsWith('sqli.'))).toBe(true);
    expect(threats.some((t) => t.ruleId === 'path.null-byte')).toBe(false);
    expect((await post(utf16(CLEAN, order, bom), `application/json; charset=${cs}`)).status).toBe(200);
    // Characters split between chunks, BOM split too.
    expect((await post(chunked(utf16(ATTACK, order, bom), 3), `application/json; charset=${cs}`)).status).toBe(403);
    expect((await post(chunked(utf16(CLEAN, order, bom), 1), `application/json; charset=${cs}`)).status).toBe(200);
    expect(inUse()).toBe(0);
  });

  it('scans the bytes too: UTF-8 text labelled UTF-16 is what request.json(), Fastify and busboy read', async () => {
    const form = "note=hi&q=1' UNION SELECT password FROM users--";
    const multipart = `--B\r\nContent-Disposition: form-data; name="q"\r\n\r\n1' UNION SELECT password FROM users--\r\n--B--\r\n`;
    for (const cs of ['utf-16le', 'utf-16be', 'ucs-2']) {
      expect((await post(ATTACK, `application/json; charset=${cs}`)).status, cs).toBe(403);
      expect((await post(form, `application/x-www-form-urlencoded; charset=${cs}`)).status, cs).toBe(403);
      expect((await post(multipart, `multipart/form-data; boundary=B; charset=${cs}`)).status, cs).toBe(403);
    }
    // A NUL the text itself holds still counts: only the label's zero bytes are explained away.
    const nul = await post(utf16(JSON.stringify({ f: '../../etc/passwd\u0000.png' }), 'le'), 'application/json; charset=utf-16le');
    expect(nul.status).toBe(403);
    expect((nul.json!.threats as { ruleId: string }[]).map((t) => t.ruleId)).toContain('path.null-byte');
    expect(inUse()).toBe(0);
  });

  it('refuses plain utf-16 without a BOM: parsers guess its byte order differently', async () => {
    expect((await post(utf16(CLEAN, 'le'), 'application/json; charset=utf-16')).status).toBe(415);
  });

  it('reads ASCII-compatible charsets as bytes: attacks found, clean bodies pass', async () => {
    const latin1 = new Uint8Array([...'{"note":"caf'].map((c) => c.charCodeAt(0)).concat([0xe9], [...'"}'].map((c) => c.charCodeAt(0))));
    expect((await post(latin1, 'application/json; charset=iso-8859-1')).status).toBe(200);
    expect((await post(ATTACK, 'application/json; charset=windows-1252')).status).toBe(403);
    expect((await post(ATTACK, 'application/json; charset="UTF-8"')).status).toBe(403);
    expect((await post(CLEAN, 'application/json; charset="UTF-8"')).status).toBe(200);
  });

  it('reads a gzip body in UTF-16 as its text', async () => {
    const gz = new Uint8Array(await new Response(new Blob([utf16(ATTACK, 'le') as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
    const res = await handler(new Request('http://app.local/notes', {
      method: 'POST', headers: { 'content-type': 'application/json; charset=utf-16le', 'content-encoding': 'gzip' }, body: gz,
    }));
    expect(res.status).toBe(403);
    await res.text();
    expect(inUse()).toBe(0);
  });
});
