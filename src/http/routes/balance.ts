import { z } from 'zod';
import { createCollectionForm, listCollectionForms } from '../../domain/balance/collection-forms.ts';
import { importRoundSheet } from '../../domain/balance/import-round-sheet.ts';
import { lockRound } from '../../domain/balance/lock-round.ts';
import { balanceMessages } from '../../domain/balance/messages.ts';
import { reviewRow } from '../../domain/balance/review-row.ts';
import {
  exportRoundWorkbook,
  getBalanceTrend,
  getRoundMonitor,
  getRowFile,
  roundTemplate,
  tryWhatIf,
} from '../../domain/balance/round-monitor.ts';
import {
  getRound,
  listCollectionRounds,
  openRound,
  requireRound,
  suggestRoundTask,
} from '../../domain/balance/rounds.ts';
import { saveSchoolRows } from '../../domain/balance/save-school-rows.ts';
import { AppError } from '../../domain/errors.ts';
import { requireRoundManager } from '../../policies/balance.ts';
import {
  newFormSchema,
  newRoundSchema,
  reviewRowSchema,
  saveRowsSchema,
  whatIfSchema,
} from '../../shared/balance.ts';
import { invalidInputFrom } from '../errors.ts';
import { defineRoute, idParams, type Route } from '../route.ts';
import { contentDisposition, readMultipart } from '../uploads.ts';

const tag = '数据填报与均衡监测';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendFile(
  reply: Parameters<Parameters<typeof defineRoute>[0]['handler']>[0]['reply'],
  file: { fileName: string; bytes: Uint8Array; mediaType?: string },
) {
  reply
    .header('content-type', file.mediaType ?? XLSX)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff');
  return reply.send(Buffer.from(file.bytes));
}

