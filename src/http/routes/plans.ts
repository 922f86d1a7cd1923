import { z } from 'zod';
import { requirePermission } from '../../domain/accounts/permissions.ts';
import { AppError } from '../../domain/errors.ts';
import { getPlanTreeJson } from '../../domain/get-plan-tree.ts';
import { importNotice } from '../../domain/import-notice.ts';
import { listPlans } from '../../domain/list-plans.ts';
import { publishPlan } from '../../domain/publish-plan.ts';
import { nameMappingSchema, publishPlanSchema } from '../../shared/import.ts';
import { sendCachedJson } from '../cached-json.ts';
import { readForm } from '../form-input.ts';
import { defineRoute, idParams, type Route } from '../route.ts';
import { uploadedNoticeFailure } from './notices.ts';

// Multipart fields are strings, so JSON-valued fields arrive as text and are parsed here.
const jsonField = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }, schema);

const importFields = z.object({
  text: z.string().min(1).max(2_000_000).optional(),
  fileName: z.string().max(200).optional(),
  /** Per unknown department name: a unit id (recorded as an alias), "create", "create_school" or {aliasOf: another name}. */
  mapping: jsonField(nameMappingSchema).optional(),
  createUnits: jsonField(z.boolean()).optional(),
});

/** Importing, publishing and reading plans. */
export const planRoutes: Route[] = [
  defineRoute({
    method: 'POST',
    url: '/api/plans',
    summary: '导入通知为工作要点草稿（上传文件 file 或 JSON {text}，可带名称映射 mapping），返回草稿 id',
    tag: '工作要点',
    auth: true,
    status: 201,
    multipart: {
      file: '通知文件（.docx、.doc、.wps、.ofd、.pdf、扫描件或照片、.txt；按内容识别类型）',
      text: '或：通知正文',
      mapping:
        'JSON：未知单位名称 → 已有单位 id、"create"（新建股室）、"create_school"（新建学校）或 {"aliasOf": 本通知中的另一名称}（并入该单位，记为别名）',
      createUnits: 'true 时把所有未知名称建为股室',
    },
    handler: async ({ ctx, request }) => {
      requirePermission(ctx.actor, 'plans.import');
      const { fields, files } = await readForm(request, importFields);
      const file = files.find((f) => f.field === 'file');
      const options = { createUnits: fields.createUnits ?? false, mapping: fields.mapping };
      if (!file && !fields.text) {
        throw new AppError('INVALID_INPUT', '请上传通知文件（字段 file）或粘贴通知正文（字段 text）。', {
          field: 'text',
        });
      }
      const source = file
        ? { bytes: file.bytes, fileName: file.fileName }
        : { text: fields.text ?? '', fileName: fields.fileName };
      // The import reads and parses the file or pasted text in the parse sandbox: past its limits 413,
      // a full sandbox 429.
      const result = await (async () => {
        try {
          return await importNotice(ctx, source, options);
        } catch (error) {
          throw uploadedNoticeFailure(error);
        }
      })();
      return { id: result.planId, ...result };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/plans/:id/publish',
    summary:
      '发布工作要点：按要点和指标生成任务并分解交办。已发布过同一文号（无文号时同名同年度）的工作要点时答 409，details.existingPlan 为原工作要点；带 replace: true 则关闭原工作要点后发布',
    tag: '工作要点',
    auth: true,
    params: idParams,
    body: publishPlanSchema.optional(),
    handler: async ({ ctx, params, body }) => {
      return publishPlan(ctx, { planId: params.id, version: body?.version, replace: body?.replace });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/plans',
    summary: '工作要点列表（本单位）',
    tag: '工作要点',
    auth: true,
    handler: async ({ ctx }) => ({ plans: await listPlans(ctx) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/plans/:id',
    summary: '工作要点树：部分 → 要点（亮灯、原因、进度、责任领导、责任股室）→ 任务 → 指标；只含可见的任务',
    tag: '工作要点',
    auth: true,
    params: idParams,
    query: z.object({ asOf: z.iso.date().optional().describe('按哪一天计算亮灯（默认今天）') }),
    handler: async ({ ctx, params, query, request, reply }) =>
      sendCachedJson(request, reply, await getPlanTreeJson(ctx, { planId: params.id, asOf: query.asOf })),
  }),
];
