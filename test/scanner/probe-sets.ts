// Reading and measuring the labelled JSONL check sets in test/scanner/probes/ (one per session
// that wrote one), for the tests that pin what each set measured when written.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Detector } from '../../src/index.js';

export interface ProbeRow { payload: string; label: 'sqli' | 'xss' | 'cmdi' | 'path' | 'benign' }

/** The rows of probes/`name`. */
export function probeRows(name: string): ProbeRow[] {
  return readFileSync(new URL(`./probes/${name}`, import.meta.url), 'utf8')
    .split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as ProbeRow);
}

/** Scan each payload as a query value: how many were blocked, and those whose verdict is not `attack`. */
export function probeVerdicts(d: Detector, list: ProbeRow[], attack: boolean): { n: number; blocked: number; wrong: string[] } {
  let blocked = 0;
  const wrong: string[] = [];
  for (const { payload } of list) {
    const b = d.scan(payload, { context: 'query' }).blocked;
    if (b) blocked++;
    if (b !== attack) wrong.push(payload);
  }
  return { n: list.length, blocked, wrong };
}

/**
 * Pin a set's attack rows, one test per label: the label's row count, and at least the blocked count measured when the
 * set was written ([label, rows, measured]).
 */
export function attackFloors(detector: () => Detector, attacks: ProbeRow[], floors: readonly (readonly [ProbeRow['label'], number, number])[]): void {
  it.each(floors)('detects the %s attacks (%i, measured %i)', (label, n, measured) => {
    const r = probeVerdicts(detector(), attacks.filter((row) => row.label === label), true);
    expect(r.n).toBe(n);
    expect(r.blocked, `missed:\n${r.wrong.join('\n')}`).toBeGreaterThanOrEqual(measured);
  });
}

/** A test body pinning a set's ordinary rows (probes/`name`): their count, and at most the blocked count measured. */
export function ordinaryCeiling(detector: () => Detector, name: string, n: number, ceiling: number): () => void {
  return () => {
    const r = probeVerdicts(detector(), probeRows(name), false);
    expect(r.n).toBe(n);
    expect(r.blocked, `blocked:\n${r.wrong.join('\n')}`).toBeLessThanOrEqual(ceiling);
  };
}

/**
 * Pin a held-out stand-in (probes/`name`, attacks and ordinary values in one file): each attack label's floor (attackFloors),
 * its ordinary rows' count and ceiling (`ordinary`: [rows, most blocked]), and its size (`total`: no other labels).
 */
export function standinPins(detector: () => Detector, name: string, floors: readonly (readonly [ProbeRow['label'], number, number])[],
  ordinary: readonly [number, number], total: number): void {
  const all = probeRows(name);
  attackFloors(detector, all, floors);
  it(`blocks no more of the ordinary values than measured (${ordinary[1]} of ${ordinary[0]})`, () => {
    const r = probeVerdicts(detector(), all.filter((row) => row.label === 'benign'), false);
    expect(r.n).toBe(ordinary[0]);
    expect(r.blocked, `blocked:\n${r.wrong.join('\n')}`).toBeLessThanOrEqual(ordinary[1]);
  });
  it('holds no other labels', () => { expect(all.length).toBe(total); });
}
