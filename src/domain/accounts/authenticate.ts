import type { Kysely } from 'kysely';
import { findUserByUsername, listUserRoles, type UserRow } from '../../db/queries/users.ts';
import type { DB } from '../../db/schema.ts';
import type { PendingStep } from '../../shared/security.ts';
import { AppError, isAppError } from '../errors.ts';
import { auditAccountEvent } from './login-audit.ts';
import { accountKey, assertMayAttempt, clearFailures, recordFailure } from './login-guard.ts';
import { accountMessages as m } from './messages.ts';
import { verifyPassword } from './passwords.ts';
import { passwordExpired, readSecurityPolicy } from './security-policy.ts';

/** What authentication needs: the database and the clock (no actor yet). */
export interface AuthDeps {
  db: Kysely<DB>;
  now: () => Date;
}

/** A login attempt as received. */
export interface Credentials {
  username: string;
  password: string;
  /** The client address, for the per-address delay and the audit trail. */
  ip: string;
}

/**
 * Checks a username and password under the login guard (delays per account and address, locks
 * only for distributed guessing) and audits the outcome; throws UNAUTHENTICATED (one message for
 * every cause) or RATE_LIMITED. Returns the user and the login step still missing, if any.
 */
export async function authenticate(
  deps: AuthDeps,
  credentials: Credentials,
): Promise<{ user: UserRow; pending: PendingStep | null }> {
  const username = credentials.username.trim();
  const user = await findUserByUsername(deps.db, username);
  await verifyGuarded(
    deps,
    { user, label: username, address: credentials.ip, event: 'user.login' },
    credentials.password,
  );
  return { user: user as UserRow, pending: await nextStep(deps, user as UserRow) };
}

/** Who proves a password, and which event records it. */
export interface GuardedCheck {
  user: UserRow | undefined;
  label: string;
  address: string;
  /** 'user.login' or 'user.password_check' (a password change); failures are recorded as '<event>_failed'. */
  event: string;
}

/**
 * Verifies a password exactly as a login does — same delays, same lock, same audit — and throws
 * `failure` (UNAUTHENTICATED by default) when it is wrong. Verification runs with argon2id even
 * for unknown or disabled users, so the time taken does not tell which accounts exist.
 */
export async function verifyGuarded(
  deps: AuthDeps,
  check: GuardedCheck,
  password: string,
  failure: AppError = new AppError('UNAUTHENTICATED', m.badCredentials),
): Promise<void> {
  const now = deps.now();
  const attempt = { account: accountKey(check.label), address: check.address };
  const audit = (event: string, result: 'success' | 'failure' | 'denied', reason?: string) =>
    auditAccountEvent(deps.db, {
      user: check.user,
      label: check.label,
      address: check.address,
      event,
      result,
      ...(reason ? { detail: { reason } } : {}),
      at: now,
    });
  try {
    await assertMayAttempt(deps.db, attempt, now);
  } catch (error) {
    if (isAppError(error, 'RATE_LIMITED')) await audit(`${check.event}_failed`, 'denied', 'delayed');
    throw error;
  }
  const passwordOk = await verifyPassword(check.user?.password_hash, password);
  if (check.user && passwordOk && check.user.disabled === 0) {
    await clearFailures(deps.db, attempt);
    await audit(check.event, 'success');
    return;
  }
  await audit(
    `${check.event}_failed`,
    'failure',
    !check.user ? 'unknown_user' : !passwordOk ? 'bad_password' : 'disabled',
  );
  const locked = await recordFailure(
    deps.db,
    { ...attempt, organizationId: check.user?.organization_id ?? null },
    now,
  );
  if (locked) await audit('user.locked', 'failure', 'distributed_failures');
  throw failure;
}

/** The step a user must still take after the password: a TOTP code, enrolment, a new password. */
export async function nextStep(
  deps: AuthDeps,
  user: UserRow,
  after: 'password' | 'totp' = 'password',
): Promise<PendingStep | null> {
  const policy = await readSecurityPolicy(deps.db, user.organization_id);
  if (after === 'password') {
    if (user.totp_secret) return 'totp';
    const roles = await listUserRoles(deps.db, user.id);
    if (roles.some((role) => policy.twoFactorRoles.includes(role))) return 'enrol';
  }
  if (passwordExpired(policy, user.password_changed_at, deps.now())) return 'password';
  return null;
}
