import { z } from 'zod';
import { requirePermission } from '../../domain/accounts/permissions.ts';
import { AppError } from '../../domain/errors.ts';
import { exportLedger } from '../../domain/ledger/export-ledger.ts';
import { importDecomposition } from '../../domain/ledger/import-decomposition.ts';
import { ledgerMessages } from '../../domain/ledger/messages.ts';
import {
  type DecompositionFile,
  previewDecomposition,
  requireImportablePlan,
} from '../../domain/ledger/preview-decomposition.ts';
import { confirmDecompositionFields, MAX_DECOMPOSITION_BYTES } from '../../shared/ledgers.ts';
import { readForm } from '../form-input.ts';
import { defineRoute, idParams, type Route } from '../route.ts';
import { contentDisposition, type UploadedFile } from '../uploads.ts';

const TAG = '台账';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The sniffer calls an .xlsx a spreadsheet, or a plain zip when its entries are not where it looks;
// both go on to the workbook reader, which refuses a zip that is not a workbook in its own words.
function decompositionFile(files: UploadedFile[]): DecompositionFile {
  const file = files[0];
  if (!file) throw new AppError('INVALID_INPUT', '请上传任务分解表（.xlsx）。', { field: 'file' });
  if (file.bytes.length > MAX_DECOMPOSITION_BYTES) {
    throw new AppError('TOO_LARGE', ledgerMessages.tooLarge(MAX_DECOMPOSITION_BYTES / 1024 / 1024), {
      field: 'file',
    });
  }
  if (file.mediaType !== XLSX && file.mediaType !== 'application/zip') {
    throw new AppError('UNSUPPORTED_TYPE', ledgerMessages.notXlsx(file.fileName), { field: 'file' });
  }
  return { bytes: file.bytes, fileName: file.fileName };
}

/** Ledgers (台账): the .xlsx export of a plan and the task-decomposition import from .xlsx. */
export const ledgerRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/plans/:id/ledger.xlsx',
    summary:
      '导出台账（.xlsx）：总台账每个任务一行（部分、要点、任务、牵头和配合单位、责任领导、指标及进展、亮灯及原因、最新填报及日期、审核状态），另有每个股室、每所学校一张表；只含本人可见的任务',
    tag: TAG,
    auth: true,
    params: idParams,
    query: z.object({ asOf: z.iso.date({ error: '截至日期应为 YYYY-MM-DD' }).optional() }),
    handler: async ({ ctx, params, query, reply }) => {
      requirePermission(ctx.actor, 'plans.read');
      const file = await exportLedger(ctx, { planId: params.id, asOf: query.asOf });
      reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff');
      return reply.send(Buffer.from(file.bytes));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/plans/:id/decomposition/preview',
    summary:
      '预览导入任务分解（督办人员，上传 .xlsx）：新增、变更（前 → 后）、不变的任务，无法读取的行及原因，文件中没有的任务（保持不变）；不写入任何数据',
    tag: TAG,
    auth: true,
    params: idParams,
    multipart: {
      file: '任务分解表（.xlsx），列：要点序号、任务内容、牵头单位、配合单位、完成时限（可带任务编号）',
    },
    handler: async ({ ctx, params, request }) => {
      await requireImportablePlan(ctx, ctx.db, params.id);
      const { files } = await readForm(request, z.object({}));
      return previewDecomposition(ctx, { planId: params.id, file: decompositionFile(files) });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/plans/:id/decomposition',
    summary:
      '确认导入任务分解（督办人员）：再次上传同一文件并带上预览的 digest；有无法读取的行时须 skipUnreadable=true。预览后文件或任务有变动则拒绝（409）',
    tag: TAG,
    auth: true,
    params: idParams,
    multipart: {
      file: '与预览相同的任务分解表（.xlsx）',
      digest: '预览返回的 digest',
      skipUnreadable: 'true：跳过无法读取的行，只导入可读取的行',
    },
    handler: async ({ ctx, params, request }) => {
      await requireImportablePlan(ctx, ctx.db, params.id);
      const { fields, files } = await readForm(request, confirmDecompositionFields);
      return importDecomposition(ctx, {
        planId: params.id,
        file: decompositionFile(files),
        digest: fields.digest,
        skipUnreadable: fields.skipUnreadable,
      });
    },
  }),
];
