import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.ts';
import { insertUnit } from '../../src/db/queries/units.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { setupFirstAdmin } from '../../src/domain/accounts/setup-first-admin.ts';
import { cliContext } from '../../src/domain/ensure-organization.ts';
import { importNotice } from '../../src/domain/import-notice.ts';
import { publishPlan } from '../../src/domain/publish-plan.ts';
import { launchBrowser } from '../support/browser.ts';
import { BrowserWalk, button, typeDay } from '../support/browser-walk.ts';
import { skipsPostgres } from '../support/databases.ts';
import { yunxiText } from '../support/yunxi.ts';

// 一表通 and the 差异系数 monitor in Chromium against a real `duban serve` (issue 16): the supervisor
// opens 2024年秋季学期 on the seven-indicator form, linked to item 13; 城关小学 fills its 小学 row with
// a stamped file, 涧池学校 (九年一贯制) its 小学 and 初中 rows; the supervisor returns 城关小学's
// figure with a reason, the school reads it and corrects it, everything is accepted and the round
// locked; the monitor shows the weighted figures worked out by hand below, the export carries the
// same, and item 13's page shows the round. Screenshots in test-results/screenshots/balance/.

const PASSWORD = 'balance-pass-2024';
const root = new URL('../../', import.meta.url).pathname;

// The figures typed in: 城关小学 600 pupils, 涧池学校 400 (小学) and 300 (初中).
const BASE = {
  高于规定学历教师数: 30,
  县级及以上骨干教师数: 8,
  体育艺术专任教师数: 6,
  教学及辅助用房面积: 3000,
  体育运动场馆面积: 5000,
  教学仪器设备值: 1_200_000,
  网络多媒体教室数: 14,
};

let browser: Browser;
let w: BrowserWalk;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

describe('a data collection round in the browser', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it.skipIf(dialect === 'postgres' && skipsPostgres())(
      `on ${dialect}: two schools fill, one is returned and corrects, the round locks, the monitor and export agree`,
      async () => {
        w = new BrowserWalk(browser, { name: 'balance', password: PASSWORD });
        await w.run(dialect, '2024-10-20T02:00:00Z', walk, seed);
      },
      600_000,
    );
  }
});

/** The bureau (Yunxi published, so item 13 exists), three schools and two school accounts. */
async function seed(env: { DATABASE_URL: string; DATABASE_SCHEMA?: string }): Promise<void> {
  const database = await openDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA });
  try {
    const at = (iso: string) => () => new Date(iso);
    await setupFirstAdmin(
      { ...database, now: at('2024-09-01T01:00:00Z') },
      {
        username: 'admin',
        password: PASSWORD,
        displayName: '督导室 周敏',
        organization: '岳阳市云溪区教育体育局',
      },
    );
    const system = await cliContext(database, at('2024-09-02T02:00:00Z'));
    const { planId } = await importNotice(system, { text: yunxiText }, { createUnits: true });
    await publishPlan(system, { planId });
    const organizationId = system.actor.organizationId;
    for (const [name, schoolKind] of [
      ['城关小学', '小学'],
      ['涧池学校', '九年一贯制'],
      ['河夹小学', '小学'],
    ] as const)
      await insertUnit(database.db, {
        organizationId,
        kind: 'school',
        name,
        schoolKind,
        createdAt: '2024-09-02T02:00:00Z',
      });
    for (const [username, unit] of [
      ['cgxx', '城关小学'],
      ['jcxx', '涧池学校'],
    ] as const)
      await addUser(system, {
        username,
        displayName: `${unit} 填报员`,
        password: PASSWORD,
        roles: ['school'],
        unit,
      });
  } finally {
    await database.close();
  }
}

/**
 * Opens a page the menu offers: the entry is there, and the page is reached by its address (a click
 * while the landing page still redirects after signing in can be lost on a loaded machine).
 */
async function openFromMenu(page: Page, entry: string, path: string): Promise<void> {
  await page.getByRole('menuitem', { name: entry }).waitFor();
  await page.goto(`${w.url}${path}`);
}

/** Types a school's figures into its row (inputs labelled 小学学生数, 初中体育运动场馆面积 …). */
async function fillRow(page: Page, stage: '小学' | '初中', pupils: number, figures: Record<string, number>) {
  await page.getByLabel(`${stage}学生数`).fill(String(pupils));
  for (const [label, value] of Object.entries(figures))
    await page.getByLabel(`${stage}${label}`).fill(String(value));
}

