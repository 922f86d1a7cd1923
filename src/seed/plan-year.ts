import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import { storeBlob } from '../db/queries/blobs.ts';
import { bumpDataVersion } from '../db/queries/data-versions.ts';
import { listItemLeaders } from '../db/queries/plan-items.ts';
import {
  listPlanIndicatorSlots,
  listPlanIndicators,
  listPlanTasks,
  listPlanTaskUnits,
} from '../db/queries/plan-tasks.ts';
import { listUnitUsers } from '../db/queries/reminders.ts';
import { listUnits } from '../db/queries/units.ts';
import type { DB } from '../db/schema.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import { AppError } from '../domain/errors.ts';
import { loadPlanReporting } from '../domain/reporting/load-reporting.ts';
import { isPlanDate } from '../domain/workflow-input.ts';
import { type Cell, IdSequence, insertRows, nextId, syncIdentities } from './bulk-insert.ts';
import { makeDecisions } from './plan-year-decisions.ts';
import { EVIDENCE_COLUMNS, EVIDENCE_FILES } from './plan-year-evidence.ts';
import {
  drawHabit,
  type Ids,
  NOTIFICATION_COLUMNS,
  type PlanYearData,
  REVIEW_COLUMNS,
  RowBatch,
  type UnitHabit,
  workingDaysAfter,
  workMoment,
} from './plan-year-model.ts';
import { OCCURRENCE_COLUMNS, outcomesOf, placeOccurrences } from './plan-year-occurrences.ts';
import { emitReports, REPORT_COLUMNS } from './plan-year-report-rows.ts';
import { planReports, reviewReports } from './plan-year-reports.ts';
import { SeededRandom } from './random.ts';
import { AUDIT_COLUMNS, ensureSeedAccounts, SEED_PASSWORD } from './seed-accounts.ts';
import { shanghaiMoment } from './seed-dates.ts';

/** Which published plan to fill, up to which day, with which seed. */
export interface PlanYearOptions {
  planId: number;
  /** 'YYYY-MM-DD': the last simulated day. */
  through: string;
  seed?: number;
  /** The password of the accounts it creates (default SEED_PASSWORD). */
  password?: string;
}

/** How many rows of each kind of work were generated. */
export interface PlanYearCounts {
  reports: number;
  occurrences: number;
  reviews: number;
}

/**
 * Fills a published plan with a realistic, deterministic year of work up to `through`: an account
 * per owning unit and leader (created if missing), acknowledgements, reports per the reporting rule
 * and each unit's habit (on time, late, missing, returned and re-filed; a silent unit or two),
 * completions with evidence (filed inside the unit's report of their month and reviewed with it,
 * else logged and reviewed on their own; percent values, project milestones), reviews, the units'
 * notifications of returns, requests for completion (办结) and extensions. Rows and audit entries
 * are what the use cases write; the bulk is inserted set-based, the few decisions go through the
 * use cases. Assumes no other writer.
 */
export async function generatePlanYear(
  database: Database,
  options: PlanYearOptions,
): Promise<PlanYearCounts> {
  const { db } = database;
  if (!isPlanDate(options.through)) {
    throw new AppError('INVALID_INPUT', `截止日期应为 YYYY-MM-DD 格式的日期（收到“${options.through}”）。`);
  }
  const plan = await db
    .selectFrom('plans')
    .select(['id', 'organization_id', 'year', 'status', 'published_on'])
    .where('id', '=', options.planId)
    .executeTakeFirst();
  if (!plan) throw new AppError('NOT_FOUND', `找不到编号为 ${options.planId} 的工作要点。`);
  if (plan.status !== 'published' || !plan.published_on) {
    throw new AppError('CONFLICT', '只能为已发布的工作要点生成全年数据，请先发布。');
  }
  const filed = await db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .select('reports.id')
    .where('tasks.plan_id', '=', plan.id)
    .limit(1)
    .executeTakeFirst();
  if (filed) throw new AppError('CONFLICT', '该工作要点已有填报数据，不能重复生成。');
  const random = new SeededRandom(options.seed ?? 20240101);
  const reporting = await loadPlanReporting(db, plan.organization_id, plan.id);
  const data = await loadPlanYear(
    database,
    plan,
    { through: options.through, password: options.password ?? SEED_PASSWORD },
    reporting.work,
    random,
  );

  await acknowledgeTasks(database, data, random.fork('ack'));
  // Reports are planned first so that completions can be filed into them, then reviewed (reviewers
  // look at the completions); they are written after the decisions, because a task whose completion
  // (办结) was accepted stops reporting.
  const planned = planReports(data, reporting, random.fork('reports'));
  const logged = new RowBatch();
  const tallies = placeOccurrences(
    data,
    planned,
    logged,
    await allocateIds(database),
    random.fork('occurrences'),
  );
  reviewReports(data, planned);
  const outcomes = outcomesOf(tallies);
  await writeBatch(database, plan.organization_id, logged);
  const decisions = await makeDecisions(database, data, outcomes, random.fork('decisions'));
  const reports = new RowBatch();
  emitReports(data, planned, decisions.doneOn, reports, await allocateIds(database));
  await writeBatch(database, plan.organization_id, reports);
  return {
    reports: reports.count('reports'),
    occurrences: logged.count('occurrences') + reports.count('occurrences'),
    reviews: logged.count('reviews') + reports.count('reviews') + decisions.reviews,
  };
}

