import type { Kysely } from 'kysely';

// Frozen once shipped: next year's plan: the plan it follows and tasks carried over.

export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
