import { countActiveAdmins, listUserRoles, replaceUserRoles, updateUser } from '../../db/queries/users.ts';
import type { Context, Role } from '../context.ts';
import { AppError } from '../errors.ts';
import { assertUpdated, write } from '../write.ts';
import { findManagedUser } from './managed-user.ts';
import { accountMessages as m } from './messages.ts';

/** An administrator replaces a user's roles; the change is audited with the roles before and after. */
export async function setRoles(ctx: Context, userId: number, roles: readonly Role[]): Promise<Role[]> {
  if (roles.length === 0) throw new AppError('INVALID_INPUT', m.rolesRequired, { field: 'roles' });
  const next = [...new Set(roles)].sort();
  return write(ctx, async (trx) => {
    const user = await findManagedUser(ctx, trx, userId);
    const before = await listUserRoles(trx, user.id);
    const losesAdmin = before.includes('admin') && !next.includes('admin');
    if (losesAdmin && user.disabled === 0 && (await countActiveAdmins(trx, user.organization_id)) <= 1) {
      throw new AppError('CONFLICT', m.lastAdmin);
    }
    // Bumping the version makes two administrators editing the same user at once conflict.
    assertUpdated(await updateUser(trx, user.id, user.version, {}), '该用户');
    await replaceUserRoles(trx, user.id, next);
    return {
      result: next,
      audit: [
        {
          action: 'user.roles',
          entityType: 'user',
          entityId: user.id,
          before: { roles: before },
          after: { roles: next },
        },
      ],
    };
  });
}
