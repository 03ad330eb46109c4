import { createDetector, type Detector, type ScanResult } from '../../src/index.js';

export async function detector(options: Parameters<typeof createDetector>[0] = {}): Promise<Detector> {
  return createDetector(options);
}

export const ruleIds = (r: ScanResult): string[] => r.threats.map((t) => t.ruleId).sort();

/** The text each finding's span covers, by rule id. */
export function spans(input: string, r: ScanResult): Record<string, string> {
  return Object.fromEntries(r.threats.map((t) => [t.ruleId, input.slice(t.offset, t.offset + t.length)]));
}
