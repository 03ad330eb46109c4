// SQL injection: a resumable SQL tokenizer plus a judge over the last few tokens, in the
// spirit of libinjection (token shapes, not keyword lists). The value is tokenized three
// times in parallel: as-is, as if it continued a '...' string and as if it continued a
// "..." string, because an injected value usually starts inside a literal. Whitespace and
// parentheses are not tokens (parentheses leave flags on the next token), comments are
// folded away (they only leave a flag), so `union/**/select`-style spacing changes nothing (a comment inside
// a word, UNI/**/ON, is joined by the split-keyword tracker at the end of this file).
import { g32, s32, g64, s64, report, ST_LEX, LX_WORD, LX_START, ST_QONLY, ST_QWORD, ST_SPLIT, ST_SAME, ST_DOLLAR, ST_SQL, SQL_BYTES, ST_CMD2 } from "./state";
import { digitsOnly, flagsOfBytes, lettersOnly, wordIs, doubledKeywordLengths, KW_DOUBLED, FNV_OFFSET, FNV_PRIME } from "./keywords";
// (cmdi's record of the last word, ST_CMD2 + J_LW: its end in the high half, its length in the low byte; see dollarPunct)
import { J_LW } from "./cmdi";
import { valueEndNul } from "./decode";
import {
  K_SQL_LOGIC, K_SQL_NOT, K_SQL_UNION, K_SQL_SELECT, K_SQL_ALLDISTINCT, K_SQL_FROM, K_SQL_WHERE, K_SQL_DDL,
  K_SQL_INSERT, K_SQL_DELETE, K_SQL_UPDATE, K_SQL_SET, K_SQL_EXEC, K_SQL_DECLARE, K_SQL_SHUTDOWN, K_SQL_WAITFOR,
  K_SQL_DELAY, K_SQL_OBJ, K_SQL_INTO, K_SQL_OUTFILE, K_SQL_ORDER, K_SQL_BY, K_SQL_LIMIT, K_SQL_OPWORD, K_SQL_VALUEKW,
  K_SQL_DANGER, K_SQL_SCHEMA, K_SQL_SCHEMA_WEAK, K_SQL_FUNC,
  R_SQLI_UNION_SELECT, R_SQLI_TAUTOLOGY, R_SQLI_STRING_BREAKOUT, R_SQLI_STACKED_QUERY, R_SQLI_DANGEROUS_FUNCTION,
  R_SQLI_SCHEMA_PROBE, R_SQLI_SELECT_FROM, R_SQLI_ORDER_BY_PROBE, R_SQLI_EXECUTABLE_COMMENT, R_SQLI_FUNCTION_CHAIN,
  R_SQLI_COMMENT_TRUNCATION, R_SQLI_STATEMENT, R_SQLI_COMPARISON, R_SQLI_TYPE_CAST, R_SQLI_SPLIT_KEYWORD,
  KW_MAX_WORD, K_FAMILY_SQL,
} from "./generated/tables";

// Instance fields
const Q_MODE: u32 = 0;      // 0 as-is, 0x27 or 0x22: starts inside that quote
const Q_STATE: u32 = 4;
const Q_QUOTE: u32 = 8;
const Q_TSTART: u32 = 12;   // start of the string/comment in progress
const Q_NTOK: u32 = 16;
const Q_PEND: u32 = 20;     // AUX flags for the next token (parens, comment)
const Q_DOT: u32 = 24;      // end offset + 1 of a '.' that may join two names
const Q_DEPTH: u32 = 28;    // paren depth (signed)
const Q_SEL: u32 = 32;      // SEL_* bits
const SEL_LIST: u32 = 1;     // SELECT with an SQL-shaped list seen (waiting for FROM)
const SEL_SET: u32 = 2;      // the reading opened with an UPDATE SET splice: break-out, ',', name, '=' (see spliceOpened)
const SEL_ROW: u32 = 4;      // the reading opened with an INSERT VALUES row splice: break-out, ')' ',' '(' (see spliceOpened)
const SEL_ESC: u32 = 8;      // a backslash in the reading's implied "…" string escaped (MySQL's reading): every later one does (see sqlPunctFull)
const SEL_DOLLARQ: u32 = 32;  // a dollar-quoted string's end put the reading out of a string or comment: until its closer (Q_QUOTE) none opens (see dollarClose)
const SEL_RAW: u32 = 16;     // one escaped nothing (the closing reading): every later one does not either (see sqlPunctFull)
const Q_AT: u32 = 36;       // count of '@' right before the next word, or AT_TICK / AT_BSL / AT_LINK | the end of a backtick / '\' / ']'
const AT_TICK: u32 = 0x40000000;
const AT_BSL: u32 = 0x20000000; // | the end of a backslash: \N glued to the next word is MySQL's NULL
const AT_LINK: u32 = 0x10000000; // | the end of a ']': a '(' glued to it opens a Markdown link's target or calls a [bracketed] name
const AT_GLUE: u32 = 0x08000000; // | the end of an '@' glued after a plain word or number: no variable (see atMark)
const Q_FUNCS: u32 = 40;    // SQL function calls seen
const Q_LASTEND: u32 = 44;  // end of the last event (adjacency)
const Q_AUXSTART: u32 = 48; // start of the pending '(' / comment (span start)
const Q_SIG: u32 = 52;      // SQL-only token shapes seen (operators, keywords, calls, variables), | SIG_SYMBOLIC
const SIG_SYMBOLIC: u32 = 0x10000;
const Q_HEAD: u32 = 56;     // ring index of the newest token
const Q_BO: u32 = 60;       // low byte: quote re-opening shape: 1 breakout first, 2 + an operator right after it, 3 + a comparison/connective later; and BO_* bits
const BO_SHAPE: u32 = 0xff;
const BO_WORD: u32 = 0x100;    // a word-like token (name, keyword, call, variable) was seen
const BO_COMMENT: u32 = 0x200; // a comment was judged after the newest token
const BO_LOOSE: u32 = 0x400;  // the implied string was closed by a quote after a space or punctuation but a ) or ] (a quoted word in prose, an argument in code)
const BO_NOTE: u32 = 0x800;    // the last judged comment has text in it ("555-1234 -- thanks" is a note, "1 --" a cut)
const BO_DEFER: u32 = 0x2000;  // a loose break-out comparison waits for the event after it (see judge)
const BO_EMPTY: u32 = 0x1000;  // the value starts with the quote that closes the implied string (' or 1=1, '--)
const BO_TRUNC: u32 = 0x4000;  // a comment cut waits for the end of its line (see onComment); 0x8000, 0x10000: one, two words in it
const BO_TRUNC_WORD1: u32 = 0x8000;
const BO_TRUNC_WORD2: u32 = 0x10000;
const BO_QUOTE_FIRST: u32 = 0x20000; // the implied string's closing quote is the value's first byte (%22 and \" too: three or two input bytes)
const BO_PREFIX: u32 = 0x40000;      // the string in progress has a literal prefix (x'41'): token 0 is that prefix
const BO_DANGER: u32 = 0x80000;      // a dangerous call in prose position waits for its argument (dangerStep); 0x100000 x 3: tokens since
const BO_DANGER_N: u32 = 0x100000;
const BO_TAG: u32 = 0x400000;        // '<' glued to a loose break-out quote: markup if a name (or / or !) is glued to it
const BO_MARKUP: u32 = 0x800000;     // the loose quote opened markup ('<b>hi</b>', '</form>'): HTML in a string of code
const BO_CASE: u32 = 0x1000000;      // CASE [x] WHEN was seen: END closes its expression (CASE … END = 1)
const BO_DANGER_ARGS: u32 = 0x2000000; // with BO_DANGER: a dangerous call in SQL position waits for its first token (empty parentheses: a name in prose)
const BO_NOTE2: u32 = 0x4000000;     // with BO_NOTE: a second word of text in the comment (sleep(2) -- wait for it: a note on a line of code)
const BO_APOS: u32 = 0x8000000;      // the implied '…' (or "…") string's closing quote is glued after a word that starts with a letter (I'm, l'or, f'(x)): see sqlWord
const BO_APOS1: u32 = 0x10000000;    // with BO_APOS: that word is one letter long (f'(x): see sqlPunct)
const BO_ORDER: u32 = 0x20000000;    // ORDER/GROUP BY <n> waits for the token after it: a plain word there is a deadline or
                                     // a count in prose (Order by 24 December, Group by 4 people max), see orderSettle
const BO_PRIME: u32 = 0x40000000;    // the implied '…' string's closing quote was glued after a one-letter word and was no
                                     // apostrophe: a prime (y' = 2y, d' = 1.2, x'=0), see judge's '= <value>' break-out
const BO_INCH: u32 = 0x80000000;     // the implied "…" string's closing quote was glued after a number (TV 55", 6'2"): see S_HASH
const Q_RING: u32 = 64;     // RING_N entries, circular (newest at Q_HEAD)
const E_BYTES: u32 = 24;
const E_TYPE: u32 = 0;
const E_AUX: u32 = 4;
const E_FLAGS: u32 = 8;
const E_START: u32 = 16;
const E_END: u32 = 20;
const RING_N: u32 = 8;      // a power of two: indexes wrap with & (RING_N - 1)

// Tokenizer states
const S_NORMAL: u32 = 0;
const S_STRING: u32 = 1;
const S_STRING_QUOTE: u32 = 2; // saw the closing quote: '' continues the string
const S_STRING_ESC: u32 = 3;
const S_BLOCK: u32 = 4;
const S_BLOCK_STAR: u32 = 5;
const S_LINE: u32 = 6;
const S_DASH: u32 = 7;
const S_SLASH: u32 = 8;
const S_BLOCK_OPEN: u32 = 9;   // just after '/*': '!' makes it executable
const S_DASHDASH: u32 = 11;
const S_HASH: u32 = 10;        // '#': a MySQL comment, judged as one only if nothing but space/newline follows on the line
const S_HASH_OP: u32 = 12;     // '#' glued after an operand: PostgreSQL's XOR if a number or '(' is glued after it, else as S_HASH
// the states inside a comment (or about to be, after '/*', '#' or '--'), one bit per state
const COMMENT_STATES: u32 = (1 << S_LINE) | (1 << S_BLOCK) | (1 << S_BLOCK_STAR) | (1 << S_BLOCK_OPEN) | (1 << S_DASHDASH) | (1 << S_HASH) | (1 << S_HASH_OP);

// Token types
const T_NUM: u32 = 1;
const T_STR: u32 = 2;
const T_WORD: u32 = 3;
const T_KW: u32 = 4;
const T_FUNC: u32 = 5;
const T_LOGIC: u32 = 6;
const T_OP: u32 = 7;
const T_COMMA: u32 = 8;
const T_SEMI: u32 = 9;
const T_VAR: u32 = 10;
// One bit per token type, to test a type against a set in one step (typeIn)
const TM_NUM: u32 = 1 << T_NUM;
const TM_STR: u32 = 1 << T_STR;
const TM_WORD: u32 = 1 << T_WORD;
const TM_KW: u32 = 1 << T_KW;
const TM_FUNC: u32 = 1 << T_FUNC;
const TM_LOGIC: u32 = 1 << T_LOGIC;
const TM_OP: u32 = 1 << T_OP;
const TM_COMMA: u32 = 1 << T_COMMA;
const TM_SEMI: u32 = 1 << T_SEMI;
const TM_VAR: u32 = 1 << T_VAR;
// @ts-ignore: decorator
@inline function typeIn(t: u32, mask: u32): bool { return ((1 << t) & mask) != 0; }

// Aux flags
const A_CMP: u32 = 1;
const A_LPAREN: u32 = 2;
const A_RPAREN: u32 = 4;
const A_BREAKOUT: u32 = 8;
const A_STAR: u32 = 16;
const A_COMMENT: u32 = 32;
const A_SYSVAR: u32 = 64;
const A_HEX: u32 = 128;
const A_UNARY: u32 = 256;   // a sign/negation was folded into this operand
const A_CHAR: u32 = 0xff00; // operator character(s) for OP tokens
const A_SPACED: u32 = 0x10000; // FUNC: whitespace between the name and its '(' (if (a < b), for (i = 0)
const A_JOINED: u32 = 0x20000; // OP: two operator characters joined (<= != == ...)
const A_CELL: u32 = 0x20000;   // WORD (the bit of OP's A_JOINED): a spreadsheet cell reference (a1, bc12)
const A_MATHS: u32 = 0x20000;  // FUNC (the bit of OP's A_JOINED): a maths or aggregate function's name (MATHS_FUNCS)
const A_AGG: u32 = 0x40000;    // FUNC (the bit of OP's A_IS): with A_MATHS, an aggregate's (count, sum, avg, min, max)
const A_UNIT: u32 = 0x20000;   // NUM (the bit of OP's A_JOINED): letters glued after the digits (3pm, 2s) — not an integer literal
const A_HEXGROUP: u32 = 0x40000; // WORD (the bit of OP's A_IS): one to four hex digits, an IPv6 group (::ffff:…), no type name
const A_IS: u32 = 0x40000;     // OP: the word operator IS (only NULL, TRUE, FALSE, NOT ... may follow it)
const A_OPERAND: u32 = 0x2000000; // OP (the bit of WORD's A_PREFIX): IS IN LIKE ILIKE GLOB, a comparison only with an operand SQL writes (see sigOperator)
const A_IN: u32 = 0x10000000;  // OP (the bit of WORD's A_CASE): IN, whose operand is a parenthesis in every dialect (SQLite's IN table aside)
const A_DANGERTAIL: u32 = 0x100000; // a folded operand ends with a dangerous name (1 - sleep)
const A_CALLKW: u32 = 0x80000; // KW: CALL (of the EXEC class: CALL takes a procedure name, never a parenthesis)
const A_VERB: u32 = 0x80000;   // WORD (the bit of KW's A_CALLKW): TABLE, SHOW, DESC, DESCRIBE, HANDLER, MATCH — a verb that starts a statement of its own
const A_PROC: u32 = 0x400000;      // WORD: a name with an MSSQL system procedure prefix (sp_who, xp_regread, master..sp_addlogin)
const A_FUNCTAIL: u32 = 0x200000;   // a folded operand ends with an SQL function name (1 / ascii, 10-length): a glued '(' calls it
const A_NOT: u32 = 0x800000;       // NOT stood right before this token
const A_PREFIX: u32 = 0x2000000;   // WORD: x, b, n, e or _charset: glued to a ' it prefixes a literal (x'41', N'a', _utf8'a')
const A_VALUES: u32 = 0x4000000;   // WORD: VALUES (a row constructor after UNION: UNION VALUES(1,2))
const A_WHEN: u32 = 0x8000000;     // KW: WHEN (of the WHERE class: a condition only inside CASE)
const A_CASE: u32 = 0x10000000;    // WORD: CASE
const A_END: u32 = 0x20000000;     // WORD: END
const A_SIMILAR: u32 = 0x80000000; // WORD (the bit of KW's A_COPY): SIMILAR — SIMILAR TO is one comparison (see wordToken)
const A_COPY: u32 = 0x80000000;    // KW: COPY (of the DDL class, but it takes a table name, not an object word: COPY t TO …)
const A_QUAL: u32 = 0x40000000;    // a joined name (a.b): a column of a table, or a method of an object when called
const A_SQLWORD: u32 = 0x1000000;  // LOGIC/OP: a connective or word operator only SQL spells (xor, rlike, regexp); WORD: TRUE, FALSE, NULL

const STRUCTURAL: u64 = K_SQL_UNION | K_SQL_SELECT | K_SQL_ALLDISTINCT | K_SQL_FROM | K_SQL_WHERE | K_SQL_DDL | K_SQL_INSERT |
  K_SQL_DELETE | K_SQL_UPDATE | K_SQL_EXEC | K_SQL_DECLARE | K_SQL_SHUTDOWN | K_SQL_WAITFOR | K_SQL_INTO | K_SQL_ORDER |
  K_SQL_BY | K_SQL_LIMIT;
const STMT: u64 = K_SQL_DDL | K_SQL_INSERT | K_SQL_DELETE | K_SQL_UPDATE | K_SQL_EXEC | K_SQL_DECLARE | K_SQL_SHUTDOWN |
  K_SQL_WAITFOR | K_SQL_SELECT | K_SQL_SET;
const CLAUSE: u64 = K_SQL_UNION | K_SQL_SELECT | K_SQL_ORDER | K_SQL_WHERE | K_SQL_LIMIT | K_SQL_INTO | K_SQL_FROM;

/**
 * Inside a string literal a word changes nothing, and only the closing quote or a backslash
 * does: the lexer skips the call for every other event (most of a quoted value's text).
 */
// @ts-ignore: decorator
@inline export function sqlInString(q: usize): bool { return load<u32>(q + Q_STATE) == S_STRING; }
/**
 * Does punctuation `c` reach this reading? Inside a string only the closing quote or a backslash does (above), and
 * outside any string or comment a space or newline changes nothing (sqlPunct returns at once): the lexer skips the
 * call for those too (most of the punctuation of prose).
 */
// @ts-ignore: decorator
@inline export function sqlTakesPunct(q: usize, c: u32): bool {
  const s = load<u32>(q + Q_STATE);
  return s == S_STRING ? c == load<u32>(q + Q_QUOTE) || c == 0x5c : s != S_NORMAL || (c != 0x20 && c != 0x0a);
}

/** `q` is zero (scanBegin zeroes the state block); `mode` 0x27 / 0x22 starts inside that quote. */
export function sqlInit(q: usize, mode: u32): void {
  s32(q, Q_MODE, mode);
  if (mode != 0) { s32(q, Q_STATE, S_STRING); s32(q, Q_QUOTE, mode); s32(q, Q_TSTART, 0); }
}

// @ts-ignore: decorator
@inline function ent(q: usize, k: u32): usize { return q + Q_RING + ((g32(q, Q_HEAD) - k) & (RING_N - 1)) * E_BYTES; }
// (an entry past the newest NTOK has type 0 — see popToken — so a constant k below RING_N needs no count check)
// @ts-ignore: decorator
@inline function ttype(q: usize, k: u32): u32 { return k < RING_N || k < g32(q, Q_NTOK) ? load<u32>(ent(q, k) + E_TYPE) : 0; }
// @ts-ignore: decorator
@inline function taux(q: usize, k: u32): u32 { return load<u32>(ent(q, k) + E_AUX); }
// @ts-ignore: decorator
@inline function tflags(q: usize, k: u32): u64 { return load<u64>(ent(q, k) + E_FLAGS); }
// @ts-ignore: decorator
@inline function tstart(q: usize, k: u32): u32 { return load<u32>(ent(q, k) + E_START); }
// @ts-ignore: decorator
@inline function tend(q: usize, k: u32): u32 { return load<u32>(ent(q, k) + E_END); }

/**
 * Drop the newest token (a fold, a literal's prefix): the ring steps back and the dropped entry becomes token RING_N - 1.
 * While fewer than RING_N tokens are counted, an entry past the count has type 0 (so ttype reads no count): the dropped
 * one's type is cleared then; its other fields stay, as before.
 */
function popToken(q: usize): void {
  const n = g32(q, Q_NTOK) - 1;
  const h = g32(q, Q_HEAD);
  if (n < RING_N) store<u32>(q + Q_RING + h * E_BYTES + E_TYPE, 0);
  s32(q, Q_HEAD, (h - 1) & (RING_N - 1));
  s32(q, Q_NTOK, n);
}

// The fields of an entry already found (ent): judge finds its newest two once (the ring does not move under it)
// @ts-ignore: decorator
@inline function etype(e: usize): u32 { return load<u32>(e + E_TYPE); }
// @ts-ignore: decorator
@inline function eaux(e: usize): u32 { return load<u32>(e + E_AUX); }
// @ts-ignore: decorator
@inline function eflags(e: usize): u64 { return load<u64>(e + E_FLAGS); }
// @ts-ignore: decorator
@inline function estart(e: usize): u32 { return load<u32>(e + E_START); }
// @ts-ignore: decorator
@inline function eend(e: usize): u32 { return load<u32>(e + E_END); }

function isValue(q: usize, k: u32): bool {
  const t = ttype(q, k);
  if (typeIn(t, TM_NUM | TM_STR | TM_WORD | TM_VAR | TM_FUNC)) return true;
  if (t == T_KW) {
    const f = tflags(q, k);
    if ((f & (K_SQL_VALUEKW | K_SQL_FUNC | K_SQL_DANGER)) != 0) return true;
    if ((f & K_SQL_SELECT) != 0 && (taux(q, k) & A_LPAREN) != 0) return true;
  }
  return false;
}
// @ts-ignore: decorator
@inline function isKw(q: usize, k: u32, mask: u64): bool { return ttype(q, k) == T_KW && (tflags(q, k) & mask) != 0; }
// @ts-ignore: decorator
@inline function isCmp(q: usize, k: u32): bool { return ttype(q, k) == T_OP && (taux(q, k) & A_CMP) != 0; }
// @ts-ignore: decorator
@inline function isBreakout(q: usize, k: u32): bool { return ttype(q, k) == T_STR && (taux(q, k) & A_BREAKOUT) != 0; }
// @ts-ignore: decorator
@inline function isVerb(q: usize, k: u32): bool { return ttype(q, k) == T_WORD && (taux(q, k) & A_VERB) != 0 && (tflags(q, k) & K_SQL_EXEC) == 0; } // (call.x keeps A_CALLKW)

/**
 * Are the value's two comparisons, tokens 3 and 1 (n < x < m), a range check — both ordering the same way, or a first one
 * that is <= or >= (joined: their '=' is kept) and a second '<' or '>'? Code and maths write 0 <= ch < 0x110000, 1 < n < 'z';
 * SQL compares a boolean there ((0 < x) < 'z'), which tests no column's bytes.
 */
function rangeCheck(q: usize): bool {
  const first = taux(q, 3), second = taux(q, 1);
  const c2 = (second >> 8) & 0xff;
  if ((second & A_JOINED) != 0 || (c2 != 0x3c && c2 != 0x3e)) return false;
  return (first & A_JOINED) != 0 ? ((first >> 8) & 0xff) == 0x3d : ((first >> 8) & 0xff) == c2;
}

/** A plain name: a word with no SQL meaning of its own (x, price, rating — not user, version, ascii). */
// @ts-ignore: decorator
@inline function plainName(q: usize, k: u32): bool {
  return ttype(q, k) == T_WORD && (tflags(q, k) & (K_SQL_VALUEKW | K_SQL_FUNC | K_SQL_DANGER | K_SQL_SCHEMA | K_SQL_SCHEMA_WEAK)) == 0;
}

/**
 * x < 5 and y > 3, price < 100 and rating >= 4: the newest comparison (tokens 0-2, after the connective
 * at 3) and the one before the connective (4-6) both compare a plain name. That is a condition written
 * out (a spec, a formula); an injected connective follows a literal or a break-out, not a comparison.
 */
function condition(q: usize): bool {
  return plainName(q, 2) && (taux(q, 2) & A_LPAREN) == 0 && isValue(q, 4) && isCmp(q, 5) && plainName(q, 6) && g32(q, Q_NTOK) >= 7;
}

/**
 * Is token k the one argument of a call at k + 1 — a plain name or a decimal number with '(' right before it (the ')'
 * right after it is the caller's to test)? count(x), round(2.5), log(100): how a formula writes a function of one thing.
 */
function oneArgCall(q: usize, k: u32): bool {
  if ((taux(q, k) & A_LPAREN) == 0 || ttype(q, k + 1) != T_FUNC) return false;
  return plainName(q, k) || (ttype(q, k) == T_NUM && (taux(q, k) & A_HEX) == 0);
}

/** Is token k a select-list item (what follows SELECT in an injected query)? */
function selectItem(q: usize, k: u32): bool {
  const t = ttype(q, k);
  if (typeIn(t, TM_NUM | TM_STR | TM_VAR | TM_FUNC)) return true;
  if (t == T_OP) return (taux(q, k) & A_STAR) != 0;
  if (t == T_KW) return (tflags(q, k) & (K_SQL_VALUEKW | K_SQL_FUNC | K_SQL_DANGER | K_SQL_ALLDISTINCT)) != 0;
  if (t == T_WORD) return (tflags(q, k) & (K_SQL_VALUEKW | K_SQL_FUNC | K_SQL_DANGER)) != 0;
  return false;
}

/**
 * A quote reading's first tokens open a splice into an UPDATE's SET list or an INSERT's VALUES rows (Q_SEL's SEL_SET, SEL_ROW):
 * the end of the value (sqlFinishAll) judges the re-opened literal after it, however many tokens came between — a call, a
 * concatenation, more assignments or rows fill the ring (RING_N tokens) before the value ends. Called as the 3rd, 4th and
 * 5th tokens are pushed (a token pushed without push — a plain word or number in plainWordFast — leaves its check to the
 * next push): x', role = <5th>  the break-out, ',', a name and '=' (settled: '==' is a comparison) followed by a 5th token;
 * x'),(<3rd>  '),(… <4th>  the break-out (or the value's first quote), ',' after a ')', then a '(' opening the next row.
 */
function spliceOpened(q: usize, n: u32): void {
  let sel = g32(q, Q_SEL);
  if (n == 5 && isBreakout(q, 4) && ttype(q, 3) == T_COMMA && ttype(q, 2) == T_WORD &&
      ttype(q, 1) == T_OP && (taux(q, 1) & (A_CHAR | A_JOINED)) == (0x3d << 8)) sel |= SEL_SET;
  // (the break-out is the reading's first token; the '(' marks the token after the ',')
  const k = n - 1;
  if ((isBreakout(q, k) || (ttype(q, k) == T_STR && (g32(q, Q_BO) & BO_EMPTY) != 0)) && ttype(q, k - 1) == T_COMMA &&
      (taux(q, k - 1) & (A_LPAREN | A_RPAREN)) == A_RPAREN && (taux(q, k - 2) & A_LPAREN) != 0) sel |= SEL_ROW;
  s32(q, Q_SEL, sel);
}

/** `word` names what IS tests beyond NULL TRUE FALSE: UNKNOWN (MySQL, PostgreSQL: `0 is not unknown--` is a tautology
 * there), JSON, DOCUMENT, NORMALIZED (PostgreSQL), NAN, INFINITE, EMPTY (Oracle) — no plain name after IS (see wordToken). */
function isTestWord(word: usize, len: u32): bool {
  return len >= 3 && len <= 10 && (wordIs(word, len, "unknown") || wordIs(word, len, "json") || wordIs(word, len, "document") ||
    wordIs(word, len, "normalized") || wordIs(word, len, "nan") || wordIs(word, len, "infinite") || wordIs(word, len, "empty"));
}

/** A word operator (IS IN LIKE ILIKE GLOB) taken as a comparison once its operand shows SQL (see pushToken): the SQL-only shape it is. */
function sigOperator(q: usize, symbolic: bool = true): void {
  s32(q, Q_SIG, (g32(q, Q_SIG) + 1) | (symbolic ? SIG_SYMBOLIC : 0));
}

/** Append a token to the ring (folding an operand's arithmetic), track the break-out shape and SQL signs, and judge. */
function push(st: usize, q: usize, type: u32, aux: u32, flags: u64, start: u32, end: u32): void {
  pushToken(st, q, type, aux, flags, start, end);
}

/**
 * push for a ',' (a third of all pushes in the corpus: select lists, value lists): the same body with the type, aux and
 * flags constant, so the tests that need another type fold away at compile time.
 */
function pushComma(st: usize, q: usize, start: u32, end: u32): void {
  pushToken(st, q, T_COMMA, 0, 0, start, end);
}

/** push for an operator character (opToken) and a number (wordToken): the same body, the type and flags constant. */
function pushOp(st: usize, q: usize, aux: u32, start: u32, end: u32): void {
  pushToken(st, q, T_OP, aux, 0, start, end);
}
function pushNum(st: usize, q: usize, aux: u32, start: u32, end: u32): void {
  // (a number glued after '~' reads "about": ~95 Mb/s — no pattern is a number, so that '~' compares nothing)
  if (g32(q, Q_NTOK) != 0 && ttype(q, 0) == T_OP && tend(q, 0) == start && (taux(q, 0) & (A_CMP | A_CHAR)) == (A_CMP | (0x7e << 8))) {
    store<u32>(ent(q, 0) + E_AUX, taux(q, 0) & ~A_CMP);
  }
  pushToken(st, q, T_NUM, aux, 0, start, end);
}
/** push for a closed literal (closeString), a keyword, a connective and a word (wordToken): the type constant. */
function pushStr(st: usize, q: usize, aux: u32, start: u32, end: u32): void {
  pushToken(st, q, T_STR, aux, 0, start, end);
}
function pushKw(st: usize, q: usize, aux: u32, flags: u64, start: u32, end: u32): void {
  pushToken(st, q, T_KW, aux, flags, start, end);
}
function pushLogic(st: usize, q: usize, aux: u32, flags: u64, start: u32, end: u32): void {
  pushToken(st, q, T_LOGIC, aux, flags, start, end);
}
function pushWord(st: usize, q: usize, aux: u32, flags: u64, start: u32, end: u32): void {
  pushToken(st, q, T_WORD, aux, flags, start, end);
}

