// Command injection: shell grammar. A command word matters in command position — at the
// start of the value, or after a separator (; | || & && newline, backtick, $( ) — and is
// judged by what follows it (an option, a path, a number, end of input; `name=` is a query
// assignment, not a command). Plus paths into bin directories, shells run with -c / /c,
// redirections to paths, ${IFS}-style expansion, Windows batch FOR/IF, SSI directives.
import { g32, s32, g64, s64, report, rawUpper, ST_CMD2, ST_CMD3, ST_LEX, LX_WORD, LX_START, ST_OPTION, ST_BSNL, ST_CONTEXT, CTX_QUERY, CTX_PATH } from "./state";
import { digitsOnly, flagsOfBytes, lettersOnly, wordIs } from "./keywords";
import {
  K_C_STRONG, K_C_WEAK, K_C_SHELL, K_C_BINDIR, K_C_IFS, K_C_BATCH_FOR, K_C_BATCH_IF, K_C_BATCH_IFARG, K_C_COMSPEC, K_C_SSI, K_C_MAILVERB, K_C_BATCH_CMP, K_C_WRAPPER, K_C_DEFINE_EXEC, K_SQL_NOT, K_FAMILY_CMD,
  R_CMDI_CHAINED_COMMAND, R_CMDI_COMMAND_SUBSTITUTION, R_CMDI_SHELL_PATH, R_CMDI_COMMAND_WITH_ARGS, R_CMDI_REDIRECTION,
  R_CMDI_WINDOWS_BATCH, R_CMDI_SSI_EXEC, R_CMDI_COMMAND_ALONE, R_CMDI_MAIL_COMMAND, R_CMDI_FUNCTION_DEFINITION, R_CMDI_GLOB_PATH, R_CMDI_ALIAS_TRAP, R_CMDI_OBFUSCATED_COMMAND, R_CMDI_EXEC_CALL, R_CMDI_ARGUMENT_INJECTION,
  KW_MAX_WORD,
} from "./generated/tables";

// Layout: the trackers that idle() needs at rest (C_POS C_CMD C_DOLLAR C_BRACE C_BIN C_SHELL C_REDIR C_SSI C_PCT C_NL
// C_NLTAG C_LBRACE C_FUNC) and C_FRESH fill bytes 0-55, so one test of three vectors and a 64-bit word covers them all.
const C_POS: u32 = 0;        // command position: 0 none, 1 start of value/after a quote, 2 after a separator, 3 inside $( or `
const C_POS_START: u32 = 60;
const C_CMD: u32 = 4;        // pending command: 0 none, 1 strong, 2 weak, 3 for, 4 if, 5 alias/trap, 6 any name after ;|, 7 ./path after ;|, 8 `strong` apart,
                             // 9 a file tool with arguments in a span standing apart, waiting for the span's end (then 8),
                             // 10 a runtime documented in such a span, watching its later options for -c/-e until the span ends,
                             // 11 a Windows absolute path (c:\ or \\host\) after cmd.exe's & | newline: see winPath
const C_CMD_START: u32 = 64;
const C_CMD_END: u32 = 68;
const C_CMD_STEP: u32 = 72;  // progress after the command word: 1 saw space, 2 saw '-' or '/', 3 saw '.'; 16 17 after ' <', 19 after ' #', 20 after ' |',
                             // 21 22 after an apostrophe, 23 after ' %', 24 25 after su's user name, 26-29 after ' %>' or ' %<' (see step)
const C_CMD_POS: u32 = 76;
const C_DOLLAR: u32 = 8;    // end + 1 of '$' (for $( ${ $IFS)
const C_BRACE: u32 = 12;     // end + 1 of '${'
const C_BIN: u32 = 16;       // /bin/x: 1 after '/', 2 after a bin dir word (4 a directory of wildcards), 3 after its '/'; | BIN_VAR.. while a $name glued inside waits;
                             // 5 after a word glued to that '/' (1 or 3) that names no bin dir, while quotes and words glue on (BIN_SPELLED)
/** C_BIN: a word right after a path's '/' that names no bin directory, but a shell word joined from it and the quotes, backslashes and
 * words glued on may (/usr/bi''n/id, /b\in/id: the shell drops the quotes and the backslash): see joinEnd. */
const BIN_SPELLED: u32 = 5;
/** C_BIN: a '$' glued to the path read so far (the low bits keep its state): the name after it may expand to nothing. */
const BIN_VAR: u32 = 0x10;
/** C_BIN: '${' glued to the path: the name after it, then '}'. */
const BIN_VAR_BRACE: u32 = 0x20;
/** C_BIN: the name of a '${' read: its '}' goes on with the path. */
const BIN_VAR_END: u32 = 0x40;
const C_BIN_START: u32 = 84;
const C_LAST_END: u32 = 88;
const C_SHELL: u32 = 20;     // shell word: 1 seen, 2 after space, 3 after '-' or '/', 4 after '.'
const C_SH_START: u32 = 92;
const C_REDIR: u32 = 24;     // 1 after '>' or '<' (| 8 a '>' closing a '<' or an arrow), 2 after space, 3 after '/'; 10 11 '(' ')' after 9;
                             // 12 after '<(' '>(' (and spaces): judged by what follows (see cmdPunctFull); 13 after a '<' opening
                             // a $( (and spaces): bash's $(<file) reads the file, as $(cat file) does (C_RD_START: the '$');
                             // 14 15 after "<<" "<<<" (a here-string, see cmdPunctFull); 16 after $(<D or $(<F, make's
                             // automatic variable if ')' follows at once (see cmdWordFull)
const C_RD_START: u32 = 96;
const C_SSI: u32 = 28;       // progress through "<!--#"
const C_SSI_START: u32 = 100;
const C_PCT: u32 = 32;       // %name% progress: 1 '%' (5: after a separator), 2 a COMSPEC-class name, 3 another name, 4 its ':' (then '~')
const C_PCT_START: u32 = 104;
const C_PREV: u32 = 80;      // previous non-space punct
const C_FRESH: u32 = 52;     // 1 until the first event (cmdInit): nothing significant seen yet
const C_SUBST: u32 = 108;     // the command position was opened by: 2 $(, a backtick: 1 standing apart, 5 opening the value, 6 after punctuation,
                             // 7 after ; & and a space (a; `date`), 9 after | and a space (| `npm i x` |), 8 like 5 glued to '=' (x=`id`),
                             // 10 the third backtick of a code fence (```bash), 3 otherwise
const C_NL: u32 = 36;        // end + 1 of the last newline (a new protocol line starts after it)
const C_NLTAG: u32 = 40;     // 1: an IMAP tag word followed the newline; 2: and a space; a verb that is also English
                             // waits (low 3 bits, the verb's end << 3): 3 right after it, 4 after a space, 5 after a function word;
                             // 6 (a verb with no tag, then one word: the word's end << 3): only the line's end makes it a protocol line
/** In C_NL while a mail verb waits: no IMAP tag came before it (then a word after it counts only if the line ends there). */
const NL_UNTAGGED: u32 = 0x40000000;
/** In C_NL while a mail verb waits: the verb is POP3's TOP, whose first argument must be a message number (RFC 1939). */
const NL_NUMERIC: u32 = 0x20000000;
const NL_FLAGS: u32 = NL_UNTAGGED | NL_NUMERIC;
const C_LBRACE: u32 = 44;   // end + 1 of the last '{' (bit 31: of a '-' instead, for -e sh)
const C_FUNC: u32 = 48;     // "()" progress: 1 '(' 2 ')' (then '{' is a function body); 3, 4 the same after a word out of command position;
                              // after the word "function": 8, 12 its name, 5 '(' 6 ')' 7 '{' (then ':' or a command starts the body);
                              // 9: '{' after a name's "()", the body's first event decides (see jsBodyWord)
const C_FUNC_START: u32 = 124;
const C_WRAP: u32 = 112;     // 1: the pending command runs another command (nohup, strace, sudo ...); 64: a shell, interpreter or argument-needing command;
                             // 128: a developer tool named first in a code span standing apart (see devTool), 256: and it runs code given -c/-e,
                             // 512: php (-r too); 2048: a file tool named first in such a span (see fileTool); kind 8 only: 1024 the span
                             // follows '| ', 4096 a strong word there (the report starts at C_CMD_START), 8192 a tool there (table cell or report);
                             // 16384: a shell or language runtime (a number after it is a version); 32768: named with .exe .com .bat .cmd;
                             // 65536: the command is at (see atTime); 131072: the command is ps (no drive or path argument: see step 5);
                             // 262144: the command is su (see step 24); 524288: echo or cat (see quietAlone); 1048576: mail piped into (see mailer);
                             // 2097152: the command word is an expansion ($a$b, see joinEnd); 4194304 (PS_LINE): powershell, pwsh or iex
                             // opening the value; 8388608 (PS_READ, kind 6): a file- or network-reading verb after '| ' in a pasted pipeline;
                             // 16777216 (IP_CMD): the command is ip after a separator (its object word decides: see step 52);
                             // 33554432 (LIT_WEAK): a weak word after a literal backslash-n (see literalNewline);
                             // 67108864 (TITLE): the command word is written in Title-case (see titleCase);
                             // kind 6 only: 16 a PowerShell verb, 32 glued to its separator, 64 msmtp piped into (see mailer), 8 after '|',
                             // 128 a PowerShell verb after '| ' or '&' (its cmdlet waits for an argument: step 36), 256 after '&' (only that counts)
const IP_CMD: u32 = 16777216;
const LIT_WEAK: u32 = 33554432;
const TITLE: u32 = 67108864;
/** C_WRAP (kinds 1 and 2): the command word follows the dot builtin on a new line (x\n. cmd): a script's extension glued
 * to it (x\n. cmd.sh) makes it the file sourced, as kind 7 reads any other name there (see step kind 7, steps 5 and 6). */
const DOT_NL: u32 = 134217728;
/** C_WRAP (kinds 1 and 2): the command word is gc, PowerShell's Get-Content, and a metric's label as often (heap|gc|cpu,
 * "alloc rate high;gc 20/min"): it reads a file only given one, so only a path-like argument counts, a drive, a dotted
 * name, a folder or an option (x;gc C:\x, x;gc secret.txt, x|gc -Path a); gc with nothing after it, something glued to
 * it or a plain word (a|gc b) is let go (see gcStep). */
const GC_CMD: u32 = 268435456;
/** C_WRAP (kinds 1 and 2): the command word opens the value and is an everyday English word whose options, alone, run or
 * write nothing (see proseCommand): a search or a title as often ("kill -bill", "top -rated", "ping -pong"); see proseDash. */
const PROSE_CMD: u32 = 536870912;

/**
 * Was the word [start, end) written in Title-case, one upper-case letter and then lower-case ones ("Cat", "Route",
 * "History")? Decoding folds case, so the raw bytes are read (see rawUpper). A command on Unix is a lower-case file
 * name, but case is folded by cmd.exe, by PowerShell (whose Verb-Noun is written Title-case) and by a macOS file system,
 * so Title-case is weak evidence: it only excuses a strong word opening the value before ';' (see step). Not Title-case: a word with an escape in it (its raw span
 * longer than its bytes), one whose bytes are out of reach, one letter, upper-case (DATA, CAT) or mixed (cAt).
 */
function titleCase(st: usize, word: usize, len: u32, start: u32, end: u32): bool {
  if (len < 2 || len > 16 || end - start != len || !lettersOnly(word, len) || rawUpper(st, start) != 1) return false;
  for (let i: u32 = 1; i < len; i++) if (rawUpper(st, start + i) != 0) return false;
  return true;
}
/**
 * A command word that names a command only on Unix, written in Title-case (see titleCase): Service, Wine, Touch, Locate,
 * Make — words of shop titles and lists ("Sales & Service", "Food & Wine"). sh finds a command by the exact case of its
 * name (/usr/sbin/service, not Service); cmd.exe has no such command, and PowerShell has no such alias (it would read
 * Service as Get-Service, which only lists services). Only a macOS file system, which folds case, would run touch,
 * locate or make given Touch, Locate or Make. Not in this list: names Windows also runs in any case (Cat, Tee, Echo
 * are PowerShell aliases; Java, Python, Perl, Bash may be installed there).
 */
function unixOnlyTitle(st: usize, word: usize, len: u32, start: u32, end: u32): bool {
  return len >= 4 && len <= 7 && inList(word, len, "service wine touch locate make") && titleCase(st, word, len, start, end);
}
/**
 * Commands named by everyday English words that, given only one cluster of options and nothing after it, run, write and
 * read nothing an attacker wants: no option of theirs takes a command (tmux -c, screen, find -exec, the wrappers watch,
 * flock, nice, exec do), and an option that takes a value glued to it (getopt's -oFILE) needs an operand after the
 * cluster to act on (touch -dyesterday, kill -sterm, ping -pattern) — except sort's -o, -k, -t and make's -f, -o, -j,
 * -l (see proseCluster). Not date (-syear sets the clock), file and dig (-fpasswd reads a file), open (-a starts an
 * application, openvt a shell), less (-o writes a log), last, host. See proseDash: the cluster has to end the value.
 */
function proseCommand(word: usize, len: u32): bool {
  return len >= 3 && len <= 6 && inList(word, len, "kill top sort head tail test sleep touch ping make echo cat yes who more cut type which free column fold paste join seq factor comm look wait");
}
/** C_WRAP with PROSE_CMD: the command is sort or make, whose options -o -k -t and -f -o -j -l take a value glued to them (see proseCluster). */
const PROSE_TAKES: u32 = 1073741824;
/** No letter of the cluster `w` is an option of sort or make that takes a value glued to it (sort -oindex truncates index,
 * make -fexploit runs its recipes: red team rt31); checked for those two (PROSE_TAKES) only. */
function proseCluster(c: usize, w: usize, len: u32): bool {
  if ((g32(c, C_WRAP) & PROSE_TAKES) == 0) return true;
  for (let i: u32 = 0; i < len; i++) {
    const b = <u32>load<u8>(w + i);
    if (b == 0x6f || b == 0x6b || b == 0x74 || b == 0x66 || b == 0x6a || b == 0x6c) return false; // o k t f j l
  }
  return true;
}
/**
 * The word glued to a single '-' after an English command opening the value (PROSE_CMD): "kill -bill", "top -rated",
 * "sort -price", "ping -pong", "tail -light" are searches and titles. A word of four to sixteen lowercase letters (as
 * written: not encoded, no capital: kill -KILL, sort -Descending), with a vowel, naming no option a tool takes whole
 * (find's -name -exec -delete, PowerShell's -Seconds -Recurse -Path: its parameters are words, in any case). getopt reads
 * it as a cluster of one-letter options, so it is let go only where it ends the value (step 72): anything after it, a
 * path, a number, another option, a quote or a separator, is the command line it was (red team rt30: kill -kill -1,
 * sort -ruso out /etc/x, and the commands proseCommand leaves out: tmux -ucid, find -true -delete, watch -text id).
 */
function proseDash(st: usize, w: usize, len: u32, start: u32): bool {
  if (len < 4 || len > 16 || !lettersOnly(w, len)) return false;
  let vowel = false;
  for (let i: u32 = 0; i < len; i++) {
    if (rawUpper(st, start + i) != 0) return false;
    const b = <u32>load<u8>(w + i);
    if (b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6f || b == 0x75 || b == 0x79) vowel = true;
  }
  // (find's tests and actions, PowerShell parameters of the cmdlets behind these aliases, -help -version)
  return vowel && !inList(w, len, "name iname path ipath type size exec execdir delete print printf fprint fprintf perm newer user group mtime atime ctime mmin amin cmin regex iregex maxdepth mindepth empty prune quit links inum samefile readable writable executable wholename lname help version seconds milliseconds duration force recurse filter include exclude hidden file directory depth literalpath encoding tail totalcount wait property descending unique filepath argumentlist verb windowstyle nonewwindow destination outfile method body headers first last skip expandproperty append value count inputobject passthru credential computername scriptblock command noprofile executionpolicy encodedcommand");
}
const C_EXEC: u32 = 116;     // system( progress: state | end << 2 (1 name, 2 '(' after it; 3 getRuntime / ProcessBuilder, see runtimeExec,
                             // or, for exec( start( (bit 31 of C_EXEC_START), the quote after the '(')
const C_EXEC_START: u32 = 120;
const C_PEXP: u32 = 56;     // end + 1 of the name after '${' (bit 31: and its ':' after it); bit 30: end + 1 of $' instead

// (cmdPunctFull tests the eight multi-step trackers C_BIN to C_LBRACE as bytes 16-47)
// @ts-ignore
assert(C_BIN == 16 && C_SHELL == 20 && C_REDIR == 24 && C_SSI == 28 && C_PCT == 32 && C_NL == 36 && C_NLTAG == 40 && C_LBRACE == 44);

// Second region (st + ST_CMD2): the shell-word joiner, the glob-path and brace-expansion trackers.
// The joiner reads a word the way the shell does: quotes, backslashes, empty expansions
// ($@ $* $? $$ $! $- $# `` $()) and variables ($x ${x}, unset in an attack) between the pieces
// are removed, so c''a\t, 'i'd, un$@ame and uname$u are the command words cat, id, uname.
const J_ACT: u32 = 0;        // 1 while a shell word with glue is being collected
const G_ON: u32 = 4;         // inside a path segment after '/'
const J_BRACEX: u32 = 8;     // 1 after '{' in command position, 2 after '{,'
const J_BRCMD: u32 = 12;     // end + 1 of a command word that is the first brace element
// (the four words above are tested together: all zero = nothing in progress here)
const J_LEN: u32 = 44;
const J_START: u32 = 48;
const J_END: u32 = 56;
const J_POS: u32 = 16;       // command position where the shell word started
const J_POSSTART: u32 = 20;
const J_GLUE: u32 = 24;
const J_BIN: u32 = 28;       // the shell word follows /bin/
const J_MODE: u32 = 32;      // 1 after '$', 2 inside '$(', 3 inside '${' (10: in its name's [subscript]), 4 in a brace's first element, 5 in its other elements,
                             // 6 after '$(:' (an empty command: ')' ends it), 7 after '${name:', 8 in the word of ${name:-w} ${name=w}
                             // (the expansion is that word: appended), 9 in the word of ${name:+w} ${name?w} (expands to nothing: dropped)
export const J_LW: u32 = 36; // last word, one u64: len | pos << 8 | bin << 12, and its end in the high half
const J_BRSTART: u32 = 52;    // start + 1 of the last '{' in command position
const G_QM: u32 = 60;        // '?' in the segment
const G_STAR: u32 = 64;      // '*' in the segment
const G_W: u32 = 68;         // word bytes in the segment
const G_CLS: u32 = 72;       // [..] classes with a non-digit inside
const G_BR: u32 = 76;        // 1 after '[', 2 after its content (3: a non-digit)
const G_START: u32 = 80;
const G_ISBIN: u32 = 84;     // the segment is a bin directory word
const G_AFTERBIN: u32 = 88;  // the previous segment was a bin directory
const G_NPART: u32 = 92;     // events in the segment
const G_QLAST: u32 = 124;    // the segment's last event was '?'
const J_MID: u32 = 96;       // bit 0: glue since the last piece, bit 1: a piece was appended after glue inside the word
const J_QUOTES: u32 = 100;   // quote characters in the shell word (0x10000: the word opened with a '[' not yet closed, 0x20000: one inside it;
                             // 0x40000: the word restarted at a backtick right after an opening quote, '`cmd`: see spanWord; JQ_* bits: see quoteSeen)
const JQ_COUNT: u32 = 0xfffff;   // J_QUOTES without the JQ_* bits
const JQ_SQ: u32 = 0x100000;     // a '…' quote is open in the word
const JQ_DQ: u32 = 0x200000;     // a "…" quote is open in the word
const JQ_LITERAL: u32 = 0x400000; // a quote stood inside the other kind ("I'd", '"x'): a byte of the word, which then names no command
// glue other than quotes joined the word ($ ` \ { [ …): an expansion, a substitution or an escape there quotes afresh or drops
// what it holds (i'd'${x:+"'"}, `i'd'`"'" run id: red team rt27), so JQ_LITERAL is trusted only in words of letters and quotes
const JQ_NOLIT: u32 = 0x800000;

/**
 * A quote character joined into the shell word: counted (every quote, as the rules on the count read them), and in the
 * shell's reading it opens a quote, closes the open one of its kind, or, inside the other kind, is a literal byte of the
 * word (JQ_LITERAL): "I'd say it's" is one quoted word with an apostrophe in it, not I'd = id.
 */
function quoteSeen(j: usize, ch: u32): void {
  const q = g32(j, J_QUOTES) + 1;
  const open = q & (JQ_SQ | JQ_DQ), mine = ch == 0x27 ? JQ_SQ : JQ_DQ;
  s32(j, J_QUOTES, open == 0 ? q | mine : open == mine ? q & ~mine : q | JQ_LITERAL);
}
const J_VAR: u32 = 104;      // 1: the word held a $name / ${name} expansion
const J_BUF: u32 = 108;      // 16 bytes
const J_MAX: u32 = 16;

// Third region (st + ST_CMD3).
const K_ANGLE: u32 = 0;      // bits 0-7: '<' not yet closed by a '>' since the last separator (generics Array<T>(x), tags <b>(x));
                             // bits 8-9: list semicolons in a row (a ';' glued after a word or a closing quote, up to 3): see listField
/** K_ANGLE bit 16: the value opened with a strong command word or a PowerShell verb (a command line pasted whole: see the
 * cmdlet after '| ' in cmdWordFull); set by the first word, kept to the end of its statement (; newline & && || clear it,
 * a single '|' is the pipeline's own: rt-ex2 04). */
const K_LINE: u32 = 0x10000;
/** K_ANGLE bit 17: a '[' stood in command position (after a separator or inside $( ) since the last separator: a PowerShell
 * static call there runs as a statement (see staticCall). */
const K_BRACKET: u32 = 0x20000;
/** K_ANGLE bit 18: the value went past a command separator (; | & newline), a $( or the code powershell / iex is handed:
 * a data-moving static call after it is code that runs wherever it stands in its statement, $a=[IO.File]::ReadAllText(,
 * Write-Output ([IO.File]::ReadAllText(, %{[IO.File]::ReadAllText( (rt-ex2 03; see staticCall). Kept to the value's end. */
const K_CODE: u32 = 0x40000;
/** K_ANGLE bit 19: an assignment (a=b) or a redirection (2>&1, <file) stands where a command word belongs: the shell reads
 * it as a prefix of the command, so the space after its value or target opens the command position again (x;a=b id,
 * x;2>&1 id, x;<secret.txt cat). A separator clears it (the K_ANGLE reset there), a '<' '>' after the target cancels it
 * (x;<b>text: markup). */
const K_PREFIX: u32 = 0x80000;
/** K_ANGLE bit 20: a compound command opened (if while until for read in command position after a separator): its then
 * else elif do may follow, each keeping the command position for the command after it. Without one the shell reads
 * "; then touch base" as a syntax error (nothing runs): prose. Kept over separators, to the value's end. */
const K_COMPOUND: u32 = 0x100000;
/** K_ANGLE bit 21: with K_PREFIX, a quote opened in the value and not closed yet (a="b c" id: its space is the value's). */
const K_PREFIXQ: u32 = 0x200000;
/** K_ANGLE bit 22: "case" read in command position after a separator: a pattern's ')' opens the command position for
 * the commands of its branch (x;case x in x) id;;esac). Kept over separators, to the value's end. */
const K_CASE: u32 = 0x400000;
/** K_ANGLE bit 23: a '>' read where the command word belongs right after ; | & (x;>index.html, x|>f, x&&>>log): a command
 * of only a redirection, which creates or truncates its target in sh, and in cmd.exe after '&' or '|'. Reported when a word
 * ends the target at a separator or the value's end (see truncPunct); a space after the target ("x; > one of them": more
 * words, judged as K_PREFIX judges them), a '<' or '>' after it (x; >_<), a third '>' (x; >>> quote) or a target of digits
 * only ("Price; > 100") leave it. Not after a newline: a line opening with '>' is a quoted mail line. Bit 24: '>>'. */
const K_TRUNC: u32 = 0x800000;
const K_TRUNC2: u32 = 0x1000000;
/** K_ANGLE bit 25: the null command ':' read where the command word belongs after ; | & (x;:>app.db): a '>' after it, glued
 * or after spaces, is K_TRUNC's redirection alone (':' does nothing but the redirection); a word after it leaves it. */
const K_NULLCMD: u32 = 0x2000000;
const K_TICK: u32 = 4;       // 1 while a backtick substitution is open (the next backtick closes it); 3: and a one-letter word after x` waits (see splitTick)
const K_SPLIT: u32 = 8;      // end + 1 of an opening backtick joined to the word before it (x`p\ing): see cmdWord
                             // (only a word starting right at that end matches it, so it is never cleared)
const K_SPLIT_AT: u32 = 12;  // where that backtick starts

/** `c` and the other two regions are zero (scanBegin zeroes the block up to the findings). */
export function cmdInit(c: usize): void { s32(c, C_POS, 1); s32(c, C_FRESH, 1); }

function fire(st: usize, c: usize, end: u32, atEnd: bool): void {
  const kind = g32(c, C_CMD);
  const pos = g32(c, C_CMD_POS);
  const start = g32(c, C_CMD_START);
  // A developer tool opening a code span that stands apart documents a command (see devTool); a file tool with
  // arguments in such a span ("run `ls -la` to see") waits for what follows the span (kind 9, then 8). After '| '
  // either is a Markdown table cell only when " |" follows the span (1024 | 8192); at the end it substitutes.
  if ((kind == 1 || kind == 2) && (g32(c, C_WRAP) & (128 | 2048)) != 0) {
    const wrap = g32(c, C_WRAP);
    if (g32(c, C_SUBST) == 9) {
      if (!atEnd) { s32(c, C_CMD, 9); s32(c, C_CMD_END, end); s32(c, C_WRAP, 1024 | 8192); return; }
    } else if ((wrap & 128) != 0) { s32(c, C_CMD, 0); return; }
    else if (!atEnd) { s32(c, C_CMD, 9); s32(c, C_CMD_END, end); s32(c, C_WRAP, 0); return; }
  }
  if (kind == 1 || kind == 2) {
    if (g32(c, C_SUBST) != 0) report(st, R_CMDI_COMMAND_SUBSTITUTION, g32(c, C_POS_START), end);
    else if (pos == 2) report(st, R_CMDI_CHAINED_COMMAND, g32(c, C_POS_START), end);
    else if (!atEnd) report(st, R_CMDI_COMMAND_WITH_ARGS, start, end);
  }
  s32(c, C_CMD, 0);
}

/** Where a kind 8 finding starts: the position's start, kept in C_CMD_START when a table cell's '|' (which moves it) is awaited. */
// @ts-ignore: decorator
@inline function spanStart(c: usize): u32 {
  return (g32(c, C_WRAP) & 4096) != 0 ? g32(c, C_CMD_START) : g32(c, C_POS_START);
}

/** true, false: commands that do nothing, sent to test whether a substitution runs. */
function noOp(word: usize, len: u32): bool {
  return wordIs(word, len, "true") || wordIs(word, len, "false");
}

/** Languages run like shells that the shell class leaves out (java -cp is no shell flag). */
function interpreter(word: usize, len: u32): bool {
  return len >= 4 && len <= 6 && (wordIs(word, len, "java") || wordIs(word, len, "nodejs") || wordIs(word, len, "deno") || wordIs(word, len, "groovy"));
}

/** Commands that do nothing without an argument ("Eat; Sleep; Code", "; cd;", "Net; toen kwam hij": net alone prints its usage), judged like a bare interpreter. */
function needsArgument(word: usize, len: u32): bool {
  return len >= 2 && len <= 6 && (wordIs(word, len, "sleep") || wordIs(word, len, "kill") || wordIs(word, len, "cd") || wordIs(word, len, "wait") || wordIs(word, len, "net") ||
    wordIs(word, len, "expr") || wordIs(word, len, "seq") || wordIs(word, len, "tr") || wordIs(word, len, "cut") || wordIs(word, len, "join") || wordIs(word, len, "split") ||
    wordIs(word, len, "mail") || // (mail alone reads the server's own mailbox: "Echo; Delta; Mail", "| Email | Mail")
    // (and the file tools that only print their usage without an operand: "Cut; Copy; Paste", "Touch; Price")
    inList(word, len, "touch paste copy move cp mv mkdir rmdir rm ln chmod chown") ||
    // (source and open with no operand name no file to read or open: "docs | source", "file | open"; cmd.exe's format with
    // no volume answers "Required parameter missing": "Paste | Format")
    (len >= 4 && inList(word, len, "source open format")) ||
    // (PowerShell's gc, Get-Content, with no path has no file to read: "heap|gc|cpu", "x;gc"; compared by its bytes, see psNounMore)
    (len == 2 && load<u16>(word) == 0x6367));
}

/** The pending command is a shell or interpreter named alone (nothing after it yet) and not at the end of a pipe. */
// @ts-ignore: decorator
@inline function bareInterpreter(c: usize, s: u32): bool {
  return (g32(c, C_WRAP) & (64 | 32768)) == 64 && s <= 1 && !(g32(c, C_CMD_POS) == 2 && g32(c, C_PREV) == 0x7c);
}

/** The command position was opened by ; | newline, a backtick or $( (not '&', which also splits query strings). */
// @ts-ignore: decorator
@inline function sepBefore(c: usize): bool {
  const prev = g32(c, C_PREV);
  return prev == 0x3b || prev == 0x7c || prev == 0x0a || prev == 0x60 || (prev == 0x28 && g32(c, C_SUBST) != 0);
}

/**
 * The pending command (after a separator, no substitution) is one field of a ';'-separated list: glued to a ';' that
 * follows a word or a closing quote ("Anna;yes;42", "Jean-Luc;\"Find\";...": CSV as Excel writes it in most of Europe,
 * tag lists), with `fields` such semicolons in a row up to it (K_ANGLE's bits 8-9).
 */
function listField(st: usize, c: usize, fields: u32): bool {
  // (shutdown and halt act with no argument at all: never read as a field, "1';declare @# int;shutdown;set @# = '1")
  const lw = load<u32>(st + ST_CMD2 + J_LW) & 0xff;
  if ((lw == 8 || lw == 4) && (wordIs(st + ST_LEX + LX_WORD, lw, "shutdown") || wordIs(st + ST_LEX + LX_WORD, lw, "halt"))) return false;
  return g32(c, C_SUBST) == 0 && (g32(c, C_WRAP) & 2097152) == 0 && g32(c, C_CMD_START) == g32(c, C_POS_START) + 1 && ((g32(st + ST_CMD3, K_ANGLE) >> 8) & 3) >= fields;
}

/**
 * echo and cat given nothing print an empty line or pass their input through, and so do the pagers more and less when
 * their output is no terminal (a command's output, read by the application): alone before ';' opening the value ("Echo;
 * Delta; Foxtrot", "cat; dog; bird") or ending it after a pipe ("Alpha | Bravo | Echo", "dog|cat", "Less | More") they
 * run nothing an attacker wants (echo | x still feeds x: see step).
 */
function quietAlone(word: usize, len: u32): bool {
  return (len == 4 && (wordIs(word, len, "echo") || wordIs(word, len, "more") || wordIs(word, len, "less"))) || (len == 3 && wordIs(word, len, "cat"));
}

/**
 * Is the word one of the space-separated words of `list`? (A constant list: bounded work, asked once per span.) The build's
 * asc transform (scripts/asc-word-literals.mjs) turns each call with a literal list into wordIs calls, one per word, with
 * their bytes as constants; this loop is for a build without it.
 */
function inList(w: usize, len: u32, list: string): bool {
  // (the list's UTF-16 code units read directly: the loops stay within its length, so charCodeAt's bounds test is moot)
  const at = changetype<usize>(list);
  const n = <u32>list.length;
  let i: u32 = 0;
  while (i < n) {
    let j = i;
    while (j < n && <u32>load<u16>(at + (<usize>j << 1)) != 0x20) j++;
    if (j - i == len) {
      let k: u32 = 0;
      while (k < len && <u32>load<u8>(w + k) == <u32>load<u16>(at + (<usize>(i + k) << 1))) k++;
      if (k == len) return true;
    }
    i = j + 1;
  }
  return false;
}

/**
 * Words the shell reads before a command without ending its position: the reserved words that open a list of
 * commands (then do else elif while until) and the builtins that run the command named after them (command, builtin).
 * After a separator the next word is the command (x;then id, x;while id;do :;done, x;command cat f).
 */
