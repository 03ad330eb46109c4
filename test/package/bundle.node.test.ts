// A page (or worker) that passes its own wasm — arenaguard/wasm fetched or imported as a module —
// must not ship the embedded module's base64 with its code: a bundler splits it into a chunk the
// page never loads. (It was one 500 KB file: the base64 was imported with the loader.)
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'arenaguard-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a browser bundle', () => {
  it('keeps the embedded wasm out of the code a page loads when the page passes its own module', async () => {
    writeFileSync(join(dir, 'entry.js'), `
      import { createArena, createDetector } from ${JSON.stringify(join(dist, 'index.js'))};
      const arena = await createArena({ wasm: new URL('/arenaguard.wasm', location.href) });
      const detector = await createDetector({ arena });
      document.body.textContent = String(detector.scan('x').blocked);
    `);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./entry.js"></script>');
    const out = join(dir, 'out');
    await build({ root: dir, logLevel: 'silent', configFile: false, build: { outDir: out, target: 'es2022' } });
    const chunks = readdirSync(join(out, 'assets')).map((name) => ({ name, bytes: statSync(join(out, 'assets', name)).size }));
    const base64 = chunks.filter((c) => c.name.startsWith('wasm-base64'));
    const entry = chunks.filter((c) => c.name.startsWith('index'));
    expect(base64).toHaveLength(1);
    expect(base64[0]!.bytes).toBeGreaterThan(300_000); // (the module's 298 KB as base64)
    expect(entry).toHaveLength(1);
    expect(entry[0]!.bytes).toBeLessThan(200_000); // (about 105 KB: the host code and the rule tables)
  }, 60_000);
});