// @ts-ignore: decorator
@inline function pushToken(st: usize, q: usize, type: u32, aux: u32, flags: u64, start: u32, end: u32): void {
  // (any token but the plain word wordToken let through settles a waiting ORDER BY <n> as the probe: 1 order by 3,4  order by 3 desc)
  if ((g32(q, Q_BO) & BO_ORDER) != 0) orderSettle(st, q);
  // value <arith-op> value folds into one operand (31337-31337, column*0), so comparisons see operands
  // (nested ifs, not one && chain, here and below: a chain's early miss still costs a test per term left)
  if (typeIn(type, TM_NUM | TM_WORD | TM_STR | TM_VAR)) {
    if (g32(q, Q_NTOK) >= 2 && g32(q, Q_PEND) == 0 && ttype(q, 0) == T_OP) {
      const a0 = taux(q, 0);
      const ch = a0 & A_CHAR;
      // (a '::' cast before a type name was folded in wordToken: castFold)
      // ('*' too: after an operand it multiplies — SELECT * never has one before it)
      if ((a0 & A_CMP) == 0 && typeIn(ttype(q, 1), TM_NUM | TM_WORD | TM_VAR) &&
          ch != (0x3a << 8) && ch != (0x26 << 8) && ch != (0x7c << 8)) { // not ':' '&' '|' (query-string separators)
        popToken(q);
        if ((g32(q, Q_BO) & BO_DANGER) != 0) s32(q, Q_BO, g32(q, Q_BO) - BO_DANGER_N); // (the operator folded away was counted)
        const e = ent(q, 0);
        store<u32>(e + E_END, end);
        // (1 - sleep(5): a dangerous name ends the folded operand; a '(' glued to it is still its call)
        store<u32>(e + E_AUX, (load<u32>(e + E_AUX) & ~(A_DANGERTAIL | A_FUNCTAIL)) | ((flags & K_SQL_DANGER) != 0 ? A_DANGERTAIL : 0) |
          ((flags & K_SQL_FUNC) != 0 ? A_FUNCTAIL : 0));
        if (type == T_WORD || type == T_VAR) s32(q, Q_BO, g32(q, Q_BO) | BO_WORD);
        judge(st, q);
        return;
      }
    }
  }
  // advance the ring: the newest token becomes entry 0
  const head = (g32(q, Q_HEAD) + 1) & (RING_N - 1);
  s32(q, Q_HEAD, head);
  const e = q + Q_RING + head * E_BYTES;
  aux |= type == T_OP ? g32(q, Q_PEND) & ~A_UNARY : g32(q, Q_PEND); // (an operator's A_CHAR holds the bit of A_UNARY: -< stays '<')
  store<u32>(e + E_TYPE, type); store<u32>(e + E_AUX, aux); store<u64>(e + E_FLAGS, flags);
  store<u32>(e + E_START, start); store<u32>(e + E_END, end);
  s32(q, Q_PEND, 0);
  const n = g32(q, Q_NTOK) + 1;
  s32(q, Q_NTOK, n);
  // (a SET or VALUES splice's opening tokens, noted while the ring still holds them: see spliceOpened)
  if (n - 3 <= 2 && g32(q, Q_MODE) != 0) spliceOpened(q, n);
  if ((g32(q, Q_BO) & BO_DANGER) != 0) dangerStep(st, q);
  const tm = 1 << type;
  const cmpOp = type == T_OP && (aux & A_CMP) != 0;
  // x' <op> ... <cmp|connective> ... '   — tracked for a value that re-opens the quote it broke out of
  let bo = g32(q, Q_BO) & ~BO_COMMENT;
  if ((tm & (TM_WORD | TM_KW | TM_VAR | TM_FUNC)) != 0) bo |= BO_WORD;
  // (CASE WHEN, CASE x WHEN: a CASE expression is open)
  if (type == T_KW && (aux & A_WHEN) != 0) {
    if ((ttype(q, 1) == T_WORD && (taux(q, 1) & A_CASE) != 0) || (ttype(q, 2) == T_WORD && (taux(q, 2) & A_CASE) != 0)) bo |= BO_CASE;
  }
  const shape = bo & BO_SHAPE;
  if (n == 1) { if ((aux & A_BREAKOUT) != 0) bo = (bo & ~BO_SHAPE) | 1; }
  else if (shape == 1) bo = (bo & ~BO_SHAPE) | ((tm & (TM_OP | TM_LOGIC)) != 0 ? 2 : 0); // an operator or connective right after the quote, not a word
  else if (shape == 2) {
    if (type == T_LOGIC || cmpOp) bo = (bo & ~BO_SHAPE) | 3;
    // A ':' tells …  '=' means …: a loose quote, one operator glued to it and a quote glued after that quote an operator
    // character in prose or code; it re-opens nothing
    else if (n == 3 && type == T_STR && (bo & BO_LOOSE) != 0) {
      if (ttype(q, 1) == T_OP && tstart(q, 1) == tend(q, 2) && start == tend(q, 1) && isBreakout(q, 2)) bo &= ~BO_SHAPE;
    }
  }
  if ((bo & BO_TAG) != 0) {
    bo &= ~BO_TAG;
    const lt = tend(q, 1);
    if ((type == T_WORD && (start == lt || (start == lt + 1 && (aux & A_UNARY) != 0))) || (type == T_OP && start == lt && (aux & A_CHAR) == (0x2f << 8))) bo |= BO_MARKUP;
  } else if (shape == 1) {
    if (n == 2 && (bo & BO_LOOSE) != 0 && type == T_OP && (aux & A_CHAR) == (0x3c << 8) && start == tend(q, 1)) bo |= BO_TAG;
  }
  s32(q, Q_BO, bo);
  // "The food is great -- highly recommend", "Arrived in 3 days -- great", "Like new -- barely used": IS takes NULL, TRUE,
  // FALSE, UNKNOWN, NOT, DISTINCT FROM (in SQLite any expression: a number, a quoted literal, a call), LIKE a pattern, IN a
  // parenthesis; a plain name after IS, LIKE or GLOB (or a function's, "is right", with no '(' yet), an operator or
  // connective ("is in room 3B", "is or"), anything but '(' after IN, is English, no sign of SQL. So these count as a
  // comparison only with what follows them (sigOperator), not by themselves — after a plain name or opening the value, as
  // prose writes them. After a number, a literal, a quote broken out of, a ')' or a variable they count at once, whatever
  // follows: 0 is not id--, ' is not name--, 0 not in ids-- are SQLite's (red team rt32).
  // (by type, so that pushComma's and pushOp's constant types fold the tests away: neither a ',' nor an operator
  // character is such an operator or its operand)
  let isOp = false;
  if (type == T_OP) {
    isOp = (aux & A_OPERAND) != 0;
    if (isOp && n >= 2 && !(ttype(q, 1) == T_WORD && (tflags(q, 1) & ~K_SQL_FUNC) == 0 && (taux(q, 1) & (A_RPAREN | A_BREAKOUT)) == 0) &&
        !(ttype(q, 1) == T_OP && (taux(q, 1) & A_OPERAND) != 0) && // (is in room 3B: after another one still waiting)
        !isKw(q, 1, K_SQL_ORDER | K_SQL_UNION)) { // ("My order is late": ORDER or UNION with no BY or SELECT, a noun)
      isOp = false;
      store<u32>(e + E_AUX, aux & ~A_OPERAND);
    }
  } else if (type != T_COMMA && n >= 2 && ttype(q, 1) == T_OP && (taux(q, 1) & A_OPERAND) != 0 &&
      ((taux(q, 1) & A_IN) != 0 ? (aux & A_LPAREN) != 0 :
       !((type == T_WORD && (flags & ~K_SQL_FUNC) == 0 && (aux & (A_LPAREN | A_UNARY)) == 0) || type == T_LOGIC))) {
    // ("Your OTP is 123456 -- valid for 5 minutes": a name IS a number, SQLite's only, is SQL as "version 2" is — a dash after
    // it with words on its line stays prose, see onComment — not a shape prose rarely makes)
    sigOperator(q, !(type == T_NUM && (aux & (A_LPAREN | A_UNARY)) == 0));
  }
  if ((tm & (TM_LOGIC | TM_KW | TM_VAR)) != 0 || (cmpOp && !isOp) || (flags & (K_SQL_FUNC | K_SQL_DANGER | K_SQL_VALUEKW)) != 0) s32(q, Q_SIG, g32(q, Q_SIG) + 1);
  // (Union dues, Order status: UNION takes SELECT, ALL, VALUES, TABLE or a parenthesis and ORDER or GROUP takes BY, never a
  // plain name — such a keyword followed by one was an English word, no sign of SQL)
  else if (type == T_WORD && flags == 0 && (aux & (A_LPAREN | A_COMMENT | A_VERB | A_VALUES | A_PREFIX)) == 0) {
    if (n >= 2 && isKw(q, 1, K_SQL_UNION | K_SQL_ORDER) && (g32(q, Q_SIG) & ~SIG_SYMBOLIC) != 0) s32(q, Q_SIG, g32(q, Q_SIG) - 1);
  }
  // (bit 16: a token prose rarely makes — a quoted literal, a call or parenthesis, a comparison, a variable, a dangerous name)
  if ((tm & (TM_STR | TM_FUNC | TM_VAR)) != 0 || (cmpOp && !isOp) || (aux & (A_LPAREN | A_RPAREN)) != 0 || (flags & K_SQL_DANGER) != 0) {
    s32(q, Q_SIG, g32(q, Q_SIG) | SIG_SYMBOLIC);
  }
  // judge's first exits, taken here without the call (half of all pushes): a ',' ends one rule only (SELECT x,), a decimal
  // number or a plain word with no schema or SET flag after no keyword, operator, connective or call (nor, for the word, a
  // ';' or word: verbStatement) ends none, and nor does an operator, connective or ';' with no SET flag after no keyword or
  // variable. The same tests as judge's, on the same entries (dangerStep moves none). (other types pay one test)
  if ((tm & (TM_COMMA | TM_NUM | TM_WORD | TM_OP | TM_LOGIC | TM_SEMI)) != 0) {
    const t1 = load<u32>(q + Q_RING + ((head - 1) & (RING_N - 1)) * E_BYTES + E_TYPE); // (ttype(q, 1))
    if (type == T_COMMA) {
      if (t1 == T_WORD && isKw(q, 2, K_SQL_SELECT)) s32(q, Q_SEL, g32(q, Q_SEL) | SEL_LIST);
      return;
    }
    const m1: u32 = 1 << t1;
    if ((tm & (TM_OP | TM_LOGIC | TM_SEMI)) != 0) { if ((m1 & (TM_KW | TM_VAR)) == 0 && (flags & K_SQL_SET) == 0) return; }
    else if ((m1 & (TM_KW | TM_OP | TM_LOGIC | TM_FUNC)) == 0) {
      if (type == T_NUM) { if ((aux & A_HEX) == 0) return; }
      else if ((m1 & (TM_SEMI | TM_WORD)) == 0 && (flags & (K_SQL_SCHEMA | K_SQL_SCHEMA_WEAK | K_SQL_SET)) == 0) return; // (T_WORD)
    }
  }
  judge(st, q);
}

/**
 * WAITFOR DELAY|TIME <time>: token 0, a literal or a variable (T-SQL's only forms of the time: waitfor delay sql server
 * is a search), after DELAY or TIME at 1 — a statement of its own after WAITFOR at 2, stacked after a ';' or a
 * break-out at 3.
 */
function waitforTime(st: usize, q: usize): void {
  if (!isKw(q, 2, K_SQL_WAITFOR)) return;
  const e0 = tend(q, 0);
  const t3 = ttype(q, 3);
  if (t3 == T_SEMI || (isBreakout(q, 3) && (g32(q, Q_BO) & BO_LOOSE) == 0)) report(st, R_SQLI_STACKED_QUERY, tstart(q, 3), e0);
  else report(st, R_SQLI_STATEMENT, tstart(q, 2), e0);
  report(st, R_SQLI_DANGEROUS_FUNCTION, tstart(q, 2), e0);
}

/** Evaluate the rules that end at the newest token (each rule needs a specific newest type: exit early). */
function judge(st: usize, q: usize): void {
  // (the newest two entries, and the third below, read through their slots: judge moves no entry)
  const r0 = ent(q, 0), r1 = ent(q, 1);
  const t0 = etype(r0);
  const t1 = etype(r1); // (0 past the count: see popToken)
  const m0: u32 = 1 << t0, m1: u32 = 1 << t1; // (type sets tested in one step, and guards nested: see push)
  if (t0 == T_WORD && (m1 & (TM_SEMI | TM_WORD)) != 0) verbStatement(st, q);
  // (a ',' ends one rule, below: SELECT x, — the rules between need another newest type, or flags a ',' never has)
  if (t0 == T_COMMA) {
    if (t1 == T_WORD && isKw(q, 2, K_SQL_SELECT)) s32(q, Q_SEL, g32(q, Q_SEL) | SEL_LIST);
    return;
  }
  // Most tokens of ordinary text end no rule: a plain word, number or string after anything
  // but a keyword, operator or connective. Every rule below needs one of those (or a flagged
  // word, a hex number, a function or variable), so this exit changes no verdict.
  // (one exception, checked here: the literal of COPY … TO '<file>', after a plain word)
  if ((m1 & (TM_KW | TM_OP | TM_LOGIC | TM_FUNC)) == 0) {
    if (t0 == T_STR) {
      if (t1 == T_WORD) {
        copyTo(st, q);
        // xp_cmdshell 'dir'  GO xp_dirtree '\\h\s'  — a dangerous system procedure called with a string argument and no
        // EXEC, as T-SQL allows for a batch's first statement (the procedure names are SQL Server's own: no prose has them)
        if ((eaux(r1) & A_PROC) != 0 && (eflags(r1) & K_SQL_DANGER) != 0) report(st, R_SQLI_DANGEROUS_FUNCTION, estart(r1), eend(r0));
        else if ((eflags(r1) & K_SQL_OUTFILE) != 0) loadInfile(st, q);
        else if ((eflags(r1) & K_SQL_DELAY) != 0) waitforTime(st, q);
      }
      return;
    }
    if (t0 == T_WORD) { if ((eflags(r0) & (K_SQL_SCHEMA | K_SQL_SCHEMA_WEAK | K_SQL_SET)) == 0) return; }
    else if (t0 == T_NUM) { if ((eaux(r0) & A_HEX) == 0) return; }
  } else if (t0 == T_STR) { if (isKw(q, 1, K_SQL_FROM)) copyTo(st, q); } // COPY … FROM '<file>'
  // An operator, connective or ';' ends a rule only right after a keyword (UNION SELECT *, select -1, ; SHUTDOWN;) or a
  // variable (SET @v = …), or as a word that also sets (UPDATE t SET): the comparisons below need a value as the newest
  // token. So most operators of ordinary text (src=x, a/b, 10:30, e-mail) and connectives end nothing.
  if ((m0 & (TM_OP | TM_LOGIC | TM_SEMI)) != 0 && (m1 & (TM_KW | TM_VAR)) == 0 && (eflags(r0) & K_SQL_SET) == 0) return;
  const s0 = estart(r0), e0 = eend(r0);
  const f0 = eflags(r0);
  const k1 = t1 == T_KW ? eflags(r1) : 0;
  // UNION [ALL] VALUES(1,2)  — a row constructor as the other side of the UNION
  if (t1 == T_FUNC && (m0 & (TM_NUM | TM_STR | TM_WORD)) != 0) {
    if ((t0 != T_WORD || (f0 & K_SQL_VALUEKW) != 0) && (eaux(r0) & A_LPAREN) != 0 && (eaux(r1) & A_VALUES) != 0) {
      if (isKw(q, 2, K_SQL_UNION)) report(st, R_SQLI_UNION_SELECT, tstart(q, 2), e0);
      else if (isKw(q, 2, K_SQL_ALLDISTINCT) && isKw(q, 3, K_SQL_UNION)) report(st, R_SQLI_UNION_SELECT, tstart(q, 3), e0);
    }
  }

  if (t1 == T_KW) {
    // (select distinct 1  — the item after a parenthesized SELECT ALL or DISTINCT)
    if ((k1 & K_SQL_ALLDISTINCT) != 0 && isKw(q, 2, K_SQL_SELECT) && (taux(q, 2) & A_LPAREN) != 0 && selectItem(q, 0)) {
      report(st, R_SQLI_SELECT_FROM, tstart(q, 2), e0);
    }
    // SELECT ALL <item>  SELECT DISTINCT <item or name>: the list after the quantifier (ALL, common in prose, takes an
    // SQL-shaped item; DISTINCT a plain column name too: select distinct name from users)
    if ((k1 & K_SQL_ALLDISTINCT) != 0 && isKw(q, 2, K_SQL_SELECT) && !isKw(q, 0, K_SQL_ALLDISTINCT) &&
        (selectItem(q, 0) || (t0 == T_WORD && eend(r1) - estart(r1) != 3))) s32(q, Q_SEL, g32(q, Q_SEL) | SEL_LIST);
    // (after SELECT: is token 0 a select-list item? asked once for the two rules below)
    const item = (k1 & K_SQL_SELECT) != 0 && selectItem(q, 0);
    // UNION [ALL] SELECT <item>
    if ((k1 & K_SQL_SELECT) != 0 && (m0 & (TM_LOGIC | TM_SEMI | TM_COMMA)) == 0) {
      if (isKw(q, 2, K_SQL_UNION)) report(st, R_SQLI_UNION_SELECT, tstart(q, 2), e0);
      else if (isKw(q, 2, K_SQL_ALLDISTINCT) && isKw(q, 3, K_SQL_UNION)) report(st, R_SQLI_UNION_SELECT, tstart(q, 3), e0);
      if (item) {
        // ((select all that apply): ALL or DISTINCT alone is no select list yet — the item after it reports, below, and
        // sets SEL_LIST: select all from menu has none, and a server rejects SELECT ALL FROM t)
        if (!isKw(q, 0, K_SQL_ALLDISTINCT)) {
          if ((eaux(r1) & A_LPAREN) != 0) report(st, R_SQLI_SELECT_FROM, estart(r1), e0);
          s32(q, Q_SEL, g32(q, Q_SEL) | SEL_LIST);
        }
      } else if ((eaux(r1) & A_LPAREN) != 0) s32(q, Q_SEL, g32(q, Q_SEL) | SEL_LIST); // (select top 1 x from
      else if (t0 == T_OP && (eaux(r0) & A_CMP) == 0) s32(q, Q_SEL, g32(q, Q_SEL) | SEL_LIST); // select -1, ...
    }
    // ; <statement> <continuation>
    if ((k1 & STMT) != 0 && t0 != 0) {
      const w0 = t0 == T_KW || t0 == T_WORD ? f0 : 0;
      let shaped = false;
      // (SELECT alone of the statement classes: the chain below would reach its case and no other)
      if ((k1 & STMT) == K_SQL_SELECT) shaped = item;
      else if ((k1 & K_SQL_DDL) != 0 && (w0 & K_SQL_OBJ) != 0) shaped = (eaux(r1) & A_COPY) == 0;
      else if ((k1 & K_SQL_INSERT) != 0 && (w0 & K_SQL_INTO) != 0) shaped = true;
      else if ((k1 & K_SQL_DELETE) != 0 && (w0 & K_SQL_FROM) != 0) shaped = true;
      // (WAITFOR DELAY/TIME: judged at the time after it, waitforTime)
      else if ((k1 & K_SQL_DECLARE) != 0 && t0 == T_VAR) { shaped = true; report(st, R_SQLI_STACKED_QUERY, estart(r1), e0); }
      // EXEC xp_cmdshell ...  EXEC('...')  EXEC(@sql): a dangerous procedure, or dynamic SQL from a string or variable
      // EXEC sp_addlogin  EXEC master..xp_regread: a system procedure by its prefix; CALL p(...): a procedure call
      else if ((k1 & K_SQL_EXEC) != 0) shaped = (w0 & K_SQL_DANGER) != 0 ||
        ((t0 == T_STR || t0 == T_VAR) && (eaux(r0) & A_LPAREN) != 0 && (eaux(r1) & A_CALLKW) == 0) ||
        (t0 == T_WORD && (eaux(r0) & A_PROC) != 0 && (eaux(r1) & A_CALLKW) == 0) ||
        (t0 == T_FUNC && (eaux(r0) & A_SPACED) == 0 && (eaux(r1) & A_CALLKW) != 0);
      else if ((k1 & K_SQL_SELECT) != 0) shaped = item;
      else if ((k1 & K_SQL_SHUTDOWN) != 0) shaped = t0 == T_SEMI;
      else if ((k1 & K_SQL_SET) != 0) shaped = t0 == T_VAR;
      if (shaped) {
        const t2 = ttype(q, 2);
        // (a statement straight after the quote, with no ';' — T-SQL needs none — only when the quote is glued to
        // the text before it: site:x.com "select" is a quoted word in a search)
        if (t2 == T_SEMI || (isBreakout(q, 2) && (g32(q, Q_BO) & BO_LOOSE) == 0)) report(st, R_SQLI_STACKED_QUERY, tstart(q, 2), e0);
        else if ((k1 & (K_SQL_SELECT | K_SQL_SET)) == 0) report(st, R_SQLI_STATEMENT, estart(r1), e0);
        if ((k1 & K_SQL_EXEC) != 0 && (w0 & K_SQL_DANGER) != 0) report(st, R_SQLI_DANGEROUS_FUNCTION, estart(r1), e0);
      }
    }
    if ((k1 & K_SQL_INTO) != 0) {
      // INTO OUTFILE / DUMPFILE
      if (t0 != 0 && (f0 & K_SQL_OUTFILE) != 0) report(st, R_SQLI_DANGEROUS_FUNCTION, estart(r1), e0);
      // LOAD DATA INFILE '<file>' INTO TABLE: a server-side file read into a table
      if ((f0 & K_SQL_OBJ) != 0 && ttype(q, 2) == T_STR && ttype(q, 3) == T_WORD && (tflags(q, 3) & K_SQL_OUTFILE) != 0) {
        report(st, R_SQLI_DANGEROUS_FUNCTION, tstart(q, 3), e0);
      }
    }
    // SELECT <list> FROM <table>: a name, a quoted name, a table variable or a parenthesized subquery after FROM (a number,
    // an operator or the end is none: ?q=select+*+from is a search, and a server rejects SELECT * FROM with no table)
    if ((k1 & K_SQL_FROM) != 0 && (g32(q, Q_SEL) & SEL_LIST) != 0 &&
        ((m0 & (TM_WORD | TM_STR | TM_VAR | TM_FUNC)) != 0 || (eaux(r0) & A_LPAREN) != 0)) report(st, R_SQLI_SELECT_FROM, estart(r1), e0);
    // ORDER BY <n>: an integer (a column's position) — judged at the next token or the end (orderSettle)
    // (3pm, 2s: letters glued to the digits make no position — Order by 3pm for same-day delivery)
    if (t0 == T_NUM && (k1 & K_SQL_BY) != 0 && (eaux(r0) & (A_UNIT | A_HEX)) == 0) {
      if (isKw(q, 2, K_SQL_ORDER)) s32(q, Q_BO, g32(q, Q_BO) | BO_ORDER);
    }
  }
  // UPDATE <table> SET   DELETE <modifier> FROM  (a statement with one name between its keywords)
  if (t1 == T_WORD && (f0 & (K_SQL_SET | K_SQL_FROM)) != 0) {
    if (((f0 & K_SQL_SET) != 0 && isKw(q, 2, K_SQL_UPDATE)) || ((f0 & K_SQL_FROM) != 0 && t0 == T_KW && isKw(q, 2, K_SQL_DELETE))) {
      const t3 = ttype(q, 3);
      if (t3 == T_SEMI || isBreakout(q, 3)) report(st, R_SQLI_STACKED_QUERY, tstart(q, 3), e0);
      else report(st, R_SQLI_STATEMENT, tstart(q, 2), e0);
    }
  }
  // ; SET @s = …  x'; SET @v := …  — a user variable assigned in a statement of its own (the first step of
  // PREPARE/EXECUTE or EXEC(@s) dynamic SQL)
  if (t1 == T_VAR && t0 == T_OP) {
    if (((eaux(r0) & A_CHAR) == (0x3d << 8) || (eaux(r0) & A_CHAR) == (0x3a << 8)) &&
        ttype(q, 2) == T_WORD && (tflags(q, 2) & K_SQL_SET) != 0 && eend(r1) <= s0) {
      // (the ';' ends a literal or a parenthesis, as an injected one does: ok; set @x = 1 is a note — and no plain word
      // stands before that literal: Step 2; set @count = 0 is a tutorial)
      const t3 = ttype(q, 3);
      const t4 = ttype(q, 4);
      if ((t3 == T_SEMI && (t4 == T_NUM || t4 == T_STR || (taux(q, 3) & A_RPAREN) != 0) && !plainWord(q, 5)) ||
          (isBreakout(q, 3) && (g32(q, Q_BO) & BO_LOOSE) == 0)) report(st, R_SQLI_STACKED_QUERY, tstart(q, 3), e0);
    }
  }
  // 1; EXECUTE AS USER = 'dbo'  x'; EXEC AS LOGIN = 'sa'  — T-SQL impersonation: EXEC, two names, '=' and a literal
  // (a procedure call passes its arguments by position or by @name, never name name = …)
  if (t0 == T_STR && t1 == T_OP) {
    if ((eaux(r1) & A_CMP) != 0 && (eaux(r1) & A_CHAR) == (0x3d << 8) && ttype(q, 2) == T_WORD && ttype(q, 3) == T_WORD &&
        isKw(q, 4, K_SQL_EXEC) && (taux(q, 4) & A_CALLKW) == 0) {
      const t6 = ttype(q, 6);
      if ((ttype(q, 5) == T_SEMI && (t6 == T_NUM || t6 == T_STR || (taux(q, 5) & A_RPAREN) != 0) && !plainWord(q, 7)) ||
          (isBreakout(q, 5) && (g32(q, Q_BO) & BO_LOOSE) == 0)) report(st, R_SQLI_STACKED_QUERY, tstart(q, 5), e0);
    }
  }
  if (t0 == T_KW) {
    if ((f0 & K_SQL_SHUTDOWN) != 0 && t1 == T_SEMI) report(st, R_SQLI_STACKED_QUERY, estart(r1), e0);
  }
  if ((m0 & (TM_KW | TM_WORD)) != 0) {
    // 'x'::int  (...)::jsonb
    // (not after a loose break-out quote: ('::ffff:10.0.0.1') quotes an IPv6 address)
    // (nor an IPv6 group: '::ffff:c0a8:101' — no type name is spelt in hex digits alone)
    if (t1 == T_OP && (eaux(r1) & (A_CHAR | A_JOINED)) == ((0x3a << 8) | A_JOINED)) {
      if ((ttype(q, 2) == T_STR || (eaux(r1) & A_RPAREN) != 0) && eend(r1) == s0 &&
          !(isBreakout(q, 2) && (g32(q, Q_BO) & BO_LOOSE) != 0) && !(t0 == T_WORD && (eaux(r0) & A_HEXGROUP) != 0)) {
        report(st, R_SQLI_TYPE_CAST, ttype(q, 2) == T_STR ? tstart(q, 2) : estart(r1), e0);
      }
    }
    if ((f0 & K_SQL_SCHEMA) != 0) report(st, R_SQLI_SCHEMA_PROBE, s0, e0);
    if ((f0 & K_SQL_SCHEMA_WEAK) != 0 && isKw(q, 1, K_SQL_FROM)) report(st, R_SQLI_SCHEMA_PROBE, s0, e0);
  }
  if (t0 == T_VAR && (eaux(r0) & A_SYSVAR) != 0) report(st, R_SQLI_SCHEMA_PROBE, s0, e0);
  if (t0 == T_VAR && t1 == T_WORD && (eflags(r1) & K_SQL_DELAY) != 0) waitforTime(st, q); // WAITFOR DELAY @t
  // sin(x) or cos(1), floor(x) or floor(-1): the second call of a maths pair (makeFunc's pair, judged at its name) takes a
  // literal (after a sign, too), a constant that makes the connective true for every row
  if (t0 == T_NUM || t0 == T_STR || t0 == T_VAR || (t0 == T_WORD && (eaux(r0) & A_SQLWORD) != 0) || (t0 == T_KW && (f0 & K_SQL_VALUEKW) != 0)) {
    const k: u32 = t1 == T_OP && (eaux(r1) & (A_LPAREN | A_CMP)) == A_LPAREN ? 2 : 1;
    if ((taux(q, k - 1) & A_LPAREN) != 0 && ttype(q, k) == T_FUNC && (taux(q, k) & A_MATHS) != 0 && ttype(q, k + 1) == T_LOGIC &&
        (taux(q, k + 1) & A_RPAREN) != 0 && ttype(q, k + 3) == T_FUNC && (taux(q, k + 3) & A_MATHS) != 0) report(st, R_SQLI_FUNCTION_CHAIN, tstart(q, k + 3), e0);
  }
  if (t0 == T_NUM && (eaux(r0) & A_HEX) != 0) {
    // SELECT 0x6162...  (a hex literal as the select list)
    if (isKw(q, 1, K_SQL_SELECT)) report(st, R_SQLI_SELECT_FROM, estart(r1), e0);
    // function-ish hex literal right after an SQL function: CONCAT(0x...
    if (t1 == T_FUNC && (eflags(r1) & K_SQL_FUNC) != 0) report(st, R_SQLI_FUNCTION_CHAIN, estart(r1), e0);
  }

  // <connective> value <cmp> value
  if ((m1 & (TM_OP | TM_LOGIC)) == 0) return;
  if (isValue(q, 0) || (t0 == T_KW && (f0 & K_SQL_SELECT) != 0)) {
    if (t1 == T_OP && (eaux(r1) & A_CMP) != 0) { // isCmp(q, 1): the rules up to '||(select below compare
      // "cats in boxes"; "char(10) is a newline" (IS takes NULL, TRUE, FALSE or NOT, never a plain name)
      // "the value is a `string` and `x` is true": words, a connective, then IS after a plain name — a sentence
      // (an injected connective follows a literal or a break-out: 1 and id is null)
      // Map<Key, Array<String, `String`<br>: a '<' glued to the plain name after it opens a type argument or a tag
      // (unless a literal stands before the connective: 1 or a<b, x' or id<pw compare columns)
      // (eval(input()) in my homework: IN takes a parenthesis, never a plain name glued to nothing — a sentence)
      // (only read for a comparison of two values: the reads below, no more, are skipped otherwise)
      if (isValue(q, 2) && !(
        ((eaux(r1) & A_CHAR) == 0 && t0 == T_WORD && (f0 & K_SQL_VALUEKW) == 0 && (ttype(q, 2) == T_WORD || (eaux(r1) & A_IS) != 0)) ||
        ((eaux(r1) & (A_CHAR | A_IS)) == 0 && eend(r1) - estart(r1) == 2 && plainName(q, 0) && (eaux(r0) & A_LPAREN) == 0 &&
         ttype(q, 2) == T_FUNC && (g32(q, Q_BO) & BO_SHAPE) == 0) ||
        ((eaux(r1) & A_IS) != 0 && plainName(q, 2) && plainName(q, 4)) ||
        ((eaux(r1) & (A_CHAR | A_JOINED)) == (0x3c << 8) && eend(r1) == s0 && plainName(q, 0) && plainName(q, 2) &&
         !(ttype(q, 3) == T_LOGIC && (ttype(q, 4) == T_NUM || ttype(q, 4) == T_STR))))) { // prose
        const t3 = ttype(q, 3);
        const symbolic = t3 == T_LOGIC && (taux(q, 3) & A_CHAR) != 0;
        // IF(1=1,  COUNT(id) >= 9  — a comparison on the first argument of a call; not code comparing a plain
        // name in a statement (if (i < n), for (i = 0: a space before the parenthesis) or in a call of a
        // name SQL does not know (f(x) = x, while((item = next()))
        // (nor a method of a plain object: assert.equal('a' in obj, ipaddr.parse(x) == y — SQL qualifies a call only by a schema)
        // (nor a formula: count(x) > 3, round(2.5) = 3, sum(a) = 10 — the comparison takes the call's result after its ')', the
        // call's one argument is a plain name or a number, and the call starts the value or follows a plain word; an injected
        // call follows a literal, a quote, a connective or a ',' — 1 and count(id)>9, IF(x, count(id)>=9)
        const inCall = t3 == T_FUNC && (taux(q, 2) & A_LPAREN) != 0 &&
          !(plainName(q, 2) && ((taux(q, 3) & A_SPACED) != 0 || (tflags(q, 3) & (K_SQL_FUNC | K_SQL_DANGER)) == 0)) &&
          !((taux(q, 3) & A_QUAL) != 0 && (tflags(q, 3) & (K_SQL_FUNC | K_SQL_DANGER | K_SQL_SCHEMA | K_SQL_SCHEMA_WEAK)) == 0) &&
          !((eaux(r1) & A_RPAREN) != 0 && oneArgCall(q, 2) && (g32(q, Q_NTOK) == 4 || plainWord(q, 4)) &&
            (taux(q, 3) & A_QUAL) == 0 && (tflags(q, 3) & K_SQL_FUNC) != 0 && // (an SQL function's own name, unqualified)
            // (a maths function of one letter or a number: trim(pass) > 0x6162, length(pass) > 5, ascii(pass) = 97 read a
            // column's bytes one comparison at a time, a binary search that extracts it; an aggregate of any name —
            // count(apples) = 12 — is refused in WHERE by every engine, so it tests no row)
            (taux(q, 3) & A_MATHS) != 0 && (ttype(q, 2) == T_NUM || tend(q, 2) - tstart(q, 2) == 1 || (taux(q, 3) & A_AGG) != 0));
        // (a name after || or && is code — a || b == c — unless IS tests it: IS NULL is SQL only)
        // (WHEN is a condition after CASE or a CASE branch's value — CASE WHEN 1=1, THEN 1 WHEN 2>1 — and prose elsewhere:
        // "when `status` >= 500")
        const t4 = ttype(q, 4);
        // (nor WHERE opening the value before a plain name: "where x = 5" — the value starts no clause in an operand's place, a
        // syntax error; a literal compared there, where 1=1, or a connective after it is still judged)
        const where = isKw(q, 3, K_SQL_WHERE) && ((taux(q, 3) & A_WHEN) == 0 || (t4 == T_WORD && (taux(q, 4) & A_CASE) != 0) ||
          (t4 == T_NUM || t4 == T_STR || t4 == T_FUNC || t4 == T_VAR)) &&
          !(g32(q, Q_NTOK) == 4 && (taux(q, 3) & (A_WHEN | A_LPAREN | A_COMMENT)) == 0 && plainName(q, 2) && (taux(q, 2) & A_LPAREN) == 0);
        // (WHERE before a number compared to a plain name is judged too, though a scale's legend writes it — Rating where
        // 1=bad —: red team rt35 ran x' where 0<id; and 0 where 0<id; as UPDATE … SET name = '<v>' WHERE id = 5 in SQLite's
        // executescript, which ran the first statement on every row; the ';' that tells them apart comes after this verdict)
        // (=IF(A1>10,  =IF(AND(A1>0,B1<5),: a spreadsheet formula compares a cell, and SQL has no cells)
        const cell = ttype(q, 2) == T_WORD && (taux(q, 2) & A_CELL) != 0 && (taux(q, 2) & A_LPAREN) != 0;
        // (a comma right before a word connective is English — Explorer < 9, and node < 0.6 — SQL never writes ", and")
        const listed = !symbolic && ttype(q, 4) == T_COMMA && (taux(q, 3) & (A_LPAREN | A_RPAREN | A_COMMENT)) == 0;
        // (P(A or B) = P(A) + …, f(x and y) = 1: the connective joins two plain names inside the glued parentheses of a call
        // of a name SQL does not know, and the comparison takes the call — a formula)
        const formula = t3 == T_LOGIC && plainName(q, 2) && (eaux(r1) & A_RPAREN) != 0 && plainName(q, 4) && (taux(q, 4) & A_LPAREN) != 0 &&
          ttype(q, 5) == T_FUNC && tflags(q, 5) == 0 && (taux(q, 5) & (A_SPACED | A_QUAL)) == 0;
        // (Members and guests = welcome, cats and dogs > birds: AND between two plain words, no parenthesis or comment near
        // it, joins two things named in prose; an injected connective follows a literal or a break-out. Not OR, spelt in
        // three bytes or more: x or id > 0 makes a numeric context's condition true for every row whatever x names)
        const prose = !symbolic && t3 == T_LOGIC && tend(q, 3) - tstart(q, 3) == 3 && (taux(q, 3) & A_SQLWORD) == 0 &&
          plainName(q, 2) && (taux(q, 2) & (A_LPAREN | A_RPAREN)) == 0 &&
          (taux(q, 3) & (A_LPAREN | A_RPAREN | A_COMMENT)) == 0 && (eaux(r1) & (A_LPAREN | A_RPAREN)) == 0 && plainWord(q, 4) &&
          estart(r1) > tend(q, 2) && // (spaced from its left side, as prose writes it: an injection glues it, ’ OR ’1=1)
          // (and compared to a word, as prose compares: id and pass like 0x6125, id and pass > $$a$$, id and ssn > 500 compare
          // a column to a literal — a boolean oracle in a numeric context, one byte of the hash per request)
          t0 != T_NUM && t0 != T_STR;
        // (but after a literal a name compared to a literal is SQL's blind test, code writes a name before || and &&:
        // 1&&pass like 's3%', 0||pass>'r' read a column one comparison at a time in a numeric context)
        const code = symbolic && ttype(q, 2) == T_WORD && (eaux(r1) & A_IS) == 0 &&
          !((ttype(q, 4) == T_NUM || ttype(q, 4) == T_STR) && tend(q, 4) <= tstart(q, 3) && (t0 == T_NUM || t0 == T_STR));
        // (1 and (select pass like 's3%')  (select pass>0x72)  — a parenthesized SELECT opening the value or after a connective or
        // a comma compares a column: a subquery's blind test, in a WHERE or an ORDER BY)
        const subquery = isKw(q, 3, K_SQL_SELECT) && (taux(q, 3) & A_LPAREN) != 0 && plainName(q, 2) &&
          (ttype(q, 4) == T_LOGIC || ttype(q, 4) == T_COMMA || g32(q, Q_NTOK) == 4);
        if (((t3 == T_LOGIC && !code && !condition(q) && !listed && !formula && !prose) || where || inCall || subquery) && !cell) {
          report(st, R_SQLI_TAUTOLOGY, tstart(q, 3), e0);
        } else if (isBreakout(q, 3)) {
          // after a loose quote (a space or punctuation before it) wait for the next event: the same quote glued
          // to the value makes 'a=c' a quoted string in code or prose (qs.parse('a=c')), not x' a=c
          // (a string right side was opened by the next event already: 'AS IS', reads the same way)
          if ((g32(q, Q_BO) & BO_LOOSE) != 0 && t0 != T_STR) s32(q, Q_BO, g32(q, Q_BO) | BO_DEFER);
          else if (!((g32(q, Q_BO) & BO_LOOSE) != 0 && t0 == T_STR && s0 == eend(r1) && g32(q, Q_QUOTE) == g32(q, Q_MODE))) report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 3), e0);
        } else if (g32(q, Q_NTOK) == 3) {
          const tb = ttype(q, 2);
          if ((t0 == T_NUM || t0 == T_STR) && (tb == T_NUM || tb == T_STR)) report(st, R_SQLI_COMPARISON, tstart(q, 2), e0);
        } else if (g32(q, Q_NTOK) == 5 && g32(q, Q_MODE) == 0 && (t0 == T_STR || (t0 == T_NUM && (eaux(r0) & A_HEX) != 0)) &&
                   isCmp(q, 3) && ttype(q, 4) == T_NUM && (taux(q, 4) & (A_UNIT | A_HEX)) == 0 && plainName(q, 2) && !rangeCheck(q)) {
          // 0<pass like 's%'  1=pass>'r'  — read as-is, the value opens with a number compared to a column that is compared again
          // to a quoted string or hex literal: the chained comparison a numeric context's blind test appends (id = 0<pass like 's%'
          // is true for the rows whose column matches, one character per request). A chain in maths compares numbers: 0 < x < 1;
          // and the first number is a decimal integer (5tC3*8<`?`MWBl=" is a generated password)
          report(st, R_SQLI_TAUTOLOGY, tstart(q, 4), e0);
        }
      }
      // CASE WHEN isnull(1) THEN 2 ELSE 1 END=1  — a CASE expression compared after its END (which follows a branch's value:
      // a literal, call or parenthesis — "in case of doubt, the end = 5" is prose)
      if ((t0 == T_NUM || t0 == T_STR || (t0 == T_WORD && (eaux(r0) & A_SQLWORD) != 0)) && ttype(q, 2) == T_WORD &&
          (taux(q, 2) & A_END) != 0 && (g32(q, Q_BO) & BO_CASE) != 0) {
        const t3 = ttype(q, 3);
        if (t3 == T_NUM || t3 == T_STR || t3 == T_FUNC || t3 == T_VAR || (t3 == T_WORD && (taux(q, 3) & A_SQLWORD) != 0) || (taux(q, 2) & A_RPAREN) != 0) {
          report(st, R_SQLI_TAUTOLOGY, tstart(q, 2), e0);
        }
      }
      // 1 and printf('%s',1)='1'  1 and sys_context('a','b') is not null  — a call (of any name) compared right after its ')'
      if ((eaux(r1) & A_RPAREN) != 0 && (t0 == T_NUM || t0 == T_STR || (t0 == T_WORD && (eaux(r0) & A_SQLWORD) != 0))) {
        const k = calledAfterLiteral(q);
        if (k != 0) report(st, R_SQLI_TAUTOLOGY, tstart(q, k + 1), e0);
      }
      // breakout: ' LIKE 'x   (a word operator between literals)
      if ((eaux(r1) & A_CHAR) == 0 && isBreakout(q, 2) && (t0 == T_STR || t0 == T_NUM) &&
          (estart(r1) > tend(q, 2) || s0 > eend(r1))) report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 2), e0);
      // breakout: '= <value>   (a symbolic comparison right after the quote)
      // (after a loose quote, as above, wait for the next event: s.clean('=v2.1.5') quotes a version)
      // (nor after a prime: y' = 2y, d' = 1.2 name a derivative or a second variable — a value that breaks out there and
      // neither re-opens the quote nor cuts the rest off leaves the query's own quote unclosed, a syntax error; a quote,
      // connective or comment after it is still judged: a' = 'a, x' = 1 or 1=1, a'=1--)
      if ((eaux(r1) & A_CHAR) == (0x3d << 8) && isBreakout(q, 2) && !((g32(q, Q_BO) & BO_PRIME) != 0 && t0 != T_STR)) {
        if ((g32(q, Q_BO) & BO_LOOSE) != 0 && t0 != T_STR) s32(q, Q_BO, g32(q, Q_BO) | BO_DEFER);
        else report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 2), e0);
      }
    }
    // '||(select ...  '||chr(
    if (t1 == T_LOGIC && (eaux(r1) & A_CHAR) != 0 && isBreakout(q, 2) && (t0 == T_FUNC || isKw(q, 0, K_SQL_SELECT))) report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 2), e0);
  }
}

