import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { countRows } from '../../test/support/factories.ts';
import { expectRefused, seedWorkflow, textFile } from '../../test/support/workflow-fixture.ts';
import { reviewReport } from './review-report.ts';
import { submitReport } from './submit-report.ts';

const filing = {
  period: '2024-04',
  selfStatus: 'on_track' as const,
  percent: 40,
  narrative: '4月按计划开展学习',
};

describeEachDatabase('submitReport', (current) => {
  it('stores a report with its evidence, acknowledging the task it is filed on, with their audit entries', async () => {
    const f = await seedWorkflow(current());
    const files = [textFile('会议纪要.txt', '4月学习纪要'), textFile('签到表.txt', '签到')];
    const result = await submitReport(f.as(f.actors.office), { taskId: f.taskId, ...filing, files });
    expect(result).toMatchObject({ revision: 1, version: 1 });
    expect(result.evidence.map((e) => e.fileName)).toEqual(['会议纪要.txt', '签到表.txt']);
    const row = await current().db.selectFrom('reports').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      task_id: f.taskId,
      unit_id: f.units.office,
      period: '2024-04',
      state: 'submitted',
    });
    expect(await countRows(current().db)).toMatchObject({ reports: 1, evidence: 2, blobs: 2, audit_log: 2 });
    const audit = await current().db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.entity_type, a.actor_label])).toEqual([
      ['task.acknowledge', 'task', 'bgs'],
      ['report.submit', 'report', 'bgs'],
    ]);
    const task = await current()
      .db.selectFrom('tasks')
      .selectAll()
      .where('id', '=', f.taskId)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ status: 'acknowledged', acknowledged_by: f.actors.office.userId });
    // A second filing finds it acknowledged already and writes only its own entry.
    await submitReport(f.as(f.actors.office), { taskId: f.taskId, ...filing, period: '2024-03' });
    expect(await countRows(current().db)).toMatchObject({ reports: 2, audit_log: 3 });
  });

  it('lets a co-owner file its own report for the same period', async () => {
    const f = await seedWorkflow(current());
    await submitReport(f.as(f.actors.office), { taskId: f.taskId, ...filing });
    await submitReport(f.as(f.actors.approval), { taskId: f.taskId, ...filing });
    expect((await countRows(current().db)).reports).toBe(2);
  });

  it('re-files a returned report in place with revision + 1', async () => {
    const f = await seedWorkflow(current());
    const first = await submitReport(f.as(f.actors.office), { taskId: f.taskId, ...filing });
    await reviewReport(f.as(f.actors.supervisor), {
      reportId: first.reportId,
      decision: 'return',
      comment: '请附会议纪要',
    });
    const again = await submitReport(f.as(f.actors.office), {
      taskId: f.taskId,
      ...filing,
      narrative: '补充了纪要',
      files: [textFile('纪要.txt', '纪要')],
    });
    expect(again).toMatchObject({ reportId: first.reportId, revision: 2, version: 3 });
    const row = await current().db.selectFrom('reports').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'submitted', revision: 2, narrative: '补充了纪要' });
    expect((await countRows(current().db)).reports).toBe(1);
  });

  it('refuses filing over an accepted or pending report with CONFLICT and leaves nothing', async () => {
    const f = await seedWorkflow(current());
    const first = await submitReport(f.as(f.actors.office), { taskId: f.taskId, ...filing });
    const pending = await expectRefused(current(), 'CONFLICT', () =>
      submitReport(f.as(f.actors.office), {
        taskId: f.taskId,
        ...filing,
        files: [textFile('a.txt', 'new bytes')],
      }),
    );
    expect(pending.message).toContain('正在审核');
    await reviewReport(f.as(f.actors.supervisor), { reportId: first.reportId, decision: 'accept' });
    const accepted = await expectRefused(current(), 'CONFLICT', () =>
      submitReport(f.as(f.actors.office), {
        taskId: f.taskId,
        ...filing,
        files: [textFile('b.txt', 'more bytes')],
      }),
    );
    expect(accepted.message).toContain('已审核通过');
  });

  it("answers NOT_FOUND to a unit filing on another unit's task, FORBIDDEN to a leader who can see it", async () => {
    const f = await seedWorkflow(current());
    await expectRefused(current(), 'NOT_FOUND', () =>
      submitReport(f.as(f.actors.personnel), {
        taskId: f.taskId,
        ...filing,
        files: [textFile('x.txt', 'x')],
      }),
    );
    await expectRefused(current(), 'NOT_FOUND', () =>
      submitReport(f.as(f.actors.office), { taskId: 999_999, ...filing }),
    );
    await expectRefused(current(), 'FORBIDDEN', () =>
      submitReport(f.as(f.actors.leader), { taskId: f.taskId, ...filing }),
    );
  });

  it('refuses bad input with INVALID_INPUT', async () => {
    const f = await seedWorkflow(current());
    const ctx = f.as(f.actors.office);
    const bad = [
      { ...filing, period: '2024-4' },
      { ...filing, period: '2023-12' },
      { ...filing, period: '2024-06' },
      { ...filing, percent: 101 },
      { ...filing, percent: Number.NaN },
      { ...filing, narrative: '   ' },
      { ...filing, selfStatus: 'great' as 'on_track' },
      { ...filing, files: [textFile('', 'x')] },
      { ...filing, files: [{ fileName: '空.txt', mediaType: 'text/plain', bytes: new Uint8Array() }] },
    ];
    for (const input of bad) {
      await expectRefused(current(), 'INVALID_INPUT', () =>
        submitReport(ctx, { taskId: f.taskId, ...input }),
      );
    }
  });

  it('refuses a done task with CONFLICT', async () => {
    const f = await seedWorkflow(current());
    await current().db.updateTable('tasks').set({ status: 'done' }).where('id', '=', f.taskId).execute();
    await expectRefused(current(), 'CONFLICT', () =>
      submitReport(f.as(f.actors.office), { taskId: f.taskId, ...filing }),
    );
  });
});
