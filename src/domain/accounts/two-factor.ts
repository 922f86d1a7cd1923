import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import {
  consumeRecoveryCode,
  consumeTotpStep,
  countUnusedRecoveryCodes,
  enableTotp,
  replaceRecoveryCodes,
  setPendingTotpSecret,
} from '../../db/queries/two-factor.ts';
import { findUserById, type UserRow } from '../../db/queries/users.ts';
import type { PendingStep } from '../../shared/security.ts';
import { AppError, isAppError } from '../errors.ts';
import type { AuthDeps } from './authenticate.ts';
import { nextStep } from './authenticate.ts';
import { auditAccountEvent } from './login-audit.ts';
import { accountKey, assertMayAttempt, clearFailures, recordFailure } from './login-guard.ts';
import { accountMessages as m } from './messages.ts';
import { sha256Hex } from './tokens.ts';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.ts';

/** How many one-time recovery codes enrolment hands out. */
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Duban督办';
// No 0/O, 1/l/I: codes are copied by hand.
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** What the enrolment page shows: the secret (only now, before it is confirmed) and its QR code. */
export interface Enrolment {
  secret: string;
  uri: string;
  /** The QR code of the URI as an SVG image, drawn here (no outside service sees the secret). */
  qrSvg: string;
}

/** Starts enrolling a second factor: a new secret, kept pending until a code from the phone confirms it. */
export async function startEnrolment(deps: AuthDeps, userId: number): Promise<Enrolment> {
  const user = await requireUser(deps, userId);
  if (user.totp_secret) throw new AppError('CONFLICT', m.alreadyEnrolled);
  const secret = newTotpSecret();
  await setPendingTotpSecret(deps.db, user.id, secret);
  const uri = otpauthUri(secret, ISSUER, user.username);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrSvg };
}

/**
 * Confirms enrolment with a code from the phone; returns the recovery codes (shown once, stored
 * hashed) and the login step that follows, if the session was waiting for enrolment.
 */
export async function confirmEnrolment(
  deps: AuthDeps,
  userId: number,
  code: string,
  address: string,
): Promise<{ recoveryCodes: string[] }> {
  const user = await requireUser(deps, userId);
  if (user.totp_secret) throw new AppError('CONFLICT', m.alreadyEnrolled);
  if (!user.totp_pending_secret) throw new AppError('CONFLICT', m.enrolFirst);
  const now = deps.now();
  const step = matchTotp(user.totp_pending_secret, code.replace(/\s/g, ''), now, null);
  if (step === null) throw new AppError('INVALID_INPUT', m.secondFactorWrong, { field: 'code' });
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await deps.db.transaction().execute(async (trx) => {
    await enableTotp(trx, user.id, {
      secret: user.totp_pending_secret as string,
      at: now.toISOString(),
      step,
    });
    await replaceRecoveryCodes(trx, user.id, codes.map(hashRecoveryCode));
    await auditAccountEvent(trx, {
      user,
      label: user.username,
      address,
      event: 'user.two_factor_enrol',
      result: 'success',
      at: now,
    });
  });
  return { recoveryCodes: codes };
}

/**
 * The second step of a login: a TOTP code or an unused recovery code, guessed at no faster than
 * passwords (the same delays and lock). Returns the step that follows (a password change) or null.
 */
export async function verifySecondFactor(
  deps: AuthDeps,
  userId: number,
  code: string,
  address: string,
): Promise<PendingStep | null> {
  const user = await requireUser(deps, userId);
  if (!user.totp_secret) throw new AppError('CONFLICT', m.secondFactorNotPending);
  const now = deps.now();
  const attempt = { account: accountKey(user.username), address };
  const audit = (result: 'success' | 'failure' | 'denied', detail?: Record<string, unknown>) =>
    auditAccountEvent(deps.db, {
      user,
      label: user.username,
      address,
      event: result === 'success' ? 'user.second_factor' : 'user.second_factor_failed',
      result,
      detail,
      at: now,
    });
  try {
    await assertMayAttempt(deps.db, attempt, now);
  } catch (error) {
    if (isAppError(error, 'RATE_LIMITED')) await audit('denied', { reason: 'delayed' });
    throw error;
  }
  const typed = code.trim().toLowerCase();
  let how: 'totp' | 'recovery' | null = null;
  if (/^\d{6}$/.test(typed)) {
    const step = matchTotp(user.totp_secret, typed, now, user.totp_last_step);
    if (step !== null && (await consumeTotpStep(deps.db, user.id, step))) how = 'totp';
  } else if (await consumeRecoveryCode(deps.db, user.id, hashRecoveryCode(typed), now.toISOString())) {
    how = 'recovery';
  }
  if (!how) {
    await audit('failure', { reason: 'bad_code' });
    const locked = await recordFailure(deps.db, { ...attempt, organizationId: user.organization_id }, now);
    if (locked)
      await auditAccountEvent(deps.db, {
        user,
        label: user.username,
        address,
        event: 'user.locked',
        result: 'failure',
        at: now,
      });
    throw new AppError('UNAUTHENTICATED', m.secondFactorWrong, { field: 'code' });
  }
  await clearFailures(deps.db, attempt);
  await audit('success', { method: how });
  return nextStep(deps, user, 'totp');
}

/** Whether a user has a second factor, and how many recovery codes are left (never the secret). */
export async function twoFactorStatus(
  deps: AuthDeps,
  userId: number,
): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
  const user = await requireUser(deps, userId);
  return {
    enabled: user.totp_secret !== null,
    recoveryCodesLeft: await countUnusedRecoveryCodes(deps.db, user.id),
  };
}

/** The login step after the second factor was proved or enrolled: a password change, or none. */
export async function stepAfterSecondFactor(deps: AuthDeps, userId: number): Promise<PendingStep | null> {
  return nextStep(deps, await requireUser(deps, userId), 'totp');
}

function newRecoveryCode(): string {
  const pick = () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  const part = () => Array.from({ length: 5 }, pick).join('');
  return `${part()}-${part()}`;
}

function hashRecoveryCode(code: string): string {
  return sha256Hex(code.trim().toLowerCase());
}

async function requireUser(deps: AuthDeps, userId: number): Promise<UserRow> {
  const user = await findUserById(deps.db, userId);
  if (user?.disabled !== 0) throw new AppError('UNAUTHENTICATED', m.secondFactorNotPending);
  return user;
}
