/**
 * Hono middleware: the same code on Node (`@hono/node-server`), Deno, Bun and
 * workers.
 * @packageDocumentation
 */
import { GuardCore, inspectFetchRequest, metaFromFetchRequest, releaseOnAbort, releaseWhenSent, toFetchResponse } from './core.js';
import { FACTORY_MISUSE, type GuardOptions } from './options.js';
import type { MetricsSource } from '../metrics/index.js';
import { healthResponder, metricsResponder } from './web-endpoints.js';

export type { GuardOptions, Exclusion, ThreatEvent } from './options.js';

/** The parts of Hono's `Context` the middleware uses (structural, so hono stays an optional peer). */
export interface HonoContextLike {
  req: { raw: Request };
  res: Response | undefined;
  /** The server's bindings (@hono/node-server: `{ incoming, outgoing }`, Node's request and response). */
  env?: unknown;
}

/** A Hono middleware function. */
export type ArenaguardHonoMiddleware = (c: HonoContextLike, next: () => Promise<void>) => Promise<Response | void>;

/** Whether the factory was called as middleware is: `(c, next)`, with c a Hono `Context`. */
function isContextCall(first: unknown, next: unknown): boolean {
  if (typeof first !== 'object' || first === null) return false;
  const c = first as { req?: unknown; json?: unknown; env?: unknown };
  if (typeof c.req !== 'object' || c.req === null) return false;
  return typeof c.json === 'function' || typeof next === 'function' || 'env' in c;
}

/**
 * Create the arenaguard middleware for Hono. Register it before handlers that
 * read the body; they read the same body afterwards (`c.req.json()` etc.).
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { arenaguard } from 'arenaguard/hono';
 *
 * const app = new Hono();
 * app.use('*', arenaguard({ maxBodyBytes: 256 * 1024 }));
 * app.post('/comments', async (c) => c.json(await c.req.json()));
 * ```
 */
export function arenaguard(options?: GuardOptions<HonoContextLike>): ArenaguardHonoMiddleware;
export function arenaguard(options?: GuardOptions<HonoContextLike>, ...misuse: unknown[]): ArenaguardHonoMiddleware {
  // `app.use(arenaguard)`: the factory called as the middleware, with (context, next). Returning
  // the middleware it makes would become the response (a 500 "Invalid status code"): say why.
  if (isContextCall(options, misuse[0])) throw new TypeError(FACTORY_MISUSE);
  const core = new GuardCore<HonoContextLike>(options);

  return async function arenaguardHono(c, next) {
    if (core.skips(c)) {
      await next();
      return;
    }
    const request = c.req.raw;
    if (request.bodyUsed) throw new Error('arenaguard: the request body was already read; register arenaguard before body-reading middleware');
    const started = await core.begin(metaFromFetchRequest(request));
    if (!('meta' in started)) {
      if (!started.allow) return toFetchResponse(started.response, c.env);
      await next();
      return;
    }
    const inspection = started;
    const release = releaseOnAbort(request, inspection);
    try {
      const inspected = await inspectFetchRequest(request, inspection, release, c.env);
      if ('answer' in inspected) return inspected.answer;
      // The handler reads the same bytes through c.req: give it the request with the body already here.
      if (inspected.pass !== request) c.req.raw = inspected.pass;
      await next();
    } catch (error) {
      release();
      throw error;
    }
    const response = c.res;
    if (!response) {
      release();
      return;
    }
    c.res = undefined; // replace, don't merge headers into a copy
    c.res = releaseWhenSent(response, release);
  };
}

/**
 * A Hono handler for `/metrics`.
 *
 * @example
 * ```ts
 * app.get('/metrics', metricsHandler({ detector }));
 * ```
 */
export function metricsHandler(source: MetricsSource): (c?: unknown) => Response {
  return metricsResponder(source);
}

/**
 * A Hono handler for `/health`: `200`, or `503` when failing.
 *
 * @example
 * ```ts
 * app.get('/health', healthHandler({ detector }));
 * ```
 */
export function healthHandler(source: MetricsSource): (c?: unknown) => Response {
  return healthResponder(source);
}
