// Command injection: shell grammar. A command word matters in command position — at the
// start of the value, or after a separator (; | || & && newline, backtick, $( ) — and is
// judged by what follows it (an option, a path, a number, end of input; `name=` is a query
// assignment, not a command). Plus paths into bin directories, shells run with -c / /c,
// redirections to paths, ${IFS}-style expansion, Windows batch FOR/IF, SSI directives.
import { g32, s32, g64, s64, report } from "./state";
import {
  K_C_STRONG, K_C_WEAK, K_C_SHELL, K_C_BINDIR, K_C_IFS, K_C_BATCH_FOR, K_C_BATCH_IF, K_C_BATCH_IFARG, K_C_COMSPEC, K_C_SSI, K_C_MAILVERB, K_C_BATCH_CMP,
  R_CMDI_CHAINED_COMMAND, R_CMDI_COMMAND_SUBSTITUTION, R_CMDI_SHELL_PATH, R_CMDI_COMMAND_WITH_ARGS, R_CMDI_REDIRECTION,
  R_CMDI_WINDOWS_BATCH, R_CMDI_SSI_EXEC, R_CMDI_COMMAND_ALONE, R_CMDI_MAIL_COMMAND, R_CMDI_FUNCTION_DEFINITION,
} from "./generated/tables";

const C_POS: u32 = 0;        // command position: 0 none, 1 start of value/after a quote, 2 after a separator, 3 inside $( or `
const C_POS_START: u32 = 4;
const C_CMD: u32 = 8;        // pending command: 0 none, 1 strong, 2 weak, 3 for, 4 if
const C_CMD_START: u32 = 12;
const C_CMD_END: u32 = 16;
const C_CMD_STEP: u32 = 20;  // progress after the command word: 1 saw space, 2 saw '-' or '/', 3 saw '.'
const C_CMD_POS: u32 = 24;
const C_DOLLAR: u32 = 28;    // end + 1 of '$' (for $( ${ $IFS)
const C_BRACE: u32 = 32;     // end + 1 of '${'
const C_BIN: u32 = 36;       // /bin/x: 1 after '/', 2 after a bin dir word, 3 after its '/'
const C_BIN_START: u32 = 40;
const C_LAST_END: u32 = 44;
const C_SHELL: u32 = 48;     // shell word: 1 seen, 2 after space, 3 after '-' or '/', 4 after '.'
const C_SH_START: u32 = 52;
const C_REDIR: u32 = 56;     // 1 after '>' or '<', 2 after space
const C_RD_START: u32 = 60;
const C_SSI: u32 = 64;       // progress through "<!--#"
const C_SSI_START: u32 = 68;
const C_PCT: u32 = 72;       // %name% progress
const C_PCT_START: u32 = 76;
const C_PREV: u32 = 80;      // previous non-space punct
const C_ANY: u32 = 84;       // a significant event has been seen
const C_SUBST: u32 = 88;     // 1: the command position was opened by $( or `
const C_NL: u32 = 92;        // end + 1 of the last newline (a new protocol line starts after it)
const C_NLTAG: u32 = 96;     // 1: an IMAP tag word followed the newline; 2: and a space
const C_LBRACE: u32 = 100;   // end + 1 of the last '{'
const C_FUNC: u32 = 104;     // "()" progress: 1 '(' 2 ')' (then '{' is a function body)
const C_FUNC_START: u32 = 108;

export function cmdInit(c: usize): void { memory.fill(c, 0, 128); s32(c, C_POS, 1); }

function fire(st: usize, c: usize, end: u32, atEnd: bool): void {
  const kind = g32(c, C_CMD);
  const pos = g32(c, C_CMD_POS);
  const start = g32(c, C_CMD_START);
  if (kind == 1 || kind == 2) {
    if (g32(c, C_SUBST) != 0) report(st, R_CMDI_COMMAND_SUBSTITUTION, g32(c, C_POS_START), end);
    else if (pos == 2) report(st, R_CMDI_CHAINED_COMMAND, g32(c, C_POS_START), end);
    else if (!atEnd) report(st, R_CMDI_COMMAND_WITH_ARGS, start, end);
  }
  s32(c, C_CMD, 0);
}