function prefixWord(word: usize, len: u32): bool {
  return len >= 2 && len <= 7 && inList(word, len, "then do else elif while until command builtin");
}

/** The prefix words valid only inside a compound command an if, while, until or for opened (see K_COMPOUND). */
function compoundWord(word: usize, len: u32): bool {
  return len >= 2 && len <= 4 && inList(word, len, "then do else elif");
}

/**
 * A backtick span that stands apart in prose (C_SUBST 1 5 6), or after '| ' where it may be a table cell (9, judged
 * by the " |" after it); not 8 (x=`npm i x`: a value made of a substitution) nor 7 (a; `npm i x`: after a separator).
 */
// @ts-ignore: decorator
@inline function standingSpan(sb: u32): bool {
  return sb == 1 || sb == 5 || sb == 6 || sb == 9;
}

/**
 * Developer tools: package managers, build tools, VCS, container CLIs, compilers and the language runtimes used
 * with subcommands or scripts (npm install x, make test, git log, docker run, node app.js, python -m venv).
 * Only a span that opens the value or stands apart in prose counts (not x=`npm i x`, ;`npm i x`, x`npm i x`).
 * Named first in a Markdown code span standing apart ("Run `npm install express` to ...", "| `npm start` |",
 * "> `npm i -D x`") they document a command: prose about building software, not an injected command, which
 * is built from recon, download, shell and network tools (id, curl, wget, nc, bash, sleep ...). Returns 2
 * for a runtime, which runs code given on the command line (-c, -e: python -c, node -e, perl -e), 3 for php (-r too).
 */
function devTool(word: usize, len: u32): u32 {
  if (len < 2 || len > 7) return 0;
  if (inList(word, len, "node nodejs deno python python2 python3 ruby perl")) return 2;
  if (len == 3 && wordIs(word, len, "php")) return 3;
  return inList(word, len, "npm npx pip pip3 pipx make git docker podman kubectl apt dpkg rpm yum dnf apk java javac rustc gcc cc") ? 1 : 0;
}

/**
 * Tools that list, read, copy or archive files and text (ls -la, mkdir -p dist, grep -r x src, tar -xzf a.tgz): in a
 * span standing apart and followed by prose they document a step ("Run `ls -la` to see the files"). Not the tools
 * that download, open connections, run code or delete (curl, wget, nc, bash, rm, sleep, id ...), which fire at once.
 */
function fileTool(word: usize, len: u32): bool {
  return len >= 2 && len <= 6 &&
    inList(word, len, "ls ll pwd mkdir cp mv touch cat echo grep egrep fgrep sed awk tar gzip gunzip unzip zip chmod ln wc du df diff sort head tail less more find which file tree cd");
}

/** Options that make a runtime run the code that follows (-c -e -pe -ne --eval --command, php -r); -m, node -r, --version do not. */
function codeOption(word: usize, len: u32, php: bool): bool {
  if (len <= 2) {
    const a = load<u8>(word), b = len == 2 ? load<u8>(word + 1) : 0;
    return a == 0x63 || a == 0x65 || b == 0x65 || b == 0x63 || (php && len == 1 && a == 0x72);
  }
  return wordIs(word, len, "eval") || wordIs(word, len, "exec") || wordIs(word, len, "command") || wordIs(word, len, "print");
}

/**
 * Commands that name nothing but themselves: no field, option, type or concept of an API is called whoami or
 * ifconfig (unlike `id`, `timeout`, `env`, `hostname`), and sent alone in backticks they only ask who and where the
 * server is. Alone in a span they substitute even when prose follows ("hello `whoami` there").
 */
function reconOnly(word: usize, len: u32): bool {
  return len >= 5 && len <= 11 && inList(word, len, "whoami uname ifconfig ipconfig systeminfo tasklist netstat getmac driverquery gpresult qprocess");
}

/**
 * Tools a Makefile names by variable ($(CC) $(MAKE) $(RM) $(SED)): alone in $( ) with nothing to work on they build,
 * delete, copy or print nothing but their usage (unlike id, whoami, or a shell or cat, which read stdin).
 */
function makeVar(word: usize, len: u32): bool {
  return len >= 2 && len <= 5 && inList(word, len, "cc gcc make rm cp mv ln mkdir sed grep awk tar");
}

/** Windows variables naming user folders (%TEMP% %APPDATA% %USERPROFILE%), common in support tickets and docs. */
function folderVar(word: usize, len: u32): bool {
  return (len == 4 && wordIs(word, len, "temp")) || (len == 7 && wordIs(word, len, "appdata")) || (len == 11 && wordIs(word, len, "userprofile"));
}

/** Words that open a JavaScript method body and no shell command (constructor() { this.x(); }, bar() { throw e; }). */
function jsBodyWord(word: usize, len: u32): bool {
  return len >= 3 && len <= 7 && inList(word, len, "this throw return const let var super await yield new console try switch");
}

/** What follows an apostrophe in an English contraction or possessive (who's, time's, it'll, they're, we've, I'd, I'm, don't). */
function contraction(word: usize, len: u32): bool {
  return len <= 2 && inList(word, len, "s t d m ll re ve");
}

/** Mail senders that read the message from stdin: piped into and given a recipient (id | mail a@b, | msmtp a@b) they send
 * the output out (mailx and sendmail are command words already; "| mail" alone or "Mail | Phone" stays a table cell). */
function mailer(word: usize, len: u32): bool {
  return (len == 4 && wordIs(word, len, "mail")) || (len == 5 && wordIs(word, len, "msmtp"));
}

/**
 * Options whose value the tool runs as a command line (argument injection), by the option's last word (the lexer
 * splits at '-' and '.'): ssh -oProxyCommand= -oLocalCommand=, git -c core.sshCommand= core.fsmonitor= core.gitProxy=
 * (names no one uses as a query field). The generic last words count only for an option opening the value (`opens`,
 * see optionChain): git --upload-pack= --receive-pack=, tar --to-command= --rsh-command= --use-compress-program=
 * --info-script= --new-volume-script=, rsync --rsh=, zip --unzip-command=, npm --script-shell=, Chromium
 * --renderer-cmd-prefix= --gpu-launcher=, git grep --open-files-in-pager=, man --pager=, --exec= (and tar's
 * --checkpoint-action=exec=, see the exec( watch; find's -exec and -execdir take theirs after a space). Named
 * after a command they document it ("git rebase --exec=make main", "tar: use --use-compress-program=gzip": session 16
 * reverted a rule that took those). What follows must still be a command word or a quote, $ or backtick (C_EXEC 2).
 */
function optionCommand(word: usize, len: u32, opens: bool): bool {
  if (len >= 8 && inList(word, len, "proxycommand oproxycommand localcommand olocalcommand sshcommand fsmonitor gitproxy")) return true;
  return opens && len >= 3 && len <= 8 && inList(word, len, "command pack program script shell prefix launcher rsh pager");
}

/**
 * Options that make a program write or load the file they name: curl -o --output, wget -O --output-document, find
 * -fprint -fprintf -fls, git --template (hooks copied from it), --config (options read from it), --outfile.
 */
function fileOption(word: usize, len: u32): bool {
  return (len == 1 && load<u8>(word) == 0x6f) || (len >= 3 && len <= 8 && inList(word, len, "output document fprint fprintf fls template config outfile"));
}

/**
 * Punctuation while an option chain is alive (ST_OPTION set: the value opened with '-'). A '-' or '.' glued to the
 * chain joins it; a space or '=' right after a file option's name (see fileOption) marks where its value starts
 * (bit 31), and an absolute path there (/ \ ~) is argument injection: the program writes or loads a file the
 * attacker chose (-o /var/www/html/x.php, --template=/tmp/hooks). Any other byte ends the chain. ('=' after other
 * names joins it in cmdPunctFull: see optionChain.)
 */
function optionPunct(st: usize, opt: u32, ch: u32, start: u32, end: u32): void {
  if ((opt & 0x3fffffff) != start || (opt >> 30) == 3) { s32(st, ST_OPTION, 0); return; } // (-O/--long: see optionWord)
  if ((opt >> 30) == 1) { // the '=' of an option whose value runs (see optionCommand): a path there is a program it runs
    // (--use-compress-program=/tmp/x.sh, --rsh=./r, --upload-pack=~/p: a script the sender placed, as good as a command word)
    if (ch == 0x2f || ch == 0x5c || ch == 0x7e || ch == 0x2e) report(st, R_CMDI_ARGUMENT_INJECTION, 0, end);
    s32(st, ST_OPTION, 0);
    return;
  }
  if ((opt >> 31) != 0) {
    if (ch == 0x2f || ch == 0x5c || ch == 0x7e) report(st, R_CMDI_ARGUMENT_INJECTION, 0, end);
    s32(st, ST_OPTION, 0);
    return;
  }
  const lw = load<u64>(st + ST_CMD2 + J_LW);
  const named = <u32>(lw >> 32) == start && fileOption(st + ST_LEX + LX_WORD, <u32>lw & 0xff);
  if (named && (ch == 0x20 || ch == 0x3d)) s32(st, ST_OPTION, end | 0x80000000);
  // --upload-pack x, --to-command x: an option whose value runs, given it after a space as getopt allows (see execAfterSpace)
  else if (ch == 0x20 && <u32>(lw >> 32) == start && (optionCommand(st + ST_LEX + LX_WORD, <u32>lw & 0xff, true) ||
           ((<u32>lw & 0xff) == 4 && wordIs(st + ST_LEX + LX_WORD, 4, "exec")) || ((<u32>lw & 0xff) == 7 && wordIs(st + ST_LEX + LX_WORD, 7, "execdir"))) &&
           !((<u32>lw & 0xff) == 6 && wordIs(st + ST_LEX + LX_WORD, 6, "prefix"))) s32(st, ST_OPTION, end | 0x40000000);
  // -o/tmp/x: the path glued to a one-letter option waits for its first name (usage text writes -O/--output)
  else if (named && (ch == 0x2f || ch == 0x5c) && (<u32>lw & 0xff) == 1) s32(st, ST_OPTION, end | 0xc0000000);
  else if (ch == 0x2d || ch == 0x2e) s32(st, ST_OPTION, end);
  else if (ch != 0x3d) s32(st, ST_OPTION, 0);
}

/** A word while an option chain is alive: it joins the chain glued to it, or is the first name of a path glued to -o. */
function optionWord(st: usize, opt: u32, start: u32, end: u32): void {
  if ((opt & 0x3fffffff) != start || start == 0) return;
  if ((opt >> 30) == 3) { report(st, R_CMDI_ARGUMENT_INJECTION, 0, end); s32(st, ST_OPTION, 0); }
  else if ((opt >> 31) == 0) s32(st, ST_OPTION, end);
}

/**
 * The '=' at `start` ends an option that opens the value: a '-' at the value's start and only words, '-' '.' and '='
 * glued after it (--to-command=, --checkpoint-action=exec=). Such a value is an argument a program is given, not a
 * shell line (which has its own rules): an option there is argument injection. Joins the '=' to the chain.
 */
function optionChain(st: usize, start: u32, end: u32): bool {
  if (g32(st, ST_OPTION) != start || start == 0) return false;
  s32(st, ST_OPTION, end);
  return true;
}

/**
 * The objects ip(8) takes first (ip addr, ip a, ip route, ip link, ip neigh ...: what a probe lists to read the host's
 * network), so "ip" after a separator before one is the command; "; IP address", "& IP range" in a table or prose name no
 * object ("address" is ip's too, but in a header it is the English word) and stay words.
 */
function ipObject(word: usize, len: u32): bool {
  return len <= 6 && inList(word, len, "addr a route r link l neigh n rule tunnel netns xfrm tuntap maddr mroute");
}

/** What ip(8) does with its object (ip addr show, ip route get, ip link set; the short forms s sh ls lst). */
function ipVerb(word: usize, len: u32): bool {
  return len <= 7 && inList(word, len, "show s sh list ls lst add del delete change replace get set flush save restore append prepend dev help");
}

/**
 * A signal trap(1) names after the command it is given: a number (0 is the shell's exit) or a signal's name, with or
 * without SIG (EXIT ERR DEBUG RETURN are the shell's own).
 */
function signalSpec(word: usize, len: u32): bool {
  if (len <= 2 && digitsOnly(word, len)) return true;
  let w = word, n = len;
  if (n > 3 && load<u8>(w) == 0x73 && load<u8>(w + 1) == 0x69 && load<u8>(w + 2) == 0x67) { w += 3; n -= 3; } // sig
  return n >= 3 && n <= 6 && inList(w, n, "exit err debug return int term hup quit kill usr1 usr2 alrm chld pipe");
}

/** The time words at(1) takes (at now, at midnight tomorrow). */
function atTime(word: usize, len: u32): bool {
  return len >= 3 && len <= 8 && inList(word, len, "now noon midnight teatime tomorrow today");
}

/** Extensions of shell scripts (sh, bash, PowerShell, batch, VBScript). */
function scriptExt(word: usize, len: u32): bool {
  return len >= 2 && len <= 4 && inList(word, len, "sh bash ps1 bat cmd vbs");
}

/** Extensions Windows runs a command name with. */
function exeExt(word: usize, len: u32): bool {
  return len == 3 && (wordIs(word, len, "exe") || wordIs(word, len, "com") || wordIs(word, len, "bat") || wordIs(word, len, "cmd"));
}

/**
 * Extensions of the other files Windows runs by association when cmd.exe is handed one as a command: PE programs under
 * another name (.scr .pif), Windows Script Host (.vbs .vbe .js .jse .wsf), mshta (.hta), msiexec (.msi), and PowerShell's
 * .ps1 (run from a PowerShell prompt). Compared by their bytes (no string literals: see psNounMore).
 */
function winRunExt(word: usize, len: u32): bool {
  // (not .js or .jse, which WSH runs too: a .js file is named everywhere in developer text — file lists, Markdown tables,
  // brands like Barnes&Noble.js — and every way found to tell those apart could be worn by an attacker)
  if (len != 3) return false;
  const v = <u32>load<u16>(word) | (<u32>load<u8>(word + 2) << 16);
  return v == 0x726373 || v == 0x666970 || v == 0x736276 || v == 0x656276 || v == 0x667377 || // scr pif vbs vbe wsf
    v == 0x617468 || v == 0x69736d || v == 0x317370; // hta msi ps1
}

/**
 * An extension read in pieces around carets (x&a.e^xe: cmd.exe drops the caret), as its bytes' value `v` (first byte
 * lowest) and length `n`: a program's (exeExt; not .com on a relative path, a domain more often), another runnable one on
 * a relative path (winRunExt), or a script's on sh's (scriptExt). (Numbers, not string literals: see psNounMore.)
 */
function extValue(c: usize, v: u32, n: u32, wrap: u32): bool {
  if (n == 3 && (v == 0x657865 || v == 0x746162 || v == 0x646d63 || (v == 0x6d6f63 && (wrap & WIN_REL) == 0))) return true; // exe bat cmd com
  if ((wrap & WIN_REL) != 0 && winRunOk(c)) {
    if (n == 3 && (v == 0x726373 || v == 0x666970 || v == 0x736276 || v == 0x656276 || v == 0x667377 ||
      v == 0x617468 || v == 0x69736d || v == 0x317370)) return true; // scr pif vbs vbe jse wsf hta msi ps1
  }
  return (wrap & SH_REL) != 0 && ((n == 2 && v == 0x6873) || (n == 4 && v == 0x68736162)); // sh bash
}

/** Nouns of the cmdlets that read files, run code, fetch or change the system (English compounds like set-up stay prose). */
function psNoun(word: usize, len: u32): bool {
  if (len < 3 || len > 16) return false;
  return wordIs(word, len, "process") || wordIs(word, len, "content") || wordIs(word, len, "childitem") || wordIs(word, len, "item") ||
    wordIs(word, len, "itemproperty") || wordIs(word, len, "object") || wordIs(word, len, "webrequest") || wordIs(word, len, "restmethod") ||
    wordIs(word, len, "service") || wordIs(word, len, "wmiobject") || wordIs(word, len, "ciminstance") || wordIs(word, len, "command") ||
    wordIs(word, len, "expression") || wordIs(word, len, "localuser") || wordIs(word, len, "localgroupmember") || wordIs(word, len, "mppreference") ||
    wordIs(word, len, "netfirewallrule") || wordIs(word, len, "acl") || wordIs(word, len, "credential") || wordIs(word, len, "executionpolicy") ||
    wordIs(word, len, "bitstransfer") || wordIs(word, len, "computerinfo") || wordIs(word, len, "hotfix") || wordIs(word, len, "psdrive") ||
    wordIs(word, len, "scheduledtask") || wordIs(word, len, "nettcpconnection") || wordIs(word, len, "eventlog") || wordIs(word, len, "winevent") ||
    wordIs(word, len, "clipboard") || wordIs(word, len, "file") || wordIs(word, len, "variable") || wordIs(word, len, "history") ||
    wordIs(word, len, "netconnection") || wordIs(word, len, "dnsname") || wordIs(word, len, "archive") || // (Test- Resolve- Expand- Compress-)
    psNounMore(word, len);
}

/** More cmdlet nouns, compared by their bytes (no string literals: the static data sits just under a 64 KiB page, and the
 * arena reads its header before growing memory, so more data there fails at start-up; see the round-11 report):
 * help (ZAP's ;get-help probe), sleep (its ;start-sleep -s 15 timing), computer (Restart-Computer). Not job: "Q&A; new-job posting". */
function psNounMore(word: usize, len: u32): bool {
  if (len == 4) return load<u32>(word) == 0x706c6568; // help
  if (len == 5) return load<u32>(word) == 0x65656c73 && load<u8>(word + 4) == 0x70; // sleep
  if (len == 8) return load<u64>(word) == 0x72657475706d6f63; // computer
  return false;
}

/** PowerShell verbs that start the cmdlets an attacker runs (Verb-Noun); only asked after a separator and a '-'. */
function psVerb(word: usize, len: u32): bool {
  // (by length: the compares of the verbs of the word's length only, not a length test for each of the 22; asked of
  // most values' first word)
  switch (len) {
    case 3: return wordIs(word, len, "get") || wordIs(word, len, "set") || wordIs(word, len, "new") || wordIs(word, len, "add") ||
      wordIs(word, len, "out");
    case 4: return wordIs(word, len, "stop") || wordIs(word, len, "copy") || wordIs(word, len, "test");
    case 5: return wordIs(word, len, "start") || wordIs(word, len, "write");
    case 6: return wordIs(word, len, "invoke") || wordIs(word, len, "remove") || wordIs(word, len, "import") ||
      wordIs(word, len, "export") || wordIs(word, len, "enable") || wordIs(word, len, "select") || wordIs(word, len, "expand");
    case 7: return wordIs(word, len, "disable") || wordIs(word, len, "convert") || wordIs(word, len, "restart") ||
      wordIs(word, len, "resolve");
    case 8: return wordIs(word, len, "compress");
  }
  return false;
}

/** C_WRAP (kind 6): a verb after '| ' in a pasted pipeline (K_LINE): the cmdlet waits for an argument, as 128 does, when its
 * noun reads a file or the network (see psReadNoun): ping | Get-Content C:\secret.txt (rt-ex2 04). */
const PS_READ: u32 = 8388608;

/** Verbs of the cmdlets that read a file or the network (Get- Invoke- Start-, with the nouns of psReadNoun; not Set-Content). */
function psReadVerb(word: usize, len: u32): bool {
  return wordIs(word, len, "get") || wordIs(word, len, "invoke") || wordIs(word, len, "start");
}

/** Nouns of the cmdlets that read a file or the network (Get-Content, Get-ChildItem, Invoke-WebRequest, Invoke-RestMethod,
 * Start-BitsTransfer): after a pipe the argument they are given is what they read, not the pipe's input. */
function psReadNoun(word: usize, len: u32): bool {
  return wordIs(word, len, "content") || wordIs(word, len, "childitem") || wordIs(word, len, "webrequest") ||
    wordIs(word, len, "restmethod") || wordIs(word, len, "bitstransfer");
}

/** C_WRAP (kinds 1 and 2): powershell, pwsh or iex opening the value; with 8, the command it was handed (see step). */
const PS_LINE: u32 = 4194304;

/** A cmdlet waiting in step 36 or 37 runs: after a separator a chained command, after powershell opening the value its argument. */
function cmdletReport(st: usize, c: usize): void {
  if (g32(c, C_CMD_POS) == 1) report(st, R_CMDI_COMMAND_WITH_ARGS, g32(c, C_CMD_START), g32(c, C_CMD_END));
  else report(st, g32(c, C_SUBST) != 0 ? R_CMDI_COMMAND_SUBSTITUTION : R_CMDI_CHAINED_COMMAND, g32(c, C_POS_START), g32(c, C_CMD_END));
}

/** C_WRAP (kind 11): the path is relative (x&uploads\a.exe, x|.\a.bat, x&x.bat: cmd.exe looks in its working folder). */
const WIN_REL: u32 = 4;
/** C_WRAP (kind 11): and it is a bare name after a newline (x\nsetup.exe), which no shell that splits there runs from the working folder. */
const WIN_BARE: u32 = 8;
/** C_WRAP (kind 11): a relative path with a '/' after ; | or a newline (x;uploads/run.sh): sh runs it from the working folder, a script's extension as well as a program's counts. */
const SH_REL: u32 = 16;
/** C_CMD_POS bit of a kind 11 path (its low bits keep the position, 2): it started after a newline. See winRunOk. */
const POS_NL: u32 = 0x100;
/** POS_NL for a path starting now after a newline (C_PREV). */
// @ts-ignore: decorator
@inline function sepBits(c: usize): u32 {
  return g32(c, C_PREV) == 0x0a ? POS_NL : 0;
}

/**
 * May a relative path with one of winRunExt's extensions run? Not after a newline: cmd.exe runs only the line before it,
 * and sh reads scripts\\deploy.ps1 as scriptsdeploy.ps1 and runs no file by association (a file list or a compile error:
 * "editing\nscripts\\deploy.ps1", "Attached:\ndocs\\install.msi").
 */
function winRunOk(c: usize): bool {
  return (g32(c, C_CMD_POS) & POS_NL) == 0;
}

/** The C_WRAP bits a kind 11 path keeps from segment to segment. */
const WIN_KEEP: u32 = WIN_REL | SH_REL;

/**
 * Keeps the extension read so far in C_WRAP's bits 6-7 (its length, 1 to 3) and 8-31 (its bytes) for a caret splitting
 * it (step 8); 0 when it grows past 3 bytes. `pn` bytes of `pv` came before the `n` bytes at `word`.
 */
function extKeep(c: usize, word: usize, n: u32, pn: u32, pv: u32): void {
  let w = g32(c, C_WRAP) & 0x3f;
  if (pn + n <= 3) {
    let v = pv;
    for (let i: u32 = 0; i < n; i++) v |= <u32>load<u8>(word + i) << ((pn + i) << 3);
    w |= ((pn + n) << 6) | (v << 8);
  }
  s32(c, C_WRAP, w);
}

/**
 * Kind 11: a Windows absolute path where cmd.exe reads the command (after & | newline): a drive, c:\ or c:/, or a UNC
 * share, \\host\. cmd.exe runs the file it names, so its last segment is the command (x&c:\windows\system32\whoami,
 * x&\\evil\share\x.exe). Steps: 0 after the drive letter, 1 after its ':', 2 after a '\' or '/', 3 after a segment's
 * name, 4 after a '.' in a segment, 5 after the extension. C_WRAP: 1 the segment's name is a strong command word, 2 its
 * extension is a program's (see exeExt). A space, quote, comma or the end after the last segment judges it; a space
 * inside the path ends it there too, as cmd.exe splits (C:\Program Files\x.exe runs C:\Program). A relative path
 * (WIN_REL) starts at a name after '&' (step 3: x&x.bat, x&uploads\a.exe) or at a '\' or '.' glued to a name after '|'
 * or a newline (see kind 6); & | also end the path.
 */
function winPath(st: usize, c: usize, isWord: bool, ch: u32, flags: u64, start: u32, end: u32, wlen: u32): void {
  const s = g32(c, C_CMD_STEP);
  const adjacent = g32(c, C_LAST_END) == start;
  if (s == 8) { // a.e^ then: the extension goes on in the word glued to the caret (x&a.e^xe), judged whole (see extValue)
    if (!isWord && ch == 0x5e && adjacent) return;
    if (isWord && adjacent) {
      const w = g32(c, C_WRAP), pn = (w >> 6) & 3;
      if (pn + wlen <= 4) {
        let v = w >> 8;
        for (let i: u32 = 0; i < wlen; i++) v |= <u32>load<u8>(st + ST_LEX + LX_WORD + i) << ((pn + i) << 3);
        s32(c, C_WRAP, extValue(c, v, pn + wlen, w) ? w | 2 : w & ~2);
        extKeep(c, st + ST_LEX + LX_WORD, wlen, pn, w >> 8);
      } else s32(c, C_WRAP, g32(c, C_WRAP) & ~(2 | 0xc0));
      s32(c, C_CMD_STEP, 5); s32(c, C_CMD_END, end); return;
    }
    s32(c, C_CMD, 0); return;
  }
  if (s == 5 && !isWord && ch == 0x5e && adjacent && (g32(c, C_WRAP) & 0xc0) != 0 && !((g32(c, C_WRAP) & SH_REL) != 0 && (g32(c, C_WRAP) & WIN_REL) == 0)) {
    s32(c, C_CMD_STEP, 8); return;
  }
  if (s == 7) { // x&"a.bat", x|^a.exe: cmd.exe drops the quote or caret glued to its separator before the program's name
    if (!isWord && (ch == 0x22 || ch == 0x5e) && adjacent) return;
    // (one letter: a drive or a one-letter name, step 0; a longer name, step 3 as after '&')
    if (isWord && adjacent) { s32(c, C_CMD_STEP, wlen == 1 ? 0 : 3); s32(c, C_WRAP, wlen == 1 ? 0 : WIN_REL); s32(c, C_CMD_END, end); return; }
    s32(c, C_CMD, 0); return;
  }
  // (cmd.exe drops a caret inside the name, x&a^.exe, x|uploads^\a.exe; not on sh's path after ';', which keeps it)
  if (!isWord && ch == 0x5e && adjacent && s <= 4 && s != 1 && !((g32(c, C_WRAP) & SH_REL) != 0 && (g32(c, C_WRAP) & WIN_REL) == 0)) return;
  if (isWord) {
    if (s == 2 && adjacent) { s32(c, C_CMD_STEP, 3); s32(c, C_WRAP, (g32(c, C_WRAP) & WIN_KEEP) | ((flags & K_C_STRONG) != 0 ? 1 : 0)); s32(c, C_CMD_END, end); return; }
    // (a relative one ending in .com is a domain far more often: Barnes&Noble.com)
    if (s == 4 && adjacent) {
      s32(c, C_CMD_STEP, 5); s32(c, C_CMD_END, end);
      extKeep(c, st + ST_LEX + LX_WORD, wlen, 0, 0);
      if (exeExt(st + ST_LEX + LX_WORD, wlen) && !((g32(c, C_WRAP) & WIN_REL) != 0 && wordIs(st + ST_LEX + LX_WORD, wlen, "com"))) s32(c, C_WRAP, g32(c, C_WRAP) | 2);
      else if ((g32(c, C_WRAP) & SH_REL) != 0 && scriptExt(st + ST_LEX + LX_WORD, wlen)) s32(c, C_WRAP, g32(c, C_WRAP) | 2);
      // (x&a.vbs, x|uploads\a.hta: a relative path cmd.exe hands to the program its extension is associated with)
      else if ((g32(c, C_WRAP) & WIN_REL) != 0 && winRunExt(st + ST_LEX + LX_WORD, wlen) &&
        winRunOk(c)) s32(c, C_WRAP, g32(c, C_WRAP) | 2);
      return;
    }
    if (s == 3 && adjacent) { s32(c, C_CMD_END, end); return; } // (a name the lexer split, v1 then 0)
    s32(c, C_CMD, 0); return;
  }
  if (s == 0) { // a drive letter, or a one-letter file name (x&a.bat, x|a\b.exe: relative; x\na.exe bare, see step kind 6)
    if ((g32(c, C_WRAP) & SH_REL) != 0 && !(ch == 0x2f && adjacent)) { s32(c, C_CMD, 0); return; } // (after ';')
    if (ch == 0x3a && adjacent) s32(c, C_CMD_STEP, 1);
    else if ((ch == 0x2e || ch == 0x5c) && adjacent) {
      s32(c, C_CMD_STEP, ch == 0x2e ? 4 : 2); s32(c, C_WRAP, WIN_REL | (ch == 0x2e && g32(c, C_PREV) == 0x0a ? WIN_BARE : 0));
    }
    else if (ch == 0x2f && adjacent) { s32(c, C_CMD_STEP, 2); s32(c, C_WRAP, WIN_REL | SH_REL); } // (x&&b/c.sh: sh's relative path)
    else s32(c, C_CMD, 0);
    return;
  }
  // (a '/' in a relative path is sh's too: x&uploads/run.sh, x&&a/b.sh run the script from the working folder, as after ; |)
  if ((ch == 0x5c || ch == 0x2f) && adjacent && s != 4) {
    const w = g32(c, C_WRAP);
    s32(c, C_CMD_STEP, 2); s32(c, C_WRAP, (w & WIN_KEEP) | (ch == 0x2f && (w & WIN_REL) != 0 ? SH_REL : 0)); return;
  }
  if (ch == 0x2e && adjacent && (s == 3 || s == 5)) { s32(c, C_CMD_STEP, 4); return; }
  if ((ch == 0x2d || ch == 0x5f) && adjacent && s == 3) return; // (a name with - or _ in it goes on)
  if ((s == 3 || s == 5) && (ch == 0x20 || ch == 0x22 || ch == 0x27 || ch == 0x2c || ch == 0x0a || ch == 0x26 || ch == 0x7c) && (g32(c, C_WRAP) & 3) != 0 && (g32(c, C_WRAP) & WIN_BARE) == 0) {
    report(st, R_CMDI_SHELL_PATH, g32(c, C_CMD_START), g32(c, C_CMD_END));
  }
  s32(c, C_CMD, 0);
}

/** gc's next event (see GC_CMD): true when taken here. Step 70: a plain word after "gc ", its path read from what is glued to it. */
function gcStep(st: usize, c: usize, isWord: bool, ch: u32, s: u32, adjacent: bool, end: u32): bool {
  if (s == 0 && !(!isWord && ch == 0x20)) { s32(c, C_CMD, 0); return true; } // (gc|cpu, gc;x, gc.x: no file named)
  if (s == 1 && isWord) { s32(c, C_CMD_STEP, 70); s32(c, C_CMD_END, end); return true; }
  if (s == 70) {
    if (!isWord && adjacent && (ch == 0x2e || ch == 0x3a || ch == 0x5c || ch == 0x2f)) fire(st, c, end, false); // (secret.txt C: a\b a/b)
    else s32(c, C_CMD, 0);
    return true;
  }
  return false;
}

/**
 * The pending command word meets the next event: decide, keep waiting, or drop it. `wlen`: a word event's decoded
 * length (the lexer's word buffer holds that many bytes; [start, end) is its span in the input, longer when encoded).
 */
