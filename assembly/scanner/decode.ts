// Decoding and normalisation stages. Each stage reads a buffer (with a u32 original-offset
// per byte) and writes a shorter-or-equal buffer with its own offset array, so a finding
// in normalised text maps back to the original input span. A stage never looks past its
// input: when the input ends inside a possible escape and more input may follow, the tail
// is carried (bytes and offsets) into the stage state and prepended to the next chunk.
// Stages: [0] percent (+ as space where the context says so; IIS's invalid-hex overlong pairs,
// %c0%9v), [1] percent again (bounded double decoding; a %25XX left by a third layer is decoded
// with it), [2] HTML entities, JS escapes, overlong UTF-8, full-width ASCII,
// NUL removal, ASCII case folding, whitespace-run folding; CSS hex escapes outside paths.
import { g32, s32, report, ST_CONTEXT, CTX_PATH, CTX_JSON_ESCAPED, ST_STAGES, STAGE_BYTES, ST_SSJS, SSJS_BYTES } from "./state";
import { R_PATH_OVERLONG_UTF8, R_PATH_NULL_BYTE } from "./generated/tables";

export const SG_CARRY_LEN: u32 = 0;
export const SG_PREV: u32 = 4;
export const SG_CARRY: u32 = 8;       // up to MAX_CARRY bytes
export const SG_CARRY_OFF: u32 = 48;  // up to MAX_CARRY u32 offsets
export const MAX_CARRY: u32 = 36;
// Bytes 44-47 (between the carried bytes and their offsets) are spare: a percent stage keeps "the
// last '%' was dropped" there; the markup stage keeps bit 0 "a JS octal '<' was decoded" (octalMarkup)
// and above it 1 + the original offset of a NUL it dropped after the last byte it wrote (0: none).
export const SG_PCT_RUN: u32 = 44;
export const SG_MARK: u32 = 44;
const MARK_OCTAL: u32 = 1;

/**
 * At the end of a scan: 1 + the original offset of a NUL the value ends in (nothing but dropped NULs,
 * or folded whitespace, after it), or 0. A C-string driver ends the query there: admin'%00 is admin'--.
 */
export function valueEndNul(st: usize): u32 {
  return g32(st + ST_STAGES + 2 * STAGE_BYTES, SG_MARK) >> 1;
}

// @ts-ignore: decorator
@inline function hexVal(c: u32): i32 {
  if (c - 0x30 < 10) return <i32>(c - 0x30);
  const l = c | 0x20;
  if (l - 0x61 < 6) return <i32>(l - 0x61 + 10);
  return -1;
}

/** Move the carried tail of the previous chunk in front of `buf`/`off` (which have room). */
export function prependCarry(sg: usize, buf: usize, off: usize): u32 {
  const cl = g32(sg, SG_CARRY_LEN);
  if (cl != 0) {
    memory.copy(buf - cl, sg + SG_CARRY, cl);
    memory.copy(off - (<usize>cl << 2), sg + SG_CARRY_OFF, <usize>cl << 2);
    s32(sg, SG_CARRY_LEN, 0);
  }
  return cl;
}

function saveCarry(sg: usize, buf: usize, off: usize, from: u32, n: u32): void {
  const cl = n - from;
  memory.copy(sg + SG_CARRY, buf + from, cl);
  memory.copy(sg + SG_CARRY_OFF, off + (<usize>from << 2), <usize>cl << 2);
  s32(sg, SG_CARRY_LEN, cl);
}

/**
 * %XX and %uXXXX decoding (and `+` as space when `plus`). Returns the output length and
 * writes the sentinel offset after the last output byte.
 */
export function percentStage(sg: usize, inp: usize, inOff: usize, n: u32, out: usize, outOff: usize, final: bool, plus: bool, nested: bool = false): u32 {
  let i: u32 = 0;
  let o: u32 = 0;
  // ASP's percent run (sqlmap's tamper 'percentage', %S%E%L%E%C%T): the index where the next '%'
  // continues a run of dropped ones (0 with the flag carried from the previous chunk), or none.
  let runAt: u32 = g32(sg, SG_PCT_RUN) != 0 ? 0 : 0xffffffff;
  while (i < n) {
    const b = <u32>load<u8>(inp + i);
    if (b == 0x25) {
      if (!final && i + 6 > n) {
        // A possible escape is cut by the chunk end: carry it (at most 5 bytes; a '%' and the four
        // bytes after it decide a percent run).
        const nx = i + 1 < n ? <u32>load<u8>(inp + i + 1) : 0x75;
        // (and a lead byte whose continuation escape is cut: %c0%9v needs six bytes, see iisOverlong)
        if ((nx | 0x20) == 0x75 || i + 5 > n || iisLead(iisEscape(inp, i, n))) { saveCarry(sg, inp, inOff, i, n); break; }
      }
      if (i + 5 < n) {
        // %c0%9v  %bg%qf  — an overlong separator with an invalid hex digit in it, the way IIS reads them
        const pair = iisOverlong(inp, i, n);
        if (pair >= 0) {
          const at = load<u32>(inOff + (<usize>i << 2));
          store<u8>(out + o, <u8>(pair >> 8)); store<u32>(outOff + (<usize>o << 2), at);
          store<u8>(out + o + 1, <u8>pair); store<u32>(outOff + (<usize>(o + 1) << 2), load<u32>(inOff + (<usize>(i + 3) << 2)));
          o += 2; i += 6; continue;
        }
      }
      if (i + 2 < n) {
        const h1 = hexVal(<u32>load<u8>(inp + i + 1));
        const h2 = hexVal(<u32>load<u8>(inp + i + 2));
        // %25XX on the second pass: a third layer of encoding (%252527 is %2527 after the first pass, %27 after
        // the second). An application that decodes once more than the server does may decode twice more; the
        // escape it would leave is decoded here at once, so the bounded passes read what a triple decoder reads.
        if (nested && h1 == 2 && h2 == 5 && i + 4 < n) {
          const h3 = hexVal(<u32>load<u8>(inp + i + 3));
          const h4 = hexVal(<u32>load<u8>(inp + i + 4));
          if (h3 >= 0 && h4 >= 0) {
            store<u8>(out + o, <u8>((h3 << 4) | h4));
            store<u32>(outOff + (<usize>o << 2), load<u32>(inOff + (<usize>i << 2)));
            o++; i += 5; continue;
          }
        }
        if (h1 >= 0 && h2 >= 0) {
          store<u8>(out + o, <u8>((h1 << 4) | h2));
          store<u32>(outOff + (<usize>o << 2), load<u32>(inOff + (<usize>i << 2)));
          o++; i += 3; continue;
        }
      }
      if (i + 5 < n && (<u32>load<u8>(inp + i + 1) | 0x20) == 0x75) {
        const a = hexVal(<u32>load<u8>(inp + i + 2)), c = hexVal(<u32>load<u8>(inp + i + 3));
        const d = hexVal(<u32>load<u8>(inp + i + 4)), e = hexVal(<u32>load<u8>(inp + i + 5));
        if ((a | c | d | e) >= 0) {
          let cp = <u32>((a << 12) | (c << 8) | (d << 4) | e);
          cp = foldFullWidth(cp); // full-width ASCII, slash look-alikes
          const at = load<u32>(inOff + (<usize>i << 2));
          o = emitUtf8(out, outOff, o, cp, at);
          i += 6; continue;
        }
      }
      if (i + 1 < n && aspPercent(inp, i, n, i == runAt)) {
        // The '%' is dropped: the byte after it goes out in its place, spanning both (%S is 'S'). Were the
        // '%' only skipped, the span of whatever came before would end after it when the run is seen whole,
        // and before it when a chunk ends at the '%' (its end is where the next output byte starts).
        const x = <u32>load<u8>(inp + i + 1);
        store<u8>(out + o, <u8>(x == 0x2b && plus ? 0x20 : x));
        store<u32>(outOff + (<usize>o << 2), load<u32>(inOff + (<usize>i << 2)));
        runAt = i + 2;
        o++; i += 2; continue;
      }
      store<u8>(out + o, <u8>b);
    } else if (b == 0x2b && plus) {
      store<u8>(out + o, 0x20);
    } else {
      store<u8>(out + o, <u8>b);
    }
    store<u32>(outOff + (<usize>o << 2), load<u32>(inOff + (<usize>i << 2)));
    o++; i++;
  }
  const cl = g32(sg, SG_CARRY_LEN);
  // (a run's next '%' is never past the chunk: a dropped one had four bytes after it here)
  s32(sg, SG_PCT_RUN, cl != 0 && runAt == n - cl ? 1 : 0);
  store<u32>(outOff + (<usize>o << 2), cl != 0 ? load<u32>(sg + SG_CARRY_OFF) : load<u32>(inOff + (<usize>n << 2)));
  return o;
}

