import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { BrowserWalk, button, pickMonth } from '../support/browser-walk.ts';
import { skipsPostgres } from '../support/databases.ts';
import { yunxiPath } from '../support/yunxi.ts';

// Issue 5's journey in a real Chromium against a real server on a fresh SQLite database: set up
// the administrator → import the Yunxi notice from the .txt file → map the names → publish → the
// 办公室 clerk files a report with a file → the leader returns it → the clerk re-files → the leader
// accepts → the board and the dashboard follow. A screenshot of every page lands in
// test-results/screenshots/ (1366×768), for a person to look at.

const PASSWORD = 'journey-pass-2024';
// The plan is published on 2024-02-26; the server then restarts on 2024-05-03, when April's
// reports (due on the 25th, a week's grace) are overdue until they are handed in.
const PUBLISH_CLOCK = '2024-02-26T02:00:00Z';
const REPORT_CLOCK = '2024-05-03T02:00:00Z';
const XSS = '<img src=x onerror="window.__xss=1">';
const root = new URL('../../', import.meta.url).pathname;

let browser: Browser;
let w: BrowserWalk;

beforeAll(async () => {
  // `npm start` builds the pages when they are missing or stale; so does this test.
  execFileSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

// The walk's steps use these names; they act on the current walk.
const shot = (page: Page, name: string) => w.shot(page, name);
const login = (page: Page, username: string) => w.login(page, username);
const logout = (page: Page) => w.logout(page);
const restartAt = (clock: string) => w.restartAt(clock);

/** Item 1's row on the board: its light and its reason. */
async function itemOne(page: Page, planId: number): Promise<string> {
  await page.goto(`${w.url}/plans/${planId}`);
  const row = page.getByTestId('board-item').first();
  await row.waitFor();
  return `${await row.getAttribute('data-light')}：${await row.textContent()}`;
}

describe('the web app in Chromium', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it.skipIf(dialect === 'postgres' && skipsPostgres())(
      `walks issues 5 and 6 on ${dialect}: setup → import → names → publish → report → return → re-file → accept → board and dashboard → 督办单 issued, replied, accepted`,
      async () => {
        w = new BrowserWalk(browser, { name: 'journey', password: PASSWORD });
        await w.run(dialect, PUBLISH_CLOCK, walk);
      },
      240_000,
    );
  }
});

