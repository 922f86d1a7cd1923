import type { Database } from '../db/connect.ts';
import { bumpDataVersion } from '../db/queries/data-versions.ts';
import { hashPassword } from '../domain/accounts/passwords.ts';
import { type Cell, IdSequence, insertRows, nextId, syncIdentities } from './bulk-insert.ts';
import { personName } from './names.ts';
import type { SeededRandom } from './random.ts';

/** The password of every generated account (printed by `duban seed`). */
export const SEED_PASSWORD = 'seed-pass-2024';

const seedHashes = new Map<string, Promise<string>>();

/** The argon2 hash of a seed password (SEED_PASSWORD unless given), computed once per process: argon2 is slow by design. */
export function seedPasswordHash(password = SEED_PASSWORD): Promise<string> {
  let hash = seedHashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    seedHashes.set(password, hash);
  }
  return hash;
}

/** The accounts generated work is done by. */
export interface SeedAccounts {
  supervisorId: number;
  /** unit id → the user who files for it. */
  unitUser: Map<number, number>;
  /** leader id → the leader's user. */
  leaderUser: Map<number, number>;
  /** user id → the label the audit trail shows (as loadActor builds it). */
  labels: Map<number, string>;
}

interface NewAccount {
  username: string;
  displayName: string;
  role: 'supervisor' | 'department' | 'school' | 'leader';
  unitId: number | null;
  leaderId: number | null;
  unitName: string | null;
  leaderName: string | null;
}

const label = (username: string, displayName: string) =>
  displayName === username ? username : `${displayName}（${username}）`;

/**
 * Finds, or creates with set-based inserts, one supervisor of the organization, one account per
 * unit given and one per leader given: what addUser would write (user, role, audit entry), with
 * the shared seed password (or the one given).
 */
