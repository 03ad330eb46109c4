// Where a gzip or zlib ("deflate") body's encoded stream ends. A decompressor stops at that
// end and drops whatever follows without an error (Node's DecompressionStream and zlib do,
// for deflate always and for gzip after zero bytes), while a parser that does not inflate —
// Fastify's, `request.text()` — reads the bytes that follow as part of the body. So the guard,
// which scans the inflated bytes, must know that nothing follows: bytes after the end make the
// body malformed. Finding the end means walking the deflate blocks, Huffman codes included;
// no output is produced (lengths and distances are read, never copied), so it is linear.

const LENGTH_EXTRA_FROM = 265; // (257-264: no extra bits; 265-284: (sym - 261) >> 2; 285: none)
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/**
 * A canonical Huffman code: how many codes of each length and the symbols in code order (read
 * a bit at a time), and a table for codes of up to FAST_BITS bits: indexed by the next FAST_BITS
 * bits of the stream, (symbol << 4) | length, or 0 for a longer code. (Codes are sent from their
 * top bit while the stream is read from each byte's bottom bit: the table's indexes are reversed.)
 */
interface Code { counts: Uint16Array; symbols: Uint16Array; fast: Uint16Array }
const FAST_BITS = 9;

function code(lengths: Uint8Array): Code {
  const counts = new Uint16Array(16);
  for (const l of lengths) counts[l]!++;
  counts[0] = 0;
  const offsets = new Uint16Array(16);
  for (let l = 1; l < 16; l++) offsets[l] = offsets[l - 1]! + counts[l - 1]!;
  const symbols = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) if (lengths[s]) symbols[offsets[lengths[s]!]!++] = s;
  // RFC 1951 3.2.2: the first code of each length, then codes in symbol order
  const next = new Uint16Array(16);
  for (let l = 1, c = 0; l < 16; l++) { c = (c + counts[l - 1]!) << 1; next[l] = c; }
  const fast = new Uint16Array(1 << FAST_BITS);
  for (let s = 0; s < lengths.length; s++) {
    const l = lengths[s]!;
    if (l === 0) continue;
    const c = next[l]!++;
    if (l > FAST_BITS) continue;
    let reversed = 0;
    for (let i = 0; i < l; i++) reversed |= ((c >> i) & 1) << (l - 1 - i);
    for (let fill = reversed; fill < 1 << FAST_BITS; fill += 1 << l) fast[fill] = (s << 4) | l;
  }
  return { counts, symbols, fast };
}

const FIXED_LITERALS = code(Uint8Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8)));
const FIXED_DISTANCES = code(new Uint8Array(30).fill(5));

/** Thrown inside the walk: the stream is cut short or is not deflate. */
class Invalid extends Error {}

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
    // (FAST_BITS at once when the stream has them; else, and for longer codes, a bit at a time)
    while (this.#count < FAST_BITS && this.pos < this.bytes.length) {
      this.#buf |= this.bytes[this.pos++]! << this.#count;
      this.#count += 8;
    }
    if (this.#count >= FAST_BITS) {
      const entry = c.fast[this.#buf & ((1 << FAST_BITS) - 1)]!;
      if (entry !== 0) {
        this.#buf >>>= entry & 15;
        this.#count -= entry & 15;
        return entry >> 4;
      }
    }
    let base = 0, offset = 0;
    for (let len = 1; len < 16; len++) {
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
        const lengthLengths = new Uint8Array(19);
        for (let i = 0; i < hclen; i++) lengthLengths[CODE_LENGTH_ORDER[i]!] = r.bits(3);
        const lengthCode = code(lengthLengths);
        const lengths = new Uint8Array(hlit + hdist);
        for (let i = 0; i < lengths.length;) {
          const sym = r.symbol(lengthCode);
          if (sym < 16) { lengths[i++] = sym; continue; }
          const [repeat, value] = sym === 16 ? [3 + r.bits(2), i > 0 ? lengths[i - 1]! : -1] : sym === 17 ? [3 + r.bits(3), 0] : [11 + r.bits(7), 0];
          if (value < 0 || i + repeat > lengths.length) throw new Invalid();
          lengths.fill(value, i, i + repeat);
          i += repeat;
        }
        literals = code(lengths.subarray(0, hlit));
        distances = code(lengths.subarray(hlit));
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
