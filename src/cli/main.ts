// arenaguard CLI: scan, explain, eval. Exit codes: 0 clean, 1 something flagged, 2 usage error,
// 141 stdout closed by its reader before the output was written (see EXIT_OUTPUT_CLOSED).
import { createDetector, type Detector } from '../detector/detector.js';
import { explain } from '../detector/explain.js';
import { RULES } from '../detector/rules.generated.js';
import { readFileSync } from 'node:fs';
import { parseArgs, paranoiaOf, contextOf, UsageError, InputError } from './args.js';
import { readLines, checkFile } from './lines.js';
import { termSafe } from './term.js';

export { termSafe };

const USAGE = `usage:
  arenaguard scan [--json] [--paranoia 1|2] [--context query|form|body|header|path|json|json-escaped] [--] [FILE|-]
      one payload per line (split on LF, a CR before it and a BOM at the start of the file dropped),
      scanned as raw bytes; offsets are byte offsets in the line; exit 1 when anything was flagged, 0 when clean
  arenaguard explain [--context query|body|header|path|form|json|json-escaped] [--paranoia 1|2] [--json] [--] PAYLOAD
      decoding stages, rules that fired with spans and scores, verdict
  arenaguard eval [--json] [--paranoia 1|2] [--] FILE.jsonl...
      UTF-8 lines {"payload","label"}; per-label detection and false-positive rates
  arenaguard --version
      the package version
  --  ends the options: every argument after it is a PAYLOAD or FILE, also one that starts with -
      (arenaguard explain -- "-1' OR 1=1")
  Control and bidi characters in printed text (C0, DEL, C1, U+061C, U+200E/F, U+202A-E, U+2066-9)
  are written as \\uXXXX escapes, in --json output too (where they parse back to the same strings).
  Exit 2 on a usage error; 141 (as for a process killed by SIGPIPE) when stdout is closed early.
`;

/**
 * Exit code when the reader of stdout goes away before all output is written (EPIPE:
 * `arenaguard scan big.txt | head -1`). The run stops quietly, as cat or grep would when
 * killed by SIGPIPE, and exits with the code a shell shows for that, 128 + 13. Chosen over the
 * code determined so far because that code is 0 ("clean") when nothing was flagged yet (scan
 * --json prints findings below the threshold too) though the rest of the input was never
 * scanned: an unfinished run must not look clean. Node ignores SIGPIPE, so the process
 * cannot really die of it; the exit code stands in.
 */
const EXIT_OUTPUT_CLOSED = 141;
let stdoutClosed = false;
let stderrClosed = false;
let watching = false;

/** Handle write errors on stdout and stderr (without a listener an EPIPE throws with a stack). */
function watchOutput(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    stdoutClosed = true;
    if (err.code !== 'EPIPE') throw err;
    process.exitCode = EXIT_OUTPUT_CLOSED; // when main() has already resolved (explain, eval write last)
  });
  process.stderr.on('error', (err: NodeJS.ErrnoException) => {
    stderrClosed = true;
    if (err.code !== 'EPIPE') throw err;
  });
}

// Every print of the CLI goes through these: whatever text a payload, a file or an argument
// put into it, no terminal control reaches the terminal raw.
const print = (text: string): void => { if (!stdoutClosed) process.stdout.write(termSafe(text)); };
const printErr = (text: string): void => { if (!stderrClosed) process.stderr.write(termSafe(text)); };
/** A string shown quoted, as JSON writes it, with terminal controls escaped (also used to measure it). */
const quote = (s: string): string => termSafe(JSON.stringify(s));

const LABELS = ['sqli', 'xss', 'cmdi', 'path', 'benign'] as const;

