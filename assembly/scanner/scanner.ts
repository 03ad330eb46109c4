// The scan pipeline and its exports. Input bytes are copied (by the host) into a leased
// slot; each chunk goes through the decoding stages into a scratch slot, then one shared
// lexer splits the normalised bytes into words and punctuation and feeds every detector.
// All state lives in the caller's state block (see state.ts): no managed allocation.
import {
  ST_CONTEXT, ST_PARANOIA, ST_POS, ST_LIMIT, ST_FLAGS, ST_NFIND, ST_SCORE, ST_MAGIC, ST_STAGES, STAGE_BYTES, STAGE_COUNT,
  ST_LEX, ST_SQL, SQL_BYTES, ST_XSS, ST_CMD, ST_PATH, ST_CMD2, ST_CMD3, ST_NOSQL, ST_SSJS, ST_FINDINGS, FINDING_BYTES, MAX_FINDINGS, STATE_BYTES,
  FLAG_OVERSIZE, FLAG_FINISHED, FLAG_NOT_PLAIN, STATE_MAGIC, LX_HASH, LX_LEN, LX_START, LX_WORD, LX_MIXED, LX_PREV, CTX_QUERY, CTX_FORM, CTX_PATH,
  g32, s32, report, rawChunk, rawKeep,
} from "./state";
import { keywordFlags, mayBeKeyword, isKeyword, FNV_OFFSET, FNV_PRIME } from "./keywords";
import { prependCarry, percentStage, markupStage, SG_CARRY_LEN, SG_PREV, SG_MARK, MAX_CARRY } from "./decode";
import { sqlInit, sqlWord, sqlPunct, dollarPunct, sqlFinish, sqlInString, sqlTakesPunct, quoteOnlyPunct, quoteOnlyWord, quoteOnlyFinish, splitWord, splitPunct, sameWord, samePunct, sameFinish, sqlShapeMatters } from "./sqli";
import { xssInit, xssWord, xssPunct, xssFinish, xssOrdinaryShape } from "./xss";
import { cmdInit, cmdWord, cmdPunct, cmdFinish, cmdOrdinaryShape } from "./cmdi";
import { pathInit, pathWord, pathPunct, pathFinish, pathOrdinaryShape } from "./path";
import { nosqlDollar, nosqlWord, nosqlPunct, nosqlFinish, nosqlPending, nosqlWordNext } from "./nosql";
import { ssjsWord, ssjsPunct, ssjsOrdinaryShape } from "./ssjs";
import { RULE_COUNT, KW_MAX_WORD, R_LIMIT_OVERSIZE } from "./generated/tables";

const ST_TOTAL: u32 = 48;  // all bytes pushed, including those past the limit
const ST_HELD: u32 = 52;   // 1 + the last normalised byte of the previous chunk (0 = none)
const ST_HELD_AT: u32 = 56; // its original offset
// The lexer's end offset of a byte is the start of the next normalised byte, so the last
// byte of a chunk waits for the next chunk: otherwise bytes the decoder drops at a chunk
// boundary (a NUL, folded whitespace) would make spans and adjacency differ from a whole scan.

// Scratch layout: three (bytes, offsets) buffer pairs, each with room in front for a carry.
const ROOM: u32 = 64;
const CHUNK: u32 = 3584;
const CAP: u32 = CHUNK + 128;
// markupStage reads and writes whole 16-byte blocks at the end of its input: a stage's
// input (a chunk, its carry and the held byte) leaves at least this much of CAP unused.
const TAIL_SLACK: u32 = 16;
const PAIR_BYTES: u32 = ((ROOM + CAP) + (ROOM + CAP + 1) * 4 + 15) & ~15;
const OFFS_AT: u32 = ROOM + CAP;
const SCRATCH_BYTES: u32 = PAIR_BYTES * 3;

// @ts-ignore: decorator
@inline function pairBytes(scratch: usize, k: u32): usize { return scratch + k * PAIR_BYTES + ROOM; }
// @ts-ignore: decorator
@inline function pairOffs(scratch: usize, k: u32): usize { return scratch + k * PAIR_BYTES + OFFS_AT + ROOM * 4; }

/** Size of the state block a scan or stream needs. */
export function scanStateBytes(): u32 { return STATE_BYTES; }
/** Size of the scratch area a push needs. */
export function scanScratchBytes(): u32 { return SCRATCH_BYTES; }
/** Largest input a single push call takes without splitting (the host may pass more). */
export function scanChunkBytes(): u32 { return CHUNK; }
export function scanRuleCount(): u32 { return RULE_COUNT; }
export function scanFindingsOffset(): u32 { return ST_FINDINGS; }
export function scanFindingBytes(): u32 { return FINDING_BYTES; }
export function scanMaxFindings(): u32 { return MAX_FINDINGS; }
export function scanScore(st: usize): u32 { return g32(st, ST_SCORE); }
export function scanFindingCount(st: usize): u32 { return g32(st, ST_NFIND); }
export function scanOversized(st: usize): u32 { return g32(st, ST_FLAGS) & FLAG_OVERSIZE; }

