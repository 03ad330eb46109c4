/**
 * Fastify plugin (Fastify 4 and 5).
 * @packageDocumentation
 */
import { Readable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GuardCore, type GuardResponse, type Inspection } from './core.js';
import { clientGone, isNodeReadable, metaFromNodeRequest, nodeDecompressor, onResponseDone, readBufferedNodeBody, readNodeBody, RequestAbortedError } from './node.js';
import { closeHttp2Stream } from './http2-close.js';
import type { GuardOptions } from './options.js';
import { checkMetricsSource, healthReport, renderPrometheus, PROMETHEUS_CONTENT_TYPE, type MetricsSource } from '../metrics/index.js';

export type { GuardOptions, Exclusion, ThreatEvent } from './options.js';

/** The parts of Fastify's request the plugin uses (structural: fastify stays an optional peer). */
export interface FastifyRequestLike {
  raw: IncomingMessage;
  url: string;
}

/** The parts of Fastify's reply the plugin uses. */
export interface FastifyReplyLike {
  raw: ServerResponse;
  sent: boolean;
  code(status: number): FastifyReplyLike;
  header(name: string, value: string): FastifyReplyLike;
  send(payload?: unknown): FastifyReplyLike;
}

/** The parts of a Fastify instance the plugin uses. */
export interface FastifyInstanceLike {
  addHook(name: 'preParsing', hook: (request: FastifyRequestLike, reply: FastifyReplyLike, payload: NodeJS.ReadableStream) => Promise<unknown>): unknown;
}

/**
 * Whether `value` is a Fastify instance: what Fastify passes a plugin first. (An options
 * object has none of these methods; every Fastify instance, 4 and 5, has all three.)
 */
function isFastifyInstance(value: unknown): value is FastifyInstanceLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.addHook === 'function' && typeof v.register === 'function' && typeof v.decorate === 'function';
}

/** Options `register()` reads itself and hands the plugin too, unchanged: not the guard's to check. */
const REGISTER_KEYS = ['prefix', 'logLevel', 'logSerializers'];

/** The guard's options from what `app.register(arenaguard, options)` passed (Fastify's own keys dropped). */
function withoutRegisterKeys(options: GuardOptions<FastifyRequestLike> | undefined): GuardOptions<FastifyRequestLike> | undefined {
  if (typeof options !== 'object' || options === null || !REGISTER_KEYS.some((key) => key in options)) return options;
  const guardOptions: Record<string, unknown> = { ...options };
  for (const key of REGISTER_KEYS) delete guardOptions[key];
  return guardOptions as GuardOptions<FastifyRequestLike>;
}

/** What fastify-plugin sets: hooks apply to the parent scope, so every route is guarded. */
function markUnencapsulated(plugin: { [key: symbol]: unknown }): void {
  plugin[Symbol.for('skip-override')] = true;
  plugin[Symbol.for('fastify.display-name')] = 'arenaguard';
}

/** The plugin function `arenaguard()` returns; register it with `app.register(...)`. */
export type ArenaguardFastifyPlugin = ((instance: FastifyInstanceLike, options: unknown) => Promise<void>) & {
  [key: symbol]: unknown;
};

function send(reply: FastifyReplyLike, response: GuardResponse): void {
  reply.code(response.status);
  for (const [name, value] of Object.entries(response.headers)) reply.header(name, value);
  // (on HTTP/2 the stream is closed once the answer is out: the header means nothing there)
  if (response.closeConnection && !closeHttp2Stream(reply.raw)) reply.header('connection', 'close');
  reply.send(response.body);
}

/**
 * Read a payload stream that another `preParsing` hook put in place of `request.raw` into the
 * inspection; the chunks, or undefined when the inspection failed early.
 */
function collect(payload: NodeJS.ReadableStream, inspection: Inspection): Promise<Buffer[] | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const stop = () => {
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onError);
      payload.removeListener('close', onClose);
    };
    const refuse = () => {
      stop();
      payload.pause();
      resolve(undefined);
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(bytes);
      inspection.write(bytes);
      if (inspection.failure) refuse();
    };
    const onEnd = () => {
      stop();
      resolve(chunks);
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => {
      stop();
      reject(new RequestAbortedError());
    };
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
    payload.on('close', onClose);
    // (a refusal decided in the background, between chunks — a slot wait that timed out, the
    // body's deadline passing: answered now, not at the next chunk)
    inspection.onFailure(refuse);
    inspection.startBodyDeadline();
  });
}

/**
 * Create the arenaguard plugin for Fastify. It applies to every route of the
 * instance it is registered on (it is not encapsulated). The body is scanned
 * in a `preParsing` hook as it streams into pooled slots, and its very chunks
 * are put back into `request.raw`: Fastify's body parsers, and plugins that
 * read `request.raw` themselves (`@fastify/multipart`), read the same bytes.
 * (When an earlier `preParsing` hook has replaced the payload stream, that
 * stream is scanned and a replay of it handed on instead.)
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { arenaguard } from 'arenaguard/fastify';
 *
 * const app = Fastify();
 * await app.register(arenaguard({ mode: 'block' }));
 * app.post('/comments', async (request) => request.body);
 * ```
 *
 * `arenaguard` is also the plugin itself, in Fastify's usual form, with the
 * same effect: `await app.register(arenaguard, { mode: 'block' })`.
 */
