// Option validation: every bad value throws RangeError (TypeError for a wrong
// type) naming the option. 0 is always a value, never "use the default".
import type { ArenaOptions, AutoShrinkOptions, PoolOptions, ZeroMode } from './api.js';
import { createStandardPools } from './standard-pools.js';
import { rejectUnknownKeys, show, type KeyList } from './option-keys.js';

export const MAX_SLOT_SIZE = 16 * 1024 * 1024;
export const MAX_POOLS = 16;
const MAX_ARENA_BYTES = 3 * 1024 * 1024 * 1024; // wasm32 addresses, less room for metadata
const PAGE = 65536;

/** C0 and C1 controls, DEL, and UTF-16 surrogates without their pair. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every key of `ArenaOptions`. */
export const ARENA_OPTION_KEYS: KeyList<ArenaOptions> = {
  pools: true, maxBytes: true, zeroOnRelease: true, wasm: true, debug: true, onLeak: true,
  leakStackSampleRate: true, autoShrink: true, memoryGrowth: true, maxWaiters: true,
};
/** Every key of `PoolOptions` (one entry of `pools`). */
export const POOL_OPTION_KEYS: KeyList<PoolOptions> = { name: true, slotSize: true, initialSlots: true, maxSlots: true };
/** Every key of `AutoShrinkOptions`. */
export const AUTO_SHRINK_OPTION_KEYS: KeyList<AutoShrinkOptions> = { intervalMs: true };

/** createArena's hint for a pool's option given to the arena itself. */
function poolKeyAtTop(key: string): string | undefined {
  return Object.hasOwn(POOL_OPTION_KEYS, key) ? `${key} is an option of each pool: pools: [{ name, slotSize, ${key}, ... }]` : undefined;
}

