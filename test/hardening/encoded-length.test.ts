// Where a gzip or zlib stream ends (src/http/encoded-length.ts; shared: Node, Chromium, Deno):
// bytes after that end are what a decoder drops and a parser that does not inflate reads, so
// the walk must find the end exactly — for every compression level, stored blocks, several
// gzip members — and never take a stream cut short for a whole one.
import { describe, expect, it } from 'vitest';
import { encodedLength, gzipMemberEnds } from '../../src/http/encoded-length.js';

/** `bytes` compressed by the runtime's own CompressionStream. */
async function compress(bytes: Uint8Array, format: 'gzip' | 'deflate'): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream(format));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
};

describe('encodedLength', () => {
  const inputs: Uint8Array[] = [
    new Uint8Array(0),
    new TextEncoder().encode('hello'),
    new TextEncoder().encode('the same words again and again, '.repeat(3000)),
    Uint8Array.from({ length: 70_000 }, (_, i) => (i * 2654435761) >>> 24), // (incompressible: stored blocks)
  ];

  it('finds the end of gzip and deflate streams, with or without bytes after them', async () => {
    for (const format of ['gzip', 'deflate'] as const) {
      for (const input of inputs) {
        const encoded = await compress(input, format);
        expect(encodedLength(encoded, format), `${format} of ${input.length}`).toBe(encoded.length);
        const tail = new TextEncoder().encode('<script>alert(1)</script>');
        expect(encodedLength(join(encoded, tail), format)).toBe(encoded.length);
        expect(encodedLength(join(encoded, new Uint8Array(8), tail), format)).toBe(encoded.length);
        expect(encodedLength(encoded.subarray(0, encoded.length - 1), format)).toBeUndefined();
      }
    }
  });

  it('reads gzip members one after another, as decoders do', async () => {
    const a = await compress(inputs[1]!, 'gzip');
    const b = await compress(inputs[2]!, 'gzip');
    expect(encodedLength(join(a, b), 'gzip')).toBe(a.length + b.length);
    expect(encodedLength(join(a, b, new TextEncoder().encode('x')), 'gzip')).toBe(a.length + b.length);
    // (where each member ends: what the web runtimes inflate one at a time)
    expect(gzipMemberEnds(join(a, b, a))).toEqual([a.length, a.length + b.length, 2 * a.length + b.length]);
    expect(gzipMemberEnds(join(a, b, new Uint8Array([0x1f])))).toEqual([a.length, a.length + b.length]);
    expect(gzipMemberEnds(join(a, b.subarray(0, b.length - 1)))).toBeUndefined();
    expect(gzipMemberEnds(join(a, new Uint8Array([0x1f, 0x8b, 7])))).toBeUndefined();
  });

  it('says nothing of codings it does not walk, or of bytes that are not the coding', () => {
    expect(encodedLength(new Uint8Array([1, 2, 3]), 'br')).toBeUndefined();
    expect(encodedLength(new TextEncoder().encode('plain text'), 'deflate')).toBeUndefined();
    expect(encodedLength(new TextEncoder().encode('plain text'), 'gzip')).toBeUndefined();
  });
});
