import type { Kysely } from 'kysely';
import { listCalendarLayers } from '../../db/queries/calendar-days.ts';
import {
  listOverriddenTasks,
  listPlanReportingOverrides,
  type ReportingOverrideRow,
} from '../../db/queries/reporting-overrides.ts';
import { listSchoolCalendar } from '../../db/queries/school-calendar.ts';
import type { DB } from '../../db/schema.ts';
import { effectiveDays } from '../calendar/load-work-calendar.ts';
import { schoolCalendarOf } from '../calendar/school-calendar.ts';
import { WorkCalendar } from '../calendar/work-calendar.ts';
import { loadReportingSettings } from '../settings.ts';
import {
  type ReportingCalendars,
  type ReportingOverride,
  type ReportingRule,
  resolveRule,
} from './reporting-rule.ts';

/** The organization's reporting rule with the calendars its due dates depend on. */
export interface OrganizationReporting extends ReportingCalendars {
  rule: ReportingRule;
}

/** What a plan's reporting depends on: the calendars and the rule of each of its tasks. */
export interface PlanReporting extends OrganizationReporting {
  /** The rule of the plan: the organization's with the plan's override. */
  planRule: ReportingRule;
  /** The rule of a task: the plan's with the task's override. */
  ruleOfTask(taskId: number): ReportingRule;
}

/** Loads the organization's working-day calendar, its school calendar and its reporting rule (three queries). */
export async function loadOrganizationReporting(
  db: Kysely<DB>,
  organizationId: number,
): Promise<OrganizationReporting> {
  const [days, school, rule] = await Promise.all([
    listCalendarLayers(db, organizationId),
    listSchoolCalendar(db, organizationId),
    loadReportingSettings(db, organizationId),
  ]);
  return { work: new WorkCalendar(effectiveDays(days)), school: schoolCalendarOf(school), rule };
}

/** Loads a plan's reporting: the organization's, with the plan's and its tasks' overrides (four queries). */
export async function loadPlanReporting(
  db: Kysely<DB>,
  organizationId: number,
  planId: number,
): Promise<PlanReporting> {
  const [base, overrides] = await Promise.all([
    loadOrganizationReporting(db, organizationId),
    listPlanReportingOverrides(db, organizationId, planId),
  ]);
  return planReportingOf(base, overrides);
}

/** A plan's reporting from loaded parts; pure. */
export function planReportingOf(
  base: OrganizationReporting,
  overrides: readonly ReportingOverrideRow[],
): PlanReporting {
  const own = (o: ReportingOverrideRow): ReportingOverride => ({ cycle: o.cycle, dueDay: o.dueDay });
  const planOverride = overrides.find((o) => o.targetType === 'plan');
  const planRule = resolveRule(base.rule, planOverride && own(planOverride));
  const taskRules = new Map(
    overrides.filter((o) => o.targetType === 'task').map((o) => [o.targetId, resolveRule(planRule, own(o))]),
  );
  return { ...base, planRule, ruleOfTask: (taskId) => taskRules.get(taskId) ?? planRule };
}

/**
 * The reporting of every task of an organization, whatever its plan (four queries): for views that
 * span plans, such as a unit's iCal feed. The plan rule is the organization's.
 */
export async function loadOrganizationTaskReporting(
  db: Kysely<DB>,
  organizationId: number,
): Promise<PlanReporting> {
  const [base, tasks] = await Promise.all([
    loadOrganizationReporting(db, organizationId),
    listOverriddenTasks(db, organizationId),
  ]);
  const rules = new Map(
    tasks.map((t) => [
      t.taskId,
      resolveRule(
        base.rule,
        { cycle: t.planCycle, dueDay: t.planDueDay },
        { cycle: t.taskCycle, dueDay: t.taskDueDay },
      ),
    ]),
  );
  return { ...base, planRule: base.rule, ruleOfTask: (taskId) => rules.get(taskId) ?? base.rule };
}
