import { decideCompletion } from '../../domain/decide-completion.ts';
import { decideExtension } from '../../domain/decide-extension.ts';
import { listReviewQueue } from '../../domain/list-review-queue.ts';
import { reviewOccurrence } from '../../domain/review-occurrence.ts';
import { bulkReview } from '../../domain/workbench/bulk-review.ts';
import { countBadges } from '../../domain/workbench/count-badges.ts';
import { getWorkbench } from '../../domain/workbench/get-workbench.ts';
import { bulkReviewSchema, extensionDecisionSchema, reviewDecisionSchema } from '../../shared/work.ts';
import { defineRoute, idParams, type Route } from '../route.ts';

/** The workbench (我的待办), the review queue (待审核), menu badges and decisions on requests. */
export const workRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/workbench',
    summary:
      '我的待办：待签收、本期待填报、被退回的填报、待审批的延期和办结申请、本单位延期申请的结果（本期为当月，25 日截止）',
    tag: '待办',
    auth: true,
    handler: async ({ ctx }) => getWorkbench(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/badges',
    summary: '菜单角标：workbench 为我的待办条数，review 为待我审核的条数（为 0 或不适用时省略）',
    tag: '待办',
    auth: true,
    handler: async ({ ctx }) => countBadges(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/reviews',
    summary:
      '待审核：本人可审核的已提交填报和完成记录（领导：点名本人的要点；督办：本单位全部），按提交时间先后',
    tag: '待办',
    auth: true,
    handler: async ({ ctx }) => ({ entries: await listReviewQueue(ctx) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/reviews/bulk',
    summary:
      '批量审核：decision 为 accept 或 return（退回须写 comment），reports/occurrences 为 [{id, version}]；逐条办理，逐条返回结果',
    tag: '待办',
    auth: true,
    body: bulkReviewSchema,
    handler: async ({ ctx, body }) => ({ results: await bulkReview(ctx, body) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/occurrences/:id/review',
    summary: '审核完成记录：decision 为 accept（通过）或 return（退回，须写明原因）',
    tag: '待办',
    auth: true,
    params: idParams,
    body: reviewDecisionSchema,
    handler: async ({ ctx, params, body }) => reviewOccurrence(ctx, { occurrenceId: params.id, ...body }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/extensions/:id/decision',
    summary: '审批延期申请：decision 为 approve（同意，任务完成时限随之调整）或 refuse（不同意）',
    tag: '待办',
    auth: true,
    params: idParams,
    body: extensionDecisionSchema,
    handler: async ({ ctx, params, body }) => decideExtension(ctx, { extensionId: params.id, ...body }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/completions/:id/decision',
    summary: '审核办结申请（督办人员）：decision 为 accept（办结）或 return（退回，须写明原因）',
    tag: '待办',
    auth: true,
    params: idParams,
    body: reviewDecisionSchema,
    handler: async ({ ctx, params, body }) =>
      decideCompletion(ctx, { requestId: params.id, decision: body.decision, comment: body.comment }),
  }),
];
