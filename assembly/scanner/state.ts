// Layout of one scan's state block (host keeps it in a leased slot; nothing here is
// allocated by the runtime). Every detector owns a fixed region, so a stream's whole
// state is this block: pushing chunk by chunk carries exactly the state a single
// pass would have had, which is why a chunked verdict equals the whole-input verdict.
import { RULE_SCORE, RULE_PARANOIA, RULE_COUNT, KW_MAX_WORD } from "./generated/tables";

export const ST_CONTEXT: u32 = 0;
export const ST_PARANOIA: u32 = 4;
export const ST_POS: u32 = 8;          // stream offset of the next input byte
export const ST_LIMIT: u32 = 12;       // maxScanBytes
export const ST_FLAGS: u32 = 16;
export const ST_NFIND: u32 = 20;
export const ST_SCORE: u32 = 24;
export const ST_MAGIC: u32 = 28;
export const ST_RULES_SEEN: u32 = 32;  // 128-bit set: a rule is recorded and scored once
export const ST_STAGES: u32 = 64;      // decoder stage carries
export const STAGE_BYTES: u32 = 192;
export const STAGE_COUNT: u32 = 3;
export const ST_LEX: u32 = 640;        // shared word lexer
export const ST_SQL: u32 = 768;        // 3 SQL tokenizer instances
export const SQL_BYTES: u32 = 256;
export const ST_XSS: u32 = 1536;
export const ST_CMD: u32 = 1664;
export const ST_PATH: u32 = 1792;
export const ST_CMD2: u32 = 1920;     // second command-injection region (shell-word joiner)
export const ST_CMD3: u32 = 2048;     // third command-injection region (open '<' count, open backtick)
export const CMD3_BYTES: u32 = 16;
export const ST_NOSQL: u32 = 2064;     // NoSQL operator tracker (nosql.ts)
export const NOSQL_BYTES: u32 = 16;
export const ST_XSS2: u32 = 2080;     // second XSS region: a script scheme held for what follows it (xss.ts)
export const XSS2_BYTES: u32 = 32;
export const ST_PATH2: u32 = 2112;    // second path region: a report held for what follows it (path.ts)
export const PATH2_BYTES: u32 = 64;
export const ST_SSJS: u32 = 2176;     // server-side JavaScript in a MongoDB query (ssjs.ts)
export const SSJS_BYTES: u32 = 64;
export const ST_XSS3: u32 = 2240;     // third XSS region: a style attribute's value (style.ts)
export const XSS3_BYTES: u32 = 64;
export const ST_XSS4: u32 = 2304;     // fourth XSS region: off-site form targets, CSS rule breakout, a held call's span (xss.ts)
export const XSS4_BYTES: u32 = 64;
export const ST_FINDINGS: u32 = 2368;  // 64-byte aligned: scanBegin zeroes everything before it in 64-byte strides
export const FINDING_BYTES: u32 = 12;  // rule u32, start u32, end u32
export const MAX_FINDINGS: u32 = 48;
export const STATE_BYTES: u32 = 2944;

export const FLAG_OVERSIZE: u32 = 1;
export const FLAG_FINISHED: u32 = 2;
// scanOnce tried the whole value as plain and plainChunk said no: scanPush, which would try the same bytes again, does not
export const FLAG_NOT_PLAIN: u32 = 4;
export const STATE_MAGIC: u32 = 0x5343414e; // "SCAN"

// Lexer fields
export const LX_HASH: u32 = 0;
export const LX_LEN: u32 = 4;
export const LX_START: u32 = 8;
// (LX_END, never read as the lexer's: ST_RAW_UPPER below)
export const LX_END: u32 = 12;
/**
 * The raw input's letter case, which decoding folds away (rawUpper): bit i set when the raw byte at stream offset
 * ST_POS - 32 + i was 'A'-'Z', for the 32 raw bytes before the chunk being lexed (rawKeep moves it past each chunk),
 * so a word lexed a chunk later (held or carried bytes) reads its case as a whole scan does.
 */
