import { findLeaderByName } from '../../db/queries/accounts-directory.ts';
import { findUnit, findUnitAlias, findUnitByName, type UnitRow } from '../../db/queries/units.ts';
import { countActiveAdmins, listUserRoles, replaceUserRoles, updateUser } from '../../db/queries/users.ts';
import { SYSTEM_ADMIN_ROLE } from '../../policies/roles.ts';
import type { UserPatch } from '../../shared/accounts.ts';
import type { Context, Role, Tx } from '../context.ts';
import { AppError } from '../errors.ts';
import { assertUpdated, write } from '../write.ts';
import { endUserAccess } from './end-access.ts';
import { findManagedUser } from './managed-user.ts';
import { accountMessages as m } from './messages.ts';

/**
 * An administrator changes an account's name, roles and the unit or leader it is bound to, in one
 * step, so a user never holds a 股室/学校 role without a unit of that kind. Audited before and after.
 */
export async function changeUser(
  ctx: Context,
  userId: number,
  patch: UserPatch,
  keepSessionId?: string,
): Promise<void> {
  await write(ctx, async (trx, at) => {
    const user = await findManagedUser(ctx, trx, userId);
    const organizationId = user.organization_id;
    const beforeRoles = await listUserRoles(trx, user.id);
    const roles: Role[] = patch.roles ? [...new Set(patch.roles)].sort() : beforeRoles;
    let unit: UnitRow | undefined;
    if (patch.unit === undefined) {
      unit = user.unit_id === null ? undefined : await findUnit(trx, organizationId, user.unit_id);
    } else if (patch.unit !== null) {
      unit = await resolveUnit(trx, organizationId, patch.unit);
    }
    for (const role of ['department', 'school'] as const) {
      if (!roles.includes(role)) continue;
      if (!unit) throw new AppError('INVALID_INPUT', m.unitRequired, { field: 'unit' });
      if (unit.kind !== role)
        throw new AppError('INVALID_INPUT', m.unitKindMismatch(unit.name, role), { field: 'unit' });
    }
    let leaderId = user.leader_id;
    if (patch.leader === null) leaderId = null;
    else if (patch.leader !== undefined) {
      const leader = await findLeaderByName(trx, organizationId, patch.leader);
      if (!leader) throw new AppError('INVALID_INPUT', m.leaderNotFound(patch.leader), { field: 'leader' });
      leaderId = leader.id;
    }
    const losesAdmin = beforeRoles.includes(SYSTEM_ADMIN_ROLE) && !roles.includes(SYSTEM_ADMIN_ROLE);
    if (losesAdmin && user.disabled === 0 && (await countActiveAdmins(trx, organizationId)) <= 1) {
      throw new AppError('CONFLICT', m.lastAdmin, { field: 'roles' });
    }
    const displayName = patch.displayName ?? user.display_name;
    const email = patch.email === undefined ? user.email : patch.email || null;
    const unitId = unit?.id ?? null;
    // Bumping the version makes two administrators editing the same user at once conflict.
    assertUpdated(
      await updateUser(trx, user.id, user.version, { displayName, unitId, leaderId, email }),
      '该用户',
    );
    if (patch.roles) await replaceUserRoles(trx, user.id, roles);
    // New roles mean new rights: sessions and tokens granted under the old ones end.
    if (roles.join() !== beforeRoles.join()) await endUserAccess(trx, user.id, at, keepSessionId);
    return {
      result: undefined,
      audit: [
        {
          action: 'user.update',
          entityType: 'user',
          entityId: user.id,
          before: {
            displayName: user.display_name,
            roles: beforeRoles,
            unitId: user.unit_id,
            leaderId: user.leader_id,
            email: user.email,
          },
          after: { displayName, roles, unitId, leaderId, email },
        },
      ],
    };
  });
}

async function resolveUnit(trx: Tx, organizationId: number, name: string): Promise<UnitRow> {
  const unit =
    (await findUnitByName(trx, organizationId, name)) ??
    (await findUnitAlias(trx, organizationId, name).then((alias) =>
      alias ? findUnit(trx, organizationId, alias.unitId) : undefined,
    ));
  if (!unit) throw new AppError('INVALID_INPUT', m.unitNotFound(name), { field: 'unit' });
  return unit;
}
