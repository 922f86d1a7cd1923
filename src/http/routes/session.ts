import { z } from 'zod';
import { authenticate } from '../../domain/accounts/authenticate.ts';
import { changeOwnPassword } from '../../domain/accounts/change-password.ts';
import { describeAccount } from '../../domain/accounts/describe-account.ts';
import { loadActor } from '../../domain/accounts/load-actor.ts';
import { createSession, destroySession } from '../../domain/accounts/sessions.ts';
import { AppError } from '../../domain/errors.ts';
import { ABILITIES } from '../../shared/abilities.ts';
import { changePasswordSchema, loginSchema } from '../../shared/accounts.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../auth.ts';
import { httpMessages as m } from '../messages.ts';
import { defineRoute, type Route } from '../route.ts';
import { contextOf } from '../state.ts';

const accountSchema = z.object({
  user: z.object({ id: z.number(), username: z.string(), displayName: z.string() }),
  organization: z.object({ id: z.number(), name: z.string() }).nullable(),
  roles: z.array(z.string()),
  unit: z.object({ id: z.number(), name: z.string(), kind: z.string() }).nullable(),
  leader: z.object({ id: z.number(), name: z.string() }).nullable(),
  permissions: z.array(z.enum(ABILITIES)).describe('本人可执行的操作（能力），网页据此显示菜单和按钮'),
  csrfToken: z
    .string()
    .optional()
    .describe('会话登录时返回；用 Cookie 认证的写请求须在 X-CSRF-Token 头中带上它'),
});

/** Login, logout and "who am I". */
export const sessionRoutes: Route[] = [
  defineRoute({
    method: 'POST',
    url: '/api/session',
    summary: '登录：校验用户名和密码，设置会话 Cookie，返回用户信息和 CSRF 令牌',
    tag: '会话',
    auth: false,
    body: loginSchema,
    response: accountSchema,
    handler: async ({ body, request, reply }) => {
      const state = request.server.duban;
      const deps = { db: state.database.db, now: state.now };
      const user = await authenticate(deps, { ...body, ip: request.ip });
      // A login always gets a fresh session id, and the browser's previous session ends (no fixation).
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await destroySession(deps, previous);
      const client = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
      const { token, session } = await createSession(deps, user.id, client);
      setSessionCookie(request, reply, token);
      const actor = await loadActor(deps.db, user.id);
      if (!actor) throw new AppError('UNAUTHENTICATED', m.unauthenticated);
      return { ...(await describeAccount(contextOf(state, actor))), csrfToken: session.csrfToken };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/session',
    summary: '退出登录：结束当前会话',
    tag: '会话',
    auth: true,
    status: 204,
    handler: async ({ request, reply }) => {
      const auth = request.auth;
      if (auth?.kind === 'session') {
        await destroySession(
          { db: request.server.duban.database.db, now: request.server.duban.now },
          auth.token,
        );
      }
      clearSessionCookie(request, reply);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/me',
    summary: '当前用户：身份、单位、角色、可执行的操作；会话登录时附带 CSRF 令牌',
    tag: '会话',
    auth: true,
    response: accountSchema,
    handler: async ({ ctx, request }) => {
      const auth = request.auth;
      return {
        ...(await describeAccount(ctx)),
        ...(auth?.kind === 'session' ? { csrfToken: auth.session.csrfToken } : {}),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/me/password',
    summary: '修改本人密码（须提供当前密码）；本人的所有会话随即失效，须重新登录',
    tag: '会话',
    auth: true,
    body: changePasswordSchema,
    status: 204,
    handler: async ({ ctx, body, request, reply }) => {
      await changeOwnPassword(ctx, body);
      clearSessionCookie(request, reply);
    },
  }),
];
