// Cross-site scripting: HTML tag/attribute grammar (a tag opens with '<' and a name, an
// attribute is a name followed by '='), URL schemes that run script, and JavaScript sink
// shapes (a dialog/eval call, document.cookie). Each piece is a tiny state machine fed by
// the shared lexer's word and punctuation events.
import { g32, s32, g64, s64, report, ST_XSS, ST_XSS2, ST_XSS4 } from "./state";
import { styleOpen, styleBegin, styleWord, stylePunct, styleFinish } from "./style";
import { digitsOnly, flagsOfBytes } from "./keywords";
import { foldedTab } from "./decode";
import {
  K_X_SCRIPT, K_X_TAG_DANGER, K_X_TAG, K_X_EVENT, K_X_SCHEME, K_X_DATA, K_X_SINK_STRONG, K_X_SINK_CALL, K_X_OBJ,
  K_X_PROP, K_X_CSS, K_X_ATTR_DANGER, K_FAMILY_XSS,
  R_XSS_SCRIPT_TAG, R_XSS_EVENT_HANDLER, R_XSS_JS_URI, R_XSS_DANGEROUS_TAG, R_XSS_JS_SINK, R_XSS_CSS_EXPRESSION,
  R_XSS_ATTRIBUTE_BREAKOUT, R_XSS_HTML_TAG, R_XSS_ANY_TAG, R_XSS_STYLE_ATTRIBUTE, R_XSS_JS_OBFUSCATION,
  R_XSS_JS_ENTITY, R_XSS_CHARSET_EVASION, R_XSS_JS_BREAKOUT, R_XSS_DANGLING_MARKUP, R_XSS_BREAKOUT_TAG, KW_MAX_WORD, R_PATH_FILE_SCHEME,
} from "./generated/tables";

// Region st + ST_XSS4 (this detector's spill-over: the main region st + x is full)
const X4_SEND: u32 = 0;       // progress of action= / hx-get= and an off-site value (see sendWord, sendPunct)
const X4_SEND_END: u32 = 4;   // end of its last event (adjacency)
const X4_SEND_TAG: u32 = 8;   // the tag's start
const X4_CSSURL: u32 = 12;    // start + 1 of a url word where CSS writes one (after ':' ',' or @import)
const X4_BRACES: u32 = 16;    // '{' open in the value
const X4_BREAK: u32 = 20;     // 1 after a '}' that closed no '{' of the value, 2 once a '{' opened a rule after it
const X4_PAREN: u32 = 24;     // where a held sink's report ends: a dialog call's '(' (alert(1 is reported as alert(),
                              // a property (document.cookie.split() as document.cookie)
const X4_VB: u32 = 28;        // 1 when the last script scheme named was vbscript (VBScript calls without parentheses: msgbox 1)
const X4_ENTITY: u32 = 32;    // start + 1 of the '{' of an open &{ (a JavaScript entity waiting for its '}': see cssBraces)
const X4_ENTITY_END: u32 = 36; // end of that '{'
const X4_NL: u32 = 40;        // end of the last newline (a line break between a word and a sink name ends a statement)
const X4_PROSE: u32 = 44;     // start + 1 of the last sink name written as prose: after a word and a space, no line break (see sinkProse)
const X4_KWOP: u32 = 48;      // end of the last JS keyword operator word (void typeof return …): see kwOperator, sinkProse

// The first 32 bytes hold what must all be zero for the fast paths (xssWord, xssPunct: see quiet()), read as two v128
// (X_PEND may also be P_BRK)
const X_RARE: u32 = 0;        // nonzero once a style value, form target, held scheme, tag rule or ${ was opened (see quiet())
const X_LT_END: u32 = 4;      // end of the last '<' (or '</') + 1; 0 = none
const X_INTAG: u32 = 8;       // inside a tag: start of the tag + 1
const X_NAME_END: u32 = 12;   // end of the tag name + 1 (namespace ':' continues it)
const X_DATA: u32 = 16;       // data: URI progress: 10 data, 1 data:, 2 type, 3 type/, 6 rest of the media type, 12 data:; (no type), 4 ',', 5 ',<', 11 ',<?';
                              // 7 a markup subtype (data:text/html), held; 8 and a space after it; 9 and a word of letters:
                              // a space now is prose (not ',' ';' after it: data:image/svg+xml, with the '+' read as a space);
                              // while held, bits 8 and up keep the length of data:text/html (the report's span)
const X_GLUE_OK: u32 = 20;    // end + 1 of the last word while only whitespace followed it
const X_URL: u32 = 24;        // url( progress: 1 "url" 2 "url(" (a scheme may follow, quoted or not), 3 "url(/", 4 "url(http"
const X_PEND: u32 = 28;       // what the next significant event completes (quiet() clears lane 3 of x + 16: this)
const X_TPL: u32 = 32;        // end + 1 of "${" (template-literal expression; sets X_RARE)
const X_PEND_START: u32 = 36;
const X_PEND_END: u32 = 40;   // end of the word that set X_PEND (adjacency)
const X_QUOTE: u32 = 44;      // quote → '>' → '<' breakout tracking
const X_QSTART: u32 = 48;
const X_LT_START: u32 = 52;
const X_DSTART: u32 = 56;
const X_ATTR: u32 = 60;       // last word inside a tag (attribute candidate) end + 1
const X_ASTART: u32 = 64;
const X_LAST_END: u32 = 68;   // end of the last non-space event
const X_PUNCT_END: u32 = 72;  // end of the last non-space punct (X_PREV touches what starts here; a word between breaks it)
const X_GLUE_LEN: u32 = 76;   // bytes of words split by whitespace ("java\tscript"), joined
const X_GLUE_START: u32 = 80;
const X_GLUE_PARTS: u32 = 84;
const X_PREV: u32 = 88;       // previous non-space punct byte
const X_PI: u32 = 92;         // how the tag opened: 1 '<?' (an <?xml declaration is harmless), 2 UTF-7 '+ADw-', 3 ' ADw-';
                              // bits 8-10: tag rules waiting for the byte after the name (TAGQ_*)
const TAGQ_SCRIPT: u32 = 0x100;
const TAGQ_DANGER: u32 = 0x200;
const TAGQ_ANY: u32 = 0x400;
const TAGQ_ALL: u32 = 0x700;
// bits 12-13: the attribute value's quote open inside the tag (1 '"', 2 "'"): a '>' after a value the tag itself
// opened and closed (<a name="x"></a>) is no breakout; a quote left open or with no tag before it ("><b>) is
const TAG_QUOTE_SHIFT: u32 = 12;
// bits 16-19: a tag opened right after leaving the value's context, read to its '>' (see btWord, btPunct)
const BT_ATTR: u32 = 0x10000;  // after an attribute break-out (a quote, then '>': X_QUOTE 2 at the '<')
const BT_JS: u32 = 0x20000;    // glued to a JavaScript string left by a quote and an operator or ';' ('-;<)
const BT_NAME: u32 = 0x40000;  // a part of the name just read (else the '<', or a '-' between parts: a part next)
const BT_SLASH: u32 = 0x80000; // '/' after the name: '>' next
const BT_ALL: u32 = 0xf0000;
const X_URL_START: u32 = 96;
const X_STYLE: u32 = 100;     // end + 1 of a 'style' attribute name inside a tag
const X_JSF: u32 = 104;       // ![] progress: bits 0-3 state (see jsfuck), end of the last byte << 4
const X_JSFN: u32 = 108;      // ![] atoms seen (!![] counts two)
const X_GLUE: u32 = 112;      // GLUE_MAX bytes (to the region's end, 128)
const GLUE_MAX: u32 = 16;

const P_NONE: u32 = 0;
const P_EVENT: u32 = 1;      // event-handler name: waiting for '='
const P_ONWORD: u32 = 2;     // on* word (paranoia 2): waiting for '='
const P_SCHEME: u32 = 3;     // javascript: waiting for ':'
const P_SINK: u32 = 4;       // alert: waiting for '(' or '`'
const P_OBJ: u32 = 5;        // document: waiting for '.'
const P_OBJ_DOT: u32 = 6;    // document.: waiting for a property
const P_CSS: u32 = 7;        // expression: waiting for '('
const P_BEHAVIOR: u32 = 8;   // behavior: waiting for ':'
const P_SINK_WEAK: u32 = 9;  // other call sinks: waiting for '(' (paranoia 2)
const P_NEW: u32 = 10;       // new: waiting for Function
const P_CTOR: u32 = 11;      // constructor: '.' (a chain reaches Function), '`' (tagged call), '(' then a quote
const P_CTOR_DOT: u32 = 12;  // constructor.: waiting for constructor
const P_TAGCALL: u32 = 13;   // .call .apply .bind: waiting for '`' (a call without parentheses)
const P_IMPORT: u32 = 14;    // import: waiting for '('
const P_IMPORT_PAREN: u32 = 15; // Function( constructor(: waiting for a quote (code from a string)
// 16: unused (a ${name( call alone is everyday template-literal code)
const P_UTF7: u32 = 17;      // +ADw: waiting for '-' (UTF-7 '<')
const P_XML: u32 = 18;       // <?xml: waiting for '-' or ':'
const P_XML_DASH: u32 = 19;  // <?xml- <?xml: : waiting for stylesheet / namespace
const P_CSS_ESC: u32 = 20;   // expression\: waiting for 28 (CSS escape of '(')
const P_OBJ_IDX: u32 = 21;   // window[' window[/ window[8 : inside the computed index, waiting for ']'
const P_OBJ_CALL: u32 = 22;  // window['x']: waiting for '(' or '`' (a call through the index)
const P_SINK_DOT: u32 = 23;  // alert. alert?.: waiting for call/apply/bind or '('
const P_HTMLPROP: u32 = 24;  // .innerHTML .outerHTML: waiting for '='
const P_BRK: u32 = 25;       // a quote: waiting for closers ) ] and an operator or '}' (leaving a JS string)
const P_BRK_OP: u32 = 26;    // '; '- '} ...: waiting for a name
const P_BRK_CALL: u32 = 27;  // '-name: waiting for '(' (a call right after leaving the string)
const P_FUNC: u32 = 28;      // function: waiting for '('
const P_IMPORT_URL: u32 = 29; // import(: waiting for a quote
const P_IMPORT_Q: u32 = 30;  // import(': waiting for a URL start (/ http data javascript), not a local module name
const P_TICK: u32 = 31;      // name`: a tagged-template call when content follows at once (not a closing code-span tick)
const P_BRK_IN: u32 = 32;    // "in : waiting for a dangerous name (the 'in' operator after leaving a string)
const P_BRK_NAME: u32 = 33;  // '-location "in valueOf: waiting for '=' or '(' (assigning or calling after leaving a string)
const P_UTF7_SP: u32 = 34;   // ADw after whitespace (a query's '+' is a space): waiting for '-', only <script counts
const P_ONPROP: u32 = 35;    // .onerror outside a tag (a handler property in JS): waiting for '='
const P_ONPROP_EQ: u32 = 36; // .onerror=: waiting for the handler, which must be a sink (window.onerror=alert)
const P_TIMER: u32 = 37;     // setTimeout setInterval: as P_SINK, but '(' waits for the first argument
const P_TIMER_ARG: u32 = 38; // setTimeout(: a string, template, name or expression runs as code; a function written out does not
const P_APPLY_ARG: u32 = 39; // .apply( .call( .bind(: a sink as the first argument is called (Reflect.apply(alert, ...))
const P_BRK_ASSIGN: u32 = 40; // ';x=: a name assigned right after leaving a JS string, waiting for a sink (';x=alert;x(1)//)
// A sink named in prose is not run: "the alert() function", "document.cookie policy". These hold the report for the
// next events; a word after a space means prose, anything else (or the end of the value) reports it as before.
const P_SINK_OPEN: u32 = 41;  // alert(: reported unless ')' closes it empty
const P_SINK_EMPTY: u32 = 42; // alert(): waiting for a space (: , . may come first: "alert(): shows a dialog")
const P_HELD_SP: u32 = 43;    // alert()  document.cookie  and a space: a word now is prose
const P_PROP_HELD: u32 = 44;  // document.cookie: waiting for a space
const P_ARR_SINK: u32 = 45;   // [alert]: waiting for '[' (an index into the array, then a call: [alert][0](1))
const P_ALIAS: u32 = 46;      // x=alert; (or ,): the sink given another name, waiting for a name
const P_ALIAS_NAME: u32 = 47; // x=alert;x: waiting for '(' (the alias called: x=alert;x(1))
const P_VALUEOF: u32 = 48;    // valueOf / toString: waiting for '=' (a conversion that runs what is assigned)
const P_VALUEOF_EQ: u32 = 49; // valueOf=: waiting for a sink (valueOf=alert;window+'')
// An on* name no list knows, outside a tag: a handler only with '=' glued to it (onx=alert(1)); with a space
// before the '=' it is a name declared in code (const onMatch = ...), any-tag at paranoia 2 as before
const P_ONNAME: u32 = 50;
const P_SCHEME_PROSE: u32 = 51; // javascript: after a word and a space ("In JavaScript:"), waiting for ':'
const P_BEHAVIOR_COLON: u32 = 52; // behavior: binding: waiting for url (what binds code; "stages of this behavior:" is prose)
const P_SINK_NUM: u32 = 53;   // alert(1: held as alert( is, waiting for ')' (then held as alert(): "my alert(1) test" is prose)
const P_HTMLPROP_EQ: u32 = 54; // .innerHTML=: held, waiting for the value (reported by anything but an empty string)
const P_HTMLPROP_Q: u32 = 55; // .innerHTML=': waiting for the same quote at once ('' writes no markup: el.innerHTML = '' clears)
const P_HTMLPROP_EMPTY: u32 = 56; // .innerHTML='': waiting for a '+' (what is added to the empty string is written: ''+html)
// A member of a held property stays held: location.hash.slice(1) and document.cookie.length, followed by a space and a
// word, name the value in a sentence; anything else after them (or the end) reports the property as before
const P_PROP_DOT: u32 = 57;   // document.cookie.: waiting for the member's name
const P_PROP_METHOD: u32 = 58; // document.cookie.split: waiting for '(' (a call, held as alert( is), '.' or a space
// A call whose argument is a name or a quoted string of words, followed by a space and a word, names the call in a
// sentence ("eval(expression) in R evaluates it", "prompt("Name?") returns null"): as code the word after the call
// is a syntax error, so nothing runs. The argument is read to its ')' (up to three levels of parentheses,
// eval(input())); a keyword of any XSS class inside it, or punctuation a sentence does not use (; { } [ ] < > ` \),
// reports the call as before, and so do the end of the value, a comment, a newline, ';' or the operators in and
// instanceof after it (alert(x) in window runs alert).
const P_SINK_ARG1: u32 = 59;  // alert(msg  alert('  : inside the argument list, one level deep
const P_SINK_ARG2: u32 = 60;  // eval(input(  : two levels
const P_SINK_ARG3: u32 = 61;  // three levels
const P_ARG_DONE: u32 = 62;   // alert(msg): waiting for a space (, : may come first: "eval(s), please")
const P_ARG_SP: u32 = 63;     // alert(msg) and a space: a word of letters now is prose, unless it is in or instanceof
const P_ARGQ_D: u32 = 64;     // alert("  : inside a string argument (one level deep), to its closing quote
const P_ARGQ_S: u32 = 65;     // alert('
const P_ARG_IN: u32 = 66;     // alert(msg) in  : waiting for a space (in and a name after it is an expression: alert(x) in window)
const P_ARG_IN_SP: u32 = 67;  // alert(msg) in : waiting for a word
const P_ARG_IN_W: u32 = 68;   // alert(msg) in R : waiting for a space, then a word (two names in a row is no JavaScript)
// A name inside the argument that reaches the page or runs code (document, cookie, alert, javascript, onerror ...)
// reports the call; tag and CSS words do not (eval(s), confirm(select)). Inside a string argument any word is text.
// Function(name)(): a function built from the code a name holds, then called at once (a string argument reports at
// its quote, as before); a plain name between the parentheses and ')(' glued after it (no sentence writes that)
const P_FUNC_NAME: u32 = 69;  // Function(name: waiting for ')'
const P_FUNC_CLOSE: u32 = 70; // Function(name): waiting for '(' or '`' glued to it, or '.' (then .call( .apply( as alert.call( is)
// ';location.: a member of location right after leaving a string. A page property or sink (.href) is read as after
// document.location. (P_OBJ_DOT); any other name is a method called as ';history.pushState( is (';location.assign(...)//)
const P_BRK_DOT: u32 = 71;
// alert(s: the argument is the one letter s — English's plural marker, as in "Manage your alert(s)"; anything but a ')'
// glued to it goes on as P_SINK_ARG1 (alert(s+document.cookie), alert(s and the end of the value still report)
const P_SINK_PLURAL: u32 = 72;
// alert(s): as P_ARG_DONE, except that the end of the value releases it — a word with its plural marker ends a sentence;
// code goes on after the call ('-alert(s)-', alert(s)// and alert(s); still report, as after any held call)
const P_PLURAL_DONE: u32 = 73;
// expression( : waiting for its first event — the one letter s glued to it (P_CSS_S) may be English's plural marker
// ("regular expression(s)"); anything else reports the expression, spanned to its '(' as before
const P_CSS_OPEN: u32 = 74;
const P_CSS_S: u32 = 75;      // expression(s : a ')' glued to it closes the plural, no expression; anything else reports
// behavior: binding: — a CSS comment before or after the ':' is nothing to the CSS parser (-moz-binding/**/:url(x),
// behavior:/**/url(x.htc)), so the wait goes through it: '/' (SL), '/*' (CMT, words and punctuation inside it kept unless
// they pend something of their own), '*' inside it (STAR), and '*/' returns to the wait. The BEH_ kinds wait for the ':',
// the BEHC_ kinds for url (after the ':').
const P_BEH_SL: u32 = 76;
const P_BEH_CMT: u32 = 77;
const P_BEH_STAR: u32 = 78;
const P_BEHC_SL: u32 = 79;
const P_BEHC_CMT: u32 = 80;
const P_BEHC_STAR: u32 = 81;
// window?.  a global and '?' glued: '.' makes the optional chain (window?.['al'+'ert'](1) runs as window['al'+'ert'](1)
// does when window is there, which it always is); anything else is a conditional's '?'
const P_OBJ_Q: u32 = 82;
const ARG_DANGER: u64 = K_X_EVENT | K_X_SCHEME | K_X_DATA | K_X_SINK_CALL | K_X_SINK_STRONG | K_X_OBJ | K_X_PROP;

