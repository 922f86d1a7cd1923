import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { addUser } from '../../domain/accounts/add-user.ts';
import { changeUser } from '../../domain/accounts/change-user.ts';
import { setUserDisabled } from '../../domain/accounts/disable-user.ts';
import { listUsers } from '../../domain/accounts/list-users.ts';
import { resetPassword } from '../../domain/accounts/reset-password.ts';
import { setRoles } from '../../domain/accounts/set-roles.ts';
import {
  newUserSchema,
  passwordSchema,
  roleSchema,
  userPatchSchema,
  userViewSchema,
} from '../../shared/accounts.ts';
import { defineRoute, idParams, type Route } from '../route.ts';

/** Account administration; every route is for administrators of the same organization only. */
export const userRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/users',
    summary: '列出本单位的所有账号（仅管理员）',
    tag: '账号',
    auth: true,
    response: z.object({ users: z.array(userViewSchema) }),
    handler: async ({ ctx }) => ({ users: await listUsers(ctx) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users',
    summary: '创建账号：用户名、姓名、密码、角色，股室/学校用户指定单位，领导指定领导姓名（仅管理员）',
    tag: '账号',
    auth: true,
    body: newUserSchema,
    status: 201,
    response: z.object({ id: z.number() }),
    handler: async ({ ctx, body }) => addUser(ctx, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/users/:id',
    summary: '修改账号的姓名、角色、所属单位或领导（仅管理员；一次校验角色与单位相符，记入操作记录）',
    tag: '账号',
    auth: true,
    params: idParams,
    body: userPatchSchema,
    status: 204,
    handler: async ({ ctx, params, body, request }) =>
      changeUser(ctx, params.id, body, ownSessionId(request)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users/:id/password',
    summary: '重置密码（仅管理员）；该用户的所有会话随即失效，其 API 令牌全部吊销',
    tag: '账号',
    auth: true,
    params: idParams,
    body: z.object({ password: passwordSchema }),
    status: 204,
    handler: async ({ ctx, params, body }) => resetPassword(ctx, params.id, body.password),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users/:id/disable',
    summary: '停用账号（仅管理员）；其会话立即失效，其 API 令牌全部吊销（重新启用也不会恢复）',
    tag: '账号',
    auth: true,
    params: idParams,
    status: 204,
    handler: async ({ ctx, params }) => setUserDisabled(ctx, params.id, true),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users/:id/enable',
    summary: '重新启用账号（仅管理员）',
    tag: '账号',
    auth: true,
    params: idParams,
    status: 204,
    handler: async ({ ctx, params }) => setUserDisabled(ctx, params.id, false),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/users/:id/roles',
    summary: '设置账号的角色（仅管理员；变更记入操作记录）；角色有变时该用户的其他会话结束、API 令牌吊销',
    tag: '账号',
    auth: true,
    params: idParams,
    body: z.object({ roles: z.array(roleSchema).min(1) }),
    response: z.object({ roles: z.array(roleSchema) }),
    handler: async ({ ctx, params, body, request }) => ({
      roles: await setRoles(ctx, params.id, body.roles, ownSessionId(request)),
    }),
  }),
];

/** The caller's own session, which a change to their own account leaves open. */
function ownSessionId(request: FastifyRequest): string | undefined {
  return request.auth?.kind === 'session' ? request.auth.session.id : undefined;
}
