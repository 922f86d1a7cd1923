import type { UnitRow } from '../../db/queries/units.ts';
import type { OverdueUnit, OverviewItem } from '../../shared/supervision.ts';
import type { PlanLights, TaskLightRow } from '../plan-lights-model.ts';

type OpenCount = { itemId: number | null; unitId: number; count: number };

const lagging = (light: string) => light === 'red' || light === 'yellow';

// A parent task fanned out to schools takes the worst light of its copies; counting it as well
// would report one school's lapse twice, so only tasks without copies are counted and listed.
function leafTasks(lights: PlanLights): TaskLightRow[] {
  const parents = new Set(lights.tasks.flatMap((t) => (t.parentTaskId === null ? [] : [t.parentTaskId])));
  return lights.tasks.filter((t) => !parents.has(t.taskId));
}

/** The red and yellow items, red first then by number, each with its lagging tasks and owners. */
export function laggingItems(
  lights: PlanLights,
  units: Map<number, UnitRow>,
  open: readonly OpenCount[],
): OverviewItem[] {
  const unitIdByName = new Map([...units.values()].map((u) => [u.name, u.id]));
  const tasks = leafTasks(lights).filter((t) => lagging(t.light));
  return lights.items
    .filter((item) => lagging(item.light))
    .map((item) => {
      const own = tasks
        .filter((t) => t.itemId === item.itemId)
        .sort((a, b) => (a.light === b.light ? a.taskId - b.taskId : a.light === 'red' ? -1 : 1));
      const names = [...new Set(own.flatMap((t) => t.units))];
      return {
        itemId: item.itemId,
        no: item.no,
        title: item.title,
        light: item.light,
        reason: item.reason,
        leaders: item.leaders,
        units: names.flatMap((name) => {
          const id = unitIdByName.get(name);
          return id === undefined ? [] : [{ id, name }];
        }),
        tasks: own.map((t) => ({
          taskId: t.taskId,
          title: t.title,
          light: t.light,
          reason: t.reason,
          dueOn: t.dueOn,
          leadUnitId: t.leadUnit === null ? null : (unitIdByName.get(t.leadUnit) ?? null),
          leadUnit: t.leadUnit,
        })),
        openNotices: open.filter((o) => o.itemId === item.itemId).reduce((sum, o) => sum + o.count, 0),
      };
    })
    .sort((a, b) => (a.light === b.light ? a.no - b.no : a.light === 'red' ? -1 : 1));
}

/** Units with red tasks or overdue reports, worst first; yellow tasks and open notices are counted alongside. */
export function overdueUnits(
  lights: PlanLights,
  units: Map<number, UnitRow>,
  missingReports: Map<number, number>,
  open: readonly OpenCount[],
): OverdueUnit[] {
  const unitIdByName = new Map([...units.values()].map((u) => [u.name, u.id]));
  const tally = new Map<number, { red: number; yellow: number }>();
  for (const task of leafTasks(lights)) {
    if (!lagging(task.light) || task.leadUnit === null) continue;
    const id = unitIdByName.get(task.leadUnit);
    if (id === undefined) continue;
    const entry = tally.get(id) ?? { red: 0, yellow: 0 };
    if (task.light === 'red') entry.red++;
    else entry.yellow++;
    tally.set(id, entry);
  }
  const ids = new Set([...tally].filter(([, t]) => t.red > 0).map(([id]) => id));
  for (const id of missingReports.keys()) ids.add(id);
  return [...ids]
    .flatMap((id) => {
      const unit = units.get(id);
      if (!unit) return [];
      return [
        {
          unitId: id,
          name: unit.name,
          kind: unit.kind,
          redTasks: tally.get(id)?.red ?? 0,
          yellowTasks: tally.get(id)?.yellow ?? 0,
          overdueReports: missingReports.get(id) ?? 0,
          openNotices: open.filter((o) => o.unitId === id).reduce((sum, o) => sum + o.count, 0),
        },
      ];
    })
    .sort(
      (a, b) =>
        b.redTasks - a.redTasks ||
        b.overdueReports - a.overdueReports ||
        b.yellowTasks - a.yellowTasks ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
}
