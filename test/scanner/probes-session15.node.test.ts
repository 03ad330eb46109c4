// Session 15's independent check set (test/scanner/probes/session15-*.jsonl): 1,787 attacks and
// 1,059 ordinary values written by a reviewer from public payload lists (PayloadsAllTheThings,
// SecLists/fuzzdb, the OWASP and PortSwigger XSS cheat sheets, sqlmap tampers, commix-style
// command injection, dotdotpwn-style traversal) without opening the development corpus; about a
// third of the attacks percent-encoded as they appear in URLs. The same files run through the
// CLI: `npx arenaguard eval test/scanner/probes/session15-*.jsonl`.
//
// When written (paranoia 1): sqli 415/435, xss 485/485, cmdi 470/473, path 387/394; 70 of the
// 1,059 ordinary values blocked. Written to provoke false positives, the ordinary values are
// mostly what users paste into support forms; the 70 are shell commands pasted whole (24:
// `npm run build && npm test`, `ls -la | grep foo`), relative paths that start with one `../`
// (15), bare names of config, log and key files (13: `.env.example`, `php.ini`), SQL pasted
// whole (9), questions quoting an attack string (4: `what is <script> tag`), `alert(price drop)`
// and `sleep(8)` (3), a ` -- ` after a quoted word (1) and a UNC share (1). Each is a place where
// paranoia 1 deliberately errs towards blocking (a file parameter of `../x`, a value that is a
// whole command line); docs/tuning.md shows how to exclude a field that takes such text.
// The misses: quote-only bypasses (`'='or'`, caught at paranoia 2), `1 or 1`, triple encoding
// and IIS's %S%E%L, `UNI/**/ON` (not valid SQL), NoSQL `$where` bodies without an operator,
// `INTO @var`, Windows `type`/`copy` of a UNC path after `&`, `--exec=id`, IIS's invalid-hex
// overlong slashes and best-fit %u forms, and a backslash inside `/e\tc/passwd`. The one fix
// made from this set (a number cast with `::` in a tautology, sqli 415 -> 417) is general.
// Session 16 caught some of these families with general rules (tests of their own, written
// without these lines): sqli 417 -> 427 (IIS's percent run over %D%20, a third percent layer, a
// value of only quotes, comparisons and connectives, keywords split by an inline comment, the
// same number either side of a connective), path 387 -> 390 (IIS's invalid-hex overlong pairs
// %c0%9v %bg%qf). Four more rules were written and taken out again the same session because a
// red team found ordinary text they blocked: PostgreSQL $$literal$$ (LaTeX display math joined by
// "or"), a number before ;return in a $where ("2; return this one please"), a UNC path after a
// separator (helpdesk tickets: "Hello,\ncopy \\fileserver\public\report.xlsx"), options that run
// their value (`--use-compress-program=gzip`, `git rebase --exec=make`). Left: those, `'-'`
// (paranoia 2: a placeholder as often as not), `admin'+'` (in a query '+' is a space; caught in
// a body), `INTO @var`, a double-encoded `1 SELECT 1` (no SQL), the %u private-use forms and
// `/e\tc/passwd` (only a shell reads it as /etc; `cat /e\tc/passwd` is caught). Benign: 70.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';
import { probeRows as rows, probeVerdicts, type ProbeRow as Row } from './probe-sets.js';

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: 1 }); });
afterAll(async () => { await d.close(); });

const flagged = (list: Row[], attack: boolean) => probeVerdicts(d, list, attack);

describe('session 15 check set', () => {
  const attacks = rows('session15-attacks.jsonl');
  const byLabel = (label: Row['label']) => attacks.filter((r) => r.label === label);

  it.each([['sqli', 435, 427], ['xss', 485, 485], ['cmdi', 473, 470], ['path', 394, 390]] as const)('detects the %s attacks (%i, measured %i)', (label, n, measured) => {
    const r = flagged(byLabel(label), true);
    expect(r.n).toBe(n);
    expect(r.blocked, `missed:\n${r.wrong.join('\n')}`).toBeGreaterThanOrEqual(measured);
  });

  it('blocks no more of the ordinary values than measured (68 of 1,059; 70 before true || false was released in session 22)', () => {
    const r = flagged(rows('session15-benign.jsonl'), false);
    expect(r.n).toBe(1059);
    expect(r.blocked, `blocked:\n${r.wrong.join('\n')}`).toBeLessThanOrEqual(68);
  });
});
