// The walk that finds where a deflate stream ends (src/http/encoded-length.ts) against zlib, on
// random streams (Node only: zlib is the reference; express.json() inflates with it). Stored,
// fixed and dynamic blocks with random codes (up to 15 bits), tens of thousands of tiny dynamic
// blocks, zlib's own output at every level and strategy, each whole, with bytes after it, cut
// short, and corrupted. Wherever zlib inflates a stream, the walk must end where zlib stops
// reading; wherever the walk finds an end zlib does not inflate to, zlib's refusal must be one
// the walk leaves to the decompressor (it produces no output and does not check everything):
// a body the decompressor fails anyway. A stream cut short is never taken for a whole one.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/lib/harness.mjs';
import { encodedLength, gzipMemberEnds } from '../../src/http/encoded-length.js';
import { BitWriter, canonical, randomDeflate, writeDynamicHeader } from './deflate-writer.js';

/** zlib's refusals of streams the walk reads to an end: what it checks that the walk does not. */
const LEFT_TO_THE_DECOMPRESSOR = new Set([
  'invalid code lengths set', // (an incomplete code: the walk fails only when a missing code comes up)
  'invalid literal/lengths set',
  'invalid distances set',
  'too many length or distance symbols', // (HLIT 287-288, HDIST 31-32)
  'invalid code -- missing end-of-block',
  'invalid distance too far back', // (the walk keeps no output)
  'invalid stored block lengths', // (NLEN is not checked)
]);

/** Where zlib stops reading `raw` (a raw deflate stream), or why it fails. */
function zlibEnd(raw: Uint8Array): { end: number } | { error: string } {
  try {
    const { engine } = zlib.inflateRawSync(raw, { info: true }) as unknown as { engine: zlib.InflateRaw };
    return { end: engine.bytesWritten };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Where the walk ends `raw`, through the zlib ("deflate") wrapper: header, stream, Adler-32. */
function walkEnd(raw: Uint8Array): number | undefined {
  const wrapped = new Uint8Array(2 + raw.length + 4);
  wrapped.set([0x78, 0x9c]);
  wrapped.set(raw, 2);
  const end = encodedLength(wrapped, 'deflate');
  return end === undefined ? undefined : end - 6;
}

const tally = { inflated: 0, bothRefused: 0, leftToDecompressor: 0 };

/** The walk and zlib agree on `raw` (see the file's head). */
function agree(raw: Uint8Array, what: string): void {
  const z = zlibEnd(raw);
  const w = walkEnd(raw);
  if ('end' in z) {
    tally.inflated++;
    expect(w, `${what}: zlib ends at ${z.end}`).toBe(z.end);
  } else if (w === undefined) {
    tally.bothRefused++;
  } else {
    tally.leftToDecompressor++;
    expect(LEFT_TO_THE_DECOMPRESSOR, `${what}: the walk ends at ${w}, zlib fails: ${z.error}`).toContain(z.error);
  }
}

/** `raw` whole, with bytes after it, cut short and corrupted, each checked against zlib. */
function variants(random: () => number, raw: Uint8Array, what: string): void {
  const z = zlibEnd(raw);
  expect(z, `${what}: the writer's stream inflates`).toEqual({ end: raw.length });
  agree(raw, what);
  const tail = Uint8Array.from({ length: 1 + Math.floor(random() * 12) }, () => Math.floor(random() * 256));
  const withTail = new Uint8Array(raw.length + tail.length);
  withTail.set(raw);
  withTail.set(tail, raw.length);
  agree(withTail, `${what} + ${tail.length} bytes`);
  // every cut of a short stream; some of a long one
  const cuts = raw.length <= 64 ? Array.from({ length: raw.length }, (_, i) => i) : Array.from({ length: 24 }, () => Math.floor(random() * raw.length));
  for (const cut of cuts) {
    expect(walkEnd(raw.subarray(0, cut)), `${what} cut to ${cut}`).toBeUndefined();
    agree(raw.subarray(0, cut), `${what} cut to ${cut}`);
  }
  for (let k = 0; k < 12; k++) {
    const bad = withTail.slice();
    for (let flips = 1 + Math.floor(random() * 3); flips > 0; flips--) {
      const at = Math.floor(random() * raw.length);
      if (random() < 0.7) bad[at]! ^= 1 << Math.floor(random() * 8);
      else bad[at] = Math.floor(random() * 256);
    }
    agree(bad, `${what} corrupted`);
  }
}

describe('the deflate walk against zlib', () => {
  it('random streams of stored, fixed and dynamic blocks, whole, with bytes after, cut and corrupted', () => {
    const random = rng(20_17);
    for (let n = 0; n < 400; n++) variants(random, randomDeflate(random, 1 + Math.floor(random() * 6), Math.floor(random() * 60)), `stream ${n}`);
  });

  it('many tiny dynamic blocks', () => {
    const random = rng(90_000);
    for (let n = 0; n < 6; n++) variants(random, randomDeflate(random, 200 + Math.floor(random() * 1000), Math.floor(random() * 4), 1), `tiny blocks ${n}`);
  });

  it("zlib's own streams at every level and strategy (small blocks with memLevel 1)", () => {
    const random = rng(6);
    const { Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED, Z_DEFAULT_STRATEGY } = zlib.constants;
    const strategies = [Z_DEFAULT_STRATEGY, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED];
    for (let n = 0; n < 60; n++) {
      const alphabet = 2 + Math.floor(random() * 254);
      const input = Uint8Array.from({ length: Math.floor(random() * random() * 200_000) }, () => Math.floor(random() * random() * alphabet));
      const options = { level: n % 10, strategy: strategies[n % 5]!, memLevel: 1 + Math.floor(random() * 9), windowBits: 9 + Math.floor(random() * 7) };
      variants(random, new Uint8Array(zlib.deflateRawSync(input, options)), `zlib ${JSON.stringify(options)} of ${input.length}`);
    }
  });

  it('the same end through a gzip member', () => {
    const random = rng(1952);
    for (let n = 0; n < 50; n++) {
      const raw = randomDeflate(random, 1 + Math.floor(random() * 4), 40);
      const member = new Uint8Array(10 + raw.length + 8);
      member.set([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
      member.set(raw, 10);
      expect(gzipMemberEnds(member)).toEqual([member.length]);
      expect(gzipMemberEnds(member.subarray(0, member.length - 1))).toBeUndefined();
    }
  });

  it('an over-subscribed code is not deflate (zlib: invalid literal/lengths set)', () => {
    // Three 1-bit codes: no code reads one way. The walk read such a code both ways at once
    // (its table kept the last symbol of a prefix, its bit-by-bit path the first).
    const literals = new Array<number>(257).fill(0);
    literals[0] = literals[1] = literals[256] = 1;
    const w = new BitWriter();
    w.put(1, 1);
    w.put(2, 2);
    writeDynamicHeader(w, rng(3), literals, [0]);
    w.putCode(canonical(literals)[256]!, 1);
    const raw = w.bytes();
    expect(zlibEnd(raw)).toEqual({ error: 'invalid literal/lengths set' });
    expect(walkEnd(raw)).toBeUndefined();
  });

  it('saw every outcome', () => {
    // (the generators make streams zlib inflates, streams both refuse, and streams only zlib refuses)
    expect(tally.inflated).toBeGreaterThan(1000);
    expect(tally.bothRefused).toBeGreaterThan(1000);
    expect(tally.leftToDecompressor).toBeGreaterThan(10);
  });
});

