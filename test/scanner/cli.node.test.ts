// The CLI as users run it: bin/arenaguard.js over the built dist/.
import { afterAll, describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDetector } from '../../src/index.js';
import { explain } from '../../src/detector/explain.js';
import { splitLines } from '../../src/cli/lines.js';
import { termSafe } from '../../src/cli/term.js';

const bin = new URL('../../bin/arenaguard.js', import.meta.url).pathname;
const run = (args: string[], input?: string | Buffer, cwd?: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd });
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
  it('explain says what each rule looks for and how to let such a value through; the SQL note only under a SQL finding', () => {
    const r = run(['explain', '--context', 'json', 'Please lock up; make sure the lights are off']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('A shell command separator'); // (cmdi.chained-command's description, first sentence)
    expect(r.stdout).toContain("exclude: [{ rule: 'cmdi.chained-command', location: '…' }]");
    expect(r.stdout).not.toContain('SQL tokenizer');
    expect(run(['explain', "1' or '1'='1"]).stdout).toContain('SQL tokenizer');
    const clean = run(['explain', 'garden hose']);
    expect(clean.status).toBe(0);
    expect(clean.stdout).not.toContain('exclude:');
  });
  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const r = run([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });
  it('bad input on a well-formed command line: exit 2 with the message alone, no usage text burying it', () => {
    const missing = run(['scan', join(dir, 'missing.txt')]);
    const file = join(dir, 'not-a-row.jsonl');
    writeFileSync(file, '{"payload":"x","label":"nope"}\n');
    const badRow = run(['eval', file]);
    for (const r of [missing, badRow]) {
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toContain('usage:');
    }
    expect(run(['scan', '--paranoia', '7']).stderr).toContain('usage:'); // a usage error still shows it
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

// What a terminal acts on: C0 (LF aside: the CLI's own line breaks), DEL, C1 (U+009B CSI,
// U+009D OSC), the bidi marks, embeddings, overrides and isolates.
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const CONTROLS = [...'\u0000\u0007\u0008\u0009\u000d\u001b\u007f\u0080\u009b\u009c\u009d\u009f\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069'];
const raw = (out: string) => [...out].filter((c) => TERMINAL_CONTROL.test(c)).map((c) => c.codePointAt(0)!.toString(16));

describe('arenaguard CLI: no terminal control is printed raw', () => {
  // JSON.stringify escapes C0 only; C1, DEL and bidi controls went out raw, and the decoding
  // stages make them from ASCII: %C2%9B is U+009B (CSI), &#155; too, &#x202E; is RLO.
  const ascii = '%C2%9B2J%C2%9D8;;https://evil.example/%C2%9CSAFE%C2%9D8;;%C2%9C&#155;31m&#x202E;&#x2066;&#x200F;&#x61C;&#127;<script>alert(1)</script>';
  const direct = `x${CONTROLS.slice(1).join('')}<script>alert(1)</script>`; // (an argument cannot hold NUL)

  it('termSafe escapes each control as \\uXXXX and nothing else; JSON text stays JSON with the same strings', () => {
    for (const c of CONTROLS) expect(termSafe(`a${c}b`)).toBe(`a\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}b`);
    const kept = 'a\nb ü é € 𝕏 \u00a0\u200b\u2028\ufeff'; // LF, text, and characters a terminal does not act on
    expect(termSafe(kept)).toBe(kept);
    const value = { s: `${CONTROLS.join('')}\\${CONTROLS.join('\\')}"\n`, list: [...CONTROLS] };
    const text = termSafe(JSON.stringify(value, null, 2));
    expect(raw(text.replaceAll('\n', ''))).toEqual([]);
    expect(JSON.parse(text)).toEqual(value);
  });
  it('explain: plain output escapes controls in the payload and in every decoded stage', () => {
    for (const payload of [ascii, direct]) {
      const r = run(['explain', payload]);
      expect(r.status).toBe(1);
      expect(raw(r.stdout + r.stderr)).toEqual([]);
      expect(r.stdout).toContain('BLOCKED');
    }
    const r = run(['explain', ascii]);
    expect(r.stdout).toContain('\\u009b2J'); // the stage that decoded %C2%9B shows it escaped
    expect(r.stdout).toContain('\\u202e');
  });
  it('explain --json: controls escaped, and the JSON parses back to what explain() returns', async () => {
    const d = await createDetector();
    try {
      for (const payload of [ascii, direct]) {
        const r = run(['explain', payload, '--json']);
        expect(r.status).toBe(1);
        expect(raw(r.stdout + r.stderr)).toEqual([]);
        expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(explain(d, payload, 'query'))));
      }
    } finally {
      await d.close();
    }
  });
  it('explain: the carets stay under the span when escapes come before it', () => {
    const r = run(['explain', '\u009b\u202e<script>x']);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('rule     xss.script-tag'));
    expect(lines[at + 1]!.indexOf('<script')).toBe(lines[at + 2]!.indexOf('^'));
    expect(lines[at + 2]!.trim()).toBe('^'.repeat(7));
  });
  it('error messages, file names and eval output echo arguments and names escaped', () => {
    const evil = `e\u009b2J\u001b[31m\u202e\u0007`;
    const cases = [
      run([`scan${evil}`]), run(['scan', `-${evil}`]), run(['explain', '--paranoia', evil, 'x']), run(['eval', `--${evil}`]),
      run(['scan', join(dir, `missing${evil}.txt`)]), run(['eval', join(dir, `missing${evil}.jsonl`)]),
    ];
    for (const r of cases) {
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^arenaguard: /);
      expect(raw(r.stdout + r.stderr)).toEqual([]);
      expect(r.stderr).toContain('\\u009b');
    }
    const file = join(dir, `set${evil}.jsonl`);
    writeFileSync(file, '{"payload":"x","label":"benign"}\n');
    const bad = join(dir, `bad${evil}.jsonl`);
    writeFileSync(bad, 'nope\n');
    for (const r of [run(['eval', file]), run(['eval', bad]), run(['scan', file])]) {
      expect(raw(r.stdout + r.stderr)).toEqual([]);
      expect(r.stdout + r.stderr).toMatch(/set|bad|1 lines/);
    }
    expect(run(['eval', file]).stdout).toContain(`set${termSafe(evil)}.jsonl: 0/1`);
  });
});