export const ST_RAW_UPPER: u32 = ST_LEX + LX_END;
export const LX_MIXED: u32 = 16; // nonzero once the current word has two different bytes
export const LX_WORD: u32 = 20; // first KW_MAX_WORD bytes of the current word
export const LX_PREV: u32 = 64; // the last normalised byte lexed so far (the byte before a chunk's first)
// (not the lexer's: a spare word of its region, zeroed with it) a value of only quotes and operators (sqli.ts quoteOnly*)
export const ST_QONLY: u32 = ST_LEX + 68;
// (the same, the byte after the lexer's word buffer: LX_WORD + KW_MAX_WORD = 59) the first word after the value's last
// single quote (sqli.ts quoteWord*): what SQL's cast of a re-opened literal to a number reads ('  1 time' is 1)
export const ST_QWORD: u32 = ST_LEX + 59;
// (the same) a keyword split by an inline comment (sqli.ts split*): state, end, start, length, the last word's length, the pieces (40 bytes)
export const ST_SPLIT: u32 = ST_LEX + 72;
// (the same) a value of one number, a connective and the same number again (sqli.ts same*): state, the number's 8 bytes
export const ST_SAME: u32 = ST_LEX + 112;
// cmdi's option chain (see cmdi.ts optionChain): end of the '-' opening the value and the option name's words, '-' '.' '='
// glued after it (0: the value opened otherwise, or the chain ended where a later byte no longer joins it)
export const ST_OPTION: u32 = ST_LEX + 124;
// (the same, the four bytes between the lexer's word and LX_PREV) cmdi's literal backslash-n (see cmdi.ts ST_BSNL's use):
// bit 0: the token since the last space or separator is path-like; the rest: end + 1 of a backslash that may open a "\n"
export const ST_BSNL: u32 = ST_LEX + 60;
// (a spare byte of the ssjs region, zeroed with it) bit i: the raw byte at ST_POS - 8 + i opened an escape the application
// decodes (see rawEscape), for a quote written as %27 or \" whose escape a later chunk lexes (held or carried bytes)
export const ST_RAW_ESC: u32 = ST_SSJS + 54;
// (the spare tail of the style region, zeroed with it) PostgreSQL's dollar-quoted strings, tracked once for the three SQL
// readings (sqli.ts dollarPunct): state (phase | readings mask << 4), the tag's hash and length, the opening '$''s start,
// the last '$''s end
export const ST_DOLLAR: u32 = ST_XSS3 + 44;

// Scan contexts (host mirrors them).
export const CTX_QUERY: u32 = 0;
export const CTX_FORM: u32 = 1;
export const CTX_BODY: u32 = 2;
export const CTX_HEADER: u32 = 3;
export const CTX_PATH: u32 = 4;
export const CTX_JSON: u32 = 5;
export const CTX_JSON_ESCAPED: u32 = 6; // the text between a JSON string's quotes, escapes still in it (\" \\ \n \u0027)

// @ts-ignore: decorator
@inline export function g32(p: usize, off: u32): u32 { return load<u32>(p + off); }
// @ts-ignore: decorator
@inline export function s32(p: usize, off: u32, v: u32): void { store<u32>(p + off, v); }
// @ts-ignore: decorator
@inline export function g64(p: usize, off: u32): u64 { return load<u64>(p + off); }
// @ts-ignore: decorator
@inline export function s64(p: usize, off: u32, v: u64): void { store<u64>(p + off, v); }

/**
 * Record that `rule` fired on original bytes [start, end). Only the first occurrence of a
 * rule is kept and scored (the anomaly score sums distinct rules); rules above the scan's
 * paranoia level are ignored.
 */
export function report(st: usize, rule: u32, start: u32, end: u32): void {
  if (<u32>load<u8>(RULE_PARANOIA + rule) > g32(st, ST_PARANOIA)) return;
  const word = st + ST_RULES_SEEN + ((rule >> 5) << 2);
  const bit: u32 = 1 << (rule & 31);
  const seen = load<u32>(word);
  if (seen & bit) return;
  store<u32>(word, seen | bit);
  s32(st, ST_SCORE, g32(st, ST_SCORE) + <u32>load<u8>(RULE_SCORE + rule));
  const n = g32(st, ST_NFIND);
  if (n >= MAX_FINDINGS) return;
  const f = st + ST_FINDINGS + n * FINDING_BYTES;
  store<u32>(f, rule);
  store<u32>(f + 4, start);
  store<u32>(f + 8, end > start ? end : start + 1);
  s32(st, ST_NFIND, n + 1);
}

