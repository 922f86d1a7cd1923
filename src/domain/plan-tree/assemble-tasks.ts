import type { ItemIndicatorRow } from '../../db/queries/plan-items.ts';
import type {
  listPlanIndicatorSlots,
  listPlanIndicators,
  listPlanTasks,
  listPlanTaskUnits,
} from '../../db/queries/plan-tasks.ts';
import type { IndicatorNode, LightView, TaskNode } from '../../shared/plan-tree.ts';
import { type PlanLights, toLightView } from '../plan-lights-model.ts';
import { groupBy } from './group-by.ts';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

/** The rows a plan's tasks are assembled from. */
export interface TaskRows {
  tasks: Rows<typeof listPlanTasks>;
  owners: Rows<typeof listPlanTaskUnits>;
  indicators: Rows<typeof listPlanIndicators>;
  slots: Rows<typeof listPlanIndicatorSlots>;
  lights?: PlanLights;
}

/** Builds the top-level task nodes of a plan (school copies nested under their parent), each with its item id. */
export function assembleTasks(rows: TaskRows): Array<{ itemId: number; node: TaskNode }> {
  const taskLight = new Map(rows.lights?.tasks.map((t) => [t.taskId, t]));
  const ownersOf = groupBy(rows.owners, (o) => o.taskId);
  const indicatorsOf = groupBy(rows.indicators, (i) => i.task_id);
  const slotsOf = groupBy(rows.slots, (s) => s.indicator_id);
  const nodes = new Map<number, TaskNode>();
  for (const task of rows.tasks) {
    const owners = ownersOf(task.id);
    const lead = owners.find((o) => o.role === 'lead');
    const light = taskLight.get(task.id);
    const indicatorLight = new Map(light?.indicators.map((i) => [i.indicatorId, i]));
    nodes.set(task.id, {
      id: task.id,
      title: task.title,
      lead: lead ? { id: lead.unitId, name: lead.name } : null,
      coOwners: owners.filter((o) => o.role === 'co').map((o) => ({ id: o.unitId, name: o.name })),
      startOn: task.start_on,
      dueOn: task.due_on,
      status: task.status,
      version: task.version,
      indicators: indicatorsOf(task.id).map((i) => ({
        ...indicatorNode(i, slotsOf(i.id)),
        light: pick(indicatorLight.get(i.id)),
      })),
      schools: [],
      light: pick(light),
    });
  }
  const top: Array<{ itemId: number; node: TaskNode }> = [];
  for (const task of rows.tasks) {
    const node = nodes.get(task.id)!;
    const parent = task.parent_task_id === null ? undefined : nodes.get(task.parent_task_id);
    // A school copy whose parent the actor cannot see is shown at the top level instead.
    if (parent) parent.schools.push(node);
    else top.push({ itemId: task.item_id, node });
  }
  return top;
}

/** An indicator row (a task's or a draft item's) as a tree node. */
export function indicatorNode(
  row: Pick<
    ItemIndicatorRow,
    'id' | 'kind' | 'text' | 'per' | 'target_min' | 'target_max' | 'target_value' | 'name' | 'due_on'
  >,
  slots: ReadonlyArray<{ label: string; starts_on: string; ends_on: string }>,
): IndicatorNode {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    per: row.per,
    targetMin: row.target_min === null ? null : Number(row.target_min),
    targetMax: row.target_max === null ? null : Number(row.target_max),
    targetValue: row.target_value === null ? null : Number(row.target_value),
    name: row.name,
    dueOn: row.due_on,
    slots: slots.map((s) => ({ label: s.label, startsOn: s.starts_on, endsOn: s.ends_on })),
  };
}

function pick(row: Parameters<typeof toLightView>[0] | undefined): LightView | undefined {
  return row && toLightView(row);
}
