import { findUserById, updateUser } from '../../db/queries/users.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { assertUpdated, write } from '../write.ts';
import { verifyGuarded } from './authenticate.ts';
import { endUserAccess } from './end-access.ts';
import { accountMessages as m } from './messages.ts';
import { checkPasswordPolicy } from './password-rules.ts';
import { hashPassword } from './passwords.ts';
import { readSecurityPolicy } from './security-policy.ts';

/** Input of a user changing their own password. */
export interface ChangePasswordInput {
  current: string;
  next: string;
}

/** Where the change comes from: the client address (for the guard) and the session making it. */
export interface ChangePasswordClient {
  address: string;
  sessionId?: string;
}

/**
 * A signed-in user changes their own password after proving the current one — a check guarded
 * exactly like a login (same delays, same lock), so a stolen session cannot guess it. Every other
 * session of the user ends and its API tokens are revoked. Audited.
 */
export async function changeOwnPassword(
  ctx: Context,
  input: ChangePasswordInput,
  client: ChangePasswordClient,
): Promise<void> {
  const user = ctx.actor.userId === null ? undefined : await findUserById(ctx.db, ctx.actor.userId);
  if (!user) throw new AppError('NOT_FOUND', m.userNotFound);
  const policy = await readSecurityPolicy(ctx.db, user.organization_id);
  // Check the new password first: a wrong current password then always means a guess.
  if (input.current === input.next) throw new AppError('INVALID_INPUT', m.samePassword, { field: 'next' });
  checkPasswordPolicy(input.next, { username: user.username, complexity: policy.passwordComplexity }, 'next');
  await verifyGuarded(
    ctx,
    { user, label: user.username, address: client.address, event: 'user.password_check' },
    input.current,
    new AppError('INVALID_INPUT', m.currentPasswordWrong, { field: 'current' }),
  );
  const passwordHash = await hashPassword(input.next);
  await write(ctx, async (trx, at) => {
    assertUpdated(
      await updateUser(trx, user.id, user.version, { passwordHash, passwordChangedAt: at }),
      '该用户',
    );
    const revokedTokens = await endUserAccess(trx, user.id, at, client.sessionId);
    return {
      result: undefined,
      audit: [
        { action: 'user.password_changed', entityType: 'user', entityId: user.id, after: { revokedTokens } },
      ],
    };
  });
}
