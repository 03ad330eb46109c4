// scanOnce settles a path of '/'-separated ordinary words without the detectors (scanner.ts quietPath): only sound
// when the full scan finds nothing in every path it accepts. Random paths of words (the detectors' own keywords and
// names, path and API words, random short words, numbers) joined by '-', '.', '_' and by what quietPath must refuse
// (runs, '%', ';', ':', '~', '\\', spaces, '//', '/./', '/../', edges), in the path context at paranoia 1 and 2: each
// is scanned by scanOnce and by scanBegin + scanPush (the same scan without the shortcut), which must agree finding for
// finding, and every path quietPath accepts must be clean. (QUIET_PATH_ROUNDS=300000 for a longer run.)
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArena, createStandardPools, type Arena } from '../../src/index.js';
import { wasmOf } from '../../src/internal.js';

let arena: Arena;
beforeAll(async () => {
  arena = await createArena({ pools: createStandardPools() });
});
afterAll(async () => {
  await arena.close();
});

const enc = new TextEncoder();
const PATH = 4;
const dictionary = JSON.parse(readFileSync(new URL('../../rules/keywords.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const KEYWORDS = Object.entries(dictionary).filter(([k, v]) => !k.startsWith('_') && Array.isArray(v)).flatMap(([, v]) => v as string[]);
// (names the detectors compare outside the keyword table: path stems, server and secret files, runtime calls, SQL marks)
const NAMES = [
  'config', 'secrets', 'settings', 'database', 'parameters', 'credentials', 'my', 'smb', 'krb5', 'sshd', 'httpd', 'nginx',
  'named', 'slapd', 'apache', 'vsftpd', 'apache2', 'proftpd', 'lighttpd', 'web', 'boot', 'win', 'ini', 'cnf', 'conf',
  'getruntime', 'processbuilder', 'runtime', 'function', 'db', 'new', 'date', 'this', 'return', 'x', 'b', 'n', 'e',
  'end', 'case', 'values', 'table', 'show', 'desc', 'describe', 'handler', 'match', 'sp', 'xp', 'a1', 'abc', 'dead', 'beef',
  'etc', 'passwd', 'shadow', 'hosts', 'proc', 'self', 'environ', 'htaccess', 'htpasswd', 'env', 'git', 'ssh', 'id', 'rsa',
  'php', 'jsp', 'asp', 'aspx', 'exe', 'bat', 'cmd', 'sh', 'bash', 'py', 'pl', 'rb', 'js', 'html', 'xml', 'yml', 'json',
  'sql', 'bak', 'old', 'swp', 'log', 'key', 'pem', 'wp', 'admin', 'root', 'usr', 'bin', 'sbin', 'local', 'var', 'www',
  'tmp', 'dev', 'null', 'windows', 'system32', 'drivers', 'inetpub', 'wwwroot', 'winnt', 'appdata', 'cgi', 'phpinfo',
  'favicon', 'ico', 'robots', 'txt', 'sitemap', 'index', 'main', 'app', 'static', 'assets', 'css', 'img', 'api', 'v1',
  'v2', 'users', 'orders', 'items', 'products', 'profile', 'login', 'logout', 'search', 'cart', 'health', 'docs', 'blue',
  'jacket', 'arenaguard', 'getting', 'started', 'me', 'file', 'download', 'upload', 'uploads', 'images', 'photo', 'png',
  'jpg', 'svg', 'woff2', 'map', 'min', 'bundle', 'chunk', 'vendor', 'node', 'modules', 'src', 'lib', 'dist', 'build',
];
// (and every name a detector compares by hand: wordIs literals, and the names commented beside its compares of bytes
// as numbers, as path.ts's secretStem's `// config`)
const SOURCES = ['sqli', 'xss', 'cmdi', 'path', 'ssjs', 'nosql', 'style', 'decode'].map((f) => readFileSync(new URL(`../../assembly/scanner/${f}.ts`, import.meta.url), 'utf8'));
const COMPARED = [...new Set(SOURCES.flatMap((src) => [
  ...[...src.matchAll(/wordIs\([^)]*?"([a-z0-9_]+)"/g)].map((m) => m[1]!),
  ...src.split('\n').filter((l) => /== 0x[0-9a-f]{4,}/.test(l) && l.includes('//')).flatMap((l) => l.slice(l.lastIndexOf('//') + 2).match(/[a-z0-9_]{2,}/g) ?? []),
]))];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
// (within a segment: mostly what quietPath takes, then what it must refuse)
const JOIN = ['-', '-', '.', '.', '_', '_', '--', '..', '-.', '._', '%', '%2e', '%2f', ';', ':', '~', '=', ' ', '+', '\\', ',', '', '@', '!', '$', '*'];
const SEP = ['/', '/', '/', '/', '/', '//', '/./', '/../', '\\', '%2f', ';', '/.', '/-'];
const LEAD = ['/', '/', '/', '/', '', '//', './', '../', '~/', '%2f', '.', '-', '/..', ';'];
const TAIL = ['', '', '', '', '/', '/', '//', '.', '-', '_', ';x', '%00', '%', '/..', '?', '#', ' '];
const ROUNDS = Number(process.env.QUIET_PATH_ROUNDS ?? 10000);

describe('quietPath', () => {
  it('accepts only paths the full scan finds nothing in, and scanOnce agrees with it on every path', () => {
    const ex = wasmOf(arena).exports;
    const st = arena.poolFor(ex.scanStateBytes() as number).acquire(), scr = arena.poolFor(ex.scanScratchBytes() as number).acquire();
    const inp = arena.poolFor(1024).acquire();
    let s = 0x2545f491;
    const next = (n: number) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s % n; };
    const at = inp.bytes.byteOffset;
    const quietPath = (v: string) => {
      const bytes = enc.encode(v);
      new Uint8Array(wasmOf(arena).memory.buffer, at, bytes.length).set(bytes);
      return ex.quietPath(at, bytes.length) as number;
    };
    const anyWord = () => {
      const k = next(12);
      let w = k < 2 ? KEYWORDS[next(KEYWORDS.length)]! : k < 4 ? NAMES[next(NAMES.length)]! : k < 6 ? COMPARED[next(COMPARED.length)]!
        : k < 10 ? Array.from({ length: 2 + next(k === 9 ? 14 : 7) }, () => LETTERS[next(26)]).join('') : String(next(k === 10 ? 100 : 1000000));
      if (next(5) === 0) w = w.toUpperCase(); else if (next(5) === 0) w = w[0]!.toUpperCase() + w.slice(1);
      return w;
    };
    // (half the words from those quietPath takes alone, so that paths of several of them, and their joins, are common)
    const pool: string[] = [];
    while (pool.length < 2000) { const w = anyWord(); if (quietPath(`/${w}`)) pool.push(w); }
    // (and two rounds in five of those words only, with one odd byte or none: the paths just inside and outside the edge)
    let tame = false;
    const word = () => (tame || next(2) === 0 ? pool[next(pool.length)]! : anyWord());
    const odd = () => next(tame ? 12 : 3) === 0;
    const segment = () => {
      let seg = word();
      // (a join quietPath takes most of the time, so that accepted paths have joins)
      for (let k = next(3); k > 0; k--) seg += (odd() ? JOIN[next(JOIN.length)]! : JOIN[next(6)]!) + word();
      return seg;
    };
    const st0 = st.bytes.byteOffset, scr0 = scr.bytes.byteOffset;
    const findings = () => {
      const n = new DataView(wasmOf(arena).memory.buffer).getUint32(st0 + 20, true);
      const f = st0 + (ex.scanFindingsOffset() as number);
      return `${n} ${ex.scanScore(st0)} ${Array.from(new Uint8Array(wasmOf(arena).memory.buffer, f, (ex.scanFindingBytes() as number) * n)).join(',')}`;
    };
    let quiet = 0, joined = 0, deep = 0, flagged = 0;
    const seen: string[] = [];
    try {
      for (let r = 0; r < ROUNDS; r++) {
        tame = next(5) < 2;
        let v = odd() ? LEAD[next(LEAD.length)]! : '/';
        const segments = 1 + next(5);
        for (let k = 0; k < segments; k++) v += (k > 0 ? (odd() ? SEP[next(SEP.length)]! : '/') : '') + segment();
        v += odd() ? TAIL[next(TAIL.length)]! : '';
        const bytes = enc.encode(v);
        new Uint8Array(wasmOf(arena).memory.buffer, at, bytes.length).set(bytes);
        const accepted = ex.quietPath(at, bytes.length) as number;
        if (accepted) {
          quiet++;
          if (/[-._]/.test(v)) joined++;
          if (v.split('/').length > 3) deep++;
          if (seen.length < 40) seen.push(v);
        }
        for (const paranoia of [1, 2]) {
          // (the scan without the shortcut: scanOnce's own fallback for any value it does not take whole)
          ex.scanBegin(st0, PATH, paranoia, 0xffffffff);
          ex.scanPush(st0, scr0, at, bytes.length, 1);
          const full = findings();
          if (!full.startsWith('0 ')) flagged++;
          if (accepted) expect(full, `${JSON.stringify(v)} paranoia ${paranoia}`).toMatch(/^0 0 $/);
          new Uint8Array(wasmOf(arena).memory.buffer, st0, ex.scanStateBytes() as number).fill(0xa5); // (nothing left over is read)
          ex.scanOnce(st0, scr0, at, bytes.length, PATH, paranoia, 0xffffffff);
          expect(findings(), `${JSON.stringify(v)} paranoia ${paranoia}`).toBe(full);
        }
      }
    } finally {
      st.release(); scr.release(); inp.release();
    }
    if (process.env.QUIET_SHOW) console.log(COMPARED.length, quiet, joined, deep, flagged, seen.join(' | '));
    // (accepted paths with joins and with several segments were exercised, and so were paths with findings)
    expect(quiet).toBeGreaterThan(ROUNDS / 10);
    expect(joined).toBeGreaterThan(ROUNDS / 50);
    expect(deep).toBeGreaterThan(ROUNDS / 50);
    expect(flagged).toBeGreaterThan(ROUNDS / 20);
  }, 1_200_000);

  it('finds nothing in any path of two compared names it accepts', () => {
    // (every pair of the names a detector compares by hand or a test list names, joined by '/', '-' or '.', alone and
    // before a segment: web-inf/x, win.ini, error_log at a segment start; the random draw above meets few pairs)
    const ex = wasmOf(arena).exports;
    const st = arena.poolFor(ex.scanStateBytes() as number).acquire(), scr = arena.poolFor(ex.scanScratchBytes() as number).acquire();
    const inp = arena.poolFor(1024).acquire();
    const names = [...new Set([...COMPARED, ...NAMES])];
    let accepted = 0;
    const bad: string[] = [];
    try {
      const at = inp.bytes.byteOffset;
      for (const a of names) {
        for (const b of names) {
          for (const j of ['/', '-', '.']) {
            for (const v of [`/${a}${j}${b}`, `/${a}${j}${b}/zq9`]) {
              const bytes = enc.encode(v);
              new Uint8Array(wasmOf(arena).memory.buffer, at, bytes.length).set(bytes);
              if (!ex.quietPath(at, bytes.length)) continue;
              accepted++;
              for (const paranoia of [1, 2]) {
                ex.scanBegin(st.bytes.byteOffset, PATH, paranoia, 0xffffffff);
                if ((ex.scanPush(st.bytes.byteOffset, scr.bytes.byteOffset, at, bytes.length, 1) as number) !== 0) bad.push(`${v} paranoia ${paranoia}`);
              }
            }
          }
        }
      }
    } finally {
      st.release(); scr.release(); inp.release();
    }
    expect(bad).toEqual([]);
    expect(accepted).toBeGreaterThan(1000);
  }, 600_000);

  it('takes plain paths and refuses the shapes the path rules read', () => {
    const ex = wasmOf(arena).exports;
    const inp = arena.poolFor(256).acquire();
    try {
      const quietPath = (v: string) => {
        const bytes = enc.encode(v);
        new Uint8Array(wasmOf(arena).memory.buffer, inp.bytes.byteOffset, bytes.length).set(bytes);
        return ex.quietPath(inp.bytes.byteOffset, bytes.length) as number;
      };
      for (const v of ['/', '/users/me', '/health', '/orders/', '/favicon.ico', '/products/42', 'orders/12345', '/orders/12345', '/users/me/orders-2024/12345-67.txt']) expect(quietPath(v), v).toBe(1);
      for (const v of [
        '', '//', '/etc/passwd', '/a/b', '/users//me', '/users/../me', '/users/./me', '/users/me;x', '/users/%2e%2e', '/users/me.',
        '/users/me-', '/.orders', '/-orders', '/orders--items', '/orders..items', '/x/win.ini', '/web.config', '/1union', '/orders\\me',
        '/users/me%00', '/orders:8080', '/~orders', '/bin/sh', '/index.php', '/orders/' + 'x'.repeat(33), '/x/error_log', '/Error_log',
        '/tmp/sess_0123456789', '/orders_2024', '/web-inf/x',
      ]) expect(quietPath(v), v).toBe(0);
    } finally {
      inp.release();
    }
  });
});
