// Every way a request can end without a body verdict (the client goes away mid-body; the
// guard refuses it with 413, 415 or 503 before it is read whole) must give back the scanner's
// state slots its body scan holds at once, on all four adapters: each one left was given back
// only when GC found the lease (a leak the pool counts), and enough of them filled the pool
// that every later request with a body was answered 503.
import { afterEach, describe, expect, it } from 'vitest';
import express5 from 'express';
import Fastify5 from 'fastify';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { connect, type AddressInfo } from 'node:net';
import http2 from 'node:http2';
import type { Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { arenaguard as expressGuard } from '../../src/middleware/express.js';
import { arenaguard as fastifyGuard } from '../../src/middleware/fastify.js';
import { arenaguard as honoGuard } from '../../src/middleware/hono.js';
import { guard as fetchGuard } from '../../src/middleware/fetch.js';
import type { GuardOptions } from '../../src/middleware/options.js';
import type { Arena } from '../../src/index.js';
import { sleep, slotsInUse, testArena, testDetector } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Opts = GuardOptions<any>; // (one set of options for every adapter's request type)
type Adapter = 'express' | 'fastify' | 'hono' | 'fetch';
const ADAPTERS: Adapter[] = ['express', 'fastify', 'hono', 'fetch'];

interface Started { port: number; close(): Promise<void> }

/** A server on `adapter` whose every route reads the body and answers 200. */
async function start(adapter: Adapter, options: Opts): Promise<Started> {
  if (adapter === 'express') {
    const app = express5();
    app.use(expressGuard(options as Opts));
    app.use(express5.raw({ type: () => true }));
    app.post('/{*any}', (_req, res) => { res.send('ok'); });
    app.use((_err: unknown, _req: unknown, res: { status(n: number): { end(): void } }, _next: unknown) => res.status(500).end());
    return nodeServer(app.listen(0, '127.0.0.1'));
  }
  if (adapter === 'fastify') {
    const app = Fastify5();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    await app.register(fastifyGuard(options as Opts) as never);
    app.post('/*', async () => 'ok');
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { port: (app.server.address() as AddressInfo).port, close: async () => { app.server.closeAllConnections(); await app.close(); } };
  }
  if (adapter === 'hono') {
    const app = new Hono();
    app.use('*', honoGuard(options as Opts));
    app.post('*', async (c) => { await c.req.arrayBuffer(); return c.text('ok'); });
    return nodeServer(serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server);
  }
  const handler = fetchGuard(async (req) => { await req.arrayBuffer(); return new Response('ok'); }, options as GuardOptions<Request>);
  return nodeServer(serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }) as Server);
}

async function nodeServer(server: Server): Promise<Started> {
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Send `parts` (a pause between them) on a raw socket; `abort`: destroy it after the last one. The status line, or '' with none. */
function send(port: number, parts: (string | Buffer)[], abort = false): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (d) => {
      data += d.toString('latin1');
      if (data.includes('\r\n')) resolve(data.split('\r\n')[0]!); // (the answer is in: the socket may stay open)
    });
    socket.on('error', () => undefined);
    const line = () => data.split('\r\n')[0] ?? '';
    socket.on('close', () => resolve(line()));
    void (async () => {
      for (const part of parts) {
        if (socket.destroyed) return;
        socket.write(part);
        await sleep(20);
      }
      if (abort) socket.destroy();
    })();
    setTimeout(() => socket.destroy(), 10_000);
  });
}

function leaks(arena: Arena): number {
  return Object.values(arena.getStats().pools).reduce((n, p) => n + p.leaksDetected, 0);
}

/** Wait (no GC) until the arena is back to `baseline` slots in use, or 1 s. */
async function settled(arena: Arena, baseline: number): Promise<number> {
  for (let i = 0; i < 500 && slotsInUse(arena) !== baseline; i++) await sleep(10);
  return slotsInUse(arena);
}

