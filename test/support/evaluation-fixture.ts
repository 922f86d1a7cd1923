import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/connect.ts';
import type { DB } from '../../src/db/schema.ts';
import type { Actor } from '../../src/domain/context.ts';
import { addIndicator, addItem, addOrganization, addPlan, addTask, addUnit, addUser } from './factories.ts';

// A small plan whose evaluation is worked out by hand in evaluation.test.ts (tests only). Every
// task starts 2024-03-01 (教研室's on 2024-09-01); monthly reports are due on the 25th (25 May 2024
// is a Saturday, so May's is due Monday 27 May); the evaluation date is 2024-07-10, when Mar–Jun
// reports are due. An accepted report was accepted two days after its (latest) submission, as
// review-report records it: one review row per decision.

/** The fixture's units, tasks and people. */
export interface EvaluationFixture {
  organizationId: number;
  planId: number;
  units: {
    office: number;
    personnel: number;
    finance: number;
    safety: number;
    research: number;
    chengguan: number;
    shiyan: number;
    chengxi: number;
    kindergarten: number;
  };
  tasks: {
    t1: number;
    t2: number;
    t3: number;
    t4: number;
    t5: number;
    t6: number;
    t7: number;
    t8: number;
  };
  /** Report ids by name, for tests that change one after locking. */
  reports: { personnelT4Mar: number };
  actors: {
    supervisor: Actor;
    admin: Actor;
    leader: Actor;
    viewer: Actor;
    office: Actor;
    personnel: Actor;
    school: Actor;
  };
}

/** The moment the fixture is evaluated: 2024-07-10 10:00 Asia/Shanghai. */
export const EVALUATION_NOW = '2024-07-10T02:00:00Z';

const at = (day: string) => `${day}T02:00:00.000Z`;
const twoDaysAfter = (day: string) => new Date(Date.parse(at(day)) + 2 * 86_400_000).toISOString();

