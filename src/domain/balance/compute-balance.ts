import {
  BALANCE_EXCLUSION,
  BALANCE_INDICATORS,
  BALANCE_STAGES,
  type BalanceBlocker,
  type BalanceIndicator,
  type BalanceIndicatorKey,
  type BalanceResult,
  type BalanceSchoolInput,
  type BalanceStage,
  CV_THRESHOLDS,
  type ExcludedSchool,
  FLOOR_SHARE,
  MIN_INDICATORS_MET,
  type SchoolMiss,
  type SchoolResult,
  STAGE_LABELS,
  type StageIndicatorResult,
  type StageResult,
  type WhatIfChange,
} from '../../shared/balance.ts';
import { AppError } from '../errors.ts';

// The 差异系数 monitor, pure (no database, no clock).
//
// Method: 教育部《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）, 第五条 资源配置: seven
// indicators per school (每百名学生拥有高于规定学历教师数、县级及以上骨干教师数、体育艺术专任教师数、
// 网络多媒体教室数; 生均教学及辅助用房面积、体育运动场馆面积、教学仪器设备值); each school reaches at least
// six of the minimums and the rest at least 85 % of theirs; across the county's schools each indicator's
// 差异系数 is at most 0.50 for 小学 and 0.45 for 初中. The 差异系数 is weighted by pupils:
// X̄ = ΣPᵢXᵢ/ΣPᵢ, S = √(ΣPᵢ(Xᵢ−X̄)²/ΣPᵢ), CV = S/X̄.
// Which schools count: provincial rules applying the 办法 restate its scope, e.g. 河北省县域义务教育优质均衡
// 发展督导评估具体办法: "资源配置重点评估县域义务教育学校（不含特殊教育学校、职业学校及不足50人的教学点）".
// So special-education schools and 教学点 of fewer than 50 pupils are listed as excluded, with the reason,
// and counted nowhere. A 九年一贯制 school reports a 小学 row and an 初中 row, each counted in its stage
// with its own pupils.
//
// Rounding: values are kept unrounded; a value reaches its minimum when it does at 6 decimals (so
// 21 teachers for 500 pupils is 4.2, not 4.1999…); a CV passes when, rounded to 4 decimals, it is at most
// the threshold (0.5000 passes 小学). A stage indicator whose weighted mean is 0 (no school has any of
// it) has no CV (null) and does not pass: the 办法's requirement cannot be shown to be met.

const SPECIAL_EDUCATION_WORDS = ['特殊教育', '特教', '培智', '启聪', '启明'] as const;

/** The indicator's name without its leading 生均/每百名学生拥有, as blockers say it ("体育运动场馆面积"). */
export function indicatorPlainName(indicator: BalanceIndicator): string {
  return indicator.name.replace(/^(生均|每百名学生拥有)/, '');
}

/** A school's value of an indicator: per hundred pupils for counts, per pupil for ㎡ and 元. */
export function indicatorValue(raw: number, pupils: number, per: 100 | 1): number {
  // raw × per first: 21 × 100 / 500 is exactly 4.2, 21 / 500 × 100 is not.
  return (raw * per) / pupils;
}

/** Rounds half away from zero at `digits` decimals, immune to 0.525 being stored as 0.52499…. */
export function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(Number((value * scale).toPrecision(12))) / scale;
}

/** Why a row is left out of the monitor, or null when it counts. */
export function exclusionReason(row: Pick<BalanceSchoolInput, 'name' | 'pupils'>): string | null {
  if (BALANCE_EXCLUSION.special) {
    const word = SPECIAL_EDUCATION_WORDS.find((w) => row.name.includes(w));
    if (word) return `名称含“${word}”，按特殊教育学校不纳入资源配置评估`;
  }
  if (row.name.includes('教学点') && row.pupils < BALANCE_EXCLUSION.teachingPointPupils)
    return `教学点学生${row.pupils}人，不足${BALANCE_EXCLUSION.teachingPointPupils}人，不纳入资源配置评估`;
  return null;
}

/** The county's 资源配置 check: per stage and indicator the weighted CV, per school the 6-of-7/85 % rule. */
export function computeBalance(rows: readonly BalanceSchoolInput[]): BalanceResult {
  for (const row of rows) {
    // The sheet reader and the collection refuse these; a division by zero must never become a figure.
    if (!Number.isFinite(row.pupils) || row.pupils <= 0)
      throw new Error(`computeBalance: ${row.name} (${row.stage}) has ${row.pupils} pupils`);
  }
  const excluded: ExcludedSchool[] = [];
  const counted: BalanceSchoolInput[] = [];
  for (const row of rows) {
    const reason = exclusionReason(row);
    if (reason === null) counted.push(row);
    else excluded.push({ name: row.name, stage: STAGE_LABELS[row.stage], pupils: row.pupils, reason });
  }

  const stages: StageResult[] = [];
  const schools: SchoolResult[] = [];
  const blockers: BalanceBlocker[] = [];
  for (const stage of BALANCE_STAGES) {
    const members = counted.filter((r) => r.stage === stage);
    if (members.length === 0) continue;
    const results = members.map((r) => checkSchool(r, stage));
    schools.push(...results);
    const indicators = BALANCE_INDICATORS.map((indicator) => stageIndicator(indicator, stage, results));
    stages.push({
      stage: STAGE_LABELS[stage],
      schools: members.length,
      pupils: members.reduce((sum, r) => sum + r.pupils, 0),
      indicators,
      pass: indicators.every((i) => i.pass),
    });
    for (const indicator of indicators) if (!indicator.pass) blockers.push(blocker(stage, indicator));
  }
  // A CV that cannot be computed first (over 0: nothing of it anywhere), then the largest excess.
  blockers.sort((a, b) => Number(b.over === 0) - Number(a.over === 0) || b.over - a.over);
  return {
    stages,
    schools,
    excluded,
    blockers,
    pass: stages.every((s) => s.pass) && schools.every((s) => s.pass),
  };
}

