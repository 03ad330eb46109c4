// Held-out probes (test/scanner/probes/*.txt): SQL injection and XSS payloads written from public
// attack grammars (PayloadsAllTheThings, OWASP and PortSwigger cheat sheets, sqlmap tampers, DBMS
// cheat sheets), and ordinary text that looks dangerous. None is taken from the development corpus;
// they check that the grammars generalise beyond it. The floors and ceilings pin today's measured
// counts (deterministic, so a small margin is enough) and the failure message lists what changed.
//
// File format: one payload per line; '## ' starts a comment, '## @name' starts a technique group,
// 'json:' followed by a JSON string is a payload that needs escapes (tabs, newlines); blank lines
// are skipped. Every payload is scanned as a query value.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';
import { groupedProbes as loadProbes } from './probe-files.js';

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: 1 }); });
afterAll(async () => { await d.close(); });

function run(name: string, attack: boolean): { total: number; blocked: number; wrong: string[] } {
  const probes = loadProbes(name);
  let blocked = 0;
  const wrong: string[] = [];
  for (const { group, payload } of probes) {
    const b = d.scan(payload, { context: 'query' }).blocked;
    if (b) blocked++;
    if (b !== attack) wrong.push(`@${group}: ${payload}`);
  }
  return { total: probes.length, blocked, wrong };
}

describe('held-out probes', () => {
  it('parses every probe file', () => {
    expect(loadProbes('sqli.txt').length).toBeGreaterThanOrEqual(1226);
    expect(loadProbes('xss.txt').length).toBeGreaterThanOrEqual(1101);
    expect(loadProbes('benign-sqli-xss.txt').length).toBeGreaterThanOrEqual(1269);
  });
  it('detects the SQL injection probes', () => {
    const r = run('sqli.txt', true);
    expect(r.blocked, `missed:\n${r.wrong.join('\n')}`).toBeGreaterThanOrEqual(1203); // measured 1204/1226 (session 16: a keyword split by an inline comment, sqli.split-keyword, 1203 -> 1204; session-13 check: 45/45 when written; session-12 check: 67/73 when written and now; round 10: 3/22 when written on the unchanged build, 22/22 now; round 10b: 3/5 on the unchanged build, 5/5 now; session-8 late check: 10/10 when written; round 9: 33/59 when written, 47/59 now; at paranoia 2 35/59 when written, 58/59 now; round-7 miss "; return true; var x=" blocked since ssjs.ts; session-8 end check: 20/20 when written; round 8: 43/43 when written and now; session-8 final check: 25/25 when written; round 7: 106/114 when written, 114/114 now; round 7b (NoSQL, Cypher): 22/30 when written, 28/30 now; final check: 25/25 when written; session-7 NoSQL set: 27/34 when written, 33/34 now; session-7 end set: 30/30 when written; round 6: 114/117 when written, 117/117 now; round 6b: 46/47 when written, 47/47 now)
  });
  it('detects the XSS probes', () => {
    const r = run('xss.txt', true);
    expect(r.blocked, `missed:\n${r.wrong.join('\n')}`).toBeGreaterThanOrEqual(1092); // measured 1093/1101 (session-13 check: 27/30 when written, HTML injection with no script left, see its group comment; session-12 check: 62/62 when written; session 9: a CR ends a line as LF does, so alert(msg)<CR>done is two statements: 1001 -> 1004; session-8 late check: 10/10 when written; round 9: 57/70 when written (64/70 at p2), 64/70 now (64/70 p2; left: five calls followed by a carriage return, which the decoder folds to a space (a JS line terminator; a decode.ts change), and location=name); round 8: 40/40 when written, 40/40 now; round-8 final check: 22/22 when written; session-8 final check: 25/25 when written; round 7: 115/120 when written, 119/120 now (left: a prototype-pollution gadget URL); final check: 25/25 when written; session-7 end set: 30/30 when written; round 5: 65/65, the no-parentheses group 49/49, the session-6 common set 30/30, round 6: 102/103 when written and now)
  });
  it('blocks few of the benign probes', () => {
    const r = run('benign-sqli-xss.txt', false);
    expect(r.blocked, `blocked:\n${r.wrong.join('\n')}`).toBeLessThanOrEqual(45); // measured 45/1269 (session-13 check: 0/39 when written; session-12 check: 7/124 when written and now, see its group comment; xss round 10: 0/6 written with the change, 5/6 on the unchanged build, 0/6 at paranoia 2; sqli round 10: 0/24 written with the fixes, 6/24 on the unchanged build, 0/24 at paranoia 2; session-8 late check: 0/20 when written; xss round 9: 2/13 when written, 2/13 now (Function(x)(y) as notation, a UNC form action; new Function(args, body) passes since); at paranoia 2 10/13 when written, 8/13 now; xss round 8's eval(expression) in R passes since round 9; sqli round 9: 0/17 when written after the changes, 1/17 at paranoia 2; and the xss round-8 value eval(input()) in my Python homework … passes since round 9 (IN before a plain name is prose); xss round-8 final check: 1/10 when written (print(alert), the callback shape); xss round 8: 32/175 when written (22 by xss rules, 10 by sqli/cmdi rules alone), 15/175 now (4 by xss rules); at paranoia 2 79/175 when written, 61/175 now; session-8 sqli end check: 1/30 when written (=SUM(IF(…)), function-chain); sqli round 8: 15/164 when written, 8/164 now (two Python calls and a Sheets =QUERY with SQL in them, y' + y = 0 where '+' is a space, four cmdi findings); session-8 final check: 0/20 when written; xss round 7: 7/44 when written, 3/44 now (an inline svg icon, an svg data: URI in CSS, createElement('script') in a question); sqli round 7: 2/43 when written, 1/43 now (if x == 1 or y == 2: print('ok'), a cmdi finding); sqli round 7b: 1/18 when written and now (cd $HOME/bin && ls, a cmdi finding); and sleep(2) -- wait for the page to load passes since; the style-attribute span passes since style.ts; session-7 end set: 0/30 when written; xss round-6 rich text and prose: 2/49 when written, 1 now (a cmdi finding); sqli round 6: 1/50 blocked when written, 0 now; its 6b additions 3/20 when written, 1 now: sleep(2) -- wait …; session-6 form values: 1/40; xss round 5: 6/30 blocked when written, 2 now; sqli round 5: 1/22 when written, 0 now)
  });
});
