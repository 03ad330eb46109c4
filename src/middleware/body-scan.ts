// Chunk-by-chunk body scanning that knows where each finding is.
//
// A JSON body is tokenised incrementally as chunks arrive: every key and
// string value is scanned in the detector's `json` context and its findings
// located by path (`body:$.user.tags[1]`). A string split across chunks is
// scanned through a detector stream, so the split does not hide anything.
// `application/x-www-form-urlencoded` bodies are split into fields the same
// way (`body:comment`), `multipart/form-data` into parts (`body:comment`,
// `body:upload.filename`; binary file contents are not text and not scanned,
// as in `analyzeRequest`). Anything else is one raw `body` stream.
//
// Malformed JSON (anything outside strings that JSON does not allow) is
// reported through `malformed`: the caller then rescans the whole body raw,
// so invalid JSON cannot smuggle an attack past the per-field scan.
import { abortStream, partStream, scanPart, type GuardDetector, type GuardScanContext, type GuardScanResult, type GuardScanStream, type GuardThreat } from './detector.js';
import { fieldLocation, jsonPathSegment } from '../detector/json-path.js';
import { uploadNameResult } from '../detector/results.js';
import { CONTEXT_CODES } from '../detector/engine.js';
import { MAX_LISTED_FINDINGS, MAX_LOCATION_LENGTH } from '../detector/request.js';
import { RULES } from '../detector/rules.generated.js';
import { concatBytes, firstSignificantByte, joinBytes } from '../http/bytes.js';
import { formDecode, startsLikeJsonValue } from '../http/form-urlencoded.js';
import type { PartHead } from '../http/multipart-head.js';
import { Base64Decoder, MultipartReader, multipartBoundary, multipartBoundaryCandidates, TransferEncodingWatch, type MultipartSink } from '../http/multipart.js';

export interface BodyScanner {
  /**
   * The next chunk of the body. `address`: where the same bytes sit in the detector's
   * wasm memory (the middleware's body slot), so values can be scanned in place; -1 or
   * absent when they are not there.
   */
  push(chunk: Uint8Array, address?: number): void;
  /** All findings, located. */
  finish(): GuardScanResult;
  /** True when a structured body turned out not to be well-formed (the caller rescans it raw). */
  readonly malformed: boolean;
  /**
   * The body will not be finished (its request was refused or abandoned): give back the
   * state slots of the scan streams still open, now and once. Nothing is pushed afterwards.
   */
  abort(): void;
}

/** The scanner for a body of `contentType`. */
export function createBodyScanner(detector: GuardDetector, contentType: string | undefined): BodyScanner {
  const type = mediaType(contentType);
  if (type === 'application/json' || type.endsWith('+json')) return new JsonBodyScanner(detector);
  // (a handler may call request.json() on a form body all the same: one that starts like JSON is read both ways)
  if (type === 'application/x-www-form-urlencoded') return new JsonSniffingScanner(detector, new FormBodyScanner(detector));
  if (type === 'multipart/form-data') {
    const boundary = multipartBoundary(contentType ?? '');
    if (boundary !== undefined) return new MultipartBodyScanner(detector, boundary);
    // (no boundary, or one that could be read another way: the body is scanned raw, and framed by each boundary a
    // parser may take — Hono and undici read a boundary over 70 characters whole — so a value framed there is a value)
    const raw = new RawBodyScanner(detector, 'body', true);
    const framings = multipartBoundaryCandidates(contentType ?? '').map((b) => new MultipartBodyScanner(detector, b));
    return framings.length === 0 ? raw : new ReadingsScanner(raw, framings);
  }
  return new RawBodyScanner(detector, 'body');
}

