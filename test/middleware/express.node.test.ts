// Express 4 and 5 behind arenaguard, over real loopback HTTP.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import express5 from 'express';
// @ts-expect-error express 4 installed under an alias, typed like 5 for what we use
import express4 from 'express4';
import { arenaguard, healthHandler, metricsHandler } from '../../src/middleware/express.js';
import type { ThreatEvent } from '../../src/middleware/options.js';
import type { Arena } from '../../src/index.js';
import type { GuardDetector } from '../../src/middleware/detector.js';
import { benignText, chunkedBody, listen, slotsInUse, sleep, testArena, testDetector, type Running } from './helpers.js';

const XSS = '<script>alert(document.cookie)</script>';
const SQLI = "1' OR '1'='1";

let arena: Arena;
let detector: GuardDetector;
const running: Running[] = [];

beforeAll(async () => {
  arena = await testArena();
  detector = await testDetector();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});
afterAll(async () => {
  await arena.close();
});

async function serve(app: unknown): Promise<string> {
  const r = await listen(app as Parameters<typeof listen>[0]);
  running.push(r);
  return r.url;
}

for (const [name, express] of [['express 5', express5], ['express 4', express4]] as const) {
  describe(name, () => {
    function app(options: Parameters<typeof arenaguard>[0] = {}) {
      const a = express();
      a.use(arenaguard({ detector, arena, ...options }));
      a.use(express.json({ limit: '2mb' }));
      a.use(express.text({ limit: '2mb' }));
      a.get('/search', (req: any, res: any) => res.json({ q: req.query.q }));
      a.post('/echo', (req: any, res: any) => res.json({ body: req.body }));
      a.post('/hash', (req: any, res: any) => res.json({ sha256: createHash('sha256').update(req.body).digest('hex'), length: req.body.length }));
      return a;
    }

    it('lets clean requests through and blocks a malicious query with 403 JSON that omits the payload', async () => {
      const url = await serve(app());
      const clean = await fetch(`${url}/search?q=garden+tools`);
      expect(clean.status).toBe(200);
      expect(await clean.json()).toEqual({ q: 'garden tools' });

      const bad = await fetch(`${url}/search?q=${encodeURIComponent(SQLI)}`);
      expect(bad.status).toBe(403);
      expect(bad.headers.get('content-type')).toMatch(/application\/json/);
      const text = await bad.text();
      expect(text).not.toContain("'1'='1");
      const body = JSON.parse(text);
      expect(body.error).toBe('request blocked');
      expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(bad.headers.get('x-request-id')).toBe(body.requestId);
      expect(body.threats.length).toBeGreaterThan(0);
      for (const t of body.threats) expect(Object.keys(t).sort()).toEqual(['category', 'location', 'ruleId']);
      expect(body.threats).toContainEqual(expect.objectContaining({ category: 'sqli', location: 'query:q' }));
    });

    it('passes a JSON body on unchanged to express.json() and blocks a malicious one with its JSON path', async () => {
      const url = await serve(app());
      const doc = { user: { name: 'Ada', tags: ['x', 'y'] }, comment: 'nice garden', n: 3 };
      const ok = await fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ body: doc });

      const bad = await fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...doc, comment: XSS }) });
      expect(bad.status).toBe(403);
      const body = await bad.json();
      expect(body.threats).toContainEqual(expect.objectContaining({ category: 'xss', location: 'body:$.comment' }));
    });

    it('streams a large chunked body through slots and hands every byte on', async () => {
      const url = await serve(app());
      const parts = Array.from({ length: 12 }, (_, i) => benignText(20_000, i + 1));
      const whole = parts.join('');
      const res = await fetch(`${url}/hash`, {
        method: 'POST', headers: { 'content-type': 'text/plain' }, body: chunkedBody(parts, 2), duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ sha256: createHash('sha256').update(whole).digest('hex'), length: whole.length });
      expect(slotsInUse(arena)).toBe(0);
    });

    it('passes a benign multipart upload untouched and blocks an attack in one of its fields', async () => {
      const a = app();
      a.post('/upload', (req: any, res: any) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => res.json({ sha256: createHash('sha256').update(Buffer.concat(chunks)).digest('hex') }));
      });
      const url = await serve(a);
      const form = new FormData();
      form.append('title', 'My garden -- spring 2026');
      form.append('photo', new Blob([new Uint8Array(30_000).map((_, i) => (i * 7) & 0xff)], { type: 'image/png' }), 'garden.png');
      const request = new Request(`${url}/upload`, { method: 'POST', body: form });
      const sent = Buffer.from(await request.clone().arrayBuffer());
      const ok = await fetch(request);
      expect(ok.status).toBe(200);
      expect((await ok.json()).sha256).toBe(createHash('sha256').update(sent).digest('hex'));

      const evil = new FormData();
      evil.append('title', '<script>alert(1)</script>');
      const bad = await fetch(`${url}/upload`, { method: 'POST', body: evil });
      expect(bad.status).toBe(403);
      expect((await bad.json()).threats).toContainEqual(expect.objectContaining({ category: 'xss', location: 'body:title' }));
    });

    it('finds an attack split across chunks', async () => {
      const url = await serve(app());
      const res = await fetch(`${url}/hash`, {
        method: 'POST', headers: { 'content-type': 'text/plain' }, body: chunkedBody([benignText(3000), 'a <scr', 'ipt>alert(1)</script>'], 5), duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(403);
    });

    it('holds the body slots until the response has finished, not until next() returns', async () => {
      const seen: number[] = [];
      const a = express();
      a.use(arenaguard({ detector, arena }));
      a.post('/slow', (req: any, res: any) => {
        req.resume();
        req.on('end', async () => {
          seen.push(slotsInUse(arena)); // next() has long returned here
          res.write('part 1,');
          await sleep(30);
          seen.push(slotsInUse(arena));
          res.end('part 2');
        });
      });
      const url = await serve(a);
      const res = await fetch(`${url}/slow`, { method: 'POST', body: benignText(5000) });
      expect(await res.text()).toBe('part 1,part 2');
      await sleep(20);
      expect(seen[0]).toBeGreaterThan(0);
      expect(seen[1]).toBe(seen[0]);
      expect(slotsInUse(arena)).toBe(0);
    });

    it('answers 413 over maxBodyBytes, declared or streamed, without calling the app', async () => {
      let reached = 0;
      const a = app({ maxBodyBytes: 1000 });
      a.post('/count', () => reached++);
      const url = await serve(a);
      const declared = await fetch(`${url}/echo`, { method: 'POST', body: 'x'.repeat(1001) });
      expect(declared.status).toBe(413);
      expect((await declared.json()).maxBodyBytes).toBe(1000);
      const streamed = await fetch(`${url}/echo`, { method: 'POST', body: chunkedBody(['a'.repeat(600), 'b'.repeat(600)]), duplex: 'half' } as RequestInit);
      expect(streamed.status).toBe(413);
      expect(reached).toBe(0);
      await sleep(10);
      expect(slotsInUse(arena)).toBe(0);
    });

    it('monitor mode lets threats through and reports them', async () => {
      const events: ThreatEvent[] = [];
      const url = await serve(app({ mode: 'monitor', onThreat: (e) => events.push(e) }));
      const res = await fetch(`${url}/search?q=${encodeURIComponent(XSS)}`);
      expect(res.status).toBe(200);
      expect(events).toHaveLength(1);
      expect(events[0]!.action).toBe('monitored');
      expect(events[0]!.threats[0]!.category).toBe('xss');
    });

    it('exclusions switch a rule off for one field or path only', async () => {
      const events: ThreatEvent[] = [];
      const url = await serve(app({
        exclude: [{ rule: 'sqli.*', location: 'body:$.comment' }, { rule: 'xss.*', path: '/cms/*' }],
        onThreat: (e) => events.push(e),
      }));
      const post = (path: string, doc: unknown) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) });
      expect((await post('/echo', { comment: SQLI })).status).toBe(200);
      expect(events.at(-1)!.action).toBe('excluded');
      expect((await post('/echo', { title: SQLI })).status).toBe(403);
      expect((await post('/echo', { comment: XSS })).status).toBe(403);
      // /cms/* is not routed: the guard let it through (404 from express), not blocked.
      expect((await post('/cms/page', { html: XSS })).status).toBe(404);
      expect((await post('/cms/page', { html: SQLI })).status).toBe(403);
    });

    it('mounted after a body parser, scans the parsed body instead of letting it through', async () => {
      const a = express();
      a.use(express.json());
      a.use(arenaguard({ detector, arena }));
      a.post('/late', (req: any, res: any) => res.json(req.body));
      const url = await serve(a);
      const post = (doc: unknown) => fetch(`${url}/late`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) });
      const ok = await post({ text: 'fine' });
      expect(await ok.json()).toEqual({ text: 'fine' });
      const bad = await post({ text: XSS });
      expect(bad.status).toBe(403);
      expect((await bad.json()).threats).toContainEqual(expect.objectContaining({ location: 'body:$.text' }));
    });

    it('skip() lets chosen requests through unscanned', async () => {
      const url = await serve(app({ skip: (req) => req.url!.startsWith('/search') }));
      expect((await fetch(`${url}/search?q=${encodeURIComponent(XSS)}`)).status).toBe(200);
    });
  });
}

