/** The arena half of the wasm module's exports (the scanner adds its own). */
export interface ArenaExports {
  readonly memory: WebAssembly.Memory;
  arenaInit(slabBytes: number, maxSlabs: number): number;
  poolDefine(slotSize: number, maxSlots: number, zeroMode: number, poison: number): number;
  arenaSeal(): number;
  arenaReserveAll(): number;
  poolReserve(pool: number, slots: number): number;
  acquire(pool: number): number;
  release(pool: number, slot: number, gen: number, used: number): number;
  shrink(pool: number, keepSlots: number): number;
  slotAddress(pool: number, slot: number): number;
  slotAt(pool: number, address: number): number;
  poolField(pool: number, field: number): number;
  poolCounter(pool: number, counter: number): number;
  headerField(field: number): number;
  arenaHeader(): number;
  heapBase(): number;
  runtimeProbe(): number;
  setGrowLimitPages(pages: number): void;
  injectFault(): void;
  poolAddress(pool: number): number;
  zeroFill(address: number, length: number): void;
}
