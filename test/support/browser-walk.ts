import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { testPostgresUrl } from './databases.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';

const root = new URL('../../', import.meta.url).pathname;

/** A phone's screen, for the second screenshot of a step. */
export const PHONE = { width: 390, height: 844 } as const;
/** An office monitor's screen. */
export const DESKTOP = { width: 1366, height: 768 } as const;

/**
 * One walk through the web app in Chromium against a real `duban serve` on a fresh database of a
 * dialect: the server restarts with its clock moved (DUBAN_CLOCK), pages log in and out as the
 * people of the bureau, and every step leaves a screenshot in test-results/screenshots/<name>/<dialect>/.
 */
export class BrowserWalk {
  server!: ServerProcess;
  readonly pageErrors: string[] = [];
  private dataDir = '';
  private env: Record<string, string> = {};
  private shotDir = '';

  constructor(
    private readonly browser: Browser,
    private readonly options: { name: string; password: string },
  ) {}

  /**
   * Starts a server on a fresh database of the dialect with its clock at `clock`; `seed`, when
   * given, writes to that database (through the domain) before the server opens it.
   */
  async start(
    dialect: 'sqlite' | 'postgres',
    clock: string,
    seed?: (env: { DATABASE_URL: string; DATABASE_SCHEMA?: string }) => Promise<void>,
  ): Promise<void> {
    this.dataDir = mkdtempSync(join(tmpdir(), 'duban-browser-'));
    // A PostgreSQL schema is dropped after the run by test/support/global-setup.ts, never here.
    const schema = `${process.env.DUBAN_TEST_RUN ?? 'tlocal'}_${randomBytes(5).toString('hex')}`;
    this.env =
      dialect === 'sqlite'
        ? { DATABASE_URL: `sqlite:${join(this.dataDir, 'duban.db')}` }
        : { DATABASE_URL: testPostgresUrl, DATABASE_SCHEMA: schema };
    this.shotDir = join(root, 'test-results', 'screenshots', ...this.options.name.split('/'), dialect);
    mkdirSync(this.shotDir, { recursive: true });
    if (seed) await seed(this.env as { DATABASE_URL: string; DATABASE_SCHEMA?: string });
    this.server = await startServerProcess({ ...this.env, DUBAN_CLOCK: clock });
  }

  /**
   * The whole walk: a server on a fresh database of the dialect from `clock`, one page through the
   * steps (a screenshot of the page when a step fails), everything stopped after, no page errors.
   */
  async run(
    dialect: 'sqlite' | 'postgres',
    clock: string,
    steps: (page: Page) => Promise<void>,
    seed?: Parameters<BrowserWalk['start']>[2],
  ): Promise<void> {
    await this.start(dialect, clock, seed);
    const page = await this.newPage();
    try {
      await steps(page);
    } catch (error) {
      await this.failure(page);
      throw error;
    } finally {
      await page.context().close();
      await this.stop();
    }
    expect(this.pageErrors).toEqual([]);
  }

  /** Stops the server and starts it again on the same database with its clock at `clock`. */
  async restartAt(clock: string): Promise<void> {
    this.server.child.kill('SIGTERM');
    expect(await this.server.exited).toBe(0);
    this.server = await startServerProcess({ ...this.env, DUBAN_CLOCK: clock });
  }

  /** Stops the server and removes its files (KEEP_BROWSER_DATA keeps them). */
  async stop(): Promise<void> {
    if (this.server?.child.exitCode === null) this.server.child.kill('SIGTERM');
    await this.server?.exited;
    if (!process.env.KEEP_BROWSER_DATA) rmSync(this.dataDir, { recursive: true, force: true });
  }

  get url(): string {
    return this.server.url;
  }

  /** A page at the office size, recording page errors and refusing unexpected dialogs. */
  async newPage(): Promise<Page> {
    const context = await this.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      this.pageErrors.push(`unexpected dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    return page;
  }

  /** A screenshot of the page as it is, named for the step. */
  async shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(this.shotDir, `${name}.png`), fullPage: options.fullPage ?? false });
  }

  /**
   * The same step at the office size and on a phone: the page is resized in place (open drawers and
   * dialogs stay), shot, and put back.
   */
  async shotBoth(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
    await this.shot(page, name, options);
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(400);
    await this.shot(page, `${name}-phone`, options);
    await page.setViewportSize(DESKTOP);
    await page.waitForTimeout(400);
  }

  async login(page: Page, username: string): Promise<void> {
    await page.goto(`${this.url}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(this.options.password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('user-menu').waitFor();
  }

  async logout(page: Page): Promise<void> {
    // A drawer or dialog still open would cover the user menu.
    const close = page.locator('.ant-drawer-open .ant-drawer-close');
    if (await close.count()) {
      await close.first().click();
      await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    }
    await page.getByTestId('user-menu').click();
    await page.getByText('退出登录').click();
    await page.waitForURL(/\/login/);
  }

  /**
   * Adds accounts on 用户与角色 as the signed-in administrator: [username, name, role, the field
   * binding it (所属单位 or 对应局领导), the unit or leader].
   */
  async addUsers(
    page: Page,
    users: ReadonlyArray<readonly [string, string, string, string, string]>,
  ): Promise<void> {
    await page.goto(`${this.url}/users`);
    for (const [username, name, role, bindLabel, bindTo] of users) {
      await button(page, '添加用户').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('用户名').fill(username);
      await dialog.getByLabel('姓名').fill(name);
      await dialog.getByLabel('初始密码').fill(this.options.password);
      await choose(page, '角色', role);
      await page.keyboard.press('Escape');
      await choose(page, bindLabel, bindTo);
      await dialog
        .getByRole('button', { name: /确\s*定|添\s*加|保\s*存/ })
        .last()
        .click();
      await page.getByRole('cell', { name: username, exact: true }).waitFor();
    }
  }

  /** Saves a failure screenshot, for the person reading the failure. */
  async failure(page: Page): Promise<void> {
    await page.screenshot({ path: join(this.shotDir, 'failure.png') }).catch(() => undefined);
  }
}

/** A button by its Chinese name (antd puts spaces between two characters). */
export const button = (page: Page | Locator, name: string) =>
  page.getByRole('button', { name: new RegExp(name.split('').join('\\s*')) });

/** Picks an option of the antd Select labelled `label`: types its text and takes the first match. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(option);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')
    .filter({ hasText: option })
    .waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Picks a month in an antd month picker by clicking its cell, checking the choice held once the
 * field lost focus (a click during the drawer's slide-in can land on a moving cell).
 */
export async function pickMonth(page: Page, input: Locator, cell: string, expected: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.click();
    await page
      .locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-cell-inner')
      .filter({ hasText: new RegExp(`^${cell}$`) })
      .click();
    await page.keyboard.press('Tab');
    if ((await input.inputValue()) === expected) return;
    await page.waitForTimeout(300);
  }
  throw new Error(`the month picker did not keep ${expected}`);
}

/** Types a day into an antd date picker and confirms it. */
export async function typeDay(page: Page, input: Locator, day: string): Promise<void> {
  await input.click();
  await input.fill(day);
  await page.keyboard.press('Enter');
  // Tab moves on and closes the calendar (Escape would close a drawer around it).
  await page.keyboard.press('Tab');
  await expect.poll(() => input.inputValue()).toBe(day);
  await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
}
