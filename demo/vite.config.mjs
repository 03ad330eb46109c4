// Builds the dashboard (demo/dashboard) to demo/dashboard/dist. `arenaguard`
// resolves to the package's built dist/, so the browser runs the very same
// wasm module (embedded) that the server uses.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: join(here, 'dashboard'),
  base: './',
  logLevel: 'warn',
  resolve: {
    alias: { arenaguard: join(here, '..', 'dist', 'index.js') },
  },
  build: {
    outDir: join(here, 'dashboard', 'dist'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
