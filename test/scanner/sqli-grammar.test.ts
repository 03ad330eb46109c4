// SQL string break-out that re-opens the quote: the value closes the query's quote, adds an
// operator and a comparison/connective, and leaves a quote open for the query's own closing
// one (x' * 2 or 'y). Written from the grammar, not from the corpus.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Detector } from '../../src/index.js';
import { detector, ruleIds, expectSameWhenSplit } from './helpers.js';

let d: Detector;
beforeAll(async () => { d = await detector(); });
afterAll(async () => { await d.close(); });

describe('sqli quote re-opening', () => {
  it.each(["zz' / 2 or 'q", "bob' * 0 = 'k", "m' > +5 and 'w", "pp'%3+1='3", "x' - 'y' - 2 = 'z"])('%s is a string break-out', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('sqli.string-breakout');
    expect(r.blocked).toBe(true);
  });
  it.each(["rock 'n' roll and 'more", "Knockin' and rockin' all night", "it's 5 - 6 o'clock", "size 'L' or 'XL", "a' * b'"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe('sqli type cast', () => {
  it.each(["'7'::int", 'f(y)::text', "1 and ('q')::numeric>0"])('%s is a cast', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('sqli.type-cast');
    expect(r.blocked).toBe(true);
  });
  it.each(['std::string', 'fe80::1', 'Foo::Bar', 'ratio 3::2', "a ':: b"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe('sqli tautology through a cast number', () => {
  // PostgreSQL's 7::int is the number 7: the comparison is still literal against literal
  it.each(['4 and 4::int=4', "9 or 9::text='9'", '3 and 3::bigint>2'])('%s is a tautology', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('sqli.tautology');
    expect(r.blocked).toBe(true);
  });
  // (x and y::int = 5 reads as x and y = 5 since session 20, a tautology as that is: a name's cast is the name)
  it.each(['10::30', '2001:db8::1', 'fe80::2 and fe80::3', 'a::b = c'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe('sqli string-operator-string', () => {
  // x' <op> 'y: the value closes the query's quote, applies one operator, re-opens the quote
  it.each(["q' or 'w", "zz'||'y", "k' like 'm", "n'-'p", "' or 'r", "abc' xor 'd"])('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.string-breakout');
  });
  it.each(["what does 'is' mean", "the 'or' key", "p = prefix + '/' + name", "app.get('*', handler)", "app.use('/static/*', serve())", "select 'and'", 'SMALL "&" SIGN', 'say "or" twice', "5' + 6'"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe('sqli keywords glued to numbers', () => {
  // SQL ends a numeric literal at the first letter that cannot continue it
  it.each(['9e0union select 1', '4.5union select 6', '7dunion select 8', '2e3or 5=5'])('%s is split into number and keyword', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  it.each(['1st floor', '2nd and 3rd', '10am or 5pm', '4x4 union jack', '3d union'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe('sqli truncated probes', () => {
  it.each(['-77 union', '3/**/union', "w' union", '-5 union all', '-8 union--', '-2 union/*', "k' union--"])('%s: a UNION cut off after a negative number, comment or break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.union-select');
  });
  it.each(['8 --', '(( 8 )) /*', '6*7--', "('q') --"])('%s: only literals, then a comment to the end', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.comment-truncation');
  });
  it.each(['credit union', 'local 12 union', '10--12', '1,1--', "'1--'", 'pages 3 -- 4', '5 -- great\nthanks', '555-1234 -- thanks', '(2) /* see below */'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  // (false-positive hunt fp28, session 24: base64url and nanoid tokens — session cookies, OAuth state — that start with a
  // digit and end in "--", one in some 28,000; MySQL reads such a word as a name, so the comment closes nothing)
  it.each(['4kPq9ZrT2xWm7LbN0aYc--', '7Hh2_xQ0pLm9vBn1KcZd--', '1Y--', '9f8e7d6c5bA--'])('%s: a token that starts with a digit is no number cut off', (input) => {
    for (const context of ['query', 'header', 'json'] as const) expect(d.scan(input, { context }).blocked, context).toBe(false);
  });
  it.each(['12--', '0x1f--', '-5--', '1 or 5px--', '8 --'])('%s: a number (or an expression) cut off still is', (input) => {
    expect(d.scan(input, { context: 'header' }).blocked).toBe(true);
  });
});

describe('sqli statements with a name between their keywords', () => {
  it.each(['5; update accounts set role=1', '5; delete low_priority from logs', "x'; update t set a=2"])('%s is a stacked query', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.stacked-query');
  });
  it.each(['please update profile settings', 'delete photos from album'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe('sqli comparisons cut off at the end', () => {
  it.each(['5 and 3=', "q' or 7>", "xor 'b' <", 'and 9=('])('%s: a connective, a literal and a comparison with no right side', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  it.each(["y'|col--", "y'%col--"])('%s: an operator on a column after a break-out, then a comment', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.string-breakout');
  });
  it.each(['black and white =', 'me and 2 friends <3', 'rock and 5', "don't-stop--"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe("sqli values that are only '<comparison or connective>'", () => {
  it.each(["'xor'", "'>='", "' || '", "'like'"])('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.string-breakout');
  });
  it.each(["'-'", "'*'", "'n/a'", "''"])('%s stays clean (a placeholder)', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe('sqli arithmetic spliced into a literal', () => {
  it.each(["v' * qty - '2", "n'/price+'1"])('%s: the last operator takes the re-opened literal', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain('sqli.string-breakout');
  });
  it.each(["5' - 6' tall", "he's 6' - 2 inches", "it's 5 - 6 o'clock today"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
});

describe('sqli comparisons that are code or prose, not SQL', () => {
  // === and !== are JavaScript; IS takes NULL/TRUE/FALSE/NOT; a spaced `if (` or a call SQL does not
  // know comparing a plain name is a statement in code; two plain-name comparisons joined are a condition
  it.each([
    "if (kind === 'x') { go() }", 'if (a !== b && c === 1)', 'char(10) is a newline', 'if (i < total) {', 'for (k = 0; k < n; k++)',
    'while((node = it.next()) != null)', 'f(t) = t^2', 'x < 5 and y > 3', 'price < 100 and rating >= 4', 'if p > q or r < s then stop',
    'value is text and size is 0', 'mode is fast and flag is true',
  ])('%s has no sqli finding', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' })).filter((id) => id.startsWith('sqli.'))).toEqual([]);
  });
  it.each([
    '1 and if(2>1,3,4)', "x' having count(pk) > 3--", '2;do (3=3)', '7 and elt(4=4,5)', '1 and x<5 and 3=3', '9 or 8 is null', "z' and 'q'='q",
    '6 and user>0', '5 and a<b', '1 and size is 0', "x' and size is null",
  ])('%s is still a comparison after a connective or in a call', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
});

describe('sqli values that only close the string and cut the query off', () => {
  // read inside a quote: the closing quote (and parentheses, a statement end), then a comment with nothing in it
  const hits = ["'--", "' --", "')#", '"/*', "';--", "'-- -", "'))-- -", "k'; --"];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain('sqli.string-breakout');
  });
  it.each(["'-- hi", "'--'", '"--"', "'#'", "'# note", "' -- comment here", "a = 'x'; -- note", "it's; -- eh", "don't'; --"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, hits, 'body'); });
});

describe('sqli escaping the escaper, dynamic EXEC, concatenation splices', () => {
  const hits = ["\\' or 2=2--", "\\' union select 3--", "5; exec('sel'+'ect 4')", '5; exec(@cmd)', "u'||'", "zz'&&'", "' + CHAR(66) + '", "v'||lower(w)||'"];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
  });
  it.each(["\\'quoted\\'", "\\' is a backslash-quote", "foo(); call('x')", 'next; call(@v)', "'a' + upper(x) + '", "x = 'a' || lower(y) || '"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, hits, 'body'); });
});

describe('sqli statement right after a quote', () => {
  // T-SQL needs no ';' between statements, but a quote after a space starts a quoted word in a search
  it.each(["zz' select 1--", "m'select @@version"])('%s is a stacked query', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain('sqli.stacked-query');
  });
  it.each(['site:example.com "select" -union', 'say "select" twice'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  // A value that opens with the quote closes no string, however the quote was written: browsers send a
  // search for "drop table" meaning as %22drop+table%22+meaning, a JSON body as \"drop table\" meaning
  it.each([
    ['%22drop+table%22+meaning', 'query'], ['%22select%22+statement+tutorial', 'query'], ["%27delete from%27 docs", 'query'],
    ['\\"drop table\\" meaning', 'json-escaped'], ["''select'' is a keyword", 'query'],
  ] as const)('%s stays clean', (input, context) => {
    expect(d.scan(input, { context }).blocked).toBe(false);
  });
  it.each(["%27'' or 1", "''' or 1", "x%27drop table users"])('%s is still a break-out (the quote that closes the string is not the first byte)', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
});

describe('sqli break-out comparison after a loose quote', () => {
  // read inside a quote, 'a=c' after a space or punctuation is x' a=c only when the same quote does not
  // close right after it: qs.parse('a=c') and 'AS IS', quote the comparison as text
  const hits = ["zz ' a=b", "q' a=b", "zz ' a=b;", "(' k=7)", "zz ' a=b -- x", "zz ' a=b&c=d", "zz ' a=b&c=d union 'x", "f(' k=v; drop 'y"];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain('sqli.string-breakout');
  });
  it.each(["qs.parse('a=c')", "f('k=v')", "say 'x = y' ok", "PROVIDED 'AS IS', NO WARRANTY", "mode 'a=b' \"c\"", "qs.parse('a=b&c=d', { x: 1 })", "// 'a[]=b&a[]=c'"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...hits, "qs.parse('a=c')", "PROVIDED 'AS IS', NO"], 'body'); });
});

describe('sqli literal list spliced after the quote', () => {
  // the quote closes, then only literals and commas (another VALUES row, more arguments) and a bare comment
  const hits = ["'), ('admin', 'x')--", "x', 2, 3)#", "'), (null, 'k')-- -", "1', 'two', 3 --"];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain('sqli.string-breakout');
  });
  it.each(["a', 'b' -- c", "'a', 'b' --", "it's, a, b --", "'x', 'y'", "rock 'n', roll --"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, hits, 'body'); });
});

describe('sqli dangerous call inside arithmetic, symbolic connectives', () => {
  // 1 - sleep(5): the dangerous name ends a folded operand but its '(' still calls it; || and && are connectives
  const hits = ['1 - sleep(5)', '1 * benchmark(9,1)', '3 ^ pg_sleep(2)', "'||1#", "'&&2--"];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
  });
  it.each(['[json-schema-benchmark](https://x.test/b)', 'pre-sleep (nap)', 'a || b', 'x && y -- z', 'while (n && i--)'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, hits, 'body'); });
});

describe('sqli unknown call wrapping an SQL function after a connective', () => {
  // error-based extraction through functions no keyword list names: 1 and st_x(version())
  const hits = ['1 and st_latfromgeohash(version())', '3 and foo(md5(1))', "k' or zz(user(),1)"];
  it.each(hits)('%s is a function chain', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain('sqli.function-chain');
  });
  it.each(['rock and roll(length(x))', 'cats and dogs(count(x))', 'a and b(c(d))'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, hits, 'body'); });
});

describe('sqli: a word glued after a backtick is a quoted identifier, not a keyword or function', () => {
  // MySQL `name` quoting, and the Markdown code span of prose: "and the `length` is 0"
  const clean = ['Returns `true` if the value is an `Array` and the `.length` is 0.', 'x and `length` is 0', 'pick `select` or `union` from the menu'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  const hits = ['x and length(1) is 0 or 1=1', 'from `information_schema`.tables limit 1', "1' union select `password` from `users`-- -"];
  it.each(hits)('%s is still blocked', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'body'); });
});

describe('sqli: a spaced "--" behind only SQL words is a cut unless two words follow it on its line', () => {
  // the writer's dash ("version 2 -- fixed bugs") against a cut with nothing, one token or a new line after it
  const clean = ['version 2 -- fixed bugs', 'Call me at 555-1234 -- thanks for your help', 'order 66 -- see you\tthere'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(false);
  });
  const hits = ['-6374 union 1,2,3,4,5--', '10;DROP members --', 'limit 0,1 -- x', '1 union select 1,2 -- qzVb', 'order 66 -- see\nyou', "x' -- bring laptop"];
  it.each(hits)('%s is still blocked', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(true);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'json'); });
});

describe('sqli: a value that is only a number and literals joined by SQL connectives', () => {
  // numeric-context boolean probes: TRUE/FALSE/NULL, NOT, XOR, RLIKE/REGEXP are what only SQL writes
  const hits = ['7 and false', '(3) or (true)', '9 or not 4', '5 xor 2', '8 and 6 xor 0', '2 regexp 2', '6 is not null', '4 and not true -- x', '3 or true;', '5 and false;--'];
  it.each(hits)('%s is a tautology', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.tautology');
  });
  const clean = ['3 or 4', '2 and 3 items', '7 and true love', 'true or false', '1 like 1', '5 or not', '2 and not 3 items'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'query'); });
});

describe('sqli: IS after a symbolic connective', () => {
  // a name after || is code (a || b == c) unless IS tests it: IS [NOT] NULL is SQL only
  it.each(['7 || email is null', '3 && pwd is not null'])('%s is a tautology', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.tautology');
  });
  it.each(['a || b is null', 'x = y || z == w'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe('sqli: a prefix glued to a single quote is part of the literal', () => {
  // x'41' (hex), b'01' (bits), N'a' (national), E'a' (PostgreSQL escapes), _utf8'a' (charset introducer)
  const hits = ["5 or x'35'=x'35'", "3 and _latin1'q'='q'", "8 and b'1'=b'1'", "2 or N'k'=N'k'", "6 and E'z'='z'"];
  it.each(hits)('%s is a tautology', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.tautology');
  });
  const clean = ["rock n' roll and 'more", "Jack n' Jill or 'Bob", "the e'clair", "x'41'"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'query'); });
});

describe('sqli: SOUNDS LIKE is one operator', () => {
  it.each(['4 and 5 sounds like 5', "7 or 'a' sounds like 'a'"])('%s is a tautology', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.tautology');
  });
  it.each(['it sounds like 1 or 2', 'sounds like a plan and more'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe('sqli: a loose quote closed by one glued to a name is a quoted segment, not a re-opened literal', () => {
  // url: '/a/b?c=d' balances its quotes; ' / 2 or 3=' leaves the last one open for the query's own
  const clean = ["url: '/a/b?c=d'", "const q = '/x/y?page=2'", "import m from './m.wasm'"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  const hits = [" ' / 3 or 4='", "qq '/2 and 5='", "zz' / 3 or 4=q'"];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain('sqli.string-breakout');
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'body'); });
});

describe('sqli: a dangerous call in prose position waits for its argument', () => {
  // at the value's start or after a plain word, a plain word among the next three tokens makes it prose
  const clean = ['Sleep (9 hours) a night', 'we need sleep(plenty of it)', 'Benchmark (2019) numbers', 'Rand(1957) is a classic', 'exp(3) is about 20.09',
    'the polygon(s) intersect', 'see the [benchmark](https://example.com/bench)', 'sleep(6-8 hours)'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  const hits = ['sleep(7)', 'pg_sleep(3)-- -', 'benchmark(900000,sha1(2))', "load_file('/tmp/q')", 'sleep(4) and 2=2', 'sleep(2-1)', 'then sleep(3)',
    'zz sleep(4)=0', '(sleep(3))', '1 or sleep(plenty of it)'];
  it.each(hits)('%s is a dangerous function', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain('sqli.dangerous-function');
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'body'); });
});

describe('sqli: UNION VALUES and stacked COPY / ATTACH', () => {
  // UNION [ALL] VALUES(<literal>…): a row constructor as the UNION's other side
  // ; COPY t TO|FROM [PROGRAM] '<literal>': PostgreSQL's file read/write and command run; ; ATTACH DATABASE: SQLite's file write
  const hits = ["7 union values(3,'q')", "-2 UNION ALL VALUES (null,9)", "4; copy accounts to '/tmp/acc'", "z';COPY logs FROM PROGRAM 'uname'",
    "5); copy x from '/var/lib/x'", "3; attach database 'w.db' as w",
    // (session 25, left by red team rt28pg: a column list after the table's name, as far as the token ring reaches)
    "1; COPY t(v) FROM PROGRAM 'id'", "x'; copy t(v) from program 'id", "1; COPY t(a, b) TO '/tmp/x'", "1); COPY t(v) TO '/tmp/x'"];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  const clean = ['the union values (dignity) and respect', 'our union values its members', "Hello; copy files to 'backup'", "Please copy users from 'list A'", 'Step 2; copy database credentials to the vault',
    'attach database file here', 'copy table of contents', "Hello; copy files(a) to 'backup'", "copy t(v) from program 'id'", "see copy(a) to 'x'"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'query'); });
});

