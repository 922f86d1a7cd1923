import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { fixedContext, yunxiText } from '../../../test/support/yunxi.ts';
import { listItems, listItemUnits } from '../../db/queries/plan-items.ts';
import { listUnitAliases, listUnits } from '../../db/queries/units.ts';
import type { NameMapping } from '../../shared/import.ts';
import { isAppError } from '../errors.ts';
import { importNotice } from '../import-notice.ts';
import { previewNotice } from './preview-notice.ts';

const nextYearText = readFileSync(
  new URL('../../../test/fixtures/notices/yunxi-2025-next-year.txt', import.meta.url),
  'utf8',
);

describeEachDatabase('previewNotice', (current) => {
  it('warns first, before any parse warning, that a 2024 notice imported in 2026 will be all red', async () => {
    const ctx = await fixedContext(current(), '2026-03-02T02:00:00Z');
    const preview = await previewNotice(ctx, yunxiText);
    expect(preview.warnings[0]).toMatchObject({ code: 'past-plan-year', at: 0 });
    expect(preview.warnings[0]?.message).toContain('这是2024年的工作要点，今天已是2026年');
    expect(preview.warnings[0]?.message).toContain('按逾期计算、亮红灯');
    expect(preview.warnings.filter((w) => w.code === 'past-plan-year')).toHaveLength(1);
  });

  it('says nothing of the year for this year’s notice or for next year’s imported in December', async () => {
    const inYear = await previewNotice(await fixedContext(current(), '2024-02-23T02:00:00Z'), yunxiText);
    expect(inYear.warnings.map((w) => w.code)).not.toContain('past-plan-year');
    const december = await previewNotice(await fixedContext(current(), '2024-12-20T02:00:00Z'), nextYearText);
    expect(december.year).toBe(2025);
    expect(december.warnings.map((w) => w.code)).not.toContain('past-plan-year');
  });

  it('counts the year in Asia/Shanghai: 00:30 on 1 January there is already the new year', async () => {
    // 2024-12-31T16:30Z is 2025-01-01 00:30 in Shanghai.
    const ctx = await fixedContext(current(), '2024-12-31T16:30:00Z');
    const preview = await previewNotice(ctx, yunxiText);
    expect(preview.warnings[0]?.message).toContain('这是2024年的工作要点，今天已是2025年');
    const utcEve = await previewNotice(await fixedContext(current(), '2024-12-31T15:30:00Z'), yunxiText);
    expect(utcEve.warnings.map((w) => w.code)).not.toContain('past-plan-year');
  });

  it('keeps the year warning with the draft an import stores', async () => {
    const ctx = await fixedContext(current(), '2026-03-02T02:00:00Z');
    const result = await importNotice(ctx, { text: yunxiText }, { createUnits: true });
    expect(result.warnings[0]?.code).toBe('past-plan-year');
    const plan = await ctx.db
      .selectFrom('plans')
      .select('warnings')
      .where('id', '=', result.planId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(plan.warnings)[0]).toMatchObject({ code: 'past-plan-year' });
  });

  it('pairs 纪监室 with 纪检监察室 on a first import into an empty directory, and nothing else', async () => {
    const ctx = await fixedContext(current());
    const preview = await previewNotice(ctx, yunxiText);
    expect(preview.names.departments.every((d) => d.status === 'unknown')).toBe(true);
    expect(preview.similarNames).toEqual([
      { name: '纪监室', other: '纪检监察室', why: expect.stringContaining('简称') },
    ]);
  });

  it('imports 纪监室 {aliasOf: 纪检监察室} as one unit with an alias, items 4, 7 and 21 on it', async () => {
    const ctx = await fixedContext(current());
    const preview = await previewNotice(ctx, yunxiText);
    const mapping: NameMapping = {};
    for (const d of preview.names.departments) mapping[d.name] = 'create';
    mapping.纪监室 = { aliasOf: '纪检监察室' };
    const result = await importNotice(ctx, { text: yunxiText }, { mapping });
    expect(result.createdUnits).toContain('纪检监察室');
    expect(result.createdUnits).not.toContain('纪监室');
    // Merged already: no warning that the two may be one unit.
    expect(result.warnings.map((w) => w.code)).not.toContain('similar-unit-names');

    const organizationId = ctx.actor.organizationId;
    const units = await listUnits(ctx.db, organizationId, { includeInactive: true });
    const unit = units.find((u) => u.name === '纪检监察室');
    expect(units.map((u) => u.name)).not.toContain('纪监室');
    const aliases = await listUnitAliases(ctx.db, organizationId);
    expect(aliases).toEqual([expect.objectContaining({ alias: '纪监室', unitId: unit?.id })]);
    const items = await listItems(ctx.db, result.planId);
    const itemUnits = await listItemUnits(ctx.db, result.planId);
    const itemsOf = itemUnits
      .filter((u) => u.unitId === unit?.id)
      .map((u) => items.find((i) => i.id === u.itemId)?.no);
    expect(itemsOf).toEqual([4, 7, 21]);

    // The next import finds 纪监室 through its alias.
    const again = await previewNotice(ctx, yunxiText);
    expect(again.names.departments.find((d) => d.name === '纪监室')).toMatchObject({
      status: 'alias',
      unit: { name: '纪检监察室' },
    });
    expect(again.similarNames).toEqual([]);
  });

  it('refuses two names each merged into the other, writing nothing', async () => {
    const ctx = await fixedContext(current());
    const chain: NameMapping = { 纪监室: { aliasOf: '纪检监察室' }, 纪检监察室: { aliasOf: '纪监室' } };
    const looped = await importNotice(ctx, { text: yunxiText }, { mapping: chain, createUnits: true }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(looped, 'INVALID_INPUT')).toBe(true);
    if (isAppError(looped)) expect(looped.message).toContain('“纪监室”要并入的“纪检监察室”');
    expect(await ctx.db.selectFrom('units').select('id').execute()).toHaveLength(0);
  });

  it('knows the directory’s units and leaders in a traditional-character copy, creating none again', async () => {
    const ctx = await fixedContext(current());
    await importNotice(ctx, { text: yunxiText }, { createUnits: true });
    const traditional = [
      '雲溪區2024年教育體育工作要點',
      '一、聚焦黨建引領',
      '1.深入學習貫徹黨的二十大精神。每月開展一次集中學習。（責任領導：陳玲玲、林海，責任股室：辦公室、人事股）',
    ].join('\n');
    const preview = await previewNotice(ctx, traditional);
    expect(
      preview.names.departments.map((d) => [d.name, d.status, 'unit' in d ? d.unit.name : null]),
    ).toEqual([
      ['辦公室', 'alias', '办公室'],
      ['人事股', 'known', '人事股'],
    ]);
    expect(preview.names.leaders).toEqual([
      { name: '陳玲玲', exists: true },
      { name: '林海', exists: true },
    ]);
    const units = (await listUnits(ctx.db, ctx.actor.organizationId)).length;
    const leaders = await ctx.db.selectFrom('leaders').select('name').execute();
    await importNotice(ctx, { text: traditional }, { createUnits: false });
    expect(await listUnits(ctx.db, ctx.actor.organizationId)).toHaveLength(units);
    expect(await ctx.db.selectFrom('leaders').select('name').execute()).toEqual(leaders);
  });
});
