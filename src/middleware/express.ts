/**
 * Express 4 and 5 middleware (also plain `node:http` handlers: it only uses
 * `req`, `res` and `next`).
 * @packageDocumentation
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GuardCore } from './core.js';
import { metaFromNodeRequest, nodeDecompressor, onResponseDone, readBufferedNodeBody, readNodeBody, RequestAbortedError, sendNodeResponse } from './node.js';
import type { GuardOptions } from './options.js';
import { healthReport, renderPrometheus, PROMETHEUS_CONTENT_TYPE, type MetricsSource } from '../metrics/index.js';

export type { GuardOptions, Exclusion, ThreatEvent } from './options.js';

type NodeRequest = IncomingMessage & { originalUrl?: string };
type Next = (error?: unknown) => void;

/** An Express-compatible middleware function. */
export type ArenaguardExpressMiddleware = (req: NodeRequest, res: ServerResponse, next: Next) => void;

/**
 * Create the arenaguard middleware for Express 4/5. Mount it before body
 * parsers: it reads the body as it streams into pooled slots, scans it, and
 * hands the untouched stream on, so `express.json()` works as before.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { arenaguard } from 'arenaguard/express';
 *
 * const app = express();
 * app.use(arenaguard({ exclude: [{ rule: 'sqli.*', location: 'body:$.comment' }] }));
 * app.use(express.json());
 * app.post('/comments', (req, res) => res.json(req.body));
 * ```
 */
export function arenaguard(options?: GuardOptions<NodeRequest>): ArenaguardExpressMiddleware {
  const core = new GuardCore<NodeRequest>(options, nodeDecompressor);

  async function inspect(req: NodeRequest, res: ServerResponse, next: Next): Promise<void> {
    const started = await core.begin(metaFromNodeRequest(req));
    if (!('meta' in started)) {
      if (!started.allow) sendNodeResponse(res, started.response);
      else next();
      return;
    }
    const inspection = started;
    // Slots are held until the response is out, not just until next() returns.
    onResponseDone(res, () => inspection.release());
    let parsed: unknown;
    if (inspection.meta.hasBody && req.readableEnded) {
      // A body parser ran before the guard and consumed the stream: scan what it parsed.
      parsed = (req as NodeRequest & { body?: unknown }).body;
      if (parsed === undefined) throw new Error('arenaguard: the request body was consumed before the guard; mount arenaguard() before body parsers');
      if (Buffer.isBuffer(parsed)) parsed = new Uint8Array(parsed.buffer, parsed.byteOffset, parsed.byteLength);
    } else if (inspection.meta.hasBody && readBufferedNodeBody(req, inspection) === undefined) {
      // (not all there yet: wait for it; a body that came with the headers is read at once)
      try {
        await readNodeBody(req, inspection);
      } catch (error) {
        inspection.release();
        if (error instanceof RequestAbortedError) return; // nobody is left to answer
        throw error;
      }
    }
    // (no promise when nothing is left to wait for)
    const verdict = inspection.finishNow(parsed) ?? await inspection.finish(parsed);
    if (!verdict.allow) {
      // A refusal needs no slot: they go back now, not once its answer is out — a client that
      // does not read it (an HTTP/2 flow-control window kept at 0), or a slow response
      // pipelined ahead of it, would hold them meanwhile.
      inspection.release();
      sendNodeResponse(res, verdict.response);
      return;
    }
    next();
  }

  return function arenaguardExpress(req, res, next) {
    if (core.skips(req)) {
      next();
      return;
    }
    inspect(req, res, next).catch(next);
  };
}

/**
 * A `/metrics` handler: Prometheus text format 0.0.4.
 *
 * @example
 * ```ts
 * app.get('/metrics', metricsHandler({ detector }));
 * ```
 */
export function metricsHandler(source: MetricsSource): (req: IncomingMessage, res: ServerResponse) => void {
  return function arenaguardMetrics(_req, res) {
    const text = renderPrometheus(source);
    res.statusCode = 200;
    res.setHeader('content-type', PROMETHEUS_CONTENT_TYPE);
    res.setHeader('cache-control', 'no-store');
    res.end(text);
  };
}

/**
 * A `/health` handler: `200` with the health report unless it is failing, then `503`.
 *
 * @example
 * ```ts
 * app.get('/health', healthHandler({ detector }));
 * ```
 */
export function healthHandler(source: MetricsSource): (req: IncomingMessage, res: ServerResponse) => void {
  return function arenaguardHealth(_req, res) {
    const { status, report } = healthReport(source);
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(JSON.stringify(report));
  };
}