function step(st: usize, c: usize, isWord: bool, ch: u32, flags: u64, first: u32, start: u32, end: u32, wlen: u32): void {
  const kind = g32(c, C_CMD);
  if (kind == 0) return;
  const s = g32(c, C_CMD_STEP);
  const adjacent = g32(c, C_LAST_END) == start;
  const pos = g32(c, C_CMD_POS);
  if (s == 19) { // cmd #: a word or number glued to the '#' numbers something (Apt #4B, cat #1), else it is a comment (ls #, ls # x)
    if (isWord && adjacent) s32(c, C_CMD, 0); else fire(st, c, g32(c, C_CMD_END), false);
    return;
  }
  if (s == 71) { // make -20 then: a '%' glued makes it a percentage (make -20%: a search, judged as step 72), anything else the option it was
    if (!isWord && ch == 0x25 && adjacent) s32(c, C_CMD_STEP, 72); else fire(st, c, g32(c, C_CMD_END), false);
    return;
  }
  if (s == 72) { // kill -bill then: only the value's end (see pendingAtEnd) or a sentence's '.' '!' '?' glued lets it go (see proseDash)
    if (!(!isWord && adjacent && (ch == 0x2e || ch == 0x21 || ch == 0x3f))) fire(st, c, g32(c, C_CMD_END), false);
    return;
  }
  if (s >= 58 && s <= 60) { // cmd.exe's switch glued to the command word (see the '/' after it below)
    if (s == 58) { if (isWord && adjacent && lettersOnly(st + ST_LEX + LX_WORD, wlen)) s32(c, C_CMD_STEP, wlen <= 3 ? 59 : 60); else s32(c, C_CMD, 0); return; }
    if (!isWord && ch == 0x2f && adjacent) { s32(c, C_CMD_STEP, 58); if (s == 59) fire(st, c, start, false); return; }
    if (s == 59 && !isWord && (ch == 0x20 || ch == 0x22 || ch == 0x0a || ch == 0x26 || ch == 0x7c)) { fire(st, c, start, false); return; }
    s32(c, C_CMD, 0); return;
  }
  // A '#' glued to the command word (x;id#) is part of the word in sh, cmd.exe and PowerShell: "id#" runs nothing. In a
  // URL's query or path, though, a raw '#' starts the fragment, which the application's URL parser cuts off (Express's
  // req.query reads x;id from ?q=x;id#): a '#' that is one raw byte (not a decoded %23, which is the value's own '#')
  // is read as the value's end there. (A JSON or form value keeps its '#': google.com&whoami# stays clean there,
  // and so does test|systeminfo%23 in a query: cmd.exe looks for a program named "systeminfo#".)
  if (s == 0 && !isWord && ch == 0x23 && end == start + 1 && adjacent && (kind == 1 || kind == 2) && g32(c, C_CMD_END) == start &&
      (g32(st, ST_CONTEXT) == CTX_QUERY || g32(st, ST_CONTEXT) == CTX_PATH)) {
    pendingAtEnd(st, c, kind, start); s32(c, C_CMD, 0); return;
  }
  if (kind == 11) { winPath(st, c, isWord, ch, flags, start, end, wlen); return; }
  if ((g32(c, C_WRAP) & GC_CMD) != 0 && (kind == 1 || kind == 2) && gcStep(st, c, isWord, ch, s, adjacent, end)) return;
  if (s == 38 || s == 39) { // powershell ( or powershell " then: a command word or a cmdlet's Verb- in it runs (see PS_LINE)
    // (powershell (New-Object Net.WebClient).DownloadString(, powershell "IEX (...)", powershell 'whoami'; not a title's
    // "PowerShell (Windows) guide", "PowerShell \"for beginners\"")
    if (s == 38 && isWord && adjacent && (flags & K_C_STRONG) != 0) { fire(st, c, end, false); return; }
    if (s == 38 && isWord && adjacent && psVerb(st + ST_LEX + LX_WORD, wlen)) { s32(c, C_CMD_STEP, 39); return; }
    // (iex([Convert]::FromBase64String(...)): a static call in it is code the line runs, as after a separator (see staticCall)
    if (s == 38 && !isWord && adjacent && ch == 0x5b) s32(st + ST_CMD3, K_ANGLE, g32(st + ST_CMD3, K_ANGLE) | K_BRACKET);
    if (s == 38) s32(st + ST_CMD3, K_ANGLE, g32(st + ST_CMD3, K_ANGLE) | K_CODE); // (iex ($s=[Convert]::...: see K_CODE)
    if (s == 39 && !isWord && adjacent && ch == 0x2d) { s32(c, C_CMD_STEP, 48); return; }
    s32(c, C_CMD, 0); return;
  }
  if (s == 48 || s == 49) { // powershell "Get- then: the noun, then an argument or code runs (powershell "Get-ChildItem C:\",
    // powershell "Get-Process -Name x"); the quote closing right after the cmdlet names it, as a title does: PowerShell
    // "Get-Process" command explained (powershell Get-Process alone is a search too)
    if (s == 48 && isWord && adjacent) { s32(c, C_CMD_STEP, 49); s32(c, C_CMD_END, end); return; }
    if (s == 49 && !isWord && adjacent && (ch == 0x22 || ch == 0x27)) { s32(c, C_CMD, 0); return; }
    fire(st, c, s == 49 ? g32(c, C_CMD_END) : end, false); return;
  }
  if (s == 20) { // | id | then: a plain word is the next cell of a table row (| ID | Email |); a command, punctuation or the end runs id
    // (also a strong word opening the value: "id|name|email", "ID | Name" head a CSV file or a table; id|nc x, id|, id|| still run)
    if (!isWord && ch == 0x20) return;
    // (after a word opening the value, a name with digits may be a program, echo | gcc7.4: only letters make a header cell;
    // a weak word, "ID | Type | Status", "x | id | date", is then judged in its own command position, as a cell or a command)
    if (!(isWord && (flags & K_C_STRONG) == 0 && (pos == 2 || lettersOnly(st + ST_LEX + LX_WORD, wlen)))) report(st, pos == 2 ? R_CMDI_CHAINED_COMMAND : R_CMDI_COMMAND_WITH_ARGS, g32(c, C_CMD_START), g32(c, C_CMD_END));
    s32(c, C_CMD, 0); return;
  }
  if (s == 32 || s == 33) { // Anna;yes;42: a weak word alone between list semicolons (see listField and the ';' below)
    // the next field glued to the ';' (a word, or a quote opening one: ;"Less";"Trader Joe's") makes it a list's field;
    // the end (a;date;), punctuation, a space or a strong command next (a;date;id) runs it as before
    if (s == 32 && !isWord && adjacent && (ch == 0x22 || ch == 0x27)) { s32(c, C_CMD_STEP, 33); return; }
    if (!(isWord && adjacent && (flags & K_C_STRONG) == 0)) report(st, R_CMDI_CHAINED_COMMAND, g32(c, C_CMD_START) - 1, g32(c, C_CMD_END));
    s32(c, C_CMD, 0); return;
  }
  if (s == 34 || s == 35) { // id;name;date: a strong word opening the value, glued to ';', heads a CSV line (see the ';' below)
    // when a plain word of letters follows glued (34) and another ';' glued to it (35); id;ls, id;, id;name (two fields:
    // id's output shows) still run it
    if (s == 34 && isWord && adjacent && (flags & (K_C_STRONG | K_C_WEAK)) == 0 && lettersOnly(st + ST_LEX + LX_WORD, wlen)) { s32(c, C_CMD_STEP, 35); return; }
    if (!(s == 35 && !isWord && adjacent && ch == 0x3b)) report(st, R_CMDI_COMMAND_WITH_ARGS, g32(c, C_CMD_START), g32(c, C_CMD_END));
    s32(c, C_CMD, 0); return;
  }
  if (s == 21 || s == 22) { // ;who' then: an English contraction (who's, time's up) leaves a quote the shell never sees closed
    // (a syntax error: nothing runs); another quote after it, any other word or punctuation runs the command as before
    if (s == 21 && isWord && adjacent && contraction(st + ST_LEX + LX_WORD, wlen)) { s32(c, C_CMD_STEP, 22); return; }
    if (s == 21 || (!isWord && (ch == 0x27 || ch == 0x22))) fire(st, c, g32(c, C_CMD_END), false); else s32(c, C_CMD, 0);
    return;
  }
  if (s == 23) { // cmd % then: a name is a Windows variable (type %WINDIR%\x, echo %USERNAME%); R's pipe %>% (and %<>%) is code
    // (R's pipe is checked to its end: step 26)
    if (!isWord && (ch == 0x3e || ch == 0x3c) && adjacent) s32(c, C_CMD_STEP, 26); else fire(st, c, g32(c, C_CMD_END), false);
    return;
  }
  if (s >= 26 && s <= 29) { // cmd %> then: R's pipe is %>% (or %<>%) and then a function (df %>% filter(x)); for a shell, % is
    // an argument and >% a redirection, so a name glued to it (%>%x), an option, a path or a host after it runs the command
    // (;rm %>% -rf /, ;wget %>% host.test/x); the end, a name alone or a name and '(' are R
    if (s == 26 && !isWord && ch == 0x3e && adjacent) return; // %<>
    if (s == 26 && !isWord && ch == 0x25 && adjacent) { s32(c, C_CMD_STEP, 27); return; }
    if (s == 27 && !isWord && (ch == 0x20 || ch == 0x0a)) { s32(c, C_CMD_STEP, 28); return; }
    if (s == 28 && isWord) { s32(c, C_CMD_STEP, 29); return; }
    if (s == 28 && !isWord && (ch == 0x20 || ch == 0x0a)) { s32(c, C_CMD, 0); return; }
    if (s == 29 && !isWord && (ch == 0x28 || ch == 0x20 || ch == 0x0a || ch == 0x3a || ch == 0x5b || ch == 0x24 || ch == 0x5f || ch == 0x2c || ch == 0x29)) { s32(c, C_CMD, 0); return; }
    fire(st, c, g32(c, C_CMD_END), false);
    return;
  }
  if (s == 30 || s == 31) { // &dir,c:\ then: cmd.exe reads , ; = between a command and its arguments as spaces (dir,c:\ cmd,/c,id);
    // a path glued to the comma (\x, a drive c:) or, after a strong word, an option (/c -n) is judged as an argument after a
    // space would be; anything else leaves a list of words ("x|sort,uniq", "A|Echo,B", "Size|Sort,/asc", "Date, Time")
    if (s == 31) { if (!isWord && ch == 0x3a && adjacent) fire(st, c, end, false); else s32(c, C_CMD, 0); return; }
    if (adjacent && isWord && wlen == 1 && first - 0x61 < 26) { s32(c, C_CMD_STEP, 31); return; }
    if (adjacent && !isWord && (ch == 0x5c || (kind == 1 && (ch == 0x2f || ch == 0x2d)))) { s32(c, C_CMD_STEP, 1); step(st, c, isWord, ch, flags, first, start, end, wlen); }
    else s32(c, C_CMD, 0);
    return;
  }
  if (s == 24 || s == 25) { // ;su name then: su runs nothing for a web request without a terminal and a password; given an
    // option after the user (su root -c id) or ending the value or a command it still counts ("; su familia" is Spanish)
    if (s == 24 && !isWord && ch == 0x20) { s32(c, C_CMD_STEP, 25); return; }
    if (!isWord && (ch == 0x2d || (s == 24 && (ch == 0x3b || ch == 0x7c || ch == 0x26 || ch == 0x0a)))) fire(st, c, g32(c, C_CMD_END), false);
    else s32(c, C_CMD, 0);
    return;
  }
  if (kind == 4 && s >= 40) { // IF x == then: the operand, then the command cmd.exe runs; "or"/"and" there is Python or Ruby
    // (if x == 1 or y == 2: print('ok')); C_CMD_POS holds the end of the "==" (the span reported, as before)
    if (s == 40) { if (isWord || ch != 0x20) s32(c, C_CMD_STEP, 41); return; }
    if (s == 41 && !isWord && ch == 0x0a) { report(st, R_CMDI_WINDOWS_BATCH, g32(c, C_CMD_START), g32(c, C_CMD_POS)); s32(c, C_CMD, 0); return; }
    if (s == 41) { if (!isWord && ch == 0x20) s32(c, C_CMD_STEP, 42); return; }
    if (!(isWord && inList(st + ST_LEX + LX_WORD, wlen, "or and"))) report(st, R_CMDI_WINDOWS_BATCH, g32(c, C_CMD_START), g32(c, C_CMD_POS));
    s32(c, C_CMD, 0); return;
  }
  if (kind == 4 && s >= 6) { // IF ...: look a few events ahead for a batch comparison
    // "if (" opened a parenthesis (depth in C_CMD_END >> 8): an "==" inside it is a C-like condition,
    // if (x === 'y') {  if (err !== null) — cmd.exe compares operands outside parentheses: IF (%1)==() GOTO x
    const depth = g32(c, C_CMD_END) >> 8;
    if (!isWord && ch == 0x28 && depth != 0 && depth < 255) s32(c, C_CMD_END, g32(c, C_CMD_END) + 256);
    else if (!isWord && ch == 0x29 && depth != 0) s32(c, C_CMD_END, g32(c, C_CMD_END) - 256);
    if (!isWord && ch == 0x3d && g32(c, C_PREV) == 0x3d && adjacent && depth != 0) { s32(c, C_CMD, 0); return; }
    if (!isWord && ch == 0x3d && g32(c, C_PREV) == 0x3d && adjacent) { s32(c, C_CMD_STEP, 40); s32(c, C_CMD_POS, end); return; } // (step 40)
    if (isWord && (flags & K_C_BATCH_CMP) != 0) {
      report(st, R_CMDI_WINDOWS_BATCH, g32(c, C_CMD_START), end); s32(c, C_CMD, 0); return;
    }
    if (s >= 14 || ch == 0x0a || ch == 0x3b || ch == 0x7c || ch == 0x26) { s32(c, C_CMD, 0); return; }
    s32(c, C_CMD_STEP, s + 1); return;
  }
  if (kind == 3 || kind == 4) { // FOR / IF
    if (isWord) {
      if (s == 2 && adjacent && wlen == 1) { report(st, R_CMDI_WINDOWS_BATCH, g32(c, C_CMD_START), end); }
      // ;if id;then, &&if cat f;then: after a separator, IF before a command word (none of cmd.exe's IF operands) is the
      // shell's if, which runs the command: it takes the command position (the caller then reads the word in it)
      else if (kind == 4 && s == 1 && g32(c, C_CMD_POS) == 2 && (flags & (K_C_STRONG | K_C_BATCH_IFARG)) == K_C_STRONG) { s32(c, C_CMD, 0); s32(c, C_POS, 2); return; }
      else if (kind == 4 && s == 1 && (flags & K_C_BATCH_IFARG) != 0) report(st, R_CMDI_WINDOWS_BATCH, g32(c, C_CMD_START), end);
      else if (kind == 4 && s == 1 && (flags & K_SQL_NOT) != 0 && g32(c, C_CMD_END) == 0) { s32(c, C_CMD_END, 1); return; } // IF NOT EXIST
      else if (kind == 4 && s == 1) { s32(c, C_CMD_STEP, 6); return; }
      s32(c, C_CMD, 0); return;
    }
    if (ch == 0x20) { if (s == 0) s32(c, C_CMD_STEP, 1); return; }
    if ((s == 1 || (s == 0 && kind == 4)) && (ch == 0x2f)) { s32(c, C_CMD_STEP, 2); return; } // for /f, if/i
    if (s == 1 && ch == 0x25) { report(st, R_CMDI_WINDOWS_BATCH, g32(c, C_CMD_START), end); }
    if (s == 1 && kind == 4 && (ch == 0x22 || ch == 0x28 || ch == 0x5b || ch == 0x7b)) { // IF "%a%"  IF (%1)  IF [%1]
      if (ch == 0x28) s32(c, C_CMD_END, g32(c, C_CMD_END) | 256);
      s32(c, C_CMD_STEP, 6); return;
    }

    s32(c, C_CMD, 0); return;
  }
  if (kind == 6) { // ;name -x: any command word after ; | newline or a backtick, given an option
    const wrap = g32(c, C_WRAP);
    if (s == 36 || s == 37) { // | Get-Process then: a cmdlet after '| ' or '&' ("Home | Get-Started" is a menu) runs given an
      // argument (| Get-ChildItem C:\Users, & Start-Process calc); the next cell of a menu (| Get-Content | Blog), a list's
      // comma or a sentence's punctuation after it leave it a name, and so does the end: a PowerShell pipeline pasted in a
      // ticket ends that way ("Get-ChildItem -Path C:\Logs -Filter *.log | Remove-Item")
      if (s == 36 && !isWord && ch == 0x20) { s32(c, C_CMD_STEP, 37); return; }
      // (after powershell opening the value, an option waits for what follows it: steps 44-47)
      if (s == 37 && pos == 1 && !isWord && ch == 0x2d) { s32(c, C_CMD_STEP, 44); return; }
      // (after powershell opening the value, like any command there, only an option, a path or code: "powershell get-childitem
      // recurse" or the cmdlet alone is a search for its documentation)
      if (s == 37 && ((isWord && pos != 1) || (!isWord && !(ch == 0x7c || ch == 0x2c || ch == 0x3b || ch == 0x21 || ch == 0x3f || ch == 0x0a || ch == 0x20)))) cmdletReport(st, c);
      s32(c, C_CMD, 0); return;
    }
    if (s >= 44 && s <= 47) { // powershell Get-ChildItem -Recurse then: a plain word after the option (and no more) is a search
      // for the cmdlet's documentation, powershell Get-ChildItem -Recurse example; the end, another option, a path or code
      // after it runs (powershell Get-ChildItem -Recurse, -Path C:\Users, -Force -Recurse x, -Name $x)
      if (s == 44 && isWord && adjacent) { s32(c, C_CMD_STEP, 45); return; }
      if (s == 45 && !isWord && ch == 0x20) { s32(c, C_CMD_STEP, 46); return; }
      if (s == 46 && isWord && (flags & (K_C_STRONG | K_C_WEAK)) == 0) { s32(c, C_CMD_STEP, 47); return; }
      if (s == 47 && !(!isWord && adjacent && !(ch == 0x20 || ch == 0x2c || ch == 0x21 || ch == 0x3f))) { s32(c, C_CMD, 0); return; }
      cmdletReport(st, c); s32(c, C_CMD, 0); return;
    }
    // x|uploads\a.exe, x|a.bat: after cmd.exe's '|' or a newline a name glued to '\' or '.' may be a relative path to a
    // program, judged by its last segment (see winPath). After a newline only a path with a folder in it (x\nuploads\a.exe,
    // which PowerShell runs): cmd.exe ends its command line at the newline and PowerShell runs no program from the working
    // folder by a bare name; one on the PATH is a command word judged as such (x\ncalc.exe): "Hi,\nsetup.exe crashes"
    // (WIN_BARE until a '\' or '/' comes)
    if (s == 0 && !isWord && adjacent && (ch == 0x5c || ch == 0x2e) && g32(c, C_CMD_END) == start && (g32(c, C_PREV) == 0x7c || g32(c, C_PREV) == 0x0a)) {
      s32(c, C_CMD, 11); s32(c, C_CMD_STEP, ch == 0x5c ? 2 : 4); s32(c, C_WRAP, WIN_REL | (ch == 0x2e && g32(c, C_PREV) == 0x0a ? WIN_BARE : 0));
      s32(c, C_CMD_POS, g32(c, C_CMD_POS) | sepBits(c)); return;
    }
    // x;uploads/run.sh, x|uploads/a.exe: sh runs a path with a '/' from the working folder (judged by its last segment's
    // extension, see winPath; "and/or; yes/no", "docs/readme.md" name no program)
    if (s == 0 && !isWord && adjacent && ch == 0x2f && g32(c, C_CMD_END) == start && (g32(c, C_PREV) == 0x7c || g32(c, C_PREV) == 0x0a || g32(c, C_PREV) == 0x3b)) {
      s32(c, C_CMD, 11); s32(c, C_CMD_STEP, 2); s32(c, C_WRAP, WIN_REL | SH_REL); s32(c, C_CMD_POS, g32(c, C_CMD_POS) | sepBits(c)); return;
    }
    if ((wrap & 256) != 0 && !(s == 0 && !isWord && ch == 0x2d && adjacent) && !(s == 1 && isWord && adjacent)) { s32(c, C_CMD, 0); return; } // (after '&': only Verb-Noun)
    if (isWord) {
      const nw = st + ST_LEX + LX_WORD; const nl = load<u32>(st + ST_CMD2 + J_LW) & 0xff;
      // Get-Process: a cmdlet (Help only glued to ';' or a newline: "Tips; get-help now" is prose, "Home|Get-Help|Contact" a menu)
      if (adjacent && s == 1 && (g32(c, C_WRAP) & 16) != 0 && psNoun(nw, nl) && ((g32(c, C_WRAP) & 40) == 32 || !(nl == 4 && load<u32>(nw) == 0x706c6568))) {
        report(st, g32(c, C_SUBST) != 0 ? R_CMDI_COMMAND_SUBSTITUTION : R_CMDI_CHAINED_COMMAND, g32(c, C_POS_START), end); s32(c, C_CMD, 0); return;
      }
      // after '| ' or '&' the cmdlet waits for what follows it (steps 36, 37); Help stays a menu's word there
      if (adjacent && s == 1 && ((wrap & 128) != 0 || ((wrap & PS_READ) != 0 && psReadNoun(nw, nl))) && psNoun(nw, nl) && !(nl == 4 && load<u32>(nw) == 0x706c6568)) {
        s32(c, C_CMD_STEP, 36); s32(c, C_CMD_END, end); return;
      }
      if ((wrap & 256) != 0) { s32(c, C_CMD, 0); return; }
      if (adjacent && s == 1) { s32(c, C_CMD_STEP, 0); s32(c, C_WRAP, g32(c, C_WRAP) & 32); return; } // a hyphenated name goes on
      if (s == 2 && (g32(c, C_WRAP) & 64) != 0) { s32(c, C_CMD_STEP, 4); return; } // | msmtp a@b: the recipient (see mailer)
      if (adjacent && s == 3 && first - 0x61 < 26) {
        report(st, g32(c, C_SUBST) != 0 ? R_CMDI_COMMAND_SUBSTITUTION : R_CMDI_CHAINED_COMMAND, g32(c, C_POS_START), end);
      }
      s32(c, C_CMD, 0); return;
    }
    if (ch == 0x20 && (s == 0 || s == 2)) { s32(c, C_CMD_STEP, 2); return; }
    if (s == 4 && ch == 0x40 && adjacent) { report(st, g32(c, C_SUBST) != 0 ? R_CMDI_COMMAND_SUBSTITUTION : R_CMDI_CHAINED_COMMAND, g32(c, C_POS_START), end); s32(c, C_CMD, 0); return; }
    // --long options count only for a name glued to its separator (;tool --all, not "; use --no-verify" in prose)
    if (ch == 0x2d && ((s == 0 && adjacent) || s == 2 || (s == 3 && adjacent && (g32(c, C_WRAP) & 32) != 0))) { s32(c, C_CMD_STEP, s == 0 ? 1 : 3); return; }
    s32(c, C_CMD, 0); return;
  }
  if (kind == 10) { // `ruby -rsocket -e ...`: s 1 after a space, 2 after ' -' or ' --'; the span's end or a separator ends it
    // The runtime's own options come before the script or module: at the first other argument (x.py, -m pip) the
    // rest is the script's (python x.py -c 1, python -m pip install -e .). C_CMD_END = 1: the last option takes a value (-W x).
    if (isWord) {
      const w = st + ST_LEX + LX_WORD, n = wlen;
      if (s == 2 && adjacent) {
        if (codeOption(w, n, (g32(c, C_WRAP) & 512) != 0)) { report(st, R_CMDI_COMMAND_SUBSTITUTION, g32(c, C_POS_START), end); s32(c, C_CMD, 0); return; }
        if (n == 1 && first == 0x6d) { s32(c, C_CMD, 0); return; } // -m module
        s32(c, C_CMD_END, n == 1 && (first == 0x77 || first == 0x78 || first == 0x72 || first == 0x69) ? 1 : 0); // -W x -X x -r x -I x
      } else if (s == 1) {
        if (g32(c, C_CMD_END) != 1) { s32(c, C_CMD, 0); return; } // the script
        s32(c, C_CMD_END, 0);
      }
      s32(c, C_CMD_STEP, 0); return;
    }
    if (ch == 0x20) { s32(c, C_CMD_STEP, 1); return; }
    if (ch == 0x2d && (s == 1 || (s == 2 && adjacent))) { s32(c, C_CMD_STEP, 2); return; }
    if (ch == 0x60 || ch == 0x3b || ch == 0x7c || ch == 0x26 || ch == 0x0a) { s32(c, C_CMD, 0); return; }
    s32(c, C_CMD_STEP, 0); return;
  }
  if (kind == 9) { // `ls -la ...`: a separator, redirection or expansion inside runs it; the closing backtick hands over to kind 8
    if (isWord) return;
    if (ch == 0x60) { s32(c, C_CMD, 8); s32(c, C_CMD_STEP, 0); return; }
    if (ch == 0x3b || ch == 0x7c || ch == 0x26 || ch == 0x0a || ch == 0x3e || ch == 0x3c || ch == 0x24) {
      report(st, R_CMDI_COMMAND_SUBSTITUTION, g32(c, C_POS_START), g32(c, C_CMD_END)); s32(c, C_CMD, 0);
    }
    return;
  }
  if (kind == 8 && (g32(c, C_WRAP) & 8192) != 0) { // | `npm start` |: only the table cell's " |" makes it documentation
    if (!isWord && ch == 0x20 && s == 0) { s32(c, C_CMD_STEP, 1); return; }
    if (!(!isWord && ch == 0x7c && s == 1)) report(st, R_CMDI_COMMAND_SUBSTITUTION, g32(c, C_POS_START), g32(c, C_CMD_END));
    s32(c, C_CMD, 0); return;
  }
  if (kind == 8) { // `cmd` standing apart: a space and a word after it make it a code span in prose (also after ',' '.' ':')
    // s: 0 just closed, 1 after a space, 3 after , . : ) glued to it, 6 after those and a space or after " (", 5 after " -",
    // 7 8 after " |" and a space, 9 after a '/' glued to it
    if (!isWord && ch == 0x20 && (s == 0 || s == 3 || s == 5)) { s32(c, C_CMD_STEP, s == 3 ? 6 : 1); return; }
    // (a quote glued to the closing backtick closes a quoted span, '`cat a.txt`' prints it: what follows it decides)
    if (!isWord && (ch == 0x27 || ch == 0x22) && s == 0 && adjacent && g32(c, C_PREV) == 0x60) return;
    if (!isWord && (ch == 0x2c || ch == 0x2e || ch == 0x3a || ch == 0x29) && s == 0 && adjacent) { s32(c, C_CMD_STEP, 3); return; }
    // "A `printf`-like format", "`npm`-based": the span is the first part of a hyphenated word (s 10)
    if (!isWord && ch == 0x2d && s == 0 && adjacent) { s32(c, C_CMD_STEP, 10); return; }
    if (isWord && s == 10 && adjacent) { s32(c, C_CMD, 0); return; }
    if (!isWord && ch == 0x28 && s == 1) { s32(c, C_CMD_STEP, 6); return; }             // "the list `at` (the source ...": a parenthesis in prose
    if (!isWord && ch == 0x2f && s == 0 && adjacent) { s32(c, C_CMD_STEP, 9); return; }
    if (!isWord && ch == 0x60 && s == 9 && adjacent) { s32(c, C_CMD, 0); return; }    // "`id`/`include`": alternatives, spans in prose
    // "Alias for `basename` |": the span ends a table cell's words; a command after the pipe is judged there
    if (!isWord && ch == 0x7c && s == 1 && (g32(c, C_WRAP) & 1024) == 0) { s32(c, C_CMD, 0); return; }
    if (!isWord && ch == 0x2d && s == 1) { s32(c, C_CMD_STEP, 5); return; }            // "`x` - the timeout": a dash standing alone
    if (!isWord && ((ch == 0x5d && s == 0 && adjacent) || (ch == 0x60 && s == 6))) { s32(c, C_CMD, 0); return; } // [`x`](#x) link text; "`a`, `b`" a list
    if (isWord && s == 6) { s32(c, C_CMD, 0); return; }
    if (!isWord && ch == 0x7c && s == 1 && (g32(c, C_WRAP) & 1024) != 0) { // | `date` |: a table cell
      if ((g32(c, C_WRAP) & 4096) == 0) { s32(c, C_CMD, 0); return; }
      s32(c, C_CMD_STEP, 7); return; // | `id` | then a space and a word: the next cell
    }
    if (s == 7 || s == 8) {
      if (!isWord && ch == 0x20 && s == 7) { s32(c, C_CMD_STEP, 8); return; }
      if (!isWord && ch == 0x60 && s == 8) { s32(c, C_CMD, 0); return; } // | `id` | `string` |
      if (isWord && s == 8) { s32(c, C_CMD, 0); return; }
    }
    if (!(isWord && s == 1)) report(st, R_CMDI_COMMAND_SUBSTITUTION, spanStart(c), g32(c, C_CMD_END));
    s32(c, C_CMD, 0); return;
  }
  if (kind == 7) { // ;./name  ;. /path: running or sourcing a file named by a path right after a separator
    // s: 0 after the '.', 1 after ./ or .\ (cmd.exe's), 2 after ". " (the dot builtin sources the file named next: x;. cmdfile,
    // x;. uploads/a.png), 3 after ". ." (. ./x, . ../x, . .env). C_WRAP: 1 after '&' (only ./ .\ glued: "Q&. A" is prose),
    // 2 after a newline (". " then a plain word opens a line of text there; a path after it still counts)
    // 4 after ". '" or '. "' (the shell drops the quotes: x;. 'cmd.sh' sources cmd.sh), 5 6 after a newline's ". name" and
    // its '.': a script's extension makes it a file sourced (x\n. cmd.sh), not a line of text (see scriptExt)
    if (s == 4) { if (isWord && adjacent && (g32(c, C_WRAP) & 2) == 0) report(st, g32(c, C_SUBST) != 0 ? R_CMDI_COMMAND_SUBSTITUTION : R_CMDI_CHAINED_COMMAND, g32(c, C_POS_START), end); else if (isWord && adjacent) { s32(c, C_CMD_STEP, 5); return; } s32(c, C_CMD, 0); return; }
    if (s == 5) { if (!isWord && ch == 0x2e && adjacent) s32(c, C_CMD_STEP, 6); else s32(c, C_CMD, 0); return; }
    if (s == 6) { if (isWord && adjacent && scriptExt(st + ST_LEX + LX_WORD, wlen)) report(st, g32(c, C_SUBST) != 0 ? R_CMDI_COMMAND_SUBSTITUTION : R_CMDI_CHAINED_COMMAND, g32(c, C_POS_START), end); s32(c, C_CMD, 0); return; }
    if (!isWord) {
      if ((ch == 0x2f || ch == 0x5c) && (s == 0 ? adjacent : s == 2 || (s == 3 && adjacent))) s32(c, C_CMD_STEP, 1);
      else if (ch == 0x20 && s == 0 && (g32(c, C_WRAP) & 1) == 0) s32(c, C_CMD_STEP, 2);
      else if (ch == 0x2e && (s == 2 || (s == 3 && adjacent))) s32(c, C_CMD_STEP, 3);
      else if (s == 2 && (ch == 0x27 || ch == 0x22)) s32(c, C_CMD_STEP, 4);
      else if (s == 2 && (ch == 0x7e || ch == 0x24)) { report(st, g32(c, C_SUBST) != 0 ? R_CMDI_COMMAND_SUBSTITUTION : R_CMDI_CHAINED_COMMAND, g32(c, C_POS_START), end); s32(c, C_CMD, 0); }
      else s32(c, C_CMD, 0);
      return;
    }
    // (a command's name there is judged as a command word, as before: x\n. id)
    if (s == 2 && (g32(c, C_WRAP) & 2) != 0 && (flags & K_C_STRONG) == 0) { s32(c, C_CMD_STEP, 5); return; }
    if (((s == 1 || s == 3) && adjacent) || (s == 2 && (g32(c, C_WRAP) & 2) == 0)) report(st, g32(c, C_SUBST) != 0 ? R_CMDI_COMMAND_SUBSTITUTION : R_CMDI_CHAINED_COMMAND, g32(c, C_POS_START), end);
    s32(c, C_CMD, 0); return;
  }
  if (kind == 5) { // alias name=value, trap 'cmds' SIG
    if (s == 0) { if (ch == 0x20) s32(c, C_CMD_STEP, 1); else s32(c, C_CMD, 0); return; }
    // trap id EXIT, trap id 0: trap's first operand is the command line it runs at the signals named after it, quoted or
    // not (s 61 after a command word, 62 after its space: above the steps step reads before a kind's); a word that names no
    // signal after it is prose ("trap id cards")
    // (trap -- id EXIT: the "--" that ends trap's options leaves the operands as they are; s 63 64 after its dashes)
    if ((g32(c, C_WRAP) & 1) != 0 && !isWord && ((s == 1 && ch == 0x2d) || (s == 63 && ch == 0x2d && adjacent))) { s32(c, C_CMD_STEP, s == 1 ? 63 : 64); return; }
    if (s == 63 || s == 64) { if (s == 64 && !isWord && ch == 0x20) s32(c, C_CMD_STEP, 1); else s32(c, C_CMD, 0); return; }
    if (s == 1 && isWord && (g32(c, C_WRAP) & 1) != 0 && (flags & (K_C_STRONG | K_C_WEAK)) != 0) { s32(c, C_CMD_STEP, 61); return; }
    if (s == 61) { if (!isWord && ch == 0x20) s32(c, C_CMD_STEP, 62); else s32(c, C_CMD, 0); return; }
    if (s == 62) { if (isWord && signalSpec(st + ST_LEX + LX_WORD, wlen)) report(st, R_CMDI_ALIAS_TRAP, g32(c, C_CMD_START), end); s32(c, C_CMD, 0); return; }
    if (ch == 0x3d || (s == 1 && (ch == 0x27 || ch == 0x22))) { report(st, R_CMDI_ALIAS_TRAP, g32(c, C_CMD_START), end); s32(c, C_CMD, 0); return; }
    if (s >= 6 || ch == 0x3b || ch == 0x7c || ch == 0x26 || ch == 0x0a) { s32(c, C_CMD, 0); return; }
    s32(c, C_CMD_STEP, s + 1); return;
  }
  if (s == 4) { // name-: a hyphenated command name continues (ssh-keygen)
    if (isWord && adjacent) { s32(c, C_CMD_STEP, 0); s32(c, C_WRAP, g32(c, C_WRAP) | 2); } else s32(c, C_CMD, 0);
    return;
  }
  if (s == 5) { // a drive letter or URL scheme argument: dir c:  curl http://
    if (!isWord && ch == 0x3a && adjacent) {
      // (ps takes no drive: "PS C:\Users\ana> Get-ChildItem" is PowerShell's prompt pasted with the command after it)
      if ((g32(c, C_WRAP) & 4) != 0) { if ((g32(c, C_WRAP) & 131072) != 0) s32(c, C_CMD, 0); else fire(st, c, end, false); } else s32(c, C_CMD_STEP, 7);
    } else if (!isWord && ch == 0x2e && adjacent && kind == 2 && pos == 2) s32(c, C_CMD_STEP, 14); // ;host x.example.test
    else if (!isWord && ch == 0x40 && adjacent && (g32(c, C_WRAP) & 1048576) != 0) fire(st, c, end, false); // | mail a@b (see mailer)
    else if (!isWord && ch == 0x2e && adjacent && (g32(c, C_WRAP) & 16384) != 0) s32(c, C_CMD_STEP, 18); // sh x.sh
    else s32(c, C_CMD, 0);
    return;
  }
  if (s == 18) { // a shell or runtime given a shell script by name (sh shell.sh, powershell x.ps1; not node app.js)
    if (isWord && adjacent && scriptExt(st + ST_LEX + LX_WORD, wlen)) fire(st, c, end, false); else s32(c, C_CMD, 0);
    return;
  }
  if (s >= 10 && s <= 12) { // cmd</dir/file: input redirected from a path (not </tag>)
    if (s == 11 ? isWord && adjacent : !isWord && ch == 0x2f && adjacent) { if (s == 12) fire(st, c, end, false); else s32(c, C_CMD_STEP, s + 1); }
    else s32(c, C_CMD, 0);
    return;
  }
  if (s == 16) { // cmd < then a name, a path or an expansion (cat < x.txt, sh < /dev/tcp/..); a space waits once
    if (isWord || ch == 0x2f || ch == 0x7e || ch == 0x24) fire(st, c, end, false);
    else if (ch == 0x20 && g32(c, C_LAST_END) == start) s32(c, C_CMD_STEP, 17);
    else s32(c, C_CMD, 0);
    return;
  }
  if (s == 17) { if (isWord || ch == 0x2f || ch == 0x7e || ch == 0x24) fire(st, c, end, false); else s32(c, C_CMD, 0); return; }
  if (s == 13 || s == 14) { // after a separator, a weak command whose argument is a dotted name: a host or a file (not "; host a party")
    if (s == 13 && !isWord && ch == 0x2e && adjacent) s32(c, C_CMD_STEP, 14);
    else if (s == 14 && isWord && adjacent && wlen >= 2 && first - 0x61 < 26) fire(st, c, end, false);
    else s32(c, C_CMD, 0);
    return;
  }
  if (s == 15) { // short name, number: a '.' right after the number makes an address (nc 10.0.0.1)
    // (a second number and '.' (steps 50, 51): "gcc 12.2", "ver 2.1; build 33" name a release, an address has two dots)
    if (!isWord && ch == 0x2e && adjacent) s32(c, C_CMD_STEP, 50); else s32(c, C_CMD, 0);
    return;
  }
  if (s == 52 || s == 53) { // ;ip addr then: the end, a separator or a redirection runs it (;ip addr, ;ip a|nc x); after a space
    // (53) an option, a number, one of ip's verbs (;ip addr show, ;ip r get 1.1.1.1) or the same; another word is prose
    // ("Hosts; IP a lot"). A '.' makes the object a dotted name (step 14: ;ip a.example.test), other punctuation glued
    // to it a word (; IP a-b)
    const run = ch == 0x3b || ch == 0x7c || ch == 0x26 || ch == 0x0a || ch == 0x09 || ch == 0x60 || ch == 0x3e || ch == 0x3c || ch == 0x29;
    if (isWord) { if (s == 53 && (first - 0x30 < 10 || ipVerb(st + ST_LEX + LX_WORD, wlen))) fire(st, c, end, false); else s32(c, C_CMD, 0); }
    else if (ch == 0x20) s32(c, C_CMD_STEP, 53);
    else if (s == 52 && adjacent && ch == 0x2e) s32(c, C_CMD_STEP, 14);
    else if (run || (s == 53 && (ch == 0x2d || ch == 0x24))) fire(st, c, s == 53 ? end : g32(c, C_CMD_END), false);
    else s32(c, C_CMD, 0);
    return;
  }
  if (s == 50) { if (isWord && adjacent && first - 0x30 < 10) s32(c, C_CMD_STEP, 51); else s32(c, C_CMD, 0); return; }
  if (s == 51) { // gcc 12.2 then: a '.' makes an address (nc 10.0.0.1), a redirection runs it (nc 127.1>x), a space waits (54)
    if (!isWord && (ch == 0x3e || ch == 0x3c || (ch == 0x2e && adjacent))) fire(st, c, end, false);
    else if (!isWord && ch == 0x20) s32(c, C_CMD_STEP, 54); else s32(c, C_CMD, 0);
    return;
  }
  // gcc 12.2 then a space: N.N is an address too (inet_aton: 10.1 = 10.0.0.1), so what follows decides. A number, a
  // command word, a path, a home, a glob, a variable or a redirection runs the line (nc 10.1 4444, ssh 10.1 id, rm 1.1 *,
  // cat 1.1 /etc/passwd); an option (56: rm 1.1 -rf, not "Vim 9.1 - news") or name=value (55: dd 1.1 of=/dev/sda) too.
  // Another word ("gcc 12.2 released", "npm 9.6 and node"), other punctuation or the end is a release.
  if (s == 54) {
    if (isWord) {
      if (first - 0x30 < 10 || (flags & (K_C_STRONG | K_C_WEAK)) != 0) fire(st, c, end, false); else s32(c, C_CMD_STEP, 55);
    } else if (ch == 0x2d) s32(c, C_CMD_STEP, 56);
    else if (ch == 0x2f || ch == 0x7e || ch == 0x2a || ch == 0x24 || ch == 0x3e || ch == 0x3c || ch == 0x60) fire(st, c, end, false);
    else if (ch != 0x20) s32(c, C_CMD, 0);
    return;
  }
  if (s == 55) { if (!isWord && ch == 0x3d && adjacent) fire(st, c, end, false); else s32(c, C_CMD, 0); return; }
  if (s == 56) { if (adjacent && (isWord || ch == 0x2d)) { if (isWord) fire(st, c, end, false); } else s32(c, C_CMD, 0); return; }
  if (s == 57) { // python~ then: digits glued make the 8.3 short name (PYTHON~1, PYTHON~1.EXE): still the command word
    // (1 to 6 digits: the N of NAME~N)
    if (isWord && adjacent && wlen - 1 < 6 && digitsOnly(st + ST_LEX + LX_WORD, wlen)) s32(c, C_CMD_STEP, 0); else s32(c, C_CMD, 0);
    return;
  }
  if (s == 7 || s == 8) { // scheme ':' then '//'
    if (!isWord && ch == 0x2f && adjacent) { if (s == 8) fire(st, c, end, false); else s32(c, C_CMD_STEP, 8); }
    else s32(c, C_CMD, 0);
    return;
  }
  if (isWord) {
    if (s == 0) { s32(c, C_CMD, 0); return; }               // glued word: not our command
    if (s == 3) {                                             // name.ext
      if (adjacent && exeExt(st + ST_LEX + LX_WORD, wlen)) { s32(c, C_CMD_STEP, 0); s32(c, C_WRAP, g32(c, C_WRAP) | 32768); return; } // ping.exe (a program file, never a language's name)
      if (adjacent && (g32(c, C_WRAP) & DOT_NL) != 0 && scriptExt(st + ST_LEX + LX_WORD, wlen)) { fire(st, c, end, false); return; } // x\n. cmd.sh
      if (adjacent && first - 0x30 < 10) { s32(c, C_CMD_STEP, 0); return; } // python3.10 (not node.js)
      s32(c, C_CMD, 0); return;
    }
    // python -c, node -e in a code span: the runtime runs what follows, so the span is no longer documentation; another
    // first option hands over to kind 10, which reads the runtime's later options (ruby -rsocket -e, perl -MIO -e)
    if (s == 2 && adjacent && (g32(c, C_WRAP) & 384) == 384 && g32(c, C_PREV) == 0x2d) {
      const n = wlen;
      if (codeOption(st + ST_LEX + LX_WORD, n, (g32(c, C_WRAP) & 512) != 0)) s32(c, C_WRAP, g32(c, C_WRAP) & ~128);
      else if (n == 1 && first == 0x6d) { s32(c, C_CMD, 0); return; } // -m module: the rest is the module's
      else {
        s32(c, C_CMD, 10); s32(c, C_CMD_STEP, 0);
        s32(c, C_CMD_END, n == 1 && (first == 0x77 || first == 0x78 || first == 0x72 || first == 0x69) ? 1 : 0); return;
      }
    }
    // (ps takes options and process ids, no path: "PS /home/ana> ls" is PowerShell's prompt on Linux)
    if (s == 2 && adjacent && (g32(c, C_WRAP) & 131072) != 0 && g32(c, C_PREV) != 0x2d) { s32(c, C_CMD, 0); return; }
    // "kill -bill", "top -rated", "sort -price": a dash glued to an English word after an English command opening the
    // value (see proseDash); "make -20%", "cut -10%": a dash glued to a percentage (step 71 waits for its '%')
    if (s == 2 && adjacent && (g32(c, C_WRAP) & PROSE_CMD) != 0 && g32(c, C_LBRACE) == ((start + 1) | 0x80000000) && end - start == wlen) {
      const w = st + ST_LEX + LX_WORD;
      if (proseDash(st, w, wlen, start) && proseCluster(c, w, wlen)) { s32(c, C_CMD_STEP, 72); s32(c, C_CMD_END, end); return; }
      if (wlen <= 3 && digitsOnly(w, wlen)) { s32(c, C_CMD_STEP, 71); s32(c, C_CMD_END, end); return; }
    }
    if (s == 2 && adjacent) { fire(st, c, end, false); return; } // -la, /etc
    if (s == 1) {
      if (first - 0x30 < 10 && (kind == 1 || pos == 2)) {
        // a short name opening the value before a bare number is an abbreviation ("net 30", "PS 4", "rm 101"):
        // it needs a dotted number (nc 10.0.0.1); ping 5, ;id 1 fire at once
        // (a runtime or a hyphenated name opening the value before a number: a version or a measure, "Node 8 and
        // above", "PHP 8.2", "nano-equal 0.417ms")
        if (pos != 2 && (g32(c, C_WRAP) & (16384 | 2)) != 0) { s32(c, C_CMD, 0); return; }
        if (pos != 2 && g32(c, C_CMD_END) - g32(c, C_CMD_START) <= 3) { s32(c, C_CMD_STEP, 15); return; }
        fire(st, c, end, false); return; // sleep 5, ping 10.0.0.1
      }
      // at(1) takes a time: a number, an option or one of its time words; "\n\tat Foo.bar(Foo.java:5)" is a stack
      // frame, "| At least one" a sentence
      if (kind == 1 && (g32(c, C_WRAP) & 65536) != 0 && !atTime(st + ST_LEX + LX_WORD, wlen)) { s32(c, C_CMD, 0); return; }
      if (kind == 1 && pos == 2 && (g32(c, C_WRAP) & 262144) != 0 && (flags & (K_C_STRONG | K_C_WEAK)) == 0 && first - 0x61 < 26) {
        s32(c, C_CMD_STEP, 24); s32(c, C_CMD_END, end); return; // ; su name: see step 24
      }
      if (kind == 1 && pos == 2) { fire(st, c, end, false); return; }
      if ((g32(c, C_WRAP) & PS_LINE) != 0) { // powershell x: PowerShell runs the rest of its command line as a command
        // the command it was handed (see below) given an argument: powershell iex x, powershell whoami /all
        if ((g32(c, C_WRAP) & 8) != 0) { fire(st, c, end, false); return; }
        // a cmdlet (powershell Get-Process x): judged as after '&', given an argument or ending the value (see step 36)
        if ((flags & (K_C_STRONG | K_C_WEAK)) == 0 && psVerb(st + ST_LEX + LX_WORD, wlen)) {
          s32(c, C_CMD, 6); s32(c, C_CMD_STEP, 0); s32(c, C_WRAP, 128 | 256); s32(c, C_CMD_END, end); return;
        }
        if ((flags & K_C_STRONG) != 0) { s32(c, C_CMD, 1); s32(c, C_CMD_STEP, 0); s32(c, C_CMD_END, end); s32(c, C_WRAP, 8 | PS_LINE); return; }
      }
      if ((flags & K_C_STRONG) != 0) {
        // find cat food, Type make and ...: a plain weak word opening the value hands over to the
        // command after it, judged like one at the start (options, paths, end of value)
        if ((kind == 2 || kind == 1) && pos != 2 && (g32(c, C_WRAP) & 1) == 0) {
          s32(c, C_CMD, 1); s32(c, C_CMD_STEP, 0); s32(c, C_CMD_END, end); s32(c, C_WRAP, 8); return;
        }
        fire(st, c, end, false); return; // time ifconfig, nohup whoami
      }
      if ((g32(c, C_WRAP) & 1) != 0 && (flags & K_C_WEAK) != 0) {
        if (kind == 1) { fire(st, c, end, false); return; } // strace who
        // time who: a weak wrapper hands over to the weak command, judged like one at the start
        // (options, paths, end of value), so "time who knows" stays prose
        s32(c, C_CMD_STEP, 0); s32(c, C_CMD_END, end); s32(c, C_WRAP, 8 | ((flags & K_C_WRAPPER) != 0 ? 1 : 0)); return;
      }
      // ;ip addr, 1||ip a, %0aip route: ip given one of its objects (see ipObject) waits for the next byte (step 52)
      if (kind == 2 && pos == 2 && (g32(c, C_WRAP) & IP_CMD) != 0 && ipObject(st + ST_LEX + LX_WORD, wlen)) {
        s32(c, C_CMD_STEP, 52); s32(c, C_CMD_END, end); return;
      }
      if ((kind == 1 || (pos == 2 && wlen == 1)) && first - 0x61 < 26) { // dir c:  curl http://  ;type c:
        s32(c, C_CMD_STEP, 5); s32(c, C_WRAP, wlen == 1 ? g32(c, C_WRAP) | 4 : g32(c, C_WRAP) & ~4); return;
      }
      if (kind == 2 && pos == 2 && first - 0x61 < 26) { s32(c, C_CMD_STEP, 13); return; } // ;host name.domain  & start calc.exe
      s32(c, C_CMD, 0); return;
    }
    s32(c, C_CMD, 0); return;
  }
  if (ch == 0x20) { if (s == 0 || s == 2) s32(c, C_CMD_STEP, 1); return; }
  if (s == 0 && ch != 0x2d && (g32(c, C_WRAP) & 2) != 0) { s32(c, C_CMD, 0); return; } // a hyphenated name: only a space goes on
  // (an apostrophe waits for what follows it, see step 21: "; who's driving?" is English)
  if (s == 0 && pos == 2 && ch == 0x27 && g32(c, C_CMD_END) == start) { s32(c, C_CMD_STEP, 21); return; }
  if (s == 0 && pos == 2 && (ch == 0x27 || ch == 0x22)) { fire(st, c, start, false); return; } // ";ps"
  // ;echo 'x', and any command word given a quoted argument inside $( ): $(tr 'a-z' 'n-za-m' <<< x)
  if (s == 1 && pos == 2 && (kind == 1 || g32(c, C_SUBST) == 2) && (ch == 0x27 || ch == 0x22)) { fire(st, c, start, false); return; }
  // the command powershell was handed given a quote or a '(' (glued or not): powershell iex (x), powershell iex(x), powershell
  // whoami "x"; powershell itself given a quote or '(' waits for a command in it (step 38: "PowerShell (Windows) guide" stays)
  if ((g32(c, C_WRAP) & PS_LINE) != 0 && kind == 1) {
    if ((g32(c, C_WRAP) & 8) != 0 && ((s == 1 && (ch == 0x27 || ch == 0x22 || ch == 0x28)) || (s == 0 && ch == 0x28 && g32(c, C_CMD_END) == start))) {
      fire(st, c, end, false); return;
    }
    if ((g32(c, C_WRAP) & 8) == 0 && ((s == 1 && (ch == 0x27 || ch == 0x22 || ch == 0x28)) || (s == 0 && ch == 0x28 && g32(c, C_CMD_END) == start))) {
      s32(c, C_CMD_STEP, 38); return; // (IEX(New-Object ...: Elixir's prompt iex(1)> has a number there)
    }
  }
  if (s == 0 && pos == 2 && kind == 1 && ch == 0x28 && sepBefore(c) && g32(c, C_PREV) != 0x60) { fire(st, c, start, false); return; } // ;iex(..) (not `id(x)`: code in prose)
  // &dir,c:\ |net,user: a comma glued to a command word after cmd.exe's separators (& | newline) waits (step 30)
  if (s == 0 && ch == 0x2c && pos == 2 && (kind == 1 || kind == 2) && g32(c, C_CMD_END) == start && g32(c, C_SUBST) == 0 &&
      (g32(c, C_PREV) == 0x26 || g32(c, C_PREV) == 0x7c || g32(c, C_PREV) == 0x0a)) { s32(c, C_CMD_STEP, 30); return; }
  if (ch == 0x3d || ch == 0x28 || ch == 0x3a || ch == 0x40 || ch == 0x27 || ch == 0x22 || ch == 0x2c) {
    if (s == 0) { s32(c, C_CMD, 0); return; }                   // name= name( name: name@ name' — not a command line
  }
  if (s == 0 && ch == 0x2e) { s32(c, C_CMD_STEP, 3); return; }
  // &whoami/all, |cmd/c x, &dir/s/b: after cmd.exe's separators (& | newline) a '/' ends the command name and opens a
  // switch glued to it; a switch is a word of letters ending at a space, another '/', a quote or the value's end (steps
  // 58-60: a short one, up to 3 letters, decides; a longer one, /urlcache, waits for the next). A path goes on: x&bin/x.sh
  if (s == 0 && ch == 0x2f && adjacent && pos == 2 && kind == 1 && g32(c, C_CMD_END) == start &&
      (g32(c, C_PREV) == 0x26 || g32(c, C_PREV) == 0x7c || g32(c, C_PREV) == 0x0a)) { s32(c, C_CMD_STEP, 58); return; }
  if (s == 0 && ch == 0x2f) { s32(c, C_CMD, 0); return; }      // bin/... is a path segment
  // z~QQ, id~: a '~' glued to the word continues it (sh expands '~' only at a word's start; cmd.exe and PowerShell split
  // no word at it): the word names no command
  // (but digits glued after the '~' make it Windows' 8.3 short name of the command: python~1, step 57)
  if (s == 0 && ch == 0x7e && adjacent) { s32(c, C_CMD_STEP, 57); return; }
  if (s == 0 && ch == 0x5c && (g32(c, C_WRAP) & LIT_WEAK) != 0) { s32(c, C_CMD, 0); return; } // Name\nDate\nTime: a list's line
  if ((s == 1 || s == 0) && (ch == 0x2d || ch == 0x2f || ch == 0x5c || ch == 0x7e)) {
    if (ch == 0x2d && s == 0) {
      if (kind == 1) s32(c, C_CMD_STEP, 4);                                  // ssh-keygen
      else if (pos == 2 && sepBefore(c) && g32(c, C_PREV) != 0x60) { // ;chef-client -x: judged like any name
        const lw = load<u32>(st + ST_CMD2 + J_LW) & 0xff;
        s32(c, C_CMD, 6); s32(c, C_CMD_STEP, 1);
        const glued = g32(c, C_CMD_START) == g32(c, C_POS_START) + 1;
        // not after '| ': "Home | Get-Started"; glued to '|' it is PowerShell's pipeline (x|Get-Content), see step kind 6
        const verb = psVerb(st + ST_LEX + LX_WORD, lw);
        // (after '| ' the cmdlet waits for an argument unless the value opened with a command line: see K_LINE)
        s32(c, C_WRAP, ((g32(c, C_PREV) != 0x7c || glued) && verb ? 16 : 0) | (glued ? 32 : 0) | (g32(c, C_PREV) == 0x7c ? 8 : 0) |
          (g32(c, C_PREV) == 0x7c && !glued && verb ? ((g32(st + ST_CMD3, K_ANGLE) & K_LINE) == 0 ? 128 : psReadVerb(st + ST_LEX + LX_WORD, lw) ? PS_READ : 0) : 0));
      }
      else if (pos == 2 && g32(c, C_PREV) == 0x26 && psVerb(st + ST_LEX + LX_WORD, load<u32>(st + ST_CMD2 + J_LW) & 0xff)) {
        s32(c, C_CMD, 6); s32(c, C_CMD_STEP, 1); s32(c, C_WRAP, 128 | 256); // & Set-Content x: see step kind 6 (steps 36, 37)
      }
      else s32(c, C_CMD, 0);                                                  // foo-bar
      return;
    }
    s32(c, C_CMD_STEP, 2); return;
  }
  if (s == 2 && ch == 0x2d) return; // --flag
  if (ch == 0x3b || ch == 0x7c || ch == 0x26 || ch == 0x0a || ch == 0x60 || ch == 0x3e || ch == 0x3c || ch == 0x24 || ch == 0x29 ||
      (s == 0 && g32(c, C_SUBST) == 2 && closesQuote(g32(c, C_PREV), ch))) { // (the bracket closing qx{ %x[ %x< right after the word)
    // "Tee; Shirts; Hats": a strong word in Title-case (see titleCase) opening the value with nothing after it before ';'
    // runs, if at all, only where the whole value is run as a command, as "Whoami" alone would (the bare-command policy);
    // cmd.exe splits no command at ';'. A weak word after a separator is not excused by its case: cmd.exe and PowerShell
    // fold case and run x|Set, x;Calc, x|Shutdown alone (rtd24 repro 10).
    if ((g32(c, C_WRAP) & TITLE) != 0 && s <= 1 && ch == 0x3b && kind == 1 && pos != 2) { s32(c, C_CMD, 0); return; }
    // $(CC) -o app main.c $(CFLAGS): a Makefile variable named like a tool that alone does nothing (see makeVar)
    if (ch == 0x29 && s == 0 && g32(c, C_SUBST) == 2 && g32(c, C_PREV) == 0x28 && g32(c, C_CMD_START) == g32(c, C_POS_START) + 2 &&
        g32(c, C_LAST_END) == start && <u32>(load<u64>(st + ST_CMD2 + J_LW) >> 32) == start &&
        makeVar(st + ST_LEX + LX_WORD, g32(c, C_CMD_END) - g32(c, C_CMD_START))) { s32(c, C_CMD, 0); return; }
    // "Name;Date;Time", "Anna;yes;42": a weak word with no argument glued between list semicolons waits for the next
    // field (step 32); ";date;" "a);date;x" (no word before the ';') still run it
    if (ch == 0x3b && s == 0 && kind == 2 && pos == 2 && g32(c, C_CMD_END) == start && listField(st, c, 1)) { s32(c, C_CMD_STEP, 32); return; }
    // "id;name;date": a strong word opening the value glued to ';' waits for a CSV line's next fields (step 34)
    if (ch == 0x3b && s == 0 && kind == 1 && pos == 1 && g32(c, C_CMD_END) == start && g32(c, C_CMD_START) == g32(c, C_POS_START) &&
        g32(c, C_SUBST) == 0 && (g32(c, C_WRAP) & (1 | 64 | 524288 | 2097152)) == 0) { s32(c, C_CMD_STEP, 34); return; }
    // <p class="date">, <input type=date>, <img alt="cat">: a '>' closing a '<' opened since the last separator ends a markup
    // tag, not a redirection; and the shell reads name="word" before any command as an assignment (no command runs). For a
    // weak word, or echo/cat (alone they print nothing or pass input through); an XML attribute holding a probe,
    // <a probe="id">, may be handed to a shell by the application that parses it: strong words still count
    if (ch == 0x3e && pos == 1 && s <= 1 && (g32(st + ST_CMD3, K_ANGLE) & 0xff) != 0 &&
        (kind == 2 || quietAlone(st + ST_LEX + LX_WORD, load<u32>(st + ST_CMD2 + J_LW) & 0xff))) { s32(c, C_CMD, 0); return; }
    // A command word at the start, a space, then '&': "Find & Replace", "Make & Model", "Touch & Go" are titles
    // (a command after the '&' is still a chained command).
    if (ch == 0x26 && (kind == 1 || kind == 2) && pos != 2 && s == 1) { s32(c, C_CMD, 0); return; }
    // ```bash, ```powershell: a command word alone after a code fence at the end of its line names the fence's language
    // (the word right after the fence: no punctuation between them, so "```\nid" is still a command after a newline)
    if (ch == 0x0a && s == 0 && g32(c, C_SUBST) == 10 && g32(c, C_PREV) == 0x60) { s32(c, C_CMD, 0); return; }
    // "Java; Python | Ruby": a shell or interpreter name with nothing to run (no argument, not fed by a pipe)
    if (bareInterpreter(c, s) && (ch == 0x3b || ch == 0x7c || ch == 0x26 || ch == 0x0a)) { s32(c, C_CMD, 0); return; }
    // `type` `date` `id`: a command word alone between backticks standing apart is a markdown code span (opening the
    // value, only a weak word other than the no-ops `true` `false`)
    const sb = g32(c, C_SUBST);
    if (ch == 0x60 && (g32(c, C_WRAP) & 128) != 0) { s32(c, C_CMD, 0); return; } // `npm`, `make`: a developer tool named in prose
    if (ch == 0x60 && s == 0 && (kind == 2 && (sb == 1 || sb == 6 || ((sb == 5 || sb == 8) && !noOp(st + ST_LEX + LX_WORD, load<u32>(st + ST_CMD2 + J_LW) & 0xff))))) { s32(c, C_CMD, 0); return; }
    // a strong one is a code span only when prose goes on after it (the `id` field); at the end or before other
    // input (127.0.0.1 `id`) it substitutes
    // (and so is a no-op opening the value: "`true` once the plugin loaded" documents a value, "`true`" alone probes)
    const recon = kind == 1 && ch == 0x60 && s == 0 && reconOnly(st + ST_LEX + LX_WORD, load<u32>(st + ST_CMD2 + J_LW) & 0xff);
    // (a strong one after punctuation standing apart too, "(`cmd.exe` or": a call's argument, print(`id`), is 3)
    if (ch == 0x60 && s == 0 && ((kind == 1 && (sb == 1 || sb == 6) && !recon) || (kind == 2 && (sb == 5 || sb == 8)))) { s32(c, C_CMD, 8); s32(c, C_CMD_STEP, 0); s32(c, C_CMD_END, end); s32(c, C_WRAP, g32(c, C_WRAP) & 2048); return; }
    // a strong one alone in a span after '| ' is a table cell only when the row goes on with another cell
    // ("| `id` | string | the user id |"; 1024 | 4096, see kind 8); "| `id` |" alone still substitutes
    if (ch == 0x60 && s == 0 && kind == 1 && sb == 9 && !recon) { s32(c, C_CMD, 8); s32(c, C_CMD_STEP, 0); s32(c, C_CMD_END, end); s32(c, C_CMD_START, g32(c, C_POS_START)); s32(c, C_WRAP, 1024 | 4096); return; }
    // a weak word alone in a span after a separator and a space ("; `false` otherwise", "| `date` |"): judged like a
    // strong one standing apart, and a cell of a Markdown table when " |" follows (1024); at the end it still substitutes
    if (ch == 0x60 && s == 0 && kind == 2 && (sb == 7 || sb == 9)) { s32(c, C_CMD, 8); s32(c, C_CMD_STEP, 0); s32(c, C_CMD_END, end); s32(c, C_WRAP, sb == 9 ? 1024 : 0); return; }
    // A weak word opening the value before ; | & or a newline ("yes|no", "Sort | Filter"): the separator
    // opens a command position, and the word after it is judged there.
    if (kind == 2 && pos != 2 && (ch == 0x3b || ch == 0x7c || ch == 0x26 || ch == 0x0a || (ch == 0x60 && s == 1))) { s32(c, C_CMD, 0); return; } // Open `url` with ...
    if (ch == 0x3b && pos != 2 && s <= 1 && (g32(c, C_WRAP) & (524288 | 32768)) == 524288) { s32(c, C_CMD, 0); return; } // Echo; Delta (see quietAlone)
    // A strong word opening the value, a space, then a backtick: the span is judged by itself ("Invoke `listener` on",
    // "at `require(x)`)": echo `id` still substitutes); then '<': input from what follows (cat < x), not "at <...omitted..>"
    if (kind == 1 && pos != 2 && s == 1 && ch == 0x60) { s32(c, C_CMD, 0); return; }
    if (kind == 1 && pos != 2 && s == 1 && ch == 0x3c) { s32(c, C_CMD_STEP, 16); return; }
    // "| Type |", "| Date |": a weak word alone between pipes standing apart is a Markdown table cell, and so is
    // the name of a shell or language ("| bash | shj-lang-bash |", "| node | polyfills"), which alone runs nothing
    // (and a weak word after '& ': "Set time & date | Language | Region", a title in a menu or a table row)
    if (ch == 0x7c && (kind == 2 || (g32(c, C_WRAP) & 64) != 0) && s == 1 && (g32(c, C_PREV) == 0x7c || (kind == 2 && g32(c, C_PREV) == 0x26)) &&
        g32(c, C_CMD_START) > g32(c, C_POS_START) + 1) { s32(c, C_CMD, 0); return; }
    // "Name | ID | Email": a strong word standing alone between pipes is a table cell when a plain word follows (step 20);
    // piped into a word that is no command, its output goes nowhere (the report, if any, then spans the command word)
    if (ch == 0x7c && kind == 1 && pos == 2 && s == 1 && g32(c, C_PREV) == 0x7c && g32(c, C_SUBST) == 0 && (g32(c, C_WRAP) & 1) == 0 &&
        g32(c, C_CMD_START) > g32(c, C_POS_START) + 1) { s32(c, C_CMD_STEP, 20); return; }
    // "id|name|email", "ID | Name | Created": the same for a strong word opening the value (a CSV or table header)
    if (ch == 0x7c && kind == 1 && pos != 2 && s <= 1 && g32(c, C_SUBST) == 0 && (g32(c, C_WRAP) & (1 | 64)) == 0) { s32(c, C_CMD_STEP, 20); return; }
    if (pos == 2 || s == 1 || ch == 0x7c || ch == 0x3e || (kind == 1 && ch == 0x3b)) {
      // (a file tool in a span waits for the span's end only when the end is this backtick: `ls `; a separator,
      // redirection or expansion right after it runs it)
      if (ch != 0x60) s32(c, C_WRAP, g32(c, C_WRAP) & ~2048);
      fire(st, c, start, false);
      if (g32(c, C_CMD) == 9) { s32(c, C_CMD, 8); s32(c, C_CMD_STEP, 0); }
      return;
    }
  }
  // cmd # comment; a command opening the value waits for what follows the '#' (step 19), after a separator it fires
  if (s == 1 && ch == 0x23 && kind == 1 && pos != 2) { s32(c, C_CMD_STEP, 19); s32(c, C_CMD_END, start); return; }
  if (s == 1 && ch == 0x23 && (kind == 1 || pos == 2)) { fire(st, c, start, false); return; }
  if (s == 1 && ch == 0x28 && pos == 2) { fire(st, c, start, false); return; }                   // ;cmd (subshell arg
  if (s == 1 && (ch == 0x2e || ch == 0x2a || ch == 0x24 || ch == 0x25) && (kind == 1 || pos == 2)) { // cmd ./x, *, $V, %V%
    if (ch == 0x24 || ch == 0x25) s32(c, C_WRAP, g32(c, C_WRAP) & ~2048); // (an expansion is never documentation: cat $HOME/.ssh/x)
    if (ch == 0x25) { s32(c, C_CMD_STEP, 23); s32(c, C_CMD_END, end); return; } // (what follows the '%' decides: step 23)
    fire(st, c, end, false); return;
  }
  if (s == 0 && ch == 0x3c && kind == 1) { s32(c, C_CMD_STEP, 10); return; } // cat</etc/x
  // ;cat ~/flag: a home path given to the command after a separator (like ./x above; opening the value, "Open ~/Downloads",
  // it is a doc line or prose)
  if (s == 2 && ch == 0x2f && pos == 2 && g32(c, C_PREV) == 0x7e) { fire(st, c, end, false); return; }
  s32(c, C_CMD, 0);
}

