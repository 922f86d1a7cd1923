import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { countRows } from '../../test/support/factories.ts';
import { expectRefused, seedWorkflow, textFile } from '../../test/support/workflow-fixture.ts';
import { logOccurrence } from './log-occurrence.ts';

describeEachDatabase('logOccurrence', (current) => {
  it('stores a submitted occurrence with evidence, audited', async () => {
    const f = await seedWorkflow(current());
    const result = await logOccurrence(f.as(f.actors.office), {
      indicatorId: f.indicatorId,
      occurredOn: '2024-04-12',
      note: '4月党委理论中心组学习',
      files: [textFile('纪要.txt', '纪要')],
    });
    expect(result.version).toBe(1);
    const row = await current().db.selectFrom('occurrences').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ unit_id: f.units.office, occurred_on: '2024-04-12', state: 'submitted' });
    expect(await countRows(current().db)).toMatchObject({
      occurrences: 1,
      evidence: 1,
      blobs: 1,
      audit_log: 1,
    });
  });

  it('stores identical files once as a blob', async () => {
    const f = await seedWorkflow(current());
    const input = {
      indicatorId: f.indicatorId,
      occurredOn: '2024-04-12',
      note: '学习',
      files: [textFile('a.txt', 'same')],
    };
    await logOccurrence(f.as(f.actors.office), input);
    await logOccurrence(f.as(f.actors.approval), input);
    expect(await countRows(current().db)).toMatchObject({ occurrences: 2, evidence: 2, blobs: 1 });
  });

  it('refuses strangers, bad dates and blank notes, leaving nothing', async () => {
    const f = await seedWorkflow(current());
    const ok = {
      indicatorId: f.indicatorId,
      occurredOn: '2024-04-12',
      note: '学习',
      files: [textFile('a.txt', 'x')],
    };
    await expectRefused(current(), 'NOT_FOUND', () => logOccurrence(f.as(f.actors.personnel), ok));
    await expectRefused(current(), 'NOT_FOUND', () =>
      logOccurrence(f.as(f.actors.office), { ...ok, indicatorId: 424242 }),
    );
    await expectRefused(current(), 'FORBIDDEN', () => logOccurrence(f.as(f.actors.leader), ok));
    for (const occurredOn of ['2024-02-30', '2023-12-31', '2024-05-11', '12 April']) {
      await expectRefused(current(), 'INVALID_INPUT', () =>
        logOccurrence(f.as(f.actors.office), { ...ok, occurredOn }),
      );
    }
    await expectRefused(current(), 'INVALID_INPUT', () =>
      logOccurrence(f.as(f.actors.office), { ...ok, note: '' }),
    );
  });
});
