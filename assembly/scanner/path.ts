// Path traversal: dot-segment grammar over '/' and '\' (both are separators here, so
// `..\` counts like `../`), plus well-known sensitive targets recognised as
// <system dir>/<file> pairs, dot-files at a segment start, <stem>.<ext> pairs
// (win.ini, web.xml), file: URIs and drive roots.
import { g32, s32, report, ST_LEX, LX_WORD, ST_CONTEXT, CTX_PATH, ST_PATH2 } from "./state";
import { wordIs } from "./keywords";
import {
  K_P_SYSDIR, K_C_BINDIR, K_P_FILE, K_P_DOTFILE, K_P_STEM, K_P_STEM_EXT, K_P_SENS_EXT, K_P_SENS_EXT_STRONG, K_P_SCHEME_FILE, K_P_DOTCONF, K_FAMILY_PATH,
  R_PATH_TRAVERSAL_SEQUENCE, R_PATH_DOT_DOT_SLASH, R_PATH_DOT_EVASION, R_PATH_SENSITIVE_FILE, R_PATH_FILE_SCHEME,
  R_PATH_SENSITIVE_EXTENSION, R_PATH_SECRET_EXTENSION, R_PATH_OVERFLOW_SEGMENT, R_PATH_UNC,
} from "./generated/tables";

// (the trackers idleButDots() and quietButStem() read come first, in three 16-byte blocks: vector loads test them)
const PT_DOTS: u32 = 0;
const PT_DOTDIR: u32 = 4;    // 1: /.name  2: /.name/  (a hidden directory)
const PT_SYS: u32 = 8;       // 1: system dir word at a segment start, 2: and its '/'
const PT_STEM: u32 = 12;     // 1: stem word, 2: stem + '.'
const PT_FILE: u32 = 16;     // file: URI / drive-root progress (6 7: jar and its ':', see pathWordFull; 14 15 a jar: URL in prose waiting
                             // for its "!/"; 8-12 gopher:// dict:// up to the port, FT_DICT for dict, see rawScheme; 19 an NTFS
                             // stream's ':$' after a file name, see ntfsStream; 21 22 file or netdoc and its ':')
const PT_SLASHES: u32 = 20;
const PT_ROOT: u32 = 24;     // a path rooted at the value start (/ \ c:\): 1 through system dirs, 2 /etc /proc /boot, 3 and its '/',
                             // 4 under \windows \winnt \inetpub, 5 and a name's '.'
const PT_INF: u32 = 28;      // WEB-INF/ META-INF/: 1 web|meta at a segment start, 2 '-', 3 inf, 4 '/';
                             // tomcat-users.xml: 5 tomcat at a segment start, 6 '-' (users then opens a stem)
const PT_PEND: u32 = 32;     // a single parent step opening the value, its verdict pending: end + 1 | dstart << 30 (0 or 1),
                             // bit 31: a space followed the path (a word next makes it prose)
const PT_UNC: u32 = 36;      // \\host\ at the value start: 1 a separator, 2 two, 3 in the host name, 4 after \\? or \\.,
                             // 5 //host/ (the share's name next), 6 in it; the UNC_ bits above (see uncSeparator)
const PT_ANY: u32 = 40;
const PT_WORDS: u32 = 44;    // words seen (drive letters count only as the first word)
const PT_DSTART: u32 = 48;
const PT_DEND: u32 = 52;
const PT_SEG: u32 = 56;      // end + 1 of the last separator: a segment starts there
const PT_TRAV: u32 = 60;
const PT_TSTART: u32 = 64;
const PT_TEND: u32 = 68;
const PT_SYS_START: u32 = 72;
const PT_SYS_DEV: u32 = 76;   // 1: the system dir word in PT_SYS is dev (see devFile)
const PT_DOTWORD: u32 = 80;  // end + 1 of a '.' at a segment start
const PT_STEM_KIND: u32 = 84;
const PT_STEM_START: u32 = 88;
const PT_LAST_END: u32 = 92;
const PT_F_START: u32 = 96;
/** PT_UNC's state (its low bits) and marks. */
const UNC_STATE: u32 = 0xf;
const UNC_FWD: u32 = 0x10;   // a '/' among the two opening separators: see uncSeparator
const UNC_AT: u32 = 0x20;    // an '@' in the host name: ssl or a port may follow (the WebDAV redirector's \\host@SSL@443\)
const UNC_SSL: u32 = 0x40;   // and it did

/** PT_FILE's mark for dict:// (8-12 otherwise gopher://). */
const FT_DICT: u32 = 0x100;

/**
 * gopher:// dict:// in PT_FILE: 8 the scheme, 9 its ':', 10 '/', 11 the host after "//", 12 the port's ':'. A server-side
 * fetch speaks raw protocols to an internal service with them (Redis 6379, SMTP 25, memcached 11211): the payload needs a
 * port, other than the scheme's own (gopher 70, dict 2628), so a URL without one is a link in prose (gopher://gopher.floodgap.com/,
 * dict://dict.org/d:hello, see dict://localhost:2628). A port there, or an IPv6 literal host, reports.
 * So does an '@' in the authority, whatever the port: curl reads gopher://x:70@127.0.0.1:6379/_... as user x, password 70,
 * host 127.0.0.1, port 6379 (rt-ex2 02), so the default port goes back to the host state, and the host state runs over
 * every byte userinfo may hold (see userinfoByte).
 * `c` the punctuation byte (0 for a word), `port` the word's digits as a number (a word only).
 */
function rawScheme(st: usize, p: usize, f: u32, c: u32, word: bool, port: u32, adjacent: bool, end: u32): void {
  const k = f & 0xff;
  let next: u32 = 0;
  if (!adjacent) next = 0; // (a space: the URL ended without a port)
  else if (word) {
    if (k == 11) next = 11; // a host label
    else if (k == 12) {
      if (port != ((f & FT_DICT) != 0 ? 2628 : 70)) report(st, R_PATH_FILE_SCHEME, g32(p, PT_F_START), end);
      else next = 11; // (the default port may be a password: x:70@host)
    }
  }
  else if (k == 8 && c == 0x3a) next = 9;
  else if ((k == 9 || k == 10) && c == 0x2f) next = k + 1;
  else if ((k == 10 || k == 11) && c == 0x40) report(st, R_PATH_FILE_SCHEME, g32(p, PT_F_START), end); // user@host, x:70@host
  else if (k == 11 && userinfoByte(c)) next = 11; // host.name, and what userinfo may hold before an '@'
  else if (k == 11 && c == 0x3a) next = 12;
  else if ((k == 10 || k == 11) && c == 0x5b) report(st, R_PATH_FILE_SCHEME, g32(p, PT_F_START), end); // gopher://[::1]:6379
  else if (k == 12) report(st, R_PATH_FILE_SCHEME, g32(p, PT_F_START), end); // (an empty or odd port: as the payload)
  s32(p, PT_FILE, next != 0 ? next | (f & FT_DICT) : 0);
}

/**
 * A byte RFC 3986 allows in userinfo (unreserved - . _ ~, '%', sub-delims ! $ & ' ( ) * + , ; =): the authority may still
 * reach an '@'. ('/' '?' '#' end it; '"' '<' '>' a space close a link in markup or prose.)
 */
// @ts-ignore: decorator
@inline function userinfoByte(c: u32): bool {
  return c == 0x2e || c == 0x2d || c == 0x5f || c == 0x7e || c == 0x25 || c == 0x21 || c == 0x24 || (c >= 0x26 && c <= 0x2c) || c == 0x3b || c == 0x3d;
}

/** PT_FILE is in gopher:// dict:// (see rawScheme). */
// @ts-ignore: decorator
@inline function rawState(f: u32): bool { return (f & 0xff) >= 8 && (f & 0xff) <= 12; }

