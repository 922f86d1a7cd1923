import { z } from 'zod';
import { authenticate } from '../../domain/accounts/authenticate.ts';
import { changeOwnPassword } from '../../domain/accounts/change-password.ts';
import { describeAccount } from '../../domain/accounts/describe-account.ts';
import { loadActor } from '../../domain/accounts/load-actor.ts';
import { auditAccountEvent } from '../../domain/accounts/login-audit.ts';
import { accountMessages as am } from '../../domain/accounts/messages.ts';
import { advanceSession, createSession, destroySession } from '../../domain/accounts/sessions.ts';
import {
  confirmEnrolment,
  startEnrolment,
  stepAfterSecondFactor,
  twoFactorStatus,
  verifySecondFactor,
} from '../../domain/accounts/two-factor.ts';
import type { Context } from '../../domain/context.ts';
import { AppError } from '../../domain/errors.ts';
import { ABILITIES } from '../../shared/abilities.ts';
import { changePasswordSchema, loginSchema } from '../../shared/accounts.ts';
import { PENDING_STEPS, secondFactorSchema } from '../../shared/security.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../auth.ts';
import { httpMessages as m } from '../messages.ts';
import { defineRoute, type Route } from '../route.ts';
import { type AuthState, contextOf } from '../state.ts';

const accountSchema = z.object({
  user: z.object({ id: z.number(), username: z.string(), displayName: z.string() }),
  organization: z.object({ id: z.number(), name: z.string() }).nullable(),
  roles: z.array(z.string()),
  unit: z.object({ id: z.number(), name: z.string(), kind: z.string() }).nullable(),
  leader: z.object({ id: z.number(), name: z.string() }).nullable(),
  permissions: z.array(z.enum(ABILITIES)).describe('本人可执行的操作（能力），网页据此显示菜单和按钮'),
  pending: z
    .enum(PENDING_STEPS)
    .nullable()
    .describe(
      '登录尚缺的一步：totp 输入两步验证码，enrol 绑定验证器，password 修改过期密码；null 表示已完成登录',
    ),
  csrfToken: z
    .string()
    .optional()
    .describe('会话登录时返回；用 Cookie 认证的写请求须在 X-CSRF-Token 头中带上它'),
});

/** The account as /api/me shows it; a session still missing a step gets no permissions yet. */
async function accountOf(ctx: Context, auth: AuthState | null) {
  const account = await describeAccount(ctx);
  const pending = auth?.kind === 'session' ? auth.session.pending : null;
  return {
    ...account,
    permissions: pending ? [] : account.permissions,
    pending,
    ...(auth?.kind === 'session' ? { csrfToken: auth.session.csrfToken } : {}),
  };
}

function requireSession(auth: AuthState | null) {
  if (auth?.kind !== 'session') throw new AppError('UNAUTHENTICATED', am.secondFactorNotPending);
  return auth;
}

