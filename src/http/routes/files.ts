import { getEvidenceFile } from '../../domain/get-evidence-file.ts';
import { defineRoute, idParams, type Route } from '../route.ts';
import { contentDisposition } from '../uploads.ts';

/** Downloading evidence files (佐证材料). */
export const fileRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/files/:id',
    summary: '下载佐证材料（保留原中文文件名）；无权查看的文件返回 404',
    tag: '任务',
    auth: true,
    params: idParams,
    handler: async ({ ctx, params, reply }) => {
      const file = await getEvidenceFile(ctx, { evidenceId: params.id });
      // Always an attachment with the sniffed type and nosniff, so an upload never renders as a page.
      return reply
        .header(
          'content-type',
          file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType,
        )
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.bytes));
    },
  }),
];
