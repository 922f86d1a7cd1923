import { type Candidate, periodAfter } from './indicators-candidate.ts';
import { type CompactBody, listEnd, positionsOf } from './indicators-text.ts';

const LIMIT = 60;

/**
 * Finds recurring promises: 每月开展党委理论中心组学习, 每季度…, 每学期…, 每年…, 每周…; the text runs
 * from 每 to the end of its clause or list element. 每天/每日 are skipped: a plan has no daily slots.
 */
export function findRecurring(scan: CompactBody): Candidate[] {
  const { text } = scan;
  const out: Candidate[] = [];
  let floor = 0;
  for (const i of positionsOf(text, ['每'])) {
    if (i < floor) continue;
    const period = periodAfter(text, i);
    if (!period || period.per === 'day') continue;
    const end = listEnd(scan, i, LIMIT);
    if (end <= i) continue;
    out.push({ kind: 'recurring', start: i, end, per: period.per });
    floor = end;
  }
  return out;
}
