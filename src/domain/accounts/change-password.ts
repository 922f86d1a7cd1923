import { deleteUserSessions } from '../../db/queries/sessions.ts';
import { findUserById, updateUser } from '../../db/queries/users.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { assertUpdated, write } from '../write.ts';
import { accountMessages as m } from './messages.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';

/** Input of a user changing their own password. */
export interface ChangePasswordInput {
  current: string;
  next: string;
}

/**
 * A signed-in user changes their own password after proving the current one. Every session of
 * the user ends (the caller's too), so a stolen session does not outlive the change. Audited.
 */
export async function changeOwnPassword(ctx: Context, input: ChangePasswordInput): Promise<void> {
  const user = ctx.actor.userId === null ? undefined : await findUserById(ctx.db, ctx.actor.userId);
  if (!user) throw new AppError('NOT_FOUND', m.userNotFound);
  if (!(await verifyPassword(user.password_hash, input.current)))
    throw new AppError('INVALID_INPUT', m.currentPasswordWrong, { field: 'current' });
  if (input.current === input.next) throw new AppError('INVALID_INPUT', m.samePassword, { field: 'next' });
  try {
    checkPasswordPolicy(input.next);
  } catch (error) {
    if (error instanceof AppError) throw new AppError('INVALID_INPUT', error.message, { field: 'next' });
    throw error;
  }
  const passwordHash = await hashPassword(input.next);
  await write(ctx, async (trx) => {
    assertUpdated(await updateUser(trx, user.id, user.version, { passwordHash }), '该用户');
    await deleteUserSessions(trx, user.id);
    return {
      result: undefined,
      audit: [{ action: 'user.password_changed', entityType: 'user', entityId: user.id, after: {} }],
    };
  });
}
