// `app.use(arenaguard)`, the factory mounted as the middleware: every request fails at once
// with a TypeError that says what to write (never a hang, never an unguarded pass-through).
import { createServer } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import express5 from 'express';
// @ts-expect-error express 4 installed under an alias, typed like 5 for what we use
import express4 from 'express4';
import { arenaguard } from '../../src/middleware/express.js';
import type { Arena } from '../../src/index.js';
import type { GuardDetector } from '../../src/middleware/detector.js';
import { listen, testArena, testDetector, type Running } from './helpers.js';

const MESSAGE = 'arenaguard: call arenaguard(options) to make the middleware: app.use(arenaguard())';

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
