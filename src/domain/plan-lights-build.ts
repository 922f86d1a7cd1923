import type { OccurrenceMilestone, ReviewState } from '../db/schema.ts';
import {
  type CombinedLight,
  combineLights,
  computeIndicatorLight,
  computeReportLight,
  creditShare,
  type IndicatorKind,
  type IndicatorProgressInput,
  type LightPart,
  type LightSettings,
  labelClauses,
  messages,
  type ReportSlot,
  rollUp,
  sumCredits,
  summarise,
  weightedShare,
} from './lights/index.ts';
import type {
  IndicatorLightRow,
  ItemLightRow,
  PlanLightData,
  PlanLights,
  SectionLightRow,
  TaskLightRow,
} from './plan-lights-model.ts';
import { filingForPeriod } from './reporting/filing.ts';
import { type ReportingPeriod, type ReportingRule, reportingPeriods } from './reporting/reporting-rule.ts';

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/** Computes every light of a plan from loaded data as of a day; pure, so it can be tested and benchmarked alone. */
export function buildPlanLights(data: PlanLightData, asOf: string, settings: LightSettings): PlanLights {
  const yearEnd = `${data.plan.year}-12-31`;
  const indicatorsByTask = groupBy(data.indicators, (i) => i.taskId);
  const occurrencesByIndicator = groupBy(data.occurrences, (o) => o.indicatorId);
  const unitsByTask = groupBy(data.taskUnits, (u) => u.taskId);
  const reportsByKey = new Map(data.reports.map((r) => [`${r.taskId}/${r.unitId}/${r.period}`, r]));
  const reportsByTaskUnit = groupBy(data.reports, (r) => `${r.taskId}/${r.unitId}`);
  const unitName = (id: number) => data.unitNames.get(id)?.name ?? `单位${id}`;

  // Tasks of one rule and the same dates share their periods: computed once (a plan of 10,000 items
  // has a handful of distinct date pairs), not per task over the working-day calendar.
  const periodCache = new Map<ReportingRule, Map<string, ReportingPeriod[]>>();
  const periodsOf = (rule: ReportingRule, startOn: string, endOn: string): ReportingPeriod[] => {
    let byDates = periodCache.get(rule);
    if (!byDates) {
      byDates = new Map();
      periodCache.set(rule, byDates);
    }
    const key = `${startOn}/${endOn}`;
    const known = byDates.get(key);
    if (known) return known;
    const periods = reportingPeriods(rule, startOn, endOn, data.reporting);
    byDates.set(key, periods);
    return periods;
  };

  const own = new Map<number, TaskLightRow>();
  for (const task of data.tasks) {
    const completion = task.completedOn ?? undefined;
    const owners = (unitsByTask.get(task.id) ?? []).sort((a, b) =>
      a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1,
    );
    const indicators = indicatorsByTask.get(task.id) ?? [];
    const specs: Array<{ row: (typeof indicators)[number] | undefined; input: IndicatorProgressInput }> =
      indicators.map((row) => ({
        row,
        input: {
          kind: row.kind,
          ...(row.per ? { per: row.per } : {}),
          ...(row.targetMin !== null ? { min: row.targetMin } : {}),
          ...(row.targetMax !== null ? { max: row.targetMax } : {}),
          ...(row.targetValue !== null ? { value: row.targetValue } : {}),
          due: row.dueOn ?? task.dueOn,
          startOn: task.startOn,
          endOn: yearEnd,
          ...achievedInputs(row.kind, occurrencesByIndicator.get(row.id) ?? []),
          ...(completion ? { completionAccepted: completion } : {}),
        },
      }));
    // A task with no measurable promise still has its due date: judge it as a deadline that only
    // accepted completion (办结) fulfils.
    if (specs.length === 0) {
      const input: IndicatorProgressInput = {
        kind: 'deadline',
        due: task.dueOn,
        startOn: task.startOn,
        endOn: yearEnd,
      };
      specs.push({
        row: undefined,
        input: completion ? { ...input, completionAccepted: completion } : input,
      });
    }
    const computed = specs.map(({ row, input }) => ({
      row,
      light: computeIndicatorLight(input, asOf, settings, data.reporting.school),
    }));
    const rows: IndicatorLightRow[] = computed.flatMap(({ row, light }) =>
      row ? [{ ...light, indicatorId: row.id, kind: row.kind, text: row.text, name: row.name }] : [],
    );
    const parts: LightPart[] = computed.map(({ row, light }) => ({
      light: light.light,
      reason: light.reason,
      progress: light.progress,
      credited: light.credited,
      owed: light.owed,
      ...(row && computed.length > 1 ? { label: row.name ?? row.text } : {}),
    }));
    // The task's reporting rule (organization, plan and task overrides) and the working-day calendar
    // give its periods and due dates; a quarter's or term's report is any report on one of its months.
    const periods = periodsOf(data.reporting.ruleOfTask(task.id), task.startOn, minDay(yearEnd, task.dueOn));
    const slots: ReportSlot[] = owners.flatMap((owner) =>
      periods.map((period) => {
        const filed = filingForPeriod(period.months, (month) =>
          reportsByKey.get(`${task.id}/${owner.unitId}/${month}`),
        );
        return {
          period: period.key,
          label: period.shortLabel,
          // Several owners each file their own: reasons are told per unit.
          ...(owners.length > 1 ? { unit: unitName(owner.unitId) } : {}),
          dueOn: period.dueOn,
          ...(filed ? { submittedOn: filed.submittedOn, state: filed.state } : {}),
        };
      }),
    );
    const report = computeReportLight({ periods: slots }, asOf, settings);
    const completionAccepted = completion !== undefined && completion <= asOf;
    const combined: CombinedLight = combineLights({
      indicators: parts,
      report: { light: report.light, reason: report.reason },
      completionAccepted,
    });
    own.set(task.id, {
      taskId: task.id,
      itemId: task.itemId,
      parentTaskId: task.parentTaskId,
      title: task.title,
      status: task.status,
      dueOn: task.dueOn,
      leadUnit: task.leadUnitId === null ? null : unitName(task.leadUnitId),
      units: owners.map((o) => unitName(o.unitId)),
      ...combined,
      selfPercent: selfPercentOf(
        owners.map((o) => o.unitId),
        (unitId) => reportsByTaskUnit.get(`${task.id}/${unitId}`) ?? [],
      ),
      indicators: rows,
      report,
    });
  }
  const tasks = rollChildrenIntoParents(own);
  return assemble(data, asOf, settings, tasks);
}

