import { type Candidate, periodAfter } from './indicators-candidate.ts';
import { isNumberStart, NUMERAL, numberRunEnd, type Quantity, readQuantity } from './indicators-numbers.ts';
import { endsWithBuildVerb, isBuildClause } from './indicators-project.ts';
import { type CompactBody, clauseAt, firstWordAt, isDigit, wordAt, wordBefore } from './indicators-text.ts';
import type { IndicatorPeriod } from './types.ts';

// Units that count occurrences or things done. Durations and measures (小时, 天, 公里, 平方米, 元)
// are not here, so 每天…不少于2小时 and 健身步道12公里 are not counts.
const UNITS = new Set('次个场期批轮所项片家名人篇堂座处间台套支门部位栋'.split(''));
// Two-character readings where the unit is part of a duration or measure: 3个月, 1个百分点.
const NOT_UNITS = '个月 个百分点 个工作日 个小时 个学时 个课时 个星期 个周 个学期 个季度'.split(' ');
// Units that name built things; with a building verb in the clause the count is a project.
const BUILD_UNITS = new Set('所片个座处栋间项'.split(''));
const MIN_BEFORE = ['不少于', '不低于', '不下于', '至少', '最少', '超过', '多于', '达到'];
const MAX_BEFORE = ['不超过', '不多于', '至多', '最多', '控制在'];
const MIN_AFTER = ['及以上', '以上', '左右'];
const MAX_AFTER = ['及以下', '以下', '以内'];
// Verbs that end the object of a count: 随机抽取2-3个基建维修项目|进行专项审计.
const OBJECT_STOPS = ['进行', '开展', '实施', '用于', '作为', '并', '以'];
const LOOK_BACK = 40;
const OBJECT_LIMIT = 24;

/**
 * Finds counts (不少于2次, 全年不少于两次, 2-3个, 12次以上, 每学期…不少于4次) and built-thing counts
 * (新建2所公办幼儿园 → project). Without a stated period a count runs over the plan year: the plan is a
 * year's plan, so 不少于2次 means twice this year.
 */
export function findCounts(scan: CompactBody): Candidate[] {
  const { text } = scan;
  const out: Candidate[] = [];
  const numeral = NUMERAL; // a local binding: checked at every position
  let floor = 0;
  for (let i = 0; i < text.length; ) {
    if (numeral[text.charCodeAt(i)] !== 1 || !isNumberStart(text, i)) {
      i++;
      continue;
    }
    const quantity = readQuantity(text, i);
    const found = quantity ? countAt(scan, quantity, floor) : null;
    if (found) {
      out.push(found);
      floor = found.end;
    }
    i = Math.max(quantity?.end ?? numberRunEnd(text, i), i + 1);
  }
  return out;
}

function countAt(scan: CompactBody, q: Quantity, floor: number): Candidate | null {
  const { text } = scan;
  if (text[q.start - 1] === '第' || q.lo !== Math.floor(q.lo) || q.hi !== Math.floor(q.hi)) return null;
  let unit = q.end;
  if (text[unit] === '余' || text[unit] === '多') unit++;
  const unitChar = text[unit] ?? '';
  if (!UNITS.has(unitChar) || firstWordAt(text, unit, NOT_UNITS)) return null;
  let end = unit + 1;
  if (text[end] === '次' && (unitChar === '人' || unitChar === '场')) end++; // 人次, 场次
  if (isDigit(text, end) || text[end] === '%') return null; // 三个100%达标 is a percent
  if (unitChar === '名' && text[q.start - 1] === '前') return null; // 前3名 is a rank

  const [clauseStart, clauseEnd] = clauseAt(scan, q.start);
  const period = periodBefore(text, Math.max(clauseStart, q.start - LOOK_BACK), q.start);
  if (period === 'day') return null; // ParsedIndicator has no daily period
  const minBefore = MIN_BEFORE.some((w) => wordBefore(text, q.start, w));
  const maxBefore = MAX_BEFORE.some((w) => wordBefore(text, q.start, w));
  const minAfter = firstWordAt(text, end, MIN_AFTER);
  const maxAfter = firstWordAt(text, end, MAX_AFTER);
  // A bare Chinese numeral is usually part of a phrase (一人一策, 三个100%, 一批), not a target;
  // a comparator, a period or a range (两到三所) makes it one.
  const qualified = minBefore || maxBefore || minAfter || maxAfter || period || q.hi > q.lo;
  if (!q.arabic && !qualified) return null;
  end += (minAfter ?? maxAfter ?? '').length;

  const start = Math.max(clauseStart, floor, q.start - LOOK_BACK);
  end = objectEnd(scan, end, clauseEnd);
  const bounds =
    maxBefore || maxAfter ? { max: q.hi } : q.hi > q.lo ? { min: q.lo, max: q.hi } : { min: q.lo };
  // Building is what the clause does when its verb leads (新建2所) or closes it (完成5所…改造);
  // 基建维修项目 in 抽取2-3个基建维修项目 only describes what is sampled.
  const built = isBuildClause(text, clauseStart, q.start) || endsWithBuildVerb(text, end);
  if (BUILD_UNITS.has(unitChar) && built) {
    return { kind: 'project', start, end, ...bounds };
  }
  return { kind: 'count', start, end, ...bounds, per: period ?? 'year' };
}

// The nearest period word before the number in its clause: 每学期…4次 → term, 全年…两次 → year.
function periodBefore(text: string, from: number, to: number): IndicatorPeriod | 'day' | undefined {
  let found: IndicatorPeriod | 'day' | undefined;
  for (let i = from; i < to; i++) {
    if (wordAt(text, i, '全年')) found = 'year';
    const period = periodAfter(text, i);
    if (period && period.end <= to) found = period.per;
  }
  return found;
}

// Extends past the unit over its object (组建3个|区级思政课名师工作室) when the object ends soon.
function objectEnd(scan: CompactBody, end: number, clauseEnd: number): number {
  const { text } = scan;
  if (end >= clauseEnd || text[end] === '、') return end;
  const stop = Math.min(clauseEnd, end + OBJECT_LIMIT);
  for (let j = end; j <= stop; j++) {
    if (j === clauseEnd || text[j] === '、' || firstWordAt(text, j, OBJECT_STOPS)) return j;
  }
  return end;
}