const head = (type: string, rest: string) => `POST /x HTTP/1.1\r\nHost: a\r\nContent-Type: ${type}\r\n${rest}\r\n`;
const chunk = (text: string | Buffer) => `${text.length.toString(16)}\r\n${text}\r\n`;
/** Bodies cut inside a value, so the scanner holds an open stream when the request ends. */
const OPEN_BODIES: [string, string][] = [
  ['text/plain', 'some words '.repeat(200)],
  ['application/json', `{"comment": "${'some words '.repeat(200)}`],
  ['application/x-www-form-urlencoded', `comment=${'some+words+'.repeat(200)}`],
  ['multipart/form-data; boundary=B0', `--B0\r\nContent-Disposition: form-data; name="comment"\r\n\r\n${'some words '.repeat(200)}`],
  ['application/json; charset=utf-16le', Buffer.from(`{"comment": "${'some words '.repeat(200)}`, 'utf16le').toString('latin1')],
];

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

describe.each(ADAPTERS)('%s: a request that ends without a body verdict gives its scan-state slots back at once', (adapter) => {
  async function setup(options: Record<string, unknown> = {}, bodyArena?: Arena) {
    const detector = await testDetector();
    const scannerArena = (detector as unknown as { arena: Arena }).arena;
    const arena = bodyArena ?? await testArena();
    const server = await start(adapter, { detector, arena, slotWaitMs: 0, ...options } as Opts);
    close = server.close;
    // (one clean request first: the detector's own cached slots are then in place)
    expect(await send(server.port, [head('text/plain', 'Content-Length: 5\r\nConnection: close\r\n') + 'hello'])).toBe('HTTP/1.1 200 OK');
    return { port: server.port, scannerArena, arena, baseline: slotsInUse(scannerArena) };
  }

  it.each(OPEN_BODIES)('client gone mid-body (%s)', async (type, body) => {
    const { port, scannerArena, arena, baseline } = await setup();
    for (let i = 0; i < 3; i++) await send(port, [head(type, 'Content-Length: 100000\r\n'), body], true);
    expect(await settled(scannerArena, baseline)).toBe(baseline);
    expect(await settled(arena, 0)).toBe(0);
    expect(leaks(scannerArena)).toBe(0);
  });

  it('413 on a chunked body', async () => {
    const { port, scannerArena, baseline } = await setup({ maxBodyBytes: 4096 });
    const status = await send(port, [head('text/plain', 'Transfer-Encoding: chunked\r\n'), chunk('some words '.repeat(300)), chunk('some words '.repeat(300))]);
    expect(status).toBe('HTTP/1.1 413 Payload Too Large');
    expect(await settled(scannerArena, baseline)).toBe(baseline);
    expect(leaks(scannerArena)).toBe(0);
  });

  it('413 on a gzip body that inflates past the limit', async () => {
    const { port, scannerArena, baseline } = await setup({ maxBodyBytes: 16384 });
    const gz = gzipSync(Buffer.from('some words '.repeat(20000)));
    const status = await send(port, [head('text/plain', `Content-Encoding: gzip\r\nContent-Length: ${gz.length}\r\n`), gz]);
    expect(status).toBe('HTTP/1.1 413 Payload Too Large');
    expect(await settled(scannerArena, baseline)).toBe(baseline);
    expect(leaks(scannerArena)).toBe(0);
  });

  it.each(['text/plain; charset=utf-7', 'text/plain; charset=utf-16'])('415 for an unreadable charset (%s), body sent whole', async (type) => {
    const { port, scannerArena, baseline } = await setup();
    const status = await send(port, [head(type, 'Content-Length: 10\r\nConnection: close\r\n') + 'hellohello']);
    expect(status).toBe('HTTP/1.1 415 Unsupported Media Type');
    expect(await settled(scannerArena, baseline)).toBe(baseline);
    expect(leaks(scannerArena)).toBe(0);
  });

  it("503 'no free slot for the request body'", async () => {
    const bodyArena = await testArena({ pools: [{ name: 'only', slotSize: 1024, initialSlots: 1, maxSlots: 1 }] });
    const { port, scannerArena, baseline } = await setup({}, bodyArena);
    const status = await send(port, [head('text/plain', 'Transfer-Encoding: chunked\r\n'), chunk('w'.repeat(800)), chunk('w'.repeat(800)), chunk('w'.repeat(800))]);
    expect(status).toBe('HTTP/1.1 503 Service Unavailable');
    expect(await settled(scannerArena, baseline)).toBe(baseline);
    expect(leaks(scannerArena)).toBe(0);
  });
});