/** The number a word of 1-5 digits spells (0x10000 otherwise: no port). */
function portOf(w: usize, len: u32): u32 {
  if (len == 0 || len > 5) return 0x10000;
  let n: u32 = 0;
  for (let i: u32 = 0; i < len; i++) {
    const d = <u32>load<u8>(w + i) - 0x30;
    if (d > 9) return 0x10000;
    n = n * 10 + d;
  }
  return n;
}
const PT_DOTSEG: u32 = 100;  // the current dot run began at a segment start
const PT_EXT: u32 = 104;     // end + 1 of a '.' after a word (extension)
const PT_DD_START: u32 = 108;
const PT_SEP_AT: u32 = 112;  // start of the last separator (span start for /etc/...); bit 31 (SEP_NOOP): every segment from the
                             // value's start to it is a no-op, '.' or empty (./ .// .\: a parent step after it climbs out of the root)
const SEP_NOOP: u32 = 0x80000000;
const PT_DRIVE: u32 = 116;   // 1: the value starts with a drive-relative path (c:name, no separator after the colon)
const PT_ROOT_START: u32 = 120;
const PT_INF_START: u32 = 124;

// Second region (st + ST_PATH2): reports held for what follows them. (The three holds come first: held() reads them with two loads.)
const H_PROSE: u32 = 0;      // a sensitive name held for the words after it (edit /etc/hosts on a Mac, win.ini is a legacy
                             // file): 1 the path goes on, 2 a space followed it, 3 a word, 4 a space after that word
const H_EXT: u32 = 4;        // a sensitive extension waiting for the next byte: 1 secret, 2 sensitive
const H_DOTRX: u32 = 8;      // 1: a \.\ single-dot step waits for the next event (a regex's escaped dot: \d+\.\d+)
const H_WORD_END: u32 = 12;  // end of the last word
const H_SP_END: u32 = 16;    // end + 1 of a space right after a word (a path starting there starts in prose)
const H_START: u32 = 20;
const H_EXT_START: u32 = 24;
const H_EXT_END: u32 = 28;
const H_SEPC: u32 = 32;      // the last separator byte (/ or \)
const H_END: u32 = 36;
const H_DOTRX_START: u32 = 40;
const H_DOTRX_END: u32 = 44;
const H_NEED: u32 = 48;      // words after the held name that make it prose: 1 (prose came before it), 2 (it opened the value)
const H_RULES: u32 = 52;     // what the held name reports: RB_* bits
const H_RUN: u32 = 56;       // end + 1 of the last space (0: none yet): a run of non-space bytes starts there
const H_RUNF: u32 = 60;      // what the run holds besides words: RF_* bits (0: words only so far)

/** A report held for the next event (H_PROSE H_EXT H_DOTRX, the region's first 12 bytes). */
// @ts-ignore: decorator
@inline function held(h: usize): bool {
  return (load<u64>(h) | <u64>load<u32>(h, 8)) != 0;
}

// Punctuation classes, one load per byte: PB_PATH a byte paths are made of (/ \ . ~ - _: a run with
// any other punctuation is an argument, not prose, see RF_OTHER); PB_TRACK a byte the trackers act on
// even when quiet (. / \, and $ for an NTFS stream, see ntfsStream; with every tracker at rest, : - _ only move the last
// end, like a space: see pathPunct).
const PB_PATH: u32 = 1;
const PB_TRACK: u32 = 2;
const PUNCT_CLASS: usize = memory.data<u8>([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 1,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
]);

const RF_OTHER: u32 = 1;     // a byte no path is made of (= @ : ; quotes ...): a name in this run is an argument, not prose
const RF_PUNCT: u32 = 2;     // any punctuation: the run is not one plain word

const RB_FILE: u32 = 1;
const RB_SECRET_EXT: u32 = 2;
const RB_SENSITIVE_EXT: u32 = 4;

/** `p` is zero (scanBegin zeroes the state block): nothing else to set. */
export function pathInit(p: usize): void {}

/**
 * A sensitive name in a sentence (How do I edit /etc/hosts on a Mac? win.ini is a legacy file) opens
 * nothing: a file parameter is the path alone, and a command around it is the command detector's.
 * Held from the name while the path goes on. When words came before it, one word after the space
 * that ends it makes it prose; when it opened the value, two words must follow (/etc/passwd foo is
 * still reported). Anything else — the end, a quote, a separator, a NUL dropped before the space — reports it.
 */
function proseEvent(st: usize, h: usize, isWord: bool, c: u32, adjacent: bool): void {
  const held = g32(h, H_PROSE);
  if (held == 1 && adjacent && (isWord || c == 0x2f || c == 0x5c || c == 0x2e || c == 0x2d || c == 0x5f)) return;
  if ((held == 1 || held == 3) && adjacent && c == 0x20) { s32(h, H_PROSE, held + 1); return; }
  if ((held == 2 || held == 4) && isWord) {
    if (held == 2 && g32(h, H_NEED) == 2) { s32(h, H_PROSE, 3); return; }
    s32(h, H_PROSE, 0);
    return;
  }
  reportHeld(st, g32(h, H_RULES), g32(h, H_START), g32(h, H_END));
  s32(h, H_PROSE, 0);
}

function reportHeld(st: usize, rules: u32, start: u32, end: u32): void {
  if ((rules & RB_FILE) != 0) report(st, R_PATH_SENSITIVE_FILE, start, end);
  if ((rules & RB_SECRET_EXT) != 0) report(st, R_PATH_SECRET_EXTENSION, start, end);
  if ((rules & RB_SENSITIVE_EXT) != 0) report(st, R_PATH_SENSITIVE_EXTENSION, start, end);
}

/**
 * A sensitive file name found at [start, end): held for the words after it when its run of non-space
 * bytes opens the value or follows a word and a space (see proseEvent), reported now otherwise.
 * `state` is where the hold begins: 1 at the name, 2 at a space already after it.
 */
function holdOrReport(st: usize, rules: u32, start: u32, end: u32, state: u32): void {
  const h = st + ST_PATH2;
  const held = g32(h, H_PROSE);
  if (held == 1 && state == 1) { // more of the same path (/etc/hosts as a system file and as /etc/<name>): one hold
    s32(h, H_RULES, g32(h, H_RULES) | rules);
    if (start < g32(h, H_START)) s32(h, H_START, start);
    if (end > g32(h, H_END)) s32(h, H_END, end);
    return;
  }
  const run = g32(h, H_RUN);
  const need: u32 = (g32(h, H_RUNF) & RF_OTHER) != 0 ? 0 : run == 0 ? 2 : g32(h, H_SP_END) == run ? 1 : 0;
  if (need == 0 || held != 0) { reportHeld(st, rules, start, end); return; }
  s32(h, H_PROSE, state); s32(h, H_NEED, need); s32(h, H_RULES, rules); s32(h, H_START, start); s32(h, H_END, end);
}

/**
 * \.\ then a one-letter class escape glued to it (\d \w \s \b) is a regular expression's escaped dot
 * (\d+\.\d+, ^\w+\.\w+$), not a /./ step; anything else (a name, more dots, the end) reports it.
 */
function dotRegexEvent(st: usize, h: usize, isWord: bool, len: u32, w0: u32, adjacent: bool): void {
  s32(h, H_DOTRX, 0);
  if (isWord && adjacent && len == 1 && (w0 == 0x64 || w0 == 0x77 || w0 == 0x73 || w0 == 0x62)) return;
  report(st, R_PATH_DOT_EVASION, g32(h, H_DOTRX_START), g32(h, H_DOTRX_END));
}

/**
 * A sensitive extension glued to a '-' or a '(' is no extension: worker.sql-wasm.js names a
 * script, body.dump() calls a method. Held for the next byte; anything else (or the end) reports it.
 */
function extEvent(st: usize, h: usize, c: u32, adjacent: bool): void {
  const held = g32(h, H_EXT);
  s32(h, H_EXT, 0);
  if (adjacent && (c == 0x2d || c == 0x28)) return;
  const rules = ((held & 1) != 0 ? RB_SECRET_EXT : 0) | ((held & 2) != 0 ? RB_SENSITIVE_EXT : 0);
  // a space after it: a file named in a sentence (backup.sql is 3 GB, how do I import it?), decided by the words that follow
  if (adjacent && c == 0x20) holdOrReport(st, rules, g32(h, H_EXT_START), g32(h, H_EXT_END), 2);
  else reportHeld(st, rules, g32(h, H_EXT_START), g32(h, H_EXT_END));
}

