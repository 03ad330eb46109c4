import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';

// One suite, three runtimes: Node and Chromium here (vitest projects), Deno
// through scripts/test-deno.mjs with the same files. `*.node.test.ts` files
// need Node APIs (fs, gc, child processes) and run in Node only.
const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/deno/**', 'test/browser-only/**'],
          environment: 'node',
          execArgv: ['--expose-gc'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'chromium',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.node.test.ts', 'test/deno/**', 'test/middleware/**', 'test/metrics/**', 'test/demo/**', 'test/edge/**'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
