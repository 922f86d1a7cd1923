import type { Database } from '../db/connect.ts';
import { bumpDataVersion } from '../db/queries/data-versions.ts';
import type { Tx } from '../domain/context.ts';
import { type Cell, IdSequence, insertRows, nextId, syncIdentities } from './bulk-insert.ts';
import { AUDIT_COLUMNS } from './seed-accounts.ts';

/** A unit to create in a generated directory. */
export interface SeedUnit {
  name: string;
  kind: 'department' | 'school';
  schoolKind: string | null;
}

function systemAudit(
  ids: IdSequence,
  organizationId: number,
  action: string,
  entity: string,
  id: number,
  after: unknown,
  at: string,
): Cell[] {
  return [ids.take(), organizationId, null, '命令行', action, entity, id, null, JSON.stringify(after), at];
}

/** Creates an organization (a bureau) under an optional parent, with its audit entry; returns its id. */
export async function createSeedOrganization(
  database: Database,
  name: string,
  parentId: number | null,
  at: string,
): Promise<number> {
  return database.db.transaction().execute(async (trx) => {
    const id = await nextId(trx, 'organizations');
    const audit = new IdSequence(await nextId(trx, 'audit_log'));
    await insertRows(
      trx,
      database.dialect,
      'organizations',
      ['id', 'name', 'parent_id', 'created_at'],
      [[id, name, parentId, at]],
    );
    const after = parentId === null ? { name } : { name, parentId };
    await insertRows(trx, database.dialect, 'audit_log', AUDIT_COLUMNS, [
      systemAudit(audit, id, 'organization.create', 'organization', id, after, at),
    ]);
    await syncIdentities(trx, database.dialect, ['organizations', 'audit_log']);
    await bumpDataVersion(trx, id);
    return id;
  });
}

/** Adds units to an organization's directory as add-unit does (row + audit entry); returns name → id. */
export async function addSeedUnits(
  database: Database,
  organizationId: number,
  units: readonly SeedUnit[],
  at: string,
  trx?: Tx,
): Promise<Map<string, number>> {
  const run = async (db: Tx) => {
    const ids = new IdSequence(await nextId(db, 'units'));
    const audit = new IdSequence(await nextId(db, 'audit_log'));
    const rows: Cell[][] = [];
    const audits: Cell[][] = [];
    const byName = new Map<string, number>();
    for (const unit of units) {
      const id = ids.take();
      rows.push([id, organizationId, unit.kind, unit.name, unit.schoolKind, 1, at]);
      audits.push(
        systemAudit(
          audit,
          organizationId,
          'unit.create',
          'unit',
          id,
          { name: unit.name, kind: unit.kind, schoolKind: unit.schoolKind },
          at,
        ),
      );
      byName.set(unit.name, id);
    }
    await insertRows(
      db,
      database.dialect,
      'units',
      ['id', 'organization_id', 'kind', 'name', 'school_kind', 'active', 'created_at'],
      rows,
    );
    await insertRows(db, database.dialect, 'audit_log', AUDIT_COLUMNS, audits);
    await syncIdentities(db, database.dialect, ['units', 'audit_log']);
    await bumpDataVersion(db, organizationId);
    return byName;
  };
  return trx ? run(trx) : database.db.transaction().execute(run);
}

/** Adds bureau leaders (局领导) as the directory does; returns name → id. */
export async function addSeedLeaders(
  database: Database,
  organizationId: number,
  leaders: ReadonlyArray<{ name: string; title: string | null }>,
  at: string,
  trx: Tx,
): Promise<Map<string, number>> {
  const ids = new IdSequence(await nextId(trx, 'leaders'));
  const audit = new IdSequence(await nextId(trx, 'audit_log'));
  const byName = new Map<string, number>();
  const rows: Cell[][] = [];
  const audits: Cell[][] = [];
  for (const leader of leaders) {
    const id = ids.take();
    rows.push([id, organizationId, leader.name, leader.title, at]);
    audits.push(
      systemAudit(
        audit,
        organizationId,
        'leader.create',
        'leader',
        id,
        { name: leader.name, title: leader.title },
        at,
      ),
    );
    byName.set(leader.name, id);
  }
  await insertRows(
    trx,
    database.dialect,
    'leaders',
    ['id', 'organization_id', 'name', 'title', 'created_at'],
    rows,
  );
  await insertRows(trx, database.dialect, 'audit_log', AUDIT_COLUMNS, audits);
  await syncIdentities(trx, database.dialect, ['leaders', 'audit_log']);
  return byName;
}

/** Records other names of units (纪监室 = 纪检监察室) as the directory's alias action does. */
export async function addSeedAliases(
  database: Database,
  organizationId: number,
  aliases: ReadonlyArray<{ unitId: number; alias: string }>,
  at: string,
  trx: Tx,
): Promise<void> {
  if (aliases.length === 0) return;
  const ids = new IdSequence(await nextId(trx, 'unit_aliases'));
  const audit = new IdSequence(await nextId(trx, 'audit_log'));
  const rows: Cell[][] = [];
  const audits: Cell[][] = [];
  for (const { unitId, alias } of aliases) {
    const aliasId = ids.take();
    rows.push([aliasId, organizationId, unitId, alias]);
    audits.push(systemAudit(audit, organizationId, 'unit.alias', 'unit', unitId, { aliasId, alias }, at));
  }
  await insertRows(
    trx,
    database.dialect,
    'unit_aliases',
    ['id', 'organization_id', 'unit_id', 'alias'],
    rows,
  );
  await insertRows(trx, database.dialect, 'audit_log', AUDIT_COLUMNS, audits);
  await syncIdentities(trx, database.dialect, ['unit_aliases', 'audit_log']);
}
