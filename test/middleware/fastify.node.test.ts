// Fastify 5 and 4 with the arenaguard plugin, through fastify.inject and over loopback HTTP.
import http2 from 'node:http2';
import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify5, { type FastifyInstance } from 'fastify';
// @ts-expect-error fastify 4 installed under an alias
import Fastify4 from 'fastify4';
import { arenaguard, healthHandler, metricsHandler } from '../../src/middleware/fastify.js';
import type { Arena } from '../../src/index.js';
import type { GuardDetector } from '../../src/middleware/detector.js';
import { benignText, chunkedBody, slotsInUse, sleep, testArena, testDetector } from './helpers.js';

/** A multipart/form-data body with one text field and one file (bytes as given). */
function multipart(boundary: string, field: string, file: Uint8Array): Buffer {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="q"\r\n\r\n${field}\r\n`
      + `--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="notes.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

/** Bytes that are not UTF-8 (a replay that decoded and re-encoded them would change them). */
function binaryBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = 0x80 + ((i * 37) % 0x7f);
  return bytes;
}

for (const [version, Fastify] of [['5', Fastify5], ['4', Fastify4]] as const) {
describe(`fastify ${version}`, () => {
  let arena: Arena;
  let detector: GuardDetector;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    arena = await testArena();
    detector = await testDetector();
    app = (Fastify as typeof Fastify5)({ bodyLimit: 4 * 1024 * 1024 });
    app.get('/metrics', metricsHandler({ arena, detector }) as never);
    app.get('/health', healthHandler({ arena, detector }) as never);
    // A plugin is encapsulated unless it opts out: this one does, so its hook guards the routes of `app`.
    await app.register(arenaguard({ detector, arena, maxBodyBytes: 200_000 }) as never);
    app.get('/search', async (request) => ({ q: (request.query as { q?: string }).q }));
    app.post('/echo', async (request) => ({ body: request.body, held: slotsInUse(arena) }));
    // As @fastify/multipart does: the parser leaves the body in place and the handler pipes request.raw (into busboy).
    app.addContentTypeParser('multipart/form-data', (_request, _payload, done) => done(null));
    app.post('/raw', async (request) => {
      const chunks: Buffer[] = [];
      await pipeline(request.raw, new Writable({ write(chunk: Buffer, _encoding, callback) { chunks.push(chunk); callback(); } }));
      return { base64: Buffer.concat(chunks).toString('base64'), held: slotsInUse(arena) };
    });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app.close();
    await arena.close();
  });

  describe('plugin', () => {
    it('is a named plugin function', () => {
      expect(arenaguard({ detector, arena }).name).toBe('arenaguardFastify');
    });

    it('passes clean JSON bodies to the parser unchanged, slots held during the handler', async () => {
      const doc = { a: { b: ['x', 'y'] }, note: 'fine garden' };
      const res = await app.inject({ method: 'POST', url: '/echo', payload: doc });
      expect(res.statusCode).toBe(200);
      const json = res.json();
      expect(json.body).toEqual(doc);
      expect(json.held).toBeGreaterThan(0);
      await sleep(5);
      expect(slotsInUse(arena)).toBe(0);
    });

    it('blocks malicious query and body with 403 JSON without the payload', async () => {
      const q = await app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent("' OR '1'='1")}` });
      expect(q.statusCode).toBe(403);
      expect(q.body).not.toContain("'1'='1");
      expect(q.json().threats).toContainEqual(expect.objectContaining({ category: 'sqli', location: 'query:q' }));
      const b = await app.inject({ method: 'POST', url: '/echo', payload: { path: '../../etc/passwd' } });
      expect(b.statusCode).toBe(403);
      expect(b.json().threats).toContainEqual(expect.objectContaining({ category: 'path', location: 'body:$.path' }));
    });

    it('streams a chunked body over real HTTP and answers 413 past maxBodyBytes', async () => {
      const text = benignText(150_000, 9);
      const ok = await fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: chunkedBody([text.slice(0, 70_000), text.slice(70_000)]), duplex: 'half' } as RequestInit);
      expect(ok.status).toBe(200);
      expect((await ok.json()).body).toBe(text);
      const big = await fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: chunkedBody([text, text]), duplex: 'half' } as RequestInit);
      expect(big.status).toBe(413);
      await sleep(10);
      expect(slotsInUse(arena)).toBe(0);
    });

    it('leaves request.raw readable with the very bytes sent, for handlers that read it themselves (@fastify/multipart)', async () => {
      const body = multipart('B0undary', 'fine garden', binaryBytes(3000));
      const headers = { 'content-type': 'multipart/form-data; boundary=B0undary' };
      const injected = await app.inject({ method: 'POST', url: '/raw', headers, payload: body });
      expect(injected.statusCode).toBe(200);
      expect(Buffer.from(injected.json().base64, 'base64').equals(body)).toBe(true);
      expect(injected.json().held).toBeGreaterThan(0);
      // Over HTTP: a body that came with the headers, and one that streams in after the guard began to wait.
      const small = await fetch(`${url}/raw`, { method: 'POST', headers, body });
      expect(small.status).toBe(200);
      expect(Buffer.from((await small.json()).base64, 'base64').equals(body)).toBe(true);
      const large = multipart('B0undary', 'fine garden', Buffer.from(benignText(150_000, 4)));
      const streamed = await fetch(`${url}/raw`, { method: 'POST', headers, body: chunkedBody([large.subarray(0, 1000), large.subarray(1000, 90_000), large.subarray(90_000)]), duplex: 'half' } as RequestInit);
      expect(streamed.status).toBe(200);
      expect(Buffer.from((await streamed.json()).base64, 'base64').equals(large)).toBe(true);
      await sleep(10);
      expect(slotsInUse(arena)).toBe(0);
    });

    it('blocks an attack in a body that request.raw would have carried to the handler', async () => {
      const headers = { 'content-type': 'multipart/form-data; boundary=B0undary' };
      const body = multipart('B0undary', "1' OR '1'='1", Buffer.from('plain notes'));
      const injected = await app.inject({ method: 'POST', url: '/raw', headers, payload: body });
      expect(injected.statusCode).toBe(403);
      expect(injected.json().threats).toContainEqual(expect.objectContaining({ category: 'sqli' }));
      const streamed = await fetch(`${url}/raw`, { method: 'POST', headers, body: chunkedBody([body.subarray(0, 60), body.subarray(60)]), duplex: 'half' } as RequestInit);
      expect(streamed.status).toBe(403);
      expect(await streamed.text()).not.toContain("'1'='1");
    });

    it('serves /metrics and /health', async () => {
      const m = await app.inject({ method: 'GET', url: '/metrics' });
      expect(m.headers['content-type']).toContain('version=0.0.4');
      expect(m.body).toContain('# TYPE arenaguard_requests_blocked_total counter');
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    });
  });


  describe('over HTTP/2', () => {
    let app2: FastifyInstance;
    let client: http2.ClientHttp2Session;
    beforeAll(async () => {
      app2 = (Fastify as typeof Fastify5)({ http2: true }) as unknown as FastifyInstance;
      await app2.register(arenaguard({ detector, arena }) as never);
      app2.addContentTypeParser('multipart/form-data', (_request, _payload, done) => done(null));
      app2.post('/raw', async (request) => {
        const chunks: Buffer[] = [];
        await pipeline(request.raw, new Writable({ write(chunk: Buffer, _encoding, callback) { chunks.push(chunk); callback(); } }));
        return { base64: Buffer.concat(chunks).toString('base64') };
      });
      client = http2.connect(await app2.listen({ host: '127.0.0.1', port: 0 }));
    });
    afterAll(async () => {
      client.close();
      await app2.close();
    });

    /** POST in two writes 20 ms apart, so the guard waits for the rest (`length`: false sends no Content-Length, as HTTP/2 clients may). */
    const post = (body: Buffer, length = true) => new Promise<{ status: number; text: string }>((resolve, reject) => {
      const stream = client.request({ ':method': 'POST', ':path': '/raw', 'content-type': 'multipart/form-data; boundary=B0undary', ...(length ? { 'content-length': body.length } : {}) });
      let status = 0;
      const out: Buffer[] = [];
      stream.on('response', (headers) => { status = Number(headers[':status']); });
      stream.on('data', (chunk: Buffer) => out.push(chunk));
      stream.on('end', () => resolve({ status, text: Buffer.concat(out).toString() }));
      stream.on('error', reject);
      stream.write(body.subarray(0, 40));
      setTimeout(() => stream.end(body.subarray(40)), 20);
    });

    // An HTTP/2 request's `complete` turns true only after 'end': the guard must not wait for it to put chunks back.
    it('leaves request.raw readable with the bytes sent, and blocks an attack in them', async () => {
      const body = multipart('B0undary', 'fine garden', binaryBytes(2000));
      const clean = await post(body);
      expect(clean.status).toBe(200);
      expect(Buffer.from(JSON.parse(clean.text).base64, 'base64').equals(body)).toBe(true);
      const attack = await post(multipart('B0undary', "1' OR '1'='1", Buffer.from('plain notes')));
      expect(attack.status).toBe(403);
      expect(attack.text).not.toContain("'1'='1");
    });

    // HTTP/2 has no Transfer-Encoding: a body without Content-Length was taken for no body and passed unread.
    it('reads a body sent without Content-Length', async () => {
      const attack = await post(multipart('B0undary', "1' OR '1'='1", Buffer.from('plain notes')), false);
      expect(attack.status).toBe(403);
      const body = multipart('B0undary', 'fine garden', binaryBytes(500));
      const clean = await post(body, false);
      expect(clean.status).toBe(200);
      expect(Buffer.from(JSON.parse(clean.text).base64, 'base64').equals(body)).toBe(true);
    });
  });

  describe('after another preParsing hook replaced the payload', () => {
    let app2: FastifyInstance;
    beforeAll(async () => {
      app2 = (Fastify as typeof Fastify5)();
      // (e.g. a decryption or decompression hook): the guard reads the stream it is given, not request.raw.
      app2.addHook('preParsing', async (_request, _reply, payload) => (payload as NodeJS.ReadableStream).pipe(new PassThrough()));
      await app2.register(arenaguard({ detector, arena }) as never);
      app2.post('/echo', async (request) => ({ body: request.body }));
    });
    afterAll(() => app2.close());

    it('scans that stream and replays it to the parser', async () => {
      const clean = await app2.inject({ method: 'POST', url: '/echo', payload: { note: 'fine garden' } });
      expect(clean.statusCode).toBe(200);
      expect(clean.json().body).toEqual({ note: 'fine garden' });
      const attack = await app2.inject({ method: 'POST', url: '/echo', payload: { path: '../../etc/passwd' } });
      expect(attack.statusCode).toBe(403);
      expect(attack.json().threats).toContainEqual(expect.objectContaining({ category: 'path', location: 'body:$.path' }));
    });
  });
});
}
