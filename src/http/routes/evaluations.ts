import { z } from 'zod';
import { addAdjustment } from '../../domain/evaluation/add-adjustment.ts';
import { deleteAdjustment } from '../../domain/evaluation/delete-adjustment.ts';
import { exportEvaluation } from '../../domain/evaluation/export-evaluation.ts';
import { getEvaluation } from '../../domain/evaluation/get-evaluation.ts';
import { lockEvaluation } from '../../domain/evaluation/lock-evaluation.ts';
import { saveRubric } from '../../domain/evaluation/save-rubric.ts';
import { adjustmentSchema, lockSchema, rubricSchema } from '../../shared/evaluations.ts';
import { defineRoute, idParams, type Route } from '../route.ts';
import { contentDisposition } from '../uploads.ts';

const TAG = '年终考核';

const adjustmentParams = z.object({
  id: z.coerce.number().int().positive(),
  adjustmentId: z.coerce.number().int().positive(),
});

const MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

function exportRoute(format: 'xlsx' | 'docx'): Route {
  return defineRoute({
    method: 'GET',
    url: `/api/plans/:id/evaluation/${format}`,
    summary: `导出年终考核结果（${format === 'xlsx' ? 'Excel：考核排名、计算明细、考核规则与说明' : 'Word：公文格式，排名表与计算明细'}；督办人员、管理员、局领导、查看人员）`,
    tag: TAG,
    auth: true,
    params: idParams,
    handler: async ({ ctx, params, reply }) => {
      const file = await exportEvaluation(ctx, params.id, format);
      reply
        .header('content-type', MEDIA_TYPES[format])
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff');
      return reply.send(Buffer.from(file.bytes));
    },
  });
}

/**
 * Year-end evaluation (年终考核). Supervisors and admins edit the rubric and bonus/penalty entries
 * and lock; leaders and viewers read every unit; department and school users read their own line.
 */
export const evaluationRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/plans/:id/evaluation',
    summary:
      '年终考核：考核规则、加减分、股室和学校的得分、名次与逐行计算过程（锁定后为发布时的结果）；股室和学校只看到本单位',
    tag: TAG,
    auth: true,
    params: idParams,
    handler: async ({ ctx, params }) => getEvaluation(ctx, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/plans/:id/evaluation/rubric',
    summary: '修改考核规则（督办人员；三项权重之和须为 100；锁定后不能修改；记入操作记录）',
    tag: TAG,
    auth: true,
    params: idParams,
    body: rubricSchema,
    handler: async ({ ctx, params, body }) => saveRubric(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/plans/:id/evaluation/adjustments',
    summary: '添加加分或减分（督办人员；单位、分值、理由必填；锁定后不能添加；记入操作记录）',
    tag: TAG,
    auth: true,
    params: idParams,
    body: adjustmentSchema,
    status: 201,
    handler: async ({ ctx, params, body }) => addAdjustment(ctx, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/plans/:id/evaluation/adjustments/:adjustmentId',
    summary: '删除一条加减分（督办人员；锁定后不能删除；记入操作记录）',
    tag: TAG,
    auth: true,
    params: adjustmentParams,
    status: 204,
    handler: async ({ ctx, params }) => {
      await deleteAdjustment(ctx, params.id, params.adjustmentId);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/plans/:id/evaluation/lock',
    summary: '发布并锁定年终考核（督办人员；须 confirm: true；保存全部计算过程，此后结果不再变化，不可解锁）',
    tag: TAG,
    auth: true,
    params: idParams,
    body: lockSchema,
    handler: async ({ ctx, params }) => lockEvaluation(ctx, params.id),
  }),
  exportRoute('xlsx'),
  exportRoute('docx'),
];
