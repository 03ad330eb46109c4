// A stand-in for the held-out set detection is graded on, written in session 19 by a helper that changed no rule: 1,500
// rows in the styles of public lists other than the corpus's sources — SecLists (generic SQLi, polyglots, XSS, LFI,
// commix), PayloadsAllTheThings, FuzzDB, the PortSwigger XSS and OWASP filter-evasion cheat sheets, sqlmap payloads and
// tampers, dotdotpwn, HackTricks — about half written out as list entries and half generated the way the tools build
// their lists (tag x event, depth x encoding x file, separator x command); 600 ordinary query and form values (303
// generated names, addresses, e-mails, dates, prices; the rest hand-written comments, tickets, code, search terms).
// Every row also in the corpus or in an earlier probe set (URL-decoded, case and spacing folded) was dropped: 675 rows,
// which says how much of such lists the corpus already holds. `source` names the style imitated.
// Measured at paranoia 1 when written (f0a1e52): sqli 224/250, xss 249/250, cmdi 189/200, path 199/200, ordinary 3/600.
// Then two of its cmdi classes were fixed from its report (the rows themselves are in no rule or test): a literal
// \n before a command (FuzzDB writes the newline so) and `ip addr` after a separator, with the double-quote break-out
// (" or ""-"), so those figures are no longer held-out: at the end sqli 226, xss 249, cmdi 200, path 199, ordinary 3/600
// (paranoia 2: 228, 250, 200, 199, 12/600).
// Misses left: sqli fuzz-list entries that are no injection alone (`,` `+` `-2` `1*56` `@variable` `AND 1`
// 'sqlattempt1), quote-only probes ("&", " ", '="or'), 1::int, 1or1=1; an <A HREF> to an obfuscated IP (no script);
// ..%01/. Ordinary values blocked: a shell command quoted in a ticket with /var/www, a SQL statement quoted in a ticket,
// x = y || z; in a code question.
import { afterAll, beforeAll, describe } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';
import { standinPins } from './probe-sets.js';

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: 1 }); });
afterAll(async () => { await d.close(); });

describe('session 19 held-out stand-in', () => {
  standinPins(() => d, 'session19-standin.jsonl', [['sqli', 250, 226], ['xss', 250, 249], ['cmdi', 200, 200], ['path', 200, 199]], [600, 3], 1500);
});
