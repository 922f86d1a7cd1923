import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { yunxiText } from '../support/yunxi.ts';

// Stored cross-site scripting, end to end: every text a user can store through the API (plan,
// item and task titles via an imported notice, unit, leader and user names, report narratives,
// review comments, extension reasons, 督办单 texts and replies, findings, rectification notes,
// reminder messages, calendar day names, token names, evidence file names) holds a payload that
// would set window.__xss; then each page of the web app is opened in Chromium as the people who
// see those texts. Nothing may run: no marker, no dialog, no injected element in the page and no
// Content-Security-Policy report (CSP would block an injected handler, so a report means an
// injection got through React's escaping). Runs on SQLite only (~60 s); the pages are the same on
// PostgreSQL, and the API suites cover both databases.

const PASSWORD = 'xss-pass-2024';
// Published in February; the server restarts in May, when unreported work is red and may be urged.
const PUBLISH_CLOCK = '2024-02-26T02:00:00Z';
const LATER_CLOCK = '2024-05-20T02:00:00Z';
const root = new URL('../../', import.meta.url).pathname;

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1"></svg>',
  '"><script>window.__xss=1</script>',
  "javascript:window.__xss=1//'",
  '<a href="javascript:window.__xss=1">点我</a>',
  '<iframe srcdoc="<script>parent.__xss=1</script>">',
];
/** The payloads joined, cut to a field's length limit. */
const xss = (max = 5000, prefix = '') => `${prefix}${PAYLOADS.join(' ')}`.slice(0, max);
// Selectors that would match an injected element (none of the app's own markup looks like this).
const INJECTED =
  'img[src="x"], [onerror], [onload], iframe[srcdoc], a[href^="javascript:"], svg script, script:not([src])';

let server: ServerProcess;
let browser: Browser;
let dataDir: string;
let serverEnv: Record<string, string> = {};

