import type { Selectable } from 'kysely';
import type { IndicatorTable, OccurrenceMilestone, TaskTable } from '../db/schema.ts';
import { milestoneNames } from '../shared/obligations.ts';
import { attachSeedEvidence, EVIDENCE_BY_KIND, EVIDENCE_FILES } from './plan-year-evidence.ts';
import {
  acceptedOn,
  auditRow,
  dayBetween,
  type Ids,
  type PlannedCompletion,
  type PlannedReport,
  type PlanYearData,
  RETURN_REASONS,
  type RowBatch,
  reviewerFor,
  workingDaysAfter,
  workMoment,
} from './plan-year-model.ts';
import type { SeededRandom } from './random.ts';
import { addDays, daysFrom, earlierOf, laterOf } from './seed-dates.ts';

/** One thing done toward an indicator: the day, and a percent's value or a project's milestone. */
interface Done {
  on: string;
  value: number | null;
  milestone: OccurrenceMilestone | null;
}

const done = (on: string): Done => ({ on, value: null, milestone: null });

/**
 * What an indicator's promise comes to in the simulated year (dated up to the year's end; the
 * caller keeps those up to `through`), by a unit that gets a promised thing done with the chance
 * `diligence`: recurring periods kept, counts spread over the year, one thing (or n events) on time,
 * late or never, a project's milestones (开工, 主体完工, 竣工验收), a percent's value measured now and
 * then and rising toward its target.
 */
function plannedWork(
  data: PlanYearData,
  task: Selectable<TaskTable>,
  indicator: Selectable<IndicatorTable>,
  diligence: number,
  random: SeededRandom,
): Done[] {
  const yearEnd = `${data.year}-12-31`;
  const start = task.start_on;
  const due = earlierOf(indicator.due_on ?? task.due_on, yearEnd);
  const dates: Done[] = [];
  if (indicator.kind === 'percent') return measuredValues(indicator, start, due, diligence, random);
  if (indicator.kind === 'recurring') {
    const need = Math.max(1, Math.round(indicator.target_min ?? 1));
    for (const slot of data.slots.get(indicator.id) ?? []) {
      if (!random.chance(diligence)) continue;
      for (let k = 0; k < need; k++) {
        const day = dayBetween(random, laterOf(slot.starts_on, start), earlierOf(slot.ends_on, yearEnd));
        if (day) dates.push(done(day));
      }
    }
    return dates;
  }
  if (indicator.kind === 'count') {
    const min = Math.max(1, Math.round(indicator.target_min ?? 1));
    const max = Math.max(min, Math.round(indicator.target_max ?? min));
    const n = random.int(min, max);
    const span = Math.max(1, daysFrom(start, due));
    for (let k = 0; k < n; k++) {
      if (!random.chance(diligence)) continue;
      const from = addDays(start, Math.floor((span * k) / n));
      const day = dayBetween(random, from, addDays(start, Math.floor((span * (k + 1)) / n)));
      if (day) dates.push(done(day));
    }
    return dates;
  }
  const oneThing = (from: string): string | undefined => {
    const roll = random.next();
    if (roll < 1 - diligence) return undefined;
    return roll < 1.08 - diligence
      ? dayBetween(random, addDays(due, 1), earlierOf(addDays(due, 30), yearEnd))
      : dayBetween(random, from, addDays(due, -5));
  };
  if (indicator.kind === 'project') {
    // 开工 in the first third, 主体完工 after mid-span, 竣工验收 (the one that counts) after that.
    const span = Math.max(30, daysFrom(start, due));
    const started = dayBetween(random, addDays(start, 10), addDays(start, Math.floor(span / 3)));
    if (!started || !random.chance(diligence + 0.05)) return dates;
    dates.push({ on: started, value: null, milestone: 'started' });
    const built = dayBetween(
      random,
      addDays(start, Math.floor(span / 2)),
      addDays(start, Math.floor(span * 0.75)),
    );
    if (!built || !random.chance(diligence + 0.05)) return dates;
    dates.push({ on: built, value: null, milestone: 'built' });
    const completed = oneThing(addDays(built, 10));
    if (completed) dates.push({ on: completed, value: null, milestone: 'completed' });
    return dates;
  }
  // One thing, or n events, by a date: most on time, some late, some not done.
  const n = indicator.kind === 'event' ? Math.max(1, Math.round(indicator.target_min ?? 1)) : 1;
  for (let k = 0; k < n; k++) {
    const day = oneThing(addDays(start, 10));
    if (day) dates.push(done(day));
  }
  return dates;
}

