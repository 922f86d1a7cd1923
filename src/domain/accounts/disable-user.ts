import { deleteUserSessions } from '../../db/queries/sessions.ts';
import { countActiveAdmins, listUserRoles, updateUser } from '../../db/queries/users.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { assertUpdated, write } from '../write.ts';
import { findManagedUser } from './managed-user.ts';
import { accountMessages as m } from './messages.ts';

/** An administrator disables (or re-enables) an account; disabling ends its sessions and stops its tokens. */
export async function setUserDisabled(ctx: Context, userId: number, disabled: boolean): Promise<void> {
  await write(ctx, async (trx) => {
    const user = await findManagedUser(ctx, trx, userId);
    if (disabled && user.id === ctx.actor.userId) throw new AppError('CONFLICT', m.selfDisable);
    const roles = await listUserRoles(trx, user.id);
    if (disabled && user.disabled === 0 && roles.includes('admin')) {
      if ((await countActiveAdmins(trx, user.organization_id)) <= 1)
        throw new AppError('CONFLICT', m.lastAdmin);
    }
    assertUpdated(await updateUser(trx, user.id, user.version, { disabled }), '该用户');
    if (disabled) await deleteUserSessions(trx, user.id);
    return {
      result: undefined,
      audit: [
        {
          action: disabled ? 'user.disable' : 'user.enable',
          entityType: 'user',
          entityId: user.id,
          before: { disabled: user.disabled === 1 },
          after: { disabled },
        },
      ],
    };
  });
}