/**
 * The byte IIS makes of the escape at `i` (%XY, two ASCII letters or digits): a letter past 'f' counts on
 * ('g' is 16, 'v' is 31), and the sum wraps at 256, so %9v is 0xAF and %qf is 0x1AF, 0xAF. -1: no such escape.
 */
function iisEscape(inp: usize, i: u32, n: u32): i32 {
  if (i + 2 >= n) return -1;
  const a = iisDigit(<u32>load<u8>(inp + i + 1)), b = iisDigit(<u32>load<u8>(inp + i + 2));
  return a < 0 || b < 0 ? -1 : ((a << 4) + b) & 0xff;
}

// @ts-ignore: decorator
@inline function iisDigit(c: u32): i32 {
  if (c - 0x30 < 10) return <i32>(c - 0x30);
  const l = c | 0x20;
  return l - 0x61 < 26 ? <i32>(l - 0x61 + 10) : -1;
}

/** A lead byte of a two-byte overlong form (C0 C1): with a continuation byte it may spell '/' '\' '.'. */
// @ts-ignore: decorator
@inline function iisLead(v: i32): bool { return v == 0xc0 || v == 0xc1; }

/**
 * Two escapes at `i` that IIS decodes into an overlong UTF-8 pair (a C0/C1 lead and a continuation byte,
 * %c0%9v %c1%1g %bg%qf), at least one of them with an invalid hex digit (valid pairs are decoded as usual):
 * lead << 8 | continuation, or -1. The overlong stage then reads the pair ('/' '\' '.' in a traversal) and
 * reports it. Only such pairs: a lone invalid escape (%zz, 100%good) stays text.
 */
function iisOverlong(inp: usize, i: u32, n: u32): i32 {
  const a = iisEscape(inp, i, n);
  if (!iisLead(a) || load<u8>(inp + i + 3) != 0x25) return -1;
  const b = iisEscape(inp, i + 3, n);
  if (b < 0x80 || b > 0xbf) return -1;
  const valid = hexVal(<u32>load<u8>(inp + i + 1)) >= 0 && hexVal(<u32>load<u8>(inp + i + 2)) >= 0 &&
    hexVal(<u32>load<u8>(inp + i + 4)) >= 0 && hexVal(<u32>load<u8>(inp + i + 5)) >= 0;
  return valid ? -1 : (a << 8) | b;
}

/** A byte ASP's percent run may put a '%' before: printable ASCII other than '%'. */
// @ts-ignore: decorator
@inline function aspByte(c: u32): bool { return c - 0x21 < 0x5e && c != 0x25; }

/**
 * Is the '%' at `i` (no escape: %XX and %uXXXX were tried) one that ASP/IIS drops in a percent run?
 * ASP drops a '%' that no two hex digits follow; sqlmap's tamper 'percentage' puts one before every
 * character (%S%E%L%E%C%T). Dropping every such '%' would glue "50%off" and "100% sure" into other
 * words, so only runs: this '%' and a printable byte, and either the run goes on here (`inRun`) or
 * another such pair follows (%O%R, %1%=%1). "%s%s" or "%Y%m%d" become "ss" and "Ymd", still plain
 * text. A hex digit before an escape of a hex digit is IIS's nibble form (%2%65 is %2e after the first pass): kept.
 */
function aspPercent(inp: usize, i: u32, n: u32, inRun: bool): bool {
  const x = <u32>load<u8>(inp + i + 1);
  if (!aspByte(x)) return false;
  if (i + 3 < n && load<u8>(inp + i + 2) == 0x25) {
    const y = <u32>load<u8>(inp + i + 3);
    // (only when the escape after it is a hex digit: %D%20 is 'D' and a space in a run, %2%65 is %2e)
    if (hexVal(x) >= 0 && i + 4 < n && hexVal(y) >= 0 && hexVal(<u32>load<u8>(inp + i + 4)) >= 0 &&
        hexVal(<u32>((hexVal(y) << 4) | hexVal(<u32>load<u8>(inp + i + 4)))) >= 0) return false;
    return inRun || aspByte(y);
  }
  return inRun;
}

/** A decoded full-width ASCII code point (U+FF01..U+FF5E) or slash look-alike as its ASCII twin; others unchanged. */
// @ts-ignore: decorator
@inline function foldFullWidth(cp: u32): u32 {
  if (cp >= 0xff01 && cp <= 0xff5e) return cp - 0xfee0;
  // Slash look-alikes that Windows' best-fit mapping turns into path separators
  // (..%u2215..%u2215etc): DIVISION SLASH, FRACTION SLASH, SET MINUS.
  // (and %uEFC8 %uF025, the private-use forms dotdotpwn sends as '/' for IIS: no text has them where a path is read)
  if (cp == 0x2215 || cp == 0x2044 || cp == 0xefc8 || cp == 0xf025) return 0x2f;
  if (cp == 0x2216) return 0x5c;
  // Compatibility forms that NFKC (Python's unicodedata.normalize, Java's Normalizer, file APIs that normalise
  // names) turns into '\\': SMALL REVERSE SOLIDUS (full-width ones are above). Its dot forms are read in putDecoded and
  // markupStage, where the byte before them is known (see dotFormOpensSegment). The ellipsis (NFKC '...') is left
  // alone: '...' is an ordinary name to every file system, and the character is common in prose.
  if (cp == 0xfe68) return 0x5c;
  return cp;
}