/** A sink named and held for what follows (prose, or code that runs it): see heldPunct, heldWord, xssFinish. */
// @ts-ignore: decorator
@inline function heldSink(p: u32): bool {
  return (p >= P_SINK_OPEN && p <= P_PROP_HELD) || p == P_SINK_NUM || p == P_PROP_DOT || p == P_PROP_METHOD || (p >= P_SINK_ARG1 && p <= P_ARG_IN_W) ||
    p == P_SINK_PLURAL || p == P_PLURAL_DONE;
}

// A script scheme in prose ("javascript: the good parts", "the javascript: protocol is deprecated") runs
// nothing: the scheme is held from its ':' (region ST_XSS2) and reported by the first sign of code after
// it — a word glued to the ':', punctuation JavaScript needs and prose does not (( = ; ' " < / ...), a
// word glued after a '.' — or by the end of the value; only words and sentence punctuation to the end is prose.
const S2_START: u32 = 0;  // the held scheme's start
const S2_END: u32 = 4;    // end of its ':'
const S2_MODE: u32 = 8;   // 0 none, 1 ':' just read, 2 a space after it, 3 and a word since; 4 and 5 as 1 and 2
                          // for a scheme named after a word and a space: nothing after it ("In JavaScript:") is prose;
                          // 6 javascript:void 7 void( 8 void(0 9 void(0): the link that does nothing (see schemePunct);
                          // 10 as 3 right after a name that is no operator keyword, 11 and a space after it: a second
                          // name now ("javascript: the good parts") is a syntax error, so nothing in the value runs;
                          // 12 a name glued to the ':' (javascript:name runs: it renders window.name), 13 and a space after
                          // it: a second name now (JavaScript:The Definitive Guide) is that syntax error too — 14, released
                          // by a space or the end after it (a call glued to it still reports: ale rt('x') split by spaces)
const S2_DOT: u32 = 12;   // end of a '.' since (a word glued to it is a member access)
// Open parentheses, innermost in bit 0: 1 for a call's ('(' glued to a name), so a sink that closes an
// argument list after a comma is handed to a call as a callback: [].find.call([1],alert), on('error', alert).
const S2_PARENS: u32 = 16;
const S2_DEPTH: u32 = 20;
const S2_COMMA_SINK: u32 = 24; // start + 1 of a strong sink named right after a ',' or ':' (only spaces between)
const S2_LOOKUP: u32 = 28;      // 1 once a DOM lookup (document.querySelector ...) was read: a property of what it found may be written

/** Track '(' and ')'; returns whether a ')' closes a call's argument list. */
function parens(s2: usize, c: u32, call: bool): bool {
  const depth = g32(s2, S2_DEPTH);
  const stack = g32(s2, S2_PARENS);
  if (c == 0x28) { s32(s2, S2_PARENS, (stack << 1) | (call ? 1 : 0)); s32(s2, S2_DEPTH, depth + 1); return false; }
  if (depth == 0) return false;
  s32(s2, S2_PARENS, stack >> 1); s32(s2, S2_DEPTH, depth - 1);
  return depth <= 32 && (stack & 1) != 0;
}

function schemeReport(st: usize, s2: usize): void {
  report(st, R_XSS_JS_URI, g32(s2, S2_START), g32(s2, S2_END));
  s32(s2, S2_MODE, 0);
}

const W_VOID: usize = memory.data<u8>([0x76, 0x6f, 0x69, 0x64]);

function schemeWord(st: usize, s2: usize, word: usize, len: u32, start: u32): void {
  const mode = g32(s2, S2_MODE);
  // javascript:void(0) — a link that runs nothing: named in a sentence (a space and words after it), or closing its
  // attribute (a quote right after it), it is no finding; alone, at the end of the value, it is reported as before
  if ((mode == 1 || mode == 4) && len == 4 && memory.compare(word, W_VOID, 4) == 0) s32(s2, S2_MODE, 6);
  else if (mode == 7 && len == 1 && load<u8>(word) == 0x30) s32(s2, S2_MODE, 8);
  // JavaScript:The Definitive Guide, Learning JavaScript:ES2020 Edition: a name glued to the ':' is held (alone to the end,
  // or with anything but a space and a second name after it, it still reports: javascript:name, javascript:top.alert(1))
  else if ((mode == 1 || mode == 4) && !jsOperatorWord(word, len)) s32(s2, S2_MODE, 12);
  else if (mode == 13 && !jsOperatorWord(word, len) && g32(st + ST_XSS4, X4_VB) == 0) s32(s2, S2_MODE, 14);
  else if (mode == 1 || mode == 4 || (mode >= 6 && mode <= 9) || mode >= 12 || g32(s2, S2_DOT) == start) schemeReport(st, s2);
  else if (jsOperatorWord(word, len)) s32(s2, S2_MODE, 3); // void alert(1)  x in alert(1)
  // two names with a space between: prose, released (not in VBScript, where msgbox 1 is a call)
  else s32(s2, S2_MODE, mode == 11 && g32(st + ST_XSS4, X4_VB) == 0 ? 0 : 10);
}

// Keywords a name may follow or precede with only a space between in script (new Image, void x, x in y, var a ...): the
// keyword operators (kwOperator) and these declaration and statement words (var let const function async class extends
// import export break continue from as), length-prefixed
const JS_DECLARATIONS: usize = memory.data<u8>([
  3, 0x76, 0x61, 0x72, 3, 0x6c, 0x65, 0x74, 5, 0x63, 0x6f, 0x6e, 0x73, 0x74,
  8, 0x66, 0x75, 0x6e, 0x63, 0x74, 0x69, 0x6f, 0x6e, 5, 0x61, 0x73, 0x79, 0x6e, 0x63, 5, 0x63, 0x6c, 0x61, 0x73, 0x73,
  7, 0x65, 0x78, 0x74, 0x65, 0x6e, 0x64, 0x73, 6, 0x69, 0x6d, 0x70, 0x6f, 0x72, 0x74,
  6, 0x65, 0x78, 0x70, 0x6f, 0x72, 0x74, 5, 0x62, 0x72, 0x65, 0x61, 0x6b,
  8, 0x63, 0x6f, 0x6e, 0x74, 0x69, 0x6e, 0x75, 0x65, 4, 0x66, 0x72, 0x6f, 0x6d, 2, 0x61, 0x73,
  0,
]);

function jsOperatorWord(word: usize, len: u32): bool {
  if (kwOperator(word, len)) return true;
  let e = JS_DECLARATIONS;
  while (true) {
    const l = <u32>load<u8>(e);
    if (l == 0) return false;
    if (len == l && memory.compare(e + 1, word, len) == 0) return true;
    e += l + 1;
  }
  return false;
}

// JavaScript keywords that take an expression after a space (void typeof return new await delete throw yield in
// instanceof case else do of): a sink name after one is called, not named in prose (see sinkProse).
// Compared as little-endian loads of the word's bytes by length: this test runs for every word, and a table walk
// with a call per word cost about a sixth of a prose line's scan. (A word added here goes into xssOrdinaryShape's
// list too: scanner.ts's ordinary words skip this test.)
// @ts-ignore: decorator
@inline function kwOperator(word: usize, len: u32): bool {
  if (len == 2) { const v = <u32>load<u16>(word); return v == 0x6e69 || v == 0x6f64 || v == 0x666f; } // in do of
  if (len == 4) { const v = load<u32>(word); return v == 0x64696f76 || v == 0x65736163 || v == 0x65736c65; } // void case else
  if (len == 3) return <u32>load<u16>(word) == 0x656e && <u32>load<u8>(word + 2) == 0x77; // new
  if (len == 5) {
    const v = load<u32>(word), last = <u32>load<u8>(word + 4);
    return (v == 0x69617761 && last == 0x74) || (v == 0x6f726874 && last == 0x77) || (v == 0x6c656979 && last == 0x64); // await throw yield
  }
  if (len == 6) {
    const v = load<u32>(word), tail = <u32>load<u16>(word + 4);
    return (v == 0x65707974 && tail == 0x666f) || (v == 0x75746572 && tail == 0x6e72) || (v == 0x656c6564 && tail == 0x6574); // typeof return delete
  }
  return len == 10 && load<u64>(word) == 0x65636e6174736e69 && <u32>load<u16>(word + 8) == 0x666f; // instanceof
}

function schemePunct(st: usize, s2: usize, c: u32, end: u32): void {
  const space = c == 0x20 || c == 0x0a;
  const mode = g32(s2, S2_MODE);
  // (a closing bracket right after the ':' — I love JavaScript:) — can start no script: a syntax error, nothing runs)
  if (mode == 1 || mode == 4) {
    if (space) s32(s2, S2_MODE, mode + 1);
    else if (c == 0x29 || c == 0x5d || c == 0x7d) s32(s2, S2_MODE, 0);
    else schemeReport(st, s2);
    return;
  }
  // (JavaScript:React, Node: a ',' after the name starts the next item of a list as the ':' did — a name that runs or a call
  // after it still reports, javascript:x,alert(1))
  // (only a real space is prose's: a line break between the names is where JavaScript inserts a ';' — javascript:top%0Aalert%0A(1)
  // runs top; alert(1) — and a tab or form feed is no space a title is written with; either keeps the scheme watched)
  if (mode >= 12) {
    if (c == 0x20) s32(s2, S2_MODE, mode == 14 ? 0 : 13);
    else if (c == 0x2c && mode == 12) s32(s2, S2_MODE, 1);
    else schemeReport(st, s2);
    return;
  }
  if (mode >= 6 && mode <= 9) {
    // void( void(0 ) — then a space (a sentence goes on: words and its punctuation only), the attribute's quote or
    // the end; anything else (; , // another call) runs code after it
    if (mode == 6 && c == 0x28) s32(s2, S2_MODE, 7);
    else if (mode == 8 && c == 0x29) s32(s2, S2_MODE, 9);
    else if (mode == 9 && c == 0x20) s32(s2, S2_MODE, 3);
    else if (mode == 9 && (c == 0x22 || c == 0x27)) s32(s2, S2_MODE, 0);
    else schemeReport(st, s2);
    return;
  }
  if (mode == 10 && c == 0x20) { s32(s2, S2_MODE, 11); return; }
  if (mode == 11 && c == 0x20) return;
  if (mode >= 10) s32(s2, S2_MODE, 3);
  if (c == 0x2e) s32(s2, S2_DOT, end);
  else if (!(space || c == 0x2c || c == 0x21 || c == 0x3f || c == 0x2d || c == 0x3a)) schemeReport(st, s2);
}

/** `x` is zero (scanBegin zeroes the state block): nothing else to set. */
export function xssInit(x: usize): void {}

/**
 * Browsers drop tab/newline inside a URL scheme, so "java&#9;script:" runs. Keep the words
 * split only by whitespace joined (bounded) and return the joined word's flags when it
 * has more than one part.
 */
function glue(x: usize, word: usize, len: u32, start: u32, end: u32): u64 {
  let gl = g32(x, X_GLUE_LEN);
  const ok = g32(x, X_GLUE_OK);
  if (ok == 0 || ok - 1 > start) {
    // only words that can begin a script scheme (javascript, vbscript, livescript, jscript, mocha) start a join
    // (maySpellScheme first: schemePrefix holds only for the shapes it admits)
    if (!(maySpellScheme(<u32>load<u8>(word), len > 1 ? <u32>load<u8>(word + 1) : 0) && schemePrefix(word, len))) { s32(x, X_GLUE_OK, 0); return 0; }
    gl = 0; s32(x, X_GLUE_PARTS, 0); s32(x, X_GLUE_START, start);
  }
  s32(x, X_GLUE_OK, end + 1);
  if (gl + len > GLUE_MAX) { s32(x, X_GLUE_LEN, 0); s32(x, X_GLUE_OK, 0); return 0; }
  memory.copy(x + X_GLUE + gl, word, len);
  gl += len;
  s32(x, X_GLUE_LEN, gl);
  const parts = g32(x, X_GLUE_PARTS) + 1;
  s32(x, X_GLUE_PARTS, parts);
  if (parts < 2 || gl < 5) return 0;
  return flagsOfBytes(x + X_GLUE, gl);
}

function pend(x: usize, kind: u32, start: u32, end: u32): void {
  s32(x, X_PEND, kind); s32(x, X_PEND_START, start); s32(x, X_PEND_END, end);
}

// Script schemes a whitespace-split word may start: javascript vbscript livescript jscript mocha.
const SCHEMES: usize = memory.data<u8>([
  10, 0x6a, 0x61, 0x76, 0x61, 0x73, 0x63, 0x72, 0x69, 0x70, 0x74,
  8, 0x76, 0x62, 0x73, 0x63, 0x72, 0x69, 0x70, 0x74,
  10, 0x6c, 0x69, 0x76, 0x65, 0x73, 0x63, 0x72, 0x69, 0x70, 0x74,
  7, 0x6a, 0x73, 0x63, 0x72, 0x69, 0x70, 0x74,
  5, 0x6d, 0x6f, 0x63, 0x68, 0x61,
  0,
]);

/** Is the word a proper prefix of a script scheme (so a join with the next word could spell one)? */
function schemePrefix(word: usize, len: u32): bool {
  let e = SCHEMES;
  while (true) {
    const l = <u32>load<u8>(e);
    if (l == 0) return false;
    if (len < l && memory.compare(e + 1, word, len) == 0) return true;
    e += l + 1;
  }
  return false;
}

/**
 * Could the word begin a script scheme? Its first two bytes (w1 is 0 for a one-byte word) decide
 * before schemePrefix compares: ja js vb li mo, or j v l m alone.
 */
// @ts-ignore: decorator
@inline function maySpellScheme(w0: u32, w1: u32): bool {
  return (w0 == 0x6a && (w1 == 0x61 || w1 == 0x73 || w1 == 0)) || (w0 == 0x76 && (w1 == 0x62 || w1 == 0)) ||
    (w0 == 0x6c && (w1 == 0x69 || w1 == 0)) || (w0 == 0x6d && (w1 == 0x6f || w1 == 0));
}

