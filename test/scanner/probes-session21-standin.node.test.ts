// A second stand-in for the held-out set detection is graded on, written in session 21 by a helper that read neither the
// corpus, the tests nor the rules: seeded generators rebuilt from each tool's documented behaviour what sqlmap (boundaries x
// techniques, tamper scripts), commix (classic, eval-based, time-based, file-based; separators, ${IFS}), dotdotpwn (patterns x
// encodings x depths x files) and the PortSwigger XSS cheat sheet with XSStrike's mutations send — 2,100 attack rows in their
// wire form for a query string — plus 600 ordinary values of the same flavours (names with apostrophes, addresses, product
// searches, file names, URLs, maths, Markdown, support tickets quoting code). `source` names the tool and technique.
// Measured at paranoia 1 when written (query context, d482354): sqli 541/550, xss 549/550, cmdi 488/500, path 499/500, ordinary
// 13/600. Fixed from its report as classes (its rows are in no rule or test): commix's eval-based PHP, print()/fetch() spliced
// after a JavaScript-string break-out, a raw '#' ending a query value after a command, usleep — so at the end xss 550, cmdi 499
// are no longer held-out figures. Misses left: sqlmap's escapequotes tamper on a "…" boundary (1\" AND SLEEP(5)-- -: in MySQL's
// "…" a backslash escapes, so it breaks out only where the application unescapes first), its heuristic probes (1"(),,"',,'),
// dotdotpwn's literal 0x5c, commix's glued sleep (testsleep(3)). Ordinary values blocked: support tickets quoting SQL, a shell
// pipeline or a <script> tag, 'alert' or 'alarm', SUM(price) / COUNT(*), win.ini.bak-instructions.txt.
import { afterAll, beforeAll, describe } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';
import { standinPins } from './probe-sets.js';

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: 1 }); });
afterAll(async () => { await d.close(); });

describe('session 21 held-out stand-in (attack tools)', () => {
  standinPins(() => d, 'session21-standin.jsonl', [['sqli', 550, 541], ['xss', 550, 550], ['cmdi', 500, 499], ['path', 500, 499]], [600, 13], 2700);
});
