import type { Kysely } from 'kysely';
import { readSetting, writeSetting } from '../../db/queries/settings.ts';
import type { DB } from '../../db/schema.ts';
import { DEFAULT_SECURITY_POLICY, type SecurityPolicy, securityPolicySchema } from '../../shared/security.ts';
import type { Context } from '../context.ts';
import { write } from '../write.ts';
import { requirePermission } from './permissions.ts';

const KEY = 'security_policy';

/** An organization's security policy; the defaults where nothing (or something unreadable) is stored. */
export async function readSecurityPolicy(db: Kysely<DB>, organizationId: number): Promise<SecurityPolicy> {
  const stored = await readSetting(db, organizationId, KEY);
  if (!stored) return DEFAULT_SECURITY_POLICY;
  const parsed = securityPolicySchema.partial().safeParse(JSON.parse(stored));
  return parsed.success ? { ...DEFAULT_SECURITY_POLICY, ...parsed.data } : DEFAULT_SECURITY_POLICY;
}

/** The policy as the security administrator sees it. */
export async function getSecurityPolicy(ctx: Context): Promise<SecurityPolicy> {
  requirePermission(ctx.actor, 'security.manage');
  return readSecurityPolicy(ctx.db, ctx.actor.organizationId);
}

/** The security administrator replaces the policy; audited with the policy before and after. */
export async function saveSecurityPolicy(ctx: Context, policy: SecurityPolicy): Promise<SecurityPolicy> {
  requirePermission(ctx.actor, 'security.manage');
  const next = { ...policy, twoFactorRoles: [...new Set(policy.twoFactorRoles)].sort() };
  return write(ctx, async (trx) => {
    const before = await readSecurityPolicy(trx, ctx.actor.organizationId);
    await writeSetting(trx, ctx.actor.organizationId, KEY, JSON.stringify(next));
    return {
      result: next,
      audit: [
        {
          action: 'security.policy',
          entityType: 'organization',
          entityId: ctx.actor.organizationId,
          before,
          after: next,
        },
      ],
    };
  });
}

/** Whether a password set at `changedAt` is older than the policy allows. */
export function passwordExpired(policy: SecurityPolicy, changedAt: string | null, now: Date): boolean {
  if (policy.passwordMaxAgeDays === 0 || !changedAt) return false;
  return now.getTime() - Date.parse(changedAt) > policy.passwordMaxAgeDays * 86_400_000;
}
