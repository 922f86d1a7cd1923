import { findPlanTwins, markPlanClosed, type PlanRow, type PlanTwinRow } from '../../db/queries/plans.ts';
import type { ExistingPlan } from '../../shared/import.ts';
import type { Tx } from '../context.ts';
import { AppError } from '../errors.ts';
import { planMessages } from '../plan-messages.ts';
import { assertUpdated, type WriteResult } from '../write.ts';

/** What publishing over an earlier publication of the same notice did. */
export interface ReplacedTwins {
  /** Published plans of the same notice that this publication closed. */
  closedPlanIds: number[];
  /** Every earlier plan of the same notice (published or closed), for the publish audit entry. */
  twinIds: number[];
  audit: WriteResult<unknown>['audit'];
}

/**
 * Guards against publishing one notice twice (duplicate tasks under one 文号). When the organization
 * already has a published or closed plan of the same document (see findPlanTwins), this throws
 * CONFLICT naming it, with `details.existingPlan` for the web app's confirmation — unless `replace`.
 * Replacing closes the published twins: their tasks, reports, occurrences and evidence stay, readable
 * and out of reminders and new work, and each closing is audited; closed twins stay as they are.
 */
export async function replaceTwins(
  trx: Tx,
  organizationId: number,
  draft: Pick<PlanRow, 'id' | 'issuer' | 'doc_number' | 'title' | 'year'>,
  replace: boolean,
  at: string,
): Promise<ReplacedTwins> {
  const twins = await findPlanTwins(trx, organizationId, draft);
  const existing = twins[0];
  if (!existing) return { closedPlanIds: [], twinIds: [], audit: [] };
  if (!replace) {
    throw new AppError('CONFLICT', duplicateMessage(existing), {
      existingPlan: existingPlan(existing),
      existingPlanIds: twins.map((t) => t.id),
    });
  }
  const closedPlanIds: number[] = [];
  const audit: ReplacedTwins['audit'] = [];
  for (const twin of twins.filter((t) => t.status === 'published')) {
    assertUpdated(await markPlanClosed(trx, twin.id, twin.version, at), `工作要点“${twin.title}”`);
    closedPlanIds.push(twin.id);
    audit.push({
      action: 'plan.close',
      entityType: 'plan',
      entityId: twin.id,
      before: { status: 'published', version: twin.version },
      after: {
        status: 'closed',
        version: twin.version + 1,
        replacedBy: draft.id,
        reports: twin.reports,
        occurrences: twin.occurrences,
      },
    });
  }
  return { closedPlanIds, twinIds: twins.map((t) => t.id), audit };
}

function existingPlan(twin: PlanTwinRow): ExistingPlan {
  return {
    id: twin.id,
    title: twin.title,
    docNo: twin.docNumber,
    year: twin.year,
    status: twin.status,
    publishedOn: twin.publishedOn,
    reports: twin.reports,
    occurrences: twin.occurrences,
  };
}

function duplicateMessage(twin: PlanTwinRow): string {
  return [
    planMessages.duplicatePublish({ ...twin, docNo: twin.docNumber }),
    planMessages.duplicateWork(twin.reports, twin.occurrences),
    planMessages.duplicateReplaceHint(twin.status),
  ].join('');
}
