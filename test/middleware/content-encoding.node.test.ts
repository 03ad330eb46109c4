// Compressed request bodies, and bodies in other charsets, through each Node framework over
// loopback HTTP. Express's
// express.json() inflates gzip, deflate and brotli bodies (body-parser 2), so before the
// guard decoded bodies, `Content-Encoding: gzip` carried any attack past it. The Node
// adapters decode with zlib too (brotli, and zstd where zlib has it), exactly the codings
// body-parser reads; the fetch-based ones (Hono here) use the runtime's DecompressionStream.
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { arenaguard as expressGuard } from '../../src/middleware/express.js';
import { arenaguard as fastifyGuard } from '../../src/middleware/fastify.js';
import { arenaguard as honoGuard } from '../../src/middleware/hono.js';
import { webDecompressor } from '../../src/http/content-encoding.js';
import type { Arena } from '../../src/index.js';
import type { GuardDetector } from '../../src/middleware/detector.js';
import { listen, sleep, slotsInUse, testArena, testDetector, type Running } from './helpers.js';

const ATTACK = JSON.stringify({ note: 'see you', q: "1' UNION SELECT password FROM users--" });
const CLEAN = { note: 'see you at the garden', items: [1, 2, 3] };
const zstd = (zlib as { zstdCompressSync?: (b: Buffer) => Buffer }).zstdCompressSync;
const ENCODE: Record<string, (text: string) => Buffer> = {
  gzip: (t) => gzipSync(t),
  deflate: (t) => deflateSync(t),
  br: (t) => brotliCompressSync(t),
  zstd: (t) => zstd ? zstd(Buffer.from(t)) : gzipSync(t), // (no zstd in this Node: any bytes do, the header is refused)
};

let arena: Arena;
let detector: GuardDetector;
/** A raw deflate stream of one dynamic block where literal n has the 8-bit code n: its bytes spell `text` (inflated, each byte bit-reversed). */
function visibleDeflate(text: string): Buffer {
  const out: number[] = [];
  let acc = 0, nbits = 0;
  const put = (v: number, n: number) => { for (let i = 0; i < n; i++) { acc |= ((v >> i) & 1) << nbits; if (++nbits === 8) { out.push(acc); acc = 0; nbits = 0; } } };
  const putCode = (code: number, len: number) => { for (let i = len - 1; i >= 0; i--) put((code >> i) & 1, 1); };
  put(1, 1); put(2, 2); // (final, dynamic)
  put(0, 5); put(0, 5); put(3, 4); // (257 literal/length codes, 1 distance code, 7 code length codes: 16 17 18 0 8 7 9)
  for (const l of [0, 0, 0, 2, 1, 0, 2]) put(l, 3);
  const lengthCode: Record<number, [number, number]> = { 8: [0, 1], 0: [2, 2], 9: [3, 2] };
  for (const l of [...Array(254).fill(8), 9, 9, 8, 0]) putCode(...lengthCode[l]!);
  while (nbits !== 0) putCode(510, 9); // (literal 254 until the byte ends)
  for (const b of Buffer.from(text)) { let r = 0; for (let i = 0; i < 8; i++) r |= ((b >> i) & 1) << (7 - i); putCode(r, 8); }
  putCode(254, 8); // (end of block)
  if (nbits) out.push(acc);
  return Buffer.from(out);
}
const VISIBLE_TEXT = '<script>alert(document.cookie)</script>';
const VISIBLE: Record<string, Buffer> = (() => {
  const raw = visibleDeflate(VISIBLE_TEXT);
  const inflated = zlib.inflateRawSync(raw);
  let a = 1, b = 0;
  for (const x of inflated) { a = (a + x) % 65521; b = (b + a) % 65521; }
  const adler = Buffer.alloc(4); adler.writeUInt32BE(((b << 16) | a) >>> 0);
  const trailer = Buffer.alloc(8); trailer.writeUInt32LE((zlib as unknown as { crc32(b: Buffer): number }).crc32(inflated)); trailer.writeUInt32LE(inflated.length, 4);
  const text = Buffer.from(VISIBLE_TEXT);
  return {
    deflate: Buffer.concat([Buffer.from([0x78, 0x01]), raw, adler]),
    gzip: Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), raw, trailer]),
    // (a brotli metadata meta-block, which decoders skip: the body inflates to nothing)
    br: Buffer.concat([Buffer.from([(0b11 << 2) | (1 << 5) | (((text.length - 1) & 1) << 7), (text.length - 1) >> 1]), text, Buffer.from([0x03])]),
  };
})();

const servers: { name: string; url: string; close(): Promise<void> }[] = [];

