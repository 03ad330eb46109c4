// What the guard repeats of a request: plain names, hashes for everything else.
import { describe, expect, it } from 'vitest';
import { nameHash, shownLocation, shownUrl } from '../../src/middleware/redact.js';

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
});
