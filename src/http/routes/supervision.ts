import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { createIcalFeed, getIcalStatus, revokeIcalFeed } from '../../domain/ical/manage-ical-feed.ts';
import { icalMessages } from '../../domain/ical/messages.ts';
import { readIcalFeed } from '../../domain/ical/read-ical-feed.ts';
import { decideNotice } from '../../domain/supervision/decide-notice.ts';
import { exportNoticeDocx } from '../../domain/supervision/export-notice-docx.ts';
import { getSupervisionOverview } from '../../domain/supervision/get-overview.ts';
import { issueNotice } from '../../domain/supervision/issue-notice.ts';
import { getNotice, listNotices } from '../../domain/supervision/list-notices.ts';
import { replyToNotice } from '../../domain/supervision/reply-to-notice.ts';
import {
  issueNoticeSchema,
  noticeAcceptSchema,
  noticeListQuerySchema,
  noticeReplySchema,
  noticeReturnSchema,
  overviewQuerySchema,
} from '../../shared/supervision.ts';
import { defineRoute, idParams, type Route } from '../route.ts';
import { contentDisposition } from '../uploads.ts';

const TAG = '督办';

/** Supervision notices (督办单), the supervision center (督办中心) and the private iCal feed. */
export const supervisionRoutes: Route[] = [
  defineRoute({
    method: 'POST',
    url: '/api/supervision-notices',
    summary:
      '签发督办单（督办人员）：itemId 或 taskId、unitId（默认为任务牵头单位）、problem、requirement、replyDueOn；按年度编号，如 督办〔2024〕3号',
    tag: TAG,
    auth: true,
    body: issueNoticeSchema,
    status: 201,
    handler: async ({ ctx, body }) => issueNotice(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/supervision-notices',
    summary: '督办单列表：督办人员看全部，股室和学校看发给本单位的，领导看点名本人要点的；status 可选',
    tag: TAG,
    auth: true,
    query: noticeListQuerySchema,
    handler: async ({ ctx, query }) => ({ notices: await listNotices(ctx, query) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/supervision-notices/:id',
    summary: '督办单详情：全文、办理经过（签发、回复、退回、办结）和本人可做的操作',
    tag: TAG,
    auth: true,
    params: idParams,
    handler: async ({ ctx, params }) => getNotice(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/supervision-notices/:id/reply',
    summary: '被督办单位回复办理情况（reply、version）',
    tag: TAG,
    auth: true,
    params: idParams,
    body: noticeReplySchema,
    handler: async ({ ctx, params, body }) => replyToNotice(ctx, { noticeId: params.id, ...body }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/supervision-notices/:id/accept',
    summary: '督办人员认可回复，督办单办结（version）',
    tag: TAG,
    auth: true,
    params: idParams,
    body: noticeAcceptSchema,
    handler: async ({ ctx, params, body }) =>
      decideNotice(ctx, { noticeId: params.id, decision: 'accept', version: body.version }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/supervision-notices/:id/return',
    summary: '督办人员退回回复（comment、version），督办单回到待回复',
    tag: TAG,
    auth: true,
    params: idParams,
    body: noticeReturnSchema,
    handler: async ({ ctx, params, body }) =>
      decideNotice(ctx, { noticeId: params.id, decision: 'return', ...body }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/supervision-notices/:id/docx',
    summary: '下载督办单（公文格式 .docx，文件名为督办单编号）',
    tag: TAG,
    auth: true,
    params: idParams,
    handler: async ({ ctx, params, reply }) => {
      const file = await exportNoticeDocx(ctx, params.id);
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff');
      return reply.send(Buffer.from(file.bytes));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/supervision/overview',
    summary: '督办中心：某工作要点截至某日的红灯、黄灯要点（原因、责任领导和单位、未办结督办单数）和逾期单位',
    tag: TAG,
    auth: true,
    query: overviewQuerySchema,
    handler: async ({ ctx, query }) => getSupervisionOverview(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/me/ical',
    summary: '本人是否已开启日历订阅（iCal）',
    tag: TAG,
    auth: true,
    handler: async ({ ctx }) => getIcalStatus(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/me/ical',
    summary: '生成本人的私有日历订阅地址（旧地址随即失效）；地址只在此返回一次',
    tag: TAG,
    auth: true,
    status: 201,
    handler: async ({ ctx }) => createIcalFeed(ctx),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/me/ical',
    summary: '撤销本人的日历订阅地址',
    tag: TAG,
    auth: true,
    status: 204,
    handler: async ({ ctx }) => revokeIcalFeed(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/ical/:file',
    summary: '日历订阅（无需登录，地址中的令牌即凭据）：本人任务到期日、填报截止日和督办单回复期限',
    tag: TAG,
    auth: false,
    params: z.object({ file: z.string().regex(/^[\w-]{10,100}\.ics$/) }),
    handler: async ({ params, request, reply }) => {
      const state = request.server.duban;
      const feed = await readIcalFeed(
        { db: state.database.db, now: state.now },
        params.file.slice(0, -'.ics'.length),
      );
      if (feed === undefined) throw new AppError('NOT_FOUND', icalMessages.feedNotFound);
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('x-robots-tag', 'noindex');
      return reply.send(feed);
    },
  }),
];
