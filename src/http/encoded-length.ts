// Where a gzip or zlib ("deflate") body's encoded stream ends. A decompressor stops at that
// end and drops whatever follows without an error (Node's DecompressionStream and zlib do,
// for deflate always and for gzip after zero bytes), while a parser that does not inflate —
// Fastify's, `request.text()` — reads the bytes that follow as part of the body. So the guard,
// which scans the inflated bytes, must know that nothing follows: bytes after the end make the
// body malformed. Finding the end means walking the deflate blocks, Huffman codes included;
// no output is produced (lengths and distances are read, never copied), so it is linear.
//
// Its cost per block is kept small, since a body can be ~90,000 dynamic blocks of ~11 bytes
// each (a 1 MiB request that inflates to nothing; red team: 0.6 s in Node, 1.2 s in Deno, when
// each block allocated its codes and filled three 512-entry tables; zlib walks it in 40 ms): the
// codes live in module-level tables reused by every block (a walk is synchronous and never
// re-entered), and a code's fast table is only as wide as its longest code, built by doubling
// (one write per symbol, the rest copyWithin) rather than by a JS loop over its entries.

const LENGTH_EXTRA_FROM = 265; // (257-264: no extra bits; 265-284: (sym - 261) >> 2; 285: none)
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const MAX_BITS = 15;
const FAST_BITS = 9;
/** REVERSED[c]: c's FAST_BITS bits in reverse order (`>> (FAST_BITS - l)` reverses l bits). */
const REVERSED = Uint16Array.from({ length: 1 << FAST_BITS }, (_, c) => {
  let r = 0;
  for (let i = 0; i < FAST_BITS; i++) r |= ((c >> i) & 1) << (FAST_BITS - 1 - i);
  return r;
});

/** Thrown inside the walk: the stream is cut short or is not deflate. */
class Invalid extends Error {}

// a dynamic block's used literal and distance symbols (ascending) and their lengths, reused by every block
const USED = new Uint16Array(288);
const USED_LENGTHS = new Uint8Array(288);
const USED_DISTANCES = new Uint16Array(32);
const USED_DISTANCE_LENGTHS = new Uint8Array(32);
/** Scratch for the builds: the first index in `symbols` of each length's codes. */
const OFFSETS = new Uint16Array(MAX_BITS + 1);

/**
 * A canonical Huffman code: how many codes of each length and the symbols in code order (read
 * a bit at a time), and a table for codes of up to `bits` bits (the longest code, at most
 * FAST_BITS): indexed by the next `bits` bits of the stream, (symbol << 4) | length, or 0 for a
 * longer code or none. (Codes are sent from their top bit while the stream is read from each
 * byte's bottom bit: the table's indexes are reversed.) Built again in place for each block.
 */
class Code {
  readonly counts = new Uint16Array(MAX_BITS + 1);
  readonly symbols: Uint16Array;
  readonly fast = new Uint16Array(1 << FAST_BITS);
  bits = 0;
  constructor(size: number) { this.symbols = new Uint16Array(size); }

  /**
   * The code whose symbols `used[k]` (ascending) have lengths `lengths[k]` (not 0), for k < m;
   * every other symbol unused. (Only the used symbols are given, so a block's cost follows its
   * header's length: 256 unused literals take a bit or two to send.) An over-subscribed set of
   * lengths (more codes than the lengths allow) is Invalid, as zlib has it; an incomplete one is
   * read until a missing code comes up (then Invalid).
   */
  build(used: Uint16Array, lengths: Uint8Array, m: number): void {
    const { counts, symbols, fast } = this;
    counts.fill(0);
    for (let k = 0; k < m; k++) counts[lengths[k]!]!++;
    let left = 1, longest = 0;
    for (let l = 1; l <= MAX_BITS; l++) {
      left = (left << 1) - counts[l]!;
      if (left < 0) throw new Invalid(); // (two codes would share a prefix: the table has no one reading)
      if (counts[l]) longest = l;
    }
    OFFSETS[1] = 0;
    for (let l = 1; l < MAX_BITS; l++) OFFSETS[l + 1] = OFFSETS[l]! + counts[l]!;
    for (let k = 0; k < m; k++) symbols[OFFSETS[lengths[k]!]!++] = used[k]!;
    // RFC 1951 3.2.2: codes of one length are consecutive, in symbol order, after the shorter
    // lengths' codes. The table for l bits is the table for l - 1 bits twice (a shorter code
    // takes every entry its reversed bits end in) plus the codes of length l, each in an entry
    // no shorter code takes (the lengths are not over-subscribed).
    const bits = Math.min(longest, FAST_BITS);
    fast[0] = 0;
    for (let l = 1, c = 0, k = 0; l <= bits; l++, c <<= 1) {
      fast.copyWithin(1 << (l - 1), 0, 1 << (l - 1));
      for (const end = k + counts[l]!; k < end; k++, c++) fast[REVERSED[c]! >> (FAST_BITS - l)] = (symbols[k]! << 4) | l;
    }
    this.bits = bits;
  }
}

