// Two (or more) builds of the Express middleware side by side in one process: µs per
// request for a POST of the http suite's JSON body (bench/lib/requests.mjs), with a fake
// request stream and response (no sockets: the middleware's own cost, plus the stream's).
// Each build gets its own arena and detector, as a server would; the body slots are in the
// detector's arena. Interleaved rounds, the fastest and the median round of each. A dev tool, not a suite.
//
//   cp -r dist /tmp/dist-before   # before the change
//   npm run build                 # after it
//   node bench/ab-middleware.mjs /tmp/dist-before ./dist   [SIZE=8192 ROUNDS=8 APP=1]
//
// APP=1: after next(), the application reads the body again as bench/http-server.mjs does
// ('data' and 'end' listeners), so the cost of handing the chunks back is in the figure.
import { Readable } from 'node:stream';
import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { jsonBody } from './lib/requests.mjs';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: node bench/ab-middleware.mjs DIST_A [DIST_B ...]');
  process.exit(2);
}
const size = Number(process.env.SIZE ?? 1024);
const rounds = Number(process.env.ROUNDS ?? 8);
const app = process.env.APP === '1';
const body = Buffer.from(jsonBody(size, size));
const headers = { host: 'localhost:3000', 'content-type': 'application/json', 'content-length': String(body.length), 'user-agent': 'autocannon', connection: 'keep-alive' };

const builds = [];
for (const dir of dirs) {
  const base = pathToFileURL(resolve(dir)).href;
  const ag = await import(`${base}/index.js`);
  const { arenaguard } = await import(`${base}/middleware/express.js`);
  const arena = await ag.createArena({ pools: ag.createStandardPools(), maxBytes: 64 << 20 });
  const detector = await ag.createDetector({ arena });
  builds.push({ dir, guard: arenaguard({ detector, arena, mode: 'block' }) });
}

function fakeRequest() {
  const req = new Readable({ read() {} });
  Object.assign(req, { method: 'POST', url: '/api', headers, complete: true });
  req.push(body);
  req.push(null);
  return req;
}
function fakeResponse() {
  return Object.assign(new EventEmitter(), { writeHead() {}, end() {}, setHeader() {}, writableFinished: false, destroyed: false });
}
/** One request through the guard; 'finish' afterwards releases its slots, as a sent response would. */
const once = (guard) => new Promise((resolve, reject) => {
  const res = fakeResponse();
  const req = fakeRequest();
  guard(req, res, (error) => {
    if (error || !app) {
      res.emit('finish');
      if (error) reject(error);
      else resolve();
      return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const b = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      res.emit('finish');
      if (b.length !== body.length) reject(new Error(`the app read ${b.length} bytes, not ${body.length}`));
      else resolve();
    });
  });
});

const times = new Map(builds.map(({ dir }) => [dir, []]));
// CPU time as well: on a shared VM other processes stretch wall time, much less CPU time.
const cpuTimes = new Map(builds.map(({ dir }) => [dir, []]));
for (let round = 0; round < rounds; round++) {
  // (the order alternates between rounds: the VM's drift does not favour one build)
  for (const { dir, guard } of round % 2 === 0 ? builds : [...builds].reverse()) {
    for (let i = 0; i < 500; i++) await once(guard);
    const n = 3000;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) await once(guard);
    const cpu = process.cpuUsage(c0);
    times.get(dir).push(((performance.now() - t0) * 1000) / n);
    cpuTimes.get(dir).push((cpu.user + cpu.system) / n);
  }
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
for (const [dir, us] of times) {
  const cpu = cpuTimes.get(dir);
  console.log(`${dir.padEnd(28)} ${Math.min(...us).toFixed(2).padStart(8)} µs/request fastest, ${median(us).toFixed(2).padStart(8)} median; CPU ${Math.min(...cpu).toFixed(2).padStart(6)} fastest, ${median(cpu).toFixed(2).padStart(6)} median (${size} B JSON${app ? ', app reads it again' : ''}, ${rounds} rounds)`);
}
