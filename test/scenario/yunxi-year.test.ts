import { expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { computePlanLights } from '../../src/domain/compute-plan-lights.ts';
import type { Actor } from '../../src/domain/context.ts';
import { decideCompletion } from '../../src/domain/decide-completion.ts';
import { decideExtension } from '../../src/domain/decide-extension.ts';
import { editTask } from '../../src/domain/edit-task.ts';
import { importNotice } from '../../src/domain/import-notice.ts';
import { logOccurrence } from '../../src/domain/log-occurrence.ts';
import { publishPlan } from '../../src/domain/publish-plan.ts';
import { requestCompletion } from '../../src/domain/request-completion.ts';
import { requestExtension } from '../../src/domain/request-extension.ts';
import { reviewOccurrence } from '../../src/domain/review-occurrence.ts';
import { reviewReport } from '../../src/domain/review-report.ts';
import { submitReport } from '../../src/domain/submit-report.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { addUser, contextFor, testClock } from '../support/factories.ts';
import { fixedContext, yunxiText } from '../support/yunxi.ts';

// The Yunxi plan walked through half a year with a fixed clock (issue 3's scenario): the real
// notice imported and published on 2024-02-23, then reports, occurrences, reviews, an edit, an
// extension and a completion, with the lights checked on the days that matter.

async function publishedYunxi(database: Database) {
  const system = await fixedContext(database, '2024-02-23T02:00:00Z');
  const { planId } = await importNotice(system, { text: yunxiText }, { createUnits: true });
  await publishPlan(system, { planId });
  const { db } = database;
  const org = system.actor.organizationId;
  const unitId = async (name: string) =>
    (await db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const leaderId = async (name: string) =>
    (await db.selectFrom('leaders').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const taskOfItem = async (no: number) =>
    db
      .selectFrom('tasks')
      .innerJoin('items', 'items.id', 'tasks.item_id')
      .select(['tasks.id', 'tasks.version'])
      .where('items.no', '=', no)
      .where('tasks.parent_task_id', 'is', null)
      .executeTakeFirstOrThrow();
  const indicatorLike = async (taskId: number, text: string) =>
    (
      await db
        .selectFrom('indicators')
        .select('id')
        .where('task_id', '=', taskId)
        .where('text', 'like', `%${text}%`)
        .executeTakeFirstOrThrow()
    ).id;
  const actors = {
    supervisor: await addUser(db, org, 'duban', ['supervisor']),
    office: await addUser(db, org, 'bgs', ['department'], { unitId: await unitId('办公室') }),
    approval: await addUser(db, org, 'xzsp', ['department'], { unitId: await unitId('行政审批股') }),
    canteen: await addUser(db, org, 'qgzx', ['department'], { unitId: await unitId('勤管中心') }),
    leaderLi: await addUser(db, org, 'likj', ['leader'], { leaderId: await leaderId('李开军') }),
  };
  const clock = testClock('2024-02-23T02:00:00Z');
  const as = (actor: Actor) => contextFor(database, actor, clock);
  const study = await taskOfItem(1);
  const canteen = await taskOfItem(23);
  return {
    planId,
    clock,
    as,
    actors,
    study: { ...study, indicatorId: await indicatorLike(study.id, '每月开展党委理论中心组学习') },
    canteen: { ...canteen, indicatorId: await indicatorLike(canteen.id, '中小幼学生食堂管理实施细则') },
  };
}

type Yunxi = Awaited<ReturnType<typeof publishedYunxi>>;

/** Files and (by default) gets accepted a monthly report, on the 20th of the month at 10:00. */
async function fileMonth(y: Yunxi, actor: Actor, taskId: number, month: number, accept = true) {
  const period = `2024-${String(month).padStart(2, '0')}`;
  y.clock.set(`${period}-20T02:00:00Z`);
  const { reportId } = await submitReport(y.as(actor), {
    taskId,
    period,
    selfStatus: 'on_track',
    percent: month * 8,
    narrative: `${month}月按计划推进`,
  });
  if (accept) await reviewReport(y.as(y.actors.supervisor), { reportId, decision: 'accept' });
  return reportId;
}

/** Logs a study session and has the supervisor accept or return it. */
async function holdSession(y: Yunxi, on: string, decision: 'accept' | 'return') {
  y.clock.set(`${on}T06:00:00Z`);
  const { occurrenceId } = await logOccurrence(y.as(y.actors.office), {
    indicatorId: y.study.indicatorId,
    occurredOn: on,
    note: '党委理论中心组学习',
    files: [{ fileName: `${on}纪要.txt`, mediaType: 'text/plain', bytes: new TextEncoder().encode(on) }],
  });
  const comment = decision === 'return' ? '缺少会议纪要，请补充后重新登记' : '';
  await reviewOccurrence(y.as(y.actors.supervisor), { occurrenceId, decision, comment });
}

async function lightsOn(y: Yunxi, asOf: string) {
  const lights = await computePlanLights(y.as(y.actors.supervisor), { planId: y.planId, asOf });
  const item = (no: number) => lights.items.find((i) => i.no === no)!;
  const task = (id: number) => lights.tasks.find((t) => t.taskId === id)!;
  return { lights, item, task };
}

describeEachDatabase('Yunxi 2024 through the year', (current) => {
  it('item 1 misses May: yellow or red on 2024-06-01 naming 5月; returned work does not count', async () => {
    const y = await publishedYunxi(current());
    for (const month of [3, 4, 5]) {
      await fileMonth(y, y.actors.office, y.study.id, month);
      // 行政审批股's May report is returned and not yet re-filed on 1 June.
      const reportId = await fileMonth(y, y.actors.approval, y.study.id, month, month !== 5);
      if (month === 5) {
        await reviewReport(y.as(y.actors.supervisor), {
          reportId,
          decision: 'return',
          comment: '请补充学习记录',
        });
      }
    }
    await holdSession(y, '2024-03-15', 'accept');
    await holdSession(y, '2024-04-12', 'accept');
    await holdSession(y, '2024-05-16', 'return');

    const june1 = await lightsOn(y, '2024-06-01');
    const item1 = june1.item(1);
    expect(['yellow', 'red']).toContain(item1.light);
    expect(item1.reason).toContain('5月未完成');
    const studyLight = june1.task(y.study.id).indicators.find((i) => i.indicatorId === y.study.indicatorId)!;
    expect(studyLight).toMatchObject({ expected: 3, actual: 2, missing: ['2024年5月'] });
    expect(june1.task(y.study.id).report.overdue).toEqual(['2024-05']);
    // Due the 25th, a Saturday in May 2024, so Monday the 27th: five days late on June 1.
    expect(item1.reason).toContain('行政审批股：5月报告逾期5天');

    // Re-filing the returned report clears the reporting part; the missed session still shows.
    y.clock.set('2024-06-01T03:00:00Z');
    await submitReport(y.as(y.actors.approval), {
      taskId: y.study.id,
      period: '2024-05',
      selfStatus: 'at_risk',
      percent: 40,
      narrative: '已补充5月学习记录',
    });
    const after = await lightsOn(y, '2024-06-01');
    expect(after.task(y.study.id).report.light).toBe('green');
    expect(after.item(1).reason).toContain('5月未完成');
    expect(after.item(1).reason).not.toContain('报告逾期');
  });

  it('the canteen rules turn red after their due date, move with an approved extension, and end done', async () => {
    const y = await publishedYunxi(current());
    for (const month of [3, 4, 5, 6]) await fileMonth(y, y.actors.canteen, y.canteen.id, month);
    y.clock.set('2024-03-01T02:00:00Z');
    const edited = await editTask(y.as(y.actors.supervisor), {
      taskId: y.canteen.id,
      version: (
        await current()
          .db.selectFrom('tasks')
          .select('version')
          .where('id', '=', y.canteen.id)
          .executeTakeFirstOrThrow()
      ).version,
      dueOn: '2024-06-30',
    });
    expect(edited.movedIndicatorIds).toContain(y.canteen.indicatorId);
    const rules = (l: Awaited<ReturnType<typeof lightsOn>>) =>
      l.task(y.canteen.id).indicators.find((i) => i.indicatorId === y.canteen.indicatorId)!;

    const june25 = await lightsOn(y, '2024-06-25');
    expect(rules(june25).light).toBe('yellow');
    const july1 = await lightsOn(y, '2024-07-01');
    expect(rules(july1)).toMatchObject({ light: 'red', reason: '应于2024-06-30前完成，已逾期1天' });
    expect(july1.item(23).light).toBe('red');

    y.clock.set('2024-07-01T02:00:00Z');
    const { extensionId } = await requestExtension(y.as(y.actors.canteen), {
      taskId: y.canteen.id,
      reason: '等待市局营养改善计划整改意见',
      newDueOn: '2024-07-31',
    });
    await decideExtension(y.as(y.actors.leaderLi), {
      extensionId,
      decision: 'approve',
      comment: '同意延期一个月',
    });
    expect(rules(await lightsOn(y, '2024-07-01')).light).not.toBe('red');
    const july2 = await lightsOn(y, '2024-07-02');
    expect(rules(july2).light).not.toBe('red');
    expect(rules(july2).dueOn).toBe('2024-07-31');
    expect(july2.item(23).light).not.toBe('red');
    // The extension turned the red light into a deadline ahead: yellow once it comes near (issue 6).
    expect(rules(await lightsOn(y, '2024-07-25'))).toMatchObject({ light: 'yellow', dueOn: '2024-07-31' });
    // Without completion, the new due date passing turns it red again.
    expect(rules(await lightsOn(y, '2024-08-01')).light).toBe('red');

    y.clock.set('2024-07-10T02:00:00Z');
    const { requestId } = await requestCompletion(y.as(y.actors.canteen), {
      taskId: y.canteen.id,
      note: '《中小幼学生食堂管理实施细则》已印发',
      files: [{ fileName: '实施细则.txt', mediaType: 'text/plain', bytes: new TextEncoder().encode('细则') }],
    });
    await decideCompletion(y.as(y.actors.supervisor), { requestId, decision: 'accept' });
    const august = await lightsOn(y, '2024-08-15');
    expect(august.task(y.canteen.id).light).toBe('done');
    expect(august.item(23)).toMatchObject({ light: 'done', progress: 1 });
    // Before the acceptance day the task is not yet done.
    expect((await lightsOn(y, '2024-07-05')).task(y.canteen.id).light).not.toBe('done');
  });
});