/** The pending command word meets the next event: decide, keep waiting, or drop it. */
function step(st: usize, c: usize, isWord: bool, ch: u32, flags: u64, first: u32, start: u32, end: u32): void {
  const kind = g32(c, C_CMD);
  if (kind == 0) return;
  const s = g32(c, C_CMD_STEP);
  const adjacent = g32(c, C_LAST_END) == start;
  const pos = g32(c, C_CMD_POS);
  if (kind == 4 && s >= 6) { // IF ...: look a few events ahead for a batch comparison
    if ((isWord && (flags & K_C_BATCH_CMP) != 0) || (ch == 0x3d && g32(c, C_PREV) == 0x3d && adjacent)) {
      report(st, R_CMDI_WINDOWS_BATCH, g32(c, C_CMD_START), end); s32(c, C_CMD, 0); return;
    }
    if (s >= 14 || ch == 0x0a || ch == 0x3b || ch == 0x7c || ch == 0x26) { s32(c, C_CMD, 0); return; }
    s32(c, C_CMD_STEP, s + 1); return;
  }
  if (kind == 3 || kind == 4) { // FOR / IF
    if (isWord) {
      if (s == 2 && adjacent && end - start == 1) { report(st, R_CMDI_WINDOWS_BATCH, g32(c, C_CMD_START), end); }
      else if (kind == 4 && s == 1 && (flags & K_C_BATCH_IFARG) != 0) report(st, R_CMDI_WINDOWS_BATCH, g32(c, C_CMD_START), end);
      else if (kind == 4 && s == 1) { s32(c, C_CMD_STEP, 6); return; }
      s32(c, C_CMD, 0); return;
    }
    if (ch == 0x20) { if (s == 0) s32(c, C_CMD_STEP, 1); return; }
    if (s == 1 && (ch == 0x2f)) { s32(c, C_CMD_STEP, 2); return; }
    if (s == 1 && ch == 0x25) { report(st, R_CMDI_WINDOWS_BATCH, g32(c, C_CMD_START), end); }
    if (s == 1 && kind == 4 && (ch == 0x22 || ch == 0x28 || ch == 0x5b)) { s32(c, C_CMD_STEP, 6); return; } // IF "%a%"  IF (%1)  IF [%1]

    s32(c, C_CMD, 0); return;
  }
  if (isWord) {
    if (s == 0) { s32(c, C_CMD, 0); return; }               // glued word: not our command
    if (s == 3) {                                             // name.ext
      if (adjacent && end - start <= 3) { s32(c, C_CMD_STEP, 0); return; } // ping.exe
      s32(c, C_CMD, 0); return;
    }
    if (s == 2 && adjacent) { fire(st, c, end, false); return; } // -la, /etc
    if (s == 1) {
      if (first - 0x30 < 10 && (kind == 1 || pos == 2)) { fire(st, c, end, false); return; } // sleep 5, ping 10.0.0.1
      if (kind == 1 && pos == 2) { fire(st, c, end, false); return; }
      if ((flags & K_C_STRONG) != 0) { fire(st, c, end, false); return; } // time ifconfig, nohup whoami
      s32(c, C_CMD, 0); return;
    }
    s32(c, C_CMD, 0); return;
  }
  if (ch == 0x20) { if (s == 0 || s == 2) s32(c, C_CMD_STEP, 1); return; }
  if (s == 0 && pos == 2 && (ch == 0x27 || ch == 0x22)) { fire(st, c, start, false); return; } // ";ps"
  if (ch == 0x3d || ch == 0x28 || ch == 0x3a || ch == 0x40 || ch == 0x27 || ch == 0x22 || ch == 0x2c) {
    if (s == 0) { s32(c, C_CMD, 0); return; }                   // name= name( name: name@ name' — not a command line
  }
  if (s == 0 && ch == 0x2e) { s32(c, C_CMD_STEP, 3); return; }
  if (s == 0 && ch == 0x2f) { s32(c, C_CMD, 0); return; }      // bin/... is a path segment
  if ((s == 1 || s == 0) && (ch == 0x2d || ch == 0x2f || ch == 0x5c || ch == 0x7e)) {
    if (ch == 0x2d && s == 0) { s32(c, C_CMD, 0); return; }   // foo-bar
    s32(c, C_CMD_STEP, 2); return;
  }
  if (s == 2 && ch == 0x2d) return; // --flag
  if (ch == 0x3b || ch == 0x7c || ch == 0x26 || ch == 0x0a || ch == 0x60 || ch == 0x3e || ch == 0x3c || ch == 0x24 || ch == 0x29) {
    if (pos == 2 || s == 1 || ch == 0x7c || ch == 0x3e) { fire(st, c, start, false); return; }
  }
  if (s == 1 && (ch == 0x2e || ch == 0x2a || ch == 0x24) && (kind == 1 || pos == 2)) { fire(st, c, end, false); return; }
  s32(c, C_CMD, 0);
}

