import { listBulletins as listRows } from '../../db/queries/bulletins.ts';
import { requireBulletinReader, requireReadableBulletin } from '../../policies/bulletins.ts';
import type { BulletinDetail, BulletinView } from '../../shared/bulletins.ts';
import type { Context } from '../context.ts';
import { bulletinDetail, bulletinView } from './bulletin-view.ts';

/** The organization's bulletins the actor may read (drafts only for supervisors), newest month first. */
export async function listBulletins(ctx: Context, filter: { planId?: number }): Promise<BulletinView[]> {
  const { drafts, childrenIssued } = requireBulletinReader(ctx.actor);
  const rows = await listRows(ctx.db, ctx.actor.organizationId, {
    planId: filter.planId,
    issuedOnly: !drafts,
    childrenIssued,
  });
  return rows.map(bulletinView);
}

/** One bulletin with its content and whether the actor may still edit it. */
export async function getBulletin(ctx: Context, bulletinId: number): Promise<BulletinDetail> {
  return bulletinDetail(await requireReadableBulletin(ctx.db, ctx.actor, bulletinId), ctx.actor);
}
