import { type ChildProcess, spawn } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;

/** Resolves with the first match of `pattern` in a child's standard output; rejects on timeout or exit. */
export function waitForLog(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${pattern}; output:\n${seen}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = pattern.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code}); output:\n${seen}`)));
  });
}

/** A real `duban serve` process on a free port. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** The one-time first-administrator token (a fresh database has no account yet). */
  setupToken: string | undefined;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/**
 * Starts `bin/duban serve` with the environment given (DATABASE_URL …) on a free local port and
 * waits until it listens; the setup token is read from its log when the database has no account.
 */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['bin/duban', 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const setup = waitForLog(child, /"setupToken":"([\w-]+)"/, timeoutMs).then(
    (match) => match[1],
    () => undefined,
  );
  const [, url = ''] = await waitForLog(child, /Duban 已启动：(http:\/\/127\.0\.0\.1:\d+)/, timeoutMs);
  // The setup line follows the start line at once when there is one.
  const setupToken = await Promise.race([setup, new Promise<undefined>((r) => setTimeout(r, 1_000))]);
  return { child, url, setupToken, exited };
}
