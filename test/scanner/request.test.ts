import { createBodyScanner } from '../../src/middleware/body-scan.js';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createArena, createStandardPools, type Detector, type ScanResult } from '../../src/index.js';
import { detector } from './helpers.js';

let d: Detector;
beforeAll(async () => { d = await detector(); });
afterAll(async () => { await d.close(); });

const locations = (r: { threats: Array<{ location?: string }> }) => [...new Set(r.threats.map((t) => t.location))].sort();

describe('analyzeRequest', () => {
  it('clean request', async () => {
    const r = await d.analyzeRequest({ method: 'GET', url: '/products/42?sort=price&page=2', headers: { accept: 'text/html', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)' } });
    expect(r).toEqual({ blocked: false, score: 0, threats: [] });
  });
  it('query parameters by name, raw-decoded once', async () => {
    const r = await d.analyzeRequest({ url: 'http://h.test/s?q=1%27+or+%271%27%3D%271&ok=1', headers: {} });
    expect(r.blocked).toBe(true);
    expect(locations(r)).toEqual(['query:q']);
  });
  it('path, cookie values, referer, user-agent, x-forwarded-*, custom headers; not accept', async () => {
    const r = await d.analyzeRequest({
      method: 'GET',
      url: '/files/..%2f..%2f..%2fetc%2fpasswd',
      headers: {
        cookie: 'theme=dark; sid=<script>x()</script>',
        referer: 'http://h.test/?a=1 union select null,null',
        'user-agent': '() { :; }; /bin/bash -c id',
        'x-forwarded-for': "1.2.3.4' or 'a'='a",
        'x-custom': '$(whoami)',
        accept: '<script>ignored()</script>',
      },
    });
    expect(locations(r)).toEqual(['header:cookie', 'header:referer', 'header:user-agent', 'header:x-custom', 'header:x-forwarded-for', 'path']);
  });
  it('accept-language and host: scanned when a value is outside their grammar (a locale file name, a link host)', async () => {
    const plain = await d.analyzeRequest({ method: 'GET', url: '/', headers: { 'accept-language': 'zh-Hant-TW,en-US;q=0.9, *;q=0.5', host: '[::1]:8080' } });
    expect(plain.threats).toEqual([]);
    const r = await d.analyzeRequest({
      method: 'GET', url: '/',
      headers: { 'accept-language': '../../../../etc/passwd%00', host: "shop.test' UNION SELECT password FROM users--" },
    });
    expect(locations(r)).toEqual(['header:accept-language', 'header:host']);
  });
  it("a '#' in the request target: what follows it is scanned as query pairs (Fastify's router reads a query there)", async () => {
    for (const url of ["/echo?x=1#&q=1' UNION SELECT password FROM users--", "/echo#&q=1' UNION SELECT password FROM users--", "/echo#q=1' UNION SELECT password FROM users--"]) {
      const r = await d.analyzeRequest({ method: 'GET', url, headers: {} });
      expect(r.blocked, url).toBe(true);
      expect(r.threats.some((t) => t.ruleId === 'sqli.union-select' && t.location === 'query:q'), url).toBe(true);
    }
    expect((await d.analyzeRequest({ method: 'GET', url: '/docs#section-2', headers: {} })).threats).toEqual([]);
  });
  it('cookie names as well as values; plain names cost no scan', async () => {
    const r = await d.analyzeRequest({ method: 'GET', url: '/', headers: { cookie: '_ga=GA1.2.3; <script>alert(1)</script>=1; __Host-sid=abc' } });
    expect(locations(r)).toEqual(['header:cookie']);
    expect(r.blocked).toBe(true);
    expect((await d.analyzeRequest({ method: 'GET', url: '/', headers: { cookie: '_ga=GA1.2.3; __Host-sid=abc; theme=dark' } })).threats).toEqual([]);
  });
  it('JSON bodies are walked key by key with JSONPath locations', async () => {
    const r = await d.analyzeRequest({
      method: 'POST', url: '/api', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: { name: "x' or 1=1--", tags: ['ok', '<svg onload=x()>'] }, 'odd key': 'fine', '; cat /etc/passwd': 1 }),
    });
    expect(locations(r)).toEqual(['body:$.user.name', 'body:$.user.tags[1]', 'body:$["; cat /etc/passwd"]']);
  });
  it('a repeated JSON key is scanned once while clean, and flagged at every member when not', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ sku: `A-${i}`, '<svg onload=x()>': i, qty: i }));
    const before = d.getStats().scans;
    const r = await d.analyzeRequest({ method: 'POST', url: '/api', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rows) });
    expect(locations(r)).toEqual(Array.from({ length: 5 }, (_, i) => `body:$[${i}]["<svg onload=x()>"]`));
    // path, 5 values, the flagged key at every member, "sku" and "qty" once
    expect(d.getStats().scans - before).toBe(1 + 5 + 5 + 2);
  });
  it('already-parsed bodies and urlencoded forms', async () => {
    const parsed = await d.analyzeRequest({ url: '/x', headers: {}, body: { a: { b: 'javascript:go()' } } });
    expect(locations(parsed)).toEqual(['body:$.a.b']);
    const form = await d.analyzeRequest({ url: '/x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'user=bob&cmd=a%3Bcat+%2Fetc%2Fshadow' });
    expect(locations(form)).toEqual(['body:cmd']);
  });
  it('multipart text parts by field name', async () => {
    const body = [
      '--XyZ', 'Content-Disposition: form-data; name="title"', '', 'hello', '--XyZ',
      'Content-Disposition: form-data; name="comment"', '', '<iframe src=//evil.test>', '--XyZ',
      'Content-Disposition: form-data; name="file"; filename="a.png"', 'Content-Type: image/png', '', '<script>binary</script>', '--XyZ--', '',
    ].join('\r\n');
    const r = await d.analyzeRequest({ url: '/up', headers: { 'content-type': 'multipart/form-data; boundary=XyZ' }, body });
    expect(locations(r)).toEqual(['body:comment']);
  });
  it('multipart filenames and field names as a multipart parser reads them (filename*, bare tokens, escaped quotes)', async () => {
    const part = (params: string) => ['--XyZ', `Content-Disposition: form-data; ${params}`, 'Content-Type: application/octet-stream', '', 'x'].join('\r\n');
    for (const params of [`name="f"; filename*=UTF-8''..%2F..%2F..%2Fetc%2Fpasswd`, 'name="f"; filename=../../../etc/hosts', 'name="f"; filename="x\\" ../../../etc/passwd"']) {
      const r = await d.analyzeRequest({ url: '/up', headers: { 'content-type': 'multipart/form-data; boundary=XyZ' }, body: `${part(params)}\r\n--XyZ--\r\n` });
      expect(locations(r), params).toEqual(['body:f.filename']);
    }
    const named = await d.analyzeRequest({ url: '/up', headers: { 'content-type': 'multipart/form-data; boundary=XyZ' }, body: `${part(`name="1' OR '1'='1"`)}\r\n--XyZ--\r\n` });
    expect(named.blocked).toBe(true);
  });
  it("an upload's filename with a backup or key extension is the file's name, not a request for one (red team: Keynote's slides.key, dump.sql)", async () => {
    const upload = (filename: string) => ['--XyZ', `Content-Disposition: form-data; name="f"; filename="${filename}"`, 'Content-Type: application/octet-stream', '', 'x', '--XyZ--', ''].join('\r\n');
    const headers = { 'content-type': 'multipart/form-data; boundary=XyZ' };
    // (and a folder's metadata or a log, fp28: .DS_Store rides along with every folder a Mac uploads)
    for (const name of ['slides.key', 'dump.sql', 'notes.old', 'site.bak', 'vault.kdbx', 'id.pem', '.DS_Store', 'desktop.ini', 'error.log', 'npm-debug.log']) {
      expect(await d.analyzeRequest({ method: 'POST', url: '/up', headers, body: upload(name) }), name).toMatchObject({ blocked: false, threats: [] });
      // (the middleware's reader of the same body)
      const scanner = createBodyScanner(d, headers['content-type']);
      scanner.push(new TextEncoder().encode(upload(name)));
      expect(scanner.finish().threats, `middleware: ${name}`).toEqual([]);
    }
    // traversal in the name still counts, with or without such an extension; and in a URL or parameter the extension does
    // (as do the names an upload plants to take a folder over: .htaccess, web.config)
    for (const name of ['../../backup.sql', '../../../etc/passwd', '..\\..\\web.config.bak', '.htaccess', 'web.config', '../logs/error.log']) {
      const r = await d.analyzeRequest({ method: 'POST', url: '/up', headers, body: upload(name) });
      expect(r.blocked, name).toBe(true);
      expect(locations(r), name).toEqual(['body:f.filename']);
      const scanner = createBodyScanner(d, headers['content-type']);
      scanner.push(new TextEncoder().encode(upload(name)));
      expect(scanner.finish().score, `middleware: ${name}`).toBeGreaterThanOrEqual(5);
    }
    // a bare name is no path to a file anywhere (fp30: dump.sql in an API's field); a path or the request path is
    expect(d.scan('dump.sql').blocked).toBe(false);
    expect((await d.analyzeRequest({ url: '/download?file=site.bak', headers: {} })).blocked).toBe(false);
    expect((await d.analyzeRequest({ url: '/download?file=backups/site.bak', headers: {} })).blocked).toBe(true);
    expect((await d.analyzeRequest({ url: '/site.bak', headers: {} })).blocked).toBe(true);
  });
  it('a Fetch Request body is read as the application will: inflated, in its charset', async () => {
    const attack = JSON.stringify({ q: "1' UNION SELECT password FROM users--" });
    const gzip = new Uint8Array(await new Response(new Blob([attack]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
    const inflated = await d.analyzeRequest(new Request('http://h.test/x', { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzip }));
    expect(locations(inflated)).toEqual(['body:$.q']);
    const utf16 = new Uint8Array(attack.length * 2);
    for (let i = 0; i < attack.length; i++) utf16[2 * i] = attack.charCodeAt(i);
    const wide = await d.analyzeRequest(new Request('http://h.test/x', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-16le' }, body: utf16 }));
    expect(locations(wide)).toContain('body:$.q'); // (and 'body': the bytes' reading, NULs removed, finds it too)
    expect(wide.threats.some((t) => t.ruleId === 'path.null-byte')).toBe(false);
    // Both readings: UTF-8 text labelled UTF-16 is what request.json() reads.
    const labelled = await d.analyzeRequest(new Request('http://h.test/x', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-16le' }, body: attack }));
    expect(labelled.blocked).toBe(true);
    const clean = JSON.stringify({ note: 'see you at the café' });
    const cleanUtf16 = new Uint8Array(clean.length * 2);
    for (let i = 0; i < clean.length; i++) { cleanUtf16[2 * i] = clean.charCodeAt(i) & 0xff; cleanUtf16[2 * i + 1] = clean.charCodeAt(i) >> 8; }
    const cleanResult = await d.analyzeRequest(new Request('http://h.test/x', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-16le' }, body: cleanUtf16 }));
    expect(cleanResult).toMatchObject({ blocked: false, score: 0, threats: [] });
  });
  it('a body it cannot read so is a finding of its own (limit.unreadable-body), and blocks', async () => {
    const cases: Array<[Record<string, string>, string | Uint8Array]> = [
      [{ 'content-type': 'application/json', 'content-encoding': 'compress' }, '{"q":"fine"}'],
      [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, '{"q":"not gzip at all"}'],
      [{ 'content-type': 'application/json; charset=utf-7' }, '{"q":"1+ACc- OR +ACc-1+ACc-=+ACc-1"}'],
    ];
    for (const [headers, body] of cases) {
      const r = await d.analyzeRequest(new Request('http://h.test/x', { method: 'POST', headers, body }));
      expect(r.blocked, JSON.stringify(headers)).toBe(true);
      expect(r.threats.map((t) => `${t.ruleId}@${t.location}`)).toContain('limit.unreadable-body@body');
    }
    // A body given (not read from the wire) is the application's: inflated already, still in its charset.
    const given = await d.analyzeRequest({ method: 'POST', url: '/x', headers: { 'content-type': 'text/plain; charset=utf-7', 'content-encoding': 'gzip' }, body: new TextEncoder().encode('fine') });
    expect(given.threats.map((t) => t.ruleId)).toEqual(['limit.unreadable-body']);
    const plain = await d.analyzeRequest({ method: 'POST', url: '/x', headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' }, body: 'fine words' });
    expect(plain.threats).toEqual([]);
  });
  it('a Fetch Request, leaving its body readable', async () => {
    const req = new Request('http://h.test/post?x=1', { method: 'POST', headers: { 'content-type': 'text/plain', 'x-note': 'hi' }, body: '../../../../etc/hosts' });
    const r = await d.analyzeRequest(req);
    expect(locations(r)).toEqual(['body']);
    expect(await req.text()).toBe('../../../../etc/hosts');
  });
  it('rejects what is not a request', async () => {
    await expect(d.analyzeRequest(null as unknown as Request)).rejects.toThrow(TypeError);
  });
});

// Red team rt28h (session 24), against Express, Fastify, Hono and guard() with a SQLite app behind them: requests whose
// attack the application receives as a value while the scan read it inside a larger text, or not at all.
describe('analyzeRequest and the middleware read values as the application does (red team rt28h)', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  /** The middleware's body scanner (chunk by chunk, as a body arrives) and analyzeRequest, on one body. */
  async function bothBlock(type: string | undefined, body: Uint8Array): Promise<[boolean, boolean]> {
    const scanner = createBodyScanner(d, type);
    for (let i = 0; i < body.length; i += 7) scanner.push(body.slice(i, i + 7));
    const headers: Record<string, string> = type === undefined ? {} : { 'content-type': type };
    const r = await d.analyzeRequest({ method: 'POST', url: '/x', headers, body });
    return [scanner.finish().blocked, r.blocked];
  }
  const BOM = [0xef, 0xbb, 0xbf];
  it('a UTF-8 BOM before a JSON body: the values are still values (body-parser, Fastify and request.json() skip it)', async () => {
    for (const doc of ['{"id":"1 or 1"}', '{"host":"; ip a"}', '{"note":"it\'s","id":"-1 UNION SELECT 1, name, secret FROM users"}']) {
      expect(await bothBlock('application/json', new Uint8Array([...BOM, ...utf8(doc)])), doc).toEqual([true, true]);
    }
    expect(await bothBlock('application/json', new Uint8Array([...BOM, ...utf8('{"id":"42","note":"it\'s fine"}')]))).toEqual([false, false]);
  });
  it('JSON sent as text/plain or with no Content-Type (fetch with a string body): read value by value too', async () => {
    for (const type of ['text/plain;charset=UTF-8', undefined, 'application/x-www-form-urlencoded']) {
      for (const doc of ['{"id":"1 or 1"}', '{"note":"it\'s","id":"1; DROP TABLE users"}', '[{"a":"/*"},{"id":"-1 UNION SELECT name, secret FROM users"}]']) {
        expect(await bothBlock(type, utf8(doc)), `${type} ${doc}`).toEqual([true, true]);
      }
      expect(await bothBlock(type, utf8('{"note":"it\'s 5 o\'clock","qty":2}')), `${type}`).toEqual([false, false]);
    }
  });
  it('a JSON body nested deeper than the walker keeps frames for: the values below are still scanned', async () => {
    const deep = `{"pad":${'['.repeat(520)}1${']'.repeat(520)},"id":"1 or 1"}`;
    const inside = `{"pad":${'['.repeat(600)}"1 or 1"${']'.repeat(600)}}`;
    for (const doc of [deep, inside]) expect(await bothBlock('application/json', utf8(doc))).toEqual([true, true]);
    expect(await bothBlock('application/json', utf8(`{"pad":${'['.repeat(600)}"hello"${']'.repeat(600)}}`))).toEqual([false, false]);
  });
  it('a cookie value in double quotes is read without them, as cookie parsers hand it over', async () => {
    for (const cookie of ['uid="1 or 1"', 'host="%3B%20ip%20a"', 'a=b; uid="1 or 1']) {
      const r = await d.analyzeRequest({ method: 'GET', url: '/', headers: { cookie } });
      expect(r.blocked, cookie).toBe(true);
      expect(locations(r)).toEqual(['header:cookie']);
    }
    expect((await d.analyzeRequest({ method: 'GET', url: '/', headers: { cookie: 'theme="dark"; lang="en-US"; q=""' } })).threats).toEqual([]);
  });
  it('Authorization credentials: a bearer token and Basic credentials (decoded) are values an application looks up', async () => {
    const basic = (user: string, pass: string) => `Basic ${btoa(`${user}:${pass}`)}`;
    for (const authorization of ["Bearer x' OR '1'='1", basic("admin'--", 'x'), basic('bob', "' or 1=1 --"), "Token t=1' union select pass from users--"]) {
      const r = await d.analyzeRequest({ method: 'GET', url: '/', headers: { authorization } });
      expect(r.blocked, authorization).toBe(true);
      expect(locations(r)).toEqual(['header:authorization']);
    }
    // (verification of the fix, rt28v: a value with no known scheme first is a token as a whole; Basic's base64 as Node's
    // Buffer decodes it — what basic-auth and passport-http use — with '.' or '~' inside, or '===' padding)
    const lenient = (user: string, pass: string) => { const b = btoa(`${user}:${pass}`).replace(/=+$/, ''); return `Basic ${b.slice(0, 4)}.${b.slice(4, 9)}~${b.slice(9)}===`; };
    for (const authorization of ["x'/**/OR/**/1=1/**/OR/**/'a b", "x'or'1'='1", lenient("admin'--", 'x'), lenient('alice', "' OR 1=1--")]) {
      const r = await d.analyzeRequest({ method: 'GET', url: '/', headers: { authorization } });
      expect(r.blocked, authorization).toBe(true);
      expect(locations(r)).toEqual(['header:authorization']);
    }
    const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    for (const authorization of [`Bearer ${jwt}`, basic('ana.maria@example.com', 'c0rrect-H0rse_battery!'), 'Basic not-base64', 'Digest username="ana", realm="x", nonce="dcd98b", uri="/", response="6629fae4"']) {
      expect((await d.analyzeRequest({ method: 'GET', url: '/', headers: { authorization, 'proxy-authorization': authorization } })).threats, authorization).toEqual([]);
    }
  });
  it('the US Privacy string 1--- (cookie usprivacy, parameter us_privacy) is read by its grammar (false-positive hunt fp28)', async () => {
    for (const [url, cookie] of [['/', 'usprivacy=1---; _ga=GA1.2.3'], ['/pixel?us_privacy=1---&gdpr=0', ''], ['/p?us_privacy=1YN-', 'usprivacy=1N--']]) {
      expect((await d.analyzeRequest({ method: 'GET', url: url!, headers: { cookie: cookie! } })).threats, `${url} ${cookie}`).toEqual([]);
    }
    // (the grammar, under that name only: anything else is scanned as before)
    for (const [url, cookie] of [['/', "usprivacy=1' or 1=1--"], ['/?us_privacy=1%27 or %271%27=%271', ''], ['/?id=12--', '']]) {
      expect((await d.analyzeRequest({ method: 'GET', url: url!, headers: { cookie: cookie! } })).blocked, `${url} ${cookie}`).toBe(true);
    }
  });
  it('a Referer written as browsers write an address is read as the request target is (session 26)', async () => {
    // a same-origin referrer keeps its query: after a search the site let through, every page it led to sent it back and was
    // blocked where the header reading differs ('+' kept, '?q=' before the value): "JavaScript: The Good Parts", hunter2--
    const clean: string[] = [];
    for (const q of ['javascript: the good parts', 'JavaScript: The Definitive Guide', 'hunter2--', 'sleep(8) hours', '100% javascript: the good parts']) {
      const url = `/search?q=${encodeURIComponent(q).replaceAll('%20', '+')}`;
      expect((await d.analyzeRequest({ method: 'GET', url, headers: {} })).blocked, url).toBe(false);
      clean.push(`https://shop.test${url}`, `https://shop.test${url}&page=2#top`);
    }
    for (const referer of clean) expect((await d.analyzeRequest({ method: 'GET', url: '/item/1', headers: { referer } })).threats, referer).toEqual([]);
    // an attack in it is found where the application's URL parser puts it, as in the request's own target
    const search = await d.analyzeRequest({ method: 'GET', url: '/', headers: { referer: 'https://shop.test/search?q=1%27+or+1%3D1--' } });
    expect(search.blocked).toBe(true);
    expect(locations(search)).toEqual(['header:referer:q']);
    const path = await d.analyzeRequest({ method: 'GET', url: '/', headers: { referer: 'https://shop.test/files/..%2F..%2Fetc%2Fpasswd' } });
    expect(locations(path)).toEqual(['header:referer']);
    // written by hand (a quote, '<', a space, a backslash as sent: no browser writes them in an address) or opening with no
    // http(s) address: read as a header value, as before
    for (const referer of ['javascript:alert(1)', 'https://shop.test/"><a href=javascript:alert(1)>x</a>', 'https://shop.test/ javascript:alert(1)',
      "https://shop.test/search?q=x'&email--", 'https://shop.test/search?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E', "1' and sleep(5)--"]) {
      expect((await d.analyzeRequest({ method: 'GET', url: '/item/1', headers: { referer } })).blocked, referer).toBe(true);
    }
    // and whole for the shell: '&' between pairs chains commands there (red team rt33, run in dash and bash)
    for (const referer of ['https://x.test/search?q=shoes&&IFS=,&&c=touch,/tmp/pwned&&$c', 'https://x.test/?q=shoes&page=2&id',
      'https://x.test/?a=1&b=2#c=3&whoami&', 'https://x.test/?a=$(:&&whoami)', 'https://x.test/#&id']) {
      const r = await d.analyzeRequest({ method: 'GET', url: '/item/1', headers: { referer } });
      expect(r.blocked, referer).toBe(true);
      expect(r.threats.filter((t) => t.location === 'header:referer').every((t) => t.category === 'cmdi'), referer).toBe(true);
    }
    // (only the Referer: another header holding the same text is read as before)
    expect((await d.analyzeRequest({ method: 'GET', url: '/', headers: { 'x-return-to': 'https://shop.test/search?q=javascript%3A+the+good+parts' } })).blocked).toBe(true);
  });
  it('a query value or cookie that is itself a JSON document is read value by value too (LoopBack filter=, cookie-parser j:)', async () => {
    const q = (v: string) => encodeURIComponent(v);
    for (const [url, cookie, where] of [
      [`/api/users?filter=${q('{"where":{"name":"1 or 1"}}')}`, '', 'query:filter'],
      [`/api/users?filter=${q('{"note":"it\'s","where":{"id":"-1 UNION SELECT name, secret FROM users"}}')}`, '', 'query:filter'],
      ['/api/users?ids=[%22x%22,%22;%20ip%20a%22]', '', 'query:ids'],
      ['/', `prefs=j:${q('{"sort":"1 or 1"}')}`, 'header:cookie'],
      ['/', `cart=${q('{"id":"1 or true"}')}`, 'header:cookie'],
    ] as const) {
      const r = await d.analyzeRequest({ method: 'GET', url, headers: { cookie } });
      expect(r.blocked, `${url} ${cookie}`).toBe(true);
      expect(locations(r), `${url} ${cookie}`).toEqual([where]);
    }
    for (const [url, cookie] of [[`/api/users?filter=${q('{"where":{"name":"O\'Brien"},"limit":10}')}`, ''], ['/', `prefs=j:${q('{"theme":"dark","cols":[1,2]}')}`],
      ['/?tags=[draft]', ''], ['/?q={not json', '']] as const) {
      expect((await d.analyzeRequest({ method: 'GET', url, headers: { cookie } })).threats, `${url} ${cookie}`).toEqual([]);
    }
  });
  it('a form field or multipart field that is itself a JSON document is read value by value too, in both readers, split anywhere', async () => {
    /** The middleware's reading with the body cut into pieces of `size` bytes, its locations; and analyzeRequest's. */
    async function both(type: string, body: string, size: number): Promise<[string[], string[]]> {
      const bytes = utf8(body);
      const scanner = createBodyScanner(d, type);
      for (let i = 0; i < bytes.length; i += size) scanner.push(bytes.slice(i, i + size));
      const r = await d.analyzeRequest({ method: 'POST', url: '/x', headers: { 'content-type': type }, body: bytes });
      return [locations(scanner.finish()), locations(r)];
    }
    const q = (v: string) => encodeURIComponent(v);
    const FORM = 'application/x-www-form-urlencoded';
    const part = (name: string, content: string) => `--B\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${content}\r\n`;
    const MULTIPART = 'multipart/form-data; boundary=B';
    // (in one text, "1 or 1" is inside a JSON string, and a decoy field leaves the rest inside a quote)
    const attacks: Array<[string, string, string]> = [
      [FORM, `page=2&filter=${q('{"where":{"name":"1 or 1"}}')}`, 'body:filter'],
      [FORM, `filter=${q('{"note":"it\'s","where":{"id":"-1 UNION SELECT name, secret FROM users"}}')}&page=2`, 'body:filter'],
      [FORM, 'filter={"where":{"name":"1+or+1"}}', 'body:filter'],
      [FORM, 'ids=[%22x%22,%22;%20ip%20a%22]', 'body:ids'],
      [MULTIPART, `${part('page', '2')}${part('filter', ' {"note":"it\'s","id":"1 or 1"}')}--B--\r\n`, 'body:filter'],
    ];
    for (const [type, body, where] of attacks) {
      for (const size of [1, 2, 3, 5, 64, body.length]) {
        const [middleware, analyzed] = await both(type, body, size);
        expect(middleware, `${body} in pieces of ${size}`).toContain(where);
        expect(analyzed, body).toContain(where);
      }
    }
    // Documents with nothing in them, text that only looks like one, and a value merely starting with '%': clean.
    for (const [type, body] of [
      [FORM, `filter=${q('{"where":{"name":"O\'Brien"},"limit":10}')}&tags=[draft]&q={not json&pct=%25+off`],
      [MULTIPART, `${part('filter', '{"where":{"name":"O\'Brien"}}')}${part('note', '{ it\'s a brace }')}--B--\r\n`],
    ] as const) {
      for (const size of [1, 3, body.length]) expect(await both(type, body, size), `${body} in pieces of ${size}`).toEqual([[], []]);
    }
  });
  it('a multipart body whose boundary could be read two ways is framed by each boundary a parser may take, besides its text', async () => {
    // (undici's formData() and Hono's parseBody() take a boundary over 70 characters whole, and the last of two; as one
    // text, a field of 1 or 1 or ; ip a is no value of its own)
    const LONG = 'B'.repeat(80);
    const body = (b: string, value: string) => utf8(`--${b}\r\nContent-Disposition: form-data; name="id"\r\n\r\n${value}\r\n--${b}--\r\n`);
    for (const [type, b] of [[`multipart/form-data; boundary=${LONG}`, LONG], ['multipart/form-data; boundary=A; boundary=Z', 'Z'], ['multipart/form-data; boundary=A; boundary=Z', 'A']] as const) {
      for (const value of ['1 or 1', '; ip a']) expect(await bothBlock(type, body(b, value)), `${type} ${value}`).toEqual([true, true]);
      expect(await bothBlock(type, body(b, 'hello world')), type).toEqual([false, false]);
    }
  });
  it("an absolute-form request target's host is scanned as the Host header is (new URL(req.url).hostname)", async () => {
    const r = await d.analyzeRequest({ method: 'GET', url: "http://x'or'1'='1/tenant", headers: { host: 'shop.example' } });
    expect(r.blocked).toBe(true);
    expect(locations(r)).toEqual(['host']);
    expect((await d.analyzeRequest({ method: 'GET', url: 'http://shop.example:8080/tenant?x=1', headers: {} })).threats).toEqual([]);
  });
  it('each path segment is a value of its own (router parameters), besides the path as a whole', async () => {
    for (const url of ['/users/1%20or%201', '/users/1%20or%20true/orders', "/remote/--upload-pack%3D'id'", '/files/%2Fproc%2Fkallsyms']) {
      const r = await d.analyzeRequest({ method: 'GET', url, headers: {} });
      expect(r.blocked, url).toBe(true);
      expect(locations(r)).toEqual(['path']);
    }
    for (const url of ['/users/42/orders', '/blog/2024/how-to-select-a-laptop', '/search/rock%20and%20roll', '/files/My%20CV%20(final).pdf', '/a;jsessionid=1F2E/b', '/tags/c%2B%2B', '/wiki/Salem%27s_Lot']) {
      expect((await d.analyzeRequest({ method: 'GET', url, headers: {} })).threats, url).toEqual([]);
    }
  });
});

describe('stats and health', () => {
  it('counts requests, scans, bytes, threats and times', async () => {
    const fresh = await detector();
    fresh.scan('héllo'); // bytes scanned count UTF-8 bytes: 6
    expect(fresh.getStats().bytesScanned).toBe(6);
    fresh.scan('<script>');
    await fresh.analyzeRequest({ url: '/a?b=%27%20or%201%3D1--', headers: {} });
    const s = fresh.getStats();
    expect(s.requests).toBe(1);
    expect(s.scans).toBeGreaterThan(2);
    expect(s.bytesScanned).toBeGreaterThan(10);
    expect(s.blocked).toBe(2);
    expect(s.threatsByCategory.xss).toBe(1);
    expect(s.threatsByRule['xss.script-tag']).toBe(1);
    // Times: a short scan may read 0 ms on a coarse clock (Chromium's performance.now() ticks in
    // 100 µs steps without cross-origin isolation), so most of the timed scans here are long ones.
    const long = 'plain words and more words '.repeat(20_000);
    for (let i = 0; i < 5; i++) fresh.scan(long, { context: 'body' });
    const times = fresh.getStats().scanTimeMs;
    expect(times.p50).toBeGreaterThan(0);
    expect(times.p99).toBeGreaterThanOrEqual(times.p50);
    expect(times.max).toBeGreaterThanOrEqual(times.p99);
    const h = fresh.healthCheck();
    expect(h).toMatchObject({ healthy: true, status: 'ok' });
    expect(h.checks.map((c) => c.name)).toEqual(['arena', 'self-test', 'internal-errors']);
    await fresh.close();
  });

  /** `text` as UTF-16LE bytes (no Buffer: this file runs in browsers too). */
  const utf16le = (text: string) => new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer);
  const utf16Body = (text: string) => ({ method: 'POST', url: '/x', headers: { 'content-type': 'text/plain; charset=utf-16le' }, body: utf16le(text) });
  /** The findings of results, counted by rule id (what the stats must show). */
  function tally(results: ScanResult[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of results) for (const t of r.threats) out[t.ruleId] = (out[t.ruleId] ?? 0) + 1;
    return out;
  }

  it('a short scan is timed one call in 8 at random, its time counted 8 times: p50 and p99 still describe every call', async () => {
    const fresh = await detector();
    // A clock of our own (no vi.spyOn: this file runs in Deno too): each read moves it on by
    // `step`, so a timed scan takes `step` ms, and the reads are counted.
    const own = Object.getOwnPropertyDescriptor(performance, 'now');
    let now = 0;
    let step = 0;
    let reads = 0;
    Object.defineProperty(performance, 'now', { configurable: true, writable: true, value: () => { reads++; return (now += step); } });
    try {
      step = 0.001;
      fresh.scan('x');
      // (the first short scan is timed: one scan has a time)
      expect(reads).toBe(2);
      expect(fresh.getStats().scanTimeMs.max).toBeCloseTo(0.001, 9);
      // 700 short scans of 1 µs and 300 of 300 characters (always timed) of 1 ms, interleaved:
      // the median call is a short one and the 99th percentile a long one.
      const long = 'y'.repeat(300);
      for (let i = 0; i < 1000; i++) {
        step = i % 10 < 7 ? 0.001 : 1;
        fresh.scan(step === 1 ? long : 'hello', { context: 'query' });
      }
      // 600 reads for the long scans, 2 for each short one timed (about 88 of 700): an
      // unweighted sample would hold about 88 short times against 300 long and put the median at 1 ms
      expect(reads - 2).toBeGreaterThan(600 + 2 * 40);
      expect(reads - 2).toBeLessThan(600 + 2 * 150);
      const times = fresh.getStats().scanTimeMs;
      expect(times.p50).toBeLessThan(0.0012);
      expect(times.p99).toBeGreaterThan(0.9);
      expect(times.max).toBeCloseTo(1, 9);
      expect(fresh.getStats().standaloneScans).toBe(1001); // (counts stay exact)
    } finally {
      if (own === undefined) delete (performance as { now?: unknown }).now;
      else Object.defineProperty(performance, 'now', own);
      await fresh.close();
    }
  });

  it('threat counters count the findings the results report, not readings dropped on the way', async () => {
    const fresh = await detector();
    // A UTF-16 body's bytes read as UTF-8 are full of NULs: analyzeRequest drops that reading's
    // path.null-byte (the label explains the zeros), and the stats dropped it too late.
    const clean = fresh.analyzeRequestSync(utf16Body('hello world'));
    expect(clean).toEqual({ blocked: false, score: 0, threats: [] });
    const { requests, blocked, threatsByRule, threatsByCategory } = fresh.getStats();
    expect({ requests, blocked, threatsByRule, threatsByCategory }).toEqual({ requests: 1, blocked: 0, threatsByRule: {}, threatsByCategory: {} });
    const results = [clean, fresh.analyzeRequestSync(utf16Body("1' or '1'='1")), await fresh.analyzeRequest({ url: '/a?q=<script>x()</script>', headers: {} })];
    results.push(fresh.scan('../../etc/passwd', { context: 'path' }));
    const s = fresh.createStream({ context: 'body' });
    s.push('<img src=x one'); s.push('rror=alert(1)>');
    results.push(s.finish());
    expect(fresh.getStats().threatsByRule).toEqual(tally(results));
    expect(results[1]!.threats.map((t) => t.ruleId)).not.toContain('path.null-byte');
    await fresh.close();
  });

  it('blocked counts verdicts: each scan(), stream and request once, by its final result', async () => {
    const fresh = await detector();
    // Two findings of 4 in two fields: no field blocks, the request does (score 8).
    const twoWeak = fresh.analyzeRequestSync({ method: 'GET', url: '/x?a=%00&b=%00', headers: {} });
    expect(twoWeak).toMatchObject({ blocked: true, score: 8 });
    expect(fresh.getStats().blocked).toBe(1);
    // Two attack fields, and an attack in both readings of a UTF-16 body: one request each.
    expect((await fresh.analyzeRequest({ url: "/x?a=1'+or+'1'%3D'1&b=<script>x()</script>", headers: {} })).blocked).toBe(true);
    expect(fresh.getStats().blocked).toBe(2);
    expect(fresh.analyzeRequestSync(utf16Body("1' or '1'='1")).blocked).toBe(true);
    expect(fresh.getStats().blocked).toBe(3);
    expect(fresh.scan('<script>x()</script>').blocked).toBe(true);
    expect(fresh.scan('plain').blocked).toBe(false);
    const s = fresh.createStream();
    s.push("1' or '1'='1");
    expect(s.finish().blocked).toBe(true);
    expect(fresh.getStats()).toMatchObject({ requests: 3, standaloneScans: 3, blocked: 5 });
    await fresh.close();
  });

  it('bytesScanned counts the bytes scanned, not those past maxScanBytes', async () => {
    const fresh = await detector({ maxScanBytes: 16 });
    const r = fresh.scan('a'.repeat(1000));
    expect(r.threats.map((t) => t.ruleId)).toContain('limit.oversize');
    expect(fresh.getStats().bytesScanned).toBe(16);
    const s = fresh.createStream();
    for (let i = 0; i < 10; i++) s.push('b'.repeat(100));
    s.finish();
    expect(fresh.getStats().bytesScanned).toBe(32);
    fresh.scan('c'.repeat(10));
    expect(fresh.getStats().bytesScanned).toBe(42);
    await fresh.close();
  });

  it('a busy pool makes health degraded, not failing; healthy means ok, as in the arena', async () => {
    const arena = await createArena({ pools: createStandardPools({ large: { maxSlots: 3 } }) });
    const fresh = await detector({ arena });
    // A detector that has not scanned holds no slots; with the pool full its self-test cannot run.
    const held = [arena.poolFor(65536).acquire(), arena.poolFor(65536).acquire(), arena.poolFor(65536).acquire()];
    const busy = fresh.healthCheck();
    expect(busy.status).toBe('degraded');
    expect(busy.healthy).toBe(false);
    const selfTest = busy.checks.find((c) => c.name === 'self-test');
    expect(selfTest?.ok).toBe(false);
    expect(selfTest?.detail).toMatch(/^not run, no free slot/);
    const a = arena.healthCheck();
    expect({ healthy: a.healthy, status: a.status }).toEqual({ healthy: false, status: 'degraded' });
    for (const l of held) l.release();
    // The refusal stays in the report for 10 s (or until the next check after that); the self-test runs now.
    const realNow = Date.now;
    try {
      const now = Date.now();
      Date.now = () => now;
      const after = fresh.healthCheck();
      expect(after.status).toBe('degraded');
      expect(after.checks.find((c) => c.name === 'self-test')?.ok).toBe(true);
      Date.now = () => now + 11_000;
      expect(fresh.healthCheck()).toMatchObject({ healthy: true, status: 'ok' });
    } finally {
      Date.now = realNow;
    }
    // A scanner that fails is still failing.
    fresh.injectScanFault();
    fresh.scan('x');
    expect(fresh.healthCheck()).toMatchObject({ healthy: false, status: 'failing' });
    await fresh.close();
    await arena.close();
  });
});
