// Screenshots of pages of a running server, for looking at what was built:
//   tsx scripts/shoot.ts http://127.0.0.1:3100 admin demo-pass-2024 /plans /workbench …
// Each page is written to shots/<path>.png at 1366×768 (add --phone for 390×844).
import { mkdirSync } from 'node:fs';
import { launchBrowser } from '../test/support/browser.ts';

const [base, username, password, ...rest] = process.argv.slice(2);
if (!base || !username || !password) {
  console.error('用法：tsx scripts/shoot.ts 地址 用户名 密码 页面路径…');
  process.exit(2);
}
const phone = rest.includes('--phone');
const paths = rest.filter((arg) => arg !== '--phone');
mkdirSync('shots', { recursive: true });
const browser = await launchBrowser();
const page = await browser.newPage({
  viewport: phone ? { width: 390, height: 844 } : { width: 1366, height: 768 },
});
page.on('pageerror', (error) => console.error('页面错误：', error.message));
page.on('console', (message) => {
  if (message.type() === 'error') console.error('控制台：', message.text());
});
await page.goto(`${base}/login`);
await page.getByLabel('用户名').fill(username);
await page.getByLabel('密码').fill(password);
await page.getByRole('button', { name: /登\s*录/ }).click();
await page.getByTestId('user-menu').waitFor();
for (const path of paths) {
  await page.goto(`${base}${path}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const name = path.replace(/^\//, '').replace(/[/?=&]/g, '_') || 'home';
  await page.screenshot({ path: `shots/${name}${phone ? '-phone' : ''}.png`, fullPage: false });
  console.log(`shots/${name}${phone ? '-phone' : ''}.png`);
}
await browser.close();
