// A third stand-in for the held-out set detection is graded on, written in session 22 by a helper that read neither the corpus,
// the tests, the rules nor the earlier stand-ins: seeded generators rebuilt from each source's documented behaviour what web
// scanners send and public lists hold — ProjectDiscovery nuclei DAST templates, OWASP ZAP's active-scan rules, Burp's Intruder
// lists, Nikto/wapiti/w3af/Arachni attack modules, wfuzz's wordlists, the payloadbox lists, Awesome-WAF's bypass examples and
// bug-bounty write-ups — plus ordinary values of modern apps (searches with SQL and shell words, tickets quoting code, Markdown,
// JSON in a string, tokens, file names, URLs, non-English text, maths). Rows also in the corpus or an earlier probe set
// (URL-decoded, case and spacing folded) were dropped: 829 of 2,309. `source` names the style imitated.
// Measured at paranoia 1 when written (query context, a307495): sqli 264/343, xss 211/223, cmdi 255/260, path 148/156, ordinary
// 31/498 (paranoia 2: 264, 217, 257, 149, 51/498). Most SQL misses are scanner probes that are no injection alone (42', shoes'),
// ')', wfuzz's bare tokens (select, --, |) and arithmetic probes (3-1); path misses are remote-file URLs (http://host/shell.txt).
// Since (cf26b): cmdi 257 (an unset $name glued inside a /bin/ path expands to nothing; a command's name cut into letters by
// quotes opening the value).
import { afterAll, beforeAll, describe } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';
import { standinPins } from './probe-sets.js';

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: 1 }); });
afterAll(async () => { await d.close(); });

describe('session 22 held-out stand-in (web scanners and public lists)', () => {
  // (since written: xss 211 -> 215, a complete tag of any name after an attribute break-out, or self-closing after leaving a JS
  // string, xss.breakout-tag; cmdi 255 -> 257, an unset $name inside a /bin/ path, a command name split by quotes)
  // (ordinary: 30 after session 22's first round; 26 after its second: a space inside a scheme name is no scheme (java script:),
  // SELECT needs a list and FROM a table, WAITFOR DELAY a time; 27 since a sensitive name's release was reverted
  // (system.ini-notes.txt))
  standinPins(() => d, 'session22-standin.jsonl', [['sqli', 343, 264], ['xss', 223, 215], ['cmdi', 260, 257], ['path', 156, 148]], [498, 27], 1480);
});
