import { z } from 'zod';
import { computePlanLights } from '../../domain/compute-plan-lights.ts';
import { defineRoute, idParams, type Route } from '../route.ts';

/** The dashboard of a plan. */
export const dashboardRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/plans/:id/dashboard',
    summary: '工作要点看板：总体亮灯、进度和原因，按部分、股室、责任领导和亮灯汇总；只含可见的任务',
    tag: '工作要点',
    auth: true,
    params: idParams,
    query: z.object({ asOf: z.iso.date().optional().describe('按哪一天计算亮灯（默认今天）') }),
    handler: async ({ ctx, params, query }) => {
      const lights = await computePlanLights(ctx, { planId: params.id, asOf: query.asOf });
      const { light, progress, reason, counts } = lights.plan;
      return {
        planId: lights.planId,
        asOf: lights.asOf,
        plan: { light, progress, reason, counts },
        ...lights.summaries,
      };
    },
  }),
];
