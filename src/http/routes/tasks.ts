import { z } from 'zod';
import { acknowledgeTask } from '../../domain/acknowledge-task.ts';
import { listTasks } from '../../domain/list-tasks.ts';
import { logOccurrence } from '../../domain/log-occurrence.ts';
import { reviewReport } from '../../domain/review-report.ts';
import { submitReport } from '../../domain/submit-report.ts';
import { readForm } from '../form-input.ts';
import { defineRoute, idParams, type Route } from '../route.ts';

const reportFields = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '期间应为 YYYY-MM，例如 2024-04' }),
  status: z.enum(['on_track', 'at_risk', 'delayed']),
  percent: z.coerce.number().min(0).max(100),
  narrative: z.string().trim().min(1).max(20_000),
});

const occurrenceFields = z.object({
  date: z.iso.date(),
  note: z.string().trim().min(1).max(5_000),
});

const taskListQuery = z.object({
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true：只看本单位的任务（领导：点名本人的要点下的任务）'),
  department: z.coerce.number().int().positive().optional().describe('牵头或配合的股室/学校 id'),
  light: z
    .enum(['red', 'yellow', 'green', 'grey', 'done'])
    .optional()
    .describe('亮灯：red、yellow、green、grey、done'),
  dueBefore: z.iso.date().optional().describe('只看此日期（不含）之前到期的任务'),
  planId: z.coerce.number().int().positive().optional(),
  asOf: z.iso.date().optional().describe('按哪一天计算亮灯（默认今天）'),
});

const fileList = (form: Awaited<ReturnType<typeof readForm>>) =>
  form.files.map((f) => ({ fileName: f.fileName, mediaType: f.mediaType, bytes: f.bytes }));

/** Acknowledging tasks, reporting on them, reviewing reports and logging occurrences. */
export const taskRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/tasks',
    summary: '任务列表（只含可见的任务，带亮灯、进度和原因），可按本人、股室、亮灯、到期日和工作要点筛选',
    tag: '任务',
    auth: true,
    query: taskListQuery,
    handler: async ({ ctx, query }) => ({ tasks: await listTasks(ctx, query) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/tasks/:id/acknowledge',
    summary: '签收任务（任务所属股室或学校）',
    tag: '任务',
    auth: true,
    params: idParams,
    handler: async ({ ctx, params }) => acknowledgeTask(ctx, { taskId: params.id }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/tasks/:id/reports',
    summary: '填报进展（multipart：period、status、percent、narrative 和任意个 files），返回填报 id',
    tag: '任务',
    auth: true,
    params: idParams,
    status: 201,
    multipart: {
      period: '期间 YYYY-MM',
      status: 'on_track | at_risk | delayed',
      percent: '完成百分比 0–100',
      narrative: '进展说明',
      files: '佐证材料（可多个）',
    },
    handler: async ({ ctx, params, request }) => {
      const form = await readForm(request, reportFields);
      const { fields } = form;
      const result = await submitReport(ctx, {
        taskId: params.id,
        period: fields.period,
        selfStatus: fields.status,
        percent: fields.percent,
        narrative: fields.narrative,
        files: fileList(form),
      });
      return { id: result.reportId, ...result };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/reports/:id/review',
    summary: '审核填报：decision 为 accept（通过）或 return（退回，须写明原因）',
    tag: '任务',
    auth: true,
    params: idParams,
    body: z.object({
      decision: z.enum(['accept', 'return']),
      comment: z.string().max(5_000).optional(),
      version: z.number().int().positive().optional(),
    }),
    handler: async ({ ctx, params, body }) => reviewReport(ctx, { reportId: params.id, ...body }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/indicators/:id/occurrences',
    summary: '登记一次完成记录（multipart：date、note 和任意个 files），返回记录 id',
    tag: '任务',
    auth: true,
    params: idParams,
    status: 201,
    multipart: { date: '完成日期 YYYY-MM-DD', note: '说明', files: '佐证材料（可多个）' },
    handler: async ({ ctx, params, request }) => {
      const form = await readForm(request, occurrenceFields);
      const result = await logOccurrence(ctx, {
        indicatorId: params.id,
        occurredOn: form.fields.date,
        note: form.fields.note,
        files: fileList(form),
      });
      return { id: result.occurrenceId, ...result };
    },
  }),
];