/**
 * No tracker is mid-way: a non-keyword word or a space only moves the last end. The thirteen trackers that must be at
 * rest and C_FRESH (0 once anything was seen) are the first 56 bytes of the region (see the layout above), so this is
 * three vector loads and one 64-bit load instead of fourteen loads. C_EXEC needs no reset: its steps check adjacency.
 */
// @ts-ignore: decorator
@inline function idle(c: usize): bool {
  return !v128.any_true(v128.or(v128.or(v128.load(c), v128.load(c, 16)), v128.load(c, 32))) && load<u64>(c, 48) == 0;
}

/** idle, and the joiner's first 16 bytes at `j` (J_ACT G_ON J_BRACEX J_BRCMD) zero: no shell word, glob or brace under way. */
// @ts-ignore: decorator
@inline function quiet(c: usize, j: usize): bool {
  return !v128.any_true(v128.or(v128.or(v128.load(c), v128.load(c, 16)), v128.or(v128.load(c, 32), v128.load(j)))) && load<u64>(c, 48) == 0;
}

/** quiet, but for C_POS (the first four bytes): a position open and nothing else under way. */
// @ts-ignore: decorator
@inline function quietButPos(c: usize, j: usize): bool {
  return !v128.any_true(v128.or(v128.or(v128.and(v128.load(c), i32x4(0, -1, -1, -1)), v128.load(c, 16)), v128.or(v128.load(c, 32), v128.load(j)))) &&
    load<u64>(c, 48) == 0;
}

