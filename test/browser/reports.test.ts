import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { setupFirstAdmin } from '../../src/domain/accounts/setup-first-admin.ts';
import { cliContext } from '../../src/domain/ensure-organization.ts';
import { importNotice } from '../../src/domain/import-notice.ts';
import { publishPlan } from '../../src/domain/publish-plan.ts';
import { generatePlanYear } from '../../src/seed/plan-year.ts';
import { launchBrowser } from '../support/browser.ts';
import { skipsPostgres, testPostgresUrl } from '../support/databases.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { yunxiText } from '../support/yunxi.ts';

// Issue 7's buttons in a real Chromium against a real `duban serve`: the Yunxi 2024 plan imported,
// published and filled by generatePlanYear up to 9 July, the 2025 notice imported as a draft, all
// through the domain before the server starts (server clock 10 July 2024). A supervisor then
// generates June's bulletin, edits a paragraph, issues it and downloads the stored .docx; exports
// the ledger from the board and feeds the same file to 导入任务分解 (no changes); opens 年终考核 and
// downloads both exports; opens 年度对比. Screenshots land in test-results/screenshots/reports/.

const root = new URL('../../', import.meta.url).pathname;
const shots = join(root, 'test-results', 'screenshots', 'reports');
const PASSWORD = 'reports-pass-2024';
const SUPERVISOR = 'duban';
const SERVER_CLOCK = '2024-07-10T02:00:00Z';
const EDIT = '（本段经督办室审核修改）';
// The build folder under web/ (WEB_DIST lets several builds live side by side; default web/dist).
const webDist = process.env.WEB_DIST ?? 'dist';
const nextYearText = readFileSync(
  new URL('../fixtures/notices/yunxi-2025-next-year.txt', import.meta.url),
  'utf8',
);

let server: ServerProcess | undefined;
let browser: Browser;
let dataDir: string;
let shotDir = shots;
const pageErrors: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  // `npm start` builds the pages when they are missing or stale; so does this test.
  execFileSync(process.execPath, ['scripts/build-web.mjs'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, WEB_DIST: webDist },
  });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

/** What the seed left for the walk to check against. */
interface Seeded {
  planId: number;
  planTitle: string;
  nextTitle: string;
  tasks: number;
}

/**
 * Seeds the database the server will open: the administrator, a supervisor, the Yunxi 2024 plan
 * published and filled through 9 July, and the 2025 notice imported (a draft, for 年度对比).
 */
async function seed(env: Record<string, string>): Promise<Seeded> {
  const database = await openDatabase({ url: env.DATABASE_URL!, schema: env.DATABASE_SCHEMA });
  try {
    const at = (iso: string) => () => new Date(iso);
    await setupFirstAdmin(
      { ...database, now: at('2024-02-20T01:00:00Z') },
      {
        username: 'admin',
        password: PASSWORD,
        displayName: '系统管理员',
        organization: '岳阳市云溪区教育体育局',
      },
    );
    const system = await cliContext(database, at('2024-02-23T02:00:00Z'));
    const { planId } = await importNotice(system, { text: yunxiText }, { createUnits: true });
    await publishPlan(system, { planId });
    await addUser(system, {
      username: SUPERVISOR,
      displayName: '督办室 周敏',
      password: PASSWORD,
      roles: ['supervisor'],
    });
    await generatePlanYear(database, { planId, through: '2024-07-09', seed: 9 });
    const next = await cliContext(database, at('2024-07-05T02:00:00Z'));
    const { planId: nextId } = await importNotice(next, { text: nextYearText }, { createUnits: true });
    const title = async (id: number) =>
      (await database.db.selectFrom('plans').select('title').where('id', '=', id).executeTakeFirstOrThrow())
        .title;
    const tasks = await database.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    return { planId, planTitle: await title(planId), nextTitle: await title(nextId), tasks: Number(tasks.n) };
  } finally {
    await database.close();
  }
}

