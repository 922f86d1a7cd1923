import type { EvaluationLine, UnitEvaluation, UnrankedReason } from '../../shared/evaluations.ts';
import { rankWithTies } from '../ranking/shared-ranks.ts';
import type { UnitMeasures } from './measure-units.ts';
import { evaluationMessages as M } from './messages.ts';
import { divideHalfUp, percentText, pointsText, shareCentipoints, toPoints } from './rounding.ts';

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
 * Scores every unit line by line and ranks departments and schools apart. Pure.
 *
 * A measure with nothing to assess by the day (completion: no indicator owed; timeliness: no report
 * due; quality: no report reviewed) is left out — never full marks, never zero — and the sum of the
 * other lines is scaled to the rubric's full weight: (sum of their points) / (sum of their weights)
 * × (sum of the three weights). Each line is rounded half up to 2 decimals from its exact fraction,
 * the scaled total half up from the sum of the rounded lines, so the calculation shown adds up;
 * bonus and penalty (capped) come after the scaling, and the total is never below 0. A unit with
 * nothing to assess is 无考核数据 and not ranked; a unit owning no task is 无考核任务.
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
      : unranked(unit, 'noTasks', [{ kind: 'total', text: M.noTasks, points: null }]);
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
  const { accepted, reviewed } = m.quality;
  const { filed, standing } = m.filing;
  // null: nothing to assess by the day, so the line is left out of the total.
  const completion = expected > 0 ? shareCentipoints(achieved, expected, rubric.completion) : null;
  const timeliness = due > 0 ? shareCentipoints(onTime, due, rubric.timeliness) : null;
  const quality = reviewed > 0 ? shareCentipoints(accepted, reviewed, rubric.quality) : null;
  const lines: EvaluationLine[] = [
    {
      kind: 'completion',
      text:
        completion === null
          ? M.completionNone
          : M.completion(achieved, expected, percentText(achieved, expected), rubric.completion, completion),
      points: pointsOrNull(completion),
    },
    {
      kind: 'timeliness',
      text:
        timeliness === null
          ? M.timelinessNone
          : M.timeliness(onTime, due, percentText(onTime, due), rubric.timeliness, timeliness),
      points: pointsOrNull(timeliness),
    },
    {
      kind: 'quality',
      text:
        quality === null
          ? M.qualityNone(filed, due)
          : M.quality(accepted, reviewed, percentText(accepted, reviewed), rubric.quality, quality),
      points: pointsOrNull(quality),
    },
  ];
  const assessed = [
    { points: completion, weight: rubric.completion },
    { points: timeliness, weight: rubric.timeliness },
    { points: quality, weight: rubric.quality },
  ].filter((a): a is { points: number; weight: number } => a.points !== null);
  const assessedWeight = assessed.reduce((sum, a) => sum + a.weight, 0);
  const bonus = sumAdjustments(adjustments, 'bonus', rubric.bonusCap, lines);
  const penalty = sumAdjustments(adjustments, 'penalty', rubric.penaltyCap, lines);
  const measured = {
    completion: { achieved, expected, points: pointsOrNull(completion) },
    timeliness: { onTime, due, points: pointsOrNull(timeliness) },
    quality: { accepted, reviewed, filed, points: pointsOrNull(quality) },
    bonus: toPoints(bonus),
    penalty: toPoints(penalty),
  };
  // Nothing can be scored (or only lines of weight 0): no total, no rank; entries wait for data.
  if (assessedWeight === 0) {
    lines.push({ kind: 'total', text: M.noData(adjustments.length > 0), points: null });
    return { ...unranked(unit, 'noData', lines), ...measured };
  }

  const fullWeight = rubric.completion + rubric.timeliness + rubric.quality;
  const sum = assessed.reduce((total, a) => total + a.points, 0);
  const base = assessedWeight === fullWeight ? sum : divideHalfUp(sum * fullWeight, assessedWeight);
  const raw = base + bonus - penalty;
  const total = Math.max(0, raw);
  const adjusted = `${bonus > 0 ? ` + ${pointsText(bonus)}` : ''}${penalty > 0 ? ` - ${pointsText(penalty)}` : ''}`;
  const parts = assessed.map((a) => pointsText(a.points)).join(' + ');
  const text =
    assessedWeight === fullWeight
      ? M.total(`${parts}${adjusted}`, total, raw < 0)
      : M.scaledTotal({
          parts: assessed.length > 1 ? `(${parts})` : parts,
          weights:
            assessed.length > 1 ? `(${assessed.map((a) => a.weight).join(' + ')})` : `${assessedWeight}`,
          fullWeight,
          base,
          adjusted,
          total,
          floored: raw < 0,
        });
  lines.push({ kind: 'total', text, points: toPoints(total) });
  // Silence is not quality: reports were due and none stands, so the unit is ranked after every
  // unit that has one (see rank below), whatever its points — a co-owner credited with the lead's
  // completion must not pass the units that did the reporting. A unit that owes nothing yet is not
  // silent; one whose every report was returned and not filed again is.
  const silent = due > 0 && standing === 0;
  if (silent) lines.push({ kind: 'rule', text: M.silentRule(due, filed), points: null });
  return {
    unitId: unit.id,
    unitName: unit.name,
    unitKind: unit.kind,
    ranked: true,
    unranked: null,
    silent,
    rank: null,
    total: toPoints(total),
    assessedWeight,
    ...measured,
    lines,
  };
}

function pointsOrNull(centipoints: number | null): number | null {
  return centipoints === null ? null : toPoints(centipoints);
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

function unranked(unit: EvaluatedUnit, reason: UnrankedReason, lines: EvaluationLine[]): UnitEvaluation {
  return {
    unitId: unit.id,
    unitName: unit.name,
    unitKind: unit.kind,
    ranked: false,
    unranked: reason,
    silent: false,
    rank: null,
    total: null,
    assessedWeight: null,
    completion: { achieved: 0, expected: 0, points: null },
    timeliness: { onTime: 0, due: 0, points: null },
    quality: { accepted: 0, reviewed: 0, filed: 0, points: null },
    bonus: 0,
    penalty: 0,
    lines,
  };
}

// The ranking rule (shared-ranks.ts): units with a standing report (or none due yet) before silent
// ones, then the highest total; equal on both share a rank, listed by name. Then the units without
// a rank: 无考核数据, then 无考核任务, each by name.
function rank(units: UnitEvaluation[]): UnitEvaluation[] {
  const byName = (a: UnitEvaluation, b: UnitEvaluation) => a.unitName.localeCompare(b.unitName, 'zh-CN');
  const ranked = rankWithTies(
    units.filter((u) => u.ranked),
    [
      { value: (u) => (u.silent ? 1 : 0), first: 'low' },
      { value: (u) => u.total ?? 0, first: 'high' },
    ],
    (u) => u.unitName,
  ).map(({ row, rank }) => ({ ...row, rank }));
  return [
    ...ranked,
    ...units.filter((u) => u.unranked === 'noData').sort(byName),
    ...units.filter((u) => u.unranked === 'noTasks').sort(byName),
  ];
}
