// The value of a style attribute inside a tag (xss.ts opens it at `style=`). Rich-text editors
// write declarations: `color: red; font-family: 'Open Sans', sans-serif; width: 50%;
// color: rgb(0, 0, 0)`. Injected CSS needs more than that: url(, expression(, escapes (\),
// comments (/*), braces or brackets that confuse the parser, a newline, entities left as
// '&', a quote glued into a word. The value is read to its end; declarations alone are no
// finding, anything else (and position: fixed or absolute, an overlay) reports xss.style-attribute as
// the attribute name did before.
import { g32, s32, report, ST_XSS3, ST_DOLLAR } from "./state";
import { wordIs } from "./keywords";
import { R_XSS_STYLE_ATTRIBUTE, K_X_CSS, K_X_SCHEME, K_X_TAG_DANGER, K_X_SCRIPT } from "./generated/tables";

const SV_STATE: u32 = 0;   // 0 none, 1 right after '=', 2 in a quoted value, 3 in an unquoted value
const SV_QUOTE: u32 = 4;   // the quoted value's quote
const SV_START: u32 = 8;   // the report's span: the attribute name to its '='
const SV_END: u32 = 12;
const SV_LAST: u32 = 16;   // end of the last event (adjacency)
const SV_INNER: u32 = 20;  // 1 while the other quote is open ('Open Sans' inside "...")
const SV_OPEN: u32 = 24;   // 1 where an inner quote may open: the value start, after ':' or ','
const SV_FN: u32 = 28;     // end + 1 of rgb rgba hsl hsla calc var (a '(' glued to it opens its arguments)
const SV_PAREN: u32 = 32;  // 1 inside those arguments; 2-9 a url( to a path on this site (see urlWord, urlPunct)
// (bytes 44 to 63 of the region are sqli.ts's dollar-quote tracker, ST_DOLLAR: this region's fields end before them)
// @ts-ignore
assert(SV_PAREN + 4 <= ST_DOLLAR - ST_XSS3);
// url(/img/a.png) url('bg.jpg') url(../i/x.gif?v=2): an image on the same site is what editors and e-mail templates
// write; a url() that names a scheme (javascript: data: https:), another host (//host), a document with markup or
// script (a.svg, x.html, the names of dangerous tags), an escape, a space or anything else reports as before. SV_PAREN while such a url is read:
const U_NAME: u32 = 8;     // "url": waiting for '(' glued to it
const U_OPEN: u32 = 2;     // url( : waiting for the path's first byte, a quote, '/' or '.'
const U_OPEN_Q: u32 = 4;   // url(' : the same inside the quote
const U_SLASH: u32 = 5;    // url(/ url(/img/ : a name or '.' must follow (url(// is another host, /r?u=//host a redirect to one)
const U_SLASH_Q: u32 = 9;  // url('/ url('/img/
const U_PATH: u32 = 3;     // url(/img : names . / - ? = % # to the ')'
const U_PATH_Q: u32 = 7;   // url('/img : the same to the closing quote
const U_CLOSE: u32 = 6;    // url('/img/a.png' : waiting for ')'

// @ts-ignore: decorator
@inline export function styleOpen(st: usize): bool { return g32(st + ST_XSS3, SV_STATE) != 0; }

/** `style=` inside a tag: read the value before deciding. */
export function styleBegin(st: usize, start: u32, end: u32): void {
  const v = st + ST_XSS3;
  s32(v, SV_STATE, 1); s32(v, SV_START, start); s32(v, SV_END, end); s32(v, SV_LAST, end);
  s32(v, SV_INNER, 0); s32(v, SV_OPEN, 1); s32(v, SV_FN, 0); s32(v, SV_PAREN, 0);
}

function injected(st: usize, v: usize): void {
  report(st, R_XSS_STYLE_ATTRIBUTE, g32(v, SV_START), g32(v, SV_END));
  s32(v, SV_STATE, 0);
}

/**
 * Words that bind or load code from CSS (the X_CSS class: expression, behavior, binding; url, import) or name a
 * script scheme (X_SCHEME), and the positioning that lifts an element over the page (position: fixed / absolute:
 * a link laid over everything, the overlay of a phishing or clickjacking injection); an editor's declarations use none.
 */
function cssDanger(flags: u64, w: usize, len: u32): bool {
  return (flags & (K_X_CSS | K_X_SCHEME)) != 0 || wordIs(w, len, "url") || wordIs(w, len, "import") ||
    wordIs(w, len, "fixed") || wordIs(w, len, "absolute");
}

/** A CSS function whose arguments are numbers and names (a colour, a length). */
function cssValueFunction(w: usize, len: u32): bool {
  return wordIs(w, len, "rgb") || wordIs(w, len, "rgba") || wordIs(w, len, "hsl") || wordIs(w, len, "hsla") || wordIs(w, len, "calc") || wordIs(w, len, "var");
}

