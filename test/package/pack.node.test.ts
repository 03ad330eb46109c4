// The package as a user gets it: `npm pack`, then `npm install` of that tarball into a
// fresh project outside this repository (so nothing resolves through the repo's own
// files), and from there: every entry point imported in Node and Deno, the CLI run from
// node_modules/.bin, and the shipped declarations type-checked with skipLibCheck off in
// a Node project and in a browser project that has no Node types. Runs the built dist/.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string; version: string; bin: Record<string, string>; exports: Record<string, string | { types: string; default: string }>;
};
const subpaths = Object.keys(pkg.exports).filter((p) => p !== './package.json');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const deno = join(root, 'node_modules/.bin/deno');

let work: string;
let app: string;
let installed: string;
/** Paths in the tarball, relative to the package root. */
let files: Set<string>;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'arenaguard-pack-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: root });
  const [packed] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  files = new Set(packed.files.map((f) => f.path));
  app = join(work, 'app');
  installed = join(app, 'node_modules', pkg.name);
  await run('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({
    name: 'consumer', private: true, type: 'module', dependencies: { [pkg.name]: `file:../${packed.filename}` },
  }));
  // The tarball has no dependencies and only optional peers: nothing to fetch.
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund'], { cwd: app });
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const target = (entry: string | { default: string }) => normalize(typeof entry === 'string' ? entry : entry.default);