// A refusal decided in the background — the slot wait for a chunk timed out — was acted on only
// when the next chunk came: a client that stalled mid-body held its request (and the answer)
// for as long as it stalled.
describe.each(ADAPTERS)('%s: a 503 decided while the client stalls mid-body is answered at once', (adapter) => {
  it('answers 503 without waiting for more of the body', async () => {
    const bodyArena = await testArena({ pools: [{ name: 'only', slotSize: 1024, initialSlots: 1, maxSlots: 1 }] });
    const held = bodyArena.getPool('only').acquire(); // (someone else has the only body slot)
    try {
      const server = await start(adapter, { detector: await testDetector(), arena: bodyArena, slotWaitMs: 100 } as Opts);
      close = server.close;
      // (headers and one chunk, then nothing: send() gives up after 3 s with no answer)
      const status = await send(server.port, [head('text/plain', 'Transfer-Encoding: chunked\r\n'), chunk('w'.repeat(800))]);
      expect(status).toBe('HTTP/1.1 503 Service Unavailable');
    } finally {
      held.release();
    }
  });
});

// A refusal needs no slot, yet Express and Fastify held its slots until its answer was out: an
// answer queued behind a slow response pipelined ahead of it (or, on HTTP/2, one a client never
// lets through its flow-control window) kept maxBodyBytes of arena per request.
describe.each(['express', 'fastify'] as const)('%s: a refused request gives its slots back at the refusal, not once its answer is out', (adapter) => {
  it('a 413 pipelined behind a slow response', async () => {
    const arena = await testArena();
    const options = { detector: await testDetector(), arena, maxBodyBytes: 4096 } as Opts;
    let server: Started;
    if (adapter === 'express') {
      const app = express5();
      app.use(expressGuard(options));
      app.get('/slow', (_req, res) => { setTimeout(() => res.send('done'), 1500); });
      app.post('/{*any}', (_req, res) => { res.send('ok'); });
      server = await nodeServer(app.listen(0, '127.0.0.1'));
    } else {
      const app = Fastify5();
      await app.register(fastifyGuard(options) as never);
      app.get('/slow', async () => { await sleep(1500); return 'done'; });
      app.post('/*', async () => 'ok');
      await app.listen({ port: 0, host: '127.0.0.1' });
      server = { port: (app.server.address() as AddressInfo).port, close: async () => { app.server.closeAllConnections(); await app.close(); } };
    }
    close = server.close;
    const big = 'x'.repeat(3000);
    void send(server.port, ['GET /slow HTTP/1.1\r\nHost: a\r\n\r\n' + head('text/plain', 'Transfer-Encoding: chunked\r\n'), chunk(big), chunk(big)]);
    await sleep(300);
    // (the slow answer is still 1 s away: the refused POST holds nothing now)
    expect(await settled(arena, 0)).toBe(0);
  });
});

