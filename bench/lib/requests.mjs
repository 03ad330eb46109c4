// Request bodies for the benches, runtime-neutral and deterministic (seeded).
import { rng } from './harness.mjs';

const WORDS = 'order customer shipping address invoice total price quantity product review comment the and for with from this that delivery status warehouse item color size account profile update settings notes great fast thanks please again next week'.split(' ');

/** A benign JSON body of exactly `bytes` UTF-8 bytes (a list of order items, padded by a note field). */
export function jsonBody(bytes, seed = 1) {
  const r = rng(seed);
  const word = () => WORDS[Math.floor(r() * WORDS.length)];
  const items = [];
  const base = { id: Math.floor(r() * 1e6), user: { name: 'Ana Maria', email: 'ana@example.com' }, items, note: '' };
  for (let i = 0; ; i++) {
    const item = { sku: `SKU-${Math.floor(r() * 1e5)}`, qty: 1 + Math.floor(r() * 5), price: Math.round(r() * 1e4) / 100, text: `${word()} ${word()} ${word()} ${word()}` };
    items.push(item);
    if (JSON.stringify(base).length > bytes - 40) {
      items.pop();
      break;
    }
  }
  const len = JSON.stringify(base).length;
  base.note = 'x'.repeat(Math.max(0, bytes - len));
  const s = JSON.stringify(base);
  if (s.length !== bytes) throw new Error(`jsonBody: ${s.length} != ${bytes}`);
  return s;
}

/** An attack buried in an otherwise benign JSON body of exactly `bytes` UTF-8 bytes. */
export function attackBody(bytes, attack, seed = 2) {
  const size = (o) => new TextEncoder().encode(JSON.stringify(o)).length;
  const attackLen = size(attack) + 12; // ,"comment":<json string>
  const body = JSON.parse(jsonBody(bytes - attackLen, seed));
  body.comment = attack;
  const missing = bytes - size(body);
  if (missing < 0) throw new Error('attackBody: attack too long for the body');
  body.note += 'x'.repeat(missing);
  if (size(body) !== bytes) throw new Error('attackBody: size');
  return JSON.stringify(body);
}

/**
 * The "realistic mix" of the original suite: `corpusShare` of requests are
 * corpus payloads (query-string values, mostly < 100 B), the rest JSON bodies
 * log-uniform between 1 KiB and 64 KiB. Returns `count` encoded requests
 * [{ bytes: Uint8Array, context }] in a seeded random order.
 */
export function requestMix(corpusPayloads, { count = 20_000, corpusShare = 0.8, seed = 42, maxBytes = 65536 } = {}) {
  const r = rng(seed);
  const enc = new TextEncoder();
  const bodies = new Map();
  const out = [];
  for (let i = 0; i < count; i++) {
    if (r() < corpusShare) {
      const p = corpusPayloads[Math.floor(r() * corpusPayloads.length)];
      const bytes = enc.encode(p);
      if (bytes.length > maxBytes) continue;
      out.push({ bytes, context: 'query' });
    } else {
      // log-uniform in [1 KiB, 64 KiB], rounded to 256 B so bodies are shared
      const size = Math.min(maxBytes, Math.round((1024 * 64 ** r()) / 256) * 256);
      if (!bodies.has(size)) bodies.set(size, enc.encode(jsonBody(size, size)));
      out.push({ bytes: bodies.get(size), context: 'body' });
    }
  }
  return out;
}

export function sizeStats(requests) {
  const s = requests.map((q) => q.bytes.length).sort((a, b) => a - b);
  const q = (f) => s[Math.min(s.length - 1, Math.floor(f * s.length))];
  const total = s.reduce((a, b) => a + b, 0);
  return { count: s.length, meanBytes: Math.round(total / s.length), p50Bytes: q(0.5), p90Bytes: q(0.9), p99Bytes: q(0.99), maxBytes: s[s.length - 1], under100Bytes: Number((s.filter((x) => x < 100).length / s.length).toFixed(3)) };
}

/**
 * Candidates for the worst input for the engine (bench/scan.mjs repeats each to 64 KiB): every
 * byte an escape, repeated partial tokens that keep tokenizer/judge state busy, deep nesting,
 * unterminated constructs. scripts/same-findings.mjs scans them too, repeated.
 */
export const ADVERSARIAL_PIECES = {
  'percent-escapes': '%25%32%37%2527',
  'entity-escapes': '&#x3c;&#60&lt',
  'js-escapes': '\\x3c\\u003c',
  'sql-operators': "'or'1'='1'||",
  parens: '((',
  'partial-tags': '<a<svg on',
  separators: ';|&`$(',
  'dot-slash': '../',
  'short-words': 'a b ',
  'overlong-utf8': '\u00c0\u00ae',
};
