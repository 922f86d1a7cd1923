import type { Database } from '../../src/db/connect.ts';
import { listRows } from '../../src/db/queries/collection.ts';
import { insertUnit } from '../../src/db/queries/units.ts';
import { loadActor } from '../../src/domain/accounts/load-actor.ts';
import { listCollectionForms } from '../../src/domain/balance/collection-forms.ts';
import { reviewRow } from '../../src/domain/balance/review-row.ts';
import { openRound } from '../../src/domain/balance/rounds.ts';
import { saveSchoolRows } from '../../src/domain/balance/save-school-rows.ts';
import type { Context } from '../../src/domain/context.ts';
import type { BalanceStage } from '../../src/shared/balance.ts';
import { seedOrganization, seedUser } from './http.ts';

// Test fixture (tests only): a county with an open seven-indicator round (2024年秋季学期, due Friday
// 2024-11-15, opened 2024-11-01), run through the use cases. Expected to fill: 城关小学 (no user),
// 河夹小学 and the 九年一贯制 涧池学校 (two stages); the 高中 云溪一中 is not asked. Used by the
// workbench's and the daily reminders' tests of collection rounds.

/** The round's name. */
export const ROUND_NAME = '2024年秋季学期';

/** The county, its users and the open round. */
export interface RoundFixture {
  database: Database;
  organizationId: number;
  roundId: number;
  units: { chengguan: number; hejia: number; jianchi: number; gaozhong: number };
  users: { supervisor: number; hejia: number; jianchi: number; gaozhong: number; viewer: number };
}

/** A user's context at 08:30 (Asia/Shanghai) of a day, or at another time. */
export async function contextOf(
  f: RoundFixture,
  userId: number,
  day: string,
  time = '08:30',
): Promise<Context> {
  const actor = await loadActor(f.database.db, userId);
  if (!actor) throw new Error(`user ${userId} not loaded`);
  const now = () => new Date(`${day}T${time}:00+08:00`);
  return { db: f.database.db, dialect: f.database.dialect, actor, now };
}

/** Seeds the county and opens the round. */
export async function seedOpenRound(database: Database, dueOn = '2024-11-15'): Promise<RoundFixture> {
  const { organizationId, school: chengguan } = await seedOrganization(database);
  const at = '2024-01-01T00:00:00Z';
  const school = (name: string, schoolKind: string) =>
    insertUnit(database.db, { organizationId, kind: 'school', name, schoolKind, createdAt: at });
  const units = {
    chengguan,
    hejia: await school('河夹小学', '小学'),
    jianchi: await school('涧池学校', '九年一贯制'),
    gaozhong: await school('云溪一中', '高中'),
  };
  const users = {
    supervisor: await seedUser(database, organizationId, 'duban', ['supervisor']),
    hejia: await seedUser(database, organizationId, 'hjxx', ['school'], '河夹小学'),
    jianchi: await seedUser(database, organizationId, 'jcxx', ['school'], '涧池学校'),
    gaozhong: await seedUser(database, organizationId, 'yxyz', ['school'], '云溪一中'),
    viewer: await seedUser(database, organizationId, 'chakan', ['viewer']),
  };
  const partial = { database, organizationId, roundId: 0, units, users };
  const ctx = await contextOf(partial, users.supervisor, '2024-11-01');
  const form = (await listCollectionForms(ctx)).find((f) => f.builtin);
  if (!form) throw new Error('built-in form missing');
  const round = await openRound(ctx, { formId: form.id, name: ROUND_NAME, dueOn, taskId: null });
  return { ...partial, roundId: round.id };
}

/** One stage's figures, all above the minimums. */
export function rowValues(pupils = 400): Record<string, number> {
  return {
    pupils,
    teachersAboveDegree: 30,
    backboneTeachers: 8,
    peArtTeachers: 6,
    buildingArea: 3000,
    sportsArea: 5000,
    equipmentValue: 1_200_000,
    multimediaRooms: 14,
  };
}

/** A school user saves its rows of the round (a draft, or submitted) on a day. */
export async function fillRows(
  f: RoundFixture,
  userId: number,
  day: string,
  stages: BalanceStage[],
  submit: boolean,
): Promise<void> {
  await saveSchoolRows(await contextOf(f, userId, day), {
    roundId: f.roundId,
    rows: stages.map((stage) => ({ stage, values: rowValues() })),
    submit,
  });
}

/** The supervisor accepts or returns a school's submitted rows (each stage with its own reason). */
export async function reviewSchool(
  f: RoundFixture,
  unitId: number,
  day: string,
  decision: 'accept' | 'return',
  reason: (stage: BalanceStage | null) => string = () => '',
): Promise<void> {
  const ctx = await contextOf(f, f.users.supervisor, day);
  for (const row of await listRows(f.database.db, [f.roundId], unitId)) {
    if (row.status !== 'submitted') continue;
    await reviewRow(ctx, { rowId: row.id, decision, reason: reason(row.stage), version: row.version });
  }
}