/**
 * The original offset of the second '.' of a two-dot form that starts at `at` and ends at `end`: `next` (its second
 * byte's) when that is past `at`, else one past `at` (a %u2025 escape's bytes share one offset), so each dot spans a byte or more.
 */
// @ts-ignore: decorator
@inline function secondAt(at: u32, next: u32, end: u32): u32 { return next > at ? next : at + 1 < end ? at + 1 : at; }

/** TWO DOT LEADER and its vertical presentation form, which NFKC turns into '..', where they may climb. */
// @ts-ignore: decorator
@inline function twoDots(cp: u32): bool { return (cp == 0x2025 || cp == 0xfe30) && dotFormOpensSegment(); }

/** ONE DOT LEADER and SMALL FULL STOP, which NFKC turns into '.', where they may climb. */
// @ts-ignore: decorator
@inline function oneDot(cp: u32): bool { return (cp == 0x2024 || cp == 0xfe52) && dotFormOpensSegment(); }

/**
 * May a dot leader decoded here be read as NFKC's dots? Only where it can open a path segment: at the start, or after
 * punctuation or a space. Glued to a word it makes a name (a‥/b is the file a.. after NFKC), and Japanese and Chinese
 * text write ‥ as an ellipsis right after a word (そうですね‥): it stays a character there.
 */
// @ts-ignore: decorator
@inline function dotFormOpensSegment(): bool { return prevOut < 0x80 && !isAlnum(prevOut); }

/** Original offset of input position `j` (the end of the input when `j` is past it). */
// @ts-ignore: decorator
@inline function offsetAt(inOff: usize, j: u32, n: u32): u32 {
  return load<u32>(inOff + (<usize>(j < n ? j : n) << 2));
}

function emitUtf8(out: usize, outOff: usize, o: u32, cp: u32, at: u32): u32 {
  if (cp < 0x80) {
    store<u8>(out + o, <u8>cp); store<u32>(outOff + (<usize>o << 2), at); return o + 1;
  }
  if (cp < 0x800) {
    store<u8>(out + o, <u8>(0xc0 | (cp >> 6))); store<u32>(outOff + (<usize>o << 2), at);
    store<u8>(out + o + 1, <u8>(0x80 | (cp & 0x3f))); store<u32>(outOff + (<usize>(o + 1) << 2), at);
    return o + 2;
  }
  if (cp > 0xffff) cp = 0xfffd;
  store<u8>(out + o, <u8>(0xe0 | (cp >> 12))); store<u32>(outOff + (<usize>o << 2), at);
  store<u8>(out + o + 1, <u8>(0x80 | ((cp >> 6) & 0x3f))); store<u32>(outOff + (<usize>(o + 1) << 2), at);
  store<u8>(out + o + 2, <u8>(0x80 | (cp & 0x3f))); store<u32>(outOff + (<usize>(o + 2) << 2), at);
  return o + 3;
}

// Named HTML entities worth decoding for detection: [len, name..., value] ..., 0.
const ENTITIES: usize = memory.data<u8>([
  2, 0x6c, 0x74, 0x3c, /* lt < */ 2, 0x67, 0x74, 0x3e, /* gt > */ 3, 0x61, 0x6d, 0x70, 0x26, /* amp */
  4, 0x71, 0x75, 0x6f, 0x74, 0x22, /* quot */ 4, 0x61, 0x70, 0x6f, 0x73, 0x27, /* apos */
  4, 0x6e, 0x62, 0x73, 0x70, 0x20, /* nbsp */ 3, 0x74, 0x61, 0x62, 0x09, /* tab */
  7, 0x6e, 0x65, 0x77, 0x6c, 0x69, 0x6e, 0x65, 0x0a, /* newline */ 5, 0x63, 0x6f, 0x6c, 0x6f, 0x6e, 0x3a, /* colon */
  3, 0x73, 0x6f, 0x6c, 0x2f, /* sol */ 4, 0x62, 0x73, 0x6f, 0x6c, 0x5c, /* bsol */
  4, 0x6c, 0x70, 0x61, 0x72, 0x28, /* lpar */ 4, 0x72, 0x70, 0x61, 0x72, 0x29, /* rpar */
  4, 0x73, 0x65, 0x6d, 0x69, 0x3b, /* semi */ 6, 0x65, 0x71, 0x75, 0x61, 0x6c, 0x73, 0x3d, /* equals */
  6, 0x70, 0x65, 0x72, 0x69, 0x6f, 0x64, 0x2e, /* period */ 5, 0x63, 0x6f, 0x6d, 0x6d, 0x61, 0x2c, /* comma */
  4, 0x65, 0x78, 0x63, 0x6c, 0x21, /* excl */ 3, 0x6e, 0x75, 0x6d, 0x23, /* num */
  6, 0x64, 0x6f, 0x6c, 0x6c, 0x61, 0x72, 0x24, /* dollar */ 7, 0x70, 0x65, 0x72, 0x63, 0x65, 0x6e, 0x74, 0x25, /* percent */
  4, 0x70, 0x6c, 0x75, 0x73, 0x2b, /* plus */ 5, 0x67, 0x72, 0x61, 0x76, 0x65, 0x60, /* grave */
  4, 0x6c, 0x73, 0x71, 0x62, 0x5b, /* lsqb */ 4, 0x72, 0x73, 0x71, 0x62, 0x5d, /* rsqb */
  4, 0x6c, 0x63, 0x75, 0x62, 0x7b, /* lcub */ 4, 0x72, 0x63, 0x75, 0x62, 0x7d, /* rcub */
  6, 0x76, 0x65, 0x72, 0x62, 0x61, 0x72, 0x7c, /* verbar */ 5, 0x71, 0x75, 0x65, 0x73, 0x74, 0x3f, /* quest */
  3, 0x61, 0x73, 0x74, 0x2a, /* ast */ 6, 0x63, 0x6f, 0x6d, 0x6d, 0x61, 0x74, 0x40, /* commat */
  3, 0x68, 0x61, 0x74, 0x5e, /* hat */ 6, 0x6c, 0x6f, 0x77, 0x62, 0x61, 0x72, 0x5f, /* lowbar */
  6, 0x68, 0x79, 0x70, 0x68, 0x65, 0x6e, 0x2d, /* hyphen */ 4, 0x64, 0x61, 0x73, 0x68, 0x2d, /* dash */
  0,
]);

