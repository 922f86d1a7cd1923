import { insertBulletin, monthRevisions, updateDraftContent } from '../../db/queries/bulletins.ts';
import { findOrganization } from '../../db/queries/organizations.ts';
import { requireBulletinWriter, requireWritableBulletin } from '../../policies/bulletins.ts';
import { requireWritablePlan } from '../../policies/plans.ts';
import type { CreateBulletinInput } from '../../shared/bulletins.ts';
import { monthLabel } from '../../shared/bulletins.ts';
import { type Context, shanghaiToday } from '../context.ts';
import { AppError } from '../errors.ts';
import { assertUpdated, write } from '../write.ts';
import { defaultBulletinContent } from './default-content.ts';
import { loadBulletinFacts } from './load-facts.ts';
import { bulletinMessages as M } from './messages.ts';
import { type BulletinMonth, bulletinMonth } from './month.ts';

/** A draft as created or regenerated: its id, revision and new version. */
export interface DraftResult {
  id: number;
  revision: number;
  version: number;
}

async function composeDraft(ctx: Context, planId: number, month: string) {
  requireBulletinWriter(ctx.actor);
  const plan = await requireWritablePlan(ctx.db, ctx.actor, planId, M.planNotFound);
  if (plan.status === 'draft') throw new AppError('CONFLICT', M.planNotPublished, { field: 'planId' });
  const today = shanghaiToday(ctx);
  if (Number(month.slice(0, 4)) !== plan.year)
    throw new AppError('INVALID_INPUT', M.monthOutsidePlan(plan.year), { field: 'month' });
  const span: BulletinMonth = bulletinMonth(month, today);
  if (span.firstDay > today)
    throw new AppError('INVALID_INPUT', M.monthNotStarted(monthLabel(month)), { field: 'month' });
  const organization = await findOrganization(ctx.db, plan.organization_id);
  const facts = await loadBulletinFacts(
    ctx,
    { id: plan.id, title: plan.title, organizationId: plan.organization_id },
    organization?.name ?? '',
    span,
  );
  return { plan, span, content: defaultBulletinContent(facts, today) };
}

/**
 * A supervisor generates the draft bulletin of a plan for a month, from the data as of the month's
 * last day (or today while it runs). One draft per plan and month; after a month's bulletin is
 * issued, generating again opens the next revision.
 */
export async function createBulletin(ctx: Context, input: CreateBulletinInput): Promise<DraftResult> {
  const { plan, span, content } = await composeDraft(ctx, input.planId, input.month);
  return write(ctx, async (trx, at) => {
    const { draftId, maxRevision } = await monthRevisions(trx, plan.id, input.month);
    if (draftId !== null)
      throw new AppError('CONFLICT', M.draftExists(monthLabel(input.month)), { bulletinId: draftId });
    const revision = maxRevision + 1;
    const id = await insertBulletin(trx, {
      organizationId: plan.organization_id,
      planId: plan.id,
      month: input.month,
      revision,
      asOf: span.asOf,
      content: JSON.stringify(content),
      userId: ctx.actor.userId,
      at,
    });
    return {
      result: { id, revision, version: 1 },
      audit: [
        {
          action: 'bulletin.create',
          entityType: 'bulletin',
          entityId: id,
          after: { planId: plan.id, month: input.month, revision, asOf: span.asOf },
        },
      ],
    };
  });
}

/** Regenerates a draft's facts and text from today's data, replacing the supervisor's edits. */
export async function regenerateBulletin(
  ctx: Context,
  input: { bulletinId: number; version: number },
): Promise<DraftResult> {
  const row = await requireWritableBulletin(ctx.db, ctx.actor, input.bulletinId);
  if (row.state !== 'draft') throw new AppError('CONFLICT', M.issuedFrozen);
  const { span, content } = await composeDraft(ctx, row.planId, row.month);
  return write(ctx, async (trx, at) => {
    assertUpdated(
      await updateDraftContent(trx, {
        id: row.id,
        version: input.version,
        content: JSON.stringify(content),
        asOf: span.asOf,
        userId: ctx.actor.userId,
        at,
      }),
      '通报草稿',
    );
    return {
      result: { id: row.id, revision: row.revision, version: input.version + 1 },
      audit: [
        {
          action: 'bulletin.regenerate',
          entityType: 'bulletin',
          entityId: row.id,
          after: { asOf: span.asOf },
        },
      ],
    };
  });
}
