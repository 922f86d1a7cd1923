import { findUnitAndLeaderNames } from '../../db/queries/accounts-directory.ts';
import { findOrganization } from '../../db/queries/organizations.ts';
import { findUserById } from '../../db/queries/users.ts';
import type { Context, Role } from '../context.ts';
import { AppError } from '../errors.ts';
import { accountMessages as m } from './messages.ts';
import { type Permission, permissionsFor } from './permissions.ts';

/** Who the actor is and what they may do, as GET /api/me and the login answer show it. */
export interface AccountView {
  user: { id: number; username: string; displayName: string };
  organization: { id: number; name: string } | null;
  roles: Role[];
  unit: { id: number; name: string; kind: 'department' | 'school' } | null;
  leader: { id: number; name: string } | null;
  permissions: Permission[];
}

/** Describes the acting user: identity, organization, roles, unit, leader and permissions. */
export async function describeAccount(ctx: Context): Promise<AccountView> {
  const user = ctx.actor.userId === null ? undefined : await findUserById(ctx.db, ctx.actor.userId);
  if (!user) throw new AppError('NOT_FOUND', m.userNotFound);
  const names = await findUnitAndLeaderNames(ctx.db, user.unit_id, user.leader_id);
  const organization = await findOrganization(ctx.db, user.organization_id);
  return {
    user: { id: user.id, username: user.username, displayName: user.display_name },
    organization: organization ? { id: organization.id, name: organization.name } : null,
    roles: ctx.actor.roles,
    unit: names.unit,
    leader: names.leader,
    permissions: permissionsFor(ctx.actor),
  };
}
