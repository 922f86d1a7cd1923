import type { Kysely } from 'kysely';
import { withId } from './column-types.ts';

// Frozen once shipped: the working-day calendar (holidays and swapped working days), editable in
// the app, seeded with the State Council's 2024–2026 announcements (copied here, not imported, so
// the migration never changes when the seed list in the code does).

const SEED: Array<[from: string, to: string, kind: 'holiday' | 'workday', name: string]> = [
  ['2024-01-01', '2024-01-01', 'holiday', '元旦'],
  ['2024-02-10', '2024-02-17', 'holiday', '春节'],
  ['2024-02-04', '2024-02-04', 'workday', '春节'],
  ['2024-02-18', '2024-02-18', 'workday', '春节'],
  ['2024-04-04', '2024-04-06', 'holiday', '清明节'],
  ['2024-04-07', '2024-04-07', 'workday', '清明节'],
  ['2024-05-01', '2024-05-05', 'holiday', '劳动节'],
  ['2024-04-28', '2024-04-28', 'workday', '劳动节'],
  ['2024-05-11', '2024-05-11', 'workday', '劳动节'],
  ['2024-06-08', '2024-06-10', 'holiday', '端午节'],
  ['2024-09-15', '2024-09-17', 'holiday', '中秋节'],
  ['2024-09-14', '2024-09-14', 'workday', '中秋节'],
  ['2024-10-01', '2024-10-07', 'holiday', '国庆节'],
  ['2024-09-29', '2024-09-29', 'workday', '国庆节'],
  ['2024-10-12', '2024-10-12', 'workday', '国庆节'],
  ['2025-01-01', '2025-01-01', 'holiday', '元旦'],
  ['2025-01-28', '2025-02-04', 'holiday', '春节'],
  ['2025-01-26', '2025-01-26', 'workday', '春节'],
  ['2025-02-08', '2025-02-08', 'workday', '春节'],
  ['2025-04-04', '2025-04-06', 'holiday', '清明节'],
  ['2025-05-01', '2025-05-05', 'holiday', '劳动节'],
  ['2025-04-27', '2025-04-27', 'workday', '劳动节'],
  ['2025-05-31', '2025-06-02', 'holiday', '端午节'],
  ['2025-10-01', '2025-10-08', 'holiday', '国庆节、中秋节'],
  ['2025-09-28', '2025-09-28', 'workday', '国庆节、中秋节'],
  ['2025-10-11', '2025-10-11', 'workday', '国庆节、中秋节'],
  ['2026-01-01', '2026-01-03', 'holiday', '元旦'],
  ['2026-01-04', '2026-01-04', 'workday', '元旦'],
  ['2026-02-15', '2026-02-23', 'holiday', '春节'],
  ['2026-02-14', '2026-02-14', 'workday', '春节'],
  ['2026-02-28', '2026-02-28', 'workday', '春节'],
  ['2026-04-04', '2026-04-06', 'holiday', '清明节'],
  ['2026-05-01', '2026-05-05', 'holiday', '劳动节'],
  ['2026-05-09', '2026-05-09', 'workday', '劳动节'],
  ['2026-06-19', '2026-06-21', 'holiday', '端午节'],
  ['2026-09-25', '2026-09-27', 'holiday', '中秋节'],
  ['2026-10-01', '2026-10-07', 'holiday', '国庆节'],
  ['2026-09-20', '2026-09-20', 'workday', '国庆节'],
  ['2026-10-10', '2026-10-10', 'workday', '国庆节'],
];

function expand(): Array<{ date: string; kind: string; name: string }> {
  const rows: Array<{ date: string; kind: string; name: string }> = [];
  for (const [from, to, kind, name] of SEED) {
    for (
      let d = new Date(`${from}T00:00:00Z`);
      d <= new Date(`${to}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1)
    )
      rows.push({ date: d.toISOString().slice(0, 10), kind, name });
  }
  return rows;
}

/**
 * Creates calendar_days (one row per day that differs from Monday–Friday) and seeds 2024–2026; the
 * school calendar of each organization and year; and reporting overrides of plans and tasks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    // 'holiday' (a day off, weekends inside a holiday included) or 'workday' (a worked weekend day).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .execute();
  const at = new Date().toISOString();
  await db
    .insertInto('calendar_days' as never)
    .values(expand().map((row) => ({ ...row, updated_at: at })) as never)
    .execute();
  // Terms and vacations an administrator sets for a year; a year with no rows uses the default terms.
  await withId(db, db.schema.createTable('school_calendar_entries'))
    .addColumn('organization_id', 'integer', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    // 'term' (学期) or 'vacation' (寒假、暑假).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('school_calendar_entries_by_year')
    .on('school_calendar_entries')
    .columns(['organization_id', 'year'])
    .execute();
  // A plan's or a task's own reporting rule; a null field inherits (task → plan → organization).
  await db.schema
    .createTable('reporting_overrides')
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('organization_id', 'integer', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('cycle', 'text')
    .addColumn('due_day', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reporting_overrides_pk', ['target_type', 'target_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reporting_overrides').execute();
  await db.schema.dropTable('school_calendar_entries').execute();
  await db.schema.dropTable('calendar_days').execute();
}
