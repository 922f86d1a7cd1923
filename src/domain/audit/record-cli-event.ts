import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { auditMessages as M } from './messages.ts';
import { recordAuditEvent } from './record-event.ts';

/**
 * Records what an operator did from the command line (a backup, a restore) in the audit trail of
 * the first organization — the one the command line acts for — as 命令行 with no address. Never
 * fails the command: a database not yet migrated to the audit chain just has no entry (false).
 */
export async function recordCliEvent(
  db: Kysely<DB>,
  event: string,
  detail: Record<string, unknown>,
): Promise<boolean> {
  try {
    const first = await db.selectFrom('organizations').select('id').orderBy('id').limit(1).executeTakeFirst();
    await recordAuditEvent(db, {
      organizationId: first?.id ?? null,
      userId: null,
      label: M.cliLabel,
      address: null,
      event,
      result: 'success',
      entityType: 'database',
      entityId: null,
      detail,
      at: new Date().toISOString(),
    });
    return true;
  } catch {
    return false;
  }
}
