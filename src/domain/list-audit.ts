import { type AuditEntryView, type AuditFilter, listAuditEntries } from '../db/queries/audit-list.ts';
import { accountMessages as m } from './accounts/messages.ts';
import { requirePermission } from './accounts/permissions.ts';
import type { Context } from './context.ts';

/**
 * The audit trail of the actor's organization. Only supervisors and administrators read it:
 * entries carry before/after snapshots of any entity, so scoping them per unit would need a
 * visibility rule per entity type; until then other roles get FORBIDDEN.
 */
export async function listAudit(
  ctx: Context,
  filter: Omit<AuditFilter, 'organizationId'>,
): Promise<AuditEntryView[]> {
  requirePermission(ctx.actor, 'audit.read', m.auditForbidden);
  return listAuditEntries(ctx.db, { ...filter, organizationId: ctx.actor.organizationId });
}
