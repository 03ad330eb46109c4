// Node `http.IncomingMessage` plumbing shared by the Express adapter and the
// metrics handlers: read the body into the inspection without taking it away
// from the application, and answer with the guard's own responses.
import { IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Duplex, type Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { parseContentLength, type GuardResponse, type Inspection, type RequestMeta } from './core.js';
import { closeHttp2Stream } from './http2-close.js';
import { endChecked, webDecompressor, type Decompressor, type DecompressorFactory } from '../http/content-encoding.js';

/**
 * The codings a Node body parser inflates (body-parser 2: gzip, deflate, br, and zstd where
 * zlib has it): zlib for brotli and zstd, which Node 20's DecompressionStream lacks.
 */
export const nodeDecompressor: DecompressorFactory = (coding) => {
  const make = coding === 'br' ? zlib.createBrotliDecompress
    : coding === 'zstd' ? (zlib as { createZstdDecompress?: () => Duplex }).createZstdDecompress
    : undefined;
  if (make === undefined) return webDecompressor(coding);
  const stream = make();
  // (zlib counts the bytes it took: fewer than were written means bytes after the stream's end)
  return endChecked(coding, Duplex.toWeb(stream) as unknown as Decompressor, () => (stream as unknown as { bytesWritten: number }).bytesWritten);
};

/** `RequestMeta` from a Node request (`req.originalUrl` when Express has mounted a router). */
export function metaFromNodeRequest(req: IncomingMessage & { originalUrl?: string }): RequestMeta {
  const url = req.originalUrl ?? req.url ?? '/';
  const q = url.indexOf('?');
  const headers = req.headers;
  const contentLength = parseContentLength(headers['content-length']);
  return {
    method: req.method ?? 'GET',
    url,
    path: q < 0 ? url : url.slice(0, q),
    headers,
    contentLength,
    contentType: headers['content-type'],
    hasBody: headers['transfer-encoding'] !== undefined || (contentLength !== undefined && contentLength > 0) || http2Body(req),
  };
}

/**
 * An HTTP/2 request carries a body unless its HEADERS frame ended the stream: it needs no
 * Content-Length (clients often send none) and has no Transfer-Encoding.
 */
function http2Body(req: IncomingMessage): boolean {
  const stream = (req as { stream?: { endAfterHeaders?: boolean } }).stream;
  return req.httpVersionMajor >= 2 && stream !== undefined && stream.endAfterHeaders === false;
}

/**
 * The client went away before its body arrived: nothing to answer. (400, as Fastify's own body
 * reader answers an aborted request, for a framework that still tries to send one.)
 */
export class RequestAbortedError extends Error {
  readonly statusCode = 400;
  constructor() {
    super('request aborted by the client before its body was read');
    this.name = 'RequestAbortedError';
  }
}

/**
 * Is `error`, emitted by `req`, the client going away? Node emits `'error'` ("aborted",
 * ECONNRESET) on a request whose connection closed mid-body, before `'close'`.
 */
export function clientGone(req: Readable, error: unknown): boolean {
  if (error instanceof RequestAbortedError) return true;
  if ((req as { aborted?: boolean }).aborted === true) return true;
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ECONNRESET' && !bodyPushed(req);
}

/**
 * True when the stream's last chunk has been pushed (it may still sit in the buffer): for a
 * `node:http` request, `complete`; for another Node stream — the mock request of
 * `fastify.inject` (light-my-request), an HTTP/2 request (whose `complete` is only set once
 * `'end'` was emitted, too late to put chunks back) — its readable state's `ended`.
 */
function bodyPushed(req: Readable): boolean {
  if (req instanceof IncomingMessage) return req.complete;
  return (req as Readable & { _readableState?: { ended?: boolean } })._readableState?.ended === true;
}

/**
 * Whether {@link readNodeBody} can read `stream` and put its chunks back: a Node
 * `Readable` (it has the readable state that `read` and `unshift` work on).
 */
export function isNodeReadable(stream: unknown): stream is Readable {
  if (typeof stream !== 'object' || stream === null || !('_readableState' in stream)) return false;
  const { read, unshift } = stream as Partial<Readable>;
  return typeof read === 'function' && typeof unshift === 'function';
}

/**
 * Read the request body into `inspection` chunk by chunk, then put the very
 * same chunks back into the request stream, so a body parser later in the
 * chain reads the body as if nobody had touched it (no copy, no second read
 * from the socket).
 *
 * How: the stream is read in paused mode. When its end has been pushed
 * (`req.complete` for a `node:http` request) and the buffer is empty, every
 * chunk has been seen; Node schedules the `'end'` event for the next tick at
 * that point, and `unshift` — called synchronously, in
 * the same tick — refills the buffer so `'end'` is not emitted until the
 * application has read the chunks again. Resolves true when the body was
 * read whole, false when the inspection failed early (413/503, or 408: the body did not
 * arrive within `bodyTimeoutMs`).
 */
export function readNodeBody(req: Readable, inspection: Inspection): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const settle = (outcome: boolean | Error) => {
      if (settled) return;
      settled = true;
      req.off('readable', onReadable);
      req.off('error', onError);
      req.off('close', onClose);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onReadable = () => {
      for (;;) {
        // All seen: checked before read(), not after a read() that found nothing: that read of
        // an ended, empty stream emits 'end' (on the next tick), and with no chunk to put back
        // (an empty body whose end came after the headers) the application, which listens
        // later, would wait for it forever. Left unread, the stream ends when the application reads it.
        if (bodyPushed(req) && req.readableLength === 0) {
          settle(true); // detaches our listener first: unshift below must not wake it again
          putBack(req, chunks);
          return;
        }
        const chunk = req.read() as Buffer | null;
        if (chunk === null) return;
        chunks.push(chunk);
        inspection.write(chunk);
        if (inspection.failure) {
          settle(false);
          return;
        }
      }
    };
    const onError = (error: Error) => settle(clientGone(req, error) ? new RequestAbortedError() : error);
    const onClose = () => {
      if (!bodyPushed(req)) settle(new RequestAbortedError());
    };
    req.on('readable', onReadable);
    req.on('error', onError);
    req.on('close', onClose);
    // (a refusal decided in the background, between chunks — a slot wait that timed out, the
    // body's deadline passing: answered now, not at the next chunk)
    inspection.onFailure(() => settle(false));
    onReadable(); // the body may have arrived (even completely) before this middleware ran
    // (still waiting for some of it: from now it has bodyTimeoutMs)
    if (!settled) inspection.startBodyDeadline();
  });
}

