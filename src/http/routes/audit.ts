import { z } from 'zod';
import { exportAudit } from '../../domain/audit/export-audit.ts';
import { listAudit } from '../../domain/list-audit.ts';
import { AUDIT_RESULTS, auditEntrySchema } from '../../shared/audit.ts';
import { defineRoute, type Route } from '../route.ts';
import { contentDisposition } from '../uploads.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const filterQuery = z.object({
  entityType: z.string().max(50).optional().describe('实体类型，如 user、plan、task、report、request'),
  entityId: z.coerce.number().int().positive().optional(),
  actorId: z.coerce.number().int().positive().optional().describe('操作人的用户 id'),
  actor: z.string().max(100).optional().describe('操作人的用户名或姓名（包含即可）'),
  action: z
    .string()
    .max(50)
    .optional()
    .describe(
      '事件，如 user.login、user.login_failed、user.logout、access.denied、file.download、audit.export',
    ),
  result: z.enum(AUDIT_RESULTS).optional().describe('结果：成功、失败、拒绝'),
  from: z.iso.datetime().optional().describe('起始时间（含），UTC ISO 格式'),
  to: z.iso.datetime().optional().describe('截止时间（不含），UTC ISO 格式'),
});

const auditQuery = filterQuery.extend({
  before: z.coerce.number().int().positive().optional().describe('翻页：只返回 id 小于此值的记录'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The audit trail (留痕，安全审计). */
export const auditRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/audit',
    summary:
      '审计记录（最新在前）：时间、用户、地址、事件、对象和结果，可按时间、用户、事件、结果筛选；仅有查看审计权限的账号（审计管理员）可查看本单位的记录',
    tag: '操作记录',
    auth: true,
    query: auditQuery,
    response: z.object({ entries: z.array(auditEntrySchema) }),
    handler: async ({ ctx, query }) => {
      const { actorId, before, ...rest } = query;
      return { entries: await listAudit(ctx, { ...rest, actorUserId: actorId, beforeId: before }) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/audit/export.xlsx',
    summary: '导出审计记录（.xlsx，按时间先后），筛选同列表；仅审计管理员可导出，导出本身也记入审计记录',
    tag: '操作记录',
    auth: true,
    query: filterQuery,
    handler: async ({ ctx, query, reply }) => {
      const { actorId, ...rest } = query;
      const file = await exportAudit(ctx, { ...rest, actorUserId: actorId });
      reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff');
      return reply.send(Buffer.from(file.bytes));
    },
  }),
];
