import { describe, expect, it } from 'vitest';
import { yunxiText } from '../../../test/support/yunxi.ts';
import { parseNoticeText } from '../../notice/parse-notice.ts';
import { type MatchableItem, matchItems } from './match-items.ts';

// The real 2024 items make realistic inputs: renumbering, reordering, rewording, splitting and
// merging are applied to them here and the matcher must see through each.
const yunxi: Array<MatchableItem & { no: number }> = parseNoticeText(yunxiText).sections.flatMap((s) =>
  s.items.map((i) => ({ no: i.no, title: i.title, body: i.body, sectionTitle: s.title })),
);
const item = (no: number) => yunxi.find((i) => i.no === no)!;
const pairsOf = (before: typeof yunxi, after: typeof yunxi) =>
  matchItems(before, after).pairs.map((p) => [
    before[p.before]!.no,
    after[p.after]!.no,
    p.status,
    p.relation,
  ]);

describe('matchItems', () => {
  it('pairs identical plans item by item, all unchanged', () => {
    const result = matchItems(yunxi, yunxi);
    expect(result.added).toEqual([]);
    expect(result.dropped).toEqual([]);
    expect(result.pairs).toHaveLength(23);
    for (const [index, pair] of result.pairs.entries()) {
      expect(pair).toMatchObject({
        before: index,
        after: index,
        status: 'unchanged',
        relation: 'same',
        similarity: 1,
      });
    }
  });

  it('sees through renumbering and reordering', () => {
    const shuffled = [...yunxi].reverse().map((i, index) => ({ ...i, no: index + 1 }));
    const result = matchItems(yunxi, shuffled);
    expect(result.pairs.map((p) => [p.before, p.after])).toEqual(
      yunxi.map((_, index) => [index, 22 - index]).sort((x, y) => x[1]! - y[1]!),
    );
    expect(result.pairs.every((p) => p.status === 'unchanged')).toBe(true);
  });

  it('calls a reworded item with the same meaning changed, and an unrelated one new', () => {
    const reworded = {
      ...item(14),
      title: '全面加强师德师风建设',
      body: item(14).body.replace('制订下发', '深入落实').replace('结合本系统近年来', '结合近年来'),
    };
    const unrelated = {
      title: '深入实施青少年近视防控工作',
      body: '每学期开展两次学生视力筛查，建立学生屈光发育档案，保障学生每天户外活动两小时。',
      sectionTitle: item(14).sectionTitle,
      no: 99,
    };
    const result = matchItems([item(13), item(14)], [unrelated, reworded, item(13)]);
    expect(result.pairs.map((p) => [p.before, p.after, p.status])).toEqual([
      [1, 1, 'changed'],
      [0, 2, 'unchanged'],
    ]);
    expect(result.added).toEqual([0]);
    expect(result.pairs[0]!.similarity).toBeGreaterThan(0.9);
  });

  it('offers a heavily rewritten item as a possible pair for the user to confirm', () => {
    const old = item(19);
    const rewritten = {
      ...old,
      title: '巩固义务教育学校办学条件改善成果',
      body: '总结三年集中攻坚行动经验，优化校园布局，整合教育资源，继续缩小城乡、校际差距，巩固优质均衡发展成果。',
    };
    const result = matchItems([item(18), old], [rewritten, item(18)]);
    const pair = result.pairs.find((p) => p.after === 0);
    expect(pair).toMatchObject({ before: 1, status: 'possible', relation: 'same' });
    expect(pair!.similarity).toBeGreaterThanOrEqual(0.3);
    expect(pair!.similarity).toBeLessThan(0.5);
  });

  it('recognises an item split in two: one keeps the pair, the other is split off it', () => {
    const old = item(20);
    const [projects, aid] = old.body.split('以校为单位');
    const first = { ...old, title: '推进教育项目建设', body: projects! };
    const second = { ...old, title: '做好学生资助工作', body: `以校为单位${aid}` };
    expect(pairsOf([item(19), old], [item(19), first, second])).toEqual([
      [19, 19, 'unchanged', 'same'],
      [20, 20, 'changed', expect.stringMatching(/^(same|split)$/)],
      [20, 20, 'changed', expect.stringMatching(/^(same|split)$/)],
    ]);
    const relations = matchItems([item(19), old], [item(19), first, second]).pairs.map((p) => p.relation);
    expect(relations.sort()).toEqual(['same', 'same', 'split']);
  });

  it('recognises two items merged into one', () => {
    const merged = {
      ...item(14),
      title: '加强师德师风建设和教育人事管理',
      body: `${item(14).body}${item(15).body}`,
    };
    const result = matchItems([item(14), item(15), item(16)], [merged, item(16)]);
    expect(result.pairs.map((p) => [p.before, p.after, p.relation])).toEqual([
      [0, 0, 'same'],
      [1, 0, 'merged'],
      [2, 1, 'same'],
    ]);
    expect(result.dropped).toEqual([]);
  });

  it('handles empty plans', () => {
    expect(matchItems([], [])).toEqual({ pairs: [], added: [], dropped: [] });
    expect(matchItems([], [item(1), item(2)])).toEqual({ pairs: [], added: [0, 1], dropped: [] });
    expect(matchItems([item(1)], [])).toEqual({ pairs: [], added: [], dropped: [0] });
    const blank = { title: '', body: '', sectionTitle: '' };
    expect(matchItems([blank], [blank])).toEqual({ pairs: [], added: [0], dropped: [0] });
  });

  it('matches a 100-item plan against 100 items well under a second', () => {
    const many = (year: number) =>
      Array.from({ length: 100 }, (_, n) => {
        const source = yunxi[n % yunxi.length]!;
        return {
          ...source,
          title: `${source.title}（第${Math.floor(n / 23) + 1}组）`,
          body: `${year}年${source.body}`,
          no: n + 1,
        };
      });
    const started = performance.now();
    const result = matchItems(many(2024), many(2025));
    const elapsed = performance.now() - started;
    expect(result.pairs).toHaveLength(100);
    expect(elapsed).toBeLessThan(1000);
  });
});
