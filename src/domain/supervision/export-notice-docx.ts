import { writeNoticeDocx } from '../../documents/supervision-notice-docx.ts';
import { type Context, shanghaiDate } from '../context.ts';
import { getNotice } from './list-notices.ts';

/** The printable .docx of a notice the actor may see, named by its number. */
export async function exportNoticeDocx(
  ctx: Context,
  noticeId: number,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const notice = await getNotice(ctx, noticeId);
  const bytes = await writeNoticeDocx(notice, shanghaiDate(new Date(notice.createdAt)));
  return { fileName: `${notice.number}.docx`, bytes };
}
