// A misspelt option was ignored without a word, its setting lost: every options object of the
// arena API now rejects keys it does not know, naming the key, the function and the closest
// known key. Keys whose value is undefined pass (the right key with that value means "the
// default" too); symbol keys are ignored.
import { describe, expect, it } from 'vitest';
import { createArena, createStandardPools } from '../../src/index.js';
import { closestKey } from '../../src/option-keys.js';
import { smallArena } from './helpers.js';

describe('createArena rejects unknown options', () => {
  it('a misspelt key: named, with the function and the likely key', async () => {
    const err = await createArena({ maxByte: 5 } as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RangeError);
    expect((err as Error).message).toBe('unknown option "maxByte" for createArena() (did you mean "maxBytes"?)');
  });

  it("a pool's option given to the arena says where it belongs", async () => {
    const err = await createArena({ maxSlots: 10 } as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RangeError);
    expect((err as Error).message).toMatch(/^unknown option "maxSlots" for createArena\(\) \(maxSlots is an option of each pool: pools: \[/);
  });

  it('a key nothing resembles lists the known ones', async () => {
    await expect(createArena({ zzz: 1 } as never)).rejects.toThrow(/unknown option "zzz" for createArena\(\) \(known: pools, maxBytes, .*maxWaiters\)/);
  });

  it('each pool entry', async () => {
    await expect(smallArena({ pools: [{ name: 'a', slotSize: 64 }, { name: 'b', slotSize: 128, maxSlot: 3 } as never] }))
      .rejects.toThrow('unknown option "pools[1].maxSlot" for createArena() (did you mean "maxSlots"?)');
    await expect(smallArena({ pools: [{ name: 'a', slotSize: 64, initialslots: 1 } as never] }))
      .rejects.toThrow('unknown option "pools[0].initialslots" for createArena() (did you mean "initialSlots"?)');
  });

  it('autoShrink', async () => {
    await expect(smallArena({ autoShrink: { intervalMs: 1000, interval: 5 } as never }))
      .rejects.toThrow('unknown option "autoShrink.interval" for createArena() (did you mean "intervalMs"?)');
  });

  it('accepts every known key, keys set to undefined and symbol keys', async () => {
    const arena = await createArena({
      pools: [{ name: 'a', slotSize: 64, initialSlots: 1, maxSlots: 8 }], maxBytes: 1 << 20, zeroOnRelease: 'used', wasm: undefined,
      debug: false, onLeak: () => undefined, leakStackSampleRate: 0, autoShrink: false, memoryGrowth: 'on-demand', maxWaiters: 4,
      maxByte: undefined, [Symbol('tag')]: 1,
    } as never);
    expect(arena.getPool('a').slotSize).toBe(64);
    await arena.close();
  });
});

describe('createStandardPools rejects unknown overrides', () => {
  it('a misspelt class', () => {
    expect(() => createStandardPools({ smal: { maxSlots: 4 } } as never)).toThrow(RangeError);
    expect(() => createStandardPools({ smal: { maxSlots: 4 } } as never))
      .toThrow('unknown option "smal" for createStandardPools() (did you mean "small"?)');
  });

  it("a misspelt key of a class, and the class's name (not an override)", () => {
    expect(() => createStandardPools({ large: { maxSlot: 4 } } as never))
      .toThrow('unknown option "large.maxSlot" for createStandardPools() (did you mean "maxSlots"?)');
    expect(() => createStandardPools({ small: { name: 'tiny' } } as never)).toThrow(/unknown option "small.name" for createStandardPools\(\)/);
    expect(() => createStandardPools({ small: 5 } as never)).toThrow(TypeError);
  });

  it('known overrides still work', () => {
    expect(createStandardPools({ small: { maxSlots: 4, slotSize: 512 }, medium: undefined }).map((p) => [p.name, p.slotSize, p.maxSlots]))
      .toEqual([['small', 512, 4], ['medium', 8192, 8192], ['large', 65536, 1024]]);
  });
});

describe('pool methods reject unknown options', () => {
  it('acquireAsync: rejects (no synchronous throw), nothing armed', async () => {
    const arena = await smallArena();
    const pool = arena.getPool('small');
    let promise: Promise<unknown> | undefined;
    expect(() => { promise = pool.acquireAsync({ timeout: 5 } as never); }).not.toThrow();
    await expect(promise).rejects.toThrow('unknown option "timeout" for pool.acquireAsync() (did you mean "timeoutMs"?)');
    expect(pool.getStats().inUse).toBe(0);
    await arena.close();
  });

  it('withBuffer names itself and never runs the callback', async () => {
    const arena = await smallArena();
    let ran = false;
    await expect(arena.getPool('small').withBuffer(() => { ran = true; }, { timeout: 5 } as never))
      .rejects.toThrow('unknown option "timeout" for pool.withBuffer() (did you mean "timeoutMs"?)');
    expect(ran).toBe(false);
    expect(await arena.getPool('small').withBuffer((b) => b.length, { timeoutMs: 5 })).toBe(1024);
    await arena.close();
  });

  it('leaks', async () => {
    const arena = await smallArena();
    expect(() => arena.getPool('small').leaks({ olderThan: 5 } as never)).toThrow(RangeError);
    expect(() => arena.getPool('small').leaks({ olderThan: 5 } as never)).toThrow('unknown option "olderThan" for pool.leaks() (did you mean "olderThanMs"?)');
    expect(arena.getPool('small').leaks({ olderThanMs: 0 })).toEqual([]);
    await arena.close();
  });
});

describe('option error messages', () => {
  it('a wasm string that is no URL names the option, the cause kept', async () => {
    const err = await createArena({ wasm: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).message).toBe('wasm: not a WebAssembly.Module, bytes or a URL ("x")');
    expect((err as Error).cause).toBeInstanceOf(TypeError); // new URL's own "Invalid URL"
  });

  it('a value of the wrong kind is shown as such', async () => {
    await expect(createArena({ zeroOnRelease: 1 } as never)).rejects.toThrow("zeroOnRelease must be 'full', 'used' or 'none', got 1");
    await expect(createArena({ memoryGrowth: '' } as never)).rejects.toThrow(`memoryGrowth must be 'on-demand' or 'reserve', got ""`);
  });
});

describe('closestKey', () => {
  it('finds typos, transpositions, case and missing suffixes; not unrelated words', () => {
    expect(closestKey('maxBodySize', ['maxBodyBytes', 'mode'])).toBe('maxBodyBytes');
    expect(closestKey('paranioa', ['failMode', 'paranoia'])).toBe('paranoia');
    expect(closestKey('MAXBYTES', ['maxBytes'])).toBe('maxBytes');
    expect(closestKey('timeout', ['timeoutMs', 'signal'])).toBe('timeoutMs');
    expect(closestKey('x', ['arena', 'detector'])).toBeUndefined();
    expect(closestKey('maxSlots', ['maxBytes', 'pools'])).toBeUndefined();
  });
});
