// The detector: options, scan, streams, stats, health and fail-closed handling around the
// wasm engine. Request walking lives in request.ts.
import { createArena, type Arena } from '../arena.js';
import { createStandardPools } from '../standard-pools.js';
import type { Lease } from '../lease.js';
import { ScanEngine, CONTEXT_CODES, FAULT, JSON_CLEAN, assertLiveView } from './engine.js';
import { Histogram } from './histogram.js';
import { StreamFinishedError, DetectorClosedError } from './errors.js';
import { PoolExhaustedError } from '../errors.js';
import { HealthWindow } from '../pool.js';
import { rejectUnknownKeys, show, type KeyList } from '../option-keys.js';
import { analyzeRequest as walkRequest, analyzeRequestSync as walkRequestSync } from './request.js';
import type {
  DetectorOptions, ScanContext, ScanOptions, ScanResult, Threat, DetectorStats, DetectorHealth, DetectorHealthCheck, RequestLike,
} from './types.js';

const DEFAULT_MAX_SCAN_BYTES = 1 << 20;
const DEFAULT_THRESHOLD = 5;
const MAX_LIMIT = 0xfffffff0;
const NO_THREATS: Threat[] = Object.freeze([]) as unknown as Threat[];
/**
 * The clock, looked up once: in Node the global `performance` is a lazy getter that runs on
 * every access, and a short scan reads the clock twice.
 */
const clock: { now(): number } = globalThis.performance;
/**
 * scan() of an input shorter than this (UTF-16 units of a string, bytes of an array) is timed
 * one call in TIME_SAMPLE on average: its two clock reads (about 35 ns each in Node) cost a third
 * of such a scan. The time of one that is timed counts TIME_SAMPLE times in the histogram, so its
 * quantiles stay estimates of every scan's. Longer inputs, streams and requests are always timed.
 */
const SHORT_INPUT = 256;
const TIME_SAMPLE = 8;

/** A counter map as the stats give it: key → count, in the order the keys were first counted. */
function counts(cells: Map<string, { n: number }>): Record<string, number> {
  return Object.fromEntries(Array.from(cells, ([key, cell]) => [key, cell.n]));
}

/** The finding an internal error turns into; `score`: what it adds (the result's whole score, as for any finding). */
function internalError(err: unknown, score: number, location?: string): Threat {
  const reason = err instanceof PoolExhaustedError ? 'no-free-slot' : 'scanner-error';
  const t: Threat = { category: 'internal', ruleId: 'internal.error', severity: 'critical', score, offset: 0, length: 0, reason };
  if (location !== undefined) t.location = location;
  return t;
}

/** Every key of `DetectorOptions`. */
const DETECTOR_OPTION_KEYS: KeyList<DetectorOptions> = { arena: true, paranoia: true, failMode: true, maxScanBytes: true, threshold: true };
/** Every key of `ScanOptions` (`scan()`). */
const SCAN_OPTION_KEYS: KeyList<ScanOptions> = { context: true };
/** Every key of `createStream()`'s options. */
const STREAM_OPTION_KEYS: KeyList<StreamOptions> = { context: true, contentType: true };
type StreamOptions = ScanOptions & { contentType?: string };

interface ResolvedOptions { paranoia: 1 | 2; failMode: 'closed' | 'open'; maxScanBytes: number; threshold: number }

function resolveOptions(options: DetectorOptions): ResolvedOptions {
  if (options === null || typeof options !== 'object') throw new TypeError('createDetector: options must be an object');
  // (a misspelt paranoia would leave it 1: a security setting lost without a word)
  rejectUnknownKeys(options, DETECTOR_OPTION_KEYS, 'createDetector()');
  const { paranoia = 1, failMode = 'closed', maxScanBytes = DEFAULT_MAX_SCAN_BYTES, threshold = DEFAULT_THRESHOLD } = options;
  if (paranoia !== 1 && paranoia !== 2) throw new RangeError(`createDetector: paranoia must be 1 or 2 (got ${show(paranoia)})`);
  if (failMode !== 'closed' && failMode !== 'open') throw new RangeError(`createDetector: failMode must be 'closed' or 'open' (got ${show(failMode)})`);
  if (typeof maxScanBytes !== 'number' || !Number.isInteger(maxScanBytes) || maxScanBytes < 0 || maxScanBytes > MAX_LIMIT) {
    throw new RangeError(`createDetector: maxScanBytes must be an integer from 0 to ${MAX_LIMIT} (got ${show(maxScanBytes)})`);
  }
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0) {
    throw new RangeError(`createDetector: threshold must be a finite number >= 0 (got ${show(threshold)})`);
  }
  return { paranoia, failMode, maxScanBytes, threshold };
}