describe('sqli: a value that starts with the connective, appended to the query\'s own literal', () => {
  const hits = ['and false', 'or not true', 'xor 0', 'or 4 rlike 4'];
  it.each(hits)('%s is a tautology', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.tautology');
  });
  const clean = ['and 1', 'or 2', 'is null', 'or true love', 'and then'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe('sqli: quote first, a connective, and an operator taking the re-opened literal', () => {
  // ' or ''-'  — the query's own closing quote ends the re-opened literal
  const hits = ["' and ''*'", "' or 3-'", "' xor ''^'"];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.string-breakout');
  });
  const clean = ["'s or x - '", "'Tis - '", "and - 'x'"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'query'); });
});

// Session 19 (held-out stand-in): the same shape in "…" — MySQL's default mode (ANSI_QUOTES off) reads "…" as a string,
// so name = "" or ""-"" is name = "" or 0. The value's first byte is the quote, a connective follows it: no quoted word.
describe('sqli: quote first, a connective, and an operator taking the re-opened literal, in "…" too', () => {
  const hits = ['" and ""*"', '" xor 7-"', '" or ""|"', '" || ""/"', '" and "q" "', '" or ""%"'];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.string-breakout');
  });
  const clean = ['He said "and" or "or"', '"Fast" or "Cheap" - pick two', '"yes" or "no" - ask', '" or "', '"" or "" - ""',
    '"s or x - "', 'and - "x"', '"x" or "y" "z"'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'query'); });
});

describe('sqli: a call of any name compared right after its closing parenthesis, after a literal and a connective', () => {
  // blind probes through functions no keyword list names: 1 and printf(...)='1', 1 and sys_context(...) is not null
  const hits = ["3 and quux('a',2)='a'", "8 or zorp('k','m') is not null", "and blip(4, 5) > 1"];
  it.each(hits)('%s is a tautology', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.tautology');
  });
  const clean = ['1 and f (x, y) is good', 'tea and scones(2) or more', 'a and g(x, y) = z', '1 and f(x) = 2x', 'and g(y) > 0', '2 or h(a, 3) < 1'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'query'); });
});

describe('sqli: H2 CREATE ALIAS is a statement verb and object', () => {
  it.each(["9;create alias q as 'x'", "k'; CREATE ALIAS run AS 'y'--"])('%s is a stacked query', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.stacked-query');
  });
  it.each(['Create alias for your email', 'an alias of the table'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe('sqli: WHEN is a condition after CASE or a CASE branch value', () => {
  const hits = ['7 and case when 4>3 then 1 else 0 end', '(case when 6=6 then 2 else 1 end)', "x' and case when 1=1 then 'a' else 'b' end='a", '9 or case 2 when 5 then 0 when 8>1 then 1 end'];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  const clean = ['defaulting to `false` when `status` >= 500', 'When `options.level == 3`, the output is verbose', 'it shrinks when `O < C`'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
});

describe('sqli: a loose quote that opens markup is HTML in a string of code', () => {
  // w('<b>hi</b>'): '<' glued to the quote and a name (or / or !) glued to it, then a re-opened quote at the end
  const clean = ["w('<b>hi</b>')", "res.end('</p>');", "x = '<!DOCTYPE html><p>a</p>'"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  const hits = [" '<1 or 2=2 or 'a", "q'<b or 1=1 or 'a", " '< 3 or 2>1 or '"];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'body'); });
});

describe("sqli: '= <value> after a loose quote waits for the next event", () => {
  // s.clean('=v2.1.5') quotes a version: the same quote glued to the value closes it
  const clean = ["s.clean('=v2.1.5')", "fmt(' = v 3.0.1')", "opts('=x')"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  const hits = [" '=7", " '=4 or 'q'='q", "k '= 2 or 3=3--", " '=z"];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain('sqli.string-breakout');
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'body'); });
});

describe("sqli: a loose quote, '--' and a quote glued after it is a quoted dash", () => {
  const clean = ["everything after `'--'` is kept", "see opts['--'] for the rest", 'args["--"] holds them'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  const hits = ["bob '--", "bob'--'", "bob' --'", "'--"];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'body'); });
});

describe('sqli: a CASE expression compared after its END', () => {
  // sqlmap's ifnull2casewhenisnull tamper: CASE WHEN ISNULL(x) THEN y ELSE x END=1
  const hits = ['4 and case when isnull(3) then 2 else 3 end=3', "q' and case z when 2 then 'k' else 'm' end='k", '2 or case when 5 then 1 else (0) end>0'];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  const clean = ['In case of doubt, the end = 5', 'just in case: 5 end = 3', 'in case 3 end = 2 days'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'query'); });
});

describe('sqli: a function name after a plain qualifier is a method, not an SQL function', () => {
  // console.log(x.hex('#fff')), Date.now() - t; SQL qualifies a function only by a schema or package
  const clean = ["console.log(style.hex('#abcdef') + 'Hi' + s.close);", 'console.log(hyperid.decode(instance()))', 'const ms = Date.now() - start'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  const hits = ['5 and pg_catalog.ascii(substr(version(),1,1))>0', "2 and utl_http.request('http://x/')=1", '7 and ascii(substring(x.name,1,1))>64'];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
  });
});

describe('sqli: a loose quote glued to :: quotes an IPv6 address, no cast', () => {
  it.each(["ipaddr.parse('::ffff:10.0.0.1').kind()", "addr = ('::1')"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  it.each(["zz'::int", "9 and 'q'::text='q'"])('%s is a cast', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain('sqli.type-cast');
  });
});

describe('sqli: a comparison on a call of a plain object\'s method is code', () => {
  const clean = ["assert.equal('toString' in obj, true);", 'ipaddr.IPv4.maskFromLength(24) == "255.255.255.0"'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  const hits = ['if(2=2,1,0)', 'count(id) >= 9 and 1', 'master.dbo.fn_x(1)=1 or 1'];
  it.each(hits)('%s is a tautology', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain('sqli.tautology');
  });
});

describe('sqli: a /* glued to a plain name with no space after it is a wildcard', () => {
  const clean = ['restrict it to `/static/admin/*` only', 'a mime type such as `application/*+json`', 'files from /www/site/public/*'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  const hits = ["' or 2=2 and zz/*", '8 and 3=3/*', "k' union select 1 from users/*", '-4 union/*'];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(true);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'body'); });
});

describe('sqli: a statement of any verb stacked right after the quote and cut off by a comment', () => {
  // x'; show databases;--  '; lock tables t write;--  (verbs no keyword list names: SHOW, USE, LOCK, GRANT, HANDLER ...)
  const hits = ["';show grants;--", "zz'; lock tables accts write;--", "q'; use master--", "'; handler t open;--"];
  it.each(hits)('%s is a stacked query', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.stacked-query');
  });
  const clean = ["Tom'; see you later --", "'; hello --", "it's; fine --", "Tom '; see you; --"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'query'); });
});

describe('sqli: MySQL \\N (NULL) glued to UNION or FROM', () => {
  // \Nunion select …: \N is a token of its own, so the keyword glued after it still counts
  const hits = ['\\Nunion select 9,version()', '\\Nunion all select null,2', 'select\\Nfrom users'];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  const clean = ['line one\\nunion station', 'Credit\\nUnion', 'a\\nfrom b', 'C:\\Nunion\\docs'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'query'); });
});

describe('sqli: SET @v = in a statement of its own', () => {
  // the first step of PREPARE/EXECUTE or EXEC(@s) dynamic SQL, after a ';' that ends a literal or a break-out
  const hits = ['9; set @q=0x73656c656374; prepare s from @q; execute s;', "x'; set @v := 1;--", "x';set @v=1", "') ; set @a=1;"];
  it.each(hits)('%s is a stacked query', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.stacked-query');
  });
  const clean = ['ok; set @x = 1', 'Reminder; set @alice as reviewer', 'set @x = 1', 'Step 2; set @count = 0'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'query'); });
});

describe('sqli: a spreadsheet formula compares cells', () => {
  const clean = ['=IF(A1>10,"yes","no")', '=IF(AND(A1>0,B1<5),"ok","check")', '=IF(OR(C2>=100,D2<0),1,0)'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  const hits = ['if(id>0,1,0)', '1 and if(1>0,1,0)', "' and if(a1>0,1,0)-- -"];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
});

describe('sqli: dangerous calls (DBMS_LDAP.INIT, HTTPURITYPE, PROCEDURE ANALYSE) and prose around them', () => {
  const hits = ["'||dbms_ldap.init('x.example',389)||'", "1 and httpuritype('http://x.example/').getclob() is not null", '1 procedure analyse()', '1 procedure analyse(1,1)'];
  it.each(hits)('%s is a dangerous function', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.dangerous-function');
  });
  // (a connective or word operator first in the parentheses: no argument list starts so)
  const clean = ['see DBMS_LDAP.INIT in the Oracle docs', 'analyse (2023) results', 'Analyse (or analyze) the data', 'Sleep (in a bed)', 'Benchmark (and compare)'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'query'); });
});

describe('sqli: type arguments, tags and Oxford commas are not comparisons after a connective', () => {
  // a '<' glued to a plain name opens a type argument or a tag (unless a literal stands before the connective);
  // a comma right before a word connective is English, SQL never writes ", and"
  const clean = ['Type: `false` or `Array<String | RegExp>`', 'such as `Promise<T>` and `Map<Key, Value>`', 'Type: `Boolean` or `String`<br>',
    'Internet Explorer < 9, and node < 0.6 are old'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  const hits = ['1 or a<b', "' or x<y", "x' or id<5--", "', 1) or 1=1--", '1 or 1<2'];
  it.each(hits)('%s is a tautology', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.tautology');
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, clean, 'body'); expectSameWhenSplit(d, hits, 'query'); });
});

describe('sqli: code spans and code comments that cut nothing', () => {
  // `--` (MySQL, the dialect of backticks, needs a space after "--"); fetch(/* options */) (a comment first in the glued
  // parentheses of a name SQL does not know); match("/*splat") (a loose quote with '/*' and a word glued: a route pattern)
  const clean = ['with everything after the `--`. Here', 'var colorSupport = testColorSupport(/* options object */)', 'var response = fetch(/*...*/);',
    'const fn = match("/*splat");'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  const hits = ["' or 1=1--", '1; if exists(/* anything */', 'admin\'/*', "x')/*", '1 and ascii(/**/substr(user(),1,1))>1'];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, clean, 'body'); expectSameWhenSplit(d, hits, 'query'); });
});

describe('sqli: a loose quote closed right after a parenthesis quotes a call', () => {
  // 'a=b(c)' and '… (%dns)' as 'x=1' is: the closing quote glued to ')' ends a quoted string of code
  const clean = ["assert.equal(wrapped, 'a=b(c)');", "console.log('%s %s -> %s (%dns)',", "x '=(1)'"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  const hits = ["x' or (1=1)'", "' or 1=1)'", "x (' or (1)=(1)'"];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, clean, 'body'); expectSameWhenSplit(d, hits, 'query'); });
});

describe('sqli: a Markdown link is no dangerous call', () => {
  // [Benchmark.js](https://…): a '(' glued to ']' opens a link target; SQL Server brackets names, never a dangerous one
  const clean = ['- [Benchmark.js](https://github.com/bestiejs/benchmark.js)', 'see [sleep](https://example.com/sleep) for details'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  const hits = ['1 and [dbo].[fn](1)=1', '1 and sleep(5)', '1 and [sleep](5)', '1 and zeroblob(1000000000)'];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, clean, 'body'); expectSameWhenSplit(d, hits, 'query'); });
});

describe('sqli: EXECUTE AS USER/LOGIN = … stacked after a literal or a break-out', () => {
  const hits = ["1; execute as user = 'dbo'", "x'; EXEC AS LOGIN = 'sa'--", "'; execute as login='sa';select 1--"];
  it.each(hits)('%s is a stacked query', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.stacked-query');
  });
  const clean = ["ok; execute as user = 'dbo'", "Plan; execute as planned = 'yes'", "Step 1; execute as user = 'dbo'"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'query'); });
});

describe('sqli: an IPv6 group after :: is no type cast', () => {
  // no type name is spelt in hex digits alone: '::ffff:c0a8:101'
  const clean = ["ipaddr.IPv6.parse('::ffff:192.168.1.1').toString(); // => '::ffff:c0a8:101'", "mapped: 'x'::ffff:c0a8"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  const hits = ["x'::date", "1 and 'a'::text='a'", "'7'::int"];
  it.each(hits)('%s is a cast', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.type-cast');
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, clean, 'body'); expectSameWhenSplit(d, hits, 'query'); });
});

describe('sqli: a variable qualifies no schema; a spaced call after a plain word and a connective is prose', () => {
  const clean = ['https://cdn.jsdelivr.net/gh/jshttp/mime-db@master/db.json', 'x@master.db',
    'family (e.g. `glibc`, `musl`) and version (e.g. `1.23`, `1.2.3`).'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  const hits = ['see master.dbo.sysdatabases', '1 and version (', "' and ascii (substr(user(),1,1))>1", 'select @@version'];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, clean, 'body'); expectSameWhenSplit(d, hits, 'query'); });
});

describe("sqli: '!' before a literal is MySQL's NOT in a bare boolean", () => {
  const hits = ['1 and !0', '1 or !1'];
  it.each(hits)('%s is a tautology', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.tautology');
  });
  const clean = ['1 or 2', '1 or ~2', 'Wow!1 or 2'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe('sqli: a loose quoted formula closes as text', () => {
  // the comparison after a loose quote waits through arithmetic as through a key=value list
  const clean = ["var cookies = cookie.parse('foo=bar; equation=E%3Dmc%5E2');", "x('a=b*2')"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  const hits = ["x '=1*1", "(' =1*1 or '", "x '=1^1-- -"];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain('sqli.string-breakout');
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'body'); });
});

describe('sqli: a dangerous call after a word connective with empty parentheses names the function', () => {
  const clean = ['New in 3.0: select(), union() and sleep() helpers', 'see select() and sleep() below', 'sleep() and eat() are important', 'sleep()'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  const hits = ['1 and sleep(5)', '1 and sleep(', '1 or sleep(5)#', '1 and sleep (5)', '1 procedure analyse()'];
  it.each(hits)('%s is a dangerous function', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.dangerous-function');
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'query'); });
});