/** No tracker is mid-way: a non-keyword word or a space only moves the last end. */
// @ts-ignore: decorator
@inline function idle(c: usize): bool {
  return (g32(c, C_CMD) | g32(c, C_BIN) | g32(c, C_SHELL) | g32(c, C_REDIR) | g32(c, C_SSI) | g32(c, C_PCT) | g32(c, C_NL) |
    g32(c, C_NLTAG) | g32(c, C_FUNC) | g32(c, C_POS) | g32(c, C_LBRACE) | g32(c, C_DOLLAR) | g32(c, C_BRACE)) == 0 && g32(c, C_ANY) != 0;
}

export function cmdWord(st: usize, c: usize, flags: u64, first: u32, start: u32, end: u32): void {
  if (flags == 0 && idle(c)) { s32(c, C_LAST_END, end); return; }
  step(st, c, true, 0, flags, first, start, end);
  s32(c, C_FUNC, 0);
  const last = g32(c, C_LAST_END);
  const adjacent = last == start;
  // ${IFS} $IFS ${jndi:
  const dollar = g32(c, C_DOLLAR);
  const brace = g32(c, C_BRACE);
  if ((flags & K_C_IFS) != 0 && ((dollar != 0 && dollar - 1 == start) || (brace != 0 && brace - 1 == start))) {
    report(st, R_CMDI_COMMAND_SUBSTITUTION, start - 1, end);
  }
  // %COMSPEC%
  if (g32(c, C_PCT) == 1 && adjacent) { s32(c, C_PCT, (flags & K_C_COMSPEC) != 0 ? 2 : 0); }
  else s32(c, C_PCT, 0);
  // /bin/<cmd>
  const bin = g32(c, C_BIN);
  if (bin == 1 && adjacent && (flags & K_C_BINDIR) != 0) s32(c, C_BIN, 2);
  else if (bin == 3 && adjacent) { if ((flags & (K_C_STRONG | K_C_WEAK)) != 0) report(st, R_CMDI_SHELL_PATH, g32(c, C_BIN_START), end); s32(c, C_BIN, (flags & K_C_BINDIR) != 0 ? 2 : 0); }
  else s32(c, C_BIN, 0);
  // sh -c / cmd /c / cmd.exe
  const sh = g32(c, C_SHELL);
  if (sh == 3 && adjacent && end - start <= 3) report(st, R_CMDI_SHELL_PATH, g32(c, C_SH_START), end);
  else if (sh == 4 && adjacent && end - start == 3 && first == 0x65) report(st, R_CMDI_SHELL_PATH, g32(c, C_SH_START), end);
  if ((flags & K_C_SHELL) != 0 && !(last == start && last != 0)) { s32(c, C_SHELL, 1); s32(c, C_SH_START, start); }
  else s32(c, C_SHELL, 0);
  // redirection to a path
  if (g32(c, C_REDIR) == 3 && adjacent) report(st, R_CMDI_REDIRECTION, g32(c, C_RD_START), end);
  s32(c, C_REDIR, 0);
  // <!--#exec
  if (g32(c, C_SSI) == 5 && adjacent && (flags & K_C_SSI) != 0) report(st, R_CMDI_SSI_EXEC, g32(c, C_SSI_START), end);
  s32(c, C_SSI, 0);

  // \nRCPT TO:  \nEHLO x
  const nl = g32(c, C_NL);
  if (nl != 0 && nl - 1 == start && (flags & K_C_MAILVERB) != 0) report(st, R_CMDI_MAIL_COMMAND, nl - 2, end);
  else if (g32(c, C_NLTAG) == 2 && (flags & K_C_MAILVERB) != 0) report(st, R_CMDI_MAIL_COMMAND, nl - 2, end);
  // an IMAP tag (letters and digits) right after the newline: the verb follows after a space
  if (nl != 0 && nl - 1 == start && end - start <= 8 && (flags & K_C_MAILVERB) == 0) { s32(c, C_NLTAG, 1); s32(c, C_NL, nl); }
  else { s32(c, C_NLTAG, 0); s32(c, C_NL, 0); }
  if ((flags & K_C_IFS) != 0 && g32(c, C_LBRACE) != 0 && g32(c, C_LBRACE) - 1 == start) report(st, R_CMDI_COMMAND_SUBSTITUTION, start - 1, end);
  // command position
  const pos = g32(c, C_POS);
  if (pos != 0) {
    if ((flags & K_C_BATCH_FOR) != 0) { s32(c, C_CMD, 3); s32(c, C_CMD_STEP, 0); s32(c, C_CMD_START, start); }
    else if ((flags & K_C_BATCH_IF) != 0) { s32(c, C_CMD, 4); s32(c, C_CMD_STEP, 0); s32(c, C_CMD_START, start); }
    else if ((flags & (K_C_STRONG | K_C_WEAK)) != 0) {
      s32(c, C_CMD, (flags & K_C_STRONG) != 0 ? 1 : 2);
      s32(c, C_CMD_STEP, 0); s32(c, C_CMD_START, start); s32(c, C_CMD_END, end); s32(c, C_CMD_POS, pos);
      if (pos == 1 && g32(c, C_ANY) == 0) s32(c, C_POS_START, start);
    }
    if ((flags & K_C_BINDIR) == 0 || (flags & K_C_STRONG) != 0) s32(c, C_POS, 0);
  }
  s32(c, C_ANY, 1);
  s32(c, C_LAST_END, end);
}

