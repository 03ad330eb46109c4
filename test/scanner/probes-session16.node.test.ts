// An independent check set, written in session 16 by a helper from public technique collections
// as it remembered them (PayloadsAllTheThings, HackTricks, the OWASP testing guide, SecLists,
// sqlmap tampers, PortSwigger's cheat sheet, commix, dotdotpwn), without reading the corpus or
// the earlier probe sets; measured as written, after the day's rule changes, and not used to tune
// anything. session16-attacks.jsonl (728) and -attacks-extra.jsonl (74 more evasive forms),
// session16-benign.jsonl (547 ordinary values), session16-benign-hard.jsonl (183 look-alikes:
// SQL, shell and HTML discussed in prose and pasted snippets). Each row's `note` names the technique.
// Paranoia 1: sqli 228/237, xss 221/223, cmdi 168/172, path 165/170; benign 0/547; hard 54/183.
// Paranoia 2: sqli 231, xss 223, cmdi 169, path 165; benign 5/547 (cat food, echo dot…); hard 81/183.
// Misses at paranoia 1: error probes (`'`, `\'`), MySQL string arithmetic (`'-'`, `'*'`, `' - 0 - '`),
// `LIMIT … INTO @a`, `1 div 1`, HTML without script (`<h1>defaced</h1>`, a link), argument
// injection (`-o /tmp/x`, `x -exec id \;`), `&&set`, `//host/share`, `/dev/zero`, bare `..`,
// `/etc/`, `/root/`. The look-alikes blocked are mostly pasted commands and SQL, which paranoia 1
// blocks on purpose (a value that is a shell pipeline or a WHERE clause is the attack's shape).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';
import { probeRows as rows, probeVerdicts, type ProbeRow as Row } from './probe-sets.js';

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: 1 }); });
afterAll(async () => { await d.close(); });

const flagged = (list: Row[], attack: boolean) => probeVerdicts(d, list, attack);

describe('session 16 check set', () => {
  const attacks = [...rows('session16-attacks.jsonl'), ...rows('session16-attacks-extra.jsonl')];
  const byLabel = (label: Row['label']) => attacks.filter((r) => r.label === label);

  it.each([['sqli', 237, 228], ['xss', 223, 221], ['cmdi', 172, 168], ['path', 170, 165]] as const)('detects the %s attacks (%i, measured %i)', (label, n, measured) => {
    const r = flagged(byLabel(label), true);
    expect(r.n).toBe(n);
    expect(r.blocked, `missed:\n${r.wrong.join('\n')}`).toBeGreaterThanOrEqual(measured);
  });

  it('blocks none of the ordinary values (547)', () => {
    const r = flagged(rows('session16-benign.jsonl'), false);
    expect(r.n).toBe(547);
    expect(r.blocked, `blocked:\n${r.wrong.join('\n')}`).toBe(0);
  });

  it('blocks no more of the look-alikes than measured (53 of 183; 54 before true && false || true was released in session 22)', () => {
    const r = flagged(rows('session16-benign-hard.jsonl'), false);
    expect(r.n).toBe(183);
    expect(r.blocked, `blocked:\n${r.wrong.join('\n')}`).toBeLessThanOrEqual(53);
  });
});
