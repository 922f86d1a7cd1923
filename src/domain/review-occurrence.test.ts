import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { expectRefused, seedWorkflow } from '../../test/support/workflow-fixture.ts';
import { logOccurrence } from './log-occurrence.ts';
import { reviewOccurrence } from './review-occurrence.ts';

describeEachDatabase('reviewOccurrence', (current) => {
  it('accepts or returns a submitted occurrence, recording the review', async () => {
    const f = await seedWorkflow(current());
    const input = { indicatorId: f.indicatorId, occurredOn: '2024-04-12', note: '学习' };
    const a = await logOccurrence(f.as(f.actors.office), input);
    const b = await logOccurrence(f.as(f.actors.office), { ...input, occurredOn: '2024-03-15' });
    await reviewOccurrence(f.as(f.actors.supervisor), { occurrenceId: a.occurrenceId, decision: 'accept' });
    const returned = await reviewOccurrence(f.as(f.actors.leader), {
      occurrenceId: b.occurrenceId,
      decision: 'return',
      comment: '缺少会议纪要',
    });
    expect(returned).toMatchObject({ state: 'returned', version: 2 });
    const audit = await current().db.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(audit.map((r) => r.action)).toEqual([
      'occurrence.log',
      'occurrence.log',
      'occurrence.accept',
      'occurrence.return',
    ]);
  });

  it('refuses wrong state, missing reason, strangers and non-reviewers', async () => {
    const f = await seedWorkflow(current());
    const { occurrenceId } = await logOccurrence(f.as(f.actors.office), {
      indicatorId: f.indicatorId,
      occurredOn: '2024-04-12',
      note: '学习',
    });
    await expectRefused(current(), 'INVALID_INPUT', () =>
      reviewOccurrence(f.as(f.actors.supervisor), { occurrenceId, decision: 'return' }),
    );
    await expectRefused(current(), 'NOT_FOUND', () =>
      reviewOccurrence(f.as(f.actors.personnel), { occurrenceId, decision: 'accept' }),
    );
    await expectRefused(current(), 'NOT_FOUND', () =>
      reviewOccurrence(f.as(f.actors.supervisor), { occurrenceId: 9999, decision: 'accept' }),
    );
    await expectRefused(current(), 'FORBIDDEN', () =>
      reviewOccurrence(f.as(f.actors.approval), { occurrenceId, decision: 'accept' }),
    );
    await reviewOccurrence(f.as(f.actors.supervisor), {
      occurrenceId,
      decision: 'return',
      comment: '重新上传',
    });
    await expectRefused(current(), 'CONFLICT', () =>
      reviewOccurrence(f.as(f.actors.supervisor), { occurrenceId, decision: 'accept' }),
    );
  });
});
