// An independent check set, written in session 17 by a helper from technique knowledge (per-DBMS SQL injection:
// MSSQL, Oracle, PostgreSQL, SQLite, MySQL stacked, time-based, error-based and out-of-band forms; sqlmap tamper
// outputs; XSS per context: attribute, JS string, URL, SVG/MathML, mutation XSS, AngularJS/Vue templates; commix-style
// and Windows cmd/PowerShell command injection, argument injection; dotdotpwn-style traversal encodings, Windows and UNC
// paths, file:// and PHP wrappers, /proc and /dev) without reading the corpus; every row that is also in the corpus or
// in an earlier probe set (case and spacing aside) was removed. session17-benign.jsonl holds what users send that looks
// dangerous: names with apostrophes, product names with quotes, tutorial prose and pasted snippets, paths, URLs, math.
// Measured at paranoia 1 before the session's rule changes: sqli 148/153, xss 189/196, cmdi 199/217, path 169/178,
// benign 26/438 blocked. After them (path: /dev/zero /dev/random ...; cmdi: an option opening the value that runs
// its value or writes the file it names): cmdi 209/217, path 172/178, the rest unchanged.
// Paranoia 2: sqli 149, xss 196, cmdi 211, path 172; benign 78/438.
// Misses left at paranoia 1: MySQL string arithmetic ('+'0, "-": paranoia 2 on purpose), 1 div 0, LIMIT 0,1 INTO @v,
// HANDLER, HTML without script (<h1>, an off-site link or image), print() as the dialog call in '+print()+' `+print()+`
// ${print()}, &&set / & query user / | Get-Process / & Start-Process after '&' or '| ', ${@:-id}, //host/share,
// gopher:// dict://, C:\ProgramData\...\MachineKeys, one \..\ inside a drive path, an option that runs its value after
// another option (--checkpoint=1 --checkpoint-action=exec=id, --config core.pager=id). The benign rows blocked are
// mostly pasted SQL and shell commands (blocked at paranoia 1 on purpose), plus a few plain ones (exec chef, ls -la
// explained, ../README.md, win.ini, ~/.config/nvim/init.lua, <template #header>).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';
import { probeRows as rows, probeVerdicts, type ProbeRow as Row } from './probe-sets.js';

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: 1 }); });
afterAll(async () => { await d.close(); });

const flagged = (list: Row[], attack: boolean) => probeVerdicts(d, list, attack);

describe('session 17 check set', () => {
  const attacks = rows('session17-attacks.jsonl');
  const byLabel = (label: Row['label']) => attacks.filter((r) => r.label === label);

  it.each([['sqli', 153, 148], ['xss', 196, 189], ['cmdi', 217, 209], ['path', 178, 172]] as const)('detects the %s attacks (%i, measured %i)', (label, n, measured) => {
    const r = flagged(byLabel(label), true);
    expect(r.n).toBe(n);
    expect(r.blocked, `missed:\n${r.wrong.join('\n')}`).toBeGreaterThanOrEqual(measured);
  });

  it('blocks no more of the ordinary values and look-alikes than measured (26 of 438)', () => {
    const r = flagged(rows('session17-benign.jsonl'), false);
    expect(r.n).toBe(438);
    expect(r.blocked, `blocked:\n${r.wrong.join('\n')}`).toBeLessThanOrEqual(26);
  });
});
