// The slot arena: fixed-size slots carved from 64 KiB-aligned slabs, all state
// in linear memory (see layout.ts for the picture). Every handle the host hands
// back is validated here, always: pool id, slot range, mapping, state, generation.
import {
  RUNTIME_ZONE_BYTES, PAGE_BYTES, MAX_POOLS, HEADER_BYTES, ARENA_MAGIC,
  H_MAGIC, H_SLAB_BYTES, H_MAX_SLABS, H_SLABS_BACKED, H_FREE_SLABS, H_POOL_COUNT, H_SLAB_BASE,
  H_FREE_STACK, H_META_END, H_GROW_LIMIT, H_SEALED, H_FAULT, H_SLAB_OWNERS,
  POOL_DESC_BYTES, P_SLOT_SIZE, P_STRIDE, P_SLOTS_PER_SLAB, P_MAX_SLOTS, P_MAX_POOL_SLABS, P_ZERO_MODE,
  P_CAPACITY, P_IN_USE, P_PEAK_IN_USE, P_FREE_HEAD, P_META, P_SLAB_MAP, P_MAPPED_SLABS, P_POISON,
  P_POISON_HITS, P_SLAB_SHIFT, NO_SHIFT, P_COUNTERS, C_RELEASES, C_EXHAUSTIONS, C_GROWS, C_SHRINKS,
  SLOT_META_BYTES, M_GEN, M_STATE, M_NEXT, M_ADDRESS, STATE_UNMAPPED, STATE_FREE, STATE_IN_USE,
  SLAB_MAP_BYTES, S_ARENA_SLAB, ZERO_USED, ZERO_FULL, POISON_BYTE, SLOT_ALIGN,
  OK, ERR_EXHAUSTED, ERR_ARENA_FULL, ERR_GROW_REFUSED, ERR_BAD_POOL, ERR_BAD_SLOT, ERR_NOT_IN_USE,
  ERR_STALE, ERR_SEALED, ERR_BAD_CONFIG,
} from "./layout";

// @ts-ignore: decorator
@inline function alignUp(value: usize, alignment: usize): usize {
  return (value + alignment - 1) & ~(alignment - 1);
}

/** Address of the arena header: above the static data and the runtime zone. */
export function arenaHeader(): usize {
  return alignUp(__heap_base + RUNTIME_ZONE_BYTES, 64);
}

// @ts-ignore: decorator
@inline function header(): usize { return arenaHeader(); }
// @ts-ignore: decorator
@inline function hget(field: u32): u32 { return load<u32>(header() + field); }
// @ts-ignore: decorator
@inline function hset(field: u32, value: u32): void { store<u32>(header() + field, value); }
// @ts-ignore: decorator
@inline function pool(id: u32): usize { return header() + HEADER_BYTES + <usize>id * POOL_DESC_BYTES; }
// @ts-ignore: decorator
@inline function pget(p: usize, field: u32): u32 { return load<u32>(p + field); }
// @ts-ignore: decorator
@inline function pset(p: usize, field: u32, value: u32): void { store<u32>(p + field, value); }
// @ts-ignore: decorator
@inline function bump(p: usize, counter: u32): void {
  const at = p + P_COUNTERS + (<usize>counter << 3);
  store<f64>(at, load<f64>(at) + 1.0);
}
// @ts-ignore: decorator
@inline function meta(p: usize, slot: u32): usize {
  return <usize>pget(p, P_META) + <usize>slot * SLOT_META_BYTES;
}
// @ts-ignore: decorator
@inline function slabEntry(p: usize, poolSlab: u32): usize {
  return <usize>pget(p, P_SLAB_MAP) + <usize>poolSlab * SLAB_MAP_BYTES;
}

/** The pool slab holding `slot`: a shift for the usual power-of-two slabs (a division costs ~20 cycles). */
// @ts-ignore: decorator
@inline function slabOf(p: usize, slot: u32): u32 {
  const shift = pget(p, P_SLAB_SHIFT);
  return shift != NO_SHIFT ? slot >> shift : slot / pget(p, P_SLOTS_PER_SLAB);
}

