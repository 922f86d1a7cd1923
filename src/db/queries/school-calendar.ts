import type { Kysely } from 'kysely';
import type { DB, SchoolCalendarEntryTable } from '../schema.ts';

/** A stored term or vacation. */
export interface SchoolCalendarRow {
  year: number;
  kind: SchoolCalendarEntryTable['kind'];
  name: string;
  startsOn: string;
  endsOn: string;
}

function select(db: Kysely<DB>, organizationId: number) {
  return db
    .selectFrom('school_calendar_entries')
    .select(['year', 'kind', 'name', 'starts_on as startsOn', 'ends_on as endsOn'])
    .where('organization_id', '=', organizationId)
    .orderBy('year')
    .orderBy('starts_on');
}

/** Every year's school calendar of an organization (a few rows a year). */
export function listSchoolCalendar(db: Kysely<DB>, organizationId: number): Promise<SchoolCalendarRow[]> {
  return select(db, organizationId).execute();
}

/** One year's school calendar of an organization, by start date. */
export function listSchoolYear(
  db: Kysely<DB>,
  organizationId: number,
  year: number,
): Promise<SchoolCalendarRow[]> {
  return select(db, organizationId).where('year', '=', year).execute();
}

/** Replaces a year's school calendar with the given entries (none: back to the default). */
export async function replaceSchoolYear(
  db: Kysely<DB>,
  organizationId: number,
  year: number,
  entries: ReadonlyArray<Omit<SchoolCalendarRow, 'year'>>,
): Promise<void> {
  await db
    .deleteFrom('school_calendar_entries')
    .where('organization_id', '=', organizationId)
    .where('year', '=', year)
    .execute();
  if (entries.length === 0) return;
  await db
    .insertInto('school_calendar_entries')
    .values(
      entries.map((e) => ({
        organization_id: organizationId,
        year,
        kind: e.kind,
        name: e.name,
        starts_on: e.startsOn,
        ends_on: e.endsOn,
      })),
    )
    .execute();
}