/**
 * 1 UNION TABLE users  x' UNION ALL TABLE t  — MySQL 8's TABLE statement as the other side of a UNION, after a literal,
 * a break-out, a ')' or a comment (the European Union table: a word before UNION is prose); Cypher's x' RETURN 1 UNION
 * MATCH (n)  and  UNION CALL db.labels(  too. Token k is the verb or CALL.
 */
function unionBefore(st: usize, q: usize, k: u32, end: u32): void {
  const u: u32 = isKw(q, k + 1, K_SQL_UNION) ? k + 1 : isKw(q, k + 1, K_SQL_ALLDISTINCT) && isKw(q, k + 2, K_SQL_UNION) ? k + 2 : 0;
  if (u == 0) return;
  const t = ttype(q, u + 1);
  if (t == T_NUM || t == T_STR || (taux(q, u) & (A_RPAREN | A_COMMENT)) != 0) report(st, R_SQLI_UNION_SELECT, tstart(q, u), end);
}

/**
 * Statements led by a verb SQL only writes first in a statement (A_VERB: TABLE, SHOW, DESC, HANDLER, MATCH), at a word
 * after a ';' or after such a verb:
 *   1 UNION TABLE users  — the other side of a UNION (unionBefore);
 *   1'; handler users open; handler users read first  — the quote closes, ';' at once, a verb-led statement of two to
 *   four words, ';', and a second verb-led statement (one alone, then a comment or the end, is judged in sqlFinish).
 */
function verbStatement(st: usize, q: usize): void {
  if (ttype(q, 1) == T_WORD) {
    if (isVerb(q, 1)) unionBefore(st, q, 1, tend(q, 0));
    return;
  }
  if (!isVerb(q, 0)) return;
  for (let j: u32 = 2; j <= 5; j++) {
    if (j >= 3 && isVerb(q, j)) {
      if (ttype(q, j + 1) == T_SEMI && isBreakout(q, j + 2) && (g32(q, Q_BO) & BO_LOOSE) == 0) report(st, R_SQLI_STACKED_QUERY, tstart(q, j + 2), tend(q, 0));
      return;
    }
    const tj = ttype(q, j);
    if (tj != T_WORD && tj != T_KW) return;
  }
}

/**
 * ; COPY users TO '/tmp/x'   x'; COPY t FROM PROGRAM 'id'  — a statement verb, a name, TO or FROM (and PROGRAM) and the file
 * or command literal, right after a ';' or a break-out (PostgreSQL's server-side file read/write and command run). The name
 * may carry a column list, ; COPY t(v) FROM PROGRAM 'id' (as many columns as the token ring holds with what it needs).
 */
function copyTo(st: usize, q: usize): void {
  // token 1 is TO or FROM, or PROGRAM with TO or FROM at 2; then the name and the verb
  // (cheap exits first: this runs for every literal after a plain word — the verb where a plain name puts it, or TO/FROM
  // right after a ')', which marks the token after it)
  if (!isKw(q, 3, K_SQL_DDL) && !isKw(q, 4, K_SQL_DDL) && (taux(q, 1) & A_RPAREN) == 0 && (taux(q, 2) & A_RPAREN) == 0) return;
  let k: u32 = 1;
  let verb = copyVerb(q, 2);
  if (verb == 0) { k = 2; verb = copyVerb(q, 3); }
  if (verb == 0 || !(plainWord(q, k) || isKw(q, k, K_SQL_FROM)) || verb + 1 >= RING_N) return;
  // (the ';' ends a literal or a parenthesis, as an injected one does: Hello; copy files to 'backup' is prose; past the
  // ring's reach, the ';' alone)
  const t = ttype(q, verb + 1);
  const lit = verb + 2 < RING_N ? ttype(q, verb + 2) : T_STR;
  if ((t == T_SEMI && (lit == T_NUM || lit == T_STR || (taux(q, verb + 1) & A_RPAREN) != 0)) ||
      (isBreakout(q, verb + 1) && (g32(q, Q_BO) & BO_LOOSE) == 0)) report(st, R_SQLI_STACKED_QUERY, tstart(q, verb + 1), tend(q, 0));
}

/**
 * COPY's table at token `at` — a plain word, or, when the TO or FROM after it follows a ')', a call's word with its column
 * list (t(a, b): words and commas back to the one the '(' opened) — and a statement verb before it: the verb's index, or 0.
 */
function copyVerb(q: usize, at: u32): u32 {
  let i = at;
  if ((taux(q, at - 1) & A_RPAREN) != 0) {
    if (ttype(q, i) != T_WORD) return 0;
    while ((taux(q, i) & A_LPAREN) == 0) {
      if (i + 3 >= RING_N || ttype(q, i + 1) != T_COMMA || ttype(q, i + 2) != T_WORD) return 0;
      i += 2;
    }
    i++;
    if (ttype(q, i) != T_FUNC) return 0;
  } else if (!plainWord(q, i)) return 0;
  return i + 1 < RING_N && isKw(q, i + 1, K_SQL_DDL) ? i + 1 : 0;
}

/**
 * 1; load data infile '/etc/passwd'  x'; load xml local infile "f"  — token 0 the file, 1 INFILE, then two to four
 * plain words (LOAD DATA|XML and its modifiers: LOCAL, LOW_PRIORITY, CONCURRENT) right after a ';' that ends a
 * literal or a parenthesis, or after a break-out: a server-side file read as a statement of its own, cut before
 * its INTO TABLE (which the full form's rule waits for).
 */
function loadInfile(st: usize, q: usize): void {
  let k: u32 = 2;
  while (k < 6 && plainWord(q, k)) k++;
  if (k < 4) return;
  const t = ttype(q, k);
  const lit = ttype(q, k + 1);
  if ((t == T_SEMI && (lit == T_NUM || lit == T_STR || (taux(q, k) & A_RPAREN) != 0)) ||
      (isBreakout(q, k) && (g32(q, Q_BO) & BO_LOOSE) == 0)) report(st, R_SQLI_DANGEROUS_FUNCTION, tstart(q, k - 1), tend(q, 0));
}

/** Are tokens from..n-1 only literals (strings, numbers, NULL) and commas, with at least one comma and a literal last (at from)? */
function literalList(q: usize, from: u32, n: u32): bool {
  let commas: u32 = 0;
  for (let k = from; k < n; k++) {
    const t = ttype(q, k);
    if (t == T_COMMA) commas++;
    else if (!(t == T_STR || t == T_NUM || (t == T_WORD && (tflags(q, k) & K_SQL_VALUEKW) != 0))) return false;
  }
  return commas != 0 && ttype(q, from) != T_COMMA;
}

/**
 * After the row-ending ',' at token k (x'),( ): is a row open up to the value's end — the '(' still pending (x'),('evil), or
 * tokens k-1..0 a literal opened by that '(' then literals and commas, the newest a ',' (x'),(10,'evil)?
 */
function rowOpened(q: usize, k: u32): bool {
  if (k == 0) return (g32(q, Q_PEND) & A_LPAREN) != 0;
  const pend = g32(q, Q_PEND);
  if (ttype(q, 0) != T_COMMA || (taux(q, k - 1) & A_LPAREN) == 0) return false;
  // (the re-opened literal continues the row, or opens another after a complete one: x'),(10,'a'),('b)
  if (pend != 0 && !(pend == A_LPAREN && (taux(q, 0) & (A_LPAREN | A_RPAREN)) == A_RPAREN)) return false;
  for (let j: u32 = 0; j < k; j++) {
    const t = ttype(q, j);
    const lit = ((k - 1 - j) & 1) == 0;
    // (alternating: a literal (string, number, NULL) at k-1, k-3, …, a ',' at k-2, …, 0)
    if (lit ? !(t == T_STR || t == T_NUM || (t == T_WORD && (tflags(q, j) & K_SQL_VALUEKW) != 0)) : t != T_COMMA) return false;
    // (no parenthesis inside a row; complete rows may come between: x'),(10,'a'),(11,'b — a ')' only before a ',' whose next
    // literal (or the re-opened one) opens the next row with a '(', and a '(' only after such a ',')
    if (j < k - 1) {
      const p = taux(q, j) & (A_LPAREN | A_RPAREN);
      if (p != 0 && !(lit ? p == A_LPAREN && (taux(q, j + 1) & (A_LPAREN | A_RPAREN)) == A_RPAREN
                          : p == A_RPAREN && (j == 0 ? pend == A_LPAREN : (taux(q, j - 1) & (A_LPAREN | A_RPAREN)) == A_LPAREN))) return false;
    }
  }
  return true;
}

/**
 * Are tokens n-1..0 a number (or nothing: the value may start with the connective, appended to the query's own
 * literal), then (connective or word operator, literal) pairs, with an SQL-only mark among them?
 */
function literalLogic(q: usize, n: u32): bool {
  // (a ';' may end the statement: 1 and true;--)
  const b: u32 = n > 0 && ttype(q, 0) == T_SEMI ? 1 : 0;
  if (n < 2 + b) return false;
  let top = n - 1 - b;
  let mark = false;
  // (or a variable first, SQL's and no prose's: MySQL's id = @x or 1 is true for every row, an unset @x being NULL — red team rt35)
  const first = ttype(q, top + b);
  if (first == T_NUM || first == T_VAR) { mark = first == T_VAR || (taux(q, top + b) & A_NOT) != 0; top--; }
  else if (first != T_LOGIC) return false; // (is null alone is a filter's value)
  if ((top & 1) == 0) return false; // (pairs: top + 1 tokens, an even count)
  for (let k: u32 = 0; k < top; k += 2) {
    const t = ttype(q, k + b);
    const a = taux(q, k + b);
    if (!(t == T_NUM || (t == T_WORD && (a & A_SQLWORD) != 0))) return false;
    const c = ttype(q, k + b + 1);
    const ca = taux(q, k + b + 1);
    // (a connective spelled || or && counts before TRUE/FALSE/NULL only: 1 || true is MySQL's 1 OR TRUE, the probe
    // cmdi.ts no longer reads as a chained no-op; 1 || 2 stays a choice)
    if (!((c == T_LOGIC || (c == T_OP && (ca & A_CMP) != 0)) && ((ca & A_CHAR) == 0 || (c == T_LOGIC && t == T_WORD && (a & A_SQLWORD) != 0)))) return false;
    // (a comment as the spacing — 1/**/or/**/2 — is no prose either)
    if ((a & (A_SQLWORD | A_NOT | A_COMMENT)) != 0 || (ca & (A_SQLWORD | A_COMMENT)) != 0) mark = true;
  }
  return mark || (ttype(q, b) == T_NUM && (taux(q, b) & A_COMMENT) != 0);
}

/**
 * The ring index of the call whose arguments end right before the comparison at token 1, when the value is
 * <number> <word connective> <call>(…) or starts with the connective: 1 and f('x', 2) = — else 0. (Parentheses are
 * not tokens: the newest unspaced call at or below the ring's reach is taken as the one closed.)
 */
function calledAfterLiteral(q: usize): u32 {
  const n = g32(q, Q_NTOK);
  for (let k: u32 = 2; k + 1 < n && k + 2 < RING_N; k++) {
    if (ttype(q, k) != T_FUNC) continue;
    if ((taux(q, k) & A_SPACED) != 0 || ttype(q, k + 1) != T_LOGIC || (taux(q, k + 1) & A_CHAR) != 0) return 0;
    if (!(k + 2 == n || (k + 3 == n && ttype(q, k + 2) == T_NUM))) return 0;
    // (arguments of literals and SQL values, as a probe passes: f(x) and g(a, b) are a formula's)
    for (let j: u32 = 2; j < k; j++) if (plainName(q, j)) return 0;
    return k;
  }
  return 0;
}

/** A word with no SQL meaning and no literal prefix (lots, hours, https): what prose is made of. */
// @ts-ignore: decorator
@inline function plainWord(q: usize, k: u32): bool {
  return ttype(q, k) == T_WORD && tflags(q, k) == 0 && (taux(q, k) & A_PREFIX) == 0;
}

/**
 * A dangerous call in prose position, one more token after it: a plain word among the first three (sleep(8 hours),
 * Benchmark (2023) results, Rand(1990) is a novel) makes it prose; numbers, IS and arithmetic wait (7-9 folds); anything else is SQL
 * (sleep(5) and, benchmark(9,md5(1)), load_file('x')). The end of the value settles it as SQL too (sqlFinish).
 */
function dangerStep(st: usize, q: usize): void {
  const bo = g32(q, Q_BO);
  // (in SQL position the call is SQL unless its parentheses were empty: union() and sleep() helpers names two functions)
  if ((bo & BO_DANGER_ARGS) != 0) {
    s32(q, Q_BO, bo & ~(BO_DANGER | BO_DANGER_ARGS | BO_DANGER_N * 3));
    if ((taux(q, 0) & (A_LPAREN | A_RPAREN)) != A_RPAREN) report(st, R_SQLI_DANGEROUS_FUNCTION, tstart(q, 1), tend(q, 1) + ((taux(q, 1) & A_SPACED) == 0 ? 1 : 0));
    return;
  }
  const k = ((bo & (BO_DANGER_N * 3)) / BO_DANGER_N) + 1; // tokens since the call; the call is token k
  // (and a connective or word operator first in its parentheses: Sleep (in a bed), Analyse (or analyze) — no argument list starts so)
  const t0 = ttype(q, 0);
  const a0 = taux(q, 0);
  const wordOp = (t0 == T_LOGIC || (t0 == T_OP && (a0 & A_CMP) != 0)) && (a0 & A_CHAR) == 0;
  // (or empty parentheses: sleep() and eat() names two functions)
  if (plainWord(q, 0) || (k == 1 && (a0 & A_LPAREN) != 0 && wordOp) || (k == 1 && (a0 & (A_LPAREN | A_RPAREN)) == A_RPAREN)) {
    s32(q, Q_BO, bo & ~(BO_DANGER | BO_DANGER_N * 3)); return;
  }
  if (k < 3 && (ttype(q, 0) == T_NUM || (ttype(q, 0) == T_OP && (taux(q, 0) & (A_IS | A_CMP)) != A_CMP))) { s32(q, Q_BO, (bo & ~(BO_DANGER_N * 3)) | k * BO_DANGER_N); return; }
  s32(q, Q_BO, bo & ~(BO_DANGER | BO_DANGER_N * 3));
  report(st, R_SQLI_DANGEROUS_FUNCTION, tstart(q, k), tend(q, 0));
}

/** Report the ORDER BY <n> that waited for the token after it (BO_ORDER): token 0 is still that number. */
function orderSettle(st: usize, q: usize): void {
  s32(q, Q_BO, g32(q, Q_BO) & ~BO_ORDER);
  report(st, R_SQLI_ORDER_BY_PROBE, isKw(q, 2, K_SQL_ORDER) ? tstart(q, 2) : tstart(q, 0), tend(q, 0));
}

/**
 * Words SQL writes after ORDER/GROUP BY <n> that carry no keyword flags of their own (asc, nulls, offset, with rollup …):
 * they continue the clause, so they settle a waiting ORDER BY <n> as the probe.
 */
function orderTail(w: usize, len: u32): bool {
  return afterLiteral(w, len) || wordIs(w, len, "desc") || wordIs(w, len, "nulls") || wordIs(w, len, "offset") ||
    wordIs(w, len, "fetch") || wordIs(w, len, "for") || wordIs(w, len, "with") || wordIs(w, len, "procedure") ||
    wordIs(w, len, "having") || wordIs(w, len, "window") || wordIs(w, len, "rows") || wordIs(w, len, "option") ||
    wordIs(w, len, "limit") || wordIs(w, len, "into") || wordIs(w, len, "union") || wordIs(w, len, "range");
}

/**
 * Is the word after '@@' a server variable's name, the kind an attack reads (@@version, @@datadir, @@version_compile_os,
 * @@global.x, @@spid)? A name with an '_' in it (MySQL's system variables), or one of the single words MySQL and
 * T-SQL name their variables and scopes with. Not any word: @@x7&%… is a generated password.
 */
function sysVar(w: usize, len: u32): bool {
  const n = len < KW_MAX_WORD ? len : KW_MAX_WORD; // (only the first KW_MAX_WORD bytes are stored: a longer name is judged by them)
  if (n == 0 || (<u32>load<u8>(w) | 0x20) - 0x61 >= 26) return false;
  let under = false;
  let alpha = true;
  for (let i: u32 = 1; i < n; i++) {
    const c = <u32>load<u8>(w + i);
    if (c == 0x5f) under = true;
    else if ((c | 0x20) - 0x61 >= 26) { if (c - 0x30 >= 10) return false; alpha = false; }
  }
  if (under || len > KW_MAX_WORD) return true;
  if (!alpha) return false;
  switch (n) {
    case 3: return wordIs(w, n, "new") || wordIs(w, n, "pid");
    case 4: return wordIs(w, n, "spid") || wordIs(w, n, "port") || wordIs(w, n, "dbts") || wordIs(w, n, "idle");
    case 5: return wordIs(w, n, "error") || wordIs(w, n, "local");
    case 6: return wordIs(w, n, "tmpdir") || wordIs(w, n, "socket") || wordIs(w, n, "langid") || wordIs(w, n, "procid") || wordIs(w, n, "global");
    case 7: return wordIs(w, n, "version") || wordIs(w, n, "datadir") || wordIs(w, n, "basedir") || wordIs(w, n, "license") ||
      wordIs(w, n, "options") || wordIs(w, n, "session");
    case 8: return wordIs(w, n, "hostname") || wordIs(w, n, "identity") || wordIs(w, n, "rowcount") || wordIs(w, n, "language") ||
      wordIs(w, n, "textsize");
    case 9: return wordIs(w, n, "trancount") || wordIs(w, n, "nestlevel") || wordIs(w, n, "datefirst") || wordIs(w, n, "remserver") ||
      wordIs(w, n, "timeticks");
    case 10: return wordIs(w, n, "servername") || wordIs(w, n, "autocommit") || wordIs(w, n, "sqlversion");
    case 11: return wordIs(w, n, "servicename") || wordIs(w, n, "connections");
    case 16: return wordIs(w, n, "microsoftversion");
    default: return false;
  }
}

/** Settle a deferred break-out comparison: `quoted` cancels it (the break-out is the first token: it starts at 0). */
function settle(st: usize, q: usize, quoted: bool): void {
  s32(q, Q_BO, g32(q, Q_BO) & ~BO_DEFER);
  if (!quoted) report(st, R_SQLI_STRING_BREAKOUT, 0, tend(q, 0));
}
// Words that settle a deferred break-out at once: SQL structure, connectives, word operators, dangerous names.
const DEFER_BREAK: u64 = STRUCTURAL | K_SQL_LOGIC | K_SQL_OPWORD | K_SQL_DANGER | K_SQL_SCHEMA;
// Punctuation that keeps it waiting: what a quoted query string or key=value list is made of (& ; , = [ ] . : / % - ( ) ? !),
// and arithmetic, what a quoted formula is made of ('E=mc^2', 'a=b*2', 'n=n+1')
// bit set over 0x20-0x5f
// @ts-ignore: decorator
@inline function listPunct(c: u32): bool {
  return c == 0x26 || c == 0x3b || c == 0x2c || c == 0x3d || c == 0x5b || c == 0x5d || c == 0x2e || c == 0x3a || c == 0x2f ||
    c == 0x25 || c == 0x2d || c == 0x28 || c == 0x29 || c == 0x3f || c == 0x21 || c == 0x2a || c == 0x5e || c == 0x2b;
}

// Maths functions (a formula's: abs sin cos tan cot asin acos atan exp ln log log2 log10 sqrt round floor ceil ceiling
// sign degrees radians) and the aggregates (sum avg min max count): no string or data function that reads a column's
// bytes (trim, lower, length, ascii, ord, hex, substr …). Each name is matched as one little-endian integer of its bytes
// (mathsName): a switch on the length and a few compares, where a walk of a name list cost ~20 compares a call.

/**
 * Token 0's name (its word still in the lexer's buffer) as a function of a formula: A_MATHS for a maths function, with
 * A_AGG for an aggregate (see above); 0 for any other name.
 */
function mathsName(st: usize, q: usize): u32 {
  const len = tend(q, 0) - tstart(q, 0);
  // (the lexer's buffer must hold this token's word, byte for byte: an encoded or joined name is not read as one)
  if (load<u32>(st + ST_LEX + LX_START) != tstart(q, 0) || len > 7) return 0;
  // (the buffer's bytes past the word are another word's: masked off; KW_MAX_WORD >= 8, so the load stays in the buffer)
  const w = load<u64>(st + ST_LEX + LX_WORD) & ((<u64>1 << (<u64>len << 3)) - 1);
  switch (len) {
    case 2: return w == 0x6e6c ? A_MATHS : 0; // ln
    case 3: {
      // abs sin cos tan cot exp log, then sum avg min max
      if (w == 0x736261 || w == 0x6e6973 || w == 0x736f63 || w == 0x6e6174 || w == 0x746f63 || w == 0x707865 || w == 0x676f6c) return A_MATHS;
      if (w == 0x6d7573 || w == 0x677661 || w == 0x6e696d || w == 0x78616d) return A_MATHS | A_AGG;
      return 0;
    }
    // asin acos atan log2 sqrt ceil sign
    case 4: return w == 0x6e697361 || w == 0x736f6361 || w == 0x6e617461 || w == 0x32676f6c || w == 0x74727173 || w == 0x6c696563 ||
      w == 0x6e676973 ? A_MATHS : 0;
    case 5: {
      // log10 round floor, then count
      if (w == 0x3031676f6c || w == 0x646e756f72 || w == 0x726f6f6c66) return A_MATHS;
      return w == 0x746e756f63 ? A_MATHS | A_AGG : 0;
    }
    // ceiling degrees radians
    case 7: return w == 0x676e696c696563 || w == 0x73656572676564 || w == 0x736e6169646172 ? A_MATHS : 0;
  }
  return 0;
}