async function scanCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['paranoia', 'context'], ['json']);
  if (args.positional.length > 1) throw new UsageError('scan takes at most one FILE');
  const file = args.positional[0] ?? '-';
  const problem = checkFile(file);
  if (problem) throw new InputError(problem);
  const detector = await createDetector({ paranoia: paranoiaOf(args) });
  const context = contextOf(args);
  const json = args.flags.has('json');
  let flagged = 0;
  let lineNo = 0;
  try {
    for await (const line of readLines(file, !json)) {
      if (stdoutClosed) break; // nobody reads the findings any more: stop reading the input
      lineNo++;
      if (line.length === 0) continue;
      const r = detector.scan(line, { context });
      if (!r.blocked && r.threats.length === 0) continue;
      if (r.blocked) flagged++;
      if (json) print(JSON.stringify({ line: lineNo, blocked: r.blocked, score: r.score, threats: r.threats }) + '\n');
      else if (r.blocked) {
        print(`${lineNo}: BLOCKED score=${r.score} ${r.threats.map((t) => `${t.ruleId}@${t.offset}+${t.length}`).join(' ')}\n`);
      }
    }
  } finally {
    await detector.close();
  }
  if (!json && !stdoutClosed) printErr(`${lineNo} lines, ${flagged} flagged\n`);
  return flagged > 0 ? 1 : 0;
}

async function explainCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['paranoia', 'context'], ['json']);
  if (args.positional.length !== 1) throw new UsageError('explain takes exactly one PAYLOAD');
  const detector = await createDetector({ paranoia: paranoiaOf(args) });
  try {
    const e = explain(detector, args.positional[0]!, contextOf(args));
    if (args.flags.has('json')) { print(JSON.stringify(e, null, 2) + '\n'); return e.result.blocked ? 1 : 0; }
    const out: string[] = [];
    out.push(`payload  ${quote(e.payload)}  (context ${e.context}, paranoia ${detector.paranoia})`);
    e.stages.forEach((s, i) => out.push(`stage ${i + 1}  ${s.name}\n         ${quote(s.text)}`));
    // (the SQL tokenizer's own folding explains a SQL finding's span; under any other finding it only distracts)
    if (e.result.threats.some((t) => t.category === 'sqli')) {
      out.push(`(SQL comments and whitespace runs are folded by the SQL tokenizer itself; it reads the value as-is and as if inside '…' and "…")`);
    }
    if (e.result.threats.length === 0) out.push('rules    none fired');
    for (const t of e.result.threats) {
      const span = e.payload.slice(t.offset, t.offset + t.length);
      out.push(`rule     ${t.ruleId} (${t.category}, ${t.severity}, +${t.score})  offset ${t.offset} length ${t.length}  ${quote(span)}`);
      out.push(`         ${' '.repeat(1)}${quote(e.payload)}`);
      // Measured on the text as printed, escapes included, so the carets stay under the span.
      out.push(`          ${' '.repeat(quote(e.payload.slice(0, t.offset)).length - 1)}${'^'.repeat(Math.max(1, quote(span).length - 2))}`);
      // what the rule looks for: the first sentence of the rule data's own words (rules/rules.json has the rest)
      const description = RULES.find((r) => r.id === t.ruleId)?.description.split(/(?<=\.) (?=[A-Z])/)[0];
      if (description !== undefined) for (const line of wrap(description, 100)) out.push(`         ${line}`);
    }
    out.push(`verdict  ${e.result.blocked ? 'BLOCKED' : 'allowed'}  score ${e.result.score} (threshold ${detector.threshold})`);
    if (e.result.blocked) {
      // (a false positive's way out: an exclusion for the rule where such values are expected)
      const rules = [...new Set(e.result.threats.map((t) => t.ruleId))];
      out.push(`         expected there? the middleware takes exclude: [${rules.map((r) => `{ rule: '${r}', location: '…' }`).join(', ')}]`);
      out.push(`         with the location a block reports (body:$.text, query:q); see docs/block-decisions.md`);
    }
    print(out.join('\n') + '\n');
    return e.result.blocked ? 1 : 0;
  } finally {
    await detector.close();
  }
}

