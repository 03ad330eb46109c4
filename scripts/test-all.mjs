// `npm test` after the build: the shared suite in Node and Chromium (vitest
// projects), the same files under Deno, then Deno-only tests. Each step runs
// even if an earlier one failed, so one report shows everything.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

// vitest also writes a JSON report, so the failures can be listed again at the
// very end: CI logs are often read from their tail, after Deno's output.
const reportDir = mkdtempSync(join(tmpdir(), 'arenaguard-test-'));
const vitestReport = join(reportDir, 'vitest.json');

const steps = [
  ['vitest: node + chromium', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]],
  ['deno: shared suite', bin('deno'), ['test', '--no-check', '--sloppy-imports', '--allow-read', '--allow-env', '--config', 'deno.json', ...shared]],
];
if (denoOnly.length) {
  steps.push(['deno: deno-only tests', bin('deno'), ['test', '--no-check', '--sloppy-imports', '-A', '--config', 'deno.json', ...denoOnly]]);
}
for (const extra of (process.env.ARENAGUARD_EXTRA_TESTS ?? '').split(',').filter(Boolean)) {
  steps.push([`node: ${extra}`, process.execPath, [extra]]);
}

/**
 * Runs one step with its output passed through as it comes, keeping the last lines of it:
 * a failed step's tail is printed again at the end.
 */
function run(command, args) {
  return new Promise((resolve) => {
    const tail = [];
    const partial = { stdout: '', stderr: '' };
    const keep = (stream, chunk) => {
      const lines = (partial[stream] + chunk.toString('utf8')).split('\n');
      partial[stream] = lines.pop();
      tail.push(...lines);
      if (tail.length > 400) tail.splice(0, tail.length - 400);
    };
    const child = spawn(command, args, { cwd: root, stdio: ['inherit', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    for (const stream of ['stdout', 'stderr']) {
      child[stream].on('data', (chunk) => { process[stream].write(chunk); keep(stream, chunk); });
    }
    const finish = (status, signal) => resolve({ status, signal, tail: [...tail, partial.stdout, partial.stderr].filter(Boolean) });
    child.on('error', (error) => finish(null, error.message));
    child.on('close', finish);
  });
}

let passed = 0;
const failedSteps = [];
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name}`);
  const result = await run(command, args);
  if (result.status === 0) passed++;
  else {
    failedSteps.push({ name, result });
    console.log(`=== FAILED: ${name} (exit ${result.status ?? result.signal})`);
  }
}

/** The failed vitest tests, one line each with the start of the error; [] when none or no report. */
function vitestFailures(file) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  const lines = [];
  for (const suite of report.testResults ?? []) {
    const path = relative(root, suite.name ?? '');
    const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failedTests) {
      const message = String(t.failureMessages?.[0] ?? '').split('\n').slice(0, 6).join('\n      ');
      lines.push(`  ${path} > ${t.fullName ?? t.title}\n      ${message}`);
    }
    // A file that failed before any test ran (import error, crash) has no failed test.
    if (suite.status === 'failed' && failedTests.length === 0) {
      lines.push(`  ${path}: ${String(suite.message ?? 'failed').split('\n').slice(0, 6).join('\n      ')}`);
    }
  }
  return lines;
}

const failures = vitestFailures(vitestReport);
rmSync(reportDir, { recursive: true, force: true });
for (const { name, result } of failedSteps) {
  // (the last lines hold vitest's summary and any error raised outside a test)
  const lines = result.tail.slice(-60);
  console.log(`\n=== FAILED: ${name} (exit ${result.status ?? result.signal}); its last ${lines.length} lines again:\n${lines.join('\n')}`);
}
if (failures.length) console.log(`\n=== vitest failures, again (${failures.length}):\n${failures.join('\n')}`);
console.log(`\ntest steps: ${passed} passed, ${failedSteps.length} failed`);
process.exit(failedSteps.length === 0 ? 0 : 1);
