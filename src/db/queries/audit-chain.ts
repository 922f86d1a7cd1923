import { createHash } from 'node:crypto';
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { DB } from '../schema.ts';

// The audit trail's hash chain (等保 2.0: audit records protected from tampering). One chain per
// organization (chain 0 for entries of no organization); each entry's hash covers the previous
// entry's hash and the entry's canonical serialisation, so editing, deleting or reordering an entry
// breaks every later link. Migration 0017 holds a frozen copy of this serialisation.

/** The previous hash of a chain's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The stored columns an entry's hash covers. */
export interface ChainedFields {
  organization_id: number | null;
  created_at: string;
  actor_user_id: number | null;
  actor_label: string;
  address: string | null;
  action: string;
  entity_type: string;
  entity_id: number | null;
  result: string;
  before: string | null;
  after: string | null;
}

/**
 * The canonical serialisation: a JSON array in a fixed order of the stored text (the JSON columns
 * as stored, not re-serialised), versioned by its first element.
 */
export function canonicalEntry(seq: number, row: ChainedFields): string {
  return JSON.stringify([
    1,
    row.organization_id,
    seq,
    row.created_at,
    row.actor_user_id,
    row.actor_label,
    row.address,
    row.action,
    row.entity_type,
    row.entity_id,
    row.result,
    row.before,
    row.after,
  ]);
}

/** SHA-256 (hex) of the previous hash and the entry. */
export function entryHash(prevHash: string, seq: number, row: ChainedFields): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalEntry(seq, row)}`)
    .digest('hex');
}

/** The chain an organization's entries form. */
export function chainIdOf(organizationId: number | null): number {
  return organizationId ?? 0;
}

/** A chain's head and anchor as stored. */
export interface ChainHead {
  chainId: number;
  seq: number;
  hash: string;
  lastId: number;
  anchorSeq: number;
  anchorHash: string;
  anchorAt: string | null;
}

/**
 * Locks a chain's head row for the rest of the caller's transaction (PostgreSQL: FOR UPDATE, so
 * appends of one organization from any number of servers queue here; SQLite has one writer) and
 * returns it, creating it at the genesis when the chain has no entry yet.
 */
export async function lockChainHead(
  trx: Kysely<DB>,
  chainId: number,
  postgres: boolean,
  at: string,
): Promise<ChainHead> {
  const select = () => {
    const query = trx.selectFrom('audit_chain').selectAll().where('chain_id', '=', chainId);
    return (postgres ? query.forUpdate() : query).executeTakeFirst();
  };
  let row = await select();
  if (!row) {
    await trx
      .insertInto('audit_chain')
      .values({
        chain_id: chainId,
        seq: 0,
        hash: GENESIS_HASH,
        last_id: 0,
        anchor_seq: 0,
        anchor_hash: GENESIS_HASH,
        anchor_at: null,
        updated_at: at,
      })
      .onConflict((oc) => oc.column('chain_id').doNothing())
      .execute();
    row = await select();
    if (!row) throw new Error(`audit chain ${chainId} has no head`);
  }
  return {
    chainId,
    seq: row.seq,
    hash: row.hash,
    lastId: row.last_id,
    anchorSeq: row.anchor_seq,
    anchorHash: row.anchor_hash,
    anchorAt: row.anchor_at,
  };
}

/** Moves a locked chain's head to its new last entry. */
export async function advanceChainHead(
  trx: Kysely<DB>,
  head: Pick<ChainHead, 'chainId' | 'seq' | 'hash' | 'lastId'>,
  at: string,
): Promise<void> {
  await trx
    .updateTable('audit_chain')
    .set({ seq: head.seq, hash: head.hash, last_id: head.lastId, updated_at: at })
    .where('chain_id', '=', head.chainId)
    .execute();
}

/** Whether a Kysely handle talks to PostgreSQL. */
export function onPostgres(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The columns of an audit entry that its hash covers, with its id: what the chain reads back. */
export const ENTRY_COLUMNS = [
  'id',
  'organization_id',
  'created_at',
  'actor_user_id',
  'actor_label',
  'address',
  'action',
  'entity_type',
  'entity_id',
  'result',
  'before',
  'after',
] as const;

/** The stored rows of a chain, in chain order, from a seq on (one page). */
export async function readChainPage(db: Kysely<DB>, chainId: number, afterSeq: number, limit: number) {
  let query = db
    .selectFrom('audit_log')
    .select([...ENTRY_COLUMNS, 'seq', 'prev_hash', 'hash'])
    .where('seq', '>', afterSeq);
  query =
    chainId === 0 ? query.where('organization_id', 'is', null) : query.where('organization_id', '=', chainId);
  return query.orderBy('seq').limit(limit).execute();
}

/** Every chain: those with a head and any organization with entries but no head. */
export async function listChainIds(db: Kysely<DB>): Promise<number[]> {
  const heads = await db.selectFrom('audit_chain').select('chain_id').execute();
  const orgs = await sql<{ id: number | null }>`select distinct organization_id as id from audit_log`.execute(
    db,
  );
  const ids = new Set(heads.map((h) => h.chain_id));
  for (const row of orgs.rows) ids.add(chainIdOf(row.id === null ? null : Number(row.id)));
  return [...ids].sort((a, b) => a - b);
}