async function loadPlanYear(
  database: Database,
  plan: { id: number; organization_id: number; year: number; published_on: string | null },
  options: { through: string; password: string },
  work: WorkCalendar,
  random: SeededRandom,
): Promise<PlanYearData> {
  const { db } = database;
  const [tasks, taskUnits, indicators, slots, itemLeaders, units] = await Promise.all([
    listPlanTasks(db, plan.id),
    listPlanTaskUnits(db, plan.id),
    listPlanIndicators(db, plan.id),
    listPlanIndicatorSlots(db, plan.id),
    listItemLeaders(db, plan.id),
    listUnits(db, plan.organization_id, { includeInactive: true }),
  ]);
  const owners = new Map<number, number[]>();
  for (const task of tasks) owners.set(task.id, task.lead_unit_id === null ? [] : [task.lead_unit_id]);
  for (const tu of taskUnits) {
    const list = owners.get(tu.taskId);
    if (list && !list.includes(tu.unitId)) list.push(tu.unitId);
  }
  const owning = new Set(taskUnits.map((tu) => tu.unitId));
  const leaders = new Map<number, string>();
  const byItem = new Map<number, number[]>();
  for (const l of itemLeaders) {
    leaders.set(l.leaderId, l.name);
    byItem.set(l.itemId, [...(byItem.get(l.itemId) ?? []), l.leaderId]);
  }
  const { through } = options;
  const publishedOn = plan.published_on ?? through;
  const accounts = await ensureSeedAccounts(
    database,
    plan.organization_id,
    units.filter((u) => owning.has(u.id)).map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
    [...leaders].map(([id, name]) => ({ id, name })),
    shanghaiMoment(publishedOn, 9 * 60),
    random.fork('accounts'),
    options.password,
  );
  const unitPeople = new Map<number, number[]>();
  for (const person of await listUnitUsers(db, plan.organization_id, [...owning])) {
    unitPeople.set(person.unitId, [...(unitPeople.get(person.unitId) ?? []), person.userId]);
  }
  const habits = new Map<number, UnitHabit>();
  const habitRandom = random.fork('habits');
  for (const unitId of [...owning].sort((a, b) => a - b)) {
    habits.set(unitId, drawHabit(habitRandom.fork(unitId), plan.year));
  }
  const slotsByIndicator = new Map<number, typeof slots>();
  for (const slot of slots)
    slotsByIndicator.set(slot.indicator_id, [...(slotsByIndicator.get(slot.indicator_id) ?? []), slot]);
  return {
    planId: plan.id,
    organizationId: plan.organization_id,
    year: plan.year,
    publishedOn,
    through,
    tasks,
    owners,
    itemLeaders: byItem,
    indicators,
    slots: slotsByIndicator,
    accounts,
    unitPeople,
    habits,
    work,
  };
}

