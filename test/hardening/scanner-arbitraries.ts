// Generators shared by the scanner fuzz tests (runtime-neutral: no node: imports).
import fc from 'fast-check';
import type { Detector, ScanContext, ScanResult } from '../../src/index.js';

export const CONTEXTS: ScanContext[] = ['query', 'form', 'body', 'header', 'path', 'json', 'json-escaped'];
export const encoder = new TextEncoder();

/** Attack-ish fragments: the pieces the lexer, decoders and rules care about. */
export const FRAGMENTS = [
  "'", '"', '`', ' ', '\t', '\n', '+', '%', '%2', '%27', '%2527', '%25%32%37', '%u0027', '%c0%af', '%e0%80%af', '&#39;', '&#x27;',
  '&#0000060', '&lt;', '&quot;', '\\x3c', '\\u003c', '\\', '＜', 'ｓｃｒｉｐｔ', '\u00a0', 'é', '😀',
  ' or ', 'OR', '1=1', "'1'='1", 'union', 'UnIoN', ' select ', 'from', 'where', 'sleep(5)', 'benchmark(', '--', '#', '/*', '*/', '/*!50000',
  ';', '||', '|', '&&', '&', '$(', '${IFS}', '`id`', 'cat /etc/passwd', 'wget http://x/', 'nc -e /bin/sh', 'ping -c', 'cmd.exe /c',
  '<', '>', '<script>', '</script>', '<img src=x onerror=alert(1)>', 'javascript:', 'jav&#x09;ascript:', 'onload=', '<svg/onload=', 'data:text/html',
  '../', '..\\', '..%2f', '%2e%2e/', '..%c0%af', '....//', '/etc/passwd', 'c:\\windows\\win.ini', 'file://', '{', '}', '[', ']', ':', ',', '=', '?', '(', ')',
  'admin', 'hello world', '42', 'x',
];

/** Ways to spell a NUL, which the decoders drop. */
export const NUL_FORMS = ['\u0000', '%00', '%2500', '&#0;', '&#x00;', '\\x00', '\\u0000', '%c0%80'];

export const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS, ...NUL_FORMS), { maxLength: 40 }).map((parts) => parts.join(''));

/** Byte sequences that are not valid UTF-8: lone continuations, truncated and overlong forms, encoded surrogates, > U+10FFFF. */
const INVALID_UTF8 = [[0x80], [0xbf], [0xc0, 0xaf], [0xc1, 0xbf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe], [0xff], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98]];
export const invalidUtf8 = fc.array(
  fc.oneof(fc.constantFrom(...INVALID_UTF8), fc.constantFrom(...FRAGMENTS).map((s) => [...encoder.encode(s)])),
  { maxLength: 60 },
).map((parts) => Uint8Array.from(parts.flat()));

/** One character or fragment repeated far past every internal buffer (3.5 KiB chunks, 64 KiB slots). */
export const longToken = fc.record({
  unit: fc.constantFrom('a', 'A', '%', '%25', '<', "'", '(', '.', '/', '\\', '-', '*', '&#', '0', '0x2e', 'é', '\u0000', '%00', ' ', 'union', 'ｓ'),
  count: fc.integer({ min: 1, max: 12_000 }),
  prefix: fc.constantFrom('', "1' ", '<a ', '../', 'x='),
  suffix: fc.constantFrom('', ' or 1=1--', '<script>alert(1)</script>', '/etc/passwd', ';id'),
}).map(({ unit, count, prefix, suffix }) => prefix + unit.repeat(count) + suffix);

/** Deep nesting: parentheses, tags, JSON, comments, brackets. */
export const nesting = fc.record({
  open: fc.constantFrom('(', '<', '[', '{"a":', '/*', '<div>', '((select ', '${', '$(', '"'),
  close: fc.constantFrom(')', '>', ']', '}', '*/', '</div>', ')', '}', ')', '"'),
  depth: fc.integer({ min: 1, max: 5000 }),
  inner: fragmentText,
}).map(({ open, close, depth, inner }) => open.repeat(depth) + inner + close.repeat(depth));

export const anyInput: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 3000 }) },
  { weight: 3, arbitrary: fragmentText.map((s) => encoder.encode(s)) },
  { weight: 2, arbitrary: invalidUtf8 },
  { weight: 1, arbitrary: longToken.map((s) => encoder.encode(s)) },
  { weight: 1, arbitrary: nesting.map((s) => encoder.encode(s)) },
);

/** Chunk sizes to cycle through; 1 splits at every byte. */
export const chunkPlan = fc.array(fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5000 })), { minLength: 1, maxLength: 8 });

export function streamScan(d: Detector, bytes: Uint8Array, sizes: number[], context: ScanContext): ScanResult {
  const s = d.createStream({ context });
  let at = 0;
  // Bounded: every step advances by at least one byte.
  for (let k = 0; at < bytes.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length]!);
    s.push(bytes.subarray(at, Math.min(bytes.length, at + n)));
    at += n;
  }
  return s.finish();
}

/**
 * Verdict and findings with the fields that must agree: rule, byte offset, byte length.
 * Sorted: the order findings are recorded in is not part of the contract (the decoder
 * reports some rules before the lexer reports others in the same chunk).
 */
export function shape(r: ScanResult) {
  return { blocked: r.blocked, score: r.score, threats: r.threats.map((t) => `${t.ruleId}@${t.offset}+${t.length}`).sort() };
}