// A task fanned out to schools is judged with its school copies: the worst of them all.
function rollChildrenIntoParents(own: Map<number, TaskLightRow>): TaskLightRow[] {
  const children = groupBy(
    [...own.values()].filter((t) => t.parentTaskId !== null),
    (t) => t.parentTaskId,
  );
  return [...own.values()].map((task) => {
    const kids = children.get(task.taskId);
    if (!kids || kids.length === 0) return task;
    // A school copy's reasons name the school, so the parent's reason says who lags.
    const rolled = rollUp([
      { light: task.light, progress: task.progress, reason: task.reason },
      ...kids.map((t) => ({
        light: t.light,
        progress: t.progress,
        reason: t.units[0] && t.light !== 'done' ? labelClauses(t.units[0], t.reason) : t.reason,
      })),
    ]);
    // The school copies' promises are the parent's too: their credits add up.
    const credit = sumCredits([task, ...kids]);
    return { ...task, light: rolled.light, ...credit, progress: creditShare(credit), reason: rolled.reason };
  });
}

function assemble(
  data: PlanLightData,
  asOf: string,
  settings: LightSettings,
  tasks: TaskLightRow[],
): PlanLights {
  // A school copy rolls into its parent; it stands on its own only when the actor cannot see the parent.
  const ids = new Set(tasks.map((t) => t.taskId));
  const topByItem = groupBy(
    tasks.filter((t) => t.parentTaskId === null || !ids.has(t.parentTaskId)),
    (t) => t.itemId,
  );
  const leadersByItem = groupBy(data.itemLeaders, (l) => l.itemId);
  const items: ItemLightRow[] = data.items
    .filter((item) => topByItem.has(item.id))
    .map((item) => {
      const own = topByItem.get(item.id) ?? [];
      // Weighing each task by what it owes makes the item's share its tasks' credited / owed.
      const rolled = rollUp(
        own.map((t) => ({
          light: t.light,
          progress: t.progress,
          weight: t.owed,
          reason: own.length > 1 ? messages.labelled(t.title, t.reason) : t.reason,
        })),
      );
      const leaders = (leadersByItem.get(item.id) ?? []).map((l) => l.name);
      return {
        itemId: item.id,
        sectionId: item.sectionId,
        no: item.no,
        title: item.title,
        weight: item.weight,
        leaders,
        ...rolled,
        ...sumCredits(own),
      };
    });
  const itemsBySection = groupBy(items, (i) => i.sectionId);
  const sections: SectionLightRow[] = data.sections
    .filter((section) => itemsBySection.has(section.id))
    .map((section) => {
      const own = itemsBySection.get(section.id) ?? [];
      const rolled = rollUp(
        own.map((i) => ({ ...i, reason: messages.labelled(`${i.no}. ${i.title}`, i.reason) })),
      );
      return { sectionId: section.id, no: section.no, title: section.title, ...rolled, ...sumCredits(own) };
    });
  // A section weighs what its items that owe something weigh, so the plan's share is their weighted mean.
  const sectionWeight = (id: number) =>
    (itemsBySection.get(id) ?? []).reduce((sum, i) => sum + (i.progress === null ? 0 : i.weight), 0);
  // The plan's share is the item-weighted mean of the items that owe something, as each section's is.
  const plan = {
    ...rollUp(
      sections.map((s) => ({
        ...s,
        weight: sectionWeight(s.sectionId),
        reason: messages.labelled(s.title, s.reason),
      })),
    ),
    progress: weightedShare(items),
    ...sumCredits(items),
  };
  const sectionTitle = new Map(data.sections.map((s) => [s.id, s.title]));
  const departments = new Set(
    [...data.unitNames.values()].filter((u) => u.kind === 'department').map((u) => u.name),
  );
  const departmentNames = (t: TaskLightRow) => t.units.filter((name) => departments.has(name));
  return {
    planId: data.plan.id,
    asOf,
    settings,
    plan,
    sections,
    items,
    tasks,
    summaries: {
      bySection: summarise(items, (i) => sectionTitle.get(i.sectionId) ?? String(i.sectionId)),
      byDepartment: summarise(tasks, departmentNames, (t) => t.owed),
      byLeader: summarise(items, (i) => i.leaders),
      byLight: summarise(tasks, (t) => t.light),
    },
  };
}

