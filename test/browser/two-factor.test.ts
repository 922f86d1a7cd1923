import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/domain/accounts/totp.ts';
import { launchBrowser } from '../support/browser.ts';
import { BrowserWalk, button } from '../support/browser-walk.ts';

// Two-factor login in Chromium against a real `duban serve` (SQLite): the security administrator
// requires a second factor for their own role on 安全策略; at the next login the app sends them to
// bind an authenticator (QR code drawn by the server, no outside service), shows the 10 recovery
// codes once, and the login after that asks for the 6-digit code. Screenshots land in
// test-results/screenshots/two-factor/sqlite/.

const PASSWORD = 'Browser-Pass-2024';
const root = new URL('../../', import.meta.url).pathname;

let browser: Browser;
let w: BrowserWalk;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('two-factor login in the browser', () => {
  it('enrols the security administrator with a QR code, then asks for the code at login', async () => {
    w = new BrowserWalk(browser, { name: 'two-factor', password: PASSWORD });
    // No DUBAN_CLOCK (empty): the server runs on real time, as the codes computed here do.
    await w.run('sqlite', '', enrolAndLogIn);
  }, 300_000);
});

async function enrolAndLogIn(page: Page): Promise<void> {
  await page.goto(`${w.url}/setup`);
  await page.getByLabel('一次性令牌').fill(w.server.setupToken ?? '');
  await page.getByLabel('本单位名称').fill('郧西县教育局');
  await page.getByLabel('管理员用户名').fill('admin');
  await page.getByLabel('姓名').fill('王管理');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('再次输入密码').fill(PASSWORD);
  await button(page, '创建管理员并登录').click();
  await page.getByTestId('user-menu').waitFor();
  // The security administrator's account, through the API with this session (the users page is another helper's walk).
  const csrf = (await (await page.request.get(`${w.url}/api/me`)).json()).csrfToken as string;
  const created = await page.request.post(`${w.url}/api/users`, {
    headers: { 'x-csrf-token': csrf },
    data: { username: 'anquan', displayName: '赵安全', password: PASSWORD, roles: ['security_admin'] },
  });
  expect(created.status()).toBe(201);
  await w.logout(page);

  await w.login(page, 'anquan');
  await page
    .getByRole('menuitem', { name: '安全策略' })
    .click()
    .catch(async () => {
      await page.goto(`${w.url}/security/policy`);
    });
  await page.waitForURL(/\/security\/policy/);
  await page.getByLabel('会话空闲超时（分钟）').waitFor();
  // The form may be drawn again while the page settles (a slow CI machine): tick until both hold.
  for (let attempt = 0; ; attempt++) {
    const boxes = ['安全管理员', '系统管理员'].map((name) => page.getByRole('checkbox', { name }));
    for (const box of boxes) if (!(await box.isChecked())) await box.click();
    await page.waitForTimeout(200);
    const ticked = await Promise.all(boxes.map((box) => box.isChecked()));
    if (ticked.every(Boolean)) break;
    if (attempt === 4) throw new Error('须两步验证的角色未能勾选');
  }
  await button(page, '保存').click();
  await page.getByText('安全策略已保存').waitFor();
  await w.shot(page, '01-policy');
  await logout(page);

  // The next login must bind an authenticator before anything else.
  await page.getByLabel('用户名').fill('anquan');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(/\/login\/step/);
  await page.getByText('您的角色要求两步验证').waitFor();
  await button(page, '开始绑定').click();
  const qr = page.getByRole('img', { name: '验证器二维码' });
  await qr.waitFor();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  const secret = ((await page.locator('.ant-typography code').first().textContent()) ?? '').trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await w.shot(page, '02-enrol-qr');
  await page.getByRole('textbox').last().fill(totpCode(secret, new Date()));
  await button(page, '完成绑定').click();
  await page.getByText('请保存这 10 个恢复码').waitFor();
  expect(await page.locator('.recovery-code').count()).toBe(10);
  await w.shot(page, '03-recovery-codes');
  await button(page, '我已保存恢复码，继续').click();
  await page.getByTestId('user-menu').waitFor();
  await logout(page);

  // A later login asks for the code (the next step's: the enrolment used this one).
  await page.getByLabel('用户名').fill('anquan');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(/\/login\/step/);
  await page.getByLabel('验证码或恢复码').fill('000000');
  await button(page, '验证').click();
  await page.getByText('验证码不正确或已过期').waitFor();
  await w.shot(page, '04-code-refused');
  await page.getByLabel('验证码或恢复码').fill(totpCode(secret, new Date(Date.now() + 30_000)));
  await button(page, '验证').click();
  await page.getByTestId('user-menu').waitFor();
  await page.goto(`${w.url}/security/locks`);
  await page.getByText('账号的两步验证').waitFor();
  await page
    .getByRole('row', { name: /anquan/ })
    .getByText('已启用')
    .waitFor();
  await w.shot(page, '05-locks-and-users', { fullPage: true });
}

/** Logs out through the API with the page's session, then opens the login page. */
async function logout(page: Page): Promise<void> {
  const csrf = (await (await page.request.get(`${w.url}/api/me`)).json()).csrfToken as string;
  const out = await page.request.delete(`${w.url}/api/session`, { headers: { 'x-csrf-token': csrf } });
  expect(out.status()).toBe(204);
  await page.goto(`${w.url}/login`);
  await page.getByLabel('用户名').waitFor();
}
