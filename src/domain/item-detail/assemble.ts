import type {
  listCompletionsOf,
  listEvidenceOf,
  listExtensionsOf,
  listIndicatorsOf,
  listItemIndicatorSpans,
  listOccurrencesOf,
  listOwnersOf,
  listReportsOf,
  listReviewsOf,
  listVisibleItemTasks,
} from '../../db/queries/item-detail.ts';
import type {
  EvidenceView,
  IndicatorSpan,
  IndicatorView,
  ReviewView,
  TaskDetail,
} from '../../shared/items.ts';
import { type PlanLights, toLightView } from '../plan-lights-model.ts';
import { groupBy } from '../plan-tree/group-by.ts';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

/** The rows an item's tasks are assembled from, as loaded by db/queries/item-detail.ts. */
export interface ItemTaskRows {
  tasks: Rows<typeof listVisibleItemTasks>;
  owners: Rows<typeof listOwnersOf>;
  indicators: Rows<typeof listIndicatorsOf>;
  reports: Rows<typeof listReportsOf>;
  occurrences: Rows<typeof listOccurrencesOf>;
  extensions: Rows<typeof listExtensionsOf>;
  completions: Rows<typeof listCompletionsOf>;
  reviews: Rows<typeof listReviewsOf>;
  evidence: Rows<typeof listEvidenceOf>;
  lights?: PlanLights;
  /** The actor's unit, to mark the tasks it owns (null for users without one). */
  unitId?: number | null;
}

/** Builds the item's tasks (school copies right after their parent) with everything done on them. */
export function assembleItemTasks(rows: ItemTaskRows): TaskDetail[] {
  const ownersOf = groupBy(rows.owners, (o) => o.task_id);
  const indicatorsOf = groupBy(rows.indicators, (i) => i.task_id);
  const reportsOf = groupBy(rows.reports, (r) => r.task_id);
  const occurrencesOf = groupBy(rows.occurrences, (o) => o.indicator_id);
  const extensionsOf = groupBy(rows.extensions, (x) => x.task_id);
  const completionsOf = groupBy(rows.completions, (c) => c.task_id);
  const reviewsOf = groupBy(rows.reviews, (r) => `${r.target_type}/${r.target_id}`);
  const evidenceOf = groupBy(rows.evidence, (e) => `${e.owner_type}/${e.owner_id}`);
  const taskLight = new Map(rows.lights?.tasks.map((t) => [t.taskId, t]));
  const reviews = (key: string): ReviewView[] =>
    reviewsOf(key).map((r) => ({
      id: r.id,
      decision: r.decision,
      comment: r.comment,
      reviewer: r.reviewer,
      at: r.created_at,
    }));
  const evidence = (key: string): EvidenceView[] =>
    evidenceOf(key).map((e) => ({
      id: e.id,
      fileName: e.file_name,
      mediaType: e.media_type,
      size: Number(e.size),
    }));

  const details = rows.tasks.map((task): TaskDetail => {
    const owners = ownersOf(task.id);
    const lead = owners.find((o) => o.role === 'lead');
    const light = taskLight.get(task.id);
    const indicatorLight = new Map(light?.indicators.map((i) => [i.indicatorId, i]));
    return {
      id: task.id,
      parentTaskId: task.parent_task_id,
      title: task.title,
      lead: lead ? { id: lead.id, name: lead.name } : null,
      coOwners: owners.filter((o) => o.role === 'co').map((o) => ({ id: o.id, name: o.name })),
      startOn: task.start_on,
      dueOn: task.due_on,
      status: task.status,
      acknowledgedAt: task.acknowledged_at,
      completedAt: task.completed_at,
      ownedByMe: rows.unitId != null && owners.some((o) => o.id === rows.unitId),
      light: light ? toLightView(light) : null,
      reportLight: light ? { light: light.report.light, reason: light.report.reason } : null,
      indicators: indicatorsOf(task.id).map((i): IndicatorView => {
        const l = indicatorLight.get(i.id);
        return {
          id: i.id,
          taskId: i.task_id,
          kind: i.kind,
          text: i.text,
          per: i.per,
          targetMin: numberOrNull(i.target_min),
          targetMax: numberOrNull(i.target_max),
          targetValue: numberOrNull(i.target_value),
          name: i.name,
          dueOn: i.due_on,
          progress: l
            ? {
                ...toLightView(l),
                expected: l.expected,
                actual: l.actual,
                target: l.target,
                dueOn: l.dueOn,
                missing: l.missing ?? [],
                credited: l.credited,
                owed: l.owed,
              }
            : null,
          occurrences: occurrencesOf(i.id).map((o) => ({
            id: o.id,
            indicatorId: o.indicator_id,
            reportId: o.report_id,
            value: o.value === null ? null : Number(o.value),
            milestone: o.milestone,
            unit: o.unit_id === null || o.unit_name === null ? null : { id: o.unit_id, name: o.unit_name },
            occurredOn: o.occurred_on,
            note: o.note,
            state: o.state,
            createdAt: o.created_at,
            createdBy: o.creator,
            reviews: reviews(`occurrence/${o.id}`),
            evidence: evidence(`occurrence/${o.id}`),
          })),
        };
      }),
      reports: reportsOf(task.id).map((r) => ({
        id: r.id,
        taskId: r.task_id,
        unit: { id: r.unit_id, name: r.unit_name },
        period: r.period,
        selfStatus: r.self_status,
        // PostgreSQL stores `real` as float4: round away its binary noise (33.3 → 33.29999…).
        percent: Math.round(Number(r.percent) * 100) / 100,
        narrative: r.narrative,
        state: r.state,
        revision: r.revision,
        submittedAt: r.submitted_at,
        submittedBy: r.submitter,
        reviews: reviews(`report/${r.id}`),
        evidence: evidence(`report/${r.id}`),
      })),
      extensions: extensionsOf(task.id).map((x) => ({
        id: x.id,
        reason: x.reason,
        oldDueOn: x.old_due_on,
        newDueOn: x.new_due_on,
        state: x.state,
        requestedBy: x.requester,
        requestedAt: x.requested_at,
        decidedBy: x.decider,
        decidedAt: x.decided_at,
        comment: x.comment,
      })),
      completions: completionsOf(task.id).map((c) => ({
        id: c.id,
        note: c.note,
        state: c.state,
        requestedBy: c.requester,
        requestedAt: c.requested_at,
        reviews: reviews(`completion/${c.id}`),
        evidence: evidence(`completion/${c.id}`),
      })),
    };
  });
  return parentsFirst(details);
}

