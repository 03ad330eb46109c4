import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { explain, type Detector } from '../../src/index.js';
import { detector, ruleIds, expectSameWhenSplit } from './helpers.js';

let d: Detector;
beforeAll(async () => { d = await detector(); });
afterAll(async () => { await d.close(); });

const finalText = (payload: string, context: 'query' | 'path' | 'body' | 'header' = 'query') => explain(d, payload, context).stages[2]!.text;

describe('decoding stages', () => {
  it('percent-decodes, with + as space only in query/form', () => {
    expect(finalText('a%20b+c')).toBe('a b c');
    expect(finalText('a%20b+c', 'path')).toBe('a b+c');
  });
  it('decodes %uXXXX and folds full-width forms to ASCII', () => {
    expect(finalText('%u003cscript%u003e')).toBe('<script>');
    expect(finalText('%uFF1Cscript%uFF1E')).toBe('<script>');
    expect(finalText('\uFF1Cscript\uFF1E')).toBe('<script>');
  });
  it('decodes double percent-encoding (bounded to two passes)', () => {
    const e = explain(d, '%253Cb%253E', 'query');
    expect(e.stages[0]!.text).toBe('%3Cb%3E');
    expect(e.stages[1]!.text).toBe('<b>');
    expect(finalText('%2525253Cb')).toBe('%3cb'); // a fourth layer stays encoded (a third is decoded: see below)
  });
  it('decodes HTML entities: named, decimal, hex, with and without ;', () => {
    expect(finalText('&lt;a&gt;')).toBe('<a>');
    expect(finalText('&#60;a&#x3E;')).toBe('<a>');
    expect(finalText('&#60a&#62b')).toBe('<a>b');
    expect(finalText('&#x3Eb')).toBe('\u03eb'); // hex digits continue the reference
    expect(finalText('&ltscript')).toBe('<script');
    expect(finalText('&#0000060;x')).toBe('<x');
    expect(finalText('&unknown;')).toBe('&unknown;');
  });
  it('decodes JS escapes \\x and \\u', () => {
    expect(finalText('\\x3cb\\u003e\\u{3c}')).toBe('<b><');
  });
  it('decodes common text entities (&copy; &reg; &mdash; …) only with their ";": "Acme&reg;" is no "&" and "reg"', () => {
    expect(finalText('Acme&reg; 2024 &copy; x&mdash;y &times;2', 'body')).toBe('acme\u00ae 2024 \u00a9 x\u2014y \u00d72');
    expect(finalText('&reg query', 'body')).toBe('&reg query');
    for (const clean of ['Acme&reg; 2024', '&copy; 2026 Example Inc.', 'Price &times; 2']) expect(d.scan(clean, { context: 'body' }).blocked, clean).toBe(false);
    expect(d.scan('x&reg query HKLM\\Software /s', { context: 'query' }).threats.length).toBeGreaterThan(0);
  });
  it('decodes an entity-encoded entity once more (bounded: one extra level)', () => {
    expect(finalText('&amp;lt;b&amp;gt;')).toBe('<b>');
    expect(finalText('ja&amp;#x09;vascript:')).toBe('ja vascript:');
    expect(finalText('AT&amp;T')).toBe('at&t');
    expect(finalText('&amp;amp;amp;lt;')).toBe('&amp;lt;'); // a third level stays encoded
  });
  it('folds slash look-alikes (division slash, fraction slash, set minus) from %u, entities and JS escapes', () => {
    expect(finalText('..%u2215..%u2216x')).toBe('../..\\x');
    expect(finalText('..&#x2215;a\\u2044b')).toBe('../a/b');
    expect(ruleIds(d.scan('..%u2215..%u2215etc%u2215passwd', { context: 'query' }))).toContain('path.traversal-sequence');
  });
  it('decodes CSS escapes (2-6 hex digits that make printable ASCII, one whitespace after), except in paths', () => {
    expect(finalText('\\6a\\61vascript:')).toBe('javascript:');
    expect(finalText('\\3c script\\3e', 'body')).toBe('<script>');
    expect(finalText('x:expression\\28 1\\29', 'body')).toBe('x:expression(1)');
    expect(finalText('\\00003c b')).toBe('<b');
    expect(finalText('C:\\2023\\notes')).toBe('c:\\2023\\notes'); // U+2023 is no ASCII: left alone
    expect(finalText('..\\bin\\be')).toBe('..\\bin\\be'); // one digit, or no printable ASCII: left alone
    expect(finalText('..\\3c', 'path')).toBe('..\\3c');
  });
  it('decodes JS legacy octal escapes of < and > when they make markup (\\74script\\76), and no other octal', () => {
    expect(finalText('\\74script\\76alert(1)\\74/script\\76')).toBe('<script>alert(1)</script>');
    expect(finalText('\\074svg onload=alert(1)\\076')).toBe('<svg onload=alert(1)>');
    expect(finalText('x\\76\\74img')).toBe('x><img');
    expect(finalText('\\74 x')).toBe('tx'); // no markup after it: CSS's \74 ('t') as before
    expect(finalText('a\\76b')).toBe('a\\76b'); // a '>' with no octal '<' before it stays
    expect(finalText('\\74script', 'path')).toBe('\\74script');
    expect(ruleIds(d.scan('\\74script\\76alert(1)\\74/script\\76', { context: 'query' }))).toContain('xss.script-tag');
    expectSameWhenSplit(d, ['\\74script\\76alert(1)\\74/script\\76', '\\074svg/onload=alert(1)\\076']);
  });
  it("drops ASP's '%' in a run of '%' + character pairs (%S%E%L%E%C%T), and no lone '%'", () => {
    expect(finalText('1 %U%N%I%O%N %S%E%L%E%C%T %1%,%2')).toBe('1 union select 1,2');
    expect(finalText("x%'%) %O%R %1%=%1%-%-")).toBe("x') or 1=1--");
    expect(finalText("1%' %O%R")).toBe("1%' or"); // a lone pair stays
    expect(finalText('50%off 100% sure 20%-30% a%b')).toBe('50%off 100% sure 20%-30% a%b');
    expect(finalText('..%2%65..%2%66etc')).toBe('...../etc'); // IIS's nibble form keeps its '%'
    expect(ruleIds(d.scan('1 %A%N%D %S%L%E%E%P(5)', { context: 'query' }))).toContain('sqli.dangerous-function');
    expectSameWhenSplit(d, ['1 %U%N%I%O%N %S%E%L%E%C%T %1%,%2', "x%' %O%R %1%=%1%-%- ", '50%off%20100% sure', '..%2%65..%2%66etc']);
  });
  it("keeps an ASP run going over a '%' before a hex letter when the escape after it is no hex digit (%D%20 is 'D' and a space)", () => {
    // Fails on the earlier decoder, which took every hex letter before an escape for IIS's nibble form (%2%65)
    // and so kept the '%' of %D in %F%I%E%L%D%20: the keyword after it was read as 'fiel%d'.
    expect(finalText('%U%P%D%A%T%E%20%T%A%B%L%E%D%20%S%E%T')).toBe('update tabled set');
    expect(ruleIds(d.scan('%S%E%L%E%C%T%20%P%A%S%S%W%O%R%D%20%F%R%O%M%20%A%C%C%O%U%N%T%S', { context: 'query' }))).toContain('sqli.select-from');
    expect(finalText('..%2%65..%2%66etc')).toBe('...../etc'); // the nibble form stays: %65 is the hex digit 'e'
    expect(finalText('%Y-%m-%d%20%H:%M')).toBe('%y-%m-d %h:%m'); // a date format: still plain text
    expectSameWhenSplit(d, ['%U%P%D%A%T%E%20%T%A%B%L%E%D%20%S%E%T', '%S%E%L%E%C%T%20%P%A%S%S%W%O%R%D%20%F%R%O%M%20%A%C%C%O%U%N%T%S']);
  });
  it("reads IIS's invalid-hex escapes when they form an overlong separator (%c0%9v %bg%qf), and only then", () => {
    // IIS counts a letter past 'f' on ('g' 16, 'v' 31) and wraps at 256: %9v is 0xAF, %qf 0x1AF → 0xAF, %bg 0xC0.
    // Fails on the earlier decoder, which left them as text: ..%c0%9v.. was no traversal.
    for (const p of ['..%c0%9v..%c0%9vwindows%c0%9vsystem.ini', '..%c1%8s..%c1%8sboot.ini', '%bg%qf..%bg%qf..%bg%qfproc%bg%qfself%bg%qfenviron', '..%C0%QF..%C0%QFetc%C0%QFshadow']) {
      const ids = ruleIds(d.scan(p, { context: 'query' }));
      expect(ids, p).toContain('path.overlong-utf8');
      expect(ids, p).toContain('path.traversal-sequence');
    }
    expect(finalText('..%c0%9v..%c0%qfetc')).toBe('../../etc');
    // a lone invalid escape, or a pair that makes no overlong form, stays text
    expect(finalText('100%good %zz%qf 5%kg%1g')).toBe('100%good %zz%qf 5%kg%1g');
    expect(finalText('x%c0%zz')).not.toMatch(/[/\\.]/);
    expectSameWhenSplit(d, ['..%c0%9v..%c0%9vwindows%c0%9vsystem.ini', '%bg%qf..%bg%qf..%bg%qfproc%bg%qfself%bg%qfenviron', '100%good %zz%qf']);
  });
  it('decodes a third layer of percent-encoding where the second pass leaves %25XX (%252527 is a quote)', () => {
    // Fails on the earlier decoder, which stopped after two passes: 1%252527 OR... stayed %27.
    expect(finalText('%25253Cb')).toBe('<b');
    expect(finalText('x%252522%252520onmouseover%25253D')).toBe('x" onmouseover=');
    expect(ruleIds(d.scan('9%252527%252520AND%2525202%25253E1%252523', { context: 'query' }))).not.toEqual([]);
    expect(finalText('50%25%20off %2525 %25zz')).toBe('50% off % %zz'); // no escape after it: as before
    expectSameWhenSplit(d, ['x%252522%252520onmouseover%25253D', '9%252527%252520AND%2525202%25253E1%252523']);
  });
  it('a NUL ending the value ends the query after a break-out, as a trailing comment would (admin\'%00)', () => {
    for (const p of ["admin'%00", "'%00", "admin')%00%00", 'x" or true%00', "admin'\u0000"]) {
      expect(ruleIds(d.scan(p, { context: 'query' })), p).toContain('sqli.string-breakout');
      expect(ruleIds(d.scan(p.replaceAll('%00', '').replace('\u0000', ''), { context: 'query' })), p).not.toContain('sqli.string-breakout');
    }
    // no break-out, or something after the NUL: the NUL only reports itself
    for (const p of ['1%00', "O'Brien%00", "it's%00", 'file.php%00', "admin'%00x", 'hello%00 world']) {
      expect(ruleIds(d.scan(p, { context: 'query' })), p).toEqual(['path.null-byte']);
    }
    expectSameWhenSplit(d, ["admin'%00", "' or 1=1%00", "admin'%00x", "admin')%00%00", '1%00']);
  });
  it('a CSS-escaped javascript: URL or expression() in a style is found', () => {
    expect(ruleIds(d.scan('background:url(\\6a\\61vascript:go())', { context: 'body' }))).toContain('xss.js-uri');
    expect(ruleIds(d.scan('x:\\65xpression(go())', { context: 'body' }))).toContain('xss.css-expression');
  });
  it('folds ASCII case and whitespace runs, removes NUL', () => {
    expect(finalText('SeLeCt \t\v\f  X')).toBe('select x');
    // a CR ends a line like LF (to JavaScript, alert(1)<CR>x is two statements); CR LF is one line end
    expect(finalText('a\r\nb\rc\r\rd \r  e')).toBe('a\nb\nc\n\nd \ne');
    expect(ruleIds(d.scan('alert(msg)\rdone'))).toContain('xss.js-sink');
    expect(ruleIds(d.scan('alert(msg) done'))).toEqual([]);
    expect(finalText('a%00b')).toBe('ab');
  });
  it('decodes overlong UTF-8 of . / \\', () => {
    expect(finalText('%c0%ae%c0%ae%c0%af')).toBe('../');
    expect(finalText('%e0%80%ae%c1%9c')).toBe('.\\');
  });
  it('decodes a lone C0/C1 lead before an ASCII . / \\ (continuation bits ignored)', () => {
    expect(finalText('%c0%2e%c0%2e%c0%2f')).toBe('../');
    expect(finalText('..%c1%1c..%c0%5cx')).toBe('..\\..\\x');
    expect(ruleIds(d.scan('%c0%2e%c0%2e/'))).toContain('path.overlong-utf8');
    // other bytes after the lead stay as they are
    expect(ruleIds(d.scan('%c0a %c1.'))).not.toContain('path.overlong-utf8');
  });
  it('decodes the five- and six-byte overlong forms of . / \\ (pre-RFC 3629 decoders; dotdotpwn sends them)', () => {
    expect(finalText('%f8%80%80%80%ae%f8%80%80%80%ae%f8%80%80%80%af')).toBe('../');
    expect(finalText('%fc%80%80%80%80%ae%fc%80%80%80%80%ae%fc%80%80%80%80%af')).toBe('../');
    expect(ruleIds(d.scan('..%f8%80%80%80%af..%f8%80%80%80%afetc%f8%80%80%80%afpasswd'))).toContain('path.overlong-utf8');
    expect(d.scan('..%fc%80%80%80%80%af..%fc%80%80%80%80%afwindows%fc%80%80%80%80%afwin.ini', { context: 'query' }).blocked).toBe(true);
    // only a form that spells ASCII is read: a lead byte with other bytes after it (Latin-1 text) stays as it is
    expect(ruleIds(d.scan('%f8%80%80%82%af'))).not.toContain('path.overlong-utf8');
    expect(ruleIds(d.scan('r%f8d gr%f8d med fl%f8de'))).not.toContain('path.overlong-utf8');
    expectSameWhenSplit(d, ['..%f8%80%80%80%af..%fc%80%80%80%80%afetc%f8%80%80%80%afpasswd']);
  });
  it("folds the %u slash forms dotdotpwn sends for IIS (%uEFC8, %uF025) to '/'", () => {
    expect(finalText('..%uEFC8..%uF025x')).toBe('../../x');
    expect(d.scan('..%uEFC8..%uEFC8..%uEFC8etc%uEFC8passwd', { context: 'query' }).blocked).toBe(true);
    expect(d.scan('..%uF025..%uF025..%uF025boot.ini', { context: 'query' }).blocked).toBe(true);
  });
  it('folds raw slash look-alikes like their %u forms', () => {
    expect(finalText('..\u2215..\u2216x\u2044y')).toBe('../..\\x/y');
  });
  // session 21 (rtc23 19): what NFKC (Python unicodedata, Java Normalizer) turns into '.' '..' '\\' is read as that
  it('folds the compatibility forms NFKC makes dots and backslashes of, raw and escaped', () => {
    expect(finalText('\u2025/\u2024\u2024/\ufe52\ufe52\ufe68\ufe30/x')).toBe('../../..\\../x');
    expect(finalText('%E2%80%A5/%u2025/&#x2025;/\\u2025/%uFE68')).toBe('../../../../\\');
    // the ellipsis (NFKC '...') is a name to every file system, and prose: left as it is
    expect(finalText('wait\u2026')).toBe('wait\u2026');
  });
  it('decodes written-out 0x2e / 0x2f / 0x5c in path evasion', () => {
    expect(finalText('/0x2e0x2e0x2fetc')).toBe('/../etc');
    expect(finalText('id 0x2ef1')).toBe('id 0x2ef1');
  });
});

