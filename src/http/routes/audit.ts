import { z } from 'zod';
import { listAudit } from '../../domain/list-audit.ts';
import { defineRoute, type Route } from '../route.ts';

const auditQuery = z.object({
  entityType: z.string().max(50).optional().describe('实体类型，如 user、plan、task、report'),
  entityId: z.coerce.number().int().positive().optional(),
  actorId: z.coerce.number().int().positive().optional().describe('操作人的用户 id'),
  action: z.string().max(50).optional().describe('操作，如 user.login、user.login_failed、user.roles'),
  from: z.iso.datetime().optional().describe('起始时间（含），UTC ISO 格式'),
  to: z.iso.datetime().optional().describe('截止时间（不含），UTC ISO 格式'),
  before: z.coerce.number().int().positive().optional().describe('翻页：只返回 id 小于此值的记录'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const entrySchema = z.object({
  id: z.number(),
  actorUserId: z.number().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.number().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.string(),
});

/** The audit trail (留痕). */
export const auditRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/audit',
    summary: '操作记录（最新在前），可按实体、操作人、操作和时间筛选；仅督办人员和管理员可查看本单位的记录',
    tag: '操作记录',
    auth: true,
    query: auditQuery,
    response: z.object({ entries: z.array(entrySchema) }),
    handler: async ({ ctx, query }) => {
      const { actorId, before, ...rest } = query;
      return { entries: await listAudit(ctx, { ...rest, actorUserId: actorId, beforeId: before }) };
    },
  }),
];