/** The media type of a Content-Type, lowercased, without parameters ('' when none). */
function mediaType(contentType: string | undefined): string {
  if (contentType === undefined) return '';
  // (the usual header is exactly this: no split, trim or lowercase copy to make)
  if (contentType === 'application/json') return contentType;
  const semi = contentType.indexOf(';');
  return (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

/** Collects per-value results into one body-level result: scores add up, as in `analyzeRequest`. */
class Findings {
  threats: GuardThreat[] = [];
  blocked = false;
  score = 0;
  truncated = false;

  /**
   * `location` is a function so clean values (the usual case) never pay for building it; null
   * is a clean value. Past MAX_LISTED_FINDINGS a finding only scores: its location is never
   * built (a body of thousands of attacks cannot make its own report huge).
   */
  add(result: GuardScanResult | null, location: () => string): void {
    if (result === null || result.threats.length === 0) return;
    if (result.blocked) this.blocked = true;
    this.score += result.score;
    if (this.threats.length >= MAX_LISTED_FINDINGS) {
      this.truncated = true;
      return;
    }
    const where = location();
    for (const t of result.threats) {
      if (this.threats.length < MAX_LISTED_FINDINGS) this.threats.push({ ...t, location: where });
      else this.truncated = true;
    }
  }

  result(): GuardScanResult {
    const r: GuardScanResult = { blocked: this.blocked, score: this.score, threats: this.threats };
    if (this.truncated) r.truncated = true;
    return r;
  }
}

/**
 * A body scanned as plain text. One that starts like JSON (`{` or `[` after whitespace or a
 * BOM) is also scanned with JSON's escapes decoded: request.json(), and a body parser set to
 * any type, read JSON whatever the Content-Type says, and in the plain text `\"` and `\t`
 * are not yet the quote and tab the application will see.
 */
export class RawBodyScanner implements BodyScanner {
  readonly #scanner: JsonSniffingScanner;
  /** For a multipart body read whole: watches for a transfer-encoded part (see finish). */
  #encodedPart: TransferEncodingWatch | undefined;
  /** `multipart`: the body is multipart/form-data that could not be framed unambiguously. */
  constructor(detector: GuardDetector, context: GuardScanContext, multipart = false) {
    this.#scanner = new JsonSniffingScanner(detector, new TextBodyScanner(detector, context));
    if (multipart) this.#encodedPart = new TransferEncodingWatch();
  }
  get malformed(): boolean {
    return false;
  }
  push(chunk: Uint8Array): void {
    this.#scanner.push(chunk);
    this.#encodedPart?.push(chunk);
  }
  abort(): void {
    this.#scanner.abort();
  }
  /**
   * A multipart body read whole because its framing was ambiguous, with a part in a transfer
   * encoding (undici decodes base64 parts) cannot be read as the application will: the text
   * scan sees only the encoding. That is a finding of its own, limit.unreadable-body.
   */
  finish(): GuardScanResult {
    const r = this.#scanner.finish();
    if (this.#encodedPart?.found !== true) return r;
    const threat: GuardThreat = { category: UNREADABLE.category, ruleId: UNREADABLE.id, severity: UNREADABLE.severity, score: UNREADABLE.score, offset: 0, length: 0, location: 'body' };
    return { blocked: true, score: r.score + UNREADABLE.score, threats: [...r.threats, threat] };
  }
}

const UNREADABLE = RULES.find((r) => r.id === 'limit.unreadable-body')!;


/** A body as one stream of text in one context; findings located at `body`. */
class TextBodyScanner implements BodyScanner {
  readonly malformed = false;
  readonly #stream: GuardScanStream;
  constructor(detector: GuardDetector, context: GuardScanContext) {
    this.#stream = partStream(detector, context);
  }
  push(chunk: Uint8Array): void {
    this.#stream.push(chunk);
  }
  abort(): void {
    abortStream(this.#stream);
  }
  finish(): GuardScanResult {
    const r = this.#stream.finish();
    return { ...r, threats: r.threats.map((t) => ({ ...t, location: t.location ?? 'body' })) };
  }
}

/**
 * Another scanner's reading of a body, plus, when the body starts like JSON, a reading with
 * JSON's escapes decoded (the graver of the two counts).
 */
class JsonSniffingScanner implements BodyScanner {
  readonly #detector: GuardDetector;
  readonly #inner: BodyScanner;
  /** The body read as a JSON document, value by value, as request.json() will read it. */
  #json: JsonBodyScanner | undefined;
  /** The body as one text with JSON's escapes decoded: what counts when it is no well-formed document. */
  #jsonText: TextBodyScanner | undefined;
  /** Still looking for the body's first significant byte. */
  #sniffing = true;
  constructor(detector: GuardDetector, inner: BodyScanner) {
    this.#detector = detector;
    this.#inner = inner;
  }
  get malformed(): boolean {
    return this.#inner.malformed;
  }
  push(chunk: Uint8Array, address?: number): void {
    this.#inner.push(chunk, address);
    if (this.#sniffing) {
      const first = firstSignificantByte(chunk);
      if (first >= 0) {
        this.#sniffing = false;
        // (read value by value as well: a value the text reading sees mid-text — {"id":"1 or 1"} — or after a decoy
        // that leaves the text inside a quote or comment — {"note":"it's","id":"-1 UNION SELECT …"} — is a value of
        // its own to the handler that calls request.json())
        if (first === 0x7b || first === 0x5b) {
          this.#json = new JsonBodyScanner(this.#detector);
          this.#jsonText = new TextBodyScanner(this.#detector, 'json-escaped');
        }
      }
    }
    this.#json?.push(chunk, address);
    this.#jsonText?.push(chunk);
  }
  abort(): void {
    this.#inner.abort();
    this.#json?.abort();
    this.#jsonText?.abort();
    this.#json = this.#jsonText = undefined;
  }
  finish(): GuardScanResult {
    const r = this.#inner.finish();
    if (this.#json === undefined || this.#jsonText === undefined) return r;
    const text = this.#jsonText.finish();
    const values = this.#json.finish();
    // (a document JSON.parse refuses reaches no handler as values: its text reading stands alone)
    return mergeReadings(r, this.#json.malformed ? text : mergeReadings(values, text));
  }
}


/**
 * One body read several ways at once (`first` the one whose verdict stands when a way is malformed): each chunk to each,
 * and the graver reading counts (see mergeReadings). A reading that finds the body malformed has its findings kept.
 */
class ReadingsScanner implements BodyScanner {
  readonly #first: BodyScanner;
  readonly #others: BodyScanner[];
  constructor(first: BodyScanner, others: BodyScanner[]) {
    this.#first = first;
    this.#others = others;
  }
  get malformed(): boolean {
    return this.#first.malformed;
  }
  push(chunk: Uint8Array, address?: number): void {
    this.#first.push(chunk, address);
    for (const other of this.#others) other.push(chunk, address);
  }
  abort(): void {
    this.#first.abort();
    for (const other of this.#others) other.abort();
  }
  finish(): GuardScanResult {
    let r = this.#first.finish();
    for (const other of this.#others) r = mergeReadings(r, other.finish());
    return r;
  }
}

/**
 * Two readings of the same body (the application sees one of them): the findings of both,
 * and the verdict and score of the graver one, not their sum.
 */
export function mergeReadings(a: GuardScanResult, b: GuardScanResult): GuardScanResult {
  if (b.threats.length === 0 && !b.truncated) return a;
  if (a.threats.length === 0 && !a.truncated) return b;
  return listed({ blocked: a.blocked || b.blocked, score: Math.max(a.score, b.score), threats: [...a.threats, ...b.threats] }, a, b);
}

/** `merged` with its list cut to MAX_LISTED_FINDINGS, and `truncated` when it or either part was cut. */
export function listed(merged: GuardScanResult, a: GuardScanResult, b: GuardScanResult): GuardScanResult {
  if (merged.threats.length > MAX_LISTED_FINDINGS) merged.threats = merged.threats.slice(0, MAX_LISTED_FINDINGS);
  else if (!a.truncated && !b.truncated) return merged;
  merged.truncated = true;
  return merged;
}

/**
 * One value (JSON string, form field) that may arrive in pieces: scanned in
 * one call when it lies within a chunk, through a stream when it spans chunks.
 */
class ValueScan {
  #stream: GuardScanStream | undefined;
  // What the detector offers beyond `scan` (a real Detector has all three). Called as methods
  // of the detector, not bound: a bound function each would be garbage per request.
  /** Its per-field scan: no timing, object or wipe per value. */
  readonly #field: boolean;
  /** Its per-field scan of a range of an array (no subarray per value). */
  readonly #range: boolean;
  /** Its scan of bytes already in wasm memory, by address (the body slot is in its arena). */
  readonly #at: boolean;
  readonly #detector: FieldDetector;
  constructor(detector: GuardDetector, private readonly context: GuardScanContext) {
    this.#detector = detector as FieldDetector;
    this.#field = typeof this.#detector.scanField === 'function';
    this.#range = typeof this.#detector.scanFieldRange === 'function';
    this.#at = typeof this.#detector.scanFieldAt === 'function';
  }

  /** Can a value be scanned where it lies in wasm memory? */
  get inPlace(): boolean {
    return this.#at;
  }

  /** Scan a value of `length` bytes that lies at `address` in wasm memory, within one chunk (null: clean). */
  at(address: number, length: number): GuardScanResult | null {
    return this.#detector.scanFieldAt!(address, length, this.context);
  }

  /**
   * A whole JSON document of `length` bytes at `address` in wasm memory, walked and scanned
   * in one detector call: null when clean, a fail-closed result when the scan failed,
   * undefined when the detector cannot answer for it (then walk it value by value).
   */
  document(address: number, length: number): GuardScanResult | null | undefined {
    return typeof this.#detector.scanJsonAt === 'function' ? this.#detector.scanJsonAt(address, length) : undefined;
  }

  /** Scan a value that starts and ends inside one chunk (null: clean). */
  whole(bytes: Uint8Array): GuardScanResult | null {
    return this.#field ? this.#detector.scanField!(bytes, this.context) : scanPart(this.#detector, bytes, this.context);
  }

  /** A piece of a value that continues in a later chunk. */
  part(bytes: Uint8Array): void {
    this.#stream ??= partStream(this.#detector, this.context);
    if (bytes.length > 0) this.#stream.push(bytes);
  }

  /** The last piece: the value's result (null: clean). */
  end(bytes: Uint8Array): GuardScanResult | null {
    if (!this.#stream) return bytes.length === 0 ? EMPTY : this.whole(bytes);
    if (bytes.length > 0) this.#stream.push(bytes);
    const r = this.#stream.finish();
    this.#stream = undefined;
    return r;
  }

  /** {@link ValueScan.end} of `chunk[start, end)`, with no view made when the detector scans ranges. */
  endRange(chunk: Uint8Array, start: number, end: number): GuardScanResult | null {
    if (this.#stream !== undefined || !this.#range || start === end || !this.#field) return this.end(chunk.subarray(start, end));
    return this.#detector.scanFieldRange!(chunk, start, end, this.context);
  }

  get open(): boolean {
    return this.#stream !== undefined;
  }

  /** Abandon a value still open: its stream's state slot goes back. */
  abort(): void {
    const stream = this.#stream;
    this.#stream = undefined;
    if (stream !== undefined) abortStream(stream);
  }
}

/** The detector's internal per-field entry points (see Detector.scanField and the two after it). */
type FieldDetector = GuardDetector & {
  scanField?(input: Uint8Array, context: GuardScanContext): GuardScanResult | null;
  scanFieldRange?(bytes: Uint8Array, start: number, end: number, context: GuardScanContext): GuardScanResult | null;
  scanFieldAt?(address: number, length: number, context: GuardScanContext): GuardScanResult | null;
  scanJsonAt?(address: number, length: number): GuardScanResult | null | undefined;
};

const EMPTY: GuardScanResult = { blocked: false, score: 0, threats: [] };

/**
 * Keys already scanned clean in the current chunk. An array of records repeats the same
 * few keys in every element; scanning a whole value is a pure function of its bytes (a
 * fresh scan state, one context), so a repeated key that was clean is clean again and
 * needs no scan. Kept as (start, length) ranges of the chunk, no views or copies: cleared
 * when the next chunk arrives, because a caller may reuse a chunk's memory.
 */
class CleanKeys {
  static readonly SIZE = 16; // a power of two
  static readonly MAX_BYTES = 64;
  readonly #starts = new Int32Array(CleanKeys.SIZE);
  readonly #lengths = new Int32Array(CleanKeys.SIZE).fill(-1);
  #next = 0;
  #lastFound = -1;
  #empty = true;

  /** Is chunk[start, end) a key seen clean earlier in this chunk? */
  has(chunk: Uint8Array, start: number, end: number): boolean {
    const n = end - start;
    if (n > CleanKeys.MAX_BYTES || this.#empty) return false;
    // Records list their keys in the same order: the key after the last one found comes first.
    const mask = CleanKeys.SIZE - 1;
    outer: for (let k = 1; k <= CleanKeys.SIZE; k++) {
      const at = (this.#lastFound + k) & mask;
      if (this.#lengths[at] !== n) continue;
      const from = this.#starts[at]!;
      for (let i = 0; i < n; i++) if (chunk[from + i] !== chunk[start + i]) continue outer;
      this.#lastFound = at;
      return true;
    }
    return false;
  }

  add(start: number, end: number): void {
    if (end - start > CleanKeys.MAX_BYTES) return;
    this.#starts[this.#next] = start;
    this.#lengths[this.#next] = end - start;
    this.#next = (this.#next + 1) & (CleanKeys.SIZE - 1);
    this.#empty = false;
  }

  clear(): void {
    if (this.#empty) return;
    this.#lengths.fill(-1);
    this.#next = 0;
    this.#lastFound = -1;
    this.#empty = true;
  }
}

const MAX_DEPTH = 512;
const MAX_KEY_BYTES = 256;
const decoder = new TextDecoder();

interface Frame {
  array: boolean;
  index: number;
  /**
   * The current member's key: raw JSON string bytes (escapes undecoded) at keyBytes[keyStart, keyEnd),
   * a range of the chunk it came in (no view made per key); decoded only for a finding's location.
   */
  keyBytes: Uint8Array;
  keyStart: number;
  keyEnd: number;
  /** In an object: the next string is a key. */
  expectKey: boolean;
}

const NO_KEY = new Uint8Array(0);

// What a byte outside a JSON string is, one table load per byte.
// (0: not JSON outside a string)
const C_SKIP = 1;    // whitespace and ':'
const C_SCALAR = 2;  // digits, signs, '.', and the letters of true/false/null/exponents
const C_QUOTE = 3;
const C_OPEN = 4;    // { [
const C_CLOSE = 5;   // } ]
const C_COMMA = 6;
const OUTSIDE = new Uint8Array(256);
for (const c of ' \t\n\r:') OUTSIDE[c.charCodeAt(0)] = C_SKIP;
for (const c of '0123456789-+.eEtrufalsn') OUTSIDE[c.charCodeAt(0)] = C_SCALAR;
OUTSIDE[0x22] = C_QUOTE;
OUTSIDE[0x7b] = OUTSIDE[0x5b] = C_OPEN;
OUTSIDE[0x7d] = OUTSIDE[0x5d] = C_CLOSE;
OUTSIDE[0x2c] = C_COMMA;

/**
 * Index of the next '"' at or after `from`, or -1. JSON strings are mostly short: a plain
 * loop finds their end sooner than a call to the native indexOf (which a Node Buffer routes
 * through its own binding), taken past the first 32 bytes.
 */
function nextQuote(chunk: Uint8Array, from: number): number {
  const stop = Math.min(chunk.length, from + 32);
  for (let j = from; j < stop; j++) if (chunk[j] === 0x22) return j;
  return stop === chunk.length ? -1 : chunk.indexOf(0x22, stop);
}

function decodeKey(raw: Uint8Array): string {
  const text = decoder.decode(raw);
  if (!text.includes('\\')) return text;
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text;
  }
}

const ROOT_PATH = (): string => 'body:$';

/** Does the chunk end as an object or array does (the last byte but whitespace a '}' or ']')? */
function endsDocument(chunk: Uint8Array): boolean {
  let i = chunk.length - 1;
  while (i >= 0 && (chunk[i] === 0x20 || chunk[i] === 0x0a || chunk[i] === 0x0d || chunk[i] === 0x09)) i--;
  return i >= 0 && (chunk[i] === 0x7d || chunk[i] === 0x5d);
}

function segment(frame: Frame): string {
  // (a key is named by its first bytes at most: a location is cut at MAX_LOCATION_LENGTH anyway)
  return jsonPathSegment(frame.array ? frame.index : decodeKey(frame.keyBytes.subarray(frame.keyStart, Math.min(frame.keyEnd, frame.keyStart + MAX_LOCATION_LENGTH))));
}

/** Incremental JSON tokenizer: scans keys and string values; paths are built only for findings. */
class JsonBodyScanner implements BodyScanner {
  malformed = false;
  readonly #findings = new Findings();
  readonly #value: ValueScan;
  /** Made on the first chunk walked here (a body the detector walks whole needs none). */
  #cleanKeys: CleanKeys | undefined;
  /** Open objects and arrays: frames[0..depth) (frame objects are reused: none per record). */
  readonly #frames: Frame[] = [];
  #depth = 0;
  /** Arrays and objects open below MAX_DEPTH (no frames kept for them). */
  #deep = 0;
  #inString = false;
  #escaped = false;
  #isKey = false;
  /** A key split across chunks: its earlier pieces (bounded). */
  #keyParts: Uint8Array[] = [];
  #sawRoot = false;
  /** No chunk has arrived yet. */
  #first = true;

  constructor(detector: GuardDetector) {
    // (raw string text: the detector decodes the JSON escapes, so \" and \n read as the application will see them)
    this.#value = new ValueScan(detector, 'json-escaped');
  }

  /**
   * A body that arrives as one chunk, in wasm memory, is usually a whole document: the
   * detector then walks and scans it in one call. Only a clean verdict is taken from that
   * walk (it leaves the tokenizer where this one would: the root read, nothing open);
   * anything else (findings to locate, a cut or malformed document) is walked here.
   */
  #wholeDocument(chunk: Uint8Array, address: number): boolean {
    if (!endsDocument(chunk)) return false;
    const r = this.#value.document(address, chunk.length);
    if (r === undefined) return false;
    if (r !== null) this.#findings.add(r, ROOT_PATH); // the scan failed: its fail-closed result
    this.#sawRoot = true;
    return true;
  }

  /** Made once, on the first finding: a closure per value would be garbage per value. */
  #pathOf: (() => string) | undefined;

  #path(): string {
    let p = 'body:$';
    for (let d = 0; d < this.#depth && p.length < MAX_LOCATION_LENGTH; d++) p += segment(this.#frames[d]!);
    return p.length <= MAX_LOCATION_LENGTH ? p : `${p.slice(0, MAX_LOCATION_LENGTH)}…`;
  }

  #top(): Frame | undefined {
    return this.#depth === 0 ? undefined : this.#frames[this.#depth - 1];
  }

  push(chunk: Uint8Array, address = -1): void {
    if (this.malformed) return;
    const first = this.#first;
    this.#first = false;
    // A UTF-8 byte order mark before the document: body-parser, Fastify and request.json() skip it, and so does this
    // reading (else the document is malformed here and read as one text, where {"id":"1 or 1"} is no value of its own)
    if (first && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      chunk = chunk.subarray(3);
      if (address >= 0) address += 3;
    }
    if (first && address >= 0 && this.#wholeDocument(chunk, address)) return;
    if (this.#cleanKeys === undefined) this.#cleanKeys = new CleanKeys();
    else this.#cleanKeys.clear();
    // (in place only through a detector that scans wasm memory by address)
    const at = this.#value.inPlace ? address : -1;
    // The tokenizer's state lives in locals while the chunk is walked (a field store per byte
    // costs more than the byte's own work) and goes back to the fields at the end.
    let inString = this.#inString;
    let escaped = this.#escaped;
    let sawRoot = this.#sawRoot;
    let i = 0;
    let stringStart = inString ? 0 : -1;
    const n = chunk.length;
    // Next `"` and `\` at or after i, found with native indexOf and reused until passed (linear overall).
    let quote = -2;
    let backslash = -2;
    while (i < n) {
      if (inString) {
        if (escaped) {
          escaped = false;
          i++;
          continue;
        }
        if (quote !== -1 && quote < i) quote = nextQuote(chunk, i);
        if (backslash !== -1 && backslash < i) backslash = chunk.indexOf(0x5c, i);
        if (backslash !== -1 && (quote === -1 || backslash < quote)) {
          escaped = true;
          i = backslash + 1;
          continue;
        }
        if (quote === -1) break; // the string goes on in the next chunk
        inString = false;
        this.#closeString(chunk, stringStart, quote, at);
        stringStart = -1;
        i = quote + 1;
        continue;
      }
      // Outside strings: a tight loop over the bytes that need no work (whitespace, ':',
      // numbers, literals). Scalars mark the root as seen; C_SKIP < C_SCALAR < other kinds.
      let kind = OUTSIDE[chunk[i]!]!;
      while (kind !== 0 && kind <= C_SCALAR) {
        if (kind === C_SCALAR) sawRoot = true;
        if (++i === n) break;
        kind = OUTSIDE[chunk[i]!]!;
      }
      if (i === n) break;
      switch (kind) {
        case C_QUOTE: {
          const top = this.#top();
          this.#isKey = this.#deep === 0 && top !== undefined && !top.array && top.expectKey;
          inString = true;
          sawRoot = true;
          stringStart = i + 1;
          break;
        }
        case C_OPEN: {
          // Past MAX_DEPTH the walk goes on (JSON.parse does: a handler receives what lies below) with no frames:
          // every string there is read as a value, located where the walk went deep
          if (this.#depth >= MAX_DEPTH) {
            this.#deep++;
            sawRoot = true;
            break;
          }
          const array = chunk[i] === 0x5b;
          let frame = this.#frames[this.#depth];
          if (frame === undefined) this.#frames.push(frame = { array, index: 0, keyBytes: NO_KEY, keyStart: 0, keyEnd: 0, expectKey: !array });
          else { frame.array = array; frame.index = 0; frame.keyBytes = NO_KEY; frame.keyStart = frame.keyEnd = 0; frame.expectKey = !array; }
          this.#depth++;
          sawRoot = true;
          break;
        }
        case C_CLOSE: {
          if (this.#deep > 0) {
            this.#deep--;
            break;
          }
          const top = this.#top();
          if (!top || top.array !== (chunk[i] === 0x5d)) {
            this.malformed = true;
            return;
          }
          this.#depth--;
          break;
        }
        case C_COMMA: {
          if (this.#deep > 0) break;
          const top = this.#top();
          if (!top) {
            this.malformed = true;
            return;
          }
          if (top.array) top.index++;
          else top.expectKey = true;
          break;
        }
        default: // anything else outside a string is not JSON
          this.malformed = true;
          return;
      }
      i++;
    }
    this.#inString = inString;
    this.#escaped = escaped;
    this.#sawRoot = sawRoot;
    if (inString) {
      const piece = chunk.subarray(stringStart, n);
      this.#value.part(piece);
      // Chunks may be reused by the caller: keep a copy of a split key's bytes.
      if (this.#isKey && this.#keyParts.length < 64) this.#keyParts.push(piece.slice(0, MAX_KEY_BYTES));
    }
  }

  /** A string ends at chunk[end] (its text began at chunk[start], or in an earlier chunk when a stream holds it). */
  #closeString(chunk: Uint8Array, start: number, end: number, address: number): void {
    const open = this.#value.open;
    // A key within one chunk that was clean earlier in this chunk is clean again.
    const memo = this.#isKey && !open;
    const cleanKeys = this.#cleanKeys!; // (made in push, before any string is walked)
    const seen = memo && cleanKeys.has(chunk, start, end);
    const result = seen ? null
      : address >= 0 && !open ? this.#value.at(address + start, end - start) // where it lies
      : this.#value.endRange(chunk, start, end);
    if (memo && !seen && result === null) cleanKeys.add(start, end);
    const top = this.#top();
    if (this.#isKey && top) {
      if (this.#keyParts.length === 0) {
        top.keyBytes = chunk;
        top.keyStart = start;
        top.keyEnd = end;
      } else {
        this.#keyParts.push(chunk.subarray(start, end));
        top.keyBytes = concat(this.#keyParts);
        top.keyStart = 0;
        top.keyEnd = top.keyBytes.length;
        this.#keyParts = [];
      }
      top.expectKey = false;
      this.#isKey = false;
    }
    // A key's findings are located at the member it names.
    if (result !== null && result.threats.length > 0) this.#findings.add(result, this.#pathOf ??= () => this.#path());
  }

  finish(): GuardScanResult {
    if (this.#inString || this.#depth > 0 || this.#deep > 0 || !this.#sawRoot) this.malformed = true;
    // A document cut inside a string (`{"a":"b`): that value never ends, and its stream's state
    // slot goes back now, not when GC finds the lease. (Malformed: no handler reads it as a value.)
    this.#value.abort();
    return this.#findings.result();
  }

  abort(): void {
    this.#value.abort();
  }
}

/**
 * A form field or multipart part that is itself a JSON document (`filter={"where":{"name":"1 or 1"}}`), read value by
 * value as the handler that JSON.parses it reads it: its keys and strings are values of their own there, which the
 * field's text reading sees mid-text. Findings are located at the field (as analyzeRequest locates them); a text that
 * is no well-formed document reaches no handler as values, so it adds nothing.
 */
class DocumentInField {
  readonly #scanner: JsonBodyScanner;
  constructor(detector: GuardDetector) {
    this.#scanner = new JsonBodyScanner(detector);
  }
  push(bytes: Uint8Array): void {
    this.#scanner.push(bytes);
  }
  abort(): void {
    this.#scanner.abort();
  }
  /** The values' findings, or null when the field held no well-formed document. */
  finish(): GuardScanResult | null {
    const r = this.#scanner.finish();
    return this.#scanner.malformed ? null : r;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(Math.min(n, MAX_KEY_BYTES));
  let at = 0;
  for (const p of parts) {
    if (at >= out.length) break;
    const take = p.subarray(0, out.length - at);
    out.set(take, at);
    at += take.length;
  }
  return out;
}

function decodeFormName(bytes: Uint8Array): string {
  const text = decoder.decode(bytes).replace(/\+/g, ' ');
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The detector's scan of many ranges of one array in one call (Detector.scanFieldList). */
type ListDetector = GuardDetector & {
  scanFieldList(source: Uint8Array, ranges: ArrayLike<number>, from: number, to: number): number;
  readonly listHits: readonly number[];
  readonly listResults: readonly GuardScanResult[];
};

const DOC_NONE = 0;
const DOC_UNSEEN = 1;
const DOC_COLLECTING = 2;

/** `a=1&b=2` split into fields as chunks arrive; names and values scanned in the `form` context. */
class FormBodyScanner implements BodyScanner {
  /**
   * Set when a value holds `]=`: qs (Express's extended parser, Fastify with qs) splits such
   * a pair there, not at its first `=` (`f[1' OR '1'='1]=x` is the key `f[1' OR '1'='1]`,
   * which neither half of the usual split holds), so the body is scanned whole as well.
   */
  malformed = false;
  readonly #findings = new Findings();
  readonly #value: ValueScan;
  #inName = true;
  /** The bytes of a name begun in an earlier chunk (up to MAX_KEY_BYTES): its location. */
  #name: number[] = [];
  /** The byte before this one (`]` then `=` in a value: see malformed). */
  #prev = -1;
  /**
   * A chunk's names and values that lie whole in it go to the detector in one call for many
   * (a body of thousands of tiny fields would pay a host call each: 9x the time of a text body
   * of its size): per entry its range and context (`#ranges`) and its name's range (`#names`,
   * for the location). Undefined when the detector has no such call (one scan per value then).
   */
  readonly #list: ListDetector | undefined;
  #ranges: number[] = [];
  #names: number[] = [];
  #count = 0;
  readonly #detector: GuardDetector;
  /**
   * Does the current value hold a JSON document (see DocumentInField)? DOC_UNSEEN until its first bytes arrive, then
   * DOC_COLLECTING (its raw bytes kept in #docParts while it spans chunks: `{`, `[`, `%7B`, `%5B`, or a `%` cut short)
   * or DOC_NONE.
   */
  #doc = DOC_NONE;
  #docParts: Uint8Array[] = [];
  /** Bytes in #docParts (under 3: a '%' still undecided). */
  #docBytes = 0;

  constructor(detector: GuardDetector) {
    this.#detector = detector;
    this.#value = new ValueScan(detector, 'form');
    const list = detector as ListDetector;
    this.#list = typeof list.scanFieldList === 'function' ? list : undefined;
  }

  readonly #locationOf = (): string => this.#location();

  #location(): string {
    return fieldLocation(decodeFormName(new Uint8Array(this.#name)));
  }

  push(chunk: Uint8Array): void {
    let start = 0;
    let prev = this.#prev;
    // Where the current name starts in this chunk; -1: it began in an earlier one (its bytes
    // are collected in #name, as its location), and where it ends ('=' seen) if it does here.
    let nameStart = this.#inName && this.#name.length === 0 && !this.#value.open ? 0 : -1;
    let nameEnd = -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.#inName) {
        if (c === 0x3d /* = */) {
          nameEnd = i;
          this.#field(chunk, start, i, nameStart, nameEnd);
          this.#inName = false;
          this.#doc = DOC_UNSEEN;
          start = i + 1;
        } else if (c === 0x26 /* & */) {
          if (i > start || this.#value.open) this.#field(chunk, start, i, nameStart, i);
          this.#name = [];
          nameStart = start = i + 1;
        } else if (nameStart < 0 && this.#name.length < MAX_KEY_BYTES) {
          this.#name.push(c);
        }
      } else if (c === 0x26) {
        this.#field(chunk, start, i, nameStart, nameEnd);
        this.#inName = true;
        this.#name = [];
        nameStart = start = i + 1;
      } else if (c === 0x3d && prev === 0x5d) {
        this.malformed = true;
      }
      prev = c;
    }
    this.#prev = prev;
    this.#flush(chunk);
    if (nameStart >= 0) {
      // (the next chunk needs this name's bytes: its value, or the rest of it, is there)
      this.#name = Array.from(chunk.subarray(nameStart, Math.min(this.#inName ? chunk.length : nameEnd, nameStart + MAX_KEY_BYTES)));
    }
    if (start < chunk.length) {
      if (!this.#inName && this.#doc !== DOC_NONE) this.#documentPart(chunk, start, chunk.length);
      this.#value.part(chunk.subarray(start));
    }
  }

  /** Bytes `chunk[start, end)` of a value that may hold a JSON document: kept while it may. */
  #documentPart(chunk: Uint8Array, start: number, end: number): void {
    if (start === end) return;
    if (this.#doc === DOC_UNSEEN) {
      // (a '%' cut before its two hex digits may still open %7B: kept until three bytes tell; a value that does not open
      // like JSON, the usual one, is never copied)
      if (!(chunk[start] === 0x25 && end - start < 3) && !startsLikeJsonValue(chunk, start, end)) { this.#doc = DOC_NONE; return; }
      this.#doc = DOC_COLLECTING;
    } else if (this.#docBytes < 3) {
      // (the '%' held so far and these bytes: do they open %7B or %5B?)
      const head = new Uint8Array(3);
      let n = 0;
      for (const part of this.#docParts) for (let i = 0; i < part.length && n < 3; i++) head[n++] = part[i]!;
      for (let i = start; i < end && n < 3; i++) head[n++] = chunk[i]!;
      if (n === 3 && !startsLikeJsonValue(head, 0, 3)) { this.#doc = DOC_NONE; this.#docParts = []; this.#docBytes = 0; return; }
    }
    this.#docParts.push(chunk.slice(start, end)); // (a copy: the caller may reuse the chunk's memory)
    this.#docBytes += end - start;
  }

  /**
   * The value `chunk[start, end)` (its earlier bytes kept in #docParts) is complete and opens like JSON (see #field; a '%'
   * cut short is checked here): read as a document.
   */
  #documentEnd(chunk: Uint8Array, start: number, end: number, location: () => string): void {
    let raw: Uint8Array;
    if (this.#doc === DOC_COLLECTING) {
      if (end > start) this.#docParts.push(chunk.subarray(start, end));
      const undecided = this.#docBytes < 3;
      raw = concatBytes(this.#docParts);
      this.#docParts = [];
      this.#docBytes = 0;
      this.#doc = DOC_NONE;
      if (undecided && !startsLikeJsonValue(raw, 0, raw.length)) return;
    } else {
      raw = chunk.subarray(start, end);
      this.#doc = DOC_NONE;
    }
    const document = new DocumentInField(this.#detector);
    document.push(formDecode(raw));
    this.#findings.add(document.finish(), location);
  }

  /**
   * The name or value `chunk[start, end)` is complete: listed for the chunk's batch when it lies
   * whole in the chunk and its name does too, else scanned now (after what is listed, in order).
   */
  #field(chunk: Uint8Array, start: number, end: number, nameStart: number, nameEnd: number): void {
    // (a value that opens like JSON is read as a document too, after its own text: rare, and its first byte tells)
    const document = !this.#inName && (this.#doc === DOC_COLLECTING || (this.#doc === DOC_UNSEEN && startsLikeJsonValue(chunk, start, end)));
    this.#scanField(chunk, start, end, nameStart, nameEnd);
    if (!document) return;
    this.#flush(chunk); // (the findings stay in the order of one scan per value)
    this.#documentEnd(chunk, start, end, nameStart >= 0
      ? () => fieldLocation(decodeFormName(chunk.subarray(nameStart, Math.min(nameEnd, nameStart + MAX_KEY_BYTES))))
      : this.#locationOf);
  }

  #scanField(chunk: Uint8Array, start: number, end: number, nameStart: number, nameEnd: number): void {
    if (this.#list !== undefined && nameStart >= 0 && !this.#value.open) {
      if (end === start) return; // (an empty value: nothing to scan, as ValueScan.end says)
      const k = this.#count++;
      this.#ranges[3 * k] = start;
      this.#ranges[3 * k + 1] = end;
      this.#ranges[3 * k + 2] = CONTEXT_CODES.form;
      this.#names[2 * k] = nameStart;
      this.#names[2 * k + 1] = Math.min(nameEnd, nameStart + MAX_KEY_BYTES);
      return;
    }
    this.#flush(chunk);
    // (a detector without the list call: the name's bytes, as its location)
    if (nameStart >= 0) this.#name = Array.from(chunk.subarray(nameStart, Math.min(nameEnd, nameStart + MAX_KEY_BYTES)));
    this.#findings.add(this.#value.end(chunk.subarray(start, end)), this.#locationOf);
  }

  /** Scan the listed names and values of `chunk`, in one detector call for as many as it takes. */
  #flush(chunk: Uint8Array): void {
    const count = this.#count;
    if (count === 0) return;
    this.#count = 0;
    const list = this.#list!;
    const names = this.#names;
    const hits = list.scanFieldList(chunk, this.#ranges, 0, count);
    for (let h = 0; h < hits; h++) {
      const k = list.listHits[h]!;
      const from = names[2 * k]!, to = names[2 * k + 1]!;
      this.#findings.add(list.listResults[h]!, () => fieldLocation(decodeFormName(chunk.subarray(from, to))));
    }
  }

  finish(): GuardScanResult {
    if (this.#value.open || !this.#inName) this.#findings.add(this.#value.end(new Uint8Array(0)), this.#locationOf);
    if (!this.#inName && this.#doc === DOC_COLLECTING) this.#documentEnd(new Uint8Array(0), 0, 0, this.#locationOf);
    return this.#findings.result();
  }

  abort(): void {
    this.#value.abort();
  }
}


/**
 * `multipart/form-data`, part by part as chunks arrive (framing read by the shared
 * MultipartReader; a body it finds malformed is rescanned raw by the caller): each part's
 * name and filename come from its headers; text parts are streamed to the scanner in the
 * `body` context, so the MIME framing itself (`--boundary`) is never scanned as if it were
 * user input. A base64 Content-Transfer-Encoding is decoded (as undici does) and scanned too.
 */
class MultipartBodyScanner implements BodyScanner, MultipartSink {
  readonly #findings = new Findings();
  readonly #detector: GuardDetector;
  readonly #reader: MultipartReader;
  #name = '';
  #part: ValueScan | undefined;
  /** The open part's content base64-decoded, when it says it is base64. */
  #decoded: ValueScan | undefined;
  #base64: Base64Decoder | undefined;
  /** The open part's content read as a JSON document, once its first significant byte says it may be one. */
  #document: DocumentInField | undefined;
  /** The open part's first significant byte is still to come. */
  #sniffing = false;

  constructor(detector: GuardDetector, boundary: string) {
    this.#detector = detector;
    this.#reader = new MultipartReader(boundary, this);
  }

  get malformed(): boolean {
    return this.#reader.malformed;
  }

  push(chunk: Uint8Array): void {
    this.#reader.push(chunk);
  }

  /** @internal (MultipartSink) */
  open(head: PartHead | undefined): boolean {
    if (head === undefined) { // text before the first delimiter
      this.#name = '';
      this.#part = new ValueScan(this.#detector, 'body');
      return true;
    }
    const name = this.#name = head.name;
    // Field names become the application's keys, as form names do: scanned in the same context.
    for (const given of new Set(head.names)) {
      if (given.length > 0) this.#findings.add(scanPart(this.#detector, given, 'form'), () => fieldLocation(given));
    }
    for (const filename of new Set(head.filenames)) {
      if (filename.length > 0) this.#findings.add(uploadNameResult(scanPart(this.#detector, filename, 'path'), filename), () => `${fieldLocation(name)}.filename`);
    }
    if (head.binaryFile) return false;
    this.#part = new ValueScan(this.#detector, 'body');
    this.#sniffing = true;
    if (head.transferEncodings.includes('base64')) {
      this.#decoded = new ValueScan(this.#detector, 'body');
      this.#base64 = new Base64Decoder();
    }
    return true;
  }

  /** @internal (MultipartSink) */
  data(bytes: Uint8Array): void {
    this.#part?.part(bytes);
    if (this.#base64) this.#decoded!.part(this.#base64.push(bytes));
    this.#documentData(bytes);
  }

  /** A field sent as a JSON document (`{"where":…}`), read value by value as well: see DocumentInField. */
  #documentData(bytes: Uint8Array): void {
    if (this.#sniffing) {
      const first = firstSignificantByte(bytes);
      if (first < 0) return;
      this.#sniffing = false;
      if (first === 0x7b || first === 0x5b) this.#document = new DocumentInField(this.#detector);
    }
    this.#document?.push(bytes);
  }

  /** @internal (MultipartSink) */
  close(bytes: Uint8Array): void {
    const name = this.#name;
    const where = name === '' ? () => 'body' : () => fieldLocation(name);
    if (this.#part) this.#findings.add(this.#part.end(bytes), where);
    if (this.#base64) {
      const decoded = this.#base64.push(bytes);
      this.#findings.add(this.#decoded!.end(joinBytes(decoded, this.#base64.end())), where);
    }
    this.#documentData(bytes);
    if (this.#document) this.#findings.add(this.#document.finish(), where);
    this.#part = this.#decoded = this.#base64 = this.#document = undefined;
    this.#sniffing = false;
  }

  finish(): GuardScanResult {
    this.#reader.finish();
    return this.#findings.result();
  }

  abort(): void {
    this.#part?.abort();
    this.#decoded?.abort();
    this.#document?.abort();
    this.#part = this.#decoded = this.#base64 = this.#document = undefined;
  }
}
