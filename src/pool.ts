import type { AcquireAsyncOptions, LeakReport, PoolStats } from './api.js';
import type { Arena } from './arena.js';
import {
  AcquireAbortedError, ArenaClosedError, ForeignLeaseError, LeaseReleasedError, PoolExhaustedError,
} from './errors.js';
import { Lease } from './lease.js';
import { integerOption } from './options.js';
import { rejectUnknownKeys, type KeyList } from './option-keys.js';
import * as codes from './wasm/codes.js';
import type { ArenaExports } from './wasm/exports.js';

/**
 * Released lease objects wait this many releases before reuse, so a stale holder is still caught.
 *
 * Limit: a lease object released early inside a `using` block is disposed
 * again at the block's end. The object carries no per-lending token the block
 * could have kept (capturing one would allocate per acquire), so if more than
 * LEASE_QUARANTINE releases of the pool happen in between, the object may have
 * been lent again and the dispose releases its new holder's slot. Don't release
 * a `using` lease early and then keep awaiting; `withBuffer` has no such limit
 * (it keeps the lending's slot and generation), nor has `debug: true` (lease
 * objects are never reused).
 */
const LEASE_QUARANTINE = 256;
/** Every key of `AcquireAsyncOptions` (`pool.acquireAsync`, `pool.withBuffer`). */
const ACQUIRE_ASYNC_OPTION_KEYS: KeyList<AcquireAsyncOptions> = { timeoutMs: true, signal: true };
/** Every key of `pool.leaks()`'s options. */
const LEAKS_OPTION_KEYS: KeyList<{ olderThanMs?: number }> = { olderThanMs: true };
/** A pool that refused an acquire this recently (or since the previous health check) reports 'degraded'. */
export const RECENT_REFUSAL_MS = 10_000;

/**
 * @internal What a health check counts as recent (a refusal, an internal error): since the
 * previous check, and at least the last RECENT_REFUSAL_MS — a probe every 30 s sees every
 * spike, and one transient error does not leave the report degraded for good.
 */
export class HealthWindow {
  #lastCheck = -Infinity;
  /** The start of the window at `now`; `advance`: this is a check (not an observation) and starts the next window. */
  since(now: number, advance: boolean): number {
    const since = Math.min(this.#lastCheck, now - RECENT_REFUSAL_MS);
    if (advance) this.#lastCheck = now;
    return since;
  }
}

interface Waiter {
  /** Arena-wide order of arrival: callers of all pools waiting on maxBytes are served oldest first. */
  seq: number;
  resolve(lease: Lease): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout> | undefined;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * One size class of the arena: fixed-size slots, handed out as leases.
 *
 * @example
 * ```ts
 * const pool = arena.getPool('small');
 * const lease = pool.acquire();            // PoolExhaustedError at maxSlots
 * lease.write(bytes);
 * lease.release();
 * await pool.withBuffer(async (buf) => hash(buf)); // released when the promise settles
 * const waited = await pool.acquireAsync({ timeoutMs: 50 }); // backpressure
 * ```
 */
export class Pool {
  /** The pool's name from `PoolOptions.name`: the key in `arena.getStats().pools` and the `pool` label of metrics. */
  readonly name: string;
  /** Bytes per slot. */
  readonly slotSize: number;
  /** @internal */ readonly id: number;
  /** @internal */ readonly initialSlots: number;
  readonly #arena: Arena;
  /** The arena's coarse clock, read per acquire (one load fewer than through the arena). */
  readonly #clock: { now: number };
  #exports: ArenaExports;
  // Indexes into the arena's i32/u32/f64 views of wasm memory (see assembly/arena/layout.ts).
  /** Slot 0's metadata (gen, state, next, address); a slot's is `#metaBase + slot * 4`. */
  readonly #metaBase: number;
  readonly #freeHead: number;
  readonly #inUse: number;
  /** The arena's i32 view of wasm memory, cached here for the acquire path (memoryGrew renews it). */
  #i32: Int32Array;
  /** @internal The arena's `fastPath`, copied here by the arena: acquire then reads no arena field. */
  fastPath: boolean;
  /**
   * Per slot, two cached views of its bytes (valid until memory grows or the
   * slot's slab is given back), at `slot * 2 + (gen & 1)`: the generation
   * grows by one per release, so successive lendings of a slot alternate
   * between them. A buffer kept from the previous lending is then not the
   * current holder's view, and `release(buffer)` can refuse it — with no
   * garbage, as the views are reused.
   */
  #views: (Uint8Array | undefined)[] = [];
  /**
   * Every view this pool has lent. A view dropped from #views (its slab was
   * given back, memory grew) no longer maps to a slot of this pool, or maps
   * to someone else's: releasing it is a use after release, not a foreign
   * buffer. Added to once per view made, never per acquire.
   */
  #lentViews = new WeakSet<Uint8Array>();
  /**
   * Released lease objects waiting out their quarantine, oldest first: a FIFO
   * linked through `Lease.next` (fewer loads and stores than an array ring,
   * and it never has to grow).
   */
  #oldest: Lease | undefined;
  #newest: Lease | undefined;
  #quarantined = 0;
  /** Per slot: the lease holding it (weakly: an unreleased lease must stay collectable for leak reports). */
  #holders: (Lease['ref'] | undefined)[] = [];
  /** Per slot: arena clock when acquired. */
  #acquiredAt: Float64Array;
  #stacks = new Map<number, string>();
  #waiters: Waiter[] = [];
  /** Debug mode or sampled leak stacks (the arena's, read once: it never changes). */
  readonly #capturesStacks: boolean;
  /** `#capturesStacks`, or callers waiting here or in another pool: kept current so a release reads one field to know. */
  #releaseIsSlow: boolean;
  #leaksDetected = 0;
  /** Pool descriptor address in wasm memory (its exhaustion counter is corrected from here). */
  readonly #descriptor: number;
  /** Slots per slab, to tell whether a release left its slab empty. */
  readonly #slotsPerSlab: number;
  /** Another pool of the arena has callers waiting: a release that empties a slab may serve them. */
  #othersWait = false;
  /** serveWaiters is running: an acquire inside it must not serve waiters again. */
  #serving = false;
  /** @internal Arena clock when this pool last refused an acquire (for the health check). */
  refusedAt = -Infinity;

