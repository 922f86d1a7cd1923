import { z } from 'zod';
import { accountMessages } from '../../domain/accounts/messages.ts';
import { setupFirstAdmin } from '../../domain/accounts/setup-first-admin.ts';
import { AppError } from '../../domain/errors.ts';
import { setupSchema } from '../../shared/accounts.ts';
import { sameSecret } from '../auth.ts';
import { httpMessages as m } from '../messages.ts';
import { defineRoute, type Route } from '../route.ts';

/** The one-time creation of the first administrator. */
export const setupRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/setup',
    summary: '是否还需要初始设置（尚无任何账号时 open 为 true）',
    tag: '会话',
    auth: false,
    response: z.object({ open: z.boolean() }),
    handler: async ({ request }) => ({ open: request.server.duban.setupToken !== undefined }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/setup',
    summary: '创建第一个管理员（仅在系统还没有任何账号时可用，需要服务启动日志中打印的一次性令牌）',
    tag: '会话',
    auth: false,
    body: setupSchema,
    status: 201,
    response: z.object({ id: z.number() }),
    handler: async ({ body, request }) => {
      const state = request.server.duban;
      if (!state.setupToken) throw new AppError('NOT_FOUND', m.setupNotOpen);
      if (!sameSecret(body.token, state.setupToken))
        throw new AppError('FORBIDDEN', accountMessages.setupTokenInvalid);
      const { token: _token, ...input } = body;
      const created = await setupFirstAdmin({ ...state.database, now: state.now }, input);
      state.setupToken = undefined;
      return created;
    },
  }),
];
