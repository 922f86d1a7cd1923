import { findActiveUnit, insertInspection } from '../../db/queries/findings.ts';
import { requireInspector } from '../../policies/findings.ts';
import { INSPECTION_SOURCE, type InspectionInput } from '../../shared/findings.ts';
import { type Context, shanghaiToday } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { findingMessages as M } from './messages.ts';
import { checkDueOn, resolveItem, storeFinding } from './record-finding.ts';

/** The stored inspection and the findings it opened. */
export interface FiledInspection {
  id: number;
  findingIds: number[];
  note: string;
}

/**
 * A school or department files its monthly inspection (月度检查) as one submission: each finding
 * listed becomes an open finding of the unit; an empty list is a valid answer ("本月检查未发现问题").
 * One filing per unit, month and item; the item, if named, must be one where the unit owns a task.
 */
export async function fileInspection(ctx: Context, input: InspectionInput): Promise<FiledInspection> {
  const unitId = requireInspector(ctx.actor);
  if (input.period > shanghaiToday(ctx).slice(0, 7)) {
    throw new AppError('INVALID_INPUT', M.periodInFuture(input.period), { field: 'period' });
  }
  for (const finding of input.findings) checkDueOn(ctx, finding.dueOn);
  const note = input.findings.length === 0 ? M.noFindingsNote : M.findingsNote(input.findings.length);
  return write(ctx, async (trx, at) => {
    if (!(await findActiveUnit(trx, ctx.actor.organizationId, unitId))) {
      throw new AppError('FORBIDDEN', M.notInspector);
    }
    const link = await resolveItem(trx, ctx, { itemId: input.itemId });
    const id = await insertInspection(trx, {
      organization_id: ctx.actor.organizationId,
      unit_id: unitId,
      period: input.period,
      item_id: link.itemId,
      item_key: link.itemId ?? 0,
      note,
      finding_count: input.findings.length,
      filed_by: ctx.actor.userId,
      filed_at: at,
    });
    if (id === undefined)
      throw new AppError('CONFLICT', M.inspectionFiled(input.period), { field: 'period' });
    const findingIds: number[] = [];
    for (const finding of input.findings) {
      findingIds.push(
        await storeFinding(trx, ctx, at, {
          source: INSPECTION_SOURCE,
          title: finding.title,
          detail: finding.detail,
          unitId,
          severity: finding.severity,
          dueOn: finding.dueOn,
          ...link,
          inspectionId: id,
        }),
      );
    }
    return {
      result: { id, findingIds, note },
      audit: [
        {
          action: 'inspection.file',
          entityType: 'inspection',
          entityId: id,
          after: { unitId, period: input.period, itemId: link.itemId, note, findingIds },
        },
        ...findingIds.map((findingId, index) => ({
          action: 'finding.record',
          entityType: 'finding',
          entityId: findingId,
          after: {
            ...input.findings[index],
            source: INSPECTION_SOURCE,
            unitId,
            inspectionId: id,
            status: 'open',
          },
        })),
      ],
    };
  });
}
