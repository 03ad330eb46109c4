// Shared by the middleware tests: an arena, the detector, and a loopback server
// that every test closes.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createArena, createDetector, type Arena } from '../../src/index.js';
import type { GuardDetector } from '../../src/middleware/detector.js';

/** A small arena without timers, with every standard size class. */
export function testArena(overrides: Partial<Parameters<typeof createArena>[0]> = {}): Promise<Arena> {
  return createArena({
    pools: [
      { name: 'small', slotSize: 1024, initialSlots: 4, maxSlots: 512 },
      { name: 'medium', slotSize: 8192, initialSlots: 2, maxSlots: 256 },
      { name: 'large', slotSize: 65536, initialSlots: 1, maxSlots: 64 },
    ],
    maxBytes: 16 * 1024 * 1024,
    autoShrink: false,
    ...overrides,
  });
}

/**
 * The real detector, with an arena of its own: the detector keeps a few slots
 * leased for its scan state, so tests that count the body's slots give the
 * middleware a separate `arena`.
 */
export async function testDetector(options: Record<string, unknown> = {}): Promise<GuardDetector> {
  return createDetector({ paranoia: 1, ...options }) as unknown as GuardDetector;
}

export interface Running {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Listen on 127.0.0.1 with an ephemeral port. */
export async function listen(handler: RequestListener | Server): Promise<Running> {
  const server = typeof handler === 'function' ? createServer(handler) : handler;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Slots in use across all pools. */
export function slotsInUse(arena: Arena): number {
  return Object.values(arena.getStats().pools).reduce((n, p) => n + p.inUse, 0);
}

/** A readable body that arrives in several chunks with pauses (chunked transfer encoding). */
export function chunkedBody(parts: (string | Uint8Array)[], pauseMs = 5): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  return new ReadableStream({
    async pull(controller) {
      if (i >= parts.length) {
        controller.close();
        return;
      }
      const part = parts[i++]!;
      await sleep(pauseMs);
      controller.enqueue(typeof part === 'string' ? encoder.encode(part) : part);
    },
  });
}

/** Deterministic pseudo-random benign text (letters and spaces), `n` bytes. */
export function benignText(n: number, seed = 1): string {
  let x = seed;
  let out = '';
  const words = ['lorem', 'ipsum', 'dolor', 'amet', 'arena', 'slot', 'pool', 'river', 'stone', 'garden'];
  while (out.length < n) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += words[x % words.length] + ' ';
  }
  return out.slice(0, n);
}
