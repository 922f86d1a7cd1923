import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { seedWorkflow } from '../../test/support/workflow-fixture.ts';
import { computePlanLights } from './compute-plan-lights.ts';
import { logOccurrence } from './log-occurrence.ts';
import { reviewOccurrence } from './review-occurrence.ts';
import { updateLightSettings } from './settings.ts';

describeEachDatabase('computePlanLights', (current) => {
  it('counts only accepted occurrences and defaults asOf to today in Shanghai', async () => {
    const f = await seedWorkflow(current());
    const { occurrenceId } = await logOccurrence(f.as(f.actors.office), {
      indicatorId: f.indicatorId,
      occurredOn: '2024-03-20',
      note: '3月学习',
    });
    // 2024-04-30T16:30Z is already 1 May in Shanghai: March and April are owed.
    f.clock.set('2024-04-30T16:30:00Z');
    const pending = await computePlanLights(f.as(f.actors.supervisor), { planId: f.planId });
    expect(pending.asOf).toBe('2024-05-01');
    const study = () => pending.tasks.find((t) => t.taskId === f.taskId)!.indicators[0]!;
    expect(study()).toMatchObject({ expected: 2, actual: 0, light: 'red' });
    await reviewOccurrence(f.as(f.actors.supervisor), { occurrenceId, decision: 'accept' });
    const accepted = await computePlanLights(f.as(f.actors.supervisor), { planId: f.planId });
    const indicator = accepted.tasks.find((t) => t.taskId === f.taskId)!.indicators[0]!;
    expect(indicator).toMatchObject({
      expected: 2,
      actual: 1,
      light: 'yellow',
      reason: '4月未完成，应完成2次，已完成1次',
    });
    // Both tasks are red overall: neither filed its March report (due 25 March, 37 days late).
    expect(accepted.summaries.byLight).toMatchObject([{ key: 'red', total: 2 }]);
    expect(accepted.tasks.find((t) => t.taskId === f.taskId)!.report.reason).toContain('3月报告逾期37天');
    expect(accepted.summaries.byLeader.map((s) => s.key)).toEqual(['陈玲玲', '李开军']);
    expect(accepted.summaries.byDepartment.map((s) => s.key).sort()).toEqual(
      ['人事股', '办公室', '行政审批股'].sort(),
    );
  });

  it('shows department and leader users only their part of the plan; hides other bureaus', async () => {
    const f = await seedWorkflow(current());
    const asOf = '2024-05-10';
    const office = await computePlanLights(f.as(f.actors.office), { planId: f.planId, asOf });
    expect(office.tasks.map((t) => t.taskId)).toEqual([f.taskId]);
    expect(office.items.map((i) => i.no)).toEqual([1]);
    const leader = await computePlanLights(f.as(f.actors.otherLeader), { planId: f.planId, asOf });
    expect(leader.tasks.map((t) => t.taskId)).toEqual([f.otherTaskId]);
    const all = await computePlanLights(f.as(f.actors.viewer), { planId: f.planId, asOf });
    expect(all.tasks).toHaveLength(2);
    const stranger = { ...f.actors.supervisor, organizationId: f.actors.supervisor.organizationId + 1000 };
    await expect(computePlanLights(f.as(stranger), { planId: f.planId, asOf })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      computePlanLights(f.as(f.actors.office), { planId: f.planId, asOf: '2024-5-1' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('uses the thresholds stored in settings', async () => {
    const f = await seedWorkflow(current());
    const asOf = '2024-04-03';
    const before = await computePlanLights(f.as(f.actors.supervisor), { planId: f.planId, asOf });
    const report = () => before.tasks.find((t) => t.taskId === f.otherTaskId)!.report;
    expect(report()).toMatchObject({ light: 'red', reason: '3月报告逾期9天' });
    await updateLightSettings(f.as(f.actors.admin), { reportGraceDays: 10 });
    const after = await computePlanLights(f.as(f.actors.supervisor), { planId: f.planId, asOf });
    expect(after.settings.reportGraceDays).toBe(10);
    expect(after.tasks.find((t) => t.taskId === f.otherTaskId)!.report.light).toBe('yellow');
  });
});
