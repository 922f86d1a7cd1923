import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { fixedContext, yunxiText } from '../../test/support/yunxi.ts';
import { isAppError } from './errors.ts';
import { getPlanTree } from './get-plan-tree.ts';
import { importNotice } from './import-notice.ts';
import { listPlans } from './list-plans.ts';
import { publishPlan } from './publish-plan.ts';

describeEachDatabase('getPlanTree and listPlans', (current) => {
  it('shows a draft with its items, leaders, departments and parsed indicators', async () => {
    const ctx = await fixedContext(current());
    const { planId } = await importNotice(ctx, { text: yunxiText }, { createUnits: true });
    const tree = await getPlanTree(ctx, { planId });
    expect(tree.plan).toMatchObject({ title: '云溪区2024年教育体育工作要点', year: 2024, status: 'draft' });
    expect(tree.plan.docNumber).toBe('岳云教体〔2024〕4号');
    expect(tree.lights).toBeUndefined();
    expect(tree.sections.map((s) => s.items.length)).toEqual([4, 3, 4, 5, 7]);
    const item6 = tree.sections[1]!.items[1]!;
    expect(item6.leaders).toEqual(['陈丽', '李开军', '林海']);
    expect(item6.departments.map((d) => [d.name, d.isLead])).toEqual([
      ['教育股', true],
      ['工会', false],
      ['体育股', false],
    ]);
    expect(tree.sections[0]!.items[0]!.draftIndicators.map((i) => i.kind)).toEqual(['recurring', 'count']);
    expect(item6.tasks).toEqual([]);
  });

  it('shows a published plan with tasks, owners, slots and lights', async () => {
    const ctx = await fixedContext(current());
    const { planId } = await importNotice(ctx, { text: yunxiText }, { createUnits: true });
    await publishPlan(ctx, { planId });
    const tree = await getPlanTree(ctx, { planId, asOf: '2024-06-01' });
    expect(tree.plan.status).toBe('published');
    expect(tree.lights?.asOf).toBe('2024-06-01');
    const items = tree.sections.flatMap((s) => s.items);
    expect(items.every((i) => i.tasks.length === 1)).toBe(true);
    const task1 = items[0]!.tasks[0]!;
    expect(task1.lead?.name).toBe('办公室');
    expect(task1.coOwners.map((u) => u.name)).toEqual(['行政审批股']);
    const study = task1.indicators.find((i) => i.kind === 'recurring')!;
    expect(study.slots).toHaveLength(10);
    // Nothing logged by June: the study sessions of March to May are missing.
    expect(study.light?.light).toBe('red');
    expect(study.light?.reason).toContain('5月');
    expect(items[0]!.light).toBeDefined();
  });

  it('lists the organization’s plans with counts, and hides other organizations’ plans', async () => {
    const ctx = await fixedContext(current());
    const { planId } = await importNotice(ctx, { text: yunxiText }, { createUnits: true });
    await publishPlan(ctx, { planId });
    const plans = await listPlans(ctx);
    expect(plans).toEqual([
      expect.objectContaining({ id: planId, year: 2024, status: 'published', items: 23, tasks: 23 }),
    ]);
    const stranger = { ...ctx, actor: { ...ctx.actor, organizationId: ctx.actor.organizationId + 1 } };
    expect(await listPlans(stranger)).toEqual([]);
    const error = await getPlanTree(stranger, { planId }).catch((e: unknown) => e);
    expect(isAppError(error, 'NOT_FOUND')).toBe(true);
  });
});