// @ts-ignore: decorator
@inline function atSegmentStart(p: usize, start: u32): bool {
  return g32(p, PT_ANY) == 0 || g32(p, PT_SEG) == start + 1;
}

/** No pending target or scheme (a dot run aside), and a word before: see plainWord. */
// @ts-ignore: decorator
@inline function idleButDots(p: usize): bool {
  // DOTDIR SYS STEM FILE SLASHES ROOT INF (offsets 4-31) all zero, then PEND and UNC (32 36); WORDS set
  // (and so ANY: every step that counts a word sets it)
  return !v128.any_true(v128.or(v128.or(v128.and(v128.load(p), v128.load(ALL_BUT_LANE0)), v128.load(p, 16)),
    v128.and(v128.load(p, 32), v128.load(LANES_0_1)))) && g32(p, PT_WORDS) != 0;
}
const ALL_BUT_LANE0: usize = memory.data<u32>([0, 0xffffffff, 0xffffffff, 0xffffffff], 16);
const LANES_0_1: usize = memory.data<u32>([0xffffffff, 0xffffffff, 0, 0], 16);

/**
 * Every tracker at rest after something was seen, a stem word's mark aside (see pathPunct).
 */
// @ts-ignore: decorator
@inline function quietButStem(p: usize): bool {
  // DOTS DOTDIR SYS FILE SLASHES ROOT INF (offsets 0-31 but STEM's 12) all zero, then PEND and UNC
  return !v128.any_true(v128.or(v128.and(v128.load(p), v128.load(ALL_BUT_LANE3)), v128.load(p, 16))) &&
    (g32(p, PT_PEND) | g32(p, PT_UNC)) == 0 && g32(p, PT_ANY) != 0;
}
const ALL_BUT_LANE3: usize = memory.data<u32>([0xffffffff, 0xffffffff, 0xffffffff, 0], 16);

/**
 * Length-indexed masks of the first, last and second bytes (bit b & 31) of the stems (secretStem, climbedSecretStem,
 * serverStem), web|meta and tomcat: a load or two clear most words of all of them (a superset: a candidate
 * takes the exact tests). Generated from the word lists there; a stem added there is added here.
 */
const STEM_FIRST: usize = memory.data<u32>([0x0, 0x0, 0x2000, 0x880000, 0x82800, 0x84100, 0x50000a, 0x90002, 0x81010, 0x0, 0x10000, 0x8, 0x0, 0x1008]);
const STEM_LAST: usize = memory.data<u32>([0x0, 0x0, 0x2000000, 0x4, 0x200012, 0x1000010, 0x1000b0, 0xc0010, 0x80030, 0x0, 0x80000, 0x80000, 0x0, 0x84000]);
const STEM_SECOND: usize = memory.data<u32>([0x0, 0x0, 0x2000000, 0x2020, 0xc0020, 0x101082, 0x98000, 0x50020, 0x222, 0x0, 0x2, 0x40000, 0x0, 0x8000]);

// @ts-ignore: decorator
@inline function stemCandidate(w: usize, len: u32): bool {
  const i = <usize>len << 2;
  return len < 14 && ((load<u32>(STEM_FIRST + i) >> (<u32>load<u8>(w) & 31)) & 1) != 0 &&
    ((load<u32>(STEM_LAST + i) >> (<u32>load<u8>(w + <usize>len - 1) & 31)) & 1) != 0 &&
    ((load<u32>(STEM_SECOND + i) >> (<u32>load<u8>(w, 1) & 31)) & 1) != 0;
}

/**
 * For scanner.ts's ordinary words: is stemCandidate false for every word of `len` bytes (15: 15 or more) whose first
 * byte is `w0` and second `w1` (any byte when `anyW1`), whatever its last byte?
 */
export function pathOrdinaryShape(w0: u32, w1: u32, len: u32, anyW1: bool): bool {
  const i = <usize>len << 2;
  return len >= 14 || ((load<u32>(STEM_FIRST + i) >> (w0 & 31)) & 1) == 0 || load<u32>(STEM_LAST + i) == 0 ||
    (anyW1 ? load<u32>(STEM_SECOND + i) == 0 : ((load<u32>(STEM_SECOND + i) >> (w1 & 31)) & 1) == 0);
}

/**
 * The stem kinds a word opens a <stem>.<ext> pair with (1 a system stem, 2 a secrets file, 4 a server config, 8 a secrets
 * file after a parent step), or 0.
 */
// @ts-ignore: decorator
@inline function stemKind(w: usize, len: u32, flags: u64): u32 {
  const sys: u32 = (flags & K_P_STEM) != 0 ? 1 : 0;
  return stemCandidate(w, len) ? sys | (secretStem(w, len) ? 2 : 0) | (serverStem(w, len) ? 4 : 0) | (climbedSecretStem(w, len) ? 8 : 0) : sys;
}

// The flags the full step acts on for a value's first word (a system dir, a stem, a scheme), and for a
// later word with every tracker idle (a stem, a scheme; after a name's '.' also the extension classes).
// The others (a file after a system dir, a dot-file, a .config dir, a bin dir under a root) need a
// tracker set or a segment start first.
const FIRST_FLAGS: u64 = K_P_SYSDIR | K_P_STEM | K_P_SCHEME_FILE;
const IDLE_FLAGS: u64 = K_P_STEM | K_P_SCHEME_FILE;
const EXT_FLAGS: u64 = K_P_SENS_EXT_STRONG | K_P_SENS_EXT | K_P_STEM_EXT;

/**
 * A later word with every tracker but the dot run idle, not right after a segment start's '.' or a
 * separator (a run of 2 dots excepted: it may close a traversal), whose flags (`mask`: IDLE_FLAGS
 * with or without K_P_STEM) the full step ignores there: the full step then changes nothing but the
 * dot run, the last end and a stem's mark (the word count it would move is nonzero already, and only
 * ever tested against zero).
 */
// @ts-ignore: decorator
@inline function idleWord(p: usize, flags: u64, mask: u64, start: u32): bool {
  const dots = g32(p, PT_DOTS);
  return g32(p, PT_DOTWORD) != start + 1 && g32(p, PT_SEG) != start + 1 && idleButDots(p) && dots != 2 &&
    (flags & (g32(p, PT_EXT) == start + 1 ? mask | EXT_FLAGS : mask)) == 0;
}

/**
 * The stems an idle word's full step marks: none for a word with no path flags, no dot run and no
 * extension before it (the original plain word: a stem there opens no pair), else stemKind.
 */
// @ts-ignore: decorator
@inline function idleStems(p: usize, flags: u64, start: u32): bool {
  return flags != 0 || g32(p, PT_DOTS) != 0 || g32(p, PT_EXT) == start + 1;
}

/**
 * (inlined in the lexer's dispatch: most words take one of two exits without a call: a value's first
 * word that is no stem, web|meta, tomcat or a one-letter drive, and a later idle word that is no stem)
 */
// @ts-ignore: decorator
@inline export function pathWord(st: usize, p: usize, flags: u64, len: u32, same: bool, start: u32, end: u32, ordinary: bool = false): void {
  // (`ordinary`: scanner.ts's word of a shape pathOrdinaryShape passes: no stemCandidate)
  flags &= K_FAMILY_PATH | K_C_BINDIR; // (a keyword of another family only takes the plain-word path)
  const h = st + ST_PATH2;
  s32(h, H_WORD_END, end);
  const w = st + ST_LEX + LX_WORD;
  // (the full step's exits below, for a word that is no candidate stem)
  let done = false;
  if (!held(h)) {
    if (g32(p, PT_ANY) == 0) {
      if ((flags & FIRST_FLAGS) == 0 && len >= 2 && (ordinary || !stemCandidate(w, len))) { s32(p, PT_WORDS, 1); s32(p, PT_ANY, 1); s32(p, PT_LAST_END, end); done = true; }
    } else if (idleWord(p, flags, IDLE_FLAGS, start) && (ordinary || !idleStems(p, flags, start) || !stemCandidate(w, len))) {
      s32(p, PT_DOTS, 0); s32(p, PT_LAST_END, end); done = true;
    }
  }
  if (!done) pathWordFull(st, p, flags, len, same, start, end);
}