/** setTimeout or setInterval (both run a string as code) */
// @ts-ignore: decorator
@inline function isTimer(word: usize, w0: u32, w1: u32, len: u32): bool {
  return w0 == 0x73 && w1 == 0x65 && ((len == 10 && load<u8>(word + 3) == 0x74) || (len == 11 && load<u8>(word + 3) == 0x69));
}

/**
 * A '<' smuggled in the high half of a byte (US-ASCII with the top bit dropped: U+00BC '¼'
 * is '<' | 0x80, U+00BE '¾' is '>'): where the tag name starts in the word (after '¼' at
 * the start or after one other 2-byte character), or 0.
 */
function highBitLt(word: usize, w0: u32, w1: u32, len: u32): u32 {
  if (w0 == 0xc2 && w1 == 0xbc) return len > 2 && <u32>load<u8>(word + 2) - 0x61 < 26 ? 2 : 0;
  if (w0 >= 0xc2 && w0 < 0xe0 && len > 4 && load<u8>(word + 2) == 0xc2 && load<u8>(word + 3) == 0xbc)
    return <u32>load<u8>(word + 4) - 0x61 < 26 ? 4 : 0;
  return 0;
}

// "script" and "stylesheet" as bytes, compared in place (both are rare triggers)
const W_SCRIPT: usize = memory.data<u8>([0x73, 0x63, 0x72, 0x69, 0x70, 0x74]);
const W_BASE64: usize = memory.data<u8>([0x62, 0x61, 0x73, 0x65, 0x36, 0x34]);
const W_STYLESHEET: usize = memory.data<u8>([0x73, 0x74, 0x79, 0x6c, 0x65, 0x73, 0x68, 0x65, 0x65, 0x74]);
const W_NAMESPACE: usize = memory.data<u8>([0x6e, 0x61, 0x6d, 0x65, 0x73, 0x70, 0x61, 0x63, 0x65]);
const W_VALUEOF: usize = memory.data<u8>([0x76, 0x61, 0x6c, 0x75, 0x65, 0x6f, 0x66]);
const W_INSTANCEOF: usize = memory.data<u8>([0x69, 0x6e, 0x73, 0x74, 0x61, 0x6e, 0x63, 0x65, 0x6f, 0x66]);
const W_TOSTRING: usize = memory.data<u8>([0x74, 0x6f, 0x73, 0x74, 0x72, 0x69, 0x6e, 0x67]);

/** A number literal of digits only (1, 1337): the argument of a dialog call written as a test. */
function numberWord(word: usize, len: u32): bool {
  return len <= 10 && digitsOnly(word, len);
}

/** Does the word spell `lit` (length n)? */
// @ts-ignore: decorator
@inline function wordIs(word: usize, len: u32, lit: usize, n: u32): bool {
  return len == n && memory.compare(word, lit, n) == 0;
}

function reportTag(st: usize, q: u32, start: u32, end: u32): void {
  if ((q & TAGQ_SCRIPT) != 0) report(st, R_XSS_SCRIPT_TAG, start, end);
  if ((q & TAGQ_DANGER) != 0) report(st, R_XSS_DANGEROUS_TAG, start, end);
  if ((q & TAGQ_ANY) != 0) report(st, R_XSS_ANY_TAG, start, end);
}

// A tag opened right after leaving the value's context: "><qq> or '-;<qq/> (BT_*). An attribute break-out (a quote, then
// '>') followed by a complete start tag writes an element into the page, whatever its name: what scanners send to see
// the markup come back, and an injection's first step. Read event by event, each glued to the last (X_LAST_END): the
// name's first part a word starting with a letter (a digit is no tag in HTML: <3), parts of letters, digits and '_'
// (the lexer's words) with '-' between, then '>' or '/>'. After leaving a JavaScript string only a self-closing tag
// counts ('-;<x/>: in script a '<' compares, and <x> alone is as often a placeholder). Anything else (a space, another
// byte, a quote, the end) ends the watch: a tag with attributes is the tag rules' and xss.attribute-breakout's.
// Reported from the quote that left the context (X_QSTART: no quote comes between) to the '>'.

/** A word while a tag after a break-out is read (see BT_ATTR): a part of the name, or the end of the watch. */
function btWord(x: usize, w0: u32, start: u32): void {
  const bt = g32(x, X_PI);
  const ok = g32(x, X_LAST_END) == start && (bt & (BT_NAME | BT_SLASH)) == 0 &&
    (w0 - 0x61 < 26 || (w0 - 0x30 < 10 && g32(x, X_LT_END) - 1 != start)); // (the first part starts with a letter)
  s32(x, X_PI, ok ? bt | BT_NAME : bt & ~BT_ALL);
}

/** A punctuation byte while a tag after a break-out is read (see BT_ATTR): '-' '/' go on, '>' completes it. */
function btPunct(st: usize, x: usize, c: u32, start: u32, end: u32): void {
  const bt = g32(x, X_PI);
  let next: u32 = 0;
  if (g32(x, X_LAST_END) == start) {
    if ((bt & BT_NAME) != 0 && c == 0x2d) next = bt & ~BT_NAME;          // qq-: another part next
    else if ((bt & BT_NAME) != 0 && c == 0x2f) next = (bt & ~BT_NAME) | BT_SLASH; // qq/: '>' next
    else if (c == 0x3e && ((bt & BT_SLASH) != 0 || ((bt & BT_NAME) != 0 && (bt & BT_ATTR) != 0)))
      report(st, R_XSS_BREAKOUT_TAG, g32(x, X_QSTART), end);
  }
  s32(x, X_PI, (bt & ~BT_ALL) | next);
}

/**
 * The event after a tag name decides whether it was one: a browser reads the name up to whitespace, '/'
 * or '>', so a list or escape character glued to it (, \ ) [ ] } |) makes it no tag — WeakMap<object, T>
 * and \<object\> in prose and code, <object[]> in type docs. (Only these: fuzz lists glue others, <noscript# and the like.)
 */
function settleTag(st: usize, x: usize, c: u32, start: u32, final: bool): void {
  const pi = g32(x, X_PI);
  s32(x, X_PI, pi & ~TAGQ_ALL);
  const nameEnd = g32(x, X_NAME_END) - 1;
  if (!final && start == nameEnd && (c == 0x2c || c == 0x5c || c == 0x29 || c == 0x5b || c == 0x5d || c == 0x7d || c == 0x7c)) {
    s32(x, X_INTAG, 0); s32(x, X_NAME_END, 0);
    return;
  }
  reportTag(st, pi & TAGQ_ALL, g32(x, X_LT_START), nameEnd);
}

/** Nothing pending: a plain word or a space cannot change the state (except the last end). */
// @ts-ignore: decorator
@inline function idle(x: usize): bool {
  // (X_LT_END X_INTAG X_NAME_END X_DATA X_GLUE_OK X_URL X_PEND X_TPL are bytes 4-35: two vector loads, and X_QUOTE)
  return !v128.any_true(v128.or(v128.load(x, X_LT_END), v128.load(x, X_GLUE_OK))) && g32(x, X_QUOTE) == 0;
}
// @ts-ignore
assert(X_LT_END == 4 && X_INTAG == 8 && X_NAME_END == 12 && X_DATA == 16 && X_GLUE_OK == 20 && X_URL == 24 && X_PEND == 28 && X_TPL == 32);

/**
 * idle(), except that a quote's breakout watch may be under way (P_BRK pending, X_QUOTE open): a plain
 * word ends both (the full path sets X_QUOTE to 0 for every word that names no tag), so it can still
 * take the fast path (quotes are everywhere in SQL).
 */
// @ts-ignore: decorator
@inline function quietAfterQuote(x: usize): bool {
  const p = g32(x, X_PEND);
  return ((p == P_BRK ? 0 : p) | g32(x, X_DATA) | g32(x, X_LT_END) | g32(x, X_NAME_END) | g32(x, X_GLUE_OK) |
    g32(x, X_TPL) | g32(x, X_INTAG) | g32(x, X_URL)) == 0;
}

/** quietAfterQuote() with the quote's watch not open: a space keeps P_BRK as it is. */
// @ts-ignore: decorator
@inline function idleOrQuote(x: usize): bool {
  return g32(x, X_QUOTE) == 0 && quietAfterQuote(x);
}

// Word shapes xssWordFull's plain-word path leaves out even with no keyword class and nothing pending: an on* name,
// url, call bind, new +ADw, apply, in, valueOf toString, the start of a script scheme (ja js j vb v li l mo m), a
// high-bit '<' (on, one, only, once are plain there: an on* name has six bytes or more). Per first letter a-z: SHAPE_W1 has bit (w1 - 0x60) for a second letter, bit 31 for a one-byte word
// (or a second byte that is no letter); SHAPE_LEN bit min(len, 31) for the lengths those shapes have. A word both
// tables admit (or a word starting with a 2-byte character) goes to xssWordFull, which tells the shapes apart.
// In one table (SHAPE, generated from these two): row w0 - 0x61, column min(w1 - 0x60, 31), a u16 of the lengths
// (bit min(len, 15): every length bit above 15 is the on* row's "6 and up") that row and column leave out.
//   SHAPE_W1: (1 << 4) | (1 << 16), 1 << 9, 1 << 1, 0, 0, 0, 0, 0, 1 << 14, (1 << 1) | (1 << 19) | (1 << 31), 0, (1 << 9) | (1 << 31),
//     (1 << 15) | (1 << 31), 1 << 5, 1 << 14, 0, 0, 0, 0, 1 << 15, 1 << 18, (1 << 1) | (1 << 2) | (1 << 31), 0, 0, 0, 0
//     (ad ap | bi | ca | in | ja js j | li l | mo m | ne | on | to | ur | va vb v)
//   SHAPE_LEN: (1 << 3) | (1 << 5), 1 << 4, 1 << 4, 0, 0, 0, 0, 0, 1 << 2, 0x3fe, 0, 0x3fe,
//     0x1e, 1 << 3, 0xffffffc0, 0, 0, 0, 0, 1 << 8, 1 << 3, 0xfe, 0, 0, 0, 0
//     (a: ad(3) ap(5) | 4 | 4 | 2 | 1-9 | 1-9 | 1-4 | 3 | 6 and up | 8 | 3 | va(7) vb(2-7) v(1))
const SHAPE: usize = memory.data<u16>([
  0, 0, 0, 0, 0x28, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x28, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // a
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // b
  0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // c
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // d
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // e
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // f
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // g
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // h
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // i
  0, 0x3fe, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x3fe, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x3fe,  // j
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // k
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0x3fe, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x3fe,  // l
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x1e, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x1e,  // m
  0, 0, 0, 0, 0, 0x8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // n
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xffc0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // o
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // p
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // q
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // r
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // s
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // t
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // u
  0, 0xfe, 0xfe, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xfe,  // v
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // w
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // x
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // y
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // z
]);

// @ts-ignore: decorator
@inline function plainShape(w0: u32, w1: u32, len: u32): bool {
  const row = w0 - 0x61;
  if (row >= 26) return w0 < 0xc2 || w0 >= 0xe0;
  const k = w1 - 0x60;
  const at = SHAPE + (((<usize>row << 5) + (k < 31 ? <usize>k : <usize>31)) << 1);
  return ((<u32>load<u16>(at) >> (len < 15 ? len : 15)) & 1) == 0;
}

/**
 * For scanner.ts's ordinary words: are kwOperator false and plainShape true for every word of `len` bytes (15: 15 or
 * more) whose first byte is the letter `w0` and second `w1` (any byte but a-z when `anyW1`: plainShape reads them as one)?
 */
export function xssOrdinaryShape(w0: u32, w1: u32, len: u32, anyW1: bool): bool {
  // kwOperator's words by length and first two bytes: in do of, new, void case else, await throw yield, typeof return
  // delete, instanceof
  const op = !anyW1 && (
    (len == 2 && ((w0 == 0x69 && w1 == 0x6e) || (w0 == 0x64 && w1 == 0x6f) || (w0 == 0x6f && w1 == 0x66))) ||
    (len == 3 && w0 == 0x6e && w1 == 0x65) ||
    (len == 4 && ((w0 == 0x76 && w1 == 0x6f) || (w0 == 0x63 && w1 == 0x61) || (w0 == 0x65 && w1 == 0x6c))) ||
    (len == 5 && ((w0 == 0x61 && w1 == 0x77) || (w0 == 0x74 && w1 == 0x68) || (w0 == 0x79 && w1 == 0x69))) ||
    (len == 6 && ((w0 == 0x74 && w1 == 0x79) || (w0 == 0x72 && w1 == 0x65) || (w0 == 0x64 && w1 == 0x65))) ||
    (len == 10 && w0 == 0x69 && w1 == 0x6e));
  return !op && plainShape(w0, anyW1 ? 0x7f : w1, len);
}

/**
 * Shapes SHAPE admits that the full path still reads as plain words while nothing but a quote's watch is pending:
 * in without that watch (only "in after a quote continues a breakout), and call bind apply (and any word of their
 * length and first letters) unless glued to a '.' (alert.call`x`, Reflect.apply).
 */
// @ts-ignore: decorator
@inline function plainWhileQuiet(x: usize, w0: u32, w1: u32, len: u32, start: u32): bool {
  if (len == 2) return w0 == 0x69 && w1 == 0x6e && g32(x, X_PEND) == P_NONE;
  if ((len == 4 && ((w0 == 0x63 && w1 == 0x61) || (w0 == 0x62 && w1 == 0x69))) || (len == 5 && w0 == 0x61 && w1 == 0x70))
    return !(g32(x, X_LAST_END) == start && g32(x, X_PREV) == 0x2e);
  return false;
}

/**
 * What xssWord and xssPunct check before their fast paths: no style value, form target, held scheme or tag
 * rule open (the full functions' first steps), and nothing pending but a quote's breakout watch. The first four are
 * X_RARE's: it is set wherever one of them can become nonzero (styleBegin's call, sendWord and sendPunct, a
 * scheme's ':', a tag name's rules) and stays set to the value's end, so X_RARE == 0 means all four are zero; it
 * stands for X_TPL too (set with it). X_RARE, X_PEND and the fields idle() reads but X_QUOTE are the region's first
 * 32 bytes: two v128 loads, all zero in the common case; X_PEND may also be P_BRK.
 */
// @ts-ignore
assert(X_PEND == X_RARE + 16 + 3 * 4 && X_DATA == X_RARE + 16 && X_TPL >= X_RARE + 32 && X_GLUE + GLUE_MAX <= 128);
// @ts-ignore: decorator
@inline function quiet(x: usize): bool {
  const lo = v128.load(x, X_RARE);
  const hi = v128.load(x, X_RARE + 16);
  if (!v128.any_true(v128.or(lo, hi))) return true;
  return g32(x, X_PEND) == P_BRK && !v128.any_true(v128.or(lo, i32x4.replace_lane(hi, 3, 0)));
}

/** quiet(), or an object's name (this, window) or a weak sink (open, print, replace) pending with the rest as quiet. */
// @ts-ignore: decorator
@inline function quietOrObject(x: usize): bool {
  const lo = v128.load(x, X_RARE);
  const hi = v128.load(x, X_RARE + 16);
  if (!v128.any_true(v128.or(lo, hi))) return true;
  const p = g32(x, X_PEND);
  return (p == P_BRK || p == P_OBJ || p == P_SINK_WEAK) && !v128.any_true(v128.or(lo, i32x4.replace_lane(hi, 3, 0)));
}

// XSS classes that change nothing while quiet: a tag's (script, form, table, select, style ...) counts only as the name
// after '<' (X_LT_END, X_NAME_END), inside a tag (X_INTAG, X_STYLE), as data:'s subtype (X_DATA) or a high-bit '<'
// name (no plain shape); an attribute's (srcdoc, formaction, xlink) only inside a tag
const QUIET_CLASSES: u64 = K_X_TAG | K_X_TAG_DANGER | K_X_SCRIPT | K_X_ATTR_DANGER;

/**
 * Most words (prose, JSON values) arrive with the detector idle: no style value, form target, held scheme or tag
 * name open, nothing pending but a quote's watch. A word of no XSS class (or only QUIET_CLASSES, or a page
 * property not glued to a '.': search, hash, body) and no special shape then only ends the watch and moves the
 * last end: the same stores xssWordFull's plain-word path makes, here without its call (this wrapper is small
 * enough to be inlined into the lexer's emitWord).
 */
