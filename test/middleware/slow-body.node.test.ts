// Slow clients (red team round 5): ~1,100 clients that each declared a 1 MiB body and sent one
// byte a second held every slot of a default guard — the body's slot was sized from the declared
// Content-Length (64 KiB for one byte), its text scan held a state slot too, and nothing bounded
// how long the guard waited for the body — so every other body-bearing request got 503.
// Now a body holds slots in proportion to the bytes that came, and a body that does not arrive
// within bodyTimeoutMs is answered 408, its slots given back at once.
import { afterEach, describe, expect, it } from 'vitest';
import express5 from 'express';
import Fastify5 from 'fastify';
import { Hono } from 'hono';
import http2 from 'node:http2';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Server } from 'node:http';
import { arenaguard as expressGuard } from '../../src/middleware/express.js';
import { arenaguard as fastifyGuard } from '../../src/middleware/fastify.js';
import { arenaguard as honoGuard } from '../../src/middleware/hono.js';
import { guard as fetchGuard } from '../../src/middleware/fetch.js';
import { resolveGuardOptions, type GuardOptions } from '../../src/middleware/options.js';
import { collectMetrics } from '../../src/metrics/index.js';
import type { Arena } from '../../src/index.js';
import type { GuardDetector } from '../../src/middleware/detector.js';
import { sleep, slotsInUse, testArena, testDetector } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Opts = GuardOptions<any>;
interface Started { port: number; calls: () => number; close(): Promise<void> }

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

/** An Express or Fastify server whose every POST reads the body and answers 200; counts the handler's calls. */
async function start(adapter: 'express' | 'fastify', options: Opts): Promise<Started> {
  let calls = 0;
  if (adapter === 'express') {
    const app = express5();
    app.use(expressGuard(options));
    app.use(express5.raw({ type: () => true, limit: '2mb' }));
    app.post('/{*any}', (_req, res) => { calls++; res.send('ok'); });
    app.use((_err: unknown, _req: unknown, res: { status(n: number): { end(): void } }, _next: unknown) => res.status(500).end());
    const server = app.listen(0, '127.0.0.1') as Server;
    await new Promise((resolve) => server.once('listening', resolve));
    const done = () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
    return { port: (server.address() as AddressInfo).port, calls: () => calls, close: done };
  }
  const app = Fastify5({ bodyLimit: 2 * 1024 * 1024 });
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  await app.register(fastifyGuard(options) as never);
  app.post('/*', async () => { calls++; return 'ok'; });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: (app.server.address() as AddressInfo).port, calls: () => calls, close: async () => { app.server.closeAllConnections(); await app.close(); } };
}

/** A raw socket that has sent `head` and `first`; `answer` resolves to everything received once the server closes it (or after 5 s). */
function slowClient(port: number, head: string, first: string): { socket: Socket; answer: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  let data = '';
  socket.on('data', (d) => { data += d.toString('latin1'); });
  const answer = new Promise<string>((resolve) => {
    socket.on('close', () => resolve(data));
    setTimeout(() => { socket.destroy(); resolve(data); }, 5000);
  });
  socket.write(head + first);
  return { socket, answer };
}

const post = (type: string, length: number, extra = '') => `POST /upload HTTP/1.1\r\nHost: a\r\nContent-Type: ${type}\r\nContent-Length: ${length}\r\n${extra}\r\n`;

/** Wait (no GC) until `arena` has `n` slots in use, or 1 s. */
async function settled(arena: Arena, n: number): Promise<number> {
  for (let i = 0; i < 500 && slotsInUse(arena) !== n; i++) await sleep(10);
  return slotsInUse(arena);
}

function pools(arena: Arena): Record<string, number> {
  return Object.fromEntries(Object.entries(arena.getStats().pools).map(([name, p]) => [name, p.inUse]));
}

function timeouts(detector: GuardDetector): number {
  const family = collectMetrics({ detector: detector as never }).find((f) => f.name === 'arenaguard_guard_responses_total');
  return family?.samples.find((s) => s.labels?.outcome === 'body_timeout')?.value ?? 0;
}