/**
 * A '$' glued after ':' in a run of non-space bytes with a name's extension before it (x.php::$ x.aspx:s:$): the
 * attribute type of an NTFS stream follows. name.ext::$DATA is the file's own content to Windows (IIS, file APIs) but
 * not the name an extension filter or a handler mapping sees: a script's source read instead of run, an upload saved
 * as the script it was refused as (shell.aspx::$DATA); ::$INDEX_ALLOCATION names a directory. (PHP's self::$data has no
 * extension before it.)
 */
// @ts-ignore: decorator
@inline function ntfsStream(p: usize, h: usize): bool {
  const ext = g32(p, PT_EXT);
  return ext != 0 && ext > g32(h, H_RUN);
}

/** An NTFS attribute type a stream name ends in ($DATA, $INDEX_ALLOCATION, $BITMAP, $ATTRIBUTE_LIST), folded. */
function ntfsStreamType(w: usize, len: u32): bool {
  return wordIs(w, len, "data") || wordIs(w, len, "index_allocation") || wordIs(w, len, "bitmap") || wordIs(w, len, "attribute_list");
}

/**
 * Device files under /dev that a file read never finishes on or that expose memory: /dev/zero /dev/urandom
 * /dev/random /dev/full (endless or blocking reads: a denial of service where a path is read) and /dev/mem
 * /dev/port (raw memory, I/O ports). Common words elsewhere (a random dir, a zero file), so only after dev.
 * (/dev/null is left out: 2>/dev/null is ordinary in pasted commands and reads nothing.)
 */
function devFile(w: usize, len: u32): bool {
  return len >= 3 && len <= 7 && (wordIs(w, len, "zero") || wordIs(w, len, "random") || wordIs(w, len, "urandom") ||
    wordIs(w, len, "full") || wordIs(w, len, "mem") || wordIs(w, len, "port"));
}

function pathWordFull(st: usize, p: usize, flags: u64, len: u32, same: bool, start: u32, end: u32): void {
  const h = st + ST_PATH2;
  if (held(h)) { // (a report held for this event: rare)
    const adj = g32(p, PT_LAST_END) == start;
    if (g32(h, H_PROSE) != 0) proseEvent(st, h, true, 0, adj);
    if (g32(h, H_EXT) != 0) extEvent(st, h, 0, false);
    if (g32(h, H_DOTRX) != 0) dotRegexEvent(st, h, true, len, <u32>load<u8>(st + ST_LEX + LX_WORD), adj);
  }
  const w = st + ST_LEX + LX_WORD;
  if (g32(p, PT_ANY) == 0) {
    // The value's first word, not a name the trackers below start on (a drive letter, a system dir, a
    // scheme, web|meta, tomcat): with nothing before it every tracker stays at zero but a stem's mark; only the
    // counts move. (No overlong segment either: there is no separator before it.)
    if ((flags & (K_P_SYSDIR | K_P_SCHEME_FILE)) == 0 && len >= 2 && !wordIs(w, len, "web") && !wordIs(w, len, "meta") && !wordIs(w, len, "tomcat")) {
      const sk = stemKind(w, len, flags);
      if (sk != 0) { s32(p, PT_STEM, 1); s32(p, PT_STEM_START, start); s32(p, PT_STEM_KIND, sk); }
      s32(p, PT_WORDS, 1); s32(p, PT_ANY, 1); s32(p, PT_LAST_END, end);
      return;
    }
  } else if (idleWord(p, flags, K_P_SCHEME_FILE, start)) {
    // a later idle word (see idleWord), a stem included
    const sk = idleStems(p, flags, start) ? stemKind(w, len, flags) : 0;
    if (sk != 0) { s32(p, PT_STEM, 1); s32(p, PT_STEM_START, start); s32(p, PT_STEM_KIND, sk); }
    s32(p, PT_DOTS, 0); s32(p, PT_LAST_END, end);
    return;
  }
  const adjacent = g32(p, PT_LAST_END) == start;
  if ((g32(p, PT_PEND) >> 31) != 0) pendingStep(st, p, true); // a word after the path and a space: prose
  dotDotEnd(st, p, start);
  if (same && len >= 64 && g32(p, PT_SEG) == start + 1) report(st, R_PATH_OVERFLOW_SEGMENT, start - 1, end);
  const dotword = g32(p, PT_DOTWORD) == start + 1;
  if (dotword && (flags & K_P_DOTFILE) != 0) holdOrReport(st, RB_FILE, start - 1, end, 1);
  // /.hidden-dir/config
  const dd = g32(p, PT_DOTDIR);
  if (dd == 2 && adjacent && (flags & K_P_DOTCONF) != 0) report(st, R_PATH_SENSITIVE_FILE, g32(p, PT_DD_START), end);
  if (dotword) { s32(p, PT_DOTDIR, 1); s32(p, PT_DD_START, start - 1); }
  else if (!((dd == 1 || dd == 2) && adjacent)) s32(p, PT_DOTDIR, 0);
  if (g32(p, PT_EXT) == start + 1) {
    // A secret's extension on a bare name (dump.sql, Pitch Deck.key, cert.pem: an upload's or a message's file name) names
    // no file to read: it does in a path (a separator anywhere before it: /site/db.sql, ..\x.bak, ../Copy of db.sql, and
    // x/%09db.sql, whose tab a URL parser drops, red team rt34) or as the request path itself (forced browsing). (At paranoia
    // 2 the bare name still reports as a sensitive extension.)
    const named = g32(st, ST_CONTEXT) == CTX_PATH || g32(p, PT_SEG) != 0;
    const ext: u32 = ((flags & K_P_SENS_EXT_STRONG) != 0 && named ? 1 : 0) | ((flags & K_P_SENS_EXT) != 0 ? 2 : 0);
    if (ext != 0) { s32(h, H_EXT, ext); s32(h, H_EXT_START, start - 1); s32(h, H_EXT_END, end); }
    if (g32(p, PT_DOTDIR) == 2 && (flags & K_P_DOTCONF) != 0) report(st, R_PATH_SENSITIVE_FILE, g32(p, PT_DD_START), end);
    // c:boot.ini, d:x\global.asa: a drive-relative value (c:name, which users do not type; a stripped c:\) naming a Windows system file type (not .xml)
    if (g32(p, PT_DRIVE) != 0 && (flags & K_P_STEM_EXT) != 0 && load<u8>(w) != 0x78) report(st, R_PATH_SENSITIVE_FILE, 0, end);
  }
  // <sysdir>/<file>
  const sys = g32(p, PT_SYS);
  if (sys == 2 && adjacent && ((flags & K_P_FILE) != 0 || (g32(p, PT_SYS_DEV) != 0 && devFile(w, len)))) holdOrReport(st, RB_FILE, g32(p, PT_SYS_START), end, 1);
  if ((flags & K_P_SYSDIR) != 0 && (atSegmentStart(p, start) || (sys == 2 && adjacent))) {
    s32(p, PT_SYS, 1);
    if (sys != 2) s32(p, PT_SYS_START, g32(p, PT_SEG) == start + 1 ? g32(p, PT_SEP_AT) & ~SEP_NOOP : start);
    s32(p, PT_SYS_DEV, len == 3 && wordIs(w, len, "dev") ? 1 : 0);
  } else s32(p, PT_SYS, 0);
  // <stem>.<ext>  (kind 1: a system stem, win.ini; kind 2: an application secrets file, config.php, database.yml; kind 8:
  // one only after a parent step, ../configuration.php)
  const stem = g32(p, PT_STEM);
  if (stem == 2 && adjacent) {
    const sk = g32(p, PT_STEM_KIND);
    if (((sk & 1) != 0 && (flags & K_P_STEM_EXT) != 0) || (((sk & 2) != 0 || ((sk & 8) != 0 && g32(p, PT_TRAV) > 0)) && secretExt(w, len)) ||
        ((sk & 4) != 0 && (wordIs(w, len, "conf") || wordIs(w, len, "cnf") || wordIs(w, len, "ini")))) holdOrReport(st, RB_FILE, g32(p, PT_STEM_START), end, 1);
  }
  const sk = stemKind(w, len, flags);
  if (sk != 0) { s32(p, PT_STEM, 1); s32(p, PT_STEM_START, start); s32(p, PT_STEM_KIND, sk); }
  else s32(p, PT_STEM, 0);
  // \\host\: the host name of a UNC path
  const unc = g32(p, PT_UNC), u = unc & UNC_STATE;
  if (u == 2 && g32(p, PT_SEG) == start + 1) s32(p, PT_UNC, 3 | (unc & UNC_FWD));
  else if (u == 3 && (unc & UNC_AT) != 0) { // host@SSL host@443: the WebDAV redirector's UNC path, not a URL's userinfo
    s32(p, PT_UNC, (unc & ~UNC_AT) | (adjacent && (wordIs(w, len, "ssl") || portOf(w, len) < 0x10000) ? UNC_SSL : 0));
  }
  else if (u == 5 && g32(p, PT_SEG) == start + 1) s32(p, PT_UNC, 6 | UNC_FWD);
  else if (u != 3) s32(p, PT_UNC, 0);
  // /proc/<pid>/: a number continues a system directory
  if (sys == 2 && adjacent && load<u8>(w) - 0x30 < 10) { s32(p, PT_SYS, 1); s32(p, PT_SYS_DEV, 0); }
  rootWord(st, p, w, len, flags, start, end, adjacent);
  // a log or session file by its own name at a segment start: /x/error_log, /tmp/sess_<id> (log and session poisoning)
  if (g32(p, PT_SEG) == start + 1 && (wordIs(w, len, "error_log") || wordIs(w, len, "access_log") || sessionFile(w, len))) {
    report(st, R_PATH_SENSITIVE_FILE, start - 1, end);
  }
  // WEB-INF/x META-INF/x: the archive's private directory
  const inf = g32(p, PT_INF);
  if (inf == 4 && adjacent) { report(st, R_PATH_SENSITIVE_FILE, g32(p, PT_INF_START), end); s32(p, PT_INF, 0); }
  else if (inf == 2 && adjacent && wordIs(w, len, "inf")) s32(p, PT_INF, 3);
  else if (inf == 6 && adjacent && wordIs(w, len, "users")) {
    // Tomcat's user database (its manager passwords): judged like a system stem, so it needs its .xml
    s32(p, PT_INF, 0); s32(p, PT_STEM, 1); s32(p, PT_STEM_START, g32(p, PT_INF_START)); s32(p, PT_STEM_KIND, 1);
  }
  else if (atSegmentStart(p, start) && (wordIs(w, len, "web") || wordIs(w, len, "meta"))) { s32(p, PT_INF, 1); s32(p, PT_INF_START, start); }
  else if (atSegmentStart(p, start) && wordIs(w, len, "tomcat")) { s32(p, PT_INF, 5); s32(p, PT_INF_START, start); }
  else s32(p, PT_INF, 0);
  // file: and drive roots
  const f = g32(p, PT_FILE);
  if (f == 4 && adjacent) s32(p, PT_DRIVE, 1);
  // jar:http:// jar:https:// jar:ftp://: an archive Java fetches from the sender's server and reads entries or classes from
  // (XXE and SSRF payloads; jar:file: is file:'s). The scheme alone waits in state 6, 7 after its ':' (jar: in prose stays)
  // (after a word and a space, "mason jar:https://shop.test/jars" is prose: only the "!/" Java needs in every jar: URL,
  // jar:http://h/x.jar!/, reports it there; state 14, then 15 its '!')
  if (f == 7 && adjacent && len >= 3 && len <= 5 && (wordIs(w, len, "http") || wordIs(w, len, "https") || wordIs(w, len, "ftp"))) {
    if (g32(st + ST_PATH2, H_SP_END) == g32(p, PT_F_START) + 1) s32(p, PT_FILE, 14);
    else report(st, R_PATH_FILE_SCHEME, g32(p, PT_F_START), end);
  }
  // name.ext::$DATA: an NTFS stream's type (see ntfsStream)
  if (f == 19 && adjacent && ntfsStreamType(w, len)) report(st, R_PATH_DOT_EVASION, g32(p, PT_F_START), end);
  // (file:app.py, file:src/x, a file URL relative to the working directory, is not read: it is the same bytes as a code
  // search's filter, file:index.html, file:src/app.ts; file:/ file:../ and file:// are)
  if ((f == 14 || f == 15) && adjacent) s32(p, PT_FILE, 14); // (a word in the jar: URL)
  else if (adjacent && rawState(f)) rawScheme(st, p, f, 0, true, portOf(w, len), adjacent, end);
  else if (f == 7 && g32(p, PT_FILE) == 14) {} // (see above)
  else if ((flags & K_P_SCHEME_FILE) != 0 && len >= 4 && len <= 6 && (wordIs(w, len, "gopher") || wordIs(w, len, "dict"))) {
    s32(p, PT_FILE, 8 | (len == 4 ? FT_DICT : 0)); s32(p, PT_F_START, start);
  }
  else if ((flags & K_P_SCHEME_FILE) != 0) {
    s32(p, PT_FILE, len == 3 && wordIs(w, len, "jar") ? 6 : wordIs(w, len, "file") || wordIs(w, len, "netdoc") ? 21 : 1); s32(p, PT_F_START, start);
  }
  else if (len == 1 && g32(p, PT_WORDS) == 0) { s32(p, PT_FILE, 3); s32(p, PT_F_START, start); }
  else s32(p, PT_FILE, 0);
  s32(p, PT_DOTS, 0);
  s32(p, PT_WORDS, g32(p, PT_WORDS) + 1);
  s32(p, PT_ANY, 1);
  s32(p, PT_LAST_END, end);
}