/** Start a scan: context (0 query, 1 form, 2 body, 3 header, 4 path, 5 json), paranoia 1|2, byte limit. */
// @ts-ignore: decorator
@inline export function scanBegin(st: usize, context: u32, paranoia: u32, limit: u32): void {
  // One pass zeroes everything but the findings (most scans are short: this is a good part
  // of their cost); the detector inits then only set what does not start at zero.
  // The decoder stages' carried bytes and offsets are read only up to the carry length, so of
  // their region only the three fields each stage reads before writing are zeroed.
  beginHeader(st, context, paranoia, limit);
  const zero = i64x2.splat(0);
  // (SG_CARRY_LEN and SG_PREV side by side: one 8-byte store, asserted below)
  store<u64>(st + ST_STAGES + SG_CARRY_LEN, 0); s32(st, ST_STAGES + SG_MARK, 0);
  store<u64>(st + ST_STAGES + STAGE_BYTES + SG_CARRY_LEN, 0); s32(st, ST_STAGES + STAGE_BYTES + SG_MARK, 0);
  store<u64>(st + ST_STAGES + 2 * STAGE_BYTES + SG_CARRY_LEN, 0); s32(st, ST_STAGES + 2 * STAGE_BYTES + SG_MARK, 0);
  // [ST_LEX, ST_FINDINGS) in straight 16-byte stores (memory.fill is a call into the engine's
  // memset: its fixed cost was more than these stores; asserted below to be this range)
  v128.store(st, zero, 640); v128.store(st, zero, 656); v128.store(st, zero, 672); v128.store(st, zero, 688);
  v128.store(st, zero, 704); v128.store(st, zero, 720); v128.store(st, zero, 736); v128.store(st, zero, 752);
  v128.store(st, zero, 768); v128.store(st, zero, 784); v128.store(st, zero, 800); v128.store(st, zero, 816);
  v128.store(st, zero, 832); v128.store(st, zero, 848); v128.store(st, zero, 864); v128.store(st, zero, 880);
  v128.store(st, zero, 896); v128.store(st, zero, 912); v128.store(st, zero, 928); v128.store(st, zero, 944);
  v128.store(st, zero, 960); v128.store(st, zero, 976); v128.store(st, zero, 992); v128.store(st, zero, 1008);
  v128.store(st, zero, 1024); v128.store(st, zero, 1040); v128.store(st, zero, 1056); v128.store(st, zero, 1072);
  v128.store(st, zero, 1088); v128.store(st, zero, 1104); v128.store(st, zero, 1120); v128.store(st, zero, 1136);
  v128.store(st, zero, 1152); v128.store(st, zero, 1168); v128.store(st, zero, 1184); v128.store(st, zero, 1200);
  v128.store(st, zero, 1216); v128.store(st, zero, 1232); v128.store(st, zero, 1248); v128.store(st, zero, 1264);
  v128.store(st, zero, 1280); v128.store(st, zero, 1296); v128.store(st, zero, 1312); v128.store(st, zero, 1328);
  v128.store(st, zero, 1344); v128.store(st, zero, 1360); v128.store(st, zero, 1376); v128.store(st, zero, 1392);
  v128.store(st, zero, 1408); v128.store(st, zero, 1424); v128.store(st, zero, 1440); v128.store(st, zero, 1456);
  v128.store(st, zero, 1472); v128.store(st, zero, 1488); v128.store(st, zero, 1504); v128.store(st, zero, 1520);
  v128.store(st, zero, 1536); v128.store(st, zero, 1552); v128.store(st, zero, 1568); v128.store(st, zero, 1584);
  v128.store(st, zero, 1600); v128.store(st, zero, 1616); v128.store(st, zero, 1632); v128.store(st, zero, 1648);
  v128.store(st, zero, 1664); v128.store(st, zero, 1680); v128.store(st, zero, 1696); v128.store(st, zero, 1712);
  v128.store(st, zero, 1728); v128.store(st, zero, 1744); v128.store(st, zero, 1760); v128.store(st, zero, 1776);
  v128.store(st, zero, 1792); v128.store(st, zero, 1808); v128.store(st, zero, 1824); v128.store(st, zero, 1840);
  v128.store(st, zero, 1856); v128.store(st, zero, 1872); v128.store(st, zero, 1888); v128.store(st, zero, 1904);
  v128.store(st, zero, 1920); v128.store(st, zero, 1936); v128.store(st, zero, 1952); v128.store(st, zero, 1968);
  v128.store(st, zero, 1984); v128.store(st, zero, 2000); v128.store(st, zero, 2016); v128.store(st, zero, 2032);
  v128.store(st, zero, 2048); v128.store(st, zero, 2064); v128.store(st, zero, 2080); v128.store(st, zero, 2096);
  v128.store(st, zero, 2112); v128.store(st, zero, 2128); v128.store(st, zero, 2144); v128.store(st, zero, 2160);
  v128.store(st, zero, 2176); v128.store(st, zero, 2192); v128.store(st, zero, 2208); v128.store(st, zero, 2224);
  v128.store(st, zero, 2240); v128.store(st, zero, 2256); v128.store(st, zero, 2272); v128.store(st, zero, 2288);
  v128.store(st, zero, 2304); v128.store(st, zero, 2320); v128.store(st, zero, 2336); v128.store(st, zero, 2352);
  sqlInit(st + ST_SQL, 0);
  sqlInit(st + ST_SQL + SQL_BYTES, 0x27);
  sqlInit(st + ST_SQL + 2 * SQL_BYTES, 0x22);
  xssInit(st + ST_XSS);
  cmdInit(st + ST_CMD);
  pathInit(st + ST_PATH);
}

/** The state block's header, [0, ST_STAGES): zeroed, then the scan's options and the magic (scanBegin's first step). */
// @ts-ignore: decorator
@inline function beginHeader(st: usize, context: u32, paranoia: u32, limit: u32): void {
  const zero = i64x2.splat(0);
  v128.store(st, zero); v128.store(st, zero, 16); v128.store(st, zero, 32); v128.store(st, zero, 48);
  s32(st, ST_CONTEXT, context);
  s32(st, ST_PARANOIA, paranoia);
  s32(st, ST_LIMIT, limit);
  s32(st, ST_MAGIC, STATE_MAGIC);
}

// @ts-ignore: decorator
@inline function stage(st: usize, k: u32): usize { return st + ST_STAGES + k * STAGE_BYTES; }

// Word bytes (a-z after case folding, 0-9, '_', and every byte of a multi-byte character), one load per byte.
const WORD_BYTE: usize = memory.data<u8>([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
]);
// @ts-ignore: decorator
@inline function isWordByte(b: u32): bool {
  return load<u8>(WORD_BYTE + <usize>b) != 0;
}

/**
 * Does a quote after byte `prev` stand loose (see sqli.ts's BO_LOOSE)? After a space or punctuation it may open a quoted
 * word in prose or an argument in code; not after a ')' or ']', which close a call or an index glued to the quote:
 * f(x)' or '1 and a[0]' or '1 close the literal as x' or '1 does.
 */
// @ts-ignore: decorator
@inline function looseBefore(prev: u32): bool {
  return prev != 0 && !isWordByte(prev) && prev != 0x29 && prev != 0x5d;
}

/**
 * Is a word of KW_MAX_WORD bytes or more one byte repeated? `mixed`: the lexer's OR of (byte ^ first
 * byte) over the bytes past the KW_MAX_WORD stored at `word`; the stored ones are compared here.
 * (Only pathWord asks, for words of 64 bytes or more: an overlong path segment of one character.)
 */
function sameBytes(word: usize, mixed: u32): bool {
  const w0 = <u32>load<u8>(word);
  for (let i: u32 = 1; i < KW_MAX_WORD; i++) mixed |= <u32>load<u8>(word + i) ^ w0;
  return mixed == 0;
}