// A wrapped detector (tracing, a Proxy) answers asynchronously; a client gone while its verdict
// was awaited had its body scan aborted, which then read as clean: the attack reached the handler.
describe.each(['express', 'fetch'] as const)('%s: a client gone while an async verdict is awaited never reaches the application', (adapter) => {
  it('the handler is not called', async () => {
    const arena = await testArena(); // (the body slots; the detector keeps its own arena)
    const real = await testDetector();
    const detector = new Proxy(real, { get(target, key) {
      if (key === 'analyzeRequest') return async (r: unknown) => { await sleep(100); return (target as unknown as { analyzeRequest(r: unknown): unknown }).analyzeRequest(r); };
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    } });
    const reached: string[] = [];
    let server: Started;
    if (adapter === 'express') {
      const app = express5();
      app.use(expressGuard({ detector, arena }));
      app.post('/{*any}', (_req, res) => { reached.push('express'); res.send('stored'); });
      server = await nodeServer(app.listen(0, '127.0.0.1'));
    } else {
      const handler = fetchGuard(async (req) => { reached.push(await req.text()); return new Response('stored'); }, { detector, arena });
      server = await nodeServer(serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }) as Server);
    }
    close = server.close;
    const attack = "comment=1' UNION SELECT password FROM users--";
    // (sent whole, then gone 30 ms later, while the verdict is awaited)
    void send(server.port, [head('application/x-www-form-urlencoded', `Content-Length: ${attack.length}\r\n`) + attack], true);
    await sleep(400);
    expect(reached).toEqual([]);
    expect(await settled(arena, 0)).toBe(0);
  });
});

/** A server over HTTP/2 guarded by the Express middleware on node:http2 ('node') or by Fastify's plugin; routes answer `got N` bytes. */
async function h2Server(adapter: 'node' | 'fastify', options: Record<string, unknown>): Promise<Started> {
  if (adapter === 'node') {
    const guard = expressGuard(options as Opts);
    const server = http2.createServer((req, res) => guard(req as never, res as never, () => {
      let n = 0;
      req.on('data', (c: Buffer) => (n += c.length));
      req.on('end', () => res.end(`got ${n}`));
    }));
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }
  const app = Fastify5({ http2: true });
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  await app.register(fastifyGuard(options as Opts) as never);
  app.post('/*', async (req) => `got ${(req.body as Buffer | undefined)?.length ?? 0}`);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: (app.server.address() as AddressInfo).port, close: () => app.close() };
}

// HTTP/2 has no `Connection: close` (Node drops the header, with a warning): after an early
// 413/503 the stream was left half-open, and the request's slots held, for as long as the
// client kept its session.
describe('HTTP/2: an early answer closes the request stream and gives its slots back', () => {
  it.each(['node', 'fastify'] as const)('%s: 413 on an oversized body, the client keeping its session open', async (adapter) => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const arena = await testArena();
    const server = await h2Server(adapter, { detector: await testDetector(), arena, maxBodyBytes: 65536 });
    close = server.close;
    const session = http2.connect(`http://127.0.0.1:${server.port}`);
    try {
      for (let i = 0; i < 3; i++) {
        const status = await new Promise<number>((resolve, reject) => {
          const stream = session.request({ ':method': 'POST', ':path': '/upload', 'content-type': 'text/plain' });
          stream.on('response', (h) => resolve(Number(h[':status'])));
          stream.on('error', reject);
          stream.resume();
          stream.end(Buffer.alloc(300_000, 'x'));
        });
        expect(status).toBe(413);
        expect(await settled(arena, 0)).toBe(0);
      }
      // (a clean request on the same session is still answered)
      const ok = await new Promise<number>((resolve, reject) => {
        const stream = session.request({ ':method': 'POST', ':path': '/upload', 'content-type': 'text/plain' });
        stream.on('response', (h) => resolve(Number(h[':status'])));
        stream.on('error', reject);
        stream.resume();
        stream.end('hello');
      });
      expect(ok).toBe(200);
      await sleep(10);
      expect(warnings.filter((w) => /connection/i.test(w))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      session.destroy();
    }
  });
});

