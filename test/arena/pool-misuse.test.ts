// Red-team findings on the pools (session 18): each test failed on the code before its fix.
import { afterEach, describe, expect, it } from 'vitest';
import {
  ForeignLeaseError, Lease, LeaseReleasedError, PoolExhaustedError, createArena,
} from '../../src/index.js';
import { countsOf, sleep, smallArena } from './helpers.js';

// Hand-rolled stubs, not vi.spyOn: these tests also run in Deno through test/deno/vitest-shim.ts.
const realNow = Date.now;
const realSetTimeout = globalThis.setTimeout;
afterEach(() => {
  Date.now = realNow;
  globalThis.setTimeout = realSetTimeout;
});
/** Pin the clock the arena reads (Date.now) to `at`. */
const setClock = (at: number) => { Date.now = () => at; };

describe('release(buffer) after the slot went to someone else', () => {
  it('refuses a buffer from the previous lending and leaves the new holder alone', async () => {
    const arena = await createArena({ pools: [{ name: 'p', slotSize: 64, initialSlots: 4, maxSlots: 4 }], autoShrink: false });
    const pool = arena.getPool('p');
    const a = pool.acquire();
    const buf = a.bytes;
    pool.release(buf);
    const b = pool.acquire();
    expect(b.bytes.byteOffset).toBe(buf.byteOffset); // same slot (LIFO free list)
    expect(b.bytes).not.toBe(buf); // but not the same view object
    const before = countsOf(pool.getStats());
    expect(() => pool.release(buf)).toThrow(LeaseReleasedError);
    expect(countsOf(pool.getStats())).toEqual(before);
    expect(b.released).toBe(false);
    const c = pool.acquire();
    expect(c.bytes.byteOffset).not.toBe(b.bytes.byteOffset);
    pool.release(b.bytes); // the current holder's own buffer still releases
    expect(b.released).toBe(true);
    c.release();
    await arena.close();
  });

  it('refuses a view the caller made of a held slot with ForeignLeaseError, changing nothing', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('small');
    const lease = pool.acquire();
    const copy = new Uint8Array(lease.bytes.buffer, lease.bytes.byteOffset, lease.bytes.byteLength);
    const before = countsOf(pool.getStats());
    expect(() => pool.release(copy)).toThrow(ForeignLeaseError);
    expect(countsOf(pool.getStats())).toEqual(before);
    expect(lease.released).toBe(false);
    lease.release();
    await arena.close();
  });

  it('refuses a buffer whose slab was given back (shrink) with LeaseReleasedError, changing nothing', async () => {
    const arena = await createArena({
      pools: [{ name: 'p', slotSize: 1024, initialSlots: 0, maxSlots: 64 }, { name: 'q', slotSize: 2048, initialSlots: 0, maxSlots: 64 }],
      autoShrink: false,
    });
    const p = arena.getPool('p');
    const q = arena.getPool('q');
    const lease = p.acquire();
    const buf = lease.bytes;
    lease.release();
    expect(p.shrink(0)).toBe(1);
    const before = countsOf(p.getStats());
    // the slab is back with the arena: no slot of any pool lies there
    expect(() => p.release(buf)).toThrow(LeaseReleasedError);
    expect(countsOf(p.getStats())).toEqual(before);
    // the slab now lends another pool's slots: still this pool's stale buffer, and foreign to the other pool
    const other = q.acquire();
    expect(other.bytes.byteOffset).toBe(buf.byteOffset);
    expect(() => p.release(buf)).toThrow(LeaseReleasedError);
    expect(() => q.release(buf)).toThrow(ForeignLeaseError);
    expect(other.released).toBe(false);
    other.release();
    expect(q.shrink(0)).toBe(1);
    // and back to this pool, with a new holder at the same address: that holder is left alone
    const holder = p.acquire();
    expect(holder.bytes.byteOffset).toBe(buf.byteOffset);
    const held = countsOf(p.getStats());
    expect(() => p.release(buf)).toThrow(LeaseReleasedError);
    expect(countsOf(p.getStats())).toEqual(held);
    expect(holder.released).toBe(false);
    holder.release();
    await arena.close();
  });

  it('documented limit: two lendings later the old buffer is the holder\'s view again', async () => {
    const arena = await createArena({ pools: [{ name: 'p', slotSize: 64, initialSlots: 1, maxSlots: 1 }], autoShrink: false });
    const pool = arena.getPool('p');
    const first = pool.acquire();
    const buf = first.bytes;
    first.release();
    pool.acquire().release();
    const third = pool.acquire();
    expect(third.bytes).toBe(buf); // two views per slot, alternating: README and release() TSDoc say so
    third.release();
    await arena.close();
  });
});

