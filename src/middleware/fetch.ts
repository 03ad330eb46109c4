/**
 * `guard(handler)` for any `(Request) => Response` handler: Deno.serve, Bun,
 * Cloudflare Workers / workerd, Node's fetch-style servers.
 * @packageDocumentation
 */
import { GuardCore, inspectFetchRequest, metaFromFetchRequest, releaseOnAbort, releaseWhenSent, toFetchResponse } from './core.js';
import type { GuardOptions } from './options.js';
import type { MetricsSource } from '../metrics/index.js';
import { healthResponder, metricsResponder } from './web-endpoints.js';

export type { GuardOptions, Exclusion, ThreatEvent } from './options.js';
export type { GuardDetector, GuardThreat, GuardScanResult } from './detector.js';

/** A fetch handler: a `Request` plus whatever the runtime passes along (env, ctx, info…). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FetchHandler<Rest extends unknown[] = any[]> = (request: Request, ...rest: Rest) => Response | Promise<Response>;

/**
 * Wrap a fetch handler with arenaguard. The body is streamed into pooled
 * slots and scanned chunk by chunk before `handler` runs; `handler` receives
 * an equivalent `Request` whose body is unchanged. Slots are released once
 * the response body has been sent.
 *
 * @example
 * ```ts
 * import { guard } from 'arenaguard/fetch';
 * Deno.serve({ hostname: '127.0.0.1', port: 8000 }, guard((req) => new Response('hello')));
 * ```
 */
export function guard<Rest extends unknown[]>(handler: FetchHandler<Rest>, options?: GuardOptions<Request>): (request: Request, ...rest: Rest) => Promise<Response> {
  if (typeof handler !== 'function') throw new TypeError('handler must be a function (request) => Response');
  const core = new GuardCore<Request>(options);

  return async function arenaguardFetch(request: Request, ...rest: Rest): Promise<Response> {
    if (core.skips(request)) return handler(request, ...rest);
    const started = await core.begin(metaFromFetchRequest(request));
    if (!('meta' in started)) return started.allow ? handler(request, ...rest) : toFetchResponse(started.response, rest[0]);
    const inspection = started;
    const release = releaseOnAbort(request, inspection);
    try {
      const inspected = await inspectFetchRequest(request, inspection, release, rest[0]);
      if ('answer' in inspected) return inspected.answer;
      const response = await handler(inspected.pass, ...rest);
      return releaseWhenSent(response, release);
    } catch (error) {
      release();
      throw error;
    }
  };
}

/**
 * A fetch handler answering Prometheus metrics.
 *
 * @example
 * ```ts
 * const metrics = metricsHandler({ detector });
 * export default { fetch: (req) => new URL(req.url).pathname === '/metrics' ? metrics(req) : app(req) };
 * ```
 */
export function metricsHandler(source: MetricsSource): (request?: Request) => Response {
  return metricsResponder(source);
}

/**
 * A fetch handler answering the health report: `200`, or `503` when failing.
 *
 * @example
 * ```ts
 * const health = healthHandler({ detector });
 * ```
 */
export function healthHandler(source: MetricsSource): (request?: Request) => Response {
  return healthResponder(source);
}
