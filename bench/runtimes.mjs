// runtimes suite: the pool (and, once the detector exists, scan) suite of
// bench/lib/runtime-suite.mjs run under Node, Deno and headless Chromium,
// side by side. Ratios are computed within each runtime's own process.
//
//   npm run bench:runtimes            # writes bench/results/runtimes.json
//   node bench/runtimes.mjs --serve   # build + serve the bench page, print its URL, keep running (Ctrl-C)
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, extname, normalize } from 'node:path';
import { ROOT, envInfo, writeResult, table, loadCorpus, QUICK } from './lib/node.mjs';

const serveOnly = process.argv.includes('--serve');
const log = (...a) => console.error(...a);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function runJson(cmd, args, limitMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop();
      if (code !== 0) return reject(new Error(`${cmd} exited ${code}`));
      try {
        resolve(JSON.parse(line));
      } catch (e) {
        reject(new Error(`${cmd}: no JSON on stdout (${e.message})`));
      }
    });
  });
}

/** vite build of bench/browser into a temp dir (bundles dist/, the CJS contenders, the shims). */
async function buildPage() {
  const { build } = await import('vite');
  const outDir = await mkdtemp(join(tmpdir(), 'arenaguard-bench-page-'));
  await build({
    root: join(ROOT, 'bench', 'browser'),
    base: './',
    logLevel: 'error',
    configFile: false,
    define: { global: 'globalThis' },
    resolve: { alias: { buffer: join(ROOT, 'bench', 'browser', 'buffer-shim.mjs') } },
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: false },
  });
  return outDir;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };
/** A tiny static server on 127.0.0.1, cross-origin isolated (COOP/COEP) so performance.now() has fine resolution. */
function serve(dir) {
  let corpus = null;
  const server = createServer(async (req, res) => {
    if (req.url === '/corpus.json') {
      corpus ??= Buffer.from(JSON.stringify(loadCorpus().map((r) => r.payload)));
      res.writeHead(200, { 'content-type': 'application/json', 'cross-origin-resource-policy': 'same-origin' });
      return res.end(corpus);
    }
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function runChromium() {
  const outDir = await buildPage();
  const server = await serve(outDir);
  const url = `http://127.0.0.1:${server.address().port}/index.html${QUICK ? '?quick=1' : ''}`;
  if (serveOnly) {
    console.log(`bench page: ${url}  (Ctrl-C to stop)`);
    return new Promise(() => {});
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => log(`[chromium] ${e.message}`));
    await page.goto(url);
    await page.waitForFunction(() => window.__benchResult || window.__benchError, null, { timeout: 200_000, polling: 500 });
    const error = await page.evaluate(() => window.__benchError);
    if (error) throw new Error(`bench page failed: ${error}`);
    const result = await page.evaluate(() => window.__benchResult);
    result.env.version = browser.version();
    return result;
  } finally {
    await browser.close();
    server.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

if (serveOnly) await runChromium();

const runtimes = {};
const failures = {};
for (const [name, fn] of Object.entries({
  node: () => runJson(process.execPath, ['bench/runtime-entry.mjs'], 150_000),
  deno: () => runJson(join(ROOT, 'node_modules/.bin/deno'), ['run', '-A', 'bench/runtime-entry.mjs'], 150_000),
  chromium: runChromium,
})) {
  log(`runtimes: ${name} …`);
  try {
    runtimes[name] = await fn();
  } catch (e) {
    failures[name] = String(e.message ?? e);
    log(`runtimes: ${name} failed: ${failures[name]}`);
  }
}

const file = writeResult('runtimes', { command: 'npm run bench:runtimes', runtimes, failures });
console.log(`runtimes suite — ${envInfo().node}`);
for (const size of ['1024', '8192', '65536']) {
  const names = [...new Set(Object.values(runtimes).flatMap((r) => Object.keys(r.pool.sizes[size])))];
  console.log(`\npool ${Number(size) / 1024} KiB, ns/op (median) — × arenaguard in the same runtime`);
  console.log(table(['contender', ...Object.keys(runtimes)], names.map((n) => [n, ...Object.values(runtimes).map((r) => (r.pool.sizes[size][n] ? `${r.pool.sizes[size][n].median} (×${(r.pool.sizes[size][n].median / r.pool.sizes[size].arenaguard.median).toFixed(2)})` : '—'))])));
}
for (const [name, r] of Object.entries(runtimes)) {
  if (!r.scan) continue;
  const c = r.scan.corpus.payloadsPerSec;
  console.log(`scan ${name}: corpus arenaguard ${c.arenaguard.median}/s, regex ${c.regex.median}/s; benign64k arenaguard ${r.scan.bodies.benign64k.mbPerSec.arenaguard.median} MB/s, regex ${r.scan.bodies.benign64k.mbPerSec.regex.median} MB/s; worst 64 KiB arenaguard ${r.scan.worstCase['65536'].arenaguard.median} ms, regex ${r.scan.worstCase['65536'].regex.median} ms`);
}
console.log(`wrote ${file}`);
process.exit(Object.keys(failures).length ? 1 : 0);
