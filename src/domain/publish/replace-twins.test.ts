import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { fixedContext, yunxiText } from '../../../test/support/yunxi.ts';
import { generatePlanYear } from '../../seed/plan-year.ts';
import type { ExistingPlan } from '../../shared/import.ts';
import type { Context } from '../context.ts';
import { isAppError } from '../errors.ts';
import { importNotice } from '../import-notice.ts';
import { publishPlan } from '../publish-plan.ts';

const DOC_NO = '岳云教体〔2024〕4号';

describeEachDatabase('publishing a notice already published', (current) => {
  async function publishedYunxi(text = yunxiText) {
    const ctx = await fixedContext(current(), '2024-02-23T02:00:00Z');
    const { planId } = await importNotice(ctx, { text }, { createUnits: true });
    await publishPlan(ctx, { planId });
    return { ctx, planId };
  }

  async function importAgain(ctx: Context, text = yunxiText): Promise<number> {
    return (await importNotice(ctx, { text }, { createUnits: true })).planId;
  }

  const plan = (ctx: Context, id: number) =>
    ctx.db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const taskCount = async (ctx: Context, planId: number) =>
    (await ctx.db.selectFrom('tasks').select('id').where('plan_id', '=', planId).execute()).length;

  it('refuses a second publication of the same 文号, naming the published plan, and writes nothing', async () => {
    const { ctx, planId: first } = await publishedYunxi();
    const again = await importAgain(ctx);
    expect(again).not.toBe(first);
    const error = await publishPlan(ctx, { planId: again }).catch((e: unknown) => e);
    expect(isAppError(error, 'CONFLICT')).toBe(true);
    if (!isAppError(error)) return;
    expect(error.message).toContain(
      `本单位已发布过同一份工作要点“云溪区2024年教育体育工作要点”（${DOC_NO}，编号 ${first}，2024-02-23 发布）`,
    );
    expect(error.message).toContain('还没有填报和完成记录');
    expect(error.details.existingPlan).toEqual({
      id: first,
      title: '云溪区2024年教育体育工作要点',
      docNo: DOC_NO,
      year: 2024,
      status: 'published',
      publishedOn: '2024-02-23',
      reports: 0,
      occurrences: 0,
    } satisfies ExistingPlan);
    expect((await plan(ctx, again)).status).toBe('draft');
    expect((await plan(ctx, first)).status).toBe('published');
    expect(await taskCount(ctx, again)).toBe(0);
  });

  it('with replace closes the old plan, keeps its reports and occurrences, and audits both', async () => {
    const { ctx, planId: first } = await publishedYunxi();
    const year = await generatePlanYear(current(), { planId: first, through: '2024-04-30', seed: 3 });
    expect(year.reports).toBeGreaterThan(0);
    const later = await fixedContext(current(), '2024-05-06T02:00:00Z');
    const again = await importAgain(later);

    const refused = await publishPlan(later, { planId: again }).catch((e: unknown) => e);
    if (!isAppError(refused, 'CONFLICT')) throw refused;
    const existing = refused.details.existingPlan as ExistingPlan;
    expect([existing.reports, existing.occurrences]).toEqual([year.reports, year.occurrences]);
    expect(refused.message).toContain(`已有 ${year.reports} 份进展填报、${year.occurrences} 条完成记录`);

    const result = await publishPlan(later, { planId: again, replace: true });
    expect(result).toMatchObject({ planId: again, tasks: 23, replacedPlanIds: [first] });
    expect((await plan(ctx, first)).status).toBe('closed');
    expect((await plan(ctx, again)).status).toBe('published');
    // Nothing recorded on the old plan is lost: its tasks and reports are still there.
    expect(await taskCount(ctx, first)).toBe(23);
    const reports = await ctx.db
      .selectFrom('reports')
      .innerJoin('tasks', 'tasks.id', 'reports.task_id')
      .select('reports.id')
      .where('tasks.plan_id', '=', first)
      .execute();
    expect(reports).toHaveLength(year.reports);

    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'after'])
      .where('action', 'in', ['plan.close', 'plan.publish'])
      .where('entity_id', 'in', [first, again])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
      ['plan.publish', first],
      ['plan.publish', again],
      ['plan.close', first],
    ]);
    expect(JSON.parse(audit[1]!.after ?? '{}')).toMatchObject({
      replaces: [first],
      replacedPlanIds: [first],
    });
    expect(JSON.parse(audit[2]!.after ?? '{}')).toMatchObject({
      status: 'closed',
      replacedBy: again,
      reports: year.reports,
    });
  });

  it('names the published plan before an older closed one, and replaces both as one edition', async () => {
    const { ctx, planId: first } = await publishedYunxi();
    const second = await importAgain(ctx);
    await publishPlan(ctx, { planId: second, replace: true });
    const third = await importAgain(ctx);
    const error = await publishPlan(ctx, { planId: third }).catch((e: unknown) => e);
    if (!isAppError(error, 'CONFLICT')) throw error;
    expect((error.details.existingPlan as ExistingPlan).id).toBe(second);
    expect(error.details.existingPlanIds).toEqual([second, first]);
    const result = await publishPlan(ctx, { planId: third, replace: true });
    expect(result.replacedPlanIds).toEqual([second]);
    const statuses = await ctx.db.selectFrom('plans').select(['id', 'status']).orderBy('id').execute();
    expect(statuses.map((p) => p.status)).toEqual(['closed', 'closed', 'published']);
  });

  it('refuses over a closed plan as well; replacing leaves the closed plan as it is', async () => {
    const { ctx, planId: first } = await publishedYunxi();
    // A plan closed at the end of its year (no use case closes plans yet besides replacing).
    await ctx.db.updateTable('plans').set({ status: 'closed' }).where('id', '=', first).execute();
    const again = await importAgain(ctx);
    const error = await publishPlan(ctx, { planId: again }).catch((e: unknown) => e);
    if (!isAppError(error, 'CONFLICT')) throw error;
    expect(error.details.existingPlan).toMatchObject({ id: first, status: 'closed' });
    expect(error.message).toContain('现已关闭');
    expect(error.message).toContain('原工作要点保持关闭');
    const result = await publishPlan(ctx, { planId: again, replace: true });
    expect(result.replacedPlanIds).toEqual([]);
    expect((await plan(ctx, first)).status).toBe('closed');
    const closings = await ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'plan.close')
      .execute();
    expect(closings).toHaveLength(0);
  });

  it('matches by title and year where a copy has no 文号', async () => {
    const withoutDocNo = yunxiText.replace(`${DOC_NO}\n`, '');
    const { ctx, planId: first } = await publishedYunxi(withoutDocNo);
    expect((await plan(ctx, first)).doc_number).toBeNull();
    const again = await importAgain(ctx, withoutDocNo);
    const error = await publishPlan(ctx, { planId: again }).catch((e: unknown) => e);
    if (!isAppError(error, 'CONFLICT')) throw error;
    expect(error.message).toContain('本单位已发布过同一份工作要点“云溪区2024年教育体育工作要点”（编号');
    expect(error.details.existingPlan).toMatchObject({ id: first, docNo: null });
    // The same notice, this time with its 文号, is the same document too (the draft is updated in place).
    expect(await importAgain(ctx)).toBe(again);
    expect((await plan(ctx, again)).doc_number).toBe(DOC_NO);
    const withDocNo = await publishPlan(ctx, { planId: again }).catch((e: unknown) => e);
    expect(isAppError(withDocNo, 'CONFLICT')).toBe(true);
  });

  it('publishes a revised notice under a new 文号 without asking', async () => {
    const { ctx, planId: first } = await publishedYunxi();
    const revised = await importAgain(ctx, yunxiText.replace(DOC_NO, '岳云教体〔2024〕9号'));
    await expect(publishPlan(ctx, { planId: revised })).resolves.toMatchObject({ replacedPlanIds: [] });
    expect((await plan(ctx, first)).status).toBe('published');
  });
});