describe('the tarball', () => {
  it('holds every file the exports, types and bin name, and none of the repository\'s own', () => {
    for (const path of subpaths) {
      const entry = pkg.exports[path]!;
      expect(files, path).toContain(target(entry));
      if (typeof entry !== 'string') expect(files, `${path} types`).toContain(normalize(entry.types));
    }
    for (const bin of Object.values(pkg.bin)) expect(files).toContain(normalize(bin));
    for (const must of ['package.json', 'README.md', 'LICENSE', 'dist/arenaguard.wasm']) expect(files).toContain(must);
    const strays = [...files].filter((f) => /^(test|assembly|bench|demo|scripts|build|rules|\.ci|src\/generated|test-results|node_modules)\//.test(f));
    expect(strays).toEqual([]);
  });

  it('declares the embedded wasm as a string, not as a 256 KiB literal type', () => {
    expect(readFileSync(join(installed, 'dist/generated/wasm-base64.d.ts'), 'utf8').length).toBeLessThan(1024);
  });

  it('resolves every relative import of its JavaScript and declarations to a file it ships', () => {
    const missing: string[] = [];
    for (const file of files) {
      if (!/\.(js|d\.ts)$/.test(file)) continue;
      const text = readFileSync(join(installed, file), 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
        let spec = normalize(join(dirname(file), m[1]!));
        if (file.endsWith('.d.ts')) spec = spec.replace(/\.js$/, '.d.ts');
        if (!files.has(spec)) missing.push(`${file} -> ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has the sources of every source map it ships', () => {
    const maps = [...files].filter((f) => f.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const map of maps) {
      const { sources } = JSON.parse(readFileSync(join(installed, map), 'utf8')) as { sources: string[] };
      for (const source of sources) {
        const path = normalize(join(dirname(map), source));
        if (!files.has(path)) missing.push(`${map} -> ${source}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

// A consumer's script: each entry point imported by its package name, and each used once.
const NODE_CONSUMER = `
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createArena, createDetector, createStandardPools, LeaseReleasedError } from 'arenaguard';
import { arenaguard as expressGuard } from 'arenaguard/express';
import { arenaguard as fastifyGuard } from 'arenaguard/fastify';
import { arenaguard as honoGuard } from 'arenaguard/hono';
import { guard } from 'arenaguard/fetch';
import { renderPrometheus } from 'arenaguard/metrics';

const wasmPath = fileURLToPath(import.meta.resolve('arenaguard/wasm'));
const module = new WebAssembly.Module(await readFile(wasmPath));
const arena = await createArena({ wasm: module, pools: createStandardPools() });
const lease = arena.getPool('small').acquire();
lease.bytes.set(new TextEncoder().encode('secret'));
lease.release();
let released = '';
try { lease.bytes; } catch (err) { released = err instanceof LeaseReleasedError ? err.code : String(err); }
const again = arena.getPool('small').acquire();
const zeroed = again.bytes.subarray(0, 6).every((b) => b === 0);
again.release();
const detector = await createDetector({ arena });
const handler = guard(() => new Response('ok'), { detector, arena });
const attack = await handler(new Request('http://app.local/?q=' + encodeURIComponent("1' OR '1'='1")));
const clean = await handler(new Request('http://app.local/?q=garden'));
const adapters = [expressGuard, fastifyGuard, honoGuard].map((f) => typeof f);
const metrics = renderPrometheus({ arena, detector }).includes('arenaguard_');
const resolved = [import.meta.resolve('arenaguard'), wasmPath].map((p) => p.includes('/node_modules/arenaguard/'));
await arena.close();
console.log(JSON.stringify({ released, zeroed, attack: attack.status, clean: clean.status, adapters, metrics, resolved }));
`;

describe('installed from the tarball', () => {
  it('imports every entry point in Node, by package name', async () => {
    writeFileSync(join(app, 'consumer.mjs'), NODE_CONSUMER);
    const { stdout } = await run(process.execPath, ['consumer.mjs'], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({
      released: 'LEASE_RELEASED', zeroed: true, attack: 403, clean: 200,
      adapters: ['function', 'function', 'function'], metrics: true, resolved: [true, true],
    });
  }, 60_000);

  it('imports it in Deno from the project\'s node_modules', async () => {
    writeFileSync(join(app, 'consumer.ts'), `
      import { createArena, createDetector } from 'arenaguard';
      import { guard } from 'arenaguard/fetch';
      const arena = await createArena();
      const detector = await createDetector({ arena });
      const handler = guard(() => new Response('ok'), { detector, arena });
      const attack = await handler(new Request('http://app.local/?q=' + encodeURIComponent('<script>alert(1)</script>')));
      const resolved = import.meta.resolve('arenaguard').includes('/node_modules/arenaguard/');
      await arena.close();
      console.log(JSON.stringify({ attack: attack.status, resolved }));
    `);
    const { stdout } = await run(deno, ['run', '--allow-read', '--allow-env', 'consumer.ts'], { cwd: app, env: { ...process.env, NO_COLOR: '1' } });
    expect(JSON.parse(stdout)).toEqual({ attack: 403, resolved: true });
  }, 60_000);

  // Node 20.19+ and 22.12+ load ES modules through require() (process.features.require_module).
  it.skipIf(!(process.features as { require_module?: boolean }).require_module)('loads through require() in a CommonJS project', async () => {
    writeFileSync(join(app, 'consumer.cjs'), `
      const { createArena, createDetector } = require('arenaguard');
      const { arenaguard } = require('arenaguard/express');
      (async () => {
        const arena = await createArena();
        const detector = await createDetector({ arena });
        const blocked = detector.scan("1' OR '1'='1", { context: 'query' }).blocked;
        await arena.close();
        console.log(JSON.stringify({ blocked, adapter: typeof arenaguard }));
      })();
    `);
    const { stdout } = await run(process.execPath, ['consumer.cjs'], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({ blocked: true, adapter: 'function' });
  }, 60_000);

  it('runs the CLI from node_modules/.bin: exit 1 when flagged, 0 when clean, 2 on a usage error', () => {
    const cli = join(app, 'node_modules/.bin/arenaguard');
    const flagged = spawnSync(cli, ['scan', '-', '--json'], { cwd: app, input: "1' OR '1'='1\n", encoding: 'utf8' });
    expect(flagged.status, flagged.stderr).toBe(1);
    expect(JSON.parse(flagged.stdout.trim().split('\n')[0]!)).toMatchObject({ blocked: true });
    const clean = spawnSync(cli, ['scan', '-'], { cwd: app, input: 'garden hose\n', encoding: 'utf8' });
    expect(clean.status, clean.stderr).toBe(0);
    const usage = spawnSync(cli, ['scan', '--paranoia', '7'], { cwd: app, encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });
});

// Every export used with its types; skipLibCheck off, so an error in a shipped .d.ts fails.
const TYPED_CORE = `
import { createArena, createDetector, createStandardPools, ArenaGuardError, type Lease, type ScanResult } from 'arenaguard';
import { guard } from 'arenaguard/fetch';
import { arenaguard as honoGuard } from 'arenaguard/hono';
const arena = await createArena({ pools: createStandardPools(), maxBytes: 16 << 20 });
{
  using lease: Lease = arena.getPool('small').acquire();
  lease.bytes.set([1, 2, 3]);
}
const detector = await createDetector({ arena, paranoia: 2 });
const result: ScanResult = detector.scan('x', { context: 'query' });
const blocked: boolean = result.blocked;
const handler: (request: Request) => Promise<Response> = guard(async () => new Response('ok'), { detector, arena });
export { blocked, handler, honoGuard, ArenaGuardError };
`;
const TYPED_NODE = `${TYPED_CORE}
import { arenaguard as expressGuard } from 'arenaguard/express';
import { arenaguard as fastifyGuard } from 'arenaguard/fastify';
import { renderPrometheus } from 'arenaguard/metrics';
const text: string = renderPrometheus({ arena, detector });
export { expressGuard, fastifyGuard, text };
`;

async function typeCheck(name: string, source: string, compilerOptions: Record<string, unknown>): Promise<string> {
  writeFileSync(join(app, `${name}.ts`), source);
  writeFileSync(join(app, `tsconfig.${name}.json`), JSON.stringify({
    compilerOptions: { target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, ...compilerOptions },
    files: [`${name}.ts`],
  }));
  const out = await run(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], { cwd: app }).then(() => '', (err: { stdout?: string }) => err.stdout || String(err));
  return out;
}

describe('the shipped declarations', () => {
  it('type-check in a Node project (NodeNext, @types/node)', async () => {
    const errors = await typeCheck('node-consumer', TYPED_NODE, {
      module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: ['node'], typeRoots: [join(root, 'node_modules/@types')],
    });
    expect(errors).toBe('');
  }, 60_000);

  // (node10 reads no exports map: the subpaths' types come from typesVersions, as CommonJS-era setups still resolve them)
  it('type-check in a project resolving as Node 10 did (moduleResolution node10)', async () => {
    const errors = await typeCheck('node10-consumer', TYPED_NODE, {
      module: 'ES2022', moduleResolution: 'node10', lib: ['ES2022'], types: ['node'], typeRoots: [join(root, 'node_modules/@types')],
    });
    expect(errors).toBe('');
  }, 60_000);

  it('type-check in a browser project (bundler resolution, DOM, no Node types, no Disposable in its lib)', async () => {
    const errors = await typeCheck('browser-consumer', TYPED_CORE, {
      module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], types: [],
    });
    expect(errors).toBe('');
  }, 60_000);
});
