// Node only: load the built package into workerd (through miniflare) the way a
// worker bundler would ship it — every dist module except the Node-only
// adapters, and the wasm as a compiled module (workerd refuses compiling bytes).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';

export const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** A Miniflare worker whose entry module `entryName` (placed in dist/) runs `source`. */
export function workerOverDist(entryName: string, source: string, bindings: Record<string, string>): Miniflare {
  const js = walk(dist).filter((p) => p.endsWith('.js') && !/middleware[\\/](express|fastify|node)\.js$/.test(p));
  return new Miniflare({
    modulesRoot: dist,
    modules: [
      { type: 'ESModule', path: join(dist, entryName), contents: source },
      ...js.map((path) => ({ type: 'ESModule' as const, path, contents: readFileSync(path, 'utf8') })),
      { type: 'CompiledWasm', path: join(dist, 'arenaguard.wasm'), contents: readFileSync(join(dist, 'arenaguard.wasm')) },
    ],
    bindings,
    compatibilityDate: '2025-01-01',
  });
}
