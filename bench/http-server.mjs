// The http suite's server: one node:http server on 127.0.0.1, three routes
// running the same application (read the JSON body, JSON.parse it, answer a
// small JSON), behind:
//   /none        no protection
//   /arenaguard  the arenaguard middleware (dist/middleware/express.js, used as plain node:http middleware)
//   /regex       the regex middleware written like the original (bench/lib/regex-guard.mjs)
// Started by bench/http.mjs with fork(); exits when its parent goes away; answers 'cpu' with its CPU time.
import { createServer } from 'node:http';
import * as arenaguard from '../dist/index.js';
import { arenaguard as guardMiddleware } from '../dist/middleware/express.js';
import { regexVerdict } from './lib/regex-guard.mjs';

const hasDetector = typeof arenaguard.createDetector === 'function';
let guard = null;
if (hasDetector) {
  const arena = await arenaguard.createArena({ pools: arenaguard.createStandardPools(), maxBytes: 64 << 20 });
  const detector = await arenaguard.createDetector({ arena });
  guard = guardMiddleware({ detector, arena, mode: 'block' });
}

function readBody(req, cb) {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => cb(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
}
function app(req, res, parsed) {
  const out = JSON.stringify({ ok: true, items: Array.isArray(parsed?.items) ? parsed.items.length : 0 });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
  res.end(out);
}
function forbid(res) {
  res.writeHead(403, { 'content-type': 'text/plain', 'content-length': 9 });
  res.end('forbidden');
}

const server = createServer((req, res) => {
  const url = req.url;
  if (url === '/none') {
    readBody(req, (b) => app(req, res, JSON.parse(b)));
  } else if (url === '/regex') {
    readBody(req, (b) => {
      const parsed = JSON.parse(b);
      if (regexVerdict({ url: req.url, headers: req.headers, body: parsed })) forbid(res);
      else app(req, res, parsed);
    });
  } else if (url === '/arenaguard' && guard) {
    guard(req, res, (err) => {
      if (err) {
        res.writeHead(500);
        res.end();
        return;
      }
      readBody(req, (b) => app(req, res, JSON.parse(b)));
    });
  } else {
    res.writeHead(404);
    res.end();
  }
});
server.keepAliveTimeout = 10_000;
server.listen(0, '127.0.0.1', () => {
  process.send({ port: server.address().port, routes: hasDetector ? ['none', 'arenaguard', 'regex'] : ['none', 'regex'] });
});
process.on('disconnect', () => process.exit(0));
process.on('message', (m) => {
  if (m === 'stop') server.close(() => process.exit(0));
  // The parent asks before and after each run: this process's CPU time per request is the
  // server's own cost, whatever share of the cores the load generator took meanwhile.
  else if (m === 'cpu') { const u = process.cpuUsage(); process.send({ cpuUs: u.user + u.system }); }
});
