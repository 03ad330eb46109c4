// Result codes returned by the wasm arena (assembly/arena/layout.ts defines them;
// test/arena/layout.node.test.ts checks that the two lists agree).
export const OK = 0;
export const ERR_EXHAUSTED = -1;
export const ERR_ARENA_FULL = -2;
export const ERR_GROW_REFUSED = -3;
export const ERR_BAD_POOL = -4;
export const ERR_BAD_SLOT = -5;
export const ERR_NOT_IN_USE = -6;
export const ERR_STALE = -7;
export const ERR_SEALED = -8;
export const ERR_BAD_CONFIG = -9;
/** Host-only: what a closed or faulted arena's stand-in exports answer. */
export const ERR_UNUSABLE = -100;

// Field offsets the host reads for stats (from assembly/arena/layout.ts).
export const H_SLAB_BYTES = 4;
export const H_MAX_SLABS = 8;
export const H_SLABS_BACKED = 12;
export const H_FREE_SLABS = 16;
export const H_SLAB_BASE = 24;
export const H_META_END = 32;
export const H_SLAB_OWNERS = 48;

export const P_SLOT_SIZE = 0;
export const P_STRIDE = 4;
export const P_SLOTS_PER_SLAB = 8;
export const P_MAX_SLOTS = 12;
export const P_CAPACITY = 24;
export const P_IN_USE = 28;
export const P_PEAK_IN_USE = 32;
export const P_FREE_HEAD = 36;
export const P_META = 40;
export const P_SLAB_MAP = 44;
export const P_MAX_POOL_SLABS = 16;
export const P_POISON = 52;
export const P_SLAB_SHIFT = 60;
export const NO_SHIFT = 0xffffffff;
export const P_COUNTERS = 64;
export const SLOT_META_BYTES = 16;
export const M_GEN = 0;
export const M_STATE = 4;
export const M_NEXT = 8;
export const STATE_IN_USE = 2;
export const SLAB_MAP_BYTES = 4;
export const P_MAPPED_SLABS = 48;
export const P_POISON_HITS = 56;

export const C_RELEASES = 0;
export const C_EXHAUSTIONS = 1;
export const C_GROWS = 2;
export const C_SHRINKS = 3;

export const ZERO_MODES = { none: 0, used: 1, full: 2 } as const;
