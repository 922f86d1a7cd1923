import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/connect.ts';
import { scheduleJob } from '../../src/jobs/schedule-job.ts';
import { skipsPostgres, testPostgresUrl } from '../support/databases.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import {
  type Acknowledged,
  expectWholeAndAcknowledged,
  type Filing,
  fileReport,
  login,
  type Session,
  type Slot,
  seedClerks,
} from './support.ts';

// Two `duban serve` processes on one PostgreSQL, as behind a load balancer: clerks file reports
// through either one with a session made on the other, while both job runners race for the same
// queue. Every filing is accepted, every job slot runs exactly once.

const selftestModule = new URL('../../src/jobs/testing/selftest-job.ts', import.meta.url).pathname;
const FILINGS = 48;
const JOB_SLOTS = 60;

let servers: ServerProcess[] = [];
let database: Database | undefined;
afterEach(async () => {
  for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  servers = [];
  await database?.close();
  database = undefined;
});

describe('two servers on one PostgreSQL under load', () => {
  it.skipIf(skipsPostgres())(
    'accepts a session made on one server on the other and runs each job once',
    async () => {
      const schema = `${process.env.DUBAN_TEST_RUN ?? 'tlocal'}_${randomBytes(5).toString('hex')}`;
      database = await openDatabase({ url: testPostgresUrl, schema });
      const slots = await seedClerks(database);
      // No DUBAN_CLOCK: the job slots below are due by the real clock; every 2024 month is past.
      const env = {
        DATABASE_URL: testPostgresUrl,
        DATABASE_SCHEMA: schema,
        JOBS_INTERVAL_MS: '100',
        DUBAN_TEST_JOB_MODULE: selftestModule,
        DUBAN_TEST_JOB_MS: '5',
      };
      servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
      const urls = servers.map((s) => s.url);
      // Half the clerks log in on the first server, half on the second.
      const sessions = new Map<string, Session>();
      const usernames = [...new Set(slots.map((s) => s.username))];
      for (const [i, username] of usernames.entries())
        sessions.set(username, await login(urls[i % 2] as string, username));

      const runAt = new Date(Date.now() + 1_000);
      for (let n = 0; n < JOB_SLOTS; n++)
        for (let twice = 0; twice < 2; twice++)
          await scheduleJob(database.db, {
            id: `jobs.selftest:0:two-servers-${n}`,
            kind: 'jobs.selftest',
            organizationId: null,
            runAt,
          });

      const filings: Filing[] = [];
      let next = 0;
      const worker = async () => {
        while (next < FILINGS) {
          const index = next++;
          const slot = slots[index] as Slot;
          // Each filing goes to the server its clerk did not log in on, half the time.
          const url = urls[(usernames.indexOf(slot.username) + index) % 2] as string;
          filings.push(await fileReport(url, sessions.get(slot.username) ?? {}, slot, `two-${index}`));
        }
      };
      await Promise.all(Array.from({ length: 6 }, worker));
      const refused = filings.filter((f) => f.kind !== 'stored');
      expect(refused).toEqual([]);

      const db = database.db;
      await expect
        .poll(
          async () =>
            (
              await db
                .selectFrom('jobs')
                .select('id')
                .where('kind', '=', 'jobs.selftest')
                .where('state', '=', 'done')
                .execute()
            ).length,
          { timeout: 30_000, interval: 200 },
        )
        .toBe(JOB_SLOTS);
      const runs = await db
        .selectFrom('audit_log')
        .select(['actor_label', 'after'])
        .where('action', '=', 'jobs.selftest')
        .execute();
      const perSlot = new Map<string, number>();
      for (const run of runs) {
        const { id } = JSON.parse(run.after ?? '{}') as { id: string };
        perSlot.set(id, (perSlot.get(id) ?? 0) + 1);
      }
      expect(perSlot.size).toBe(JOB_SLOTS);
      expect([...perSlot.values()].every((count) => count === 1)).toBe(true);
      const daily = await db
        .selectFrom('jobs')
        .select(['id', 'attempts'])
        .where('kind', '!=', 'jobs.selftest')
        .execute();
      expect(daily.every((job) => job.attempts <= 1)).toBe(true);

      for (const server of servers) server.child.kill('SIGTERM');
      expect(await Promise.all(servers.map((s) => s.exited))).toEqual([0, 0]);
      const acknowledged = filings.flatMap((f): Acknowledged[] => (f.kind === 'stored' ? [f.report] : []));
      expect(acknowledged).toHaveLength(FILINGS);
      await expectWholeAndAcknowledged(database, acknowledged);
    },
    120_000,
  );
});
