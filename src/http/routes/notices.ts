import { z } from 'zod';
import { previewNotice } from '../../domain/draft/preview-notice.ts';
import { AppError } from '../../domain/errors.ts';
import { noticeReadFailure } from '../../domain/import/notice-read-failure.ts';
import { readNotice } from '../../notice/read-notice.ts';
import { readForm } from '../form-input.ts';
import { defineRoute, type Route } from '../route.ts';

/** Notice text as pasted, or (multipart) the uploaded file. */
export const noticeSourceFields = z.object({ text: z.string().min(1).max(2_000_000).optional() });

/** The notice text of a request: the `file` part read by sniffing its bytes, or the pasted text. */
export async function noticeText(
  request: Parameters<typeof readForm>[0],
): Promise<{ text: string; file?: { bytes: Uint8Array; fileName: string } }> {
  const { fields, files } = await readForm(request, noticeSourceFields.passthrough());
  const file = files.find((f) => f.field === 'file');
  if (file) {
    try {
      return { text: await readNotice(file.bytes, file.fileName), file };
    } catch (error) {
      throw noticeReadFailure(error);
    }
  }
  if (!fields.text)
    throw new AppError('INVALID_INPUT', '请上传通知文件（字段 file）或粘贴通知正文（字段 text）。', {
      field: 'text',
    });
  return { text: fields.text };
}

/** Parsing a notice without saving anything. */
export const noticeRoutes: Route[] = [
  defineRoute({
    method: 'POST',
    url: '/api/notices/parse',
    summary:
      '解析通知（上传文件字段 file，或 JSON {text}），返回解析结果、警告、原文 text、名称核对 names 和高亮位置 spans；不保存任何内容',
    tag: '工作要点',
    auth: true,
    multipart: { file: '通知文件（.docx、.pdf、.txt；按内容识别类型）', text: '或：通知正文' },
    handler: async ({ ctx, request }) => previewNotice(ctx, (await noticeText(request)).text),
  }),
];
