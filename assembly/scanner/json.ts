// A whole JSON document scanned in one call: the walk over its structure and the scan of
// every key and string value both run here, where the body's bytes already sit (the
// middleware's body slot). The host's JSON body scanner (src/middleware/body-scan.ts)
// does the same walk in TypeScript with one wasm call per value; for the usual case, a
// body that arrives in one chunk and is clean, this replaces it, and the host pays one
// call instead of one per value.
//
// The walk is the host tokenizer's, byte for byte: the same bytes count as JSON outside
// strings, the same strings are keys, and a key seen clean earlier in the document is not
// scanned again (a 16-entry ring, keys up to 64 bytes), so the values scanned and the
// bytes counted are the same too. Anything but "complete, well-formed, every value clean"
// is answered with a code and left to the host tokenizer, which locates findings by path
// and decides what malformed means.
//
//   bytes ─▶ walk ─┬─ outside strings: structure only (depth stack below)
//                  └─ "…" key or value ─▶ quiet words? ─no─▶ scanOnce(json-escaped) ─▶ findings? stop: JSON_FLAGGED
import { scanOnce, ordinaryWord } from "./scanner";
import { mayBeKeyword, FNV_OFFSET, FNV_PRIME } from "./keywords";
import { CTX_JSON_ESCAPED } from "./state";

/** Every key and string value scanned clean, and the document complete and well-formed. */
export const JSON_CLEAN: i32 = 0;
/** A key or value has findings (the walk stopped there). */
export const JSON_FLAGGED: i32 = 1;
/** Not one complete well-formed document (cut short, extra bytes, too deep): walk it on the host. */
export const JSON_NOT_WHOLE: i32 = 2;

// What a byte outside a string is (the host's OUTSIDE table).
const J_SKIP: u32 = 1;    // whitespace and ':'
const J_SCALAR: u32 = 2;  // digits, signs, '.', and the letters of true/false/null/exponents
const J_QUOTE: u32 = 3;
const J_OPEN: u32 = 4;    // { [
const J_CLOSE: u32 = 5;   // } ]
const J_COMMA: u32 = 6;
const OUTSIDE: usize = memory.data<u8>([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 2, 6, 2, 2, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 5, 0, 0,
  0, 2, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 2, 0, 2, 0, 0, 0, 2, 2, 2, 2, 0, 0, 0, 0, 0, 4, 0, 5, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
]);

// Open objects and arrays, one byte each: F_ARRAY, and F_EXPECT_KEY (in an object: the
// next string is a key). The host's limit: deeper is malformed there, so not whole here.
const MAX_DEPTH: u32 = 512;
const F_ARRAY: u8 = 1;
const F_EXPECT_KEY: u8 = 2;
// (one byte before them, never written: the frame read at depth 0 is 0, no frame, and no key)
const FRAMES: usize = memory.data(MAX_DEPTH + 1) + 1;

// Keys scanned clean so far: (offset, length, first 8 bytes) entries in a ring, as the host's
// CleanKeys (which also starts its search after the entry found last: records list their keys
// in the same order). The first bytes (zero past the length) only make a mismatch cheap.
const MEMO_SIZE: u32 = 16; // a power of two
const MEMO_MAX_BYTES: u32 = 64;
const MEMO_ENTRY: u32 = 16;
const MEMO: usize = memory.data(MEMO_SIZE * MEMO_ENTRY, 8);
let memoNext: u32 = 0;
let memoUsed: u32 = 0; // entries filled (at most MEMO_SIZE: entries [0, memoUsed) are this document's)
let memoLast: u32 = 0; // the search starts after it
// For each entry, the entry the key after it was found in or added as (this document's records
// repeat their keys in order, so it names the next key's entry, and the search below starts there:
// a record's first key follows the previous record's last one, where memoLast's successor is not it).
// Only a first place to look: its entry is compared as any other.
const MEMO_NEXT: usize = memory.data(MEMO_SIZE);
let memoPrev: u32 = MEMO_SIZE; // the entry of the key looked up last (MEMO_SIZE: none yet)
// One bit per key added to the memo this document (by memoBit of its length and first bytes; evicted
// keys keep theirs): a key whose bit is clear is in no entry, and a new key skips the search.
let memoSeen: u64 = 0;

