import { z } from 'zod';
import { discardDraft } from '../../domain/draft/discard-draft.ts';
import { editDraftItem } from '../../domain/draft/edit-draft-item.ts';
import { listEditChoices } from '../../domain/draft/list-edit-choices.ts';
import { editTask } from '../../domain/edit-task.ts';
import { draftItemEditSchema, taskEditSchema } from '../../shared/import.ts';
import { defineRoute, idParams, type Route } from '../route.ts';

const itemParams = z.object({
  planId: z.coerce.number().int().positive(),
  itemId: z.coerce.number().int().positive(),
});

/** Reviewing a draft before publishing (edit an item, discard), and adjusting a task after. */
export const draftRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/plans/:id/edit-choices',
    summary: '修改要点和任务时可选的单位（在用）和已有责任领导姓名（督办人员）',
    tag: '工作要点',
    auth: true,
    params: idParams,
    handler: async ({ ctx, params }) => listEditChoices(ctx, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/plans/:planId/items/:itemId',
    summary:
      '修改草稿中的要点：标题、权重、责任领导、责任股室（牵头/配合）、指标完成时限；须带工作要点版本号',
    tag: '工作要点',
    auth: true,
    params: itemParams,
    body: draftItemEditSchema,
    handler: async ({ ctx, params, body }) => editDraftItem(ctx, params.planId, params.itemId, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/plans/:id',
    summary: '放弃工作要点草稿（已发布的不能放弃）；上传的通知原文保留',
    tag: '工作要点',
    auth: true,
    params: idParams,
    query: z.object({ version: z.coerce.number().int().positive().optional() }),
    handler: async ({ ctx, params, query }) =>
      discardDraft(ctx, { planId: params.id, version: query.version }),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/tasks/:id',
    summary: '调整已交办的任务：完成时限、牵头单位、配合单位；须带任务版本号（督办人员）',
    tag: '任务',
    auth: true,
    params: idParams,
    body: taskEditSchema,
    handler: async ({ ctx, params, body }) => editTask(ctx, { taskId: params.id, ...body }),
  }),
];