/**
 * A path rooted at the value start (/x, \x, c:\x) that runs through system directories into
 * /etc, /proc or /boot names whatever file follows (/etc/my.cnf, /usr/local/etc/x, /proc/sched_debug);
 * into \windows, \winnt or \inetpub, any file name with an extension (c:\windows\panther\unattend.xml).
 * Not for request paths, where /etc/.. may be an application's own route.
 */
function rootWord(st: usize, p: usize, w: usize, len: u32, flags: u64, start: u32, end: u32, adjacent: bool): void {
  const root = g32(p, PT_ROOT);
  if (root == 0) return;
  const seg = g32(p, PT_SEG) == start + 1;
  let next: u32 = 0;
  if (root == 1 && seg) {
    if ((wordIs(w, len, "etc") || wordIs(w, len, "proc") || wordIs(w, len, "boot")) && g32(st, ST_CONTEXT) != CTX_PATH) next = 2;
    else if (wordIs(w, len, "windows") || wordIs(w, len, "winnt") || wordIs(w, len, "inetpub")) next = 4;
    else if ((flags & (K_P_SYSDIR | K_C_BINDIR)) != 0) next = 1;
  } else if (root == 3 && seg) holdOrReport(st, RB_FILE, g32(p, PT_ROOT_START), end, 1);
  else if (root == 4 && (seg || adjacent)) next = 4;
  else if (root == 5 && adjacent && len >= 2) holdOrReport(st, RB_FILE, g32(p, PT_ROOT_START), end, 1);
  s32(p, PT_ROOT, next);
}

function rootPunct(p: usize, c: u32, start: u32, adjacent: bool): void {
  const root = g32(p, PT_ROOT);
  let next: u32 = 0;
  if (c == 0x2f || c == 0x5c) {
    if (g32(p, PT_ANY) == 0) { next = 1; s32(p, PT_ROOT_START, start); }        // /x \x at the value start
    else if (g32(p, PT_FILE) == 4 && adjacent) { next = 1; s32(p, PT_ROOT_START, g32(p, PT_F_START)); } // c:\
    else if (adjacent && (root == 1 || root == 4)) next = root;
    else if (adjacent && root == 2) next = 3;
  } else if (root == 4 && adjacent && (c == 0x2e || c == 0x2d || c == 0x24)) next = c == 0x2e ? 5 : 4; // name.ext  net-setup  c$
  s32(p, PT_ROOT, next);
}

