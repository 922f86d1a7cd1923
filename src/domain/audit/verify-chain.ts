import type { Kysely } from 'kysely';
import {
  type ChainHead,
  entryHash,
  GENESIS_HASH,
  listChainIds,
  readChainPage,
} from '../../db/queries/audit-chain.ts';
import type { DB } from '../../db/schema.ts';
import { auditMessages as M } from './messages.ts';

/** The first entry at which a chain stops being what was written. */
export interface ChainBreak {
  /** The entry's id (the entry after a gap when one is missing; null when the chain's end is missing). */
  id: number | null;
  seq: number | null;
  createdAt: string | null;
  /** What differs, in words. */
  problem: string;
}

/** The verdict on one organization's chain. */
export interface ChainReport {
  chainId: number;
  /** Entries checked. */
  entries: number;
  /** The chain's kept start (after a purge) and end. */
  anchorSeq: number;
  headSeq: number;
  headHash: string;
  firstBreak: ChainBreak | null;
}

const PAGE = 5000;

/**
 * Walks every organization's chain from its anchor: each entry must follow the previous one
 * (seq + 1, its hash as prev_hash), hash to what it stores, and the last one must be the head.
 * Reads only.
 */
export async function verifyAuditChains(db: Kysely<DB>): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const chainId of await listChainIds(db)) reports.push(await verifyChain(db, chainId));
  return reports;
}

async function verifyChain(db: Kysely<DB>, chainId: number): Promise<ChainReport> {
  const headRow = await db
    .selectFrom('audit_chain')
    .selectAll()
    .where('chain_id', '=', chainId)
    .executeTakeFirst();
  const head: ChainHead = headRow
    ? {
        chainId,
        seq: headRow.seq,
        hash: headRow.hash,
        lastId: headRow.last_id,
        anchorSeq: headRow.anchor_seq,
        anchorHash: headRow.anchor_hash,
        anchorAt: headRow.anchor_at,
      }
    : {
        chainId,
        seq: 0,
        hash: GENESIS_HASH,
        lastId: 0,
        anchorSeq: 0,
        anchorHash: GENESIS_HASH,
        anchorAt: null,
      };
  const report: ChainReport = {
    chainId,
    entries: 0,
    anchorSeq: head.anchorSeq,
    headSeq: head.seq,
    headHash: head.hash,
    firstBreak: null,
  };
  let seq = head.anchorSeq;
  let hash = head.anchorHash;
  let after = -2_147_483_648;
  const broken = (row: { id: number; seq: number | null; created_at: string } | null, problem: string) => {
    report.firstBreak = {
      id: row?.id ?? null,
      seq: row?.seq ?? null,
      createdAt: row?.created_at ?? null,
      problem,
    };
    return report;
  };
  for (;;) {
    const page = await readChainPage(db, chainId, after, PAGE);
    for (const row of page) {
      const rowSeq = row.seq as number;
      if (rowSeq <= head.anchorSeq) return broken(row, M.beforeAnchor(rowSeq, head.anchorSeq));
      if (rowSeq !== seq + 1) return broken(row, M.missing(seq + 1, rowSeq));
      if (row.prev_hash !== hash) return broken(row, M.prevMismatch(seq));
      const computed = entryHash(hash, rowSeq, row);
      if (computed !== row.hash) return broken(row, M.contentMismatch);
      seq = rowSeq;
      hash = computed;
      report.entries += 1;
    }
    if (page.length < PAGE) break;
    after = seq;
  }
  if (seq !== head.seq || hash !== head.hash) {
    return broken(null, seq < head.seq ? M.tailMissing(seq, head.seq) : M.headBehind(head.seq, seq));
  }
  return report;
}

/**
 * Entries written around the application (seeded data, or a row slipped in with SQL), not in any
 * chain yet: each append chains up to a thousand of them, `duban audit seal` all. Verify names
 * their number, since until then nothing proves them.
 */
export async function countPendingEntries(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('seq', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
