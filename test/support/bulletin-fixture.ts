import type { Database } from '../../src/db/connect.ts';
import type { Actor } from '../../src/domain/context.ts';
import { decideCompletion } from '../../src/domain/decide-completion.ts';
import { importNotice } from '../../src/domain/import-notice.ts';
import { logOccurrence } from '../../src/domain/log-occurrence.ts';
import { publishPlan } from '../../src/domain/publish-plan.ts';
import { requestCompletion } from '../../src/domain/request-completion.ts';
import { reviewOccurrence } from '../../src/domain/review-occurrence.ts';
import { reviewReport } from '../../src/domain/review-report.ts';
import { submitReport } from '../../src/domain/submit-report.ts';
import { addItem, addTask, addUser, contextFor, testClock } from './factories.ts';
import { seedWorkflow, type WorkflowFixture } from './workflow-fixture.ts';
import { fixedContext, yunxiText } from './yunxi.ts';

/** The workflow fixture worked through March–May 2024, for May's bulletin (工作通报). */
export interface BulletinFixture extends WorkflowFixture {
  /** Item 3, whose only task 人事股 completed on 2024-05-15. */
  doneItemId: number;
  /** A task of item 2 led by 行政审批股, due 2024-06-28. */
  dueInJuneTaskId: number;
}

/**
 * 办公室 reports March–May on time and each is accepted; 行政审批股 (co-owner) files nothing;
 * 人事股 never reports on its task of item 2 but completes item 3 on 15 May. The clock ends on
 * 2024-06-03, after May.
 */
export async function seedBulletinMonth(database: Database): Promise<BulletinFixture> {
  const f = await seedWorkflow(database);
  const { db } = database;
  const plan = await db
    .selectFrom('items')
    .select(['section_id'])
    .where('id', '=', f.itemId)
    .executeTakeFirstOrThrow();
  const doneItemId = await addItem(db, f.planId, plan.section_id, 3, '完善教育系统人事管理制度', []);
  const doneTask = await addTask(db, f.planId, doneItemId, {
    title: '修订教职工考勤管理办法',
    leadUnitId: f.units.personnel,
    dueOn: '2024-06-30',
  });
  const otherItemId = (
    await db.selectFrom('tasks').select('item_id').where('id', '=', f.otherTaskId).executeTakeFirstOrThrow()
  ).item_id;
  const dueInJuneTaskId = await addTask(db, f.planId, otherItemId, {
    title: '制订基层党组织书记述职评议方案',
    leadUnitId: f.units.approval,
    dueOn: '2024-06-28',
  });
  for (const month of [3, 4, 5]) {
    const period = `2024-0${month}`;
    f.clock.set(`${period}-20T02:00:00Z`);
    const { reportId } = await submitReport(f.as(f.actors.office), {
      taskId: f.taskId,
      period,
      selfStatus: 'on_track',
      percent: month * 8,
      narrative: `${month}月按计划开展学习`,
    });
    await reviewReport(f.as(f.actors.supervisor), { reportId, decision: 'accept' });
  }
  f.clock.set('2024-05-15T02:00:00Z');
  const { requestId } = await requestCompletion(f.as(f.actors.personnel), {
    taskId: doneTask,
    note: '办法已印发',
  });
  await decideCompletion(f.as(f.actors.supervisor), { requestId, decision: 'accept' });
  f.clock.set('2024-06-03T02:00:00Z');
  return { ...f, doneItemId, dueInJuneTaskId };
}

/**
 * The Yunxi 2024 plan imported and published on 2024-02-23, then worked March–June through the
 * use cases: every owner of every task reports monthly (most on time, some late, some skipping
 * June), the supervisor accepts; the monthly study sessions are logged and accepted; three tasks
 * are completed in June. The clock ends on 2024-07-02, when June's bulletin is written.
 */
export async function seedYunxiThroughJune(database: Database) {
  const system = await fixedContext(database, '2024-02-23T02:00:00Z');
  const { planId } = await importNotice(system, { text: yunxiText }, { createUnits: true });
  await publishPlan(system, { planId });
  const { db } = database;
  const org = system.actor.organizationId;
  const clock = testClock('2024-02-23T02:00:00Z');
  const supervisor = await addUser(db, org, 'duban', ['supervisor']);
  const as = (actor: Actor) => contextFor(database, actor, clock);
  const owners = await db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .select(['task_units.task_id as taskId', 'task_units.unit_id as unitId'])
    .where('tasks.plan_id', '=', planId)
    .orderBy('task_units.task_id')
    .orderBy('task_units.unit_id')
    .execute();
  const unitIds = [...new Set(owners.map((o) => o.unitId))].sort((a, b) => a - b);
  const users = new Map<number, Actor>();
  for (const unitId of unitIds) {
    users.set(unitId, await addUser(db, org, `unit${unitId}`, ['department'], { unitId }));
  }
  // A unit's habits, fixed by its place in the list: every seventh stops reporting in June,
  // every fifth reports a few days after the due day.
  const habit = (unitId: number) => {
    const index = unitIds.indexOf(unitId);
    return { skipsJune: index % 7 === 3, late: index % 5 === 1 };
  };
  for (const month of [3, 4, 5, 6]) {
    const period = `2024-0${month}`;
    for (const owner of owners) {
      const { skipsJune, late } = habit(owner.unitId);
      if (month === 6 && skipsJune) continue;
      clock.set(`${period}-${late ? '28' : '20'}T02:00:00Z`);
      const { reportId } = await submitReport(as(users.get(owner.unitId)!), {
        taskId: owner.taskId,
        period,
        selfStatus: 'on_track',
        percent: Math.min(100, month * 12),
        narrative: `${month}月按计划推进`,
      });
      await reviewReport(as(supervisor), { reportId, decision: 'accept' });
    }
  }
  const study = await db
    .selectFrom('indicators')
    .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
    .select(['indicators.id', 'tasks.lead_unit_id'])
    .where('tasks.plan_id', '=', planId)
    .where('indicators.text', 'like', '%每月开展党委理论中心组学习%')
    .executeTakeFirstOrThrow();
  for (const on of ['2024-03-12', '2024-04-10', '2024-05-14', '2024-06-11']) {
    clock.set(`${on}T06:00:00Z`);
    const { occurrenceId } = await logOccurrence(as(users.get(study.lead_unit_id!)!), {
      indicatorId: study.id,
      occurredOn: on,
      note: '党委理论中心组学习',
    });
    await reviewOccurrence(as(supervisor), { occurrenceId, decision: 'accept', comment: '' });
  }
  const finishing = await db
    .selectFrom('tasks')
    .innerJoin('items', 'items.id', 'tasks.item_id')
    .select(['tasks.id', 'tasks.lead_unit_id'])
    .where('tasks.plan_id', '=', planId)
    .where('tasks.parent_task_id', 'is', null)
    .where('items.no', 'in', [21, 22, 23])
    .orderBy('items.no')
    .execute();
  for (const [index, task] of finishing.entries()) {
    clock.set(`2024-06-${12 + index * 3}T02:00:00Z`);
    const { requestId } = await requestCompletion(as(users.get(task.lead_unit_id!)!), {
      taskId: task.id,
      note: '已按要求完成',
    });
    await decideCompletion(as(supervisor), { requestId, decision: 'accept' });
  }
  clock.set('2024-07-02T02:00:00Z');
  return { planId, clock, supervisor, as };
}