describe('backpressure and failures', () => {
  it('answers 503 with Retry-After when no slot frees up in time, and never calls the app', async () => {
    const tiny = await testArena({ pools: [{ name: 'only', slotSize: 1024, initialSlots: 1, maxSlots: 1 }], maxBytes: 1024 * 1024 });
    const held = tiny.getPool('only').acquire();
    let reached = 0;
    const a = express5();
    a.use(arenaguard({ detector, arena: tiny, slotWaitMs: 20, retryAfterSeconds: 2 }));
    a.post('/x', (_req, res) => { reached++; res.end('ok'); });
    const url = await serve(a);
    const res = await fetch(`${url}/x`, { method: 'POST', body: 'hello' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(reached).toBe(0);
    // With the slot back, the same request goes through.
    held.release();
    const ok = await fetch(`${url}/x`, { method: 'POST', body: 'hello' });
    expect(ok.status).toBe(200);
    await tiny.close();
  });

  it('waits for a slot released within slotWaitMs', async () => {
    const tiny = await testArena({ pools: [{ name: 'only', slotSize: 1024, initialSlots: 1, maxSlots: 1 }], maxBytes: 1024 * 1024 });
    const held = tiny.getPool('only').acquire();
    const a = express5();
    a.use(arenaguard({ detector, arena: tiny, slotWaitMs: 2000 }));
    a.post('/x', (_req, res) => res.end('ok'));
    const url = await serve(a);
    setTimeout(() => held.release(), 50);
    const res = await fetch(`${url}/x`, { method: 'POST', body: 'hello' });
    expect(res.status).toBe(200);
    await tiny.close();
  });

  it('fails closed (503) or open when the scanner throws, per failMode', async () => {
    const broken: GuardDetector = {
      ...detector,
      createStream: detector.createStream.bind(detector),
      getStats: detector.getStats.bind(detector),
      healthCheck: detector.healthCheck.bind(detector),
      analyzeRequest: () => { throw new Error('boom'); },
    };
    for (const [failMode, status] of [['closed', 503], ['open', 200]] as const) {
      const a = express5();
      a.use(arenaguard({ detector: broken, arena, failMode }));
      a.get('/', (_req, res) => res.end('ok'));
      const url = await serve(a);
      expect((await fetch(url)).status).toBe(status);
    }
  });

  it('releases the slots of a request whose client disconnects mid-body, without answering or crashing', async () => {
    let reached = 0;
    const a = express5();
    a.use(arenaguard({ detector, arena }));
    a.post('/x', (_req, res) => { reached++; res.end('ok'); });
    const url = new URL(await serve(a));
    const { connect } = await import('node:net');
    const socket = connect(Number(url.port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n');
    socket.write('a'.repeat(20_000));
    for (let i = 0; i < 50 && slotsInUse(arena) === 0; i++) await sleep(5);
    expect(slotsInUse(arena)).toBeGreaterThan(0); // the partial body sits in slots
    socket.destroy();
    for (let i = 0; i < 100 && slotsInUse(arena) > 0; i++) await sleep(5);
    expect(slotsInUse(arena)).toBe(0);
    expect(reached).toBe(0);
    // The server is still fine.
    expect((await fetch(`${url.origin}/x`, { method: 'POST', body: 'hello' })).status).toBe(200);
  });

  it('answers 503 (failMode closed) when the body arena has been closed, without crashing', async () => {
    const closed = await testArena();
    const a = express5();
    a.use(arenaguard({ detector, arena: closed }));
    a.post('/x', (_req, res) => res.end('ok'));
    const url = await serve(a);
    await closed.close();
    const res = await fetch(`${url}/x`, { method: 'POST', body: 'hello' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
  });

  it('rejects invalid options with errors naming the option', () => {
    expect(() => arenaguard({ mode: 'block-ish' as never })).toThrow(/mode/);
    expect(() => arenaguard({ maxBodyBytes: -1 })).toThrow(RangeError);
    expect(() => arenaguard({ maxBodyBytes: -1 })).toThrow(/maxBodyBytes/);
    expect(() => arenaguard({ paranoia: 3 as never })).toThrow(/paranoia/);
    expect(() => arenaguard({ failMode: 'sometimes' as never })).toThrow(/failMode/);
    expect(() => arenaguard({ exclude: [{ location: 'body:$.x' } as never] })).toThrow(/exclude\[0\]\.rule/);
    expect(() => arenaguard({ exclude: [{ rule: 'x', where: 'y' } as never] })).toThrow(/exclude\[0\]\.where/);
    // (a misspelt rule id excluded nothing, silently)
    expect(() => arenaguard({ exclude: [{ rule: 'sqli.*' }, { rule: 'xss.tag' }] })).toThrow(/exclude\[1\]\.rule 'xss\.tag' matches no rule id/);
    expect(() => arenaguard({ exclude: [{ rule: 'internal.*' }] })).toThrow(RangeError);
    expect(() => arenaguard({ slotWaitMs: 1.5 })).toThrow(/slotWaitMs/);
    expect(() => arenaguard({ onThreat: 'log' as never })).toThrow(/onThreat/);
    expect(() => arenaguard({ detector, paranoia: 2 })).toThrow(/paranoia/);
    expect(() => arenaguard({ detector: {} as never })).toThrow(/detector/);
    expect(arenaguard({ maxBodyBytes: 0 }).name).toBe('arenaguardExpress');
  });

  it('maxBodyBytes 0 refuses any body but serves GETs', async () => {
    const a = express5();
    a.use(arenaguard({ detector, arena, maxBodyBytes: 0 }));
    a.all('/', (_req, res) => res.end('ok'));
    const url = await serve(a);
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url, { method: 'POST', body: 'x' })).status).toBe(413);
  });

  it('serves /metrics and /health', async () => {
    const a = express5();
    a.get('/metrics', metricsHandler({ arena, detector }));
    a.get('/health', healthHandler({ arena, detector }));
    const url = await serve(a);
    const m = await fetch(`${url}/metrics`);
    expect(m.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await m.text()).toMatch(/^arenaguard_pool_slots_in_use\{pool="small"\} \d+$/m);
    const h = await fetch(`${url}/health`);
    expect(h.status).toBe(200);
    expect((await h.json()).status).toMatch(/ok|degraded/);
  });
});

describe('clock reads', () => {
  // A buffered request (the usual case) reads the clock around the body's scan (2), at the
  // head's start, at the head's end and after the body's finish: the head's start is one read
  // for the guard's scan time and the detector's (two before).
  it("a buffered request's head start is read once for the guard and the detector", async () => {
    const fresh = await testDetector();
    const guard = arenaguard({ detector: fresh, arena, mode: 'block' });
    const body = Buffer.from('{"a":"b"}');
    const run = () => new Promise<unknown>((resolve) => {
      const req = Object.assign(new Readable({ read() { /* all pushed */ } }), {
        method: 'POST', url: '/api', complete: true,
        headers: { host: 'localhost', 'content-type': 'application/json', 'content-length': String(body.length), 'user-agent': 'test' },
      });
      req.push(body);
      req.push(null);
      const res = Object.assign(new EventEmitter(), { writeHead() {}, end() {}, setHeader() {}, writableFinished: false, destroyed: false });
      guard(req as never, res as never, (error?: unknown) => {
        res.emit('finish');
        resolve(error);
      });
    });
    expect(await run()).toBeUndefined();
    const own = Object.getOwnPropertyDescriptor(performance, 'now');
    const real = performance.now.bind(performance);
    let reads = 0;
    Object.defineProperty(performance, 'now', { configurable: true, writable: true, value: () => { reads++; return real(); } });
    try {
      expect(await run()).toBeUndefined();
    } finally {
      if (own === undefined) delete (performance as { now?: unknown }).now;
      else Object.defineProperty(performance, 'now', own);
    }
    expect(reads).toBe(5);
    // (the request is still counted and timed by the detector)
    const stats = (fresh as unknown as { getStats(): { requests: number; scanTimeMs: { max: number } } }).getStats();
    expect(stats.requests).toBe(2);
    expect(stats.scanTimeMs.max).toBeGreaterThan(0);
    await (fresh as unknown as { close(): Promise<void> }).close();
  });
});

// `app.use(arenaguard)`, the factory mounted as the middleware: every request fails at once
// with a TypeError that says what to write (never a hang, never an unguarded pass-through).
const MESSAGE = 'arenaguard: call arenaguard(options) to make the middleware: app.use(arenaguard())';

/** A POST that fails the test in 3 s instead of hanging it. */
function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(3000) });
}

