// The demo service: the vulnerable example app behind arenaguard (or not, with
// --unprotected), /metrics, /health, a stats feed and the vite-built dashboard.
// Binds to 127.0.0.1 only: the app is vulnerable on purpose.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createArena, createDetector, createStandardPools } from '../dist/index.js';
import { arenaguard, healthHandler, metricsHandler } from '../dist/middleware/express.js';
import { createVulnerableApp } from './app.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DASHBOARD_DIR = join(here, 'dashboard', 'dist');
const RECENT_LIMIT = 50;

/**
 * Start the demo. Returns its URL and a close() that stops the server and the arena.
 * @param {{ port?: number, unprotected?: boolean, log?: (line: string) => void }} [options]
 */
export async function startDemo({ port = 8787, unprotected = false, log = () => {} } = {}) {
  const host = '127.0.0.1';
  const arena = await createArena({ pools: createStandardPools(), maxBytes: 64 * 1024 * 1024 });
  const detector = await createDetector({ arena, paranoia: 1 });
  const recent = [];
  let blocked = 0;
  let requests = 0;

  const app = express();
  app.disable('x-powered-by');
  app.use((_req, _res, next) => {
    requests++;
    next();
  });
  app.get('/metrics', metricsHandler({ arena, detector }));
  app.get('/health', healthHandler({ arena, detector }));
  app.get('/api/stats', (_req, res) => {
    res.set('cache-control', 'no-store').json({
      protected: !unprotected,
      time: Date.now(),
      requests,
      blocked,
      arena: arena.getStats(),
      detector: detector.getStats(),
      health: arena.healthCheck().status,
      recent,
    });
  });

  if (!unprotected) {
    app.use('/app', arenaguard({
      detector,
      arena,
      onThreat(event) {
        if (event.action !== 'blocked') return;
        blocked++;
        const path = event.url.split('?')[0];
        recent.unshift({
          time: Date.now(),
          requestId: event.requestId,
          method: event.method,
          path,
          threats: event.threats.map(({ category, ruleId, location }) => ({ category, ruleId, location })),
        });
        if (recent.length > RECENT_LIMIT) recent.pop();
      },
    }));
  }
  app.use('/app', await createVulnerableApp());

  if (existsSync(DASHBOARD_DIR)) {
    app.use(express.static(DASHBOARD_DIR, { index: 'index.html' }));
  } else {
    app.get('/', (_req, res) => res.type('text').send('Dashboard not built: run `npm start` (it builds the dashboard with vite).'));
  }

  const server = await new Promise((resolve, reject) => {
    const s = app.listen(port, host, () => resolve(s));
    s.once('error', reject);
  });
  const url = `http://${host}:${server.address().port}`;
  log(`arenaguard demo (${unprotected ? 'UNPROTECTED: attacks succeed' : 'protected by arenaguard'}) on ${url}  — loopback only`);
  return {
    url,
    arena,
    detector,
    async close() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      await arena.close();
    },
  };
}
