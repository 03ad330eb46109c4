// Runs the shared vitest suite under `deno test`: the subset of vitest's API the
// shared tests use (describe/it/test/hooks/expect), registered as Deno.test cases.
// deno.json maps the bare specifier "vitest" here.
declare const Deno: {
  test(name: string, fn: () => Promise<void>): void;
  test(options: { name: string; ignore: boolean; fn: () => void }): void;
};

type Fn = () => unknown | Promise<unknown>;
interface Suite { name: string; parent?: Suite; beforeEach: Fn[]; afterEach: Fn[]; beforeAll: Fn[]; afterAll: Fn[]; pending: number; ranAll: boolean }

let current: Suite = { name: '', beforeEach: [], afterEach: [], beforeAll: [], afterAll: [], pending: 0, ranAll: false };

function chain(suite: Suite | undefined): Suite[] {
  const out: Suite[] = [];
  for (let s = suite; s; s = s.parent) out.unshift(s);
  return out;
}

export function describe(name: string, body: () => void): void {
  const parent = current;
  current = { name, parent, beforeEach: [], afterEach: [], beforeAll: [], afterAll: [], pending: 0, ranAll: false };
  try {
    body();
  } finally {
    current = parent;
  }
}

export function it(name: string, fn: Fn): void {
  const suites = chain(current);
  for (const s of suites) s.pending++;
  const fullName = [...suites.map((s) => s.name).filter(Boolean), name].join(' > ');
  Deno.test(fullName, async () => {
    for (const s of suites) {
      if (!s.ranAll) {
        s.ranAll = true;
        for (const hook of s.beforeAll) await hook();
      }
    }
    try {
      for (const s of suites) for (const hook of s.beforeEach) await hook();
      await fn();
    } finally {
      for (const s of [...suites].reverse()) for (const hook of s.afterEach) await hook();
      for (const s of [...suites].reverse()) {
        if (--s.pending === 0) for (const hook of s.afterAll) await hook();
      }
    }
  });
}
/** vitest's it.skip: registered as an ignored Deno test, so it shows in the report. */
it.skip = (name: string, _fn?: Fn) => Deno.test({ name, ignore: true, fn: () => {} });
/** vitest's it.fails: passes only when the body throws (a pinned, known bug). */
it.fails = (name: string, fn: Fn) =>
  it(name, async () => {
    try {
      await fn();
    } catch {
      return;
    }
    throw new Error(`expected "${name}" to fail: the pinned bug seems fixed, turn it into a plain test`);
  });
/** vitest's it.each(table)(name, fn): one test per row; array rows are spread, %s/%d/%i/%j/%o/%# fill the name. */
it.each = (table: readonly unknown[]) => (name: string, fn: (...args: unknown[]) => unknown) => {
  table.forEach((row, index) => {
    const args = Array.isArray(row) ? row : [row];
    let next = 0;
    const title = name.replace(/%[sdijo#%]/g, (token) => {
      if (token === '%%') return '%';
      if (token === '%#') return String(index);
      const value = args[next++];
      return token === '%j' || token === '%o' ? JSON.stringify(value) : String(value);
    });
    it(title, () => fn(...args));
  });
};
describe.skip = (name: string, _body: () => void) => Deno.test({ name, ignore: true, fn: () => {} });
export const test = it;
export const beforeEach = (fn: Fn) => void current.beforeEach.push(fn);
export const afterEach = (fn: Fn) => void current.afterEach.push(fn);
export const beforeAll = (fn: Fn) => void current.beforeAll.push(fn);
export const afterAll = (fn: Fn) => void current.afterAll.push(fn);

class AssertionError extends Error {}


