// http suite: a node:http server (bench/http-server.mjs, its own process) on
// 127.0.0.1 taking 1 KiB and 8 KiB JSON POSTs, driven over loopback by
// autocannon from this process: no protection vs arenaguard middleware vs a
// regex middleware written like the original. req/s and p50/p99 latency, and the server
// process's CPU time per request (on 2 cores autocannon takes a share of the CPU, so req/s
// ratios understate or overstate the guard's own cost; CPU µs per request does not depend on
// that share); median over rounds, variants interleaved, all against the same server process.
//
//   npm run bench:http               # table; writes bench/results/http.json
//   npm run bench:http -- --json     # one object: {"rps": {...}, "p99ms": {...}} for 1 KiB
//   BENCH_QUICK=1 ...                # 1-second rounds while developing
import { fork } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { summary } from './lib/harness.mjs';
import { jsonBody } from './lib/requests.mjs';
import { ROOT, envInfo, writeResult, table, QUICK } from './lib/node.mjs';

const json = process.argv.includes('--json');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION = Number(process.env.BENCH_HTTP_SECONDS ?? (QUICK ? 1 : 3));
const WARMUP = QUICK ? 1 : 2;
const CONNECTIONS = 32;
const SIZES = [1024, 8192];
const log = (...a) => json || console.error(...a);

const server = fork(join(ROOT, 'bench', 'http-server.mjs'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const stopServer = () => {
  if (server.connected) server.send('stop');
  setTimeout(() => server.kill(), 2000).unref();
};
process.on('exit', () => server.kill());
const { port, routes } = await new Promise((resolve, reject) => {
  server.once('message', resolve);
  server.once('exit', (code) => reject(new Error(`http-server exited (${code})`)));
  setTimeout(() => reject(new Error('http-server did not start in 30 s')), 30_000).unref();
});

/** The server process's CPU time so far, in µs (user + system). */
function serverCpuUs() {
  return new Promise((resolve, reject) => {
    const onMessage = (m) => { if (m && typeof m.cpuUs === 'number') { server.off('message', onMessage); resolve(m.cpuUs); } };
    server.on('message', onMessage);
    server.send('cpu', (err) => err && reject(err));
  });
}

function cannon(route, body, seconds) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}/${route}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections: CONNECTIONS,
        pipelining: 1,
        duration: seconds,
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
  });
}

const bySize = {};
try {
  for (const size of SIZES) {
    const body = jsonBody(size, size);
    const per = Object.fromEntries(routes.map((r) => [r, { rps: [], p50: [], p99: [], cpu: [], non2xx: 0, errors: 0 }]));
    for (const r of routes) await cannon(r, body, WARMUP); // warm-up: JIT, pools, keep-alive sockets
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < routes.length; k++) {
        const route = routes[(k + round) % routes.length];
        const cpu0 = await serverCpuUs();
        const res = await cannon(route, body, DURATION);
        const cpuUs = ((await serverCpuUs()) - cpu0) / Math.max(1, res.requests.total);
        const p = per[route];
        p.cpu.push(cpuUs);
        p.rps.push(res.requests.average);
        p.p50.push(res.latency.p50);
        p.p99.push(res.latency.p99);
        p.non2xx += res.non2xx;
        p.errors += res.errors + res.timeouts;
        log(`  ${size} B ${route.padEnd(10)} round ${round + 1}: ${Math.round(res.requests.average)} req/s, p99 ${res.latency.p99} ms, server CPU ${cpuUs.toFixed(1)} µs/request`);
      }
    }
    bySize[size] = Object.fromEntries(routes.map((r) => [r, { rps: summary(per[r].rps, 0), p50ms: summary(per[r].p50, 2), p99ms: summary(per[r].p99, 2), serverCpuUsPerRequest: summary(per[r].cpu, 2), non2xx: per[r].non2xx, errors: per[r].errors }]));
  }
} finally {
  stopServer();
}

const k1 = bySize[1024];
const pick = (f) => Object.fromEntries(['none', 'arenaguard', 'regex'].map((r) => [r, k1[r] ? k1[r][f].median : null]));
const headline = { rps: pick('rps'), p99ms: pick('p99ms') };
const ratio = (s, v) => (bySize[s][v] ? Number((bySize[s][v].rps.median / bySize[s].none.rps.median).toFixed(3)) : null);
// The guard's own cost: the server's CPU µs per request above the unprotected route's.
const addedCpu = (s, v) => (bySize[s][v] ? Number((bySize[s][v].serverCpuUsPerRequest.median - bySize[s].none.serverCpuUsPerRequest.median).toFixed(2)) : null);
const file = writeResult('http', {
  ...headline,
  command: 'npm run bench:http',
  arenaguardAvailable: routes.includes('arenaguard'),
  method: { rounds: ROUNDS, secondsPerRound: DURATION, warmupSeconds: WARMUP, connections: CONNECTIONS, pipelining: 1, client: 'autocannon (this process)', server: 'node:http in a separate process, 127.0.0.1', body: 'benign JSON (bench/lib/requests.mjs jsonBody), exactly 1 KiB / 8 KiB' },
  sizes: bySize,
  ratios: Object.fromEntries(SIZES.map((s) => [s, { arenaguardVsNone: ratio(s, 'arenaguard'), regexVsNone: ratio(s, 'regex') }])),
  addedServerCpuUsPerRequest: Object.fromEntries(SIZES.map((s) => [s, { arenaguard: addedCpu(s, 'arenaguard'), regex: addedCpu(s, 'regex') }])),
  target: { arenaguardVsNoneAt1KiB: 0.85, met: ratio(1024, 'arenaguard') === null ? null : ratio(1024, 'arenaguard') >= 0.85 },
});

if (json) console.log(JSON.stringify(headline));
else {
  console.log(`http suite — ${envInfo().node}; ${CONNECTIONS} connections, ${ROUNDS} × ${DURATION} s rounds`);
  for (const [size, v] of Object.entries(bySize)) {
    console.log(`\n${size / 1024} KiB JSON POST`);
    console.log(table(['route', 'req/s', 'min', 'max', '× none', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'non-2xx', 'errors'], Object.entries(v).map(([r, x]) => [r, x.rps.median, x.rps.min, x.rps.max, (x.rps.median / v.none.rps.median).toFixed(3), x.p50ms.median, x.p99ms.median, x.serverCpuUsPerRequest.median, x.non2xx, x.errors])));
  }
  if (!routes.includes('arenaguard')) console.log('\narenaguard route skipped: this build has no createDetector');
  console.log(`wrote ${file}`);
}
