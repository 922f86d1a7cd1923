import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Leader } from './leaders.ts';

/** One leader of an organization by exact name. */
export async function findLeaderByName(
  db: Kysely<DB>,
  organizationId: number,
  name: string,
): Promise<Leader | undefined> {
  return db
    .selectFrom('leaders')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** The names of a unit and a leader, for showing who a user is. */
export async function findUnitAndLeaderNames(
  db: Kysely<DB>,
  unitId: number | null,
  leaderId: number | null,
): Promise<{
  unit: { id: number; name: string; kind: 'department' | 'school' } | null;
  leader: { id: number; name: string } | null;
}> {
  const unit =
    unitId === null
      ? undefined
      : await db
          .selectFrom('units')
          .select(['id', 'name', 'kind'])
          .where('id', '=', unitId)
          .executeTakeFirst();
  const leader =
    leaderId === null
      ? undefined
      : await db.selectFrom('leaders').select(['id', 'name']).where('id', '=', leaderId).executeTakeFirst();
  return { unit: unit ?? null, leader: leader ?? null };
}
