import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.ts';
import { launchBrowser } from '../support/browser.ts';
import { seedOrganization, seedUser, TEST_PASSWORD } from '../support/http.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

// The web app under its own Content-Security-Policy (script-src 'self', no 'unsafe-eval'): opening
// a page must not make the browser report any violation. zod v4 probes `new Function` to decide
// whether to compile its parsers, which the browser reports on every page even though zod catches
// the error; web/src/zod-jitless.ts turns the probe off before any schema is built. Each page is
// opened in Chromium with a `securitypolicyviolation` listener installed before the app's scripts
// run; a control shows the same listener catches a violation. SQLite only: the pages are the same.

const root = new URL('../../', import.meta.url).pathname;
let server: ServerProcess;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  const webDist = process.env.WEB_DIST;
  execFileSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
  dataDir = mkdtempSync(join(tmpdir(), 'duban-csp-'));
  const url = `sqlite:${join(dataDir, 'duban.db')}`;
  const database = await openDatabase({ url });
  try {
    const { organizationId } = await seedOrganization(database);
    await seedUser(database, organizationId, 'duban', ['supervisor']);
    await seedUser(database, organizationId, 'shenji', ['auditor']);
  } finally {
    await database.close();
  }
  server = await startServerProcess({
    DATABASE_URL: url,
    JOBS: 'off',
    ...(webDist ? { DUBAN_WEB_ROOT: join(root, 'web', webDist) } : {}),
  });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server?.child.exitCode === null) server.child.kill('SIGTERM');
  await server?.exited;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A page that records every CSP violation the browser reports, from before the first script. */
async function watchedPage(username?: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  if (username) {
    const response = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const [name = '', value = ''] = ((response.headers.get('set-cookie') ?? '').split(';')[0] ?? '').split(
      '=',
    );
    await context.addCookies([{ name, value, url: server.url }]);
  }
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return context.newPage();
}

async function violations(page: Page, path: string): Promise<string[]> {
  await page.goto(`${server.url}${path}`);
  await page.waitForLoadState('networkidle');
  // The app has rendered (the login form or the layout), so its schemas have been built.
  await page.locator('#root *').first().waitFor();
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

describe('Content-Security-Policy reports on page load', () => {
  it('no page reports a violation: the login page, pages of a supervisor and the audit page', async () => {
    const anonymous = await watchedPage();
    expect(await violations(anonymous, '/login')).toEqual([]);
    const supervisor = await watchedPage('duban');
    for (const path of ['/', '/board', '/dashboard', '/settings']) {
      expect({ path, reported: await violations(supervisor, path) }).toEqual({ path, reported: [] });
    }
    const auditor = await watchedPage('shenji');
    expect(await violations(auditor, '/audit')).toEqual([]);
    // The audit page itself rendered (not the no-access page).
    await auditor.getByText('导出 Excel').waitFor();
    // It lists the auditor's own login, with the address it came from.
    await auditor
      .getByRole('row', { name: /shenji.*127\.0\.0\.1.*登录.*成功/ })
      .first()
      .waitFor();
    await auditor.screenshot({
      path: join(root, 'test-results', 'screenshots', 'audit-page.png'),
      fullPage: true,
    });
  }, 120_000);

  it('would notice one: an inline script is reported by the same listener', async () => {
    const page = await watchedPage();
    await violations(page, '/login');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = 1';
      document.body.append(script);
    });
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0);
    const reported = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(reported.join('\n')).toMatch(/script-src/);
  }, 60_000);
});
