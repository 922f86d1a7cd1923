import { listTaskIndicators, type TaskIndicatorRow } from '../../db/queries/indicators.ts';
import { listTaskOccurrences } from '../../db/queries/occurrences.ts';
import { findVisibleTask, type TaskInContext } from '../../db/queries/tasks.ts';
import { MILESTONES } from '../../shared/items.ts';
import type { IndicatorObligation, TaskObligations } from '../../shared/obligations.ts';
import { type Context, shanghaiToday } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  addDays,
  expectedByDate,
  type IndicatorProgressInput,
  lastDayOfMonth,
  type SchoolCalendar,
  scheduleOf,
} from '../lights/index.ts';
import { achievedInputs } from '../plan-lights-build.ts';
import { loadOrganizationReporting } from '../reporting/load-reporting.ts';
import { workflowMessages as W } from '../workflow-messages.ts';
import { obligationMessages as M } from './messages.ts';

type OccurrenceState = Awaited<ReturnType<typeof listTaskOccurrences>>[number];

/**
 * What a task's indicators owe in a reporting month (default: this month), with what is accepted
 * and what awaits review, for the report form's 本期应完成 lines. Any user who may see the task may
 * ask; the numbers come from the same schedule the lights use.
 */
export async function getTaskObligations(
  ctx: Context,
  input: { taskId: number; period?: string | undefined },
): Promise<TaskObligations> {
  const task = await findVisibleTask(ctx.db, ctx.actor, input.taskId);
  if (!task) throw new AppError('NOT_FOUND', W.taskNotFound, { taskId: input.taskId });
  const period = input.period ?? shanghaiToday(ctx).slice(0, 7);
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!match) throw new AppError('INVALID_INPUT', M.periodFormat, { period });
  if (Number(match[1]) !== task.planYear)
    throw new AppError('INVALID_INPUT', M.periodOutsidePlan(task.planYear), { period });
  const [indicators, occurrences, reporting] = await Promise.all([
    listTaskIndicators(ctx.db, task.id),
    listTaskOccurrences(ctx.db, task.id),
    loadOrganizationReporting(ctx.db, task.organizationId),
  ]);
  const month = { first: `${period}-01`, last: lastDayOfMonth(Number(match[1]), Number(match[2])) };
  return {
    taskId: task.id,
    period,
    today: shanghaiToday(ctx),
    year: task.planYear,
    indicators: indicators.map((indicator) =>
      obligationOf(
        task,
        indicator,
        occurrences.filter((o) => o.indicatorId === indicator.id),
        month,
        reporting.school,
      ),
    ),
  };
}

function obligationOf(
  task: TaskInContext,
  indicator: TaskIndicatorRow,
  occurrences: readonly OccurrenceState[],
  month: { first: string; last: string },
  calendar: SchoolCalendar,
): IndicatorObligation {
  const spec: IndicatorProgressInput = {
    kind: indicator.kind,
    ...(indicator.per ? { per: indicator.per } : {}),
    ...(indicator.targetMin !== null ? { min: indicator.targetMin } : {}),
    ...(indicator.targetValue !== null ? { value: indicator.targetValue } : {}),
    due: indicator.dueOn ?? task.dueOn,
    startOn: task.startOn,
    endOn: `${task.planYear}-12-31`,
  };
  const schedule = scheduleOf(spec, calendar);
  const accepted = occurrences.filter((o) => o.state === 'accepted');
  const pending = occurrences.filter((o) => o.state === 'submitted');
  const inSlot = (list: readonly OccurrenceState[], from: string, to: string) =>
    list.filter((o) => o.occurredOn >= from && o.occurredOn <= to).length;
  const slot =
    indicator.kind === 'recurring'
      ? schedule.slots.find((s) => s.period.startOn <= month.last && s.closeOn >= month.first)
      : undefined;
  const acceptedInputs = achievedInputs(indicator.kind, accepted);
  const label = indicator.name ?? indicator.text;
  const dueOn = schedule.dueOn;
  const owedByPeriodEnd = expectedByDate(spec, addDays(month.last, 1), calendar);
  const owes = (() => {
    switch (indicator.kind) {
      case 'recurring':
        return slot
          ? M.periodOwes(label, slot.need, slot.period.label)
          : M.periodOwesNothing(label, indicator.per, schedule.slots[0]?.period.label ?? null);
      case 'count':
        return M.count(label, schedule.target, `${Number(month.first.slice(5, 7))}月`, owedByPeriodEnd);
      case 'event':
        return M.event(label, schedule.target, dueOn);
      case 'deliverable':
        return M.deliverable(label, dueOn);
      case 'project':
        return M.project(label, dueOn);
      case 'percent':
        return M.percent(label, schedule.target, dueOn);
      default:
        return M.deadline(label, dueOn);
    }
  })();
  const furthest = [...MILESTONES].reverse().find((m) => accepted.some((o) => o.milestone === m));
  return {
    indicatorId: indicator.id,
    kind: indicator.kind,
    text: indicator.text,
    name: indicator.name,
    per: indicator.per,
    slot: slot
      ? {
          label: slot.period.label,
          startOn: slot.period.startOn,
          endOn: slot.closeOn,
          need: slot.need,
          accepted: inSlot(accepted, slot.period.startOn, slot.closeOn),
          pending: inSlot(pending, slot.period.startOn, slot.closeOn),
        }
      : null,
    target: indicator.kind === 'percent' ? 1 : schedule.target,
    accepted: indicator.kind === 'project' ? (acceptedInputs.occurrences?.length ?? 0) : accepted.length,
    pending: pending.length,
    owedByPeriodEnd,
    dueOn,
    targetValue: indicator.kind === 'percent' ? schedule.target : null,
    latestValue: acceptedInputs.latestValue ?? null,
    milestone: furthest ?? null,
    owes,
  };
}
