import { expect, it } from 'vitest';
import { submitReport } from '../../src/domain/submit-report.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { addTask, countRows } from '../support/factories.ts';
import { seedWorkflow, textFile } from '../support/workflow-fixture.ts';

describeEachDatabase('100 parallel report submissions', (current) => {
  it('stores every one exactly once, with one audit entry each and one acknowledgement per task', async () => {
    const f = await seedWorkflow(current());
    const taskIds = [f.taskId];
    for (let i = 1; i < 25; i++) {
      taskIds.push(
        await addTask(current().db, f.planId, f.itemId, { title: `任务${i}`, leadUnitId: f.units.office }),
      );
    }
    const periods = ['2024-01', '2024-02', '2024-03', '2024-04'];
    const ctx = f.as(f.actors.office);
    // Every filing carries the same attachment, so the blob's ON CONFLICT is raced 100 times too.
    const results = await Promise.all(
      taskIds.flatMap((taskId) =>
        periods.map((period) =>
          submitReport(ctx, {
            taskId,
            period,
            selfStatus: 'on_track',
            percent: 50,
            narrative: `${taskId}/${period}`,
            files: [textFile('签到表.txt', '同一份签到表')],
          }),
        ),
      ),
    );
    expect(new Set(results.map((r) => r.reportId)).size).toBe(100);
    expect(await countRows(current().db)).toMatchObject({
      reports: 100,
      // Filing acknowledges a pending task once, however many filings race for it.
      audit_log: 125,
      evidence: 100,
      blobs: 1,
    });
    const acknowledged = await current()
      .db.selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'task.acknowledge')
      .execute();
    expect(acknowledged.map((a) => a.entity_id).sort((a, b) => Number(a) - Number(b))).toEqual(
      [...taskIds].sort((a, b) => a - b),
    );
    const narratives = await current().db.selectFrom('reports').select('narrative').execute();
    const expected = taskIds.flatMap((taskId) => periods.map((period) => `${taskId}/${period}`));
    expect(narratives.map((r) => r.narrative).sort()).toEqual(expected.sort());
  });
});
