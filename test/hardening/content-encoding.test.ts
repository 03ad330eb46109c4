// A request body sent with Content-Encoding (shared: Node, Chromium, Deno). The application,
// or a body parser in front of it, inflates such a body before reading it, so the guard
// scans the inflated bytes: gzip is not a way around the rules. What the guard cannot
// decode it refuses (415), a body that does not decode is refused (400), and the body
// limit holds for the inflated size (a gzip bomb is a 413). The handler gets the bytes as
// sent, and no slot stays held.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArena, createDetector, createStandardPools, type Arena, type Detector } from '../../src/index.js';
import { guard } from '../../src/middleware/fetch.js';
import { BodyDecoder, gzipByMember, inflateBody, MAX_GZIP_MEMBERS, webDecompressor, type Decompressor } from '../../src/http/content-encoding.js';
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

// RFC 1952 lets a gzip body be several members one after another (`cat a.gz b.gz`, pigz); Node's
// zlib and express.json() inflate them all. Deno's and Chromium's DecompressionStream fail on the
// bytes after the first member, which made such a body a 400 there: the guard inflates member by
// member, so every runtime reads all of them — and bytes after the last member stay an error.
describe('gzip bodies of several members', () => {
  const gzip = (text: string) => encode(text, ['gzip']);
  const join = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return out;
  };
  /** `bytes` as a request body stream of `size`-byte chunks. */
  const chunked = (bytes: Uint8Array, size: number) => {
    let at = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + size));
        at += size;
      },
    });
  };
  const postStream = (body: ReadableStream<Uint8Array>) => handler(new Request('http://app.local/notes', {
    method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body, duplex: 'half',
  } as RequestInit));

  it('passes a clean body of two members on as sent, in one piece or in chunks of any size', async () => {
    const sent = join(await gzip('{"note":"see you '), await gzip('at the garden","items":[1,2,3]}'));
    seen = undefined;
    const res = await post(sent, 'gzip');
    expect(res.status).toBe(200);
    await res.text();
    expect(seen).toEqual(sent);
    for (const size of [1, 2, 3, 7, 64]) {
      const chunkedRes = await postStream(chunked(sent, size));
      expect(chunkedRes.status, `chunks of ${size}`).toBe(200);
      await chunkedRes.text();
    }
    expect(inUse()).toBe(0);
  });

  it('finds an attack in the second member, or split across members', async () => {
    const second = join(await gzip('{"note":"see you",'), await gzip('"q":"1\' UNION SELECT password FROM users--"}'));
    const split = join(await gzip('{"note":"see you","q":"1\' UNION SEL'), await gzip('ECT password FROM users--"}'));
    const three = join(await gzip('{"note":'), await gzip('"see you",'), await gzip('"q":"1\' UNION SELECT password FROM users--"}'));
    for (const body of [second, split, three]) {
      const res = await post(body, 'gzip');
      expect(res.status).toBe(403);
      expect(JSON.stringify(await res.json())).toContain('"location":"body:$.q"');
      expect((await postStream(chunked(body, 5))).status).toBe(403);
    }
    const r = await detector.analyzeRequest(new Request('http://app.local/x', { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: split }));
    expect(r.blocked).toBe(true);
    expect(r.threats.some((t) => t.location === 'body:$.q')).toBe(true);
    expect(inUse()).toBe(0);
  });

  it("scans a later member's header texts (request.text() reads them)", async () => {
    const member = await gzip('"fine"}');
    const comment = encoder.encode('<script>alert(1)</script>');
    const named = join(member.subarray(0, 3), new Uint8Array([0x10]), member.subarray(4, 10), comment, new Uint8Array([0]), member.subarray(10));
    const res = await handler(new Request('http://app.local/notes', { method: 'POST', headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' }, body: join(await gzip('{"note":'), named) }));
    expect(res.status).toBe(403);
    expect(inUse()).toBe(0);
  });

  it('refuses what is not a whole member after the last one (400): a text, a member cut short, a bare magic', async () => {
    const first = await gzip('{"note":"see you"}');
    const second = await gzip('"at noon"');
    for (const tail of [encoder.encode('<script>alert(document.cookie)</script>'), second.subarray(0, second.length - 1), new Uint8Array([0x1f, 0x8b, 8]), new Uint8Array(8)]) {
      for (const body of [join(first, tail), join(first, second, tail)]) {
        seen = undefined;
        const res = await post(body, 'gzip');
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ error: 'malformed body encoding' });
        expect(seen).toBeUndefined();
        expect((await postStream(chunked(body, 3))).status).toBe(400);
      }
    }
    expect(inUse()).toBe(0);
  });

  it('holds maxBodyBytes against all members together: a bomb in the second member is a 413', async () => {
    const bomb = join(await gzip('{"a":"'), await gzip('0'.repeat(300_000)), await gzip('"}'));
    expect(bomb.length).toBeLessThan(2_000);
    expect((await post(bomb, 'gzip')).status).toBe(413);
    // (each member under the limit, all of them over it)
    const parts = await Promise.all(Array.from({ length: 4 }, () => gzip('0'.repeat(20_000))));
    expect((await post(join(await gzip('{"a":"'), ...parts, await gzip('"}')), 'gzip')).status).toBe(413);
    expect(inUse()).toBe(0);
  });
});

