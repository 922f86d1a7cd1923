import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEMO_CLOCK, DEMO_PASSWORD, seedDemoYear } from '../scripts/demo-data.ts';
import { openDatabase } from '../src/db/connect.ts';
import { startServer } from '../src/http/serve.ts';
import { launchBrowser } from '../test/support/browser.ts';
import type { Benchmark, BenchRow } from './benchmark.ts';

const root = join(import.meta.dirname, '..');
const DIST = 'dist-bench';
const INITIAL_JS_GOAL_KB = 350;
const BOARD_GOAL_MS = 1000;
const RUNS = 7;

/** The scripts index.html loads at once (its module entry and the chunks it preloads). */
function initialScripts(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const sources = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1] ?? '');
  return [...new Set(sources)].filter(Boolean);
}

function gzipKb(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length / 1024;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Bundle size of the first page, and the Yunxi board's time to visible and interactive in Chromium. */
export const webBenchmark: Benchmark = {
  name: 'web',
  async run(): Promise<BenchRow[]> {
    const distDir = join(root, 'web', DIST);
    execFileSync(process.execPath, ['scripts/build-web.mjs', '--force'], {
      cwd: root,
      env: { ...process.env, WEB_DIST: DIST },
      stdio: 'ignore',
    });
    const scripts = initialScripts(distDir);
    const initialKb = scripts.reduce((sum, src) => sum + gzipKb(join(distDir, src)), 0);
    const rows: BenchRow[] = [
      {
        measure: `initial JavaScript, gzipped (${scripts.length} files)`,
        value: `${initialKb.toFixed(1)} KB`,
        goal: `≤ ${INITIAL_JS_GOAL_KB} KB`,
        met: initialKb <= INITIAL_JS_GOAL_KB,
        raw: { initialKb },
      },
    ];

    // A SQLite file seeded with the demo's lived year, then served by a real server (as `npm run demo` does).
    const dataDir = mkdtempSync(join(tmpdir(), 'duban-web-bench-'));
    const databaseUrl = `sqlite:${join(dataDir, 'web.db')}`;
    const seeded = await openDatabase({ url: databaseUrl });
    const { planId } = await seedDemoYear(seeded);
    await seeded.close();
    const server = await startServer({
      databaseUrl,
      port: 0,
      logLevel: 'silent',
      webRoot: distDir,
      clockStart: new Date(DEMO_CLOCK),
    });
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const login = await context.request.post(`${server.url}/api/session`, {
        data: { username: 'admin', password: DEMO_PASSWORD },
      });
      if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
      const visible: number[] = [];
      const interactive: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const page = await context.newPage();
        const start = Date.now();
        await page.goto(`${server.url}/plans/${planId}`, { waitUntil: 'commit' });
        // Visible: the board's last item (23) is on the page.
        await page.getByTestId('board-item').nth(22).waitFor({ state: 'attached' });
        visible.push(Date.now() - start);
        // Interactive: a search typed into the board filters it.
        await page.getByTestId('board-search').fill('食堂');
        await page.waitForFunction(
          () => document.querySelectorAll('[data-testid="board-item"]').length < 23,
          undefined,
          { timeout: 10_000 },
        );
        interactive.push(Date.now() - start);
        await page.close();
      }
      const first = interactive[0] ?? 0;
      const warm = median(interactive.slice(1));
      rows.push(
        {
          measure: 'Yunxi board visible (23 items), median of warm loads',
          value: `${median(visible.slice(1))} ms`,
          raw: { visibleFirstMs: visible[0] ?? 0, visibleMedianMs: median(visible.slice(1)) },
        },
        {
          measure: 'Yunxi board interactive (search filters), first load / median warm',
          value: `${first} / ${warm} ms`,
          goal: `≤ ${BOARD_GOAL_MS} ms`,
          met: first <= BOARD_GOAL_MS && warm <= BOARD_GOAL_MS,
          raw: { interactiveFirstMs: first, interactiveMedianMs: warm },
        },
      );
    } finally {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(distDir, { recursive: true, force: true });
    }
    return rows;
  },
};
