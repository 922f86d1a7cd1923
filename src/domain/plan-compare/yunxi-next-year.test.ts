import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { addUser, contextFor, testClock } from '../../../test/support/factories.ts';
import { fixedContext, yunxiText } from '../../../test/support/yunxi.ts';
import type { Database } from '../../db/connect.ts';
import type { PlanComparison } from '../../shared/plan-compare.ts';
import { decideCompletion } from '../decide-completion.ts';
import { isAppError } from '../errors.ts';
import { importNotice } from '../import-notice.ts';
import { publishPlan } from '../publish-plan.ts';
import { requestCompletion } from '../request-completion.ts';
import { carryOverTasks } from './carry-over-tasks.ts';
import { getPlanComparison } from './get-plan-comparison.ts';
import { listCarryOver } from './list-carry-over.ts';
import { setPreviousPlan } from './set-previous-plan.ts';

// The Yunxi 2024 plan, then its 2025 notice (test/fixtures/notices/yunxi-2025-next-year.txt):
// items renumbered and reordered, several reworded, 19 and 22 dropped, four new, item 20 split in
// two, responsibilities moved (16: 办公室 → 人事股; 9: 陈丽 → 杨建波; 3: 阳光服务中心 now leads).
const nextYearText = readFileSync(
  new URL('../../../test/fixtures/notices/yunxi-2025-next-year.txt', import.meta.url),
  'utf8',
);

async function twoYears(database: Database) {
  const system = await fixedContext(database, '2024-02-23T02:00:00Z');
  const org = system.actor.organizationId;
  const { planId: lastYear } = await importNotice(system, { text: yunxiText }, { createUnits: true });
  await publishPlan(system, { planId: lastYear });
  // 勤管中心 finished item 23's task in 2024: it is not offered for carry-over.
  const { db } = database;
  const unit = await db
    .selectFrom('units')
    .select('id')
    .where('name', '=', '勤管中心')
    .executeTakeFirstOrThrow();
  const canteen = await addUser(db, org, 'qgzx', ['department'], { unitId: unit.id });
  const supervisor = await addUser(db, org, 'duban', ['supervisor']);
  const clock = testClock('2024-08-01T02:00:00Z');
  const task = async (planId: number, no: number) =>
    db
      .selectFrom('tasks')
      .innerJoin('items', 'items.id', 'tasks.item_id')
      .select(['tasks.id', 'tasks.title', 'tasks.lead_unit_id'])
      .where('tasks.plan_id', '=', planId)
      .where('items.no', '=', no)
      .where('tasks.parent_task_id', 'is', null)
      .executeTakeFirstOrThrow();
  const canteenTask = await task(lastYear, 23);
  const { requestId } = await requestCompletion(contextFor(database, canteen, clock), {
    taskId: canteenTask.id,
    note: '《中小幼学生食堂管理实施细则》已印发',
    files: [{ fileName: '细则.txt', mediaType: 'text/plain', bytes: new TextEncoder().encode('细则') }],
  });
  await decideCompletion(contextFor(database, supervisor, clock), { requestId, decision: 'accept' });

  const next = await fixedContext(database, '2025-02-25T02:00:00Z');
  const { planId: thisYear } = await importNotice(next, { text: nextYearText }, { createUnits: true });
  await publishPlan(next, { planId: thisYear });
  return { ctx: next, lastYear, thisYear, task, canteenTask };
}

const byNo = (c: PlanComparison) =>
  c.matches.map((m) => [m.before.no, m.after.no, m.status, m.relation] as const);