describe('a body trickled a byte at a time holds slots for what came, not for what it declared', () => {
  it.each([
    ['text/plain', 'x', 'x'],
    ['application/json', '{"comment": "x', 'x'],
    ['application/x-www-form-urlencoded', 'comment=x', 'x'],
  ])('%s, Content-Length 1 MiB: one small body slot and no scan-state slot while it trickles', async (type, first, more) => {
    const detector = await testDetector();
    const scannerArena = (detector as unknown as { arena: Arena }).arena;
    const arena = await testArena();
    const server = await start('express', { detector, arena });
    close = server.close;
    // (one clean request first: the detector's own cached slots are then in place)
    await fetch(`http://127.0.0.1:${server.port}/upload`, { method: 'POST', body: 'hello' }).then((r) => r.text());
    const baseline = slotsInUse(scannerArena);
    const clients = [slowClient(server.port, post(type, 1048576), first), slowClient(server.port, post(type, 1048576), first)];
    for (let i = 0; i < 100 && slotsInUse(arena) < 2; i++) await sleep(5);
    for (let i = 0; i < 5; i++) {
      for (const c of clients) c.socket.write(more);
      await sleep(20);
      // (the old guard held a 64 KiB large slot per client from its first byte, and a state slot for its open text scan)
      expect(pools(arena)).toEqual({ small: 2, medium: 0, large: 0 });
      expect(slotsInUse(scannerArena)).toBe(baseline);
    }
    for (const c of clients) c.socket.destroy();
    expect(await settled(arena, 0)).toBe(0);
    expect(await settled(scannerArena, baseline)).toBe(baseline);
  });

  it('grows into larger size classes as the body grows: never more than about twice what came', async () => {
    const arena = await testArena();
    const server = await start('express', { detector: await testDetector(), arena });
    close = server.close;
    const { socket, answer } = slowClient(server.port, post('text/plain', 300_000, 'Connection: close\r\n'), '');
    const slotBytes = () => Object.values(arena.getStats().pools).reduce((n, p) => n + p.inUse * p.slotSize, 0);
    let sent = 0;
    for (const size of [500, 600, 1500, 3000, 6000, 12_000, 30_000, 60_000, 100_000]) {
      socket.write('y'.repeat(size));
      sent += size;
      for (let i = 0; i < 100 && arena.getStats().bytesInUse < sent; i++) await sleep(5);
      expect(slotBytes()).toBeGreaterThanOrEqual(sent);
      expect(slotBytes()).toBeLessThanOrEqual(2 * sent + 1024);
    }
    socket.write('y'.repeat(300_000 - sent));
    expect(await answer.then((a) => a.split('\r\n')[0])).toBe('HTTP/1.1 200 OK');
  });
});

