import type { Kysely } from 'kysely';
import { cascadeTo, withId } from './column-types.ts';

// Frozen: never edit a migration that has shipped; add a new file instead.

/**
 * Adds item_indicators: the indicators the parser found in a draft item, kept with the draft so
 * publishing creates task indicators from what the supervisor imported (and may later edit),
 * not from a re-parse that a newer parser could answer differently.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('item_indicators'))
    .addColumn('item_id', 'integer', cascadeTo('items'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('per', 'text')
    .addColumn('target_min', 'real')
    .addColumn('target_max', 'real')
    .addColumn('target_value', 'real')
    .addColumn('name', 'text')
    .addColumn('due_on', 'text')
    .addColumn('span_start', 'integer')
    .addColumn('span_end', 'integer')
    .execute();
  await db.schema.createIndex('item_indicators_item').on('item_indicators').column('item_id').execute();
}