// Ordinary words: most words of prose and data are no keyword, start with a letter or a digit other than 0 and have a shape no detector's
// word step looks at (a doubled keyword's or a literal prefix's first letter and length for sqli, a JavaScript operator
// word's or a shape outside plainShape's for xss, a length cmdi or ssjs names, a path stem's first letters). Each
// detector's step tests its shapes on every word; a word of a shape none of them can match is decided here once, by one
// table load, and goes to emitOrdinaryWord, whose inlined steps skip those tests (their `ordinary` argument true: each
// test it skips is one the detector's *OrdinaryShape / sqlShapeMatters says is false for the word's shape).
// ORDINARY: row w0 - 0x61 (a-z) or 26 + w0 - 0x30 (0-9), column w1 - 0x60 (w1 a-z: 1-26; 31 any other byte), a u16 with
// bit min(len, 15) set when a word of that shape is not ordinary (bits 0 and 1 always: a one-byte word has no w1). Built
// at start-up from the detectors' own shape functions.
// (columns 0 and 27-30, w1 '`' '{' '|' '}' '~', are no word byte's: never ordinary; a 37th row, for a w0 no letter or
// digit, neither)
const ORD_ROWS: u32 = 36;
const ORDINARY: usize = memory.data((ORD_ROWS + 1) * 32 * 2, 16);
// byte offsets into ORDINARY by w0 (a row's) and by w1 (a column's), one load each
const ORD_ROW: usize = memory.data(256 * 2, 16);
const ORD_COL: usize = memory.data(256, 16);
for (let b: u32 = 0; b < 256; b++) {
  store<u16>(ORD_ROW + (<usize>b << 1), <u16>((b - 0x61 < 26 ? b - 0x61 : b - 0x30 < 10 ? 26 + b - 0x30 : ORD_ROWS) << 6));
  store<u8>(ORD_COL + <usize>b, <u8>((b - 0x61 < 26 ? b - 0x60 : 31) << 1));
}
for (let col: u32 = 0; col < 32; col++) store<u16>(ORDINARY + (((<usize>ORD_ROWS << 5) + <usize>col) << 1), 0xffff);
for (let row: u32 = 0; row < ORD_ROWS; row++) {
  const w0 = row < 26 ? 0x61 + row : 0x30 + row - 26;
  // (the tests that read no w1 first: sqlShapeMatters with `anyW1` is its w1-free terms)
  let rowBits: u32 = 3;
  for (let len: u32 = 2; len <= 15; len++) {
    if (sqlShapeMatters(w0, 0, len, true) || !cmdOrdinaryShape(w0, len) || !ssjsOrdinaryShape(w0, len)) rowBits |= 1 << len;
  }
  for (let col: u32 = 0; col < 32; col++) {
    let bits: u32 = 0xffff;
    if (col - 1 < 26 || col == 31) {
      const any = col == 31, w1 = any ? 0 : 0x60 + col;
      bits = rowBits;
      for (let len: u32 = 2; len <= 15; len++) {
        if ((bits & (1 << len)) == 0 && (sqlShapeMatters(w0, w1, len, any) || !xssOrdinaryShape(w0, w1, len, any) ||
            !pathOrdinaryShape(w0, w1, len, any))) bits |= 1 << len;
      }
    }
    store<u16>(ORDINARY + ((<usize>row << 5) + <usize>col << 1), <u16>bits);
  }
}
/** Is the word of `len` bytes whose first two are w0 w1 (w1 anything for one byte) ordinary (see ORDINARY)? (json.ts's quietWords asks too) */
// @ts-ignore: decorator
@inline export function ordinaryWord(w0: u32, w1: u32, len: u32): bool {
  const at = ORDINARY + <usize>load<u16>(ORD_ROW + (<usize>w0 << 1)) + <usize>load<u8>(ORD_COL + <usize>w1);
  return ((<u32>load<u16>(at) >> (len < 15 ? len : 15)) & 1) == 0;
}

/**
 * A word to every detector: the lexer's (its first KW_MAX_WORD bytes at LX_WORD), `flags` its keyword classes,
 * `ordinary` (a constant) whether it is an ordinary word (see ORDINARY). (Inlined into emitWord four times: see there.)
 */
// @ts-ignore: decorator
@inline function wordEvent(st: usize, flags: u64, len: u32, start: u32, end: u32, ordinary: bool, number: bool): void {
  const word = st + ST_LEX + LX_WORD;
  const w0 = <u32>load<u8>(word);
  const w1 = len > 1 ? <u32>load<u8>(word + 1) : 0;
  const q0 = st + ST_SQL, q1 = q0 + SQL_BYTES, q2 = q1 + SQL_BYTES;
  if (!sqlInString(q0)) sqlWord(st, q0, flags, w0, start, end, word, len, ordinary, number);
  if (!sqlInString(q1)) sqlWord(st, q1, flags, w0, start, end, word, len, ordinary, number);
  if (!sqlInString(q2)) sqlWord(st, q2, flags, w0, start, end, word, len, ordinary, number);
  quoteOnlyWord(st, flags, len);
  splitWord(st, len, start, end);
  sameWord(st, flags, len);
  xssWord(st, st + ST_XSS, flags, word, w0, w1, len, start, end, ordinary);
  cmdWord(st, st + ST_CMD, flags, word, len, w0, start, end, ordinary);
  pathWord(st, st + ST_PATH, flags, len, len >= 64 && sameBytes(word, load<u32>(st + ST_LEX + LX_MIXED)), start, end, ordinary);
  if (nosqlWordNext(st + ST_NOSQL, start)) nosqlWord(st + ST_NOSQL, word, len, end);
  ssjsWord(st, st + ST_SSJS, flags, word, w0, len, start, end, ordinary);
}

function emitKeyword(st: usize, flags: u64, len: u32, start: u32, end: u32): void {
  wordEvent(st, flags, len, start, end, false, false);
}

/**
 * A word no table knows (most words): wordEvent with `flags` the constant 0, so the inlined fronts' tests of the
 * keyword classes fold away. (Two functions: one that tests flags == 0 around two inlined copies has them merged
 * back into one by the optimizer.)
 */
function emitPlainWord(st: usize, len: u32, start: u32, end: u32): void {
  wordEvent(st, 0, len, start, end, false, false);
}

/** emitPlainWord for an ordinary word that starts with a letter (see ORDINARY): the detectors' shape tests fold away too. */
function emitOrdinaryWord(st: usize, len: u32, start: u32, end: u32): void {
  wordEvent(st, 0, len, start, end, true, false);
}

/** emitOrdinaryWord for one that starts with a digit (1-9): a number to sqli (a copy of its own: see sqli.ts plainWordFast). */
function emitOrdinaryNumber(st: usize, len: u32, start: u32, end: u32): void {
  wordEvent(st, 0, len, start, end, true, true);
}

/** The lexer's word of `len` bytes with FNV-1a hash `hash`, to emitPlainWord or emitKeyword. */
// @ts-ignore: decorator
@inline function emitWord(st: usize, hash: u32, len: u32, start: u32, end: u32): void {
  const flags = keywordFlags(hash, st + ST_LEX + LX_WORD, len);
  if (flags != 0) emitKeyword(st, flags, len, start, end);
  else {
    // (w1: for a one-byte word the byte after it, which ORDINARY's length bit 1 makes no matter)
    const w01 = <u32>load<u16>(st + ST_LEX + LX_WORD);
    if (!ordinaryWord(w01 & 0xff, w01 >> 8, len)) emitPlainWord(st, len, start, end);
    else if ((w01 & 0xff) >= 0x61) emitOrdinaryWord(st, len, start, end); else emitOrdinaryNumber(st, len, start, end);
  }
}

