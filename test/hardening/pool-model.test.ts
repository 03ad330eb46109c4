// Model-based test: random command sequences against the real arena, checked
// step by step against a plain model. Shared: runs in Node, Chromium and Deno.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ArenaClosedError, createArena, ForeignLeaseError, LeaseReleasedError, PoolExhaustedError, type Arena, type Lease,
} from '../../src/index.js';
import { wasmOf } from '../../src/internal.js';

const POOLS = [
  { name: 'tiny', slotSize: 48, initialSlots: 0, maxSlots: 5 },
  { name: 'small', slotSize: 1024, initialSlots: 2, maxSlots: 70 },
  { name: 'big', slotSize: 65536, initialSlots: 0, maxSlots: 3 },
] as const;
type PoolName = (typeof POOLS)[number]['name'];

interface Model {
  held: Map<PoolName, Lease[]>;
  released: Lease[];
  acquires: Record<PoolName, number>;
  releases: Record<PoolName, number>;
}
interface Real {
  arena: Arena;
  other: Arena;
}

const zero = () => ({ tiny: 0, small: 0, big: 0 });

/** Every held slot distinct, counts equal to the model's. */
function checkInvariants(m: Model, r: Real): void {
  const addresses = new Set<number>();
  let held = 0;
  for (const { name } of POOLS) {
    const stats = r.arena.getPool(name).getStats();
    const leases = m.held.get(name)!;
    expect(stats.inUse).toBe(leases.length);
    expect(stats.acquires).toBe(m.acquires[name]);
    expect(stats.releases).toBe(m.releases[name]);
    expect(stats.inUse + stats.free).toBe(stats.capacity);
    expect(stats.capacity).toBeLessThanOrEqual(POOLS.find((p) => p.name === name)!.maxSlots);
    for (const lease of leases) {
      addresses.add(lease.bytes.byteOffset);
      held++;
    }
  }
  expect(addresses.size).toBe(held);
  const arenaStats = r.arena.getStats();
  expect(arenaStats.bytesReserved + arenaStats.bytesFree).toBeLessThanOrEqual(r.arena.maxBytes);
  // Wasm memory never reaches past the last slab maxBytes allows.
  const slabBase = wasmOf(r.arena).exports.headerField(24 /* H_SLAB_BASE */) as number;
  expect(arenaStats.memoryPages * 65536).toBeLessThanOrEqual(slabBase + r.arena.maxBytes);
}

/** A fresh slot holds only zeros; then the holder writes a secret over all of it. */
function takeOver(lease: Lease, seed: number): void {
  const bytes = lease.bytes;
  expect(bytes.every((b) => b === 0)).toBe(true);
  bytes.fill((seed % 255) + 1);
}

const poolArb = fc.constantFrom<PoolName>('tiny', 'small', 'big');

class Acquire implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pool: PoolName, readonly mode: 'acquire' | 'tryAcquire' | 'acquireAsync', readonly seed: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const pool = r.arena.getPool(this.pool);
    const full = m.held.get(this.pool)!.length >= POOLS.find((p) => p.name === this.pool)!.maxSlots;
    let lease: Lease | null = null;
    if (this.mode === 'acquire') {
      try {
        lease = pool.acquire();
      } catch (error) {
        expect(error).toBeInstanceOf(PoolExhaustedError);
      }
    } else if (this.mode === 'tryAcquire') {
      lease = pool.tryAcquire();
    } else {
      lease = await pool.acquireAsync({ timeoutMs: 1 }).catch((error: unknown) => {
        expect(error).toBeInstanceOf(PoolExhaustedError);
        return null;
      });
    }
    // Exhaustion only when the pool is at maxSlots or the arena at maxBytes.
    if (lease === null) expect(full || r.arena.getStats().bytesReserved + 65536 > r.arena.maxBytes).toBe(true);
    else {
      takeOver(lease, this.seed);
      m.held.get(this.pool)!.push(lease);
      m.acquires[this.pool]++;
    }
    checkInvariants(m, r);
  }
  toString = () => `${this.mode}(${this.pool})`;
}

class Release implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pool: PoolName, readonly index: number, readonly how: 'lease' | 'pool' | 'bytes') {}
  check = (m: Readonly<Model>) => m.held.get(this.pool)!.length > 0;
  async run(m: Model, r: Real) {
    const leases = m.held.get(this.pool)!;
    const [lease] = leases.splice(this.index % leases.length, 1);
    if (this.how === 'lease') lease!.release();
    else if (this.how === 'pool') r.arena.getPool(this.pool).release(lease!);
    else r.arena.getPool(this.pool).release(lease!.bytes);
    m.releases[this.pool]++;
    m.released.push(lease!);
    checkInvariants(m, r);
  }
  toString = () => `release#${this.index}(${this.pool}, ${this.how})`;
}

