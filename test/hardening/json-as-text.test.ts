// JSON the guard cannot walk as JSON (shared: Node, Chromium, Deno). request.json(), and a body
// parser set to accept any type, read JSON whatever the Content-Type says; JSON readers skip a
// BOM; JSON.parse takes nesting deeper than the guard's walker. Each of those bodies used to
// be scanned as plain text only, where `\t` and `\"` are not yet the tab and quote the
// application sees: `1'\tUNION\tSELECT…` went through. A body that starts like JSON is now
// also scanned with JSON's escapes decoded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedApp, type GuardedApp } from './guarded-app.js';

// Tabs and quotes inside the strings: JSON.stringify writes them as \t and \".
const ATTACKS = [
  JSON.stringify({ q: "1'\tUNION\tSELECT\tpassword\tFROM\tusers--" }),
  JSON.stringify({ q: '1" OR "1"="1' }),
  JSON.stringify({ cmd: 'x;\tcat\t/etc/passwd' }),
];
const CLEAN = JSON.stringify({ note: 'He said "see you"\tat noon', path: 'C:\\new\\table', items: [{ id: 1, name: "O'Reilly" }] });

let app: GuardedApp;
beforeAll(async () => {
  app = await guardedApp(async (request) => Response.json(await request.json()));
});
afterAll(() => app.close());

async function post(body: string, contentType: string | undefined): Promise<number> {
  const headers: Record<string, string> = {};
  if (contentType !== undefined) headers['content-type'] = contentType;
  const res = await app.handler(new Request('http://app.local/x', { method: 'POST', headers, body }));
  await res.text();
  return res.status;
}
const nest = (doc: string, depth: number) => `${'['.repeat(depth)}${doc}${']'.repeat(depth)}`;

describe('JSON bodies the walker does not take', () => {
  it.each(ATTACKS)('%s: found under any Content-Type, with a BOM, and nested past the walker', async (attack) => {
    for (const type of ['text/plain', 'application/x-json', undefined, 'application/octet-stream']) {
      expect(await post(attack, type), String(type)).toBe(403);
    }
    expect(await post(`\uFEFF${attack}`, 'application/json'), 'BOM').toBe(403);
    expect(await post(nest(attack, 600), 'application/json'), 'nested').toBe(403);
  });

  it('passes clean JSON in all of those forms', async () => {
    for (const type of ['text/plain', undefined, 'application/json']) expect(await post(CLEAN, type), String(type)).toBe(200);
    expect(await post(`\uFEFF${CLEAN}`, 'application/json')).toBe(200);
    expect(await post(nest(CLEAN, 600), 'application/json')).toBe(200);
  });

  it('analyzeRequest: the same, and a BOM no longer costs the JSON path', async () => {
    for (const attack of ATTACKS) {
      const r = await app.detector.analyzeRequest({ method: 'POST', url: '/x', headers: { 'content-type': 'text/plain' }, body: attack });
      expect(r.blocked, attack).toBe(true);
    }
    const bom = await app.detector.analyzeRequest({ method: 'POST', url: '/x', headers: { 'content-type': 'application/json' }, body: `\uFEFF${ATTACKS[0]}` });
    expect(bom.threats.some((t) => t.location === 'body:$.q')).toBe(true);
    const clean = await app.detector.analyzeRequest({ method: 'POST', url: '/x', headers: { 'content-type': 'text/plain' }, body: CLEAN });
    expect(clean.blocked).toBe(false);
  });
});
