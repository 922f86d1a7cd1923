import type { Kysely } from 'kysely';
import { appendAuditRows } from '../../db/queries/audit.ts';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../context.ts';

/** How an audited event ended. */
export type AuditResult = 'success' | 'failure' | 'denied';

/** A security event for the audit trail (等保 2.0 安全审计): who, from where, what, when, and how it ended. */
export interface AuditEvent {
  /** The organization whose trail holds the entry; null when it is unknown (e.g. an unknown username). */
  organizationId: number | null;
  userId: number | null;
  /** Who acted, in words: the username, "命令行"… */
  label: string;
  /** The client address; null for the command line and jobs. */
  address: string | null;
  /** What happened, e.g. user.login, user.login_failed, user.logout, user.password, audit.export. */
  event: string;
  result: AuditResult;
  /** Anything more to keep with the entry (JSON-serialisable); never secrets. */
  detail?: unknown;
  /** UTC ISO time of the event. */
  at: string;
  /** What the event concerns; defaults to the event's prefix ("user" for user.login) and the user. */
  entityType?: string;
  entityId?: number | null;
}

/**
 * Records one event in the audit trail. Inside a transaction the entry commits (or rolls back)
 * with it; given the database itself it is stored in a transaction of its own — so a failure
 * recorded just before an error is thrown must be recorded outside the transaction that fails.
 */
export async function recordAuditEvent(db: Kysely<DB> | Tx, e: AuditEvent): Promise<void> {
  const row = {
    organizationId: e.organizationId,
    userId: e.userId,
    label: e.label,
    address: e.address,
    action: e.event,
    entityType: e.entityType ?? (e.event.includes('.') ? e.event.slice(0, e.event.indexOf('.')) : e.event),
    entityId: e.entityId === undefined ? e.userId : e.entityId,
    result: e.result,
    before: undefined,
    after: e.detail,
    at: e.at,
  };
  if (db.isTransaction) await appendAuditRows(db as Tx, [row]);
  else await db.transaction().execute((trx) => appendAuditRows(trx, [row]));
}
