import type { Actor, Tx } from '../../domain/context.ts';

/** One audit entry: what was done to which entity, with its state before and after. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

/** Appends an entry to the audit log inside the caller's transaction, so it commits with the write. */
export async function recordAudit(trx: Tx, actor: Actor, at: string, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      organization_id: actor.organizationId,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      created_at: at,
    })
    .execute();
}
