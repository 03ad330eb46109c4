// Fault injection (shared: Node, Chromium, Deno). A wasm trap in the middle of an operation
// marks the arena unhealthy, the detector fails closed (blocked, internal.error), a fresh
// arena and detector carry on, and the fetch guard answers every request meanwhile with
// 403/503 — none hangs, none reaches the application unscanned.
import { afterEach, describe, expect, it } from 'vitest';
import { createArena, createDetector, createStandardPools, type Arena, type Detector, type ScanResult } from '../../src/index.js';
import { injectFault, wasmOf } from '../../src/internal.js';
import { trip } from './trip.js';
import { guard } from '../../src/middleware/fetch.js';

const ATTACK = "1' OR '1'='1";
const opened: Array<Arena | Detector> = [];
afterEach(async () => {
  for (const x of opened.splice(0).reverse()) await x.close();
});

async function fresh(failMode: 'open' | 'closed' = 'closed'): Promise<{ arena: Arena; d: Detector }> {
  const arena = await createArena({ pools: createStandardPools({ small: { initialSlots: 4 }, medium: { initialSlots: 2 }, large: { initialSlots: 1 } }) });
  const d = await createDetector({ arena, failMode });
  opened.push(arena, d);
  return { arena, d };
}

function expectFailedClosed(r: ScanResult): void {
  expect(r.blocked).toBe(true);
  expect(r.threats.map((t) => t.ruleId)).toContain('internal.error');
}

/**
 * Corrupt every scan state block in the arena's memory (found by its "SCAN" magic) so the
 * next push traps inside the scanner itself: a carry length far past memory makes its
 * memory.copy go out of bounds, as a corrupted module would. Returns how many were hit.
 */
function corruptScanStates(arena: Arena): number {
  const { memory } = wasmOf(arena);
  const u32 = new Uint32Array(memory.buffer);
  const MAGIC = 0x5343414e; // state.ts STATE_MAGIC at ST_MAGIC = 28
  let hits = 0;
  for (let i = 7; i < u32.length; i++) {
    if (u32[i] !== MAGIC) continue;
    const base = (i - 7) * 4;
    if (base % 16 !== 0) continue; // state blocks start slot-aligned
    u32[(base + 64) >> 2] = 0x7fff0000; // ST_STAGES + SG_CARRY_LEN of stage 0
    hits++;
  }
  return hits;
}


/** Resolve to the response, or to 'timeout' if the guard takes longer than `ms`. */
async function within<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const t = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), ms); });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

describe('faults: detector', () => {
  it('a trap in an arena call during a scan: fail closed, arena and detector failing, and they stay closed', async () => {
    const { arena, d } = await fresh();
    injectFault(arena); // the detector's first scan acquires its slots: that acquire traps
    expectFailedClosed(d.scan('plain words'));
    expect(arena.healthCheck().status).toBe('failing');
    expect(d.healthCheck().status).toBe('failing');
    // Never "clean" afterwards, whatever the input.
    expectFailedClosed(d.scan('plain words'));
    expectFailedClosed(d.scan(ATTACK));
    const s = d.createStream({ context: 'body' });
    s.push('hello');
    expectFailedClosed(s.finish());
    expectFailedClosed(await d.analyzeRequest({ method: 'GET', url: '/?q=hello' }));
    expect(d.getStats().internalErrors).toBeGreaterThanOrEqual(5);
  });

  it('a trap in the middle of a stream (its release at finish) fails that stream closed', async () => {
    const { arena, d } = await fresh();
    expect(d.scan('warm up').blocked).toBe(false);
    const s = d.createStream({ context: 'body' });
    s.push('first half, ');
    injectFault(arena);
    s.push('second half');
    expectFailedClosed(s.finish());
    expect(arena.healthCheck().status).toBe('failing');
  });

  it("failMode 'open' lets the value through but still reports internal.error", async () => {
    const { arena, d } = await fresh('open');
    injectFault(arena);
    const r = d.scan(ATTACK);
    expect(r.blocked).toBe(false);
    expect(r.threats.map((t) => t.ruleId)).toEqual(['internal.error']);
  });

  // Was a bug until f1fa3a4: a trap inside the scanner failed that scan closed but left the
  // arena 'ok', and the detector went on scanning in the module that trapped.
  it('a trap inside the scanner itself (corrupted state) fails closed and marks the arena failing', async () => {
    const { arena, d } = await fresh();
    const s = d.createStream({ context: 'body' });
    s.push('first chunk ');
    expect(corruptScanStates(arena)).toBeGreaterThanOrEqual(1);
    s.push('second chunk'); // scanPush traps (out-of-bounds memory.copy)
    expectFailedClosed(s.finish());
    // A module that trapped cannot be trusted: the arena must say so, and later scans fail closed.
    expect(arena.healthCheck().status).toBe('failing');
    expectFailedClosed(d.scan('plain words'));
  });

  it('the engine test hook (a trap at the next scan call) fails closed and marks the arena failing', async () => {
    const { arena, d } = await fresh();
    expect(d.scan('warm up').blocked).toBe(false);
    d.injectScanFault();
    expectFailedClosed(d.scan('plain words'));
    expect(arena.healthCheck().status).toBe('failing');
  });

  // Was a bug until f1fa3a4: with its slots cached, the engine scanned without checking the
  // arena, so after a trap elsewhere the detector answered "clean" from the trapped module.
  it('a warm detector fails closed after a trap elsewhere: scans, open streams and health', async () => {
    const { arena, d } = await fresh();
    expect(d.scan('warm up').blocked).toBe(false); // slots cached
    const open = d.createStream({ context: 'body' });
    trip(arena);
    expectFailedClosed(d.scan('plain words'));
    open.push('more');
    expectFailedClosed(open.finish());
    expect(d.healthCheck().status).toBe('failing');
  });

  it('after a fault a fresh arena and detector scan correctly', async () => {
    const broken = await fresh();
    injectFault(broken.arena);
    expectFailedClosed(broken.d.scan('x'));
    const { arena, d } = await fresh();
    expect(d.scan('plain words')).toMatchObject({ blocked: false, threats: [] });
    expect(d.scan(ATTACK).blocked).toBe(true);
    expect(d.scan(ATTACK).threats.map((t) => t.ruleId)).not.toContain('internal.error');
    expect(d.healthCheck().status).toBe('ok');
    expect(arena.healthCheck().healthy).toBe(true);
  });
});

