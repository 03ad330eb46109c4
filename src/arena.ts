import type { ArenaOptions, ArenaStats, HealthCheck, HealthReport, LeakReport } from './api.js';
import { ArenaClosedError } from './errors.js';
import type { Lease } from './lease.js';
import { resolveArenaOptions, integerOption, type ResolvedArenaOptions } from './options.js';
import { HealthWindow, Pool } from './pool.js';
import { callQuietly } from './quiet-call.js';
import { startTicker, type Ticker } from './timers.js';
import * as codes from './wasm/codes.js';
import type { ArenaExports } from './wasm/exports.js';
import { instantiate, loadModule } from './wasm/load.js';

const PAGE = 65536;
/** Resolution of lease ages: the arena clock ticks on a timer instead of reading the time on every acquire. */
const CLOCK_TICK_MS = 100;
/** A pool this full (or an arena this close to maxBytes) makes the health check report 'degraded'. */
const PRESSURE_RATIO = 0.9;

/**
 * Create an arena: one WebAssembly instance whose linear memory holds every
 * pool's slots, free lists and generation counters.
 *
 * @example
 * ```ts
 * import { createArena, createStandardPools } from 'arenaguard';
 * const arena = await createArena({ pools: createStandardPools(), maxBytes: 64 * 1024 * 1024 });
 * const lease = arena.poolFor(body.length).acquire();
 * lease.write(body);
 * // ... scan or parse lease.bytes ...
 * lease.release();
 * await arena.close();
 * ```
 */
// Timer callbacks at module level: an arrow made in the constructor would hold the arena in its context.
const tickClock = (clock: { now: number }): void => { clock.now = Date.now(); };
const tickShrink = (arena: Arena): void => { arena.shrink(); };

export async function createArena(options: ArenaOptions = {}): Promise<Arena> {
  const resolved = resolveArenaOptions(options);
  const module = await loadModule(options.wasm);
  const exports = await instantiate(module);
  return new Arena(exports, resolved, options.onLeak);
}

/**
 * A pooled wasm memory arena: fixed-size slots in one WebAssembly memory,
 * lent and taken back without creating garbage, zeroed on release. Create it
 * with `createArena`; close it with `close()` when done (it runs timers).
 *
 * @example
 * ```ts
 * const arena = await createArena({ maxBytes: 16 * 1024 * 1024 });
 * const body = new TextEncoder().encode('{"name":"widget"}');
 * const lease = arena.poolFor(body.length).acquire(); // the smallest class that fits: 'small', 1 KiB
 * lease.write(body);
 * [lease.pool.name, lease.bytes.length, arena.getStats().bytesInUse]; // ['small', 1024, 1024]
 * lease.release();
 * await arena.close();
 * ```
 */
export class Arena {
  /** The pools, in the order given. */
  readonly pools: readonly Pool[];
  /** Cap, in bytes, on the slabs of all pools together (`ArenaOptions.maxBytes`, default 64 MiB). */
  readonly maxBytes: number;
  /** @internal */ readonly slabBytes: number;
  /** @internal */ readonly debug: boolean;
  /** @internal */ readonly maxWaiters: number;
  /** @internal Whether any acquisition stacks are captured (checked before `captureStack`). */
  readonly capturesStacks: boolean;
  /** @internal The current wasm memory buffer; replaced when memory grows. */
  buffer: ArrayBuffer;
  /** @internal Views of wasm memory: allocator state lives there. */
  u32: Uint32Array;
  /** @internal */ i32: Int32Array;
  /** @internal */ f64: Float64Array;
  /** @internal */ closed = false;
  #exports: ArenaExports;
  #byName = new Map<string, Pool>();
  #bySize: Pool[];
  #fault: unknown;
  /** @internal Coarse clock for lease ages, ticked by a timer (reading the time per acquire costs more than the acquire). */
  readonly coarseClock = { now: Date.now() };
  #clockTicker: Ticker;
  #shrinkTicker: Ticker | undefined;
  #onLeak: ((report: LeakReport) => unknown) | undefined;
  #stackSampleRate: number;
  #registry: FinalizationRegistry<Pool> | undefined;
  #growListeners = new Set<() => void>();

