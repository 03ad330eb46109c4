import type { PoolOptions } from './api.js';

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
  overrides: Partial<Record<'small' | 'medium' | 'large', Partial<Omit<PoolOptions, 'name'>>>> = {},
): PoolOptions[] {
  return [
    { name: 'small', slotSize: 1024, initialSlots: 64, maxSlots: 65536, ...overrides.small },
    { name: 'medium', slotSize: 8192, initialSlots: 8, maxSlots: 8192, ...overrides.medium },
    { name: 'large', slotSize: 65536, initialSlots: 2, maxSlots: 1024, ...overrides.large },
  ];
}