describe('withBuffer whose callback released early', () => {
  it('does not release the slot of whoever holds the recycled lease object afterwards', async () => {
    const arena = await createArena({ pools: [{ name: 'p', slotSize: 64, initialSlots: 64, maxSlots: 64 }], autoShrink: false });
    const pool = arena.getPool('p');
    let gate!: () => void;
    const opened = new Promise<void>((resolve) => { gate = resolve; });
    let early: Lease | undefined;
    const done = pool.withBuffer(async (_bytes, lease) => {
      early = lease;
      lease.release();
      await opened;
      return 'ok';
    });
    for (let i = 0; i < 256; i++) pool.acquire().release();
    const victim = pool.acquire();
    expect(victim).toBe(early); // the lease object came out of quarantine to a new holder
    gate();
    expect(await done).toBe('ok');
    expect(victim.released).toBe(false);
    expect(pool.getStats().inUse).toBe(1);
    victim.release();
    await arena.close();
  });
});

describe('waiters blocked on maxBytes', () => {
  const twoPools = () => createArena({
    pools: [
      { name: 'a', slotSize: 65536, initialSlots: 0, maxSlots: 8 }, // one slot per slab
      { name: 'b', slotSize: 65536, initialSlots: 0, maxSlots: 8 },
    ],
    maxBytes: 65536, // one slab for the whole arena
    autoShrink: false,
  });

  it('are served when another pool\'s release empties a slab, before a newcomer', async () => {
    const arena = await twoPools();
    const a = arena.getPool('a');
    const b = arena.getPool('b');
    const held = b.acquire();
    const waiter = a.acquireAsync({ timeoutMs: 2000 });
    expect(a.getStats().waiting).toBe(1);
    held.release();
    expect(a.getStats().waiting).toBe(0);
    expect(a.tryAcquire()).toBeNull(); // the newcomer finds the slab taken by the waiter
    const lease = await waiter;
    expect(lease.released).toBe(false);
    lease.release();
    await arena.close();
  });

  it('count an exhaustion once per refused caller, not per retry for it', async () => {
    const arena = await twoPools();
    const a = arena.getPool('a');
    const b = arena.getPool('b');
    const held = b.acquire();
    const waiter = a.acquireAsync({ timeoutMs: 2000 });
    expect(a.getStats().exhaustions).toBe(1);
    arena.shrink(); // frees nothing, retries the waiter
    held.release(); // serves it
    (await waiter).release();
    expect(a.getStats().exhaustions).toBe(1);
    await arena.close();
  });
});

describe('exhaustions', () => {
  it('does not count an acquire that succeeded after taking back another pool\'s empty slab', async () => {
    const arena = await createArena({
      pools: [{ name: 'a', slotSize: 1024, maxSlots: 100 }, { name: 'b', slotSize: 1024, maxSlots: 100 }],
      maxBytes: 65536,
      autoShrink: false,
    });
    const a = arena.getPool('a');
    const b = arena.getPool('b');
    for (let i = 0; i < 3; i++) {
      b.acquire().release();
      a.acquire().release();
    }
    expect(a.getStats().exhaustions).toBe(0);
    expect(b.getStats().exhaustions).toBe(0);
    expect(arena.healthCheck().status).toBe('ok');
    await arena.close();
  });
});

describe('acquireAsync with a bad signal', () => {
  it('rejects with TypeError and leaves no timer behind to throw later', async () => {
    const arena = await createArena({ pools: [{ name: 'p', slotSize: 64, initialSlots: 1, maxSlots: 1 }], autoShrink: false });
    const pool = arena.getPool('p');
    const held = pool.acquire();
    let timersArmed = 0;
    globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
      timersArmed++;
      return realSetTimeout(...args);
    }) as typeof setTimeout;
    const bad = pool.acquireAsync({ signal: { aborted: false } as AbortSignal, timeoutMs: 20 });
    await expect(bad).rejects.toThrow(TypeError);
    await expect(bad).rejects.toThrow(/signal/);
    expect(timersArmed).toBe(0);
    globalThis.setTimeout = realSetTimeout;
    expect(pool.getStats().waiting).toBe(0);
    await sleep(40); // the old code's stray timer threw an uncaught TypeError here
    held.release();
    await arena.close();
  });

  it('rejects (never throws) for options that are not an object', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('small');
    let result: Promise<unknown> | undefined;
    expect(() => { result = pool.acquireAsync(null as never); }).not.toThrow();
    await expect(result).rejects.toThrow(TypeError);
    await arena.close();
  });
});

