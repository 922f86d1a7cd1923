import { z } from 'zod';
import { acknowledgeTask } from '../../domain/acknowledge-task.ts';
import { listTasks } from '../../domain/list-tasks.ts';
import { logOccurrence } from '../../domain/log-occurrence.ts';
import { getTaskObligations } from '../../domain/obligations/task-obligations.ts';
import { requestCompletion } from '../../domain/request-completion.ts';
import { requestExtension } from '../../domain/request-extension.ts';
import { reviewReport } from '../../domain/review-report.ts';
import { submitReport } from '../../domain/submit-report.ts';
import {
  completionRequestSchema,
  extensionRequestSchema,
  occurrenceFieldsSchema,
  reportFilingSchema,
  reviewDecisionSchema,
} from '../../shared/work.ts';
import { splitCompletionFiles } from '../completion-files.ts';
import { readForm } from '../form-input.ts';
import { defineRoute, idParams, type Route } from '../route.ts';

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

/** Acknowledging tasks, reporting on them, reviewing reports, logging occurrences, asking for more time or completion. */
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
    method: 'GET',
    url: '/api/tasks/:id/obligations',
    summary: '任务各项指标在某一期（默认本月）应完成什么、已通过和待审核多少，供填报表单显示“本期应完成”',
    tag: '任务',
    auth: true,
    params: idParams,
    query: z.object({
      period: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '期次应为 YYYY-MM，例如 2024-05' })
        .optional()
        .describe('期次 YYYY-MM，默认本月'),
    }),
    handler: async ({ ctx, params, query }) =>
      getTaskObligations(ctx, { taskId: params.id, period: query.period }),
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
    summary:
      '填报进展（multipart：period、status、percent、narrative、completions 和任意个 files），返回填报 id；completions 中的每条完成记录随报告一并审核',
    tag: '任务',
    auth: true,
    params: idParams,
    status: 201,
    multipart: {
      period: '期间 YYYY-MM',
      status: 'on_track | at_risk | delayed',
      percent: '完成百分比 0–100',
      narrative: '进展说明',
      completions:
        'JSON 数组，可省略：[{"indicatorId": 指标 id, "occurredOn": "YYYY-MM-DD", "note": "说明", "value": 百分比指标达到的值, "milestone": "started|built|completed"（工程节点）, "files": ["属于该记录的 files 文件名"], "occurrenceId": 重新提交被退回的完成记录时填写}]',
      files: '佐证材料（可多个）；被 completions 引用的文件属于对应的完成记录，其余属于报告',
    },
    handler: async ({ ctx, params, request }) => {
      const form = await readForm(request, reportFilingSchema);
      const { fields } = form;
      const { reportFiles, completions } = splitCompletionFiles(fileList(form), fields.completions ?? []);
      const result = await submitReport(ctx, {
        taskId: params.id,
        period: fields.period,
        selfStatus: fields.status,
        percent: fields.percent,
        narrative: fields.narrative,
        files: reportFiles,
        completions,
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
    body: reviewDecisionSchema,
    handler: async ({ ctx, params, body }) => reviewReport(ctx, { reportId: params.id, ...body }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/indicators/:id/occurrences',
    summary:
      '单独登记一次完成记录（multipart：date、note、百分比指标的 value、工程项目的 milestone 和任意个 files），单独审核，返回记录 id',
    tag: '任务',
    auth: true,
    params: idParams,
    status: 201,
    multipart: {
      date: '完成日期 YYYY-MM-DD',
      note: '说明',
      value: '百分比指标：达到的值 0–100',
      milestone: '工程项目：started（开工）、built（主体完工）或 completed（竣工验收）',
      files: '佐证材料（可多个）',
    },
    handler: async ({ ctx, params, request }) => {
      const form = await readForm(request, occurrenceFieldsSchema);
      const result = await logOccurrence(ctx, {
        indicatorId: params.id,
        occurredOn: form.fields.date,
        note: form.fields.note,
        value: form.fields.value ?? null,
        milestone: form.fields.milestone ?? null,
        files: fileList(form),
      });
      return { id: result.occurrenceId, ...result };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/tasks/:id/extensions',
    summary: '申请延期（任务所属单位）：newDueOn 须晚于当前完成时限，reason 写明理由；待责任领导审批',
    tag: '任务',
    auth: true,
    params: idParams,
    status: 201,
    body: extensionRequestSchema,
    handler: async ({ ctx, params, body }) => {
      const result = await requestExtension(ctx, { taskId: params.id, ...body });
      return { id: result.extensionId, ...result };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/tasks/:id/completion',
    summary: '申请办结（multipart：note 和任意个 files，或 JSON {note}）；待督办人员审核',
    tag: '任务',
    auth: true,
    params: idParams,
    status: 201,
    multipart: { note: '办结说明', files: '佐证材料（可多个）' },
    handler: async ({ ctx, params, request }) => {
      const form = await readForm(request, completionRequestSchema);
      const result = await requestCompletion(ctx, {
        taskId: params.id,
        note: form.fields.note,
        files: fileList(form),
      });
      return { id: result.requestId, ...result };
    },
  }),
];