/** The key's bit in memoSeen. */
// @ts-ignore: decorator
@inline function memoBit(n: u32, tag: u64): u64 {
  return <u64>1 << (((tag + <u64>n) * 0x9e3779b97f4a7c15) >> 58);
}

// What the last walk scanned, for the host's stats and wipe.
let valuesScanned: u32 = 0;
let bytesScanned: u32 = 0;
let longestValue: u32 = 0;

/**
 * Is the string `p` words no detector reacts to? Words of letters and digits between spaces, none a
 * keyword (the keyword filter rules each out, on the folded word; a word it lets through may be one),
 * each at most 32 bytes, and one that starts with a digit all digits (1union and 0x2e0x2e0x2f are read
 * apart into what they hide); or two such words joined by one '-', '.' or '@' (SKU-28839, ana@example.com,
 * 1.25), both ordinary (see scanner.ts ORDINARY). Every rule needs a keyword, other punctuation, a joiner
 * run or a joiner at a word's edge, a word whose shape a detector tests, or such a glued or overlong word,
 * so scanOnce would find nothing: its call is skipped. (Checked against scanOnce on random such values in
 * every context at paranoia 1 and 2: test/scanner/json-walk.test.ts, whose QUIET_ROUNDS a longer run
 * raises.) Here and not in scanOnce: there, the test made the rest of that function compile worse for
 * every other value.
 * `room`: the bytes readable at `p` (n or more; past n, only 16-byte loads whose lanes past n are ignored).
 */