describe('healthCheck while a pool cannot serve', () => {
  it('is degraded when a pool at the shared maxBytes refuses acquires', async () => {
    const arena = await createArena({
      pools: [{ name: 'a', slotSize: 1024, maxSlots: 65536 }, { name: 'b', slotSize: 1024, maxSlots: 65536 }],
      maxBytes: 2 * 65536,
      autoShrink: false,
    });
    arena.getPool('b').acquire();
    const a = arena.getPool('a');
    for (let i = 0; i < 64; i++) a.acquire();
    expect(() => a.acquire()).toThrow(PoolExhaustedError);
    const report = arena.healthCheck();
    expect(report.status).toBe('degraded');
    expect(report.checks.find((c) => c.name === 'pool:a')!.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'pool:b')!.ok).toBe(true);
    await arena.close();
  });

  it('measures the arena against the maxBytes it can use (whole slabs)', async () => {
    const arena = await createArena({ pools: [{ name: 'p', slotSize: 1024, maxSlots: 100000 }], maxBytes: 120000, autoShrink: false });
    const p = arena.getPool('p');
    for (let i = 0; i < 64; i++) p.acquire(); // every slot of the one slab 120000 bytes allow
    expect(arena.healthCheck().checks.find((c) => c.name === 'arena-capacity')!.ok).toBe(false);
    await arena.close();
  });

  it('is degraded after a refused memory.grow, and ok again once refusals are old news', async () => {
    const now = Date.now();
    setClock(now);
    const arena = await smallArena();
    arena.setGrowLimitPages(arena.getStats().memoryPages);
    const large = arena.getPool('large');
    const first = large.acquire();
    expect(large.tryAcquire()).toBeNull();
    expect(arena.healthCheck().status).toBe('degraded');
    setClock(now + 5_000);
    expect(arena.healthCheck().status).toBe('degraded'); // within 10 s
    setClock(now + 11_000);
    expect(arena.healthCheck().status).toBe('ok'); // seen by the previous check, and over 10 s old
    first.release();
    await arena.close();
  });

  it('reports a refusal since the previous check even when checks are far apart', async () => {
    const now = Date.now();
    setClock(now);
    const arena = await createArena({ pools: [{ name: 'p', slotSize: 64, initialSlots: 1, maxSlots: 1 }], autoShrink: false });
    expect(arena.healthCheck().status).toBe('ok');
    setClock(now + 20_000);
    const held = arena.getPool('p').acquire();
    expect(arena.getPool('p').tryAcquire()).toBeNull();
    held.release();
    setClock(now + 50_000); // a probe every 30 s
    expect(arena.healthCheck().status).toBe('degraded');
    await arena.close();
  });

  it('is ok for an idle arena with a disabled (maxSlots 0) pool', async () => {
    const arena = await createArena({ pools: [{ name: 'disabled', slotSize: 1024, maxSlots: 0 }, { name: 'p', slotSize: 1024 }], autoShrink: false });
    expect(arena.healthCheck()).toMatchObject({ healthy: true, status: 'ok' });
    await arena.close();
  });
});