describe('sqli: a cast counts its colons, so a percent-encoded :: is a cast too', () => {
  const hits = ["'a'%3A%3Aint", "x'%3A%3Adate", "1 and '1'%253A%253Aint=1"];
  it.each(hits)('%s is a cast', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.type-cast');
  });
  const clean = ["'a':::int", 'fe80:::1', '<a href="http://server.com/">x</a>', 'x%3A%3Ay'];
  it.each(clean)('%s is no cast', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('sqli.type-cast');
  });
});

describe('sqli: statements led by a verb SQL only writes first (TABLE, SHOW, DESC, DESCRIBE, HANDLER)', () => {
  // MySQL 8's TABLE statement as the other side of a UNION, after a literal, a break-out, a ')' or a comment
  const union = ['3 union table accounts', "k' union distinct table t2", '(8) union all table x', '4/**/union/**/table/**/y'];
  it.each(union)('%s is a UNION', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.union-select');
  });
  // stacked: a break-out, ';', the verb and one name, then an empty comment; or two verb-led statements in a row;
  // read as-is, a number, ';', the verb and one name, then an empty comment
  const stacked = ["7'; show grants--", "m'; describe accounts#", "q'; handler t1 open; handler t1 read next;", '5; desc accounts#', '12; table t9 -- -'];
  it.each(stacked)('%s is a stacked query', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.stacked-query');
  });
  const clean = ["Tom'; show me around;", "the kids'; show time;", "Tom'; show you later --", '2; table for two --', 'European Union table tennis',
    'Order 5 (union table)', 'Step 2; describe the issue --', "O'Neil; desc: nice;", 'show tables', 'Table 3; show all'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...union, ...stacked, ...clean]); });
});

describe('sqli: a call of any name spliced between two || re-opens the quote (the second || moves the shape on)', () => {
  const hits = ["z' || pkg.fn(1, 'q') || '", "m'||anyname('a')||'", "' || app_admin.grant_role('eve') || '"];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.string-breakout');
  });
  const clean = ['a || f(x) || b', "const s = 'a' || fn() || 'b'", "' + user.getName() + '", "name || ' (' || count(x) || ')'"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe('sqli: a keyword with a copy of itself inside (what a filter deleting it once leaves) is that keyword', () => {
  const hits = ['9 UNunionION SELselectECT 4,5', '-1 uniunionon selselectect 1', "x' oorr 'a'='a", '1 aandnd 2=2'];
  it.each(hits)('%s is read as SQL', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  it('reads the doubled word as the keyword', () => {
    expect(ruleIds(d.scan('9 UNunionION SELselectECT 4,5', { context: 'query' }))).toContain('sqli.union-select');
  });
  const clean = ['bonbon', 'reunion select', 'selectselect 1', 'Union Station', 'oorr', 'unioN ionunion'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe('sqli: a dangerous call in prose position with a line comment of text after it is a line of code with its note', () => {
  const clean = ['time.sleep(5)  # wait for the server', 'sleep(7) -- wait a bit', 'sleep(2) -- wait for the page to load', 'sleep(7) # give it a bit'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  // an injection's comment is empty or carries one tag word; a call in SQL position is SQL whatever follows
  const hits = ['sleep(4)-- x', 'sleep(4) --', 'pg_sleep(5) -- qKeB', 'time.sleep(3)', 'sleep(5)# a b', '1 and sleep(5) -- wait for it', "x' or sleep(5) -- wait for it"];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits]); });
});

describe("sqli: ' or '' ' — the re-opened literal joins the literal after the connective", () => {
  const hits = ["' or '' '", "' and 'q' '", "' xor 'k' '"];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.string-breakout');
  });
  const clean = ["it's or 'no' 'maybe'", "'yes' or 'no' 'maybe'", "' or 'x' 'y' z"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe('sqli: && and || after the break-out move its re-opening shape on, as AND and OR do', () => {
  const hits = ["k' && 7 && 'q", "zz'||5||'", "m' || col || '", "p' and 3 && 'r"];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.string-breakout');
  });
  const clean = ["it's || x || 'y", "don't && can't && 'maybe", "a && b && 'c'", "(a || b) && 'c'"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe("sqli: Cypher's UNION MATCH / UNION CALL and a pattern closed after the quote", () => {
  const union = ['3 union match (n) return n', '1 union call f(x)', "x' return 1 union all match (u) return u", '(2) union call db.labels() yield l'];
  it.each(union)('%s is a UNION', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.union-select');
  });
  const stacked = ["'}) match (m) return m", "q'}) match (n) detach delete n"];
  it.each(stacked)('%s is a stacked query', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.stacked-query');
  });
  const clean = ['union match (final)', 'Workers union call (555) 123', 'European Union match (2024)', "'Match' (2019)", "(it's the kids') match (game)", 'Set 2; match point --'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...union, ...stacked, ...clean]); });
});

describe("sqli: x'+' — a '+' re-opening the quote right after a glued break-out is concatenation", () => {
  const hits = ["fizzy'+'", "bob'+'"];
  it.each(hits)('%s is a string break-out in a body', (input) => {
    expect(ruleIds(d.scan(input, { context: 'body' }))).toContain('sqli.string-breakout');
  });
  it("q'%2b' is one in a query string (a bare '+' there is a space)", () => {
    expect(ruleIds(d.scan("q'%2b'", { context: 'query' }))).toContain('sqli.string-breakout');
  });
  const clean = ["press '+' to zoom", "a '+' b", "'+'", "x'-'", "n'*'"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean], 'body'); });
});

describe("sqli round 8: a quote glued between a letter-led word and a plain word is an apostrophe (I'm, l'argent, Ali'nin)", () => {
  // read as if inside '…', closing the literal and going on with a word that no keyword, operator or parenthesis
  // separates is a syntax error; a keyword, operator or number before or after the quote still closes it
  const hits = ["admin'or(1)=(1)-- -", "O'Brien' or '1'='1", "l'union' union select 1,2-- -", "a'is not null-- -", "x'oorr 1=1--",
    "1'div 1=1-- -", "42'xkcd<'\">abc", "d'or' or 1=1#"];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  const clean = ["I'm in 'select' mode -- press Esc", "it's a group. A ':' tells when it is used. '=' means the token",
    "Ankara'ya saat 5'te varırız", "Dell'ordine n. 4471 non ho più notizie", "don't say 'union' -- say 'merge'"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe("sqli round 8: a prime (f'(x)) and a quoted operator character (A ':' means)", () => {
  const hits = ["x'=(select 1)='1", "0'='0", "x' : 1 = 'y", "admin ' = ' or 1=1", "ab'(1)=(1)-- -"];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.string-breakout');
  });
  const clean = ["f'(x) = 2x", "f''(x) = 2 and f'(0) = 0", "g'(t) = -sin(t)", "the string '>' or '<' (see below)", "( '<' | '>' | '>=' | '=' ) partial"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean], 'body'); });
});

describe("sqli round 8: a loose quoted word that ends in a connective (I said 'or' not 'and')", () => {
  const hits = ["admin' or 'x' and'", "1' and 'a' or'", "' or 'x' and '"];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.string-breakout');
  });
  const clean = ["I said 'or' not 'and'", "type 'yes' or 'no' then 'or'"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe('sqli round 8: UNION, ORDER or GROUP followed by a plain word is English (RE: Union dues -- 2024)', () => {
  const hits = ['-1 union -- 2024', '1/**/union -- 2024', '1 order by 3 -- 2024', '1 or true -- 2024', "x' union -- 1", 'json\n1 union all -- x\nselect 1,2'];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input.replace(/^json\n/, ''), { context: 'query' }).blocked).toBe(true);
  });
  const clean = ['RE: Union dues -- 2024', 'Order status -- 2024', 'Group photo -- 2019'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits.map((h) => h.replace(/^json\n/, '')), ...clean]); });
});

describe('sqli round 8: a connective between plain names inside a call of a name SQL does not know (P(A or B) = P(A))', () => {
  const hits = ['1) or (1)=(1', "') or (a)=(a", '1 or abs(1)=abs(1)', '1 and (a or 1)=1--', "x' or substr(a,1,1)=a--"];
  it.each(hits)('%s is a tautology or break-out', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  const clean = ['P(A or B) = P(A) + P(B) - P(A and B)', 'f(x and y) = 1'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean], 'body'); });
});

