import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startServerProcess } from '../../test/support/server-process.ts';

let dataDir: string | undefined;
afterEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it('starts the real server on a fresh SQLite file, answers /healthz, prints the setup path and exits 0 on SIGTERM', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'duban-serve-'));
  const {
    child,
    url,
    setupToken: token,
    exited,
  } = await startServerProcess({
    DATABASE_URL: `sqlite:${join(dataDir, 'duban.db')}`,
  });
  const health = await fetch(`${url}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
  expect(token).toBeTruthy();
  const created = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, username: 'root', password: 'first-admin-2024' }),
  });
  expect(created.status).toBe(201);
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 40_000);
