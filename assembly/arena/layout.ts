// Memory layout of the arena. Every address the arena uses is derived from the
// constants in this file; nothing else in the module hard-codes an offset.
//
//  0            __heap_base        ARENA_HEADER                   metaEnd    slabBase (64 KiB aligned)
//  +------------+------------------+--------+------------------+--+----------+--------+--------+---
//  | static data| runtime zone     | arena  | pool descriptors |  | slot meta|        |        |
//  | (rule      | (RUNTIME_ZONE_   | header | POOL_DESC_BYTES  |..| slab maps| slab 0 | slab 1 | ...
//  |  tables)   |  BYTES, unused)  |        | x MAX_POOLS      |  | free slab|        |        |
//  |            |                  |        |                  |  | stack,   |        |        |
//  |            |                  |        |                  |  | owners   |        |        |
//  +------------+------------------+--------+------------------+--+----------+--------+--------+---
//                                                                            ^ memory.grow adds slabs
//                                                                              here, never past maxSlabs
//
// The module is built with the `stub` runtime and never allocates through it:
// the runtime zone only exists so that an accidental managed allocation lands
// below the arena instead of inside a slab (a test pins `runtimeProbe() < arenaHeader()`).
//
// Slot metadata (SLOT_META_BYTES per slot, one array per pool, sized for maxSlots):
//
//  +--------------+--------------+--------------+--------------+
//  | gen: u32     | state: u32   | next: i32    | address: u32 |
//  +--------------+--------------+--------------+--------------+
//   gen grows on every release, so a (slot, gen) handle from an earlier
//   holder never validates again; next links the pool's free list (singly:
//   acquire and release stay a handful of loads and stores, and the rare
//   shrink rebuilds the list); address is where the slot's bytes start,
//   written when its slab is mapped (valid while the state is not UNMAPPED),
//   so a release finds them with one load instead of the slab map.
//
// Pool slab map (SLAB_MAP_BYTES per pool slab): the arena slab number, -1 when
// the pool slab is not mapped.
//
// Counters are f64 (exact to 2^53). There is no acquire counter on purpose:
// acquires = releases + inUse, so the hot path keeps one store fewer.

export const RUNTIME_ZONE_BYTES: u32 = 4096;
export const PAGE_BYTES: u32 = 65536;
export const MAX_POOLS: u32 = 16;

// Arena header (u32 fields).
export const H_MAGIC: u32 = 0;
export const H_SLAB_BYTES: u32 = 4;
export const H_MAX_SLABS: u32 = 8;
export const H_SLABS_BACKED: u32 = 12; // slabs that memory.grow has backed (high-water)
export const H_FREE_SLABS: u32 = 16;   // entries on the free slab stack
export const H_POOL_COUNT: u32 = 20;
export const H_SLAB_BASE: u32 = 24;
export const H_FREE_STACK: u32 = 28;   // address of the free slab stack (u32 x maxSlabs)
export const H_META_END: u32 = 32;
export const H_GROW_LIMIT: u32 = 36;   // test hook: refuse memory.grow past this many pages (0 = no limit)
export const H_SEALED: u32 = 40;       // 1 once the layout is fixed: no more pools may be defined
export const H_FAULT: u32 = 44;        // test hook: 1 = trap on the next acquire
export const H_SLAB_OWNERS: u32 = 48;  // address of the slab owner table (i32 x maxSlabs): pool << 24 | pool slab, or -1
export const HEADER_BYTES: u32 = 64;
export const ARENA_MAGIC: u32 = 0x41524e41; // "ARNA"

// Pool descriptor: u32 fields first, f64 counters from P_COUNTERS.
export const POOL_DESC_BYTES: u32 = 128;
export const P_SLOT_SIZE: u32 = 0;
export const P_STRIDE: u32 = 4;
export const P_SLOTS_PER_SLAB: u32 = 8;
export const P_MAX_SLOTS: u32 = 12;
export const P_MAX_POOL_SLABS: u32 = 16;
export const P_ZERO_MODE: u32 = 20;
export const P_CAPACITY: u32 = 24;
export const P_IN_USE: u32 = 28;
export const P_PEAK_IN_USE: u32 = 32;  // highest inUse a release has ended (peak = max of this and P_IN_USE)
export const P_FREE_HEAD: u32 = 36;
export const P_META: u32 = 40;
export const P_SLAB_MAP: u32 = 44;
export const P_MAPPED_SLABS: u32 = 48;
export const P_POISON: u32 = 52;        // 1 = fill released slots with POISON_BYTE and check on acquire
export const P_POISON_HITS: u32 = 56;   // acquires that found a poisoned slot written after release
export const P_SLAB_SHIFT: u32 = 60;    // log2(slotsPerSlab) when a power of two, else NO_SHIFT (divide)
export const NO_SHIFT: u32 = 0xffffffff;
export const P_COUNTERS: u32 = 64;
export const C_RELEASES: u32 = 0;
export const C_EXHAUSTIONS: u32 = 1;
export const C_GROWS: u32 = 2;
export const C_SHRINKS: u32 = 3;

export const SLOT_META_BYTES: u32 = 16;
export const M_GEN: u32 = 0;
export const M_STATE: u32 = 4;
export const M_NEXT: u32 = 8;
export const M_ADDRESS: u32 = 12;

export const STATE_UNMAPPED: u32 = 0;
export const STATE_FREE: u32 = 1;
export const STATE_IN_USE: u32 = 2;

export const SLAB_MAP_BYTES: u32 = 4;
export const S_ARENA_SLAB: u32 = 0;

export const ZERO_NONE: u32 = 0;
export const ZERO_USED: u32 = 1;
export const ZERO_FULL: u32 = 2;
export const POISON_BYTE: u8 = 0xa5;
export const SLOT_ALIGN: u32 = 16;

// Result codes shared with the host (src/wasm/codes.ts mirrors them; a test compares).
export const OK: i32 = 0;
export const ERR_EXHAUSTED: i32 = -1;       // pool at maxSlots
export const ERR_ARENA_FULL: i32 = -2;      // arena at maxBytes
export const ERR_GROW_REFUSED: i32 = -3;    // the runtime refused memory.grow
export const ERR_BAD_POOL: i32 = -4;
export const ERR_BAD_SLOT: i32 = -5;        // slot out of range or not mapped
export const ERR_NOT_IN_USE: i32 = -6;      // double release
export const ERR_STALE: i32 = -7;           // generation mismatch: a handle from an earlier holder
export const ERR_SEALED: i32 = -8;
export const ERR_BAD_CONFIG: i32 = -9;
