import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium; the browser tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Makes sure Debian's Chromium and the CJK fonts are installed (on a bare machine, as root, through
 * apt-get — the same packages .ci/run installs), and throws a clear message when it cannot.
 */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const apt = (...args: string[]) =>
    execFileSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    try {
      apt('install', '-y', '-qq', 'chromium', 'fonts-noto-cjk');
    } catch {
      // A bare machine may have no package lists yet.
      apt('update', '-qq');
      apt('install', '-y', '-qq', 'chromium', 'fonts-noto-cjk');
    }
  } catch (error) {
    throw new Error(`Chromium is missing at ${CHROMIUM} and apt-get could not install it: ${String(error)}`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is still missing at ${CHROMIUM}`);
}

/** Launches headless Chromium with the flags DEVELOPERS.md lists. */
export async function launchBrowser(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
