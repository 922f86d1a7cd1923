import { expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase } from '../../test/support/databases.ts';
import type { Database } from '../db/connect.ts';
import { loadActor } from '../domain/accounts/load-actor.ts';
import { computePlanLights } from '../domain/compute-plan-lights.ts';
import { shanghaiDate, systemActor } from '../domain/context.ts';
import { AppError } from '../domain/errors.ts';
import { getEvaluation } from '../domain/evaluation/get-evaluation.ts';
import { reviewReport } from '../domain/review-report.ts';
import { submitReport } from '../domain/submit-report.ts';
import { generatePlanYear } from './plan-year.ts';
import { seedYunxiYear } from './yunxi-bureau.ts';

// The year generator on the Yunxi plan (30 departments, 60 schools) through 2024-12-31.

/** Thrown to roll a transaction back on purpose. */
class Rollback extends Error {}

function generatedYunxi(database: Database, seed: number) {
  return seedYunxiYear(database, { seed, through: '2024-12-31' });
}

async function dump(database: Database) {
  const { db } = database;
  return {
    reports: await db.selectFrom('reports').selectAll().orderBy('id').execute(),
    occurrences: await db.selectFrom('occurrences').selectAll().orderBy('id').execute(),
    reviews: await db.selectFrom('reviews').selectAll().orderBy('id').execute(),
    tasks: await db.selectFrom('tasks').selectAll().orderBy('id').execute(),
    audit: await db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'before', 'after', 'created_at'])
      .orderBy('id')
      .execute(),
  };
}

// Every completion filed with a report, beside its report, and both's reviews in the order given.
async function reportCompletions(database: Database) {
  const { db } = database;
  const rows = await db
    .selectFrom('occurrences')
    .innerJoin('reports', 'reports.id', 'occurrences.report_id')
    .innerJoin('indicators', 'indicators.id', 'occurrences.indicator_id')
    .select([
      'occurrences.id',
      'occurrences.state',
      'occurrences.version',
      'occurrences.unit_id',
      'occurrences.occurred_on',
      'occurrences.created_at',
      'occurrences.created_by',
      'indicators.task_id as indicatorTask',
      'reports.id as reportId',
      'reports.state as reportState',
      'reports.version as reportVersion',
      'reports.unit_id as reportUnit',
      'reports.task_id as reportTask',
      'reports.period',
      'reports.revision',
    ])
    .orderBy('occurrences.id')
    .execute();
  const reviews = await db
    .selectFrom('reviews')
    .select(['target_type', 'target_id', 'decision', 'comment', 'reviewer_id', 'created_at'])
    .orderBy('id')
    .execute();
  const of = (type: string, id: number) =>
    reviews
      .filter((r) => r.target_type === type && r.target_id === id)
      .map(({ decision, comment, reviewer_id, created_at }) => ({
        decision,
        comment,
        reviewer_id,
        created_at,
      }));
  return rows.map((row) => ({
    ...row,
    reviews: of('occurrence', row.id),
    reportReviews: of('report', row.reportId),
  }));
}