/** Is the lexer's last word, starting at `start`, IF (two bytes, folded; the caller knows the token is two bytes long)? */
// @ts-ignore: decorator
@inline function lexedIf(st: usize, start: u32): bool {
  return load<u32>(st + ST_LEX + LX_START) == start && load<u16>(st + ST_LEX + LX_WORD) == 0x6669; // "if", little-endian
}

/** Called when '(' follows token 0: it becomes a function call. */
function makeFunc(st: usize, q: usize, start: u32, end: u32, link: bool = false): void {
  const e = ent(q, 0);
  store<u32>(e + E_TYPE, T_FUNC);
  // (A_MATHS and A_AGG share the word's A_CELL and A_HEXGROUP bits, read on words only)
  store<u32>(e + E_AUX, (load<u32>(e + E_AUX) & ~(A_MATHS | A_AGG)) | mathsName(st, q));
  if (load<u32>(e + E_END) != start) store<u32>(e + E_AUX, load<u32>(e + E_AUX) | A_SPACED);
  const f = tflags(q, 0);
  const s0 = tstart(q, 0);
  // x' AND f(   — any call right after a quote break-out and a connective
  if (ttype(q, 1) == T_LOGIC && isBreakout(q, 2)) report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 2), end);
  // SELECT CHAR(   — a select list that starts with an SQL function
  // (not after a plain word, word operator or word connective with no parenthesis or comment between: "Why is SELECT
  // COUNT(*) slow", "use SELECT CHAR(10)" name a query in a sentence, and SQL takes a subquery there only in parentheses;
  // an injected SELECT follows the start, a literal, a quote, ';', '(', a comment or UNION — its FROM, if one follows,
  // still reports)
  if ((f & (K_SQL_FUNC | K_SQL_DANGER)) != 0 && isKw(q, 1, K_SQL_SELECT)) {
    const t2 = ttype(q, 2);
    if (!((plainWord(q, 2) || ((t2 == T_OP || t2 == T_LOGIC) && (taux(q, 2) & A_CHAR) == 0)) && (taux(q, 1) & (A_LPAREN | A_COMMENT)) == 0)) {
      report(st, R_SQLI_SELECT_FROM, tstart(q, 1), end);
    }
  }
  // 1 UNION MATCH (n)  1 UNION CALL db.labels(  — Cypher's other side of a UNION (MATCH has the verb mark, CALL is a keyword)
  if ((load<u32>(e + E_AUX) & A_VERB) != 0 && (f & K_SQL_EXEC) == 0) {
    unionBefore(st, q, 0, end);
    // x'}) MATCH (n)  — the quote closes, then a ')' closes the query's pattern, and a clause opens another one
    // (or the value starts with that quote: '}) MATCH (n))
    if ((load<u32>(e + E_AUX) & A_RPAREN) != 0 && g32(q, Q_NTOK) == 2 && (isBreakout(q, 1) || (ttype(q, 1) == T_STR && (g32(q, Q_BO) & BO_EMPTY) != 0)) &&
        (g32(q, Q_BO) & BO_LOOSE) == 0) {
      report(st, R_SQLI_STACKED_QUERY, tstart(q, 1), end);
    }
  } else if (isKw(q, 1, K_SQL_EXEC) && (taux(q, 1) & A_CALLKW) != 0) unionBefore(st, q, 1, end);
  // ([Benchmark.js](https://…) is a Markdown link; SQL Server brackets names, [dbo].[fn](1), never a dangerous one)
  if ((f & K_SQL_DANGER) != 0 && !link) {
    // Sleep(8 hours)  Rand(1990) is a novel  the [benchmark](https://…): a call that starts the value or follows a plain
    // word, with no parenthesis, comment or sign before it, waits for what follows it (dangerStep)
    const t1 = ttype(q, 1);
    if ((load<u32>(e + E_AUX) & (A_LPAREN | A_RPAREN | A_COMMENT | A_UNARY | A_NOT)) == 0 && (t1 == 0 || plainWord(q, 1)) && (g32(q, Q_BO) & BO_DANGER) == 0) {
      s32(q, Q_BO, g32(q, Q_BO) | BO_DANGER);
    } else if ((g32(q, Q_BO) & BO_DANGER) == 0 && t1 == T_LOGIC && (taux(q, 1) & A_CHAR) == 0) {
      s32(q, Q_BO, g32(q, Q_BO) | BO_DANGER | BO_DANGER_ARGS); // (after a word connective: wait for the arguments, dangerStep)
    } else report(st, R_SQLI_DANGEROUS_FUNCTION, s0, end);
  }
  if ((f & (K_SQL_FUNC | K_SQL_DANGER)) != 0) {
    const funcs = g32(q, Q_FUNCS) + 1;
    s32(q, Q_FUNCS, funcs);
    const t1 = ttype(q, 1);
    // sin(x) or cos(x), log(2) or ln(2), avg(a) and avg(b) differ: two calls of one plain argument each joined by a word
    // connective, the first starting the value or following a plain word — a formula or a sentence about two functions.
    // An injected call follows a literal, a quote or a comparison (1 and ascii(, x' or sleep(); a dangerous name still
    // reports above.
    // (both maths functions, the first of one letter: floor(0) or floor(1), abs(0) or abs(1) are constants, always true —
    // a tautology that needs no column name — and ascii(name) or ascii(pass) is true for every row with a name)
    const pair = t1 == T_LOGIC && (taux(q, 1) & (A_CHAR | A_LPAREN | A_COMMENT)) == 0 && (taux(q, 1) & A_RPAREN) != 0 &&
      oneArgCall(q, 2) && (g32(q, Q_NTOK) == 4 || plainWord(q, 4)) && (f & K_SQL_DANGER) == 0 &&
      ttype(q, 2) == T_WORD && tend(q, 2) - tstart(q, 2) == 1 && (taux(q, 3) & A_MATHS) != 0 && (load<u32>(e + E_AUX) & A_MATHS) != 0;
    if (t1 == T_FUNC) {
      if ((taux(q, 0) & A_LPAREN) != 0) {
        // nested: ASCII(SUBSTRING(  or chained: CHR(..)||CHR(
        if ((tflags(q, 1) & (K_SQL_FUNC | K_SQL_DANGER)) != 0) report(st, R_SQLI_FUNCTION_CHAIN, tstart(q, 1), end);
        // 1 and st_latfromgeohash(version(  — any call right after a literal and a connective, with an SQL function as its
        // argument (error-based extraction through functions no list names)
        else if (ttype(q, 2) == T_LOGIC && (tflags(q, 2) & K_SQL_LOGIC) != 0 && (ttype(q, 3) == T_NUM || ttype(q, 3) == T_STR)) {
          report(st, R_SQLI_FUNCTION_CHAIN, tstart(q, 2), end);
        }
      }
    } else if (funcs >= 2 && typeIn(t1, TM_OP | TM_LOGIC | TM_COMMA) && !pair) report(st, R_SQLI_FUNCTION_CHAIN, s0, end);
    // <value> AND ASCII(  — a connective straight into an SQL function (blind extraction)
    // (not a name spaced from its parenthesis after a plain word: `musl`) and version (e.g. 1.2.3) is prose)
    // (or MySQL's && and || after the number that starts the value: 1 || ifnull(1,0)=1 — sqlmap's symboliclogical; after
    // words, x = 1 || min(y) is code or a formula)
    if (t1 == T_LOGIC && !pair) {
      if ((isValue(q, 2) && (tflags(q, 1) & K_SQL_LOGIC) != 0 && !((load<u32>(e + E_AUX) & A_SPACED) != 0 && plainName(q, 2))) ||
          ((taux(q, 1) & A_CHAR) != 0 && ttype(q, 2) == T_NUM && g32(q, Q_NTOK) == 3 && (f & K_SQL_FUNC) != 0)) {
        report(st, R_SQLI_FUNCTION_CHAIN, tstart(q, 1), end);
      }
    }
    if (t1 == T_LOGIC || isCmp(q, 1) || isBreakout(q, 1)) {
      if (isBreakout(q, 1) || isBreakout(q, 2)) report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 1), end);
    }
    // (=ROUND(B2*1,2)  =IF(A1>0,1,0): a call right after an '=' that starts the value is a spreadsheet formula)
    // (if (a && b) { return true; }: IF spaced from its '(' starting the value, or after a plain word (Code: if (x)), is a
    // C-family statement in a support ticket; SQL's IF is written glued, IF(1=1,1,0), and what a spaced one compares or
    // calls still reports by itself: if (1=1,1,0) a tautology, if (1,sleep(5),0) a dangerous function)
    const cIf = (load<u32>(e + E_AUX) & A_SPACED) != 0 && tend(q, 0) - s0 == 2 && (t1 == 0 || plainWord(q, 1)) &&
      lexedIf(st, s0);
    if (!(t1 == T_OP && g32(q, Q_NTOK) == 2 && (taux(q, 1) & (A_CHAR | A_JOINED)) == (0x3d << 8) && tstart(q, 1) == 0 && s0 == tend(q, 1)) && !cIf) {
      report(st, R_SQLI_COMPARISON, s0, end);
    }
  }
  judge(st, q); // the token's shape changed: ;select count(  union select concat(
}

/** Is the '/*' just opened glued to a plain name (a path segment: static/admin/*)? */
function globAfter(q: usize): bool {
  return g32(q, Q_NTOK) > 0 && g32(q, Q_PEND) == 0 && plainWord(q, 0) && tend(q, 0) == g32(q, Q_AUXSTART);
}

function onComment(st: usize, q: usize, start: u32, end: u32, glob: bool = false, wordAfter: bool = false): void {
  const n = g32(q, Q_NTOK);
  if (n == 0) return;
  s32(q, Q_BO, (g32(q, Q_BO) | BO_COMMENT) & ~(BO_NOTE | BO_NOTE2));
  const sh: u32 = ttype(q, 0) == T_SEMI ? 1 : 0;
  if (isBreakout(q, 0)) {
    // (not a loose quote with '/*' and a word all glued after it: match("/*splat") quotes a route pattern)
    if (!(wordAfter && (g32(q, Q_BO) & BO_LOOSE) != 0 && tend(q, 0) == start)) report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 0), end);
  }
  // x'; --  — the statement ended right after the quote, the rest cut off
  else if (ttype(q, 0) == T_SEMI && isBreakout(q, 1) && (g32(q, Q_BO) & BO_LOOSE) == 0) report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 1), end);
  // (a ';' that ends the statement before the comment changes nothing: x' or true;--  ' or 1;--)
  else if (isBreakout(q, 2 + sh) && ttype(q, 1 + sh) == T_LOGIC) report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 2 + sh), end);
  // '||1#  ' or 2--  — the value starts with the closing quote, a connective, one operand, then a comment
  // (the terms after a chain's first in parentheses, here and below: a miss of the first then skips them all at once)
  else if (n == 3 + sh && ((g32(q, Q_BO) & BO_EMPTY) != 0 && ttype(q, 2 + sh) == T_STR && ttype(q, 1 + sh) == T_LOGIC &&
           (ttype(q, sh) == T_NUM || ttype(q, sh) == T_FUNC || (ttype(q, sh) == T_WORD && (tflags(q, sh) & K_SQL_VALUEKW) != 0)))) report(st, R_SQLI_STRING_BREAKOUT, 0, end);
  // x'|col--  x'%col--  0'|0#  — an operator applied to a column or a number, the rest cut off (not '/' glued to the quote before a
  // name: '/static/*' is a quoted path; bob'/1# divides);
  // bob' - 0 #  admin' * 1 #  bob' / 1 #  — spaced too when it is arithmetic (+ - * / % ^ | &): name = 'bob' - 0 is name = 0, true
  // for most names
  // ('-0#  '^0-- -  '%1#  '+0#  — or the value starts with that closing quote and a number follows: name = ''-0 is name = 0)
  // (bob'*1;--  bob' / 1;#  — a ';' ending the statement before the comment changes nothing here either, as for the connective above)
  else if (ttype(q, 1 + sh) == T_OP && ((isBreakout(q, 2 + sh) && (tstart(q, 1 + sh) == tend(q, 2 + sh) || arithChar((taux(q, 1 + sh) & A_CHAR) >> 8) ||
              (taux(q, 1 + sh) & A_CHAR) == (0x2b << 8) || (taux(q, 1 + sh) & A_CHAR) == (0x2f << 8) || (taux(q, 1 + sh) & A_CHAR) == (0x25 << 8)) &&
             !((taux(q, 1 + sh) & A_CHAR) == (0x2f << 8) && tstart(q, 1 + sh) == tend(q, 2 + sh) && ttype(q, sh) != T_NUM)) ||
            (sh == 0 && n == 3 && ttype(q, 2) == T_STR && (g32(q, Q_BO) & BO_EMPTY) != 0 && (ttype(q, 0) == T_NUM || plainName(q, 0)) && tend(q, 0) == start &&
             tstart(q, 1) == tend(q, 2) && (arithChar((taux(q, 1) & A_CHAR) >> 8) || (taux(q, 1) & A_CHAR) == (0x25 << 8) ||
              (taux(q, 1) & A_CHAR) == (0x2b << 8)))) &&
           (taux(q, 1 + sh) & A_CMP) == 0 && (ttype(q, sh) == T_WORD || ttype(q, sh) == T_NUM)) {
    report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 2 + sh), end);
  }
  const t0 = ttype(q, 0);
  if ((typeIn(t0, TM_NUM | TM_STR | TM_WORD | TM_VAR | TM_FUNC) || isKw(q, 0, K_SQL_VALUEKW)) &&
      (g32(q, Q_SIG) & ~SIG_SYMBOLIC) != 0 &&
      // (fetch(/* options */): a comment first in the glued parentheses of a name SQL does not know is spacing in a call, no cut)
      !(t0 == T_FUNC && tflags(q, 0) == 0 && (taux(q, 0) & A_SPACED) == 0 && (g32(q, Q_PEND) & A_LPAREN) != 0 && g32(q, Q_STATE) == S_BLOCK_OPEN)) {
    // "version 2 -- fixed bugs": behind only SQL words (no quoted literal, call, comparison or variable), a "--"
    // set apart by spaces may be the writer's dash; it is a cut unless two words follow it on its line
    // (so may one after a dangerous call in prose position still waiting for what follows it: sleep(2) -- wait for the page;
    // and one after a plain word glued to no parenthesis that follows another word, whatever that word names: sleep well --
    // thanks — SQL writes no two names in a row there)
    // (and one after a user variable after a plain word and a space: a mention, ping @anna -- done; a name then a variable
    // is a syntax error in every engine, so the cut gains nothing. Not a variable opening the value: PostgreSQL reads @id
    // as abs(id), and id = @id -- cut off an owner check for red team rt35)
    if (((g32(q, Q_SIG) & SIG_SYMBOLIC) == 0 || (g32(q, Q_BO) & (BO_DANGER | BO_DANGER_ARGS)) == BO_DANGER ||
         (plainWord(q, 0) && ttype(q, 1) == T_WORD && (taux(q, 0) & (A_LPAREN | A_RPAREN)) == 0) || mention(q, n)) &&
        g32(q, Q_STATE) == S_LINE && start > tend(q, 0)) s32(q, Q_BO, g32(q, Q_BO) | BO_TRUNC);
    else if (!glob) report(st, R_SQLI_COMMENT_TRUNCATION, tstart(q, 0), end);
  }
  // x'!=1;--  — the statement ended by a ';' glued between a value and the comment: the same cut (behind a quoted literal,
  // call, comparison or variable: SQL's shapes, not a sentence's)
  else if (t0 == T_SEMI && tend(q, 0) == start && tstart(q, 0) == tend(q, 1) &&
           (typeIn(ttype(q, 1), TM_NUM | TM_STR | TM_WORD | TM_VAR) || isKw(q, 1, K_SQL_VALUEKW)) &&
           (g32(q, Q_SIG) & SIG_SYMBOLIC) != 0 && (g32(q, Q_SIG) & ~SIG_SYMBOLIC) != 0) {
    report(st, R_SQLI_COMMENT_TRUNCATION, tstart(q, 1), end);
  }
  s32(q, Q_PEND, g32(q, Q_PEND) | A_COMMENT);
}

function opToken(st: usize, q: usize, c: u32, start: u32, end: u32): void {
  // join with the previous operator character when adjacent: || && <= >= <> != :=
  // (the type first: a miss skips the other terms at once)
  if (ttype(q, 0) == T_OP && (g32(q, Q_NTOK) > 0 && tend(q, 0) == start && g32(q, Q_PEND) == 0)) {
    const e = ent(q, 0);
    const p = (load<u32>(e + E_AUX) >> 8) & 0xff;
    if (p == 0x3a && c == 0x3a) {
      // (two colons, joined, are a cast; a third makes it none: fe80:::1 — counted, not measured, so %3A%3A is a cast too)
      const a = load<u32>(e + E_AUX);
      store<u32>(e + E_AUX, (a & A_JOINED) != 0 ? a & ~(A_CHAR | A_JOINED) : a | A_JOINED);
      store<u32>(e + E_END, end);
      return;
    }
    if ((p == 0x7c && c == 0x7c) || (p == 0x26 && c == 0x26)) {
      store<u32>(e + E_TYPE, T_LOGIC); store<u32>(e + E_END, end);
      // (a connective after the break-out's first operator moves its re-opening shape on, as a word connective does:
      // x' && 0 && 'y  x'||1||'  x' || pkg.f('a') || ' — the first character was pushed as an operator)
      const bo = g32(q, Q_BO);
      if ((bo & BO_SHAPE) == 2 && g32(q, Q_NTOK) > 2) s32(q, Q_BO, (bo & ~BO_SHAPE) | 3);
      judge(st, q);
      return;
    }
    // === and !== are JavaScript, not SQL: no comparison (a third character joins the operator and ends it)
    if (c == 0x3d && p == 0x3d && (load<u32>(e + E_AUX) & A_JOINED) != 0) {
      store<u32>(e + E_AUX, load<u32>(e + E_AUX) & ~(A_CMP | A_JOINED)); store<u32>(e + E_END, end);
      return;
    }
    // (PostgreSQL's pattern matches: ~* case-blind, !~ and !~* negated, ~~ and !~~ its LIKE — comparisons as '~' is)
    if ((c == 0x3d && (p == 0x3c || p == 0x3e || p == 0x21 || p == 0x3d || p == 0x3a)) || (p == 0x3c && c == 0x3e) ||
        (p == 0x7e && (c == 0x2a || c == 0x7e)) || (p == 0x21 && c == 0x7e)) {
      // (x'!=1-- -: a '!' was pushed as no comparison; now it is one: count it as push counts one, a sign of SQL)
      if ((load<u32>(e + E_AUX) & A_CMP) == 0) s32(q, Q_SIG, (g32(q, Q_SIG) + 1) | SIG_SYMBOLIC);
      store<u32>(e + E_AUX, (load<u32>(e + E_AUX) & ~A_CHAR) | A_CMP | A_JOINED | (c << 8)); store<u32>(e + E_END, end);
      return;
    }
  }
  // A sign or negation in front of an operand (AND -8=-3, = !'0) is part of the operand.
  if (c == 0x2d || c == 0x2b || c == 0x21 || c == 0x7e) {
    const n = g32(q, Q_NTOK);
    const t0 = ttype(q, 0);
    if (n == 0 || typeIn(t0, TM_LOGIC | TM_OP | TM_COMMA | TM_KW | TM_SEMI)) {
      if (!(n > 0 && t0 == T_OP && tend(q, 0) == start && (taux(q, 0) & A_CMP) == 0 && c == 0x21)) {
        // ('!' is MySQL's NOT: 1 and !0 marks the operand as NOT does; '~' is "about" in prose as often: 1 or ~2)
        if ((g32(q, Q_PEND) & A_RPAREN) == 0) { s32(q, Q_PEND, g32(q, Q_PEND) | A_UNARY | (c == 0x21 ? A_NOT : 0)); return; }
      }
    }
  }
  let aux: u32 = c << 8;
  // ('~' after an operand is PostgreSQL's regular-expression match: name~'^admin' compares as name LIKE 'admin%' does —
  // after a number it is a range, 5~6 people, as no integer matches a pattern in PostgreSQL)
  if (c == 0x3d || c == 0x3c || c == 0x3e || (c == 0x7e && ttype(q, 0) != T_NUM)) aux |= A_CMP;
  if (c == 0x2a) aux |= A_STAR;
  pushOp(st, q, aux, start, end);
}

function closeString(st: usize, q: usize, end: u32, closed: bool): void {
  // x'41': the prefix word becomes part of the closed literal (an unclosed b' is still a word and a quote: a' * b')
  if ((g32(q, Q_BO) & BO_PREFIX) != 0) {
    s32(q, Q_BO, g32(q, Q_BO) & ~BO_PREFIX);
    if (closed) {
      s32(q, Q_TSTART, tstart(q, 0));
      popToken(q);
    }
  }
  // The implied opening quote only counts when real text precedes the closing one.
  const implied = g32(q, Q_MODE) != 0 && g32(q, Q_NTOK) == 0 && g32(q, Q_TSTART) == 0;
  const breakout = implied && (g32(q, Q_BO) & BO_QUOTE_FIRST) == 0;
  s32(q, Q_STATE, S_NORMAL);
  // pass::"int4"  — a type name in "…" is PostgreSQL's quoted identifier, the same type: it folds as the bare name does
  if (closed && !implied && g32(q, Q_QUOTE) == 0x22 && quotedCast(st, q, end)) return;
  pushStr(st, q, breakout ? A_BREAKOUT : 0, g32(q, Q_TSTART), end);
  // A value that starts with the closing quote itself ('=' , ' OR ', " or ""-") can still re-open it (in "…" too:
  // MySQL's default mode reads "…" as a string; the rules that read the shape say which quote they take).
  if (implied && !breakout) s32(q, Q_BO, (g32(q, Q_BO) & ~BO_SHAPE) | 1);
  if (implied && !breakout) s32(q, Q_BO, g32(q, Q_BO) | BO_EMPTY);
}

/**
 * Where does a comment opened at Q_AUXSTART with text glued after it ("--x", "#x") stand after a break-out? 0: not after one;
 * else CUT_NEXT or CUT_SPACED (right after the last token or a ')' after it; or after one space) with cutShape's CUT_LOGIC.
 */
function cutAfterBreakout(q: usize): u32 {
  if ((g32(q, Q_BO) & BO_LOOSE) != 0) return 0;
  const aux = g32(q, Q_AUXSTART);
  // (spaced: one byte between, nothing pending — a space as a rule; bytes no token records, \ } ~, are no spacing: Fbe"\}#n$f)
  const at = tend(q, 0) == aux || ((g32(q, Q_PEND) & A_RPAREN) != 0 && g32(q, Q_LASTEND) == aux) ? CUT_NEXT :
    g32(q, Q_PEND) == 0 && aux == tend(q, 0) + 1 ? CUT_SPACED : 0;
  if (at == 0) return 0;
  const shape = cutShape(q);
  return shape == 0 ? 0 : at | (shape & CUT_LOGIC);
}
/**
 * Do the value's last tokens end a break-out, so that a comment now cuts the query's rest off? 0: no; CUT_LOGIC when they are a
 * connective and one operand after the break-out (x' or true), a comparison and one operand (x' != 1) or an assignment spliced into
 * a SET list (x', is_admin=1); CUT_NEXT for the non-loose break-out quote itself (admin'; with a ';', the statement ended there:
 * admin'; or a value that starts with the closing quote: ').
 */
function cutShape(q: usize): u32 {
  const bo = g32(q, Q_BO);
  if ((bo & BO_LOOSE) != 0) return 0;
  const n = g32(q, Q_NTOK);
  // (a ';' may end the statement before the comment: x' or true;--x)
  const sh: u32 = ttype(q, 0) == T_SEMI ? 1 : 0;
  if (ttype(q, 1 + sh) == T_LOGIC && (isBreakout(q, 2 + sh) || (n == 3 + sh && ttype(q, 2 + sh) == T_STR && (bo & BO_EMPTY) != 0))) return CUT_NEXT | CUT_LOGIC;
  // (x' != 1;--x  x' = 1 #x: a comparison and its operand after the break-out as well — (name = 'x') != 1 is true for every row;
  // after a prime too, as y' = 2 -- note already cuts: see judge's '= <value>')
  if (isCmp(q, 1 + sh) && isBreakout(q, 2 + sh)) return CUT_NEXT | CUT_LOGIC;
  // (x', is_admin=1 --x: an assignment spliced into an UPDATE's SET list after the break-out counts as the connective does, at
  // any spacing: x' , is_admin = 1 --x)
  if (ttype(q, 1 + sh) == T_OP && (taux(q, 1 + sh) & (A_CHAR | A_JOINED)) == (0x3d << 8) && ttype(q, 2 + sh) == T_WORD &&
      ttype(q, 3 + sh) == T_COMMA && isBreakout(q, 4 + sh)) return CUT_NEXT | CUT_LOGIC;
  return isBreakout(q, 0) || (n == 1 && ttype(q, 0) == T_STR && (bo & BO_EMPTY) != 0) || (ttype(q, 0) == T_SEMI && isBreakout(q, 1)) ? CUT_NEXT : 0;
}
/**
 * A '#' standing alone after a break-out (see S_HASH): cutShape's connective and operand (x' or 1 # note), or the quote's
 * statement ended by a ';' or a ')' closed after it (admin'; # x, x') # note). After the bare quote it is prose: a plural
 * possessive before "# of" (Customers' # of orders), a line ending in a quote before a Markdown heading or a Python comment.
 */
function spacedHashCuts(q: usize): bool {
  const shape = cutShape(q);
  return (shape & CUT_LOGIC) != 0 || (shape != 0 && (ttype(q, 0) == T_SEMI || (g32(q, Q_PEND) & A_RPAREN) != 0));
}
const CUT_NEXT: u32 = 1;
const CUT_SPACED: u32 = 2;
const CUT_LOGIC: u32 = 4;

/** Resolve states that wait for one more event (closing quote, '-' or '/'); [start, end) is that event's span. */
// @ts-ignore: decorator
@inline function resolve(st: usize, q: usize, c: u32, start: u32, end: u32): u32 {
  let s = g32(q, Q_STATE);
  if (s == S_NORMAL) return s; // (the usual state: nothing waits)
  if (s == S_HASH_OP) {
    // id#0>0, 1#0 union …, 0#(select …): a '#' glued between an operand and a number or '(' is PostgreSQL's XOR operator,
    // which runs the rest of the line, not MySQL's comment (order#123, Apt#4 are a name and a number either way)
    if (c == 0x28 || (c == 0x61 && <u32>load<u8>(st + ST_LEX + LX_WORD) - 0x30 < 10)) {
      s32(q, Q_STATE, S_NORMAL);
      opToken(st, q, 0x23, g32(q, Q_AUXSTART), start);
      return S_NORMAL;
    }
    s = S_HASH; // (else a comment or a hashtag, judged as any '#')
    s32(q, Q_STATE, S_HASH);
  }
  if (s == S_STRING_QUOTE) {
    const bo = g32(q, Q_BO);
    s32(q, Q_BO, bo & ~(BO_APOS | BO_APOS1));
    if (c == g32(q, Q_QUOTE)) { s32(q, Q_STATE, S_STRING); s32(q, Q_BO, g32(q, Q_BO) & ~BO_QUOTE_FIRST); return 99; } // doubled quote
    // (a one-letter word's quote that is no apostrophe — no word glued after it — is a prime: y' = 2y, see judge)
    if ((bo & BO_APOS1) != 0) s32(q, Q_BO, g32(q, Q_BO) | BO_PRIME);
    closeString(st, q, start, true);
    s = S_NORMAL;
  } else if (s == S_DASH) {
    if (c == 0x2d) { s32(q, Q_STATE, S_DASHDASH); s32(q, Q_AUXSTART, start - 1); return 99; }
    s32(q, Q_STATE, S_NORMAL);
    opToken(st, q, 0x2d, start - 1, start);
    s = S_NORMAL;
  } else if (s == S_SLASH) {
    if (c == 0x2a) { s32(q, Q_STATE, S_BLOCK_OPEN); s32(q, Q_AUXSTART, start - 1); return 99; }
    s32(q, Q_STATE, S_NORMAL);
    opToken(st, q, 0x2f, start - 1, start);
    s = S_NORMAL;
  } else if (s == S_DASHDASH) {
    // "--" is a comment unless a word is glued to it ("--infant" is prose or an option)
    // `'--'` opts['--']: a loose break-out quote, "--" glued to it and a quote glued after it is a quoted dash, no comment
    if ((c == 0x27 || c == 0x22) && g32(q, Q_NTOK) == 1 && isBreakout(q, 0) && (g32(q, Q_BO) & BO_LOOSE) != 0 &&
        tend(q, 0) == g32(q, Q_AUXSTART) && start == g32(q, Q_AUXSTART) + 2) {
      s32(q, Q_STATE, S_NORMAL);
      return S_NORMAL;
    }
    // `--`: "--" glued to a backtick after it is a code span (MySQL, the dialect of backticks, needs a space after "--")
    if (c == 0x60 && start == g32(q, Q_AUXSTART) + 2) { s32(q, Q_STATE, S_NORMAL); return S_NORMAL; }
    s32(q, Q_STATE, c == 0x0a ? S_NORMAL : S_LINE); // "--\n" ends right here
    // admin'--sp_password  ' or 1--x  x' or true --x  — but after a break-out it is one: only MySQL needs a space after "--" (sqlmap's
    // sp_password tamper hides the query from SQL Server's log this way); right after the quote, or spaced after a connective and
    // its operand (a search's negative terms write BABY' --INFANT -CHILD)
    const cut = c == 0x61 ? cutAfterBreakout(q) : 0;
    // (not spaced after the break-out quote itself: a possessive before a signature, the boys' --Dad, reads the same as admin' --x)
    if (c != 0x61 || (cut & CUT_NEXT) != 0 || cut == (CUT_SPACED | CUT_LOGIC)) {
      onComment(st, q, g32(q, Q_AUXSTART), end);
      // a quote right after "--" ('--' and "--" are a quoted dash) is a note, as text later in the comment is
      if (c == 0x27 || c == 0x22 || c == 0x60) s32(q, Q_BO, g32(q, Q_BO) | BO_NOTE);
    }
    return 99;
  } else if (s == S_HASH) {
    if (c == 0x0a) { onComment(st, q, g32(q, Q_AUXSTART), start); s32(q, Q_STATE, S_NORMAL); return 99; }
    if (c == 0x20) return 99;
    // x' or true #yolo  — a word glued after '#' is a hashtag in prose, but MySQL's comment after a connective and its operand
    // following a break-out (not after the quote itself: R7u'#Lp2 in a generated password, my kids' #blessed in prose); a number after it is an item's (7" #2 NEEDLE), a space after it spells a note (FOO BAR'# BLAH), and a "…" closed
    // after a number was an inch mark (TV 55" #deal)
    // admin'; # x  x' or 1  # note  — a '#' standing alone, spaces on both sides, is no hashtag (one is glued to its word) and no
    // text glued to a quote (FOO BAR'# BLAH): it is MySQL's comment marker, as a spaced "--" is, so after a break-out's statement
    // end or connective it cuts at any spacing (see spacedHashCuts; '# 1', a number after it, still names an item)
    const aux = g32(q, Q_AUXSTART);
    if (c == 0x61 && <u32>load<u8>(st + ST_LEX + LX_WORD) - 0x30 >= 10 && (g32(q, Q_BO) & BO_INCH) == 0 &&
        (start == aux + 1 ? (cutAfterBreakout(q) & CUT_LOGIC) != 0 :
          aux > tend(q, 0) && aux > g32(q, Q_LASTEND) && (g32(q, Q_PEND) & ~A_RPAREN) == 0 && spacedHashCuts(q))) onComment(st, q, aux, end);
    s32(q, Q_STATE, S_LINE); s32(q, Q_PEND, g32(q, Q_PEND) | A_COMMENT); return 99;
  } else if (s == S_BLOCK_OPEN) {
    if (c == 0x21) { report(st, R_SQLI_EXECUTABLE_COMMENT, g32(q, Q_AUXSTART), end); s32(q, Q_STATE, S_NORMAL); return 99; }
    // (static/admin/*  application/*+json  /*path: a '/*' glued to a plain name with no space after it is a wildcard)
    onComment(st, q, g32(q, Q_AUXSTART), start, c != 0x20 && c != 0x0a && c != 0x2a && globAfter(q), c == 0x61);
    s = S_BLOCK;
    s32(q, Q_STATE, S_BLOCK);
    if (c == 0x2a) { s32(q, Q_STATE, S_BLOCK_STAR); return 99; }
  }
  return s;
}

