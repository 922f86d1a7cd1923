// The demonstration data. `seedDemoYear` is what `npm run demo` and the web benchmark serve: the
// Yunxi 2024 plan (its notice, with two rates given a number, so that percent promises show) imported
// by a bureau of 30 departments and 60 schools, published, and the half year before the demo's clock
// lived by the year generator (src/seed/plan-year.ts), then the last steps through the use cases
// (scripts/demo-steps.ts): a report of 办公室 returned by 陈玲玲 and waiting to be filed again, a late
// report with a completion waiting for review, and the draft bulletin (工作通报) of the last finished
// month. `seedDemo` is the small fixture many tests start from: the plan published with three
// accounts and three April reports of 办公室.
// Accounts (password DEMO_PASSWORD): admin (管理员+督办), bangongshi (办公室), chenlingling (局领导
// 陈玲玲); in the lived year also renshigu (人事股) and xuexiao (a school). Every other unit and leader
// has a generated account (unit-<id>, leader-<id>) with the same password.
import { readFileSync } from 'node:fs';
import type { Database } from '../src/db/connect.ts';
import { listPlanTasks } from '../src/db/queries/plan-tasks.ts';
import { addUser } from '../src/domain/accounts/add-user.ts';
import { loadActor } from '../src/domain/accounts/load-actor.ts';
import { setupFirstAdmin } from '../src/domain/accounts/setup-first-admin.ts';
import { type Context, shanghaiDate } from '../src/domain/context.ts';
import { cliContext } from '../src/domain/ensure-organization.ts';
import { importNotice } from '../src/domain/import-notice.ts';
import { publishPlan } from '../src/domain/publish-plan.ts';
import { submitReport } from '../src/domain/submit-report.ts';
import { generatePlanYear, type PlanYearCounts } from '../src/seed/plan-year.ts';
import { SeededRandom } from '../src/seed/random.ts';
import { importYunxiBureau, noticeTextFor } from '../src/seed/yunxi-template.ts';
import { seedDemoBalance } from './demo-balance.ts';
import { lastSteps } from './demo-steps.ts';

/** The password of every demonstration account. */
export const DEMO_PASSWORD = 'demo-pass-2024';

/**
 * The demo's clock: Monday 1 July 2024, 10:00 in Yunxi. Half the year is behind: June's bulletin can
 * be written, June's reports are in or a few days late (yellow), and what lags since spring is red.
 */
export const DEMO_CLOCK = '2024-07-01T02:00:00Z';

/** The accounts to try, as the console line and the README name them. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; who: string }> = [
  { username: 'admin', who: '管理员+督办' },
  { username: 'bangongshi', who: '办公室' },
  { username: 'chenlingling', who: '局领导 陈玲玲' },
  { username: 'renshigu', who: '人事股' },
  { username: 'xuexiao', who: '学校' },
  { username: 'xiaoxue', who: '小学（数据填报）' },
];

// The seed whose year shows the most of the app at DEMO_CLOCK: every light and a task done (办结),
// 办公室 and 人事股 diligent, three schools silent, returns, percent values and project milestones.
const DEMO_SEED = 5;
const DAY_MS = 86_400_000;
const ORGANIZATION = '岳阳市云溪区教育体育局';
const at = (iso: string) => () => new Date(iso);

/** Fills an empty, migrated database with the small fixture (no generated year); returns the plan's id. */
export async function seedDemo(database: Database): Promise<{ planId: number }> {
  await setupFirstAdmin(
    { ...database, now: at('2024-02-20T01:00:00Z') },
    { username: 'admin', password: DEMO_PASSWORD, displayName: '系统管理员', organization: ORGANIZATION },
  );
  const system = await cliContext(database, at('2024-02-23T02:00:00Z'));
  const text = readFileSync(
    new URL('../test/fixtures/notices/yunxi-2024-jiaoti-gongzuo-yaodian.txt', import.meta.url),
    'utf8',
  );
  const imported = await importNotice(
    system,
    { text, fileName: '郧西县2024年教育体育工作要点.txt' },
    { createUnits: true },
  );
  await publishPlan(system, { planId: imported.planId });
  const office = await addUser(system, {
    username: 'bangongshi',
    displayName: '办公室 王晓',
    password: DEMO_PASSWORD,
    roles: ['department'],
    unit: '办公室',
  });
  await addUser(system, {
    username: 'chenlingling',
    displayName: '陈玲玲',
    password: DEMO_PASSWORD,
    roles: ['leader'],
    leader: '陈玲玲',
  });
  const officeActor = await loadActor(database.db, office.id);
  if (!officeActor) throw new Error('demo: office user not loaded');
  const tasks = await listPlanTasks(database.db, imported.planId);
  const officeTasks = tasks.filter((task) => task.lead_unit_id === officeActor.unitId).slice(0, 3);
  for (const [index, task] of officeTasks.entries()) {
    const ctx: Context = { ...system, actor: officeActor, now: at(`2024-04-2${index}T03:00:00Z`) };
    await submitReport(ctx, {
      taskId: task.id,
      period: '2024-04',
      selfStatus: 'on_track',
      percent: 30 + index * 10,
      narrative: `4月按计划推进：${task.title.slice(0, 30)}。`,
    });
  }
  return { planId: imported.planId };
}

