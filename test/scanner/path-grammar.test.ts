// Path-grammar rules: dot segments closed by ';' or stray punctuation, file: and PHP stream
// wrappers, sensitive names (log files, hidden files in hidden directories, drive-rooted
// Windows system files). Positives and negatives are written from the grammar, not the corpus.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Detector } from '../../src/index.js';
import { detector, ruleIds, expectSameWhenSplit } from './helpers.js';

let d: Detector;
let d2: Detector;
beforeAll(async () => { d = await detector(); d2 = await detector({ paranoia: 2 }); });
afterAll(async () => { await d.close(); await d2.close(); });

const positives: Array<[string, string]> = [
  // Windows system files named as stem.ext (the page, hibernation and swap files, a user's registry hive)
  ['C:\\pagefile.sys', 'path.sensitive-file'],
  ['d:\\hiberfil.sys', 'path.sensitive-file'],
  ['C:\\Users\\q\\NTUSER.DAT', 'path.sensitive-file'],
  ['..\\..\\swapfile.sys', 'path.sensitive-file'],
  ['..;/..;/manager', 'path.traversal-sequence'],
  ['/app/..;/admin', 'path.dot-dot-slash'],
  ['/..;/x', 'path.traversal-sequence'],
  ['/..%00', 'path.traversal-sequence'],
  ['\\..|', 'path.traversal-sequence'],
  ['file:../a', 'path.file-scheme'],
  ['file:\\\\srv\\x', 'path.file-scheme'],
  ['php://filter/read=string.rot13/resource=a', 'path.file-scheme'],
  ['PHAR://up/x.jpg', 'path.file-scheme'],
  ['zip://up.zip%23s.php', 'path.file-scheme'],
  ['compress.zlib://a.gz', 'path.file-scheme'],
  ['glob:///var/*', 'path.file-scheme'],
  ['/srv/app/logs/error.log', 'path.sensitive-file'],
  ['debug.log', 'path.sensitive-file'],
  ['/x/access.log', 'path.sensitive-file'],
  ['d:data\\system.ini', 'path.sensitive-file'],
  ['e:webroot\\global.asa', 'path.sensitive-file'],
  ['c:drivers\\oem1.inf', 'path.sensitive-file'],
  // application secrets files, /proc/<pid>/, UNC paths
  ['/srv/app/config.php', 'path.sensitive-file'],
  ['../shop/config.inc.php', 'path.sensitive-file'],
  ['/etc/app/secrets.yaml', 'path.sensitive-file'],
  ['proj/settings.py', 'path.sensitive-file'],
  ['/proc/731/maps', 'path.sensitive-file'],
  ['\\\\nas01\\backup', 'path.unc'],
  ['\\\\198.51.100.3\\d$\\x', 'path.unc'],
  // a value rooted at / or a drive, through system directories into /etc /proc /boot or \windows \winnt \inetpub
  ['/etc/my.cnf', 'path.sensitive-file'],
  ['/usr/local/etc/x/y', 'path.sensitive-file'],
  ['/proc/sched_debug', 'path.sensitive-file'],
  ['/boot/grub/grub.cfg', 'path.sensitive-file'],
  ['c:\\windows\\panther\\x.xml', 'path.sensitive-file'],
  ['C:/inetpub/logs/w3/u_ex1.log', 'path.sensitive-file'],
  ['\\winnt\\x\\y.ini', 'path.sensitive-file'],
  // server configuration and Windows answer files by name, the Java archive's private directories
  ['/opt/app/conf/httpd.conf', 'path.sensitive-file'],
  ['d:\\db\\my.ini', 'path.sensitive-file'],
  ['sysprep.inf', 'path.sensitive-file'],
  ['/META-INF/MANIFEST.MF', 'path.sensitive-file'],
  ['web-inf\\lib\\x.jar', 'path.sensitive-file'],
  ['/opt/tomcat/conf/tomcat-users.xml', 'path.sensitive-file'],
  ['conf\\tomcat-users.xml%00', 'path.sensitive-file'],
  ['tomcat-users.xml', 'path.sensitive-file'], // the whole value: the file's own name, as wp-config.php or .htpasswd
  ['/var/run/secrets/x', 'path.sensitive-file'],
  ['/.dockerenv', 'path.sensitive-file'],
  ['/etc/krb5.keytab', 'path.secret-extension'],
  ['data://text/plain,x', 'path.file-scheme'],
  // log and session files by their own names, Windows device and extended-length prefixes
  ['/srv/logs/error_log', 'path.sensitive-file'],
  ['x/access_log', 'path.sensitive-file'],
  ['/tmp/sess_abcdef12', 'path.sensitive-file'],
  ['\\\\?\\C:\\x', 'path.unc'],
  ['\\\\.\\pipe\\x', 'path.unc'],
  // device files whose read never ends, blocks or exposes memory, only under /dev
  ['/dev/zero', 'path.sensitive-file'],
  ['/DEV/urandom', 'path.sensitive-file'],
  ['/dev/random', 'path.sensitive-file'],
  ['..\\..\\dev\\mem', 'path.sensitive-file'],
  ['/dev/full', 'path.sensitive-file'],
];