/** sess_<id>: a PHP session file. */
function sessionFile(w: usize, len: u32): bool {
  return len >= 9 && load<u8>(w) == 0x73 && load<u8>(w + 1) == 0x65 && load<u8>(w + 2) == 0x73 && load<u8>(w + 3) == 0x73 && load<u8>(w + 4) == 0x5f;
}

/** The first `n` (1-8) word bytes as a little-endian number (the lexer's word buffer holds KW_MAX_WORD bytes). */
// @ts-ignore: decorator
@inline function head(w: usize, n: u32): u64 {
  return load<u64>(w) & (<u64>0xffffffffffffffff >> ((8 - <u64>n) << 3));
}

/** Names of application settings files that hold credentials (with secretExt). */
function secretStem(w: usize, len: u32): bool {
  // (whole-word compares, the names' bytes as little-endian numbers)
  switch (len) {
    case 6: return head(w, 6) == 0x6769666e6f63;                                              // config
    case 7: return head(w, 7) == 0x73746572636573;                                            // secrets
    case 8: { const x = load<u64>(w); return x == 0x73676e6974746573 || x == 0x6573616261746164; } // settings database
    case 10: return load<u64>(w) == 0x6574656d61726170 && load<u16>(w, 8) == 0x7372;          // parameters
    case 11: return load<u64>(w) == 0x69746e6564657263 && load<u32>(w, 7) == 0x736c6169;      // credentials
    case 13: return load<u64>(w) == 0x7465736c61636f6c && load<u64>(w, 5) == 0x73676e6974746573; // localsettings (MediaWiki)
    default: return false;
  }
}

/**
 * Joomla's configuration.php: its database password, but also the name of an ordinary admin page elsewhere
 * (osCommerce's and Zen Cart's admin/configuration.php?gID=1), so a secrets file only reached by a parent step.
 */
// @ts-ignore: decorator
@inline function climbedSecretStem(w: usize, len: u32): bool {
  return len == 13 && load<u64>(w) == 0x72756769666e6f63 && load<u64>(w, 5) == 0x6e6f697461727567; // configuration
}

/** Server configuration files by name (with .conf .cnf .ini): httpd.conf, my.cnf, nginx.conf, krb5.conf. */
function serverStem(w: usize, len: u32): bool {
  // (whole-word compares, the names' bytes as little-endian numbers)
  switch (len) {
    case 2: return head(w, 2) == 0x796d;                                                      // my
    case 3: return head(w, 3) == 0x626d73;                                                    // smb
    case 4: { const x = head(w, 4); return x == 0x3562726b || x == 0x64687373; }              // krb5 sshd
    case 5: { const x = head(w, 5); return x == 0x6470747468 || x == 0x786e69676e || x == 0x64656d616e || x == 0x6470616c73; } // httpd nginx named slapd
    case 6: { const x = head(w, 6); return x == 0x656863617061 || x == 0x647074667376; }      // apache vsftpd
    case 7: { const x = head(w, 7); return x == 0x32656863617061 || x == 0x647074666f7270; }  // apache2 proftpd
    case 8: return load<u64>(w) == 0x647074746867696c;                                        // lighttpd
    default: return false;
  }
}

function secretExt(w: usize, len: u32): bool {
  return wordIs(w, len, "php") || wordIs(w, len, "inc") || wordIs(w, len, "yml") || wordIs(w, len, "yaml") || wordIs(w, len, "py");
}

/** A '..' segment ended by something other than a slash still steps up when it continues a traversal: ../.. */
// @ts-ignore: decorator
@inline function dotDotEnd(st: usize, p: usize, at: u32): void {
  if (g32(p, PT_DOTS) == 2 && g32(p, PT_DEND) == at && g32(p, PT_DOTSEG) != 0 && g32(p, PT_TRAV) > 0 && g32(p, PT_TEND) == g32(p, PT_DSTART)) {
    traversal(st, p, g32(p, PT_DSTART), at);
  }
}

/**
 * A separator for the UNC tracker (PT_UNC). Two separators open the value, then a host name and a separator: Windows reads
 * \\host\share (and \\host/share: after the opening either separator) as a file on another machine. An opening with a '/'
 * in it (//host/x, //host\x, /\host\x, \/host\/x) is as much a protocol-relative URL (//cdn.example/x.js), a comment
 * (//note\n), a regex (/\bfoo\b/) or a JSON-escaped path (\/api\/v1), so it reports only with a mark none of those has:
 * the WebDAV redirector's host@SSL or host@port, or a hidden or administrative share, a first segment ending in '$'
 * (//host/c$/x, //10.0.0.1/admin$, see pathPunctFull). The device forms \\.\ \\?\ (//./ //?/) report with either.
 */
function uncSeparator(st: usize, p: usize, c: u32, adjacent: bool, end: u32): void {
  const unc = g32(p, PT_UNC), u = unc & UNC_STATE;
  const fwd = (unc & UNC_FWD) != 0;
  if (adjacent && (u == 4 || (u == 3 && (!fwd || (unc & UNC_SSL) != 0)))) report(st, R_PATH_UNC, 0, end);
  let next: u32 = 0;
  if (g32(p, PT_ANY) == 0) next = 1 | (c == 0x2f ? UNC_FWD : 0);
  else if (u == 1 && adjacent) next = 2 | (fwd || c == 0x2f ? UNC_FWD : 0);
  else if (u == 3 && adjacent && fwd) next = 5 | UNC_FWD;
  s32(p, PT_UNC, next);
}

/**
 * A parent step in a request path (the path context) is a traversal however plain (/vpn/../vpns/x): every client that
 * normalises a URL (browsers, fetch, curl without --path-as-is) resolves dot segments before sending, so one that reaches
 * the server was written by hand, and a front that checks the raw prefix lets it through to what resolves it
 * (/vpn/../vpns/portal/scripts/newbm.pl passed Citrix's check for /vpn/, CVE-2019-19781; /public/../admin passes an
 * auth rule for /public/ and reaches /admin behind a proxy).
 */
// @ts-ignore: decorator
@inline function pathStep(st: usize): bool {
  return g32(st, ST_CONTEXT) == CTX_PATH;
}

/** The pending single step opening the value climbs out of the root after all (or, in prose, is a single step). */
function pendingStep(st: usize, p: usize, prose: bool): void {
  const pend = g32(p, PT_PEND);
  report(st, prose && !pathStep(st) ? R_PATH_DOT_DOT_SLASH : R_PATH_TRAVERSAL_SEQUENCE, (pend >> 30) & 1, (pend & 0x3fffffff) - 1);
  s32(p, PT_PEND, 0);
}

/**
 * A parent step in a request path (the path context) that the router and the handler read differently climbs at once,
 * wherever it stands: its dots or its separator decoded from an escape (..%2f %2e%2e/ .%2e/, or a folded look-alike), a
 * backslash as its separator, or its '..' glued to a name (static../). A router matches the raw segment (..%2fserver.js
 * is one name; no client that normalises a URL sends %2e%2e or '\' as a step: it resolves or converts them), and the
 * handler that decodes the parameter, or a Windows file API, or an alias without its trailing slash (nginx's location
 * /static { alias /srv/static/; } serves /static../app.py from /srv/static/../app.py), climbs out of the directory the
 * route names. A plain /a/../b in a request path is a traversal too (see pathStep), reported as the run of steps it
 * opens; in a value (query, form, JSON) it stays the notice it is.
 * `dstart`..`dend`: the dots' original span, `start`..`end` the separator's, `c` the separator.
 */
// @ts-ignore: decorator
@inline function disguisedStep(st: usize, p: usize, dstart: u32, dend: u32, c: u32, start: u32, end: u32): bool {
  return g32(st, ST_CONTEXT) == CTX_PATH && (c == 0x5c || g32(p, PT_DOTSEG) == 0 || dend - dstart != 2 || end - start != 1);
}

