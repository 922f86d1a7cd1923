import { z } from 'zod';
import { assignFinding } from '../../domain/findings/assign-finding.ts';
import { escalateFinding } from '../../domain/findings/escalate-finding.ts';
import { fileInspection } from '../../domain/findings/file-inspection.ts';
import { getFinding } from '../../domain/findings/get-finding.ts';
import { listFindings } from '../../domain/findings/list-findings.ts';
import { listMonthInspections } from '../../domain/findings/list-inspections.ts';
import { recordFinding } from '../../domain/findings/record-finding.ts';
import { rectifyFinding } from '../../domain/findings/rectify-finding.ts';
import { verifyFinding } from '../../domain/findings/verify-finding.ts';
import {
  assignFindingSchema,
  escalateFindingSchema,
  findingListQuerySchema,
  inspectionListQuerySchema,
  inspectionSchema,
  newFindingSchema,
  rectifyFieldsSchema,
  verifyFindingSchema,
} from '../../shared/findings.ts';
import { readForm } from '../form-input.ts';
import { defineRoute, idParams, type Route } from '../route.ts';

const tag = '问题整改';
const changed = z.object({ id: z.number(), status: z.string(), version: z.number() });

/** Findings to rectify (问题整改) and monthly inspections (月度检查). */
export const findingsRoutes: Route[] = [
  defineRoute({
    method: 'POST',
    url: '/api/findings',
    summary:
      '登记问题：督办人员可为任一单位登记；股室和学校只能登记本单位自查发现的问题。severity 为 low/medium/high',
    tag,
    auth: true,
    body: newFindingSchema,
    status: 201,
    response: z.object({ id: z.number(), version: z.number() }),
    handler: async ({ ctx, body }) => recordFinding(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/findings',
    summary:
      '问题台账（带亮灯和原因）：督办人员看全部，股室和学校看本单位的（含已上报的），领导看其要点下的；可按状态、单位、严重程度、是否逾期筛选',
    tag,
    auth: true,
    query: findingListQuerySchema,
    handler: async ({ ctx, query }) => ({ findings: await listFindings(ctx, query) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/findings/:id',
    summary: '问题详情：整改经过（登记、整改回复、验收、退回、上报、指派）和佐证材料；无权查看时 404',
    tag,
    auth: true,
    params: idParams,
    handler: async ({ ctx, params }) => getFinding(ctx, { findingId: params.id }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/findings/:id/rectify',
    summary: '整改回复（负责整改的单位）：整改情况和佐证材料，问题转为“已整改待验收”',
    tag,
    auth: true,
    params: idParams,
    multipart: { note: '整改情况', version: '读取时的版本号（可选）', files: '佐证材料（可多个）' },
    handler: async ({ ctx, params, request }) => {
      const { fields, files } = await readForm(request, rectifyFieldsSchema);
      return rectifyFinding(ctx, {
        findingId: params.id,
        note: fields.note,
        version: fields.version,
        files: files.map((f) => ({ fileName: f.fileName, mediaType: f.mediaType, bytes: f.bytes })),
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/findings/:id/verify',
    summary: '验收（督办人员）：decision 为 close（验收通过，销号）或 return（退回重新整改，须写明原因）',
    tag,
    auth: true,
    params: idParams,
    body: verifyFindingSchema,
    response: changed.extend({ eventId: z.number() }),
    handler: async ({ ctx, params, body }) => verifyFinding(ctx, { findingId: params.id, ...body }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/findings/:id/escalate',
    summary: '上报教体局（负责整改的学校）：学校无法整改的问题上报，由局统筹安排',
    tag,
    auth: true,
    params: idParams,
    body: escalateFindingSchema,
    response: changed.extend({ eventId: z.number() }),
    handler: async ({ ctx, params, body }) => escalateFinding(ctx, { findingId: params.id, ...body }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/findings/:id/assign',
    summary: '指派股室（督办人员）：把学校上报的问题交给一个股室整改，可重新设定整改期限',
    tag,
    auth: true,
    params: idParams,
    body: assignFindingSchema,
    response: changed.extend({ eventId: z.number() }),
    handler: async ({ ctx, params, body }) => assignFinding(ctx, { findingId: params.id, ...body }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/inspections',
    summary:
      '填报月度检查（股室、学校）：一次提交本月发现的全部问题，每个问题登记为待整改；findings 为空表示本月检查未发现问题',
    tag,
    auth: true,
    body: inspectionSchema,
    status: 201,
    response: z.object({ id: z.number(), findingIds: z.array(z.number()), note: z.string() }),
    handler: async ({ ctx, body }) => fileInspection(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/inspections',
    summary: '某月的月度检查填报情况（默认本月）：督办人员看各学校是否已填报，股室和学校看本单位的',
    tag,
    auth: true,
    query: inspectionListQuerySchema,
    handler: async ({ ctx, query }) => listMonthInspections(ctx, query),
  }),
];