/**
 * One punctuation byte to every detector. `prev`: the normalised byte before this one (0 at the start).
 * (Inlined into emitPunct, and into emitSpace with `c` a constant: see there.)
 */
// @ts-ignore: decorator
@inline function punct(st: usize, c: u32, start: u32, end: u32, prev: u32): void {
  const q0 = st + ST_SQL, q1 = q0 + SQL_BYTES, q2 = q1 + SQL_BYTES;
  // a quote after a space or punctuation (not glued to a word, and not at the start)
  // (the value's first byte: its original span may be longer than one byte, %22 or \")
  // (both as arguments: evaluated only when a reading takes the byte)
  if (sqlTakesPunct(q0, c)) sqlPunct(st, q0, c, start, end, looseBefore(prev), prev == 0);
  if (sqlTakesPunct(q1, c)) sqlPunct(st, q1, c, start, end, looseBefore(prev), prev == 0);
  if (sqlTakesPunct(q2, c)) sqlPunct(st, q2, c, start, end, looseBefore(prev), prev == 0);
  if (c == 0x24) dollarPunct(st, start, end);
  quoteOnlyPunct(st, c);
  splitPunct(st, c, start, end, prev != 0 && isWordByte(prev));
  samePunct(st, c);
  xssPunct(st, st + ST_XSS, c, start, end);
  cmdPunct(st, st + ST_CMD, c, start, end);
  pathPunct(st, st + ST_PATH, c, start, end, prev);
  if (nosqlPending(st + ST_NOSQL)) nosqlPunct(st, st + ST_NOSQL, c, start, end);
  if (c == 0x24 && !isWordByte(prev)) nosqlDollar(st + ST_NOSQL, start, end);
  ssjsPunct(st, st + ST_SSJS, c, start, end);
}

function emitPunct(st: usize, c: u32, start: u32, end: u32, prev: u32): void {
  punct(st, c, start, end, prev);
}

/**
 * emitPunct for a space (most punctuation of prose; the lexer calls it for one): the same body with
 * `c` the constant 0x20, so the inlined fronts' tests of `c` fold away (a space is no '$', and
 * ssjsPunct returns at once for it), in a function with a smaller frame than emitPunct's.
 */
function emitSpace(st: usize, start: u32, end: u32, prev: u32): void {
  punct(st, 0x20, start, end, prev);
}

/** emitPunct for a '-' (SKU-28839, dates, hyphenated words), as emitSpace for a space. */
function emitDash(st: usize, start: u32, end: u32, prev: u32): void {
  punct(st, 0x2d, start, end, prev);
}

/** emitPunct for a '.' (domains, file names, decimals, a sentence's end), as emitSpace for a space. */
function emitDot(st: usize, start: u32, end: u32, prev: u32): void {
  punct(st, 0x2e, start, end, prev);
}

/** emitPunct for a '@' (addresses) and a ':' (times, URLs), as emitSpace for a space. */
function emitAt(st: usize, start: u32, end: u32, prev: u32): void {
  punct(st, 0x40, start, end, prev);
}
function emitColon(st: usize, start: u32, end: u32, prev: u32): void {
  punct(st, 0x3a, start, end, prev);
}

/**
 * emitPunct for a ',' '(' ')' '\'' '"' '=' '|' and '/' (lists, calls, quotes, assignments, pipes, paths: with the space,
 * most of the corpus's punctuation, SQL, shell and path payloads), as emitSpace for a space.
 */
function emitComma(st: usize, start: u32, end: u32, prev: u32): void {
  punct(st, 0x2c, start, end, prev);
}
function emitOpen(st: usize, start: u32, end: u32, prev: u32): void {
  punct(st, 0x28, start, end, prev);
}
function emitClose(st: usize, start: u32, end: u32, prev: u32): void {
  punct(st, 0x29, start, end, prev);
}
function emitQuote(st: usize, start: u32, end: u32, prev: u32): void {
  punct(st, 0x27, start, end, prev);
}
function emitDoubleQuote(st: usize, start: u32, end: u32, prev: u32): void {
  punct(st, 0x22, start, end, prev);
}
function emitEquals(st: usize, start: u32, end: u32, prev: u32): void {
  punct(st, 0x3d, start, end, prev);
}
function emitPipe(st: usize, start: u32, end: u32, prev: u32): void {
  punct(st, 0x7c, start, end, prev);
}
function emitSlash(st: usize, start: u32, end: u32, prev: u32): void {
  punct(st, 0x2f, start, end, prev);
}

/** A punctuation byte to the emitter made for it (the common ones have copies with the byte a constant: see emitSpace). */
// @ts-ignore: decorator
@inline function emitByte(st: usize, b: u32, start: u32, end: u32, prev: u32): void {
  // (a space first, the most common; the rest by a jump table)
  if (b == 0x20) { emitSpace(st, start, end, prev); return; }
  switch (b) {
    case 0x2d: emitDash(st, start, end, prev); break;
    case 0x2e: emitDot(st, start, end, prev); break;
    case 0x40: emitAt(st, start, end, prev); break;
    case 0x3a: emitColon(st, start, end, prev); break;
    case 0x2c: emitComma(st, start, end, prev); break;
    case 0x28: emitOpen(st, start, end, prev); break;
    case 0x29: emitClose(st, start, end, prev); break;
    case 0x27: emitQuote(st, start, end, prev); break;
    case 0x22: emitDoubleQuote(st, start, end, prev); break;
    case 0x3d: emitEquals(st, start, end, prev); break;
    case 0x7c: emitPipe(st, start, end, prev); break;
    case 0x2f: emitSlash(st, start, end, prev); break;
    default: emitPunct(st, b, start, end, prev);
  }
}

/**
 * Split normalised bytes into words and punctuation; word state survives chunk ends. `offs`: the
 * bytes' original offsets (n + 1 of them). (lexPlain below: the same for plainChunk's output.)
 */