// @ts-ignore: decorator
@inline export function xssWord(st: usize, x: usize, flags: u64, word: usize, w0: u32, w1: u32, len: u32, start: u32, end: u32, ordinary: bool = false): void {
  // (`ordinary`: scanner.ts's word of a shape xssOrdinaryShape passes: no kwOperator word, plainShape true)
  if (!ordinary && kwOperator(word, len)) s32(st + ST_XSS4, X4_KWOP, end);
  do { // (each test leaves for the full path at once: early exits compile to plain branches)
    if ((flags & (K_FAMILY_XSS & ~(QUIET_CLASSES | K_X_PROP | K_X_OBJ | K_X_SINK_CALL))) != 0) break;
    // (an object's name or a weak sink pending, this or open and a space: a word that is no member ends it as a quote's watch)
    if (!quietOrObject(x)) break;
    if ((flags & K_X_PROP) != 0 && g32(x, X_LAST_END) == start && g32(x, X_PREV) == 0x2e) break; // (.innerHTML .href: P_HTMLPROP)
    if (!ordinary && !plainShape(w0, w1, len) && !plainWhileQuiet(x, w0, w1, len, start)) break;
    // an object's name (this, window, top, self: the full path's pend(P_OBJ) for them), a call sink not strong (open
    // print replace: P_SINK_WEAK; not constructor import function, or both classes), or a plain word
    if ((flags & (K_X_OBJ | K_X_SINK_CALL)) != 0) {
      if ((flags & K_X_SINK_CALL) == 0) pend(x, P_OBJ, start, end);
      else if ((flags & K_X_OBJ) == 0 && !(len == 11 && w0 == 0x63) && !(len == 6 && w0 == 0x69) && !(len == 8 && w0 == 0x66)) pend(x, P_SINK_WEAK, start, end);
      else break;
    } else s32(x, X_PEND, P_NONE);
    s32(x, X_QUOTE, 0);
    s32(x, X_LAST_END, end);
    return;
  } while (false);
  xssWordFull(st, x, flags, word, w0, w1, len, start, end);
}