export function quietWords(p: usize, n: u32, room: u32): bool {
  // Two passes: one over 16 bytes at a time for a byte other than a letter, a digit, a space or a joiner ('-' '.' '@';
  // most values that are no such words, <b>, 1' or, a/b, end here), then the words' hashes and shapes over bytes known
  // to be those, where folding is one OR. (One pass of both tests per byte cost ~3x the instructions.)
  // (a value under 16 bytes, most keys and many values, skips it: the second pass refuses its bytes as well, and
  // the first pass's set-up and block cost more than that pass spends on such a value before its first bad byte)
  let i: u32 = n < 16 ? n : 0;
  const c20 = v128.load(QUIET_CONST), cDigit = v128.load(QUIET_CONST, 16), cDigitEnd = v128.load(QUIET_CONST, 32);
  const cLetter = v128.load(QUIET_CONST, 48), cLetterEnd = v128.load(QUIET_CONST, 64);
  const cDash = v128.load(QUIET_CONST, 80), cDot = v128.load(QUIET_CONST, 96), cAt = v128.load(QUIET_CONST, 112);
  while (i < n) {
    // (the last block: whole when the 16 bytes at i are readable, the lanes past n masked out; else byte by byte)
    if (n - i < 16 && room - i < 16) {
      for (; i < n; i++) {
        const b = <u32>load<u8>(p + i);
        if (b != 0x20 && b - 0x30 >= 10 && (b | 0x20) - 0x61 >= 26 && !isJoiner(b)) return false;
      }
      break;
    }
    const v = v128.load(p + i);
    // a space, 0-9 ((v + 0x50) is 0x80-0x89: below 0x8a as signed bytes), a letter (A-Z folded by OR 0x20,
    // which maps no other byte into a-z; then as the digits, from 0x80), or a joiner
    const ok = v128.or(v128.or(i8x16.eq(v, c20), v128.or(i8x16.lt_s(i8x16.add(v, cDigit), cDigitEnd), i8x16.lt_s(i8x16.add(v128.or(v, c20), cLetter), cLetterEnd))),
      v128.or(i8x16.eq(v, cDash), v128.or(i8x16.eq(v, cDot), i8x16.eq(v, cAt))));
    const r = n - i;
    if (r < 16) { if ((~<u32>i8x16.bitmask(ok) & ((<u32>1 << r) - 1)) != 0) return false; break; }
    if (!i8x16.all_true(ok)) return false;
    i += 16;
  }
  // Every byte is a space, a digit, a letter or a joiner. Per word: its hash (folded: the lexer's words are), its length,
  // and the OR of its bytes (bit 0x40: a letter in it, which a word that starts with a digit may not have). A joiner
  // stands alone between two words (SKU-28839, ana@example.com, 1.25: no '--', '..', leading '-' or trailing '.'), and
  // a word next to one is ordinary too (ORDINARY: no detector's word step tests its shape — the stems of a
  // <stem>.<ext> pair, a qualified name's or an operator's words are not).
  i = 0;
  while (i < n) {
    let b = <u32>load<u8>(p + i);
    let c = <u32>load<u8>(QUIET_CLASS + <usize>b);
    if (c == Q_SPACE) { i++; continue; }
    if (c == Q_OTHER) return false; // (a value the first pass skipped)
    if (c == Q_JOINER) {
      // (the word before it ended here: a letter or a digit before, and one after)
      if (i == 0 || i + 1 >= n || load<u8>(QUIET_CLASS + <usize>load<u8>(p + i - 1)) != Q_WORD || load<u8>(QUIET_CLASS + <usize>load<u8>(p + i + 1)) != Q_WORD) return false;
      i++;
      continue;
    }
    const start = i;
    const first = b;
    let hash = FNV_OFFSET;
    let bits: u32 = 0;
    do {
      b |= 0x20;
      hash = (hash ^ b) * FNV_PRIME;
      bits |= b;
      i++;
      if (i >= n) break;
      b = <u32>load<u8>(p + i);
      c = <u32>load<u8>(QUIET_CLASS + <usize>b);
    } while (c == Q_WORD);
    const len = i - start;
    if (len > 32 || ((first & 0x40) == 0 && (bits & 0x40) != 0) || mayBeKeyword(hash)) return false;
    if (((start > 0 && load<u8>(QUIET_CLASS + <usize>load<u8>(p + start - 1)) == Q_JOINER) || (i < n && c == Q_JOINER)) &&
        !ordinaryWord(first | 0x20, len > 1 ? <u32>load<u8>(p + start + 1) | 0x20 : 0, len)) return false;
  }
  return true;
}

/** '-', '.' or '@': what quietWords takes alone between two words. */
// @ts-ignore: decorator
@inline function isJoiner(b: u32): bool { return b - 0x2d < 2 || b == 0x40; }

// quietWords' second pass, one load per byte: Q_WORD a letter or a digit, Q_SPACE, Q_JOINER (isJoiner), Q_OTHER the rest
const Q_WORD: u32 = 0, Q_SPACE: u32 = 1, Q_JOINER: u32 = 2, Q_OTHER: u32 = 3;
const QUIET_CLASS: usize = memory.data(256);
for (let b: u32 = 0; b < 256; b++) {
  store<u8>(QUIET_CLASS + <usize>b, <u8>(b - 0x30 < 10 || (b | 0x20) - 0x61 < 26 ? Q_WORD : b == 0x20 ? Q_SPACE : isJoiner(b) ? Q_JOINER : Q_OTHER));
}

// quietWords' constants, 16 lanes each: 0x20 (a space; the fold), 0x50 and 0x8a (0-9), 0x1f and 0x9a (a-z), '-' '.' '@'
const QUIET_CONST: usize = memory.data<u8>([
  0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
  0x50, 0x50, 0x50, 0x50, 0x50, 0x50, 0x50, 0x50, 0x50, 0x50, 0x50, 0x50, 0x50, 0x50, 0x50, 0x50,
  0x8a, 0x8a, 0x8a, 0x8a, 0x8a, 0x8a, 0x8a, 0x8a, 0x8a, 0x8a, 0x8a, 0x8a, 0x8a, 0x8a, 0x8a, 0x8a,
  0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f,
  0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a,
  0x2d, 0x2d, 0x2d, 0x2d, 0x2d, 0x2d, 0x2d, 0x2d, 0x2d, 0x2d, 0x2d, 0x2d, 0x2d, 0x2d, 0x2d, 0x2d,
  0x2e, 0x2e, 0x2e, 0x2e, 0x2e, 0x2e, 0x2e, 0x2e, 0x2e, 0x2e, 0x2e, 0x2e, 0x2e, 0x2e, 0x2e, 0x2e,
  0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40,
], 16);