// Most owners acknowledge (签收) within a week of publishing; a few never do. One UPDATE per 500
// tasks (CASE over the ids) instead of one per task: PostgreSQL pays a round trip per statement.
async function acknowledgeTasks(database: Database, data: PlanYearData, random: SeededRandom): Promise<void> {
  const audit = new RowBatch();
  const ids = await allocateIds(database);
  const acks: Array<{ id: number; at: string; by: number }> = [];
  for (const task of data.tasks) {
    if (task.status !== 'pending' || task.lead_unit_id === null || !random.chance(0.93)) continue;
    const userId = data.accounts.unitUser.get(task.lead_unit_id);
    const day = workingDaysAfter(data.work, data.publishedOn, random.int(0, 5));
    if (userId === undefined || day > data.through) continue;
    const at = workMoment(random, day);
    acks.push({ id: task.id, at, by: userId });
    const after = {
      status: 'acknowledged',
      acknowledgedAt: at,
      unitId: task.lead_unit_id,
      version: task.version + 1,
    };
    audit.add('audit_log', [
      ids.audit.take(),
      data.organizationId,
      userId,
      data.accounts.labels.get(userId) ?? String(userId),
      'task.acknowledge',
      'task',
      task.id,
      JSON.stringify({ status: task.status, version: task.version }),
      JSON.stringify(after),
      at,
    ]);
  }
  await database.db.transaction().execute(async (trx) => {
    for (let start = 0; start < acks.length; start += 500) {
      const chunk = acks.slice(start, start + 500);
      const at = sql.join(
        chunk.map((a) => sql`when ${a.id} then ${a.at}`),
        sql` `,
      );
      const by = sql.join(
        chunk.map((a) => sql`when ${a.id} then cast(${a.by} as integer)`),
        sql` `,
      );
      await sql`update tasks set status = 'acknowledged', acknowledged_at = case id ${at} end,
        updated_at = case id ${at} end, acknowledged_by = case id ${by} end, version = version + 1
        where id in (${sql.join(chunk.map((a) => a.id))})`.execute(trx);
    }
    await insertRows(trx, database.dialect, 'audit_log', AUDIT_COLUMNS, audit.rows.get('audit_log') ?? []);
    await syncIdentities(trx, database.dialect, ['audit_log']);
    await bumpDataVersion(trx, data.organizationId);
  });
}

async function allocateIds(database: Database): Promise<Ids> {
  const { db } = database;
  const [audit, reviews, reports, occurrences, evidence, notifications] = await Promise.all([
    nextId(db, 'audit_log'),
    nextId(db, 'reviews'),
    nextId(db, 'reports'),
    nextId(db, 'occurrences'),
    nextId(db, 'evidence'),
    nextId(db, 'notifications'),
  ]);
  return {
    audit: new IdSequence(audit),
    reviews: new IdSequence(reviews),
    reports: new IdSequence(reports),
    occurrences: new IdSequence(occurrences),
    evidence: new IdSequence(evidence),
    notifications: new IdSequence(notifications),
  };
}

// Reports before occurrences: a completion refers to the report it was filed with.
const COLUMNS: ReadonlyArray<[keyof DB & string, readonly string[]]> = [
  ['reports', REPORT_COLUMNS],
  ['occurrences', OCCURRENCE_COLUMNS],
  ['evidence', EVIDENCE_COLUMNS],
  ['reviews', REVIEW_COLUMNS],
  ['audit_log', AUDIT_COLUMNS],
  ['notifications', NOTIFICATION_COLUMNS],
];

async function writeBatch(database: Database, organizationId: number, batch: RowBatch): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    if (batch.count('evidence') > 0) {
      for (const file of EVIDENCE_FILES) {
        await storeBlob(trx, { sha256: file.sha256, size: file.bytes.byteLength, content: file.bytes });
      }
    }
    for (const [table, columns] of COLUMNS) {
      const rows: Cell[][] = batch.rows.get(table) ?? [];
      if (rows.length > 0) await insertRows(trx, database.dialect, table, columns, rows);
    }
    await syncIdentities(trx, database.dialect, [
      'occurrences',
      'reports',
      'evidence',
      'reviews',
      'audit_log',
      'notifications',
    ]);
    // As write() does: servers that cached this organization's reads see that they are stale.
    await bumpDataVersion(trx, organizationId);
  });
}
