import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocrAvailable } from '../../src/notice/read-ocr.ts';
import { CJK_FONT } from '../readers/notice-builders.ts';
import { launchBrowser } from '../support/browser.ts';
import { BrowserWalk, button } from '../support/browser-walk.ts';
import { skipsPostgres } from '../support/databases.ts';

// Importing a scanned notice in Chromium: the supervisor drops a scan (a printed page as a 200 dpi
// picture in a PDF without text) on the wizard; the server reads it by OCR; the check step says so,
// marks the words OCR was unsure of in the text (a faint, small line is printed to make some) and
// lists them, and 下一步 stays disabled until the supervisor confirms they checked them against
// the paper; then names → draft, as for any notice. Screenshots in test-results/screenshots/import-scan/.

const PASSWORD = 'Scan-Import-2024';
const root = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'duban-scan-import-'));
const SCAN = join(work, '扫描件.pdf');

const NOTICE = [
  '青峰县2025年教育工作要点',
  '一、加强党的建设',
  '1.深化理论学习。每月组织一次集中学习，全年开展专题研讨不少于3次。（责任领导：程远山；责任股室：办公室、人事股）',
  '2.推进清廉学校建设。制订《青峰县清廉学校建设实施方案》。（责任领导：程远山、罗晓华；责任股室：纪检监察室）',
  '二、办好人民满意教育',
  '3.扩大优质学位供给。新建公办幼儿园2所，9月投入使用。（责任领导：罗晓华；责任股室：基础教育股、计财股）',
];
// Printed faint and small, as a stamp's shadow or a bad copy: OCR is unsure of it.
const FAINT = '本页下方文字为复印时留下的浅色字迹，识别时可能不准确。';

let browser: Browser;
let w: BrowserWalk;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
  if (ocrAvailable()) await makeScan();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('importing a scanned notice in the browser', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it.skipIf(!ocrAvailable() || (dialect === 'postgres' && skipsPostgres()))(
      `on ${dialect}: OCR's unsure words are marked and must be confirmed before the draft is made`,
      async () => {
        w = new BrowserWalk(browser, { name: 'import-scan', password: PASSWORD });
        await w.run(dialect, '2025-02-20T02:00:00Z', importScan);
      },
      300_000,
    );
  }
});

async function importScan(page: Page): Promise<void> {
  await page.goto(`${w.url}/setup`);
  await page.getByLabel('一次性令牌').fill(w.server.setupToken ?? '');
  await page.getByLabel('本单位名称').fill('青峰县教育局');
  await page.getByLabel('管理员用户名').fill('admin');
  await page.getByLabel('姓名').fill('周督办');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('再次输入密码').fill(PASSWORD);
  await button(page, '创建管理员并登录').click();
  await page.getByTestId('user-menu').waitFor();

  await page.getByRole('menuitem', { name: '导入通知' }).click();
  await page.locator('input[type=file]').setInputFiles(SCAN);
  await page.getByText('共识别 2 个部分、3 条要点').waitFor({ timeout: 120_000 });
  await expect.poll(() => page.getByText('来源文件').count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByText(/扫描件（文字识别 OCR），共 1 页/).count()).toBe(1);
  await page.getByText(/正文由扫描件文字识别（OCR）得到/).waitFor();

  // The unsure words: marked in the text and listed, one link each.
  const alert = page.getByText(/扫描件文字识别：\d+ 处识别把握不大/);
  await alert.waitFor();
  const count = Number(/(\d+) 处/.exec((await alert.textContent()) ?? '')?.[1]);
  expect(count).toBeGreaterThan(0);
  const marks = page.locator('.notice-text mark.hl-unsure');
  expect(await marks.count()).toBeGreaterThanOrEqual(count);
  const links = page.getByTestId('ocr-unsure-words').locator('a');
  expect(await links.count()).toBe(Math.min(count, 30));
  await links.first().click();
  await page.locator('.notice-text mark.hl-focus').first().waitFor();

  // The items are read all the same.
  const tree = page.locator('.import-tree-item');
  await expect.poll(() => tree.count()).toBe(3);
  expect(await tree.nth(1).textContent()).toContain('程远山');
  expect(await tree.nth(1).textContent()).toContain('罗晓华');
  expect(await tree.nth(2).textContent()).toContain('基础教育股');
  await w.shot(page, '01-check-scan');

  // 下一步 waits for the confirmation.
  const next = button(page, '下一步');
  expect(await next.isDisabled()).toBe(true);
  await page.getByText('请先确认已核对扫描件中识别存疑的文字。').waitFor();
  await page.getByLabel('我已对照纸质文件核对识别存疑的文字').check();
  expect(await next.isDisabled()).toBe(false);
  await next.click();
  await page.getByRole('button', { name: /全部新建为股室/ }).click();
  await button(page, '下一步').click();
  await button(page, '生成草稿').click();
  await page.getByText('草稿已生成').waitFor();
  await w.shot(page, '02-draft-created');
}

async function makeScan(): Promise<void> {
  const pdf = new PDFDocument({ size: 'A4', margin: 72 });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
  pdf.registerFont('cjk', CJK_FONT.path, CJK_FONT.face);
  pdf.font('cjk').fontSize(14);
  for (const line of NOTICE) pdf.fillColor('#000000').text(line, { paragraphGap: 6 });
  pdf.moveDown(2).fontSize(6).fillColor('#c8c8c8').text(FAINT);
  pdf.end();
  await ended;
  writeFileSync(join(work, 'printed.pdf'), Buffer.concat(chunks));
  execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', 'printed.pdf', 'page'], { cwd: work });
  const pages = readdirSync(work).filter((f) => /^page-\d+\.png$/.test(f));
  execFileSync('img2pdf', [...pages.sort(), '-o', SCAN], { cwd: work });
}
