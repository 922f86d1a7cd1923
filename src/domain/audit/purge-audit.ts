import type { Kysely } from 'kysely';
import { appendAuditRows } from '../../db/queries/audit.ts';
import { listChainIds, lockChainHead, onPostgres } from '../../db/queries/audit-chain.ts';
import type { DB } from '../../db/schema.ts';
import { shanghaiDate } from '../context.ts';
import { AppError } from '../errors.ts';
import { auditMessages as M } from './messages.ts';

/** How long audit entries are kept at least (等保 2.0: six months). */
export const AUDIT_RETENTION_DAYS = 180;

/** What a purge did to one chain. */
export interface PurgeResult {
  chainId: number;
  deleted: number;
  /** The new anchor: the last purged entry's seq and hash, where the kept chain starts. */
  anchorSeq: number;
  anchorHash: string;
}

/** The latest date `--before` may name on a given day: 180 days ago (Asia/Shanghai). */
export function latestPurgeDate(now: Date): string {
  const today = new Date(`${shanghaiDate(now)}T00:00:00Z`);
  return new Date(today.getTime() - AUDIT_RETENTION_DAYS * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Deletes the audit entries older than a day (Asia/Shanghai midnight), never one of the last 180
 * days — the command line's `duban audit purge`; the application has no way to delete entries.
 * Each chain is cut at an entry boundary: the oldest kept entry is the first one at or after the
 * day, so nothing newer is ever lost; the last purged entry's seq and hash become the chain's
 * anchor, so the kept chain still verifies, and the purge itself is an entry of the chain.
 */
export async function purgeAuditBefore(
  db: Kysely<DB>,
  input: { before: string; now: Date; label?: string },
): Promise<PurgeResult[]> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.before) || Number.isNaN(Date.parse(`${input.before}T00:00:00Z`)))
    throw new AppError('INVALID_INPUT', M.purgeBadDate(input.before));
  const limit = latestPurgeDate(input.now);
  if (input.before > limit) throw new AppError('INVALID_INPUT', M.purgeTooRecent(limit));
  // Midnight in Shanghai (UTC+8, no daylight saving) as a UTC instant.
  const cutoff = new Date(Date.parse(`${input.before}T00:00:00Z`) - 8 * 3600_000).toISOString();
  const at = input.now.toISOString();
  const postgres = onPostgres(db);
  const results: PurgeResult[] = [];
  for (const chainId of await listChainIds(db)) {
    const result = await db.transaction().execute(async (trx) => {
      const head = await lockChainHead(trx, chainId, postgres, at);
      const ofChain = () =>
        chainId === 0
          ? trx.selectFrom('audit_log').where('organization_id', 'is', null)
          : trx.selectFrom('audit_log').where('organization_id', '=', chainId);
      const firstKept = await ofChain()
        .select((eb) => eb.fn.min('seq').as('seq'))
        .where('seq', 'is not', null)
        .where('created_at', '>=', cutoff)
        .executeTakeFirst();
      const lastPurged = firstKept?.seq == null ? head.seq : Number(firstKept.seq) - 1;
      if (lastPurged <= head.anchorSeq) return undefined;
      const anchor = await ofChain().select(['hash']).where('seq', '=', lastPurged).executeTakeFirst();
      // A missing anchor entry means the chain is already broken: refuse rather than hide it.
      if (!anchor?.hash) throw new AppError('CONFLICT', M.missing(lastPurged, lastPurged + 1));
      let del = trx.deleteFrom('audit_log').where('seq', '<=', lastPurged);
      del =
        chainId === 0 ? del.where('organization_id', 'is', null) : del.where('organization_id', '=', chainId);
      const deleted = Number((await del.executeTakeFirst()).numDeletedRows);
      await trx
        .updateTable('audit_chain')
        .set({ anchor_seq: lastPurged, anchor_hash: anchor.hash, anchor_at: at })
        .where('chain_id', '=', chainId)
        .execute();
      const purge: PurgeResult = { chainId, deleted, anchorSeq: lastPurged, anchorHash: anchor.hash };
      await appendAuditRows(trx, [
        {
          organizationId: chainId === 0 ? null : chainId,
          userId: null,
          label: input.label ?? M.cliLabel,
          address: null,
          action: 'audit.purge',
          entityType: 'audit',
          entityId: null,
          result: 'success',
          after: { before: input.before, ...purge },
          at,
        },
      ]);
      return purge;
    });
    if (result) results.push(result);
  }
  return results;
}
