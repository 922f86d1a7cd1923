import { findUnit, insertUnitAlias, insertUnits } from '../../db/queries/units.ts';
import type { NameMapping } from '../../shared/import.ts';
import type { Tx } from '../context.ts';
import {
  loadUnitDirectory,
  type ResolvedName,
  resolveName,
  similarNamePairs,
} from '../directory/resolve-names.ts';
import { AppError } from '../errors.ts';
import { planMessages } from '../plan-messages.ts';
import type { WriteResult } from '../write.ts';

/** How an import treats department names the directory lacks. */
export interface UnitResolutionOptions {
  /** Create every unknown name as a department (the CLI's default). */
  createUnits: boolean;
  /**
   * Per name: an existing unit id (recorded as an alias), 'create' (a new department),
   * 'create_school' (a new school) or {aliasOf} another name of the notice (recorded as that unit's
   * alias, so both names are one unit); wins over createUnits.
   */
  mapping?: NameMapping;
}

/** The outcome of resolving an import's department names inside its transaction. */
export interface UnitResolution {
  unitIds: Map<string, number>;
  created: string[];
  /** Names the directory did not know before this import, with a suggestion where one is close. */
  unknown: ResolvedName[];
  /** Created names that look like another unit's shorthand (纪监室 beside 纪检监察室). */
  similar: Array<{ name: string; other: string }>;
  audit: WriteResult<unknown>['audit'];
}

/**
 * Resolves department names against the directory, applies the mapping, and creates units where
 * allowed; throws INVALID_INPUT listing the unresolved names (with suggestions) otherwise, which
 * rolls the whole import back.
 */
export async function resolveImportUnits(
  trx: Tx,
  organizationId: number,
  names: readonly string[],
  options: UnitResolutionOptions,
  at: string,
): Promise<UnitResolution> {
  const directory = await loadUnitDirectory(trx, organizationId);
  const resolved = names.map((name) => resolveName(name, directory));
  const unknown = resolved.filter((r) => r.unitId === null);
  const unitIds = new Map<string, number>();
  for (const r of resolved) if (r.unitId !== null) unitIds.set(r.name, r.unitId);
  const audit: UnitResolution['audit'] = [];
  const toCreate: string[] = [];
  const schools = new Set<string>();
  const aliasOf = new Map<string, string>();
  for (const { name } of unknown) {
    const mapped = options.mapping?.[name];
    if (typeof mapped === 'object') {
      aliasOf.set(name, mapped.aliasOf);
    } else if (typeof mapped === 'number') {
      const unit = await findUnit(trx, organizationId, mapped);
      if (!unit) throw new AppError('INVALID_INPUT', planMessages.mappingUnitMissing(name, mapped), { name });
      // Mapping a name to a unit is an alias: the next notice using that name resolves by itself.
      const aliasId = await insertUnitAlias(trx, { organizationId, unitId: unit.id, alias: name });
      audit.push({
        action: 'unit.alias',
        entityType: 'unit',
        entityId: unit.id,
        after: { aliasId, alias: name },
      });
      unitIds.set(name, unit.id);
    } else if (mapped === 'create' || mapped === 'create_school' || options.createUnits) {
      toCreate.push(name);
      if (mapped === 'create_school') schools.add(name);
    }
  }
  const creating = new Set(toCreate);
  const refused = unknown.filter(
    (r) => !unitIds.has(r.name) && !creating.has(r.name) && !aliasOf.has(r.name),
  );
  if (refused.length > 0) {
    const list = refused
      .map((r) => (r.suggestion ? `${r.name}（可能是“${r.suggestion.name}”）` : r.name))
      .join('、');
    throw new AppError('INVALID_INPUT', planMessages.unresolvedNames(list), { unresolved: refused });
  }
  const kinds = toCreate.map(
    (name) => ({ name, kind: schools.has(name) ? 'school' : 'department' }) as const,
  );
  const createdIds = await insertUnits(trx, { organizationId, units: kinds, createdAt: at });
  kinds.forEach(({ name, kind }, k) => {
    const unitId = createdIds[k]!;
    unitIds.set(name, unitId);
    audit.push({ action: 'unit.create', entityType: 'unit', entityId: unitId, after: { name, kind } });
  });
  // After the creations, so a name can join a unit this same import creates (纪监室 → new 纪检监察室).
  for (const [name, target] of aliasOf) {
    const unitId = unitIds.get(target) ?? resolveName(target, directory).unitId;
    if (unitId === null || aliasOf.has(target)) {
      throw new AppError('INVALID_INPUT', planMessages.aliasOfUnresolved(name, target), { name });
    }
    const aliasId = await insertUnitAlias(trx, { organizationId, unitId, alias: name });
    audit.push({
      action: 'unit.alias',
      entityType: 'unit',
      entityId: unitId,
      after: { aliasId, alias: name },
    });
    unitIds.set(name, unitId);
  }
  const allNames = [...directory.units.map((u) => u.name), ...toCreate];
  const similar = similarNamePairs(toCreate, allNames).map(({ name, other }) => ({ name, other }));
  return { unitIds, created: toCreate, unknown, similar, audit };
}
