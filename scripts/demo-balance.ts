// The demo's school data collection (一表通) and 差异系数 monitor, lived through the use cases: the
// 2024年春季学期 round on the seven-indicator form, linked to item 13 (适时监测…差异系数), imported by
// the bureau from one sheet and locked in April (a completion of item 13 with the calculation
// workbook); then the 2024年6月复测 round, still open on the demo's day: most schools filed
// (prefilled from spring, a little better), most accepted, the demo school's row returned with a
// reason, a few waiting for review, a few not filed — what a 督导室 and a school see mid-round.
import type { Database } from '../src/db/connect.ts';
import { listUnits } from '../src/db/queries/units.ts';
import { addUser } from '../src/domain/accounts/add-user.ts';
import { loadActor } from '../src/domain/accounts/load-actor.ts';
import { writeBalanceTemplate } from '../src/domain/balance/balance-sheet.ts';
import { listCollectionForms } from '../src/domain/balance/collection-forms.ts';
import { importRoundSheet } from '../src/domain/balance/import-round-sheet.ts';
import { lockRound } from '../src/domain/balance/lock-round.ts';
import { reviewRow } from '../src/domain/balance/review-row.ts';
import { getRound, openRound } from '../src/domain/balance/rounds.ts';
import { saveSchoolRows } from '../src/domain/balance/save-school-rows.ts';
import { stagesOfSchool } from '../src/domain/balance/school-stages.ts';
import { type Actor, type Context, systemActor } from '../src/domain/context.ts';
import { SeededRandom } from '../src/seed/random.ts';
import { BALANCE_INDICATORS, type BalanceIndicatorKey, type BalanceStage } from '../src/shared/balance.ts';

/** The figures of one school's row: pupils and the seven raw figures. */
type Figures = { pupils: number } & Record<BalanceIndicatorKey, number>;

