import { carryOverTasks } from '../../domain/plan-compare/carry-over-tasks.ts';
import { getPlanComparison } from '../../domain/plan-compare/get-plan-comparison.ts';
import { listCarryOver } from '../../domain/plan-compare/list-carry-over.ts';
import { setPreviousPlan } from '../../domain/plan-compare/set-previous-plan.ts';
import { carryOverSchema, comparisonQuerySchema, setPreviousPlanSchema } from '../../shared/plan-compare.ts';
import { defineRoute, idParams, type Route } from '../route.ts';

const TAG = '年度对比';

/** Next year's notice compared with this year's plan, carry-over. */
export const planCompareRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/plans/:id/comparison',
    summary:
      '本年度工作要点与上一年度对比（base 默认为已设定的上一年度，未设定时取更早年度中最新的一份）：未变、调整（含文字差异）、可能对应、拆分、合并、新增、取消和责任调整',
    tag: TAG,
    auth: true,
    params: idParams,
    query: comparisonQuerySchema,
    handler: async ({ ctx, params, query }) =>
      getPlanComparison(ctx, { planId: params.id, base: query.base }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/plans/:id/previous-plan',
    summary: '设定（或以 null 清除）本工作要点所接续的上一年度工作要点（督办人员）',
    tag: TAG,
    auth: true,
    params: idParams,
    body: setPreviousPlanSchema,
    handler: async ({ ctx, params, body }) => setPreviousPlan(ctx, { planId: params.id, ...body }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/plans/:id/carry-over',
    summary: '可结转的上一年度未办结任务（督办人员）：亮灯、所属要点及其在本年度的对应要点、是否已结转',
    tag: TAG,
    auth: true,
    params: idParams,
    query: comparisonQuerySchema,
    handler: async ({ ctx, params, query }) => listCarryOver(ctx, { planId: params.id, base: query.base }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/plans/:id/carry-over',
    summary:
      '把上一年度未办结任务结转到本年度（督办人员，本年度须已发布）：tasks 为 [{taskId, itemId?}]，itemId 默认为对应要点；同一任务不能重复结转',
    tag: TAG,
    auth: true,
    params: idParams,
    body: carryOverSchema,
    status: 201,
    handler: async ({ ctx, params, body }) => carryOverTasks(ctx, { planId: params.id, ...body }),
  }),
];