// @ts-ignore: decorator
@inline function indexInSlab(p: usize, slot: u32): u32 {
  const shift = pget(p, P_SLAB_SHIFT);
  return shift != NO_SHIFT ? slot & ((1 << shift) - 1) : slot % pget(p, P_SLOTS_PER_SLAB);
}

// @ts-ignore: decorator
@inline function slabOwner(arenaSlab: i32): usize {
  return <usize>hget(H_SLAB_OWNERS) + (<usize>arenaSlab << 2);
}

// @ts-ignore: decorator
@inline function poolId(p: usize): u32 {
  return <u32>((p - header() - HEADER_BYTES) / POOL_DESC_BYTES);
}

/** Ensure linear memory reaches `end`, honouring the test grow limit. */
function ensureMemory(end: usize): bool {
  const have = <usize>memory.size() * PAGE_BYTES;
  if (end <= have) return true;
  const pages = <i32>((end - have + PAGE_BYTES - 1) / PAGE_BYTES);
  // (the header itself may lie past the module's initial memory when static data ends near a page
  // boundary: arenaInit grows memory before writing it, so there is no limit to read yet)
  const limit = header() + HEADER_BYTES <= have ? hget(H_GROW_LIMIT) : 0;
  if (limit != 0 && <u32>memory.size() + <u32>pages > limit) return false;
  return memory.grow(pages) >= 0;
}

/** Start a fresh arena. `slabBytes` must be a multiple of 64 KiB. */
export function arenaInit(slabBytes: u32, maxSlabs: u32): i32 {
  if (slabBytes == 0 || slabBytes % PAGE_BYTES != 0) return ERR_BAD_CONFIG;
  const end = header() + HEADER_BYTES + MAX_POOLS * POOL_DESC_BYTES;
  if (!ensureMemory(end)) return ERR_GROW_REFUSED;
  memory.fill(header(), 0, end - header());
  hset(H_MAGIC, ARENA_MAGIC);
  hset(H_SLAB_BYTES, slabBytes);
  hset(H_MAX_SLABS, maxSlabs);
  return OK;
}

/** Define a pool (before `arenaSeal`). Returns its id or an error code. */
export function poolDefine(slotSize: u32, maxSlots: u32, zeroMode: u32, poison: u32): i32 {
  if (hget(H_SEALED) != 0) return ERR_SEALED;
  const id = hget(H_POOL_COUNT);
  if (id >= MAX_POOLS || slotSize == 0 || zeroMode > ZERO_FULL) return ERR_BAD_CONFIG;
  const stride = <u32>alignUp(slotSize, SLOT_ALIGN);
  const slabBytes = hget(H_SLAB_BYTES);
  if (stride > slabBytes) return ERR_BAD_CONFIG;
  const perSlab = slabBytes / stride;
  // A pool can never hold more slabs than the whole arena.
  let poolSlabs = (<u64>maxSlots + perSlab - 1) / perSlab;
  if (poolSlabs > <u64>hget(H_MAX_SLABS)) poolSlabs = <u64>hget(H_MAX_SLABS);
  const p = pool(id);
  pset(p, P_SLOT_SIZE, slotSize);
  pset(p, P_STRIDE, stride);
  pset(p, P_SLOTS_PER_SLAB, perSlab);
  pset(p, P_SLAB_SHIFT, popcnt<u32>(perSlab) == 1 ? ctz<u32>(perSlab) : NO_SHIFT);
  pset(p, P_MAX_SLOTS, maxSlots);
  pset(p, P_MAX_POOL_SLABS, <u32>poolSlabs);
  pset(p, P_ZERO_MODE, zeroMode);
  pset(p, P_POISON, poison);
  pset(p, P_FREE_HEAD, <u32>-1);
  hset(H_POOL_COUNT, id + 1);
  return <i32>id;
}

