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

function isRequestLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { method?: unknown; url?: unknown };
  return typeof r.method === 'string' && typeof r.url === 'string';
}

/** Why `guard(first, second)` is a wrong call, when `first` is not a function. */
function misuse(first: unknown, second: unknown): string {
  const usage = 'guard(handler, options) wraps a fetch handler (request) => Response';
  if ((typeof Request !== 'undefined' && first instanceof Request) || isRequestLike(first)) {
    // (`Deno.serve(guard)`, `export default { fetch: guard }`: guard itself used as the handler)
    return `arenaguard: guard was called with a Request: it is not a handler itself; ${usage}: Deno.serve(guard(handler))`;
  }
  if (typeof first === 'object' && first !== null && typeof (first as { fetch?: unknown }).fetch === 'function') {
    return `arenaguard: ${usage}, got an object with a fetch method; pass a function: guard((request, ...rest) => app.fetch(request, ...rest))`;
  }
  if (typeof second === 'function') return `arenaguard: ${usage}: the handler comes first, then the options, got (options, handler)`;
  if (first === undefined || (typeof first === 'object' && first !== null)) {
    return `arenaguard: ${usage}, got ${first === undefined ? 'no handler' : 'an options object'}; it is guard(handler, options), not guard(options)(handler)`;
  }
  return `arenaguard: ${usage}, got ${first === null ? 'null' : typeof first}`;
}

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
  if (typeof handler !== 'function') throw new TypeError(misuse(handler, options));
  if (typeof options === 'function') throw new TypeError('arenaguard: guard(handler, options) takes one handler; options must be an object, got a function');
  const core = new GuardCore<Request>(options, undefined, 'guard()');

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
