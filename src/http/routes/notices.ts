import { z } from 'zod';
import { requirePermission } from '../../domain/accounts/permissions.ts';
import { previewNotice } from '../../domain/draft/preview-notice.ts';
import { AppError, isAppError } from '../../domain/errors.ts';
import { noticeReadFailure } from '../../domain/import/notice-read-failure.ts';
import { NoticeReadError, parseTextInSandbox, readAndParseNotice } from '../../notice/read-notice.ts';
import type { ParsedNotice } from '../../notice/types.ts';
import { readForm } from '../form-input.ts';
import { defineRoute, type Route } from '../route.ts';

/** Notice text as pasted, or (multipart) the uploaded file. */
export const noticeSourceFields = z.object({ text: z.string().min(1).max(2_000_000).optional() });

/**
 * The notice of a request, read and parsed in the parse sandbox (a child process with bounded
 * memory and time): the `file` part read by sniffing its bytes, or the pasted text.
 */
export async function noticeText(
  request: Parameters<typeof readForm>[0],
): Promise<{ text: string; parsed: ParsedNotice; file?: { bytes: Uint8Array; fileName: string } }> {
  const { fields, files } = await readForm(request, noticeSourceFields.passthrough());
  const file = files.find((f) => f.field === 'file');
  if (!file && !fields.text)
    throw new AppError('INVALID_INPUT', '请上传通知文件（字段 file）或粘贴通知正文（字段 text）。', {
      field: 'text',
    });
  try {
    if (file) return { ...(await readAndParseNotice(file.bytes)), file };
    const text = fields.text ?? '';
    return { text, parsed: await parseTextInSandbox(text) };
  } catch (error) {
    throw uploadedNoticeFailure(error);
  }
}

/**
 * Turns a failure to read or parse an uploaded notice into the HTTP-facing AppError: the sandbox
 * being full becomes 429 with a retry hint, a file past the sandbox's limits 413, the readers' other
 * refusals what the domain maps them to (noticeReadFailure). Anything else is passed on unchanged.
 */
export function uploadedNoticeFailure(error: unknown): unknown {
  const reason =
    error instanceof NoticeReadError
      ? error.code
      : isAppError(error) && typeof error.details.reason === 'string'
        ? error.details.reason
        : undefined;
  const message = error instanceof Error ? error.message : '';
  if (reason === 'BUSY') {
    const retryAfterSeconds = error instanceof NoticeReadError ? (error.retryAfterSeconds ?? 5) : 5;
    return new AppError('RATE_LIMITED', message, { reason, retryAfterSeconds });
  }
  if (reason === 'TOO_COMPLEX' || reason === 'PDF_TOO_COMPLEX')
    return new AppError('TOO_LARGE', message, { reason });
  return error instanceof NoticeReadError ? noticeReadFailure(error) : error;
}

/** Parsing a notice without saving anything. */
export const noticeRoutes: Route[] = [
  defineRoute({
    method: 'POST',
    url: '/api/notices/parse',
    summary:
      '解析通知（上传文件字段 file，或 JSON {text}），返回解析结果、警告、原文 text、名称核对 names 和高亮位置 spans；不保存任何内容。需要导入权限；文件在资源受限的子进程中解析，超出限制答 413，解析任务繁忙答 429',
    tag: '工作要点',
    auth: true,
    multipart: {
      file: '通知文件（.docx、.doc、.wps、.ofd、.pdf、扫描件或照片、.txt；按内容识别类型）',
      text: '或：通知正文',
    },
    handler: async ({ ctx, request }) => {
      // Checked before the body is read: only those who may import spend the server's parsing.
      requirePermission(ctx.actor, 'plans.import');
      const { text, parsed } = await noticeText(request);
      return previewNotice(ctx, text, parsed);
    },
  }),
];