/** The symbols with a length in `lengths` (dense, 0: unused) into USED and USED_LENGTHS; how many. */
function usedOf(lengths: ArrayLike<number>): number {
  let m = 0;
  for (let s = 0; s < lengths.length; s++) if (lengths[s]) { USED[m] = s; USED_LENGTHS[m++] = lengths[s]!; }
  return m;
}
function builtCode(lengths: number[]): Code {
  const code = new Code(lengths.length);
  code.build(USED, USED_LENGTHS, usedOf(lengths));
  return code;
}
const FIXED_LITERALS = builtCode(Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8)));
const FIXED_DISTANCES = builtCode(new Array<number>(30).fill(5));
// a dynamic block's codes and lengths, reused by every block
const LENGTH_CODE = new Code(19);
const LITERALS = new Code(288);
const DISTANCES = new Code(32);
const LENGTH_LENGTHS = new Uint8Array(19);

class BitReader {
  pos: number;
  #buf = 0;
  #count = 0;
  constructor(readonly bytes: Uint8Array, start: number) { this.pos = start; }
  bits(n: number): number {
    while (this.#count < n) {
      if (this.pos >= this.bytes.length) throw new Invalid();
      this.#buf |= this.bytes[this.pos++]! << this.#count;
      this.#count += 8;
    }
    const v = this.#buf & ((1 << n) - 1);
    this.#buf >>>= n;
    this.#count -= n;
    return v;
  }
  /** Drop the bits left in the current byte (a stored block starts on a byte); whole bytes read ahead are given back. */
  align(): void { this.pos -= this.#count >> 3; this.#buf = 0; this.#count = 0; }
  /** The index after the last byte a bit was taken from (bytes read ahead not counted). */
  get end(): number { return this.pos - (this.#count >> 3); }
  symbol(c: Code): number {
    // (c.bits at once when the stream has them; else, and for longer codes, a bit at a time)
    const bits = c.bits;
    while (this.#count < bits && this.pos < this.bytes.length) {
      this.#buf |= this.bytes[this.pos++]! << this.#count;
      this.#count += 8;
    }
    if (this.#count >= bits) {
      const entry = c.fast[this.#buf & ((1 << bits) - 1)]!;
      if (entry !== 0) {
        this.#buf >>>= entry & 15;
        this.#count -= entry & 15;
        return entry >> 4;
      }
    }
    let base = 0, offset = 0;
    for (let len = 1; len <= MAX_BITS; len++) {
      offset = 2 * offset + this.bits(1);
      const n = c.counts[len]!;
      if (offset < n) return c.symbols[base + offset]!;
      base += n;
      offset -= n;
    }
    throw new Invalid(); // (an incomplete code)
  }
}

/** The index just after the raw deflate stream that starts at `start`. */
function deflateEnd(bytes: Uint8Array, start: number): number {
  const r = new BitReader(bytes, start);
  for (;;) {
    const final = r.bits(1);
    const type = r.bits(2);
    if (type === 0) {
      r.align();
      if (r.pos + 4 > bytes.length) throw new Invalid();
      const len = bytes[r.pos]! | (bytes[r.pos + 1]! << 8);
      r.pos += 4 + len;
      if (r.pos > bytes.length) throw new Invalid();
    } else if (type === 1 || type === 2) {
      let literals = FIXED_LITERALS, distances = FIXED_DISTANCES;
      if (type === 2) {
        const hlit = r.bits(5) + 257, hdist = r.bits(5) + 1, hclen = r.bits(4) + 4;
        LENGTH_LENGTHS.fill(0);
        for (let i = 0; i < hclen; i++) LENGTH_LENGTHS[CODE_LENGTH_ORDER[i]!] = r.bits(3);
        LENGTH_CODE.build(USED, USED_LENGTHS, usedOf(LENGTH_LENGTHS));
        // the lengths of the hlit literal/length symbols, then of the hdist distance symbols, as
        // one sequence (a repeat may cross from one to the other); only the used ones are kept
        const n = hlit + hdist;
        let literalsUsed = 0, distancesUsed = 0, last = -1;
        for (let i = 0; i < n;) {
          const sym = r.symbol(LENGTH_CODE);
          let repeat = 1, value = sym;
          if (sym === 16) {
            if (last < 0) throw new Invalid(); // (no length to repeat)
            repeat = 3 + r.bits(2);
            value = last;
          } else if (sym > 16) {
            repeat = sym === 17 ? 3 + r.bits(3) : 11 + r.bits(7);
            value = 0;
          }
          if (i + repeat > n) throw new Invalid();
          last = value;
          if (value === 0) { i += repeat; continue; }
          for (const end = i + repeat; i < end; i++) {
            if (i < hlit) { USED[literalsUsed] = i; USED_LENGTHS[literalsUsed++] = value; }
            else { USED_DISTANCES[distancesUsed] = i - hlit; USED_DISTANCE_LENGTHS[distancesUsed++] = value; }
          }
        }
        LITERALS.build(USED, USED_LENGTHS, literalsUsed);
        DISTANCES.build(USED_DISTANCES, USED_DISTANCE_LENGTHS, distancesUsed);
        literals = LITERALS;
        distances = DISTANCES;
      }
      for (;;) {
        const sym = r.symbol(literals);
        if (sym < 256) continue;
        if (sym === 256) break;
        if (sym > 285) throw new Invalid();
        if (sym >= LENGTH_EXTRA_FROM && sym < 285) r.bits((sym - 261) >> 2);
        const dist = r.symbol(distances);
        if (dist > 29) throw new Invalid();
        if (dist >= 4) r.bits((dist - 2) >> 1);
      }
    } else {
      throw new Invalid();
    }
    if (final) return r.end;
  }
}

/** The index just after the gzip member that starts at `at`. */
function gzipMemberEnd(bytes: Uint8Array, at: number): number {
  if (bytes[at] !== 0x1f || bytes[at + 1] !== 0x8b || bytes[at + 2] !== 8) throw new Invalid();
  const flags = bytes[at + 3]!;
  let p = at + 10;
  if (flags & 0x04) { // FEXTRA
    if (p + 2 > bytes.length) throw new Invalid();
    p += 2 + (bytes[p]! | (bytes[p + 1]! << 8));
  }
  for (const flag of [0x08, 0x10]) { // FNAME, FCOMMENT: zero-terminated
    if (!(flags & flag)) continue;
    const end = bytes.indexOf(0, p);
    if (end < 0) throw new Invalid();
    p = end + 1;
  }
  if (flags & 0x02) p += 2; // FHCRC
  if (p > bytes.length) throw new Invalid();
  const end = deflateEnd(bytes, p) + 8;
  if (end > bytes.length) throw new Invalid();
  return end;
}

/**
 * How many bytes at the start of `bytes` the `coding` stream takes: every gzip member one after
 * another (as decoders read them), or one zlib stream for `deflate`; undefined for a coding this
 * does not read (br, zstd) or a stream cut short or not of that coding. A body longer than this
 * has bytes after its end.
 */
export function encodedLength(bytes: Uint8Array, coding: string): number | undefined {
  if (coding === 'gzip' || coding === 'x-gzip') return gzipMemberEnds(bytes)?.at(-1);
  try {
    if (coding === 'deflate') {
      const cmf = bytes[0]!, flg = bytes[1]!;
      if ((cmf & 0x0f) !== 8 || ((cmf << 8) | flg) % 31 !== 0) return undefined;
      const end = deflateEnd(bytes, flg & 0x20 ? 6 : 2) + 4; // (FDICT: a dictionary id; then the Adler-32)
      return end > bytes.length ? undefined : end;
    }
    return undefined;
  } catch (error) {
    if (error instanceof Invalid) return undefined;
    throw error;
  }
}

/**
 * Where each gzip member at the start of `bytes` ends, in order: a member follows another while
 * the next bytes start with gzip's magic (as decoders read them). Undefined when a member is cut
 * short or is not gzip. The last end short of `bytes.length` means bytes after the last member.
 */
export function gzipMemberEnds(bytes: Uint8Array): number[] | undefined {
  try {
    const ends = [gzipMemberEnd(bytes, 0)];
    for (let p = ends[0]!; p + 2 < bytes.length && bytes[p] === 0x1f && bytes[p + 1] === 0x8b;) ends.push(p = gzipMemberEnd(bytes, p));
    return ends;
  } catch (error) {
    if (error instanceof Invalid) return undefined;
    throw error;
  }
}
