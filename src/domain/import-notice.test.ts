import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { fixedContext, yunxiText } from '../../test/support/yunxi.ts';
import { countBlobs } from '../db/queries/blobs.ts';
import { countNotices } from '../db/queries/notices.ts';
import { findFirstOrganization } from '../db/queries/organizations.ts';
import { listItems, listItemUnits } from '../db/queries/plan-items.ts';
import { countPlans } from '../db/queries/plans.ts';
import { addUnit } from './directory/add-unit.ts';
import { aliasUnit } from './directory/alias-unit.ts';
import { isAppError } from './errors.ts';
import { importNotice } from './import-notice.ts';

const yunxi = { bytes: new TextEncoder().encode(yunxiText), fileName: 'yunxi.txt' };

describeEachDatabase('importNotice', (current) => {
  it('imports the Yunxi notice as a draft with its sections, items, leaders and departments', async () => {
    const ctx = await fixedContext(current());
    const result = await importNotice(ctx, yunxi, { createUnits: true });
    expect(result.created).toBe(true);
    expect(result.counts).toMatchObject({ sections: 5, items: 23 });
    expect(result.counts.indicators).toBeGreaterThan(10);
    expect(result.createdLeaders).toEqual(['陈玲玲', '林海', '陈丽', '李开军', '杨建波']);
    expect(result.createdUnits).toContain('纪监室');
    expect(result.createdUnits).toContain('纪检监察室');
    // Both spellings are new, so the import warns that one may abbreviate the other.
    expect(result.warnings.map((w) => w.message).join()).toContain('纪监室');

    const items = await listItems(ctx.db, result.planId);
    expect(items).toHaveLength(23);
    const units = await listItemUnits(ctx.db, result.planId);
    const item1 = units.filter((u) => u.itemId === items[0]!.id);
    expect(item1.map((u) => [u.name, u.isLead])).toEqual([
      ['办公室', true],
      ['行政审批股', false],
    ]);
    const organization = await findFirstOrganization(ctx.db);
    expect(organization?.name).toBe('岳阳市云溪区教育体育局');
  });

  it('suggests 纪检监察室 for 纪监室 and refuses unknown names without writing anything', async () => {
    const ctx = await fixedContext(current());
    await addUnit(ctx, { name: '纪检监察室' });
    const error = await importNotice(ctx, yunxi, { createUnits: false }).catch((e: unknown) => e);
    expect(isAppError(error, 'INVALID_INPUT')).toBe(true);
    if (!isAppError(error)) return;
    expect(error.message).toContain('纪监室（可能是“纪检监察室”）');
    const unresolved = error.details.unresolved as Array<{ name: string; suggestion?: { name: string } }>;
    expect(unresolved.find((u) => u.name === '纪监室')?.suggestion?.name).toBe('纪检监察室');
    const organizationId = ctx.actor.organizationId;
    expect(await countPlans(ctx.db, organizationId)).toBe(0);
    expect(await countNotices(ctx.db, organizationId)).toBe(0);
    expect(await countBlobs(ctx.db)).toBe(0);
    const leaders = await ctx.db.selectFrom('leaders').select('id').execute();
    expect(leaders).toHaveLength(0);
  });

  it('resolves 纪监室 through its alias after `unit alias`', async () => {
    const ctx = await fixedContext(current());
    await addUnit(ctx, { name: '纪检监察室' });
    await aliasUnit(ctx, { name: '纪检监察室', alias: '纪监室' });
    const result = await importNotice(ctx, yunxi, { createUnits: true });
    expect(result.createdUnits).not.toContain('纪监室');
    expect(result.createdUnits).not.toContain('纪检监察室');
    const items = await listItems(ctx.db, result.planId);
    const units = await listItemUnits(ctx.db, result.planId);
    const item4 = units.filter((u) => u.itemId === items[3]!.id);
    expect(item4.map((u) => u.name)).toEqual(['纪检监察室']);
  });

  it('maps a name to an existing unit, recording the alias for next time', async () => {
    const ctx = await fixedContext(current());
    const { unitId } = await addUnit(ctx, { name: '纪检监察室' });
    const result = await importNotice(ctx, yunxi, { createUnits: true, mapping: { 纪监室: unitId } });
    expect(result.createdUnits).not.toContain('纪监室');
    const alias = await ctx.db.selectFrom('unit_aliases').selectAll().execute();
    expect(alias.map((a) => [a.alias, a.unit_id])).toEqual([['纪监室', unitId]]);
  });

  it('updates the same draft when the notice is imported again, storing identical bytes once', async () => {
    const ctx = await fixedContext(current());
    const first = await importNotice(ctx, yunxi, { createUnits: true });
    const corrected = yunxiText.replace(
      '深入学习贯彻党的二十大精神。',
      '深入学习贯彻党的二十大精神和全会精神。',
    );
    const second = await importNotice(ctx, { text: corrected }, { createUnits: true });
    expect(second.planId).toBe(first.planId);
    expect(second.created).toBe(false);
    expect(second.createdUnits).toEqual([]);
    const items = await listItems(ctx.db, first.planId);
    expect(items).toHaveLength(23);
    expect(items[0]!.title).toContain('全会精神');
    const plan = await ctx.db.selectFrom('plans').selectAll().executeTakeFirstOrThrow();
    expect(plan.version).toBe(2);
    await importNotice(ctx, yunxi, { createUnits: true });
    expect(await countBlobs(ctx.db)).toBe(2);
    expect(await countPlans(ctx.db, ctx.actor.organizationId)).toBe(1);
  });

  it('refuses a text without numbered items and a plan without a year', async () => {
    const ctx = await fixedContext(current());
    const empty = await importNotice(ctx, { text: '关于做好春季开学工作的通知\n请各校认真落实。' }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(empty, 'INVALID_INPUT')).toBe(true);
    expect((empty as Error).message).toContain('未能从文件中识别出任何工作要点');
    const noYear = yunxiText.replaceAll('2024', '').replace('2024年2月22日', '');
    const undated = await importNotice(ctx, { text: noYear }, { createUnits: true }).catch((e: unknown) => e);
    expect(isAppError(undated, 'INVALID_INPUT')).toBe(true);
    expect((undated as Error).message).toContain('无法确定工作要点的年份');
    expect(await countPlans(ctx.db, ctx.actor.organizationId)).toBe(0);
  });

  it('reports an unreadable file as a user error, writing nothing', async () => {
    const ctx = await fixedContext(current());
    // A PNG's signature and nothing else: a picture goes to OCR, which cannot read this one.
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const error = await importNotice(ctx, { bytes: png, fileName: 'x.txt' }).catch((e: unknown) => e);
    expect(isAppError(error)).toBe(true);
    if (isAppError(error)) expect(error.details.reason).toMatch(/^OCR_(FAILED|MISSING)$/);
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);
    const old = await importNotice(ctx, { bytes: ole, fileName: 'x.doc' }).catch((e: unknown) => e);
    expect(isAppError(old)).toBe(true);
    expect(await countPlans(ctx.db, ctx.actor.organizationId)).toBe(0);
  });
});
