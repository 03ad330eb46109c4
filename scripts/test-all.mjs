// `npm test` after the build: the shared suite in Node and Chromium (vitest
// projects), the same files under Deno, then Deno-only tests. Each step runs
// even if an earlier one failed, so one report shows everything.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules/.bin', name);

function listTests(dir, keep) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listTests(path, keep));
    else if (keep(path)) out.push(relative(root, path));
  }
  return out.sort();
}

// Shared files: runtime-neutral tests (no node: imports), the same ones Chromium runs.
const nodeOnlyDirs = ['test/middleware/', 'test/metrics/', 'test/demo/', 'test/edge/', 'test/deno/'];
const shared = listTests(join(root, 'test'), (p) => {
  const rel = relative(root, p);
  return rel.endsWith('.test.ts') && !rel.includes('.node.') && !nodeOnlyDirs.some((d) => rel.startsWith(d));
});
const denoOnly = listTests(join(root, 'test/deno'), (p) => p.endsWith('_test.ts'));

const steps = [
  ['vitest: node + chromium', bin('vitest'), ['run']],
  ['deno: shared suite', bin('deno'), ['test', '--no-check', '--sloppy-imports', '--allow-read', '--allow-env', '--config', 'deno.json', ...shared]],
];
if (denoOnly.length) {
  steps.push(['deno: deno-only tests', bin('deno'), ['test', '--no-check', '--sloppy-imports', '-A', '--config', 'deno.json', ...denoOnly]]);
}
for (const extra of (process.env.ARENAGUARD_EXTRA_TESTS ?? '').split(',').filter(Boolean)) {
  steps.push([`node: ${extra}`, process.execPath, [extra]]);
}

let passed = 0;
let failed = 0;
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status === 0) passed++;
  else {
    failed++;
    console.log(`=== FAILED: ${name} (exit ${result.status ?? result.signal})`);
  }
}
console.log(`\ntest steps: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
