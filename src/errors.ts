/**
 * Every error arenaguard throws on purpose is an `ArenaGuardError` with a
 * stable `code`, so callers can branch on `err.code` instead of messages.
 * Invalid options are the exception: they throw the built-in `RangeError`
 * (or `TypeError` for a wrong type), naming the option.
 *
 * @example
 * ```ts
 * try { pool.acquire(); }
 * catch (err) {
 *   if (err instanceof PoolExhaustedError) return new Response('busy', { status: 503 });
 *   throw err;
 * }
 * ```
 */
export class ArenaGuardError extends Error {
  /** Machine-readable reason, e.g. `'POOL_EXHAUSTED'`. */
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * The pool is at its `maxSlots`, or the arena at its `maxBytes` (or the runtime
 * refused to grow memory); from `acquireAsync` also a wait that timed out or a
 * full wait queue. Load, not a bug: answer 503 or wait (`acquireAsync`).
 *
 * @example
 * ```ts
 * const arena = await createArena({ pools: [{ name: 'one', slotSize: 1024, initialSlots: 1, maxSlots: 1 }] });
 * const pool = arena.getPool('one');
 * const held = pool.acquire();
 * try { pool.acquire(); } catch (err) {
 *   if (err instanceof PoolExhaustedError) console.log(err.code, err.pool, err.reason); // POOL_EXHAUSTED one maxSlots
 * }
 * ```
 */
export class PoolExhaustedError extends ArenaGuardError {
  /** Which limit was hit. */
  readonly reason: 'maxSlots' | 'maxBytes' | 'memoryGrowRefused' | 'timeout' | 'waitQueueFull';
  /** Name of the pool that refused. */
  readonly pool: string;
  constructor(pool: string, reason: PoolExhaustedError['reason'], detail = '') {
    super('POOL_EXHAUSTED', `pool "${pool}" exhausted (${reason})${detail ? `: ${detail}` : ''}`);
    this.pool = pool;
    this.reason = reason;
  }
}

/**
 * The lease was already released: a double release, or a use after release.
 * Thrown before anything changes, so the slot's next holder is never touched.
 *
 * @example
 * ```ts
 * const lease = arena.getPool('small').acquire();
 * lease.release();
 * try { lease.release(); } catch (err) {
 *   console.log(err instanceof LeaseReleasedError, err.code); // true LEASE_RELEASED
 * }
 * ```
 */
export class LeaseReleasedError extends ArenaGuardError {
  constructor(what: string) {
    super('LEASE_RELEASED', `lease already released: ${what}`);
  }
}

/**
 * The lease (or buffer) does not belong to this pool or arena: released
 * through the wrong pool, or a view that is not a slot of it.
 *
 * @example
 * ```ts
 * const a = await createArena();
 * const b = await createArena();
 * const lease = a.getPool('small').acquire();
 * try { b.getPool('small').release(lease); } catch (err) {
 *   console.log(err instanceof ForeignLeaseError, err.code); // true FOREIGN_LEASE
 * }
 * lease.release(); // still held: the failed call changed nothing
 * ```
 */
export class ForeignLeaseError extends ArenaGuardError {
  constructor(what: string) {
    super('FOREIGN_LEASE', what);
  }
}

/**
 * The arena was closed, or is unusable after an internal fault (a wasm trap).
 * An unusable arena stays so: create a new one.
 *
 * @example
 * ```ts
 * const arena = await createArena();
 * await arena.close();
 * try { arena.getPool('small').acquire(); } catch (err) {
 *   console.log(err instanceof ArenaClosedError, err.code); // true ARENA_CLOSED
 * }
 * ```
 */
export class ArenaClosedError extends ArenaGuardError {
  constructor(reason: string, options?: { cause?: unknown }) {
    super('ARENA_CLOSED', `arena unavailable: ${reason}`, options);
  }
}

/**
 * The operation was aborted through its `AbortSignal` (`acquireAsync`'s
 * `signal`); the cause is the signal's `reason`.
 *
 * @example
 * ```ts
 * const held = pool.acquire(); // a pool with maxSlots: 1
 * const controller = new AbortController();
 * const waiting = pool.acquireAsync({ signal: controller.signal });
 * controller.abort();
 * await waiting.catch((err) => console.log(err instanceof AcquireAbortedError, err.code)); // true ACQUIRE_ABORTED
 * ```
 */
export class AcquireAbortedError extends ArenaGuardError {
  constructor(pool: string, options?: { cause?: unknown }) {
    super('ACQUIRE_ABORTED', `acquire on pool "${pool}" aborted`, options);
  }
}
