import { execFileSync } from 'node:child_process';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { BrowserWalk, button, typeDay } from '../support/browser-walk.ts';
import { skipsPostgres } from '../support/databases.ts';
import { yunxiPath } from '../support/yunxi.ts';

// 一年的工作 (issue 13): the year lived through the pages, the clock moved only by restarting the
// server with DUBAN_CLOCK. The Yunxi notice is imported and published on 1 April; from April to June
// 办公室 files each month with the completions of item 1 (the monthly study, and 集中学法 once);
// the leader returns one filing, 办公室 gets the message, sees the reason and files again, and it is
// accepted; 行政审批股 (co-owner of item 1) files its reports; 人事股 files nothing. On 15 June item 1
// is green and says how many of the owed months are done, item 2 is red with a summarised reason,
// the evaluation ranks 办公室 above 人事股, June's bulletin counts what the board counts, and the
// same notice cannot be published twice. Screenshots at 1366×768 and 390×844 land in
// test-results/screenshots/year/<dialect>/.

const PASSWORD = 'year-pass-2024';
const root = new URL('../../', import.meta.url).pathname;
const clock = (day: string) => `${day}T02:00:00Z`;

let browser: Browser;
let w: BrowserWalk;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('一年的工作', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it.skipIf(dialect === 'postgres' && skipsPostgres())(
      `lives April to June on ${dialect}: completions move item 1's light, every number agrees`,
      async () => {
        w = new BrowserWalk(browser, { name: 'year', password: PASSWORD });
        await w.run(dialect, clock('2024-04-01'), liveTheYear);
      },
      600_000,
    );
  }
});

const drawer = (page: Page) => page.locator('.ant-drawer-content');

/** Opens the report drawer for item 1 (or another item) from the clerk's 本期待填报 tab. */
async function openReport(page: Page, itemTitle: string): Promise<Locator> {
  await page.goto(`${w.url}/workbench?tab=due`);
  await page.getByRole('tab', { name: /本期待填报/ }).click();
  const row = page.locator('.ant-tabs-tabpane-active .ant-list-item').filter({ hasText: itemTitle }).first();
  await row.getByRole('button', { name: /填\s*报/ }).click();
  const form = drawer(page);
  await form.getByTestId('completions').waitFor();
  return form;
}

/** Adds one completion of an indicator in the open drawer: day, note and files. */
async function addCompletion(
  page: Page,
  form: Locator,
  indicator: string,
  day: string,
  note: string,
  files: Array<{ name: string; text: string }> = [],
): Promise<void> {
  await form.getByRole('button', { name: new RegExp(`登记一次完成：.*${indicator}`) }).click();
  const row = form.getByTestId('completion-row').last();
  await typeDay(page, row.getByLabel(/完成日期/), day);
  await row.getByLabel(/简要说明/).fill(note);
  for (const file of files) {
    await row.locator('input[type=file]').setInputFiles({
      name: file.name,
      mimeType: 'text/plain',
      buffer: Buffer.from(file.text),
    });
    await row.getByText(file.name).waitFor();
  }
}

/** Fills the report's own fields and sends it. */
async function sendReport(page: Page, form: Locator, percent: string, narrative: string): Promise<void> {
  await form.getByLabel('自报进度').last().fill(percent);
  await form.getByLabel('进展说明').fill(narrative);
  await form.getByRole('button', { name: /提交填报/ }).click();
  await page.getByText('填报已提交，等待审核').waitFor();
}

/** A unit files a report with no completions on an item. */
async function plainReport(page: Page, user: string, itemTitle: string, narrative: string): Promise<void> {
  await w.login(page, user);
  const form = await openReport(page, itemTitle);
  await sendReport(page, form, '30', narrative);
  await w.logout(page);
}

/** The leader accepts every report waiting for review. */
async function acceptAll(page: Page): Promise<void> {
  await w.login(page, 'chenll');
  await page.goto(`${w.url}/review`);
  const first = page.locator('tr.ant-table-row').first();
  await first.waitFor();
  await page.locator('thead .ant-checkbox-input').check();
  await button(page, '批量通过').click();
  await page
    .locator('.ant-popconfirm, .ant-popover')
    .getByRole('button', { name: /确\s*定|通\s*过/ })
    .last()
    .click();
  await page.getByText('暂无待审核的填报').waitFor();
  await w.logout(page);
}