function contextCode(context: unknown): number {
  // The seven names by comparison (a call site sees few of them; no keyed lookup per scan).
  switch (context) {
    case undefined: case null: case 'query': return 0;
    case 'form': return 1;
    case 'body': return 2;
    case 'header': return 3;
    case 'path': return 4;
    case 'json': return 5;
    case 'json-escaped': return 6;
  }
  // (no table lookup for the rest: 'toString' or '__proto__' would find Object.prototype's members)
  throw new RangeError(`scan: context must be one of ${Object.keys(CONTEXT_CODES).join(', ')} (got ${show(context)})`);
}

/**
 * Create a detector that scans values for SQL injection, XSS, command injection and path
 * traversal inside the arena's wasm memory.
 *
 * @example
 * ```ts
 * import { createDetector } from 'arenaguard';
 * const detector = await createDetector({ paranoia: 1 });
 * const r = detector.scan("1' OR '1'='1", { context: 'query' });
 * if (r.blocked) console.log(r.threats.map((t) => t.ruleId)); // ['sqli.string-breakout', 'sqli.tautology']
 * ```
 * @throws RangeError naming the option when an option is invalid.
 */
export async function createDetector(options: DetectorOptions = {}): Promise<Detector> {
  const resolved = resolveOptions(options);
  if (options.arena !== undefined && (options.arena === null || typeof (options.arena as Arena).poolFor !== 'function')) {
    throw new RangeError('createDetector: arena must be an Arena from createArena()');
  }
  const arena = options.arena ?? await createArena({ pools: createStandardPools() });
  return new Detector(arena, resolved, options.arena === undefined);
}

/**
 * A stream scan: push chunks, then `finish()` for the verdict (offsets count bytes).
 * For bodies that arrive in pieces: the verdict is the one the whole input gets,
 * without joining the chunks first. Holds one state slot until `finish()`.
 *
 * @example
 * ```ts
 * const stream = detector.createStream({ context: 'body' });
 * stream.push('<scr').push('ipt>alert(1)</script>'); // the tag is split across chunks
 * const r = stream.finish();
 * [r.blocked, r.threats.map((t) => `${t.ruleId}@${t.offset}`)]; // [true, ['xss.script-tag@0', 'xss.js-sink@8']]
 * ```
 */
export class ScanStream {
  readonly #detector: Detector;
  #state: Lease | null = null;
  #failed: unknown = null;
  #finished = false;
  #bytes = 0;
  #t0 = 0;
  /**
   * A high surrogate that ended the last string chunk, held for the next one: encoded alone it
   * is U+FFFD, 3 bytes, where the pair it begins is 4 — later offsets would move.
   */
  #highSurrogate = '';
  /** False for a stream that is one part of a request (its verdict is the request's). */
  readonly #verdict: boolean;

  /** @internal */
  constructor(detector: Detector, context: number, verdict = true) {
    this.#detector = detector;
    this.#verdict = verdict;
    this.#t0 = clock.now();
    try {
      this.#state = detector.engine.acquireState();
      detector.engine.begin(this.#state, context, detector.paranoia, detector.maxScanBytes);
    } catch (err) {
      this.#fail(err);
    }
  }

  #fail(err: unknown): void {
    this.#failed ??= err;
    this.#dropState();
  }

  /** Give the state slot back (once). */
  #dropState(): void {
    try { this.#state?.release(); } catch { /* arena gone */ }
    this.#state = null;
  }

