import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function waitForLog(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
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

let dataDir: string | undefined;
afterEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it('starts the real server on a fresh SQLite file, answers /healthz, prints the setup path and exits 0 on SIGTERM', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'duban-serve-'));
  const child = spawn(process.execPath, ['bin/duban', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dataDir, 'duban.db')}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const setup = waitForLog(child, /"setupToken":"([\w-]+)"/, 20_000);
  const [, url] = await waitForLog(child, /Duban 已启动：(http:\/\/127\.0\.0\.1:\d+)/, 20_000);
  const health = await fetch(`${url}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
  const [, token] = await setup;
  const created = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, username: 'root', password: 'first-admin-2024' }),
  });
  expect(created.status).toBe(201);
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 40_000);
