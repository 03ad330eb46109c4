// Binding to the scanner inside the arena's wasm module. Inputs are copied into a leased
// slot and scanned there; a second leased slot is the decoding scratch area and a third
// holds the scan state (a stream keeps its own state slot between pushes). Nothing here
// turns input bytes into JS strings.
import type { Arena } from '../arena.js';
import type { Lease } from '../lease.js';
import type { Pool } from '../pool.js';
import { wasmOf } from '../internal.js';
import { RULES } from './rules.generated.js';
import { ScanEngineError } from './errors.js';
import type { ScanContext, Threat } from './types.js';

// (no prototype: a lookup of 'toString' or '__proto__' must find nothing)
export const CONTEXT_CODES: Record<ScanContext, number> = Object.freeze(Object.assign(Object.create(null) as Record<ScanContext, number>,
  { query: 0, form: 1, body: 2, header: 3, path: 4, json: 5, 'json-escaped': 6 }));

/** Finding as the engine reports it: rule index and byte span. */

interface ScannerExports {
  scanStateBytes(): number;
  scanScratchBytes(): number;
  scanFindingsOffset(): number;
  scanFindingBytes(): number;
  scanRuleCount(): number;
  scanBegin(st: number, ctx: number, paranoia: number, limit: number): void;
  scanPush(st: number, scratch: number, input: number, len: number, final: number): number;
  scanOnce(st: number, scratch: number, input: number, len: number, ctx: number, paranoia: number, limit: number): number;
  scanWipe(scratch: number, used: number): void;
  scanWipeSlots(scratch: number, input: number, used: number, state: number): void;
  zeroFill(address: number, length: number): void;
  scanScore(st: number): number;
  scanDebugDecode(st: number, scratch: number, input: number, len: number, ctx: number, stages: number): number;
  scanDebugOutput(scratch: number): number;
  scanDebugOffsets(scratch: number): number;
  scanChunkBytes(): number;
  scanJson(st: number, scratch: number, input: number, len: number, paranoia: number, limit: number): number;
  scanJsonValues(): number;
  scanJsonBytes(): number;
  scanJsonLongest(): number;
  scanList(st: number, scratch: number, input: number, list: number, count: number, paranoia: number, limit: number): number;
}

/** What {@link ScanEngine.scanJsonAt} found (mirrors assembly/scanner/json.ts; the host tells only clean from the rest). */
export const JSON_CLEAN = 0;
export const JSON_FLAGGED = 1;
export const JSON_NOT_WHOLE = 2;

const encoder = new TextEncoder();
/** Strings up to this many UTF-16 units are written by hand when ASCII. */
const SHORT_STRING = 64;
/**
 * Byte arrays up to this long are copied by hand: for a short value a plain loop costs less
 * than TypedArray.prototype.set, whose fixed cost (a builtin that checks both arrays' kinds,
 * overlap and detachment) is larger than the copy itself.
 */
const SHORT_BYTES = 64;
// State block fields the host reads (assembly/scanner/state.ts).
const ST_NFIND = 20;
const ST_SCORE = 24;
/** What {@link ScanEngine.scanList} calls for a piece with findings: its index and score (its findings are in the state block until the next scan). */
export type ListHit = (k: number, score: number) => void;

/** Bytes of one entry of scanList's list (assembly/scanner/list.ts): offset, length, context. */
const LIST_ENTRY = 12;

/** Engine test hook: the next scan call throws as a trapped wasm call would. */
export const FAULT = Symbol('arenaguard.scanFault');

