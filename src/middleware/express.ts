/**
 * Express 4 and 5 middleware (also plain `node:http` handlers: it only uses
 * `req`, `res` and `next`).
 * @packageDocumentation
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GuardCore, type Inspection, type Verdict } from './core.js';
import { metaFromNodeRequest, nodeDecompressor, onResponseDone, readBufferedNodeBody, readNodeBody, RequestAbortedError, sendNodeResponse } from './node.js';
import { FACTORY_MISUSE, type GuardOptions } from './options.js';
import { checkMetricsSource, healthReport, renderPrometheus, PROMETHEUS_CONTENT_TYPE, type MetricsSource } from '../metrics/index.js';

export type { GuardOptions, Exclusion, ThreatEvent } from './options.js';

type NodeRequest = IncomingMessage & { originalUrl?: string };
type Next = (error?: unknown) => void;

/** A settled promise: a reaction on it is the cheapest microtask (see run). */
const RESOLVED = Promise.resolve();

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
export function arenaguard(options?: GuardOptions<NodeRequest>): ArenaguardExpressMiddleware;
export function arenaguard(options?: GuardOptions<NodeRequest>, ...misuse: unknown[]): ArenaguardExpressMiddleware | undefined {
  if (isRequestCall(options, misuse[0], misuse[1])) {
    // `app.use(arenaguard)`: the factory called as the middleware. Returning the middleware it
    // makes would leave the request hanging; fail it instead, loudly, at the first request.
    answerMisuse(misuse[0], misuse[1]);
    return undefined;
  }
  const core = new GuardCore<NodeRequest>(options, nodeDecompressor);

  /**
   * The request once its inspection has begun: read the body, decide, answer or call next().
   * Synchronous when the body is already buffered (the usual case for a small body); a promise
   * only when part of it must still be waited for (or a verdict is asynchronous).
   */
  function inspect(req: NodeRequest, res: ServerResponse, next: Next, started: Inspection | Verdict): Promise<void> | undefined {
    if (!('meta' in started)) {
      if (!started.allow) sendNodeResponse(res, started.response);
      else next();
      return undefined;
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
      return awaitBody(req, res, next, inspection);
    }
    // (no promise when nothing is left to wait for)
    const verdict = inspection.finishNow(parsed);
    if (verdict === undefined) return inspection.finish(parsed).then((v) => conclude(res, next, inspection, v));
    conclude(res, next, inspection, verdict);
    return undefined;
  }

  async function awaitBody(req: NodeRequest, res: ServerResponse, next: Next, inspection: Inspection): Promise<void> {
    try {
      await readNodeBody(req, inspection);
    } catch (error) {
      inspection.release();
      if (error instanceof RequestAbortedError) return; // nobody is left to answer
      throw error;
    }
    conclude(res, next, inspection, inspection.finishNow() ?? await inspection.finish());
  }

  function conclude(res: ServerResponse, next: Next, inspection: Inspection, verdict: Verdict): void {
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

  /**
   * Inspect once the detector is ready. Never synchronously inside the server's 'request'
   * event: Node's parser pushes a body that came with the headers only after that event, so
   * one microtask later it is buffered and read at once. (A reaction on a settled promise, not
   * an async function awaiting, which costs three promises and two microtasks per request, nor
   * queueMicrotask, which makes an AsyncResource per call in Node: 40 ns against 113 and 73.) Whatever
   * throws — next() included, as from an async function's rejection before — goes to next(error).
   */
  function run(req: NodeRequest, res: ServerResponse, next: Next, started: Inspection | Verdict): void {
    try {
      inspect(req, res, next, started)?.catch(next);
    } catch (error) {
      next(error);
    }
  }

  return function arenaguardExpress(req, res, next) {
    if (core.skips(req)) {
      next();
      return;
    }
    let begun: ReturnType<typeof core.begin>;
    try {
      begun = core.begin(metaFromNodeRequest(req));
    } catch (error) {
      RESOLVED.then(() => next(error)); // (as a rejection reached next before: not inside the 'request' event)
      return;
    }
    const started = begun;
    if (started instanceof Promise) started.then((s) => run(req, res, next, s), next);
    else RESOLVED.then(() => run(req, res, next, started));
  };
}

/** Whether the factory was called as middleware is: `(req, res, next)` from Express or node:http. */
function isRequestCall(first: unknown, res: unknown, next: unknown): boolean {
  if (typeof first !== 'object' || first === null) return false;
  const req = first as { method?: unknown; headers?: unknown };
  if (typeof req.method !== 'string' || typeof req.headers !== 'object' || req.headers === null) return false;
  return typeof next === 'function' || (typeof res === 'object' && res !== null && typeof (res as { setHeader?: unknown }).setHeader === 'function');
}

let warnedMisuse = false;

/** Fail a request that reached the factory: through next(error) (Express answers 500), else a 500 here. */
function answerMisuse(res: unknown, next: unknown): void {
  const error = new TypeError(FACTORY_MISUSE);
  if (typeof next === 'function') {
    (next as Next)(error);
    return;
  }
  // (a plain node:http server, `createServer(arenaguard)`: no next to hand the error to)
  if (!warnedMisuse) {
    warnedMisuse = true;
    process.emitWarning(error);
  }
  const response = res as ServerResponse;
  if (response.headersSent) {
    response.destroy(error);
    return;
  }
  response.statusCode = 500;
  response.setHeader('content-type', 'text/plain; charset=utf-8');
  response.end(`${FACTORY_MISUSE}\n`);
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
  checkMetricsSource(source, 'metricsHandler()'); // (here, not at each request: a missing source fails at startup)
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
  checkMetricsSource(source, 'healthHandler()');
  return function arenaguardHealth(_req, res) {
    const { status, report } = healthReport(source);
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(JSON.stringify(report));
  };
}
