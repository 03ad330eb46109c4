// guard(handler, options) called the wrong way: a TypeError at the call, saying what to write,
// not a confusing error later (or at every request).
import { describe, expect, it } from 'vitest';
import { guard } from '../../src/middleware/fetch.js';

const handler = () => new Response('ok');
const wrong = guard as unknown as (...args: unknown[]) => unknown;

describe('fetch: guard misuse', () => {
  it('guard(options)(handler): the options where the handler goes', () => {
    expect(() => wrong({ mode: 'block' })).toThrow(TypeError);
    expect(() => wrong({ mode: 'block' })).toThrow(/guard\(handler, options\).*not guard\(options\)\(handler\)/);
  });

  it('guard(options, handler): the arguments reversed', () => {
    expect(() => wrong({ mode: 'block' }, handler)).toThrow(TypeError);
    expect(() => wrong({ mode: 'block' }, handler)).toThrow(/the handler comes first, then the options/);
  });

  it('guard itself used as the handler (Deno.serve(guard), { fetch: guard })', () => {
    expect(() => wrong(new Request('http://localhost/'), {})).toThrow(TypeError);
    expect(() => wrong(new Request('http://localhost/'), {})).toThrow(/called with a Request: it is not a handler itself/);
  });

  it('an app object rather than its fetch function', () => {
    const app = { fetch: handler };
    expect(() => wrong(app)).toThrow(TypeError);
    expect(() => wrong(app)).toThrow(/object with a fetch method; pass a function/);
  });

  it('no handler, or something else', () => {
    expect(() => wrong()).toThrow(/got no handler/);
    expect(() => wrong('handler')).toThrow(/got string/);
    expect(() => wrong(null)).toThrow(/got null/);
  });

  it('a second handler where the options go', () => {
    expect(() => wrong(handler, handler)).toThrow(TypeError);
    expect(() => wrong(handler, handler)).toThrow(/takes one handler; options must be an object, got a function/);
  });

  it('the right call still wraps the handler', async () => {
    const wrapped = guard(handler, { mode: 'monitor' });
    expect(typeof wrapped).toBe('function');
    expect(await (await wrapped(new Request('http://localhost/'))).text()).toBe('ok');
  });
});
