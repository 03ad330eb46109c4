// Node only (real loopback HTTP servers): Express, Fastify and Hono behind arenaguard while the
// arena traps. Every request is answered 403/503 within a timeout, the server stays up (an
// exception thrown from a stream or response listener would be an uncaught exception), the
// application never runs for a request that could not be scanned, and a guard built on a
// fresh arena carries on.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createArena, createDetector, createStandardPools, type Arena, type Detector } from '../../src/index.js';
import { trip } from './trip.js';
import { arenaguard as expressGuard } from '../../src/middleware/express.js';
import { arenaguard as fastifyGuard } from '../../src/middleware/fastify.js';
import { arenaguard as honoGuard } from '../../src/middleware/hono.js';

const ATTACK = "1' OR '1'='1";
const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function fresh(): Promise<{ arena: Arena; d: Detector }> {
  const arena = await createArena({ pools: createStandardPools() });
  const d = await createDetector({ arena });
  cleanup.push(() => arena.close(), () => d.close());
  return { arena, d };
}


interface App { url: string; calls: string[] }

async function expressApp(arena: Arena, d: Detector): Promise<App> {
  const calls: string[] = [];
  const app = express();
  app.use(expressGuard({ detector: d, arena, slotWaitMs: 20 }));
  app.use(express.text({ type: '*/*' }));
  app.all('/{*any}', (req, res) => { calls.push(`${req.method} ${req.url} ${typeof req.body === 'string' ? req.body : ''}`); res.send('app'); });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

async function fastifyApp(arena: Arena, d: Detector): Promise<App> {
  const calls: string[] = [];
  const app = Fastify();
  await app.register(fastifyGuard({ detector: d, arena, slotWaitMs: 20 }) as never);
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.all('/*', async (req) => { calls.push(`${req.method} ${req.url} ${typeof req.body === 'string' ? req.body : ''}`); return 'app'; });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  cleanup.push(() => app.close());
  return { url, calls };
}

async function honoApp(arena: Arena, d: Detector): Promise<App> {
  const calls: string[] = [];
  const app = new Hono();
  app.use('*', honoGuard({ detector: d, arena, slotWaitMs: 20 }));
  app.all('*', async (c) => { calls.push(`${c.req.method} ${c.req.url} ${await c.req.text()}`); return c.text('app'); });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  cleanup.push(() => new Promise((resolve) => server.close(() => resolve(undefined))));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

/** Status, or 'timeout' / 'error' (connection reset, server gone). */
async function send(url: string, init: RequestInit = {}): Promise<number | 'timeout' | 'error'> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(3000) });
    await res.arrayBuffer();
    return res.status;
  } catch (err) {
    return (err as Error).name === 'TimeoutError' ? 'timeout' : 'error';
  }
}

function traffic(url: string): Array<Promise<number | 'timeout' | 'error'>> {
  const out: Array<Promise<number | 'timeout' | 'error'>> = [];
  for (let i = 0; i < 24; i++) {
    const attack = i % 3 === 0;
    const value = attack ? ATTACK : `hello ${i}`;
    if (i % 2) out.push(send(`${url}/s?q=${encodeURIComponent(value)}`));
    else out.push(send(`${url}/submit`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `${value} ${'x'.repeat(i * 700)}` }));
  }
  return out;
}

for (const [name, build] of [['express', expressApp], ['fastify', fastifyApp], ['hono', honoApp]] as const) {
  describe(`faults: ${name}`, () => {
    // Were bugs until fe69542/fa2d100: GETs after the trap reached the app with 200 (the warm
    // detector scanned on in the faulted module), and Inspection.write/release threw
    // ArenaClosedError from stream and response listeners.
    it(`${name}: after a trap every request is answered 403/503, nothing reaches the app, the server stays up; a fresh guard carries on`, async () => {
      const { arena, d } = await fresh();
      const app = await build(arena, d);
      expect(await send(`${app.url}/s?q=warm`)).toBe(200);
      app.calls.length = 0;
      trip(arena);
      const statuses = await Promise.all(traffic(app.url));
      expect(statuses.filter((s) => s !== 403 && s !== 503), statuses.join(',')).toEqual([]);
      expect(app.calls).toEqual([]);
      expect(await send(`${app.url}/s?q=still+up`)).toBe(503);

      const next = await fresh();
      const app2 = await build(next.arena, next.d);
      expect(await send(`${app2.url}/s?q=hello`)).toBe(200);
      expect(await send(`${app2.url}/s?q=${encodeURIComponent(ATTACK)}`)).toBe(403);
    });

    it(`${name}: a GET after the trap is 503 and the app is not called`, async () => {
      const { arena, d } = await fresh();
      const app = await build(arena, d);
      expect(await send(`${app.url}/s?q=warm`)).toBe(200);
      app.calls.length = 0;
      trip(arena);
      expect(await send(`${app.url}/s?q=hello`)).toBe(503);
      expect(app.calls).toEqual([]);
    });
  });
}
