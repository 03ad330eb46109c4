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

/** The pool is at its `maxSlots`, or the arena at its `maxBytes` (or the runtime refused to grow memory). */
export class PoolExhaustedError extends ArenaGuardError {
  /** Which limit was hit. */
  readonly reason: 'maxSlots' | 'maxBytes' | 'memoryGrowRefused' | 'timeout' | 'waitQueueFull';
  readonly pool: string;
  constructor(pool: string, reason: PoolExhaustedError['reason'], detail = '') {
    super('POOL_EXHAUSTED', `pool "${pool}" exhausted (${reason})${detail ? `: ${detail}` : ''}`);
    this.pool = pool;
    this.reason = reason;
  }
}

/** The lease was already released: a double release, or a use after release. */
export class LeaseReleasedError extends ArenaGuardError {
  constructor(what: string) {
    super('LEASE_RELEASED', `lease already released: ${what}`);
  }
}

/** The lease (or buffer) does not belong to this pool or arena. */
export class ForeignLeaseError extends ArenaGuardError {
  constructor(what: string) {
    super('FOREIGN_LEASE', what);
  }
}

/** The arena was closed, or is unusable after an internal fault (a wasm trap). */
export class ArenaClosedError extends ArenaGuardError {
  constructor(reason: string, options?: { cause?: unknown }) {
    super('ARENA_CLOSED', `arena unavailable: ${reason}`, options);
  }
}

/** The operation was aborted through its `AbortSignal`. */
export class AcquireAbortedError extends ArenaGuardError {
  constructor(pool: string, options?: { cause?: unknown }) {
    super('ACQUIRE_ABORTED', `acquire on pool "${pool}" aborted`, options);
  }
}
