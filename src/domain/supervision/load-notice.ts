import type { Kysely } from 'kysely';
import { findVisibleNotice, type NoticeRow } from '../../db/queries/supervision-notices.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';
import { supervisionMessages as M } from './messages.ts';

/** Loads a notice the actor may see, or throws NOT_FOUND: a notice not addressed to one's unit does not exist for them. */
export async function requireVisibleNotice(db: Kysely<DB>, actor: Actor, id: number): Promise<NoticeRow> {
  const row = await findVisibleNotice(db, actor, id);
  if (!row) throw new AppError('NOT_FOUND', M.noticeNotFound, { noticeId: id });
  return row;
}