// A rate (覆盖率达到95%) is measured a few times a year, each value nearer the target; a diligent
// unit reaches it by the due date, a lagging one falls short.
function measuredValues(
  indicator: Selectable<IndicatorTable>,
  start: string,
  due: string,
  diligence: number,
  random: SeededRandom,
): Done[] {
  const target = indicator.target_value ?? indicator.target_min ?? 90;
  const reaches = random.chance(diligence);
  const from = Math.max(0, target - random.int(8, 18));
  const to = reaches ? Math.min(100, target + random.int(0, 2)) : Math.max(from, target - random.int(2, 6));
  const measures: string[] = [];
  for (let month = Number(start.slice(5, 7)) + 1; month <= Number(due.slice(5, 7)); month++) {
    if (!random.chance(0.45)) continue;
    const first = `${start.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
    const day = dayBetween(random, laterOf(first, start), earlierOf(addDays(first, 27), due));
    if (day) measures.push(day);
  }
  return measures.map((on, k) => ({
    on,
    value: Math.round(from + ((to - from) * (k + 1)) / measures.length),
    milestone: null,
  }));
}

function noteOf(indicator: Selectable<IndicatorTable>, work: Done, index: number): string {
  const name = (indicator.name ?? indicator.text).slice(0, 40);
  if (work.milestone) return `${work.on} ${name}：${milestoneNames[work.milestone]}`;
  if (work.value !== null) return `${work.on} ${name}：经统计达到${work.value}%`;
  return `${work.on} ${name}（第${index + 1}次）`;
}

/** What the occurrences of a task came to: the day all its promises were accepted, if they were. */
export interface TaskOccurrenceOutcome {
  /** The last accepted review day, when every indicator reached its target; else undefined. */
  fulfilledOn: string | undefined;
}

/** An indicator's completions that count toward its target: each accepted on its own or with its report. */
export interface IndicatorTally {
  taskId: number;
  target: number;
  /** The day accepted, for one logged on its own (undefined: not accepted); the report, for one filed in it. */
  counted: Array<string | undefined | PlannedReport>;
}

/**
 * Plans the completions of a plan's indicators up to `through` and places each: into the report its
 * unit filed for the task for the completion's month when that report was filed on or after the
 * day it happened (it is then reviewed with the report: reviewReports, emitReports), else logged on
 * its own a few working days after, as logOccurrence and reviewOccurrence write it (rows into
 * `batch`). Returns, per indicator, what counts toward its target (see outcomesOf).
 */
export function placeOccurrences(
  data: PlanYearData,
  reports: readonly PlannedReport[],
  batch: RowBatch,
  ids: Ids,
  random: SeededRandom,
): IndicatorTally[] {
  const tasks = new Map(data.tasks.map((t) => [t.id, t]));
  const reportOf = new Map(reports.map((r) => [`${r.taskId}/${r.unitId}/${r.period}`, r]));
  const tallies: IndicatorTally[] = [];
  for (const indicator of data.indicators) {
    const task = tasks.get(indicator.task_id);
    const owners = data.owners.get(indicator.task_id) ?? [];
    const lead = data.habits.get(owners[0] ?? -1);
    if (!task || !lead) continue;
    const r = random.fork(`occ${indicator.id}`);
    const planned = plannedWork(data, task, indicator, lead.diligence, r).sort((a, b) =>
      a.on.localeCompare(b.on),
    );
    const tally: IndicatorTally = {
      taskId: task.id,
      target:
        indicator.kind === 'recurring' || indicator.kind === 'percent'
          ? Number.POSITIVE_INFINITY
          : Math.max(1, Math.round(indicator.target_min ?? 1)),
      counted: [],
    };
    tallies.push(tally);
    for (const [index, work] of planned.entries()) {
      if (work.on > data.through) continue;
      // Mostly the lead; a co-owner sometimes.
      const unitId = owners.length > 1 && r.chance(0.2) ? (owners[1] as number) : (owners[0] as number);
      const userId = data.accounts.unitUser.get(unitId);
      const silentFrom = data.habits.get(unitId)?.silentFrom;
      if (userId === undefined || (silentFrom !== undefined && work.on.slice(0, 7) >= silentFrom)) continue;
      const kindFiles = EVIDENCE_BY_KIND[indicator.kind] ?? [0];
      // A deliverable is its document: always attached (the use cases refuse one without).
      const file = indicator.kind === 'deliverable' || r.chance(0.7) ? r.pick(kindFiles) : undefined;
      const completion: PlannedCompletion = {
        indicatorId: indicator.id,
        occurredOn: work.on,
        note: noteOf(indicator, work, index),
        value: work.value,
        milestone: work.milestone,
        file,
        laterFile: kindFiles[0] ?? 0,
      };
      const report = reportOf.get(`${task.id}/${unitId}/${work.on.slice(0, 7)}`);
      let accepted: string | undefined | PlannedReport;
      if (report && (report.filings[0]?.on ?? '') >= work.on) {
        report.completions.push(completion);
        accepted = report;
      } else {
        const logOn = laterOf(workingDaysAfter(data.work, work.on, r.int(0, 2)), data.publishedOn);
        if (logOn > data.through) continue;
        accepted = logAndReview(data, batch, ids, r, { task, unitId, userId, logOn, completion });
      }
      // A project is done at its completion (竣工验收); its earlier milestones count for nothing.
      if (work.milestone === null || work.milestone === 'completed') tally.counted.push(accepted);
    }
  }
  return tallies;
}

/** Per task, the day every promise of it was accepted, once the reports' reviews are drawn. */
export function outcomesOf(tallies: readonly IndicatorTally[]): Map<number, TaskOccurrenceOutcome> {
  const facts = new Map<number, { allMet: boolean; lastOn: string }>();
  for (const tally of tallies) {
    let count = 0;
    let lastOn = '';
    for (const counted of tally.counted) {
      const on = typeof counted === 'object' ? acceptedOn(counted) : counted;
      if (on === undefined) continue;
      count++;
      lastOn = laterOf(lastOn, on);
    }
    const previous = facts.get(tally.taskId) ?? { allMet: true, lastOn: '' };
    facts.set(tally.taskId, {
      allMet: previous.allMet && count >= tally.target,
      lastOn: laterOf(previous.lastOn, lastOn),
    });
  }
  const outcomes = new Map<number, TaskOccurrenceOutcome>();
  for (const [taskId, fact] of facts) {
    outcomes.set(taskId, { fulfilledOn: fact.allMet && fact.lastOn ? fact.lastOn : undefined });
  }
  return outcomes;
}

interface Logging {
  task: Selectable<TaskTable>;
  unitId: number;
  userId: number;
  logOn: string;
  completion: PlannedCompletion;
}

// Logs one completion on its own and reviews it; a returned one is logged again, with its minutes.
// Returns the day it was accepted, if it was by `through`.
function logAndReview(
  data: PlanYearData,
  batch: RowBatch,
  ids: Ids,
  r: SeededRandom,
  logging: Logging,
): string | undefined {
  const { completion } = logging;
  let logOn = logging.logOn;
  for (let attempt = 0; attempt < 2; attempt++) {
    const id = ids.occurrences.take();
    const createdAt = workMoment(r, logOn);
    const fileIndex = attempt === 0 ? completion.file : (completion.file ?? 0);
    const evidence =
      fileIndex === undefined || !EVIDENCE_FILES[fileIndex]
        ? []
        : [attachSeedEvidence(data.organizationId, batch, ids, id, fileIndex, logging.userId, createdAt)];
    const values = {
      indicatorId: completion.indicatorId,
      unitId: logging.unitId,
      occurredOn: completion.occurredOn,
      note: completion.note,
      createdBy: logging.userId,
      createdAt,
      value: completion.value,
      milestone: completion.milestone,
    };
    batch.add(
      'audit_log',
      auditRow(
        data,
        ids,
        logging.userId,
        {
          action: 'occurrence.log',
          entityType: 'occurrence',
          entityId: id,
          after: { ...values, taskId: logging.task.id, state: 'submitted', version: 1, evidence },
        },
        createdAt,
      ),
    );
    const reviewOn = workingDaysAfter(data.work, logOn, r.int(1, 5));
    let state: 'submitted' | 'accepted' | 'returned' = 'submitted';
    let version = 1;
    if (reviewOn <= data.through) {
      const decision = attempt === 0 && r.chance(0.06) ? 'return' : 'accept';
      const comment = decision === 'return' ? r.pick(RETURN_REASONS) : '';
      const reviewer = reviewerFor(data, logging.task.item_id, r);
      const reviewedAt = laterOf(workMoment(r, reviewOn), createdAt);
      const reviewId = ids.reviews.take();
      state = decision === 'accept' ? 'accepted' : 'returned';
      version = 2;
      batch.add('reviews', [reviewId, 'occurrence', id, decision, comment, reviewer, reviewedAt]);
      batch.add(
        'audit_log',
        auditRow(
          data,
          ids,
          reviewer,
          {
            action: `occurrence.${decision}`,
            entityType: 'occurrence',
            entityId: id,
            before: { state: 'submitted', version: 1 },
            after: { state, version, reviewId, comment },
          },
          reviewedAt,
        ),
      );
    }
    batch.add('occurrences', [
      id,
      completion.indicatorId,
      logging.unitId,
      completion.occurredOn,
      completion.note,
      state,
      logging.userId,
      createdAt,
      version,
      null,
      completion.value,
      completion.milestone,
    ]);
    if (state === 'accepted') return reviewOn;
    if (state !== 'returned') return undefined;
    logOn = workingDaysAfter(data.work, reviewOn, r.int(2, 8));
    if (logOn > data.through) return undefined;
  }
  return undefined;
}

/** Columns of generated occurrence rows. */
export const OCCURRENCE_COLUMNS = [
  'id',
  'indicator_id',
  'unit_id',
  'occurred_on',
  'note',
  'state',
  'created_by',
  'created_at',
  'version',
  'report_id',
  'value',
  'milestone',
];
