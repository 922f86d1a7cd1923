import { type AuditEntryView, type AuditFilter, listAuditEntries } from '../db/queries/audit-list.ts';
import { requirePermission } from './accounts/permissions.ts';
import { auditMessages as M } from './audit/messages.ts';
import type { Context } from './context.ts';

/**
 * The audit trail of the actor's organization, newest first, for those with 'audit.read' (the
 * 审计管理员, and whom the policy adds): entries carry before/after snapshots of any entity, so
 * scoping them per unit would need a visibility rule per entity type; other roles get FORBIDDEN.
 */
export async function listAudit(
  ctx: Context,
  filter: Omit<AuditFilter, 'organizationId'>,
): Promise<AuditEntryView[]> {
  requirePermission(ctx.actor, 'audit.read', M.readForbidden);
  return listAuditEntries(ctx.db, { ...filter, organizationId: ctx.actor.organizationId });
}