describe.each(['express', 'fastify'] as const)('%s: a body that does not arrive within bodyTimeoutMs', (adapter) => {
  it.each(['text/plain', 'application/json'])('is answered 408 with Connection: close, its slots go back, the handler is not called (%s)', async (type) => {
    const detector = await testDetector();
    const scannerArena = (detector as unknown as { arena: Arena }).arena;
    const arena = await testArena();
    const server = await start(adapter, { detector, arena, bodyTimeoutMs: 300 });
    close = server.close;
    await fetch(`http://127.0.0.1:${server.port}/upload`, { method: 'POST', body: 'hello' }).then((r) => r.text());
    const baseline = slotsInUse(scannerArena);
    const before = timeouts(detector);
    const calls = server.calls();
    // (a large first part: the scan is under way, with its state slots, when the deadline passes)
    const { socket, answer } = slowClient(server.port, post(type, 1048576), type === 'text/plain' ? 'w '.repeat(20_000) : `{"a": "${'w '.repeat(20_000)}`);
    const trickle = setInterval(() => socket.write('x'), 50); // (keeps sending: an idle timeout would not fire)
    const t0 = Date.now();
    try {
      const text = await answer;
      expect(text.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
      expect(text.toLowerCase()).toContain('connection: close');
      expect(text).toContain('"error":"request body timeout"');
      expect(Date.now() - t0).toBeLessThan(4500); // (the client gives up at 5 s)
    } finally {
      clearInterval(trickle);
    }
    expect(server.calls()).toBe(calls);
    expect(await settled(arena, 0)).toBe(0);
    expect(await settled(scannerArena, baseline)).toBe(baseline);
    expect(timeouts(detector)).toBe(before + 1);
  });

  it('a body that arrives in time is not cut off (the deadline ends once the body is in)', async () => {
    const arena = await testArena();
    const server = await start(adapter, { detector: await testDetector(), arena, bodyTimeoutMs: 400 });
    close = server.close;
    const { socket, answer } = slowClient(server.port, post('text/plain', 6, 'Connection: close\r\n'), 'hel');
    await sleep(100);
    socket.write('lo!');
    await sleep(600); // (past the deadline: the request was passed on well before it)
    expect((await answer).split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(server.calls()).toBe(1);
  });
});

describe('HTTP/2: a body past bodyTimeoutMs', () => {
  it('is answered 408 and its stream reset; the slots go back while the session stays open', async () => {
    const arena = await testArena();
    const guard = expressGuard({ detector: await testDetector(), arena, bodyTimeoutMs: 300 });
    let calls = 0;
    const server = http2.createServer((req, res) => guard(req as never, res as never, () => {
      calls++;
      req.resume();
      req.on('end', () => res.end('ok'));
    }));
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const session = http2.connect(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      const stream = session.request({ ':method': 'POST', ':path': '/', 'content-type': 'text/plain', 'content-length': '1048576' });
      stream.on('error', () => undefined);
      stream.write('x');
      const trickle = setInterval(() => { if (!stream.destroyed) stream.write('x'); }, 50);
      const status = new Promise<number>((resolve) => stream.on('response', (h) => resolve(Number(h[':status']))));
      const closed = new Promise<number>((resolve) => stream.on('close', () => resolve(stream.rstCode)));
      stream.resume();
      expect(await status).toBe(408);
      expect(await closed).toBe(http2.constants.NGHTTP2_CANCEL);
      clearInterval(trickle);
      expect(await settled(arena, 0)).toBe(0);
      expect(calls).toBe(0);
      expect(session.closed).toBe(false);
    } finally {
      session.destroy();
    }
  });
});

describe('Hono on @hono/node-server over HTTP/2: a body past bodyTimeoutMs (red team round 6)', () => {
  it('resets the stream as the node adapters do, with no connection header (Node warns of one on HTTP/2)', async () => {
    const { serve } = await import('@hono/node-server');
    const arena = await testArena();
    const app = new Hono();
    app.use('*', honoGuard({ detector: await testDetector(), arena, bodyTimeoutMs: 300 }));
    app.post('*', (c) => c.text('ok'));
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', createServer: http2.createServer }) as unknown as http2.Http2Server;
    await new Promise((resolve) => server.once('listening', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const session = http2.connect(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      const stream = session.request({ ':method': 'POST', ':path': '/', 'content-type': 'text/plain', 'content-length': '100000' });
      stream.on('error', () => undefined);
      stream.write('x');
      const trickle = setInterval(() => { if (!stream.destroyed) stream.write('x'); }, 50);
      const headers = new Promise<http2.IncomingHttpHeaders>((resolve) => stream.on('response', resolve));
      const closed = new Promise<number>((resolve) => stream.on('close', () => resolve(stream.rstCode)));
      stream.resume();
      const h = await headers;
      expect(Number(h[':status'])).toBe(408);
      expect(h.connection).toBeUndefined();
      expect(await closed).toBe(http2.constants.NGHTTP2_CANCEL);
      clearInterval(trickle);
      expect(await settled(arena, 0)).toBe(0);
      expect(warnings.filter((w) => /connection/i.test(w))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      session.destroy();
    }
  });
});

describe.each(['fetch', 'hono'] as const)('%s: a body that does not arrive within bodyTimeoutMs', (adapter) => {
  it('is answered 408 with Connection: close, the body reader is cancelled, the slots go back', async () => {
    const detector = await testDetector();
    const arena = await testArena();
    let calls = 0;
    // (a deadline long enough that a loaded machine reads the first chunk well before it)
    const options = { detector, arena, bodyTimeoutMs: 1000 };
    let handle: (request: Request) => Promise<Response>;
    if (adapter === 'fetch') {
      handle = fetchGuard(async () => { calls++; return new Response('ok'); }, options);
    } else {
      const app = new Hono();
      app.use('*', honoGuard(options));
      app.post('*', (c) => { calls++; return c.text('ok'); });
      handle = async (request) => app.fetch(request);
    }
    let cancelled = false;
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        // (one byte now and then, never the end)
        if (pulls++ > 0) await sleep(40);
        controller.enqueue(new TextEncoder().encode(pulls === 1 ? 'w '.repeat(20_000) : 'x'));
      },
      cancel() { cancelled = true; },
    });
    const before = timeouts(detector);
    const t0 = Date.now();
    const response = handle(new Request('http://127.0.0.1/upload', { method: 'POST', body, headers: { 'content-type': 'text/plain' }, duplex: 'half' } as RequestInit));
    // (while it trickles: slots for what came, no more — once the first chunk was taken)
    for (let i = 0; i < 50 && pulls < 2; i++) await sleep(10);
    expect(pools(arena)).toEqual({ small: 0, medium: 0, large: 1 });
    const res = await response;
    expect(res.status).toBe(408);
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toMatchObject({ error: 'request body timeout' });
    expect(Date.now() - t0).toBeLessThan(5000); // (the body never ends: only the deadline answers)
    expect(cancelled).toBe(true);
    expect(calls).toBe(0);
    expect(slotsInUse(arena)).toBe(0);
    expect(timeouts(detector)).toBe(before + 1);
  });
});

describe('the deadline passes while a chunk waits for a slot (red team round 6)', () => {
  it('is answered 408 at the deadline, not 503 after slotWaitMs, and the slots go back', async () => {
    const detector = await testDetector();
    const arena = await testArena({ pools: [
      { name: 'small', slotSize: 1024, initialSlots: 1, maxSlots: 1 },
      { name: 'medium', slotSize: 8192, initialSlots: 1, maxSlots: 1 },
    ] });
    const other = arena.getPool('medium').acquire(); // other traffic holds the 8 KiB slot
    // (slotWaitMs far past the test's own timeout: a request that waited it out would fail the test)
    const handler = fetchGuard(() => new Response('app'), { detector, arena, bodyTimeoutMs: 200, slotWaitMs: 60_000 });
    let n = 0;
    const body = new ReadableStream<Uint8Array>({ async pull(controller) {
      // 1000 bytes take the one 1 KiB slot, 2000 more need the 8 KiB one (held: they wait), then a trickle
      if (n > 0) await sleep(50);
      controller.enqueue(new TextEncoder().encode(n === 0 ? 'a'.repeat(1000) : n === 1 ? 'b'.repeat(2000) : 'c'));
      n++;
    } });
    const res = await handler(new Request('http://127.0.0.1/', { method: 'POST', body, headers: { 'content-type': 'text/plain' }, duplex: 'half' } as RequestInit));
    expect(res.status).toBe(408);
    await sleep(10);
    expect(arena.getStats().pools.small!.inUse).toBe(0);
    const outcomes = collectMetrics({ detector }).find((f) => f.name === 'arenaguard_guard_responses_total')!.samples;
    const count = (outcome: string) => outcomes.find((x) => x.labels.outcome === outcome)?.value ?? 0;
    expect(count('body_timeout')).toBe(1);
    expect(count('unavailable')).toBe(0);
    other.release();
    expect(arena.getPool('medium').getStats().inUse).toBe(0); // (the aborted wait took no slot)
    await arena.close();
  });
});

describe('a fast large body is still stored efficiently and scanned whole', () => {
  const attack = "x' UNION SELECT password FROM users--";
  it.each(['text/plain', 'application/json'])('900 KiB with an attack at its very end: 403; without it: 200 (%s)', async (type) => {
    const arena = await testArena();
    const server = await start('express', { detector: await testDetector(), arena });
    close = server.close;
    const pad = 'lorem ipsum dolor sit amet '.repeat(Math.ceil((900 * 1024) / 27)).slice(0, 900 * 1024);
    const body = (tail: string) => (type === 'text/plain' ? pad + tail : JSON.stringify({ text: pad, q: tail }));
    const url = `http://127.0.0.1:${server.port}/upload`;
    const blocked = await fetch(url, { method: 'POST', body: body(attack), headers: { 'content-type': type } });
    expect(blocked.status).toBe(403);
    expect(JSON.stringify(await blocked.json())).toContain('sqli');
    const clean = await fetch(url, { method: 'POST', body: body('nothing to see'), headers: { 'content-type': type } });
    expect(clean.status).toBe(200);
    await clean.text();
    expect(await settled(arena, 0)).toBe(0);
  });

  it('a 1 MiB body in 16 KiB chunks takes large slots, not a thousand small ones', async () => {
    const arena = await testArena();
    let held: Record<string, number> = {};
    const handle = fetchGuard(async (req) => { held = pools(arena); await req.arrayBuffer(); return new Response('ok'); }, { detector: await testDetector(), arena });
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 1024 * 1024) { controller.close(); return; }
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x61));
        sent += 16 * 1024;
      },
    });
    const res = await handle(new Request('http://127.0.0.1/upload', { method: 'POST', body, headers: { 'content-type': 'text/plain' }, duplex: 'half' } as RequestInit));
    expect(res.status).toBe(200);
    await res.text();
    expect(held).toEqual({ small: 0, medium: 0, large: 16 });
  });
});

