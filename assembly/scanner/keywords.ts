// Keyword dictionary lookup: the lexer hashes each word once (FNV-1a) and every detector
// tests the 64-bit class mask of the entry. Tables come from rules/keywords.json.
import {
  KW_MASK, KW_SLOT_HASH, KW_SLOT_IDX, KW_FLAGS_LO, KW_FLAGS_HI, KW_OFF, KW_LEN, KW_BYTES, KW_MAX_WORD,
  K_SQL_UNION, K_SQL_SELECT, K_SQL_FROM, K_SQL_WHERE, K_SQL_LOGIC, K_SQL_ORDER, K_SQL_INSERT, K_SQL_UPDATE, K_SQL_DELETE, K_SQL_DDL, K_SQL_DANGER,
} from "./generated/tables";

export const FNV_OFFSET: u32 = 0x811c9dc5;
export const FNV_PRIME: u32 = 0x01000193;

/** The classes sqli.ts's doubled() looks for (its DOUBLED, asserted equal there). */
export const KW_DOUBLED: u64 = K_SQL_UNION | K_SQL_SELECT | K_SQL_FROM | K_SQL_WHERE | K_SQL_LOGIC | K_SQL_ORDER | K_SQL_INSERT |
  K_SQL_UPDATE | K_SQL_DELETE | K_SQL_DDL | K_SQL_DANGER;
// Per first byte, bit n set when a keyword of KW_DOUBLED's classes is n bytes long and starts with that byte (n <= KW_MAX_WORD < 64).
// Built at start-up from the table (with KW_FILTER, below).
const DOUBLE_FIRST: usize = memory.data(256 * 8, 8);
/**
 * The lengths (bit n: n bytes) of the keywords of KW_DOUBLED's classes that start with byte `first`. sqli.ts's doubled()
 * finds such a keyword k inside a word of 2|k| bytes that starts with k's first byte (scanner.ts's ordinary words).
 */
export function doubledKeywordLengths(first: u32): u64 {
  return load<u64>(DOUBLE_FIRST + (<usize>first << 3));
}

// A look at a word's hash before the probe: one byte per value of the hash's top 15 bits, nonzero
// for a keyword's (the table's slot is bits 0-11, a third of them taken: a plain word often lands on a
// taken slot and probes; about 1 in 25 of them passes this filter, at the cost of the slot's test).
// Built at start-up from the table's own hashes.
const FILTER_SHIFT: u32 = 17; // 32 - 15: the index needs no mask
const KW_FILTER: usize = memory.data(1 << (32 - FILTER_SHIFT), 16);
for (let slot: u32 = 0; slot <= KW_MASK; slot++) {
  const idx = <u32>load<u16>(KW_SLOT_IDX + (<usize>slot << 1));
  if (idx == 0) continue;
  store<u8>(KW_FILTER + <usize>(load<u32>(KW_SLOT_HASH + (<usize>slot << 2)) >> FILTER_SHIFT), 1);
  const k = idx - 1;
  if ((((<u64>load<u32>(KW_FLAGS_HI + (<usize>k << 2)) << 32) | <u64>load<u32>(KW_FLAGS_LO + (<usize>k << 2))) & KW_DOUBLED) != 0) {
    const at = DOUBLE_FIRST + (<usize>load<u8>(KW_BYTES + <usize>load<u16>(KW_OFF + (<usize>k << 1))) << 3);
    store<u64>(at, load<u64>(at) | (<u64>1 << <u64>load<u8>(KW_LEN + k)));
  }
}
/** May the word of FNV-1a hash `h` be a keyword? (false: it is none) */
// @ts-ignore: decorator
@inline export function mayBeKeyword(h: u32): bool {
  return load<u8>(KW_FILTER + <usize>(h >> FILTER_SHIFT)) != 0;
}

/** Class mask of the `len` bytes at `p` (hashed here), or 0: for words the lexer did not hash itself. */
export function flagsOfBytes(p: usize, len: u32): u64 {
  let h = FNV_OFFSET;
  for (let i: u32 = 0; i < len; i++) h = (h ^ <u32>load<u8>(p + i)) * FNV_PRIME;
  return len == 0 || len > KW_MAX_WORD || !mayBeKeyword(h) ? 0 : keywordProbe(h, p, len, false);
}

/**
 * Class mask of the lexer's word (its first bytes at `word`, the lexer's buffer in the state block,
 * which has 8 bytes or more readable past any word it holds), or 0 when it is no keyword. (Inlined:
 * most words that are no keyword end at the filter, without a call; the probe goes on in keywordProbe.)
 */
// @ts-ignore: decorator
@inline export function keywordFlags(hash: u32, word: usize, len: u32): u64 {
  return len == 0 || len > KW_MAX_WORD || !mayBeKeyword(hash) ? 0 : keywordProbe(hash, word, len, true);
}

/**
 * Are the `len` bytes at `a` and `b` the same? 8 at a time: reads up to 7 bytes past both (`a` the
 * lexer's buffer, `b` the keyword bytes table, both with data after them), masked out.
 */