/** Fix the layout: slot metadata, slab maps and the free slab stack, then the slab base. */
export function arenaSeal(): i32 {
  if (hget(H_SEALED) != 0) return ERR_SEALED;
  let cursor: usize = header() + HEADER_BYTES + MAX_POOLS * POOL_DESC_BYTES;
  const count = hget(H_POOL_COUNT);
  for (let id: u32 = 0; id < count; id++) {
    const p = pool(id);
    const poolSlabs = <usize>pget(p, P_MAX_POOL_SLABS);
    const slots = poolSlabs * <usize>pget(p, P_SLOTS_PER_SLAB);
    pset(p, P_META, <u32>cursor);
    cursor += slots * SLOT_META_BYTES;
    pset(p, P_SLAB_MAP, <u32>cursor);
    cursor += poolSlabs * SLAB_MAP_BYTES;
  }
  hset(H_FREE_STACK, <u32>cursor);
  cursor += <usize>hget(H_MAX_SLABS) << 2;
  hset(H_SLAB_OWNERS, <u32>cursor);
  cursor += <usize>hget(H_MAX_SLABS) << 2;
  hset(H_META_END, <u32>cursor);
  const slabBase = alignUp(cursor, PAGE_BYTES);
  if (slabBase > <usize>0xffffffff - <usize>hget(H_MAX_SLABS) * <usize>hget(H_SLAB_BYTES)) return ERR_BAD_CONFIG;
  if (!ensureMemory(slabBase)) return ERR_GROW_REFUSED;
  const metaStart = header() + HEADER_BYTES + MAX_POOLS * POOL_DESC_BYTES;
  memory.fill(metaStart, 0, cursor - metaStart);
  for (let id: u32 = 0; id < count; id++) {
    const p = pool(id);
    const poolSlabs = pget(p, P_MAX_POOL_SLABS);
    for (let s: u32 = 0; s < poolSlabs; s++) store<i32>(slabEntry(p, s) + S_ARENA_SLAB, -1);
  }
  memory.fill(<usize>hget(H_SLAB_OWNERS), 0xff, <usize>hget(H_MAX_SLABS) << 2); // all -1: no owner
  hset(H_SLAB_BASE, <u32>slabBase);
  hset(H_SEALED, 1);
  return OK;
}

/**
 * Grow memory once to hold every slab maxBytes allows. After this no acquire
 * grows memory, so no view the host handed out is ever detached. The OS backs
 * pages only when they are first touched, so this costs address space, not RSS.
 */
export function arenaReserveAll(): i32 {
  const end = <usize>hget(H_SLAB_BASE) + <usize>hget(H_MAX_SLABS) * <usize>hget(H_SLAB_BYTES);
  return ensureMemory(end) ? OK : ERR_GROW_REFUSED;
}

/** Take an arena slab: a returned one first, else back a new one with memory.grow. */
function takeArenaSlab(): i32 {
  const free = hget(H_FREE_SLABS);
  if (free > 0) {
    hset(H_FREE_SLABS, free - 1);
    return load<i32>(<usize>hget(H_FREE_STACK) + (<usize>(free - 1) << 2));
  }
  const backed = hget(H_SLABS_BACKED);
  if (backed >= hget(H_MAX_SLABS)) return ERR_ARENA_FULL;
  const slabBytes = <usize>hget(H_SLAB_BYTES);
  const end = <usize>hget(H_SLAB_BASE) + (<usize>backed + 1) * slabBytes;
  if (!ensureMemory(end)) return ERR_GROW_REFUSED;
  hset(H_SLABS_BACKED, backed + 1);
  return <i32>backed;
}

// @ts-ignore: decorator
@inline function slabAddress(arenaSlab: i32): usize {
  return <usize>hget(H_SLAB_BASE) + <usize>arenaSlab * <usize>hget(H_SLAB_BYTES);
}

/** Push a free slot on the pool's free list (LIFO: the hottest slot is reused first). */
// @ts-ignore: decorator
@inline function pushFree(p: usize, slot: u32): void {
  const m = meta(p, slot);
  store<u32>(m + M_STATE, STATE_FREE);
  store<i32>(m + M_NEXT, <i32>pget(p, P_FREE_HEAD));
  pset(p, P_FREE_HEAD, slot);
}

/** Slots a pool slab contributes: a last slab may be cut short by maxSlots. */
// @ts-ignore: decorator
@inline function slotsInSlab(p: usize, poolSlab: u32): u32 {
  const perSlab = pget(p, P_SLOTS_PER_SLAB);
  const first = poolSlab * perSlab;
  return min<u32>(perSlab, pget(p, P_MAX_SLOTS) - first);
}

