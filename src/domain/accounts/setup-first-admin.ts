import type { Kysely } from 'kysely';
import type { DialectName } from '../../db/connect.ts';
import { anyUserExists } from '../../db/queries/users.ts';
import type { DB } from '../../db/schema.ts';
import { FIRST_ACCOUNT_ROLES } from '../../policies/roles.ts';
import { systemActor } from '../context.ts';
import { ensureOrganization } from '../ensure-organization.ts';
import { AppError } from '../errors.ts';
import { addUser } from './add-user.ts';
import { accountMessages as m } from './messages.ts';

/** What the setup needs: the database and the clock; there is no actor yet. */
export interface SetupDeps {
  db: Kysely<DB>;
  dialect: DialectName;
  now: () => Date;
}

/**
 * Creates the first administrator; refused with CONFLICT as soon as any account exists. The first
 * account also holds the supervisor role: the office that installs Duban is the one that runs the
 * plan, and it must be able to import and publish before it has created anyone else.
 */
export async function setupFirstAdmin(
  deps: SetupDeps,
  input: { username: string; password: string; displayName?: string; organization?: string },
): Promise<{ id: number }> {
  if (await anyUserExists(deps.db)) throw new AppError('CONFLICT', m.setupClosed);
  const organization = await ensureOrganization(deps, deps.now, input.organization);
  const ctx = { ...deps, actor: systemActor(organization.id, '初始设置') };
  return addUser(ctx, { ...input, roles: [...FIRST_ACCOUNT_ROLES] });
}