/** Runs the demo's two rounds as far as `through` reaches; returns the ids of the rounds made. */
export async function seedDemoBalance(
  database: Database,
  options: {
    planId: number;
    through: string;
    users: ReadonlyMap<string, number>;
    seed: number;
    password: string;
  },
): Promise<number[]> {
  const { db, dialect } = database;
  const supervisor = await loadActor(db, options.users.get('admin') ?? -1);
  if (!supervisor) throw new Error('demo: accounts not loaded');
  // The demo's own 小学 account (xuexiao's school is a kindergarten, which reports no such figures).
  const primary = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('organization_id', '=', supervisor.organizationId)
    .where('kind', '=', 'school')
    .where('school_kind', '=', '小学')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const { id: schoolUserId } = await addUser(
    {
      db,
      dialect,
      actor: systemActor(supervisor.organizationId),
      now: () => new Date('2024-03-01T01:00:00Z'),
    },
    {
      username: 'xiaoxue',
      displayName: `${primary.name} 李娜`,
      roles: ['school'],
      unit: primary.name,
      password: options.password,
    },
  );
  const schoolUser = await loadActor(db, schoolUserId);
  if (!schoolUser) throw new Error('demo: school account not loaded');
  const at = (actor: Actor, iso: string): Context => ({ db, dialect, actor, now: () => new Date(iso) });
  const random = new SeededRandom(options.seed + 16);
  const task = await db
    .selectFrom('tasks as t')
    .innerJoin('items as i', 'i.id', 't.item_id')
    .select('t.id')
    .where('t.plan_id', '=', options.planId)
    .where('t.parent_task_id', 'is', null)
    .where('i.body', 'like', '%差异系数%')
    .executeTakeFirst();
  const taskId = task ? Number(task.id) : null;
  const schools = (await listUnits(db, supervisor.organizationId, { kind: 'school' }))
    .map((s) => ({ id: Number(s.id), name: s.name, stages: stagesOfSchool(s.school_kind, s.name) }))
    .filter((s) => s.stages.length > 0);
  const rounds: number[] = [];
  if (options.through < '2024-04-02') return rounds;

  // Spring: the bureau collects the figures itself and imports the county's sheet.
  const forms = await listCollectionForms(at(supervisor, '2024-03-04T01:00:00Z'));
  const formId = forms.find((f) => f.builtin)?.id ?? 0;
  const spring = await openRound(at(supervisor, '2024-03-04T01:30:00Z'), {
    formId,
    name: '2024年春季学期',
    dueOn: '2024-03-29',
    taskId,
  });
  rounds.push(spring.id);
  const figures = new Map<string, Figures>();
  for (const school of schools)
    for (const stage of school.stages)
      figures.set(`${school.id}:${stage}`, springFigures(random, stage, school.name));
  const sheet = await writeBalanceTemplate(
    schools.flatMap((school) =>
      school.stages.map((stage) => {
        const { pupils, ...raw } = figures.get(`${school.id}:${stage}`) as Figures;
        return { name: school.name, stage, pupils, raw };
      }),
    ),
  );
  await importRoundSheet(at(supervisor, '2024-03-28T07:00:00Z'), { roundId: spring.id, bytes: sheet });
  await lockRound(at(supervisor, '2024-04-02T02:00:00Z'), { roundId: spring.id });
  if (options.through < '2024-06-25') return rounds;

  // June: the schools fill themselves, starting from spring's figures.
  const june = await openRound(at(supervisor, '2024-06-11T01:00:00Z'), {
    formId,
    name: '2024年6月复测',
    dueOn: '2024-07-05',
    taskId,
  });
  rounds.push(june.id);
  const demoSchool = schoolUser.unitId;
  const silent = new Set(schools.filter((s) => s.id !== demoSchool && random.next() < 0.08).map((s) => s.id));
  let minute = 0;
  for (const school of schools) {
    if (silent.has(school.id)) continue;
    const actor: Actor =
      school.id === demoSchool
        ? schoolUser
        : { ...schoolUser, userId: null, label: school.name, unitId: school.id, roles: ['school'] };
    const rows = school.stages.map((stage) => ({
      stage,
      values: improved(random, figures.get(`${school.id}:${stage}`) as Figures),
    }));
    minute += 37;
    const when = new Date(Date.parse('2024-06-17T01:00:00Z') + minute * 60_000).toISOString();
    await saveSchoolRows(at(actor, when), { roundId: june.id, rows, submit: true });
  }
  const filed = (await getRound(at(supervisor, '2024-06-28T01:00:00Z'), june.id)).rows;
  for (const [index, row] of filed.entries()) {
    const mine = row.unitId === demoSchool;
    // Most are checked; the last few wait for review.
    if (!mine && index >= filed.length - 4) continue;
    await reviewRow(at(supervisor, `2024-06-2${mine ? 8 : 7}T0${(index % 8) + 1}:00:00Z`), {
      rowId: row.id,
      version: row.version,
      decision: mine ? 'return' : 'accept',
      reason: mine
        ? '体育运动场馆面积与学校校舍台账不一致，请核对后按台账数填报，并上传加盖公章的台账页。'
        : '',
    });
  }
  return rounds;
}

/** Spring figures of a school: each indicator around its minimum, 初中 sports areas spread widely. */
function springFigures(random: SeededRandom, stage: BalanceStage, name: string): Figures {
  const small = stage === 'primary' && /教学点|村/.test(name);
  const pupils =
    stage === 'primary' ? random.int(small ? 40 : 180, small ? 160 : 1500) : random.int(300, 1600);
  const figures = { pupils } as Figures;
  for (const indicator of BALANCE_INDICATORS) {
    const minimum = indicator.minimum[stage];
    // Most schools above every minimum; small village schools thinner; 初中 sports grounds uneven.
    const [low, high] =
      indicator.key === 'sportsArea' && stage === 'junior' ? [0.3, 3.3] : small ? [0.8, 1.3] : [0.96, 1.9];
    const perPupil = minimum * (low + random.next() * (high - low));
    const total = (perPupil * pupils) / indicator.per;
    figures[indicator.key] =
      indicator.per === 100 ? Math.max(1, Math.round(total)) : Math.round(total * 10) / 10;
  }
  return figures;
}

/** June's figures: spring's, with a teacher or a room more here and there. */
function improved(random: SeededRandom, spring: Figures): Record<string, number> {
  const values: Record<string, number> = { ...spring };
  for (const indicator of BALANCE_INDICATORS) {
    if (random.next() < 0.7) continue;
    values[indicator.key] =
      indicator.per === 100
        ? (spring[indicator.key] ?? 0) + random.int(1, 2)
        : Math.round((spring[indicator.key] ?? 0) * (1.02 + random.next() * 0.08) * 10) / 10;
  }
  return values;
}
