// A small raw-deflate writer for the walk's tests (encoded-length-*.node.test.ts): stored, fixed
// and dynamic blocks with codes chosen at random (or given), so streams can have any shape zlib's
// own compressor never makes — tens of thousands of tiny dynamic blocks, codes 15 bits long, a
// literal code of one symbol. It writes valid streams only (zlib inflates every one: the tests
// check it); the tests corrupt and cut them themselves.

/** Bits in deflate's order: values from their low bit, Huffman codes from their top bit. */
export class BitWriter {
  #out: number[] = [];
  #acc = 0;
  #n = 0;
  put(value: number, bits: number): void {
    for (let i = 0; i < bits; i++) {
      this.#acc |= ((value >> i) & 1) << this.#n;
      if (++this.#n === 8) { this.#out.push(this.#acc); this.#acc = 0; this.#n = 0; }
    }
  }
  putCode(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.put((code >> i) & 1, 1);
  }
  align(): void { if (this.#n) this.put(0, 8 - this.#n); }
  bytes(): Uint8Array { this.align(); return Uint8Array.from(this.#out); }
}

/** The canonical codes (RFC 1951 3.2.2) of a set of code lengths (0: unused). */
export function canonical(lengths: readonly number[]): number[] {
  const counts = new Array<number>(16).fill(0);
  for (const l of lengths) if (l) counts[l] = counts[l]! + 1;
  const next = new Array<number>(16).fill(0);
  for (let l = 1, c = 0; l < 16; l++) { c = (c + counts[l - 1]!) << 1; next[l] = c; }
  return lengths.map((l) => (l ? next[l]!++ : 0));
}

/**
 * Lengths of a complete prefix code for `symbols` (at least two) in a table of `size`, none
 * longer than `max`: a random binary tree, grown by splitting a random leaf.
 */
export function randomCode(random: () => number, symbols: readonly number[], size: number, max: number): number[] {
  const depths = [1, 1];
  while (depths.length < symbols.length) {
    const open = depths.flatMap((d, i) => (d < max ? [i] : []));
    const i = open[Math.floor(random() * open.length)]!;
    depths[i]! += 1;
    depths.push(depths[i]!);
  }
  const lengths = new Array<number>(size).fill(0);
  const shuffled = [...symbols].sort(() => random() - 0.5);
  shuffled.forEach((s, k) => { lengths[s] = depths[k]!; });
  return lengths;
}

const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
export const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
export const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
export const DISTANCE_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
export const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

/**
 * A dynamic block's header for these literal/length (257-288) and distance (1-32) code
 * lengths: the lengths run-length coded (16, 17, 18 where they fit, or one by one when
 * `plain`), under a random complete code-length code.
 */
export function writeDynamicHeader(w: BitWriter, random: () => number, literals: readonly number[], distances: readonly number[], plain = false): void {
  const all = [...literals, ...distances];
  const items: [symbol: number, extra: number, extraBits: number][] = [];
  for (let i = 0; i < all.length;) {
    const v = all[i]!;
    let run = 1;
    while (i + run < all.length && all[i + run] === v) run++;
    if (plain || run < 3) { items.push([v, 0, 0]); i++; continue; }
    if (v === 0) {
      const n = Math.min(run, 138);
      items.push(n >= 11 ? [18, n - 11, 7] : [17, n - 3, 3]);
      i += n;
    } else {
      items.push([v, 0, 0]); // (then repeats of it)
      i++;
      for (let left = run - 1; left >= 3;) { const n = Math.min(left, 6); items.push([16, n - 3, 2]); i += n; left -= n; }
    }
  }
  const used = [...new Set(items.map(([s]) => s))];
  if (used.length === 1) used.push(used[0] === 0 ? 1 : 0); // (a code of one symbol is not complete)
  const lengthLengths = randomCode(random, used, 19, 7);
  const lengthCodes = canonical(lengthLengths);
  let hclen = 19;
  while (hclen > 4 && lengthLengths[CODE_LENGTH_ORDER[hclen - 1]!] === 0) hclen--;
  w.put(literals.length - 257, 5);
  w.put(distances.length - 1, 5);
  w.put(hclen - 4, 4);
  for (let i = 0; i < hclen; i++) w.put(lengthLengths[CODE_LENGTH_ORDER[i]!]!, 3);
  for (const [s, extra, bits] of items) { w.putCode(lengthCodes[s]!, lengthLengths[s]!); w.put(extra, bits); }
}

/** What a block writer needs to know of the stream so far (a distance reaches back at most this far). */
export interface Progress { output: number }

/**
 * A compressed block's data: `count` random symbols of the literal/length code (lengths and
 * distances within the output so far), then the end of block.
 */
export function writeBlockData(w: BitWriter, random: () => number, progress: Progress, literals: readonly number[], distances: readonly number[], count: number): void {
  const literalCodes = canonical(literals);
  const distanceCodes = canonical(distances);
  const symbols = literals.flatMap((l, s) => (l && s !== 256 && s < 286 ? [s] : [])); // (286, 287: in the fixed code, never sent)
  const distanceSymbols = distances.flatMap((l, s) => (l && s < 30 ? [s] : []));
  for (let k = 0; k < count && symbols.length > 0; k++) {
    const s = symbols[Math.floor(random() * symbols.length)]!;
    if (s < 256) { w.putCode(literalCodes[s]!, literals[s]!); progress.output++; continue; }
    const reach = distanceSymbols.filter((d) => DISTANCE_BASE[d]! <= Math.min(progress.output, 32768));
    if (reach.length === 0) continue; // (nothing to copy from yet)
    const d = reach[Math.floor(random() * reach.length)]!;
    const lengthExtra = Math.floor(random() * (1 << LENGTH_EXTRA[s - 257]!));
    const most = Math.min(progress.output, 32768) - DISTANCE_BASE[d]!;
    const distanceExtra = Math.min(most, Math.floor(random() * (1 << DISTANCE_EXTRA[d]!)));
    w.putCode(literalCodes[s]!, literals[s]!);
    w.put(lengthExtra, LENGTH_EXTRA[s - 257]!);
    w.putCode(distanceCodes[d]!, distances[d]!);
    w.put(distanceExtra, DISTANCE_EXTRA[d]!);
    progress.output += LENGTH_BASE[s - 257]! + lengthExtra;
  }
  w.putCode(literalCodes[256]!, literals[256]!);
}

export const FIXED_LITERALS = Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8));
export const FIXED_DISTANCES = new Array<number>(30).fill(5);

/**
 * Random codes for a dynamic block, as zlib accepts them: a complete literal/length code over
 * a random set of symbols with the end of block among them (or the end of block alone, one bit),
 * a complete distance code (or one code of one bit, or none), lengths up to `max` bits.
 */
export function randomCodes(random: () => number, max = 15): { literals: number[]; distances: number[] } {
  const hlit = 257 + Math.floor(random() * 30); // (257-286)
  const hdist = 1 + Math.floor(random() * 30); // (1-30)
  const pick = (size: number, n: number) => [...new Set(Array.from({ length: n }, () => Math.floor(random() * size)))];
  const literalSymbols = [...new Set([256, ...pick(hlit, Math.floor(random() * random() * 300))])];
  const literals = literalSymbols.length < 2 ? Object.assign(new Array<number>(hlit).fill(0), { 256: 1 }) : randomCode(random, literalSymbols, hlit, max);
  const distanceSymbols = pick(hdist, Math.floor(random() * 6) === 0 ? Math.floor(random() * 2) : 1 + Math.floor(random() * 30));
  const distances = distanceSymbols.length >= 2 ? randomCode(random, distanceSymbols, hdist, max) : new Array<number>(hdist).fill(0);
  if (distanceSymbols.length === 1) distances[distanceSymbols[0]!] = 1;
  return { literals, distances };
}

/**
 * A random raw deflate stream of `blocks` blocks (stored, fixed or dynamic, `dynamicShare` of
 * them dynamic), each of up to `symbols` symbols; the last is final.
 */
export function randomDeflate(random: () => number, blocks: number, symbols: number, dynamicShare = 0.6): Uint8Array {
  const w = new BitWriter();
  const progress = { output: 0 };
  for (let b = 0; b < blocks; b++) {
    w.put(b === blocks - 1 ? 1 : 0, 1);
    const roll = random();
    if (roll < dynamicShare) {
      w.put(2, 2);
      const { literals, distances } = randomCodes(random);
      writeDynamicHeader(w, random, literals, distances, random() < 0.2);
      writeBlockData(w, random, progress, literals, distances, Math.floor(random() * symbols));
    } else if (roll < dynamicShare + (1 - dynamicShare) / 2) {
      w.put(1, 2);
      writeBlockData(w, random, progress, FIXED_LITERALS, FIXED_DISTANCES, Math.floor(random() * symbols));
    } else {
      w.put(0, 2);
      w.align();
      const n = Math.floor(random() * symbols);
      w.put(n, 16);
      w.put(~n & 0xffff, 16);
      for (let i = 0; i < n; i++) w.put(Math.floor(random() * 256), 8);
      progress.output += n;
    }
  }
  return w.bytes();
}
