import type { Kysely } from 'kysely';
import { type BulletinRow, findBulletin } from '../../db/queries/bulletins.ts';
import type { DB } from '../../db/schema.ts';
import type { BulletinContent, BulletinDetail, BulletinView } from '../../shared/bulletins.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';
import { isSupervisorOf } from '../task-access.ts';
import { bulletinMessages as M } from './messages.ts';

// Who may do what with bulletins: supervisors and admins of the organization write and read all;
// leaders and viewers read issued ones; department and school users do not read bulletins here
// (the bulletin reaches them as the issued document).

/** Whether the actor writes bulletins (generate, edit, issue) in their organization. */
export function writesBulletins(actor: Actor): boolean {
  return isSupervisorOf(actor, actor.organizationId);
}

/** Throws FORBIDDEN unless the actor writes bulletins. */
export function requireBulletinWriter(actor: Actor): void {
  if (!writesBulletins(actor)) throw new AppError('FORBIDDEN', M.supervisorOnly);
}

/** Throws FORBIDDEN unless the actor reads bulletins at all; says whether they read drafts too. */
export function requireBulletinReader(actor: Actor): { drafts: boolean } {
  if (writesBulletins(actor)) return { drafts: true };
  if (actor.roles.some((r) => r === 'leader' || r === 'viewer')) return { drafts: false };
  throw new AppError('FORBIDDEN', M.readersOnly);
}

/** Loads a bulletin the actor may read; a draft does not exist for a reader of issued ones. */
export async function requireReadableBulletin(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
): Promise<BulletinRow> {
  const { drafts } = requireBulletinReader(actor);
  const row = await findBulletin(db, actor.organizationId, id);
  if (!row || (!drafts && row.state !== 'issued'))
    throw new AppError('NOT_FOUND', M.notFound, { bulletinId: id });
  return row;
}

/** A row as the list shows it. */
export function bulletinView(row: BulletinRow): BulletinView {
  const { content, organizationId: _org, ...rest } = row;
  return { ...rest, title: contentOf(row).title };
}

/** A row with its content and whether the actor may still edit it. */
export function bulletinDetail(row: BulletinRow, actor: Actor): BulletinDetail {
  return {
    ...bulletinView(row),
    content: contentOf(row),
    canEdit: row.state === 'draft' && writesBulletins(actor),
  };
}

/** The stored content of a bulletin. */
export function contentOf(row: Pick<BulletinRow, 'content'>): BulletinContent {
  return JSON.parse(row.content) as BulletinContent;
}
