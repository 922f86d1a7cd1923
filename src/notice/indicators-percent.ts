import type { Candidate } from './indicators-candidate.ts';
import { readNumber } from './indicators-numbers.ts';
import { type CompactBody, clauseAt, firstWordAt, isDigit, positionsOf } from './indicators-text.ts';

const AFTER = ['及以上', '以上', '左右', '及以下', '以下', '以内'];
const PERCENT = 0x25;
const LOOK_BACK = 40;
const MAX_NUMBER = 12;

/**
 * Finds percentage targets: 覆盖率达到100%, 提高至95%, 稳定在90%以上, 比例达到38.5% (％ and
 * 百分之九十五 too). The text runs from the clause's start so it names what is measured.
 */
export function findPercents(scan: CompactBody): Candidate[] {
  const { text } = scan;
  const out: Candidate[] = [];
  let floor = 0;
  for (const k of positionsOf(text, ['%', '百分之'])) {
    if (k < floor) continue;
    const found = text.charCodeAt(k) === PERCENT ? signAt(text, k) : wordsAt(text, k);
    if (!found) continue;
    const [clauseStart] = clauseAt(scan, k);
    const start = Math.max(clauseStart, floor, found.start - LOOK_BACK);
    const end = found.end + (firstWordAt(text, found.end, AFTER)?.length ?? 0);
    out.push({ kind: 'percent', start, end, value: found.value });
    floor = end;
  }
  return out;
}

// 95% or 38.5%: digits (and one decimal point) just before the sign.
function signAt(text: string, k: number): { start: number; end: number; value: number } | null {
  let j = k;
  while (j > 0 && k - j < MAX_NUMBER && (isDigit(text, j - 1) || text[j - 1] === '.')) j--;
  if (j === k || !isDigit(text, j) || isDigit(text, j - 1)) return null;
  const value = Number(text.slice(j, k));
  return Number.isFinite(value) ? { start: j, end: k + 1, value } : null;
}

// 百分之九十五 / 百分之95.
function wordsAt(text: string, k: number): { start: number; end: number; value: number } | null {
  const number = readNumber(text, k + 3);
  return number && number.lo === number.hi ? { start: k, end: number.end, value: number.lo } : null;
}
