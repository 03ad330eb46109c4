// `npm start`: build the dashboard with vite, then serve the demo on
// http://127.0.0.1:8787 (PORT overrides). `-- --unprotected` serves the same
// vulnerable app without the guard. Loopback only.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const unprotected = args.includes('--unprotected');
const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be an integer 0-65535, got ${process.env.PORT}`);
  process.exit(2);
}

if (!args.includes('--no-build')) {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(root, 'demo/vite.config.mjs'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

const { startDemo } = await import('../demo/server.mjs');
let demo;
try {
  demo = await startDemo({ port, unprotected, log: (line) => console.log(line) });
} catch (error) {
  if (error?.code === 'EADDRINUSE') {
    console.error(`port ${port} on 127.0.0.1 is in use: try PORT=${port + 1} npm start`);
    process.exit(1);
  }
  throw error;
}
console.log(`  dashboard: ${demo.url}/\n  metrics:   ${demo.url}/metrics\n  health:    ${demo.url}/health\n  app:       ${demo.url}/app/search?q=rake`);
if (unprotected) console.log('  WARNING: --unprotected: the example app is vulnerable and unguarded. It listens on 127.0.0.1 only.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await demo.close();
    process.exit(0);
  });
}