  /** @internal Use `createArena`. */
  constructor(exports: ArenaExports, options: ResolvedArenaOptions, onLeak?: (report: LeakReport) => unknown) {
    this.#exports = exports;
    this.maxBytes = options.maxBytes;
    this.slabBytes = options.slabBytes;
    this.debug = options.debug;
    this.maxWaiters = options.maxWaiters;
    this.#onLeak = onLeak;
    this.#stackSampleRate = options.leakStackSampleRate;
    this.capturesStacks = options.debug || options.leakStackSampleRate !== 0;
    this.fastPath = !options.debug; // debug poisons every pool
    const check = (what: string, code: number) => {
      if (code < 0) throw new RangeError(`${what} rejected by the arena (code ${code}): check slotSize, maxSlots and maxBytes`);
      return code;
    };
    check('arena layout', exports.arenaInit(options.slabBytes, Math.floor(options.maxBytes / options.slabBytes)));
    const zeroMode = codes.ZERO_MODES[options.zeroOnRelease];
    const ids = options.pools.map((p) => check(`pool "${p.name}"`, exports.poolDefine(p.slotSize, p.maxSlots, zeroMode, options.debug ? 1 : 0)));
    check('arena layout', exports.arenaSeal());
    if (options.reserveMemory && exports.arenaReserveAll() < 0) {
      throw new RangeError(`memoryGrowth 'reserve': the runtime refused ${options.maxBytes} bytes of wasm memory`);
    }
    this.buffer = exports.memory.buffer;
    this.u32 = new Uint32Array(this.buffer);
    this.i32 = new Int32Array(this.buffer);
    this.f64 = new Float64Array(this.buffer);
    this.pools = options.pools.map((p, i) => new Pool(this, exports, ids[i]!, p.name, p.initialSlots));
    for (const pool of this.pools) this.#byName.set(pool.name, pool);
    // (a pool with maxSlots 0 never lends: poolFor passes over it to the next size that can)
    this.#bySize = this.pools.filter((_, i) => options.pools[i]!.maxSlots > 0).sort((a, b) => a.slotSize - b.slotSize);
    for (const pool of this.pools) {
      const code = exports.poolReserve(pool.id, pool.initialSlots);
      if (code < 0) {
        throw new RangeError(`pools: initialSlots of "${pool.name}" (${pool.initialSlots}) do not fit in maxBytes (${this.maxBytes}) with the other pools`);
      }
    }
    this.refresh();
    // A held lease is found by its WeakRef in the pool's holders: the detector needs both.
    if (typeof FinalizationRegistry === 'function' && typeof WeakRef === 'function') {
      this.#registry = new FinalizationRegistry((pool) => pool.collected());
    }
    // (the clock's timer holds only the clock: a dropped arena is collected whatever its period)
    this.#clockTicker = startTicker(CLOCK_TICK_MS, this.coarseClock, tickClock);
    if (options.autoShrinkMs !== false) this.#shrinkTicker = startTicker(options.autoShrinkMs, this, tickShrink);
  }

  /** @internal The pools that can lend (maxSlots above 0), smallest slots first: what poolFor picks from. */
  get lendingPools(): readonly Pool[] {
    return this.#bySize;
  }

  /** The pool named `name`. Throws `RangeError` for an unknown name. */
  getPool(name: string): Pool {
    const pool = this.#byName.get(name);
    if (!pool) throw new RangeError(`getPool: no pool named "${name}" (have: ${[...this.#byName.keys()].join(', ')})`);
    return pool;
  }

