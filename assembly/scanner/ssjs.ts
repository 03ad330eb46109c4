// Server-side JavaScript injected into a MongoDB query: the value lands inside a string of a
// $where clause, a mapReduce function or an eval, and MongoDB runs it. Three shapes name
// MongoDB's JavaScript and nothing else (SQL has no `this`, no `db.<collection>`, no Date loop):
//
//   ' && this.password.match(/^a/)//     the break-out quote, a JS connective, then the document (this.)
//   '; return true; var x='             a quote opening the value, ';', then return: the clause's verdict replaced
//   db.users.insert({x:1});              a collection method that writes or runs code, as a statement
//   ;x=new Date();do{}while(new Date()-x<5000)   a busy-wait on the clock (blind, time-based)
//
// The quote must be the value's first: 'a' && this.ok closes and opens a literal of the
// application's own code (a JavaScript snippet in prose), where an injection breaks out once.
import { g32, s32, report } from "./state";
import { wordIs } from "./keywords";
import { R_SQLI_NOSQL_JAVASCRIPT } from "./generated/tables";

// Region st + ST_SSJS
// (J_THIS, J_DB, J_DATE first: one i64 and one i32 load tell that nothing is pending; J_LAST_END, J_PREV adjacent:
// a word's two stores are one)
const J_THIS: u32 = 0;     // the break-out shape: 1 first quote, 2 and '&' or '|' (half a connective), 3 a connective or ';',
                           // 4 and `this`; 6 ';' after a quote that opened the value (`return` next reports)
const J_DB: u32 = 4;       // db.<name>.<method>(: 1 db, 2 '.', 3 name, 4 '.', 5 a writing or running method
const J_DATE: u32 = 8;     // 1 new, 5 new Date, 2 new Date( (for the rest of the value), 3 and `while` after '}' or ';'
const J_QUOTES: u32 = 12;  // quotes (' or ") seen so far, saturating at 2
const J_THIS_START: u32 = 16;
const J_DB_START: u32 = 20;
const J_STMT: u32 = 24;    // end + 1 of the last ';' (a statement starts after it, or after one space); the value start counts as one
const J_DATE_START: u32 = 28;
const J_LAST_END: u32 = 32;
const J_PREV: u32 = 36;    // the last punctuation byte (not a space)

/** Nothing pending: J_THIS, J_DB and J_DATE all zero. */
// @ts-ignore: decorator
@inline function idle(j: usize): bool { return (load<u64>(j, J_THIS) | <u64>load<u32>(j, J_DATE)) == 0; }

/** Collection methods that write, drop or run code (read methods are what questions about MongoDB quote). */
function writingMethod(w: usize, len: u32): bool {
  return wordIs(w, len, "insert") || wordIs(w, len, "insertone") || wordIs(w, len, "insertmany") || wordIs(w, len, "update") ||
    wordIs(w, len, "updateone") || wordIs(w, len, "updatemany") || wordIs(w, len, "remove") || wordIs(w, len, "deleteone") ||
    wordIs(w, len, "deletemany") || wordIs(w, len, "drop") || wordIs(w, len, "dropdatabase") || wordIs(w, len, "mapreduce") ||
    wordIs(w, len, "eval") || wordIs(w, len, "save");
}

/** (inlined in the lexer's dispatch: the common case makes no call) */
// @ts-ignore: decorator
@inline export function ssjsWord(st: usize, j: usize, word: usize, w0: u32, len: u32, start: u32, end: u32): void {
  // (nothing pending, the common case: only `db` or `new` can start a shape)
  if (idle(j) && !(len == 2 && w0 == 0x64) && !(len == 3 && w0 == 0x6e)) {
    store<u64>(j, <u64>end, J_LAST_END); // (J_PREV 0)
  } else ssjsWordFull(st, j, word, w0, len, start, end);
}

