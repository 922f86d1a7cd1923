import { createHash } from 'node:crypto';
import { storeBlob } from '../../db/queries/blobs.ts';
import { markBulletinIssued } from '../../db/queries/bulletins.ts';
import { writeBulletinDocx } from '../../documents/bulletin-docx.ts';
import { requireWritableBulletin } from '../../policies/bulletins.ts';
import { type Context, shanghaiToday } from '../context.ts';
import { AppError } from '../errors.ts';
import { assertUpdated, write } from '../write.ts';
import { bulletinFileName } from './bulletin-file.ts';
import { contentOf } from './bulletin-view.ts';
import { bulletinMessages as M } from './messages.ts';

/**
 * A supervisor issues (签发) a draft: it is dated today, written as .docx once, and that exact file
 * is kept with who issued it and when; the bulletin is frozen from then on.
 */
export async function issueBulletin(
  ctx: Context,
  input: { bulletinId: number; version: number },
): Promise<{ id: number; version: number; fileName: string; sha256: string }> {
  const row = await requireWritableBulletin(ctx.db, ctx.actor, input.bulletinId);
  if (row.state !== 'draft') throw new AppError('CONFLICT', M.issuedFrozen);
  const content = { ...contentOf(row), signedOn: shanghaiToday(ctx) };
  const bytes = await writeBulletinDocx(content);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fileName = bulletinFileName(row, 'issued');
  return write(ctx, async (trx, at) => {
    await storeBlob(trx, { sha256, size: bytes.length, content: bytes });
    assertUpdated(
      await markBulletinIssued(trx, {
        id: row.id,
        version: input.version,
        content: JSON.stringify(content),
        userId: ctx.actor.userId,
        label: ctx.actor.label,
        at,
        file: { sha256, name: fileName, size: bytes.length },
      }),
      '通报草稿',
    );
    return {
      result: { id: row.id, version: input.version + 1, fileName, sha256 },
      audit: [
        {
          action: 'bulletin.issue',
          entityType: 'bulletin',
          entityId: row.id,
          after: { month: row.month, revision: row.revision, sha256, fileName, size: bytes.length },
        },
      ],
    };
  });
}