  /** @internal */
  constructor(arena: Arena, exports: ArenaExports, id: number, name: string, initialSlots: number) {
    this.#arena = arena;
    this.#clock = arena.coarseClock;
    this.#exports = exports;
    this.id = id;
    this.name = name;
    this.initialSlots = initialSlots;
    this.slotSize = exports.poolField(id, codes.P_SLOT_SIZE);
    const descriptor = exports.poolAddress(id);
    this.#descriptor = descriptor;
    this.#slotsPerSlab = exports.poolField(id, codes.P_SLOTS_PER_SLAB);
    this.#metaBase = exports.poolField(id, codes.P_META) >>> 2;
    this.#freeHead = (descriptor + codes.P_FREE_HEAD) >>> 2;
    this.#inUse = (descriptor + codes.P_IN_USE) >>> 2;
    this.#i32 = arena.i32;
    this.fastPath = arena.fastPath;
    this.#capturesStacks = arena.capturesStacks;
    this.#releaseIsSlow = this.#capturesStacks;
    const slotIndexes = exports.poolField(id, codes.P_MAX_POOL_SLABS) * exports.poolField(id, codes.P_SLOTS_PER_SLAB);
    this.#acquiredAt = new Float64Array(slotIndexes);
    // Packed, pre-sized arrays: sparse writes would turn them into slow dictionaries.
    this.#views = new Array<Uint8Array | undefined>(slotIndexes * 2).fill(undefined);
    this.#holders = new Array<Lease['ref'] | undefined>(slotIndexes).fill(undefined);
  }

  /**
   * Take a slot. Its bytes are zero. Throws `PoolExhaustedError` when the pool
   * is at `maxSlots` or the arena at `maxBytes`.
   */
  acquire(): Lease {
    const slot = this.#acquireSlot();
    if (slot < 0) throw this.#exhausted(slot);
    return this.#lend(slot);
  }

  /** Like `acquire`, but returns `null` instead of throwing when exhausted. */
  tryAcquire(): Lease | null {
    const slot = this.#acquireSlot();
    return slot < 0 ? null : this.#lend(slot);
  }