/** `text` cut at spaces into lines of at most `width` characters (a longer word stands alone). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) { lines.push(line); line = word; }
    else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

interface Tally { n: number; flagged: number }

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const isRow = (v: unknown): v is { payload?: unknown; label?: unknown } => typeof v === 'object' && v !== null && !Array.isArray(v);

async function evalCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['paranoia'], ['json']);
  if (args.positional.length === 0) throw new UsageError('eval needs at least one FILE.jsonl');
  for (const file of args.positional) { const problem = checkFile(file); if (problem) throw new InputError(problem); }
  const detector: Detector = await createDetector({ paranoia: paranoiaOf(args) });
  const tallies = new Map<string, Tally>(LABELS.map((l) => [l, { n: 0, flagged: 0 }]));
  const perFile: Record<string, Tally> = {};
  let scanned = 0;
  let scanMs = 0;
  try {
    for (const file of args.positional) {
      const benign: Tally = { n: 0, flagged: 0 };
      let lineNo = 0;
      for await (const line of readLines(file, !args.flags.has('json'))) {
        lineNo++;
        let text: string;
        // Fatal: a replacement character would silently change the payload that gets measured.
        try { text = utf8.decode(line); } catch { throw new InputError(`${file}:${lineNo}: not UTF-8`); }
        if (text.trim().length === 0) continue;
        let row: unknown;
        try { row = JSON.parse(text); } catch { throw new InputError(`${file}:${lineNo}: not JSON`); }
        // null, numbers, strings and arrays are JSON too; reading .payload of null threw a TypeError.
        if (!isRow(row) || typeof row.payload !== 'string' || typeof row.label !== 'string' || !tallies.has(row.label)) {
          throw new InputError(`${file}:${lineNo}: expected {"payload": string, "label": ${LABELS.join('|')}}`);
        }
        const t0 = performance.now();
        const r = detector.scan(row.payload, { context: 'query' });
        scanMs += performance.now() - t0;
        scanned++;
        const tally = tallies.get(row.label)!;
        tally.n++;
        if (r.blocked) tally.flagged++;
        if (row.label === 'benign') { benign.n++; if (r.blocked) benign.flagged++; }
      }
      perFile[file] = benign;
    }
  } finally {
    await detector.close();
  }
  const rate = (t: Tally) => (t.n === 0 ? 0 : t.flagged / t.n);
  const payloadsPerSec = scanMs === 0 ? 0 : Math.round(scanned / (scanMs / 1000));
  if (args.flags.has('json')) {
    const labels = Object.fromEntries([...tallies].map(([l, t]) => [l, { n: t.n, flagged: t.flagged, rate: Number(rate(t).toFixed(6)) }]));
    print(JSON.stringify({ labels, payloadsPerSec }) + '\n');
    return 0;
  }
  const out = ['label    n        flagged  rate'];
  for (const [l, t] of tallies) out.push(`${l.padEnd(8)} ${String(t.n).padEnd(8)} ${String(t.flagged).padEnd(8)} ${(rate(t) * 100).toFixed(2)}%${l === 'benign' ? ' (false positives)' : ''}`);
  out.push('benign false positives per file:');
  for (const [f, t] of Object.entries(perFile)) if (t.n > 0) out.push(`  ${f}: ${t.flagged}/${t.n} = ${(rate(t) * 100).toFixed(2)}%`);
  out.push(`${payloadsPerSec} payloads/s (scan time only, one thread, paranoia ${detector.paranoia})`);
  print(out.join('\n') + '\n');
  return 0;
}

/** The version in the package.json next to dist/ (two levels up from dist/cli/ and from src/cli/). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  watchOutput();
  const code = await run(argv);
  return stdoutClosed ? EXIT_OUTPUT_CLOSED : code;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'scan': return await scanCommand(rest);
      case 'explain': return await explainCommand(rest);
      case 'eval': return await evalCommand(rest);
      case undefined: case '-h': case '--help': case 'help':
        print(USAGE); return command === undefined ? 2 : 0;
      case '--version': case '-v': case 'version':
        print(`${packageVersion()}\n`); return 0;
      default: throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (err) {
    // (bad input on a well-formed command line: the message alone; the usage text would bury it)
    if (err instanceof InputError) {
      printErr(`arenaguard: ${err.message}\n`);
      return 2;
    }
    if (err instanceof UsageError || err instanceof RangeError) {
      printErr(`arenaguard: ${err.message}\n${USAGE}`);
      return 2;
    }
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      printErr(`arenaguard: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
}
