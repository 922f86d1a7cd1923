import { z } from 'zod';
import {
  listLoginLocks,
  listSecurityUsers,
  resetTwoFactor,
  unlockLogin,
} from '../../domain/accounts/security-admin.ts';
import { getSecurityPolicy, saveSecurityPolicy } from '../../domain/accounts/security-policy.ts';
import { securityPolicySchema, unlockSchema } from '../../shared/security.ts';
import { defineRoute, idParams, type Route } from '../route.ts';

const lockedAccountSchema = z.object({
  username: z.string(),
  failures: z.number(),
  addresses: z.number(),
  lockedUntil: z.string().nullable(),
  lastFailureAt: z.string(),
});
const delayedAddressSchema = z.object({
  address: z.string(),
  failures: z.number(),
  retryAfterSeconds: z.number(),
  lastFailureAt: z.string(),
});
const securityUserSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  disabled: z.boolean(),
  twoFactor: z.boolean(),
  passwordChangedAt: z.string().nullable(),
});

/** The security administrator's pages (安全管理员): policy, locks and unlocking, second factors. */
export const securityRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/security/policy',
    summary: '安全策略：密码规则与更换周期、会话空闲超时与最长时限、须两步验证的角色（仅安全管理员）',
    tag: '安全',
    auth: true,
    response: securityPolicySchema,
    handler: async ({ ctx }) => getSecurityPolicy(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/security/policy',
    summary: '修改安全策略（仅安全管理员；记入操作记录，会话时限对已登录的会话立即生效）',
    tag: '安全',
    auth: true,
    body: securityPolicySchema,
    response: securityPolicySchema,
    handler: async ({ ctx, body }) => saveSecurityPolicy(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/security/locks',
    summary: '近一小时登录失败的账号（含被锁定的）和被限速的地址（仅安全管理员）',
    tag: '安全',
    auth: true,
    response: z.object({ accounts: z.array(lockedAccountSchema), addresses: z.array(delayedAddressSchema) }),
    handler: async ({ ctx }) => listLoginLocks(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/security/unlock',
    summary: '解锁账号或地址：清除其失败记录和锁定（仅安全管理员；记入操作记录）',
    tag: '安全',
    auth: true,
    body: unlockSchema,
    status: 204,
    handler: async ({ ctx, body }) => unlockLogin(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/security/users',
    summary: '本单位账号的角色、两步验证状态和密码修改时间（仅安全管理员，不含业务数据）',
    tag: '安全',
    auth: true,
    response: z.array(securityUserSchema),
    handler: async ({ ctx }) => listSecurityUsers(ctx),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/security/users/:id/two-factor',
    summary: '重置某账号的两步验证（手机丢失时；仅安全管理员）；其会话结束、API 令牌吊销，下次登录须重新绑定',
    tag: '安全',
    auth: true,
    params: idParams,
    status: 204,
    handler: async ({ ctx, params }) => resetTwoFactor(ctx, params.id),
  }),
];