/** A parent step ending at `end`; `climbs`: it leaves the intended directory whatever precedes it (see disguisedStep). */
function traversal(st: usize, p: usize, dstart: u32, end: u32, climbs: bool = false): void {
  let trav = g32(p, PT_TRAV);
  if (trav > 0 && g32(p, PT_TEND) == dstart) trav++;
  else { trav = 1; s32(p, PT_TSTART, dstart); }
  s32(p, PT_TRAV, trav);
  s32(p, PT_TEND, end);
  // a parent step that opens the value (../x) or follows a leading slash (/../x) climbs out of the root
  // (or follows only no-op segments from the value's start, ./../x .//../x .\..\x: the same step, see SEP_NOOP)
  const sep = g32(p, PT_SEP_AT);
  const noop = g32(p, PT_WORDS) == 0 && g32(p, PT_SEG) == dstart + 1 && (sep & SEP_NOOP) != 0;
  const rooted = dstart == 0 || (g32(p, PT_WORDS) == 0 && g32(p, PT_SEG) == dstart + 1 && sep == 0) || noop;
  if (trav == 1 && rooted && (dstart <= 1 || noop) && !climbs) {
    // one step opening the value: a file parameter (../x) unless the value goes on as prose
    // ("../images/ and ../css/ folders"); decided at the next word after a space, other input or the end
    // (after no-op segments the report starts at the value's start)
    s32(p, PT_PEND, (end + 1) | ((noop ? 0 : dstart) << 30));
    return;
  }
  if (trav >= 2) s32(p, PT_PEND, 0);
  report(st, trav >= 2 || rooted || climbs || pathStep(st) ? R_PATH_TRAVERSAL_SEQUENCE : R_PATH_DOT_DOT_SLASH, g32(p, PT_TSTART), end);
}

function heldPunct(st: usize, p: usize, h: usize, c: u32, start: u32): void {
  const adj = g32(p, PT_LAST_END) == start;
  if (g32(h, H_PROSE) != 0) proseEvent(st, h, false, c, adj);
  if (g32(h, H_EXT) != 0) extEvent(st, h, c, adj); // (before the space below moves the run: the name is in the run it ends)
  if (g32(h, H_DOTRX) != 0) dotRegexEvent(st, h, false, 0, 0, adj);
}

/** (inlined in the lexer's dispatch: with the trackers quiet, most punctuation only moves the run and the last end) */
// @ts-ignore: decorator
@inline export function pathPunct(st: usize, p: usize, c: u32, start: u32, end: u32, prev: u32): void {
  const h = st + ST_PATH2;
  if (held(h)) heldPunct(st, p, h, c, start);
  if (c == 0x20) {
    // (prose before a name: a run that was one plain word, not an option such as -K or a key=value)
    if (g32(h, H_WORD_END) == start && g32(h, H_RUNF) == 0) s32(h, H_SP_END, end + 1);
    s32(h, H_RUN, end + 1);
    s32(h, H_RUNF, 0);
  }
  const cls = <u32>load<u8>(PUNCT_CLASS + <usize>c);
  if (c != 0x20) s32(h, H_RUNF, g32(h, H_RUNF) | RF_PUNCT | ((cls & PB_PATH) != 0 ? 0 : RF_OTHER));
  // With the trackers at rest (quietButStem), punctuation other than . / \ only clears a stem's mark and moves the
  // last end: pathPunctFull's last branch with DOTS FILE INF ROOT PEND UNC at zero writes zeros that are there already
  // (':' opens no file: URI or drive without a FILE state, '-' continues no web-|meta-|tomcat- without an INF state).
  if ((cls & PB_TRACK) == 0 && quietButStem(p)) { s32(p, PT_STEM, 0); s32(p, PT_LAST_END, end); }
  else pathPunctFull(st, p, h, c, start, end, prev);
}

/** PT_SLASHES: the run's first slash was glued to a token byte (see inToken); the low bits count the run. */
const SL_GLUED: u32 = 0x80000000;

/** A byte a run of slashes can continue a token from: a letter, digit, '+' (base64) or a non-ASCII byte. */
// @ts-ignore: decorator
@inline function inToken(b: u32): bool {
  return (b | 0x20) - 0x61 < 26 || b - 0x30 < 10 || b == 0x2b || b >= 0x80;
}

