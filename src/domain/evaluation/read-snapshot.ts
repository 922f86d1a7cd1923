import type { UnitEvaluation } from '../../shared/evaluations.ts';
import type { ComputedEvaluation } from './compute-evaluation.ts';

// A locked evaluation is read back exactly as published. Snapshots locked before issue 13 lack the
// fields added since (why a unit is unranked, the ranking rule, the weight assessed) and counted
// quality as 未被退回 / 已报送; their lines and definitions, stored as words, still say what was
// computed. This fills the new fields from the old ones so the page and the exports can read both.

interface OldUnit {
  ranked: boolean;
  unranked?: UnitEvaluation['unranked'];
  silent?: boolean;
  assessedWeight?: number | null;
  quality: Partial<UnitEvaluation['quality']> & { clean?: number };
}

/** The stored snapshot of a locked evaluation, with the fields of older snapshots filled in. */
export function readSnapshot(json: string): ComputedEvaluation {
  const evaluation = JSON.parse(json) as ComputedEvaluation;
  const fullWeight = evaluation.rubric.completion + evaluation.rubric.timeliness + evaluation.rubric.quality;
  const upgrade = (unit: UnitEvaluation): UnitEvaluation => {
    const old = unit as unknown as OldUnit;
    if (old.unranked !== undefined) return unit;
    return {
      ...unit,
      unranked: old.ranked ? null : 'noTasks',
      silent: false,
      assessedWeight: old.ranked ? fullWeight : null,
      quality: {
        accepted: old.quality.accepted ?? old.quality.clean ?? 0,
        reviewed: old.quality.reviewed ?? old.quality.filed ?? 0,
        filed: old.quality.filed ?? 0,
        points: old.quality.points ?? null,
      },
    };
  };
  return {
    ...evaluation,
    departments: evaluation.departments.map(upgrade),
    schools: evaluation.schools.map(upgrade),
  };
}