/** Login (password, then a second factor or enrolment when required), logout and "who am I". */
export const sessionRoutes: Route[] = [
  defineRoute({
    method: 'POST',
    url: '/api/session',
    summary:
      '登录：校验用户名和密码，设置会话 Cookie，返回用户信息和 CSRF 令牌；pending 不为空时还须完成两步验证、绑定验证器或修改过期密码',
    tag: '会话',
    auth: false,
    body: loginSchema,
    response: accountSchema,
    handler: async ({ body, request, reply }) => {
      const state = request.server.duban;
      const deps = { db: state.database.db, now: state.now };
      const { user, pending } = await authenticate(deps, { ...body, ip: request.ip });
      // A login always gets a fresh session id, and the browser's previous session ends (no fixation).
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await destroySession(deps, previous);
      const client = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
      const { token, session } = await createSession(
        deps,
        { id: user.id, organizationId: user.organization_id },
        client,
        pending,
      );
      setSessionCookie(request, reply, token);
      const actor = await loadActor(deps.db, user.id);
      if (!actor) throw new AppError('UNAUTHENTICATED', m.unauthenticated);
      const ctx = contextOf(state, { ...actor, address: request.ip });
      return accountOf(ctx, { kind: 'session', actor, session, token });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/session/two-factor',
    summary: '登录第二步：输入验证器中的 6 位验证码或一个恢复码（与密码一样限速）',
    tag: '会话',
    auth: true,
    body: secondFactorSchema,
    response: accountSchema,
    handler: async ({ ctx, body, request }) => {
      const auth = requireSession(request.auth);
      if (auth.session.pending !== 'totp') throw new AppError('CONFLICT', am.secondFactorNotPending);
      const next = await verifySecondFactor(ctx, auth.session.userId, body.code, request.ip);
      await advanceSession(ctx, { id: auth.session.id, organizationId: ctx.actor.organizationId }, next);
      const session = { ...auth.session, pending: next };
      return accountOf(ctx, { ...auth, session });
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/session',
    summary: '退出登录：结束当前会话',
    tag: '会话',
    auth: true,
    status: 204,
    handler: async ({ ctx, request, reply }) => {
      const auth = request.auth;
      if (auth?.kind === 'session') {
        await destroySession(ctx, auth.token);
        await auditAccountEvent(ctx.db, {
          user: { id: auth.session.userId, organization_id: ctx.actor.organizationId },
          label: ctx.actor.label,
          address: request.ip,
          event: 'user.logout',
          result: 'success',
          at: ctx.now(),
        });
      }
      clearSessionCookie(request, reply);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/me',
    summary: '当前用户：身份、单位、角色、可执行的操作、尚缺的登录步骤；会话登录时附带 CSRF 令牌',
    tag: '会话',
    auth: true,
    response: accountSchema,
    handler: async ({ ctx, request }) => accountOf(ctx, request.auth),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/me/password',
    summary: '修改本人密码（须提供当前密码，与登录一样限速）；本人的其他会话随即失效，API 令牌全部吊销',
    tag: '会话',
    auth: true,
    body: changePasswordSchema,
    status: 204,
    handler: async ({ ctx, body, request }) => {
      const session = request.auth?.kind === 'session' ? request.auth.session : undefined;
      await changeOwnPassword(ctx, body, { address: request.ip, sessionId: session?.id });
      if (session?.pending === 'password') {
        await advanceSession(ctx, { id: session.id, organizationId: ctx.actor.organizationId }, null);
      }
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/me/two-factor',
    summary: '本人两步验证的状态：是否已启用、剩余恢复码数量（从不返回密钥）',
    tag: '会话',
    auth: true,
    response: z.object({ enabled: z.boolean(), recoveryCodesLeft: z.number() }),
    handler: async ({ ctx }) => twoFactorStatus(ctx, requireUser(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/me/two-factor/setup',
    summary: '开始绑定验证器：生成密钥和二维码（只在此时显示一次，绑定后不再返回）',
    tag: '会话',
    auth: true,
    response: z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }),
    handler: async ({ ctx }) => startEnrolment(ctx, requireUser(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/me/two-factor',
    summary: '完成绑定：输入验证器显示的验证码；返回 10 个一次性恢复码（只显示这一次）',
    tag: '会话',
    auth: true,
    body: secondFactorSchema,
    response: z.object({ recoveryCodes: z.array(z.string()), pending: z.enum(PENDING_STEPS).nullable() }),
    handler: async ({ ctx, body, request }) => {
      const result = await confirmEnrolment(ctx, requireUser(ctx), body.code, request.ip);
      const session = request.auth?.kind === 'session' ? request.auth.session : undefined;
      let pending = session?.pending ?? null;
      if (session && pending === 'enrol') {
        pending = await stepAfterSecondFactor(ctx, session.userId);
        await advanceSession(ctx, { id: session.id, organizationId: ctx.actor.organizationId }, pending);
      }
      return { ...result, pending };
    },
  }),
];

function requireUser(ctx: Context): number {
  if (ctx.actor.userId === null) throw new AppError('UNAUTHENTICATED', am.secondFactorNotPending);
  return ctx.actor.userId;
}