describe('sqli round 8: SELECT <function>( after a word in a sentence', () => {
  const hits = ['select char(65)', 'select version()', "'; select user()--", '1;select count(*) from users--', 'Why is SELECT COUNT(*) FROM users slow?', '(select ascii(1))'];
  it.each(hits)('%s is a SELECT', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.select-from');
  });
  const clean = ['Why is SELECT COUNT(*) slow on a big table?', 'use SELECT CHAR(10) for a newline'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe('sqli round 8 (paranoia 2): a call right after the leading = of a spreadsheet formula', () => {
  let d2: Detector;
  beforeAll(async () => { d2 = await detector({ paranoia: 2 }); });
  afterAll(async () => { await d2.close(); });
  it.each(['=ROUND(B2*1,2;2)', '=IF(OR(A1="yes",A1="y"),1,0)', '=CONCAT(A1," ",B1)'])('%s stays clean at paranoia 2', (input) => {
    expect(d2.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it.each(['a=round(2)', ' =round(2)', '1 = round(2)', '==round(1)'])('%s is still a comparison at paranoia 2', (input) => {
    expect(ruleIds(d2.scan(input, { context: 'query' }))).toContain('sqli.comparison');
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d2, ['=ROUND(B2*1,2;2)', 'a=round(2)', '=IF(A1>0,1,0)']); });
});

describe("sqli round 9: PostgreSQL's postfix NOTNULL and ILIKE after a closed literal (no plain word after an apostrophe)", () => {
  // notnull joins isnull among the SQL function words and ilike joins like among the word operators, so a quote glued
  // after a word and followed by one of them still closes the query's literal
  const hits = ["q' notnull--", "q'notnull #", "zz) ' notnull -- -", "k' ilike 'a", "m.n' notnull/*"];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  const clean = ["O'Neill notnull", "it's notnull in the schema", "l'ilike", "Ali'nin notu", "the column is notnull by default", "use ilike for case"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe("sqli round 9: a loose quoted connective that re-opens the literal with a number glued after it ('a 'or'1')", () => {
  const hits = ["bob 'or'7", "u 'xor'9-- -", "z '||'3#", "Mr 'OR'1", "q 'or'-4", "w 'or' 1"];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.string-breakout');
  });
  const clean = ["I said 'or' not 'and'", "what does 'or' mean", "pick 'or' 2 of them", "type 'or'", "words 'or'less"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe("sqli round 9: ISNULL / NOTNULL right after the break-out quote move its re-opening shape on as IS NULL does", () => {
  const hits = ["x' isnull or 'z", "pg' notnull and '1", "k'notnull or'1", "x' notnull or '1'='1"];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.string-breakout');
  });
  const clean = ["the field isnull or 'n/a'", "notnull or 'empty'", "Ann's isnull or 'x' flag"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe("sqli round 9 (paranoia 2): one arithmetic or bitwise operator character between a closing and a re-opening quote", () => {
  // MySQL: name = 'q '^' w' is (name = 'q ') ^ ' w' … and name = ''-'' is name = 0: true for most rows
  let d2: Detector;
  beforeAll(async () => { d2 = await detector({ paranoia: 2 }); });
  afterAll(async () => { await d2.close(); });
  const hits = ["q '^' w", "zz '|' k", "'&'", "n '-' m", "'*'"];
  it.each(hits)('%s is a comparison at paranoia 2', (input) => {
    expect(ruleIds(d2.scan(input, { context: 'query' }))).toContain('sqli.comparison');
  });
  it.each(hits)('%s stays clean at paranoia 1 (prose quotes operator characters: press \'-\' to zoom out)', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it.each(["x'-'", "n'*'", "A ':' tells", "a '--' b", "'->'", "use '-' or '*'", "split on '|' then trim", "press '-' to zoom out"])('%s is no comparison at paranoia 2', (input) => {
    expect(ruleIds(d2.scan(input, { context: 'query' }))).not.toContain('sqli.comparison');
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d2, [...hits, "x'-'", "a '--' b"]); });
});

// Session 19 (held-out stand-in): at paranoia 2 any SQL call is a comparison (concat( alone), and IF spaced from its '('
// opening the value is a C-family statement in a support ticket far more often than SQL's IF(, written glued.
describe('sqli (paranoia 2): a spaced IF ( opening the value is a code snippet, not a call', () => {
  let d2: Detector;
  beforeAll(async () => { d2 = await detector({ paranoia: 2 }); });
  afterAll(async () => { await d2.close(); });
  const clean = ['if (x && y) { return false; }', 'IF (ok || retry) {', 'if (n) return n', 'Step if (k) then'];
  it.each(clean)('%s stays clean at paranoia 2', (input) => {
    expect(d2.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  // glued, cut off at the end, after a literal or a connective, or with SQL inside: still judged
  const hits = ['if(x && y)', 'if (', 'IF ( ', '2 or if (u, v, w)', "k' and if (u,v,w)", 'if (7=7,1,0)', 'if (3,sleep(4),0)',
    'if (ord(mid(user(),1,1))>70,1,0)', '1 && 2=2', "' && 5=5--", "q' && 'r'='r"];
  it.each(hits)('%s is blocked at paranoia 2', (input) => {
    expect(d2.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d2, [...clean, ...hits]); });
});

describe('sqli round 9: IN after a call and before a plain name is a sentence (IN takes a parenthesis)', () => {
  const hits = ['1 or f(1) in users', "x' or ascii(a) in b--", '1 and id in (1,2)', "x' and len(name) in (4)--"];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  const clean = ['eval(input()) in my homework', 'print(x) in our logs', 'len(s) in practice'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe("sqli round 10: a ';' between the break-out's condition and the comment changes nothing", () => {
  const hits = ["' or true;--", "admin' or 1;--", "x') or not 0;--", '" or true;#'];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.string-breakout');
  });
  const clean = ["it's ok; -- thanks", "Don't or won't; -- see notes", "'quoted' or not;-- fine"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe("sqli round 10: outside MySQL a backslash escapes no quote, so \\' closes the literal (sqlmap's escapequotes)", () => {
  const hits = ["x\\' or 1=1 --", "1\\' AND SLEEP(5)#", "abc\\') union select 1,2-- -", "1\\'; drop table users-- -", "1\\' or \\'1\\'=\\'1"];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  const clean = ["it\\'s fine -- ok", "O\\'Brien and co", "don\\'t or won\\'t", "can\\'t select it, \\'or\\' is greyed out", "it\\'s in the \\'Order by\\' menu", "{\\'a\\': 1, \\'b\\': 2}"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe("sqli round 10: one word after a spaced '--' that follows a word with no SQL meaning is the writer's dash", () => {
  const hits = ['1 order by 5 -- abcd', '1 union select null -- x', "admin' -- x", '1 or true -- x', "x' or 1 -- y", 'select @v bar -- x', '1 and a like b -- c', '1 and a is b -- x'];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  // (so after IS, LIKE or IN when two plain words come before the dash: where is my parcel -- thanks)
  const clean = ['Tom and Jerry -- thanks', 'Insert coin -- thanks', 'Order by phone -- thanks', 'Drop me a line -- thanks', 'Having fun -- cheers',
    'Where is my parcel -- thanks', 'Like a charm -- thanks', 'In case of fire -- thanks', 'Sleep better tonight -- thanks'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe("sqli round 10: MySQL type juggling, '<op><number><op>' between the closing and the re-opening quote", () => {
  // name = ''-0-'' is name = 0: true for every name that does not start with a digit
  const hits = ["'-0-'", "admin'^1^'", "'|0|'", "'*0*'", "x'&1&'", "0'|0#", "x'|0--", "'-''-'", "admin'^''^'", '"-0-"', "'=''-'", '"=""|"', "'-0#", "'^0-- -", '"|0#'];
  it.each(hits)('%s is a string break-out', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.string-breakout');
  });
  const clean = ["rated '+1+'", "x '-0-' y", "5'|2 # note", "'-'", "press '-' to zoom out", "5' - 6' - 7'", 'size "-1-" tag', 'the "-" sign', "'-' or '*'", "x = ''-''", "'-0 dB'", "'*1 - 2'"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it.each(['\\"-0-\\"', '\\"=\\"\\"^\\"', "'-''-'"])('%s in raw JSON string text (escapes still in it) is blocked too', (input) => {
    expect(d.scan(input, { context: 'json-escaped' }).blocked).toBe(true);
  });
  it.each(["'-' or '*'", "'-0-' y"])('%s in raw JSON string text stays clean', (input) => {
    expect(d.scan(input, { context: 'json-escaped' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe("sqli round 10: after a break-out, '--' glued to a word is still a comment (only MySQL needs the space; sp_password)", () => {
  const hits = ["admin'--sp_password", "'--sp_password", "' or true--sp_password", "admin') or 1--sp_password", "admin')--abc", 'x")--GbXc'];
  it.each(hits)('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  const clean = ["'Hello'--world", '"quoted"--text', "the 'best'--ever", "it's--really", "O'Neil--Smith", "rock 'n'--roll", "'--foo'", "--opt='x'--y",
    "a='b'--c", "say 'hi'--then go", "f('x')--y", "foo('bar')--baz", "Rock'n'Roll--live"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe("sqli round 10: MySQL's || and && after the number that starts the value, into an SQL function (symboliclogical)", () => {
  const hits = ['1 || IFNULL(1,0)=1', '1 && ifnull(null,1)', '1%7C%7Clpad(user,7,1)', '1 %26%26 ascii(0)>1'];
  it.each(hits)('%s is a function chain', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.function-chain');
  });
  const clean = ['x = 1 || min(y)', 'step 1 || count(3)', 'page 2 && len(x)', 'valid || parseInt(x)', '1 || 2', 'a || b'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe('sqli values that are only the closing quote, a connective and one literal', () => {
  // ' or 1: the comment form ('||1#) without its comment; nothing else in the value
  it.each(["' or 7", '" and 0', "'or true", "' || 3", "' xor null"])('%s is a string break-out', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('sqli.string-breakout');
    expect(r.blocked).toBe(true);
  });
  it.each(["' or x", "' or 7 more", "'or 7'", "' and 7 pm", "'' or 7"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('is found across a chunk boundary', () => expectSameWhenSplit(d, "' or 7", 'query'));
});

describe('sqli system procedures called without EXEC', () => {
  // T-SQL runs a procedure named first in a batch without EXEC: xp_cmdshell 'cmd'
  it.each(["xp_cmdshell 'net user'", "go xp_dirtree '\\\\h\\s'", "7; go sp_oacreate 'wscript.shell'"])('%s is a dangerous function', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.dangerous-function');
  });
  it.each(["sp_help 'orders'", "xp_msver 'ProductName'", 'the xp_cmdshell option is off'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe('sqli LOAD … INFILE as a statement of its own', () => {
  it.each(['9;load data infile "/tmp/x"', "w'; load xml local infile 'a.xml'", '3; load data low_priority local infile "f"'])('%s is a dangerous function', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.dangerous-function');
  });
  it.each(["Hello; load data infile 'x'", 'please load the infile "x"', 'load data infile "x"'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

// Fails on the earlier scanner: none of its three readings saw these whole (each puts the connective in a literal, or
// its last quote opens one). Written from the grammar of auth-bypass lists, not from the corpus or the probe files.
describe('sqli values of nothing but quotes, comparisons and connectives (login bypasses)', () => {
  const hits = ["'xor''", "'and'''", "'<'or'", "'>=''='", "'=' and '", "'!='||'", "\"or\"\"=\"", "'&&'''", '%27%3D%27%3D%27'];
  it.each(hits)('%s is a string break-out', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('sqli.string-breakout');
    expect(r.blocked).toBe(true);
  });
  // two quotes alone were judged before (and stay so); a connective word beside a space is two quoted words;
  // arithmetic alone is a placeholder (paranoia 2); a word, a number or other punctuation is more than a bypass
  const clean = ["''", "'''", "'+'", "'-'-'", "'/' '*'", "'or'  '", "'or'' then", "it's 'or''", "'=' 1'", "'or''?", "\"'or\"\"", "'?'='"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

// Fails on the earlier scanner: a comment inside a word left two plain words. Written from the grammar (WAF-bypass
// write-ups strip comments server-side), not from the corpus or the probe files.
describe('sqli keywords split by an inline comment glued to both pieces', () => {
  const hits = ['9 UN/*z*/ION ALL SEL/**/ECT 8', "q' A/**/ND 3<4", '1 and BENCH/**/MARK(9,md5(1))', 'x;DR/**/OP table t', 'SE/**/LE/**/CT 1', "k'||ver/*a b*/sion()", '%55NI/%2A%2A/ON 1'];
  it.each(hits)('%s reports the joined keyword', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('sqli.split-keyword');
    expect(r.blocked).toBe(true);
  });
  // a glob's /**/ between directories joins no keyword; a comment with space around it splits nothing; a lone piece
  const clean = ['src/**/index.ts', 'docs/**/*.md', 'packages/**/test', 'a /* note */ b', 'uni /**/ on', 'sel/**/ ect', 'UNI/**/', '/**/ON', 'x/**/y/**/z'];
  it.each(clean)('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('sqli.split-keyword');
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

// Fails on the earlier scanner, which left every <number> <connective> <number> alone as a choice in prose.
// Written from the grammar, not from the corpus or the probe files.
describe('sqli: a value of one number, a connective and the same number again', () => {
  const hits = ['5 or 5', '42 OR 42', '9+or+9', '3 || 3', '8 && 8', '13 and 13', ' 6  or 6 '];
  it.each(hits)('%s is a tautology', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('sqli.tautology');
    expect(r.blocked).toBe(true);
  });
  // two numbers (a choice), more text, a decimal or a version, a word between
  const clean = ['5 or 6', '1 or 11', '2 and 3', 'page 4 or 4', '4 or 4 pages', '1.5 or 1.5', '7 | 7', '3 to 3', '123456789 or 123456789'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

// Fails on the earlier scanner, which took ORDER/GROUP BY and any number for the column-count probe (red team fp20,
// repro 09): a unit glued to the number or a plain word after it is a deadline or a count in shop text.
describe('sqli: ORDER BY <n> is an integer position, not a deadline', () => {
  const hits = ['1 order by 3--', "' order by 10#", '1) ORDER BY 5-- -', 'order by 1,2,3', '1 order by 3', "1' order by 3 desc-- -",
    '1 order by 3 asc', '1 ORDER BY 3 LIMIT 1', "1' group by 2 with rollup--", "1' order by 2 nulls first--", "x' order by 5 for update--",
    "1' order by 3 /*x*/ foo", '1 order by 3 not x', "1' order by 3 union select 1--"];
  it.each(hits)('%s is an order-by probe', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('sqli.order-by-probe');
    expect(r.blocked).toBe(true);
  });
  const clean = ['Order by 3pm for same-day delivery', 'Order by 2 pm', 'Order by 24 December for Christmas delivery', 'Order by 12 noon',
    'Group by 4 people max', 'Please group by 2s'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

// Fails on the earlier scanner, which took '@@' and any word for a server variable (red team fp20, repro 06): generated
// passwords with '@@' before a few letters or digits were blocked at signup.
describe('sqli: @@ reads a server variable only by its name', () => {
  const hits = ['1 union select @@version', "' and @@VERSION like '5%", '1 union select @@version_compile_os--',
    'select @@global.secure_file_priv', '1;select @@servername--', '@@hostname', '1 and @@datadir', "' union select @@spid--",
    '@@GLOBAL.general_log', '1 and @@basedir', '@@session.sql_mode', '1 union select @@tmpdir,@@license,@@new--'];
  it.each(hits)('%s is a schema probe', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('sqli.schema-probe');
    expect(r.blocked).toBe(true);
  });
  const clean = ['@@x7&%&NEJx5MS*3', '@@9kQ!v2', 'Av@@rt9', 'x@@Qm7z!', '@@abc', 'hey @@team'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(false);
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

// Session 18 (red team rt-fp, repros 07, 10, 17): ordinary values the earlier scanner blocked, each with the attacks of
// the same shape that must stay blocked. Every "stays clean" row below was blocked before these changes.
describe('sqli: a USSD code opens with an operator, no operand', () => {
  // *123# read as-is is an operator, a number and a MySQL comment; a value that opens with a binary operator (a sign is
  // folded into its operand) continues no expression, so it cuts nothing off
  const clean = ['*123#', '*135*2#', '**21*5551234#', '*43#', '*100*7#'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(false);
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  const hits = ['7 --', '1 #', '-1#', '(1)#', '9*3#'];
  it.each(hits)('%s is still a comment truncation', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('sqli.comment-truncation');
    expect(r.blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits]); });
});

describe("sqli: a prime after a one-letter name is no break-out", () => {
  // y' = 2y read inside '…' closes the literal after y and compares: with no quote re-opened, no comment and no
  // connective after it the query's own closing quote is left unclosed — a syntax error, and prime notation in maths
  const clean = ["y' = 2y", "x'=0", "d' = 1.2 (signal detection)", "k' = 0.5k", "p' = p + 1", "m@x'=9kT!", "IcGW,X'=8KtE"];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(false);
  });
  const hits = ["a' = 'a", "x' = 1 or 1=1", "a'=1--", "a' = sleep(5)", "b'=1#", "q' = 2 union select 1"];
  it.each(hits)('%s is still blocked', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'form'); });
});

describe('sqli: feet and inches marks before a dash note', () => {
  // Session 18 round 2 (rt-ex2 01): the feet/inches exemption is gone. A quote glued after a number, then a "--" set apart by
  // spaces and two words, was read as a description's dash (TV 55" -- wall mount) when a word came before the number; but a
  // login supplies that word itself — WHERE login = 'john.doe.1990' -- x y' AND password = … cuts the password check.
  // Plain words before a dash note (sleep well -- thanks) keep their own rule (see 'a dangerous name before a dash note').
  const hits = ['1" -- ', '55" -- x', 'admin" -- ', "7' -- ", '5" --', "9'--zz yy", "x' or 2>1 -- two words", "5551234' -- x y",
    '1001" -- a b',
    // session 18 red team (rt-ex 01): a space, sign, bracket, '%' or '+' before the number is no word — WHERE phone =
    // '+15551234567' -- x y' AND password = … cuts the password check as the bare number does
    "+15551234567' -- x y", " 1001' -- x y", "-1' -- x y", "(1' -- a b", "%0' -- a b", ' 1001" -- x y', '[7" -- a b',
    "  +1 555' -- x y", "#5' -- a b",
    // session 18 red team round 2 (rt-ex2 01): a user name ending in <separator><digits> before the quote
    "john.doe.1990' -- x y", "j-smith-2' -- x y", "admin.1' -- x y", "room 101' -- x y", "x\n1' -- x y", 'x 1" -- x y',
    "user_1' -- x y", "a.1' -- x",
    // known false positives since: a measurement in a description reads the same as those logins
    'Board 14\' x 14" -- pressure treated', 'TV 55" -- wall mount included', 'He is 6\'1" -- athletic build',
    'Desk 48" -- solid oak top', ' TV 55" -- wall mount included', 'Sony TV 55" -- wall mount included'];
  it.each(hits)('%s is still blocked', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(true);
  });
  // the query-string form of the red team's login (x%0a1' is decoded to a line break before the number)
  it('reports the login cut in a query string', () => {
    expect(d.scan("x%0a1' -- x y", { context: 'query' }).blocked).toBe(true);
    expect(d.scan("john.doe.1990'%20--%20x%20y", { context: 'query' }).blocked).toBe(true);
  });
  // the plain-word dash notes the two-words rule was made for stay clean
  const clean = ['Sleep well -- see you tomorrow', 'benchmark results -- see below', 'sleep well -- x'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'form'); });
});

describe('sqli: a formula compares a function of one thing', () => {
  // count(x) > 3, round(2.5) = 3: an SQL function's name, one plain argument, the comparison after its ')', and nothing
  // but a plain word before it; an injected comparison follows a literal, quote, connective or ','
  const clean = ['count(x) > 3', 'round(2.5) = 3', 'sum(a) = 10', 'avg(scores) >= 80', 'count(apples) = 12', 'COUNT(X) > 3',
    'sum(x) > 100 means over budget', 'Check max(a) > 5', 'floor(2.9) = 2'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(false);
  });
  const hits = ['1 and count(id)>9', 'count(id) >= 9 and 1', 'if(x, count(id)>=9, 0)', "x' and count(id)>0", 'sum(a) = 10 or 1',
    'length(user) > 4 and 7', '1 or max(id) > 0',
    // session 18 red team (rt-ex 04): a string or data function reading a column, compared — one comparison per request
    // binary-searches the column's bytes — and any function of a name longer than a letter
    'trim(pass) > 0x6162', 'lower(pass) > 0x61626364', 'length(pass) > 5', 'ascii(pass) = 97', 'ascii(p) = 97', 'length(x) > 5',
    'hex(pass) > 0x41', 'ord(p) > 97', 'upper(pass) like 0x4125',
    // known false positive since: LEN is SQL Server's length, the same oracle
    'len(name) > 0'];
  it.each(hits)('%s is a tautology', (input) => {
    const r = d.scan(input, { context: 'form' });
    expect(ruleIds(r)).toContain('sqli.tautology');
    expect(r.blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'form'); });
});

describe('sqli: two functions of one thing joined by a word are a formula', () => {
  const clean = ['sin(x) or cos(x)', 'Sin(x) or Cos(x)', 'avg(a) and avg(b) differ', 'tan(x) or cot(x)', 'use abs(x) or sqrt(x)'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(false);
  });
  const hits = ['ascii(1) or sleep(5)', "x' or sin(1)", '1 and ascii(substr(user(),1,1))>64', 'abs(1) or ascii(char(65))',
    '1 and ascii(1) or ord(2)', "abs(x) || ascii('a')",
    // session 18 red team (rt-ex 04): a pair of constants is always true (WHERE user_id = floor(0) or floor(1): every row),
    // so is a constant second call, and string functions of columns are true for every row with a value
    'floor(0) or floor(1)', 'abs(0) or abs(1)', 'ascii(name) or ascii(pass)', 'ascii(a) or ascii(b)', 'floor(x) or floor(1)',
    'sin(x) or cos(-1)', "sin(x) or cos('1')", 'abs(x) or abs(true)', 'sin(x) or cos(@a)', 'sin(x) or cos(0x1)',
    // known false positive since: two constants, as floor(0) or floor(1)
    'log(2) or ln(2)'];
  it.each(hits)('%s is still blocked', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'form'); });
});

describe('sqli: AND between two plain words is prose', () => {
  // Members and guests = welcome: the connective joins two things named in a sentence (a word before it, spaces around
  // the comparison); an injected one follows a literal or a break-out, or glues its comparison, and OR is left alone
  // (foo or id > 0 is true for every row of a numeric context)
  const clean = ['Members and guests = welcome', 'cats and dogs > birds', 'A and B = team 1', 'you and me = forever',
    'Kids and adults > grown-ups', 'Salt and pepper = seasoning'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(false);
  });
  const hits = ['abc or id=1', 'name and x=5', '1 or id=1', "x' or a=b", 'test or 1=1', '1 and a > 0', "x' and b = c", 'foo or id > 0',
    'Yes or no = fine either way', 'abc xor id > 0',
    // session 18 red team (rt-ex 02): compared to a literal — number, hex, string, $$…$$ — it is a boolean oracle in a
    // numeric context (WHERE id = id and pass like 0x6125: the users whose hash starts with 'a'), whatever words stand around
    'id and pass like 0x6125', 'id and pass > 0x61', 'ID AND PASS LIKE 0x6125', 'id and pass > $$a$$', 'id and $$a$$=$$a$$',
    'id and ssn > 500', 'id and id in (1,2)', "id and pass like 'a%'", 'id and pass between 0x61 and 0x62', 'id and pass rlike 0x61',
    'id and pass like $tag$a%$tag$', 'id and pass>0x61',
    // known false positives since: prose compares to a number the same way (the exemption cannot tell them from the oracle)
    'Adults and children > 12 pay full price', 'Students and seniors >= 20% discount'];
  it.each(hits)('%s is a tautology', (input) => {
    const r = d.scan(input, { context: 'form' });
    expect(ruleIds(r)).toContain('sqli.tautology');
    expect(r.blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'form'); });
});

// Session 18 (rt-fp repro 06): an '@' glued after a plain word or number starts no variable — r@q, user@host: a variable
// right after an operand is a syntax error — so generated passwords ending in '#' are no cut-off query. Fails before.
describe("sqli: an '@' glued to a word starts no variable", () => {
  const clean = ['rB!3t@z&rtVm*j2#', 'ab@cd#', 'ab@cd%%ef#', 'Kp9@w7&Lm#', 'q4@Z*7t#'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(false);
  });
  // a variable after an operator, keyword, connective or space, and a server variable glued to a number, still count
  const hits = ['1@@version', '1 and @x:=1#', "'or@a=@a#", 'a@b or 1=1#', '1 union select @@hostname', '1;set @v=1;--', '1 or @q#'];
  it.each(hits)('%s is still blocked', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'form'); });
});

// Session 18 (rt-fp sentences): a dangerous name used as a word before a dash note — sleep well -- thanks — is two names in
// a row, which SQL never writes before a comment; it waits for the line as the as-is dash note does. Fails before.
describe('sqli: two words in a row before a dash note', () => {
  const clean = ['Sleep well -- see you tomorrow', 'The kids make a wish && sleep well -- thanks', 'benchmark results -- see below',
    'sleep well -- x'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(false);
  });
  const hits = ['1 and sleep -- x', '1 union select user name -- ', 'sleep well --', "x' or sleep(5) -- a b",
    '1 or benchmark(9,md5(1)) -- done now'];
  it.each(hits)('%s is still blocked', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'form'); });
});

// Session 18 (rt-fp repro 06): read inside "…", a double quote glued between a word that starts with a letter and a plain
// word closes the literal and goes on with a name no operator separates from it — a syntax error, as for the apostrophe
// in '…' (I'm, O'Neill): the reading ends there. Generated passwords with such a quote were blocked. Fails before.
describe('sqli: a double quote glued between two words in "…"', () => {
  const clean = ['M"yw=`NLF\\oa+958', 'y"Ti7{=UfoD`TD|x', 'm"P=V/6h;C#xR]Jd', 'Qx"Ti=7k'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(false);
  });
  // a keyword, an operator or a space after the quote still closes it
  const hits = ['x"or"1"="1', 'admin"union select 1--', 'a"="a', 'ab"or 1=1--', 'ab" or 1=1--', 'x"and sleep(3)#'];
  it.each(hits)('%s is still blocked', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'form'); });
});

// Session 18 (rt-fp review): WHERE opening the value before a plain name compared ("where x = 5") starts a clause in an
// operand's place — a syntax error, and a sentence or a maths exercise. The clean rows fail before.
describe('sqli: WHERE first, before a plain name', () => {
  const clean = ['where x = 5', 'Where x = 5 and y = 3', 'where n >= 2'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(false);
  });
  const hits = ['where 1=1', 'where id=1 or 1=1', 'where id = 1 union select 1', "where name = 'admin' --", '1 where x = 5', "x' where id=2",
    'where x = 5 and 1=1'];
  it.each(hits)('%s is still blocked', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'form'); });
});

// Session 18 (rt-ex repro 07, misses older than today): in "…" a connective glued between the closing quote (itself glued
// after a word) and the re-opened quote is MySQL's name = "a"or"1" — true for every row in the default sql_mode, as a'or'1
// already was. PostgreSQL's $$…$$ literal compared after AND between plain words was reported unless the LIKE pattern held
// a '%' (read as a modulo operator): id and pass like $$a%$$ extracts a hash byte by byte. The hits fail before.
describe('sqli: "…" re-opened around a connective, $$…$$ LIKE patterns', () => {
  const clean = ['Q&A: "yes"or"no"', '"yes"or"no"', 'SMALL "&" SIGN', '$$a$$', 'LaTeX $$a^2$$ and $$b%$$', '$5 -- 10% off',
    'cost $$5%$$', 'blue or green', 'cats or dogs', '5 -- see below'];
  it.each(clean)('%s stays clean', (input) => {
    for (const context of ['query', 'body', 'json'] as const) expect(d.scan(input, { context }).blocked).toBe(false);
  });
  const hits: [string, string][] = [['a"or"1', 'sqli.string-breakout'], ['ab"or"x', 'sqli.string-breakout'], ['a"||"1', 'sqli.string-breakout'],
    ['a"and"0', 'sqli.string-breakout'], ['a"xor"1', 'sqli.string-breakout'],
    ['id and pass like $$a%$$', 'sqli.tautology'], ['id and pass like $$%a%$$', 'sqli.tautology'], ['id and pass like $$a%b%$$', 'sqli.tautology'],
    ['id and pass like $$%$$', 'sqli.tautology'], ['ID AND PASS LIKE $$ab%$$', 'sqli.tautology']];
  it.each(hits)('%s is blocked as %s', (input, rule) => {
    for (const context of ['query', 'body', 'json'] as const) {
      const r = d.scan(input, { context });
      expect(ruleIds(r)).toContain(rule);
      expect(r.blocked).toBe(true);
    }
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits.map(([p]) => p)], 'query'); });
});

// Red team rt22 (session 19): exemptions for a formula or an unknown call opening the value (sin(x) = cos(x), wB(7<tY'c)
// were decided at the comparison, before the quote after it, and passed a working login bypass. They were reverted; these
// pin the attacks (each dumps a table in SQLite as name='…').
describe('sqli: a formula or call opening the value, then a quote break-out', () => {
  const attacks = ["abs(x)=abs(x)' or '1", "sin(x)=cos(x)' or 'x", "abs(x)=abs(x)') or ('1", 'abs(x)=abs(x)" or "1',
    "is abs(x)=abs(x)' or '1", "x(1=id)' or '1", "likely(1=id)' or '1", "abs(x)=abs(x)' xor '1"];
  it.each(attacks)('%s is blocked', (input) => {
    for (const context of ['query', 'form', 'json'] as const) expect(d.scan(input, { context }).blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, attacks, 'query'); });
});

/**
 * Each attack reports `rule` and is blocked in a query, a form and JSON (titled `verb`); each clean value passes, read as
 * `context`; attacks and clean values give the same findings split anywhere in `context`.
 */
function ruleCases(rule: string, verb: string, context: 'query' | 'json', attacks: string[], clean: string[]): void {
  it.each(attacks)(`%s ${verb}`, (input) => {
    for (const c of ['query', 'form', 'json'] as const) {
      const r = d.scan(input, { context: c });
      expect(ruleIds(r)).toContain(rule);
      expect(r.blocked).toBe(true);
    }
  });
  it.each(clean)('%s is clean', (input) => { expect(d.scan(input, { context }).blocked).toBe(false); });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...attacks, ...clean], context); });
}

/** String break-outs (sessions 20-21): clean values and splits read as a query. */
const breakoutCases = (attacks: string[], clean: string[]) => ruleCases('sqli.string-breakout', 'is blocked', 'query', attacks, clean);

// The breakout after a call and a spaced "…" breakout (red team rt22, pre-existing): a quote glued after ')' or ']' was read
// as loose (a quoted word in prose), and "…" broke out only with the connective glued to both quotes. Each of these returns
// every row of a table in MySQL as name='…' or name="…".
describe('sqli: a quote break-out after a call or an index, and x" or "1', () => {
  const attacks = ["f(x)' or '1", "abs(x)' or '1", "sin(x) or cos(x)' or '1", "a[0]' or '1", "f(x)' and 'a",
    'x" or "1', 'admin" or "1', 'x" or "x', 'x" xor "true'];
  const clean = ["log('%s (%dms)', x)", "foo (bar)'s or 'x'", 'the "red" or "blue', '"red" or "blue"',
    '\'countdown calendar" and "disney:', 'x" or "disney', 'TV 55" or 65"', 'x" || "1 inch'];
  breakoutCases(attacks, clean);
});

// Red team rt23 (session 20): a comment with text glued after it ("#x", "--x") hid a break-out unless it was glued to the quote,
// and a "…" break-out starting the value, or re-opening a number, passed. Each logs in as admin or returns every row (MySQL;
// "--x" in PostgreSQL and SQLite).
describe('sqli: a comment with text after a break-out, and "…" break-outs', () => {
  const attacks = ["admin';--x", "x' or true --x", "x' or true #yolo", "x' or 1#a",
    '" or "1', '"or"1', '"/**/or/**/"1', 'x" or "1      ', 'x" or "12345', 'admin" or "1-- -'];
  const clean = ["it's #1", "rock'n'roll #music", "say 'hi' #x", "'quoted' --flag", "R7u'#Lp2", 'Fbe"\\}#n$f.?U2z$',
    '7" #2 CIRCULAR NEEDLE', "FOO BAR'# BLAH", "BABY BLUE' --INFANT -CHILD", '"red" or "blue', '" or "', '55" or "65 inch',
    // (an inch mark before a hashtag: red team rt23's false positives of the first version of the '#x' rule)
    'TV 55" #deal', 'He\'s 6\'2" #basketball', '5\'10" #tall', 'the 12" #vinyl edition', 'Reading "Dune" #scifi #books'];
  breakoutCases(attacks, clean);
});

// Red team rt23 (session 20): '!=' after a break-out counted as no comparison (the '!' was pushed alone), and arithmetic on the
// break-out quote cut off by a comment needed every token glued. Each returns every row as name='…' (MySQL; SQLite for '!=').
describe('sqli: != and spaced arithmetic after a break-out, cut off by a comment', () => {
  const attacks: [string, readonly ('query' | 'form' | 'json')[]][] = [
    ["x'!=1-- -", ['query', 'form', 'json']], ["x'!=1#", ['query', 'form', 'json']], ["'!=1-- -", ['query', 'form', 'json']],
    ["x' != 1 #", ['query', 'form', 'json']], ["x'!=id#", ['query', 'form', 'json']], ["'%1#", ['json']],
    ["bob' - 0 #", ['query', 'form', 'json']], ["admin' * 1 #", ['query', 'form', 'json']],
    // ('+' is a space in a query or form value: there these read bob'  0 #)
    ["admin' + 0 #", ['json']], ["'+0#", ['json']]];
  it.each(attacks)('%s is blocked', (input, contexts) => {
    for (const context of contexts) expect(d.scan(input, { context }).blocked).toBe(true);
  });
  it.each(["it's - 1 #", "x != y # comment", "'+1 -- great"])('%s is clean', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, attacks.map(([p]) => p), 'json'); });
});

// Red team rt23 (session 20): a break-out with a space before the closing quote (admin ' or '1 — 'admin ' is 'admin' in MySQL),
// and an UPDATE's SET list spliced after a break-out (x', role='admin makes the user an admin).
describe('sqli: spaced break-out quotes and a spliced SET list', () => {
  const attacks = ["admin ' or '1", "f(x) ' or '1", "a[0] ' or '1", "admin ' || '1", "admin ' or 'yes", "x', role='admin", "x',pass='x",
    'x", role="admin', "x', is_admin=1 --x", "x',is_admin=1#x"];
  const clean = ["print(' or ')", "what does 'is' mean", "I said 'or' not 'and'", "Use ' or ' to join", "got 'value', key='x",
    "foo('a', b='c", "hyphen ::= partial ' - ' partial", "node.add(' + ');"];
  it.each(attacks)('%s is blocked', (input) => {
    for (const context of ['query', 'form', 'json'] as const) expect(d.scan(input, { context }).blocked).toBe(true);
  });
  it.each(clean)('%s is clean', (input) => { expect(d.scan(input, { context: 'json' }).blocked).toBe(false); });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...attacks, ...clean], 'query'); });
});

// Red team rt23 (session 20): a break-out that re-opens an empty literal at the value's end — quotes balanced, no comment.
// name = 'x'-'' is name = 0 in MySQL (every name not starting with a digit); name = 'admin' or not '' is true for every row.
describe('sqli: a break-out re-opening an empty literal', () => {
  const attacks = ["ab'-'", "admin'*'", "xy' ^ '", "x' or not '", "x'or not'", "admin' or not '"];
  const clean = ["rock'n'roll", "it's '-'", "don't'-'", "it's 'or not'", "press '-' to zoom out"];
  it.each(attacks)('%s is blocked', (input) => {
    for (const context of ['query', 'form', 'json'] as const) expect(d.scan(input, { context }).blocked).toBe(true);
  });
  it.each(clean)('%s is clean', (input) => { expect(d.scan(input, { context: 'query' }).blocked).toBe(false); });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...attacks, ...clean], 'query'); });
});

// Red team rt23 (session 20): numeric-context blind tests and tautologies. id = 1&&pass like 's3%' returns the row iff the
// password starts with s3 (one character per request); 1 and (select pass like 's3%') the same through a subquery.
describe('sqli: numeric-context blind tests and commented tautologies', () => {
  const attacks: [string, readonly ('query' | 'form' | 'json')[]][] = [
    ["1&&pass like 's3%'", ['json']], ["0||pass>'r'", ['query', 'form', 'json']], ['1&&pass rlike 0x5e7333', ['json']],
    ['1%26%26pass like \'s%25\'', ['query', 'form']], ["1 and (select pass like 's3%')", ['query', 'form', 'json']],
    ['1 and (select pass>0x72)', ['query', 'form', 'json']], ['1/**/or/**/1', ['query', 'form', 'json']],
    ['0/**/or/**/1', ['query', 'form', 'json']], ['1 or 1;--', ['query', 'form', 'json']], ['1 or 1;', ['query', 'form', 'json']]];
  it.each(attacks)('%s is blocked', (input, contexts) => {
    for (const context of contexts) expect(d.scan(input, { context }).blocked).toBe(true);
  });
  it.each(["a || b == 'c'", 'x = 0 || y > 5', '1 or 2', '1 or 1 - 5', '1 or 1; then 2', 'a && b'])('%s is clean', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, attacks.map(([p]) => p), 'json'); });
});

// Red team rt23 (session 20): a ';' ending the statement before a comment, and operators glued between "…" quotes.
describe("sqli: ';' before a comment, and x\"*\"1", () => {
  const attacks = ["x'!=1;--", "x' or true;--x", "') or true;--x", "x' or true;#x", 'x"*"1', 'x"%"1', '"&"1', 'x"<"1', '"like"1'];
  const clean = ['SMALL "&" SIGN', '"<" key', 'M"yw"x', 'done;-- bye'];
  it.each(attacks)('%s is blocked', (input) => {
    for (const context of ['query', 'form', 'json'] as const) expect(d.scan(input, { context }).blocked).toBe(true);
  });
  it.each(clean)('%s is clean', (input) => { expect(d.scan(input, { context: 'json' }).blocked).toBe(false); });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...attacks, ...clean], 'query'); });
});

// Red team rt23 (session 20): PostgreSQL's '::type' cast of a name hid the comparison around it — 1 and pass::int=1 makes
// PostgreSQL answer "invalid input syntax for type integer: \"s3cret\"", an error-based read of the column.
describe('sqli: a name cast with ::type is the operand it was', () => {
  it.each(['1 and pass::int=1', '1 and pass::numeric=1', '1 and pass::text=1'])('%s is blocked', (input) => {
    for (const context of ['query', 'form', 'json'] as const) expect(ruleIds(d.scan(input, { context }))).toContain('sqli.tautology');
  });
  it.each(['std::string', '1 and std::string=1', 'a::text', 'use Foo::Bar;'])('%s is clean', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(false);
  });
  it("'x'::int still reports as a literal's cast", () => { expect(ruleIds(d.scan("'x'::int", { context: 'query' }))).toContain('sqli.type-cast'); });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, ['1 and pass::int=1', 'std::string', "'x'::int"], 'json'); });
});

