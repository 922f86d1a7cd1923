import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { fixedContext, yunxiText } from '../../../test/support/yunxi.ts';
import { isAppError } from '../errors.ts';
import { getPlanTree } from '../get-plan-tree.ts';
import { importNotice } from '../import-notice.ts';
import { publishPlan } from '../publish-plan.ts';
import { addUnit } from './add-unit.ts';
import { aliasUnit } from './alias-unit.ts';
import { listUnitsWithAliases } from './list-units.ts';

describeEachDatabase('unit directory', (current) => {
  it('adds units and aliases and lists them together', async () => {
    const ctx = await fixedContext(current());
    await addUnit(ctx, { name: '纪检监察室' });
    await addUnit(ctx, { name: '云溪小学', kind: 'school', schoolKind: '小学' });
    const result = await aliasUnit(ctx, { name: '纪检监察室', alias: '纪监室' });
    expect(result).toMatchObject({ merged: false, unchanged: false });
    expect(await aliasUnit(ctx, { name: '纪检监察室', alias: '纪监室' })).toMatchObject({ unchanged: true });
    const units = await listUnitsWithAliases(ctx);
    expect(units.map((u) => [u.name, u.kind, u.aliases])).toEqual([
      ['纪检监察室', 'department', ['纪监室']],
      ['云溪小学', 'school', []],
    ]);
    const audit = await ctx.db.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'organization.create',
      'unit.create',
      'unit.create',
      'unit.alias',
    ]);
  });

  it('refuses duplicates, an unknown target and an alias taken by another unit', async () => {
    const ctx = await fixedContext(current());
    await addUnit(ctx, { name: '办公室' });
    await addUnit(ctx, { name: '人事股' });
    await aliasUnit(ctx, { name: '办公室', alias: '局办' });
    expect(isAppError(await addUnit(ctx, { name: '办公室' }).catch((e: unknown) => e), 'CONFLICT')).toBe(
      true,
    );
    expect(isAppError(await addUnit(ctx, { name: '局办' }).catch((e: unknown) => e), 'CONFLICT')).toBe(true);
    const missing = await aliasUnit(ctx, { name: '不存在', alias: 'x' }).catch((e: unknown) => e);
    expect(isAppError(missing, 'NOT_FOUND')).toBe(true);
    const taken = await aliasUnit(ctx, { name: '人事股', alias: '局办' }).catch((e: unknown) => e);
    expect(isAppError(taken, 'CONFLICT')).toBe(true);
  });

  it('merges a unit created by a draft import into the unit it abbreviates', async () => {
    const ctx = await fixedContext(current());
    const { planId } = await importNotice(ctx, { text: yunxiText }, { createUnits: true });
    const result = await aliasUnit(ctx, { name: '纪检监察室', alias: '纪监室' });
    expect(result.merged).toBe(true);
    const tree = await getPlanTree(ctx, { planId });
    const items = tree.sections.flatMap((s) => s.items);
    expect(items[3]!.departments.map((d) => d.name)).toEqual(['纪检监察室']);
    expect(items[6]!.departments.map((d) => d.name)).toEqual(['督导室', '教育股', '教科室', '纪检监察室']);
    const names = (await listUnitsWithAliases(ctx)).map((u) => u.name);
    expect(names).not.toContain('纪监室');
  });

  it('refuses to merge a unit that already owns published tasks', async () => {
    const ctx = await fixedContext(current());
    const { planId } = await importNotice(ctx, { text: yunxiText }, { createUnits: true });
    await publishPlan(ctx, { planId });
    const error = await aliasUnit(ctx, { name: '纪检监察室', alias: '纪监室' }).catch((e: unknown) => e);
    expect(isAppError(error, 'CONFLICT')).toBe(true);
    expect((await listUnitsWithAliases(ctx)).map((u) => u.name)).toContain('纪监室');
  });
});
