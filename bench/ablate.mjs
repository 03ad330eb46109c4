// Where a scan's instructions go: builds the engine again with one part of the pipeline cut
// out (a detector's word or punctuation calls, all detector calls, the lexer, the decoding
// stages) and counts the instructions each build executes on the same text with
// bench/ab-instructions.mjs (valgrind). A part's share is the base build's count minus the
// build without it. Binaryen inlines differently once a call is gone, so shares are
// approximate (they need not add up exactly); the verdicts of the cut builds are of course
// wrong. A dev tool for engine work, not a suite: about 2 minutes per build.
//
//   node bench/ablate.mjs [--text TEXT] [--context N] [--rounds N] [--only a,b,...]
//
// The sources are copied to a temporary directory and patched there; the checkout is not touched.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i < 0 ? fallback : process.argv[i + 1]; };

// Each cut: the scanner.ts function to patch and the calls to drop from it (whole statements),
// or a statement to put first in it ('return').
const DETECTOR_CALLS = {
  sqli: ['sqlWord', 'sqlPunct'],
  xss: ['xssWord', 'xssPunct'],
  cmdi: ['cmdWord', 'cmdPunct'],
  path: ['pathWord', 'pathPunct'],
  'nosql+ssjs': ['nosqlWord', 'ssjsWord', 'nosqlPunct', 'nosqlDollar', 'ssjsPunct'],
};
const CUTS = [
  ...Object.entries(DETECTOR_CALLS).flatMap(([name, calls]) => [
    { name: `${name} words`, drop: { emitWord: calls } },
    { name: `${name} punctuation`, drop: { emitPunct: calls } },
  ]),
  { name: 'all detectors', early: ['emitWord', 'emitPunct'] },
  { name: 'all detectors + lexer', early: ['emitWord', 'emitPunct', 'lex'] },
];

/** The body of `function name(` in `src`: [start of the body, index of its closing brace]. */
function bodyOf(src, name) {
  const head = src.indexOf(`function ${name}(`);
  if (head < 0) throw new Error(`scanner.ts has no function ${name}: update bench/ablate.mjs`);
  const open = src.indexOf('{\n', head) + 2;
  const close = src.indexOf('\n}\n', open);
  return [open, close];
}

function patch(src, cut) {
  let out = src;
  for (const [fn, calls] of Object.entries(cut.drop ?? {})) {
    const [open, close] = bodyOf(out, fn);
    const lines = out.slice(open, close).split('\n');
    const kept = lines.filter((line) => !calls.some((c) => new RegExp(`\\b${c}\\(`).test(line)));
    if (kept.length === lines.length) throw new Error(`${cut.name}: no call to ${calls.join('/')} in ${fn}`);
    out = out.slice(0, open) + kept.join('\n') + out.slice(close);
  }
  for (const fn of cut.early ?? []) {
    const [open] = bodyOf(out, fn);
    // (an opaque condition, so the compiler keeps the function's signature and the rest of the module as is)
    out = `${out.slice(0, open)}  if (load<u8>(0) != 0xfe) return;\n${out.slice(open)}`;
  }
  return out;
}

function build(dir, outFile) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/assemblyscript/bin/asc.js'), 'assembly/index.ts', '--target', 'release',
    '--outFile', outFile, '--textFile', join(dir, 'ignored.wat'), '--transform', join(ROOT, 'scripts/asc-word-literals.mjs')], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`asc failed for ${outFile}:\n${r.stderr.slice(-2000)}`);
}

const only = arg('--only', '');
const cuts = only ? CUTS.filter((c) => only.split(',').some((o) => c.name.includes(o))) : CUTS;
const dir = mkdtempSync(join(tmpdir(), 'arenaguard-ablate-'));
try {
  cpSync(join(ROOT, 'assembly'), join(dir, 'assembly'), { recursive: true });
  cpSync(join(ROOT, 'asconfig.json'), join(dir, 'asconfig.json'));
  const scannerFile = join(dir, 'assembly/scanner/scanner.ts');
  const source = readFileSync(scannerFile, 'utf8');
  const builds = [['base', join(dir, 'base.wasm')]];
  build(dir, builds[0][1]);
  for (const [i, cut] of cuts.entries()) {
    writeFileSync(scannerFile, patch(source, cut));
    const file = join(dir, `cut${i}.wasm`);
    build(dir, file);
    builds.push([cut.name, file]);
  }
  writeFileSync(scannerFile, source);
  const passOn = ['--text', '--context', '--rounds'].flatMap((k) => (arg(k, null) === null ? [] : [k, arg(k, null)]));
  if (!passOn.includes('--rounds')) passOn.push('--rounds', '3000');
  const r = spawnSync(process.execPath, [join(ROOT, 'bench/ab-instructions.mjs'), ...builds.map((b) => b[1]), ...passOn], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr || r.stdout);
  const lines = r.stdout.trim().split('\n');
  const counts = lines.slice(1).map((l) => Number(/([\d,]+) instructions per scan/.exec(l)[1].replaceAll(',', '')));
  const base = counts[0];
  console.log(lines[0]);
  console.log(`${'base build'.padEnd(36)} ${base.toLocaleString('en-US').padStart(9)} instructions per scan`);
  for (let i = 1; i < builds.length; i++) {
    const share = base - counts[i];
    console.log(`${('without ' + builds[i][0]).padEnd(36)} ${counts[i].toLocaleString('en-US').padStart(9)}   its share ${share.toLocaleString('en-US').padStart(7)} (${((100 * share) / base).toFixed(1)} %)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