function xssWordFull(st: usize, x: usize, flags: u64, word: usize, w0: u32, w1: u32, len: u32, start: u32, end: u32): void {
  if ((g32(x, X_PI) & BT_ALL) != 0) btWord(x, w0, start);
  if (styleOpen(st)) styleWord(st, flags, word, len, start, end);
  if (g32(x, X_INTAG) != 0 || g32(st + ST_XSS4, X4_SEND) != 0) sendWord(st, x, word, w0, w1, len, start, end);
  flags &= K_FAMILY_XSS; // (an SQL or shell keyword only, 'and' or 'set', takes the plain-word path)
  if (g32(st + ST_XSS2, S2_MODE) != 0) schemeWord(st, st + ST_XSS2, word, len, start);
  if ((g32(x, X_PI) & TAGQ_ALL) != 0) settleTag(st, x, 0x61, start, false);
  // Fast path: a word that is no keyword and cannot start a scheme join, an on* name or url(
  // (nor new, +ADw, apply, call, bind, a high-bit '<')
  if (flags == 0 && !(w0 == 0x6f && w1 == 0x6e) && !(len == 3 && w0 == 0x75 && w1 == 0x72) &&
      !(len == 4 && ((w0 == 0x63 && w1 == 0x61) || (w0 == 0x62 && w1 == 0x69))) &&
      !(len == 3 && ((w0 == 0x6e && w1 == 0x65) || (w0 == 0x61 && w1 == 0x64)) && load<u8>(word + 2) == 0x77) &&
      !(len == 5 && w0 == 0x61 && w1 == 0x70 && load<u8>(word + 2) == 0x70) && quietAfterQuote(x) &&
      !(len == 2 && w0 == 0x69 && w1 == 0x6e) && // (only "in" continues a quote's breakout: "in valueOf)
      !(len == 7 && w0 == 0x76 && w1 == 0x61) && !(len == 8 && w0 == 0x74 && w1 == 0x6f) && // (valueOf toString)
      !(maySpellScheme(w0, w1) && schemePrefix(word, len)) &&
      !(w0 >= 0xc2 && w0 < 0xe0 && highBitLt(word, w0, w1, len) != 0)) {
    s32(x, X_PEND, P_NONE);
    s32(x, X_QUOTE, 0);
    s32(x, X_LAST_END, end);
    return;
  }
  const wordStart = start;
  if (len <= GLUE_MAX) {
    const joined = glue(x, word, len, start, end);
    if ((joined & K_X_SCHEME) != 0) { flags |= joined; start = g32(x, X_GLUE_START); }
  } else s32(x, X_GLUE_OK, 0);
  // Complete what the previous events left pending (OBJ '.' PROP, chains, tagged calls ...)
  const p0 = g32(x, X_PEND);
  // a word inside a CSS comment in the behavior: binding: wait keeps the wait, unless it pends something of its own
  const cmtWait = p0 == P_BEH_CMT || p0 == P_BEH_STAR ? P_BEH_CMT : p0 == P_BEHC_CMT || p0 == P_BEHC_STAR ? P_BEHC_CMT : P_NONE;
  const p = p0 == P_BRK_DOT ? P_OBJ_DOT : p0 == P_SINK_PLURAL ? P_SINK_ARG1 : p0 == P_PLURAL_DONE ? P_ARG_DONE : p0;
  const adjacentPend = g32(x, X_PEND_END) == start;
  const pendStart = g32(x, X_PEND_START);
  let brk = p0 == P_BRK_DOT && (flags & (K_X_PROP | K_X_SINK_STRONG)) == 0;
  let brkTarget = false;
  let method = false;
  let held = false;
  let idx = false;
  let num = false;
  let member = false;
  let fnName = false;
  let cssS = false;
  // valueOf, toString: assigning them runs code (valueOf=alert is a call without parentheses)
  const conversion = wordIs(word, len, W_VALUEOF, 7) || wordIs(word, len, W_TOSTRING, 8);
  // alert(1 — a number alone as the argument: held on to its ')' ("my alert(1) test in the console" names the call;
  // not inside a tag, where the word after an unquoted value is the next attribute: onerror=alert(1) src=x)
  let arg: u32 = 0;
  // body alone (not a member, .body) is a plain name in an argument: new Function(args, body), eval(body) in a sentence
  // (document.body and body.innerHTML still report through document and innerHTML)
  const plainBody = len == 4 && load<u32>(word) == 0x79646f62 && !(g32(x, X_LAST_END) == start && g32(x, X_PREV) == 0x2e);
  const argDanger: u64 = plainBody ? ARG_DANGER & ~K_X_PROP : ARG_DANGER;
  if (p == P_SINK_OPEN && adjacentPend && g32(x, X_INTAG) == 0 && numberWord(word, len)) num = true;
  // alert(msg  — a plain word as the argument (not inside a tag, as for a number): held to its ')'
  else if (p == P_SINK_OPEN && adjacentPend && g32(x, X_INTAG) == 0 && (flags & argDanger) == 0 && (w0 - 0x61 < 26 || w0 >= 0x80) && sinkCall(st, x, pendStart)) {
    // (only a name written as prose takes the plural: 1;alert(s), top.alert(s), (0,alert)(s), script:alert(s) and alert(s)
    // opening the value are calls — see sinkProse)
    arg = len == 1 && w0 == 0x73 && g32(st + ST_XSS4, X4_PROSE) == pendStart + 1 ? P_SINK_PLURAL : P_SINK_ARG1;
    if (g32(st + ST_XSS4, X4_PAREN) <= pendStart) s32(st + ST_XSS4, X4_PAREN, start); // (reported as alert( is)
  }
  // a word inside the argument: plain words keep it held, a keyword of any XSS class reports the call
  else if (p >= P_SINK_ARG1 && p <= P_SINK_ARG3) { if ((flags & argDanger) == 0) arg = p; else report(st, R_XSS_JS_SINK, pendStart, heldEnd(st, x, p)); }
  else if (p == P_ARGQ_D || p == P_ARGQ_S) arg = p;
  // alert(msg) word: prose, unless the word is an operator that continues the expression (in, instanceof): then
  // a name and another word must follow ("eval(expression) in R evaluates it")
  else if ((p == P_ARG_SP || p == P_ARG_IN_SP) && adjacentPend && w0 - 0x61 < 26) {
    const op = (len == 2 && w0 == 0x69 && w1 == 0x6e) || wordIs(word, len, W_INSTANCEOF, 10);
    if (p == P_ARG_IN_SP) arg = P_ARG_IN_W; else if (op) arg = P_ARG_IN;
  }
  else if (p == P_PROP_DOT && adjacentPend) member = true; // document.cookie.split
  else if (heldSink(p)) heldWord(st, x, p, adjacentPend && w0 - 0x61 < 26, pendStart);
  else if (p == P_HTMLPROP_EQ || p == P_HTMLPROP_Q) report(st, R_XSS_JS_SINK, pendStart, g32(x, X_LAST_END)); // el.innerHTML = html
  else if (p != P_NONE) { // (most words arrive with nothing pending)
    brk = (p == P_BRK_OP || brk) && adjacentPend && w0 - 0x61 < 26;
    // location too, right after leaving a string
    brkTarget = (brk || p == P_BRK_IN) && ((len == 8 && w0 == 0x6c && (flags & K_X_OBJ) != 0) || conversion);
    if (p == P_TICK && adjacentPend) report(st, R_XSS_JS_SINK, pendStart, end); // alert`1`
    if (p == P_APPLY_ARG && adjacentPend && (flags & K_X_SINK_STRONG) != 0) report(st, R_XSS_JS_SINK, pendStart, end); // Reflect.apply(alert
    if (p == P_BRK_ASSIGN && (flags & K_X_SINK_STRONG) != 0) report(st, R_XSS_JS_BREAKOUT, pendStart, end); // ';x=alert
    if (p == P_VALUEOF_EQ && (flags & K_X_SINK_STRONG) != 0) report(st, R_XSS_JS_SINK, pendStart, end); // valueOf=alert
    // setTimeout(function ...: a callback written out (its body is scanned as it comes); setTimeout(name, 1): code
    // from a string the name holds, or a callback — the same shape, so a named argument counts
    // (a plain name is held as alert(msg is, to its ')': "setTimeout(save, 500) runs twice" names the call; spanned as before)
    if (p == P_TIMER_ARG && (flags & ARG_DANGER) == 0 && w0 - 0x61 < 26 && g32(x, X_INTAG) == 0) {
      arg = P_SINK_ARG1;
      if (g32(st + ST_XSS4, X4_PAREN) <= pendStart) s32(st + ST_XSS4, X4_PAREN, end);
    }
    else if (p == P_TIMER_ARG && !(len == 8 && w0 == 0x66 && (flags & K_X_SINK_CALL) != 0)) report(st, R_XSS_JS_SINK, pendStart, end);
    if (p == P_IMPORT_PAREN && adjacentPend && w0 - 0x61 < 26) fnName = true; // Function(name
    if (p == P_ONPROP_EQ && (flags & K_X_SINK_STRONG) != 0) report(st, R_XSS_EVENT_HANDLER, pendStart, end); // window.onerror=alert
    // import('https:...')  import('data:...')  import('javascript:...')
    if (p == P_IMPORT_Q && adjacentPend && ((flags & (K_X_DATA | K_X_SCHEME)) != 0 ||
        ((len == 4 || (len == 5 && load<u8>(word + 4) == 0x73)) && w0 == 0x68 && w1 == 0x74 && load<u16>(word + 2) == 0x7074))) report(st, R_XSS_JS_SINK, pendStart, end);
    if (p == P_OBJ_IDX) {
      // words of the index string (window['al'+'ert']) keep the index open
      if (adjacentPend && (flags & (K_X_PROP | K_X_SINK_STRONG)) != 0) report(st, R_XSS_JS_SINK, pendStart, end); // window["cookie"]
      s32(x, X_GLUE_OK, 0); s32(x, X_LT_END, 0); s32(x, X_NAME_END, 0); s32(x, X_QUOTE, 0); s32(x, X_DATA, 0); s32(x, X_URL, 0);
      s32(x, X_LAST_END, end);
      return;
    }
    // document.cookie  window["alert"]; a method (document.write, window.open) only when it is called
    if (p == P_OBJ_DOT && adjacentPend && (flags & (K_X_PROP | K_X_SINK_STRONG)) != 0) {
      if ((flags & K_X_SINK_CALL) != 0 && (flags & K_X_SINK_STRONG) == 0) method = true;
      // document.querySelector  document.getElementById ...: a lookup reads the page and runs nothing (what is
      // done with the element found, a property written or a handler, is caught by itself)
      else if ((flags & K_X_SINK_STRONG) == 0 && (w0 == 0x71 || (w0 == 0x67 && w1 == 0x65))) s32(st + ST_XSS2, S2_LOOKUP, 1);
      // self[atob`YWxlcnQ`](1)  top[alert``]: a global indexed by a sink's or decoder's own name is that name at once (held,
      // a backtick after it would read as a code span closing: `document.cookie`)
      else if (g32(x, X_PREV) == 0x5b) report(st, R_XSS_JS_SINK, pendStart, end);
      else held = true; // document.cookie: reported by what follows (heldPunct, heldWord, xssFinish)
    }
    // top[8680439..toString(30)]: a number turned into the name (radix 30 spells it), as a string index
    else if (p == P_OBJ_DOT && adjacentPend && g32(x, X_PREV) == 0x5b && w0 - 0x30 < 10) idx = true;
    if (p == P_SCHEME && adjacentPend) { /* "javascript" glued to a word: not a scheme */ }
    if (p == P_BEHAVIOR_COLON && len == 3 && w0 == 0x75 && w1 == 0x72 && load<u8>(word + 2) == 0x6c) report(st, R_XSS_CSS_EXPRESSION, pendStart, end); // behavior:url
    // constructor.constructor reaches Function from any value
    if (p == P_CTOR_DOT && adjacentPend && len == 11 && w0 == 0x63 && (flags & K_X_SINK_CALL) != 0) report(st, R_XSS_JS_SINK, pendStart, end);
    // <?xml-stylesheet loads a stylesheet (XSL runs script); <?xml:namespace binds behaviours (IE)
    if (p == P_XML_DASH && adjacentPend && (wordIs(word, len, W_STYLESHEET, 10) || wordIs(word, len, W_NAMESPACE, 9)))
      report(st, R_XSS_DANGEROUS_TAG, pendStart, end);
    // expression\28 (and \0028 ...): a CSS-escaped '('
    if (p == P_CSS_ESC && adjacentPend) {
      let k: u32 = 0;
      while (k < 4 && k + 2 < len && load<u8>(word + k) == 0x30) k++;
      if (k + 1 < len && load<u8>(word + k) == 0x32 && load<u8>(word + k + 1) == 0x38) report(st, R_XSS_CSS_EXPRESSION, pendStart, end);
    }
    // expression( and its first word: the letter s alone waits for ')' (a plural); any other word reports the expression
    if (p == P_CSS_OPEN && adjacentPend && len == 1 && (w0 | 0x20) == 0x73) cssS = true;
    else if (p == P_CSS_OPEN || p == P_CSS_S) report(st, R_XSS_CSS_EXPRESSION, pendStart, g32(x, X_PEND_END));
  }
  s32(x, X_PEND, P_NONE);
  // ¼name¾: a tag whose angle brackets lost their top bit
  if (w0 >= 0xc2 && w0 < 0xe0) {
    const at = highBitLt(word, w0, w1, len);
    if (at != 0) {
      const stored = len < KW_MAX_WORD ? len : KW_MAX_WORD;
      if (at + 6 <= stored && memory.compare(word + at, W_SCRIPT, 6) == 0) {
        report(st, R_XSS_SCRIPT_TAG, start, end); report(st, R_XSS_CHARSET_EVASION, start, end);
      } else {
        for (let k = at + 1; k + 1 < stored; k++) { // the name closes with '¾' (bounded by the stored word)
          if (load<u8>(word + k) == 0xc2 && load<u8>(word + k + 1) == 0xbe) { report(st, R_XSS_CHARSET_EVASION, start, end); break; }
        }
      }
    }
  }

  // data: URI subtype
  const d = g32(x, X_DATA);
  if (d == 5 && g32(x, X_LAST_END) == start && w0 - 0x61 < 26) report(st, R_XSS_JS_URI, g32(x, X_DSTART), end); // data:,<b
  // data:text/html is blocked: a markup type named in a sentence (a space, a word of letters and a space after it) is
  // no URI (a data: URL needs its ','); anything else after it, or the end, reports it as before (spanned to the type)
  const dk = d & 0xff;
  if (dk >= 7 && dk <= 9) {
    if (dk == 8 && w0 - 0x61 < 26) s32(x, X_DATA, (d & ~0xff) | 9);
    else { report(st, R_XSS_JS_URI, g32(x, X_DSTART), g32(x, X_DSTART) + (d >> 8)); s32(x, X_DATA, 0); }
  }
  else if (d == 1 && g32(x, X_LAST_END) == start) s32(x, X_DATA, 2);
  else if (d == 3 && g32(x, X_LAST_END) == start) {
    if ((flags & (K_X_TAG | K_X_TAG_DANGER | K_X_SCHEME | K_X_SCRIPT)) != 0) s32(x, X_DATA, ((end - g32(x, X_DSTART)) << 8) | 7);
    else s32(x, X_DATA, 6); // any other type: markup right after the ',' still counts (data:application/xhtml+xml,<b)
  } else if (d == 6 && g32(x, X_LAST_END) == start) {
    // application/xhtml+xml, application/rss+xml: a '+xml' suffix makes any subtype an XML document, which runs its script
    if (g32(x, X_PREV) == 0x2b && (flags & (K_X_TAG | K_X_TAG_DANGER)) != 0) s32(x, X_DATA, ((end - g32(x, X_DSTART)) << 8) | 7);
  } else if (d == 12 && g32(x, X_LAST_END) == start) {
    // data:;base64, data:;charset=utf-8;base64, — no media type, base64 content: what a <script src> runs as script (a
    // document has a type); the parameters before it keep the state
    if (wordIs(word, len, W_BASE64, 6)) report(st, R_XSS_JS_URI, g32(x, X_DSTART), end);
  }
  // PHP code in a data: URI (data:,<?php  data:;base64,PD9waHA... is base64 of "<?php"): what PHP's include runs through its
  // data:// wrapper (allow_url_include), the payload of Wapiti's and the LFI cheat sheets' inclusion checks
  else if ((d == 11 || d == 4) && g32(x, X_LAST_END) == start && ((d == 11 && len == 3 && load<u16>(word) == 0x6870 && load<u8>(word + 2) == 0x70) ||
    (d == 4 && len >= 7 && (load<u32>(word) | 0x20202020) == 0x77396470 && (load<u16>(word + 4) | 0x2020) == 0x6861 &&
     (load<u8>(word + 6) | 0x20) == 0x61))) { // (case-blind: the word may be folded)
    report(st, R_PATH_FILE_SCHEME, g32(x, X_DSTART), end); s32(x, X_DATA, 0);
  }
  else s32(x, X_DATA, 0);

  // Tag name right after '<' or '</' (or after a namespace prefix 'xi:')
  const lt = g32(x, X_LT_END);
  if ((lt != 0 && lt - 1 == start) || (g32(x, X_NAME_END) != 0 && g32(x, X_NAME_END) - 1 == start)) {
    // (" ADw-name" is a tag only for script: product codes like "ADW-Form" exist)
    const pi = g32(x, X_PI) & 0xff;
    const isLetter = w0 - 0x61 < 26 && !(pi == 3 && (flags & K_X_SCRIPT) == 0);
    if (isLetter) {
      const ltStart = g32(x, X_LT_START);
      const xmlDecl = pi == 1 && len == 3 && w0 == 0x78 && w1 == 0x6d;
      if (pi >= 2) report(st, R_XSS_CHARSET_EVASION, ltStart, end);
      // the tag rules wait for the byte after the name (settleTag), except for UTF-7 markup ("+AD4-" follows at once)
      let q: u32 = TAGQ_ANY;
      if (xmlDecl) pend(x, P_XML, ltStart, end);
      else if ((flags & K_X_SCRIPT) != 0) q |= TAGQ_SCRIPT;
      else if ((flags & K_X_TAG_DANGER) != 0 && g32(x, X_NAME_END) == 0) q |= TAGQ_DANGER;
      else if ((flags & K_X_TAG_DANGER) != 0 && (flags & K_X_TAG) == 0) q |= TAGQ_DANGER;
      if (pi >= 2) reportTag(st, q, ltStart, end);
      else { s32(x, X_PI, pi | q | (g32(x, X_PI) & BT_ALL)); s32(x, X_RARE, 1); }
      s32(x, X_INTAG, ltStart + 1);
      s32(x, X_NAME_END, end + 1);
    }
    if (arg != 0) pend(x, arg, pendStart, end); // (a tag name inside a held call's string: still held, "<b>")
    // no tag name but a script scheme or a dialog: a Markdown autolink (<javascript:alert(1)>, <data:text/html,...>), or
    // '<' comparing in script after leaving a string ('<alert(1)//): read as outside a tag
    else if (g32(x, X_PEND) == P_NONE && (flags & (K_X_TAG | K_X_TAG_DANGER | K_X_SCRIPT)) == 0) {
      if ((flags & K_X_SCHEME) != 0) { pend(x, P_SCHEME, start, end); s32(st + ST_XSS4, X4_VB, w0 == 0x76 ? 1 : 0); }
      else if ((flags & K_X_SINK_STRONG) != 0) pend(x, isTimer(word, w0, w1, len) ? P_TIMER : P_SINK, start, end);
      else if ((flags & K_X_OBJ) != 0) pend(x, P_OBJ, start, end); // '<window['alert'](1) (indexed only: see xssPunct)
    }
    if (arg == 0 && (flags & K_X_DATA) != 0) { s32(x, X_DATA, 10); s32(x, X_DSTART, start); } // (<data value=1> is a tag: the space ends it)
    s32(x, X_LT_END, 0);
    s32(x, X_LAST_END, end);
    if (cmtWait != P_NONE && g32(x, X_PEND) == P_NONE) pend(x, cmtWait, pendStart, end);
    return;
  }
  s32(x, X_LT_END, 0);
  s32(x, X_NAME_END, 0);
  s32(x, X_QUOTE, 0);

  const urlOpen = g32(x, X_URL) == 2;
  if (urlOpen && (flags & K_X_SCHEME) != 0) report(st, R_XSS_JS_URI, g32(x, X_URL_START), end);
  s32(x, X_URL, len == 3 && w0 == 0x75 && w1 == 0x72 && load<u8>(word + 2) == 0x6c ? 1 : 0);
  if (g32(x, X_URL) == 1) {
    s32(x, X_URL_START, start);
    // where CSS writes a url(: a property's value (background:url( src:url( a list's next item) or @import url(
    const prevP = g32(x, X_PREV);
    if (prevP == 0x3a || prevP == 0x2c || (prevP == 0x40 && g32(x, X_PUNCT_END) != start)) s32(st + ST_XSS4, X4_CSSURL, start + 1);
  }
  // url(http  url(https: an address on another site may follow (see cssBraces)
  else if (urlOpen && (len == 4 || (len == 5 && load<u8>(word + 4) == 0x73)) && w0 == 0x68 && w1 == 0x74 && load<u16>(word + 2) == 0x7074) s32(x, X_URL, 4);
  // ${alert}  inside a template literal
  const tpl = g32(x, X_TPL) == start + 1;
  if (tpl && (flags & K_X_SINK_STRONG) != 0) report(st, R_XSS_JS_SINK, start - 2, end);
  const prev = g32(x, X_PREV);
  const afterPrev = g32(x, X_LAST_END) == start; // the previous punctuation touches this word
  // (x.onload = fn outside a tag is everyday JS: a handler property counts when a sink is assigned to it)
  if ((flags & K_X_EVENT) != 0) pend(x, afterPrev && prev == 0x2e && g32(x, X_INTAG) == 0 ? P_ONPROP : P_EVENT, start, end);
  else if (w0 == 0x6f && w1 == 0x6e && len >= 6) {
    const loose = !afterPrev || prev == 0x22 || prev == 0x27 || prev == 0x2f;
    // (only whitespace before it at the start of the value counts too: "  onx=")
    // a query parameter glued to '?' or '&' outside a tag (?online=1&onsale=true) is no attribute: no browser reads
    // one there, so it is not even any-tag's (a handler a list knows, &onerror=, is read above as before)
    if (afterPrev && (prev == 0x3f || prev == 0x26) && g32(x, X_INTAG) == 0) {}
    else pend(x, loose && (g32(x, X_LAST_END) != 0 || start != 0) ? (g32(x, X_INTAG) != 0 ? P_EVENT : P_ONNAME) : P_ONWORD, start, end);
  }
  else if ((flags & K_X_SCHEME) != 0) {
    const afterWord = !afterPrev && wordStart == start && g32(x, X_LAST_END) != 0 && g32(x, X_LAST_END) != g32(x, X_PUNCT_END);
    pend(x, afterWord ? P_SCHEME_PROSE : P_SCHEME, start, end);
    s32(st + ST_XSS4, X4_VB, (wordStart == start ? w0 : <u32>load<u8>(x + X_GLUE)) == 0x76 ? 1 : 0);
  }
  else if ((flags & K_X_SINK_STRONG) != 0) {
    sinkProse(st, x, afterPrev, start);
    pend(x, isTimer(word, w0, w1, len) ? P_TIMER : P_SINK, start, end);
    if ((prev == 0x2c || prev == 0x3a) && g32(x, X_LAST_END) == g32(x, X_PUNCT_END)) s32(st + ST_XSS2, S2_COMMA_SINK, start + 1); // (after ',' ':' and spaces only)
  }
  else if ((flags & K_X_OBJ) != 0) pend(x, P_OBJ, start, end);
  else if ((flags & K_X_CSS) != 0) {
    // (-moz-binding, data-binding: the name alone binds nothing; the ':' and url after it report, as for behavior:, comments
    // between them skipped — the name glued after any '-' was reported at once, "two-way data-binding" too)
    pend(x, w0 == 0x65 ? P_CSS : P_BEHAVIOR, start, end);
  } else if ((flags & K_X_SINK_CALL) != 0) {
    sinkProse(st, x, afterPrev, start);
    if (len == 8 && w0 == 0x66 && p == P_NEW) pend(x, P_SINK, pendStart, end); // new Function
    else if (len == 11 && w0 == 0x63) pend(x, P_CTOR, start, end);             // constructor
    else if (len == 6 && w0 == 0x69) pend(x, P_IMPORT, start, end);            // import
    else if (len == 8 && w0 == 0x66) pend(x, P_FUNC, start, end);              // function
    else pend(x, P_SINK_WEAK, start, end);
  } else if (len == 3 && w0 == 0x6e && w1 == 0x65 && load<u8>(word + 2) == 0x77) pend(x, P_NEW, start, end);
  else if (len == 3 && w0 == 0x61 && w1 == 0x64 && load<u8>(word + 2) == 0x77 && (prev == 0x2b || !afterPrev)) {
    pend(x, afterPrev ? P_UTF7 : P_UTF7_SP, start, end); // +ADw (a '+' may arrive as a space)
  }
  // .call`x`  .apply`x`: a call through a tagged template; alert.call( alert.bind(
  const dotted = afterPrev && prev == 0x2e;
  if (dotted && ((len == 4 && w0 == 0x63 && w1 == 0x61 && load<u16>(word + 2) == 0x6c6c) ||
      (len == 5 && w0 == 0x61 && w1 == 0x70 && load<u16>(word + 2) == 0x6c70 && load<u8>(word + 4) == 0x79) ||
      (len == 4 && w0 == 0x62 && w1 == 0x69 && load<u16>(word + 2) == 0x646e))) {
    if (p == P_SINK_DOT && adjacentPend) pend(x, P_SINK, pendStart, end);
    else pend(x, P_TAGCALL, start, end);
  }
  // el.innerHTML= el.outerHTML=, and after a DOM lookup any page property written (.textContent= .href=)
  if (dotted && (flags & K_X_PROP) != 0 && ((len == 9 && (w0 == 0x69 || w0 == 0x6f)) || g32(st + ST_XSS2, S2_LOOKUP) != 0)) pend(x, P_HTMLPROP, start, end);
  if (method) pend(x, P_SINK, pendStart, end); // document.write( window.open`
  if (held) pend(x, P_PROP_HELD, pendStart, end);
  if (num) {
    pend(x, P_SINK_NUM, pendStart, end);
    if (g32(st + ST_XSS4, X4_PAREN) <= pendStart) s32(st + ST_XSS4, X4_PAREN, start); // (a held property's end stays)
  }
  // (a name with a meaning of its own, document.body.innerHTML or .appendChild, reports the property at once, as before)
  if (member && g32(x, X_PEND) == P_NONE) pend(x, P_PROP_METHOD, pendStart, end);
  else if (member) report(st, R_XSS_JS_SINK, pendStart, g32(st + ST_XSS4, X4_PAREN));
  if (idx) pend(x, P_OBJ_IDX, pendStart, end);
  // '-name(  ";name(  '}};name(: a call right after leaving a JS string
  if (brkTarget) pend(x, P_BRK_NAME, pendStart, end);
  else if (brk && (g32(x, X_PEND) == P_NONE || g32(x, X_PEND) == P_SINK_WEAK)) pend(x, P_BRK_CALL, pendStart, end);
  else if (p == P_BRK && len == 2 && w0 == 0x69 && w1 == 0x6e) pend(x, P_BRK_IN, pendStart, end); // "in
  else if (g32(x, X_PEND) == P_NONE && p == P_ALIAS && adjacentPend && w0 - 0x61 < 26) pend(x, P_ALIAS_NAME, pendStart, end); // x=alert;x
  else if (g32(x, X_PEND) == P_NONE && conversion) pend(x, P_VALUEOF, start, end);
  else if (g32(x, X_PEND) == P_NONE && fnName) pend(x, P_FUNC_NAME, pendStart, end);
  // (a word that starts something of its own inside the argument, an on* name or a scheme, reports the call; an
  // object's name inside a string is text: confirm("Delete this row?"))
  // (a CSS word, expression or behavior, is a plain name in a JS argument: eval(expression) in R evaluates it)
  const argPend = g32(x, X_PEND);
  if (arg != 0 && argPend != P_NONE && !((arg == P_ARGQ_D || arg == P_ARGQ_S) && argPend == P_OBJ) && !((arg == P_SINK_ARG1 || arg == P_SINK_PLURAL) && (argPend == P_CSS || argPend == P_BEHAVIOR)))
    report(st, R_XSS_JS_SINK, pendStart, g32(st + ST_XSS4, X4_PAREN));
  else if (arg != 0) pend(x, arg, pendStart, end);
  if (cssS) pend(x, P_CSS_S, pendStart, end);
  if ((flags & K_X_DATA) != 0) { s32(x, X_DATA, 10); s32(x, X_DSTART, start); }
  if (g32(x, X_INTAG) != 0) {
    s32(x, X_ATTR, end + 1); s32(x, X_ASTART, start);
    // style (not a word of a quoted value: src="...?style=flat" is part of a URL)
    if (len == 5 && w0 == 0x73 && w1 == 0x74 && (flags & K_X_TAG_DANGER) != 0 && ((g32(x, X_PI) >> TAG_QUOTE_SHIFT) & 3) == 0) s32(x, X_STYLE, end + 1);
    if ((flags & K_X_ATTR_DANGER) != 0) report(st, R_XSS_DANGEROUS_TAG, g32(x, X_INTAG) - 1, end);
    // ev:handler= ev:listener: XML Events attributes bind script to events
    if ((flags & K_X_TAG_DANGER) != 0 && afterPrev && prev == 0x3a && ((len == 7 && w0 == 0x68) || (len == 8 && w0 == 0x6c)))
      report(st, R_XSS_DANGEROUS_TAG, g32(x, X_INTAG) - 1, end);
  }
  if (cmtWait != P_NONE && g32(x, X_PEND) == P_NONE) pend(x, cmtWait, pendStart, end);
  s32(x, X_LAST_END, end);
}

// An attribute that sends the page's data to its URL or fetches markup from it into the page: a form's action
// (what the user types, a password, goes there), htmx's hx-get hx-post hx-put hx-patch hx-delete (the response is
// swapped into the page, scripts and handlers included). On this site (/search) it is a form or a widget; on
// another (//host, http://host) it is a phishing form or markup the attacker serves. X4_SEND: 1 the name,
// 2 '=' (spaces and a quote may follow), 3 '/', 4 http or https, 5 "hx", 6 "hx-"; X4_SEND_END: adjacency.
const W_ACTION: usize = memory.data<u8>([0x61, 0x63, 0x74, 0x69, 0x6f, 0x6e]);

