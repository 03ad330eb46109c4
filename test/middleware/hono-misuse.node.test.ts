// `app.use(arenaguard)`, the factory mounted as the middleware: a TypeError that says what to
// write, not a 500 "Invalid status code: undefined".
import { describe, expect, it, vi } from 'vitest';
import { Hono } from 'hono';
import { arenaguard } from '../../src/middleware/hono.js';

const MESSAGE = 'arenaguard: call arenaguard(options) to make the middleware: app.use(arenaguard())';

function appWith(mount: (app: Hono) => void): { app: Hono; reached: ReturnType<typeof vi.fn> } {
  const app = new Hono();
  const reached = vi.fn();
  mount(app);
  app.post('/echo', async (c) => {
    reached();
    return c.json(await c.req.json());
  });
  app.onError((error, c) => c.json({ type: error.constructor.name, message: error.message }, 500));
  return { app, reached };
}

describe('hono: app.use(arenaguard) without the call', () => {
  for (const [form, mount] of [
    ['app.use(arenaguard)', (app: Hono) => app.use(arenaguard as never)],
    ["app.use('*', arenaguard)", (app: Hono) => app.use('*', arenaguard as never)],
  ] as const) {
    it(`${form} fails every request with the TypeError, the handler never runs`, async () => {
      const { app, reached } = appWith(mount);
      for (const body of [{ q: 'fine garden' }, { q: "1' OR '1'='1" }]) {
        const res = await app.request('/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        expect(res.status).toBe(500);
        expect(await res.json()).toEqual({ type: 'TypeError', message: MESSAGE });
      }
      expect(reached).not.toHaveBeenCalled();
    });
  }

  it("answers 500 through Hono's default error handler", async () => {
    const app = new Hono();
    app.use(arenaguard as never);
    app.get('/', (c) => c.text('handled'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await app.request('/');
      expect(res.status).toBe(500);
      expect(await res.text()).not.toContain('handled');
      expect(error.mock.calls.flat().some((e) => e instanceof TypeError && e.message === MESSAGE)).toBe(true);
    } finally {
      error.mockRestore();
    }
  });

  it('the factory itself is unchanged: options make a middleware', () => {
    expect(typeof arenaguard({ mode: 'monitor' })).toBe('function');
    expect(typeof arenaguard()).toBe('function');
  });
});
