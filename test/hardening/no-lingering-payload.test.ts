// After a verdict, the payload must not linger in the slots a detector keeps
// between scans: neither the raw bytes nor their decoded form.
import { describe, expect, it } from 'vitest';
import { createArena, createDetector } from '../../src/index.js';
import { wasmOf } from '../../src/internal.js';

const encoder = new TextEncoder();

function occurrences(memory: Uint8Array, marker: Uint8Array): number {
  let count = 0;
  outer: for (let i = 0; i + marker.length <= memory.length; i++) {
    for (let j = 0; j < marker.length; j++) if (memory[i + j] !== marker[j]) continue outer;
    count++;
  }
  return count;
}

describe('no payload lingers after its scan', () => {
  const secret = 'Zq7SECRETmarker9';
  const inputs: [string, string | Uint8Array, string][] = [
    ['a string', `token=${secret}' OR '1'='1`, secret],
    ['bytes', encoder.encode(`<img src=x onerror=alert('${secret}')>`), secret],
    ['percent-encoded (decoded form checked)', `q=${[...secret].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')}`, secret],
    ['a long value (several chunks)', `${'a'.repeat(9000)} ${secret} ${'b'.repeat(9000)}`, secret],
  ];
  for (const [what, input, marker] of inputs) {
    it(`leaves no trace of ${what} in wasm memory`, async () => {
      const arena = await createArena({ autoShrink: false });
      const detector = await createDetector({ arena });
      const memory = () => new Uint8Array(wasmOf(arena).memory.buffer);
      detector.scan(input, { context: 'query' });
      expect(occurrences(memory(), encoder.encode(marker))).toBe(0); // after a whole-value scan
      const stream = detector.createStream({ context: 'body' });
      stream.push(input);
      expect(occurrences(memory(), encoder.encode(marker))).toBe(0); // after a push, before finish
      stream.finish();
      expect(occurrences(new Uint8Array(wasmOf(arena).memory.buffer), encoder.encode(marker))).toBe(0);
      await detector.close();
      await arena.close();
    });
  }
  it('leaves no trace of any field of an analyzed request (fields are wiped once, at the verdict)', async () => {
    const arena = await createArena({ autoShrink: false });
    const detector = await createDetector({ arena });
    const memory = () => new Uint8Array(wasmOf(arena).memory.buffer);
    const marks = ['Qpath7marker', 'Qquery7marker', 'Qheader7marker', 'Qkey7marker', 'Qvalue7marker'];
    await detector.analyzeRequest({
      method: 'POST', url: `/${marks[0]}?q=${marks[1]}`, headers: { 'content-type': 'application/json', 'x-note': marks[2]! },
      body: JSON.stringify({ [marks[3]!]: [`${marks[4]}' or 1=1--`] }),
    });
    for (const m of marks) expect(occurrences(memory(), encoder.encode(m)), m).toBe(0);
    await detector.close();
    await arena.close();
  });
});