describe('error contract', () => {
  it('keeps a pool named "__proto__" in the stats and the health check', async () => {
    const arena = await createArena({ pools: [{ name: '__proto__', slotSize: 64, initialSlots: 1, maxSlots: 1 }, { name: 'x', slotSize: 128 }], autoShrink: false });
    arena.getPool('__proto__').acquire();
    const stats = arena.getStats();
    expect(Object.keys(stats.pools)).toEqual(['__proto__', 'x']);
    expect(stats.pools['__proto__']!.inUse).toBe(1);
    const check = arena.healthCheck().checks.find((c) => c.name === 'pool:__proto__');
    expect(check?.ok).toBe(false); // 1 of 1 in use
    await arena.close();
  });

  it('refuses an object made from Lease.prototype with ForeignLeaseError', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('small');
    expect(() => pool.release(Object.create(Lease.prototype) as Lease)).toThrow(ForeignLeaseError);
    await arena.close();
  });

  it('rejects leaks(null) with a TypeError that says what is wrong', async () => {
    const arena = await smallArena();
    expect(() => arena.getPool('small').leaks(null as never)).toThrow(/leaks options must be an object/);
    await arena.close();
  });

  it('does not call an empty Uint8Array detached', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('small');
    expect(() => pool.release(new Uint8Array(0))).toThrow(ForeignLeaseError);
    expect(() => pool.release(new Uint8Array(0))).not.toThrow(/detached/);
    await arena.close();
  });

  it('names the hole in a pools array', async () => {
    // eslint-disable-next-line no-sparse-arrays
    await expect(createArena({ pools: [, { name: 'x', slotSize: 64 }] as never })).rejects.toThrow(/pools\[0\] must be an object/);
  });

  it('rejects a maxBytes below one slab with a RangeError naming maxBytes (0 stays a value)', async () => {
    await expect(createArena({ pools: [{ name: 'x', slotSize: 64 }], maxBytes: 1000 })).rejects.toThrow(RangeError);
    await expect(createArena({ pools: [{ name: 'x', slotSize: 64 }], maxBytes: 65535 })).rejects.toThrow(/maxBytes/);
    const ok = await createArena({ pools: [{ name: 'x', slotSize: 64 }], maxBytes: 65536, autoShrink: false });
    ok.getPool('x').acquire().release();
    await ok.close();
  });

  it('callers of different pools waiting on maxBytes are served oldest first, not in the pools’ order', async () => {
    const S = 65536; // (one slot per slab)
    const arena = await createArena({ maxBytes: 2 * S, autoShrink: false, pools: ['a', 'b', 'c'].map((name) => ({ name, slotSize: S, initialSlots: 0, maxSlots: 2 })) });
    const held = [arena.getPool('a').acquire(), arena.getPool('a').acquire()]; // (the arena is full)
    const served: string[] = [];
    const c = arena.getPool('c').acquireAsync({ timeoutMs: 2000 }).then((l) => { served.push('c'); return l; });
    await sleep(5);
    const b = arena.getPool('b').acquireAsync({ timeoutMs: 2000 }).then((l) => { served.push('b'); return l; });
    held[0]!.release(); // one slab free: c came first
    const lc = await c;
    expect(served).toEqual(['c']);
    held[1]!.release();
    const lb = await b;
    expect(served).toEqual(['c', 'b']);
    lc.release(); lb.release();
    await arena.close();
  });

  it('after close, release(buffer) is a no-op, as lease.release() is', async () => {
    const arena = await createArena({ pools: [{ name: 'p', slotSize: 1024, initialSlots: 1, maxSlots: 128 }], autoShrink: false });
    const p = arena.getPool('p');
    const kept = p.acquire().bytes;
    await arena.close();
    expect(() => p.release(kept)).not.toThrow();
  });

  it('acquireAsync on a pool that can never lend rejects at once instead of waiting forever', async () => {
    const disabled = await createArena({ pools: [{ name: 'on', slotSize: 64 }, { name: 'off', slotSize: 128, initialSlots: 0, maxSlots: 0 }], autoShrink: false });
    await expect(disabled.getPool('off').acquireAsync()).rejects.toMatchObject({ reason: 'maxSlots' });
    expect(() => disabled.poolFor(100)).toThrow(/can be lent/); // (passed over: it never lends)
    await disabled.close();
    const empty = await createArena({ pools: [{ name: 'p', slotSize: 64, initialSlots: 0 }], maxBytes: 0, autoShrink: false });
    await expect(empty.getPool('p').acquireAsync()).rejects.toBeInstanceOf(PoolExhaustedError);
    // (an arena that holds nothing on purpose is not under pressure)
    expect(empty.healthCheck().checks.find((c) => c.name === 'arena-capacity')?.ok).toBe(true);
    await empty.close();
  });

  it('refuses to write a string (it would copy as zeros) with a TypeError', async () => {
    const arena = await smallArena();
    const lease = arena.getPool('small').acquire();
    expect(() => lease.write('abc' as never)).toThrow(TypeError);
    expect(() => lease.write(null as never)).toThrow(/write\(\) takes bytes/);
    expect(lease.write([1, 2, 3])).toBe(3);
    lease.release();
    await arena.close();
  });
});
