import type { BulletinRow } from '../../db/queries/bulletins.ts';
import { mayEditBulletin } from '../../policies/bulletins.ts';
import type { BulletinContent, BulletinDetail, BulletinView } from '../../shared/bulletins.ts';
import type { Actor } from '../context.ts';

/** A row as the list shows it. */
export function bulletinView(row: BulletinRow): BulletinView {
  const { content, organizationId: _org, ...rest } = row;
  return { ...rest, title: contentOf(row).title };
}

/** A row with its content and whether the actor may still edit it. */
export function bulletinDetail(row: BulletinRow, actor: Actor): BulletinDetail {
  return { ...bulletinView(row), content: contentOf(row), canEdit: mayEditBulletin(actor, row) };
}

/** The stored content of a bulletin. */
export function contentOf(row: Pick<BulletinRow, 'content'>): BulletinContent {
  return JSON.parse(row.content) as BulletinContent;
}
