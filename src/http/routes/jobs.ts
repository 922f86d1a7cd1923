import { z } from 'zod';
import { listJobsForAdmin } from '../../jobs/list-jobs.ts';
import { retryJob } from '../../jobs/retry-job.ts';
import { jobListQuerySchema, jobListSchema } from '../../shared/jobs.ts';
import { defineRoute, type Route } from '../route.ts';

/** Background jobs (后台任务) for administrators: the list with errors, and retrying a failed job. */
export const jobsRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/jobs',
    summary: '列出后台任务（管理员）：失败的在前，其余按计划时间从新到旧；可按状态筛选',
    tag: '后台任务',
    auth: true,
    query: jobListQuerySchema,
    response: jobListSchema,
    handler: async ({ ctx, query }) => listJobsForAdmin(ctx, query.state),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/jobs/:id/retry',
    summary: '重试一个失败的后台任务（管理员）：重新排队并立即到期，记入操作记录',
    tag: '后台任务',
    auth: true,
    params: z.object({ id: z.string().min(1).max(200) }),
    status: 204,
    handler: async ({ ctx, params }) => retryJob(ctx, params.id),
  }),
];