function checkSchool(row: BalanceSchoolInput, stage: BalanceStage): SchoolResult {
  const values = {} as Record<BalanceIndicatorKey, number>;
  const below: BalanceIndicatorKey[] = [];
  const misses: SchoolMiss[] = [];
  for (const indicator of BALANCE_INDICATORS) {
    const value = indicatorValue(row.raw[indicator.key], row.pupils, indicator.per);
    values[indicator.key] = value;
    const minimum = indicator.minimum[stage];
    if (!reaches(value, minimum)) {
      below.push(indicator.key);
      misses.push({ key: indicator.key, value, minimum, share: value / minimum });
    }
  }
  const met = BALANCE_INDICATORS.length - below.length;
  return {
    name: row.name,
    ...(row.unitId === undefined ? {} : { unitId: row.unitId }),
    stage: STAGE_LABELS[stage],
    pupils: row.pupils,
    values,
    met,
    pass: met >= MIN_INDICATORS_MET && misses.every((m) => roundTo(m.share, 6) >= FLOOR_SHARE),
    below,
    misses,
  };
}

function reaches(value: number, minimum: number): boolean {
  return roundTo(value, 6) >= minimum;
}

function stageIndicator(
  indicator: BalanceIndicator,
  stage: BalanceStage,
  schools: readonly SchoolResult[],
): StageIndicatorResult {
  let pupils = 0;
  let weighted = 0;
  for (const s of schools) {
    pupils += s.pupils;
    weighted += s.pupils * s.values[indicator.key];
  }
  const mean = weighted / pupils;
  let squares = 0;
  for (const s of schools) squares += s.pupils * (s.values[indicator.key] - mean) ** 2;
  const cv = mean === 0 ? null : Math.sqrt(squares / pupils) / mean;
  const threshold = CV_THRESHOLDS[stage];
  const rounded = cv === null ? null : roundTo(cv, 4);
  const pass = rounded !== null && rounded <= threshold;
  const values = schools.map((s) => s.values[indicator.key]);
  const minimum = indicator.minimum[stage];
  return {
    key: indicator.key,
    name: indicator.name,
    mean,
    cv,
    threshold,
    pass,
    over: rounded !== null && !pass ? roundTo(rounded - threshold, 4) : 0,
    min: Math.min(...values),
    max: Math.max(...values),
    minimum,
    belowMinimum: schools.filter((s) => !reaches(s.values[indicator.key], minimum)).map((s) => s.name),
  };
}

function blocker(stage: BalanceStage, result: StageIndicatorResult): BalanceBlocker {
  const indicator = BALANCE_INDICATORS.find((i) => i.key === result.key)!;
  const subject = `${STAGE_LABELS[stage]}${indicatorPlainName(indicator)}`;
  if (result.cv === null)
    return {
      stage: STAGE_LABELS[stage],
      key: result.key,
      // No CV exists; 0 keeps the JSON a number, the text says why.
      cv: 0,
      threshold: result.threshold,
      over: 0,
      text: `${subject}全部学校均为0，无法计算差异系数`,
    };
  const cv = roundTo(result.cv, 4);
  // Two decimals as the 办法 states thresholds; a CV just over (0.4501) would read "超出0.00", so four.
  const digits = roundTo(result.over, 2) > 0 ? 2 : 4;
  return {
    stage: STAGE_LABELS[stage],
    key: result.key,
    cv,
    threshold: result.threshold,
    over: result.over,
    text: `${subject}差异系数${roundTo(cv, digits).toFixed(digits)}，超出${roundTo(result.over, digits).toFixed(digits)}`,
  };
}

/**
 * The rows with each change applied (a delta added to a school's raw figure, or to its pupils), for a
 * what-if ("若某校新增骨干教师2人") that recomputes without saving. The given rows are not changed.
 */
export function applyWhatIf(
  rows: readonly BalanceSchoolInput[],
  changes: readonly WhatIfChange[],
): BalanceSchoolInput[] {
  const result = rows.map((r) => ({ ...r, raw: { ...r.raw } }));
  for (const change of changes) {
    const name = change.name.trim();
    const row = result.find((r) => r.name.trim() === name && r.stage === change.stage);
    const where = `“${name}”（${STAGE_LABELS[change.stage]}）`;
    if (!row)
      throw new AppError('INVALID_INPUT', `没有${where}的数据，请检查学校名称和学段。`, { field: 'name' });
    if (change.key === 'pupils') {
      const pupils = row.pupils + change.delta;
      if (!Number.isInteger(change.delta))
        throw new AppError('INVALID_INPUT', '学生数的增减应为整数。', { field: 'delta' });
      if (pupils <= 0)
        throw new AppError('INVALID_INPUT', `调整后${where}的学生数为${pupils}人，应大于0。`, {
          field: 'delta',
        });
      row.pupils = pupils;
      continue;
    }
    const indicator = BALANCE_INDICATORS.find((i) => i.key === change.key)!;
    if (indicator.per === 100 && !Number.isInteger(change.delta))
      throw new AppError('INVALID_INPUT', `${indicator.column}的增减应为整数。`, { field: 'delta' });
    const value = roundTo(row.raw[change.key] + change.delta, 6);
    if (value < 0)
      throw new AppError(
        'INVALID_INPUT',
        `调整后${where}的${indicator.column}为${value}${indicator.rawUnit}，不能小于0。`,
        { field: 'delta' },
      );
    row.raw[change.key] = value;
  }
  return result;
}