// @ts-ignore: decorator
@inline function isGlue(ch: u32): bool { // ' " \ ` $ [ ] ^ (^: cmd.exe escape)
  return (<u32>load<u8>(CMD_CLASS + <usize>ch) & CB_GLUE) != 0;
}

// Punctuation classes, one load per byte (cmdPunct's bytes are 0-255), so each section of cmdPunctFull tests its bytes
// with one AND, and a byte that none of a group of sections reacts to skips the group:
const CB_GLUE: u32 = 1;      // ' " \ ` $ [ ] ^: glue inside a shell word (isGlue)
const CB_JOIN: u32 = 2;      // the glue, { and /: the joiner, glob and brace sections act on these even with their region at rest
const CB_NEUTRAL: u32 = 4;   // , : [ ] } ? * + ^ ~ " ': no tracker reacts to them while idle (neutral)
const CB_TRACKED: u32 = 8;   // > < / % - newline space \ {: the multi-step trackers take these up even at rest
const CB_SEP: u32 = 16;      // ; | & newline: command separators
const CB_PEXP: u32 = 32;     // ' ( ): the parameter-expansion, $' and $(( sections act on these with C_PEXP and C_BRACE at rest
const CB_POS: u32 = 64;      // ; | & newline ` ( { [ < ' " / \ . , = @: the command-position chain does more than clear C_POS
const CB_EARLY: u32 = 128;   // . ' " space = and the neutral bytes: the exec( watch's and the idle early exits' bytes
// Built at start-up from the lists above, so the table says what the comments say.
const CMD_CLASS: usize = memory.data(256);
const NEUTRAL_BYTES = ",:[]}?*+^~\"'";
classBytes("'\"\\`$[]^", CB_GLUE);
classBytes("'\"\\`$[]^{/", CB_JOIN);
classBytes(NEUTRAL_BYTES, CB_NEUTRAL);
classBytes("></%-\n \\{", CB_TRACKED);
classBytes(";|&\n", CB_SEP);
classBytes("'()", CB_PEXP);
classBytes(";|&\n`({[<'\"/\\.,=@", CB_POS);
classBytes(".'\" =", CB_EARLY);
classBytes(NEUTRAL_BYTES, CB_EARLY);
function classBytes(bytes: string, cls: u32): void {
  for (let i = 0; i < bytes.length; i++) {
    const at = CMD_CLASS + <usize>bytes.charCodeAt(i);
    store<u8>(at, load<u8>(at) | <u8>cls);
  }
}

/**
 * The shell word is one command word between backticks and nothing else: `date` (the word ends at the closing backtick), or
 * quoted, '`date`' "`date`" (a quote opened the word before the backtick, 0x40000, and one quote closes it after).
 */
// @ts-ignore: decorator
@inline function spanWord(c: usize, j: usize): bool {
  const q = g32(j, J_QUOTES) & JQ_COUNT, glue = g32(j, J_GLUE), prev = g32(c, C_PREV);
  return (glue == 2 && prev == 0x60 && (q & ~0x40000) == 0) || (glue == 3 && q == 0x40001 && (prev == 0x27 || prev == 0x22));
}

/**
 * The shell word opening the value (J_POS 1) is a command's name cut into letters by an odd number of quotes, three or
 * more, with no more than one letter between them (w'h'o'a'm'i, p"i"n"g): no English word is spelled so (a contraction
 * or a name has one apostrophe, I'd, l's, O'Neil; rock'n'roll spells no command), and the quote left open is one the
 * application's command line closes. `q` is J_QUOTES, `len` the letters joined.
 */
// @ts-ignore: decorator
@inline function letterSplit(j: usize, len: u32, q: u32): bool {
  return g32(j, J_POS) == 1 && q >= 3 && q <= 0xffff && len <= q + 1;
}

/** The shell word being joined ends: if its pieces spell a command, it takes the command position it started in. */
function joinEnd(st: usize, c: usize, j: usize, atEnd: bool = false): void {
  s32(j, J_ACT, 0);
  if (g32(j, J_MODE) == 4 || g32(j, J_MODE) == 5) return; // an unclosed brace: no word
  const len = g32(j, J_LEN);
  if (len == 0 && g32(j, J_POS) != 0 && (g32(j, J_QUOTES) & JQ_COUNT) == 0 && g32(j, J_MODE) == 0 && g32(c, C_POS) == 0) {
    // $x expands to nothing, or to the command: the position stays, and $x itself is a command word
    const pos = g32(j, J_POS);
    s32(c, C_POS, pos);
    if (g32(j, J_VAR) != 0) {
      s32(c, C_CMD, 2); s32(c, C_CMD_STEP, 0); s32(c, C_CMD_START, g32(j, J_START)); s32(c, C_CMD_END, g32(j, J_END)); s32(c, C_CMD_POS, pos);
      // (2097152: the command word is an expansion, ;a=i;b=d;$a$b — never a list's field, see listField)
      s32(c, C_WRAP, 2097152); s32(c, C_POS_START, pos == 2 ? g32(j, J_POSSTART) : g32(j, J_START)); s32(c, C_LAST_END, g32(j, J_END));
    }
    return;
  }
  if (g32(j, J_GLUE) == 0 || len == 0 || len > J_MAX) return;
  // [npm registry](url), "[node stability index]": a '[' that no ']' closes within the word leaves it literal in the shell
  // (a bracket expression needs its ']': [c]at is cat), so the word names no command — a Markdown link's text
  if ((g32(j, J_QUOTES) & 0x10000) != 0) return;
  // (a quote inside the other kind is a byte of the name: "I'd is the word I'd, no command)
  if ((g32(j, J_QUOTES) & (JQ_LITERAL | JQ_NOLIT)) == JQ_LITERAL) return;
  const flags = joinFlags(j, len);
  // /b\in/id, /usr/bi''n/id, /usr/b$@in/id: a bin directory's name spelled in pieces right after a '/' is that directory
  // to the shell: the path goes on as after /bin (C_BIN 2), and the command word after its '/' runs
  // (also further down a path, /usr/bi''n/id, and with a backslash inside, which the path tracker reads as a separator too,
  // /b\in/id: BIN_SPELLED says the word started at a path's '/'; the path then starts before the joined word at the latest)
  if ((flags & K_C_BINDIR) != 0 && g32(j, J_VAR) == 0 && (g32(c, C_BIN_START) + 1 == g32(j, J_START) || g32(c, C_BIN) == BIN_SPELLED)) {
    if (g32(c, C_BIN_START) >= g32(j, J_START)) s32(c, C_BIN_START, g32(j, J_START) - 1);
    s32(c, C_BIN, 2);
    return;
  }
  if ((flags & (K_C_STRONG | K_C_WEAK)) == 0) return;
  // `type` `date` `id`: a command word alone in backticks that stand apart (no word glued before them) is a markdown code
  // span (opening the value: only a weak word other than `true` `false`, the no-ops fuzzers send to see whether backticks run)
  // (also quoted: '`date`' "`type`", see spanWord)
  if (((flags & K_C_STRONG) == 0 ? !(g32(j, J_START) <= 1 && noOp(j + J_BUF, len)) : g32(j, J_START) > 1) && spanWord(c, j) && g32(j, J_POS) == 2 && g32(j, J_POSSTART) == g32(j, J_START) &&
    g32(j, J_VAR) == 0) return;
  // (and so is a developer tool alone in a span standing apart, also opening the value: "`npm` executable", "`node`")
  if (spanWord(c, j) && g32(j, J_POS) == 2 && g32(j, J_VAR) == 0 && (g32(j, J_MID) & 2) == 0 &&
    standingSpan(g32(c, C_SUBST)) && devTool(j + J_BUF, len) != 0) return;
  const wend = g32(j, J_END);
  const kind0 = g32(c, C_CMD);
  // trap i\d EXIT, trap i''d 0: trap's first operand spelled in pieces (the shell drops the quotes and backslashes) is the
  // command word it runs: step 61, as a plain one after "trap " (see step kind 5); its pieces advanced the step from 1
  if (kind0 == 5 && (g32(c, C_WRAP) & 1) != 0 && g32(c, C_LAST_END) == wend && g32(j, J_START) == g32(c, C_CMD_START) + 5 &&
      g32(c, C_CMD_STEP) >= 2 && g32(c, C_CMD_STEP) <= 6) { s32(c, C_CMD_STEP, 61); return; }
  if (kind0 >= 3 && kind0 <= 5 && g32(c, C_LAST_END) == wend) return; // "alias ..: the word already runs its own grammar
  if (kind0 == 8 && (g32(c, C_SUBST) == 7 || g32(c, C_SUBST) == 9) && g32(c, C_LAST_END) == wend) return; // | `date`: the closed span is judged by what follows (step)
  const q = g32(j, J_QUOTES) & JQ_COUNT;
  // ;"Echo & The Bunnymen", alt="my cat", "AT&T": the word ends at a space or punctuation inside the quote that opened it,
  // so the shell word goes on past it (one word, "Echo & The Bunnymen": no such command); were the quote instead closing
  // one the value sits in, the word would glue to what precedes it. In no reading is it a command name. (At the value's
  // end the quote is left open: judged as before.)
  if (!atEnd && q == 1 && g32(j, J_VAR) == 0 && load<u32>(st + ST_LEX + LX_START) == g32(j, J_START) + 1) return;
  if ((flags & K_C_STRONG) != 0 && (g32(j, J_MID) & 2) != 0 && ((q & 1) == 0 || letterSplit(j, len, q))) report(st, R_CMDI_OBFUSCATED_COMMAND, g32(j, J_START), wend);
  if (g32(j, J_BIN) != 0) report(st, R_CMDI_SHELL_PATH, g32(c, C_BIN_START), wend);
  // {$'cmd',..} {,"cmd"}: a quoted command as a brace element (checked at the ',' or '}' after it)
  const brs = g32(j, J_BRSTART), js = g32(j, J_START);
  // (a word that began at the '{' itself counts only before a ',': {"id",x} expands, {file} is a literal)
  if (brs != 0 && js + 1 >= brs && js <= brs + 1) s32(j, J_BRCMD, (wend + 1) | (js + 1 == brs ? 0x80000000 : 0));
  const pos = g32(j, J_POS);
  if (pos == 0) return;
  // (a developer tool cmdWord saw opening a code span keeps its mark when the span's word ends: `npm install`)
  const dev = (kind0 == 1 || kind0 == 2) && g32(c, C_CMD_START) == js + 1 && (g32(j, J_MID) & 2) == 0 && (q & ~0x40000) == 0 && g32(j, J_VAR) == 0 ? g32(c, C_WRAP) & 2944 : 0;
  s32(c, C_CMD, (flags & K_C_STRONG) != 0 ? 1 : 2);
  s32(c, C_CMD_STEP, 0); s32(c, C_CMD_START, g32(j, J_START)); s32(c, C_CMD_END, wend); s32(c, C_CMD_POS, pos);
  s32(c, C_WRAP, ((flags & K_C_WRAPPER) != 0 ? 1 : 0) | dev);
  s32(c, C_POS_START, pos == 2 ? g32(j, J_POSSTART) : g32(j, J_START));
  s32(c, C_LAST_END, wend);
}

function joinFlags(j: usize, len: u32): u64 {
  return flagsOfBytes(j + J_BUF, len);
}

function joinAppend(j: usize, word: usize, len: u32): void {
  const n = g32(j, J_LEN);
  if (n + len > J_MAX || len > J_MAX) { s32(j, J_LEN, J_MAX + 1); return; }
  memory.copy(j + J_BUF + n, word, len);
  s32(j, J_LEN, n + len);
}

/** A path segment ends (at '/' when `dir`): wildcards standing in for names. */
function globEnd(st: usize, j: usize, dir: bool, end: u32): void {
  const qm = g32(j, G_QM), star = g32(j, G_STAR), w = g32(j, G_W), cls = g32(j, G_CLS);
  let hit = false;
  if (cls != 0 && w != 0) hit = true;                                   // /e[t]c  pa[s]s
  else if (dir && qm != 0 && (w != 0 || qm >= 2) && !(qm == 1 && g32(j, G_QLAST) != 0)) hit = true; // /???/  /b?n/ (not page?/ : a query)
  else if (dir && star != 0 && star < 4 && w != 0 && g32(j, G_BR) == 0) hit = true; // /u*r/ (not /**bold**/: Markdown between slashes)
  else if (!dir && g32(j, G_AFTERBIN) != 0 && (qm | star) != 0) hit = true; // /bin/x?
  if (hit) report(st, R_CMDI_GLOB_PATH, g32(j, G_START), end);
}

/**
 * Mail protocol verbs that are also English words (DATA, LIST, TOP, SELECT, a1 COPY ...): a line of wrapped prose may
 * start with them ("list of contributors.", "data, this method", "top-level", "a copy of this software"). The protocol
 * line has an argument or nothing after the verb (see mailArg); the rest (RCPT, EHLO, RETR, UIDL, AUTH ...) report at once.
 */
function englishMailVerb(word: usize, len: u32): bool {
  return len >= 3 && len <= 9 && inList(word, len,
    "mail data help quit user pass list stat top login select examine search fetch store uid create delete rename append subscribe status copy move check close idle enable compress");
}

/**
 * IMAP verbs that no other mail protocol has: only after an IMAP tag (a1 SELECT INBOX), since IMAP answers an untagged line
 * with BAD, and SMTP and POP3 know none of them ("Hi,\nlogin fails", "\nselect Name from", "hi\nuid 123", "hi\nlogout
 * doesn't work", "hi\nauthenticate with google fails").
 */
function imapEnglishVerb(word: usize, len: u32): bool {
  return len >= 3 && len <= 12 && inList(word, len,
    "login select examine search fetch store create delete rename append subscribe uid logout authenticate lsub expunge namespace unselect");
}

/** Mail verbs complete without an argument (DATA, QUIT, HELP, LIST, STAT, CHECK, CLOSE, IDLE); the others' line needs one. */
function mailVerbAlone(word: usize, len: u32): bool {
  return len >= 4 && len <= 5 && inList(word, len, "data help quit list stat check close idle");
}

/** English function words: after a mail verb they continue a sentence ("list of", "delete it", "close the"); FROM: TO: are arguments. */
function functionWord(word: usize, len: u32): bool {
  return len <= 5 && inList(word, len,
    "of the a an it is to in on at for with this that these those and or but as by from be are was were its their your you we they not no will can may has have had do does if then than so our my his her which who what how when");
}

/**
 * After a pending mail verb (state 3 right after it, 4 after a space, 5 after a function word), punctuation decides:
 * 3: the end of the line (DATA\r\n), of a quoted value (probe="\r\nDATA") or an argument glued on (<, :) is the
 * protocol; , . - ) ] ! ? ; prose.
 * 4: an argument opening with < " { * \\ (or the line's end) is the protocol; '(' prose ("check (since ...").
 * 5: only a ':' glued to the function word (MAIL FROM:, RCPT TO:) is the protocol.
 */
function mailArg(ps: u32, ch: u32, adjacent: bool): bool {
  if (ps == 5) return ch == 0x3a && adjacent;
  if (ps == 4) return ch != 0x28;
  // (a ':' glued to the verb labels a line of a message, "User: jsmith", "Data: attached": no protocol puts one there)
  return !(ch == 0x2c || ch == 0x2e || ch == 0x2d || ch == 0x29 || ch == 0x5d || ch == 0x21 || ch == 0x3f || ch == 0x3b || (ch == 0x3a && adjacent));
}

/** IMAP verbs too common as line starts to count without a tag (so not in the MAILVERB class). */
function imapVerb(word: usize, len: u32): bool {
  return wordIs(word, len, "status") || wordIs(word, len, "copy") || wordIs(word, len, "move") || wordIs(word, len, "check") ||
    wordIs(word, len, "close") || wordIs(word, len, "idle") || wordIs(word, len, "enable") || wordIs(word, len, "compress") ||
    wordIs(word, len, "unauthenticate") || wordIs(word, len, "getquotaroot");
}

/**
 * Code that starts processes from inside another language, sent where a value belongs:
 * require('child_process') / 'node:child_process' (Node), Runtime.getRuntime( and new
 * ProcessBuilder( (Java). Names no prose or ordinary value uses; only the call or module shape counts.
 */
function runtimeExec(st: usize, c: usize, word: usize, len: u32, start: u32, end: u32): bool {
  if (len == 13 && wordIs(word, len, "child_process")) {
    const p = g32(c, C_PREV);
    if (g32(c, C_LAST_END) == start && (p == 0x27 || p == 0x22 || p == 0x3a)) report(st, R_CMDI_EXEC_CALL, start - 1, end); // ('x' "x" node:x; not a Markdown `span`)
  } else if ((len == 10 && wordIs(word, len, "getruntime")) || (len == 14 && wordIs(word, len, "processbuilder"))) {
    s32(c, C_EXEC, 3 | (end << 2)); s32(c, C_EXEC_START, start); // called when a '(' is glued to it (cmdPunct)
    return true;
  }
  return false;
}

/**
 * x`cmd: the shell word restarts at the backtick glued to the word before it (K_SPLIT_AT), in command position.
 * `len` > 0: a one-letter word read joined (K_TICK 3) turned out to start the substitution after all (x`p\ing).
 */
function splitTick(k3: usize, j: usize, word: usize, len: u32): void {
  const at = g32(k3, K_SPLIT_AT);
  s32(j, J_LEN, 0); s32(j, J_START, at); s32(j, J_POS, 2); s32(j, J_POSSTART, at); s32(j, J_GLUE, 1); s32(j, J_MID, len != 0 ? 0 : 1);
  s32(j, J_QUOTES, JQ_NOLIT); s32(j, J_VAR, 0); s32(j, J_BIN, 0); s32(j, J_MODE, 0);
  if (len != 0) joinAppend(j, word, len);
}

/**
 * A word. Most words of ordinary text name nothing here and arrive with every tracker at rest: their fast path (the
 * first two of cmdWordFull, which the same tests select) is inlined into the caller, so they cost no call. The lengths
 * left out are those cmdWordFull looks at first: "function" (8), runtimeExec's names (10 13 14), execute (7, while a
 * C_EXEC watch is on). (A length added here goes into cmdOrdinaryShape too: scanner.ts's ordinary words skip the test.)
 */
// @ts-ignore: decorator
@inline export function cmdWord(st: usize, c: usize, flags: u64, word: usize, len: u32, first: u32, start: u32, end: u32, ordinary: bool = false): void {
  // \nid, \r\n: a literal backslash-n or -r before a command (see literalNewline)
  if ((first == 0x6e || first == 0x72) && (load<u32>(st + ST_BSNL) >> 1) == start + 1 && literalNewline(st, c, word, len, start, end)) return;
  const j = st + ST_CMD2;
  const opt = g32(st, ST_OPTION);
  if (opt != 0) optionWord(st, opt, start, end); // (an option opening the value: see optionPunct)
  // (`ordinary`: scanner.ts's word of a length cmdOrdinaryShape passes, none of the first four tests')
  if ((flags & K_FAMILY_CMD) == 0 && (ordinary ? !(len == 7 && g32(c, C_EXEC) != 0) :
      !(len == 8 && first == 0x66) && len != 10 && len != 13 && len != 14 && !(len == 7 && g32(c, C_EXEC) != 0))) {
    if (quiet(c, j)) { store<u64>(j + J_LW, (<u64>end << 32) | <u64>len); s32(c, C_LAST_END, end); return; }
    // (and the plain word opening the value, cmdWordFull's second fast path)
    if (g32(c, C_FRESH) != 0 && !v128.any_true(v128.load(j))) {
      store<u64>(j + J_LW, (<u64>end << 32) | <u64>(len | (1 << 8)));
      s32(c, C_POS, 0); s32(c, C_FRESH, 0); s32(c, C_LAST_END, end);
      if (psVerb(word, len)) s32(st + ST_CMD3, K_ANGLE, g32(st + ST_CMD3, K_ANGLE) | K_LINE); // (Get-Process | ...: see K_LINE)
      return;
    }
  }
  cmdWordFull(st, c, flags, word, len, first, start, end);
}

/** For scanner.ts's ordinary words: does cmdWord's fast path take every word of `len` bytes (15: 15 or more) starting with `w0`, length-wise? */
export function cmdOrdinaryShape(w0: u32, len: u32): bool {
  return !(len == 8 && w0 == 0x66) && len != 10 && len != 13 && len != 14;
}

