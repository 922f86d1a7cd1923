import { countActiveAdmins, listUserRoles, updateUser } from '../../db/queries/users.ts';
import { SYSTEM_ADMIN_ROLE } from '../../policies/roles.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { assertUpdated, write } from '../write.ts';
import { endUserAccess } from './end-access.ts';
import { findManagedUser } from './managed-user.ts';
import { accountMessages as m } from './messages.ts';

/** An administrator disables (or re-enables) an account; disabling ends its sessions and revokes its tokens for good. */
export async function setUserDisabled(ctx: Context, userId: number, disabled: boolean): Promise<void> {
  await write(ctx, async (trx, at) => {
    const user = await findManagedUser(ctx, trx, userId);
    if (disabled && user.id === ctx.actor.userId) throw new AppError('CONFLICT', m.selfDisable);
    const roles = await listUserRoles(trx, user.id);
    if (disabled && user.disabled === 0 && roles.includes(SYSTEM_ADMIN_ROLE)) {
      if ((await countActiveAdmins(trx, user.organization_id)) <= 1)
        throw new AppError('CONFLICT', m.lastAdmin);
    }
    assertUpdated(await updateUser(trx, user.id, user.version, { disabled }), '该用户');
    const revokedTokens = disabled ? await endUserAccess(trx, user.id, at) : 0;
    return {
      result: undefined,
      audit: [
        {
          action: disabled ? 'user.disable' : 'user.enable',
          entityType: 'user',
          entityId: user.id,
          before: { disabled: user.disabled === 1 },
          after: { disabled, ...(revokedTokens ? { revokedTokens } : {}) },
        },
      ],
    };
  });
}