  /**
   * Acquire, waiting for a release when the pool is exhausted (backpressure).
   * Rejects with `PoolExhaustedError` (reason `'timeout'`) after `timeoutMs`,
   * (`'waitQueueFull'`) when `maxWaiters` callers already wait, or
   * `AcquireAbortedError` when `signal` aborts. Bad options reject too (never
   * a synchronous throw): `RangeError` for a `timeoutMs` that is not an
   * integer from 0 to 2^31 - 1, `TypeError` for a `signal` that is not an
   * AbortSignal; nothing is armed for such a call. Callers waiting on the
   * arena's `maxBytes` are served, oldest first, when another pool's release
   * leaves a slab it can give back, before any newer acquire of this pool.
   */
  acquireAsync(options: AcquireAsyncOptions = {}): Promise<Lease> {
    let timeoutMs: number | undefined;
    let signal: AbortSignal | undefined;
    try {
      // All checks before anything is armed: a bad signal once left a timer behind that threw later.
      if (typeof options !== 'object' || options === null) throw new TypeError('acquireAsync options must be an object');
      rejectUnknownKeys(options, ACQUIRE_ASYNC_OPTION_KEYS, 'pool.acquireAsync()');
      ({ timeoutMs, signal } = options);
      if (timeoutMs !== undefined) integerOption('timeoutMs', timeoutMs, 0, 2 ** 31 - 1);
      if (signal !== undefined) checkSignal(signal);
    } catch (error) {
      return Promise.reject(error);
    }
    if (signal?.aborted) return Promise.reject(new AcquireAbortedError(this.name, { cause: signal.reason }));
    try {
      const lease = this.tryAcquire();
      if (lease) return Promise.resolve(lease);
    } catch (error) {
      return Promise.reject(error);
    }
    if (timeoutMs === 0) return Promise.reject(new PoolExhaustedError(this.name, 'timeout', 'timeoutMs is 0'));
    // (a pool that can never lend — maxSlots 0, or an arena whose maxBytes holds no slab — would keep its waiter forever)
    if (this.#exports.poolField(this.id, codes.P_MAX_SLOTS) === 0) return Promise.reject(new PoolExhaustedError(this.name, 'maxSlots', 'maxSlots is 0: this pool never lends'));
    if (this.#arena.maxBytes < this.#arena.slabBytes) return Promise.reject(new PoolExhaustedError(this.name, 'maxBytes', `maxBytes ${this.#arena.maxBytes} holds no slab`));
    if (this.#waiters.length >= this.#arena.maxWaiters) {
      return Promise.reject(new PoolExhaustedError(this.name, 'waitQueueFull', `${this.#waiters.length} callers already wait`));
    }
    return new Promise<Lease>((resolve, reject) => {
      const waiter: Waiter = { seq: this.#arena.nextWaiterSeq(), resolve, reject, timer: undefined, signal, onAbort: undefined };
      // The listener first: should it throw, no timer is left armed.
      if (signal) {
        waiter.onAbort = () => {
          this.#dropWaiter(waiter);
          reject(new AcquireAbortedError(this.name, { cause: signal.reason }));
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      if (timeoutMs !== undefined) {
        waiter.timer = setTimeout(() => {
          this.#dropWaiter(waiter);
          reject(new PoolExhaustedError(this.name, 'timeout', `no slot within ${timeoutMs} ms`));
        }, timeoutMs);
      }
      this.#waiters.push(waiter);
      this.#waitersChanged();
    });
  }

  /**
   * Run `fn` with a slot's bytes and release the slot once `fn`'s result has
   * settled (also when it throws or rejects). With `options`, waits for a slot
   * like `acquireAsync`; without, fails fast like `acquire`.
   *
   * `bytes` is a plain view of wasm memory: valid while `fn` runs
   * synchronously, but any acquire that grows the arena's memory while `fn`
   * awaits detaches it (it then reads as empty: reads give `undefined`,
   * writes are dropped, without an error; Node 20 has no way to make it
   * throw). An async `fn` should use `lease.bytes` (always live) after an
   * await, or the arena be created with `memoryGrowth: 'reserve'`.
   * `fn` may release the lease early; the final release then leaves alone
   * whoever holds the recycled lease object by then.
   *
   * @example
   * ```ts
   * await pool.withBuffer(async (_bytes, lease) => {
   *   lease.write(body);
   *   await audit(lease.bytes);   // read lease.bytes after every await
   * });
   * ```
   */
  async withBuffer<T>(
    fn: (bytes: Uint8Array, lease: Lease) => T | PromiseLike<T>,
    options?: AcquireAsyncOptions,
  ): Promise<T> {
    rejectUnknownKeys(options, ACQUIRE_ASYNC_OPTION_KEYS, 'pool.withBuffer()');
    const lease = options ? await this.acquireAsync(options) : this.acquire();
    // This lending's handle: the lease object may be released early by fn and lent again after its quarantine.
    const slot = lease.slot;
    const gen = lease.gen;
    try {
      return await fn(lease.bytes, lease);
    } finally {
      if (lease.view !== undefined && lease.slot === slot && lease.gen === gen) this.releaseLease(lease);
    }
  }

  /**
   * Release a lease, or a `Uint8Array` obtained from one (the original API's
   * `release(buffer)`). Throws `ForeignLeaseError` for a lease or buffer of
   * another pool or arena, `LeaseReleasedError` when already released.
   *
   * A buffer is accepted only if it is the very view the slot's current
   * holder got (`lease.bytes`). Keep that `Lease` reachable meanwhile: a
   * lease dropped unreleased is a leak, reclaimed (zeroed and lent again)
   * when GC finds it, whatever still points at its buffer. Successive lendings of a slot get different
   * view objects, so releasing a buffer again after its slot went to someone
   * else (or after its slab was given back by a shrink) throws
   * `LeaseReleasedError` and changes nothing. Limit: the views
   * alternate between two objects per slot (no garbage per acquire), so a
   * buffer kept across two further lendings of its slot is the current
   * holder's view again, and releasing it would release that holder. The
   * `Lease` handle has no such limit (checked by generation): prefer
   * `lease.release()`.
   */
  release(leaseOrBytes: Lease | Uint8Array): void {
    if (leaseOrBytes instanceof Lease) {
      if (leaseOrBytes.pool !== this) {
        // (optional chain: an object made from Lease.prototype has no pool at all; a pool of the same
        // name is another arena's, which the message must say, or it reads "small" released to "small")
        const owner = (leaseOrBytes.pool as Pool | undefined)?.name;
        throw new ForeignLeaseError(owner === this.name
          ? `lease of another arena's pool "${owner}" released to this arena's pool "${this.name}"`
          : `lease of pool "${owner}" released to pool "${this.name}"`);
      }
      leaseOrBytes.release();
      return;
    }
    if (!(leaseOrBytes instanceof Uint8Array)) throw new ForeignLeaseError('release() takes a Lease or a Uint8Array from one');
    // (after close every slot is gone: as lease.release() then, a no-op)
    if (this.#arena.closed) return;
    const slot = this.#slotOfBytes(leaseOrBytes);
    const holder = this.#holders[slot]?.deref();
    if (holder !== undefined && holder.view === leaseOrBytes && holder.slot === slot) {
      this.releaseLease(holder);
      return;
    }
    if (holder !== undefined && holder.view !== undefined && holder.slot === slot && !this.#lentViews.has(leaseOrBytes)) {
      // Held, and not a view any lending got: a copy the caller made.
      throw new ForeignLeaseError(`buffer of slot ${slot} in pool "${this.name}" is not the one its lease handed out (release the lease)`);
    }
    throw new LeaseReleasedError(`buffer of slot ${slot} in pool "${this.name}" (released, or from an earlier lending of the slot)`);
  }

  /** Outstanding leases with their age, oldest first (stacks when `debug` is on or sampled). */
  leaks(options: { olderThanMs?: number } = {}): LeakReport[] {
    if (typeof options !== 'object' || options === null) throw new TypeError('leaks options must be an object');
    rejectUnknownKeys(options, LEAKS_OPTION_KEYS, 'pool.leaks()');
    const olderThanMs = integerOption('olderThanMs', options.olderThanMs ?? 0, 0, Number.MAX_SAFE_INTEGER);
    const now = this.#arena.clock();
    const reports: LeakReport[] = [];
    if (this.#arena.closed) return reports;
    const meta = this.#arena.u32;
    for (let slot = 0; slot < this.#acquiredAt.length; slot++) {
      if (meta[this.#metaBase + slot * 4 + (codes.M_STATE >> 2)] !== codes.STATE_IN_USE) continue;
      const ageMs = now - this.#acquiredAt[slot]!;
      if (ageMs < olderThanMs) continue;
      const stack = this.#stacks.get(slot);
      reports.push({ pool: this.name, slot, ageMs, kind: 'outstanding', ...(stack ? { stack } : {}) });
    }
    return reports.sort((a, b) => b.ageMs - a.ageMs);
  }

  /** Give empty slabs back to the arena, keeping at least `keepSlots` (default `initialSlots`). Returns slabs freed. */
  shrink(keepSlots: number = this.initialSlots): number {
    const freed = this.giveBackSlabs(keepSlots);
    if (freed > 0) this.#arena.serveAllWaiters();
    return freed;
  }

  /** @internal Shrink without serving waiters (the arena decides when to). */
  giveBackSlabs(keepSlots: number): number {
    integerOption('keepSlots', keepSlots, 0, 0xffffffff);
    this.#arena.assertUsable();
    const freed = this.#arena.call(() => this.#exports.shrink(this.id, keepSlots));
    if (freed > 0) this.#views.fill(undefined); // slots of freed slabs may come back at other addresses
    return freed;
  }

  /**
   * This pool's counters (see `PoolStats`): the same numbers as `arena.getStats().pools[name]`.
   *
   * @example
   * ```ts
   * const pool = arena.getPool('small');
   * const lease = pool.acquire();
   * pool.getStats().inUse;  // 1
   * lease.release();
   * pool.getStats().releases; // 1
   * ```
   */
  getStats(): PoolStats {
    // A closed pool holds nothing; its counters stay as they were at close().
    if (this.#statsAtClose) return { ...this.#statsAtClose, capacity: 0, inUse: 0, free: 0, waiting: 0, bytesReserved: 0, utilization: 0 };
    const e = this.#exports;
    const id = this.id;
    const capacity = e.poolField(id, codes.P_CAPACITY);
    const inUse = e.poolField(id, codes.P_IN_USE);
    const releases = e.poolCounter(id, codes.C_RELEASES);
    return {
      name: this.name,
      slotSize: this.slotSize,
      capacity,
      maxSlots: e.poolField(id, codes.P_MAX_SLOTS),
      inUse,
      free: capacity - inUse,
      // The module records the peak when a release ends a run of acquires; the current run is inUse.
      peakInUse: Math.max(e.poolField(id, codes.P_PEAK_IN_USE), inUse),
      acquires: releases + inUse, // every acquire is released or still in use
      releases,
      exhaustions: e.poolCounter(id, codes.C_EXHAUSTIONS),
      grows: e.poolCounter(id, codes.C_GROWS),
      shrinks: e.poolCounter(id, codes.C_SHRINKS),
      leaksDetected: this.#leaksDetected,
      writesAfterRelease: e.poolField(id, codes.P_POISON_HITS),
      waiting: this.#waiters.length,
      bytesReserved: e.poolField(id, codes.P_MAPPED_SLABS) * this.#arena.slabBytes,
      utilization: capacity === 0 ? 0 : inUse / capacity,
    };
  }

  #statsAtClose: PoolStats | undefined;

  // ---- internals used by Lease and Arena -------------------------------------------------

  /** @internal Wasm memory grew: every view is detached; give live leases fresh ones. */
  memoryGrew(): void {
    this.#i32 = this.#arena.i32;
    this.#views.fill(undefined);
    for (const ref of this.#holders) {
      const lease = ref?.deref();
      if (lease && lease.view !== undefined && lease.pool === this) lease.view = this.#viewAt(lease.slot, (lease.slot << 1) | (lease.gen & 1));
    }
  }

  /**
   * @internal Give a lease's slot back: one wasm call checks the handle
   * (state, generation), zeroes the bytes and pushes the slot. Doing the checks
   * and the push in JS on the memory views measured no faster (each typed-array
   * access on wasm memory carries its own checks), so wasm keeps them.
   */
  releaseLease(lease: Lease): void {
    if (lease.view === undefined) {
      lease.releaseAgain();
      return;
    }
    let result: number;
    try {
      // `used` matters to the module in 'used' mode only; the other modes ignore it.
      result = this.#exports.release(this.id, lease.slot, lease.gen, lease.used);
    } catch (error) {
      throw this.#arena.fault(error);
    }
    if (result !== codes.OK) this.#rejected(lease, result);
    this.#released(lease);
  }

  /** A stale lease object (recycled past its quarantine) or a corrupted handle: refuse, change nothing. */
  #rejected(lease: Lease, result: number): never {
    if (result === codes.ERR_UNUSABLE) this.#arena.assertUsable();
    throw new LeaseReleasedError(`slot ${lease.slot} of pool "${this.name}" rejected by the arena (code ${result})`);
  }

  /** The lease object's side of a release: no longer usable, then quarantined for reuse. */
  #released(lease: Lease): void {
    lease.view = undefined;
    if (this.#releaseIsSlow) this.#releaseSlow(lease);
    else this.#recycle(lease);
  }

  /** Stacks are captured, callers wait (here or in another pool), or debug mode: release has more to do than the common case. */
  #releaseSlow(lease: Lease): void {
    this.#stacks.delete(lease.slot);
    this.#slotFreed(lease.slot);
    if (!this.#arena.debug) this.#recycle(lease); // debug: lease objects are never reused
  }

  /** A slot came back: callers waiting here are served first, else those of other pools if its slab is now empty. */
  #slotFreed(slot: number): void {
    if (this.#waiters.length !== 0) this.serveWaiters();
    // Callers of other pools may wait on maxBytes: a slab this release emptied can be theirs
    // (their acquire reclaims it, as a synchronous acquire would), before any newcomer takes it.
    else if (this.#othersWait && this.#slabIsEmpty(slot)) this.#arena.serveAllWaiters();
  }

  /** No slot of `slot`'s slab is in use (a scan of one slab's metadata: only while others wait). */
  #slabIsEmpty(slot: number): boolean {
    const first = slot - (slot % this.#slotsPerSlab);
    const end = Math.min(first + this.#slotsPerSlab, this.#acquiredAt.length);
    const i32 = this.#i32;
    for (let s = first; s < end; s++) {
      if (i32[this.#metaBase + s * 4 + (codes.M_STATE >> 2)] === codes.STATE_IN_USE) return false;
    }
    return true;
  }

  /** @internal Hand free slots to waiting callers, oldest first. */
  serveWaiters(): void {
    while (this.serveOldest()) { /* until no waiter is left or no slot is free */ }
  }

  /**
   * @internal Serve this pool's oldest waiter if a slot can be had. Returns false when there
   * is no waiter or no slot (or a serve is under way).
   */
  serveOldest(): boolean {
    if (this.#serving || this.#waiters.length === 0) return false;
    this.#serving = true;
    try {
      const slot = this.#acquireSlot();
      if (slot < 0) {
        // A retry for callers already counted when they first found the pool exhausted.
        this.#uncountExhaustion();
        return false;
      }
      const waiter = this.#waiters.shift()!;
      this.#waitersChanged();
      this.#settleWaiter(waiter);
      waiter.resolve(this.#lend(slot));
      return true;
    } finally {
      this.#serving = false;
    }
  }

  /** @internal Arrival order of this pool's oldest waiter (Infinity when none waits). */
  get oldestWaiter(): number {
    return this.#waiters.length === 0 ? Infinity : this.#waiters[0]!.seq;
  }

  /** @internal Whether other pools of the arena have callers waiting (the arena keeps it current). */
  setOthersWait(on: boolean): void {
    this.#othersWait = on;
    this.#updateReleaseIsSlow();
  }

  #updateReleaseIsSlow(): void {
    this.#releaseIsSlow = this.#capturesStacks || this.#waiters.length !== 0 || this.#othersWait;
  }

  /** @internal Callers waiting in this pool. */
  get waiting(): number {
    return this.#waiters.length;
  }

  /** The module counted an exhaustion for an acquire that no caller saw refused: take it back. */
  #uncountExhaustion(): void {
    const f64 = this.#arena.f64;
    if (f64.length === 0) return; // closed or detached: nothing to correct
    f64[(this.#descriptor + codes.P_COUNTERS + codes.C_EXHAUSTIONS * 8) >>> 3]!--;
  }

  /** @internal */
  rejectWaiters(error: Error): void {
    const waiters = this.#waiters.splice(0);
    this.#waitersChanged();
    for (const waiter of waiters) {
      this.#settleWaiter(waiter);
      waiter.reject(error);
    }
  }

  /**
   * @internal The garbage collector took a lease object of this pool. It
   * leaked if it still held a slot: a slot in use whose holder is gone (a held
   * lease is its slot's holder until released). Scanning for such slots keeps
   * the registry's held value per pool, so an acquire writes no leak record;
   * collections are rare (leaks, or released leases in debug mode), and one
   * scan serves every lease collected in the same cleanup task.
   */
  collected(): void {
    if (this.#scanQueued || this.#arena.closed) return;
    this.#scanQueued = true;
    queueMicrotask(() => {
      this.#scanQueued = false;
      if (this.#arena.closed) return;
      // (this.#i32 read per slot: serving a waiter after a reclaim may grow memory)
      for (let slot = 0; slot < this.#holders.length; slot++) {
        if (this.#i32[this.#metaBase + slot * 4 + (codes.M_STATE >> 2)] !== codes.STATE_IN_USE) continue;
        if (this.#holders[slot]?.deref() === undefined) this.#reclaimLeak(slot);
      }
    });
  }

  #scanQueued = false;

  /** A slot whose lease was collected without release: report it and take the slot back. */
  #reclaimLeak(slot: number): void {
    const gen = this.#i32[this.#metaBase + slot * 4]!;
    this.#leaksDetected++;
    const stack = this.#stacks.get(slot);
    this.#stacks.delete(slot);
    const ageMs = this.#arena.clock() - this.#acquiredAt[slot]!;
    // Reclaim the slot (zeroed as usual): a leak must not shrink the pool for good.
    this.#arena.call(() => this.#exports.release(this.id, slot, gen, this.slotSize));
    this.#arena.reportLeak({ pool: this.name, slot, ageMs, kind: 'gc', ...(stack ? { stack } : {}) });
    this.#slotFreed(slot); // as a release would
  }

  /** @internal The arena closed or faulted: from now on every wasm call is refused without a per-call check. */
  retire(refusing: ArenaExports): void {
    this.#exports = refusing;
  }

  /** @internal Called by Arena.close(): keep final counters readable. */
  closed(): void {
    this.#statsAtClose = this.getStats();
    this.rejectWaiters(new ArenaClosedError('closed'));
    for (const ref of this.#holders) {
      const lease = ref?.deref();
      if (lease && lease.view !== undefined && lease.pool === this) {
        lease.orphaned = true;
        lease.view = undefined;
      }
    }
    this.#views = [];
    this.#holders = [];
    this.#oldest = this.#newest = undefined;
    this.#quarantined = 0;
  }

  /**
   * Pop the pool's free list straight from linear memory: the same steps as
   * `acquire` in assembly/arena/arena.ts, without the ~10 ns of a JS-to-wasm
   * call. Anything unusual (empty list: growth; debug poisoning, see
   * Arena.fastPath; a closed or faulted arena) goes through the wasm acquire.
   */
  #acquireSlot(): number {
    const i32 = this.#i32;
    const slot = i32[this.#freeHead]!;
    if (slot < 0 || !this.fastPath) return this.#acquireSlotInWasm();
    const meta = this.#metaBase + slot * 4;
    i32[this.#freeHead] = i32[meta + 2]!; // head = slot.next (M_NEXT)
    i32[meta + 1] = 2; // M_STATE = STATE_IN_USE
    i32[this.#inUse]++; // the peak is the module's to record, at the next release
    return slot;
  }

  #acquireSlotInWasm(): number {
    let slot: number;
    try {
      slot = this.#exports.acquire(this.id);
    } catch (error) {
      throw this.#arena.fault(error);
    }
    if (slot === codes.ERR_UNUSABLE) this.#arena.assertUsable();
    // memory.grow detaches every view of the old buffer: refresh before anyone reads one.
    if (this.#arena.buffer.byteLength === 0) this.#arena.refresh();
    // The arena is at maxBytes, but other pools may sit on empty slabs from an
    // earlier burst: take those back now rather than wait for the shrink timer.
    if (slot === codes.ERR_ARENA_FULL && this.#arena.reclaimFor(this) > 0) {
      this.#uncountExhaustion(); // the retry below counts its own outcome
      // Callers already waiting here come first: the reclaimed slab is theirs before this newcomer's.
      if (this.#waiters.length !== 0 && !this.#serving) this.serveWaiters();
      slot = this.#exports.acquire(this.id);
    }
    if (slot < 0) this.refusedAt = this.#arena.clock();
    return slot;
  }

  /** The cached view at `at` (`slot * 2 + (gen & 1)`), made on first use. */
  #viewAt(slot: number, at: number): Uint8Array {
    let view = this.#views[at];
    if (view === undefined) {
      view = new Uint8Array(this.#arena.buffer, this.#exports.slotAddress(this.id, slot), this.slotSize);
      this.#views[at] = view;
      this.#lentViews.add(view);
    }
    return view;
  }

  #lend(slot: number): Lease {
    const lease = this.#quarantined > LEASE_QUARANTINE ? this.#takeOldest() : this.#newLease();
    const gen = this.#i32[this.#metaBase + slot * 4]!; // as i32: wasm takes the same bits back
    // Alternate views per lending (by the generation's parity): see #views.
    const at = (slot << 1) | (gen & 1);
    lease.view = this.#views[at] ?? this.#viewAt(slot, at);
    lease.slot = slot;
    lease.gen = gen;
    lease.used = 0;
    this.#acquiredAt[slot] = this.#clock.now;
    this.#holders[slot] = lease.ref;
    if (this.#capturesStacks) this.#captureStack(slot);
    return lease;
  }

  /** The oldest quarantined lease object: more than LEASE_QUARANTINE releases have passed since its own. */
  #takeOldest(): Lease {
    const lease = this.#oldest!;
    this.#oldest = lease.next;
    lease.next = undefined; // a queued lease must not keep a lent one alive (the leak detector needs it collectable)
    this.#quarantined--;
    return lease;
  }

  #newLease(): Lease {
    const lease = new Lease(this);
    this.#arena.track(lease);
    return lease;
  }

  #captureStack(slot: number): void {
    if (this.#arena.captureStack()) this.#stacks.set(slot, new Error('acquired here').stack ?? '');
  }

  /** Queue a released lease object for reuse once LEASE_QUARANTINE later releases have passed. */
  #recycle(lease: Lease): void {
    const newest = this.#newest;
    if (newest === undefined) this.#oldest = lease;
    else newest.next = lease;
    this.#newest = lease;
    this.#quarantined++;
  }

  #slotOfBytes(bytes: Uint8Array): number {
    const buffer = this.#arena.buffer;
    if (bytes.buffer !== buffer) {
      throw new ForeignLeaseError(this.#arena.isStaleView(bytes)
        ? 'buffer is detached (from before the arena grew)'
        : `buffer is not from this arena's memory`);
    }
    const slot = this.#exports.slotAt(this.id, bytes.byteOffset);
    if (slot >= 0 && bytes.byteLength === this.slotSize) return slot;
    if (this.#lentViews.has(bytes)) throw new LeaseReleasedError(`buffer from an earlier lending in pool "${this.name}" (its slab was given back since)`);
    throw new ForeignLeaseError(`buffer at offset ${bytes.byteOffset} is not a slot of pool "${this.name}"`);
  }

  #exhausted(code: number): Error {
    switch (code) {
      case codes.ERR_EXHAUSTED: return new PoolExhaustedError(this.name, 'maxSlots', `all ${this.getStats().maxSlots} slots in use`);
      case codes.ERR_ARENA_FULL: return new PoolExhaustedError(this.name, 'maxBytes', `arena holds ${this.#arena.maxBytes} bytes`);
      case codes.ERR_GROW_REFUSED: return new PoolExhaustedError(this.name, 'memoryGrowRefused', 'the runtime refused memory.grow');
      default: return new ArenaClosedError(`unexpected arena code ${code}`);
    }
  }

  #dropWaiter(waiter: Waiter): void {
    const at = this.#waiters.indexOf(waiter);
    if (at >= 0) this.#waiters.splice(at, 1);
    this.#waitersChanged();
    this.#settleWaiter(waiter);
  }

  #waitersChanged(): void {
    this.#updateReleaseIsSlow();
    this.#arena.waitersChanged();
  }

  #settleWaiter(waiter: Waiter): void {
    if (waiter.timer !== undefined) clearTimeout(waiter.timer);
    if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
  }
}

/** Duck-typed (AbortSignal may come from another realm or a polyfill), but enough that settling a waiter cannot throw. */
function checkSignal(signal: unknown): void {
  const s = signal as Partial<AbortSignal> | null;
  if (typeof s !== 'object' || s === null || typeof s.aborted !== 'boolean'
    || typeof s.addEventListener !== 'function' || typeof s.removeEventListener !== 'function') {
    throw new TypeError('signal must be an AbortSignal');
  }
}
