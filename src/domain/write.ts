import { appendAuditRows, auditRowsOf } from '../db/queries/audit.ts';
import { bumpVersionsAfterWrite } from './cache/data-version.ts';
import type { Context, Tx } from './context.ts';
import { AppError } from './errors.ts';

/** What a write step hands back: its result and the audit entries to record with it. */
export interface WriteResult<T> {
  result: T;
  audit: Array<{
    action: string;
    entityType: string;
    entityId: number | null;
    before?: unknown;
    after?: unknown;
  }>;
}

/**
 * Runs a write and its audit entries in one transaction: either both are stored or neither is.
 * The organization's data version is bumped in the same transaction (domain/cache/).
 */
export async function write<T>(
  ctx: Context,
  step: (trx: Tx, at: string) => Promise<WriteResult<T>>,
): Promise<T> {
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const { result, audit } = await step(trx, at);
    // Chained to the organization's audit trail (domain/audit/): its head stays locked to the commit.
    if (audit.length > 0) await appendAuditRows(trx, auditRowsOf(ctx.actor, at, audit));
    // Last, so the version row is locked (PostgreSQL) only for the end of the transaction.
    await bumpVersionsAfterWrite(trx, ctx.actor, audit);
    return result;
  });
}

/** Throws CONFLICT when an optimistic update touched no row (someone else changed it first). */
export function assertUpdated(result: { numUpdatedRows: bigint }, what: string): void {
  if (result.numUpdatedRows === 0n) {
    throw new AppError('CONFLICT', `${what}已被他人修改，请刷新后重试。`);
  }
}
