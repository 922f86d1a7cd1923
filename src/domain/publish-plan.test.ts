import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { fixedContext, yunxiText } from '../../test/support/yunxi.ts';
import { addUnit } from './directory/add-unit.ts';
import { isAppError } from './errors.ts';
import { importNotice } from './import-notice.ts';
import { publishPlan } from './publish-plan.ts';

describeEachDatabase('publishPlan', (current) => {
  async function importedYunxi(text = yunxiText) {
    const ctx = await fixedContext(current(), '2024-02-23T02:00:00Z');
    const { planId } = await importNotice(ctx, { text }, { createUnits: true });
    return { ctx, planId };
  }

  it('creates one task per item with lead, co-owners, dates and indicators', async () => {
    const { ctx, planId } = await importedYunxi();
    const result = await publishPlan(ctx, { planId });
    expect(result).toMatchObject({ planId, tasks: 23, schoolTasks: 0 });
    const plan = await ctx.db.selectFrom('plans').selectAll().executeTakeFirstOrThrow();
    expect([plan.status, plan.published_on]).toEqual(['published', '2024-02-23']);

    const tasks = await ctx.db
      .selectFrom('tasks')
      .innerJoin('items', 'items.id', 'tasks.item_id')
      .select(['tasks.id', 'items.no', 'tasks.start_on', 'tasks.due_on', 'tasks.lead_unit_id'])
      .orderBy('items.no')
      .execute();
    expect(tasks).toHaveLength(23);
    expect(tasks[0]).toMatchObject({ start_on: '2024-02-23', due_on: '2024-12-31' });
    const owners = await ctx.db
      .selectFrom('task_units')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select(['units.name', 'task_units.role'])
      .where('task_units.task_id', '=', tasks[0]!.id)
      .orderBy('task_units.role', 'desc')
      .execute();
    expect(owners).toEqual([
      { name: '办公室', role: 'lead' },
      { name: '行政审批股', role: 'co' },
    ]);

    const study = await ctx.db
      .selectFrom('indicators')
      .selectAll()
      .where('task_id', '=', tasks[0]!.id)
      .where('kind', '=', 'recurring')
      .executeTakeFirstOrThrow();
    expect(study.text).toContain('每月开展党委理论中心组学习');
    const slots = await ctx.db
      .selectFrom('indicator_slots')
      .select(['label', 'starts_on', 'ends_on'])
      .where('indicator_id', '=', study.id)
      .orderBy('starts_on')
      .execute();
    // Published on 23 February: February is mostly over, so slots run March to December.
    expect(slots.map((s) => s.label)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => `2024年${m}月`));
    expect(slots[2]).toEqual({ label: '2024年5月', starts_on: '2024-05-01', ends_on: '2024-05-31' });

    const canteen = await ctx.db
      .selectFrom('indicators')
      .selectAll()
      .where('task_id', '=', tasks[22]!.id)
      .where('kind', '=', 'deliverable')
      .executeTakeFirstOrThrow();
    expect(canteen.name).toBe('中小幼学生食堂管理实施细则');
    expect(canteen.due_on).toBe('2024-12-31');
  });

  it('refuses to publish twice and leaves the first publication untouched', async () => {
    const { ctx, planId } = await importedYunxi();
    await publishPlan(ctx, { planId });
    const again = await publishPlan(ctx, { planId }).catch((e: unknown) => e);
    expect(isAppError(again, 'CONFLICT')).toBe(true);
    const stale = await publishPlan(ctx, { planId, version: 1 }).catch((e: unknown) => e);
    expect(isAppError(stale, 'CONFLICT')).toBe(true);
    const tasks = await ctx.db.selectFrom('tasks').select('id').execute();
    expect(tasks).toHaveLength(23);
  });

  it('refuses a stale version of a draft without creating tasks', async () => {
    const { ctx, planId } = await importedYunxi();
    await importNotice(ctx, { text: yunxiText }, { createUnits: true }); // version 2 now
    const stale = await publishPlan(ctx, { planId, version: 1 }).catch((e: unknown) => e);
    expect(isAppError(stale, 'CONFLICT')).toBe(true);
    expect(await ctx.db.selectFrom('tasks').select('id').execute()).toHaveLength(0);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'plan.publish')
      .execute();
    expect(audit).toHaveLength(0);
  });

  it('fans school work out to the schools the item addresses, with the recurring slots', async () => {
    // Item 17's monthly inspection, addressed to every school, to see the recurring promise copied.
    const text = yunxiText.replace('每月对校园安全进行全方位排查', '各学校每月对校园安全进行全方位排查');
    const { ctx, planId } = await importedYunxi(text);
    await addUnit(ctx, { name: '云溪小学', kind: 'school', schoolKind: '小学' });
    await addUnit(ctx, { name: '云溪中学', kind: 'school', schoolKind: '初中' });
    await addUnit(ctx, { name: '云溪幼儿园', kind: 'school', schoolKind: '幼儿园' });
    const result = await publishPlan(ctx, { planId });
    // Items 6, 7, 8, 16, 17 and 23 say 各学校/各校: three schools each.
    expect(result.schoolTasks).toBe(18);
    expect(result.tasks).toBe(23 + 18);
    const children = await ctx.db
      .selectFrom('tasks')
      .innerJoin('units', 'units.id', 'tasks.lead_unit_id')
      .innerJoin('items', 'items.id', 'tasks.item_id')
      .select(['items.no', 'units.name', 'tasks.parent_task_id'])
      .where('tasks.parent_task_id', 'is not', null)
      .orderBy('items.no')
      .orderBy('units.name')
      .execute();
    expect([...new Set(children.map((c) => c.no))]).toEqual([6, 7, 8, 16, 17, 23]);
    expect(
      children
        .filter((c) => c.no === 23)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['云溪中学', '云溪小学', '云溪幼儿园'].sort());
    const schoolSlots = await ctx.db
      .selectFrom('indicator_slots')
      .innerJoin('indicators', 'indicators.id', 'indicator_slots.indicator_id')
      .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
      .innerJoin('units', 'units.id', 'tasks.lead_unit_id')
      .select(['units.name', 'indicators.text', 'indicator_slots.label'])
      .where('units.name', '=', '云溪幼儿园')
      .execute();
    expect(schoolSlots).toHaveLength(10);
    expect(schoolSlots[0]!.text).toContain('每月对校园安全进行全方位排查');
  });

  it('starts a plan published after its year on the notice’s issue date', async () => {
    const { planId } = await importedYunxi();
    const late = await fixedContext(current(), '2026-11-29T02:00:00Z');
    await publishPlan(late, { planId });
    const task = await late.db.selectFrom('tasks').selectAll().orderBy('id').executeTakeFirstOrThrow();
    expect([task.start_on, task.due_on]).toEqual(['2024-02-22', '2024-12-31']);
    const plan = await late.db.selectFrom('plans').selectAll().executeTakeFirstOrThrow();
    expect(plan.published_on).toBe('2026-11-29');
  });

  it('answers NOT_FOUND for a plan of another organization', async () => {
    const { ctx, planId } = await importedYunxi();
    const other = { ...ctx, actor: { ...ctx.actor, organizationId: ctx.actor.organizationId + 1 } };
    const error = await publishPlan(other, { planId }).catch((e: unknown) => e);
    expect(isAppError(error, 'NOT_FOUND')).toBe(true);
  });
});
