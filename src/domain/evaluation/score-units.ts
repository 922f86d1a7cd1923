import type { EvaluationLine, UnitEvaluation } from '../../shared/evaluations.ts';
import type { UnitMeasures } from './measure-units.ts';
import { evaluationMessages as M } from './messages.ts';
import { percentText, pointsText, shareCentipoints, toPoints } from './rounding.ts';

/** The weights and caps a score is computed with (whole points). */
export interface RubricWeights {
  completion: number;
  timeliness: number;
  quality: number;
  bonusCap: number;
  penaltyCap: number;
}

/** A bonus or penalty entry as the score reads it. */
export interface ScoredAdjustment {
  unitId: number;
  kind: 'bonus' | 'penalty';
  centipoints: number;
  reason: string;
  author: string;
}

/** A unit of the directory. */
export interface EvaluatedUnit {
  id: number;
  name: string;
  kind: 'department' | 'school';
}

/**
 * Scores every unit line by line and ranks departments and schools apart. Pure. Each measure's
 * points are rounded half up to 2 decimals from the exact fraction; the total is the sum of the
 * rounded lines (so the calculation shown adds up), bonus and penalty capped, never below 0.
 */
export function scoreUnits(
  units: readonly EvaluatedUnit[],
  measures: ReadonlyMap<number, UnitMeasures>,
  rubric: RubricWeights,
  adjustments: readonly ScoredAdjustment[],
): { departments: UnitEvaluation[]; schools: UnitEvaluation[] } {
  const scored = units.map((unit) => {
    const m = measures.get(unit.id);
    return m
      ? scoreUnit(
          unit,
          m,
          rubric,
          adjustments.filter((a) => a.unitId === unit.id),
        )
      : unranked(unit);
  });
  return {
    departments: rank(scored.filter((u) => u.unitKind === 'department')),
    schools: rank(scored.filter((u) => u.unitKind === 'school')),
  };
}

function scoreUnit(
  unit: EvaluatedUnit,
  m: UnitMeasures,
  rubric: RubricWeights,
  adjustments: readonly ScoredAdjustment[],
): UnitEvaluation {
  const { achieved, expected } = m.completion;
  const { onTime, due } = m.timeliness;
  const { clean, filed } = m.quality;
  const completion = shareCentipoints(achieved, expected, rubric.completion);
  const timeliness = shareCentipoints(onTime, due, rubric.timeliness);
  // Nothing filed although reports were due earns no quality points: silence is not quality.
  const quality = filed === 0 && due > 0 ? 0 : shareCentipoints(clean, filed, rubric.quality);
  const lines: EvaluationLine[] = [
    {
      kind: 'completion',
      text: M.completion(achieved, expected, percentText(achieved, expected), rubric.completion, completion),
      points: toPoints(completion),
    },
    {
      kind: 'timeliness',
      text: M.timeliness(onTime, due, percentText(onTime, due), rubric.timeliness, timeliness),
      points: toPoints(timeliness),
    },
    {
      kind: 'quality',
      text: M.quality(clean, filed, due, percentText(clean, filed), rubric.quality, quality),
      points: toPoints(quality),
    },
  ];
  const bonus = sumAdjustments(adjustments, 'bonus', rubric.bonusCap, lines);
  const penalty = sumAdjustments(adjustments, 'penalty', rubric.penaltyCap, lines);
  const raw = completion + timeliness + quality + bonus - penalty;
  const total = Math.max(0, raw);
  const parts = [pointsText(completion), pointsText(timeliness), pointsText(quality)].join(' + ');
  const withAdjustments = `${parts}${bonus > 0 ? ` + ${pointsText(bonus)}` : ''}${penalty > 0 ? ` - ${pointsText(penalty)}` : ''}`;
  lines.push({ kind: 'total', text: M.total(withAdjustments, total, raw < 0), points: toPoints(total) });
  return {
    unitId: unit.id,
    unitName: unit.name,
    unitKind: unit.kind,
    ranked: true,
    rank: null,
    total: toPoints(total),
    completion: { achieved, expected, points: toPoints(completion) },
    timeliness: { onTime, due, points: toPoints(timeliness) },
    quality: { clean, filed, points: toPoints(quality) },
    bonus: toPoints(bonus),
    penalty: toPoints(penalty),
    lines,
  };
}

// Adds one line per entry and, when the sum passes the cap, a line saying what counts; returns
// the centipoints that count.
function sumAdjustments(
  adjustments: readonly ScoredAdjustment[],
  kind: 'bonus' | 'penalty',
  cap: number,
  lines: EvaluationLine[],
): number {
  let sum = 0;
  for (const a of adjustments.filter((x) => x.kind === kind)) {
    sum += a.centipoints;
    lines.push({
      kind,
      text: (kind === 'bonus' ? M.bonus : M.penalty)(a.reason, a.centipoints, a.author),
      points: toPoints(kind === 'bonus' ? a.centipoints : -a.centipoints),
    });
  }
  if (sum > cap * 100) {
    lines.push({
      kind,
      text: M.capped(kind === 'bonus' ? '加分' : '减分', sum, cap),
      points: toPoints(kind === 'bonus' ? cap * 100 - sum : sum - cap * 100),
    });
    return cap * 100;
  }
  return sum;
}

function unranked(unit: EvaluatedUnit): UnitEvaluation {
  return {
    unitId: unit.id,
    unitName: unit.name,
    unitKind: unit.kind,
    ranked: false,
    rank: null,
    total: null,
    completion: { achieved: 0, expected: 0, points: 0 },
    timeliness: { onTime: 0, due: 0, points: 0 },
    quality: { clean: 0, filed: 0, points: 0 },
    bonus: 0,
    penalty: 0,
    lines: [{ kind: 'total', text: M.noTasks, points: 0 }],
  };
}

// Highest total first; equal totals share a rank (1, 1, 3); unranked units last, by name.
function rank(units: UnitEvaluation[]): UnitEvaluation[] {
  const byName = (a: UnitEvaluation, b: UnitEvaluation) => a.unitName.localeCompare(b.unitName, 'zh-CN');
  const ranked = units
    .filter((u) => u.ranked)
    .sort((a, b) => (b.total ?? 0) - (a.total ?? 0) || byName(a, b));
  let previous: UnitEvaluation | undefined;
  ranked.forEach((unit, index) => {
    unit.rank = previous && previous.total === unit.total ? previous.rank : index + 1;
    previous = unit;
  });
  return [...ranked, ...units.filter((u) => !u.ranked).sort(byName)];
}