beforeAll(async () => {
  arena = await testArena();
  detector = await testDetector();
  const guardOptions = { detector, arena, maxBodyBytes: 64 * 1024 };

  const app = express();
  app.use(expressGuard(guardOptions));
  app.use(express.json({ limit: '1mb' }));
  app.post('/echo', (req, res) => res.json(req.body));
  const ex: Running = await listen(app as never);
  servers.push({ name: 'express', url: ex.url, close: ex.close });

  const fastify: FastifyInstance = Fastify();
  await fastify.register(fastifyGuard(guardOptions) as never);
  // (fastify itself does not inflate: the route takes the raw bytes)
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  fastify.post('/echo', async () => ({ ok: true }));
  const fastifyUrl = await fastify.listen({ host: '127.0.0.1', port: 0 });
  servers.push({ name: 'fastify', url: fastifyUrl, close: () => fastify.close() });

  const hono = new Hono();
  hono.use('*', honoGuard(guardOptions));
  hono.post('/echo', async (c) => c.json({ bytes: (await c.req.arrayBuffer()).byteLength }));
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: hono.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  servers.push({
    name: 'hono',
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await arena.close();
});

const post = (url: string, body: Buffer | string, coding: string) => fetch(`${url}/echo`, {
  method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': coding }, body,
});
/** The codings each adapter decodes in this Node. */
function decodes(adapter: string, coding: string): boolean {
  if (coding === 'gzip' || coding === 'deflate') return true;
  if (adapter !== 'hono') return coding === 'br' || (coding === 'zstd' && zstd !== undefined);
  return webDecompressor(coding) !== undefined;
}

describe.each(['express', 'fastify', 'hono'])('%s: compressed request bodies', (adapter) => {
  const url = () => servers.find((s) => s.name === adapter)!.url;

  it.each(['gzip', 'deflate', 'br', 'zstd'])('%s: an attack inside is blocked, or the coding refused (415) where it cannot be decoded', async (coding) => {
    const res = await post(url(), ENCODE[coding]!(ATTACK), coding);
    if (decodes(adapter, coding)) {
      expect(res.status).toBe(403);
      expect(JSON.stringify(await res.json())).toContain('"location":"body:$.q"');
    } else {
      expect(res.status).toBe(415);
      expect(res.headers.get('accept-encoding')).toMatch(/^gzip, deflate/);
    }
    await sleep(5);
    expect(slotsInUse(arena)).toBe(0);
  });

  // (decoders stop at the end of the encoded stream and drop what follows; a parser that does not
  // inflate reads it: an attack after a tiny compressed stream reached Fastify's and Hono's handlers)
  it.each(['gzip', 'deflate', 'br'])('%s: bytes after the end of the encoded stream are a malformed body (400)', async (coding) => {
    const tail = Buffer.from(`<script>alert(document.cookie)</script>`);
    for (const sent of [Buffer.concat([ENCODE[coding]!('hello'), tail]), Buffer.concat([ENCODE[coding]!('hello'), Buffer.alloc(8), tail])]) {
      const res = await post(url(), sent, coding);
      expect(res.status).toBe(decodes(adapter, coding) ? 400 : 415);
    }
    await sleep(5);
    expect(slotsInUse(arena)).toBe(0);
  });

  // (round 4 of the red team: a compressed stream's own bytes can spell an attack a parser that does not
  // inflate reads, while inflating gives something else — a Huffman code giving each byte its own 8 bits,
  // a brotli metadata block; two codings stacked let a middle stream grow unbounded; no multipart parser inflates)
  it.each(['deflate', 'gzip', 'br'])('%s: an attack spelled by the compressed bytes themselves is blocked', async (coding) => {
    const res = await post(url(), VISIBLE[coding]!, coding);
    expect(res.status).toBe(decodes(adapter, coding) ? 403 : 415);
    await sleep(5);
    expect(slotsInUse(arena)).toBe(0);
  });

  it('refuses stacked codings and a compressed multipart body (415)', async () => {
    expect((await post(url(), gzipSync(deflateSync(ATTACK)), 'deflate, gzip')).status).toBe(415);
    const multipart = '--B\r\nContent-Disposition: form-data; name="q"\r\n\r\nhello\r\n--B--\r\n';
    const res = await fetch(`${url()}/echo`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=B', 'content-encoding': 'gzip' }, body: gzipSync(multipart) });
    expect(res.status).toBe(415);
    await sleep(5);
    expect(slotsInUse(arena)).toBe(0);
  });

  it('passes a clean gzip body on as sent', async () => {
    const sent = gzipSync(JSON.stringify(CLEAN));
    const res = await post(url(), sent, 'gzip');
    expect(res.status).toBe(200);
    const json = await res.json();
    if (adapter === 'express') expect(json).toEqual(CLEAN); // inflated by express.json(): the bytes reached it untouched
    if (adapter === 'hono') expect(json).toEqual({ bytes: sent.length });
    await sleep(5);
    expect(slotsInUse(arena)).toBe(0);
  });

  it('answers a gzip bomb with 413 and a closed connection', async () => {
    const bomb = gzipSync(`{"a":"${'0'.repeat(2_000_000)}"}`);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await post(url(), bomb, 'gzip');
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close'); // hono too: @hono/node-server would read the rest before the next request
    await sleep(5);
    expect(slotsInUse(arena)).toBe(0);
  });
});

describe('express: body charsets as express.json() reads them', () => {
  const url = () => servers.find((s) => s.name === 'express')!.url;
  const send = (body: Buffer | string, charset: string) => fetch(`${url()}/echo`, {
    method: 'POST', headers: { 'content-type': `application/json; charset=${charset}` }, body,
  });

  it('refuses UTF-7, which express.json() would decode to a quote (415; it was a 200 with 1\' OR \'1\'=\'1 inside)', async () => {
    const res = await send(JSON.stringify({ q: '1+ACc- OR +ACc-1+ACc-=+ACc-1' }), 'utf-7');
    expect(res.status).toBe(415);
  });

  it('reads UTF-16 as its text: the attack is blocked, a clean body parsed by express.json()', async () => {
    expect((await send(Buffer.from(ATTACK, 'utf16le'), 'utf-16le')).status).toBe(403);
    const clean = await send(Buffer.from(JSON.stringify(CLEAN), 'utf16le'), 'utf-16le');
    expect(clean.status).toBe(200);
    expect(await clean.json()).toEqual(CLEAN);
    await sleep(5);
    expect(slotsInUse(arena)).toBe(0);
  });
});
