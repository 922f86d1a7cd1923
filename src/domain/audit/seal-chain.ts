import type { Kysely } from 'kysely';
import { chainPending } from '../../db/queries/audit.ts';
import { advanceChainHead, listChainIds, lockChainHead, onPostgres } from '../../db/queries/audit-chain.ts';
import type { DB } from '../../db/schema.ts';

/**
 * Chains every entry written around the application (seeded data) now, a few thousand per
 * transaction so writers wait briefly — `duban audit seal`, e.g. after `duban seed`. Returns how
 * many entries were chained.
 */
export async function sealAuditChains(db: Kysely<DB>, now: () => Date): Promise<number> {
  const postgres = onPostgres(db);
  let total = 0;
  for (const chainId of await listChainIds(db)) {
    for (;;) {
      const chained = await db.transaction().execute(async (trx) => {
        const at = now().toISOString();
        const head = await lockChainHead(trx, chainId, postgres, at);
        const next = await chainPending(trx, head, postgres, 5000);
        if (next.chained > 0) await advanceChainHead(trx, { chainId, ...next }, at);
        return next.chained;
      });
      total += chained;
      if (chained === 0) break;
    }
  }
  return total;
}
