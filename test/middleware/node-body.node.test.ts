// Reading a Node request body and putting it back (src/middleware/node.ts), with a body that
// arrives a byte at a time: in Node 20 each `unshift` moves every chunk already buffered, so
// putting k chunks back one by one cost k² (a 256 KiB chunked body sent in 1-byte chunks took
// seconds, red-team round 3). Many chunks now go back as one.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBufferedNodeBody, readNodeBody } from '../../src/middleware/node.js';
import type { Inspection } from '../../src/middleware/core.js';

/** The part of an Inspection readNodeBody uses: it takes chunks, and never fails. */
function inspection(): Inspection & { seen: number } {
  const fake = { seen: 0, failure: undefined, meta: { headers: {}, contentLength: undefined }, write(chunk: Uint8Array) { fake.seen += chunk.length; }, onFailure() { /* never fails */ }, startBodyDeadline() { /* no deadline */ } };
  return fake as unknown as Inspection & { seen: number };
}

describe('readNodeBody', () => {
  it('puts a body of many 1-byte chunks back with one unshift, bytes intact', async () => {
    const body = Buffer.from(Array.from({ length: 5000 }, (_, i) => 97 + (i % 26)));
    let i = 0;
    const req = new Readable({
      read() {
        // (one byte per push, across ticks, as a chunked upload arrives)
        setImmediate(() => this.push(i < body.length ? body.subarray(i, ++i) : null));
      },
    });
    let unshifts = 0;
    const unshift = req.unshift.bind(req);
    req.unshift = (chunk: Buffer) => { unshifts++; unshift(chunk); };
    const seen = inspection();
    expect(await readNodeBody(req, seen)).toBe(true);
    expect(seen.seen).toBe(body.length);
    expect(unshifts).toBe(1);
    const again: Buffer[] = [];
    for await (const chunk of req) again.push(chunk as Buffer);
    expect(Buffer.concat(again).equals(body)).toBe(true);
  });

  // A body already buffered (it came with the headers) is read where it lies: no read() to join
  // it, no unshift() to put it back (each a cost per request, and a 'readable' tick).
  it('reads a buffered body without taking it out of the stream', async () => {
    const parts = [Buffer.from('{"a":'), Buffer.from('"b"}')];
    const req = new Readable({ read() { /* all pushed */ } });
    for (const part of parts) req.push(part);
    req.push(null);
    let touched = 0;
    req.read = () => { touched++; return null; };
    req.unshift = () => { touched++; };
    const seen = inspection();
    expect(readBufferedNodeBody(req, seen)).toBe(true);
    expect(seen.seen).toBe(9);
    expect(touched).toBe(0);
    delete (req as Partial<Readable>).read;
    delete (req as Partial<Readable>).unshift;
    const again: Buffer[] = [];
    for await (const chunk of req) again.push(chunk as Buffer);
    expect(Buffer.concat(again).toString()).toBe('{"a":"b"}');
  });

  it('reads and puts back a buffered body whose stream decodes to text (setEncoding)', async () => {
    const req = new Readable({ read() { /* all pushed */ } });
    req.push(Buffer.from('{"a":"é"}'));
    req.push(null);
    req.setEncoding('utf8');
    const seen = inspection();
    expect(readBufferedNodeBody(req, seen)).toBe(true);
    expect(seen.seen).toBeGreaterThan(0);
    let text = '';
    for await (const chunk of req) text += chunk as string;
    expect(text).toBe('{"a":"é"}');
  });
});
