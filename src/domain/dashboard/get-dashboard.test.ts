import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { addTask, addUnit, addUser } from '../../../test/support/factories.ts';
import { seedWorkflow, type WorkflowFixture } from '../../../test/support/workflow-fixture.ts';
import type { Context } from '../context.ts';
import { logOccurrence } from '../log-occurrence.ts';
import { reviewOccurrence } from '../review-occurrence.ts';
import { reviewReport } from '../review-report.ts';
import { submitReport } from '../submit-report.ts';
import { getDashboard } from './get-dashboard.ts';

// The hand count below. Reports are due on the 25th; asOf 2024-05-30 owes March, April and May.
//   T1 (办公室 lead, 行政审批股 co; item 1, monthly study, one accepted occurrence):
//     办公室   Mar 03-20 on time · Apr 04-28 late · May 05-25 on time (the due day itself)
//     行政审批股 Mar 03-25 23:00 Shanghai on time · Apr none · May filed then returned (missing)
//   T2 (人事股; item 2): Mar 03-26 00:30 Shanghai late · Apr 04-10 on time · May none
//   T3 (教育股 lead, 城关小学 co; item 2; 03-01..04-15, so March and April; no indicator):
//     教育股   Mar 03-22 on time · Apr none
//     城关小学  Mar 03-25 on time · Apr 04-20 on time
async function seedReporting(f: WorkflowFixture, db: Parameters<typeof addUnit>[0]) {
  const org = f.actors.supervisor.organizationId;
  const education = await addUnit(db, org, '教育股');
  const school = await addUnit(db, org, '城关小学', 'school');
  const itemTwo = (
    await db.selectFrom('tasks').select('item_id').where('id', '=', f.otherTaskId).executeTakeFirstOrThrow()
  ).item_id;
  const t3 = await addTask(db, f.planId, itemTwo, {
    title: '完成校园安全隐患排查整治',
    leadUnitId: education,
    coUnitIds: [school],
    startOn: '2024-03-01',
    dueOn: '2024-04-15',
  });
  const educationUser = await addUser(db, org, 'jyg', ['department'], { unitId: education });
  const schoolUser = await addUser(db, org, 'cgxx', ['school'], { unitId: school });
  const file = async (ctx: Context, taskId: number, period: string, at: string) => {
    f.clock.set(at);
    return submitReport(ctx, {
      taskId,
      period,
      selfStatus: 'on_track',
      percent: 30,
      narrative: `${period}进展`,
    });
  };
  const office = f.as(f.actors.office);
  const approval = f.as(f.actors.approval);
  const personnel = f.as(f.actors.personnel);
  f.clock.set('2024-03-20T02:00:00Z');
  const { occurrenceId } = await logOccurrence(office, {
    indicatorId: f.indicatorId,
    occurredOn: '2024-03-20',
    note: '3月学习',
  });
  await reviewOccurrence(f.as(f.actors.supervisor), { occurrenceId, decision: 'accept' });
  await file(office, f.taskId, '2024-03', '2024-03-20T02:00:00Z');
  await file(f.as(educationUser), t3, '2024-03', '2024-03-22T02:00:00Z');
  await file(approval, f.taskId, '2024-03', '2024-03-25T15:00:00Z');
  await file(f.as(schoolUser), t3, '2024-03', '2024-03-25T03:00:00Z');
  await file(personnel, f.otherTaskId, '2024-03', '2024-03-25T16:30:00Z');
  await file(personnel, f.otherTaskId, '2024-04', '2024-04-10T02:00:00Z');
  await file(f.as(schoolUser), t3, '2024-04', '2024-04-20T02:00:00Z');
  await file(office, f.taskId, '2024-04', '2024-04-28T02:00:00Z');
  const returned = await file(approval, f.taskId, '2024-05', '2024-05-20T02:00:00Z');
  await reviewReport(f.as(f.actors.supervisor), {
    reportId: returned.reportId,
    decision: 'return',
    comment: '请补充佐证',
  });
  await file(office, f.taskId, '2024-05', '2024-05-25T02:00:00Z');
  f.clock.set('2024-06-05T02:00:00Z');
  return { t3, education, school };
}