  /** Scan the next chunk. State carries over, so an attack split across chunks is found. */
  push(chunk: string | Uint8Array): this {
    if (this.#finished) throw new StreamFinishedError();
    if (typeof chunk !== 'string') {
      if (!(chunk instanceof Uint8Array)) throw new TypeError('push: chunk must be a string or Uint8Array');
      assertLiveView(this.#detector.arena, chunk, 'push');
    }
    if (this.#failed !== null || this.#state === null) return this;
    if (this.#detector.closed) { this.#fail(new DetectorClosedError()); return this; }
    try {
      const engine = this.#detector.engine;
      if (this.#highSurrogate !== '') {
        if (typeof chunk === 'string') chunk = this.#highSurrogate + chunk;
        else this.#bytes += engine.pushStream(this.#state, this.#highSurrogate, false);
        this.#highSurrogate = '';
      }
      if (typeof chunk === 'string' && (chunk.charCodeAt(chunk.length - 1) & 0xfc00) === 0xd800) {
        this.#highSurrogate = chunk.slice(-1);
        chunk = chunk.slice(0, -1);
      }
      this.#bytes += engine.pushStream(this.#state, chunk, false);
    } catch (err) {
      this.#fail(err);
    }
    return this;
  }

  /** End the stream and return the verdict. */
  finish(): ScanResult {
    if (this.#finished) throw new StreamFinishedError();
    this.#finished = true;
    const d = this.#detector;
    if (d.closed && this.#failed === null) this.#fail(new DetectorClosedError());
    if (this.#failed === null && this.#state !== null) {
      try {
        // (a high surrogate left over is lone after all: U+FFFD, as in the whole input)
        this.#bytes += d.engine.pushStream(this.#state, this.#highSurrogate, true);
        const score = d.engine.score(this.#state);
        const threats = d.engine.findingCount(this.#state) === 0 ? NO_THREATS : d.engine.threats(null, 0, this.#state);
        this.#state.release();
        this.#state = null;
        return d.record({ blocked: score >= d.threshold, score, threats }, this.#bytes, this.#t0, this.#verdict);
      } catch (err) {
        this.#fail(err);
      }
    }
    return d.failure(this.#failed, this.#t0, undefined, this.#verdict);
  }

  /**
   * @internal Abandon the stream without a verdict (its request ended before the scan did):
   * the state slot goes back now, not when GC finds the lease, and nothing is counted.
   * Idempotent; `push` and `finish` throw afterwards, as after `finish`.
   */
  abort(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#dropState();
  }
}

/**
 * Scans values, streams and requests. Create with {@link createDetector}; one detector serves
 * any number of requests (scans are synchronous and never interleave). It keeps three slots of
 * its arena between scans until `close()` (see `DetectorOptions.arena`).
 *
 * @example
 * ```ts
 * const detector = await createDetector();
 * const r = detector.scan('<script>alert(1)</script>', { context: 'body' });
 * [r.blocked, r.score, r.threats.map((t) => t.ruleId)]; // [true, 10, ['xss.script-tag', 'xss.js-sink']]
 * const req = await detector.analyzeRequest(new Request("http://localhost/search?q=1'+UNION+SELECT+password+FROM+users--"));
 * [req.blocked, req.threats[0].location]; // [true, 'query:q']
 * await detector.close();
 * ```
 */
export class Detector {
  /** The arena whose slots hold scanned bytes. */
  readonly arena: Arena;
  /** `DetectorOptions.paranoia`: 1 runs the rules with few false positives, 2 adds the rest. */
  readonly paranoia: 1 | 2;
  /** `DetectorOptions.failMode`: whether an internal error blocks (`'closed'`) or passes (`'open'`). */
  readonly failMode: 'closed' | 'open';
  /** `DetectorOptions.maxScanBytes`: bytes scanned per input or stream; past it, `limit.oversize`. */
  readonly maxScanBytes: number;
  /** `DetectorOptions.threshold`: the anomaly score at which a result is `blocked`. */
  readonly threshold: number;
  /** @internal */ readonly engine: ScanEngine;
  readonly #ownsArena: boolean;
  #closed = false;
  #requests = 0;
  #standalone = 0;
  #scans = 0;
  #bytes = 0;
  #blocked = 0;
  #errors = 0;
  #lastError: unknown = null;
  /** Date.now() of the last internal error; recent ones count as the arena's pools' refusals do. */
  #lastErrorAt = -Infinity;
  readonly #healthWindow = new HealthWindow();
  // (a cell per key: a threat counted costs one lookup, not a get and a set; insertion order is the stats')
  readonly #byCategory = new Map<string, { n: number }>();
  readonly #byRule = new Map<string, { n: number }>();
  readonly #times = new Histogram();

  /** @internal Use {@link createDetector}. */
  constructor(arena: Arena, options: ResolvedOptions, ownsArena: boolean) {
    this.arena = arena;
    this.paranoia = options.paranoia;
    this.failMode = options.failMode;
    this.maxScanBytes = options.maxScanBytes;
    this.threshold = options.threshold;
    this.#ownsArena = ownsArena;
    this.engine = new ScanEngine(arena);
  }

  /**
   * Scan one value. Strings are scanned as UTF-8; offsets are UTF-16 indexes for strings and
   * byte offsets for `Uint8Array`s.
   *
   * @example
   * ```ts
   * const r = detector.scan('<img src=x onerror=alert(1)>', { context: 'body' });
   * // r.blocked === true; r.threats[0].ruleId === 'xss.html-tag' ...
   * ```
   */
  scan(input: string | Uint8Array, options?: ScanOptions): ScanResult {
    if (options !== undefined) rejectUnknownKeys(options, SCAN_OPTION_KEYS, 'scan()');
    return this.#scan(input, options, true);
  }

  /**
   * @internal {@link Detector.scan} of a value that is one part of a request the middleware
   * judges: counted as a scan, while the verdict counted is the request's ({@link
   * Detector.countVerdict}).
   */
  scanPart(input: string | Uint8Array, options?: ScanOptions): ScanResult {
    return this.#scan(input, options, false);
  }

  #scan(input: string | Uint8Array, options: ScanOptions | undefined, verdict: boolean): ScanResult {
    if (this.#closed) throw new DetectorClosedError();
    if (typeof input !== 'string') {
      if (!(input instanceof Uint8Array)) throw new TypeError('scan: input must be a string or Uint8Array');
      assertLiveView(this.arena, input, 'scan');
    }
    const context = contextCode(options?.context);
    // (a short input: timed at random, one call in TIME_SAMPLE, its time weighted to match)
    const weight = input.length < SHORT_INPUT ? TIME_SAMPLE : 1;
    const t0 = weight === 1 || this.#timeShort() ? clock.now() : -1;
    const engine = this.engine;
    try {
      const score = engine.scanValue(input, context, this.paranoia, this.maxScanBytes);
      const threats = engine.lastFindings === 0 ? NO_THREATS : engine.threats(typeof input === 'string' ? input : null, engine.lastBytes);
      engine.wipe(true);
      return this.record({ blocked: score >= this.threshold, score, threats }, engine.lastBytes, t0, verdict, weight);
    } catch (err) {
      this.engine.releaseAll();
      return this.failure(err, t0, undefined, verdict, weight);
    }
  }

  /** Short scans until the next one timed (see SHORT_INPUT). */
  #untimed = 0;

  /**
   * Is this short scan timed? One in TIME_SAMPLE on average, at random gaps of 1 to
   * 2·TIME_SAMPLE − 1 scans (the first scan is timed): no run of inputs can keep in step
   * with the choice, so the times drawn are a fair sample of all short scans' times.
   */
  #timeShort(): boolean {
    if (--this.#untimed >= 0) return false;
    this.#untimed = Math.floor(Math.random() * (2 * TIME_SAMPLE - 1));
    return true;
  }

  /**
   * Scan input that arrives in chunks (a body stream). Verdict and findings equal those of
   * scanning the concatenated chunks at once.
   *
   * @example
   * ```ts
   * const s = detector.createStream({ context: 'body' });
   * s.push('name=x&q=1%27%20UNI'); s.push('ON%20SELECT%20password%20FROM%20users');
   * s.finish().blocked; // true
   * ```
   */
  createStream(options?: StreamOptions): ScanStream {
    if (this.#closed) throw new DetectorClosedError();
    if (options !== undefined) rejectUnknownKeys(options, STREAM_OPTION_KEYS, 'createStream()');
    return new ScanStream(this, contextCode(options?.context));
  }

  /** @internal {@link Detector.createStream} for one part of a request (see {@link Detector.scanPart}). */
  createPartStream(options?: ScanOptions): ScanStream {
    if (this.#closed) throw new DetectorClosedError();
    return new ScanStream(this, contextCode(options?.context), false);
  }

  /**
   * Scan what an attacker controls in a request: the path, each query parameter (name and
   * value), attacker-controlled headers and the body by content type. Each threat carries a
   * `location`. A Fetch `Request`'s body is read as the application will read it: inflated
   * by its Content-Encoding and decoded by its charset. A body given in a plain object is
   * taken as already inflated (a raw-body parser inflates and keeps the header), unless its
   * bytes still start as gzip, zlib (deflate) or zstd do: then it is inflated too. A body
   * that cannot be read so (an unknown coding, UTF-7…) is the finding `limit.unreadable-body`.
   *
   * A `location` names the field as the request did, so it can hold attacker text (a JSON key or
   * parameter name can be the attack, with markup or line breaks): pass it through
   * `shownLocation()` before you put it in a response or a log line, as the middleware does.
   *
   * @example
   * ```ts
   * const r = await detector.analyzeRequest({ method: 'GET', url: '/search?q=1%27+or+%271%27%3D%271', headers: {} });
   * r.threats[0].location; // 'query:q'
   * shownLocation('query:<img src=x>'); // 'query:#…' (8 hex digits): safe to log
   * ```
   */
  async analyzeRequest(request: Request | RequestLike): Promise<ScanResult> {
    const t0 = this.#beginRequest();
    // The fields are wiped and timed once, at the end (a failure is timed by failure()).
    let timed = true;
    try {
      return this.#verdictOf(await walkRequest(this, request));
    } catch (err) {
      timed = false;
      return this.#requestFailed(err, t0, true);
    } finally {
      this.endFields(timed ? t0 : -1);
    }
  }

  /**
   * @internal {@link Detector.analyzeRequest} of a plain request object (not a Fetch
   * `Request`: its body, if any, is given), returning the result itself rather than a
   * promise. The middleware's call once a request's body is in. `verdict` false: the
   * result is only part of the request (the middleware scans a streamed body apart), so the
   * caller counts the whole request's verdict with {@link Detector.countVerdict}. `startedAt`:
   * the caller's `performance.now()` read just before the call (the middleware times the same
   * span itself: one clock read serves both), or -1 to read it here.
   */
  analyzeRequestSync(request: RequestLike, verdict = true, startedAt = -1): ScanResult {
    const t0 = this.#beginRequest(startedAt);
    let timed = true;
    try {
      const result = walkRequestSync(this, request);
      return verdict ? this.#verdictOf(result) : result;
    } catch (err) {
      timed = false;
      return this.#requestFailed(err, t0, verdict);
    } finally {
      this.endFields(timed ? t0 : -1);
    }
  }

  /** Count a request about to be walked; its start time (`startedAt` when the caller read it: >= 0). */
  #beginRequest(startedAt = -1): number {
    if (this.#closed) throw new DetectorClosedError();
    this.#requests++;
    return startedAt >= 0 ? startedAt : clock.now();
  }

  /** A request walk threw: a caller's mistake (not a request shape) is thrown back, anything else fails as configured. */
  #requestFailed(err: unknown, t0: number, verdict: boolean): ScanResult {
    if (err instanceof TypeError && /analyzeRequest/.test(err.message)) {
      this.#requests--; // (a caller's mistake is no request scanned)
      throw err;
    }
    // (a request's verdict, not a standalone input's: counted as the request's result)
    const result = this.failure(err, t0, 'request', false);
    return verdict ? this.#verdictOf(result) : result;
  }

  /**
   * @internal One field of a larger input (a request's path, a parameter, a JSON value):
   * scanned and counted like `scan()`, but neither timed nor wiped on its own: the caller
   * ends the batch with {@link Detector.endFields}, which wipes once and times the whole.
   * Returns null for a clean field (no findings), so clean fields cost no objects.
   */
  scanField(input: string | Uint8Array, context: ScanContext): ScanResult | null {
    if (this.#closed) throw new DetectorClosedError();
    try {
      const score = this.engine.scanValue(input, CONTEXT_CODES[context], this.paranoia, this.maxScanBytes);
      return this.#fieldResult(score, typeof input === 'string' ? input : null);
    } catch (err) {
      this.engine.releaseAll();
      return this.failure(err, -1, undefined, false);
    }
  }

  /**
   * @internal {@link Detector.scanField} on `length` bytes already in the arena's memory at
   * `address` (the middleware's body slot): the value is scanned where it lies, no copy, no
   * view. Offsets in the result count bytes from `address`.
   */
  scanFieldAt(address: number, length: number, context: ScanContext): ScanResult | null {
    if (this.#closed) throw new DetectorClosedError();
    try {
      return this.#fieldResult(this.engine.scanAt(address, length, CONTEXT_CODES[context], this.paranoia, this.maxScanBytes), null);
    } catch (err) {
      this.engine.releaseAll();
      return this.failure(err, -1, undefined, false);
    }
  }

  /**
   * @internal A whole JSON document of `length` bytes at `address` in the arena's memory,
   * walked and scanned in one wasm call: every key and string value as {@link
   * Detector.scanFieldAt} would scan it, in the `json-escaped` context. Returns null when the
   * document is complete, well-formed and every value clean (each value counted in the
   * stats as a field scan); undefined when it is not, so the caller walks it value by value
   * to locate findings (nothing was counted); a fail-closed result when the scan failed.
   */
  scanJsonAt(address: number, length: number): ScanResult | null | undefined {
    if (this.#closed) throw new DetectorClosedError();
    try {
      if (this.engine.scanJsonAt(address, length, this.paranoia, this.maxScanBytes) !== JSON_CLEAN) return undefined;
      this.#scans += this.engine.jsonValues;
      this.#bytes += this.engine.lastBytes; // (clean: no value passed maxScanBytes)
      return null;
    } catch (err) {
      this.engine.releaseAll();
      return this.failure(err, -1, undefined, false);
    }
  }

  /**
   * @internal What the last {@link Detector.scanFieldList} found, in order: the index of each piece
   * with findings (or whose scan failed) and its result, as scanField's. Reused by every call.
   */
  readonly listHits: number[] = [];
  readonly listResults: ScanResult[] = [];
  #listSource: string | Uint8Array = '';
  #listRanges: ArrayLike<number> = [];
  /** The engine's hit: the piece's result, read from the state block before the next scan. */
  readonly #listHit = (k: number, score: number): void => {
    const source = this.#listSource;
    const text = typeof source === 'string' ? source.slice(this.#listRanges[3 * k]!, this.#listRanges[3 * k + 1]!) : null;
    this.listHits.push(k);
    this.listResults.push(this.#fieldResult(score, text)!);
  };

  /**
   * @internal {@link Detector.scanField} of many pieces of one string or byte array, entries `from`
   * to `to` of `ranges`: entry k is `source.slice(ranges[3k], ranges[3k + 1])` in the context code
   * `ranges[3k + 2]` (none empty). Those that fit the engine's input slot together are scanned in one
   * wasm call (a form of thousands of fields would pay a host call per name and per value). Returns
   * how many had findings or failed: their indexes and results in `listHits` and `listResults`, in
   * order (offsets as scanField's: UTF-16 units of a string piece, bytes of a byte piece). Each is
   * counted as scanField counts it.
   */
  scanFieldList(source: string | Uint8Array, ranges: ArrayLike<number>, from: number, to: number): number {
    if (this.#closed) throw new DetectorClosedError();
    const engine = this.engine;
    this.listHits.length = 0;
    this.listResults.length = 0;
    this.#listSource = source;
    this.#listRanges = ranges;
    for (let k = from; k < to;) {
      try {
        engine.scanList(source, ranges, k, to, this.paranoia, this.maxScanBytes, this.#listHit);
        k = to;
      } catch (err) {
        // (the piece at listIndex failed: closed, as scanField fails; the ones after it are scanned still)
        engine.releaseAll();
        this.listHits.push(engine.listIndex);
        this.listResults.push(this.failure(err, -1, undefined, false));
        k = engine.listIndex + 1;
      }
      this.#scans += engine.listValues;
      this.#bytes += engine.listBytes;
    }
    this.#listSource = '';
    this.#listRanges = [];
    return this.listHits.length;
  }

  /**
   * @internal {@link Detector.scanField} on `bytes[start, end)`: the body scanner's values
   * without a subarray each. Offsets in the result count bytes from `start`.
   */
  scanFieldRange(bytes: Uint8Array, start: number, end: number, context: ScanContext): ScanResult | null {
    if (this.#closed) throw new DetectorClosedError();
    try {
      return this.#fieldResult(this.engine.scanRange(bytes, start, end, CONTEXT_CODES[context], this.paranoia, this.maxScanBytes), null);
    } catch (err) {
      this.engine.releaseAll();
      return this.failure(err, -1, undefined, false);
    }
  }

  /**
   * The engine's last scan as a field's result: counted as a scan, and null when clean (no
   * object). Its findings and verdict are not counted here: a field is part of a request,
   * whose result (what the caller gets) is counted once, when it is complete.
   */
  #fieldResult(score: number, text: string | null): ScanResult | null {
    if (this.engine.lastFindings === 0) {
      this.#scans++;
      this.#bytes += this.engine.lastBytes;
      return null;
    }
    const threats = this.engine.threats(text, this.engine.lastBytes);
    return this.record({ blocked: score >= this.threshold, score, threats }, this.engine.lastBytes, -1, false);
  }

  /** @internal End a batch of {@link Detector.scanField} calls: wipe what they left, time the batch. */
  endFields(t0: number): void {
    this.engine.wipe(true);
    if (t0 >= 0) this.#times.record(clock.now() - t0);
  }

  /**
   * @internal Count a finished scan of `bytes` bytes; t0 < 0: not timed (a field of a
   * request, timed with the request). `verdict`: the result is what a caller of scan() or a
   * stream gets, counted as a verdict (blocked, findings); false for a part of a request.
   * `weight`: how many scans its time stands for (a sampled short scan's, see SHORT_INPUT).
   */
  record(result: ScanResult, bytes: number, t0: number, verdict: boolean, weight = 1): ScanResult {
    this.#scans++;
    // (bytes past maxScanBytes were not scanned: limit.oversize says so)
    this.#bytes += Math.min(bytes, this.maxScanBytes);
    if (verdict) {
      this.#standalone++;
      this.countVerdict(result);
    }
    if (t0 >= 0) this.#times.record(clock.now() - t0, weight);
    return result;
  }

  /** A request's result, counted as its verdict. */
  #verdictOf(result: ScanResult): ScanResult {
    this.countVerdict(result);
    return result;
  }

  /**
   * @internal The verdict of a request the middleware scanned in parts ({@link
   * Detector.analyzeRequestSync} with `verdict` false, {@link Detector.scanPart}, {@link
   * Detector.createPartStream}): counted once, as analyzeRequest counts its result.
   */
  countVerdict(result: ScanResult): void {
    // (blocked and the findings of one result a caller got: the counters count what results report)
    if (result.blocked) this.#blocked++;
    const threats = result.threats;
    for (let i = 0; i < threats.length; i++) {
      const t = threats[i]!;
      const c = this.#byCategory.get(t.category);
      if (c === undefined) this.#byCategory.set(t.category, { n: 1 }); else c.n++;
      const r = this.#byRule.get(t.ruleId);
      if (r === undefined) this.#byRule.set(t.ruleId, { n: 1 }); else r.n++;
    }
  }

  /**
   * @internal An internal error: blocked unless failMode is 'open'; never an empty "clean".
   * `verdict` as for {@link Detector.record} (false for a field: its request counts it).
   */
  failure(err: unknown, t0: number, location: string | undefined, verdict: boolean, weight = 1): ScanResult {
    this.#errors++;
    this.#lastError = err;
    this.#lastErrorAt = Date.now();
    // A wasm trap means the module's memory can no longer be trusted: mark the arena faulted
    // (only RuntimeErrors do), so every later scan fails closed and health reports 'failing'.
    try { this.arena.fault(err); } catch { /* recording the fault must not mask the failure */ }
    const score = this.failMode === 'closed' ? this.threshold : 0;
    const result: ScanResult = { blocked: this.failMode === 'closed', score, threats: [internalError(err, score, location)] };
    return this.record(result, 0, t0, verdict, weight);
  }

  /** Counters since creation. */
  getStats(): DetectorStats {
    return {
      requests: this.#requests,
      standaloneScans: this.#standalone,
      scans: this.#scans,
      bytesScanned: this.#bytes,
      blocked: this.#blocked,
      internalErrors: this.#errors,
      threatsByCategory: counts(this.#byCategory),
      threatsByRule: counts(this.#byRule),
      scanTimeMs: { p50: this.#times.quantile(0.5), p99: this.#times.quantile(0.99), max: this.#times.max },
    };
  }

  /**
   * Health: the arena's own check, a self-test scan of a known attack and a known benign
   * value, and internal errors. `failing` when scanning does not work (a wrong self-test
   * verdict, a scan that fails, an unusable arena, a closed detector); `degraded` when it
   * works but errors were seen or the arena is under pressure, or when every slot the
   * self-test needs is leased right now (a busy pool is load, not a broken scanner: a
   * liveness probe must not restart the process for it). `healthy` is true only for `ok`,
   * as in `arena.healthCheck()`.
   */
  healthCheck(): DetectorHealth {
    return this.#health(true);
  }

  /** @internal The health report without starting a new window (see Arena.observeHealth). */
  observeHealth(): DetectorHealth {
    return this.#health(false);
  }

  #health(advance: boolean): DetectorHealth {
    const checks: DetectorHealthCheck[] = [];
    let arenaStatus: string = 'failing';
    try {
      const a = advance ? this.arena.healthCheck() : this.arena.observeHealth();
      arenaStatus = a.status;
      checks.push({ name: 'arena', ok: a.healthy, detail: `arena ${a.status}` });
    } catch (err) {
      checks.push({ name: 'arena', ok: false, detail: String(err) });
    }
    let selfTest = false;
    let busy = false;
    if (!this.#closed) {
      try {
        const attack = this.engine.scanValue("1' or '1'='1", 0, 1, 1024) >= DEFAULT_THRESHOLD;
        const benign = this.engine.scanValue('plain words', 0, 1, 1024) === 0;
        selfTest = attack && benign;
        checks.push({ name: 'self-test', ok: selfTest, detail: selfTest ? 'known attack blocked, benign value clean' : `attack flagged: ${attack}, benign clean: ${benign}` });
      } catch (err) {
        this.engine.releaseAll();
        busy = err instanceof PoolExhaustedError;
        checks.push({ name: 'self-test', ok: false, detail: busy ? `not run, no free slot: ${String(err)}` : `scan failed: ${String(err)}` });
      }
    } else checks.push({ name: 'self-test', ok: false, detail: 'detector closed' });
    // (an error since the previous check or in the last RECENT_REFUSAL_MS, as a pool's refusals: one
    // transient error, an arena full for a moment, must not leave the report degraded for good)
    const now = Date.now();
    const recent = this.#lastErrorAt > this.#healthWindow.since(now, advance);
    checks.push({ name: 'internal-errors', ok: !recent, detail: this.#errors === 0 ? 'none' : `${this.#errors} since creation, last ${Math.max(0, now - this.#lastErrorAt)} ms ago: ${String(this.#lastError)}` });
    const status = (!selfTest && !busy) || arenaStatus === 'failing' ? 'failing' : checks.every((c) => c.ok) ? 'ok' : 'degraded';
    return { healthy: status === 'ok', status, checks };
  }

  /** True once {@link Detector.close} was called. */
  get closed(): boolean { return this.#closed; }

  /** Release the detector's slots (and close its arena if it created it). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.engine.releaseAll();
    if (this.#ownsArena) await this.arena.close();
  }

  /** @internal Test hook: the next engine call fails as a wasm trap would. */
  injectScanFault(): void { this.engine[FAULT] = true; }
}
