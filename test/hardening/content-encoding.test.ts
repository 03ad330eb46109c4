// A request body sent with Content-Encoding (shared: Node, Chromium, Deno). The application,
// or a body parser in front of it, inflates such a body before reading it, so the guard
// scans the inflated bytes: gzip is not a way around the rules. What the guard cannot
// decode it refuses (415), a body that does not decode is refused (400), and the body
// limit holds for the inflated size (a gzip bomb is a 413). The handler gets the bytes as
// sent, and no slot stays held.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArena, createDetector, createStandardPools, type Arena, type Detector } from '../../src/index.js';
import { guard } from '../../src/middleware/fetch.js';
import { webDecompressor } from '../../src/http/content-encoding.js';
import { renderPrometheus } from '../../src/metrics/index.js';

const ATTACK = JSON.stringify({ note: 'see you', q: "1' UNION SELECT password FROM users--" });
const CLEAN = JSON.stringify({ note: 'see you at the garden', items: [1, 2, 3] });
const encoder = new TextEncoder();

async function compress(data: Uint8Array, format: 'gzip' | 'deflate'): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream(format));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
/** `text` with each coding applied in turn, as `Content-Encoding: a, b` says. */
async function encode(text: string, codings: ('gzip' | 'deflate')[]): Promise<Uint8Array> {
  let bytes = encoder.encode(text);
  for (const coding of codings) bytes = await compress(bytes, coding);
  return bytes;
}

let arena: Arena;
/** The body slots' arena (the detector keeps slots of its own arena leased for its state). */
let bodies: Arena;
let detector: Detector;
let handler: (request: Request) => Promise<Response>;
/** What the last request that reached the application carried. */
let seen: Uint8Array | undefined;

beforeAll(async () => {
  arena = await createArena({ pools: createStandardPools(), autoShrink: false });
  bodies = await createArena({ pools: createStandardPools(), autoShrink: false });
  detector = await createDetector({ arena });
  handler = guard(async (request) => {
    seen = new Uint8Array(await request.arrayBuffer());
    return new Response('ok');
  }, { detector, arena: bodies, maxBodyBytes: 64 * 1024 });
});
afterAll(async () => {
  await bodies.close();
  await arena.close();
});

function post(body: Uint8Array | string, contentEncoding?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (contentEncoding !== undefined) headers['content-encoding'] = contentEncoding;
  return handler(new Request('http://app.local/notes', { method: 'POST', headers, body: body as BodyInit }));
}
const inUse = () => Object.values(bodies.getStats().pools).reduce((n, p) => n + p.inUse, 0);

describe('fetch guard: bodies with Content-Encoding', () => {
  it.each([
    ['gzip', ['gzip']],
    ['x-gzip', ['gzip']],
    ['deflate', ['deflate']],
    ['GZip', ['gzip']],
    ['identity, gzip', ['gzip']],
  ] as const)('%s: an attack inside is found; the clean body reaches the handler as sent', async (header, codings) => {
    const attack = await post(await encode(ATTACK, [...codings]), header);
    expect(attack.status).toBe(403);
    expect(JSON.stringify(await attack.json())).toContain('"location":"body:$.q"');

    const sent = await encode(CLEAN, [...codings]);
    seen = undefined;
    const clean = await post(sent, header);
    expect(clean.status).toBe(200);
    expect(await clean.text()).toBe('ok'); // (the slots are held until the response is read)
    expect(seen).toEqual(sent);
    expect(inUse()).toBe(0);
  });

  it('identity alone is the body as sent', async () => {
    expect((await post(ATTACK, 'identity')).status).toBe(403);
    const clean = await post(CLEAN, 'identity');
    expect(clean.status).toBe(200);
    await clean.text();
  });

  it('refuses a coding it cannot decode with 415 and the codings it can, without reading the body', async () => {
    // (two codings stacked too: body-parser takes one, and a middle stream's size is bounded by nothing sent)
    for (const header of ['compress', 'x-custom', 'deflate, gzip', 'gzip,gzip', 'gzip, gzip, gzip']) {
      seen = undefined;
      const res = await post(await encode(ATTACK, ['gzip']), header);
      expect(res.status, header).toBe(415);
      expect(await res.json()).toMatchObject({ error: 'unsupported content encoding' });
      expect(res.headers.get('accept-encoding')).toMatch(/^gzip, deflate/);
      expect(seen).toBeUndefined();
    }
    // Brotli where this runtime's DecompressionStream has it; refused where it has not.
    const brotli = webDecompressor('br') !== undefined;
    const br = await post(new Uint8Array([0x1b, 0x03, 0x00]), 'br');
    expect(br.status).toBe(brotli ? 400 : 415);
    expect(inUse()).toBe(0);
  });

  it('refuses a body that does not decode as its header says (400): truncated, not gzip at all', async () => {
    const whole = await encode(ATTACK, ['gzip']);
    for (const body of [whole.subarray(0, whole.length - 12), encoder.encode(ATTACK)]) {
      seen = undefined;
      const res = await post(body, 'gzip');
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'malformed body encoding' });
      expect(seen).toBeUndefined();
    }
    expect(inUse()).toBe(0);
  });

  it('holds maxBodyBytes against the inflated size: a small gzip bomb is a 413', async () => {
    const bomb = await encode(`{"a":"${'0'.repeat(300_000)}"}`, ['gzip']);
    expect(bomb.length).toBeLessThan(2_000);
    const res = await post(bomb, 'gzip');
    expect(res.status).toBe(413);
    expect(inUse()).toBe(0);
  });

  it('decodes a body larger than a slot, arriving in many chunks, and finds the attack at its end', async () => {
    const text = JSON.stringify({ filler: 'garden '.repeat(6000), q: "1' UNION SELECT password FROM users--" });
    const bytes = await encode(text, ['gzip']);
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + 97));
        at += 97;
      },
    });
    const res = await handler(new Request('http://app.local/notes', {
      method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body, duplex: 'half',
    } as RequestInit));
    expect(res.status).toBe(403);
    expect(inUse()).toBe(0);
  });

  it('counts the refusals in the metrics by outcome', () => {
    const text = renderPrometheus({ arena, detector });
    expect(text).toMatch(/arenaguard_guard_responses_total\{outcome="unsupported_encoding"\} [1-9]/);
    expect(text).toMatch(/arenaguard_guard_responses_total\{outcome="undecodable"\} [1-9]/);
  });
});

describe('fetch guard: a body is read whatever its Content-Length says', () => {
  it('reads a Request made in code with content-length: 0 and a body (a proxy that copies headers and swaps the body)', async () => {
    seen = undefined;
    const res = await handler(new Request('http://app.local/notes', {
      method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '0' }, body: ATTACK,
    }));
    expect(res.status).toBe(403);
    expect(seen).toBeUndefined();
  });
});
