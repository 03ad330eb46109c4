// The CLI as users run it: bin/arenaguard.js over the built dist/.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../../bin/arenaguard.js', import.meta.url).pathname;
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'arenaguard-cli-'));

describe('arenaguard CLI', () => {
  it('scan: exit 1 when something is flagged, 0 when clean, JSON lines with --json', () => {
    const file = join(dir, 'payloads.txt');
    writeFileSync(file, 'hello\n1 union select 1,2\nplain text\n');
    const flagged = run(['scan', file, '--json']);
    expect(flagged.status).toBe(1);
    const lines = flagged.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ line: 2, blocked: true });
    const clean = run(['scan', '-'], 'hello\nworld\n');
    expect(clean.status).toBe(0);
  });
  it('usage errors exit 2', () => {
    expect(run([]).status).toBe(2);
    expect(run(['frobnicate']).status).toBe(2);
    expect(run(['scan', '--paranoia', '7']).status).toBe(2);
    expect(run(['explain']).status).toBe(2);
    expect(run(['eval']).status).toBe(2);
    expect(run(['scan', join(dir, 'missing.txt')]).status).toBe(2);
  });
  it('explain shows stages, rules with spans, and the verdict', () => {
    const r = run(['explain', '%253Cscript%253E', '--context', 'query']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('"%3Cscript%3E"');
    expect(r.stdout).toContain('xss.script-tag');
    expect(r.stdout).toContain('BLOCKED');
  });
  it('eval --json prints exactly one object with per-label rates', () => {
    const file = join(dir, 'set.jsonl');
    writeFileSync(file, [
      { payload: "1' or '1'='1", label: 'sqli' }, { payload: 'hello', label: 'benign' }, { payload: '<script>x</script>', label: 'xss' },
      { payload: 'a; cat /etc/passwd', label: 'cmdi' }, { payload: '../../etc/shadow', label: 'path' }, { payload: 'fine', label: 'sqli' },
    ].map((o) => JSON.stringify(o)).join('\n') + '\n');
    const r = run(['eval', file, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['labels', 'payloadsPerSec']);
    expect(out.labels.sqli).toEqual({ n: 2, flagged: 1, rate: 0.5 });
    expect(out.labels.benign).toEqual({ n: 1, flagged: 0, rate: 0 });
    expect(out.labels.path.flagged).toBe(1);
    expect(out.payloadsPerSec).toBeGreaterThan(0);
  });
});
