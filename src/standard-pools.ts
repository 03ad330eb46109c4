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
