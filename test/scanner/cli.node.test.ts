// The CLI as users run it: bin/arenaguard.js over the built dist/.
import { afterAll, describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDetector } from '../../src/index.js';
import { splitLines } from '../../src/cli/lines.js';

const bin = new URL('../../bin/arenaguard.js', import.meta.url).pathname;
const run = (args: string[], input?: string | Buffer) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'arenaguard-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

  // `scan` hands each line's bytes to the detector: decoding them as UTF-8 text first turned
  // overlong sequences (C0 AE = '.', C0 AF = '/') into U+FFFD and the traversal passed.
  it('scan: raw bytes are scanned as they are, with the findings of detector.scan(bytes)', async () => {
    const overlong = Buffer.from('c0aec0aec0afc0aec0aec0afc0aec0aec0af657463c0af706173737764', 'hex');
    const file = join(dir, 'overlong.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('hello\n'), overlong, Buffer.from('\n')]));
    const d = await createDetector();
    const direct = d.scan(overlong);
    await d.close();
    expect(direct.threats.map((t) => t.ruleId)).toEqual(expect.arrayContaining(['path.overlong-utf8', 'path.traversal-sequence', 'path.sensitive-file']));
    const r = run(['scan', file, '--json']);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([{ line: 2, blocked: true, score: direct.score, threats: direct.threats }]);
    // The same through stdin, and in the text output.
    const piped = run(['scan', '-'], Buffer.concat([overlong, Buffer.from('\n')]));
    expect(piped.status).toBe(1);
    expect(piped.stdout).toContain('1: BLOCKED');
    expect(piped.stdout).toContain('path.overlong-utf8@');
  });
  it('scan: offsets are byte offsets in the line', async () => {
    const line = "\u00fc\u00fc1' OR '1'='1"; // two 2-byte characters before the payload
    const file = join(dir, 'multibyte.txt');
    writeFileSync(file, line + '\n');
    const d = await createDetector();
    const direct = d.scan(Buffer.from(line));
    await d.close();
    const out = JSON.parse(run(['scan', file, '--json']).stdout);
    expect(out.threats).toEqual(direct.threats);
    expect(out.threats.find((t: { ruleId: string }) => t.ruleId === 'sqli.tautology').offset).toBe(4 + 3);
  });
  it('scan: a BOM at the start of the file and a CR before LF are not part of the line', () => {
    const payload = "1' OR '1'='1";
    const plain = join(dir, 'plain.txt'), bom = join(dir, 'bom.txt'), crlf = join(dir, 'crlf.txt');
    writeFileSync(plain, `${payload}\nx\n${payload}\n`);
    writeFileSync(bom, `\uFEFF${payload}\r\nx\r\n${payload}\r\n`);
    writeFileSync(crlf, `${payload}\r\nx\r\n${payload}`); // last line without LF
    const expected = run(['scan', plain, '--json']);
    expect(expected.status).toBe(1);
    const lines = expected.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.line)).toEqual([1, 3]);
    const tautology = lines[0].threats.find((t: { ruleId: string }) => t.ruleId === 'sqli.tautology');
    expect(tautology).toMatchObject({ offset: 3, length: 9 });
    expect(run(['scan', bom, '--json']).stdout).toBe(expected.stdout);
    expect(run(['scan', crlf, '--json']).stdout).toBe(expected.stdout);
    expect(run(['scan', '-', '--json'], Buffer.from(`\uFEFF${payload}\r\nx\r\n${payload}\r\n`)).stdout).toBe(expected.stdout);
  });
  it('scan: a lone CR stays in the line (it is not a line break)', () => {
    const file = join(dir, 'cr.txt');
    writeFileSync(file, "hello\r1' OR '1'='1\n");
    const out = run(['scan', file, '--json']);
    expect(out.status).toBe(1);
    const line = JSON.parse(out.stdout);
    expect(line.line).toBe(1);
    expect(line.threats.find((t: { ruleId: string }) => t.ruleId === 'sqli.tautology').offset).toBe(6 + 3);
  });
  it('scan: lines across read-chunk boundaries in a large file keep their numbers and offsets', () => {
    const file = join(dir, 'large.txt');
    const filler = 'a'.repeat(99) + '\r\n';
    const payload = "1' OR '1'='1";
    // 700 filler lines (70 KiB) put line 701 across the first 64 KiB chunk boundary.
    writeFileSync(file, filler.repeat(700) + payload + '\r\n' + filler.repeat(700) + payload);
    const r = run(['scan', file, '--json']);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.line)).toEqual([701, 1402]);
    for (const l of lines) expect(l.threats.find((t: { ruleId: string }) => t.ruleId === 'sqli.tautology')).toMatchObject({ offset: 3, length: 9 });
  });
  it('eval: a BOM at the start of a JSONL file is skipped', () => {
    const file = join(dir, 'bom.jsonl');
    writeFileSync(file, '\uFEFF{"payload":"x","label":"benign"}\r\n{"payload":"1\' or \'1\'=\'1","label":"sqli"}\n');
    const r = run(['eval', file, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.labels.benign).toEqual({ n: 1, flagged: 0, rate: 0 });
    expect(out.labels.sqli).toEqual({ n: 1, flagged: 1, rate: 1 });
  });
  it('eval: a line that is not a {payload, label} object is a usage error naming file and line', () => {
    const bad = ['null', '5', '[]', '"x"', 'true', '{}', '{"payload":5,"label":"sqli"}', '{"payload":"x"}',
      '{"payload":"x","label":"nope"}', '{"label":"sqli"}', '[{"payload":"x","label":"sqli"}]', '{"payload":"x","label":"sqli"', '\uFEFF{"payload":"x","label":"sqli"}'];
    bad.forEach((line, i) => {
      const file = join(dir, `bad-${i}.jsonl`);
      writeFileSync(file, `{"payload":"ok","label":"benign"}\n${line}\n`);
      const r = run(['eval', file]);
      expect(r.status, line).toBe(2);
      const first = r.stderr.split('\n')[0];
      expect(first, line).toMatch(new RegExp(`^arenaguard: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: (not JSON|expected \\{"payload": string, "label": sqli\\|xss\\|cmdi\\|path\\|benign\\})$`));
      expect(r.stderr, line).not.toContain('internal error');
      expect(r.stderr, line).not.toMatch(/\n\s+at /);
    });
  });
  it('eval: a line that is not valid UTF-8 is a usage error, not a payload with U+FFFD in it', () => {
    const file = join(dir, 'latin1.jsonl');
    writeFileSync(file, Buffer.concat([Buffer.from('{"payload":"'), Buffer.from('c0ae', 'hex'), Buffer.from('","label":"path"}\n')]));
    const r = run(['eval', file]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`arenaguard: ${file}:1: not UTF-8`);
  });
});

