// The guard()-wrapped handler inside Cloudflare's workerd runtime (through
// miniflare, offline), with the wasm imported as a compiled module: workerd
// refuses to compile wasm from bytes, so this proves `createArena({ wasm })`
// with a `WebAssembly.Module`. Runs the built package (dist/: `npm run build`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Miniflare } from 'miniflare';
import { dist, workerOverDist } from './dist-worker.js';


// The worker as a user would write it: wasm imported as a module, the guard around the app.
const WORKER = `
import wasm from './arenaguard.wasm';
import { createArena, createDetector } from './index.js';
import { guard, metricsHandler } from './middleware/fetch.js';

let ready;
async function init() {
  if (!(wasm instanceof WebAssembly.Module)) throw new Error('expected a compiled WebAssembly.Module');
  const arena = await createArena({ wasm, autoShrink: false });
  const detector = await createDetector({ arena });
  const app = async (request, env) => {
    const body = request.method === 'POST' ? await request.json() : null;
    return Response.json({ runtime: navigator.userAgent, greeting: env.GREETING, body });
  };
  return { handler: guard(app, { detector, arena }), metrics: metricsHandler({ arena, detector }) };
}

export default {
  async fetch(request, env, ctx) {
    ready ??= init();
    const { handler, metrics } = await ready;
    if (new URL(request.url).pathname === '/metrics') return metrics(request);
    return handler(request, env, ctx);
  },
};
`;

let mf: Miniflare;

beforeAll(async () => {
  if (!existsSync(join(dist, 'arenaguard.wasm'))) throw new Error('dist/ is missing: run `npm run build` first');
  mf = workerOverDist('__worker.mjs', WORKER, { GREETING: 'hello from env' });
  await mf.ready;
}, 60_000);

afterAll(async () => {
  await mf?.dispose();
});

describe('guard() in workerd (miniflare)', () => {
  it('answers a clean request through the app, env passed along', async () => {
    const res = await mf.dispatchFetch('http://worker.local/comments', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'lovely garden' }),
    });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { runtime: string; greeting: string; body: unknown };
    expect(json.runtime).toBe('Cloudflare-Workers');
    expect(json.greeting).toBe('hello from env');
    expect(json.body).toEqual({ text: 'lovely garden' });
  });

  it('blocks a malicious request with 403 JSON', async () => {
    const res = await mf.dispatchFetch(`http://worker.local/search?q=${encodeURIComponent("1' UNION SELECT password FROM users --")}`);
    expect(res.status).toBe(403);
    const json = (await res.json()) as { error: string; threats: { category: string; location: string }[] };
    expect(json.error).toBe('request blocked');
    expect(json.threats).toContainEqual(expect.objectContaining({ category: 'sqli', location: 'query:q' }));
  });

  it('scans bodies that make the arena grow (workerd has no WeakRef: held leases must still be renewed)', async () => {
    const big = (text: string) => JSON.stringify({ notes: Array.from({ length: 4000 }, (_, i) => `garden note ${i} about roses`), text });
    const clean = await mf.dispatchFetch('http://worker.local/notes', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big('lovely garden') });
    expect(clean.status).toBe(200);
    expect(((await clean.json()) as { body: { text: string } }).body.text).toBe('lovely garden');
    const attack = await mf.dispatchFetch('http://worker.local/notes', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big("1' UNION SELECT password FROM users --") });
    expect(attack.status).toBe(403);
    await attack.text();
  });

  it('reports its metrics from inside the worker', async () => {
    const text = await (await mf.dispatchFetch('http://worker.local/metrics')).text();
    expect(text).toMatch(/^arenaguard_guard_responses_total\{outcome="blocked"\} 2$/m);
  });
});

describe('workerd without { wasm } (red team round 5)', () => {
  const NO_WASM = `
import { createArena } from './index.js';
import { guard } from './middleware/fetch.js';
const app = guard(() => new Response('app'));
export default {
  async fetch(request) {
    if (new URL(request.url).pathname === '/arena') {
      try { await createArena(); return new Response('created'); } catch (error) { return new Response(error.constructor.name + ': ' + error.message); }
    }
    return app(request);
  },
};
`;
  let bare: Miniflare;
  beforeAll(async () => {
    bare = workerOverDist('__worker_no_wasm.mjs', NO_WASM, {});
    await bare.ready;
  }, 60_000);
  afterAll(async () => { await bare?.dispose(); });

  it('says to pass the compiled module when the runtime will not compile bytes, and the guard refuses (503), never passes', async () => {
    const text = await (await bare.dispatchFetch('http://worker.local/arena')).text();
    expect(text).toMatch(/^CompileError: arenaguard: this runtime does not compile WebAssembly from bytes/);
    expect(text).toContain("import wasm from 'arenaguard/wasm'");
    const res = await bare.dispatchFetch('http://worker.local/?q=hello');
    expect(res.status).toBe(503);
    await res.text();
  });
});