  /**
   * The smallest pool whose slots hold `byteLength` bytes, passing over pools with `maxSlots: 0`
   * (they never lend). Throws `RangeError` when none does.
   */
  poolFor(byteLength: number): Pool {
    integerOption('byteLength', byteLength, 0, Number.MAX_SAFE_INTEGER);
    for (const pool of this.#bySize) if (pool.slotSize >= byteLength) return pool;
    const largest = this.#bySize.at(-1);
    throw new RangeError(largest === undefined
      ? `poolFor: no pool can lend (every pool has maxSlots 0)`
      : `poolFor: byteLength ${byteLength} exceeds the largest slot that can be lent (${largest.slotSize} bytes)`);
  }

  /** Give empty slabs of every pool back to the arena (each pool keeps its `initialSlots`). Returns slabs freed. */
  shrink(): number {
    if (!this.usable) return 0;
    let freed = 0;
    for (const pool of this.pools) freed += pool.shrink();
    return freed;
  }

  /**
   * A snapshot of bytes and slots in use, reserved and free, for every pool
   * (see `ArenaStats`). Cheap: reads counters, allocates one small object per pool.
   *
   * @example
   * ```ts
   * const lease = arena.getPool('medium').acquire();
   * arena.getStats().bytesInUse;        // 8192
   * arena.getStats().pools.medium.inUse; // 1
   * ```
   */
  getStats(): ArenaStats {
    // No prototype: a pool may be named "__proto__" (a plain object would take it as its prototype).
    const pools: ArenaStats['pools'] = Object.create(null) as ArenaStats['pools'];
    let bytesReserved = 0;
    let bytesInUse = 0;
    for (const pool of this.pools) {
      const stats = pool.getStats();
      pools[pool.name] = stats;
      bytesReserved += stats.bytesReserved;
      bytesInUse += stats.inUse * stats.slotSize;
    }
    const live = !this.closed;
    const e = this.#exports;
    return {
      bytesReserved,
      bytesInUse,
      bytesFree: live ? e.headerField(codes.H_FREE_SLABS) * this.slabBytes : 0,
      maxBytes: this.maxBytes,
      memoryPages: live ? this.buffer.byteLength / PAGE : 0,
      metadataBytes: live ? e.headerField(codes.H_META_END) - e.arenaHeader() : 0,
      pools,
    };
  }

  /**
   * Health of the arena: wasm module usable, no leaks seen, and every pool
   * able to serve acquires. 'degraded' when the arena is 90 % reserved (of the
   * `maxBytes` it can use: whole slabs) with 90 % of that in use, when a pool
   * is 90 % of its `maxSlots` in use, has callers waiting, or refused an
   * acquire (maxSlots, maxBytes or a refused `memory.grow`) since the previous
   * health check or in the last 10 s. A pool with `maxSlots: 0` is disabled,
   * not full.
   */
  healthCheck(): HealthReport {
    return this.#health(true);
  }

  /** @internal The health report without starting a new window: for metrics, so a scrape never hides a refusal from the health probe. */
  observeHealth(): HealthReport {
    return this.#health(false);
  }

  #health(advance: boolean): HealthReport {
    const checks: HealthCheck[] = [];
    const usable = this.usable;
    checks.push({
      name: 'wasm',
      ok: usable,
      detail: this.closed ? 'arena closed' : this.#fault ? `faulted: ${String(this.#fault)}` : 'module usable',
    });
    if (usable) {
      const now = this.clock();
      // Refusals this recent count: since the previous check (a probe every 30 s sees them all), at least the last 10 s.
      const since = this.#healthWindow.since(now, advance);
      const stats = this.getStats();
      // The arena can only use whole slabs: measure against those, not the unrounded maxBytes.
      const usableBytes = Math.floor(this.maxBytes / this.slabBytes) * this.slabBytes;
      const arenaRatio = usableBytes === 0 ? 1 : stats.bytesReserved / usableBytes;
      checks.push({
        name: 'arena-capacity',
        // (an arena whose maxBytes holds no slab holds nothing on purpose: not under pressure)
        ok: usableBytes === 0 || arenaRatio < PRESSURE_RATIO || stats.bytesInUse < stats.bytesReserved * PRESSURE_RATIO,
        detail: usableBytes === 0
          ? `holds nothing (maxBytes ${this.maxBytes} is below one slab of ${this.slabBytes} bytes)`
          : `${stats.bytesInUse} of ${stats.bytesReserved} bytes in use, ${stats.bytesReserved} of ${usableBytes} usable bytes reserved (maxBytes ${this.maxBytes})`,
      });
      for (const pool of this.pools) {
        const p = stats.pools[pool.name]!;
        const full = p.maxSlots === 0 ? 0 : p.inUse / p.maxSlots;
        const refused = pool.refusedAt > since;
        checks.push({
          name: `pool:${p.name}`,
          ok: full < PRESSURE_RATIO && p.waiting === 0 && !refused,
          detail: p.maxSlots === 0
            ? 'disabled (maxSlots 0)'
            : `${p.inUse}/${p.maxSlots} slots in use, ${p.waiting} waiting, ${p.exhaustions} exhaustions`
              + (refused ? `, refused an acquire ${Math.max(0, now - pool.refusedAt)} ms ago` : ''),
        });
      }
      const leaks = Object.values(stats.pools).reduce((n, p) => n + p.leaksDetected + p.writesAfterRelease, 0);
      checks.push({ name: 'leaks', ok: leaks === 0, detail: `${leaks} leaked or misused leases detected` });
    }
    const healthy = checks.every((c) => c.ok);
    return { healthy, status: !usable ? 'failing' : healthy ? 'ok' : 'degraded', checks };
  }

