// Hono on Node through @hono/node-server, over real loopback HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { arenaguard, healthHandler, metricsHandler } from '../../src/middleware/hono.js';
import type { Arena } from '../../src/index.js';
import type { GuardDetector } from '../../src/middleware/detector.js';
import type { ThreatEvent } from '../../src/middleware/options.js';
import { benignText, chunkedBody, slotsInUse, sleep, testArena, testDetector } from './helpers.js';

let arena: Arena;
let detector: GuardDetector;
let server: ServerType;
let url: string;
const events: ThreatEvent[] = [];
const seenInHandler: number[] = [];

beforeAll(async () => {
  arena = await testArena();
  detector = await testDetector();
  const app = new Hono();
  app.get('/metrics', metricsHandler({ arena, detector }));
  app.get('/health', healthHandler({ arena, detector }));
  app.use('/api/*', arenaguard({ detector, arena, exclude: [{ rule: 'xss.*', location: 'body:$.html' }], onThreat: (e) => events.push(e) }));
  app.get('/api/search', (c) => c.json({ q: c.req.query('q') }));
  app.post('/api/echo', async (c) => {
    seenInHandler.push(slotsInUse(arena));
    return c.json(await c.req.json());
  });
  app.post('/api/text', async (c) => c.text(await c.req.text()));
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await arena.close();
});

describe('hono (node-server)', () => {
  it('returns a named middleware', () => {
    expect(arenaguard({ detector, arena }).name).toBe('arenaguardHono');
  });

  it('passes clean requests with the body readable by c.req.json(), and holds slots while the handler runs', async () => {
    const doc = { user: { name: 'Ada' }, list: [1, 2, 3] };
    const res = await fetch(`${url}/api/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(doc);
    expect(seenInHandler.at(-1)).toBeGreaterThan(0);
    await sleep(10);
    expect(slotsInUse(arena)).toBe(0);
  });

  it('blocks malicious query and body with 403 JSON', async () => {
    const q = await fetch(`${url}/api/search?q=${encodeURIComponent("' OR '1'='1")}`);
    expect(q.status).toBe(403);
    const body = await q.json();
    expect(body.error).toBe('request blocked');
    expect(body.threats).toContainEqual(expect.objectContaining({ category: 'sqli', location: 'query:q' }));

    const b = await fetch(`${url}/api/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '<script>alert(1)</script>' }) });
    expect(b.status).toBe(403);
    expect((await b.json()).threats).toContainEqual(expect.objectContaining({ location: 'body:$.name' }));
  });

  it('applies exclusions per field', async () => {
    const ok = await fetch(`${url}/api/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ html: '<script>alert(1)</script>' }) });
    expect(ok.status).toBe(200);
    expect(events.at(-1)!.action).toBe('excluded');
  });

  it('streams a large chunked body through and back unchanged', async () => {
    const parts = [benignText(40_000, 3), benignText(40_000, 4), benignText(40_000, 5)];
    const res = await fetch(`${url}/api/text`, { method: 'POST', body: chunkedBody(parts), duplex: 'half' } as RequestInit);
    expect(await res.text()).toBe(parts.join(''));
    await sleep(10);
    expect(slotsInUse(arena)).toBe(0);
  });

  it('serves /metrics and /health', async () => {
    expect(await (await fetch(`${url}/metrics`)).text()).toContain('arenaguard_pool_slots_in_use{pool="large"}');
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });
});