class WithBuffer implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pool: PoolName, readonly seed: number) {}
  check = (m: Readonly<Model>) => m.held.get(this.pool)!.length < POOLS.find((p) => p.name === this.pool)!.maxSlots;
  async run(m: Model, r: Real) {
    const pool = r.arena.getPool(this.pool);
    const ok = await pool
      .withBuffer(async (bytes) => {
        expect(bytes.every((b) => b === 0)).toBe(true);
        bytes.fill(this.seed & 0xff || 1);
        await Promise.resolve();
        expect(pool.getStats().inUse).toBe(m.held.get(this.pool)!.length + 1);
        return true;
      })
      .catch((error: unknown) => {
        expect(error).toBeInstanceOf(PoolExhaustedError); // arena at maxBytes
        return false;
      });
    if (ok) {
      m.acquires[this.pool]++;
      m.releases[this.pool]++;
    }
    checkInvariants(m, r);
  }
  toString = () => `withBuffer(${this.pool})`;
}

class Misuse implements fc.AsyncCommand<Model, Real> {
  constructor(readonly kind: 'double' | 'foreign-pool' | 'foreign-arena' | 'after-release', readonly pool: PoolName) {}
  check = (m: Readonly<Model>) =>
    this.kind === 'double' || this.kind === 'after-release' ? m.released.length > 0 : m.held.get(this.pool)!.length > 0;
  async run(m: Model, r: Real) {
    const before = JSON.stringify(r.arena.getStats());
    if (this.kind === 'double') expect(() => m.released.at(-1)!.release()).toThrow(LeaseReleasedError);
    else if (this.kind === 'after-release') expect(() => m.released.at(-1)!.bytes).toThrow(LeaseReleasedError);
    else if (this.kind === 'foreign-pool') {
      const lease = m.held.get(this.pool)![0]!;
      const other = POOLS.find((p) => p.name !== this.pool)!.name;
      expect(() => r.arena.getPool(other).release(lease)).toThrow(ForeignLeaseError);
    } else {
      const lease = m.held.get(this.pool)![0]!;
      expect(() => r.other.getPool(this.pool).release(lease)).toThrow(ForeignLeaseError);
    }
    expect(JSON.stringify(r.arena.getStats())).toBe(before);
    checkInvariants(m, r);
  }
  toString = () => `misuse:${this.kind}(${this.pool})`;
}

class Shrink implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    r.arena.shrink();
    for (const { name, initialSlots } of POOLS) {
      const stats = r.arena.getPool(name).getStats();
      expect(stats.capacity).toBeGreaterThanOrEqual(Math.max(stats.inUse, Math.min(initialSlots, stats.capacity)));
    }
    checkInvariants(m, r);
  }
  toString = () => 'shrink';
}

const commands = [
  fc.tuple(poolArb, fc.constantFrom('acquire', 'tryAcquire', 'acquireAsync' as const), fc.nat()).map(([p, mode, s]) => new Acquire(p, mode, s)),
  fc.tuple(poolArb, fc.nat(), fc.constantFrom('lease', 'pool', 'bytes' as const)).map(([p, i, how]) => new Release(p, i, how)),
  fc.tuple(poolArb, fc.nat()).map(([p, s]) => new WithBuffer(p, s)),
  fc.tuple(fc.constantFrom('double', 'foreign-pool', 'foreign-arena', 'after-release' as const), poolArb).map(([k, p]) => new Misuse(k, p)),
  fc.constant(new Shrink()),
];

const runs = Number((globalThis as { process?: { env?: Record<string, string> } }).process?.env?.ARENAGUARD_MODEL_RUNS ?? 2000);

/**
 * Failing sequences fast-check found, replayed on every test run. When the
 * property fails, fast-check prints the counterexample: add it here with the fix.
 */
const REGRESSIONS: { note: string; commands: () => fc.AsyncCommand<Model, Real>[] }[] = [
  // Found while writing this test, with zeroing switched off on purpose: the
  // second withBuffer on a pool saw the first holder's bytes.
  { note: 'slot reused without zeroing', commands: () => [new WithBuffer('big', 0), new WithBuffer('big', 0)] },
  { note: 'double release after the slot was re-acquired', commands: () => [
    new Acquire('small', 'acquire', 1), new Release('small', 0, 'lease'), new Acquire('small', 'acquire', 2),
    new Misuse('double', 'small'), new Misuse('after-release', 'small'),
  ] },
];

