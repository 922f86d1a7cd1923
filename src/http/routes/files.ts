import { z } from 'zod';
import { getEvidenceFile } from '../../domain/get-evidence-file.ts';
import { defineRoute, idParams, type Route } from '../route.ts';
import { contentDisposition } from '../uploads.ts';

// Types a browser shows without running anything of the file's own: these alone may be previewed
// inline. Everything else (HTML, SVG, office documents, text) is always a download.
const PREVIEWABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']);

/** Downloading evidence files (佐证材料). */
export const fileRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/files/:id',
    summary:
      '下载佐证材料（保留原中文文件名）；inline=1 时图片和 PDF 在页面内预览，其他类型仍为下载；无权查看的文件返回 404',
    tag: '任务',
    auth: true,
    params: idParams,
    query: z.object({
      inline: z.enum(['0', '1']).optional().describe('1：图片和 PDF 在本站页面内预览（其他类型仍下载）'),
    }),
    handler: async ({ ctx, params, query, reply }) => {
      const file = await getEvidenceFile(ctx, { evidenceId: params.id });
      const inline = query.inline === '1' && PREVIEWABLE.has(file.mediaType);
      const disposition = contentDisposition(file.fileName);
      // The sniffed type and nosniff always, so an upload never renders as a page. Only a previewable
      // file shown inline may be framed, and only by this site's own pages (the PDF preview dialog).
      reply
        .header(
          'content-type',
          file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType,
        )
        .header('content-disposition', inline ? disposition.replace(/^attachment/, 'inline') : disposition)
        .header('x-content-type-options', 'nosniff');
      if (inline) reply.header('x-frame-options', 'SAMEORIGIN');
      return reply.send(Buffer.from(file.bytes));
    },
  }),
];