export class ScanEngine {
  readonly arena: Arena;
  readonly stateBytes: number;
  readonly #ex: ScannerExports;
  readonly #memory: WebAssembly.Memory;
  #u8: Uint8Array;
  #dv: DataView;
  #scratch: Lease | null = null;
  #input: Lease | null = null;
  #state: Lease | null = null;
  // Addresses of the three cached slots (a slot never moves; only views detach on growth).
  #scr = 0;
  #inp = 0;
  #st = 0;
  #inputCap = 0;
  /** View of the input slot, for encodeInto (re-made with the others). */
  #inputView: Uint8Array | null = null;
  /** UTF-8 bytes of the last value scanned (for stats). */
  lastBytes = 0;
  /**
   * Findings of the last whole-value scan (scanValue, scanAt, scanRange), read from the state
   * block with its score: the caller needs no second call (findingCount) to learn it was clean.
   */
  lastFindings = 0;
  /** Keys and string values the last {@link ScanEngine.scanJsonAt} scanned (lastBytes: their bytes). */
  jsonValues = 0;
  /** Values the last {@link ScanEngine.scanList} found clean, and their UTF-8 bytes. */
  listValues = 0;
  listBytes = 0;
  /** The entry {@link ScanEngine.scanList} is at: the one being scanned, or whose scan threw. */
  listIndex = 0;
  /** Where a state block keeps its findings, and the size of one (asked once: a wasm call each). */
  readonly #findingsAt: number;
  readonly #findingBytes: number;
  [FAULT] = false;

  constructor(arena: Arena) {
    const { exports, memory } = wasmOf(arena);
    if (typeof exports.scanOnce !== 'function') throw new ScanEngineError('this wasm build has no scanner exports');
    if (exports.scanRuleCount() !== RULES.length) throw new ScanEngineError(`rule table mismatch: wasm ${exports.scanRuleCount()} host ${RULES.length}`);
    this.arena = arena;
    this.#ex = exports as ScannerExports;
    this.#memory = memory;
    this.#u8 = new Uint8Array(memory.buffer);
    this.#dv = new DataView(memory.buffer);
    this.stateBytes = this.#ex.scanStateBytes();
    this.#findingsAt = this.#ex.scanFindingsOffset();
    this.#findingBytes = this.#ex.scanFindingBytes();
    // (else every scan would fail closed for want of a slot: say so once, at creation)
    const scratchBytes = this.#ex.scanScratchBytes();
    const need = Math.max(scratchBytes, this.stateBytes);
    const largest = arena.lendingPools.at(-1)?.slotSize ?? 0;
    if (largest < need) {
      throw new RangeError(`createDetector: arena needs a pool of slots of at least ${need} bytes for the scanner's buffers (its largest usable slot is ${largest} bytes)`);
    }
    // (a scan holds its scratch, state and input slots at once: a pool that can never lend them all fails every scan)
    const held = new Map<Pool, number>();
    for (const bytes of [scratchBytes, this.stateBytes, scratchBytes]) {
      const pool = arena.poolFor(bytes);
      held.set(pool, (held.get(pool) ?? 0) + 1);
    }
    for (const [pool, n] of held) {
      const { maxSlots } = pool.getStats();
      if (maxSlots < n) throw new RangeError(`createDetector: a scan holds ${n} slots of the arena's pool "${pool.name}" at once, and its maxSlots is ${maxSlots}`);
    }
  }

  /** Growing wasm memory detaches every old view (its length reads 0): re-make them then. */
  #views(): void {
    if (this.#u8.byteLength === 0) this.#remakeViews();
  }