describe('bodyTimeoutMs', () => {
  it('defaults to 60 s per MiB of maxBodyBytes, at least 60 s; false turns it off', () => {
    expect(resolveGuardOptions({}).bodyTimeoutMs).toBe(60_000);
    expect(resolveGuardOptions({ maxBodyBytes: 1024 }).bodyTimeoutMs).toBe(60_000);
    expect(resolveGuardOptions({ maxBodyBytes: 10 * 1024 * 1024 }).bodyTimeoutMs).toBe(600_000);
    expect(resolveGuardOptions({ bodyTimeoutMs: 5000 }).bodyTimeoutMs).toBe(5000);
    expect(resolveGuardOptions({ bodyTimeoutMs: false }).bodyTimeoutMs).toBe(false);
  });

  it('rejects 0 and other bad values with errors naming the option', () => {
    for (const bad of [0, -1, 1.5, Infinity, NaN, 2 ** 31]) {
      expect(() => expressGuard({ bodyTimeoutMs: bad })).toThrow(RangeError);
      expect(() => expressGuard({ bodyTimeoutMs: bad })).toThrow(/bodyTimeoutMs/);
    }
    expect(() => expressGuard({ bodyTimeoutMs: '30s' as never })).toThrow(TypeError);
    expect(() => expressGuard({ bodyTimeoutMs: true as never })).toThrow(/bodyTimeoutMs/);
  });
});

