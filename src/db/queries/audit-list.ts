import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.ts';

/** Filters for reading the audit trail of one organization. */
export interface AuditFilter {
  organizationId: number;
  entityType?: string;
  entityId?: number;
  actorUserId?: number;
  /** The acting user's name as shown (a part of it). */
  actor?: string;
  action?: string;
  result?: 'success' | 'failure' | 'denied';
  /** Inclusive lower bound, UTC ISO. */
  from?: string;
  /** Exclusive upper bound, UTC ISO. */
  to?: string;
  /** Only entries with a smaller id (the next page). */
  beforeId?: number;
  limit: number;
}

/** An audit entry as read back, with its JSON columns parsed. */
export interface AuditEntryView {
  id: number;
  actorUserId: number | null;
  actorLabel: string;
  address: string | null;
  action: string;
  entityType: string;
  entityId: number | null;
  result: 'success' | 'failure' | 'denied';
  before: unknown;
  after: unknown;
  createdAt: string;
  /** Place in the organization's hash chain and the entry's hash (null before it is chained). */
  seq: number | null;
  hash: string | null;
}

/** The newest audit entries of an organization matching a filter. */
export async function listAuditEntries(db: Kysely<DB>, filter: AuditFilter): Promise<AuditEntryView[]> {
  let query = db.selectFrom('audit_log').selectAll().where('organization_id', '=', filter.organizationId);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorUserId !== undefined) query = query.where('actor_user_id', '=', filter.actorUserId);
  if (filter.actor) {
    const pattern = `%${filter.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`actor_label like ${pattern} escape '\\'`);
  }
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.result) query = query.where('result', '=', filter.result);
  if (filter.from) query = query.where('created_at', '>=', filter.from);
  if (filter.to) query = query.where('created_at', '<', filter.to);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    actorUserId: r.actor_user_id,
    actorLabel: r.actor_label,
    address: r.address,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    result: r.result,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
    createdAt: r.created_at,
    seq: r.seq,
    hash: r.hash,
  }));
}
