// MultipartReader fed in chunks of every size reads what it reads from the whole body (shared:
// Node, Chromium, Deno). Long part headers gather in a buffer of their own, searched only where
// new bytes arrive; these cases pin that the gathered block, and the content after it, come out
// byte for byte as from one chunk, also when the sink keeps the views it is given (the reader
// never reuses a buffer it has handed out).
import { describe, expect, it } from 'vitest';
import { MultipartReader, type MultipartSink } from '../../src/http/multipart.js';
import type { PartHead } from '../../src/http/multipart-head.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A sink that keeps the views it is given (no copies), decoded only at the end. */
class KeepingSink implements MultipartSink {
  readonly parts: { head: PartHead | undefined; pieces: Uint8Array[] }[] = [];
  open(head: PartHead | undefined): boolean {
    this.parts.push({ head, pieces: [] });
    return true;
  }
  data(bytes: Uint8Array): void { this.parts.at(-1)!.pieces.push(bytes); }
  close(bytes: Uint8Array): void { this.parts.at(-1)!.pieces.push(bytes); }
  read() {
    return this.parts.map(({ head, pieces }) => ({
      names: head?.names,
      filenames: head?.filenames,
      content: pieces.map((p) => decoder.decode(p)).join(''),
    }));
  }
}

function read(body: Uint8Array, chunkSize: number) {
  const sink = new KeepingSink();
  const reader = new MultipartReader('B0undary', sink);
  for (let at = 0; at < body.length; at += chunkSize) {
    // (a fresh copy per chunk, as a socket gives them)
    reader.push(body.slice(at, at + chunkSize));
  }
  reader.finish();
  return { malformed: reader.malformed, parts: sink.read() };
}

function body(headerPad: number): Uint8Array {
  const pad = 'h'.repeat(headerPad);
  return encoder.encode(
    `--B0undary\r\nContent-Disposition: form-data; name="first"; x="${pad}"\r\n\r\none' OR '1'='1\r\n` +
    `--B0undary\r\nContent-Disposition: form-data; name="second"; filename="a.txt"\r\nContent-Type: text/plain\r\nX-Pad: ${pad}\r\n\r\n` +
    `two <script>\r\n--B0undary\r\nContent-Disposition: form-data; name="third"\r\n\r\n\r\n--B0undary--\r\n`,
  );
}

describe('MultipartReader in chunks', () => {
  it('long header blocks in chunks of every size read as in one chunk', () => {
    for (const pad of [0, 40, 3000]) {
      const bytes = body(pad);
      const whole = read(bytes, bytes.length);
      expect(whole.malformed).toBe(false);
      expect(whole.parts.map((p) => p.names)).toEqual([['first'], ['second'], ['third']]);
      expect(whole.parts[1]!.content).toBe('two <script>');
      const sizes = pad > 1000 ? [1, 2, 3, 5, 7, 64, 1000, 4096] : Array.from({ length: 80 }, (_, k) => k + 1);
      for (const size of sizes) expect(read(bytes, size), `pad ${pad}, chunks of ${size}`).toEqual(whole);
    }
  });

  it('a header block past the limit is malformed however it arrives', () => {
    const bytes = body(9000);
    for (const size of [1, 3, 100, bytes.length]) expect(read(bytes, size).malformed, `chunks of ${size}`).toBe(true);
  });

  it('a body that ends inside a header block is malformed', () => {
    const bytes = encoder.encode(`--B0undary\r\nContent-Disposition: form-data; name="a"; x="${'h'.repeat(2000)}"\r\n`);
    for (const size of [1, 10, bytes.length]) expect(read(bytes, size).malformed, `chunks of ${size}`).toBe(true);
  });
});