const negatives: string[] = [
  'the pagefile size grows',
  'data.dat and sys.sys',
  'a..;b',
  'wait/...',
  'see /..) ok',
  '/..foo/bar',
  'c:\\fakepath\\report.xml',
  'file: report.pdf',
  'php: the language',
  'zip: 12345',
  'error: not found',
  'access denied',
  'debug mode',
  '/.well-known/security.txt',
  'the catalog.txt',
  'ab:y.ini',
  'config.json',
  'system.php',
  'error.php?code=1',
  'my config. php',
  '/home/1/stuff',
  'a\\\\b\\c',
  '//cdn.test/lib.js',
  'use .get/.post/.etc methods',
  'C:\\Users\\me\\app.ini',
  '{ host: /.*\\.example\\.test/ }',
  // not rooted at the value start, not through system directories, no file named
  '/home/alice/etc/notes',
  'see /etc/foo',
  '/etc/',
  '/usr/share/doc',
  'C:\\Windows\\Fonts',
  'c:\\windows\\system32\\x',
  'web-info/x',
  'conf/tomcat-users.json',
  '/opt/tomcat/conf/users.xml',
  'edit tomcat-users.xml to add a manager role',
  'meta-inf',
  'data: 42',
  'data:image/png;base64,xx',
  '/run/app',
  'session_log',
  'sess_ion',
  'error_log is a PHP setting',
  '1∕2 cup',
  // the device names elsewhere, /dev/null (reads nothing), and a device file discussed in prose
  '/tmp/random',
  '/home/zero/port',
  '/var/mem',
  '/dev/null',
  '/dev/sda1',
  'why is /dev/random slow',
];

describe('path grammar', () => {
  it.each(positives)('%s fires %s', (input, rule) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain(rule);
    if (rule !== 'path.dot-dot-slash') expect(r.blocked).toBe(true);
  });
  it.each(negatives)('%s stays clean', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(r.threats.filter((t) => t.category === 'path')).toEqual([]);
  });
  it('gives the same findings when split at every byte', () => {
    expectSameWhenSplit(d, positives.map(([input]) => input));
  });
});

describe('path: request paths keep their own routes', () => {
  it.each(['/etc/foo', '/proc/orders', '/boot/start'])('%s in a request path stays clean', (input) => {
    expect(d.scan(input, { context: 'path' }).threats.filter((t) => t.category === 'path')).toEqual([]);
  });
});

describe('path: one parent step opening the value', () => {
  // a file parameter unless the value goes on as prose (a space, then a word)
  const still = ['../x', '/../x', '../', '..\\x', '../x -y', '../x;y', '../../a b', '../x/../y'];
  it.each(still)('%s is blocked as a traversal', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('path.traversal-sequence');
  });
  it.each(['../images/logo.png is the logo', '../images/ and ../css/ folders', '..\\docs then up'])('%s is prose: a notice only', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('path.dot-dot-slash');
    expect(r.blocked).toBe(false);
  });
  it('gives the same findings when split at every byte', () => {
    expectSameWhenSplit(d, [...still, '../images/ and ../css/ folders']);
  });
});