export function integerOption(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number, got ${typeof value}`);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

export interface ResolvedPool {
  name: string;
  slotSize: number;
  initialSlots: number;
  maxSlots: number;
}

export interface ResolvedArenaOptions {
  pools: ResolvedPool[];
  maxBytes: number;
  slabBytes: number;
  zeroOnRelease: ZeroMode;
  debug: boolean;
  leakStackSampleRate: number;
  autoShrinkMs: number | false;
  maxWaiters: number;
  reserveMemory: boolean;
}

function resolvePools(pools: readonly PoolOptions[]): ResolvedPool[] {
  if (!Array.isArray(pools)) throw new TypeError('pools must be an array of { name, slotSize, initialSlots, maxSlots }');
  if (pools.length === 0 || pools.length > MAX_POOLS) {
    throw new RangeError(`pools must hold 1 to ${MAX_POOLS} size classes, got ${pools.length}`);
  }
  const names = new Set<string>();
  const resolved: ResolvedPool[] = [];
  // An index loop, not map(): map skips holes, which then failed later as an unnamed layout error.
  for (let i = 0; i < pools.length; i++) {
    const pool = pools[i];
    const at = `pools[${i}]`;
    if (typeof pool !== 'object' || pool === null) throw new TypeError(`${at} must be an object`);
    rejectUnknownKeys(pool, POOL_OPTION_KEYS, 'createArena()', at);
    if (typeof pool.name !== 'string' || pool.name.length === 0) throw new RangeError(`${at}.name must be a non-empty string`);
    // (names go into metrics labels, health check names and logs: text that prints, one way)
    if (UNPRINTABLE.test(pool.name)) {
      throw new RangeError(`${at}.name ${JSON.stringify(pool.name)} holds a control character or a lone surrogate`);
    }
    if (names.has(pool.name)) throw new RangeError(`${at}.name "${pool.name}" is used twice`);
    names.add(pool.name);
    try {
      const slotSize = integerOption(`${at}.slotSize`, pool.slotSize, 1, MAX_SLOT_SIZE);
      const maxSlots = integerOption(`${at}.maxSlots`, pool.maxSlots ?? 1024, 0, 0xffffffff);
      const initialSlots = integerOption(`${at}.initialSlots`, pool.initialSlots ?? 0, 0, maxSlots);
      resolved.push({ name: pool.name, slotSize, initialSlots, maxSlots });
    } catch (error) {
      // (the index alone does not say which pool a standard list's override broke)
      if (error instanceof RangeError) throw new RangeError(`${error.message} (pool "${pool.name}")`);
      throw error;
    }
  }
  return resolved;
}

/** A `wasm` string must parse as a URL: `new URL('x')` alone says only "Invalid URL", not which option. */
function checkWasmUrl(wasm: unknown): void {
  if (typeof wasm !== 'string') return;
  try {
    new URL(wasm);
  } catch (error) {
    throw new TypeError(`wasm: not a WebAssembly.Module, bytes or a URL (${show(wasm)})`, { cause: error });
  }
}

export function resolveArenaOptions(options: ArenaOptions = {}): ResolvedArenaOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('createArena options must be an object');
  rejectUnknownKeys(options, ARENA_OPTION_KEYS, 'createArena()', undefined, poolKeyAtTop);
  checkWasmUrl(options.wasm);
  const pools = resolvePools(options.pools ?? createStandardPools());
  const maxBytes = integerOption('maxBytes', options.maxBytes ?? 64 * 1024 * 1024, 0, MAX_ARENA_BYTES);
  // One slab size for the whole arena, so a slab given back by one pool fits any other.
  const largestStride = Math.max(...pools.map((p) => Math.ceil(p.slotSize / 16) * 16));
  const slabBytes = Math.max(PAGE, Math.ceil(largestStride / PAGE) * PAGE);
  // The arena holds whole slabs: 1 to slabBytes - 1 holds none, and every acquire would fail.
  // (0 stays a value: an arena that holds nothing, on purpose.)
  if (maxBytes > 0 && maxBytes < slabBytes) {
    throw new RangeError(`maxBytes must be 0 or at least one slab (${slabBytes} bytes for these pools), got ${maxBytes}`);
  }
  const zeroOnRelease = options.zeroOnRelease ?? 'full';
  if (zeroOnRelease !== 'full' && zeroOnRelease !== 'used' && zeroOnRelease !== 'none') {
    throw new RangeError(`zeroOnRelease must be 'full', 'used' or 'none', got ${show(zeroOnRelease)}`);
  }
  const rate = options.leakStackSampleRate ?? 0;
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    throw new RangeError(`leakStackSampleRate must be a number from 0 to 1, got ${show(rate)}`);
  }
  let autoShrinkMs: number | false = 30_000;
  if (options.autoShrink === false) autoShrinkMs = false;
  else if (options.autoShrink !== undefined) {
    if (typeof options.autoShrink !== 'object' || options.autoShrink === null) {
      throw new TypeError('autoShrink must be { intervalMs } or false');
    }
    rejectUnknownKeys(options.autoShrink, AUTO_SHRINK_OPTION_KEYS, 'createArena()', 'autoShrink');
    autoShrinkMs = integerOption('autoShrink.intervalMs', options.autoShrink.intervalMs, 1, 2 ** 31 - 1);
  }
  const maxWaiters = integerOption('maxWaiters', options.maxWaiters ?? 1024, 0, 1 << 24);
  const memoryGrowth = options.memoryGrowth ?? 'on-demand';
  if (memoryGrowth !== 'on-demand' && memoryGrowth !== 'reserve') {
    throw new RangeError(`memoryGrowth must be 'on-demand' or 'reserve', got ${show(memoryGrowth)}`);
  }
  if (options.onLeak !== undefined && typeof options.onLeak !== 'function') throw new TypeError('onLeak must be a function');
  if (options.debug !== undefined && typeof options.debug !== 'boolean') throw new TypeError('debug must be a boolean');
  return {
    pools,
    maxBytes,
    slabBytes,
    zeroOnRelease,
    debug: options.debug ?? false,
    leakStackSampleRate: rate,
    autoShrinkMs,
    maxWaiters,
    reserveMemory: memoryGrowth === 'reserve',
  };
}
