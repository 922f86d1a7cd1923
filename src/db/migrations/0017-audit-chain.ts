import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { isPostgres } from './column-types.ts';

// Frozen once shipped (issue 14, 等保 2.0 安全审计): every audit entry gets the client address and
// its result, and becomes tamper-evident — a hash chain per organization (chain 0: entries of no
// organization, e.g. a login with an unknown username). Each entry stores its place in its chain
// (seq), the previous entry's hash and its own SHA-256 over a canonical serialisation (the same
// as src/db/queries/audit-chain.ts, copied here so this migration never changes). audit_chain holds
// each chain's head (appends lock it, so servers append one after another) and its anchor: where
// the kept chain starts once old entries are purged (the last purged entry's seq and hash).
//
// Existing entries are chained here, in id order, so the whole trail is verifiable from the start.

const GENESIS = '0'.repeat(64);

interface OldRow {
  id: number;
  organization_id: number | null;
  actor_user_id: number | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: number | null;
  before: string | null;
  after: string | null;
  created_at: string;
}

function entryHash(prevHash: string, seq: number, row: OldRow): string {
  const canonical = JSON.stringify([
    1,
    row.organization_id,
    seq,
    row.created_at,
    row.actor_user_id,
    row.actor_label,
    null,
    row.action,
    row.entity_type,
    row.entity_id,
    'success',
    row.before,
    row.after,
  ]);
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.alterTable('audit_log').addColumn('address', 'text').execute();
  await s
    .alterTable('audit_log')
    .addColumn('result', 'text', (c) => c.notNull().defaultTo('success'))
    .execute();
  await s.alterTable('audit_log').addColumn('seq', 'integer').execute();
  await s.alterTable('audit_log').addColumn('prev_hash', 'text').execute();
  await s.alterTable('audit_log').addColumn('hash', 'text').execute();
  await s
    .createIndex('audit_log_chain')
    .on('audit_log')
    .columns(['organization_id', 'seq'])
    .unique()
    .execute();
  // Rows written around the application (seeded data) wait here, in id order, to be chained.
  await s
    .createIndex('audit_log_unchained')
    .on('audit_log')
    .columns(['organization_id', 'id'])
    .where(sql.ref('seq'), 'is', null)
    .execute();
  await s
    .createTable('audit_chain')
    // The organization's id, or 0 for entries of no organization.
    .addColumn('chain_id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('last_id', 'integer', (c) => c.notNull())
    .addColumn('anchor_seq', 'integer', (c) => c.notNull())
    .addColumn('anchor_hash', 'text', (c) => c.notNull())
    .addColumn('anchor_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Chain what is there, a page at a time, in id order per organization.
  const pg = isPostgres(db);
  const heads = new Map<number, { seq: number; hash: string; lastId: number }>();
  let after = 0;
  for (;;) {
    const page = await sql<OldRow>`
      select id, organization_id, actor_user_id, actor_label, action, entity_type, entity_id,
             before, after, created_at
      from audit_log where id > ${after} order by id limit 2000`.execute(db);
    if (page.rows.length === 0) break;
    const updates: Array<{ id: number; seq: number; prev: string; hash: string }> = [];
    for (const row of page.rows) {
      const key = row.organization_id ?? 0;
      const head = heads.get(key) ?? { seq: 0, hash: GENESIS, lastId: 0 };
      const seq = head.seq + 1;
      const hash = entryHash(head.hash, seq, row);
      updates.push({ id: row.id, seq, prev: head.hash, hash });
      heads.set(key, { seq, hash, lastId: row.id });
      after = row.id;
    }
    if (pg) {
      const values = sql.join(
        updates.map((u) => sql`(${u.id}::integer, ${u.seq}::integer, ${u.prev}, ${u.hash})`),
      );
      await sql`
        update audit_log set seq = v.seq, prev_hash = v.prev, hash = v.hash
        from (values ${values}) as v(id, seq, prev, hash) where audit_log.id = v.id`.execute(db);
    } else {
      for (const u of updates) {
        await sql`update audit_log set seq = ${u.seq}, prev_hash = ${u.prev}, hash = ${u.hash} where id = ${u.id}`.execute(
          db,
        );
      }
    }
  }
  const now = new Date().toISOString();
  for (const [chainId, head] of heads) {
    await sql`
      insert into audit_chain (chain_id, seq, hash, last_id, anchor_seq, anchor_hash, anchor_at, updated_at)
      values (${chainId}, ${head.seq}, ${head.hash}, ${head.lastId}, 0, ${GENESIS}, null, ${now})`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_chain').execute();
  await db.schema.dropIndex('audit_log_unchained').execute();
  await db.schema.dropIndex('audit_log_chain').execute();
  for (const column of ['hash', 'prev_hash', 'seq', 'result', 'address']) {
    await db.schema.alterTable('audit_log').dropColumn(column).execute();
  }
}
