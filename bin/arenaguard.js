#!/usr/bin/env node
// arenaguard CLI entry: scan | explain | eval (see `arenaguard --help`). Needs the built dist/.
import { main, termSafe } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  // The message may quote the input: escaped like every other print (src/cli/term.ts).
  (err) => { process.stderr.write(termSafe(`arenaguard: internal error: ${err?.stack ?? err}\n`)); process.exitCode = 2; },
);