/**
 * Length of the number that starts word `w` when an SQL keyword is glued to it (1e0UNION,
 * 3.2UNION's "2union", 1DUNION): SQL ends a numeric literal at the first letter that cannot
 * continue it, so the keyword that follows is a token of its own. 0 when there is none.
 */
function gluedNumber(w: usize, len: u32): u32 {
  if (len > KW_MAX_WORD || len < 3) return 0;
  // (the keyword glued is the word's tail, and every keyword of GLUED ends in a letter: 28839, 3.14's 14 have none)
  if (<u32>load<u8>(w + len - 1) - 0x30 < 10) return 0;
  if (load<u8>(w) == 0x30 && (<u32>load<u8>(w + 1) == 0x78 || <u32>load<u8>(w + 1) == 0x62)) return 0; // 0x.. 0b..
  let i: u32 = 0;
  while (i < len && <u32>load<u8>(w + i) - 0x30 < 10) i++;
  if (i + 1 < len && load<u8>(w + i) == 0x65 && <u32>load<u8>(w + i + 1) - 0x30 < 10) { // exponent
    i += 2;
    while (i < len && <u32>load<u8>(w + i) - 0x30 < 10) i++;
  }
  const rest = len - i;
  if (rest < 2) return 0;
  let at = i;
  // a float/double literal suffix (1d, 1f) may sit between the number and the keyword
  const c = <u32>load<u8>(w + i);
  if ((c == 0x64 || c == 0x66) && rest > 2 && (flagsOfBytes(w + i + 1, rest - 1) & GLUED) != 0) at = i + 1;
  return (flagsOfBytes(w + at, len - at) & GLUED) != 0 ? at : 0;
}
/** gluedNumber's first returns, inlined: most numbers make no call. */
// @ts-ignore: decorator
@inline function mayGlue(w: usize, len: u32): bool {
  return len - 3 <= KW_MAX_WORD - 3 && <u32>load<u8>(w + len - 1) - 0x30 >= 10;
}
const GLUED: u64 = K_SQL_UNION | K_SQL_SELECT | K_SQL_LOGIC | K_SQL_FROM | K_SQL_WHERE | K_SQL_ORDER | K_SQL_LIMIT;

/**
 * Inlined in the lexer's emitWord: a plain word or number in an idle reading (plainWordFast) makes no call but the rare
 * ones its checks ask for; every other word goes to wordToken, the general path.
 */
// @ts-ignore: decorator
@inline export function sqlWord(st: usize, q: usize, flags: u64, first: u32, start: u32, end: u32, word: usize, len: u32, ordinary: bool = false, number: bool = false): void {
  // (a keyword of another family only, an HTML tag, is a plain word here)
  if ((flags & K_FAMILY_SQL) != 0) wordToken(st, q, flags, first, start, end, word, len);
  else if (!plainWordFast(st, q, first, start, end, word, len, ordinary, number)) {
    // (SKU-28839: a word glued after a '-' in a small function of its own; wordToken tries dashJoinFast again first,
    // which changes nothing when it returns false)
    if (g32(q, Q_STATE) != S_DASH || !dashWord(st, q, first, start, end, word, len)) wordToken(st, q, flags, first, start, end, word, len);
  }
}
/** dashJoinFast, out of line (see sqlWord). */
function dashWord(st: usize, q: usize, first: u32, start: u32, end: u32, word: usize, len: u32): bool {
  return dashJoinFast(st, q, first, start, end, word, len);
}

function wordToken(st: usize, q: usize, flags: u64, first: u32, start: u32, end: u32, word: usize, len: u32): void {
  flags &= K_FAMILY_SQL;
  if (flags == 0 && g32(q, Q_STATE) == S_DASH && dashJoinFast(st, q, first, start, end, word, len)) return;
  // I'm, it's, l'argent, Ali'nin, O'Neill: a quote glued between a word that starts with a letter and a plain word that
  // starts with one is an apostrophe. Read as if inside '…', the value would close the query's literal there and go on
  // with a word no keyword, operator or parenthesis separates from it: a syntax error whatever follows, so this reading
  // is no injection — it ends here (a string that never closes; the as-is reading still judges the whole value).
  // (x'or 1=1, x'union, a'is null, x'oorr, 1'qhfy<, x'as int: a keyword, operator, doubled keyword, a word that may follow
  // a literal, or a number before the quote, still close it)
  // (nested ifs, not one && chain, here and below: a chain's early miss still costs a test per term left)
  if ((g32(q, Q_BO) & BO_APOS) != 0) {
    if (g32(q, Q_STATE) == S_STRING_QUOTE && flags == 0 && first - 0x30 >= 10 && !afterLiteral(word, len) &&
        !(len >= 4 && (len & 1) == 0 && len <= KW_MAX_WORD * 2 && mayDouble(word, len) && doubled(word, len) != 0)) {
      endReading(q);
      return;
    }
  }
  const s = resolve(st, q, 0x61, start, end);
  if (s != S_NORMAL) {
    if (s == S_STRING_ESC) s32(q, Q_STATE, S_STRING);
    else if (s == S_BLOCK_STAR) s32(q, Q_STATE, S_BLOCK);
    if (s == S_LINE || s == S_BLOCK || s == S_BLOCK_STAR) { const bo = g32(q, Q_BO); s32(q, Q_BO, bo | BO_NOTE | ((bo & BO_NOTE) != 0 ? BO_NOTE2 : 0)); }
    if (s == S_LINE && (g32(q, Q_BO) & BO_TRUNC) != 0 && (first | 0x20) - 0x61 < 26) {
      const bo = g32(q, Q_BO);
      s32(q, Q_BO, bo | ((bo & BO_TRUNC_WORD1) != 0 ? BO_TRUNC_WORD2 : BO_TRUNC_WORD1));
    }
    return;
  }
  // `name`: a word glued after a backtick is a quoted identifier (MySQL), never a keyword or a function —
  // and the usual Markdown code span in prose ("and the `length` is 0"); it may still name a system schema
  const tick = g32(q, Q_AT);
  if ((tick & (AT_TICK | AT_LINK | AT_BSL | AT_GLUE)) != 0) { // (a mark waits for this word)
    // (the word after such an '@' is an address's host or a version tag — mime-db@master/db.json — and names no schema, as
    // the variable it was once read as did not)
    if ((tick & AT_GLUE) != 0) { s32(q, Q_AT, 0); if ((tick & ~AT_GLUE) == start) flags &= ~(K_SQL_SCHEMA | K_SQL_SCHEMA_WEAK); }
    if ((tick & AT_TICK) != 0) { s32(q, Q_AT, 0); if ((tick & ~AT_TICK) == start) flags &= K_SQL_SCHEMA | K_SQL_SCHEMA_WEAK; }
    if ((tick & AT_LINK) != 0) s32(q, Q_AT, 0);
    if ((tick & AT_BSL) != 0) {
      s32(q, Q_AT, 0);
      // \Nunion  select\Nfrom: MySQL reads \N as NULL, a token of its own, so a keyword glued after it still counts
      // (only UNION and FROM: "\nor", "\nand" are a newline escape before an English word in code as often as not)
      if ((tick & ~AT_BSL) == start && first == 0x6e && len > 3 && len <= KW_MAX_WORD && start + 1 < end &&
          (flagsOfBytes(word + 1, len - 1) & (K_SQL_UNION | K_SQL_FROM)) != 0) {
        wordToken(st, q, K_SQL_VALUEKW, 0x6e, start, start + 1, word, 1);
        wordToken(st, q, flagsOfBytes(word + 1, len - 1), <u32>load<u8>(word + 1), start + 1, end, word + 1, len - 1);
        return;
      }
    }
  }
  if ((g32(q, Q_BO) & BO_DEFER) != 0 && (flags & DEFER_BREAK) != 0) settle(st, q, false);
  const isNum = first - 0x30 < 10;
  if (isNum && flags == 0) {
    const cut = mayGlue(word, len) ? gluedNumber(word, len) : 0;
    if (cut != 0) {
      // offsets inside a word are only exact when nothing in it was decoded: clamp to the word
      const mid = start + cut < end ? start + cut : end;
      wordToken(st, q, 0, first, start, mid, word, cut);
      wordToken(st, q, flagsOfBytes(word + cut, len - cut), <u32>load<u8>(word + cut), mid, end, word + cut, len - cut);
      return;
    }
  }
  // UNunionION SELselectECT: a keyword with a copy of itself inside it is what a filter that deletes the keyword once leaves
  // as the keyword: read it so
  if (flags == 0 && !isNum) { if (len >= 4 && (len & 1) == 0 && len <= KW_MAX_WORD * 2 && mayDouble(word, len)) flags = doubled(word, len); }
  // a.b joins into one name (or a decimal number)
  const dot = g32(q, Q_DOT);
  if (dot != 0 && dot - 1 == start && g32(q, Q_NTOK) > 0 && g32(q, Q_PEND) == 0) {
    const e = ent(q, 0);
    const t = load<u32>(e + E_TYPE);
    const numeric = first - 0x30 < 10;
    if (t == T_WORD || t == T_VAR || (t == T_NUM && numeric) || (t == T_KW && (load<u64>(e + E_FLAGS) & (K_SQL_UNION | K_SQL_SELECT | K_SQL_FROM | K_SQL_WHERE)) == 0)) {
      if (t == T_KW) store<u32>(e + E_TYPE, T_WORD);
      // (a function name after a plain qualifier is a method — console.log(, x.hex(, Date.now() — not SQL's: SQL qualifies a
      // function only by a schema or package, pg_catalog.concat(, utl_http.request()
      const qual = load<u64>(e + E_FLAGS);
      store<u64>(e + E_FLAGS, qual | (flags & (K_SQL_DANGER | K_SQL_SCHEMA | ((qual & (K_SQL_SCHEMA | K_SQL_SCHEMA_WEAK | K_SQL_DANGER)) != 0 ? K_SQL_FUNC : 0))));
      store<u32>(e + E_END, end);
      if (!numeric) store<u32>(e + E_AUX, load<u32>(e + E_AUX) | A_QUAL);
      s32(q, Q_DOT, 0);
      if (t == T_WORD && procPrefix(word, len)) { store<u32>(e + E_AUX, load<u32>(e + E_AUX) | A_PROC); judge(st, q); }
      // (a variable qualifies nothing: mime-db@master/db.json, x@master.db are a version tag and an address)
      if ((flags & K_SQL_SCHEMA) != 0 || ((load<u64>(e + E_FLAGS) & K_SQL_SCHEMA_WEAK) != 0 && t != T_VAR)) report(st, R_SQLI_SCHEMA_PROBE, load<u32>(e + E_START), end);
      s32(q, Q_LASTEND, end);
      return;
    }
  }
  s32(q, Q_DOT, 0);
  // (castFold's first test, inline: most words follow no operator, and then make no call)
  if (load<u32>(ent(q, 0) + E_TYPE) == T_OP && castFold(q, flags, isNum, start, end, word, len)) return;
  s32(q, Q_LASTEND, end);
  const at = g32(q, Q_AT);
  if (at != 0) {
    s32(q, Q_AT, 0);
    push(st, q, T_VAR, at >= 2 && sysVar(word, len) ? A_SYSVAR : 0, flags, start - at, end);
    return;
  }
  if (isNum) { pushNum(st, q, ((first == 0x30 && end - start > 2) ? A_HEX : 0) | (digitsOnly(word, len) ? 0 : A_UNIT), start, end); return; }
  if ((flags & K_SQL_NOT) != 0) { s32(q, Q_PEND, g32(q, Q_PEND) | A_NOT); return; } // NOT is no token: it marks the next one
  // (xor is the only connective, rlike and regexp the only word operators, that start with x / r)
  if ((flags & K_SQL_LOGIC) != 0) { pushLogic(st, q, first == 0x78 ? A_SQLWORD : 0, flags, start, end); return; }
  if ((flags & K_SQL_OPWORD) != 0) {
    // SOUNDS LIKE is one operator
    if (first == 0x6c && len == 4 && g32(q, Q_NTOK) > 0 && g32(q, Q_PEND) == 0 && ttype(q, 0) == T_OP && (taux(q, 0) & A_SQLWORD) != 0) { // (like: the only 4-letter word operator with an l)
      store<u32>(ent(q, 0) + E_END, end);
      return;
    }
    // (is in: 2 letters; like glob: 4, ilike: 5 starting with i — rlike is 5 starting with r)
    const w2 = len == 2 ? <u32>load<u16>(word) : 0;
    const operand = len == 2 || (len == 4 && (first == 0x6c || first == 0x67)) || (len == 5 && first == 0x69);
    push(st, q, T_OP, A_CMP | (w2 == 0x7369 ? A_IS : 0) | (w2 == 0x6e69 ? A_IN : 0) | (operand ? A_OPERAND : 0) |
      (first == 0x72 || first == 0x73 ? A_SQLWORD : 0), flags, start, end); return; }
  if ((flags & STRUCTURAL) != 0) {
    pushKw(st, q, ((flags & K_SQL_EXEC) != 0 && first == 0x63 ? A_CALLKW : 0) | ((flags & K_SQL_WHERE) != 0 && len == 4 ? A_WHEN : 0) |
      ((flags & K_SQL_DDL) != 0 && first == 0x63 && len == 4 ? A_COPY : 0), flags, start, end); // (call, when, copy)
    return;
  }
  // Order by 24 December, Group by 4 people max: ORDER BY <n> then a plain word of letters, with nothing between (no
  // comment, parenthesis or NOT), is a syntax error in every dialect — no column count can be read from it: prose
  if ((g32(q, Q_BO) & BO_ORDER) != 0) {
    if (flags == 0 && g32(q, Q_PEND) == 0 && g32(q, Q_DOT) == 0 && g32(q, Q_STATE) == S_NORMAL && lettersOnly(word, len) && !orderTail(word, len) &&
        (wordAux(flags, first, word, len) & (A_VERB | A_VALUES | A_PREFIX | A_CASE | A_END | A_SQLWORD)) == 0 && !procPrefix(word, len)) {
      s32(q, Q_BO, g32(q, Q_BO) & ~BO_ORDER);
    }
  }
  // x' notnull or 't  x' isnull and '1: PostgreSQL's postfix null tests right after the break-out quote are an operator
  // there, as IS NULL is (the quote's re-opening shape moves on; a glued '(' still makes isnull a call)
  // x' or name similar to '%  — SIMILAR TO is one comparison (PostgreSQL's pattern match: LIKE's '%' and '_' and regex
  // alternation), as LIKE is: the word SIMILAR, spaced from TO with nothing between, is taken back and the pair pushed as the
  // comparison operator (in prose the pair compares nothing: no quote re-opens after it, no literal or operand before it)
  if (len == 2 && load<u16>(word) == 0x6f74 && g32(q, Q_NTOK) > 0 && g32(q, Q_PEND) == 0 && ttype(q, 0) == T_WORD &&
      (taux(q, 0) & A_SIMILAR) != 0 && tend(q, 0) < start) {
    const s0 = tstart(q, 0);
    const a0 = taux(q, 0) & (A_LPAREN | A_RPAREN | A_COMMENT | A_NOT);
    popToken(q);
    push(st, q, T_OP, A_CMP | a0, 0, s0, end);
    return;
  }
  // (x is not unknown: a test word after IS counts it as the comparison it is, see isTestWord)
  if (g32(q, Q_NTOK) > 0 && ttype(q, 0) == T_OP && (taux(q, 0) & (A_OPERAND | A_IS)) == (A_OPERAND | A_IS) && isTestWord(word, len)) sigOperator(q);
  let postfix = false;
  if (g32(q, Q_NTOK) == 1) postfix = (g32(q, Q_BO) & BO_SHAPE) == 1 && isBreakout(q, 0) && postfixNull(word, len);
  pushWord(st, q, (procPrefix(word, len) ? A_PROC : 0) | wordAux(flags, first, word, len), flags, start, end);
  if (postfix) s32(q, Q_BO, (g32(q, Q_BO) & ~BO_SHAPE) | 2);
}

/**
 * pass::int  1-pass::int  1::text  — PostgreSQL's cast of a name, variable or number to a type is the operand it was, so the
 * comparison or arithmetic around it reads as without it (1 and pass::int=1 is 1 and pass=1, an error-based read of the column;
 * 1 and 1::text='1' compares two literals as 1 and 1='1' does): the '::' and the type name (a word at `start`) fold into the
 * operand before them. A name's cast takes a known type name (castType: std::string, Foo::Bar are no casts), with space
 * around the '::' or not (PostgreSQL reads pass :: int as pass::int); a number's any word that would be a plain name, all
 * glued (Step 1 :: Setup is a heading). A literal's or a parenthesis' cast reports as such (judge's 'x'::int). True when the
 * word was folded.
 */
function castFold(q: usize, flags: u64, isNum: bool, start: u32, end: u32, word: usize, len: u32): bool {
  if (g32(q, Q_NTOK) < 2 || ttype(q, 0) != T_OP || (taux(q, 0) & (A_CHAR | A_JOINED | A_RPAREN | A_LPAREN)) != ((0x3a << 8) | A_JOINED)) return false;
  if (g32(q, Q_PEND) != 0) return false;
  const glued = tend(q, 0) == start && tstart(q, 0) == tend(q, 1);
  const t1 = ttype(q, 1);
  if (!(typeIn(t1, TM_WORD | TM_NUM | TM_VAR) && castType(word, len)) &&
      !(glued && t1 == T_NUM && !isNum && g32(q, Q_AT) == 0 && (flags & (K_SQL_NOT | K_SQL_LOGIC | K_SQL_OPWORD | STRUCTURAL)) == 0)) return false;
  popToken(q);
  if ((g32(q, Q_BO) & BO_DANGER) != 0) s32(q, Q_BO, g32(q, Q_BO) - BO_DANGER_N); // (the '::' folded away was counted)
  store<u32>(ent(q, 0) + E_END, end);
  s32(q, Q_LASTEND, end);
  return true;
}

/**
 * Is the "…" string closed at `end` a quoted type name after a name's '::' (pass::"int4"), folded by castFold? Its text is the
 * lexer's last word, starting right after the opening quote (words inside a string reach no reading; the lexer keeps the last
 * one, the split-keyword tracker its length). A number's any-word cast is for a bare word only: isNum true turns it off.
 */
function quotedCast(st: usize, q: usize, end: u32): bool {
  const ts = g32(q, Q_TSTART);
  const len = g32(st, ST_SPLIT + SP_WLEN);
  if (load<u32>(st + ST_LEX + LX_START) != ts + 1 || ts + len + 2 > end) return false;
  return castFold(q, 0, true, ts, end, st + ST_LEX + LX_WORD, len);
}

/** PostgreSQL type names a value is cast to with '::' (int, text, numeric, ...). */
function castType(word: usize, len: u32): bool {
  return wordIs(word, len, "int") || wordIs(word, len, "integer") || wordIs(word, len, "int4") || wordIs(word, len, "int8") ||
    wordIs(word, len, "bigint") || wordIs(word, len, "smallint") || wordIs(word, len, "numeric") || wordIs(word, len, "decimal") ||
    wordIs(word, len, "text") || wordIs(word, len, "varchar") || wordIs(word, len, "char") || wordIs(word, len, "bool") ||
    wordIs(word, len, "boolean") || wordIs(word, len, "float") || wordIs(word, len, "real") || wordIs(word, len, "date") ||
    wordIs(word, len, "json") || wordIs(word, len, "jsonb") || wordIs(word, len, "regclass") || wordIs(word, len, "oid") ||
    wordIs(word, len, "bytea") || wordIs(word, len, "inet") || wordIs(word, len, "uuid") || wordIs(word, len, "money") ||
    // (the numeric types' short names, the date and time types, which fail on text with the value in the message as int does,
    // and the other built-in types a column's text is cast to in an error-based read)
    wordIs(word, len, "int2") || wordIs(word, len, "float4") || wordIs(word, len, "float8") || wordIs(word, len, "timestamp") ||
    wordIs(word, len, "timestamptz") || wordIs(word, len, "interval") || wordIs(word, len, "regtype") ||
    wordIs(word, len, "regproc") || wordIs(word, len, "bpchar") || wordIs(word, len, "citext") || wordIs(word, len, "cidr") ||
    wordIs(word, len, "macaddr");
}

/**
 * Most words of ordinary text: no keyword, in an idle reading — outside strings and comments, no '.', '@', backtick,
 * backslash or ']' mark waiting for the word, no break-out shape, tag or dangerous call pending (the general path
 * reads all of these first) — after a token that no rule continues with a plain word or number. Then the general
 * path (wordToken, push, judge) only appends the token to the ring and judges nothing but a statement verb next to it:
 * this does the same, without the checks that can change nothing. The tokens before it that do need the general path:
 *   an operator (it folds value <op> value into one operand, and judge's comparisons start there);
 *   SELECT, ALL, DISTINCT (UNION SELECT x, SELECT 1, (SELECT DISTINCT 1); EXEC/CALL before a system procedure's name (EXEC sp_who); BY before a number
 *   (ORDER BY 5); a call before a number (UNION VALUES(1);
 * and in judge nothing else ends a rule at a plain word or a number that is not hex. (UNION or ORDER before a plain
 * word: push un-counts the keyword as a sign of SQL, Union dues — done here too. A hex-shaped number, one with a keyword
 * glued to it and a doubled keyword go the general way.) Returns false, having changed nothing, when the token needs
 * the general path.
 */
// @ts-ignore: decorator
@inline function plainWordFast(st: usize, q: usize, first: u32, start: u32, end: u32, word: usize, len: u32, ordinary: bool, number: bool): bool {
  if ((g32(q, Q_STATE) | g32(q, Q_AT) | g32(q, Q_DOT) | (g32(q, Q_BO) & (BO_SHAPE | BO_TAG | BO_DANGER | BO_ORDER))) != 0) return false;
  const n = g32(q, Q_NTOK);
  const head = g32(q, Q_HEAD);
  const prev = q + Q_RING + head * E_BYTES;
  const t1 = load<u32>(prev + E_TYPE); // (0 with no token: see popToken)
  if (t1 == T_OP) return false;
  if (t1 == T_WORD && (load<u32>(prev + E_AUX) & A_SIMILAR) != 0) return false; // (SIMILAR TO: see wordToken)
  const k1: u64 = t1 == T_KW ? load<u64>(prev + E_FLAGS) : 0;
  if ((k1 & (K_SQL_SELECT | K_SQL_ALLDISTINCT)) != 0) return false; // (SELECT [ALL|DISTINCT] <item>: judged)
  if ((k1 & K_SQL_FROM) != 0 && (g32(q, Q_SEL) & SEL_LIST) != 0) return false; // (SELECT <list> FROM <table>: judged)
  let type = T_WORD;
  let aux: u32 = 0;
  // (`ordinary`: scanner.ts's word of a shape sqlShapeMatters says false for, `number` too when it starts with a digit: a
  // number that starts with no 0; else a word that starts with a letter, no doubled keyword, no mark but maybe cellRef's)
  if (number || (!ordinary && first - 0x30 < 10)) {
    // (hex: judged; 1union: split — both in the general path)
    if (t1 == T_FUNC || (k1 & K_SQL_BY) != 0 || (!number && first == 0x30 && end - start > 2) || mayGlue(word, len) && gluedNumber(word, len) != 0) return false;
    type = T_NUM;
    if (!digitsOnly(word, len)) aux = A_UNIT; // (as wordToken marks it: 3pm, 5tC3 are no integer literal)
  } else {
    // (the length terms grouped: a short or odd word skips the rest at once)
    if (!ordinary && len >= 4 && ((len & 1) == 0 && len <= KW_MAX_WORD * 2 && mayDouble(word, len) && doubled(word, len) != 0)) return false;
    if (ordinary ? len - 2 <= 5 && <u32>load<u8>(word + len - 1) - 0x30 < 10 : mayMark(first, word, len)) { // (mayMark's cellRef term)
      aux = plainMarks(first, word, len);
      if ((aux & A_PROC) != 0 && (k1 & K_SQL_EXEC) != 0) return false;
    }
  }
  s32(q, Q_LASTEND, end);
  const pend = g32(q, Q_PEND);
  aux |= pend;
  const h = (head + 1) & (RING_N - 1);
  s32(q, Q_HEAD, h);
  const e = q + Q_RING + h * E_BYTES;
  store<u32>(e + E_TYPE, type); store<u32>(e + E_AUX, aux); store<u64>(e + E_FLAGS, 0);
  store<u32>(e + E_START, start); store<u32>(e + E_END, end);
  if (pend != 0) s32(q, Q_PEND, 0);
  s32(q, Q_NTOK, n + 1);
  s32(q, Q_BO, (g32(q, Q_BO) & ~BO_COMMENT) | (type == T_WORD ? BO_WORD : 0));
  // (Union dues, Order status: see push)
  if (type == T_WORD && (k1 & (K_SQL_UNION | K_SQL_ORDER)) != 0 && (aux & (A_LPAREN | A_COMMENT | A_VERB | A_VALUES | A_PREFIX)) == 0 &&
      (g32(q, Q_SIG) & ~SIG_SYMBOLIC) != 0) s32(q, Q_SIG, g32(q, Q_SIG) - 1);
  if ((aux & (A_LPAREN | A_RPAREN)) != 0) s32(q, Q_SIG, g32(q, Q_SIG) | SIG_SYMBOLIC);
  // (judge: a plain word or number after such a token ends no rule but a verb-led statement's)
  if (type == T_WORD && ((t1 == T_WORD && (load<u32>(prev + E_AUX) & A_VERB) != 0) || (t1 == T_SEMI && (aux & A_VERB) != 0))) verbStatement(st, q);
  return true;
}

/**
 * SKU-28839, e-mail, 2024-05: a plain word or number glued after a '-' that follows a plain word or number, in an idle
 * reading (nothing pending: no parenthesis or comment mark, no break-out shape, tag, deferred comparison or dangerous
 * call). The general path pushes the '-' as an operator (opToken: no sign after an operand; push: no count, no shape,
 * and judge ends nothing at an operator after a plain word or number) and then folds the word into the operand before
 * it (push), judging that operand again: this makes the same stores — the '-' entry written in the ring slot after the
 * operand (where a later look 7 tokens back still finds it), the state, BO_COMMENT cleared (BO_WORD set for a word),
 * the last end, the operand's end and tail marks — and the same judge call. Returns false, having changed nothing,
 * when the word needs the general path (a keyword glued to a number, a doubled keyword).
 */
// @ts-ignore: decorator
@inline function dashJoinFast(st: usize, q: usize, first: u32, start: u32, end: u32, word: usize, len: u32): bool {
  const bo = g32(q, Q_BO);
  if ((g32(q, Q_PEND) | g32(q, Q_AT) | g32(q, Q_DOT) | (bo & (BO_SHAPE | BO_TAG | BO_DANGER | BO_DEFER | BO_ORDER))) != 0 || g32(q, Q_NTOK) == 0) return false;
  const head = g32(q, Q_HEAD);
  const prev = q + Q_RING + head * E_BYTES;
  const t0 = load<u32>(prev + E_TYPE);
  if (t0 != T_NUM && t0 != T_WORD) return false;
  const isNum = first - 0x30 < 10;
  if (isNum) { if (mayGlue(word, len) && gluedNumber(word, len) != 0) return false; }
  else if (len >= 4 && ((len & 1) == 0 && len <= KW_MAX_WORD * 2 && mayDouble(word, len) && doubled(word, len) != 0)) return false;
  s32(q, Q_STATE, S_NORMAL);
  const e = q + Q_RING + ((head + 1) & (RING_N - 1)) * E_BYTES;
  // (the '-' is no counted token: its type only shows while RING_N or more are counted, see popToken)
  store<u32>(e + E_TYPE, g32(q, Q_NTOK) >= RING_N ? T_OP : 0); store<u32>(e + E_AUX, 0x2d << 8); store<u64>(e + E_FLAGS, 0);
  store<u32>(e + E_START, start - 1); store<u32>(e + E_END, start);
  s32(q, Q_BO, (bo & ~BO_COMMENT) | (isNum ? 0 : BO_WORD));
  s32(q, Q_LASTEND, end);
  store<u32>(prev + E_END, end);
  const aux = load<u32>(prev + E_AUX) & ~(A_DANGERTAIL | A_FUNCTAIL);
  store<u32>(prev + E_AUX, aux);
  // (judge returns at once for a plain word or a number that is not hex after nothing, a literal, ',' or a variable:
  // no verb-led statement is looked for, and no rule ends there)
  const t1 = load<u32>(q + Q_RING + ((head - 1) & (RING_N - 1)) * E_BYTES + E_TYPE); // (0 with one token: see popToken)
  if ((t1 == 0 || t1 == T_NUM || t1 == T_STR || t1 == T_COMMA || t1 == T_VAR) &&
      (t0 == T_WORD ? (load<u64>(prev + E_FLAGS) & (K_SQL_SCHEMA | K_SQL_SCHEMA_WEAK | K_SQL_SET)) == 0 : (aux & A_HEX) == 0)) return true;
  judge(st, q);
  return true;
}

/** - * ^ | & (an operator MySQL applies to two strings by casting both to numbers) */
// @ts-ignore: decorator
@inline function arithChar(c: u32): bool { return c == 0x2d || c == 0x2a || c == 0x5e || c == 0x7c || c == 0x26; }

/** isnull, notnull */
function postfixNull(word: usize, len: u32): bool {
  if (len == 6) return load<u32>(word) == 0x756e7369 && load<u16>(word + 4) == 0x6c6c; // isnull
  if (len == 7) return load<u32>(word) == 0x6e746f6e && load<u16>(word + 4) == 0x6c75 && load<u8>(word + 6) == 0x6c; // notnull
  return false;
}