// Common named entities for characters outside ASCII: [len, name..., code point high, low] ..., 0.
// Decoded only when ';' ends them (&copy; &reg;): a complete reference is a character to a
// browser, and "Acme&reg; 2024" must not read as '&' and the command "reg"; without the ';'
// ("&reg query ...") the '&' stays, as it does for a shell.
const TEXT_ENTITIES: usize = memory.data<u8>([
  4, 0x63, 0x6f, 0x70, 0x79, 0x0, 0xa9, /* copy */ 3, 0x72, 0x65, 0x67, 0x0, 0xae, /* reg */ 5, 0x74, 0x72, 0x61, 0x64, 0x65, 0x21, 0x22, /* trade */
  5, 0x74, 0x69, 0x6d, 0x65, 0x73, 0x0, 0xd7, /* times */ 6, 0x64, 0x69, 0x76, 0x69, 0x64, 0x65, 0x0, 0xf7, /* divide */ 3, 0x64, 0x65, 0x67, 0x0, 0xb0, /* deg */
  6, 0x6d, 0x69, 0x64, 0x64, 0x6f, 0x74, 0x0, 0xb7, /* middot */ 4, 0x62, 0x75, 0x6c, 0x6c, 0x20, 0x22, /* bull */ 6, 0x68, 0x65, 0x6c, 0x6c, 0x69, 0x70, 0x20, 0x26, /* hellip */
  5, 0x6d, 0x64, 0x61, 0x73, 0x68, 0x20, 0x14, /* mdash */ 5, 0x6e, 0x64, 0x61, 0x73, 0x68, 0x20, 0x13, /* ndash */ 5, 0x6c, 0x61, 0x71, 0x75, 0x6f, 0x0, 0xab, /* laquo */
  5, 0x72, 0x61, 0x71, 0x75, 0x6f, 0x0, 0xbb, /* raquo */ 5, 0x6c, 0x73, 0x71, 0x75, 0x6f, 0x20, 0x18, /* lsquo */ 5, 0x72, 0x73, 0x71, 0x75, 0x6f, 0x20, 0x19, /* rsquo */
  5, 0x6c, 0x64, 0x71, 0x75, 0x6f, 0x20, 0x1c, /* ldquo */ 5, 0x72, 0x64, 0x71, 0x75, 0x6f, 0x20, 0x1d, /* rdquo */ 4, 0x65, 0x75, 0x72, 0x6f, 0x20, 0xac, /* euro */
  5, 0x70, 0x6f, 0x75, 0x6e, 0x64, 0x0, 0xa3, /* pound */ 3, 0x79, 0x65, 0x6e, 0x0, 0xa5, /* yen */ 4, 0x63, 0x65, 0x6e, 0x74, 0x0, 0xa2, /* cent */
  4, 0x73, 0x65, 0x63, 0x74, 0x0, 0xa7, /* sect */ 4, 0x70, 0x61, 0x72, 0x61, 0x0, 0xb6, /* para */ 5, 0x6d, 0x69, 0x63, 0x72, 0x6f, 0x0, 0xb5, /* micro */
  6, 0x70, 0x6c, 0x75, 0x73, 0x6d, 0x6e, 0x0, 0xb1, /* plusmn */ 3, 0x73, 0x68, 0x79, 0x0, 0xad, /* shy */
  0,
]);

/**
 * Address of the value of the entry named by the `len` bytes at `p` (ASCII-case-insensitive) in
 * an entity table whose values take `valueBytes` bytes, or 0.
 */
function findEntity(table: usize, p: usize, len: u32, valueBytes: u32): usize {
  let e = table;
  while (true) {
    const l = <u32>load<u8>(e);
    if (l == 0) return 0;
    if (l == len) {
      let k: u32 = 0;
      while (k < l && (<u32>load<u8>(p + k) | 0x20) == <u32>load<u8>(e + 1 + k)) k++;
      if (k == l) return e + 1 + l;
    }
    e += l + 1 + valueBytes;
  }
  return 0;
}

/** Code point of the text entity named at `p` (length `len`), or -1. */
function textEntity(p: usize, len: u32): i32 {
  const v = findEntity(TEXT_ENTITIES, p, len, 2);
  return v == 0 ? -1 : <i32>((<u32>load<u8>(v) << 8) | <u32>load<u8>(v + 1));
}

/** Value of the named entity name at `p` (length `len`, matched ASCII-case-insensitively), or -1. */
function namedEntity(p: usize, len: u32): i32 {
  const v = findEntity(ENTITIES, p, len, 1);
  return v == 0 ? -1 : <i32>load<u8>(v);
}

// @ts-ignore: decorator
@inline function isAlnum(c: u32): bool { return (c - 0x30 < 10) || ((c | 0x20) - 0x61 < 26); }

// The previous output byte of the markup stage, kept in a global while the stage runs
// (loaded from and saved to the stage state around each chunk).
let prevOut: u32 = 0;

// End of the digits hexRun read (an out-parameter, like prevOut).
let hexEnd: u32 = 0;

/** Value of up to `max` hex digits from `from` (stopping at the first other byte or at n); hexEnd is after them. */
function hexRun(inp: usize, from: u32, n: u32, max: u32): u32 {
  let v: u32 = 0;
  let q = from;
  while (q < n && q - from < max) {
    const d = hexVal(<u32>load<u8>(inp + q));
    if (d < 0) break;
    v = (v << 4) | <u32>d;
    q++;
  }
  hexEnd = q;
  return v;
}

/** A NUL is dropped: reported, and remembered in case the value ends in it (valueEndNul). */
function dropNul(st: usize, sg: usize, at: u32, end: u32): void {
  report(st, R_PATH_NULL_BYTE, at, end);
  s32(sg, SG_MARK, (g32(sg, SG_MARK) & MARK_OCTAL) | ((at + 1) << 1));
}

// Tabs folded to spaces. A browser drops tab, CR and LF from a URL before reading its scheme, never a space (nor a
// vertical tab or form feed), so java<TAB>script: is javascript: and "java script:" no scheme at all; the folding
// (put) makes both one space, so the markup stage notes where each tab went out: the original offset of every tab
// it wrote as a space in the chunk being decoded and lexed (TABS, in order; past TAB_CAP of them every space may be
// one). The lexer holds a chunk's last byte back for the next chunk: TAB_BITS (a spare byte of the ssjs region,
// zeroed with it) keeps whether the last byte written so far was a folded tab (TB_LAST_TAB), and TB_ON says the
// markup stage ran in this scan at all (a plain value never reaches it, and holds no tab). Read by foldedTab.
const TAB_BITS: u32 = ST_SSJS + 55;
const TB_ON: u32 = 1;
const TB_LAST_TAB: u32 = 2;
const TAB_CAP: u32 = 1024;
const TABS: usize = memory.data(TAB_CAP << 2);
// @ts-ignore
assert(TAB_BITS < ST_SSJS + SSJS_BYTES);
// (the chunk's: set by markupStage, read while its output is lexed, as prevOut is by the stage)
let tabCount: u32 = 0;
let heldTab = false;              // the byte held from the chunk before was a folded tab
let firstAt: u32 = 0;             // the original offset of this chunk's first byte out (any byte lexed before it is the held one)

