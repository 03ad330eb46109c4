/**
 * The `/metrics` and `/health` answers as Fetch `Response`s, for the adapters whose handlers
 * return one (fetch, Hono): one definition of their status, headers and body.
 * @packageDocumentation
 */
import { checkMetricsSource, healthReport, renderPrometheus, PROMETHEUS_CONTENT_TYPE, type MetricsSource } from '../metrics/index.js';

/** A handler answering Prometheus text for `source`; it ignores its arguments (a request, a context). */
export function metricsResponder(source: MetricsSource): () => Response {
  checkMetricsSource(source, 'metricsHandler()'); // (here, not at each request: a missing source fails at startup)
  return function arenaguardMetrics() {
    return new Response(renderPrometheus(source), {
      status: 200,
      headers: { 'content-type': PROMETHEUS_CONTENT_TYPE, 'cache-control': 'no-store' },
    });
  };
}

/** A handler answering `source`'s health report as JSON: `200`, or `503` when failing. */
export function healthResponder(source: MetricsSource): () => Response {
  checkMetricsSource(source, 'healthHandler()');
  return function arenaguardHealth() {
    const { status, report } = healthReport(source);
    return new Response(JSON.stringify(report), {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });
  };
}