describeEachDatabase('Yunxi 2024 → 2025: compare and carry over', (current) => {
  it('pairs every 2025 item with its 2024 item by meaning, lists new, dropped and responsibility moves', async () => {
    const y = await twoYears(current());
    const comparison = await getPlanComparison(y.ctx, { planId: y.thisYear });
    // No previous plan recorded yet: the newest earlier plan is the base.
    expect(comparison).toMatchObject({
      base: { id: y.lastYear, year: 2024 },
      plan: { year: 2025 },
      linked: false,
    });
    expect(byNo(comparison)).toEqual([
      [1, 1, 'changed', 'same'],
      [4, 2, 'unchanged', 'same'],
      [2, 3, 'changed', 'same'],
      [3, 4, 'changed', 'same'],
      [5, 5, 'changed', 'same'],
      [6, 6, 'changed', 'same'],
      [7, 8, 'unchanged', 'same'],
      [9, 10, 'changed', 'same'],
      [8, 11, 'changed', 'same'],
      [11, 13, 'changed', 'same'],
      [10, 14, 'changed', 'same'],
      [14, 15, 'changed', 'same'],
      [12, 16, 'changed', 'same'],
      [13, 17, 'changed', 'same'],
      [15, 18, 'unchanged', 'same'],
      [16, 19, 'unchanged', 'same'],
      [17, 20, 'changed', 'same'],
      [18, 21, 'changed', 'same'],
      [20, 22, 'changed', 'split'],
      [20, 23, 'changed', 'same'],
      [23, 24, 'changed', 'same'],
      [21, 25, 'unchanged', 'same'],
    ]);
    expect(comparison.added.map((i) => [i.no, i.title])).toEqual([
      [7, '深入实施青少年近视防控工作'],
      [9, '做好留守儿童关爱和乡村学校少年宫工作'],
      [12, '加强特殊教育和融合教育'],
      [26, '科学编制“十五五”教育事业发展规划'],
    ]);
    expect(comparison.dropped.map((i) => [i.no, i.title])).toEqual([
      [19, '深入开展三年集中攻坚行动'],
      [22, '统筹落实招生考试工作'],
    ]);
    expect(comparison.counts).toEqual({
      unchanged: 5,
      changed: 16,
      possible: 0,
      added: 4,
      dropped: 2,
      split: 1,
      merged: 0,
      responsibility: 5,
    });
    const moved = (before: number, after: number) =>
      comparison.matches.find((m) => m.before.no === before && m.after.no === after)?.responsibility;
    expect(moved(16, 19)).toEqual({
      leadersAdded: [],
      leadersRemoved: [],
      departmentsAdded: ['人事股'],
      departmentsRemoved: ['办公室'],
      leadBefore: '工会',
      leadAfter: '工会',
      leadChanged: false,
    });
    expect(moved(9, 10)).toMatchObject({ leadersAdded: ['杨建波'], leadersRemoved: ['陈丽'] });
    expect(moved(3, 4)).toMatchObject({ leadBefore: '办公室', leadAfter: '阳光服务中心', leadChanged: true });
    expect(moved(1, 1)).toBeNull();
    // The reworded title shows what changed, character by character.
    const first = comparison.matches[0]!;
    expect(first.titleDiff).toEqual([
      { op: 'equal', text: '深入学习贯彻党的二十' },
      { op: 'delete', text: '大' },
      { op: 'insert', text: '届三中全会' },
      { op: 'equal', text: '精神' },
    ]);
    expect(first.similarity).toBeGreaterThan(0.7);
  });

  it('carries two unfinished tasks once, under the matched or a chosen item; carrying again is refused', async () => {
    const y = await twoYears(current());
    const { db } = current();
    await setPreviousPlan(y.ctx, { planId: y.thisYear, previousPlanId: y.lastYear });
    expect((await getPlanComparison(y.ctx, { planId: y.thisYear })).linked).toBe(true);

    const list = await listCarryOver(y.ctx, { planId: y.thisYear });
    // 23 tasks of 2024's items, less 勤管中心's accepted one.
    expect(list.candidates).toHaveLength(22);
    expect(list.candidates.some((c) => c.taskId === y.canteenTask.id)).toBe(false);
    const study = await y.task(y.lastYear, 1);
    const attack = await y.task(y.lastYear, 19);
    const studyCandidate = list.candidates.find((c) => c.taskId === study.id)!;
    expect(studyCandidate).toMatchObject({
      item: { no: 1 },
      target: { no: 1, status: 'changed', relation: 'same' },
      carriedTaskId: null,
      leadUnit: '办公室',
    });
    expect(studyCandidate.light).not.toBeNull();
    expect(list.candidates.find((c) => c.taskId === attack.id)!.target).toBeNull();

    const projects = await db
      .selectFrom('items')
      .select('id')
      .where('plan_id', '=', y.thisYear)
      .where('no', '=', 22)
      .executeTakeFirstOrThrow();
    const tasksBefore = await countTasks(current(), y.thisYear);
    // Item 19 was dropped: without a chosen item nothing is carried at all.
    await expect(
      carryOverTasks(y.ctx, { planId: y.thisYear, tasks: [{ taskId: study.id }, { taskId: attack.id }] }),
    ).rejects.toSatisfy((e) => isAppError(e, 'INVALID_INPUT') && e.message.includes('选择本年度的要点'));
    // A finished task is refused.
    await expect(
      carryOverTasks(y.ctx, { planId: y.thisYear, tasks: [{ taskId: y.canteenTask.id }] }),
    ).rejects.toSatisfy((e) => isAppError(e, 'CONFLICT'));
    expect(await countTasks(current(), y.thisYear)).toBe(tasksBefore);

    const result = await carryOverTasks(y.ctx, {
      planId: y.thisYear,
      tasks: [{ taskId: study.id }, { taskId: attack.id, itemId: projects.id }],
    });
    expect(result.created).toHaveLength(2);
    const carried = await db
      .selectFrom('tasks')
      .innerJoin('items', 'items.id', 'tasks.item_id')
      .select(['tasks.id', 'tasks.title', 'tasks.lead_unit_id', 'tasks.carried_from_task_id', 'tasks.status'])
      .select(['tasks.start_on', 'tasks.due_on', 'items.no'])
      .where('tasks.plan_id', '=', y.thisYear)
      .where('tasks.carried_from_task_id', 'is not', null)
      .orderBy('tasks.id')
      .execute();
    expect(carried).toMatchObject([
      {
        title: study.title,
        lead_unit_id: study.lead_unit_id,
        carried_from_task_id: study.id,
        no: 1,
        status: 'pending',
      },
      { title: attack.title, lead_unit_id: attack.lead_unit_id, carried_from_task_id: attack.id, no: 22 },
    ]);
    expect(carried[0]).toMatchObject({ start_on: '2025-02-25', due_on: '2025-12-31' });
    // 行政审批股 co-owned the 2024 study task and co-owns the carried one.
    const coOwners = await db
      .selectFrom('task_units')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select(['units.name', 'task_units.role'])
      .where('task_id', '=', carried[0]!.id)
      .orderBy('task_units.role', 'desc')
      .execute();
    expect(coOwners).toEqual([
      { name: '办公室', role: 'lead' },
      { name: '行政审批股', role: 'co' },
    ]);
    // The old tasks stay where they were.
    expect((await y.task(y.lastYear, 1)).id).toBe(study.id);
    const audit = await db
      .selectFrom('audit_log')
      .select(['entity_id'])
      .where('action', '=', 'task.carry_over')
      .execute();
    expect(audit.map((a) => a.entity_id).sort()).toEqual(carried.map((c) => c.id).sort());

    // Again: refused, nothing written.
    const again = carryOverTasks(y.ctx, { planId: y.thisYear, tasks: [{ taskId: study.id }] });
    await expect(again).rejects.toSatisfy(
      (e) => isAppError(e, 'CONFLICT') && e.message.includes('不能重复结转'),
    );
    expect(await countTasks(current(), y.thisYear)).toBe(tasksBefore + 2);
    const after = await listCarryOver(y.ctx, { planId: y.thisYear });
    expect(after.candidates.find((c) => c.taskId === study.id)!.carriedTaskId).toBe(carried[0]!.id);
  });
});

async function countTasks(database: Database, planId: number): Promise<number> {
  const row = await database.db
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
