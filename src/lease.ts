// The lease is Disposable (`using`): consumers whose own lib setting lacks it still type-check these declarations.
/// <reference lib="esnext.disposable" preserve="true" />
import { ArenaClosedError, LeaseReleasedError } from './errors.js';
import type { Pool } from './pool.js';

/** Use of a released or orphaned lease (a module function: a private method call costs `bytes` more bytecode, and a smaller getter inlines more surely). */
function throwUnusable(lease: Lease, what: string): never {
  throw lease.orphaned
    ? new ArenaClosedError(`${what} a "${lease.pool.name}" lease: the arena was closed`)
    : new LeaseReleasedError(`${what} a released "${lease.pool.name}" lease`);
}

/** A WeakRef's shape holding its value strongly, for runtimes without WeakRef. */
function strongRef<T>(value: T): { deref(): T } {
  return { deref: () => value };
}

const dispose: typeof Symbol.dispose = Symbol.dispose ?? Symbol.for('Symbol.dispose');

/**
 * A slot held from a pool. `bytes` is a view into the arena's wasm memory;
 * release the lease when done (or hold it with `using`).
 *
 * Lease objects are recycled by the pool (so steady-state acquire/release
 * creates no garbage) after a quarantine of 256 later releases; a released
 * lease is therefore always reported as released until then. Turn on
 * `debug` for leases that are never recycled.
 *
 * @example
 * ```ts
 * const lease = pool.acquire();
 * lease.write(new TextEncoder().encode('hello'));
 * console.log(lease.bytes[0]); // 104
 * lease.release();
 * { using scratch = pool.acquire(); scratch.bytes.fill(1); } // released here
 * ```
 */
export class Lease {
  /** @internal */ slot = -1;
  /** @internal */ gen = 0;
  /** @internal The arena closed while this lease was held: its bytes are gone, releasing it is a no-op once. */
  orphaned = false;
  /** @internal Highest byte the holder may have written, for `zeroOnRelease: 'used'`. */
  used = 0;
  /**
   * @internal How the pool finds this lease while it holds a slot (to renew its view when memory
   * grows): weakly, so a leaked lease can be collected; strongly where the runtime has no
   * WeakRef (workerd) — there nothing could report the leak anyway, and a lease the pool could
   * not find would keep a dead view after growth.
   */
  readonly ref: { deref(): Lease | undefined };
  /** @internal The pool's slot size, kept here to spare `bytes` a load. */
  readonly slotSize: number;
  /**
   * @internal The slot's view while the lease is held (replaced by the pool
   * when wasm memory grows), undefined once released or orphaned: this is the
   * lease's state (no separate field to write per acquire and release), and
   * one load tells `bytes` both.
   */
  view: Uint8Array | undefined = undefined;
  /** @internal The next lease object in the pool's quarantine queue. */
  next: Lease | undefined = undefined;

  /** @internal */
  constructor(
    /** The pool this lease's slot belongs to; its `release(lease)` is the same as `lease.release()`. */
    readonly pool: Pool,
  ) {
    this.slotSize = pool.slotSize;
    this.ref = typeof WeakRef === 'function' ? new WeakRef(this) : strongRef(this);
  }

  /**
   * The slot's bytes: a `Uint8Array` of exactly `pool.slotSize` bytes in wasm
   * memory. Read it again after any other acquire: when the arena grows,
   * wasm memory is replaced and older views read as empty. The getter always
   * returns a live view. Throws `LeaseReleasedError` after release.
   */
  get bytes(): Uint8Array {
    // Kept small for the engine to inline: one load tells the state, no private method call.
    const view = this.view;
    if (view === undefined) throwUnusable(this, 'bytes of');
    this.used = this.slotSize;
    return view;
  }

  /** Slot size in bytes. */
  get byteLength(): number {
    return this.slotSize;
  }

  /** True once released. */
  get released(): boolean {
    return this.view === undefined;
  }

  /**
   * Copy `source` (bytes: a typed array or an array of numbers) into the slot
   * at `offset`, tracking how far the slot was written (so
   * `zeroOnRelease: 'used'` zeroes only that). Returns the end offset.
   * Throws `TypeError` for a string or other non-object: encode text first
   * (`new TextEncoder().encode(text)`), a string would copy as zeros. A typed
   * array of wider elements (`Uint16Array`, `Float64Array`…) is a `TypeError`
   * too, and an array holding a number that is no byte (300, -1, 1.5) a
   * `RangeError`: each element would be cut to one byte, silently. To copy a
   * typed array's bytes, pass `new Uint8Array(a.buffer, a.byteOffset, a.byteLength)`.
   *
   * @example
   * ```ts
   * const lease = pool.acquire();
   * const end = lease.write(new TextEncoder().encode('hello'), 0); // 5
   * ```
   */
  write(source: ArrayLike<number>, offset = 0): number {
    const view = this.view;
    if (view === undefined) throwUnusable(this, 'write to');
    if (typeof source !== 'object' || source === null) {
      throw new TypeError(`write() takes bytes (a Uint8Array or an array of numbers), got ${source === null ? 'null' : typeof source}`);
    }
    if (ArrayBuffer.isView(source)) {
      if (!(source instanceof Uint8Array || source instanceof Uint8ClampedArray || source instanceof Int8Array)) {
        throw new TypeError(`write() takes bytes; a ${source.constructor.name} would be cut to one byte per element (pass new Uint8Array(a.buffer, a.byteOffset, a.byteLength) to copy its bytes)`);
      }
    } else {
      for (let i = 0; i < source.length; i++) {
        const value = source[i];
        if (!Number.isInteger(value) || value! < 0 || value! > 255) throw new RangeError(`write(): element ${i} is ${String(value)}, not a byte (an integer from 0 to 255)`);
      }
    }
    const end = offset + source.length;
    if (!Number.isInteger(offset) || offset < 0 || end > this.slotSize) {
      throw new RangeError(`write of ${source.length} bytes at offset ${offset} exceeds the slot size ${this.slotSize}`);
    }
    view.set(source, offset);
    if (end > this.used) this.used = end;
    return end;
  }

  /** Give the slot back (zeroed). Throws `LeaseReleasedError` on a second call. */
  release(): void {
    // Just the call, so the engine always inlines it: the pool checks the state.
    this.pool.releaseLease(this);
  }

  /** @internal Release of a lease that is not held: an error, or the one no-op after the arena closed. */
  releaseAgain(): void {
    if (!this.orphaned) throw new LeaseReleasedError(`double release of a "${this.pool.name}" lease`);
    this.orphaned = false;
  }

  /**
   * For `using`: releases unless already released. Releasing early inside the
   * block is fine, as long as the block ends before the pool has seen 256 more
   * releases: the lease object may then be lent again, and this would release
   * its new holder (see LEASE_QUARANTINE in pool.ts; `withBuffer` has no such limit).
   */
  [dispose](): void {
    if (this.view !== undefined) this.pool.releaseLease(this);
    else this.orphaned = false;
  }
}
