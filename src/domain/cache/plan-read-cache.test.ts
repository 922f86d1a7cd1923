import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase, testPostgresUrl } from '../../../test/support/databases.ts';
import { addOrganization, addUser, contextFor } from '../../../test/support/factories.ts';
import { testApp } from '../../../test/support/http.ts';
import { seedWorkflow, type WorkflowFixture } from '../../../test/support/workflow-fixture.ts';
import { type Database, openDatabase } from '../../db/connect.ts';
import { readPlanVersions } from '../../db/queries/data-versions.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { setCalendarDay } from '../calendar/edit-calendar-day.ts';
import type { Context } from '../context.ts';
import { getDashboard, getDashboardJson } from '../dashboard/get-dashboard.ts';
import { decideExtension } from '../decide-extension.ts';
import { editTask } from '../edit-task.ts';
import { getPlanTree, getPlanTreeJson } from '../get-plan-tree.ts';
import { setTaskReporting } from '../reporting/set-reporting-override.ts';
import { requestExtension } from '../request-extension.ts';
import { reviewReport } from '../review-report.ts';
import { updateReportingSettings } from '../settings.ts';
import { submitReport } from '../submit-report.ts';

async function taskVersion(ctx: Context, taskId: number): Promise<number> {
  const row = await ctx.db
    .selectFrom('tasks')
    .select('version')
    .where('id', '=', taskId)
    .executeTakeFirstOrThrow();
  return row.version;
}

/** The cached answers (tree and dashboard) and, computed afresh beside them, what they must equal. */
async function reads(ctx: Context, planId: number) {
  const tree = await getPlanTreeJson(ctx, { planId });
  const dashboard = await getDashboardJson(ctx, { planId });
  return {
    tree: tree.body.toString('utf8'),
    dashboard: dashboard.body.toString('utf8'),
    etag: tree.etag,
    freshTree: JSON.stringify(await getPlanTree(ctx, { planId })),
    freshDashboard: JSON.stringify(await getDashboard(ctx, { planId })),
  };
}

async function report(f: WorkflowFixture, period = '2024-05') {
  return submitReport(f.as(f.actors.office), {
    taskId: f.taskId,
    period,
    selfStatus: 'at_risk',
    percent: 40,
    narrative: '已开展两次学习。',
  });
}