/** Seeds a fresh database of the dialect and starts a server on it with the clock in July 2024. */
async function startOn(dialect: 'sqlite' | 'postgres'): Promise<Seeded> {
  dataDir = mkdtempSync(join(tmpdir(), 'duban-reports-'));
  // A PostgreSQL schema is dropped after the run by test/support/global-setup.ts, never here.
  const schema = `${process.env.DUBAN_TEST_RUN ?? 'tlocal'}_${randomBytes(5).toString('hex')}`;
  const env: Record<string, string> =
    dialect === 'sqlite'
      ? { DATABASE_URL: `sqlite:${join(dataDir, 'duban.db')}` }
      : { DATABASE_URL: testPostgresUrl, DATABASE_SCHEMA: schema };
  shotDir = join(shots, dialect);
  mkdirSync(shotDir, { recursive: true });
  rmSync(join(shotDir, 'failure.png'), { force: true });
  const seeded = await seed(env);
  server = await startServerProcess({
    ...env,
    DUBAN_CLOCK: SERVER_CLOCK,
    DUBAN_WEB_ROOT: join(root, 'web', webDist),
    // The daily reminders are not under test here; they would only compete for the database.
    JOBS: 'off',
  });
  return seeded;
}

async function stop(): Promise<void> {
  if (server?.child.exitCode === null) server.child.kill('SIGTERM');
  await server?.exited;
  server = undefined;
  if (!process.env.KEEP_BROWSER_DATA) rmSync(dataDir, { recursive: true, force: true });
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} ${message.location().url}`);
  });
  page.on('dialog', (dialog) => {
    pageErrors.push(`unexpected dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(shotDir, `${name}.png`) });
}

// antd puts a space between the two characters of a two-character button label.
const button = (page: Page, name: string) =>
  page.getByRole('button', { name: new RegExp(name.split('').join('\\s*')) });

/** Clicks what starts a download and returns the file's suggested name and bytes. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, undefined];
  const path = join(dataDir, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** The bytes start with a zip header (both .docx and .xlsx are zip packages). */
function expectZip(bytes: Buffer): void {
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
}

async function readBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return book;
}

describe('issue 7 in Chromium: bulletin, ledger, evaluation and comparison buttons', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it.skipIf(dialect === 'postgres' && skipsPostgres())(
      `on ${dialect}: 生成通报 → edit → 签发 → download; 导出台账 → 导入任务分解; 年终考核 exports; 年度对比`,
      async () => {
        const started = performance.now();
        const seeded = await startOn(dialect);
        console.info(
          `[reports] ${dialect}: seeded and started in ${Math.round(performance.now() - started)} ms`,
        );
        pageErrors.length = 0;
        consoleErrors.length = 0;
        const page = await newPage();
        try {
          await walk(page, seeded);
        } catch (error) {
          // What the page showed when a step failed, for the person reading the failure.
          await page.screenshot({ path: join(shotDir, 'failure.png') }).catch(() => undefined);
          throw error;
        } finally {
          await page.context().close();
          await stop();
        }
        console.info(`[reports] ${dialect}: walked in ${Math.round(performance.now() - started)} ms`);
        expect(pageErrors).toEqual([]);
        expect(consoleErrors).toEqual([]);
      },
      300_000,
    );
  }
});