async function walk(page: Page): Promise<void> {
  // The supervisor opens the round, linked to item 13 by default.
  await w.login(page, 'admin');
  await openFromMenu(page, '均衡监测', '/balance');
  await button(page, '发起填报').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('填报表单').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '七项指标' }).click();
  await dialog.getByLabel('轮次名称').fill('2024年秋季学期');
  await typeDay(page, dialog.getByLabel('填报截止日期'), '2024-11-15');
  await dialog.getByText('关联工作要点第 13 条').waitFor();
  expect(await dialog.getByRole('checkbox').isChecked()).toBe(true);
  await w.shot(page, '01-new-round');
  await dialog.getByRole('button', { name: /发\s*起/ }).click();
  await page.getByRole('link', { name: '2024年秋季学期' }).waitFor();
  await w.shot(page, '02-rounds');
  await w.logout(page);

  // 城关小学 fills its 小学 row with a stamped table, then submits.
  await w.login(page, 'cgxx');
  await openFromMenu(page, '数据填报', '/balance/fill');
  await page.getByRole('link', { name: '2024年秋季学期' }).click();
  await fillRow(page, '小学', 600, { ...BASE, 体育运动场馆面积: 500 });
  await page.locator('input[type=file]').setInputFiles({
    name: '城关小学盖章表.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% 城关小学 2024年秋季学期 盖章统计表\n'),
  });
  await w.shot(page, '03-school-fills', { fullPage: true });
  await button(page, '提交审核').click();
  await page.getByText('待审核').first().waitFor();
  await w.logout(page);

  // 涧池学校 (九年一贯制) fills both stages.
  await w.login(page, 'jcxx');
  await openFromMenu(page, '数据填报', '/balance/fill');
  await page.getByRole('link', { name: '2024年秋季学期' }).click();
  await fillRow(page, '小学', 400, BASE);
  await fillRow(page, '初中', 300, { ...BASE, 高于规定学历教师数: 20 });
  await button(page, '提交审核').click();
  await page.getByText('待审核').first().waitFor();
  await w.shot(page, '04-nine-year-school', { fullPage: true });
  await w.logout(page);

  // The supervisor returns 城关小学's figure with a reason.
  await w.login(page, 'admin');
  await page.goto(`${w.url}/balance`);
  await page.getByRole('link', { name: '2024年秋季学期' }).click();
  const cgRow = page.locator('.ant-table-row').filter({ hasText: '城关小学' });
  await cgRow.getByRole('button', { name: /退\s*回/ }).click();
  await page.getByRole('dialog').getByLabel('退回原因').fill('体育运动场馆面积与校舍台账不符，请核对');
  await w.shot(page, '05-return');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /退\s*回|确\s*定/ })
    .last()
    .click();
  await cgRow.getByText('已退回').waitFor();
  await w.logout(page);

  // The school reads the reason on its workbench and in the round, corrects and submits again.
  await w.login(page, 'cgxx');
  await page.goto(`${w.url}/workbench`);
  await page.getByText('体育运动场馆面积与校舍台账不符，请核对').first().waitFor();
  await openFromMenu(page, '数据填报', '/balance/fill');
  await page.getByRole('link', { name: '2024年秋季学期' }).click();
  await page.getByText('退回原因：体育运动场馆面积与校舍台账不符，请核对').waitFor();
  await w.shot(page, '06-returned-to-school', { fullPage: true });
  await page.getByLabel('小学体育运动场馆面积').fill('4800');
  await button(page, '提交审核').click();
  await page.getByText('待审核').first().waitFor();
  await w.logout(page);

  // The supervisor accepts the three rows and locks the round.
  await w.login(page, 'admin');
  await page.goto(`${w.url}/balance`);
  await page.getByRole('link', { name: '2024年秋季学期' }).click();
  for (let n = 0; n < 3; n++) {
    await page
      .locator('.ant-table-row')
      .getByRole('button', { name: /^通\s*过$/ })
      .first()
      .click();
    await expect
      .poll(() =>
        page
          .locator('.ant-table-row')
          .getByRole('button', { name: /^通\s*过$/ })
          .count(),
      )
      .toBe(2 - n);
  }
  await w.shot(page, '07-all-accepted', { fullPage: true });
  await button(page, '锁定').click();
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /锁\s*定/ })
    .click();
  await page.getByText(/已于 .* 锁定/).waitFor();

  // The monitor: 小学 sports area (600·8 + 400·12.5)/1000 = 9.8 ㎡ per pupil, CV 0.225 (see balance.test.ts).
  await page.getByRole('tab', { name: '监测结果' }).click();
  const sports = page.locator('.ant-table-row').filter({ hasText: '生均体育运动场馆面积' }).first();
  await sports.waitFor();
  expect(await sports.textContent()).toContain('9.8 ㎡/生');
  expect(await sports.textContent()).toContain('0.225');
  await w.shot(page, '08-monitor', { fullPage: true });

  // The export holds the same figure.
  const download = page.waitForEvent('download');
  await page
    .getByRole('link', { name: /导出计算表/ })
    .or(button(page, '导出计算表'))
    .first()
    .click();
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const cells: string[] = [];
  for (const sheet of book.worksheets)
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
  expect(cells.some((c) => c.startsWith('0.225'))).toBe(true);
  expect(cells).toContain('城关小学');

  // Item 13's page shows the round it was monitored by.
  // The only plan opens at once; its item 13 leads to the item's page.
  await page.goto(`${w.url}/plans`);
  await page.getByText('持续深化强化教育督导评估').first().click();
  await page.getByText('2024年秋季学期').first().waitFor();
  await w.shot(page, '09-item-13', { fullPage: true });
}
