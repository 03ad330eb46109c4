// Node only: needs global.gc (vitest runs the node project with --expose-gc).
import { describe, expect, it } from 'vitest';
import type { LeakReport } from '../../src/index.js';
import { sleep, smallArena } from './helpers.js';

const gc = (globalThis as { gc?: () => void }).gc;

async function collectUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) {
    gc!();
    await sleep(10);
  }
}

describe('leak detection through FinalizationRegistry', () => {
  it('reports a lease collected without release, with its acquisition stack, and reclaims the slot', async () => {
    expect(typeof gc).toBe('function');
    const leaks: LeakReport[] = [];
    const arena = await smallArena({ onLeak: (report) => leaks.push(report), leakStackSampleRate: 1 });
    const pool = arena.getPool('small');
    (function leak() {
      const lease = pool.acquire();
      lease.bytes.fill(0x41);
    })();
    expect(pool.getStats().inUse).toBe(1);
    await collectUntil(() => leaks.length > 0);
    expect(leaks.length).toBe(1);
    expect(leaks[0]).toMatchObject({ pool: 'small', kind: 'gc' });
    expect(leaks[0]!.stack).toContain('leak');
    const stats = pool.getStats();
    expect(stats.leaksDetected).toBe(1);
    expect(stats.inUse).toBe(0);
    const again = pool.acquire();
    expect(again.bytes.every((b) => b === 0)).toBe(true); // reclaimed and zeroed
    again.release();
    await arena.close();
  });

  it('an async onLeak that rejects changes nothing: the slot is reclaimed, no unhandled rejection (red team round 5)', async () => {
    const unhandled: unknown[] = [];
    const watch = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', watch);
    try {
      let reports = 0;
      const arena = await smallArena({ onLeak: async () => { reports++; throw new Error('alerting failed'); } });
      const pool = arena.getPool('small');
      (function leak() { pool.acquire().bytes.fill(1); })();
      await collectUntil(() => reports > 0);
      await sleep(20);
      expect(reports).toBe(1);
      expect(pool.getStats()).toMatchObject({ inUse: 0, leaksDetected: 1 });
      expect(unhandled).toEqual([]);
      await arena.close();
    } finally {
      process.off('unhandledRejection', watch);
    }
  });

  it('does not report leases that were released', async () => {
    const leaks: LeakReport[] = [];
    const arena = await smallArena({ onLeak: (report) => leaks.push(report) });
    const pool = arena.getPool('small');
    (function use() {
      for (let i = 0; i < 1000; i++) pool.acquire().release();
    })();
    for (let i = 0; i < 5; i++) {
      gc!();
      await sleep(10);
    }
    expect(leaks.length).toBe(0);
    expect(pool.getStats().leaksDetected).toBe(0);
    await arena.close();
  });
});

describe('an arena dropped without close()', () => {
  it('is collected with its wasm memory: its timers hold it only weakly (browsers have no unref)', async () => {
    let collected = false;
    const watch = new FinalizationRegistry(() => { collected = true; }); // (a WeakRef made here would keep it for the job)
    await (async function drop() {
      const arena = await smallArena({ autoShrink: { intervalMs: 5 } });
      arena.getPool('small').acquire().release();
      watch.register(arena, 'arena');
    })();
    await sleep(20); // both timers have ticked
    await collectUntil(() => collected);
    expect(collected).toBe(true);
  });
});
