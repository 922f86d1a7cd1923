import { deleteLoginAttempt, listActiveAccountLocks } from '../../db/queries/login-attempts.ts';
import {
  deleteLoginFailures,
  summarizeFailuresByAccount,
  summarizeFailuresByAddress,
} from '../../db/queries/login-failures.ts';
import { listSecurityUsers as listSecurityUserRows } from '../../db/queries/security-users.ts';
import { clearTotp } from '../../db/queries/two-factor.ts';
import { findUserById } from '../../db/queries/users.ts';
import type { DelayedAddress, LockedAccount, SecurityUser } from '../../shared/security.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { endUserAccess } from './end-access.ts';
import { delaySeconds, LOGIN_GUARD, lockRowKey } from './login-guard.ts';
import { accountMessages as m } from './messages.ts';
import { requirePermission } from './permissions.ts';

/** The accounts of the organization with recent failures or a lock, and the addresses being slowed down. */
export async function listLoginLocks(
  ctx: Context,
): Promise<{ accounts: LockedAccount[]; addresses: DelayedAddress[] }> {
  requirePermission(ctx.actor, 'security.manage', m.securityOnly);
  const now = ctx.now();
  const since = new Date(now.getTime() - LOGIN_GUARD.windowMinutes * 60_000).toISOString();
  const byAccount = await summarizeFailuresByAccount(ctx.db, ctx.actor.organizationId, since);
  // Locks are kept by username; only those naming an account of this organization are shown.
  const ours = new Set(
    (await listSecurityUserRows(ctx.db, ctx.actor.organizationId)).map((u) => u.username.toLowerCase()),
  );
  const locks = (await listActiveAccountLocks(ctx.db, now.toISOString()))
    .map((l) => ({
      account: l.key.slice('account:'.length),
      lockedUntil: l.locked_until as string,
      count: l.count,
    }))
    .filter((l) => ours.has(l.account));
  const accounts: LockedAccount[] = locks.map((l) => ({
    username: l.account,
    failures: l.count,
    addresses: byAccount.find((a) => a.account === l.account)?.addresses ?? 0,
    lockedUntil: l.lockedUntil,
    lastFailureAt: byAccount.find((a) => a.account === l.account)?.lastAt ?? l.lockedUntil,
  }));
  for (const a of byAccount) {
    if (locks.some((l) => l.account === a.account)) continue;
    accounts.push({
      username: a.account,
      failures: a.count,
      addresses: a.addresses,
      lockedUntil: null,
      lastFailureAt: a.lastAt ?? since,
    });
  }
  const g = LOGIN_GUARD.address;
  const addresses = (await summarizeFailuresByAddress(ctx.db, ctx.actor.organizationId, since)).map((a) => {
    const delay = delaySeconds(a.count, g.freeFailures, g.maxDelaySeconds);
    const left = a.lastAt ? Math.ceil((Date.parse(a.lastAt) + delay * 1000 - now.getTime()) / 1000) : 0;
    return {
      address: a.address,
      failures: a.count,
      retryAfterSeconds: Math.max(0, left),
      lastFailureAt: a.lastAt ?? since,
    };
  });
  return { accounts, addresses };
}

/** A lock found on the accounts of another organization is not this administrator's to see. */
async function lockedAccountsOf(ctx: Context): Promise<Set<string>> {
  const { accounts } = await listLoginLocks(ctx);
  return new Set(accounts.map((a) => a.username));
}

/**
 * The security administrator lifts a lock: an account's lock and failures, or an address's
 * failures against the organization's accounts. Audited.
 */
export async function unlockLogin(
  ctx: Context,
  target: { kind: 'account' | 'address'; value: string },
): Promise<void> {
  requirePermission(ctx.actor, 'security.manage', m.securityOnly);
  const value = target.kind === 'account' ? target.value.trim().toLowerCase() : target.value.trim();
  if (target.kind === 'account' && !(await lockedAccountsOf(ctx)).has(value))
    throw new AppError('NOT_FOUND', m.nothingToUnlock);
  await write(ctx, async (trx, at) => {
    let removed: number;
    if (target.kind === 'account') {
      await deleteLoginAttempt(trx, lockRowKey(value));
      removed = await deleteLoginFailures(trx, { account: value });
    } else {
      removed = await deleteLoginFailures(trx, { address: value, organizationId: ctx.actor.organizationId });
    }
    if (removed === 0 && target.kind === 'address') throw new AppError('NOT_FOUND', m.nothingToUnlock);
    await recordAuditEvent(trx, {
      organizationId: ctx.actor.organizationId,
      userId: ctx.actor.userId,
      label: ctx.actor.label,
      address: ctx.actor.address ?? null,
      event: 'security.unlock',
      result: 'success',
      detail: { kind: target.kind, value, failures: removed },
      at,
      entityType: 'login',
      entityId: null,
    });
    return { result: undefined, audit: [] };
  });
}

/** The organization's users as the security administrator sees them: roles, 2FA, password age. */
export async function listSecurityUsers(ctx: Context): Promise<SecurityUser[]> {
  requirePermission(ctx.actor, 'security.manage', m.securityOnly);
  return listSecurityUserRows(ctx.db, ctx.actor.organizationId);
}

/** The security administrator removes a user's second factor (a lost phone); the user's sessions and tokens end. */
export async function resetTwoFactor(ctx: Context, userId: number): Promise<void> {
  requirePermission(ctx.actor, 'security.manage', m.securityOnly);
  await write(ctx, async (trx, at) => {
    const user = await findUserById(trx, userId);
    if (!user || user.organization_id !== ctx.actor.organizationId)
      throw new AppError('NOT_FOUND', m.userNotFound);
    await clearTotp(trx, user.id);
    await endUserAccess(trx, user.id, at);
    return {
      result: undefined,
      audit: [
        {
          action: 'user.two_factor_reset',
          entityType: 'user',
          entityId: user.id,
          after: { username: user.username },
        },
      ],
    };
  });
}