describe('path: a parent step with a path parameter', () => {
  // '..;' passes proxies that match paths before the server strips ;params (Tomcat, Spring): one step is enough
  it.each(['/app/..;/admin', 'x/..;/manager/html', '\\..;\\a'])('%s is blocked as an evasion', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain('path.dot-evasion');
    expect(r.blocked).toBe(true);
  });
  it.each(['well..; ok', 'a..;b', 'wait...; then'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'path')).toEqual([]);
  });
});

describe('path: reports held for what follows', () => {
  // a sensitive file named in a sentence opens nothing; the same path as the value, or followed by anything
  // but a space and a word, is still reported
  const prose = ['How do I edit /etc/hosts on a Mac?', 'See /var/log/syslog for details', 'copy /etc/passwd-style files to x'];
  const files = ['/etc/hosts', 'see /etc/passwd', 'x /etc/passwd;id', '/etc/passwd foo', 'see /etc/passwd.', 'x /etc/shadow /bin/x',
    'a b /etc/passwd%00', 'read /proc/self/environ'];
  it.each(prose)('%s is prose', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'path')).toEqual([]);
  });
  it.each(files)('%s names a sensitive file', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('path.sensitive-file');
  });
  // an extension glued to '-' or '(' is a name or a call, not a file type
  it.each(['worker.sql-wasm.js', 'body.dump()', 'x.key-value', 'db.sqlite(x)'])('%s has no sensitive extension', (input) => {
    const ids = ruleIds(d.scan(input, { context: 'query' }));
    expect(ids).not.toContain('path.secret-extension');
    expect(ids).not.toContain('path.sensitive-extension');
  });
  // (a separator anywhere before the name: red team rt34 put a tab after it, which URL parsers drop — new URL('./' + f, base)
  // read x/\tdb.sql as x/db.sql — or a space in the name: ../Copy of db.sql)
  const secrets = ['/backup.sql', 'keys/key.pem', "readFile('/srv/id.pem')", 'db\\dump.sql.gz', 'a/x.sql;', '..\\site.bak', 'https://x.test/db.sql',
    'x/\tdb.sql', '..\t/..\t/\tdb.sql', '/var/backups/\tdb.sql', '../Copy of db.sql', 'x /y backup.sql'];
  it.each(secrets)('%s has a secret extension', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('path.secret-extension');
  });
  // (fp30: file names in uploads' metadata, messages and API fields — Keynote's slides are .key — name no file to read;
  // at paranoia 2 the extension still counts, as a sensitive one)
  const bare = ['backup.sql', 'key.pem', "readFile('id.pem')", 'dump.sql.gz', 'x.sql;', 'Pitch Deck v7.key', 'notes.old', 'I sent dump.sql and cert.pem'];
  it.each(bare)('%s, a bare file name, is no path to one', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('path.secret-extension');
    expect(ruleIds(d.scan(input, { context: 'json' }))).not.toContain('path.secret-extension');
  });
  it.each(['backup.sql', 'notes.old'])('%s is a sensitive extension at paranoia 2', (input) => {
    expect(ruleIds(d2.scan(input, { context: 'query' }))).toContain('path.sensitive-extension');
  });
  it('the request path itself counts a bare name (forced browsing: /site.bak)', () => {
    expect(ruleIds(d.scan('/site.bak', { context: 'path' }))).toContain('path.secret-extension');
    expect(ruleIds(d.scan('site.bak', { context: 'path' }))).toContain('path.secret-extension');
  });
  it('gives the same findings when split at every byte', () => {
    expectSameWhenSplit(d, [...prose, ...files, 'worker.sql-wasm.js', 'body.dump()', ...secrets, ...bare]);
  });
});