describeEachDatabase('plan read cache', (current) => {
  // Each kind of write that can change a plan's tree, lights or dashboard: after it, the cached
  // answers equal a fresh computation (and the write did change something, so the check bites).
  const writes: Array<[string, (f: WorkflowFixture) => Promise<unknown>]> = [
    ['a report', (f) => report(f)],
    [
      'a review',
      async (f) => {
        const { reportId } = await report(f);
        // Read in between so the cache holds the submitted state the review must replace.
        await reads(f.as(f.actors.supervisor), f.planId);
        await reviewReport(f.as(f.actors.supervisor), { reportId, decision: 'accept' });
      },
    ],
    [
      'a task edit',
      async (f) => {
        const ctx = f.as(f.actors.supervisor);
        await editTask(ctx, {
          taskId: f.taskId,
          version: await taskVersion(ctx, f.taskId),
          dueOn: '2024-06-30',
        });
      },
    ],
    [
      'an approved extension',
      async (f) => {
        const ctx = f.as(f.actors.supervisor);
        await editTask(ctx, {
          taskId: f.taskId,
          version: await taskVersion(ctx, f.taskId),
          dueOn: '2024-06-30',
        });
        // Read in between so the cache holds the edited due date the extension must replace.
        await reads(ctx, f.planId);
        const { extensionId } = await requestExtension(f.as(f.actors.office), {
          taskId: f.taskId,
          reason: '等待上级文件',
          newDueOn: '2024-09-30',
        });
        await decideExtension(f.as(f.actors.leader), { extensionId, decision: 'approve' });
      },
    ],
    [
      "the organization's reporting setting",
      (f) => updateReportingSettings(f.as(f.actors.admin), { cycle: 'quarter', dueDay: 10 }),
    ],
    [
      "a task's own reporting rule",
      (f) => setTaskReporting(f.as(f.actors.supervisor), f.taskId, { cycle: 'quarter', dueDay: null }),
    ],
  ];

  for (const [name, change] of writes) {
    it(`serves fresh answers after ${name}`, async () => {
      const f = await seedWorkflow(current());
      const ctx = f.as(f.actors.supervisor);
      const before = await reads(ctx, f.planId);
      expect(before.tree).toBe(before.freshTree);
      expect(before.dashboard).toBe(before.freshDashboard);
      await change(f);
      const after = await reads(ctx, f.planId);
      expect(after.tree).toBe(after.freshTree);
      expect(after.dashboard).toBe(after.freshDashboard);
      expect(after.tree !== before.tree || after.dashboard !== before.dashboard).toBe(true);
    });
  }

  it('answers from the cache while nothing changed, with the same bytes and ETag', async () => {
    const f = await seedWorkflow(current());
    const ctx = f.as(f.actors.supervisor);
    const first = await getPlanTreeJson(ctx, { planId: f.planId });
    const second = await getPlanTreeJson(ctx, { planId: f.planId });
    expect(second.body).toBe(first.body);
    expect(second.etag).toBe(first.etag);
    // Another day is another answer (lights are as of a day).
    f.clock.set('2024-05-11T02:00:00Z');
    expect((await getPlanTreeJson(ctx, { planId: f.planId })).body).not.toBe(first.body);
  });

  it('keeps what each kind of reader may see apart', async () => {
    const f = await seedWorkflow(current());
    const whole = await getPlanTreeJson(f.as(f.actors.supervisor), { planId: f.planId });
    const office = await getPlanTreeJson(f.as(f.actors.office), { planId: f.planId });
    const personnel = await getPlanTreeJson(f.as(f.actors.personnel), { planId: f.planId });
    expect(office.body.toString()).toBe(
      JSON.stringify(await getPlanTree(f.as(f.actors.office), { planId: f.planId })),
    );
    expect(personnel.body.toString()).toBe(
      JSON.stringify(await getPlanTree(f.as(f.actors.personnel), { planId: f.planId })),
    );
    expect(new Set([whole.etag, office.etag, personnel.etag]).size).toBe(3);
  });

  it('renews the versions of every plan when the shared holiday calendar changes', async () => {
    const f = await seedWorkflow(current());
    const { db } = current();
    // An administrator of another organization edits the calendar every organization shares.
    const elsewhere = await addOrganization(db, '另一个教育局');
    const admin = await addUser(db, elsewhere, 'admin2', ['admin']);
    const before = await readPlanVersions(db, f.planId);
    await setCalendarDay(contextFor(current(), admin, f.clock), '2024-05-13', {
      kind: 'holiday',
      name: '测试假日',
    });
    const after = await readPlanVersions(db, f.planId);
    expect(after?.versions).not.toBe(before?.versions);
    const ctx = f.as(f.actors.supervisor);
    expect((await getPlanTreeJson(ctx, { planId: f.planId })).body.toString()).toBe(
      JSON.stringify(await getPlanTree(ctx, { planId: f.planId })),
    );
  });

  it('leaves an unknown plan to its NOT_FOUND answer and caches nothing inside a transaction', async () => {
    const f = await seedWorkflow(current());
    const ctx = f.as(f.actors.supervisor);
    await expect(getPlanTreeJson(ctx, { planId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await current()
      .db.transaction()
      .execute(async (trx) => {
        // SQLite has one connection: everything inside runs on the transaction.
        const inside = await getPlanTreeJson({ ...ctx, db: trx }, { planId: f.planId });
        expect(inside.body.toString()).toBe(
          JSON.stringify(await getPlanTree({ ...ctx, db: trx }, { planId: f.planId })),
        );
      });
  });
});

describe('plan read cache across two servers on one PostgreSQL', () => {
  it('a write through one server is seen by the other at once, with a new ETag', async () => {
    let first: Database | undefined;
    let second: Database | undefined;
    try {
      first = await openDatabase({ url: testPostgresUrl, schema: `tcache_${Date.now().toString(36)}` });
    } catch {
      // describeEachDatabase already warned that PostgreSQL is unavailable here.
      return;
    }
    try {
      const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(first.db))
        .rows[0]?.schema;
      second = await openDatabase({ url: testPostgresUrl, schema });
      const f = await seedWorkflow(first);
      const appA = await testApp(first, { now: f.clock.now });
      const appB = await testApp(second, { now: f.clock.now });
      try {
        const { token } = await createApiToken(
          f.as(f.actors.supervisor),
          f.actors.supervisor.userId ?? 0,
          '测试',
        );
        const get = (app: typeof appA, etag?: string) =>
          app.inject({
            url: `/api/plans/${f.planId}`,
            headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) },
          });
        const before = await get(appA);
        expect(before.statusCode).toBe(200);
        const etag = String(before.headers.etag);
        expect((await get(appA, etag)).statusCode).toBe(304);
        // The write goes through the other server's database handle.
        const ctxB: Context = { ...f.as(f.actors.supervisor), db: second.db };
        await editTask(ctxB, {
          taskId: f.taskId,
          version: await taskVersion(ctxB, f.taskId),
          dueOn: '2024-06-30',
        });
        const after = await get(appA, etag);
        expect(after.statusCode).toBe(200);
        expect(after.headers.etag).not.toBe(etag);
        expect(after.body).toBe(
          JSON.stringify(await getPlanTree(f.as(f.actors.supervisor), { planId: f.planId })),
        );
        expect((await get(appB)).body).toBe(after.body);
        // Browsers get the same bytes gzipped.
        const zipped = await appA.inject({
          url: `/api/plans/${f.planId}`,
          headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate, br' },
        });
        expect(zipped.headers['content-encoding']).toBe('gzip');
        expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(after.body);
      } finally {
        await appA.close();
        await appB.close();
      }
    } finally {
      const schema =
        first &&
        (await sql<{ schema: string }>`select current_schema() as schema`.execute(first.db)).rows[0]?.schema;
      await second?.close();
      if (first && schema) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(first.db);
      await first?.close();
    }
  });
});