describeEachDatabase('getDashboard', (current) => {
  it('ranks units by on-time rate then progress, counts the monthly trend and lists red tasks worst first', async () => {
    const f = await seedWorkflow(current());
    const { t3, education, school } = await seedReporting(f, current().db);
    const board = await getDashboard(f.as(f.actors.supervisor), { planId: f.planId, asOf: '2024-05-30' });

    // Departments and schools are ranked apart, departments first.
    expect(
      board.ranking.map((r) => [
        r.rank,
        r.name,
        r.kind,
        r.reportsDue,
        r.reportsOnTime,
        r.reportsLate,
        r.reportsMissing,
      ]),
    ).toEqual([
      [1, '办公室', 'department', 3, 2, 1, 0],
      [2, '教育股', 'department', 2, 1, 0, 1],
      // Same rate (1/3): 行政审批股 shares T1's progress (one study held), 人事股's T2 has none.
      [3, '行政审批股', 'department', 3, 1, 0, 2],
      [4, '人事股', 'department', 3, 1, 1, 1],
      [1, '城关小学', 'school', 2, 2, 0, 0],
    ]);
    expect(board.ranking.map((r) => r.onTimeRate)).toEqual([2 / 3, 0.5, 1 / 3, 1 / 3, 1]);
    const approval = board.ranking.find((r) => r.unitId === f.units.approval)!;
    const personnel = board.ranking.find((r) => r.unitId === f.units.personnel)!;
    expect(approval.progress ?? 0).toBeGreaterThan(personnel.progress ?? 0);
    expect(board.ranking.find((r) => r.unitId === education)).toMatchObject({ tasks: 1, red: 1, yellow: 0 });
    expect(board.ranking.find((r) => r.unitId === school)?.tasks).toBe(1);

    expect(board.trend).toEqual([
      { month: '2024-01', onTime: 0, late: 0, missing: 0 },
      { month: '2024-02', onTime: 0, late: 0, missing: 0 },
      { month: '2024-03', onTime: 4, late: 1, missing: 0 },
      { month: '2024-04', onTime: 2, late: 1, missing: 2 },
      { month: '2024-05', onTime: 1, late: 0, missing: 2 },
    ]);

    // One row per overdue thing, its days counted from the date beside it:
    //   T3 itself: due 04-15 with work open (45 days); T1: 行政审批股 owes April (due 04-25, 35 days)
    //   and May (returned, 5 days); T3: 教育股's April report (due 04-25, 35 days).
    // T2 is yellow: only its May report is missing, 5 days.
    expect(board.overdue.map((o) => [o.taskId, o.what, o.owners, o.dueOn, o.daysOverdue])).toEqual([
      [t3, '任务办结', ['教育股', '城关小学'], '2024-04-15', 45],
      [f.taskId, '4–5月报告', ['行政审批股'], '2024-04-25', 35],
      [t3, '4月报告', ['教育股'], '2024-04-25', 35],
    ]);
    expect(board.overdue[1]?.reason).toBe('行政审批股：4–5月报告未交，最长逾期35天');
    expect(board.overdueTasks).toBe(2);
    expect(board.itemCounts).toEqual({ red: 2, yellow: 0, green: 0, grey: 0, done: 0 });
    expect(board.sections).toMatchObject([{ no: 1, counts: { red: 2 } }]);
    // Worst first: three with one red task each (in name order), then 人事股 with a yellow one.
    expect(board.departments.map((d) => d.name)).toEqual(['办公室', '教育股', '行政审批股', '人事股']);
  });

  it('before the due day a month owes nothing yet; a report handed in after the day is not seen', async () => {
    const f = await seedWorkflow(current());
    await seedReporting(f, current().db);
    const board = await getDashboard(f.as(f.actors.supervisor), { planId: f.planId, asOf: '2024-05-20' });
    expect(board.trend.slice(2)).toEqual([
      { month: '2024-03', onTime: 4, late: 1, missing: 0 },
      { month: '2024-04', onTime: 2, late: 1, missing: 2 },
      // Nothing of May is due before the 25th; 办公室's May report (05-25) is not seen yet.
      { month: '2024-05', onTime: 0, late: 0, missing: 0 },
    ]);
    expect(board.ranking.find((r) => r.unitId === f.units.office)).toMatchObject({
      reportsDue: 2,
      reportsOnTime: 1,
      reportsLate: 1,
    });
  });

  it('counts only what a department or leader may see', async () => {
    const f = await seedWorkflow(current());
    const { t3 } = await seedReporting(f, current().db);
    const asOf = '2024-05-30';
    const office = await getDashboard(f.as(f.actors.office), { planId: f.planId, asOf });
    expect(office.ranking.map((r) => r.name)).toEqual(['办公室', '行政审批股']);
    expect(office.trend.at(-1)).toEqual({ month: '2024-05', onTime: 1, late: 0, missing: 1 });
    expect(office.overdue.map((o) => o.taskId)).toEqual([f.taskId]);
    const leader = await getDashboard(f.as(f.actors.otherLeader), { planId: f.planId, asOf });
    expect(leader.ranking.map((r) => [r.rank, r.name])).toEqual([
      [1, '教育股'],
      [2, '人事股'],
      [1, '城关小学'],
    ]);
    expect(leader.overdue.map((o) => o.taskId)).toEqual([t3, t3]);
    expect(leader.overdueTasks).toBe(1);
    const stranger = { ...f.actors.supervisor, organizationId: f.actors.supervisor.organizationId + 1000 };
    await expect(getDashboard(f.as(stranger), { planId: f.planId, asOf })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