function cmdWordFull(st: usize, c: usize, flags: u64, word: usize, len: u32, first: u32, start: u32, end: u32): void {
  const j = st + ST_CMD2;
  // A keyword of another family only ('a' the HTML tag) takes the plain-word path; "function" never does (it opens
  // a definition: see C_FUNC).
  // (K_SQL_NOT matters only to a pending IF, step's kind 4: with no command pending, and every use of `plain` below has
  // none, "not" is a plain word)
  flags &= K_FAMILY_CMD | K_SQL_NOT;
  const plain = (flags & ~K_SQL_NOT) == 0 && !(len == 8 && first == 0x66 && wordIs(word, len, "function"));
  const runtime = (len == 13 || len == 10 || len == 14) && runtimeExec(st, c, word, len, start, end);
  // (execute after '".' waits for the full path: see groovyDot)
  const execute = len == 7 && g32(c, C_EXEC) != 0;
  if (!execute && quiet(c, j)) {
    if (plain) { store<u64>(j + J_LW, (<u64>end << 32) | <u64>len); s32(c, C_LAST_END, end); return; }
    // A command word out of command position with every tracker at rest ("call me", "at 5pm", "review for"): its
    // classes act only in command position or on a tracker mid-way, except a shell (sh -c starts anywhere), the
    // system( class and a strong word completing an exec( call right before it (the full path then). The full path
    // would store only what follows (the other trackers it resets are zero already, no C_PEXP to clear).
    const ex = g32(c, C_EXEC);
    // (the word "function" is not plain either, for the definition it opens: it has no command class, and the length test
    // keeps it out all the same)
    if ((flags & ~K_SQL_NOT) != 0 && !(len == 8 && first == 0x66) &&
        (flags & (K_C_SHELL | K_C_DEFINE_EXEC)) == 0 && g32(c, C_PEXP) == 0 && ((ex & 2) == 0 || (ex >> 2) != start)) {
      store<u64>(j + J_LW, (<u64>end << 32) | <u64>len);
      if (len >= 4 && len <= 5 && (wordIs(word, len, "exec") || wordIs(word, len, "start"))) { s32(c, C_EXEC, 1 | (end << 2)); s32(c, C_EXEC_START, start | 0x80000000); }
      else if (!runtime) s32(c, C_EXEC, 0);
      s32(c, C_LAST_END, end);
      return;
    }
  }
  // A plain word opening the value (nothing seen yet: every tracker as cmdInit left it): it takes the command
  // position the value opened and, naming no command, closes it; the full path makes the same stores.
  if (plain && g32(c, C_FRESH) != 0 && !v128.any_true(v128.load(j))) {
    store<u64>(j + J_LW, (<u64>end << 32) | <u64>(len | (1 << 8)));
    s32(c, C_POS, 0); s32(c, C_FRESH, 0); s32(c, C_LAST_END, end);
    if (psVerb(word, len)) s32(st + ST_CMD3, K_ANGLE, g32(st + ST_CMD3, K_ANGLE) | K_LINE); // (see K_LINE)
    return;
  }
  if (g32(j, G_ON) != 0) {
    // (a name of four letters or more in brackets is a key, filter[status]= page[number]= in a URL, no class: a class
    // that hides a letter of a path holds one to three, /e[t]c, c[a]t, [tc])
    if (g32(j, G_BR) == 1) s32(j, G_BR, first - 0x30 < 10 || len > 3 ? 2 : 3);
    else if (g32(j, G_BR) == 0) s32(j, G_W, 1);
    s32(j, G_ISBIN, g32(j, G_NPART) == 0 && (flags & K_C_BINDIR) != 0 ? 1 : 0);
    s32(j, G_QLAST, 0);
    s32(j, G_NPART, g32(j, G_NPART) + 1);
  }
  if (g32(j, J_ACT) != 0) {
    const k3 = st + ST_CMD3;
    if (g32(k3, K_SPLIT) == start + 1) {
      // the word opens a backtick substitution glued to the word before it: the shell word to read starts at the backtick
      s32(k3, K_SPLIT, 0);
      // (one letter waits: a backtick glued after it makes it PowerShell's escape, i`e`x is iex; see cmdPunct. In a
      // word already read that way, I`n`v`o`k`e-Expression, the letter is escaped at once: J_MID 2 before the append)
      if (len == 1 && first - 0x61 < 26) { if ((g32(j, J_MID) & 2) == 0) s32(k3, K_TICK, 3); }
      else splitTick(k3, j, 0, 0);
    }
    const mode = g32(j, J_MODE);
    if (g32(j, J_END) == start && mode != 2 && mode != 6) {
      if (mode == 0 || mode == 4 || mode == 8) { if (g32(j, J_MID) == 1 && g32(j, J_LEN) != 0) s32(j, J_MID, 3); else s32(j, J_MID, g32(j, J_MID) & 2); joinAppend(j, word, len); }
      else if (mode == 1) {
        s32(j, J_MODE, 0);
        if (first - 0x31 < 9 && len > 1) { // i$9d: a positional parameter is one digit (unset in an attack); the rest goes on the word
          if (g32(j, J_MID) == 1 && g32(j, J_LEN) != 0) s32(j, J_MID, 3); else s32(j, J_MID, g32(j, J_MID) & 2);
          joinAppend(j, word + 1, len - 1);
        } else if (first - 0x61 < 26 || (first == 0x30 && len == 1)) s32(j, J_VAR, 1); // $name: an (unset) variable; $0 the shell
      }
      else if (mode == 3 && (first - 0x61 < 26 || (first == 0x30 && len == 1))) s32(j, J_VAR, 1); // ${name}, ${0} the shell
      s32(j, J_END, end);
    } else if (mode == 2 || mode == 6) s32(j, J_ACT, 0); // $(cmd: a real substitution
    else joinEnd(st, c, j);
  }
  if (plain && idle(c) && !execute) { store<u64>(j + J_LW, (<u64>end << 32) | <u64>len); s32(c, C_LAST_END, end); return; }
  // (a word glued to a '.' takes no command position, see below: the joiner reading `.ls` from the closing backtick must not either)
  const lwPos = g32(c, C_PREV) == 0x2e && g32(c, C_LAST_END) == start ? 0 : g32(c, C_POS);
  store<u64>(j + J_LW, (<u64>end << 32) | <u64>(len | (lwPos << 8) | ((g32(c, C_BIN) == 3 && g32(c, C_LAST_END) == start ? 1 : 0) << 12)));
  // {cmd,arg} {,cmd}: brace expansion building a command line
  const bx = g32(j, J_BRACEX);
  if (bx != 0) {
    if (g32(c, C_POS) != 0 && ((flags & K_C_STRONG) != 0 || ((bx == 2 || g32(c, C_POS) == 2) && (flags & K_C_WEAK) != 0))) s32(j, J_BRCMD, (end + 1) | (bx == 1 ? 0x80000000 : 0)); // {cmd} alone is a literal
    s32(j, J_BRACEX, 0);
  } else s32(j, J_BRCMD, 0);
  // (the dot builtin on a new line waiting for its file's name: see DOT_NL)
  const dotNl = g32(c, C_CMD) == 7 && g32(c, C_CMD_STEP) == 2 && (g32(c, C_WRAP) & 2) != 0 && g32(c, C_LAST_END) != start;
  if (g32(c, C_CMD) != 0) step(st, c, true, 0, flags, first, start, end, len); // (step returns at once with no command pending)
  // function f() { id; }  — after the keyword, only a body that starts with a command or `if` counts
  // (JavaScript's function () { return … } does not): states 5-8, 12
  const fn = g32(c, C_FUNC);
  if (fn == 7 && (flags & (K_C_STRONG | K_C_WEAK | K_C_BATCH_IF)) != 0) report(st, R_CMDI_FUNCTION_DEFINITION, g32(c, C_FUNC_START), end);
  if (fn == 9 && !jsBodyWord(word, len)) report(st, R_CMDI_FUNCTION_DEFINITION, g32(c, C_FUNC_START), end); // f(){ f|f& }
  s32(c, C_FUNC, len == 8 && wordIs(word, len, "function") ? 8 : fn == 8 ? 12 : 0);
  const last = g32(c, C_LAST_END);
  const adjacent = last == start;
  // ${IFS} $IFS ${jndi:
  const dollar = g32(c, C_DOLLAR);
  const brace = g32(c, C_BRACE);
  if ((flags & K_C_IFS) != 0 && ((dollar != 0 && dollar - 1 == start) || (brace != 0 && brace - 1 == start))) {
    report(st, R_CMDI_COMMAND_SUBSTITUTION, start - 1, end);
  }
  // ${name: an operator may follow (${x#..} ${x/a/b} ${PATH:0:1})
  const pexp = g32(c, C_PEXP);
  if (brace != 0 && brace - 1 == start) s32(c, C_PEXP, end + 1);
  else if ((pexp >> 31) != 0 && (pexp & 0x7fffffff) - 1 == start && first - 0x30 < 10) report(st, R_CMDI_COMMAND_SUBSTITUTION, start - 1, end);
  else if (pexp != 0) s32(c, C_PEXP, 0);
  // %COMSPEC% (%TEMP% %APPDATA% %USERPROFILE% name folders people write about, "saved to %APPDATA%\App", also
  // a path a form field opens with: only after a separator, & %TEMP%\x.exe; %COMSPEC% %SYSTEMROOT% %WINDIR% anywhere)
  const pct0 = g32(c, C_PCT);
  // (6: another name after a separator, which may open a program's path: x&%CD%\a.exe, see the closing '%' in cmdPunctFull)
  // (7: after ';', which is no separator of cmd.exe's: only a COMSPEC-class name counts there, as after the others)
  if ((pct0 == 1 || pct0 == 5 || pct0 == 7) && adjacent) {
    s32(c, C_PCT, (flags & K_C_COMSPEC) != 0 && (pct0 != 1 || !folderVar(word, len)) ? 2 : pct0 == 5 && (first | 0x20) - 0x61 < 26 ? 6 : first - 0x61 < 26 ? 3 : 0);
  }
  else s32(c, C_PCT, 0);
  // /bin/<cmd>
  const bin = g32(c, C_BIN);
  // /usr/bin$u/id, /bin/${u}id: the name of a $ or ${ glued inside the path; one the environment does not set (lower case,
  // as the raw bytes read; the lexer folds case) expands to nothing, so the path goes on where it was (upper case, $PATH
  // $HOME, may be set; a raw byte no longer at hand counts as lower case, the reading that finds the path)
  if (bin >= BIN_VAR && adjacent) s32(c, C_BIN, ((first - 0x61 < 26 && rawUpper(st, start) != 1) || first == 0x5f) && bin < BIN_VAR_END ? (bin & 0xf) | (bin >= BIN_VAR_BRACE ? BIN_VAR_END : 0) : 0);
  else if (bin == 1 && adjacent) s32(c, C_BIN, (flags & K_C_BINDIR) != 0 ? 2 : BIN_SPELLED);
  else if (bin == 3 && adjacent) { if ((flags & (K_C_STRONG | K_C_WEAK)) != 0) report(st, R_CMDI_SHELL_PATH, g32(c, C_BIN_START), end); s32(c, C_BIN, (flags & K_C_BINDIR) != 0 ? 2 : BIN_SPELLED); }
  else if (bin == BIN_SPELLED && adjacent) {} // (bi''n: the word after the quotes goes on spelling)
  else if (g32(c, C_FRESH) != 0 && (flags & K_C_BINDIR) != 0) { s32(c, C_BIN, 2); s32(c, C_BIN_START, start); } // bin/x at the start
  else s32(c, C_BIN, 0);
  // sh -c / cmd /c / cmd.exe
  const sh = g32(c, C_SHELL);
  if (sh == 3 && adjacent && len <= 3) report(st, R_CMDI_SHELL_PATH, g32(c, C_SH_START), end);
  // (cmd.exe, powershell.exe: in command position at once; named in prose, "when used in cmd.exe", only with a
  // switch after it, cmd.exe /c, judged like the bare name: exeWait)
  let exeWait = false;
  if (sh == 4 && adjacent && len == 3 && first == 0x65 && wordIs(word, len, "exe")) {
    if (g32(c, C_CMD) != 0 && g32(c, C_CMD_START) == g32(c, C_SH_START)) report(st, R_CMDI_SHELL_PATH, g32(c, C_SH_START), end);
    else exeWait = true;
  }
  else if (sh == 4 && adjacent && len == 3 && first == 0x65) report(st, R_CMDI_SHELL_PATH, g32(c, C_SH_START), end);
  // -e sh, -c bash: a one-letter option handing a shell to the command before it (nc -e sh)
  if (sh == 6 && (flags & K_C_SHELL) != 0) report(st, R_CMDI_SHELL_PATH, g32(c, C_SH_START), end);
  const pp = g32(c, C_PREV);
  const lb = g32(c, C_LBRACE);
  // (also right after an opening quote, one the joiner started at: -TT 'sh -c id', -e "bash -c x" hand a command line to a tool)
  const openQuote = (pp == 0x27 || pp == 0x22) && g32(j, J_ACT) != 0 && g32(j, J_START) + 1 == start;
  // (and after a ':', ext::sh -c id: git's ext transport runs the command named after it)
  if ((flags & K_C_SHELL) != 0 && (!(last == start && last != 0) || pp == 0x2f || pp == 0x5c || pp == 0x3a || openQuote)) { s32(c, C_SHELL, 1); s32(c, C_SH_START, start); }
  else if (len == 1 && (first == 0x65 || first == 0x63) && (lb >> 31) != 0 && (lb & 0x7fffffff) - 1 == start) { s32(c, C_SHELL, 5); s32(c, C_SH_START, start - 1); } // -e -c
  else if (exeWait) s32(c, C_SHELL, 1);
  else s32(c, C_SHELL, 0);
  // redirection to a path; and a word after '<(' (see rd 12 in cmdPunctFull)
  // $(<secret.txt: the file it reads; but GNU make's $(<D) $(<F), the directory and file parts of the first prerequisite, as
  // written (a raw upper-case D or F glued to a raw "$(<", then ')' at once: C_REDIR 16, judged by the next byte in cmdPunctFull): a file with
  // that one-letter name holds nothing a probe is after ($(<D/x), $(<D.txt), $(<D2), $(<d) still count)
  const makeAuto = g32(c, C_REDIR) == 13 && len == 1 && end - start == 1 && start == g32(c, C_RD_START) + 3 && (load<u8>(word) == 0x64 || load<u8>(word) == 0x66) && rawUpper(st, start) == 1;
  if (((g32(c, C_REDIR) == 3 || g32(c, C_REDIR) == 11) && adjacent) || g32(c, C_REDIR) == 12) report(st, R_CMDI_REDIRECTION, g32(c, C_RD_START), end);
  else if ((g32(c, C_REDIR) == 13 && !makeAuto) || g32(c, C_REDIR) == 16) report(st, R_CMDI_COMMAND_SUBSTITUTION, g32(c, C_RD_START), end);
  else if (g32(c, C_REDIR) == 15 && adjacent) report(st, R_CMDI_REDIRECTION, g32(c, C_RD_START), end); // tr a-y b-z<<<hc: a here-string
  // (x`<secret.txt`: 17 after a backtick's '<', 18 after the name, 19 within a path: see cmdPunctFull)
  s32(c, C_REDIR, makeAuto ? 16 : g32(c, C_REDIR) == 17 ? 18 : g32(c, C_REDIR) == 19 ? 19 : 0);
  // <!--#exec
  if (g32(c, C_SSI) == 5 && adjacent && (flags & K_C_SSI) != 0) report(st, R_CMDI_SSI_EXEC, g32(c, C_SSI_START), end);
  s32(c, C_SSI, 0);

  // \nRCPT TO:  \nEHLO x
  let nl = g32(c, C_NL);
  const nlTag = g32(c, C_NLTAG);
  let pending: u32 = 0;
  // (a mail verb's case is not evidence: SMTP, POP3 and IMAP read verbs case-insensitively, RFC 5321 2.4, so
  // x\r\nMail From:<a@b>\r\nRcpt To:<c@d>\r\nData is a forged message as its upper-case spelling is; an IMAP tag is any atom)
  if (nlTag >= 3) { // a verb that is also English waits for its argument (see mailArg)
    const ps = nlTag & 7;
    const untagged = (nl & NL_UNTAGGED) != 0;
    // TOP x: POP3's TOP takes a message number and a line count, and no other mail protocol has it, so a word that is
    // no number after it is a line every server rejects ("My top 3:\nTop Gun", "top picks"; x\r\nTOP 1 10 counts)
    if ((nl & NL_NUMERIC) != 0 && !digitsOnly(word, len)) {}
    else if (ps == 4 && !functionWord(word, len)) {
      // DATA x, LIST 1, a1 SELECT INBOX; with no tag, a word must end the line (USER admin\r\n), unless a number (LIST 1):
      // "Hi,\nhelp needed with …" is a line of text
      if (!untagged || digitsOnly(word, len)) report(st, R_CMDI_MAIL_COMMAND, (nl & ~NL_FLAGS) - 2, nlTag >> 3);
      else pending = 6 | (end << 3);
    } else if (ps == 4) pending = 5 | (nlTag & ~7);                                          // MAIL FROM: — or "list of x"
  } else if ((nl != 0 && nl - 1 == start && (flags & K_C_MAILVERB) != 0) || (nlTag == 2 && ((flags & K_C_MAILVERB) != 0 || imapVerb(word, len)))) {
    const tagged = nlTag == 2;
    // (IMAP verbs that are English words count only after a tag, as the rule says: "Hi,\nlogin fails", "\nselect Name from")
    if (!tagged && imapEnglishVerb(word, len)) {}
    else if (englishMailVerb(word, len)) { pending = 3 | (end << 3); if (!tagged) nl |= NL_UNTAGGED; if (len == 3 && wordIs(word, len, "top")) nl |= NL_NUMERIC; }
    else report(st, R_CMDI_MAIL_COMMAND, nl - 2, end);
  }
  // an IMAP tag (letters and digits) right after the newline: the verb follows after a space
  if (pending != 0) { s32(c, C_NLTAG, pending); s32(c, C_NL, nl); }
  else if (nl != 0 && nl - 1 == start && len <= 8 && (flags & K_C_MAILVERB) == 0) { s32(c, C_NLTAG, 1); s32(c, C_NL, nl); }
  else { s32(c, C_NLTAG, 0); s32(c, C_NL, 0); }
  if ((flags & K_C_IFS) != 0 && g32(c, C_LBRACE) != 0 && g32(c, C_LBRACE) - 1 == start) report(st, R_CMDI_COMMAND_SUBSTITUTION, start - 1, end);
  // command position (not for a word glued to a '.': "Java; .NET" names no command, ./x and ../x are paths)
  // (nor for one glued to a '!': sh runs "!id" as a command of that name, not found; "! id" negates the pipeline)
  if ((g32(c, C_PREV) == 0x2e || g32(c, C_PREV) == 0x21) && last == start) s32(c, C_POS, 0);
  const pos = g32(c, C_POS);
  // (a command word after a newline is judged as after ';' whatever its case: PowerShell splits statements at a newline
  // and folds case, as a macOS file system does for sh, so x\nWhoami, x\nSleep 10, x\nRm secret run; rtd24 repro 10)
  const title: u32 = pos == 1 && (flags & K_C_STRONG) != 0 && (flags & K_C_SHELL) == 0 && titleCase(st, word, len, start, end) ? TITLE : 0;
  // then do else while command ...: the word after it is the command (see prefixWord)
  // (then else elif do only inside a compound command: see K_COMPOUND; while until open one)
  const k3w = st + ST_CMD3;
  const prefix = pos == 2 && (flags & ~K_SQL_NOT) == 0 && prefixWord(word, len) &&
    (!compoundWord(word, len) || (g32(k3w, K_ANGLE) & K_COMPOUND) != 0);
  if (pos == 2 && (((flags & (K_C_BATCH_IF | K_C_BATCH_FOR)) != 0 && (len == 2 || len == 3)) || (prefix && (len == 5 && (first == 0x77 || first == 0x75)))))
    s32(k3w, K_ANGLE, g32(k3w, K_ANGLE) | K_COMPOUND); // if for while until
  if (pos == 2 && len == 4 && first == 0x63 && (flags & ~K_SQL_NOT) == 0 && wordIs(word, len, "case")) s32(k3w, K_ANGLE, g32(k3w, K_ANGLE) | K_CASE);
  if (pos != 0) {
    if ((flags & K_C_BATCH_FOR) != 0) { s32(c, C_CMD, 3); s32(c, C_CMD_STEP, 0); s32(c, C_CMD_START, start); }
    // (C_CMD_POS: the position it stood in, read at the word after it: ;if id;then … is the shell's if, see step)
    else if ((flags & K_C_BATCH_IF) != 0) { s32(c, C_CMD, 4); s32(c, C_CMD_STEP, 0); s32(c, C_CMD_START, start); s32(c, C_CMD_END, 0); s32(c, C_CMD_POS, pos); }
    else if ((flags & K_C_DEFINE_EXEC) != 0 && (first == 0x61 || first == 0x74)) { s32(c, C_CMD, 5); s32(c, C_CMD_STEP, 0); s32(c, C_CMD_START, start); s32(c, C_WRAP, first == 0x74 ? 1 : 0); } // (1: trap)
    // "MemoizeMap | false;", "T | null | false)", "true || false", "x; true": true or false as the command after a separator
    // runs nothing (its arguments are ignored), so no injection needs it; the command after the next separator is judged
    // as usual (true; id, false || id). In a substitution, $(true) `true`, it still counts: probes send it to see one run
    else if (pos == 2 && g32(c, C_SUBST) == 0 && noOp(word, len)) {}
    // "Sales & Service", "Cheese & Wine", "Blog | Touch base", "Shop | Make an appointment": a command only Unix has, written
    // in Title-case, runs nowhere sh looks names up by their case (see unixOnlyTitle); not inside a substitution, whose
    // empty output glued to a word makes that word the command (x;$(Touch)id runs id: red team rt29)
    else if ((flags & K_C_STRONG) != 0 && pos != 3 && g32(c, C_SUBST) == 0 && unixOnlyTitle(st, word, len, start, end)) {}
    else if ((flags & (K_C_STRONG | K_C_WEAK)) != 0) {
      s32(c, C_CMD, (flags & K_C_STRONG) != 0 ? 1 : 2);
      const versioned = (flags & K_C_SHELL) != 0 || interpreter(word, len);
      s32(c, C_WRAP, ((flags & K_C_WRAPPER) != 0 ? 1 : 0) | (versioned || needsArgument(word, len) ? 64 : 0) | (versioned ? 16384 : 0) |
        (len == 2 && wordIs(word, len, "at") ? 65536 : 0) | (len == 2 && wordIs(word, len, "ps") ? 131072 : 0) |
        (len == 2 && wordIs(word, len, "su") ? 262144 : 0) | (quietAlone(word, len) ? 524288 : 0) |
        (pos == 2 && g32(c, C_PREV) == 0x7c && mailer(word, len) ? 1048576 : 0) |
        (pos == 1 && (len == 3 || len == 4 || len == 10) && inList(word, len, "powershell pwsh iex") ? PS_LINE : 0) |
        (pos == 2 && len == 2 && wordIs(word, len, "ip") ? IP_CMD : 0) | title | (dotNl ? DOT_NL : 0) |
        (len == 2 && load<u16>(word) == 0x6367 ? GC_CMD : 0) |
        (pos == 1 && g32(c, C_SUBST) == 0 && proseCommand(word, len) ? PROSE_CMD | (len == 4 && (wordIs(word, len, "sort") || wordIs(word, len, "make")) ? PROSE_TAKES : 0) : 0));
      s32(c, C_CMD_STEP, 0); s32(c, C_CMD_START, start); s32(c, C_CMD_END, end); s32(c, C_CMD_POS, pos);
      if (pos == 1 && g32(c, C_FRESH) != 0) {
        s32(c, C_POS_START, start);
        if ((flags & K_C_STRONG) != 0) s32(st + ST_CMD3, K_ANGLE, g32(st + ST_CMD3, K_ANGLE) | K_LINE); // ls | Set-Content x (see K_LINE)
      }
      // the first word of a code span standing apart (not glued to a word or a separator) names a developer tool
      if (pos == 2 && adjacent && g32(c, C_PREV) == 0x60 && g32(st + ST_CMD3, K_TICK) != 0) {
        if (standingSpan(g32(c, C_SUBST))) {
          const dt = devTool(word, len);
          if (dt >= 2 && g32(c, C_SUBST) == 9) {} // (a runtime in a table cell: no documentation reading)
          else if (dt != 0) s32(c, C_WRAP, g32(c, C_WRAP) | 128 | (dt >= 2 ? 256 : 0) | (dt == 3 ? 512 : 0));
          else if (fileTool(word, len)) s32(c, C_WRAP, g32(c, C_WRAP) | 2048);
        }
      }
    } else if (prefix) {
    } else if (pos == 2 && len == 1 && first - 0x61 < 26 && (g32(c, C_PREV) == 0x26 || g32(c, C_PREV) == 0x7c || g32(c, C_PREV) == 0x0a || g32(c, C_PREV) == 0x3b)) {
      // c:\ (see winPath); after ';' (no separator of cmd.exe's) only sh's relative path, x;b/c.sh (SH_REL marks it at step 0)
      s32(c, C_CMD, 11); s32(c, C_CMD_STEP, 0); s32(c, C_CMD_START, start); s32(c, C_CMD_END, end); s32(c, C_CMD_POS, pos | sepBits(c)); s32(c, C_WRAP, g32(c, C_PREV) == 0x3b ? SH_REL : 0);
    } else if (pos == 2 && first - 0x61 < 26 && len >= 2) {
      // any other name right after ; | newline or $( : a command when an option follows (`make -j` in prose is markdown)
      // (not the second field of "id;name;date": the command before it still waits for the ';' after it, step 35)
      if (sepBefore(c) && g32(c, C_PREV) != 0x60 && !(g32(c, C_CMD) == 1 && g32(c, C_CMD_STEP) == 35)) {
        s32(c, C_CMD, 6); s32(c, C_CMD_STEP, 0); s32(c, C_CMD_START, start); s32(c, C_CMD_END, end); s32(c, C_CMD_POS, pos);
        const verb = psVerb(word, len);
        // (after '| ' the cmdlet waits for an argument, step 36, unless the value opened with a command line: then the pipe
        // is that pasted pipeline's own, Get-Process | Select-Object Name, ls | Set-Content files.txt; an injection appends
        // to a value, x | Get-ChildItem C:\Users)
        // (in a pasted pipeline a cmdlet that reads a file or the network still waits for one: PS_READ)
        const piped = last != start && verb && (g32(st + ST_CMD3, K_ANGLE) & K_LINE) == 0;
        const read = last != start && verb && !piped && psReadVerb(word, len);
        s32(c, C_WRAP, ((g32(c, C_PREV) != 0x7c || last == start) && verb ? 16 : 0) | (last == start ? 32 : 0) |
          (g32(c, C_PREV) == 0x7c ? 8 | (mailer(word, len) ? 64 : 0) | (piped ? 128 : 0) | (read ? PS_READ : 0) : 0));
      } else if (g32(c, C_PREV) == 0x26 && psVerb(word, len)) { // & Get-Process x: only as a cmdlet (see step kind 6, steps 36, 37)
        s32(c, C_CMD, 6); s32(c, C_CMD_STEP, 0); s32(c, C_CMD_START, start); s32(c, C_CMD_END, end); s32(c, C_CMD_POS, pos);
        s32(c, C_WRAP, 128 | 256);
      } else if (g32(c, C_PREV) == 0x26) { // x&x.bat, x&uploads\a.exe: cmd.exe runs a program a relative path names (see winPath)
        s32(c, C_CMD, 11); s32(c, C_CMD_STEP, 3); s32(c, C_CMD_START, start); s32(c, C_CMD_END, end); s32(c, C_CMD_POS, pos); s32(c, C_WRAP, WIN_REL);
      }
    }
    if (((flags & K_C_BINDIR) == 0 || (flags & K_C_STRONG) != 0) && !wordIs(word, len, "function") && !prefix) s32(c, C_POS, 0); // function x() {
  }
  // system( passthru( ... (the class also holds alias/trap: told apart by the first letter)
  const ex = g32(c, C_EXEC);
  if ((ex & 3) == 3 && (ex >> 2) == start && (g32(c, C_EXEC_START) >> 31) != 0 && (flags & K_C_STRONG) != 0) { // exec('id')
    report(st, R_CMDI_EXEC_CALL, g32(c, C_EXEC_START) & 0x7fffffff, end);
  }
  // system(id) passthru(whoami): PHP before 8 reads a bare name as the string of its own name, so a command word given
  // unquoted to system( passthru( shell_exec( runs ({${system(id)}}); exec( start( still need the quote
  if ((ex & 3) == 2 && (ex >> 2) == start && (g32(c, C_EXEC_START) >> 31) == 0 && (flags & K_C_STRONG) != 0) report(st, R_CMDI_EXEC_CALL, g32(c, C_EXEC_START), end);
  if ((flags & K_C_DEFINE_EXEC) != 0 && first != 0x61 && first != 0x74) { s32(c, C_EXEC, 1 | (end << 2)); s32(c, C_EXEC_START, start); }
  // exec( start( also name a regex's, a database's or a server's method (re.exec(s), db.exec(sql)): they count
  // only when the string they are given opens with a command (exec('id'), Kernel.exec('id'), Process.Start("cmd.exe"));
  // bit 31 of the start marks them, state 3 then waits for that word right after the quote
  else if (len >= 4 && len <= 5 && (wordIs(word, len, "exec") || wordIs(word, len, "start"))) {
    s32(c, C_EXEC, 1 | (end << 2)); s32(c, C_EXEC_START, start | 0x80000000);
  }
  // "id".execute(): Groovy runs a string as a command line (state 0 | end << 2 set at the '.', see groovyDot; then 3, see cmdPunct)
  else if (execute && (ex & 3) == 0 && (ex >> 2) == start && wordIs(word, len, "execute")) { s32(c, C_EXEC, 3 | (end << 2)); s32(c, C_EXEC_START, g32(c, C_EXEC_START) & 0x7fffffff); }
  else if (!runtime) s32(c, C_EXEC, 0);
  s32(c, C_FRESH, 0);
  s32(c, C_LAST_END, end);
}

// The punctuation of cmdPunct's at-rest fast path, as bit sets over 0x00-0x3f and 0x40-0x7f (not a class bit: inlined into
// the lexer's emitDash emitDot ... with the byte a constant, these tests fold away): ! # ) * + , - . : ? and @ } ~
const INERT_LO: u64 = (<u64>1 << 0x21) | (<u64>1 << 0x23) | (<u64>1 << 0x29) | (<u64>1 << 0x2a) | (<u64>1 << 0x2b) | (<u64>1 << 0x2c) |
  (<u64>1 << 0x2d) | (<u64>1 << 0x2e) | (<u64>1 << 0x3a) | (<u64>1 << 0x3f);
const INERT_HI: u64 = (<u64>1 << (0x40 - 0x40)) | (<u64>1 << (0x7d - 0x40)) | (<u64>1 << (0x7e - 0x40));

// Punctuation no tracker reacts to while idle (it only becomes the previous byte).
// @ts-ignore: decorator
@inline function neutral(ch: u32): bool { // , : [ ] } ? * + ^ ~ " '
  return (<u32>load<u8>(CMD_CLASS + <usize>ch) & CB_NEUTRAL) != 0;
}

/** The bracket `ch` closes the quote-like operator `open` opened (qx{ } %x[ ] %x< >), as ')' closes $(. */
// @ts-ignore: decorator
@inline function closesQuote(open: u32, ch: u32): bool {
  return (open == 0x7b && ch == 0x7d) || (open == 0x5b && ch == 0x5d) || (open == 0x3c && ch == 0x3e);
}

/**
 * %x( %x{ (Ruby) and qx( qx{ (Perl) run what they enclose as a shell command line, as backticks do: the word before
 * the bracket is "x" right after a '%' (C_PCT 3, `pct`) or "qx", glued to it. Returns the opener's start + 1, or 0.
 */
function quoteExec(st: usize, c: usize, pct: u32, start: u32): u32 {
  const lw = load<u64>(st + ST_CMD2 + J_LW);
  if (<u32>(lw >> 32) != start || start == 0) return 0;
  const n = <u32>lw & 0xff, w = st + ST_LEX + LX_WORD;
  if (n == 1 && (pct == 3 || pct == 6) && load<u8>(w) == 0x78 && g32(c, C_PCT_START) + 2 == start) return start - 1;
  if (n == 2 && load<u8>(w) == 0x71 && load<u8>(w + 1) == 0x78) return start - 1;
  return 0;
}

/**
 * A '.' glued to a closing quote ("id".  'ls /'.: a quote glued to what precedes it, which left C_EXEC at state 0 with
 * its end, `ex`): Groovy's String.execute() may follow, which runs the string as a command line (Jenkins script
 * consoles). Returns C_EXEC's state 0 with the '.''s end, or 0; C_EXEC_START takes the start of the word the quote
 * closes, or the quote. (A list's [..].execute() is left out: arr[i].execute().)
 */
function groovyDot(c: usize, j: usize, ex: u32, start: u32, end: u32): u32 {
  if (ex != start << 2 || start == 0) return 0;
  const lw = load<u64>(j + J_LW);
  s32(c, C_EXEC_START, <u32>(lw >> 32) + 1 == start ? <u32>(lw >> 32) - (<u32>lw & 0xff) : start - 1);
  return end << 2;
}

/**
 * Punctuation. The at-rest fast paths are inlined into the caller (no call): a space with every tracker at rest
 * changes nothing, and punctuation no tracker takes up while all are at rest (no shell word, glob, brace or parameter
 * expansion under way; the first 16 bytes at j are J_ACT G_ON J_BRACEX J_BRCMD): the full path would only end a
 * pending exec( watch and note the byte. . , : @ # ! ? * + ~ ) } and a '-' glued to what precedes it; with a command
 * position open but not after a separator (C_POS 1 or 3: ../../ keeps the value's), also settle the position.
 */
// @ts-ignore: decorator
@inline export function cmdPunct(st: usize, c: usize, ch: u32, start: u32, end: u32): void {
  bsnlPunct(st, ch, start, end);
  // ]:: — PowerShell's static member operator ([Convert]::FromBase64String(, see staticCall): its colons are marked in C_PREV
  // (0x13a the first glued to ']', 0x23a | its end << 10 the second; every reader of C_PREV compares it to a byte, which neither equals)
  const mark = ch == 0x3a ? colonMark(c, start, end) : 0;
  // (a '[' in command position: a static call there is a statement of its own, x; [IO.File]::ReadAllText(, see staticCall)
  if (ch == 0x5b && (g32(c, C_POS) == 2 || g32(c, C_POS) == 3)) s32(st + ST_CMD3, K_ANGLE, g32(st + ST_CMD3, K_ANGLE) | K_BRACKET);
  cmdPunctBody(st, c, ch, start, end);
  if (mark != 0) s32(c, C_PREV, mark);
  if (ch == 0x20 && g32(st, ST_OPTION) == (end | 0x40000000)) execAfterSpace(st, c, start, end);
}

/**
 * The literal backslash-n watch (ST_BSNL, see literalNewline): which backslash may stand for a newline. A space, tab or
 * separator starts a clean token; '/' ':' '%' '$' '~' make it path-like (C:\new, %TEMP%\x, $HOME\x, http://x/a\nb), '['
 * regex-like ([\r\n]+x), and so does a '.' after a word that is no number (notes.txt\nid; 127.0.0.1\nid stays clean);
 * the first backslash of a clean token is marked, and makes it path-like too (a second one, \\srv\nas or dir\sub\nid, is
 * a path).
 */
// @ts-ignore: decorator
@inline function bsnlPunct(st: usize, ch: u32, start: u32, end: u32): void {
  const v = load<u32>(st + ST_BSNL);
  let nv: u32 = v & 1;
  if (ch == 0x20 || ch == 0x09 || ch == 0x0a || ch == 0x3b || ch == 0x7c || ch == 0x26) nv = 0;
  else if (ch == 0x5c) nv = nv == 0 ? ((end + 1) << 1) | 1 : 1;
  else if (ch == 0x2f || ch == 0x3a || ch == 0x25 || ch == 0x24 || ch == 0x7e || ch == 0x5b) nv = 1;
  else if (ch == 0x2e && !(<u32>(load<u64>(st + ST_CMD2 + J_LW) >> 32) == start && <u32>load<u8>(st + ST_LEX + LX_WORD) - 0x30 < 10)) nv = 1;
  if (nv != v) store<u32>(st + ST_BSNL, nv);
}

/**
 * A word glued right after a backslash marked by bsnlPunct, starting with 'n' or 'r': FuzzDB's and commix's lists write
 * the line break before a command as the two characters \n (\nid, \n netstat -an, VALUE\nwhoami /all, \r\nid), for an
 * application that unescapes them (echo -e, printf, a JSON or YAML layer, a log line replayed). The word "n" or "r" alone
 * is that newline (\n /bin/ls, \n$(id), \r\n); a longer one is a newline and a command only when the rest is a command
 * word (\nid, \nwhoami, \ncat: cat read after the break, the more dangerous reading of ncat): "line1\nline2",
 * Documents\nested stay words. Not read: a backslash in a path-like token (C:\new\nc.txt, D:\nginx, \\srv\nas,
 * %APPDATA%\nid), a regex's class ([\r\n]+x), a second backslash (\\nid is a backslash and "nid"), a format after '%'
 * ("%s\nid"). What follows the newline is judged as after a real one ("a\nid=%d" is an assignment, as "a" newline
 * "id=%d" is), but for a weak word alone (LIT_WEAK: "Name\nDate\nTime" is a list). True: the word was taken here.
 * (The lexer's copy of the word keeps its 'n': the checks that re-read the last word at a later byte, noOp, quietAlone,
 * psVerb, find no listed word in it and fail closed.)
 */
function literalNewline(st: usize, c: usize, word: usize, len: u32, start: u32, end: u32): bool {
  if (len == 1) { cmdPunct(st, c, 0x0a, start, end); return true; }
  // (only a word the lexer's buffer holds whole: a longer one is no keyword, and flagsOfBytes reads all `len` bytes)
  const rf = len <= KW_MAX_WORD ? flagsOfBytes(word + 1, len - 1) & K_FAMILY_CMD : 0;
  if (rf == 0) return false;
  cmdPunct(st, c, 0x0a, start, start + 1);
  cmdWordFull(st, c, rf, word + 1, len - 1, <u32>load<u8>(word + 1), start + 1, end);
  // a weak word alone there is a line of text ("Name\nDate\nTime", "Total\nTime"): it runs given an argument (\nsleep 5,
  // \nkill -9 1, \nip addr) or a separator, not alone at the end nor glued to the next backslash (see LIT_WEAK)
  if (g32(c, C_CMD) == 2 && g32(c, C_CMD_START) == start + 1) s32(c, C_WRAP, g32(c, C_WRAP) | LIT_WEAK);
  return true;
}

/**
 * An option opening the value whose value runs (see optionCommand) ended at this space (optionPunct marked it): what
 * follows is judged as after its '=' (--upload-pack 'touch x', --to-command id, --use-compress-program /tmp/x.sh):
 * a command word, quote, $ or backtick by the system( watch (C_EXEC 2), a path by optionPunct.
 */
function execAfterSpace(st: usize, c: usize, start: u32, end: u32): void {
  const lw = load<u64>(st + ST_CMD2 + J_LW);
  s32(c, C_EXEC, 2 | (end << 2)); s32(c, C_EXEC_START, start - (<u32>lw & 0xff));
}

/** The mark C_PREV takes for a ':' at `start` glued to a ']' or to such a ':' (see cmdPunct), or 0. */
// @ts-ignore: decorator
@inline function colonMark(c: usize, start: u32, end: u32): u32 {
  const prev = g32(c, C_PREV);
  if (g32(c, C_LAST_END) != start || start == 0) return 0;
  return prev == 0x5d ? 0x13a : prev == 0x13a ? 0x23a | (end << 10) : 0;
}

/**
 * PowerShell's static method calls that start processes, load code or move data: [Diagnostics.Process]::Start(,
 * [Reflection.Assembly]::Load(, [ScriptBlock]::Create(, [IO.File]::ReadAllText( / WriteAllBytes(, [Convert]::FromBase64String(,
 * [Net.WebClient]::new().DownloadString( aside. The '(' is glued to a method name glued to "]::" (no prose or other language
 * writes that; [math]::Round( [Guid]::NewGuid( [DateTime]::Parse( name none of these methods).
 */
function staticCall(st: usize, c: usize, start: u32, end: u32): void {
  const lw = load<u64>(st + ST_CMD2 + J_LW);
  const len = <u32>lw & 0xff;
  // (the method glued to the "::" and to the '(')
  if (<u32>(lw >> 32) != start || (g32(c, C_PREV) >> 10) != (load<u32>(st + ST_LEX + LX_START) & 0x3fffff) || len < 4 || len > 23) return;
  const word = st + ST_LEX + LX_WORD;
  // the calls that start a process or run code count wherever they stand; those that only move data (decode, read or
  // write a file, read the environment, build an object) are what docs and tickets name ("To decode:
  // [Convert]::FromBase64String($encoded)"): they count only as a statement after a separator or inside $( (K_BRACKET),
  // or anywhere in a statement once the value went past a separator, a $( or powershell / iex code (K_CODE)
  if (inList(word, len, "start load loadfile loadfrom create invoke") ||
      ((g32(st + ST_CMD3, K_ANGLE) & (K_BRACKET | K_CODE)) != 0 &&
        inList(word, len, "createinstance frombase64string downloadstring downloadfile downloaddata readalltext readallbytes readalllines writealltext writeallbytes appendalltext getenvironmentvariable"))) {
    report(st, R_CMDI_EXEC_CALL, load<u32>(st + ST_LEX + LX_START) - 3, end); // (from the ]::)
  }
}