// Session 20: a parenthesized SELECT comparing a column is a blind test (ORDER BY (select pass>0x72)); and "(select all that
// apply)", a form's instruction, was blocked as a select list — ALL or DISTINCT alone is none yet, the item after it is.
describe('sqli: (select …) lists and tests', () => {
  it.each(['(select pass>0x72)', 'x,(select pass>0x72)', '(select distinct 1)', '1 and (select distinct 1)', '(select all @@version)',
    '(select distinct id from t)'])('%s is blocked', (input) => {
    for (const context of ['query', 'form', 'json'] as const) expect(d.scan(input, { context }).blocked).toBe(true);
  });
  it.each(['(select all that apply)', '(Select all that apply.)', 'Choose (select one) option'])('%s is clean', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, ['(select pass>0x72)', '(select all that apply)', '(select distinct 1)'], 'json'); });
});

// Red team rt23 (session 20): admin' --x logs in as admin in PostgreSQL and SQLite ("--" needs no space after it there).
// Spaced from the quote, "--" glued to a word is a cut when that word is all that follows on its line.
describe("sqli: admin'--x, and a possessive before a hashtag or signature", () => {
  it.each(["admin'--x", "x'--sp_password"])('%s is blocked', (input) => {
    for (const context of ['query', 'form', 'json'] as const) expect(d.scan(input, { context }).blocked).toBe(true);
  });
  // (red team rtb23: spaced after a possessive these are prose — my kids' #blessed, the boys' --Dad — so admin' --x and
  // admin' #x pass; their glued forms and the end-of-value admin' # do not)
  it.each(["BABY BLUE' --INFANT -CHILD", "CCBCUSTOMDRESSES' --INFANT -CHILD -CHILDS", "Love my kids' #blessed", "feelin' #blessed",
    "Tell the boys' --Dad", "chillin' --Dave"])('%s is clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, ["admin'--x", "BABY BLUE' --INFANT -CHILD", "Tell the boys' --Dad"], 'query'); });
});

// Red team rtb23 (session 21): a '#' standing alone between spaces after a break-out is MySQL's comment marker, as a spaced "--"
// already was (admin' -- x): name='admin' # x' AND pass=… logs in as admin. A hashtag is glued to its word, so my kids' #blessed
// and admin' #x (one space, a word glued: red team rtb23's reverted false positives) stay clean; so does a '#' glued to the quote.
// After the bare quote a spaced '#' is prose too (red team rtd24: Customers' # of orders, a line ending in a quote before a
// Markdown heading or a Python comment): it cuts after a ';' or ')' ending the quote's statement, or a connective and operand.
describe("sqli: admin'; # x — a free-standing '#' after a break-out", () => {
  breakoutCases(["admin'; # x", "admin' ;  # x y", "x'; # x", "x') # any note", "x' or 1 # note"],
    ["Love my kids' #blessed", "admin' #x", "FOO BAR'# BLAH", "admin' # 1", 'TV 55" # deal', "print('a') # x", "it's # 2",
      "Customers' # of orders dropped", "Employees' # of hours: 40", "Thanks to all the contributors'\n\n# Usage",
      "# this is the metaclass'\n# __call__", 'return f" # type: {comment}"', "admin' # x"]);
});

/** Session 21's tautology blocks: clean values and splits read as JSON. */
const tautologyCases = (attacks: string[], clean: string[]) => ruleCases('sqli.tautology', 'is a tautology', 'json', attacks, clean);

// Red team rtb23 (session 21): the same-number tautology (1 or 1) died at any word after its comment or at a line break used as
// spacing: 1 or 1 --x, 1 or 1 #x, 1%0aor%0a1 return every row as 1 or 1 does (SQLite, PostgreSQL; '#' MySQL).
describe('sqli: 1 or 1 with a comment of text after it, or line breaks as spacing', () => {
  const attacks = ['1 or 1 --x', '1 or 1 #x', '1 or 1;--x', '1\nor\n1', '2 and 2 -- any text', '7 || 7 /* x */'];
  tautologyCases(attacks, ['1 or 1 - 5', '1 or 1 # x\n2', '1 or 2 #x', '1 or 1; then 2', '1\nor\n2']);
});

// Red team rtb23 (session 21): the UPDATE SET-list splice (x', role='admin) passed with any change of spacing or a backticked
// name; SQL reads x' , role = 'admin the same (bob becomes an admin in SQLite). The literal re-opened and left unclosed at the
// end is the splice's mark, not the spacing; a closed one, or a key = 'value' after a loose quote, stays clean.
describe("sqli: x' , role = 'admin — a spaced SET-list splice", () => {
  breakoutCases(["x' , role='admin", "x', role = 'admin", "x',role = 'admin", "x', `role`='admin", 'x" , role = "admin'],
    ["got 'value', key='x", "foo('a', b='c", "x', role = 'admin'", "SET name = 'x', role = 'y'", "a' , b = c"]);
  it.each(["x' , is_admin = 1 --x", "x' , is_admin = 1 #x"])('%s is blocked', (input) => {
    for (const context of ['query', 'form', 'json'] as const) expect(d.scan(input, { context }).blocked).toBe(true);
  });
});

// Red team rtb23 (session 21): admin ' or '1 was read with exactly one space on each side of the connective; SQL ignores how
// much space there is, and admin ' or  '1 returns every row as well (SQLite). Quoted words and quoted spaces stay clean.
describe("sqli: admin ' or  '1 — a spaced quote-or at any spacing", () => {
  breakoutCases(["admin ' or  '1", "admin  '  or  'yes", "admin '  ||  '1", "f(x) '   or '1"],
    ["what does  'or'  mean", "print('  or  ')", "Use '  or  ' to join", "I said  'or'  not  'and'"]);
});

// Red team rtb23 (session 21): PostgreSQL reads pass :: int as pass::int, and int2, float8, timestamp … fail on a text column
// with its value in the message as int does (1 and pass::int2=1 is an error-based read). A number's cast of any word stays glued
// only (Step 1 :: Setup is a heading), and a name's takes a type name (std :: string, Haskell's x :: Int -> Int stay clean).
describe('sqli: a spaced ::type cast, and more type names', () => {
  const attacks = ['1 and pass :: int=1', '1 and pass::int2=1', '1 and pass::float8=1', '1 and pass ::timestamp=1', '1 and pass:: float4 > 0',
    "x' and pass :: int=1 --x"];
  tautologyCases(attacks, ['x :: Int -> Int', 'Step 1 :: Setup', '1 and std :: string=1', 'f :: int = 1', 'Foo :: Bar']);
});

// Red team rtb23 (session 21): '/' and '%' after a break-out cut off by a comment (MySQL: name = 'bob' / 1 is name = 0, every
// non-numeric name), x" * "1 spaced in "…", and a comparison then "--x" or "#x" after the break-out (x' != 1;--x returns every row
// in SQLite as x'!=1;-- does). A '/' glued to the quote before a name stays a quoted path.
describe("sqli: bob' / 1 #, x\" * \"1 spaced, x' != 1;--x", () => {
  const attacks: [string, string][] = [["bob' / 1 #", 'sqli.string-breakout'], ["bob'/1#", 'sqli.string-breakout'],
    ["bob' % 2 #", 'sqli.string-breakout'], ['x" * "1', 'sqli.string-breakout'], ['x" / "2', 'sqli.string-breakout'],
    ["x' != 1;--x", 'sqli.comment-truncation'], ["x'!=1;--x", 'sqli.comment-truncation'], ["x' != 1 --x", 'sqli.comment-truncation'],
    ["x' = 1 #x", 'sqli.comment-truncation'], ["bob' <> 1 --x", 'sqli.comment-truncation']];
  it.each(attacks)('%s is blocked as %s', (input, rule) => {
    for (const context of ['query', 'form', 'json'] as const) {
      const r = d.scan(input, { context });
      expect(ruleIds(r)).toContain(rule);
      expect(r.blocked).toBe(true);
    }
  });
  it.each(["x'/static/*", "'/static/*", 'x" * "abc', '12" * "14', "docs'/guide #top", "it's = 1 #x", "Tell the boys' --Dad"])('%s is clean', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, attacks.map(([p]) => p), 'json'); });
});