function show(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'bigint' ? `${value}n` : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const x = a as unknown as ArrayLike<unknown>;
    const y = b as unknown as ArrayLike<unknown>;
    return x.length === y.length && Array.from(x).every((v, i) => Object.is(v, y[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function matchesObject(actual: unknown, expected: unknown): boolean {
  if (typeof expected !== 'object' || expected === null) return deepEqual(actual, expected);
  if (typeof actual !== 'object' || actual === null) return false;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matchesObject(actual[i], e));
  }
  return Object.entries(expected).every(([k, v]) => matchesObject((actual as Record<string, unknown>)[k], v));
}

type Expected = string | RegExp | (new (...args: never[]) => unknown) | Error | undefined;

function errorMatches(error: unknown, expected: Expected): boolean {
  if (expected === undefined) return true;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof expected === 'string') return message.includes(expected);
  if (expected instanceof RegExp) return expected.test(message);
  if (expected instanceof Error) return message === expected.message;
  return error instanceof expected;
}

function matchers(actual: unknown, negate: boolean) {
  const check = (pass: boolean, message: string) => {
    if (pass === negate) throw new AssertionError(`expected ${show(actual)} ${negate ? 'not ' : ''}${message}`);
  };
  return {
    toBe: (e: unknown) => check(Object.is(actual, e), `to be ${show(e)}`),
    toEqual: (e: unknown) => check(deepEqual(actual, e), `to equal ${show(e)}`),
    toStrictEqual: (e: unknown) => check(deepEqual(actual, e), `to strictly equal ${show(e)}`),
    toMatchObject: (e: unknown) => check(matchesObject(actual, e), `to match ${show(e)}`),
    toBeTruthy: () => check(Boolean(actual), 'to be truthy'),
    toBeFalsy: () => check(!actual, 'to be falsy'),
    toBeNull: () => check(actual === null, 'to be null'),
    toBeUndefined: () => check(actual === undefined, 'to be undefined'),
    toBeDefined: () => check(actual !== undefined, 'to be defined'),
    toBeNaN: () => check(Number.isNaN(actual), 'to be NaN'),
    toBeInstanceOf: (c: new (...args: never[]) => unknown) => check(actual instanceof c, `to be an instance of ${c.name}`),
    toBeGreaterThan: (n: number) => check((actual as number) > n, `to be > ${n}`),
    toBeGreaterThanOrEqual: (n: number) => check((actual as number) >= n, `to be >= ${n}`),
    toBeLessThan: (n: number) => check((actual as number) < n, `to be < ${n}`),
    toBeLessThanOrEqual: (n: number) => check((actual as number) <= n, `to be <= ${n}`),
    toBeCloseTo: (n: number, digits = 2) => check(Math.abs((actual as number) - n) < 10 ** -digits / 2, `to be close to ${n}`),
    toHaveLength: (n: number) => check((actual as { length: number }).length === n, `to have length ${n}`),
    toHaveProperty: (k: string) => check(actual != null && k in (actual as object), `to have property ${k}`),
    toContain: (item: unknown) => check(
      typeof actual === 'string' ? actual.includes(item as string) : Array.from(actual as Iterable<unknown>).includes(item),
      `to contain ${show(item)}`,
    ),
    toMatch: (re: RegExp | string) => check(typeof actual === 'string' && (typeof re === 'string' ? actual.includes(re) : re.test(actual)), `to match ${re}`),
    toThrow: (expected?: Expected) => {
      let threw = false;
      let error: unknown;
      try {
        (actual as () => unknown)();
      } catch (e) {
        threw = true;
        error = e;
      }
      check(threw && errorMatches(error, expected), `to throw ${expected === undefined ? '' : String((expected as { name?: string }).name ?? expected)} (got ${threw ? String(error) : 'no error'})`);
    },
  };
}

export function expect(actual: unknown) {
  // rejects.toThrow(x) checks the rejection like a throw; other matchers check the rejection value.
  const settled = (mode: 'rejects' | 'resolves', negate: boolean) =>
    new Proxy({}, {
      get: (_target, name: string) => async (...args: unknown[]) => {
        let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
        try {
          outcome = { ok: true, value: await actual };
        } catch (error) {
          outcome = { ok: false, error };
        }
        if (mode === 'rejects' && outcome.ok) throw new AssertionError(`expected promise to reject, it resolved with ${show(outcome.value)}`);
        if (mode === 'resolves' && !outcome.ok) throw new AssertionError(`expected promise to resolve, it rejected with ${String(outcome.error)}`);
        const subject = outcome.ok ? outcome.value : name === 'toThrow' ? () => { throw outcome.error; } : outcome.error;
        return (matchers(subject, negate) as Record<string, (...a: unknown[]) => void>)[name]!(...args);
      },
    });
  return {
    ...matchers(actual, false),
    not: matchers(actual, true),
    rejects: settled('rejects', false),
    resolves: settled('resolves', false),
  };
}
