import type { IndicatorTable } from '../../db/schema.ts';
import { expectedReports, filingOf, reportOutcome } from '../dashboard/report-slots.ts';
import {
  addDays,
  computeIndicatorLight,
  defaultLightSettings,
  type IndicatorProgressInput,
  type PlanDate,
  type SchoolCalendar,
} from '../lights/index.ts';
import { achievedInputs } from '../plan-lights-build.ts';
import type { PlanLightData } from '../plan-lights-model.ts';
import type { PlanReporting } from '../reporting/load-reporting.ts';
import {
  type MeasuredReport,
  measureReviews,
  type ReportReview,
  type ReviewMeasures,
} from './measure-reviews.ts';

// The three measures of the evaluation, counted per unit from a plan's loaded data. Pure: what is
// owed by a day comes from the lights (expected by date) and the reporting rule (periods and due
// days), the same rules the supervision center shows all year.

/** A plan's data as the evaluation counts it. */
export interface EvaluationData {
  year: number;
  tasks: Array<{
    id: number;
    startOn: string;
    dueOn: string;
    /** The Asia/Shanghai day completion (办结) was accepted, for done tasks. */
    completedOn: string | null;
  }>;
  taskUnits: Array<{ taskId: number; unitId: number }>;
  indicators: Array<{
    id: number;
    taskId: number;
    kind: IndicatorTable['kind'];
    per: IndicatorTable['per'];
    targetMin: number | null;
    targetMax: number | null;
    targetValue: number | null;
    dueOn: string | null;
  }>;
  /** Accepted occurrences only, as the lights read them. */
  occurrences: PlanLightData['occurrences'];
  reports: Array<
    MeasuredReport & {
      taskId: number;
      period: string;
      state: 'submitted' | 'accepted' | 'returned';
    }
  >;
  /** Every review decision on the plan's reports. */
  reviews: ReportReview[];
  reporting: PlanReporting;
}

/** What a unit did against what it owed, as of a day (quality and filing: measure-reviews.ts). */
export interface UnitMeasures extends ReviewMeasures {
  completion: { achieved: number; expected: number };
  timeliness: { onTime: number; due: number };
}

/**
 * Counts the three measures for every unit that owns a task of the plan (lead or co-owner), as of a
 * day: `asOf` is the evaluation day (work and reviews counted up to it), `owedBy` the day the lights
 * judge what is owed — the evaluation day itself during the year, so a preview counts exactly what
 * the board and the dashboard show that day, and the day after the year once it is over, so the
 * year's evaluation owes December and the year-end deadlines (evaluationOwedBy).
 */
