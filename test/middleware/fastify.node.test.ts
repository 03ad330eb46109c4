// Fastify 5 and 4 with the arenaguard plugin, through fastify.inject and over loopback HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify5, { type FastifyInstance } from 'fastify';
// @ts-expect-error fastify 4 installed under an alias
import Fastify4 from 'fastify4';
import { arenaguard, healthHandler, metricsHandler } from '../../src/middleware/fastify.js';
import type { Arena } from '../../src/index.js';
import type { GuardDetector } from '../../src/middleware/detector.js';
import { benignText, chunkedBody, slotsInUse, sleep, testArena, testDetector } from './helpers.js';

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

    it('serves /metrics and /health', async () => {
      const m = await app.inject({ method: 'GET', url: '/metrics' });
      expect(m.headers['content-type']).toContain('version=0.0.4');
      expect(m.body).toContain('# TYPE arenaguard_requests_blocked_total counter');
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    });
  });

});
}