// Punctuation no tracker reacts to while idle (it only becomes the previous byte).
// @ts-ignore: decorator
@inline function neutral(ch: u32): bool {
  return ch == 0x2c || ch == 0x3a || ch == 0x5b || ch == 0x5d || ch == 0x3d || ch == 0x7d || ch == 0x3f || ch == 0x2a ||
    ch == 0x2b || ch == 0x5e || ch == 0x7e || ch == 0x22 || ch == 0x27;
}

export function cmdPunct(st: usize, c: usize, ch: u32, start: u32, end: u32): void {
  if (ch == 0x20 && idle(c)) return;
  if (neutral(ch) && idle(c)) { s32(c, C_PREV, ch); s32(c, C_LAST_END, end); return; }
  step(st, c, false, ch, 0, 0, start, end);
  const last = g32(c, C_LAST_END);
  const adjacent = last == start;
  const isSpace = ch == 0x20;
  // multi-step trackers
  const sh = g32(c, C_SHELL);
  if (sh == 1) s32(c, C_SHELL, isSpace ? 2 : ch == 0x2e && adjacent ? 4 : 0);
  else if (sh == 2) s32(c, C_SHELL, (ch == 0x2d || ch == 0x2f) ? 3 : isSpace ? 2 : 0);
  else if (sh != 0 && !(sh == 3 && ch == 0x2d)) s32(c, C_SHELL, 0);
  const rd = g32(c, C_REDIR);
  if (ch == 0x3e || (ch == 0x3c && !(rd != 0))) {
    s32(c, C_REDIR, 1); s32(c, C_RD_START, start);
  } else if (rd == 1 && ch == 0x28 && adjacent) { report(st, R_CMDI_REDIRECTION, g32(c, C_RD_START), end); s32(c, C_REDIR, 0); }
  else if ((rd == 1 || rd == 2) && isSpace) s32(c, C_REDIR, 2);
  else if ((rd == 1 || rd == 2) && ch == 0x2f) s32(c, C_REDIR, g32(c, C_PREV) == 0x3c && rd == 1 ? 0 : 3);
  else if (!(rd == 3 && ch == 0x2f)) s32(c, C_REDIR, 0);
  // /bin/
  const bin = g32(c, C_BIN);
  if (ch == 0x2f || ch == 0x5c) {
    if (bin == 2 && adjacent) s32(c, C_BIN, 3);
    else { s32(c, C_BIN, 1); s32(c, C_BIN_START, start); }
  } else s32(c, C_BIN, 0);
  // <!--#
  const ssi = g32(c, C_SSI);
  if (ch == 0x3c) { s32(c, C_SSI, 1); s32(c, C_SSI_START, start); }
  else if (adjacent && ((ssi == 1 && ch == 0x21) || ((ssi == 2 || ssi == 3) && ch == 0x2d) || (ssi == 4 && ch == 0x23))) s32(c, C_SSI, ssi + 1);
  else s32(c, C_SSI, 0);
  // %name%
  const pct = g32(c, C_PCT);
  if (ch == 0x25) {
    if (pct == 2 && adjacent) report(st, R_CMDI_WINDOWS_BATCH, g32(c, C_PCT_START), end);
    s32(c, C_PCT, 1); s32(c, C_PCT_START, start);
  } else s32(c, C_PCT, 0);

  if (ch == 0x0a) { s32(c, C_NL, end + 1); s32(c, C_NLTAG, 0); }
  else if (isSpace && g32(c, C_NLTAG) == 1) s32(c, C_NLTAG, 2);
  else if (!(isSpace && g32(c, C_NL) == start + 1)) { s32(c, C_NL, 0); s32(c, C_NLTAG, 0); }
  else s32(c, C_NL, end + 1);
  s32(c, C_LBRACE, ch == 0x7b ? end + 1 : 0);
  // () {  — a function definition
  const fn = g32(c, C_FUNC);
  if (ch == 0x28) { s32(c, C_FUNC, 1); s32(c, C_FUNC_START, start); }
  else if (fn == 1 && ch == 0x29 && adjacent) s32(c, C_FUNC, 2);
  else if (fn == 2 && isSpace) {}
  else if (fn == 2 && ch == 0x7b) { report(st, R_CMDI_FUNCTION_DEFINITION, g32(c, C_FUNC_START), end); s32(c, C_FUNC, 0); }
  else s32(c, C_FUNC, 0);
  if (isSpace) { return; }
  // separators open a command position
  const prev = g32(c, C_PREV);
  if (ch == 0x3b || ch == 0x7c || ch == 0x26 || ch == 0x0a) {
    if (g32(c, C_POS) == 0 || g32(c, C_POS) == 1) { s32(c, C_POS_START, start); s32(c, C_SUBST, 0); }
    s32(c, C_POS, 2);
  } else if (ch == 0x60) {
    s32(c, C_POS, 2); s32(c, C_POS_START, start); s32(c, C_SUBST, 1);
  } else if (ch == 0x28 && g32(c, C_DOLLAR) != 0 && g32(c, C_DOLLAR) - 1 == start) {
    s32(c, C_POS, 2); s32(c, C_POS_START, start - 1); s32(c, C_SUBST, 1);
  } else if ((ch == 0x27 || ch == 0x22) && g32(c, C_ANY) == 0) {
    s32(c, C_POS, 1); s32(c, C_POS_START, start);
  } else if (ch == 0x2f || ch == 0x5c || ch == 0x2e) {
    // a path prefix keeps the command position: ;/usr/bin/id
  } else if (ch == 0x7b && g32(c, C_DOLLAR) != 0 && g32(c, C_DOLLAR) - 1 == start) {
    s32(c, C_BRACE, end + 1);
  } else if (ch == 0x40 && (prev == 0x26 || prev == 0x7c)) {
    // cmd.exe "@echo" after a separator keeps the position
  } else {
    s32(c, C_POS, 0);
  }
  s32(c, C_DOLLAR, ch == 0x24 ? end + 1 : 0);
  s32(c, C_PREV, ch);
  s32(c, C_ANY, 1);
  s32(c, C_LAST_END, end);
}

export function cmdFinish(st: usize, c: usize, end: u32): void {
  const kind = g32(c, C_CMD);
  if (kind == 1 || kind == 2) {
    const s = g32(c, C_CMD_STEP);
    if (g32(c, C_CMD_POS) == 2 && s != 3) fire(st, c, end, true);
    else if (kind == 1 && s != 3) report(st, R_CMDI_COMMAND_ALONE, g32(c, C_CMD_START), g32(c, C_CMD_END));
  }
}