for (const [name, express] of [['express 5', express5], ['express 4', express4]] as const) {
  describe(`${name}: app.use(arenaguard) without the call`, () => {
    it('hands next() the TypeError: the error handler sees it, the route never runs', async () => {
      const app = (express as typeof express5)();
      const reached = vi.fn();
      app.use(arenaguard as never);
      app.use(express5.json());
      app.post('/echo', (req, res) => {
        reached();
        res.json(req.body);
      });
      app.use((error: Error, _req: express5.Request, res: express5.Response, _next: express5.NextFunction) => {
        res.status(500).json({ type: error.constructor.name, message: error.message });
      });
      const url = await serve(app);
      for (const body of [{ q: 'fine garden' }, { q: "1' OR '1'='1" }]) {
        const res = await post(`${url}/echo`, body);
        expect(res.status).toBe(500);
        expect(await res.json()).toEqual({ type: 'TypeError', message: MESSAGE });
      }
      expect(reached).not.toHaveBeenCalled();
    });

    it("answers 500 through Express's default error handler", async () => {
      const app = (express as typeof express5)();
      app.use(arenaguard as never);
      app.post('/echo', (_req, res) => res.send('handled'));
      const url = await serve(app);
      const res = await post(`${url}/echo`, { q: 'x' });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toContain('handled');
      expect(text).toContain('arenaguard: call arenaguard(options) to make the middleware');
    });
  });
}

describe('the factory called with (req, res) and no next', () => {
  it('answers 500 with the message on a plain node:http server', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const url = await serve(createServer(arenaguard as never));
      const res = await post(`${url}/echo`, { q: 'x' });
      expect(res.status).toBe(500);
      expect(await res.text()).toContain(MESSAGE);
    } finally {
      warn.mockRestore();
    }
  });

  it('calls next with the TypeError and returns no middleware', () => {
    const next = vi.fn();
    const req = { method: 'GET', headers: {}, url: '/' };
    const res = { setHeader() {}, end() {} };
    expect((arenaguard as unknown as (...args: unknown[]) => unknown)(req, res, next)).toBeUndefined();
    expect(next).toHaveBeenCalledTimes(1);
    const error = next.mock.calls[0]![0] as Error;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(MESSAGE);
  });

  it('the factory itself is unchanged: options make a middleware', () => {
    expect(typeof arenaguard({ detector, arena })).toBe('function');
    expect(typeof arenaguard()).toBe('function');
  });
});
