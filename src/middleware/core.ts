// The framework-neutral heart of every adapter: body bytes go into pooled
// slots as they arrive and are scanned chunk by chunk; head (path, query,
// headers) is scanned by the detector; exclusions are applied; the verdict is
// turned into the response to send (403/413/503) or "let it through".
// Adapters only move bytes and responses between their framework and this.
import type { Arena } from '../arena.js';
import type { Lease } from '../lease.js';
import type { Pool } from '../pool.js';
import { createArena } from '../arena.js';
import { createStandardPools } from '../standard-pools.js';
import { scanPart, type GuardDetector, type GuardRequestShape, type GuardScanResult, type GuardThreat } from './detector.js';
import { globMatch } from './glob.js';
import { shownLocation, shownUrl } from './redact.js';
import { callQuietly } from '../quiet-call.js';
import { closeHttp2Stream } from './http2-close.js';
import { createBodyScanner, listed, mergeReadings, RawBodyScanner, type BodyScanner } from './body-scan.js';
import { concatBytes } from '../http/bytes.js';
import { charsetPlan } from '../http/charset.js';
import { isMultipart } from '../http/multipart.js';
import { Utf16Reading, withoutUtf16Zeros } from './utf16-reading.js';
import { BodyDecoder, contentCodings, MAX_CODINGS, textsAsSent, webDecompressor, type Decompressor, type DecompressorFactory } from '../http/content-encoding.js';
import { resolveGuardOptions, type GuardOptions, type ResolvedGuardOptions, type ThreatEvent } from './options.js';
import { createDefaultDetector } from './default-detector.js';
import { recorderFor, type GuardRecorder } from '../metrics/recorder.js';
import { Detector } from '../detector/detector.js';
import { PLAIN_HOST } from '../detector/request.js';

/** What the adapters extract from their framework's request. */
export interface RequestMeta {
  method: string;
  /** Path and query, as received. */
  url: string;
  /** Path without query, for `exclude[].path`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** From Content-Length, when the client sent one. */
  contentLength: number | undefined;
  contentType: string | undefined;
  /** Content-Length > 0 or Transfer-Encoding present: there is a body to read. */
  hasBody: boolean;
}

/** A response the guard sends itself instead of calling the application. */
export interface GuardResponse {
  /**
   * 400: the body does not inflate as its Content-Encoding says; 408: the body did not arrive
   * within `bodyTimeoutMs`; 415: a Content-Encoding or charset the guard cannot read.
   */
  status: 400 | 403 | 408 | 413 | 415 | 503;
  headers: Record<string, string>;
  /** JSON text. Never contains request bytes. */
  body: string;
  /** The request body was not read to its end: the connection must not be reused. */
  closeConnection: boolean;
}

export type Verdict =
  | {
    allow: true;
    /** Absent for a request with no findings: nothing reads it, and making one costs a random UUID. */
    requestId?: string;
    /** Would have been blocked; let through by `mode: 'monitor'`. */ monitored?: boolean;
  }
  | { allow: false; requestId: string; response: GuardResponse };

/**
 * The clock, looked up once: in Node the global `performance` is a getter that runs on
 * every access, and a request reads the clock four times.
 */
const clock: { now(): number } = globalThis.performance;

/** The detector's default anomaly threshold, for detectors that do not expose theirs. */
const DEFAULT_THRESHOLD = 5;
/**
 * A body is scanned once this many of its bytes are in (or once it is all in, if sooner). A
 * scan under way holds a state slot per open stream (8 KiB with the standard pools): deferred
 * so, a client that sends a few bytes and stalls holds its few bytes' slot, not a scan's state
 * slots as well. The bytes wait in the body's slots, which hold them anyway.
 */
const SCAN_AFTER = 16 * 1024;
/** The verdict on a request with no findings (shared: it carries nothing of the request). */
const CLEAN: Verdict = Object.freeze({ allow: true });
const EMPTY_RESULT: GuardScanResult = { blocked: false, score: 0, threats: [] };
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
function respond(status: GuardResponse['status'], requestId: string, payload: Record<string, unknown>, extra: Record<string, string> = {}, closeConnection = false): GuardResponse {
  return {
    status,
    headers: { ...JSON_HEADERS, 'x-request-id': requestId, ...extra },
    body: JSON.stringify({ ...payload, requestId }),
    closeConnection,
  };
}

function newRequestId(): string {
  const crypto = globalThis.crypto;
  // (randomUUID exists only in secure contexts: a page served over plain http has getRandomValues alone)
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : uuidFromRandomBytes(crypto);
}

/** A version 4 UUID from crypto.getRandomValues, as randomUUID makes one. */
function uuidFromRandomBytes(crypto: Crypto): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  let hex = '';
  for (let i = 0; i < 16; i++) hex += (b[i]! < 16 ? '0' : '') + b[i]!.toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isPoolExhausted(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'POOL_EXHAUSTED';
}