/** Keys and string values the last scanJson scanned (memoised keys not counted). */
export function scanJsonValues(): u32 { return valuesScanned; }
/** Their bytes, summed. */
export function scanJsonBytes(): u32 { return bytesScanned; }
/** The longest of them: what the decode buffers may hold until the next wipe. */
export function scanJsonLongest(): u32 { return longestValue; }

/**
 * The first min(n, 8) bytes at `p` as a u64, zero above them. `room`: the bytes readable at `p`
 * (the rest of the document; a string's closing quote is in it, so room > n).
 */
// @ts-ignore: decorator
@inline function memoTag(p: usize, n: u32, room: u32): u64 {
  if (n >= 8) return load<u64>(p);
  if (room >= 8) return load<u64>(p) & ((<u64>1 << (<u64>n << 3)) - 1);
  let t: u64 = 0;
  for (let i: u32 = 0; i < n; i++) t |= <u64>load<u8>(p + i) << (<u64>i << 3);
  return t;
}

// @ts-ignore: decorator
@inline function memoIs(input: usize, at: u32, start: u32, n: u32, tag: u64): bool {
  const e = MEMO + (<usize>at * MEMO_ENTRY);
  return load<u32>(e, 4) == n && load<u64>(e, 8) == tag && (n <= 8 || memory.compare(input + load<u32>(e) + 8, input + start + 8, n - 8) == 0);
}

/** Is the key a filled entry? (Entries are distinct: a key is added only when it is none of them, so the order they are compared in changes nothing but the cost.) */
// @ts-ignore: decorator
@inline function memoHas(input: usize, start: u32, n: u32, tag: u64): bool {
  if ((memoSeen & memoBit(n, tag)) == 0) return false;
  const used = memoUsed;
  if (memoPrev < used) {
    const guess = <u32>load<u8>(MEMO_NEXT + memoPrev);
    if (guess < used && memoIs(input, guess, start, n, tag)) { memoLast = guess; memoPrev = guess; return true; }
  }
  let at = memoLast;
  for (let k: u32 = 0; k < used; k++) {
    at = at + 1 < used ? at + 1 : 0;
    if (!memoIs(input, at, start, n, tag)) continue;
    memoLast = at;
    if (memoPrev < MEMO_SIZE) store<u8>(MEMO_NEXT + memoPrev, <u8>at);
    memoPrev = at;
    return true;
  }
  return false;
}

function memoAdd(start: u32, n: u32, tag: u64): void {
  if (memoPrev < MEMO_SIZE) store<u8>(MEMO_NEXT + memoPrev, <u8>memoNext);
  memoPrev = memoNext;
  memoSeen |= memoBit(n, tag);
  const e = MEMO + (<usize>memoNext * MEMO_ENTRY);
  store<u32>(e, start);
  store<u32>(e, n, 4);
  store<u64>(e, tag, 8);
  memoNext = (memoNext + 1) & (MEMO_SIZE - 1);
  if (memoUsed < MEMO_SIZE) memoUsed++;
}

const QUOTE_BACKSLASH: usize = memory.data<u8>([
  0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22,
  0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c,
], 16);

