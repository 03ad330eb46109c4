// Node only: keywords.ts's wordIs for every string literal the scanner passes it, and cmdi.ts's inList for every list,
// built with the asc transform that packs the literals into constants and unrolls the lists into wordIs calls
// (scripts/asc-word-literals.mjs, as scripts/build.mjs builds the module) and without it (the loops). Both must answer
// as a byte comparison does, for the literal itself, the literal with any one byte changed, a length one short or one
// long, every other literal, and with stale bytes after the word (the lexer's buffer keeps the tail of a longer
// earlier word). The transform's constants are built per literal, and the same-findings run's inputs never name most
// of these words (getquotaroot, microsoftversion): this is their check.
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

/** Every literal of a wordIs(w, len, "literal") call in the scanner's sources (the call's last argument), and every inList list. */
function literals(): { words: string[]; lists: string[] } {
  const words = new Set<string>(), lists = new Set<string>();
  for (const f of readdirSync(SCANNER).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(SCANNER, f), 'utf8');
    for (const m of text.matchAll(/\bwordIs\((?:[^()"]|\([^()]*\))*?"([^"]*)"\)/g)) words.add(m[1]);
    for (const m of text.matchAll(/\binList\((?:[^()"]|\([^()]*\))*?"([^"]*)"\)/g)) lists.add(m[1]);
  }
  return { words: [...words].sort(), lists: [...lists].sort() };
}

/** cmdi.ts's inList, as it stands there (module-private: copied into the test module). */
function inListSource(): string {
  const text = readFileSync(join(SCANNER, 'cmdi.ts'), 'utf8');
  const m = /\nfunction inList\(w: usize, len: u32, list: string\): bool \{\n[\s\S]*?\n\}\n/.exec(text);
  if (!m) throw new Error('inList not found in cmdi.ts');
  return m[0];
}

/** The wordIs runs before and after probe() in the test module's m(). */
const MIXED_BEFORE = ['get', 'set', 'invoke', 'start', 'new'];
const MIXED_AFTER = ['remove', 'stop', 'add', 'out', 'import'];

/** The transform's summary line from the packed build. */
let log = '';

type Exports = Record<string, (...a: number[]) => number> & { memory: WebAssembly.Memory };

/**
 * A module with one export per literal, t<i>(w, len) = wordIs(w, len, "literal"), and one per list, l<i>(w, len) =
 * inList(w, len, "list"), built with or without the transform.
 */
function build(words: string[], lists: string[], transform: boolean): { exports: Exports; wat: string } {
  const dir = join(work, transform ? 'packed' : 'plain');
  cpSync(join(ROOT, 'assembly'), join(dir, 'assembly'), { recursive: true });
  const src = [
    'import { wordIs } from "./scanner/keywords";',
    'const BUF: usize = memory.data(64, 16);',
    'export function buf(): usize { return BUF; }',
    inListSource(),
    ...words.map((w, i) => `export function t${i}(w: usize, len: u32): bool { return wordIs(w, len, ${JSON.stringify(w)}); }`),
    ...lists.map((l, i) => `export function l${i}(w: usize, len: u32): bool { return inList(w, len, ${JSON.stringify(l)}); }`),
    // the same lists as written-out || chains of wordIs (the transform groups such a chain by length, as psVerb's)
    ...lists.map((l, i) => `export function c${i}(w: usize, len: u32): bool { return ${l.split(' ').map((x) => `wordIs(w, len, ${JSON.stringify(x)})`).join(' || ')}; }`),
    // a chain with another operand amid the wordIs runs: probe() must run exactly when no operand before it matched
    'let probes: u32 = 0;',
    'function probe(): bool { probes++; return false; }',
    'export function probed(): u32 { return probes; }',
    `export function m(w: usize, len: u32): bool { return ${MIXED_BEFORE.map((x) => `wordIs(w, len, "${x}")`).join(' || ')} || probe() || ${MIXED_AFTER.map((x) => `wordIs(w, len, "${x}")`).join(' || ')}; }`,
  ].join('\n');
  writeFileSync(join(dir, 'assembly/words.ts'), src);
  const out = join(dir, 'words.wasm'), wat = join(dir, 'words.wat');
  const args = [join(ROOT, 'node_modules/assemblyscript/bin/asc.js'), 'assembly/words.ts', '--runtime', 'stub', '--enable', 'simd', '-O3',
    '--outFile', out, '--textFile', wat, ...(transform ? ['--transform', join(ROOT, 'scripts/asc-word-literals.mjs')] : [])];
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ARENAGUARD_WORD_LITERALS_LOG: '1' } });
  if (r.status !== 0) throw new Error(`asc failed:\n${r.stderr}`);
  if (transform) log = r.stdout + r.stderr;
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

describe('wordIs and inList on every literal the scanner names', () => {
  const { words, lists } = literals();
  const listWords = [...new Set(lists.flatMap((l) => l.split(' ')))];
  const all = [...new Set([...words, ...listWords])].sort();

  it('finds the literals', () => {
    // (the scanner names well over a hundred: a regex that found few would leave the rest unchecked)
    expect(words.length).toBeGreaterThan(150);
    expect(words).toContain('microsoftversion');
    expect(words).toContain('get');
    expect(lists.length).toBeGreaterThan(15);
    expect(listWords).toContain('getenvironmentvariable'); // (over 16 bytes: wordIs's loop after the length)
  });

  for (const transform of [true, false]) {
    it(`answers as a byte comparison does, ${transform ? 'packed by the transform' : 'without the transform'}`, { timeout: 600_000 }, () => {
      const { exports: ex, wat } = build(words, lists, transform);
      // (the packed build has no loop per literal left: only wordIsSlow's, for the one list word over 16 bytes, and the
      // keyword filter's start-up loops; without the transform every inlined wordIs and inList copy has its loop)
      const loops = (wat.match(/\bloop\b/g) ?? []).length;
      if (transform) {
        expect(wat).not.toMatch(/\(func \$assembly\/words\/inList/);
        expect(loops).toBeLessThan(10);
      } else {
        expect(wat).toMatch(/\(func \$assembly\/words\/inList/);
        expect(loops).toBeGreaterThan(words.length);
      }
      const at = ex.buf();
      let checked = 0;
      const check = (name: string, fn: string, c: { bytes: number[]; len: number; want: boolean }) => {
        const mem = new Uint8Array(ex.memory.buffer, at, 64);
        mem.fill(0x41);
        mem.set(c.bytes.slice(0, 64));
        expect({ name, bytes: c.bytes.slice(0, c.len + 1), len: c.len, got: ex[fn](at, c.len) === 1 }).toEqual({ name, bytes: c.bytes.slice(0, c.len + 1), len: c.len, got: c.want });
        checked++;
      };
      // (a case's answer: are its `len` bytes the literal, or one of the list's words)
      const text = (c: { bytes: number[]; len: number }) => String.fromCharCode(...c.bytes.slice(0, c.len));
      words.forEach((word, i) => { for (const c of cases(word, all)) check(word, `t${i}`, { ...c, want: text(c) === word }); });
      lists.forEach((list, i) => {
        const members = list.split(' ');
        for (const word of all) {
          for (const c of cases(word, [])) {
            check(list, `l${i}`, { ...c, want: members.includes(text(c)) });
            check(list, `c${i}`, { ...c, want: members.includes(text(c)) });
          }
        }
      });
      for (const word of all) {
        for (const c of cases(word, [])) {
          const before = ex.probed();
          check('mixed', 'm', { ...c, want: [...MIXED_BEFORE, ...MIXED_AFTER].includes(text(c)) });
          expect({ word: text(c), probed: ex.probed() - before }).toEqual({ word: text(c), probed: MIXED_BEFORE.includes(text(c)) ? 0 : 1 });
        }
      }
      // (the packed build took the transform's three paths: literals packed, lists unrolled, chains grouped)
      if (transform) expect(log).toMatch(/[1-9]\d* wordIs literal\(s\) packed, [1-9]\d* inList call\(s\) unrolled, [1-9]\d* chain\(s\) grouped by length/);
      expect(checked).toBeGreaterThan(all.length * all.length);
    });
  }
});
