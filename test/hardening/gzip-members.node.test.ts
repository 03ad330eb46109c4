// Node only (a CPU-time ratio wants a JIT-warmed process): a gzip body of tens of thousands of
// tiny members costs about what a one-member body of its size does. Inflated one member at a time
// (a DecompressionStream each, the way Deno and Chromium need), 52,428 empty members in 1 MiB took
// 4.6 s of CPU through the fetch guard, ~25x a one-member body (red team); Node's own
// DecompressionStream reads every member, and is used once a first gzip body has shown it does.
// Time is CPU time, fastest of several runs, as in scanner-time.node.test.ts.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArena, createDetector, createStandardPools, type Arena, type Detector } from '../../src/index.js';
import { guard } from '../../src/middleware/fetch.js';

describe('gzip body of many members (Node)', () => {
  let arena: Arena;
  let detector: Detector;
  beforeAll(async () => {
    arena = await createArena({ pools: createStandardPools() });
    detector = await createDetector({ arena });
  });
  afterAll(async () => { await detector.close(); await arena.close(); });

  it('52,428 empty members cost at most 3x a one-member body of the same size', async () => {
    const handler = guard(() => new Response('ok'), { detector, arena, maxBodyBytes: 2 << 20 });
    const empty = gzipSync(Buffer.alloc(0));
    const many = Buffer.concat(Array.from({ length: Math.floor((1 << 20) / empty.length) }, () => empty));
    // one member of about the same compressed size: text that compresses little
    let text = '';
    for (let i = 0; text.length < 700_000; i++) text += `${(i * 2654435761 % 4294967296).toString(36)} `;
    const one = gzipSync(text);
    const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
    const send = async (body: Buffer) => {
      const t0 = cpu();
      const res = await handler(new Request('http://127.0.0.1/up', { method: 'POST', body, headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' } }));
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      return cpu() - t0;
    };
    await send(one); // (the first gzip body also learns what the runtime's DecompressionStream reads)
    await send(many);
    const fastest = async (body: Buffer) => { let best = Infinity; for (let i = 0; i < 3; i++) best = Math.min(best, await send(body)); return best; };
    const ratio = (await fastest(many)) / (await fastest(one));
    expect(ratio, `many members / one member (${many.length} / ${one.length} bytes)`).toBeLessThan(3);
  });
});
