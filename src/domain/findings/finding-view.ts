import type { FindingRow } from '../../db/queries/findings.ts';
import { findingActions } from '../../policies/findings.ts';
import type { FindingView } from '../../shared/findings.ts';
import type { Actor } from '../context.ts';
import { findingLight } from './finding-light.ts';

/** A finding row as the API shows it to an actor on a day: with its light and allowed actions. */
export function toFindingView(row: FindingRow, actor: Actor, today: string): FindingView {
  const { light, reason } = findingLight(row, today);
  return {
    id: row.id,
    source: row.source,
    title: row.title,
    detail: row.detail,
    unit: { id: row.unitId, name: row.unitName, kind: row.unitKind },
    escalatedFrom:
      row.escalatedFromUnitId !== null && row.escalatedFromName !== null && row.escalatedFromKind !== null
        ? { id: row.escalatedFromUnitId, name: row.escalatedFromName, kind: row.escalatedFromKind }
        : null,
    severity: row.severity,
    dueOn: row.dueOn,
    status: row.status,
    light,
    reason,
    item:
      row.itemId !== null && row.itemNo !== null && row.itemTitle !== null && row.planId !== null
        ? { id: row.itemId, no: row.itemNo, title: row.itemTitle, planId: row.planId }
        : null,
    inspectionId: row.inspectionId,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    version: row.version,
    actions: findingActions(actor, {
      organizationId: row.organizationId,
      status: row.status,
      unitId: row.unitId,
      unitKind: row.unitKind,
    }),
  };
}
