// Ending an early answer's HTTP/2 stream, for every adapter that can reach Node's HTTP/2
// response: the node adapters (Express, Fastify, node:http) and the fetch adapters under
// @hono/node-server, which hands the Node response to the handler. No Node imports: the fetch
// adapters load in Deno, browsers and workers too.

/** The parts of an HTTP/2 compat response (`Http2ServerResponse`) used here. */
interface Http2StreamLike {
  closed?: boolean;
  destroyed?: boolean;
  writableFinished?: boolean;
  close(code?: number): void;
  resume(): unknown;
  once(event: 'finish', listener: () => void): unknown;
}

/**
 * RST_STREAM with CANCEL: the answer is complete and the rest of the body is not wanted. (NO_ERROR,
 * RFC 9113 §8.1, would do, but a Node client keeps the rest of its body queued on the stream then,
 * and never closes it.)
 */
const NGHTTP2_CANCEL = 0x8;

/**
 * On HTTP/2, what `Connection: close` does on HTTP/1.1 (Node drops that header there, with a
 * warning): once the answer has been sent, close the request's stream, so its unread body
 * stops and the response's `'close'` releases the request's slots; a client keeping its
 * session open held them before. True when `res` is an HTTP/2 response (then do not set the
 * header); false on HTTP/1.x.
 */
export function closeHttp2Stream(res: object): boolean {
  const { stream, req } = res as { stream?: Http2StreamLike; req?: { resume?: () => unknown } };
  if (stream === undefined || typeof stream.close !== 'function') return false;
  const close = () => {
    if (stream.closed === true || stream.destroyed === true) return;
    // The body left unread is dropped (read, so Node gives the session's flow-control window back for it).
    if (typeof req?.resume === 'function') req.resume();
    stream.resume();
    stream.close(NGHTTP2_CANCEL);
  };
  if (stream.writableFinished === true) close();
  else stream.once('finish', close);
  return true;
}
