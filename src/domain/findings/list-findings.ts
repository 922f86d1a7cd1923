import { listVisibleFindings } from '../../db/queries/findings.ts';
import type { FindingListQuery, FindingView } from '../../shared/findings.ts';
import { type Context, shanghaiToday } from '../context.ts';
import { toFindingView } from './finding-view.ts';

/**
 * The findings register (问题台账) as the actor may see it: supervisors all of the organization's,
 * units their own (and those they escalated), leaders those on their items.
 */
export async function listFindings(ctx: Context, query: FindingListQuery): Promise<FindingView[]> {
  const today = shanghaiToday(ctx);
  const rows = await listVisibleFindings(ctx.db, ctx.actor, {
    status: query.status,
    unitId: query.unitId,
    severity: query.severity,
    overdueBefore: query.overdue ? today : undefined,
  });
  return rows.map((row) => toFindingView(row, ctx.actor, today));
}
