// Ordinary text that rules written in session 16 blocked, found by a red team that wrote what
// users of forums, helpdesks and developer tools send (not from the corpus). Four of those rules
// were taken out again for it (PostgreSQL $$literals$$, a number before ;return, a UNC path after
// a separator, options that run their value); these values pin that a rule brought back for
// those attacks must let them through. Every context the middleware scans text in.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Detector } from '../../src/index.js';
import { detector, ruleIds } from './helpers.js';

let d: Detector;
beforeAll(async () => { d = await detector(); });
afterAll(async () => { await d.close(); });

const CONTEXTS = ['query', 'form', 'json', 'body'] as const;

const ORDINARY: Record<string, string[]> = {
  'LaTeX display math (MathJax, KaTeX)': [
    '$$x = 0$$ or $$x = 1$$',
    'The roots are $$x = 2$$ or $$x = 3$$.',
    'Hence $$a = 0$$ and $$b = 0$$',
  ],
  'helpdesk tickets naming a Windows share': [
    'Hello,\r\ncopy \\\\fileserver\\public\\report.xlsx to my desktop please',
    'Hi team,\n\ndir \\\\nas01\\projects shows nothing',
    'Issue:\nstart \\\\fs01\\apps\\install.exe fails with error 5',
    'Press Win+R & type \\\\fileserver\\public then Enter',
  ],
  'command-line documentation in a support ticket': [
    'tar: use --use-compress-program=gzip or -z',
    'git rebase --exec=make main',
    'nix-shell --command=zsh',
    'build-command=make',
  ],
  'returns-form prose starting with a quantity': [
    '2; return this one please',
    '5; return 3 damaged units',
    '42; return false positive',
  ],
};

describe('ordinary text stays clean (session 16 red team)', () => {
  for (const [group, values] of Object.entries(ORDINARY)) {
    it.each(values)(`${group}: %s`, (value) => {
      for (const context of CONTEXTS) {
        const r = d.scan(value, { context });
        expect(r.blocked, `${context}: ${ruleIds(r).join(', ')}`).toBe(false);
      }
    });
  }
});