// An empty body whose end comes after the headers (a streaming client's `0\r\n\r\n` in a later
// packet; an HTTP/2 END_STREAM in its own frame): the guard's read of it emitted 'end' before the
// application listened, and the request hung.
describe('an empty body whose end arrives after the headers reaches the application', () => {
  async function h1(kind: 'node' | 'express-raw' | 'express-json' | 'fastify'): Promise<Started> {
    const options = { detector: await testDetector(), arena: await testArena() } as Opts;
    if (kind === 'fastify') {
      const app = Fastify5();
      app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
      await app.register(fastifyGuard(options) as never);
      app.post('/*', async (req) => `got ${(req.body as Buffer | undefined)?.length ?? 0}`);
      await app.listen({ port: 0, host: '127.0.0.1' });
      return { port: (app.server.address() as AddressInfo).port, close: async () => { app.server.closeAllConnections(); await app.close(); } };
    }
    if (kind === 'node') {
      const guard = expressGuard(options);
      const { createServer } = await import('node:http');
      return nodeServer(createServer((req, res) => guard(req, res, () => {
        let n = 0;
        req.on('data', (c: Buffer) => (n += c.length));
        req.on('end', () => res.end(`got ${n}`));
      })).listen(0, '127.0.0.1'));
    }
    const app = express5();
    app.use(expressGuard(options));
    app.use(kind === 'express-raw' ? express5.raw({ type: () => true }) : express5.json({ type: () => true }));
    app.post('/{*any}', (req, res) => { res.send(`got ${JSON.stringify(req.body ?? null)}`); });
    return nodeServer(app.listen(0, '127.0.0.1'));
  }

  it.each(['node', 'express-raw', 'express-json', 'fastify'] as const)('%s over HTTP/1.1 (chunked)', async (kind) => {
    const server = await h1(kind);
    close = server.close;
    const status = await send(server.port, ['POST /x HTTP/1.1\r\nHost: a\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n', '0\r\n\r\n']);
    expect(status).toBe('HTTP/1.1 200 OK');
  });

  it.each(['node', 'fastify'] as const)('%s over HTTP/2 (END_STREAM in its own frame)', async (kind) => {
    const server = await h2Server(kind, { detector: await testDetector(), arena: await testArena() });
    close = server.close;
    const port = server.port;
    const session = http2.connect(`http://127.0.0.1:${port}`);
    try {
      const answer = await new Promise<string>((resolve) => {
        const stream = session.request({ ':method': 'POST', ':path': '/x', 'content-type': 'application/octet-stream' });
        let text = '';
        stream.on('data', (c: Buffer) => (text += c));
        stream.on('end', () => resolve(text));
        stream.on('error', (e) => resolve(`error ${e.message}`));
        setTimeout(() => stream.end(), 50);
        setTimeout(() => resolve('(no answer)'), 10_000);
      });
      expect(answer).toBe('got 0');
    } finally {
      session.destroy();
    }
  });
});

