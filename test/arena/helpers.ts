import { createArena, type ArenaOptions } from '../../src/index.js';

/** A small arena without timers, so tests stay deterministic. */
export function smallArena(options: ArenaOptions = {}) {
  return createArena({
    pools: [
      { name: 'small', slotSize: 1024, initialSlots: 4, maxSlots: 256 },
      { name: 'large', slotSize: 65536, initialSlots: 1, maxSlots: 16 },
    ],
    maxBytes: 4 * 1024 * 1024,
    autoShrink: false,
    ...options,
  });
}

export const countsOf = (stats: { acquires: number; releases: number; inUse: number; exhaustions: number; capacity: number }) => ({
  acquires: stats.acquires,
  releases: stats.releases,
  inUse: stats.inUse,
  exhaustions: stats.exhaustions,
  capacity: stats.capacity,
});

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