/** End this reading of the value: an implied string that never closes (no event but a backslash reaches it again). */
function endReading(q: usize): void {
  s32(q, Q_STATE, S_STRING);
  s32(q, Q_QUOTE, 0);
  s32(q, Q_BO, g32(q, Q_BO) & ~(BO_APOS | BO_APOS1 | BO_LOOSE | BO_QUOTE_FIRST));
}

/** as, asc, end, then, else, escape, collate, and notnull (PostgreSQL's postfix test), minus (Oracle's EXCEPT), lock (LOCK IN SHARE MODE), ilike, similar: plain words SQL writes right after a literal ('a' as x, cast('1' as int), 'x' collate …, x' notnull--). */
function afterLiteral(word: usize, len: u32): bool {
  switch (len) {
    case 2: return load<u16>(word) == 0x7361; // as
    case 3: return load<u16>(word) == 0x7361 && load<u8>(word + 2) == 0x63 || load<u16>(word) == 0x6e65 && load<u8>(word + 2) == 0x64; // asc, end
    case 4: { const w = load<u32>(word); return w == 0x6e656874 || w == 0x65736c65 || w == 0x6b636f6c; } // then, else, lock
    case 5: { const w = load<u32>(word); const b = load<u8>(word + 4); return w == 0x756e696d && b == 0x73 || w == 0x6b696c69 && b == 0x65; } // minus, ilike
    case 6: return load<u32>(word) == 0x61637365 && load<u16>(word + 4) == 0x6570; // escape
    case 7: {
      const w = load<u32>(word); const t = load<u16>(word + 4); const b = load<u8>(word + 6);
      return w == 0x6c6c6f63 && t == 0x7461 && b == 0x65 || w == 0x6e746f6e && t == 0x6c75 && b == 0x6c || w == 0x696d6973 && t == 0x616c && b == 0x72; // collate, notnull, similar
    }
    default: return false;
  }
}

/**
 * The keyword flags of `word` when it is a keyword k with k itself inserted inside it (un+union+ion, o+or+r): the word
 * is 2|k| long and, for some 0 < i < |k|, its bytes i..i+|k| equal its first i and last |k|-i bytes. Else 0.
 */
function doubled(word: usize, len: u32): u64 {
  const h = len >> 1;
  for (let i: u32 = 1; i < h; i++) {
    let j: u32 = 0;
    while (j < h && load<u8>(word + i + j) == load<u8>(word + (j < i ? j : j + h))) j++;
    if (j == h && (flagsOfBytes(word + i, h) & DOUBLED) != 0) return flagsOfBytes(word + i, h) & K_FAMILY_SQL;
  }
  return 0;
}
/**
 * Can `word` be a doubled keyword (doubled's first and last comparisons, j = 0 and j = h - 1, for some i: the copy
 * inside starts with the word's first byte and ends with its last)? False makes doubled return 0: most words are
 * rejected here without the call.
 */
// @ts-ignore: decorator
@inline function mayDouble(word: usize, len: u32): bool {
  const h = len >> 1;
  const c0 = load<u8>(word);
  const cl = load<u8>(word + len - 1);
  for (let i: u32 = 1; i < h; i++) if (load<u8>(word + i) == c0 && load<u8>(word + i + h - 1) == cl) return true;
  return false;
}
const DOUBLED: u64 = K_SQL_UNION | K_SQL_SELECT | K_SQL_FROM | K_SQL_WHERE | K_SQL_LOGIC | K_SQL_ORDER | K_SQL_INSERT | K_SQL_UPDATE |
  K_SQL_DELETE | K_SQL_DDL | K_SQL_DANGER;
// @ts-ignore
assert(DOUBLED == KW_DOUBLED); // (doubledKeywordLengths's table is built from KW_DOUBLED)

/** The marks a few plain words carry by their bytes (no keyword class is left for them). */
function wordAux(flags: u64, first: u32, word: usize, len: u32): u32 {
  // (null, true and false are the value keywords that start with n / t / f)
  if ((flags & K_SQL_VALUEKW) != 0) return first == 0x6e || first == 0x74 || first == 0x66 ? A_SQLWORD : 0;
  if (flags == 0) return plainAux(first, word, len);
  if (first == 0x5f) return len > 1 ? A_PREFIX : 0; // _utf8'…'
  return wordMark(word, len, first);
}
/**
 * Can a plain word carry a mark (plainMarks)? False means none: a word that starts with a lowercase letter (not '_'),
 * is no sp_/xp_ name (procPrefix reads bytes 1 and 2 from length 4), does not end in a digit with 2 to 7 bytes (cellRef),
 * and whose first letter and length are none of MARK_LEN's: a-f with 1 to 4 bytes (hexGroup: its first byte a hex digit)
 * and wordMark's x b n e (1), end (3), case desc show (4), table match (5), values (6), handler (7), describe (8).
 */
// @ts-ignore: decorator
@inline function mayMark(first: u32, word: usize, len: u32): bool {
  const l = first - 0x61;
  return l >= 26 || (len <= 8 && ((<u32>load<u16>(MARK_LEN + (<usize>l << 1)) >> len) & 1) != 0) ||
    (len - 2 <= 5 && <u32>load<u8>(word + len - 1) - 0x30 < 10) || (len >= 4 && load<u16>(word + 1) == 0x5f70);
}
/**
 * For scanner.ts's ordinary words: may plainWordFast's tests of a word's shape, but mayMark's cellRef term and mayGlue
 * (their last byte), be true for a word of `len` bytes (15: 15 or more) whose first byte is `w0` (a letter or a digit) and
 * second `w1` (any byte but a-z when `anyW1`)? False: a number that starts with no 0 (hex, 0b); a word that is no doubled
 * keyword (mayDouble) and for which mayMark's other terms are false.
 */
export function sqlShapeMatters(w0: u32, w1: u32, len: u32, anyW1: bool): bool {
  if (w0 - 0x30 < 10) return w0 == 0x30;
  // (doubled: a keyword k of DOUBLED's classes inside a word of 2|k| bytes starts with the word's first byte)
  const lens = doubledKeywordLengths(w0);
  const dbl = len >= 15 ? (lens >> 8) != 0 : len >= 4 && (len & 1) == 0 && ((lens >> <u64>(len >> 1)) & 1) != 0;
  return dbl || (len <= 8 && ((<u32>load<u16>(MARK_LEN + (<usize>(w0 - 0x61) << 1)) >> len) & 1) != 0) ||
    (len >= 4 && !anyW1 && w1 == 0x70);
}
// bit len per first letter a-z (see mayMark)
const MARK_LEN: usize = memory.data<u16>([
  0x1e, 0x1e, 0x1e, 0x11e, 0x1e, 0x1e, 0, 0x80, 0, 0, 0, 0, 0x20, 0x2, 0, 0, 0, 0, 0x90, 0x20, 0, 0x40, 0, 0x2, 0, 0,
]);
/** A plain word's marks (plainWordFast asks only when mayMark says it may have one). */
function plainMarks(first: u32, word: usize, len: u32): u32 {
  // (procPrefix, inlined)
  return (len >= 4 && load<u16>(word + 1) == 0x5f70 && (first == 0x73 || first == 0x78) ? A_PROC : 0) | plainAux(first, word, len);
}
/** wordAux of a word with no keyword flags (inlined in plainWordFast). */
// @ts-ignore: decorator
@inline function plainAux(first: u32, word: usize, len: u32): u32 {
  if (first == 0x5f) return len > 1 ? A_PREFIX : 0; // _utf8'…'
  return (cellRef(word, len) ? A_CELL : 0) | (len <= 4 && hexGroup(word, len) ? A_HEXGROUP : 0) | wordMark(word, len, first);
}

/**
 * The marks of x, b, n, e (a literal's prefix), END, CASE, VALUES, SIMILAR and the statement verbs TABLE, SHOW, DESC(RIBE), HANDLER, MATCH.
 * (A word added here gets its first letter and length in MARK_LEN too, or mayMark lets plainWordFast skip it.)
 */
// @ts-ignore: decorator
@inline function wordMark(word: usize, len: u32, first: u32): u32 {
  switch (len) {
    case 1: return first == 0x78 || first == 0x62 || first == 0x6e || first == 0x65 ? A_PREFIX : 0; // x'41' b'1' N'a' E'a'
    case 3: return load<u16>(word) == 0x6e65 && load<u8>(word + 2) == 0x64 ? A_END : 0; // end
    case 4: {
      const w = load<u32>(word);
      return w == 0x65736163 ? A_CASE : w == 0x776f6873 || w == 0x63736564 ? A_VERB : 0; // case; show, desc
    }
    case 5: {
      const w = load<u32>(word);
      const c = load<u8>(word + 4);
      return (w == 0x6c626174 && c == 0x65) || (w == 0x6374616d && c == 0x68) ? A_VERB : 0; // table, match (Cypher)
    }
    case 6: return load<u32>(word) == 0x756c6176 && load<u16>(word + 4) == 0x7365 ? A_VALUES : 0; // values
    case 7: {
      const w = load<u32>(word);
      const t = load<u16>(word + 4);
      const c = load<u8>(word + 6);
      return w == 0x646e6168 && t == 0x656c && c == 0x72 ? A_VERB : w == 0x696d6973 && t == 0x616c && c == 0x72 ? A_SIMILAR : 0; // handler, similar
    }
    case 8: return load<u32>(word) == 0x63736564 && load<u32>(word + 4) == 0x65626972 ? A_VERB : 0; // describe
    default: return 0;
  }
}

/** ffff, c0a8: one to four hex digits. */
// @ts-ignore: decorator
@inline function hexGroup(word: usize, len: u32): bool {
  for (let i: u32 = 0; i < len; i++) {
    const c = <u32>load<u8>(word + i);
    if (c - 0x30 >= 10 && c - 0x61 >= 6) return false;
  }
  return true;
}

/** A1, bc12: one to three letters then digits, a spreadsheet's cell reference. */
// @ts-ignore: decorator
@inline function cellRef(word: usize, len: u32): bool {
  if (len < 2 || len > 7 || <u32>load<u8>(word + len - 1) - 0x30 >= 10) return false; // (ends in a digit)
  let i: u32 = 0;
  while (i < len && i < 4 && <u32>load<u8>(word + i) - 0x61 < 26) i++;
  if (i == 0 || i > 3 || i == len) return false;
  for (; i < len; i++) if (<u32>load<u8>(word + i) - 0x30 >= 10) return false;
  return true;
}

/** sp_… / xp_…: the prefixes of MSSQL's system and extended stored procedures. */
function procPrefix(word: usize, len: u32): bool {
  if (len < 4 || load<u8>(word + 1) != 0x70 || load<u8>(word + 2) != 0x5f) return false;
  const c = load<u8>(word);
  return c == 0x73 || c == 0x78;
}

/**
 * Inlined in the lexer's emitPunct: '-' '.' '@' in an idle reading (outside strings and comments, no deferred break-out
 * comparison) make sqlPunctFull's stores without the call — resolve changes nothing in S_NORMAL, and then '-' clears the
 * '.' and mark fields and waits for a second '-' (S_DASH), '.' passes a backtick's mark on when glued to it and waits
 * for a name (Q_DOT), '@' clears the '.' and counts itself (or restarts after a '\' or ']').
 */
// @ts-ignore: decorator
@inline export function sqlPunct(st: usize, q: usize, c: u32, start: u32, end: u32, loose: bool, first: bool): void {
  if ((c == 0x2d || c == 0x2e || c == 0x40) && (g32(q, Q_STATE) | (g32(q, Q_BO) & BO_DEFER)) == 0) {
    const tick = g32(q, Q_AT);
    if (c == 0x2d) { s32(q, Q_DOT, 0); s32(q, Q_AT, 0); s32(q, Q_STATE, S_DASH); }
    else if (c == 0x2e) { s32(q, Q_AT, (tick & AT_TICK) != 0 && (tick & ~AT_TICK) == start ? AT_TICK | end : 0); s32(q, Q_DOT, end + 1); }
    else { s32(q, Q_DOT, 0); s32(q, Q_AT, atMark(q, tick, start, end)); }
  } else sqlPunctFull(st, q, c, start, end, loose, first);
}

/**
 * Q_AT after an '@' at [`start`, `end`): one more '@' before the next word (or a first one after a '\\' or ']'), or none when the '@'
 * is glued after a plain word or a number (r@q, 4@x, an address's user@host): a variable right after an operand with
 * no operator between is a syntax error in every dialect, so no variable — the shape of generated passwords
 * (rB!3t@z&rtVm*j2#), not of SQL. A second '@' glued to it makes the pair a server variable's as before (1@@version).
 */
function atMark(q: usize, tick: u32, start: u32, end: u32): u32 {
  if ((tick & (AT_BSL | AT_LINK)) != 0) return 1;
  // (a second '@' glued to that one still names a server variable: 1@@version)
  if ((tick & AT_GLUE) != 0) return (tick & ~AT_GLUE) == start ? 2 : 1;
  if (tick == 0 && g32(q, Q_NTOK) > 0 && g32(q, Q_PEND) == 0 && tend(q, 0) == start && (plainWord(q, 0) || ttype(q, 0) == T_NUM)) return AT_GLUE | end;
  return tick + 1;
}

// PostgreSQL's dollar-quoted strings ($$…$$, $tag$…$tag$): everything between the two markers is literal text, quotes and
// comment openers too. A reading that took a quote or comment opener inside one for its own ($a$'x/*$a$ union select …:
// the ' or /* left every reading in a string or comment to the end) is put back where the string ends, and the string
// is one literal there. Tracked once, at each '$', for the three readings (region ST_DOLLAR):
//
//   D_STATE  phase (0 none, 1 an opening '$' read, 3 inside) | the readings outside any string or comment at the opening << 4
//   D_TAG    the tag's FNV-1a hash (its first KW_MAX_WORD bytes, folded) and length << 24: 0 for $$
//   D_OPEN   the opening '$''s start        D_LAST   the last '$''s end
const D_STATE: u32 = 0;
const D_TAG: u32 = 4;
const D_OPEN: u32 = 8;
const D_LAST: u32 = 12;

/** A '$' at [`start`, `end`) to the dollar-quote tracker (after the readings took it). */
export function dollarPunct(st: usize, start: u32, end: u32): void {
  const d = st + ST_DOLLAR;
  const lw = load<u64>(st + ST_CMD2 + J_LW);
  // (the word the lexer read last, if it ends at this '$' and began right after the last one: a tag)
  const wordBefore = <u32>(lw >> 32) == start && start != 0;
  const tagBefore = wordBefore && load<u32>(st + ST_LEX + LX_START) == g32(d, D_LAST);
  const phase = g32(d, D_STATE) & 0xf;
  if (phase == 3) {
    const tag = g32(d, D_TAG);
    const closes = tag == 0 ? g32(d, D_LAST) == start : tagBefore && dollarTag(st, <u32>lw & 0xff) == tag;
    if (closes) { dollarClose(st, g32(d, D_STATE) >> 4, g32(d, D_OPEN), end); s32(d, D_STATE, 0); }
    else s32(d, D_LAST, end);
    return;
  }
  if (phase == 1) {
    // $$ or $tag$ (a tag is no number: $1 is a parameter)
    if (g32(d, D_LAST) == start || (tagBefore && <u32>load<u8>(st + ST_LEX + LX_WORD) - 0x30 >= 10)) {
      s32(d, D_TAG, g32(d, D_LAST) == start ? 0 : dollarTag(st, <u32>lw & 0xff));
      s32(d, D_STATE, (g32(d, D_STATE) & ~0xf) | 3);
      s32(d, D_LAST, end);
      return;
    }
  }
  // an opening '$' (not glued after a word: a$ is a name) — which readings stand outside any string or comment now
  if (wordBefore) { s32(d, D_STATE, 0); return; }
  const q = st + ST_SQL;
  const mask = (g32(q, Q_STATE) == S_NORMAL ? 1 : 0) | (g32(q + SQL_BYTES, Q_STATE) == S_NORMAL ? 2 : 0) | (g32(q + 2 * SQL_BYTES, Q_STATE) == S_NORMAL ? 4 : 0);
  s32(d, D_STATE, mask == 0 ? 0 : 1 | (mask << 4));
  s32(d, D_OPEN, start);
  s32(d, D_LAST, end);
}

/** The tag of `len` bytes the lexer read last (its first KW_MAX_WORD at LX_WORD): hash and length, never 0. */
function dollarTag(st: usize, len: u32): u32 {
  const w = st + ST_LEX + LX_WORD;
  let h = FNV_OFFSET;
  const n = len < KW_MAX_WORD ? len : KW_MAX_WORD;
  for (let i: u32 = 0; i < n; i++) h = (h ^ <u32>load<u8>(w + i)) * FNV_PRIME;
  return ((h & 0xffffff) | (len << 24)) | 1;
}

/** A dollar-quoted string [`start`, `end`) ended: each reading of `mask` a quote or comment opener inside it took is put back. */
function dollarClose(st: usize, mask: u32, start: u32, end: u32): void {
  for (let k: u32 = 0; k < 3; k++) {
    if ((mask & (1 << k)) == 0) continue;
    const q = st + ST_SQL + k * SQL_BYTES;
    const s = g32(q, Q_STATE);
    if (s == S_NORMAL) continue;
    // (a quote inside it opened a string to this reading, as it does to MySQL, where $a$ is a name: the quote that closes
    // that string there is taken for a close too, so the text after it is read as the code it is to MySQL — both
    // dialects' code is then read: 1 $a$, 'x$a$ ' union select … stays blocked)
    // (likewise a comment: until its */ (or, a line comment, to the end) no quote or comment opener opens anything
    // — 1 and @$$ = "$$ || /*" || '*/' union select …: to MySQL and SQLite, where $$ is a name or a parameter, the "…"
    // is a string, the /* in it text, and the union code; read as PostgreSQL's, the /* would hide it)
    const closer = s == S_STRING || s == S_STRING_QUOTE || s == S_STRING_ESC ? g32(q, Q_QUOTE)
      : s == S_BLOCK || s == S_BLOCK_OPEN ? 0x2a : s == S_BLOCK_STAR ? 0x2f : s == S_DASH || s == S_SLASH ? 0 : 0x0a;
    if (closer != 0) { s32(q, Q_QUOTE, closer); s32(q, Q_SEL, g32(q, Q_SEL) | SEL_DOLLARQ); }
    s32(q, Q_STATE, S_NORMAL);
    s32(q, Q_BO, g32(q, Q_BO) & ~(BO_PREFIX | BO_APOS | BO_APOS1 | BO_TRUNC | BO_TRUNC_WORD1 | BO_TRUNC_WORD2));
    pushStr(st, q, 0, start, end);
  }
}

/**
 * Punctuation `c` while a reading a dollar-quoted string's end put back still waits for the closer the other dialect
 * expects (Q_QUOTE: the quote, '*' then '/' of a block comment, a line break): the closer ends the wait; until then a
 * quote opens no string (either dialect's code is read), and a comment opened meanwhile ends at that quote (see
 * sqlPunctFull: to the other dialect it was text inside the string that quote closes). True: `c` is taken.
 */
function dollarPending(q: usize, c: u32): bool {
  const want = g32(q, Q_QUOTE);
  if (want == 0x2f) { // (a '*' of the block comment's end read: '/' ends it)
    if (c == 0x2f) { s32(q, Q_SEL, g32(q, Q_SEL) & ~SEL_DOLLARQ); return true; }
    s32(q, Q_QUOTE, 0x2a);
  }
  if (c == want && c != 0x2a) { s32(q, Q_SEL, g32(q, Q_SEL) & ~SEL_DOLLARQ); return true; }
  if (c == 0x2a && want == 0x2a) s32(q, Q_QUOTE, 0x2f);
  return c == 0x27 || c == 0x22 || c == 0x60;
}

/**
 * A '$' glued after a word compared right after AND between two plain words (id and pass > $$a$$, id and $$a$$=$$a$$): the
 * word was PostgreSQL's dollar-quoted literal, which judge's prose reading (AND between plain words, compared to a word) took
 * for a word — a literal compared there is a boolean oracle or a tautology, reported as the reading without that release would.
 */
function dollarAfter(st: usize, q: usize, start: u32): void {
  // (a LIKE pattern's '%' inside the literal was pushed as a modulo operator: id and pass like $$a%$$, $$%a%$$ — step back over
  // a glued run of words and '%' to the comparison; three tokens at most keep the ring's five entries before it in reach)
  const n = g32(q, Q_NTOK);
  let k: u32 = 0;
  let edge = start;
  while (k < 3 && k < n && tend(q, k) == edge &&
         (ttype(q, k) == T_WORD || (ttype(q, k) == T_OP && ((taux(q, k) >> 8) & 0xff) == 0x25))) {
    edge = tstart(q, k);
    k++;
  }
  if (k == 0) return;
  const b = k - 1;
  if (n >= b + 5 && (ttype(q, b) == T_WORD || ttype(q, b) == T_OP) && ttype(q, b + 1) == T_OP && (taux(q, b + 1) & A_CMP) != 0 &&
      ttype(q, b + 3) == T_LOGIC && (taux(q, b + 3) & A_CHAR) == 0 && isValue(q, b + 2) && isValue(q, b + 4)) report(st, R_SQLI_TAUTOLOGY, tstart(q, b + 3), start + 1);
}

function sqlPunctFull(st: usize, q: usize, c: u32, start: u32, end: u32, loose: bool, first: bool): void {
  // (in S_NORMAL, the usual state, resolve changes nothing and none of the states below applies)
  if (g32(q, Q_STATE) != S_NORMAL) {
    // (a comment opened while a dollar-quoted string's end waits for the other dialect's closing quote ends there:
    // 1 and @$$ = "$$ || /*" || '*/' union … — to MySQL and SQLite the /* is text inside "…", see dollarClose)
    if ((g32(q, Q_SEL) & SEL_DOLLARQ) != 0 && c == g32(q, Q_QUOTE) && ((1 << g32(q, Q_STATE)) & COMMENT_STATES) != 0) {
      s32(q, Q_STATE, S_NORMAL);
      s32(q, Q_SEL, g32(q, Q_SEL) & ~SEL_DOLLARQ);
      return;
    }
    // f'(x), g'(0): so is one glued between a one-letter word and a '(' (a prime; a literal is never called, so x'( is a syntax error)
    if (c == 0x28 && (g32(q, Q_BO) & BO_APOS1) != 0 && g32(q, Q_STATE) == S_STRING_QUOTE) {
      endReading(q);
      return;
    }
    const s = resolve(st, q, c, start, end);
    if (s == 99) return;
    if (s == S_STRING) {
      if (c == g32(q, Q_QUOTE)) {
        s32(q, Q_STATE, S_STRING_QUOTE);
        if (loose && g32(q, Q_NTOK) == 0 && g32(q, Q_TSTART) == 0) s32(q, Q_BO, g32(q, Q_BO) | BO_LOOSE);
        // (glued after a word: the lexer's word buffer still holds that word; a letter first makes the quote a possible apostrophe —
        // or, in "…", a quote glued between two words: M"yw, Qx"Ti7 in a generated password, as much a syntax error)
        if (!loose && !first && c == g32(q, Q_MODE) && g32(q, Q_NTOK) == 0 && g32(q, Q_TSTART) == 0 &&
            <u32>load<u8>(st + ST_LEX + LX_WORD) - 0x30 >= 10) {
          s32(q, Q_BO, g32(q, Q_BO) | BO_APOS | (start == load<u32>(st + ST_LEX + LX_START) + 1 ? BO_APOS1 : 0));
        }
        // (a quote glued after a number is no feet or inches mark any more: a word before the number is no sign of prose —
        // john.doe.1990' -- x y, room 101' -- x y are user names whose password check the dash cuts off, so TV 55" -- wall
        // mount is a known false positive)
        if (first) s32(q, Q_BO, g32(q, Q_BO) | BO_QUOTE_FIRST);
        // (but a "…" closed glued after a number is an inch mark before a hashtag: TV 55" #deal, see S_HASH)
        if (!loose && !first && c == 0x22 && g32(q, Q_NTOK) == 0 && g32(q, Q_TSTART) == 0 &&
            <u32>load<u8>(st + ST_LEX + LX_WORD) - 0x30 < 10) s32(q, Q_BO, g32(q, Q_BO) | BO_INCH);
      }
      // (a backslash as the value's first byte escapes nothing: \' is sent so that an escaping layer's own
      // backslash gets escaped instead — and outside MySQL a backslash is no escape at all; so in a single-quoted
      // literal it escapes nowhere: x\' or 1=1-- closes it in PostgreSQL, SQL Server, Oracle and SQLite, as sqlmap's
      // escapequotes counts on. In "…" it escapes nowhere in the implied string either: SQLite reads "…" as a string
      // with no escapes, so name = "1\" or 1=1-- -" returns every row there (MySQL with NO_BACKSLASH_ESCAPES too), and
      // the guard takes the reading that closes — for a backslash glued after a word or number or a ')' or ']', where
      // escapequotes puts it (1\"); one after a space or punctuation (|\"O*wi>7 in a generated password) keeps MySQL's
      // escape, as the quote alone there would be loose — and so does every backslash after it (SEL_ESC: one reading, MySQL's,
      // for the whole string: C:\"Program Files\" is one literal; likewise the closing reading, SEL_RAW, once taken). Later "…"
      // literals, the injection's own, keep MySQL's escape.)
      else if (c == 0x5c && g32(q, Q_QUOTE) != 0x27) {
        if (g32(q, Q_MODE) == 0 || g32(q, Q_NTOK) != 0 || g32(q, Q_TSTART) != 0) s32(q, Q_STATE, S_STRING_ESC);
        else if (start != 0 && (g32(q, Q_SEL) & SEL_RAW) == 0 && (loose || (g32(q, Q_SEL) & SEL_ESC) != 0)) { s32(q, Q_STATE, S_STRING_ESC); s32(q, Q_SEL, g32(q, Q_SEL) | SEL_ESC); }
        // (the closing reading, kept for the whole string as MySQL's is: x\\" closes in both — \\ is one backslash to
        // MySQL, two to SQLite — where a second backslash read as MySQL's escape after a first read as none hid the rest)
        else if ((g32(q, Q_SEL) & SEL_ESC) == 0) s32(q, Q_SEL, g32(q, Q_SEL) | SEL_RAW);
      }
      return;
    }
    if (s == S_STRING_ESC) { s32(q, Q_STATE, S_STRING); return; }
    if (s == S_BLOCK) { if (c == 0x2a) s32(q, Q_STATE, S_BLOCK_STAR); else if (c != 0x20 && c != 0x0a) s32(q, Q_BO, g32(q, Q_BO) | BO_NOTE); return; }
    if (s == S_BLOCK_STAR) {
      if (c == 0x2f) s32(q, Q_STATE, S_NORMAL);
      else if (c != 0x2a) s32(q, Q_STATE, S_BLOCK);
      return;
    }
    // ('-' and '+' are no text: "-- -" and "--+" are how a comment is written so that a space follows it)
    if (s == S_LINE) {
      if (c == 0x0a) { s32(q, Q_STATE, S_NORMAL); settleCut(st, q, start); }
      else if (c != 0x20 && c != 0x2d && c != 0x2b) {
        let bo = g32(q, Q_BO) | BO_NOTE;
        // (Parking is 35 -- ouch.  "-- lol!": one word ending a sentence is the writer's, as two words are — and an attacker
        // who could write "-- a." could as well write "-- a b", which settleCut already lets by)
        if ((c == 0x2e || c == 0x21 || c == 0x3f) && (bo & (BO_TRUNC | BO_TRUNC_WORD1)) == (BO_TRUNC | BO_TRUNC_WORD1)) bo |= BO_TRUNC_WORD2;
        s32(q, Q_BO, bo);
      }
      return;
    }
  }
  // S_NORMAL
  if (c == 0x20 || c == 0x0a) return;
  if ((g32(q, Q_SEL) & SEL_DOLLARQ) != 0 && dollarPending(q, c)) return;
  // (a comparison after a loose quote keeps waiting through a key=value list: 'a=b&c=d' closes as text too)
  if ((g32(q, Q_BO) & BO_DEFER) != 0) {
    if (c == g32(q, Q_MODE) && (start == tend(q, 0) || start == g32(q, Q_LASTEND))) settle(st, q, true);
    else if (!listPunct(c)) settle(st, q, false);
  }
  if (c != 0x2e) s32(q, Q_DOT, 0);
  // (a backtick marks the word glued after it; a '.' glued to the backtick passes the mark on: `.length`)
  const tick = g32(q, Q_AT);
  if (c != 0x40) {
    let at: u32 = 0; // (most punctuation marks nothing: one range test skips the four that do)
    if (c - 0x2e <= 0x60 - 0x2e) {
      if (c == 0x60 || (c == 0x2e && (tick & AT_TICK) != 0 && (tick & ~AT_TICK) == start)) at = AT_TICK | end;
      else if (c == 0x5c) at = AT_BSL | end;
      else if (c == 0x5d) at = AT_LINK | end;
    }
    s32(q, Q_AT, at);
  }
  if (c == 0x24) dollarAfter(st, q, start);
  switch (c) {
    case 0x27: case 0x22: {
      // x'41'  N'a'  _utf8'a': a prefix glued to a single quote is part of the literal, once the literal closes (closeString)
      if (c == 0x27 && g32(q, Q_NTOK) > 0 && g32(q, Q_PEND) == 0 && ttype(q, 0) == T_WORD && (taux(q, 0) & A_PREFIX) != 0 && tend(q, 0) == start) {
        s32(q, Q_BO, g32(q, Q_BO) | BO_PREFIX);
      }
      s32(q, Q_STATE, S_STRING); s32(q, Q_QUOTE, c); s32(q, Q_TSTART, start);
      break;
    }
    case 0x28: {
      // (a call needs a token right before the '(' with no parenthesis or comment between)
      if (g32(q, Q_NTOK) > 0 && g32(q, Q_PEND) == 0) {
        const e = ent(q, 0);
        const t0 = load<u32>(e + E_TYPE);
        const glued = load<u32>(e + E_END) == start;
        if (glued && (load<u32>(e + E_AUX) & A_DANGERTAIL) != 0) report(st, R_SQLI_DANGEROUS_FUNCTION, load<u32>(e + E_START), end);
        if (glued && (load<u32>(e + E_AUX) & A_FUNCTAIL) != 0) {
          // 1 / ascii(substring(  10-length(database(  — the operand ends in a call of an SQL function: it is that call
          store<u64>(e + E_FLAGS, load<u64>(e + E_FLAGS) | K_SQL_FUNC);
          store<u32>(e + E_AUX, load<u32>(e + E_AUX) & ~A_FUNCTAIL);
          makeFunc(st, q, start, end);
        } else if (t0 == T_WORD || (t0 == T_KW && (load<u64>(e + E_FLAGS) & (K_SQL_FUNC | K_SQL_DANGER)) != 0) ||
                   // like( glob( glued: SQLite's function forms of its word operators (1 and glob('S*',pass)); spaced, the
                   // operator takes a parenthesised operand (x like ('a%'))
                   (t0 == T_OP && glued && (load<u64>(e + E_FLAGS) & K_SQL_FUNC) != 0)) {
          makeFunc(st, q, start, end, tick == (AT_LINK | start));
        }
      }
      s32(q, Q_PEND, g32(q, Q_PEND) | A_LPAREN);
      s32(q, Q_DEPTH, g32(q, Q_DEPTH) + 1);
      break;
    }
    case 0x29: {
      s32(q, Q_PEND, (g32(q, Q_PEND) & ~A_LPAREN) | A_RPAREN);
      s32(q, Q_DEPTH, g32(q, Q_DEPTH) - 1);
      s32(q, Q_LASTEND, end); // (a quote glued after it closes a quoted call: 'a=b(c)')
      break;
    }
    case 0x2c: pushComma(st, q, start, end); break;
    case 0x3b: push(st, q, T_SEMI, 0, 0, start, end); break;
    case 0x23: { // (glued after an operand, it may be PostgreSQL's XOR: S_HASH_OP)
      const operand = g32(q, Q_NTOK) != 0 && !typeIn(ttype(q, 0), TM_OP | TM_LOGIC | TM_COMMA | TM_SEMI) &&
        (tend(q, 0) == start || ((g32(q, Q_PEND) & A_RPAREN) != 0 && g32(q, Q_LASTEND) == start));
      s32(q, Q_STATE, operand ? S_HASH_OP : S_HASH); s32(q, Q_AUXSTART, start); break;
    }
    case 0x2d: s32(q, Q_STATE, S_DASH); break;
    case 0x2f: s32(q, Q_STATE, S_SLASH); break;
    case 0x2e: s32(q, Q_DOT, end + 1); break;
    case 0x40: s32(q, Q_AT, atMark(q, tick, start, end)); break;
    case 0x3d: case 0x3c: case 0x3e: case 0x21: case 0x7c: case 0x26: case 0x2b: case 0x2a: case 0x25: case 0x5e: case 0x7e: case 0x3a:
      opToken(st, q, c, start, end); break;
    default: break; // ` $ [ ] { } ? \ and others do not change the token shape
  }
}