  #remakeViews(): void {
    this.#u8 = new Uint8Array(this.#memory.buffer);
    this.#dv = new DataView(this.#memory.buffer);
    this.#inputView = this.#input === null ? null : this.#u8.subarray(this.#inp, this.#inp + this.#inputCap);
  }

  #lease(bytes: number): Lease {
    return this.arena.poolFor(bytes).acquire();
  }

  /** Slots a synchronous scan uses; kept between scans (a scan cannot interleave with another). */
  #ensure(): void {
    if (this.#scratch === null || this.#state === null || this.#input === null) {
      if (this.#scratch === null) { this.#scratch = this.#lease(this.#ex.scanScratchBytes()); this.#scr = this.#scratch.bytes.byteOffset; }
      if (this.#state === null) { this.#state = this.#lease(this.stateBytes); this.#st = this.#state.bytes.byteOffset; }
      if (this.#input === null) {
        this.#input = this.#lease(this.#ex.scanScratchBytes());
        this.#inp = this.#input.bytes.byteOffset;
        this.#inputCap = this.#input.byteLength;
      }
      this.#remakeViews(); // a new input slot, and the acquires may have grown memory
    } else this.#views();
  }

  /**
   * Zero what the last scan left in the slots this engine keeps between scans
   * (raw input, decoded text, and for a whole-value scan the state block), so
   * a payload never lingers in memory after its verdict. Call once the
   * findings have been read. One wasm call, whatever was used.
   */
  wipe(withState: boolean): void {
    if (this.#input === null || this.#scratch === null || this.#dirty === 0) return;
    const used = Math.min(this.#dirty, this.#inputCap);
    this.#ex.scanWipeSlots(this.#scr, this.#inp, used, withState && this.#state !== null ? this.#st : 0);
    this.#dirty = 0;
  }

  /** Bytes written to the input slot since the last wipe. */
  #dirty = 0;

  /** Give the cached slots back (after an error, or on close). Safe to call twice. */
  releaseAll(): void {
    for (const lease of [this.#scratch, this.#input, this.#state]) {
      try { lease?.release(); } catch { /* the arena may already be closed */ }
    }
    this.#scratch = this.#input = this.#state = null;
    this.#inputView = null;
    this.#scr = this.#inp = this.#st = 0;
  }

  acquireState(): Lease { return this.#lease(this.stateBytes); }

  begin(state: Lease, context: number, paranoia: number, limit: number): void {
    this.#check();
    this.#ex.scanBegin(state.bytes.byteOffset, context, paranoia, limit);
  }

  /** Every entry point: the arena must be usable (a trap anywhere in the module poisons it all). */
  #check(): void {
    this.arena.assertUsable();
    if (this[FAULT]) { this[FAULT] = false; throw new WebAssembly.RuntimeError('unreachable (injected scan fault)'); }
  }

  /** Is `view` a view of this arena's current memory (which a growth would detach)? */
  ownsView(view: ArrayBufferView): boolean {
    return view.buffer === this.#memory.buffer;
  }

  /**
   * {@link ScanEngine.#ensure} for a call that reads `input`, which may be a view of this arena's
   * own memory (a lease's bytes, or a view made of them): the slots' acquire may grow memory and
   * detach it mid-call, where it would read as empty — clean. So where it points is read first,
   * and the same bytes are viewed again in the grown memory. (A view detached by an earlier growth
   * has lost where it pointed: the callers refuse it first, see {@link assertLiveView}.)
   */
  #ensureFor(input: Uint8Array): Uint8Array {
    const own = input.buffer === this.#memory.buffer;
    const offset = input.byteOffset;
    const length = input.byteLength;
    this.#ensure();
    return own && input.byteLength !== length ? new Uint8Array(this.#memory.buffer, offset, length) : input;
  }

  /**
   * Scan a whole value. Returns the score; findings are read with `threats()`.
   * `charOffsets` receives, for string input, whether offsets need mapping (non-ASCII).
   */
  scanValue(input: string | Uint8Array, context: number, paranoia: number, limit: number): number {
    this.#check();
    if (typeof input === 'string') this.#ensure(); else input = this.#ensureFor(input);
    const st = this.#st;
    const scratch = this.#scr;
    const inp = this.#inp;
    const cap = this.#inputCap;
    if (typeof input === 'string') {
      // Fast path: the whole string fits in the input slot (UTF-8 is at most 3 bytes per unit).
      if (input.length * 3 <= cap) {
        const written = input.length <= SHORT_STRING ? this.#writeShort(input, inp) : encoder.encodeInto(input, this.#inputView!).written;
        this.lastBytes = written;
        if (written > this.#dirty) this.#dirty = written;
        return this.#once(st, scratch, inp, written, context, paranoia, limit);
      }
      this.#ex.scanBegin(st, context, paranoia, limit);
      this.lastBytes = 0;
      let pos = 0;
      while (pos < input.length) {
        // encode a piece that surely fits; never split a surrogate pair
        let end = Math.min(input.length, pos + Math.floor(cap / 3));
        if (end < input.length && (input.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
        const { written } = encoder.encodeInto(input.slice(pos, end), this.#inputView!);
        if (written > this.#dirty) this.#dirty = written;
        this.#push(st, scratch, inp, written, 0);
        this.lastBytes += written;
        pos = end;
      }
      this.#push(st, scratch, inp, 0, 1);
      return this.#result(st);
    }
    return this.#bytesAt(input, 0, input.byteLength, context, paranoia, limit);
  }

  /**
   * {@link ScanEngine.scanValue} of `bytes[start, end)`, with no subarray made for the range
   * (the body scanner's values: one per JSON string, so a view each would be garbage per value).
   */
  scanRange(bytes: Uint8Array, start: number, end: number, context: number, paranoia: number, limit: number): number {
    this.#check();
    bytes = this.#ensureFor(bytes);
    return this.#bytesAt(bytes, start, end, context, paranoia, limit);
  }

  #bytesAt(input: Uint8Array, start: number, end: number, context: number, paranoia: number, limit: number): number {
    const st = this.#st;
    const scratch = this.#scr;
    const inp = this.#inp;
    const cap = this.#inputCap;
    const length = end - start;
    this.lastBytes = length;
    if (length <= cap) {
      if (length <= SHORT_BYTES) {
        const u8 = this.#u8;
        for (let i = 0; i < length; i++) u8[inp + i] = input[start + i]!;
      } else this.#u8.set(start === 0 && end === input.byteLength ? input : input.subarray(start, end), inp);
      if (length > this.#dirty) this.#dirty = length;
      return this.#once(st, scratch, inp, length, context, paranoia, limit);
    }
    this.#ex.scanBegin(st, context, paranoia, limit);
    for (let pos = start; pos < end; pos += cap) {
      const piece = input.subarray(pos, Math.min(end, pos + cap));
      this.#u8.set(piece, inp);
      if (piece.byteLength > this.#dirty) this.#dirty = piece.byteLength;
      this.#push(st, scratch, inp, piece.byteLength, 0);
    }
    this.#push(st, scratch, inp, 0, 1);
    return this.#result(st);
  }

  /**
   * {@link ScanEngine.scanValue} of many pieces of `source`, in turn: entry k is
   * `source.slice(ranges[3k], ranges[3k + 1])` in the context code `ranges[3k + 2]` (none empty), for
   * k from `from` to `to` (offsets in UTF-16 units for a string, in bytes for bytes). As many as fit
   * go into the input slot at once, the stretch that holds them copied once, and are scanned in one
   * wasm call (assembly/scanner/list.ts); a string stretch that is not ASCII (its offsets would need
   * mapping) and a piece scanValue would stream (scanRange, for bytes) are scanned one by one, as
   * those scan them. Each piece with findings goes to `hit(k, score)` at once, its findings as after
   * scanValue (lastFindings, lastBytes, threats()), and the scan goes on after it in the same stretch
   * (so each costs one wasm call, not a new stretch). `listValues` and `listBytes` count the clean
   * pieces (also when a scan throws, at `listIndex`).
   */
  scanList(source: string | Uint8Array, ranges: ArrayLike<number>, from: number, to: number, paranoia: number, limit: number, hit: ListHit): void {
    this.listValues = 0;
    this.listBytes = 0;
    this.listIndex = from;
    this.#check();
    if (typeof source === 'string') this.#ensure(); else source = this.#ensureFor(source);
    // (a multiple of 4, as 12 bytes an entry are: the list below the room stays aligned)
    const cap = this.#inputCap & ~3;
    // The longest piece scanned in one call here: longer ones are scanned as scanValue (a string
    // over a third of the slot is streamed in pieces) or scanRange (bytes over the slot) would.
    const whole = typeof source === 'string' ? Math.floor(this.#inputCap / 3) : cap - LIST_ENTRY;
    for (let k = from; k < to; ) {
      this.listIndex = k;
      const n = this.#listGroup(ranges, k, to, cap, whole);
      const lo = this.#groupLo, hi = this.#groupHi;
      const room = cap - LIST_ENTRY * n;
      if ((n === 1 && hi - lo > whole) || !this.#placeStretch(source, lo, hi)) {
        // (one by one: a piece too long — alone in its group — or a string stretch that is not
        // ASCII, whose offsets would need mapping: scanValue maps nothing, the caller maps offsets.
        // A stretch of several pieces may be longer than `whole`: each piece is not.)
        for (let i = 0; i < n; i++, k++) {
          this.listIndex = k;
          const start = ranges[3 * k]!, end = ranges[3 * k + 1]!, context = ranges[3 * k + 2]!;
          const score = typeof source === 'string'
            ? this.scanValue(source.slice(start, end), context, paranoia, limit)
            : this.#bytesAt(source, start, end, context, paranoia, limit);
          if (this.lastFindings !== 0) hit(k, score);
          else {
            this.listValues++;
            this.listBytes += this.lastBytes;
          }
        }
        continue;
      }
      this.#listScan(ranges, k, n, lo, room, paranoia, limit, hit);
      k += n;
    }
    this.listIndex = to;
  }

  /** Copy `source[lo, hi)` into the input slot: false (nothing to use) for a string stretch that is not ASCII. */
  #placeStretch(source: string | Uint8Array, lo: number, hi: number): boolean {
    if (typeof source !== 'string') {
      this.#u8.set(source.subarray(lo, hi), this.#inp);
      if (hi - lo > this.#dirty) this.#dirty = hi - lo;
      return true;
    }
    const { read, written } = encoder.encodeInto(source.slice(lo, hi), this.#inputView!);
    if (written > this.#dirty) this.#dirty = written;
    return read === hi - lo && written === read;
  }

  /** Where the last {@link ScanEngine.#listGroup}'s stretch starts and ends in the source. */
  #groupLo = 0;
  #groupHi = 0;

  /**
   * How many entries from `k` (before `to`) fit the input slot together with their list, none longer
   * than `whole` unless alone; their stretch in #groupLo/#groupHi.
   */
  #listGroup(ranges: ArrayLike<number>, k: number, to: number, cap: number, whole: number): number {
    let lo = ranges[3 * k]!, hi = ranges[3 * k + 1]!, n = 1;
    if (hi - lo > whole) return this.#stretch(lo, hi, 1); // (alone)
    while (k + n < to) {
      const s = ranges[3 * (k + n)]!, e = ranges[3 * (k + n) + 1]!;
      const nlo = s < lo ? s : lo, nhi = e > hi ? e : hi;
      if (e - s > whole || nhi - nlo + LIST_ENTRY * (n + 1) > cap) break;
      lo = nlo; hi = nhi; n++;
    }
    return this.#stretch(lo, hi, n);
  }

  #stretch(lo: number, hi: number, n: number): number {
    this.#groupLo = lo;
    this.#groupHi = hi;
    return n;
  }

  /**
   * Scan entries k .. k+n-1, whose stretch (from source offset `lo`) is in the input slot: their list
   * goes after it, at `room`, and wasm scans them, stopping at each with findings for `hit` and
   * going on after it.
   */
  #listScan(ranges: ArrayLike<number>, k: number, n: number, lo: number, room: number, paranoia: number, limit: number, hit: ListHit): void {
    const inp = this.#inp;
    const list = inp + room;
    const dv = this.#dv;
    for (let i = 0, e = list; i < n; i++, e += LIST_ENTRY) {
      const s = ranges[3 * (k + i)]!;
      dv.setUint32(e, s - lo, true);
      dv.setUint32(e + 4, ranges[3 * (k + i) + 1]! - s, true);
      dv.setUint32(e + 8, ranges[3 * (k + i) + 2]!, true);
    }
    for (let done = 0; done < n;) {
      this.listIndex = k + done;
      const r = this.#ex.scanList(this.#st, this.#scr, inp, list + LIST_ENTRY * done, n - done, paranoia, limit) >>> 0;
      for (let i = done; i < done + r; i++) this.listBytes += ranges[3 * (k + i) + 1]! - ranges[3 * (k + i)]!;
      this.listValues += r;
      done += r;
      if (done === n) return;
      const at = k + done;
      this.listIndex = at;
      this.lastBytes = ranges[3 * at + 1]! - ranges[3 * at]!;
      hit(at, this.#result(this.#st));
      done++;
    }
  }

  /**
   * Scan `length` bytes that already sit in wasm memory at `address` (a body slot the
   * middleware filled): no copy into the input slot. The caller keeps those bytes in place
   * until this returns; the decoded text it leaves in the scratch slot goes with the next wipe.
   */
  scanAt(address: number, length: number, context: number, paranoia: number, limit: number): number {
    this.#check();
    // Nothing is written before the scan, so the views need no check until #result reads
    // the state block (one detach check per value, not two): only missing slots are made here.
    if (this.#scratch === null || this.#state === null || this.#input === null) this.#ensure();
    this.lastBytes = length;
    // (the scratch slot holds up to `length` decoded bytes now: the wipe covers them)
    if (length > this.#dirty) this.#dirty = length;
    return this.#once(this.#st, this.#scr, address, length, context, paranoia, limit);
  }

  /**
   * Walk a whole JSON document of `length` bytes at `address` in wasm memory and scan every
   * key and string value, in one call (assembly/scanner/json.ts). Returns JSON_CLEAN,
   * JSON_FLAGGED or JSON_NOT_WHOLE; `jsonValues` and `lastBytes` then say what was scanned.
   */
  scanJsonAt(address: number, length: number, paranoia: number, limit: number): number {
    this.#check();
    if (this.#scratch === null || this.#state === null || this.#input === null) this.#ensure();
    const code = this.#ex.scanJson(this.#st, this.#scr, address, length, paranoia, limit);
    // (decoded text of up to the longest value sits in the scratch slot until the next wipe)
    const longest = this.#ex.scanJsonLongest();
    if (longest > this.#dirty) this.#dirty = longest;
    this.jsonValues = this.#ex.scanJsonValues();
    this.lastBytes = this.#ex.scanJsonBytes();
    return code;
  }

  #once(st: number, scratch: number, inp: number, len: number, context: number, paranoia: number, limit: number): number {
    const n = this.#ex.scanOnce(st, scratch, inp, len, context, paranoia, limit);
    if (n < 0) throw new ScanEngineError(`scanOnce returned ${n}`);
    return this.#result(st);
  }

  /** A finished whole-value scan: its score, with its finding count kept in lastFindings. */
  #result(st: number): number {
    this.#views();
    const dv = this.#dv;
    this.lastFindings = dv.getUint32(st + ST_NFIND, true);
    return dv.getUint32(st + ST_SCORE, true);
  }

  /** ASCII strings are copied by hand (no encodeInto result object); returns the UTF-8 length. */
  #writeShort(input: string, at: number): number {
    const u8 = this.#u8;
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      if (c >= 0x80) return encoder.encodeInto(input, this.#inputView!).written;
      u8[at + i] = c;
    }
    return input.length;
  }

  #push(st: number, scratch: number, inp: number, len: number, final: number): void {
    const n = this.#ex.scanPush(st, scratch, inp, len, final);
    if (n < 0) throw new ScanEngineError(`scanPush returned ${n}`);
  }

  /** Push stream bytes through a stream's own state slot. */
  pushStream(state: Lease, chunk: string | Uint8Array, final: boolean): number {
    this.#check();
    if (typeof chunk === 'string') this.#ensure(); else chunk = this.#ensureFor(chunk);
    const st = state.bytes.byteOffset;
    const scratch = this.#scr;
    const inp = this.#inp;
    const cap = this.#inputCap;
    let bytes = 0;
    if (typeof chunk === 'string') {
      let pos = 0;
      while (pos < chunk.length) {
        let end = Math.min(chunk.length, pos + Math.floor(cap / 3));
        if (end < chunk.length && (chunk.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
        const { written } = encoder.encodeInto(pos === 0 && end === chunk.length ? chunk : chunk.slice(pos, end), this.#inputView!);
        if (written > this.#dirty) this.#dirty = written;
        this.#push(st, scratch, inp, written, 0);
        bytes += written;
        pos = end;
      }
    } else {
      for (let pos = 0; pos < chunk.byteLength; pos += cap) {
        const piece = chunk.subarray(pos, Math.min(chunk.byteLength, pos + cap));
        this.#u8.set(piece, inp);
        if (piece.byteLength > this.#dirty) this.#dirty = piece.byteLength;
        this.#push(st, scratch, inp, piece.byteLength, 0);
        bytes += piece.byteLength;
      }
    }
    if (final) this.#push(st, scratch, inp, 0, 1);
    this.wipe(false); // the stream's own state slot keeps only what it must carry; it is zeroed on release
    return bytes;
  }

  score(state?: Lease): number { return this.#ex.scanScore(state === undefined ? this.#st : state.bytes.byteOffset); }

  /**
   * The last scan's findings (or a stream's) as threats, read straight from the state block.
   * `text`: the string scanned, whose UTF-8 length was `bytes` — offsets become its UTF-16
   * indexes (as long as the string, it was all ASCII: any other unit takes two bytes or more, and
   * the offsets stand, clamped to it); null: offsets in bytes.
   */
  threats(text: string | null, bytes: number, state?: Lease): Threat[] {
    this.#views();
    const dv = this.#dv;
    const st = state === undefined ? this.#st : state.bytes.byteOffset;
    const n = dv.getUint32(st + ST_NFIND, true);
    const size = this.#findingBytes;
    const mapped = text !== null && bytes !== text.length;
    const max = text === null || mapped ? Infinity : text.length;
    const out: Threat[] = [];
    for (let i = 0, f = st + this.#findingsAt; i < n; i++, f += size) {
      const rule = RULES[dv.getUint32(f, true)]!;
      const start = Math.min(dv.getUint32(f + 4, true), max);
      const end = Math.max(start, Math.min(dv.getUint32(f + 8, true), max));
      out.push({ category: rule.category, ruleId: rule.id, severity: rule.severity, score: rule.score, offset: start, length: end - start });
    }
    if (mapped) {
      const units = byteToCharOffsets(text, out.flatMap((t) => [t.offset, t.offset + t.length]));
      out.forEach((t, i) => {
        t.offset = units[2 * i]!;
        t.length = Math.max(t.offset, units[2 * i + 1]!) - t.offset;
      });
    }
    return out;
  }

  /** Count of findings in the last scan without materialising them. */
  findingCount(state?: Lease): number {
    this.#views();
    return this.#dv.getUint32((state === undefined ? this.#st : state.bytes.byteOffset) + ST_NFIND, true);
  }

  /**
   * Decoding stages for `explain`: the text after each stage with its byte offsets.
   * Debug path: allocates freely.
   */
  debugDecode(input: Uint8Array, context: number): Array<{ bytes: Uint8Array; offsets: Uint32Array }> {
    this.#check();
    input = this.#ensureFor(input);
    const max = this.#ex.scanChunkBytes();
    if (input.byteLength > max) throw new RangeError(`explain: payload longer than ${max} bytes`);
    const st = this.#st;
    const scratch = this.#scr;
    const inp = this.#inp;
    const out = [];
    for (let stage = 1; stage <= 3; stage++) {
      this.#u8.set(input, inp);
      const n = this.#ex.scanDebugDecode(st, scratch, inp, input.byteLength, context, stage);
      if (n < 0) throw new ScanEngineError(`scanDebugDecode returned ${n}`);
      this.#views();
      const at = this.#ex.scanDebugOutput(scratch);
      const offs = this.#ex.scanDebugOffsets(scratch);
      out.push({ bytes: this.#u8.slice(at, at + n), offsets: new Uint32Array(this.#u8.slice(offs, offs + n * 4).buffer) });
    }
    return out;
  }
}

/**
 * Throw when `view` is a view of `arena`'s memory from before it grew: detached, it reads as
 * empty, and read so it would pass as clean. `who` names the call in the message.
 */
export function assertLiveView(arena: Arena, view: ArrayBufferView, who: string): void {
  if (view.byteLength === 0 && arena.isStaleView(view)) {
    throw new TypeError(`${who}: a view of arena memory from before it grew (detached, it reads as empty); take lease.bytes again after any acquire`);
  }
}

/** Map UTF-8 byte offsets to UTF-16 indexes of `text` (findings are few: one pass per call). */
export function byteToCharOffsets(text: string, byteOffsets: number[]): number[] {
  const sorted = [...new Set(byteOffsets)].sort((a, b) => a - b);
  const map = new Map<number, number>();
  let bytes = 0;
  let k = 0;
  for (let i = 0; i <= text.length && k < sorted.length; ) {
    while (k < sorted.length && sorted[k]! <= bytes) map.set(sorted[k++]!, i);
    if (i === text.length) break;
    const c = text.charCodeAt(i);
    if (c < 0x80) { bytes += 1; i += 1; }
    else if (c < 0x800) { bytes += 2; i += 1; }
    else if ((c & 0xfc00) === 0xd800 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { bytes += 4; i += 2; }
    else { bytes += 3; i += 1; }
  }
  while (k < sorted.length) map.set(sorted[k++]!, text.length);
  return byteOffsets.map((b) => map.get(b)!);
}

