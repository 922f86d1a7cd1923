import type { Kysely } from 'kysely';

// Frozen once shipped: year-end evaluation (年终考核): rubric, bonus/penalty entries, locked results.

export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
