import { findLeaderByName } from '../../db/queries/accounts-directory.ts';
import { findUnitAlias, findUnitByName, type UnitRow } from '../../db/queries/units.ts';
import { findUserByUsername, insertUser } from '../../db/queries/users.ts';
import type { NewUser } from '../../shared/accounts.ts';
import type { Context, Tx } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { accountMessages as m } from './messages.ts';
import { checkPasswordPolicy } from './password-rules.ts';
import { hashPassword } from './passwords.ts';
import { requireAdmin } from './permissions.ts';
import { readSecurityPolicy } from './security-policy.ts';

/** Creates an account in the actor's organization, bound to a unit or leader of its directory. */
export async function addUser(ctx: Context, input: NewUser): Promise<{ id: number }> {
  requireAdmin(ctx.actor);
  const policy = await readSecurityPolicy(ctx.db, ctx.actor.organizationId);
  checkPasswordPolicy(input.password, { username: input.username, complexity: policy.passwordComplexity });
  const passwordHash = await hashPassword(input.password);
  const organizationId = ctx.actor.organizationId;
  return write(ctx, async (trx, at) => {
    if (await findUserByUsername(trx, input.username)) {
      throw new AppError('CONFLICT', m.usernameTaken(input.username), { field: 'username' });
    }
    const unit = input.unit ? await resolveUnit(trx, organizationId, input.unit) : undefined;
    checkUnitFitsRoles(input, unit);
    const leader = input.leader ? await findLeaderByName(trx, organizationId, input.leader) : undefined;
    if (input.leader && !leader)
      throw new AppError('INVALID_INPUT', m.leaderNotFound(input.leader), { field: 'leader' });
    const id = await insertUser(trx, {
      organizationId,
      username: input.username,
      displayName: input.displayName ?? input.username,
      passwordHash,
      unitId: unit?.id ?? null,
      leaderId: leader?.id ?? null,
      email: input.email || null,
      roles: input.roles,
      createdAt: at,
    });
    const after = {
      username: input.username,
      roles: input.roles,
      unit: unit?.name ?? null,
      leader: leader?.name ?? null,
    };
    return { result: { id }, audit: [{ action: 'user.create', entityType: 'user', entityId: id, after }] };
  });
}

/** Finds a unit by its name or one of its aliases (纪监室 = 纪检监察室). */
async function resolveUnit(trx: Tx, organizationId: number, name: string): Promise<UnitRow> {
  const unit =
    (await findUnitByName(trx, organizationId, name)) ??
    (await findUnitAlias(trx, organizationId, name).then((alias) =>
      alias ? findUnitByName(trx, organizationId, alias.unitName) : undefined,
    ));
  if (!unit) throw new AppError('INVALID_INPUT', m.unitNotFound(name), { field: 'unit' });
  return unit;
}

function checkUnitFitsRoles(input: NewUser, unit: UnitRow | undefined): void {
  for (const role of ['department', 'school'] as const) {
    if (!input.roles.includes(role)) continue;
    if (!unit) throw new AppError('INVALID_INPUT', m.unitRequired, { field: 'unit' });
    if (unit.kind !== role)
      throw new AppError('INVALID_INPUT', m.unitKindMismatch(unit.name, role), { field: 'unit' });
  }
}
