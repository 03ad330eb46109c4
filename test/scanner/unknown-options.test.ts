// Unknown keys of the detector's options are RangeErrors naming the key, the function and the
// likely key: `paranioa: 2` used to leave paranoia at 1, a security setting silently lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';
import { detector } from './helpers.js';

let d: Detector;
beforeAll(async () => { d = await detector(); });
afterAll(async () => { await d.close(); });

describe('createDetector', () => {
  it('rejects a misspelt option', async () => {
    const err = await createDetector({ paranioa: 2 } as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RangeError);
    expect((err as Error).message).toBe('unknown option "paranioa" for createDetector() (did you mean "paranoia"?)');
    await expect(createDetector({ treshold: 3 } as never)).rejects.toThrow('(did you mean "threshold"?)');
  });

  it('shows a string value quoted, so "1" is not mistaken for 1', async () => {
    await expect(createDetector({ paranoia: '1' } as never)).rejects.toThrow('createDetector: paranoia must be 1 or 2 (got "1")');
    await expect(createDetector({ failMode: 1 } as never)).rejects.toThrow("failMode must be 'closed' or 'open' (got 1)");
  });

  it('accepts a key set to undefined, and symbol keys', async () => {
    const own = await createDetector({ paranoia: 2, paranioa: undefined, [Symbol('x')]: 1 } as never);
    expect(own.paranoia).toBe(2);
    await own.close();
  });
});

describe('scan and createStream', () => {
  it('scan rejects a misspelt option', () => {
    expect(() => d.scan('x', { contxt: 'body' } as never)).toThrow(RangeError);
    expect(() => d.scan('x', { contxt: 'body' } as never)).toThrow('unknown option "contxt" for scan() (did you mean "context"?)');
    expect(d.scan('x', { context: 'body', contxt: undefined } as never).blocked).toBe(false);
    expect(() => d.scan('x', { context: 7 } as never)).toThrow(/\(got 7\)/);
    expect(() => d.scan('x', { context: 'Body' } as never)).toThrow(/\(got "Body"\)/);
  });

  it('createStream rejects a misspelt option, keeps contentType', () => {
    expect(() => d.createStream({ contxt: 'body' } as never)).toThrow('unknown option "contxt" for createStream() (did you mean "context"?)');
    const s = d.createStream({ context: 'body', contentType: 'text/plain' });
    expect(s.push('<script>alert(1)</script>').finish().blocked).toBe(true);
  });
});