describe('splitLines (the byte reader behind scan and eval)', () => {
  async function lines(chunks: Uint8Array[]): Promise<string[]> {
    const out: string[] = [];
    // Copy each line: the reader may hand out views of chunks it reuses.
    for await (const l of splitLines((async function* () { yield* chunks; })())) out.push(Buffer.from(l).toString('hex'));
    return out;
  }
  const hex = (s: string) => Buffer.from(s, 'latin1').toString('hex');
  // BOM, CRLF, a lone CR, an empty line, a BOM that does not start the stream, raw C0 AF, no final LF.
  const input = Buffer.concat([Buffer.from('efbbbf', 'hex'), Buffer.from('a\r\n\nb\rc\n', 'latin1'), Buffer.from('efbbbf', 'hex'),
    Buffer.from('d\r\r\n', 'latin1'), Buffer.from('c0af', 'hex'), Buffer.from('e\r', 'latin1')]);
  const expected = [hex('a'), '', hex('b\rc'), 'efbbbf' + hex('d\r'), 'c0af' + hex('e\r')];

  it('gives the same lines however the stream is cut into chunks (every cut into two and three pieces)', async () => {
    expect(await lines([input])).toEqual(expected);
    for (let i = 0; i <= input.length; i++) {
      expect(await lines([input.subarray(0, i), input.subarray(i)])).toEqual(expected);
      for (let j = i; j <= input.length; j++) {
        expect(await lines([input.subarray(0, i), input.subarray(i, j), input.subarray(j)])).toEqual(expected);
      }
    }
    expect(await lines([...input].map((b) => Uint8Array.of(b)))).toEqual(expected);
  });
  it('a final LF ends the last line, nothing after it is a line; a stream of only a BOM is one empty line', async () => {
    expect(await lines([Buffer.from('x\n')])).toEqual([hex('x')]);
    expect(await lines([Buffer.from('x\n\n')])).toEqual([hex('x'), '']);
    expect(await lines([])).toEqual([]);
    expect(await lines([Buffer.from('efbbbf', 'hex')])).toEqual(['']);
    expect(await lines([Buffer.from('efbb', 'hex')])).toEqual(['efbb']); // not a whole BOM: kept
  });
});