/** School data collection (一表通) and the balance monitor (差异系数). */
export const balanceRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/balance/forms',
    summary: '填报表单：内置的义务教育优质均衡资源配置七项指标表（首次使用时建立）和本局自定义的表单',
    tag,
    auth: true,
    handler: async ({ ctx }) => ({ forms: await listCollectionForms(ctx) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/balance/forms',
    summary: '新建填报表单（督办人员）：字段代码、名称、单位、是否整数、最小最大值、是否必填；可按学段分行',
    tag,
    auth: true,
    body: newFormSchema,
    status: 201,
    handler: async ({ ctx, body }) => createCollectionForm(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/balance/rounds',
    summary:
      '填报轮次（新的在前）：进度（未提交、待审核、已退回、已通过）；已锁定的七项指标轮次附监测结论。学校只看到本校的进度',
    tag,
    auth: true,
    handler: async ({ ctx }) => ({ rounds: await listCollectionRounds(ctx) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/balance/rounds',
    summary:
      '发起填报轮次（督办人员）：表单、名称（如 2024年秋季学期）、截止日期，可关联工作任务（锁定时在该任务登记完成记录）',
    tag,
    auth: true,
    body: newRoundSchema,
    status: 201,
    handler: async ({ ctx, body }) => openRound(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/balance/task-suggestion',
    summary: '发起七项指标填报轮次时建议关联的工作任务：最新已发布要点中提到“差异系数”的任务（督办人员）',
    tag,
    auth: true,
    handler: async ({ ctx }) => ({ task: await suggestRoundTask(ctx) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/balance/rounds/:id',
    summary: '填报轮次详情：表单、各校数据（学校只看本校，并附上一轮数据供预填）、未填报学校、可做的操作',
    tag,
    auth: true,
    params: idParams,
    handler: async ({ ctx, params }) => getRound(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/balance/rounds/:id/rows',
    summary:
      '学校填报本校数据：data 为 JSON（rows：每个学段一行的数值，submit：是否提交审核），file 为佐证材料（可选）',
    tag,
    auth: true,
    params: idParams,
    multipart: {
      data: 'JSON：{"rows":[{"stage":"primary","values":{…}}],"submit":true}',
      file: '佐证材料（可选）',
    },
    handler: async ({ ctx, params, request }) => {
      const { fields, files } = request.isMultipart()
        ? await readMultipart(request)
        : { fields: { data: JSON.stringify(request.body ?? {}) }, files: [] };
      let data: unknown;
      try {
        data = JSON.parse(fields.data ?? '');
      } catch {
        throw new AppError('INVALID_INPUT', '填报数据格式不正确，请刷新页面后重试', { field: 'data' });
      }
      const parsed = saveRowsSchema.safeParse(data);
      if (!parsed.success) throw invalidInputFrom(parsed.error, 'body');
      const file = files[0];
      return saveSchoolRows(ctx, {
        ...parsed.data,
        roundId: params.id,
        ...(file ? { file: { fileName: file.fileName, mediaType: file.mediaType, bytes: file.bytes } } : {}),
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/balance/rows/:id/review',
    summary:
      '审核一行填报数据（督办人员）：decision 为 accept（通过）或 return（退回，须写明原因，学校将收到通知）',
    tag,
    auth: true,
    params: idParams,
    body: reviewRowSchema,
    handler: async ({ ctx, params, body }) => reviewRow(ctx, { ...body, rowId: params.id }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/balance/rows/:id/file',
    summary: '下载一行填报数据的佐证材料（本局读者或填报的学校）',
    tag,
    auth: true,
    params: idParams,
    handler: async ({ ctx, params, reply }) => sendFile(reply, await getRowFile(ctx, params.id)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/balance/rounds/:id/lock',
    summary:
      '锁定填报轮次（督办人员）：学校不能再修改；仍有未审核通过的数据时须 force=true；关联工作任务的七项指标轮次在该任务登记完成记录并附计算表',
    tag,
    auth: true,
    params: idParams,
    body: z.object({ force: z.boolean().default(false) }),
    handler: async ({ ctx, params, body }) => lockRound(ctx, { roundId: params.id, force: body.force }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/balance/rounds/:id/template.xlsx',
    summary: '下载填报模板（.xlsx）：每所学校每个学段一行，已填报的数据预先填好',
    tag,
    auth: true,
    params: idParams,
    handler: async ({ ctx, params, reply }) => sendFile(reply, await roundTemplate(ctx, params.id)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/balance/rounds/:id/import',
    summary:
      '导入各校数据（督办人员，上传填报模板 .xlsx）：整张表无误才写入，导入的数据视为审核通过；有错误时返回每处错误的行号、列名和原因，不写入任何数据',
    tag,
    auth: true,
    params: idParams,
    multipart: { file: '填报模板（.xlsx）' },
    handler: async ({ ctx, params, request }) => {
      // Who may import, and whether the round is theirs, before the upload is read.
      requireRoundManager(ctx.actor);
      await requireRound(ctx, params.id);
      const { files } = await readMultipart(request);
      const file = files[0];
      if (!file) throw new AppError('INVALID_INPUT', balanceMessages.sheetMissing, { field: 'file' });
      const { imported } = await importRoundSheet(ctx, { roundId: params.id, bytes: file.bytes });
      return { imported, round: (await getRound(ctx, params.id)).round };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/balance/rounds/:id/monitor',
    summary:
      '均衡监测结果：各学段七项指标的加权平均值、差异系数与标准、低于标准的学校；各校达标情况（至少6项达标且其余不低于85%）；制约优质均衡的指标。锁定前按已提交数据计算',
    tag,
    auth: true,
    params: idParams,
    handler: async ({ ctx, params }) => getRoundMonitor(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/balance/rounds/:id/what-if',
    summary: '试算（不保存）：如“某校新增骨干教师2人”，返回变化前后的监测结果',
    tag,
    auth: true,
    params: idParams,
    body: whatIfSchema,
    handler: async ({ ctx, params, body }) => tryWhatIf(ctx, { roundId: params.id, changes: body.changes }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/balance/rounds/:id/export.xlsx',
    summary: '导出差异系数计算表（.xlsx）：汇总、小学和初中计算表、原始数据',
    tag,
    auth: true,
    params: idParams,
    handler: async ({ ctx, params, reply }) => sendFile(reply, await exportRoundWorkbook(ctx, params.id)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/balance/trend',
    summary: '各轮次差异系数变化：每个学段每项指标一条线（旧的轮次在前）',
    tag,
    auth: true,
    handler: async ({ ctx }) => getBalanceTrend(ctx),
  }),
];
