import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_CLOCK, DEMO_PASSWORD, seedDemoYear } from '../../scripts/demo-data.ts';
import { loadActor } from '../../src/domain/accounts/load-actor.ts';
import { verifyPassword } from '../../src/domain/accounts/passwords.ts';
import { getRoundMonitor } from '../../src/domain/balance/round-monitor.ts';
import { getRound, listCollectionRounds } from '../../src/domain/balance/rounds.ts';
import { getBulletin } from '../../src/domain/bulletin/list-bulletins.ts';
import { computePlanLights } from '../../src/domain/compute-plan-lights.ts';
import type { Context } from '../../src/domain/context.ts';
import { getEvaluation } from '../../src/domain/evaluation/get-evaluation.ts';
import { describeEachDatabase } from '../support/databases.ts';

// `npm run demo`'s lived year: what a bureau leader sees first must look like a real year, not an
// empty one nor a perfect one.

describeEachDatabase(
  'the demo year (npm run demo)',
  (current) => {
    let year: Awaited<ReturnType<typeof seedDemoYear>>;
    const as = async (username: string): Promise<Context> => {
      const { db, dialect } = current();
      const user = await db
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      const actor = await loadActor(db, user.id);
      if (!actor) throw new Error(`${username} cannot act`);
      return { db, dialect, actor, now: () => new Date(DEMO_CLOCK) };
    };

    it('shows a spread of lights and a progress that is neither nothing nor everything', async () => {
      year = await seedDemoYear(current());
      expect(year.through).toBe('2024-06-30');
      const lights = await computePlanLights(await as('admin'), { planId: year.planId });
      for (const rows of [lights.items, lights.tasks]) {
        const colours = new Set(rows.map((r) => r.light));
        expect(colours).toContain('green');
        expect(colours.has('yellow') || colours.has('red')).toBe(true);
      }
      const itemLights = new Set(lights.items.map((i) => i.light));
      for (const light of ['green', 'yellow', 'red'] as const) expect(itemLights).toContain(light);
      expect(lights.plan.progress).toBeGreaterThan(0);
      expect(lights.plan.progress).toBeLessThan(1);
      // Most tasks are in order; what lags is the exception.
      const green = lights.tasks.filter((t) => t.light === 'green').length;
      expect(green).toBeGreaterThan(lights.tasks.length / 2);
    });

    it('previews an evaluation with different scores and the silent units last', async () => {
      const evaluation = await getEvaluation(await as('admin'), year.planId);
      expect(evaluation.locked).toBeNull();
      for (const group of [evaluation.departments, evaluation.schools]) {
        const ranked = group.filter((u) => u.ranked);
        expect(ranked[0]?.rank).toBe(1);
        const silentFrom = ranked.findIndex((u) => u.silent);
        if (silentFrom >= 0) expect(ranked.slice(silentFrom).every((u) => u.silent)).toBe(true);
      }
      const totals = [...evaluation.departments, ...evaluation.schools]
        .filter((u) => u.ranked)
        .map((u) => u.total);
      expect(new Set(totals).size).toBeGreaterThanOrEqual(3);
      expect(
        [...evaluation.departments, ...evaluation.schools].filter((u) => u.silent).length,
      ).toBeGreaterThan(0);
    });

    it('has completions in reports and on their own, with files, values and milestones', async () => {
      const { db } = current();
      const completions = await db
        .selectFrom('occurrences')
        .innerJoin('indicators', 'indicators.id', 'occurrences.indicator_id')
        .leftJoin('evidence', (join) =>
          join.onRef('evidence.owner_id', '=', 'occurrences.id').on('evidence.owner_type', '=', 'occurrence'),
        )
        .select([
          'occurrences.report_id',
          'occurrences.state',
          'occurrences.value',
          'occurrences.milestone',
          'indicators.kind',
          'evidence.id as evidenceId',
        ])
        .execute();
      const inReports = completions.filter((c) => c.report_id !== null);
      expect(inReports.some((c) => c.state === 'accepted' && c.evidenceId !== null)).toBe(true);
      expect(completions.some((c) => c.report_id === null && c.state === 'accepted')).toBe(true);
      const percent = completions.filter((c) => c.kind === 'percent');
      expect(percent.length).toBeGreaterThan(0);
      expect(percent.every((c) => c.value !== null && c.value > 0 && c.value <= 100)).toBe(true);
      expect(completions.some((c) => c.kind === 'project' && c.milestone !== null)).toBe(true);
      // A deliverable is its document: never without a file.
      expect(completions.filter((c) => c.kind === 'deliverable' && c.evidenceId === null)).toEqual([]);
    });

    it('leaves 办公室 a returned report to file again, with the reason, and reports waiting for review', async () => {
      const { db } = current();
      const office = await as('bangongshi');
      const returned = await db
        .selectFrom('reports')
        .innerJoin('reviews', (join) =>
          join.onRef('reviews.target_id', '=', 'reports.id').on('reviews.target_type', '=', 'report'),
        )
        .select(['reports.id', 'reviews.comment', 'reviews.decision'])
        .where('reports.unit_id', '=', office.actor.unitId)
        .where('reports.state', '=', 'returned')
        .execute();
      expect(returned.length).toBeGreaterThan(0);
      expect(returned.every((r) => r.decision === 'return' && r.comment.length > 0)).toBe(true);
      const told = await db
        .selectFrom('notifications')
        .select(['title', 'body', 'read_at'])
        .where('user_id', '=', office.actor.userId)
        .where('kind', '=', 'report_returned')
        .where('read_at', 'is', null)
        .execute();
      expect(told.length).toBeGreaterThan(0);
      expect(told.some((n) => returned.some((r) => n.body.includes(r.comment)))).toBe(true);
      // Reports wait for review (待审核), one of them with a completion to review with it.
      const waiting = await db
        .selectFrom('reports')
        .leftJoin('occurrences', 'occurrences.report_id', 'reports.id')
        .select(['reports.id', 'occurrences.id as completionId', 'occurrences.state as completionState'])
        .where('reports.state', '=', 'submitted')
        .execute();
      expect(new Set(waiting.map((w) => w.id)).size).toBeGreaterThan(5);
      expect(waiting.some((w) => w.completionId !== null && w.completionState === 'submitted')).toBe(true);
    });

    it('has June’s bulletin drafted and every demo account signs in with the demo password', async () => {
      expect(year.bulletinId).toBeDefined();
      const bulletin = await getBulletin(await as('admin'), year.bulletinId ?? 0);
      expect(bulletin.month).toBe('2024-06');
      expect(bulletin.state).toBe('draft');
      expect(bulletin.asOf).toBe('2024-06-30');
      const { db } = current();
      for (const { username } of DEMO_ACCOUNTS) {
        const user = await db
          .selectFrom('users')
          .select('password_hash')
          .where('username', '=', username)
          .executeTakeFirstOrThrow();
        expect(await verifyPassword(user.password_hash, DEMO_PASSWORD)).toBe(true);
      }
    });

    it('has spring’s 差异系数 round locked on item 13 and June’s open, the demo 小学 asked to correct', async () => {
      const rounds = await listCollectionRounds(await as('admin'));
      expect(rounds.map((r) => [r.name, r.status, r.task?.itemNo])).toEqual([
        ['2024年6月复测', 'open', 13],
        ['2024年春季学期', 'locked', 13],
      ]);
      const spring = await getRoundMonitor(await as('admin'), rounds[1]?.id ?? 0);
      // What keeps the county from 优质均衡, and a few schools short of the 6-of-7 rule: a real county.
      expect(spring.result.blockers.map((b) => b.text)).toEqual([
        expect.stringMatching(/^初中体育运动场馆面积差异系数/),
      ]);
      const failing = spring.result.schools.filter((s) => !s.pass).length;
      expect(failing).toBeGreaterThan(0);
      expect(failing).toBeLessThan(spring.result.schools.length / 4);
      const june = rounds[0];
      expect(june?.counts.returned).toBe(1);
      expect((june?.counts.submitted ?? 0) + (june?.counts.accepted ?? 0)).toBeGreaterThan(
        (june?.counts.schools ?? 0) / 2,
      );
      const mine = await getRound(await as('xiaoxue'), june?.id ?? 0);
      expect(mine.rows.map((r) => r.status)).toEqual(['returned']);
      expect(mine.rows[0]?.returnReason).toContain('体育运动场馆面积');
    });
  },
  { fresh: 'all' },
);
