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
  /** Called for each leaked lease the garbage collector finds. */
  onLeak?: (report: LeakReport) => void;
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

export interface AcquireAsyncOptions {
  /** Give up after this many ms with `PoolExhaustedError` (reason `'timeout'`). 0 = don't wait. Default: wait forever. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface PoolStats {
  name: string;
  slotSize: number;
  /** Slots mapped right now (free + in use). */
  capacity: number;
  maxSlots: number;
  inUse: number;
  free: number;
  peakInUse: number;
  acquires: number;
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

export interface ArenaStats {
  /** Bytes of all slabs mapped to pools. */
  bytesReserved: number;
  /** Bytes of the slots held right now. */
  bytesInUse: number;
  /** Bytes of slabs given back by shrinking, ready for any pool (wasm memory never goes back to the OS). */
  bytesFree: number;
  maxBytes: number;
  /** Wasm memory pages (64 KiB) the module holds in total: static data, metadata and slabs. */
  memoryPages: number;
  /** Bytes of allocator metadata below the first slab. */
  metadataBytes: number;
  pools: Record<string, PoolStats>;
}

export interface HealthCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface HealthReport {
  /** Every check passed: `status === 'ok'`. A `degraded` arena still works; `failing` does not. */
  healthy: boolean;
  status: 'ok' | 'degraded' | 'failing';
  checks: HealthCheck[];
}