// @ts-ignore: decorator
@inline function lex(st: usize, buf: usize, offs: usize, n: u32): void {
  const lx = st + ST_LEX;
  let hash = load<u32>(lx + LX_HASH);
  let len = load<u32>(lx + LX_LEN);
  let mixed = load<u32>(lx + LX_MIXED);
  let i: u32 = 0;
  while (i < n) {
    let b = <u32>load<u8>(buf + i);
    if (isWordByte(b)) {
      if (len == 0) { hash = FNV_OFFSET; mixed = 0; store<u32>(lx + LX_START, load<u32>(offs + (<usize>i << 2))); store<u8>(lx + LX_WORD, <u8>b); }
      const w0 = <u32>load<u8>(lx + LX_WORD);
      // tight loop over the rest of the word (mixed covers only the bytes past the stored ones:
      // emitWord adds those when it needs the answer, for words of 64 bytes or more)
      do {
        hash = (hash ^ b) * FNV_PRIME;
        if (len < KW_MAX_WORD) store<u8>(lx + LX_WORD + len, <u8>b);
        else mixed |= b ^ w0;
        len++;
        i++;
        if (i >= n) break;
        b = <u32>load<u8>(buf + i);
      } while (isWordByte(b));
      if (i >= n) break;
    }
    const at = load<u32>(offs + (<usize>i << 2));
    if (len != 0) { store<u32>(lx + LX_MIXED, mixed); emitWord(st, hash, len, load<u32>(lx + LX_START), at); len = 0; }
    const pend = load<u32>(offs + (<usize>(i + 1) << 2));
    const pprev = i > 0 ? <u32>load<u8>(buf + i - 1) : load<u32>(lx + LX_PREV);
    emitByte(st, b, at, pend, pprev);
    i++;
  }
  if (n > 0) store<u32>(lx + LX_PREV, <u32>load<u8>(buf + n - 1));
  store<u32>(lx + LX_HASH, hash);
  store<u32>(lx + LX_LEN, len);
  store<u32>(lx + LX_MIXED, mixed);
}

/**
 * lex for plainChunk's output (a whole value: the lexer's fields as scanBegin left them, no word carried in,
 * no byte before the first), whose original offsets are their indices (0, 1, ... n), so the offsets are the index. The same events; a word's hash, length and mixed are
 * locals of its own step (stored only for a word still open at the end, for finish), so that nothing of
 * it is live across the calls: fewer values for the engine to keep on the stack around each event.
 */
// @ts-ignore: decorator
@inline function lexPlain(st: usize, buf: usize, n: u32): void {
  const lx = st + ST_LEX;
  let i: u32 = 0;
  while (i < n) {
    let b = <u32>load<u8>(buf + i);
    if (isWordByte(b)) {
      const start = i;
      let hash = FNV_OFFSET;
      let mixed: u32 = 0;
      store<u32>(lx + LX_START, start); // (read after the word too: cmdi's and sqli's punctuation steps)
      // tight loop over the word (as lex's; byte i of the value is byte i - start of the word)
      const word = lx + LX_WORD - <usize>start, stored = start + KW_MAX_WORD;
      do {
        hash = (hash ^ b) * FNV_PRIME;
        if (i < stored) store<u8>(word + <usize>i, <u8>b);
        else mixed |= b ^ <u32>load<u8>(lx + LX_WORD);
        i++;
        if (i >= n) break;
        b = <u32>load<u8>(buf + i);
      } while (isWordByte(b));
      if (i >= n) { // (open at the end: finish emits it)
        store<u32>(lx + LX_HASH, hash); store<u32>(lx + LX_LEN, i - start); store<u32>(lx + LX_MIXED, mixed);
        break;
      }
      store<u32>(lx + LX_MIXED, mixed);
      emitWord(st, hash, i - start, start, i);
    }
    const prev = i > 0 ? <u32>load<u8>(buf + i - 1) : 0;
    emitByte(st, b, i, i + 1, prev);
    i++;
  }
  if (n > 0) store<u32>(lx + LX_PREV, <u32>load<u8>(buf + n - 1));
}

/**
 * Does [p, p+n) contain byte a or byte b? (SIMD, 16 bytes at a time; the last 1-15 bytes too, with
 * the lanes past n masked out: p is a decode buffer, whose slack past any input is TAIL_SLACK or more)
 */
function hasEither(p: usize, n: u32, a: u8, b: u8): bool {
  const va = i8x16.splat(<i8>a), vb = i8x16.splat(<i8>b);
  let i: u32 = 0;
  for (; i + 16 <= n; i += 16) {
    const v = v128.load(p + i);
    if (v128.any_true(v128.or(i8x16.eq(v, va), i8x16.eq(v, vb)))) return true;
  }
  if (i == n) return false;
  const v = v128.load(p + i);
  return ((<u32>i8x16.bitmask(v128.or(i8x16.eq(v, va), i8x16.eq(v, vb))) << (16 - (n - i))) & 0xffff) != 0;
}

/**
 * memory.copy of the input into the first decode buffer, without the engine's call into its
 * copy routine (a fixed cost that dominates a short value): 16-byte blocks, then the last
 * 16 bytes overlapping the previous block, or 8/4/2/1-byte pieces below 16. Reads only [src, src+n).
 */
// @ts-ignore: decorator
@inline function copyInput(dst: usize, src: usize, n: u32): void {
  if (n >= 16) {
    let i: u32 = 0;
    for (; i + 16 <= n; i += 16) v128.store(dst + i, v128.load(src + i));
    if (i < n) v128.store(dst + n - 16, v128.load(src + n - 16));
  } else {
    let i: usize = 0;
    if ((n & 8) != 0) { store<u64>(dst, load<u64>(src)); i = 8; }
    if ((n & 4) != 0) { store<u32>(dst + i, load<u32>(src + i)); i += 4; }
    if ((n & 2) != 0) { store<u16>(dst + i, load<u16>(src + i)); i += 2; }
    if ((n & 1) != 0) store<u8>(dst + i, load<u8>(src + i));
  }
}

// plainFold's constants, 16 lanes each: ' ' & \\ % 0 x + 0x3f 0x9a
const FOLD_CONST: usize = memory.data<u8>([
  0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
  0x26, 0x26, 0x26, 0x26, 0x26, 0x26, 0x26, 0x26, 0x26, 0x26, 0x26, 0x26, 0x26, 0x26, 0x26, 0x26,
  0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x5c,
  0x25, 0x25, 0x25, 0x25, 0x25, 0x25, 0x25, 0x25, 0x25, 0x25, 0x25, 0x25, 0x25, 0x25, 0x25, 0x25,
  0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30,
  0x78, 0x78, 0x78, 0x78, 0x78, 0x78, 0x78, 0x78, 0x78, 0x78, 0x78, 0x78, 0x78, 0x78, 0x78, 0x78,
  0x2b, 0x2b, 0x2b, 0x2b, 0x2b, 0x2b, 0x2b, 0x2b, 0x2b, 0x2b, 0x2b, 0x2b, 0x2b, 0x2b, 0x2b, 0x2b,
  0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f,
  0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a,
], 16);
/**
 * Case-fold the `n` bytes at `p` (a decode buffer: TAIL_SLACK bytes of slack past them) in place
 * while they are printable ASCII (0x20-0x7f) without '&', '\\', '%', '+' (when `plus`), a '0'
 * before 'x' or 'X', or two spaces in a row. Returns n when all of them are; else the number of
 * bytes already folded (whole 16-byte blocks before the first block with such a byte).
 */
