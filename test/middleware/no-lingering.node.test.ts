// A request that never reaches its verdict (the client goes away mid-body) must not leave
// its body in wasm memory: neither in the body's slots nor in the scanner's slots, where
// body values are scanned one by one and wiped together at the end of the request.
import { afterAll, describe, expect, it } from 'vitest';
import express5 from 'express';
import { connect } from 'node:net';
import { arenaguard } from '../../src/middleware/express.js';
import { wasmOf } from '../../src/internal.js';
import type { Arena } from '../../src/index.js';
import { listen, sleep, slotsInUse, testArena, testDetector, type Running } from './helpers.js';

const marker = 'Zq7LINGERmark9';
function occurrences(arena: Arena): number {
  const memory = new Uint8Array(wasmOf(arena).memory.buffer);
  const needle = new TextEncoder().encode(marker);
  let count = 0;
  outer: for (let i = 0; i + needle.length <= memory.length; i++) {
    for (let j = 0; j < needle.length; j++) if (memory[i + j] !== needle[j]) continue outer;
    count++;
  }
  return count;
}

const running: Running[] = [];
afterAll(async () => { for (const r of running) await r.close(); });

describe('no body lingers after the client goes away', () => {
  it('wipes the scanned JSON values and the body slots when the request is released without a verdict', async () => {
    const arena = await testArena();
    const detector = await testDetector();
    const app = express5();
    app.use(arenaguard({ detector, arena }));
    app.post('/x', (_req, res) => { res.end('ok'); });
    const r = await listen(app as never);
    running.push(r);
    const socket = connect(Number(new URL(r.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n');
    // (first a value past the 16 KiB from which a body is scanned as it comes, so the marked values
    // after it are scanned before the body ends; a later, shorter value overwrites only the front
    // of the scanner's input slot)
    socket.write(`{"pad": "${'p'.repeat(16 * 1024)}", "a": "${marker}", "b": ["some words before ${marker}"], "c": 12`);
    for (let i = 0; i < 100 && slotsInUse(arena) === 0; i++) await sleep(5);
    expect(slotsInUse(arena)).toBeGreaterThan(0);
    expect(occurrences(arena)).toBeGreaterThan(0); // the partial body sits in its slots
    expect(occurrences((detector as unknown as { arena: Arena }).arena)).toBeGreaterThan(0); // and its values in the scanner's
    socket.destroy();
    for (let i = 0; i < 200 && slotsInUse(arena) > 0; i++) await sleep(5);
    expect(slotsInUse(arena)).toBe(0);
    expect(occurrences(arena)).toBe(0);
    expect(occurrences((detector as unknown as { arena: Arena }).arena)).toBe(0);
  });
});
