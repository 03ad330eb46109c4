// Access for arenaguard's own modules (the scanner, tests) to an arena's wasm
// instance. Not part of the public API: shapes here may change in any release.
import type { Arena } from './arena.js';

export interface WasmHandle {
  /** Every export of the module: the arena's and the scanner's. */
  readonly exports: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly memory: WebAssembly.Memory;
}

/** The wasm instance behind an arena. Throws when the arena is closed or faulted. */
export function wasmOf(arena: Arena): WasmHandle {
  arena.assertUsable();
  const exports = arena.exports;
  return { exports, memory: exports.memory };
}

/** Test hook: the next wasm acquire or release traps, as a corrupted module would. */
export function injectFault(arena: Arena): void {
  arena.armFault();
}
