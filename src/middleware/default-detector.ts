// The detector a middleware creates when none is passed in.
import { createDetector } from '../detector/index.js';
import type { Arena } from '../arena.js';
import type { GuardDetector } from './detector.js';

export async function createDefaultDetector(options: { arena: Arena; paranoia: 1 | 2; failMode: 'open' | 'closed' }): Promise<GuardDetector> {
  return (await createDetector(options)) as unknown as GuardDetector;
}