// Compile-time check that the regions fit.
// @ts-ignore
assert(ST_CMD3 + CMD3_BYTES <= ST_NOSQL && ST_NOSQL + NOSQL_BYTES <= ST_XSS2 && ST_XSS2 + XSS2_BYTES <= ST_PATH2 && ST_PATH2 + PATH2_BYTES <= ST_SSJS && ST_SSJS + SSJS_BYTES <= ST_XSS3 && ST_XSS3 + XSS3_BYTES <= ST_XSS4 && ST_DOLLAR + 20 <= ST_XSS3 + XSS3_BYTES && ST_XSS4 + XSS4_BYTES <= ST_FINDINGS && ST_FINDINGS + MAX_FINDINGS * FINDING_BYTES <= STATE_BYTES && RULE_COUNT <= 128 && LX_WORD + KW_MAX_WORD <= ST_QWORD - ST_LEX && ST_QWORD + 1 <= ST_BSNL && ST_BSNL - ST_LEX + 4 <= LX_PREV && LX_PREV + 4 <= ST_QONLY - ST_LEX && ST_QONLY + 4 <= ST_SPLIT && ST_SPLIT + 40 <= ST_SAME && ST_SAME + 12 <= ST_OPTION && ST_OPTION + 4 <= ST_LEX + 128);

// The raw bytes of the chunk being lexed (set by scanner.ts before each lex: see rawChunk), and their stream offset.
let rawPtr: usize = 0;
let rawAt: u32 = 0;
let rawLen: u32 = 0;

/** The chunk about to be lexed: `n` raw bytes at `p`, the first at stream offset `at`. */
// @ts-ignore: decorator
@inline export function rawChunk(p: usize, at: u32, n: u32): void { rawPtr = p; rawAt = at; rawLen = n; }

/**
 * After the chunk set by rawChunk was lexed (before ST_POS moves past it): keep its last 32 bytes' case in ST_RAW_UPPER,
 * and its last 8 bytes' escape openers in ST_RAW_ESC.
 */
export function rawKeep(st: usize): void {
  const n = rawLen;
  let m: u32 = n >= 32 ? 0 : g32(st, ST_RAW_UPPER) >> n; // (a shift by 32 or more is no shift in wasm)
  const from: u32 = n >= 32 ? n - 32 : 0;
  for (let i = from; i < n; i++) if (<u32>load<u8>(rawPtr + i) - 0x41 < 26) m |= <u32>1 << (32 - n + i);
  s32(st, ST_RAW_UPPER, m);
  const e = escOpener(st);
  let k: u32 = n >= 8 ? 0 : <u32>load<u8>(st + ST_RAW_ESC) >> n;
  for (let i: u32 = n >= 8 ? n - 8 : 0; i < n; i++) if (<u32>load<u8>(rawPtr + i) == e) k |= <u32>1 << (8 - n + i);
  store<u8>(st + ST_RAW_ESC, <u8>k);
}

/** The byte that opens an escape the application itself decodes: '\\' in JSON text (\"), '%' elsewhere (%27). */
// @ts-ignore: decorator
@inline function escOpener(st: usize): u32 { return g32(st, ST_CONTEXT) == CTX_JSON_ESCAPED ? 0x5c : 0x25; }

/**
 * Was the raw byte at stream offset `off` the opener of an escape the application decodes ('%' in a URL's or a form's
 * value, '\\' in JSON text)? 1 yes, 0 no, -1 unknown (neither in the chunk being lexed nor among the 8 bytes before it).
 */
export function rawEscape(st: usize, off: u32): i32 {
  if (off - rawAt < rawLen) return <u32>load<u8>(rawPtr + off - rawAt) == escOpener(st) ? 1 : 0;
  const pos = g32(st, ST_POS);
  if (off < pos && pos - off <= 8) return <i32>((<u32>load<u8>(st + ST_RAW_ESC) >> (8 - (pos - off))) & 1);
  return -1;
}

/**
 * Was the raw byte at stream offset `off` an upper-case ASCII letter? 1 yes, 0 no, -1 unknown (neither in the chunk being
 * lexed nor among the 32 bytes before it): a caller treats unknown as the more dangerous reading.
 */
export function rawUpper(st: usize, off: u32): i32 {
  if (off - rawAt < rawLen) return <u32>load<u8>(rawPtr + off - rawAt) - 0x41 < 26 ? 1 : 0;
  const pos = g32(st, ST_POS);
  if (off < pos && pos - off <= 32) return <i32>((g32(st, ST_RAW_UPPER) >> (32 - (pos - off))) & 1);
  return -1;
}