  readonly #healthWindow = new HealthWindow();

  /**
   * Close the arena: stop its timers, reject waiting `acquireAsync` callers,
   * and drop the wasm instance. Leases still held read as closed.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    for (const pool of this.pools) pool.closed();
    this.closed = true;
    this.usable = false;
    this.fastPath = false;
    this.#retirePools();
    this.#clockTicker.stop();
    this.#shrinkTicker?.stop();
    this.#growListeners.clear();
  }

  // ---- internals used by pools, leases and the scanner -----------------------------------

  /** @internal False once closed or faulted. */
  usable = true;
  #fastPath = true;

  /**
   * @internal Pools may pop free lists in JS; false sends every acquire
   * through wasm (debug: wasm checks the poison; closed, faulted, fault armed).
   * Each pool keeps a copy, so its acquire reads one field of its own.
   */
  get fastPath(): boolean {
    return this.#fastPath;
  }

  set fastPath(on: boolean) {
    this.#fastPath = on;
    for (const pool of this.pools ?? []) pool.fastPath = on;
  }

  /** @internal */
  get exports(): ArenaExports {
    return this.#exports;
  }

  /** @internal Throw if closed or faulted. */
  assertUsable(): void {
    if (this.closed) throw new ArenaClosedError('closed');
    if (this.#fault !== undefined) throw new ArenaClosedError('faulted by an earlier wasm trap; create a new arena', { cause: this.#fault });
  }

  /** @internal Run a wasm call; a trap marks the arena faulted (the module's state can no longer be trusted). */
  call<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw this.fault(error);
    }
  }

  /** @internal Record a trap and turn it into the error callers see. */
  fault(error: unknown): Error {
    if (error instanceof WebAssembly.RuntimeError) {
      this.#fault = error;
      this.usable = false;
      this.fastPath = false;
      this.#retirePools();
      return new ArenaClosedError('wasm trap; the arena is now unhealthy', { cause: error });
    }
    return error instanceof Error ? error : new Error(String(error));
  }

  /** Memory buffers this arena had before it grew: a view of one is detached (see {@link Arena.isStaleView}). */
  #pastBuffers = new WeakSet<ArrayBuffer>();

  /**
   * @internal Is `view` a view of this arena's memory from before it grew? Growth detaches such
   * a view: it reads as empty, and where it pointed is lost. Only an empty view can be one.
   */
  isStaleView(view: ArrayBufferView): boolean {
    return view.byteLength === 0 && this.#pastBuffers.has(view.buffer as ArrayBuffer);
  }

  /** @internal Re-read wasm memory after it grew (old views are detached). */
  refresh(): void {
    if (this.buffer !== this.#exports.memory.buffer) this.#pastBuffers.add(this.buffer);
    this.buffer = this.#exports.memory.buffer;
    this.u32 = new Uint32Array(this.buffer);
    this.i32 = new Int32Array(this.buffer);
    this.f64 = new Float64Array(this.buffer);
    for (const pool of this.pools ?? []) pool.memoryGrew();
    for (const listener of this.#growListeners) listener();
  }

  /** Pools stop calling into the module: their acquire/release/shrink get ERR_UNUSABLE, stats still read memory. */
  #retirePools(): void {
    const refuse = () => codes.ERR_UNUSABLE;
    const refusing = { ...this.#exports, acquire: refuse, release: refuse, shrink: refuse, poolReserve: refuse };
    for (const pool of this.pools) pool.retire(refusing);
  }

  /** @internal Get told when memory grows (the scanner caches views too). */
  onGrow(listener: () => void): () => void {
    this.#growListeners.add(listener);
    return () => this.#growListeners.delete(listener);
  }

  /** @internal Current time for lease ages, also between ticks. */
  clock(): number {
    return (this.coarseClock.now = Date.now());
  }


  /** @internal Whether to capture an acquisition stack for the lease being lent. */
  captureStack(): boolean {
    return this.debug || (this.#stackSampleRate !== 0 && Math.random() < this.#stackSampleRate);
  }

  /** @internal Watch a lease object for collection without release. */
  track(lease: Lease): void {
    this.#registry?.register(lease, lease.pool);
  }

  /** @internal */
  reportLeak(report: LeakReport): void {
    // (a throwing or rejecting leak callback must not break the finalizer that reclaims the slot)
    callQuietly(this.#onLeak, report);
  }

  /**
   * @internal `pool` hit maxBytes: give back the empty slabs other pools keep
   * beyond their `initialSlots`, so an idle size class never starves a busy one.
   */
  reclaimFor(pool: Pool): number {
    let freed = 0;
    for (const other of this.pools) if (other !== pool) freed += other.giveBackSlabs(other.initialSlots);
    return freed;
  }

  /** @internal After a shrink, slabs may be free for pools that were waiting on maxBytes. */
  serveAllWaiters(): void {
    // Oldest first across pools (they compete for the same free slabs): serve the pool whose
    // head waiter came first, one waiter at a time; a pool that cannot serve is passed over.
    const stuck = new Set<Pool>();
    for (;;) {
      let next: Pool | undefined;
      for (const pool of this.pools) if (!stuck.has(pool) && pool.oldestWaiter < (next?.oldestWaiter ?? Infinity)) next = pool;
      if (next === undefined) return;
      if (!next.serveOldest()) stuck.add(next);
    }
  }

  #waiterSeq = 0;
  /** @internal The next waiter's place in the arena-wide order of arrival. */
  nextWaiterSeq(): number {
    return this.#waiterSeq++;
  }

  /**
   * @internal A pool's wait queue changed: tell every pool whether others
   * wait (their releases then check for a slab the waiters could use).
   */
  waitersChanged(): void {
    const pools = this.pools;
    if (pools === undefined) return;
    let waiting = 0;
    for (const pool of pools) if (pool.waiting !== 0) waiting++;
    for (const pool of pools) pool.setOthersWait(waiting - (pool.waiting !== 0 ? 1 : 0) > 0);
  }

  /** @internal Test hook: the next wasm acquire or release traps; acquires stop taking the JS fast path so it comes. */
  armFault(): void {
    this.#exports.injectFault();
    this.fastPath = false;
  }

  /** @internal Test hook: make the runtime refuse memory.grow past `pages` (0 lifts it). */
  setGrowLimitPages(pages: number): void {
    this.#exports.setGrowLimitPages(pages);
  }
}
