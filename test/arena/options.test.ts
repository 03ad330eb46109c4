import { describe, expect, it } from 'vitest';
import { createArena, createStandardPools, PoolExhaustedError } from '../../src/index.js';
import { smallArena } from './helpers.js';

describe('options', () => {
  const bad: [string, object, RegExp][] = [
    ['slotSize 0', { pools: [{ name: 'a', slotSize: 0 }] }, /pools\[0\]\.slotSize/],
    ['slotSize fractional', { pools: [{ name: 'a', slotSize: 1.5 }] }, /pools\[0\]\.slotSize/],
    ['maxSlots negative', { pools: [{ name: 'a', slotSize: 64, maxSlots: -1 }] }, /pools\[0\]\.maxSlots/],
    ['initialSlots above maxSlots', { pools: [{ name: 'a', slotSize: 64, initialSlots: 5, maxSlots: 4 }] }, /pools\[0\]\.initialSlots/],
    ['duplicate names', { pools: [{ name: 'a', slotSize: 64 }, { name: 'a', slotSize: 128 }] }, /pools\[1\]\.name/],
    ['no pools', { pools: [] }, /pools/],
    ['maxBytes negative', { maxBytes: -1 }, /maxBytes/],
    ['maxBytes NaN', { maxBytes: Number.NaN }, /maxBytes/],
    ['zeroOnRelease unknown', { zeroOnRelease: 'some' }, /zeroOnRelease/],
    ['autoShrink interval 0', { autoShrink: { intervalMs: 0 } }, /autoShrink\.intervalMs/],
    ['leakStackSampleRate above 1', { leakStackSampleRate: 2 }, /leakStackSampleRate/],
    ['maxWaiters negative', { maxWaiters: -1 }, /maxWaiters/],
    ['memoryGrowth unknown', { memoryGrowth: 'eager' }, /memoryGrowth/],
  ];
  for (const [what, options, name] of bad) {
    it(`rejects ${what} with a RangeError naming the option`, async () => {
      await expect(createArena(options as never)).rejects.toThrow(RangeError);
      await expect(createArena(options as never)).rejects.toThrow(name);
    });
  }

  it('a standard class given only maxSlots caps its default initialSlots; errors name the pool', async () => {
    const arena = await createArena({ pools: createStandardPools({ medium: { maxSlots: 6 } }), autoShrink: false });
    expect(arena.getPool('medium').getStats().maxSlots).toBe(6);
    await arena.close();
    await expect(createArena({ pools: createStandardPools({ medium: { maxSlots: 6, initialSlots: 9 } }) })).rejects.toThrow(/pools\[1\]\.initialSlots .* \(pool "medium"\)/);
  });

  it('rejects a wrong type with a TypeError', async () => {
    await expect(createArena({ maxBytes: '1' as never })).rejects.toThrow(TypeError);
  });

  it('honours 0 as a value: maxSlots 0 means no slot at all', async () => {
    const arena = await createArena({ pools: [{ name: 'none', slotSize: 64, maxSlots: 0 }], autoShrink: false });
    const pool = arena.getPool('none');
    expect(() => pool.acquire()).toThrow(PoolExhaustedError);
    expect(pool.tryAcquire()).toBe(null);
    expect(pool.getStats().capacity).toBe(0);
    await arena.close();
  });

  it('honours 0 as a value: initialSlots 0 maps nothing until first use', async () => {
    const arena = await createArena({ pools: [{ name: 'lazy', slotSize: 64, initialSlots: 0, maxSlots: 10 }], autoShrink: false });
    expect(arena.getStats().bytesReserved).toBe(0);
    const lease = arena.getPool('lazy').acquire();
    expect(arena.getPool('lazy').getStats().capacity).toBe(10);
    lease.release();
    await arena.close();
  });

  it('honours 0 as a value: maxBytes 0 is an arena that holds nothing', async () => {
    const arena = await createArena({ pools: [{ name: 'p', slotSize: 64 }], maxBytes: 0, autoShrink: false });
    expect(() => arena.getPool('p').acquire()).toThrow(/maxBytes/);
    await arena.close();
  });

  it('honours 0 as a value: acquireAsync with timeoutMs 0 does not wait', async () => {
    const arena = await createArena({ pools: [{ name: 'p', slotSize: 64, maxSlots: 0 }], autoShrink: false });
    await expect(arena.getPool('p').acquireAsync({ timeoutMs: 0 })).rejects.toThrow(PoolExhaustedError);
    await arena.close();
  });

  it('keeps maxSlots exact even when a slab holds more slots', async () => {
    const arena = await createArena({ pools: [{ name: 'p', slotSize: 1024, maxSlots: 3 }], autoShrink: false });
    const pool = arena.getPool('p');
    const leases = [pool.acquire(), pool.acquire(), pool.acquire()];
    expect(() => pool.acquire()).toThrow(/maxSlots/);
    for (const lease of leases) lease.release();
    await arena.close();
  });

  it('gives the standard size classes', async () => {
    const pools = createStandardPools();
    expect(pools.map((p) => [p.name, p.slotSize])).toEqual([['small', 1024], ['medium', 8192], ['large', 65536]]);
    const arena = await createArena({ autoShrink: false });
    expect(arena.poolFor(1).name).toBe('small');
    expect(arena.poolFor(1024).name).toBe('small');
    expect(arena.poolFor(1025).name).toBe('medium');
    expect(arena.poolFor(65536).name).toBe('large');
    expect(() => arena.poolFor(65537)).toThrow(RangeError);
    expect(() => arena.getPool('huge')).toThrow(/no pool named "huge"/);
    await arena.close();
  });

  it('lets the pools share maxBytes even when their maxSlots add up to more', async () => {
    const arena = await smallArena({ maxBytes: 1024 * 1024 });
    const large = arena.getPool('large');
    const held = [];
    for (;;) {
      const lease = large.tryAcquire();
      if (!lease) break;
      held.push(lease);
    }
    expect(held.length).toBeLessThan(16);
    expect(arena.getStats().bytesReserved).toBeLessThanOrEqual(1024 * 1024);
    for (const lease of held) lease.release();
    await arena.close();
  });
});