async function report(
  db: Kysely<DB>,
  taskId: number,
  unitId: number,
  period: string,
  submittedOn: string,
  state: 'submitted' | 'accepted' | 'returned' = 'accepted',
  revision = 1,
): Promise<number> {
  const row = await db
    .insertInto('reports')
    .values({
      task_id: taskId,
      unit_id: unitId,
      period,
      self_status: 'on_track',
      percent: 50,
      narrative: `${period} 进展`,
      state,
      submitted_by: null,
      submitted_at: at(submittedOn),
      revision,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (state === 'accepted') await review(db, row.id, 'accept', twoDaysAfter(submittedOn));
  return row.id;
}

async function review(
  db: Kysely<DB>,
  reportId: number,
  decision: 'accept' | 'return',
  createdAt: string,
): Promise<void> {
  await db
    .insertInto('reviews')
    .values({
      target_type: 'report',
      target_id: reportId,
      decision,
      comment: decision === 'return' ? '请补充佐证材料' : '',
      reviewer_id: null,
      created_at: createdAt,
    })
    .execute();
}

const returned = (db: Kysely<DB>, reportId: number, on: string) => review(db, reportId, 'return', at(on));

async function occurrence(
  db: Kysely<DB>,
  indicatorId: number,
  on: string,
  state: 'submitted' | 'accepted' | 'returned' = 'accepted',
): Promise<void> {
  await db
    .insertInto('occurrences')
    .values({
      indicator_id: indicatorId,
      unit_id: null,
      occurred_on: on,
      note: '完成',
      state,
      created_at: at(on),
    })
    .execute();
}

/** Seeds the hand-calculated plan. */
export async function seedEvaluationFixture(database: Database): Promise<EvaluationFixture> {
  const { db } = database;
  const org = await addOrganization(db);
  const units = {
    office: await addUnit(db, org, '办公室'),
    personnel: await addUnit(db, org, '人事股'),
    finance: await addUnit(db, org, '财务股'),
    safety: await addUnit(db, org, '安全股'),
    research: await addUnit(db, org, '教研室'),
    chengguan: await addUnit(db, org, '城关小学', 'school'),
    shiyan: await addUnit(db, org, '实验小学', 'school'),
    chengxi: await addUnit(db, org, '城西小学', 'school'),
    kindergarten: await addUnit(db, org, '城南幼儿园', 'school'),
  };
  const { planId, sectionId } = await addPlan(db, org);
  const item = await addItem(db, planId, sectionId, 1, '深入学习贯彻党的二十大精神');
  const task = (
    title: string,
    leadUnitId: number,
    options: { co?: number[]; startOn?: string; dueOn?: string } = {},
  ) =>
    addTask(db, planId, item, {
      title,
      leadUnitId,
      startOn: options.startOn ?? '2024-03-01',
      ...(options.co ? { coUnitIds: options.co } : {}),
      ...(options.dueOn ? { dueOn: options.dueOn } : {}),
    });
  const tasks = {
    t1: await task('每月开展理论中心组学习', units.office, { co: [units.personnel] }),
    // 安全股 co-owns T2 and never reports: the office's work gives it full completion.
    t2: await task('制订《意识形态工作实施方案》', units.office, { co: [units.safety] }),
    t3: await task('全年开展不少于两次专题培训', units.personnel),
    t4: await task('6月底前完成人事档案整理', units.personnel, { dueOn: '2024-06-30' }),
    t5: await task('每月开展校园安全检查', units.chengguan),
    t6: await task('每月开展校园安全检查', units.shiyan),
    // Nothing of it is owed by 2024-07-10.
    t7: await task('秋季学期开展教研活动', units.research, { startOn: '2024-09-01' }),
    t8: await task('每月开展校园安全检查', units.chengxi),
  };
  const i1 = await addIndicator(db, tasks.t1, {
    kind: 'recurring',
    per: 'month',
    text: '每月开展理论中心组学习',
  });
  const i2 = await addIndicator(db, tasks.t2, {
    kind: 'deliverable',
    text: '制订《意识形态工作实施方案》',
    dueOn: '2024-05-31',
  });
  const i3 = await addIndicator(db, tasks.t3, { kind: 'count', per: 'year', min: 2, text: '全年不少于两次' });
  await addIndicator(db, tasks.t4, { kind: 'deadline', text: '6月底前完成', dueOn: '2024-06-30' });
  const i5 = await addIndicator(db, tasks.t5, {
    kind: 'recurring',
    per: 'month',
    text: '每月开展校园安全检查',
  });
  const i6 = await addIndicator(db, tasks.t6, {
    kind: 'recurring',
    per: 'month',
    text: '每月开展校园安全检查',
  });
  await addIndicator(db, tasks.t7, { kind: 'recurring', per: 'month', text: '每月开展教研活动' });
  const i8 = await addIndicator(db, tasks.t8, {
    kind: 'recurring',
    per: 'month',
    text: '每月开展校园安全检查',
  });

  // 办公室 T1 (monthly): March and May accepted; April's is awaiting review; July's is the open month.
  await occurrence(db, i1, '2024-03-15');
  await occurrence(db, i1, '2024-04-18', 'submitted');
  await occurrence(db, i1, '2024-05-10');
  await occurrence(db, i1, '2024-07-03');
  // 办公室 T2: the plan was issued on time.
  await occurrence(db, i2, '2024-05-20');
  // 人事股 T3: one training by July (one of two owed by 2024-07-10: floor(2 × 192 / 366) = 1).
  await occurrence(db, i3, '2024-04-10');
  // 城关小学 every month; 实验小学 and 城西小学 March only.
  for (const day of ['2024-03-20', '2024-04-20', '2024-05-20', '2024-06-20']) await occurrence(db, i5, day);
  await occurrence(db, i6, '2024-03-22');
  await occurrence(db, i8, '2024-03-22');

  // 办公室 T1: Mar on time; Apr first filed 04-20, returned 04-22, refiled late 04-28; May filed on
  // Monday 05-27 (on time by the next-working-day rule); Jun missing.
  await report(db, tasks.t1, units.office, '2024-03', '2024-03-20');
  const officeT1Apr = await report(db, tasks.t1, units.office, '2024-04', '2024-04-28', 'accepted', 2);
  await returned(db, officeT1Apr, '2024-04-22');
  await report(db, tasks.t1, units.office, '2024-05', '2024-05-27', 'submitted');
  // 办公室 T2: Mar, Apr, Jun on time; May returned and not refiled.
  await report(db, tasks.t2, units.office, '2024-03', '2024-03-22');
  await report(db, tasks.t2, units.office, '2024-04', '2024-04-25');
  const officeT2May = await report(db, tasks.t2, units.office, '2024-05', '2024-05-24', 'returned');
  await returned(db, officeT2May, '2024-05-26');
  await report(db, tasks.t2, units.office, '2024-06', '2024-06-24');

  // 人事股 T1 (co-owner): Mar, Apr, Jun on time; May filed 05-28, a day late.
  await report(db, tasks.t1, units.personnel, '2024-03', '2024-03-25');
  await report(db, tasks.t1, units.personnel, '2024-04', '2024-04-24');
  await report(db, tasks.t1, units.personnel, '2024-05', '2024-05-28');
  await report(db, tasks.t1, units.personnel, '2024-06', '2024-06-21');
  // 人事股 T3: all four on time; June's returned on 06-20 and refiled on 06-24, still on time.
  await report(db, tasks.t3, units.personnel, '2024-03', '2024-03-21');
  await report(db, tasks.t3, units.personnel, '2024-04', '2024-04-22');
  await report(db, tasks.t3, units.personnel, '2024-05', '2024-05-23');
  const personnelT3Jun = await report(db, tasks.t3, units.personnel, '2024-06', '2024-06-24', 'accepted', 2);
  await returned(db, personnelT3Jun, '2024-06-20');
  // 人事股 T4 (due 06-30): Mar and Apr on time; May and Jun missing.
  const personnelT4Mar = await report(db, tasks.t4, units.personnel, '2024-03', '2024-03-19', 'submitted');
  await report(db, tasks.t4, units.personnel, '2024-04', '2024-04-19');

  // 城关小学: Mar–May on time, June a day late (06-26); none reviewed yet. 实验小学, 城西小学: none.
  for (const [period, day] of [
    ['2024-03', '2024-03-25'],
    ['2024-04', '2024-04-25'],
    ['2024-05', '2024-05-27'],
    ['2024-06', '2024-06-26'],
  ] as const) {
    await report(db, tasks.t5, units.chengguan, period, day, 'submitted');
  }

  const actors = {
    supervisor: await addUser(db, org, 'duban', ['supervisor']),
    // A system administrator who is also given the supervisor role (三员分立: admin alone sees no business data).
    admin: await addUser(db, org, 'admin', ['admin', 'supervisor']),
    leader: await addUser(db, org, 'leader', ['leader']),
    viewer: await addUser(db, org, 'viewer', ['viewer']),
    office: await addUser(db, org, 'bgs', ['department'], { unitId: units.office }),
    personnel: await addUser(db, org, 'rsg', ['department'], { unitId: units.personnel }),
    school: await addUser(db, org, 'cgxx', ['school'], { unitId: units.chengguan }),
  };
  return {
    organizationId: org,
    planId,
    units,
    tasks,
    reports: { personnelT4Mar },
    actors,
  };
}
