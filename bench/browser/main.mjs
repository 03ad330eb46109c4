// Browser entry of the runtimes suite: runs the runtime-neutral pool/scan suites
// and leaves the result on window.__benchResult (read by bench/runtimes.mjs via playwright).
import { runPoolSuite, runScanSuite } from '../lib/runtime-suite.mjs';

const status = document.getElementById('status');
const out = document.getElementById('out');
const params = new URLSearchParams(location.search);
const quick = params.get('quick') === '1';
const opts = quick ? { rounds: 2, timeMs: 40, warmupMs: 15, worstRounds: 1 } : {};

function render(title, ns, unit = 'ns/op') {
  const rows = Object.entries(ns).map(([n, s]) => `<tr><td>${n}</td><td>${s.median}</td><td>${s.min}–${s.max}</td></tr>`).join('');
  out.insertAdjacentHTML('beforeend', `<h2>${title}</h2><table><tr><th>contender</th><th>${unit} (median)</th><th>min–max</th></tr>${rows}</table>`);
}

async function main() {
  // Chromium coarsens performance.now() unless the page is cross-origin isolated; batches are 4× longer here either way.
  const env = { runtime: 'chromium', userAgent: navigator.userAgent, crossOriginIsolated: globalThis.crossOriginIsolated === true };
  const pool = await runPoolSuite({ ...opts, batchScale: 4, onProgress: (m) => (status.textContent = m) });
  for (const [size, ns] of Object.entries(pool.sizes)) render(`pool, ${size / 1024} KiB`, ns);
  status.textContent = 'scan…';
  const payloads = await (await fetch('./corpus.json')).json(); // served by bench/runtimes.mjs from ../shared/corpus
  const scan = await runScanSuite({ payloads, ...opts, onProgress: (m) => (status.textContent = m) });
  if (scan) {
    const c = scan.corpus.payloadsPerSec;
    out.insertAdjacentHTML('beforeend', `<h2>scan</h2><p>corpus (${scan.corpus.payloads} payloads): arenaguard ${c.arenaguard.median}/s, regex ${c.regex.median}/s</p>`);
    render('scan: JSON bodies', Object.fromEntries(Object.entries(scan.bodies).flatMap(([k, b]) => Object.entries(b.mbPerSec).map(([n, s]) => [`${k} ${n}`, s]))), 'MB/s');
  }
  status.textContent = 'done';
  window.__benchResult = { env, pool, scan };
}
main().catch((e) => {
  status.textContent = `failed: ${e?.stack ?? e}`;
  window.__benchError = String(e?.stack ?? e);
});
