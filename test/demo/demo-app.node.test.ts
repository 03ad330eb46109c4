// The demo service: each vulnerability works against --unprotected and is
// blocked by the guard; /metrics, /health and the stats feed answer; `npm
// start`'s script serves on loopback.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
// @ts-expect-error plain ESM demo module without types
import { startDemo } from '../../demo/server.mjs';

interface Demo { url: string; close(): Promise<void> }
let guarded: Demo;
let open: Demo;

beforeAll(async () => {
  guarded = await startDemo({ port: 0 });
  open = await startDemo({ port: 0, unprotected: true });
});
afterAll(async () => {
  await guarded?.close();
  await open?.close();
});

const UNION = "zzz' UNION SELECT id, username, password FROM users --";
const XSS = '<img src=x onerror="alert(document.cookie)">';

describe('demo app', () => {
  it('binds to 127.0.0.1 only', () => {
    expect(new URL(guarded.url).hostname).toBe('127.0.0.1');
    expect(new URL(open.url).hostname).toBe('127.0.0.1');
  });

  it('search: SQL injection dumps the users table unprotected, 403 protected; plain searches work on both', async () => {
    for (const demo of [guarded, open]) {
      const res = await fetch(`${demo.url}/app/search?q=garden`);
      expect(res.status).toBe(200);
      expect((await res.json()).rows.map((r: { name: string }) => r.name)).toEqual(['garden hose', 'garden gloves']);
    }
    const leaked = await fetch(`${open.url}/app/search?q=${encodeURIComponent(UNION)}`);
    expect(leaked.status).toBe(200);
    expect(JSON.stringify(await leaked.json())).toContain('correct-horse-battery-staple');

    const blocked = await fetch(`${guarded.url}/app/search?q=${encodeURIComponent(UNION)}`);
    expect(blocked.status).toBe(403);
    const verdict = await blocked.json();
    expect(verdict.threats).toContainEqual(expect.objectContaining({ category: 'sqli', location: 'query:q' }));
    expect(JSON.stringify(verdict)).not.toContain('UNION');
  });

  it('comments: stored XSS is reflected unprotected, 403 protected', async () => {
    const post = (demo: Demo) => fetch(`${demo.url}/app/comments`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ author: 'm', text: XSS }),
    });
    expect((await post(open)).status).toBe(201);
    expect(await (await fetch(`${open.url}/app/comments`)).text()).toContain(XSS);
    const blocked = await post(guarded);
    expect(blocked.status).toBe(403);
    expect((await blocked.json()).threats).toContainEqual(expect.objectContaining({ category: 'xss', location: 'body:$.text' }));
    expect(await (await fetch(`${guarded.url}/app/comments`)).text()).not.toContain('onerror');
  });

  it('download: ../ reads repository files unprotected (never outside it), 403 protected', async () => {
    const readme = await fetch(`${open.url}/app/download?file=readme.txt`);
    expect(await readme.text()).toContain('arenaguard demo file store');
    const traversal = await fetch(`${open.url}/app/download?file=${encodeURIComponent('../../package.json')}`);
    expect(traversal.status).toBe(200);
    expect(await traversal.text()).toContain('"name": "arenaguard"');
    const outside = await fetch(`${open.url}/app/download?file=${encodeURIComponent('../../../../../../etc/passwd')}`);
    expect(outside.status).toBe(400);

    const blocked = await fetch(`${guarded.url}/app/download?file=${encodeURIComponent('../../package.json')}`);
    expect(blocked.status).toBe(403);
    expect((await blocked.json()).threats).toContainEqual(expect.objectContaining({ category: 'path', location: 'query:file' }));
  });

  it('serves /metrics (parseable), /health and the dashboard stats feed with recent blocks', async () => {
    const families = parsePrometheusTextFormat(await (await fetch(`${guarded.url}/metrics`)).text()) as { name: string }[];
    expect(families.map((f) => f.name)).toContain('arenaguard_requests_blocked_total');
    expect((await fetch(`${guarded.url}/health`)).status).toBe(200);
    const stats = await (await fetch(`${guarded.url}/api/stats`)).json();
    expect(stats.protected).toBe(true);
    expect(stats.blocked).toBeGreaterThanOrEqual(3);
    expect(stats.recent[0].threats[0]).toEqual(expect.objectContaining({ category: expect.any(String), ruleId: expect.any(String) }));
    expect(Object.keys(stats.arena.pools)).toEqual(['small', 'medium', 'large']);
  });
});

describe('scripts/start.mjs', () => {
  it('serves on 127.0.0.1 at PORT, unprotected with --unprotected, and stops on SIGTERM', async () => {
    const script = fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url));
    const child = spawn(process.execPath, [script, '--no-build', '--unprotected'], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
        child.stdout.on('data', (d) => {
          out += d;
          const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) { clearTimeout(timer); resolve(m[1]!); }
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const stats = await (await fetch(`${url}/api/stats`)).json();
      expect(stats.protected).toBe(false);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
