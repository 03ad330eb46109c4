import { expect } from 'vitest';
import type { Arena } from '../../src/index.js';
import { injectFault } from '../../src/internal.js';

/** Make the arena trap now: an armed fault fires on the very next acquire (the JS fast path is off). */
export function trip(arena: Arena): void {
  injectFault(arena);
  expect(() => arena.pools[0]!.acquire()).toThrow(/wasm trap/);
  expect(arena.healthCheck().status).toBe('failing');
}