const count = async (
  database: Database,
  table: 'reports' | 'occurrences' | 'reviews' | 'users' | 'evidence',
) =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describeEachDatabase(
  'generatePlanYear on Yunxi through 2024-12-31',
  (current, dialect) => {
    let yunxi: Awaited<ReturnType<typeof generatedYunxi>>;

    it('fills the year with plausible numbers of reports, occurrences and reviews', async () => {
      yunxi = await generatedYunxi(current(), 11);
      const { counts } = yunxi;
      // 23 department tasks with 43 owners and 300 school copies, about ten months each.
      expect(counts.reports).toBeGreaterThan(2_800);
      expect(counts.reports).toBeLessThan(3_500);
      expect(counts.occurrences).toBeGreaterThan(20);
      expect(counts.reviews).toBeGreaterThan(counts.reports * 0.9);
      expect(await count(current(), 'reports')).toBe(counts.reports);
      expect(await count(current(), 'occurrences')).toBe(counts.occurrences);
      expect(await count(current(), 'evidence')).toBeGreaterThan(0);
      const { db } = current();
      const states = await db
        .selectFrom('reports')
        .select(['state', (eb) => eb.fn.countAll().as('n')])
        .groupBy('state')
        .execute();
      const byState = Object.fromEntries(states.map((s) => [s.state, Number(s.n)]));
      expect(byState.accepted).toBeGreaterThan(counts.reports * 0.9);
      // Some returned and re-filed: revision 2 exists, and a returned review for each.
      const refiled = await db.selectFrom('reports').select('id').where('revision', '=', 2).execute();
      expect(refiled.length).toBeGreaterThan(0);
      const done = await db.selectFrom('tasks').select('id').where('status', '=', 'done').execute();
      expect(done.length).toBeGreaterThan(0);
    });

    it('files completions inside the unit’s report of their month, reviewed with it; the rest on their own', async () => {
      const { db } = current();
      const filed = await reportCompletions(current());
      expect(filed.length).toBeGreaterThan(10);
      for (const c of filed) {
        // The report's unit, task and month; filed with its first filing, which came after the day.
        expect([c.unit_id, c.indicatorTask, c.occurred_on.slice(0, 7)]).toEqual([
          c.reportUnit,
          c.reportTask,
          c.period,
        ]);
        // Where the report ends, the completion ends: same state, a version bumped by each review
        // and each re-filing, and one review of its own per review of the report, the same decision.
        expect([c.state, c.version]).toEqual([c.reportState, c.reportVersion]);
        expect(c.reviews).toEqual(c.reportReviews);
      }
      // Some were returned with their report and filed again with it.
      expect(filed.some((c) => c.reviews.length === 2 && c.reviews[0]?.decision === 'return')).toBe(true);
      const own = await db
        .selectFrom('occurrences')
        .select(['id', 'state'])
        .where('report_id', 'is', null)
        .execute();
      expect(own.length).toBeGreaterThan(5);
      // Evidence on completions in reports and on their own; a project's milestones on their days.
      const evidence = await db
        .selectFrom('evidence')
        .innerJoin('occurrences', 'occurrences.id', 'evidence.owner_id')
        .select(['occurrences.report_id'])
        .where('evidence.owner_type', '=', 'occurrence')
        .execute();
      expect(evidence.some((e) => e.report_id !== null)).toBe(true);
      expect(evidence.some((e) => e.report_id === null)).toBe(true);
      const milestones = await db
        .selectFrom('occurrences')
        .innerJoin('indicators', 'indicators.id', 'occurrences.indicator_id')
        .select(['indicators.kind', 'occurrences.milestone'])
        .where('occurrences.milestone', 'is not', null)
        .execute();
      expect(new Set(milestones.map((m) => m.milestone))).toEqual(new Set(['started', 'built', 'completed']));
      expect(milestones.every((m) => m.kind === 'project')).toBe(true);
      // The unit hears of every return of its report (one account per unit here), unread until it files again.
      const returns = await db
        .selectFrom('reviews')
        .select('id')
        .where('target_type', '=', 'report')
        .where('decision', '=', 'return')
        .execute();
      const notices = await db
        .selectFrom('notifications')
        .select(['kind', 'link', 'read_at'])
        .where('kind', '=', 'report_returned')
        .execute();
      expect(notices).toHaveLength(returns.length);
      expect(notices.every((n) => n.link === '/workbench?tab=returned')).toBe(true);
      const waiting = await db.selectFrom('reports').select('id').where('state', '=', 'returned').execute();
      expect(notices.filter((n) => n.read_at === null)).toHaveLength(waiting.length);
    });

    it('files every report for a task its unit owns, by that unit’s account, within the plan year', async () => {
      const { db } = current();
      const strays = await db
        .selectFrom('reports')
        .leftJoin('task_units', (join) =>
          join
            .onRef('task_units.task_id', '=', 'reports.task_id')
            .onRef('task_units.unit_id', '=', 'reports.unit_id'),
        )
        .innerJoin('users', 'users.id', 'reports.submitted_by')
        .select([
          'reports.id',
          'task_units.unit_id as owner',
          'users.unit_id as filer',
          'reports.unit_id',
          'reports.period',
        ])
        .execute();
      expect(strays.filter((r) => r.owner === null || r.filer !== r.unit_id)).toEqual([]);
      expect(strays.every((r) => r.period >= '2024-01' && r.period <= '2024-12')).toBe(true);
      const audits = await db
        .selectFrom('audit_log')
        .select(['action', (eb) => eb.fn.countAll().as('n')])
        .where('action', 'like', 'report.%')
        .groupBy('action')
        .execute();
      const byAction = Object.fromEntries(audits.map((a) => [a.action, Number(a.n)]));
      expect(byAction['report.submit']).toBe(yunxi.counts.reports);
      expect(byAction['report.return']).toBeGreaterThan(0);
      // Tasks are acknowledged (签收) by an account of their lead unit, the version bumped with it.
      const acknowledged = await db
        .selectFrom('tasks')
        .innerJoin('users', 'users.id', 'tasks.acknowledged_by')
        .select(['tasks.lead_unit_id', 'users.unit_id', 'tasks.version', 'tasks.status'])
        .execute();
      const tasks = await db.selectFrom('tasks').select('id').execute();
      expect(acknowledged.length).toBeGreaterThan(tasks.length * 0.85);
      expect(acknowledged.filter((t) => t.lead_unit_id !== t.unit_id)).toEqual([]);
      expect(acknowledged.filter((t) => t.version < 2)).toEqual([]);
    });

    it('gives lights with a plausible mix of green, yellow and red', async () => {
      const ctx = {
        db: current().db,
        dialect,
        actor: systemActor(yunxi.organizationId),
        now: () => new Date('2025-01-02T02:00:00Z'),
      };
      for (const asOf of ['2024-06-15', '2024-12-31']) {
        const lights = await computePlanLights(ctx, { planId: yunxi.planId, asOf });
        const mix = new Map<string, number>();
        for (const task of lights.tasks) mix.set(task.light, (mix.get(task.light) ?? 0) + 1);
        expect(mix.get('green') ?? 0).toBeGreaterThan(0);
        expect(mix.get('red') ?? 0).toBeGreaterThan(0);
        expect((mix.get('red') ?? 0) / lights.tasks.length).toBeLessThan(0.5);
      }
      const june = await computePlanLights(ctx, { planId: yunxi.planId, asOf: '2024-06-15' });
      expect(june.tasks.filter((t) => t.light === 'green').length).toBeGreaterThan(june.tasks.length / 2);
    });

    it('leaves data the use cases accept: a returned report re-filed, a submitted one reviewed', async () => {
      const { db } = current();
      const returned = await db
        .selectFrom('reports')
        .select(['id', 'task_id', 'period', 'submitted_by', 'version'])
        .where('state', '=', 'returned')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const pending = await db
        .selectFrom('reports')
        .select(['id', 'version'])
        .where('state', '=', 'submitted')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const clock = () => new Date('2025-01-03T02:00:00Z');
      const owner = await loadActor(db, returned.submitted_by as number);
      if (!owner) throw new Error('the filer of a generated report cannot act');
      const refiled = await submitReport(
        { db, dialect, actor: owner, now: clock },
        {
          taskId: returned.task_id,
          period: returned.period,
          selfStatus: 'on_track',
          percent: 90,
          narrative: '已按意见补充',
        },
      );
      expect(refiled).toMatchObject({ reportId: returned.id, version: returned.version + 1 });
      const reviewed = await reviewReport(
        { db, dialect, actor: systemActor(yunxi.organizationId), now: clock },
        { reportId: pending.id, decision: 'accept', version: pending.version },
      );
      expect(reviewed).toMatchObject({ state: 'accepted', version: pending.version + 1 });
    });

    it('leaves a report returned with its completions counting nowhere until it is filed again and accepted', async () => {
      // The day a report with completions was returned, in this year; generated again up to that day,
      // the report waits to be filed again.
      const returned = (await reportCompletions(current())).find((c) => c.reviews[0]?.decision === 'return');
      if (!returned) throw new Error('no report with completions was returned in the generated year');
      const day = shanghaiDate(new Date(returned.reviews[0]?.created_at ?? ''));
      const database = await openTestDatabase(dialect);
      try {
        const { db } = database;
        const { organizationId, planId } = await seedYunxiYear(database, { seed: 11, through: day });
        const report = await db
          .selectFrom('reports')
          .select(['id', 'state', 'version', 'submitted_by'])
          .where('task_id', '=', returned.reportTask)
          .where('unit_id', '=', returned.reportUnit)
          .where('period', '=', returned.period)
          .executeTakeFirstOrThrow();
        expect(report.state).toBe('returned');
        const completions = await db
          .selectFrom('occurrences')
          .selectAll()
          .where('report_id', '=', report.id)
          .orderBy('id')
          .execute();
        expect(completions.length).toBeGreaterThan(0);
        expect(completions.every((c) => c.state === 'returned')).toBe(true);
        // Counting nowhere: the lights and the evaluation are the same without them.
        const clock = () => new Date(`${day}T09:00:00Z`);
        const ctx = { db, dialect, actor: systemActor(organizationId), now: clock };
        const read = async (on: typeof db) => {
          const lights = await computePlanLights({ ...ctx, db: on }, { planId, asOf: day });
          const evaluation = await getEvaluation({ ...ctx, db: on }, planId);
          return [
            lights.plan.progress,
            ...lights.tasks.map((t) => [t.taskId, t.light, t.credited, t.owed, t.reason]),
            ...[...evaluation.departments, ...evaluation.schools].map((u) => [
              u.unitId,
              u.total,
              u.completion,
            ]),
          ];
        };
        const withThem = await read(db);
        await db
          .transaction()
          .execute(async (trx) => {
            await trx.deleteFrom('occurrences').where('report_id', '=', report.id).execute();
            expect(await read(trx)).toEqual(withThem);
            throw new Rollback();
          })
          .catch((error: unknown) => {
            if (!(error instanceof Rollback)) throw error;
          });
        // Filed again with them, and accepted: they count from then on.
        const owner = await loadActor(db, report.submitted_by as number);
        if (!owner) throw new Error('the filer of a generated report cannot act');
        const later = () => new Date(`${day}T10:00:00Z`);
        await submitReport(
          { db, dialect, actor: owner, now: later },
          {
            taskId: returned.reportTask,
            period: returned.period,
            selfStatus: 'on_track',
            percent: 50,
            narrative: '已按意见补充',
            completions: completions.map((c) => ({
              occurrenceId: c.id,
              indicatorId: c.indicator_id,
              occurredOn: c.occurred_on,
              note: c.note,
              value: c.value,
              milestone: c.milestone,
            })),
          },
        );
        const accepted = await reviewReport(
          { db, dialect, actor: systemActor(organizationId), now: later },
          { reportId: report.id, decision: 'accept' },
        );
        expect(accepted.completions).toEqual(completions.map((c) => c.id));
        const after = await db
          .selectFrom('occurrences')
          .select('state')
          .where('report_id', '=', report.id)
          .execute();
        expect(after.every((c) => c.state === 'accepted')).toBe(true);
      } finally {
        await database.close();
      }
    });

    it('refuses a plan that already has reports, and a day that is not a date', async () => {
      await expect(
        generatePlanYear(current(), { planId: yunxi.planId, through: '2024-12-31' }),
      ).rejects.toThrow('已有填报数据');
      await expect(
        generatePlanYear(current(), { planId: yunxi.planId, through: '2024-13-01' }),
      ).rejects.toBeInstanceOf(AppError);
    });

    it('is deterministic: the same seed on a fresh database gives the same rows', async () => {
      const other = await openTestDatabase(dialect);
      try {
        const fresh = await openTestDatabase(dialect);
        try {
          await generatedYunxi(fresh, 11);
          await generatedYunxi(other, 11);
          expect(await dump(other)).toEqual(await dump(fresh));
        } finally {
          await fresh.close();
        }
      } finally {
        await other.close();
      }
    });
  },
  { fresh: 'all' },
);