/** A comment cut waiting for the end of its line (onComment): one word or none after it, it was a cut. */
function settleCut(st: usize, q: usize, end: u32): void {
  const bo = g32(q, Q_BO);
  if ((bo & BO_TRUNC) == 0) return;
  s32(q, Q_BO, bo & ~(BO_TRUNC | BO_TRUNC_WORD1 | BO_TRUNC_WORD2));
  // (Tom and Jerry -- thanks: one word after the dash is a tag only when the dash follows SQL's own kind of token,
  // 1 order by 5 -- abcd; after a word with no SQL meaning, or a mention, it is the writer's dash and a word)
  if ((bo & BO_TRUNC_WORD2) == 0 && !((bo & BO_TRUNC_WORD1) != 0 && (plainWord(q, 0) || mention(q, g32(q, Q_NTOK))))) {
    report(st, R_SQLI_COMMENT_TRUNCATION, tstart(q, 0), end);
  }
}

/**
 * The value is a plain word, a space and a user variable (one '@': no server variable) — a mention in a message (ping @anna),
 * not an operand SQL compares (x = @v, 1 and @a follow an operator or a connective; @id alone is abs(id) in PostgreSQL).
 */
function mention(q: usize, n: u32): bool {
  return n == 2 && ttype(q, 0) == T_VAR && (taux(q, 0) & (A_SYSVAR | A_LPAREN | A_RPAREN)) == 0 && plainWord(q, 1) && tend(q, 1) < tstart(q, 0);
}

/**
 * End of the value for this reading. Inlined in the caller: its two returns make no call — a quote reading of a value
 * with no quote in it (two of the three readings of most values) still in its implied string with no token and nothing
 * waiting, and an as-is reading of words and numbers. sqlFinishAll is only reached past them.
 */
// @ts-ignore: decorator
@inline export function sqlFinish(st: usize, q: usize, end: u32): void {
  const s = g32(q, Q_STATE);
  if ((g32(q, Q_BO) & (BO_DEFER | BO_DANGER | BO_TRUNC | BO_ORDER)) == 0) {
    // Nothing to finish: no token, nothing waiting, and a quote reading still in its implied string (the NUL in
    // sqlFinishAll takes no such reading; its early return further down would be reached with nothing changed)
    if (s == S_STRING) { if ((g32(q, Q_NTOK) | g32(q, Q_TSTART)) == 0 && g32(q, Q_MODE) != 0) return; }
    // The as-is reading of a value of words and numbers (or none): outside any string or comment, with nothing waiting,
    // sqlFinishAll only reports — it makes no store — and each of its rules needs a keyword, operator or ';' as the
    // newest token (UNION SELECT, a cut-off comparison, a cut-off UNION, literalLogic after a ';') or a connective or
    // operator before it (literalLogic's pairs, x' or 1): without them it reports nothing.
    else if (s == S_NORMAL && g32(q, Q_MODE) == 0) {
      const t0 = ttype(q, 0);
      const t1 = ttype(q, 1);
      // (the type tests as bit sets, in one test: a chain of compares compiles to a flag set and tested per term)
      if ((((1 << t0) & (TM_KW | TM_OP | TM_SEMI)) | ((1 << t1) & (TM_LOGIC | TM_OP))) == 0 && !(t0 == T_FUNC && g32(q, Q_NTOK) == 1)) return;
    }
  }
  sqlFinishAll(st, q, end);
}

/**
 * Is the lexer's last word a string literal's start that SQL reads as true: a digit first (MySQL and SQLite cast '1', '7abc' to
 * their leading number) or PostgreSQL's boolean spelling of true (t, tr, tru, true, y, ye, yes, on — a prefix of true or yes is
 * accepted)? Any other word is false as a number (0) in MySQL and SQLite and no boolean in PostgreSQL.
 */
function truthyWord(st: usize): bool {
  const w = st + ST_LEX + LX_WORD;
  const c = <u32>load<u8>(w);
  if (c - 0x30 < 10) return true;
  const len = g32(st, ST_SPLIT + SP_WLEN); // (the lexer's last word's length, kept by the split-keyword tracker: see splitWord)
  if (len > 4) return false;
  if (len == 2 && load<u16>(w) == 0x6e6f) return true; // on
  const ref: u32 = c == 0x74 ? 0x65757274 : c == 0x79 ? 0x736579 : 0; // "true", "yes" (little-endian)
  if (ref == 0 || (c == 0x79 && len > 3)) return false;
  for (let i: u32 = 1; i < len; i++) if (<u32>load<u8>(w + i) != ((ref >> (i << 3)) & 0xff)) return false;
  return true;
}

/** The end of the value for a reading sqlFinish could not settle at once. */
function sqlFinishAll(st: usize, q: usize, end: u32): void {
  // admin'%00  ' or 1=1%00  — a value ending in a NUL (the decoder drops it): a C-string driver ends the query
  // there, so after a break-out it cuts the rest as "--" would. Only the quote readings take it (a NUL after a
  // bare number or word is no break-out: 1%00), and only outside a literal and a comment.
  const nul = valueEndNul(st);
  if (nul != 0 && g32(q, Q_MODE) != 0 && (g32(q, Q_STATE) == S_NORMAL || g32(q, Q_STATE) == S_STRING_QUOTE)) {
    sqlPunct(st, q, 0x2d, nul - 1, nul, false, false);
    sqlPunct(st, q, 0x2d, nul, nul + 1, false, false);
  }
  if ((g32(q, Q_BO) & BO_DEFER) != 0) settle(st, q, false);
  if ((g32(q, Q_BO) & BO_ORDER) != 0) orderSettle(st, q);
  if ((g32(q, Q_BO) & BO_DANGER) != 0) {
    const k = (g32(q, Q_BO) & (BO_DANGER_N * 3)) / BO_DANGER_N;
    const empty = k == 0 && (g32(q, Q_PEND) & (A_LPAREN | A_RPAREN)) == A_RPAREN;
    // (nor when a line comment with words of text runs to the end: time.sleep(5)  # wait for the server, sleep(2) -- wait
    // for the page — a line of code with its note; an injection's comment cuts, empty or with one tag word)
    const noted = g32(q, Q_STATE) == S_LINE && (g32(q, Q_BO) & BO_NOTE2) != 0 && (g32(q, Q_BO) & BO_DANGER_ARGS) == 0;
    s32(q, Q_BO, g32(q, Q_BO) & ~(BO_DANGER | BO_DANGER_ARGS | BO_DANGER_N * 3));
    if (!empty && !noted) report(st, R_SQLI_DANGEROUS_FUNCTION, tstart(q, k), end);
  }
  settleCut(st, q, end);
  // if (  — a spaced IF call opening the value and cut off at its end: no C statement shows (makeFunc's cIf waived the
  // call's comparison for one); the bare call counts as any SQL call does (the lexer's buffer still holds its name)
  if (g32(q, Q_NTOK) == 1 && ttype(q, 0) == T_FUNC && (taux(q, 0) & A_SPACED) != 0 && tend(q, 0) - tstart(q, 0) == 2 &&
      lexedIf(st, tstart(q, 0))) report(st, R_SQLI_COMPARISON, tstart(q, 0), end);
  const s = g32(q, Q_STATE);
  // Nothing to judge (the usual end of a short value): no token, and a quote-mode reading
  // that never left its implied string or an as-is reading with nothing pending.
  if (g32(q, Q_NTOK) == 0 && ((s == S_STRING && g32(q, Q_MODE) != 0 && g32(q, Q_TSTART) == 0) || s == S_NORMAL)) return;
  if (s == S_STRING || s == S_STRING_QUOTE || s == S_STRING_ESC) {
    const tstart0 = g32(q, Q_TSTART);
    if (s == S_STRING) { // (the rules of a reading still inside the re-opened literal)
      // x' / 1 or '1   x' < 3 or 'y   — broke out, SQL operators, then re-opened the quote for the query's own closing one
      const shape = g32(q, Q_BO) & BO_SHAPE;
      // (not a loose quote closed by one glued to a name or number: url: '/a/b?c=d' is a quoted segment; ' /1=' re-opens;
      // or to a word connective: I said 'or' not 'and' quotes two words; nor one that opened markup: w('<b>hi</b>'))
      if (g32(q, Q_MODE) == 0x27 && shape == 3 && g32(q, Q_NTOK) >= 2 && tstart0 > 0 &&
          !((g32(q, Q_BO) & BO_LOOSE) != 0 && ((tstart0 == tend(q, 0) && (ttype(q, 0) == T_WORD || ttype(q, 0) == T_NUM ||
            (ttype(q, 0) == T_LOGIC && (taux(q, 0) & A_CHAR) == 0))) ||
            (tstart0 == g32(q, Q_LASTEND) && (g32(q, Q_PEND) & A_RPAREN) != 0))) && // (or to a ')': log('%s (%dms)', x))
          (g32(q, Q_BO) & BO_MARKUP) == 0) report(st, R_SQLI_STRING_BREAKOUT, tstart(q, g32(q, Q_NTOK) - 1 < RING_N ? g32(q, Q_NTOK) - 1 : 0), end);
      // (the rules of shape 2 below, in single quotes: their shared terms tested once)
      const single = shape == 2 && g32(q, Q_MODE) == 0x27 && g32(q, Q_QUOTE) == 0x27;
      if (single && g32(q, Q_NTOK) == 2 && tstart0 > 0) {
        // a 'or'1  me 'xor'1  x 'or'-1  — a loose quote, one connective, and the quote re-opened glued to it, the value ending in
        // a number one or two bytes after that quote ('-1', ' 1'): the re-opened literal is true in MySQL ('a ' or '1'), so this
        // is no quoted word in prose (I said 'or' not 'and', what does 'or' mean: nothing, or a word, follows the quote). (Words
        // inside a string reach no reading: the lexer's word buffer, read only, still holds the value's last word and its start.)
        if ((g32(q, Q_BO) & BO_LOOSE) != 0 && ttype(q, 0) == T_LOGIC && tstart0 == tend(q, 0) &&
            load<u32>(st + ST_LEX + LX_START) - tstart0 - 1 < 2 && <u32>load<u8>(st + ST_LEX + LX_WORD) - 0x30 < 10) {
          report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 1), end);
        }
        // ab'-'  admin'*'  x' ^ '  — a break-out quote, one arithmetic or bitwise operator and the quote re-opened as the value's last
        // byte: name = 'ab'-'' is name = 0 in MySQL, true for every name that does not start with a digit (a glued word before the
        // quote: '-' alone between quotes is a placeholder; and not one letter, a literal's prefix as often: x'-', n'*')
        if (isBreakout(q, 1) && (g32(q, Q_BO) & (BO_LOOSE | BO_PRIME)) == 0 && ttype(q, 0) == T_OP && (taux(q, 0) & (A_CMP | A_JOINED)) == 0 &&
            arithChar((taux(q, 0) & A_CHAR) >> 8) && end == tstart0 + 1) {
          report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 1), end);
        }
        // admin ' or '1  f(x) ' or 'yes  — a loose quote with space after it, a word connective (or ||) and space, the quote
        // re-opened and a word glued to it ending the value: a quote that opens a quoted word is glued to it ('or', ' - ', ' + '
        // in code have spaces inside their quotes and nothing glued after the second). The amount of space is SQL's to ignore:
        // admin ' or  '1, admin '%0aor%0a'1 read the same. The re-opened literal is one that makes the connective true
        // (truthyWord): Tom ' or 'Jerry, Salt ' and 'Pepper join two names, false in MySQL and SQLite and an error in PostgreSQL;
        // one byte may come before it, a space or a sign (x ' or ' 1: ' 1' is 1 too)
        if ((g32(q, Q_BO) & BO_LOOSE) != 0 && ttype(q, 0) == T_LOGIC && ((taux(q, 0) & A_CHAR) == 0 || (taux(q, 0) & A_CHAR) == (0x7c << 8)) &&
            tstart(q, 0) > tend(q, 1) && tstart0 > tend(q, 0) &&
            ((load<u32>(st + ST_LEX + LX_START) - tstart0 - 1 < 2 && truthyWord(st)) || quoteWordNumber(st))) {
          report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 1), end);
        }
        // '-'  '^'  x '*' y  — (paranoia 2) a loose or leading closing quote, one arithmetic or bitwise operator character glued
        // to it and the quote re-opened glued to that: MySQL turns both literals into 0 and the comparison before them into
        // name = 0, true for every name that does not start with a digit. Prose quotes operator characters the same way
        // (press '-' to zoom out, split on '|' then trim), so it is only a comparison at paranoia 2, and only when the value ends
        // at most one short word after the re-opening quote (the lexer's last word starts no more than two bytes after it).
        if ((g32(q, Q_BO) & (BO_LOOSE | BO_EMPTY)) != 0 && ttype(q, 0) == T_OP && tstart0 == tend(q, 0) && tstart(q, 0) == tend(q, 1) &&
            tend(q, 0) - tstart(q, 0) == 1 && arithChar((taux(q, 0) & A_CHAR) >> 8) && load<u32>(st + ST_LEX + LX_START) <= tstart0 + 2) {
          report(st, R_SQLI_COMPARISON, tstart(q, 1), end);
        }
        // x' <op> '…  — the quote closed, one operator or connective, the same quote re-opened for the query's own
        // closing one: the value is an SQL expression spliced into the literal (A' OR 'B, x'||'y, aa'LIKE'0)
        // (single quotes only: a quoted word in a search — SMALL "&" SIGN, "LIKE" STAMP — is double-quoted; and
        // something must follow the re-opened quote: select 'and' is a search too)
        // The quote must be glued to a word before it: after a space or punctuation it starts a quoted word
        // in prose or an argument in code (what does 'is' mean, prefix + '/' + path, app.get('*', f)).
        // Text must follow the re-opened quote, except for a value that is only '<comparison or connective>'
        // ('OR', '=', '||'): a lone '-' or '*' between quotes is a placeholder as often as not.
        if ((end - tstart0 >= 2 || (!isBreakout(q, 1) && (ttype(q, 0) == T_LOGIC || (taux(q, 0) & A_CMP) != 0)) ||
             (ttype(q, 0) == T_LOGIC && (taux(q, 0) & A_CHAR) != 0) ||  // x'||'  (concatenation re-opening the quote)
             (ttype(q, 0) == T_LOGIC && (g32(q, Q_PEND) & A_NOT) != 0) ||  // admin' or not '  (NOT '' is true: every row)
             (ttype(q, 0) == T_OP && (taux(q, 0) & A_CHAR) == (0x2b << 8) && isBreakout(q, 1))) &&  // fizzy'+'  (T-SQL's and JavaScript's)
            (g32(q, Q_BO) & BO_LOOSE) == 0) report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 1), end);
      }
      // a"or"1  a"||"b  — in "…" too when the closing quote is glued after a word and a connective is glued between it and
      // the re-opened quote, text following: MySQL's default mode reads "…" as a string, so name = "a"or"1" is true for every
      // row. (A search's quoted term — SMALL "&" SIGN, "yes"or"no" — is opened after a space or by the value's first byte.)
      // x" or "1  " or "1  — or spaced, when the connective is a word (or, and, xor), the closing quote is glued after a word or is
      // the value's first byte (closing nothing: "red" or "blue, a search's terms, have text in their quotes) and the re-opened
      // literal is a number (the value's last word starts right after it: "1-- -, "12345) or at most four bytes: a search that
      // lost its first term's opening quote names a longer term ('calendar" and "disney:). Both measured in decoded bytes too
      // (dquoteShort, dquoteGluedLast): x%22%20or%20%221%20a, as a client encodes x" or "1 a, is the same value to SQL
      if (shape == 2 && g32(q, Q_MODE) == 0x22 && g32(q, Q_QUOTE) == 0x22 && g32(q, Q_NTOK) == 2 && tstart0 > 0 &&
          (g32(q, Q_BO) & BO_LOOSE) == 0 && ttype(q, 0) == T_LOGIC && end - tstart0 >= 2 &&
          (isBreakout(q, 1) || (ttype(q, 1) == T_STR && (g32(q, Q_BO) & BO_EMPTY) != 0)) &&
          ((tstart0 == tend(q, 0) && tstart(q, 0) == tend(q, 1)) || ((taux(q, 0) & A_CHAR) == 0 && (end - tstart0 <= 5 || dquoteShort(st) ||
            ((load<u32>(st + ST_LEX + LX_START) == tstart0 + 1 || dquoteGluedLast(st)) && <u32>load<u8>(st + ST_LEX + LX_WORD) - 0x30 < 10))))) {
        report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 1), end);
      }
      // x " or "1  x "or"1  x " or " 1  — in "…" after a loose closing quote too (one after a space: x " in a search's terms), when
      // the connective is a word (or, and, xor) and the re-opened literal is a number with no word of letters after it (only
      // whitespace and one sign before it: dquoteNumber): SQLite and MySQL's default mode read name = "x " or "1" as true for
      // every row. A quoted word of prose has words of text after it (He said " or " 1 time, "red" or "blue); only a number casts to true
      // in "…" (PostgreSQL reads "…" as a name, so its 'yes' and 'on' count for nothing here)
      if (shape == 2 && g32(q, Q_MODE) == 0x22 && g32(q, Q_QUOTE) == 0x22 && g32(q, Q_NTOK) == 2 && tstart0 > 0 &&
          (g32(q, Q_BO) & BO_LOOSE) != 0 && ttype(q, 0) == T_LOGIC && (taux(q, 0) & A_CHAR) == 0 && tstart0 >= tend(q, 0) && dquoteNumber(st)) {
        report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 1), end);
      }
      // x', role='admin  x',pass='x  — an UPDATE's SET list spliced: the break-out quote, a comma, a name, '=' and the quote re-opened,
      // text following and never closed (each assignment in SET a,b='…' is the attacker's). Spacing between them is SQL's and changes
      // nothing (x' , role = 'admin, x', `role`='admin: a backtick is no token); the unclosed literal at the end is what no list of
      // key='value' pairs in prose or code leaves
      // (x', role = 'admin', name = 'x  x', role = 'adm'||'in  — the first assignment opens the splice and whatever the ring still
      // holds after it: more assignments or an expression; the value still ends in the unclosed literal)
      const n = g32(q, Q_NTOK);
      if (n >= 4 && n <= RING_N && g32(q, Q_MODE) != 0 && g32(q, Q_QUOTE) == g32(q, Q_MODE) && (g32(q, Q_BO) & BO_LOOSE) == 0 && end - tstart0 >= 2 &&
          isBreakout(q, n - 1) && ttype(q, n - 2) == T_COMMA && ttype(q, n - 3) == T_WORD &&
          ttype(q, n - 4) == T_OP && (taux(q, n - 4) & (A_CHAR | A_JOINED)) == (0x3d << 8)) {
        report(st, R_SQLI_STRING_BREAKOUT, tstart(q, n - 1), end);
      }
      // x', role = lower('ADMIN'), name = 'x  — the same splice past the ring (a call, a concatenation, more assignments: more
      // tokens than RING_N): its opening was noted as it was pushed (spliceOpened), the value ends in the unclosed literal
      if (n > RING_N && (g32(q, Q_SEL) & SEL_SET) != 0 && g32(q, Q_MODE) != 0 && g32(q, Q_QUOTE) == g32(q, Q_MODE) &&
          (g32(q, Q_BO) & BO_LOOSE) == 0 && end - tstart0 >= 2) {
        report(st, R_SQLI_STRING_BREAKOUT, 0, end);
      }
      // x'),(10,concat('a','b')),(11,'b  x'),(10,lower('A'),'b  — a VALUES row splice (below) whose forged rows hold calls or
      // more tokens than the ring: opened as x'),( (spliceOpened), every parenthesis closed again (the depth the value started
      // at: inside the query's row) and the quote re-opened as a row's next value, after a ',' or a ',' and '(' (x…),('b), or
      // as the operand of a value's operator (x'),(10,'ev'||'il, x'),(10,'a'+'b); a comment between changes nothing (,/**/'evil)
      if ((g32(q, Q_SEL) & SEL_ROW) != 0 && n >= 3 && g32(q, Q_DEPTH) == 0 && g32(q, Q_MODE) != 0 && g32(q, Q_QUOTE) == g32(q, Q_MODE) &&
          (g32(q, Q_BO) & BO_LOOSE) == 0 && end - tstart0 >= 2) {
        const pend = g32(q, Q_PEND) & ~A_COMMENT;
        const t0 = ttype(q, 0);
        if ((t0 == T_COMMA && (pend == 0 || (pend == A_LPAREN && (taux(q, 0) & (A_LPAREN | A_RPAREN)) == A_RPAREN))) ||
            (pend == 0 && ((t0 == T_OP && (taux(q, 0) & A_CMP) == 0) || (t0 == T_LOGIC && (taux(q, 0) & A_CHAR) != 0)))) {
          report(st, R_SQLI_STRING_BREAKOUT, 0, end);
        }
      }
      // x'),(10,'evil  x'), ('evil  — an INSERT's VALUES row spliced: the break-out quote, ')' and ',' (a row ends, another starts),
      // '(' and literals and commas only, then the quote re-opened after a ',' or the '(' and never closed: a second, forged row
      // (the row's own closing quote and ')' are the query's). literalList's rule takes the same list cut off by a comment.
      if (n >= 2 && n <= RING_N && g32(q, Q_MODE) != 0 && g32(q, Q_QUOTE) == g32(q, Q_MODE) && (g32(q, Q_BO) & BO_LOOSE) == 0 &&
          end - tstart0 >= 2 && (isBreakout(q, n - 1) || (ttype(q, n - 1) == T_STR && (g32(q, Q_BO) & BO_EMPTY) != 0)) &&
          ttype(q, n - 2) == T_COMMA && (taux(q, n - 2) & (A_RPAREN | A_LPAREN)) == A_RPAREN && rowOpened(q, n - 2)) {
        report(st, R_SQLI_STRING_BREAKOUT, tstart(q, n - 1), end);
      }
      // x"*"1  x"<"1  "&"1  — in "…" an operator glued between the closing quote and the re-opened one, a word glued after that:
      // MySQL's name = "x"*"1" is name = 0 (a search's quoted symbol — SMALL "&" SIGN, "<" key — has a space after it)
      // x" * "1  x" / "2  — spaced too when the operator is arithmetic and the re-opened literal a number (the value's last word, glued
      // after the quote), as x" or "1 is for a word connective; not after an inch mark (12" * "14 measures). (Glued in decoded
      // bytes too: x%22%20*%20%221 is x" * "1)
      if (shape == 2 && g32(q, Q_MODE) == 0x22 && g32(q, Q_QUOTE) == 0x22 && g32(q, Q_NTOK) == 2 && tstart0 > 0 &&
          (g32(q, Q_BO) & BO_LOOSE) == 0 && (ttype(q, 0) == T_OP || ttype(q, 0) == T_LOGIC) &&
          (isBreakout(q, 1) || (ttype(q, 1) == T_STR && (g32(q, Q_BO) & BO_EMPTY) != 0)) &&
          (load<u32>(st + ST_LEX + LX_START) == tstart0 + 1 || dquoteGluedLast(st)) &&
          ((tstart0 == tend(q, 0) && tstart(q, 0) == tend(q, 1)) ||
           (ttype(q, 0) == T_OP && (taux(q, 0) & A_CMP) == 0 && (g32(q, Q_BO) & BO_INCH) == 0 && <u32>load<u8>(st + ST_LEX + LX_WORD) - 0x30 < 10 &&
            (arithChar((taux(q, 0) & A_CHAR) >> 8) || (taux(q, 0) & A_CHAR) == (0x2b << 8) || (taux(q, 0) & A_CHAR) == (0x2f << 8) ||
             (taux(q, 0) & A_CHAR) == (0x25 << 8))))) {
        report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 1), end);
      }
      // x' * id - '0  — arithmetic after the break-out whose last operator takes the re-opened literal
      const singleList = single && n >= 3 && n <= RING_N;
      if (singleList && end - tstart0 >= 2 &&
          (g32(q, Q_BO) & BO_LOOSE) == 0 && ttype(q, 0) == T_OP && (taux(q, 0) & A_CMP) == 0 && isBreakout(q, n - 1)) {
        report(st, R_SQLI_STRING_BREAKOUT, tstart(q, n - 1), end);
      }
      // '-0-'  admin'^1^'  — the quote closed, an arithmetic or bitwise operator, a number and another such operator, all
      // glued, and the quote re-opened glued at the very end: MySQL's name = ''-0-'' is name = 0, true for every name that
      // does not start with a digit (auth-bypass lists' type juggling; a number between the operators is no quoted symbol)
      // (in MySQL "…" is a string literal as well: "-0-"; and so is '' between the operators: '-''-' — at most two bytes
      // of quotes and two more, \"\" in raw JSON text; a longer one is quoted prose: '-' or '*')
      // (nothing but the quote after it: no word starts after it, and it is one byte, or an escape of one — \" in raw JSON text)
      if (n == 4) {
        if (g32(q, Q_MODE) != 0 && g32(q, Q_QUOTE) == g32(q, Q_MODE) && (g32(q, Q_BO) & BO_LOOSE) == 0 &&
            end - tstart0 <= 6 && load<u32>(st + ST_LEX + LX_START) < tstart0 &&
            ttype(q, 3) == T_STR && ttype(q, 2) == T_OP && ttype(q, 0) == T_OP && tend(q, 0) == tstart0 &&
            (ttype(q, 1) == T_NUM || (ttype(q, 1) == T_STR && tend(q, 1) - tstart(q, 1) <= 4)) &&
            tstart(q, 0) == tend(q, 1) && tstart(q, 1) == tend(q, 2) && tstart(q, 2) == tend(q, 3) && tend(q, 0) - tstart(q, 0) == 1 && tend(q, 2) - tstart(q, 2) == 1 &&
            arithChar((taux(q, 0) & A_CHAR) >> 8) && (isBreakout(q, 3) || (g32(q, Q_BO) & BO_EMPTY) != 0) &&
            // ('=''-': or the value starts with the closing quote and compares first: (name = '') = 0, true for every other name)
            (arithChar((taux(q, 2) & A_CHAR) >> 8) || ((taux(q, 2) & (A_CHAR | A_JOINED)) == (0x3d << 8) && ttype(q, 1) == T_STR && (g32(q, Q_BO) & BO_EMPTY) != 0))) {
          report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 3), end);
        }
      }
      // ' or ''-'  ' and 1*'  — the value starts with the closing quote and a connective, and its last operator takes the
      // re-opened literal (the query's own closing quote ends it: nothing need follow); ' or '' '  — or the re-opened
      // literal follows the one literal after the connective (MySQL joins adjacent literals into one). In "…" as well
      // (" or ""-", " or "" "): MySQL's default mode reads "…" as a string, and a value whose first byte is the quote,
      // then a connective, is no quoted word in prose ("Fast" or "Cheap" has a word after its first quote).
      if (shape == 2 && g32(q, Q_QUOTE) == g32(q, Q_MODE) && n >= 3 && n <= RING_N && (g32(q, Q_BO) & BO_EMPTY) != 0 &&
          ttype(q, n - 1) == T_STR && ttype(q, n - 2) == T_LOGIC && ((ttype(q, 0) == T_OP && (taux(q, 0) & A_CMP) == 0) || (n == 3 && ttype(q, 0) == T_STR))) {
        report(st, R_SQLI_STRING_BREAKOUT, 0, end);
      }
      if (singleList) {
        // ' + CHAR(65) + '  x'||lower(y)||'  — an SQL function call spliced into the literal between two operators
        if (g32(q, Q_FUNCS) != 0 &&
            (g32(q, Q_BO) & BO_LOOSE) == 0 && ((ttype(q, 0) == T_OP && (taux(q, 0) & A_CMP) == 0) || (ttype(q, 0) == T_LOGIC && (taux(q, 0) & A_CHAR) != 0)) &&
            ttype(q, n - 1) == T_STR && (isBreakout(q, n - 1) || (g32(q, Q_BO) & BO_EMPTY) != 0)) {
          report(st, R_SQLI_STRING_BREAKOUT, tstart(q, n - 1), end);
        }
      }
    }
    // A value that starts inside a quote and never closes it is just text.
    if (!(g32(q, Q_MODE) != 0 && tstart0 == 0 && g32(q, Q_NTOK) == 0)) closeString(st, q, end, s == S_STRING_QUOTE);
  } else if (s == S_DASH) opToken(st, q, 0x2d, end - 1, end);
  else if (s == S_SLASH) opToken(st, q, 0x2f, end - 1, end);
  else if (s == S_BLOCK_OPEN || s == S_HASH || s == S_HASH_OP || s == S_DASHDASH) onComment(st, q, g32(q, Q_AUXSTART), end, s == S_BLOCK_OPEN && globAfter(q));
  // UNION SELECT at the very end (the list was cut off)
  if (isKw(q, 0, K_SQL_SELECT) && (isKw(q, 1, K_SQL_UNION) || (isKw(q, 1, K_SQL_ALLDISTINCT) && isKw(q, 2, K_SQL_UNION)))) {
    report(st, R_SQLI_UNION_SELECT, isKw(q, 1, K_SQL_UNION) ? tstart(q, 1) : tstart(q, 2), end);
  }
  // '<connective> <literal> at the very end: x' or 1  (a comment may follow, in any of its states: -1 union--  -1 union/*)
  const inComment = ((1 << s) & COMMENT_STATES) != 0;
  if (g32(q, Q_STATE) == S_NORMAL || inComment) {
    const t0 = ttype(q, 0);
    // 1 and true  1 or not 0  1 xor 1  1 rlike 1  — read as-is, the whole value is a number and literals joined by
    // connectives or word operators, with something only SQL writes: TRUE/FALSE/NULL, NOT, XOR, RLIKE/REGEXP
    // (1 or 2 is a choice in prose; true or false starts with no number)
    if (g32(q, Q_MODE) == 0 && g32(q, Q_NTOK) <= RING_N && literalLogic(q, g32(q, Q_NTOK))) report(st, R_SQLI_TAUTOLOGY, tstart(q, g32(q, Q_NTOK) - 1), end);
    // count(id) >= 9 and 1 — the formula judge leaves alone (count(x) > 3), then a word connective and a literal at the very
    // end: the condition an injection appends after its comparison, no formula
    if (g32(q, Q_MODE) == 0 && ttype(q, 1) == T_LOGIC && (taux(q, 1) & A_CHAR) == 0 && (t0 == T_NUM || t0 == T_STR) && isCmp(q, 3) &&
        (taux(q, 3) & A_RPAREN) != 0 && oneArgCall(q, 4) && isValue(q, 2)) report(st, R_SQLI_TAUTOLOGY, tstart(q, 5), end);
    if (ttype(q, 1) == T_LOGIC && isBreakout(q, 2) && (t0 == T_NUM || t0 == T_FUNC || t0 == T_VAR || isKw(q, 0, K_SQL_VALUEKW))) report(st, R_SQLI_STRING_BREAKOUT, tstart(q, 2), end);
    // ' or 1  " and true  '||1  — the whole value is the closing quote, a connective and one literal (onComment's
    // '||1# without the comment): name = '' or 1 is true for every row, and the query's own closing quote left over
    // makes the syntax error an error-based probe reads. Nothing else in the value: no prose is only that.
    else if (g32(q, Q_STATE) == S_NORMAL && g32(q, Q_NTOK) == 3 && (g32(q, Q_BO) & BO_EMPTY) != 0 && ttype(q, 2) == T_STR &&
             ttype(q, 1) == T_LOGIC && (t0 == T_NUM || ((t0 == T_WORD || t0 == T_KW) && (tflags(q, 0) & K_SQL_VALUEKW) != 0))) report(st, R_SQLI_STRING_BREAKOUT, 0, end);
    // AND 1=   x' OR 7>   xor 'b' <  — a connective, a literal and a comparison with its right side cut off
    if (isCmp(q, 0) && (taux(q, 0) & A_CHAR) != 0 && (ttype(q, 1) == T_NUM || ttype(q, 1) == T_STR) && ttype(q, 2) == T_LOGIC && (taux(q, 2) & A_CHAR) == 0) {
      report(st, isBreakout(q, 3) ? R_SQLI_STRING_BREAKOUT : R_SQLI_TAUTOLOGY, isBreakout(q, 3) ? tstart(q, 3) : tstart(q, 2), end);
    }
    // -1 UNION   1/**/UNION   x' UNION  — a UNION cut off at the end, after a negative number, a comment or a break-out
    const u = isKw(q, 0, K_SQL_UNION) ? 0 : isKw(q, 0, K_SQL_ALLDISTINCT) && isKw(q, 1, K_SQL_UNION) ? 1 : -1;
    if (u >= 0) {
      const t = ttype(q, u + 1);
      const a = taux(q, u + 1);
      if ((t == T_NUM && ((a & A_UNARY) != 0 || (taux(q, u) & A_COMMENT) != 0)) || isBreakout(q, u + 1)) report(st, R_SQLI_UNION_SELECT, tstart(q, u + 1), end);
    }
  }
  if (!inComment) return; // (the rules below end in a comment)
  const ntok = g32(q, Q_NTOK);
  if (g32(q, Q_MODE) != 0) {
    // '--  ')#  ';--  "/*  — read inside a quote, the value only closes the string (and parentheses, and the
    // statement) and cuts off the rest of the query: nothing else, no word, no text in the comment
    if ((g32(q, Q_BO) & (BO_EMPTY | BO_COMMENT | BO_NOTE | BO_WORD)) == (BO_EMPTY | BO_COMMENT) &&
        (ntok == 1 || (ntok == 2 && ttype(q, 0) == T_SEMI)) && ttype(q, ntok - 1) == T_STR) report(st, R_SQLI_STRING_BREAKOUT, 0, end);
    // (the quote closes first, and a comment with nothing in it cuts the rest off: the two rules below)
    if (ntok >= 3 && ntok <= RING_N && (g32(q, Q_BO) & (BO_COMMENT | BO_NOTE | BO_LOOSE)) == BO_COMMENT &&
        ttype(q, ntok - 1) == T_STR && (isBreakout(q, ntok - 1) || (g32(q, Q_BO) & BO_EMPTY) != 0)) {
      // x'; show databases;--  x'; lock tables t write;--  — the quote closes, ';' at once, a statement of any verb (a word
      // first), and a comment with nothing in it cuts the rest off (a glued quote: after a space it is a quoted word)
      if (ttype(q, ntok - 2) == T_SEMI && (ttype(q, ntok - 3) == T_WORD || ttype(q, ntok - 3) == T_KW)) {
        // (the statement ends in ';' or has more than plain words in it: Tom'; see you later -- is a note)
        // (or it is such a verb and one name: x'; show databases--)
        let sql = ttype(q, 0) == T_SEMI || (ntok == 4 && isVerb(q, 1));
        for (let k: u32 = 0; k + 2 < ntok && !sql; k++) if (!plainWord(q, k)) sql = true;
        if (sql) report(st, R_SQLI_STACKED_QUERY, tstart(q, ntok - 1), end);
      }
      // '), ('admin', 'x')--  x', 2, 3)#  — the quote closes, then only a list of literals (another VALUES row, more
      // arguments) and a comment that cuts the rest off: a list spliced into the statement
      // (x'),(10,'ev');--  x', 'admin');#  — a ';' ending the statement before the comment changes nothing, as for the
      // connective in onComment)
      if (literalList(q, ttype(q, 0) == T_SEMI ? 1 : 0, ntok - 1)) report(st, R_SQLI_STRING_BREAKOUT, tstart(q, ntok - 1), end);
    }
    // x'),(10,'ev'),(11,'z');--  x'),(10,'e'||'v')--  — a VALUES row splice (opened as x'),( : spliceOpened) whose forged rows
    // are complete, every parenthesis the value opened closed and one more, the query's own row, by the value's first ')'
    // (depth -1), then at most a ';' and a comment with nothing in it: rows of any length, or with calls and concatenations,
    // that literalList (the ring's tokens, literals only) does not reach
    if ((g32(q, Q_SEL) & SEL_ROW) != 0 && <i32>g32(q, Q_DEPTH) == -1 && (g32(q, Q_BO) & (BO_COMMENT | BO_NOTE | BO_LOOSE)) == BO_COMMENT) {
      report(st, R_SQLI_STRING_BREAKOUT, 0, end);
    }
    return;
  }
  // 1; TABLE users--  7; show tables#  — read as-is: a number, ';', such a verb and one name, and a comment with nothing in it
  if (ntok == 4 && (g32(q, Q_BO) & (BO_COMMENT | BO_NOTE)) == BO_COMMENT &&
      ttype(q, 3) == T_NUM && ttype(q, 2) == T_SEMI && isVerb(q, 1) && ttype(q, 0) == T_WORD) report(st, R_SQLI_STACKED_QUERY, tstart(q, 3), end);
  // 1 --   ( 'a' ) /*   417652--  — nothing but literals and operators, then a comment running to the end:
  // a value that closes the query's expression and cuts off the rest
  // (read as-is only — '1--' is a quoted string — no lists: 1,1-- is a page range as often as not — and
  // nothing written in the comment: 555-1234 -- thanks is a note)
  if ((g32(q, Q_BO) & (BO_COMMENT | BO_WORD | BO_NOTE)) == BO_COMMENT && ntok > 0 && ntok <= RING_N) {
    let literal = false;
    let k: u32 = 0;
    for (; k < ntok; k++) {
      const t = ttype(q, k);
      if (t == T_NUM || t == T_STR) literal = true;
      else if (t != T_OP) break;
    }
    // (*123#, *135*2#, **21*555#: a value that opens with a binary operator — a sign is folded into its operand, so
    // the oldest token is one only when nothing stood before it — is no operand: a USSD code, no cut-off query)
    // (4kPq9ZrT2xWm7LbN0aYc--, 1Y--: a number with letters glued, not in hex, is no literal but a name — MySQL reads
    // such a word as an identifier — so nothing is closed: a random token that happens to start with a digit and end
    // in dashes, a session id or an OAuth state, one in some 28,000 of them)
    const name = ttype(q, 0) == T_NUM && (taux(q, 0) & (A_UNIT | A_HEX)) == A_UNIT;
    if (k == ntok && literal && (ttype(q, 0) == T_NUM || ttype(q, 0) == T_STR) && ttype(q, ntok - 1) != T_OP && !name) {
      report(st, R_SQLI_COMMENT_TRUNCATION, tstart(q, ntok - 1), end);
    }
  }
}

