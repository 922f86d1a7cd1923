import { getBulletinFile } from '../../domain/bulletin/bulletin-file.ts';
import { createBulletin, regenerateBulletin } from '../../domain/bulletin/create-bulletin.ts';
import { editBulletin } from '../../domain/bulletin/edit-bulletin.ts';
import { issueBulletin } from '../../domain/bulletin/issue-bulletin.ts';
import { getBulletin, listBulletins } from '../../domain/bulletin/list-bulletins.ts';
import { shanghaiToday } from '../../domain/context.ts';
import {
  bulletinListQuerySchema,
  bulletinVersionSchema,
  createBulletinSchema,
  editBulletinSchema,
} from '../../shared/bulletins.ts';
import { defineRoute, idParams, type Route } from '../route.ts';
import { contentDisposition } from '../uploads.ts';

const TAG = '工作通报';

/** Monthly bulletins (工作通报). */
export const bulletinRoutes: Route[] = [
  defineRoute({
    method: 'POST',
    url: '/api/bulletins',
    summary:
      '生成某工作要点某月的通报草稿（督办人员、管理员）：planId、month（YYYY-MM）；每月至多一份草稿，签发后再生成即为新一版',
    tag: TAG,
    auth: true,
    body: createBulletinSchema,
    status: 201,
    handler: async ({ ctx, body }) => createBulletin(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/bulletins',
    summary:
      '工作通报列表：督办人员看草稿和已签发的，局领导和查看人员只看已签发的，上级单位的督办人员和查看人员还看下级单位已签发的；planId 可选；today 为服务器当天（可选月份至此）',
    tag: TAG,
    auth: true,
    query: bulletinListQuerySchema,
    handler: async ({ ctx, query }) => ({
      bulletins: await listBulletins(ctx, query),
      today: shanghaiToday(ctx),
    }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/bulletins/:id',
    summary: '工作通报详情：各栏目正文、表格、签发人和签发时间',
    tag: TAG,
    auth: true,
    params: idParams,
    handler: async ({ ctx, params }) => getBulletin(ctx, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/bulletins/:id',
    summary: '修改通报草稿的文字（标题、期号、导语、各栏目正文、结束语、落款；version）',
    tag: TAG,
    auth: true,
    params: idParams,
    body: editBulletinSchema,
    handler: async ({ ctx, params, body }) => editBulletin(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/bulletins/:id/regenerate',
    summary: '按当前数据重新生成通报草稿（覆盖已修改的文字；version）',
    tag: TAG,
    auth: true,
    params: idParams,
    body: bulletinVersionSchema,
    handler: async ({ ctx, params, body }) => regenerateBulletin(ctx, { bulletinId: params.id, ...body }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/bulletins/:id/issue',
    summary: '签发通报（version）：以签发日为落款日期生成 .docx 并原样保存，此后不可修改',
    tag: TAG,
    auth: true,
    params: idParams,
    body: bulletinVersionSchema,
    handler: async ({ ctx, params, body }) => issueBulletin(ctx, { bulletinId: params.id, ...body }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/bulletins/:id/docx',
    summary: '下载通报 .docx：已签发的为签发时保存的原文件，草稿为按当前文字生成的预览',
    tag: TAG,
    auth: true,
    params: idParams,
    handler: async ({ ctx, params, reply }) => {
      const file = await getBulletinFile(ctx, params.id);
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff');
      return reply.send(Buffer.from(file.bytes));
    },
  }),
];