// @ts-ignore: decorator
@inline function cmdPunctBody(st: usize, c: usize, ch: u32, start: u32, end: u32): void {
  const j = st + ST_CMD2;
  // (the option chain: a '-' opening the value starts it, see optionPunct; only values that open with '-' pay for it)
  const opt = g32(st, ST_OPTION);
  if (opt != 0) optionPunct(st, opt, ch, start, end);
  else if (start == 0 && ch == 0x2d) s32(st, ST_OPTION, end);
  if (ch == 0x20) { if (!quiet(c, j) || (g32(st + ST_CMD3, K_ANGLE) & (K_PREFIX | K_TRUNC | K_NULLCMD)) != 0) cmdPunctFull(st, c, ch, start, end); }
  else if (ch < 0x80 && ((ch < 0x40 ? INERT_LO >> <u64>ch : INERT_HI >> <u64>(ch - 0x40)) & 1) != 0 &&
      (ch != 0x2d || g32(c, C_LAST_END) == start) && g32(c, C_PEXP) == 0 && !(ch == 0x29 && (g32(st + ST_CMD3, K_ANGLE) & K_CASE) != 0)) {
    if (!quiet(c, j)) {
      // (a command position from the value's start, a quote or '=' (1) or inside $( (3) survives only a path's '.' and
      // cmd.exe's @ after & or |, as in the full path's last section; after a separator (2) a '.' may start ./name: full path)
      const pos = g32(c, C_POS);
      if (pos == 2 || !quietButPos(c, j)) { cmdPunctFull(st, c, ch, start, end); return; }
      const prev = g32(c, C_PREV);
      if (!(ch == 0x2e || (ch == 0x40 && (prev == 0x26 || prev == 0x7c)))) s32(c, C_POS, 0);
    }
    s32(c, C_EXEC, ch == 0x2e ? groovyDot(c, j, g32(c, C_EXEC), start, end) : 0); s32(c, C_PREV, ch); s32(c, C_LAST_END, end);
  } else cmdPunctFull(st, c, ch, start, end);
}

/**
 * The word ending right before `at` ends a redirection's target (K_TRUNC) that names a file: a dotted name or a path, which
 * names the existing file the redirection empties (index.html, app.db, /var/www/x, ~/.bashrc), or a plain lower-case name
 * of two letters or more standing alone after the '>' (x|>file, x;>out), a Unix file name. A generated password's run
 * ("kgZed9msk;>oKUts", "Xc}1LuU0:bCIp;>g", "UrmrV+3pK|>_;291") gives neither.
 */
function truncTarget(st: usize, c: usize, j: usize, at: u32): bool {
  const lw = load<u64>(j + J_LW);
  const len = <u32>lw & 0xff;
  if (<u32>(lw >> 32) != at || at == 0 || digitsOnly(st + ST_LEX + LX_WORD, len)) return false;
  const p = g32(c, C_PREV);
  if (p == 0x2e || p == 0x2f) return true;
  if (p != 0x3e || len < 2 || at < len || !lettersOnly(st + ST_LEX + LX_WORD, len)) return false;
  for (let i = at - len; i < at; i++) if (rawUpper(st, i) == 1) return false; // (unknown: the more dangerous reading)
  return true;
}

/** K_TRUNC: a redirection alone where a command belongs after ; | & (see K_TRUNC); `ch` the byte read, before the rest. */
function truncPunct(st: usize, c: usize, j: usize, ch: u32, start: u32, end: u32): void {
  const k3 = st + ST_CMD3;
  const ka = g32(k3, K_ANGLE);
  const lw = load<u64>(j + J_LW);
  const wordBefore = <u32>(lw >> 32) == start && start != 0;
  if ((ka & K_TRUNC) == 0) {
    const p = g32(c, C_PREV);
    if ((ka & K_NULLCMD) != 0) { // ':' then '>' (x;:>f, x; : > f): see K_NULLCMD
      if (ch == 0x3e && !wordBefore) s32(k3, K_ANGLE, (ka & ~K_NULLCMD) | K_TRUNC);
      else if (ch != 0x20 || wordBefore) s32(k3, K_ANGLE, ka & ~K_NULLCMD);
      return;
    }
    const sep = g32(c, C_SUBST) == 0 && (p == 0x3b || p == 0x7c || p == 0x26);
    if (ch == 0x3a && sep && g32(c, C_POS) == 2 && !wordBefore) { s32(k3, K_ANGLE, ka | K_NULLCMD); return; }
    // (or after a file-descriptor digit read in that position: x;2>err.log)
    const fd = wordBefore && (<u32>lw & 0xfff) == 0x201 && <u32>load<u8>(st + ST_LEX + LX_WORD) - 0x30 < 10;
    if (ch == 0x3e && (fd || (g32(c, C_POS) == 2 && !wordBefore)) && sep) s32(k3, K_ANGLE, ka | K_TRUNC);
    return;
  }
  // '>>' appends, creating the file as '>' does; a third '>' is no redirection
  if (ch == 0x3e && !wordBefore && g32(c, C_PREV) == 0x3e && g32(c, C_LAST_END) == start && (ka & K_TRUNC2) == 0) { s32(k3, K_ANGLE, ka | K_TRUNC2); return; }
  if (ch == 0x3b || ch == 0x7c || ch == 0x26 || ch == 0x0a) {
    if (truncTarget(st, c, j, start)) report(st, R_CMDI_REDIRECTION, start - (<u32>lw & 0xff), start);
  } else if (ch == 0x3c || ch == 0x3e || (ch == 0x20 && wordBefore) || ch == 0x09) {} // (x; >_<, "x; > one of them": see K_TRUNC)
  else return; // (a space after the '>' itself, or a path's / . - ~ $ in the target)
  s32(k3, K_ANGLE, ka & ~(K_TRUNC | K_TRUNC2));
}

/** Punctuation past the fast paths of cmdPunct (which alone calls it). */
function cmdPunctFull(st: usize, c: usize, ch: u32, start: u32, end: u32): void {
  const j = st + ST_CMD2;
  if (ch == 0x3e || ch == 0x3a || (g32(st + ST_CMD3, K_ANGLE) & (K_TRUNC | K_NULLCMD)) != 0) truncPunct(st, c, j, ch, start, end);
  // An assignment's value or a redirection's target before the command word ends at this space: the command position
  // the separator opened is back (see K_PREFIX); read before the byte's other sections, whose early exits skip the rest
  const prefix0 = g32(st + ST_CMD3, K_ANGLE) & K_PREFIX;
  const restore = ch == 0x20 && prefix0 != 0 && (g32(st + ST_CMD3, K_ANGLE) & K_PREFIXQ) == 0;
  if (restore) { s32(st + ST_CMD3, K_ANGLE, g32(st + ST_CMD3, K_ANGLE) & ~K_PREFIX); s32(c, C_POS, 2); s32(c, C_POS_START, start); }
  else if (prefix0 != 0 && (ch == 0x27 || ch == 0x22)) s32(st + ST_CMD3, K_ANGLE, g32(st + ST_CMD3, K_ANGLE) ^ K_PREFIXQ);
  // '!' negates and a prefix word (see prefixWord) hands over only with a space after it: anything glued to them makes
  // one word (x;!$v: a command named "!…"; $(command): the builtin alone, which runs nothing)
  if (g32(c, C_POS) == 2 && g32(c, C_LAST_END) == start && start != 0 && ch != 0x20 && ch != 0x09) {
    const lw = load<u64>(j + J_LW);
    const glued = <u32>(lw >> 32) == start;
    if ((!glued && g32(c, C_PREV) == 0x21 && ch != 0x21) || (glued && prefixWord(st + ST_LEX + LX_WORD, <u32>lw & 0xff))) s32(c, C_POS, 0);
  }
  // a=b where the command word belongs (the name read in command position after a separator, $( or a backtick glued
  // to a word, not a code span standing apart in prose: `DEBUG=1 node app.js`): a prefix (x;a=b id, x;LANG=C cat f);
  // a name=value elsewhere (a query string, key=value lists) is not
  const sb = g32(c, C_SUBST);
  const prefixPos = sb == 0 || sb == 2 || sb == 3;
  if (ch == 0x3d && prefixPos) {
    const lw = load<u64>(j + J_LW);
    if (<u32>(lw >> 32) == start && start != 0 && ((<u32>lw >> 8) & 0xf) == 2) s32(st + ST_CMD3, K_ANGLE, (g32(st + ST_CMD3, K_ANGLE) & ~K_PREFIXQ) | K_PREFIX);
  }
  if (ch == 0x28 && (g32(c, C_PREV) & 0x3ff) == 0x23a && g32(c, C_LAST_END) == start) staticCall(st, c, start, end); // ]::Start(

  // a backtick after a pending strong command or wrapper is its argument (echo `id`, time `id`) (as on entry: the
  // joiner and step below may change C_CMD)
  const cmdBefore = ch == 0x60 && (g32(c, C_CMD) == 1 || (g32(c, C_CMD) == 2 && (g32(c, C_WRAP) & 1) != 0)); // (read only for a backtick)
  const k3 = st + ST_CMD3;
  const cls = <u32>load<u8>(CMD_CLASS + <usize>ch);
  // The joiner, glob and brace sections: with their region at rest (J_ACT G_ON J_BRACEX J_BRCMD zero) and no one-letter
  // word after x` waiting (K_TICK 3), only the glue, '{' and '/' start one of them; other bytes skip them all
  if ((cls & CB_JOIN) != 0 || v128.any_true(v128.load(j)) || g32(k3, K_TICK) == 3) {
    // shell-word joiner
    if (g32(k3, K_TICK) == 3) { // x`e: the letter is PowerShell's escaped letter only when a backtick is glued to it (i`e`x)
      s32(k3, K_TICK, 1);
      if (!(ch == 0x60 && g32(j, J_END) == start) && g32(j, J_ACT) != 0) splitTick(k3, j, st + ST_LEX + LX_WORD, 1);
    }
    // x`"w"hoami`, x`$0 -c id`: a quote, '$' or '\' right after an opening backtick glued to a word starts the substitution's
    // shell word there, as a word does (cmdWord)
    if (g32(j, J_ACT) != 0 && g32(k3, K_SPLIT) == start + 1 && (ch == 0x27 || ch == 0x22 || ch == 0x24 || ch == 0x5c)) { s32(k3, K_SPLIT, 0); splitTick(k3, j, 0, 0); }
    if (g32(j, J_ACT) != 0) {
      const mode = g32(j, J_MODE);
      let cont = g32(j, J_END) == start;
      if (cont) {
        if (mode == 1) {
          if (ch == 0x28) s32(j, J_MODE, 2); else if (ch == 0x7b) s32(j, J_MODE, 3);
          else if (ch == 0x40 || ch == 0x2a || ch == 0x3f || ch == 0x21 || ch == 0x2d || ch == 0x23 || ch == 0x24) s32(j, J_MODE, 0);
          else if (ch == 0x27 || ch == 0x22) { s32(j, J_MODE, 0); quoteSeen(j, ch); } // $'..' $".." quoting
          else cont = false;
        } else if (mode == 2) { if (ch == 0x29) s32(j, J_MODE, 0); else if (ch == 0x3a) s32(j, J_MODE, 6); else cont = false; }
        else if (mode == 6) { if (ch == 0x29) s32(j, J_MODE, 0); else cont = false; } // $(:) runs the no-op: empty, as $() is
        else if (mode == 3 || mode == 7) {
          // ${x:-w} ${x-w} ${x:=w} ${x=w}: unset in an attack, x expands to the word w (mode 8, appended: ${x:-c}at is cat);
          // ${x:+w} ${x+w} to nothing, or to w when x is set: w is read only when the expansion opens the word (${PATH+id}),
          // dropped inside one (i${x:+y}d is id); ${x?w} ${x:?w} stop the shell or expand x (dropped)
          const named = mode == 7 || <u32>(load<u64>(j + J_LW) >> 32) == start;
          if (ch == 0x7d && mode == 3) s32(j, J_MODE, 0);
          // ${a[0]} ${a[@]}: an element of a bash array (x;a=(id);${a[0]}), read as ${a} is: its subscript is mode 10
          else if (named && ch == 0x5b && mode == 3) s32(j, J_MODE, 10);
          else if (named && ch == 0x3a && mode == 3) s32(j, J_MODE, 7);
          else if (named && (ch == 0x2d || ch == 0x3d)) s32(j, J_MODE, 8);
          else if (named && ch == 0x2b) s32(j, J_MODE, g32(j, J_LEN) == 0 ? 8 : 9);
          else if (named && ch == 0x3f) s32(j, J_MODE, 9);
          // ${x} ${@} ${*}: the special parameters are read like $@ $* (mode 1)
          else if (mode == 7 || !(ch == 0x40 || ch == 0x2a || ch == 0x3f || ch == 0x21 || ch == 0x2d || ch == 0x23 || ch == 0x24)) cont = false;
        }
        else if (mode == 8 || mode == 9) { // the default's word: '}' closes it; a space splits it (${x:-cat f} runs cat f)
          if (ch == 0x7d) s32(j, J_MODE, 0);
          else if (ch == 0x20 || (mode == 8 && !isGlue(ch))) cont = false;
          else if (ch == 0x27 || ch == 0x22) quoteSeen(j, ch);
        }
        else if (mode == 5) { if (ch == 0x7d) s32(j, J_MODE, 0); else if (ch == 0x20) cont = false; } // c{a,oun}t: later elements drop out
        else if (mode == 10) { if (ch == 0x5d) s32(j, J_MODE, 3); else if (ch == 0x20) cont = false; } // ${a[ ... ]
        else if (mode == 4 && ch == 0x2c) {                                                              // {,x}: an empty first element
          const n = g32(j, J_LEN);
          // {"cmd",arg}: an element that is a command by itself (and began the word) is the command; {l,-x}s joins on
          if (n != 0 && n <= J_MAX && g32(j, J_START) + 1 == g32(j, J_BRSTART) && (joinFlags(j, n) & (K_C_STRONG | K_C_WEAK)) != 0) { s32(j, J_MODE, 0); cont = false; }
          else if (n != 0) s32(j, J_MODE, 5);
        }
        else if (mode == 4 && ch == 0x7d) s32(j, J_MODE, 0);
        else if (mode == 0 && ch == 0x7b) s32(j, J_MODE, 4);
        // i\<newline>d: a backslash before a newline continues the line, both removed from the word (the newline is also
        // read as a separator below: both readings are scanned). (Not the newline literalNewline reads in a word \nid:
        // the lexer's word starts there)
        else if (ch == 0x0a && g32(c, C_PREV) == 0x5c && <u32>(load<u64>(j + J_LW) >> 32) != start && load<u32>(st + ST_LEX + LX_START) != start) {}
        else if (ch == 0x24) s32(j, J_MODE, 1);
        else if (!isGlue(ch)) cont = false;
        else if (ch == 0x27 || ch == 0x22) quoteSeen(j, ch);
        else if (ch == 0x5d) { // [c]at: the bracket closes inside the word; a ']' that no '[' opened is a literal ("| Date]")
          if ((g32(j, J_QUOTES) & 0x30000) == 0) s32(j, J_LEN, J_MAX + 1);
          s32(j, J_QUOTES, g32(j, J_QUOTES) & ~0x70000); // (the bracket marks and the backtick restart go; the JQ_* bits stay)
        }
        else if (ch == 0x5b) s32(j, J_QUOTES, g32(j, J_QUOTES) | 0x20000); // ca[t]
      }
      if (cont) {
        s32(j, J_END, end); s32(j, J_GLUE, g32(j, J_GLUE) + 1); s32(j, J_MID, g32(j, J_MID) | 1);
        if (ch != 0x27 && ch != 0x22) s32(j, J_QUOTES, g32(j, J_QUOTES) | JQ_NOLIT);
      }
      else joinEnd(st, c, j);
    }
    if (g32(j, J_ACT) == 0 && (isGlue(ch) || ch == 0x7b)) { // '{': brace expansion, the first element takes part in the word
      s32(j, J_ACT, 1); s32(j, J_GLUE, 1); s32(j, J_END, end); s32(j, J_MODE, ch == 0x24 ? 1 : ch == 0x7b ? 4 : 0); s32(j, J_MID, 1);
      s32(j, J_QUOTES, ch == 0x27 ? 1 | JQ_SQ : ch == 0x22 ? 1 | JQ_DQ : JQ_NOLIT); s32(j, J_VAR, 0);
      s32(j, J_POSSTART, g32(c, C_POS_START));
      const lw64 = load<u64>(j + J_LW);
      const lw = <u32>lw64;
      const lwl = lw & 0xff;
      if (<u32>(lw64 >> 32) == start && lwl != 0) {
        s32(j, J_LEN, 0);
        joinAppend(j, st + ST_LEX + LX_WORD, lwl);
        s32(j, J_START, load<u32>(st + ST_LEX + LX_START));
        s32(j, J_POS, (lw >> 8) & 0xf); s32(j, J_BIN, lw >> 12);
        if (ch == 0x5d) s32(j, J_LEN, J_MAX + 1); // Date]: a ']' no '[' opened leaves the word literal
        else if (ch == 0x5b) s32(j, J_QUOTES, 0x20000 | JQ_NOLIT); // ca[t]
      } else {
        s32(j, J_LEN, 0); s32(j, J_START, start); s32(j, J_POS, ch == 0x60 ? 2 : g32(c, C_POS)); s32(j, J_BIN, 0); // `cmd: the backtick opens a position
        if (ch == 0x5b) s32(j, J_QUOTES, 0x10000 | JQ_NOLIT); // a word opened by '[' (see joinEnd)
        if (ch == 0x60 && g32(c, C_POS) != 2) s32(j, J_POSSTART, start); // (after a separator the position opened there: ;`who`)
      }
    }
    // x`cmd`: an opening backtick glued to a word joins them only if the substitution is empty (wh``oami);
    // a word right after it starts the substitution's command instead (cmdWord)
    if (ch != 0x60) {} // (both tests below are for a backtick)
    else if (g32(k3, K_TICK) == 0 && g32(j, J_ACT) != 0 && g32(j, J_LEN) != 0) { s32(k3, K_SPLIT, end + 1); s32(k3, K_SPLIT_AT, start); }
    // '`cmd`, "`cmd`: a backtick glued after quotes alone opens the substitution there (inside "…" it runs whatever quote
    // came before it: "'`sleep 5`'"); the shell word to read starts at the backtick, as it does with no quote before it
    else if (g32(k3, K_TICK) == 0 && g32(j, J_ACT) != 0 && g32(j, J_LEN) == 0 && g32(j, J_MODE) == 0 && g32(j, J_VAR) == 0 &&
             (g32(j, J_QUOTES) & 0x30000) == 0 && (g32(j, J_QUOTES) & JQ_COUNT) != 0) {
      s32(j, J_START, start); s32(j, J_POS, 2); s32(j, J_QUOTES, 0x40000 | JQ_NOLIT); s32(j, J_GLUE, 1); s32(j, J_MID, 1); // (the substitution quotes afresh: no quote open in it)
      if (g32(c, C_POS) != 2) s32(j, J_POSSTART, start);
    }
    // glob path segments
    if (ch == 0x2f && (g32(j, G_ON) == 0 || g32(j, G_BR) == 0)) {
      const on = g32(j, G_ON) != 0;
      if (on) globEnd(st, j, true, start);
      const gs = on ? g32(j, G_START) : start;
      const isbin = on && g32(j, G_ISBIN) != 0 && g32(j, G_NPART) == 1;
      v128.store(j + G_QM, i32x4.splat(0)); v128.store(j + G_QM + 16, i32x4.splat(0)); s32(j, G_QM + 32, 0); // G_QM to G_NPART (no native call)
      s32(j, G_ON, 1); s32(j, G_AFTERBIN, isbin ? 1 : 0); s32(j, G_START, gs)
      s32(j, G_QLAST, 0);
    } else if (g32(j, G_ON) != 0) {
      const br = g32(j, G_BR);
      let inSeg = true;
      if (ch == 0x3f) { if (br == 1 || br >= 2) s32(j, G_BR, 3); else s32(j, G_QM, g32(j, G_QM) + 1); }
      else if (ch == 0x2a) { if (br != 0) s32(j, G_BR, 3); else s32(j, G_STAR, g32(j, G_STAR) + 1); }
      else if (ch == 0x5b) { if (br == 0) s32(j, G_BR, 1); else inSeg = false; }
      else if (ch == 0x5d && br >= 2) { if (br == 3) s32(j, G_CLS, g32(j, G_CLS) + 1); s32(j, G_BR, 0); }
      else if (ch == 0x2f) s32(j, G_BR, 3); // a '/' inside [..] matches nothing but hides the name: /[e/]tc
      else if ((ch == 0x21 || ch == 0x2d || ch == 0x5e) && br != 0) { if (br == 1 && ch != 0x2d) {} else s32(j, G_BR, 3); }
      else inSeg = false;
      if (inSeg) { s32(j, G_NPART, g32(j, G_NPART) + 1); s32(j, G_QLAST, ch == 0x3f ? 1 : 0); }
      else { globEnd(st, j, false, start); s32(j, G_ON, 0); }
    }
    // brace expansion: {cmd,  {,cmd
    const brc = g32(j, J_BRCMD);
    if (brc != 0) {
      if ((brc & 0x7fffffff) == start + 1 && (ch == 0x2c || (ch == 0x7d && (brc >> 31) == 0))) report(st, R_CMDI_COMMAND_SUBSTITUTION, g32(j, J_BRSTART) - 1, end);
      s32(j, J_BRCMD, 0);
    }
    if (ch == 0x2c && g32(j, J_BRACEX) == 1 && g32(c, C_LAST_END) == start) { s32(j, J_BRACEX, 2); s32(c, C_PREV, ch); s32(c, C_LAST_END, end); return; }
    if (ch != 0x7b && g32(j, J_BRACEX) != 0) s32(j, J_BRACEX, 0);
  }
  const ex = g32(c, C_EXEC);
  // (a word between two '=' makes the second one a value's start too: --checkpoint-action=exec=sh x, a=b=c; only
  // "==" glued together is an operator)
  const wordEq = <u32>(load<u64>(j + J_LW) >> 32) == start;
  // The exec( watch and the early exits: with no watch on, only . ' " space = and the neutral bytes act here
  if (ex != 0 || (cls & CB_EARLY) != 0) {
    if (ex != 0) { // system(  then a quote, $var or backtick
      const es = ex & 3, adj = (ex >> 2) == start;
      if (es == 1 && adj && ch == 0x28) s32(c, C_EXEC, 2 | (end << 2));
      else if (es == 3 && adj && ch == 0x28 && (g32(c, C_EXEC_START) >> 31) == 0) { report(st, R_CMDI_EXEC_CALL, g32(c, C_EXEC_START), end); s32(c, C_EXEC, 0); } // getRuntime(
      else if (es == 2 && adj && (ch == 0x27 || ch == 0x22) && (g32(c, C_EXEC_START) >> 31) != 0) s32(c, C_EXEC, 3 | (end << 2)); // exec(' : the word decides
      else if (es == 2 && adj && (ch == 0x27 || ch == 0x22 || ch == 0x24 || ch == 0x60) && (g32(c, C_EXEC_START) >> 31) == 0) { report(st, R_CMDI_EXEC_CALL, g32(c, C_EXEC_START), end); s32(c, C_EXEC, 0); }
      else if (es == 2 && ch == 0x20 && adj) s32(c, C_EXEC, 2 | (end << 2));
      // --exec=id, --checkpoint-action=exec=id: the exec( watch's word is an option here (see optionCommand)
      else if (es == 1 && adj && ch == 0x3d && (load<u32>(j + J_LW) & 0xff) == 4 && wordIs(st + ST_LEX + LX_WORD, 4, "exec") && optionChain(st, start, end)) {
        s32(c, C_EXEC, 2 | (end << 2)); s32(c, C_EXEC_START, g32(c, C_EXEC_START) & 0x7fffffff);
        s32(st, ST_OPTION, end | 0x40000000); // (a path given to it: see optionPunct)
      }
      else s32(c, C_EXEC, 0);
    }
    // -oProxyCommand=id, --upload-pack=id: the tool runs the option's value as a command line (argument injection); judged
    // like system( (state 2) (-oProxyCommand is one word: the option letter glued to the name; see optionCommand)
    else if (ch == 0x3d && <u32>(load<u64>(j + J_LW) >> 32) == start &&
        optionCommand(st + ST_LEX + LX_WORD, load<u32>(j + J_LW) & 0xff, optionChain(st, start, end))) {
      s32(c, C_EXEC, 2 | (end << 2)); s32(c, C_EXEC_START, start - (load<u32>(j + J_LW) & 0xff));
      // opening the value, its value may also be a path to a program (see optionPunct); not --prefix=/usr/local (configure's)
      const lw = load<u32>(j + J_LW) & 0xff;
      if (g32(st, ST_OPTION) == end && !(lw == 6 && wordIs(st + ST_LEX + LX_WORD, 6, "prefix"))) s32(st, ST_OPTION, end | 0x40000000);
    }
    if (ch == 0x2e) s32(c, C_EXEC, groovyDot(c, j, ex, start, end));
    else if ((ch == 0x22 || ch == 0x27) && g32(c, C_EXEC) == 0 && g32(c, C_LAST_END) == start && start != 0) s32(c, C_EXEC, end << 2); // (see groovyDot)
    if (ch == 0x20 && idle(c)) return;
    if (neutral(ch) && idle(c) && !((ch == 0x22 || ch == 0x27) && g32(c, C_PREV) == 0x3d)) { s32(c, C_PREV, ch); s32(c, C_LAST_END, end); return; }
    if (ch == 0x3d && idle(c)) { // name=value: the value starts a command line as the whole input would
      if (g32(c, C_LAST_END) == start && (g32(c, C_PREV) != 0x3d || wordEq)) { s32(c, C_POS, 1); s32(c, C_POS_START, end); }
      s32(c, C_DOLLAR, 0); s32(c, C_PREV, ch); s32(c, C_LAST_END, end); return;
    }
  }
  if (g32(c, C_CMD) != 0) step(st, c, false, ch, 0, 0, start, end, 0); // (step returns at once with no command pending)
  // The parameter-expansion sections: with C_PEXP and C_BRACE at rest only ' ( ) act (a $' quote, $(( and $())
  if ((g32(c, C_PEXP) | g32(c, C_BRACE)) != 0 || (cls & CB_PEXP) != 0) {
    // parameter expansion with an operator: ${x#p} ${x%p} ${x/a/b} ${x^} ${x,} ${x@Q} ${x:1} ${!x} ${#x}
    const pexp = g32(c, C_PEXP);
    if ((pexp & 0x40000000) != 0) { // $'\x69\x64' $'\151': ANSI-C quoting spelling bytes as escapes
      if ((pexp & 0x3fffffff) - 1 == start && ch == 0x5c) report(st, R_CMDI_COMMAND_SUBSTITUTION, start, end);
      s32(c, C_PEXP, 0);
    } else if (pexp != 0) {
      const at = (pexp & 0x7fffffff) - 1 == start;
      if (at && (pexp >> 31) == 0 && (ch == 0x23 || ch == 0x25 || ch == 0x2f || ch == 0x5e || ch == 0x2c || ch == 0x40)) report(st, R_CMDI_COMMAND_SUBSTITUTION, start, end);
      s32(c, C_PEXP, at && (pexp >> 31) == 0 && ch == 0x3a ? (end + 1) | 0x80000000 : 0);
    }
    if (ch == 0x27 && g32(c, C_DOLLAR) != 0 && g32(c, C_DOLLAR) - 1 == start) s32(c, C_PEXP, (end + 1) | 0x40000000);
    const brc0 = g32(c, C_BRACE);
    // (${: with no name is Log4j's default-value lookup, ${::-j}: bash calls it a bad substitution)
    if (brc0 != 0 && brc0 - 1 == start && (ch == 0x21 || ch == 0x23 || ch == 0x3a)) report(st, R_CMDI_COMMAND_SUBSTITUTION, start, end);
    // $(( arithmetic and the empty $(): shell-only syntax
    if ((ch == 0x28 || ch == 0x29) && g32(c, C_SUBST) == 2 && g32(c, C_PREV) == 0x28 && g32(c, C_LAST_END) == start && g32(c, C_POS) == 2) {
      report(st, R_CMDI_COMMAND_SUBSTITUTION, g32(c, C_POS_START), end);
    }
  }
  const last = g32(c, C_LAST_END);
  const adjacent = last == start;
  const isSpace = ch == 0x20;
  const pct = g32(c, C_PCT);
  // multi-step trackers. Fast path: with the shell-flag, redirection, /bin/, <!--#, %name%, newline and '{'/'-' trackers
  // all at rest, a byte none of them takes up (> < / \ % { - newline space) leaves them at rest: each section below
  // would only store the 0 already there (the same stores; the '<' count's reset reads none of them)
  // (C_BIN C_SHELL C_REDIR C_SSI C_PCT C_NL C_NLTAG C_LBRACE are bytes 16-47: two vector loads)
  if ((cls & CB_TRACKED) != 0 || v128.any_true(v128.or(v128.load(c, C_BIN), v128.load(c, C_PCT)))) {
    const sh = g32(c, C_SHELL);
    if (sh == 1) s32(c, C_SHELL, isSpace || (ch == 0x2c && adjacent) ? 2 : ch == 0x2e && adjacent ? 4 : 0); // sh -c, sh,-c (argv lists)
    else if (sh == 2) s32(c, C_SHELL, (ch == 0x2d || ch == 0x2f) ? 3 : isSpace ? 2 : 0);
    else if (sh == 5 || sh == 6) s32(c, C_SHELL, isSpace ? 6 : 0);
    else if (sh != 0 && !(sh == 3 && ch == 0x2d)) s32(c, C_SHELL, 0);
    let rd = g32(c, C_REDIR);
    // <(^.^)> <( ^_^ )>: a process substitution whose command starts with '^' runs a command no system has (a face);
    // anything else after '<(' may name or build one (a word, quote, $, backtick, backslash, path, glob): reported, and the
    // byte then read as usual (a space keeps waiting)
    const subWait = (rd == 12 || rd == 13 || rd == 17) && isSpace;
    if (rd == 12 && !isSpace) {
      if (ch != 0x5e) report(st, R_CMDI_REDIRECTION, g32(c, C_RD_START), end);
      s32(c, C_REDIR, 0); rd = 0;
    }
    // $(< then a path, a home, a dotted name, an expansion or a quoted name (a word: see cmdWordFull): the file it reads
    if (rd == 16) { // $(<D then anything but ')' names a longer file (see cmdWordFull)
      if (ch != 0x29) report(st, R_CMDI_COMMAND_SUBSTITUTION, g32(c, C_RD_START), end);
      s32(c, C_REDIR, 0); rd = 0;
    }
    // x`<secret.txt`, x`< secret.txt`: a '<' where a backtick's command word belongs reads the file as $(< does; a name
    // there counts when the closing backtick ends it, glued, after a name or a path's bytes (html`<div>`, a tagged
    // template's markup, stays; so does an unclosed one, "aF0J`<G.mvl8NI/e": sh rejects it, nothing runs)
    let tickPath = false;
    if (rd >= 17 && rd <= 19 && !isSpace && adjacent && ch == 0x60 && rd != 17) { report(st, R_CMDI_COMMAND_SUBSTITUTION, g32(c, C_RD_START), end); s32(c, C_REDIR, 0); rd = 0; }
    else if ((rd == 17 || rd == 18 || rd == 19) && !isSpace) {
      const pathByte = ch == 0x2e || ch == 0x2f || ch == 0x2d || ch == 0x5f || ch == 0x7e || ch == 0x24 || ch == 0x27 || ch == 0x22 || ch == 0x5b || ch == 0x5d || ch == 0x2a || ch == 0x3f; // (a glob names the file too: x`<[s]ecret.txt`)
      tickPath = pathByte && (rd == 17 || adjacent); s32(c, C_REDIR, 0); rd = 0;
    }
    if (rd == 13 && !isSpace) {
      // (and a glob that names it, $(<[s]ecret.txt), $(<*.env), $(<?ecret): bash expands the redirection's word to the one file)
      if (ch == 0x2f || ch == 0x2e || ch == 0x7e || ch == 0x24 || ch == 0x27 || ch == 0x22 || ch == 0x5c || ch == 0x60 || ch == 0x5b || ch == 0x2a || ch == 0x3f) report(st, R_CMDI_COMMAND_SUBSTITUTION, g32(c, C_RD_START), end);
      s32(c, C_REDIR, 0); rd = 0;
    }
    if (subWait) {}
    else if (ch == 0x3e || (ch == 0x3c && !(rd != 0))) {
      // 8: a '>' closing an earlier '<' (Array<T>(x), <b>(x)) or ending an arrow => ->: no process substitution
      const angles = g32(k3, K_ANGLE) & 0xff;
      const pp = g32(c, C_PREV);
      // (also a '>' glued to a name, a closing bracket or a quote: the end of a generic whose '<' a '|' inside it
      // reset, toExtend<string | number>())
      const afterName = <u32>(load<u64>(j + J_LW) >> 32) == start;
      const glued = adjacent && start != 0 && (afterName || pp == 0x5d || pp == 0x29 || pp == 0x7d || pp == 0x27 || pp == 0x22);
      const closes = ch == 0x3e && (angles != 0 || glued || (adjacent && (pp == 0x3d || pp == 0x2d) && !afterName));
      const list = g32(k3, K_ANGLE) & ~0xff;
      if (ch == 0x3c) s32(k3, K_ANGLE, list | (angles < 255 ? angles + 1 : angles)); else if (angles != 0) s32(k3, K_ANGLE, list | (angles - 1));
      s32(c, C_REDIR, closes ? 9 : 1); s32(c, C_RD_START, start);
    } else if (rd == 1 && ch == 0x28 && adjacent) s32(c, C_REDIR, 12);
    // <<< a here-string: cmd<<<word feeds the word to the command (tr a-y b-z<<<hc), bash-only syntax; a fourth '<' or a
    // space after it ("<<<<<<< HEAD", "<<< Back") is none (14 after "<<", 15 after "<<<": a word, quote or $ glued reports)
    else if (ch == 0x3c && adjacent && (rd == 1 || rd == 14) && g32(c, C_PREV) == 0x3c) s32(c, C_REDIR, rd == 1 ? 14 : 15);
    else if (rd == 15 && adjacent && (ch == 0x27 || ch == 0x22 || ch == 0x24)) { report(st, R_CMDI_REDIRECTION, g32(c, C_RD_START), end); s32(c, C_REDIR, 0); }
    else if ((rd == 9 && ch == 0x28 && adjacent) || (rd == 10 && ch == 0x29 && adjacent)) s32(c, C_REDIR, rd + 1); // pi>()ng: an empty one inside a word
    else if (((rd & 7) == 1 || rd == 2) && isSpace) s32(c, C_REDIR, 2);
    else if (((rd & 7) == 1 || rd == 2) && ch == 0x2f) s32(c, C_REDIR, g32(c, C_PREV) == 0x3c && (rd & 7) == 1 ? 0 : 3);
    else if (!(rd == 3 && ch == 0x2f)) s32(c, C_REDIR, 0);
    if (tickPath) s32(c, C_REDIR, 19);
    // $(<file), $( < file): a '<' where the command word of a $( belongs, with nothing before it (bash then substitutes the
    // file's text: $(<.env), $(</etc/passwd) — a '<' glued to a '/' there is no closing tag)
    if (ch == 0x3c && !subWait && g32(c, C_SUBST) == 2 && g32(c, C_POS) == 2 && g32(c, C_PREV) == 0x28) { s32(c, C_REDIR, 13); s32(c, C_RD_START, g32(c, C_POS_START)); }
    else if (ch == 0x3c && !subWait && g32(c, C_SUBST) == 3 && g32(c, C_POS) == 2 && g32(c, C_PREV) == 0x60 && g32(k3, K_TICK) != 0) { s32(c, C_REDIR, 17); s32(c, C_RD_START, g32(c, C_POS_START)); }
    // (a '<' right after a '>' that closed one, or after a space there, opens another: </p><p class="x">, <b> <i>; counted
    // for the '>' that closes it, see the markup tag in step)
    if (ch == 0x3c && (rd == 9 || rd == 2)) { const ka = g32(k3, K_ANGLE); if ((ka & 0xff) < 255) s32(k3, K_ANGLE, ka + 1); }
    // /bin/
    const bin = g32(c, C_BIN);
    if (ch == 0x2f || ch == 0x5c) {
      if ((bin == 2 || bin == 4) && adjacent) s32(c, C_BIN, 3);
      else { s32(c, C_BIN, 1); s32(c, C_BIN_START, start); }
    }
    // (quotes glued inside or before a directory's name: the shell drops them, /usr/bi''n and /usr/'bin' are /usr/bin — see
    // BIN_SPELLED; the joined word then starts at the quote)
    else if ((ch == 0x27 || ch == 0x22) && adjacent && (bin == BIN_SPELLED || bin == 3)) s32(c, C_BIN, BIN_SPELLED);
    // (and after one: /usr/bin''/id is /usr/bin/id — red team rt29)
    else if ((ch == 0x27 || ch == 0x22) && adjacent && bin == 2) {}
    // /usr/*/id, /*/whoami: a directory of wildcards alone, at the root or in a bin directory, matches bin and sbin as
    // the shell expands it (state 4; not after a name's '/', src/*/test: a pattern of a project's files)
    else if ((ch == 0x2a || ch == 0x3f) && adjacent &&
             (bin == 3 || bin == 4 || (bin == 1 && <u32>(load<u64>(st + ST_CMD2 + J_LW) >> 32) != g32(c, C_BIN_START)))) s32(c, C_BIN, 4);
    // a '$' glued inside the path (/usr/bin$u/id, /$u/bin/id): the name after it decides (see cmdWordFull); ${name} as well
    else if (ch == 0x24 && adjacent && bin != 0 && bin < BIN_VAR) s32(c, C_BIN, bin | BIN_VAR);
    else if (ch == 0x7b && adjacent && bin >= BIN_VAR && bin < BIN_VAR_BRACE) s32(c, C_BIN, (bin & 0xf) | BIN_VAR_BRACE);
    else if (ch == 0x7d && adjacent && bin >= BIN_VAR_END) s32(c, C_BIN, bin & 0xf);
    else s32(c, C_BIN, 0);
    // <!--#
    const ssi = g32(c, C_SSI);
    if (ch == 0x3c) { s32(c, C_SSI, 1); s32(c, C_SSI_START, start); }
    else if (adjacent && ((ssi == 1 && ch == 0x21) || ((ssi == 2 || ssi == 3) && ch == 0x2d) || (ssi == 4 && ch == 0x23))) s32(c, C_SSI, ssi + 1);
    else s32(c, C_SSI, 0);
    // %name%
    if (ch == 0x25) {
      if (pct == 2 && adjacent) report(st, R_CMDI_WINDOWS_BATCH, g32(c, C_PCT_START), end);
      // x&%CD%\a.exe: cmd.exe expands the variable where the command's name starts, so the path it opens names the
      // program (kind 11 as after '&', the variable its first segment; see winPath)
      else if (pct == 6 && adjacent && g32(c, C_CMD) == 0) {
        s32(c, C_CMD, 11); s32(c, C_CMD_STEP, 3); s32(c, C_CMD_START, g32(c, C_PCT_START)); s32(c, C_CMD_END, end); s32(c, C_CMD_POS, 2); s32(c, C_WRAP, WIN_REL);
      }
      s32(c, C_PCT, g32(c, C_POS) == 2 ? (g32(c, C_PREV) == 0x3b ? 7 : 5) : 1); s32(c, C_PCT_START, start);
    } else if ((pct == 2 || pct == 3 || pct == 6) && ch == 0x3a && adjacent) s32(c, C_PCT, 4);
    else if (pct == 4 && ch == 0x7e && adjacent) { report(st, R_CMDI_WINDOWS_BATCH, g32(c, C_PCT_START), end); s32(c, C_PCT, 0); } // %name:~n,m% substring
    else s32(c, C_PCT, 0);

    const nlTag = g32(c, C_NLTAG);
    const mailWait = nlTag >= 3 && isSpace && (nlTag & 7) != 5 && (nlTag & 7) != 6;
    if (mailWait) s32(c, C_NLTAG, 4 | (nlTag & ~7)); // a mail verb that is also English: what follows it decides (see mailArg)
    else if (nlTag >= 3) {
      const ps = nlTag & 7;
      // (6: a verb and its word with no tag: only the line's end)
      // (TOP then punctuation: no message number, see cmdWordFull)
      if (ps == 6 ? ch == 0x0d || ch == 0x0a : mailArg(ps, ch, adjacent) && !(ps == 4 && (g32(c, C_NL) & NL_NUMERIC) != 0)) report(st, R_CMDI_MAIL_COMMAND, (g32(c, C_NL) & ~NL_FLAGS) - 2, ps == 5 ? end : nlTag >> 3);
      s32(c, C_NLTAG, 0); s32(c, C_NL, 0);
    }
    if (mailWait) {}
    else if (ch == 0x0a) { s32(c, C_NL, end + 1); s32(c, C_NLTAG, 0); }
    else if (isSpace && g32(c, C_NLTAG) == 1) s32(c, C_NLTAG, 2);
    else if (!(isSpace && g32(c, C_NL) == start + 1)) { s32(c, C_NL, 0); s32(c, C_NLTAG, 0); }
    else s32(c, C_NL, end + 1);
    s32(c, C_LBRACE, ch == 0x7b ? end + 1 : ch == 0x2d && (!adjacent || g32(c, C_FRESH) != 0) ? (end + 1) | 0x80000000 : 0); // ' -': an option dash (or one opening the value: -e sh)
  }
  if ((cls & CB_SEP) != 0) { // a separator closes every '<'; a ';' glued after a word or a closing quote counts as a list's (see listField)
    const lists = (g32(st + ST_CMD3, K_ANGLE) >> 8) & 3;
    const field = ch == 0x3b && adjacent && start != 0 &&
      (<u32>(load<u64>(j + J_LW) >> 32) == start || g32(c, C_PREV) == 0x22 || g32(c, C_PREV) == 0x27);
    // (K_LINE stays over the pipeline's '|', not over || or another separator: Get-Date; x | Get-ChildItem C:\Users)
    const line = ch == 0x7c && !(adjacent && g32(c, C_PREV) == 0x7c) ? K_LINE : 0;
    s32(st + ST_CMD3, K_ANGLE, (g32(st + ST_CMD3, K_ANGLE) & (line | K_COMPOUND | K_CASE)) | K_CODE | (field ? (lists < 3 ? lists + 1 : 3) << 8 : 0));
  }
  // () {  — a function definition
  const fn = g32(c, C_FUNC);
  // A name in command position (x() {, function x() {), a name of punctuation (:(){ ), "()" itself in command
  // position (the Shellshock "() {") or a body glued to "()" (main(){): a definition. A word out of command
  // position before "() {" is a method in code prose (async function main() {, constructor() {): states 3, 4.
  if (fn == 0 && ch != 0x28) {} // (at rest, only '(' starts one: every branch below would store the 0 already there)
  else if (fn == 9 && isSpace) {}
  else if (fn == 9) { if (ch != 0x7d) report(st, R_CMDI_FUNCTION_DEFINITION, g32(c, C_FUNC_START), end); s32(c, C_FUNC, 0); }
  else if (ch == 0x28 && (fn == 8 || fn == 12)) { s32(c, C_FUNC, 5); s32(c, C_FUNC_START, start); }
  // x;f()(id);f — a body in a subshell, as sh allows any compound command there: a command word opening it is a
  // definition, as after '{' (state 7; red team rt29 ran Make()(id);Make, Foo()(id);Foo in bash, dash and busybox)
  else if (ch == 0x28 && (fn == 2 || fn == 6)) s32(c, C_FUNC, 7);
  else if (ch == 0x28) {
    const lw = load<u64>(j + J_LW);
    const word = <u32>(lw >> 32) == start && start != 0;
    const named = word ? ((<u32>lw >> 8) & 0xf) != 0 : adjacent && g32(c, C_FRESH) == 0 || g32(c, C_POS) != 0;
    s32(c, C_FUNC, named ? 1 : 3); s32(c, C_FUNC_START, start);
  }
  else if ((fn == 1 || fn == 3 || fn == 5) && ch == 0x29 && adjacent) s32(c, C_FUNC, fn + 1);
  else if ((fn == 2 || fn == 6 || fn == 7) && isSpace) {}
  // (a name before "() {" is also a method in code prose, "constructor() { this.x(); }", "collect() {": the body's
  // first event decides (9, see jsBodyWord): a JavaScript statement word or '}' is code; the Shellshock
  // "() {" with no name reports at once)
  else if (fn == 2 && ch == 0x7b && <u32>(load<u64>(j + J_LW) >> 32) == g32(c, C_FUNC_START) && g32(c, C_FUNC_START) != 0) s32(c, C_FUNC, 9);
  else if ((fn == 2 || (fn == 4 && adjacent)) && ch == 0x7b) { report(st, R_CMDI_FUNCTION_DEFINITION, g32(c, C_FUNC_START), end); s32(c, C_FUNC, 0); }
  else if (fn == 6 && ch == 0x7b) s32(c, C_FUNC, 7);
  else if (fn == 7 && ch == 0x3a) { report(st, R_CMDI_FUNCTION_DEFINITION, g32(c, C_FUNC_START), end); s32(c, C_FUNC, 0); } // function f() { :; }
  else if ((fn == 8 || fn == 12) && (isSpace || ch == 0x2a)) {} // function * (
  else s32(c, C_FUNC, 0);
  if (isSpace) {
    // a path prefix the command word is not glued to names no command: "x(); // true" is a code comment
    const pp = g32(c, C_PREV);
    // (not the space ending a redirection's path, x;</dev/null id: see K_PREFIX; nor one after a prefix word escaped,
    // x;\command id, which keeps the position for the command after it: see prefixWord)
    const lwp = load<u64>(j + J_LW);
    if (g32(c, C_POS) == 2 && adjacent && (pp == 0x2f || pp == 0x5c) && g32(c, C_CMD) == 0 && !restore &&
        !(<u32>(lwp >> 32) == start && prefixWord(st + ST_LEX + LX_WORD, <u32>lwp & 0xff))) s32(c, C_POS, 0);
    return;
  }
  // separators open a command position
  const prev = g32(c, C_PREV);
  // A redirection where the command word belongs, right after the separator or after a file-descriptor number read
  // there (x;<f cat, x;2>&1 id, x;>/dev/null id): the command comes after its target (see K_PREFIX). '>&' '<&' keep
  // it over the '&' (which cleared it as a separator); '>>' '<<' too; a '<' or '>' after anything else in the target
  // ends it (x;<b>bold: a tag)
  if (ch == 0x3c || ch == 0x3e || ch == 0x26) {
    const k3a = g32(st + ST_CMD3, K_ANGLE);
    const lw = load<u64>(j + J_LW);
    const fd = <u32>(lw >> 32) == start && start != 0 && ((<u32>lw >> 8) & 0xf) == 2 && <u32>load<u8>(st + ST_LEX + LX_WORD) - 0x30 < 10;
    const op = adjacent && (prev == 0x3c || prev == 0x3e) && <u32>(lw >> 32) != start; // (glued to the operator itself, not to a word after it)
    if (ch == 0x26) { if (prefix0 != 0 && op) s32(st + ST_CMD3, K_ANGLE, k3a | K_PREFIX); }
    else if (((g32(c, C_POS) == 2 || fd) && prefixPos) || (prefix0 != 0 && op)) s32(st + ST_CMD3, K_ANGLE, k3a | K_PREFIX);
    else if (prefix0 != 0) s32(st + ST_CMD3, K_ANGLE, k3a & ~(K_PREFIX | K_PREFIXQ));
  }
  // x&"uploads\a.exe", x|^a.exe: a quote or caret glued to cmd.exe's '&' or '|' before a program's path (see winPath, step 7)
  if ((ch == 0x22 || ch == 0x5e) && (prev == 0x26 || prev == 0x7c) && g32(c, C_POS) == 2 && adjacent && g32(c, C_CMD) == 0) {
    s32(c, C_CMD, 11); s32(c, C_CMD_STEP, 7); s32(c, C_CMD_START, start); s32(c, C_CMD_END, end); s32(c, C_CMD_POS, 2 | sepBits(c)); s32(c, C_WRAP, 0);
  }
  // '! ' negates the pipeline after it: the position stays for its command (a word glued to the '!' takes none, see cmdWordFull)
  if (ch == 0x21 && g32(c, C_POS) == 2) {}
  // a case pattern's ')' (see K_CASE): its branch's commands follow
  else if (ch == 0x29 && (g32(st + ST_CMD3, K_ANGLE) & K_CASE) != 0) { s32(c, C_POS, 2); s32(c, C_POS_START, start); s32(c, C_SUBST, 0); }
  else if ((cls & CB_POS) == 0) s32(c, C_POS, 0); // (a byte no branch below takes: the last one's)
  else if ((cls & CB_SEP) != 0) {
    if (g32(c, C_POS) == 0 || g32(c, C_POS) == 1) { s32(c, C_POS_START, start); s32(c, C_SUBST, 0); }
    s32(c, C_POS, 2);
  } else if (ch == 0x60 && g32(st + ST_CMD3, K_TICK) != 0 && g32(c, C_LAST_END) == start) {
    // a backtick glued to what it closes ends the substitution: what follows is judged like the start of a
    // value (`x` id -a still runs id when x prints nothing; `x` at the top is prose)
    s32(st + ST_CMD3, K_TICK, 0); s32(c, C_POS, 1);
    if (g32(j, J_ACT) != 0 && g32(j, J_START) == start) s32(j, J_POS, 0); // nor an empty word that keeps a position
  } else if (ch == 0x60) {
    s32(st + ST_CMD3, K_TICK, 1);
    // 3: glued to what precedes it (x`date`, ${`id`}), right after a separator (;`who`) or a command (echo `id`): no code span
    const pos0 = g32(c, C_POS);
    // Standing apart: 5 opening the value (`x`, "`x`, q=`x`); 1 after a space or a markdown '[' with no command before
    // it (the `id` field, [`start`](#start)); 6 after other punctuation ((`start`, ...) — weak words only, print(`id`)
    // runs id); 3 none of these: glued to a word (x`date`), in command position (;`id`, $(`id`)), after a command (echo `id`)
    const wordGlued = <u32>(load<u64>(j + J_LW) >> 32) == start && start != 0;
    const loose = !wordGlued && pos0 != 2 && !cmdBefore;
    const narrow = loose && (!adjacent || g32(c, C_PREV) == 0x5b);
    // (a call: the punctuation before the backtick glued to a word, print(`x`), f.x(`y`); its span is an argument, 3)
    const call = loose && !narrow && adjacent && start >= 2 && <u32>(load<u64>(j + J_LW) >> 32) == start - 1;
    // (a Markdown line that starts with a span is judged like the value's start)
    const line = pos0 == 2 && adjacent && g32(c, C_PREV) == 0x0a;
    // (7: after ; | & and a space, with no command before it: "a; `date`", "| `npm start` |" — like 3 but for code spans)
    const afterSep = pos0 == 2 && !adjacent && !cmdBefore && !wordGlued && (g32(c, C_PREV) == 0x3b || g32(c, C_PREV) == 0x7c || g32(c, C_PREV) == 0x26);
    // (9: the same after '|', where a span may be a Markdown table cell: | `date` |)
    // (8: like 5, opening a value glued to its '=' (x=`id`): the value is the substitution, never a span in prose)
    // (10: the third backtick of a Markdown code fence, ``` at the start of the value or a line, whose first one opened
    // the value: the word after it is the fence's language, ```bash, ```powershell, when the line ends there)
    const fence = adjacent && g32(c, C_PREV) == 0x60 && g32(c, C_SUBST) == 5 && g32(c, C_POS_START) + 2 == start;
    const sbv: u32 = fence ? 10 : (pos0 == 1 && !wordGlued) || line ? (adjacent && g32(c, C_PREV) == 0x3d ? 8 : 5) : narrow ? 1 : loose && !call ? 6 : afterSep ? (g32(c, C_PREV) == 0x7c ? 9 : 7) : 3;
    s32(c, C_POS, 2); s32(c, C_POS_START, start); s32(c, C_SUBST, sbv);
  } else if (ch == 0x28 && g32(c, C_DOLLAR) != 0 && g32(c, C_DOLLAR) - 1 == start) {
    s32(c, C_POS, 2); s32(c, C_POS_START, start - 1); s32(c, C_SUBST, 2);
    s32(st + ST_CMD3, K_ANGLE, g32(st + ST_CMD3, K_ANGLE) | K_CODE); // (see K_CODE)
  } else if ((ch == 0x28 || ch == 0x7b || ch == 0x5b || ch == 0x3c) && quoteExec(st, c, pct, start) != 0) {
    // Ruby %x( %x{ %x[ %x< and Perl qx( qx{ qx<: the language's backticks, read like $( (the closing bracket right after a
    // command word ends it as ')' does, see closesQuote). Not read: qx[ (a '[' after a plain word takes the neutral path)
    // and the same-character delimiters qx/ / qx! ! (a '/' after a word is a path segment: /api/qx/id)
    s32(c, C_POS, 2); s32(c, C_POS_START, quoteExec(st, c, pct, start) - 1); s32(c, C_SUBST, 2);
  } else if ((ch == 0x27 || ch == 0x22) && (g32(c, C_FRESH) != 0 || (prev == 0x3d && g32(c, C_LAST_END) == start))) {
    s32(c, C_POS, 1); s32(c, C_POS_START, start); // a value opens: x  "x  name="x
  } else if (ch == 0x2f || ch == 0x5c || ch == 0x2e) {
    // \\host\share\x.exe after cmd.exe's & | newline: a UNC path, judged by its last segment (see winPath)
    if (ch == 0x5c && g32(c, C_CMD) == 0 && g32(c, C_POS) == 2 && (prev == 0x26 || prev == 0x7c || prev == 0x0a)) {
      s32(c, C_CMD, 11); s32(c, C_CMD_STEP, 1); s32(c, C_CMD_START, start); s32(c, C_CMD_END, end); s32(c, C_CMD_POS, 2); s32(c, C_WRAP, 0);
    }
    // a path prefix keeps the command position: ;/usr/bin/id
    // (and after '&', only with a '/' or '\' glued: x&./run.sh, x&.\a.bat; see kind 7)
    if (ch == 0x2e && g32(c, C_CMD) == 0 && g32(c, C_POS) == 2 && (sepBefore(c) || prev == 0x26) && prev != 0x60) {
      // (a '&&' glued to the '.' is sh's list, never prose: x&&. cmd.sh sources cmd.sh; C_POS_START holds the first '&')
      const andList = prev == 0x26 && g32(c, C_LAST_END) == g32(c, C_POS_START) + 2;
      s32(c, C_CMD, 7); s32(c, C_CMD_STEP, 0); s32(c, C_CMD_START, start); s32(c, C_WRAP, prev == 0x26 && !andList ? 1 : prev == 0x0a ? 2 : 0);
    }
  } else if (ch == 0x7b && g32(c, C_DOLLAR) != 0 && g32(c, C_DOLLAR) - 1 == start) {
    // ${${lower:j}ndi:...}: a lookup nested right at the start of another is Log4j's, never the shell's (bad substitution)
    // (or after a name glued to the outer one: ${j${k8s:k5:-ND}i:...}, as bash has no ${name${)
    const outer = g32(c, C_BRACE);
    const lw = load<u64>(j + J_LW);
    const lwEnd = <u32>(lw >> 32);
    if (outer != 0 && (outer == start || (lwEnd + 1 == start && lwEnd - (<u32>lw & 0xff) + 1 == outer))) report(st, R_CMDI_COMMAND_SUBSTITUTION, outer - 3, end);
    s32(c, C_BRACE, end + 1);
  } else if (ch == 0x7b && g32(c, C_POS) != 0) {
    s32(j, J_BRACEX, 1); s32(j, J_BRSTART, start + 1); // a brace group / expansion in command position
  } else if (ch == 0x28 && g32(c, C_POS) != 0) {
    // a subshell keeps the command position: ;(sh)
  } else if (ch == 0x2c && (prev == 0x26 || prev == 0x7c || prev == 0x3b || prev == 0x0a || prev == 0x2c) && g32(c, C_POS) == 2 && g32(c, C_LAST_END) == start &&
             <u32>(load<u64>(j + J_LW) >> 32) != start && g32(c, C_CMD) == 0) {
    // &,whoami &,;,whoami: cmd.exe skips the delimiters , ; before a command name (the position stays; not '=': x|=id is code)
  } else if (ch == 0x3d && g32(c, C_LAST_END) == start && (prev != 0x3d || wordEq) && g32(c, C_CMD) == 0) {
    s32(c, C_POS, 1); s32(c, C_POS_START, end); // name=value: the value starts a command line as the whole input would
  } else if (ch == 0x40 && (prev == 0x26 || prev == 0x7c)) {
    // cmd.exe "@echo" after a separator keeps the position
  } else {
    s32(c, C_POS, 0);
  }
  s32(c, C_DOLLAR, ch == 0x24 ? end + 1 : 0);
  s32(c, C_PREV, ch);
  s32(c, C_FRESH, 0);
  s32(c, C_LAST_END, end);
}

