import { deleteUserSessions } from '../../db/queries/sessions.ts';
import { updateUser } from '../../db/queries/users.ts';
import type { Context } from '../context.ts';
import { assertUpdated, write } from '../write.ts';
import { findManagedUser } from './managed-user.ts';
import { checkPasswordPolicy, hashPassword } from './passwords.ts';

/** An administrator sets a new password for a user of their organization, ending the user's sessions. */
export async function resetPassword(ctx: Context, userId: number, password: string): Promise<void> {
  checkPasswordPolicy(password);
  const passwordHash = await hashPassword(password);
  await write(ctx, async (trx) => {
    const user = await findManagedUser(ctx, trx, userId);
    assertUpdated(await updateUser(trx, user.id, user.version, { passwordHash }), '该用户');
    // Whoever knew the old password may hold a session; a reset must lock them out.
    await deleteUserSessions(trx, user.id);
    return {
      result: undefined,
      audit: [
        {
          action: 'user.password_reset',
          entityType: 'user',
          entityId: user.id,
          after: { username: user.username },
        },
      ],
    };
  });
}
