/**
 * arenaguard: request bytes in a pooled WebAssembly memory arena, scanned in
 * place for attacks.
 * @packageDocumentation
 */
export { createArena, Arena } from './arena.js';
export { Pool } from './pool.js';
export { Lease } from './lease.js';
export { createStandardPools } from './standard-pools.js';
export {
  ArenaGuardError, PoolExhaustedError, LeaseReleasedError, ForeignLeaseError, ArenaClosedError, AcquireAbortedError,
} from './errors.js';
export type {
  ArenaOptions, PoolOptions, ZeroMode, AutoShrinkOptions, AcquireAsyncOptions, PoolStats, ArenaStats, HealthCheck,
  HealthReport, LeakReport,
} from './api.js';
export type { WasmSource } from './wasm/load.js';
export * from './detector/index.js';
// (the guard's redaction, for callers of analyzeRequest who log or answer its findings themselves)
export { shownLocation, shownUrl } from './middleware/redact.js';