export async function ensureSeedAccounts(
  database: Database,
  organizationId: number,
  units: ReadonlyArray<{ id: number; name: string; kind: 'department' | 'school' }>,
  leaders: ReadonlyArray<{ id: number; name: string }>,
  at: string,
  random: SeededRandom,
  password = SEED_PASSWORD,
): Promise<SeedAccounts> {
  const { db, dialect } = database;
  const existing = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.unit_id',
      'users.leader_id',
      'user_roles.role',
    ])
    .where('users.organization_id', '=', organizationId)
    .where('users.disabled', '=', 0)
    .orderBy('users.id')
    .execute();
  const accounts: SeedAccounts = {
    supervisorId: 0,
    unitUser: new Map(),
    leaderUser: new Map(),
    labels: new Map(),
  };
  for (const user of existing) {
    accounts.labels.set(user.id, label(user.username, user.display_name));
    if (!accounts.supervisorId && user.role === 'supervisor') accounts.supervisorId = user.id;
    if ((user.role === 'department' || user.role === 'school') && user.unit_id !== null) {
      if (!accounts.unitUser.has(user.unit_id)) accounts.unitUser.set(user.unit_id, user.id);
    }
    if (user.role === 'leader' && user.leader_id !== null && !accounts.leaderUser.has(user.leader_id)) {
      accounts.leaderUser.set(user.leader_id, user.id);
    }
  }
  const wanted: NewAccount[] = [];
  if (!accounts.supervisorId) {
    wanted.push({
      username: `duban-${organizationId}`,
      displayName: `督办 ${personName(random)}`,
      role: 'supervisor',
      unitId: null,
      leaderId: null,
      unitName: null,
      leaderName: null,
    });
  }
  for (const unit of units) {
    if (accounts.unitUser.has(unit.id)) continue;
    wanted.push({
      username: `unit-${unit.id}`,
      displayName: `${unit.name} ${personName(random)}`,
      role: unit.kind,
      unitId: unit.id,
      leaderId: null,
      unitName: unit.name,
      leaderName: null,
    });
  }
  for (const leader of leaders) {
    if (accounts.leaderUser.has(leader.id)) continue;
    wanted.push({
      username: `leader-${leader.id}`,
      displayName: leader.name,
      role: 'leader',
      unitId: null,
      leaderId: leader.id,
      unitName: null,
      leaderName: leader.name,
    });
  }
  if (wanted.length === 0) return accounts;
  const taken = new Set(
    (
      await db
        .selectFrom('users')
        .select('username')
        .where(
          'username',
          'in',
          wanted.map((w) => w.username),
        )
        .execute()
    ).map((u) => u.username),
  );
  const hash = await seedPasswordHash(password);
  await db.transaction().execute(async (trx) => {
    const ids = new IdSequence(await nextId(trx, 'users'));
    const audits = new IdSequence(await nextId(trx, 'audit_log'));
    const users: Cell[][] = [];
    const roles: Cell[][] = [];
    const audit: Cell[][] = [];
    for (const account of wanted) {
      const username = taken.has(account.username)
        ? `${account.username}-${organizationId}`
        : account.username;
      const id = ids.take();
      users.push([
        id,
        organizationId,
        username,
        account.displayName,
        hash,
        account.unitId,
        account.leaderId,
        0,
        1,
        at,
        null,
      ]);
      roles.push([id, account.role]);
      const after = { username, roles: [account.role], unit: account.unitName, leader: account.leaderName };
      audit.push([
        audits.take(),
        organizationId,
        null,
        '命令行',
        'user.create',
        'user',
        id,
        null,
        JSON.stringify(after),
        at,
      ]);
      accounts.labels.set(id, label(username, account.displayName));
      if (account.role === 'supervisor') accounts.supervisorId = id;
      else if (account.leaderId !== null) accounts.leaderUser.set(account.leaderId, id);
      else if (account.unitId !== null) accounts.unitUser.set(account.unitId, id);
    }
    const userColumns = [
      'id',
      'organization_id',
      'username',
      'display_name',
      'password_hash',
      'unit_id',
      'leader_id',
      'disabled',
      'version',
      'created_at',
      'email',
    ];
    await insertRows(trx, dialect, 'users', userColumns, users);
    await insertRows(trx, dialect, 'user_roles', ['user_id', 'role'], roles);
    await insertRows(trx, dialect, 'audit_log', AUDIT_COLUMNS, audit);
    await syncIdentities(trx, dialect, ['users', 'audit_log']);
    await bumpDataVersion(trx, organizationId);
  });
  return accounts;
}

/** The columns of an audit row as generated rows list them. */
export const AUDIT_COLUMNS = [
  'id',
  'organization_id',
  'actor_user_id',
  'actor_label',
  'action',
  'entity_type',
  'entity_id',
  'before',
  'after',
  'created_at',
] as const;

/**
 * Creates the administrator account `admin` (administrator and supervisor of the organization) with
 * the seed password unless the name is taken; returns whether it was created.
 */
export async function ensureSeedAdmin(
  database: Database,
  organizationId: number,
  at: string,
): Promise<boolean> {
  const { db, dialect } = database;
  if (await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst())
    return false;
  const hash = await seedPasswordHash();
  await db.transaction().execute(async (trx) => {
    const id = await nextId(trx, 'users');
    const auditId = await nextId(trx, 'audit_log');
    await insertRows(
      trx,
      dialect,
      'users',
      [
        'id',
        'organization_id',
        'username',
        'display_name',
        'password_hash',
        'disabled',
        'version',
        'created_at',
      ],
      [[id, organizationId, 'admin', '系统管理员', hash, 0, 1, at]],
    );
    await insertRows(
      trx,
      dialect,
      'user_roles',
      ['user_id', 'role'],
      [
        [id, 'admin'],
        [id, 'supervisor'],
      ],
    );
    const after = { username: 'admin', roles: ['admin', 'supervisor'], unit: null, leader: null };
    await insertRows(trx, dialect, 'audit_log', AUDIT_COLUMNS, [
      [auditId, organizationId, null, '命令行', 'user.create', 'user', id, null, JSON.stringify(after), at],
    ]);
    await syncIdentities(trx, dialect, ['users', 'audit_log']);
    await bumpDataVersion(trx, organizationId);
  });
  return true;
}
