import { expect } from 'vitest';
import { createDetector, type Detector, type ScanContext, type ScanResult } from '../../src/index.js';

export async function detector(options: Parameters<typeof createDetector>[0] = {}): Promise<Detector> {
  return createDetector(options);
}

export const ruleIds = (r: ScanResult): string[] => r.threats.map((t) => t.ruleId).sort();

/** The text each finding's span covers, by rule id. */
export function spans(input: string, r: ScanResult): Record<string, string> {
  return Object.fromEntries(r.threats.map((t) => [t.ruleId, input.slice(t.offset, t.offset + t.length)]));
}

/** Every input, split in two at each position and pushed as a stream, gives the rule ids of the whole scan. */
export function expectSameWhenSplit(d: Detector, inputs: string[], context: ScanContext = 'query'): void {
  for (const input of inputs) {
    const whole = ruleIds(d.scan(input, { context }));
    for (let k = 1; k < input.length; k++) {
      const s = d.createStream({ context });
      s.push(input.slice(0, k)); s.push(input.slice(k));
      expect(ruleIds(s.finish())).toEqual(whole);
    }
  }
}
