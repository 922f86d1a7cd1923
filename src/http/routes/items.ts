import { z } from 'zod';
import { getItemDetail } from '../../domain/get-item-detail.ts';
import { defineRoute, idParams, type Route } from '../route.ts';

/** Reading one item (要点) with its tasks, progress and trail. */
export const itemRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/items/:id',
    summary:
      '要点详情：原文与指标位置、亮灯与原因、任务（牵头/配合、日期、亮灯）、指标进度、填报与审核、佐证材料、完成记录、延期与办结申请、操作留痕；只含可见的任务',
    tag: '工作要点',
    auth: true,
    params: idParams,
    query: z.object({ asOf: z.iso.date().optional().describe('按哪一天计算亮灯（默认今天）') }),
    handler: async ({ ctx, params, query }) => getItemDetail(ctx, { itemId: params.id, asOf: query.asOf }),
  }),
];
