// Tiny argument parser for the CLI: positional arguments and --flags, with usage errors.
export class UsageError extends Error {}
/** The command line was well formed but its input is not (a FILE missing, a JSONL line that is no row): exit 2, no usage text. */
export class InputError extends UsageError {}

export interface ParsedArgs { positional: string[]; flags: Map<string, string | true> }

/** `valued` flags take the next argument (`--paranoia 2` or `--paranoia=2`). */
export function parseArgs(argv: string[], valued: string[], boolean: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-' || !arg.startsWith('-')) { positional.push(arg); continue; }
    if (arg === '--') { positional.push(...argv.slice(i + 1)); break; } // end of options: the rest is positional
    const eq = arg.indexOf('=');
    const name = (eq < 0 ? arg : arg.slice(0, eq)).replace(/^--?/, '');
    if (valued.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else if (boolean.includes(name) && eq < 0) {
      flags.set(name, true);
    } else {
      // Quoted (a LF in it stays on the line); a payload that starts with - lands here, hence the hint.
      throw new UsageError(`unknown option ${JSON.stringify(arg)} (a PAYLOAD or FILE that starts with - goes after --)`);
    }
  }
  return { positional, flags };
}

export function paranoiaOf(args: ParsedArgs): 1 | 2 {
  const p = args.flags.get('paranoia') ?? '1';
  if (p !== '1' && p !== '2') throw new UsageError(`--paranoia must be 1 or 2 (got ${String(p)})`);
  return Number(p) as 1 | 2;
}

const CONTEXTS = ['query', 'form', 'body', 'header', 'path', 'json', 'json-escaped'];
export function contextOf(args: ParsedArgs): 'query' | 'form' | 'body' | 'header' | 'path' | 'json' | 'json-escaped' {
  const c = args.flags.get('context') ?? 'query';
  if (typeof c !== 'string' || !CONTEXTS.includes(c)) throw new UsageError(`--context must be one of ${CONTEXTS.join('|')}`);
  return c as 'query';
}
