// Node only: keywords.ts's wordIs for every string literal the scanner passes it, built with the asc transform that
// packs the literals into constants (scripts/asc-word-literals.mjs, as scripts/build.mjs builds the module) and
// without it (the byte loop). Both must answer as a byte comparison does, for the literal itself, the literal with
// any one byte changed, a length one short or one long, every other literal, and with stale bytes after the word (the
// lexer's buffer keeps the tail of a longer earlier word). The transform's constants are built per literal, and the
// same-findings run's inputs never name most of these words (getquotaroot, microsoftversion): this is their check.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCANNER = join(ROOT, 'assembly/scanner');
const work = mkdtempSync(join(tmpdir(), 'arenaguard-words-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every literal of a wordIs(w, len, "literal") call in the scanner's sources (the call's last argument). */
function literals(): string[] {
  const found = new Set<string>();
  for (const f of readdirSync(SCANNER).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(SCANNER, f), 'utf8');
    for (const m of text.matchAll(/\bwordIs\((?:[^()"]|\([^()]*\))*?"([^"]*)"\)/g)) found.add(m[1]);
  }
  return [...found].sort();
}

/** A module with one export per literal, t<i>(w, len) = wordIs(w, len, "literal"), built with or without the transform. */
function build(words: string[], transform: boolean): { exports: Record<string, (...a: number[]) => number> & { memory: WebAssembly.Memory }; wat: string } {
  const dir = join(work, transform ? 'packed' : 'plain');
  cpSync(join(ROOT, 'assembly'), join(dir, 'assembly'), { recursive: true });
  const src = [
    'import { wordIs } from "./scanner/keywords";',
    'const BUF: usize = memory.data(64, 16);',
    'export function buf(): usize { return BUF; }',
    ...words.map((w, i) => `export function t${i}(w: usize, len: u32): bool { return wordIs(w, len, ${JSON.stringify(w)}); }`),
  ].join('\n');
  writeFileSync(join(dir, 'assembly/words.ts'), src);
  const out = join(dir, 'words.wasm'), wat = join(dir, 'words.wat');
  const args = [join(ROOT, 'node_modules/assemblyscript/bin/asc.js'), 'assembly/words.ts', '--runtime', 'stub', '--enable', 'simd', '-O3',
    '--outFile', out, '--textFile', wat, ...(transform ? ['--transform', join(ROOT, 'scripts/asc-word-literals.mjs')] : [])];
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`asc failed:\n${r.stderr}`);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(out)), {});
  return { exports: instance.exports as never, wat: readFileSync(wat, 'utf8') };
}

/** (bytes in the buffer, len passed) cases for `word`, each with the answer of a byte comparison. */
function cases(word: string, all: string[]): { bytes: number[]; len: number; want: boolean }[] {
  const b = [...word].map((c) => c.charCodeAt(0));
  const out: { bytes: number[]; len: number; want: boolean }[] = [];
  const stale = [0x78, 0x79, 0x7a, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e]; // after the word
  out.push({ bytes: [...b, ...stale], len: b.length, want: true });
  out.push({ bytes: [...b, 0, 0, 0, 0, 0, 0, 0, 0], len: b.length, want: true });
  for (let i = 0; i < b.length; i++) {
    for (const d of [1, 0x20, 0x80]) {
      const m = [...b];
      m[i] = (m[i] ^ d) & 0xff;
      out.push({ bytes: [...m, ...stale], len: b.length, want: false });
    }
  }
  out.push({ bytes: [...b, ...stale], len: b.length + 1, want: false }); // one byte longer: the word goes on
  out.push({ bytes: [...b, ...stale], len: b.length - 1, want: false }); // one short
  for (const other of all) {
    const o = [...other].map((c) => c.charCodeAt(0));
    out.push({ bytes: [...o, ...stale], len: o.length, want: other === word });
  }
  return out;
}

describe('wordIs on every literal the scanner names', () => {
  const words = literals();

  it('finds the literals', () => {
    // (the scanner names well over a hundred: a regex that found few would leave the rest unchecked)
    expect(words.length).toBeGreaterThan(150);
    expect(words).toContain('microsoftversion');
    expect(words).toContain('get');
  });

  for (const transform of [true, false]) {
    it(`answers as a byte comparison does, ${transform ? 'packed by the transform' : 'without the transform'}`, { timeout: 120_000 }, () => {
      const { exports: ex, wat } = build(words, transform);
      // (the packed build has no byte loop left: every call took the constants)
      if (transform) expect(wat).not.toContain('wordIsSlow');
      else expect(wat).toContain('wordIsSlow');
      const at = ex.buf();
      let checked = 0;
      words.forEach((word, i) => {
        for (const c of cases(word, words)) {
          const mem = new Uint8Array(ex.memory.buffer, at, 64);
          mem.fill(0x41);
          mem.set(c.bytes.slice(0, 64));
          expect({ word, bytes: c.bytes.slice(0, c.len + 1), len: c.len, got: ex[`t${i}`](at, c.len) === 1 }).toEqual({ word, bytes: c.bytes.slice(0, c.len + 1), len: c.len, got: c.want });
          checked++;
        }
      });
      expect(checked).toBeGreaterThan(words.length * words.length);
    });
  }
});
