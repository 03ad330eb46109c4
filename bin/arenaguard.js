#!/usr/bin/env node
// arenaguard CLI entry: scan | explain | eval (see `arenaguard --help`). Needs the built dist/.
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`arenaguard: internal error: ${err?.stack ?? err}\n`); process.exitCode = 2; },
);
