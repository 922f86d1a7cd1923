import { spawn } from 'node:child_process';

/** How a helper program (tesseract, pdftoppm, pdfinfo) ended. */
export type ProgramOutcome =
  | { kind: 'exited'; code: number; signal: NodeJS.Signals | null; stdout: string; stderr: string }
  | { kind: 'missing' }
  | { kind: 'deadline' };

/** The most standard output kept from one run: a page's TSV is about 100 kB. */
const MAX_STDOUT = 16 * 1024 * 1024;

/**
 * Runs a program to its end or until the deadline (epoch milliseconds), whichever comes first.
 * It gets a process group of its own, so passing the deadline kills it and anything it started.
 * OMP_THREAD_LIMIT=1: tesseract's OpenMP threads make one page no faster on a busy two-core server
 * (measured), and the parse sandbox already runs jobs side by side.
 */
export function runProgram(
  command: string,
  args: readonly string[],
  options: { deadline: number; cwd?: string },
): Promise<ProgramOutcome> {
  return new Promise((resolve) => {
    const remaining = options.deadline - Date.now();
    if (remaining <= 0) {
      resolve({ kind: 'deadline' });
      return;
    }
    const child = spawn(command, args, {
      cwd: options.cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Nothing of the server's environment but where programs and tesseract's data are.
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        LANG: 'C.UTF-8',
        OMP_THREAD_LIMIT: '1',
        ...(process.env.TESSDATA_PREFIX ? { TESSDATA_PREFIX: process.env.TESSDATA_PREFIX } : {}),
      },
    });
    let stdout = '';
    let stderr = '';
    let late = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (stdout.length < MAX_STDOUT) stdout += chunk;
    });
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 8_000) stderr += chunk;
    });
    const timer = setTimeout(() => {
      late = true;
      killGroup(child.pid);
    }, remaining);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code === 'ENOENT' || error.code === 'EACCES' ? { kind: 'missing' } : exitedWith(error));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve(late ? { kind: 'deadline' } : { kind: 'exited', code: code ?? -1, signal, stdout, stderr });
    });
  });
}

function exitedWith(error: Error): ProgramOutcome {
  return { kind: 'exited', code: -1, signal: null, stdout: '', stderr: error.message };
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
