import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Detector } from '../../src/index.js';
import { detector, ruleIds } from './helpers.js';

let d: Detector;
let d2: Detector;
beforeAll(async () => { d = await detector(); d2 = await detector({ paranoia: 2 }); });
afterAll(async () => { await d.close(); await d2.close(); });

const cases: Array<[string, string, string]> = [
  // [category, input, rule expected]
  ['sqli', "7' or 'b'='b", 'sqli.tautology'],
  ['sqli', '12 and 3>2', 'sqli.tautology'],
  ['sqli', 'x and -8=-3', 'sqli.tautology'],
  ['sqli', '4 and 700-700=0', 'sqli.tautology'],
  ['sqli', '9 and ascii(substr(name,1,1))>64', 'sqli.function-chain'],
  ['sqli', '0 union all select null,null--', 'sqli.union-select'],
  ['sqli', "alice'--", 'sqli.string-breakout'],
  ['sqli', '5; drop table accounts', 'sqli.stacked-query'],
  ['sqli', '1 and sleep(9)', 'sqli.dangerous-function'],
  ['sqli', 'x from information_schema.columns', 'sqli.schema-probe'],
  ['sqli', '2 order by 4', 'sqli.order-by-probe'],
  ['sqli', '(select 5)', 'sqli.select-from'],
  ['xss', '<script>x</script>', 'xss.script-tag'],
  ['xss', '" onmouseover="go()', 'xss.event-handler'],
  ['xss', 'javascript:run()', 'xss.js-uri'],
  ['xss', '<iframe src=//a.test>', 'xss.dangerous-tag'],
  ['xss', 'x=document.cookie', 'xss.js-sink'],
  ['xss', 'a{b:expression(c)}', 'xss.css-expression'],
  ['cmdi', 'host; uname -a', 'cmdi.chained-command'],
  ['cmdi', 'a | whoami', 'cmdi.chained-command'],
  ['cmdi', '$(whoami)', 'cmdi.command-substitution'],
  ['cmdi', 'cat${IFS}x', 'cmdi.command-substitution'],
  ['cmdi', 'x;/bin/sh', 'cmdi.shell-path'],
  ['cmdi', 'uname -a', 'cmdi.command-with-args'],
  ['cmdi', 'for /f %i in (a) do b', 'cmdi.windows-batch'],
  ['cmdi', '<!--#exec cmd="x"-->', 'cmdi.ssi-exec'],
  ['cmdi', 'a\r\nRCPT TO:<b@c.test>', 'cmdi.mail-command'],
  ['path', '../../../etc/shadow', 'path.traversal-sequence'],
  ['path', '/etc/passwd', 'path.sensitive-file'],
  ['path', 'c:/windows/win.ini', 'path.sensitive-file'],
  ['path', '/.git/config', 'path.sensitive-file'],
  ['path', 'file:///etc/hosts', 'path.file-scheme'],
  ['path', '..././..././x', 'path.dot-evasion'],
];

describe('each category at paranoia 1', () => {
  for (const [category, input, rule] of cases) {
    it(`${category}: ${JSON.stringify(input)} -> ${rule}`, () => {
      const r = d.scan(input);
      expect(ruleIds(r)).toContain(rule);
      expect(r.blocked).toBe(true);
      expect(r.threats.find((t) => t.ruleId === rule)!.category).toBe(category);
    });
  }
});

describe('hard negatives stay clean at paranoia 1', () => {
  const benign = [
    'Union von Europa', "rue d'Arlon", 'hello; if you can', 'time for lunch', "O'Reilly and Sons", 'Tom & Jerry',
    "1950's dresses", 'rock and roll', 'select the best option from the list', '1-800-555-0100', 'C:\\Users\\me',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
    '{"name":"John Doe","age":"30"}', 'a=1&id=2', 'me@example.com', 'https://example.com/a/b?c=d#e',
    'Die untere Straße; links Haus Nr. 104', 'cats in boxes and dogs in houses', 'see ./docs/readme.md', '5 < 6 > 4',
  ];
  for (const input of benign) {
    it(JSON.stringify(input), () => {
      const r = d.scan(input);
      expect(r.blocked).toBe(false);
    });
  }
});

describe('paranoia', () => {
  it('paranoia 2 adds rules that paranoia 1 leaves out', () => {
    expect(d.scan('whoami').blocked).toBe(false);
    expect(ruleIds(d2.scan('whoami'))).toContain('cmdi.command-alone');
    expect(d.scan('<b>').blocked).toBe(false);
    expect(d2.scan('<b>').blocked).toBe(true);
  });
  it('sub-threshold rules add up: html tag alone is not blocked', () => {
    const r = d.scan('<a href=x>');
    expect(ruleIds(r)).toContain('xss.html-tag');
    expect(r.blocked).toBe(false);
    expect(r.score).toBeGreaterThan(0);
  });
});
