// The detector a middleware creates when none is passed in.
import * as arenaguard from '../index.js';
import type { Arena } from '../arena.js';
import type { GuardDetector } from './detector.js';

export async function createDefaultDetector(options: { arena: Arena; paranoia: 1 | 2; failMode: 'open' | 'closed' }): Promise<GuardDetector> {
  const create = (arenaguard as Record<string, unknown>).createDetector as ((o: typeof options) => Promise<GuardDetector>) | undefined;
  if (typeof create !== 'function') throw new Error('arenaguard: no createDetector in this build; pass options.detector');
  return create(options);
}