/**
 * Where the body states each indicator. Stored spans are offsets into the item's body (the parser's
 * `body.slice(span[0], span[1])`); a span that no longer matches the words (the body was edited) is
 * looked up by its text instead, and dropped when the words are gone.
 */
export function indicatorSpans(
  body: string,
  indicators: ReadonlyArray<{
    id: number | null;
    kind: IndicatorSpan['kind'];
    text: string;
    span_start: number | null;
    span_end: number | null;
  }>,
): IndicatorSpan[] {
  const byPlace = new Map<string, IndicatorSpan>();
  for (const indicator of indicators) {
    const place = locate(body, indicator);
    if (!place) continue;
    const key = `${place[0]}/${place[1]}`;
    const span = byPlace.get(key) ?? {
      start: place[0],
      end: place[1],
      kind: indicator.kind,
      text: indicator.text,
      indicatorIds: [],
    };
    if (indicator.id !== null) span.indicatorIds.push(indicator.id);
    byPlace.set(key, span);
  }
  const sorted = [...byPlace.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  // Highlights must not overlap; the parser never produces overlapping spans, but edits might.
  const spans: IndicatorSpan[] = [];
  for (const span of sorted) {
    const last = spans[spans.length - 1];
    if (!last || span.start >= last.end) spans.push(span);
  }
  return spans;
}

function locate(
  body: string,
  indicator: { text: string; span_start: number | null; span_end: number | null },
): [number, number] | null {
  const { span_start: start, span_end: end, text } = indicator;
  if (start !== null && end !== null && body.slice(start, end) === text) return [start, end];
  if (text.length === 0) return null;
  const at = body.indexOf(text);
  return at < 0 ? null : [at, at + text.length];
}

// Top-level tasks in order, each followed by its school copies; a copy whose parent the actor
// cannot see stands on its own.
function parentsFirst(tasks: TaskDetail[]): TaskDetail[] {
  const ids = new Set(tasks.map((t) => t.id));
  const childrenOf = groupBy(
    tasks.filter((t) => t.parentTaskId !== null && ids.has(t.parentTaskId)),
    (t) => t.parentTaskId,
  );
  return tasks
    .filter((t) => t.parentTaskId === null || !ids.has(t.parentTaskId))
    .flatMap((t) => [t, ...childrenOf(t.id)]);
}

function numberOrNull(value: number | null): number | null {
  return value === null ? null : Number(value);
}

/** The draft item's parsed indicators as span input (no task indicators exist before publishing). */
export function draftSpanInput(rows: Rows<typeof listItemIndicatorSpans>) {
  return rows.map((r) => ({ ...r, id: null }));
}
