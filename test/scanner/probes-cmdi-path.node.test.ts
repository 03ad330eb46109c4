// Held-out probes for command injection and path traversal: payloads written from public
// technique lists (PayloadsAllTheThings, SecLists, commix, dotdotpwn-style encodings), not
// from the development corpus, plus ordinary values that only look dangerous. The floors and
// ceilings pin what the grammars reach today (scans are deterministic, so they are tight).
//
// File format (test/scanner/probes/*.txt): one payload per line; '#' starts a comment line,
// empty lines are skipped, a line starting with '"' is a JSON string (escapes, newlines, a
// payload that itself starts with '#' or '"').
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Detector } from '../../src/index.js';
import { detector } from './helpers.js';
import { plainProbes as probes } from './probe-files.js';


let d: Detector;
beforeAll(async () => { d = await detector(); });
afterAll(async () => { await d.close(); });

const blocked = (ps: string[]) => ps.filter((p) => d.scan(p, { context: 'query' }).blocked);
const missed = (ps: string[]) => ps.filter((p) => !d.scan(p, { context: 'query' }).blocked);

describe('held-out cmdi / path probes', () => {
  it('detects command injection probes', () => {
    const ps = probes('cmdi.txt');
    expect(ps.length).toBeGreaterThanOrEqual(1132);
    expect(missed(ps).length, missed(ps).join('\n')).toBeLessThanOrEqual(CMDI_MISSES);
  });
  it('detects path traversal probes', () => {
    const ps = probes('path.txt');
    expect(ps.length).toBeGreaterThanOrEqual(701);
    expect(missed(ps).length, missed(ps).join('\n')).toBeLessThanOrEqual(PATH_MISSES);
  });
  it('leaves ordinary look-alikes alone', () => {
    const ps = probes('benign-cmdi-path.txt');
    expect(ps.length).toBeGreaterThanOrEqual(1007);
    // (see the ceilings at the end)
    const fp = blocked(ps);
    expect(fp.length, fp.join('\n')).toBeLessThanOrEqual(BENIGN_BLOCKED);
    const cp = ps.filter((p) => d.scan(p, { context: 'query' }).threats.some((t) => (t.category === 'cmdi' || t.category === 'path') && t.score >= 5));
    expect(cp.length, cp.join('\n')).toBeLessThanOrEqual(BENIGN_CP_CRITICAL);
  });
  it('gives every probe the same findings when split in two at any byte', () => {
    const ids = (r: { threats: Array<{ ruleId: string }> }) => r.threats.map((t) => t.ruleId).sort().join();
    let mismatches = 0;
    for (const p of [...probes('cmdi.txt'), ...probes('path.txt'), ...probes('benign-cmdi-path.txt')]) {
      const whole = ids(d.scan(p, { context: 'query' }));
      for (let k = 1; k < p.length; k++) {
        const s = d.createStream({ context: 'query' });
        s.push(p.slice(0, k)); s.push(p.slice(k));
        if (ids(s.finish()) !== whole) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });
});

// measured: cmdi 532/540, path 424/427 (round 5: 47/47; session-6 sets 30/30 each), benign 12/322 (12 by cmdi/path rules: 4 path, 8 cmdi)
// session 7 (cmdi round 6, 99 attacks, 93/99 when written; 59 look-alikes, 5/59 when written): measured cmdi 631/639
// (round 6: 98/99), benign 16/381 (16 by cmdi/path rules: 4 path, 12 cmdi; round 6: 4/59); with the sets written after
// the round-6 fixes (23 attacks, 18/23 on the pre-round build; 13 look-alikes, 7/13 before): measured cmdi 654/662,
// benign 16/394; then cmdi 655/662 (sh shell.sh). Path round 6 (64 attacks, 62/64 when written; 29 look-alikes,
// 2/29 when written): path 487/491 (round 6: 63/64), look-alikes 0/29. Both merged: benign 15/423 (3 path, 12 cmdi)
// Then 117 realistic form values (1/117 when written: Apt #4B, 0/117 after): benign 15/540. Session-7 end sets,
// written after all the changes: cmdi 20/20, path 20/20 (cmdi 675/682, path 507/511)
// Session 8, path round 7 (59 attacks: 57/59 when written, C:\PROGRA~1\ and C:\$Recycle.Bin\ name no target; 30
// look-alikes: 2/30 when written, ./configure && make (cmdi.chained-command: it is a command chain) and
// /var/www is the default web root (a system path opening the value is a file parameter, see path-grammar)): path 564/570,
// look-alikes 17/570
// Round 7 (cmdi7, session 8: 100 attacks, 46 look-alikes), measured on the unchanged build when written: round 7 92/100 and
// 6/46 blocked; cmdi 767/782, benign 21/586. After the round-7 fixes: round 7: 92/100 when written, 96/100 now; look-alikes
// 6/46 when written, 2/46 now. With the after-sets written after the first fixes (20 attacks, 11/20 pre-round, 16/20 when
// written, 18/20 now; 12 look-alikes, 9/12 pre-round, 2/12 when written, 1/12 now): measured cmdi 789/802, benign 18/598
// (18 by cmdi/path rules: 3 path, 15 cmdi)
// Both merged: cmdi 789/802, path 564/570, look-alikes 20/628 (5 path, 15 cmdi). Session-8 final check, written before
// the round-7 merges and measured after them: cmdi 20/20, path 20/20 (cmdi 809/822, path 584/590)
// Path round 8 (50 paths named in questions, errors, code and other languages: 18/50 blocked when written, 9/50 after
// names opening the value or following a plain word are held for the words after them; /var/www is the default web root
// passes since): look-alikes 28/678 (27 by cmdi/path rules at critical score)
// Round 8 (cmdi8, session 8: 40 attacks, 188 look-alikes of ordinary input), measured on the unchanged build when written:
// round 8 39/40 and 16/188 blocked (11 by cmdi rules, 5 by sqli/xss rules); cmdi 848/862, benign 36/816 (31 by cmdi/path rules).
// After the round-8 fixes (an apostrophe contraction after a command, net needing an argument, a command needing one ending the
// value after a pipe, R's %>%, a strong word opening the value piped into a plain word, su given a user name): round 8: 39/40
// when written, 39/40 now; look-alikes 16/188 when written, 10/188 now (5 by cmdi rules); cmdi 848/862, benign 30/816 (25 by
// cmdi/path rules: 4 path, 21 cmdi). Then 40 look-alikes written after those fixes (11/40 on the pre-round build, 6/40 when
// written, 5/40 after a weak word after a strong table cell was judged in its own position) and 16 attacks written after all
// the round-8 changes (16/16 on the pre-round build and now). Round 8 now: attacks 39/40 + 16/16; look-alikes 15/228 at
// paranoia 1 (27/228 on the pre-round build), 21/228 at paranoia 2; measured cmdi 864/878, benign 35/856 (30 by cmdi/path rules: 4 path, 26 cmdi)
// Then 58 more look-alikes written after that (city | country code, tag and pet lists, headers in other languages, chat): 22/58
// on the pre-round build, 21/58 when written, 17/58 after echo and cat alone stopped counting (9 left are two-letter codes in
// capitals, | ID | AT | LS ..., which the lowercased word cannot tell from | id). Round 8 look-alikes now 32/286 at paranoia 1
// (49/286 on the pre-round build), 38/286 at paranoia 2 (55/286); measured cmdi 864/878, benign 52/914 (47 by cmdi/path rules:
// 4 path, 43 cmdi)
// Path round 8 and cmdi round 8 merged: cmdi 864/878, path 584/590, look-alikes 60/964 (54 by cmdi/path rules: 10 path, 44 cmdi)
// Round 9 (cmdi9: 62 attacks dressed as the round-7/8 exceptions): round 9: 52/62 when written, 62/62 now (R's %>% after a
// command checked to its end; mail/msmtp piped into with a recipient); 22 look-alikes written during the fixes: 4/22 p1 and
// 5/22 p2 on the pre-round build, 1/22 p1 and 2/22 p2 now; measured cmdi 926/940 (p2 929/940), benign 61/986 (p2 97/986; the
// 964 older look-alikes 60 and 95 as before; 55 by cmdi/path rules at critical score)
// Session-8 late check, written before the round-9 merges and measured after them: cmdi 10/10, path 10/10 (cmdi 936/950,
// path 594/600)
// Round 10 (cmdi10): 20 attacks written after the round-10 sweeps (9/20 on the pre-round build, 20/20 now) and 21
// look-alikes next to the round-10 changes (3/21 on the pre-round build at paranoia 1 and 2, 1/21 now: "Count is ${#items}",
// a parameter length expansion, as before the round): measured cmdi 956/970 (p2 959/970), benign 62/1007 (p2 98/1007; 56
// by cmdi/path rules at critical score). Then file tools alone only print their usage (Cut; Copy; Paste): "Malé | MV"
// passes; benign 61/1007 (p2 97/1007; 55 by cmdi/path rules at critical score)
// Session 9 (lead): /opt/tomcat/conf/tomcat-users.xml is a sensitive file (path 595/600), and a CR ends a line as LF does
// (decode.ts), so %0Dwhoami is a chained command (cmdi 957/970, p2 959/970); look-alikes unchanged
// Session-12 check (131 cmdi, 57 path attacks written at the session's start, not used to tune anything): 130/131 and
// 57/57 when written (left: \nid, a backslash and an n): measured cmdi 1087/1101, path 652/657
// Session-13 check (31 cmdi, 44 path attacks written at the session's start, not used to tune anything): 31/31 and 43/44
// (left: id_rsa alone, a bare file name): measured cmdi 1118/1132, path 695/701
const CMDI_MISSES = 14;
const PATH_MISSES = 6;
const BENIGN_BLOCKED = 61;
const BENIGN_CP_CRITICAL = 55;