// Red team rtb23 03 (session 21, false positives of 05b7092): a spaced quote-or is a bypass only when the re-opened literal is true
// — a digit first (MySQL and SQLite cast '1', '7abc' to their number) or PostgreSQL's spelling of true (t, true, y, yes, on). Two
// names joined (Tom ' or 'Jerry, Salt ' and 'Pepper) are false in MySQL and SQLite and an error in PostgreSQL: prose.
describe("sqli: Tom ' or 'Jerry — a spaced quote-or that is false", () => {
  breakoutCases(["admin ' or '1", "admin ' or '7abc", "admin ' or 'yes", "admin ' or 'Yes", "admin ' or 't", "admin ' or 'true",
    "admin ' or 'on", "admin ' || '1"],
  ["Tom ' or 'Jerry", "Ross ' or 'Rachel", "Salt ' and 'Pepper", "admin ' or 'yesterday", "admin ' or 'of"]);
});

// Red team rtb23 08 (session 21): a type name in "…" is PostgreSQL's quoted identifier for the same type (pass::"int4" is
// pass::int4): the comparison around it is read as for the bare name. A quoted word that names no type stays a string.
describe('sqli: a quoted ::"type" cast', () => {
  const attacks = ['1 and pass::"int4"=1', '1 and pass :: "int4" = 1', "x' and pass::\"int\"=1 --x"];
  tautologyCases(attacks, ['1 and pass::"foo"=1', 'std::"string"', 'say "int" :: "text"']);
});

// Red team rt23 12 (session 21): x ' or ' 1 — a space (or a sign) before the true literal changes nothing: MySQL reads ' 1' as 1.
describe("sqli: x ' or ' 1 — one byte before the true literal", () => {
  breakoutCases(["x ' or ' 1", "x ' or '-1", "x ' or ' yes"], ["Tom ' or ' Jerry", "Use ' or ' to join"]);
});

// Red team rt23 09 (session 21): an INSERT's VALUES row spliced with no comment — x'),(10,'evil makes VALUES (9, 'x'),(10,'evil')
// insert a second, forged row (SQLite, MySQL, PostgreSQL). The re-opened literal left unclosed after '(' and literals is the mark.
describe("sqli: x'),(10,'evil — a VALUES row spliced", () => {
  breakoutCases(["x'),(10,'evil", "x'), ('evil", "'),(10,'evil", "x'),(10,NULL,'evil", 'x"),(10,"evil', "x') , (10 , 'evil"],
    ["f('a'),(10,'b", "it's'),('x", "x'),(10,'evil')", "x'),(10 'evil"]);
});

// Red team rt23 01 (session 21): a value opening with its closing quote, an operator glued to it and a column, cut off by a
// comment — name = ''%id is name = 0 in MySQL, true for every name not starting with a digit — as '%1# with a number already was.
describe("sqli: '%id# — the closing quote, an operator and a column, cut off", () => {
  breakoutCases(["'%id#", "'-foo#", "'|col--", "'*x#"], ["'hello#world", "'&page#top", "'- foo #", "'-foo #bar"]);
  it("'+name-- - is blocked in JSON ('+' is a space in a query or form)", () => {
    expect(ruleIds(d.scan("'+name-- -", { context: 'json' }))).toContain('sqli.string-breakout');
  });
});

// Red team rt23 04 (session 21): a numeric context's blind test as a chained comparison — id = 0<pass like 's%', id = 1=pass>'r'
// return rows only while the column matches (one character per request). A chain of numbers (0 < x < 1) is maths, and a number
// with letters glued to it starts a generated password, no integer literal (5tC3*8<`?`MWBl="); a range check from code, both
// comparisons ordering the same way (red team rtd24: 0 <= ch < 0x110000, 1 < n < 'z'), compares a boolean in SQL.
describe("sqli: 0<pass like 's%' — a number, a column and a quoted literal chained", () => {
  const attacks = ["0<pass like 's%'", "1=pass>'r'", "0 < pass like 's%'", '1=pass>0x72'];
  tautologyCases(attacks, ['0 < x < 1', '5tC3*8<`?`MWBl="', '5t<ab="x"', 'a < b < 3', '0 <= ch < 0x110000', '0<=c<0x80', "1 < n < 'z'", "9 > n > 'a'"]);
});

// Red team rtd24 11 (session 21): the spaced quote-or's re-opened literal is cast to the number it starts with (MySQL, SQLite:
// leading whitespace and one sign skipped, the rest ignored): '1 time', '  1', '-0.5x' are true and return every row (verified
// in SQLite). The first word after the quote decides, not the value's last one; a literal that starts with a letter stays false,
// and a quote with space after it then words of text (a ' or ' 1 time, pinned above) stays prose quoting ' or '.
describe("sqli: x ' or '1 time — the re-opened literal's leading number", () => {
  breakoutCases(["x ' or '1 time", "x ' or '9 lives", "x ' or '  1", "x ' or '\t\t1", "x '  or  '  1", "x ' or '1.5 kg",
    "x ' or '1,2", "x ' or '-0.5x", "admin ' or '  +2"],
  ["Tom ' or 'Jerry", "Tom ' or 'Jerry 2", "Salt ' and 'Pepper 1", "admin ' or 'yesterday 1", "x ' or '- 1", "x ' or '.. 1"]);
});

