import type { FindingStatus } from '../../shared/findings.ts';
import type { Light } from '../../shared/plan-tree.ts';
import { dayNumber } from '../lights/dates.ts';
import { findingMessages as M } from './messages.ts';

/** How many days before its deadline an open finding turns yellow. */
export const FINDING_YELLOW_DAYS = 3;

/** A finding's light and the reason in words. */
export interface FindingLight {
  light: Light;
  reason: string;
}

/**
 * The light of a finding on a day (pure): closed is done; rectified waits for verification (green);
 * open or escalated is red once its deadline has passed, yellow within 3 days of it, green before.
 */
export function findingLight(finding: { status: FindingStatus; dueOn: string }, today: string): FindingLight {
  if (finding.status === 'closed') return { light: 'done', reason: M.light.closed };
  if (finding.status === 'rectified') return { light: 'green', reason: M.light.rectified };
  const left = dayNumber(finding.dueOn) - dayNumber(today);
  if (left < 0) return { light: 'red', reason: M.light.overdue(-left) };
  const prefix = finding.status === 'escalated' ? `${M.light.escalated}；` : '';
  if (left === 0) return { light: 'yellow', reason: prefix + M.light.dueToday };
  if (left <= FINDING_YELLOW_DAYS) return { light: 'yellow', reason: prefix + M.light.dueSoon(left) };
  return { light: 'green', reason: prefix + M.light.onTime(left) };
}