// @ts-ignore: decorator
@inline function plainFold(p: usize, n: u32, plus: bool): u32 {
  // (constants loaded from memory: the engine builds a splatted constant anew in each iteration)
  const c20 = v128.load(FOLD_CONST), cAmp = v128.load(FOLD_CONST, 16), cBs = v128.load(FOLD_CONST, 32), cPct = v128.load(FOLD_CONST, 48);
  const c0 = v128.load(FOLD_CONST, 64), cx = v128.load(FOLD_CONST, 80), cPlus = plus ? v128.load(FOLD_CONST, 96) : cPct;
  // A-Z: (v + 0x3f) is 0x80-0x99, below 0x9a as signed bytes; every other byte 0x20-0x7f is not
  const cUp = v128.load(FOLD_CONST, 112), cUpEnd = v128.load(FOLD_CONST, 128);
  let carry: u32 = 0; // bit 0: the previous block's last byte was '0'; bit 1: a space
  let i: u32 = 0;
  for (; i < n; i += 16) {
    const r = n - i < 16 ? n - i : 16;
    const valid: u32 = (1 << r) - 1;
    const v = v128.load(p + i);
    // (signed: a byte of 0x80 or more is below 0x20 too)
    const bad = v128.or(v128.or(i8x16.lt_s(v, c20), i8x16.eq(v, cAmp)), v128.or(v128.or(i8x16.eq(v, cBs), i8x16.eq(v, cPct)), i8x16.eq(v, cPlus)));
    const zeros = <u32>i8x16.bitmask(i8x16.eq(v, c0)) & valid;
    const xs = <u32>i8x16.bitmask(i8x16.eq(v128.or(v, c20), cx)) & valid;
    const sp = <u32>i8x16.bitmask(i8x16.eq(v, c20)) & valid;
    if (((<u32>i8x16.bitmask(bad) & valid) | (((zeros << 1) | (carry & 1)) & xs) | (((sp << 1) | (carry >> 1)) & sp)) != 0) break;
    carry = (zeros >> 15) | ((sp >> 15) << 1);
    v128.store(p + i, v128.or(v, v128.and(i8x16.lt_s(i8x16.add(v, cUp), cUpEnd), c20)));
  }
  return i < n ? i : n;
}

const ST_OUT_PAIR: u32 = 60; // which buffer pair holds the last decodeChunk output

/**
 * Fast path of decodeChunk for a whole value (the first chunk and the last, so every stage is
 * fresh: nothing carried, no previous output byte, no NUL mark) that no stage changes but for
 * ASCII case. The percent stages skip it (no '%', no '+' where it means space); the markup stage
 * takes every 16-byte block of it on its own fast path (printable ASCII, no & \\, no "0x", no
 * space run), or a '0' ending a block byte by byte through put(), which writes it unchanged. So
 * the output is the input case-folded, with the offsets 0, 1, ... n (not stored: lexPlain uses
 * the index, and nothing else reads this output's offsets); the stores the stages
 * would make: the markup stage's SG_PREV (its last output byte) and the output pair. Returns false for
 * any other value (decodeChunk then copies the input again). Apart from decodeChunk (whose call
 * costs more than this whole path for a short value), and inlined with plainFold into scanOnce
 * and scanPush, its callers.
 */
// @ts-ignore: decorator
@inline function plainChunk(st: usize, scratch: usize, inp: usize, n: u32): bool {
  const b0 = pairBytes(scratch, 0);
  copyInput(b0, inp, n);
  const ctx = g32(st, ST_CONTEXT);
  if (plainFold(b0, n, ctx == CTX_QUERY || ctx == CTX_FORM) != n) return false;
  if (n > 0) s32(stage(st, 2), SG_PREV, <u32>load<u8>(b0 + n - 1));
  s32(st, ST_OUT_PAIR, 0);
  return true;
}

/**
 * Run one chunk (n ≤ CHUNK) through the decoding stages; returns the normalised length, the
 * pair holding it is at ST_OUT_PAIR. A percent stage with nothing to decode (no '%', no '+'
 * where it means space, nothing carried) is skipped: its output would equal its input.
 */
function decodeChunk(st: usize, scratch: usize, inp: usize, n: u32, final: bool, stages: u32): u32 {
  const pos = g32(st, ST_POS);
  const b0 = pairBytes(scratch, 0), o0 = pairOffs(scratch, 0);
  copyInput(b0, inp, n);
  const ctx = g32(st, ST_CONTEXT);
  const plus = ctx == CTX_QUERY || ctx == CTX_FORM;
  // offsets of the input: pos, pos+1, ... (4 lanes at a time)
  let v = i32x4(<i32>pos, <i32>pos + 1, <i32>pos + 2, <i32>pos + 3);
  const four = i32x4.splat(4);
  let i: u32 = 0;
  for (; i + 4 <= n + 1; i += 4) { v128.store(o0 + (<usize>i << 2), v); v = i32x4.add(v, four); }
  for (; i <= n; i++) store<u32>(o0 + (<usize>i << 2), pos + i);
  let cur: u32 = 0;
  let len = n;
  // (the first pass found no '%': the second, reading the same bytes, has none either)
  let noPercent = false;
  for (let k: u32 = 0; k < 2 && k < stages; k++) {
    const sg = stage(st, k);
    const cb = pairBytes(scratch, cur), co = pairOffs(scratch, cur);
    if (g32(sg, SG_CARRY_LEN) == 0 && (noPercent || !hasEither(cb, len, 0x25, k == 0 && plus ? 0x2b : 0x25))) { noPercent = true; continue; }
    const nxt = cur == 0 ? 1 : cur == 1 ? 2 : 0;
    const cl = prependCarry(sg, cb, co);
    len = percentStage(sg, cb - cl, co - (<usize>cl << 2), len + cl, pairBytes(scratch, nxt), pairOffs(scratch, nxt), final, k == 0 && plus, k == 1);
    cur = nxt;
  }
  if (stages >= 3) {
    const cb = pairBytes(scratch, cur), co = pairOffs(scratch, cur);
    const nxt = cur == 2 ? 0 : cur + 1;
    const cl = prependCarry(stage(st, 2), cb, co);
    len = markupStage(st, stage(st, 2), cb - cl, co - (<usize>cl << 2), len + cl, pairBytes(scratch, nxt), pairOffs(scratch, nxt), final);
    cur = nxt;
  }
  s32(st, ST_OUT_PAIR, cur);
  return len;
}

/**
 * Scan the next `len` input bytes at `input` (any length: split internally). With `final`
 * the stream ends: carried bytes are flushed and end-of-input rules run. Returns the
 * number of findings recorded so far, or -1 for a state block that was never begun.
 */
