import { countActiveAdmins, listUserRoles, replaceUserRoles, updateUser } from '../../db/queries/users.ts';
import { SYSTEM_ADMIN_ROLE } from '../../policies/roles.ts';
import type { Context, Role } from '../context.ts';
import { AppError } from '../errors.ts';
import { assertUpdated, write } from '../write.ts';
import { endUserAccess } from './end-access.ts';
import { findManagedUser } from './managed-user.ts';
import { accountMessages as m } from './messages.ts';

/**
 * An administrator replaces a user's roles; a real change ends the user's sessions (but the
 * caller's own) and revokes its tokens. Audited with the roles before and after.
 */
export async function setRoles(
  ctx: Context,
  userId: number,
  roles: readonly Role[],
  keepSessionId?: string,
): Promise<Role[]> {
  if (roles.length === 0) throw new AppError('INVALID_INPUT', m.rolesRequired, { field: 'roles' });
  const next = [...new Set(roles)].sort();
  return write(ctx, async (trx, at) => {
    const user = await findManagedUser(ctx, trx, userId);
    const before = await listUserRoles(trx, user.id);
    const losesAdmin = before.includes(SYSTEM_ADMIN_ROLE) && !next.includes(SYSTEM_ADMIN_ROLE);
    if (losesAdmin && user.disabled === 0 && (await countActiveAdmins(trx, user.organization_id)) <= 1) {
      throw new AppError('CONFLICT', m.lastAdmin);
    }
    // Bumping the version makes two administrators editing the same user at once conflict.
    assertUpdated(await updateUser(trx, user.id, user.version, {}), '该用户');
    await replaceUserRoles(trx, user.id, next);
    if (before.join() !== next.join()) await endUserAccess(trx, user.id, at, keepSessionId);
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