/** Index of the '"' that closes a string whose text starts at `from`, or `len` when it does not close. */
function stringEnd(input: usize, from: u32, len: u32): u32 {
  let i = from;
  while (i < len) {
    // 16 bytes at a time while none of them is a quote or a backslash (only within the input)
    while (i + 16 <= len) {
      const v = v128.load(input + i);
      // (constants loaded from memory: the engine builds a splatted constant anew in each iteration)
      const quote = v128.load(QUOTE_BACKSLASH), backslash = v128.load(QUOTE_BACKSLASH, 16);
      const hit = i8x16.bitmask(v128.or(i8x16.eq(v, quote), i8x16.eq(v, backslash)));
      if (hit != 0) { i += <u32>ctz(hit); break; }
      i += 16;
    }
    if (i >= len) break;
    const b = load<u8>(input + i);
    if (b == 0x22) return i;
    i += b == 0x5c ? 2 : 1;
  }
  return len;
}

/**
 * Walk the JSON document of `len` bytes at `input` and scan each key and string value (its
 * raw text, escapes included, in the json-escaped context) with `st` and `scratch`. Returns
 * JSON_CLEAN, JSON_FLAGGED (the flagged value's findings are in `st`) or JSON_NOT_WHOLE.
 */
export function scanJson(st: usize, scratch: usize, input: usize, len: u32, paranoia: u32, limit: u32): i32 {
  valuesScanned = 0; bytesScanned = 0; longestValue = 0;
  memoNext = 0; memoUsed = 0; memoLast = 0; memoPrev = MEMO_SIZE; memoSeen = 0;
  let depth: u32 = 0;
  let sawRoot = false;
  let i: u32 = 0;
  while (i < len) {
    const kind = <u32>load<u8>(OUTSIDE + <usize>load<u8>(input + i));
    if (kind == J_SKIP) { i++; continue; }
    if (kind == J_SCALAR) { sawRoot = true; i++; continue; }
    if (kind == J_QUOTE) {
      const top = <u32>load<u8>(FRAMES + depth - 1);
      // (an array's frame may have F_EXPECT_KEY too: see J_COMMA)
      const isKey = (top & (F_ARRAY | F_EXPECT_KEY)) == F_EXPECT_KEY;
      sawRoot = true;
      const start = i + 1;
      const end = stringEnd(input, start, len);
      if (end == len) return JSON_NOT_WHOLE;
      const n = end - start;
      const memo = isKey && n <= MEMO_MAX_BYTES;
      const tag = memo ? memoTag(input + start, n, len - start) : 0;
      // (the frame's update and memoAdd come before the scan, so that less is live across its call:
      // a flagged value ends the walk, and the next walk starts with an empty memo)
      if (isKey) store<u8>(FRAMES + depth - 1, <u8>(top & ~F_EXPECT_KEY));
      if (!(memo && memoHas(input, start, n, tag))) {
        if (n > longestValue) longestValue = n; // (first: a flagged value's decoded text needs the wipe too)
        if (memo) memoAdd(start, n, tag);
        if (!(n <= limit && quietWords(input + start, n, len - start)) && scanOnce(st, scratch, input + start, n, CTX_JSON_ESCAPED, paranoia, limit) != 0) return JSON_FLAGGED;
        valuesScanned++;
        bytesScanned += n;
      }
      i = end + 1;
      continue;
    }
    if (kind == J_OPEN) {
      if (depth >= MAX_DEPTH) return JSON_NOT_WHOLE;
      store<u8>(FRAMES + depth, load<u8>(input + i) == 0x5b ? F_ARRAY : F_EXPECT_KEY);
      depth++;
      sawRoot = true;
    } else if (kind == J_CLOSE) {
      if (depth == 0 || ((<u32>load<u8>(FRAMES + depth - 1) & F_ARRAY) != 0) != (load<u8>(input + i) == 0x5d)) return JSON_NOT_WHOLE;
      depth--;
    } else if (kind == J_COMMA) {
      if (depth == 0) return JSON_NOT_WHOLE;
      // (in an array too, where it changes nothing: a string there is no key whatever the bit)
      store<u8>(FRAMES + depth - 1, load<u8>(FRAMES + depth - 1) | F_EXPECT_KEY);
    } else return JSON_NOT_WHOLE; // not JSON outside a string
    i++;
  }
  return depth == 0 && sawRoot ? JSON_CLEAN : JSON_NOT_WHOLE;
}
