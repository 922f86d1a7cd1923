import { describe, expect, it } from 'vitest';
import { diffText, sideOf } from './text-diff.ts';

describe('diffText', () => {
  it('marks an insertion and a deletion inside Chinese text', () => {
    expect(diffText('坚持每月开展学习', '坚持每月开展党委理论学习')).toEqual([
      { op: 'equal', text: '坚持每月开展' },
      { op: 'insert', text: '党委理论' },
      { op: 'equal', text: '学习' },
    ]);
    expect(diffText('制订下发实施方案', '制订实施方案')).toEqual([
      { op: 'equal', text: '制订' },
      { op: 'delete', text: '下发' },
      { op: 'equal', text: '实施方案' },
    ]);
  });

  it('shows a replaced phrase as deletion then insertion, folding a lone shared character into it', () => {
    expect(diffText('深入学习贯彻党的二十大精神。', '深入学习贯彻党的二十届三中全会精神。')).toEqual([
      { op: 'equal', text: '深入学习贯彻党的二十' },
      { op: 'delete', text: '大' },
      { op: 'insert', text: '届三中全会' },
      { op: 'equal', text: '精神。' },
    ]);
    // 的 alone between two changes reads better as part of one change.
    expect(diffText('甲乙的丙丁', '戊己的庚辛')).toEqual([
      { op: 'delete', text: '甲乙的丙丁' },
      { op: 'insert', text: '戊己的庚辛' },
    ]);
  });

  it('treats full- and half-width forms as equal and shows the new form', () => {
    expect(diffText('工作,按学科(试行)', '工作，按学科（试行）')).toEqual([
      { op: 'equal', text: '工作，按学科（试行）' },
    ]);
  });

  it('handles identical, empty and entirely different texts', () => {
    expect(diffText('相同', '相同')).toEqual([{ op: 'equal', text: '相同' }]);
    expect(diffText('', '')).toEqual([]);
    expect(diffText('', '新增')).toEqual([{ op: 'insert', text: '新增' }]);
    expect(diffText('取消', '')).toEqual([{ op: 'delete', text: '取消' }]);
  });

  it('always rebuilds both texts exactly (random edits)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = Array.from('学习教育工作开展加强督导安全，。𠀀');
    const text = (n: number) =>
      Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const before = text(Math.floor(random() * 60));
      const after = text(Math.floor(random() * 60));
      const runs = diffText(before, after);
      expect(sideOf(runs, 'before')).toBe(before);
      expect(sideOf(runs, 'after')).toBe(after);
    }
  });

  it('diffs two 2,000-character texts quickly', () => {
    const base = '深入学习贯彻党的二十大精神，坚持每月开展党委理论中心组学习。'.repeat(70);
    const changed = base.replaceAll('每月', '每季度').replaceAll('二十大', '二十届三中全会');
    const started = performance.now();
    const runs = diffText(base, changed);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(sideOf(runs, 'after')).toBe(changed);
    expect(runs.filter((r) => r.op === 'insert').map((r) => r.text)).toContain('季度');
  });
});
