import { type AuditEntryView, type AuditFilter, listAuditEntries } from '../db/queries/audit-list.ts';
import { accountMessages as m } from './accounts/messages.ts';
import type { Context } from './context.ts';
import { AppError } from './errors.ts';

/**
 * The audit trail of the actor's organization. Only supervisors and administrators read it:
 * entries carry before/after snapshots of any entity, so scoping them per unit would need a
 * visibility rule per entity type; until then other roles get FORBIDDEN.
 */
export async function listAudit(
  ctx: Context,
  filter: Omit<AuditFilter, 'organizationId'>,
): Promise<AuditEntryView[]> {
  if (!ctx.actor.roles.some((r) => r === 'admin' || r === 'supervisor')) {
    throw new AppError('FORBIDDEN', m.auditForbidden);
  }
  return listAuditEntries(ctx.db, { ...filter, organizationId: ctx.actor.organizationId });
}