describe('arenaguard CLI: -- ends the options', () => {
  it('a PAYLOAD or FILE that starts with - goes after --, and the usage says so', () => {
    const r = run(['explain', '--', "-1' OR 1=1"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`payload  "-1' OR 1=1"`);
    expect(r.stdout).toContain('sqli.tautology');
    const j = run(['explain', '--json', '--', '--json']); // after --, even an option name is the payload
    expect(JSON.parse(j.stdout).payload).toBe('--json');
    writeFileSync(join(dir, '-dash.txt'), "1' OR '1'='1\n");
    const s = run(['scan', '--json', '--', '-dash.txt'], undefined, dir);
    expect(s.status).toBe(1);
    expect(JSON.parse(s.stdout).line).toBe(1);
    const help = run(['--help']).stdout;
    expect(help).toContain('[--] PAYLOAD');
    expect(help).toContain('[--] [FILE|-]');
    expect(help).toContain('[--] FILE.jsonl...');
    expect(help).toMatch(/--\s+ends the options/);
  });
  it('without --, a payload that starts with - is a usage error that points at -- and echoes it escaped', () => {
    const r = run(['explain', "-1' OR 1=1 \u001b[2J\u009b31m"]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`arenaguard: unknown option "-1' OR 1=1 \\u001b[2J\\u009b31m" (a PAYLOAD or FILE that starts with - goes after --)`);
  });
});

describe('arenaguard CLI: stdout closed by its reader (EPIPE)', () => {
  // Spawned with stdout a pipe that the test closes: after the first chunk (scan) or before
  // anything is written (explain). The CLI stops quietly with 141, the code a shell shows for
  // a process killed by SIGPIPE; it died of an unhandled 'error' event with a stack, exit 1.
  const closeEarly = (args: string[], when: 'first-data' | 'at-once') => new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    if (when === 'at-once') child.stdout.destroy();
    else child.stdout.once('data', () => child.stdout.destroy());
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
  const big = join(dir, 'many.txt');
  it.each([{ flags: ['--json'] }, { flags: [] }])('scan $flags | head -1: exit 141, nothing on stderr', async ({ flags }) => {
    writeFileSync(big, Array.from({ length: 20000 }, (_, i) => `<script>alert(${i})</script>`).join('\n'));
    const r = await closeEarly(['scan', big, ...flags], 'first-data');
    expect(r.stderr).toBe('');
    expect(r).toEqual({ code: 141, signal: null, stderr: '' });
  });
  it('explain with stdout already closed: exit 141, nothing on stderr', async () => {
    const r = await closeEarly(['explain', '<script>alert(1)</script>'], 'at-once');
    expect(r).toEqual({ code: 141, signal: null, stderr: '' });
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
