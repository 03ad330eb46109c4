// A TypeScript user's view: the published .d.ts files (dist/) type-check a
// consumer that mounts every adapter in its framework, and reject bad options.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside the package, so 'arenaguard/…' resolves through package.json "exports" (self-reference).
const dir = join(root, 'test-results', 'types');

const CONSUMER = `
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { arenaguard as expressGuard, metricsHandler as expressMetrics, healthHandler as expressHealth } from 'arenaguard/express';
import { arenaguard as fastifyGuard, metricsHandler as fastifyMetrics, healthHandler as fastifyHealth, type ArenaguardFastifyPlugin } from 'arenaguard/fastify';
import Fastify4 from 'fastify4';
import { arenaguard as honoGuard, metricsHandler as honoMetrics, healthHandler as honoHealth } from 'arenaguard/hono';
import { guard, metricsHandler as fetchMetrics } from 'arenaguard/fetch';
import { renderPrometheus, registerPrometheusMetrics } from 'arenaguard/metrics';
import { createArena, createDetector } from 'arenaguard';
import { Registry } from 'prom-client';

const arena = await createArena();
const detector = await createDetector({ arena });

const app = express();
app.use(expressGuard({ detector, arena, skip: (req) => req.url === '/static', exclude: [{ rule: 'sqli.*', location: 'body:$.comment' }] }));
app.get('/metrics', expressMetrics({ arena, detector }));
app.get('/health', expressHealth({ detector }));

const f = Fastify();
await f.register(fastifyGuard({ detector, onThreat: (e) => console.log(e.requestId, e.threats.map((t) => t.ruleId)) }));
f.get('/metrics', fastifyMetrics({ detector }));
f.get('/health', fastifyHealth({ detector }));

const h = new Hono();
h.use('*', honoGuard({ detector, mode: 'monitor' }));
h.get('/metrics', honoMetrics({ detector }));
h.get('/health', honoHealth({ detector }));

const handler: (req: Request, env: { KEY: string }) => Promise<Response> = guard((req: Request, env: { KEY: string }) => new Response(env.KEY + req.url), { detector });
const text: string = renderPrometheus({ arena, detector });
registerPrometheusMetrics(new Registry(), { detector });
fetchMetrics({ detector });

// Fastify's plugin form (register(arenaguard, options)) beside the factory's, on Fastify 5 and 4
await f.register(fastifyGuard, { mode: 'block', maxBodyBytes: 1024 });
await f.register(fastifyGuard);
const plugin: ArenaguardFastifyPlugin = fastifyGuard({ maxBodyBytes: 10 });
await f.register(plugin);
// @ts-expect-error: not a mode
await f.register(fastifyGuard, { mode: 'blok' });
const f4 = Fastify4();
await f4.register(fastifyGuard, { mode: 'monitor', maxBodyBytes: 1024 });
await f4.register(fastifyGuard({ mode: 'block' }));

// @ts-expect-error: not a mode
expressGuard({ mode: 'blok' });
// @ts-expect-error: exclusions need a rule
honoGuard({ exclude: [{ location: 'query:q' }] });
// @ts-expect-error: paranoia is 1 or 2
guard(() => new Response(), { paranoia: 3 });

export { handler, text };
`;

it('the published types type-check a consumer of every adapter and reject bad options', async () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'consumer.mts'), CONSUMER);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, lib: ['ES2022', 'DOM'], types: ['node'] },
    files: ['consumer.mts'],
  }));
  const output = await new Promise<string>((resolve) => {
    execFile(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { cwd: root }, (error, stdout, stderr) => {
      resolve(error ? `${stdout}${stderr}` || String(error) : '');
    });
  });
  expect(output).toBe('');
}, 60_000);
