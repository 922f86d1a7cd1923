import type { Kysely } from 'kysely';
import { recordLoginAudit } from '../../db/queries/login-attempts.ts';
import { findUserByUsername, type UserRow } from '../../db/queries/users.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, isAppError } from '../errors.ts';
import {
  assertNotLocked,
  clearLoginFailures,
  LOGIN_LIMITS,
  lockedError,
  loginKeys,
  recordLoginFailure,
} from './login-limits.ts';
import { accountMessages as m } from './messages.ts';
import { verifyPassword } from './passwords.ts';

/** What authentication needs: the database and the clock (no actor yet). */
export interface AuthDeps {
  db: Kysely<DB>;
  now: () => Date;
}

/** A login attempt as received. */
export interface Credentials {
  username: string;
  password: string;
  /** The client address, for the per-address limit and the audit trail. */
  ip: string;
}

/**
 * Checks a username and password, enforcing the per-account and per-address limits, and audits
 * the success or failure; throws UNAUTHENTICATED (one message for every cause) or RATE_LIMITED.
 */
export async function authenticate(deps: AuthDeps, credentials: Credentials): Promise<UserRow> {
  const { db } = deps;
  const now = deps.now();
  const username = credentials.username.trim();
  const keys = loginKeys(username, credentials.ip);
  const user = await findUserByUsername(db, username);
  const audit = (action: string, reason?: string) =>
    recordLoginAudit(db, {
      organizationId: user?.organization_id ?? null,
      userId: user?.id ?? null,
      label: username,
      action,
      after: { username, ip: credentials.ip, ...(reason ? { reason } : {}) },
      at: now.toISOString(),
    });
  try {
    await assertNotLocked(db, keys, now);
  } catch (error) {
    if (isAppError(error, 'RATE_LIMITED')) await audit('user.login_failed', 'locked');
    throw error;
  }
  // Verify even for unknown or disabled users so the time taken does not reveal which exist.
  const passwordOk = await verifyPassword(user?.password_hash, credentials.password);
  if (user && passwordOk && user.disabled === 0) {
    await clearLoginFailures(db, keys.account);
    await audit('user.login');
    return user;
  }
  await audit('user.login_failed', !user ? 'unknown_user' : !passwordOk ? 'bad_password' : 'disabled');
  const accountLock = await recordLoginFailure(db, keys.account, LOGIN_LIMITS.account, now);
  const addressLock = await recordLoginFailure(db, keys.address, LOGIN_LIMITS.address, now);
  if (accountLock) throw lockedError('account', accountLock, now);
  if (addressLock) throw lockedError('address', addressLock, now);
  throw new AppError('UNAUTHENTICATED', m.badCredentials);
}