/** A logged-in API client of the running server: cookie and CSRF token. */
async function session(username: string) {
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const call = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    status?: number,
  ) => {
    const form = body instanceof FormData;
    const answer = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined || form ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: form ? body : JSON.stringify(body) }),
    });
    const text = await answer.text();
    if (status !== undefined ? answer.status !== status : answer.status >= 400)
      throw new Error(`${method} ${path} as ${username}: ${answer.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  };
  return { cookie, call };
}

beforeAll(async () => {
  const webDist = process.env.WEB_DIST;
  execFileSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
  dataDir = mkdtempSync(join(tmpdir(), 'duban-xss-'));
  serverEnv = {
    DATABASE_URL: `sqlite:${join(dataDir, 'duban.db')}`,
    JOBS: 'off',
    ...(webDist ? { DUBAN_WEB_ROOT: join(root, 'web', webDist) } : {}),
  };
  server = await startServerProcess({ ...serverEnv, DUBAN_CLOCK: PUBLISH_CLOCK });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server?.child.exitCode === null) server.child.kill('SIGTERM');
  await server?.exited;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface Seeded {
  planId: number;
  draftId: number;
  itemIds: number[];
}

/** Fills every reachable text field with payloads, through the API, as the people who own them. */
async function seed(): Promise<Seeded> {
  const setup = await fetch(`${server.url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      token: server.setupToken,
      username: 'admin',
      password: PASSWORD,
      displayName: xss(64),
      organization: xss(100, '郧西县教育局'),
    }),
  });
  expect(setup.status, await setup.text()).toBeLessThan(300);
  const admin = await session('admin');
  await admin.call('POST', '/api/users', {
    username: 'duban',
    password: PASSWORD,
    roles: ['supervisor'],
    displayName: xss(64),
  });
  const supervisor = await session('duban');
  // The notice itself carries payloads into the plan title, an item title and its body.
  const notice = yunxiText
    .replace(
      '关于印发《云溪区2024年教育体育工作要点》 的通知',
      `关于印发《云溪区2024年教育体育工作要点》 的通知${PAYLOADS[0]}`,
    )
    .replace(
      '1. 深入学习贯彻党的二十大精神。',
      `1. 深入学习贯彻党的二十大精神${PAYLOADS[1]}。${PAYLOADS[2]}`,
    );
  const { id: planId } = await supervisor.call<{ id: number }>('POST', '/api/plans', {
    text: notice,
    createUnits: true,
  });
  await supervisor.call('POST', `/api/plans/${planId}/publish`, {});
  const { id: draftId } = await supervisor.call<{ id: number }>('POST', '/api/plans', {
    text: notice,
    createUnits: true,
  });

  await admin.call('POST', '/api/units', { name: xss(100, '综合股'), kind: 'department' });
  await admin.call('POST', '/api/leaders', { name: xss(64), title: xss(64) });
  await admin.call('POST', '/api/users', {
    username: 'bgs',
    password: PASSWORD,
    roles: ['department'],
    unit: '办公室',
    displayName: xss(64),
  });
  await admin.call('POST', '/api/users', {
    username: 'chenll',
    password: PASSWORD,
    roles: ['leader'],
    leader: '陈玲玲',
    displayName: xss(64),
  });
  await admin.call('PUT', '/api/calendar/days/2024-06-10', { kind: 'holiday', name: '"><svg/onload=x()>' });

  type Tree = {
    sections: Array<{
      items: Array<{
        id: number;
        no: number;
        tasks: Array<{ id: number; lead: { id: number; name: string } | null }>;
      }>;
    }>;
  };
  const tree = await supervisor.call<Tree>('GET', `/api/plans/${planId}`);
  const items = tree.sections.flatMap((s) => s.items);
  const officeTasks = items.flatMap((i) => i.tasks).filter((t) => t.lead?.name === '办公室');
  const [first, second] = officeTasks;
  if (!first || !second) throw new Error('办公室 has too few tasks in the Yunxi plan');
  const officeUnit = first.lead?.id ?? 0;

  const clerk = await session('bgs');
  await clerk.call('POST', '/api/tokens', { name: xss(100) });
  await clerk.call('POST', `/api/tasks/${first.id}/acknowledge`);
  const form = new FormData();
  for (const [name, value] of Object.entries({
    period: '2024-02',
    status: 'at_risk',
    percent: '30',
    narrative: xss(),
  }))
    form.append(name, value);
  form.append('files', new Blob([xss()], { type: 'text/plain' }), '<img src=x onerror=window.__xss=1>.txt');
  form.append(
    'files',
    new Blob(['GIF89a<script>window.__xss=1</script>']),
    '<svg onload=window.__xss=1>.gif',
  );
  const { id: reportId } = await clerk.call<{ id: number }>('POST', `/api/tasks/${first.id}/reports`, form);
  await clerk.call('POST', `/api/tasks/${second.id}/extensions`, { newDueOn: '2025-01-20', reason: xss() });

  const leader = await session('chenll');
  await leader.call('POST', `/api/reports/${reportId}/review`, { decision: 'return', comment: xss() });

  const { id: noticeId } = await supervisor.call<{ id: number }>('POST', '/api/supervision-notices', {
    taskId: first.id,
    problem: xss(),
    requirement: xss(),
    replyDueOn: '2024-03-15',
  });
  await clerk.call('POST', `/api/supervision-notices/${noticeId}/reply`, { reply: xss(), version: 1 });
  const { id: findingId } = await supervisor.call<{ id: number }>('POST', '/api/findings', {
    title: xss(200),
    detail: xss(),
    severity: 'high',
    dueOn: '2024-04-30',
    source: xss(50),
    unitId: officeUnit,
  });
  const rectify = new FormData();
  rectify.append('note', xss());
  await clerk.call('POST', `/api/findings/${findingId}/rectify`, rectify);
  // Months later, unreported work is red, and red work may be urged (催办) with a message.
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
  server = await startServerProcess({ ...serverEnv, DUBAN_CLOCK: LATER_CLOCK });
  const later = await session('duban');
  const { tasks } = await later.call<{ tasks: Array<{ id: number; light: string }> }>('GET', '/api/tasks');
  // Only 办公室 has a clerk to tell.
  const office = new Set(officeTasks.map((t) => t.id));
  const lagging = tasks
    .filter((t) => office.has(t.id) && (t.light === 'red' || t.light === 'yellow'))
    .slice(0, 3);
  expect(lagging.length).toBeGreaterThan(0);
  for (const task of lagging) await later.call('POST', `/api/tasks/${task.id}/urge`, { message: xss(500) });
  return { planId, draftId, itemIds: items.slice(0, 2).map((i) => i.id) };
}

