// What metrics and health read from is checked where it is given: no source, `{}`, a detector
// that is not one, or a misspelt key is a TypeError/RangeError naming the problem, not a
// TypeError from inside every scrape or a health report of no check at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { checkMetricsSource, collectMetrics, healthReport, registerPrometheusMetrics, renderPrometheus } from '../../src/metrics/index.js';
import { metricsHandler, healthHandler } from '../../src/middleware/fetch.js';
import * as expressAdapter from '../../src/middleware/express.js';
import * as fastifyAdapter from '../../src/middleware/fastify.js';
import * as honoAdapter from '../../src/middleware/hono.js';
import * as fetchAdapter from '../../src/middleware/fetch.js';
import { createArena, createDetector, type Arena, type Detector } from '../../src/index.js';

let arena: Arena;
let detector: Detector;
beforeAll(async () => {
  arena = await createArena({ autoShrink: false });
  detector = await createDetector();
});
afterAll(async () => {
  await detector.close();
  await arena.close();
});

const readers: [string, (source: never) => unknown][] = [
  ['collectMetrics()', collectMetrics],
  ['renderPrometheus()', renderPrometheus],
  ['healthReport()', healthReport],
  ['registerPrometheusMetrics()', (source) => registerPrometheusMetrics(new Registry(), source)],
];

describe.each(readers)('%s', (name, read) => {
  it('rejects no source, and one with neither arena nor detector', () => {
    expect(() => read(undefined as never)).toThrow(TypeError);
    expect(() => read(undefined as never)).toThrow(`${name} needs { arena } and/or { detector }`);
    expect(() => read({} as never)).toThrow(`${name} needs { arena } and/or { detector } (from createArena(), createDetector()): it has neither`);
  });

  it('rejects a detector or arena that is not one', () => {
    expect(() => read({ detector: 5 } as never)).toThrow(`${name}: detector must be a detector from createDetector() (with getStats and healthCheck), got 5`);
    expect(() => read({ arena: {} } as never)).toThrow(TypeError);
    expect(() => read({ arena: null } as never)).toThrow(/arena must be an arena/);
  });

  it('rejects an unknown key', () => {
    expect(() => read({ detector, detecter: detector } as never)).toThrow(RangeError);
    expect(() => read({ arena, detecter: detector } as never)).toThrow(`unknown option "detecter" for ${name} (did you mean "detector"?)`);
  });

  it('accepts an arena, a detector, or both', () => {
    for (const source of [{ arena }, { detector }, { arena, detector }, { detector, arena: undefined }]) expect(() => read(source as never)).not.toThrow();
  });
});

describe('the handlers', () => {
  it('a handler made without a source says so when it is made, not "Cannot read properties of undefined" per request', () => {
    expect(() => metricsHandler(undefined as never)).toThrow(/^metricsHandler\(\) needs \{ arena \} and\/or \{ detector \}/);
    expect(() => healthHandler(undefined as never)).toThrow(/^healthHandler\(\) needs/);
  });

  it('healthHandler({}) no longer answers 503 with no check: it throws when made', () => {
    expect(() => healthHandler({})).toThrow(/it has neither/);
  });

  const adapters = { express: expressAdapter, fastify: fastifyAdapter, hono: honoAdapter, fetch: fetchAdapter } as Record<string, { metricsHandler: (s: never) => unknown; healthHandler: (s: never) => unknown }>;
  it.each(Object.keys(adapters))('the %s adapter checks its metrics and health sources when they are made', (name) => {
    const adapter = adapters[name]!;
    expect(() => adapter.metricsHandler(undefined as never)).toThrow(/^metricsHandler\(\) needs/);
    expect(() => adapter.healthHandler({ detector: 5 } as never)).toThrow(/^healthHandler\(\): detector must be/);
    expect(() => adapter.healthHandler({ detector } as never)).not.toThrow();
  });

  it('checkMetricsSource names the function it is given', () => {
    expect(() => checkMetricsSource({ detector: 5 }, 'metricsHandler()')).toThrow(/^metricsHandler\(\): detector must be/);
    expect(() => checkMetricsSource({ detector }, 'healthHandler()')).not.toThrow();
  });

  it('working handlers keep working', async () => {
    expect(metricsHandler({ detector })().status).toBe(200);
    expect(healthHandler({ arena, detector })().status).toBe(200);
  });
});