// Red team rtd24 11 (session 22): words after the number change nothing when space comes after the quote either — SQLite returns
// every row for name = 'x ' or ' 1 time' (the cast skips the space); session 21 had pinned a ' or ' 1 time clean as prose quoting
// ' or ', but the reading SQL makes of it is the tautology. A re-opened literal that starts with a letter stays false and clean.
// In "…" (SQLite and MySQL read it as a string) a loose closing quote takes the same shape when a number ends the value right
// after the re-opened quote: x " or "1, x "or"1; a quoted word of prose with text after it (He said " or " 1 time) stays clean.
describe("sqli: x ' or ' 1 time, x \" or \"1 — the spaced quote-or with words after, and in double quotes", () => {
  breakoutCases(["x ' or ' 1 time", "x ' or '9 lives", "a ' or ' 1 time", "a ' or '  2 more", "Use ' or '  1 of them", "x '  or  ' -1 kg",
    'x " or "1', 'x "or"1', 'x " or " 1', 'x "  and  "-2', 'admin " xor "1'],
  ["Tom ' or 'Jerry", "Tom ' or ' Jerry 2", "Use ' or ' to join", 'He said " or " 1 time', 'x " or "1 time', "rock 'n' roll", '5\' 10" tall',
    'the "red" or "blue', 'x " or "yes', 'x " || "1', 'a "or" b', 'x " or "a1']);
  // (percent-encoded as a client sends them: %22%20 is three input bytes per byte, so the number is found by bytes, not offsets)
  it.each(["x ' or ' 1 time", 'x " or "1', 'x "or"1', 'x " or "  1'])('%s is blocked percent-encoded', (input) => {
    expect(d.scan(encodeURIComponent(input), { context: 'query' }).blocked).toBe(true);
    expect(d.scan(encodeURIComponent(input).replace(/%20/g, '+'), { context: 'form' }).blocked).toBe(true);
  });
  it.each(['He said " or " 1 time', 'x " or "1 time', "Tom ' or 'Jerry"])('%s is clean percent-encoded', (input) => {
    expect(d.scan(encodeURIComponent(input), { context: 'query' }).blocked).toBe(false);
  });
});

// Red team rtd24 18 (session 21): arithmetic after a break-out cut off by a comment, with a ';' ending the statement before the
// comment (PDO_MYSQL runs name = 'bob'*1;-- x' as one statement and a comment: name = 0, every non-numeric name) — taken as
// x' or true;--x is. A quoted path ('/static/*;) and a ';' with no comment stay clean.
describe("sqli: bob'*1;-- — an arithmetic break-out ended by ';' before the comment", () => {
  const attacks = ["bob'*1;--", "bob' * 1 ;#", "bob' / 1;#", "bob' % 2;-- x", "bob' - 0; -- x"];
  it.each(attacks)('%s is blocked', (input) => {
    for (const context of ['query', 'form', 'json'] as const) {
      const r = d.scan(input, { context });
      expect(r.blocked).toBe(true);
    }
  });
  it.each(["'/static/*;", "x'/static;--", "bob' * 1;", "Tom's * 2; -- x"])('%s is clean', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, attacks, 'json'); });
});

// Red team rtd24 12 (session 21): the UPDATE SET-list splice with more after its first assignment — a second assignment or an
// expression before the unclosed literal (bob becomes admin in SQLite). A closed key='value' list stays clean.
describe("sqli: x', role = 'admin', name = 'x — a SET splice with more assignments", () => {
  breakoutCases(["x', role = 'admin', name = 'x", "x', role = 'adm'||'in", "x',role=\"admin\",name='x"],
    ["x', role = 'admin', name = 'x'", "a', b = 'c', d = 'e'", "key='a', role = 'admin'"]);
});

// Red team rtd24 12 (session 21): the INSERT VALUES-row splice with a complete forged row before the re-opened one (x'),(10,'a'),(11,'b
// inserts rows 10 and 11 in SQLite). Rows of literals only, while the ring holds the whole value; a closed list stays clean.
describe("sqli: x'),(10,'a'),(11,'b — a VALUES splice with complete rows", () => {
  breakoutCases(["x'),(10,'a'),(11,'b", "x'), (10, 'a'), ('b", "x'),(10,null),(11,'b"],
    ["x'),(10,'a'),(11,'b')", "see (1, 'a'), (2, 'b"]);
});

// Red team rtd24 12 (session 22): SET and VALUES splices whose forged values hold calls or more tokens than the 8-token ring —
// x', role = lower('ADMIN'), name = 'x makes bob admin, x'),(10,concat('a','b')),(11,'b inserts rows 10 and 11 (SQLite). The
// splice's opening (break-out, ',', name, '='; break-out, ')', ',', '(') is noted as it is pushed and the unclosed literal at
// the end judged however long the middle; a VALUES row needs every parenthesis closed again and the literal re-opened as a row's
// value (after ',' or ',(' or a value's operator). Closed lists, a row with no ',' before the literal, prose lists stay clean.
describe("sqli: x', role = lower('ADMIN'), name = 'x — SET and VALUES splices past the ring", () => {
  breakoutCases(["x', role = lower('ADMIN'), name = 'x", "x', role = char(97,100,109,105,110), name = 'x", "x', a = b, c = d, e = f, g = 'h",
    "x'),(10,concat('a','b')),(11,'b", "x'),(10,char(65)),(11,'y", "x'),(10,lower('A'),'b", "x'),(10,/**/'evil", "x'),(10,'ev'||'il",
    'x"),(10,concat("a","b")),(11,"b'],
  ["x', role = lower('ADMIN'), name = 'x'", "x'),(10,concat('a','b')),(11,'b')", "x'),(10,concat('a','b')),(11 'b",
    "x'),(10,concat('a','b'),(11,'b", "f('a'),(10,lower('b'),'c", "see (1, 'a'), (2, lower('b')), (3, 'c", "it's'),('x', 'y', 'z', 'w",
    "a', b = 'c', d = lower('e'), f = 'g'"]);
});

// Red team brief sq26 4 (session 22): sqlmap's escapequotes in a "…" context — 1\" AND SLEEP(5)-- -. MySQL's default mode
// reads \" as an escaped quote (the string stays open: harmless), but SQLite reads "…" as a string with no escapes, so
// name = "1\" or 1=1-- -" returns every row there (MySQL with NO_BACKSLASH_ESCAPES likewise): the guard takes the reading that
// closes, for a backslash glued after a word, number, ')' or ']' in the implied string. One after a space or punctuation keeps
// MySQL's escape (a password's |\"O*wi>7), and so does every backslash after it: C:\"Program Files\" is one literal. The
// closing reading, once taken, holds for the string too (red team rtf26): x\\" closes in both readings — \\ is one backslash
// to MySQL, two to SQLite — and a second backslash read as MySQL's escape hid everything after it (union select included).
describe('sqli: 1\\" AND SLEEP(5)-- - — a backslash before the closing "…" quote', () => {
  const attacks = ['1\\" AND SLEEP(5)-- -', '1\\" or 1=1-- -', 'admin\\" or 1=1 #', 'x)\\" or 1=1-- -', 'x\\\\" or 1=1 -- ',
    'x\\\\" union select password from users -- ', '\\\\" or 1=1 -- ', 'x\\\\\\\\" or 1=1 -- ', 'x\\\\"; drop table users'];
  it.each(attacks)('%s is blocked', (input) => {
    for (const context of ['query', 'form', 'json'] as const) expect(d.scan(input, { context }).blocked).toBe(true);
  });
  it.each(['C:\\"Program Files\\" or 1', '|\\"O*wi>7=H#^+;D', 'He said \\"yes\\" or \\"no\\"', 'a \\"b\\" or 1', '5\\" 10\\" tall', 'path\\to\\file',
    'a\\b \\"c or d'])('%s is clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, attacks, 'query'); });
});

// Red team brief sq26 3 (session 22): PostgreSQL's SIMILAR TO is a comparison as LIKE is — x' or name similar to '% returns every
// row ('%' matches any string) — but SIMILAR and TO were two plain words, so the break-out had no comparison after its connective.
// The pair, spaced with nothing between, is one comparison operator now; prose that says "similar to" compares nothing.
// (x' or 'a' ~ 'a, PostgreSQL's regex match, was blocked already: pinned here.)
describe("sqli: x' or name similar to '% — SIMILAR TO as a comparison", () => {
  breakoutCases(["x' or name similar to '%", "x' or 'a' similar to 'a", "x' or name SIMILAR TO '%", "x' or name similar  to '%_",
    "x' or name similar to '", "x' or 'a' ~ 'a"],
  ["a similar to 'b", "results similar to 'x' or 'y'", "He's similar to 'Tom' but", "find items similar to 'shoes",
    "colour similar to 'red' or 'blue'", "size similar to 5 or 6", "a similar to b and c similar to d"]);
});

/** Attacks that must report `rule` and block, and look-alikes that must stay clean, in each of query, form and JSON. */
function everyContextCases(rule: string, attacks: string[], clean: string[]): void {
  it.each(attacks)(`%s reports ${rule}`, (input) => {
    for (const context of ['query', 'form', 'json'] as const) {
      const r = d.scan(input, { context });
      expect(ruleIds(r), context).toContain(rule);
      expect(r.blocked, context).toBe(true);
    }
  });
  it.each(clean)('%s is clean', (input) => {
    for (const context of ['query', 'form', 'json'] as const) {
      const r = d.scan(input, { context });
      expect(r.blocked, `${context}: ${ruleIds(r).join(' ')}`).toBe(false);
    }
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...attacks, ...clean], 'query'); });
}

// Brief sq26b 1 (session 22): SELECT [ALL|DISTINCT] needs a select list and FROM a table (or subquery) after it — a server
// rejects SELECT ALL FROM t and SELECT * FROM with nothing after it. "Select all from the drop-down" and a search URL ending
// in select+*+from were blocked as queries. FROM now reports at the name, quoted name, table variable or '(' after it, and
// ALL takes an SQL-shaped item after it (DISTINCT a plain column name too).
describe('sqli: SELECT <list> FROM <table> — a list and a table both', () => {
  everyContextCases('sqli.select-from',
    ["' union select * from users--", 'select password from users', 'union all select 1 from dual', 'select * from (select 1)x',
      'select all * from accounts', 'select all 1 from t', 'select distinct login from staff', 'select * from @tbl',
      'select * from "staff"', '1;select * from`staff`'],
    ['Select all from the drop-down', 'select ALL from page 4', 'http://shop.test/find?term=select+*+from', 'how to select * from',
      'select 1 from 2', 'Please select all from this list.']);
  it("1 union select all from t is still a UNION's other side (union-select), but no select list", () => {
    const r = d.scan('1 union select all from t', { context: 'query' });
    expect(ruleIds(r)).toContain('sqli.union-select');
    expect(ruleIds(r)).not.toContain('sqli.select-from');
  });
});

// Brief sq26b 2 (session 22): T-SQL's WAITFOR DELAY|TIME takes its time as a literal or a variable, nothing else — "waitfor
// delay in t-sql" names the statement. The statement reports at its time now.
describe("sqli: WAITFOR DELAY '0:0:5' — the statement with its time", () => {
  everyContextCases('sqli.dangerous-function',
    ["1;waitfor delay '0:0:5'--", 'waitfor delay @t', "';WAITFOR%20DELAY%20'0:0:5'--", "1) waitfor time '23:59'--",
      "x\";waitfor delay @d--", "1 WAITFOR DELAY'0:0:9'"],
    ['waitfor delay in t-sql', 'WAITFOR DELAY syntax', 'waitfor delay 5', 'mssql waitfor time example', 'waitfor delay']);
});

// Brief sq26b 3 (session 22): an Oracle package call concatenated after a break-out (out-of-band or time-based) — blocked
// already (the break-out's '||' call and the package's dangerous name); pinned, with the concatenations of code and prose.
describe("sqli: x'||UTL_HTTP.REQUEST(…)||' — an Oracle package call after a break-out", () => {
  everyContextCases('sqli.string-breakout',
    ["q'||utl_http.request('http://a.test/')||'", "abc'||DBMS_PIPE.RECEIVE_MESSAGE('x',9)||'", "n'||utl_inaddr.get_host_name('a.test')||'",
      "z' || sys.dbms_lock.sleep(4) || '", "k'||my_pkg.leak(1)||'"],
    ['foo||bar', 'a || b.c(2)', "it's || p.q(1)", 'cat x || obj.run(3)']);
});

// Red team rte26 06 (session 22): x" or "1 a and admin" or "1 -- were blocked raw (json, an unencoded query) but clean
// percent-encoded, as every client sends them in a query or form: the "…" quote-or measured its re-opened literal (at most four
// bytes, or a number glued to the quote ending the value) in input offsets, where %22 and %20 are three bytes each. SQLite returns
// every row for name = "x" or "1 a". The literal is measured in decoded bytes too now (the operator twin x" * "1 as well), so
// every encoding gives the raw verdict; look-alikes clean raw stay clean encoded.
describe('sqli: x" or "1 a — the "…" quote-or with words after the number, however it is encoded', () => {
  const encodings = (input: string): [string, 'query' | 'form' | 'json'][] => [[input, 'json'], [input, 'query'],
    [encodeURIComponent(input), 'query'], [encodeURIComponent(input).replace(/%20/g, '+'), 'form'],
    [encodeURIComponent(encodeURIComponent(input)), 'query']];
  const attacks = ['x" or "1 a', 'admin" or "1 --', 'x" and "1 ab', 'x" or "ab c', '" or "1 a', 'x" or "12345', 'x" or "1-- -',
    'x" * "1', 'x" * "12345'];
  it.each(attacks)('%s is blocked in every encoding', (input) => {
    for (const [value, context] of encodings(input)) {
      const r = d.scan(value, { context });
      expect(ruleIds(r), `${context} ${value}`).toContain('sqli.string-breakout');
      expect(r.blocked, `${context} ${value}`).toBe(true);
    }
  });
  it.each(['calendar" and "disney:', 'the "red" or "blue', 'He said " or " 1 time', '12" * "14 measures', 'x" or "abcde',
    'x " or "1 time', 'x" * "1 a'])('%s is clean in every encoding', (input) => {
    for (const [value, context] of encodings(input)) {
      const r = d.scan(value, { context });
      expect(r.blocked, `${context} ${value}: ${ruleIds(r).join(' ')}`).toBe(false);
    }
  });
  it('gives the same findings split anywhere (percent-encoded)', () => {
    expectSameWhenSplit(d, attacks.map((s) => encodeURIComponent(s)), 'query');
  });
});

// Session 23: a VALUES row or argument list spliced and cut off by a comment was blocked (x'),(10,'ev')--) but the same with a
// ';' ending the statement before the comment was clean (x'),(10,'ev');--: INSERT … VALUES ('x'),(10,'ev');--') adds the forged
// row in every engine that takes the comment). The ';' changes nothing, as it changes nothing after a connective (' or 1;--).
describe("sqli: x'),(10,'ev');-- — a spliced literal list, the statement ended before the cut", () => {
  breakoutCases(["x'),(10,'ev');--", "x', 'admin');#", "x', 1);--", "x'),(10,'ev'); --", "x'),(10,'ev');/*"],
    ["it's, 5;-- ok", "x', 'admin');", "Tom's, Ann's;--", "Tom's, 5; -- see you"]);
});