async function walk(page: Page, seeded: Seeded): Promise<void> {
  const url = server!.url;
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(SUPERVISOR);
  await page.getByLabel('密码').fill(PASSWORD);
  await button(page, '登录').click();
  await page.getByTestId('user-menu').waitFor();
  // Home → /plans → the one published plan's board once the plans load; let it arrive before using
  // the menu, or that redirect lands after the menu's navigation.
  await page.waitForURL(new RegExp(`/plans/${seeded.planId}$`));
  await page.waitForLoadState('networkidle');
  // Before login the page asks who is signed in; the browser logs that 401 of GET /api/me as a
  // console error, the only one allowed.
  expect(
    consoleErrors.every((e) => /status of 401 .*\/api\/me$/.test(e)),
    consoleErrors.join('\n'),
  ).toBe(true);
  consoleErrors.length = 0;

  // 工作通报 → 生成通报 for June → edit the introduction → save → 签发 → download the issued file.
  await page.getByRole('menuitem', { name: '工作通报' }).click();
  await page.waitForURL(/\/bulletins/);
  await page.getByText('还没有工作通报').waitFor();
  await shot(page, '01-bulletins-empty');
  await button(page, '生成通报').click();
  const modal = page.locator('.ant-modal').filter({ hasText: '生成工作通报' });
  // The label's click lands on the shown month; open the list from the selector itself.
  await modal.locator('.ant-form-item').filter({ hasText: '月份' }).locator('.ant-select-selector').click();
  await page
    .locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="2024年6月"]',
    )
    .click();
  await expect.poll(() => modal.locator('.ant-select-selection-item[title="2024年6月"]').count()).toBe(1);
  await shot(page, '02-bulletin-generate');
  await modal.getByRole('button', { name: '生成草稿' }).click();
  await page.waitForURL(/\/bulletins\/\d+$/);
  const bulletinId = Number(/\/bulletins\/(\d+)$/.exec(page.url())![1]);
  const intro = page.getByLabel('导语');
  await intro.waitFor();
  const introText = await intro.inputValue();
  expect(introText).not.toBe('');
  await intro.fill(`${introText}${EDIT}`);
  await shot(page, '03-bulletin-edit');
  await button(page, '保存').click();
  await page.getByText('已保存').first().waitFor();
  await button(page, '签发').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /签\s*发/ })
    .click();
  const issuedLink = page.getByRole('link', { name: /下载签发文件/ });
  await issuedLink.waitFor();
  await page.getByText('本通报已签发').waitFor();
  await shot(page, '04-bulletin-issued');
  const issued = await download(page, () => issuedLink.click());
  expect(issued.name).toBe('2024年6月工作通报.docx');
  expectZip(issued.bytes);
  const stored = await page.context().request.get(`${url}/api/bulletins/${bulletinId}/docx`);
  expect(stored.status()).toBe(200);
  expect(Buffer.compare(Buffer.from(await stored.body()), issued.bytes)).toBe(0);
  const xml = strFromU8(unzipSync(new Uint8Array(issued.bytes))['word/document.xml']!);
  expect(xml).toContain('2024年6月工作要点落实情况通报');
  expect(xml).toContain(EDIT);

  // Board → 导出台账: the .xlsx with 总台账, one row per task; then the same file to 导入任务分解.
  await page.goto(`${url}/plans/${seeded.planId}`);
  const exportLink = page.getByRole('link', { name: /导出台账/ });
  await exportLink.waitFor();
  await shot(page, '05-board');
  const ledger = await download(page, () => exportLink.click());
  expect(ledger.name).toMatch(/\.xlsx$/);
  expectZip(ledger.bytes);
  const total = (await readBook(ledger.bytes)).getWorksheet('总台账');
  expect(total).toBeDefined();
  expect(total!.getRow(1).getCell(2).text).toBe('任务编号');
  expect(total!.actualRowCount).toBe(seeded.tasks + 1);
  await button(page, '导入任务分解').click();
  const importer = page.locator('.ant-modal').filter({ hasText: '导入任务分解' });
  await importer.locator('input[type=file]').setInputFiles(join(dataDir, ledger.name));
  await importer.getByText('文件与工作要点一致，没有需要导入的变更。').waitFor();
  await shot(page, '06-ledger-import-no-changes');
  await importer.locator('.ant-modal-close').click();
  await importer.waitFor({ state: 'hidden' });

  // 年终考核: the ranking, then 导出 Excel and 导出 Word.
  await page.getByRole('menuitem', { name: '年终考核' }).click();
  await page.waitForURL(/\/evaluation/);
  await page.getByText('股室排名').waitFor();
  const rankedRows = page.locator('.ant-table-row');
  await rankedRows.first().waitFor();
  expect(await rankedRows.count()).toBeGreaterThan(5);
  await page.getByText('股室排名').scrollIntoViewIfNeeded();
  await shot(page, '07-evaluation');
  const excel = await download(page, () => page.getByRole('link', { name: /导出 Excel/ }).click());
  expect(excel.name).toBe('2024年度年终考核结果.xlsx');
  expectZip(excel.bytes);
  const ranking = (await readBook(excel.bytes)).getWorksheet('考核排名');
  expect(ranking).toBeDefined();
  expect(ranking!.actualRowCount).toBeGreaterThan(5);
  const word = await download(page, () => page.getByRole('link', { name: /导出 Word/ }).click());
  expect(word.name).toBe('2024年度年终考核结果.docx');
  expectZip(word.bytes);
  expect(strFromU8(unzipSync(new Uint8Array(word.bytes))['word/document.xml']!)).toContain(
    '2024年度工作要点落实情况年终考核结果',
  );

  // 年度对比: the draft 2025 plan against the 2024 plan.
  await page.getByRole('menuitem', { name: '年度对比' }).click();
  await page.waitForURL(/\/compare/);
  await page.getByText(`${seeded.nextTitle} 对比 ${seeded.planTitle}`).waitFor();
  await page.getByRole('tab', { name: /新增/ }).first().waitFor();
  await shot(page, '08-compare');
}