/**
 * {@link readNodeBody} when the whole body is already buffered in the request (the usual
 * case for a small body: it came in the same packet as the headers): read synchronously
 * where the chunks lie in the stream's buffer (see writeBuffered), or else with `read()`, then
 * put back with `unshift`, with no listener, promise or switch to paused mode. The stream is left as it was found, not flowing and with no `'readable'` listener,
 * so the application's `'data'` listener starts it as it would a stream nobody read.
 *
 * "Whole" means the request is complete (its end pushed), or, for a `node:http` request with a
 * Content-Length and no Transfer-Encoding, that many bytes are buffered: Node's parser
 * pushes a body the moment it arrives but marks the request complete in a later callback
 * (after the guard has run), and it never passes on more bytes than Content-Length says.
 * Undefined when the body is not all there (or the stream is already flowing or listened
 * to): the caller waits for it.
 */
export function readBufferedNodeBody(req: Readable, inspection: Inspection): boolean | undefined {
  const buffered = req.readableLength;
  if (buffered === 0 || req.readableFlowing !== null || req.listenerCount('readable') > 0) return undefined;
  if (!bodyPushed(req)) {
    const meta = inspection.meta;
    if (buffered !== meta.contentLength || meta.headers['transfer-encoding'] !== undefined || !(req instanceof IncomingMessage)) return undefined;
  }
  const peeked = writeBuffered(req, buffered, inspection);
  if (peeked !== undefined) return peeked;
  let chunk = req.read() as Buffer | null;
  if (chunk === null) return undefined; // (cannot happen with bytes buffered and the end pushed; the listener path copes)
  if (req.readableLength === 0) {
    // One read took it all (read() joins what was buffered): the usual case.
    inspection.write(chunk);
    if (inspection.failure) return false;
    req.unshift(chunk);
    return true;
  }
  const chunks: Buffer[] = [];
  for (; chunk !== null; chunk = req.read() as Buffer | null) {
    chunks.push(chunk);
    inspection.write(chunk);
    if (inspection.failure) return false;
  }
  putBack(req, chunks);
  return true;
}