// @ts-ignore: decorator
@inline function sameWide(a: usize, b: usize, len: u32): bool {
  let i: u32 = 0;
  for (; i + 8 <= len; i += 8) if (load<u64>(a + i) != load<u64>(b + i)) return false;
  return i == len || ((load<u64>(a + i) ^ load<u64>(b + i)) & ((<u64>1 << (<u64>(len - i) << 3)) - 1)) == 0;
}

/** `wide`: the word is the lexer's (see keywordFlags), compared 8 bytes at a time. */
function keywordProbe(hash: u32, word: usize, len: u32, wide: bool): u64 {
  let slot = hash & KW_MASK;
  while (true) {
    const idx = <u32>load<u16>(KW_SLOT_IDX + (<usize>slot << 1));
    if (idx == 0) return 0;
    if (load<u32>(KW_SLOT_HASH + (<usize>slot << 2)) == hash) {
      const k = idx - 1;
      if (<u32>load<u8>(KW_LEN + k) == len) {
        const bytes = KW_BYTES + <usize>load<u16>(KW_OFF + (<usize>k << 1));
        if (wide ? sameWide(word, bytes, len) : memory.compare(bytes, word, len) == 0) {
          return (<u64>load<u32>(KW_FLAGS_HI + (<usize>k << 2)) << 32) | <u64>load<u32>(KW_FLAGS_LO + (<usize>k << 2));
        }
      }
    }
    slot = (slot + 1) & KW_MASK;
  }
  return 0;
}

/**
 * Is the folded word of `len` bytes (at most KW_MAX_WORD) at `w`, FNV-1a hash `hash`, a keyword? The lexer's own answer
 * (keywordFlags != 0) for a word it would hold: the filter, then the probe only for the words it lets through. `w` has
 * 8 bytes or more readable past the word (the probe compares 8 at a time). For the quiet tests (quietWords, quietPath),
 * which the filter alone refuses a word in 25 that is none.
 */
export function isKeyword(hash: u32, w: usize, len: u32): bool {
  return mayBeKeyword(hash) && keywordProbe(hash, w, len, true) != 0;
}

/** Are the `len` word bytes at `w` all decimal digits (12, LIST 1)? */
export function digitsOnly(w: usize, len: u32): bool {
  for (let i: u32 = 0; i < len; i++) if (<u32>load<u8>(w + i) - 0x30 >= 10) return false;
  return true;
}

/**
 * Are the word bytes at `w` all letters (lowercased: a-z)? Only the first KW_MAX_WORD of a word's
 * `len` bytes are stored: a longer word is judged by them.
 */
export function lettersOnly(w: usize, len: u32): bool {
  const n = len < KW_MAX_WORD ? len : KW_MAX_WORD;
  for (let i: u32 = 0; i < n; i++) if (<u32>load<u8>(w + i) - 0x61 >= 26) return false;
  return true;
}

/**
 * Are the `len` (lowercased) word bytes at `w` exactly `s`? For the few words a grammar names outside the classes.
 * Call it with a string literal: the build's asc transform (scripts/asc-word-literals.mjs) adds the literal's length
 * `n` and bytes as constants, `lo` its first 8 and `hi` (longer than 8) its last 8, and the inlined comparison is
 * the length and one or two loads of the word's bytes, all within [w, w + n), instead of a byte loop that reloads
 * the string's length from memory (a literal over 16 bytes takes that loop once the length matches; one the
 * transform leaves, or a build without it, takes it at once: the same answer).
 */
// @ts-ignore: decorator
@inline export function wordIs(w: usize, len: u32, s: string, n: u32 = 0xffffffff, lo: u64 = 0, hi: u64 = 0): bool {
  if (n != 0xffffffff) {
    if (len != n) return false;
    if (n > 16) return wordIsSlow(w, len, s);
    // (overlapping loads for 3, 5-7 and 9-15 bytes: the second ends at the word's last byte)
    if (n == 1) return <u64>load<u8>(w) == lo;
    if (n == 2) return <u64>load<u16>(w) == lo;
    if (n == 3) return <u64>load<u16>(w) == (lo & 0xffff) && <u64>load<u16>(w + 1) == (lo >> 8);
    if (n == 4) return <u64>load<u32>(w) == lo;
    if (n < 8) return <u64>load<u32>(w) == (lo & 0xffffffff) && <u64>load<u32>(w + n - 4) == (lo >> ((<u64>n - 4) << 3));
    if (n == 8) return load<u64>(w) == lo;
    return load<u64>(w) == lo && load<u64>(w + n - 8) == hi;
  }
  return wordIsSlow(w, len, s);
}

/** wordIs without the transform's constants: byte by byte. */
function wordIsSlow(w: usize, len: u32, s: string): bool {
  if (len != <u32>s.length) return false;
  for (let i: u32 = 0; i < len; i++) if (<u32>load<u8>(w + i) != <u32>s.charCodeAt(i)) return false;
  return true;
}