/** get post put patch delete: htmx's request verbs */
function httpVerb(word: usize, w0: u32, w1: u32, len: u32): bool {
  if (len == 3) return (w0 == 0x67 && w1 == 0x65 && load<u8>(word + 2) == 0x74) || (w0 == 0x70 && w1 == 0x75 && load<u8>(word + 2) == 0x74);
  if (len == 4) return w0 == 0x70 && w1 == 0x6f && load<u16>(word + 2) == 0x7473;
  if (len == 5) return w0 == 0x70 && w1 == 0x61 && load<u16>(word + 2) == 0x6374 && load<u8>(word + 4) == 0x68;
  if (len == 6) return w0 == 0x64 && w1 == 0x65 && load<u32>(word + 2) == 0x6574656c;
  return false;
}

function sendWord(st: usize, x: usize, word: usize, w0: u32, w1: u32, len: u32, start: u32, end: u32): void {
  const v = st + ST_XSS4;
  const s = g32(v, X4_SEND);
  const adj = g32(v, X4_SEND_END) == start;
  let next: u32 = 0;
  if (s == 2 && adj && (len == 4 || (len == 5 && load<u8>(word + 4) == 0x73)) && w0 == 0x68 && w1 == 0x74 && load<u16>(word + 2) == 0x7074) next = 4;
  else if (s == 6 && adj && httpVerb(word, w0, w1, len)) next = 1;
  // an attribute name: inside a tag, not inside a quoted value
  else if (g32(x, X_INTAG) != 0 && ((g32(x, X_PI) >> TAG_QUOTE_SHIFT) & 3) == 0) {
    if (wordIs(word, len, W_ACTION, 6)) next = 1;
    else if (len == 2 && w0 == 0x68 && w1 == 0x78) next = 5;
    if (next != 0) s32(v, X4_SEND_TAG, g32(x, X_INTAG) - 1);
  }
  if (next != 0) s32(x, X_RARE, 1);
  s32(v, X4_SEND, next); s32(v, X4_SEND_END, end);
}

function sendPunct(st: usize, c: u32, start: u32, end: u32): void {
  const v = st + ST_XSS4;
  const s = g32(v, X4_SEND);
  const adj = g32(v, X4_SEND_END) == start;
  const space = c == 0x20 || c == 0x0a;
  let next: u32 = 0;
  if (s == 1 && c == 0x3d) next = 2;
  else if (s == 1 && space) next = 1;
  else if (s == 2 && (space || c == 0x22 || c == 0x27)) next = 2;
  // (a backslash is a slash in an http(s) address: action=\\host, /\host and \/host go to another site as //host does)
  else if (s == 2 && adj && (c == 0x2f || c == 0x5c)) next = 3;
  else if (s == 5 && adj && c == 0x2d) next = 6;
  else if ((s == 3 && adj && (c == 0x2f || c == 0x5c)) || (s == 4 && adj && c == 0x3a)) report(st, R_XSS_DANGEROUS_TAG, g32(v, X4_SEND_TAG), end);
  if (next != 0) s32(st + ST_XSS, X_RARE, 1); // (already set by sendWord: s is nonzero)
  s32(v, X4_SEND, next); s32(v, X4_SEND_END, end);
}

/**
 * CSS injection into a style sheet: a '}' that closes a block the value never opened ends the page's rule, and a
 * '{' after it opens the attacker's (}*{...}, ;}input[value^=a]{...}). A url() in that rule loading from another
 * site leaks what the selector matched (an attribute's value, one character at a time) or that the page was seen.
 */
function cssBraces(st: usize, c: u32): void {
  const v = st + ST_XSS4;
  const depth = g32(v, X4_BRACES);
  if (c == 0x7b) {
    if (depth < 0xffff) s32(v, X4_BRACES, depth + 1);
    if (g32(v, X4_BREAK) == 1) s32(v, X4_BREAK, 2);
  } else {
    // &{...}: the entity's '}' — Netscape's JavaScript entity runs the script between its braces; an &{ never closed
    // (a generated password: X&{pKt9*) holds none
    const e = g32(v, X4_ENTITY);
    if (e != 0) { report(st, R_XSS_JS_ENTITY, e - 1, g32(v, X4_ENTITY_END)); s32(v, X4_ENTITY, 0); }
    if (depth != 0) s32(v, X4_BRACES, depth - 1);
    else if (g32(v, X4_BREAK) == 0) s32(v, X4_BREAK, 1);
  }
}

// X_PREV for a '(' glued to the word before it (a call's parenthesis, not a group's)
const PREV_CALL_PAREN: u32 = 0x128;
// @ts-ignore: decorator
@inline function prevCode(x: usize, c: u32, start: u32): u32 {
  return c == 0x28 && start != 0 && g32(x, X_LAST_END) == start && g32(x, X_PUNCT_END) != start ? PREV_CALL_PAREN : c;
}

// Punctuation that changes nothing while idle (only X_PREV and the ends): , ; ) ! ? * + % # & $ . ( : = - /
// and ] } ^ ~ | @ \ as bit sets over 0x00-0x3f and 0x40-0x7f. Quotes, < > { ` and whitespace are not in them.
const IDLE_PUNCT_LO: u64 = 0xac00ff7a00000000;
const IDLE_PUNCT_HI: u64 = 0x7000000070000001;

// Punctuation classes for xssPunct's fast paths, per byte (bytes 0x80 and up are in none: the lexer hands them to words)
const XC_SPACE: u32 = 1;   // ' ' '\n'
const XC_QUOTE: u32 = 2;   // " '
const XC_IDLE: u32 = 4;    // IDLE_PUNCT's bytes
const XC_BRK: u32 = 8;     // ; - * | & ^ } ) ]: they lead out of a JS string when glued to a quote
const XC_PAREN: u32 = 16;  // ( )
const XC_JSF: u32 = 32;    // ! ] +
const XC_BRACE: u32 = 64;  // }
const XP_CLASS: usize = memory.data<u8>([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 36, 2, 4, 4, 4, 12, 2, 20, 28, 12, 36, 4, 12, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 12, 0, 4, 0, 4,
  4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 44, 12, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 12, 76, 4, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
]);

/**
 * Whitespace, quotes, and the punctuation of IDLE_PUNCT while the detector is quiet (no style value, form target,
 * tag rule or held scheme; nothing pending but a quote's breakout watch, as for words): xssPunctFull would change
 * nothing for a space, start the watch for a quote, and for the rest end the watch and note the byte, after
 * counting ( ) in parens, ! + ] in jsfuck and } in cssBraces as it does in any state. Not so ; - * | & ^ } ) ]
 * glued to a quote (they lead out of a JS string: P_BRK_OP and the closers kept with it).
 * (inlined in the lexer's emitPunct: a space while quiet makes no call)
 */
// @ts-ignore: decorator
@inline export function xssPunct(st: usize, x: usize, c: u32, start: u32, end: u32): void {
  if (c == 0x0a) s32(st + ST_XSS4, X4_NL, end); // (emitSpace's constant 0x20 folds this away)
  if (quiet(x)) {
    const k = <u32>load<u8>(XP_CLASS + c);
    // (idle punctuation that feeds no counter — not ( ) ! + ] } — makes xssPunctQuiet's stores without the call:
    // its idle branch, with prevCode's answer `c` for any byte but '(')
    if ((k & XC_SPACE) == 0) {
      if ((k & (XC_QUOTE | XC_IDLE | XC_PAREN | XC_JSF | XC_BRACE)) == XC_IDLE &&
          ((k & XC_BRK) == 0 || g32(x, X_PEND) == P_NONE || g32(x, X_PEND_END) != start)) {
        s32(x, X_PEND, P_NONE); s32(x, X_QUOTE, 0);
        s32(x, X_PREV, c); s32(x, X_PUNCT_END, end); s32(x, X_LAST_END, end);
      } else xssPunctQuiet(st, x, c, start, end);
    }
  }
  // this  window  and a space: the object's name stays pending (document .cookie), its end moved as xssPunctFull moves it;
  // open  print  and a space: the weak sink ends (only a '(' or '`' glued to it counts), as in xssPunctFull
  else if ((<u32>load<u8>(XP_CLASS + c) & XC_SPACE) != 0 && (g32(x, X_PEND) == P_OBJ || g32(x, X_PEND) == P_SINK_WEAK) && quietOrObject(x)) {
    if (g32(x, X_PEND) == P_OBJ) s32(x, X_PEND_END, end); else s32(x, X_PEND, P_NONE);
  }
  else xssPunctFull(st, x, c, start, end);
}

/** xssPunct's fast paths for a quote and idle punctuation (the detector quiet, `c` no space). */
function xssPunctQuiet(st: usize, x: usize, c: u32, start: u32, end: u32): void {
  const k = <u32>load<u8>(XP_CLASS + c);
  if ((k & XC_QUOTE) != 0) {
    pend(x, P_BRK, start, end);
    s32(x, X_QUOTE, 1); s32(x, X_QSTART, start);
    s32(x, X_PREV, c); s32(x, X_PUNCT_END, end); s32(x, X_LAST_END, end);
    return;
  }
  if ((k & XC_IDLE) != 0 && ((k & XC_BRK) == 0 || g32(x, X_PEND) == P_NONE || g32(x, X_PEND_END) != start)) {
    const code = prevCode(x, c, start);
    if ((k & XC_PAREN) != 0) { if (c == 0x28) jsfParen(x, start); parens(st + ST_XSS2, c, code == PREV_CALL_PAREN); }
    else if ((k & XC_JSF) != 0) jsfuck(st, x, c, start, end);
    else if ((k & XC_BRACE) != 0) cssBraces(st, c);
    s32(x, X_PEND, P_NONE); s32(x, X_QUOTE, 0);
    s32(x, X_PREV, code); s32(x, X_PUNCT_END, end); s32(x, X_LAST_END, end);
    return;
  }
  xssPunctFull(st, x, c, start, end);
}