// Red team rt27 (session 23): a VALUES row splice with longer rows, or with calls and concatenations, closed and cut off —
// x'),(10,'ev'),(11,'z');-- inserted both forged rows in sqlite3 (INSERT INTO t(uid,name) VALUES (5,'<value>')); literalList
// reads only the ring's last tokens and literals only. The splice's opening (spliceOpened) and a depth of -1 (every parenthesis
// the value opened closed, and the query's row by its first ')') mark it at the comment, whatever came between.
describe("sqli: x'),(10,'ev'),(11,'z');-- — forged rows of any length, closed and cut off", () => {
  breakoutCases(["x'),(10,'ev'),(11,'z');--", "x'),(10,'e'||'v');--", "x'),(10,'ev'),(11,'z')--", "x'),(10,concat('e','v'));--",
    "x'),(10,'ev'),(11,'z')#", "x'),(1,2),(3,4),(5,6),(7,8)/*"],
    ["x'),(10,'ev'),(11,'z')", "it's'),('x');--", "f('a'),(10,'b')--", "Tom's (a),(b) -- see", "x'),(1,2),(3,(4)--"]);
});

// Red team rt27s (session 23): SQLite's function forms of its word operators and its probability hints, a blind boolean with no
// SELECT — 1 and glob('S3*',pass) returns the row only while the guess holds (sqlite3). like( glob( glued to their '(' are calls
// (spaced, the operator takes a parenthesised operand); likelihood likely unlikely printf are functions.
describe("sqli: 1 and glob('S3*',pass) — SQLite's function-form operators", () => {
  const attacks = ["1 and glob('S3*',pass)", "1 and like('S3%',pass)", "1 and likelihood(pass>'S',.5)", "iif(glob('S*',pass),9,id)",
    "iif(glob('S*',pass),like('x',printf('%.*c',300000000,'a')),id)"];
  it.each(attacks)('%s is blocked', (input) => {
    for (const context of ['query', 'form', 'json'] as const) expect(d.scan(input, { context }).blocked, context).toBe(true);
  });
  it.each(['glob patterns like *.txt', 'I like(d) it', 'we like (a lot) of things', "name like 'bob%'", "x like ('a%')",
    "use glob('*.md') to list", 'likely (see below)', 'items like(these)'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, attacks.map((s) => encodeURIComponent(s)), 'query'); });
});

// Red team rt27s (session 23): a numeric value's tautology with a second number no choice in prose is written as — 1 or .1,
// 1 or -1, 1 or 0x1, 1 or 1e0 returned every user for id = <value> (sqlite3); 1 or 1 was blocked, 1 or 2 is a choice in prose.
describe('sqli: 1 or .1 — a truthy second number written as code', () => {
  const attacks = ['1 or .1', '1 or -1', '1 or 0x1', '1 or 1e0', '2 or 0x1f--', '1 || .5', '7 and -3'];
  it.each(attacks)('%s is a tautology', (input) => {
    for (const context of ['query', 'form', 'json'] as const) {
      const r = d.scan(context === 'json' ? input : encodeURIComponent(input), { context });
      expect(ruleIds(r), context).toContain('sqli.tautology');
      expect(r.blocked, context).toBe(true);
    }
  });
  it.each(['1 or .0', '1 or -0', '1 or 0x0', '1 or 0e5', '1 or 2', '1 or -1 items', '1 or -', '5 or 1.5e3'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, attacks, 'json'); });
});

// Red team rt28pg (session 24): '#' is PostgreSQL's XOR operator — ' or id#0>0-- returned every user (PostgreSQL 15), and
// 1#0 union select …, 0#(select …) ran the rest of the line, which the scanner had read as a MySQL comment (or, after a
// number, an item's "#2") and skipped. Glued between an operand and a number or '(' it is now an operator; spaced, or
// after a word with no number after it, it stays a comment or a hashtag.
describe("sqli: ' or id#0>0-- — '#' as PostgreSQL's XOR operator", () => {
  const attacks = ["' or id#0>0--", "admin' and id#0>0--", '1#0 union select id,pass from users', "1#0;update users set role='admin' where id=3",
    "0#(select count(*) from users where name='admin' and pass like 'S3%')", 'id#0,(select 1 from pg_sleep(2))',
    "x'),(6#0,(select pass from users where id=1))--", "x',id=2#0,role='admin' where id=2--"];
  it.each(attacks)('%s is blocked', (input) => {
    for (const context of ['query', 'form', 'json'] as const) {
      expect(d.scan(context === 'json' ? input : encodeURIComponent(input), { context }).blocked, context).toBe(true);
    }
  });
  it.each(['order#123', 'Apt#4 or 5', 'C#7 chord', 'issue#12 and #13', '7" #2 NEEDLE', 'Room 5#2 or 6', 'size#(large)'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, attacks, 'json'); });
});

// Red team rt28pg (session 24): PostgreSQL's regular-expression match ~ (and ~* !~ !~* ~~ !~~) is a comparison —
// x' or name~' logged in as every user, 1 and pass~'^S' read a password one guess at a time (PostgreSQL 15), where =,
// LIKE and > in the same places were blocked. After a number '~' is a range (5~6 people), and before one "about" (~95 Mb/s).
describe("sqli: x' or name~' — PostgreSQL's pattern match as a comparison", () => {
  const attacks = ["x' or name~'", "x' or role~*'", "x' or pass!~~'", "x' or name~E'^admin$", "x' or pass~E'^S", "1 and pass~'^S'", "0 or name~''"];
  it.each(attacks)('%s is blocked', (input) => {
    for (const context of ['query', 'form', 'json'] as const) {
      expect(d.scan(context === 'json' ? input : encodeURIComponent(input), { context }).blocked, context).toBe(true);
    }
  });
  it.each(['5~6 or 7~8', '3~5 and 6~8 people', "decode('win1251')     ~95 Mb/s      ~246 Mb/s", 'approx ~3 or 4', '~/projects or ~/work', 'a~b and c~d'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, attacks, 'json'); });
});

// Red team rt28pg (session 24): CREATE ROLE … SUPERUSER stacked after a break-out made a superuser (PostgreSQL 15); ROLE is
// an object word as USER is
describe("sqli: x';create role evil superuser — ROLE as a statement's object", () => {
  it.each(["x';create role evil superuser login password 'x", '1;drop role x', "x'; alter role bob superuser--"])('%s is a stacked query', (input) => {
    expect(ruleIds(d.scan(input, { context: 'json' }))).toContain('sqli.stacked-query');
  });
  it.each(['Create role-based access', 'the create role button', 'create role; assign users'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

// Red team rt28pg (session 24): a dollar-quoted string is literal text to PostgreSQL, quotes and comment openers included, so
// $a$'x/*$a$ (or $$'x/*$$) blinded every reading — its ' or /* left them in a string or comment to the end — and any
// payload after it ran (passwords read, roles changed, pg_sleep). The string now ends where its tag closes it; a reading a
// quote or comment inside had taken is put back there.
describe("sqli: x'||$a$'x/*$a$ union select … — PostgreSQL dollar quoting as a blinder", () => {
  const B = "$a$'x/*$a$";
  const attacks = ["0 or $$'x/*$$=$$$$ union select id,pass from users", `x'||${B} union select id,pass from users--`, `x' or ${B} is not null--`,
    `x'||${B}, role=$r$admin$r$ where id=2--`, `x'||${B}),(6,(select string_agg(name||':'||pass,',') from users))--`,
    `x'||${B}; update users set role=$r$admin$r$ where id=3--`, `x'||${B} and (select 1 from pg_sleep(2))=1--`,
    "0 or $$'x--$$<>$$$$ union select id,pass from users", "1 or $q$'$q$ union select pass from users",
    // (MySQL, where $a$ is a name or an alias: the quote inside opens a string that the next quote closes — code after it)
    "1 $a$, 'x$a$ ' union select 1,2,pass from users-- ", "$$'$$ x' union select pass from users-- ",
    "x'||$a$'x$a$||'a' union select pass from users--", "0 or $a$'$a$='\"' union select pass from users--",
    // (red team rt28d on the tracker, sqlite3: to SQLite and MySQL $$ and @$$ are a parameter and a variable, the "…" a
    // string and the comment opener in it text — a reading put back at the second $$ must not open a comment there)
    '1 and $$ = "$$ || /*" || \'*/\' union select password from users -- \'', '1 and @$$ = "$$ || /*" or \'*/\' union select password from users -- \'',
    '$$ || "$$ || /*" || \'*/\' from products union select name, password from users -- ', '1 and $$ = "$$ || --" || \'\n\' union select password from users -- \'',
    '1 and @$$ = "$$ || #" or \'\n\' union select password from users -- \'', "1 @$$/*$$ ' */ union select pass from users-- '"];
  it.each(attacks)('%s is blocked', (input) => {
    for (const context of ['query', 'form', 'json'] as const) {
      expect(d.scan(context === 'json' ? input : encodeURIComponent(input), { context }).blocked, context).toBe(true);
    }
  });
  it.each(['price is $5 or $10', "costs $$$ it's pricey", "$a$it's fine$a$", "I'd pay $$ for that, wouldn't you", "$$ f(x) = x' $$ is the derivative's sign",
    'US$ 5 and A$ 7'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, attacks.map((s) => encodeURIComponent(s)), 'query'); });
});

describe('sqli session 25: PostgreSQL functions that run a query given as text, or read files and other servers', () => {
  // (left by red team rt28pg: query_to_xml('select …') leaked data through a cast error in a numeric context; dblink,
  // dblink_exec reach another server or run a statement; pg_read_binary_file, pg_stat_file read the server's files)
  const attacks = ["1 and query_to_xml('select 1',true,true,'') is not null", "1 and length(database_to_xml(true,true,''))>0",
    "1;select dblink_exec('host=x','drop table t')", "1 and (select dblink('host=evil','select 1')) is null",
    "x' union select pg_read_binary_file('/etc/passwd')--", "1 and pg_stat_file('/etc/passwd') is not null", "1 or table_to_xml('users',true,true,'') is null"];
  // (the shared cases: the rule and a block in query, form and json; the clean ones and the splits read as a query)
  ruleCases('sqli.dangerous-function', 'is a dangerous function', 'query', attacks, ['query_to_xml', 'use query_to_xml to export a report', 'the dblink extension']);
});

describe('sqli session 26: IS, LIKE or IN before a plain name is English, no comparison', () => {
  // "The food is great -- highly recommend": reviews and messages that use "--" as a dash were blocked as a comment cutting
  // off a query, IS counting as SQL. IS takes NULL, TRUE, FALSE, UNKNOWN, NOT, DISTINCT FROM (or, in SQLite, any
  // expression: a number, a quoted literal, a call); a plain name after it is a sentence's
  it.each(['The food is great -- highly recommend', 'Service is slow -- avoid', 'This is awesome -- thanks', 'the app is broken -- help',
    'The price is right -- buy now', 'Hi\nhead office is closed -- call us later', 'My order is late -- where is it?', 'Quality is not good -- returned it',
    // (helper fp30: IN takes a parenthesis, LIKE a pattern; IS before an operator is no comparison either)
    'Arrived in 3 days -- great', 'Cooked rice in 18 min -- way faster than my old one.', 'Like new -- barely used', 'Not in stock -- sad',
    'The meeting is in room 3B -- not 3A!', 'Fell in love -- 5 stars', 'Your OTP is 123456 -- valid for 5 minutes.'])('%s stays clean', (input) => {
    for (const context of ['query', 'json'] as const) expect(d.scan(input, { context }).blocked, context).toBe(false);
  });
  it.each(['x is null -- z', '1 is 1 --', 'price is 5 --', "x is 'a' --", '1 is true--', 'id is distinct from 0--', 'x is not null--',
    'x is right(1) --', "admin' and password is not null--", '1 or x is not null--', "id'is not-id--", 'x is not 1 --',
    '1 in (1)--', 'x in (select 1)--', "x like 'a%' --", '1 like 1--', "x glob '*'--", 'x is in (1)--',
    // (red team rt32, run in SQLite and PostgreSQL 15: IS [NOT] UNKNOWN is a tautology there; after a number, a quote broken
    // out of or a variable, IS, IN and LIKE count whatever follows — SQLite's IS takes any expression and IN a table)
    '0 is not unknown-- -', "' is not unknown-- -", 'id is not unknown-- -', 'x is not json--', "' is not name--", "admin' is not pass--",
    '0 is not id--', '0 is not +id--', 'id is 1--', 'x is 1 -- -', 'My code is 1234 -- thanks', '1 is not [id]--', '0 not in ids--', "' ilike foo--", '%\' is not name--'])('%s is still cut off', (input) => {
    expect(ruleIds(d.scan(input, { context: 'json' }))).toContain('sqli.comment-truncation');
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, ['The food is great -- highly recommend', 'x is null -- z', 'x is not null--'], 'json'); });
});

describe('sqli session 27: WHERE then a number compared to a name stays a comparison', () => {
  // (red team rt35: an UPDATE's SET value, run as one of several statements — SQLite's executescript, MySQL's
  // multipleStatements — changed every row: x' where 0<id; set name = 'x' on all of them)
  it.each(['x\' where 0<id;', '0 where 0<id;', 'x\' where 5=owner;', 'x\') where 0<id;', 'where 1=id', 'where 1=1', "x' where 1=1--"])('%s is blocked', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(true);
  });
});

describe('sqli session 27: a mention before a spaced dash is a message, not a cut', () => {
  // (ping @anna -- done: a plain word, a space and a user variable, then a dash and words — a name then a variable is a
  // syntax error in every engine. Not a variable opening the value: PostgreSQL reads @id as abs(id), and red team rt35's
  // id = @id -- a AND owner = 5 returned every owner's rows)
  it.each(['ping @anna -- done', 'thanks @mike -- see you', 'admin @a -- b'])('%s stays clean', (input) => {
    for (const context of ['query', 'json'] as const) expect(d.scan(input, { context }).blocked, context).toBe(false);
  });
  it.each(['@x --', '1 or @x -- a', "x' or @a -- b", '@@version -- a', 'id=@x -- a', '@a=1 -- b', 'declare @x int -- a', '1 and @a -- b',
    '@id -- a', '@7 -- a', '@mike -- thanks', '@id\n-- a', '@ID -- x'])('%s is still blocked', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, ['ping @anna -- done', '1 or @x -- a', '@id -- a'], 'json'); });
});

describe('sqli session 27: a variable, a connective and a literal is a tautology', () => {
  // (red team rt35: MySQL reads id = @x or true as true for every row — an unset @x is NULL, NULL OR TRUE is TRUE — and the
  // value passed, where 1 or true did not)
  it.each(['@x or true', '@x or 1', '@x\nor true', '@x || true', '@x or not 0'])('%s is a tautology', (input) => {
    expect(ruleIds(d.scan(input, { context: 'json' }))).toContain('sqli.tautology');
  });
  it.each(['@anna or @bob', '@john or 2 others', 'email @x or 1 hour'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(false);
  });
});

describe('sqli session 28: one word ending a sentence after a spaced dash is the writer’s, as two words are', () => {
  // (Parking is 35 -- ouch.: IS before a number is SQLite's comparison, so the dash waited for its line: one word was a tag
  // like 1 order by 5 -- abcd. An attacker who could write "-- a." could as well write "-- a b", which was already let by)
  it.each(['Parking is $35 -- ouch.', 'Your OTP is 123456 -- ouch!', 'Call me at 555-1234 -- thanks!', 'x is 1 -- why?'])('%s stays clean', (input) => {
    for (const context of ['query', 'json'] as const) expect(d.scan(input, { context }).blocked, context).toBe(false);
  });
  it.each(['x is 1 -- a', 'x is 1 --', 'x is 1 -- .', '1 order by 5 -- abcd', '@id -- a.', "x' is 1 -- a.", '1 or 1 -- ok.', 'x is 1 -- 2.'])('%s is still blocked', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, ['Parking is $35 -- ouch.', 'x is 1 -- a'], 'json'); });
});
