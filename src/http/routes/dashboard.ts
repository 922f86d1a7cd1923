import { z } from 'zod';
import { getDashboardJson } from '../../domain/dashboard/get-dashboard.ts';
import { dashboardResponse } from '../../shared/dashboard.ts';
import { sendCachedJson } from '../cached-json.ts';
import { defineRoute, idParams, type Route } from '../route.ts';

/** The dashboard of a plan. */
export const dashboardRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/plans/:id/dashboard',
    summary:
      '工作要点看板：总体亮灯、进度和原因；按部分、股室、责任领导和亮灯汇总；股室学校按时填报排名、月度填报趋势、逾期任务；只含可见的任务',
    tag: '工作要点',
    auth: true,
    params: idParams,
    query: z.object({ asOf: z.iso.date().optional().describe('按哪一天计算亮灯（默认今天）') }),
    response: dashboardResponse,
    handler: async ({ ctx, params, query, request, reply }) =>
      sendCachedJson(request, reply, await getDashboardJson(ctx, { planId: params.id, asOf: query.asOf })),
  }),
];
