// Node only (a timing ratio wants a JIT-warmed process): walking a gzip body made of tens of
// thousands of tiny dynamic-Huffman blocks (src/http/encoded-length.ts) costs about what walking
// a body of the same size with few blocks does. The walk runs synchronously at a gzip or deflate
// body's end; when each block allocated its three codes and filled three 512-entry tables, 1 MiB
// of tiny blocks that inflate to nothing (red team) blocked the event loop ~0.6 s per request in
// the guard: per byte, 71x an ordinary body here, and 21x with codes 15 bits long; now ~3x both
// (zlib takes ~1x). 10x fails the old walk and leaves room for a loaded machine. Time is CPU
// time per byte, fastest of interleaved runs, as in form-cost.node.test.ts.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/lib/harness.mjs';
import { gzipMemberEnds } from '../../src/http/encoded-length.js';
import { BitWriter, canonical, writeDynamicHeader } from './deflate-writer.js';

const SIZE = 1024 * 1024;
const RUNS = 5;
const MAX_RATIO = 10;

const gzipMember = (raw: Uint8Array) => {
  const member = new Uint8Array(10 + raw.length + 8); // (the trailer's CRC and size are not read by the walk)
  member.set([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
  member.set(raw, 10);
  return member;
};

/** ~SIZE bytes of dynamic blocks with these codes, each only its end of block. */
function tinyBlocks(literals: number[], distances: number[]): Uint8Array {
  const w = new BitWriter();
  const random = rng(11);
  const header = new BitWriter();
  writeDynamicHeader(header, random, literals, distances);
  const blocks = Math.floor((SIZE * 8) / (3 + header.bytes().length * 8));
  const end = canonical(literals)[256]!;
  for (let b = 0; b < blocks; b++) {
    w.put(b === blocks - 1 ? 1 : 0, 1);
    w.put(2, 2);
    writeDynamicHeader(w, rng(11), literals, distances);
    w.putCode(end, literals[256]!);
  }
  return gzipMember(w.bytes());
}

describe('the deflate walk on many tiny blocks', () => {
  const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
  let seed = rng(5);
  const words = Array.from({ length: 2000 }, () => Array.from({ length: 2 + Math.floor(seed() * 8) }, () => String.fromCharCode(97 + Math.floor(seed() * 26))).join(''));
  let prose = '';
  while (prose.length < 3 * SIZE) prose += `${words[Math.floor(seed() * seed() * 2000)]} `;
  // a body of about the same size in few blocks (zlib's own, level 6: ~70 blocks); times are per byte
  const few = new Uint8Array(zlib.gzipSync(prose));
  seed = rng(0);

  const time = (body: Uint8Array) => {
    const t0 = cpu();
    const ends = gzipMemberEnds(body);
    const t = cpu() - t0;
    return { t, ends };
  };
  const ratio = (many: Uint8Array) => {
    expect(time(many).ends).toEqual([many.length]);
    expect(time(few).ends).toEqual([few.length]);
    for (let i = 0; i < 2; i++) { time(many); time(few); } // (warm the JIT)
    const manies: number[] = [];
    const fews: number[] = [];
    for (let i = 0; i < RUNS; i++) { manies.push(time(many).t); fews.push(time(few).t); }
    const perByte = (Math.min(...manies) / many.length) / (Math.min(...fews) / few.length);
    const detail = `many blocks: ${Math.min(...manies)} µs for ${many.length} bytes, few: ${Math.min(...fews)} µs for ${few.length} bytes`;
    return { ratio: perByte, detail };
  };

  it(`1 MiB of ~11-byte dynamic blocks (the end of block the one literal code, no distance code) within ${MAX_RATIO}x 1 MiB of few blocks`, () => {
    const literals = new Array<number>(257).fill(0);
    literals[256] = 1;
    const { ratio: r, detail } = ratio(tinyBlocks(literals, [0]));
    expect(r, detail).toBeLessThan(MAX_RATIO);
  });

  it(`1 MiB of dynamic blocks whose codes are as long as can be (15 bits) within ${MAX_RATIO}x`, () => {
    // (each code's table as wide as it goes: lengths 1, 2, ..., 15, 15)
    const literals = new Array<number>(257).fill(0);
    const distances = new Array<number>(30).fill(0);
    for (let l = 1; l <= 15; l++) { literals[256 - l] = l; distances[l - 1] = l; }
    literals[256] = 15;
    distances[15] = 15;
    const { ratio: r, detail } = ratio(tinyBlocks(literals, distances));
    expect(r, detail).toBeLessThan(MAX_RATIO);
  });
});
