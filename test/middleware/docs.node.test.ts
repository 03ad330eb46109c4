// Every code sample in docs/ runs, as written, against the built package:
// ```js blocks with Node, ```ts deno blocks with Deno, ```js worker blocks in
// workerd through miniflare. Other fences may only be shell commands or
// example output (sh, json, text). The samples assert their own claims.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workerOverDist } from '../edge/dist-worker.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const docs = join(root, 'docs');
// Inside the package, so `import 'arenaguard/express'` resolves to this package's exports.
const work = join(root, 'test-results', 'doc-samples');
const NOT_CODE = new Set(['sh', 'json', 'text']);

interface Sample { file: string; index: number; info: string; code: string; line: number }

function samples(): Sample[] {
  const out: Sample[] = [];
  for (const file of readdirSync(docs).filter((f) => f.endsWith('.md')).sort()) {
    const lines = readFileSync(join(docs, file), 'utf8').split('\n');
    let open: { info: string; line: number; body: string[] } | undefined;
    let index = 0;
    lines.forEach((line, i) => {
      const fence = /^```(.*)$/.exec(line);
      if (!fence) {
        open?.body.push(line);
      } else if (!open) {
        open = { info: fence[1]!.trim(), line: i + 1, body: [] };
      } else {
        out.push({ file, index: index++, info: open.info, code: open.body.join('\n') + '\n', line: open.line });
        open = undefined;
      }
    });
    if (open) throw new Error(`${file}:${open.line}: unclosed code fence`);
  }
  return out;
}

function run(command: string, args: string[], timeoutMs = 60_000): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: root, timeout: timeoutMs, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}


/** Run a worker sample in workerd, resolving package specifiers the way a worker bundler would. */
async function runWorker(code: string): Promise<void> {
  const source = code
    .replace(/from 'arenaguard\/wasm'/g, "from './arenaguard.wasm'")
    .replace(/from 'arenaguard\/fetch'/g, "from './middleware/fetch.js'")
    .replace(/from 'arenaguard'/g, "from './index.js'");
  const mf = workerOverDist('__doc_worker.mjs', source, { SITE_NAME: 'docs' });
  try {
    const ok = await mf.dispatchFetch('http://worker.local/');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('hello from docs');
    const blocked = await mf.dispatchFetch(`http://worker.local/?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as { error: string }).error).toBe('request blocked');
  } finally {
    await mf.dispose();
  }
}

const all = samples();
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
writeFileSync(join(work, 'deno.json'), JSON.stringify({
  imports: {
    arenaguard: '../../dist/index.js',
    'arenaguard/fetch': '../../dist/middleware/fetch.js',
    'arenaguard/hono': '../../dist/middleware/hono.js',
    'arenaguard/metrics': '../../dist/metrics/index.js',
  },
  nodeModulesDir: 'none',
  lock: false,
}));

describe('docs code samples', () => {
  it('has samples, and every fence is runnable code or plainly not code', () => {
    expect(all.filter((s) => !NOT_CODE.has(s.info)).length).toBeGreaterThanOrEqual(12);
    for (const s of all) expect(['js', 'ts deno', 'js worker', ...NOT_CODE], `${s.file}:${s.line} fence "${s.info}"`).toContain(s.info);
  });

  for (const s of all.filter((x) => !NOT_CODE.has(x.info))) {
    it(`${s.file}:${s.line} (${s.info})`, async () => {
      const base = join(work, `${s.file.replace(/\.md$/, '')}-${s.index}`);
      if (s.info === 'js') {
        writeFileSync(`${base}.mjs`, s.code);
        const { code, output } = await run(process.execPath, [`${base}.mjs`]);
        expect(code, output).toBe(0);
      } else if (s.info === 'ts deno') {
        writeFileSync(`${base}.ts`, s.code);
        const deno = join(root, 'node_modules/.bin/deno');
        const { code, output } = await run(deno, ['run', '-A', '--no-check', '--config', join(work, 'deno.json'), `${base}.ts`]);
        expect(code, output).toBe(0);
      } else {
        await runWorker(s.code);
      }
    }, 90_000);
  }
});