/** A tab at original offset `at` goes out as a space (see TABS). */
function tabAt(at: u32): void {
  if (tabCount < TAB_CAP) store<u32>(TABS + (<usize>tabCount << 2), at);
  tabCount++; // (past TAB_CAP: foldedTab answers yes for every space)
}

/**
 * Was the space the lexer reads at original offset `off` a tab before folding (see TABS)? Only asked while the chunk
 * whose decoding wrote it (or, for the lexer's held byte, the next one) is lexed; past TAB_CAP tabs in the chunk, yes.
 */
export function foldedTab(st: usize, off: u32): bool {
  if ((<u32>load<u8>(st + TAB_BITS) & TB_ON) == 0) return false;
  if (off < firstAt) return heldTab;
  if (tabCount > TAB_CAP) return true;
  let lo: u32 = 0, hi = tabCount;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = load<u32>(TABS + (<usize>mid << 2));
    if (v == off) return true;
    if (v < off) lo = mid + 1; else hi = mid;
  }
  return false;
}

/** At the end of markupStage: whether its last byte out (the lexer may hold it for the next chunk) was a folded tab. */
function tabsEnd(st: usize, outOff: usize, o: u32): void {
  let bits = <u32>load<u8>(st + TAB_BITS) | TB_ON;
  if (o != 0) {
    const lastAt = load<u32>(outOff + (<usize>(o - 1) << 2));
    const last = tabCount > TAB_CAP || (tabCount != 0 && load<u32>(TABS + (<usize>(tabCount - 1) << 2)) == lastAt);
    bits = last ? bits | TB_LAST_TAB : bits & ~TB_LAST_TAB;
    firstAt = load<u32>(outOff);
  } else firstAt = 0xffffffff;
  store<u8>(st + TAB_BITS, <u8>bits);
}

/** Emit one character after escape decoding: fold case, drop NUL, fold whitespace runs. */
// @ts-ignore: decorator
@inline function put(st: usize, sg: usize, out: usize, outOff: usize, o: u32, c: u32, at: u32, end: u32): u32 {
  if (c - 0x41 < 26) c |= 0x20;
  else if (c == 0) { dropNul(st, sg, at, end); return o; }
  else if (c == 0x09 || c == 0x0b || c == 0x0c) {
    if (prevOut == 0x20 || prevOut == 0x0a || prevOut == 0x0d) return o; // (folded into the run, as a space is below)
    if (c == 0x09) tabAt(at);
    c = 0x20;
  }
  else if (c == 0x0a && prevOut == 0x0d) { prevOut = 0x0a; return o; } // CR LF: one line end
  if (c == 0x20 && (prevOut == 0x20 || prevOut == 0x0a || prevOut == 0x0d)) return o;
  // A CR ends a line as LF does, to JavaScript (alert(1)<CR>x is two statements) and to the
  // text after it; it goes out as LF, and prevOut = CR (never output itself) remembers it so
  // the LF of a CR LF pair is dropped.
  prevOut = c;
  store<u8>(out + o, <u8>(c == 0x0d ? 0x0a : c));
  store<u32>(outOff + (<usize>o << 2), at);
  return o + 1;
}

// Out-parameters of charRef (the stage runs single-threaded, like prevOut).
let refEnd: u32 = 0;
let refUndecided = false;

/**
 * The character reference after an '&' at `i` (the byte at `i` itself is not read, so a
 * decoded '&' can stand there): its code point, or -1; `refEnd` is the index after it and
 * `refUndecided` says the chunk ended inside it.
 */
function charRef(inp: usize, i: u32, n: u32, final: bool): i32 {
  let j = i + 1;
  let cp: i32 = -1;
  let undecided = false;
  if (j < n && load<u8>(inp + j) == 0x23) { // numeric
    j++;
    let hex = false;
    if (j < n && (<u32>load<u8>(inp + j) | 0x20) == 0x78) { hex = true; j++; }
    const digitsAt = j;
    let v: u32 = 0;
    while (j < n && j - digitsAt < 24) {
      const c = <u32>load<u8>(inp + j);
      const d = hex ? hexVal(c) : (c - 0x30 < 10 ? <i32>(c - 0x30) : -1);
      if (d < 0) break;
      v = v < 0x110000 ? v * (hex ? 16 : 10) + <u32>d : v;
      j++;
    }
    if (j == n && !final) undecided = true;
    else if (j > digitsAt) { cp = <i32>(v < 0x110000 ? v : 0xfffd); if (j < n && load<u8>(inp + j) == 0x3b) j++; }
  } else {
    while (j < n && j - i <= 10 && isAlnum(<u32>load<u8>(inp + j))) j++;
    if (j == n && !final && j - i <= 10) undecided = true;
    else {
      const nameLen = j - i - 1;
      cp = namedEntity(inp + i + 1, nameLen);
      if (cp >= 0) { if (j < n && load<u8>(inp + j) == 0x3b) j++; }
      else if (j < n && load<u8>(inp + j) == 0x3b && (cp = textEntity(inp + i + 1, nameLen)) >= 0) j++;
      else {
        // Legacy entities decoded without ';' even when letters follow ("&ltscript"): the shortest prefix that is one.
        for (let k: u32 = 2; k <= 4 && k < nameLen; k++) {
          const v = namedEntity(inp + i + 1, k);
          if (v >= 0) { cp = v; j = i + 1 + k; break; }
        }
      }
    }
  }
  refEnd = j;
  refUndecided = undecided;
  return cp;
}

/** The character a JSON one-character escape (the byte after '\\') stands for, or -1 (\\u is read as a JS escape). */
function jsonEscape(c: u32): i32 {
  switch (c) {
    case 0x22: case 0x5c: case 0x2f: return <i32>c; // \" \\ \/
    case 0x6e: return 0x0a; // \n
    case 0x72: return 0x0d; // \r
    case 0x74: return 0x09; // \t
    case 0x62: return 0x08; // \b
    case 0x66: return 0x0c; // \f
    default: return -1;
  }
}

// End of the digits octalMarkup read (an out-parameter, like hexEnd).
let octEnd: u32 = 0;