describe('fetch guard: a refusal does not wait for the body source to finish cancelling', () => {
  it('answers 408 at bodyTimeoutMs and gives the slots back while the stalled source still holds its read (red team)', async () => {
    // A fetch-style adapter on node:http hands the guard `new Request(url, { body: req, duplex: 'half' })`:
    // undici's stream of an async iterable cancels by awaiting the iterator's return(), which an async
    // generator runs only after its pending next() settles — when the stalled client sends more or leaves.
    const arena = await testArena();
    let unstall!: () => void;
    const stalled = new Promise<void>((resolve) => { unstall = resolve; });
    async function* trickle() {
      yield new TextEncoder().encode('hello');
      await stalled;
      yield new TextEncoder().encode(' world');
    }
    const handler = fetchGuard(() => new Response('ok'), { detector: await testDetector(), arena, bodyTimeoutMs: 300 });
    const request = new Request('http://127.0.0.1/upload', {
      method: 'POST', headers: { 'content-type': 'text/plain', 'content-length': '100' }, body: trickle() as unknown as BodyInit, duplex: 'half',
    } as RequestInit);
    const started = Date.now();
    const answered = await Promise.race([handler(request), sleep(10_000).then(() => undefined)]);
    try {
      expect(answered?.status, 'answered within 10 s').toBe(408);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(slotsInUse(arena)).toBe(0);
    } finally {
      unstall();
      await sleep(10);
      await arena.close();
    }
  });
});