/** Map one more slab into the pool. */
function growPool(p: usize): i32 {
  const poolSlabs = pget(p, P_MAX_POOL_SLABS);
  let target: u32 = 0;
  while (target < poolSlabs && load<i32>(slabEntry(p, target) + S_ARENA_SLAB) >= 0) target++;
  if (target * pget(p, P_SLOTS_PER_SLAB) >= pget(p, P_MAX_SLOTS)) return ERR_EXHAUSTED;
  // Below maxSlots but out of pool slabs: the arena's maxBytes is what stops us.
  if (target >= poolSlabs) return ERR_ARENA_FULL;
  const arenaSlab = takeArenaSlab();
  if (arenaSlab < 0) return arenaSlab;
  const entry = slabEntry(p, target);
  store<i32>(entry + S_ARENA_SLAB, arenaSlab);
  store<i32>(slabOwner(arenaSlab), <i32>((poolId(p) << 24) | target));
  const n = slotsInSlab(p, target);
  const first = target * pget(p, P_SLOTS_PER_SLAB);
  if (pget(p, P_POISON) != 0) {
    const stride = <usize>pget(p, P_STRIDE);
    memory.fill(slabAddress(arenaSlab), POISON_BYTE, <usize>n * stride);
  }
  // Push in reverse so the lowest slot comes off the free list first.
  const base = slabAddress(arenaSlab);
  const stride = pget(p, P_STRIDE);
  for (let i = n; i > 0; i--) {
    store<u32>(meta(p, first + i - 1) + M_ADDRESS, <u32>base + (i - 1) * stride);
    pushFree(p, first + i - 1);
  }
  pset(p, P_CAPACITY, pget(p, P_CAPACITY) + n);
  pset(p, P_MAPPED_SLABS, pget(p, P_MAPPED_SLABS) + 1);
  bump(p, C_GROWS);
  return OK;
}

/** Grow a pool until it holds at least `slots` slots. */
export function poolReserve(id: u32, slots: u32): i32 {
  if (id >= hget(H_POOL_COUNT) || hget(H_SEALED) == 0) return ERR_BAD_POOL;
  const p = pool(id);
  while (pget(p, P_CAPACITY) < slots) {
    const r = growPool(p);
    if (r < 0) return r;
  }
  return OK;
}

/** Address of a slot's bytes (0 when the slot is not mapped). */
export function slotAddress(id: u32, slot: u32): usize {
  if (id >= hget(H_POOL_COUNT)) return 0;
  const p = pool(id);
  const perSlab = pget(p, P_SLOTS_PER_SLAB);
  if (perSlab == 0 || slot >= pget(p, P_MAX_POOL_SLABS) * perSlab) return 0;
  const arenaSlab = load<i32>(slabEntry(p, slabOf(p, slot)) + S_ARENA_SLAB);
  if (arenaSlab < 0) return 0;
  return slabAddress(arenaSlab) + <usize>indexInSlab(p, slot) * <usize>pget(p, P_STRIDE);
}

/**
 * The slot of pool `id` whose bytes start at `address`, or -1 when no slot of
 * that pool starts there (a foreign buffer). O(1) through the slab owner table.
 */
export function slotAt(id: u32, address: usize): i32 {
  if (id >= hget(H_POOL_COUNT)) return -1;
  const slabBase = <usize>hget(H_SLAB_BASE);
  const slabBytes = <usize>hget(H_SLAB_BYTES);
  if (address < slabBase) return -1;
  const arenaSlab = (address - slabBase) / slabBytes;
  if (arenaSlab >= <usize>hget(H_SLABS_BACKED)) return -1;
  const owner = load<i32>(slabOwner(<i32>arenaSlab));
  if (owner < 0 || <u32>owner >>> 24 != id) return -1;
  const p = pool(id);
  const offset = address - slabBase - arenaSlab * slabBytes;
  const stride = <usize>pget(p, P_STRIDE);
  if (offset % stride != 0) return -1;
  const index = <u32>(offset / stride);
  if (index >= slotsInSlab(p, <u32>owner & 0xffffff)) return -1;
  return <i32>((<u32>owner & 0xffffff) * pget(p, P_SLOTS_PER_SLAB) + index);
}

