// Public types. Implementation lives in arena.ts, pool.ts and lease.ts.
import type { WasmSource } from './wasm/load.js';

/** One size class: a pool of fixed-size slots. */
export interface PoolOptions {
  /** Unique name, used by `arena.getPool(name)` and in stats and metrics. */
  name: string;
  /** Bytes per slot (what `lease.bytes.length` is). Integer, 1..16 MiB. */
  slotSize: number;
  /** Slots mapped when the arena is created. 0 is valid: nothing until first use. */
  initialSlots?: number;
  /** Most slots this pool may ever hold. 0 is valid: every acquire fails. */
  maxSlots?: number;
}

/** How a released slot is cleaned before anyone else can hold it. */
export type ZeroMode = 'full' | 'used' | 'none';

/**
 * How often the arena gives empty slabs back to its free store
 * (`ArenaOptions.autoShrink`), so memory a burst took is reusable by any pool
 * afterwards. Wasm memory itself never shrinks: the slabs stay in the module
 * for whichever pool needs them next.
 *
 * @example
 * ```ts
 * const arena = await createArena({ autoShrink: { intervalMs: 5000 } }); // every 5 s
 * const manual = await createArena({ autoShrink: false });               // only manual.shrink() does
 * manual.shrink(); // 0: slabs freed (each pool keeps its initialSlots)
 * ```
 */
export interface AutoShrinkOptions {
  /** How often empty slabs are given back. Must be > 0. */
  intervalMs: number;
}

/** A leaked lease: garbage-collected without release, or outstanding for too long. */
export interface LeakReport {
  pool: string;
  slot: number;
  /** Milliseconds since the lease was acquired. */
  ageMs: number;
  /** Where it was acquired (captured when `debug` is on or the lease was sampled). */
  stack?: string;
  /** `'gc'`: collected by the garbage collector without release (the slot was reclaimed). */
  kind: 'gc' | 'outstanding';
}

/**
 * Options of `createArena`: the size classes, the memory cap they share, how
 * released slots are cleaned, and where the wasm module comes from. Every
 * field is optional; bad values throw `RangeError` naming the option.
 *
 * @example
 * ```ts
 * const arena = await createArena({
 *   pools: [{ name: 'bodies', slotSize: 16 * 1024, initialSlots: 4, maxSlots: 256 }],
 *   maxBytes: 8 * 1024 * 1024,          // all slabs together, in bytes
 *   zeroOnRelease: 'used',              // zero only what lease.write() touched
 *   autoShrink: { intervalMs: 10_000 },
 * });
 * arena.pools.map((p) => `${p.name}:${p.slotSize}`); // ['bodies:16384']
 * ```
 */
export interface ArenaOptions {
  /** Size classes. Default: `createStandardPools()`. */
  pools?: readonly PoolOptions[];
  /** Cap on the bytes of all slabs together (pools share it). Default 64 MiB. */
  maxBytes?: number;
  /** Default `'full'`. `'used'` zeroes only what the holder could have written (see `Lease.write`). */
  zeroOnRelease?: ZeroMode;
  /** The wasm module: precompiled `WebAssembly.Module` (edge runtimes), bytes, or a URL. Default: embedded copy. */
  wasm?: WasmSource;
  /**
   * Debug mode: fresh lease objects (use after release always detected),
   * acquisition stacks for every lease, and released slots poisoned so a
   * write after release is reported on the next acquire.
   */
  debug?: boolean;
  /** Called for each leaked lease the garbage collector finds. Errors it throws, and rejections of a promise it returns, are swallowed. */
  onLeak?: (report: LeakReport) => void | Promise<void>;
  /** Fraction of leases (0..1) whose acquisition stack is captured outside debug mode. Default 0. */
  leakStackSampleRate?: number;
  /** Give empty slabs back periodically, or `false`. Default `{ intervalMs: 30000 }`. */
  autoShrink?: AutoShrinkOptions | false;
  /**
   * `'on-demand'` (default): wasm memory grows a slab at a time as pools need
   * it. `'reserve'`: grow it once, at creation, to hold `maxBytes` of slabs, so
   * memory never grows later and no `Uint8Array` you keep from `lease.bytes` is
   * ever detached. The OS backs pages only when first written, so `'reserve'`
   * costs address space, not resident memory.
   */
  memoryGrowth?: 'on-demand' | 'reserve';
  /** Most callers that may wait in `acquireAsync` per pool. Default 1024. */
  maxWaiters?: number;
}

/**
 * Options of `pool.acquireAsync`: how long to wait for a slot when the pool is
 * exhausted. Waiting is backpressure: a caller waits its turn instead of
 * failing at once or going around the pool.
 *
 * @example
 * ```ts
 * const held = pool.acquire(); // a pool with maxSlots: 1
 * await pool.acquireAsync({ timeoutMs: 20 }).catch((err) => err.reason); // 'timeout': nothing released in 20 ms
 * setTimeout(() => held.release(), 5);
 * const lease = await pool.acquireAsync({ timeoutMs: 1000, signal: AbortSignal.timeout(2000) }); // served by that release
 * ```
 */
