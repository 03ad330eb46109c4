// An independent check set, written in session 19 by a helper (det22) for command injection and path traversal only, in the
// shapes public payload lists use (SecLists command-injection-commix and LFI lists, PayloadsAllTheThings Command Injection /
// Directory Traversal / File Inclusion, FuzzDB os-cmd-execution and path-traversal, dotdotpwn): commix-style separators
// (; | || & && %0a %0d%0a and their %-encodings) crossed with recon, sleep/ping timing, out-of-band lookups and reverse
// shells, bare or after a plausible value (an IP, a number, a file name, an e-mail, a host); $( ) and backtick substitution;
// quote and wildcard splitting, ${IFS}, base64 decoders piped to a shell; Windows cmd and PowerShell; interpreter one-liners;
// SSI exec. Traversal: ../ ..\ and dotdotpwn encodings (%2e, %252e, %c0%ae, %c1%9c, %u2215, %uff0e, ....//, ..;/) repeated
// 2-9 times before a system file, after a directory or a parameter prefix; null-byte suffixes, file:// php:// data:// zip://
// phar:// expect://, /proc/self, WEB-INF, .env/.git; ten rows of dotdotpwn's rarer separator forms (%uEFC8 %uF025, the
// five- and six-byte overlong %f8%80%80%80%af %fc%80%80%80%80%af, %f0%80%80%af, %c1%pc %c1%8s), added after a sweep of
// dotdotpwn's 29 dot x 30 slash forms found them missed; five cmdi rows giving the command a home path (~/), added after
// probing found "; cat ~/x" missed. Generated from a short script (/tmp/det22/gen.py at the time: separator x
// command x prefix crossed at random, the rest hand-written); every row that is also in the corpus or an earlier probe set
// (case and spacing folded, URL-decoded to a fixed point) was dropped and the set topped up with fresh crossings.
// session19-benign.jsonl: symbol-heavy passwords with ; | & before a letter, product and band names with & and |, chat and
// sentences with ; and &, command names in search queries and prose, file names, Unix and Windows paths in bug reports, URLs,
// version strings, Markdown and code.
// Measured at paranoia 1 (query context), before any change of the session: cmdi 200/205, path 155/160, benign 44/351
// blocked. After decode.ts read the five- and six-byte overlong forms and %uEFC8 / %uF025 as '/' (path 160/160) and a
// command after a separator given ~/ fired (cmdi 202/205), and a short name before a release N.N no longer did (gcc 12.2):
// benign 42/351. Paranoia 2: cmdi 202, path 160, benign 49/351.
// Misses: a weak word after '&' or '&&' with nothing after it (%26last, &last, %26%26w: "w" and "last" are weak words, kept
// so "Copy & Paste"-like text passes). The benign rows blocked: passwords with a one-letter weak word (w, z) after ; | &
// (the shell does run ;w, and ;W too on a case-insensitive file system, macOS's default), a command word after
// a separator in prose ("Go home; id please", "We screen & cat sit", "git pull && npm install fixed it"), a command word
// opening the value with an argument (sudo make ..., chmod 755 ..., /usr/bin/env python3, node >= 18), system paths and config names in
// prose (/usr/local/bin/node, what is /etc/passwd, boot.ini missing), ../ in a bug report, a UNC share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';
import { attackFloors, ordinaryCeiling, probeRows as rows } from './probe-sets.js';

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: 1 }); });
afterAll(async () => { await d.close(); });

describe('session 19 check set', () => {
  const attacks = rows('session19-attacks.jsonl');
  attackFloors(() => d, attacks, [['cmdi', 205, 202], ['path', 160, 160]] as const);

  it('holds no other labels', () => {
    expect(attacks.length).toBe(205 + 160);
  });

  // (43 since session 24: "zz;Top|Secret&9" is blocked again, as before session 21, since letter case excuses no command
  // after a separator (rtd24 repro 10: cmd.exe and PowerShell fold case); "Qw3rty!;w#" in a query since d9577f9, where
  // the application reads "Qw3rty!;w" before the fragment, as blocked as ";W" is, see the header)
  it('blocks no more of the ordinary values and look-alikes than measured (43 of 351)', ordinaryCeiling(() => d, 'session19-benign.jsonl', 351, 43));
});
