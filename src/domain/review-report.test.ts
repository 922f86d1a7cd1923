import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { expectRefused, seedWorkflow } from '../../test/support/workflow-fixture.ts';
import { reviewReport } from './review-report.ts';
import { submitReport } from './submit-report.ts';

const filing = { period: '2024-04', selfStatus: 'at_risk' as const, percent: 30, narrative: '进度略慢' };

describeEachDatabase('reviewReport', (current) => {
  it("lets the item's leader accept and a supervisor return with a reason", async () => {
    const f = await seedWorkflow(current());
    const a = await submitReport(f.as(f.actors.office), { taskId: f.taskId, ...filing });
    const b = await submitReport(f.as(f.actors.approval), { taskId: f.taskId, ...filing });
    expect(
      await reviewReport(f.as(f.actors.leader), { reportId: a.reportId, decision: 'accept' }),
    ).toMatchObject({
      state: 'accepted',
      version: 2,
    });
    await reviewReport(f.as(f.actors.supervisor), {
      reportId: b.reportId,
      decision: 'return',
      comment: '请补充佐证',
    });
    const reviews = await current().db.selectFrom('reviews').selectAll().orderBy('id').execute();
    expect(reviews.map((r) => [r.decision, r.comment])).toEqual([
      ['accept', ''],
      ['return', '请补充佐证'],
    ]);
    const states = await current().db.selectFrom('reports').select('state').orderBy('id').execute();
    expect(states.map((s) => s.state)).toEqual(['accepted', 'returned']);
  });

  it('refuses a second review with CONFLICT, a return without reason with INVALID_INPUT', async () => {
    const f = await seedWorkflow(current());
    const { reportId } = await submitReport(f.as(f.actors.office), { taskId: f.taskId, ...filing });
    await expectRefused(current(), 'INVALID_INPUT', () =>
      reviewReport(f.as(f.actors.supervisor), { reportId, decision: 'return', comment: '  ' }),
    );
    await expectRefused(current(), 'INVALID_INPUT', () =>
      reviewReport(f.as(f.actors.supervisor), { reportId, decision: 'maybe' as 'accept' }),
    );
    await expectRefused(current(), 'CONFLICT', () =>
      reviewReport(f.as(f.actors.supervisor), { reportId, decision: 'accept', version: 7 }),
    );
    await reviewReport(f.as(f.actors.admin), { reportId, decision: 'accept' });
    await expectRefused(current(), 'CONFLICT', () =>
      reviewReport(f.as(f.actors.supervisor), { reportId, decision: 'accept' }),
    );
  });

  it('hides the report from other leaders and units, forbids owners and viewers', async () => {
    const f = await seedWorkflow(current());
    const { reportId } = await submitReport(f.as(f.actors.office), { taskId: f.taskId, ...filing });
    await expectRefused(current(), 'NOT_FOUND', () =>
      reviewReport(f.as(f.actors.otherLeader), { reportId, decision: 'accept' }),
    );
    await expectRefused(current(), 'NOT_FOUND', () =>
      reviewReport(f.as(f.actors.personnel), { reportId, decision: 'accept' }),
    );
    await expectRefused(current(), 'FORBIDDEN', () =>
      reviewReport(f.as(f.actors.office), { reportId, decision: 'accept' }),
    );
    await expectRefused(current(), 'FORBIDDEN', () =>
      reviewReport(f.as(f.actors.viewer), { reportId, decision: 'accept' }),
    );
  });
});