describe('decoding feeds detection', () => {
  it('finds attacks only visible after decoding', () => {
    expect(d.scan('%253Cscript%253E').blocked).toBe(true);
    expect(d.scan('&#x3C;svg onload=x()&#x3E;').blocked).toBe(true);
    expect(d.scan('%c0%ae%c0%ae/%c0%ae%c0%ae/etc/hosts', { context: 'path' }).blocked).toBe(true);
    expect(ruleIds(d.scan('%c0%ae%c0%ae/'))).toContain('path.overlong-utf8');
    expect(ruleIds(d.scan('x.php%00.png'))).toContain('path.null-byte');
  });
  it('decodes JSON string escapes in json-escaped text, as written only, and a \\\\ as one backslash', () => {
    expect(ruleIds(d.scan('1\\" or \\"1\\"=\\"1', { context: 'json-escaped' }))).toContain('sqli.tautology');
    expect(ruleIds(d.scan('a\\nid', { context: 'json-escaped' }))).toContain('cmdi.chained-command');
    expect(ruleIds(d.scan('\\u003cscript\\u003e', { context: 'json-escaped' }))).toContain('xss.script-tag');
    // \\u003c arrives as the text \u003c: decoded like the same text in a query value, or in the parsed JSON value
    expect(ruleIds(d.scan('\\\\u003cscript\\\\u003e', { context: 'json-escaped' }))).toContain('xss.script-tag');
    expect(ruleIds(d.scan('\\\\x3cscript\\\\x3e', { context: 'json-escaped' }))).toContain('xss.script-tag');
    expect(ruleIds(d.scan('\\x3cscript\\x3e', { context: 'json' }))).toContain('xss.script-tag'); // (the parsed value of the line above)
    // and a \\ before anything else is still one backslash (C:\\Users\\xavier, C:\\2023: no escape)
    expect(d.scan('C:\\\\Users\\\\xavier\\\\2023', { context: 'json-escaped' }).threats).toEqual([]);
    expect(ruleIds(d.scan('C:%5cboot.ini', { context: 'json-escaped' }))).toContain('path.sensitive-file'); // %5c then b: no \b escape
    expect(d.scan('1\\" or \\"1\\"=\\"1', { context: 'json' }).blocked).toBe(false); // already-parsed text: \\" stays
  });
  it('reads a no-break space (U+00A0, or a lone Latin-1 A0 byte) as a space, also split across chunks', () => {
    expect(ruleIds(d.scan('1%a0and%a01=1'))).toContain('sqli.tautology');
    expect(ruleIds(d.scan('1%c2%a0union%c2%a0select%c2%a01,2'))).toContain('sqli.union-select');
    expect(ruleIds(d.scan(new TextEncoder().encode('1\u00a0union\u00a0select\u00a01,2')))).toContain('sqli.union-select');
    expect(d.scan('x%c3%a0y union').blocked).toBe(false); // à: A0 as a continuation byte is no space
    expectSameWhenSplit(d, ['1%a0and%a01=1', '1\u00a0union\u00a0select\u00a01,2', 'x\u00e0 union select 1']);
  });
  it('treats \\ as / for traversal', () => {
    expect(ruleIds(d.scan('..\\..\\boot.ini', { context: 'path' }))).toContain('path.traversal-sequence');
  });
  it('folds SQL comments and whitespace between keywords', () => {
    expect(ruleIds(d.scan('1 UNION/**/ALL/**/SELECT/**/1,2'))).toContain('sqli.union-select');
    expect(ruleIds(d.scan('1\tunion\n\n  select 1,2'))).toContain('sqli.union-select');
    expect(ruleIds(d.scan('x /*!50000union*/ select 1'))).toContain('sqli.executable-comment');
  });
  it('joins whitespace-split URL schemes the way browsers do', () => {
    expect(ruleIds(d.scan('<a href="jav&#x09;ascript:x()">'))).toContain('xss.js-uri');
  });
});
