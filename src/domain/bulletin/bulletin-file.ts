import { readBlob } from '../../db/queries/blobs.ts';
import type { BulletinRow } from '../../db/queries/bulletins.ts';
import { writeBulletinDocx } from '../../documents/bulletin-docx.ts';
import { requireReadableBulletin } from '../../policies/bulletins.ts';
import { monthLabel } from '../../shared/bulletins.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { contentOf } from './bulletin-view.ts';
import { bulletinMessages as M } from './messages.ts';

/** The file name of a bulletin: 2024年6月工作通报.docx, with its revision and 草稿 as needed. */
export function bulletinFileName(
  row: Pick<BulletinRow, 'month' | 'revision'>,
  state: 'draft' | 'issued',
): string {
  const revision = row.revision > 1 ? `（第${row.revision}版）` : '';
  return `${monthLabel(row.month)}工作通报${revision}${state === 'draft' ? '（草稿）' : ''}.docx`;
}

/**
 * The .docx of a bulletin: an issued one's exact stored file; a draft's written now from its
 * current text (the preview), dated as it stands.
 */
export async function getBulletinFile(
  ctx: Context,
  bulletinId: number,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const row = await requireReadableBulletin(ctx.db, ctx.actor, bulletinId);
  if (row.state === 'draft') {
    return { fileName: bulletinFileName(row, 'draft'), bytes: await writeBulletinDocx(contentOf(row)) };
  }
  const bytes = row.fileSha256 ? await readBlob(ctx.db, row.fileSha256) : undefined;
  if (!bytes) throw new AppError('NOT_FOUND', M.fileMissing, { bulletinId });
  return { fileName: row.fileName ?? bulletinFileName(row, 'issued'), bytes };
}
