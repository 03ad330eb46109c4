// A fetch application behind guard(), with its own arena and detector: the hardening tests'
// stand-in for a real service (shared: Node, Chromium, Deno).
import { createArena, createDetector, createStandardPools, type Arena, type Detector } from '../../src/index.js';
import { guard } from '../../src/middleware/fetch.js';

export interface GuardedApp {
  arena: Arena;
  detector: Detector;
  handler: (request: Request) => Promise<Response>;
  close(): Promise<void>;
}

export async function guardedApp(app: (request: Request) => Response | Promise<Response>): Promise<GuardedApp> {
  const arena = await createArena({ pools: createStandardPools(), autoShrink: false });
  const detector = await createDetector({ arena });
  return { arena, detector, handler: guard(app, { detector, arena }), close: () => arena.close() };
}