export function scanPush(st: usize, scratch: usize, input: usize, len: u32, final: u32): i32 {
  if (g32(st, ST_MAGIC) != STATE_MAGIC) return -1;
  if ((g32(st, ST_FLAGS) & FLAG_FINISHED) != 0) return -2;
  const total = g32(st, ST_TOTAL);
  const limit = g32(st, ST_LIMIT);
  const allowed: u32 = total >= limit ? 0 : (len < limit - total ? len : limit - total);
  if (allowed < len && (g32(st, ST_FLAGS) & FLAG_OVERSIZE) == 0) {
    s32(st, ST_FLAGS, g32(st, ST_FLAGS) | FLAG_OVERSIZE);
    report(st, R_LIMIT_OVERSIZE, limit, total + len);
  }
  s32(st, ST_TOTAL, total + len);
  let done: u32 = 0;
  let flushed = false;
  while (done < allowed || (final != 0 && !flushed)) {
    const n = allowed - done < CHUNK ? allowed - done : CHUNK;
    const last = final != 0 && done + n == allowed;
    // A whole value at offset 0 nothing is held for (a byte is held only before a later chunk,
    // which moves ST_POS past 0; checked anyway, one load) and, being last, holds nothing back:
    // plainChunk's output goes to the lexer as it is, its offsets the index. (Not when scanOnce
    // has just tried it on these bytes: FLAG_NOT_PLAIN.)
    rawChunk(input + done, g32(st, ST_POS), n); // (the raw letter case, which decoding folds: see rawUpper)
    if (last && g32(st, ST_POS) == 0 && g32(st, ST_HELD) == 0 && (g32(st, ST_FLAGS) & FLAG_NOT_PLAIN) == 0 &&
        plainChunk(st, scratch, input + done, n)) {
      lexPlain(st, pairBytes(scratch, 0), n);
    } else {
      let m = decodeChunk(st, scratch, input + done, n, last, 3);
      const outPair = g32(st, ST_OUT_PAIR);
      let b = pairBytes(scratch, outPair), o = pairOffs(scratch, outPair);
      const held = g32(st, ST_HELD);
      if (held != 0) {
        b -= 1; o -= 4; m += 1;
        store<u8>(b, <u8>(held - 1)); store<u32>(o, g32(st, ST_HELD_AT));
        s32(st, ST_HELD, 0);
      }
      if (!last && m > 0) {
        m -= 1;
        s32(st, ST_HELD, 1 + <u32>load<u8>(b + m)); s32(st, ST_HELD_AT, load<u32>(o + (<usize>m << 2)));
      }
      lex(st, b, o, m);
      // (a later chunk may lex a word of this one: held or carried bytes. Not after a whole value, the first chunk and the
      // last: rawUpper and rawEscape read each of its offsets from the chunk itself, and there is no offset before it)
      if (!last || g32(st, ST_POS) != 0) rawKeep(st);
    }
    s32(st, ST_POS, g32(st, ST_POS) + n);
    done += n;
    if (last) flushed = true;
  }
  if (final != 0) finish(st, false);
  return <i32>g32(st, ST_NFIND);
}

// (inlined into scanPush, its one caller: the call's fixed cost is a good part of a short value's)
// @ts-ignore: decorator
@inline function finish(st: usize, plain: bool): void {
  // (`plain`: scanOnce's plain path, where the flags are still zero — no oversize, nothing finished)
  const end = g32(st, ST_POS);
  // the oversize span runs to the end of the input, however it was chunked
  if (!plain && (g32(st, ST_FLAGS) & FLAG_OVERSIZE) != 0) {
    for (let i: u32 = 0; i < g32(st, ST_NFIND); i++) {
      const f = st + ST_FINDINGS + i * FINDING_BYTES;
      if (load<u32>(f) == R_LIMIT_OVERSIZE) store<u32>(f + 8, g32(st, ST_TOTAL));
    }
  }
  const lx = st + ST_LEX;
  const len = load<u32>(lx + LX_LEN);
  if (len != 0) { emitWord(st, load<u32>(lx + LX_HASH), len, load<u32>(lx + LX_START), end); store<u32>(lx + LX_LEN, 0); }
  sqlFinish(st, st + ST_SQL, end);
  sqlFinish(st, st + ST_SQL + SQL_BYTES, end);
  sqlFinish(st, st + ST_SQL + 2 * SQL_BYTES, end);
  quoteOnlyFinish(st, end);
  sameFinish(st, end);
  xssFinish(st, st + ST_XSS, end);
  cmdFinish(st, st + ST_CMD, end);
  pathFinish(st, st + ST_PATH, end);
  nosqlFinish(st, st + ST_NOSQL, end);
  s32(st, ST_FLAGS, plain ? FLAG_FINISHED : g32(st, ST_FLAGS) | FLAG_FINISHED);
}

// quietPath's byte classes: a letter or a digit its folded self (0x30 or more, as the lexer stores it), P_SLASH '/',
// P_JOIN '-' '.', P_OTHER any other byte: '_' too (the path detector names files by words with one at a segment's
// start whatever their shape: /x/error_log, access_log, /tmp/sess_<id>), and a multi-byte character's (not ASCII)
const P_OTHER: u32 = 0, P_SLASH: u32 = 1, P_JOIN: u32 = 2;
const PATH_CLASS: usize = memory.data(256);
// quietKeyword's folded word, for the keyword probe (32 bytes and the 8 it may read past them)
const QUIET_WORD: usize = memory.data(48, 16);
for (let b: u32 = 0; b < 128; b++) {
  store<u8>(PATH_CLASS + <usize>b, <u8>(b - 0x41 < 26 ? b | 0x20 : b - 0x61 < 26 || b - 0x30 < 10 ? b : b == 0x2f ? P_SLASH : b == 0x2d || b == 0x2e ? P_JOIN : P_OTHER));
}

/**
 * Is the word of `len` bytes (at most 32: letters and digits) at `p`, FNV-1a hash `hash` of its folded bytes, a
 * keyword? The lexer's own answer (keywordFlags != 0): the filter, then, for the one word in 25 it lets through that
 * is none, the probe, on the word folded into QUIET_WORD. (quietPath's: a path's numbers and names are seldom
 * keywords, and a number the filter lets through, /orders/12345, would cost a whole scan.)
 */
// @ts-ignore: decorator
@inline function quietKeyword(hash: u32, p: usize, len: u32): bool {
  return mayBeKeyword(hash) && quietProbe(hash, p, len);
}
function quietProbe(hash: u32, p: usize, len: u32): bool {
  for (let i: u32 = 0; i < len; i++) store<u8>(QUIET_WORD + <usize>i, load<u8>(PATH_CLASS + <usize>load<u8>(p + <usize>i)));
  return isKeyword(hash, QUIET_WORD, len);
}

/**
 * Is the path `p` (n bytes) '/'-separated segments of ordinary words, which no detector reacts to? An optional '/'
 * first and last, segments of words (letters and digits: no '_', see PATH_CLASS) joined by one '-' or '.', each word at
 * most 32 bytes, no keyword (the lexer's own test, filter and probe, on the folded word), ordinary (ORDINARY: no
 * detector's word step tests its shape) and, when it starts with a digit, all digits (1union is read apart). Every path
 * rule needs a keyword or a name of a shape a word step tests (etc, passwd, win.ini, .php, sh), a run or an edge of
 * punctuation ('..', '//', a leading '.' or '-'), or other punctuation ('%', ';', '\\', ':'), so scanOnce would find
 * nothing: /, /orders/12345, /users/me, /favicon.ico. (Checked against the full scan on random paths of the detectors'
 * keywords and names, random and ordinary words, joined by what it takes and what it refuses, at paranoia 1 and 2:
 * test/scanner/quiet-path.node.test.ts, whose QUIET_PATH_ROUNDS a longer run raises.) One pass, one table load a byte.
 */