async function walk(page: Page): Promise<void> {
  // First run: the login page offers the setup, which takes the token printed in the log.
  await page.goto(`${w.url}/`);
  await page.waitForURL(/\/login/);
  await shot(page, '01-login');
  await page.getByText('创建第一个管理员').click();
  await page.getByLabel('一次性令牌').fill(w.server.setupToken ?? '');
  await page.getByLabel('本单位名称').fill('岳阳市云溪区教育体育局');
  await page.getByLabel('管理员用户名').fill('admin');
  await page.getByLabel('姓名').fill('李督办');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('再次输入密码').fill(PASSWORD);
  await shot(page, '02-setup');
  await button(page, '创建管理员并登录').click();
  await page.getByTestId('user-menu').waitFor();
  await page.getByText('还没有工作要点').waitFor();
  await shot(page, '03-plans-empty');

  // Import the notice file; check the parse; create every unknown unit; create the draft.
  await page.getByRole('menuitem', { name: '导入通知' }).click();
  await page.locator('input[type=file]').setInputFiles(yunxiPath.pathname);
  await page.getByText('共识别 5 个部分、23 条要点').waitFor();
  await shot(page, '04-import-check');
  await button(page, '下一步').click();
  await page.getByRole('button', { name: /全部新建为股室/ }).click();
  await shot(page, '05-import-names');
  await button(page, '下一步').click();
  await button(page, '生成草稿').click();
  await page.getByText('草稿已生成').waitFor();
  await shot(page, '06-import-created');
  await button(page, '审核草稿').click();
  await page.waitForURL(/\/import\/\d+/);
  const planId = Number(new URL(page.url()).pathname.split('/').pop());
  await page.getByText('深入学习贯彻党的二十大精神').first().waitFor();
  await shot(page, '07-draft-review');
  await button(page, '发布').click();
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /发\s*布|确\s*定/ })
    .click();
  await page.waitForURL(new RegExp(`/plans/${planId}$`));
  await expect.poll(() => page.getByTestId('board-item').count()).toBe(23);
  await shot(page, '08-board-published');

  // Accounts for the 办公室 clerk and the leader 陈玲玲.
  await w.addUsers(page, [
    ['bgs', '王晓', '股室', '所属单位', '办公室'],
    ['chenll', '陈玲玲', '局领导', '对应局领导', '陈玲玲'],
  ]);
  await shot(page, '09-users');
  await logout(page);

  // Two months later: April's reports are due.
  await restartAt(REPORT_CLOCK);
  await login(page, 'admin');
  const before = await itemOne(page, planId);
  // Late reports are told per unit: 办公室 owes March and April.
  expect(before).toContain('办公室：3–4月报告未交');
  await page.goto(`${w.url}/dashboard`);
  await page.locator('canvas').first().waitFor();
  const dashboardBefore = await page.locator('main, .app-content').first().textContent();
  await logout(page);

  // The clerk files April's report (the form starts on the current period) with a file; the narrative is hostile HTML.
  await login(page, 'bgs');
  await page.waitForURL(/\/workbench/);
  await shot(page, '10-workbench');
  await page.getByRole('tab', { name: /本期待填报/ }).click();
  const row = page
    .locator('.ant-tabs-tabpane-active .ant-list-item, .ant-tabs-tabpane-active tr')
    .filter({ hasText: '深入学习贯彻党的二十大精神' })
    .first();
  await row.getByRole('button', { name: /填\s*报/ }).click();
  const drawer = page.locator('.ant-drawer-content');
  await pickMonth(page, drawer.getByLabel('填报期次'), '4月', '2024-04');
  await drawer.getByLabel('自报进度').last().fill('40');
  await drawer.getByLabel('进展说明').fill(`4月12日召开党委理论中心组学习。${XSS}`);
  await drawer.locator('input[type=file]').setInputFiles({
    name: '会议纪要.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('4月12日党委理论中心组学习纪要'),
  });
  await drawer.getByText('会议纪要.txt').waitFor();
  await shot(page, '11-report-form');
  await drawer.getByRole('button', { name: /提交填报/ }).click();
  await page.getByText('填报已提交，等待审核').waitFor();
  await logout(page);

  // The leader returns it with a reason; the hostile narrative shows as characters.
  await login(page, 'chenll');
  await page.goto(`${w.url}/review`);
  const pending = page.locator('tr').filter({ hasText: '办公室' }).first();
  await pending.waitFor();
  await pending.locator('.ant-table-row-expand-icon').click();
  await page.getByText(XSS, { exact: false }).first().waitFor();
  await shot(page, '12-review');
  await pending.getByRole('button', { name: /退\s*回/ }).click();
  await page.getByRole('dialog').locator('textarea').fill('请补充会议签到表');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|提\s*交|退\s*回/ })
    .last()
    .click();
  await page.getByText('已退回').first().waitFor();
  await logout(page);

  // The clerk sees the reason and files again.
  await login(page, 'bgs');
  await page.getByRole('tab', { name: /被退回/ }).click();
  await page.getByText('请补充会议签到表').waitFor();
  await shot(page, '13-returned');
  await page
    .getByRole('button', { name: /重新填报/ })
    .first()
    .click();
  await page.locator('.ant-drawer-content').getByLabel('进展说明').fill('已补充会议签到表。');
  await page
    .locator('.ant-drawer-content')
    .getByRole('button', { name: /提交填报/ })
    .click();
  await page.getByText('填报已提交，等待审核').waitFor();
  await logout(page);

  // The leader accepts.
  await login(page, 'chenll');
  await page.goto(`${w.url}/review`);
  await page
    .locator('tr')
    .filter({ hasText: '办公室' })
    .first()
    .getByRole('button', { name: /通\s*过/ })
    .click();
  await page.getByText('已通过').first().waitFor();
  await page.getByText('暂无待审核的填报').waitFor();
  await shot(page, '14-review-empty');
  await logout(page);

  // The supervisor's board and dashboard have moved.
  await login(page, 'admin');
  const after = await itemOne(page, planId);
  await shot(page, '15-board-after');
  expect(after).not.toContain('办公室：3–4月报告未交');
  expect(after).toContain('办公室：3月报告逾期');
  expect(after).not.toBe(before);
  await page.getByTestId('board-item').first().click();
  await page.getByText('请补充会议签到表').waitFor();
  await shot(page, '16-item');
  await page.goto(`${w.url}/dashboard`);
  await page.locator('canvas').first().waitFor();
  await shot(page, '17-dashboard');
  const dashboardAfter = await page.locator('main, .app-content').first().textContent();
  expect(dashboardAfter).not.toBe(dashboardBefore);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  // Issue 6: the supervisor issues a 督办单 on a red item; 办公室 replies; the supervisor accepts it.
  await page.goto(`${w.url}/supervision`);
  await page
    .locator('tr')
    .filter({ hasText: '深入学习贯彻党的二十大精神' })
    .first()
    .getByRole('button', { name: /发督办单/ })
    .click();
  const issue = page.getByRole('dialog');
  await issue.getByLabel('督办要求').fill('请于回复期限前补报3月进展，并说明滞后原因。');
  await shot(page, '18-issue-notice');
  await issue.getByRole('button', { name: /签\s*发/ }).click();
  await page.getByText('已签发 督办〔2024〕1号').waitFor();
  await shot(page, '19-supervision-center');
  await logout(page);

  await login(page, 'bgs');
  await page.goto(`${w.url}/supervision/notices`);
  const openNotice = () =>
    page.locator('tr').filter({ hasText: '督办〔2024〕1号' }).getByText('查看').click();
  await openNotice();
  const notice = page.locator('.ant-drawer-content');
  await notice.getByLabel('回复办理情况').fill('已补报3月进展，滞后原因是人员调整。');
  await notice.getByRole('button', { name: /提交回复/ }).click();
  await page.getByText('已提交回复，等待督办人员认可。').waitFor();
  await shot(page, '20-notice-replied');
  await logout(page);

  await login(page, 'admin');
  await page.goto(`${w.url}/supervision/notices`);
  await openNotice();
  await notice.getByRole('button', { name: /认可办结/ }).click();
  await page
    .locator('.ant-popover:not(.ant-popover-hidden), .ant-modal-confirm')
    .getByRole('button', { name: /确\s*定|认可/ })
    .last()
    .click();
  await page.getByText('督办单已办结。').waitFor();
  await shot(page, '21-notice-closed');
}