/**
 * A JavaScript legacy octal escape that spells markup: \74 or \074 ('<') before a letter, '/' or '!'
 * (\74script\76, \74/b), and \76 or \076 ('>') once such a '<' was decoded in this value or before
 * another '<' (\76\74svg). Its code point, or -1; `octEnd` is the index after the digits. JavaScript
 * reads up to three digits after 0-3 and up to two after 4-7, so \745 is '<' and '5'. Any other
 * octal escape is left alone: \74 is also CSS's hex escape for 't', read as that elsewhere.
 */
function octalMarkup(sg: usize, inp: usize, e: u32, n: u32): i32 {
  const d0 = <u32>load<u8>(inp + e) - 0x30;
  const max: u32 = d0 < 4 ? 3 : 2;
  let v: u32 = 0;
  let q = e;
  while (q < n && q - e < max) {
    const d = <u32>load<u8>(inp + q) - 0x30;
    if (d >= 8) break;
    v = (v << 3) | d;
    q++;
  }
  if (q - e < 2) return -1;
  const nx = q < n ? <u32>load<u8>(inp + q) : 0; // (the end here is the value's: a possible escape near a chunk's end is carried)
  if (v == 0x3c) {
    if ((nx | 0x20) - 0x61 < 26 || nx == 0x2f || nx == 0x21) { s32(sg, SG_MARK, g32(sg, SG_MARK) | MARK_OCTAL); octEnd = q; return 0x3c; }
  } else if (v == 0x3e) {
    const nx2 = q + 1 < n ? <u32>load<u8>(inp + q + 1) : 0;
    if ((g32(sg, SG_MARK) & MARK_OCTAL) != 0 || nx == 0x3c || (nx == 0x5c && (nx2 == 0x37 || nx2 == 0x30))) { octEnd = q; return 0x3e; }
  }
  return -1;
}

/** A decoded reference or escape: ASCII goes through put(), anything else out as UTF-8. */
// @ts-ignore: decorator
@inline function putDecoded(st: usize, sg: usize, out: usize, outOff: usize, o: u32, cp: u32, at: u32, end: u32): u32 {
  const c = foldFullWidth(cp);
  if (c < 0x80) return put(st, sg, out, outOff, o, c, at, end);
  if (c == 0x2028 || c == 0x2029) return put(st, sg, out, outOff, o, 0x0a, at, end); // (line terminators to JavaScript: see markupStage)
  if (oneDot(c)) return put(st, sg, out, outOff, o, 0x2e, at, end);
  if (twoDots(c)) { o = put(st, sg, out, outOff, o, 0x2e, at, end); return put(st, sg, out, outOff, o, 0x2e, secondAt(at, at, end), end); }
  prevOut = 0x80;
  return emitUtf8(out, outOff, o, c, at);
}

/**
 * Entities, JS escapes, overlong/full-width UTF-8 folding, case and whitespace folding.
 * (scanner.ts's plainFold skips this stage for a whole value this stage would only case-fold: a
 * change here that touches other printable ASCII bytes narrows plainFold's condition too.)
 */