async function liveTheYear(page: Page): Promise<void> {
  // 1 April: the first administrator, the notice imported with one alias merged, published.
  await page.goto(`${w.url}/`);
  await page.waitForURL(/\/login/);
  await page.getByText('创建第一个管理员').click();
  await page.getByLabel('一次性令牌').fill(w.server.setupToken ?? '');
  await page.getByLabel('本单位名称').fill('岳阳市云溪区教育体育局');
  await page.getByLabel('管理员用户名').fill('admin');
  await page.getByLabel('姓名').fill('李督办');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('再次输入密码').fill(PASSWORD);
  await button(page, '创建管理员并登录').click();
  await page.getByTestId('user-menu').waitFor();

  await page.getByRole('menuitem', { name: '导入通知' }).click();
  await page.locator('input[type=file]').setInputFiles(yunxiPath.pathname);
  await page.getByText('共识别 5 个部分、23 条要点').waitFor();
  await w.shot(page, '01-import-check');
  await button(page, '下一步').click();
  // The wizard proposes 纪监室 ≈ 纪检监察室 at the first import, as a one-click merge.
  await page.getByText('纪监室 与 纪检监察室 可能是同一单位').waitFor();
  await button(page, '合并为 纪检监察室').click();
  await page.getByRole('button', { name: /全部新建为股室/ }).click();
  await w.shot(page, '02-import-names');
  await button(page, '下一步').click();
  await button(page, '生成草稿').click();
  await page.getByText('草稿已生成').waitFor();
  await button(page, '审核草稿').click();
  await page.waitForURL(/\/import\/\d+/);
  const planId = Number(new URL(page.url()).pathname.split('/').pop());
  await button(page, '发布').click();
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /发\s*布|确\s*定/ })
    .click();
  await page.waitForURL(new RegExp(`/plans/${planId}$`));
  await expect.poll(() => page.getByTestId('board-item').count()).toBe(23);
  await w.shotBoth(page, '03-board-published');

  await w.addUsers(page, [
    ['bgs', '王晓', '股室', '所属单位', '办公室'],
    ['xzsp', '赵敏', '股室', '所属单位', '行政审批股'],
    ['rsg', '孙磊', '股室', '所属单位', '人事股'],
    ['chenll', '陈玲玲', '局领导', '对应局领导', '陈玲玲'],
  ]);
  await w.logout(page);

  // 22 April: 办公室 files April with the study session held on the 12th and its minutes.
  await w.restartAt(clock('2024-04-22'));
  await w.login(page, 'bgs');
  let form = await openReport(page, '深入学习贯彻党的二十大精神');
  await form.getByText('本期应完成：每月开展党委理论中心组学习 1 次（2024年4月）').waitFor();
  await addCompletion(
    page,
    form,
    '每月开展党委理论中心组学习',
    '2024-04-12',
    '4月12日召开党委理论中心组学习会',
    [{ name: '4月会议纪要.txt', text: '4月12日党委理论中心组学习纪要' }],
  );
  await expect
    .poll(() => form.getByTestId('owed-after').textContent())
    .toContain('每月开展党委理论中心组学习：本期已完成');
  await form.getByTestId('completions').scrollIntoViewIfNeeded();
  await w.shotBoth(page, '04-report-with-completion');
  await sendReport(page, form, '30', '4月按计划开展理论学习。');
  await w.logout(page);
  await plainReport(page, 'xzsp', '深入学习贯彻党的二十大精神', '4月配合办公室开展学习。');

  // The leader sees the completion under the report and returns it with a reason.
  await w.login(page, 'chenll');
  await page.goto(`${w.url}/review`);
  const office = page.locator('tr.ant-table-row').filter({ hasText: '办公室' }).first();
  await office.waitFor();
  await office.getByText('含 1 条完成记录').waitFor();
  await office.locator('.ant-table-row-expand-icon').click();
  await page.getByTestId('review-completions').getByText('4月会议纪要.txt').waitFor();
  await w.shot(page, '05-review-with-completion');
  await office.getByRole('button', { name: /退\s*回/ }).click();
  await page.getByRole('dialog').locator('textarea').fill('请补充会议签到表');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|提\s*交|退\s*回/ })
    .last()
    .click();
  await page.getByText('已退回').first().waitFor();
  const approval = page.locator('tr.ant-table-row').filter({ hasText: '行政审批股' }).first();
  await approval.getByRole('button', { name: /通\s*过/ }).click();
  await page.getByText('暂无待审核的填报').waitFor();
  await w.logout(page);

  // 办公室 gets the message, opens the re-filing with the reason on top and files again.
  await w.login(page, 'bgs');
  await page.goto(`${w.url}/notifications`);
  await page.getByText('进展报告被退回：深入学习贯彻党的二十大精神（2024年4月）').first().waitFor();
  await page
    .getByText(/退回原因：请补充会议签到表/)
    .first()
    .waitFor();
  await w.shotBoth(page, '06-message-returned');
  await page.goto(`${w.url}/workbench?tab=returned`);
  await page.getByText('请补充会议签到表').first().waitFor();
  await button(page, '重新填报').first().click();
  form = drawer(page);
  await form.getByTestId('return-reason').getByText('退回原因：请补充会议签到表').waitFor();
  await form.getByText('已上传：4月会议纪要.txt').waitFor();
  await form
    .getByTestId('completion-row')
    .first()
    .locator('input[type=file]')
    .setInputFiles({ name: '4月签到表.txt', mimeType: 'text/plain', buffer: Buffer.from('签到表') });
  await form.getByText('4月签到表.txt').waitFor();
  await w.shot(page, '07-refile-with-reason');
  await form.getByTestId('completions').scrollIntoViewIfNeeded();
  await w.shot(page, '07-refile-completions');
  await form.getByLabel('进展说明').fill('已补充会议签到表。');
  await form.getByRole('button', { name: /提交填报/ }).click();
  await page.getByText('填报已提交，等待审核').waitFor();
  await w.logout(page);
  await acceptAll(page);

  // 20 May: May's study on the 14th and 集中学法 on the 10th; 行政审批股 files too.
  await w.restartAt(clock('2024-05-20'));
  await w.login(page, 'bgs');
  form = await openReport(page, '深入学习贯彻党的二十大精神');
  await addCompletion(
    page,
    form,
    '每月开展党委理论中心组学习',
    '2024-05-14',
    '5月14日召开党委理论中心组学习会',
    [{ name: '5月会议纪要.txt', text: '5月14日学习纪要' }],
  );
  await addCompletion(page, form, '集中学法', '2024-05-10', '集中学习《宪法》和《教育法》', [
    { name: '集中学法签到表.txt', text: '签到表' },
  ]);
  await expect.poll(() => form.getByTestId('owed-after').textContent()).toContain('全年还差 1 次');
  await sendReport(page, form, '45', '5月开展理论学习和集中学法。');
  await w.logout(page);
  await plainReport(page, 'xzsp', '深入学习贯彻党的二十大精神', '5月配合办公室开展学习。');
  await acceptAll(page);

  // 12 June: June's study held on the 5th, filed early.
  await w.restartAt(clock('2024-06-12'));
  await w.login(page, 'bgs');
  form = await openReport(page, '深入学习贯彻党的二十大精神');
  await addCompletion(
    page,
    form,
    '每月开展党委理论中心组学习',
    '2024-06-05',
    '6月5日召开党委理论中心组学习会',
  );
  await sendReport(page, form, '55', '6月开展理论学习。');
  await w.logout(page);
  await acceptAll(page);

  // 15 June: what the bureau reads.
  await w.restartAt(clock('2024-06-15'));
  await w.login(page, 'admin');
  await page.goto(`${w.url}/plans/${planId}`);
  const itemRow = (no: number) => page.getByTestId('board-item').nth(no - 1);
  await itemRow(1).waitFor();
  expect(await itemRow(1).getAttribute('data-light')).toBe('green');
  await expect.poll(() => itemRow(1).textContent()).toContain('应完成2个月，已完成2个月（全年9个月）');
  expect(await itemRow(2).getAttribute('data-light')).toBe('red');
  await expect.poll(() => itemRow(2).textContent()).toContain('4–5月报告未交，最长逾期51天');
  const boardCounts = await lightCounts(page);
  await w.shotBoth(page, '08-board-june');

  await itemRow(1).click();
  await page.waitForURL(/\/items\/\d+/);
  await page.getByText('已验收 3 / 应完成 3').first().waitFor();
  await w.shotBoth(page, '09-item-1', { fullPage: true });

  await page.goto(`${w.url}/dashboard`);
  await page.locator('canvas').first().waitFor();
  const overdueThings = Number(
    /逾期事项 (\d+) 项/.exec(
      (await page
        .getByText(/逾期事项 \d+ 项/)
        .first()
        .textContent()) ?? '',
    )?.[1],
  );
  await w.shotBoth(page, '10-dashboard', { fullPage: true });

  await page.goto(`${w.url}/evaluation`);
  const rows = page.locator('tr.ant-table-row');
  await rows.first().waitFor();
  const names = await rows.allTextContents();
  const rankOf = (unit: string) => names.findIndex((text) => text.includes(unit));
  expect(rankOf('办公室')).toBeGreaterThanOrEqual(0);
  expect(rankOf('人事股')).toBeGreaterThan(rankOf('办公室'));
  await w.shotBoth(page, '11-evaluation', { fullPage: true });

  // June's bulletin (as of today, the month is running) counts what the board and dashboard count.
  await page.goto(`${w.url}/bulletins`);
  await button(page, '生成通报').click();
  const modal = page.getByRole('dialog');
  await modal.locator('.ant-form-item').filter({ hasText: '月份' }).locator('.ant-select-selector').click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: '2024年6月' })
    .click();
  await modal.getByRole('button', { name: /生成草稿/ }).click();
  await page.waitForURL(/\/bulletins\/\d+/);
  await button(page, '预览').click();
  const text = (await page.locator('main, .app-content').first().textContent()) ?? '';
  expect(text).toContain('23项要点共分解为23项任务');
  for (const [light, name] of [
    ['red', '红灯'],
    ['yellow', '黄灯'],
    ['green', '绿灯'],
  ] as const) {
    if (boardCounts[light] > 0) expect(text).toContain(`${name}${boardCounts[light]}项`);
  }
  expect(text).toContain(`逾期事项${overdueThings}项`);
  await w.shotBoth(page, '12-bulletin-june');

  // The same notice again: the wizard warns nothing (it is this year's), but publishing it is refused.
  await page.goto(`${w.url}/import`);
  await page.locator('input[type=file]').setInputFiles(yunxiPath.pathname);
  await page.getByText('共识别 5 个部分、23 条要点').waitFor();
  await button(page, '下一步').click();
  await button(page, '下一步').click();
  await button(page, '生成草稿').click();
  await page.getByText('草稿已生成').waitFor();
  await button(page, '审核草稿').click();
  await page.waitForURL(/\/import\/\d+/);
  await button(page, '发布').click();
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /发\s*布|确\s*定/ })
    .click();
  const refusal = page
    .locator('.ant-modal-confirm')
    .filter({ hasText: '已发布同一文号的工作要点，是否替换？' });
  await refusal.waitFor();
  await refusal
    .getByText(/云溪区2024年教育体育工作要点/)
    .first()
    .waitFor();
  await w.shot(page, '13-second-publish-refused');
  await refusal.getByRole('button', { name: /取\s*消/ }).click();
  await refusal.waitFor({ state: 'detached' });
  // Nothing changed: the second import is still a draft, the plan still has its 23 items.
  await page
    .getByText(/审核草稿/)
    .first()
    .waitFor();
  await button(page, '发布').waitFor();
  await page.goto(`${w.url}/plans`);
  await page.waitForURL(new RegExp(`/plans/${planId}$`));
  await expect.poll(() => page.getByTestId('board-item').count()).toBe(23);
  await w.logout(page);
}

/** The board's light counts (红灯 3 …) as numbers. */
async function lightCounts(
  page: Page,
): Promise<Record<'red' | 'yellow' | 'green' | 'grey' | 'done', number>> {
  const text = (await page.locator('.board-counts').textContent()) ?? '';
  const count = (name: string) => Number(new RegExp(`${name}\\s*(\\d+)`).exec(text)?.[1] ?? 0);
  return {
    red: count('红灯'),
    yellow: count('黄灯'),
    green: count('绿灯'),
    grey: count('未开始'),
    done: count('已办结'),
  };
}
