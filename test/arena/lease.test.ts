import { describe, expect, it } from 'vitest';
import {
  ArenaClosedError, ForeignLeaseError, LeaseReleasedError, Lease, PoolExhaustedError,
} from '../../src/index.js';
import { wasmOf, injectFault } from '../../src/internal.js';
import { countsOf, smallArena } from './helpers.js';

const SECRET = new TextEncoder().encode('Authorization: Bearer hunter2');

describe('leases', () => {
  it('hands out zeroed slots of exactly slotSize bytes', async () => {
    const arena = await smallArena();
    const lease = arena.getPool('small').acquire();
    expect(lease.bytes.length).toBe(1024);
    expect(lease.bytes.every((b) => b === 0)).toBe(true);
    lease.release();
    await arena.close();
  });

  it('never lets a secret reach the next holder of the slot', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('small');
    const first = pool.acquire();
    first.bytes.set(SECRET);
    first.bytes[1023] = 0xff;
    const address = first.bytes.byteOffset;
    first.release();
    const second = pool.acquire();
    expect(second.bytes.byteOffset).toBe(address); // the same slot came back
    expect(second.bytes.every((b) => b === 0)).toBe(true);
    second.release();
    await arena.close();
  });

  it("zeroOnRelease 'used' zeroes what write() touched", async () => {
    const arena = await smallArena({ zeroOnRelease: 'used' });
    const pool = arena.getPool('small');
    const lease = pool.acquire();
    expect(lease.write(SECRET, 10)).toBe(10 + SECRET.length);
    lease.release();
    const again = pool.acquire();
    expect(again.bytes.every((b) => b === 0)).toBe(true);
    again.release();
    await arena.close();
  });

  it("zeroOnRelease 'used' treats reading bytes as touching the whole slot", async () => {
    const arena = await smallArena({ zeroOnRelease: 'used' });
    const pool = arena.getPool('small');
    const lease = pool.acquire();
    lease.bytes[1000] = 9;
    lease.release();
    const again = pool.acquire();
    expect(again.bytes[1000]).toBe(0);
    again.release();
    await arena.close();
  });

  it("zeroOnRelease 'none' keeps bytes (an explicit opt-out)", async () => {
    const arena = await smallArena({ zeroOnRelease: 'none' });
    const pool = arena.getPool('small');
    const lease = pool.acquire();
    lease.bytes[0] = 42;
    lease.release();
    const again = pool.acquire();
    expect(again.bytes[0]).toBe(42);
    again.release();
    await arena.close();
  });

  it('rejects a write past the slot with a RangeError', async () => {
    const arena = await smallArena();
    const lease = arena.getPool('small').acquire();
    expect(() => lease.write(new Uint8Array(1025))).toThrow(RangeError);
    expect(() => lease.write(new Uint8Array(1), -1)).toThrow(RangeError);
    lease.release();
    await arena.close();
  });

  it('refuses what would be cut to one byte per element, writing nothing (session 28)', async () => {
    const arena = await smallArena();
    const lease = arena.getPool('small').acquire();
    expect(() => lease.write(new Uint16Array([0x1234]))).toThrow(/Uint16Array would be cut to one byte per element/);
    expect(() => lease.write(new Float64Array([1.5]))).toThrow(TypeError);
    expect(() => lease.write([300])).toThrow('write(): element 0 is 300, not a byte (an integer from 0 to 255)');
    for (const bad of [[-1], [1.5], [Number.NaN], ['7' as unknown as number]]) expect(() => lease.write(bad)).toThrow(RangeError);
    expect(Array.from(lease.bytes.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    expect(lease.write([1, 255, 0])).toBe(3);
    expect(lease.write(new Int8Array([-1]), 3)).toBe(4); // (two's complement: a byte as signed)
    expect(Array.from(lease.bytes.subarray(0, 4))).toEqual([1, 255, 0, 255]);
    lease.release();
    await arena.close();
  });

  it('keeps a lease readable with its data after the memory grows', async () => {
    const arena = await smallArena();
    const lease = arena.getPool('small').acquire();
    lease.bytes.set(SECRET);
    const pagesBefore = arena.getStats().memoryPages;
    const large = arena.getPool('large');
    const held = Array.from({ length: 10 }, () => large.acquire());
    expect(arena.getStats().memoryPages).toBeGreaterThan(pagesBefore);
    expect(lease.bytes.length).toBe(1024);
    expect(Array.from(lease.bytes.subarray(0, SECRET.length))).toEqual(Array.from(SECRET));
    lease.bytes[5] = 1; // and writable through the refreshed view
    expect(lease.bytes[5]).toBe(1);
    for (const h of held) expect(h.bytes.length).toBe(65536);
    for (const h of held) h.release();
    lease.release();
    await arena.close();
  });

  it("with memoryGrowth 'reserve', keeps even a Uint8Array held from before other acquires alive", async () => {
    const arena = await smallArena({ memoryGrowth: 'reserve' });
    const pagesAtStart = arena.getStats().memoryPages;
    const lease = arena.getPool('small').acquire();
    const kept = lease.bytes;
    kept.set(SECRET);
    const held = Array.from({ length: 10 }, () => arena.getPool('large').acquire());
    expect(arena.getStats().memoryPages).toBe(pagesAtStart);
    expect(kept.length).toBe(1024);
    expect(Array.from(kept.subarray(0, SECRET.length))).toEqual(Array.from(SECRET));
    expect(arena.getStats().bytesReserved).toBe(11 * 65536); // slabs are still mapped one at a time: 10 large + 1 small
    for (const h of held) h.release();
    lease.release();
    await arena.close();
  });

  it('reports a double release and a use after release, without touching the stats', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('small');
    const lease = pool.acquire();
    lease.release();
    const before = countsOf(pool.getStats());
    expect(() => lease.release()).toThrow(LeaseReleasedError);
    expect(() => lease.bytes).toThrow(LeaseReleasedError);
    expect(() => lease.write([1])).toThrow(LeaseReleasedError);
    expect(() => pool.release(lease)).toThrow(LeaseReleasedError);
    expect(countsOf(pool.getStats())).toEqual(before);
    try {
      lease.release();
    } catch (error) {
      expect((error as LeaseReleasedError).code).toBe('LEASE_RELEASED');
    }
    await arena.close();
  });

  it('detects a stale lease even after its slot went to someone else', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('small');
    const stale = pool.acquire();
    const address = stale.bytes.byteOffset;
    stale.release();
    const current = pool.acquire();
    expect(current.bytes.byteOffset).toBe(address);
    expect(current).not.toBe(stale); // lease objects are quarantined before reuse
    expect(() => stale.release()).toThrow(LeaseReleasedError);
    expect(current.released).toBe(false);
    expect(pool.getStats().inUse).toBe(1);
    current.release();
    await arena.close();
  });

  it('rejects a lease of another pool or arena, and buffers not from a slot, leaving the stats alone', async () => {
    const arena = await smallArena();
    const other = await smallArena();
    const small = arena.getPool('small');
    const ownLarge = arena.getPool('large').acquire();
    const foreign = other.getPool('small').acquire();
    const before = countsOf(small.getStats());
    expect(() => small.release(ownLarge)).toThrow(ForeignLeaseError);
    expect(() => small.release(foreign)).toThrow(ForeignLeaseError);
    expect(() => small.release(foreign)).toThrow(`lease of another arena's pool "small" released to this arena's pool "small"`);
    expect(() => small.release(ownLarge)).toThrow('lease of pool "large" released to pool "small"');
    expect(() => small.release(new Uint8Array(1024))).toThrow(ForeignLeaseError);
    expect(() => small.release(foreign.bytes)).toThrow(ForeignLeaseError);
    expect(() => small.release({} as Lease)).toThrow(ForeignLeaseError);
    expect(countsOf(small.getStats())).toEqual(before);
    try {
      small.release(foreign);
    } catch (error) {
      expect((error as ForeignLeaseError).code).toBe('FOREIGN_LEASE');
    }
    expect(foreign.released).toBe(false);
    ownLarge.release();
    foreign.release();
    await arena.close();
    await other.close();
  });

  it('releases by buffer, the way the original API did, in any slab', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('small');
    const leases = Array.from({ length: 130 }, () => pool.acquire()); // three slabs
    for (const lease of leases.slice().reverse()) pool.release(lease.bytes);
    expect(leases.every((lease) => lease.released)).toBe(true);
    expect(pool.getStats().inUse).toBe(0);
    await arena.close();
  });

  it('refuses a buffer that is inside the arena but not exactly a slot of the pool', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('small');
    const lease = pool.acquire();
    const { buffer, byteOffset } = lease.bytes;
    expect(() => pool.release(new Uint8Array(buffer, byteOffset + 16, 1024))).toThrow(ForeignLeaseError);
    expect(() => pool.release(new Uint8Array(buffer, byteOffset, 512))).toThrow(ForeignLeaseError);
    expect(() => pool.release(new Uint8Array(buffer, 0, 1024))).toThrow(ForeignLeaseError);
    const large = arena.getPool('large').acquire();
    expect(() => pool.release(new Uint8Array(buffer, large.bytes.byteOffset, 1024))).toThrow(ForeignLeaseError);
    expect(lease.released).toBe(false);
    lease.release();
    large.release();
    await arena.close();
  });

  it('releases at the end of a using block, and tolerates a manual release inside it', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('small');
    {
      using lease = pool.acquire();
      lease.bytes[0] = 1;
      expect(pool.getStats().inUse).toBe(1);
    }
    expect(pool.getStats().inUse).toBe(0);
    {
      using lease = pool.acquire();
      lease.release();
    }
    expect(pool.getStats().releases).toBe(2);
    await arena.close();
  });

  it('counts acquires, releases, peak and exhaustions', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('large');
    const held = [];
    for (;;) {
      try {
        held.push(pool.acquire());
      } catch (error) {
        expect(error).toBeInstanceOf(PoolExhaustedError);
        expect((error as PoolExhaustedError).code).toBe('POOL_EXHAUSTED');
        break;
      }
    }
    const stats = pool.getStats();
    expect(stats.inUse).toBe(16);
    expect(stats.peakInUse).toBe(16);
    expect(stats.exhaustions).toBe(1);
    expect(stats.free).toBe(0);
    expect(stats.utilization).toBe(1);
    for (const lease of held) lease.release();
    const after = pool.getStats();
    expect(after.acquires).toBe(16);
    expect(after.releases).toBe(16);
    expect(after.inUse).toBe(0);
    expect(after.peakInUse).toBe(16);
    await arena.close();
  });

  it('keeps the wasm runtime heap out of the arena', async () => {
    const arena = await smallArena();
    const { exports } = wasmOf(arena);
    const header = exports.arenaHeader();
    expect(exports.runtimeProbe()).toBeLessThan(header);
    expect(exports.heapBase()).toBeLessThan(header);
    const lease = arena.getPool('small').acquire();
    expect(lease.bytes.byteOffset).toBeGreaterThanOrEqual(exports.headerField(32 /* H_META_END */));
    lease.release();
    await arena.close();
  });

  it('traps on the very next acquire after injectFault, fast path or not', async () => {
    const arena = await smallArena();
    injectFault(arena);
    expect(() => arena.getPool('small').acquire()).toThrow(ArenaClosedError);
    expect(arena.healthCheck().status).toBe('failing');
    await arena.close();
  });

  it('turns a wasm trap into an unhealthy arena that refuses work', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('small');
    const held = pool.acquire();
    injectFault(arena);
    expect(() => held.release()).toThrow(ArenaClosedError);
    expect(() => pool.acquire()).toThrow(/faulted/);
    const health = arena.healthCheck();
    expect(health.healthy).toBe(false);
    expect(health.status).toBe('failing');
    await arena.close();
  });

  it('refuses work after close and reads stats that stay numbers', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('small');
    const held = pool.acquire();
    await arena.close();
    expect(() => pool.acquire()).toThrow(ArenaClosedError);
    expect(() => held.bytes).toThrow(ArenaClosedError);
    expect(() => held.release()).not.toThrow();
    expect(() => held.release()).toThrow(LeaseReleasedError);
    expect(arena.healthCheck().status).toBe('failing');
    expect(typeof arena.getStats().pools.small!.acquires).toBe('number');
  });
});