function pathPunctFull(st: usize, p: usize, h: usize, c: u32, start: u32, end: u32, prev: u32): void {
  const adjacent = g32(p, PT_LAST_END) == start;
  if (c == 0x2e && quietButStem(p)) {
    // A '.' opening a dot run with the trackers at rest (example.com, a sentence's end): the '.' branch below, whose
    // other stores write zeros that are there already (no ROOT INF FILE UNC DOTDIR SYS state to move on).
    const seg = g32(p, PT_SEG) == start + 1; // (atSegmentStart: ANY is set)
    s32(p, PT_DOTS, 1); s32(p, PT_DSTART, start); s32(p, PT_DEND, end);
    s32(p, PT_DOTSEG, seg ? 1 : 0);
    if (seg) s32(p, PT_DOTWORD, end + 1);
    if (adjacent) s32(p, PT_EXT, end + 1);
    s32(p, PT_STEM, g32(p, PT_STEM) == 1 && adjacent ? 2 : 0);
    s32(p, PT_LAST_END, end);
    return;
  }
  const pend = g32(p, PT_PEND);
  if (pend != 0) { if (c == 0x20) s32(p, PT_PEND, pend | 0x80000000); else if ((pend >> 31) != 0) pendingStep(st, p, false); }
  rootPunct(p, c, start, adjacent);
  const inf = g32(p, PT_INF);
  s32(p, PT_INF, adjacent && (((inf == 1 || inf == 5) && c == 0x2d) || (inf == 3 && (c == 0x2f || c == 0x5c))) ? inf + 1 : 0);
  const f = g32(p, PT_FILE);
  if (c == 0x2e) {
    if (g32(p, PT_DOTS) > 0 && g32(p, PT_DEND) == start) s32(p, PT_DOTS, g32(p, PT_DOTS) + 1);
    else {
      s32(p, PT_DOTS, 1); s32(p, PT_DSTART, start);
      s32(p, PT_DOTSEG, atSegmentStart(p, start) ? 1 : 0);
      if (atSegmentStart(p, start)) s32(p, PT_DOTWORD, end + 1);
      if (adjacent && g32(p, PT_ANY) != 0) s32(p, PT_EXT, end + 1);
    }
    s32(p, PT_DEND, end);
    const dots = g32(p, PT_DOTS);
    if (dots >= 4 && g32(p, PT_DOTSEG) != 0) report(st, R_PATH_DOT_EVASION, g32(p, PT_DSTART), end);
    if (g32(p, PT_STEM) == 1 && adjacent) s32(p, PT_STEM, 2); else s32(p, PT_STEM, 0);
    if ((f == 2 || f == 22) && adjacent) report(st, R_PATH_FILE_SCHEME, g32(p, PT_F_START), end); // file:../ file:....
    if (g32(p, PT_DOTDIR) == 2 && !adjacent) s32(p, PT_DOTDIR, 0);
    const unc0 = g32(p, PT_UNC), u0 = unc0 & UNC_STATE;
    if (u0 == 2 && adjacent) s32(p, PT_UNC, 4 | (unc0 & UNC_FWD)); // \\.\ a device path (//./ too)
    else if (u0 == 3) s32(p, PT_UNC, unc0 & ~(UNC_AT | UNC_SSL)); // host.name
    else if (u0 == 4 || u0 >= 5 || (unc0 & UNC_FWD) != 0) s32(p, PT_UNC, 0);
    s32(p, PT_SYS, 0);
    if (rawState(f)) rawScheme(st, p, f, c, false, 0, adjacent, end);
    else s32(p, PT_FILE, (f == 14 || f == 15) && adjacent ? 14 : 0); // (jar:https://h.test/a.jar: see pathWordFull)
  } else if (c == 0x2f || c == 0x5c) {
    const dots = g32(p, PT_DOTS);
    if (g32(p, PT_TRAV) > 0 && g32(p, PT_TEND) == start) s32(p, PT_TEND, end); // ..// still one step
    if (g32(p, PT_DOTDIR) == 1 && adjacent) s32(p, PT_DOTDIR, 2); else if (g32(p, PT_DOTDIR) != 2 || !adjacent) s32(p, PT_DOTDIR, 0);
    if (dots > 0 && g32(p, PT_DEND) == start) {
      // (foo../ is still a parent step for many servers)
      if (dots == 2) traversal(st, p, g32(p, PT_DSTART), end, disguisedStep(st, p, g32(p, PT_DSTART), g32(p, PT_DEND), c, start, end));
      else if (dots >= 3) report(st, R_PATH_DOT_EVASION, g32(p, PT_DSTART), end);
      else if (dots == 1 && g32(p, PT_DOTSEG) != 0 && g32(p, PT_ANY) != 0 && g32(p, PT_DSTART) > 0 && g32(p, PT_SEG) == g32(p, PT_DSTART) + 1) {
        // /./ — but \.\ waits: it may be a regular expression's escaped dot
        if (c == 0x5c && g32(h, H_SEPC) == 0x5c) { s32(h, H_DOTRX, 1); s32(h, H_DOTRX_START, g32(p, PT_DSTART) - 1); s32(h, H_DOTRX_END, end); }
        else report(st, R_PATH_DOT_EVASION, g32(p, PT_DSTART) - 1, end);
      }
    }
    // A run of 4+ slashes pads a path's opening (////etc/passwd, "////x", =////x) past a filter that matches its prefix.
    // A run glued on its left to a letter, digit or '+' is inside a token, not a path's opening: base64 of 0xFF bytes
    // (R0lGODlh/////wAB, fonts, GIFs), a URL's host////img.png, a////b; whatever follows it stays a relative name
    // (the dot runs, parent steps and sensitive names in it are reported by their own rules).
    const run0 = adjacent && g32(p, PT_SEG) == start + 1 ? g32(p, PT_SLASHES) : 0;
    const run = run0 != 0 ? run0 + 1 : 1 | (inToken(prev) ? SL_GLUED : 0);
    s32(p, PT_SLASHES, run);
    const slashes = run & ~SL_GLUED;
    if (slashes >= 4 && (run & SL_GLUED) == 0) report(st, R_PATH_DOT_EVASION, start + 1 - slashes, end);
    if (g32(p, PT_SYS) == 1 && adjacent) s32(p, PT_SYS, 2); else if (g32(p, PT_SYS) != 2 || !adjacent) s32(p, PT_SYS, 0);
    if (f == 2 || f == 22) report(st, R_PATH_FILE_SCHEME, g32(p, PT_F_START), end);
    uncSeparator(st, p, c, adjacent, end);
    if (f == 15 && adjacent && c == 0x2f) report(st, R_PATH_FILE_SCHEME, g32(p, PT_F_START), end); // a jar: URL's "!/"
    if (rawState(f)) rawScheme(st, p, f, c, false, 0, adjacent, end);
    else s32(p, PT_FILE, f == 4 || f == 5 ? 5 : (f == 14 || f == 15) && adjacent ? 14 : 0);
    // (no-op so far: the segment before this separator is empty or one '.', and so were all before it from the value's start)
    const seg0 = g32(p, PT_SEG), sep0 = g32(p, PT_SEP_AT);
    const dotSeg = g32(p, PT_DOTS) == 1 && g32(p, PT_DEND) == start && g32(p, PT_DSTART) + 1 == (seg0 == 0 ? 1 : seg0);
    const noop = g32(p, PT_WORDS) == 0 && (seg0 == 0 ? start == 0 || dotSeg : (sep0 & SEP_NOOP) != 0 && (start + 1 == seg0 || dotSeg));
    s32(p, PT_SEG, end + 1);
    s32(p, PT_SEP_AT, start | (noop ? SEP_NOOP : 0));
    s32(h, H_SEPC, c);
    s32(p, PT_DOTS, 0);
    s32(p, PT_STEM, 0);
  } else {
    dotDotEnd(st, p, start);
    const unc = g32(p, PT_UNC), u = unc & UNC_STATE;
    // host-name, host@SSL (the mark only right before the separator: //x@ssl.example.com/ is a URL's userinfo and host)
    if (u == 3) s32(p, PT_UNC, adjacent && (c == 0x2d || c == 0x5f || c == 0x40) ? (unc & ~(UNC_AT | UNC_SSL)) | (c == 0x40 ? UNC_AT : 0) : 0);
    else if (u == 2 && adjacent && c == 0x3f) s32(p, PT_UNC, 4 | (unc & UNC_FWD));                   // \\?\ an extended-length path
    else if (u == 6 && adjacent && c == 0x24) { report(st, R_PATH_UNC, 0, end); s32(p, PT_UNC, 0); } // //host/c$ //host/admin$
    else if (u == 4 || u >= 5 || (unc & UNC_FWD) != 0) s32(p, PT_UNC, 0);
    // A '..' segment closed by other punctuation: ..;/ (servers that strip ;params before resolving dot
    // segments, Tomcat) anywhere; any punctuation when the '..' follows only leading slashes (/..%00, /..;),
    // where it can be nothing but a parent step whose separator the decoder did not recognise.
    if (c != 0x20 && g32(p, PT_DOTS) == 2 && g32(p, PT_DEND) == start && g32(p, PT_DOTSEG) != 0 && !(g32(p, PT_TRAV) > 0 && g32(p, PT_TEND) == g32(p, PT_DSTART)) &&
      (c == 0x3b || (g32(p, PT_WORDS) == 0 && g32(p, PT_DSTART) > 0 && g32(p, PT_SEG) == g32(p, PT_DSTART) + 1))) {
      traversal(st, p, g32(p, PT_DSTART), end);
      // '..;' is no file name anyone writes: a parameter on a parent step exists only to slip it past a
      // proxy that matches paths before the server strips it (/app/..;/manager/html), so one step is enough
      if (c == 0x3b) report(st, R_PATH_DOT_EVASION, g32(p, PT_DSTART), end);
    }
    if (c != 0x2d && c != 0x5f) s32(p, PT_DOTDIR, 0);
    if (c == 0x3a && adjacent && (f == 1 || f == 3 || f == 6 || f == 21)) s32(p, PT_FILE, f + 1);
    else if (rawState(f)) rawScheme(st, p, f, c, false, 0, adjacent, end);
    // (a jar: URL in prose runs to a space; its '!' waits for the '/')
    else if ((f == 14 || f == 15) && adjacent && c > 0x20) s32(p, PT_FILE, c == 0x21 ? 15 : 14);
    else s32(p, PT_FILE, 0);
    if (c == 0x24 && adjacent && prev == 0x3a && ntfsStream(p, h)) { s32(p, PT_FILE, 19); s32(p, PT_F_START, start); }
    // A segment's '..' then spacing is still the parent step when a separator follows: Windows drops a segment's
    // trailing spaces, and URL parsers (new URL, fetch, urljoin) drop a tab, which the decoder folds to a space
    // (..%09/..%09/etc/passwd read /etc/passwd through new URL('./' + f, base): red team rt34)
    if (c == 0x20 && g32(p, PT_DOTS) == 2 && g32(p, PT_DEND) == start && g32(p, PT_DOTSEG) != 0) s32(p, PT_DEND, end);
    else s32(p, PT_DOTS, 0);
    s32(p, PT_SYS, 0);
    s32(p, PT_STEM, 0);
    s32(p, PT_SLASHES, 0);
  }
  s32(p, PT_ANY, 1);
  s32(p, PT_LAST_END, end);
}

// @ts-ignore: decorator
@inline export function pathFinish(st: usize, p: usize, end: u32): void {
  const h = st + ST_PATH2;
  if (g32(h, H_PROSE) != 0) proseEvent(st, h, false, 0, false);
  if (g32(h, H_EXT) != 0) extEvent(st, h, 0, false);
  if (g32(h, H_DOTRX) != 0) dotRegexEvent(st, h, false, 0, 0, false);
  // "/.." at the very end is a parent step too (both tests need a run of two dots: tested once, first — the chain of
  // tests compiles to a flag set and tested per term, each paid for a value with no dots)
  if (g32(p, PT_DOTS) == 2) {
    if (g32(p, PT_DEND) == end && g32(p, PT_DOTSEG) != 0 && g32(p, PT_ANY) != 0 && g32(p, PT_DSTART) > 0) {
      traversal(st, p, g32(p, PT_DSTART), end);
    }
    dotDotEnd(st, p, end);
  }
  if (g32(p, PT_PEND) != 0) pendingStep(st, p, false);
}
