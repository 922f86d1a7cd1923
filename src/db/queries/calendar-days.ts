import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

// The working-day calendar: national defaults (organization_id null) and each organization's own
// days, which override the default of the same date for that organization only. Every query of
// an organization's calendar names the organization; no query here reads another one's days.

/** A stored day: a national default or one organization's own. */
export interface StoredCalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  /** True for the organization's own day, false for the national default. */
  own: boolean;
}

/** Both layers of a date range, the organization's own days and the national defaults, by date. */
async function listLayers(
  db: Kysely<DB>,
  organizationId: number,
  from?: string,
  to?: string,
): Promise<StoredCalendarDay[]> {
  let query = db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name', 'organization_id as organizationId'])
    .where((eb) => eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', organizationId)]));
  if (from) query = query.where('date', '>=', from);
  if (to) query = query.where('date', '<=', to);
  const rows = await query.orderBy('date').execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, own: r.organizationId !== null }));
}

/** Every national default and every own day of the organization (both of a date when it has both), by date. */
export function listCalendarLayers(db: Kysely<DB>, organizationId: number): Promise<StoredCalendarDay[]> {
  return listLayers(db, organizationId);
}

/** The national defaults and the organization's own days of one year, by date. */
export function listCalendarLayersOfYear(
  db: Kysely<DB>,
  organizationId: number,
  year: number,
): Promise<StoredCalendarDay[]> {
  return listLayers(db, organizationId, `${year}-01-01`, `${year}-12-31`);
}

/** A date's national default and the organization's own entry, each if it has one. */
export async function findCalendarDayLayers(
  db: Kysely<DB>,
  organizationId: number,
  date: string,
): Promise<{ national?: StoredCalendarDay; own?: StoredCalendarDay }> {
  const rows = await listLayers(db, organizationId, date, date);
  return { national: rows.find((r) => !r.own), own: rows.find((r) => r.own) };
}

/** Sets the organization's own entry of a date, replacing the one it had (never the national default). */
export async function upsertOwnCalendarDay(
  db: Kysely<DB>,
  organizationId: number,
  day: { date: string; kind: 'holiday' | 'workday'; name: string; updatedAt: string },
): Promise<void> {
  // Delete then insert rather than ON CONFLICT: the unique index is partial, and the two dialects
  // name a partial index's conflict target differently. The caller's transaction makes it one step.
  await deleteOwnCalendarDay(db, organizationId, day.date);
  await db
    .insertInto('calendar_days')
    .values({
      organization_id: organizationId,
      date: day.date,
      kind: day.kind,
      name: day.name,
      updated_at: day.updatedAt,
    })
    .execute();
}

/** Whether an error is the unique index refusing a second own entry of a date (two editors at once). */
export function isDuplicateCalendarDay(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  // PostgreSQL: unique_violation naming the index; better-sqlite3: SQLITE_CONSTRAINT_UNIQUE naming the columns.
  if (code === '23505') return text.includes('calendar_days');
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && text.includes('calendar_days');
}

/** Removes the organization's own entry of a date (the national default, if any, applies again). */
export async function deleteOwnCalendarDay(
  db: Kysely<DB>,
  organizationId: number,
  date: string,
): Promise<void> {
  await db
    .deleteFrom('calendar_days')
    .where('organization_id', '=', organizationId)
    .where('date', '=', date)
    .execute();
}

/** Replaces the national defaults of the given years with `days` (the system-level calendar import). */
export async function replaceNationalDays(
  db: Kysely<DB>,
  years: readonly number[],
  days: ReadonlyArray<{ date: string; kind: 'holiday' | 'workday'; name: string }>,
  at: string,
): Promise<void> {
  for (const year of years) {
    await db
      .deleteFrom('calendar_days')
      .where('organization_id', 'is', null)
      .where('date', '>=', `${year}-01-01`)
      .where('date', '<=', `${year}-12-31`)
      .execute();
  }
  if (days.length === 0) return;
  await db
    .insertInto('calendar_days')
    .values(days.map((d) => ({ organization_id: null, ...d, updated_at: at })))
    .execute();
}
