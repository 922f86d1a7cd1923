import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type AuditResult, recordAuditEvent } from '../audit/record-event.ts';
import type { Tx } from '../context.ts';

/** An account event of someone who may not be logged in yet (login, second factor, lockout). */
export interface AccountEvent {
  user: { id: number; organization_id: number } | undefined;
  /** The username as typed. */
  label: string;
  address: string | null;
  event: string;
  result: AuditResult;
  detail?: Record<string, unknown>;
  at: Date;
}

/** Records an account event in the audit trail (its own transaction unless given one). */
export function auditAccountEvent(db: Kysely<DB> | Tx, e: AccountEvent): Promise<void> {
  return recordAuditEvent(db, {
    organizationId: e.user?.organization_id ?? null,
    userId: e.user?.id ?? null,
    label: e.label,
    address: e.address,
    event: e.event,
    result: e.result,
    detail: e.detail,
    at: e.at.toISOString(),
    entityType: 'user',
    entityId: e.user?.id ?? null,
  });
}