/**
 * One arena pair serves every run (browsers cap how many wasm memories a page
 * may hold before the garbage collector frees them), so the model starts from
 * the counts the arena has when a sequence begins.
 */
async function runSequence(real: Real, cmds: Iterable<fc.AsyncCommand<Model, Real>>): Promise<void> {
  const { arena } = real;
  const counts = (key: 'acquires' | 'releases') =>
    Object.fromEntries(POOLS.map(({ name }) => [name, arena.getPool(name).getStats()[key]])) as Record<PoolName, number>;
  const model: Model = { held: new Map(POOLS.map((p) => [p.name, []])), released: [], acquires: counts('acquires'), releases: counts('releases') };
  try {
    await fc.asyncModelRun(() => ({ model, real }), cmds);
  } finally {
    // Release everything and give slabs back: the next sequence starts from an empty arena.
    for (const [name, leases] of model.held) for (const lease of leases.splice(0)) {
      lease.release();
      model.releases[name]++;
    }
    arena.shrink();
  }
  checkInvariants(model, real);
}

describe('pool model', () => {
  const options = { pools: POOLS.map((p) => ({ ...p })), maxBytes: 6 * 65536, autoShrink: false as const };

  it(`matches the model over ${runs} random command sequences`, async () => {
    const real = { arena: await createArena(options), other: await createArena(options) };
    try {
      await fc.assert(fc.asyncProperty(fc.commands(commands, { maxCommands: 60 }), (cmds) => runSequence(real, cmds)), {
        numRuns: runs,
        verbose: 1,
      });
    } finally {
      await real.arena.close();
      await real.other.close();
    }
  }, 120_000); // (5 s alone, 9 s on a loaded machine: the timeout only catches a hang)

  // close() at a random point of a random sequence: from then on every acquire is refused
  // with ArenaClosedError, held leases release once without error (then report a double
  // release), their bytes are refused, waiters are rejected, and the counters stay frozen.
  // A fresh arena per run (fewer runs: browsers cap live wasm memories before GC frees them).
  it('closes cleanly at any point of a random sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30 }), fc.constantFrom<PoolName>('tiny', 'small', 'big'), async (cmds, waitOn) => {
        const real = { arena: await createArena(options), other: await createArena(options) };
        const model: Model = { held: new Map(POOLS.map((p) => [p.name, []])), released: [], acquires: zero(), releases: zero() };
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        const waitPool = real.arena.getPool(waitOn);
        const held = [...model.held.values()].flat();
        // Fill the pool so a waiter really waits, then close under it.
        const filler: Lease[] = [];
        for (let lease = waitPool.tryAcquire(); lease; lease = waitPool.tryAcquire()) filler.push(lease);
        const waiting = waitPool.acquireAsync({ timeoutMs: 10_000 }).then(() => 'resolved', (error: unknown) => error);
        const before = Object.fromEntries(POOLS.map(({ name }) => [name, real.arena.getPool(name).getStats()]));
        await real.arena.close();
        expect(await waiting).toBeInstanceOf(ArenaClosedError);
        for (const { name } of POOLS) {
          const pool = real.arena.getPool(name);
          expect(() => pool.acquire()).toThrow(ArenaClosedError);
          expect(() => pool.tryAcquire()).toThrow(ArenaClosedError); // closed is an error, not a full pool
          const after = pool.getStats();
          expect(after.acquires).toBe(before[name]!.acquires);
          expect(after.releases).toBe(before[name]!.releases);
          expect(after.inUse).toBe(0);
        }
        for (const lease of [...held, ...filler]) {
          expect(() => lease.bytes).toThrow(ArenaClosedError);
          lease.release(); // first release after close: harmless
          expect(() => lease.release()).toThrow(LeaseReleasedError);
        }
        expect(real.arena.healthCheck().status).toBe('failing');
        await real.other.close();
      }),
      { numRuns: 60, verbose: 1 },
    );
  });

  for (const { note, commands: make } of REGRESSIONS) {
    it(`still passes the recorded case: ${note}`, async () => {
      const real = { arena: await createArena(options), other: await createArena(options) };
      await runSequence(real, make());
      await real.arena.close();
      await real.other.close();
    });
  }
});
