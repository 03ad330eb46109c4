/**
 * Prometheus metrics and health for arenaguard: `renderPrometheus` (text
 * format 0.0.4), a prom-client bridge, and the health report behind the
 * framework `/health` handlers.
 * @packageDocumentation
 */
import type { Arena } from '../arena.js';
import type { HealthCheck, HealthReport } from '../api.js';
import { existingRecorder, SCAN_DURATION_BUCKETS, type GuardRecorder } from './recorder.js';
import { rejectUnknownKeys, show, type KeyList } from '../option-keys.js';

/**
 * Content-Type of the Prometheus text exposition format (0.0.4), the one
 * `renderPrometheus` writes: send it with the text, or a scraper may not parse it.
 *
 * @example
 * ```ts
 * import { renderPrometheus, PROMETHEUS_CONTENT_TYPE } from 'arenaguard/metrics';
 * const metrics = () => new Response(renderPrometheus({ detector }), { headers: { 'content-type': PROMETHEUS_CONTENT_TYPE } });
 * metrics().headers.get('content-type'); // 'text/plain; version=0.0.4; charset=utf-8'
 * ```
 */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** What metrics and health are read from: an arena, a detector, or both (the detector's arena is used when `arena` is omitted). */
export interface MetricsSource {
  arena?: Arena;
  detector?: MetricsDetector;
}

/** Every key of `MetricsSource`. */
const METRICS_SOURCE_KEYS: KeyList<MetricsSource> = { arena: true, detector: true };

function hasMethods(value: unknown, ...names: string[]): boolean {
  return typeof value === 'object' && value !== null && names.every((n) => typeof (value as Record<string, unknown>)[n] === 'function');
}

/**
 * @internal Check a `MetricsSource` once, where it is given: an object with an `arena` (from
 * `createArena()`), a `detector` (from `createDetector()`), or both, and nothing else.
 * `owner` names the function in the message, e.g. `'metricsHandler()'`. Throws `TypeError`
 * for a missing or wrong-typed source, `RangeError` for an unknown key. Without it a handler
 * made with no source, or `{ detector: 5 }`, failed on every request instead, and `{}` answered
 * every health probe 503 with no check at all.
 *
 * @example
 * ```ts
 * checkMetricsSource({ detector }, 'metricsHandler()'); // ok
 * checkMetricsSource({}, 'healthHandler()'); // TypeError: healthHandler() needs { arena } and/or { detector } …
 * ```
 */
export function checkMetricsSource(source: unknown, owner: string): asserts source is MetricsSource {
  if (typeof source !== 'object' || source === null) {
    throw new TypeError(`${owner} needs { arena } and/or { detector } (from createArena(), createDetector()), got ${source === null ? 'null' : typeof source}`);
  }
  rejectUnknownKeys(source, METRICS_SOURCE_KEYS, owner);
  const { arena, detector } = source as MetricsSource;
  if (arena !== undefined && !hasMethods(arena, 'getStats', 'healthCheck')) {
    throw new TypeError(`${owner}: arena must be an arena from createArena() (with getStats and healthCheck), got ${show(arena)}`);
  }
  if (detector !== undefined && !hasMethods(detector, 'getStats', 'healthCheck')) {
    throw new TypeError(`${owner}: detector must be a detector from createDetector() (with getStats and healthCheck), got ${show(detector)}`);
  }
  if (arena === undefined && detector === undefined) {
    throw new TypeError(`${owner} needs { arena } and/or { detector } (from createArena(), createDetector()): it has neither`);
  }
}

/** The detector methods metrics read. */
export interface MetricsDetector {
  getStats(): unknown;
  healthCheck(): { healthy: boolean; status: string; checks: readonly unknown[] };
  /** @internal arenaguard's detector: its health without starting a new window (see healthFamilies). */
  observeHealth?(): { healthy: boolean; status: string; checks: readonly unknown[] };
  readonly arena?: unknown;
}

/**
 * A metric family's Prometheus type: `counter` only goes up (since the arena or
 * detector was created), `gauge` is a current value, `histogram` is buckets, sum and count.
 *
 * @example
 * ```ts
 * collectMetrics({ arena }).find((f) => f.name === 'arenaguard_pool_slots_in_use')!.type; // 'gauge'
 * ```
 */
export type MetricType = 'counter' | 'gauge' | 'histogram';

/**
 * One sample of a `MetricFamily`: a name, its labels and a number, as one
 * line of the text format. Units follow Prometheus names (`_bytes`, `_seconds`).
 *
 * @example
 * ```ts
 * const family = collectMetrics({ arena }).find((f) => f.name === 'arenaguard_pool_slots_in_use')!;
 * family.samples[0]; // { name: 'arenaguard_pool_slots_in_use', labels: { pool: 'small' }, value: 0 }
 * ```
 */
export interface MetricSample {
  /** Full sample name (a histogram's carry `_bucket`, `_sum`, `_count`). */
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** One metric family: what `# HELP`/`# TYPE` describe. */
export interface MetricFamily {
  name: string;
  help: string;
  type: MetricType;
  samples: MetricSample[];
}

type Stats = Record<string, unknown>;

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function record(value: unknown): Stats {
  return typeof value === 'object' && value !== null ? (value as Stats) : {};
}

/** First own numeric field among `keys`. */
function pick(stats: Stats, ...keys: string[]): number {
  for (const key of keys) if (typeof stats[key] === 'number') return num(stats[key]);
  return 0;
}

/** A `{ key: number }` map, or the `count` of `{ key: { count } }`. */
function countMap(value: unknown): [string, number][] {
  return Object.entries(record(value)).map(([key, v]) => [key, typeof v === 'number' ? v : pick(record(v), 'count', 'total')]);
}

function resolveArena(source: MetricsSource): Arena | undefined {
  if (source.arena) return source.arena;
  const candidate = source.detector?.arena as Arena | undefined;
  return candidate && typeof candidate.getStats === 'function' ? candidate : undefined;
}

function family(name: string, type: MetricType, help: string, samples: MetricSample[]): MetricFamily {
  return { name, type, help, samples };
}

function single(name: string, type: MetricType, help: string, value: number): MetricFamily {
  return family(name, type, help, [{ name, labels: {}, value }]);
}

function arenaFamilies(arena: Arena): MetricFamily[] {
  const stats = arena.getStats();
  const pools = Object.values(stats.pools);
  const perPool = (name: string, type: MetricType, help: string, value: (p: (typeof pools)[number]) => number) =>
    family(name, type, help, pools.map((p) => ({ name, labels: { pool: p.name }, value: value(p) })));
  return [
    single('arenaguard_arena_bytes_reserved', 'gauge', 'Bytes of wasm memory mapped to slot pools.', stats.bytesReserved),
    single('arenaguard_arena_bytes_in_use', 'gauge', 'Bytes of slots currently leased.', stats.bytesInUse),
    single('arenaguard_arena_max_bytes', 'gauge', 'Configured cap on the bytes all pools may reserve.', stats.maxBytes),
    single('arenaguard_arena_memory_pages', 'gauge', 'WebAssembly memory pages (64 KiB) held by the module.', stats.memoryPages),
    perPool('arenaguard_pool_slot_size_bytes', 'gauge', 'Bytes per slot of the pool.', (p) => p.slotSize),
    perPool('arenaguard_pool_slots_in_use', 'gauge', 'Slots currently leased.', (p) => p.inUse),
    perPool('arenaguard_pool_slots_free', 'gauge', 'Mapped slots that are free.', (p) => p.free),
    perPool('arenaguard_pool_slots_capacity', 'gauge', 'Slots currently mapped (free + in use).', (p) => p.capacity),
    perPool('arenaguard_pool_slots_max', 'gauge', 'Most slots the pool may map.', (p) => p.maxSlots),
    perPool('arenaguard_pool_slots_peak_in_use', 'gauge', 'Highest number of slots leased at once.', (p) => p.peakInUse),
    perPool('arenaguard_pool_bytes_reserved', 'gauge', 'Bytes of slabs mapped to the pool.', (p) => p.bytesReserved),
    perPool('arenaguard_pool_waiting', 'gauge', 'Callers waiting for a slot (acquireAsync).', (p) => p.waiting),
    perPool('arenaguard_pool_acquires_total', 'counter', 'Slots leased.', (p) => p.acquires),
    perPool('arenaguard_pool_releases_total', 'counter', 'Slots released.', (p) => p.releases),
    perPool('arenaguard_pool_exhaustions_total', 'counter', 'Acquires refused because the pool or arena was full.', (p) => p.exhaustions),
    perPool('arenaguard_pool_grows_total', 'counter', 'Slabs added to the pool.', (p) => p.grows),
    perPool('arenaguard_pool_shrinks_total', 'counter', 'Empty slabs given back by the pool.', (p) => p.shrinks),
    perPool('arenaguard_pool_leaks_detected_total', 'counter', 'Leases garbage-collected without release.', (p) => p.leaksDetected),
  ];
}

function detectorFamilies(detector: MetricsDetector): MetricFamily[] {
  const stats = record(detector.getStats());
  const threats = record(stats.threats);
  const byCategory = countMap(stats.threatsByCategory ?? threats.byCategory ?? stats.byCategory);
  const byRule = countMap(stats.threatsByRule ?? threats.byRule ?? stats.byRule);
  return [
    // (one verdict per request and per standalone input: the population blocked_total counts in)
    single('arenaguard_requests_scanned_total', 'counter', 'Requests (analyzeRequest, the middleware) and standalone inputs (scan() calls, streams) the detector judged, one verdict each.',
      pick(stats, 'requests') + pick(stats, 'standaloneScans')),
    single('arenaguard_scans_total', 'counter', 'Values and streams the detector scanned (a request has several: path, each parameter, headers, body fields).', pick(stats, 'scans')),
    single('arenaguard_bytes_scanned_total', 'counter', 'Bytes the detector scanned (not those past maxScanBytes).', pick(stats, 'bytesScanned', 'bytes')),
    single('arenaguard_detector_blocked_total', 'counter', 'Verdicts that blocked, one per request or standalone input, before the middleware\'s exclusions and mode.', pick(stats, 'blocked')),
    single('arenaguard_internal_errors_total', 'counter', 'Scans that failed inside the scanner (counted as internal.error findings).', pick(stats, 'internalErrors', 'errors')),
    family('arenaguard_threats_total', 'counter', 'Findings by category, as the verdicts\' results list them.', byCategory.map(([category, value]) => ({ name: 'arenaguard_threats_total', labels: { category }, value }))),
    family('arenaguard_rule_matches_total', 'counter', 'Findings by rule id, as the verdicts\' results list them.', byRule.map(([rule, value]) => ({ name: 'arenaguard_rule_matches_total', labels: { rule, category: rule.split('.')[0]! }, value }))),
  ];
}

function recorderFamilies(recorder: GuardRecorder | undefined): MetricFamily[] {
  const blocked = recorder ? [...recorder.blockedByCategory] : [];
  const outcomes = recorder ? [...recorder.outcomes] : [];
  const buckets: MetricSample[] = [];
  let cumulative = 0;
  SCAN_DURATION_BUCKETS.forEach((le, i) => {
    cumulative += recorder ? recorder.durationBuckets[i]! : 0;
    buckets.push({ name: 'arenaguard_scan_duration_seconds_bucket', labels: { le: String(le) }, value: cumulative });
  });
  const count = recorder ? recorder.durationCount : 0;
  buckets.push({ name: 'arenaguard_scan_duration_seconds_bucket', labels: { le: '+Inf' }, value: count });
  buckets.push({ name: 'arenaguard_scan_duration_seconds_sum', labels: {}, value: recorder ? recorder.durationSum : 0 });
  buckets.push({ name: 'arenaguard_scan_duration_seconds_count', labels: {}, value: count });
  return [
    family('arenaguard_requests_blocked_total', 'counter', 'Requests the middleware answered 403, by threat category (a request with two categories counts in both).',
      blocked.map(([category, value]) => ({ name: 'arenaguard_requests_blocked_total', labels: { category }, value }))),
    family('arenaguard_guard_responses_total', 'counter', 'Requests the middleware answered itself or let through despite findings, by outcome (blocked, too_large, body_timeout, unsupported_encoding, undecodable, unavailable, monitored).',
      outcomes.map(([outcome, value]) => ({ name: 'arenaguard_guard_responses_total', labels: { outcome }, value }))),
    single('arenaguard_body_bytes_total', 'counter', 'Request body bytes the middleware read into slots to be scanned (inflated when sent compressed).', recorder ? recorder.bodyBytes : 0),
    family('arenaguard_scan_duration_seconds', 'histogram', 'Time the scanner spent on one request (head and body), in seconds.', buckets),
  ];
}

function healthFamilies(source: MetricsSource): MetricFamily[] {
  // Observed, not checked: a scrape must not start a new "since the previous check" window,
  // or a refusal between two health probes would be reported to the scrape and not to the probe.
  const { report } = healthOf(source, false);
  const states = ['ok', 'degraded', 'failing'] as const;
  return [
    family('arenaguard_health_status', 'gauge', 'Health status: 1 for the current status, 0 for the others.',
      states.map((status) => ({ name: 'arenaguard_health_status', labels: { status }, value: report.status === status ? 1 : 0 }))),
  ];
}

/**
 * Every arenaguard metric as families (name, help, type, samples), for
 * renderers and bridges to other metric systems.
 *
 * @example
 * ```ts
 * for (const family of collectMetrics({ arena, detector })) statsd.gauge(family.name, family.samples[0]?.value ?? 0);
 * ```
 */
export function collectMetrics(source: MetricsSource): MetricFamily[] {
  checkMetricsSource(source, 'collectMetrics()');
  return collect(source);
}

function collect(source: MetricsSource): MetricFamily[] {
  const arena = resolveArena(source);
  const families: MetricFamily[] = [];
  if (arena) families.push(...arenaFamilies(arena));
  if (source.detector) {
    families.push(...detectorFamilies(source.detector));
    families.push(...recorderFamilies(existingRecorder(source.detector)));
  }
  families.push(...healthFamilies(source));
  return families;
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function escapeLabel(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/**
 * Render arenaguard's metrics in the Prometheus text exposition format 0.0.4.
 * Serve it with `Content-Type: text/plain; version=0.0.4` (`PROMETHEUS_CONTENT_TYPE`).
 *
 * @example
 * ```ts
 * import { renderPrometheus } from 'arenaguard/metrics';
 * const text = renderPrometheus({ arena, detector });
 * // # HELP arenaguard_pool_slots_in_use Slots currently leased.
 * // # TYPE arenaguard_pool_slots_in_use gauge
 * // arenaguard_pool_slots_in_use{pool="small"} 0
 * ```
 */
export function renderPrometheus(source: MetricsSource): string {
  checkMetricsSource(source, 'renderPrometheus()');
  let out = '';
  for (const f of collect(source)) {
    out += `# HELP ${f.name} ${escapeHelp(f.help)}\n# TYPE ${f.name} ${f.type}\n`;
    for (const s of f.samples) {
      const labels = Object.entries(s.labels);
      const text = labels.length === 0 ? '' : `{${labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
      out += `${s.name}${text} ${formatValue(s.value)}\n`;
    }
  }
  return out;
}

/** The subset of a prom-client `Registry` the bridge uses. */
export interface PromClientRegistry {
  registerMetric(metric: unknown): void;
  getSingleMetric?(name: string): unknown;
}

/**
 * Register arenaguard's metrics in an existing prom-client registry. Each
 * metric is collected fresh whenever the registry is scraped.
 *
 * @example
 * ```ts
 * import client from 'prom-client';
 * import { registerPrometheusMetrics } from 'arenaguard/metrics';
 * registerPrometheusMetrics(client.register, { arena, detector });
 * app.get('/metrics', async (req, res) => res.type(client.register.contentType).send(await client.register.metrics()));
 * ```
 */
export function registerPrometheusMetrics(registry: PromClientRegistry, source: MetricsSource): string[] {
  checkMetricsSource(source, 'registerPrometheusMetrics()');
  // prom-client calls get() once per metric in one scrape: collect once for all of them (a
  // collection runs the health self-test scans), and again for the next scrape.
  let scrape: MetricFamily[] | undefined;
  const collected = (): MetricFamily[] => {
    if (scrape === undefined) {
      scrape = collect(source);
      // (prom-client's metrics() calls every get() in one synchronous loop: the next scrape starts after this microtask)
      queueMicrotask(() => { scrape = undefined; });
    }
    return scrape;
  };
  const names = collected().map((f) => f.name);
  for (const name of names) {
    // prom-client reads `name`, `help`, `type` and calls `get()` at scrape
    // time; `reset` is called by `registry.resetMetrics()`.
    const metric = {
      name,
      help: '',
      type: 'gauge' as MetricType,
      aggregator: 'sum',
      get: () => {
        const f = collected().find((x) => x.name === name);
        if (f) {
          metric.help = f.help;
          metric.type = f.type;
        }
        return {
          name,
          help: f?.help ?? '',
          type: f?.type ?? 'gauge',
          aggregator: 'sum',
          values: (f?.samples ?? []).map((s) => ({ metricName: s.name, labels: s.labels, value: s.value })),
        };
      },
      reset: () => undefined,
    };
    const f = collected().find((x) => x.name === name)!;
    metric.help = f.help;
    metric.type = f.type;
    registry.registerMetric(metric);
  }
  return names;
}

/**
 * Health of the arena and the detector together, with the HTTP status to
 * answer it with: `503` when either is failing, else `200` (a `degraded`
 * report is still served: a busy pool is load, not a reason to restart).
 * `report.healthy` means what it means in `arena.healthCheck()` and
 * `detector.healthCheck()`: every check passed, `status === 'ok'`.
 *
 * @example
 * ```ts
 * const { status, report } = healthReport({ arena, detector });
 * res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(report));
 * ```
 */
export function healthReport(source: MetricsSource): { status: 200 | 503; report: HealthReport } {
  checkMetricsSource(source, 'healthReport()');
  return healthOf(source, true);
}

function healthOf(source: MetricsSource, probe: boolean): { status: 200 | 503; report: HealthReport } {
  const checks: HealthCheck[] = [];
  const statuses: string[] = [];
  const arena = resolveArena(source);
  for (const [prefix, part] of [['arena', arena], ['detector', source.detector]] as const) {
    if (!part) continue;
    let report: { status: string; checks: readonly unknown[] };
    try {
      report = !probe && part.observeHealth ? part.observeHealth() : part.healthCheck();
    } catch (error) {
      report = { status: 'failing', checks: [{ name: 'healthCheck', ok: false, detail: String(error) }] };
    }
    statuses.push(report.status);
    for (const c of report.checks) {
      const check = record(c);
      checks.push({ name: `${prefix}:${String(check.name ?? 'check')}`, ok: check.ok === true, detail: String(check.detail ?? '') });
    }
  }
  const status = statuses.includes('failing') || statuses.length === 0 ? 'failing' : statuses.includes('degraded') ? 'degraded' : 'ok';
  const report: HealthReport = { healthy: status === 'ok', status, checks };
  return { status: status === 'failing' ? 503 : 200, report };
}
