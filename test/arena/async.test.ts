import { describe, expect, it } from 'vitest';
import { AcquireAbortedError, ArenaClosedError, PoolExhaustedError, createArena } from '../../src/index.js';
import { sleep, smallArena } from './helpers.js';

const onePool = (extra = {}) =>
  createArena({ pools: [{ name: 'one', slotSize: 128, initialSlots: 1, maxSlots: 1 }], autoShrink: false, ...extra });

describe('waiting for a slot', () => {
  it('acquireAsync waits for a release', async () => {
    const arena = await onePool();
    const pool = arena.getPool('one');
    const held = pool.acquire();
    held.bytes[0] = 7;
    let settled = false;
    const waiting = pool.acquireAsync({ timeoutMs: 5_000 }).then((lease) => {
      settled = true;
      return lease;
    });
    await sleep(10);
    expect(settled).toBe(false);
    expect(pool.getStats().waiting).toBe(1);
    held.release();
    const lease = await waiting;
    expect(lease.bytes[0]).toBe(0);
    expect(pool.getStats().waiting).toBe(0);
    lease.release();
    await arena.close();
  });

  it('acquireAsync times out with PoolExhaustedError and leaves no waiter behind', async () => {
    const arena = await onePool();
    const pool = arena.getPool('one');
    const held = pool.acquire();
    const error = await pool.acquireAsync({ timeoutMs: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PoolExhaustedError);
    expect((error as PoolExhaustedError).reason).toBe('timeout');
    expect(pool.getStats().waiting).toBe(0);
    held.release();
    expect(pool.getStats().inUse).toBe(0);
    await arena.close();
  });

  it('acquireAsync honours an AbortSignal, before and while waiting', async () => {
    const arena = await onePool();
    const pool = arena.getPool('one');
    const held = pool.acquire();
    await expect(pool.acquireAsync({ signal: AbortSignal.abort() })).rejects.toThrow(AcquireAbortedError);
    const controller = new AbortController();
    const waiting = pool.acquireAsync({ signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toThrow(AcquireAbortedError);
    held.release();
    expect(pool.getStats().inUse).toBe(0);
    await arena.close();
  });

  it('bounds the wait queue', async () => {
    const arena = await onePool({ maxWaiters: 2 });
    const pool = arena.getPool('one');
    const held = pool.acquire();
    const a = pool.acquireAsync();
    const b = pool.acquireAsync();
    const error = await pool.acquireAsync().catch((e: unknown) => e);
    expect((error as PoolExhaustedError).reason).toBe('waitQueueFull');
    held.release();
    (await a).release();
    (await b).release();
    await arena.close();
  });

  it('rejects waiters when the arena closes', async () => {
    const arena = await onePool();
    const pool = arena.getPool('one');
    pool.acquire();
    const waiting = pool.acquireAsync();
    await arena.close();
    await expect(waiting).rejects.toThrow(ArenaClosedError);
  });

  it('rejects a bad timeoutMs with a RangeError, as a rejected promise (a .catch() sees it)', async () => {
    const arena = await onePool();
    let result: Promise<unknown> | undefined;
    expect(() => { result = arena.getPool('one').acquireAsync({ timeoutMs: -5 }); }).not.toThrow();
    await expect(result).rejects.toThrow(RangeError);
    await expect(result).rejects.toThrow(/timeoutMs/);
    await arena.close();
  });
});

describe('withBuffer', () => {
  it('releases only after the async work settled', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('small');
    let inUseDuringWork = -1;
    const result = await pool.withBuffer(async (bytes) => {
      bytes[0] = 3;
      await sleep(5);
      inUseDuringWork = pool.getStats().inUse;
      return bytes[0];
    });
    expect(result).toBe(3);
    expect(inUseDuringWork).toBe(1);
    expect(pool.getStats().inUse).toBe(0);
    await arena.close();
  });

  it('releases when the work rejects, and passes the error on', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('small');
    await expect(pool.withBuffer(async () => {
      await sleep(1);
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(pool.getStats().inUse).toBe(0);
    expect(pool.getStats().releases).toBe(1);
    await arena.close();
  });

  it('does not double-release when the work released the lease itself', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('small');
    await pool.withBuffer((_bytes, lease) => lease.release());
    expect(pool.getStats().releases).toBe(1);
    await arena.close();
  });

  it('waits for a slot when given options', async () => {
    const arena = await onePool();
    const pool = arena.getPool('one');
    const held = pool.acquire();
    setTimeout(() => held.release(), 5);
    expect(await pool.withBuffer((bytes) => bytes.length, { timeoutMs: 2_000 })).toBe(128);
    await arena.close();
  });
});
