import type { PoolOptions } from './api.js';
import { rejectUnknownKeys, type KeyList } from './option-keys.js';

type StandardClass = 'small' | 'medium' | 'large';
/** Every key of `createStandardPools`' overrides (one per standard class). */
const STANDARD_POOL_KEYS: KeyList<Record<StandardClass, unknown>> = { small: true, medium: true, large: true };
/** What an override may change: a pool's options but its name. */
const OVERRIDE_KEYS: KeyList<Omit<PoolOptions, 'name'>> = { slotSize: true, initialSlots: true, maxSlots: true };

/**
 * The standard size classes: `small` 1 KiB, `medium` 8 KiB, `large` 64 KiB.
 * Their `maxSlots` add up to more than a 64 MiB arena on purpose: the pools
 * share the arena's `maxBytes`, so whichever class is busy can use it.
 *
 * @example
 * ```ts
 * const arena = await createArena({ pools: createStandardPools({ small: { maxSlots: 4096 } }) });
 * ```
 */
export function createStandardPools(
  overrides: Partial<Record<StandardClass, Partial<Omit<PoolOptions, 'name'>>>> = {},
): PoolOptions[] {
  if (typeof overrides !== 'object' || overrides === null) throw new TypeError('createStandardPools overrides must be an object');
  rejectUnknownKeys(overrides, STANDARD_POOL_KEYS, 'createStandardPools()');
  for (const name of ['small', 'medium', 'large'] as const) {
    const override = overrides[name];
    if (override !== undefined && (typeof override !== 'object' || override === null)) throw new TypeError(`createStandardPools: ${name} must be an object`);
    rejectUnknownKeys(override, OVERRIDE_KEYS, 'createStandardPools()', name);
  }
  return [
    standard('small', 1024, 64, 65536, overrides.small),
    standard('medium', 8192, 8, 8192, overrides.medium),
    standard('large', 65536, 2, 1024, overrides.large),
  ];
}

/**
 * One standard class with its overrides. A `maxSlots` given without `initialSlots` caps the
 * default `initialSlots` too (`{ medium: { maxSlots: 6 } }` would otherwise ask for 8 of 6).
 */
function standard(name: string, slotSize: number, initialSlots: number, maxSlots: number, override: Partial<Omit<PoolOptions, 'name'>> = {}): PoolOptions {
  const capped = override.initialSlots === undefined && typeof override.maxSlots === 'number' && override.maxSlots >= 0
    ? Math.min(initialSlots, override.maxSlots) : initialSlots;
  return { name, slotSize, initialSlots: capped, maxSlots, ...override };
}
