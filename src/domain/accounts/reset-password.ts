import { updateUser } from '../../db/queries/users.ts';
import type { Context } from '../context.ts';
import { assertUpdated, write } from '../write.ts';
import { endUserAccess } from './end-access.ts';
import { findManagedUser } from './managed-user.ts';
import { checkPasswordPolicy } from './password-rules.ts';
import { hashPassword } from './passwords.ts';
import { readSecurityPolicy } from './security-policy.ts';

/** An administrator sets a new password for a user of their organization, ending the user's sessions. */
export async function resetPassword(ctx: Context, userId: number, password: string): Promise<void> {
  const policy = await readSecurityPolicy(ctx.db, ctx.actor.organizationId);
  const target = await findManagedUser(ctx, ctx.db, userId);
  checkPasswordPolicy(password, { username: target.username, complexity: policy.passwordComplexity });
  const passwordHash = await hashPassword(password);
  await write(ctx, async (trx, at) => {
    const user = await findManagedUser(ctx, trx, userId);
    assertUpdated(
      await updateUser(trx, user.id, user.version, { passwordHash, passwordChangedAt: at }),
      '该用户',
    );
    // Whoever knew the old password may hold a session; a reset must lock them out.
    await endUserAccess(trx, user.id, at);
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