// Two rates of the notice given the number a bureau would set, so the plan has percent promises
// (the notice itself names none): the kindergartens' coverage and the canteens' satisfaction.
function demoNoticeText(): string {
  return noticeTextFor(2024)
    .replace('提供更多的公办学位。', '提供更多的公办学位，普惠性幼儿园覆盖率稳定在90%以上。')
    .replace('早晚专账，提高师生就餐满意率。', '早晚专账，师生就餐满意率达到95%以上。');
}

/** What the lived demo year made. */
export interface DemoYear {
  organizationId: number;
  planId: number;
  /** The last day lived ('YYYY-MM-DD'). */
  through: string;
  counts: PlanYearCounts;
  /** The draft bulletin of the last finished month, if the year had one. */
  bulletinId: number | undefined;
}

/**
 * Fills an empty, migrated database with the lived demo year: the bureau, its accounts, a year
 * generated up to the day before `clock` (default DEMO_CLOCK; the plan's last day at most), so that
 * nothing is dated after the clock, and the last steps taken through the use cases.
 */
export async function seedDemoYear(
  database: Database,
  options: { clock?: string; seed?: number } = {},
): Promise<DemoYear> {
  const clock = options.clock ?? DEMO_CLOCK;
  const day = shanghaiDate(new Date(Date.parse(clock) - DAY_MS));
  const through = day > '2024-12-31' ? '2024-12-31' : day;
  const seed = options.seed ?? DEMO_SEED;
  const { id: adminId } = await setupFirstAdmin(
    { ...database, now: at('2024-02-20T01:00:00Z') },
    { username: 'admin', password: DEMO_PASSWORD, displayName: '系统管理员', organization: ORGANIZATION },
  );
  const system = await cliContext(database, at('2024-02-23T02:00:00Z'));
  const organizationId = system.actor.organizationId;
  const { planId } = await importYunxiBureau(database, {
    organizationId,
    year: 2024,
    departments: 30,
    schools: 60,
    random: new SeededRandom(seed),
    text: demoNoticeText(),
  });
  // The demo's own accounts first: the generated year's work is then done by them.
  const school = await database.db
    .selectFrom('task_units')
    .innerJoin('units', 'units.id', 'task_units.unit_id')
    .select(['units.name'])
    .where('units.kind', '=', 'school')
    .orderBy('units.id')
    .executeTakeFirstOrThrow();
  const accounts = [
    { username: 'bangongshi', displayName: '办公室 王晓', roles: ['department'] as const, unit: '办公室' },
    { username: 'chenlingling', displayName: '陈玲玲', roles: ['leader'] as const, leader: '陈玲玲' },
    { username: 'renshigu', displayName: '人事股 刘芳', roles: ['department'] as const, unit: '人事股' },
    {
      username: 'xuexiao',
      displayName: `${school.name} 张伟`,
      roles: ['school'] as const,
      unit: school.name,
    },
  ];
  const ids = new Map<string, number>([['admin', adminId]]);
  for (const account of accounts) {
    const { id } = await addUser(system, { ...account, roles: [...account.roles], password: DEMO_PASSWORD });
    ids.set(account.username, id);
  }
  const counts = await generatePlanYear(database, {
    planId,
    through,
    seed,
    password: DEMO_PASSWORD,
  });
  const { bulletinId } = await lastSteps(database, { planId, through, clock, users: ids });
  await seedDemoBalance(database, { planId, through, users: ids, seed, password: DEMO_PASSWORD });
  return { organizationId, planId, through, counts, bulletinId };
}
