/**
 * Hono middleware: the same code on Node (`@hono/node-server`), Deno, Bun and
 * workers.
 * @packageDocumentation
 */
import { abandonedResponse, CLIENT_GONE, concatChunks, GuardCore, metaFromFetchRequest, readRequestBody, releaseOnAbort, releaseWhenSent, toFetchResponse } from './core.js';
import type { GuardOptions } from './options.js';
import { healthReport, renderPrometheus, PROMETHEUS_CONTENT_TYPE, type MetricsSource } from '../metrics/index.js';

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
export function arenaguard(options?: GuardOptions<HonoContextLike>): ArenaguardHonoMiddleware {
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
      if (inspection.meta.hasBody && request.body) {
        const chunks = await readRequestBody(request as Request & { body: ReadableStream<Uint8Array> }, inspection);
        if (chunks === CLIENT_GONE) {
          release();
          return abandonedResponse();
        }
        // The handler reads the same bytes through c.req: give it a request with the body already here.
        if (chunks) c.req.raw = new Request(request, { body: concatChunks(chunks) });
      }
      const verdict = inspection.finishNow() ?? await inspection.finish();
      if (!verdict.allow) {
        release();
        return toFetchResponse(verdict.response, c.env);
      }
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
  return function arenaguardMetrics() {
    return new Response(renderPrometheus(source), { headers: { 'content-type': PROMETHEUS_CONTENT_TYPE, 'cache-control': 'no-store' } });
  };
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
  return function arenaguardHealth() {
    const { status, report } = healthReport(source);
    return new Response(JSON.stringify(report), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
  };
}
