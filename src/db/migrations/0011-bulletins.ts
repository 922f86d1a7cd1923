import type { Kysely } from 'kysely';

// Frozen once shipped: monthly bulletins (工作通报): drafts, issued versions and their files.

export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
