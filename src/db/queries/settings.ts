import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** The JSON text stored under a setting key for an organization, if any. */
export async function readSetting(
  db: Kysely<DB>,
  organizationId: number,
  key: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('organization_id', '=', organizationId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value;
}

/** Stores a setting's JSON text, replacing any earlier value (upsert works alike on both databases). */
export async function writeSetting(
  db: Kysely<DB>,
  organizationId: number,
  key: string,
  value: string,
): Promise<void> {
  await db
    .insertInto('settings')
    .values({ organization_id: organizationId, key, value })
    .onConflict((oc) => oc.columns(['organization_id', 'key']).doUpdateSet({ value }))
    .execute();
}