export function quietPath(p: usize, n: u32): bool {
  if (n == 0) return false;
  let i: u32 = 0;
  let c = <u32>load<u8>(PATH_CLASS + <usize>load<u8>(p));
  if (c == P_SLASH) {
    if (n == 1) return true;
    i = 1;
    c = <u32>load<u8>(PATH_CLASS + <usize>load<u8>(p + 1));
  }
  // (here a word starts at i, its first byte's class c)
  while (true) {
    if (c < 0x30) return false; // a separator where a word must start ('//', '/-', '-.'), or another byte
    const start = i;
    const w0 = c;
    let hash = FNV_OFFSET;
    let bits: u32 = 0;
    do {
      hash = (hash ^ c) * FNV_PRIME;
      bits |= c;
      i++;
      if (i >= n) break;
      c = <u32>load<u8>(PATH_CLASS + <usize>load<u8>(p + i));
    } while (c >= 0x30);
    const len = i - start;
    // (w1 folded as the lexer's buffer holds it; a one-byte word is never ordinary, whatever w1)
    if (len > 32 || ((w0 & 0x40) == 0 && (bits & 0x40) != 0) ||
        !ordinaryWord(w0, len > 1 ? <u32>load<u8>(PATH_CLASS + <usize>load<u8>(p + start + 1)) : 0, len) || quietKeyword(hash, p + start, len)) return false;
    if (i >= n) return true;
    i++;
    if (i >= n) return c == P_SLASH; // a trailing '/' (a trailing joiner, or any other byte, is not quiet)
    if (c != P_SLASH && c != P_JOIN) return false;
    c = <u32>load<u8>(PATH_CLASS + <usize>load<u8>(p + i));
  }
}

/** One-shot scan of a whole value: begin + push(final). Returns the finding count. */
export function scanOnce(st: usize, scratch: usize, input: usize, len: u32, context: u32, paranoia: u32, limit: u32): i32 {
  if (context == CTX_PATH && len <= limit && quietPath(input, len)) {
    // Clean without the scan (see quietPath): the header of a finished scan that found nothing, which is all the host
    // reads after one (the finding count, the score, the flags); the detectors' regions are no finished scan's concern.
    beginHeader(st, context, paranoia, limit);
    s32(st, ST_POS, len);
    s32(st, ST_TOTAL, len);
    s32(st, ST_FLAGS, FLAG_FINISHED);
    return 0;
  }
  scanBegin(st, context, paranoia, limit);
  // A plain value within the limit in one chunk (most values): scanPush(final)'s path for it without its
  // checks and loop — the begun state passes them (magic set, not finished, nothing pushed, held or past
  // the limit: no oversize report), the one chunk is the last, at offset 0 — making its stores: the total,
  // plainChunk's, the lexer's, the position, finish's. (plainChunk stores nothing when it answers false.)
  if (len <= limit && len <= CHUNK) {
    if (plainChunk(st, scratch, input, len)) {
      rawChunk(input, 0, len);
      s32(st, ST_TOTAL, len);
      lexPlain(st, pairBytes(scratch, 0), len);
      s32(st, ST_POS, len);
      finish(st, true);
      return <i32>g32(st, ST_NFIND);
    }
    // (no: scanPush's own try, on the same bytes, would say no again — a second copy and fold of the value)
    s32(st, ST_FLAGS, FLAG_NOT_PLAIN);
  }
  return scanPush(st, scratch, input, len, 1);
}

/**
 * Debug view for `explain`: decode `len` bytes (≤ scanChunkBytes) through the first
 * `stages` stages (1 percent, 2 percent again, 3 markup/folding) and return the output
 * length; the bytes are at scanDebugOutput(scratch), their original offsets (u32) at
 * scanDebugOffsets(scratch). Uses `st` as a throwaway state block.
 */
export function scanDebugDecode(st: usize, scratch: usize, input: usize, len: u32, context: u32, stages: u32): i32 {
  if (len > CHUNK || stages < 1 || stages > 3) return -1;
  scanBegin(st, context, 2, 0xffffffff);
  const n = decodeChunk(st, scratch, input, len, true, stages);
  const at = g32(st, ST_OUT_PAIR);
  if (at != 0) {
    memory.copy(pairBytes(scratch, 0), pairBytes(scratch, at), n);
    memory.copy(pairOffs(scratch, 0), pairOffs(scratch, at), (<usize>n + 1) << 2);
  }
  return <i32>n;
}
export function scanDebugOutput(scratch: usize): usize { return pairBytes(scratch, 0); }
export function scanDebugOffsets(scratch: usize): usize { return pairOffs(scratch, 0); }

/**
 * Zero what a scan left of the input in the scratch area: the first `used`
 * bytes (and the carry room) of every decode buffer. Called by the host after
 * each scan, so decoded payload text never lingers in a slot the detector keeps.
 */
export function scanWipe(scratch: usize, used: u32): void {
  // (+ TAIL_SLACK: the bytes a 16-byte block past the end of the output may have copied there)
  const n = <usize>(ROOM + (used + TAIL_SLACK < CAP ? used + TAIL_SLACK : CAP));
  for (let k: u32 = 0; k < 3; k++) memory.fill(scratch + <usize>k * PAIR_BYTES, 0, n);
}

/**
 * Everything the host wipes after a verdict, in one call: the first `used` bytes of the
 * input slot, the decode buffers (as scanWipe) and, when `state` is nonzero, the state block.
 */
export function scanWipeSlots(scratch: usize, input: usize, used: u32, state: usize): void {
  memory.fill(input, 0, used);
  scanWipe(scratch, used);
  if (state != 0) memory.fill(state, 0, STATE_BYTES);
}

// scanBegin zeroes [0, ST_FINDINGS) 64 bytes at a time; the detector inits rely on their regions being zero.
// @ts-ignore
assert(ST_STAGES == 64 && CHUNK + MAX_CARRY + 1 + TAIL_SLACK <= CAP && SG_PREV == SG_CARRY_LEN + 4 && ST_FINDINGS % 64 == 0 && ST_LEX == 640 && ST_FINDINGS == 2368 && STAGE_COUNT == 3 && ST_XSS == ST_SQL + 3 * SQL_BYTES && ST_CMD == ST_XSS + 128 && ST_PATH == ST_CMD + 128 && ST_CMD2 == ST_PATH + 128 && ST_CMD3 == ST_CMD2 + 128);
