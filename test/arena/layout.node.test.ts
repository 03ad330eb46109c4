// Node only: reads assembly/arena/layout.ts to check the host mirrors its codes and offsets.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as codes from '../../src/wasm/codes.js';

const layout = readFileSync(new URL('../../assembly/arena/layout.ts', import.meta.url), 'utf8');
const constants = new Map(
  [...layout.matchAll(/export const (\w+): \w+ = (-?(?:0x)?[0-9a-f]+);/g)].map((m) => [m[1]!, Number(m[2])]),
);

describe('host and wasm agree on the layout', () => {
  for (const [name, value] of Object.entries(codes)) {
    if (typeof value !== 'number' || name === 'ERR_UNUSABLE') continue; // host-only
    it(`${name} = ${value}`, () => {
      expect(constants.get(name)).toBe(value);
    });
  }
  it('knows the zero modes', () => {
    expect(codes.ZERO_MODES).toEqual({
      none: constants.get('ZERO_NONE'), used: constants.get('ZERO_USED'), full: constants.get('ZERO_FULL'),
    });
  });
});