function xssPunctFull(st: usize, x: usize, c: u32, start: u32, end: u32): void {
  if ((g32(x, X_PI) & BT_ALL) != 0) btPunct(st, x, c, start, end);
  if (styleOpen(st)) stylePunct(st, c, start, end);
  if (c == 0x7b || c == 0x7d) cssBraces(st, c);
  if (g32(st + ST_XSS4, X4_SEND) != 0) sendPunct(st, c, start, end);
  if ((g32(x, X_PI) & TAGQ_ALL) != 0) settleTag(st, x, c, start, false);
  if (g32(st + ST_XSS2, S2_MODE) != 0) schemePunct(st, st + ST_XSS2, c, end);
  const closesCall = (c == 0x28 || c == 0x29) && parens(st + ST_XSS2, c, prevCode(x, c, start) == PREV_CALL_PAREN);
  if (c == 0x21 || c == 0x5b || c == 0x5d || c == 0x2b) jsfuck(st, x, c, start, end); // other events break adjacency by themselves
  else if (c == 0x28) jsfParen(x, start);
  if ((c == 0x20 || c == 0x0a) && idleOrQuote(x)) return; // (a space keeps P_BRK as it is)
  // punctuation no tracker reacts to while idle: it only becomes the previous byte
  if (c < 0x80 && ((c < 0x40 ? IDLE_PUNCT_LO >> <u64>c : IDLE_PUNCT_HI >> <u64>(c - 0x40)) & 1) != 0 && idle(x)) {
    s32(x, X_PREV, prevCode(x, c, start)); s32(x, X_PUNCT_END, end); s32(x, X_LAST_END, end);
    return;
  }
  // ':' or ',' right after a quote with nothing else going on ("key":"v","k2": in JSON): no rule
  // takes a quote's breakout watch on to these, so the full path below would only end it and
  // note the byte; the same stores here.
  if ((c == 0x3a || c == 0x2c) && g32(x, X_PEND) == P_BRK && g32(x, X_QUOTE) <= 1 &&
      (g32(x, X_DATA) | g32(x, X_LT_END) | g32(x, X_NAME_END) | g32(x, X_GLUE_OK) | g32(x, X_TPL) | g32(x, X_INTAG) | g32(x, X_URL)) == 0) {
    s32(x, X_PEND, P_NONE); s32(x, X_QUOTE, 0);
    s32(x, X_PREV, c); s32(x, X_PUNCT_END, end); s32(x, X_LAST_END, end);
    return;
  }
  // A quote while idle: the full path below would only open its breakout watch and note it.
  if ((c == 0x22 || c == 0x27) && idle(x)) {
    pend(x, P_BRK, start, end);
    s32(x, X_QUOTE, 1); s32(x, X_QSTART, start);
    s32(x, X_PREV, c); s32(x, X_PUNCT_END, end); s32(x, X_LAST_END, end);
    return;
  }
  let p = g32(x, X_PEND);
  const adjacent = g32(x, X_PEND_END) == start;
  const isSpace = c == 0x20 || c == 0x0a;
  let utf7Lt = false;
  let ps: u32 = 0;
  if (p != P_NONE) {
    ps = g32(x, X_PEND_START);
    let keep = false;
    if (p == P_BRK || p == P_BRK_OP) {
      // A quote's breakout watch (quotes are everywhere in SQL): of the chain below only these branches, in its order,
      // take P_BRK or P_BRK_OP (every other one names another state), so the watch skips the rest
      if (adjacent && (c == 0x29 || c == 0x5d)) { s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_BRK_OP && isSpace && g32(x, X_PREV) == 0x3b) { s32(x, X_PEND_END, end); keep = true; }
      else if (adjacent && (c == 0x3b || c == 0x2d || c == 0x2a || c == 0x7c || c == 0x26 || c == 0x5e || c == 0x7d)) {
        s32(x, X_PEND, P_BRK_OP); s32(x, X_PEND_END, end); keep = true;
      }
      else if (p == P_BRK && isSpace) keep = true;
    } else {
      if (heldSink(p)) { keep = heldPunct(st, x, p, c, adjacent, isSpace, ps, end); p = P_NONE; }
      // setTimeout( waits for its first argument; otherwise a timer is any sink
      if (p == P_TIMER && adjacent && c == 0x28) { s32(x, X_PEND, P_TIMER_ARG); s32(x, X_PEND_END, end); keep = true; p = P_NONE; }
      else if (p == P_TIMER) p = P_SINK;
      else if (p == P_TAGCALL && adjacent && c == 0x28) { s32(x, X_PEND, P_APPLY_ARG); s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_TIMER_ARG) {
        if (isSpace) keep = true;
        // (arrow parameters or an empty call: no code; a quote, template or other expression: code)
        else if (c != 0x28 && c != 0x29) report(st, R_XSS_JS_SINK, ps, end);
        p = P_NONE;
      }
      if (p == P_ONNAME) p = adjacent && c == 0x3d ? P_EVENT : P_ONWORD;
      if (c == 0x3d && (p == P_EVENT || p == P_ONWORD)) {
        report(st, p == P_EVENT ? R_XSS_EVENT_HANDLER : R_XSS_ANY_TAG, ps, end);
      } else if (c == 0x3a && (p == P_SCHEME || p == P_SCHEME_PROSE)) {
        const s2 = st + ST_XSS2; // held: see schemePunct (a scheme already held is reported first)
        if (g32(s2, S2_MODE) != 0) schemeReport(st, s2);
        s32(s2, S2_START, ps); s32(s2, S2_END, end); s32(s2, S2_MODE, p == P_SCHEME ? 1 : 4); s32(s2, S2_DOT, 0); s32(x, X_RARE, 1);
      }
      else if (p == P_ONPROP && c == 0x3d) { s32(x, X_PEND, P_ONPROP_EQ); s32(x, X_PEND_END, end); keep = true; }
      else if ((p == P_ONPROP || p == P_ONPROP_EQ) && isSpace) keep = true;
      else if (p == P_SINK && adjacent && c == 0x28) { s32(x, X_PEND, P_SINK_OPEN); s32(x, X_PEND_END, end); keep = true; }
      // [1].map(alert)  x.forEach(eval)  — the sink handed to a call as its only argument (a callback that runs it;
      // as one argument of several it is as often a name compared in code: equal(Eval, EvalError))
      else if (p == P_SINK && adjacent && c == 0x29 && g32(x, X_PREV) == PREV_CALL_PAREN && g32(x, X_PUNCT_END) == ps) report(st, R_XSS_JS_SINK, ps, end);
      // ...,alert)  — the last of several arguments of a call: a callback too (a prose list in parentheses is no call)
      else if (p == P_SINK && adjacent && c == 0x29 && closesCall && g32(x, X_PREV) == 0x2c && g32(st + ST_XSS2, S2_COMMA_SINK) == ps + 1) report(st, R_XSS_JS_SINK, ps, end);
      // {get:alert}  {toString:alert} — the sink as the last value of an object literal: a getter, conversion or handler
      // the object hands to the engine, which calls it (Object.defineProperty(window,'x',{get:alert});x)
      else if (p == P_SINK && adjacent && c == 0x7d && g32(x, X_PREV) == 0x3a && g32(st + ST_XSS2, S2_COMMA_SINK) == ps + 1) report(st, R_XSS_JS_SINK, ps, end);
      // (alert)(1)  alert?.(1)  alert.call(
      else if (p == P_SINK && adjacent && (c == 0x29 || c == 0x3f)) { s32(x, X_PEND_END, end); keep = true; }
      // [alert] — the sink alone in an array literal ('[' right before it): indexed and called next, [alert][0](1)
      else if (p == P_SINK && adjacent && c == 0x5d && g32(x, X_PREV) == 0x5b && g32(x, X_PUNCT_END) == ps) { s32(x, X_PEND, P_ARR_SINK); s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_ARR_SINK && adjacent && c == 0x5b) { s32(x, X_PEND, P_OBJ_IDX); s32(x, X_PEND_END, end); keep = true; } // then as window['x'](1)
      else if (p == P_SINK && adjacent && c == 0x2e) { s32(x, X_PEND, P_SINK_DOT); s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_SINK_DOT && adjacent && c == 0x28) report(st, R_XSS_JS_SINK, ps, end);
      else if (p == P_HTMLPROP && c == 0x3d) { s32(x, X_PEND, P_HTMLPROP_EQ); s32(x, X_PEND_END, end); keep = true; }
      else if ((p == P_HTMLPROP || p == P_HTMLPROP_EQ) && isSpace) keep = true;
      else if (p == P_HTMLPROP_EQ && (c == 0x27 || c == 0x22 || c == 0x60)) { s32(x, X_PEND, P_HTMLPROP_Q); s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_HTMLPROP_Q && adjacent && c == g32(x, X_PREV)) { s32(x, X_PEND, P_HTMLPROP_EMPTY); s32(x, X_PEND_END, end); keep = true; } // '' "" ``
      else if (p == P_HTMLPROP_EMPTY && isSpace) keep = true;
      else if (p == P_HTMLPROP_EMPTY && c == 0x2b) report(st, R_XSS_JS_SINK, ps, end); // el.innerHTML = '' + html
      else if (p == P_HTMLPROP_EQ || p == P_HTMLPROP_Q) report(st, R_XSS_JS_SINK, ps, g32(x, X_LAST_END)); // el.innerHTML='<img ...
      else if ((p == P_BRK || p == P_BRK_OP) && adjacent && (c == 0x29 || c == 0x5d)) { s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_BRK_OP && isSpace && g32(x, X_PREV) == 0x3b) { s32(x, X_PEND_END, end); keep = true; } // "; f( (only ';' may have a space after it)
      // an operator, or '}' closing a block (a statement may follow it); not '+' (string concatenation: "a"+b.c(),
      // and a query turns it into a space), '/' (quoted paths: '/user(s)'), ',' '=' (CSV, formulas)
      else if ((p == P_BRK || p == P_BRK_OP) && adjacent &&
               (c == 0x3b || c == 0x2d || c == 0x2a || c == 0x7c || c == 0x26 || c == 0x5e || c == 0x7d)) {
        s32(x, X_PEND, P_BRK_OP); s32(x, X_PEND_END, end); keep = true;
      }
      else if (p == P_BRK_CALL && adjacent && c == 0x28) report(st, R_XSS_JS_BREAKOUT, ps, end);
      // ';name`x`  — a tagged-template call right after leaving the string (reported when content follows, as alert`x`)
      else if (p == P_BRK_CALL && adjacent && c == 0x60) { s32(x, X_PEND, P_TICK); s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_BRK_CALL && adjacent && c == 0x3d) { s32(x, X_PEND, P_BRK_ASSIGN); s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_BRK_ASSIGN && isSpace) keep = true;
      // x=alert;  a=alert,  — a sink assigned to a name: called by that name next (x=alert;x(1), a=alert,a(1))
      else if (p == P_SINK && adjacent && (c == 0x3b || c == 0x2c) && g32(x, X_PREV) == 0x3d && g32(x, X_PUNCT_END) == ps) { s32(x, X_PEND, P_ALIAS); s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_ALIAS && isSpace) { s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_ALIAS_NAME && adjacent && c == 0x28) report(st, R_XSS_JS_SINK, ps, end);
      else if (p == P_VALUEOF && adjacent && c == 0x3d) { s32(x, X_PEND, P_VALUEOF_EQ); s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_VALUEOF_EQ && isSpace) keep = true;
      else if (p == P_BRK_CALL && adjacent && c == 0x2e) { s32(x, X_PEND, P_BRK_OP); s32(x, X_PEND_END, end); keep = true; } // '-a.b(
      else if ((p == P_BRK || p == P_BRK_IN) && isSpace) keep = true; // (adjacency still counts from the quote or 'in')
      else if (p == P_BRK_NAME && adjacent && (c == 0x3d || c == 0x28)) report(st, R_XSS_JS_BREAKOUT, ps, end);
      else if (p == P_BRK_NAME && adjacent && c == 0x2e) { s32(x, X_PEND, P_BRK_DOT); s32(x, X_PEND_END, end); keep = true; } // '-location.href
      else if (p == P_SINK_WEAK && adjacent && (c == 0x28 || c == 0x60)) report(st, R_XSS_ANY_TAG, ps, end);
      else if (p == P_CSS && adjacent && c == 0x28) { s32(x, X_PEND, P_CSS_OPEN); s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_CSS_S && adjacent && c == 0x29) {} // expression(s): a plural, released
      else if (p == P_CSS_OPEN || p == P_CSS_S) report(st, R_XSS_CSS_EXPRESSION, ps, g32(x, X_PEND_END));
      else if (p == P_BEHAVIOR && c == 0x3a) { s32(x, X_PEND, P_BEHAVIOR_COLON); s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_BEHAVIOR_COLON && isSpace) keep = true;
      // (a CSS comment in the wait: see P_BEH_SL; a quote inside it ends the wait, so a breakout watch opens as anywhere)
      else if ((p == P_BEHAVIOR || p == P_BEHAVIOR_COLON) && c == 0x2f) { s32(x, X_PEND, p == P_BEHAVIOR ? P_BEH_SL : P_BEHC_SL); s32(x, X_PEND_END, end); keep = true; }
      else if ((p == P_BEH_SL || p == P_BEHC_SL) && adjacent && c == 0x2a) { s32(x, X_PEND, p + 1); s32(x, X_PEND_END, end); keep = true; }
      else if ((p == P_BEH_CMT || p == P_BEH_STAR || p == P_BEHC_CMT || p == P_BEHC_STAR) && c != 0x27 && c != 0x22 && c != 0x60) {
        const cmt = p == P_BEH_CMT || p == P_BEH_STAR ? P_BEH_CMT : P_BEHC_CMT;
        // '*/' closes the comment: back to the wait it came from
        s32(x, X_PEND, (p == P_BEH_STAR || p == P_BEHC_STAR) && adjacent && c == 0x2f ? (cmt == P_BEH_CMT ? P_BEHAVIOR : P_BEHAVIOR_COLON) : c == 0x2a ? cmt + 1 : cmt);
        s32(x, X_PEND_END, end); keep = true;
      }
      // (a global right after '<' is indexed, '<top['al'+'ert'](1); <window.location> is a placeholder in docs)
      else if (p == P_OBJ && (c == 0x5b || (c == 0x2e && g32(x, X_NAME_END) != g32(x, X_PEND_END) + 1))) { s32(x, X_PEND, P_OBJ_DOT); s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_OBJ && (isSpace || c == 0x29)) { s32(x, X_PEND_END, end); keep = true; }        // document .cookie  (document)[...]
      else if (p == P_OBJ && adjacent && c == 0x3f) { s32(x, X_PEND, P_OBJ_Q); s32(x, X_PEND_END, end); keep = true; } // window?.
      else if (p == P_OBJ_Q && adjacent && c == 0x2e) { s32(x, X_PEND, P_OBJ_DOT); s32(x, X_PEND_END, end); keep = true; }
      // window?.[ : the optional chain's computed member, read as window[ is ('.[' is nothing else in JavaScript)
      else if (p == P_OBJ_DOT && adjacent && c == 0x5b && g32(x, X_PREV) == 0x2e) { s32(x, X_PEND_END, end); keep = true; }
      // window['x'](  top[`x`]`: a global indexed by a string, then called (names built from pieces)
      // (or a regex literal: top[/al/.source+/ert/.source](1) builds the name from the patterns' text)
      else if ((p == P_OBJ_DOT && g32(x, X_PREV) == 0x5b || p == P_OBJ_IDX) && (c == 0x27 || c == 0x22 || c == 0x60 || (c == 0x2f && adjacent))) {
        s32(x, X_PEND, P_OBJ_IDX); s32(x, X_PEND_END, end); keep = true;
      }
      // inside the index: the pieces of a name built by an expression ('al'+'ert', /al/.source, 8680439..toString(30)), and
      // escapes in its string that JavaScript decodes (top['\141lert'], '\x61lert' decoded before: octal is left as written)
      else if (p == P_OBJ_IDX && (isSpace || c == 0x2b || c == 0x2f || c == 0x2e || c == 0x28 || c == 0x29 || c == 0x5c)) keep = true;
      else if (p == P_OBJ_IDX && c == 0x5d) { s32(x, X_PEND, P_OBJ_CALL); s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_OBJ_CALL && adjacent && c == 0x28) report(st, R_XSS_JS_SINK, ps, end);
      // (window['con'+'firm'])(1): a ')' glued after the index closes a parenthesized member, called the same way
      // (or a '?' glued, the optional call's: window['al'+'ert']?.(1) runs alert as alert?.(1) does)
      else if (p == P_OBJ_CALL && adjacent && (c == 0x29 || c == 0x3f)) { s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_OBJ_CALL && adjacent && c == 0x2e) { s32(x, X_PEND, P_SINK_DOT); s32(x, X_PEND_END, end); keep = true; } // [alert][0].call(
      else if (p == P_OBJ_DOT && isSpace) { s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_NEW && isSpace) keep = true;
      else if (p == P_CTOR && adjacent && c == 0x2e) { s32(x, X_PEND, P_CTOR_DOT); s32(x, X_PEND_END, end); keep = true; }
      else if ((p == P_CTOR || p == P_FUNC || p == P_IMPORT) && adjacent && c == 0x28) {
        report(st, R_XSS_ANY_TAG, ps, end);
        s32(x, X_PEND, p == P_IMPORT ? P_IMPORT_URL : P_IMPORT_PAREN); s32(x, X_PEND_END, end); keep = true; // constructor('code') is Function('code')
      }
      else if (p == P_IMPORT_PAREN && (c == 0x27 || c == 0x22 || c == 0x60)) report(st, R_XSS_JS_SINK, ps, end);
      else if (p == P_FUNC_NAME && adjacent && c == 0x29) { s32(x, X_PEND, P_FUNC_CLOSE); s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_FUNC_CLOSE && adjacent && (c == 0x28 || c == 0x60)) report(st, R_XSS_JS_SINK, ps, end); // Function(name)(  Function(name)`
      else if (p == P_FUNC_CLOSE && adjacent && c == 0x2e) { s32(x, X_PEND, P_SINK_DOT); s32(x, X_PEND_END, end); keep = true; } // Function(name).call(
      else if ((p == P_IMPORT_PAREN || p == P_IMPORT_URL) && isSpace) keep = true;
      else if (p == P_IMPORT_URL && (c == 0x27 || c == 0x22 || c == 0x60)) { s32(x, X_PEND, P_IMPORT_Q); s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_IMPORT_Q && adjacent && c == 0x2f) report(st, R_XSS_JS_SINK, ps, end); // import('//x.test/m.js')
      // alert`x`  Function`x`  .call`x`  top['x']`x`  constructor`x` (Function`x` builds a function from the strings)
      else if ((p == P_SINK || p == P_CTOR || p == P_FUNC || p == P_TAGCALL || p == P_OBJ_CALL) && adjacent && c == 0x60) {
        s32(x, X_PEND, P_TICK); s32(x, X_PEND_END, end); keep = true;
      }
      else if (p == P_TICK && adjacent && (c == 0x24 || c == 0x60 || c == 0x28 || c == 0x27 || c == 0x22 || c == 0x5c)) report(st, R_XSS_JS_SINK, ps, end);
      else if ((p == P_UTF7 || p == P_UTF7_SP) && adjacent && c == 0x2d) utf7Lt = true;
      else if (p == P_XML && adjacent && (c == 0x2d || c == 0x3a)) { s32(x, X_PEND, P_XML_DASH); s32(x, X_PEND_END, end); keep = true; }
      else if (p == P_CSS && adjacent && c == 0x5c) { s32(x, X_PEND, P_CSS_ESC); s32(x, X_PEND_END, end); keep = true; }
      else if (isSpace && (p == P_EVENT || p == P_ONWORD || p == P_SCHEME || p == P_SCHEME_PROSE || p == P_BEHAVIOR)) { // "onload =" is valid
        if (p == P_ONWORD) s32(x, X_PEND, P_ONWORD); // (from P_ONNAME: a space before its '=')
        keep = true;
      }
    }
    if (!keep) s32(x, X_PEND, P_NONE);
  }
  if ((c == 0x27 || c == 0x22 || c == 0x60) && g32(x, X_PEND) == P_NONE) pend(x, P_BRK, start, end);
  // data: progress (data : text / html)
  const d = g32(x, X_DATA);
  const dk = d & 0xff;
  if (dk >= 7 && dk <= 9) { // data:text/html held: a space after the type or its first word; anything else reports it
    if (isSpace) s32(x, X_DATA, dk == 9 ? 0 : (d & ~0xff) | 8);
    else { report(st, R_XSS_JS_URI, g32(x, X_DSTART), g32(x, X_DSTART) + (d >> 8)); s32(x, X_DATA, 0); }
  }
  else if (d == 10 && c == 0x3a) s32(x, X_DATA, 1);
  else if (d == 2 && c == 0x2f) s32(x, X_DATA, 3);
  else if ((d == 1 || d == 6 || d == 12) && c == 0x2c) s32(x, X_DATA, 4);  // data:,  data:type/sub;x=y,
  else if ((d == 6 || d == 12) && (c == 0x2b || c == 0x2d || c == 0x3b || c == 0x3d || c == 0x2e)) {} // + - ; = . inside the media type
  else if (d == 4 && c == 0x3c) s32(x, X_DATA, 5);  // data:,<
  else if (d == 5 && c == 0x3f && g32(x, X_LAST_END) == start) s32(x, X_DATA, 11);  // data:,<? (PHP: see xssWord)
  else if (d == 1 && c == 0x3b) s32(x, X_DATA, 12);  // data:;base64, (no media type: see xssWordFull)
  else if (d != 0 && !(isSpace && (d == 1 || d == 4))) s32(x, X_DATA, 0);

  if (!isSpace) s32(x, X_GLUE_OK, 0);
  // a space between the words ends the join unless it was a tab (decode.ts's TABS): browsers drop tab, CR and LF
  // inside a URL's scheme, never a space, so "java script:" (or %20, &#32;, '+') names no scheme and java&#9;script: does
  else if (c == 0x20 && g32(x, X_GLUE_OK) != 0 && !foldedTab(st, start)) s32(x, X_GLUE_OK, 0);
  const url = g32(x, X_URL);
  if (url == 1 && c == 0x28) s32(x, X_URL, 2);
  else if (url == 2 && c == 0x2f) s32(x, X_URL, 3);
  else if ((url == 3 && c == 0x2f) || (url == 4 && c == 0x3a)) { // url(//host  url(https://host
    const v = st + ST_XSS4;
    if (g32(v, X4_BREAK) == 2 && g32(v, X4_CSSURL) == g32(x, X_URL_START) + 1) report(st, R_XSS_CSS_EXPRESSION, g32(x, X_URL_START), end);
    s32(x, X_URL, 0);
  }
  else if (!(url == 2 && (isSpace || c == 0x27 || c == 0x22))) s32(x, X_URL, 0);
  const tplEnd = c == 0x7b && g32(x, X_PREV) == 0x24 && g32(x, X_PUNCT_END) == start ? end + 1 : isSpace && g32(x, X_TPL) == start + 1 ? end + 1 : 0;
  s32(x, X_TPL, tplEnd);
  if (tplEnd != 0) s32(x, X_RARE, 1);
  if (isSpace) return;
  // a quote right after '=' (spaces between) opens an attribute value; any other quote in a tag is part of a name or value
  const valueQuote = g32(x, X_PREV) == 0x3d && g32(x, X_LAST_END) == g32(x, X_PUNCT_END);
  // &{...}: a JavaScript entity (script inside an attribute value), reported at its '}' (cssBraces)
  // (the span starts at '{': the '&' may have been decoded from a longer form)
  if (c == 0x7b && g32(x, X_PREV) == 0x26 && g32(x, X_PUNCT_END) == start && g32(st + ST_XSS4, X4_ENTITY) == 0) {
    s32(st + ST_XSS4, X4_ENTITY, start + 1); s32(st + ST_XSS4, X4_ENTITY_END, end);
  }
  s32(x, X_PREV, prevCode(x, c, start));
  s32(x, X_PUNCT_END, end);
  // Namespace prefix: <xi:include
  if (c == 0x3a && g32(x, X_NAME_END) != 0 && g32(x, X_NAME_END) - 1 == start) { s32(x, X_NAME_END, end + 1); s32(x, X_LAST_END, end); return; }
  s32(x, X_NAME_END, 0);
  if (c == 0x3c) {
    s32(x, X_LT_END, end + 1); s32(x, X_LT_START, start);
    // a tag may open here after leaving the value's context: read on to its end (btWord, btPunct)
    // (JS: the quote and the operators glued to one another and to the '<', as P_BRK_OP keeps them)
    const brkJs = p == P_BRK_OP && adjacent;
    s32(x, X_PI, g32(x, X_QUOTE) == 2 ? BT_ATTR : brkJs ? BT_JS : 0);
    if (g32(x, X_QUOTE) == 2) report(st, R_XSS_ATTRIBUTE_BREAKOUT, g32(x, X_QSTART), end);
    s32(x, X_QUOTE, 0);
  } else if ((c == 0x2f || c == 0x3f || c == 0x3a || c == 0x21) && g32(x, X_LT_END) != 0 && g32(x, X_LT_END) - 1 == start) {
    s32(x, X_LT_END, end + 1); // '</name'  '<?import'  '<:vmlframe'
    if (c == 0x3f) s32(x, X_PI, 1);
  } else if (utf7Lt) {
    s32(x, X_LT_END, end + 1); s32(x, X_LT_START, ps); s32(x, X_PI, p == P_UTF7 ? 2 : 3); // +ADw- is '<' in UTF-7
  } else {
    s32(x, X_LT_END, 0);
  }
  if (c == 0x3d && g32(x, X_INTAG) != 0 && g32(x, X_ATTR) != 0) {
    report(st, R_XSS_HTML_TAG, g32(x, X_INTAG) - 1, end);
    if (g32(x, X_STYLE) == g32(x, X_ATTR)) { s32(x, X_RARE, 1); styleBegin(st, g32(x, X_ASTART), end); } // (reported unless the value is declarations only: style.ts)
  }
  if (c == 0x3e) {
    const closedInTag = g32(x, X_INTAG) != 0 && ((g32(x, X_PI) >> TAG_QUOTE_SHIFT) & 3) == 0;
    s32(x, X_INTAG, 0); s32(x, X_ATTR, 0);
    s32(x, X_QUOTE, g32(x, X_QUOTE) == 1 && !closedInTag ? 2 : 0);
  } else if (c == 0x27 || c == 0x22) {
    s32(x, X_QUOTE, 1); s32(x, X_QSTART, start);
    if (g32(x, X_INTAG) != 0) { // a value's quotes inside the tag: open one, or close the one open
      const pi = g32(x, X_PI);
      const open = (pi >> TAG_QUOTE_SHIFT) & 3;
      const q: u32 = c == 0x22 ? 1 : 2;
      if ((open == 0 && valueQuote) || open == q) s32(x, X_PI, pi ^ (q << TAG_QUOTE_SHIFT));
    }
  } else if (c != 0x3c) {
    s32(x, X_QUOTE, 0);
  }
  s32(x, X_LAST_END, end);
}