describe('path: a sensitive name opening the value, or after a plain word, is prose when words follow', () => {
  // opening the value it needs two words after it; after a plain word and a space, one
  const prose = ['win.ini is a legacy file', 'boot.ini vs bcdedit', 'config.php not found after upgrade', '/proc/cpuinfo says 2 cores',
    '/etc/hosts entry for local dev', 'How do I edit web.config on IIS 10?', 'backup_2024.sql is 3 GB', 'server.key permissions are too open',
    'Where is ~/.bashrc on macOS?', '/var/www is the default web root'];
  // a name alone, followed by one word only, or in a run that holds an option, a key=value, a quote or a drive
  const files = ['win.ini', 'boot.ini vs', '/etc/passwd foo', 'config.php;', 'dd if=/etc/passwd of=/tmp/x', '-K /etc/passwd http://x.test',
    "x '/etc/passwd' y z", 'read /etc/passwd', 'f=@/etc/passwd a b', '/backup.sql', 'x db/backup.sql', 'c:\\boot.ini is old', '/etc/passwd%00 foo bar'];
  it.each(prose)('%s is prose', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'path')).toEqual([]);
  });
  it.each(files)('%s still reports the name', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'path').length).toBeGreaterThan(0);
  });
  it('gives the same findings when split at every byte', () => {
    expectSameWhenSplit(d, [...prose, ...files]);
  });
});

describe('path: a regular expression\'s escaped dot is no /./ step', () => {
  // \.\ followed by a one-letter class escape (\d \w \s \b) is a pattern; followed by a name, dots or the end it is a step
  it.each(['\\d+\\.\\d+', '^\\w+\\.\\w+$', 'a\\.\\b', '\\s*\\.\\s*'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).threats.filter((t) => t.category === 'path')).toEqual([]);
  });
  it.each(['C:\\.\\windows\\win.ini', 'a\\.\\', 'x\\.\\docs', 'x/./y'])('%s is a dot evasion', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('path.dot-evasion');
  });
  it('gives the same findings when split at every byte', () => {
    expectSameWhenSplit(d, ['\\d+\\.\\d+', 'a\\.\\b', 'C:\\.\\windows\\win.ini', 'a\\.\\', 'x\\.\\docs']);
  });
});

describe('path: a run of slashes inside a token is no evasion', () => {
  // 4+ slashes glued on the left to a letter, digit or '+' continue a token: base64 of 0xFF bytes (fonts, GIFs), a
  // URL's host////img.png. A run opening the value, a space-delimited token or following other punctuation pads an
  // absolute path past a prefix filter and is still reported.
  const clean: Array<[string, 'query' | 'json']> = [['a////b', 'query'], ['https://example.com////img.png', 'query'],
    ['data:image/gif;base64,R0lGODlh/////wABAg==', 'json'], ['Zm9udCBkYXRh////////bW9yZQ==', 'json'], ['AAAA+////wAB', 'json'],
    ['x\\\\\\\\y', 'json']];
  it.each(clean)('%s (%s) stays clean', (input, context) => {
    expect(d.scan(input, { context }).threats.filter((t) => t.category === 'path')).toEqual([]);
  });
  const evasions = ['////etc/passwd', '////{file}', '/////x', '"////x"', 'x=////secret', 'cat ////x', '(////x)', '\\\\\\\\x\\y',
    '..////..////etc/passwd', '..///////..////..//////etc/passwd'];
  it.each(evasions)('%s is a dot evasion', (input) => {
    const r = d.scan(input, { context: 'json' });
    expect(ruleIds(r)).toContain('path.dot-evasion');
    expect(r.blocked).toBe(true);
  });
  it.each(['/.////.////etc/passwd', '....//....//etc/passwd', '/etc////passwd'])('%s is still blocked', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(true);
  });
  it('gives the same findings when split at every byte', () => {
    expectSameWhenSplit(d, [...clean.map(([s]) => s), ...evasions], 'json');
  });
});