/** (inlined in the caller: with every tracker at rest, no shell word, glob or brace either, so no K_TICK 3 to finish, nothing in cmdFinishFull can report
 * but a redirection alone after a separator, K_TRUNC, kept in the third region) */
// @ts-ignore: decorator
@inline export function cmdFinish(st: usize, c: usize, end: u32): void {
  if (!quiet(c, st + ST_CMD2) || (g32(st + ST_CMD3, K_ANGLE) & K_TRUNC) != 0) cmdFinishFull(st, c, end);
}

function cmdFinishFull(st: usize, c: usize, end: u32): void {
  const j = st + ST_CMD2;
  if (g32(st + ST_CMD3, K_TICK) == 3 && g32(j, J_ACT) != 0) splitTick(st + ST_CMD3, j, st + ST_LEX + LX_WORD, 1); // x`p at the end
  if (g32(j, J_ACT) != 0) joinEnd(st, c, j, true);
  if (g32(j, G_ON) != 0) globEnd(st, j, false, end);
  if (g32(c, C_FUNC) == 9) report(st, R_CMDI_FUNCTION_DEFINITION, g32(c, C_FUNC_START), end); // x() { at the end: no body to judge
  if (g32(c, C_REDIR) == 12) report(st, R_CMDI_REDIRECTION, g32(c, C_RD_START), end); // '<(' at the end: as before, fail closed
  // x;>index.html at the end: a redirection alone after a separator creates or truncates the file (see K_TRUNC)
  if ((g32(st + ST_CMD3, K_ANGLE) & K_TRUNC) != 0 && truncTarget(st, c, j, end)) report(st, R_CMDI_REDIRECTION, end - (<u32>load<u64>(j + J_LW) & 0xff), end);
  const brc = g32(j, J_BRCMD);
  if (brc != 0 && brc == end + 1) report(st, R_CMDI_COMMAND_SUBSTITUTION, g32(j, J_BRSTART) - 1, end);
  const nlTag = g32(c, C_NLTAG); // a pending mail verb at the end: DATA, "a1 close" (not "mail from" without its ':')
  // (one right after its verb needs the verb to be complete alone: "hi\npass", "a1 SELECT" name nothing the server runs)
  const lwm = load<u64>(j + J_LW);
  const alone = (nlTag & 7) != 3 || (<u32>(lwm >> 32) == nlTag >> 3 && mailVerbAlone(st + ST_LEX + LX_WORD, <u32>lwm & 0xff));
  if (nlTag >= 3 && (nlTag & 7) != 5 && alone) report(st, R_CMDI_MAIL_COMMAND, (g32(c, C_NL) & ~NL_FLAGS) - 2, nlTag >> 3);
  const kind = g32(c, C_CMD);
  // (a file tool alone ending a sentence, "use `dir` instead of `ls`.", is prose; `id`. at the end still substitutes)
  const sentence = kind == 8 && g32(c, C_CMD_STEP) == 3 && (g32(c, C_WRAP) & 2048) != 0;
  if ((kind == 8 && !sentence) || kind == 9) report(st, R_CMDI_COMMAND_SUBSTITUTION, spanStart(c), g32(c, C_CMD_END));
  if (kind == 4 && g32(c, C_CMD_STEP) >= 40) report(st, R_CMDI_WINDOWS_BATCH, g32(c, C_CMD_START), g32(c, C_CMD_POS)); // IF x == y at the end
  if (kind == 6 && g32(c, C_CMD_STEP) >= 44 && g32(c, C_CMD_STEP) <= 46) cmdletReport(st, c); // powershell Get-ChildItem -Recurse (see step 44)
  if (kind == 11 && (g32(c, C_CMD_STEP) == 3 || g32(c, C_CMD_STEP) == 5) && (g32(c, C_WRAP) & 3) != 0 && (g32(c, C_WRAP) & WIN_BARE) == 0) report(st, R_CMDI_SHELL_PATH, g32(c, C_CMD_START), g32(c, C_CMD_END)); // x&c:\…\whoami at the end
  if (kind == 1 || kind == 2) pendingAtEnd(st, c, kind, end);
}

/** A strong or weak command word (C_CMD `kind` 1 or 2) still pending when the value ends at `end`: does it run? */
function pendingAtEnd(st: usize, c: usize, kind: u32, end: u32): void {
  {
    const s = g32(c, C_CMD_STEP);
    if ((s >= 50 && s <= 51) || (s >= 54 && s <= 58) || s == 60) {} // gcc 12.2 (x) at the end: a release (see step 15); id~ (57) no command; x&cat/ (58) x&cat/dogfood (60) a path
    else if (s == 59) fire(st, c, end, false); // x&whoami/all at the end (see step 58)
    else if (s == 71) fire(st, c, g32(c, C_CMD_END), false); // make -20 at the end: an option (see step 71)
    else if (s == 72) {} // kill -bill, make -20% at the end: a search (see proseDash)
    else if (s <= 1 && (g32(c, C_WRAP) & LIT_WEAK) != 0) {} // Name\nDate at the end: a weak word alone after a literal \n
    else if (s == 19) fire(st, c, g32(c, C_CMD_END), false); // ls # at the end: the comment hides nothing, the command still runs
    else if (s == 20) report(st, g32(c, C_CMD_POS) == 2 ? R_CMDI_CHAINED_COMMAND : R_CMDI_COMMAND_WITH_ARGS, g32(c, C_CMD_START), g32(c, C_CMD_END)); // | id | at the end
    else if (s == 21 || s == 23 || s == 24 || s == 25) fire(st, c, g32(c, C_CMD_END), false); // |id' df % ;su root at the end
    else if (s == 22 || s == 30 || s == 31) {} // "; who's" at the end: a quote left open; "x|sort," "A|Echo,B": a list (step 30)
    else if (s >= 26 && s <= 29) {} // df %>% head at the end (see step 26)
    else if (s == 70) {} // a|gc b at the end: a plain name, no path (see GC_CMD)
    else if (s == 32 || s == 33) report(st, R_CMDI_CHAINED_COMMAND, g32(c, C_CMD_START) - 1, g32(c, C_CMD_END)); // a;date; at the end
    else if (s == 34 || s == 35) report(st, R_CMDI_COMMAND_WITH_ARGS, g32(c, C_CMD_START), g32(c, C_CMD_END)); // id; id;name at the end
    // "Name;Date;Time", "Berlin;Germany;yes": a weak word alone ending a list of three or more fields, or a no-op ending
    // one of two ("true;false"); x;date, ;date, a;b;date -x still run it
    else if (s == 0 && kind == 2 && g32(c, C_CMD_POS) == 2 && g32(c, C_LAST_END) == g32(c, C_CMD_END) &&
             (listField(st, c, 2) || (listField(st, c, 1) && noOp(st + ST_LEX + LX_WORD, load<u32>(st + ST_CMD2 + J_LW) & 0xff)))) {}
    // "Istanbul | TR": a command that needs an argument ending the value after a pipe has nothing to work on
    // (and so does echo or cat, which print an empty line or pass the input through: "Alpha | Bravo | Echo", "dog|cat")
    else if (s <= 1 && g32(c, C_CMD_POS) == 2 && g32(c, C_PREV) == 0x7c && (g32(c, C_WRAP) & 32768) == 0 &&
             ((g32(c, C_WRAP) & (64 | 16384)) == 64 || (g32(c, C_WRAP) & 524288) != 0)) {}
    else if (s == 0 && g32(c, C_SUBST) == 10 && g32(c, C_PREV) == 0x60) {} // ```bash at the end: a code fence's language
    // "Copy & Paste", "Time & Date": an English-word command alone after '&' at the end is a title
    else if (g32(c, C_CMD_POS) == 2 && s != 3 && s != 13 && s != 14 && !(kind == 2 && s <= 1 && g32(c, C_PREV) == 0x26) && !bareInterpreter(c, s)) fire(st, c, end, true);
    else if ((kind == 2 || kind == 1) && s <= 2 && (g32(c, C_WRAP) & 8) != 0) report(st, R_CMDI_COMMAND_WITH_ARGS, g32(c, C_CMD_START), end); // time who
    else if (kind == 1 && s != 3) report(st, R_CMDI_COMMAND_ALONE, g32(c, C_CMD_START), g32(c, C_CMD_END));
  }
}