/**
 * What accepted occurrences give an indicator's light: the dates that count (a project counts only
 * its completion, 竣工验收; its earlier milestones are told on the item page) and a percent's latest value.
 */
export function achievedInputs(
  kind: IndicatorKind,
  occurrences: ReadonlyArray<{
    occurredOn: string;
    value: number | null;
    milestone: OccurrenceMilestone | null;
  }>,
): Pick<IndicatorProgressInput, 'occurrences' | 'latestValue'> {
  if (kind === 'percent') {
    const valued = occurrences.filter((o) => o.value !== null);
    const latest = valued.reduce<(typeof valued)[number] | undefined>(
      (last, o) => (last === undefined || o.occurredOn >= last.occurredOn ? o : last),
      undefined,
    );
    return latest?.value !== undefined && latest.value !== null ? { latestValue: latest.value } : {};
  }
  if (kind === 'project') {
    const completing = occurrences.filter((o) => o.milestone === null || o.milestone === 'completed');
    return {
      occurrences: completing.map((o) => o.occurredOn),
    };
  }
  return { occurrences: occurrences.map((o) => o.occurredOn) };
}

/**
 * The unit's own latest estimate (自报进度): the percent of the latest period's report that was not
 * returned, the lead unit's first when several owners filed for that period.
 */
function selfPercentOf(
  ownerIds: readonly number[],
  reportsOf: (unitId: number) => ReadonlyArray<{ period: string; state: ReviewState; percent: number }>,
): number | null {
  let best: { period: string; percent: number } | null = null;
  for (const unitId of ownerIds) {
    for (const report of reportsOf(unitId)) {
      if (report.state === 'returned') continue;
      if (best === null || report.period > best.period) best = report;
    }
  }
  return best === null ? null : best.percent;
}

function minDay(a: string, b: string): string {
  return a <= b ? a : b;
}