describe('faults: fetch guard', () => {
  const BENIGN = 'name=alice&comment=hello+world';
  const post = (body: string) => new Request('http://127.0.0.1/submit', {
    method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

  /** A body that arrives in three pieces with pauses: the fault can land mid-body. */
  function streamed(text: string): Request {
    const bytes = new TextEncoder().encode(text);
    const cuts = [0, bytes.length >> 2, bytes.length >> 1, bytes.length];
    let k = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(c) {
        if (k === 3) return c.close();
        await new Promise((r) => setTimeout(r, 1));
        c.enqueue(bytes.slice(cuts[k], cuts[k + 1]));
        k++;
      },
    });
    return new Request('http://127.0.0.1/submit', {
      method: 'POST', body, duplex: 'half', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    } as RequestInit);
  }

  // Was a bug: once the arena had trapped, Inspection.#store (tryAcquire) and
  // Inspection.release (lease.release) threw, so the handler rejected instead of answering 503.
  // Fixed in fe69542 and fa2d100.
  it('answers every request 200/403/503 while the arena traps mid-traffic: none hangs, no attack reaches the app; a new guard carries on', async () => {
    const { arena, d } = await fresh();
    const seen: string[] = [];
    const app = async (req: Request) => {
      seen.push(await req.text());
      return new Response('ok');
    };
    const handler = guard(app, { detector: d, arena, slotWaitMs: 20 });
    expect((await handler(post(BENIGN))).status).toBe(200); // initialised before the traffic

    const statuses: Array<number | 'timeout' | 'threw'> = [];
    const inFlight: Array<Promise<void>> = [];
    // 60 requests with bodies in pieces, a third of them attacks; the arena traps a few ms in.
    const fault = new Promise<void>((resolve) => setTimeout(() => { injectFault(arena); resolve(); }, 8));
    for (let i = 0; i < 60; i++) {
      const attack = i % 3 === 0;
      const body = attack ? `comment=${encodeURIComponent(ATTACK)}&n=${i}` : `${BENIGN}&n=${i}`;
      inFlight.push((async () => {
        const res = await within(handler(streamed(body)).catch(() => 'threw' as const), 10_000);
        const status = typeof res === 'string' ? res : res.status;
        statuses.push(status);
        if (typeof res !== 'string') await res.text();
        if (attack) expect(status, `attack ${i}`).not.toBe(200);
      })());
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 2));
    }
    await fault;
    await Promise.all(inFlight);
    expect(statuses).not.toContain('timeout');
    expect(statuses).not.toContain('threw');
    for (const s of statuses) expect([200, 403, 503]).toContain(s);
    expect(statuses).toContain(503);
    expect(arena.healthCheck().status).toBe('failing');
    // The application only ever saw benign bodies.
    for (const body of seen) expect(body.startsWith(BENIGN)).toBe(true);
    // Once failing, nothing passes.
    const after = await within(handler(post(BENIGN)).catch(() => 'threw' as const), 10_000);
    expect(typeof after === 'string' ? after : after.status).toBe(503);

    // The service builds a fresh arena and detector and carries on.
    const next = await fresh();
    const handler2 = guard(app, { detector: next.d, arena: next.arena });
    const ok = await within(handler2(post(BENIGN)), 10_000);
    const blocked = await within(handler2(post(`comment=${encodeURIComponent(ATTACK)}`)), 10_000);
    expect(ok === 'timeout' ? ok : ok.status).toBe(200);
    expect(blocked === 'timeout' ? blocked : blocked.status).toBe(403);
  });

  // The guard also checks its arenas itself (fa2d100).
  it('a GET after a trap elsewhere (warm detector) gets 503, the application is not called', async () => {
    const { arena, d } = await fresh();
    let called = 0;
    const handler = guard(() => { called++; return new Response('ok'); }, { detector: d, arena });
    expect((await handler(new Request('http://127.0.0.1/?q=warm'))).status).toBe(200);
    called = 0;
    trip(arena);
    const res = await within(handler(new Request('http://127.0.0.1/?q=hello')), 10_000);
    expect(res === 'timeout' ? res : res.status).toBe(503);
    expect(called).toBe(0);
  });

  it('a GET (no body) after the fault gets 503, not a pass', async () => {
    const { arena, d } = await fresh();
    let called = 0;
    const handler = guard(() => { called++; return new Response('ok'); }, { detector: d, arena });
    injectFault(arena);
    expect(d.scan('x').blocked).toBe(true); // trips the fault
    const res = await within(handler(new Request('http://127.0.0.1/?q=hello')), 10_000);
    expect(res === 'timeout' ? res : res.status).toBe(503);
    expect(called).toBe(0);
  });
});