async function contextAs(username: string): Promise<BrowserContext> {
  const { cookie } = await session(username);
  const [name = '', value = ''] = cookie.split('=');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await context.addCookies([{ name, value, url: server.url }]);
  return context;
}

/** Opens each page as the user, recording anything that ran or got injected. */
async function visit(
  username: string,
  paths: string[],
  tamper?: (page: Page) => Promise<void>,
): Promise<string[]> {
  const problems: string[] = [];
  const context = await contextAs(username);
  const page = await context.newPage();
  const where = () => `${username} ${page.url().replace(server.url, '')}`;
  page.on('dialog', (dialog) => {
    problems.push(`${where()}: a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
      problems.push(`${where()}: CSP report: ${message.text()}`);
  });
  for (const path of paths) {
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState('networkidle');
    // Open what is folded away (table rows, panels), where more stored text shows.
    for (const toggle of (await page.locator('.ant-table-row-expand-icon, .ant-collapse-header').all()).slice(
      0,
      4,
    )) {
      await toggle.click({ timeout: 500 }).catch(() => undefined);
    }
    await tamper?.(page);
    await page.waitForTimeout(100);
    const marker = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
    if (marker !== undefined) problems.push(`${where()}: window.__xss was set`);
    const injected = await page.locator(INJECTED).count();
    if (injected > 0) problems.push(`${where()}: ${injected} injected element(s)`);
    // Count the pages that show a payload (as text): the walk must look where the payloads are.
    if ((await page.content()).includes('__xss')) shown.push(`${username} ${path}`);
  }
  await context.close();
  return problems;
}
const shown: string[] = [];

describe('stored cross-site scripting [sqlite]', () => {
  it('runs no stored payload on any page of the web app', async () => {
    const { planId, draftId, itemIds } = await seed();
    const plan = `/plans/${planId}`;
    const items = itemIds.map((id) => `${plan}/items/${id}`);
    // Every page of the web app at least once, each as someone who sees stored payloads on it.
    const problems = [
      ...(await visit('duban', [
        '/plans',
        plan,
        ...items,
        `${plan}/dashboard`,
        '/dashboard',
        '/import',
        `/import/${draftId}`,
        '/review',
        '/supervision',
        '/supervision/notices',
        '/findings',
        '/reminders',
        '/notifications',
        '/bulletins',
        '/compare',
        '/evaluation',
      ])),
      ...(await visit('bgs', ['/workbench', items[0] ?? plan, '/notifications', '/tokens'])),
      ...(await visit('chenll', ['/review', '/workbench'])),
      ...(await visit('admin', [
        '/directory',
        '/users',
        '/settings',
        '/settings/notifications',
        '/calendar',
        '/jobs',
      ])),
    ];
    expect(problems).toEqual([]);
    // Most pages showed stored payloads as text, so the walk did look at them.
    expect(shown.length, shown.join('\n')).toBeGreaterThanOrEqual(15);
  }, 240_000);

  it('would notice an injection: the same checks catch markup that got into a page', async () => {
    const problems = await visit('bgs', ['/workbench'], async (page) => {
      await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), PAYLOADS[0] ?? '');
    });
    expect(problems.some((p) => p.includes('injected element'))).toBe(true);
    // The page's policy blocked the inline handler and said so.
    expect(problems.some((p) => p.includes('CSP report'))).toBe(true);
  }, 60_000);
});