/** Check a poisoned slot still holds only the poison byte: anything else was written after release. */
function poisonIntact(address: usize, length: usize): bool {
  const pattern = i64x2.splat(0xa5a5a5a5a5a5a5a5);
  let i: usize = 0;
  for (; i + 16 <= length; i += 16) {
    if (!v128.all_true<i8>(i8x16.eq(v128.load(address + i), pattern))) return false;
  }
  for (; i < length; i++) if (load<u8>(address + i) != POISON_BYTE) return false;
  return true;
}

/**
 * Acquire a slot. Returns the slot index, or ERR_EXHAUSTED / ERR_ARENA_FULL /
 * ERR_GROW_REFUSED. The slot's bytes are all zero (or poison in debug mode,
 * which the host zeroes after the check).
 */
export function acquire(id: u32): i32 {
  if (id >= hget(H_POOL_COUNT)) return ERR_BAD_POOL;
  if (hget(H_FAULT) != 0) { hset(H_FAULT, 0); unreachable(); }
  const p = pool(id);
  let slot = <i32>pget(p, P_FREE_HEAD);
  if (slot < 0) {
    const grown = growPool(p);
    if (grown < 0) {
      bump(p, C_EXHAUSTIONS);
      return grown;
    }
    slot = <i32>pget(p, P_FREE_HEAD);
  }
  // Pop. src/pool.ts does the same steps in JS on the fast path; keep the two in step.
  const m = meta(p, <u32>slot);
  pset(p, P_FREE_HEAD, load<u32>(m + M_NEXT));
  store<u32>(m + M_STATE, STATE_IN_USE);
  if (pget(p, P_POISON) != 0) {
    const address = slotAddress(id, <u32>slot);
    const stride = <usize>pget(p, P_STRIDE);
    if (!poisonIntact(address, stride)) pset(p, P_POISON_HITS, pget(p, P_POISON_HITS) + 1);
    memory.fill(address, 0, stride);
  }
  pset(p, P_IN_USE, pget(p, P_IN_USE) + 1); // the peak is recorded at the next release
  return slot;
}

/**
 * Release a slot held under generation `gen`. `used` bounds the bytes zeroed in
 * ZERO_USED mode. Any invalid handle is rejected without touching state.
 */
export function release(id: u32, slot: u32, gen: u32, used: u32): i32 {
  if (id >= hget(H_POOL_COUNT)) return ERR_BAD_POOL;
  if (hget(H_FAULT) != 0) { hset(H_FAULT, 0); unreachable(); }
  const p = pool(id);
  if (slot >= pget(p, P_MAX_POOL_SLABS) * pget(p, P_SLOTS_PER_SLAB)) return ERR_BAD_SLOT;
  const m = meta(p, slot);
  // A slot of an unmapped slab is never in use (shrink gives back only slabs with none in use),
  // so the state check also covers the mapping; the slab map only picks the error code.
  if (load<u32>(m + M_STATE) != STATE_IN_USE) {
    return load<i32>(slabEntry(p, slabOf(p, slot)) + S_ARENA_SLAB) < 0 ? ERR_BAD_SLOT : ERR_NOT_IN_USE;
  }
  if (load<u32>(m + M_GEN) != gen) return ERR_STALE;
  const address = <usize>load<u32>(m + M_ADDRESS);
  store<u32>(m + M_GEN, gen + 1);
  pushFree(p, slot);
  // In use only grows between releases, so its highest value is the one a release
  // ends (the host takes the max with the current count): acquire keeps one load less.
  const inUse = pget(p, P_IN_USE);
  if (inUse > pget(p, P_PEAK_IN_USE)) pset(p, P_PEAK_IN_USE, inUse);
  pset(p, P_IN_USE, inUse - 1);
  bump(p, C_RELEASES);
  // Zero (or poison) last: the bookkeeping above then needs no reload after the fill's call out.
  const stride = pget(p, P_STRIDE);
  if (pget(p, P_POISON) != 0) {
    memory.fill(address, POISON_BYTE, stride);
  } else {
    const mode = pget(p, P_ZERO_MODE);
    if (mode == ZERO_FULL) memory.fill(address, 0, stride);
    else if (mode == ZERO_USED) memory.fill(address, 0, min<u32>(used, stride));
  }
  return OK;
}

