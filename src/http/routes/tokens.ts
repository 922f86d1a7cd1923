import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../domain/accounts/api-tokens.ts';
import type { Context } from '../../domain/context.ts';
import { createdTokenSchema, newTokenSchema, tokenViewSchema } from '../../shared/accounts.ts';
import { defineRoute, idParams, type Route } from '../route.ts';

function self(ctx: Context): number {
  // Token routes need a user; the CLI's system actor never reaches HTTP.
  return ctx.actor.userId ?? 0;
}

/** API tokens for scripts: one's own, or (administrators) anyone's in the organization. */
export const tokenRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/tokens',
    summary: '列出自己的 API 令牌（不含明文）',
    tag: '令牌',
    auth: true,
    response: z.object({ tokens: z.array(tokenViewSchema) }),
    handler: async ({ ctx }) => ({ tokens: await listApiTokens(ctx, self(ctx)) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/tokens',
    summary: '为自己创建 API 令牌；明文只在此返回一次，脚本用 Authorization: Bearer 令牌 调用接口',
    tag: '令牌',
    auth: true,
    body: newTokenSchema,
    status: 201,
    response: createdTokenSchema,
    handler: async ({ ctx, body }) => createApiToken(ctx, self(ctx), body.name),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/tokens/:id',
    summary: '吊销令牌（自己的；管理员可吊销本单位任何人的）',
    tag: '令牌',
    auth: true,
    params: idParams,
    status: 204,
    handler: async ({ ctx, params }) => revokeApiToken(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/users/:id/tokens',
    summary: '列出某账号的令牌（本人或管理员）',
    tag: '令牌',
    auth: true,
    params: idParams,
    response: z.object({ tokens: z.array(tokenViewSchema) }),
    handler: async ({ ctx, params }) => ({ tokens: await listApiTokens(ctx, params.id) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users/:id/tokens',
    summary: '为某账号创建令牌（本人或管理员）；明文只返回一次',
    tag: '令牌',
    auth: true,
    params: idParams,
    body: newTokenSchema,
    status: 201,
    response: createdTokenSchema,
    handler: async ({ ctx, params, body }) => createApiToken(ctx, params.id, body.name),
  }),
];
