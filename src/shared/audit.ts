import { z } from 'zod';

// The audit trail (审计记录) as the API sends it and the web app's audit page reads it.

/** How an audited event ended. */
export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const;
export type AuditResultCode = (typeof AUDIT_RESULTS)[number];

/** One entry of the audit trail. */
export const auditEntrySchema = z.object({
  id: z.number(),
  actorUserId: z.number().nullable(),
  actorLabel: z.string(),
  address: z.string().nullable().describe('客户端地址'),
  action: z.string(),
  entityType: z.string(),
  entityId: z.number().nullable(),
  result: z.enum(AUDIT_RESULTS),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.string(),
  seq: z.number().nullable().describe('在本单位审计链中的序号'),
  hash: z.string().nullable().describe('本条记录的 SHA-256 链式哈希'),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** GET /api/audit. */
export interface AuditList {
  entries: AuditEntry[];
}
