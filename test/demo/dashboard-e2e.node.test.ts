// End to end: the vite-built dashboard in Debian chromium, driven by
// playwright-core. Type an XSS payload and see it flagged by the in-browser
// wasm scan with the span highlighted; fire an attack and see the blocked
// count rise; save a screenshot in test-results/.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error plain ESM demo module without types
import { startDemo } from '../../demo/server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const XSS = '<img src=x onerror=alert(1)>';

let demo: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
/** What the page logged as errors (a missing favicon was one, on every load). */
const consoleErrors: string[] = [];

beforeAll(async () => {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'demo/vite.config.mjs', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  demo = await startDemo({ port: 0 });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.on('pageerror', (error) => console.error('page error:', error));
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('dashboard (chromium)', () => {
  it('scans a typed payload in the browser, fires an attack, shows the 403 and the live charts', async () => {
    await page.goto(`${demo.url}/`);
    await page.waitForSelector('#engine[data-ready="true"]', { timeout: 20_000 });
    await expect.poll(() => page.textContent('#mode')).toBe('protected');

    // Try a payload: scanned in the page by the same wasm module.
    await page.fill('#payload', `hello ${XSS} world`);
    await expect.poll(() => page.getAttribute('#verdict', 'class')).toContain('flagged');
    const marked = await page.$$eval('#highlight mark', (marks) => marks.map((m) => m.textContent ?? ''));
    expect(marked.length).toBeGreaterThan(0);
    for (const text of marked) expect(`hello ${XSS} world`).toContain(text);
    expect(marked.join('')).not.toContain('hello'); // the span is the attack, not the whole input
    expect(await page.$$eval('#findings li', (items) => items.map((i) => i.textContent))).toContainEqual(expect.stringContaining('xss'));

    await page.fill('#payload', 'a perfectly normal garden hose');
    await expect.poll(() => page.getAttribute('#verdict', 'class')).toContain('clean');
    expect(await page.$$('#highlight mark')).toHaveLength(0);

    // Fire sample attacks: the 403s arrive, the blocked count rises.
    const before = Number(await page.textContent('#blocked-count'));
    await page.click('button[data-attack="xss-comment"]');
    await page.waitForSelector('#attack-log li.blocked');
    expect(await page.textContent('#attack-log li.blocked')).toContain('403');
    await page.click('button[data-attack="sqli-search"]');
    await expect.poll(async () => Number(await page.textContent('#blocked-count')), { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 2);
    await expect.poll(() => page.$$eval('#recent tr', (rows) => rows.length), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await page.textContent('#recent')).toContain('sqli');

    // Live charts: pool occupancy lines for each size class, redrawn every second.
    // (every class above its resting count at once, seen by the page's own polls while the uploads are held: the
    // large pool rests at the detector's kept slots, and a burst holding all six of the browser's connections to the
    // host kept the polls queued behind it until the uploads ended — the chart never showed it)
    const inUse = () => page.$$eval('#pool-legend [data-pool] .in-use', (cells) => cells.map((c) => Number(c.textContent)));
    const resting = await inUse();
    await page.click('button[data-attack="burst"]');
    await expect.poll(async () => (await inUse()).every((n, i) => n > resting[i]!), { timeout: 8_000, intervals: [250] }).toBe(true);
    expect(await page.$$eval('#pool-chart polyline', (lines) => lines.map((l) => l.getAttribute('data-series')))).toEqual(['small', 'medium', 'large']);
    expect(await page.$$('#rate-chart polyline')).toHaveLength(1);
    expect(Number(await page.textContent('#scanned'))).toBeGreaterThan(0);

    // A phone's width: the page does not scroll sideways (the blocked-requests table scrolls in its panel)
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 1000 });
    // (Chromium logs each answer of 4xx as an error: the 403s are the attacks this test fired)
    const unexpected = consoleErrors.filter((text) => !text.includes('status of 403'));
    expect(unexpected, unexpected.join('\n')).toEqual([]);

    mkdirSync(`${root}test-results`, { recursive: true });
    await page.fill('#payload', `search=${XSS}`);
    await page.screenshot({ path: `${root}test-results/dashboard.png`, fullPage: true });
  }, 60_000);
});
