import type { Kysely } from 'kysely';
import type { RowStatus } from '../../shared/balance.ts';
import type { DB } from '../schema.ts';

// What the workbench, the menu badges and the daily reminders need of collection rounds (一表通):
// the state of each school's rows, without their values, and a few counts. The badges poll every
// minute, so these read only the columns they count.

/** A school's row of a round as the workbench counts it. */
export interface RowStateRecord {
  roundId: number;
  unitId: number;
  unitName: string;
  /** 'primary' | 'junior' on a staged form, null otherwise. */
  stage: string | null;
  status: RowStatus;
  returnReason: string | null;
}

/** The rows of these rounds (every school's, or one school's), values left out. */
export async function listRowStates(
  db: Kysely<DB>,
  roundIds: readonly number[],
  unitId?: number,
): Promise<RowStateRecord[]> {
  if (roundIds.length === 0) return [];
  let query = db
    .selectFrom('collection_rows as w')
    .innerJoin('units as u', 'u.id', 'w.unit_id')
    .select(['w.round_id', 'w.unit_id', 'u.name as unit_name', 'w.stage', 'w.status', 'w.return_reason'])
    .where('w.round_id', 'in', [...roundIds]);
  if (unitId !== undefined) query = query.where('w.unit_id', '=', unitId);
  const rows = await query.orderBy('w.round_id').orderBy('u.name').orderBy('w.stage', 'desc').execute();
  return rows.map((row) => ({
    roundId: Number(row.round_id),
    unitId: Number(row.unit_id),
    unitName: row.unit_name,
    stage: row.stage === '' ? null : row.stage,
    status: row.status,
    returnReason: row.return_reason,
  }));
}

/** How many rows of the organization's open rounds wait for review (待审核). */
export async function countRowsToReview(db: Kysely<DB>, organizationId: number): Promise<number> {
  const row = await db
    .selectFrom('collection_rows as w')
    .innerJoin('collection_rounds as r', 'r.id', 'w.round_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('r.organization_id', '=', organizationId)
    .where('r.status', '=', 'open')
    .where('w.status', '=', 'submitted')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Whether the organization has a round open for filling. */
export async function hasOpenRound(db: Kysely<DB>, organizationId: number): Promise<boolean> {
  const row = await db
    .selectFrom('collection_rounds')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'open')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The organizations with a round open for filling (the daily reminders run for each). */
export async function listOrganizationsWithOpenRounds(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .selectFrom('collection_rounds')
    .select('organization_id')
    .distinct()
    .where('status', '=', 'open')
    .orderBy('organization_id')
    .execute();
  return rows.map((r) => Number(r.organization_id));
}