// A value of nothing but quotes, operators and the connectives OR AND XOR (spaces aside), starting with a quote:
// '='or'  'or''  '=' or '  "||"="  — the login bypasses of auth-bypass lists. Spliced into name = '…' AND pass = '…'
// each closes the literal and compares or joins empty literals: MySQL reads ''='' as true and '' = 'x' as 0 = 0.
// No reading of the three tokenizers sees the shape whole (each puts the word in a literal, or the last quote opens
// one), so it is tracked on its own, over the events every reading gets. The rules above already take a value of
// two quotes and one operator ('or', '='); this one needs a third quote and a comparison or connective: a symbol
// (= < > ! | &), or a connective word with no space anywhere ('or'' — "'and' 'or'" quotes two words). Arithmetic
// alone ('-', '*'-'*': placeholders as often as not) is left to the paranoia-2 comparison rule.
const QO_LIVE: u32 = 1;
const QO_DEAD: u32 = 2;
const QO_CMP: u32 = 4;     // a comparison or connective symbol
const QO_WORD: u32 = 8;    // a connective word
const QO_SPACE: u32 = 16;
// bits 8-15: quotes seen (saturating), bits 16-23: the quote character (one kind only)

/** The tracker above for a punctuation byte (one load while it is dead: after any first event other than a quote). */
// @ts-ignore: decorator
@inline export function quoteOnlyPunct(st: usize, c: u32): void {
  const w = <u32>load<u8>(st + ST_QWORD);
  const d = <u32>load<u8>(st + ST_DQ);
  if (d != 0 || c == 0x22) dquotePunct(st, d, c, (w & QW_BSL) != 0); // (before quoteWordPunct: it reads the backslash before c)
  if (c == 0x27 || c == 0x22 || c == 0x5c || (w & QW_BSL) != 0 || (w & (QW_ARMED | QW_DONE)) == QW_ARMED) quoteWordPunct(st, w, c);
  const s = g32(st, ST_QONLY);
  if ((s & QO_DEAD) == 0) quoteOnlyStep(st, s, c);
}

// x ' or '  1 time  — the first word after the value's last single quote, for the spaced quote-or (see truthyLiteral): MySQL and
// SQLite cast a string to the number it starts with, skipping leading whitespace and one sign ('  -1 kg' is -1, true), so that
// word is what decides the re-opened literal's truth, not the value's last word. Kept in one byte (ST_QWORD): armed by a ' or
// a " (QW_DQ), then whitespace (any amount) and at most one sign may come before the word; any other byte makes the literal no
// number. (Bytes, not offsets: a percent-encoded quote or space, %22%20, is three input bytes and one here.)
const QW_ARMED: u32 = 0x80; // a quote was seen (each one re-arms)
const QW_DONE: u32 = 0x40;  // the first word after it was seen, or a byte that no number starts with
const QW_DIGIT: u32 = 0x20; // with QW_DONE: that word starts with a digit, only whitespace and one sign before it
const QW_SIGN: u32 = 0x10;  // a sign was seen (a second one, or whitespace after it, ends the number)
const QW_DQ: u32 = 0x08;    // with QW_ARMED: the quote was a "
const QW_MORE: u32 = 0x04;  // with QW_DIGIT: a word that starts with a letter came after the number (1 time)
const QW_BSL: u32 = 0x01;   // the byte before was a backslash: a quote after it re-arms nothing (\" in escaped text, an escaped quote
                            // inside the literal: 1\" or \"1\"=\"1 in JSON text is no number after its last quote)

function quoteWordPunct(st: usize, w: u32, c: u32): void {
  const bsl = (w & QW_BSL) != 0;
  w &= ~QW_BSL;
  if (c == 0x5c) { store<u8>(st + ST_QWORD, <u8>(w | QW_BSL | ((w & QW_ARMED) != 0 ? QW_DONE : 0))); return; }
  if ((c == 0x27 || c == 0x22) && bsl) {}
  else if (c == 0x27) w = QW_ARMED;
  else if (c == 0x22) w = QW_ARMED | QW_DQ;
  else if ((w & (QW_ARMED | QW_DONE)) != QW_ARMED) {}
  else if ((c == 0x20 || c - 0x09 < 5) && (w & QW_SIGN) == 0) return; // (tab, LF, VT, FF, CR: whitespace a cast skips too)
  else if ((c == 0x2d || c == 0x2b) && (w & QW_SIGN) == 0) w |= QW_SIGN;
  else w |= QW_DONE;
  store<u8>(st + ST_QWORD, <u8>w);
}

/**
 * Does the first word after the value's last single quote start the number a cast reads: '1 time', '-0.5x', '  9, ' 1 time?
 * Words of text after the number change nothing: SQLite and MySQL read x ' or ' 1 time' as true, space after the quote or not
 * (the cast skips it). (A quote with space after it then a word of letters — Use ' or ' to join — stays prose: that literal is 0.)
 */
function quoteWordNumber(st: usize): bool {
  const w = <u32>load<u8>(st + ST_QWORD);
  return (w & (QW_ARMED | QW_DONE | QW_DIGIT | QW_DQ)) == (QW_ARMED | QW_DONE | QW_DIGIT);
}

/** The same after the value's last ", the number ending the value (no word of letters after it: He said " or " 1 time). */
function dquoteNumber(st: usize): bool {
  const w = <u32>load<u8>(st + ST_QWORD);
  return (w & (QW_ARMED | QW_DONE | QW_DIGIT | QW_DQ | QW_MORE)) == (QW_ARMED | QW_DONE | QW_DIGIT | QW_DQ);
}

// x%22%20or%20%221%20a  — the "…" quote-or rules measure the re-opened literal (at most four bytes, or one number glued to the
// quote ending the value); in input offsets a percent-encoded value's %22 and %20 are three bytes each and its literal looks
// longer than SQL reads it, so x" or "1 a, blocked raw, was clean as every client sends it. This byte (ST_DQ) measures the
// literal after the value's last " in the bytes the lexer reads (decoded): the rules take it besides the offsets, so no
// encoding loses the raw verdict. (A spare byte of the split tracker's state word; an escaped \" re-arms nothing.)
const ST_DQ: u32 = ST_SPLIT + 1;
const DQ_ON: u32 = 0x80;    // a " was seen (the tracker counts)
const DQ_WORD: u32 = 0x40;  // a word came after it
const DQ_GLUED: u32 = 0x20; // with DQ_WORD: the first word is glued to the quote (no byte between)
const DQ_WORD2: u32 = 0x10; // a second word came after it
const DQ_LEN: u32 = 0x07;   // bytes after it, saturating at 7 (the rules want at most four)

function dquotePunct(st: usize, d: u32, c: u32, escaped: bool): void {
  if (c == 0x22 && !escaped) d = DQ_ON;
  else if ((d & DQ_LEN) < DQ_LEN) d++;
  store<u8>(st + ST_DQ, <u8>d);
}

/** The tracker above for a word of `len` bytes. */
function dquoteWord(st: usize, d: u32, len: u32): void {
  const n0 = d & DQ_LEN, n = n0 + len;
  const e = (d & ~DQ_LEN) | (n < DQ_LEN ? n : DQ_LEN);
  store<u8>(st + ST_DQ, <u8>(e | ((d & DQ_WORD) != 0 ? DQ_WORD2 : DQ_WORD | (n0 == 0 ? DQ_GLUED : 0))));
}

/** Is the literal after the value's last " at most four bytes, as SQL reads them (decoded)? */
function dquoteShort(st: usize): bool {
  const d = <u32>load<u8>(st + ST_DQ);
  return (d & DQ_ON) != 0 && (d & DQ_LEN) <= 4;
}

/** Is the value's last word glued after its last " (the word after the quote, and no other word after it: "1-- -, "12345)? */
function dquoteGluedLast(st: usize): bool {
  return (<u32>load<u8>(st + ST_DQ) & (DQ_ON | DQ_WORD | DQ_GLUED | DQ_WORD2)) == (DQ_ON | DQ_WORD | DQ_GLUED);
}

function quoteOnlyStep(st: usize, s: u32, c: u32): void {
  if (c == 0x27 || c == 0x22) {
    if (s == 0) s = QO_LIVE | (1 << 8) | (c << 16);
    else if (c != (s >> 16)) s = QO_DEAD;
    else if (((s >> 8) & 0xff) < 0xff) s += 1 << 8;
  }
  else if (s == 0) s = QO_DEAD;
  else if (c == 0x20) s |= QO_SPACE;
  else if (c == 0x3d || c == 0x3c || c == 0x3e || c == 0x21 || c == 0x7c || c == 0x26) s |= QO_CMP;
  else if (!(c == 0x2d || c == 0x2b || c == 0x2a || c == 0x2f || c == 0x5e || c == 0x25 || c == 0x7e)) s = QO_DEAD;
  s32(st, ST_QONLY, s);
}

/** The tracker above for a word: a connective keeps it going, any other word ends it. */
// @ts-ignore: decorator
@inline export function quoteOnlyWord(st: usize, flags: u64, len: u32): void {
  const d = <u32>load<u8>(st + ST_DQ);
  if (d != 0) dquoteWord(st, d, len);
  let w = <u32>load<u8>(st + ST_QWORD);
  if ((w & (QW_ARMED | QW_BSL)) != 0) {
    w &= ~QW_BSL;
    // the first word after the quote: a digit first is what a numeric cast reads as its number (a later word of letters is noted)
    const digit = <u32>load<u8>(st + ST_LEX + LX_WORD) - 0x30 < 10;
    if ((w & QW_ARMED) == 0) {}
    else if ((w & QW_DONE) == 0) w |= QW_DONE | (digit ? QW_DIGIT : 0);
    else if ((w & (QW_DIGIT | QW_MORE)) == QW_DIGIT && !digit) w |= QW_MORE;
    store<u8>(st + ST_QWORD, <u8>w);
  }
  const s = g32(st, ST_QONLY);
  if ((s & QO_DEAD) == 0) s32(st, ST_QONLY, s != 0 && (flags & K_SQL_LOGIC) != 0 ? s | QO_WORD : QO_DEAD);
}

/** At the end of the value: report a quote-only value (see above). Inlined: a load and a test for most values. */
// @ts-ignore: decorator
@inline export function quoteOnlyFinish(st: usize, end: u32): void {
  const s = g32(st, ST_QONLY);
  // (nested: a chain of tests compiles to a flag set and tested per term, each paid for by most values, dead here)
  if ((s & (QO_LIVE | QO_DEAD)) == QO_LIVE) {
    if (((s >> 8) & 0xff) >= 3 && ((s & QO_CMP) != 0 || (s & (QO_WORD | QO_SPACE)) == QO_WORD)) report(st, R_SQLI_STRING_BREAKOUT, 0, end);
  }
}

// UNI/**/ON  SEL/*x*/ECT  SLE/**/EP(5)  — a keyword split by an inline comment glued to both pieces. The tokenizers
// fold a comment away between tokens (un/**/ion-style spacing changes nothing there), but a comment inside a word
// leaves two words; an application that strips comments from its input before building the query reads one. So the
// pieces are joined here, across one comment or more (SE/**/LE/**/CT), and the whole looked up: a statement, clause,
// connective, dangerous or function keyword is reported. Only pieces glued to the comment on both sides: a glob's
// src/**/x joins "srcx", no keyword, and "a /* b */ c" has spaces.
const SP_STATE: u32 = 0;   // (a byte) 0 idle, 2 '/' glued after a word, 3 inside the comment, 4 after a '*' in it, 5 the comment
                           // closed, 6 a joined word ended (a '/' glued to it opens another comment); bytes 1-3 are spare (ST_DQ)
const SP_END: u32 = 4;     // end of the closed comment (5) or of the joined word (6)
const SP_START: u32 = 8;   // start of the first piece
const SP_LEN: u32 = 12;    // bytes joined so far in SP_BUF
const SP_WLEN: u32 = 16;   // length of the lexer's last word (set by every word event)
const SP_BUF: u32 = 20;    // SP_MAX bytes
const SP_MAX: u32 = 20;
const SPLIT_CLASSES: u64 = K_SQL_UNION | K_SQL_SELECT | K_SQL_INSERT | K_SQL_DELETE | K_SQL_UPDATE | K_SQL_DDL | K_SQL_FROM |
  K_SQL_WHERE | K_SQL_EXEC | K_SQL_DECLARE | K_SQL_WAITFOR | K_SQL_DANGER | K_SQL_SCHEMA | K_SQL_INTO | K_SQL_ORDER |
  K_SQL_LOGIC | K_SQL_FUNC;

/** A word, for the split-keyword tracker: its length always (a '/' after it copies it), the rest only while it waits. */
// @ts-ignore: decorator
@inline export function splitWord(st: usize, len: u32, start: u32, end: u32): void {
  s32(st, ST_SPLIT + SP_WLEN, len);
  if (<u32>load<u8>(st + ST_SPLIT + SP_STATE) != 0) splitWordStep(st, len, start, end);
}

function splitWordStep(st: usize, len: u32, start: u32, end: u32): void {
  const s = <u32>load<u8>(st + ST_SPLIT + SP_STATE);
  if (s == 3 || s == 4) { store<u8>(st + ST_SPLIT + SP_STATE, 3); return; } // (a word inside the comment)
  if (s == 5 && start == g32(st, ST_SPLIT + SP_END)) {
    const have = g32(st, ST_SPLIT + SP_LEN);
    if (have + len <= SP_MAX) {
      memory.copy(st + ST_SPLIT + SP_BUF + have, st + ST_LEX + LX_WORD, len);
      s32(st, ST_SPLIT + SP_LEN, have + len);
      if ((flagsOfBytes(st + ST_SPLIT + SP_BUF, have + len) & SPLIT_CLASSES) != 0) report(st, R_SQLI_SPLIT_KEYWORD, g32(st, ST_SPLIT + SP_START), end);
      store<u8>(st + ST_SPLIT + SP_STATE, 6); s32(st, ST_SPLIT + SP_END, end);
      return;
    }
  }
  store<u8>(st + ST_SPLIT + SP_STATE, 0);
}

/** A punctuation byte, for the split-keyword tracker (a '/', or anything while it waits). */
// @ts-ignore: decorator
@inline export function splitPunct(st: usize, c: u32, start: u32, end: u32, glued: bool): void {
  if (c == 0x2f || <u32>load<u8>(st + ST_SPLIT + SP_STATE) != 0) splitPunctStep(st, c, start, end, glued);
}

function splitPunctStep(st: usize, c: u32, start: u32, end: u32, glued: bool): void {
  const p = st + ST_SPLIT;
  const s = <u32>load<u8>(p + SP_STATE);
  if (s == 3) { if (c == 0x2a) store<u8>(p + SP_STATE, 4); return; }
  if (s == 4) { store<u8>(p + SP_STATE, <u8>(c == 0x2f ? 5 : c == 0x2a ? 4 : 3)); if (c == 0x2f) s32(p, SP_END, end); return; }
  if (s == 2) { store<u8>(p + SP_STATE, <u8>(c == 0x2a ? 3 : 0)); return; }
  if (c == 0x2f && glued) {
    if (s == 6 && start == g32(p, SP_END)) { store<u8>(p + SP_STATE, 2); return; } // (the joined word goes on)
    const len = g32(p, SP_WLEN);
    if (len < SP_MAX) {
      memory.copy(p + SP_BUF, st + ST_LEX + LX_WORD, len);
      s32(p, SP_LEN, len); s32(p, SP_START, load<u32>(st + ST_LEX + LX_START));
      store<u8>(p + SP_STATE, 2);
      return;
    }
  }
  store<u8>(p + SP_STATE, 0);
}

// 1 or 1  7 and 7  2 || 2  — the whole value (spaces aside) a number, a connective and the same number again: true for every row
// whatever the query compared (id = 1 or 1). Read as-is the tokenizer sees a number, a connective and a number, the
// shape of a choice in prose (1 or 2, 3 and 4: left alone, see literalLogic); the same number twice is no choice.
// The tokens keep no bytes, so the first number's (up to 8 digits) are kept here, over the events every reading gets.
const SAME_DEAD: u32 = 0xff;  // state (low byte): 0 nothing yet, 1 the number, 2 and a connective, 3 and the same number,
                              // 4 half a connective symbol (| or &), 5-9 a comment after the second number, 10 a sign before it (below);
                              // bits 8-15 the number's length
const SAME_NUM: u32 = 4;      // its bytes (u64)

/** A word, for the same-number tracker (one load once it is dead: after any value that does not open with a number). */
// @ts-ignore: decorator
@inline export function sameWord(st: usize, flags: u64, len: u32): void {
  const s = g32(st, ST_SAME);
  if ((s & 0xff) != SAME_DEAD) {
    // (the value's first word, no number — most values: sameWordStep's answer, dead, without its call)
    if (s == 0 && <u32>load<u8>(st + ST_LEX + LX_WORD) - 0x30 >= 10) s32(st, ST_SAME, SAME_DEAD);
    else sameWordStep(st, s, flags, len);
  }
}

function sameWordStep(st: usize, s: u32, flags: u64, len: u32): void {
  const k = s & 0xff;
  if (k == SAME_LINE || k == SAME_BLOCK || k == SAME_BLOCK_STAR) { if (k == SAME_BLOCK_STAR) s32(st, ST_SAME, SAME_BLOCK); return; } // (a comment's text)
  const w = st + ST_LEX + LX_WORD;
  // (the lexer's buffer has 8 bytes or more readable past any word it holds: one load, the word's bytes masked)
  const bytes = len <= 8 && digitsOnly(w, len) ? load<u64>(w) & (len == 8 ? <u64>-1 : (<u64>1 << (<u64>len << 3)) - 1) : 0;
  let next = SAME_DEAD;
  if (k == 0 && bytes != 0) { store<u64>(st + ST_SAME + SAME_NUM, bytes); next = 1 | (len << 8); }
  else if (k == 1 && (flags & K_SQL_LOGIC) != 0) next = 2 | (s & 0xff00);
  else if (k == 2 && bytes != 0 && len == ((s >> 8) & 0xff) && bytes == load<u64>(st + ST_SAME + SAME_NUM)) next = 3;
  // 1 or .1  1 or -1  1 or 0x1  1 or 1e0 — a second number no choice in prose is written as (a sign or a leading dot, hex, an
  // exponent), and not zero: as true for every row as the same number (rt27s: sqlite3 returned every user for id = 1 or .1)
  // (a digit's low nibble is its value: the digits are all '0' when every nibble is zero)
  else if ((k == SAME_SIGN && (bytes & 0x0f0f0f0f0f0f0f0f) != 0) || (k == 2 && codeNumber(w, len))) next = 3;
  s32(st, ST_SAME, next);
}

/** A nonzero number word written as code, not prose: hex (0x1f) or with an exponent (1e0, 2E3). */
function codeNumber(w: usize, len: u32): bool {
  if (len < 3 || len > KW_MAX_WORD || <u32>load<u8>(w) - 0x30 >= 10) return false;
  let nonzero = false;
  if (load<u8>(w) == 0x30 && (<u32>load<u8>(w + 1) | 0x20) == 0x78) { // 0x…
    for (let i: u32 = 2; i < len; i++) {
      const b = <u32>load<u8>(w + i);
      if (b - 0x30 >= 10 && (b | 0x20) - 0x61 >= 6) return false;
      if (b != 0x30) nonzero = true;
    }
    return nonzero;
  }
  let i: u32 = 0;
  for (; i < len && <u32>load<u8>(w + i) - 0x30 < 10; i++) if (load<u8>(w + i) != 0x30) nonzero = true;
  if (i == 0 || i + 1 >= len || (<u32>load<u8>(w + i) | 0x20) != 0x65) return false; // …e
  for (i++; i < len; i++) if (<u32>load<u8>(w + i) - 0x30 >= 10) return false;
  return nonzero;
}

/** A punctuation byte, for the same-number tracker: spaces (and line breaks) between the parts, || or && as the connective. */
// @ts-ignore: decorator
@inline export function samePunct(st: usize, c: u32): void {
  const s = g32(st, ST_SAME);
  if ((s & 0xff) != SAME_DEAD && c != 0x20) samePunctStep(st, s, c);
}

function samePunctStep(st: usize, s: u32, c: u32): void {
  const k = s & 0xff;
  // (a line break is spacing as a space is — 1%0aor%0a1 — and ends a line comment)
  if (c == 0x0a) { if (k == SAME_LINE) s32(st, ST_SAME, 3); return; }
  let next = SAME_DEAD;
  if (k == 1 && (c == 0x7c || c == 0x26)) next = 4 | (s & 0xff00) | (c << 16);
  else if (k == 4 && c == ((s >> 16) & 0xff)) next = 2 | (s & 0xff00);
  else if (k == 2 && (c == 0x2e || c == 0x2d)) next = SAME_SIGN | (s & 0xff00); // 1 or .1  1 or -1
  // (1 or 1;--  1 or 1#: the statement's end and a comment after the second number change nothing; a word after them does,
  // unless it is inside that comment: 1 or 1 --x, 1 or 1 #x, 1 or 1/*x*/ are as true — "--", '#' and "/*" open one)
  else if (k == 3 || k == SAME_DASH || k == SAME_SLASH) {
    if (k == SAME_DASH && c == 0x2d) next = SAME_LINE;
    else if (k == SAME_SLASH && c == 0x2a) next = SAME_BLOCK;
    else if (c == 0x23) next = SAME_LINE;
    else if (c == 0x2d) next = SAME_DASH;
    else if (c == 0x2f) next = SAME_SLASH;
    else if (c == 0x3b || c == 0x2a) next = 3;
  }
  else if (k == SAME_LINE) next = k;
  else if (k == SAME_BLOCK || k == SAME_BLOCK_STAR) next = c == 0x2a ? SAME_BLOCK_STAR : k == SAME_BLOCK_STAR && c == 0x2f ? 3 : SAME_BLOCK;
  s32(st, ST_SAME, next);
}
// (states after the second number: a '-', a '/', inside a line comment, inside a block comment, a '*' in it)
const SAME_DASH: u32 = 5;
const SAME_SLASH: u32 = 6;
const SAME_LINE: u32 = 7;
const SAME_BLOCK: u32 = 8;
const SAME_BLOCK_STAR: u32 = 9;
const SAME_SIGN: u32 = 10; // a '-' or '.' opening the second number (1 or -1, 1 or .1): its digits decide

/** At the end of the value: report a same-number tautology (see above), a comment after it or not. Inlined: a load and a test. */
// @ts-ignore: decorator
@inline export function sameFinish(st: usize, end: u32): void {
  if ((g32(st, ST_SAME) & 0xff) - 3 <= SAME_BLOCK_STAR - 3 && (g32(st, ST_SAME) & 0xff) != 4) report(st, R_SQLI_TAUTOLOGY, 0, end);
}
