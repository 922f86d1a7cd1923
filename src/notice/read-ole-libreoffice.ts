import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readerTempDir } from './read-temp.ts';

/**
 * The longest one conversion may take. A cold start with a fresh profile takes 4–16 s on two busy
 * cores; the parse sandbox allows about 40 s of wall-clock time for the whole read.
 */
export const LIBREOFFICE_TIMEOUT_MS = 30_000;
const MIN_TIMEOUT_MS = 5_000;
const MARGIN_MS = 3_000;

/**
 * The time a conversion may take here: LIBREOFFICE_TIMEOUT_MS, or less inside a parse sandbox with a
 * lower CPU limit. The sandbox kills its child at twice that limit, and soffice runs in a process group
 * of its own that such a kill would not reach, so the conversion must end first.
 */
export function libreOfficeTimeoutMs(limits = readLimits()): number {
  const cpu = /^Max cpu time\s+(\d+)/m.exec(limits)?.[1];
  if (cpu === undefined) return LIBREOFFICE_TIMEOUT_MS;
  const left = Number(cpu) * 2 * 1000 - process.uptime() * 1000 - MARGIN_MS;
  return Math.max(MIN_TIMEOUT_MS, Math.min(LIBREOFFICE_TIMEOUT_MS, left));
}

function readLimits(): string {
  try {
    return readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return '';
  }
}

/** Where LibreOffice's command is on PATH (`soffice`, else `libreoffice`), or undefined when not installed. */
export function findLibreOffice(path = process.env.PATH ?? ''): string | undefined {
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of path.split(delimiter)) {
      if (dir === '') continue;
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * Converts a Word-format file to UTF-8 text with headless LibreOffice and returns the text, or
 * undefined when LibreOffice wrote nothing (it exits 0 on a file it cannot open), failed, or ran out
 * of time. Each run has its own temporary folder and profile (two conversions sharing a profile
 * block on its lock), is killed with its whole process group on timeout, and leaves nothing behind.
 */
export async function convertToTextWithLibreOffice(
  soffice: string,
  bytes: Uint8Array,
  timeoutMs = libreOfficeTimeoutMs(),
): Promise<string | undefined> {
  const dir = await readerTempDir('ole');
  try {
    // LibreOffice detects the format from the content; the .doc name only spares it a guess.
    const input = join(dir, 'notice.doc');
    const output = join(dir, 'out');
    await writeFile(input, bytes);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const args = [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--invisible',
      '--norestore',
      '--nologo',
      '--nolockcheck',
      '--convert-to',
      'txt:Text (encoded):UTF8',
      '--outdir',
      output,
      input,
    ];
    const finished = await run(soffice, args, { ...process.env, HOME: dir }, timeoutMs);
    const converted = join(output, 'notice.txt');
    if (!finished || !existsSync(converted)) return undefined;
    return (await readFile(converted, 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Resolves true when the command exited by itself, false when it failed to start or was killed at the deadline.
function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    // Its own process group, so killing it reaches soffice.bin and its helpers, not only the launcher.
    const child = spawn(command, args, { env, detached: true, stdio: 'ignore' });
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is already gone
      }
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.once('exit', () => {
      clearTimeout(timer);
      // A helper left running after the launcher exits would hold the folder being removed.
      killGroup();
      resolve(!timedOut);
    });
  });
}
