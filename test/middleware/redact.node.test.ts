// What the guard repeats of a request: plain names, hashes for everything else.
import { describe, expect, it } from 'vitest';
import { nameHash, shownLocation, shownUrl } from '../../src/middleware/redact.js';
import { guard } from '../../src/middleware/fetch.js';
import { createDetector } from '../../src/index.js';

describe('shownLocation', () => {
  it('keeps plain names and JSON identifier paths readable', () => {
    for (const l of ['path', 'body', 'query:q', 'query:page_2', 'header:user-agent', 'body:comment', 'body:$', 'body:$.user.name', 'body:$.items[12].sku', 'body:$[0][1]']) {
      expect(shownLocation(l)).toBe(l);
    }
  });

  it('hashes names that are not plain identifiers, wherever they are', () => {
    expect(shownLocation('query:<script>x</script>')).toBe(`query:#${nameHash('<script>x</script>')}`);
    expect(shownLocation("body:' OR 1=1--")).toMatch(/^body:#[0-9a-f]{8}$/);
    expect(shownLocation('body:$["<img src=x>"]')).toBe(`body:$[#${nameHash('"<img src=x>"')}]`);
    expect(shownLocation('body:$.a["b\\"]c"].d[3]')).toMatch(/^body:\$\.a\[#[0-9a-f]{8}\]\.d\[3\]$/);
    expect(shownLocation(`query:${'a'.repeat(65)}`)).toMatch(/^query:#[0-9a-f]{8}$/);
    expect(shownLocation('weird kind:x')).toBe('request:x');
    for (const l of ['query:<b>', 'body:$["<b>"]', 'body:$.x[<b>]', 'header:x y']) expect(shownLocation(l)).not.toMatch(/[<> "]/);
  });

  it('hashes are stable and tell names apart', () => {
    expect(nameHash('abc')).toBe(nameHash('abc'));
    expect(nameHash('abc')).not.toBe(nameHash('abd'));
    expect(nameHash('')).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('shownUrl', () => {
  it('keeps the path and parameter names, never values', () => {
    expect(shownUrl('/search')).toBe('/search');
    expect(shownUrl("/search?q=1'+OR+'1'%3D'1&page=2")).toBe('/search?q=…&page=…');
    expect(shownUrl('/s?%3Cscript%3E=1&flag')).toBe(`/s?#${nameHash('<script>')}=…&flag=…`);
    expect(shownUrl('/s?%E0%A4%A=1')).toMatch(/^\/s\?#[0-9a-f]{8}=…$/);
  });

  it('hashes path segments that are not plain names: a path can be the attack (it was repeated whole)', () => {
    expect(shownUrl('/users/42/edit.json')).toBe('/users/42/edit.json');
    expect(shownUrl('/a//b/')).toBe('/a//b/');
    expect(shownUrl('/<script>alert(document.cookie)</script>')).toBe(`/#${nameHash('<script>alert(document.cookie)<')}/#${nameHash('script>')}`);
    expect(shownUrl("/q';DROP/**/TABLE/**/users;--/x?id=1")).toBe(`/#${nameHash("q';DROP")}/#${nameHash('**')}/TABLE/#${nameHash('**')}/#${nameHash('users;--')}/x?id=…`);
    expect(shownUrl('/files/..%2f..%2fetc%2fpasswd')).toBe(`/files/#${nameHash('..%2f..%2fetc%2fpasswd')}`);
    for (const url of ['/a%27%20UNION%20SELECT%20password', '/x/<img src=x onerror=alert(1)>?q=1']) expect(shownUrl(url)).not.toMatch(/[<>'% ]|UNION/);
  });
});


describe('locations through the guard (red team round 5)', () => {
  const attack = "1' OR '1'='1";
  const post = (handler: (r: Request) => Promise<Response>, body: string, type: string, url = 'http://localhost/x') =>
    handler(new Request(url, { method: 'POST', headers: { 'content-type': type }, body }));

  it('an exclusion may name a location exactly as the 403 showed it, hash included', async () => {
    const detector = await createDetector();
    const blocked = await post(guard(() => new Response('ok'), { detector }), JSON.stringify({ 'first-name': attack }), 'application/json');
    expect(blocked.status).toBe(403);
    const shown: string = (await blocked.json()).threats[0].location;
    expect(shown).toBe(`body:$[#${nameHash('"first-name"')}]`);
    const excluded = guard(() => new Response('ok'), { detector, exclude: [{ rule: 'sqli.*', location: shown }] });
    expect((await post(excluded, JSON.stringify({ 'first-name': attack }), 'application/json')).status).toBe(200);
    expect((await post(excluded, JSON.stringify({ 'last-name': attack }), 'application/json')).status).toBe(403); // only there
    const query = guard(() => new Response('ok'), { detector, exclude: [{ rule: 'sqli.*', location: `query:#${nameHash('filter[q]')}` }] });
    expect((await query(new Request(`http://localhost/?${encodeURIComponent('filter[q]')}=${encodeURIComponent(attack)}`))).status).toBe(200);
    await detector.close();
  });

  it("a form or multipart field named like a JSON path or an upload's file name is not covered by that location's exclusion", async () => {
    const detector = await createDetector();
    const handler = guard(() => new Response('ok'), { detector, exclude: [{ rule: 'xss.*', location: 'body:$.comment' }, { rule: 'xss.*', location: 'body:x.filename' }] });
    const xss = '<img src=x onerror=alert(1)>';
    expect((await post(handler, JSON.stringify({ comment: xss }), 'application/json')).status).toBe(200); // the JSON field: excluded
    expect((await post(handler, `${encodeURIComponent('$.comment')}=${encodeURIComponent(xss)}`, 'application/x-www-form-urlencoded')).status).toBe(403);
    const part = (name: string) => `--B\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${xss}\r\n--B--\r\n`;
    expect((await post(handler, part('$.comment'), 'multipart/form-data; boundary=B')).status).toBe(403);
    expect((await post(handler, part('x.filename'), 'multipart/form-data; boundary=B')).status).toBe(403);
    const r = await detector.analyzeRequest({ method: 'POST', url: '/x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `${encodeURIComponent('$.comment')}=${encodeURIComponent(xss)}` });
    expect(r.threats[0]!.location).toBe('body:["$.comment"]');
    await detector.close();
  });

  it("onThreat's url hashes a path that is the attack", async () => {
    const detector = await createDetector();
    const urls: string[] = [];
    const handler = guard(() => new Response('ok'), { detector, onThreat: (e) => urls.push(e.url) });
    expect((await handler(new Request('http://localhost/<script>alert(document.cookie)</script>?q=1'))).status).toBe(403);
    expect(urls).toHaveLength(1);
    expect(urls[0]).not.toMatch(/script|alert|[<>]|%3C/i);
    expect(urls[0]).toMatch(/\?q=…$/);
    await detector.close();
  });
});

describe('the redaction helpers in the public API', () => {
  it("are exported from the package root for analyzeRequest's raw locations", async () => {
    const root = await import('../../src/index.js');
    expect(root.shownLocation).toBe(shownLocation);
    expect(root.shownUrl).toBe(shownUrl);
    const detector = await root.createDetector();
    const r = await detector.analyzeRequest({ method: 'GET', url: `/x?${encodeURIComponent('x\r\nINFO admin login ok<img src=x onerror=alert(1)>')}=1`, headers: {} });
    const raw = r.threats[0]!.location!;
    expect(raw).toContain('\r\n'); // as the request named it
    expect(root.shownLocation(raw)).toMatch(/^query:#[0-9a-f]{8}$/);
    await detector.close();
  });
});