export function arenaguard(options?: GuardOptions<FastifyRequestLike>): ArenaguardFastifyPlugin;
/**
 * The plugin form, `app.register(arenaguard, options)`: Fastify calls it with
 * the instance and the options, and it registers exactly what
 * `app.register(arenaguard(options))` would (not encapsulated either).
 */
export function arenaguard(instance: FastifyInstanceLike, options: GuardOptions<FastifyRequestLike>, done?: (error?: Error) => void): Promise<void>;
export function arenaguard(
  first?: GuardOptions<FastifyRequestLike> | FastifyInstanceLike,
  pluginOptions?: GuardOptions<FastifyRequestLike>,
  _done?: (error?: Error) => void,
): ArenaguardFastifyPlugin | Promise<void> {
  if (isFastifyInstance(first)) {
    // Called by Fastify as the plugin: answer through the promise (avvio waits for it, Fastify 4
    // and 5 alike), so bad options reject `app.register(...)` instead of throwing inside avvio.
    try {
      return createPlugin(withoutRegisterKeys(pluginOptions))(first, pluginOptions);
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return createPlugin(first);
}
markUnencapsulated(arenaguard as unknown as { [key: symbol]: unknown });

function createPlugin(options: GuardOptions<FastifyRequestLike> | undefined): ArenaguardFastifyPlugin {
  const core = new GuardCore<FastifyRequestLike>(options, nodeDecompressor);

  async function preParsing(request: FastifyRequestLike, reply: FastifyReplyLike, payload: NodeJS.ReadableStream): Promise<unknown> {
    if (core.skips(request)) return payload;
    const started = await core.begin(metaFromNodeRequest(request.raw));
    if (!('meta' in started)) {
      if (!started.allow) send(reply, started.response);
      return payload;
    }
    const inspection = started;
    onResponseDone(reply.raw, () => inspection.release());
    let chunks: Buffer[] | undefined;
    if (inspection.meta.hasBody) {
      try {
        if (payload === request.raw && isNodeReadable(payload)) {
          // Read as the Express adapter does and put the chunks back: @fastify/multipart (busboy) ignores the
          // payload and pipes request.raw, so a replay stream would leave it an empty request.raw.
          if (readBufferedNodeBody(payload, inspection) === undefined) await readNodeBody(payload, inspection);
        } else {
          chunks = await collect(payload, inspection);
        }
      } catch (error) {
        inspection.release();
        // (the client gone, whichever stream noticed: Fastify answers it as it answers an aborted body of its own)
        throw clientGone(request.raw, error) ? new RequestAbortedError() : error;
      }
    }
    const verdict = inspection.finishNow() ?? await inspection.finish();
    if (!verdict.allow) {
      // A refusal needs no slot: they go back now, not once its answer is out (a client that
      // does not read it would hold them meanwhile)
      inspection.release();
      send(reply, verdict.response);
      return payload;
    }
    if (!chunks) return payload; // (request.raw, refilled with its own chunks)
    // The same chunks, replayed for Fastify's content-type parsers.
    const replay = Readable.from(chunks, { objectMode: false }) as Readable & { receivedEncodedLength?: number };
    replay.receivedEncodedLength = inspection.bytesReceived;
    return replay;
  }

  const plugin = async function arenaguardFastify(instance: FastifyInstanceLike): Promise<void> {
    instance.addHook('preParsing', preParsing);
  } as unknown as ArenaguardFastifyPlugin;
  markUnencapsulated(plugin);
  return plugin;
}

/**
 * A Fastify route handler for `/metrics`.
 *
 * @example
 * ```ts
 * app.get('/metrics', metricsHandler({ detector }));
 * ```
 */
export function metricsHandler(source: MetricsSource): (request: unknown, reply: FastifyReplyLike) => void {
  checkMetricsSource(source, 'metricsHandler()'); // (here, not at each request: a missing source fails at startup)
  return function arenaguardMetrics(_request, reply) {
    reply.code(200).header('content-type', PROMETHEUS_CONTENT_TYPE).header('cache-control', 'no-store').send(renderPrometheus(source));
  };
}

/**
 * A Fastify route handler for `/health`: `200`, or `503` when failing.
 *
 * @example
 * ```ts
 * app.get('/health', healthHandler({ detector }));
 * ```
 */
export function healthHandler(source: MetricsSource): (request: unknown, reply: FastifyReplyLike) => void {
  checkMetricsSource(source, 'healthHandler()');
  return function arenaguardHealth(_request, reply) {
    const { status, report } = healthReport(source);
    reply.code(status).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify(report));
  };
}
