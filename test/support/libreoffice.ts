import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

// LibreOffice opening our files is the proof that they "open in their programs": Writer for .docx,
// Calc for .xlsx. Each conversion runs `soffice --headless` in a private profile, because two
// soffice processes sharing one profile (parallel test files) block on its lock or quit silently.

const SOFFICE = '/usr/bin/soffice';
// Writer alone has no picture export: PNG needs the graphic filters of libreoffice-draw.
const GRAPHIC_FILTER = '/usr/lib/libreoffice/program/libgraphicfilterlo.so';
const CALC = '/usr/lib/libreoffice/program/libsclo.so';
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';

/** The Debian packages the conversions need (also installed by .ci/run). */
export const LIBREOFFICE_PACKAGES = [
  'libreoffice-writer-nogui',
  'libreoffice-calc-nogui',
  'libreoffice-draw-nogui',
  'fonts-noto-cjk',
] as const;

/**
 * Installs what the conversions need when missing (as root through apt-get, like the browser
 * tests) and throws a message naming the Debian packages when it cannot.
 */
export function ensureLibreOffice(): void {
  const missing = (): string[] => [
    ...(existsSync(SOFFICE) ? [] : ['libreoffice-writer-nogui']),
    ...(existsSync(CALC) ? [] : ['libreoffice-calc-nogui']),
    ...(existsSync(GRAPHIC_FILTER) ? [] : ['libreoffice-draw-nogui']),
    ...(existsSync(CJK_FONT) ? [] : ['fonts-noto-cjk']),
  ];
  const needs = missing();
  if (needs.length === 0) return;
  const apt = (...args: string[]) =>
    execFileSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    try {
      apt('install', '-y', '-qq', ...needs);
    } catch {
      // A bare machine may have no package lists yet.
      apt('update', '-qq');
      apt('install', '-y', '-qq', ...needs);
    }
  } catch (error) {
    throw new Error(
      `LibreOffice is missing (${needs.join(', ')}) and apt-get could not install it: ${String(error)}. ` +
        `Install the Debian packages ${LIBREOFFICE_PACKAGES.join(' ')}.`,
    );
  }
  const still = missing();
  if (still.length > 0) {
    throw new Error(`LibreOffice is still missing: install the Debian packages ${still.join(' ')}.`);
  }
}

/** What a conversion produces: PDF or PNG (first page), CSV (first sheet) or plain text. */
export type ConvertTarget = 'pdf' | 'png' | 'csv' | 'txt';

// Filter options: CSV as comma-separated UTF-8 (76) with double quotes; text as UTF-8.
const FILTERS: Record<ConvertTarget, string> = {
  pdf: 'pdf',
  png: 'png',
  csv: 'csv:Text - txt - csv (StarCalc):44,34,76,1',
  txt: 'txt:Text (encoded):UTF8',
};

/**
 * Converts `file` with LibreOffice into `outDir` and returns the new file's path; one soffice run
 * in its own profile, killed after `timeoutMs`. Throws when soffice fails or writes nothing (it
 * exits 0 on a file it cannot open).
 */
export function convertWithLibreOffice(
  file: string,
  to: ConvertTarget,
  outDir: string,
  timeoutMs = 120_000,
): string {
  if (!existsSync(SOFFICE)) {
    throw new Error(`soffice is missing: install the Debian packages ${LIBREOFFICE_PACKAGES.join(' ')}.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'duban-lo-'));
  let output = '';
  try {
    output = execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        FILTERS[to],
        '--outdir',
        outDir,
        file,
      ],
      { stdio: 'pipe', timeout: timeoutMs, env: { ...process.env, HOME: profile }, encoding: 'utf8' },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const converted = join(outDir, `${basename(file).replace(/\.[^.]+$/, '')}.${to}`);
  if (!existsSync(converted)) {
    throw new Error(`LibreOffice did not convert ${basename(file)} to ${to}: ${output.trim()}`);
  }
  return converted;
}
