// Fastify's usual plugin form, `app.register(arenaguard, options)`: the factory is also the plugin,
// and guards exactly as `app.register(arenaguard(options))` does (Fastify 5 and 4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify5, { type FastifyInstance } from 'fastify';
// @ts-expect-error fastify 4 installed under an alias
import Fastify4 from 'fastify4';
import { arenaguard } from '../../src/middleware/fastify.js';
import type { Arena } from '../../src/index.js';
import type { GuardDetector } from '../../src/middleware/detector.js';
import { testArena, testDetector } from './helpers.js';

const ATTACK = { q: "1' OR '1'='1" };

let arena: Arena;
let detector: GuardDetector;
beforeAll(async () => {
  arena = await testArena();
  detector = await testDetector();
});
afterAll(async () => {
  await arena.close();
});

for (const [version, Fastify] of [['5', Fastify5], ['4', Fastify4]] as const) {
  describe(`fastify ${version}: app.register(arenaguard, options)`, () => {
    // (a short plugin timeout: a plugin that never completes fails the test in 2 s, not 10)
    const make = (): FastifyInstance => (Fastify as typeof Fastify5)({ pluginTimeout: 2000 });

    it('blocks an attack body with 403 and honours maxBodyBytes with 413', async () => {
      const app = make();
      try {
        await app.register(arenaguard, { detector, arena, mode: 'block', maxBodyBytes: 1024 });
        app.post('/echo', async (request) => ({ body: request.body }));
        const clean = await app.inject({ method: 'POST', url: '/echo', payload: { q: 'fine garden' } });
        expect(clean.statusCode).toBe(200);
        expect(clean.json()).toEqual({ body: { q: 'fine garden' } });
        const attack = await app.inject({ method: 'POST', url: '/echo', payload: ATTACK });
        expect(attack.statusCode).toBe(403);
        expect(attack.body).not.toContain("'1'='1");
        expect(attack.json().threats).toContainEqual(expect.objectContaining({ category: 'sqli', location: 'body:$.q' }));
        const big = await app.inject({ method: 'POST', url: '/echo', payload: { note: 'a'.repeat(2000) } });
        expect(big.statusCode).toBe(413);
      } finally {
        await app.close();
      }
    });

    it("accepts register()'s own options (prefix, logLevel) beside the guard's, and still checks the guard's", async () => {
      const app = make();
      try {
        await app.register(arenaguard, { detector, arena, mode: 'block', prefix: '/api', logLevel: 'warn' } as never);
        app.post('/echo', async (request) => ({ body: request.body }));
        expect((await app.inject({ method: 'POST', url: '/echo', payload: ATTACK })).statusCode).toBe(403);
      } finally {
        await app.close();
      }
      const typo = make();
      try {
        await expect(typo.register(arenaguard, { detector, arena, prefix: '/api', maxBodySize: 10 } as never)).rejects.toThrow(/unknown option "maxBodySize"/);
      } finally {
        await typo.close().catch(() => {});
      }
    });

    it('honours mode: monitor as the factory form does', async () => {
      const app = make();
      try {
        await app.register(arenaguard, { detector, arena, mode: 'monitor' });
        app.post('/echo', async (request) => ({ body: request.body }));
        expect((await app.inject({ method: 'POST', url: '/echo', payload: ATTACK })).statusCode).toBe(200);
      } finally {
        await app.close();
      }
    });

    it('the factory form still guards', async () => {
      const app = make();
      try {
        await app.register(arenaguard({ detector, arena, maxBodyBytes: 1024 }) as never);
        app.post('/echo', async (request) => ({ body: request.body }));
        expect((await app.inject({ method: 'POST', url: '/echo', payload: ATTACK })).statusCode).toBe(403);
        expect((await app.inject({ method: 'POST', url: '/echo', payload: { note: 'a'.repeat(2000) } })).statusCode).toBe(413);
      } finally {
        await app.close();
      }
    });

    it('is not encapsulated, as the factory plugin: it guards the scope it is registered in, not its siblings', async () => {
      for (const form of ['plugin', 'factory'] as const) {
        const app = make();
        try {
          app.post('/before', async (request) => ({ body: request.body }));
          await app.register(async (child) => {
            if (form === 'plugin') await child.register(arenaguard, { detector, arena });
            else await child.register(arenaguard({ detector, arena }) as never);
            child.post('/inside', async (request) => ({ body: request.body }));
          });
          app.register(async (sibling) => {
            sibling.post('/sibling', async (request) => ({ body: request.body }));
          });
          await app.ready();
          expect((await app.inject({ method: 'POST', url: '/inside', payload: ATTACK })).statusCode, form).toBe(403);
          expect((await app.inject({ method: 'POST', url: '/sibling', payload: ATTACK })).statusCode, form).toBe(200);
          expect((await app.inject({ method: 'POST', url: '/before', payload: ATTACK })).statusCode, form).toBe(200);
        } finally {
          await app.close();
        }
      }
    });

    it('guards routes of the instance it is registered on, declared before or after', async () => {
      const app = make();
      try {
        app.post('/early', async (request) => ({ body: request.body }));
        await app.register(arenaguard, { detector, arena });
        app.post('/late', async (request) => ({ body: request.body }));
        expect((await app.inject({ method: 'POST', url: '/early', payload: ATTACK })).statusCode).toBe(403);
        expect((await app.inject({ method: 'POST', url: '/late', payload: ATTACK })).statusCode).toBe(403);
      } finally {
        await app.close();
      }
    });

    it('rejects app.register with the option error for bad options, instead of running unguarded', async () => {
      const app = make();
      try {
        await expect(app.register(arenaguard, { mode: 'blok' } as never)).rejects.toThrow(/mode must be one of/);
      } finally {
        await app.close().catch(() => undefined);
      }
    });
  });
}

it('arenaguard carries the same plugin marks as the plugin it makes', () => {
  const made = arenaguard({ detector, arena }) as unknown as Record<symbol, unknown>;
  const direct = arenaguard as unknown as Record<symbol, unknown>;
  for (const mark of [Symbol.for('skip-override'), Symbol.for('fastify.display-name')]) expect(direct[mark]).toBe(made[mark]);
  expect(direct[Symbol.for('skip-override')]).toBe(true);
  // (both return a promise: avvio waits for it, on Fastify 4 as on 5)
  expect(arenaguard.length).toBe(3);
});
