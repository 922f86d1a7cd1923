import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../scripts/demo-data.ts';
import { skipsPostgres, testPostgresUrl } from '../../test/support/databases.ts';
import { type ServerProcess, startServerProcess } from '../../test/support/server-process.ts';
import { type Database, openDatabase } from '../db/connect.ts';
import { scheduleJob } from './schedule-job.ts';

// Real `duban serve` processes with a test-only job kind (testing/selftest-job.ts): every slot must
// run exactly once, whether one server runs them or two race for them on one PostgreSQL.

const selftestModule = new URL('./testing/selftest-job.ts', import.meta.url).pathname;
const SLOTS = 120;

let servers: ServerProcess[] = [];
let database: Database | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  for (const server of servers) server.child.kill('SIGTERM');
  await Promise.all(servers.map((s) => s.exited));
  servers = [];
  await database?.close();
  database = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

async function runSlots(db: Database, serverCount: number, env: Record<string, string>) {
  servers = await Promise.all(
    Array.from({ length: serverCount }, () =>
      startServerProcess({ ...env, JOBS_INTERVAL_MS: '100', DUBAN_TEST_JOB_MODULE: selftestModule }),
    ),
  );
  // All due at one moment a little ahead, so the servers wake to a full queue and claim side by side.
  const runAt = new Date(Date.now() + 2_000);
  for (let n = 0; n < SLOTS; n++) {
    // Each slot scheduled twice, as two servers would: still one job.
    for (let twice = 0; twice < 2; twice++)
      await scheduleJob(db.db, {
        id: `jobs.selftest:0:slot-${n}`,
        kind: 'jobs.selftest',
        organizationId: null,
        runAt,
      });
  }
  await expect
    .poll(
      async () => (await db.db.selectFrom('jobs').select('id').where('state', '=', 'done').execute()).length,
      { timeout: 20_000, interval: 200 },
    )
    .toBe(SLOTS);
  const runs = await db.db
    .selectFrom('audit_log')
    .select(['actor_label', 'after'])
    .where('action', '=', 'jobs.selftest')
    .execute();
  const perSlot = new Map<string, number>();
  for (const run of runs) {
    const { id } = JSON.parse(run.after ?? '{}') as { id: string };
    perSlot.set(id, (perSlot.get(id) ?? 0) + 1);
  }
  return { runs, perSlot };
}

describe('the job runner in real server processes', () => {
  it.skipIf(skipsPostgres())(
    'runs every slot exactly once when two servers share one PostgreSQL',
    async () => {
      const schema = `${process.env.DUBAN_TEST_RUN ?? 'tlocal'}_${randomBytes(5).toString('hex')}`;
      // Migrated here first, so the two servers start on a ready schema.
      database = await openDatabase({ url: testPostgresUrl, schema });
      const { runs, perSlot } = await runSlots(database, 2, {
        DATABASE_URL: testPostgresUrl,
        DATABASE_SCHEMA: schema,
        DUBAN_TEST_JOB_MS: '5',
      });
      expect(runs).toHaveLength(SLOTS);
      expect(perSlot.size).toBe(SLOTS);
      expect([...perSlot.values()].every((count) => count === 1)).toBe(true);
      // Both servers took part (else the test would not show they stay out of each other's way).
      expect(new Set(runs.map((r) => r.actor_label)).size).toBe(2);
      const attempts = await database.db.selectFrom('jobs').select('attempts').execute();
      expect(attempts.every((a) => a.attempts === 1)).toBe(true);
    },
    45_000,
  );

  it.skipIf(skipsPostgres())(
    "sends each of a day's reminders exactly once when two servers share one PostgreSQL",
    async () => {
      const schema = `${process.env.DUBAN_TEST_RUN ?? 'tlocal'}_${randomBytes(5).toString('hex')}`;
      database = await openDatabase({ url: testPostgresUrl, schema });
      // The Yunxi plan published on 2024-02-23 with the demo accounts; both servers wake at 09:00 on
      // 2024-06-12 (after the 08:30 slot), create the same daily slot and race to run it.
      await seedDemo(database);
      const env = {
        DATABASE_URL: testPostgresUrl,
        DATABASE_SCHEMA: schema,
        DUBAN_CLOCK: '2024-06-12T01:00:00Z',
        JOBS_INTERVAL_MS: '100',
      };
      servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
      const db = database.db;
      await expect
        .poll(
          async () =>
            (await db.selectFrom('jobs').select('state').where('kind', '=', 'reminders.daily').execute()).map(
              (j) => j.state,
            ),
          { timeout: 30_000, interval: 200 },
        )
        .toEqual(['done']);
      const job = await db
        .selectFrom('jobs')
        .selectAll()
        .where('kind', '=', 'reminders.daily')
        .executeTakeFirstOrThrow();
      expect(job.id).toMatch(/^reminders\.daily:\d+:2024-06-12$/);
      expect(job.attempts).toBe(1);
      const reminders = await db
        .selectFrom('reminders')
        .select(['recipient_user_id', 'channel', 'day'])
        .where('day', '=', '2024-06-12')
        .execute();
      expect(reminders.length).toBeGreaterThan(0);
      const keys = reminders.map((r) => `${r.recipient_user_id}/${r.channel}`);
      expect(new Set(keys).size).toBe(keys.length);
      const notifications = await db.selectFrom('notifications').select('user_id').execute();
      expect(new Set(notifications.map((n) => n.user_id)).size).toBe(notifications.length);
      expect(notifications.length).toBe(reminders.filter((r) => r.channel === 'inapp').length);
    },
    60_000,
  );

  it('runs every slot exactly once with the single server on SQLite', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'duban-jobs-'));
    const url = `sqlite:${join(dataDir, 'duban.db')}`;
    database = await openDatabase({ url });
    const { runs, perSlot } = await runSlots(database, 1, { DATABASE_URL: url, DUBAN_TEST_JOB_MS: '10' });
    expect(runs).toHaveLength(SLOTS);
    expect([...perSlot.values()].every((count) => count === 1)).toBe(true);
    expect(new Set(runs.map((r) => r.actor_label)).size).toBe(1);
  }, 45_000);
});
