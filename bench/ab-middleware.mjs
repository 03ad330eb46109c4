// Two (or more) builds of the Express middleware side by side in one process: µs per
// request for a POST of the http suite's JSON body (bench/lib/requests.mjs), with a fake
// request stream and response (no sockets: the middleware's own cost, plus the stream's).
// Each build gets its own arena and detector, as a server would; the body slots are in the
// detector's arena. Interleaved rounds, the fastest round of each. A dev tool, not a suite.
//
//   cp -r dist /tmp/dist-before   # before the change
//   npm run build                 # after it
//   node bench/ab-middleware.mjs /tmp/dist-before ./dist   [SIZE=8192 ROUNDS=8]
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
  guard(fakeRequest(), res, (error) => {
    res.emit('finish');
    if (error) reject(error);
    else resolve();
  });
});

const best = new Map();
for (let round = 0; round < rounds; round++) {
  for (const { dir, guard } of builds) {
    for (let i = 0; i < 500; i++) await once(guard);
    const n = 3000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await once(guard);
    best.set(dir, Math.min(best.get(dir) ?? Infinity, ((performance.now() - t0) * 1000) / n));
  }
}
for (const [dir, us] of best) console.log(`${dir.padEnd(28)} ${us.toFixed(2).padStart(8)} µs/request (${size} B JSON, fastest of ${rounds} rounds)`);
