import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** Stores bytes under their SHA-256 unless already stored; identical files are kept once. */
export async function storeBlob(
  db: Kysely<DB>,
  blob: { sha256: string; size: number; content: Uint8Array },
): Promise<void> {
  // ON CONFLICT DO NOTHING works the same on SQLite and PostgreSQL and is safe under concurrency.
  await db
    .insertInto('blobs')
    .values(blob)
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** The bytes stored under a hash, or undefined. */
export async function readBlob(db: Kysely<DB>, sha256: string): Promise<Uint8Array | undefined> {
  const row = await db.selectFrom('blobs').select('content').where('sha256', '=', sha256).executeTakeFirst();
  return row ? new Uint8Array(row.content) : undefined;
}

/** How many blobs are stored (for tests and housekeeping). */
export async function countBlobs(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('blobs')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  // PostgreSQL returns count(*) as a string.
  return Number(row.n);
}
