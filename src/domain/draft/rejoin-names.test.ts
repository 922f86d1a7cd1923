import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { fixedContext } from '../../../test/support/yunxi.ts';
import { insertLeaders } from '../../db/queries/leaders.ts';
import { listItemLeaders, listItems } from '../../db/queries/plan-items.ts';
import { parseNoticeText } from '../../notice/parse-notice.ts';
import type { Context } from '../context.ts';
import { importNotice } from '../import-notice.ts';
import { previewNotice } from './preview-notice.ts';

// A task table pasted one cell per line, its leader cells padded to three characters and run
// together: nothing else in the notice writes these names apart, so only the directory can tell.
const tableText = `石门县教育局2024年工作要点任务分工表

序号 |
工作任务 |
分管领导 |
牵头单位 |
配合单位 |
一、加强党的建设 |
1 |
每月开展一次党组理论学习中心组学习，全年不少于12次。 |
王小明李强 |
办公室 |
组织人事股 |
2 |
制订《石门县教育系统意识形态工作责任清单》，每半年开展一次风险研判。 |
|
组织人事股 |
办公室 |
二、办好人民满意的教育 |
3 |
新建公办幼儿园2所，新增学位540个。 |
韩 松许 诺 |
基础教育股 |
计划财务股 |
4 |
每月开展一次校园安全隐患排查，整改率达到100%。 |
宋 宜黎明 |
安全股 |
各学校 |
`;

function leadersByItem(notice: { sections: Array<{ items: Array<{ no: number; leaders: string[] }> }> }) {
  return Object.fromEntries(notice.sections.flatMap((s) => s.items.map((i) => [i.no, i.leaders])));
}

function unsureAt(warnings: ReadonlyArray<{ code: string; message: string }>): string[] {
  return warnings.filter((w) => w.code === 'name-unsure').map((w) => w.message);
}

async function withLeaders(ctx: Context, names: string[]): Promise<void> {
  await insertLeaders(ctx.db, {
    organizationId: ctx.actor.organizationId,
    names,
    createdAt: '2024-01-02T00:00:00Z',
  });
}

it('the parser alone keeps its best reading of each run and warns of all three', () => {
  const parsed = parseNoticeText(tableText);
  expect(leadersByItem(parsed)).toEqual({
    1: ['王小', '明李强'],
    2: ['王小', '明李强'],
    3: ['韩松', '许诺'],
    4: ['宋宜', '黎明'],
  });
  expect(unsureAt(parsed.warnings)).toHaveLength(3);
  expect(unsureAt(parsed.warnings)[0]).toContain('“王小明李强”');
  expect(parsed.warnings.map((w) => w.code)).toContain('table-cell-inherited');
});

describeEachDatabase('rejoinNames in the preview and the import', (current) => {
  it('cuts the runs the directory knows, with the merged cell below, and warns only of the one it does not', async () => {
    const ctx = await fixedContext(current());
    await withLeaders(ctx, ['王小明', '李强', '韩松', '许诺', '宋宜']);
    const preview = await previewNotice(ctx, tableText);
    expect(leadersByItem(preview)).toEqual({
      1: ['王小明', '李强'],
      2: ['王小明', '李强'],
      3: ['韩松', '许诺'],
      4: ['宋宜', '黎明'],
    });
    const unsure = unsureAt(preview.warnings);
    expect(unsure).toHaveLength(1);
    expect(unsure[0]).toContain('第4条要点的责任领导“宋 宜黎明”');
    expect(preview.names.leaders).toEqual([
      { name: '王小明', exists: true },
      { name: '李强', exists: true },
      { name: '韩松', exists: true },
      { name: '许诺', exists: true },
      { name: '宋宜', exists: true },
      { name: '黎明', exists: false },
    ]);
  });

  it('reads 李明王强 as one four-character name when the directory has it so', async () => {
    const ctx = await fixedContext(current());
    await withLeaders(ctx, ['李明王强']);
    const preview = await previewNotice(ctx, tableText.replace('王小明李强', '李明王强'));
    expect(leadersByItem(preview)[1]).toEqual(['李明王强']);
    expect(leadersByItem(preview)[2]).toEqual(['李明王强']);
    expect(unsureAt(preview.warnings)).toHaveLength(2);
  });

  it('leaves every reading and warning as the parser gave them when the directory is empty', async () => {
    const preview = await previewNotice(await fixedContext(current()), tableText);
    expect(leadersByItem(preview)[1]).toEqual(['王小', '明李强']);
    expect(unsureAt(preview.warnings)).toHaveLength(3);
  });

  it('stores the draft with the names the directory settled, creating no 王小 or 明李强', async () => {
    const ctx = await fixedContext(current());
    await withLeaders(ctx, ['王小明', '李强', '韩松', '许诺', '宋宜']);
    const result = await importNotice(ctx, { text: tableText }, { createUnits: true });
    expect(result.createdLeaders).toEqual(['黎明']);
    expect(unsureAt(result.warnings)).toHaveLength(1);
    const items = await listItems(ctx.db, result.planId);
    const leaders = await listItemLeaders(ctx.db, result.planId);
    const namesOf = (no: number) =>
      leaders.filter((l) => l.itemId === items.find((i) => i.no === no)?.id).map((l) => l.name);
    expect(namesOf(1)).toEqual(['王小明', '李强']);
    expect(namesOf(2)).toEqual(['王小明', '李强']);
    expect(namesOf(3)).toEqual(['韩松', '许诺']);
  });
});