export function markupStage(st: usize, sg: usize, inp: usize, inOff: usize, n: u32, out: usize, outOff: usize, final: bool): u32 {
  prevOut = g32(sg, SG_PREV);
  tabCount = 0; heldTab = (<u32>load<u8>(st + TAB_BITS) & TB_LAST_TAB) != 0; // (see TABS)
  let i: u32 = 0;
  let o: u32 = 0;
  const c20 = i8x16.splat(0x20), cA = i8x16.splat(0x41), cZ = i8x16.splat(0x5a);
  const cAmp = i8x16.splat(0x26), cBs = i8x16.splat(0x5c), cx = i8x16.splat(0x78), cX = i8x16.splat(0x58), c0 = i8x16.splat(0x30);
  while (i < n) {
    // Fast path: 16 printable ASCII bytes with nothing to decode (no & \ x X, no controls,
    // no space runs) only need case folding, done 16 at a time. The last 1-15 bytes too (most
    // values are short): the lanes past n are masked out of the tests, and their stores land in
    // the buffers' slack (TAIL_SLACK in scanner.ts), never read since the output ends at o.
    {
      const r = n - i < 16 ? n - i : 16;
      const valid: u32 = (1 << r) - 1;
      const v = v128.load(inp + i);
      const special = v128.or(v128.or(i8x16.lt_u(v, c20), i8x16.eq(v, cAmp)), i8x16.eq(v, cBs));
      // "0x" / "0X" may begin a textual "0x2e" escape; an 'x' anywhere else is a letter ("example", "text")
      const zeroX = <u32>i8x16.bitmask(i8x16.eq(v, c0)) & (<u32>i8x16.bitmask(v128.or(i8x16.eq(v, cx), i8x16.eq(v, cX))) >> 1);
      // (a trailing '0' may start a "0x2e" escape that continues past the block)
      if ((((<u32>i8x16.bitmask(special)) | (<u32>i8x16.bitmask(v)) | zeroX) & valid) == 0 && load<u8>(inp + i + r - 1) != 0x30) {
        const sp = <u32>i8x16.bitmask(i8x16.eq(v, c20)) & valid;
        const prevSpace: u32 = prevOut == 0x20 || prevOut == 0x0a || prevOut == 0x0d ? 1 : 0;
        if ((sp & ((sp << 1) | prevSpace)) == 0) {
          const upper = v128.and(i8x16.ge_u(v, cA), i8x16.le_u(v, cZ));
          v128.store(out + o, v128.or(v, v128.and(upper, c20)));
          const src = inOff + (<usize>i << 2), dst = outOff + (<usize>o << 2);
          v128.store(dst, v128.load(src)); v128.store(dst + 16, v128.load(src + 16));
          v128.store(dst + 32, v128.load(src + 32)); v128.store(dst + 48, v128.load(src + 48));
          i += r; o += r;
          prevOut = <u32>load<u8>(out + o - 1);
          continue;
        }
      }
    }
    const b = <u32>load<u8>(inp + i);
    const at = load<u32>(inOff + (<usize>i << 2));
    if (b == 0x26) { // '&'
      let cp = charRef(inp, i, n, final);
      let j = refEnd;
      let undecided = refUndecided;
      // &amp;lt; &#38;colon; : a reference spelling '&' right before another one is decoded
      // once more (one level, like the second percent pass); &amp;amp;lt; stays "&amp;lt;"
      if (!undecided && cp == 0x26 && j > i + 1) {
        if (j == n) undecided = !final;
        else {
          const next = <u32>load<u8>(inp + j);
          if (next == 0x23 || isAlnum(next)) {
            const cp2 = charRef(inp, j - 1, n, final);
            if (refUndecided) undecided = true;
            else if (cp2 >= 0) { cp = cp2; j = refEnd; }
          }
        }
      }
      if (undecided) { if (n - i <= MAX_CARRY) { saveCarry(sg, inp, inOff, i, n); break; } }
      else if (cp >= 0) { o = putDecoded(st, sg, out, outOff, o, <u32>cp, at, offsetAt(inOff, j, n)); i = j; continue; }
      o = put(st, sg, out, outOff, o, b, at, at + 1);
      i++; continue;
    }
    if (b == 0x5c) { // '\'  JS escapes \xHH \uHHHH \u{H..}
      if (!final && i + 9 > n) { saveCarry(sg, inp, inOff, i, n); break; }
      if (i + 1 < n) {
        let cp: i32 = -1;
        let j = i;
        // Raw JSON string text: its one-character escapes are what the application will see
        // (\" a quote, \n a newline); \\ is one backslash, so the text after it is not an escape.
        // Only as written: JSON is decoded before anything percent-decodes the string (C:%5cboot.ini).
        let json = g32(st, ST_CONTEXT) == CTX_JSON_ESCAPED && offsetAt(inOff, i + 2, n) - at == 2 ? jsonEscape(<u32>load<u8>(inp + i + 1)) : -1;
        // e: the byte after the backslash that starts a JS or CSS escape. After JSON's \\ the application
        // reads one backslash and what follows it: \\x3c arrives as \x3c, which a value scanned without
        // JSON around it decodes as a JS escape; so does this one (one level: JSON, then the escape).
        let e = i + 1;
        if (json == 0x5c && i + 2 < n) {
          const k2 = <u32>load<u8>(inp + i + 2);
          if ((k2 | 0x20) == 0x78 || (k2 | 0x20) == 0x75 || hexVal(k2) >= 0) { json = -1; e = i + 2; }
        }
        const k = <u32>load<u8>(inp + e) | 0x20;
        if (json >= 0) { cp = json; j = i + 2; }
        else if (k == 0x78 && e + 2 < n) {
          const h1 = hexVal(<u32>load<u8>(inp + e + 1)), h2 = hexVal(<u32>load<u8>(inp + e + 2));
          if (h1 >= 0 && h2 >= 0) { cp = (h1 << 4) | h2; j = e + 3; }
        } else if (k == 0x75 && e + 1 < n) {
          if (load<u8>(inp + e + 1) == 0x7b) {
            const v = hexRun(inp, e + 2, n, 9);
            const q = hexEnd;
            if (q < n && load<u8>(inp + q) == 0x7d && q > e + 2) { cp = <i32>(v < 0x110000 ? v : 0xfffd); j = q + 1; }
          } else if (e + 4 < n) {
            const a = hexVal(<u32>load<u8>(inp + e + 1)), c = hexVal(<u32>load<u8>(inp + e + 2));
            const d = hexVal(<u32>load<u8>(inp + e + 3)), f = hexVal(<u32>load<u8>(inp + e + 4));
            if ((a | c | d | f) >= 0) { cp = (a << 12) | (c << 8) | (d << 4) | f; j = e + 5; }
          }
        } else if (<u32>load<u8>(inp + e) - 0x30 < 8 && g32(st, ST_CONTEXT) != CTX_PATH && (cp = octalMarkup(sg, inp, e, n)) >= 0) {
          j = octEnd;
        } else if (hexVal(<u32>load<u8>(inp + e)) >= 0 && g32(st, ST_CONTEXT) != CTX_PATH) {
          // CSS escapes: \ and 1-6 hex digits, then one optional whitespace (\6a\61vascript:, \3c script).
          // Only two or more digits that make printable ASCII: \b or \2023 in a Windows path stays as it is.
          const v = hexRun(inp, e, n, 6);
          const q = hexEnd;
          if (q - e >= 2 && v >= 0x21 && v <= 0x7e) {
            cp = <i32>v;
            j = q;
            if (j < n) {
              const w = <u32>load<u8>(inp + j);
              if (w == 0x20 || w == 0x09 || w == 0x0a || w == 0x0d || w == 0x0c) j++;
            }
          }
        }
        if (cp < 0 && e != i + 1) { cp = 0x5c; j = i + 2; } // \\ and no escape after it: JSON's one backslash
        if (cp >= 0) { o = putDecoded(st, sg, out, outOff, o, <u32>cp, at, offsetAt(inOff, j, n)); i = j; continue; }
      }
      o = put(st, sg, out, outOff, o, b, at, at + 1);
      i++; continue;
    }
    // A '0' ending a non-final chunk may begin a textual "0x2e" escape: wait for the next chunk.
    if (b == 0x30 && i + 1 == n && !final && !isAlnum(prevOut)) { saveCarry(sg, inp, inOff, i, n); break; }
    if (b == 0x30 && i + 1 < n && (<u32>load<u8>(inp + i + 1) | 0x20) == 0x78) {
      // "0x2e" "0x2f" "0x5c" written out as text stand for . / \ in path-evasion payloads
      if (!final && i + 6 > n) { saveCarry(sg, inp, inOff, i, n); break; }
      const prev = prevOut;
      if (i + 3 < n && !isAlnum(prev)) {
        const h = (<u32>load<u8>(inp + i + 2) << 8) | (<u32>load<u8>(inp + i + 3) | 0x20);
        const c = h == 0x3265 ? 0x2e : h == 0x3266 ? 0x2f : h == 0x3563 ? 0x5c : 0;
        const nx = i + 4 < n ? <u32>load<u8>(inp + i + 4) : 0x20;
        const nx2 = i + 5 < n ? <u32>load<u8>(inp + i + 5) | 0x20 : 0x20;
        const inRun = prev == 0x2e || prev == 0x2f || prev == 0x5c;
        if (c != 0 && (inRun || hexVal(nx) < 0 || (nx == 0x30 && nx2 == 0x78))) {
          const end = i + 4 < n ? load<u32>(inOff + (<usize>(i + 4) << 2)) : load<u32>(inOff + (<usize>n << 2));
          o = put(st, sg, out, outOff, o, c, at, end);
          i += 4; continue;
        }
      }
    }
    // A no-break space is a space: U+00A0 in UTF-8 (C2 A0), or a lone A0 byte (Latin-1, %a0), which
    // MySQL and others take as whitespace between keywords (1%a0and%a01=1)
    if (b == 0xa0 && prevOut < 0x80) { o = put(st, sg, out, outOff, o, 0x20, at, at + 1); i++; continue; }
    if (b == 0xc2 && i + 1 == n && !final) { saveCarry(sg, inp, inOff, i, n); break; } // (its A0 may start the next chunk)
    if (b == 0xc2 && i + 1 < n && load<u8>(inp + i + 1) == 0xa0) { o = put(st, sg, out, outOff, o, 0x20, at, offsetAt(inOff, i + 2, n)); i += 2; continue; }
    if (b >= 0xc0) {
      if (b == 0xc0 || b == 0xc1 || b == 0xe0 || b == 0xef || b == 0xf0 || b == 0xe2 || b == 0xf8 || b == 0xfc) {
        // (the five- and six-byte forms wait for all their bytes)
        if (!final && i + (b == 0xfc ? 6 : b == 0xf8 ? 5 : 4) > n) { saveCarry(sg, inp, inOff, i, n); break; }
        const c1 = i + 1 < n ? <u32>load<u8>(inp + i + 1) : 0;
        const c2 = i + 2 < n ? <u32>load<u8>(inp + i + 2) : 0;
        const c3 = i + 3 < n ? <u32>load<u8>(inp + i + 3) : 0;
        let cp: i32 = -1; let len: u32 = 0; let overlong = false; let two = false;
        if (b < 0xc2 && (c1 & 0xc0) == 0x80) { cp = <i32>(((b & 1) << 6) | (c1 & 0x3f)); len = 2; overlong = true; }
        else if (b == 0xe0 && c1 < 0xa0 && (c1 & 0xc0) == 0x80 && (c2 & 0xc0) == 0x80) { cp = <i32>(((c1 & 0x3f) << 6) | (c2 & 0x3f)); len = 3; overlong = true; }
        else if (b == 0xf0 && c1 < 0x90 && (c1 & 0xc0) == 0x80 && (c2 & 0xc0) == 0x80 && (c3 & 0xc0) == 0x80) { cp = <i32>(((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f)); len = 4; overlong = true; }
        // F8 80 80 80 xx and FC 80 80 80 80 xx: the five- and six-byte overlong forms (RFC 2279) that pre-RFC 3629
        // decoders still read; dotdotpwn sends them for '.' and '/'. Only an ASCII result is taken (cp < 0x80 below).
        else if ((b == 0xf8 || b == 0xfc) && c1 == 0x80 && c2 == 0x80 && (c3 & 0xc0) == 0x80) {
          const c4 = i + 4 < n ? <u32>load<u8>(inp + i + 4) : 0;
          const c5 = b == 0xfc && i + 5 < n ? <u32>load<u8>(inp + i + 5) : 0;
          // (five bytes: c3 c4 hold the last twelve bits; six: c4 c5, and c3 must then be 80 too)
          if (b == 0xf8 && (c4 & 0xc0) == 0x80) { cp = <i32>(((c3 & 0x3f) << 6) | (c4 & 0x3f)); len = 5; overlong = true; }
          else if (b == 0xfc && c3 == 0x80 && (c4 & 0xc0) == 0x80 && (c5 & 0xc0) == 0x80) { cp = <i32>(((c4 & 0x3f) << 6) | (c5 & 0x3f)); len = 6; overlong = true; }
        }
        else if (b == 0xef && c1 == 0xbc && c2 >= 0x81 && c2 <= 0xbf) { cp = <i32>(0x21 + c2 - 0x81); len = 3; }
        else if (b == 0xef && c1 == 0xbd && c2 >= 0x80 && c2 <= 0x9e) { cp = <i32>(0x60 + c2 - 0x80); len = 3; }
        // raw DIVISION SLASH, SET MINUS, FRACTION SLASH: the look-alikes %u2215 %u2216 %u2044 already fold to / \ /
        else if (b == 0xe2 && ((c1 == 0x88 && (c2 == 0x95 || c2 == 0x96)) || (c1 == 0x81 && c2 == 0x84))) { cp = <i32>(c2 == 0x96 ? 0x5c : 0x2f); len = 3; }
        // raw ONE and TWO DOT LEADER, SMALL FULL STOP, SMALL REVERSE SOLIDUS, the vertical two-dot leader: NFKC's '.' '..' '\\'
        // (see foldFullWidth); a two-dot form goes out as two dots, the second at its second byte
        else if (b == 0xe2 && c1 == 0x80 && (c2 == 0xa4 || c2 == 0xa5) && dotFormOpensSegment()) { cp = 0x2e; len = 3; two = c2 == 0xa5; }
        else if (b == 0xef && c1 == 0xb9 && c2 == 0x92 && dotFormOpensSegment()) { cp = 0x2e; len = 3; }
        else if (b == 0xef && c1 == 0xb9 && c2 == 0xa8) { cp = 0x5c; len = 3; }
        // raw LINE and PARAGRAPH SEPARATOR: JavaScript ends a line at them (a // comment: ';location//x<U+2028>=name)
        else if (b == 0xe2 && c1 == 0x80 && (c2 == 0xa8 || c2 == 0xa9)) { cp = 0x0a; len = 3; }
        else if (b == 0xef && c1 == 0xb8 && c2 == 0xb0 && dotFormOpensSegment()) { cp = 0x2e; len = 3; two = true; }
        else if (b < 0xc2 && c1 < 0x80) {
          // A lone C0/C1 lead before an ASCII byte (%c0%2e, %c1%1c): decoders that ignore the continuation
          // bits make '.', '/' or '\' of it; only those three are taken (C0 may also be dropped: %c0%5c)
          const v = ((b & 1) << 6) | (c1 & 0x3f);
          const w = v == 0x2e || v == 0x2f || v == 0x5c ? v : b == 0xc0 && (c1 == 0x2e || c1 == 0x2f || c1 == 0x5c) ? c1 : 0;
          if (w != 0) { cp = <i32>w; len = 2; overlong = true; }
        }
        if (cp >= 0 && cp < 0x80) {
          const end = i + len < n ? load<u32>(inOff + (<usize>(i + len) << 2)) : load<u32>(inOff + (<usize>n << 2));
          if (overlong) report(st, R_PATH_OVERLONG_UTF8, at, end);
          if (two) { o = put(st, sg, out, outOff, o, 0x2e, at, end); o = put(st, sg, out, outOff, o, 0x2e, secondAt(at, load<u32>(inOff + (<usize>(i + 1) << 2)), end), end); }
          else o = put(st, sg, out, outOff, o, <u32>cp, at, end);
          i += len; continue;
        }
      }
      store<u8>(out + o, <u8>b); store<u32>(outOff + (<usize>o << 2), at);
      prevOut = b;
      o++; i++; continue;
    }
    o = put(st, sg, out, outOff, o, b, at, at + 1);
    i++;
  }
  s32(sg, SG_PREV, prevOut);
  tabsEnd(st, outOff, o);
  // (a byte written after the last dropped NUL: the value does not end in it)
  const mark = g32(sg, SG_MARK);
  if (mark > MARK_OCTAL && o != 0 && load<u32>(outOff + (<usize>(o - 1) << 2)) >= (mark >> 1)) s32(sg, SG_MARK, mark & MARK_OCTAL);
  const cl = g32(sg, SG_CARRY_LEN);
  store<u32>(outOff + (<usize>o << 2), cl != 0 ? load<u32>(sg + SG_CARRY_OFF) : load<u32>(inOff + (<usize>n << 2)));
  return o;
}
