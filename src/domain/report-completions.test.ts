import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { addIndicator } from '../../test/support/factories.ts';
import { expectRefused, seedWorkflow, textFile } from '../../test/support/workflow-fixture.ts';
import { computePlanLights } from './compute-plan-lights.ts';
import { listReviewQueue } from './list-review-queue.ts';
import { getTaskObligations } from './obligations/task-obligations.ts';
import { reviewOccurrence } from './review-occurrence.ts';
import { reviewReport } from './review-report.ts';
import { submitReport } from './submit-report.ts';

// Completions filed inside a progress report: stored with it, reviewed with it, counted by the
// lights only once it is accepted; a return reaches the unit with its reason. The fixture's clock
// is 2024-05-10; the task (办公室 leads, 行政审批股 co-owns) started 2024-02-23 and its indicator
// 每月开展党委理论中心组学习 owes March and April by then.

const april = { period: '2024-04', selfStatus: 'on_track' as const, percent: 40, narrative: '4月按计划推进' };

describeEachDatabase('completions filed with a report', (current) => {
  it('stores each completion with its files, counts none until accepted, then counts them', async () => {
    const f = await seedWorkflow(current());
    const office = f.as(f.actors.office);
    const filed = await submitReport(office, {
      taskId: f.taskId,
      ...april,
      files: [textFile('四月工作小结.txt', '小结')],
      completions: [
        {
          indicatorId: f.indicatorId,
          occurredOn: '2024-03-28',
          note: '3月理论中心组学习',
          files: [textFile('3月会议纪要.txt', '纪要')],
        },
        { indicatorId: f.indicatorId, occurredOn: '2024-04-12', note: '4月理论中心组学习' },
      ],
    });
    expect(filed.completions.map((c) => [c.occurredOn, c.evidence.map((e) => e.fileName)])).toEqual([
      ['2024-03-28', ['3月会议纪要.txt']],
      ['2024-04-12', []],
    ]);
    expect(filed.evidence.map((e) => e.fileName)).toEqual(['四月工作小结.txt']);
    const rows = await current()
      .db.selectFrom('occurrences')
      .select(['report_id', 'state'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { report_id: filed.reportId, state: 'submitted' },
      { report_id: filed.reportId, state: 'submitted' },
    ]);

    const supervisor = f.as(f.actors.supervisor);
    const taskLight = async () =>
      (await computePlanLights(supervisor, { planId: f.planId })).tasks.find((t) => t.taskId === f.taskId);
    const before = await taskLight();
    expect(before?.indicators[0]).toMatchObject({ credited: 0, owed: 2, light: 'red' });

    // The queue shows the report with its completions, not the completions on their own.
    const queue = await listReviewQueue(supervisor);
    expect(queue.map((e) => e.kind)).toEqual(['report']);
    const entry = queue[0];
    expect(
      entry?.kind === 'report' && entry.completions.map((c) => [c.occurredOn, c.evidence.length]),
    ).toEqual([
      ['2024-03-28', 1],
      ['2024-04-12', 0],
    ]);
    await expectRefused(current(), 'CONFLICT', () =>
      reviewOccurrence(supervisor, {
        occurrenceId: filed.completions[0]?.occurrenceId ?? 0,
        decision: 'accept',
      }),
    );

    const reviewed = await reviewReport(f.as(f.actors.leader), {
      reportId: filed.reportId,
      decision: 'accept',
    });
    expect(reviewed.completions).toHaveLength(2);
    const after = await taskLight();
    expect(after?.indicators[0]).toMatchObject({ credited: 2, owed: 2, light: 'green' });
    expect(after?.indicators[0]?.reason).toBe('进度正常：应完成2个月，已完成2个月（全年10个月）');
    expect(after?.selfPercent).toBe(40);
    // Both completions got a review row each, besides the report's own.
    const reviews = await current().db.selectFrom('reviews').select(['target_type']).execute();
    expect(reviews.map((r) => r.target_type).sort()).toEqual(['occurrence', 'occurrence', 'report']);
    // The filer hears of the acceptance in the app.
    const told = await current().db.selectFrom('notifications').select(['user_id', 'kind', 'body']).execute();
    expect(told).toEqual([
      {
        user_id: f.actors.office.userId,
        kind: 'report_accepted',
        body: expect.stringContaining('及其中2条完成记录，已计入进度'),
      },
    ]);
  });

  it('returns the completions with the report, tells the unit why, and lets them be filed again', async () => {
    const f = await seedWorkflow(current());
    const office = f.as(f.actors.office);
    const first = await submitReport(office, {
      taskId: f.taskId,
      ...april,
      completions: [{ indicatorId: f.indicatorId, occurredOn: '2024-04-12', note: '4月学习' }],
    });
    const returned = await reviewReport(f.as(f.actors.supervisor), {
      reportId: first.reportId,
      decision: 'return',
      comment: '请补充会议纪要',
    });
    expect(returned.state).toBe('returned');
    const states = await current().db.selectFrom('occurrences').select('state').execute();
    expect(states).toEqual([{ state: 'returned' }]);
    const messages = await current()
      .db.selectFrom('notifications')
      .select(['user_id', 'kind', 'title', 'body', 'link'])
      .execute();
    expect(messages).toEqual([
      {
        user_id: f.actors.office.userId,
        kind: 'report_returned',
        title: '进展报告被退回：坚持每月开展党委理论中心组学习（2024年4月）',
        body: expect.stringContaining('退回原因：请补充会议纪要'),
        link: '/workbench?tab=returned',
      },
    ]);
    const lights = await computePlanLights(f.as(f.actors.supervisor), { planId: f.planId });
    expect(lights.tasks.find((t) => t.taskId === f.taskId)?.indicators[0]?.credited).toBe(0);

    const occurrenceId = first.completions[0]?.occurrenceId ?? 0;
    const again = await submitReport(office, {
      taskId: f.taskId,
      ...april,
      narrative: '已补充会议纪要',
      completions: [
        {
          occurrenceId,
          indicatorId: f.indicatorId,
          occurredOn: '2024-04-12',
          note: '4月学习（补纪要）',
          files: [textFile('4月纪要.txt', '纪要')],
        },
      ],
    });
    expect(again).toMatchObject({ reportId: first.reportId, revision: 2 });
    expect(again.completions).toMatchObject([{ occurrenceId, resubmitted: true }]);
    await reviewReport(f.as(f.actors.supervisor), { reportId: first.reportId, decision: 'accept' });
    const row = await current().db.selectFrom('occurrences').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ id: occurrenceId, state: 'accepted', note: '4月学习（补纪要）', version: 4 });
  });

  it('refuses a completion of another task, a future day, a deliverable without its document, a percent without its value — writing nothing', async () => {
    const f = await seedWorkflow(current());
    const plan = await addIndicator(current().db, f.taskId, {
      kind: 'deliverable',
      text: '制订《理论学习实施方案》',
      dueOn: '2024-06-30',
    });
    const rate = await addIndicator(current().db, f.taskId, {
      kind: 'percent',
      text: '参学率达到95%',
      value: 95,
    });
    const other = await addIndicator(current().db, f.otherTaskId, { kind: 'event', text: '召开推进会' });
    const office = f.as(f.actors.office);
    const file = (completion: Record<string, unknown>) =>
      submitReport(office, {
        taskId: f.taskId,
        ...april,
        completions: [
          { indicatorId: f.indicatorId, occurredOn: '2024-04-12', note: '学习' },
          completion as never,
        ],
      });
    await expectRefused(current(), 'INVALID_INPUT', () =>
      file({ indicatorId: other, occurredOn: '2024-04-12', note: '推进会' }),
    );
    await expectRefused(current(), 'INVALID_INPUT', () =>
      file({ indicatorId: f.indicatorId, occurredOn: '2024-05-20', note: '还没开' }),
    );
    const document = await expectRefused(current(), 'INVALID_INPUT', () =>
      file({ indicatorId: plan, occurredOn: '2024-04-20', note: '已印发' }),
    );
    expect(document.message).toBe('“制订《理论学习实施方案》”请上传文件本身（如印发的方案、文件或行事历）。');
    await expectRefused(current(), 'INVALID_INPUT', () =>
      file({ indicatorId: rate, occurredOn: '2024-04-20', note: '参学率' }),
    );
    // With the document and the value, the same filing goes through.
    const ok = await file({
      indicatorId: plan,
      occurredOn: '2024-04-20',
      note: '已印发',
      files: [textFile('实施方案.txt', '方案')],
    });
    expect(ok.completions).toHaveLength(2);
  });

  it('tells the form what the period owes, what is accepted and what awaits review', async () => {
    const f = await seedWorkflow(current());
    await addIndicator(current().db, f.taskId, {
      kind: 'count',
      per: 'year',
      min: 2,
      text: '集中学法机关干部全年不少于两次',
      name: '集中学法',
    });
    await submitReport(f.as(f.actors.office), {
      taskId: f.taskId,
      ...april,
      completions: [{ indicatorId: f.indicatorId, occurredOn: '2024-04-12', note: '4月学习' }],
    });
    const owes = await getTaskObligations(f.as(f.actors.office), { taskId: f.taskId, period: '2024-04' });
    expect(owes.indicators.map((i) => i.owes)).toEqual([
      '本期应完成：每月开展党委理论中心组学习 1 次（2024年4月）',
      '集中学法：全年不少于 2 次，截至4月底应完成 0 次',
    ]);
    expect(owes.indicators[0]?.slot).toMatchObject({ need: 1, accepted: 0, pending: 1 });
    const may = await getTaskObligations(f.as(f.actors.office), { taskId: f.taskId });
    expect(may.period).toBe('2024-05');
    await expectRefused(current(), 'NOT_FOUND', () =>
      getTaskObligations(f.as(f.actors.personnel), { taskId: f.taskId }),
    );
  });
});