/** Parse a Content-Length header; undefined when absent or malformed (the HTTP layer rejects malformed ones). */
export function parseContentLength(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** Build `RequestMeta` from a Fetch `Request` (fetch, Hono, Deno, workers). */
export function metaFromFetchRequest(request: Request): RequestMeta {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const contentLength = parseContentLength(headers['content-length']);
  // (not Content-Length: a Request made in code may say 0 and carry a body all the same)
  const hasBody = request.body !== null;
  return {
    method: request.method,
    // (GET http://x'or'1'='1/tenant: a host the URL's grammar allows but no name has is what new URL(request.url)
    // gives the application, whatever the Host header said; kept in the url, the head scan reads it — see scanHead)
    url: PLAIN_HOST.test(url.host) ? url.pathname + url.search : `${url.protocol}//${url.host}${url.pathname}${url.search}`,
    path: url.pathname,
    headers,
    contentLength,
    contentType: headers['content-type'],
    hasBody,
  };
}

/**
 * One request in flight: owns the slots its body occupies until `release()`.
 * `write` never blocks the caller: when no slot is free it queues the chunk
 * and waits (bounded by `slotWaitMs`) in the background; `finish` waits for
 * that backlog. A failure (413, 503) is visible in `failure` right away.
 */
export class Inspection {
  #requestId: string | undefined;
  readonly meta: RequestMeta;
  #failure: GuardResponse | undefined;
  #onFailure: (() => void) | undefined;
  /** Set once the request must be refused before it is fully read (too large, no slot). */
  get failure(): GuardResponse | undefined { return this.#failure; }
  set failure(response: GuardResponse | undefined) {
    this.#failure = response;
    if (response === undefined) return;
    // (a chunk waiting for a slot waits no more: the request is refused, its answer must not wait for slotWaitMs)
    this.#drainWait?.abort();
    const listener = this.#onFailure;
    if (listener !== undefined) {
      this.#onFailure = undefined;
      listener();
    }
  }

  /**
   * Call `listener` once a refusal is decided (at once if it is): also one decided in the
   * background, between chunks — a slot wait that timed out (503), an inflated body past its
   * limit (413). A body reader waiting for the next chunk stops then, so the answer does not
   * wait for a client that stalls mid-body. One listener at a time.
   */
  onFailure(listener: () => void): void {
    if (this.#failure !== undefined) listener();
    else this.#onFailure = listener;
  }
  /** Body bytes received so far (as sent, also past the body limit). */
  bytesReceived = 0;
  /** Body bytes taken in for the scan (inflated when sent encoded; none past the limit): the body_bytes metric. */
  #bytesTaken = 0;
  readonly #core: GuardCore<unknown>;
  readonly #detector: GuardDetector;
  readonly #arena: Arena;
  readonly #inPlace: boolean;
  readonly #leases: Lease[] = [];
  #current: Lease | null = null;
  #used = 0;
  /** Body bytes stored in slots so far (what the next slot is sized by). */
  #stored = 0;
  /** Stored bytes are scanned as they come: SCAN_AFTER of them are in, or the body is (see #flush). */
  #live = false;
  /** The label of the UTF-16 reading to open when scanning starts (see #planText); undefined when none. */
  #utf16Label: ConstructorParameters<typeof Utf16Reading>[2] | undefined;
  /** Aborts the slot wait of a queued chunk (see #drain) when the request is refused or released meanwhile. */
  #drainWait: AbortController | undefined;
  /** The body deadline's timer (bodyTimeoutMs), while it runs. */
  #deadline: ReturnType<typeof setTimeout> | undefined;
  #body: BodyScanner | undefined;
  /**
   * Inflates a body sent with Content-Encoding before it is stored and scanned: null when
   * the body came as is, undefined until its first chunk opens it.
   */
  #decoder: BodyDecoder | null | undefined;
  /** Decoded body bytes so far (a body sent with Content-Encoding). */
  #decodedBytes = 0;
  /** A compressed body's bytes as sent, for the texts a parser that does not inflate reads (see textsAsSent). */
  #sentChunks: Uint8Array[] | undefined;
  /** What those texts hold. */
  #asSentResult: GuardScanResult | undefined;
  /**
   * The second reading of a body labelled UTF-16 (its text); null when the bytes are the only
   * reading, undefined until the body's first bytes arrive.
   */
  #utf16: Utf16Reading | null | undefined;
  /** The findings of the UTF-16 text reading, once the body has ended (the bytes' reading is then scanned without path.null-byte). */
  #utf16Result: GuardScanResult | undefined;
  /** Bytes written to each lease, in order (for a raw rescan from the slots). */
  #filled: number[] | undefined;
  /** Chunks waiting for a slot (made when the first one waits). */
  #backlog: Uint8Array[] | undefined;
  #draining: Promise<void> | undefined;
  #scanError: unknown;
  #released = false;
  /** The body scanner's finish() was called: its streams are closed (release has none to abort). */
  #bodyFinished = false;
  /** Milliseconds spent inside the scanner for this request. */
  #scanMs = 0;
  /** The head went to the detector as a part (Detector.analyzeRequestSync): the request's verdict is counted at the end. */
  #headPart = false;

  /** @internal */
  constructor(core: GuardCore<unknown>, detector: GuardDetector, arena: Arena, meta: RequestMeta) {
    this.#core = core;
    this.#detector = detector;
    this.#arena = arena;
    // Body slots in the detector's own arena: JSON values are scanned where they lie in the slot.
    this.#inPlace = (detector as { arena?: unknown }).arena === arena;
    this.meta = meta;
    this.#decoder = meta.headers['content-encoding'] === undefined ? null : undefined;
    this.#utf16 = meta.contentType === undefined || !/charset/i.test(meta.contentType) ? null : undefined;
  }

  /** The id the guard's responses and events carry: made when first asked for (a clean request never is). */
  get requestId(): string {
    return this.#requestId ??= newRequestId();
  }

  /** Slots held for this request's body. */
  get slotsHeld(): number {
    return this.#leases.length;
  }

  /** Take the next body chunk: it is copied into a slot and scanned. */
  write(chunk: Uint8Array): void {
    if (this.failure || this.#released || chunk.length === 0) return;
    // A Node Buffer's subarray() is a JS-level override that builds a Buffer; the body
    // scanner takes a view per value, so work on a plain Uint8Array view of the chunk.
    if (chunk.constructor !== Uint8Array) chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
    const limit = this.#core.options.maxBodyBytes;
    this.bytesReceived += chunk.length;
    if (this.bytesReceived > limit) {
      this.failure = respond(413, this.requestId, { error: 'payload too large', maxBodyBytes: limit }, {}, true);
      return;
    }
    if (this.#scanError !== undefined) return; // decided at finish(), by failMode
    if (this.#decoder !== null) {
      this.#writeEncoded(chunk);
      return;
    }
    this.#accept(chunk);
  }

  /** Store and scan body bytes as the application will read them (decoded, when they were sent encoded). */
  #accept(chunk: Uint8Array): void {
    this.#bytesTaken += chunk.length;
    if (this.#utf16 === undefined) {
      this.#planText();
      // (refused for its charset: the body's bytes are neither kept nor scanned any more)
      if (this.failure) return;
    }
    if (this.#draining) {
      (this.#backlog ??= []).push(chunk);
      return;
    }
    let stalled: number;
    try {
      stalled = this.#store(chunk, 0);
    } catch (error) {
      // A closed or faulted arena: never throw into the caller's stream events.
      this.#scanError = error;
      return;
    }
    if (stalled >= 0) {
      (this.#backlog ??= []).push(chunk.subarray(stalled));
      this.#draining = this.#drain();
    }
  }

  /**
   * The body's charset decides its readings: the bytes (UTF-8 and ASCII-compatible charsets;
   * any multipart body, whose framing parsers read as bytes), or the bytes and the UTF-16 text.
   * Any other charset: 415, at the body's first bytes. (The UTF-16 reading itself, which holds
   * scan streams, is opened when scanning starts: see #readText.)
   */
  #planText(): void {
    const plan = charsetPlan(this.meta.contentType);
    this.#utf16 = null;
    if (plan === undefined) {
      this.#unreadableCharset();
      return;
    }
    if (plan === 'bytes' || isMultipart(this.meta.contentType)) return;
    this.#utf16Label = plan;
  }

  /** Stored body bytes, in order, to the UTF-16 text reading (when the body has one). */
  #readText(chunk: Uint8Array): void {
    if (this.#utf16Label !== undefined) {
      const label = this.#utf16Label;
      this.#utf16Label = undefined;
      try {
        this.#utf16 = new Utf16Reading(this.#detector, this.meta.contentType, label);
      } catch {
        this.#unreadableCharset(); // (this runtime's TextDecoder lacks the encoding)
        return;
      }
    }
    if (this.#utf16 !== null && this.#utf16 !== undefined && !this.#utf16.push(chunk)) this.#unreadableCharset();
  }

  #unreadableCharset(): void {
    this.#utf16?.abort(); // (a reading begun, e.g. plain utf-16 with no BOM: its state slots go back)
    this.#utf16 = null;
    this.#utf16Label = undefined;
    this.failure ??= respond(415, this.requestId, { error: 'unsupported charset' }, {}, true);
  }

  /** The body has ended: the UTF-16 reading's last characters and its findings. */
  #endUtf16(): void {
    const reading = this.#utf16;
    if (reading === null || reading === undefined) return;
    this.#utf16 = null;
    if (this.failure || this.#scanError !== undefined) {
      reading.abort(); // (no verdict to read from it: its state slots go back)
      return;
    }
    try {
      this.#utf16Result = reading.finish();
      if (this.#utf16Result === undefined) this.#unreadableCharset(); // (a body too short to hold a BOM)
    } catch (error) {
      this.#scanError = error;
    }
  }

  /** A chunk of a body sent with Content-Encoding: into the decoder, whose output goes to #accept. */
  #writeEncoded(chunk: Uint8Array): void {
    if (this.#decoder === undefined) {
      const stages = this.#openDecoders();
      if (stages === undefined) return;
      if (stages.length === 0) {
        this.#decoder = null; // (only `identity`)
        this.#accept(chunk);
        return;
      }
      this.#decoder = new BodyDecoder(stages, (decoded) => this.#acceptDecoded(decoded));
      // (kept for what an application that does not inflate reads: see textsAsSent)
      this.#sentChunks = [];
    }
    this.#sentChunks?.push(chunk);
    this.#decoder!.write(chunk);
  }

  /** One decompressor per coding, last-applied first; undefined (and a 415) when one cannot be decoded here. */
  #openDecoders(): Decompressor[] | undefined {
    const codings = contentCodings(this.meta.headers['content-encoding']);
    const stages: Decompressor[] = [];
    // (no multipart parser inflates — busboy, multer, @fastify/multipart, formidable, undici's
    // formData() read the bytes as sent — and a compressed stream's own bytes can spell a whole
    // multipart body: scanning the inflated one would scan something no parser reads)
    if (codings.length <= MAX_CODINGS && !(codings.length > 0 && isMultipart(this.meta.contentType))) {
      for (let i = codings.length - 1; i >= 0; i--) {
        const stage = this.#core.decompress(codings[i]!);
        if (stage === undefined) break;
        stages.push(stage);
      }
      if (stages.length === codings.length) return stages;
    }
    // (the header's text is the client's: the answer does not repeat it)
    this.failure = respond(415, this.requestId, { error: 'unsupported content encoding' }, { 'accept-encoding': this.#core.acceptedCodings() }, true);
    return undefined;
  }

  /** Decoded bytes: the body limit holds for them too (a small gzip body can inflate a thousandfold). */
  #acceptDecoded(decoded: Uint8Array): boolean {
    if (this.failure || this.#released) return false;
    this.#decodedBytes += decoded.length;
    const limit = this.#core.options.maxBodyBytes;
    if (this.#decodedBytes > limit) {
      this.failure = respond(413, this.requestId, { error: 'payload too large', maxBodyBytes: limit }, {}, true);
      return false;
    }
    if (this.#scanError === undefined && decoded.length > 0) this.#accept(decoded);
    return true;
  }

  /** The encoded body is all written: wait for its last decoded bytes; a body that does not decode is refused (400). */
  async #decoded(): Promise<void> {
    const decoder = this.#decoder;
    if (decoder === null || decoder === undefined) return;
    this.#decoder = null;
    try {
      await decoder.close();
    } catch {
      this.failure ??= respond(400, this.requestId, { error: 'malformed body encoding' });
    }
    if (this.#sentChunks !== undefined && !this.failure) this.#asSentResult = this.#scanAsSent(this.#sentChunks);
    this.#sentChunks = undefined;
  }

  /** The compressed body's bytes read as a parser that does not inflate reads them: each of textsAsSent scanned as text. */
  #scanAsSent(chunks: Uint8Array[]): GuardScanResult | undefined {
    let result: GuardScanResult | undefined;
    try {
      for (const text of textsAsSent(concatBytes(chunks), contentCodings(this.meta.headers['content-encoding']))) {
        const r = scanPart(this.#detector, text, 'body');
        if (r.threats.length > 0) result = mergeResults(result ?? EMPTY_RESULT, { ...r, threats: r.threats.map((t) => ({ ...t, location: 'body' })) });
      }
    } catch (error) {
      this.#scanError ??= error;
    }
    return result;
  }

  /**
   * Copy `chunk[from..]` into slots and feed it to the body scanner. Returns
   * -1 when done, or the offset where it stopped because no slot was free.
   */
  #store(chunk: Uint8Array, from: number): number {
    let offset = from;
    while (offset < chunk.length) {
      if (this.#current === null || this.#used === this.#current.byteLength) {
        const lease = this.#pool(chunk.length - offset).tryAcquire();
        if (lease === null) return offset;
        this.#adopt(lease);
      }
      const lease = this.#current!;
      const n = Math.min(chunk.length - offset, lease.byteLength - this.#used);
      // (a chunk that fits in its slot, the usual case, needs no view of itself)
      const part = offset === 0 && n === chunk.length ? chunk : chunk.subarray(offset, offset + n);
      lease.write(part, this.#used);
      // (the view is live: write just went through it)
      const address = this.#inPlace ? lease.view!.byteOffset + this.#used : -1;
      this.#used += n;
      this.#stored += n;
      offset += n;
      if (this.#live) this.#read(part, address);
      else if (this.#stored >= SCAN_AFTER || this.#allIn()) this.#flush(part, address);
      // (refused for its charset: nothing more is kept)
      if (this.failure) return -1;
    }
    return -1;
  }

  /** Every byte of a body with a Content-Length (sent as is) has been received. */
  #allIn(): boolean {
    const declared = this.meta.contentLength;
    return declared !== undefined && this.bytesReceived >= declared && this.meta.headers['content-encoding'] === undefined;
  }

  /**
   * Start scanning (see SCAN_AFTER): every byte stored so far, slot by slot. `last`, at
   * `lastAddress`, is the part just stored, which ends them: a slot that holds only it is
   * scanned from the caller's buffer, with no copy (a body in one chunk, the usual case).
   */
  #flush(last?: Uint8Array, lastAddress = -1): void {
    if (this.#live) return;
    this.#live = true;
    if (this.failure || this.#released) return;
    const count = this.#leases.length;
    for (let i = 0; i < count && !this.failure; i++) {
      const length = i < count - 1 ? this.#filled![i]! : this.#used;
      if (i === count - 1 && last !== undefined && length === last.length) {
        this.#read(last, lastAddress);
        break;
      }
      if (length === 0) continue;
      const view = this.#leases[i]!.view!;
      // A copy: the scan may grow wasm memory, which would detach a view of the slot mid-scan.
      // (a slot's bytes go as one piece: a JSON body in one slot can be walked in one call)
      this.#read(view.slice(0, length), this.#inPlace ? view.byteOffset : -1);
    }
  }

  /** Scan stored body bytes: the UTF-16 text reading (when the body has one), then the bytes. */
  #read(part: Uint8Array, address: number): void {
    if (this.#utf16 !== null || this.#utf16Label !== undefined) {
      this.#readText(part);
      if (this.failure) return;
    }
    this.#scan(part, address);
  }

  #adopt(lease: Lease): void {
    if (this.#current) (this.#filled ??= []).push(this.#used);
    this.#leases.push(lease);
    this.#current = lease;
    this.#used = 0;
  }

  /**
   * Pool for the next slot, sized by the bytes that came, never by the ones declared (a client
   * that declares 1 MiB and sends a byte holds a 1 KiB slot, not 64 KiB): the smallest class
   * that holds the `pending` bytes in hand, or the largest class no larger than the body stored
   * so far, whichever is larger. So slots grow with the body — a trickled body holds at most
   * about twice what it sent — and a fast one, whose chunks are large, takes large slots from
   * the start. Never more than what a Content-Length says is left (a 300-byte body: 1 KiB).
   */
  #pool(pending: number): Pool {
    const sizes = this.#core.slotSizes(this.#arena);
    if (sizes.length === 0) return this.#arena.poolFor(pending); // (no pool lends: its RangeError)
    let grown = sizes[0]!;
    for (const size of sizes) if (size <= this.#stored) grown = size;
    let want = Math.max(Math.min(pending, sizes[sizes.length - 1]!), grown);
    const declared = this.meta.contentLength;
    if (declared !== undefined && this.meta.headers['content-encoding'] === undefined) {
      const left = declared - this.#stored;
      if (left >= pending) want = Math.min(want, left);
    }
    return this.#arena.poolFor(Math.max(1, want));
  }

  /** `address`: where `part` sits in the detector's wasm memory, or -1. */
  #scan(part: Uint8Array, address: number): void {
    if (this.#scanError !== undefined) return;
    try {
      const t0 = clock.now();
      this.#body ??= createBodyScanner(this.#detector, this.meta.contentType);
      // The scanner reads the bytes just written from the caller's buffer (a view into the
      // slot could be detached if the scanner's own work grows memory), and has wasm scan
      // them by address in the slot, which never moves.
      this.#body.push(part, address);
      this.#scanMs += clock.now() - t0;
    } catch (error) {
      this.#scanError = error;
    }
  }

  /** Wait for slots for the queued chunks, in order. */
  async #drain(): Promise<void> {
    try {
      const backlog = this.#backlog!; // (made before the drain starts)
      while (backlog.length > 0 && !this.failure && !this.#released) {
        const chunk = backlog[0]!;
        const pool = this.#pool(chunk.length);
        let lease: Lease;
        const wait = this.#drainWait = new AbortController();
        try {
          lease = await pool.acquireAsync({ timeoutMs: this.#core.options.slotWaitMs, signal: wait.signal });
        } catch (error) {
          if (wait.signal.aborted) return; // (refused or released meanwhile: that answer stands)
          if (!isPoolExhausted(error)) throw error;
          this.failure ??= this.#core.unavailable(this.requestId, 'no free slot for the request body', true);
          return;
        } finally {
          this.#drainWait = undefined;
        }
        if (this.#released) {
          lease.release();
          return;
        }
        this.#adopt(lease);
        const stalled = this.#store(chunk, 0);
        if (stalled < 0) backlog.shift();
        else backlog[0] = chunk.subarray(stalled);
      }
    } catch (error) {
      this.#scanError ??= error;
    } finally {
      this.#draining = undefined;
    }
  }

  /**
   * The whole body has been written: scan the head, finish the body scan, decide.
   * `alreadyParsed`: a body some earlier middleware consumed and parsed (the
   * guard was mounted after a body parser); it is scanned from that value.
   */
  async finish(alreadyParsed?: unknown): Promise<Verdict> {
    this.#stopDeadline(); // (the body is all in: what is left is the guard's own work)
    await this.#decoded();
    while (this.#draining) await this.#draining;
    if (this.#released) return this.#ended();
    const now = this.finishNow(alreadyParsed);
    if (now !== undefined) return now;
    const recorder = this.#recorder(this.#detector);
    if (this.failure) return this.#refused(recorder, this.failure);
    const t0 = clock.now();
    let head: GuardScanResult;
    try {
      if (this.#scanError !== undefined) throw this.#scanError;
      head = await this.#detector.analyzeRequest(this.#shape(alreadyParsed));
    } catch (error) {
      return this.#core.count(recorder, this.#core.scannerFailed(this, error));
    }
    return this.#settle(recorder, head, t0);
  }

  /**
   * {@link Inspection.finish} without a promise, when nothing is left to wait for: no chunk
   * waits for a slot, and the detector is a plain `Detector` (its own `analyzeRequest`,
   * which has a synchronous twin). Undefined otherwise: then call `finish()`.
   */
  finishNow(alreadyParsed?: unknown): Verdict | undefined {
    if (this.#draining || (this.#decoder !== null && this.#decoder !== undefined)) return undefined;
    this.#stopDeadline();
    if (this.#released) return this.#ended();
    this.#flush(); // (a body shorter than SCAN_AFTER, not scanned yet)
    this.#endUtf16();
    const detector = this.#detector as GuardDetector & { analyzeRequestSync?: (request: GuardRequestShape, verdict?: boolean, startedAt?: number) => GuardScanResult };
    if (detector.analyzeRequest !== Detector.prototype.analyzeRequest || typeof detector.analyzeRequestSync !== 'function') return undefined;
    const recorder = this.#recorder(detector);
    if (this.failure) return this.#refused(recorder, this.failure);
    const t0 = clock.now();
    let head: GuardScanResult;
    try {
      if (this.#scanError !== undefined) throw this.#scanError;
      // (the head alone is not the request's verdict: the body was scanned apart; #conclude counts the whole)
      // (t0 is the head's start for the detector's timing too: one clock read, not two)
      head = detector.analyzeRequestSync(this.#shape(alreadyParsed), false, t0);
      this.#headPart = true;
    } catch (error) {
      return this.#core.count(recorder, this.#core.scannerFailed(this, error));
    }
    return this.#settle(recorder, head, t0);
  }

  /**
   * Released before its verdict (the client went away meanwhile): the body's slots and scan
   * streams are gone, so there is nothing to scan it with. Never let it through; not counted,
   * as no answer reaches anyone.
   */
  #ended(): Verdict {
    return { allow: false, requestId: this.requestId, response: this.#core.unavailable(this.requestId, 'request ended before its scan', true) };
  }

  /** The detector's recorder, with this request's body bytes counted. */
  #recorder(detector: GuardDetector): GuardRecorder {
    const recorder = recorderFor(detector);
    recorder.bodyBytes += this.#bytesTaken;
    return recorder;
  }

  /** A request already refused while its body came in (too large, a slot that never came): no scan. */
  #refused(recorder: GuardRecorder, response: GuardResponse): Verdict {
    return this.#core.count(recorder, { allow: false, requestId: this.requestId, response });
  }

  /** The head is scanned: finish the body's scan, time both, decide. */
  #settle(recorder: GuardRecorder, head: GuardScanResult, t0: number): Verdict {
    // (released while a detector's verdict was awaited — the client went away: the body's scan
    // was aborted, so its result would read as clean; never let such a request through)
    if (this.#released) return this.#ended();
    let body: GuardScanResult;
    try {
      body = this.#bodyResult();
    } catch (error) {
      return this.#core.count(recorder, this.#core.scannerFailed(this, error));
    }
    this.#scanMs += clock.now() - t0;
    return this.#conclude(recorder, head, body);
  }

  #shape(alreadyParsed: unknown): GuardRequestShape {
    const { method, url, headers } = this.meta;
    return alreadyParsed === undefined
      ? { method, url, headers }
      : { method, url, headers, body: alreadyParsed as GuardRequestShape['body'] };
  }

  #bodyResult(): GuardScanResult {
    const scanner = this.#body;
    // (a compressed body that inflates to nothing still has its bytes as sent read: see #scanAsSent)
    if (scanner === undefined) return this.#asSentResult ?? EMPTY_RESULT;
    this.#bodyFinished = true;
    let body = scanner.finish();
    if (scanner.malformed) body = mergeResults(body, this.#rescanRaw());
    if (this.#asSentResult !== undefined) body = mergeResults(body, this.#asSentResult);
    return this.#utf16Result === undefined ? body : mergeReadings(withoutUtf16Zeros(body), this.#utf16Result);
  }

  #conclude(recorder: GuardRecorder, head: GuardScanResult, body: GuardScanResult): Verdict {
    recorder.observeScan(this.#scanMs / 1000);
    if (this.#headPart) this.#countVerdict(head, body);
    const verdict = this.#core.decide(this, this.#detector, head, body);
    return this.#core.count(recorder, verdict);
  }

  /**
   * The detector's verdict on the whole request (head and body, before exclusions and mode,
   * as decide() first reads it), counted in its stats once, as analyzeRequest counts one.
   */
  #countVerdict(head: GuardScanResult, body: GuardScanResult): void {
    const detector = this.#detector as GuardDetector & { countVerdict?: (result: GuardScanResult) => void };
    if (typeof detector.countVerdict !== 'function') return;
    const score = head.score + body.score;
    const blocked = head.blocked || body.blocked || score >= detector.threshold;
    detector.countVerdict({ blocked, score, threats: head.threats.length === 0 ? body.threats : [...head.threats, ...body.threats] });
  }

  /**
   * Scan the whole body again as raw text, from the slots that hold it (and, when it starts
   * like JSON, with JSON's escapes decoded: a BOM or nesting past the walker's limit makes a
   * document malformed to the walker, but not to JSON.parse).
   */
  #rescanRaw(): GuardScanResult {
    const raw = new RawBodyScanner(this.#detector, 'body', isMultipart(this.meta.contentType));
    const lengths = [...(this.#filled ?? []), this.#used];
    this.#leases.forEach((lease, i) => {
      // A copy: pushing a view of wasm memory would break if the scanner grows memory meanwhile.
      raw.push(lease.bytes.slice(0, lengths[i]));
    });
    return raw.finish();
  }

  /**
   * The adapter starts waiting for the rest of the body: from now it has `bodyTimeoutMs` to
   * arrive, or the request is refused (408) through {@link Inspection.failure}, which stops the
   * adapter's wait (see {@link Inspection.onFailure}). Ended by finish(), finishNow() or
   * release(). The Node reader times only a body that is not all there when the guard runs; a
   * Fetch body stream cannot say so before it is read, so the fetch and Hono readers always start it.
   */
  startBodyDeadline(): void {
    const ms = this.#core.options.bodyTimeoutMs;
    if (ms === false || this.#deadline !== undefined || this.failure || this.#released) return;
    this.#deadline = setTimeout(() => {
      this.#deadline = undefined;
      if (this.failure || this.#released) return;
      this.failure = respond(408, this.requestId, { error: 'request body timeout', bodyTimeoutMs: ms }, {}, true);
    }, ms);
  }

  #stopDeadline(): void {
    if (this.#deadline === undefined) return;
    clearTimeout(this.#deadline);
    this.#deadline = undefined;
  }

  /** Give the body's slots back. Safe to call more than once. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#stopDeadline();
    this.#drainWait?.abort();
    if (this.#backlog !== undefined) this.#backlog.length = 0;
    if (this.#decoder) {
      this.#decoder.abort();
      this.#decoder = null;
    }
    if (this.#utf16) {
      // (its scan streams give their state slots back)
      this.#utf16.abort();
      this.#utf16 = null;
    }
    // A body refused (413, 415, 503) or abandoned before its verdict: its scanner's open
    // streams give their state slots back now, not when GC finds the leases.
    if (this.#body !== undefined && !this.#bodyFinished) {
      this.#bodyFinished = true;
      this.#body.abort();
    }
    this.#current = null;
    for (const lease of this.#leases) {
      try {
        if (!lease.released) lease.release();
      } catch {
        // A faulted or closed arena refuses releases; its slots are gone with it. Never throw
        // from here: release runs in response 'finish'/'close' handlers.
      }
    }
    // (a body in one slot, the usual case: pop is cheaper than the length setter)
    if (this.#leases.length === 1) this.#leases.pop();
    else this.#leases.length = 0;
    // Body values were scanned without a wipe each (the verdict's analyzeRequest wipes them);
    // a request that ends without a verdict (client gone) must not leave them in the scanner's slots.
    if (this.#body !== undefined) {
      const endFields = (this.#detector as { endFields?: (t0: number) => void }).endFields;
      try {
        if (typeof endFields === 'function') endFields.call(this.#detector, -1);
      } catch {
        // a closed detector has nothing left to wipe
      }
    }
  }
}

/**
 * Shared by all adapters: options, the lazily created detector and arena, and
 * the decision logic.
 */
export class GuardCore<Req> {
  readonly options: ResolvedGuardOptions<Req>;
  #ready: Promise<{ detector: GuardDetector; arena: Arena }> | undefined;
  /** What #ready resolved to, once it has (it is never made again after that). */
  #readyValue: { detector: GuardDetector; arena: Arena } | undefined;
  #sizes = new WeakMap<Arena, number[]>();
  /** @internal Decompressors for request bodies sent with Content-Encoding. */
  readonly decompress: DecompressorFactory;
  #accepted: string | undefined;

  /**
   * `decompress`: the Node adapters add zlib's codings to the runtime's DecompressionStream.
   * `owner`: the adapter's own function, as option errors name it.
   */
  constructor(options: GuardOptions<Req> | undefined, decompress: DecompressorFactory = webDecompressor, owner = 'arenaguard()') {
    this.options = resolveGuardOptions(options, owner);
    this.decompress = decompress;
  }

  /** @internal The codings this guard decodes, for the Accept-Encoding of a 415 (RFC 9110 §15.5.16). */
  acceptedCodings(): string {
    if (this.#accepted === undefined) {
      const probe = (coding: string) => {
        const stage = this.decompress(coding);
        if (stage === undefined) return false;
        stage.writable.abort().catch(() => undefined);
        return true;
      };
      this.#accepted = ['gzip', 'deflate', 'br', 'zstd'].filter(probe).join(', ');
    }
    return this.#accepted;
  }

  /** True when `skip(req)` says so. A throwing `skip` scans the request (fails safe). */
  skips(req: Req): boolean {
    const skip = this.options.skip;
    if (!skip) return false;
    try {
      return skip(req) === true;
    } catch {
      return false;
    }
  }

  /** The detector and arena, created on first use unless given. */
  ready(): Promise<{ detector: GuardDetector; arena: Arena }> {
    this.#ready ??= this.#init().then((value) => (this.#readyValue = value));
    return this.#ready;
  }

  async #init(): Promise<{ detector: GuardDetector; arena: Arena }> {
    const { detector, arena, paranoia, failMode } = this.options;
    if (detector) {
      const shared = arena ?? (isArena(detector.arena) ? detector.arena : await createArena({ pools: createStandardPools() }));
      return { detector, arena: shared };
    }
    const own = arena ?? await createArena({ pools: createStandardPools() });
    return { detector: await createDefaultDetector({ arena: own, paranoia, failMode }), arena: own };
  }

  /** @internal The slot sizes `arena` can lend (pools with maxSlots 0 never do), ascending. */
  slotSizes(arena: Arena): readonly number[] {
    let sizes = this.#sizes.get(arena);
    if (sizes === undefined) {
      sizes = arena.lendingPools.map((p) => p.slotSize);
      this.#sizes.set(arena, sizes);
    }
    return sizes;
  }

  /**
   * Start inspecting a request. Returns a response right away when the
   * declared body is already over `maxBodyBytes` (nothing is read then).
   * Once the detector is ready the result is returned as is, not as a promise
   * (callers await it either way; that await is then a single microtask).
   */
  begin(meta: RequestMeta): Promise<Inspection | Verdict> | Inspection | Verdict {
    const ready = this.#readyValue;
    return ready !== undefined ? this.#start(meta, ready.detector, ready.arena) : this.#beginLater(meta);
  }

  #startFailureSaid = false;

  async #beginLater(meta: RequestMeta): Promise<Inspection | Verdict> {
    let detector: GuardDetector;
    let arena: Arena;
    try {
      ({ detector, arena } = await this.ready());
    } catch (error) {
      // Creating the detector failed (e.g. the wasm module could not load): retry on the next request.
      this.#ready = undefined;
      // Said once (every request is refused until it works, and a bare 503 does not say why).
      if (!this.#startFailureSaid) {
        this.#startFailureSaid = true;
        console.error('arenaguard: the guard could not start its scanner; requests are answered 503 until it can:', error);
      }
      const requestId = newRequestId();
      if (this.options.failMode === 'open') return { allow: true, requestId };
      return { allow: false, requestId, response: this.unavailable(requestId, 'scanner unavailable', meta.hasBody) };
    }
    return this.#start(meta, detector, arena);
  }

  #start(meta: RequestMeta, detector: GuardDetector, arena: Arena): Inspection | Verdict {
    // (the lease-age clock, read once per request: where timers run only during requests — workerd — it would stand still)
    arena.clock();
    const limit = this.options.maxBodyBytes;
    if (!usable(arena) || !usable(detector.arena)) {
      // A trapped wasm module cannot be trusted to scan: fail per failMode, never pass unscanned.
      const requestId = newRequestId();
      if (this.options.failMode === 'open') return { allow: true, requestId };
      return this.count(recorderFor(detector), { allow: false, requestId, response: this.unavailable(requestId, 'scanner unavailable', meta.hasBody) });
    }
    const inspection = new Inspection(this as GuardCore<unknown>, detector, arena, meta);
    if (meta.contentLength !== undefined && meta.contentLength > limit) {
      const response = respond(413, inspection.requestId, { error: 'payload too large', maxBodyBytes: limit }, {}, true);
      return this.count(recorderFor(detector), { allow: false, requestId: inspection.requestId, response });
    }
    return inspection;
  }

  /** @internal Count the outcome for metrics. */
  count(recorder: GuardRecorder, verdict: Verdict): Verdict {
    if (verdict.allow) {
      if (verdict.monitored) recorder.countOutcome('monitored');
      return verdict;
    }
    const status = verdict.response.status;
    recorder.countOutcome(OUTCOMES[status]);
    if (status === 403) {
      // The 403 lists exactly the findings that counted (after exclusions).
      const shown = (JSON.parse(verdict.response.body) as { threats: { category: string }[] }).threats;
      recorder.countBlocked(shown.map((t) => t.category));
    }
    return verdict;
  }

  /** @internal 503 with Retry-After: the guard could not scan now, and never lets a request through unscanned. */
  unavailable(requestId: string, reason: string, closeConnection: boolean): GuardResponse {
    return respond(503, requestId, { error: 'service unavailable', reason }, { 'retry-after': String(this.options.retryAfterSeconds) }, closeConnection);
  }

  /** @internal The scanner threw (or a slot could not be had while scanning). */
  scannerFailed(inspection: Inspection, error: unknown): Verdict {
    // No free slot is load, not a broken scanner: refused whatever failMode says (never passed unscanned).
    const noSlot = isPoolExhausted(error);
    if (this.options.failMode === 'open' && !noSlot) return { allow: true, requestId: inspection.requestId };
    const reason = noSlot ? 'no free slot for scanning' : 'scanner error';
    return { allow: false, requestId: inspection.requestId, response: this.unavailable(inspection.requestId, reason, false) };
  }

  /** @internal Combine head and body results, apply exclusions and mode, report, decide. */
  decide(inspection: Inspection, detector: GuardDetector, head: GuardScanResult, body: GuardScanResult): Verdict {
    // (a detector that says blocked without listing why — a custom one, or a threshold of 0 — is obeyed: 403, no threats listed)
    if (head.threats.length === 0 && body.threats.length === 0 && !head.blocked && !body.blocked) return CLEAN;
    const requestId = inspection.requestId;
    const found: GuardThreat[] = [
      ...head.threats,
      ...body.threats.map((t) => (t.location ? t : { ...t, location: 'body' })),
    ];

    const kept: GuardThreat[] = [];
    const excluded: GuardThreat[] = [];
    for (const threat of found) (this.#excluded(threat, inspection.meta.path) ? excluded : kept).push(threat);

    const threshold = typeof detector.threshold === 'number' ? detector.threshold : DEFAULT_THRESHOLD;
    let score: number;
    let blocked: boolean;
    if (excluded.length === 0 || head.truncated || body.truncated) {
      // (with the list cut, findings past it cannot be re-scored: exclusions then do not
      // lower the verdict; a request of over 100 findings is no false positive to forgive)
      score = head.score + body.score;
      blocked = head.blocked || body.blocked || score >= threshold;
    } else {
      // Re-score what is left: each (location, rule) once, as the detector scores distinct rules per value.
      const seen = new Set<string>();
      score = 0;
      for (const t of kept) {
        const key = `${t.location}\u0000${t.ruleId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        score += typeof t.score === 'number' ? t.score : threshold;
      }
      blocked = kept.length > 0 && (score >= threshold || kept.some((t) => t.ruleId.startsWith('internal.')));
    }

    const internal = blocked && kept.length > 0 && kept.every((t) => t.ruleId.startsWith('internal.'));
    // A scan that found no free slot was not run: load, answered 503 whatever failMode says.
    const noSlot = internal && kept.some((t) => t.reason === 'no-free-slot');
    const failOpen = this.options.failMode === 'open' && !noSlot;
    const monitor = this.options.mode === 'monitor';
    const action: ThreatEvent['action'] = !blocked ? (kept.length === 0 ? 'excluded' : 'allowed') : monitor ? 'monitored'
      : internal ? (failOpen ? 'failed-open' : 'unavailable') : 'blocked';
    this.#report({
      requestId,
      method: inspection.meta.method,
      url: shownUrl(inspection.meta.url),
      action,
      score,
      threats: kept.map((t) => ({ ...t, location: shownLocation(t.location ?? 'request') })),
      excluded: excluded.map((t) => ({ ...t, location: shownLocation(t.location ?? 'request') })),
    });
    if (!blocked || monitor) return { allow: true, requestId, monitored: blocked && monitor };
    if (internal) {
      if (failOpen) return { allow: true, requestId };
      return { allow: false, requestId, response: this.unavailable(requestId, noSlot ? 'no free slot for scanning' : 'scanner error', false) };
    }
    const threats = kept.map(({ category, ruleId, location }) => ({ category, ruleId, location: shownLocation(location ?? 'request') }));
    const more = head.truncated || body.truncated ? { truncated: true } : {};
    return { allow: false, requestId, response: respond(403, requestId, { error: 'request blocked', threats, ...more }) };
  }

  #excluded(threat: GuardThreat, path: string): boolean {
    if (threat.ruleId.startsWith('internal.')) return false; // a scanner failure is never a false positive
    for (const rule of this.options.exclude) {
      if (!globMatch(rule.rule, threat.ruleId)) continue;
      // (as the finding carries it, or as a 403 and onThreat show it: `body:$[#1f0c9a3e]` is all an operator sees of an odd name)
      if (rule.location !== undefined && !globMatch(rule.location, threat.location ?? '') && !globMatch(rule.location, shownLocation(threat.location ?? 'request'))) continue;
      if (rule.path !== undefined && !globMatch(rule.path, path)) continue;
      return true;
    }
    return false;
  }

  #report(event: ThreatEvent): void {
    // (a logging callback that throws, or rejects, must not change the verdict or crash the server)
    callQuietly(this.options.onThreat, event);
  }
}

/** The metrics' outcome label of each status the guard answers with. */
const OUTCOMES: Record<GuardResponse['status'], string> = {
  400: 'undecodable', 403: 'blocked', 408: 'body_timeout', 413: 'too_large', 415: 'unsupported_encoding', 503: 'unavailable',
};

function mergeResults(a: GuardScanResult, b: GuardScanResult): GuardScanResult {
  return listed({ blocked: a.blocked || b.blocked, score: a.score + b.score, threats: [...a.threats, ...b.threats] }, a, b);
}

/** False once an arena has faulted (a wasm trap) or been closed; true for anything else. */
function usable(value: unknown): boolean {
  return !isArena(value) || (value as { usable?: boolean }).usable !== false;
}

function isArena(value: unknown): value is Arena {
  return typeof value === 'object' && value !== null && typeof (value as Arena).poolFor === 'function';
}

/**
 * Wrap a response so `onDone` runs once its body has been sent (or the client
 * went away), not when the handler returned: the body's slots stay held while
 * the application may still be streaming its answer.
 */
export function releaseWhenSent(response: Response, onDone: () => void): Response {
  const source = response.body;
  if (source === null || response.status === 101 || (response as { webSocket?: unknown }).webSocket) {
    onDone();
    return response;
  }
  let done = false;
  const finish = () => {
    if (!done) {
      done = true;
      onDone();
    }
  };
  const reader = source.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: end, value } = await reader.read();
        if (end) {
          finish();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        finish();
        controller.error(error);
      }
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason);
    },
  }, { highWaterMark: 0 });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * Release the inspection's slots when the client goes away (`request.signal` aborts: the
 * server saw the connection close), not only when the handler's response is sent, which a
 * handler waiting on something that never answers never reaches. Safe: the handler reads a
 * copy of the body (the forwarded Request's own bytes), never the guard's slots. Returns the
 * release to call on the other paths (it also stops listening).
 */
export function releaseOnAbort(request: Request, inspection: Inspection): () => void {
  const signal = (request as { signal?: AbortSignal }).signal;
  if (signal === undefined || signal === null || typeof signal.addEventListener !== 'function') return () => inspection.release();
  const release = () => {
    signal.removeEventListener('abort', release);
    inspection.release();
  };
  if (signal.aborted) release();
  else signal.addEventListener('abort', release);
  return release;
}

/**
 * Did reading `request`'s body fail because its client went away? Its signal has aborted
 * then (the server saw the connection close). Nobody is left to answer: the fetch adapters
 * answer such a request quietly instead of throwing the stream's 'aborted' error into the
 * application's error handler (a logged stack per abandoned upload).
 */
export function clientGone(request: Request): boolean {
  return (request as { signal?: AbortSignal }).signal?.aborted === true;
}

/** The answer to a request whose client went away mid-body (see {@link clientGone}): read by no one. */
export function abandonedResponse(): Response {
  return new Response(null, { status: 400 });
}

/** Errors by which a runtime says a request's connection went away (Deno's names). */
const CONNECTION_GONE = new Set(['BadResource', 'ConnectionReset', 'ConnectionAborted', 'BrokenPipe', 'Interrupted']);

/** What {@link readRequestBody} returns when the client went away mid-body. */
export const CLIENT_GONE = Symbol('client gone');

/** {@link readFetchBody} of `request`'s body, or CLIENT_GONE when the read failed because its client went away. */
export async function readRequestBody(request: Request & { body: ReadableStream<Uint8Array> }, inspection: Inspection): Promise<Uint8Array[] | undefined | typeof CLIENT_GONE> {
  try {
    return await readFetchBody(request.body, inspection);
  } catch (error) {
    // (Deno fails the read — "BadResource: Cannot read request body as underlying resource
    // unavailable" — before it aborts the signal, and then not at once)
    if (clientGone(request) || CONNECTION_GONE.has((error as { name?: unknown } | null)?.name as string)) return CLIENT_GONE;
    throw error;
  }
}

/**
 * The body step of the fetch and Hono adapters: read `request`'s body into the inspection and
 * wait for the verdict. Returns the request to pass on (a copy holding the bytes read, or
 * `request` itself when it has no body), or the answer to send instead — a refusal, or the
 * quiet answer to a client gone mid-body — after calling `release`. `env`: as for
 * {@link toFetchResponse}.
 */
export async function inspectFetchRequest(request: Request, inspection: Inspection, release: () => void, env?: unknown): Promise<{ pass: Request } | { answer: Response }> {
  let pass = request;
  if (inspection.meta.hasBody && request.body) {
    const chunks = await readRequestBody(request as Request & { body: ReadableStream<Uint8Array> }, inspection);
    if (chunks === CLIENT_GONE) {
      release();
      return { answer: abandonedResponse() };
    }
    if (chunks) pass = new Request(request, { body: concatChunks(chunks) });
  }
  const verdict = inspection.finishNow() ?? await inspection.finish();
  if (!verdict.allow) {
    release();
    return { answer: toFetchResponse(verdict.response, env) };
  }
  return { pass };
}

/**
 * A `GuardResponse` as a Fetch `Response`. `env`: what the server passed the handler besides
 * the request — @hono/node-server passes `{ incoming, outgoing }`, Node's own request and response.
 */
export function toFetchResponse(response: GuardResponse, env?: unknown): Response {
  // The rest of the body was not read: Node servers (@hono/node-server, a fetch handler behind
  // node:http) would otherwise keep the connection and read it before the next request. Deno
  // closes such a connection itself, edge runtimes drop the header: neither minds it. On HTTP/2
  // (Node warns of a connection header there) the stream is reset instead, once the answer is out.
  const outgoing = response.closeConnection && typeof env === 'object' && env !== null ? (env as { outgoing?: unknown }).outgoing : undefined;
  const http2 = typeof outgoing === 'object' && outgoing !== null && closeHttp2Stream(outgoing);
  const headers = response.closeConnection && !http2 ? { ...response.headers, connection: 'close' } : response.headers;
  return new Response(response.body, { status: response.status, headers });
}

/** Read a Fetch body stream into the inspection; returns the chunks for the handler, or undefined on failure. */
export async function readFetchBody(body: ReadableStream<Uint8Array>, inspection: Inspection): Promise<Uint8Array[] | undefined> {
  if (body.locked) {
    // (each runtime words getReader()'s own error differently, and none says what went wrong here)
    throw new TypeError('arenaguard: the request body was already read before the guard could scan it; run the guard before anything that reads the body');
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  // A refusal decided while waiting for the next chunk ends the wait — also the body's deadline
  // passing (see Inspection.onFailure): cancelling the reader settles its pending read as done.
  // (Not a Promise.race of each read against one refusal promise: every race leaves a reaction
  // on that promise until the request ends — ~500 B per chunk, 160 MB for a body sent in 300,000
  // one-byte chunks.)
  // The cancel is not awaited: a source may finish cancelling only when its client sends more or
  // goes away (undici's stream of an async iterable awaits the iterator's return(), which waits for
  // its pending next()), and the refusal, with its slots, must not wait for that client.
  inspection.onFailure(() => { reader.cancel().catch(() => undefined); });
  inspection.startBodyDeadline();
  for (;;) {
    const next = await reader.read();
    if (inspection.failure) return undefined;
    if (next.done) return chunks;
    chunks.push(next.value);
    inspection.write(next.value);
  }
}

/** Concatenate chunks into one buffer on an ArrayBuffer (a Request body must be one): the body the application will read. */
export function concatChunks(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const first = chunks[0];
  if (chunks.length === 1 && first!.buffer instanceof ArrayBuffer) return first as Uint8Array<ArrayBuffer>;
  return (chunks.length === 1 ? first!.slice() : concatBytes(chunks)) as Uint8Array<ArrayBuffer>;
}