describe('webDecompressor: gzip member by member', () => {
  const join = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return out;
  };
  /** Bytes that do not compress (a stored block keeps them as they are), with gzip's magic inside. */
  const noisy = (n: number) => {
    const bytes = crypto.getRandomValues(new Uint8Array(n));
    for (let i = 100; i + 3 < n; i += 997) bytes.set([0x1f, 0x8b, 8], i);
    return bytes;
  };
  // The runtime's own way (Node's DecompressionStream reads every member: used once known) and
  // member by member (Deno's and Chromium's stop after the first), in every runtime.
  const byMember = () => gzipByMember(new DecompressionStream('gzip') as unknown as Decompressor);
  const web = () => webDecompressor('gzip')!;
  /** `encoded` through a BodyDecoder of `make()`, written `size` bytes at a time. */
  async function decode(encoded: Uint8Array, size: number, make: () => Decompressor = byMember): Promise<Uint8Array> {
    const out: Uint8Array[] = [];
    const decoder = new BodyDecoder([make()], (d) => { out.push(d); return true; });
    for (let at = 0; at < encoded.length; at += size) decoder.write(encoded.slice(at, at + size));
    await decoder.close();
    return join(...out);
  }
  const magicInside = (bytes: Uint8Array) => bytes.findIndex((b, i) => i > 0 && b === 0x1f && bytes[i + 1] === 0x8b && bytes[i + 2] === 8) > 0;

  it("gives every member's bytes whatever the writes, gzip's magic inside a member's data too", async () => {
    const a = noisy(5000), b = encoder.encode('between'), c = noisy(3000);
    const encoded = join(await compress(a, 'gzip'), await compress(b, 'gzip'), await compress(c, 'gzip'));
    expect(magicInside(await compress(a, 'gzip'))).toBe(true); // (the first member is held back at its data's magic)
    for (const size of [1, 2, 3, 500, encoded.length]) expect(await decode(encoded, size), `writes of ${size}`).toEqual(join(a, b, c));
    for (const size of [3, encoded.length]) expect(await decode(encoded, size, web), `web, writes of ${size}`).toEqual(join(a, b, c));
    expect(await inflateBody(encoded, ['gzip'], 1 << 20)).toEqual(join(a, b, c));
    expect(await inflateBody(await compress(a, 'gzip'), ['gzip'], 1 << 20)).toEqual(a);
  });

  it('fails on bytes after the last member, a member cut short or corrupt, and keeps the cap', async () => {
    const one = await compress(encoder.encode('hello'), 'gzip');
    const two = join(one, await compress(encoder.encode(' world'), 'gzip'));
    const corrupt = two.slice();
    corrupt[corrupt.length - 5]! ^= 1; // (the second member's CRC)
    for (const bad of [join(two, encoder.encode('x')), two.subarray(0, two.length - 1), corrupt, join(one, new Uint8Array([0x1f, 0x8b]))]) {
      await expect(decode(bad, 3)).rejects.toThrow();
      await expect(decode(bad, 3, web)).rejects.toThrow();
      await expect(inflateBody(bad, ['gzip'], 1 << 20)).rejects.toThrow();
    }
    const big = join(one, await compress(new Uint8Array(1 << 20), 'gzip'));
    expect((await inflateBody(big, ['gzip'], 1000)).length).toBe(1001);
    expect((await inflateBody(big, ['gzip'], 1000, byMember)).length).toBe(1001);
  });

  it(`member by member, takes ${MAX_GZIP_MEMBERS} members and refuses more (a stream each: 52,000 empty ones cost seconds)`, async () => {
    const empty = await compress(new Uint8Array(0), 'gzip');
    const members = (n: number) => join(...Array.from({ length: n }, () => empty), encoder.encode(''));
    expect(await decode(members(MAX_GZIP_MEMBERS), members(MAX_GZIP_MEMBERS).length)).toEqual(new Uint8Array(0));
    await expect(decode(members(MAX_GZIP_MEMBERS + 1), 4096)).rejects.toThrow(/more than \d+ gzip members/);
  });
});
