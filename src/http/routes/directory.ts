import { z } from 'zod';
import { addUnit } from '../../domain/directory/add-unit.ts';
import { changeUnit } from '../../domain/directory/change-unit.ts';
import { addLeader, changeLeader, listDirectoryLeaders } from '../../domain/directory/leaders.ts';
import { listDirectoryUnits } from '../../domain/directory/list-directory-units.ts';
import { addUnitAlias, removeUnitAlias } from '../../domain/directory/unit-aliases.ts';
import {
  leaderPatchSchema,
  leaderViewSchema,
  newAliasSchema,
  newLeaderSchema,
  newUnitSchema,
  unitListQuerySchema,
  unitPatchSchema,
  unitViewSchema,
} from '../../shared/directory.ts';
import { defineRoute, idParams, type Route } from '../route.ts';

const aliasParams = z.object({
  id: z.coerce.number().int().positive(),
  aliasId: z.coerce.number().int().positive(),
});

/** The directory (单位与领导): anyone signed in reads it; administrators and supervisors change it. */
export const directoryRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/units',
    summary: '列出本单位名录中的股室和学校（含别名、未办结任务数、账号数）；可按类别筛选，默认只列启用的',
    tag: '单位与领导',
    auth: true,
    query: unitListQuerySchema,
    response: z.object({ units: z.array(unitViewSchema) }),
    handler: async ({ ctx, query }) => ({ units: await listDirectoryUnits(ctx, query) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/units',
    summary: '添加股室或学校（管理员、督办人员）；名称已是单位或别名时拒绝',
    tag: '单位与领导',
    auth: true,
    body: newUnitSchema,
    status: 201,
    response: z.object({ id: z.number() }),
    handler: async ({ ctx, body }) => {
      const { unitId } = await addUnit(ctx, body);
      return { id: unitId };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/units/:id',
    summary: '改名、设置学校类型、停用或启用（管理员、督办人员）；仍有未办结任务的单位不能停用',
    tag: '单位与领导',
    auth: true,
    params: idParams,
    body: unitPatchSchema,
    status: 204,
    handler: async ({ ctx, params, body }) => changeUnit(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/units/:id/aliases',
    summary: '为单位添加别名（如 纪监室 = 纪检监察室）；别名若是尚无任务的同名单位，将并入本单位',
    tag: '单位与领导',
    auth: true,
    params: idParams,
    body: newAliasSchema,
    status: 201,
    response: z.object({
      unitId: z.number(),
      alias: z.string(),
      merged: z.boolean(),
      unchanged: z.boolean(),
    }),
    handler: async ({ ctx, params, body }) => addUnitAlias(ctx, params.id, body.alias),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/units/:id/aliases/:aliasId',
    summary: '删除单位的一个别名（管理员、督办人员）',
    tag: '单位与领导',
    auth: true,
    params: aliasParams,
    status: 204,
    handler: async ({ ctx, params }) => removeUnitAlias(ctx, params.id, params.aliasId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/leaders',
    summary: '列出局领导（含署名的要点数、绑定的账号数）',
    tag: '单位与领导',
    auth: true,
    response: z.object({ leaders: z.array(leaderViewSchema) }),
    handler: async ({ ctx }) => ({ leaders: await listDirectoryLeaders(ctx) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/leaders',
    summary: '添加局领导（管理员、督办人员）；同名领导已存在时拒绝',
    tag: '单位与领导',
    auth: true,
    body: newLeaderSchema,
    status: 201,
    response: z.object({ id: z.number() }),
    handler: async ({ ctx, body }) => addLeader(ctx, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/leaders/:id',
    summary: '修改局领导的姓名或职务（管理员、督办人员）',
    tag: '单位与领导',
    auth: true,
    params: idParams,
    body: leaderPatchSchema,
    status: 204,
    handler: async ({ ctx, params, body }) => changeLeader(ctx, params.id, body),
  }),
];