export function measureUnits(
  data: EvaluationData,
  asOf: PlanDate,
  owedBy: PlanDate = asOf,
): Map<number, UnitMeasures> {
  const yearEnd = `${data.year}-12-31`;
  const result = new Map<number, UnitMeasures>();
  const of = (unitId: number): UnitMeasures => {
    let m = result.get(unitId);
    if (!m) {
      m = {
        completion: { achieved: 0, expected: 0 },
        timeliness: { onTime: 0, due: 0 },
        quality: { accepted: 0, reviewed: 0 },
        filing: { filed: 0, standing: 0 },
      };
      result.set(unitId, m);
    }
    return m;
  };
  for (const owner of data.taskUnits) of(owner.unitId);

  const indicatorsByTask = groupBy(data.indicators, (i) => i.taskId);
  const ownersByTask = groupBy(data.taskUnits, (u) => u.taskId);
  const filed = new Map(data.reports.map((r) => [`${r.taskId}/${r.unitId}/${r.period}`, r]));
  // Work is counted only up to the evaluation day itself.
  const occurrencesUpTo = data.occurrences.filter((o) => o.occurredOn <= asOf);
  const occurrencesByIndicator = groupBy(occurrencesUpTo, (o) => o.indicatorId);

  for (const row of data.tasks) {
    // Completion accepted after the evaluation day does not count yet.
    const task = row.completedOn !== null && row.completedOn > asOf ? { ...row, completedOn: null } : row;
    // Completion belongs to every owner, lead (牵头) and co-owner (配合) alike: the task's indicators
    // are their common promise, and a co-owner who scored nothing here would get full marks free.
    const completion = taskCompletion(task, indicatorsByTask.get(task.id) ?? [], occurrencesByIndicator, {
      asOf: owedBy,
      yearEnd,
      calendar: data.reporting.school,
    });
    for (const owner of ownersByTask.get(task.id) ?? []) {
      const m = of(owner.unitId).completion;
      m.achieved += completion.achieved;
      m.expected += completion.expected;
    }
    // Timeliness belongs to every owner: each files its own report per period. The reports owed and
    // their outcomes are the dashboard's own (report-slots.ts): due once the due day has passed or
    // already handed in, none after the task's completion was accepted.
    for (const owner of ownersByTask.get(task.id) ?? []) {
      const m = of(owner.unitId).timeliness;
      const expected = expectedReports(
        {
          taskId: task.id,
          unitId: owner.unitId,
          startOn: task.startOn,
          dueOn: task.dueOn,
          completedOn: task.completedOn,
        },
        data.year,
        data.reporting,
      );
      for (const slot of expected) {
        const outcome = reportOutcome(slot, filingOf(slot, filed), owedBy);
        if (outcome === 'notDue') continue;
        m.due += 1;
        if (outcome === 'onTime') m.onTime += 1;
      }
    }
  }

  for (const [unitId, reviewed] of measureReviews(data.reports, data.reviews, asOf)) {
    Object.assign(of(unitId), reviewed);
  }
  return result;
}

function taskCompletion(
  task: EvaluationData['tasks'][number],
  indicators: EvaluationData['indicators'],
  occurrencesByIndicator: Map<number, EvaluationData['occurrences']>,
  at: { asOf: PlanDate; yearEnd: PlanDate; calendar: SchoolCalendar },
): { achieved: number; expected: number } {
  const completion = task.completedOn ?? undefined;
  const inputs: IndicatorProgressInput[] = indicators.map((row) => ({
    kind: row.kind,
    ...(row.per ? { per: row.per } : {}),
    ...(row.targetMin !== null ? { min: row.targetMin } : {}),
    ...(row.targetMax !== null ? { max: row.targetMax } : {}),
    ...(row.targetValue !== null ? { value: row.targetValue } : {}),
    due: row.dueOn ?? task.dueOn,
    startOn: task.startOn,
    endOn: at.yearEnd,
    ...achievedInputs(row.kind, occurrencesByIndicator.get(row.id) ?? []),
    ...(completion ? { completionAccepted: completion } : {}),
  }));
  // As in the lights: a task with no measurable promise is a deadline only completion fulfils.
  if (inputs.length === 0) {
    inputs.push({
      kind: 'deadline',
      due: task.dueOn,
      startOn: task.startOn,
      endOn: at.yearEnd,
      ...(completion ? { completionAccepted: completion } : {}),
    });
  }
  let achieved = 0;
  let expected = 0;
  for (const input of inputs) {
    const counts = indicatorCompletion(input, at.asOf, at.calendar);
    achieved += counts.achieved;
    expected += counts.expected;
  }
  return { achieved, expected };
}

/**
 * What one indicator owes by a day and how much accepted work covers: the credit the lights give it
 * (credited / owed, see lights/credit.ts), so the evaluation counts exactly what the board shows.
 */
export function indicatorCompletion(
  input: IndicatorProgressInput,
  asOf: PlanDate,
  calendar: SchoolCalendar,
): { achieved: number; expected: number } {
  const { credited, owed } = computeIndicatorLight(input, asOf, defaultLightSettings, calendar);
  return { achieved: credited, expected: owed };
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/** The day the lights judge what an evaluation on `today` owes: today during the plan year, the day after it once it is over. */
export function evaluationOwedBy(year: number, today: PlanDate): PlanDate {
  const yearEnd = `${year}-12-31`;
  return today <= yearEnd ? today : addDays(yearEnd, 1);
}