function ssjsWordFull(st: usize, j: usize, word: usize, w0: u32, len: u32, start: u32, end: u32): void {
  const adjacent = g32(j, J_LAST_END) == start;
  s32(j, J_LAST_END, end);
  // ' && this
  const t = g32(j, J_THIS);
  const isReturn = len == 6 && wordIs(word, len, "return");
  if ((t == 3 || t == 6) && len == 4 && wordIs(word, len, "this")) s32(j, J_THIS, 4);
  else if (t == 6 && isReturn) { report(st, R_SQLI_NOSQL_JAVASCRIPT, g32(j, J_THIS_START), end); s32(j, J_THIS, 0); }
  else if (!(t == 3 && isReturn)) s32(j, J_THIS, 0);
  // db.name.method(
  const d = g32(j, J_DB);
  const stmt = g32(j, J_STMT);
  if (d == 0 && len == 2 && w0 == 0x64 && load<u8>(word + 1) == 0x62 && (start == 0 || (stmt != 0 && (stmt - 1 == start || stmt == start)))) {
    s32(j, J_DB, 1); s32(j, J_DB_START, start);
  }
  else if (d == 2 && adjacent) s32(j, J_DB, 3);
  else if (d == 4 && adjacent && len >= 4 && len <= 12 && writingMethod(word, len)) s32(j, J_DB, 5);
  else s32(j, J_DB, 0);
  // new Date ... while (
  const n = g32(j, J_DATE);
  if (n != 2 && len == 3 && wordIs(word, len, "new")) { s32(j, J_DATE, 1); s32(j, J_DATE_START, start); }
  else if (n == 1 && len == 4 && wordIs(word, len, "date")) s32(j, J_DATE, 5);
  else if (n == 2 && len == 5 && wordIs(word, len, "while") && (g32(j, J_PREV) == 0x7d || g32(j, J_PREV) == 0x3b)) s32(j, J_DATE, 3); // do{…}while  ;while
  else if (n != 2) s32(j, J_DATE, 0);
  s32(j, J_PREV, 0); // (while must follow '}' or ';' itself, not a word after one)
}

/** (inlined in the lexer's dispatch: the common case makes no call) */
// @ts-ignore: decorator
@inline export function ssjsPunct(st: usize, j: usize, c: u32, start: u32, end: u32): void {
  if (c == 0x20) return; // spaces separate the parts of every shape
  // (nothing pending and no quote or ';' to count: the common case)
  if (idle(j) && c != 0x27 && c != 0x22 && c != 0x3b) {
    s32(j, J_LAST_END, end); s32(j, J_PREV, c);
  } else ssjsPunctFull(st, j, c, start, end);
}

function ssjsPunctFull(st: usize, j: usize, c: u32, start: u32, end: u32): void {
  const adjacent = g32(j, J_LAST_END) == start;
  s32(j, J_LAST_END, end);
  // ' && this.
  const t = g32(j, J_THIS);
  if (c == 0x27 || c == 0x22) {
    const q = g32(j, J_QUOTES);
    s32(j, J_QUOTES, q < 2 ? q + 1 : 2);
    s32(j, J_THIS, q == 0 ? 1 : 0);
    if (q == 0) s32(j, J_THIS_START, start);
  } else if (t == 1 && (c == 0x26 || c == 0x7c)) s32(j, J_THIS, 2);
  else if (t == 2 && adjacent && (c == 0x26 || c == 0x7c)) s32(j, J_THIS, 3);
  else if (t == 1 && c == 0x3b) s32(j, J_THIS, g32(j, J_THIS_START) == 0 ? 6 : 3);
  else if (t == 4 && adjacent && c == 0x2e) { report(st, R_SQLI_NOSQL_JAVASCRIPT, g32(j, J_THIS_START), end); s32(j, J_THIS, 0); }
  else s32(j, J_THIS, 0);
  // db.name.method(
  const d = g32(j, J_DB);
  if ((d == 1 || d == 3) && adjacent && c == 0x2e) s32(j, J_DB, d + 1);
  else if (d == 5 && adjacent && c == 0x28) { report(st, R_SQLI_NOSQL_JAVASCRIPT, g32(j, J_DB_START), end); s32(j, J_DB, 0); }
  else s32(j, J_DB, 0);
  if (c == 0x3b) s32(j, J_STMT, end + 1);
  // new Date ... while (
  const n = g32(j, J_DATE);
  if (n == 3 && c == 0x28) { report(st, R_SQLI_NOSQL_JAVASCRIPT, g32(j, J_DATE_START), end); s32(j, J_DATE, 2); }
  else if (n == 3) s32(j, J_DATE, 2);
  else if (n == 5) s32(j, J_DATE, adjacent && c == 0x28 ? 2 : 0); // (the constructor called: "a new date while (...)" is English)
  else if (n == 1) s32(j, J_DATE, 0);
  s32(j, J_PREV, c);
}