/** What {@link writeBuffered} reads of a stream's readable state (Node >= 20.?: an array from `bufferIndex`). */
interface BufferedState { buffer?: unknown; bufferIndex?: unknown; length?: unknown; objectMode?: unknown; decoder?: unknown }

/**
 * Write the chunks buffered in `req` to the inspection where they lie, without taking them out:
 * no `read()` (which joins them and may ask the source for more) and no `unshift` (which puts
 * them back and schedules a `'readable'` tick), so the stream is not touched at all. Only where
 * the readable state is laid out as this knows it — the buffer an array of byte chunks from
 * `bufferIndex`, their lengths summing to `buffered`, no decoder — else undefined (then the
 * chunks are read and put back). The bytes are the very ones the application will read.
 */
function writeBuffered(req: Readable, buffered: number, inspection: Inspection): boolean | undefined {
  const state = (req as Readable & { _readableState?: BufferedState })._readableState;
  if (state === undefined || state.objectMode !== false || (state.decoder !== null && state.decoder !== undefined) || state.length !== buffered) return undefined;
  const list = state.buffer;
  const from = state.bufferIndex;
  if (!Array.isArray(list) || typeof from !== 'number' || from < 0) return undefined;
  let total = 0;
  for (let i = from; i < list.length; i++) {
    const chunk: unknown = list[i];
    if (!(chunk instanceof Uint8Array)) return undefined;
    total += chunk.length;
  }
  if (total !== buffered) return undefined; // (a layout this does not know: read them)
  for (let i = from; i < list.length; i++) {
    inspection.write(list[i] as Uint8Array);
    if (inspection.failure) return false;
  }
  return true;
}

/** Past this many chunks they go back as one: each `unshift` shifts the whole buffer list. */
const PUT_BACK_ONE_BY_ONE = 16;

/**
 * Return the chunks read to the front of the stream, in order. A few go back as they are (no
 * copy); many — a chunked body sent a byte at a time — are joined first, since in Node 20
 * each `unshift` moves every chunk already buffered, and k of them would cost k².
 */
function putBack(req: Readable, chunks: Buffer[]): void {
  if (chunks.length > PUT_BACK_ONE_BY_ONE) {
    req.unshift(Buffer.concat(chunks));
    return;
  }
  for (let i = chunks.length - 1; i >= 0; i--) req.unshift(chunks[i]!);
}

/** Send a guard response on a Node `ServerResponse`. */
export function sendNodeResponse(res: ServerResponse, response: GuardResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  // The rest of the body is still on the socket: the connection cannot carry another request.
  if (response.closeConnection && !closeHttp2Stream(res)) res.setHeader('connection', 'close');
  res.setHeader('content-length', Buffer.byteLength(response.body));
  res.end(response.body);
}

/**
 * Call `fn` once, when the response has been sent or the connection closed. (The listener
 * stays on the response: the other event, when it comes, finds it done. A response is one
 * request's, so nothing accumulates, and two listener removals per request are saved.)
 */
export function onResponseDone(res: ServerResponse, fn: () => void): void {
  let pending: (() => void) | undefined = fn; // (dropped once called: the listener keeps nothing alive)
  let connection: Socket | undefined;
  const once = () => {
    const call = pending;
    if (call === undefined) return;
    pending = undefined;
    connection?.removeListener('close', once);
    call();
  };
  if (res.writableFinished || res.destroyed) {
    fn();
    return;
  }
  res.on('finish', once);
  res.on('close', once);
  // A response queued behind another on a pipelined connection has no socket yet, and Node emits
  // neither 'finish' nor 'close' on it when the connection closes before its turn (the answer
  // ahead of it said Connection: close, or the client went away): the connection's own 'close'
  // ends it then. (Taken off again when done: a keep-alive connection carries many requests.)
  if (res.socket === null) {
    const socket = (res as ServerResponse & { req?: IncomingMessage }).req?.socket;
    if (socket?.destroyed === true) {
      once(); // (already gone: this response will never be sent)
    } else if (typeof socket?.on === 'function') {
      connection = socket;
      socket.on('close', once);
    }
  }
}