/** True when no slot of the pool slab is in use (shrink is rare: a scan beats per-op counting). */
function slabIsEmpty(p: usize, poolSlab: u32): bool {
  const first = poolSlab * pget(p, P_SLOTS_PER_SLAB);
  const n = slotsInSlab(p, poolSlab);
  for (let i: u32 = 0; i < n; i++) if (load<u32>(meta(p, first + i) + M_STATE) == STATE_IN_USE) return false;
  return true;
}

/**
 * Give empty slabs back to the arena (highest first) while the pool keeps at
 * least `keepSlots` slots. Returns the number of slabs given back. Slabs are
 * zeroed on the way out, so a slab never carries data to another pool. The
 * free list is rebuilt afterwards (lowest slot first), which keeps it singly
 * linked and the hot path short.
 */
export function shrink(id: u32, keepSlots: u32): i32 {
  if (id >= hget(H_POOL_COUNT)) return ERR_BAD_POOL;
  const p = pool(id);
  let returned = 0;
  const perSlab = pget(p, P_SLOTS_PER_SLAB);
  const poolSlabs = pget(p, P_MAX_POOL_SLABS);
  for (let s = <i32>poolSlabs - 1; s >= 0; s--) {
    const entry = slabEntry(p, <u32>s);
    const arenaSlab = load<i32>(entry + S_ARENA_SLAB);
    if (arenaSlab < 0 || !slabIsEmpty(p, <u32>s)) continue;
    const n = slotsInSlab(p, <u32>s);
    if (pget(p, P_CAPACITY) - n < keepSlots) break;
    const first = <u32>s * perSlab;
    for (let i: u32 = 0; i < n; i++) store<u32>(meta(p, first + i) + M_STATE, STATE_UNMAPPED);
    memory.fill(slabAddress(arenaSlab), 0, <usize>hget(H_SLAB_BYTES));
    store<i32>(entry + S_ARENA_SLAB, -1);
    store<i32>(slabOwner(arenaSlab), -1);
    const free = hget(H_FREE_SLABS);
    store<i32>(<usize>hget(H_FREE_STACK) + (<usize>free << 2), arenaSlab);
    hset(H_FREE_SLABS, free + 1);
    pset(p, P_CAPACITY, pget(p, P_CAPACITY) - n);
    pset(p, P_MAPPED_SLABS, pget(p, P_MAPPED_SLABS) - 1);
    bump(p, C_SHRINKS);
    returned++;
  }
  if (returned > 0) {
    pset(p, P_FREE_HEAD, <u32>-1);
    for (let slot = <i32>(poolSlabs * perSlab) - 1; slot >= 0; slot--) {
      if (load<u32>(meta(p, <u32>slot) + M_STATE) == STATE_FREE) pushFree(p, <u32>slot);
    }
  }
  return returned;
}

/** A u32 field of a pool descriptor (see layout.ts). */
export function poolField(id: u32, field: u32): u32 {
  return id < hget(H_POOL_COUNT) ? pget(pool(id), field) : 0;
}

/** A counter of a pool descriptor, as f64 (exact to 2^53). */
export function poolCounter(id: u32, counter: u32): f64 {
  return id < hget(H_POOL_COUNT) ? load<f64>(pool(id) + P_COUNTERS + (<usize>counter << 3)) : 0;
}

/** A u32 field of the arena header. */
export function headerField(field: u32): u32 {
  return hget(field);
}

/** Test hook: refuse memory.grow beyond `pages` (0 lifts the limit). */
export function setGrowLimitPages(pages: u32): void {
  hset(H_GROW_LIMIT, pages);
}

/** Test hook: trap inside the next wasm acquire or release, as a corrupted module would. */
export function injectFault(): void {
  hset(H_FAULT, 1);
}

/** Where the runtime would place a managed allocation: must be below the arena. */
export function runtimeProbe(): usize {
  return changetype<usize>(new ArrayBuffer(16));
}

export function heapBase(): usize {
  return __heap_base;
}

/** Address of a pool's descriptor: the host's acquire fast path reads the free list through it. */
export function poolAddress(id: u32): usize {
  return pool(id);
}
