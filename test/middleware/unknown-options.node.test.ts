// Middleware options: an unknown key is a RangeError at factory time, naming the key, the
// factory and the likely key. `maxBodySize: 10` used to leave the body limit at 1 MiB.
import { describe, expect, it } from 'vitest';
import { resolveGuardOptions, type GuardOptions } from '../../src/middleware/options.js';
import { arenaguard as expressGuard } from '../../src/middleware/express.js';
import { arenaguard as honoGuard } from '../../src/middleware/hono.js';
import { arenaguard as fastifyGuard } from '../../src/middleware/fastify.js';
import { guard } from '../../src/middleware/fetch.js';

describe('middleware options', () => {
  it('rejects a misspelt key with the likely one', () => {
    expect(() => resolveGuardOptions({ maxBodySize: 10 } as never)).toThrow(RangeError);
    expect(() => resolveGuardOptions({ maxBodySize: 10 } as never))
      .toThrow('unknown option "maxBodySize" for arenaguard() (did you mean "maxBodyBytes"?)');
    expect(() => resolveGuardOptions({ paranioa: 2 } as never)).toThrow('(did you mean "paranoia"?)');
    expect(() => resolveGuardOptions({ onthreat: () => undefined } as never)).toThrow('(did you mean "onThreat"?)');
  });

  it('every adapter refuses it when the middleware is made', () => {
    const bad = { maxBodySize: 10 } as never;
    expect(() => expressGuard(bad)).toThrow(/unknown option "maxBodySize"/);
    expect(() => honoGuard(bad)).toThrow(/unknown option "maxBodySize"/);
    expect(() => fastifyGuard(bad)).toThrow(/unknown option "maxBodySize"/);
    expect(() => guard(() => new Response('ok'), bad)).toThrow(/^unknown option "maxBodySize" for guard\(\)/); // (named as the fetch adapter calls it)
  });

  it('accepts every known key, undefined values and symbol keys', () => {
    const all: Required<GuardOptions> = {
      detector: undefined as never, arena: undefined as never, mode: 'monitor', paranoia: 2, failMode: 'open',
      onThreat: () => undefined, skip: () => false, maxBodyBytes: 10, exclude: [{ rule: 'sqli.*', location: 'body:*', path: '/x' }],
      slotWaitMs: 0, bodyTimeoutMs: false, retryAfterSeconds: 2,
    };
    expect(resolveGuardOptions({ ...all, maxBodySize: undefined, [Symbol('x')]: 1 } as never).maxBodyBytes).toBe(10);
    expect(resolveGuardOptions(undefined).mode).toBe('block');
  });

  it('an exclusion with an unknown field still fails, now with the likely field', () => {
    expect(() => resolveGuardOptions({ exclude: [{ rule: 'sqli.*', paht: '/x' }] } as never))
      .toThrow('unknown option "exclude[0].paht" for arenaguard() (did you mean "path"?)');
  });
});