/** `flags`: the word's keyword classes. */
export function styleWord(st: usize, flags: u64, w: usize, len: u32, start: u32, end: u32): void {
  const v = st + ST_XSS3;
  const s = g32(v, SV_STATE);
  const adjacent = g32(v, SV_LAST) == start;
  s32(v, SV_LAST, end);
  if (s == 1) { if (!adjacent) { injected(st, v); return; } s32(v, SV_STATE, 3); }
  const u = g32(v, SV_PAREN);
  if (u >= 2) { // a name of the url's path: glued, and no scheme, CSS word or active document (test.svg, x.html)
    if (!adjacent || cssDanger(flags, w, len) || (flags & (K_X_TAG_DANGER | K_X_SCRIPT)) != 0 || !(u == U_OPEN || u == U_SLASH || u == U_PATH || u == U_OPEN_Q || u == U_SLASH_Q || u == U_PATH_Q)) { injected(st, v); return; }
    s32(v, SV_PAREN, u == U_OPEN || u == U_SLASH || u == U_PATH ? U_PATH : U_PATH_Q);
    return;
  }
  if (u == 0 && wordIs(w, len, "url")) { s32(v, SV_PAREN, U_NAME); s32(v, SV_FN, 0); s32(v, SV_OPEN, 0); return; }
  if (cssDanger(flags, w, len)) { injected(st, v); return; }
  s32(v, SV_FN, cssValueFunction(w, len) ? end + 1 : 0);
  s32(v, SV_OPEN, 0);
}

export function stylePunct(st: usize, c: u32, start: u32, end: u32): void {
  const v = st + ST_XSS3;
  const s = g32(v, SV_STATE);
  const adjacent = g32(v, SV_LAST) == start;
  s32(v, SV_LAST, end);
  if (s == 1) {
    if ((c == 0x22 || c == 0x27) && adjacent) { s32(v, SV_STATE, 2); s32(v, SV_QUOTE, c); return; }
    injected(st, v);
    return;
  }
  const q = g32(v, SV_QUOTE);
  if (s == 2 && c == q) { // the value ends
    if (g32(v, SV_INNER) != 0 || g32(v, SV_PAREN) != 0) injected(st, v); else s32(v, SV_STATE, 0);
    return;
  }
  const u = g32(v, SV_PAREN);
  if (u >= 2) { urlPunct(st, v, c, s, adjacent, u); return; }
  if (s == 3 && (c == 0x20 || c == 0x3e)) { s32(v, SV_STATE, 0); return; }
  if (c == 0x20) return;
  if (c == 0x22 || c == 0x27) { // the other quote: a font name after ':' or ',' and closed before the value ends
    if (s == 3) { injected(st, v); return; }
    if (g32(v, SV_INNER) != 0) { s32(v, SV_INNER, 0); s32(v, SV_OPEN, 0); return; }
    if (g32(v, SV_OPEN) != 0) { s32(v, SV_INNER, 1); return; }
    injected(st, v);
    return;
  }
  if (c == 0x3a || c == 0x2c) { s32(v, SV_OPEN, 1); return; }
  if (c == 0x3b || c == 0x2e || c == 0x2d || c == 0x23 || c == 0x25 || c == 0x21 || c == 0x2f) { s32(v, SV_OPEN, 0); return; }
  if (c == 0x28 && g32(v, SV_FN) == start + 1 && g32(v, SV_PAREN) == 0) { s32(v, SV_PAREN, 1); return; }
  if (c == 0x29 && g32(v, SV_PAREN) != 0) { s32(v, SV_PAREN, 0); return; }
  injected(st, v); // \ /* { } [ ] & < > = ` @ a newline: more than declarations
}

/** Punctuation inside a url( to this site's path (SV_PAREN `u`): anything the path does not use reports. */
function urlPunct(st: usize, v: usize, c: u32, s: u32, adjacent: bool, u: u32): void {
  // the other quote than the value's (a quoted value) opens and closes the url's own
  const inner = s == 2 && (c == 0x22 || c == 0x27) && c != g32(v, SV_QUOTE);
  let next: u32 = 0;
  if (!adjacent) next = 0;
  else if (u == U_NAME) next = c == 0x28 ? U_OPEN : 0;
  else if (u == U_OPEN) next = c == 0x2f ? U_SLASH : c == 0x2e ? U_PATH : inner ? U_OPEN_Q : 0;
  else if (u == U_OPEN_Q) next = c == 0x2f ? U_SLASH_Q : c == 0x2e ? U_PATH_Q : 0;
  else if (u == U_SLASH || u == U_SLASH_Q) next = c == 0x2e ? (u == U_SLASH ? U_PATH : U_PATH_Q) : 0;
  else if (u == U_PATH || u == U_PATH_Q) {
    if (c == 0x2f) next = u == U_PATH ? U_SLASH : U_SLASH_Q;
    else if (c == 0x2e || c == 0x2d || c == 0x3f || c == 0x3d || c == 0x25 || c == 0x23) next = u;
    else if (u == U_PATH && c == 0x29) next = 1; // (the url is read: declarations go on)
    else if (u == U_PATH_Q && inner) next = U_CLOSE;
  }
  else if (u == U_CLOSE && c == 0x29) next = 1;
  if (next == 0) { injected(st, v); return; }
  s32(v, SV_PAREN, next == 1 ? 0 : next);
  if (next == 1) s32(v, SV_OPEN, 0);
}

/** The value never ended: report it. */
export function styleFinish(st: usize): void {
  if (g32(st + ST_XSS3, SV_STATE) != 0) injected(st, st + ST_XSS3);
}