describe('path session 18: URL schemes a server-side fetch speaks raw protocols with (gopher://, dict://)', () => {
  // gopher:// writes arbitrary bytes to a TCP port (Redis, SMTP, FastCGI behind the server), dict:// talks to memcached or
  // Redis: no user sends them where a path or URL belongs; they count like the file-reading wrappers, glued to "/"
  it.each(['gopher://127.0.0.1:6379/_FLUSHALL', 'dict://127.0.0.1:11211/stat', 'GOPHER://10.0.0.5:25/_HELO', 'url=gopher://h.test:9000/_x',
    'gopher%3A%2F%2F127.0.0.1%3A6379%2F_x', 'gopher://[::1]:6379/_x', 'gopher://user@h.test:6379/_x', 'see gopher://evil.test:6379/_x',
    'gopher gopher://127.0.0.1:6379/_x', 'dict://localhost:11211/'])('%s is flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('path.file-scheme');
    expectSameWhenSplit(d, [input], 'query');
  });
  // the words in prose, a Python dict's annotation, a host named gopher
  // ... and a link with no port or the scheme's own (gopher 70, dict 2628): an SSRF payload needs another service's port
  // (rt-ex 06)
  it.each(['Gopher protocol history', 'a dict: {"a": 1}', 'x: dict / list', 'dict.get(x)', 'gopher.example.com', 'https://gopher.example.com/dict/x',
    'gopher://gopher.floodgap.com/', 'see dict://localhost:2628 for the dictionary server', 'dict://dict.org/d:hello',
    'gopher://gopher.floodgap.com:70/1/world'])('%s stays clean of it', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('path.file-scheme');
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('path session 18 round 2: gopher:// dict:// with userinfo (rt-ex2 02)', () => {
  // curl/libcurl read gopher://x:70@127.0.0.1:6379/_... as user x, password 70, host 127.0.0.1, port 6379: a default port
  // in the userinfo must not end the watch before the real host:port. Any '@' in the authority reports, whatever the port
  // (the userinfo may hold any of RFC 3986's sub-delims, a '.', a second ':' before it)
  it.each(['gopher://x:70@127.0.0.1:6379/_FLUSHALL%0D%0ASET%20x%20y%0D%0A', 'GOPHER://x:70@127.0.0.1:6379/_INFO',
    'gopher://127.0.0.1:70@10.0.0.5:25/_HELO%20x', 'dict://x:2628@127.0.0.1:11211/stats', 'url=gopher://a:70@127.0.0.1:6379/_INFO',
    'gopher://x@127.0.0.1:70/_x', 'gopher://@127.0.0.1/_x', 'gopher://x:70.5@127.0.0.1:6379/_x', 'gopher://a!b@127.0.0.1:6379/_x',
    "gopher://a,b;c=d'e@127.0.0.1/_x", 'dict://a:2628:2628@h.test/x', 'gopher://u:p@127.0.0.1:6379/_INFO'])('%s is flagged', (input) => {
    for (const context of ['query', 'body', 'json'] as const) expect(ruleIds(d.scan(input, { context }))).toContain('path.file-scheme');
    expectSameWhenSplit(d, [input], 'query');
  });
  // an '@' after the authority ended (a path, a space, a quote or '>' closing the link) is no userinfo
  it.each(['gopher://gopher.floodgap.com:70/1/x@y', 'see dict://localhost:2628 or mail me@example.com', 'gopher://h.test/1/me@x',
    '<a href="gopher://gopher.floodgap.com">me@example.com</a>', 'dict://dict.org:2628?q=a@b', 'gopher://gopher.floodgap.com:70, me@x.test'])(
    '%s stays clean of it', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('path.file-scheme');
    expectSameWhenSplit(d, [input], 'query');
  });
  // known false positive (fail closed): a gopher link with a user name and no port in prose reports like the payload
  it('see gopher://user@gopher.example.com/ is flagged (known false positive)', () => {
    expect(ruleIds(d.scan('see gopher://user@gopher.example.com/', { context: 'query' }))).toContain('path.file-scheme');
  });
});

describe('path session 18: jar: opening a remote URL (jar:http://h/x.jar!/)', () => {
  // Java's jar: scheme fetches the archive from the sender's server and reads an entry or loads a class from it (XXE and
  // SSRF payloads name it); jar:file: is judged as file: was
  it.each(['jar:http://198.51.100.7/evil.jar!/', 'jar:https://h.test/a.jar!/x.class', 'JAR:FTP://h/x', 'x=jar:http://h/a.jar!/b',
    'jar%3Ahttp%3A%2F%2Fh%2Fa.jar', 'jar:file:///tmp/a.jar!/x', 'see jar:http://h/a.jar!/x', '<!DOCTYPE x SYSTEM "jar:http://h/a.jar!/b">'])('%s is flagged', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('path.file-scheme');
    expectSameWhenSplit(d, [input], 'query');
  });
  // the word in prose, a space after the colon, a word ending in jar, jar: before a path
  // (after a word and a space only the "!/" every jar: URL needs reports it: rt-ex 06)
  it.each(['cookie jar:...', 'the jar: http://x.test', 'ajar:http://x', 'jar:/x', 'mason jar: https://shop.test', 'a.jar: http',
    'mason jar:https://shop.test/jars', 'mason jar:https://shop.test/jars!'])('%s stays clean of it', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('path.file-scheme');
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('path session 20 (rtc23): one parent step after no-op segments (./ .// .\\) opening the value climbs out of the root as ../ does', () => {
  const CTX = ['query', 'form', 'json'] as const;
  it.each(['./../app.py', './/../app.py', '.%2f..%2fapp.py', '%2e%2f%2e%2e%2fapp.py', '.\\..\\app.py', './..%5capp.py',
    './../config/default.json'])('%s is a traversal', (input) => {
    for (const context of CTX) {
      const r = d.scan(input, { context });
      expect(r.blocked, context).toBe(true);
      expect(ruleIds(r), context).toContain('path.traversal-sequence');
    }
    expectSameWhenSplit(d, [input], 'query');
  });
  // a step after a named segment, or in prose after a no-op prefix, stays the notice it was
  it.each(['./../images/ and ./../css/ folders', './x/../y', 'see ./../README.md for details', '-/../x'])('%s is not blocked', (input) => {
    for (const context of CTX) expect(d.scan(input, { context }).blocked, context).toBe(false);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe('path session 21 (rtc23 15): a parent step in a request path that the router and the handler read differently climbs', () => {
  // an escaped separator or dot (the router matches one segment, the handler decodes and joins), a backslash (Windows
  // file APIs), a '..' glued to a name (nginx's alias off-by-slash: /static../ under location /static { alias /srv/static/; })
  it.each(['/static/..%2fserver.js', '/static/%2e%2e%2fserver.js', '/download/..%5capp.py', '/static/.%2e/app.py',
    '/static/%2e./app.py', '/static/..\\app.py', '/static../app.py', '/img..%2fapp.py', '/a/..%252fapp.py', '/a/..%c0%afapp.py'])('%s is a traversal', (input) => {
    const r = d.scan(input, { context: 'path' });
    expect(r.blocked).toBe(true);
    expect(ruleIds(r)).toContain('path.traversal-sequence');
    expectSameWhenSplit(d, [input], 'path');
  });
  // in a value a plain /a/../b stays the notice it was (a link, a relative path in a ticket)
  it.each(['/static/../app.py', '/docs/v1..2/x', '/files/report..txt', '/a/b../', '/a/..%2f'])('%s in a query value is not blocked', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
  // session 28: a plain one too. Clients that normalise a URL resolve dot segments before sending; one that arrives was
  // written by hand, and a front checking the raw prefix passes it to what resolves it (Citrix CVE-2019-19781: /vpn/../vpns/)
  it.each(['/static/../app.py', '/a/b/../c', '/vpn/../vpns/portal/scripts/newbm.pl', '/public/../admin/users', '/a/b/..', '/a/b/../'])('%s in a request path is a traversal', (input) => {
    const r = d.scan(input, { context: 'path' });
    expect(ruleIds(r)).toEqual(['path.traversal-sequence']);
    expect(r.blocked).toBe(true);
    expectSameWhenSplit(d, [input], 'path');
  });
  it.each(['/docs/v1..2/x', '/files/report..txt', '/a/b.c/d', '/x/...more', '/static/app.min.js', '/a%2fb/c.d'])('%s in a request path stays clean', (input) => {
    expect(d.scan(input, { context: 'path' }).threats.filter((t) => t.category === 'path')).toEqual([]);
  });
});

describe('path session 21 (rtc23 19): compatibility forms that NFKC-normalising applications turn into dots and separators', () => {
  // TWO DOT LEADER, ONE DOT LEADER, SMALL FULL STOP, SMALL REVERSE SOLIDUS, the vertical two-dot leader
  it.each(['\u2025/\u2025/app.py', '\u2024\u2024/\u2024\u2024/app.py', '\ufe52\ufe52/\ufe52\ufe52/app.py', '..\ufe68..\ufe68app.py',
    '%E2%80%A5/%E2%80%A5/app.py', '\ufe30/\ufe30/app.py', '%u2025%u2215%u2025%u2215etc/passwd', '&#x2025;/&#x2025;/x'])('%s is a traversal', (input) => {
    for (const context of ['query', 'json', 'path'] as const) {
      const r = d.scan(input, { context });
      expect(r.blocked, context).toBe(true);
      expect(ruleIds(r), context).toContain('path.traversal-sequence');
    }
    expectSameWhenSplit(d, [input], 'query');
  });
  // (and glued to a word, where Japanese and Chinese write the two-dot leader as an ellipsis: red team rtd24; NFKC makes
  // a name of it there, a‥/b is the file a..)
  it.each(['a\u2025b', 'pages 1\u20255', 'wait\u2026 what', '\u2026/\u2026/x', 'x\ufe52y', '\u305d\u3046\u3067\u3059\u306d\u2025',
    '/jp/\u305d\u3046\u3067\u3059\u306d\u2025/x', '/jp/%E3%81%9D%E2%80%A5%2Fx', 'a\u2025/b', 'x%u2024%u2024/y', 'ok\ufe30/x'])('%s stays clean', (input) => {
    for (const context of ['query', 'json', 'path'] as const) {
      expect(d.scan(input, { context }).threats.filter((t) => t.category === 'path'), context).toEqual([]);
    }
  });
});

describe('path session 21 (rtc23 16): UNC paths with either separator, NTFS stream suffixes, relative file: and netdoc: URLs', () => {
  const CTX = ['query', 'form', 'json'] as const;
  const hits: Array<[string, string]> = [
    // \\ opening the value, then either separator (Windows reads / and \ alike)
    ['\\\\evil.example/share/x', 'path.unc'], ['\\\\evil.example\\share', 'path.unc'],
    // forward slashes alone, with a mark no URL has: the WebDAV redirector's @SSL / @port, a hidden or administrative share
    ['//evil.example@SSL/x', 'path.unc'], ['//evil@SSL@443/x', 'path.unc'], ['//evil.example@8080/x', 'path.unc'],
    ['//10.0.0.1/c$/x', 'path.unc'], ['//fs1/admin$', 'path.unc'], ['//./pipe/x', 'path.unc'],
    // the file's content under a name an extension filter does not match
    ['shell.aspx::$DATA', 'path.dot-evasion'], ['x.php::$data', 'path.dot-evasion'], ['index.php%3a%3a$DATA', 'path.dot-evasion'],
    ['default.aspx::$INDEX_ALLOCATION', 'path.dot-evasion'], ['x.txt:hidden:$DATA', 'path.dot-evasion'], ['up/a.asp::$DATA', 'path.dot-evasion'],
    // a sensitive name stays held when a hyphenated word and an extension follow it (red team rte26: a release of those let
    // /etc/passwd-x.txt/../passwd through, which every path normaliser turns into /etc/passwd)
    ['/etc/passwd-x.txt/../passwd', 'path.sensitive-file'], ['/root/.ssh/id_rsa-x.txt/../id_rsa', 'path.sensitive-file'],
    // Java's netdoc: reads files as file: does
    ['netdoc:///srv/app/config.json', 'path.file-scheme'], ['netdoc:/etc/passwd', 'path.file-scheme'],
  ];
  it.each(hits)('%s fires %s', (input, rule) => {
    for (const context of CTX) {
      const r = d.scan(input, { context });
      expect(ruleIds(r), context).toContain(rule);
      expect(r.blocked, context).toBe(true);
    }
    expectSameWhenSplit(d, [input], 'query');
  });
  // a protocol-relative URL (//host/x is that as much as a UNC path), a URL's userinfo, PHP's static properties, file: in prose
  // or as a code search's filter, the file:line notation; an opening with a '/' and a '\' (red team rtd24: a regex, a
  // JSON-escaped path, a comment before a literal \n) unless a UNC mark follows; a relative file: name (red team rtd24: a code
  // search's filter, file:index.html, file:src/app.ts; an absolute or parent file: URL still fires)
  const clean = ['/\\bfoo\\b/', '/\\w+\\/\\w+/', '\\/api\\/v1\\/users', '//comment\\n', '/\\evil.example\\share\\x', '//evil.example\\share',
    'file:index.html', 'file:transport.c', 'file:src/app.ts', 'file:app.py', '//cdn.example/x.js', '//evil.example/share/x', '//user@cdn.example/x', '//x@ssl.example.com/y', '//a.b.c',
    'a//b\\c', 'self::$data', 'Foo::$bitmap', 'x.php ::$data', 'Price: $5.00', 'file: report.pdf', 'see file:app.py', 'file:app.py foo',
    'netdoc is old', '/static/app.js', 'C$ and D$', 'file:line', 'file:line:col'];
  it.each(clean)('%s stays clean', (input) => {
    for (const context of CTX) expect(d.scan(input, { context }).threats.filter((t) => t.category === 'path'), context).toEqual([]);
    expectSameWhenSplit(d, [input], 'query');
  });
});

describe("path session 23 (hs27): Joomla's configuration.php and MediaWiki's LocalSettings.php are application secrets files", () => {
  // the database password of the two CMSs, read through a download parameter: ?download=../configuration.php. Joomla's only
  // after a parent step: osCommerce's and Zen Cart's admin/configuration.php?gID=1 is an ordinary page (red team rt27)
  it.each(['/view.php?download=../configuration.php', 'x=../../configuration.php', '../LocalSettings.php', '/../configuration.php',
    'LocalSettings.php', '..\\configuration.php'])('%s is a sensitive file', (input) => {
    for (const context of ['query', 'form', 'json'] as const) {
      const r = d.scan(input, { context });
      expect(ruleIds(r), context).toContain('path.sensitive-file');
      expect(r.blocked, context).toBe(true);
    }
    expectSameWhenSplit(d, [input], 'query');
  });
  it.each(['configuration', 'see configuration.php for the database settings', 'configuration.json', 'the configuration.md file',
    'localsettings', 'Configuration.PHP is documented here: https://docs.example/joomla', 'configuration.php',
    'admin/configuration.php?gID=1', '/catalog/admin/configuration.php'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
    expect(d.scan(input, { context: 'path' }).blocked).toBe(false);
  });
});

describe('path session 23 (red team rt27p): files an application owns that hold secrets', () => {
  // PyPI upload credentials, interpreter histories (pasted passwords, connection strings), Terraform state (every secret of
  // the infrastructure it built): read through os.path.join / path.resolve given an absolute value
  it.each(['/root/.pypirc', '/root/.python_history', '~/.node_repl_history', '/home/u/.sqlite_history', '/root/.rediscli_history',
    '/app/terraform.tfstate', '../../terraform.tfstate'])('%s is blocked', (input) => {
    for (const context of ['query', 'form', 'json'] as const) expect(d.scan(input, { context }).blocked, context).toBe(true);
  });
  it.each(['pypirc', 'python history', 'tfstate', 'terraform state file', 'see the python_history docs'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'query' }).blocked).toBe(false);
  });
});

describe("path: a segment's '..' then spacing before the separator is still a parent step", () => {
  // (red team rt34: URL parsers — new URL, fetch, Python's urljoin — drop a tab, which the decoder folds to a space, and
  // Windows drops a segment's trailing spaces: ..%09/..%09/..%09/etc/passwd read /etc/passwd through new URL('./' + f, base))
  it.each(['..\t/..\t/..\t/etc/passwd', '..%09/..%09/..%09/%09etc/%09passwd', '..\t/..\t/\t.env', '.. /.. /x', 'a/..\t/..\t/b'])('%s climbs', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('path.traversal-sequence');
  });
  it.each(['Wait .. / what', 'hmm.. /s', '.. and then', '1 .. 2 / 3', 'So.. /r/all is down'])('%s stays clean', (input) => {
    expect(d.scan(input, { context: 'json' }).blocked).toBe(false);
  });
  it('gives the same findings when split at every byte', () => {
    expectSameWhenSplit(d, ['..\t/..\t/..\t/etc/passwd', '.. /.. /x', 'Wait .. / what']);
  });
});