/**
 * ![] atoms: JSFuck builds every value from them (![] !![] !+[] +[]). X_JSF bits 0-2: 1 '!',
 * 2 '[' after one, 3 '!!', 4 '+' alone; bit 3: the atom began with '+' alone, so every
 * byte must touch the next (whitespace may sit inside a '!' atom, not inside "+ [ ]").
 */
function jsfuck(st: usize, x: usize, c: u32, start: u32, end: u32): void {
  const j = g32(x, X_JSF);
  const state = j & 7;
  const strictOnly = (j & 8) != 0;
  const touch = (j >> 4) == start;
  // or only whitespace between (X_LAST_END is the end of the last non-space event)
  const adj = touch || (!strictOnly && (j >> 4) == g32(x, X_LAST_END));
  const bang = state == 1 || state == 3;
  if (c == 0x2b) { s32(x, X_JSF, (adj && bang ? state : 4 | 8) | (end << 4)); return; }
  if (c == 0x21) { s32(x, X_JSF, (adj && bang ? 3 : 1) | (end << 4)); return; }
  if (c == 0x5b && ((adj && bang) || (touch && state == 4))) {
    if (state == 3) s32(x, X_JSFN, g32(x, X_JSFN) + 1); // !![] counts twice
    s32(x, X_JSF, 2 | (j & 8) | (end << 4)); return;
  }
  if (c == 0x5d && adj && state == 2) {
    const n = g32(x, X_JSFN) + 1;
    s32(x, X_JSFN, n);
    if (n >= 2) report(st, R_XSS_JS_OBFUSCATION, start - 2, end);
    s32(x, X_JSF, JSF_ATOM | (end << 4)); return; // (for jsfParen)
  }
  s32(x, X_JSF, 0);
}

/** X_JSF state 5: an atom's ']' just closed it (every other byte takes it as state 0). */
const JSF_ATOM: u32 = 5;

/**
 * A '(' glued to a ![] atom: a markdown image with an empty alt text, ![](a.png), not JSFuck, which never calls
 * an atom (![]() is a TypeError), so the atom does not count. (A JSFuck atom after it still counts with the next.)
 */
// @ts-ignore: decorator
@inline function jsfParen(x: usize, start: u32): void {
  const j = g32(x, X_JSF);
  if ((j & 7) == JSF_ATOM && (j >> 4) == start) { s32(x, X_JSFN, g32(x, X_JSFN) - 1); s32(x, X_JSF, 0); }
}

/** The span of a held sink: alert( up to its '(' (as when reported at once, also with a number held: alert(1)); alert() and document.cookie whole
 * (also when a member of it was held: document.cookie.split(). */
// @ts-ignore: decorator
@inline function heldEnd(st: usize, x: usize, p: u32): u32 {
  // alert(1 alert(1): as far as the call was read when the number came; document.cookie.split(: the property
  // (an end stored before this sink's start is an older sink's)
  const stored = g32(st + ST_XSS4, X4_PAREN);
  if (stored > g32(x, X_PEND_START)) return stored;
  return p == P_SINK_OPEN ? g32(x, X_PEND_END) : g32(x, X_LAST_END); // (spaces leave X_LAST_END alone)
}

/**
 * Is the held '(' a sink's own call (alert( window.alert( String.fromCharCode() rather than a member's of a held property
 * (document.cookie.split(, reported as the property when its argument is more than a number)? A member's call stored
 * the property's end before the member's name; a sink's stored nothing, or the name's end right before its '('.
 */
function sinkCall(st: usize, x: usize, ps: u32): bool {
  const stored = g32(st + ST_XSS4, X4_PAREN);
  return stored <= ps || stored + 1 == g32(x, X_PEND_END);
}

/**
 * Mark the sink name at `start` as written in prose (X4_PROSE) when a word ends right before it with only spaces between
 * and no line break — "Manage your alert(s)"; anything else (the value's start, ; . , ( ) ' " : or a newline, where
 * JavaScript ends a statement) is a call's position.
 */
function sinkProse(st: usize, x: usize, afterPrev: bool, start: u32): void {
  const last = g32(x, X_LAST_END);
  // (a keyword operator is no prose word: x;void alert(s), 1;return eval(s) call the sink)
  const prose = !afterPrev && last != 0 && last != g32(x, X_PUNCT_END) && g32(st + ST_XSS4, X4_NL) <= last &&
    g32(st + ST_XSS4, X4_KWOP) != last;
  s32(st + ST_XSS4, X4_PROSE, prose ? start + 1 : 0);
}

/** Punctuation after a held sink: returns true while it stays held. */
function heldPunct(st: usize, x: usize, p: u32, c: u32, adjacent: bool, isSpace: bool, ps: u32, end: u32): bool {
  let next: u32 = 0;
  if (p == P_SINK_PLURAL) {
    if (c == 0x29 && adjacent) { s32(x, X_PEND, P_PLURAL_DONE); s32(x, X_PEND_END, end); return true; } // alert(s)
    p = P_SINK_ARG1;
  }
  if (p == P_PLURAL_DONE) p = P_ARG_DONE;
  if (p >= P_SINK_ARG1 && p <= P_ARG_IN_W) {
    if (p == P_ARGQ_D || p == P_ARGQ_S) {
      // the string's own quote closes it; a backslash (an escape) reports; anything else is the string's text
      if (c == (p == P_ARGQ_D ? 0x22 : 0x27)) next = P_SINK_ARG1;
      else if (c != 0x5c) next = p;
    }
    else if (p == P_SINK_ARG1 && (c == 0x22 || c == 0x27)) next = c == 0x22 ? P_ARGQ_D : P_ARGQ_S;
    else if (p <= P_SINK_ARG3) {
      if (c == 0x28) next = p < P_SINK_ARG3 ? p + 1 : 0;
      else if (c == 0x29) next = p == P_SINK_ARG1 ? P_ARG_DONE : p - 1;
      // the punctuation of words, strings and simple expressions; ; { } [ ] < > ` \ and the rest report
      else if (c == 0x20 || c == 0x22 || c == 0x27 || c == 0x2c || c == 0x2e || c == 0x3f || c == 0x21 || c == 0x2b ||
               c == 0x2d || c == 0x2a || c == 0x2f || c == 0x3d || c == 0x3a || c == 0x25 || c == 0x23 || c == 0x40 ||
               c == 0x26 || c == 0x24 || c >= 0x80) next = p;
    }
    else if (p == P_ARG_DONE && c == 0x20) next = P_ARG_SP; // (a newline ends the statement: what follows runs)
    else if (p == P_ARG_DONE && adjacent && (c == 0x2c || c == 0x3a)) next = P_ARG_DONE;
    else if ((p == P_ARG_SP || p == P_ARG_IN_SP) && c == 0x20) next = p;
    else if (p == P_ARG_IN && c == 0x20) next = P_ARG_IN_SP;
    else if (p == P_ARG_IN_W && c == 0x20) next = P_ARG_SP;
    if (next == 0) { report(st, R_XSS_JS_SINK, ps, heldEnd(st, x, p)); return false; }
    s32(x, X_PEND, next); s32(x, X_PEND_END, end);
    return true;
  }
  // window.alert(  String.fromCharCode(  — a held name called: held as alert( is (reported as the name, as before)
  if (p == P_PROP_HELD && adjacent && c == 0x28) {
    if (g32(st + ST_XSS4, X4_PAREN) <= ps) s32(st + ST_XSS4, X4_PAREN, g32(x, X_LAST_END));
    s32(x, X_PEND, P_SINK_OPEN); s32(x, X_PEND_END, end);
    return true;
  }
  // alert('  — a quoted argument: held to its ')' as a word is
  if (p == P_SINK_OPEN && adjacent && (c == 0x22 || c == 0x27) && g32(x, X_INTAG) == 0 && sinkCall(st, x, ps)) {
    if (g32(st + ST_XSS4, X4_PAREN) <= ps) s32(st + ST_XSS4, X4_PAREN, g32(x, X_PEND_END));
    s32(x, X_PEND, c == 0x22 ? P_ARGQ_D : P_ARGQ_S); s32(x, X_PEND_END, end);
    return true;
  }
  // `alert()` `document.cookie` — a backtick right after: a code span or template text closes on the name; named, not run
  if ((p == P_SINK_EMPTY || p == P_PROP_HELD) && adjacent && c == 0x60) { s32(x, X_PEND, P_NONE); return false; }
  if (p == P_SINK_OPEN || p == P_SINK_NUM) next = adjacent && c == 0x29 ? P_SINK_EMPTY : 0;
  else if ((p == P_PROP_HELD || p == P_PROP_METHOD) && adjacent && c == 0x2e) {
    next = P_PROP_DOT;
    if (p == P_PROP_HELD) s32(st + ST_XSS4, X4_PAREN, g32(x, X_LAST_END)); // reported as the property (document.cookie)
  }
  else if (p == P_PROP_METHOD && adjacent && c == 0x28) next = P_SINK_OPEN;
  else if (isSpace) next = P_HELD_SP;
  else if (p == P_SINK_EMPTY && adjacent && (c == 0x3a || c == 0x2c || c == 0x2e)) next = P_SINK_EMPTY;
  if (next == 0) { report(st, R_XSS_JS_SINK, ps, heldEnd(st, x, p)); return false; }
  s32(x, X_PEND, next); s32(x, X_PEND_END, end);
  return true;
}

/** A word after a held sink: prose when it is a word of letters right after the space ("alert() function"). */
function heldWord(st: usize, x: usize, p: u32, proseWord: bool, ps: u32): void {
  if (!(p == P_HELD_SP && proseWord)) report(st, R_XSS_JS_SINK, ps, heldEnd(st, x, p));
}

/** (inlined in the lexer's finish: quiet, no tag rule, scheme or style value open, no tag, no data: URI, nothing held
 * (an object's name pending is no sink), nothing reports) */
// @ts-ignore: decorator
@inline export function xssFinish(st: usize, x: usize, end: u32): void {
  if (!quietOrObject(x)) xssFinishFull(st, x, end);
}

function xssFinishFull(st: usize, x: usize, end: u32): void {
  if ((g32(x, X_PI) & TAGQ_ALL) != 0) settleTag(st, x, 0x20, end, true);
  // <img src='//x.test/?a=  — a tag still open with its attribute value's single quote open: the page after the value
  // is read into the attribute up to the next ' (dangling markup: it leaks what follows with the URL). Pages quote
  // their own attributes with ", so a ' reaches far; a value left open with " is as often a field cut short.
  if (g32(x, X_INTAG) != 0 && ((g32(x, X_PI) >> TAG_QUOTE_SHIFT) & 3) == 2) report(st, R_XSS_DANGLING_MARKUP, g32(x, X_INTAG) - 1, end);
  const p = g32(x, X_PEND);
  const d = g32(x, X_DATA);
  if ((d & 0xff) >= 7 && (d & 0xff) <= 9) report(st, R_XSS_JS_URI, g32(x, X_DSTART), g32(x, X_DSTART) + (d >> 8)); // data:text/html
  if (heldSink(p) && p != P_PLURAL_DONE) report(st, R_XSS_JS_SINK, g32(x, X_PEND_START), heldEnd(st, x, p));
  else if (p == P_CSS_OPEN || p == P_CSS_S) report(st, R_XSS_CSS_EXPRESSION, g32(x, X_PEND_START), g32(x, X_PEND_END)); // expression( cut off
  else if (p == P_HTMLPROP_EQ || p == P_HTMLPROP_Q) report(st, R_XSS_JS_SINK, g32(x, X_PEND_START), g32(x, X_LAST_END));
  const s2 = st + ST_XSS2;
  // "javascript:" with nothing after it, and javascript:void(0) alone (a value that is the URI itself, as injected)
  const mode = g32(s2, S2_MODE);
  if (mode == 1 || mode == 2 || (mode >= 6 && mode <= 9) || mode == 12 || mode == 13) schemeReport(st, s2);
  styleFinish(st);
}