// Node emits 'error' ("aborted", ECONNRESET) on a request whose client goes away mid-body,
// before 'close': the guard passed that error on (Express: to next(err), the app's error
// handler, a stack trace per abandoned upload with the default one) instead of dropping the request.
describe('a client gone mid-body is not an application error', () => {
  const abandon = (port: number) => send(port, ['POST /x HTTP/1.1\r\nHost: a\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n', 'a'.repeat(1000)], true);
  /** Abandon a request mid-body on `server`: its slots come back, and no error reaches the application. */
  async function abandonQuietly(server: Started, arena: Arena, errors: unknown[]): Promise<void> {
    close = server.close;
    await abandon(server.port);
    expect(await settled(arena, 0)).toBe(0);
    await sleep(50);
    expect(errors).toEqual([]);
  }

  it('express: the error handler is not called', async () => {
    const errors: string[] = [];
    const arena = await testArena();
    const app = express5();
    app.use(expressGuard({ detector: await testDetector(), arena }));
    app.post('/{*any}', (_req, res) => { res.send('ok'); });
    app.use((err: Error, _req: unknown, res: { status(n: number): { end(): void } }, _next: unknown) => { errors.push(`${err.name}: ${err.message}`); res.status(500).end(); });
    await abandonQuietly(await nodeServer(app.listen(0, '127.0.0.1')), arena, errors);
  });

  it('fastify: the hook fails with RequestAbortedError (400, as Fastify answers an aborted body itself)', async () => {
    const errors: { name: string; statusCode?: number }[] = [];
    const arena = await testArena();
    const app = Fastify5();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    await app.register(fastifyGuard({ detector: await testDetector(), arena }) as never);
    app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => { errors.push({ name: err.name, statusCode: err.statusCode }); return reply.code(err.statusCode ?? 500).send(); });
    app.post('/*', async () => 'ok');
    await app.listen({ port: 0, host: '127.0.0.1' });
    close = async () => { app.server.closeAllConnections(); await app.close(); };
    await abandon((app.server.address() as AddressInfo).port);
    expect(await settled(arena, 0)).toBe(0);
    for (let i = 0; i < 50 && errors.length === 0; i++) await sleep(10);
    expect(errors).toEqual([{ name: 'RequestAbortedError', statusCode: 400 }]);
  });

  // (the fetch adapters threw the body stream's 'aborted' error into Hono's onError, or out of
  // the wrapped handler to the server, which logs it)
  it('hono: onError is not called', async () => {
    const errors: string[] = [];
    const arena = await testArena();
    const app = new Hono();
    app.use('*', honoGuard({ detector: await testDetector(), arena }));
    app.post('*', (c) => c.text('ok'));
    app.onError((err, c) => { errors.push(String(err)); return c.text('error', 500); });
    await abandonQuietly(await nodeServer(serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server), arena, errors);
  });

  it('fetch: the guarded handler does not reject', async () => {
    const errors: string[] = [];
    const arena = await testArena();
    const guarded = fetchGuard(() => new Response('ok'), { detector: await testDetector(), arena });
    const fetchHandler = async (req: Request) => {
      try {
        return await guarded(req);
      } catch (error) {
        errors.push(String(error));
        return new Response('error', { status: 500 });
      }
    };
    await abandonQuietly(await nodeServer(serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1' }) as Server), arena, errors);
  });
});

// The fetch adapters released only when the response was sent, or on a throw or a block: a
// handler still waiting (on an upstream that never answers) when its client went away held the
// body's slots as long as it waited. request.signal aborts then; the handler reads its own copy
// of the body, so the slots can go.
describe.each(['hono', 'fetch'] as const)('%s: the client gone, the body slots go back while the handler still waits', (adapter) => {
  it('releases on request.signal abort', async () => {
    const arena = await testArena();
    const options = { detector: await testDetector(), arena } as Opts;
    let read = 0;
    let server: Started;
    if (adapter === 'hono') {
      const app = new Hono();
      app.use('*', honoGuard(options));
      app.post('*', async (c) => { read += (await c.req.arrayBuffer()).byteLength; return new Promise<Response>(() => undefined); });
      server = await nodeServer(serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server);
    } else {
      const handler = fetchGuard(async (req) => { read += (await req.arrayBuffer()).byteLength; return new Promise<Response>(() => undefined); }, options as GuardOptions<Request>);
      server = await nodeServer(serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }) as Server);
    }
    close = server.close;
    for (let i = 0; i < 3; i++) {
      const before = read;
      const socket = connect(server.port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write('POST /x HTTP/1.1\r\nHost: a\r\nContent-Type: text/plain\r\nContent-Length: 60000\r\n\r\n' + 'a'.repeat(60000));
      for (let j = 0; j < 100 && read === before; j++) await sleep(10);
      expect(read).toBe(before + 60000); // (the handler has the whole body, and waits)
      expect(slotsInUse(arena)).toBeGreaterThan(0);
      socket.destroy(); // the client goes away
      expect(await settled(arena, 0)).toBe(0);
    }
  });
});
