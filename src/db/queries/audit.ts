import { sql } from 'kysely';
import type { Actor, Tx } from '../../domain/context.ts';
import {
  advanceChainHead,
  chainIdOf,
  ENTRY_COLUMNS,
  entryHash,
  lockChainHead,
  onPostgres,
} from './audit-chain.ts';

/** One audit entry: what was done to which entity, with its state before and after. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

/** A row to append to the audit trail, whoever acted (a user, the command line, an unknown login). */
export interface AuditRowInput {
  organizationId: number | null;
  userId: number | null;
  label: string;
  address: string | null;
  action: string;
  entityType: string;
  entityId: number | null;
  result: 'success' | 'failure' | 'denied';
  before?: unknown;
  after?: unknown;
  at: string;
}

/**
 * Appends entries to the audit log inside the caller's transaction, so they commit with the write,
 * each chained to the previous entry of its organization: the chain's head is locked (held until
 * the commit), rows written around the application since the last append (seeded data) are
 * chained first, then each entry is stored with its place, the previous hash and its own.
 */
export async function appendAuditRows(trx: Tx, rows: AuditRowInput[]): Promise<void> {
  const postgres = onPostgres(trx);
  // One chain at a time, in a fixed order, so two transactions never wait on each other's heads.
  const chains = [...new Set(rows.map((r) => chainIdOf(r.organizationId)))].sort((a, b) => a - b);
  for (const chainId of chains) {
    const at = rows.find((r) => chainIdOf(r.organizationId) === chainId)?.at ?? new Date().toISOString();
    const head = await lockChainHead(trx, chainId, postgres, at);
    let { seq, hash, lastId } = await chainPending(trx, head, postgres, SEAL_BATCH);
    for (const row of rows) {
      if (chainIdOf(row.organizationId) !== chainId) continue;
      const fields = {
        organization_id: row.organizationId,
        created_at: row.at,
        actor_user_id: row.userId,
        actor_label: row.label,
        address: row.address,
        action: row.action,
        entity_type: row.entityType,
        entity_id: row.entityId,
        result: row.result,
        before: row.before === undefined ? null : JSON.stringify(row.before),
        after: row.after === undefined ? null : JSON.stringify(row.after),
      };
      seq += 1;
      const next = entryHash(hash, seq, fields);
      const inserted = await trx
        .insertInto('audit_log')
        .values({ ...fields, seq, prev_hash: hash, hash: next })
        .returning('id')
        .executeTakeFirstOrThrow();
      hash = next;
      lastId = inserted.id;
    }
    await advanceChainHead(trx, { chainId, seq, hash, lastId }, at);
  }
}

/** How many rows written around the application one append chains, at most (seeded data). */
const SEAL_BATCH = 1000;

/**
 * Chains up to `limit` rows of a locked chain stored without a place (written around the
 * application: seeded data), oldest first, after its head; returns the new head. A large seeded
 * trail is chained a batch per write, or at once by `duban audit seal`.
 */
export async function chainPending(
  trx: Tx,
  head: { chainId: number; seq: number; hash: string; lastId: number },
  postgres: boolean,
  limit: number,
): Promise<{ seq: number; hash: string; lastId: number; chained: number }> {
  let { seq, hash, lastId } = head;
  const pending = await readPending(trx, head.chainId, limit);
  const updates = pending.map((row) => {
    seq += 1;
    const next = { id: row.id, seq, prev: hash, hash: entryHash(hash, seq, row) };
    hash = next.hash;
    lastId = Math.max(lastId, row.id);
    return next;
  });
  if (postgres && updates.length > 1) {
    const values = sql.join(
      updates.map((u) => sql`(${u.id}::integer, ${u.seq}::integer, ${u.prev}, ${u.hash})`),
    );
    await sql`
      update audit_log set seq = v.seq, prev_hash = v.prev, hash = v.hash
      from (values ${values}) as v(id, seq, prev, hash) where audit_log.id = v.id`.execute(trx);
  } else {
    for (const u of updates) {
      await trx
        .updateTable('audit_log')
        .set({ seq: u.seq, prev_hash: u.prev, hash: u.hash })
        .where('id', '=', u.id)
        .execute();
    }
  }
  return { seq, hash, lastId, chained: updates.length };
}

// Rows of a chain stored without a place, in id order (the partial index audit_log_unchained).
async function readPending(trx: Tx, chainId: number, limit: number) {
  let query = trx.selectFrom('audit_log').select(ENTRY_COLUMNS).where('seq', 'is', null);
  query =
    chainId === 0 ? query.where('organization_id', 'is', null) : query.where('organization_id', '=', chainId);
  return query.orderBy('id').limit(limit).execute();
}

/** The rows of a write's audit entries, for the acting user from the actor's address. */
export function auditRowsOf(actor: Actor, at: string, entries: readonly AuditEntry[]): AuditRowInput[] {
  return entries.map((entry) => ({
    organizationId: actor.organizationId,
    userId: actor.userId,
    label: actor.label,
    address: actor.address ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    result: 'success',
    before: entry.before,
    after: entry.after,
    at,
  }));
}

/** Appends an entry to the audit log inside the caller's transaction, so it commits with the write. */
export async function recordAudit(trx: Tx, actor: Actor, at: string, entry: AuditEntry): Promise<void> {
  await appendAuditRows(trx, auditRowsOf(actor, at, [entry]));
}
