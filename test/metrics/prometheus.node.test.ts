// renderPrometheus checked with a real exposition-format parser, the
// prom-client bridge checked against it, and the health report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { Registry } from 'prom-client';
import { guard } from '../../src/middleware/fetch.js';
import { readFileSync } from 'node:fs';
import { collectMetrics, healthReport, registerPrometheusMetrics, renderPrometheus } from '../../src/metrics/index.js';
import { createArena, createDetector, createStandardPools, type Arena } from '../../src/index.js';
import type { ThreatEvent } from '../../src/middleware/options.js';
import type { GuardDetector } from '../../src/middleware/detector.js';
import { testArena, testDetector } from '../middleware/helpers.js';

interface ParsedFamily {
  name: string;
  help: string;
  type: string;
  metrics: { value?: string; labels?: Record<string, string>; buckets?: Record<string, string>; count?: string; sum?: string }[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*")(,[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*")*\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/;

/** The parser is lenient; check the line grammar of format 0.0.4 strictly on top. */
function strictCheck(text: string): void {
  expect(text.endsWith('\n')).toBe(true);
  const typed = new Map<string, string>();
  const helped = new Set<string>();
  for (const line of text.trimEnd().split('\n')) {
    if (line.startsWith('# HELP ')) {
      const [, , name, ...help] = line.split(' ');
      expect(name).toMatch(NAME);
      expect(help.join(' ').length).toBeGreaterThan(0);
      helped.add(name!);
    } else if (line.startsWith('# TYPE ')) {
      const [, , name, type] = line.split(' ');
      expect(['counter', 'gauge', 'histogram']).toContain(type);
      expect(typed.has(name!)).toBe(false); // one TYPE per family
      typed.set(name!, type!);
    } else {
      const m = SAMPLE.exec(line);
      expect(m, `bad sample line: ${line}`).not.toBeNull();
      const sample = m![1]!;
      const family = typed.has(sample) ? sample : sample.replace(/_(bucket|sum|count)$/, '');
      expect(typed.has(family), `sample ${sample} before its TYPE`).toBe(true);
    }
  }
  for (const [name, type] of typed) {
    expect(name.startsWith('arenaguard_')).toBe(true);
    expect(helped.has(name)).toBe(true);
    if (type === 'counter') expect(name).toMatch(/_total$/);
  }
}

function byName(families: ParsedFamily[]): Map<string, ParsedFamily> {
  return new Map(families.map((f) => [f.name, f]));
}

let arena: Arena;
let detector: GuardDetector;
beforeAll(async () => {
  arena = await testArena();
  detector = await testDetector();
  const handler = guard(() => new Response('ok'), { detector, arena });
  const requests = [
    new Request('http://127.0.0.1/?q=hello'),
    new Request('http://127.0.0.1/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E'),
    new Request(`http://127.0.0.1/?q=${encodeURIComponent("' OR '1'='1")}`),
    new Request('http://127.0.0.1/c', { method: 'POST', body: JSON.stringify({ a: '<script>alert(1)</script>' }), headers: { 'content-type': 'application/json' } }),
  ];
  for (const r of requests) await (await handler(r)).text();
});
afterAll(() => arena.close());

describe('renderPrometheus', () => {
  it('produces valid text format 0.0.4 with arenaguard_ names, HELP and TYPE', () => {
    const text = renderPrometheus({ arena, detector });
    strictCheck(text);
    const families = parsePrometheusTextFormat(text) as ParsedFamily[];
    expect(families.length).toBeGreaterThan(15);
  });

  it('reports per-pool gauges equal to the arena stats, labelled by pool', () => {
    const held = arena.getPool('medium').acquire();
    const stats = arena.getStats();
    const f = byName(parsePrometheusTextFormat(renderPrometheus({ arena, detector })) as ParsedFamily[]);
    held.release();
    for (const [metric, field] of [
      ['arenaguard_pool_slots_in_use', 'inUse'], ['arenaguard_pool_slots_free', 'free'],
      ['arenaguard_pool_slots_capacity', 'capacity'], ['arenaguard_pool_bytes_reserved', 'bytesReserved'],
    ] as const) {
      const family = f.get(metric)!;
      expect(family.type).toBe('GAUGE');
      expect(family.metrics.map((m) => m.labels!.pool).sort()).toEqual(['large', 'medium', 'small']);
      for (const m of family.metrics) expect(Number(m.value)).toBe(stats.pools[m.labels!.pool!]![field]);
    }
    expect(Number(f.get('arenaguard_pool_slots_in_use')!.metrics.find((m) => m.labels!.pool === 'medium')!.value)).toBe(1);
    expect(Number(f.get('arenaguard_arena_bytes_reserved')!.metrics[0]!.value)).toBe(stats.bytesReserved);
  });

  it('counts scanned and blocked requests by category, and a scan-duration histogram', () => {
    const f = byName(parsePrometheusTextFormat(renderPrometheus({ arena, detector })) as ParsedFamily[]);
    const blocked = f.get('arenaguard_requests_blocked_total')!;
    expect(blocked.type).toBe('COUNTER');
    const perCategory = Object.fromEntries(blocked.metrics.map((m) => [m.labels!.category, Number(m.value)]));
    expect(perCategory.xss).toBe(2);
    expect(perCategory.sqli).toBe(1);
    expect(Number(f.get('arenaguard_requests_scanned_total')!.metrics[0]!.value)).toBe(4);
    expect(Number(f.get('arenaguard_scans_total')!.metrics[0]!.value)).toBeGreaterThan(4);
    expect(Number(f.get('arenaguard_guard_responses_total')!.metrics.find((m) => m.labels!.outcome === 'blocked')!.value)).toBe(3);

    const h = f.get('arenaguard_scan_duration_seconds')!;
    expect(h.type).toBe('HISTOGRAM');
    const { buckets, count, sum } = h.metrics[0]!;
    expect(Number(count)).toBe(4);
    expect(Number(sum)).toBeGreaterThan(0);
    const values = Object.values(buckets!).map(Number);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(Number(buckets!['+Inf'])).toBe(4);
  });

  it('the prom-client bridge exposes the same metrics through a prom-client registry', async () => {
    const registry = new Registry();
    const names = registerPrometheusMetrics(registry, { arena, detector });
    expect(names).toContain('arenaguard_pool_slots_in_use');
    const viaPromClient = byName(parsePrometheusTextFormat(await registry.metrics()) as ParsedFamily[]);
    const direct = byName(parsePrometheusTextFormat(renderPrometheus({ arena, detector })) as ParsedFamily[]);
    expect([...viaPromClient.keys()].sort()).toEqual([...direct.keys()].sort());
    for (const name of ['arenaguard_pool_slots_capacity', 'arenaguard_requests_blocked_total', 'arenaguard_scan_duration_seconds']) {
      expect(viaPromClient.get(name)!.type).toBe(direct.get(name)!.type);
      expect(viaPromClient.get(name)!.metrics).toEqual(direct.get(name)!.metrics);
    }
    // Collected at scrape time: a new lease shows up in the next scrape.
    const held = arena.getPool('large').acquire();
    const again = byName(parsePrometheusTextFormat(await registry.metrics()) as ParsedFamily[]);
    expect(Number(again.get('arenaguard_pool_slots_in_use')!.metrics.find((m) => m.labels!.pool === 'large')!.value)).toBe(1);
    held.release();
    expect(() => registerPrometheusMetrics(registry, { arena, detector })).toThrow(); // prom-client refuses duplicates
  });
});

/** The value of an unlabelled sample, or of the sample with these labels; 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const f = byName(parsePrometheusTextFormat(text) as ParsedFamily[]).get(name);
  const want = JSON.stringify(Object.entries(labels).sort());
  const m = f?.metrics.find((x) => JSON.stringify(Object.entries(x.labels ?? {}).filter(([k]) => k in labels).sort()) === want);
  return m ? Number(m.value) : 0;
}

describe('detector counters agree with the verdicts', () => {
  it('requests_scanned_total counts standalone inputs too, as its HELP says', async () => {
    const d = await createDetector();
    d.scan('a'); d.scan('<script>x()</script>');
    const s = d.createStream(); s.push('b'); s.finish();
    await d.analyzeRequest({ url: '/x?a=%00&b=%00', headers: {} });
    const text = renderPrometheus({ detector: d });
    expect(sample(text, 'arenaguard_requests_scanned_total')).toBe(4);
    expect(sample(text, 'arenaguard_detector_blocked_total')).toBe(2); // the script tag and the request (two weak fields)
    await d.close();
  });

  it('through the middleware: one verdict per request, findings as the guard reports them', async () => {
    const d = await createDetector();
    const own = await testArena();
    const events: ThreatEvent[] = [];
    const handler = guard(() => new Response('ok'), { detector: d, arena: own, onThreat: (e) => events.push(e) });
    const multipart = '--b\r\ncontent-disposition: form-data; name="f"; filename="../../etc/passwd"\r\ncontent-type: text/plain\r\n\r\nhi\r\n--b--\r\n';
    const statuses: number[] = [];
    for (const r of [
      new Request('http://127.0.0.1/ok?q=hello'),
      new Request('http://127.0.0.1/x', { method: 'POST', body: Buffer.from('hello world', 'utf16le'), headers: { 'content-type': 'text/plain; charset=utf-16le' } }),
      new Request('http://127.0.0.1/x?a=%00&b=%00'),
      new Request('http://127.0.0.1/j', { method: 'POST', body: JSON.stringify({ a: '<script>x()</script>', b: "1' or '1'='1" }), headers: { 'content-type': 'application/json' } }),
      new Request('http://127.0.0.1/u', { method: 'POST', body: Buffer.from("1' or '1'='1", 'utf16le'), headers: { 'content-type': 'text/plain; charset=utf-16le' } }),
      new Request('http://127.0.0.1/m', { method: 'POST', body: multipart, headers: { 'content-type': 'multipart/form-data; boundary=b' } }),
    ]) statuses.push((await handler(r)).status);
    expect(statuses).toEqual([200, 200, 403, 403, 403, 403]);
    const text = renderPrometheus({ detector: d });
    expect(sample(text, 'arenaguard_requests_scanned_total')).toBe(6);
    expect(sample(text, 'arenaguard_detector_blocked_total')).toBe(4);
    expect(sample(text, 'arenaguard_guard_responses_total', { outcome: 'blocked' })).toBe(4);
    const reported: Record<string, number> = {};
    for (const e of events) for (const t of [...e.threats, ...e.excluded]) reported[t.ruleId] = (reported[t.ruleId] ?? 0) + 1;
    expect(d.getStats().threatsByRule).toEqual(reported);
    expect(reported['path.null-byte']).toBe(2); // the two %00, not the UTF-16 bodies' zero bytes
    for (const [rule, n] of Object.entries(reported)) expect(sample(text, 'arenaguard_rule_matches_total', { rule })).toBe(n);
    await d.close();
    await own.close();
  });
});

describe('docs/metrics.md', () => {
  it('documents exactly the metrics that are exported', () => {
    const doc = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8');
    const documented = new Set([...doc.matchAll(/^\| `(arenaguard_[a-z_]+)/gm)].map((m) => m[1]));
    const exported = new Set(collectMetrics({ arena, detector }).map((f) => f.name));
    expect([...documented].sort()).toEqual([...exported].sort());
  });
});

describe('healthReport', () => {
  it('is 200 while healthy and 503 once the arena has failed', async () => {
    const own = await testArena();
    const ok = healthReport({ arena: own, detector });
    expect(ok.status).toBe(200);
    expect(ok.report.checks.some((c) => c.name.startsWith('arena:'))).toBe(true);
    await own.close();
    const failing = healthReport({ arena: own, detector });
    expect(failing.status).toBe(503);
    expect(failing.report.status).toBe('failing');
    expect(failing.report.healthy).toBe(false);
  });

  it('is 200 and degraded, not 503, when a pool is only busy; healthy is false, as in each part', async () => {
    const own = await createArena({ pools: createStandardPools({ large: { maxSlots: 3 } }) });
    const d = await createDetector({ arena: own });
    const held = [own.poolFor(65536).acquire(), own.poolFor(65536).acquire(), own.poolFor(65536).acquire()];
    const busy = healthReport({ detector: d });
    expect(busy.status).toBe(200);
    expect(busy.report).toMatchObject({ healthy: false, status: 'degraded' });
    expect(d.healthCheck()).toMatchObject({ healthy: false, status: 'degraded' });
    expect(own.healthCheck()).toMatchObject({ healthy: false, status: 'degraded' });
    expect(sample(renderPrometheus({ detector: d }), 'arenaguard_health_status', { status: 'degraded' })).toBe(1);
    for (const l of held) l.release();
    // (the detector keeps two large slots for its scans from now on: 2 of 3 is no pressure)
    // (the refusals stay in the report for 10 s, or until the next check after that: a probe sees a spike it missed)
    const realNow = Date.now;
    try {
      const now = Date.now();
      Date.now = () => now;
      const after = healthReport({ detector: d });
      expect(after).toMatchObject({ status: 200, report: { healthy: false, status: 'degraded' } });
      expect(after.report.checks.find((c) => c.name === 'detector:self-test')?.ok).toBe(true);
      Date.now = () => now + 11_000;
      expect(healthReport({ detector: d })).toMatchObject({ status: 200, report: { healthy: true, status: 'ok' } });
    } finally {
      Date.now = realNow;
    }
    await d.close();
    await own.close();
  });

  it('an internal error leaves the report degraded for a while, not for good', async () => {
    const own = await createArena({ pools: createStandardPools({ large: { maxSlots: 3 } }) });
    const d = await createDetector({ arena: own });
    const realNow = Date.now;
    try {
      const held = [own.poolFor(65536).acquire(), own.poolFor(65536).acquire(), own.poolFor(65536).acquire()];
      expect(d.scan('x').threats[0]?.ruleId).toBe('internal.error'); // (no slot for the scan: fails closed)
      for (const l of held) l.release();
      const now = Date.now();
      Date.now = () => now;
      const recent = healthReport({ detector: d });
      expect(recent.report.status).toBe('degraded');
      expect(recent.report.checks.find((c) => c.name === 'detector:internal-errors')?.ok).toBe(false);
      Date.now = () => now + 11_000;
      expect(healthReport({ detector: d }).report).toMatchObject({ healthy: true, status: 'ok' });
      expect(d.getStats().internalErrors).toBe(1); // (the count stays: it is since creation)
    } finally {
      Date.now = realNow;
    }
    await d.close();
    await own.close();
  });

  it('a metrics scrape between two probes hides no refusal or error from the second probe (it observes, the probe checks)', async () => {
    const own = await createArena({ pools: createStandardPools({ large: { maxSlots: 3 } }) });
    const d = await createDetector({ arena: own });
    const realNow = Date.now;
    try {
      const now = Date.now();
      Date.now = () => now;
      const held = [own.poolFor(65536).acquire(), own.poolFor(65536).acquire(), own.poolFor(65536).acquire()];
      expect(d.scan('x').threats[0]?.ruleId).toBe('internal.error'); // (no slot for the scan: refused, fails closed)
      for (const l of held) l.release();
      const registry = new Registry();
      registerPrometheusMetrics(registry, { detector: d });
      Date.now = () => now + 12_000;
      renderPrometheus({ detector: d }); // scrapes, by hand and through prom-client
      collectMetrics({ detector: d });
      await registry.metrics();
      Date.now = () => now + 24_000;
      const probe = healthReport({ detector: d }).report;
      expect(probe.status).toBe('degraded');
      expect(probe.checks.find((c) => c.name === 'arena:pool:large')?.ok).toBe(false);
      expect(probe.checks.find((c) => c.name === 'detector:internal-errors')?.ok).toBe(false);
      Date.now = () => now + 36_000;
      expect(healthReport({ detector: d }).report.status).toBe('ok'); // and the probe's check starts the next window
    } finally {
      Date.now = realNow;
    }
    await d.close();
    await own.close();
  });

  it('the prom-client bridge collects once per scrape, not once per metric', async () => {
    const own = await testArena();
    const d = await createDetector({ arena: own });
    let checks = 0;
    const counted = new Proxy(d, {
      get: (target, key) => {
        const value = Reflect.get(target, key, target);
        if (key === 'getStats') return () => { checks++; return target.getStats(); };
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const registry = new Registry();
    const names = registerPrometheusMetrics(registry, { detector: counted });
    expect(names.length).toBeGreaterThan(10);
    await new Promise((resolve) => setTimeout(resolve, 5)); // (a scrape in the same turn as the registration reads its collection)
    checks = 0;
    await registry.metrics();
    expect(checks).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await registry.metrics(); // the next scrape collects afresh
    expect(checks).toBe(2);
    await d.close();
    await own.close();
  });

  it('refuses pool names that would not print as one line of text (metrics labels, health checks, logs)', async () => {
    for (const name of ['q\ud800', 'q\udc00', 'a\rb', 'a\nb', 'x\u009b2J', 'del\u007f']) {
      await expect(createArena({ pools: [{ name, slotSize: 1024 }] })).rejects.toThrow(RangeError);
      await expect(createArena({ pools: [{ name, slotSize: 1024 }] })).rejects.toThrow(/pools\[0\]\.name/);
    }
    const fine = await createArena({ pools: [{ name: 'grande \u{1F600} Ä', slotSize: 1024 }] });
    await fine.close();
  });
});