export interface AcquireAsyncOptions {
  /** Give up after this many ms with `PoolExhaustedError` (reason `'timeout'`). 0 = don't wait. Default: wait forever. */
  timeoutMs?: number;
  /** Stop waiting when it aborts: the promise rejects with `AcquireAbortedError`. */
  signal?: AbortSignal;
}

/**
 * One pool's counters, from `pool.getStats()` or `arena.getStats().pools[name]`.
 * Slot counts are slots, sizes are bytes; the counters (`acquires`,
 * `exhaustions`, …) count since the arena was created. A detector's own slots
 * (see `DetectorOptions.arena`) are in `inUse` too.
 *
 * @example
 * ```ts
 * const pool = arena.poolFor(5000);   // standard pools: 'medium', 8 KiB slots
 * const lease = pool.acquire();
 * const s = pool.getStats();
 * [pool.name, s.slotSize, s.inUse, s.capacity, s.acquires, s.releases]; // ['medium', 8192, 1, 8, 1, 0]
 * lease.release();
 * ```
 */
export interface PoolStats {
  name: string;
  slotSize: number;
  /** Slots mapped right now (free + in use). */
  capacity: number;
  maxSlots: number;
  /** Slots lent right now; 0 after `close()`. */
  inUse: number;
  free: number;
  peakInUse: number;
  /**
   * Slots lent so far: `releases + inUse` while the arena is open. After
   * `close()` the counters stay as they were: `acquires - releases` is then the
   * number of leases close() took from holders that had not released them.
   */
  acquires: number;
  /** Slots given back so far (by release, withBuffer, `using`, or a reclaimed leak). */
  releases: number;
  exhaustions: number;
  grows: number;
  shrinks: number;
  leaksDetected: number;
  /** Writes after release caught by debug poisoning. */
  writesAfterRelease: number;
  /** Callers waiting in `acquireAsync`. */
  waiting: number;
  /** Bytes of the slabs mapped to this pool. */
  bytesReserved: number;
  /** inUse / capacity (0 when capacity is 0). */
  utilization: number;
}

/**
 * What the arena holds, from `arena.getStats()`: byte totals over every pool,
 * the wasm memory they live in, and each pool's `PoolStats` by name. The
 * numbers behind the `arenaguard_arena_*` and `arenaguard_pool_*` metrics.
 *
 * @example
 * ```ts
 * const arena = await createArena();        // the standard pools, 64 MiB cap
 * const lease = arena.getPool('medium').acquire();
 * const stats = arena.getStats();
 * [stats.bytesInUse, stats.pools.medium.inUse, stats.maxBytes]; // [8192, 1, 67108864]
 * lease.release();
 * ```
 */
export interface ArenaStats {
  /** Bytes of all slabs mapped to pools. */
  bytesReserved: number;
  /** Bytes of the slots held right now. */
  bytesInUse: number;
  /** Bytes of slabs given back by shrinking, ready for any pool (wasm memory never goes back to the OS). */
  bytesFree: number;
  /** The cap on `bytesReserved` (`ArenaOptions.maxBytes`). */
  maxBytes: number;
  /** Wasm memory pages (64 KiB) the module holds in total: static data, metadata and slabs. */
  memoryPages: number;
  /** Bytes of allocator metadata below the first slab. */
  metadataBytes: number;
  /** Each pool's stats by pool name (an object without prototype: any name is a key). */
  pools: Record<string, PoolStats>;
}

/**
 * One line of a `HealthReport`: what was checked (`'wasm'`, `'arena-capacity'`,
 * `'pool:NAME'`, `'leaks'`), whether it passed, and a human-readable detail
 * for logs and `/health` bodies.
 *
 * @example
 * ```ts
 * arena.healthCheck().checks[0]; // { name: 'wasm', ok: true, detail: 'module usable' }
 * ```
 */
export interface HealthCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * The arena's health, from `arena.healthCheck()`: `status` for a readiness
 * probe (`'degraded'` still serves, `'failing'` does not) and the checks that
 * led to it. `healthReport` in `arenaguard/metrics` maps it to 200 or 503.
 *
 * @example
 * ```ts
 * const report = arena.healthCheck();
 * [report.healthy, report.status];         // [true, 'ok']
 * report.checks.map((c) => c.name);        // ['wasm', 'arena-capacity', 'pool:small', 'pool:medium', 'pool:large', 'leaks']
 * await arena.close();
 * arena.healthCheck().status;              // 'failing'
 * ```
 */
export interface HealthReport {
  /** Every check passed: `status === 'ok'`. A `degraded` arena still works; `failing` does not. */
  healthy: boolean;
  status: 'ok' | 'degraded' | 'failing';
  checks: HealthCheck[];
}
