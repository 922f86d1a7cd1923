import { readFileSync } from 'node:fs';
import type { DialectName } from '../src/db/connect.ts';
import { listLeaders } from '../src/db/queries/leaders.ts';
import { insertOrganization } from '../src/db/queries/organizations.ts';
import { listUnits } from '../src/db/queries/units.ts';
import { insertUser } from '../src/db/queries/users.ts';
import { type Context, systemActor } from '../src/domain/context.ts';
import { importNotice } from '../src/domain/import-notice.ts';
import { publishPlan } from '../src/domain/publish-plan.ts';
import { runDailyReminders } from '../src/domain/reminders/run-daily-reminders.ts';
import { openBenchDatabase, YUNXI_PATH } from './bench-database.ts';
import type { Benchmark, BenchRow } from './benchmark.ts';

// A full day's reminder run at city scale: 100 bureaus, each with the Yunxi plan published on
// 2024-02-23, an account for every department, leader and a supervisor; the run on 2024-06-12
// (the first working day after the Dragon Boat holiday) plans and writes every digest in-app.
const PLANS = Number(process.env.BENCH_REMINDER_PLANS ?? 100);
const DAY = '2024-06-12';

async function seedCity(dialect: DialectName) {
  const bench = await openBenchDatabase(dialect);
  const { database } = bench;
  const text = readFileSync(YUNXI_PATH, 'utf8');
  const organizations: number[] = [];
  const at = '2024-02-23T02:00:00Z';
  for (let i = 1; i <= PLANS; i++) {
    const organizationId = await insertOrganization(database.db, { name: `第${i}区县教育局`, createdAt: at });
    const ctx: Context = { ...database, actor: systemActor(organizationId), now: () => new Date(at) };
    const { planId } = await importNotice(ctx, { text }, { createUnits: true });
    await publishPlan(ctx, { planId });
    // Accounts without passwords (hashing 3,000 passwords would measure argon2, not reminders).
    const user = (username: string, roles: Parameters<typeof insertUser>[1]['roles'], extra = {}) =>
      insertUser(database.db, {
        organizationId,
        username: `${username}-${i}`,
        displayName: username,
        passwordHash: null,
        unitId: null,
        leaderId: null,
        roles,
        createdAt: at,
        ...extra,
      });
    for (const unit of await listUnits(database.db, organizationId))
      await user(`u${unit.id}`, ['department'], { unitId: unit.id });
    for (const leader of await listLeaders(database.db, organizationId))
      await user(`l${leader.id}`, ['leader'], { leaderId: leader.id });
    await user('duban', ['supervisor']);
    organizations.push(organizationId);
  }
  return { bench, organizations };
}

async function measure(dialect: DialectName): Promise<BenchRow[]> {
  const { bench, organizations } = await seedCity(dialect);
  try {
    const ctx: Context = {
      ...bench.database,
      actor: systemActor(organizations[0] ?? 0),
      now: () => new Date(`${DAY}T00:30:00Z`),
    };
    const rssBefore = process.memoryUsage().rss;
    const start = process.hrtime.bigint();
    let digests = 0;
    let notifications = 0;
    for (const organizationId of organizations) {
      const result = await runDailyReminders(ctx, { organizationId, day: DAY });
      digests += result.digests;
      notifications += result.inApp;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const rssMb = Math.max(process.memoryUsage().rss, rssBefore) / 1024 / 1024;
    return [
      {
        measure: `${dialect}: a day's reminders for ${organizations.length} plans (${digests} digests, ${notifications} in-app messages)`,
        value: `${seconds.toFixed(1)} s (${((seconds * 1000) / organizations.length).toFixed(0)} ms per plan), RSS ${rssMb.toFixed(0)} MB`,
        raw: { seconds, digests, notifications, plans: organizations.length, rssMb },
      },
    ];
  } finally {
    await bench.dispose();
  }
}

/** The daily reminder run at city scale on SQLite and PostgreSQL. */
export const remindersBenchmark: Benchmark = {
  name: 'reminders',
  async run() {
    return [...(await measure('sqlite')), ...(await measure('postgres'))];
  },
};
