// Node only: rebuilds the module (asc) with extra static data, so the arena header lands at
// different places around the end of the module's initial memory. The arena must come up in
// every case: the header follows the static data, and when that pushes it past the initial
// pages, arenaInit has to grow memory before it reads or writes anything there. (A build whose
// rule tables grew by 1,000 bytes used to trap in arenaInit, reading the grow limit from a
// header not yet backed by memory.)
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createArena, createDetector, createStandardPools } from '../../src/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'arenaguard-static-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The module built with `extra` more bytes of static data. */
function buildPadded(extra: number): Uint8Array {
  const dir = join(work, String(extra));
  cpSync(join(ROOT, 'assembly'), join(dir, 'assembly'), { recursive: true });
  cpSync(join(ROOT, 'asconfig.json'), join(dir, 'asconfig.json'));
  appendFileSync(join(dir, 'assembly/index.ts'),
    `\nconst PADDING: usize = memory.data<u8>([${new Array(extra).fill(1).join(',')}]);\nexport function paddingAddress(): usize { return PADDING; }\n`);
  const out = join(dir, 'padded.wasm');
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/assemblyscript/bin/asc.js'), 'assembly/index.ts', '--target', 'release',
    '--outFile', out, '--textFile', join(dir, 'padded.wat')], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`asc failed:\n${r.stderr}`);
  return readFileSync(out);
}

describe('static data of any size', () => {
  // 1,000 puts the header past the first page while the module still declares one page;
  // 9,000 makes the module declare two
  for (const extra of [1000, 9000]) {
    it(`an arena and a detector come up with ${extra} more bytes of static data`, { timeout: 600_000 }, async () => {
      const wasm = buildPadded(extra);
      const arena = await createArena({ pools: createStandardPools(), wasm });
      try {
        const lease = arena.getPool('small').acquire();
        lease.bytes.set([1, 2, 3]);
        lease.release();
        expect(arena.healthCheck().status).toBe('ok');
        const detector = await createDetector({ arena });
        expect(detector.scan("1' OR '1'='1").blocked).toBe(true);
        expect(detector.scan('hello world').blocked).toBe(false);
        await detector.close();
      } finally {
        await arena.close();
      }
    });
  }
});
